/*-------------------------------------------------------------------------
 *
 * sequence_pattern.c
 *	  The pattern language of sequence_match, sequence_count and
 *	  sequence_match_events (ClickHouse's sequenceMatch family): parsing,
 *	  and matching one entity's sorted rows.
 *
 * A pattern is a string of atoms:
 *
 *	  (?N)			 the next stored event matches condition N (1..32)
 *	  .				 the next stored event, whatever it matched
 *	  .*			 any number of stored events
 *	  (?t op S)		 the time from the event of the previous event atom to the
 *					 event of the next one, op one of < <= > >= == != and S
 *					 whole seconds; as in ClickHouse, any events may lie
 *					 between those two events
 *
 * Only rows that match some condition are stored, so "next stored event"
 * skips rows that match none (ClickHouse's rule).  A pattern matches when its
 * atoms match some run of the rows, not necessarily from the first row.
 *
 * Matching is a dynamic program over the rows in order, not backtracking:
 * for every row i and event atom k it decides whether atoms 1..k can match
 * with atom k on row i.  An adjacent atom needs atom k - 1 on row i - 1; a
 * gap (".*" or a time constraint) needs atom k - 1 on some earlier row whose
 * time is in a window [t_i - hi, t_i - lo], minus the "!=" values.  The
 * earlier rows of atom k - 1 are kept as a list of distinct times with a
 * pointer that only moves forward (the window moves forward with t_i), so a
 * row costs O(atoms * (1 + "!=" constraints)) amortised: the whole match is
 * O(rows * atoms * (1 + constraints)) in time and O(rows * atoms) in memory
 * at worst, whatever the pattern.  There is no backtracking to bound and no
 * iteration limit (ClickHouse gives up after a million steps).
 *
 * src/sequence_pattern.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "miscadmin.h"

#include "sequence.h"

/* largest S of a (?t op S), in seconds: keeps S * 10^6 far from overflow */
#define SEQ_MAX_SECONDS		INT64CONST(10000000000)

/* ----------------------------------------------------------------
 *		Parsing
 * ----------------------------------------------------------------
 */

/* the constraints collected for the gap before the next event atom */
typedef struct SeqGap
{
	bool		skip;
	bool		timed;			/* a (?t ...) was seen */
	int			tpos;			/* position of the first (?t ...) */
	int64		lo;
	int64		hi;
	int			nexcl;
	int64	   *excl;
	int			maxexcl;
} SeqGap;

static void
seq_gap_reset(SeqGap *g)
{
	g->skip = false;
	g->timed = false;
	g->tpos = 0;
	g->lo = 0;
	g->hi = PG_INT64_MAX;
	g->nexcl = 0;
	g->excl = NULL;
	g->maxexcl = 0;
}

static pg_noinline void
seq_syntax_error(const char *text, int len, int pos, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_SYNTAX_ERROR),
			 errmsg("invalid sequence pattern \"%.*s\"", len, text),
			 errdetail("%s at position %d.", what, pos + 1),
			 errhint("A pattern is made of (?N), ., .* and (?t op seconds) with op one of <, <=, >, >=, ==, !=.")));
}

static int
seq_skip_spaces(const char *text, int len, int pos)
{
	while (pos < len && (text[pos] == ' ' || text[pos] == '\t'))
		pos++;
	return pos;
}

/* Read a non-negative decimal integer at *pos, at most max. */
static int64
seq_read_number(const char *text, int len, int *pos, int64 max)
{
	int64		v = 0;
	int			start = *pos;

	while (*pos < len && text[*pos] >= '0' && text[*pos] <= '9')
	{
		v = v * 10 + (text[*pos] - '0');
		if (v > max)
			seq_syntax_error(text, len, start, "Number out of range");
		(*pos)++;
	}
	if (*pos == start)
		seq_syntax_error(text, len, start, "Expected a number");
	return v;
}

