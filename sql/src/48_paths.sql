/* 48_paths.sql: journey_path and sessionize (src/journey_path.c) */

CREATE FUNCTION journey_path_transfn(internal, timestamptz, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'journey_path_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_transfn(internal, timestamptz, text) IS
'journey_path transition function: collects the (timestamp, step) rows';

CREATE FUNCTION journey_path_transfn(internal, timestamptz, text, integer)
    RETURNS internal AS 'MODULE_PATHNAME', 'journey_path_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_transfn(internal, timestamptz, text, integer) IS
'journey_path transition function with max_steps: collects the (timestamp, step) rows';

CREATE FUNCTION journey_path_transfn(internal, timestamp, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'journey_path_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_transfn(internal, timestamp, text) IS
'journey_path transition function (timestamp without time zone): collects the (timestamp, step) rows';

CREATE FUNCTION journey_path_transfn(internal, timestamp, text, integer)
    RETURNS internal AS 'MODULE_PATHNAME', 'journey_path_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_transfn(internal, timestamp, text, integer) IS
'journey_path transition function with max_steps (timestamp without time zone): collects the (timestamp, step) rows';

CREATE FUNCTION journey_path_combinefn(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_combinefn(internal, internal) IS
'journey_path combine function: merges two partial states';

CREATE FUNCTION journey_path_serialfn(internal)
    RETURNS bytea AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_serialfn(internal) IS
'journey_path serialization function for parallel workers';

CREATE FUNCTION journey_path_deserialfn(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_deserialfn(bytea, internal) IS
'journey_path deserialization function for parallel workers';

CREATE FUNCTION journey_path_finalfn(internal)
    RETURNS text[] AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION journey_path_finalfn(internal) IS
'journey_path final function: the ordered steps with consecutive repeats collapsed';

CREATE AGGREGATE journey_path(timestamptz, text) (
    SFUNC = journey_path_transfn,
    STYPE = internal,
    FINALFUNC = journey_path_finalfn,
    COMBINEFUNC = journey_path_combinefn,
    SERIALFUNC = journey_path_serialfn,
    DESERIALFUNC = journey_path_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE journey_path(timestamptz, text) IS
'The entity''s steps in timestamp order (ties by step), consecutive repeats collapsed; NULL timestamps and steps are skipped; {} for no rows';

CREATE AGGREGATE journey_path(timestamptz, text, integer) (
    SFUNC = journey_path_transfn,
    STYPE = internal,
    FINALFUNC = journey_path_finalfn,
    COMBINEFUNC = journey_path_combinefn,
    SERIALFUNC = journey_path_serialfn,
    DESERIALFUNC = journey_path_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE journey_path(timestamptz, text, integer) IS
'The entity''s steps in timestamp order (ties by step), consecutive repeats collapsed, the first max_steps of them; NULL timestamps and steps are skipped; {} for no rows';

CREATE AGGREGATE journey_path(timestamp, text) (
    SFUNC = journey_path_transfn,
    STYPE = internal,
    FINALFUNC = journey_path_finalfn,
    COMBINEFUNC = journey_path_combinefn,
    SERIALFUNC = journey_path_serialfn,
    DESERIALFUNC = journey_path_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE journey_path(timestamp, text) IS
'The entity''s steps in timestamp order (ties by step), consecutive repeats collapsed; NULL timestamps and steps are skipped; {} for no rows';

CREATE AGGREGATE journey_path(timestamp, text, integer) (
    SFUNC = journey_path_transfn,
    STYPE = internal,
    FINALFUNC = journey_path_finalfn,
    COMBINEFUNC = journey_path_combinefn,
    SERIALFUNC = journey_path_serialfn,
    DESERIALFUNC = journey_path_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE journey_path(timestamp, text, integer) IS
'The entity''s steps in timestamp order (ties by step), consecutive repeats collapsed, the first max_steps of them; NULL timestamps and steps are skipped; {} for no rows';

CREATE FUNCTION sessionize(timestamptz, interval)
    RETURNS bigint AS 'MODULE_PATHNAME', 'sessionize'
    LANGUAGE C IMMUTABLE PARALLEL SAFE WINDOW;
COMMENT ON FUNCTION sessionize(timestamptz, interval) IS
'Window function, OVER (PARTITION BY entity ORDER BY ts): the session number of each row from 1; a new session starts when a row comes more than gap after the previous one; NULL for a NULL timestamp';

CREATE FUNCTION sessionize(timestamp, interval)
    RETURNS bigint AS 'MODULE_PATHNAME', 'sessionize'
    LANGUAGE C IMMUTABLE PARALLEL SAFE WINDOW;
COMMENT ON FUNCTION sessionize(timestamp, interval) IS
'Window function, OVER (PARTITION BY entity ORDER BY ts): the session number of each row from 1; a new session starts when a row comes more than gap after the previous one; NULL for a NULL timestamp';

/* support functions: not executable by PUBLIC, like every aggregate's */
REVOKE EXECUTE ON FUNCTION journey_path_transfn(internal,timestamp with time zone,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION journey_path_transfn(internal,timestamp with time zone,text,integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION journey_path_transfn(internal,timestamp without time zone,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION journey_path_transfn(internal,timestamp without time zone,text,integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION journey_path_combinefn(internal,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION journey_path_serialfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION journey_path_deserialfn(bytea,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION journey_path_finalfn(internal) FROM PUBLIC;
