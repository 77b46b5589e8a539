/*-------------------------------------------------------------------------
 *
 * retention.c
 *	  retention(VARIADIC conds boolean[]): ClickHouse's retention aggregate,
 *	  and retention_summary / retention_agg: cohort retention with N-period
 *	  and "on or after" rates where immature periods are left out.
 *
 * retention: r[1] = cond1 true on some row; r[i] = cond1 and cond_i each
 * true on some row.  NULL counts as false.  The state is one int8: bits 0-31
 * the conditions seen, bits 32-39 the number of conditions, so it needs no
 * serialization and merges with OR.
 *
 * retention_summary stores, for periods 0 .. N-1 after each entity's first
 * event, how many entities could be observed for the whole period
 * (eligible: first + (n + 1) * period <= as_of), how many of those were
 * active in period n, and how many were active in period n or later.
 *
 * Stored format (version 2), 8-byte aligned; the SQL type has extended
 * storage, so a large summary (up to 1000 periods, 24 kB) is compressed or
 * stored out of line like any varlena:
 *		int32	varlena header
 *		uint8	version (2)
 *		uint8	reserved
 *		uint16	number of periods N (1..RETENTION_MAX_PERIODS)
 *		int64	period length in microseconds (0: unknown, a 1.0 value)
 *		int64	entities
 *		int64	eligible[N], active[N], on_or_after[N]
 * Text: "v2;period_us=P;entities=E;eligible=e0,...;active=a0,...;
 * on_or_after=o0,...".  Version 1 (cjkpi 1.0) has no period: it still
 * reads, text or binary, as a summary of unknown period, and is written
 * back in its 1.0 form.
 *
 * src/retention.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "aggstate.h"
#include "compat.h"
#include "funnel.h"
#include "sumorder.h"
#include "sumtext.h"

#define RETENTION_MAX_CONDS		32
#define RETENTION_MAX_PERIODS	1000
#define RETENTION_VERSION		2

/* ---------------------------------------------------------------------
 * retention(VARIADIC boolean[])
 * ---------------------------------------------------------------------
 */

/*
 * The number of conditions recorded in a retention() state, after checking
 * that the state is one this code can have built.  The support functions
 * take a plain bigint that anyone may pass by hand, so the count must be
 * checked before it bounds an array: bits 40-63 must be zero, the count at
 * most RETENTION_MAX_CONDS, and no condition bit set at or above the count
 * (a state before the first row is 0).
 */
static int
retention_state_count(int64 state)
{
	uint64		u = (uint64) state;
	int			n = (int) ((u >> 32) & 0xFF);
	uint32		mask = (uint32) u;

	if ((u >> 40) != 0 || n > RETENTION_MAX_CONDS ||
		(n < RETENTION_MAX_CONDS && (mask >> n) != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid retention state " INT64_FORMAT, state),
				 errdetail("A retention state holds the number of conditions (at most %d) in bits 32 to 39 and the conditions seen in the bits below it.",
						   RETENTION_MAX_CONDS)));
	return n;
}

/* retention transition: OR in the conditions true on this row */
PG_FUNCTION_INFO_V1(retention_transfn);
Datum
retention_transfn(PG_FUNCTION_ARGS)
{
	int64		state = PG_GETARG_INT64(0);
	ArrayType  *conds;
	int			n,
				seen_n,
				i;
	uint32		mask = 0;
	const char *data;
	const bits8 *nulls;

	if (PG_ARGISNULL(1))
		PG_RETURN_INT64(state);
	conds = PG_GETARG_ARRAYTYPE_P(1);
	if (ARR_NDIM(conds) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("retention conditions must be a one-dimensional array")));
	n = (ARR_NDIM(conds) == 0) ? 0 : ARR_DIMS(conds)[0];
	if (n < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention needs at least one condition")));
	if (n > RETENTION_MAX_CONDS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("retention supports at most %d conditions, got %d",
						RETENTION_MAX_CONDS, n)));
	seen_n = retention_state_count(state);
	if (seen_n != 0 && seen_n != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention got %d conditions on one row and %d on another",
						n, seen_n)));

	data = ARR_DATA_PTR(conds);
	nulls = ARR_NULLBITMAP(conds);
	for (i = 0; i < n; i++)
	{
		if (nulls && !(nulls[i >> 3] & (1 << (i & 7))))
			continue;			/* NULL counts as false */
		if (*data++)
			mask |= ((uint32) 1) << i;
	}
	PG_RETURN_INT64(((int64) n << 32) | (int64) ((uint32) state | mask));
}

