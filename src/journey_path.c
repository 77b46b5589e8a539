/*-------------------------------------------------------------------------
 *
 * journey_path.c
 *	  journey_path(): an entity's ordered steps as a text[] (consecutive
 *	  repeats collapsed, the first max_steps), and sessionize(): a window
 *	  function numbering sessions separated by a gap.
 *
 * journey_path keeps (timestamp, step) rows as event rows (event_rows.c),
 * and sorts them in the final function on (timestamp, step bytes), a total
 * order, so the path never depends on input order or parallel plans.
 * Rows with a NULL timestamp or a NULL step are skipped.
 *
 * src/journey_path.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "windowapi.h"

#include "compat.h"
#include "event_rows.h"

#define PATH_STATE_MAGIC	0x50415431	/* "PAT1" */
#define PATH_STATE_VERSION	1

typedef struct PathState
{
	uint32		magic;
	int32		max_steps;		/* >= 1, or 0: no limit */
	EventRows	rows;			/* the steps, as non-NULL values */
} PathState;

/* ----------------------------------------------------------------
 *		State
 * ----------------------------------------------------------------
 */

static PathState *
path_state_new(MemoryContext cxt, int max_steps)
{
	PathState  *s = MemoryContextAllocZero(cxt, sizeof(PathState));

	s->magic = PATH_STATE_MAGIC;
	s->max_steps = max_steps;
	event_rows_init(&s->rows, cxt);
	return s;
}

static PathState *
path_state_arg(FunctionCallInfo fcinfo, int argno, const char *fn)
{
	PathState  *s = (PathState *) PG_GETARG_POINTER(argno);

	if (s == NULL || s->magic != PATH_STATE_MAGIC || s->max_steps < 0 ||
		s->rows.nrows < 0 || s->rows.nrows > s->rows.maxrows)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s received a state that journey_path did not build", fn)));
	return s;
}

/*
 * journey_path_transfn(state internal, ts timestamp[tz], step text
 *						[, max_steps integer])
 */
PG_FUNCTION_INFO_V1(journey_path_transfn);
Datum
journey_path_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	PathState  *s;
	int			max_steps = 0;
	text	   *step;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "journey_path_transfn called in non-aggregate context");
	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("journey_path max_steps must not be null")));
		max_steps = PG_GETARG_INT32(3);
		if (max_steps < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("journey_path max_steps must be at least 1, not %d", max_steps)));
	}
	s = PG_ARGISNULL(0) ? NULL : (PathState *) PG_GETARG_POINTER(0);
	if (s == NULL)
		s = path_state_new(aggcontext, max_steps);
	else if (s->max_steps != max_steps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("journey_path max_steps must be the same for all rows of a group")));
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	step = PG_GETARG_TEXT_PP(2);
	event_rows_add(&s->rows, PG_GETARG_INT64(1), 0, VARDATA_ANY(step),
				   VARSIZE_ANY_EXHDR(step));
	PG_RETURN_POINTER(s);
}

/* ----------------------------------------------------------------
 *		Combine, serialize, deserialize
 * ----------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(journey_path_combinefn);
Datum
journey_path_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	PathState  *s1;
	PathState  *s2;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "journey_path_combinefn called in non-aggregate context");
	s1 = PG_ARGISNULL(0) ? NULL : path_state_arg(fcinfo, 0, "journey_path_combinefn");
	s2 = PG_ARGISNULL(1) ? NULL : path_state_arg(fcinfo, 1, "journey_path_combinefn");
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
		s1 = path_state_new(aggcontext, s2->max_steps);
	}
	else if (s1->max_steps != s2->max_steps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("journey_path max_steps must be the same for all rows of a group")));
	event_rows_append(&s1->rows, &s2->rows);
	PG_RETURN_POINTER(s1);
}

/* Serialize: version, max_steps, then the rows (event_rows_send). */
PG_FUNCTION_INFO_V1(journey_path_serialfn);
Datum
journey_path_serialfn(PG_FUNCTION_ARGS)
{
	PathState  *s;
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "journey_path_serialfn called in non-aggregate context");
	s = path_state_arg(fcinfo, 0, "journey_path_serialfn");
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PATH_STATE_VERSION);
	pq_sendint32(&buf, s->max_steps);
	event_rows_send(&s->rows, &buf);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static pg_noinline void
path_bad_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid journey_path state"),
			 errdetail("%s", detail)));
}