/* Parse "(?t op S)" at pos (just after "(?t"); returns the position after it. */
static int
seq_parse_time(const char *text, int len, int pos, SeqGap *g)
{
	int			oppos;
	char		op[3] = {0, 0, 0};
	int64		s;

	pos = seq_skip_spaces(text, len, pos);
	oppos = pos;
	if (pos < len && strchr("<>=!", text[pos]) != NULL && text[pos] != '\0')
		op[0] = text[pos++];
	if (pos < len && text[pos] == '=')
		op[1] = text[pos++];
	if (!(strcmp(op, "<") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">") == 0 ||
		  strcmp(op, ">=") == 0 || strcmp(op, "==") == 0 || strcmp(op, "!=") == 0))
		seq_syntax_error(text, len, oppos, "Expected one of <, <=, >, >=, ==, !=");
	pos = seq_skip_spaces(text, len, pos);
	s = seq_read_number(text, len, &pos, SEQ_MAX_SECONDS) * USECS_PER_SEC;
	pos = seq_skip_spaces(text, len, pos);
	if (pos >= len || text[pos] != ')')
		seq_syntax_error(text, len, pos, "Expected \")\"");

	if (op[0] == '<')
		g->hi = Min(g->hi, op[1] ? s : s - 1);
	else if (op[0] == '>')
		g->lo = Max(g->lo, op[1] ? s : s + 1);
	else if (op[0] == '=')
	{
		g->lo = Max(g->lo, s);
		g->hi = Min(g->hi, s);
	}
	else
	{
		if (g->nexcl >= g->maxexcl)
		{
			g->maxexcl = Max(4, g->maxexcl * 2);
			g->excl = (g->excl == NULL) ? palloc(sizeof(int64) * g->maxexcl) :
				repalloc(g->excl, sizeof(int64) * g->maxexcl);
		}
		g->excl[g->nexcl++] = s;
	}
	return pos + 1;
}

/* Append an event atom with the gap collected before it. */
static void
seq_add_atom(SeqPattern *pat, int *maxatoms, int cond, int pos, SeqGap *g)
{
	SeqAtom    *a;

	if (pat->natoms >= *maxatoms)
	{
		*maxatoms *= 2;
		pat->atoms = repalloc(pat->atoms, sizeof(SeqAtom) * *maxatoms);
	}
	a = &pat->atoms[pat->natoms++];
	a->cond = cond;
	a->pos = pos + 1;
	a->skip = g->skip || g->timed;
	a->lo = g->lo;
	a->hi = g->hi;
	a->nexcl = g->nexcl;
	a->excl = g->excl;
	seq_gap_reset(g);
}

/*
 * Parse a pattern for nconds conditions (palloc'd in the current context).
 * Syntax errors are 42601 with the position; a pattern that refers to a
 * condition the call does not have, or has no event atom, is 22023.
 */
SeqPattern *
seq_parse_pattern(const char *text, int len, int nconds)
{
	SeqPattern *pat = palloc0(sizeof(SeqPattern));
	int			maxatoms = 8;
	SeqGap		g;
	int			pos = 0;

	if (len > SEQ_MAX_PATTERN)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sequence pattern is too long"),
				 errdetail("A pattern can have at most %d bytes.", SEQ_MAX_PATTERN)));
	pat->atoms = palloc(sizeof(SeqAtom) * maxatoms);
	seq_gap_reset(&g);
	while ((pos = seq_skip_spaces(text, len, pos)) < len)
	{
		int			start = pos;

		if (text[pos] == '.')
		{
			if (pos + 1 < len && text[pos + 1] == '*')
			{
				g.skip = true;
				pos += 2;
			}
			else
			{
				seq_add_atom(pat, &maxatoms, 0, start, &g);
				pos++;
			}
			continue;
		}
		if (text[pos] != '(' || pos + 1 >= len || text[pos + 1] != '?')
			seq_syntax_error(text, len, pos, text[pos] == '(' ?
							 "Expected \"?\" after \"(\"" : "Unexpected character");
		pos += 2;
		if (pos < len && text[pos] == 't')
		{
			if (pat->natoms == 0)
				seq_syntax_error(text, len, start,
								 "A time constraint (?t ...) must follow an event atom");
			if (!g.timed)
				g.tpos = start;
			g.timed = true;
			pos = seq_parse_time(text, len, pos + 1, &g);
			continue;
		}
		{
			int			npos = pos;
			int64		n = seq_read_number(text, len, &npos, 1000);

			if (npos >= len || text[npos] != ')')
				seq_syntax_error(text, len, npos, "Expected \")\"");
			if (n < 1 || n > nconds)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("sequence pattern refers to condition %d, but there %s %d",
								(int) n, nconds == 1 ? "is" : "are", nconds),
						 errdetail("(?%d) at position %d.", (int) n, start + 1)));
			seq_add_atom(pat, &maxatoms, (int) n, start, &g);
			pat->maxcond = Max(pat->maxcond, (int) n);
			pos = npos + 1;
		}
	}
	if (g.timed)
		seq_syntax_error(text, len, g.tpos,
						 "A time constraint (?t ...) must be followed by an event atom");
	if (pat->natoms == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sequence pattern \"%.*s\" has no event atom", len, text),
				 errhint("Use (?N) for an event matching condition N, or . for any event.")));
	return pat;
}

