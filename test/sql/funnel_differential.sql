-- Differential test: window_funnel against an independent reference.
--
-- Entries tied on (timestamp, condition) are taken in the order of their
-- rows' condition bitmasks, the documented total order; it matters only when
-- strict_deduplication and strict_once are combined.
-- The reference below enumerates EVERY valid partial chain (no greedy
-- shortcut) while scanning the entries in (ts, condition) order, and applies
-- the stopping rules of doc/funnels.md literally.  Exclusion entries sort after
-- the step entries of their timestamp; strict_order markers before them.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_differential;
SET search_path = funnel_differential, public;
SET client_min_messages = warning;
CREATE FUNCTION ref_funnel(ts bigint[], masks int[], nconds int, win bigint, modes text, gaps bigint[])
RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	m text[] := string_to_array(replace(modes, ' ', ''), ',');
	o_order bool := 'strict_order' = ANY (m);
	o_dedup bool := 'strict_deduplication' = ANY (m);
	o_incr bool := 'strict_increase' = ANY (m);
	o_once bool := 'strict_once' = ANY (m);
	o_reentry bool := 'allow_reentry' = ANY (m);
	o_anchor bool := 'anchor' = ANY (m);
	o_excl bool := 'exclude' = ANY (m);
	nsteps int := CASE WHEN 'exclude' = ANY (m) THEN nconds - 1 ELSE nconds END;
	-- all partial chains: step-1 time, last step time, level, rows used (bitmask)
	c_first bigint[] := '{}';
	c_last bigint[] := '{}';
	c_level int[] := '{}';
	c_rows bigint[] := '{}';
	n_first bigint[];
	n_last bigint[];
	n_level int[];
	n_rows bigint[];
	started bool := false;
	anchor_ts bigint := NULL;
	best int := 0;
	e record;
	i int;
	violation bool;
BEGIN
	FOR e IN
		SELECT u.t, u.r, k AS cond
		FROM unnest(ts, masks) WITH ORDINALITY AS u(t, mk0, r)
		CROSS JOIN LATERAL (SELECT u.mk0 & ((1 << nconds) - 1) AS mk) mm
		CROSS JOIN LATERAL (
			SELECT k FROM generate_series(1, nconds) k WHERE (mm.mk >> (k - 1)) & 1 = 1
			UNION ALL SELECT 0 WHERE o_order AND mm.mk = 0) s
		WHERE u.t IS NOT NULL
		-- exclusion condition (the last one) sorts after the steps; entries
		-- tied on (ts, condition) go in the order of the rows' bitmasks
		ORDER BY u.t, CASE WHEN o_excl AND k = nconds THEN 1000 ELSE k END, mm.mk
	LOOP
		violation := false;
		IF o_excl AND e.cond = nconds THEN
			IF started THEN
				c_first := '{}'; c_last := '{}'; c_level := '{}'; c_rows := '{}';
				started := false;
			END IF;
			CONTINUE;
		ELSIF e.cond = 0 THEN
			violation := started;
		ELSIF e.cond = 1 THEN
			IF o_anchor AND anchor_ts IS NOT NULL AND e.t <> anchor_ts THEN
				CONTINUE;
			END IF;
			anchor_ts := coalesce(anchor_ts, e.t);
			started := true;
			c_first := c_first || e.t; c_last := c_last || e.t;
			c_level := c_level || 1; c_rows := c_rows || (1::bigint << e.r::int);
			best := greatest(best, 1);
			IF nsteps = 1 THEN RETURN 1; END IF;
			CONTINUE;
		ELSE
			IF o_dedup AND e.cond = ANY (c_level) THEN
				RETURN best;
			END IF;
			IF o_order AND started AND NOT (e.cond - 1 = ANY (c_level)) THEN
				violation := true;
			END IF;
		END IF;
		IF violation THEN
			IF NOT o_reentry THEN RETURN best; END IF;
			c_first := '{}'; c_last := '{}'; c_level := '{}'; c_rows := '{}';
			started := false;
			CONTINUE;
		END IF;
		IF e.cond = 0 THEN CONTINUE; END IF;
		n_first := '{}'; n_last := '{}'; n_level := '{}'; n_rows := '{}';
		FOR i IN 1 .. coalesce(array_length(c_level, 1), 0) LOOP
			IF c_level[i] = e.cond - 1
			   AND e.t - c_first[i] <= win
			   AND (NOT o_incr OR e.t > c_last[i])
			   AND (NOT o_once OR (c_rows[i] >> e.r::int) & 1 = 0)
			   AND (gaps[e.cond] IS NULL OR e.t - c_last[i] <= gaps[e.cond]) THEN
				n_first := n_first || c_first[i]; n_last := n_last || e.t;
				n_level := n_level || e.cond::int; n_rows := n_rows || (c_rows[i] | (1::bigint << e.r::int));
			END IF;
		END LOOP;
		IF array_length(n_level, 1) > 0 THEN
			best := greatest(best, e.cond);
			IF e.cond = nsteps THEN RETURN nsteps; END IF;
			c_first := c_first || n_first; c_last := c_last || n_last;
			c_level := c_level || n_level; c_rows := c_rows || n_rows;
		END IF;
	END LOOP;
	RETURN best;