/* retention combine: OR of the seen conditions, same count required */
PG_FUNCTION_INFO_V1(retention_combinefn);
Datum
retention_combinefn(PG_FUNCTION_ARGS)
{
	int64		a = PG_GETARG_INT64(0);
	int64		b = PG_GETARG_INT64(1);
	int			na = retention_state_count(a);
	int			nb = retention_state_count(b);

	if (na != 0 && nb != 0 && na != nb)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention got %d conditions on one row and %d on another",
						na, nb)));
	PG_RETURN_INT64(((int64) Max(na, nb) << 32) |
					(int64) ((uint32) a | (uint32) b));
}

/* retention final: the boolean array, NULL when no row had conditions */
PG_FUNCTION_INFO_V1(retention_finalfn);
Datum
retention_finalfn(PG_FUNCTION_ARGS)
{
	int64		state = PG_GETARG_INT64(0);
	int			n = retention_state_count(state);
	uint32		mask = (uint32) state;
	Datum		elems[RETENTION_MAX_CONDS];
	bool		first = (mask & 1) != 0;
	int			i;

	if (n == 0)
		PG_RETURN_NULL();
	for (i = 0; i < n; i++)
		elems[i] = BoolGetDatum(first && (mask & (((uint32) 1) << i)) != 0);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, BOOLOID, 1, true, TYPALIGN_CHAR));
}

/* ---------------------------------------------------------------------
 * retention_summary
 * ---------------------------------------------------------------------
 */

/*
 * In memory every summary has the version 2 layout; a version 1 value
 * (stored by cjkpi 1.0, without its period) is converted when it is read,
 * with period_us = 0 for "unknown".
 */
typedef struct RetentionSummary
{
	int32		vl_len_;
	uint8		version;		/* RETENTION_VERSION */
	uint8		reserved;
	uint16		nperiods;
	int64		period_us;		/* period length; 0: unknown (1.0 value) */
	int64		entities;
	int64		counts[FLEXIBLE_ARRAY_MEMBER];	/* eligible, active, on_or_after */
} RetentionSummary;

/* the 1.0 layout: no period */
typedef struct RetentionSummaryV1
{
	int32		vl_len_;
	uint8		version;		/* 1 */
	uint8		reserved;
	uint16		nperiods;
	int64		entities;
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} RetentionSummaryV1;

#define RS_SIZE(n)			(offsetof(RetentionSummary, counts) + sizeof(int64) * 3 * (n))
#define RS_V1_SIZE(n)		(offsetof(RetentionSummaryV1, counts) + sizeof(int64) * 3 * (n))
#define RS_ELIGIBLE(s)		((s)->counts)
#define RS_ACTIVE(s)		((s)->counts + (s)->nperiods)
#define RS_AFTER(s)			((s)->counts + 2 * (s)->nperiods)
#define PG_GETARG_RS_P(n)	((RetentionSummary *) rs_fetch(PG_GETARG_DATUM(n)))

/* a new empty summary in the current memory context */
static RetentionSummary *
rs_new(int nperiods, int64 period_us)
{
	Size		size = RS_SIZE(nperiods);
	RetentionSummary *s = (RetentionSummary *) palloc0(size);

	SET_VARSIZE(s, size);
	s->version = RETENTION_VERSION;
	s->nperiods = (uint16) nperiods;
	s->period_us = period_us;
	return s;
}

