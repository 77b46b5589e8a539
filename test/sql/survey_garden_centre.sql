--
-- A real survey: a French garden-centre chain (test/data/nps-garden-centre, a copy of ../shared/data,
-- CC0; LATIN1, "NA" for missing).  Published figures (kpi-statistics.md):
-- 13,612 valid scores (1..10), P 8465 / passive 3953 / D 1194 -> NPS 53.4161,
-- Wald CI [52.3219, 54.5103], adjusted-Wald [52.3101, 54.4985].
--
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
-- per time bucket, with intervals, rolled up again to the whole survey
CREATE TEMP TABLE per_t AS SELECT t, nps_agg(nps) AS s FROM garden GROUP BY t;
SELECT t, responses(s) AS n, round(nps(s)::numeric, 2) AS nps,
       round(ci_lower(s)::numeric, 2) AS lo, round(ci_upper(s)::numeric, 2) AS hi
FROM per_t ORDER BY t;
SELECT rollup(s)::text = (SELECT s::text FROM g) AS rollup_equals_whole FROM per_t;
-- the satisfaction column (1..10): CSAT on a 10-point scale, 9..10 satisfied
SELECT round(csat(satisfaction, 10)::numeric, 4) AS csat,
       round((100.0 * count(*) FILTER (WHERE satisfaction >= 9) / count(satisfaction))::numeric, 4) AS formula
FROM garden;
-- the first and the last time bucket: is the change significant?
SELECT round(difference::numeric, 3) AS difference, round(z::numeric, 3) AS z, p_value < 0.05 AS significant
FROM significance((SELECT s FROM per_t WHERE t = 17), (SELECT s FROM per_t WHERE t = 0));
