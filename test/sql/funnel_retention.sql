-- retention(): ClickHouse semantics; retention_agg / retention_summary:
-- cohort retention with immature periods excluded.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_retention;
SET search_path = funnel_retention, public;
SET TIME ZONE 'UTC';

-- ClickHouse's documented example shape: per user, first-day condition and later days
CREATE TABLE visits(uid int, d date);
INSERT INTO visits VALUES (0, '2020-01-01'), (0, '2020-01-02'), (1, '2020-01-01'), (1, '2020-01-03'),
  (2, '2020-01-02'), (2, '2020-01-03'), (3, '2020-01-01'), (3, '2020-01-02'), (3, '2020-01-03');
SELECT uid, retention(d = '2020-01-01', d = '2020-01-02', d = '2020-01-03') AS r
FROM visits GROUP BY uid ORDER BY uid;
-- NULL conditions count as false; no rows gives NULL; FILTER (WHERE false) too
SELECT retention(a, b) AS r FROM (VALUES (true, NULL::bool), (NULL, NULL)) v(a, b);
SELECT retention(a, b) IS NULL AS empty FROM (VALUES (true, true)) v(a, b) WHERE false;
SELECT retention(a, b) FILTER (WHERE false) IS NULL AS filtered FROM (VALUES (true, true)) v(a, b);
SELECT retention(VARIADIC NULL::boolean[]) IS NULL AS null_array FROM (VALUES (1)) v(x);
SELECT retention(true) AS one_condition;
-- errors
SELECT retention(VARIADIC c) FROM (VALUES (ARRAY[true, false]), (ARRAY[true])) v(c);
SELECT retention(VARIADIC array_fill(true, ARRAY[33]));
SELECT retention(VARIADIC '{}'::boolean[]);

-- retention_agg on a hand-made cohort, daily periods, as of 2024-01-05 00:00:
--   u1 first 2024-01-01 10:00, active in periods 0, 1, 3 -> periods 0..2 mature (3 ends 01-05 10:00)
--   u2 first 2024-01-02 00:00, active in periods 0, 2    -> periods 0..2 mature (2 ends exactly at as_of)
--   u3 first 2024-01-04 12:00, active in period 0        -> nothing mature (0 ends 01-05 12:00)
-- so eligible = 2,2,2,0, active = 2,1,1,0, on_or_after = 2,2,2,0
CREATE TABLE act(uid int, ts timestamptz);
INSERT INTO act VALUES (1, '2024-01-01 10:00'), (1, '2024-01-02 11:00'), (1, '2024-01-04 10:30'),
  (2, '2024-01-02 00:00'), (2, '2024-01-04 23:59:59'), (3, '2024-01-04 12:00');
SELECT retention_agg(first_at, seen, interval '1 day', 4, timestamptz '2024-01-05 00:00') AS s
FROM (SELECT uid, min(ts) AS first_at, array_agg(ts) AS seen FROM act GROUP BY uid) u;
SELECT (retention_periods(retention_agg(first_at, seen, interval '1 day', 4, timestamptz '2024-01-05 00:00'))).*
FROM (SELECT uid, min(ts) AS first_at, array_agg(ts) AS seen FROM act GROUP BY uid) u;
-- NULL first_at is not an entity; NULL activity elements and activity before first_at are ignored
SELECT retention_agg(f, a, interval '1 day', 2, timestamptz '2030-01-01') AS s
FROM (VALUES (NULL::timestamptz, ARRAY[timestamptz '2024-01-01']),
             (timestamptz '2024-01-01', ARRAY[NULL, timestamptz '2023-12-01', timestamptz '2024-01-02 01:00'])) v(f, a);
-- errors
SELECT retention_agg(now(), ARRAY[now()], interval '1 month', 3, now());
SELECT retention_agg(now(), ARRAY[now()], interval '0 days', 3, now());
SELECT retention_agg(now(), ARRAY[now()], interval '1 day', 0, now());
SELECT retention_agg(now(), ARRAY[now()], interval '1 day', 3, NULL);
SELECT retention_agg(timestamptz 'infinity', ARRAY[now()], interval '1 day', 3, now());

