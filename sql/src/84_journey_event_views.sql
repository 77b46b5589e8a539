/* 84_journey_event_views.sql: event-based stage KPIs, conversion control charts, alerts */

/*
 * Conversion attributed to the entry period: in each period a customer's
 * entry at a touchpoint is their first event there in the period (the first
 * row of customer_daily in the period), and it converts when a
 * conversion-stage event follows it within settings.conversion_window
 * (fixed at refresh time in customer_daily.converted).  touchpoint NULL is
 * the journey: the first event of the entry stage.  This is computed here
 * in SQL; window_funnel_start may replace it later.
 */
CREATE VIEW cjkpi.conversion_trend AS
WITH a AS (
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, d.bucket_day::timestamp)::date AS period_start,
           d.customer_id, d.touchpoint, t.stage, d.first_at, d.converted
    FROM cjkpi.customer_daily d
    JOIN cjkpi.touchpoints t ON t.touchpoint = d.touchpoint
    CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) g(granularity)
    WHERE d.converted IS NOT NULL
), per_touchpoint AS (
    SELECT DISTINCT ON (a.granularity, a.period_start, a.touchpoint, a.customer_id)
           a.granularity, a.period_start, a.touchpoint, a.stage, a.converted
    FROM a ORDER BY a.granularity, a.period_start, a.touchpoint, a.customer_id, a.first_at
), per_journey AS (
    SELECT DISTINCT ON (a.granularity, a.period_start, a.customer_id)
           a.granularity, a.period_start, NULL::text AS touchpoint, a.stage, a.converted
    FROM a CROSS JOIN cjkpi.settings cfg
    WHERE a.stage = cfg.entry_stage
    ORDER BY a.granularity, a.period_start, a.customer_id, a.first_at
)
SELECT e.granularity, e.period_start, e.touchpoint, e.stage, count(*) AS customers,
       count(*) FILTER (WHERE e.converted) AS converted,
       100.0 * count(*) FILTER (WHERE e.converted) / count(*) AS rate,
       -- final once the window after the period's last entry lies before the end of the data
       e.period_start::timestamp + CASE e.granularity WHEN 'day' THEN interval '1 day'
                                       WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                                       ELSE interval '3 months' END + cfg.conversion_window <= last.data_end AS is_final
FROM (SELECT * FROM per_touchpoint UNION ALL SELECT * FROM per_journey) e
CROSS JOIN cjkpi.settings cfg
CROSS JOIN (SELECT (max(d.bucket_day) + 1)::timestamp AS data_end FROM cjkpi.customer_daily d) last
GROUP BY e.granularity, e.period_start, e.touchpoint, e.stage, cfg.conversion_window, last.data_end;
COMMENT ON VIEW cjkpi.conversion_trend IS
    'Per period: customers entering at each touchpoint (NULL: the journey''s entry stage) and % converting within the window';

/*
 * Stage KPIs from events, per period.  Distinct counts are exact over the
 * period (count(DISTINCT) over customer_daily, never a sum of daily counts).
 * repeat_rate: % of customers with a conversion-stage event in the period who
 * have one again in the next period; NULL until the next period has ended
 * (by the last day with events).
 */