/*
 * Checks shared by text input, binary input and reading a stored value.
 * Returns false after a soft error (text input on PostgreSQL 16+).
 */
static bool
rs_check(int version, int n, int64 period_us, int64 entities,
		 const int64 *eligible, const int64 *active, const int64 *after,
		 int code, Node *escontext)
{
	int			k;

	if (version != 1 && version != RETENTION_VERSION)
		ereturn(escontext, false,
				(errcode(code),
				 errmsg("unsupported retention_summary version %d", version),
				 errdetail("This version of cjkpi reads versions 1 and %d.", RETENTION_VERSION)));
	if (n < 1 || n > RETENTION_MAX_PERIODS)
		ereturn(escontext, false,
				(errcode(code),
				 errmsg("retention_summary must have between 1 and %d periods, not %d",
						RETENTION_MAX_PERIODS, n)));
	if (version != 1 && period_us <= 0)
		ereturn(escontext, false,
				(errcode(code),
				 errmsg("retention_summary period must be positive")));
	if (entities < 0)
		ereturn(escontext, false,
				(errcode(code),
				 errmsg("retention_summary counts must not be negative")));
	for (k = 0; k < n; k++)
	{
		if (active[k] < 0 || active[k] > after[k] || after[k] > eligible[k] ||
			eligible[k] > entities)
			ereturn(escontext, false,
					(errcode(code),
					 errmsg("retention_summary counts of period %d are inconsistent", k),
					 errdetail("Each period needs 0 <= active <= on_or_after <= eligible <= entities.")));
	}
	return true;
}

/* the period in words for messages: an interval, or "unknown" */
static char *
rs_period_text(int64 period_us)
{
	Interval	iv;

	if (period_us == 0)
		return pstrdup("unknown (a value of cjkpi 1.0)");
	iv.month = 0;
	iv.day = (int32) (period_us / USECS_PER_DAY);
	iv.time = period_us % USECS_PER_DAY;
	return DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(&iv)));
}

/*
 * A summary argument, detoasted, checked and in the version 2 layout.
 * Values are validated on input, so a failure here means corrupted storage;
 * a size that disagrees with the period count is never trusted.
 */
static struct varlena *
rs_fetch(Datum d)
{
	RetentionSummary *s = (RetentionSummary *) PG_DETOAST_DATUM(d);
	Size		size = VARSIZE(s);

	if (size >= offsetof(RetentionSummaryV1, counts) && s->version == 1)
	{
		RetentionSummaryV1 *v1 = (RetentionSummaryV1 *) s;

		if (v1->nperiods >= 1 && v1->nperiods <= RETENTION_MAX_PERIODS &&
			size == RS_V1_SIZE(v1->nperiods))
		{
			s = rs_new(v1->nperiods, 0);
			s->entities = v1->entities;
			memcpy(s->counts, v1->counts, sizeof(int64) * 3 * v1->nperiods);
			size = VARSIZE(s);
		}
	}
	if (size < offsetof(RetentionSummary, counts) ||
		s->version != RETENTION_VERSION ||
		s->nperiods < 1 || s->nperiods > RETENTION_MAX_PERIODS ||
		size != RS_SIZE(s->nperiods) || s->period_us < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid retention_summary value of %u bytes",
						(unsigned int) VARSIZE(s))));
	(void) rs_check(s->version, s->nperiods, s->period_us == 0 ? 1 : s->period_us,
					s->entities, RS_ELIGIBLE(s), RS_ACTIVE(s), RS_AFTER(s),
					ERRCODE_DATA_CORRUPTED, NULL);
	return (struct varlena *) s;
}

/*
 * retention_summary_in: "v2;period_us=P;entities=E;eligible=e0,...;
 * active=a0,...;on_or_after=o0,..." or the 1.0 form without the period
 * ("v1;entities=..."), which reads as a summary of unknown period.
 */
