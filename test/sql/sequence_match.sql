-- sequence_match, sequence_count, sequence_match_events: the cases of
-- ClickHouse's documentation (sequenceMatch, sequenceCount,
-- sequenceMatchEvents, "Parametric aggregate functions"), time constraints
-- at their edges, determinism under any input order and parallel plans, and
-- bad patterns.  test/sequence_reference.test compares random logs with an
-- independent reference.
CREATE SCHEMA sequence_match;
SET search_path = sequence_match, public;

-- ClickHouse's table t: time, number (times in seconds)
CREATE TABLE t(time int, number int);
INSERT INTO t VALUES (1, 1), (2, 3), (3, 2);
-- documented: 1; 0 (number 3 is an event between 1 and 2); 1 (number 4 never occurs)
SELECT sequence_match('(?1)(?2)', to_timestamp(time), number = 1, number = 2) AS doc_1,
       sequence_match('(?1)(?2)', to_timestamp(time), number = 1, number = 2, number = 3) AS doc_0,
       sequence_match('(?1)(?2)', to_timestamp(time), number = 1, number = 2, number = 4) AS doc_1_again
FROM t;
INSERT INTO t VALUES (4, 1), (5, 3), (6, 2);
-- documented: sequenceCount('(?1).*(?2)') = 2
SELECT sequence_count('(?1).*(?2)', to_timestamp(time), number = 1, number = 2) AS doc_2 FROM t;
-- documented: sequenceMatchEvents('(?1).*(?2).*(?1)(?3)') = [1,3,4], the longest chain
SELECT ARRAY(SELECT extract(epoch FROM x)::int FROM unnest(
         sequence_match_events('(?1).*(?2).*(?1)(?3)', to_timestamp(time), number = 1, number = 2, number = 4)) x) AS doc_1_3_4
FROM t;
-- the same rows in every input order give the same results (ties sort on the conditions matched)
SELECT count(DISTINCT (m, c, e)) AS distinct_results, count(*) AS orders
FROM (SELECT o,
             sequence_match('(?1)(?2)', to_timestamp(time / 2), number = 1, number = 2, number = 3) AS m,
             sequence_count('(?1).*(?2)', to_timestamp(time / 2), number = 1, number = 2) AS c,
             sequence_match_events('(?2).*(?1)', to_timestamp(time / 2), number = 1, number = 2) AS e
      FROM (SELECT o, t.* FROM generate_series(1, 20) o, t ORDER BY o, hashint4(o * 100 + time)) s
      GROUP BY o) r;

-- time constraints, whole seconds, at their edges: a@0, b@10
CREATE TABLE e2(ts timestamptz, ev text);
INSERT INTO e2 VALUES ('2024-01-01 00:00:00', 'a'), ('2024-01-01 00:00:05', 'x'), ('2024-01-01 00:00:10', 'b');
SELECT op, sequence_match('(?1)(?t' || op || ')(?2)', ts, ev = 'a', ev = 'b') AS matched
FROM e2, (VALUES ('<10'), ('<=10'), ('>10'), ('>=10'), ('==10'), ('!=10'), ('<11'), ('>9'), ('== 9'), ('!= 9')) o(op)
GROUP BY op ORDER BY op;
-- (?t) allows events in between, as documented; without it (?1)(?2) must be adjacent
SELECT sequence_match('(?1)(?2)', ts, ev = 'a', ev = 'b', ev = 'x') AS adjacent,
       sequence_match('(?1)(?t<=10)(?2)', ts, ev = 'a', ev = 'b', ev = 'x') AS timed,
       sequence_match('(?1).(?2)', ts, ev = 'a', ev = 'b', ev = 'x') AS one_between,
       sequence_match('(?1).(?2)', ts, ev = 'a', ev = 'b') AS x_not_an_event
FROM e2;
-- sequence_count takes the matches that end earliest, then searches after
-- them: a a b b gives 1 for both patterns (the first match ends at the first
-- b and leaves no a before the second), a b a b gives 2 for both
SELECT s, sequence_count('(?1)(?2)', to_timestamp(i), ev = 'a', ev = 'b') AS adjacent,
       sequence_count('(?1).*(?2)', to_timestamp(i), ev = 'a', ev = 'b') AS gapped
FROM (VALUES ('aabb', 1, 'a'), ('aabb', 2, 'a'), ('aabb', 3, 'b'), ('aabb', 4, 'b'),
             ('abab', 1, 'a'), ('abab', 2, 'b'), ('abab', 3, 'a'), ('abab', 4, 'b')) v(s, i, ev)
