/* 50_funnel_summary.sql: funnel_summary: mergeable funnel counts (src/funnel_summary.c) */

/* funnel_summary: mergeable funnel counts ("reached at least step k") */
CREATE TYPE funnel_summary;

CREATE FUNCTION funnel_summary_in(cstring) RETURNS funnel_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_in(cstring) IS
'funnel_summary text input: v1;entities=E;reached=R1,...,Rn';

CREATE FUNCTION funnel_summary_out(funnel_summary) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_out(funnel_summary) IS
'funnel_summary text output: v1;entities=E;reached=R1,...,Rn';

CREATE FUNCTION funnel_summary_recv(internal) RETURNS funnel_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_recv(internal) IS
'funnel_summary binary input, with the same checks as text input';

CREATE FUNCTION funnel_summary_send(funnel_summary) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_send(funnel_summary) IS
'funnel_summary binary output';

CREATE TYPE funnel_summary (
    INPUT = funnel_summary_in,
    OUTPUT = funnel_summary_out,
    RECEIVE = funnel_summary_recv,
    SEND = funnel_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE funnel_summary IS
'Mergeable funnel summary: entities counted and how many reached at least each step; text form v1;entities=E;reached=R1,...,Rn';

CREATE FUNCTION funnel_agg_transfn(funnel_summary, integer, integer) RETURNS funnel_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION funnel_agg_transfn(funnel_summary, integer, integer) IS
'funnel_agg transition function: counts one entity at a level';

CREATE FUNCTION funnel_summary_merge(funnel_summary, funnel_summary) RETURNS funnel_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_merge(funnel_summary, funnel_summary) IS
'Merges one funnel_summary into another (rollup transition and combine function)';

CREATE AGGREGATE funnel_agg(level integer, steps integer) (
    SFUNC = funnel_agg_transfn,
    STYPE = funnel_summary,
    COMBINEFUNC = funnel_summary_merge,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE funnel_agg(integer, integer) IS
'Funnel summary of per-entity levels (0..steps, e.g. from window_funnel); NULL levels are skipped, no rows give NULL';

CREATE AGGREGATE rollup(funnel_summary) (
    SFUNC = funnel_summary_merge,
    STYPE = funnel_summary,
    COMBINEFUNC = funnel_summary_merge,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(funnel_summary) IS
'Merges funnel summaries of the same funnel (same number of steps)';

CREATE FUNCTION funnel_summary_add(funnel_summary, funnel_summary) RETURNS funnel_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_add(funnel_summary, funnel_summary) IS
'Merges two funnel summaries of the same funnel';

CREATE OPERATOR + (
    LEFTARG = funnel_summary,
    RIGHTARG = funnel_summary,
    FUNCTION = funnel_summary_add,
    COMMUTATOR = +
);
COMMENT ON OPERATOR + (funnel_summary, funnel_summary) IS
'Merges two funnel summaries of the same funnel';

CREATE FUNCTION step_count(funnel_summary) RETURNS integer
    AS 'MODULE_PATHNAME', 'funnel_summary_steps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION step_count(funnel_summary) IS
'Number of steps of the funnel';

CREATE FUNCTION entities(funnel_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'funnel_summary_entities' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION entities(funnel_summary) IS
'Entities counted, including those that never reached step 1 (level 0)';

CREATE FUNCTION reached(funnel_summary, step integer) RETURNS bigint
    AS 'MODULE_PATHNAME', 'funnel_summary_reached' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION reached(funnel_summary, integer) IS
'Entities that reached at least the given step (cumulative); step 0 gives all entities';

CREATE FUNCTION conversion(funnel_summary, step integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'funnel_summary_conversion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION conversion(funnel_summary, integer) IS
'Overall conversion to the step in percent (0-100): 100 * reached(step) / reached(1); NULL when nobody reached step 1';

CREATE FUNCTION step_conversion(funnel_summary, step integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'funnel_summary_step_conversion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION step_conversion(funnel_summary, integer) IS
'Step-to-step conversion in percent (0-100): 100 * reached(step) / reached(step - 1); for step 1 the entry rate 100 * reached(1) / entities';

CREATE FUNCTION drop_off(funnel_summary, step integer) RETURNS bigint
    AS 'MODULE_PATHNAME', 'funnel_summary_drop_off' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION drop_off(funnel_summary, integer) IS
'Entities that reached step - 1 but not the step: reached(step - 1) - reached(step)';

CREATE FUNCTION conversion_interval(funnel_summary, step integer, confidence double precision DEFAULT 0.95,
                                    OUT lower double precision, OUT upper double precision)
    RETURNS record
    AS 'MODULE_PATHNAME', 'funnel_summary_conversion_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION conversion_interval(funnel_summary, integer, double precision) IS
'Wilson score interval of conversion(step), in percent, at the given confidence (default 95 %)';

CREATE FUNCTION step_conversion_interval(funnel_summary, step integer, confidence double precision DEFAULT 0.95,
                                         OUT lower double precision, OUT upper double precision)
    RETURNS record
    AS 'MODULE_PATHNAME', 'funnel_summary_step_conversion_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION step_conversion_interval(funnel_summary, integer, double precision) IS
'Wilson score interval of step_conversion(step), in percent, at the given confidence (default 95 %)';

CREATE FUNCTION significance(a funnel_summary, b funnel_summary, step integer,
                             OUT difference double precision, OUT z double precision, OUT p_value double precision)
    RETURNS record
    AS 'MODULE_PATHNAME', 'funnel_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(funnel_summary, funnel_summary, integer) IS
'Pooled two-proportion z test of conversion(step) between a and b: difference a - b in percentage points, z, two-sided p-value';

CREATE FUNCTION funnel_steps(funnel_summary, confidence double precision DEFAULT 0.95,
                             OUT step integer, OUT reached bigint,
                             OUT conversion double precision,
                             OUT conversion_lower double precision, OUT conversion_upper double precision,
                             OUT step_conversion double precision,
                             OUT step_conversion_lower double precision, OUT step_conversion_upper double precision,
                             OUT drop_off bigint)
    RETURNS SETOF record
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
SELECT k, @extschema@.reached($1, k), @extschema@.conversion($1, k), ci.lower, ci.upper,
       @extschema@.step_conversion($1, k), sci.lower, sci.upper, @extschema@.drop_off($1, k)
FROM pg_catalog.generate_series(1, @extschema@.step_count($1)) AS k,
     LATERAL @extschema@.conversion_interval($1, k, $2) AS ci,
     LATERAL @extschema@.step_conversion_interval($1, k, $2) AS sci
ORDER BY k
$$;
COMMENT ON FUNCTION funnel_steps(funnel_summary, double precision) IS
'One row per step: reached, conversion from step 1, step-to-step conversion and their Wilson intervals (all in percent), drop-off (entities)';

/*
 * funnel_summary: equality and a total order on the binary send form (byte order,
 * shorter first), for DISTINCT, ORDER BY, rollup(DISTINCT v), GROUP BY,
 * UNION, merge and hash joins and indexes; the order means nothing more.
 */
CREATE FUNCTION funnel_summary_cmp(funnel_summary, funnel_summary) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_cmp(funnel_summary, funnel_summary) IS
'Btree comparison of two funnel_summary values: -1, 0 or 1 in the byte order of their binary send form (a total order with no KPI meaning)';
CREATE FUNCTION funnel_summary_eq(funnel_summary, funnel_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_eq(funnel_summary, funnel_summary) IS
'True if two funnel_summary values are equal (same step count and counts); implements =';
CREATE FUNCTION funnel_summary_ne(funnel_summary, funnel_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_ne(funnel_summary, funnel_summary) IS
'Negation of funnel_summary_eq; implements <>';
CREATE FUNCTION funnel_summary_lt(funnel_summary, funnel_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_lt(funnel_summary, funnel_summary) IS
'Implements < of the total order of funnel_summary (byte order of the send form)';
CREATE FUNCTION funnel_summary_le(funnel_summary, funnel_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_le(funnel_summary, funnel_summary) IS
'Implements <= of the total order of funnel_summary (byte order of the send form)';
CREATE FUNCTION funnel_summary_gt(funnel_summary, funnel_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_gt(funnel_summary, funnel_summary) IS
'Implements > of the total order of funnel_summary (byte order of the send form)';
CREATE FUNCTION funnel_summary_ge(funnel_summary, funnel_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_ge(funnel_summary, funnel_summary) IS
'Implements >= of the total order of funnel_summary (byte order of the send form)';
CREATE FUNCTION funnel_summary_hash(funnel_summary) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_hash(funnel_summary) IS
'Hash of a funnel_summary value (of its binary send form), for hash joins, DISTINCT, UNION and GROUP BY';
CREATE OPERATOR = (
    LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = funnel_summary_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR = (funnel_summary, funnel_summary) IS
'Equal funnel_summary values (same step count and counts)';
CREATE OPERATOR <> (
    LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = funnel_summary_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (funnel_summary, funnel_summary) IS
'Different funnel_summary values';
CREATE OPERATOR < (
    LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = funnel_summary_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (funnel_summary, funnel_summary) IS
'Sorts before, in the total order of funnel_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR <= (
    LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = funnel_summary_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (funnel_summary, funnel_summary) IS
'Sorts before or equal, in the total order of funnel_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR > (
    LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = funnel_summary_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (funnel_summary, funnel_summary) IS
'Sorts after, in the total order of funnel_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR >= (
    LEFTARG = funnel_summary, RIGHTARG = funnel_summary, FUNCTION = funnel_summary_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (funnel_summary, funnel_summary) IS
'Sorts after or equal, in the total order of funnel_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR CLASS funnel_summary_ops DEFAULT FOR TYPE funnel_summary USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 funnel_summary_cmp(funnel_summary, funnel_summary);
COMMENT ON OPERATOR CLASS funnel_summary_ops USING btree IS
'Total order of funnel_summary values: the byte order of their binary send form, with no KPI meaning (for DISTINCT, ORDER BY, merge joins, indexes)';
CREATE OPERATOR CLASS funnel_summary_hash_ops DEFAULT FOR TYPE funnel_summary USING hash AS
    OPERATOR 1 =,
    FUNCTION 1 funnel_summary_hash(funnel_summary);
COMMENT ON OPERATOR CLASS funnel_summary_hash_ops USING hash IS
'Hash equality of funnel_summary values';

/* Support functions of the aggregates: not executable by PUBLIC (the aggregates check EXECUTE as their owner). */
REVOKE EXECUTE ON FUNCTION funnel_agg_transfn(funnel_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION funnel_summary_merge(funnel_summary, funnel_summary) FROM PUBLIC;
