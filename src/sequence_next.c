/*-------------------------------------------------------------------------
 *
 * sequence_next.c
 *	  sequence_next_node(): ClickHouse's sequenceNextNode, the value of the
 *	  event that follows (or precedes) a chain of events, as a parallel-safe
 *	  aggregate.
 *
 * Unlike the pattern aggregates this one needs every row and a value per
 * row, so its state holds event rows (event_rows.c): (timestamp, condition
 * mask, value) rows with the values in one growing byte buffer.  The final function sorts the rows
 * on (timestamp, value, mask), a total order (NULL values last), finds the
 * base row, checks the chain from it and returns the next value:
 *
 *	  base head			the first row;  tail: the last row;
 *	  first_match		the first row matching event 1 and base_condition;
 *	  last_match		the last such row;
 *
 * the base row must match base_condition and event 1; then, forward, rows
 * base + 1 .. base + m - 1 must match events 2 .. m and the result is the
 * value of row base + m; backward the same towards earlier rows.  NULL when
 * the base row or the chain is missing, or no row follows.  O(n log n) for
 * the sort, O(n + m) for the rest.
 *
 * src/sequence_next.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "compat.h"
#include "event_rows.h"
#include "funnel.h"

#define NEXT_STATE_MAGIC	0x4E584E31	/* "NXN1" */
#define NEXT_STATE_VERSION	1

#define NEXT_FORWARD		0
#define NEXT_BACKWARD		1
#define NEXT_HEAD			0
#define NEXT_TAIL			1
#define NEXT_FIRST_MATCH	2
#define NEXT_LAST_MATCH		3

typedef struct NextState
{
	uint32		magic;
	int16		direction;
	int16		base;
	int32		nevents;		/* event conditions, 1..32 */
	EventRows	rows;			/* mask bit 0: base_condition; bit k: event k */
} NextState;

/* ----------------------------------------------------------------
 *		State
 * ----------------------------------------------------------------
 */

static NextState *
next_state_new(MemoryContext cxt, int direction, int base, int nevents)
{
	NextState  *s = MemoryContextAllocZero(cxt, sizeof(NextState));

	s->magic = NEXT_STATE_MAGIC;
	s->direction = direction;
	s->base = base;
	s->nevents = nevents;
	event_rows_init(&s->rows, cxt);
	return s;
}

static NextState *
next_state_arg(FunctionCallInfo fcinfo, int argno, const char *fn)
{
	NextState  *s = (NextState *) PG_GETARG_POINTER(argno);

	if (s == NULL || s->magic != NEXT_STATE_MAGIC || s->nevents < 1 ||
		s->nevents > FUNNEL_MAX_STEPS || s->rows.nrows < 0 ||
		s->rows.nrows > s->rows.maxrows ||
		s->direction < 0 || s->direction > 1 || s->base < 0 || s->base > 3)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s received a state that sequence_next_node did not build", fn)));
	return s;
}

/* ----------------------------------------------------------------
 *		Transition
 * ----------------------------------------------------------------
 */

static int
next_parse_word(text *t, const char *const *words, int nwords, const char *what)
{
	int			len = VARSIZE_ANY_EXHDR(t);
	int			i;

	for (i = 0; i < nwords; i++)
		if ((int) strlen(words[i]) == len && memcmp(words[i], VARDATA_ANY(t), len) == 0)
			return i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid sequence_next_node %s \"%.*s\"", what, len, VARDATA_ANY(t)),
			 nwords == 2 ? errhint("The direction is forward or backward.") :
			 errhint("The base is head, tail, first_match or last_match.")));
	return 0;					/* keep compiler quiet */
}

