-- search_path_hostile: a schema first on search_path (ahead of pg_catalog,
-- as a user may set it) defines functions, aggregates and operators with
-- the names the extension's SQL code uses or could use, each of which logs
-- its call.  Every SQL-language function of the extension must compute the
-- same results under that search_path and call none of them; a catalog
-- query lists the SQL-language functions, so a new one shows up here.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA search_path_hostile;
SET search_path = search_path_hostile, public;

-- the extension has no SECURITY DEFINER function, and its only functions in
-- a run-time-resolving language are these (each must appear below)
SELECT p.oid::regprocedure AS function, l.lanname, p.prosecdef, p.proconfig
FROM pg_proc p
JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'cjkpi'
WHERE l.lanname NOT IN ('c', 'internal') OR p.prosecdef
ORDER BY 1::text;

CREATE TABLE calls (fn text);
CREATE FUNCTION logged(fn text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_path_hostile.calls VALUES (fn);
END $$;

-- same-named functions with the extension's and pg_catalog's signatures
-- (coalesce, nullif, greatest and least are keywords: they cannot be shadowed)
CREATE FUNCTION generate_series(integer, integer) RETURNS SETOF integer LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('generate_series'); RETURN NEXT 1; END $$;
CREATE FUNCTION step_count(funnel_summary) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('step_count'); RETURN 1; END $$;
CREATE FUNCTION reached(funnel_summary, integer) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('reached'); RETURN -1; END $$;
CREATE FUNCTION conversion(funnel_summary, integer) RETURNS double precision LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('conversion'); RETURN -1; END $$;
CREATE FUNCTION step_conversion(funnel_summary, integer) RETURNS double precision LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('step_conversion'); RETURN -1; END $$;
CREATE FUNCTION drop_off(funnel_summary, integer) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('drop_off'); RETURN -1; END $$;
CREATE FUNCTION conversion_interval(funnel_summary, integer, double precision,
                                    OUT lower double precision, OUT upper double precision) LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('conversion_interval'); lower := -1; upper := -1; END $$;
CREATE FUNCTION step_conversion_interval(funnel_summary, integer, double precision,
                                         OUT lower double precision, OUT upper double precision) LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('step_conversion_interval'); lower := -1; upper := -1; END $$;
CREATE FUNCTION nps(nps_summary) RETURNS double precision LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('nps'); RETURN -1; END $$;
CREATE FUNCTION date_trunc(text, timestamptz) RETURNS timestamptz LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('date_trunc'); RETURN $2; END $$;
CREATE FUNCTION sqrt(double precision) RETURNS double precision LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('sqrt'); RETURN -1; END $$;
CREATE FUNCTION abs(double precision) RETURNS double precision LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('abs'); RETURN -1; END $$;
CREATE FUNCTION round(double precision) RETURNS double precision LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('round'); RETURN -1; END $$;
CREATE FUNCTION array_length(anyarray, integer) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('array_length'); RETURN -1; END $$;

-- aggregates named like the extension's and core's
CREATE FUNCTION nps_sfunc(nps_summary, nps_summary) RETURNS nps_summary LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('rollup'); RETURN $2; END $$;
CREATE AGGREGATE rollup(nps_summary) (SFUNC = nps_sfunc, STYPE = nps_summary);
CREATE FUNCTION int_sfunc(bigint, integer) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('count'); RETURN -1; END $$;
CREATE AGGREGATE count(integer) (SFUNC = int_sfunc, STYPE = bigint, INITCOND = '0');

-- operators: integer comparisons and arithmetic, and the summaries' own
CREATE FUNCTION int_cmp(integer, integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('integer operator'); RETURN true; END $$;
CREATE FUNCTION int_arith(integer, integer) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('integer arithmetic'); RETURN -1; END $$;
CREATE FUNCTION big_arith(bigint, bigint) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('bigint arithmetic'); RETURN -1; END $$;
CREATE FUNCTION fs_eq(funnel_summary, funnel_summary) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('funnel_summary ='); RETURN true; END $$;
CREATE FUNCTION fs_add(funnel_summary, funnel_summary) RETURNS funnel_summary LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('funnel_summary +'); RETURN $1; END $$;
CREATE FUNCTION nps_add(nps_summary, nps_summary) RETURNS nps_summary LANGUAGE plpgsql AS $$
BEGIN PERFORM search_path_hostile.logged('nps_summary +'); RETURN $1; END $$;
CREATE OPERATOR = (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_cmp);
CREATE OPERATOR <> (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_cmp);
CREATE OPERATOR < (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_cmp);
CREATE OPERATOR <= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_cmp);
CREATE OPERATOR > (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_cmp);
CREATE OPERATOR >= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_cmp);
CREATE OPERATOR + (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_arith);
CREATE OPERATOR - (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_arith);
CREATE OPERATOR + (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = big_arith);
CREATE OPERATOR - (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = big_arith);
CREATE OPERATOR = (LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = fs_eq);
CREATE OPERATOR + (LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = fs_add);
CREATE OPERATOR + (LEFTARG = nps_summary, RIGHTARG = nps_summary, FUNCTION = nps_add);

