-- limits: int64 count overflow in every merge and +, the maximum number of
-- funnel steps and one more, empty and single-row groups of every
-- aggregate, NaN and infinities wherever floats enter, and a funnel over one
-- entity with two million events (memory per stored event measured).
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA limits;
SET search_path = limits, public;
\set VERBOSITY sqlstate

--
-- int64 counts: a merge or + that would pass 2^63 - 1 is error 22003, never
-- a wrapped count
--
SELECT nps_from_counts(9223372036854775807, 0, 0) + nps_from_counts(1, 0, 0);
SELECT nps_from_counts(9223372036854775807, 0, 0) + nps_from_counts(0, 0, 1);
SELECT rollup(s) FROM (VALUES (nps_from_counts(9223372036854775807, 0, 0)), (nps_from_counts(0, 1, 0))) v(s);
SELECT csat_from_counts(ARRAY[0, 0, 0, 0, 9223372036854775807]) + csat_from_counts(ARRAY[1, 0, 0, 0, 0]);
SELECT rollup(s) FROM (VALUES (csat_from_counts(ARRAY[0, 0, 0, 0, 9223372036854775807])), (csat_from_counts(ARRAY[0, 0, 1, 0, 0]))) v(s);
SELECT ces_from_counts(ARRAY[0, 0, 0, 0, 0, 0, 9223372036854775807]) + ces_from_counts(ARRAY[1, 0, 0, 0, 0, 0, 0]);
SELECT rollup(s) FROM (VALUES (ces_from_counts(ARRAY[9223372036854775807, 0, 0, 0, 0, 0, 0])), (ces_from_counts(ARRAY[0, 0, 0, 0, 0, 0, 1]))) v(s);
SELECT 'v1;entities=9223372036854775807;reached=9223372036854775807,1'::funnel_summary + 'v1;entities=1;reached=0,0';
SELECT rollup(s) FROM (VALUES ('v1;entities=9223372036854775807;reached=1,1'::funnel_summary), ('v1;entities=1;reached=0,0')) v(s);
SELECT 'v1;entities=9223372036854775807;eligible=0;active=0;on_or_after=0'::retention_summary
       + 'v1;entities=1;eligible=0;active=0;on_or_after=0';
SELECT rollup(s) FROM (VALUES ('v1;entities=9223372036854775807;eligible=0;active=0;on_or_after=0'::retention_summary),
                              ('v1;entities=1;eligible=1;active=1;on_or_after=1')) v(s);
SELECT rollup(s) FROM (VALUES ('v1;steps=2;s2=0:9223372036854775807'::ttc_summary), ('v1;steps=2;s2=0:1')) v(s);
-- a step's total over different buckets too (an earlier build accepted it and
-- time_to_convert_count() read -9223372036854775808)
SELECT rollup(s) FROM (VALUES ('v1;steps=2;s2=0:9223372036854775807'::ttc_summary), ('v1;steps=2;s2=5:1')) v(s);
SELECT 'v1;steps=2;s2=0:9223372036854775807,5:1'::ttc_summary;
-- the largest totals themselves are fine
SELECT nps_from_counts(9223372036854775806, 1, 0) = nps_from_counts(0, 1, 0) + nps_from_counts(9223372036854775806, 0, 0) AS max_total_ok;
SELECT responses(csat_from_counts(ARRAY[0, 0, 0, 0, 9223372036854775806]) + csat_from_counts(ARRAY[1, 0, 0, 0, 0])) AS csat_max;
-- a total above 2^63 - 1 inside one value is refused at input
SELECT nps_from_counts(9223372036854775807, 1, 0);
SELECT 'v1 ces 1..7 {9223372036854775807,1,0,0,0,0,0}'::ces_summary;

--
-- the maximum number of funnel steps (32) and one more
--
CREATE TABLE wide AS SELECT timestamptz '2024-01-01' AS t, 1 AS k;
-- one row matching every condition reaches the last step by itself
SELECT window_funnel('1 hour', t, VARIADIC array_fill(true, ARRAY[32])) FROM wide;
SELECT array_length(window_funnel_times('1 hour', t, VARIADIC array_fill(true, ARRAY[32])), 1) FROM wide;
SELECT window_funnel('1 hour', t, VARIADIC array_fill(true, ARRAY[33])) FROM wide;
SELECT window_funnel('1 hour', 'strict_once', t, VARIADIC array_fill(true, ARRAY[33])) FROM wide;
SELECT window_funnel('1 hour', t, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1,
                     k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1,
                     k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1) AS level_32 FROM wide;
