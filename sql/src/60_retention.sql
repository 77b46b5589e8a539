/* 60_retention.sql: retention and retention_summary: cohort retention (src/retention.c) */

/* retention(VARIADIC boolean[]): ClickHouse's retention aggregate */
CREATE FUNCTION retention_transfn(bigint, boolean[]) RETURNS bigint
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION retention_transfn(bigint, boolean[]) IS
'retention transition function: ORs in the conditions true on a row';

CREATE FUNCTION retention_combinefn(bigint, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_combinefn(bigint, bigint) IS
'retention combine function';

CREATE FUNCTION retention_finalfn(bigint) RETURNS boolean[]
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_finalfn(bigint) IS
'retention final function';

CREATE AGGREGATE retention(VARIADIC boolean[]) (
    SFUNC = retention_transfn,
    STYPE = bigint,
    INITCOND = '0',
    FINALFUNC = retention_finalfn,
    COMBINEFUNC = retention_combinefn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE retention(VARIADIC boolean[]) IS
'ClickHouse retention: r[1] = cond1 true on some row, r[i] = cond1 and cond_i each true on some row; NULL counts as false';

/* the aggregate calls its support functions with its owner's rights; users need not */
REVOKE EXECUTE ON FUNCTION retention_transfn(bigint, boolean[]), retention_combinefn(bigint, bigint),
    retention_finalfn(bigint) FROM PUBLIC;

/* retention_summary: cohort retention by period since each entity's first event */
CREATE TYPE retention_summary;

CREATE FUNCTION retention_summary_in(cstring) RETURNS retention_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_in(cstring) IS
'retention_summary text input: v2;period_us=P;entities=E;eligible=...;active=...;on_or_after=..., or the 1.0 form v1;entities=E;... (period unknown)';

CREATE FUNCTION retention_summary_out(retention_summary) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_out(retention_summary) IS
'retention_summary text output';

CREATE FUNCTION retention_summary_recv(internal) RETURNS retention_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_recv(internal) IS
'retention_summary binary input, with the same checks as text input';

CREATE FUNCTION retention_summary_send(retention_summary) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_send(retention_summary) IS
'retention_summary binary output';

CREATE TYPE retention_summary (
    INPUT = retention_summary_in,
    OUTPUT = retention_summary_out,
    RECEIVE = retention_summary_recv,
    SEND = retention_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE retention_summary IS
'Mergeable cohort retention: the period length and, per period since first event, entities eligible (period fully elapsed), active in it, active in it or later';

CREATE FUNCTION retention_agg_transfn(retention_summary, timestamptz, timestamptz[], interval, integer, timestamptz)
    RETURNS retention_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION retention_agg_transfn(retention_summary, timestamptz, timestamptz[], interval, integer, timestamptz) IS
'retention_agg transition function: counts one entity';

CREATE FUNCTION retention_summary_merge(retention_summary, retention_summary) RETURNS retention_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_merge(retention_summary, retention_summary) IS
'Merges one retention_summary into another (rollup transition and combine function)';

CREATE AGGREGATE retention_agg(first_at timestamptz, activity timestamptz[], period interval,
                               periods integer, as_of timestamptz) (
    SFUNC = retention_agg_transfn,
    STYPE = retention_summary,
    COMBINEFUNC = retention_summary_merge,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE retention_agg(timestamptz, timestamptz[], interval, integer, timestamptz) IS
'Cohort retention over one row per entity (first event, activity times): periods 0..periods-1 of fixed length from the first event; an entity counts for a period only once it has fully elapsed at as_of';

CREATE AGGREGATE rollup(retention_summary) (
    SFUNC = retention_summary_merge,
    STYPE = retention_summary,
    COMBINEFUNC = retention_summary_merge,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(retention_summary) IS
'Merges retention summaries with the same number of periods (the weighted mean across cohorts)';

CREATE FUNCTION retention_summary_add(retention_summary, retention_summary) RETURNS retention_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_add(retention_summary, retention_summary) IS
'Merges two retention summaries with the same number of periods';

CREATE OPERATOR + (
    LEFTARG = retention_summary,
    RIGHTARG = retention_summary,
    FUNCTION = retention_summary_add,
    COMMUTATOR = +
);
COMMENT ON OPERATOR + (retention_summary, retention_summary) IS
'Merges two retention summaries';

CREATE FUNCTION entities(retention_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'retention_summary_entities' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION entities(retention_summary) IS
'Entities counted (the cohort size)';

CREATE FUNCTION retention_periods(retention_summary,
                                  OUT period integer, OUT eligible bigint, OUT active bigint,
                                  OUT rate double precision, OUT on_or_after bigint,
                                  OUT rate_on_or_after double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'retention_summary_periods' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_periods(retention_summary) IS
'One row per period: eligible entities (period elapsed), active in the period (N-period retention) and in it or later (unbounded retention), with rates in percent';

CREATE FUNCTION retention_period(retention_summary) RETURNS interval
    AS 'MODULE_PATHNAME', 'retention_summary_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_period(retention_summary) IS
'Length of the periods (days and time); NULL for a summary stored by cjkpi 1.0, which did not record it';

CREATE FUNCTION retention_with_period(retention_summary, period interval) RETURNS retention_summary
    AS 'MODULE_PATHNAME', 'retention_summary_with_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_with_period(retention_summary, interval) IS
'The summary with its period length stated, so that a summary stored by cjkpi 1.0 merges with newer ones; a different known period is an error';

/*
 * retention_summary: equality and a total order on the binary send form (byte order,
 * shorter first), for DISTINCT, ORDER BY, rollup(DISTINCT v), GROUP BY,
 * UNION, merge and hash joins and indexes; the order means nothing more.
 */
CREATE FUNCTION retention_summary_cmp(retention_summary, retention_summary) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_cmp(retention_summary, retention_summary) IS
'Btree comparison of two retention_summary values: -1, 0 or 1 in the byte order of their binary send form (a total order with no KPI meaning)';
CREATE FUNCTION retention_summary_eq(retention_summary, retention_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_eq(retention_summary, retention_summary) IS
'True if two retention_summary values are equal (same period, period count and counts); implements =';
CREATE FUNCTION retention_summary_ne(retention_summary, retention_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_ne(retention_summary, retention_summary) IS
'Negation of retention_summary_eq; implements <>';
CREATE FUNCTION retention_summary_lt(retention_summary, retention_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_lt(retention_summary, retention_summary) IS
'Implements < of the total order of retention_summary (byte order of the send form)';
CREATE FUNCTION retention_summary_le(retention_summary, retention_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_le(retention_summary, retention_summary) IS
'Implements <= of the total order of retention_summary (byte order of the send form)';
CREATE FUNCTION retention_summary_gt(retention_summary, retention_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_gt(retention_summary, retention_summary) IS
'Implements > of the total order of retention_summary (byte order of the send form)';
CREATE FUNCTION retention_summary_ge(retention_summary, retention_summary) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_ge(retention_summary, retention_summary) IS
'Implements >= of the total order of retention_summary (byte order of the send form)';
CREATE FUNCTION retention_summary_hash(retention_summary) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_hash(retention_summary) IS
'Hash of a retention_summary value (of its binary send form), for hash joins, DISTINCT, UNION and GROUP BY';
CREATE OPERATOR = (
    LEFTARG = retention_summary, RIGHTARG = retention_summary, FUNCTION = retention_summary_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR = (retention_summary, retention_summary) IS
'Equal retention_summary values (same period, period count and counts)';
CREATE OPERATOR <> (
    LEFTARG = retention_summary, RIGHTARG = retention_summary, FUNCTION = retention_summary_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (retention_summary, retention_summary) IS
'Different retention_summary values';
CREATE OPERATOR < (
    LEFTARG = retention_summary, RIGHTARG = retention_summary, FUNCTION = retention_summary_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (retention_summary, retention_summary) IS
'Sorts before, in the total order of retention_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR <= (
    LEFTARG = retention_summary, RIGHTARG = retention_summary, FUNCTION = retention_summary_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (retention_summary, retention_summary) IS
'Sorts before or equal, in the total order of retention_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR > (
    LEFTARG = retention_summary, RIGHTARG = retention_summary, FUNCTION = retention_summary_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (retention_summary, retention_summary) IS
'Sorts after, in the total order of retention_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR >= (
    LEFTARG = retention_summary, RIGHTARG = retention_summary, FUNCTION = retention_summary_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (retention_summary, retention_summary) IS
'Sorts after or equal, in the total order of retention_summary (byte order of the send form; no KPI meaning)';
CREATE OPERATOR CLASS retention_summary_ops DEFAULT FOR TYPE retention_summary USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 retention_summary_cmp(retention_summary, retention_summary);
COMMENT ON OPERATOR CLASS retention_summary_ops USING btree IS
'Total order of retention_summary values: the byte order of their binary send form, with no KPI meaning (for DISTINCT, ORDER BY, merge joins, indexes)';
CREATE OPERATOR CLASS retention_summary_hash_ops DEFAULT FOR TYPE retention_summary USING hash AS
    OPERATOR 1 =,
    FUNCTION 1 retention_summary_hash(retention_summary);
COMMENT ON OPERATOR CLASS retention_summary_hash_ops USING hash IS
'Hash equality of retention_summary values';

/* Support functions of the aggregates: not executable by PUBLIC (the aggregates check EXECUTE as their owner). */
REVOKE EXECUTE ON FUNCTION retention_agg_transfn(retention_summary, timestamptz, timestamptz[], interval, integer, timestamptz) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION retention_summary_merge(retention_summary, retention_summary) FROM PUBLIC;
