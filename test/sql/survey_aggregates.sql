--
-- The survey aggregates over raw scores: score types, NULLs, empty input,
-- scales, bad scores, GROUP BY, rollups of stored summaries.
--
CREATE SCHEMA survey_aggregates;
SET search_path = survey_aggregates, public;

CREATE TABLE responses (
    id int PRIMARY KEY,
    touchpoint text NOT NULL,
    answered_at timestamptz NOT NULL,
    score smallint,             -- 0..10 likelihood to recommend
    sat int,                    -- 1..5 satisfaction
    effort bigint,              -- 1..7 effort (CES 2.0)
    score_n numeric
);
-- deterministic pseudo-random answers
INSERT INTO responses
SELECT g, (ARRAY['web', 'store', 'support'])[1 + g % 3],
       timestamptz '2024-01-01 00:00+00' + (g * 7919 % 90) * interval '1 day' + (g % 24) * interval '1 hour',
       CASE WHEN g % 17 = 0 THEN NULL ELSE (hashint4(g) & 1023) % 11 END,
       CASE WHEN g % 13 = 0 THEN NULL ELSE 1 + (hashint4(g + 1) & 1023) % 5 END,
       CASE WHEN g % 11 = 0 THEN NULL ELSE 1 + (hashint4(g + 2) & 1023) % 7 END,
       NULL
FROM generate_series(1, 3000) g;
UPDATE responses SET score_n = score;

-- the plain aggregates agree with the plain-SQL formulas, per touchpoint
SELECT touchpoint,
       round(nps(score)::numeric, 10) = round(100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score), 10) AS nps_ok,
       round(csat(sat)::numeric, 10) = round(100.0 * count(*) FILTER (WHERE sat >= 4) / count(sat), 10) AS csat_ok,
       round(ces(effort)::numeric, 10) = round(avg(effort), 10) AS ces_ok,
       round(nps(score)::numeric, 4) AS nps, round(csat(sat)::numeric, 4) AS csat, round(ces(effort)::numeric, 4) AS ces
FROM responses GROUP BY touchpoint ORDER BY touchpoint;

-- every score type gives the same answer
SELECT nps(score) = nps(score::int) AND nps(score) = nps(score::bigint) AND nps(score) = nps(score_n) AS nps_types,
       csat(sat) = csat(sat::smallint) AND csat(sat) = csat(sat::bigint) AND csat(sat) = csat(sat::numeric) AS csat_types,
       ces(effort) = ces(effort::smallint) AND ces(effort) = ces(effort::int) AND ces(effort) = ces(effort::numeric) AS ces_types,
       nps_agg(score)::text = nps_agg(score_n)::text AS nps_agg_types
FROM responses;
-- integral numeric with a fractional scale is fine
SELECT nps(x) FROM (VALUES (10.000), (0.0), (9::numeric)) v(x);

-- the summary aggregates give the same figures as the plain ones
SELECT nps(nps_agg(score)) = nps(score) AS nps_same, csat(csat_agg(sat)) = csat(sat) AS csat_same,
       ces(ces_agg(effort)) = ces(effort) AS ces_same,
       responses(nps_agg(score)) = count(score) AS n_same,
       mean(nps_agg(score)) = avg(score)::float8 AS mean_same
FROM responses;

-- NULLs are skipped; no rows, only NULLs and FILTER (WHERE false) give NULL
SELECT nps(x), nps_agg(x), csat(x), csat_agg(x), ces(x), ces_agg(x) FROM (VALUES (NULL::int)) v(x);
SELECT nps(x), nps_agg(x), csat(x, 7), csat_agg(x, 7), ces(x, 5), ces_agg(x, 5) FROM (VALUES (1)) v(x) WHERE false;
SELECT nps(score) FILTER (WHERE false), nps_agg(score) FILTER (WHERE false), rollup(s) FILTER (WHERE false)
FROM (SELECT score, nps_agg(score) OVER () AS s FROM responses) q;
SELECT nps(x) FROM (VALUES (10), (NULL), (0)) v(x);
SELECT nps(score) AS nps_with_nulls, count(score) AS counted, count(*) AS rows FROM responses;

-- scales
SELECT csat(x, 3), csat_agg(x, 3) FROM (VALUES (1), (2), (3), (3)) v(x);
SELECT csat(x, 10), csat_agg(x, 10) FROM (VALUES (1), (9), (10), (8)) v(x);
SELECT ces(x, 5), ces_agg(x, 5) FROM (VALUES (1), (5), (4), (4)) v(x);
SELECT csat(x, s) FROM (VALUES (1, 5), (2, 5), (NULL, NULL)) v(x, s);

