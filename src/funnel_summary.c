/*-------------------------------------------------------------------------
 *
 * funnel_summary.c
 *	  The funnel_summary type: how many entities reached at least each step
 *	  of a funnel.  It is the result and the transition state of
 *	  funnel_agg(level, steps), merges with rollup() and +, and feeds the
 *	  accessors (reached, conversion, intervals, significance).
 *
 * Counts are cumulative ("reached at least step k"), because per-level
 * counts are what users misread.  Entities at level 0 are counted too, so
 * step_conversion(s, 1) is the entry rate.
 *
 * Stored format (version 1), 8-byte aligned, plain storage:
 *		int32	varlena header
 *		uint8	version
 *		uint8	number of steps n (1..32)
 *		uint16	reserved, zero
 *		int64	counts[0..n]: counts[0] = entities, counts[k] = reached step k
 * Text format: "v1;entities=E;reached=R1,R2,...,Rn".
 * Binary format: version byte, n byte, then the n + 1 counts as int64.
 * Invariant, checked on every input: E >= R1 >= R2 >= ... >= Rn >= 0.
 *
 * src/funnel_summary.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "aggstate.h"
#include "compat.h"
#include "funnel.h"
#include "sumorder.h"
#include "stats.h"
#include "sumtext.h"

#define FUNNEL_SUMMARY_VERSION 1

typedef struct FunnelSummary
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		nsteps;
	uint16		reserved;
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} FunnelSummary;

#define FUNNEL_SUMMARY_SIZE(n) (offsetof(FunnelSummary, counts) + sizeof(int64) * ((n) + 1))
#define DatumGetFunnelSummaryP(d) ((FunnelSummary *) PG_DETOAST_DATUM(d))
#define PG_GETARG_FUNNEL_SUMMARY_P(n) DatumGetFunnelSummaryP(PG_GETARG_DATUM(n))

static FunnelSummary *
funnel_summary_new(int nsteps)
{
	Size		size = FUNNEL_SUMMARY_SIZE(nsteps);
	FunnelSummary *s = (FunnelSummary *) palloc0(size);

	SET_VARSIZE(s, size);
	s->version = FUNNEL_SUMMARY_VERSION;
	s->nsteps = (uint8) nsteps;
	return s;
}

/*
 * The checks shared by text and binary input (and the stored-value check):
 * a known version, 1..32 steps, counts non-negative and non-increasing.
 * Returns false after a soft error (text input on PostgreSQL 16+).
 */
static bool
funnel_summary_check(int version, int nsteps, const int64 *counts,
					 int errcode_syntax, const char *input, Node *escontext)
{
	int			k;

	if (version != FUNNEL_SUMMARY_VERSION)
		ereturn(escontext, false,
				(errcode(errcode_syntax),
				 errmsg("unsupported funnel_summary version %d", version),
				 errdetail("This version of cjkpi reads version %d.",
						   FUNNEL_SUMMARY_VERSION)));
	if (nsteps < 1 || nsteps > FUNNEL_MAX_STEPS)
		ereturn(escontext, false,
				(errcode(errcode_syntax),
				 errmsg("funnel_summary must have between 1 and %d steps, not %d",
						FUNNEL_MAX_STEPS, nsteps)));
	for (k = 0; k <= nsteps; k++)
	{
		if (counts[k] < 0)
			ereturn(escontext, false,
					(errcode(errcode_syntax),
					 errmsg("funnel_summary counts must not be negative"),
					 input ? errdetail("Input: \"%s\".", input) : 0));
		if (k > 0 && counts[k] > counts[k - 1])
			ereturn(escontext, false,
					(errcode(errcode_syntax),
					 errmsg("funnel_summary counts must not increase from one step to the next"),
					 k == 1 ?
					 errdetail("Step 1 is reached by %lld entities but only %lld entities are counted.",
							   (long long) counts[1], (long long) counts[0]) :
					 errdetail("Step %d is reached by %lld entities but step %d only by %lld.",
							   k, (long long) counts[k], k - 1, (long long) counts[k - 1]),
					 errhint("The counts are cumulative: reached=R1,R2,... with R1 >= R2 >= ... and entities >= R1.")));
	}
	return true;
}