/* ----------------------------------------------------------------
 *		Matching
 * ----------------------------------------------------------------
 */

/* earlier rows on which an atom matched: distinct times, oldest first */
typedef struct SeqRows
{
	int			len;
	int			cap;
	int			lo;				/* rows before lo are out of every later window */
	int64	   *ts;
	int32	   *row;			/* the first row with that time */
} SeqRows;

/* matches of one atom, with the row of the previous atom (events only) */
typedef struct SeqTrace
{
	int			len;
	int			cap;
	int32	   *row;
	int32	   *pred;
} SeqTrace;

typedef struct SeqScan
{
	const SeqPattern *pat;
	const FunnelEvent *ev;
	SeqRows    *rows;			/* rows[k]: where atom k matched (k < natoms - 1) */
	SeqTrace   *trace;			/* NULL unless the events are wanted */
	bool	   *prev;			/* atom k matched on the previous row */
	bool	   *cur;
	int32	   *pred;			/* this row: the row atom k - 1 matched on */
} SeqScan;

static void
seq_rows_add(SeqRows *r, int64 ts, int32 row)
{
	if (r->len > 0 && r->ts[r->len - 1] == ts)
		return;
	if (r->len >= r->cap)
	{
		r->cap = Max(16, r->cap * 2);
		r->ts = (r->ts == NULL) ? palloc(sizeof(int64) * r->cap) :
			repalloc(r->ts, sizeof(int64) * r->cap);
		r->row = (r->row == NULL) ? palloc(sizeof(int32) * r->cap) :
			repalloc(r->row, sizeof(int32) * r->cap);
	}
	r->ts[r->len] = ts;
	r->row[r->len] = row;
	r->len++;
}

static void
seq_trace_add(SeqTrace *t, int32 row, int32 pred)
{
	if (t->len >= t->cap)
	{
		t->cap = Max(16, t->cap * 2);
		t->row = (t->row == NULL) ? palloc(sizeof(int32) * t->cap) :
			repalloc(t->row, sizeof(int32) * t->cap);
		t->pred = (t->pred == NULL) ? palloc(sizeof(int32) * t->cap) :
			repalloc(t->pred, sizeof(int32) * t->cap);
	}
	t->row[t->len] = row;
	t->pred[t->len] = pred;
	t->len++;
}

static inline int64
seq_sub_sat(int64 a, int64 b)
{
	int64		r;

	if (pg_sub_s64_overflow(a, b, &r))
		return (b > 0) ? PG_INT64_MIN : PG_INT64_MAX;
	return r;
}

/*
 * The earliest row before the current one on which atom k - 1 matched and
 * from which the gap into atom a at time t is allowed, or -1.
 */
static int32
seq_gap_find(SeqRows *r, const SeqAtom *a, int64 t)
{
	int64		from = seq_sub_sat(t, a->hi);
	int64		to = seq_sub_sat(t, a->lo);
	int			p;

	while (r->lo < r->len && r->ts[r->lo] < from)
		r->lo++;
	/* times are distinct, so each "!=" value skips at most one entry */
	for (p = r->lo; p < r->len && r->ts[p] <= to; p++)
	{
		int64		d = seq_sub_sat(t, r->ts[p]);
		int			x;

		for (x = 0; x < a->nexcl; x++)
			if (a->excl[x] == d)
				break;
		if (x == a->nexcl)
			return r->row[p];
	}
	return -1;
}

/* Forget every partial match (after a counted match). */
static void
seq_scan_reset(SeqScan *sc)
{
	int			k;

	for (k = 0; k < sc->pat->natoms; k++)
	{
		sc->rows[k].len = sc->rows[k].lo = 0;
		sc->prev[k] = false;
	}
}

