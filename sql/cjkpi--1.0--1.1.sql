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

/*
 * retention() support functions: they validate the bigint state they are
 * given, and PUBLIC no longer needs to call them (the aggregate runs them
 * with its owner's rights).
 */
REVOKE EXECUTE ON FUNCTION retention_transfn(bigint, boolean[]), retention_combinefn(bigint, bigint),
    retention_finalfn(bigint) FROM PUBLIC;

/*
 * retention_summary records its period length (format v2); 1.0 values, which
 * did not, still read (period unknown) and can be given their period.
 */
COMMENT ON FUNCTION retention_summary_in(cstring) IS
'retention_summary text input: v2;period_us=P;entities=E;eligible=...;active=...;on_or_after=..., or the 1.0 form v1;entities=E;... (period unknown)';
COMMENT ON TYPE retention_summary IS
'Mergeable cohort retention: the period length and, per period since first event, entities eligible (period fully elapsed), active in it, active in it or later';

CREATE FUNCTION retention_period(retention_summary) RETURNS interval
    AS 'MODULE_PATHNAME', 'retention_summary_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_period(retention_summary) IS
'Length of the periods (days and time); NULL for a summary stored by cjkpi 1.0, which did not record it';

CREATE FUNCTION retention_with_period(retention_summary, period interval) RETURNS retention_summary
    AS 'MODULE_PATHNAME', 'retention_summary_with_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_with_period(retention_summary, interval) IS
'The summary with its period length stated, so that a summary stored by cjkpi 1.0 merges with newer ones; a different known period is an error';

/*
 * funnel_summary, retention_summary, ttc_summary: equality, a total order on
 * the binary send form and hash support, so that DISTINCT, ORDER BY and
 * rollup(DISTINCT v) work on summary columns.
 */
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

/*
 * One name for every summary's merge support function, <type>_merge (like
 * nps_summary_merge and ttc_summary_merge): the aggregates keep using the
 * same function, now under its new name and C symbol.
 */
ALTER FUNCTION funnel_summary_rollup_transfn(funnel_summary, funnel_summary) RENAME TO funnel_summary_merge;
CREATE OR REPLACE FUNCTION funnel_summary_merge(funnel_summary, funnel_summary) RETURNS funnel_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
ALTER FUNCTION retention_summary_rollup_transfn(retention_summary, retention_summary) RENAME TO retention_summary_merge;
CREATE OR REPLACE FUNCTION retention_summary_merge(retention_summary, retention_summary) RETURNS retention_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

/* ttc_summary gets + like every other summary type */
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

/*
 * ttc_summary keeps the number of entities that entered the funnel (format
 * v2): time_to_convert_count(s, 1), converted_within(), and the quantiles as
 * intervals.
 */
COMMENT ON FUNCTION ttc_summary_in(cstring) IS
'ttc_summary text input: v2;steps=N;entered=E;s2=bucket:count,...;...;sN=..., or the 1.0 form v1;steps=N;s2=... (entered unknown)';
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
 * One unit rule: funnel conversions, their intervals and differences and
 * retention rates are in percent (0-100) and percentage points, like CSAT
 * and CES; the C functions changed, the comments say so.
 */
COMMENT ON FUNCTION conversion(funnel_summary, integer) IS
'Overall conversion to the step in percent (0-100): 100 * reached(step) / reached(1); NULL when nobody reached step 1';
COMMENT ON FUNCTION step_conversion(funnel_summary, integer) IS
'Step-to-step conversion in percent (0-100): 100 * reached(step) / reached(step - 1); for step 1 the entry rate 100 * reached(1) / entities';
COMMENT ON FUNCTION conversion_interval(funnel_summary, integer, double precision) IS
'Wilson score interval of conversion(step), in percent, at the given confidence (default 95 %)';
COMMENT ON FUNCTION step_conversion_interval(funnel_summary, integer, double precision) IS
'Wilson score interval of step_conversion(step), in percent, at the given confidence (default 95 %)';
COMMENT ON FUNCTION significance(funnel_summary, funnel_summary, integer) IS
'Pooled two-proportion z test of conversion(step) between a and b: difference a - b in percentage points, z, two-sided p-value';
COMMENT ON FUNCTION funnel_steps(funnel_summary, double precision) IS
'One row per step: reached, conversion from step 1, step-to-step conversion and their Wilson intervals (all in percent), drop-off (entities)';
COMMENT ON FUNCTION retention_periods(retention_summary) IS
'One row per period: eligible entities (period elapsed), active in the period (N-period retention) and in it or later (unbounded retention), with rates in percent';
