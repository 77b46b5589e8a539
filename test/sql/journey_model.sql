--
-- The journey model: configuration seeds, refusal of bad facts, and
-- cjkpi.refresh() keeping the daily rollups equal to a recomputation from
-- the raw rows after INSERT, COPY, UPDATE, DELETE, TRUNCATE, late rows and a
-- change of time zone.  The model's tables are shared by every test of the
-- database, so this test empties them again at the end.
--
CREATE SCHEMA journey_model;
SET search_path = journey_model, public;
SET extra_float_digits = 0;
SET DateStyle = 'ISO, YMD';
-- the session zone must not matter: days are cjkpi.settings.time_zone's
SET TIME ZONE 'America/New_York';

-- seeds
SELECT stage, position, is_seed FROM cjkpi.stages ORDER BY position;
SELECT time_zone, alert_level, min_responses_alert, min_responses_display, text_search_config, conversion_window
FROM cjkpi.settings;
-- every benchmark row of test/data/benchmarks/industry_benchmarks.csv (64), each with source and year
SELECT metric, count(*), count(source), count(year), bool_and(is_seed) FROM cjkpi.benchmarks GROUP BY 1 ORDER BY 1;
SELECT value, year FROM cjkpi.benchmarks WHERE metric = 'nps' AND industry = 'Retail' ORDER BY year;

INSERT INTO cjkpi.touchpoints VALUES ('web', 'awareness', 'web'), ('shop', 'conversion', 'store'),
                                     ('app', 'conversion', 'app');

-- bad rows are refused, naming the values; nothing is half-loaded
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('c1', 'nowhere', 'nps', 9, '2024-03-01 10:00+00');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('c1', 'web', 'nsp', 9, '2024-03-01 10:00+00');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('c1', 'web', 'nps', 11, '2024-03-01 10:00+00');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('c1', 'web', 'csat', 6, '2024-03-01 10:00+00');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, scale, answered_at)
VALUES ('c1', 'web', 'csat', 8, 7, '2024-03-01 10:00+00');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('c1', 'web', 'ces', 0, '2024-03-01 10:00+00');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, scale, answered_at)
VALUES ('c1', 'web', 'nps', 5, 5, '2024-03-01 10:00+00');
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('c1', 'web', 'nps', 9, NULL);
INSERT INTO cjkpi.events (customer_id, session_id, event, touchpoint, occurred_at)
VALUES ('c1', 's1', 'visit', 'nowhere', '2024-03-01 10:00+00');
INSERT INTO cjkpi.events (customer_id, session_id, event, touchpoint, occurred_at)
VALUES ('c1', 's1', 'visit', 'web', NULL);
-- a COPY whose third line is bad loads nothing
\copy cjkpi.responses (customer_id, touchpoint, metric, score, answered_at) FROM PROGRAM 'printf "a,web,nps,9,2024-03-01 10:00+00\nb,web,nps,3,2024-03-01 11:00+00\nc,web,nps,12,2024-03-01 12:00+00\n"' WITH (FORMAT csv)
SELECT count(*) AS rows_after_bad_copy FROM cjkpi.responses;
SELECT count(*) AS changes_logged FROM cjkpi.survey_changes;

-- an independent daily recomputation of the survey rollup, compared as text
CREATE FUNCTION survey_diff() RETURNS bigint LANGUAGE sql AS $$
    WITH raw AS (
        SELECT (answered_at AT TIME ZONE (SELECT time_zone FROM cjkpi.settings))::date AS d, touchpoint, segment,
               variant, metric, coalesce(scale, CASE metric WHEN 'nps' THEN 10 WHEN 'csat' THEN 5 ELSE 7 END) AS sc,
               count(score) AS n,
               count(*) FILTER (WHERE metric = 'nps' AND score >= 9) AS p,
               count(*) FILTER (WHERE metric = 'nps' AND score <= 6) AS dt,
               count(*) FILTER (WHERE metric = 'csat' AND score >= coalesce(scale, 5) - 1) AS sat,
               sum(score) FILTER (WHERE metric = 'ces') AS ces_sum
        FROM cjkpi.responses GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(score) > 0
    ), roll AS (
        SELECT bucket_day AS d, touchpoint, segment, variant, metric, scale AS sc, responses AS n,
               coalesce(promoters(nps), 0) AS p, coalesce(detractors(nps), 0) AS dt,
               coalesce(satisfied(csat), 0) AS sat, round(mean(ces) * responses(ces))::bigint AS ces_sum
        FROM cjkpi.survey_daily
    )
    SELECT count(*) FROM ((TABLE raw EXCEPT ALL TABLE roll) UNION ALL (TABLE roll EXCEPT ALL TABLE raw)) x
