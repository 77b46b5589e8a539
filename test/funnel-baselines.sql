-- test/funnel-baselines.sql: the funnel benchmark's data and its plain-SQL
-- baselines, kept in the repository so that test/bench-funnel and anyone
-- reproducing its figures need only a clone.
--
-- Copied unchanged (below the line) from the project's shared reference
-- folder, ../shared/reference/funnel-baselines.sql beside the checkout, on
-- 2026-12-01.  test/bench-funnel runs the same statements: the generator with
-- the row and customer counts as parameters (--rows N), then the floor and
-- baselines 1 and 2 verbatim, and window_funnel against them.  The timings
-- in the comment below are the reference's own (PostgreSQL 15, serial
-- plans); the README's Performance section has this project's measurements.
--
-- Run by hand (5 M rows; several minutes on a small machine):
--   psql -X -v ON_ERROR_STOP=1 -f test/funnel-baselines.sql
-- in a scratch database: it creates the table ev and leaves it there.
--
-- ------------------------------------------------------------------------
-- Funnel benchmark data and the plain-SQL baselines a user would write instead of window_funnel.
-- Measured on PostgreSQL 15, serial plans: floor ~1.3 s, window-function cascade ~6.7 s (5.2x the floor),
-- join chain ~9.2 s (7.2x); both baselines return the same levels (sum 211126 over 100,000 customers).

-- Data: 5 M events, 100 k customers (~50 each) spread over 2024, a realistic event mix.
CREATE TABLE ev AS
SELECT (g % 100000) AS cid,
       timestamptz '2024-01-01' + ((hashint8(g * 3) & 2147483647) % 31536000) * interval '1 second' AS ts,
       CASE WHEN h < 50 THEN 'view' WHEN h < 70 THEN 'cart' WHEN h < 78 THEN 'checkout'
            WHEN h < 81 THEN 'purchase' ELSE 'other' END AS event
FROM (SELECT g, (hashint8(g) & 2147483647) % 100 AS h FROM generate_series(1::bigint, 5000000) g) s;
VACUUM ANALYZE ev;

-- Floor: the grouping every per-customer funnel must do anyway.
SELECT count(*), sum(n) FROM (SELECT cid, count(*) AS n FROM ev GROUP BY cid) x;

-- Baseline 1, the best exact plain SQL found: a window-function cascade. Rows in descending time, so
-- "UNBOUNDED PRECEDING .. 1 PRECEDING" is every strictly later row of the customer; nK is the earliest later
-- step-K event, nJK the completion time of the chain J..K starting at the first later step-J event.
WITH e AS (
  SELECT cid, ts, CASE event WHEN 'view' THEN 1 WHEN 'cart' THEN 2 WHEN 'checkout' THEN 3 WHEN 'purchase' THEN 4 END AS step
  FROM ev WHERE event IN ('view', 'cart', 'checkout', 'purchase')
), l1 AS (
  SELECT *, min(ts) FILTER (WHERE step = 4) OVER w AS n4 FROM e
  WINDOW w AS (PARTITION BY cid ORDER BY ts DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), l2 AS (
  SELECT *, min(ts) FILTER (WHERE step = 3) OVER w AS n3, min(n4) FILTER (WHERE step = 3) OVER w AS n34 FROM l1
  WINDOW w AS (PARTITION BY cid ORDER BY ts DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), l3 AS (
  SELECT *, min(ts) FILTER (WHERE step = 2) OVER w AS n2, min(n3) FILTER (WHERE step = 2) OVER w AS n23,
            min(n34) FILTER (WHERE step = 2) OVER w AS n234 FROM l2
  WINDOW w AS (PARTITION BY cid ORDER BY ts DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), per_customer AS (
  SELECT cid, max(CASE WHEN n234 <= ts + interval '7 days' THEN 4 WHEN n23 <= ts + interval '7 days' THEN 3
                       WHEN n2 <= ts + interval '7 days' THEN 2 ELSE 1 END) AS l
  FROM l3 WHERE step = 1 GROUP BY cid
)
SELECT count(*), sum(l) FROM (SELECT c.cid, coalesce(p.l, 0) AS l
                              FROM (SELECT DISTINCT cid FROM ev) c LEFT JOIN per_customer p USING (cid)) x;

-- Baseline 2, what many analysts write: a join chain from every step-1 event to the earliest next step.
WITH s1 AS (SELECT cid, ts AS t1 FROM ev WHERE event = 'view'),
  s2 AS (SELECT s1.cid, s1.t1, min(e.ts) AS t2 FROM s1 JOIN ev e ON e.cid = s1.cid AND e.event = 'cart'
         AND e.ts >= s1.t1 AND e.ts <= s1.t1 + interval '7 days' GROUP BY 1, 2),
  s3 AS (SELECT s2.cid, s2.t1, min(e.ts) AS t3 FROM s2 JOIN ev e ON e.cid = s2.cid AND e.event = 'checkout'
         AND e.ts >= s2.t2 AND e.ts <= s2.t1 + interval '7 days' GROUP BY 1, 2),
  s4 AS (SELECT DISTINCT s3.cid FROM s3 JOIN ev e ON e.cid = s3.cid AND e.event = 'purchase'
         AND e.ts >= s3.t3 AND e.ts <= s3.t1 + interval '7 days'),
  lv AS (SELECT cid, 1 AS l FROM s1 UNION ALL SELECT cid, 2 FROM s2 UNION ALL SELECT cid, 3 FROM s3 UNION ALL SELECT cid, 4 FROM s4)
SELECT count(*), sum(l) FROM (SELECT c.cid, coalesce(max(lv.l), 0) AS l
                              FROM (SELECT DISTINCT cid FROM ev) c LEFT JOIN lv USING (cid) GROUP BY c.cid) x;
