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

/* Survey summaries: a btree operator class (total order on the stored form) for sorting and sort-planned DISTINCT (issue 6, item 10) */

CREATE FUNCTION nps_summary_lt(nps_summary, nps_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_lt(nps_summary, nps_summary) IS 'True if the first nps summary sorts before the second (order of the stored form, not of the KPI); implements <';
CREATE FUNCTION nps_summary_le(nps_summary, nps_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_le(nps_summary, nps_summary) IS 'True if the first nps summary sorts before or equal to the second (order of the stored form, not of the KPI); implements <=';
CREATE FUNCTION nps_summary_gt(nps_summary, nps_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_gt(nps_summary, nps_summary) IS 'True if the first nps summary sorts after the second (order of the stored form, not of the KPI); implements >';
CREATE FUNCTION nps_summary_ge(nps_summary, nps_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_ge(nps_summary, nps_summary) IS 'True if the first nps summary sorts after or equal to the second (order of the stored form, not of the KPI); implements >=';
CREATE FUNCTION nps_summary_cmp(nps_summary, nps_summary) RETURNS integer
    AS 'MODULE_PATHNAME', 'kpi_summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_cmp(nps_summary, nps_summary) IS 'btree comparison of two nps summaries (-1, 0, 1) in the order of the stored form: scale, then each score''s count from the lowest, then flags';
CREATE OPERATOR < (
    LEFTARG = nps_summary, RIGHTARG = nps_summary, FUNCTION = nps_summary_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (nps_summary, nps_summary) IS 'Sorts before (order of the stored form, not of the KPI)';
CREATE OPERATOR <= (
    LEFTARG = nps_summary, RIGHTARG = nps_summary, FUNCTION = nps_summary_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (nps_summary, nps_summary) IS 'Sorts before or equal to (order of the stored form, not of the KPI)';
CREATE OPERATOR > (
    LEFTARG = nps_summary, RIGHTARG = nps_summary, FUNCTION = nps_summary_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (nps_summary, nps_summary) IS 'Sorts after (order of the stored form, not of the KPI)';
CREATE OPERATOR >= (
    LEFTARG = nps_summary, RIGHTARG = nps_summary, FUNCTION = nps_summary_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (nps_summary, nps_summary) IS 'Sorts after or equal to (order of the stored form, not of the KPI)';
CREATE OPERATOR CLASS nps_summary_btree_ops DEFAULT FOR TYPE nps_summary USING btree AS
    OPERATOR 1 < ,
    OPERATOR 2 <= ,
    OPERATOR 3 = ,
    OPERATOR 4 >= ,
    OPERATOR 5 > ,
    FUNCTION 1 nps_summary_cmp(nps_summary, nps_summary);
COMMENT ON OPERATOR CLASS nps_summary_btree_ops USING btree IS
    'Total order of nps summaries on their stored form (scale, then each score''s count from the lowest, then flags), with no KPI meaning: for sorting, DISTINCT, rollup(DISTINCT v) and btree indexes';
CREATE FUNCTION csat_summary_lt(csat_summary, csat_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_lt(csat_summary, csat_summary) IS 'True if the first csat summary sorts before the second (order of the stored form, not of the KPI); implements <';
CREATE FUNCTION csat_summary_le(csat_summary, csat_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_le(csat_summary, csat_summary) IS 'True if the first csat summary sorts before or equal to the second (order of the stored form, not of the KPI); implements <=';
CREATE FUNCTION csat_summary_gt(csat_summary, csat_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_gt(csat_summary, csat_summary) IS 'True if the first csat summary sorts after the second (order of the stored form, not of the KPI); implements >';
CREATE FUNCTION csat_summary_ge(csat_summary, csat_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_ge(csat_summary, csat_summary) IS 'True if the first csat summary sorts after or equal to the second (order of the stored form, not of the KPI); implements >=';
CREATE FUNCTION csat_summary_cmp(csat_summary, csat_summary) RETURNS integer
    AS 'MODULE_PATHNAME', 'kpi_summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_cmp(csat_summary, csat_summary) IS 'btree comparison of two csat summaries (-1, 0, 1) in the order of the stored form: scale, then each score''s count from the lowest, then flags';
CREATE OPERATOR < (
    LEFTARG = csat_summary, RIGHTARG = csat_summary, FUNCTION = csat_summary_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (csat_summary, csat_summary) IS 'Sorts before (order of the stored form, not of the KPI)';
CREATE OPERATOR <= (
    LEFTARG = csat_summary, RIGHTARG = csat_summary, FUNCTION = csat_summary_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (csat_summary, csat_summary) IS 'Sorts before or equal to (order of the stored form, not of the KPI)';
CREATE OPERATOR > (
    LEFTARG = csat_summary, RIGHTARG = csat_summary, FUNCTION = csat_summary_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (csat_summary, csat_summary) IS 'Sorts after (order of the stored form, not of the KPI)';
CREATE OPERATOR >= (
    LEFTARG = csat_summary, RIGHTARG = csat_summary, FUNCTION = csat_summary_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (csat_summary, csat_summary) IS 'Sorts after or equal to (order of the stored form, not of the KPI)';
CREATE OPERATOR CLASS csat_summary_btree_ops DEFAULT FOR TYPE csat_summary USING btree AS
    OPERATOR 1 < ,
    OPERATOR 2 <= ,
    OPERATOR 3 = ,
    OPERATOR 4 >= ,
    OPERATOR 5 > ,
    FUNCTION 1 csat_summary_cmp(csat_summary, csat_summary);
COMMENT ON OPERATOR CLASS csat_summary_btree_ops USING btree IS
    'Total order of csat summaries on their stored form (scale, then each score''s count from the lowest, then flags), with no KPI meaning: for sorting, DISTINCT, rollup(DISTINCT v) and btree indexes';
CREATE FUNCTION ces_summary_lt(ces_summary, ces_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_lt(ces_summary, ces_summary) IS 'True if the first ces summary sorts before the second (order of the stored form, not of the KPI); implements <';
CREATE FUNCTION ces_summary_le(ces_summary, ces_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_le(ces_summary, ces_summary) IS 'True if the first ces summary sorts before or equal to the second (order of the stored form, not of the KPI); implements <=';
CREATE FUNCTION ces_summary_gt(ces_summary, ces_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_gt(ces_summary, ces_summary) IS 'True if the first ces summary sorts after the second (order of the stored form, not of the KPI); implements >';
CREATE FUNCTION ces_summary_ge(ces_summary, ces_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_ge(ces_summary, ces_summary) IS 'True if the first ces summary sorts after or equal to the second (order of the stored form, not of the KPI); implements >=';
CREATE FUNCTION ces_summary_cmp(ces_summary, ces_summary) RETURNS integer
    AS 'MODULE_PATHNAME', 'kpi_summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_cmp(ces_summary, ces_summary) IS 'btree comparison of two ces summaries (-1, 0, 1) in the order of the stored form: scale, then each score''s count from the lowest, then flags';
CREATE OPERATOR < (
    LEFTARG = ces_summary, RIGHTARG = ces_summary, FUNCTION = ces_summary_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (ces_summary, ces_summary) IS 'Sorts before (order of the stored form, not of the KPI)';
CREATE OPERATOR <= (
    LEFTARG = ces_summary, RIGHTARG = ces_summary, FUNCTION = ces_summary_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (ces_summary, ces_summary) IS 'Sorts before or equal to (order of the stored form, not of the KPI)';
CREATE OPERATOR > (
    LEFTARG = ces_summary, RIGHTARG = ces_summary, FUNCTION = ces_summary_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (ces_summary, ces_summary) IS 'Sorts after (order of the stored form, not of the KPI)';
CREATE OPERATOR >= (
    LEFTARG = ces_summary, RIGHTARG = ces_summary, FUNCTION = ces_summary_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (ces_summary, ces_summary) IS 'Sorts after or equal to (order of the stored form, not of the KPI)';
CREATE OPERATOR CLASS ces_summary_btree_ops DEFAULT FOR TYPE ces_summary USING btree AS
    OPERATOR 1 < ,
    OPERATOR 2 <= ,
    OPERATOR 3 = ,
    OPERATOR 4 >= ,
    OPERATOR 5 > ,
    FUNCTION 1 ces_summary_cmp(ces_summary, ces_summary);
COMMENT ON OPERATOR CLASS ces_summary_btree_ops USING btree IS
    'Total order of ces summaries on their stored form (scale, then each score''s count from the lowest, then flags), with no KPI meaning: for sorting, DISTINCT, rollup(DISTINCT v) and btree indexes';

/* Survey aggregates: support functions are not callable by PUBLIC (issue 6, item 1) */
REVOKE EXECUTE ON FUNCTION nps_trans(nps_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_trans(nps_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_trans(nps_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_trans(nps_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_mtrans(nps_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_mtrans(nps_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_mtrans(nps_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_mtrans(nps_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_summary_nonempty(nps_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_inv(nps_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_inv(nps_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_inv(nps_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_inv(nps_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans(csat_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans(csat_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans(csat_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans(csat_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans_scale(csat_summary, smallint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans_scale(csat_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans_scale(csat_summary, bigint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans_scale(csat_summary, numeric, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans(csat_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans(csat_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans(csat_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans(csat_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans_scale(csat_summary, smallint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans_scale(csat_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans_scale(csat_summary, bigint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans_scale(csat_summary, numeric, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_summary_nonempty(csat_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, smallint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, bigint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, numeric, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans(ces_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans(ces_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans(ces_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans(ces_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans_scale(ces_summary, smallint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans_scale(ces_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans_scale(ces_summary, bigint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans_scale(ces_summary, numeric, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans(ces_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans(ces_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans(ces_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans(ces_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans_scale(ces_summary, smallint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans_scale(ces_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans_scale(ces_summary, bigint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans_scale(ces_summary, numeric, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_summary_nonempty(ces_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, smallint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, numeric) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, smallint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, bigint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, numeric, integer) FROM PUBLIC;

/* Survey statistics: honest differences, moe of the reported interval, intervals of two-group differences (issue 8) */
DROP FUNCTION moe(nps_summary, double precision);
CREATE FUNCTION moe(nps_summary, confidence double precision DEFAULT 0.95,
                    method text DEFAULT 'adjusted-wald') RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_moe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION moe(nps_summary, double precision, text) IS
    'Margin of error of the NPS in points: half-width of the ci_lower/ci_upper interval of the same method (adjusted-wald by default) before clamping';
DROP FUNCTION significance(nps_summary, nps_summary, text);
CREATE FUNCTION significance(a nps_summary, b nps_summary, method text DEFAULT 'adjusted-wald',
                             confidence double precision DEFAULT 0.95,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision, OUT ci_lower double precision,
                             OUT ci_upper double precision)
    AS 'MODULE_PATHNAME', 'nps_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(nps_summary, nps_summary, text, double precision) IS
    'Two-sided z test of NPS a - b on the +1/0/-1 coding: difference nps(a) - nps(b) in points, z, p_value, and the interval of the difference in points (adjusted-wald: adjusted difference +- z * SE, MeasuringU; or wald)';
DROP FUNCTION significance(csat_summary, csat_summary);
CREATE FUNCTION significance(a csat_summary, b csat_summary, confidence double precision DEFAULT 0.95,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision, OUT ci_lower double precision,
                             OUT ci_upper double precision)
    AS 'MODULE_PATHNAME', 'csat_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(csat_summary, csat_summary, double precision) IS
    'Pooled two-proportion z test of CSAT a - b, two-sided: difference in percentage points, z, p_value, and Newcombe''s hybrid score interval of the difference in points';
DROP FUNCTION significance(ces_summary, ces_summary);
CREATE FUNCTION significance(a ces_summary, b ces_summary, confidence double precision DEFAULT 0.95,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision, OUT ci_lower double precision,
                             OUT ci_upper double precision)
    AS 'MODULE_PATHNAME', 'ces_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(ces_summary, ces_summary, double precision) IS
    'Welch two-sided t test of mean CES a - b: difference on the scale, z (holding the t statistic), p_value, and the Welch interval of the difference on the scale';
COMMENT ON FUNCTION significance(csat_summary, double precision) IS
    'One-tailed one-sample z test of whether CSAT is above a benchmark percentage (above 1 and below 100); p_value = P(Z >= z)';
COMMENT ON FUNCTION significance(nps_summary, double precision, text) IS
    'One-tailed z test of whether the NPS is above a benchmark NPS: difference nps(s) - benchmark in points, z, p_value = P(Z >= z)';

/* Survey aggregates over real and double precision scores (issue 8, item 5) */
/* real scores (data loaded from pandas arrives as floats): integral values only. */
CREATE FUNCTION nps_trans(nps_summary, real) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_trans_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_trans(nps_summary, real) IS 'Transition function of the nps aggregates over real scores (integral values only)';
CREATE FUNCTION nps_mtrans(nps_summary, real) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_mtrans_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_mtrans(nps_summary, real) IS 'Moving-aggregate transition function of the nps aggregates over real scores (integral values only) (sliding window frames)';
CREATE FUNCTION nps_inv(nps_summary, real) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_inv_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_inv(nps_summary, real) IS 'Inverse transition function of the nps aggregates over real scores (integral values only): removes a score from a sliding window frame';
CREATE AGGREGATE nps(score real) (
    SFUNC = nps_trans,
    STYPE = nps_summary,
    FINALFUNC = nps,
    COMBINEFUNC = nps_summary_merge,
    SSPACE = 104,
    MSFUNC = nps_mtrans,
    MINVFUNC = nps_inv,
    MSTYPE = nps_summary,
    MFINALFUNC = nps,
    MSSPACE = 104,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps(real) IS 'Net Promoter Score in points (-100..100) of real scores (integral values only) on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps_agg(score real) (
    SFUNC = nps_trans,
    STYPE = nps_summary,
    COMBINEFUNC = nps_summary_merge,
    SSPACE = 104,
    MSFUNC = nps_mtrans,
    MINVFUNC = nps_inv,
    MSTYPE = nps_summary,
    MFINALFUNC = nps_summary_nonempty,
    MSSPACE = 104,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps_agg(real) IS 'Mergeable nps_summary of real scores (integral values only) on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE FUNCTION csat_trans(csat_summary, real) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans(csat_summary, real) IS 'Transition function of the csat aggregates over real scores (integral values only)';
CREATE FUNCTION csat_trans_scale(csat_summary, real, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_scale_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans_scale(csat_summary, real, integer) IS 'Transition function of the csat aggregates over real scores (integral values only) with the scale as third argument';
CREATE FUNCTION csat_mtrans(csat_summary, real) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans(csat_summary, real) IS 'Moving-aggregate transition function of the csat aggregates over real scores (integral values only) (sliding window frames)';
CREATE FUNCTION csat_mtrans_scale(csat_summary, real, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_scale_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans_scale(csat_summary, real, integer) IS 'Moving-aggregate transition function of the csat aggregates over real scores (integral values only) (sliding window frames)';
CREATE FUNCTION csat_inv(csat_summary, real) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, real) IS 'Inverse transition function of the csat aggregates over real scores (integral values only): removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, real, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, real, integer) IS 'Inverse transition function of the csat aggregates over real scores (integral values only): removes a score from a sliding window frame';
CREATE AGGREGATE csat(score real) (
    SFUNC = csat_trans,
    STYPE = csat_summary,
    FINALFUNC = csat,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(real) IS 'CSAT: % of responses in the top two boxes of real scores (integral values only) on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score real) (
    SFUNC = csat_trans,
    STYPE = csat_summary,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat_agg(real) IS 'Mergeable csat_summary of real scores (integral values only) on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score real, scale integer) (
    SFUNC = csat_trans_scale,
    STYPE = csat_summary,
    FINALFUNC = csat,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans_scale,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(real, integer) IS 'CSAT: % of responses in the top two boxes of real scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score real, scale integer) (
    SFUNC = csat_trans_scale,
    STYPE = csat_summary,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans_scale,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat_agg(real, integer) IS 'Mergeable csat_summary of real scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE FUNCTION ces_trans(ces_summary, real) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans(ces_summary, real) IS 'Transition function of the ces aggregates over real scores (integral values only)';
CREATE FUNCTION ces_trans_scale(ces_summary, real, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_scale_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans_scale(ces_summary, real, integer) IS 'Transition function of the ces aggregates over real scores (integral values only) with the scale as third argument';
CREATE FUNCTION ces_mtrans(ces_summary, real) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans(ces_summary, real) IS 'Moving-aggregate transition function of the ces aggregates over real scores (integral values only) (sliding window frames)';
CREATE FUNCTION ces_mtrans_scale(ces_summary, real, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_scale_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans_scale(ces_summary, real, integer) IS 'Moving-aggregate transition function of the ces aggregates over real scores (integral values only) (sliding window frames)';
CREATE FUNCTION ces_inv(ces_summary, real) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, real) IS 'Inverse transition function of the ces aggregates over real scores (integral values only): removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, real, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, real, integer) IS 'Inverse transition function of the ces aggregates over real scores (integral values only): removes a score from a sliding window frame';
CREATE AGGREGATE ces(score real) (
    SFUNC = ces_trans,
    STYPE = ces_summary,
    FINALFUNC = ces,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(real) IS 'CES: mean effort score of real scores (integral values only) on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score real) (
    SFUNC = ces_trans,
    STYPE = ces_summary,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces_agg(real) IS 'Mergeable ces_summary of real scores (integral values only) on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score real, scale integer) (
    SFUNC = ces_trans_scale,
    STYPE = ces_summary,
    FINALFUNC = ces,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans_scale,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(real, integer) IS 'CES: mean effort score of real scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score real, scale integer) (
    SFUNC = ces_trans_scale,
    STYPE = ces_summary,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans_scale,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces_agg(real, integer) IS 'Mergeable ces_summary of real scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';

/* double precision scores (data loaded from pandas arrives as floats): integral values only. */
CREATE FUNCTION nps_trans(nps_summary, double precision) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_trans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_trans(nps_summary, double precision) IS 'Transition function of the nps aggregates over double precision scores (integral values only)';
CREATE FUNCTION nps_mtrans(nps_summary, double precision) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_mtrans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_mtrans(nps_summary, double precision) IS 'Moving-aggregate transition function of the nps aggregates over double precision scores (integral values only) (sliding window frames)';
CREATE FUNCTION nps_inv(nps_summary, double precision) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_inv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_inv(nps_summary, double precision) IS 'Inverse transition function of the nps aggregates over double precision scores (integral values only): removes a score from a sliding window frame';
CREATE AGGREGATE nps(score double precision) (
    SFUNC = nps_trans,
    STYPE = nps_summary,
    FINALFUNC = nps,
    COMBINEFUNC = nps_summary_merge,
    SSPACE = 104,
    MSFUNC = nps_mtrans,
    MINVFUNC = nps_inv,
    MSTYPE = nps_summary,
    MFINALFUNC = nps,
    MSSPACE = 104,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps(double precision) IS 'Net Promoter Score in points (-100..100) of double precision scores (integral values only) on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps_agg(score double precision) (
    SFUNC = nps_trans,
    STYPE = nps_summary,
    COMBINEFUNC = nps_summary_merge,
    SSPACE = 104,
    MSFUNC = nps_mtrans,
    MINVFUNC = nps_inv,
    MSTYPE = nps_summary,
    MFINALFUNC = nps_summary_nonempty,
    MSSPACE = 104,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps_agg(double precision) IS 'Mergeable nps_summary of double precision scores (integral values only) on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE FUNCTION csat_trans(csat_summary, double precision) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans(csat_summary, double precision) IS 'Transition function of the csat aggregates over double precision scores (integral values only)';
CREATE FUNCTION csat_trans_scale(csat_summary, double precision, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_scale_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans_scale(csat_summary, double precision, integer) IS 'Transition function of the csat aggregates over double precision scores (integral values only) with the scale as third argument';
CREATE FUNCTION csat_mtrans(csat_summary, double precision) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans(csat_summary, double precision) IS 'Moving-aggregate transition function of the csat aggregates over double precision scores (integral values only) (sliding window frames)';
CREATE FUNCTION csat_mtrans_scale(csat_summary, double precision, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_scale_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans_scale(csat_summary, double precision, integer) IS 'Moving-aggregate transition function of the csat aggregates over double precision scores (integral values only) (sliding window frames)';
CREATE FUNCTION csat_inv(csat_summary, double precision) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, double precision) IS 'Inverse transition function of the csat aggregates over double precision scores (integral values only): removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, double precision, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, double precision, integer) IS 'Inverse transition function of the csat aggregates over double precision scores (integral values only): removes a score from a sliding window frame';
CREATE AGGREGATE csat(score double precision) (
    SFUNC = csat_trans,
    STYPE = csat_summary,
    FINALFUNC = csat,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(double precision) IS 'CSAT: % of responses in the top two boxes of double precision scores (integral values only) on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score double precision) (
    SFUNC = csat_trans,
    STYPE = csat_summary,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat_agg(double precision) IS 'Mergeable csat_summary of double precision scores (integral values only) on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score double precision, scale integer) (
    SFUNC = csat_trans_scale,
    STYPE = csat_summary,
    FINALFUNC = csat,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans_scale,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(double precision, integer) IS 'CSAT: % of responses in the top two boxes of double precision scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score double precision, scale integer) (
    SFUNC = csat_trans_scale,
    STYPE = csat_summary,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    MSFUNC = csat_mtrans_scale,
    MINVFUNC = csat_inv,
    MSTYPE = csat_summary,
    MFINALFUNC = csat_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat_agg(double precision, integer) IS 'Mergeable csat_summary of double precision scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE FUNCTION ces_trans(ces_summary, double precision) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans(ces_summary, double precision) IS 'Transition function of the ces aggregates over double precision scores (integral values only)';
CREATE FUNCTION ces_trans_scale(ces_summary, double precision, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_scale_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans_scale(ces_summary, double precision, integer) IS 'Transition function of the ces aggregates over double precision scores (integral values only) with the scale as third argument';
CREATE FUNCTION ces_mtrans(ces_summary, double precision) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans(ces_summary, double precision) IS 'Moving-aggregate transition function of the ces aggregates over double precision scores (integral values only) (sliding window frames)';
CREATE FUNCTION ces_mtrans_scale(ces_summary, double precision, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_scale_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans_scale(ces_summary, double precision, integer) IS 'Moving-aggregate transition function of the ces aggregates over double precision scores (integral values only) (sliding window frames)';
CREATE FUNCTION ces_inv(ces_summary, double precision) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, double precision) IS 'Inverse transition function of the ces aggregates over double precision scores (integral values only): removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, double precision, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, double precision, integer) IS 'Inverse transition function of the ces aggregates over double precision scores (integral values only): removes a score from a sliding window frame';
CREATE AGGREGATE ces(score double precision) (
    SFUNC = ces_trans,
    STYPE = ces_summary,
    FINALFUNC = ces,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(double precision) IS 'CES: mean effort score of double precision scores (integral values only) on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score double precision) (
    SFUNC = ces_trans,
    STYPE = ces_summary,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces_agg(double precision) IS 'Mergeable ces_summary of double precision scores (integral values only) on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score double precision, scale integer) (
    SFUNC = ces_trans_scale,
    STYPE = ces_summary,
    FINALFUNC = ces,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans_scale,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(double precision, integer) IS 'CES: mean effort score of double precision scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score double precision, scale integer) (
    SFUNC = ces_trans_scale,
    STYPE = ces_summary,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    MSFUNC = ces_mtrans_scale,
    MINVFUNC = ces_inv,
    MSTYPE = ces_summary,
    MFINALFUNC = ces_summary_nonempty,
    MSSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces_agg(double precision, integer) IS 'Mergeable ces_summary of double precision scores (integral values only) on the given scale 1..scale; NULLs skipped, NULL for no rows';
REVOKE EXECUTE ON FUNCTION nps_trans(nps_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_trans(nps_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_mtrans(nps_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_mtrans(nps_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_inv(nps_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION nps_inv(nps_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans(csat_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans(csat_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans_scale(csat_summary, real, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_trans_scale(csat_summary, double precision, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans(csat_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans(csat_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans_scale(csat_summary, real, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_mtrans_scale(csat_summary, double precision, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, real, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_inv(csat_summary, double precision, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans(ces_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans(ces_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans_scale(ces_summary, real, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_trans_scale(ces_summary, double precision, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans(ces_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans(ces_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans_scale(ces_summary, real, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_mtrans_scale(ces_summary, double precision, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, real) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, real, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_inv(ces_summary, double precision, integer) FROM PUBLIC;

/* Multiple comparisons: p_adjust() window function (issue 8, A/B testing) */
CREATE FUNCTION p_adjust(p_value double precision, method text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'cjkpi_p_adjust' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION p_adjust(double precision, text) IS
    'Window function: the p-value adjusted for all non-null p-values of the partition, as R''s p.adjust; method holm (family-wise error) or bh (Benjamini-Hochberg false discovery rate)';

/* Survey sample sizes for a target margin of error and for A/B tests (issue 8, A/B testing) */
CREATE FUNCTION nps_sample_size(moe double precision, promoters double precision DEFAULT 50,
                                detractors double precision DEFAULT 50,
                                confidence double precision DEFAULT 0.95) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_sample_size(double precision, double precision, double precision, double precision) IS
    'Responses needed for an NPS margin of error of at most moe points: z^2 (pP + pD - (pP - pD)^2) / (moe/100)^2 for planned promoter and detractor shares in percent (default 50/50, the largest variance)';
CREATE FUNCTION nps_ab_sample_size(a_promoters double precision, a_detractors double precision,
                                   b_promoters double precision, b_detractors double precision,
                                   confidence double precision DEFAULT 0.95,
                                   power double precision DEFAULT 0.8) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_ab_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_ab_sample_size(double precision, double precision, double precision, double precision, double precision, double precision) IS
    'Responses needed in each of two groups for the two-sided NPS z test to detect the planned NPS difference (shares in percent) at the given confidence and power: (z_a/2 + z_b)^2 (var_a + var_b) / (nps_a - nps_b)^2';
CREATE FUNCTION csat_sample_size(moe double precision, csat double precision DEFAULT 50,
                                 confidence double precision DEFAULT 0.95) RETURNS bigint
    AS 'MODULE_PATHNAME', 'csat_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_sample_size(double precision, double precision, double precision) IS
    'Responses needed for a CSAT margin of error of at most moe percentage points: z^2 p (1 - p) / (moe/100)^2 for a planned CSAT p in percent (default 50, the largest variance)';
CREATE FUNCTION csat_ab_sample_size(a_csat double precision, b_csat double precision,
                                    confidence double precision DEFAULT 0.95,
                                    power double precision DEFAULT 0.8) RETURNS bigint
    AS 'MODULE_PATHNAME', 'csat_ab_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_ab_sample_size(double precision, double precision, double precision, double precision) IS
    'Responses needed in each of two groups for the pooled two-proportion z test to detect planned CSAT a vs b (percent) at the given confidence and power (Fleiss without continuity correction, as R''s power.prop.test)';
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

/* window_funnel support functions: not executable by PUBLIC (issue 6, item 1) */
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

/* The remaining support functions (merge functions, summary transition functions): not executable by PUBLIC (issue 6, item 1) */
REVOKE EXECUTE ON FUNCTION nps_summary_merge(nps_summary, nps_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_summary_merge(csat_summary, csat_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_summary_merge(ces_summary, ces_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION funnel_agg_transfn(funnel_summary, integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION funnel_summary_merge(funnel_summary, funnel_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION retention_agg_transfn(retention_summary, timestamptz, timestamptz[], interval, integer, timestamptz) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION retention_summary_merge(retention_summary, retention_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ttc_agg_transfn(ttc_summary, double precision[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ttc_summary_merge(ttc_summary, ttc_summary) FROM PUBLIC;
/* ---- journey model (issue 9): the pieces sql/src/8*_journey_*.sql, all new objects ---- */

/* 80_journey_config.sql: the journey model's schema and configuration tables */

/*
 * The journey model lives in its own schema, created here so that it is a
 * member of the extension (the extension's functions stay in the install
 * schema, @extschema@).  Every object below is qualified, and every PL/pgSQL
 * function pins search_path, so no caller's search_path can redirect them.
 */
CREATE SCHEMA cjkpi;
COMMENT ON SCHEMA cjkpi IS 'cjkpi journey model: stages, touchpoints, survey responses, events, daily rollups and KPI views';
GRANT USAGE ON SCHEMA cjkpi TO PUBLIC;

/*
 * Seeded rows carry is_seed = true and are left out of pg_dump (the filter of
 * pg_extension_config_dump), because CREATE EXTENSION seeds them again on
 * restore.  Editing a seeded row makes it the user's (is_seed = false, so it
 * is dumped), and inserting a row with the key of a seeded row replaces the
 * seed in place: that is what a restore does with an edited seed, and it
 * keeps rows that reference the seed valid.
 */
CREATE FUNCTION cjkpi.seed_edited() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    NEW.is_seed := false;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.seed_edited() IS
    'Trigger: an edited seeded configuration row becomes a user row (is_seed = false), so pg_dump keeps the edit';

CREATE TABLE cjkpi.stages (
    stage text PRIMARY KEY,
    position integer NOT NULL,
    is_seed boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE cjkpi.stages IS 'Journey stages in journey order; seeded with awareness, engagement, conversion, retention (editable)';
COMMENT ON COLUMN cjkpi.stages.stage IS 'Stage name';
COMMENT ON COLUMN cjkpi.stages.position IS 'Order of the stage in the journey (ascending)';
COMMENT ON COLUMN cjkpi.stages.is_seed IS 'True for a row seeded by the extension and not edited since (not dumped by pg_dump)';
INSERT INTO cjkpi.stages VALUES ('awareness', 1, true), ('engagement', 2, true),
                                ('conversion', 3, true), ('retention', 4, true);

CREATE FUNCTION cjkpi.stages_replace_seed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    UPDATE cjkpi.stages SET position = NEW.position WHERE stage = NEW.stage AND is_seed;
    IF FOUND THEN
        RETURN NULL;
    END IF;
    NEW.is_seed := false;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.stages_replace_seed() IS
    'Trigger: inserting a stage that exists as a seed replaces the seed in place (as pg_restore does with an edited seed)';
CREATE TRIGGER stages_replace_seed BEFORE INSERT ON cjkpi.stages
    FOR EACH ROW EXECUTE FUNCTION cjkpi.stages_replace_seed();
CREATE TRIGGER stages_seed_edited BEFORE UPDATE ON cjkpi.stages
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION cjkpi.seed_edited();

CREATE TABLE cjkpi.touchpoints (
    touchpoint text PRIMARY KEY,
    stage text NOT NULL REFERENCES cjkpi.stages ON UPDATE CASCADE,
    channel text
);
COMMENT ON TABLE cjkpi.touchpoints IS 'Touchpoints (where a customer meets the business) and the journey stage each belongs to';
COMMENT ON COLUMN cjkpi.touchpoints.touchpoint IS 'Touchpoint name, referenced by responses and events';
COMMENT ON COLUMN cjkpi.touchpoints.stage IS 'Journey stage of the touchpoint';
COMMENT ON COLUMN cjkpi.touchpoints.channel IS 'Channel of the touchpoint (web, store, email, ...), free text';

/*
 * One row of settings.  The seeded row is replaced by a user's row on insert
 * (pg_restore) and becomes the user's when edited.
 */
CREATE TABLE cjkpi.settings (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    time_zone text NOT NULL DEFAULT 'UTC',
    alert_level double precision NOT NULL DEFAULT 0.05 CHECK (alert_level > 0 AND alert_level < 1),
    min_responses_alert integer NOT NULL DEFAULT 30 CHECK (min_responses_alert >= 1),
    min_responses_display integer NOT NULL DEFAULT 5 CHECK (min_responses_display >= 1),
    text_search_config regconfig NOT NULL DEFAULT 'pg_catalog.simple',
    industry text,
    control_variant text,
    entry_stage text NOT NULL DEFAULT 'awareness',
    conversion_stage text NOT NULL DEFAULT 'conversion',
    retention_stage text NOT NULL DEFAULT 'retention',
    conversion_window interval NOT NULL DEFAULT '1 day' CHECK (conversion_window > '0'::interval AND conversion_window <= '366 days'::interval),
    chart_periods integer NOT NULL DEFAULT 8 CHECK (chart_periods >= 2),
    cusum_k double precision NOT NULL DEFAULT 0.5 CHECK (cusum_k >= 0),
    cusum_h double precision NOT NULL DEFAULT 4 CHECK (cusum_h > 0),
    is_seed boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE cjkpi.settings IS 'Journey model settings, one row (UPDATE it); changing the time zone or the conversion rule marks the rollups for refresh';
COMMENT ON COLUMN cjkpi.settings.singleton IS 'Always true: the table holds one row';
COMMENT ON COLUMN cjkpi.settings.time_zone IS 'Time zone whose calendar days define the day buckets (a name known to pg_timezone_names)';
COMMENT ON COLUMN cjkpi.settings.alert_level IS 'Significance level of decline alerts and benchmark gaps (one-sided), default 0.05';
COMMENT ON COLUMN cjkpi.settings.min_responses_alert IS 'Minimum responses (or customers) in each compared period for an alert, default 30';
COMMENT ON COLUMN cjkpi.settings.min_responses_display IS 'Below this many responses a KPI value is not shown (NULL), for anonymity; default 5';
COMMENT ON COLUMN cjkpi.settings.text_search_config IS 'Text-search configuration for comment themes (french for the bundled survey)';
COMMENT ON COLUMN cjkpi.settings.industry IS 'Benchmark industry to compare with (cjkpi.benchmarks.industry); NULL compares with every industry';
COMMENT ON COLUMN cjkpi.settings.control_variant IS 'A/B control variant; NULL takes the first variant in sort order';
COMMENT ON COLUMN cjkpi.settings.entry_stage IS 'Stage whose first event in a period is a customer''s entry for conversion_rate';
COMMENT ON COLUMN cjkpi.settings.conversion_stage IS 'Stage whose events count as a conversion';
COMMENT ON COLUMN cjkpi.settings.retention_stage IS 'Stage under which journey_kpis reports repeat_rate';
COMMENT ON COLUMN cjkpi.settings.conversion_window IS 'A conversion counts when it follows the entry within this interval, default 1 day';
COMMENT ON COLUMN cjkpi.settings.chart_periods IS 'Number of preceding periods that set a p-chart''s centre line and the CUSUM target, default 8';
COMMENT ON COLUMN cjkpi.settings.cusum_k IS 'CUSUM allowance k in standard errors, default 0.5';
COMMENT ON COLUMN cjkpi.settings.cusum_h IS 'CUSUM decision interval h in standard errors, default 4';
COMMENT ON COLUMN cjkpi.settings.is_seed IS 'True while the row is the seeded default (not dumped by pg_dump)';
INSERT INTO cjkpi.settings (is_seed) VALUES (true);

CREATE FUNCTION cjkpi.settings_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_timezone_names WHERE name = NEW.time_zone)
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_timezone_abbrevs WHERE abbrev = NEW.time_zone) THEN
        RAISE EXCEPTION 'time zone "%" is not recognized', NEW.time_zone
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use a name from pg_timezone_names, such as Europe/Paris or UTC.';
    END IF;
    IF TG_OP = 'INSERT' THEN
        DELETE FROM cjkpi.settings WHERE is_seed;
        NEW.is_seed := false;
    ELSIF OLD.is_seed THEN
        NEW.is_seed := false;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.settings_check() IS
    'Trigger: checks the time zone; an inserted settings row replaces the seeded one, an edited seed becomes the user''s';
CREATE TRIGGER settings_check BEFORE INSERT OR UPDATE ON cjkpi.settings
    FOR EACH ROW EXECUTE FUNCTION cjkpi.settings_check();

CREATE TABLE cjkpi.benchmarks (
    metric text NOT NULL,
    industry text NOT NULL,
    value double precision NOT NULL,
    year integer NOT NULL,
    source text NOT NULL,
    study text,
    note text,
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (metric, industry, year, source)
);
COMMENT ON TABLE cjkpi.benchmarks IS
    'Published industry benchmarks (seeded from test/data/benchmarks, each with its source and year) and users'' own targets';
COMMENT ON COLUMN cjkpi.benchmarks.metric IS 'nps (points, -100..100), csat (% satisfied, top-2-box) or acsi (an index, not comparable with CSAT)';
COMMENT ON COLUMN cjkpi.benchmarks.industry IS 'Industry (or a label such as "target" for a user''s own goal)';
COMMENT ON COLUMN cjkpi.benchmarks.value IS 'Benchmark value in the metric''s unit';
COMMENT ON COLUMN cjkpi.benchmarks.year IS 'Year of the study';
COMMENT ON COLUMN cjkpi.benchmarks.source IS 'Where the value was published';
COMMENT ON COLUMN cjkpi.benchmarks.study IS 'Study or period the value describes';
COMMENT ON COLUMN cjkpi.benchmarks.note IS 'Remarks on how the value was measured';
COMMENT ON COLUMN cjkpi.benchmarks.is_seed IS 'True for a seeded published value not edited since (not dumped by pg_dump)';
INSERT INTO cjkpi.benchmarks (metric, industry, value, year, study, source, note) VALUES
    ('acsi', 'US economy (national)', 77.8, 2023, 'Q4 2023', 'ACSI press release 23 Jan 2024 (theacsi.org "U.S. Overall Customer Satisfaction"; BusinessWire/Yahoo)', NULL),
    ('acsi', 'US economy (national)', 78.0, 2024, 'Q1 2024', 'ACSI via Chain Store Age "Customer satisfaction continues to climb"', NULL),
    ('acsi', 'Retail trade (sector)', 78.0, 2024, '2024 (Retail & Consumer Shipping Study 2023-2024)', 'ACSI via appleworld.today / digitalmedianet (BusinessWire)', NULL),
    ('acsi', 'Retail trade (sector)', 74.7, 2023, '2023 (Study 2022-2023)', 'ACSI via techcentury.com / salestechstar', NULL),
    ('acsi', 'Online retailers', 80, 2024, '2024 (unchanged from 2023)', 'ACSI Retail Study 2023-2024', NULL),
    ('acsi', 'General merchandise retailers', 77, 2024, '2024', 'ACSI Retail Study 2023-2024 (thelifestyledata.com)', NULL),
    ('acsi', 'Specialty retailers', 79, 2024, '2024', 'ACSI Retail Study 2023-2024 (thelifestyledata.com)', NULL),
    ('acsi', 'Gas stations', 75, 2024, '2024', 'ACSI Retail Study 2023-2024 (thelifestyledata.com)', NULL),
    ('acsi', 'Internet service providers', 71, 2024, '2024 (Telecom Study, 12 mo to Mar 2024)', 'ACSI Telecommunications Study 2024 (BusinessWire 4 Jun 2024)', 'fiber 76, non-fiber 68'),
    ('acsi', 'Internet service providers', 68, 2023, '2023', 'ACSI Telecom Study 2023 (via teqgo/PCMag report)', 'fiber 75, non-fiber 66'),
    ('acsi', 'Video streaming service', 79, 2024, '2024', 'ACSI Telecom Study 2024 (cloudfront news copy)', NULL),
    ('acsi', 'Subscription TV service', 70, 2024, '2024', 'ACSI Telecom Study 2024 (cloudfront news copy)', NULL),
    ('acsi', 'Airlines', 77, 2024, '2024 (Travel Study 2023-2024)', 'ACSI via AJC, zzdtravel', 'record'),
    ('acsi', 'Airlines', 74, 2025, '2025 (Travel Study 2025)', 'ACSI via canadian-reviews.ca', NULL),
    ('acsi', 'Lodging (hotels)', 77, 2024, '2024 (Travel Study 2023-2024)', 'ACSI via cxmtoday.com', NULL),
    ('acsi', 'Online travel agencies', 75, 2025, '2025', 'ACSI Travel Study 2025', NULL),
    ('acsi', 'Full-service restaurants', 84, 2024, '2024', 'ACSI Restaurant & Food Delivery Study 2024 (25 Jun 2024)', NULL),
    ('acsi', 'Fast food restaurants', 79, 2024, '2024', 'ACSI Restaurant & Food Delivery Study 2024 (25 Jun 2024)', NULL),
    ('acsi', 'Food delivery', 73, 2024, '2024', 'ACSI Restaurant & Food Delivery Study 2024 (25 Jun 2024)', 'debut'),
    ('acsi', 'Health insurance', 76, 2023, '2023 (Insurance & Health Care Study 2022-2023)', 'theacsi.org press release 17 Oct 2023', 'record'),
    ('acsi', 'Hospitals', 74, 2023, '2023', 'theacsi.org press release 17 Oct 2023', NULL),
    ('acsi', 'Banks', 80, 2016, '2016', 'ACSI via Quality Digest 1 Dec 2016 (older)', NULL),
    ('acsi', 'Property & casualty insurance', 79, 2015, '2015', 'ACSI via propertycasualty360 (older)', NULL),
    ('nps', 'Grocery', 30.1, 2023, '2023 study (pub. 2024)', 'Qualtrics XM Institute "XMI Ratings NPS 2023" & "Economics of NPS 2024"', NULL),
    ('nps', 'Streaming media', 29, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'Retail', 29, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'TV / internet service providers', 9, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'Car rentals', 8, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'Consumer payments', -6.1, 2023, '2023 study', 'XM Institute "XMI Ratings NPS 2023"', NULL),
    ('nps', 'Retail', 28.4, 2022, '2022 study (pub. 2023)', 'XM Institute "XMI Ratings NPS 2022" / "Economics of NPS 2023"', NULL),
    ('nps', 'Streaming media', 28, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Grocery', 26, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Airlines', 7, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Car rentals', 3, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Consumer payments', 1.4, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Grocery', 33.3, 2021, '2021 study', 'XM Institute "Consumer NPS 2021"', NULL),
    ('nps', 'Consumer payments', -0.1, 2021, '2021 study', 'XM Institute "Consumer NPS 2021"', NULL),
    ('nps', 'Auto dealers', 39, 2018, '2018', 'Temkin Group "NPS Benchmark Study 2018" (10,000 US consumers, 342 cos., 20 industries)', NULL),
    ('nps', 'Streaming media', 39, 2018, '2018', 'Temkin Group "NPS Benchmark Study 2018" (10,000 US consumers, 342 cos., 20 industries)', NULL),
    ('nps', 'TV / internet service providers', 0, 2018, '2018', 'Temkin Group "NPS Benchmark Study 2018" (10,000 US consumers, 342 cos., 20 industries)', NULL),
    ('nps', 'Auto dealers', 43, 2017, '2017', 'Temkin Group "NPS Benchmark Study 2017" (299 cos.)', NULL),
    ('nps', 'TV & internet service providers', 9, 2017, '2017', 'Temkin Group "NPS Benchmark Study 2017" (299 cos.)', NULL),
    ('nps', 'Department / specialty stores', 62, 2018, '2018', 'NICE Satmetrix 2018 B2C NPS Benchmarks (via MarketingCharts/e-strategy.com; 62,000 resp., 188 brands)', 'top of 23 sectors'),
    ('nps', 'Telecommunications', 24, 2018, '2018', 'Satmetrix 2018 data charted by Displayr (copy on beniciacommunitygardens.org)', NULL),
    ('nps', 'Internet service providers', -1, 2018, '2018', 'Satmetrix 2018 data charted by Displayr (copy on beniciacommunitygardens.org)', NULL),
    ('nps', 'Health insurance', -13, 2010, '2010', 'Satmetrix 2010 Net Promoter Industry Benchmarks (thewisemarketer.com)', NULL),
    ('nps', 'Brokerage & investments', 29, 2010, '2010', 'Satmetrix 2010 Net Promoter Industry Benchmarks (thewisemarketer.com)', NULL),
    ('nps', 'Manufacturing (B2B)', 49, 2020, '2020 report (page updated 28 Feb 2022)', 'CustomerGauge benchmarks (customergauge.com/benchmarks/industry/manufacturing)', 'rank 14 of 24'),
    ('csat', 'All industries (global)', 86, 2012, 'Mar 2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Real estate', 96, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'IT services & consultancy', 95, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Healthcare', 94, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Professional services', 94, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Financial & insurance services', 93, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Education', 91, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Travel, hospitality & tourism', 91, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Media & telecommunications', 88, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Software', 87, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Web applications', 86, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Manufacturing', 85, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Retail & wholesale', 82, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Social media', 78, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Entertainment & arts', 77, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'All industries (global)', 82, 2013, 'Q3 2013', 'Zendesk Benchmark Q3 2013 (zendesk.com press release / blog)', NULL);
UPDATE cjkpi.benchmarks SET is_seed = true;

CREATE FUNCTION cjkpi.benchmarks_replace_seed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    DELETE FROM cjkpi.benchmarks
    WHERE metric = NEW.metric AND industry = NEW.industry AND year = NEW.year AND source = NEW.source AND is_seed;
    NEW.is_seed := false;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.benchmarks_replace_seed() IS
    'Trigger: inserting a benchmark with the key of a seeded one replaces the seed (as pg_restore does with an edited seed)';
CREATE TRIGGER benchmarks_replace_seed BEFORE INSERT ON cjkpi.benchmarks
    FOR EACH ROW EXECUTE FUNCTION cjkpi.benchmarks_replace_seed();
CREATE TRIGGER benchmarks_seed_edited BEFORE UPDATE ON cjkpi.benchmarks
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION cjkpi.seed_edited();

SELECT pg_catalog.pg_extension_config_dump('cjkpi.stages', 'WHERE NOT is_seed');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.touchpoints', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.settings', 'WHERE NOT is_seed');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.benchmarks', 'WHERE NOT is_seed');

/* 81_journey_facts.sql: the facts: survey responses, journey events, follow-ups */

/*
 * Bad rows are refused by constraints, not by per-row trigger code: the
 * error names the constraint and PostgreSQL's DETAIL shows the failing row's
 * values, and a COPY with one bad line loads nothing.  The scale check
 * repeats the default scales of nps_agg (0..10), csat_agg (1..5) and
 * ces_agg (1..7).
 */
CREATE SEQUENCE cjkpi.responses_response_id_seq;
COMMENT ON SEQUENCE cjkpi.responses_response_id_seq IS 'Numbers cjkpi.responses.response_id';

CREATE TABLE cjkpi.responses (
    customer_id text,
    touchpoint text NOT NULL REFERENCES cjkpi.touchpoints ON UPDATE CASCADE,
    metric text NOT NULL,
    score integer,
    scale integer,
    answered_at timestamptz NOT NULL,
    segment text,
    variant text,
    comment text,
    response_id bigint NOT NULL DEFAULT pg_catalog.nextval('cjkpi.responses_response_id_seq') PRIMARY KEY,
    CONSTRAINT responses_metric_known CHECK (metric IN ('nps', 'csat', 'ces')),
    CONSTRAINT responses_scale_valid CHECK (scale IS NULL OR (metric = 'nps' AND scale = 10)
                                            OR (metric IN ('csat', 'ces') AND scale BETWEEN 3 AND 10)),
    CONSTRAINT responses_score_on_scale CHECK (
        CASE metric WHEN 'nps' THEN score BETWEEN 0 AND 10
                    WHEN 'csat' THEN score BETWEEN 1 AND coalesce(scale, 5)
                    ELSE score BETWEEN 1 AND coalesce(scale, 7) END)
);
ALTER SEQUENCE cjkpi.responses_response_id_seq OWNED BY cjkpi.responses.response_id;
CREATE INDEX responses_touchpoint_answered_at ON cjkpi.responses (touchpoint, answered_at);
CREATE INDEX responses_customer ON cjkpi.responses (customer_id, answered_at);
COMMENT ON TABLE cjkpi.responses IS
    'Survey responses, one row per answer; a row with an unknown touchpoint or metric, a score off its scale or no time is refused';
COMMENT ON COLUMN cjkpi.responses.customer_id IS 'Customer who answered (NULL for anonymous answers)';
COMMENT ON COLUMN cjkpi.responses.touchpoint IS 'Touchpoint the answer is about (cjkpi.touchpoints)';
COMMENT ON COLUMN cjkpi.responses.metric IS 'nps (0..10), csat (1..scale, default 5) or ces (1..scale, default 7, higher = easier)';
COMMENT ON COLUMN cjkpi.responses.score IS 'The answer on the metric''s scale; NULL = not answered (not a response)';
COMMENT ON COLUMN cjkpi.responses.scale IS 'Number of answer points; NULL = the metric''s default (nps 10, csat 5, ces 7)';
COMMENT ON COLUMN cjkpi.responses.answered_at IS 'When the answer was given';
COMMENT ON COLUMN cjkpi.responses.segment IS 'Persona or segment of the customer';
COMMENT ON COLUMN cjkpi.responses.variant IS 'A/B variant the customer saw (NULL outside experiments)';
COMMENT ON COLUMN cjkpi.responses.comment IS 'Free-text comment';
COMMENT ON COLUMN cjkpi.responses.response_id IS 'Row identifier (referenced by cjkpi.follow_ups)';

CREATE TABLE cjkpi.events (
    customer_id text NOT NULL,
    session_id text,
    event text NOT NULL,
    touchpoint text NOT NULL REFERENCES cjkpi.touchpoints ON UPDATE CASCADE,
    occurred_at timestamptz NOT NULL,
    segment text
);
CREATE INDEX events_customer ON cjkpi.events (customer_id, occurred_at);
COMMENT ON TABLE cjkpi.events IS 'Journey events (clicks, visits, purchases), one row per event; unknown touchpoints and missing times are refused';
COMMENT ON COLUMN cjkpi.events.customer_id IS 'Customer (entity) of the event';
COMMENT ON COLUMN cjkpi.events.session_id IS 'Session of the event';
COMMENT ON COLUMN cjkpi.events.event IS 'Event name as recorded';
COMMENT ON COLUMN cjkpi.events.touchpoint IS 'Touchpoint of the event (cjkpi.touchpoints), which gives its stage';
COMMENT ON COLUMN cjkpi.events.occurred_at IS 'When the event happened';
COMMENT ON COLUMN cjkpi.events.segment IS 'Persona or segment of the customer';

CREATE TABLE cjkpi.follow_ups (
    response bigint NOT NULL REFERENCES cjkpi.responses (response_id) ON DELETE CASCADE,
    contacted_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    channel text,
    note text
);
CREATE INDEX follow_ups_response ON cjkpi.follow_ups (response);
COMMENT ON TABLE cjkpi.follow_ups IS 'Closing the loop: contacts made with customers about one of their responses';
COMMENT ON COLUMN cjkpi.follow_ups.response IS 'The response followed up (cjkpi.responses.response_id)';
COMMENT ON COLUMN cjkpi.follow_ups.contacted_at IS 'When the customer was contacted';
COMMENT ON COLUMN cjkpi.follow_ups.channel IS 'How (phone, email, ...)';
COMMENT ON COLUMN cjkpi.follow_ups.note IS 'What was said or done';

SELECT pg_catalog.pg_extension_config_dump('cjkpi.responses', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.responses_response_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.events', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.follow_ups', '');

/* 82_journey_rollups.sql: daily rollups, change capture and cjkpi.refresh() */

/*
 * Daily rollups.  survey_daily holds one mergeable summary per local day,
 * touchpoint, segment, variant, metric and scale, so any period is a
 * rollup() of days.  customer_daily holds one row per customer, local day,
 * touchpoint and segment, so reach over any period is an exact
 * count(DISTINCT customer_id) and conversion is attributed to the entry day.
 * Neither is dumped: a restore's COPY into the facts fires the capture
 * triggers, and the next cjkpi.refresh() rebuilds them.
 */
CREATE TABLE cjkpi.survey_daily (
    bucket_day date NOT NULL,
    touchpoint text NOT NULL,
    segment text,
    variant text,
    metric text NOT NULL,
    scale integer NOT NULL,
    responses bigint NOT NULL,
    nps @extschema@.nps_summary,
    csat @extschema@.csat_summary,
    ces @extschema@.ces_summary
);
/*
 * One row per bucket, a NULL segment or variant being a value of its own.
 * UNIQUE NULLS NOT DISTINCT needs PostgreSQL 15, so the keys are unique
 * indexes that spell it out: (x IS NULL, coalesce(x, '')) is (true, '') for
 * NULL and (false, x) for a value, so NULL equals NULL and differs from ''.
 * The refresh deletes and inserts whole buckets (no ON CONFLICT), and its
 * deletes look buckets up by the indexes' leading columns.
 */
CREATE UNIQUE INDEX survey_daily_key ON cjkpi.survey_daily
    (touchpoint, bucket_day, (segment IS NULL), (coalesce(segment, '')), (variant IS NULL), (coalesce(variant, '')),
     metric, scale);
COMMENT ON INDEX cjkpi.survey_daily_key IS 'Key of cjkpi.survey_daily: one row per bucket, NULL segment or variant included';
COMMENT ON TABLE cjkpi.survey_daily IS 'Rollup: survey summaries per local day, touchpoint, segment, variant, metric and scale (kept by cjkpi.refresh())';
COMMENT ON COLUMN cjkpi.survey_daily.bucket_day IS 'Calendar day in cjkpi.settings.time_zone';
COMMENT ON COLUMN cjkpi.survey_daily.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.survey_daily.segment IS 'Segment (persona)';
COMMENT ON COLUMN cjkpi.survey_daily.variant IS 'A/B variant';
COMMENT ON COLUMN cjkpi.survey_daily.metric IS 'nps, csat or ces';
COMMENT ON COLUMN cjkpi.survey_daily.scale IS 'Scale of the answers (the metric''s default filled in)';
COMMENT ON COLUMN cjkpi.survey_daily.responses IS 'Non-null answers';
COMMENT ON COLUMN cjkpi.survey_daily.nps IS 'nps_summary of the bucket (metric nps)';
COMMENT ON COLUMN cjkpi.survey_daily.csat IS 'csat_summary of the bucket (metric csat)';
COMMENT ON COLUMN cjkpi.survey_daily.ces IS 'ces_summary of the bucket (metric ces)';

/*
 * The months of survey_daily merged once more, so that month and quarter
 * figures read a twelfth of the rows (kept by the same refresh).
 */
CREATE TABLE cjkpi.survey_monthly (
    month_start date NOT NULL,
    touchpoint text NOT NULL,
    segment text,
    variant text,
    metric text NOT NULL,
    scale integer NOT NULL,
    responses bigint NOT NULL,
    nps @extschema@.nps_summary,
    csat @extschema@.csat_summary,
    ces @extschema@.ces_summary
);
CREATE UNIQUE INDEX survey_monthly_key ON cjkpi.survey_monthly
    (touchpoint, month_start, (segment IS NULL), (coalesce(segment, '')), (variant IS NULL), (coalesce(variant, '')),
     metric, scale);
COMMENT ON INDEX cjkpi.survey_monthly_key IS 'Key of cjkpi.survey_monthly: one row per month bucket, NULL segment or variant included';
COMMENT ON TABLE cjkpi.survey_monthly IS 'Rollup: survey_daily merged per calendar month (kept by cjkpi.refresh())';
COMMENT ON COLUMN cjkpi.survey_monthly.month_start IS 'First day of the month (days of cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.survey_monthly.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.survey_monthly.segment IS 'Segment (persona)';
COMMENT ON COLUMN cjkpi.survey_monthly.variant IS 'A/B variant';
COMMENT ON COLUMN cjkpi.survey_monthly.metric IS 'nps, csat or ces';
COMMENT ON COLUMN cjkpi.survey_monthly.scale IS 'Scale of the answers (the metric''s default filled in)';
COMMENT ON COLUMN cjkpi.survey_monthly.responses IS 'Non-null answers';
COMMENT ON COLUMN cjkpi.survey_monthly.nps IS 'nps_summary of the month (metric nps)';
COMMENT ON COLUMN cjkpi.survey_monthly.csat IS 'csat_summary of the month (metric csat)';
COMMENT ON COLUMN cjkpi.survey_monthly.ces IS 'ces_summary of the month (metric ces)';

CREATE TABLE cjkpi.customer_daily (
    bucket_day date NOT NULL,
    customer_id text NOT NULL,
    touchpoint text NOT NULL,
    segment text,
    events bigint NOT NULL,
    sessions text[] NOT NULL,
    first_at timestamptz NOT NULL,
    converted boolean
);
CREATE UNIQUE INDEX customer_daily_key ON cjkpi.customer_daily
    (customer_id, bucket_day, touchpoint, (segment IS NULL), (coalesce(segment, '')));
COMMENT ON INDEX cjkpi.customer_daily_key IS 'Key of cjkpi.customer_daily: one row per customer, day, touchpoint and segment, NULL segment included';
CREATE INDEX customer_daily_day ON cjkpi.customer_daily (bucket_day);
COMMENT ON TABLE cjkpi.customer_daily IS
    'Rollup: event activity per customer, local day, touchpoint and segment, with the entry''s conversion (kept by cjkpi.refresh())';
COMMENT ON COLUMN cjkpi.customer_daily.bucket_day IS 'Calendar day in cjkpi.settings.time_zone';
COMMENT ON COLUMN cjkpi.customer_daily.customer_id IS 'Customer';
COMMENT ON COLUMN cjkpi.customer_daily.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.customer_daily.segment IS 'Segment (persona)';
COMMENT ON COLUMN cjkpi.customer_daily.events IS 'Events of the customer at the touchpoint that day';
COMMENT ON COLUMN cjkpi.customer_daily.sessions IS 'Distinct sessions of those events';
COMMENT ON COLUMN cjkpi.customer_daily.first_at IS 'First event of the customer at the touchpoint that day (the entry)';
COMMENT ON COLUMN cjkpi.customer_daily.converted IS
    'A conversion-stage event followed first_at within the conversion window; NULL for conversion-stage touchpoints';

/*
 * Change capture: statement-level triggers with transition tables log which
 * buckets changed (a NULL key means everything).  Writers need INSERT here,
 * which costs nothing worse than extra recomputation.
 */
CREATE TABLE cjkpi.survey_changes (bucket_day date, touchpoint text);
COMMENT ON TABLE cjkpi.survey_changes IS 'Change log: survey buckets to recompute at the next refresh (NULL: all); not dumped';
COMMENT ON COLUMN cjkpi.survey_changes.bucket_day IS 'Local day that changed';
COMMENT ON COLUMN cjkpi.survey_changes.touchpoint IS 'Touchpoint that changed';
CREATE TABLE cjkpi.event_changes (customer_id text, bucket_day date);
COMMENT ON TABLE cjkpi.event_changes IS 'Change log: customer days to recompute at the next refresh (NULL: all); not dumped';
COMMENT ON COLUMN cjkpi.event_changes.customer_id IS 'Customer whose activity changed';
COMMENT ON COLUMN cjkpi.event_changes.bucket_day IS 'Local day whose entries may have changed';
GRANT INSERT ON cjkpi.survey_changes, cjkpi.event_changes TO PUBLIC;
GRANT SELECT ON cjkpi.stages, cjkpi.touchpoints, cjkpi.settings, cjkpi.benchmarks TO PUBLIC;

CREATE TABLE cjkpi.refresh_log (
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    survey_buckets bigint NOT NULL,
    customer_days bigint NOT NULL,
    full_rebuild boolean NOT NULL
);
COMMENT ON TABLE cjkpi.refresh_log IS 'One row per cjkpi.refresh() that committed (the last 1000 are kept)';
COMMENT ON COLUMN cjkpi.refresh_log.started_at IS 'When the refresh started';
COMMENT ON COLUMN cjkpi.refresh_log.finished_at IS 'When it finished its work';
COMMENT ON COLUMN cjkpi.refresh_log.survey_buckets IS 'Day x touchpoint survey buckets recomputed';
COMMENT ON COLUMN cjkpi.refresh_log.customer_days IS 'Customer days of event activity recomputed';
COMMENT ON COLUMN cjkpi.refresh_log.full_rebuild IS 'True when a TRUNCATE or a settings change made it recompute everything';

/* The day of a time in the configured zone (UTC when no settings row is visible). */
CREATE FUNCTION cjkpi.time_zone() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT coalesce((SELECT s.time_zone FROM cjkpi.settings s), 'UTC')
$$;
COMMENT ON FUNCTION cjkpi.time_zone() IS 'The time zone of cjkpi.settings (UTC if none): day buckets are its calendar days';

/*
 * A response changes the bucket of its day and touchpoint.  An event at t
 * changes its own day's entries and those of the days before whose
 * conversion window reaches t, so days day(t - window) .. day(t) are logged.
 */
CREATE FUNCTION cjkpi.responses_capture() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tz text := cjkpi.time_zone();
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO cjkpi.survey_changes
        SELECT DISTINCT (n.answered_at AT TIME ZONE tz)::date, n.touchpoint FROM new_rows n;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO cjkpi.survey_changes
        SELECT DISTINCT (o.answered_at AT TIME ZONE tz)::date, o.touchpoint FROM old_rows o;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION cjkpi.responses_capture() IS 'Statement trigger: logs the survey buckets an INSERT, UPDATE or DELETE changed';

CREATE FUNCTION cjkpi.events_capture() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tz text := cjkpi.time_zone();
    w interval := coalesce((SELECT s.conversion_window FROM cjkpi.settings s), '1 day');
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO cjkpi.event_changes
        SELECT DISTINCT n.customer_id, d::date
        FROM new_rows n,
             generate_series(((n.occurred_at - w) AT TIME ZONE tz)::date, (n.occurred_at AT TIME ZONE tz)::date, '1 day') d;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO cjkpi.event_changes
        SELECT DISTINCT o.customer_id, d::date
        FROM old_rows o,
             generate_series(((o.occurred_at - w) AT TIME ZONE tz)::date, (o.occurred_at AT TIME ZONE tz)::date, '1 day') d;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION cjkpi.events_capture() IS 'Statement trigger: logs the customer days an INSERT, UPDATE or DELETE of events changed';

/* TRUNCATE, and a change of the time zone, the conversion rule or a stage mapping, make every bucket dirty. */
CREATE FUNCTION cjkpi.mark_all() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_ARGV[0] IN ('survey', 'all') THEN
        INSERT INTO cjkpi.survey_changes VALUES (NULL, NULL);
    END IF;
    IF TG_ARGV[0] IN ('events', 'all') THEN
        INSERT INTO cjkpi.event_changes VALUES (NULL, NULL);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION cjkpi.mark_all() IS 'Trigger: marks every survey bucket (argument survey), customer day (events) or both (all) dirty';

CREATE TRIGGER responses_capture_insert AFTER INSERT ON cjkpi.responses
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.responses_capture();
CREATE TRIGGER responses_capture_update AFTER UPDATE ON cjkpi.responses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.responses_capture();
CREATE TRIGGER responses_capture_delete AFTER DELETE ON cjkpi.responses
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.responses_capture();
CREATE TRIGGER responses_capture_truncate AFTER TRUNCATE ON cjkpi.responses
    FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.mark_all('survey');
CREATE TRIGGER events_capture_insert AFTER INSERT ON cjkpi.events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.events_capture();
CREATE TRIGGER events_capture_update AFTER UPDATE ON cjkpi.events
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.events_capture();
CREATE TRIGGER events_capture_delete AFTER DELETE ON cjkpi.events
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.events_capture();
CREATE TRIGGER events_capture_truncate AFTER TRUNCATE ON cjkpi.events
    FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.mark_all('events');
CREATE TRIGGER settings_mark_all AFTER INSERT OR DELETE ON cjkpi.settings
    FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.mark_all('all');
-- only the settings the rollups depend on: the zone of the days, and the conversion rule
CREATE TRIGGER settings_mark_survey AFTER UPDATE ON cjkpi.settings
    FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
    EXECUTE FUNCTION cjkpi.mark_all('survey');
CREATE TRIGGER settings_mark_events AFTER UPDATE ON cjkpi.settings
    FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone
                       OR OLD.conversion_window IS DISTINCT FROM NEW.conversion_window
                       OR OLD.conversion_stage IS DISTINCT FROM NEW.conversion_stage)
    EXECUTE FUNCTION cjkpi.mark_all('events');
CREATE TRIGGER touchpoints_mark_events AFTER UPDATE OR DELETE ON cjkpi.touchpoints
    FOR EACH STATEMENT EXECUTE FUNCTION cjkpi.mark_all('events');

/* Recompute survey buckets from the responses: all of them, or the listed (day, touchpoint) pairs. */
CREATE FUNCTION cjkpi.refresh_survey(everything boolean, days date[], touchpoints text[]) RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tz text := cjkpi.time_zone();
    months date[];
    month_touchpoints text[];
BEGIN
    IF everything THEN
        DELETE FROM cjkpi.survey_daily;
        INSERT INTO cjkpi.survey_daily
        SELECT (r.answered_at AT TIME ZONE tz)::date, r.touchpoint, r.segment, r.variant, r.metric,
               coalesce(r.scale, CASE r.metric WHEN 'nps' THEN 10 WHEN 'csat' THEN 5 ELSE 7 END) AS scale,
               count(r.score),
               @extschema@.nps_agg(r.score) FILTER (WHERE r.metric = 'nps'),
               @extschema@.csat_agg(r.score, coalesce(r.scale, 5)) FILTER (WHERE r.metric = 'csat'),
               @extschema@.ces_agg(r.score, coalesce(r.scale, 7)) FILTER (WHERE r.metric = 'ces')
        FROM cjkpi.responses r
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(r.score) > 0;
        DELETE FROM cjkpi.survey_monthly;
        INSERT INTO cjkpi.survey_monthly
        SELECT pg_catalog.date_trunc('month', d.bucket_day::timestamp)::date, d.touchpoint, d.segment, d.variant,
               d.metric, d.scale, sum(d.responses), @extschema@.rollup(d.nps), @extschema@.rollup(d.csat),
               @extschema@.rollup(d.ces)
        FROM cjkpi.survey_daily d GROUP BY 1, 2, 3, 4, 5, 6;
        RETURN (SELECT count(DISTINCT (bucket_day, touchpoint)) FROM cjkpi.survey_daily);
    END IF;
    DELETE FROM cjkpi.survey_daily d
    USING unnest(days, touchpoints) k(bucket_day, touchpoint)
    WHERE d.touchpoint = k.touchpoint AND d.bucket_day = k.bucket_day;
    INSERT INTO cjkpi.survey_daily
    SELECT k.bucket_day, r.touchpoint, r.segment, r.variant, r.metric,
           coalesce(r.scale, CASE r.metric WHEN 'nps' THEN 10 WHEN 'csat' THEN 5 ELSE 7 END) AS scale,
           count(r.score),
           @extschema@.nps_agg(r.score) FILTER (WHERE r.metric = 'nps'),
           @extschema@.csat_agg(r.score, coalesce(r.scale, 5)) FILTER (WHERE r.metric = 'csat'),
           @extschema@.ces_agg(r.score, coalesce(r.scale, 7)) FILTER (WHERE r.metric = 'ces')
    FROM unnest(days, touchpoints) k(bucket_day, touchpoint)
    -- LATERAL: one range scan of (touchpoint, answered_at) per bucket, never a scan of the facts
    CROSS JOIN LATERAL (SELECT * FROM cjkpi.responses x
                        WHERE x.touchpoint = k.touchpoint
                          AND x.answered_at >= (k.bucket_day::timestamp AT TIME ZONE tz)
                          AND x.answered_at < ((k.bucket_day + 1)::timestamp AT TIME ZONE tz)
                        OFFSET 0) r
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(r.score) > 0;
    -- the months of those days, merged again from the days
    SELECT array_agg(m.month_start), array_agg(m.touchpoint) INTO months, month_touchpoints
    FROM (SELECT DISTINCT pg_catalog.date_trunc('month', k.bucket_day::timestamp)::date AS month_start, k.touchpoint
          FROM unnest(days, touchpoints) k(bucket_day, touchpoint)) m;
    DELETE FROM cjkpi.survey_monthly m
    USING unnest(months, month_touchpoints) k(month_start, touchpoint)
    WHERE m.touchpoint = k.touchpoint AND m.month_start = k.month_start;
    INSERT INTO cjkpi.survey_monthly
    SELECT k.month_start, d.touchpoint, d.segment, d.variant, d.metric, d.scale, sum(d.responses),
           @extschema@.rollup(d.nps), @extschema@.rollup(d.csat), @extschema@.rollup(d.ces)
    FROM unnest(months, month_touchpoints) k(month_start, touchpoint)
    CROSS JOIN LATERAL (SELECT * FROM cjkpi.survey_daily x
                        WHERE x.touchpoint = k.touchpoint AND x.bucket_day >= k.month_start
                          AND x.bucket_day < (k.month_start::timestamp + interval '1 month')::date
                        OFFSET 0) d
    GROUP BY 1, 2, 3, 4, 5, 6;
    RETURN coalesce(pg_catalog.array_length(days, 1), 0);
END
$$;
COMMENT ON FUNCTION cjkpi.refresh_survey(boolean, date[], text[]) IS
    'Part of cjkpi.refresh(): replaces the listed survey buckets (or all) with summaries recomputed from cjkpi.responses, and their months';

/*
 * Recompute customer days from the events: the activity of each listed
 * (customer, day), and whether each entry (first event at a touchpoint that
 * day) was followed by a conversion-stage event within the window.
 */
CREATE FUNCTION cjkpi.refresh_activity(everything boolean, customers text[], days date[]) RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tz text := cjkpi.time_zone();
    s cjkpi.settings;
BEGIN
    SELECT * INTO s FROM cjkpi.settings;
    IF everything THEN
        -- every customer day there is: the same path as an incremental refresh
        DELETE FROM cjkpi.customer_daily;
        SELECT array_agg(k.customer_id), array_agg(k.bucket_day) INTO customers, days
        FROM (SELECT DISTINCT e.customer_id, (e.occurred_at AT TIME ZONE tz)::date AS bucket_day
              FROM cjkpi.events e) k;
    ELSE
        DELETE FROM cjkpi.customer_daily a
        USING unnest(customers, days) k(customer_id, bucket_day)
        WHERE a.customer_id = k.customer_id AND a.bucket_day = k.bucket_day;
    END IF;
    INSERT INTO cjkpi.customer_daily
    SELECT g.bucket_day, g.customer_id, g.touchpoint, g.segment, g.events, g.sessions, g.first_at,
           CASE WHEN t.stage = s.conversion_stage THEN NULL
                ELSE EXISTS (SELECT 1 FROM cjkpi.events x JOIN cjkpi.touchpoints xt ON xt.touchpoint = x.touchpoint
                             WHERE x.customer_id = g.customer_id AND xt.stage = s.conversion_stage
                               AND x.occurred_at >= g.first_at AND x.occurred_at <= g.first_at + s.conversion_window) END
    FROM (SELECT k.bucket_day, e.customer_id, e.touchpoint, e.segment,
                 count(*) AS events,
                 coalesce(array_agg(DISTINCT e.session_id) FILTER (WHERE e.session_id IS NOT NULL), '{}') AS sessions,
                 min(e.occurred_at) AS first_at
          FROM unnest(customers, days) k(customer_id, bucket_day)
          CROSS JOIN LATERAL (SELECT * FROM cjkpi.events x
                              WHERE x.customer_id = k.customer_id
                                AND x.occurred_at >= (k.bucket_day::timestamp AT TIME ZONE tz)
                                AND x.occurred_at < ((k.bucket_day + 1)::timestamp AT TIME ZONE tz)
                              OFFSET 0) e
          GROUP BY 1, 2, 3, 4) g
    JOIN cjkpi.touchpoints t ON t.touchpoint = g.touchpoint;
    RETURN coalesce(pg_catalog.array_length(days, 1), 0);
END
$$;
COMMENT ON FUNCTION cjkpi.refresh_activity(boolean, text[], date[]) IS
    'Part of cjkpi.refresh(): replaces the listed customer days (or all) with activity recomputed from cjkpi.events';

/*
 * The log is consumed first (DELETE ... RETURNING) and the buckets are then
 * recomputed by later statements of the same transaction, whose snapshots
 * see every change whose log row was consumed; log rows of transactions
 * still running stay for the next refresh.  The transaction-level advisory
 * lock makes concurrent refreshes wait for each other, and a refresh that
 * fails or is cancelled rolls back whole, log included.
 */
CREATE PROCEDURE cjkpi.refresh()
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    started timestamptz := clock_timestamp();
    s_all boolean;
    s_days date[];
    s_tps text[];
    e_all boolean;
    e_customers text[];
    e_days date[];
    n_survey bigint;
    n_days bigint;
BEGIN
    PERFORM pg_catalog.pg_advisory_xact_lock(1667918704, 1);
    WITH d AS (DELETE FROM cjkpi.survey_changes RETURNING bucket_day, touchpoint),
         k AS (SELECT DISTINCT bucket_day, touchpoint FROM d)
    SELECT coalesce(bool_or(k.bucket_day IS NULL OR k.touchpoint IS NULL), false),
           array_agg(k.bucket_day), array_agg(k.touchpoint)
    INTO s_all, s_days, s_tps FROM k;
    WITH d AS (DELETE FROM cjkpi.event_changes RETURNING customer_id, bucket_day),
         k AS (SELECT DISTINCT customer_id, bucket_day FROM d)
    SELECT coalesce(bool_or(k.customer_id IS NULL OR k.bucket_day IS NULL), false),
           array_agg(k.customer_id), array_agg(k.bucket_day)
    INTO e_all, e_customers, e_days FROM k;
    n_survey := cjkpi.refresh_survey(s_all, s_days, s_tps);
    n_days := cjkpi.refresh_activity(e_all, e_customers, e_days);
    INSERT INTO cjkpi.refresh_log VALUES (started, clock_timestamp(), n_survey, n_days, s_all OR e_all);
    DELETE FROM cjkpi.refresh_log
    WHERE started_at < (SELECT min(started_at) FROM (SELECT started_at FROM cjkpi.refresh_log
                                                     ORDER BY started_at DESC LIMIT 1000) l);
END
$$;
COMMENT ON PROCEDURE cjkpi.refresh() IS
    'Brings the daily rollups up to date: recomputes exactly the buckets and customer days changed since the last refresh';

CREATE PROCEDURE cjkpi.rebuild()
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    INSERT INTO cjkpi.survey_changes VALUES (NULL, NULL);
    INSERT INTO cjkpi.event_changes VALUES (NULL, NULL);
    CALL cjkpi.refresh();
END
$$;
COMMENT ON PROCEDURE cjkpi.rebuild() IS
    'Recomputes every rollup from the facts (after loading a partition directly, or restoring with --disable-triggers)';

/* 83_journey_survey_views.sql: survey KPI views over the daily rollups */

/*
 * A rollup row carries one summary column per metric, the other two NULL,
 * so the figures of a row are the coalesce of the three accessors.  Values
 * below the display minimum (anonymity) are NULL; the count stays.
 *
 * The SQL helpers have string bodies (SQL-standard bodies need PostgreSQL
 * 14), which are parsed when they run: every function is qualified and
 * search_path is pinned, so no schema of the caller's can supply an
 * operator or a function.
 */
CREATE FUNCTION cjkpi.kpi_figures(n @extschema@.nps_summary, c @extschema@.csat_summary, e @extschema@.ces_summary,
                                  min_display integer,
                                  OUT responses bigint, OUT value double precision,
                                  OUT ci_lower double precision, OUT ci_upper double precision)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT x.r, CASE WHEN x.r >= min_display THEN x.v END,
           CASE WHEN x.r >= min_display THEN x.lo END, CASE WHEN x.r >= min_display THEN x.hi END
    FROM (SELECT coalesce(@extschema@.responses(n), @extschema@.responses(c), @extschema@.responses(e)) AS r,
                 coalesce(@extschema@.nps(n), @extschema@.csat(c), @extschema@.ces(e)) AS v,
                 coalesce(@extschema@.ci_lower(n), @extschema@.ci_lower(c), @extschema@.ci_lower(e)) AS lo,
                 coalesce(@extschema@.ci_upper(n), @extschema@.ci_upper(c), @extschema@.ci_upper(e)) AS hi) x
$$;
COMMENT ON FUNCTION cjkpi.kpi_figures(@extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary, integer) IS
    'Responses, KPI value and 95 % interval of whichever summary is not NULL; value and interval NULL below min_display responses';

/* Two-sided test of a - b on whichever pair of summaries is not NULL (adjusted-Wald z, pooled z, Welch t). */
CREATE FUNCTION cjkpi.kpi_compare(a_n @extschema@.nps_summary, a_c @extschema@.csat_summary, a_e @extschema@.ces_summary,
                                  b_n @extschema@.nps_summary, b_c @extschema@.csat_summary, b_e @extschema@.ces_summary,
                                  OUT difference double precision, OUT z double precision, OUT p_value double precision)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT s.difference, s.z, s.p_value FROM @extschema@.significance(a_n, b_n) s WHERE a_n IS NOT NULL
    UNION ALL SELECT s.difference, s.z, s.p_value FROM @extschema@.significance(a_c, b_c) s WHERE a_c IS NOT NULL
    UNION ALL SELECT s.difference, s.z, s.p_value FROM @extschema@.significance(a_e, b_e) s WHERE a_e IS NOT NULL
    LIMIT 1
$$;
COMMENT ON FUNCTION cjkpi.kpi_compare(@extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary,
                                      @extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary) IS
    'Two-sided significance() of a - b for the metric whose summaries are given (the others NULL)';

/* One-tailed test against a benchmark, in the direction of the observed difference. */
CREATE FUNCTION cjkpi.kpi_against(n @extschema@.nps_summary, c @extschema@.csat_summary, e @extschema@.ces_summary,
                                  benchmark double precision,
                                  OUT difference double precision, OUT z double precision, OUT p_value double precision)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT s.difference, s.z, CASE WHEN s.z >= 0 THEN s.p_value ELSE 1 - s.p_value END
    FROM (SELECT * FROM @extschema@.significance(n, benchmark) WHERE n IS NOT NULL
          UNION ALL SELECT * FROM @extschema@.significance(c, benchmark) WHERE c IS NOT NULL
          UNION ALL SELECT * FROM @extschema@.significance(e, benchmark) WHERE e IS NOT NULL LIMIT 1) s
$$;
COMMENT ON FUNCTION cjkpi.kpi_against(@extschema@.nps_summary, @extschema@.csat_summary, @extschema@.ces_summary, double precision) IS
    'One-tailed significance() against a benchmark: p_value = P(Z >= z) when z >= 0, P(Z <= z) when z < 0';

CREATE VIEW cjkpi.touchpoint_kpis AS
SELECT s.touchpoint, t.stage, s.metric, f.responses, f.value, f.ci_lower, f.ci_upper, s.scale
FROM (SELECT d.touchpoint, d.metric, d.scale, @extschema@.rollup(d.nps) AS n, @extschema@.rollup(d.csat) AS c,
             @extschema@.rollup(d.ces) AS e
      FROM cjkpi.survey_daily d GROUP BY d.touchpoint, d.metric, d.scale) s
JOIN cjkpi.touchpoints t ON t.touchpoint = s.touchpoint
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.touchpoint_kpis IS 'Survey KPIs of each touchpoint over all responses, from the daily rollups';

CREATE VIEW cjkpi.stage_kpis AS
SELECT s.stage, s.metric, f.responses, f.value, f.ci_lower, f.ci_upper, s.scale, s.position
FROM (SELECT t.stage, st.position, d.metric, d.scale, @extschema@.rollup(d.nps) AS n,
             @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
      FROM cjkpi.survey_daily d JOIN cjkpi.touchpoints t ON t.touchpoint = d.touchpoint
      JOIN cjkpi.stages st ON st.stage = t.stage
      GROUP BY t.stage, st.position, d.metric, d.scale) s
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.stage_kpis IS
    'Survey KPIs of each journey stage: the responses of its touchpoints pooled (a rollup of summaries, not an average of scores)';

CREATE VIEW cjkpi.segment_kpis AS
SELECT s.segment, s.touchpoint, s.metric, f.responses, f.value, f.ci_lower, f.ci_upper, t.stage, s.scale
FROM (SELECT d.segment, d.touchpoint, d.metric, d.scale, @extschema@.rollup(d.nps) AS n,
             @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
      FROM cjkpi.survey_daily d GROUP BY d.segment, d.touchpoint, d.metric, d.scale) s
JOIN cjkpi.touchpoints t ON t.touchpoint = s.touchpoint
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.segment_kpis IS 'Survey KPIs of each segment (persona) at each touchpoint, over all responses';

/*
 * The period building block: summaries per granularity, period, touchpoint
 * (NULL: the whole stage) and metric.  Weeks are ISO weeks (Monday); days
 * are the configured zone's, fixed when the rollup was refreshed.
 */
CREATE VIEW cjkpi.survey_periods AS
WITH p AS NOT MATERIALIZED (
    -- days and ISO weeks from the days, months and quarters from the months
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, d.bucket_day::timestamp)::date AS period_start,
           d.touchpoint, d.metric, d.scale, d.nps, d.csat, d.ces
    FROM cjkpi.survey_daily d CROSS JOIN (VALUES ('day'), ('week')) g(granularity)
    UNION ALL
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, m.month_start::timestamp)::date,
           m.touchpoint, m.metric, m.scale, m.nps, m.csat, m.ces
    FROM cjkpi.survey_monthly m CROSS JOIN (VALUES ('month'), ('quarter')) g(granularity)
)
SELECT a.granularity, a.period_start, a.touchpoint, t.stage, a.metric, a.scale, a.nps, a.csat, a.ces
FROM (SELECT p.granularity, p.period_start, p.touchpoint, p.metric, p.scale,
             @extschema@.rollup(p.nps) AS nps, @extschema@.rollup(p.csat) AS csat, @extschema@.rollup(p.ces) AS ces
      FROM p GROUP BY 1, 2, 3, 4, 5) a
JOIN cjkpi.touchpoints t ON t.touchpoint = a.touchpoint
UNION ALL
SELECT p.granularity, p.period_start, NULL, t.stage, p.metric, p.scale,
       @extschema@.rollup(p.nps), @extschema@.rollup(p.csat), @extschema@.rollup(p.ces)
FROM p JOIN cjkpi.touchpoints t ON t.touchpoint = p.touchpoint
GROUP BY 1, 2, 4, 5, 6;
COMMENT ON VIEW cjkpi.survey_periods IS
    'Survey summaries per period (day, ISO week, month, quarter) and touchpoint (NULL: the stage pooled), to roll up further';

CREATE VIEW cjkpi.kpi_trend AS
SELECT p.granularity, p.period_start, p.touchpoint, p.stage, p.metric, f.responses, f.value, f.ci_lower, f.ci_upper,
       p.scale,
       (p.period_start::timestamp + CASE p.granularity WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days'
                                        WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date AS period_end
FROM cjkpi.survey_periods p
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(p.nps, p.csat, p.ces, cfg.min_responses_display) f;
COMMENT ON VIEW cjkpi.kpi_trend IS 'Survey KPIs per day, ISO week, month and quarter, per touchpoint and per stage (touchpoint NULL)';

CREATE VIEW cjkpi.kpi_changes AS
SELECT c.granularity, c.period_start, c.touchpoint, c.metric,
       CASE WHEN shown THEN fc.value END AS value, CASE WHEN shown THEN fp.value END AS previous_value,
       CASE WHEN shown THEN fc.value - fp.value END AS difference, CASE WHEN shown THEN t.p_value END AS p_value,
       coalesce(shown AND t.z < 0 AND t.p_value <= cfg.alert_level
                AND fc.responses >= cfg.min_responses_alert AND fp.responses >= cfg.min_responses_alert, false) AS alert,
       c.stage, c.scale, fc.responses, fp.responses AS previous_responses, CASE WHEN shown THEN t.z END AS z
FROM cjkpi.survey_periods c
JOIN cjkpi.survey_periods p ON p.granularity = c.granularity AND p.touchpoint = c.touchpoint AND p.metric = c.metric
     AND p.scale = c.scale
     AND p.period_start = (c.period_start::timestamp - CASE c.granularity WHEN 'day' THEN interval '1 day'
                               WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                               ELSE interval '3 months' END)::date
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(c.nps, c.csat, c.ces, cfg.min_responses_display) fc
CROSS JOIN LATERAL cjkpi.kpi_figures(p.nps, p.csat, p.ces, cfg.min_responses_display) fp
CROSS JOIN LATERAL (SELECT fc.responses >= cfg.min_responses_display AND fp.responses >= cfg.min_responses_display) v(shown)
CROSS JOIN LATERAL (SELECT k.difference, k.z,
                           CASE WHEN k.z < 0 THEN k.p_value / 2 ELSE 1 - k.p_value / 2 END AS p_value
                    FROM cjkpi.kpi_compare(c.nps, c.csat, c.ces, p.nps, p.csat, p.ces) k) t;
COMMENT ON VIEW cjkpi.kpi_changes IS
    'Each period''s survey KPI against the previous period of the same granularity, with a one-sided test for a decline';

CREATE VIEW cjkpi.variant_kpis AS
WITH v AS (
    SELECT d.touchpoint, d.metric, d.scale, d.variant, @extschema@.rollup(d.nps) AS n,
           @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
    FROM cjkpi.survey_daily d WHERE d.variant IS NOT NULL
    GROUP BY d.touchpoint, d.metric, d.scale, d.variant
), ctl AS (
    SELECT DISTINCT ON (v.touchpoint, v.metric, v.scale) v.*
    FROM v CROSS JOIN cjkpi.settings cfg
    ORDER BY v.touchpoint, v.metric, v.scale, v.variant IS DISTINCT FROM cfg.control_variant, v.variant
)
SELECT v.touchpoint, v.metric, v.variant, f.responses, f.value, f.ci_lower, f.ci_upper,
       CASE WHEN v.variant <> ctl.variant AND shown THEN f.value - fc.value END AS difference,
       CASE WHEN v.variant <> ctl.variant AND shown THEN k.p_value END AS p_value,
       v.variant = ctl.variant AS is_control, ctl.variant AS control, v.scale
FROM v JOIN ctl ON ctl.touchpoint = v.touchpoint AND ctl.metric = v.metric AND ctl.scale = v.scale
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(v.n, v.c, v.e, cfg.min_responses_display) f
CROSS JOIN LATERAL cjkpi.kpi_figures(ctl.n, ctl.c, ctl.e, cfg.min_responses_display) fc
CROSS JOIN LATERAL (SELECT f.responses >= cfg.min_responses_display AND fc.responses >= cfg.min_responses_display) s(shown)
CROSS JOIN LATERAL cjkpi.kpi_compare(v.n, v.c, v.e, ctl.n, ctl.c, ctl.e) k;
COMMENT ON VIEW cjkpi.variant_kpis IS
    'A/B test: each variant''s survey KPI against the control (settings.control_variant, else the first variant in sort order)';

/*
 * Benchmarks of the same metric only (an ACSI index is not a CSAT %); the
 * configured industry, or every industry when none is set.
 */
CREATE VIEW cjkpi.benchmark_gap AS
WITH s AS (
    SELECT d.touchpoint, d.metric, d.scale, @extschema@.rollup(d.nps) AS n,
           @extschema@.rollup(d.csat) AS c, @extschema@.rollup(d.ces) AS e
    FROM cjkpi.survey_daily d
    GROUP BY GROUPING SETS ((d.touchpoint, d.metric, d.scale), (d.metric, d.scale))
)
SELECT s.touchpoint, s.metric, f.value, b.value AS benchmark, b.industry, b.source, b.year,
       CASE WHEN shown THEN f.value - b.value END AS difference, CASE WHEN shown THEN k.p_value END AS p_value,
       coalesce(shown AND k.p_value <= cfg.alert_level, false) AS significant,
       coalesce(shown AND k.z < 0 AND k.p_value <= cfg.alert_level, false) AS below,
       f.responses, s.scale, CASE WHEN shown THEN k.z END AS z
FROM s
JOIN cjkpi.benchmarks b ON b.metric = s.metric
CROSS JOIN cjkpi.settings cfg
CROSS JOIN LATERAL cjkpi.kpi_figures(s.n, s.c, s.e, cfg.min_responses_display) f
CROSS JOIN LATERAL (SELECT f.responses >= cfg.min_responses_display) v(shown)
CROSS JOIN LATERAL cjkpi.kpi_against(s.n, s.c, s.e, b.value) k
WHERE cfg.industry IS NULL OR b.industry = cfg.industry;
COMMENT ON VIEW cjkpi.benchmark_gap IS
    'Each touchpoint (NULL: the whole journey) against each benchmark of the same metric, with a one-tailed test';

/*
 * "Prioritize the low-scoring KPIs": touchpoints significantly below their
 * reference, ranked by priority = (reference - value) * responses / all
 * responses of the metric, i.e. the gap weighted by the touchpoint's share
 * of the volume.  The reference is a user's target (industry 'target') if
 * there is one, else the most recent benchmark (the highest if several).
 */
CREATE VIEW cjkpi.priorities AS
WITH g AS (
    SELECT DISTINCT ON (b.touchpoint, b.metric, b.scale) b.*
    FROM cjkpi.benchmark_gap b
    WHERE b.touchpoint IS NOT NULL AND b.below
    ORDER BY b.touchpoint, b.metric, b.scale, b.industry <> 'target', b.year DESC, b.benchmark DESC, b.source
), total AS (
    SELECT d.metric, sum(d.responses) AS responses FROM cjkpi.survey_daily d GROUP BY d.metric
), w AS (
    SELECT g.*, (g.benchmark - g.value) * g.responses / total.responses::double precision AS priority
    FROM g JOIN total ON total.metric = g.metric
)
SELECT pg_catalog.rank() OVER (ORDER BY w.priority DESC, w.touchpoint, w.metric) AS rank,
       w.touchpoint, t.stage, w.metric, w.responses, w.value, w.benchmark, w.benchmark - w.value AS gap,
       w.priority, w.industry, w.source, w.year, w.p_value
FROM w JOIN cjkpi.touchpoints t ON t.touchpoint = w.touchpoint;
COMMENT ON VIEW cjkpi.priorities IS
    'Touchpoints significantly below target or benchmark, ranked by gap x share of the metric''s responses';

/* 84_journey_event_views.sql: event-based stage KPIs, conversion control charts, alerts */

/*
 * Conversion attributed to the entry period: in each period a customer's
 * entry at a touchpoint is their first event there in the period (the first
 * row of customer_daily in the period), and it converts when a
 * conversion-stage event follows it within settings.conversion_window
 * (fixed at refresh time in customer_daily.converted).  touchpoint NULL is
 * the journey: the first event of the entry stage.  This is computed here
 * in SQL; window_funnel_start may replace it later.
 */
CREATE VIEW cjkpi.conversion_trend AS
WITH a AS (
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, d.bucket_day::timestamp)::date AS period_start,
           d.customer_id, d.touchpoint, t.stage, d.first_at, d.converted
    FROM cjkpi.customer_daily d
    JOIN cjkpi.touchpoints t ON t.touchpoint = d.touchpoint
    CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) g(granularity)
    WHERE d.converted IS NOT NULL
), per_touchpoint AS (
    SELECT DISTINCT ON (a.granularity, a.period_start, a.touchpoint, a.customer_id)
           a.granularity, a.period_start, a.touchpoint, a.stage, a.converted
    FROM a ORDER BY a.granularity, a.period_start, a.touchpoint, a.customer_id, a.first_at
), per_journey AS (
    SELECT DISTINCT ON (a.granularity, a.period_start, a.customer_id)
           a.granularity, a.period_start, NULL::text AS touchpoint, a.stage, a.converted
    FROM a CROSS JOIN cjkpi.settings cfg
    WHERE a.stage = cfg.entry_stage
    ORDER BY a.granularity, a.period_start, a.customer_id, a.first_at
)
SELECT e.granularity, e.period_start, e.touchpoint, e.stage, count(*) AS customers,
       count(*) FILTER (WHERE e.converted) AS converted,
       100.0 * count(*) FILTER (WHERE e.converted) / count(*) AS rate,
       -- final once the window after the period's last entry lies before the end of the data
       e.period_start::timestamp + CASE e.granularity WHEN 'day' THEN interval '1 day'
                                       WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                                       ELSE interval '3 months' END + cfg.conversion_window <= last.data_end AS is_final
FROM (SELECT * FROM per_touchpoint UNION ALL SELECT * FROM per_journey) e
CROSS JOIN cjkpi.settings cfg
CROSS JOIN (SELECT (max(d.bucket_day) + 1)::timestamp AS data_end FROM cjkpi.customer_daily d) last
GROUP BY e.granularity, e.period_start, e.touchpoint, e.stage, cfg.conversion_window, last.data_end;
COMMENT ON VIEW cjkpi.conversion_trend IS
    'Per period: customers entering at each touchpoint (NULL: the journey''s entry stage) and % converting within the window';

/*
 * Stage KPIs from events, per period.  Distinct counts are exact over the
 * period (count(DISTINCT) over customer_daily, never a sum of daily counts).
 * repeat_rate: % of customers with a conversion-stage event in the period who
 * have one again in the next period; NULL until the next period has ended
 * (by the last day with events).
 */
CREATE VIEW cjkpi.journey_kpis AS
WITH a AS (
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, d.bucket_day::timestamp)::date AS period_start,
           d.customer_id, t.stage, d.events, d.sessions, d.bucket_day
    FROM cjkpi.customer_daily d
    JOIN cjkpi.touchpoints t ON t.touchpoint = d.touchpoint
    CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) g(granularity)
), activity AS (
    SELECT a.granularity, a.period_start, a.stage, count(DISTINCT a.customer_id) AS customers,
           sum(a.events) AS events
    FROM a GROUP BY a.granularity, a.period_start, a.stage
), sessions AS (
    SELECT a.granularity, a.period_start, a.stage, count(DISTINCT x.session_id) AS sessions
    FROM a CROSS JOIN LATERAL unnest(a.sessions) x(session_id)
    GROUP BY a.granularity, a.period_start, a.stage
), firsts AS (
    SELECT g.granularity, pg_catalog.date_trunc(g.granularity, f.first_day::timestamp)::date AS period_start,
           count(*) AS customers
    FROM (SELECT d.customer_id, min(d.bucket_day) AS first_day FROM cjkpi.customer_daily d GROUP BY d.customer_id) f
    CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) g(granularity)
    GROUP BY 1, 2
), converters AS (
    SELECT DISTINCT a.granularity, a.period_start, a.customer_id
    FROM a CROSS JOIN cjkpi.settings cfg WHERE a.stage = cfg.conversion_stage
), repeats AS (
    SELECT c.granularity, c.period_start, count(*) AS customers, count(n.customer_id) AS repeated,
           (c.period_start::timestamp + 2 * p.step)::date <= last.day + 1 AS mature
    FROM converters c
    CROSS JOIN LATERAL (SELECT CASE c.granularity WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days'
                                    WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END) p(step)
    CROSS JOIN (SELECT max(d.bucket_day) AS day FROM cjkpi.customer_daily d) last
    LEFT JOIN converters n ON n.granularity = c.granularity AND n.customer_id = c.customer_id
         AND n.period_start = (c.period_start::timestamp + p.step)::date
    GROUP BY c.granularity, c.period_start, p.step, last.day
)
SELECT x.granularity, x.period_start, x.stage, 'reach'::text AS kpi, x.customers::double precision AS value, x.customers
FROM activity x
UNION ALL
SELECT x.granularity, x.period_start, x.stage, 'events_per_customer', x.events::double precision / x.customers, x.customers
FROM activity x
UNION ALL
SELECT x.granularity, x.period_start, x.stage, 'sessions_per_customer', s.sessions::double precision / x.customers, x.customers
FROM activity x JOIN sessions s USING (granularity, period_start, stage)
UNION ALL
SELECT f.granularity, f.period_start, cfg.entry_stage, 'new_customers', f.customers::double precision, f.customers
FROM firsts f CROSS JOIN cjkpi.settings cfg
UNION ALL
SELECT c.granularity, c.period_start, cfg.conversion_stage, 'conversion_rate', c.rate::double precision, c.customers
FROM cjkpi.conversion_trend c CROSS JOIN cjkpi.settings cfg WHERE c.touchpoint IS NULL
UNION ALL
SELECT r.granularity, r.period_start, cfg.retention_stage, 'repeat_rate',
       CASE WHEN r.mature THEN 100.0 * r.repeated / r.customers END, r.customers
FROM repeats r CROSS JOIN cjkpi.settings cfg;
COMMENT ON VIEW cjkpi.journey_kpis IS
    'Event-based stage KPIs per day, ISO week, month and quarter: reach, new_customers, events_per_customer, sessions_per_customer, conversion_rate, repeat_rate';

/* The decline side of a tabular CUSUM, run as a window aggregate in period order. */
CREATE FUNCTION cjkpi.cusum_lower_step(s double precision, z double precision, k double precision, h double precision)
    RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT CASE WHEN z IS NULL THEN s
                ELSE GREATEST(0, CASE WHEN s > h THEN 0 ELSE s END - z - k) END
$$;
COMMENT ON FUNCTION cjkpi.cusum_lower_step(double precision, double precision, double precision, double precision) IS
    'CUSUM step: S = max(0, S_prev - z - k), restarting from 0 after a signal (S_prev > h); NULL z leaves S unchanged';
CREATE AGGREGATE cjkpi.cusum_lower(z double precision, k double precision, h double precision) (
    SFUNC = cjkpi.cusum_lower_step,
    STYPE = double precision,
    INITCOND = '0',
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE cjkpi.cusum_lower(double precision, double precision, double precision) IS
    'Decline-side tabular CUSUM of standardized values z with allowance k (signal when the running value exceeds h); use OVER (ORDER BY period)';
/* a support function, like the others: the aggregate works for every role (it checks EXECUTE as its owner) */
REVOKE EXECUTE ON FUNCTION cjkpi.cusum_lower_step(double precision, double precision, double precision, double precision) FROM PUBLIC;

/*
 * p-chart, Phase II: the centre line of each period is the pooled rate of
 * the chart_periods periods before it (the period itself excluded, so a
 * drop cannot widen its own limits), and the normal limits are used only
 * with at least min_responses_alert customers and n * p >= 6.
 */
CREATE VIEW cjkpi.conversion_chart AS
WITH s AS (
    SELECT c.*, cfg.chart_periods AS k, cfg.min_responses_alert, cfg.cusum_k, cfg.cusum_h,
           pg_catalog.row_number() OVER w AS rn,
           sum(c.converted) OVER w AS cum_x, sum(c.customers) OVER w AS cum_n
    FROM cjkpi.conversion_trend c CROSS JOIN cjkpi.settings cfg
    WINDOW w AS (PARTITION BY c.granularity, c.touchpoint ORDER BY c.period_start)
), base AS (
    -- the k preceding periods by differences of running sums (numeric: the
    -- default of lag() has the value's type on PostgreSQL 13)
    SELECT s.*, LEAST(s.rn - 1, s.k) AS periods,
           (pg_catalog.lag(s.cum_x, 1, 0::numeric) OVER w - pg_catalog.lag(s.cum_x, s.k + 1, 0::numeric) OVER w)::double precision
           / nullif(pg_catalog.lag(s.cum_n, 1, 0::numeric) OVER w - pg_catalog.lag(s.cum_n, s.k + 1, 0::numeric) OVER w, 0) AS centre
    FROM s
    WINDOW w AS (PARTITION BY s.granularity, s.touchpoint ORDER BY s.period_start)
), b AS (
    SELECT base.*,
           CASE WHEN base.is_final AND base.periods = base.k AND base.customers >= base.min_responses_alert
                     AND base.customers * base.centre >= 6 AND base.customers * (1 - base.centre) >= 6
                THEN pg_catalog.sqrt(base.centre * (1 - base.centre) / base.customers) END AS sigma
    FROM base
), z AS (
    SELECT b.*, (b.converted::double precision / b.customers - b.centre) / nullif(b.sigma, 0) AS z
    FROM b
), c AS (
    SELECT z.*, cjkpi.cusum_lower(z.z, z.cusum_k, z.cusum_h)
                    OVER (PARTITION BY z.granularity, z.touchpoint ORDER BY z.period_start) AS cusum
    FROM z
)
SELECT c.granularity, c.period_start, c.touchpoint, c.stage, c.customers, c.converted, c.rate,
       100 * c.centre AS centre,
       CASE WHEN c.sigma IS NOT NULL THEN 100 * GREATEST(0, c.centre - 3 * c.sigma) END AS lower_limit,
       CASE WHEN c.sigma IS NOT NULL THEN 100 * LEAST(1, c.centre + 3 * c.sigma) END AS upper_limit, c.z,
       CASE WHEN c.sigma IS NOT NULL THEN c.cusum END AS cusum,
       coalesce(c.z < -3, false) AS pchart_alert,
       coalesce(c.sigma IS NOT NULL AND c.cusum > c.cusum_h, false) AS cusum_alert,
       CASE WHEN NOT c.is_final THEN 'immature' WHEN c.sigma IS NULL THEN 'insufficient_data'
            WHEN c.z < -3 OR c.cusum > c.cusum_h THEN 'alert' ELSE 'in_control' END AS status,
       c.is_final
FROM c;
COMMENT ON VIEW cjkpi.conversion_chart IS
    'p-chart and CUSUM of conversion rates per period, touchpoint (NULL: journey) and granularity, against the preceding periods';

CREATE VIEW cjkpi.kpi_alerts AS
SELECT k.granularity, k.period_start, k.touchpoint, k.stage, k.metric AS kpi, k.value, k.previous_value AS baseline,
       k.responses AS n, k.z AS statistic, k.p_value,
       'decline against the previous period (one-sided p <= alert_level)'::text AS reason
FROM cjkpi.kpi_changes k WHERE k.alert
UNION ALL
SELECT c.granularity, c.period_start, c.touchpoint, c.stage, 'conversion_rate', c.rate, c.centre, c.customers,
       r.statistic, NULL, r.reason
FROM cjkpi.conversion_chart c
CROSS JOIN LATERAL (SELECT c.z, 'p-chart: below the lower 3-sigma limit of the preceding periods'::text
                    WHERE c.pchart_alert
                    UNION ALL
                    SELECT c.cusum, 'CUSUM: sustained decline below the preceding periods'' rate'
                    WHERE c.cusum_alert) r(statistic, reason)
WHERE c.pchart_alert OR c.cusum_alert;
COMMENT ON VIEW cjkpi.kpi_alerts IS
    'Alerts: significant survey KPI declines (kpi_changes) and conversion rates out of control (p-chart, CUSUM)';

/* 85_journey_loop.sql: comment themes, the follow-up queue, one customer's timeline */

/*
 * Terms of NPS comments per touchpoint and category, from full-text search
 * in the configured text-search configuration (stemmed lexemes, stop words
 * dropped).  Terms used by fewer than min_responses_display responses are
 * left out, like small KPI cells.  Comments have no rollup: this reads the
 * responses.
 */
CREATE VIEW cjkpi.comment_themes AS
WITH c AS (
    SELECT r.touchpoint, r.response_id,
           CASE WHEN r.score >= 9 THEN 'promoter' WHEN r.score >= 7 THEN 'passive' ELSE 'detractor' END AS category,
           pg_catalog.to_tsvector(cfg.text_search_config, r.comment) AS doc
    FROM cjkpi.responses r CROSS JOIN cjkpi.settings cfg
    WHERE r.metric = 'nps' AND r.score IS NOT NULL AND r.comment IS NOT NULL AND r.comment <> ''
), totals AS (
    SELECT c.touchpoint, c.category, count(*) AS commented FROM c GROUP BY 1, 2
)
SELECT t.touchpoint, t.category, t.term, t.responses,
       100.0 * t.responses / totals.commented AS share,
       pg_catalog.rank() OVER (PARTITION BY t.touchpoint, t.category ORDER BY t.responses DESC) AS rank
FROM (SELECT c.touchpoint, c.category, l.lexeme AS term, count(*) AS responses
      FROM c CROSS JOIN LATERAL pg_catalog.unnest(c.doc) l
      GROUP BY 1, 2, 3) t
JOIN totals USING (touchpoint, category)
CROSS JOIN cjkpi.settings cfg
WHERE t.responses >= cfg.min_responses_display;
COMMENT ON VIEW cjkpi.comment_themes IS
    'Most used terms of NPS comments per touchpoint and category (promoter, passive, detractor), by full-text search';

/*
 * Detractors (NPS 0-6), dissatisfied CSAT answers (the bottom two boxes)
 * and CES answers below the midpoint of the scale that nobody has followed
 * up yet, oldest first.
 */
CREATE VIEW cjkpi.follow_up_queue AS
SELECT r.response_id, r.customer_id, r.touchpoint, t.stage, r.metric, r.score, r.scale, r.answered_at,
       r.segment, r.comment, pg_catalog.now() - r.answered_at AS waiting
FROM cjkpi.responses r
JOIN cjkpi.touchpoints t ON t.touchpoint = r.touchpoint
WHERE CASE r.metric WHEN 'nps' THEN r.score <= 6
                    WHEN 'csat' THEN r.score <= 2
                    ELSE 2 * r.score < 1 + coalesce(r.scale, 7) END
  AND NOT EXISTS (SELECT 1 FROM cjkpi.follow_ups f WHERE f.response = r.response_id)
ORDER BY r.answered_at, r.response_id;
COMMENT ON VIEW cjkpi.follow_up_queue IS
    'Detractors and dissatisfied answers not yet followed up (no row in cjkpi.follow_ups), oldest first';

CREATE VIEW cjkpi.customer_timeline AS
SELECT e.customer_id, e.occurred_at AS at, 'event'::text AS kind, e.touchpoint, t.stage,
       e.event || coalesce(' (session ' || e.session_id || ')', '') AS detail
FROM cjkpi.events e JOIN cjkpi.touchpoints t ON t.touchpoint = e.touchpoint
UNION ALL
SELECT r.customer_id, r.answered_at, 'response', r.touchpoint, t.stage,
       r.metric || ' ' || coalesce(r.score::text, 'unanswered') || coalesce(': ' || r.comment, '')
FROM cjkpi.responses r JOIN cjkpi.touchpoints t ON t.touchpoint = r.touchpoint
UNION ALL
SELECT r.customer_id, f.contacted_at, 'follow_up', r.touchpoint, t.stage,
       'follow-up of response ' || r.response_id || coalesce(' by ' || f.channel, '') || coalesce(': ' || f.note, '')
FROM cjkpi.follow_ups f JOIN cjkpi.responses r ON r.response_id = f.response
JOIN cjkpi.touchpoints t ON t.touchpoint = r.touchpoint
ORDER BY 1, 2, 3;
COMMENT ON VIEW cjkpi.customer_timeline IS
    'One customer''s journey: events, survey responses and follow-ups in time order (filter on customer_id: indexed)';

/* 86_journey_schedule.sql: scheduling cjkpi.refresh() with pg_cron */

/*
 * pg_cron is optional (it must be preloaded and lives in one database), so
 * it is not in requires and is called through dynamic SQL.  Bookworm's
 * pg_cron 1.4 takes five-field schedules (and @hourly etc.) only, always in
 * GMT; 'N seconds' needs 1.5.  The job sets its own statement_timeout, as
 * 1.4 has none per job.
 */
CREATE FUNCTION cjkpi.schedule_refresh(schedule text DEFAULT '*/5 * * * *',
                                       timeout interval DEFAULT '10 minutes') RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    job bigint;
BEGIN
    IF timeout <= '0'::interval THEN
        RAISE EXCEPTION 'timeout must be positive, not %', timeout
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF schedule ~* '^\s*\d+\s*seconds?\s*$' THEN
        RAISE EXCEPTION 'schedule "%" is in seconds', schedule
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'pg_cron 1.4 (Debian bookworm) takes five-field cron schedules such as */5 * * * *; seconds need pg_cron 1.5 or later.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN
        RAISE EXCEPTION 'pg_cron is not installed in this database'
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'cjkpi.schedule_refresh() schedules CALL cjkpi.refresh() with pg_cron.',
                  HINT = format('Install postgresql-%s-cron, set shared_preload_libraries = ''pg_cron'' and cron.database_name to this database, restart, run CREATE EXTENSION pg_cron; or run CALL cjkpi.refresh() from any other scheduler.',
                                current_setting('server_version_num')::integer / 10000);
    END IF;
    EXECUTE 'SELECT cron.schedule($1, $2, $3)' INTO job
        USING 'cjkpi-refresh', schedule,
              format('SET statement_timeout = %L; CALL cjkpi.refresh()',
                     (extract(epoch FROM timeout) * 1000)::bigint || 'ms');
    RETURN job;
END
$$;
COMMENT ON FUNCTION cjkpi.schedule_refresh(text, interval) IS
    'Schedules CALL cjkpi.refresh() with pg_cron (job cjkpi-refresh, five-field cron schedule in GMT); an error when pg_cron is missing';

CREATE FUNCTION cjkpi.unschedule_refresh() RETURNS boolean
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    done boolean;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN
        RAISE EXCEPTION 'pg_cron is not installed in this database'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    EXECUTE 'SELECT cron.unschedule($1)' INTO done USING 'cjkpi-refresh';
    RETURN done;
END
$$;
COMMENT ON FUNCTION cjkpi.unschedule_refresh() IS 'Removes the pg_cron job made by cjkpi.schedule_refresh()';

/* 87_journey_view_columns.sql: the documentation of every view column (Metabase and Superset import it) */

COMMENT ON COLUMN cjkpi.benchmark_gap.touchpoint IS 'Touchpoint; NULL = the whole journey';
COMMENT ON COLUMN cjkpi.benchmark_gap.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.benchmark_gap.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.benchmark_gap.benchmark IS 'Benchmark or target value (cjkpi.benchmarks.value)';
COMMENT ON COLUMN cjkpi.benchmark_gap.industry IS 'Industry of the benchmark (''target'' for a user''s own goal)';
COMMENT ON COLUMN cjkpi.benchmark_gap.source IS 'Where the benchmark was published';
COMMENT ON COLUMN cjkpi.benchmark_gap.year IS 'Year of the benchmark study';
COMMENT ON COLUMN cjkpi.benchmark_gap.difference IS 'value - benchmark, in the KPI''s unit';
COMMENT ON COLUMN cjkpi.benchmark_gap.p_value IS 'One-tailed p-value in the direction of the difference (P(Z >= z) above, P(Z <= z) below)';
COMMENT ON COLUMN cjkpi.benchmark_gap.significant IS 'p_value <= settings.alert_level';
COMMENT ON COLUMN cjkpi.benchmark_gap.below IS 'Significantly below the benchmark';
COMMENT ON COLUMN cjkpi.benchmark_gap.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.benchmark_gap.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.benchmark_gap.z IS 'Test statistic against the benchmark (t for CES)';

COMMENT ON COLUMN cjkpi.comment_themes.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.comment_themes.category IS 'promoter (9-10), passive (7-8) or detractor (0-6)';
COMMENT ON COLUMN cjkpi.comment_themes.term IS 'Lexeme of the comments (settings.text_search_config)';
COMMENT ON COLUMN cjkpi.comment_themes.responses IS 'Commented NPS answers of the category containing the term';
COMMENT ON COLUMN cjkpi.comment_themes.share IS 'responses / commented answers of the touchpoint and category, in %';
COMMENT ON COLUMN cjkpi.comment_themes.rank IS 'Rank of the term within the touchpoint and category (1 = most used)';

COMMENT ON COLUMN cjkpi.conversion_chart.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.conversion_chart.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.conversion_chart.touchpoint IS 'Entry touchpoint; NULL = the journey';
COMMENT ON COLUMN cjkpi.conversion_chart.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.conversion_chart.customers IS 'Customers entering in the period';
COMMENT ON COLUMN cjkpi.conversion_chart.converted IS 'Of those, converted within the window';
COMMENT ON COLUMN cjkpi.conversion_chart.rate IS 'Conversion rate of the period, %';
COMMENT ON COLUMN cjkpi.conversion_chart.centre IS 'p-chart centre line: pooled rate of the settings.chart_periods preceding periods, %';
COMMENT ON COLUMN cjkpi.conversion_chart.lower_limit IS 'Lower 3-sigma limit for this period''s customers, %';
COMMENT ON COLUMN cjkpi.conversion_chart.upper_limit IS 'Upper 3-sigma limit, %';
COMMENT ON COLUMN cjkpi.conversion_chart.z IS 'Standardized rate: (rate - centre) / sigma';
COMMENT ON COLUMN cjkpi.conversion_chart.cusum IS 'Decline-side CUSUM after this period (signal above settings.cusum_h)';
COMMENT ON COLUMN cjkpi.conversion_chart.pchart_alert IS 'Rate below the lower limit';
COMMENT ON COLUMN cjkpi.conversion_chart.cusum_alert IS 'CUSUM signal: a sustained decline';
COMMENT ON COLUMN cjkpi.conversion_chart.is_final IS 'The conversion window after the period has passed (by the last day with events); only final periods get a verdict';
COMMENT ON COLUMN cjkpi.conversion_chart.status IS 'alert, in_control, insufficient_data (fewer periods, customers or n*p below 6) or immature (not final)';

COMMENT ON COLUMN cjkpi.conversion_trend.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.conversion_trend.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.conversion_trend.touchpoint IS 'Entry touchpoint; NULL = the journey (first event of settings.entry_stage)';
COMMENT ON COLUMN cjkpi.conversion_trend.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.conversion_trend.customers IS 'Customers entering in the period (first event at the touchpoint in the period)';
COMMENT ON COLUMN cjkpi.conversion_trend.converted IS 'Of those, customers with a conversion-stage event within settings.conversion_window after their entry';
COMMENT ON COLUMN cjkpi.conversion_trend.is_final IS 'The conversion window after the period has passed (by the last day with events), so the rate will not grow any more';
COMMENT ON COLUMN cjkpi.conversion_trend.rate IS 'converted / customers, in %';

COMMENT ON COLUMN cjkpi.customer_timeline.customer_id IS 'Customer';
COMMENT ON COLUMN cjkpi.customer_timeline.at IS 'When it happened';
COMMENT ON COLUMN cjkpi.customer_timeline.kind IS 'event, response or follow_up';
COMMENT ON COLUMN cjkpi.customer_timeline.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.customer_timeline.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.customer_timeline.detail IS 'What happened: the event, the answer and comment, or the follow-up';

COMMENT ON COLUMN cjkpi.follow_up_queue.response_id IS 'Response to follow up (cjkpi.responses.response_id)';
COMMENT ON COLUMN cjkpi.follow_up_queue.customer_id IS 'Customer to contact';
COMMENT ON COLUMN cjkpi.follow_up_queue.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.follow_up_queue.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.follow_up_queue.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.follow_up_queue.score IS 'The answer';
COMMENT ON COLUMN cjkpi.follow_up_queue.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.follow_up_queue.answered_at IS 'When the answer was given';
COMMENT ON COLUMN cjkpi.follow_up_queue.segment IS 'Segment (persona); NULL for answers without one';
COMMENT ON COLUMN cjkpi.follow_up_queue.comment IS 'The customer''s comment';
COMMENT ON COLUMN cjkpi.follow_up_queue.waiting IS 'Time since the answer';

COMMENT ON COLUMN cjkpi.journey_kpis.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.journey_kpis.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.journey_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.journey_kpis.kpi IS 'reach, new_customers, events_per_customer, sessions_per_customer, conversion_rate (%) or repeat_rate (%)';
COMMENT ON COLUMN cjkpi.journey_kpis.value IS 'KPI value: a count, a ratio per active customer, or a % (rates)';
COMMENT ON COLUMN cjkpi.journey_kpis.customers IS 'Customers the KPI is computed over (active, new, entering, or converting customers)';

COMMENT ON COLUMN cjkpi.kpi_alerts.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.kpi_alerts.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.kpi_alerts.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.kpi_alerts.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.kpi_alerts.kpi IS 'The KPI that alerts: nps, csat, ces or conversion_rate';
COMMENT ON COLUMN cjkpi.kpi_alerts.value IS 'The KPI in the period';
COMMENT ON COLUMN cjkpi.kpi_alerts.baseline IS 'Previous period''s value (survey KPIs) or the p-chart centre line (conversion)';
COMMENT ON COLUMN cjkpi.kpi_alerts.n IS 'Answers or customers in the period';
COMMENT ON COLUMN cjkpi.kpi_alerts.statistic IS 'z (or t) of the test, or the CUSUM value';
COMMENT ON COLUMN cjkpi.kpi_alerts.p_value IS 'One-sided p-value (survey KPIs); NULL for control-chart rules';
COMMENT ON COLUMN cjkpi.kpi_alerts.reason IS 'Rule that fired';

COMMENT ON COLUMN cjkpi.kpi_changes.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.kpi_changes.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.kpi_changes.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.kpi_changes.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.kpi_changes.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.kpi_changes.previous_value IS 'The KPI in the previous period of the same granularity';
COMMENT ON COLUMN cjkpi.kpi_changes.difference IS 'value - previous_value, in the KPI''s unit';
COMMENT ON COLUMN cjkpi.kpi_changes.p_value IS 'One-sided p-value of a decline (adjusted-Wald z for NPS, pooled z for CSAT, Welch t for CES)';
COMMENT ON COLUMN cjkpi.kpi_changes.alert IS 'Significant decline: z < 0, p_value <= settings.alert_level and both periods have at least settings.min_responses_alert answers';
COMMENT ON COLUMN cjkpi.kpi_changes.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.kpi_changes.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.kpi_changes.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.kpi_changes.previous_responses IS 'Answers in the previous period';
COMMENT ON COLUMN cjkpi.kpi_changes.z IS 'Test statistic of value against previous_value';

COMMENT ON COLUMN cjkpi.kpi_trend.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.kpi_trend.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.kpi_trend.touchpoint IS 'Touchpoint; NULL = every touchpoint of the stage pooled';
COMMENT ON COLUMN cjkpi.kpi_trend.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.kpi_trend.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.kpi_trend.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.kpi_trend.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.kpi_trend.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.kpi_trend.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.kpi_trend.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.kpi_trend.period_end IS 'First day after the period';

COMMENT ON COLUMN cjkpi.priorities.rank IS 'Priority rank, 1 = fix first';
COMMENT ON COLUMN cjkpi.priorities.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.priorities.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.priorities.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.priorities.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.priorities.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.priorities.benchmark IS 'The reference: a target if any, else the most recent benchmark';
COMMENT ON COLUMN cjkpi.priorities.gap IS 'benchmark - value (positive: below the reference)';
COMMENT ON COLUMN cjkpi.priorities.priority IS 'gap x responses / all responses of the metric (the gap weighted by volume)';
COMMENT ON COLUMN cjkpi.priorities.industry IS 'Industry of the reference';
COMMENT ON COLUMN cjkpi.priorities.source IS 'Source of the reference';
COMMENT ON COLUMN cjkpi.priorities.year IS 'Year of the reference';
COMMENT ON COLUMN cjkpi.priorities.p_value IS 'One-tailed p-value of the shortfall';

COMMENT ON COLUMN cjkpi.segment_kpis.segment IS 'Segment (persona); NULL for answers without one';
COMMENT ON COLUMN cjkpi.segment_kpis.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.segment_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.segment_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.segment_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.segment_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.segment_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.segment_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.segment_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';

COMMENT ON COLUMN cjkpi.stage_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.stage_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.stage_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.stage_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.stage_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.stage_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.stage_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.stage_kpis.position IS 'Order of the stage in the journey';

COMMENT ON COLUMN cjkpi.survey_periods.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.survey_periods.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.survey_periods.touchpoint IS 'Touchpoint; NULL = every touchpoint of the stage pooled';
COMMENT ON COLUMN cjkpi.survey_periods.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.survey_periods.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.survey_periods.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.survey_periods.nps IS 'nps_summary of the period (metric nps), to roll up further';
COMMENT ON COLUMN cjkpi.survey_periods.csat IS 'csat_summary of the period (metric csat)';
COMMENT ON COLUMN cjkpi.survey_periods.ces IS 'ces_summary of the period (metric ces)';

COMMENT ON COLUMN cjkpi.touchpoint_kpis.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';

COMMENT ON COLUMN cjkpi.variant_kpis.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.variant_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.variant_kpis.variant IS 'A/B variant';
COMMENT ON COLUMN cjkpi.variant_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.variant_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.variant_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.variant_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.variant_kpis.difference IS 'value - the control''s value (NULL for the control)';
COMMENT ON COLUMN cjkpi.variant_kpis.p_value IS 'Two-sided p-value of the difference to the control';
COMMENT ON COLUMN cjkpi.variant_kpis.is_control IS 'True for the control variant';
COMMENT ON COLUMN cjkpi.variant_kpis.control IS 'The control variant of this touchpoint and metric';
COMMENT ON COLUMN cjkpi.variant_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';

/* Funnel significance(): the interval of the difference (Newcombe), like the survey tests (issue 8, A/B testing) */
DROP FUNCTION significance(funnel_summary, funnel_summary, integer);
CREATE FUNCTION significance(a funnel_summary, b funnel_summary, step integer,
                             confidence double precision DEFAULT 0.95,
                             OUT difference double precision, OUT z double precision, OUT p_value double precision,
                             OUT ci_lower double precision, OUT ci_upper double precision)
    RETURNS record
    AS 'MODULE_PATHNAME', 'funnel_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(funnel_summary, funnel_summary, integer, double precision) IS
'Pooled two-proportion z test of conversion(step) between a and b: difference a - b in percentage points, z, two-sided p-value, and Newcombe''s hybrid score interval of the difference (percentage points) at the given confidence (default 95 %)';

/* ---- issue 12: window_funnel_events (steps named by an event column) ---- */


/*
 * The _events forms take the steps as names matched against one event column
 * in C.  They share window_funnel's state and its combine, serialize,
 * deserialize and final functions; only the transition function differs.
 */

CREATE FUNCTION window_funnel_events_transfn(internal, interval, timestamptz, text, VARIADIC text[])
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_events_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_events_transfn(internal, interval, timestamptz, text, VARIADIC text[]) IS
'window_funnel_events transition function: collects the rows whose event names a step';

CREATE FUNCTION window_funnel_events_transfn(internal, interval, timestamp, text, VARIADIC text[])
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_events_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_events_transfn(internal, interval, timestamp, text, VARIADIC text[]) IS
'window_funnel_events transition function (timestamp without time zone): collects the rows whose event names a step';

CREATE FUNCTION window_funnel_events_transfn(internal, interval, text, timestamptz, text, VARIADIC text[])
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_events_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_events_transfn(internal, interval, text, timestamptz, text, VARIADIC text[]) IS
'window_funnel_events transition function with a mode string: collects the rows whose event names a step';

CREATE FUNCTION window_funnel_events_transfn(internal, interval, text, timestamp, text, VARIADIC text[])
    RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_events_transfn'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_events_transfn(internal, interval, text, timestamp, text, VARIADIC text[]) IS
'window_funnel_events transition function with a mode string (timestamp without time zone): collects the rows whose event names a step';

CREATE AGGREGATE window_funnel_events(interval, timestamptz, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events(interval, timestamptz, text, VARIADIC text[]) IS
'Highest funnel step reached (0..number of steps) within the window, as window_funnel, with the steps given as names matched against the event column (byte-wise equality; a name may repeat; NULL events match no step)';

CREATE AGGREGATE window_funnel_events(interval, timestamp, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events(interval, timestamp, text, VARIADIC text[]) IS
'Highest funnel step reached (0..number of steps) within the window, as window_funnel, with the steps given as names matched against the event column (byte-wise equality; a name may repeat; NULL events match no step)';

CREATE AGGREGATE window_funnel_events(interval, text, timestamptz, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events(interval, text, timestamptz, text, VARIADIC text[]) IS
'Highest funnel step reached (0..number of steps) within the window, as window_funnel, with the steps given as names matched against the event column (byte-wise equality; a name may repeat; NULL events match no step); mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last step name excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_events(interval, text, timestamp, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events(interval, text, timestamp, text, VARIADIC text[]) IS
'Highest funnel step reached (0..number of steps) within the window, as window_funnel, with the steps given as names matched against the event column (byte-wise equality; a name may repeat; NULL events match no step); mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last step name excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_events_times(interval, timestamptz, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_times(interval, timestamptz, text, VARIADIC text[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level, as window_funnel_times, with the steps given as names matched against the event column';

CREATE AGGREGATE window_funnel_events_times(interval, timestamp, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_times(interval, timestamp, text, VARIADIC text[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level, as window_funnel_times, with the steps given as names matched against the event column';

CREATE AGGREGATE window_funnel_events_times(interval, text, timestamptz, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_times(interval, text, timestamptz, text, VARIADIC text[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level, as window_funnel_times, with the steps given as names matched against the event column; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last step name excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_events_times(interval, text, timestamp, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_times_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_times(interval, text, timestamp, text, VARIADIC text[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level, as window_funnel_times, with the steps given as names matched against the event column; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last step name excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_events_start(interval, timestamptz, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_start(interval, timestamptz, text, VARIADIC text[]) IS
'Step-1 time of the chain that produced the level window_funnel_events returns, NULL for level 0, as window_funnel_start, with the steps given as names matched against the event column';

CREATE AGGREGATE window_funnel_events_start(interval, timestamp, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_ts_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_start(interval, timestamp, text, VARIADIC text[]) IS
'Step-1 time of the chain that produced the level window_funnel_events returns, NULL for level 0, as window_funnel_start, with the steps given as names matched against the event column';

CREATE AGGREGATE window_funnel_events_start(interval, text, timestamptz, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_start(interval, text, timestamptz, text, VARIADIC text[]) IS
'Step-1 time of the chain that produced the level window_funnel_events returns, NULL for level 0, as window_funnel_start, with the steps given as names matched against the event column; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last step name excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_events_start(interval, text, timestamp, text, VARIADIC text[]) (
    SFUNC = window_funnel_events_transfn,
    STYPE = internal,
    SSPACE = 512,
    FINALFUNC = window_funnel_start_ts_finalfn,
    COMBINEFUNC = window_funnel_combinefn,
    SERIALFUNC = window_funnel_serialfn,
    DESERIALFUNC = window_funnel_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_events_start(interval, text, timestamp, text, VARIADIC text[]) IS
'Step-1 time of the chain that produced the level window_funnel_events returns, NULL for level 0, as window_funnel_start, with the steps given as names matched against the event column; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last step name excludes), max_gap=<interval>, max_gap_K=<interval>';

/* support functions: not executable by PUBLIC, like every aggregate's */
REVOKE EXECUTE ON FUNCTION window_funnel_events_transfn(internal,interval,timestamp with time zone,text,text[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_events_transfn(internal,interval,timestamp without time zone,text,text[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_events_transfn(internal,interval,text,timestamp with time zone,text,text[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION window_funnel_events_transfn(internal,interval,text,timestamp without time zone,text,text[]) FROM PUBLIC;

/* window_funnel mode any_order: the mode lists in the comments */
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';
COMMENT ON AGGREGATE window_funnel(interval, text, timestamp, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

/* ---- issue 12: sequence_match, sequence_count, sequence_match_events ---- */


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

/* ---- issue 12: sequence_next_node ---- */


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

/* ---- issue 12: journey_path and sessionize ---- */


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

/* ---- issue 12: funnel_svg ---- */


/*
 * The SVG is built from the SQL accessors of funnel_summary only (rates in
 * percent).  Numbers are
 * written through numeric, whose text form does not depend on any setting,
 * so the function is IMMUTABLE; labels are XML-escaped (& first).
 */
CREATE FUNCTION svg_escape(text)
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
SELECT pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
       $1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;
COMMENT ON FUNCTION svg_escape(text) IS
'Text escaped for XML and SVG content and attributes (& < > " and single quote as entities)';

CREATE FUNCTION funnel_svg(summary funnel_summary, labels text[])
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
WITH s AS (
    SELECT f.step, f.reached, f.conversion, f.conversion_lower, f.conversion_upper,
           f.step_conversion, f.step_conversion_lower, f.step_conversion_upper,
           44 + (f.step - 1) * 64 AS y,
           @extschema@.svg_escape(COALESCE($2[f.step], 'Step ' || f.step)) AS label
    FROM @extschema@.funnel_steps($1) AS f
), n AS (
    SELECT GREATEST(@extschema@.reached($1, 1), 0) AS first,
           @extschema@.entities($1) AS entities,
           @extschema@.step_count($1) AS steps
)
SELECT '<svg xmlns="http://www.w3.org/2000/svg" width="760" height="' || (60 + n.steps * 64)
    || '" viewBox="0 0 760 ' || (60 + n.steps * 64) || '" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">'
    || '<title>Funnel: ' || n.entities || ' entities, ' || n.first || ' reached step 1</title>'
    || '<rect width="760" height="' || (60 + n.steps * 64) || '" fill="#ffffff"/>'
    || '<text x="20" y="26" font-size="16" font-weight="bold" fill="#222222">Funnel: '
    || n.entities || ' entities, ' || n.first || ' reached step 1</text>'
    || COALESCE((SELECT pg_catalog.string_agg(
           '<g>'
        || '<text x="20" y="' || (s.y + 14) || '" fill="#222222">' || s.step || '. ' || s.label || '</text>'
        || '<rect x="20" y="' || (s.y + 20) || '" width="560" height="24" fill="#eeeeee"/>'
        || '<rect x="20" y="' || (s.y + 20) || '" width="'
        || pg_catalog.round((5.6 * COALESCE(s.conversion, 0))::numeric, 1)
        || '" height="24" fill="#4c78a8"/>'
        || CASE WHEN s.conversion_lower IS NULL THEN '' ELSE
              '<line x1="' || pg_catalog.round((20 + 5.6 * s.conversion_lower)::numeric, 1) || '" x2="'
           || pg_catalog.round((20 + 5.6 * s.conversion_upper)::numeric, 1) || '" y1="' || (s.y + 32)
           || '" y2="' || (s.y + 32) || '" stroke="#222222" stroke-width="2"/>' END
        || '<text x="590" y="' || (s.y + 37) || '" fill="#222222">' || s.reached || ' ('
        || COALESCE(pg_catalog.round(s.conversion::numeric, 1)::text || '%', '-') || ')</text>'
        || '<text x="740" y="' || (s.y + 14) || '" text-anchor="end" fill="#555555">'
        || CASE WHEN s.step = 1 THEN 'entry ' ELSE 'from step ' || (s.step - 1) || ': ' END
        || COALESCE(pg_catalog.round(s.step_conversion::numeric, 1)::text || '%', '-')
        || CASE WHEN s.step_conversion_lower IS NULL THEN '' ELSE
              ' [' || pg_catalog.round(s.step_conversion_lower::numeric, 1) || '–'
           || pg_catalog.round(s.step_conversion_upper::numeric, 1) || ']' END
        || '</text></g>', '' ORDER BY s.step) FROM s), '')
    || '</svg>'
FROM n
$$;
COMMENT ON FUNCTION funnel_svg(funnel_summary, text[]) IS
'The funnel as a standalone SVG (XML, no script): one bar per step with its share of step 1 and the Wilson 95% interval as a whisker, the count, and the step-to-step conversion with its interval; labels[k] names step k (escaped), missing labels read Step k';
