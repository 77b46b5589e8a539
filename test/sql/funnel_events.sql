-- window_funnel_events, window_funnel_events_times and window_funnel_events_start:
-- the steps as names matched against one event column must give exactly what
-- window_funnel and its variants give with the conditions event = 'name', in
-- every mode, over random data with ties, NULL events, NULL timestamps and
-- repeated step names.
CREATE SCHEMA funnel_events;
SET search_path = funnel_events, public;
SET client_min_messages = warning;

-- 3000 entities, 0..11 rows each, timestamps in a 30 s range (many ties)
CREATE TABLE ev AS
SELECT e AS eid,
       CASE WHEN hashint8(e * 1000 + r) % 97 = 0 THEN NULL
            ELSE timestamptz '2024-01-01' + ((hashint8(e * 1000 + r + 7) & 31) % 30) * interval '1 second' END AS ts,
       (ARRAY['a', 'b', 'c', 'd', 'x', NULL])[1 + (hashint8(e * 7919 + r) & 2147483647) % 6] AS event
FROM generate_series(1, 3000) e,
     LATERAL generate_series(1, ((hashint8(e) & 1023) % 12)::int) r;
SELECT count(*) AS rows, count(DISTINCT eid) AS entities, count(*) FILTER (WHERE event IS NULL) AS null_events FROM ev;

CREATE TABLE modes(mode text);
INSERT INTO modes VALUES
  (''), ('strict_order'), ('strict_deduplication'), ('strict_increase'), ('strict_once'),
  ('strict_order, allow_reentry'), ('anchor'), ('exclude'), ('strict_increase,strict_once'),
  ('anchor,strict_once'), ('strict_deduplication,strict_once'), ('exclude,strict_order,allow_reentry'),
  ('max_gap=2 seconds'), ('max_gap_3=1 second'), ('strict_once,max_gap=1 second'),
  ('strict_order,max_gap=2 seconds'), ('exclude,max_gap=2 seconds');
-- step lists, with repeated names (a step name may repeat)
CREATE TABLE lists(steps text[]);
INSERT INTO lists VALUES ('{a,b,c}'), ('{a,b,a}'), ('{b,b,b}'), ('{a,b,c,d}'), ('{c,a,a,b}');

-- the boolean form and the events form side by side, per mode and step list
-- (the steps come from a column here: the non-constant path)
CREATE TABLE cmp AS
SELECT m.mode, l.steps, ev.eid,
       CASE cardinality(l.steps)
         WHEN 3 THEN window_funnel(interval '5 seconds', m.mode, ts, event = l.steps[1], event = l.steps[2], event = l.steps[3])
         ELSE window_funnel(interval '5 seconds', m.mode, ts, event = l.steps[1], event = l.steps[2], event = l.steps[3], event = l.steps[4]) END AS lvl_bool,
       window_funnel_events(interval '5 seconds', m.mode, ts, event, VARIADIC l.steps) AS lvl_ev,
       CASE cardinality(l.steps)
         WHEN 3 THEN window_funnel_times(interval '5 seconds', m.mode, ts, event = l.steps[1], event = l.steps[2], event = l.steps[3])
         ELSE window_funnel_times(interval '5 seconds', m.mode, ts, event = l.steps[1], event = l.steps[2], event = l.steps[3], event = l.steps[4]) END AS times_bool,
       window_funnel_events_times(interval '5 seconds', m.mode, ts, event, VARIADIC l.steps) AS times_ev,
       CASE cardinality(l.steps)
         WHEN 3 THEN window_funnel_start(interval '5 seconds', m.mode, ts, event = l.steps[1], event = l.steps[2], event = l.steps[3])
         ELSE window_funnel_start(interval '5 seconds', m.mode, ts, event = l.steps[1], event = l.steps[2], event = l.steps[3], event = l.steps[4]) END AS start_bool,
       window_funnel_events_start(interval '5 seconds', m.mode, ts, event, VARIADIC l.steps) AS start_ev
FROM ev CROSS JOIN modes m CROSS JOIN lists l
WHERE m.mode NOT LIKE '%exclude%' OR cardinality(l.steps) = 4
GROUP BY m.mode, l.steps, ev.eid;

