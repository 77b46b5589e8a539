/* 83_journey_survey_views.sql: survey KPI views over the daily rollups */

/*
 * A rollup row carries one summary column per metric, the other two NULL,
 * so the figures of a row are the coalesce of the three accessors.  Values
 * below the display minimum (anonymity) are NULL; the count stays.
 *
 * The SQL helpers have string bodies (SQL-standard bodies need PostgreSQL
 * 14), which are parsed when they run: every function is qualified and
 * search_path is pinned, so no schema of the caller's can supply an
 * operator or a function.
 */
CREATE FUNCTION cjkpi.kpi_figures(n @extschema@.nps_summary, c @extschema@.csat_summary, e @extschema@.ces_summary,
                                  min_display integer,
                                  OUT responses bigint, OUT value double precision,
                                  OUT ci_lower double precision, OUT ci_upper double precision)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT x.r, CASE WHEN x.r >= min_display THEN x.v END,
           CASE WHEN x.r >= min_display THEN x.lo END, CASE WHEN x.r >= min_display THEN x.hi END
    FROM (SELECT coalesce(@extschema@.responses(n), @extschema@.responses(c), @extschema@.responses(e)) AS r,
                 coalesce(@extschema@.nps(n), @extschema@.csat(c), @extschema@.ces(e)) AS v,
                 coalesce(@extschema@.ci_lower(n), @extschema@.ci_lower(c), @extschema@.ci_lower(e)) AS lo,
                 coalesce(@extschema@.ci_upper(n), @extschema@.ci_upper(c), @extschema@.ci_upper(e)) AS hi) x
$$;
COMMENT ON FUNCTION cjkpi.kpi_figures(@extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary, integer) IS
    'Responses, KPI value and 95 % interval of whichever summary is not NULL; value and interval NULL below min_display responses';

/* Two-sided test of a - b on whichever pair of summaries is not NULL (adjusted-Wald z, pooled z, Welch t). */
CREATE FUNCTION cjkpi.kpi_compare(a_n @extschema@.nps_summary, a_c @extschema@.csat_summary, a_e @extschema@.ces_summary,
                                  b_n @extschema@.nps_summary, b_c @extschema@.csat_summary, b_e @extschema@.ces_summary,
                                  OUT difference double precision, OUT z double precision, OUT p_value double precision)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT s.difference, s.z, s.p_value FROM @extschema@.significance(a_n, b_n) s WHERE a_n IS NOT NULL
    UNION ALL SELECT s.difference, s.z, s.p_value FROM @extschema@.significance(a_c, b_c) s WHERE a_c IS NOT NULL
    UNION ALL SELECT s.difference, s.z, s.p_value FROM @extschema@.significance(a_e, b_e) s WHERE a_e IS NOT NULL
    LIMIT 1
$$;
COMMENT ON FUNCTION cjkpi.kpi_compare(@extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary,
                                      @extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary) IS
    'Two-sided significance() of a - b for the metric whose summaries are given (the others NULL)';

/* One-tailed test against a benchmark, in the direction of the observed difference. */
CREATE FUNCTION cjkpi.kpi_against(n @extschema@.nps_summary, c @extschema@.csat_summary, e @extschema@.ces_summary,
                                  benchmark double precision,
                                  OUT difference double precision, OUT z double precision, OUT p_value double precision)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT s.difference, s.z, CASE WHEN s.z >= 0 THEN s.p_value ELSE 1 - s.p_value END
    FROM (SELECT * FROM @extschema@.significance(n, benchmark) WHERE n IS NOT NULL
          UNION ALL SELECT * FROM @extschema@.significance(c, benchmark) WHERE c IS NOT NULL
          UNION ALL SELECT * FROM @extschema@.significance(e, benchmark) WHERE e IS NOT NULL LIMIT 1) s
$$;
COMMENT ON FUNCTION cjkpi.kpi_against(@extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary, double precision) IS
    'One-tailed significance() against a benchmark: p_value = P(Z >= z) when z >= 0, P(Z <= z) when z < 0';