PG_FUNCTION_INFO_V1(retention_summary_in);
Datum
retention_summary_in(PG_FUNCTION_ARGS)
{
	SumText		t;
	int64	   *lists = palloc(sizeof(int64) * 3 * RETENTION_MAX_PERIODS);
	int64	   *eligible = lists,
			   *active = lists + RETENTION_MAX_PERIODS,
			   *after = lists + 2 * RETENTION_MAX_PERIODS;
	int64		entities,
				period_us = 0;
	int			version,
				n1,
				n2,
				n3;
	RetentionSummary *s;

	sumtext_init(&t, PG_GETARG_CSTRING(0), "retention_summary", CJKPI_ESCONTEXT(fcinfo));
	if (!sumtext_version(&t, &version))
		PG_RETURN_NULL();
	if (version != 1 && version != RETENTION_VERSION)
	{
		(void) rs_check(version, 1, 1, 0, lists, lists, lists,
						ERRCODE_INVALID_TEXT_REPRESENTATION, t.escontext);
		PG_RETURN_NULL();
	}
	if (version != 1 &&
		(!sumtext_expect(&t, ";period_us=") || !sumtext_int64(&t, &period_us)))
		PG_RETURN_NULL();
	if (!sumtext_expect(&t, ";entities=") || !sumtext_int64(&t, &entities) ||
		!sumtext_expect(&t, ";eligible=") ||
		!sumtext_int64_list(&t, eligible, RETENTION_MAX_PERIODS, &n1) ||
		!sumtext_expect(&t, ";active=") ||
		!sumtext_int64_list(&t, active, RETENTION_MAX_PERIODS, &n2) ||
		!sumtext_expect(&t, ";on_or_after=") ||
		!sumtext_int64_list(&t, after, RETENTION_MAX_PERIODS, &n3) ||
		!sumtext_end(&t))
		PG_RETURN_NULL();
	if (n1 != n2 || n1 != n3)
	{
		(void) sumtext_syntax_error(&t, "The eligible, active and on_or_after lists must have the same length.");
		PG_RETURN_NULL();
	}
	if (!rs_check(version, n1, period_us, entities, eligible, active, after,
				  ERRCODE_INVALID_TEXT_REPRESENTATION, t.escontext))
		PG_RETURN_NULL();

	s = rs_new(n1, period_us);
	s->entities = entities;
	memcpy(RS_ELIGIBLE(s), eligible, sizeof(int64) * n1);
	memcpy(RS_ACTIVE(s), active, sizeof(int64) * n1);
	memcpy(RS_AFTER(s), after, sizeof(int64) * n1);
	pfree(lists);
	PG_RETURN_POINTER(s);
}

static void
rs_append_list(StringInfo buf, const char *name, const int64 *v, int n)
{
	int			k;

	appendStringInfo(buf, ";%s=", name);
	for (k = 0; k < n; k++)
		appendStringInfo(buf, k > 0 ? "," INT64_FORMAT : INT64_FORMAT, v[k]);
}

/* retention_summary_out: version 2, or 1 for a summary of unknown period */
PG_FUNCTION_INFO_V1(retention_summary_out);
Datum
retention_summary_out(PG_FUNCTION_ARGS)
{
	RetentionSummary *s = PG_GETARG_RS_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	if (s->period_us == 0)
		appendStringInfo(&buf, "v1;entities=" INT64_FORMAT, s->entities);
	else
		appendStringInfo(&buf, "v%d;period_us=" INT64_FORMAT ";entities=" INT64_FORMAT,
						 RETENTION_VERSION, s->period_us, s->entities);
	rs_append_list(&buf, "eligible", RS_ELIGIBLE(s), s->nperiods);
	rs_append_list(&buf, "active", RS_ACTIVE(s), s->nperiods);
	rs_append_list(&buf, "on_or_after", RS_AFTER(s), s->nperiods);
	PG_RETURN_CSTRING(buf.data);
}

