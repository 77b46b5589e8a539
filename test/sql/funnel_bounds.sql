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

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_bounds CASCADE;
RESET client_min_messages;