/* Check the argument types once per call site; returns the event count. */
static int
next_call_info(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	int			i;

	if (flinfo->fn_extra != NULL)
		return *(int *) flinfo->fn_extra;
	if (get_fn_expr_variadic(flinfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("sequence_next_node event conditions must be separate boolean arguments")));
	if (PG_NARGS() - 6 < 1)
		elog(ERROR, "sequence_next_node_transfn called without event conditions");
	if (PG_NARGS() - 6 > FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sequence_next_node supports at most %d event conditions, got %d",
						FUNNEL_MAX_STEPS, PG_NARGS() - 6)));
	for (i = 5; i < PG_NARGS(); i++)
	{
		Oid			type = get_fn_expr_argtype(flinfo, i);

		if (getBaseType(type) != BOOLOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("sequence_next_node conditions must be boolean, not %s",
							format_type_be(type)),
					 errdetail("Argument %d has type %s.", i, format_type_be(type))));
	}
	flinfo->fn_extra = MemoryContextAlloc(flinfo->fn_mcxt, sizeof(int));
	*(int *) flinfo->fn_extra = PG_NARGS() - 6;
	return PG_NARGS() - 6;
}

/*
 * sequence_next_node_transfn(state internal, direction text, base text,
 *							  ts timestamp[tz], event_column text,
 *							  base_condition boolean, VARIADIC event_conds "any")
 *
 * Every row is kept (the value of any row may be the answer); rows with a
 * NULL timestamp are skipped; NULL conditions are false.
 */
PG_FUNCTION_INFO_V1(sequence_next_node_transfn);
Datum
sequence_next_node_transfn(PG_FUNCTION_ARGS)
{
	static const char *const dirs[] = {"forward", "backward"};
	static const char *const bases[] = {"head", "tail", "first_match", "last_match"};
	MemoryContext aggcontext;
	NextState  *s;
	int			nevents;
	int			dir,
				base,
				i;
	uint64		mask = 0;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "sequence_next_node_transfn called in non-aggregate context");
	nevents = next_call_info(fcinfo);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("sequence_next_node direction and base must not be null")));
	dir = next_parse_word(PG_GETARG_TEXT_PP(1), dirs, 2, "direction");
	base = next_parse_word(PG_GETARG_TEXT_PP(2), bases, 4, "base");
	s = PG_ARGISNULL(0) ? NULL : (NextState *) PG_GETARG_POINTER(0);
	if (s == NULL)
		s = next_state_new(aggcontext, dir, base, nevents);
	else if (s->direction != dir || s->base != base)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sequence_next_node direction and base must be the same for all rows of a group")));
	if (PG_ARGISNULL(3))
		PG_RETURN_POINTER(s);
	for (i = 5; i < PG_NARGS(); i++)
		if (!PG_ARGISNULL(i) && PG_GETARG_BOOL(i))
			mask |= ((uint64) 1) << (i - 5);
	if (PG_ARGISNULL(4))
		event_rows_add(&s->rows, PG_GETARG_INT64(3), mask, NULL, 0);
	else
	{
		text	   *v = PG_GETARG_TEXT_PP(4);

		event_rows_add(&s->rows, PG_GETARG_INT64(3), mask, VARDATA_ANY(v),
					   VARSIZE_ANY_EXHDR(v));
	}
	PG_RETURN_POINTER(s);
}

/* ----------------------------------------------------------------
 *		Combine, serialize, deserialize
 * ----------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(sequence_next_node_combinefn);
Datum
sequence_next_node_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	NextState  *s1;
	NextState  *s2;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "sequence_next_node_combinefn called in non-aggregate context");
	s1 = PG_ARGISNULL(0) ? NULL : next_state_arg(fcinfo, 0, "sequence_next_node_combinefn");
	s2 = PG_ARGISNULL(1) ? NULL : next_state_arg(fcinfo, 1, "sequence_next_node_combinefn");
	if (s2 == NULL)
	{
		if (s1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s1);
	}
	if (s1 == NULL)
	{
		if (s2->rows.cxt == aggcontext)
			PG_RETURN_POINTER(s2);
		s1 = next_state_new(aggcontext, s2->direction, s2->base, s2->nevents);
	}
	else if (s1->direction != s2->direction || s1->base != s2->base ||
			 s1->nevents != s2->nevents)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sequence_next_node direction, base and conditions must be the same for all rows of a group")));
	event_rows_append(&s1->rows, &s2->rows);
	PG_RETURN_POINTER(s1);
}

/*
 * Serialize: version, direction, base, event count, then the rows
 * (event_rows_send).
 */
