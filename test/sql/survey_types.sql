--
-- The summary types: text I/O, validation, merging, building from counts.
--
CREATE SCHEMA survey_types;
SET search_path = survey_types, public;

-- text round trip: output is canonical and reads back to the same value
SELECT 'v1 nps 0..10 {0,1,2,3,4,5,6,7,8,9,10}'::nps_summary;
SELECT '  v1   nps 0..10{ 0, 1,2 ,3,4,5,6,7,8,9, 10 }  '::nps_summary;
SELECT 'v1 csat 1..5 {1,2,3,4,5}'::csat_summary;
SELECT 'v1 csat 1..3 {0,0,9223372036854775807}'::csat_summary;
SELECT 'v1 ces 1..7 {1,0,0,0,0,0,2}'::ces_summary;
SELECT 'v1 ces 1..10 {1,1,1,1,1,1,1,1,1,1}'::ces_summary;
SELECT 'v1 nps 0..10 categories-only {3,0,0,0,0,0,0,0,2,0,5}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT s::text::nps_summary::text = s::text AS round_trip
FROM (SELECT nps_agg(g % 11) s FROM generate_series(1, 1000) g) q;

-- invalid text input, one case per line
SELECT ''::nps_summary;
SELECT 'v1'::nps_summary;
SELECT 'nps 0..10 {0,0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v2 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v0 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v1 csat 1..5 {1,2,3,4,5}'::nps_summary;
SELECT 'v1 nps 1..10 {0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,-1}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1.5}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,9223372036854775808}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,1,9223372036854775807}'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,0} x'::nps_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,}'::nps_summary;
SELECT 'v1 nps 0..10 some-flag {0,0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v1 npsx 0..10 {0,0,0,0,0,0,0,0,0,0,0}'::nps_summary;
SELECT 'v1 csat 1..2 {1,2}'::csat_summary;
SELECT 'v1 csat 1..11 {1,1,1,1,1,1,1,1,1,1,1}'::csat_summary;
SELECT 'v1 csat 0..4 {1,1,1,1,1}'::csat_summary;
SELECT 'v1 ces 1..7 {1,1,1,1,1,1}'::ces_summary;
SELECT 'v1 ces 7..1 {1}'::ces_summary;
SELECT 'v99999999999999999999 ces 1..7 {1}'::ces_summary;

-- merging: + and rollup(); only the same scale; NULL is skipped by rollup
SELECT 'v1 nps 0..10 {1,0,0,0,0,0,0,0,0,0,2}'::nps_summary + 'v1 nps 0..10 {0,0,0,0,0,0,0,3,0,0,1}';
SELECT 'v1 csat 1..5 {1,2,3,4,5}'::csat_summary + 'v1 csat 1..5 {5,4,3,2,1}';
SELECT 'v1 csat 1..5 {1,2,3,4,5}'::csat_summary + 'v1 csat 1..7 {1,2,3,4,5,6,7}';
SELECT 'v1 ces 1..5 {1,2,3,4,5}'::ces_summary + 'v1 ces 1..7 {1,2,3,4,5,6,7}';
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}'::nps_summary + 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,9223372036854775807}';
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,1,0}'::nps_summary + 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,9223372036854775807}';
SELECT 'v1 nps 0..10 {1,0,0,0,0,0,0,0,0,0,2}'::nps_summary + NULL;
SELECT rollup(s) FROM (VALUES ('v1 nps 0..10 {1,0,0,0,0,0,0,0,0,0,2}'::nps_summary), (NULL),
                              ('v1 nps 0..10 {0,0,0,0,0,0,0,3,0,0,1}')) v(s);
SELECT rollup(s) FROM (VALUES (NULL::nps_summary), (NULL)) v(s);
SELECT rollup(s) FROM (VALUES ('v1 csat 1..5 {1,2,3,4,5}'::csat_summary), ('v1 csat 1..7 {1,2,3,4,5,6,7}')) v(s);
-- equality, and what it enables: DISTINCT, UNION, GROUP BY, hash joins
SELECT nps_from_counts(ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) = 'v1 nps 0..10 {0,1,2,3,4,5,6,7,8,9,10}' AS same,
       nps_from_counts(ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) <> 'v1 nps 0..10 {0,1,2,3,4,5,6,7,8,9,11}' AS differs,
       nps_from_counts(1, 0, 0) = 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}' AS categories_only_is_not_a_histogram,
       csat_from_counts(ARRAY[1, 2, 3]) = 'v1 csat 1..3 {1,2,3}' AS csat_same,
       ces_from_counts(ARRAY[1, 2, 3]) = ces_from_counts(ARRAY[1, 2, 3, 0]) AS other_scale;
