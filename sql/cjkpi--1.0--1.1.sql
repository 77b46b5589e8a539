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
