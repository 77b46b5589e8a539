/* 20_survey_aggregates.sql: survey aggregates nps, csat, ces and their _agg forms (src/nps.c, csat.c, ces.c) */

/* KPI accessors: also the final functions of nps(), csat() and ces(). */
CREATE FUNCTION nps(nps_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps(nps_summary) IS
    'Net Promoter Score in points (-100..100): 100 * (promoters - detractors) / responses; NULL without responses';
CREATE FUNCTION csat(csat_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'csat_summary_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat(csat_summary) IS
    'CSAT: % of responses in the top two boxes of the scale; NULL without responses';
CREATE FUNCTION ces(ces_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces(ces_summary) IS
    'CES: mean effort score on the summary''s scale; NULL without responses';

/* Net Promoter Score: transition functions, one per score type. */
CREATE FUNCTION nps_trans(nps_summary, smallint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_trans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_trans(nps_summary, smallint) IS 'Transition function of the nps aggregates over smallint scores';
CREATE FUNCTION nps_trans(nps_summary, integer) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_trans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_trans(nps_summary, integer) IS 'Transition function of the nps aggregates over integer scores';
CREATE FUNCTION nps_trans(nps_summary, bigint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_trans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_trans(nps_summary, bigint) IS 'Transition function of the nps aggregates over bigint scores';
CREATE FUNCTION nps_trans(nps_summary, numeric) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_trans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_trans(nps_summary, numeric) IS 'Transition function of the nps aggregates over numeric scores';

/* Net Promoter Score: moving-aggregate transition functions (never NULL: a NULL first score makes an empty state). */
CREATE FUNCTION nps_mtrans(nps_summary, smallint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_mtrans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_mtrans(nps_summary, smallint) IS 'Moving-aggregate transition function of the nps aggregates over smallint scores (sliding window frames)';
CREATE FUNCTION nps_mtrans(nps_summary, integer) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_mtrans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_mtrans(nps_summary, integer) IS 'Moving-aggregate transition function of the nps aggregates over integer scores (sliding window frames)';
CREATE FUNCTION nps_mtrans(nps_summary, bigint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_mtrans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_mtrans(nps_summary, bigint) IS 'Moving-aggregate transition function of the nps aggregates over bigint scores (sliding window frames)';
CREATE FUNCTION nps_mtrans(nps_summary, numeric) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_mtrans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_mtrans(nps_summary, numeric) IS 'Moving-aggregate transition function of the nps aggregates over numeric scores (sliding window frames)';
CREATE FUNCTION nps_summary_nonempty(nps_summary) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_nonempty(nps_summary) IS 'Moving final function of nps_agg: the summary, or NULL when it holds no responses';

/* Net Promoter Score: inverse transition functions, for sliding window frames (moving-aggregate mode). */
CREATE FUNCTION nps_inv(nps_summary, smallint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_inv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_inv(nps_summary, smallint) IS 'Inverse transition function of the nps aggregates over smallint scores: removes a score from a sliding window frame';
CREATE FUNCTION nps_inv(nps_summary, integer) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_inv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_inv(nps_summary, integer) IS 'Inverse transition function of the nps aggregates over integer scores: removes a score from a sliding window frame';
CREATE FUNCTION nps_inv(nps_summary, bigint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_inv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_inv(nps_summary, bigint) IS 'Inverse transition function of the nps aggregates over bigint scores: removes a score from a sliding window frame';
CREATE FUNCTION nps_inv(nps_summary, numeric) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_inv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_inv(nps_summary, numeric) IS 'Inverse transition function of the nps aggregates over numeric scores: removes a score from a sliding window frame';

/* Net Promoter Score: aggregates. */
CREATE AGGREGATE nps(score smallint) (
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
COMMENT ON AGGREGATE nps(smallint) IS 'Net Promoter Score in points (-100..100) of smallint scores on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps_agg(score smallint) (
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
COMMENT ON AGGREGATE nps_agg(smallint) IS 'Mergeable nps_summary of smallint scores on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps(score integer) (
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
COMMENT ON AGGREGATE nps(integer) IS 'Net Promoter Score in points (-100..100) of integer scores on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps_agg(score integer) (
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
COMMENT ON AGGREGATE nps_agg(integer) IS 'Mergeable nps_summary of integer scores on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps(score bigint) (
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
COMMENT ON AGGREGATE nps(bigint) IS 'Net Promoter Score in points (-100..100) of bigint scores on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps_agg(score bigint) (
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
COMMENT ON AGGREGATE nps_agg(bigint) IS 'Mergeable nps_summary of bigint scores on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps(score numeric) (
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
COMMENT ON AGGREGATE nps(numeric) IS 'Net Promoter Score in points (-100..100) of numeric scores on the scale 0..10; NULLs skipped, NULL for no rows';
CREATE AGGREGATE nps_agg(score numeric) (
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
COMMENT ON AGGREGATE nps_agg(numeric) IS 'Mergeable nps_summary of numeric scores on the scale 0..10; NULLs skipped, NULL for no rows';

/* Customer Satisfaction Score: transition functions, one per score type. */
CREATE FUNCTION csat_trans(csat_summary, smallint) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans(csat_summary, smallint) IS 'Transition function of the csat aggregates over smallint scores';
CREATE FUNCTION csat_trans(csat_summary, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans(csat_summary, integer) IS 'Transition function of the csat aggregates over integer scores';
CREATE FUNCTION csat_trans(csat_summary, bigint) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans(csat_summary, bigint) IS 'Transition function of the csat aggregates over bigint scores';
CREATE FUNCTION csat_trans(csat_summary, numeric) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans(csat_summary, numeric) IS 'Transition function of the csat aggregates over numeric scores';
CREATE FUNCTION csat_trans_scale(csat_summary, smallint, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_scale_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans_scale(csat_summary, smallint, integer) IS 'Transition function of the csat aggregates over smallint scores with the scale as third argument';
CREATE FUNCTION csat_trans_scale(csat_summary, integer, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_scale_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans_scale(csat_summary, integer, integer) IS 'Transition function of the csat aggregates over integer scores with the scale as third argument';
CREATE FUNCTION csat_trans_scale(csat_summary, bigint, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_scale_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans_scale(csat_summary, bigint, integer) IS 'Transition function of the csat aggregates over bigint scores with the scale as third argument';
CREATE FUNCTION csat_trans_scale(csat_summary, numeric, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_trans_scale_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_trans_scale(csat_summary, numeric, integer) IS 'Transition function of the csat aggregates over numeric scores with the scale as third argument';

/* Customer Satisfaction Score: moving-aggregate transition functions (never NULL: a NULL first score makes an empty state). */
CREATE FUNCTION csat_mtrans(csat_summary, smallint) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans(csat_summary, smallint) IS 'Moving-aggregate transition function of the csat aggregates over smallint scores (sliding window frames)';
CREATE FUNCTION csat_mtrans(csat_summary, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans(csat_summary, integer) IS 'Moving-aggregate transition function of the csat aggregates over integer scores (sliding window frames)';
CREATE FUNCTION csat_mtrans(csat_summary, bigint) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans(csat_summary, bigint) IS 'Moving-aggregate transition function of the csat aggregates over bigint scores (sliding window frames)';
CREATE FUNCTION csat_mtrans(csat_summary, numeric) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans(csat_summary, numeric) IS 'Moving-aggregate transition function of the csat aggregates over numeric scores (sliding window frames)';
CREATE FUNCTION csat_mtrans_scale(csat_summary, smallint, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_scale_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans_scale(csat_summary, smallint, integer) IS 'Moving-aggregate transition function of the csat aggregates over smallint scores (sliding window frames)';
CREATE FUNCTION csat_mtrans_scale(csat_summary, integer, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_scale_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans_scale(csat_summary, integer, integer) IS 'Moving-aggregate transition function of the csat aggregates over integer scores (sliding window frames)';
CREATE FUNCTION csat_mtrans_scale(csat_summary, bigint, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_scale_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans_scale(csat_summary, bigint, integer) IS 'Moving-aggregate transition function of the csat aggregates over bigint scores (sliding window frames)';
CREATE FUNCTION csat_mtrans_scale(csat_summary, numeric, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_mtrans_scale_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_mtrans_scale(csat_summary, numeric, integer) IS 'Moving-aggregate transition function of the csat aggregates over numeric scores (sliding window frames)';
CREATE FUNCTION csat_summary_nonempty(csat_summary) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_nonempty(csat_summary) IS 'Moving final function of csat_agg: the summary, or NULL when it holds no responses';

/* Customer Satisfaction Score: inverse transition functions, for sliding window frames (moving-aggregate mode). */
CREATE FUNCTION csat_inv(csat_summary, smallint) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, smallint) IS 'Inverse transition function of the csat aggregates over smallint scores: removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, integer) IS 'Inverse transition function of the csat aggregates over integer scores: removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, bigint) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, bigint) IS 'Inverse transition function of the csat aggregates over bigint scores: removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, numeric) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, numeric) IS 'Inverse transition function of the csat aggregates over numeric scores: removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, smallint, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, smallint, integer) IS 'Inverse transition function of the csat aggregates over smallint scores: removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, integer, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, integer, integer) IS 'Inverse transition function of the csat aggregates over integer scores: removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, bigint, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, bigint, integer) IS 'Inverse transition function of the csat aggregates over bigint scores: removes a score from a sliding window frame';
CREATE FUNCTION csat_inv(csat_summary, numeric, integer) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_inv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_inv(csat_summary, numeric, integer) IS 'Inverse transition function of the csat aggregates over numeric scores: removes a score from a sliding window frame';

/* Customer Satisfaction Score: aggregates. */
CREATE AGGREGATE csat(score smallint) (
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
COMMENT ON AGGREGATE csat(smallint) IS 'CSAT: % of responses in the top two boxes of smallint scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score smallint) (
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
COMMENT ON AGGREGATE csat_agg(smallint) IS 'Mergeable csat_summary of smallint scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score integer) (
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
COMMENT ON AGGREGATE csat(integer) IS 'CSAT: % of responses in the top two boxes of integer scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score integer) (
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
COMMENT ON AGGREGATE csat_agg(integer) IS 'Mergeable csat_summary of integer scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score bigint) (
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
COMMENT ON AGGREGATE csat(bigint) IS 'CSAT: % of responses in the top two boxes of bigint scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score bigint) (
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
COMMENT ON AGGREGATE csat_agg(bigint) IS 'Mergeable csat_summary of bigint scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score numeric) (
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
COMMENT ON AGGREGATE csat(numeric) IS 'CSAT: % of responses in the top two boxes of numeric scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score numeric) (
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
COMMENT ON AGGREGATE csat_agg(numeric) IS 'Mergeable csat_summary of numeric scores on the scale 1..5; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score smallint, scale integer) (
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
COMMENT ON AGGREGATE csat(smallint, integer) IS 'CSAT: % of responses in the top two boxes of smallint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score smallint, scale integer) (
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
COMMENT ON AGGREGATE csat_agg(smallint, integer) IS 'Mergeable csat_summary of smallint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score integer, scale integer) (
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
COMMENT ON AGGREGATE csat(integer, integer) IS 'CSAT: % of responses in the top two boxes of integer scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score integer, scale integer) (
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
COMMENT ON AGGREGATE csat_agg(integer, integer) IS 'Mergeable csat_summary of integer scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score bigint, scale integer) (
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
COMMENT ON AGGREGATE csat(bigint, integer) IS 'CSAT: % of responses in the top two boxes of bigint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score bigint, scale integer) (
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
COMMENT ON AGGREGATE csat_agg(bigint, integer) IS 'Mergeable csat_summary of bigint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat(score numeric, scale integer) (
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
COMMENT ON AGGREGATE csat(numeric, integer) IS 'CSAT: % of responses in the top two boxes of numeric scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE csat_agg(score numeric, scale integer) (
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
COMMENT ON AGGREGATE csat_agg(numeric, integer) IS 'Mergeable csat_summary of numeric scores on the given scale 1..scale; NULLs skipped, NULL for no rows';

/* Customer Effort Score: transition functions, one per score type. */
CREATE FUNCTION ces_trans(ces_summary, smallint) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans(ces_summary, smallint) IS 'Transition function of the ces aggregates over smallint scores';
CREATE FUNCTION ces_trans(ces_summary, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans(ces_summary, integer) IS 'Transition function of the ces aggregates over integer scores';
CREATE FUNCTION ces_trans(ces_summary, bigint) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans(ces_summary, bigint) IS 'Transition function of the ces aggregates over bigint scores';
CREATE FUNCTION ces_trans(ces_summary, numeric) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans(ces_summary, numeric) IS 'Transition function of the ces aggregates over numeric scores';
CREATE FUNCTION ces_trans_scale(ces_summary, smallint, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_scale_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans_scale(ces_summary, smallint, integer) IS 'Transition function of the ces aggregates over smallint scores with the scale as third argument';
CREATE FUNCTION ces_trans_scale(ces_summary, integer, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_scale_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans_scale(ces_summary, integer, integer) IS 'Transition function of the ces aggregates over integer scores with the scale as third argument';
CREATE FUNCTION ces_trans_scale(ces_summary, bigint, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_scale_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans_scale(ces_summary, bigint, integer) IS 'Transition function of the ces aggregates over bigint scores with the scale as third argument';
CREATE FUNCTION ces_trans_scale(ces_summary, numeric, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_trans_scale_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_trans_scale(ces_summary, numeric, integer) IS 'Transition function of the ces aggregates over numeric scores with the scale as third argument';

/* Customer Effort Score: moving-aggregate transition functions (never NULL: a NULL first score makes an empty state). */
CREATE FUNCTION ces_mtrans(ces_summary, smallint) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans(ces_summary, smallint) IS 'Moving-aggregate transition function of the ces aggregates over smallint scores (sliding window frames)';
CREATE FUNCTION ces_mtrans(ces_summary, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans(ces_summary, integer) IS 'Moving-aggregate transition function of the ces aggregates over integer scores (sliding window frames)';
CREATE FUNCTION ces_mtrans(ces_summary, bigint) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans(ces_summary, bigint) IS 'Moving-aggregate transition function of the ces aggregates over bigint scores (sliding window frames)';
CREATE FUNCTION ces_mtrans(ces_summary, numeric) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans(ces_summary, numeric) IS 'Moving-aggregate transition function of the ces aggregates over numeric scores (sliding window frames)';
CREATE FUNCTION ces_mtrans_scale(ces_summary, smallint, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_scale_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans_scale(ces_summary, smallint, integer) IS 'Moving-aggregate transition function of the ces aggregates over smallint scores (sliding window frames)';
CREATE FUNCTION ces_mtrans_scale(ces_summary, integer, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_scale_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans_scale(ces_summary, integer, integer) IS 'Moving-aggregate transition function of the ces aggregates over integer scores (sliding window frames)';
CREATE FUNCTION ces_mtrans_scale(ces_summary, bigint, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_scale_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans_scale(ces_summary, bigint, integer) IS 'Moving-aggregate transition function of the ces aggregates over bigint scores (sliding window frames)';
CREATE FUNCTION ces_mtrans_scale(ces_summary, numeric, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_mtrans_scale_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_mtrans_scale(ces_summary, numeric, integer) IS 'Moving-aggregate transition function of the ces aggregates over numeric scores (sliding window frames)';
CREATE FUNCTION ces_summary_nonempty(ces_summary) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_nonempty(ces_summary) IS 'Moving final function of ces_agg: the summary, or NULL when it holds no responses';

/* Customer Effort Score: inverse transition functions, for sliding window frames (moving-aggregate mode). */
CREATE FUNCTION ces_inv(ces_summary, smallint) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, smallint) IS 'Inverse transition function of the ces aggregates over smallint scores: removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, integer) IS 'Inverse transition function of the ces aggregates over integer scores: removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, bigint) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, bigint) IS 'Inverse transition function of the ces aggregates over bigint scores: removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, numeric) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, numeric) IS 'Inverse transition function of the ces aggregates over numeric scores: removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, smallint, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, smallint, integer) IS 'Inverse transition function of the ces aggregates over smallint scores: removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, integer, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, integer, integer) IS 'Inverse transition function of the ces aggregates over integer scores: removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, bigint, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, bigint, integer) IS 'Inverse transition function of the ces aggregates over bigint scores: removes a score from a sliding window frame';
CREATE FUNCTION ces_inv(ces_summary, numeric, integer) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_inv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_inv(ces_summary, numeric, integer) IS 'Inverse transition function of the ces aggregates over numeric scores: removes a score from a sliding window frame';

/* Customer Effort Score: aggregates. */
CREATE AGGREGATE ces(score smallint) (
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
COMMENT ON AGGREGATE ces(smallint) IS 'CES: mean effort score of smallint scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score smallint) (
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
COMMENT ON AGGREGATE ces_agg(smallint) IS 'Mergeable ces_summary of smallint scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score integer) (
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
COMMENT ON AGGREGATE ces(integer) IS 'CES: mean effort score of integer scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score integer) (
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
COMMENT ON AGGREGATE ces_agg(integer) IS 'Mergeable ces_summary of integer scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score bigint) (
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
COMMENT ON AGGREGATE ces(bigint) IS 'CES: mean effort score of bigint scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score bigint) (
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
COMMENT ON AGGREGATE ces_agg(bigint) IS 'Mergeable ces_summary of bigint scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score numeric) (
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
COMMENT ON AGGREGATE ces(numeric) IS 'CES: mean effort score of numeric scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score numeric) (
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
COMMENT ON AGGREGATE ces_agg(numeric) IS 'Mergeable ces_summary of numeric scores on the scale 1..7; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score smallint, scale integer) (
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
COMMENT ON AGGREGATE ces(smallint, integer) IS 'CES: mean effort score of smallint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score smallint, scale integer) (
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
COMMENT ON AGGREGATE ces_agg(smallint, integer) IS 'Mergeable ces_summary of smallint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score integer, scale integer) (
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
COMMENT ON AGGREGATE ces(integer, integer) IS 'CES: mean effort score of integer scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score integer, scale integer) (
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
COMMENT ON AGGREGATE ces_agg(integer, integer) IS 'Mergeable ces_summary of integer scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score bigint, scale integer) (
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
COMMENT ON AGGREGATE ces(bigint, integer) IS 'CES: mean effort score of bigint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score bigint, scale integer) (
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
COMMENT ON AGGREGATE ces_agg(bigint, integer) IS 'Mergeable ces_summary of bigint scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces(score numeric, scale integer) (
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
COMMENT ON AGGREGATE ces(numeric, integer) IS 'CES: mean effort score of numeric scores on the given scale 1..scale; NULLs skipped, NULL for no rows';
CREATE AGGREGATE ces_agg(score numeric, scale integer) (
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
COMMENT ON AGGREGATE ces_agg(numeric, integer) IS 'Mergeable ces_summary of numeric scores on the given scale 1..scale; NULLs skipped, NULL for no rows';


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

/*
 * The transition, inverse and moving final functions are called by the
 * aggregates above (PostgreSQL checks the aggregate owner's EXECUTE right on
 * them, not the caller's): nobody needs to call them directly, so PUBLIC may
 * not.  They validate their input all the same.
 */
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