SELECT window_funnel('1 hour', t, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1,
                     k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1,
                     k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1, k = 1) FROM wide;
SELECT retention(VARIADIC array_fill(true, ARRAY[32])) = array_fill(true, ARRAY[32]) AS retention_32 FROM wide;
SELECT retention(VARIADIC array_fill(true, ARRAY[33])) FROM wide;
SELECT funnel_agg(32, 32)::text = 'v1;entities=1;reached=' || array_to_string(array_fill(1, ARRAY[32]), ',') AS funnel_agg_32;
SELECT funnel_agg(1, 33);
SELECT funnel_agg(1, 0);
SELECT ('v1;entities=1;reached=' || array_to_string(array_fill(1, ARRAY[33]), ','))::funnel_summary;
SELECT time_to_convert_count(('v1;steps=32;' || (SELECT string_agg('s' || k || '=7:1', ';') FROM generate_series(2, 32) k))::ttc_summary, 32) AS steps_32;
SELECT ('v1;steps=33;' || (SELECT string_agg('s' || k || '=7:1', ';') FROM generate_series(2, 33) k))::ttc_summary;
SELECT time_to_convert_agg(array_fill(1.5::float8, ARRAY[32])) IS NOT NULL AS ttc_32;
SELECT time_to_convert_agg(array_fill(1.5::float8, ARRAY[33]));
SELECT retention_agg(timestamptz '2024-01-01', ARRAY[timestamptz '2024-01-02'], interval '1 day', 1000, timestamptz '2030-01-01') IS NOT NULL AS periods_1000;
SELECT retention_agg(timestamptz '2024-01-01', ARRAY[timestamptz '2024-01-02'], interval '1 day', 1001, timestamptz '2030-01-01');

--
-- empty groups: every aggregate, over no rows and over FILTER (WHERE false)
--
CREATE TABLE one (score int, sat int, effort int, t timestamptz, lvl int, times float8[], s_nps nps_summary,
                  s_csat csat_summary, s_ces ces_summary, s_f funnel_summary, s_r retention_summary, s_t ttc_summary);
INSERT INTO one VALUES (10, 5, 4, timestamptz '2024-01-01 10:00', 2, ARRAY[0, 60]::float8[],
                        nps_from_counts(1, 0, 0), csat_from_counts(1, 1), ces_from_counts(ARRAY[0, 0, 0, 1, 0, 0, 0]),
                        'v1;entities=1;reached=1,1,0', 'v1;entities=1;eligible=1;active=1;on_or_after=1',
                        'v1;steps=2;s2=574:1');
SELECT nps(score), nps_agg(score), csat(sat), csat_agg(sat), ces(effort), ces_agg(effort),
       csat(sat, 5), csat_agg(sat, 5), ces(effort, 7), ces_agg(effort, 7)
FROM one WHERE false;
SELECT rollup(s_nps), rollup(s_csat), rollup(s_ces), rollup(s_f), rollup(s_r), rollup(s_t) FROM one WHERE false;
SELECT window_funnel('1 hour', t, score = 10, sat = 5), window_funnel_times('1 hour', t, score = 10, sat = 5),
       funnel_agg(lvl, 3), time_to_convert_agg(times), retention(score = 10, sat = 5),
       retention_agg(t, ARRAY[t], interval '1 day', 2, timestamptz '2024-02-01')
FROM one WHERE false;
SELECT nps(score) FILTER (WHERE false), nps_agg(score) FILTER (WHERE false), csat(sat) FILTER (WHERE false),
       ces_agg(effort) FILTER (WHERE false), rollup(s_f) FILTER (WHERE false),
       window_funnel('1 hour', t, score = 10) FILTER (WHERE false), funnel_agg(lvl, 3) FILTER (WHERE false),
       time_to_convert_agg(times) FILTER (WHERE false), retention(score = 10) FILTER (WHERE false)
FROM one;