$$;

-- the monthly rollup against the raw rows by month
CREATE FUNCTION monthly_diff() RETURNS bigint LANGUAGE sql AS $$
    WITH raw AS (
        SELECT date_trunc('month', answered_at AT TIME ZONE (SELECT time_zone FROM cjkpi.settings))::date AS m,
               touchpoint, segment, variant, metric, count(score) AS n,
               count(*) FILTER (WHERE metric = 'nps' AND score >= 9) AS p,
               count(*) FILTER (WHERE metric = 'csat' AND score >= coalesce(scale, 5) - 1) AS sat
        FROM cjkpi.responses GROUP BY 1, 2, 3, 4, 5 HAVING count(score) > 0
    ), roll AS (
        SELECT month_start, touchpoint, segment, variant, metric, responses,
               coalesce(promoters(nps), 0), coalesce(satisfied(csat), 0)
        FROM cjkpi.survey_monthly
    )
    SELECT count(*) FROM ((TABLE raw EXCEPT ALL TABLE roll) UNION ALL (TABLE roll EXCEPT ALL TABLE raw)) x
$$;

INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, scale, answered_at, segment, variant)
SELECT 'c' || g % 50, (ARRAY['web', 'shop', 'app'])[1 + g % 3], (ARRAY['nps', 'csat', 'ces'])[1 + g / 3 % 3],
       CASE g / 3 % 3 WHEN 0 THEN g % 11 WHEN 1 THEN 1 + g % 5 ELSE 1 + g % 7 END, NULL,
       timestamptz '2024-03-01 00:00+00' + g * interval '37 minutes', (ARRAY['new', 'loyal', NULL])[1 + g % 3],
       (ARRAY['A', 'B'])[1 + g % 2]
FROM generate_series(1, 3000) g;
SELECT count(DISTINCT (bucket_day, touchpoint)) AS dirty_buckets FROM cjkpi.survey_changes;
CALL cjkpi.refresh();
SELECT survey_buckets, customer_days, full_rebuild FROM cjkpi.refresh_log ORDER BY started_at DESC LIMIT 1;
SELECT count(*) AS rollup_rows, sum(responses) AS responses, survey_diff() AS differences,
       monthly_diff() AS monthly_differences FROM cjkpi.survey_daily;
SELECT count(*) AS log_left FROM cjkpi.survey_changes;

-- the rollup keys take a NULL segment or variant as a value of its own (as
-- UNIQUE NULLS NOT DISTINCT would, which PostgreSQL 13 lacks): a second row
-- of a bucket whose segment or variant is NULL is refused, and NULL and ''
-- are different keys
\set VERBOSITY terse
BEGIN;
INSERT INTO cjkpi.survey_daily (bucket_day, touchpoint, segment, variant, metric, scale, responses)
VALUES ('2000-01-01', 'web', NULL, NULL, 'nps', 10, 1), ('2000-01-01', 'web', '', NULL, 'nps', 10, 1),
       ('2000-01-01', 'web', NULL, '', 'nps', 10, 1), ('2000-01-01', 'web', '', '', 'nps', 10, 1),
       ('2000-01-01', 'web', 'new', NULL, 'nps', 10, 1);
