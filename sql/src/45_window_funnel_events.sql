/* 45_window_funnel_events.sql: window_funnel_events, window_funnel_events_times and window_funnel_events_start (src/funnel.c) */

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
