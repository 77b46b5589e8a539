#!/usr/bin/env python3
# Reference values of the survey statistics tests that no published example
# gives, computed outside the extension: python3 test/survey_reference.py
# prints them; they are transcribed into test/sql/survey_statistics.sql and
# survey_multiple.sql.  Needs mpmath (Debian: python3-mpmath), nothing else.
# Reference values for survey_statistics, computed with mpmath 1.3.0 (50 digits)
from mpmath import mp, mpf, sqrt, erfc, erfinv, betainc, findroot
mp.dps = 50
z95 = sqrt(2) * erfinv(mpf('0.95'))
print('z95', z95)
def adj(P, Pa, D):
    n = P + Pa + D; n2 = n + 3
    p = (P + mpf('0.75')) / n2; d = (D + mpf('0.75')) / n2
    s = p - d; var = p + d - s * s
    return s, var, n2
def raw(P, Pa, D):
    n = P + Pa + D; p = mpf(P) / n; d = mpf(D) / n
    s = p - d; return s, p + d - s * s, n
def two(a, b, f, zc=z95):
    sa, va, na = f(*a); sb, vb, nb = f(*b)
    se = sqrt(va / na + vb / nb); z = (sa - sb) / se
    return dict(z=z, p=erfc(abs(z) / sqrt(2)), lo=100 * (sa - sb - zc * se), hi=100 * (sa - sb + zc * se), se=100*se, cd=100*(sa-sb))
print('10s vs 0s adjusted', two((3, 0, 0), (0, 0, 3), adj))
print('300/200/100 vs 250/675/75 adjusted', two((300, 200, 100), (250, 675, 75), adj))
print('300/200/100 vs 250/675/75 wald', two((300, 200, 100), (250, 675, 75), raw))
s, v, n = adj(3, 0, 0); print('moe 3 promoters', 100 * z95 * sqrt(v / n), 'ci', 100 * (s - z95 * sqrt(v / n)))
s, v, n = adj(250, 675, 75); print('moe 250/675/75 adjusted', 100 * z95 * sqrt(v / n))
s, v, n = raw(250, 675, 75); print('moe 250/675/75 wald', 100 * z95 * sqrt(v / n))
# (9, 10, 3): promoters 2, passive 0, detractor 1
s, v, n = adj(2, 0, 1); print('9,10,3 vs 0 adjusted z', s / sqrt(v / n), 'p', erfc(s / sqrt(v / n) / sqrt(2)) / 2)
def wilson(x, n, z=z95):
    p = mpf(x) / n; den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den; h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return c - h, c + h
def newcombe(x1, n1, x2, n2, z=z95):
    p1 = mpf(x1) / n1; p2 = mpf(x2) / n2; l1, u1 = wilson(x1, n1, z); l2, u2 = wilson(x2, n2, z)
    return 100 * (p1 - p2 - sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)), 100 * (p1 - p2 + sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))
print('newcombe 56/70 vs 48/80', newcombe(56, 70, 48, 80))
print('newcombe 295/5000 vs 250/5000', newcombe(295, 5000, 250, 5000))
print('newcombe 10/10 vs 0/10', newcombe(10, 10, 0, 10))
def t_sf(t, df):  # P(T > t), t >= 0
    x = df / (df + t * t)
    return betainc(df / 2, mpf(1) / 2, 0, x, regularized=True) / 2
def t_q(conf, df):
    q = (1 - mpf(conf)) / 2
    return findroot(lambda t: t_sf(t, df) - q, mpf(2))
def stats(counts):
    n = sum(counts); m = sum(mpf(c) * (i + 1) for i, c in enumerate(counts)) / n
    v = sum(c * (i + 1 - m) ** 2 for i, c in enumerate(counts)) / (n - 1)
    return n, m, v
def welch(a, b, conf='0.95'):
    na, ma, vA = stats(a); nb, mb, vB = stats(b)
    va = vA / na; vb = vB / nb; se = sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    t = (ma - mb) / se; tc = t_q(conf, df)
    return dict(d=ma - mb, t=t, df=df, p=2 * t_sf(abs(t), df), lo=ma - mb - tc * se, hi=ma - mb + tc * se)
print('welch [1..7] vs [7..1]', welch([1, 2, 3, 4, 5, 6, 7], [7, 6, 5, 4, 3, 2, 1]))
print('welch [3,1,4,1,9] vs [2,7,1,8,2]', welch([3, 1, 4, 1, 9], [2, 7, 1, 8, 2]))
print('welch [3,1,4,1,9] vs [2,7,1,8,2] 90%', welch([3, 1, 4, 1, 9], [2, 7, 1, 8, 2], '0.90'))

