/* cjkpi--1.0.sql: customer-journey KPIs */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION cjkpi" to load this file. \quit

/* ---- survey KPIs: NPS, CSAT, CES (src/summary.c, nps.c, csat.c, ces.c) ---- */

/*
 * Summary types.  One histogram representation (src/summary.c) under three
 * types, so one KPI's accessor can never be applied to another KPI's summary.
 * STORAGE = plain: a summary is at most 104 bytes; keeping it uncompressed and
 * with a full header lets aggregates read stored values without copying.
 */

CREATE TYPE nps_summary;

CREATE FUNCTION nps_summary_in(cstring) RETURNS nps_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_summary_out(nps_summary) RETURNS cstring
    AS 'MODULE_PATHNAME', 'kpi_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_summary_recv(internal) RETURNS nps_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_summary_send(nps_summary) RETURNS bytea
    AS 'MODULE_PATHNAME', 'kpi_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE nps_summary (
    INPUT = nps_summary_in,
    OUTPUT = nps_summary_out,
    RECEIVE = nps_summary_recv,
    SEND = nps_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE nps_summary IS
    'Mergeable Net Promoter Score summary: one response count per score on the scale 0..10; text form "v1 nps lo..hi {counts}"';
COMMENT ON FUNCTION nps_summary_in(cstring) IS 'Text input of nps_summary';
COMMENT ON FUNCTION nps_summary_out(nps_summary) IS 'Text output of nps_summary';
COMMENT ON FUNCTION nps_summary_recv(internal) IS 'Binary input of nps_summary (validated like text input)';
COMMENT ON FUNCTION nps_summary_send(nps_summary) IS 'Binary output of nps_summary';

CREATE TYPE csat_summary;

CREATE FUNCTION csat_summary_in(cstring) RETURNS csat_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION csat_summary_out(csat_summary) RETURNS cstring
    AS 'MODULE_PATHNAME', 'kpi_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION csat_summary_recv(internal) RETURNS csat_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION csat_summary_send(csat_summary) RETURNS bytea
    AS 'MODULE_PATHNAME', 'kpi_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE csat_summary (
    INPUT = csat_summary_in,
    OUTPUT = csat_summary_out,
    RECEIVE = csat_summary_recv,
    SEND = csat_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE csat_summary IS
    'Mergeable Customer Satisfaction Score summary: one response count per score on the scale 1..scale; text form "v1 csat lo..hi {counts}"';
COMMENT ON FUNCTION csat_summary_in(cstring) IS 'Text input of csat_summary';
COMMENT ON FUNCTION csat_summary_out(csat_summary) IS 'Text output of csat_summary';
COMMENT ON FUNCTION csat_summary_recv(internal) IS 'Binary input of csat_summary (validated like text input)';
COMMENT ON FUNCTION csat_summary_send(csat_summary) IS 'Binary output of csat_summary';

CREATE TYPE ces_summary;

CREATE FUNCTION ces_summary_in(cstring) RETURNS ces_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ces_summary_out(ces_summary) RETURNS cstring
    AS 'MODULE_PATHNAME', 'kpi_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ces_summary_recv(internal) RETURNS ces_summary
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ces_summary_send(ces_summary) RETURNS bytea
    AS 'MODULE_PATHNAME', 'kpi_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE ces_summary (
    INPUT = ces_summary_in,
    OUTPUT = ces_summary_out,
    RECEIVE = ces_summary_recv,
    SEND = ces_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE ces_summary IS
    'Mergeable Customer Effort Score summary: one response count per score on the scale 1..scale; text form "v1 ces lo..hi {counts}"';
COMMENT ON FUNCTION ces_summary_in(cstring) IS 'Text input of ces_summary';
COMMENT ON FUNCTION ces_summary_out(ces_summary) IS 'Text output of ces_summary';
COMMENT ON FUNCTION ces_summary_recv(internal) IS 'Binary input of ces_summary (validated like text input)';
COMMENT ON FUNCTION ces_summary_send(ces_summary) IS 'Binary output of ces_summary';

/*
 * Merging.  {kpi}_summary_merge is the transition function of rollup() and the
 * combine function of every survey aggregate (non-strict: it skips NULLs and
 * merges in place inside an aggregate); the + operator is its strict form.
 */

CREATE FUNCTION nps_summary_merge(nps_summary, nps_summary) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_merge' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_merge(nps_summary, nps_summary) IS
    'Merge two nps summaries (NULL is skipped); transition and combine function of the nps aggregates';

