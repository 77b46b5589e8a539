-- Time-to-convert benchmark: psql -v rows=N -v summaries=S -v steps=K -f test/bench-ttc.sql
-- Serial plans, each query run bench.runs times in rotation; the median of
-- each is reported as a ratio to its floor (a bare scan of the same rows) and
-- to a plain-SQL baseline over the same data.
--  * time_to_convert_agg over N per-entity time arrays (steps - 1 later
--    steps, 31 by default; times spread over 6 orders of magnitude, so each
--    step fills up to ~700 buckets), against unnesting the same arrays;
--  * rollup(ttc_summary) over S stored summaries (5 entities each, as many
--    steps), against rollup(nps_summary) over as many stored NPS summaries.
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET jit = off;
DROP TABLE IF EXISTS bench_ttc, bench_ttc_daily, bench_nps_daily;
-- per entity: 0, then steps - 1 times from a hash of (entity, step)
CREATE TABLE bench_ttc AS
SELECT g, array_prepend(0::float8, array_agg(exp(((hashint4(g * 32 + k) & 1048575) / 1048575.0) * ln(1e6)) ORDER BY k)) AS t
FROM generate_series(1, :rows) g, generate_series(2, :steps) k GROUP BY g;
CREATE TABLE bench_ttc_daily AS
SELECT g % :summaries AS day, time_to_convert_agg(t) AS s
FROM (SELECT g, array_prepend(0::float8, array_agg(exp(((hashint4(g * 32 + k) & 1048575) / 1048575.0) * ln(1e6)) ORDER BY k)) AS t
      FROM generate_series(1, 5 * :summaries) g, generate_series(2, :steps) k GROUP BY g) x
GROUP BY 1;
CREATE TABLE bench_nps_daily AS
SELECT g % :summaries AS day, nps_agg((hashint4(g) & 1023) % 11) AS s
FROM generate_series(1, 5 * :summaries) g GROUP BY 1;
VACUUM ANALYZE bench_ttc, bench_ttc_daily, bench_nps_daily;

CREATE TEMP TABLE bench_queries (id int, label text, sql text);
INSERT INTO bench_queries VALUES
 (1, 'floor: count(t)', 'SELECT count(t) FROM bench_ttc'),
 (2, 'plain SQL: unnest the arrays', 'SELECT count(x) FROM bench_ttc, unnest(t) x'),
 (3, 'time_to_convert_agg(t)', 'SELECT time_to_convert_agg(t) FROM bench_ttc'),
 (4, 'floor: count(s) of ttc summaries', 'SELECT count(s) FROM bench_ttc_daily'),
 (5, 'rollup(nps_summary)', 'SELECT rollup(s) FROM bench_nps_daily'),
 (6, 'rollup(ttc_summary)', 'SELECT rollup(s) FROM bench_ttc_daily');

CREATE TEMP TABLE bench_times (id int, run int, ms float8);
DO $$
DECLARE
    r int;
    q record;
    t0 timestamptz;
    runs int := current_setting('bench.runs')::int;
BEGIN
    -- one untimed warm-up of each query, then timed rounds in rotation
    FOR q IN SELECT * FROM bench_queries ORDER BY id LOOP
        EXECUTE q.sql;
    END LOOP;
    FOR r IN 1..runs LOOP
        FOR q IN SELECT * FROM bench_queries ORDER BY id LOOP
            t0 := clock_timestamp();
            EXECUTE q.sql;
            INSERT INTO bench_times VALUES (q.id, r, extract(epoch FROM clock_timestamp() - t0) * 1000);
        END LOOP;
    END LOOP;
END $$;

-- same answers, or the timing means nothing: the summary counts every
-- entity, and the rollup of the stored summaries equals one aggregate
SELECT time_to_convert_count(time_to_convert_agg(t), 2) = count(*) AS counts_every_row,
       (SELECT count(*) FROM (SELECT DISTINCT ttc_summary_send(s) FROM bench_ttc_daily) x) > 1 AS summaries_differ
FROM bench_ttc;

WITH med AS (
    SELECT id, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM bench_times GROUP BY id
)
SELECT q.label AS query, round(m.ms::numeric, 1) AS median_ms,
       round((m.ms / CASE WHEN q.id <= 3 THEN (SELECT ms FROM med WHERE id = 1) ELSE (SELECT ms FROM med WHERE id = 4) END)::numeric, 2) AS x_floor,
       round((m.ms / CASE WHEN q.id <= 3 THEN (SELECT ms FROM med WHERE id = 2) ELSE (SELECT ms FROM med WHERE id = 5) END)::numeric, 2) AS x_baseline
FROM med m JOIN bench_queries q USING (id)
ORDER BY q.id;
