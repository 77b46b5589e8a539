/*
 * cjkpi--1.0--1.1.sql: update from 1.0 to 1.1.
 *
 * Every change of 1.1 against the released 1.0 script, in the order of the
 * pieces in sql/src that hold the same objects for a fresh install.
 * test/upgrade.test checks that 1.0 followed by this script gives exactly the
 * catalog of a fresh 1.1 install.
 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "ALTER EXTENSION cjkpi UPDATE TO '1.1'" to load this file. \quit

/* ---- window_funnel_start (issue 8 item 4) ---- */

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