/* funnel_summary_in: parse "v1;entities=E;reached=R1,...,Rn" */
PG_FUNCTION_INFO_V1(funnel_summary_in);
Datum
funnel_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	SumText		t;
	int64		counts[FUNNEL_MAX_STEPS + 2];
	int			version;
	int			n = 0;
	FunnelSummary *s;

	sumtext_init(&t, input, "funnel_summary", CJKPI_ESCONTEXT(fcinfo));
	if (!sumtext_version(&t, &version))
		PG_RETURN_NULL();
	if (version != FUNNEL_SUMMARY_VERSION)
	{
		(void) funnel_summary_check(version, 1, counts, ERRCODE_INVALID_TEXT_REPRESENTATION,
									input, t.escontext);
		PG_RETURN_NULL();
	}
	/* one count more than allowed, so that too many steps reads as such */
	if (!sumtext_expect(&t, ";entities=") || !sumtext_int64(&t, &counts[0]) ||
		!sumtext_expect(&t, ";reached=") ||
		!sumtext_int64_list(&t, counts + 1, FUNNEL_MAX_STEPS + 1, &n) ||
		!sumtext_end(&t))
		PG_RETURN_NULL();
	if (!funnel_summary_check(version, n, counts, ERRCODE_INVALID_TEXT_REPRESENTATION,
							  input, t.escontext))
		PG_RETURN_NULL();
	s = funnel_summary_new(n);
	memcpy(s->counts, counts, sizeof(int64) * (n + 1));
	PG_RETURN_POINTER(s);
}

/* funnel_summary_out: the text format, independent of any setting */
PG_FUNCTION_INFO_V1(funnel_summary_out);
Datum
funnel_summary_out(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	StringInfoData buf;
	int			k;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d;entities=" INT64_FORMAT ";reached=",
					 s->version, s->counts[0]);
	for (k = 1; k <= s->nsteps; k++)
		appendStringInfo(&buf, k > 1 ? "," INT64_FORMAT : INT64_FORMAT,
						 s->counts[k]);
	PG_RETURN_CSTRING(buf.data);
}

/* funnel_summary_recv: binary input, with every check of text input */
PG_FUNCTION_INFO_V1(funnel_summary_recv);
Datum
funnel_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version,
				n,
				k;
	int64		counts[FUNNEL_MAX_STEPS + 1];
	FunnelSummary *s;

	version = pq_getmsgbyte(buf);
	n = pq_getmsgbyte(buf);
	if (version == FUNNEL_SUMMARY_VERSION && n >= 1 && n <= FUNNEL_MAX_STEPS)
	{
		for (k = 0; k <= n; k++)
			counts[k] = pq_getmsgint64(buf);
	}
	(void) funnel_summary_check(version, n, counts,
								ERRCODE_INVALID_BINARY_REPRESENTATION, NULL, NULL);
	pq_getmsgend(buf);

	s = funnel_summary_new(n);
	memcpy(s->counts, counts, sizeof(int64) * (n + 1));
	PG_RETURN_POINTER(s);
}

/* funnel_summary_send: binary output */
PG_FUNCTION_INFO_V1(funnel_summary_send);
Datum
funnel_summary_send(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	StringInfoData buf;
	int			k;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, s->version);
	pq_sendbyte(&buf, s->nsteps);
	for (k = 0; k <= s->nsteps; k++)
		pq_sendint64(&buf, s->counts[k]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Add b into a (same number of steps), with overflow checks; returns a. */
static struct varlena *
funnel_summary_merge_into(struct varlena *into, const struct varlena *from)
{
	FunnelSummary *a = (FunnelSummary *) into;
	const FunnelSummary *b = (const FunnelSummary *) from;
	int			k;

	if (a->nsteps != b->nsteps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge funnel summaries with %d and %d steps",
						a->nsteps, b->nsteps),
				 errdetail("Only summaries of the same funnel can be merged.")));
	for (k = 0; k <= a->nsteps; k++)
		if (pg_add_s64_overflow(a->counts[k], b->counts[k], &a->counts[k]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("funnel_summary count out of range")));
	return into;
}

/*
 * A summary argument of a support function, detoasted and checked: values
 * are validated on input, so a failure here means corrupted storage, but a
 * size that disagrees with the step count must never be trusted.
 */
static struct varlena *
funnel_summary_fetch(Datum d)
{
	FunnelSummary *s = DatumGetFunnelSummaryP(d);

	if (VARSIZE(s) < offsetof(FunnelSummary, counts) ||
		s->nsteps < 1 || s->nsteps > FUNNEL_MAX_STEPS ||
		VARSIZE(s) != FUNNEL_SUMMARY_SIZE(s->nsteps))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid funnel_summary value of %u bytes",
						(unsigned int) VARSIZE(s))));
	(void) funnel_summary_check(s->version, s->nsteps, s->counts,
								ERRCODE_DATA_CORRUPTED, NULL, NULL);
	return (struct varlena *) s;
}

