--
-- Event views of the journey model on the e-commerce clickstream
-- (test/data/ecom-clickstream, loaded by test/journey-load.sql), each
-- against plain SQL over the raw events; the documented payment-gateway
-- incident (2024-05-19 to 2024-06-07) must alert in ISO weeks 21-22 of 2024
-- and nothing may alert in the ten weeks before; the CUSUM against
-- Montgomery's series (first signal at period 29, C+ 5.28).
--
CREATE SCHEMA journey_events;
SET search_path = journey_events, public;
SET extra_float_digits = 0;
SET DateStyle = 'ISO, YMD';
SET TIME ZONE 'America/Los_Angeles';
\i test/journey-load.sql
CALL cjkpi.refresh();
SELECT count(*) AS events, count(DISTINCT customer_id) AS customers FROM cjkpi.events;

-- raw events with their stage and UTC day (the configured zone)
CREATE VIEW ev AS
SELECT e.customer_id, e.session_id, e.occurred_at, t.stage, e.touchpoint, (e.occurred_at AT TIME ZONE 'UTC')::date AS day
FROM cjkpi.events e JOIN cjkpi.touchpoints t USING (touchpoint);
CREATE VIEW evg AS
SELECT g, date_trunc(g, day)::date AS period_start, ev.* FROM ev, unnest(ARRAY['day', 'week', 'month', 'quarter']) g;

-- reach, events and sessions per customer: count(DISTINCT) over the raw events of each period
SELECT count(*) AS rows, count(*) FILTER (WHERE j.customers = r.customers AND abs(j.value - r.value) < 1e-9) AS equal
FROM cjkpi.journey_kpis j
JOIN (SELECT g, period_start, stage, 'reach' AS kpi, count(DISTINCT customer_id)::float8 AS value,
             count(DISTINCT customer_id) AS customers FROM evg GROUP BY 1, 2, 3
      UNION ALL
      SELECT g, period_start, stage, 'events_per_customer', count(*)::float8 / count(DISTINCT customer_id),
             count(DISTINCT customer_id) FROM evg GROUP BY 1, 2, 3
      UNION ALL
      SELECT g, period_start, stage, 'sessions_per_customer', count(DISTINCT session_id)::float8 / count(DISTINCT customer_id),
             count(DISTINCT customer_id) FROM evg GROUP BY 1, 2, 3
      UNION ALL
      SELECT g, date_trunc(g, first_day)::date, 'awareness', 'new_customers', count(*)::float8, count(*)
      FROM (SELECT customer_id, min(day) AS first_day FROM ev GROUP BY 1) f, unnest(ARRAY['day', 'week', 'month', 'quarter']) g
      GROUP BY 1, 2) r
  ON r.g = j.granularity AND r.period_start = j.period_start AND r.stage = j.stage AND r.kpi = j.kpi;
SELECT kpi, count(*) FROM cjkpi.journey_kpis GROUP BY 1 ORDER BY 1;
-- exact across periods: a month's reach is not the sum of its days' reach
SELECT j.value AS month_reach, (SELECT sum(d.value) FROM cjkpi.journey_kpis d WHERE d.granularity = 'day'
        AND d.kpi = 'reach' AND d.stage = 'awareness' AND d.period_start >= '2024-05-01' AND d.period_start < '2024-06-01')
       AS sum_of_daily_reach,
       (SELECT count(DISTINCT customer_id) FROM ev WHERE stage = 'awareness' AND day >= '2024-05-01' AND day < '2024-06-01') AS raw
FROM cjkpi.journey_kpis j
WHERE j.granularity = 'month' AND j.period_start = '2024-05-01' AND j.kpi = 'reach' AND j.stage = 'awareness';

-- conversion_rate: per period, each customer's first awareness event; converted when a
-- purchase follows within a day (inclusive)
CREATE VIEW raw_conversion AS
SELECT g, period_start, count(*) AS customers,
       100.0 * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ev x WHERE x.customer_id = f.customer_id
                                               AND x.stage = 'conversion' AND x.occurred_at >= f.entry
                                               AND x.occurred_at <= f.entry + interval '1 day')) / count(*) AS rate
FROM (SELECT g, period_start, customer_id, min(occurred_at) AS entry FROM evg WHERE stage = 'awareness' GROUP BY 1, 2, 3) f
GROUP BY 1, 2;
SELECT count(*) AS rows, count(*) FILTER (WHERE j.customers = r.customers AND abs(j.value - r.rate) < 1e-9) AS equal
FROM cjkpi.journey_kpis j JOIN raw_conversion r ON r.g = j.granularity AND r.period_start = j.period_start
WHERE j.kpi = 'conversion_rate';
SELECT period_start, customers, round(value::numeric, 2) AS conversion_rate FROM cjkpi.journey_kpis
WHERE kpi = 'conversion_rate' AND granularity = 'month' ORDER BY 1;

-- repeat_rate: purchasers of a month who purchase again the next month
SELECT j.period_start, j.customers, round(j.value::numeric, 2) AS repeat_rate,
       round(100.0 * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ev n WHERE n.customer_id = c.customer_id
             AND n.stage = 'conversion' AND date_trunc('month', n.day) = c.m + interval '1 month')) / count(*), 2) AS raw