-- bad scores and scales, one per line
SELECT nps(x) FROM (VALUES (11)) v(x);
SELECT nps(x) FROM (VALUES (-1)) v(x);
SELECT nps(x) FROM (VALUES (9223372036854775807)) v(x);
SELECT nps(x) FROM (VALUES (32767::smallint)) v(x);
SELECT nps(x) FROM (VALUES (9.5)) v(x);
SELECT nps(x) FROM (VALUES (10.0000000000000000001)) v(x);
SELECT nps(x) FROM (VALUES (8.9999999999999999999)) v(x);
SELECT csat(x, 3) FROM (VALUES (-0.0)) v(x);
SELECT nps(x) FROM (VALUES ('NaN'::numeric)) v(x);
SELECT nps(x) FROM (VALUES (100000000000000000000000000000::numeric)) v(x);
SELECT nps_agg(x) FROM (VALUES (12)) v(x);
SELECT csat(x) FROM (VALUES (0)) v(x);
SELECT csat(x) FROM (VALUES (6)) v(x);
-- 1..10 data without the scale: the hint says to pass it (issue 8)
SELECT csat(x) FROM (VALUES (8)) v(x);
SELECT csat(x) FROM (VALUES (8.0)) v(x);
SELECT ces(x) FROM (VALUES (10::smallint)) v(x);
SELECT csat(x, 7) FROM (VALUES (8)) v(x);
SELECT csat(x, 2) FROM (VALUES (1)) v(x);
SELECT csat(x, 11) FROM (VALUES (1)) v(x);
SELECT csat(x, NULL) FROM (VALUES (1)) v(x);
SELECT csat(x, s) FROM (VALUES (1, 5), (1, 7)) v(x, s);
SELECT ces(x) FROM (VALUES (8)) v(x);
SELECT ces(x, 5) FROM (VALUES (6)) v(x);
SELECT ces(x, -1) FROM (VALUES (1)) v(x);
SELECT ces(x) FROM (VALUES (2.5)) v(x);
SELECT ces_agg(x, 0) FROM (VALUES (1)) v(x);
-- the SQLSTATEs: 22003 for a bad score, 22023 for a bad scale, 22004 for a NULL scale
CREATE FUNCTION sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE query;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;
SELECT q, sqlstate_of(q) FROM (VALUES
    ('SELECT nps(11)'), ('SELECT nps(-1::bigint)'), ('SELECT nps(9.5)'), ('SELECT nps(''NaN''::numeric)'),
    ('SELECT csat(6)'), ('SELECT ces(0::smallint, 5)'), ('SELECT csat(1, 2)'), ('SELECT ces_agg(1, 11)'),
    ('SELECT csat(1, NULL)'), ('SELECT nps(10)')) v(q);
-- a transition function is not callable on its own
SELECT nps_trans(NULL::nps_summary, 5);

-- two-step: daily summaries in a materialized view, rolled up without raw rows
CREATE MATERIALIZED VIEW daily AS
SELECT date_trunc('day', answered_at, 'UTC') AS day, touchpoint,
       nps_agg(score) AS nps_s, csat_agg(sat) AS csat_s, ces_agg(effort) AS ces_s
FROM responses GROUP BY 1, 2;
-- per touchpoint over all days: equal to the raw aggregates
SELECT d.touchpoint,
       nps(rollup(nps_s)) = (SELECT nps(score) FROM responses r WHERE r.touchpoint = d.touchpoint) AS nps_equal,
       rollup(nps_s)::text = (SELECT nps_agg(score)::text FROM responses r WHERE r.touchpoint = d.touchpoint) AS summary_equal,
       csat(rollup(csat_s)) = (SELECT csat(sat) FROM responses r WHERE r.touchpoint = d.touchpoint) AS csat_equal,
       ces(rollup(ces_s)) = (SELECT ces(effort) FROM responses r WHERE r.touchpoint = d.touchpoint) AS ces_equal,
       round(nps(rollup(nps_s))::numeric, 4) AS nps,
       round(ci_lower(rollup(nps_s))::numeric, 4) AS ci_lower,
       round(ci_upper(rollup(nps_s))::numeric, 4) AS ci_upper
