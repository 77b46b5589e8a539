/* 47_sequence_next_node.sql: sequence_next_node (src/sequence_next.c) */

CREATE FUNCTION sequence_next_node_transfn(internal, text, text, timestamptz, text, boolean, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'sequence_next_node_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_transfn(internal, text, text, timestamptz, text, boolean, VARIADIC "any") IS
'sequence_next_node transition function: keeps every row with its value and conditions';

CREATE FUNCTION sequence_next_node_transfn(internal, text, text, timestamp, text, boolean, VARIADIC "any")
    RETURNS internal AS 'MODULE_PATHNAME', 'sequence_next_node_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_transfn(internal, text, text, timestamp, text, boolean, VARIADIC "any") IS
'sequence_next_node transition function (timestamp without time zone)';

CREATE FUNCTION sequence_next_node_combinefn(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_combinefn(internal, internal) IS
'sequence_next_node combine function: merges two partial states';

CREATE FUNCTION sequence_next_node_serialfn(internal)
    RETURNS bytea AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_serialfn(internal) IS
'sequence_next_node serialization function for parallel workers';

CREATE FUNCTION sequence_next_node_deserialfn(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_deserialfn(bytea, internal) IS
'sequence_next_node deserialization function for parallel workers';

CREATE FUNCTION sequence_next_node_finalfn(internal)
    RETURNS text AS 'MODULE_PATHNAME'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_finalfn(internal) IS
'sequence_next_node final function: the value after (or before) the chain, NULL if none';

CREATE AGGREGATE sequence_next_node(text, text, timestamptz, text, boolean, VARIADIC "any") (
    SFUNC = sequence_next_node_transfn,
    STYPE = internal,
    FINALFUNC = sequence_next_node_finalfn,
    COMBINEFUNC = sequence_next_node_combinefn,
    SERIALFUNC = sequence_next_node_serialfn,
    DESERIALFUNC = sequence_next_node_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_next_node(text, text, timestamptz, text, boolean, VARIADIC "any") IS
'ClickHouse sequenceNextNode(direction, base)(ts, event_column, base_condition, event1, ...): the event_column value of the row after (forward) or before (backward) the chain event1, event2, ... that starts at the base row (head, tail, first_match, last_match; it must match base_condition and event1); NULL if none; rows ordered by (ts, value, conditions)';

CREATE AGGREGATE sequence_next_node(text, text, timestamp, text, boolean, VARIADIC "any") (
    SFUNC = sequence_next_node_transfn,
    STYPE = internal,
    FINALFUNC = sequence_next_node_finalfn,
    COMBINEFUNC = sequence_next_node_combinefn,
    SERIALFUNC = sequence_next_node_serialfn,
    DESERIALFUNC = sequence_next_node_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_next_node(text, text, timestamp, text, boolean, VARIADIC "any") IS
'ClickHouse sequenceNextNode(direction, base)(ts, event_column, base_condition, event1, ...) over timestamp without time zone: the event_column value of the row after (forward) or before (backward) the chain from the base row; NULL if none';

/* support functions: not executable by PUBLIC, like every aggregate's */
REVOKE EXECUTE ON FUNCTION sequence_next_node_transfn(internal,text,text,timestamp with time zone,text,boolean,"any") FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_next_node_transfn(internal,text,text,timestamp without time zone,text,boolean,"any") FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_next_node_combinefn(internal,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_next_node_serialfn(internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_next_node_deserialfn(bytea,internal) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sequence_next_node_finalfn(internal) FROM PUBLIC;
