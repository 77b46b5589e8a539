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