/*
 * funnel_agg transition: count one entity at the given level.  In aggregate
 * context the state is updated in place; called directly, it works on a
 * copy.  A NULL level is not an entity and is skipped.
 */
PG_FUNCTION_INFO_V1(funnel_agg_transfn);
Datum
funnel_agg_transfn(PG_FUNCTION_ARGS)
{
	FunnelSummary *state;
	int32		level,
				steps,
				k;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("funnel_agg number of steps must not be null")));
	steps = PG_GETARG_INT32(2);
	if (steps < 1 || steps > FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_agg number of steps must be between 1 and %d, not %d",
						FUNNEL_MAX_STEPS, steps)));

	/* the first state in per-call memory, then in place (see aggstate.h) */
	if (PG_ARGISNULL(0))
		state = funnel_summary_new(steps);
	else if (cjkpi_state_is_ours(fcinfo))
		state = PG_GETARG_FUNNEL_SUMMARY_P(0);
	else
		state = (FunnelSummary *)
			cjkpi_varlena_copy(funnel_summary_fetch(PG_GETARG_DATUM(0)));

	if (state->nsteps != steps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_agg number of steps must be the same for all rows"),
				 errdetail("Got %d after %d.", steps, state->nsteps)));

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);
	level = PG_GETARG_INT32(1);
	if (level < 0 || level > steps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel level %d is out of range for a funnel with %d steps",
						level, steps),
				 errhint("Levels run from 0 (never entered) to the number of steps.")));

	for (k = 0; k <= level; k++)
		if (pg_add_s64_overflow(state->counts[k], 1, &state->counts[k]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("funnel_summary count out of range")));
	PG_RETURN_POINTER(state);
}

/*
 * funnel_summary_merge: transition and combine function of
 * rollup(funnel_summary) and combine function of funnel_agg; NULL on either
 * side is no summary.  funnel_summary_rollup_transfn is its 1.0 name, kept
 * for installs at version 1.0.
 */
PG_FUNCTION_INFO_V1(funnel_summary_merge);
Datum
funnel_summary_merge(PG_FUNCTION_ARGS)
{
	return cjkpi_merge_support(fcinfo, funnel_summary_fetch,
							   funnel_summary_merge_into);
}

PG_FUNCTION_INFO_V1(funnel_summary_rollup_transfn);
Datum
funnel_summary_rollup_transfn(PG_FUNCTION_ARGS)
{
	return funnel_summary_merge(fcinfo);
}

/* funnel_summary + funnel_summary: the merged summary */
PG_FUNCTION_INFO_V1(funnel_summary_add);
Datum
funnel_summary_add(PG_FUNCTION_ARGS)
{
	return cjkpi_add_support(fcinfo, funnel_summary_fetch,
							 funnel_summary_merge_into);
}

/* validate a step argument: 0..n where allow_zero, else 1..n */
static void
funnel_check_step(const FunnelSummary *s, int32 k, bool allow_zero)
{
	if (k < (allow_zero ? 0 : 1) || k > s->nsteps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel step %d is out of range", k),
				 errdetail("The funnel has steps 1 to %d.", s->nsteps)));
}

/* z for a confidence level; the check and its error are shared with the KPIs */
static double
funnel_check_confidence(double c)
{
	return cjkpi_z_for_confidence(c);
}

/* step_count(s): the number of steps of the funnel */
PG_FUNCTION_INFO_V1(funnel_summary_steps);
Datum
funnel_summary_steps(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_FUNNEL_SUMMARY_P(0)->nsteps);
}

/* entities(s): all entities counted, level 0 included */
PG_FUNCTION_INFO_V1(funnel_summary_entities);
Datum
funnel_summary_entities(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_FUNNEL_SUMMARY_P(0)->counts[0]);
}

/* reached(s, k): entities that reached at least step k (k = 0: all) */
PG_FUNCTION_INFO_V1(funnel_summary_reached);
Datum
funnel_summary_reached(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	int32		k = PG_GETARG_INT32(1);

	funnel_check_step(s, k, true);
	PG_RETURN_INT64(s->counts[k]);
}

/*
 * conversion(s, k): percent (0-100) of the entities that reached step 1
 * that reached step k; NULL when nobody entered.  Every rate of cjkpi is in
 * percent and every difference of rates in percentage points.
 */
PG_FUNCTION_INFO_V1(funnel_summary_conversion);
Datum
funnel_summary_conversion(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	int32		k = PG_GETARG_INT32(1);

	funnel_check_step(s, k, false);
	if (s->counts[1] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) s->counts[k] / (double) s->counts[1]);
}

/*
 * step_conversion(s, k): percent reached(k) / reached(k - 1); for k = 1 that
 * is the entry rate reached(1) / entities.  NULL when the denominator is 0.
 */
