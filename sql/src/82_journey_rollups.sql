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
