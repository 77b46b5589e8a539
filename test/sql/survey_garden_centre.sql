--
-- A real survey: a French garden-centre chain (test/data/nps-garden-centre, see test/data/README.md,
-- CC0; LATIN1, "NA" for missing).  Published figures (doc/statistics.md):
-- 13,612 valid scores (1..10), P 8465 / passive 3953 / D 1194 -> NPS 53.4161,
-- Wald CI [52.3219, 54.5103], adjusted-Wald [52.3101, 54.4985].
--
CREATE SCHEMA survey_garden_centre;
SET search_path = survey_garden_centre, public;

CREATE TABLE garden (
    rownum int, id int, nps int, satisfaction int, intention int, explication text,
    nb_passage_ks int, ca_ticket numeric, t int
);
\copy garden FROM 'test/data/nps-garden-centre/nps.csv' WITH (FORMAT csv, HEADER true, NULL 'NA', ENCODING 'LATIN1')

SELECT count(*) AS rows, count(nps) AS valid, min(nps), max(nps) FROM garden;
CREATE TEMP TABLE g AS SELECT nps_agg(nps) AS s FROM garden;
SELECT l AS figure, round(got::numeric, 4) AS got, want, abs(got - want) <= tol AS ok
FROM g, LATERAL (VALUES
    ('responses', responses(s)::float8, 13612, 0),
    ('promoters', promoters(s)::float8, 8465, 0),
    ('passives', passives(s)::float8, 3953, 0),
    ('detractors', detractors(s)::float8, 1194, 0),
    ('nps', nps(s), 53.4161, 1e-4),
    ('wald lower', ci_lower(s, 0.95, 'wald'), 52.3219, 1e-4),
    ('wald upper', ci_upper(s, 0.95, 'wald'), 54.5103, 1e-4),
    ('adjusted lower', ci_lower(s), 52.3101, 1e-4),
    ('adjusted upper', ci_upper(s), 54.4985, 1e-4)) v(l, got, want, tol);
-- the plain aggregate, the plain-SQL formula and the summary agree
SELECT nps(nps) = nps(nps_agg(nps)) AS same,
       round(nps(nps)::numeric, 10) = round(100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps), 10) AS formula
FROM garden;
-- per time bucket, with intervals, checked against the adjusted-Wald formula
-- of doc/statistics.md recomputed here in plain SQL from the raw rows
CREATE TEMP TABLE per_t AS SELECT t, nps_agg(nps) AS s FROM garden GROUP BY t;
CREATE TEMP TABLE per_t_sql AS
SELECT t, n, (100 * (sp - sd - 1.959963984540054 * sqrt((sp + sd - (sp - sd) ^ 2) / (n + 3))))::float8 AS lo,
          (100 * (sp - sd + 1.959963984540054 * sqrt((sp + sd - (sp - sd) ^ 2) / (n + 3))))::float8 AS hi
FROM (SELECT t, count(nps) AS n,
             (count(*) FILTER (WHERE nps >= 9) + 0.75) / (count(nps) + 3.0) AS sp,
             (count(*) FILTER (WHERE nps <= 6) + 0.75) / (count(nps) + 3.0) AS sd
      FROM garden GROUP BY t) x;
SELECT p.t, responses(p.s) AS n, round(nps(p.s)::numeric, 2) AS nps,
       round(ci_lower(p.s)::numeric, 2) AS lo, round(ci_upper(p.s)::numeric, 2) AS hi,
       abs(ci_lower(p.s) - greatest(q.lo, -100)) < 1e-9 AND abs(ci_upper(p.s) - least(q.hi, 100)) < 1e-9 AS matches_formula
FROM per_t p JOIN per_t_sql q ON p.t IS NOT DISTINCT FROM q.t ORDER BY p.t;
SELECT rollup(s)::text = (SELECT s::text FROM g) AS rollup_equals_whole FROM per_t;
-- the satisfaction column (1..10): CSAT on a 10-point scale, 9..10 satisfied
SELECT round(csat(satisfaction, 10)::numeric, 4) AS csat,
       round((100.0 * count(*) FILTER (WHERE satisfaction >= 9) / count(satisfaction))::numeric, 4) AS formula
FROM garden;
-- buckets 0-4 against 5-9: the adjusted-Wald z test, recomputed in plain SQL;
-- the difference is the gap between the two NPS figures (issue 8), not
-- between the adjusted centres
SELECT round(sig.difference::numeric, 4) AS difference, round(sig.z::numeric, 4) AS z,
       abs(sig.z - ref.z) < 1e-9 AS z_matches_formula, sig.p_value < 0.05 AS significant,
       abs(sig.difference - (SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps)
                             FROM garden WHERE t BETWEEN 5 AND 9)
                          + (SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps)
                             FROM garden WHERE t BETWEEN 0 AND 4)) < 1e-9 AS difference_is_nps_gap
FROM significance((SELECT rollup(s) FROM per_t WHERE t BETWEEN 5 AND 9),
                  (SELECT rollup(s) FROM per_t WHERE t BETWEEN 0 AND 4)) sig,
     (SELECT (a.sp - a.sd - b.sp + b.sd) /
             sqrt((a.sp + a.sd - (a.sp - a.sd) ^ 2) / a.n + (b.sp + b.sd - (b.sp - b.sd) ^ 2) / b.n) AS z
      FROM (SELECT count(nps) + 3.0 AS n, (count(*) FILTER (WHERE nps >= 9) + 0.75) / (count(nps) + 3.0) AS sp,
                   (count(*) FILTER (WHERE nps <= 6) + 0.75) / (count(nps) + 3.0) AS sd
            FROM garden WHERE t BETWEEN 5 AND 9) a,
           (SELECT count(nps) + 3.0 AS n, (count(*) FILTER (WHERE nps >= 9) + 0.75) / (count(nps) + 3.0) AS sp,
                   (count(*) FILTER (WHERE nps <= 6) + 0.75) / (count(nps) + 3.0) AS sd
            FROM garden WHERE t BETWEEN 0 AND 4) b) ref;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA survey_garden_centre CASCADE;
RESET client_min_messages;
