-- window_funnel mode any_order: the level is the largest number of distinct
-- steps whose events fall in one window [s, s + window], s the time of a step
-- event (Amplitude's "any order" and PostHog's unordered funnels).  Checked
-- against a plain-SQL computation of that definition over random data with
-- ties and window edges, with and without exclude, for the boolean and the
-- events forms.
CREATE SCHEMA funnel_any_order;
SET search_path = funnel_any_order, public;
SET client_min_messages = warning;

CREATE TABLE ev AS
SELECT e AS eid,
       timestamptz '2024-01-01' + ((hashint8(e * 1000 + r + 7) & 31) % 20) * interval '1 second' AS ts,
       (ARRAY['a', 'b', 'c', 'x', 'z'])[1 + (hashint8(e * 7919 + r) & 2147483647) % 5] AS event
FROM generate_series(1, 2000) e,
     LATERAL generate_series(1, ((hashint8(e) & 1023) % 10)::int) r;

-- the definition, literally: for every step event s, the distinct steps with
-- an event in [s.ts, s.ts + 4 s]; with exclude ('z'), only events with no
-- exclusion at a time t, s.ts <= t < event time (an exclusion takes effect
-- after the steps of its own timestamp)
CREATE TABLE ref AS
SELECT e.eid,
       coalesce((SELECT max(n) FROM (
           SELECT count(DISTINCT w.event) AS n
           FROM ev s JOIN ev w ON w.eid = s.eid AND w.event IN ('a', 'b', 'c')
                AND w.ts >= s.ts AND w.ts <= s.ts + interval '4 seconds'
           WHERE s.eid = e.eid AND s.event IN ('a', 'b', 'c') GROUP BY s.ctid) q), 0) AS plain,
       coalesce((SELECT max(n) FROM (
           SELECT count(DISTINCT w.event) AS n
           FROM ev s JOIN ev w ON w.eid = s.eid AND w.event IN ('a', 'b', 'c')
                AND w.ts >= s.ts AND w.ts <= s.ts + interval '4 seconds'
                AND NOT EXISTS (SELECT 1 FROM ev x WHERE x.eid = s.eid AND x.event = 'z'
                                AND x.ts >= s.ts AND x.ts < w.ts)
           WHERE s.eid = e.eid AND s.event IN ('a', 'b', 'c') GROUP BY s.ctid) q), 0) AS excl,
       (SELECT min(s.ts) FROM ev s
        WHERE s.eid = e.eid AND s.event IN ('a', 'b', 'c')
          AND (SELECT count(DISTINCT w.event) FROM ev w WHERE w.eid = s.eid AND w.event IN ('a', 'b', 'c')
               AND w.ts >= s.ts AND w.ts <= s.ts + interval '4 seconds') =
              (SELECT max(n) FROM (SELECT count(DISTINCT w.event) AS n
               FROM ev s2 JOIN ev w ON w.eid = s2.eid AND w.event IN ('a', 'b', 'c')
                    AND w.ts >= s2.ts AND w.ts <= s2.ts + interval '4 seconds'
               WHERE s2.eid = e.eid AND s2.event IN ('a', 'b', 'c') GROUP BY s2.ctid) q)) AS start
FROM (SELECT DISTINCT eid FROM ev) e;

CREATE TABLE got AS
SELECT eid,
       window_funnel(interval '4 seconds', 'any_order', ts, event = 'a', event = 'b', event = 'c') AS plain_bool,
       window_funnel_events(interval '4 seconds', 'any_order', ts, event, 'a', 'b', 'c') AS plain_ev,
       window_funnel_events(interval '4 seconds', 'any_order,exclude', ts, event, 'a', 'b', 'c', 'z') AS excl_ev,
       window_funnel(interval '4 seconds', 'exclude, any_order', ts, event = 'a', event = 'b', event = 'c', event = 'z') AS excl_bool,
       window_funnel_start(interval '4 seconds', 'any_order', ts, event = 'a', event = 'b', event = 'c') AS start,
       window_funnel_times(interval '4 seconds', 'any_order', ts, event = 'a', event = 'b', event = 'c') AS times
FROM ev GROUP BY eid;

SELECT count(*) AS entities,
       count(*) FILTER (WHERE g.plain_bool <> r.plain) AS plain_bool_diffs,
       count(*) FILTER (WHERE g.plain_ev <> r.plain) AS plain_ev_diffs,
       count(*) FILTER (WHERE g.excl_ev <> r.excl) AS excl_ev_diffs,
       count(*) FILTER (WHERE g.excl_bool <> r.excl) AS excl_bool_diffs,
       count(*) FILTER (WHERE g.start IS DISTINCT FROM r.start) AS start_diffs,
       count(*) FILTER (WHERE cardinality(g.times) <> g.plain_bool) AS times_length_diffs,
       count(*) FILTER (WHERE r.excl < r.plain) AS entities_cut_by_exclusion
FROM got g JOIN ref r USING (eid);
SELECT plain_bool AS level, count(*) FROM got GROUP BY 1 ORDER BY 1;

-- a worked case: c@0, a@3, b@10, c@11 with a 5 s window: the windows from
-- c@0 (c, a) and from b@10 (b, c) reach 2; from a@3 only a; the ordered
-- funnel a -> b -> c reaches 1 (b is 7 s after a)
SELECT window_funnel(interval '5 seconds', 'any_order', t, e = 'a', e = 'b', e = 'c') AS any_order,
       window_funnel(interval '5 seconds', t, e = 'a', e = 'b', e = 'c') AS ordered,
       window_funnel_start(interval '5 seconds', 'any_order', t, e = 'a', e = 'b', e = 'c') AS start,
       window_funnel_times(interval '5 seconds', 'any_order', t, e = 'a', e = 'b', e = 'c') AS times
FROM (VALUES (timestamptz '2024-01-01 00:00:00', 'c'), ('2024-01-01 00:00:03', 'a'),
             ('2024-01-01 00:00:10', 'b'), ('2024-01-01 00:00:11', 'c')) v(t, e);
-- the window edge is inclusive: a@0, b@5, c@5 within 5 s reach 3; c@5.000001 does not
SELECT window_funnel(interval '5 seconds', 'any_order', t, e = 'a', e = 'b', e = 'c') AS inclusive
FROM (VALUES (timestamptz '2024-01-01 00:00:00', 'a'), ('2024-01-01 00:00:05', 'b'), ('2024-01-01 00:00:05', 'c')) v(t, e);
SELECT window_funnel(interval '5 seconds', 'any_order', t, e = 'a', e = 'b', e = 'c') AS just_outside
FROM (VALUES (timestamptz '2024-01-01 00:00:00', 'a'), ('2024-01-01 00:00:05', 'b'), ('2024-01-01 00:00:05.000001', 'c')) v(t, e);

-- any_order with an ordering mode is an error
SELECT window_funnel(interval '5 seconds', 'any_order,strict_order', t, e = 'a', e = 'b')
FROM (VALUES (timestamptz '2024-01-01', 'a')) v(t, e);
SELECT window_funnel(interval '5 seconds', 'any_order,max_gap=1 s', t, e = 'a', e = 'b')
FROM (VALUES (timestamptz '2024-01-01', 'a')) v(t, e);

DROP SCHEMA funnel_any_order CASCADE;
