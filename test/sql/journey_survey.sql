--
-- The survey views of the journey model, each against an independent
-- computation: plain SQL over the raw responses (garden-centre survey,
-- test/data) and published worked examples (kpi-statistics: NPS 15/10/25 ->
-- -20 with adjusted-Wald CI [-42.1431, 4.4072]; 300/200/100 vs 250/675/75 ->
-- adjusted z 4.50803, p 6.54e-6; CSAT 250/5000 vs 295/5000 -> z 1.982364,
-- p 0.047438).
--
CREATE SCHEMA journey_survey;
SET search_path = journey_survey, public;
SET extra_float_digits = 0;
SET DateStyle = 'ISO, YMD';
SET TIME ZONE 'Asia/Tokyo';
\i test/journey-load.sql
-- the published figures of the whole file: 13,612 scores, P 8465 / 3953 / D 1194, NPS 53.4161
SELECT count(nps) AS n, count(*) FILTER (WHERE nps >= 9) AS p, count(*) FILTER (WHERE nps <= 6) AS d,
       round(100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps), 4) AS nps
FROM gc_raw;
-- the model has the 13,594 with a time bucket
SELECT metric, count(*) FROM cjkpi.responses GROUP BY 1 ORDER BY 1;

-- synthetic touchpoints with published answers
INSERT INTO cjkpi.touchpoints VALUES ('kiosk', 'conversion', 'store'), ('desk', 'retention', 'phone'),
                                     ('app', 'engagement', 'app');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at, variant)
SELECT 'k' || g, 'kiosk', 'nps', CASE WHEN g <= 15 THEN 9 WHEN g <= 25 THEN 7 ELSE 3 END,
       '2024-07-01 09:00+00', NULL FROM generate_series(1, 50) g
UNION ALL   -- ISO week labels: 2024-12-30 is 2025-W01, 2021-01-03 is 2020-W53
SELECT 'k', 'kiosk', 'nps', 10, d, NULL FROM unnest(ARRAY[timestamptz '2024-12-30 12:00+00', '2021-01-03 12:00+00']) d,
       generate_series(1, 5)
UNION ALL   -- desk: a week of 300/200/100 then one of 250/675/75
SELECT 'd' || g, 'desk', 'nps', CASE WHEN g <= 300 THEN 10 WHEN g <= 500 THEN 8 ELSE 0 END,
       '2024-09-03 09:00+00', NULL FROM generate_series(1, 600) g
UNION ALL
SELECT 'd' || g, 'desk', 'nps', CASE WHEN g <= 250 THEN 10 WHEN g <= 925 THEN 8 ELSE 0 END,
       '2024-09-10 09:00+00', NULL FROM generate_series(1, 1000) g
UNION ALL   -- A/B at the app: A 300/200/100, B 250/675/75
SELECT 'a' || g, 'app', 'nps', CASE WHEN g <= 300 THEN 10 WHEN g <= 500 THEN 8 ELSE 0 END,
       '2024-10-01 09:00+00', 'A' FROM generate_series(1, 600) g
UNION ALL
SELECT 'b' || g, 'app', 'nps', CASE WHEN g <= 250 THEN 10 WHEN g <= 925 THEN 8 ELSE 0 END,
       '2024-10-01 09:00+00', 'B' FROM generate_series(1, 1000) g;
-- desk CSAT: 295 of 5000 satisfied, then 250 of 5000; and 3 kiosk answers (below the display minimum)
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
SELECT 'd' || g, 'desk', 'csat', CASE WHEN g <= 295 THEN 5 ELSE 1 END, timestamptz '2024-09-04 09:00+00' FROM generate_series(1, 5000) g
UNION ALL
SELECT 'd' || g, 'desk', 'csat', CASE WHEN g <= 250 THEN 4 ELSE 2 END, '2024-09-11 09:00+00' FROM generate_series(1, 5000) g
UNION ALL
SELECT 'k', 'kiosk', 'csat', 5, '2024-07-01 09:00+00' FROM generate_series(1, 3);
CALL cjkpi.refresh();

-- a view is search-path safe: nothing resolves through the caller's path
SET search_path = '';
SELECT count(*) > 0 AS reads FROM cjkpi.touchpoint_kpis;
SET search_path = journey_survey, public;