-- the reference results, under an ordinary search_path
CREATE TABLE summaries (id int, s funnel_summary);
INSERT INTO summaries VALUES (1, 'v1;entities=100;reached=80,40,20,10'), (2, 'v1;entities=3;reached=0,0'),
                             (3, 'v1;entities=7;reached=7');
SET search_path = public, search_path_hostile;
CREATE TABLE search_path_hostile.expected AS
SELECT id, f.* FROM search_path_hostile.summaries, funnel_steps(s, 0.9) f;
CREATE TABLE search_path_hostile.expected_scalar AS
SELECT id, (funnel_steps(s)).* FROM search_path_hostile.summaries;

-- the trap is armed: unqualified names now resolve to the hostile schema,
-- ahead of pg_catalog and of the extension's schema
SET search_path = search_path_hostile, pg_catalog, public;
SELECT 1 + 1 AS hostile_plus, (SELECT count(*) FROM generate_series(1, 5)) AS hostile_series;
SELECT fn, count(*) FROM calls GROUP BY fn ORDER BY fn;
TRUNCATE calls;

-- the extension's SQL function, inlined into the query (FROM) and called as
-- a function (select list), under the hostile search_path
CREATE TABLE got AS SELECT id, f.* FROM summaries, public.funnel_steps(s, 0.9) f;
CREATE TABLE got_scalar AS SELECT id, (public.funnel_steps(s)).* FROM summaries;
-- and the C aggregates and operators, schema-qualified as a careful user
-- writes them: their support functions are bound by OID, not by name
CREATE TABLE got_c AS
SELECT public.nps(public.rollup(s)) AS nps,
       (SELECT public.responses(a OPERATOR(public.+) a) FROM (VALUES (public.nps_from_counts(5, 3, 2))) w(a)) AS doubled
FROM (VALUES (public.nps_from_counts(5, 3, 2)), (public.nps_from_counts(1, 1, 1))) v(s);

RESET search_path;
SET search_path = search_path_hostile, public;
-- nothing of the hostile schema ran
SELECT count(*) AS hostile_calls FROM search_path_hostile.calls;
-- and the results are the same (compared with pg_catalog's operators)
SELECT (SELECT count(*) FROM expected) AS rows,
       (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM got) x) AS missing,
       (SELECT count(*) FROM (SELECT * FROM got EXCEPT SELECT * FROM expected) x) AS extra;
SELECT (SELECT count(*) FROM expected_scalar) AS rows,
       (SELECT count(*) FROM (SELECT * FROM expected_scalar EXCEPT SELECT * FROM got_scalar) x) AS missing,
       (SELECT count(*) FROM (SELECT * FROM got_scalar EXCEPT SELECT * FROM expected_scalar) x) AS extra;
-- NPS of 6 promoters, 4 passives, 3 detractors = 100 * 3 / 13 = 23.076923;
-- 10 + 10 responses
SELECT round(nps::numeric, 6) AS nps, doubled FROM got_c;
-- the figures themselves: 90 % Wilson intervals in percent, checked with
-- python3 (statistics.NormalDist().inv_cdf(0.95)) as fractions: 80/100 -> 0.7266961912 ..
-- 0.8574981763, 40/80 -> 0.4095663726 .. 0.5904336274, 20/80 -> 0.1794345787
-- .. 0.3369219032, 10/80 -> 0.0762061743 .. 0.1983285486, 20/40 ->
-- 0.3741494451 .. 0.6258505549, 10/20 -> 0.3274037679 .. 0.6725962321, 7/7 ->
-- 0.7212373045 .. 1, 0/3 -> 0 .. 0.4741955742
SELECT id, step, reached, conversion, round(conversion_lower::numeric, 8) AS conversion_lower,
       round(conversion_upper::numeric, 8) AS conversion_upper, step_conversion,
       round(step_conversion_lower::numeric, 8) AS step_lower, round(step_conversion_upper::numeric, 8) AS step_upper,
       drop_off
FROM expected ORDER BY id, step;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA search_path_hostile CASCADE;
RESET client_min_messages;
