/*-------------------------------------------------------------------------
 *
 * sequence.c
 *	  sequence_match(), sequence_count() and sequence_match_events():
 *	  ClickHouse's sequenceMatch family as parallel-safe aggregates.
 *
 * The state is a funnel event log (funnel_log.c): only rows that match some
 * condition are kept, as (timestamp, condition mask) keys.  The final
 * functions sort them on (timestamp, mask), a total order, so results never
 * depend on input order or on how a parallel plan split the rows (ClickHouse
 * warns that events of the same second "may lay in the sequence in an
 * undefined order"), and match them against the pattern (sequence_pattern.c,
 * which states the bound on the work).
 *
 * src/sequence.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "compat.h"
#include "sequence.h"

#define SEQ_STATE_MAGIC		0x53455131	/* "SEQ1" */
#define SEQ_STATE_VERSION	1
#define SEQ_STATE_ALLOC		512

typedef struct SeqState
{
	uint32		magic;			/* SEQ_STATE_MAGIC */
	FunnelLog	log;			/* the rows that match some condition */
	text	   *pattern;		/* copy of the pattern argument */
} SeqState;

/* what the transition function learns once per call site */
typedef struct SeqCallInfo
{
	int			nconds;
	text	   *pattern;		/* the last pattern checked here */
} SeqCallInfo;

/* the pattern a final function parsed, for the next group */
typedef struct SeqFinalCache
{
	text	   *pattern;
	int			nconds;
	SeqPattern *pat;
	MemoryContext cxt;
} SeqFinalCache;

static bool
seq_same_text(const text *a, const text *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

static text *
seq_copy_text(MemoryContext cxt, const text *t)
{
	Size		len = VARSIZE_ANY_EXHDR(t);
	text	   *c = (text *) MemoryContextAlloc(cxt, VARHDRSZ + len);

	SET_VARSIZE(c, VARHDRSZ + len);
	memcpy(VARDATA(c), VARDATA_ANY(t), len);
	return c;
}

static SeqState *
seq_state_new(MemoryContext cxt, int nconds, const text *pattern)
{
	char	   *raw = MemoryContextAlloc(cxt, SEQ_STATE_ALLOC);
	SeqState   *state = (SeqState *) raw;
	Size		used = MAXALIGN(sizeof(SeqState));

	state->magic = SEQ_STATE_MAGIC;
	funnel_log_init(&state->log, nconds, cxt, raw + used, SEQ_STATE_ALLOC - used);
	state->pattern = seq_copy_text(cxt, pattern);
	return state;
}

/* The state a support function received, checked to be a sequence state. */
static SeqState *
seq_state_arg(FunctionCallInfo fcinfo, int argno, const char *fn)
{
	SeqState   *state = (SeqState *) PG_GETARG_POINTER(argno);

	if (state == NULL || state->magic != SEQ_STATE_MAGIC ||
		state->log.nconds < 1 || state->log.nconds > FUNNEL_MAX_STEPS ||
		state->log.format > FMT_WIDE || state->log.nevents < 0 ||
		state->pattern == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s received a state that sequence_match did not build", fn)));
	return state;
}

/* ----------------------------------------------------------------
 *		Transition function
 * ----------------------------------------------------------------
 */

static SeqCallInfo *
seq_call_info(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	SeqCallInfo *ci = (SeqCallInfo *) flinfo->fn_extra;
	int			i;

	if (likely(ci != NULL))
		return ci;
	ci = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(SeqCallInfo));
	if (get_fn_expr_variadic(flinfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("sequence conditions must be separate boolean arguments"),
				 errhint("Pass each condition as its own argument, without VARIADIC.")));
	ci->nconds = PG_NARGS() - 3;
	if (ci->nconds < 1)
		elog(ERROR, "sequence_transfn called without conditions");
	if (ci->nconds > FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sequence functions support at most %d conditions, got %d",
						FUNNEL_MAX_STEPS, ci->nconds)));
	for (i = 3; i < PG_NARGS(); i++)
	{
		Oid			type = get_fn_expr_argtype(flinfo, i);

		if (getBaseType(type) != BOOLOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("sequence conditions must be boolean, not %s",
							format_type_be(type)),
					 errdetail("Condition %d has type %s.", i - 2, format_type_be(type))));
	}
	flinfo->fn_extra = ci;
	return ci;
}

/*
 * Check a pattern once per call site (and again only when it changes), so
 * that a bad pattern is an error at the first row, not at the end.
 */
