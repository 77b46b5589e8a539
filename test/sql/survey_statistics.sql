--
-- Every NPS, CSAT and CES worked example of doc/statistics.md (published
-- figures: MeasuringU, Rocks 2016, Wilson 1927 / Newcombe 1998), checked
-- against the published value: "want" is the published number, "ok" says
-- whether the extension agrees within the tolerance (1e-4 on intervals, as
-- the published figures are rounded).  CES t intervals and Welch tests have
-- no published example; they are checked against scipy 1.10
-- (scipy.stats.t.interval, ttest_ind(equal_var=False), ttest_1samp).
--
CREATE SCHEMA survey_statistics;
SET search_path = survey_statistics, public;

CREATE TEMP TABLE checks (id serial, label text, got float8, want float8, tol float8);

-- Build summaries from raw scores, so the aggregates are under test too.
CREATE FUNCTION scores(promoters int, passives int, detractors int)
RETURNS SETOF int LANGUAGE sql AS $$
    SELECT 10 FROM generate_series(1, promoters)
    UNION ALL SELECT 8 FROM generate_series(1, passives)
    UNION ALL SELECT 3 FROM generate_series(1, detractors)
$$;
CREATE TEMP TABLE ex AS
SELECT 'a' AS name, (SELECT nps_agg(s) FROM scores(15, 10, 25) s) AS s
UNION ALL SELECT 'b', (SELECT nps_agg(s) FROM scores(250, 675, 75) s)
UNION ALL SELECT 'c', (SELECT nps_agg(s) FROM scores(9, 0, 2) s)
UNION ALL SELECT 'd', (SELECT nps_agg(s) FROM scores(300, 200, 100) s);

-- NPS: scores 1..10 -> P 20 %, D 60 %, NPS -40
INSERT INTO checks (label, got, want, tol)
SELECT 'nps(1..10)', nps(x), -40, 1e-12 FROM generate_series(1, 10) x;
INSERT INTO checks (label, got, want, tol)
SELECT 'promoter share (1..10)', 100.0 * promoters(s) / responses(s), 20, 1e-12
FROM (SELECT nps_agg(x) s FROM generate_series(1, 10) x) q;
INSERT INTO checks (label, got, want, tol)
SELECT 'detractor share (1..10)', 100.0 * detractors(s) / responses(s), 60, 1e-12
FROM (SELECT nps_agg(x) s FROM generate_series(1, 10) x) q;

-- NPS: 15 P / 10 passive / 25 D
INSERT INTO checks (label, got, want, tol) SELECT l, g, w, t FROM (SELECT s FROM ex WHERE name = 'a') e,
LATERAL (VALUES ('15/10/25 nps', nps(s), -20, 1e-12),
                ('15/10/25 wald lower', ci_lower(s, 0.95, 'wald'), -44.1641, 1e-4),
                ('15/10/25 wald upper', ci_upper(s, 0.95, 'wald'), 4.1641, 1e-4),
                ('15/10/25 adjusted centre', adjusted_nps(s), -18.8679, 1e-4),
                ('15/10/25 adjusted lower', ci_lower(s), -42.1431, 1e-4),
                ('15/10/25 adjusted upper', ci_upper(s), 4.4072, 1e-4)) v(l, g, w, t);

-- NPS: 250 P / 675 passive / 75 D
INSERT INTO checks (label, got, want, tol) SELECT l, g, w, t FROM (SELECT s FROM ex WHERE name = 'b') e,
LATERAL (VALUES ('250/675/75 nps', nps(s), 17.5, 1e-12),
                ('250/675/75 variance', (std_error(s) / 100) ^ 2 * responses(s), 0.294375, 1e-9),
                ('250/675/75 std_error', std_error(s), 1.71574, 1e-5),
                ('250/675/75 wald moe', moe(s, 0.95, 'wald'), 3.36278, 1e-5),
                ('250/675/75 moe (adjusted, mpmath)', moe(s), 3.3617739678161624, 1e-9),
                ('250/675/75 wald lower', ci_lower(s, 0.95, 'wald'), 14.1372, 1e-4),
                ('250/675/75 wald upper', ci_upper(s, 0.95, 'wald'), 20.8628, 1e-4),
                ('250/675/75 adjusted centre', adjusted_nps(s), 17.4477, 1e-4),
                ('250/675/75 adjusted lower', ci_lower(s), 14.0859, 1e-4),
                ('250/675/75 adjusted upper', ci_upper(s), 20.8094, 1e-4)) v(l, g, w, t);

