-- sequence_next_node: the cases of ClickHouse's documentation
-- (sequenceNextNode, "Parametric aggregate functions", each with its
-- documented result), and random logs against a plain-SQL computation of the
-- definition (row numbers over the documented order).
CREATE SCHEMA sequence_next_node;
SET search_path = sequence_next_node, public;

CREATE TABLE test_flow(dt int, id int, page text);
INSERT INTO test_flow VALUES (1, 1, 'A'), (2, 1, 'B'), (3, 1, 'C'), (4, 1, 'D'), (5, 1, 'E');
-- documented: C
SELECT id, sequence_next_node('forward', 'head', to_timestamp(dt), page, page = 'A', page = 'A', page = 'B') AS next_flow
FROM test_flow GROUP BY id;

TRUNCATE test_flow;
INSERT INTO test_flow VALUES (1, 1, 'Home'), (2, 1, 'Gift'), (3, 1, 'Exit'),
  (1, 2, 'Home'), (2, 2, 'Home'), (3, 2, 'Gift'), (4, 2, 'Basket'),
  (1, 3, 'Gift'), (2, 3, 'Home'), (3, 3, 'Gift'), (4, 3, 'Basket');
-- documented results per id, in order:
--   forward head (Home, Home, Gift):            Exit, NULL, NULL
--   backward tail (Basket, Basket, Gift):       NULL, Home, Home
--   forward first_match (Gift, Gift):           Exit, Basket, Home
--   forward first_match (Gift, Gift, Home):     NULL, NULL, Gift
--   backward last_match (Gift, Gift):           Home, Home, Home
--   backward last_match (Gift, Gift, Home):     NULL, Home, Gift
SELECT id,
       sequence_next_node('forward', 'head', to_timestamp(dt), page, page = 'Home', page = 'Home', page = 'Gift') AS fwd_head,
       sequence_next_node('backward', 'tail', to_timestamp(dt), page, page = 'Basket', page = 'Basket', page = 'Gift') AS bwd_tail,
       sequence_next_node('forward', 'first_match', to_timestamp(dt), page, page = 'Gift', page = 'Gift') AS fwd_first,
       sequence_next_node('forward', 'first_match', to_timestamp(dt), page, page = 'Gift', page = 'Gift', page = 'Home') AS fwd_first2,
       sequence_next_node('backward', 'last_match', to_timestamp(dt), page, page = 'Gift', page = 'Gift') AS bwd_last,
       sequence_next_node('backward', 'last_match', to_timestamp(dt), page, page = 'Gift', page = 'Gift', page = 'Home') AS bwd_last2
FROM test_flow GROUP BY id ORDER BY id;

CREATE TABLE test_flow_basecond(dt int, id int, page text, ref text);
INSERT INTO test_flow_basecond VALUES (1, 1, 'A', 'ref4'), (2, 1, 'A', 'ref3'), (3, 1, 'B', 'ref2'), (4, 1, 'B', 'ref1');
-- documented: NULL (the head is not ref1), NULL (the tail is not ref4), B, A
SELECT sequence_next_node('forward', 'head', to_timestamp(dt), page, ref = 'ref1', page = 'A') AS head_not_ref1,
       sequence_next_node('backward', 'tail', to_timestamp(dt), page, ref = 'ref4', page = 'B') AS tail_not_ref4,
       sequence_next_node('forward', 'first_match', to_timestamp(dt), page, ref = 'ref3', page = 'A') AS first_ref3,
       sequence_next_node('backward', 'last_match', to_timestamp(dt), page, ref = 'ref2', page = 'B') AS last_ref2,
       sequence_next_node('forward', 'head', to_timestamp(dt)::timestamp, page, true, page = 'A', page = 'A') AS ts_variant
FROM test_flow_basecond;