static void
seq_check_pattern(FunctionCallInfo fcinfo, SeqCallInfo *ci, text *pattern)
{
	MemoryContext old;

	if (likely(ci->pattern != NULL && seq_same_text(ci->pattern, pattern)))
		return;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	(void) seq_parse_pattern(VARDATA_ANY(pattern), VARSIZE_ANY_EXHDR(pattern),
							 ci->nconds);
	if (ci->pattern != NULL)
		pfree(ci->pattern);
	ci->pattern = seq_copy_text(fcinfo->flinfo->fn_mcxt, pattern);
	MemoryContextSwitchTo(old);
}

/*
 * sequence_transfn(state internal, pattern text, ts timestamp[tz],
 *					VARIADIC conds "any")
 *
 * Shared by every sequence aggregate.  Rows with a NULL timestamp or that
 * match no condition are skipped (a NULL condition is false); the pattern
 * must be the same on every row of a group.
 */
PG_FUNCTION_INFO_V1(sequence_transfn);
Datum
sequence_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	SeqCallInfo *ci;
	SeqState   *state;
	text	   *pattern;
	uint32		mask = 0;
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "sequence_transfn called in non-aggregate context");
	ci = seq_call_info(fcinfo);
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("sequence pattern must not be null")));
	pattern = PG_GETARG_TEXT_PP(1);
	state = PG_ARGISNULL(0) ? NULL : (SeqState *) PG_GETARG_POINTER(0);
	if (state == NULL)
	{
		seq_check_pattern(fcinfo, ci, pattern);
		state = seq_state_new(aggcontext, ci->nconds, pattern);
	}
	else if (!seq_same_text(pattern, state->pattern))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sequence pattern must be the same for all rows of a group")));

	if (PG_ARGISNULL(2))
		PG_RETURN_POINTER(state);
	for (i = 0; i < ci->nconds; i++)
		if (!PG_ARGISNULL(3 + i) && PG_GETARG_BOOL(3 + i))
			mask |= ((uint32) 1) << i;
	if (mask != 0)
		funnel_log_add(&state->log, PG_GETARG_INT64(2), mask);
	PG_RETURN_POINTER(state);
}

/* ----------------------------------------------------------------
 *		Combine, serialize, deserialize
 * ----------------------------------------------------------------
 */

/*
 * Combine two partial states into the aggregate context; with an empty left
 * side the right state is adopted if it already lives there, copied once
 * otherwise (as window_funnel_combinefn does).
 */
PG_FUNCTION_INFO_V1(sequence_combinefn);
Datum
sequence_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	SeqState   *s1;
	SeqState   *s2;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "sequence_combinefn called in non-aggregate context");
	s1 = PG_ARGISNULL(0) ? NULL : seq_state_arg(fcinfo, 0, "sequence_combinefn");
	s2 = PG_ARGISNULL(1) ? NULL : seq_state_arg(fcinfo, 1, "sequence_combinefn");
	if (s2 == NULL)
	{
		if (s1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s1);
	}
	if (s1 == NULL)
	{
		if (s2->log.cxt == aggcontext)
			PG_RETURN_POINTER(s2);
		s1 = seq_state_new(aggcontext, s2->log.nconds, s2->pattern);
	}
	else if (s1->log.nconds != s2->log.nconds ||
			 !seq_same_text(s1->pattern, s2->pattern))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sequence pattern and number of conditions must be the same for all rows of a group")));
	funnel_log_append(&s1->log, &s2->log);
	PG_RETURN_POINTER(s1);
}

/*
 * Serialize: version byte, number of conditions (int4), pattern length
 * (int4) and bytes, then the rows (funnel_log_send), in network byte order.
 */
PG_FUNCTION_INFO_V1(sequence_serialfn);
Datum
sequence_serialfn(PG_FUNCTION_ARGS)
{
	SeqState   *state;
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_serialfn called in non-aggregate context");
	state = seq_state_arg(fcinfo, 0, "sequence_serialfn");
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, SEQ_STATE_VERSION);
	pq_sendint32(&buf, state->log.nconds);
	pq_sendint32(&buf, VARSIZE_ANY_EXHDR(state->pattern));
	pq_sendbytes(&buf, VARDATA_ANY(state->pattern), VARSIZE_ANY_EXHDR(state->pattern));
	funnel_log_send(&state->log, &buf);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static pg_noinline void
seq_bad_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid sequence state"),
			 errdetail("%s", detail)));
}

/*
 * Deserialize, checking every field against the buffer; built in per-call
 * memory (the combine function copies it once into the aggregate context).
 */
