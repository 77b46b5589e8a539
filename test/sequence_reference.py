#!/usr/bin/env python3
# Reference for sequence_match, sequence_count and sequence_match_events,
# written independently of src/sequence_pattern.c: it decides by brute force
# (every earlier row tried for every atom, no pointers, no deduplication)
# whether atoms 1..k can match with atom k on row i, over random event logs
# with many ties (timestamps in a 12 s range, whole seconds), rows matching
# several conditions, rows matching none and NULL timestamps.  It loads the
# logs into the cluster of test/run-tests (psql from $PGBIN), runs the
# aggregates and compares every (pattern, entity) result.  Run by
# test/sequence_reference.test.
import os
import random
import re
import subprocess
import sys

PSQL = [os.path.join(os.environ.get('PGBIN', ''), 'psql'), '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1']
random.seed(20261201)

PATTERNS = [
    '(?1)(?2)', '(?1).*(?2)', '(?1)(?t<=3)(?2)', '(?1)(?t>2)(?2)', '(?1).(?2)',
    '(?2).*(?1)(?3)', '(?1)(?t==2)(?2)', '(?1)(?t!=0)(?2)', '(?1)(?t>=1)(?t<5)(?2).*(?3)',
    '.(?1)', '(?1)', '(?3).*(?3)', '(?1)(?t!=1)(?t!=2)(?t<4)(?2)', '.*(?1).*.*(?2)',
    '(?1)..(?3)', '(?1)(?1)(?1)', '(?2)(?t>=0)(?2)(?t<=1)(?2)', '(?1) .* (?2) (?3)',
]


def parse(p):
    """[(cond, skip, [(op, seconds)])]; cond 0 is '.'"""
    atoms, skip, cons = [], False, []
    for tok in re.findall(r'\(\?t\s*(<=|>=|==|!=|<|>)\s*(\d+)\s*\)|\(\?(\d+)\)|(\.\*)|(\.)', p):
        op, s, n, star, dot = tok
        if op:
            cons.append((op, int(s)))
        elif star:
            skip = True
        else:
            atoms.append((int(n) if n else 0, skip or bool(cons), cons))
            skip, cons = False, []
    return atoms


OPS = {'<': lambda d, s: d < s, '<=': lambda d, s: d <= s, '>': lambda d, s: d > s,
       '>=': lambda d, s: d >= s, '==': lambda d, s: d == s, '!=': lambda d, s: d != s}


def gap_ok(atom, d):
    return all(OPS[op](d, s) for op, s in atom[2])


def atom_ok(atom, mask):
    return atom[0] == 0 or (mask >> (atom[0] - 1)) & 1 == 1


def valid_table(ev, atoms):
    n, K = len(ev), len(atoms)
    v = [[False] * n for _ in range(K)]
    for i in range(n):
        for k in range(K):
            if not atom_ok(atoms[k], ev[i][1]):
                continue
            if k == 0:
                v[k][i] = True
            elif not atoms[k][1]:
                v[k][i] = i > 0 and v[k - 1][i - 1]
            else:
                v[k][i] = any(v[k - 1][j] and gap_ok(atoms[k], ev[i][0] - ev[j][0]) for j in range(i))
    return v


def pred(ev, atoms, v, k, i):
    if not atoms[k][1]:
        return i - 1
    return min(j for j in range(i) if v[k - 1][j] and gap_ok(atoms[k], ev[i][0] - ev[j][0]))


def reference(ev, atoms):
    K = len(atoms)
    v = valid_table(ev, atoms)
    ends = [i for i in range(len(ev)) if v[K - 1][i]]
    matched = bool(ends)
    # count: earliest-ending match, then search again after it
    count, start = 0, 0
    while True:
        sub = ev[start:]
        vs = valid_table(sub, atoms)
        e = [i for i in range(len(sub)) if vs[K - 1][i]]
        if not e:
            break
        count += 1
        start += e[0] + 1
    # events: the first match, or the longest matched prefix
    if matched:
        k, i = K - 1, ends[0]
    else:
        ks = [k for k in range(K) if any(v[k])]
        if not ks:
            return matched, count, []
        k = max(ks)
        i = min(j for j in range(len(ev)) if v[k][j])
    times = []
    while k >= 0:
        if atoms[k][0] != 0:
            times.insert(0, ev[i][0])
        if k > 0:
            i = pred(ev, atoms, v, k, i)
        k -= 1
    return matched, count, times


def main():
    rows = []
    logs = {}
    for e in range(1, 401):
        evs = []
        for r in range(random.randint(0, 10)):
            ts = None if random.random() < 0.03 else random.randint(0, 12)
            c = [random.random() < 0.35 for _ in range(3)]
            rows.append((e, ts, c))
            mask = sum(1 << q for q in range(3) if c[q])
            if ts is not None and mask:
                evs.append((ts, mask))
        logs[e] = sorted(evs)
    copy = '\n'.join('%d\t%s\t%s\t%s\t%s' % (e, '\\N' if ts is None else ts, *('t' if x else 'f' for x in c))
                     for e, ts, c in rows)
    sql = ["CREATE TABLE seqref(eid int, s int, c1 bool, c2 bool, c3 bool);",
           "COPY seqref FROM stdin;", copy, "\\.",
           "CREATE TABLE pats(pattern text);"]
    sql += ["INSERT INTO pats VALUES ('%s');" % p for p in PATTERNS]
    sql.append("""
SELECT p.pattern, r.eid,
       sequence_match(p.pattern, ts, c1, c2, c3),
       sequence_count(p.pattern, ts, c1, c2, c3),
       array_to_string(ARRAY(SELECT extract(epoch FROM x - timestamptz '2024-01-01')::int
                             FROM unnest(sequence_match_events(p.pattern, ts, c1, c2, c3)) x), ','),
       sequence_count(p.pattern, ts::timestamp, c1, c2, c3)
FROM (SELECT eid, timestamptz '2024-01-01' + s * interval '1 second' AS ts, c1, c2, c3 FROM seqref) r
CROSS JOIN pats p GROUP BY p.pattern, r.eid;""")
    sql.append("DROP TABLE seqref, pats;")
    out = subprocess.run(PSQL, input='SET client_min_messages = warning;\nCREATE EXTENSION IF NOT EXISTS cjkpi;\n' + '\n'.join(sql),
                         capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr)
        sys.exit(1)
    got = {}
    for line in out.stdout.splitlines():
        f = line.split('|')
        if len(f) == 6:
            got[(f[0], int(f[1]))] = (f[2] == 't', int(f[3]), [int(x) for x in f[4].split(',') if x], int(f[5]))
    bad = 0
    n_match = n_multi = n_partial = 0
    for p in PATTERNS:
        atoms = parse(p)
        for e, ev in logs.items():
            if (p, e) not in got:
                continue
            m, c, t = reference(ev, atoms)
            n_match += m
            n_multi += c > 1
            n_partial += (not m) and bool(t)
            g = got[(p, e)]
            if (m, c, t, c) != g:
                bad += 1
                if bad <= 10:
                    print('MISMATCH pattern %s entity %d events %s: expected %s, got %s' % (p, e, ev, (m, c, t), g))
    print('sequence reference: %d (pattern, entity) results compared, %d differ; %d matches, %d with several '
          'matches, %d partial chains' % (len(got), bad, n_match, n_multi, n_partial))
    sys.exit(1 if bad or not got else 0)


main()