PG_FUNCTION_INFO_V1(sequence_next_node_serialfn);
Datum
sequence_next_node_serialfn(PG_FUNCTION_ARGS)
{
	NextState  *s;
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_next_node_serialfn called in non-aggregate context");
	s = next_state_arg(fcinfo, 0, "sequence_next_node_serialfn");
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, NEXT_STATE_VERSION);
	pq_sendbyte(&buf, s->direction);
	pq_sendbyte(&buf, s->base);
	pq_sendint32(&buf, s->nevents);
	event_rows_send(&s->rows, &buf);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static pg_noinline void
next_bad_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid sequence_next_node state"),
			 errdetail("%s", detail)));
}

PG_FUNCTION_INFO_V1(sequence_next_node_deserialfn);
Datum
sequence_next_node_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *sstate;
	StringInfoData buf;
	NextState  *s;
	int			dir,
				base,
				nevents;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_next_node_deserialfn called in non-aggregate context");
	sstate = PG_GETARG_BYTEA_PP(0);
	buf.data = VARDATA_ANY(sstate);
	buf.len = VARSIZE_ANY_EXHDR(sstate);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (pq_getmsgbyte(&buf) != NEXT_STATE_VERSION)
		next_bad_state("The state has an unknown format version.");
	dir = pq_getmsgbyte(&buf);
	base = pq_getmsgbyte(&buf);
	nevents = pq_getmsgint(&buf, 4);
	if (dir > 1 || base > 3 || nevents < 1 || nevents > FUNNEL_MAX_STEPS)
		next_bad_state("The direction, base or number of conditions is out of range.");
	s = next_state_new(CurrentMemoryContext, dir, base, nevents);
	event_rows_recv(&s->rows, &buf, nevents + 1, "sequence_next_node");
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/* ----------------------------------------------------------------
 *		Final function
 * ----------------------------------------------------------------
 */

/* The base row of sorted rows r[0..n), or -1. */
static int
next_base_row(const NextState *s, const EventRow *r, int n)
{
	const uint64 need = 0x3;	/* base_condition and event 1 */
	int			i;

	switch (s->base)
	{
		case NEXT_HEAD:
			return ((r[0].mask & need) == need) ? 0 : -1;
		case NEXT_TAIL:
			return ((r[n - 1].mask & need) == need) ? n - 1 : -1;
		case NEXT_FIRST_MATCH:
			for (i = 0; i < n; i++)
				if ((r[i].mask & need) == need)
					return i;
			return -1;
		default:
			for (i = n - 1; i >= 0; i--)
				if ((r[i].mask & need) == need)
					return i;
			return -1;
	}
}

/*
 * sequence_next_node final function: the value of the row after (forward)
 * or before (backward) the chain of events 1..m from the base row, NULL if
 * there is none.  Reads a sorted copy of the rows: the state is not modified.
 */
PG_FUNCTION_INFO_V1(sequence_next_node_finalfn);
Datum
sequence_next_node_finalfn(PG_FUNCTION_ARGS)
{
	NextState  *s;
	EventRow   *r;
	int			n,
				b,
				step,
				k,
				at;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_next_node_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = next_state_arg(fcinfo, 0, "sequence_next_node_finalfn");
	n = s->rows.nrows;
	if (n == 0)
		PG_RETURN_NULL();
	r = event_rows_sorted(&s->rows);
	b = next_base_row(s, r, n);
	if (b < 0)
		PG_RETURN_NULL();
	step = (s->direction == NEXT_FORWARD) ? 1 : -1;
	for (k = 2; k <= s->nevents; k++)
	{
		at = b + step * (k - 1);
		if (at < 0 || at >= n || !(r[at].mask & (((uint64) 1) << k)))
			PG_RETURN_NULL();
	}
	at = b + step * s->nevents;
	if (at < 0 || at >= n || r[at].off < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s->rows.buf + r[at].off, r[at].len));
}