-- raw per-group counts, and the KPI and 95 % interval computed from them in plain SQL
CREATE FUNCTION raw_kpi(metric text, n bigint, good bigint, bad bigint, OUT value float8, OUT lo float8, OUT hi float8)
LANGUAGE sql AS $$
    SELECT CASE metric WHEN 'nps' THEN 100.0 * (good - bad) / n ELSE 100.0 * good / n END,
           CASE metric WHEN 'nps' THEN 100 * (s - z * sqrt(v / m))
                ELSE 100 * ((p + z * z / (2 * n)) / (1 + z * z / n) - z * sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n)) END,
           CASE metric WHEN 'nps' THEN 100 * (s + z * sqrt(v / m))
                ELSE 100 * ((p + z * z / (2 * n)) / (1 + z * z / n) + z * sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n)) END
    FROM (SELECT 1.959963984540054::float8 AS z, n + 3.0 AS m, ((good + 0.75) - (bad + 0.75)) / (n + 3.0) AS s,
                 ((good + 0.75) + (bad + 0.75)) / (n + 3.0) - (((good + 0.75) - (bad + 0.75)) / (n + 3.0)) ^ 2 AS v,
                 good::float8 / n AS p) x
$$;
CREATE VIEW raw AS
SELECT r.*, t.stage,
       CASE WHEN r.metric = 'nps' THEN r.score >= 9 ELSE r.score >= coalesce(r.scale, 5) - 1 END AS good,
       r.metric = 'nps' AND r.score <= 6 AS bad
FROM cjkpi.responses r JOIN cjkpi.touchpoints t USING (touchpoint)
WHERE r.metric IN ('nps', 'csat') AND r.score IS NOT NULL;

-- touchpoint_kpis: every NPS and CSAT row against the raw rows
SELECT v.touchpoint, v.stage, v.metric, v.responses, round(v.value::numeric, 4) AS value,
       round(v.ci_lower::numeric, 4) AS ci_lower, round(v.ci_upper::numeric, 4) AS ci_upper
FROM cjkpi.touchpoint_kpis v ORDER BY 1, 3;
SELECT count(*) AS touchpoint_rows,
       count(*) FILTER (WHERE v.responses = r.n AND abs(v.value - (k).value) < 1e-9
                          AND abs(v.ci_lower - (k).lo) < 1e-9 AND abs(v.ci_upper - (k).hi) < 1e-9) AS equal
FROM cjkpi.touchpoint_kpis v
JOIN (SELECT touchpoint, metric, count(*) AS n, raw_kpi(metric, count(*), count(*) FILTER (WHERE good),
                                                        count(*) FILTER (WHERE bad)) AS k
      FROM raw GROUP BY 1, 2 HAVING count(*) >= 5) r USING (touchpoint, metric);

-- stage_kpis: the stage's responses pooled, not an average of its touchpoints
SELECT stage, metric, responses, round(value::numeric, 4) AS value FROM cjkpi.stage_kpis ORDER BY position, metric;
SELECT count(*) AS stage_rows,
       count(*) FILTER (WHERE v.responses = r.n AND abs(v.value - (k).value) < 1e-9 AND abs(v.ci_lower - (k).lo) < 1e-9) AS equal
FROM cjkpi.stage_kpis v
JOIN (SELECT stage, metric, count(*) AS n, raw_kpi(metric, count(*), count(*) FILTER (WHERE good),
                                                   count(*) FILTER (WHERE bad)) AS k
      FROM raw GROUP BY 1, 2) r USING (stage, metric);
-- the conversion stage's NPS (store 53.41 over 13,594 answers, kiosk 0 over 60) pooled is 53.18,
-- far from the mean of the two touchpoints
SELECT round(avg(value)::numeric, 4) AS mean_of_touchpoints FROM cjkpi.touchpoint_kpis
WHERE stage = 'conversion' AND metric = 'nps';

-- segment_kpis
SELECT segment, touchpoint, metric, responses, round(value::numeric, 4) AS value
FROM cjkpi.segment_kpis WHERE touchpoint = 'store' ORDER BY 1, 3;
SELECT count(*) AS segment_rows,
       count(*) FILTER (WHERE v.responses = r.n AND abs(v.value - (k).value) < 1e-9 AND abs(v.ci_upper - (k).hi) < 1e-9) AS equal