-- text and binary I/O
SELECT 'v1;entities=3;eligible=2,2,1;active=2,1,0;on_or_after=2,2,1'::retention_summary;
SELECT 'v1;entities=3;eligible=2,2;active=2,1,0;on_or_after=2,2,1'::retention_summary;
SELECT 'v1;entities=3;eligible=4;active=1;on_or_after=1'::retention_summary;
SELECT 'v1;entities=3;eligible=2;active=2;on_or_after=1'::retention_summary;
SELECT 'v9;entities=3;eligible=2;active=2;on_or_after=2'::retention_summary;
SELECT 'v1;entities=3;eligible=2;active=2;on_or_after=2;'::retention_summary;
CREATE TABLE rs(id int, s retention_summary);
INSERT INTO rs VALUES (1, 'v1;entities=3;eligible=2,2,1;active=2,1,0;on_or_after=2,2,1'),
                      (2, 'v1;entities=0;eligible=0;active=0;on_or_after=0');
CREATE TABLE rs_copy (LIKE rs);
\copy rs TO 'results/retention_summary.bin' (FORMAT binary)
\copy rs_copy FROM 'results/retention_summary.bin' (FORMAT binary)
SELECT count(*) FILTER (WHERE a.s::text = b.s::text) AS binary_round_trip FROM rs a JOIN rs_copy b USING (id);
-- a 1000-period summary (24 kB) is stored out of line and reads back equal
INSERT INTO rs SELECT 3, retention_agg(timestamptz '2020-01-01', ARRAY[timestamptz '2020-01-01', timestamptz '2021-06-01'],
                                       interval '1 day', 1000, timestamptz '2030-01-01');
SELECT octet_length(s::text) > 6000 AS large, s::text = (SELECT retention_agg(timestamptz '2020-01-01',
         ARRAY[timestamptz '2020-01-01', timestamptz '2021-06-01'], interval '1 day', 1000, timestamptz '2030-01-01'))::text AS equal,
       (SELECT count(*) FROM retention_periods(s) WHERE active > 0) AS active_periods
FROM rs WHERE id = 3;
CREATE TABLE raw(b bytea);
INSERT INTO raw VALUES ('\x010001'::bytea || int8send(1) || int8send(2) || int8send(0) || int8send(0));
\copy raw TO 'results/retention_bad.bin' (FORMAT binary)
\copy rs_copy (s) FROM 'results/retention_bad.bin' (FORMAT binary)

-- the ecom clickstream: weekly cohorts by first event, 7-day periods, as of the end of the data;
-- checked against plain SQL that applies the same definitions
CREATE TABLE ecom(user_id text, session_id text, event text, ts timestamp, platform text,
                  acquisition_channel text, user_cohort text, user_lifecycle text);
\copy ecom FROM PROGRAM 'gzip -dc test/data/ecom-clickstream/ecom.csv.gz' (FORMAT csv, HEADER)
CREATE TABLE users AS
SELECT user_id, min(ts)::timestamptz AS first_at, array_agg(ts::timestamptz) AS seen FROM ecom GROUP BY user_id;
CREATE TABLE cohorts AS
SELECT date_trunc('month', first_at) AS cohort,
       retention_agg(first_at, seen, interval '7 days', 8, timestamptz '2024-06-30') AS s
FROM users GROUP BY 1;
SELECT to_char(cohort, 'YYYY-MM') AS cohort, entities(s), p.period, p.eligible, p.active,
       round(p.rate::numeric, 3) AS rate, p.on_or_after, round(p.rate_on_or_after::numeric, 3) AS rate_after
FROM cohorts, retention_periods(s) p WHERE p.period IN (0, 1, 4, 7) ORDER BY 1, 3;
WITH periods AS (SELECT generate_series(0, 7) AS k),
per_user AS (
  SELECT date_trunc('month', u.first_at) AS cohort, u.user_id, k,
         u.first_at + (k + 1) * interval '7 days' <= timestamptz '2024-06-30' AS eligible,
         EXISTS (SELECT 1 FROM ecom e WHERE e.user_id = u.user_id
                 AND e.ts >= u.first_at + k * interval '7 days' AND e.ts < u.first_at + (k + 1) * interval '7 days') AS active,
         EXISTS (SELECT 1 FROM ecom e WHERE e.user_id = u.user_id AND e.ts >= u.first_at + k * interval '7 days') AS after
  FROM users u, periods),
by_sql AS (
  SELECT cohort, k, count(*) FILTER (WHERE eligible) AS eligible, count(*) FILTER (WHERE eligible AND active) AS active,
         count(*) FILTER (WHERE eligible AND after) AS after
  FROM per_user GROUP BY 1, 2)