CREATE FUNCTION nps_summary_add(nps_summary, nps_summary) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_add(nps_summary, nps_summary) IS
    'Merge two nps summaries of the same scale; implements the + operator';

CREATE OPERATOR + (
    LEFTARG = nps_summary,
    RIGHTARG = nps_summary,
    FUNCTION = nps_summary_add,
    COMMUTATOR = +
);
COMMENT ON OPERATOR + (nps_summary, nps_summary) IS 'Merge two nps summaries of the same scale';

CREATE AGGREGATE rollup(nps_summary) (
    SFUNC = nps_summary_merge,
    STYPE = nps_summary,
    COMBINEFUNC = nps_summary_merge,
    SSPACE = 104,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(nps_summary) IS
    'Merge stored nps summaries (e.g. days into months) without rescanning raw rows; NULL for no rows';

CREATE FUNCTION csat_summary_merge(csat_summary, csat_summary) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_merge' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_merge(csat_summary, csat_summary) IS
    'Merge two csat summaries (NULL is skipped); transition and combine function of the csat aggregates';

CREATE FUNCTION csat_summary_add(csat_summary, csat_summary) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_add(csat_summary, csat_summary) IS
    'Merge two csat summaries of the same scale; implements the + operator';

CREATE OPERATOR + (
    LEFTARG = csat_summary,
    RIGHTARG = csat_summary,
    FUNCTION = csat_summary_add,
    COMMUTATOR = +
);
COMMENT ON OPERATOR + (csat_summary, csat_summary) IS 'Merge two csat summaries of the same scale';

CREATE AGGREGATE rollup(csat_summary) (
    SFUNC = csat_summary_merge,
    STYPE = csat_summary,
    COMBINEFUNC = csat_summary_merge,
    SSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(csat_summary) IS
    'Merge stored csat summaries (e.g. days into months) without rescanning raw rows; NULL for no rows';

CREATE FUNCTION ces_summary_merge(ces_summary, ces_summary) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_merge' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_merge(ces_summary, ces_summary) IS
    'Merge two ces summaries (NULL is skipped); transition and combine function of the ces aggregates';

CREATE FUNCTION ces_summary_add(ces_summary, ces_summary) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'kpi_summary_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_add(ces_summary, ces_summary) IS
    'Merge two ces summaries of the same scale; implements the + operator';

CREATE OPERATOR + (
    LEFTARG = ces_summary,
    RIGHTARG = ces_summary,
    FUNCTION = ces_summary_add,
    COMMUTATOR = +
);
COMMENT ON OPERATOR + (ces_summary, ces_summary) IS 'Merge two ces summaries of the same scale';

CREATE AGGREGATE rollup(ces_summary) (
    SFUNC = ces_summary_merge,
    STYPE = ces_summary,
    COMBINEFUNC = ces_summary_merge,
    SSPACE = 96,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(ces_summary) IS
    'Merge stored ces summaries (e.g. days into months) without rescanning raw rows; NULL for no rows';

/*
 * Equality: two summaries are equal when they hold the same counts on the same
 * scale with the same flags.  A hash operator class lets DISTINCT, UNION,
 * GROUP BY and hash joins work on summary columns.
 */
CREATE FUNCTION nps_summary_eq(nps_summary, nps_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_eq(nps_summary, nps_summary) IS 'True if two nps summaries hold the same counts, scale and flags; implements =';
CREATE FUNCTION nps_summary_ne(nps_summary, nps_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_ne(nps_summary, nps_summary) IS 'Negation of nps_summary_eq; implements <>';
CREATE FUNCTION nps_summary_hash(nps_summary) RETURNS integer
    AS 'MODULE_PATHNAME', 'kpi_summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_hash(nps_summary) IS 'Hash of a nps summary, for hash joins, DISTINCT, UNION and GROUP BY';
CREATE OPERATOR = (
    LEFTARG = nps_summary, RIGHTARG = nps_summary, FUNCTION = nps_summary_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
COMMENT ON OPERATOR = (nps_summary, nps_summary) IS 'Same counts, scale and flags';
CREATE OPERATOR <> (
    LEFTARG = nps_summary, RIGHTARG = nps_summary, FUNCTION = nps_summary_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (nps_summary, nps_summary) IS 'Different counts, scale or flags';
CREATE OPERATOR CLASS nps_summary_hash_ops DEFAULT FOR TYPE nps_summary USING hash AS
    OPERATOR 1 = ,
    FUNCTION 1 nps_summary_hash(nps_summary);
COMMENT ON OPERATOR CLASS nps_summary_hash_ops USING hash IS 'Hash equality of nps summaries';
CREATE FUNCTION csat_summary_eq(csat_summary, csat_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_eq(csat_summary, csat_summary) IS 'True if two csat summaries hold the same counts, scale and flags; implements =';
CREATE FUNCTION csat_summary_ne(csat_summary, csat_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_ne(csat_summary, csat_summary) IS 'Negation of csat_summary_eq; implements <>';
CREATE FUNCTION csat_summary_hash(csat_summary) RETURNS integer
    AS 'MODULE_PATHNAME', 'kpi_summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_summary_hash(csat_summary) IS 'Hash of a csat summary, for hash joins, DISTINCT, UNION and GROUP BY';
CREATE OPERATOR = (
    LEFTARG = csat_summary, RIGHTARG = csat_summary, FUNCTION = csat_summary_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
COMMENT ON OPERATOR = (csat_summary, csat_summary) IS 'Same counts, scale and flags';
CREATE OPERATOR <> (
    LEFTARG = csat_summary, RIGHTARG = csat_summary, FUNCTION = csat_summary_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (csat_summary, csat_summary) IS 'Different counts, scale or flags';
CREATE OPERATOR CLASS csat_summary_hash_ops DEFAULT FOR TYPE csat_summary USING hash AS
    OPERATOR 1 = ,
    FUNCTION 1 csat_summary_hash(csat_summary);
COMMENT ON OPERATOR CLASS csat_summary_hash_ops USING hash IS 'Hash equality of csat summaries';
CREATE FUNCTION ces_summary_eq(ces_summary, ces_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_eq(ces_summary, ces_summary) IS 'True if two ces summaries hold the same counts, scale and flags; implements =';
CREATE FUNCTION ces_summary_ne(ces_summary, ces_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kpi_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_ne(ces_summary, ces_summary) IS 'Negation of ces_summary_eq; implements <>';
CREATE FUNCTION ces_summary_hash(ces_summary) RETURNS integer
    AS 'MODULE_PATHNAME', 'kpi_summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_summary_hash(ces_summary) IS 'Hash of a ces summary, for hash joins, DISTINCT, UNION and GROUP BY';
CREATE OPERATOR = (
    LEFTARG = ces_summary, RIGHTARG = ces_summary, FUNCTION = ces_summary_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
COMMENT ON OPERATOR = (ces_summary, ces_summary) IS 'Same counts, scale and flags';
CREATE OPERATOR <> (
    LEFTARG = ces_summary, RIGHTARG = ces_summary, FUNCTION = ces_summary_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (ces_summary, ces_summary) IS 'Different counts, scale or flags';
CREATE OPERATOR CLASS ces_summary_hash_ops DEFAULT FOR TYPE ces_summary USING hash AS
    OPERATOR 1 = ,
    FUNCTION 1 ces_summary_hash(ces_summary);
COMMENT ON OPERATOR CLASS ces_summary_hash_ops USING hash IS 'Hash equality of ces summaries';

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

/* Figures common to every survey summary. */
CREATE FUNCTION responses(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'kpi_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(nps_summary) IS 'Number of non-null responses in the summary';
CREATE FUNCTION responses(csat_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'kpi_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(csat_summary) IS 'Number of non-null responses in the summary';
CREATE FUNCTION responses(ces_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'kpi_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(ces_summary) IS 'Number of non-null responses in the summary';

CREATE FUNCTION mean(nps_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'kpi_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(nps_summary) IS
    'Mean likelihood-to-recommend score (0..10); NULL without responses; an error for summaries built from category counts';
CREATE FUNCTION mean(csat_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'kpi_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(csat_summary) IS
    'Mean satisfaction score; NULL without responses; an error for summaries built from category counts';
CREATE FUNCTION mean(ces_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'kpi_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(ces_summary) IS 'Mean effort score (the same as ces()); NULL without responses';

/* NPS figures. */
CREATE FUNCTION promoters(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_summary_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION promoters(nps_summary) IS 'Number of promoters (scores 9 and 10)';
CREATE FUNCTION passives(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_summary_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION passives(nps_summary) IS 'Number of passives (scores 7 and 8)';
CREATE FUNCTION detractors(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_summary_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION detractors(nps_summary) IS 'Number of detractors (scores 0 to 6)';
CREATE FUNCTION std_error(nps_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_std_error' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION std_error(nps_summary) IS
    'Standard error of the NPS in points: 100 * sqrt((pP + pD - (pP - pD)^2) / n)';
CREATE FUNCTION moe(nps_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_moe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION moe(nps_summary, double precision) IS
    'Margin of error of the NPS in points: z * standard error (95 % by default)';
CREATE FUNCTION adjusted_nps(nps_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_adjusted' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION adjusted_nps(nps_summary) IS
    'Centre of the adjusted-Wald interval in points: NPS with 0.75 promoters and 0.75 detractors added (n + 3)';
CREATE FUNCTION ci_lower(nps_summary, confidence double precision DEFAULT 0.95,
                         method text DEFAULT 'adjusted-wald') RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_lower(nps_summary, double precision, text) IS
    'Lower end of the NPS confidence interval in points; method adjusted-wald (default) or wald';
CREATE FUNCTION ci_upper(nps_summary, confidence double precision DEFAULT 0.95,
                         method text DEFAULT 'adjusted-wald') RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_upper(nps_summary, double precision, text) IS
    'Upper end of the NPS confidence interval in points; method adjusted-wald (default) or wald';
CREATE FUNCTION significance(a nps_summary, b nps_summary, method text DEFAULT 'adjusted-wald',
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'nps_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(nps_summary, nps_summary, text) IS
    'Two-sided z test of NPS a - b (points) on the +1/0/-1 coding; method adjusted-wald (default) or wald';
CREATE FUNCTION significance(s nps_summary, benchmark double precision, method text DEFAULT 'adjusted-wald',
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'nps_summary_significance_benchmark' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(nps_summary, double precision, text) IS
    'One-tailed z test of whether the NPS is above a benchmark NPS (points); p_value = P(Z >= z)';
CREATE FUNCTION nps_from_counts(counts bigint[]) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_from_counts_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_from_counts(bigint[]) IS 'nps_summary from 11 per-score counts, for scores 0 to 10';
CREATE FUNCTION nps_from_counts(promoters bigint, passives bigint, detractors bigint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_from_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_from_counts(bigint, bigint, bigint) IS
    'Category-only nps_summary from promoter, passive and detractor totals (the mean score is then unknown)';

/* CSAT figures. */
CREATE FUNCTION satisfied(csat_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'csat_summary_satisfied' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION satisfied(csat_summary) IS 'Number of responses in the top two boxes of the scale';
CREATE FUNCTION ci_lower(csat_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'csat_summary_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_lower(csat_summary, double precision) IS 'Lower end of the Wilson interval of CSAT, in percent';
CREATE FUNCTION ci_upper(csat_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'csat_summary_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_upper(csat_summary, double precision) IS 'Upper end of the Wilson interval of CSAT, in percent';
CREATE FUNCTION significance(a csat_summary, b csat_summary,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'csat_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(csat_summary, csat_summary) IS
    'Pooled two-proportion z test of CSAT a - b (percentage points), two-sided';
CREATE FUNCTION significance(s csat_summary, benchmark double precision,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'csat_summary_significance_benchmark' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(csat_summary, double precision) IS
    'One-tailed one-sample z test of whether CSAT is above a benchmark percentage; p_value = P(Z >= z)';
CREATE FUNCTION csat_from_counts(counts bigint[]) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_from_counts_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_from_counts(bigint[]) IS 'csat_summary from one count per score 1..scale (the array length is the scale)';
CREATE FUNCTION csat_from_counts(satisfied bigint, responses bigint, scale integer DEFAULT 5) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_from_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_from_counts(bigint, bigint, integer) IS
    'Category-only csat_summary from satisfied and total responses (the mean score is then unknown)';

/* CES figures. */
CREATE FUNCTION agree(ces_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ces_summary_agree' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree(ces_summary) IS 'Number of responses above the midpoint of the scale (5-7 of 7, 4-5 of 5)';
CREATE FUNCTION agree_pct(ces_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_agree_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree_pct(ces_summary) IS '% of responses above the midpoint of the scale; NULL without responses';
CREATE FUNCTION agree_ci_lower(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_agree_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree_ci_lower(ces_summary, double precision) IS 'Lower end of the Wilson interval of CES % agree';
CREATE FUNCTION agree_ci_upper(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_agree_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree_ci_upper(ces_summary, double precision) IS 'Upper end of the Wilson interval of CES % agree';
CREATE FUNCTION ci_lower(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_lower(ces_summary, double precision) IS
    'Lower end of the Student t interval of the mean CES; NULL with fewer than 2 responses';
CREATE FUNCTION ci_upper(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_upper(ces_summary, double precision) IS
    'Upper end of the Student t interval of the mean CES; NULL with fewer than 2 responses';
CREATE FUNCTION significance(a ces_summary, b ces_summary,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'ces_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(ces_summary, ces_summary) IS
    'Welch two-sided t test of mean CES a - b; z holds the t statistic';
CREATE FUNCTION significance(s ces_summary, benchmark double precision,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'ces_summary_significance_benchmark' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(ces_summary, double precision) IS
    'One-tailed one-sample t test of whether the mean CES is above a benchmark mean; p_value = P(T >= t)';
CREATE FUNCTION ces_from_counts(counts bigint[]) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_from_counts_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_from_counts(bigint[]) IS 'ces_summary from one count per score 1..scale (the array length is the scale)';


/* ---- end of survey KPIs ---- */

/* ---- funnels and retention (src/funnel*.c, src/retention.c) ---- */

-- window_funnel: transition, combine, serialize and final functions shared by
-- every variant (timestamptz/timestamp, with and without a mode string).
CREATE FUNCTION window_funnel_transfn(internal, interval, timestamptz, VARIADIC "any")
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamptz, VARIADIC "any") IS
'window_funnel transition function: collects the rows that match a step; the conditions must be boolean (checked once per call site)';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, VARIADIC "any")
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, VARIADIC "any") IS
'window_funnel transition function with a mode string';

CREATE FUNCTION window_funnel_transfn(internal, interval, timestamp, VARIADIC "any")
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamp, VARIADIC "any") IS
'window_funnel transition function (timestamp without time zone)';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamp, VARIADIC "any")
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamp, VARIADIC "any") IS
'window_funnel transition function with a mode string (timestamp without time zone)';

CREATE FUNCTION window_funnel_combinefn(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_combinefn(internal, internal) IS
'window_funnel combine function: merges two partial states';

CREATE FUNCTION window_funnel_serialfn(internal)
RETURNS bytea AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_serialfn(internal) IS
'window_funnel serialization function for parallel workers';

CREATE FUNCTION window_funnel_deserialfn(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_deserialfn(bytea, internal) IS
'window_funnel deserialization function for parallel workers';

CREATE FUNCTION window_funnel_finalfn(internal)
RETURNS integer AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_finalfn(internal) IS
'window_funnel final function: the highest step reached';

CREATE FUNCTION window_funnel_times_finalfn(internal)
RETURNS double precision[] AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_times_finalfn(internal) IS
'window_funnel_times final function: seconds from step 1 to each step reached';

CREATE AGGREGATE window_funnel(interval, timestamptz, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamptz, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel(interval, timestamp, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamp, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel(interval, text, timestamp, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamp, VARIADIC "any") IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel_times(interval, timestamp, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamp, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]';

CREATE AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC "any") (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC "any") IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; steps are boolean conditions, one argument each (VARIADIC "any": no per-row array; a non-boolean condition is an error) or VARIADIC boolean[]; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';



-- funnel_summary: mergeable funnel counts ("reached at least step k")
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

CREATE FUNCTION funnel_summary_rollup_transfn(funnel_summary, funnel_summary) RETURNS funnel_summary
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION funnel_summary_rollup_transfn(funnel_summary, funnel_summary) IS
'Merges one funnel_summary into another (rollup transition and combine function)';

CREATE AGGREGATE funnel_agg(level integer, steps integer) (
	SFUNC = funnel_agg_transfn,
	STYPE = funnel_summary,
	COMBINEFUNC = funnel_summary_rollup_transfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE funnel_agg(integer, integer) IS
'Funnel summary of per-entity levels (0..steps, e.g. from window_funnel); NULL levels are skipped, no rows give NULL';

CREATE AGGREGATE rollup(funnel_summary) (
	SFUNC = funnel_summary_rollup_transfn,
	STYPE = funnel_summary,
	COMBINEFUNC = funnel_summary_rollup_transfn,
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
'Overall conversion to the step: reached(step) / reached(1); NULL when nobody reached step 1';

CREATE FUNCTION step_conversion(funnel_summary, step integer) RETURNS double precision
AS 'MODULE_PATHNAME', 'funnel_summary_step_conversion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION step_conversion(funnel_summary, integer) IS
'Step-to-step conversion: reached(step) / reached(step - 1); for step 1 the entry rate reached(1) / entities';

CREATE FUNCTION drop_off(funnel_summary, step integer) RETURNS bigint
AS 'MODULE_PATHNAME', 'funnel_summary_drop_off' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION drop_off(funnel_summary, integer) IS
'Entities that reached step - 1 but not the step: reached(step - 1) - reached(step)';

CREATE FUNCTION conversion_interval(funnel_summary, step integer, confidence double precision DEFAULT 0.95,
                                    OUT lower double precision, OUT upper double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'funnel_summary_conversion_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION conversion_interval(funnel_summary, integer, double precision) IS
'Wilson score interval of conversion(step) at the given confidence (default 95 %)';

CREATE FUNCTION step_conversion_interval(funnel_summary, step integer, confidence double precision DEFAULT 0.95,
                                         OUT lower double precision, OUT upper double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'funnel_summary_step_conversion_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION step_conversion_interval(funnel_summary, integer, double precision) IS
'Wilson score interval of step_conversion(step) at the given confidence (default 95 %)';

CREATE FUNCTION significance(a funnel_summary, b funnel_summary, step integer,
                             OUT difference double precision, OUT z double precision, OUT p_value double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'funnel_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(funnel_summary, funnel_summary, integer) IS
'Pooled two-proportion z test of conversion(step) between a and b: difference a - b, z, two-sided p-value';

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
'One row per step: reached, conversion from step 1, step-to-step conversion, their Wilson intervals, drop-off';


-- retention(VARIADIC boolean[]): ClickHouse's retention aggregate
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

-- retention_summary: cohort retention by period since each entity's first event
CREATE TYPE retention_summary;

CREATE FUNCTION retention_summary_in(cstring) RETURNS retention_summary
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_in(cstring) IS
'retention_summary text input: v1;entities=E;eligible=...;active=...;on_or_after=...';

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
'Mergeable cohort retention: per period since first event, entities eligible (period fully elapsed), active in it, active in it or later';

CREATE FUNCTION retention_agg_transfn(retention_summary, timestamptz, timestamptz[], interval, integer, timestamptz)
RETURNS retention_summary
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION retention_agg_transfn(retention_summary, timestamptz, timestamptz[], interval, integer, timestamptz) IS
'retention_agg transition function: counts one entity';

CREATE FUNCTION retention_summary_rollup_transfn(retention_summary, retention_summary) RETURNS retention_summary
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION retention_summary_rollup_transfn(retention_summary, retention_summary) IS
'Merges one retention_summary into another (rollup transition and combine function)';

CREATE AGGREGATE retention_agg(first_at timestamptz, activity timestamptz[], period interval,
                               periods integer, as_of timestamptz) (
	SFUNC = retention_agg_transfn,
	STYPE = retention_summary,
	COMBINEFUNC = retention_summary_rollup_transfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE retention_agg(timestamptz, timestamptz[], interval, integer, timestamptz) IS
'Cohort retention over one row per entity (first event, activity times): periods 0..periods-1 of fixed length from the first event; an entity counts for a period only once it has fully elapsed at as_of';

CREATE AGGREGATE rollup(retention_summary) (
	SFUNC = retention_summary_rollup_transfn,
	STYPE = retention_summary,
	COMBINEFUNC = retention_summary_rollup_transfn,
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
'One row per period: eligible entities (period elapsed), active in the period (N-period retention) and in it or later (unbounded retention), with rates';


-- ttc_summary: time to convert per step, log-scale histogram (1 % relative error)
CREATE TYPE ttc_summary;

CREATE FUNCTION ttc_summary_in(cstring) RETURNS ttc_summary
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_summary_in(cstring) IS
'ttc_summary text input: v1;steps=N;s2=bucket:count,...;...;sN=...';

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

CREATE FUNCTION time_to_convert(ttc_summary, step integer, quantile double precision DEFAULT 0.5)
RETURNS double precision
AS 'MODULE_PATHNAME', 'ttc_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION time_to_convert(ttc_summary, integer, double precision) IS
'Seconds from step 1 to the step at the quantile (default median, nearest rank), within 1 % relative error (times under 1 ms read 0); NULL if nobody reached the step';

CREATE FUNCTION time_to_convert_count(ttc_summary, step integer) RETURNS bigint
AS 'MODULE_PATHNAME', 'ttc_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION time_to_convert_count(ttc_summary, integer) IS
'Entities with a time for the step (steps 2 and later)';

/* ---- end of funnels and retention ---- */