-- NPS: 9 P / 0 / 2 D; the Wald upper end is clamped to 100
INSERT INTO checks (label, got, want, tol) SELECT l, g, w, t FROM (SELECT s FROM ex WHERE name = 'c') e,
LATERAL (VALUES ('9/0/2 nps', nps(s), 63.6364, 1e-4),
                ('9/0/2 wald lower', ci_lower(s, 0.95, 'wald'), 18.05, 1e-2),
                ('9/0/2 wald upper (clamped)', ci_upper(s, 0.95, 'wald'), 100, 1e-12),
                ('9/0/2 adjusted lower', ci_lower(s), 8.0008, 1e-4),
                ('9/0/2 adjusted upper', ci_upper(s), 91.9992, 1e-4)) v(l, g, w, t);

-- NPS: 300/200/100 (n 600) vs 250/675/75 (n 1000)
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(d.s, b.s, 'wald')).*, std_error(d.s) AS se_d, std_error(b.s) AS se_b
                        FROM ex d, ex b WHERE d.name = 'd' AND b.name = 'b') x,
LATERAL (VALUES ('wald difference', difference, 15.8333, 1e-4),
                ('wald SE', sqrt(se_d ^ 2 + se_b ^ 2), 3.49328, 1e-5),
                ('wald z', z, 4.53251, 1e-5),
                ('wald p', p_value, 5.83e-6, 1e-8)) v(l, g, w, t);
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(d.s, b.s)).* FROM ex d, ex b WHERE d.name = 'd' AND b.name = 'b') x,
LATERAL (VALUES ('difference is nps(a) - nps(b)', difference, 15.8333, 1e-4),
                ('adjusted difference (interval centre)', (ci_lower + ci_upper) / 2, 15.7198, 1e-4),
                ('adjusted SE (interval half-width / z)', (ci_upper - ci_lower) / 2 / 1.959963984540054, 3.48708, 1e-5),
                ('adjusted z', z, 4.50803, 1e-5),
                ('adjusted p', p_value, 6.54e-6, 1e-8)) v(l, g, w, t);
-- swapping the groups flips the sign, not the p-value
INSERT INTO checks (label, got, want, tol)
SELECT 'swapped z', (significance(b.s, d.s)).z, -4.50803, 1e-5 FROM ex d, ex b WHERE d.name = 'd' AND b.name = 'b';

-- the normal quantile behind every interval: qnorm(0.975)
INSERT INTO checks (label, got, want, tol)
SELECT 'z(0.95) = moe / SE', moe(s, 0.95, 'wald') / std_error(s), 1.959963984540054, 1e-13 FROM ex WHERE name = 'b';
INSERT INTO checks (label, got, want, tol)
SELECT 'z(0.99) = moe / SE', moe(s, 0.99, 'wald') / std_error(s), 2.5758293035489004, 1e-13 FROM ex WHERE name = 'b';

-- CSAT: 10x5, 20x4, 10x3, 5x2, 5x1 -> 60 %, mean 3.5
CREATE TEMP TABLE csat_ex AS
SELECT csat_agg(x) AS s FROM (
    SELECT 5 FROM generate_series(1, 10) UNION ALL SELECT 4 FROM generate_series(1, 20)
    UNION ALL SELECT 3 FROM generate_series(1, 10) UNION ALL SELECT 2 FROM generate_series(1, 5)
    UNION ALL SELECT 1 FROM generate_series(1, 5)) v(x);
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM csat_ex, LATERAL (VALUES ('csat 60 %', csat(s), 60, 1e-12),
                                                ('csat mean 3.5', mean(s), 3.5, 1e-12)) v(l, g, w, t);