END $$;

-- 3000 entities, 0..11 rows each, timestamps in a 30 s range (many ties),
-- three steps plus a fourth condition used as exclusion, some NULLs.
CREATE TABLE dev AS
SELECT e AS eid,
       CASE WHEN hashint8(e * 1000 + r) % 97 = 0 THEN NULL
            ELSE timestamptz '2024-01-01' + ((hashint8(e * 1000 + r + 7) & 31) % 30) * interval '1 second' END AS ts,
       CASE WHEN h % 11 = 0 THEN NULL ELSE (h >> 1) % 3 = 0 END AS c1,
       CASE WHEN h % 13 = 0 THEN NULL ELSE (h >> 3) % 3 = 0 END AS c2,
       CASE WHEN h % 17 = 0 THEN NULL ELSE (h >> 5) % 3 = 0 END AS c3,
       (h >> 7) % 8 = 0 AS c4
FROM generate_series(1, 3000) e,
     LATERAL generate_series(1, ((hashint8(e) & 1023) % 12)::int) r,
     LATERAL (SELECT (hashint8(e * 7919 + r) & 2147483647) AS h) hh;

SELECT count(*) AS rows, count(DISTINCT eid) AS entities FROM dev;

-- gaps[k]: the reference's maximum gap into step k in microseconds (NULL: none)
CREATE TABLE modes(mode text, nconds int, gaps bigint[]);
INSERT INTO modes VALUES
  ('', 3, NULL), ('strict_order', 3, NULL), ('strict_deduplication', 3, NULL), ('strict_increase', 3, NULL),
  ('strict_once', 3, NULL), ('strict_order, allow_reentry', 3, NULL), ('anchor', 3, NULL), ('exclude', 4, NULL),
  ('strict_increase,strict_once', 3, NULL), ('anchor,strict_once', 3, NULL), ('anchor,strict_increase', 3, NULL),
  ('strict_order,strict_increase', 3, NULL), ('strict_deduplication,strict_once', 3, NULL),
  ('strict_order,strict_deduplication', 3, NULL), ('exclude,strict_order,allow_reentry', 4, NULL),
  ('exclude,strict_once', 4, NULL),
  ('max_gap=2 seconds', 3, '{NULL,2000000,2000000}'),
  ('max_gap_3=1 second', 3, '{NULL,NULL,1000000}'),
  ('max_gap=3 seconds,max_gap_2=0 seconds', 3, '{NULL,0,3000000}'),
  ('strict_increase,max_gap=2 seconds', 3, '{NULL,2000000,2000000}'),
  ('strict_once,max_gap=1 second', 3, '{NULL,1000000,1000000}'),
  ('strict_order,max_gap=2 seconds', 3, '{NULL,2000000,2000000}'),
  ('anchor,max_gap_2=2 seconds', 3, '{NULL,2000000,NULL}'),
  ('strict_deduplication,max_gap=1 second', 3, '{NULL,1000000,1000000}'),
  ('exclude,max_gap=2 seconds', 4, '{NULL,2000000,2000000}');

-- C result per entity and mode
CREATE TABLE got AS
SELECT m.mode, d.eid,
       CASE WHEN m.nconds = 3 THEN window_funnel('5 seconds', m.mode, d.ts, d.c1, d.c2, d.c3)
            ELSE window_funnel('5 seconds', m.mode, d.ts, d.c1, d.c2, d.c3, d.c4) END AS level
FROM modes m CROSS JOIN dev d GROUP BY m.mode, m.nconds, d.eid;

CREATE TABLE want AS
SELECT m.mode, x.eid,
       ref_funnel(x.ts, x.masks, m.nconds, 5000000, m.mode, m.gaps) AS level
