-- Time to convert: window_funnel_times -> time_to_convert_agg -> ttc_summary,
-- percentiles within 1 % of the exact nearest-rank percentiles.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_ttc;
SET search_path = funnel_ttc, public;
SET TIME ZONE 'UTC';

-- known values: step 2 times 10, 20, 30 s; step 3 times 100, 300 s
CREATE TABLE t3(times float8[]);
INSERT INTO t3 VALUES ('{0,10,100}'), ('{0,20}'), ('{0,30,300}'), (NULL), ('{0,NULL,NULL}');
SELECT time_to_convert_agg(times) FROM t3;
SELECT time_to_convert_count(s, 2) AS n2, time_to_convert_count(s, 3) AS n3,
       round(time_to_convert(s, 2)::numeric, 2) AS median2, round(time_to_convert(s, 2, 0)::numeric, 2) AS min2,
       round(time_to_convert(s, 3, 1)::numeric, 2) AS max3, time_to_convert(s, 1) AS step1
FROM (SELECT time_to_convert_agg(times) AS s FROM t3) x;
-- within 1 %: |estimate / exact - 1| <= 0.01
SELECT abs(time_to_convert(s, 2) / 20 - 1) <= 0.01 AS median_within_1pct,
       abs(time_to_convert(s, 3, 1) / 300 - 1) <= 0.01 AS max_within_1pct
FROM (SELECT time_to_convert_agg(times) AS s FROM t3) x;
-- no rows: NULL; a step nobody reached: NULL
SELECT time_to_convert_agg(times) IS NULL AS empty FROM t3 WHERE false;
SELECT time_to_convert(s, 2) IS NULL AS unreached, time_to_convert_count(s, 2) AS n FROM (SELECT time_to_convert_agg('{0,NULL}'::float8[]) AS s) x;
SELECT time_to_convert(s, 2) FROM (SELECT time_to_convert_agg('{0}'::float8[]) AS s) x;
SELECT time_to_convert_agg('{0,0.0005}'::float8[]) AS under_1ms_is_bucket_0;

-- issue 8 item 6: the summary keeps how many entities entered (any non-empty
-- array; level 0 gives {} and does not count), so time_to_convert_count(s, 1)
-- is no longer NULL and "% converted within a time" can be computed.  t3 has
-- 4 entrants: step 2 times 10, 20, 30 s, step 3 times 100, 300 s.
SELECT time_to_convert_count(s, 1) AS entered, time_to_convert_count(s, 2) AS n2,
       converted_within(s, 1, interval '0') AS step1_pct,
       converted_within(s, 2, interval '25 seconds') AS within_25s_pct,
       converted_within(s, 2, interval '1 minute') AS within_1min_pct,
       converted_within(s, 3, interval '2 minutes') AS step3_2min_pct,
       converted_within(s, 3, interval '5 minutes') AS step3_5min_pct,
       converted_within(s, 3, interval '1 day') AS step3_1day_pct
FROM (SELECT time_to_convert_agg(times) AS s FROM t3) x;
SELECT time_to_convert_count(time_to_convert_agg(t), 1) AS entered
FROM (VALUES ('{}'::float8[]), ('{0}'), (NULL), ('{0,5}')) v(t);
-- quantiles as intervals beside the seconds (median of 10, 20, 30 s within 1 %)
SELECT time_to_convert_interval(s, 2) AS median2, time_to_convert_interval(s, 3, 1) AS max3,
       time_to_convert_interval(s, 1) AS step1, time_to_convert_interval(s, 2, 0.5) >= interval '19.8 seconds'
       AND time_to_convert_interval(s, 2, 0.5) <= interval '20.2 seconds' AS median_within_1pct,
       abs(extract(epoch FROM time_to_convert_interval(s, 3, 1)) - time_to_convert(s, 3, 1)) < 1e-6 AS same_as_seconds
