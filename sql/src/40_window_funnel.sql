/* 40_window_funnel.sql: window_funnel, window_funnel_times and window_funnel_start (src/funnel*.c) */

/*
 * window_funnel: transition, combine, serialize and final functions shared by
 * every variant (timestamptz/timestamp, with and without a mode string).
 */
CREATE FUNCTION window_funnel_transfn(internal, interval, timestamptz, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamptz, VARIADIC "any") IS
'window_funnel transition function: collects the rows that match a step; the conditions must be boolean (checked once per call site)';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, VARIADIC "any") IS
'window_funnel transition function with a mode string';

CREATE FUNCTION window_funnel_transfn(internal, interval, timestamp, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamp, VARIADIC "any") IS
'window_funnel transition function (timestamp without time zone)';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamp, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamp, VARIADIC "any") IS
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

CREATE AGGREGATE window_funnel(interval, timestamptz, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamptz, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel(interval, timestamp, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamp, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel(interval, text, timestamp, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamp, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel_times(interval, timestamp, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamp, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

/*
 * window_funnel_start: the step-1 time of the chain that produced the level
 * window_funnel returns.  Same transition function, arguments, state and
 * support functions as window_funnel, and a read-only final function, so a
 * query using both keeps one state per group.
 */
CREATE FUNCTION window_funnel_start_finalfn(internal)
    RETURNS timestamptz AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_start_finalfn(internal) IS
'window_funnel_start final function (timestamptz): the step-1 time of the chain that reached the level, NULL for level 0';

CREATE FUNCTION window_funnel_start_ts_finalfn(internal)
    RETURNS timestamp AS 'MODULE_PATHNAME', 'window_funnel_start_finalfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_start_ts_finalfn(internal) IS
'window_funnel_start final function (timestamp without time zone): the step-1 time of the chain that reached the level, NULL for level 0';

CREATE AGGREGATE window_funnel_start(interval, timestamptz, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_start(interval, timestamptz, VARIADIC "any") IS
'Step-1 time of the chain that produced the level window_funnel returns (the entry time of the counted journey), NULL for level 0; same arguments as window_funnel, and shares its state when both are in one query';

CREATE AGGREGATE window_funnel_start(interval, timestamp, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_ts_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_start(interval, timestamp, VARIADIC "any") IS
'Step-1 time of the chain that produced the level window_funnel returns (the entry time of the counted journey), NULL for level 0; same arguments as window_funnel, and shares its state when both are in one query';

CREATE AGGREGATE window_funnel_start(interval, text, timestamptz, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_start(interval, text, timestamptz, VARIADIC "any") IS
'Step-1 time of the chain that produced the level window_funnel returns (the entry time of the counted journey), NULL for level 0; same arguments and modes as window_funnel, and shares its state when both are in one query';

CREATE AGGREGATE window_funnel_start(interval, text, timestamp, VARIADIC "any") (
    SFUNC = window_funnel_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_ts_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_start(interval, text, timestamp, VARIADIC "any") IS
'Step-1 time of the chain that produced the level window_funnel returns (the entry time of the counted journey), NULL for level 0; same arguments and modes as window_funnel, and shares its state when both are in one query';

/*
 * The support functions take and return internal states: they cannot be called
 * from SQL on their own, and the aggregates check EXECUTE on them as their
 * owner.  Revoked from PUBLIC all the same, like every aggregate's support
 * functions, so that no role can build an aggregate of its own around them.
 */
REVOKE EXECUTE ON FUNCTION window_funnel_combinefn(internal,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_deserialfn(bytea,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_finalfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_serialfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_start_finalfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_start_ts_finalfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_times_finalfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_transfn(internal,interval,text,timestamp with time zone,"any") FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_transfn(internal,interval,text,timestamp without time zone,"any") FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_transfn(internal,interval,timestamp with time zone,"any") FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_transfn(internal,interval,timestamp without time zone,"any") FROM PUBLIC;