FROM modes m CROSS JOIN (
	SELECT eid, array_agg((extract(epoch FROM ts) * 1000000)::bigint ORDER BY ts, c1, c2, c3, c4) AS ts,
	       array_agg((coalesce(c1, false)::int) | (coalesce(c2, false)::int << 1)
	                 | (coalesce(c3, false)::int << 2) | (c4::int << 3) ORDER BY ts, c1, c2, c3, c4) AS masks
	FROM dev GROUP BY eid) x;

-- mismatches per mode (all 0) and how much each mode's levels vary
SELECT m.mode,
       count(*) FILTER (WHERE g.level IS DISTINCT FROM w.level) AS mismatches,
       count(*) FILTER (WHERE w.level = 0) AS l0, count(*) FILTER (WHERE w.level = 1) AS l1,
       count(*) FILTER (WHERE w.level = 2) AS l2, count(*) FILTER (WHERE w.level = 3) AS l3
FROM modes m JOIN want w USING (mode) LEFT JOIN got g USING (mode, eid)
GROUP BY m.mode ORDER BY m.mode;

-- the modes really differ from the default somewhere (the test has teeth)
SELECT w.mode, count(*) FILTER (WHERE w.level <> d.level) > 0 AS differs_from_default
FROM want w JOIN want d ON d.mode = '' AND d.eid = w.eid
WHERE w.mode <> '' GROUP BY w.mode ORDER BY w.mode;

-- row order does not matter: the same funnel over a shuffled copy
CREATE TABLE dev_shuffled AS SELECT * FROM dev ORDER BY hashint8(eid * 31 + extract(epoch FROM ts)::bigint) DESC NULLS FIRST;
SELECT count(*) AS shuffled_mismatches
FROM got g
JOIN (SELECT m.mode, d.eid,
             CASE WHEN m.nconds = 3 THEN window_funnel('5 seconds', m.mode, d.ts, d.c1, d.c2, d.c3)
                  ELSE window_funnel('5 seconds', m.mode, d.ts, d.c1, d.c2, d.c3, d.c4) END AS level
      FROM modes m CROSS JOIN dev_shuffled d GROUP BY m.mode, m.nconds, d.eid) b USING (mode, eid)
WHERE g.level <> b.level;


-- storage formats: rows are kept as 4-byte keys while timestamps are whole
-- seconds near the group's first row, else 8-byte keys (or 16 bytes).  Some
-- rows here are 0.5 ms off a whole second and some 20 years later, so states
-- change format in the middle of a group; the reference must still agree.
CREATE TABLE dev2 AS
SELECT eid,
       ts + CASE WHEN eid % 3 = 0 AND (hashint8(eid * 77 + extract(epoch FROM ts)::bigint) & 3) = 0
                 THEN interval '500 microseconds'
                 WHEN eid % 3 = 1 AND (hashint8(eid * 91 + extract(epoch FROM ts)::bigint) & 7) = 0
                 THEN interval '7300 days' ELSE interval '0' END AS ts,
       c1, c2, c3, c4
FROM dev;
CREATE TABLE modes2 AS SELECT * FROM modes WHERE nconds = 3 AND mode IN
  ('', 'strict_order', 'strict_once', 'strict_increase', 'max_gap=2 seconds', 'anchor,strict_once');
CREATE TABLE got2 AS
SELECT m.mode, d.eid, window_funnel('5 seconds', m.mode, d.ts, d.c1, d.c2, d.c3) AS level
FROM modes2 m CROSS JOIN dev2 d GROUP BY m.mode, d.eid;
SELECT m.mode, count(*) FILTER (WHERE g.level IS DISTINCT FROM ref_funnel(x.ts, x.masks, 3, 5000000, m.mode, m.gaps)) AS mismatches
FROM modes2 m
CROSS JOIN (SELECT eid, array_agg((extract(epoch FROM ts) * 1000000)::bigint ORDER BY ts, c1, c2, c3, c4) AS ts,
                   array_agg((coalesce(c1, false)::int) | (coalesce(c2, false)::int << 1)
                             | (coalesce(c3, false)::int << 2) | (c4::int << 3) ORDER BY ts, c1, c2, c3, c4) AS masks
            FROM dev2 GROUP BY eid) x
LEFT JOIN got2 g ON g.mode = m.mode AND g.eid = x.eid
GROUP BY m.mode ORDER BY m.mode;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_differential CASCADE;
RESET client_min_messages;
