--
-- Sample sizes for a target margin of error and for A/B tests.  Published:
-- Cochran's 385 responses for +-5 points at 95 % (p = 50 %), and R's
-- documented power.prop.test(p1 = .50, p2 = .75, power = .90) => n = 76.7
-- per group.  The rest from the formulas evaluated with mpmath
-- (test/survey_reference.py), with the fractional n it prints.
--
CREATE SCHEMA survey_sample_size;
SET search_path = survey_sample_size, public;

SELECT l, got, want, got = want AS ok FROM (VALUES
    ('csat +-5 at 95 % (Cochran: 384.15)', csat_sample_size(5), 385),
    ('csat +-3 at 99 %, planned 80 % (1179.54)', csat_sample_size(3, 80, 0.99), 1180),
    ('nps +-5 at 95 %, 50/50 (1536.58)', nps_sample_size(5), 1537),
    ('nps +-5 at 95 %, 45/20 (902.74)', nps_sample_size(5, 45, 20), 903),
    ('csat A/B 50 vs 75, power 0.9 (R: 76.7)', csat_ab_sample_size(50, 75, 0.95, 0.9), 77),
    ('csat A/B 75 vs 50 is the same', csat_ab_sample_size(75, 50, 0.95, 0.9), 77),
    ('csat A/B 70 vs 75, power 0.8 (1250.72)', csat_ab_sample_size(70, 75), 1251),
    ('nps A/B 45/20 vs 35/25, power 0.8 (410.76)', nps_ab_sample_size(45, 20, 35, 25), 411),
    ('all passives: any n gives moe 0', nps_sample_size(5, 0, 0), 1)) v(l, got, want);
-- the target is just reached: the Wald margin z sqrt(var / n) at n is within
-- 5 points and one response fewer is not (45/20: var 0.5875); for the A/B
-- case mpmath gives the power of the z test at 411 per group, 0.80023, and
-- at 410, 0.79928
SELECT 100 * 1.959963984540054 * sqrt(0.5875 / n) <= 5 AS reached,
       100 * 1.959963984540054 * sqrt(0.5875 / (n - 1)) > 5 AS not_with_one_fewer
FROM (SELECT nps_sample_size(5, 45, 20) AS n) q;
-- planned shares that give the same NPS cannot be told apart
SELECT nps_ab_sample_size(40, 20, 30, 10);

-- bad parameters, one per line
SELECT csat_sample_size(0);
SELECT csat_sample_size(5, 101);
SELECT csat_sample_size(5, 50, 95);
SELECT nps_sample_size(5, 60, 50);
SELECT nps_sample_size(-1);
SELECT csat_ab_sample_size(70, 70);
SELECT csat_ab_sample_size(70, 75, 0.95, 80);
SELECT csat_sample_size(1e-300);

DROP SCHEMA survey_sample_size CASCADE;
