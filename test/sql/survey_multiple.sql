--
-- p_adjust(p_value, method) OVER (...): adjusted p-values for many tests at
-- once, the values of R's p.adjust.  Reference values: R's p.adjust
-- algorithm (src/library/stats/R/p.adjust.R) transcribed to Python in
-- test/survey_reference.py; the 15 p-values are Benjamini & Hochberg's
-- (1995, J. R. Statist. Soc. B 57:289, section 4.3) example, where their
-- procedure rejects 4 hypotheses at q = 0.05 and Bonferroni-type ones 3.
--
CREATE SCHEMA survey_multiple;
SET search_path = survey_multiple, public;

CREATE TABLE bh95 (id int, p float8);
INSERT INTO bh95 SELECT row_number() OVER (), p FROM unnest(ARRAY[0.0001, 0.0004, 0.0019, 0.0095, 0.0201,
    0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000]::float8[]) p;
CREATE TABLE want (id int, holm float8, bh float8);
INSERT INTO want SELECT row_number() OVER (), h, b FROM unnest(
    ARRAY[0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1]::float8[],
    ARRAY[0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765,
          0.486, 0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1]::float8[]) v(h, b);
-- rows in a shuffled order, so the adjustment cannot rely on input order
SELECT count(*) AS tests,
       count(*) FILTER (WHERE abs(got_holm - w.holm) < 1e-12 AND abs(got_bh - w.bh) < 1e-12) AS match_r,
       count(*) FILTER (WHERE got_bh < 0.05) AS bh_rejected, count(*) FILTER (WHERE got_holm < 0.05) AS holm_rejected
FROM (SELECT id, p_adjust(p, 'holm') OVER () AS got_holm, p_adjust(p, 'BH') OVER () AS got_bh
      FROM (SELECT * FROM bh95 ORDER BY (id * 7) % 15) s) a JOIN want w USING (id);

-- ties and NULLs, per partition: NULL p-values stay NULL and do not count
-- (R's default n); hand-checkable: holm 0.005 * 7 = 0.035, 0.01 * 6 = 0.06,
-- 0.03 * 5 = 0.15, 0.04 * 4 = 0.16 (and the tie keeps 0.16), 0.2 * 2 = 0.4
CREATE TABLE tests (family text, id int, p float8);
INSERT INTO tests SELECT 'a', i, p FROM unnest(ARRAY[0.04, NULL, 0.01, 0.04, 0.2, 0.005, 0.9, NULL, 0.03]::float8[])
    WITH ORDINALITY v(p, i);
INSERT INTO tests VALUES ('b', 1, 0.01), ('b', 2, 0.04), ('b', 3, 0.03), ('b', 4, 0.005), ('c', 1, NULL);
SELECT family, id, p, round(p_adjust(p, 'holm') OVER w::numeric, 6) AS holm,
       round(p_adjust(p, 'bh') OVER w::numeric, 6) AS bh
FROM tests WINDOW w AS (PARTITION BY family ORDER BY id) ORDER BY family, id;
-- the frame does not matter: the family is the whole partition
SELECT id, p_adjust(p, 'holm') OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS holm
FROM tests WHERE family = 'b' ORDER BY id;

-- bad input, one per line
SELECT p_adjust(p, 'bonferroni') OVER () FROM tests;
SELECT p_adjust(p, NULL) OVER () FROM tests;
SELECT p_adjust(p, CASE WHEN id = 1 THEN 'holm' ELSE 'bh' END) OVER () FROM tests;
SELECT p_adjust(p, 'holm') OVER () FROM (VALUES (0.5), (1.5)) v(p);
SELECT p_adjust(p, 'holm') OVER () FROM (VALUES (0.5), (-0.1)) v(p);
SELECT p_adjust(p, 'holm') OVER () FROM (VALUES (0.5), ('NaN'::float8)) v(p);
SELECT p_adjust(0.5, 'holm');

DROP SCHEMA survey_multiple CASCADE;