/*
 * retention_summary_recv: binary input with the checks of text input.
 * Version 2: version byte, int16 N, int64 period_us, int64 entities, then
 * the 3 N counts; version 1 (cjkpi 1.0) has no period_us.
 */
PG_FUNCTION_INFO_V1(retention_summary_recv);
Datum
retention_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			n = pq_getmsgint(buf, 2);
	int64		period_us = 0;
	RetentionSummary *s;
	int			k;

	if ((version != 1 && version != RETENTION_VERSION) || n < 1 || n > RETENTION_MAX_PERIODS)
		(void) rs_check(version, n, 1, 0, NULL, NULL, NULL,
						ERRCODE_INVALID_BINARY_REPRESENTATION, NULL);
	if (version != 1)
		period_us = pq_getmsgint64(buf);
	s = rs_new(n, period_us);
	s->entities = pq_getmsgint64(buf);
	for (k = 0; k < 3 * n; k++)
		s->counts[k] = pq_getmsgint64(buf);
	pq_getmsgend(buf);
	(void) rs_check(version, n, period_us, s->entities, RS_ELIGIBLE(s),
					RS_ACTIVE(s), RS_AFTER(s), ERRCODE_INVALID_BINARY_REPRESENTATION,
					NULL);
	PG_RETURN_POINTER(s);
}

/* retention_summary_send: binary output, version 1 for an unknown period */
PG_FUNCTION_INFO_V1(retention_summary_send);
Datum
retention_summary_send(PG_FUNCTION_ARGS)
{
	RetentionSummary *s = PG_GETARG_RS_P(0);
	StringInfoData buf;
	int			k;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, s->period_us == 0 ? 1 : RETENTION_VERSION);
	pq_sendint16(&buf, s->nperiods);
	if (s->period_us != 0)
		pq_sendint64(&buf, s->period_us);
	pq_sendint64(&buf, s->entities);
	for (k = 0; k < 3 * s->nperiods; k++)
		pq_sendint64(&buf, s->counts[k]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Add b into a, with overflow checks; returns a.  Both must have the same
 * number of periods and the same period length (two 1.0 values of unknown
 * period merge with each other, as they did in 1.0, but not with a value
 * that knows its period).
 */
static struct varlena *
rs_merge_into(struct varlena *into, const struct varlena *from)
{
	RetentionSummary *a = (RetentionSummary *) into;
	const RetentionSummary *b = (const RetentionSummary *) from;
	int			k;

	if (a->nperiods != b->nperiods)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge retention summaries with %d and %d periods",
						a->nperiods, b->nperiods)));
	if (a->period_us != b->period_us)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge retention summaries of different period lengths"),
				 errdetail("One has periods of %s, the other of %s.",
						   rs_period_text(a->period_us), rs_period_text(b->period_us)),
				 (a->period_us == 0 || b->period_us == 0) ?
				 errhint("Give a summary stored by cjkpi 1.0 its period with retention_with_period().") : 0));
	if (pg_add_s64_overflow(a->entities, b->entities, &a->entities))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("retention_summary count out of range")));
	for (k = 0; k < 3 * a->nperiods; k++)
		if (pg_add_s64_overflow(a->counts[k], b->counts[k], &a->counts[k]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("retention_summary count out of range")));
	return into;
}

static int64
rs_period_usecs(Interval *period)
{
	int64		usecs;

	if (period->month != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention period must not contain months or years"),
				 errdetail("Months and years have no fixed length."),
				 errhint("Use a fixed length such as interval '30 days'; for calendar months, use retention() with one condition per month, such as date_trunc('month', ts) = cohort_month + interval '1 month'.")));
	if (pg_mul_s64_overflow((int64) period->day, USECS_PER_DAY, &usecs) ||
		pg_add_s64_overflow(usecs, period->time, &usecs) || usecs <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention period must be positive")));
	return usecs;
}