SELECT count(*) AS cells, count(*) FILTER (WHERE (q.eligible, q.active, q.after) IS DISTINCT FROM (p.eligible, p.active, p.on_or_after)) AS mismatches
FROM by_sql q JOIN (SELECT cohort, p.* FROM cohorts, retention_periods(s) p) p ON p.cohort = q.cohort AND p.period = q.k;
-- rollup across cohorts = one aggregate over all users (the weighted mean)
SELECT (SELECT rollup(s) FROM cohorts)::text
     = (SELECT retention_agg(first_at, seen, interval '7 days', 8, timestamptz '2024-06-30') FROM users)::text AS rollup_equals_all;

-- issue 8 item 5: monthly (calendar) retention, the recipe the error hint for
-- month periods and the README give, against plain SQL on the same rows
CREATE TABLE monthly AS
SELECT cohort, count(*) AS entities, count(*) FILTER (WHERE r[2]) AS month_1, count(*) FILTER (WHERE r[3]) AS month_2
FROM (SELECT u.user_id, u.cohort,
             retention(date_trunc('month', e.ts) = u.cohort,
                       date_trunc('month', e.ts) = u.cohort + interval '1 month',
                       date_trunc('month', e.ts) = u.cohort + interval '2 months') AS r
      FROM ecom e JOIN (SELECT user_id, date_trunc('month', min(ts)) AS cohort FROM ecom GROUP BY user_id) u USING (user_id)
      GROUP BY 1, 2) x
GROUP BY cohort;
SELECT to_char(cohort, 'YYYY-MM') AS cohort, entities, month_1, month_2 FROM monthly ORDER BY cohort;
SELECT count(*) AS cohorts,
       count(*) FILTER (WHERE (m.entities, m.month_1, m.month_2) IS DISTINCT FROM (q.entities, q.month_1, q.month_2)) AS mismatches
FROM monthly m JOIN (
  SELECT cohort, count(*) AS entities, count(*) FILTER (WHERE m1) AS month_1, count(*) FILTER (WHERE m2) AS month_2
  FROM (SELECT u.user_id, u.cohort,
               bool_or(e.ts >= u.cohort + interval '1 month' AND e.ts < u.cohort + interval '2 months') AS m1,
               bool_or(e.ts >= u.cohort + interval '2 months' AND e.ts < u.cohort + interval '3 months') AS m2
        FROM (SELECT user_id, date_trunc('month', min(ts)) AS cohort FROM ecom GROUP BY user_id) u
        JOIN ecom e USING (user_id) GROUP BY 1, 2) per_user
  GROUP BY cohort) q USING (cohort);

-- parallel plans give the same summaries
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
DO $$
BEGIN
	IF current_setting('server_version_num')::int >= 160000 THEN
		EXECUTE 'SET debug_parallel_query = regress';
	ELSE
		EXECUTE 'SET force_parallel_mode = regress';
	END IF;
END $$;
EXPLAIN (COSTS OFF) SELECT retention_agg(first_at, seen, interval '7 days', 8, timestamptz '2024-06-30') FROM users;
SELECT retention_agg(first_at, seen, interval '7 days', 8, timestamptz '2024-06-30')::text
     = (SELECT rollup(s) FROM cohorts)::text AS parallel_equal FROM users;
EXPLAIN (COSTS OFF) SELECT retention(event = 'home', event = 'purchase') FROM ecom;
SELECT retention(event = 'home', event = 'purchase', event = 'nothing') AS r FROM ecom;
SELECT count(*) FILTER (WHERE r[2]) AS home_and_purchase
FROM (SELECT user_id, retention(event = 'home', event = 'purchase') AS r FROM ecom GROUP BY user_id) x;
SELECT count(*) AS home_and_purchase_sql
FROM (SELECT user_id FROM ecom GROUP BY user_id
      HAVING bool_or(event = 'home') AND bool_or(event = 'purchase')) x;

-- issue 6 item 1: retention() states built by hand.  Bits 32-39 hold the
-- condition count and bound the result array: 34 used to smash the stack and
-- restart the server, 33 gave a 33-element array.  Each is an error now.
RESET ALL;
SET search_path = funnel_retention, public;
SET TIME ZONE 'UTC';
SELECT retention_finalfn(34::bigint << 32 | 1);
SELECT retention_finalfn(33::bigint << 32 | 1);
SELECT retention_finalfn(255::bigint << 32);
SELECT retention_finalfn((1::bigint << 40) | (1::bigint << 32) | 1);
SELECT retention_finalfn(-1);
SELECT retention_finalfn(2::bigint << 32 | 4);
SELECT retention_finalfn(5);
SELECT retention_combinefn(34::bigint << 32, 0);
SELECT retention_combinefn(0, 1::bigint << 32 | 2);
SELECT retention_transfn(34::bigint << 32 | 1, ARRAY[true]);
-- the largest valid states still work: 32 conditions all seen, and the empty state
SELECT cardinality(retention_finalfn(32::bigint << 32 | 4294967295)) AS n,
       true = ALL (retention_finalfn(32::bigint << 32 | 4294967295)) AS all_true,
       retention_finalfn(0) IS NULL AS empty_is_null,
       retention_finalfn(3::bigint << 32 | 5) AS r;