CREATE VIEW cjkpi.journey_kpis AS
WITH a AS (
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, d.bucket_day::timestamp)::date AS period_start,
           d.customer_id, t.stage, d.events, d.sessions, d.bucket_day
    FROM cjkpi.customer_daily d
    JOIN cjkpi.touchpoints t ON t.touchpoint = d.touchpoint
    CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) g(granularity)
), activity AS (
    SELECT a.granularity, a.period_start, a.stage, count(DISTINCT a.customer_id) AS customers,
           sum(a.events) AS events
    FROM a GROUP BY a.granularity, a.period_start, a.stage
), sessions AS (
    SELECT a.granularity, a.period_start, a.stage, count(DISTINCT x.session_id) AS sessions
    FROM a CROSS JOIN LATERAL unnest(a.sessions) x(session_id)
    GROUP BY a.granularity, a.period_start, a.stage
), firsts AS (
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, f.first_day::timestamp)::date AS period_start,
           count(*) AS customers
    FROM (SELECT d.customer_id, min(d.bucket_day) AS first_day FROM cjkpi.customer_daily d GROUP BY d.customer_id) f
    CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) g(granularity)
    GROUP BY 1, 2
), converters AS (
    SELECT DISTINCT a.granularity, a.period_start, a.customer_id
    FROM a CROSS JOIN cjkpi.settings cfg WHERE a.stage = cfg.conversion_stage
), repeats AS (
    SELECT c.granularity, c.period_start, count(*) AS customers, count(n.customer_id) AS repeated,
           (c.period_start::timestamp + 2 * p.step)::date <= last.day + 1 AS mature
    FROM converters c
    CROSS JOIN LATERAL (SELECT CASE c.granularity WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days'
                                    WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END) p(step)
    CROSS JOIN (SELECT max(d.bucket_day) AS day FROM cjkpi.customer_daily d) last
    LEFT JOIN converters n ON n.granularity = c.granularity AND n.customer_id = c.customer_id
         AND n.period_start = (c.period_start::timestamp + p.step)::date
    GROUP BY c.granularity, c.period_start, p.step, last.day
)
SELECT x.granularity, x.period_start, x.stage, 'reach'::text AS kpi, x.customers::double precision AS value, x.customers
FROM activity x
UNION ALL
SELECT x.granularity, x.period_start, x.stage, 'events_per_customer', x.events::double precision / x.customers, x.customers
FROM activity x
UNION ALL
SELECT x.granularity, x.period_start, x.stage, 'sessions_per_customer', s.sessions::double precision / x.customers, x.customers
FROM activity x JOIN sessions s USING (granularity, period_start, stage)
UNION ALL
SELECT f.granularity, f.period_start, cfg.entry_stage, 'new_customers', f.customers::double precision, f.customers
FROM firsts f CROSS JOIN cjkpi.settings cfg
UNION ALL
SELECT c.granularity, c.period_start, cfg.conversion_stage, 'conversion_rate', c.rate::double precision, c.customers
FROM cjkpi.conversion_trend c CROSS JOIN cjkpi.settings cfg WHERE c.touchpoint IS NULL
UNION ALL
SELECT r.granularity, r.period_start, cfg.retention_stage, 'repeat_rate',
       CASE WHEN r.mature THEN 100.0 * r.repeated / r.customers END, r.customers
FROM repeats r CROSS JOIN cjkpi.settings cfg;
COMMENT ON VIEW cjkpi.journey_kpis IS
    'Event-based stage KPIs per day, ISO week, month and quarter: reach, new_customers, events_per_customer, sessions_per_customer, conversion_rate, repeat_rate';

/* The decline side of a tabular CUSUM, run as a window aggregate in period order. */
CREATE FUNCTION cjkpi.cusum_lower_step(s double precision, z double precision, k double precision, h double precision)
    RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT CASE WHEN z IS NULL THEN s
                ELSE GREATEST(0, CASE WHEN s > h THEN 0 ELSE s END - z - k) END
$$;
COMMENT ON FUNCTION cjkpi.cusum_lower_step(double precision, double precision, double precision, double precision) IS
    'CUSUM step: S = max(0, S_prev - z - k), restarting from 0 after a signal (S_prev > h); NULL z leaves S unchanged';