FROM cjkpi.segment_kpis v
JOIN (SELECT segment, touchpoint, metric, count(*) AS n,
             raw_kpi(metric, count(*), count(*) FILTER (WHERE good), count(*) FILTER (WHERE bad)) AS k
      FROM raw GROUP BY 1, 2, 3 HAVING count(*) >= 5) r
  ON r.segment IS NOT DISTINCT FROM v.segment AND r.touchpoint = v.touchpoint AND r.metric = v.metric;

-- kpi_trend: every day, ISO week, month and quarter of every touchpoint and stage
SELECT count(*) AS trend_rows,
       count(*) FILTER (WHERE v.responses = r.n AND (v.responses < 5 OR (abs(v.value - (k).value) < 1e-9
                                                     AND abs(v.ci_lower - (k).lo) < 1e-9))) AS equal
FROM cjkpi.kpi_trend v
JOIN (SELECT g, date_trunc(g, answered_at AT TIME ZONE 'UTC')::date AS period_start, touchpoint, stage, metric,
             count(*) AS n, raw_kpi(metric, count(*), count(*) FILTER (WHERE good), count(*) FILTER (WHERE bad)) AS k
      FROM raw, unnest(ARRAY['day', 'week', 'month', 'quarter']) g GROUP BY 1, 2, 3, 4, 5
      UNION ALL
      SELECT g, date_trunc(g, answered_at AT TIME ZONE 'UTC')::date, NULL, stage, metric, count(*),
             raw_kpi(metric, count(*), count(*) FILTER (WHERE good), count(*) FILTER (WHERE bad))
      FROM raw, unnest(ARRAY['day', 'week', 'month', 'quarter']) g GROUP BY 1, 2, 4, 5) r
  ON r.g = v.granularity AND r.period_start = v.period_start AND r.touchpoint IS NOT DISTINCT FROM v.touchpoint
     AND r.stage = v.stage AND r.metric = v.metric;
SELECT count(*) AS trend_rows_total FROM cjkpi.kpi_trend WHERE metric IN ('nps', 'csat');
SELECT period_start, to_char(period_start, 'IYYY-"W"IW') AS iso_week, responses, value,
       round(ci_lower::numeric, 4) AS ci_lower, round(ci_upper::numeric, 4) AS ci_upper
FROM cjkpi.kpi_trend WHERE granularity = 'week' AND touchpoint = 'kiosk' AND metric = 'nps' ORDER BY 1;
SELECT granularity, period_start, period_end, responses, round(value::numeric, 4) AS value
FROM cjkpi.kpi_trend WHERE touchpoint = 'store' AND metric = 'nps' AND granularity = 'quarter' ORDER BY 2;

-- kpi_changes: the desk's week of 250/675/75 after one of 300/200/100 is a
-- significant decline (adjusted z -4.50803, two-sided p 6.54e-6, so one-sided
-- 3.27e-6); CSAT 250/5000 after 295/5000: z -1.982364, one-sided p 0.023719
SELECT granularity, period_start, touchpoint, metric, round(value::numeric, 4) AS value,
       round(previous_value::numeric, 4) AS previous_value, round(difference::numeric, 4) AS difference,
       round(z::numeric, 5) AS z, round(p_value::numeric, 8) AS p_value, alert, responses, previous_responses
FROM cjkpi.kpi_changes WHERE touchpoint = 'desk' AND granularity = 'week' ORDER BY metric;
-- and with the minimum raised above the week's count there is no alert
UPDATE cjkpi.settings SET min_responses_alert = 700;
SELECT metric, alert FROM cjkpi.kpi_changes WHERE touchpoint = 'desk' AND granularity = 'week' ORDER BY metric;
UPDATE cjkpi.settings SET min_responses_alert = 30;
-- every alert row is a decline with one-sided p <= 0.05 and both periods >= 30
SELECT count(*) AS alerts, bool_and(difference < 0 AND p_value <= 0.05 AND responses >= 30 AND previous_responses >= 30) AS consistent
FROM cjkpi.kpi_changes WHERE alert;
-- the previous period is the calendar one: changes exist only where both periods do
SELECT count(*) AS week_changes_without_previous FROM cjkpi.kpi_changes c
WHERE granularity = 'week' AND NOT EXISTS (SELECT 1 FROM cjkpi.kpi_trend t WHERE t.granularity = 'week'
    AND t.touchpoint = c.touchpoint AND t.metric = c.metric AND t.period_start = c.period_start - 7);

