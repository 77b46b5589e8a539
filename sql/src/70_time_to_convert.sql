/* 70_time_to_convert.sql: ttc_summary: time to convert per step (src/funnel_ttc.c) */

/* ttc_summary: time to convert per step, log-scale histogram (1 % relative error) */
CREATE TYPE ttc_summary;

CREATE FUNCTION ttc_summary_in(cstring) RETURNS ttc_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_in(cstring) IS
'ttc_summary text input: v2;steps=N;entered=E;s2=bucket:count,...;...;sN=..., or the 1.0 form v1;steps=N;s2=... (entered unknown)';

CREATE FUNCTION ttc_summary_out(ttc_summary) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_out(ttc_summary) IS
'ttc_summary text output';

CREATE FUNCTION ttc_summary_recv(internal) RETURNS ttc_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_recv(internal) IS
'ttc_summary binary input, with the same checks as text input';

CREATE FUNCTION ttc_summary_send(ttc_summary) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_send(ttc_summary) IS
'ttc_summary binary output';

CREATE TYPE ttc_summary (
    INPUT = ttc_summary_in,
    OUTPUT = ttc_summary_out,
    RECEIVE = ttc_summary_recv,
    SEND = ttc_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE ttc_summary IS
'Mergeable time-to-convert summary: per funnel step, a logarithmic histogram of seconds from step 1; percentiles within 1 % relative error';

CREATE FUNCTION ttc_agg_transfn(ttc_summary, double precision[]) RETURNS ttc_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ttc_agg_transfn(ttc_summary, double precision[]) IS
'time_to_convert_agg transition function (the summary is the state)';

CREATE FUNCTION ttc_summary_merge(ttc_summary, ttc_summary) RETURNS ttc_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_merge(ttc_summary, ttc_summary) IS
'Merges two time-to-convert summaries (NULL is skipped): rollup(ttc_summary) transition and the combine function of both aggregates';

CREATE AGGREGATE time_to_convert_agg(times double precision[]) (
    SFUNC = ttc_agg_transfn,
    STYPE = ttc_summary,
    COMBINEFUNC = ttc_summary_merge,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE time_to_convert_agg(double precision[]) IS
'Time-to-convert summary of per-entity step times in seconds (window_funnel_times output); NULL arrays and elements are skipped';

CREATE AGGREGATE rollup(ttc_summary) (
    SFUNC = ttc_summary_merge,
    STYPE = ttc_summary,
    COMBINEFUNC = ttc_summary_merge,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(ttc_summary) IS
'Merges time-to-convert summaries; NULLs skipped, NULL for no rows';

CREATE FUNCTION ttc_summary_add(ttc_summary, ttc_summary) RETURNS ttc_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_add(ttc_summary, ttc_summary) IS
'Merges two time-to-convert summaries (adds their bucket counts); implements +';

CREATE OPERATOR + (
    LEFTARG = ttc_summary,
    RIGHTARG = ttc_summary,
    FUNCTION = ttc_summary_add,
    COMMUTATOR = +
);
COMMENT ON OPERATOR + (ttc_summary, ttc_summary) IS
'Merges two time-to-convert summaries';

CREATE FUNCTION time_to_convert(ttc_summary, step integer, quantile double precision DEFAULT 0.5)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ttc_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION time_to_convert(ttc_summary, integer, double precision) IS
'Seconds from step 1 to the step at the quantile (default median, nearest rank), within 1 % relative error (times under 1 ms read 0); NULL if nobody reached the step';

CREATE FUNCTION time_to_convert_count(ttc_summary, step integer) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ttc_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION time_to_convert_count(ttc_summary, integer) IS
'Entities with a time for the step; for step 1 the entities that entered the funnel (NULL for a summary stored by cjkpi 1.0)';

CREATE FUNCTION time_to_convert_interval(ttc_summary, step integer, quantile double precision DEFAULT 0.5)
    RETURNS interval
    AS 'MODULE_PATHNAME', 'ttc_quantile_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION time_to_convert_interval(ttc_summary, integer, double precision) IS
'time_to_convert() as an interval (days and time, to the microsecond): the time from step 1 to the step at the quantile (default median), within 1 % relative error; NULL if nobody reached the step';

CREATE FUNCTION converted_within(ttc_summary, step integer, within interval) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ttc_converted_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION converted_within(ttc_summary, integer, interval) IS
'Percent (0-100) of the entities that entered the funnel that reached the step within the given time of step 1 (at bucket resolution: up to 2 % slower may count); NULL if the entered count is unknown (1.0 value) or nobody entered';

/*
 * ttc_summary: equality and a total order on the binary send form (byte order,
 * shorter first), for DISTINCT, ORDER BY, rollup(DISTINCT v), GROUP BY,
 * UNION, merge and hash joins and indexes; the order means nothing more.
 */
CREATE FUNCTION ttc_summary_cmp(ttc_summary, ttc_summary) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_cmp(ttc_summary, ttc_summary) IS
'Btree comparison of two ttc_summary values: -1, 0 or 1 in the byte order of their binary send form (a total order with no KPI meaning)';
CREATE FUNCTION ttc_summary_eq(ttc_summary, ttc_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_eq(ttc_summary, ttc_summary) IS
'True if two ttc_summary values are equal (same step count and bucket counts); implements =';
CREATE FUNCTION ttc_summary_ne(ttc_summary, ttc_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_ne(ttc_summary, ttc_summary) IS
'Negation of ttc_summary_eq; implements <>';
CREATE FUNCTION ttc_summary_lt(ttc_summary, ttc_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_lt(ttc_summary, ttc_summary) IS
'Implements < of the total order of ttc_summary (byte order of the send form)';
CREATE FUNCTION ttc_summary_le(ttc_summary, ttc_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_le(ttc_summary, ttc_summary) IS
'Implements <= of the total order of ttc_summary (byte order of the send form)';
CREATE FUNCTION ttc_summary_gt(ttc_summary, ttc_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_gt(ttc_summary, ttc_summary) IS
'Implements > of the total order of ttc_summary (byte order of the send form)';
CREATE FUNCTION ttc_summary_ge(ttc_summary, ttc_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_ge(ttc_summary, ttc_summary) IS
'Implements >= of the total order of ttc_summary (byte order of the send form)';
CREATE FUNCTION ttc_summary_hash(ttc_summary) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_hash(ttc_summary) IS
'Hash of a ttc_summary value (of its binary send form), for hash joins, DISTINCT, UNION and GROUP BY';
CREATE OPERATOR = (
    LEFTARG = ttc_summary, RIGHTARG = ttc_summary, FUNCTION = ttc_summary_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR = (ttc_summary, ttc_summary) IS
'Equal ttc_summary values (same step count and bucket counts)';
CREATE OPERATOR <> (
    LEFTARG = ttc_summary, RIGHTARG = ttc_summary, FUNCTION = ttc_summary_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (ttc_summary, ttc_summary) IS
'Different ttc_summary values';
CREATE OPERATOR < (
    LEFTARG = ttc_summary, RIGHTARG = ttc_summary, FUNCTION = ttc_summary_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (ttc_summary, ttc_summary) IS
'Sorts before, in the total order of ttc_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR <= (
    LEFTARG = ttc_summary, RIGHTARG = ttc_summary, FUNCTION = ttc_summary_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (ttc_summary, ttc_summary) IS
'Sorts before or equal, in the total order of ttc_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR > (
    LEFTARG = ttc_summary, RIGHTARG = ttc_summary, FUNCTION = ttc_summary_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (ttc_summary, ttc_summary) IS
'Sorts after, in the total order of ttc_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR >= (
    LEFTARG = ttc_summary, RIGHTARG = ttc_summary, FUNCTION = ttc_summary_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (ttc_summary, ttc_summary) IS
'Sorts after or equal, in the total order of ttc_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR CLASS ttc_summary_ops DEFAULT FOR TYPE ttc_summary USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 ttc_summary_cmp(ttc_summary, ttc_summary);
COMMENT ON OPERATOR CLASS ttc_summary_ops USING btree IS
'Total order of ttc_summary values: the byte order of their binary send form, with no KPI meaning (for DISTINCT, ORDER BY, merge joins, indexes)';
CREATE OPERATOR CLASS ttc_summary_hash_ops DEFAULT FOR TYPE ttc_summary USING hash AS
    OPERATOR 1 =,
    FUNCTION 1 ttc_summary_hash(ttc_summary);
COMMENT ON OPERATOR CLASS ttc_summary_hash_ops USING hash IS
'Hash equality of ttc_summary values';

/* Support functions of the aggregates: not executable by PUBLIC (the aggregates check EXECUTE as their owner). */
REVOKE EXECUTE ON FUNCTION ttc_agg_transfn(ttc_summary, double precision[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ttc_summary_merge(ttc_summary, ttc_summary) FROM PUBLIC;