/* Decide, for row i, which atoms match on it; returns the highest or -1. */
static int
seq_scan_row(SeqScan *sc, int i)
{
	const SeqPattern *pat = sc->pat;
	const FunnelEvent *e = &sc->ev[i];
	int			top = -1;
	int			k;

	for (k = 0; k < pat->natoms; k++)
	{
		const SeqAtom *a = &pat->atoms[k];

		sc->cur[k] = false;
		if (a->cond != 0 && !(e->mask & (((uint32) 1) << (a->cond - 1))))
			continue;
		if (k == 0)
			sc->pred[k] = -1;
		else if (!a->skip)
			sc->pred[k] = sc->prev[k - 1] ? i - 1 : -1;
		else
			sc->pred[k] = seq_gap_find(&sc->rows[k], a, e->ts);
		if (k > 0 && sc->pred[k] < 0)
			continue;
		sc->cur[k] = true;
		top = k;
	}
	/* row i becomes an earlier row for the next atoms */
	for (k = 0; k < pat->natoms; k++)
	{
		sc->prev[k] = sc->cur[k];
		if (!sc->cur[k])
			continue;
		if (k + 1 < pat->natoms)
			seq_rows_add(&sc->rows[k + 1], e->ts, i);
		if (sc->trace != NULL)
			seq_trace_add(&sc->trace[k], i, sc->pred[k]);
	}
	return top;
}

/* The timestamps of the (?N) atoms of the match of atoms 0..k ending on row i. */
static void
seq_trace_back(const SeqScan *sc, int k, int i, SeqResult *res)
{
	int			n = 0;
	int			j;

	for (j = 0; j <= k; j++)
		if (sc->pat->atoms[j].cond != 0)
			n++;
	res->nevents = n;
	res->times = palloc(sizeof(int64) * Max(n, 1));
	for (; k >= 0; k--)
	{
		const SeqTrace *t = &sc->trace[k];
		int			lo = 0,
					hi = t->len;

		/* the trace of atom k is in row order: find row i */
		while (lo < hi)
		{
			int			mid = lo + (hi - lo) / 2;

			if (t->row[mid] < i)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo >= t->len || t->row[lo] != i)
			elog(ERROR, "sequence match trace lost row %d of atom %d", i, k);
		if (sc->pat->atoms[k].cond != 0)
			res->times[--n] = sc->ev[i].ts;
		i = t->pred[lo];
	}
}

/*
 * Match the rows ev[0..n), sorted on (timestamp, mask), against a pattern.
 * count_all: count the non-overlapping matches (after each match the search
 * starts again after its last row, so the matches counted are those that end
 * earliest, the most that fit).  Otherwise stop at the first match (the one
 * that ends earliest); with want_events, report the timestamps of its (?N)
 * atoms, or those of the longest matched prefix of the pattern when it does
 * not match.  Each earlier atom of a reported match is the earliest row the
 * constraints allow for the row of the atom after it.
 */
void
seq_match(const SeqPattern *pat, const FunnelEvent *ev, int n,
		  bool count_all, bool want_events, SeqResult *res)
{
	SeqScan		sc;
	int			best_k = -1;
	int			best_i = -1;
	int			i;

	memset(res, 0, sizeof(SeqResult));
	sc.pat = pat;
	sc.ev = ev;
	sc.rows = palloc0(sizeof(SeqRows) * pat->natoms);
	sc.trace = want_events ? palloc0(sizeof(SeqTrace) * pat->natoms) : NULL;
	sc.prev = palloc0(sizeof(bool) * pat->natoms);
	sc.cur = palloc0(sizeof(bool) * pat->natoms);
	sc.pred = palloc0(sizeof(int32) * pat->natoms);

	for (i = 0; i < n; i++)
	{
		int			top;

		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		top = seq_scan_row(&sc, i);
		if (top > best_k)
		{
			best_k = top;
			best_i = i;
		}
		if (top == pat->natoms - 1)
		{
			res->matched = true;
			res->count++;
			if (!count_all)
				break;
			seq_scan_reset(&sc);
		}
	}
	if (want_events && best_k >= 0)
		seq_trace_back(&sc, best_k, best_i, res);
}
