-- window_funnel_start: the step-1 time of the chain that produced the level
-- window_funnel returns (issue 8 item 4), checked against hand-derived
-- examples and an independent join over the raw rows.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_start;
SET search_path = funnel_start, public;
SET TIME ZONE 'UTC';

-- doc/funnels.md: A@13:00, A@13:30, B@13:45, C@14:15, window 1 hour.  The
-- default mode restarts at 13:30 and reaches 3 from there; anchor keeps the
-- 13:00 chain, which reaches B (13:45) but not C (14:15): level 2 from 13:00.
CREATE TABLE e(ts timestamptz, ev text);
INSERT INTO e VALUES ('2024-01-01 13:00', 'A'), ('2024-01-01 13:30', 'A'),
                     ('2024-01-01 13:45', 'B'), ('2024-01-01 14:15', 'C');
SELECT window_funnel('1 hour', ts, ev = 'A', ev = 'B', ev = 'C') AS level_3,
       window_funnel_start('1 hour', ts, ev = 'A', ev = 'B', ev = 'C') AS start_1330,
       window_funnel('1 hour', 'anchor', ts, ev = 'A', ev = 'B', ev = 'C') AS anchor_level_2,
       window_funnel_start('1 hour', 'anchor', ts, ev = 'A', ev = 'B', ev = 'C') AS anchor_start_1300
FROM e;
-- timestamp without time zone: the result has the input's type
SELECT window_funnel_start('1 hour', ts::timestamp, ev = 'A', ev = 'B', ev = 'C') AS start_ts_1330,
       pg_typeof(window_funnel_start('1 hour', ts::timestamp, ev = 'A', ev = 'B', ev = 'C')) AS start_type,
       window_funnel_start('1 hour', 'anchor', ts::timestamp, ev = 'A', ev = 'B', ev = 'C') AS anchor_start_ts_1300
FROM e;
-- level 1: the first step-1 row; level 0, no rows, FILTER (WHERE false): NULL
SELECT window_funnel_start('1 minute', ts, ev = 'A', ev = 'B') AS only_a_1300,
       window_funnel_start('1 hour', ts, ev = 'X', ev = 'B') AS level_0_null,
       window_funnel_start('1 hour', ts, ev = 'A', ev = 'B') FILTER (WHERE false) AS filtered_null
FROM e;
SELECT window_funnel_start('1 hour', ts, ev = 'A') AS empty_null FROM e WHERE false;

-- modes, seconds from 2024-01-01 00:00:
-- A@0, B@1, X@2, A@3, B@4, C@5 (X matches no step).  strict_order: the
-- marker at 2 stops the scan at level 2, chain from 0.  With allow_reentry
-- the marker ends the chain and A@3 enters again: level 3 from 3.
CREATE TABLE m(s int, ev text);
INSERT INTO m VALUES (0, 'A'), (1, 'B'), (2, 'X'), (3, 'A'), (4, 'B'), (5, 'C');
CREATE FUNCTION at_s(s int) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
$$ SELECT timestamptz '2024-01-01 00:00:00+00' + s * interval '1 second' $$;
SELECT window_funnel('1 hour', 'strict_order', at_s(s), ev = 'A', ev = 'B', ev = 'C') AS order_level_2,
       extract(epoch FROM window_funnel_start('1 hour', 'strict_order', at_s(s), ev = 'A', ev = 'B', ev = 'C') - at_s(0))::numeric(12, 6) AS order_start_0,
       window_funnel('1 hour', 'strict_order, allow_reentry', at_s(s), ev = 'A', ev = 'B', ev = 'C') AS reentry_level_3,
       extract(epoch FROM window_funnel_start('1 hour', 'strict_order, allow_reentry', at_s(s), ev = 'A', ev = 'B', ev = 'C') - at_s(0))::numeric(12, 6) AS reentry_start_3
FROM m;
-- exclusion (last condition): view@0, cart@1, refund@2, view@3, cart@4,
-- checkout@5: the refund ends the first chain, the one from 3 reaches 3
CREATE TABLE x(s int, ev text);
INSERT INTO x VALUES (0, 'view'), (1, 'cart'), (2, 'refund'), (3, 'view'), (4, 'cart'), (5, 'checkout');
SELECT window_funnel('1 day', 'exclude', at_s(s), ev = 'view', ev = 'cart', ev = 'checkout', ev = 'refund') AS exclude_level_3,
       extract(epoch FROM window_funnel_start('1 day', 'exclude', at_s(s), ev = 'view', ev = 'cart', ev = 'checkout', ev = 'refund') - at_s(0))::numeric(12, 6) AS exclude_start_3
FROM x;
-- max_gap=1 second: A@0, A@10, B@11, C@12 -> chain from 10
SELECT extract(epoch FROM window_funnel_start('1 hour', 'max_gap=1 s', at_s(s), ev = 'A', ev = 'B', ev = 'C') - at_s(0))::numeric(12, 6) AS gap_start_10
FROM (VALUES (0, 'A'), (10, 'A'), (11, 'B'), (12, 'C')) v(s, ev);
-- as a window aggregate: the running entry time of the counted chain
SELECT ev, window_funnel('1 hour', ts, ev = 'A', ev = 'B', ev = 'C') OVER w AS level,
       window_funnel_start('1 hour', ts, ev = 'A', ev = 'B', ev = 'C') OVER w AS start