--
-- single-row groups, each figure worked out by hand:
--   NPS of one promoter: 100; adjusted Wald (P + 0.75, D + 0.75, n + 3):
--     centre 25, SE sqrt(0.5625 / 4) = 0.375, 95 %: 25 -+ 1.959964 * 37.5
--     = -48.498649 .. 98.498649 (python3, statistics.NormalDist)
--   CSAT of one satisfied answer: 100; Wilson lower bound at p = 1, n = 1 is
--     1 / (1 + z^2) = 20.654931 %, upper 100
--   CES of one answer 4: mean 4; the t interval needs 2 answers: NULL
--
SELECT nps(score), round(ci_lower(nps_agg(score))::numeric, 6) AS lo, round(ci_upper(nps_agg(score))::numeric, 6) AS hi,
       csat(sat), round(ci_lower(csat_agg(sat))::numeric, 6) AS csat_lo, ci_upper(csat_agg(sat)) AS csat_hi,
       ces(effort), ci_lower(ces_agg(effort)) AS ces_lo, ci_upper(ces_agg(effort)) AS ces_hi
FROM one;
SELECT rollup(s_nps) = s_nps AS nps_same, rollup(s_csat) = s_csat AS csat_same, rollup(s_ces) = s_ces AS ces_same,
       rollup(s_f)::text, rollup(s_r)::text, rollup(s_t)::text
FROM one GROUP BY s_nps, s_csat, s_ces;
-- one row matching steps 1 and 2: level 2 at once, times {0, 0}; level 2 of 3
-- is one entity that reached steps 1 and 2 (reached=1,1,0); one time of 60 s
-- reads back within the documented 1 %; retention() of a row matching the
-- first condition only is {t,f}; one entity active on its first day, 2 daily
-- periods, both elapsed: eligible 1,1, active 1,0, on_or_after 1,0
SELECT window_funnel('1 hour', t, score = 10, sat = 5), window_funnel_times('1 hour', t, score = 10, sat = 5),
       funnel_agg(lvl, 3)::text, abs(time_to_convert(time_to_convert_agg(times), 2) - 60) <= 0.6 AS ttc_within_1pct,
       retention(score = 10, sat = 4), retention_agg(t, ARRAY[t], interval '1 day', 2, timestamptz '2024-02-01')::text
FROM one;
SELECT p_adjust(0.03, 'holm') OVER (), p_adjust(0.03, 'bh') OVER ();

--
-- NaN and infinities wherever floats enter: a clear error, never a NaN result
--
-- confidence levels
SELECT ci_lower(nps_from_counts(5, 3, 2), 'NaN');
SELECT ci_upper(nps_from_counts(5, 3, 2), 'Infinity');
SELECT moe(nps_from_counts(5, 3, 2), '-Infinity');
SELECT ci_lower(csat_from_counts(5, 10), 'NaN');
SELECT ci_upper(ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]), 'Infinity');
SELECT agree_ci_lower(ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]), 'NaN');
SELECT conversion_interval('v1;entities=10;reached=5,2', 2, 'NaN');
SELECT step_conversion_interval('v1;entities=10;reached=5,2', 2, '-Infinity');
SELECT funnel_steps('v1;entities=10;reached=5,2', 'NaN');
SELECT significance(nps_from_counts(5, 3, 2), nps_from_counts(2, 3, 5), 'wald', 'NaN');
SELECT significance(csat_from_counts(5, 10), csat_from_counts(4, 10), 'Infinity');
SELECT significance(ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]), ces_from_counts(ARRAY[7, 6, 5, 4, 3, 2, 1]), 'NaN');
-- benchmarks
SELECT significance(nps_from_counts(5, 3, 2), 'NaN'::float8);
SELECT significance(nps_from_counts(5, 3, 2), 'Infinity'::float8);
SELECT significance(csat_from_counts(5, 10), 'NaN'::float8);
SELECT significance(ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]), '-Infinity'::float8);
-- float scores
SELECT nps(x) FROM (VALUES ('NaN'::float8)) v(x);
SELECT nps_agg(x) FROM (VALUES ('Infinity'::real)) v(x);
SELECT csat(x) FROM (VALUES ('-Infinity'::float8)) v(x);
SELECT ces_agg(x, 5) FROM (VALUES ('NaN'::numeric)) v(x);
-- time-to-convert times and quantiles
SELECT time_to_convert_agg(ARRAY[0, 'NaN']::float8[]);
SELECT time_to_convert_agg(ARRAY[0, 'Infinity']::float8[]);
SELECT time_to_convert_agg(ARRAY[0, '-Infinity']::float8[]);
SELECT time_to_convert('v1;steps=2;s2=0:5', 2, 'NaN');
SELECT time_to_convert('v1;steps=2;s2=0:5', 2, 'Infinity');
-- p-values, sample-size plans
SELECT p_adjust(p, 'holm') OVER () FROM (VALUES ('NaN'::float8)) v(p);
SELECT p_adjust(p, 'bh') OVER () FROM (VALUES ('Infinity'::float8)) v(p);
SELECT nps_sample_size('NaN');
SELECT nps_sample_size('Infinity');
SELECT nps_sample_size(5, 'NaN');
SELECT csat_sample_size(5, 50, 'NaN');
SELECT nps_ab_sample_size(50, 20, 40, 20, 0.95, 'NaN');
SELECT csat_ab_sample_size(50, 'Infinity');
-- infinite timestamps (documented: accepted, never within a finite window)
SELECT window_funnel('1 day', t, true) FROM (VALUES ('infinity'::timestamptz), ('-infinity')) v(t);
SELECT window_funnel('1 day', t, t = '-infinity', t = '2024-01-01') FROM (VALUES ('-infinity'::timestamptz), ('2024-01-01')) v(t);
SELECT retention_agg('infinity', ARRAY[timestamptz '2024-01-01'], '1 day', 3, '2024-02-01');