PG_FUNCTION_INFO_V1(journey_path_deserialfn);
Datum
journey_path_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *sstate;
	StringInfoData buf;
	PathState  *s;
	int			max_steps;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "journey_path_deserialfn called in non-aggregate context");
	sstate = PG_GETARG_BYTEA_PP(0);
	buf.data = VARDATA_ANY(sstate);
	buf.len = VARSIZE_ANY_EXHDR(sstate);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (pq_getmsgbyte(&buf) != PATH_STATE_VERSION)
		path_bad_state("The state has an unknown format version.");
	max_steps = pq_getmsgint(&buf, 4);
	if (max_steps < 0)
		path_bad_state("max_steps is negative.");
	s = path_state_new(CurrentMemoryContext, max_steps);
	event_rows_recv(&s->rows, &buf, 0, "journey_path");
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/* ----------------------------------------------------------------
 *		Final function
 * ----------------------------------------------------------------
 */

static bool
path_same_step(const char *buf, const EventRow *x, const EventRow *y)
{
	return x->len == y->len && memcmp(buf + x->off, buf + y->off, x->len) == 0;
}

/*
 * journey_path final function: the steps in (timestamp, step) order with
 * consecutive repeats collapsed, the first max_steps of them; {} for no
 * rows.  Sorts a copy: the state is not modified.
 */
PG_FUNCTION_INFO_V1(journey_path_finalfn);
Datum
journey_path_finalfn(PG_FUNCTION_ARGS)
{
	PathState  *s;
	EventRow   *r;
	Datum	   *elems;
	int			n,
				i,
				k = 0;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "journey_path_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	s = path_state_arg(fcinfo, 0, "journey_path_finalfn");
	n = s->rows.nrows;
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	r = event_rows_sorted(&s->rows);
	elems = palloc(sizeof(Datum) * n);
	for (i = 0; i < n && (s->max_steps == 0 || k < s->max_steps); i++)
	{
		if (i > 0 && path_same_step(s->rows.buf, &r[i], &r[i - 1]))
			continue;
		elems[k++] = PointerGetDatum(cstring_to_text_with_len(s->rows.buf + r[i].off,
																		 r[i].len));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, k, TEXTOID, -1, false, TYPALIGN_INT));
}

/* ----------------------------------------------------------------
 *		sessionize window function
 * ----------------------------------------------------------------
 */

/* what sessionize remembers of the partition between rows */
typedef struct SessionMemory
{
	int64		last_ts;		/* its timestamp (last non-NULL) */
	int64		session;		/* its session number, 0: none yet */
	int64		gap;			/* microseconds */
} SessionMemory;

/*
 * sessionize(ts timestamp[tz], gap interval) OVER (PARTITION BY entity
 * ORDER BY ts): the session number of each row, from 1; a new session starts
 * when a row comes more than gap after the previous row (a gap of exactly
 * gap stays in the session).  NULL timestamps (last in ascending order)
 * give NULL.  The window must be ordered by ts ascending: a row earlier than
 * the previous one is an error.  One pass, O(1) per row.
 */
PG_FUNCTION_INFO_V1(sessionize);
Datum
sessionize(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SessionMemory *m;
	int64		pos = WinGetCurrentPosition(winobj);
	bool		isnull;
	Datum		d;
	int64		ts,
				diff;

	m = (SessionMemory *) WinGetPartitionLocalMemory(winobj, sizeof(SessionMemory));
	if (pos == 0 || m->session == 0)
	{
		Interval   *gap;

		d = WinGetFuncArgCurrent(winobj, 1, &isnull);
		if (isnull)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("sessionize gap must not be null")));
		gap = DatumGetIntervalP(d);
		if (gap->month != 0 ||
			pg_mul_s64_overflow((int64) gap->day, USECS_PER_DAY, &m->gap) ||
			pg_add_s64_overflow(m->gap, gap->time, &m->gap) || m->gap <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("sessionize gap must be positive and must not contain months or years")));
	}
	d = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	ts = DatumGetInt64(d);
	if (m->session == 0)
	{
		m->session = 1;
		m->last_ts = ts;
		PG_RETURN_INT64(1);
	}
	if (ts < m->last_ts)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sessionize needs its window ordered by the timestamp"),
				 errhint("Write OVER (PARTITION BY entity ORDER BY ts).")));
	if (pg_sub_s64_overflow(ts, m->last_ts, &diff) || diff > m->gap)
		m->session++;
	m->last_ts = ts;
	PG_RETURN_INT64(m->session);
}