PG_FUNCTION_INFO_V1(funnel_summary_step_conversion);
Datum
funnel_summary_step_conversion(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	int32		k = PG_GETARG_INT32(1);

	funnel_check_step(s, k, false);
	if (s->counts[k - 1] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) s->counts[k] / (double) s->counts[k - 1]);
}

/* drop_off(s, k): entities that reached step k - 1 but not step k */
PG_FUNCTION_INFO_V1(funnel_summary_drop_off);
Datum
funnel_summary_drop_off(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	int32		k = PG_GETARG_INT32(1);

	funnel_check_step(s, k, false);
	PG_RETURN_INT64(s->counts[k - 1] - s->counts[k]);
}

/* (lower, upper) in percent for a Wilson interval of x out of n, NULLs for n = 0 */
static Datum
funnel_interval_result(FunctionCallInfo fcinfo, int64 x, int64 n, double z)
{
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	double		lo,
				hi;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	if (n <= 0)
		nulls[0] = nulls[1] = true;
	else
	{
		cjkpi_wilson((double) x, (double) n, z, &lo, &hi);
		values[0] = Float8GetDatum(100.0 * lo);
		values[1] = Float8GetDatum(100.0 * hi);
	}
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

/* conversion_interval(s, k, confidence): Wilson interval of conversion */
PG_FUNCTION_INFO_V1(funnel_summary_conversion_interval);
Datum
funnel_summary_conversion_interval(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	int32		k = PG_GETARG_INT32(1);
	double		z = funnel_check_confidence(PG_GETARG_FLOAT8(2));

	funnel_check_step(s, k, false);
	PG_RETURN_DATUM(funnel_interval_result(fcinfo, s->counts[k], s->counts[1], z));
}

/* step_conversion_interval(s, k, confidence): Wilson interval, step to step */
PG_FUNCTION_INFO_V1(funnel_summary_step_conversion_interval);
Datum
funnel_summary_step_conversion_interval(PG_FUNCTION_ARGS)
{
	FunnelSummary *s = PG_GETARG_FUNNEL_SUMMARY_P(0);
	int32		k = PG_GETARG_INT32(1);
	double		z = funnel_check_confidence(PG_GETARG_FLOAT8(2));

	funnel_check_step(s, k, false);
	PG_RETURN_DATUM(funnel_interval_result(fcinfo, s->counts[k], s->counts[k - 1], z));
}

/*
 * significance(a, b, k): pooled two-proportion z test of conversion(k)
 * (reached(k) / reached(1)) between a and b.  difference = p_a - p_b in
 * percentage points, so a positive z means a converts better.  z and p_value are NULL when the
 * pooled standard error is 0 (both rates 0 or both 1) or a side is empty.
 */
PG_FUNCTION_INFO_V1(funnel_summary_significance);
Datum
funnel_summary_significance(PG_FUNCTION_ARGS)
{
	FunnelSummary *a = PG_GETARG_FUNNEL_SUMMARY_P(0);
	FunnelSummary *b = PG_GETARG_FUNNEL_SUMMARY_P(1);
	int32		k = PG_GETARG_INT32(2);
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	double		n1,
				n2,
				x1,
				x2,
				p,
				se;

	if (a->nsteps != b->nsteps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compare funnel summaries with %d and %d steps",
						a->nsteps, b->nsteps)));
	funnel_check_step(a, k, false);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	n1 = (double) a->counts[1];
	n2 = (double) b->counts[1];
	x1 = (double) a->counts[k];
	x2 = (double) b->counts[k];
	if (n1 == 0 || n2 == 0)
	{
		nulls[0] = nulls[1] = nulls[2] = true;
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
	}
	/* a - b, like every other significance(), in percentage points */
	values[0] = Float8GetDatum(100.0 * (x1 / n1 - x2 / n2));
	p = (x1 + x2) / (n1 + n2);
	se = sqrt(p * (1.0 - p) * (1.0 / n1 + 1.0 / n2));
	if (!(se > 0.0))
		nulls[1] = nulls[2] = true;
	else
	{
		double		z = (x1 / n1 - x2 / n2) / se;

		values[1] = Float8GetDatum(z);
		values[2] = Float8GetDatum(2.0 * cjkpi_norm_sf(fabs(z)));
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * =, <>, <, <=, >, >= and the btree and hash support of funnel_summary: the byte
 * order of the binary send form (see sumorder.h), a total order with no
 * meaning beyond telling values apart.
 */
CJKPI_SUMMARY_ORDER(funnel_summary, funnel_summary_send)
