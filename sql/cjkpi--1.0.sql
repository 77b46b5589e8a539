/* cjkpi--1.0.sql: customer-journey KPIs */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION cjkpi" to load this file. \quit

/* ---- survey KPIs: NPS, CSAT, CES (src/survey*.c) ---- */

/* ---- end of survey KPIs ---- */

/* ---- funnels and retention (src/funnel*.c, src/retention.c) ---- */

-- window_funnel: transition, combine, serialize and final functions shared by
-- every variant (timestamptz/timestamp, with and without a mode string).
CREATE FUNCTION window_funnel_transfn(internal, interval, timestamptz, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamptz, boolean[]) IS
'window_funnel transition function: collects the rows that match a step';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, boolean[]) IS
'window_funnel transition function with a mode string';

CREATE FUNCTION window_funnel_transfn(internal, interval, timestamp, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamp, boolean[]) IS
'window_funnel transition function (timestamp without time zone)';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamp, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamp, boolean[]) IS
'window_funnel transition function with a mode string (timestamp without time zone)';

CREATE FUNCTION window_funnel_combinefn(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_combinefn(internal, internal) IS
'window_funnel combine function: merges two partial states';

CREATE FUNCTION window_funnel_serialfn(internal)
RETURNS bytea AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_serialfn(internal) IS
'window_funnel serialization function for parallel workers';

CREATE FUNCTION window_funnel_deserialfn(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_deserialfn(bytea, internal) IS
'window_funnel deserialization function for parallel workers';

CREATE FUNCTION window_funnel_finalfn(internal)
RETURNS integer AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_finalfn(internal) IS
'window_funnel final function: the highest step reached';

CREATE FUNCTION window_funnel_times_finalfn(internal)
RETURNS double precision[] AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_times_finalfn(internal) IS
'window_funnel_times final function: seconds from step 1 to each step reached';

CREATE AGGREGATE window_funnel(interval, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamptz, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics';

CREATE AGGREGATE window_funnel(interval, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamp, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics';

CREATE AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude';

CREATE AGGREGATE window_funnel(interval, text, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamp, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude';

CREATE AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level';

CREATE AGGREGATE window_funnel_times(interval, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamp, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level';

CREATE AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude';

CREATE AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude';


/* ---- end of funnels and retention ---- */