-- CSAT Wilson intervals (in percent here, so the tolerance is 1e-4 %)
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, 1e-4 FROM (VALUES
    ('wilson 6/32 lower', ci_lower(csat_from_counts(6, 32)), 8.889545),
    ('wilson 6/32 upper', ci_upper(csat_from_counts(6, 32)), 35.309155),
    ('wilson 0/10 lower', ci_lower(csat_from_counts(0, 10)), 0),
    ('wilson 0/10 upper', ci_upper(csat_from_counts(0, 10)), 27.7533),
    ('wilson 1/10 lower', ci_lower(csat_from_counts(1, 10)), 1.7876),
    ('wilson 1/10 upper', ci_upper(csat_from_counts(1, 10)), 40.4150),
    ('wilson 10/10 lower', ci_lower(csat_from_counts(10, 10)), 72.2467),
    ('wilson 10/10 upper', ci_upper(csat_from_counts(10, 10)), 100),
    ('wilson 50/100 lower', ci_lower(csat_from_counts(50, 100)), 40.3832),
    ('wilson 50/100 upper', ci_upper(csat_from_counts(50, 100)), 59.6168)) v(l, g, w);
-- the same from raw scores: 6 of 32 in the top two boxes
INSERT INTO checks (label, got, want, tol)
SELECT 'wilson 6/32 lower, raw scores', ci_lower(csat_agg(x)), 8.889545, 1e-4
FROM (SELECT CASE WHEN g <= 6 THEN 5 ELSE 2 END FROM generate_series(1, 32) g) v(x);

-- Two proportions, pooled z (CSAT summaries from satisfied/total)
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (VALUES
    ('250/5000 vs 295/5000 z', (significance(csat_from_counts(295, 5000), csat_from_counts(250, 5000))).z, 1.982364, 1e-6),
    ('250/5000 vs 295/5000 p', (significance(csat_from_counts(295, 5000), csat_from_counts(250, 5000))).p_value, 0.047438, 1e-6),
    ('8502/44700 vs 8279/45489 z', (significance(csat_from_counts(8279, 45489), csat_from_counts(8502, 44700))).z, -3.164359, 1e-6),
    ('8502/44700 vs 8279/45489 p', (significance(csat_from_counts(8279, 45489), csat_from_counts(8502, 44700))).p_value, 0.0015542, 1e-7),
    ('120/1000 vs 150/980 z', (significance(csat_from_counts(150, 980), csat_from_counts(120, 1000))).z, 2.143308, 1e-6),
    ('120/1000 vs 150/980 p', (significance(csat_from_counts(150, 980), csat_from_counts(120, 1000))).p_value, 0.032088, 1e-6),
    ('chi-square = z^2', (significance(csat_from_counts(150, 980), csat_from_counts(120, 1000))).z ^ 2, 4.593770, 1e-5)
    ) v(l, g, w, t);

-- CES: 2,4,4,5,3,2,3,4,4,5 on 1..5 -> mean 3.6; 100 answers summing to 550 on 1..7 -> 5.5
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT ces_agg(x, 5) s FROM unnest(ARRAY[2, 4, 4, 5, 3, 2, 3, 4, 4, 5]) x) q,
LATERAL (VALUES ('ces mean 3.6', ces(s), 3.6, 1e-12),
                ('ces t lower (scipy)', ci_lower(s), 2.831014432291333, 1e-9),
                ('ces t upper (scipy)', ci_upper(s), 4.368985567708667, 1e-9),
                ('ces % agree (4-5 of 5)', agree_pct(s), 60, 1e-12)) v(l, g, w, t);