FROM (SELECT time_to_convert_agg(times) AS s FROM t3) x;
SELECT time_to_convert_interval(time_to_convert_agg('{0,NULL}'::float8[]), 2) IS NULL AS unreached;
-- merging adds the entered counts; a 1.0 value (v1, no count) makes it unknown
SELECT 'v2;steps=2;entered=5;s2=7:2'::ttc_summary + 'v2;steps=2;entered=3;s2=7:1'::ttc_summary AS both_known,
       'v2;steps=2;entered=5;s2=7:2'::ttc_summary + 'v1;steps=2;s2=7:1'::ttc_summary AS one_unknown,
       time_to_convert_count('v1;steps=2;s2=7:1'::ttc_summary, 1) IS NULL AS old_entered_unknown,
       converted_within('v1;steps=2;s2=7:1'::ttc_summary, 2, interval '1 hour') IS NULL AS old_within_unknown,
       converted_within('v2;steps=2;entered=0;s2='::ttc_summary, 2, interval '1 hour') IS NULL AS nobody_entered;
-- input checks: no step counts more entities than entered; bad times
SELECT 'v2;steps=2;entered=1;s2=7:2'::ttc_summary;
SELECT 'v2;steps=2;s2=7:2'::ttc_summary;
-- binary v2 runs the same checks: a step above the entered count, a negative count
CREATE TABLE raw2(b bytea);
CREATE TABLE one2(s ttc_summary);
INSERT INTO raw2 VALUES ('\x0202'::bytea || int8send(1) || int4send(1) || int2send(5::int2) || int8send(2));
\copy raw2 TO 'results/ttc_bad2.bin' (FORMAT binary)
\copy one2 FROM 'results/ttc_bad2.bin' (FORMAT binary)
TRUNCATE raw2;
INSERT INTO raw2 VALUES ('\x0202'::bytea || int8send(-1) || int4send(0));
\copy raw2 TO 'results/ttc_bad2.bin' (FORMAT binary)
\copy one2 FROM 'results/ttc_bad2.bin' (FORMAT binary)
TRUNCATE raw2;
INSERT INTO raw2 VALUES ('\x0202'::bytea || int8send(3) || int4send(1) || int2send(5::int2) || int8send(2));
\copy raw2 TO 'results/ttc_bad2.bin' (FORMAT binary)
\copy one2 FROM 'results/ttc_bad2.bin' (FORMAT binary)
SELECT s AS binary_v2 FROM one2;
SELECT converted_within('v2;steps=2;entered=5;s2=7:2'::ttc_summary, 2, interval '1 month');
SELECT converted_within('v2;steps=2;entered=5;s2=7:2'::ttc_summary, 2, interval '-1 second');
SELECT converted_within('v2;steps=2;entered=5;s2=7:2'::ttc_summary, 3, interval '1 second');

-- errors
SELECT time_to_convert_agg('{0,-1}'::float8[]);
SELECT time_to_convert_agg('{0,NaN}'::float8[]);
SELECT time_to_convert_agg('{0,1e10}'::float8[]);
SELECT time_to_convert(time_to_convert_agg(times), 4) FROM t3;
SELECT time_to_convert(time_to_convert_agg(times), 2, 1.5) FROM t3;

-- differential: 20000 random times over 6 orders of magnitude against percentile_disc
CREATE TABLE rt AS
SELECT g, exp(((hashint4(g) & 1048575) / 1048575.0) * ln(1e6)) AS t2,
       exp(((hashint4(g * 7) & 1048575) / 1048575.0) * ln(1e5)) + 1 AS t3