FROM daily d GROUP BY 1 ORDER BY 1;
-- days roll up to months the same as months from raw rows
SELECT count(*) AS months,
       count(*) FILTER (WHERE m.s::text = r.s::text) AS equal
FROM (SELECT date_trunc('month', day, 'UTC') AS month, touchpoint, rollup(nps_s) AS s FROM daily GROUP BY 1, 2) m
JOIN (SELECT date_trunc('month', answered_at, 'UTC') AS month, touchpoint, nps_agg(score) AS s FROM responses GROUP BY 1, 2) r
USING (month, touchpoint);
-- rollups of rollups, in any order and grouping, give the same summary
SELECT count(DISTINCT s::text) AS distinct_results FROM (
    SELECT rollup(nps_s) AS s FROM daily
    UNION ALL SELECT rollup(s) FROM (SELECT rollup(nps_s) AS s FROM daily GROUP BY touchpoint) a
    UNION ALL SELECT rollup(s) FROM (SELECT rollup(nps_s ORDER BY day DESC) AS s FROM daily GROUP BY day) b
    UNION ALL SELECT rollup(s ORDER BY md5(s::text)) FROM (SELECT nps_s AS s FROM daily) c
    UNION ALL SELECT nps_agg(score) FROM responses) x;
-- + is associative and commutative
SELECT ((a + b) + c)::text = (a + (b + c))::text AS associative, (a + b)::text = (b + a)::text AS commutative
FROM (SELECT (SELECT nps_s FROM daily ORDER BY day, touchpoint LIMIT 1) AS a,
             (SELECT nps_s FROM daily ORDER BY day DESC, touchpoint LIMIT 1) AS b,
             (SELECT nps_s FROM daily ORDER BY day, touchpoint DESC LIMIT 1) AS c) q;

-- as window aggregates: running summaries are independent values
SELECT id, score, nps_agg(score) OVER (ORDER BY id) AS running, nps(score) OVER (ORDER BY id) AS running_nps,
       rollup(s) OVER (ORDER BY id) AS running_rollup
FROM (SELECT id, score, nps_agg(score) OVER (PARTITION BY id) AS s FROM responses WHERE id <= 6) q ORDER BY id;

-- sliding window frames use the inverse transition functions (moving-aggregate
-- mode); every frame must equal the aggregate recomputed over the same rows
SELECT count(*) AS frames,
       count(*) FILTER (WHERE w.n IS NOT DISTINCT FROM r.n AND w.s IS NOT DISTINCT FROM r.s
                        AND w.c IS NOT DISTINCT FROM r.c AND w.cs IS NOT DISTINCT FROM r.cs
                        AND w.e IS NOT DISTINCT FROM r.e AND w.nn IS NOT DISTINCT FROM r.nn) AS equal
FROM (SELECT id, nps(score) OVER w AS n, nps_agg(score) OVER w AS s, csat(sat) OVER w AS c,
             csat_agg(sat, 5) OVER w AS cs, ces_agg(effort) OVER w AS e, nps_agg(score_n) OVER w AS nn
      FROM responses WINDOW w AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)) w,
LATERAL (SELECT nps(score) AS n, nps_agg(score) AS s, csat(sat) AS c, csat_agg(sat, 5) AS cs,
                ces_agg(effort) AS e, nps_agg(score_n) AS nn
         FROM responses r2 WHERE r2.id BETWEEN w.id - 9 AND w.id) r;
-- frames of only NULLs give NULL, as they do outside a window
SELECT id, x, nps(x) OVER w, nps_agg(x) OVER w, csat_agg(x, 10) OVER w
FROM (VALUES (1, 5), (2, NULL), (3, NULL), (4, 10), (5, NULL), (6, 9)) v(id, x)
WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY id;
-- The scale of a NULL score is never read, in a window as outside one (issue
-- 6, item 9: csat(x, NULL) over a frame of NULL scores raised "scale must not
-- be null" in a sliding window and gave NULL as a plain aggregate).  Each
-- frame against the plain aggregate over the same rows; the scale may change
-- once a frame has emptied, and is ignored on NULL scores.
CREATE TEMP TABLE scaled (id int, x int, scale int);
INSERT INTO scaled VALUES (1, NULL, NULL), (2, 5, 5), (3, NULL, NULL), (4, NULL, NULL),
    (5, 7, 7), (6, NULL, 99), (7, 3, 7), (8, NULL, NULL);
SELECT w.id, w.c, w.cs, w.e, w.cn, r.c AS plain_c, r.cs AS plain_cs, r.e AS plain_e,
       w.c IS NOT DISTINCT FROM r.c AND w.cs IS NOT DISTINCT FROM r.cs
       AND w.e IS NOT DISTINCT FROM r.e AND w.cn IS NOT DISTINCT FROM r.cn AS same
FROM (SELECT id, csat(x, scale) OVER w AS c, csat_agg(x, scale) OVER w AS cs,
             ces_agg(x, scale) OVER w AS e, csat(x::numeric, scale) OVER w AS cn
      FROM scaled WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)) w,