INSERT INTO checks (label, got, want, tol)
SELECT 'ces mean 5.5', ces(x), 5.5, 1e-12
FROM (SELECT CASE WHEN g <= 50 THEN 5 ELSE 6 END FROM generate_series(1, 100) g) v(x);
-- Welch t and one-sample t against scipy
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]) a,
                               ces_from_counts(ARRAY[7, 6, 5, 4, 3, 2, 1]) b,
                               ces_from_counts(ARRAY[3, 1, 4, 1, 9]) c,
                               ces_from_counts(ARRAY[2, 7, 1, 8, 2]) d) q,
LATERAL (VALUES ('welch t', (significance(a, b)).z, 4.242640687119286, 1e-9),
                ('welch p', (significance(a, b)).p_value, 8.721382016197671e-05, 1e-12),
                ('welch t unequal n', (significance(c, d)).z, 1.3186326591873958, 1e-9),
                ('welch p unequal n', (significance(c, d)).p_value, 0.19641966208833636, 1e-9),
                ('t-interval 90 % lower', ci_lower(c, 0.90), 3.022178407447494, 1e-9),
                ('t-interval 90 % upper', ci_upper(c, 0.90), 4.311154925885838, 1e-9),
                ('one-sample t vs 4.5', (significance(a, 4.5)).z, 1.5, 1e-9),
                ('one-sample p vs 4.5', (significance(a, 4.5)).p_value, 0.07260904439249852, 1e-9)) v(l, g, w, t);

-- NPS against a benchmark, one-tailed (adjusted-Wald, doc/statistics.md formula
-- recomputed independently in SQL)
INSERT INTO checks (label, got, want, tol)
SELECT 'nps vs benchmark 15: z', (significance(s, 15)).z,
       ((250 + 0.75) / 1003.0 - (75 + 0.75) / 1003.0 - 0.15) /
       sqrt(((250 + 0.75) / 1003.0 + (75 + 0.75) / 1003.0 - ((250 + 0.75) / 1003.0 - (75 + 0.75) / 1003.0) ^ 2) / 1003.0),
       1e-9
FROM ex WHERE name = 'b';
INSERT INTO checks (label, got, want, tol)
SELECT 'csat vs benchmark 55 %: z', (significance(s, 55)).z, (0.60 - 0.55) / sqrt(0.55 * 0.45 / 50), 1e-12 FROM csat_ex;

-- Extreme confidence levels keep their digits (scipy norm.isf / closed forms)
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM ex, LATERAL (VALUES
    ('z(0.9999999999999999)', moe(s, 0.9999999999999999, 'wald') / std_error(s), 8.292361075813597, 1e-12),
    ('z(0.5)', moe(s, 0.5, 'wald') / std_error(s), 0.6744897501960817, 1e-13),
    ('z(1e-12) / 1e-12 = sqrt(pi/2)', moe(s, 1e-12, 'wald') / std_error(s) / 1e-12, sqrt(pi() / 2), 1e-12)) v(l, g, w, t)
WHERE name = 'b';
INSERT INTO checks (label, got, want, tol)
SELECT 'wilson 30/50 at 0.9999999999999999', ci_lower(csat_from_counts(30, 50), 0.9999999999999999),
       100 * ((0.6 + z * z / 100) - z * sqrt(0.6 * 0.4 / 50 + z * z / 10000)) / (1 + z * z / 50), 1e-9
FROM (SELECT 8.292361075813597::float8 AS z) q;
-- CES % agree: 6 of 10 answers are 4 or 5 on 1..5 (Wilson, scipy)
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, 1e-9 FROM (SELECT ces_agg(x, 5) s FROM unnest(ARRAY[2, 4, 4, 5, 3, 2, 3, 4, 4, 5]) x) q,
LATERAL (VALUES ('ces agree lower', agree_ci_lower(s), 31.267376973365824),
                ('ces agree upper', agree_ci_upper(s), 83.18196702937638)) v(l, g, w);