SELECT 'the server is still up' AS alive;
-- issue 6 item 7: the period is part of the summary.  It was read on every
-- row but neither checked nor stored, so daily and weekly cohorts merged
-- silently.  Varying it within one aggregate and merging different periods
-- are errors now (22023).
SELECT retention_agg(f, ARRAY[f], p, 2, timestamptz '2030-01-01')
FROM (VALUES (timestamptz '2024-01-01', interval '1 day'), (timestamptz '2024-01-02', interval '7 days')) v(f, p);
SELECT retention_period(retention_agg(timestamptz '2024-01-01', NULL, interval '1 day', 2, timestamptz '2030-01-01')) AS daily,
       retention_period(retention_agg(timestamptz '2024-01-01', NULL, interval '36 hours', 2, timestamptz '2030-01-01')) AS p36h,
       retention_period(retention_agg(timestamptz '2024-01-01', NULL, interval '36 hours', 2, timestamptz '2030-01-01'))
         = interval '36 hours' AS equal_36h;
CREATE TABLE by_period AS
SELECT p, retention_agg(timestamptz '2024-01-01', ARRAY[timestamptz '2024-01-09'], p, 2, timestamptz '2030-01-01') AS s
FROM (VALUES (interval '1 day'), (interval '7 days')) v(p) GROUP BY p;
SELECT rollup(s) FROM by_period;
SELECT a.s + b.s FROM by_period a, by_period b WHERE a.p = '1 day' AND b.p = '7 days';
SELECT rollup(s) AS same_period FROM by_period, generate_series(1, 2) WHERE p = '7 days';
-- the v2 text form carries the period in microseconds; input checks it
SELECT 'v2;period_us=604800000000;entities=3;eligible=2,1;active=2,0;on_or_after=2,1'::retention_summary;
SELECT 'v2;period_us=0;entities=3;eligible=2;active=2;on_or_after=2'::retention_summary;
SELECT 'v2;entities=3;eligible=2;active=2;on_or_after=2'::retention_summary;
SELECT 'v2;period_us=99999999999999999999;entities=3;eligible=2;active=2;on_or_after=2'::retention_summary;
-- a 1.0 value (v1, no period) still reads, with an unknown period: it prints in
-- its 1.0 form, merges with other 1.0 values as in 1.0, and with a value of
-- known period only once retention_with_period() has stated its period
CREATE TABLE old_new(id int, s retention_summary);
INSERT INTO old_new VALUES (1, 'v1;entities=3;eligible=2,1;active=2,0;on_or_after=2,1'),
  (2, 'v1;entities=1;eligible=1,1;active=1,1;on_or_after=1,1'),
  (3, 'v2;period_us=604800000000;entities=2;eligible=2,2;active=1,1;on_or_after=2,1');
SELECT id, s, retention_period(s) FROM old_new ORDER BY id;
SELECT rollup(s) AS old_values FROM old_new WHERE id < 3;
SELECT rollup(s) FROM old_new;
SELECT rollup(CASE WHEN id < 3 THEN retention_with_period(s, interval '7 days') ELSE s END) AS stated FROM old_new;
SELECT retention_with_period(s, interval '1 day') FROM old_new WHERE id = 3;
SELECT retention_with_period(s, interval '7 days')::text = s::text AS unchanged FROM old_new WHERE id = 3;
-- binary: version 1 and 2 both read back
CREATE TABLE old_new_copy (LIKE old_new);
\copy old_new TO 'results/retention_v1v2.bin' (FORMAT binary)
\copy old_new_copy FROM 'results/retention_v1v2.bin' (FORMAT binary)
SELECT id, b.s::text = a.s::text AS binary_round_trip, retention_period(b.s) FROM old_new a JOIN old_new_copy b USING (id) ORDER BY id;
TRUNCATE raw;
INSERT INTO raw VALUES ('\x020001'::bytea || int8send(0) || int8send(1) || int8send(1) || int8send(1) || int8send(1));
\copy raw TO 'results/retention_bad.bin' (FORMAT binary)
\copy rs_copy (s) FROM 'results/retention_bad.bin' (FORMAT binary)