CREATE AGGREGATE cjkpi.cusum_lower(z double precision, k double precision, h double precision) (
    SFUNC = cjkpi.cusum_lower_step,
    STYPE = double precision,
    INITCOND = '0',
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE cjkpi.cusum_lower(double precision, double precision, double precision) IS
    'Decline-side tabular CUSUM of standardized values z with allowance k (signal when the running value exceeds h); use OVER (ORDER BY period)';
/* a support function, like the others: the aggregate works for every role (it checks EXECUTE as its owner) */
REVOKE EXECUTE ON FUNCTION cjkpi.cusum_lower_step(double precision, double precision, double precision, double precision) FROM PUBLIC;

/*
 * p-chart, Phase II: the centre line of each period is the pooled rate of
 * the chart_periods periods before it (the period itself excluded, so a
 * drop cannot widen its own limits), and the normal limits are used only
 * with at least min_responses_alert customers and n * p >= 6.
 */
CREATE VIEW cjkpi.conversion_chart AS
WITH s AS (
    SELECT c.*, cfg.chart_periods AS k, cfg.min_responses_alert, cfg.cusum_k, cfg.cusum_h,
           pg_catalog.row_number() OVER w AS rn,
           sum(c.converted) OVER w AS cum_x, sum(c.customers) OVER w AS cum_n
    FROM cjkpi.conversion_trend c CROSS JOIN cjkpi.settings cfg
    WINDOW w AS (PARTITION BY c.granularity, c.touchpoint ORDER BY c.period_start)
), base AS (
    -- the k preceding periods by differences of running sums (numeric: the
    -- default of lag() has the value's type on PostgreSQL 13)
    SELECT s.*, LEAST(s.rn - 1, s.k) AS periods,
           (pg_catalog.lag(s.cum_x, 1, 0::numeric) OVER w - pg_catalog.lag(s.cum_x, s.k + 1, 0::numeric) OVER w)::double precision
           / nullif(pg_catalog.lag(s.cum_n, 1, 0::numeric) OVER w - pg_catalog.lag(s.cum_n, s.k + 1, 0::numeric) OVER w, 0) AS centre
    FROM s
    WINDOW w AS (PARTITION BY s.granularity, s.touchpoint ORDER BY s.period_start)
), b AS (
    SELECT base.*,
           CASE WHEN base.is_final AND base.periods = base.k AND base.customers >= base.min_responses_alert
                     AND base.customers * base.centre >= 6 AND base.customers * (1 - base.centre) >= 6
                THEN pg_catalog.sqrt(base.centre * (1 - base.centre) / base.customers) END AS sigma
    FROM base
), z AS (
    SELECT b.*, (b.converted::double precision / b.customers - b.centre) / nullif(b.sigma, 0) AS z
    FROM b
), c AS (
    SELECT z.*, cjkpi.cusum_lower(z.z, z.cusum_k, z.cusum_h)
                    OVER (PARTITION BY z.granularity, z.touchpoint ORDER BY z.period_start) AS cusum
    FROM z
)
SELECT c.granularity, c.period_start, c.touchpoint, c.stage, c.customers, c.converted, c.rate,
       100 * c.centre AS centre,
       CASE WHEN c.sigma IS NOT NULL THEN 100 * GREATEST(0, c.centre - 3 * c.sigma) END AS lower_limit,
       CASE WHEN c.sigma IS NOT NULL THEN 100 * LEAST(1, c.centre + 3 * c.sigma) END AS upper_limit, c.z,
       CASE WHEN c.sigma IS NOT NULL THEN c.cusum END AS cusum,
       coalesce(c.z < -3, false) AS pchart_alert,
       coalesce(c.sigma IS NOT NULL AND c.cusum > c.cusum_h, false) AS cusum_alert,
       CASE WHEN NOT c.is_final THEN 'immature' WHEN c.sigma IS NULL THEN 'insufficient_data'
            WHEN c.z < -3 OR c.cusum > c.cusum_h THEN 'alert' ELSE 'in_control' END AS status,
       c.is_final
FROM c;
COMMENT ON VIEW cjkpi.conversion_chart IS
    'p-chart and CUSUM of conversion rates per period, touchpoint (NULL: journey) and granularity, against the preceding periods';

CREATE VIEW cjkpi.kpi_alerts AS
SELECT k.granularity, k.period_start, k.touchpoint, k.stage, k.metric AS kpi, k.value, k.previous_value AS baseline,
       k.responses AS n, k.z AS statistic, k.p_value,
       'decline against the previous period (one-sided p <= alert_level)'::text AS reason
FROM cjkpi.kpi_changes k WHERE k.alert
UNION ALL
SELECT c.granularity, c.period_start, c.touchpoint, c.stage, 'conversion_rate', c.rate, c.centre, c.customers,
       r.statistic, NULL, r.reason
FROM cjkpi.conversion_chart c
CROSS JOIN LATERAL (SELECT c.z, 'p-chart: below the lower 3-sigma limit of the preceding periods'::text
                    WHERE c.pchart_alert
                    UNION ALL
                    SELECT c.cusum, 'CUSUM: sustained decline below the preceding periods'' rate'
                    WHERE c.cusum_alert) r(statistic, reason)
WHERE c.pchart_alert OR c.cusum_alert;
COMMENT ON VIEW cjkpi.kpi_alerts IS
    'Alerts: significant survey KPI declines (kpi_changes) and conversion rates out of control (p-chart, CUSUM)';