-- t at huge samples: critical value (mean - lower) / SE against scipy (n 5e5)
-- and the Cornish-Fisher series (n 4e9, where scipy itself loses digits)
INSERT INTO checks (label, got, want, tol)
SELECT l, (ces(s) - ci_lower(s)) / sqrt(9.0 * responses(s) / (responses(s) - 1) / responses(s)), w, 1e-9
FROM (VALUES ('t(0.975, 5e5 - 1)', ces_from_counts(ARRAY[250000, 0, 0, 0, 0, 0, 250000]), 1.9599687291032941),
             ('t(0.975, 4e9 - 1)', ces_from_counts(ARRAY[2000000000, 0, 0, 0, 0, 0, 2000000000]), 1.9599639851331223)) v(l, s, w);
-- Welch p at df ~2e6 (scipy) and ~8e9 (normal tail + first-order t correction)
INSERT INTO checks (label, got, want, tol) VALUES
    ('welch p, df 2e6', (significance(ces_from_counts(ARRAY[500000, 0, 500000]), ces_from_counts(ARRAY[499000, 0, 501000]))).p_value,
     0.15729915516179757, 1e-12),
    ('welch p, df 8e9', (significance(ces_from_counts(ARRAY[1000000000, 2000000000, 1000000000]),
                                      ces_from_counts(ARRAY[1000100000, 2000000000, 999900000]))).p_value,
     0.0015654022446848468, 1e-12);
-- one-tailed t p-values are tails, not 1 - cdf: scipy ttest_1samp(alternative='greater')
INSERT INTO checks (label, got, want, tol) VALUES
    ('one-sample p, t 17.49 (scipy)', (significance(ces_from_counts(ARRAY[50, 20, 90]), 1.0)).p_value, 3.587230853564982e-39, 1e-50),
    ('one-sample p, df 1 (Cauchy: 1/2 - atan(t)/pi)', (significance(ces_from_counts(ARRAY[1, 0, 1]), 1.5)).p_value,
     0.5 - atan(0.5) / pi(), 1e-14);

-- Issue 8: what users see.  Reference values not in doc/statistics.md are
-- computed with mpmath 1.3.0 at 50 digits from the published formulas
-- (test/survey_reference.py): adjusted-Wald as in Rocks
-- 2016 / MeasuringU, Newcombe 1998 method 10, Welch with the t quantile from
-- mpmath's regularized incomplete beta function.
-- difference is nps(a) - nps(b) whatever the method: NPS 100 vs -100
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(nps_agg(10), nps_agg(0))).* FROM generate_series(1, 3)) x,
LATERAL (VALUES ('{10,10,10} vs {0,0,0}: difference', difference, 200, 1e-12),
                ('{10,10,10} vs {0,0,0}: adjusted z', z, 2.449489742783178, 1e-12),
                ('{10,10,10} vs {0,0,0}: p', p_value, 0.01430587843542964, 1e-12),
                ('{10,10,10} vs {0,0,0}: ci_lower', ci_lower, 19.98480539407816, 1e-9),
                ('{10,10,10} vs {0,0,0}: ci_upper', ci_upper, 180.0151946059218, 1e-9)) v(l, g, w, t);
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(nps_agg(x), 0)).*, (significance(nps_agg(x), 0, 'wald')).difference AS wald_difference
                        FROM unnest(ARRAY[9, 10, 3]) x) q,
LATERAL (VALUES ('(9,10,3) vs benchmark 0: difference', difference, 100.0 / 3, 1e-12),
                ('(9,10,3) vs benchmark 0: wald difference', wald_difference, 100.0 / 3, 1e-12),
                ('(9,10,3) vs benchmark 0: adjusted z', z, 0.4803844614152614, 1e-12),
                ('(9,10,3) vs benchmark 0: p', p_value, 0.3154770205920854, 1e-12)) v(l, g, w, t);