/*
 * retention_agg(first_at, activity timestamptz[], period, periods, as_of)
 *
 * One row per entity: its first event and the times it was active.
 * Period n of an entity is [first + n * period, first + (n + 1) * period);
 * the entity counts for period n only once that period has fully elapsed at
 * as_of.  Activity before first_at is ignored, NULL elements are skipped.
 */
PG_FUNCTION_INFO_V1(retention_agg_transfn);
Datum
retention_agg_transfn(PG_FUNCTION_ARGS)
{
	RetentionSummary *state;
	TimestampTz first;
	int64		period;
	int32		nperiods;
	TimestampTz as_of;
	bool		active[RETENTION_MAX_PERIODS];
	int			last_active = -1;
	int			k;

	if (!cjkpi_state_is_ours(fcinfo))
		elog(ERROR, "retention_agg_transfn called in non-aggregate context");
	if (PG_ARGISNULL(3) || PG_ARGISNULL(4) || PG_ARGISNULL(5))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("retention_agg period, number of periods and as_of must not be null")));
	period = rs_period_usecs(PG_GETARG_INTERVAL_P(3));
	nperiods = PG_GETARG_INT32(4);
	as_of = PG_GETARG_TIMESTAMPTZ(5);
	if (nperiods < 1 || nperiods > RETENTION_MAX_PERIODS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention_agg number of periods must be between 1 and %d, not %d",
						RETENTION_MAX_PERIODS, nperiods)));

	/* the first state in per-call memory, then in place (see aggstate.h) */
	if (PG_ARGISNULL(0))
		state = rs_new(nperiods, period);
	else
		state = (RetentionSummary *) PG_GETARG_POINTER(0);
	if (state->nperiods != nperiods)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention_agg number of periods must be the same for all rows")));
	if (state->period_us != period)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention_agg period must be the same for all rows"),
				 errdetail("Got %s after %s.", rs_period_text(period),
						   rs_period_text(state->period_us))));

	/* an entity without a first event is not in any cohort */
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);
	first = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(first))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("retention_agg first_at must be finite")));

	memset(active, 0, sizeof(bool) * nperiods);
	if (!PG_ARGISNULL(2))
	{
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(2);
		int			n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
		const char *data = ARR_DATA_PTR(arr);
		const bits8 *nulls = ARR_NULLBITMAP(arr);
		int			i;

		for (i = 0; i < n; i++)
		{
			TimestampTz ts;
			int64		off;

			if (nulls && !(nulls[i >> 3] & (1 << (i & 7))))
				continue;
			memcpy(&ts, data, sizeof(TimestampTz));
			data += sizeof(TimestampTz);
			if (ts < first || TIMESTAMP_NOT_FINITE(ts))
				continue;
			if (pg_sub_s64_overflow(ts, first, &off))
				continue;
			off /= period;
			if (off < nperiods)
				active[off] = true;
			/* activity beyond the last period still counts as "on or after" */
			last_active = (int) Min(Max((int64) last_active, off), (int64) nperiods);
		}
	}

	if (pg_add_s64_overflow(state->entities, 1, &state->entities))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("retention_summary count out of range")));
	for (k = 0; k < nperiods; k++)
	{
		int64		end;

		/* period k is mature when first + (k + 1) * period <= as_of */
		if (pg_mul_s64_overflow((int64) (k + 1), period, &end) ||
			pg_add_s64_overflow(first, end, &end) || end > as_of)
			break;				/* later periods are immature too */
		RS_ELIGIBLE(state)[k]++;
		if (active[k])
			RS_ACTIVE(state)[k]++;
		if (last_active >= k)
			RS_AFTER(state)[k]++;
	}
	PG_RETURN_POINTER(state);
}

/*
 * retention_summary_merge: transition and combine function of
 * rollup(retention_summary) and combine function of retention_agg.
 * retention_summary_rollup_transfn is its 1.0 name, kept for 1.0 installs.
 */