-- variant_kpis: B (250/675/75) against the control A (the first in sort order), then A against B
SELECT touchpoint, metric, variant, responses, round(value::numeric, 4) AS value, round(difference::numeric, 4) AS difference,
       round(p_value::numeric, 8) AS p_value, is_control FROM cjkpi.variant_kpis ORDER BY variant;
UPDATE cjkpi.settings SET control_variant = 'B';
SELECT variant, round(difference::numeric, 4) AS difference, round(p_value::numeric, 8) AS p_value, is_control
FROM cjkpi.variant_kpis ORDER BY variant;
UPDATE cjkpi.settings SET control_variant = NULL;

-- benchmark_gap against every industry: one row per touchpoint (and NULL) x benchmark of the same metric
SELECT count(*) AS gap_rows,
       count(*) = (SELECT count(*) FROM cjkpi.benchmarks b, (SELECT DISTINCT touchpoint, metric FROM cjkpi.survey_daily) s
                   WHERE b.metric = s.metric)
                + (SELECT count(*) FROM cjkpi.benchmarks b WHERE b.metric IN (SELECT metric FROM cjkpi.survey_daily)) AS complete,
       count(*) FILTER (WHERE metric = 'acsi') AS acsi_rows
FROM cjkpi.benchmark_gap;
-- our own targets: NPS 60, CSAT 50, compared with only them
INSERT INTO cjkpi.benchmarks (metric, industry, value, year, source) VALUES
    ('nps', 'target', 60, 2024, 'our plan'), ('csat', 'target', 50, 2024, 'our plan');
UPDATE cjkpi.settings SET industry = 'target';
SELECT touchpoint, metric, round(value::numeric, 4) AS value, benchmark, round(difference::numeric, 4) AS difference,
       round(z::numeric, 4) AS z, p_value < 1e-6 AS p_tiny, significant, below, responses
FROM cjkpi.benchmark_gap ORDER BY touchpoint NULLS FIRST, metric;
-- the NPS z against the benchmark by the adjusted-Wald formula: (s' - B/100) / sqrt(var'/n')
SELECT count(*) AS nps_rows,
       count(*) FILTER (WHERE abs(g.z - (s - 0.6) / sqrt(v / m)) < 1e-9) AS z_equal
FROM cjkpi.benchmark_gap g
JOIN (SELECT touchpoint, count(*) + 3.0 AS m,
             (count(*) FILTER (WHERE good) - count(*) FILTER (WHERE bad)) / (count(*) + 3.0) AS s,
             (count(*) FILTER (WHERE good) + count(*) FILTER (WHERE bad) + 1.5) / (count(*) + 3.0)
             - ((count(*) FILTER (WHERE good) - count(*) FILTER (WHERE bad)) / (count(*) + 3.0)) ^ 2 AS v
      FROM raw WHERE metric = 'nps' GROUP BY 1) r USING (touchpoint)
WHERE g.metric = 'nps';

-- priorities: significant shortfalls, priority = gap x responses / all responses of the metric
-- (store 6.5867 x 13594 / 16854 = 5.3127)
SELECT rank, touchpoint, stage, metric, responses, round(value::numeric, 4) AS value, benchmark,
       round(gap::numeric, 4) AS gap, round(priority::numeric, 4) AS priority
FROM cjkpi.priorities ORDER BY rank;
SELECT count(*) AS priority_rows,
       count(*) FILTER (WHERE abs(p.priority - (p.benchmark - (k).value) * r.n / t.total) < 1e-9) AS equal
FROM cjkpi.priorities p
JOIN (SELECT touchpoint, metric, count(*) AS n,
             raw_kpi(metric, count(*), count(*) FILTER (WHERE good), count(*) FILTER (WHERE bad)) AS k
      FROM raw GROUP BY 1, 2) r USING (touchpoint, metric)
JOIN (SELECT metric, count(*) AS total FROM raw GROUP BY 1) t USING (metric);
UPDATE cjkpi.settings SET industry = NULL;

-- clean up for the next tests
RESET search_path;
TRUNCATE cjkpi.responses, cjkpi.events, cjkpi.follow_ups;
DELETE FROM cjkpi.touchpoints;
DELETE FROM cjkpi.benchmarks WHERE NOT is_seed;
UPDATE cjkpi.settings SET is_seed = true;
CALL cjkpi.refresh();
TRUNCATE cjkpi.refresh_log;
DROP SCHEMA journey_survey CASCADE;