GROUP BY s ORDER BY s;

-- timestamp without time zone, and NULLs: a NULL condition is false, a NULL timestamp skips the row
SELECT sequence_match_events('(?1)(?2)', ts::timestamp, ev = 'a', ev = 'b', ev = 'x') AS no_match_prefix,
       sequence_match_events('(?1).*(?2)', ts::timestamp, ev = 'a', ev = 'b') AS ts_events,
       sequence_match('(?1).*(?2)', CASE WHEN ev = 'a' THEN NULL ELSE ts END, ev = 'a', ev = 'b') AS null_ts,
       sequence_match('(?1).*(?2)', ts, NULLIF(ev = 'a', true), ev = 'b') AS null_cond
FROM e2;
-- empty input, FILTER (WHERE false)
SELECT sequence_match('(?1)', ts, true) AS m, sequence_count('(?1)', ts, true) AS c,
       sequence_match_events('(?1)', ts, true) AS e
FROM e2 WHERE false;
SELECT sequence_count('(?1)', ts, true) FILTER (WHERE false) FROM e2;

-- parallel plans give the serial figures
CREATE TABLE big AS
SELECT g % 500 AS eid, timestamptz '2024-01-01' + (hashint4(g) & 63) * interval '1 second' AS ts,
       (ARRAY['a', 'b', 'c', 'x'])[1 + (hashint4(g * 7) & 3)] AS ev
FROM generate_series(1, 20000) g;
ANALYZE big;
CREATE TABLE whole AS
SELECT sequence_count('(?1)(?t<=5)(?2).*(?3)', ts, ev = 'a', ev = 'b', ev = 'c') AS c FROM big;
CREATE TABLE serial AS
SELECT eid, sequence_count('(?1)(?t<=5)(?2).*(?3)', ts, ev = 'a', ev = 'b', ev = 'c') AS c,
       sequence_match_events('(?1)(?2)(?3)', ts, ev = 'a', ev = 'b', ev = 'c') AS e
FROM big GROUP BY eid;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT sequence_count('(?1)', ts, ev = 'a') FROM big;
SELECT sequence_count('(?1)(?t<=5)(?2).*(?3)', ts, ev = 'a', ev = 'b', ev = 'c') AS parallel_whole_table,
       (SELECT c FROM whole) AS serial_whole_table
FROM big;
EXPLAIN (COSTS OFF)
SELECT eid, sequence_count('(?1)', ts, ev = 'a') FROM big GROUP BY eid;
SELECT count(*) AS entities, count(*) FILTER (WHERE s.c <> p.c OR s.e <> p.e) AS differ, sum(p.c) AS count_sum
FROM serial s JOIN (SELECT eid, sequence_count('(?1)(?t<=5)(?2).*(?3)', ts, ev = 'a', ev = 'b', ev = 'c') AS c,
                           sequence_match_events('(?1)(?2)(?3)', ts, ev = 'a', ev = 'b', ev = 'c') AS e
                    FROM big GROUP BY eid) p USING (eid);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- a long run of one event stays linear (no backtracking): 200,000 rows
SELECT sequence_count('(?1).*(?1).*(?1)(?t>=0)(?1)', to_timestamp(g), true) AS quadruples,
       sequence_match('.*(?1).*(?2)', to_timestamp(g), true, false) AS never
FROM generate_series(1, 200000) g;

-- bad patterns: syntax errors [42601] point at the position; semantic ones [22023]
\set VERBOSITY default
SELECT sequence_match('(?1)(?x', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?1)(?t<>3)(?2)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?1)(?t<3', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?1)x(?2)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?1)(2)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?t<3)(?1)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?1)(?t<3)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?1)(?t<99999999999)(?2)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?3)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('(?0)', ts, ev = 'a', ev = 'b') FROM e2;
SELECT sequence_match('.*', ts, ev = 'a') FROM e2;
SELECT sequence_match('', ts, ev = 'a') FROM e2;
SELECT sequence_match(NULL, ts, ev = 'a') FROM e2;
SELECT sequence_match('(?1)', ts, ev) FROM e2;
SELECT sequence_match('(?1)', ts, VARIADIC ARRAY[true]) FROM e2;
SELECT sequence_match(CASE WHEN ev = 'a' THEN '(?1)' ELSE '(?1).*' END, ts, ev = 'a') FROM e2;

DROP SCHEMA sequence_match CASCADE;
