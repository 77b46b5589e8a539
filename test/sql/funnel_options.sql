-- window_funnel arguments read independently of session settings: the
-- max_gap syntax (issue 6 item 8) and the forms the conditions may take
-- (issue 6 item 9).
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_options;
SET search_path = funnel_options, public;
SET TIME ZONE 'UTC';

-- A at 0, B 1.5 hours (5400 s) later, C 90 s after B.  With a 1-day window
-- the level is 3 when max_gap >= 5400 s and 1 when it is shorter.
CREATE TABLE ev(ts timestamptz, ev text);
INSERT INTO ev VALUES ('2024-01-01 00:00:00', 'A'), ('2024-01-01 01:30:00', 'B'), ('2024-01-01 01:31:30', 'C');
CREATE TABLE gaps(gap text, expect int);
INSERT INTO gaps VALUES
  ('1.5 hours', 3),                 -- 5400 s
  ('1 hour 30 minutes', 3),         -- terms are summed
  ('1h30min', 3),                   -- spaces optional
  ('  90 MIN  ', 3),                -- case and surrounding spaces ignored
  ('5400 s', 3), ('5400 secs', 3), ('5400000 ms', 3), ('5400000000 us', 3),
  ('0.0625 days', 3),               -- 0.0625 * 86400 s = 5400 s
  ('1 w', 3), ('2 weeks', 3),
  ('5399.999999 seconds', 1),       -- 1 microsecond short
  ('89 minutes 59 seconds', 1),
  ('0 seconds', 1);
-- the gap values give the same levels under both interval styles
SET IntervalStyle = postgres;
SELECT g.gap, window_funnel('1 day', 'max_gap=' || g.gap, e.ts, e.ev = 'A', e.ev = 'B', e.ev = 'C') AS level, g.expect
FROM gaps g CROSS JOIN ev e GROUP BY g.gap, g.expect ORDER BY g.gap;
SET IntervalStyle = sql_standard;
SELECT g.gap, window_funnel('1 day', 'max_gap=' || g.gap, e.ts, e.ev = 'A', e.ev = 'B', e.ev = 'C') AS level, g.expect
FROM gaps g CROSS JOIN ev e GROUP BY g.gap, g.expect ORDER BY g.gap;
-- per-step gaps use the same syntax: into step 3 at most 90 s (ok), 89 s (not)
SELECT window_funnel('1 day', 'max_gap=2h, max_gap_3=90 s', ts, ev = 'A', ev = 'B', ev = 'C') AS per_step_3,
       window_funnel('1 day', 'max_gap=2h, max_gap_3=89 s', ts, ev = 'A', ev = 'B', ev = 'C') AS per_step_2
FROM ev;
-- the issue's reproduction: level 2 under postgres, an error under
-- sql_standard; now the same error under both
SET IntervalStyle = postgres;
SELECT window_funnel('1 hour', 'max_gap=-1 day 48:00:00', now(), true, true);
SET IntervalStyle = sql_standard;
SELECT window_funnel('1 hour', 'max_gap=-1 day 48:00:00', now(), true, true);
RESET IntervalStyle;
-- invalid values, one per line
SELECT window_funnel('1 hour', 'max_gap=48:00:00', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=30', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=1 month', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=1 year 2 days', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=2 m', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=1 fortnight', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=1.5.2 hours', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=hours', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap= ', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=+1 hour', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=9999999999999 weeks', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=99999999999999999999 us', now(), true, true);

-- conditions: separate boolean arguments, a VARIADIC array, or a single
-- boolean array without VARIADIC; domains over boolean (or boolean[]) too.
-- A then B within the day: level 2 in every form.
CREATE DOMAIN boolish AS boolean;
CREATE DOMAIN boolarr AS boolean[];
SELECT window_funnel('1 day', ts, ev = 'A', ev = 'B') AS separate_2,
       window_funnel('1 day', ts, (ev = 'A')::boolish, (ev = 'B')::boolish) AS separate_domain_2,
       window_funnel('1 day', ts, VARIADIC ARRAY[ev = 'A', ev = 'B']) AS variadic_2,
       window_funnel('1 day', ts, VARIADIC ARRAY[(ev = 'A')::boolish, (ev = 'B')::boolish]) AS variadic_domain_elems_2,
       window_funnel('1 day', ts, VARIADIC ARRAY[ev = 'A', ev = 'B']::boolarr) AS variadic_domain_array_2,
       window_funnel('1 day', ts, ARRAY[ev = 'A', ev = 'B']) AS array_arg_2,
       window_funnel('1 day', ts, ARRAY[(ev = 'A')::boolish, (ev = 'B')::boolish]) AS array_arg_domain_2,
       window_funnel_times('1 day', ts, ARRAY[ev = 'A', ev = 'B', ev = 'C']) AS array_arg_times
FROM ev;
-- the same forms as window aggregates (running level in time order)
SELECT ev,
       window_funnel('1 day', ts, ev = 'A', ev = 'B') OVER w AS separate,
       window_funnel('1 day', ts, VARIADIC ARRAY[(ev = 'A')::boolish, (ev = 'B')::boolish]) OVER w AS variadic_domain_elems,
       window_funnel('1 day', ts, ARRAY[ev = 'A', ev = 'B']) OVER w AS array_arg,
       window_funnel('1 day', ts, ARRAY[ev = 'A', ev = 'B']) OVER () AS array_arg_whole
FROM ev WINDOW w AS (ORDER BY ts) ORDER BY ts;
-- an array next to other conditions is not a condition, in both contexts
SELECT window_funnel('1 day', ts, ev = 'A', ARRAY[ev = 'B']) FROM ev;
SELECT window_funnel('1 day', ts, ev = 'A', ARRAY[ev = 'B']) OVER () FROM ev;
-- arrays of other types are not conditions
SELECT window_funnel('1 day', ts, VARIADIC ARRAY[1, 2]) FROM ev;
SELECT window_funnel('1 day', ts, ARRAY[1, 2]) FROM ev;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_options CASCADE;
RESET client_min_messages;