LATERAL (SELECT csat(x, scale) AS c, csat_agg(x, scale) AS cs, ces_agg(x, scale) AS e,
                csat(x::numeric, scale) AS cn
         FROM scaled s WHERE s.id BETWEEN w.id - 1 AND w.id) r
ORDER BY w.id;
-- a scale change inside a non-empty frame is still an error, as outside
SELECT id, csat(x, scale) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)
FROM scaled;
SELECT csat(x, scale) FROM scaled WHERE id <= 5;
-- an inverse transition function is not callable on its own
SELECT nps_inv('v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}', 10);

-- Support functions validate what they receive (issue 6, item 1): any role
-- can declare its own aggregate around them, with hand-built states.
\set VERBOSITY sqlstate
-- an inverse transition paired with a forward function that counts nothing
-- would take a count below zero: an error (22023), not a negative count
CREATE FUNCTION keep_state(nps_summary, integer) RETURNS nps_summary
    LANGUAGE sql IMMUTABLE AS 'SELECT $1';
CREATE AGGREGATE bad_window_nps(integer) (
    SFUNC = keep_state, STYPE = nps_summary, INITCOND = 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0}',
    MSFUNC = keep_state, MINVFUNC = nps_inv, MSTYPE = nps_summary,
    MINITCOND = 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0}');
SELECT x, bad_window_nps(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM generate_series(8, 10) x;
-- a transition from a hand-built initial state that pushes the total past
-- 2^63 - 1: the accessors refuse (22003) rather than wrap
CREATE AGGREGATE full_nps(integer) (
    SFUNC = nps_trans, STYPE = nps_summary, FINALFUNC = nps,
    INITCOND = 'v1 nps 0..10 {9223372036854775807,0,0,0,0,0,0,0,0,0,0}');
SELECT full_nps(x) FROM (VALUES (10)) v(x);
CREATE AGGREGATE full_csat(integer) (
    SFUNC = csat_trans, STYPE = csat_summary, FINALFUNC = csat,
    INITCOND = 'v1 csat 1..5 {9223372036854775807,0,0,0,0}');
SELECT full_csat(x) FROM (VALUES (5)) v(x);
CREATE AGGREGATE full_ces(integer) (
    SFUNC = ces_trans, STYPE = ces_summary, FINALFUNC = ces,
    INITCOND = 'v1 ces 1..7 {9223372036854775807,0,0,0,0,0,0}');
SELECT full_ces(x) FROM (VALUES (7)) v(x);
-- the hand-built state itself is within range and reads normally
SELECT full_nps(x) FROM (VALUES (10)) v(x) WHERE false;
-- a forward function with a fixed scale keeps the hand-built state's scale
CREATE AGGREGATE seven_point_csat(integer) (
    SFUNC = csat_trans, STYPE = csat_summary, INITCOND = 'v1 csat 1..7 {0,0,0,0,0,0,0}');
SELECT seven_point_csat(x) FROM (VALUES (7), (6)) v(x);
SELECT seven_point_csat(x) FROM (VALUES (8)) v(x);
-- merging hand-built summaries: totals past 2^63 - 1 and other scales are errors
SELECT 'v1 nps 0..10 {9223372036854775807,0,0,0,0,0,0,0,0,0,0}'::nps_summary
     + 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}';
SELECT rollup(s) FROM (VALUES ('v1 ces 1..7 {4611686018427387904,0,0,0,0,0,0}'::ces_summary),
                              ('v1 ces 1..7 {0,0,0,0,0,0,4611686018427387904}')) v(s);