PG_FUNCTION_INFO_V1(sequence_deserialfn);
Datum
sequence_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *sstate;
	StringInfoData buf;
	SeqState   *state;
	int			nconds;
	int32		plen;
	text	   *pattern;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_deserialfn called in non-aggregate context");
	sstate = PG_GETARG_BYTEA_PP(0);
	buf.data = VARDATA_ANY(sstate);
	buf.len = VARSIZE_ANY_EXHDR(sstate);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (pq_getmsgbyte(&buf) != SEQ_STATE_VERSION)
		seq_bad_state("The state has an unknown format version.");
	nconds = pq_getmsgint(&buf, 4);
	if (nconds < 1 || nconds > FUNNEL_MAX_STEPS)
		seq_bad_state("The number of conditions is out of range.");
	plen = pq_getmsgint(&buf, 4);
	if (plen < 0 || plen > SEQ_MAX_PATTERN || plen > buf.len - buf.cursor)
		seq_bad_state("The pattern length is out of range.");
	pattern = cstring_to_text_with_len(pq_getmsgbytes(&buf, plen), plen);
	state = seq_state_new(CurrentMemoryContext, nconds, pattern);
	funnel_log_recv(&state->log, &buf);
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(state);
}

/* ----------------------------------------------------------------
 *		Final functions
 * ----------------------------------------------------------------
 */

/*
 * Match a state's rows against its pattern.  The parsed pattern is kept in
 * the final function's fn_extra for the next group with the same pattern.
 * The log's keys may be sorted in place, which changes nothing observable:
 * the final functions are read-only.
 */
static void
seq_state_match(FunctionCallInfo fcinfo, SeqState *state, bool count_all,
				bool want_events, SeqResult *res)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	SeqFinalCache *fc = (SeqFinalCache *) flinfo->fn_extra;
	FunnelEvent *ev;

	if (fc == NULL)
	{
		fc = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(SeqFinalCache));
		fc->cxt = AllocSetContextCreate(flinfo->fn_mcxt, "sequence pattern",
										ALLOCSET_SMALL_SIZES);
		flinfo->fn_extra = fc;
	}
	if (fc->pat == NULL || fc->nconds != state->log.nconds ||
		!seq_same_text(fc->pattern, state->pattern))
	{
		MemoryContext old;

		MemoryContextReset(fc->cxt);
		fc->pat = NULL;
		old = MemoryContextSwitchTo(fc->cxt);
		fc->pattern = seq_copy_text(fc->cxt, state->pattern);
		fc->nconds = state->log.nconds;
		fc->pat = seq_parse_pattern(VARDATA_ANY(state->pattern),
									VARSIZE_ANY_EXHDR(state->pattern),
									state->log.nconds);
		MemoryContextSwitchTo(old);
	}
	ev = funnel_log_sorted(&state->log);
	seq_match(fc->pat, ev, state->log.nevents, count_all, want_events, res);
	pfree(ev);
}

/* sequence_match final function: does the pattern match (false for no rows) */
PG_FUNCTION_INFO_V1(sequence_match_finalfn);
Datum
sequence_match_finalfn(PG_FUNCTION_ARGS)
{
	SeqResult	res;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_match_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	seq_state_match(fcinfo, seq_state_arg(fcinfo, 0, "sequence_match_finalfn"),
					false, false, &res);
	PG_RETURN_BOOL(res.matched);
}

/* sequence_count final function: non-overlapping matches (0 for no rows) */
PG_FUNCTION_INFO_V1(sequence_count_finalfn);
Datum
sequence_count_finalfn(PG_FUNCTION_ARGS)
{
	SeqResult	res;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_count_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_INT64(0);
	seq_state_match(fcinfo, seq_state_arg(fcinfo, 0, "sequence_count_finalfn"),
					true, false, &res);
	PG_RETURN_INT64(res.count);
}

static Datum
seq_events_result(FunctionCallInfo fcinfo, Oid elemtype)
{
	SeqResult	res;
	Datum	   *elems;
	int			i;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "sequence_match_events_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(elemtype));
	seq_state_match(fcinfo, seq_state_arg(fcinfo, 0, "sequence_match_events_finalfn"),
					false, true, &res);
	if (res.nevents == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(elemtype));
	elems = palloc(sizeof(Datum) * res.nevents);
	for (i = 0; i < res.nevents; i++)
		elems[i] = Int64GetDatum(res.times[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, res.nevents, elemtype, sizeof(int64),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/*
 * sequence_match_events final function: the timestamps of the (?N) atoms of
 * the first match, or of the longest matched prefix ({} for none).
 */
PG_FUNCTION_INFO_V1(sequence_match_events_finalfn);
Datum
sequence_match_events_finalfn(PG_FUNCTION_ARGS)
{
	return seq_events_result(fcinfo, TIMESTAMPTZOID);
}

/* the same for timestamp without time zone */
PG_FUNCTION_INFO_V1(sequence_match_events_ts_finalfn);
Datum
sequence_match_events_ts_finalfn(PG_FUNCTION_ARGS)
{
	return seq_events_result(fcinfo, TIMESTAMPOID);
}