PG_FUNCTION_INFO_V1(retention_summary_merge);
Datum
retention_summary_merge(PG_FUNCTION_ARGS)
{
	return cjkpi_merge_support(fcinfo, rs_fetch, rs_merge_into);
}

PG_FUNCTION_INFO_V1(retention_summary_rollup_transfn);
Datum
retention_summary_rollup_transfn(PG_FUNCTION_ARGS)
{
	return retention_summary_merge(fcinfo);
}

/* retention_summary + retention_summary */
PG_FUNCTION_INFO_V1(retention_summary_add);
Datum
retention_summary_add(PG_FUNCTION_ARGS)
{
	return cjkpi_add_support(fcinfo, rs_fetch, rs_merge_into);
}

/*
 * retention_periods(s): one row per period with eligible, active, rate,
 * on_or_after, rate_on_or_after (rates in percent, NULL when nobody is
 * eligible).
 */
PG_FUNCTION_INFO_V1(retention_summary_periods);
Datum
retention_summary_periods(PG_FUNCTION_ARGS)
{
	RetentionSummary *s = PG_GETARG_RS_P(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	MemoryContext old;
	int			k;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTupleDescCopy(tupdesc);
	store = tuplestore_begin_heap(true, false, work_mem);
	MemoryContextSwitchTo(old);

	for (k = 0; k < s->nperiods; k++)
	{
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		int64		e = RS_ELIGIBLE(s)[k];

		values[0] = Int32GetDatum(k);
		values[1] = Int64GetDatum(e);
		values[2] = Int64GetDatum(RS_ACTIVE(s)[k]);
		values[4] = Int64GetDatum(RS_AFTER(s)[k]);
		if (e > 0)
		{
			values[3] = Float8GetDatum(100.0 * (double) RS_ACTIVE(s)[k] / (double) e);
			values[5] = Float8GetDatum(100.0 * (double) RS_AFTER(s)[k] / (double) e);
		}
		else
			nulls[3] = nulls[5] = true;
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}

	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	return (Datum) 0;
}

/* retention_entities(s): entities counted (cohort size) */
PG_FUNCTION_INFO_V1(retention_summary_entities);
Datum
retention_summary_entities(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_RS_P(0)->entities);
}

/* retention_period(s): the period length, NULL for a 1.0 value that lacks it */
PG_FUNCTION_INFO_V1(retention_summary_period);
Datum
retention_summary_period(PG_FUNCTION_ARGS)
{
	RetentionSummary *s = PG_GETARG_RS_P(0);
	Interval   *iv;

	if (s->period_us == 0)
		PG_RETURN_NULL();
	iv = (Interval *) palloc(sizeof(Interval));
	iv->month = 0;
	iv->day = (int32) (s->period_us / USECS_PER_DAY);
	iv->time = s->period_us % USECS_PER_DAY;
	PG_RETURN_INTERVAL_P(iv);
}

/*
 * retention_with_period(s, period): s with its period stated, so that a
 * summary stored by cjkpi 1.0 (which did not record it) can be merged with
 * newer ones.  A summary that knows a different period is an error.
 */
PG_FUNCTION_INFO_V1(retention_summary_with_period);
Datum
retention_summary_with_period(PG_FUNCTION_ARGS)
{
	RetentionSummary *s = PG_GETARG_RS_P(0);
	int64		period = rs_period_usecs(PG_GETARG_INTERVAL_P(1));
	RetentionSummary *r;

	if (s->period_us != 0 && s->period_us != period)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention summary already has a period of %s, not %s",
						rs_period_text(s->period_us), rs_period_text(period))));
	r = (RetentionSummary *) cjkpi_varlena_copy((struct varlena *) s);
	r->period_us = period;
	PG_RETURN_POINTER(r);
}

/*
 * =, <>, <, <=, >, >= and the btree and hash support of retention_summary: the byte
 * order of the binary send form (see sumorder.h), a total order with no
 * meaning beyond telling values apart.
 */
CJKPI_SUMMARY_ORDER(retention_summary, retention_summary_send)