-- every (mode, list) pair is compared over all 3000 entities, no difference
SELECT count(*) AS compared, count(DISTINCT (mode, steps)) AS mode_lists,
       count(*) FILTER (WHERE lvl_bool IS DISTINCT FROM lvl_ev) AS level_diffs,
       count(*) FILTER (WHERE times_bool IS DISTINCT FROM times_ev) AS times_diffs,
       count(*) FILTER (WHERE start_bool IS DISTINCT FROM start_ev) AS start_diffs
FROM cmp;
-- the comparison is not vacuous: every level occurs
SELECT lvl_ev, count(*) FROM cmp GROUP BY 1 ORDER BY 1;

-- constant steps (the planner folds them into one array, read once per call site)
SELECT count(*) AS entities,
       count(*) FILTER (WHERE a IS DISTINCT FROM b) AS level_diffs,
       count(*) FILTER (WHERE c IS DISTINCT FROM d) AS strict_once_diffs
FROM (SELECT eid,
             window_funnel(interval '5 seconds', ts, event = 'a', event = 'b', event = 'a', event = 'c') AS a,
             window_funnel_events(interval '5 seconds', ts, event, 'a', 'b', 'a', 'c') AS b,
             window_funnel(interval '5 seconds', 'strict_once', ts, event = 'a', event = 'b', event = 'a', event = 'c') AS c,
             window_funnel_events(interval '5 seconds', 'strict_once', ts, event, 'a', 'b', 'a', 'c') AS d
      FROM ev GROUP BY eid) s;

-- timestamp without time zone, and a varchar event column
SELECT count(*) FILTER (WHERE a IS DISTINCT FROM b) AS diffs, sum(a) AS level_sum
FROM (SELECT eid, window_funnel(interval '5 seconds', ts::timestamp, event = 'a', event = 'b', event = 'c') AS a,
             window_funnel_events(interval '5 seconds', ts::timestamp, event::varchar, 'a', 'b', 'c') AS b
      FROM ev GROUP BY eid) s;

-- forced parallel plans give the serial figures
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) FILTER (WHERE a IS DISTINCT FROM b) AS diffs, sum(b) AS level_sum
FROM (SELECT eid, window_funnel(interval '5 seconds', ts, event = 'a', event = 'b', event = 'c') AS a,
             window_funnel_events(interval '5 seconds', ts, event, 'a', 'b', 'c') AS b
      FROM ev GROUP BY eid) s;
EXPLAIN (COSTS OFF)
SELECT window_funnel_events(interval '5 seconds', ts, event, 'a', 'b', 'c') FROM ev;
SELECT window_funnel_events(interval '5 seconds', ts, event, 'a', 'b', 'c') AS whole_table,
       window_funnel(interval '5 seconds', ts, event = 'a', event = 'b', event = 'c') AS boolean_form
FROM ev;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- empty input, FILTER (WHERE false), all-NULL events
SELECT window_funnel_events(interval '1 hour', ts, event, 'a') AS empty_level,
       window_funnel_events_times(interval '1 hour', ts, event, 'a') AS empty_times,
       window_funnel_events_start(interval '1 hour', ts, event, 'a') AS empty_start
FROM ev WHERE false;
SELECT window_funnel_events(interval '1 hour', ts, event, 'a') FILTER (WHERE false) FROM ev;
SELECT window_funnel_events(interval '1 hour', ts, NULL::text, 'a') FROM ev;

-- bad input: clear errors
SELECT window_funnel_events(interval '1 hour', ts, event, VARIADIC '{}'::text[]) FROM ev;
SELECT window_funnel_events(interval '1 hour', ts, event, VARIADIC NULL::text[]) FROM ev;
SELECT window_funnel_events(interval '1 hour', ts, event, 'a', NULL) FROM ev;
SELECT window_funnel_events(interval '1 hour', ts, event, VARIADIC '{{a,b},{c,d}}'::text[]) FROM ev;
SELECT window_funnel_events(interval '1 hour', ts, event, VARIADIC array_fill('a'::text, ARRAY[33])) FROM ev;
SELECT window_funnel_events(interval '1 hour', 'no_such_mode', ts, event, 'a') FROM ev;
SELECT window_funnel_events(interval '1 month', ts, event, 'a') FROM ev;
SELECT window_funnel_events(interval '1 hour', ts, event, VARIADIC CASE WHEN eid % 2 = 0 THEN '{a,b}'::text[] ELSE '{a,c}' END) FROM ev;

DROP SCHEMA funnel_events CASCADE;