SELECT count(*) AS distinct_summaries FROM (SELECT DISTINCT s
FROM (VALUES (nps_from_counts(1, 2, 3)), (nps_from_counts(1, 2, 3)), (nps_from_counts(3, 2, 1)), (NULL)) v(s)) d;
SELECT s, count(*) FROM (VALUES (csat_from_counts(ARRAY[1, 1, 1])), (csat_from_counts(ARRAY[1, 1, 1])),
                                (csat_from_counts(ARRAY[2, 1, 1]))) v(s) GROUP BY s ORDER BY count(*);
SELECT s FROM (VALUES (ces_from_counts(ARRAY[1, 1, 1]))) a(s) UNION SELECT s FROM (VALUES (ces_from_counts(ARRAY[1, 1, 1]))) b(s);
SET enable_mergejoin = off;
SET enable_nestloop = off;
SELECT count(*) AS joined FROM (VALUES (nps_from_counts(1, 2, 3)), (nps_from_counts(1, 2, 4))) a(s)
JOIN (VALUES (nps_from_counts(1, 2, 3))) b(s) USING (s);
RESET enable_mergejoin;
RESET enable_nestloop;
-- ordering (issue 6, item 10: rollup(DISTINCT v) and sort-planned DISTINCT
-- failed with "could not identify an ordering operator").  The order is that
-- of the stored form: scale, then each score's count from the lowest, then
-- flags; every pair below is checked against that rule written in SQL.
CREATE TEMP TABLE ordered (id int, s csat_summary);
INSERT INTO ordered VALUES (1, 'v1 csat 1..5 {0,0,0,0,2}'), (2, 'v1 csat 1..5 {0,0,0,1,0}'),
    (3, 'v1 csat 1..3 {5,5,5}'), (4, 'v1 csat 1..5 {1,0,0,0,0}'), (5, 'v1 csat 1..5 categories-only {1,0,0,0,0}'),
    (6, 'v1 csat 1..5 {0,0,0,1,0}'), (7, 'v1 csat 1..7 {0,0,0,0,0,0,0}'), (8, NULL);
SELECT id, s FROM ordered ORDER BY s, id;
WITH k AS (
    SELECT s, ARRAY[array_length(c, 1)::bigint] || c || (s::text LIKE '%categories-only%')::int::bigint AS key
    FROM (SELECT s, string_to_array(substring(s::text FROM '{(.*)}'), ',')::bigint[] AS c
          FROM ordered WHERE s IS NOT NULL) q)
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.s < b.s) = (a.key < b.key) AND (a.s <= b.s) = (a.key <= b.key)
                          AND (a.s > b.s) = (a.key > b.key) AND (a.s >= b.s) = (a.key >= b.key)
                          AND (a.s = b.s) = (a.key = b.key)
                          AND csat_summary_cmp(a.s, b.s) = sign(btarraycmp(a.key, b.key))) AS agree
FROM k a CROSS JOIN k b;
SELECT count(DISTINCT s) AS distinct_count FROM ordered;
SELECT rollup(DISTINCT s) FROM ordered WHERE id <> 3 AND id <> 7;
SELECT rollup(DISTINCT s) FROM (VALUES (nps_from_counts(1, 2, 3)), (nps_from_counts(1, 2, 3)), (nps_from_counts(3, 2, 1))) v(s);
SELECT rollup(DISTINCT s) FROM (VALUES (ces_from_counts(ARRAY[1, 2, 3])), (ces_from_counts(ARRAY[1, 2, 3]))) v(s);
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT s FROM ordered;
SELECT DISTINCT s FROM ordered;
SELECT DISTINCT s FROM (VALUES (nps_from_counts(1, 2, 3)), (nps_from_counts(1, 2, 3)), (nps_from_counts(3, 2, 1))) v(s);
SELECT DISTINCT s FROM (VALUES (ces_from_counts(ARRAY[2, 1, 3])), (ces_from_counts(ARRAY[1, 2, 3])), (ces_from_counts(ARRAY[1, 2, 3]))) v(s);
RESET enable_hashagg;
CREATE INDEX ON ordered (s);
SET enable_seqscan = off;
SELECT id FROM ordered WHERE s = 'v1 csat 1..5 {0,0,0,1,0}' ORDER BY id;
RESET enable_seqscan;