FROM cjkpi.journey_kpis j
JOIN (SELECT DISTINCT customer_id, date_trunc('month', day) AS m FROM ev WHERE stage = 'conversion') c
  ON c.m = j.period_start
WHERE j.kpi = 'repeat_rate' AND j.granularity = 'month'
GROUP BY 1, 2, 3 ORDER BY 1;

-- conversion_trend per touchpoint against raw SQL: first event at the touchpoint in the period
SELECT count(*) AS rows,
       count(*) FILTER (WHERE c.customers = r.customers AND c.converted = r.converted) AS equal
FROM cjkpi.conversion_trend c
JOIN (SELECT g, period_start, touchpoint, count(*) AS customers,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ev x WHERE x.customer_id = f.customer_id AND x.stage = 'conversion'
                                            AND x.occurred_at >= f.entry AND x.occurred_at <= f.entry + interval '1 day')) AS converted
      FROM (SELECT g, period_start, touchpoint, customer_id, min(occurred_at) AS entry FROM evg
            WHERE stage <> 'conversion' GROUP BY 1, 2, 3, 4) f GROUP BY 1, 2, 3) r
  ON r.g = c.granularity AND r.period_start = c.period_start AND r.touchpoint = c.touchpoint;
SELECT count(*) AS trend_rows_with_touchpoint FROM cjkpi.conversion_trend WHERE touchpoint IS NOT NULL;

-- the p-chart of weekly payment_details -> purchase, recomputed with window functions:
-- centre = pooled rate of the 8 preceding weeks, limits centre -/+ 3 sqrt(p(1-p)/n)
CREATE VIEW raw_chart AS
SELECT w.*, sum(converted) OVER prev::float8 / sum(customers) OVER prev AS centre, count(*) OVER prev AS k
FROM (SELECT period_start, customers, converted FROM cjkpi.conversion_trend
      WHERE granularity = 'week' AND touchpoint = 'payment_details') w
WINDOW prev AS (ORDER BY period_start ROWS BETWEEN 8 PRECEDING AND 1 PRECEDING);
SELECT c.period_start, to_char(c.period_start, 'IYYY-"W"IW') AS week, c.customers, c.converted,
       round(c.rate, 1) AS rate, round(c.centre::numeric, 1) AS centre, round(c.lower_limit::numeric, 1) AS lcl,
       round(c.z::numeric, 2) AS z, round(c.cusum::numeric, 2) AS cusum, c.status,
       c.lower_limit IS NULL OR abs(c.lower_limit - 100 * greatest(0, r.centre - 3 * sqrt(r.centre * (1 - r.centre) / r.customers))) < 1e-9 AS lcl_ok
FROM cjkpi.conversion_chart c JOIN raw_chart r USING (period_start)
WHERE c.granularity = 'week' AND c.touchpoint = 'payment_details' AND c.period_start >= '2024-03-04'
ORDER BY 1;

-- the last events are on 2024-06-29: with a one-day window only the period holding
-- 06-29 is still immature at each granularity (its entries may convert after the data ends)
SELECT granularity, count(*) FILTER (WHERE NOT is_final) AS immature, max(period_start) FILTER (WHERE NOT is_final) AS which
FROM cjkpi.conversion_trend WHERE touchpoint IS NULL GROUP BY 1 ORDER BY 1;

-- the incident alerts in ISO weeks 21 and 22, and no weekly alert in the ten weeks before
SELECT to_char(period_start, 'IYYY-"W"IW') AS week, touchpoint, kpi, round(value::numeric, 1) AS value,
       round(baseline::numeric, 1) AS baseline, n, round(statistic::numeric, 2) AS statistic, reason
FROM cjkpi.kpi_alerts WHERE granularity = 'week' AND touchpoint = 'payment_details' ORDER BY period_start, reason;
SELECT count(*) AS weekly_alerts_in_weeks_11_to_20 FROM cjkpi.kpi_alerts
WHERE granularity = 'week' AND period_start >= '2024-03-11' AND period_start < '2024-05-20';
SELECT to_char(period_start, 'IYYY-"W"IW') AS week, count(*) AS alerts, count(DISTINCT touchpoint) AS touchpoints
FROM cjkpi.kpi_alerts WHERE granularity = 'week' GROUP BY 1 ORDER BY 1;

-- CUSUM on Montgomery's 30 values (mu0 10, sigma 1, k 0.5, h 5): first signal at period 29, C+ 5.28;
-- the decline side of -x is the increase side of x
WITH m(x, i) AS (SELECT * FROM unnest(ARRAY[9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34, 9.03, 11.47,
                     10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38,
                     11.62, 11.31, 10.52]::float8[]) WITH ORDINALITY u(x, i))
SELECT i, round(s::numeric, 2) AS c_plus FROM (
    SELECT m.i, cjkpi.cusum_lower(-(m.x - 10), 0.5, 5) OVER (ORDER BY m.i) AS s FROM m) c
WHERE s > 5 OR i IN (1, 28) ORDER BY i LIMIT 3;

-- clean up for the next tests
RESET search_path;
TRUNCATE cjkpi.responses, cjkpi.events, cjkpi.follow_ups;
DELETE FROM cjkpi.touchpoints;
CALL cjkpi.refresh();
TRUNCATE cjkpi.refresh_log;
DROP SCHEMA journey_events CASCADE;