-- the Wald difference and interval of 300/200/100 vs 250/675/75
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(d.s, b.s, 'wald')).* FROM ex d, ex b WHERE d.name = 'd' AND b.name = 'b') x,
LATERAL (VALUES ('wald ci_lower', ci_lower, 8.986629194991034, 1e-9),
                ('wald ci_upper', ci_upper, 22.68003747167563, 1e-9),
                ('wald interval centre = difference', (ci_lower + ci_upper) / 2, 15.8333, 1e-4)) v(l, g, w, t);
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(d.s, b.s)).* FROM ex d, ex b WHERE d.name = 'd' AND b.name = 'b') x,
LATERAL (VALUES ('adjusted ci_lower', ci_lower, 8.885289852523473, 1e-9),
                ('adjusted ci_upper', ci_upper, 22.55438779777604, 1e-9)) v(l, g, w, t);
-- moe is the half-width of the default interval: three promoters, NPS 100,
-- adjusted interval (-6.58, 100 clamped), moe 56.58 (was 0)
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT nps_agg(10) s FROM generate_series(1, 3)) q,
LATERAL (VALUES ('3 promoters: moe', moe(s), 56.57928670380859, 1e-9),
                ('3 promoters: ci_lower', ci_lower(s), -6.579286703808591, 1e-9),
                ('3 promoters: ci_upper (clamped)', ci_upper(s), 100, 1e-12),
                ('3 promoters: adjusted centre - moe = ci_lower', adjusted_nps(s) - moe(s), ci_lower(s), 1e-12),
                ('3 promoters: wald moe', moe(s, 0.95, 'wald'), 0, 1e-12)) v(l, g, w, t);
-- CSAT: Newcombe's worked example, 56/70 vs 48/80 -> 5.24 to 33.39 points
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(csat_from_counts(56, 70), csat_from_counts(48, 80))).*) x,
LATERAL (VALUES ('newcombe 56/70 vs 48/80: difference', difference, 20, 1e-12),
                ('newcombe 56/70 vs 48/80: lower (published 5.24)', ci_lower, 5.24, 0.005),
                ('newcombe 56/70 vs 48/80: upper (published 33.39)', ci_upper, 33.39, 0.005),
                ('newcombe 56/70 vs 48/80: lower (mpmath)', ci_lower, 5.243147240236488, 1e-9),
                ('newcombe 56/70 vs 48/80: upper (mpmath)', ci_upper, 33.38726540369060, 1e-9)) v(l, g, w, t);
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT (significance(csat_from_counts(295, 5000), csat_from_counts(250, 5000))).*,
                               (significance(csat_from_counts(10, 10), csat_from_counts(0, 10))) AS e) x,
LATERAL (VALUES ('newcombe 295/5000 vs 250/5000 lower', ci_lower, 0.009447033139673501, 1e-9),
                ('newcombe 295/5000 vs 250/5000 upper', ci_upper, 1.793326275962281, 1e-9),
                ('newcombe 10/10 vs 0/10 lower', (e).ci_lower, 60.75093504305242, 1e-9),
                ('newcombe 10/10 vs 0/10 upper', (e).ci_upper, 100, 1e-12)) v(l, g, w, t);
-- CES: the Welch interval of the difference of means
INSERT INTO checks (label, got, want, tol)
SELECT l, g, w, t FROM (SELECT ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]) a, ces_from_counts(ARRAY[7, 6, 5, 4, 3, 2, 1]) b,
                               ces_from_counts(ARRAY[3, 1, 4, 1, 9]) c, ces_from_counts(ARRAY[2, 7, 1, 8, 2]) d) q,
LATERAL (VALUES ('welch ci_lower (df 54)', (significance(a, b)).ci_lower, 1.054890839907844, 1e-9),
                ('welch ci_upper (df 54)', (significance(a, b)).ci_upper, 2.945109160092156, 1e-9),
                ('welch ci_lower (df 32.8)', (significance(c, d)).ci_lower, -0.3349838902248596, 1e-9),
                ('welch ci_upper (df 32.8)', (significance(c, d)).ci_upper, 1.568317223558193, 1e-9),
                ('welch 90 % ci_lower', (significance(c, d, 0.90)).ci_lower, -0.1749005651518323, 1e-9),
                ('welch 90 % ci_upper', (significance(c, d, 0.90)).ci_upper, 1.408233898485166, 1e-9)) v(l, g, w, t);