--
-- a huge group: one entity with 2,000,000 events (whole seconds, steps
-- cycling 1..4) finishes with level 4, also with work_mem 125 times smaller
-- than its state
--
SET work_mem = '64kB';
SELECT window_funnel('1 hour', timestamptz '2024-01-01' + g * interval '1 second',
                     g % 4 = 0, g % 4 = 1, g % 4 = 2, g % 4 = 3) AS level
FROM generate_series(0, 1999999) g;
RESET work_mem;
-- state memory per stored event, from the hash aggregate's peak memory (one
-- group): 4 bytes for whole-second timestamps and up to 8 conditions, 8
-- bytes otherwise, 16 bytes beyond 24 conditions (README "Reliability")
CREATE FUNCTION pg_temp.bytes_per_event(q text, n bigint) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        IF line ~ 'Memory Usage: [0-9]+kB' THEN
            RETURN round(substring(line FROM 'Memory Usage: ([0-9]+)kB')::numeric * 1024 / n, 1);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
SET max_parallel_workers_per_gather = 0;
SET enable_sort = off;
SELECT pg_temp.bytes_per_event($$SELECT g / 1000000, window_funnel('1 hour', timestamptz '2024-01-01' + g * interval '1 second',
        g % 4 = 0, g % 4 = 1, g % 4 = 2, g % 4 = 3) FROM generate_series(0, 499999) g GROUP BY 1$$, 500000)
       BETWEEN 3.5 AND 4.5 AS narrow_4_bytes,
       pg_temp.bytes_per_event($$SELECT g / 1000000, window_funnel('1 hour', timestamptz '2024-01-01' + g * interval '1.5 second',
        g % 4 = 0, g % 4 = 1, g % 4 = 2, g % 4 = 3) FROM generate_series(0, 499999) g GROUP BY 1$$, 500000)
       BETWEEN 7.5 AND 8.5 AS packed_8_bytes,
       pg_temp.bytes_per_event($$SELECT g / 1000000, window_funnel('1 hour', timestamptz '2024-01-01' + g * interval '1 second',
        VARIADIC ARRAY[g % 4 = 0, g % 4 = 1, g % 4 = 2, g % 4 = 3, false, false, false, false, false, false, false,
                       false, false, false, false, false, false, false, false, false, false, false, false, false, false, false]) FROM generate_series(0, 499999) g GROUP BY 1$$, 500000)
       BETWEEN 15.5 AND 16.5 AS wide_16_bytes;
RESET enable_sort;
RESET max_parallel_workers_per_gather;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA limits CASCADE;
RESET client_min_messages;