FROM generate_series(1, 20000) g;
CREATE TABLE rt_summary AS SELECT time_to_convert_agg(ARRAY[0, t2, t3]) AS s FROM rt;
SELECT q, max(abs(est / exact - 1)) <= 0.0100000001 AS within_1pct
FROM unnest(ARRAY[0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) q,
     LATERAL (SELECT time_to_convert(s, 2, q) AS est, (SELECT percentile_disc(q) WITHIN GROUP (ORDER BY t2) FROM rt) AS exact FROM rt_summary
              UNION ALL
              SELECT time_to_convert(s, 3, q), (SELECT percentile_disc(q) WITHIN GROUP (ORDER BY t3) FROM rt) FROM rt_summary) x
GROUP BY q ORDER BY q;
SELECT max(abs(time_to_convert(s, 2, q) / (SELECT percentile_disc(q) WITHIN GROUP (ORDER BY t2) FROM rt) - 1)) <= 0.0100000001 AS all_percentiles_within_1pct
FROM rt_summary, generate_series(1, 99) p, LATERAL (SELECT p / 100.0 AS q) qq;

-- rollup of parts equals the aggregate of all rows; text and binary round trips
CREATE TABLE rt_parts AS SELECT g % 5 AS part, time_to_convert_agg(ARRAY[0, t2, t3]) AS s FROM rt GROUP BY 1;
SELECT (SELECT rollup(s) FROM rt_parts)::text = (SELECT s::text FROM rt_summary) AS rollup_equals_all;
SELECT count(*) FILTER (WHERE s::text::ttc_summary::text = s::text) AS text_round_trip FROM rt_parts;
CREATE TABLE rt_copy (LIKE rt_parts);
\copy rt_parts TO 'results/ttc_summary.bin' (FORMAT binary)
\copy rt_copy FROM 'results/ttc_summary.bin' (FORMAT binary)
SELECT count(*) FILTER (WHERE a.s::text = b.s::text) AS binary_round_trip FROM rt_parts a JOIN rt_copy b USING (part);
-- bad input, text and binary
SELECT 'v1;steps=2;s2=5:1,5:2'::ttc_summary;
SELECT 'v1;steps=2;s2=5:0'::ttc_summary;
SELECT 'v1;steps=2;s2=99999:1'::ttc_summary;
SELECT 'v1;steps=3;s2=5:1'::ttc_summary;
SELECT 'v2;steps=2;s2=5:1'::ttc_summary;
SELECT 'v1;steps=0'::ttc_summary;
SELECT 'v1;steps=2;s2=5:1;'::ttc_summary;
SELECT 'v1;steps=2;s2=5:1,2:3'::ttc_summary;
SELECT 'v1;steps=2;s2='::ttc_summary AS empty_step;
CREATE TABLE raw(b bytea);
CREATE TABLE one(s ttc_summary);
INSERT INTO raw VALUES ('\x0102'::bytea || int4send(1) || int2send(5::int2) || int8send(-3));
\copy raw TO 'results/ttc_bad.bin' (FORMAT binary)
\copy one FROM 'results/ttc_bad.bin' (FORMAT binary)
TRUNCATE raw;
INSERT INTO raw VALUES ('\x0102'::bytea || int4send(2) || int2send(5::int2) || int8send(1));
\copy raw TO 'results/ttc_bad.bin' (FORMAT binary)
\copy one FROM 'results/ttc_bad.bin' (FORMAT binary)

-- issue 6 item 6: per-step totals.  Each bucket was checked, not their sum:
-- this gave time_to_convert_count -2.  Text and binary input refuse a step
-- whose buckets add up to more than 2^63-1 entities; merging and counting
-- check it too, and a step holding exactly 2^63-1 still works.
SELECT time_to_convert_count('v1;steps=2;s2=1:9223372036854775807,2:9223372036854775807'::ttc_summary, 2);
SELECT 'v1;steps=3;s2=1:1;s3=1:9223372036854775806,2:2'::ttc_summary;
TRUNCATE raw;
INSERT INTO raw VALUES ('\x0102'::bytea || int4send(2) || int2send(1::int2) || int8send(9223372036854775807)
                                        || int2send(2::int2) || int8send(1));
\copy raw TO 'results/ttc_bad.bin' (FORMAT binary)
\copy one FROM 'results/ttc_bad.bin' (FORMAT binary)
SELECT time_to_convert_count(s, 2) AS n, time_to_convert(s, 2, 1) > time_to_convert(s, 2, 0.5) AS max_in_bucket_2
FROM (VALUES ('v1;steps=2;s2=1:9223372036854775806,2:1'::ttc_summary)) v(s);
SELECT rollup(s) FROM (VALUES ('v1;steps=2;s2=1:9223372036854775806'::ttc_summary), ('v1;steps=2;s2=2:2'::ttc_summary)) v(s);
SELECT rollup(s) AS at_the_limit FROM (VALUES ('v1;steps=2;s2=1:9223372036854775806'::ttc_summary), ('v1;steps=2;s2=1:1'::ttc_summary)) v(s);

-- issue 6 item 10: summary columns in DISTINCT, ORDER BY and rollup(DISTINCT v)
-- failed with "could not identify an ordering operator".  Equality and a
-- total order on the binary send form (btree and hash operator classes).
CREATE TABLE tdist(id int, s ttc_summary);
INSERT INTO tdist VALUES (1, 'v1;steps=3;s2=5:1,7:2;s3=9:1'), (2, 'v1;steps=3;s2=5:1,7:2;s3=9:1'), (3, 'v1;steps=3;s2=5:1,7:3;s3=9:1'),
  (4, 'v1;steps=2;s2=6:4'), (5, NULL);
SELECT count(DISTINCT s) AS distinct_values, count(*) AS all_values FROM tdist;
SELECT r::text = 'v1;steps=3;s2=5:2,6:4,7:5;s3=9:2' AS rollup_distinct FROM (SELECT rollup(DISTINCT s) AS r FROM tdist) x;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT s FROM tdist;
SELECT DISTINCT s FROM tdist ORDER BY s;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT s FROM tdist;
SELECT count(*) AS hashed_distinct FROM (SELECT DISTINCT s FROM tdist) x;
RESET enable_sort;
SELECT a.id, b.id, a.s = b.s AS eq, a.s <> b.s AS ne, a.s < b.s AS lt, a.s <= b.s AS le, a.s > b.s AS gt, a.s >= b.s AS ge,
       ttc_summary_cmp(a.s, b.s) AS cmp, ttc_summary_hash(a.s) = ttc_summary_hash(b.s) AS same_hash
FROM tdist a, tdist b WHERE a.id <= b.id AND a.id IN (1, 2) ORDER BY 1, 2;
SELECT count(*) AS union_rows FROM (SELECT s FROM tdist UNION SELECT s FROM tdist) u;
CREATE INDEX ON tdist (s);
SET enable_seqscan = off;
SELECT count(*) AS index_equal FROM tdist WHERE s = (SELECT s FROM tdist WHERE id = 1);
RESET enable_seqscan;

-- issue 6 item 11: time_to_convert_agg copied the whole summary for every new
-- bucket and rollup() zero-filled 31 x 1400 counts per row.  The state now
-- grows in place (room per step, kept totals); whatever order rows and
-- summaries arrive in, the results must equal each other and the compact
-- values that input builds.  31 later steps, ~690 buckets each.
CREATE TABLE wide AS
SELECT g, array_prepend(0::float8, array_agg(exp(((hashint4(g * 32 + k) & 1048575) / 1048575.0) * ln(1e6))::float8 ORDER BY k)) AS t
FROM generate_series(1, 3000) g, generate_series(2, 32) k GROUP BY g;
CREATE TABLE wide_parts AS SELECT g % 97 AS part, time_to_convert_agg(t) AS s FROM wide GROUP BY 1;
SELECT (SELECT rollup(s) FROM wide_parts) = (SELECT time_to_convert_agg(t) FROM wide) AS rollup_equals_all,
       (SELECT rollup(s ORDER BY part DESC) FROM wide_parts) = (SELECT time_to_convert_agg(t ORDER BY g DESC) FROM wide) AS any_order,
       (SELECT rollup(s)::text FROM wide_parts) = (SELECT time_to_convert_agg(t)::text FROM wide) AS same_text,
       (SELECT count(*) FROM wide_parts
        WHERE s = s::text::ttc_summary AND ttc_summary_hash(s) = ttc_summary_hash(s::text::ttc_summary)) AS grown_equals_compact;
-- + merges like rollup(): commutative, associative, overflow-checked, and
-- leaves its inputs alone
SELECT (a.s + b.s) = (SELECT rollup(s) FROM wide_parts WHERE part IN (1, 2)) AS plus_is_rollup,
       a.s + b.s = b.s + a.s AS commutative,
       (a.s + b.s) + c.s = a.s + (b.s + c.s) AS associative,
       a.s = (SELECT s FROM wide_parts WHERE part = 1) AS input_unchanged
FROM wide_parts a, wide_parts b, wide_parts c WHERE a.part = 1 AND b.part = 2 AND c.part = 3;
SELECT 'v1;steps=2;s2=1:1'::ttc_summary + 'v1;steps=3;s2=;s3=7:2'::ttc_summary AS plus_widens;
SELECT 'v1;steps=2;s2=1:9223372036854775806'::ttc_summary + 'v1;steps=2;s2=1:1'::ttc_summary AS plus_at_the_limit;
SELECT 'v1;steps=2;s2=1:9223372036854775806'::ttc_summary + 'v1;steps=2;s2=2:2'::ttc_summary;
SELECT 'v1;steps=2;s2=1:1'::ttc_summary + NULL IS NULL AS plus_null;
-- against plain SQL over the same arrays: per step, the entities and the exact median within 1 %
SELECT count(*) AS steps, bool_and(n = 3000) AS all_counted, max(abs(est / exact - 1)) <= 0.0100000001 AS medians_within_1pct
FROM (SELECT k, time_to_convert_count(s, k) AS n, time_to_convert(s, k) AS est,
             (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY t[k]) FROM wide) AS exact
      FROM (SELECT time_to_convert_agg(t) AS s FROM wide) x, generate_series(2, 32) k) y;