SELECT 'v1 csat 1..5 {1,0,0,0,0}'::csat_summary + 'v1 csat 1..7 {1,0,0,0,0,0,0}';
-- moving final functions check their input like every accessor
SELECT nps_summary_nonempty('v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0}') IS NULL AS empty_is_null;
-- support functions are not callable by PUBLIC, yet every aggregate works
-- for a role without any grant (the aggregate owner's right is checked)
CREATE ROLE regress_cjkpi_plain;
SET ROLE regress_cjkpi_plain;
SELECT nps_trans(NULL::nps_summary, 10);
SELECT csat_inv('v1 csat 1..5 {0,0,0,0,1}', 5);
SELECT nps(x), csat(x, 10), responses(ces_agg(x, 10)) FROM generate_series(1, 10) x;
SELECT x, nps(x) OVER w, csat(x, 10) OVER w, responses(ces_agg(x::numeric, 10) OVER w)
FROM generate_series(1, 4) x WINDOW w AS (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW);
RESET ROLE;
DROP ROLE regress_cjkpi_plain;
\set VERBOSITY default
DROP AGGREGATE bad_window_nps(integer);
DROP AGGREGATE full_nps(integer);
DROP AGGREGATE full_csat(integer);
DROP AGGREGATE full_ces(integer);
DROP AGGREGATE seven_point_csat(integer);
DROP FUNCTION keep_state(nps_summary, integer);

-- real and double precision scores (issue 8: data from pandas arrives as
-- floats): integral values count like the integer types, anything else is
-- the numeric types' error.  Each against the integer aggregate.
CREATE TEMP TABLE floats AS
SELECT id, x::real AS r, x::double precision AS d, x AS i
FROM (VALUES (1, 10), (2, 9), (3, NULL), (4, 3), (5, 8), (6, 7), (7, 1)) v(id, x);
SELECT nps(r) = nps(i) AS nps_real, nps(d) = nps(i) AS nps_double,
       nps_agg(r) = nps_agg(i) AND nps_agg(d) = nps_agg(i) AS nps_agg,
       csat(r, 10) = csat(i, 10) AND csat(d, 10) = csat(i, 10) AS csat_scale,
       csat_agg(r, 10) = csat_agg(i, 10) AND csat_agg(d, 10) = csat_agg(i, 10) AS csat_agg_scale,
       ces(r, 10) = ces(i, 10) AND ces_agg(d, 10) = ces_agg(i, 10) AS ces_scale,
       nps(d), csat(d, 10), ces(d, 10)
FROM floats;
SELECT csat(r) = csat(i) AND csat_agg(d) = csat_agg(i) AND ces(r) = ces(i) AND ces_agg(d) = ces_agg(i) AS fixed_scales
FROM floats WHERE i <= 5;
SELECT count(*) AS frames,
       count(*) FILTER (WHERE nr IS NOT DISTINCT FROM ni AND nd IS NOT DISTINCT FROM ni
                          AND cr IS NOT DISTINCT FROM ci AND ed IS NOT DISTINCT FROM ei) AS equal
FROM (SELECT nps_agg(r) OVER w AS nr, nps_agg(d) OVER w AS nd, nps_agg(i) OVER w AS ni,
             csat(r, 10) OVER w AS cr, csat(i, 10) OVER w AS ci,
             ces_agg(d, 10) OVER w AS ed, ces_agg(i, 10) OVER w AS ei
      FROM floats WINDOW w AS (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) q;
-- bad float scores, one per line
SELECT nps(x) FROM (VALUES (9.5::double precision)) v(x);
SELECT nps(x) FROM (VALUES (9.5::real)) v(x);
SELECT nps(x) FROM (VALUES (0.1::real)) v(x);
SELECT nps(x) FROM (VALUES (11::double precision)) v(x);
SELECT nps(x) FROM (VALUES (-1::real)) v(x);
SELECT nps(x) FROM (VALUES (1e300::double precision)) v(x);
SELECT nps(x) FROM (VALUES ('NaN'::double precision)) v(x);
SELECT nps(x) FROM (VALUES ('Infinity'::real)) v(x);
SELECT nps(x) FROM (VALUES ('-Infinity'::double precision)) v(x);
SELECT csat(x) FROM (VALUES (8::double precision)) v(x);
SELECT ces_agg(x, 5) FROM (VALUES (4.25::real)) v(x);
SELECT sqlstate_of('SELECT nps(x) FROM (VALUES (9.5::float8)) v(x)') AS fraction,
       sqlstate_of('SELECT nps(x) FROM (VALUES (''NaN''::float4)) v(x)') AS nan;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA survey_aggregates CASCADE;
RESET client_min_messages;
