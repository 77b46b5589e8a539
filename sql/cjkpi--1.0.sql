/* cjkpi--1.0.sql: customer-journey KPIs */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION cjkpi" to load this file. \quit

/* ---- survey KPIs: NPS, CSAT, CES (src/survey*.c) ---- */

/* ---- end of survey KPIs ---- */

/* ---- funnels and retention (src/funnel*.c, src/retention.c) ---- */

-- window_funnel: transition, combine, serialize and final functions shared by
-- every variant (timestamptz/timestamp, with and without a mode string).
CREATE FUNCTION window_funnel_transfn(internal, interval, timestamptz, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamptz, boolean[]) IS
'window_funnel transition function: collects the rows that match a step';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamptz, boolean[]) IS
'window_funnel transition function with a mode string';

CREATE FUNCTION window_funnel_transfn(internal, interval, timestamp, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, timestamp, boolean[]) IS
'window_funnel transition function (timestamp without time zone)';

CREATE FUNCTION window_funnel_transfn(internal, interval, text, timestamp, boolean[])
RETURNS internal AS 'MODULE_PATHNAME', 'window_funnel_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_transfn(internal, interval, text, timestamp, boolean[]) IS
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

CREATE AGGREGATE window_funnel(interval, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamptz, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics';

CREATE AGGREGATE window_funnel(interval, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamp, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics';

CREATE AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel(interval, text, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamp, VARIADIC boolean[]) IS
'Highest funnel step reached (0..number of steps) within the window, ClickHouse windowFunnel semantics; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamptz, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level';

CREATE AGGREGATE window_funnel_times(interval, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, timestamp, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level';

CREATE AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamptz, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';

CREATE AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC boolean[]) (
	SFUNC = window_funnel_transfn,
	STYPE = internal,
	SSPACE = 512,
	FINALFUNC = window_funnel_times_finalfn,
	COMBINEFUNC = window_funnel_combinefn,
	SERIALFUNC = window_funnel_serialfn,
	DESERIALFUNC = window_funnel_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_times(interval, text, timestamp, VARIADIC boolean[]) IS
'Seconds from step 1 to each step reached by the first chain that reached the final level; mode is a comma-separated list of strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude (last condition excludes), max_gap=<interval>, max_gap_K=<interval>';



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
'Pooled two-proportion z test of conversion(step) between a and b: difference b - a, z, two-sided p-value';

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

CREATE FUNCTION ttc_agg_transfn(internal, double precision[]) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ttc_agg_transfn(internal, double precision[]) IS
'time_to_convert_agg transition function';

CREATE FUNCTION ttc_rollup_transfn(internal, ttc_summary) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ttc_rollup_transfn(internal, ttc_summary) IS
'rollup(ttc_summary) transition function';

CREATE FUNCTION ttc_combinefn(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ttc_combinefn(internal, internal) IS
'time_to_convert_agg and rollup(ttc_summary) combine function';

CREATE FUNCTION ttc_serialfn(internal) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_serialfn(internal) IS
'time_to_convert_agg serialization function for parallel workers';

CREATE FUNCTION ttc_deserialfn(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ttc_deserialfn(bytea, internal) IS
'time_to_convert_agg deserialization function for parallel workers';

CREATE FUNCTION ttc_finalfn(internal) RETURNS ttc_summary
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ttc_finalfn(internal) IS
'time_to_convert_agg final function';

CREATE AGGREGATE time_to_convert_agg(times double precision[]) (
	SFUNC = ttc_agg_transfn,
	STYPE = internal,
	FINALFUNC = ttc_finalfn,
	COMBINEFUNC = ttc_combinefn,
	SERIALFUNC = ttc_serialfn,
	DESERIALFUNC = ttc_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE time_to_convert_agg(double precision[]) IS
'Time-to-convert summary of per-entity step times in seconds (window_funnel_times output); NULL arrays and elements are skipped';

CREATE AGGREGATE rollup(ttc_summary) (
	SFUNC = ttc_rollup_transfn,
	STYPE = internal,
	FINALFUNC = ttc_finalfn,
	COMBINEFUNC = ttc_combinefn,
	SERIALFUNC = ttc_serialfn,
	DESERIALFUNC = ttc_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(ttc_summary) IS
'Merges time-to-convert summaries';

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
