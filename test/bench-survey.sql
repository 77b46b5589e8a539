-- Survey KPI benchmark: psql -v rows=N -v runs=R -f test/bench-survey.sql
-- Serial plans, the table in shared buffers, each query run :runs times in
-- rotation; the median time of each is reported as a ratio to the floor
-- (a bare count(score) scan) and to the plain-SQL formula.
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET jit = off;
DROP TABLE IF EXISTS bench_responses;
CREATE TABLE bench_responses AS
SELECT ((hashint8(g) & 1023) % 11)::int AS score,
       ((hashint8(g) & 1023) % 11)::smallint AS score2,
       (1 + (hashint8(g + 1) & 1023) % 5)::int AS sat,
       ((hashint8(g) & 1023) % 11)::numeric AS score_n
FROM generate_series(1, :rows) g;
VACUUM ANALYZE bench_responses;
CREATE EXTENSION IF NOT EXISTS pg_prewarm;
SELECT pg_prewarm('bench_responses') IS NOT NULL AS prewarmed;

CREATE TEMP TABLE bench_queries (id int, label text, sql text);
INSERT INTO bench_queries VALUES
 (1, 'floor: count(score)', 'SELECT count(score) FROM bench_responses'),
 (2, 'nps(score)', 'SELECT nps(score) FROM bench_responses'),
 (3, 'plain SQL NPS formula', 'SELECT 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score) FROM bench_responses'),
 (4, 'nps(smallint score)', 'SELECT nps(score2) FROM bench_responses'),
 (5, 'nps_agg(score)', 'SELECT nps_agg(score) FROM bench_responses'),
 (6, 'csat(sat)', 'SELECT csat(sat) FROM bench_responses'),
 (7, 'plain SQL CSAT formula', 'SELECT 100.0 * count(*) FILTER (WHERE sat >= 4) / count(sat) FROM bench_responses'),
 (8, 'nps(numeric score)', 'SELECT nps(score_n) FROM bench_responses'),
 (9, 'plain SQL NPS formula, numeric', 'SELECT 100.0 * (count(*) FILTER (WHERE score_n >= 9) - count(*) FILTER (WHERE score_n <= 6)) / count(score_n) FROM bench_responses');

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

-- same answers, or the timing means nothing
SELECT nps(score) = (100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score))::float8 AS nps_matches_formula,
       csat(sat) = (100.0 * count(*) FILTER (WHERE sat >= 4) / count(sat))::float8 AS csat_matches_formula,
       nps(score_n) = nps(score) AS numeric_matches
FROM bench_responses;

WITH med AS (
    SELECT id, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM bench_times GROUP BY id
)
SELECT q.label AS query, round(m.ms::numeric, 1) AS median_ms,
       round((m.ms / f.ms)::numeric, 2) AS x_floor,
       round((m.ms / (SELECT ms FROM med WHERE id = 3))::numeric, 2) AS x_plain_sql_nps
FROM med m JOIN bench_queries q USING (id), (SELECT ms FROM med WHERE id = 1) f
ORDER BY q.id;
