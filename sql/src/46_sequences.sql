/* 46_sequences.sql: sequence_match, sequence_count, sequence_match_events (src/sequence*.c) */

/*
 * One transition function, state and set of support functions for every
 * sequence aggregate; the state is the entity's rows that match some
 * condition (a funnel event log), matched against the pattern at the end.
 */

CREATE FUNCTION sequence_transfn(internal, text, timestamptz, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'sequence_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_transfn(internal, text, timestamptz, VARIADIC "any") IS
'sequence aggregates transition function: collects the rows that match some condition; the pattern is checked once per call site';

CREATE FUNCTION sequence_transfn(internal, text, timestamp, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'sequence_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_transfn(internal, text, timestamp, VARIADIC "any") IS
'sequence aggregates transition function (timestamp without time zone): collects the rows that match some condition; the pattern is checked once per call site';

CREATE FUNCTION sequence_combinefn(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_combinefn(internal, internal) IS
'sequence aggregates combine function: merges two partial states';

CREATE FUNCTION sequence_serialfn(internal)
    RETURNS bytea AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_serialfn(internal) IS
'sequence aggregates serialization function for parallel workers';

CREATE FUNCTION sequence_deserialfn(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_deserialfn(bytea, internal) IS
'sequence aggregates deserialization function for parallel workers';

CREATE FUNCTION sequence_match_finalfn(internal)
    RETURNS boolean AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_match_finalfn(internal) IS
'sequence_match final function: whether the pattern matches';

CREATE FUNCTION sequence_count_finalfn(internal)
    RETURNS bigint AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_count_finalfn(internal) IS
'sequence_count final function: the number of non-overlapping matches';

CREATE FUNCTION sequence_match_events_finalfn(internal)
    RETURNS timestamptz[] AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_match_events_finalfn(internal) IS
'sequence_match_events final function (timestamptz): the times of the (?N) atoms of the first match or of the longest matched prefix';

CREATE FUNCTION sequence_match_events_ts_finalfn(internal)
    RETURNS timestamp[] AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_match_events_ts_finalfn(internal) IS
'sequence_match_events final function (timestamp without time zone): the times of the (?N) atoms of the first match or of the longest matched prefix';

CREATE AGGREGATE sequence_match(text, timestamptz, VARIADIC "any") (
    SFUNC = sequence_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = sequence_match_finalfn,
    COMBINEFUNC = sequence_combinefn,
    SERIALFUNC = sequence_serialfn,
    DESERIALFUNC = sequence_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_match(text, timestamptz, VARIADIC "any") IS
'Whether the entitys events contain a run matching the pattern (ClickHouse sequenceMatch); pattern atoms (?N), ., .*, (?t op seconds) with op < <= > >= == !=; only rows matching some condition are events; ties ordered by (timestamp, conditions matched)';

CREATE AGGREGATE sequence_match(text, timestamp, VARIADIC "any") (
    SFUNC = sequence_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = sequence_match_finalfn,
    COMBINEFUNC = sequence_combinefn,
    SERIALFUNC = sequence_serialfn,
    DESERIALFUNC = sequence_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_match(text, timestamp, VARIADIC "any") IS
'Whether the entitys events contain a run matching the pattern (ClickHouse sequenceMatch); pattern atoms (?N), ., .*, (?t op seconds) with op < <= > >= == !=; only rows matching some condition are events; ties ordered by (timestamp, conditions matched)';

CREATE AGGREGATE sequence_count(text, timestamptz, VARIADIC "any") (
    SFUNC = sequence_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = sequence_count_finalfn,
    COMBINEFUNC = sequence_combinefn,
    SERIALFUNC = sequence_serialfn,
    DESERIALFUNC = sequence_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_count(text, timestamptz, VARIADIC "any") IS
'Number of non-overlapping runs of the entitys events matching the pattern, the matches that end earliest (ClickHouse sequenceCount); pattern atoms (?N), ., .*, (?t op seconds) with op < <= > >= == !=; only rows matching some condition are events; ties ordered by (timestamp, conditions matched)';

CREATE AGGREGATE sequence_count(text, timestamp, VARIADIC "any") (
    SFUNC = sequence_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = sequence_count_finalfn,
    COMBINEFUNC = sequence_combinefn,
    SERIALFUNC = sequence_serialfn,
    DESERIALFUNC = sequence_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_count(text, timestamp, VARIADIC "any") IS
'Number of non-overlapping runs of the entitys events matching the pattern, the matches that end earliest (ClickHouse sequenceCount); pattern atoms (?N), ., .*, (?t op seconds) with op < <= > >= == !=; only rows matching some condition are events; ties ordered by (timestamp, conditions matched)';

CREATE AGGREGATE sequence_match_events(text, timestamptz, VARIADIC "any") (
    SFUNC = sequence_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = sequence_match_events_finalfn,
    COMBINEFUNC = sequence_combinefn,
    SERIALFUNC = sequence_serialfn,
    DESERIALFUNC = sequence_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_match_events(text, timestamptz, VARIADIC "any") IS
'Timestamps of the events matched by the (?N) atoms of the first match, or of the longest matched prefix of the pattern (ClickHouse sequenceMatchEvents); pattern atoms (?N), ., .*, (?t op seconds) with op < <= > >= == !=; only rows matching some condition are events; ties ordered by (timestamp, conditions matched)';

CREATE AGGREGATE sequence_match_events(text, timestamp, VARIADIC "any") (
    SFUNC = sequence_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = sequence_match_events_ts_finalfn,
    COMBINEFUNC = sequence_combinefn,
    SERIALFUNC = sequence_serialfn,
    DESERIALFUNC = sequence_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_match_events(text, timestamp, VARIADIC "any") IS
'Timestamps of the events matched by the (?N) atoms of the first match, or of the longest matched prefix of the pattern (ClickHouse sequenceMatchEvents); pattern atoms (?N), ., .*, (?t op seconds) with op < <= > >= == !=; only rows matching some condition are events; ties ordered by (timestamp, conditions matched)';

/* support functions: not executable by PUBLIC, like every aggregate's */
REVOKE EXECUTE ON FUNCTION sequence_transfn(internal,text,timestamp with time zone,"any") FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_transfn(internal,text,timestamp without time zone,"any") FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_combinefn(internal,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_serialfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_deserialfn(bytea,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_match_finalfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_count_finalfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_match_events_finalfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_match_events_ts_finalfn(internal) FROM PUBLIC;