CREATE VIEW cjkpi.touchpoint_kpis AS
SELECT s.touchpoint, t.stage, s.metric, f.responses, f.value, f.ci_lower, f.ci_upper, s.scale
FROM (SELECT d.touchpoint, d.metric, d.scale, @extschema@.rollup(d.nps) AS n, @extschema@.rollup(d.csat) AS c,
             @extschema@.rollup(d.ces) AS e
      FROM cjkpi.survey_daily d GROUP BY d.touchpoint, d.metric, d.scale) s
JOIN cjkpi.touchpoints t ON t.touchpoint = s.touchpoint
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.touchpoint_kpis IS 'Survey KPIs of each touchpoint over all responses, from the daily rollups';

CREATE VIEW cjkpi.stage_kpis AS
SELECT s.stage, s.metric, f.responses, f.value, f.ci_lower, f.ci_upper, s.scale, s.position
FROM (SELECT t.stage, st.position, d.metric, d.scale, @extschema@.rollup(d.nps) AS n,
             @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
      FROM cjkpi.survey_daily d JOIN cjkpi.touchpoints t ON t.touchpoint = d.touchpoint
      JOIN cjkpi.stages st ON st.stage = t.stage
      GROUP BY t.stage, st.position, d.metric, d.scale) s
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.stage_kpis IS
    'Survey KPIs of each journey stage: the responses of its touchpoints pooled (a rollup of summaries, not an average of scores)';

CREATE VIEW cjkpi.segment_kpis AS
SELECT s.segment, s.touchpoint, s.metric, f.responses, f.value, f.ci_lower, f.ci_upper, t.stage, s.scale
FROM (SELECT d.segment, d.touchpoint, d.metric, d.scale, @extschema@.rollup(d.nps) AS n,
             @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
      FROM cjkpi.survey_daily d GROUP BY d.segment, d.touchpoint, d.metric, d.scale) s
JOIN cjkpi.touchpoints t ON t.touchpoint = s.touchpoint
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.segment_kpis IS 'Survey KPIs of each segment (persona) at each touchpoint, over all responses';

/*
 * The period building block: summaries per granularity, period, touchpoint
 * (NULL: the whole stage) and metric.  Weeks are ISO weeks (Monday); days
 * are the configured zone's, fixed when the rollup was refreshed.
 */
CREATE VIEW cjkpi.survey_periods AS
WITH p AS NOT MATERIALIZED (
    -- days and ISO weeks from the days, months and quarters from the months
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, d.bucket_day::timestamp)::date AS period_start,
           d.touchpoint, d.metric, d.scale, d.nps, d.csat, d.ces
    FROM cjkpi.survey_daily d CROSS JOIN (VALUES ('day'), ('week')) g(granularity)
    UNION ALL
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, m.month_start::timestamp)::date,
           m.touchpoint, m.metric, m.scale, m.nps, m.csat, m.ces
    FROM cjkpi.survey_monthly m CROSS JOIN (VALUES ('month'), ('quarter')) g(granularity)
)
SELECT a.granularity, a.period_start, a.touchpoint, t.stage, a.metric, a.scale, a.nps, a.csat, a.ces
FROM (SELECT p.granularity, p.period_start, p.touchpoint, p.metric, p.scale,
             @extschema@.rollup(p.nps) AS nps, @extschema@.rollup(p.csat) AS csat, @extschema@.rollup(p.ces) AS ces
      FROM p GROUP BY 1, 2, 3, 4, 5) a
JOIN cjkpi.touchpoints t ON t.touchpoint = a.touchpoint
UNION ALL
SELECT p.granularity, p.period_start, NULL, t.stage, p.metric, p.scale,
       @extschema@.rollup(p.nps), @extschema@.rollup(p.csat), @extschema@.rollup(p.ces)