# R's p.adjust (src/library/stats/R/p.adjust.R, R 4.x) transcribed to Python:
#   holm: i <- seq_len(lp); o <- order(p); ro <- order(o)
#         pmin(1, cummax((n - i + 1L) * p[o]))[ro]
#   BH:   i <- lp:1L; o <- order(p, decreasing = TRUE); ro <- order(o)
#         pmin(1, cummin(n/i * p[o]))[ro]
# with NA values kept NA and n = number of non-NA p-values.
def p_adjust(p, method):
    idx = [k for k, v in enumerate(p) if v is not None]
    q = [p[k] for k in idx]; n = len(q); out = [None] * len(p)
    if method == 'holm':
        o = sorted(range(n), key=lambda k: q[k])
        run = 0.0; adj = [0.0] * n
        for i, k in enumerate(o, start=1):
            run = max(run, (n - i + 1) * q[k]); adj[k] = min(1.0, run)
    else:
        o = sorted(range(n), key=lambda k: -q[k])
        run = float('inf'); adj = [0.0] * n
        for j, k in enumerate(o):
            i = n - j; run = min(run, n / i * q[k]); adj[k] = min(1.0, run)
    for j, k in enumerate(idx): out[k] = adj[j]
    return out
bh95 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000]
for m in ('holm', 'bh'):
    print(m, [repr(x) for x in p_adjust(bh95, m)])
mix = [0.04, None, 0.01, 0.04, 0.2, 0.005, 0.9, None, 0.03]
for m in ('holm', 'bh'):
    print(m, [repr(x) for x in p_adjust(mix, m)])

# Sample sizes (mpmath, from the formulas in src/nps.c and src/csat.c).
from mpmath import ceil as mceil, ncdf
def zq(p):
    return sqrt(2) * erfinv(2 * mpf(p) - 1)
def z_conf(c):
    return sqrt(2) * erfinv(mpf(c))
print('csat n for +-5 at 95 % (p 50 %)', z_conf('0.95') ** 2 * mpf('0.25') / mpf('0.05') ** 2)
print('csat n for +-3 at 99 % (p 80 %)', z_conf('0.99') ** 2 * mpf('0.16') / mpf('0.03') ** 2)
print('nps n for +-5 at 95 % (50/50: var 1)', z_conf('0.95') ** 2 / mpf('0.05') ** 2)
P, D = mpf('0.45'), mpf('0.20')
print('nps n for +-5 at 95 % (45/20)', z_conf('0.95') ** 2 * (P + D - (P - D) ** 2) / mpf('0.05') ** 2)
def prop_n(p1, p2, conf, power):
    p1, p2 = mpf(p1), mpf(p2); pb = (p1 + p2) / 2
    r = z_conf(conf) * sqrt(2 * pb * (1 - pb)) + zq(power) * sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return r * r / (p1 - p2) ** 2
print('csat ab 50 vs 75, power 0.9 (R power.prop.test: n = 76.7)', prop_n('0.5', '0.75', '0.95', '0.9'))
print('csat ab 70 vs 75, power 0.8', prop_n('0.70', '0.75', '0.95', '0.8'))
def nps_n(pa, da, pb, db, conf, power):
    pa, da, pb, db = [mpf(x) / 100 for x in (pa, da, pb, db)]
    va = pa + da - (pa - da) ** 2; vb = pb + db - (pb - db) ** 2
    return (z_conf(conf) + zq(power)) ** 2 * (va + vb) / ((pa - da) - (pb - db)) ** 2
n = nps_n(45, 20, 35, 25, '0.95', '0.8'); print('nps ab 45/20 vs 35/25, power 0.8', n)
# the power of the two-sided z test at that n (and one response fewer)
def nps_power(pa, da, pb, db, conf, n):
    pa, da, pb, db = [mpf(x) / 100 for x in (pa, da, pb, db)]
    va = pa + da - (pa - da) ** 2; vb = pb + db - (pb - db) ** 2
    se = sqrt((va + vb) / n); d = abs((pa - da) - (pb - db))
    return ncdf(d / se - z_conf(conf)) + ncdf(-d / se - z_conf(conf))
print('  power at ceil(n)', nps_power(45, 20, 35, 25, '0.95', mceil(n)), 'at ceil(n) - 1', nps_power(45, 20, 35, 25, '0.95', mceil(n) - 1))