-- random logs with ties, NULL values and NULL timestamps, against the definition
CREATE TABLE ev AS
SELECT e AS eid,
       CASE WHEN hashint4(e * 100 + r) % 50 = 0 THEN NULL ELSE to_timestamp((hashint4(e * 100 + r + 1) & 7)) END AS ts,
       (ARRAY['a', 'b', 'c', NULL])[1 + (hashint4(e * 77 + r) & 3)] AS v,
       (hashint4(e * 31 + r) & 3) <> 0 AS bc
FROM generate_series(1, 1500) e, LATERAL generate_series(1, (hashint4(e) & 7)) r;
CREATE TABLE got AS
SELECT eid, d, b, sequence_next_node(d, b, ts, v, bc, v = 'a', v IS DISTINCT FROM 'c') AS got
FROM ev, (VALUES ('forward'), ('backward')) dd(d), (VALUES ('head'), ('tail'), ('first_match'), ('last_match')) bb(b)
GROUP BY eid, d, b;
-- the documented order: timestamp, value (bytes, NULL last), conditions
CREATE TABLE num AS
SELECT eid, v, bc AND v = 'a' AS base_ok, coalesce(v IS DISTINCT FROM 'c', false) AS e2,
       row_number() OVER (PARTITION BY eid ORDER BY ts, v COLLATE "C" NULLS LAST,
                          (bc::int + 2 * coalesce(v = 'a', false)::int + 4 * coalesce(v IS DISTINCT FROM 'c', false)::int)) AS rn,
       count(*) OVER (PARTITION BY eid) AS n
FROM ev WHERE ts IS NOT NULL;
CREATE TABLE ref AS
SELECT g.eid, g.d, g.b,
       (SELECT v2.v FROM num v1 JOIN num v2 ON v2.eid = v1.eid
                    AND v2.rn = v1.rn + CASE g.d WHEN 'forward' THEN 2 ELSE -2 END
        JOIN num m ON m.eid = v1.eid AND m.rn = v1.rn + CASE g.d WHEN 'forward' THEN 1 ELSE -1 END AND m.e2
        WHERE v1.eid = g.eid AND v1.base_ok AND v1.rn = (
          CASE g.b WHEN 'head' THEN 1 WHEN 'tail' THEN v1.n
                   WHEN 'first_match' THEN (SELECT min(rn) FROM num x WHERE x.eid = g.eid AND x.base_ok)
                   ELSE (SELECT max(rn) FROM num x WHERE x.eid = g.eid AND x.base_ok) END)) AS want
FROM got g;
SELECT count(*) AS compared, count(*) FILTER (WHERE g.got IS DISTINCT FROM r.want) AS differ,
       count(*) FILTER (WHERE g.got IS NOT NULL) AS non_null
FROM got g JOIN ref r USING (eid, d, b);

-- parallel plans give the serial figures
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS compared, count(*) FILTER (WHERE p.got IS DISTINCT FROM g.got) AS differ
FROM (SELECT eid, sequence_next_node('forward', 'first_match', ts, v, bc, v = 'a', v IS DISTINCT FROM 'c') AS got
      FROM ev GROUP BY eid) p JOIN got g ON g.eid = p.eid AND g.d = 'forward' AND g.b = 'first_match';
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- empty input; bad arguments
SELECT sequence_next_node('forward', 'head', to_timestamp(dt), page, true, true) FROM test_flow WHERE false;
SELECT sequence_next_node('sideways', 'head', to_timestamp(dt), page, true, true) FROM test_flow;
SELECT sequence_next_node('forward', 'middle', to_timestamp(dt), page, true, true) FROM test_flow;
SELECT sequence_next_node('forward', NULL, to_timestamp(dt), page, true, true) FROM test_flow;
SELECT sequence_next_node('forward', 'head', to_timestamp(dt), page, true, page) FROM test_flow;
SELECT sequence_next_node(CASE WHEN dt = 1 THEN 'forward' ELSE 'backward' END, 'head', to_timestamp(dt), page, true, true) FROM test_flow;

DROP SCHEMA sequence_next_node CASCADE;