SAVEPOINT s;
INSERT INTO cjkpi.survey_daily (bucket_day, touchpoint, segment, variant, metric, scale, responses)
VALUES ('2000-01-01', 'web', NULL, NULL, 'nps', 10, 1);
ROLLBACK TO s;
INSERT INTO cjkpi.survey_daily (bucket_day, touchpoint, segment, variant, metric, scale, responses)
VALUES ('2000-01-01', 'web', 'new', NULL, 'nps', 10, 1);
ROLLBACK TO s;
INSERT INTO cjkpi.survey_monthly (month_start, touchpoint, segment, variant, metric, scale, responses)
VALUES ('2000-01-01', 'web', NULL, NULL, 'nps', 10, 1), ('2000-01-01', 'web', '', NULL, 'nps', 10, 1),
       ('2000-01-01', 'web', NULL, '', 'nps', 10, 1);
SAVEPOINT m;
INSERT INTO cjkpi.survey_monthly (month_start, touchpoint, segment, variant, metric, scale, responses)
VALUES ('2000-01-01', 'web', NULL, '', 'nps', 10, 1);
ROLLBACK TO m;
INSERT INTO cjkpi.customer_daily (bucket_day, customer_id, touchpoint, segment, events, sessions, first_at)
VALUES ('2000-01-01', 'k', 'web', NULL, 1, '{}', '2000-01-01 10:00+00'),
       ('2000-01-01', 'k', 'web', '', 1, '{}', '2000-01-01 10:00+00');
INSERT INTO cjkpi.customer_daily (bucket_day, customer_id, touchpoint, segment, events, sessions, first_at)
VALUES ('2000-01-01', 'k', 'web', NULL, 1, '{}', '2000-01-01 10:00+00');
ROLLBACK;
\set VERBOSITY default

-- a late row for an old day, an UPDATE moving rows across days and touchpoints, a DELETE
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('late', 'web', 'nps', 0, '2024-03-02 08:00+00');
UPDATE cjkpi.responses SET answered_at = answered_at + interval '1 day', touchpoint = 'shop'
WHERE customer_id = 'c7' AND touchpoint = 'web';
DELETE FROM cjkpi.responses WHERE customer_id = 'c8';
SELECT count(DISTINCT (bucket_day, touchpoint)) AS dirty_buckets FROM cjkpi.survey_changes;
-- only those buckets are recomputed: the other rows keep their physical place
CREATE TEMP TABLE before_ctid AS SELECT ctid AS row_ctid, bucket_day, touchpoint FROM cjkpi.survey_daily;
CREATE TEMP TABLE dirty AS SELECT DISTINCT bucket_day, touchpoint FROM cjkpi.survey_changes;
CALL cjkpi.refresh();
SELECT survey_diff() AS differences, monthly_diff() AS monthly_differences,
       (SELECT count(*) FROM cjkpi.survey_daily s JOIN before_ctid b ON b.row_ctid = s.ctid) AS untouched_rows,
       (SELECT count(*) FROM before_ctid b WHERE (b.bucket_day, b.touchpoint) NOT IN (TABLE dirty)) AS not_dirty_rows,
       (SELECT count(*) FROM cjkpi.survey_daily) AS rows;
-- two refreshes in a row: the second has nothing to do
CALL cjkpi.refresh();
SELECT survey_buckets, full_rebuild FROM cjkpi.refresh_log ORDER BY started_at DESC LIMIT 1;

-- days are the configured zone's: 23:30 UTC is the next day in Berlin
UPDATE cjkpi.settings SET time_zone = 'Europe/Berlin';
UPDATE cjkpi.settings SET time_zone = 'Mars/Olympus';
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at)
VALUES ('tz', 'app', 'nps', 10, '2024-03-30 23:30+00'), ('tz', 'app', 'nps', 10, '2024-03-31 21:59+00'),
       ('tz', 'app', 'nps', 10, '2024-03-31 22:00+00');
CALL cjkpi.refresh();
SELECT full_rebuild FROM cjkpi.refresh_log ORDER BY started_at DESC LIMIT 1;
SELECT survey_diff() AS differences, monthly_diff() AS monthly_differences;
-- the DST day 2024-03-31 in Berlin is 23 hours: 2024-03-30 23:00Z to 2024-03-31 22:00Z
SELECT bucket_day, responses FROM cjkpi.survey_daily WHERE segment IS NULL AND variant IS NULL AND touchpoint = 'app'
  AND bucket_day BETWEEN '2024-03-30' AND '2024-04-01' AND metric = 'nps' ORDER BY 1;

