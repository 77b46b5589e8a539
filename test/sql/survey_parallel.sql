--
-- Parallel plans: Partial/Finalize Aggregate with the combine functions give
-- the same results as serial plans, including empty, all-NULL and
-- FILTER (WHERE false) partial states.
--
CREATE SCHEMA survey_parallel;
SET search_path = survey_parallel, public;

CREATE TABLE big_responses AS
SELECT g AS id, (g % 7)::int AS grp,
       CASE WHEN g % 97 = 0 THEN NULL ELSE ((hashint4(g) & 1023) % 11)::smallint END AS score,
       (1 + (hashint4(g + 7) & 1023) % 5)::int AS sat,
       (1 + (hashint4(g + 9) & 1023) % 7)::bigint AS effort,
       NULL::int AS nothing
FROM generate_series(1, 200000) g;
ANALYZE big_responses;

-- serial results first
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
SELECT grp, nps(score) AS nps, nps_agg(score)::text AS nps_s, csat(sat) AS csat, csat_agg(sat, 5)::text AS csat_s,
       ces(effort) AS ces, ces_agg(effort)::text AS ces_s,
       nps(nothing) AS empty_nps, nps_agg(nothing) AS empty_s,
       nps(score) FILTER (WHERE false) AS filtered, nps_agg(score) FILTER (WHERE id % 2 = 0)::text AS half
FROM big_responses GROUP BY grp;

-- then forced parallel plans
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT grp, nps(score), nps_agg(score), csat(sat, 5), ces_agg(effort) FROM big_responses GROUP BY grp;
EXPLAIN (COSTS OFF)
SELECT nps(score) FROM big_responses;

CREATE TEMP TABLE parallel AS
SELECT grp, nps(score) AS nps, nps_agg(score)::text AS nps_s, csat(sat) AS csat, csat_agg(sat, 5)::text AS csat_s,
       ces(effort) AS ces, ces_agg(effort)::text AS ces_s,
       nps(nothing) AS empty_nps, nps_agg(nothing) AS empty_s,
       nps(score) FILTER (WHERE false) AS filtered, nps_agg(score) FILTER (WHERE id % 2 = 0)::text AS half
FROM big_responses GROUP BY grp;

SELECT count(*) AS groups,
       count(*) FILTER (WHERE s.nps = p.nps AND s.nps_s = p.nps_s AND s.csat = p.csat AND s.csat_s = p.csat_s
                        AND s.ces = p.ces AND s.ces_s = p.ces_s AND p.empty_nps IS NULL AND p.empty_s IS NULL
                        AND p.filtered IS NULL AND s.half = p.half) AS equal
FROM serial s JOIN parallel p USING (grp);

-- whole-table aggregates, where every worker has many rows
SELECT nps(score) = (SELECT 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score)
                     FROM big_responses)::float8 AS nps_equal,
       nps_agg(score)::text = (SELECT 'v1 nps 0..10 {' || string_agg(c::text, ',' ORDER BY sc) || '}' FROM (
           SELECT sc, (SELECT count(*) FROM big_responses WHERE score = sc) AS c FROM generate_series(0, 10) sc) x)
           AS histogram_equal
FROM big_responses;
SELECT responses(nps_agg(score)) = count(score) AS n_equal FROM big_responses;
-- floating-point scores (1.1) combine like the others
EXPLAIN (COSTS OFF) SELECT nps_agg(score::float8), csat_agg(sat::real, 5) FROM big_responses;
SELECT nps_agg(score::float8) = nps_agg(score) AS double_equal, csat_agg(sat::real, 5) = csat_agg(sat, 5) AS real_equal,
       ces(effort::float8) = ces(effort) AS ces_equal
FROM big_responses;
-- partial states that are all empty: workers that see no matching rows
SELECT nps(score), nps_agg(score), csat_agg(sat) FROM big_responses WHERE id < 0;
SELECT nps(score) FILTER (WHERE id < 0), nps_agg(nothing) FROM big_responses;
-- some workers empty, some not
SELECT nps_agg(score) FILTER (WHERE id = 5) AS one_row FROM big_responses;
-- rollup() of stored summaries in parallel
CREATE TABLE big_daily AS SELECT id % 500 AS day, nps_agg(score) AS s FROM big_responses GROUP BY 1;
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM big_daily;
SELECT rollup(s)::text = (SELECT nps_agg(score)::text FROM big_responses) AS rollup_equal FROM big_daily;
-- errors raised in workers reach the client
SELECT nps(CASE WHEN id = 100000 THEN 42 ELSE score END) FROM big_responses;

-- many groups in a hash aggregate that spills to disk (tiny work_mem): the
-- states survive and match a plain-SQL computation of every group
SET max_parallel_workers_per_gather = 0;
SET work_mem = '64kB';
SET enable_sort = off;
CREATE FUNCTION hashagg_batches(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF) ' || query INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'HashAgg Batches')::int;
END $$;
SELECT hashagg_batches('SELECT id % 20000, nps_agg(score) FROM big_responses GROUP BY 1') > 1 AS spilled;
CREATE TEMP TABLE spilled AS SELECT id % 20000 AS g, nps_agg(score) AS s, csat_agg(sat) AS c FROM big_responses GROUP BY 1;
RESET work_mem;
RESET enable_sort;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE responses(s) = r.n AND nps(s) = r.nps AND csat(c) = r.csat) AS equal
FROM spilled JOIN (SELECT id % 20000 AS g, count(score) AS n,
                          (100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score))::float8 AS nps,
                          (100.0 * count(*) FILTER (WHERE sat >= 4) / count(sat))::float8 AS csat
                   FROM big_responses GROUP BY 1) r USING (g);
RESET ALL;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA survey_parallel CASCADE;
RESET client_min_messages;