SELECT id, label, round(got::numeric, 6) AS got, want, abs(got - want) <= tol AS ok
FROM checks ORDER BY id;
SELECT count(*) AS checks, count(*) FILTER (WHERE NOT abs(got - want) <= tol) AS failed FROM checks;

-- one-tailed p-values are P(Z >= z): significant when z > 1.645
SELECT round(p_value::numeric, 4) AS p FROM significance(nps_from_counts(0, 0, 0) + nps_from_counts(60, 30, 10), 40);
-- no responses: no figures
SELECT nps(s), ci_lower(s), ci_upper(s), moe(s), std_error(s), adjusted_nps(s), significance(s, s)
FROM (SELECT nps_from_counts(0, 0, 0) s) q;
SELECT csat(s), ci_lower(s), significance(s, s), significance(s, 50.0) FROM (SELECT csat_from_counts(0, 0) s) q;
-- one response: a mean but no t interval
SELECT ces(s), ci_lower(s), ci_upper(s), significance(s, s) FROM (SELECT ces_from_counts(ARRAY[0, 0, 0, 1, 0, 0, 0]) s) q;
-- no variance at all: z and p are unknown, not infinite
SELECT (significance(nps_from_counts(5, 0, 0), nps_from_counts(7, 0, 0), 'wald')).*;
SELECT (significance(ces_from_counts(ARRAY[0, 0, 3]), ces_from_counts(ARRAY[0, 4, 0]))).*;
-- bad parameters, one per line
SELECT ci_lower(nps_from_counts(1, 2, 3), 0.0);
SELECT ci_lower(nps_from_counts(1, 2, 3), 1.0);
SELECT ci_upper(nps_from_counts(1, 2, 3), 95);
SELECT ci_lower(nps_from_counts(1, 2, 3), 'NaN');
SELECT ci_lower(nps_from_counts(1, 2, 3), 0.95, 'exact');
SELECT moe(nps_from_counts(1, 2, 3), -0.5);
SELECT ci_lower(csat_from_counts(1, 2), 1.5);
SELECT ci_lower(ces_from_counts(ARRAY[1, 2, 3]), 0);
SELECT significance(nps_from_counts(1, 2, 3), 101);
SELECT significance(csat_from_counts(1, 2), 100);
SELECT significance(csat_from_counts(1, 2), 0);
-- a CSAT benchmark written as a fraction is refused with a hint (issue 8)
SELECT significance(csat_from_counts(1, 2), 0.70);
SELECT significance(csat_from_counts(1, 2), 1);
SELECT significance(ces_from_counts(ARRAY[1, 2, 3]), 0.70);
-- method names in any case
SELECT ci_lower(s, 0.95, 'Wald') = ci_lower(s, 0.95, 'wald') AS wald, ci_lower(s, 0.95, 'ADJUSTED-Wald') = ci_lower(s) AS adjusted,
       (significance(s, s, 'Wald')).z IS NOT DISTINCT FROM (significance(s, s, 'wald')).z AS test
FROM (SELECT nps_from_counts(1, 2, 3) s) q;
SELECT significance(nps_from_counts(1, 2, 3), nps_from_counts(1, 2, 3), 'wilson');
SELECT significance(nps_from_counts(1, 2, 3), nps_from_counts(1, 2, 3), 'wald', 1.5);
SELECT significance(ces_from_counts(ARRAY[1, 2, 3]), 3.5);
SELECT significance(csat_from_counts(1, 2), csat_from_counts(1, 2, 7));
SELECT significance(ces_from_counts(ARRAY[1, 2, 3]), ces_from_counts(ARRAY[1, 2, 3, 4]));

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA survey_statistics CASCADE;
RESET client_min_messages;
