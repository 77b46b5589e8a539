-- window_funnel under parallel plans: partial states are serialized in the
-- workers, combined in the leader, and the levels equal the serial ones.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_parallel;
SET search_path = funnel_parallel, public;
SET TIME ZONE 'UTC';
CREATE TABLE pev AS
SELECT (g % 4000) AS eid,
       timestamptz '2024-01-01' + ((hashint8(g) & 65535) % 600) * interval '1 second' AS ts,
       CASE (hashint8(g * 7) & 1023) % 6 WHEN 0 THEN 'view' WHEN 1 THEN 'cart' WHEN 2 THEN 'buy'
            WHEN 3 THEN 'view' WHEN 4 THEN 'other' ELSE NULL END AS ev
FROM generate_series(1, 60000) g;
ANALYZE pev;

-- serial results first
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_levels AS
SELECT eid, window_funnel('2 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') AS l,
       window_funnel('2 minutes', 'strict_order', ts, ev = 'view', ev = 'cart', ev = 'buy') AS l_order,
       window_funnel('2 minutes', 'strict_once,strict_increase', ts, ev = 'view', ev = 'cart', ev = 'buy') AS l_once,
       window_funnel_times('2 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') AS times
FROM pev GROUP BY eid;
CREATE TABLE serial_total AS
SELECT window_funnel('10 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') AS l FROM pev WHERE eid = 7;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_indexscan = off;
SET enable_hashagg = off;
DO $$
BEGIN
	IF current_setting('server_version_num')::int >= 160000 THEN
		EXECUTE 'SET debug_parallel_query = regress';
	ELSE
		EXECUTE 'SET force_parallel_mode = regress';
	END IF;
END $$;

EXPLAIN (COSTS OFF)
SELECT eid, window_funnel('2 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') FROM pev GROUP BY eid;
EXPLAIN (COSTS OFF)
SELECT window_funnel('10 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') FROM pev WHERE eid = 7;

-- parallel results equal the serial ones
SELECT count(*) AS entities,
       count(*) FILTER (WHERE p.l IS DISTINCT FROM s.l) AS mismatches,
       count(*) FILTER (WHERE p.l_order IS DISTINCT FROM s.l_order) AS mismatches_order,
       count(*) FILTER (WHERE p.l_once IS DISTINCT FROM s.l_once) AS mismatches_once,
       count(*) FILTER (WHERE p.times IS DISTINCT FROM s.times) AS mismatches_times,
       sum(p.l) AS level_sum
FROM (SELECT eid, window_funnel('2 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') AS l,
             window_funnel('2 minutes', 'strict_order', ts, ev = 'view', ev = 'cart', ev = 'buy') AS l_order,
             window_funnel('2 minutes', 'strict_once,strict_increase', ts, ev = 'view', ev = 'cart', ev = 'buy') AS l_once,
             window_funnel_times('2 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') AS times
      FROM pev GROUP BY eid) p
FULL JOIN serial_levels s USING (eid);
SELECT (SELECT window_funnel('10 minutes', ts, ev = 'view', ev = 'cart', ev = 'buy') FROM pev WHERE eid = 7)
       = (SELECT l FROM serial_total) AS whole_table_equal;

-- an independent plain-SQL check of the default level on the same data:
-- the latest step-1 start before each step-2/3 event decides (2 minutes)
WITH e AS (SELECT eid, ts, CASE ev WHEN 'view' THEN 1 WHEN 'cart' THEN 2 WHEN 'buy' THEN 3 END AS k FROM pev),
s2 AS (SELECT a.eid, a.ts AS t1, min(b.ts) AS t2 FROM e a JOIN e b ON b.eid = a.eid AND b.k = 2
       AND b.ts >= a.ts AND b.ts <= a.ts + interval '2 minutes' WHERE a.k = 1 GROUP BY 1, 2),
s3 AS (SELECT DISTINCT s2.eid FROM s2 JOIN e c ON c.eid = s2.eid AND c.k = 3 AND c.ts >= s2.t2
       AND c.ts <= s2.t1 + interval '2 minutes'),
lv AS (SELECT eid, 1 AS l FROM e WHERE k = 1 UNION ALL SELECT eid, 2 FROM s2 UNION ALL SELECT eid, 3 FROM s3)
SELECT count(*) FILTER (WHERE coalesce(x.l, 0) <> s.l) AS sql_mismatches
FROM serial_levels s LEFT JOIN (SELECT eid, max(l) AS l FROM lv GROUP BY eid) x USING (eid);

-- partial states that are empty or all NULL on some workers
SELECT count(*) FILTER (WHERE l <> 0) AS nonzero
FROM (SELECT eid, window_funnel('2 minutes', ts, ev = 'nothing') AS l FROM pev GROUP BY eid) x;
SELECT window_funnel('2 minutes', NULL::timestamptz, ev = 'view') AS all_null FROM pev;
SELECT window_funnel('2 minutes', ts, ev = 'view') FILTER (WHERE eid < 0) AS filtered FROM pev;
SELECT window_funnel('2 minutes', 'strict_order', ts, ev = 'view', ev = 'cart') FILTER (WHERE eid = 3) AS one_entity FROM pev;

-- funnel_agg and rollup under the same forced parallel plans, against a
-- serial summary and plain counts
SET max_parallel_workers_per_gather = 0;
CREATE TABLE parallel_summary AS
SELECT funnel_agg(l, 3) AS s FROM serial_levels;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT funnel_agg(l, 3) FROM serial_levels;
SELECT s::text AS serial_summary,
       s::text = format('v1;entities=%s;reached=%s,%s,%s', count(*), count(*) FILTER (WHERE l >= 1),
                        count(*) FILTER (WHERE l >= 2), count(*) FILTER (WHERE l >= 3)) AS equals_counts
FROM parallel_summary, serial_levels GROUP BY s::text;
SELECT funnel_agg(l, 3)::text = (SELECT s::text FROM parallel_summary) AS parallel_equal FROM serial_levels;
SELECT funnel_agg(l, 3) FILTER (WHERE eid < 0) IS NULL AS filtered_null FROM serial_levels;
SELECT funnel_agg(NULL::int, 3) AS all_null FROM serial_levels;
CREATE TABLE level_parts AS SELECT eid % 50 AS part, funnel_agg(l, 3) AS s FROM serial_levels GROUP BY 1;
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM level_parts;
SELECT rollup(s)::text = (SELECT s::text FROM parallel_summary) AS rollup_parallel_equal FROM level_parts;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_parallel CASCADE;
RESET client_min_messages;