-- TRUNCATE marks everything
TRUNCATE cjkpi.responses CASCADE;
CALL cjkpi.refresh();
SELECT full_rebuild, (SELECT count(*) FROM cjkpi.survey_daily) AS rollup_rows,
       (SELECT count(*) FROM cjkpi.survey_monthly) AS monthly_rows FROM cjkpi.refresh_log
ORDER BY started_at DESC LIMIT 1;

-- events: activity per customer day, entries and conversions
INSERT INTO cjkpi.touchpoints VALUES ('buy', 'conversion', 'web');
INSERT INTO cjkpi.events (customer_id, session_id, event, touchpoint, occurred_at, segment) VALUES
    ('u1', 's1', 'visit', 'web', '2024-03-04 10:00+00', 'mobile'),
    ('u1', 's1', 'visit', 'web', '2024-03-04 10:05+00', 'mobile'),
    ('u1', 's2', 'visit', 'web', '2024-03-05 09:00+00', 'mobile'),
    ('u2', 's3', 'visit', 'web', '2024-03-04 12:00+00', 'desktop');
CALL cjkpi.refresh();
SELECT bucket_day, customer_id, touchpoint, events, sessions, first_at, converted
FROM cjkpi.customer_daily ORDER BY 2, 1;
-- a late purchase 20 hours after u1's first visit converts the 03-04 entry
-- (window 1 day) but not the 03-05 visit, which comes after it; only u1's
-- days 03-04 and 03-05 are logged
INSERT INTO cjkpi.events VALUES ('u1', 's2', 'purchase', 'buy', '2024-03-05 06:00+00', 'mobile');
SELECT customer_id, bucket_day FROM cjkpi.event_changes ORDER BY 1, 2;
CALL cjkpi.refresh();
SELECT bucket_day, customer_id, touchpoint, events, first_at, converted FROM cjkpi.customer_daily ORDER BY 2, 1, 3;
-- moving a touchpoint to another stage marks every customer day
UPDATE cjkpi.touchpoints SET stage = 'retention' WHERE touchpoint = 'buy';
CALL cjkpi.refresh();
SELECT full_rebuild, (SELECT count(*) FILTER (WHERE converted) FROM cjkpi.customer_daily) AS converted
FROM cjkpi.refresh_log ORDER BY started_at DESC LIMIT 1;

-- seeds: editing one makes it the user's; inserting a seeded key replaces the seed
UPDATE cjkpi.stages SET position = 5 WHERE stage = 'retention';
INSERT INTO cjkpi.stages VALUES ('engagement', 7);
SELECT stage, position, is_seed FROM cjkpi.stages ORDER BY stage;
-- the settings row is the user's now: a second one is refused
INSERT INTO cjkpi.settings (time_zone, min_responses_alert) VALUES ('UTC', 20);
-- but an inserted row replaces the seeded one (what pg_restore does)
DELETE FROM cjkpi.settings;
INSERT INTO cjkpi.settings DEFAULT VALUES;
UPDATE cjkpi.settings SET is_seed = true;
INSERT INTO cjkpi.settings (time_zone, min_responses_alert) VALUES ('UTC', 20);
SELECT time_zone, min_responses_alert, is_seed, (SELECT count(*) FROM cjkpi.settings) AS rows FROM cjkpi.settings;

-- clean up for the next tests: the seeded configuration again
TRUNCATE cjkpi.responses, cjkpi.events, cjkpi.follow_ups;
DELETE FROM cjkpi.touchpoints;
DELETE FROM cjkpi.settings;
INSERT INTO cjkpi.settings DEFAULT VALUES;
UPDATE cjkpi.settings SET is_seed = true;
UPDATE cjkpi.stages SET position = 2, is_seed = true WHERE stage = 'engagement';
UPDATE cjkpi.stages SET position = 4, is_seed = true WHERE stage = 'retention';
CALL cjkpi.refresh();
TRUNCATE cjkpi.refresh_log;
DROP SCHEMA journey_model CASCADE;
