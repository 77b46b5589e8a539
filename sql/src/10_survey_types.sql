/* 10_survey_types.sql: survey summary types nps_summary, csat_summary, ces_summary: I/O, merging, equality (src/summary.c) */

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

/*
 * Ordering: a btree operator class gives every summary type a total order, so
 * summary columns sort (ORDER BY, btree indexes, merge joins) and work in
 * sort-planned DISTINCT, UNION and rollup(DISTINCT v).  The order is that of
 * the stored form (scale, then each score's count from the lowest, then
 * flags), not of any KPI figure: ORDER BY nps(s) sorts by the score.
 */
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

/* Support functions of the aggregates: not executable by PUBLIC (the aggregates check EXECUTE as their owner). */
REVOKE EXECUTE ON FUNCTION nps_summary_merge(nps_summary, nps_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION csat_summary_merge(csat_summary, csat_summary) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ces_summary_merge(ces_summary, ces_summary) FROM PUBLIC;