FROM p JOIN cjkpi.touchpoints t ON t.touchpoint = p.touchpoint
GROUP BY 1, 2, 4, 5, 6;
COMMENT ON VIEW cjkpi.survey_periods IS
    'Survey summaries per period (day, ISO week, month, quarter) and touchpoint (NULL: the stage pooled), to roll up further';

CREATE VIEW cjkpi.kpi_trend AS
SELECT p.granularity, p.period_start, p.touchpoint, p.stage, p.metric, f.responses, f.value, f.ci_lower, f.ci_upper,
       p.scale,
       (p.period_start::timestamp + CASE p.granularity WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days'
                                        WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date AS period_end
FROM cjkpi.survey_periods p
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(p.nps, p.csat, p.ces, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.kpi_trend IS 'Survey KPIs per day, ISO week, month and quarter, per touchpoint and per stage (touchpoint NULL)';

CREATE VIEW cjkpi.kpi_changes AS
SELECT c.granularity, c.period_start, c.touchpoint, c.metric,
       CASE WHEN shown THEN fc.value END AS value, CASE WHEN shown THEN fp.value END AS previous_value,
       CASE WHEN shown THEN fc.value - fp.value END AS difference, CASE WHEN shown THEN t.p_value END AS p_value,
       coalesce(shown AND t.z < 0 AND t.p_value <= cfg.alert_level
                AND fc.responses >= cfg.min_responses_alert AND fp.responses >= cfg.min_responses_alert, false) AS alert,
       c.stage, c.scale, fc.responses, fp.responses AS previous_responses, CASE WHEN shown THEN t.z END AS z
FROM cjkpi.survey_periods c
JOIN cjkpi.survey_periods p ON p.granularity = c.granularity AND p.touchpoint = c.touchpoint AND p.metric = c.metric
     AND p.scale = c.scale
     AND p.period_start = (c.period_start::timestamp - CASE c.granularity WHEN 'day' THEN interval '1 day'
                               WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                               ELSE interval '3 months' END)::date
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(c.nps, c.csat, c.ces, cfg.min_responses_display) fc
CROSS JOIN LATERAL cjkpi.kpi_figures(p.nps, p.csat, p.ces, cfg.min_responses_display) fp
CROSS JOIN LATERAL (SELECT fc.responses >= cfg.min_responses_display AND fp.responses >= cfg.min_responses_display) v(shown)
CROSS JOIN LATERAL (SELECT k.difference, k.z,
                           CASE WHEN k.z < 0 THEN k.p_value / 2 ELSE 1 - k.p_value / 2 END AS p_value
                    FROM cjkpi.kpi_compare(c.nps, c.csat, c.ces, p.nps, p.csat, p.ces) k) t;
COMMENT ON VIEW cjkpi.kpi_changes IS
    'Each period''s survey KPI against the previous period of the same granularity, with a one-sided test for a decline';

CREATE VIEW cjkpi.variant_kpis AS
WITH v AS (
    SELECT d.touchpoint, d.metric, d.scale, d.variant, @extschema@.rollup(d.nps) AS n,
           @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
    FROM cjkpi.survey_daily d WHERE d.variant IS NOT NULL
    GROUP BY d.touchpoint, d.metric, d.scale, d.variant
), ctl AS (
    SELECT DISTINCT ON (v.touchpoint, v.metric, v.scale) v.*
    FROM v CROSS JOIN cjkpi.settings cfg
    ORDER BY v.touchpoint, v.metric, v.scale, v.variant IS DISTINCT FROM cfg.control_variant, v.variant
)
SELECT v.touchpoint, v.metric, v.variant, f.responses, f.value, f.ci_lower, f.ci_upper,
       CASE WHEN v.variant <> ctl.variant AND shown THEN f.value - fc.value END AS difference,
       CASE WHEN v.variant <> ctl.variant AND shown THEN k.p_value END AS p_value,
       v.variant = ctl.variant AS is_control, ctl.variant AS control, v.scale
FROM v JOIN ctl ON ctl.touchpoint = v.touchpoint AND ctl.metric = v.metric AND ctl.scale = v.scale
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(v.n, v.c, v.e, cfg.min_responses_display) f
CROSS JOIN LATERAL cjkpi.kpi_figures(ctl.n, ctl.c, ctl.e, cfg.min_responses_display) fc
CROSS JOIN LATERAL (SELECT f.responses >= cfg.min_responses_display AND fc.responses >= cfg.min_responses_display) s(shown)
CROSS JOIN LATERAL cjkpi.kpi_compare(v.n, v.c, v.e, ctl.n, ctl.c, ctl.e) k;
COMMENT ON VIEW cjkpi.variant_kpis IS
    'A/B test: each variant''s survey KPI against the control (settings.control_variant, else the first variant in sort order)';

/*
 * Benchmarks of the same metric only (an ACSI index is not a CSAT %); the
 * configured industry, or every industry when none is set.
 */
CREATE VIEW cjkpi.benchmark_gap AS
WITH s AS (
    SELECT d.touchpoint, d.metric, d.scale, @extschema@.rollup(d.nps) AS n,
           @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
    FROM cjkpi.survey_daily d
    GROUP BY GROUPING SETS ((d.touchpoint, d.metric, d.scale), (d.metric, d.scale))
)
SELECT s.touchpoint, s.metric, f.value, b.value AS benchmark, b.industry, b.source, b.year,
       CASE WHEN shown THEN f.value - b.value END AS difference, CASE WHEN shown THEN k.p_value END AS p_value,
       coalesce(shown AND k.p_value <= cfg.alert_level, false) AS significant,
       coalesce(shown AND k.z < 0 AND k.p_value <= cfg.alert_level, false) AS below,
       f.responses, s.scale, CASE WHEN shown THEN k.z END AS z
FROM s
JOIN cjkpi.benchmarks b ON b.metric = s.metric
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f
CROSS JOIN LATERAL (SELECT f.responses >= cfg.min_responses_display) v(shown)
CROSS JOIN LATERAL cjkpi.kpi_against(s.n, s.c, s.e, b.value) k
WHERE cfg.industry IS NULL OR b.industry = cfg.industry;
COMMENT ON VIEW cjkpi.benchmark_gap IS
    'Each touchpoint (NULL: the whole journey) against each benchmark of the same metric, with a one-tailed test';

/*
 * "Prioritize the low-scoring KPIs": touchpoints significantly below their
 * reference, ranked by priority = (reference - value) * responses / all
 * responses of the metric, i.e. the gap weighted by the touchpoint's share
 * of the volume.  The reference is a user's target (industry 'target') if
 * there is one, else the most recent benchmark (the highest if several).
 */
CREATE VIEW cjkpi.priorities AS
WITH g AS (
    SELECT DISTINCT ON (b.touchpoint, b.metric, b.scale) b.*
    FROM cjkpi.benchmark_gap b
    WHERE b.touchpoint IS NOT NULL AND b.below
    ORDER BY b.touchpoint, b.metric, b.scale, b.industry <> 'target', b.year DESC, b.benchmark DESC, b.source
), total AS (
    SELECT d.metric, sum(d.responses) AS responses FROM cjkpi.survey_daily d GROUP BY d.metric
), w AS (
    SELECT g.*, (g.benchmark - g.value) * g.responses / total.responses::double precision AS priority
    FROM g JOIN total ON total.metric = g.metric
)
SELECT pg_catalog.rank() OVER (ORDER BY w.priority DESC, w.touchpoint, w.metric) AS rank,
       w.touchpoint, t.stage, w.metric, w.responses, w.value, w.benchmark, w.benchmark - w.value AS gap,
       w.priority, w.industry, w.source, w.year, w.p_value
FROM w JOIN cjkpi.touchpoints t ON t.touchpoint = w.touchpoint;
COMMENT ON VIEW cjkpi.priorities IS
    'Touchpoints significantly below target or benchmark, ranked by gap x share of the metric''s responses';
