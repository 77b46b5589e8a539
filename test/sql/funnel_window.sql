-- window_funnel: every rule of doc/funnels.md as its own case.
-- e(t, ev): t seconds after 2024-01-01 00:00 UTC, ev the event name.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_window;
SET search_path = funnel_window, public;
SET TIME ZONE 'UTC';
CREATE FUNCTION at_s(int) RETURNS timestamptz LANGUAGE sql IMMUTABLE
AS $$ SELECT timestamptz '2024-01-01 00:00:00+00' + $1 * interval '1 second' $$;

-- steps in order reach the last step
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS abc_3
FROM (VALUES (0, 'A'), (10, 'B'), (20, 'C')) e(t, ev);
-- out of order: B before A does not count
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B') AS ba_1
FROM (VALUES (0, 'B'), (10, 'A')) e(t, ev);
-- no step 1 at all: level 0
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B') AS no_a_0
FROM (VALUES (0, 'B'), (10, 'C')) e(t, ev);
-- tie: different rows at the same timestamp count as step i then step j (i < j), in either row order
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B') AS tie_ab_2
FROM (VALUES (5, 'B'), (5, 'A')) e(t, ev);
-- one row matching conditions 1 and 2 reaches level 2 by itself
SELECT window_funnel('1 hour', at_s(t), a, b) AS one_row_2
FROM (VALUES (0, true, true)) e(t, a, b);
-- window edge is inclusive, measured from step 1
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B') AS edge_inclusive_2
FROM (VALUES (0, 'A'), (3600, 'B')) e(t, ev);
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B') AS past_edge_1
FROM (VALUES (0, 'A'), (3601, 'B')) e(t, ev);
-- the window runs from the chain's step 1, not from the previous step
SELECT window_funnel('60 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS from_step1_2
FROM (VALUES (0, 'A'), (50, 'B'), (70, 'C')) e(t, ev);
-- a later step-1 event restarts the chain (the latest entry wins)
SELECT window_funnel('60 seconds', at_s(t), ev = 'A', ev = 'B') AS restart_2
FROM (VALUES (0, 'A'), (50, 'A'), (100, 'B')) e(t, ev);
-- ... but a restart never loses a level already reached
SELECT window_funnel('60 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS keeps_level_2
FROM (VALUES (0, 'A'), (10, 'B'), (20, 'A'), (200, 'C')) e(t, ev);
-- the doc/funnels.md example: A@13:00, A@13:30, B@13:45, C@14:15, window 1 h
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS clickhouse_3,
       window_funnel('1 hour', 'anchor', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS anchor_2
FROM (VALUES (46800, 'A'), (48600, 'A'), (49500, 'B'), (51300, 'C')) e(t, ev);
-- anchor: only the first step-1 time starts a chain, even after it expired
SELECT window_funnel('1 hour', 'anchor', at_s(t), ev = 'A', ev = 'B') AS anchor_expired_1,
       window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B') AS default_2
FROM (VALUES (0, 'A'), (7200, 'A'), (7300, 'B')) e(t, ev);

-- strict_increase: the right answer for c1@0, c1@1, c2@1 is 2 (ClickHouse says 1)
SELECT window_funnel('10 seconds', 'strict_increase', at_s(t), c1, c2) AS strict_increase_2
FROM (VALUES (0, true, false), (1, true, false), (1, false, true)) e(t, c1, c2);
-- strict_increase: steps at the same timestamp do not chain
SELECT window_funnel('10 seconds', 'strict_increase', at_s(t), ev = 'A', ev = 'B') AS same_ts_1,
       window_funnel('10 seconds', at_s(t), ev = 'A', ev = 'B') AS default_2
FROM (VALUES (3, 'A'), (3, 'B')) e(t, ev);
SELECT window_funnel('10 seconds', 'strict_increase', at_s(t), a, b) AS one_row_1
FROM (VALUES (0, true, true)) e(t, a, b);

-- strict_deduplication: a repeated step stops the scan
SELECT window_funnel('1 hour', 'strict_deduplication', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS dedup_2,
       window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS default_3
FROM (VALUES (0, 'A'), (1, 'B'), (2, 'B'), (3, 'C')) e(t, ev);
-- ... a repeated step 1 restarts as usual
SELECT window_funnel('1 hour', 'strict_deduplication', at_s(t), ev = 'A', ev = 'B') AS dedup_a_repeat_2
FROM (VALUES (0, 'A'), (1, 'A'), (2, 'B')) e(t, ev);
-- ... and reaching the last step returns it at once
SELECT window_funnel('1 hour', 'strict_deduplication', at_s(t), ev = 'A', ev = 'B') AS dedup_done_2
FROM (VALUES (0, 'A'), (1, 'B'), (2, 'B')) e(t, ev);

-- strict_order: another event after step 1 stops the scan
SELECT window_funnel('1 hour', 'strict_order', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS order_2,
       window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS default_3
FROM (VALUES (0, 'A'), (1, 'B'), (2, 'X'), (3, 'C')) e(t, ev);
-- ... other events before the first step 1 do not
SELECT window_funnel('1 hour', 'strict_order', at_s(t), ev = 'A', ev = 'B') AS order_x_first_2
FROM (VALUES (0, 'X'), (1, 'A'), (2, 'B')) e(t, ev);
-- ... a step whose previous step is unreached stops it too
SELECT window_funnel('1 hour', 'strict_order', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS order_skip_1,
       window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS default_3
FROM (VALUES (0, 'A'), (1, 'C'), (2, 'B'), (3, 'C')) e(t, ev);
-- strict_order, allow_reentry: a violation ends the chain, a later step 1 re-enters
SELECT window_funnel('1 hour', 'strict_order, allow_reentry', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS reentry_3,
       window_funnel('1 hour', 'strict_order', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS order_2
FROM (VALUES (0, 'A'), (1, 'B'), (2, 'X'), (3, 'A'), (4, 'B'), (5, 'C')) e(t, ev);
SELECT window_funnel('1 hour', 'strict_order,allow_reentry', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS reentry_no_restart_2
FROM (VALUES (0, 'A'), (1, 'B'), (2, 'X'), (3, 'C')) e(t, ev);

-- strict_once: one event fills at most one step
SELECT window_funnel('1 hour', 'strict_once', at_s(t), a, b) AS once_one_row_1
FROM (VALUES (0, true, true)) e(t, a, b);
SELECT window_funnel('1 hour', 'strict_once', at_s(t), a, b) AS once_two_rows_2
FROM (VALUES (0, true, false), (0, false, true)) e(t, a, b);
-- ... a row matching steps 1 and 3 cannot fill both around another row's step 2
SELECT window_funnel('1 hour', 'strict_once', at_s(t), a, b, c) AS once_13_2_2,
       window_funnel('1 hour', at_s(t), a, b, c) AS default_3
FROM (VALUES (0, true, false, true), (0, false, true, false)) e(t, a, b, c);
SELECT window_funnel('1 hour', 'strict_once', at_s(t), a, b) AS once_later_rows_2
FROM (VALUES (0, true, true), (5, true, true)) e(t, a, b);

-- exclude: the last condition is an exclusion event that ends chains in progress
SELECT window_funnel('1 hour', 'exclude', at_s(t), ev = 'A', ev = 'B', ev = 'C', ev = 'refund') AS excluded_2,
       window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS ignoring_refund_3
FROM (VALUES (0, 'A'), (1, 'B'), (2, 'refund'), (3, 'C')) e(t, ev);
SELECT window_funnel('1 hour', 'exclude', at_s(t), ev = 'A', ev = 'B', ev = 'C', ev = 'refund') AS excl_before_3
FROM (VALUES (0, 'refund'), (1, 'A'), (2, 'B'), (3, 'C')) e(t, ev);
SELECT window_funnel('1 hour', 'exclude', at_s(t), ev = 'A', ev = 'B', ev = 'C', ev = 'refund') AS reentered_3
FROM (VALUES (0, 'A'), (1, 'refund'), (2, 'A'), (3, 'B'), (4, 'C')) e(t, ev);
-- ... an exclusion at the same timestamp as a step takes effect after it
SELECT window_funnel('1 hour', 'exclude', at_s(t), ev = 'A', ev = 'B', ev = 'C', ev = 'refund') AS same_ts_2
FROM (VALUES (0, 'A'), (1, 'B'), (1, 'refund'), (3, 'C')) e(t, ev);

-- max_gap: a limit on the time between consecutive steps (all, or into step K with max_gap_K)
SELECT window_funnel('1 hour', 'max_gap=10 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS gap_ok_3,
       window_funnel('1 hour', 'max_gap=9 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS gap_too_long_1,
       window_funnel('1 hour', 'max_gap_3=4 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS gap_into_3_2,
       window_funnel('1 hour', 'max_gap=1 hour, max_gap_2=10 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS per_step_override_3
FROM (VALUES (0, 'A'), (10, 'B'), (15, 'C')) e(t, ev);
-- ... the window still applies from step 1
SELECT window_funnel('12 seconds', 'max_gap=10 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS window_still_applies_2
FROM (VALUES (0, 'A'), (10, 'B'), (15, 'C')) e(t, ev);
-- ... a later step-1 event may be the one within the gap
SELECT window_funnel('1 hour', 'max_gap=5 seconds', at_s(t), ev = 'A', ev = 'B') AS later_entry_2
FROM (VALUES (0, 'A'), (20, 'A'), (24, 'B')) e(t, ev);
-- ... and window_funnel_times reports the chain that satisfied the gaps
SELECT window_funnel_times('1 hour', 'max_gap=5 seconds', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS gap_times
FROM (VALUES (0, 'A'), (3, 'B'), (100, 'A'), (104, 'B'), (108, 'C')) e(t, ev);

-- several modes at once, spaces ignored
SELECT window_funnel('1 hour', ' strict_order , strict_increase ', at_s(t), ev = 'A', ev = 'B') AS combo_1
FROM (VALUES (0, 'A'), (0, 'B')) e(t, ev);
SELECT window_funnel('1 hour', '', at_s(t), ev = 'A', ev = 'B') AS empty_mode_2
FROM (VALUES (0, 'A'), (1, 'B')) e(t, ev);

-- NULLs: a NULL condition is false, a row with a NULL timestamp is skipped
SELECT window_funnel('1 hour', at_s(t), a, b) AS null_cond_1
FROM (VALUES (0, true, NULL::bool), (1, NULL, NULL)) e(t, a, b);
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B') AS null_ts_1
FROM (VALUES (0, 'A'), (NULL, 'B')) e(t, ev);
SELECT window_funnel('1 hour', 'strict_order', at_s(t), ev = 'A', ev = 'B') AS null_ts_marker_2
FROM (VALUES (0, 'A'), (NULL, 'X'), (1, 'B')) e(t, ev);
SELECT window_funnel('1 hour', at_s(t), VARIADIC NULL::boolean[]) AS null_array_0
FROM (VALUES (0)) e(t);
-- empty input, all-NULL input, FILTER (WHERE false): level 0 and no times
SELECT window_funnel('1 hour', at_s(t), true) AS empty_0, window_funnel_times('1 hour', at_s(t), true) AS no_times
FROM (VALUES (1)) e(t) WHERE false;
SELECT window_funnel('1 hour', NULL::timestamptz, true, true) AS all_null_0 FROM generate_series(1, 3);
SELECT window_funnel('1 hour', at_s(g), true) FILTER (WHERE false) AS filtered_0 FROM generate_series(1, 3) g;
-- infinite timestamps never count as within the window
SELECT window_funnel('1 hour', ts, ev = 'A', ev = 'B') AS infinity_1
FROM (VALUES (timestamptz '-infinity', 'A'), (timestamptz 'infinity', 'B')) e(ts, ev);

-- timestamp without time zone
SELECT window_funnel('1 day', at_s(t)::timestamp, ev = 'A', ev = 'B') AS ts_no_tz_2,
       window_funnel('1 day', 'strict_order', at_s(t)::timestamp, ev = 'A', ev = 'B') AS ts_no_tz_mode_2
FROM (VALUES (0, 'A'), (86400, 'B')) e(t, ev);

-- conditions are VARIADIC "any": overload resolution with unknown literals for
-- the window and the mode picks the variant the column's type calls for
CREATE TABLE resolve_ev (tz timestamptz, ts timestamp, ev text);
INSERT INTO resolve_ev VALUES (at_s(0), at_s(0)::timestamp, 'A'), (at_s(1), at_s(1)::timestamp, 'X'),
                              (at_s(2), at_s(2)::timestamp, 'B');
CREATE VIEW resolve_v AS
SELECT window_funnel('1 hour', tz, ev = 'A', ev = 'B') AS tz_2,
       window_funnel('1 hour', 'strict_order', tz, ev = 'A', ev = 'B') AS tz_mode_1,
       window_funnel('1 hour', ts, ev = 'A', ev = 'B') AS ts_2,
       window_funnel('1 hour', 'strict_order', ts, ev = 'A', ev = 'B') AS ts_mode_1,
       window_funnel_times('1 hour', tz, ev = 'A', ev = 'B') AS tz_times,
       window_funnel_times('1 hour', 'strict_order', tz, ev = 'A', ev = 'B') AS tz_mode_times,
       window_funnel_times('1 hour', ts, ev = 'A', ev = 'B') AS ts_times,
       window_funnel_times('1 hour', 'strict_order', ts, ev = 'A', ev = 'B') AS ts_mode_times
FROM resolve_ev;
SELECT * FROM resolve_v;
SELECT DISTINCT d.refobjid::regprocedure::text AS resolved
FROM pg_depend d JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
WHERE r.ev_class = 'resolve_v'::regclass AND p.proname LIKE 'window\_funnel%'
ORDER BY 1;
-- an unknown literal timestamp without a mode resolves to timestamptz
SELECT window_funnel('1 hour', '2024-01-01 00:00:00+00', true) AS literal_ts_1;
-- explicit VARIADIC arrays still work, with and without a mode, NULL elements false
SELECT window_funnel('1 hour', tz, VARIADIC ARRAY[ev = 'A', ev = 'B']) AS variadic_2,
       window_funnel('1 hour', 'strict_order', tz, VARIADIC ARRAY[ev = 'A', ev = 'B']) AS variadic_mode_1,
       window_funnel('1 hour', ts, VARIADIC ARRAY[ev = 'A', NULL, ev = 'B']) AS variadic_null_elem_1,
       window_funnel_times('1 hour', 'strict_order', ts, VARIADIC ARRAY[ev = 'A', ev = 'B']) AS variadic_times
FROM resolve_ev;
SELECT window_funnel('1 hour', tz, VARIADIC c) AS variadic_column_2
FROM (SELECT tz, ARRAY[ev = 'A', ev = 'B'] AS c FROM resolve_ev) s;
-- as a window aggregate too (PostgreSQL does not mark VARIADIC there; the array is still read)
SELECT ev, window_funnel('1 hour', tz, ev = 'A', ev = 'B') OVER w AS running,
       window_funnel('1 hour', 'strict_order', ts, ev = 'A', ev = 'B') OVER w AS running_strict,
       window_funnel('1 hour', tz, VARIADIC ARRAY[ev = 'A', ev = 'B']) OVER w AS running_variadic
FROM resolve_ev WINDOW w AS (ORDER BY tz) ORDER BY tz;
-- separate arguments and the VARIADIC array agree; a NULL argument is false
SELECT window_funnel('1 hour', tz, ev = 'A', NULL::boolean, ev = 'B') AS null_arg_1,
       window_funnel('1 hour', tz, VARIADIC ARRAY[ev = 'A', NULL::boolean, ev = 'B']) AS null_elem_1
FROM resolve_ev;

-- 32 steps, one per second: all reached; and the window cuts at step 31
SELECT window_funnel('1 hour', at_s(g), VARIADIC (SELECT array_agg(g = s ORDER BY s) FROM generate_series(1, 32) s)) AS steps_32
FROM generate_series(1, 32) g;
SELECT window_funnel('30 seconds', at_s(g), VARIADIC (SELECT array_agg(g = s ORDER BY s) FROM generate_series(1, 32) s)) AS steps_31
FROM generate_series(1, 32) g;

-- row order never matters: 20 shuffles of a tricky group give one level per mode
WITH e(t, ev) AS (VALUES (0, 'A'), (0, 'B'), (1, 'A'), (1, 'C'), (2, 'B'), (2, 'X'), (3, 'C')),
p AS (SELECT s, array_agg(t ORDER BY hashint4(s * 100 + t * 10 + ascii(ev))) AS ts,
             array_agg(ev ORDER BY hashint4(s * 100 + t * 10 + ascii(ev))) AS evs
      FROM e, generate_series(1, 20) s GROUP BY s)
SELECT m.mode, count(DISTINCT l) AS distinct_levels, min(l) AS level
FROM unnest(ARRAY['', 'strict_order', 'strict_deduplication', 'strict_increase', 'strict_once', 'anchor']) m(mode),
     LATERAL (SELECT s, (SELECT window_funnel('2 seconds', m.mode, at_s(u.t), u.ev = 'A', u.ev = 'B', u.ev = 'C')
                         FROM unnest(p.ts, p.evs) u(t, ev)) AS l FROM p) x
GROUP BY m.mode ORDER BY m.mode;

-- window_funnel_times: seconds from step 1 for each step reached, restarts included
SELECT window_funnel_times('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS times_restarted
FROM (VALUES (46800, 'A'), (48600, 'A'), (49500, 'B'), (51300, 'C')) e(t, ev);
SELECT window_funnel_times('1 hour', 'anchor', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS times_anchor
FROM (VALUES (46800, 'A'), (48600, 'A'), (49500, 'B'), (51300, 'C')) e(t, ev);
SELECT window_funnel_times('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS times_partial
FROM (VALUES (100, 'A'), (160, 'B'), (9999, 'C')) e(t, ev);
SELECT window_funnel_times('1 hour', at_s(t), ev = 'A', ev = 'B') AS times_none
FROM (VALUES (100, 'B')) e(t, ev);
SELECT window_funnel_times('1 hour', 'strict_once', at_s(t), a, b, c) AS times_once
FROM (VALUES (0, true, false, false), (7, false, true, true), (7, false, false, true)) e(t, a, b, c);
-- window_funnel_times agrees with window_funnel on the level
SELECT window_funnel('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C') AS level,
       cardinality(window_funnel_times('1 hour', at_s(t), ev = 'A', ev = 'B', ev = 'C')) AS n_times
FROM (VALUES (0, 'A'), (10, 'B'), (5000, 'C')) e(t, ev);

-- errors, one per line
SELECT window_funnel('1 hour', 'strict_orders', now(), true);
SELECT window_funnel('1 hour', 'strict_order,bogus', now(), true);
SELECT window_funnel('1 hour', 'allow_reentry', now(), true);
SELECT window_funnel('0 seconds', now(), true);
SELECT window_funnel('-1 hour', now(), true);
SELECT window_funnel('1 month', now(), true);
SELECT window_funnel('1 year 1 day', now(), true);
SELECT window_funnel(NULL::interval, now(), true);
SELECT window_funnel('1 hour', NULL::text, now(), true);
SELECT window_funnel('1 hour', now(), VARIADIC '{}'::boolean[]);
SELECT window_funnel('1 hour', 'max_gap=1 month', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=-1 second', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap=soon', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap_1=1 second', now(), true, true);
SELECT window_funnel('1 hour', 'max_gap_3=1 second', now(), true, true);
SELECT window_funnel('1 hour', 'max_gapx=1 second', now(), true, true);
SELECT window_funnel('1 hour', now(), VARIADIC '{{true},{false}}'::boolean[]);
SELECT window_funnel('1 hour', 'exclude', now(), true);
SELECT window_funnel('1 hour', now(), VARIADIC array_fill(true, ARRAY[33]));
SELECT window_funnel('1 hour', 'exclude', now(), VARIADIC array_fill(true, ARRAY[33]));
SELECT window_funnel('1 hour', at_s(g), VARIADIC array_fill(true, ARRAY[g])) FROM generate_series(1, 2) g;
-- conditions must be boolean: checked once per call site, before any row counts
SELECT window_funnel('1 hour', now(), true, 1);
SELECT window_funnel('1 hour', 'strict_order', now(), 'view');
SELECT window_funnel('1 hour', now(), NULL);
SELECT window_funnel('1 hour', now(), ev = 'A', ev) FROM (VALUES (text 'A')) e(ev);
SELECT window_funnel('1 hour', now(), VARIADIC ARRAY[1, 2]);
SELECT window_funnel('1 hour', now(), true, true, true, true, true, true, true, true, true, true, true,
                     true, true, true, true, true, true, true, true, true, true, true, true, true, true, true,
                     true, true, true, true, true, true, true);
SELECT window_funnel(g * interval '1 hour', at_s(g), true) FROM generate_series(1, 2) g;
SELECT window_funnel('1 hour', CASE WHEN g = 1 THEN '' ELSE 'strict_order' END, at_s(g), true) FROM generate_series(1, 2) g;
-- the SQLSTATEs: 22023 for bad parameters, 42804 for non-boolean conditions,
-- 54000 for too many steps
\set VERBOSITY sqlstate
SELECT window_funnel('1 hour', 'strict_orders', now(), true);
SELECT window_funnel('1 hour', 'allow_reentry', now(), true);
SELECT window_funnel('-1 hour', now(), true);
SELECT window_funnel('1 month', now(), true);
SELECT window_funnel('1 hour', now(), true, 1);
SELECT window_funnel('1 hour', now(), VARIADIC ARRAY[1, 2]);
SELECT window_funnel('1 hour', now(), VARIADIC array_fill(true, ARRAY[33]));
SELECT window_funnel('1 hour', now(), true, true, true, true, true, true, true, true, true, true, true,
                     true, true, true, true, true, true, true, true, true, true, true, true, true, true, true,
                     true, true, true, true, true, true, true);
\set VERBOSITY default

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_window CASCADE;
RESET client_min_messages;
