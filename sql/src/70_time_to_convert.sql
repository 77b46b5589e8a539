/* 70_time_to_convert.sql: ttc_summary: time to convert per step (src/funnel_ttc.c) */

/* ttc_summary: time to convert per step, log-scale histogram (1 % relative error) */
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