-- parallel plans
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
EXPLAIN (COSTS OFF) SELECT time_to_convert_agg(ARRAY[0, t2, t3]) FROM rt;
SELECT time_to_convert_agg(ARRAY[0, t2, t3])::text = (SELECT s::text FROM rt_summary) AS parallel_equal FROM rt;
SELECT time_to_convert_agg(ARRAY[0, t2]) FILTER (WHERE g < 0) IS NULL AS filtered_null FROM rt;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- end to end on the ecom clickstream: product_view -> add_to_cart -> purchase per session
CREATE TABLE ecom(user_id text, session_id text, event text, ts timestamp, platform text,
                  acquisition_channel text, user_cohort text, user_lifecycle text);
\copy ecom FROM PROGRAM 'gzip -dc test/data/ecom-clickstream/ecom.csv.gz' (FORMAT csv, HEADER)
CREATE TABLE times AS
SELECT session_id, window_funnel_times(interval '1 hour', ts, event = 'product_view', event = 'add_to_cart', event = 'purchase') AS t
FROM ecom GROUP BY session_id;
SELECT k AS step, time_to_convert_count(s, k) AS sessions,
       round(time_to_convert(s, k, 0.25)::numeric) AS p25, round(time_to_convert(s, k)::numeric) AS median,
       round(time_to_convert(s, k, 0.9)::numeric) AS p90
FROM (SELECT time_to_convert_agg(t) AS s FROM times) x, generate_series(2, 3) k;
-- the exact medians for comparison
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY t[2]) AS exact_median_2,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY t[3]) FILTER (WHERE cardinality(t) >= 3) AS exact_median_3
FROM times WHERE cardinality(t) >= 2;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_ttc CASCADE;
RESET client_min_messages;