FROM e WINDOW w AS (ORDER BY ts) ORDER BY ts;

-- Against an independent computation, default mode, 3 steps, 10-second
-- window, 400 entities with many ties.  Chains are joins over the raw rows
-- (a step may share its row or timestamp with the previous one, since
-- entries go in (timestamp, condition) order); the chain window_funnel
-- counts first reaches the top level at the earliest possible time T, and it
-- is the one with the latest step 1 among the chains ending at T.
CREATE TABLE dev AS
SELECT e AS eid,
       at_s(((hashint8(e * 1000 + r + 7) & 63) % 40)::int) AS ts,
       (h >> 1) % 3 = 0 AS c1, (h >> 3) % 3 = 0 AS c2, (h >> 5) % 3 = 0 AS c3
FROM generate_series(1, 400) e,
     LATERAL generate_series(1, ((hashint8(e) & 1023) % 14)::int) r,
     LATERAL (SELECT (hashint8(e * 7919 + r) & 2147483647) AS h) hh;
CREATE TABLE ref AS
WITH ents AS (SELECT DISTINCT eid FROM dev),
ch2 AS (SELECT a.eid, a.ts AS t1, b.ts AS t2 FROM dev a JOIN dev b
        ON b.eid = a.eid AND a.c1 AND b.c2 AND b.ts >= a.ts AND b.ts <= a.ts + interval '10 seconds'),
ch3 AS (SELECT x.eid, x.t1, c.ts AS t3 FROM ch2 x JOIN dev c
        ON c.eid = x.eid AND c.c3 AND c.ts >= x.t2 AND c.ts <= x.t1 + interval '10 seconds'),
r3 AS (SELECT DISTINCT ON (eid) eid, t1 FROM ch3 ORDER BY eid, t3, t1 DESC),
r2 AS (SELECT DISTINCT ON (eid) eid, t1 FROM ch2 ORDER BY eid, t2, t1 DESC),
r1 AS (SELECT eid, min(ts) AS t1 FROM dev WHERE c1 GROUP BY eid)
SELECT n.eid,
       CASE WHEN r3.eid IS NOT NULL THEN 3 WHEN r2.eid IS NOT NULL THEN 2
            WHEN r1.eid IS NOT NULL THEN 1 ELSE 0 END AS level,
       coalesce(r3.t1, r2.t1, r1.t1) AS start
FROM ents n LEFT JOIN r3 USING (eid) LEFT JOIN r2 USING (eid) LEFT JOIN r1 USING (eid);
CREATE TABLE got AS
SELECT eid, window_funnel('10 seconds', ts, c1, c2, c3) AS level,
       window_funnel_start('10 seconds', ts, c1, c2, c3) AS start
FROM dev GROUP BY eid;
-- every level occurs, and no entity differs
SELECT level, count(*) AS entities FROM ref GROUP BY level ORDER BY level;
SELECT count(*) FILTER (WHERE g.level IS DISTINCT FROM r.level) AS level_mismatches,
       count(*) FILTER (WHERE g.start IS DISTINCT FROM r.start) AS start_mismatches
FROM ref r FULL JOIN got g USING (eid);

-- window_funnel and window_funnel_start in one query share one transition
-- state (same transition function, arguments and support functions, and a
-- read-only final function): the hash table holds no more than for
-- window_funnel alone, while two window_funnel calls with different windows
-- (two states) hold about twice as much.
CREATE TABLE big AS
SELECT g % 2000 AS eid, at_s(g / 2000) AS ts, (g * 7) % 5 AS ev FROM generate_series(1, 200000) g;
ANALYZE big;
CREATE FUNCTION hash_peak_kb(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  plan json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF) ' || q INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Peak Memory Usage')::bigint;
END $$;
SET max_parallel_workers_per_gather = 0;
SET enable_sort = off;
CREATE TABLE kb AS SELECT
  hash_peak_kb('SELECT eid, window_funnel(''1 day'', ts, ev = 0, ev = 1, ev = 2) FROM big GROUP BY eid') AS one,
  hash_peak_kb('SELECT eid, window_funnel(''1 day'', ts, ev = 0, ev = 1, ev = 2),
                window_funnel_start(''1 day'', ts, ev = 0, ev = 1, ev = 2) FROM big GROUP BY eid') AS with_start,
  hash_peak_kb('SELECT eid, window_funnel(''1 day'', ts, ev = 0, ev = 1, ev = 2),
                window_funnel(''2 days'', ts, ev = 0, ev = 1, ev = 2) FROM big GROUP BY eid') AS two_states;
SELECT with_start <= 1.1 * one AS start_shares_state,
       two_states >= 1.6 * one AS two_windows_do_not
FROM kb;
RESET enable_sort;

-- parallel plans give the serial results
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT eid, window_funnel_start('10 seconds', ts, c1, c2, c3) FROM dev GROUP BY eid;
SELECT count(*) AS parallel_mismatches
FROM (SELECT eid, window_funnel_start('10 seconds', ts, c1, c2, c3) AS start FROM dev GROUP BY eid) p
JOIN got g USING (eid) WHERE p.start IS DISTINCT FROM g.start;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_start CASCADE;
RESET client_min_messages;