-- kpi accessors need the right summary type: another KPI's summary is an error
SELECT nps('v1 csat 1..5 {1,2,3,4,5}'::csat_summary);
SELECT csat('v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}'::nps_summary);
SELECT ces('v1 csat 1..5 {1,2,3,4,5}'::csat_summary);
SELECT promoters('v1 csat 1..5 {1,2,3,4,5}'::csat_summary);
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}'::nps_summary + 'v1 csat 1..5 {1,2,3,4,5}'::csat_summary;
SELECT 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}'::nps_summary::csat_summary;

-- summaries from counts (tools that export only counts)
SELECT nps_from_counts(ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
SELECT nps_from_counts(250, 675, 75);
SELECT csat_from_counts(ARRAY[5, 5, 10, 20, 10]);
SELECT csat_from_counts(30, 50);
SELECT csat_from_counts(3, 10, 7);
SELECT ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]);
SELECT nps_from_counts(ARRAY[1, 2, 3]);
SELECT nps_from_counts(ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, NULL]);
SELECT nps_from_counts(ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -10]);
SELECT nps_from_counts(ARRAY[[0, 1], [2, 3]]);
SELECT nps_from_counts(-1, 2, 3);
SELECT nps_from_counts(9223372036854775807, 1, 0);
SELECT csat_from_counts(ARRAY[1, 2]);
SELECT csat_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
SELECT csat_from_counts(11, 10);
SELECT csat_from_counts(1, 10, 12);
SELECT ces_from_counts(ARRAY[]::bigint[]);
-- a category-only summary has exact category figures and no mean
SELECT nps(s), promoters(s), passives(s), detractors(s), responses(s) FROM (SELECT nps_from_counts(250, 675, 75) s) q;
SELECT mean(nps_from_counts(250, 675, 75));
SELECT mean(csat_from_counts(30, 50));
SELECT csat(s), satisfied(s), responses(s) FROM (SELECT csat_from_counts(30, 50) s) q;
-- merged with full histograms, it stays category-only
SELECT nps_from_counts(1, 0, 0) + 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}';
SELECT mean(nps_from_counts(1, 0, 0) + 'v1 nps 0..10 {0,0,0,0,0,0,0,0,0,0,1}');
-- category figures agree between a histogram and its category-only twin
SELECT nps(a) = nps(b) AS same_nps, ci_lower(a) = ci_lower(b) AS same_ci
FROM (SELECT nps_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) a, nps_from_counts(10 + 11, 8 + 9, 1 + 2 + 3 + 4 + 5 + 6 + 7) b) q;

-- figures read from a summary
SELECT responses(s), mean(s), nps(s), promoters(s), passives(s), detractors(s)
FROM (SELECT 'v1 nps 0..10 {1,0,0,0,0,0,0,1,1,1,1}'::nps_summary s) q;
SELECT responses(s), mean(s), csat(s), satisfied(s) FROM (SELECT 'v1 csat 1..7 {1,1,1,1,1,1,1}'::csat_summary s) q;
SELECT responses(s), mean(s), ces(s), agree(s), agree_pct(s) FROM (SELECT 'v1 ces 1..7 {1,1,1,1,1,1,1}'::ces_summary s) q;
SELECT agree(s), agree_pct(s) FROM (SELECT 'v1 ces 1..5 {1,1,1,1,1}'::ces_summary s) q;
SELECT agree(s), agree_pct(s) FROM (SELECT 'v1 ces 1..10 {1,1,1,1,1,1,1,1,1,1}'::ces_summary s) q;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA survey_types CASCADE;
RESET client_min_messages;