-- issue 6 item 10: summary columns in DISTINCT, ORDER BY and rollup(DISTINCT v)
-- failed with "could not identify an ordering operator".  Equality and a
-- total order on the binary send form (btree and hash operator classes).
CREATE TABLE rdist(id int, s retention_summary);
INSERT INTO rdist VALUES (1, 'v2;period_us=86400000000;entities=3;eligible=2,1;active=2,0;on_or_after=2,1'),
  (2, 'v2;period_us=86400000000;entities=3;eligible=2,1;active=2,0;on_or_after=2,1'),
  (3, 'v2;period_us=86400000000;entities=3;eligible=2,1;active=1,0;on_or_after=2,1'),
  (4, 'v2;period_us=86400000000;entities=4;eligible=2,1;active=2,1;on_or_after=2,1'), (5, NULL);
SELECT count(DISTINCT s) AS distinct_values, count(*) AS all_values FROM rdist;
SELECT r::text = 'v2;period_us=86400000000;entities=10;eligible=6,3;active=5,1;on_or_after=6,3' AS rollup_distinct FROM (SELECT rollup(DISTINCT s) AS r FROM rdist) x;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT s FROM rdist;
SELECT DISTINCT s FROM rdist ORDER BY s;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT s FROM rdist;
SELECT count(*) AS hashed_distinct FROM (SELECT DISTINCT s FROM rdist) x;
RESET enable_sort;
SELECT a.id, b.id, a.s = b.s AS eq, a.s <> b.s AS ne, a.s < b.s AS lt, a.s <= b.s AS le, a.s > b.s AS gt, a.s >= b.s AS ge,
       retention_summary_cmp(a.s, b.s) AS cmp, retention_summary_hash(a.s) = retention_summary_hash(b.s) AS same_hash
FROM rdist a, rdist b WHERE a.id <= b.id AND a.id IN (1, 2) ORDER BY 1, 2;
SELECT count(*) AS union_rows FROM (SELECT s FROM rdist UNION SELECT s FROM rdist) u;
CREATE INDEX ON rdist (s);
SET enable_seqscan = off;
SELECT count(*) AS index_equal FROM rdist WHERE s = (SELECT s FROM rdist WHERE id = 1);
RESET enable_seqscan;

-- issue 6 item 3: one state per group.  The first state used to be built in
-- the aggregate context, which the executor copies again: a hash aggregate of
-- 1000-period summaries (24,016 bytes each in memory) took 47 kB per group.
CREATE FUNCTION hash_peak_kb(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF) ' || q INTO plan;
	IF plan->0->'Plan'->>'Node Type' <> 'Aggregate' OR plan->0->'Plan'->>'Strategy' <> 'Hashed' THEN
		RAISE EXCEPTION 'not a hash aggregate: %', plan;
	END IF;
	RETURN (plan->0->'Plan'->>'Peak Memory Usage')::bigint;
END $$;
SET work_mem = '256MB';
SET enable_sort = off;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE rs200 AS
SELECT g, retention_agg(timestamptz '2020-01-01', ARRAY[timestamptz '2020-01-02'], interval '1 day', 1000,
                        timestamptz '2030-01-01') AS s
FROM generate_series(1, 200) g GROUP BY g;
SELECT hash_peak_kb($q$SELECT g, retention_agg(timestamptz '2020-01-01', ARRAY[timestamptz '2020-01-02'],
                          interval '1 day', 1000, timestamptz '2030-01-01') FROM generate_series(1, 200) g GROUP BY g$q$)
       < 1.5 * 200 * 24016 / 1024 AS agg_one_state_per_group,
       hash_peak_kb('SELECT g, rollup(s) FROM rs200 GROUP BY g') < 1.5 * 200 * 24016 / 1024 AS rollup_one_state_per_group;
RESET work_mem;
RESET enable_sort;
RESET max_parallel_workers_per_gather;

-- the support functions are not for PUBLIC; the aggregate still is
CREATE ROLE regress_cjkpi_retention;
SET ROLE regress_cjkpi_retention;
SELECT retention(x > 1, x > 2) AS r FROM generate_series(1, 3) x;
SELECT retention_finalfn(1::bigint << 32 | 1);
RESET ROLE;
DROP ROLE regress_cjkpi_retention;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_retention CASCADE;
RESET client_min_messages;
