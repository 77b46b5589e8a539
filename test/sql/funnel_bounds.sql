-- Bounded work per group: the reproductions of issue 6 items 2 and 4, each
-- with its expected figure derived by hand in the comment above it.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_bounds;
SET search_path = funnel_bounds, public;
SET TIME ZONE 'UTC';

-- issue 6 item 2: window_funnel_times kept a slot of nsteps timestamps for
-- every (row, step) it extended, so 150 000 rows x 31 steps x 32 x 8 bytes
-- failed with "invalid memory alloc request size".  Rows one second apart,
-- 32 conditions all true, strict_increase, 30-second window: the chain from
-- the first row climbs one step per second and reaches step 31 at +30 s
-- (step 32 would be at +31 s, outside the window), so the result is
-- {0, 1, ..., 30}.
SELECT window_funnel_times('30 seconds', 'strict_increase',
                           timestamptz '2024-01-01' + i * interval '1 second',
                           VARIADIC array_fill(true, ARRAY[32]))
       = (SELECT array_agg(s::float8 ORDER BY s) FROM generate_series(0, 30) s) AS times_0_to_30
FROM generate_series(1, 150000) i;
-- the same with a gap limit of 2 seconds (each step is 1 second after the last)
SELECT window_funnel_times('30 seconds', 'strict_increase, max_gap=2 seconds',
                           timestamptz '2024-01-01' + i * interval '1 second',
                           VARIADIC array_fill(true, ARRAY[32]))
       = (SELECT array_agg(s::float8 ORDER BY s) FROM generate_series(0, 30) s) AS gap_times_0_to_30
FROM generate_series(1, 150000) i;
-- one step per row: row i matches step (i % 32) + 1; the chain from a row
-- with i % 32 = 0 reaches step 31 after 30 seconds, step 32 only after 31
SELECT window_funnel_times('30 seconds', timestamptz '2024-01-01' + i * interval '1 second',
                           VARIADIC (SELECT array_agg(i % 32 = s - 1 ORDER BY s) FROM generate_series(1, 32) s))
       = (SELECT array_agg(s::float8 ORDER BY s) FROM generate_series(0, 30) s) AS one_step_per_row
FROM generate_series(1, 20000) i;

-- issue 6 item 3: the parallel leader kept every group's state twice (the
-- deserialized copy in the aggregate context and the copy the combine made of
-- it): 1 M rows / 2 000 entities took 11.9 MB in the Finalize HashAggregate
-- against 5.0 MB serially.  The hash table's peak memory is read from
-- EXPLAIN (ANALYZE) and the two plans must be within 25 % of each other.
CREATE TABLE pe AS
SELECT i % 1000 AS e, timestamptz '2024-01-01' + (i / 1000) * interval '1 minute' AS ts,
       (i * 7) % 5 AS ev
FROM generate_series(1, 200000) i;
ANALYZE pe;
CREATE FUNCTION hash_peak_kb(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  plan json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF) ' || q INTO plan;
  -- the top node is the (Finalize) HashAggregate
  RETURN (plan -> 0 -> 'Plan' ->> 'Peak Memory Usage')::bigint;
END $$;
SET enable_sort = off;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_kb AS
SELECT hash_peak_kb('SELECT e, window_funnel(''1 day'', ts, ev = 0, ev = 1, ev = 2) FROM pe GROUP BY e') AS kb;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT e, window_funnel('1 day', ts, ev = 0, ev = 1, ev = 2) FROM pe GROUP BY e;
SELECT hash_peak_kb('SELECT e, window_funnel(''1 day'', ts, ev = 0, ev = 1, ev = 2) FROM pe GROUP BY e')
       <= 1.25 * kb AS parallel_memory_as_serial
FROM serial_kb;
RESET enable_sort;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- issue 6 item 4: strict_once matched the rows of one timestamp against the
-- steps once per row, O(m^2): 40 000 rows took 4.6 s, 200 000 over 75 s.
-- The statement timeout turns a relapse into a failure.  Row 1 matches
-- steps 1 and 2 but fills only one of them, rows 2.. match step 3: level 1.
SET statement_timeout = '20s';
SELECT window_funnel('1 day', 'strict_once', timestamptz '2024-01-01', i = 1, i = 1, i > 1) AS bulk_once_1
FROM generate_series(1, 200000) i;
SELECT window_funnel('1 day', 'strict_once, max_gap=1 second', timestamptz '2024-01-01', i = 1, i = 1, i > 1) AS bulk_once_gap_1
FROM generate_series(1, 200000) i;
-- row 1 fills step 1, row 2 (steps 2 and 3) step 2, any row > 2 step 3: level 3
SELECT window_funnel('1 day', 'strict_once', timestamptz '2024-01-01', i = 1, i = 2, i > 1) AS bulk_once_3
FROM generate_series(1, 200000) i;
-- more rows per step than the matching keeps as candidates: rows 1..1000
-- match steps 1-3 (mask 0b0111), row 0 only step 4 (0b1000, sorted after
-- them): three distinct rows fill steps 1-3 and row 0 step 4, level 4;
-- without row 0, level 3
SELECT window_funnel('1 day', 'strict_once', timestamptz '2024-01-01',
                     i > 0, i > 0, i > 0, i = 0) AS bulk_once_4,
       window_funnel('1 day', 'strict_once', timestamptz '2024-01-01',
                     i > 0, i > 0, i > 0, i = 0) FILTER (WHERE i > 0) AS bulk_once_3_again
FROM generate_series(0, 1000) i;
RESET statement_timeout;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_bounds CASCADE;
RESET client_min_messages;
