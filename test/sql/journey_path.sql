-- journey_path and sessionize on the ecom clickstream (test/data/ecom-clickstream,
-- Apache-2.0), checked against plain SQL over the same rows: paths from
-- window functions (lag to drop repeats, array_agg in (ts, event) order), and
-- sessions from lag and a running sum; plus small hand cases and errors.
CREATE SCHEMA journey_path;
SET search_path = journey_path, public;
SET TIME ZONE 'UTC';
CREATE TABLE ecom(user_id text, session_id text, event text, ts timestamp, platform text,
                  acquisition_channel text, user_cohort text, user_lifecycle text);
\copy ecom FROM PROGRAM 'gzip -dc test/data/ecom-clickstream/ecom.csv.gz' (FORMAT csv, HEADER)
SELECT count(*) AS events, count(DISTINCT session_id) AS sessions FROM ecom;

-- per session: the path, and its first 4 steps
CREATE TABLE got AS
SELECT session_id, journey_path(ts, event) AS path, journey_path(ts, event, 4) AS path4
FROM ecom GROUP BY session_id;
-- plain SQL: rows in (ts, event bytes) order, a step kept when it differs from the previous row's
CREATE TABLE want AS
WITH o AS (SELECT session_id, event,
                  lag(event) OVER (PARTITION BY session_id ORDER BY ts, event COLLATE "C") AS prev,
                  row_number() OVER (PARTITION BY session_id ORDER BY ts, event COLLATE "C") AS rn
           FROM ecom)
SELECT session_id, array_agg(event ORDER BY rn) AS path
FROM o WHERE prev IS DISTINCT FROM event GROUP BY session_id;
SELECT count(*) AS sessions,
       count(*) FILTER (WHERE g.path IS DISTINCT FROM w.path) AS path_diffs,
       count(*) FILTER (WHERE g.path4 IS DISTINCT FROM w.path[1:4]) AS path4_diffs,
       count(*) FILTER (WHERE cardinality(w.path) > 4) AS longer_than_4,
       max(cardinality(g.path)) AS longest
FROM got g JOIN want w USING (session_id);
-- the most frequent paths of the first three steps
SELECT path4[1:3] AS first_three, count(*) AS sessions
FROM got GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5;

-- sessionize per user with a 30-minute gap, against lag and a running sum
CREATE TABLE sess AS
SELECT user_id, ts, event, sessionize(ts, interval '30 minutes') OVER (PARTITION BY user_id ORDER BY ts) AS s
FROM ecom;
CREATE TABLE sess_sql AS
SELECT user_id, ts, event,
       sum(CASE WHEN prev IS NULL OR ts - prev > interval '30 minutes' THEN 1 ELSE 0 END)
         OVER (PARTITION BY user_id ORDER BY ts ROWS UNBOUNDED PRECEDING) AS s
FROM (SELECT user_id, ts, event, lag(ts) OVER (PARTITION BY user_id ORDER BY ts) AS prev FROM ecom) x;
SELECT (SELECT count(*) FROM sess) AS rows,
       (SELECT count(*) FROM (SELECT user_id, max(s) FROM sess GROUP BY 1
                              EXCEPT SELECT user_id, max(s) FROM sess_sql GROUP BY 1) d) AS user_session_count_diffs,
       (SELECT sum(m) FROM (SELECT max(s) AS m FROM sess GROUP BY user_id) t) AS sessions_30min,
       (SELECT count(DISTINCT session_id) FROM ecom) AS dataset_sessions;
-- row by row (ties on ts get the same session either way)
SELECT count(*) AS diffs FROM (
  SELECT user_id, ts, s FROM sess EXCEPT ALL SELECT user_id, ts, s FROM sess_sql) d;

-- hand cases: repeats collapse only when consecutive; ties sort by step
SELECT journey_path(t, s) AS path, journey_path(t, s, 2) AS first_two
FROM (VALUES (timestamptz '2024-01-01 00:00', 'home'), ('2024-01-01 00:01', 'home'), ('2024-01-01 00:02', 'search'),
             ('2024-01-01 00:03', 'home'), ('2024-01-01 00:04', 'cart'), ('2024-01-01 00:04', 'buy'),
             ('2024-01-01 00:05', NULL), (NULL, 'exit')) v(t, s);
SELECT t, sessionize(t, interval '10 minutes') OVER (ORDER BY t) AS session
FROM (VALUES (timestamptz '2024-01-01 00:00'), ('2024-01-01 00:10'), ('2024-01-01 00:20:01'),
             ('2024-01-01 00:25'), (NULL)) v(t);
SELECT journey_path(t, s) FROM (VALUES (timestamptz '2024-01-01', 'a')) v(t, s) WHERE false;

-- parallel plans give the serial paths
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS sessions, count(*) FILTER (WHERE p.path IS DISTINCT FROM g.path) AS diffs
FROM (SELECT session_id, journey_path(ts, event) AS path FROM ecom GROUP BY session_id) p JOIN got g USING (session_id);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- errors
SELECT journey_path(ts, event, 0) FROM ecom;
SELECT journey_path(ts, event, NULL) FROM ecom;
SELECT sessionize(ts, interval '1 month') OVER (ORDER BY ts) FROM ecom LIMIT 1;
SELECT sessionize(ts, interval '0') OVER (ORDER BY ts) FROM ecom LIMIT 1;
SELECT sessionize(ts, interval '1 hour') OVER (ORDER BY ts DESC) FROM ecom LIMIT 2;

DROP SCHEMA journey_path CASCADE;
