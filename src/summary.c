/*-------------------------------------------------------------------------
 *
 * summary.c
 *	  The survey summary types (nps_summary, csat_summary, ces_summary):
 *	  text and binary I/O, validation, merging, and the aggregate support
 *	  shared by the three KPIs.
 *
 * Text format, version 1:
 *
 *		v1 nps 0..10 {0,0,1,0,2,0,3,4,5,6,7}
 *		v1 csat 1..5 categories-only {10,0,0,0,30}
 *
 * i.e. the format version, the KPI, the scale, an optional flag and one count
 * per score from the lowest to the highest.  Output never depends on GUCs and
 * input accepts exactly what output produces (plus extra white space), so
 * values round-trip through pg_dump, COPY and distributed engines.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "compat.h"
#include "stats.h"
#include "summary.h"

/* KPI names in the text format, and as error messages spell them */
static const char *const kind_names[] = {NULL, "nps", "csat", "ces"};
static const char *const kind_labels[] = {NULL, "NPS", "CSAT", "CES"};
static const char *const type_names[] = {
	NULL, "nps_summary", "csat_summary", "ces_summary"
};

const char *
kpi_kind_label(KpiKind kind)
{
	Assert(kind >= KPI_NPS && kind <= KPI_CES);
	return kind_labels[kind];
}

/* Allocate an empty summary in the current memory context. */
KpiSummary *
kpi_summary_new(KpiKind kind, int lo, int hi)
{
	Size		size = KPI_SUMMARY_SIZE(hi - lo + 1);
	KpiSummary *s = (KpiSummary *) palloc0(size);

	SET_VARSIZE(s, size);
	s->version = KPI_SUMMARY_VERSION;
	s->kind = kind;
	s->lo = lo;
	s->hi = hi;
	return s;
}

/*
 * Detoast a summary argument and make sure it is of the expected KPI.  The
 * SQL types already keep the KPIs apart; this guards against C-level misuse
 * (and hand-made binary-coercible casts), so one KPI's accessor can never
 * silently read another KPI's counts.
 */
KpiSummary *
kpi_summary_check(Datum d, KpiKind kind)
{
	KpiSummary *s = DatumGetKpiSummary(d);

	if (s->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("%s summary used where a %s summary is required",
						s->kind >= KPI_NPS && s->kind <= KPI_CES ?
						kind_labels[s->kind] : "unknown", kind_labels[kind])));
	return s;
}

static void
kpi_total_out_of_range(const KpiSummary *s)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s summary count out of range", kind_labels[s->kind]),
			 errdetail("The summary holds more than 2^63-1 responses.")));
}

int64
kpi_count_range(const KpiSummary *s, int from, int to)
{
	int64		total = 0;
	int			score;

	/*
	 * Input and merging keep the total below 2^63, but a state built from a
	 * user aggregate's INITCOND can still be pushed past it by its
	 * transition function: an error, never a wrapped count.
	 */
	for (score = Max(from, s->lo); score <= Min(to, s->hi); score++)
		if (pg_add_s64_overflow(total, s->counts[score - s->lo], &total))
			kpi_total_out_of_range(s);
	return total;
}

int64
kpi_responses(const KpiSummary *s)
{
	return kpi_count_range(s, s->lo, s->hi);
}

void
kpi_moments(const KpiSummary *s, KpiMoments *m)
{
	int			i;

	m->n = 0;
	m->sum = 0.0;
	for (i = 0; i < KPI_NBINS(s); i++)
	{
		double		score = s->lo + i;
		double		c = (double) s->counts[i];

		if (pg_add_s64_overflow(m->n, s->counts[i], &m->n))
			kpi_total_out_of_range(s);
		m->sum += c * score;
	}
}

/*
 * Figures that need per-score counts (the mean and everything built on it)
 * are unknown for summaries built from category counts: refuse rather than
 * return a number that looks right and is not.
 */
void
kpi_require_histogram(const KpiSummary *s, const char *what)
{
	if (s->flags & KPI_FLAG_CATEGORIES)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("%s is unknown for a summary built from category counts",
						what),
				 errdetail("The summary holds category totals, not a count per score."),
				 errhint("Build the summary from per-score counts to read %s.", what)));
}

/* Validate a CSAT or CES scale (the number of points, starting at 1). */
int
kpi_check_scale(KpiKind kind, int64 scale)
{
	if (scale < KPI_MIN_SCALE || scale > KPI_MAX_SCALE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s scale must be between %d and %d, not " INT64_FORMAT,
						kind_labels[kind], KPI_MIN_SCALE, KPI_MAX_SCALE, scale),
				 errdetail("The scale is the number of answer points, from 1 to the scale.")));
	return (int) scale;
}

/*
 * A CSAT or CES score above the scale but on a longer scale the aggregate
 * could have been told about (csat(score) on 1..10 data) most likely means
 * the scale argument is missing: say so.
 */
static int
scale_hint(const KpiSummary *s, int64 score)
{
	if (s->kind == KPI_NPS || score <= s->hi || score > KPI_MAX_SCALE)
		return 0;
	return errhint("If the survey uses a longer scale, pass it as the second argument, as in %s(score, 10) for a 1 to 10 scale.",
				   kind_names[s->kind]);
}

void
kpi_score_out_of_range(const KpiSummary *s, int64 score)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s score " INT64_FORMAT " is out of range",
					kind_labels[s->kind], score),
			 errdetail("Valid %s scores are integers from %d to %d.",
					   kind_labels[s->kind], s->lo, s->hi),
			 scale_hint(s, score)));
}

void
kpi_score_not_integral(const KpiSummary *s, Datum numeric_score)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s score %s is not an integer", kind_labels[s->kind],
					DatumGetCString(DirectFunctionCall1(numeric_out,
														numeric_score))),
			 errdetail("Valid %s scores are integers from %d to %d.",
					   kind_labels[s->kind], s->lo, s->hi)));
}

/*
 * Fetch (or create, on the first non-null score of a group) the transition
 * state of a survey aggregate.  Arguments: (state, score [, scale]).  scale
 * is the scale for CSAT/CES when the aggregate has no scale argument; for
 * the two-argument forms pass -1 and the third argument is used.
 *
 * Once created, the state is updated in place: only legal because we are
 * called as an aggregate, so refuse to run otherwise (a direct call would
 * scribble on its input).
 *
 * The new state is built in the per-call memory context, not the aggregate
 * context: whenever a transition function returns a pointer other than its
 * old state, nodeAgg and nodeWindowAgg copy the value into the aggregate
 * context themselves (ExecAggTransReparent, ExecAggCopyTransValue in 16+),
 * so a state allocated there would be copied once and the original leaked,
 * doubling the memory of every group of a hash aggregate.
 */
KpiSummary *
kpi_trans_state(FunctionCallInfo fcinfo, KpiKind kind, int scale)
{
	KpiSummary *state;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "%s transition function called in non-aggregate context",
			 kind_labels[kind]);

	if (scale < 0)
	{
		if (PG_ARGISNULL(2))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s scale must not be null", kind_labels[kind])));
		scale = PG_GETARG_INT32(2);
		if (!PG_ARGISNULL(0))
		{
			state = (KpiSummary *) PG_GETARG_POINTER(0);

			/*
			 * An empty state (a sliding frame whose scores were all NULL or
			 * have all been removed) has no scale yet: it takes this row's,
			 * as the first score of a plain aggregate would.
			 */
			if (state->hi != scale && kpi_responses(state) == 0)
				return kpi_summary_new(kind, 1, kpi_check_scale(kind, scale));
			if (state->hi != scale)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s scale changes within a group, from %d to %d",
								kind_labels[kind], state->hi, scale),
						 errdetail("All rows aggregated together must use the same scale.")));
			return state;
		}
		kpi_check_scale(kind, scale);
	}
	else if (!PG_ARGISNULL(0))
		return (KpiSummary *) PG_GETARG_POINTER(0);

	return kind == KPI_NPS ? kpi_summary_new(kind, 0, 10) :
		kpi_summary_new(kind, 1, scale);
}

/*
 * The empty state a moving-aggregate transition returns for a NULL score
 * when it has no state yet (it may not return NULL).  A NULL score says
 * nothing about the scale, so the scale argument is not read: a plain
 * aggregate ignores it on such rows too.  The state takes the scale of the
 * first score it counts (see kpi_trans_state).
 */
KpiSummary *
kpi_empty_state(FunctionCallInfo fcinfo, KpiKind kind, int scale)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "%s transition function called in non-aggregate context",
			 kind_labels[kind]);
	if (kind == KPI_NPS)
		return kpi_summary_new(kind, 0, 10);
	if (scale < 0)
		scale = kind == KPI_CSAT ? KPI_CSAT_DEFAULT_SCALE : KPI_CES_DEFAULT_SCALE;
	return kpi_summary_new(kind, 1, scale);
}

/*
 * Numeric scores are recognised by hash: the hash of every score any scale
 * can hold (0..KPI_MAX_SCALE) is cached, so a row costs one hash_numeric and
 * one numeric_cmp to confirm the match (numeric hashing ignores trailing
 * zeros, so 9.0 is the score 9).  Anything that matches no score takes the
 * slow path that explains why.
 *
 * The cache covers every scale at once and is built once per call site: a
 * cache keyed on the scale would be rebuilt (and its numerics leaked into
 * query-lifetime memory) whenever consecutive groups of a hash aggregate use
 * different scales.
 */
typedef struct NumericScores
{
	uint32		hashes[KPI_MAX_SCALE + 1];	/* hash of score i */
	Datum		values[KPI_MAX_SCALE + 1];	/* score i as numeric */
} NumericScores;

static NumericScores *
numeric_scores(FunctionCallInfo fcinfo)
{
	NumericScores *cache = (NumericScores *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		int			i;

		cache = palloc(sizeof(NumericScores));
		for (i = 0; i <= KPI_MAX_SCALE; i++)
		{
			cache->values[i] = DirectFunctionCall1(int4_numeric,
												   Int32GetDatum(i));
			cache->hashes[i] = DatumGetUInt32(DirectFunctionCall1(hash_numeric,
																  cache->values[i]));
		}
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

/*
 * The score of a numeric argument (argument 1): an integral value on the
 * summary's scale; anything else is an error that says why.  NaN and
 * infinities are not scores either.
 */
static int
kpi_numeric_score(FunctionCallInfo fcinfo, const KpiSummary *state)
{
	NumericScores *scores;
	Numeric		n;
	Datum		num;
	uint32		hash;
	int32		rounded;
	bool		overflow = false;
	int			i;

	n = PG_GETARG_NUMERIC(1);	/* detoast once for all calls below */
	num = NumericGetDatum(n);

	scores = numeric_scores(fcinfo);
	hash = DatumGetUInt32(DirectFunctionCall1(hash_numeric, num));
	for (i = state->lo; i <= state->hi; i++)
	{
		if (scores->hashes[i] == hash &&
			DatumGetInt32(DirectFunctionCall2(numeric_cmp, num,
											  scores->values[i])) == 0)
			return i;
	}

	/* not a score: say whether it is off the scale or not an integer */
	if (cjkpi_numeric_is_special(n))
		kpi_score_not_integral(state, num);
	rounded = numeric_int4_opt_error(n, &overflow);
	if (!overflow && rounded >= state->lo && rounded <= state->hi)
		kpi_score_not_integral(state, num);
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s score %s is out of range", kind_labels[state->kind],
					DatumGetCString(DirectFunctionCall1(numeric_out, num))),
			 errdetail("Valid %s scores are integers from %d to %d.",
					   kind_labels[state->kind], state->lo, state->hi),
			 overflow ? 0 : scale_hint(state, rounded)));
	return -1;					/* keep compiler quiet */
}

/*
 * The score of a real or double precision argument: an integral value, which
 * kpi_add_score then checks against the scale.  Fractions, NaN and
 * infinities are refused with the same errors as numeric scores give;
 * single says the value was a real, for the message.
 */
int64
kpi_float_score(const KpiSummary *s, double score, bool single)
{
	char		buf[64];

	if (likely(score >= -1e15 && score <= 1e15 && score == rint(score)))
		return (int64) score;
	/* the value as float4out / float8out would print it */
	if (single)
		float_to_shortest_decimal_buf((float) score, buf);
	else
		double_to_shortest_decimal_buf(score, buf);
	if (isnan(score) || isinf(score) || (score >= s->lo && score <= s->hi))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s score %s is not an integer", kind_labels[s->kind], buf),
				 errdetail("Valid %s scores are integers from %d to %d.",
						   kind_labels[s->kind], s->lo, s->hi)));
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s score %s is out of range", kind_labels[s->kind], buf),
			 errdetail("Valid %s scores are integers from %d to %d.",
					   kind_labels[s->kind], s->lo, s->hi),
			 score > s->hi && score <= KPI_MAX_SCALE ? scale_hint(s, (int64) score) : 0));
	return -1;					/* keep compiler quiet */
}

/* Transition for numeric scores (see KPI_TRANS_INT for "moving"). */
Datum
kpi_trans_numeric(FunctionCallInfo fcinfo, KpiKind kind, int scale,
				  bool moving)
{
	KpiSummary *state;

	if (PG_ARGISNULL(1))
	{
		if (!PG_ARGISNULL(0))
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		if (!moving)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(kpi_empty_state(fcinfo, kind, scale));
	}
	state = kpi_trans_state(fcinfo, kind, scale);
	kpi_add_score(state, kpi_numeric_score(fcinfo, state));
	PG_RETURN_POINTER(state);
}

/*
 * Inverse transition of the survey aggregates in moving-aggregate mode
 * (sliding window frames): (state, score [, scale]) -> state with one
 * response of that score removed, in place.  type selects how argument 1
 * is read.
 */
Datum
kpi_inverse(FunctionCallInfo fcinfo, int64 score, KpiScoreType type)
{
	KpiSummary *state;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "inverse transition function called in non-aggregate context");
	state = (KpiSummary *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);
	if (type == KPI_SCORE_NUMERIC)
		score = kpi_numeric_score(fcinfo, state);
	else if (type == KPI_SCORE_FLOAT4)
		score = kpi_float_score(state, PG_GETARG_FLOAT4(1), true);
	else if (type == KPI_SCORE_FLOAT8)
		score = kpi_float_score(state, PG_GETARG_FLOAT8(1), false);
	/*
	 * Our own aggregates only remove what they added, but an aggregate
	 * declared by a user can pair this function with any forward function:
	 * never let a count go below zero.
	 */
	if (score < state->lo || score > state->hi || state->counts[score - state->lo] <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove %s score " INT64_FORMAT " from a summary that holds none",
						kind_labels[state->kind], score),
				 errdetail("An inverse transition function can only remove a score its forward transition function counted.")));
	state->counts[score - state->lo]--;
	PG_RETURN_POINTER(state);
}

/*
 * Check everything about a summary's fields that text and binary input
 * share, and build it.  Returns NULL after a soft error.
 */
static KpiSummary *
kpi_summary_build(KpiKind kind, int version, int flags, int lo, int hi,
				  int ncounts, const int64 *counts, int errcode_repr,
				  Node *escontext)
{
	KpiSummary *s;
	int64		total = 0;
	int			i;

	if (version != KPI_SUMMARY_VERSION)
		ereturn(escontext, NULL,
				(errcode(errcode_repr),
				 errmsg("unsupported %s format version %d", type_names[kind], version),
				 errdetail("This version of cjkpi reads format version %d.",
						   KPI_SUMMARY_VERSION)));
	if (flags & ~KPI_FLAGS_ALL)
		ereturn(escontext, NULL,
				(errcode(errcode_repr),
				 errmsg("invalid flags 0x%x in %s value", flags, type_names[kind])));
	/* a CES is a mean: a summary without per-score counts has no figures */
	if (kind == KPI_CES && (flags & KPI_FLAG_CATEGORIES))
		ereturn(escontext, NULL,
				(errcode(errcode_repr),
				 errmsg("a %s value cannot be categories-only", type_names[kind]),
				 errdetail("Every CES figure needs the count of each score.")));
	if (kind == KPI_NPS ? (lo != 0 || hi != 10) :
		(lo != 1 || hi < KPI_MIN_SCALE || hi > KPI_MAX_SCALE))
	{
		if (kind == KPI_NPS)
			ereturn(escontext, NULL,
					(errcode(errcode_repr),
					 errmsg("invalid scale %d..%d in %s value", lo, hi, type_names[kind]),
					 errdetail("An nps_summary always covers scores 0..10.")));
		else
			ereturn(escontext, NULL,
					(errcode(errcode_repr),
					 errmsg("invalid scale %d..%d in %s value", lo, hi, type_names[kind]),
					 errdetail("The scale must run from 1 to between %d and %d.",
							   KPI_MIN_SCALE, KPI_MAX_SCALE)));
	}
	if (ncounts != hi - lo + 1)
		ereturn(escontext, NULL,
				(errcode(errcode_repr),
				 errmsg("%s value has %d counts for scale %d..%d",
						type_names[kind], ncounts, lo, hi),
				 errdetail("There must be one count per score, %d in all.",
						   hi - lo + 1)));
	for (i = 0; i < ncounts; i++)
	{
		if (counts[i] < 0)
			ereturn(escontext, NULL,
					(errcode(errcode_repr),
					 errmsg("negative count in %s value", type_names[kind])));
		if (pg_add_s64_overflow(total, counts[i], &total))
			ereturn(escontext, NULL,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s value has more than %s responses",
							type_names[kind], "2^63-1")));
	}

	s = kpi_summary_new(kind, lo, hi);
	s->flags = flags;
	memcpy(s->counts, counts, sizeof(int64) * ncounts);
	return s;
}

/* Read an unsigned decimal integer; false if none or on overflow. */
static bool
parse_uint(const char **p, int64 *result)
{
	const char *s = *p;
	int64		v = 0;

	if (!isdigit((unsigned char) *s))
		return false;
	while (isdigit((unsigned char) *s))
	{
		if (pg_mul_s64_overflow(v, 10, &v) ||
			pg_add_s64_overflow(v, *s - '0', &v))
			return false;
		s++;
	}
	*p = s;
	*result = v;
	return true;
}

static void
skip_space(const char **p)
{
	while (isspace((unsigned char) **p))
		(*p)++;
}

#define SYNTAX_ERROR(detail) \
	ereturn(escontext, (Datum) 0, \
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
			 errmsg("invalid input syntax for type %s: \"%s\"", \
					type_names[kind], str), \
			 errdetail(detail)))

static Datum
kpi_summary_in_common(const char *str, KpiKind kind, Node *escontext)
{
	const char *p = str;
	int64		version;
	int64		lo;
	int64		hi;
	int			flags = 0;
	int64		counts[KPI_MAX_SCALE + 1];
	int			ncounts = 0;
	size_t		len;
	KpiSummary *s;

	skip_space(&p);
	if (*p++ != 'v' || !parse_uint(&p, &version) || version > 255)
		SYNTAX_ERROR("A summary starts with its format version, such as \"v1\".");
	skip_space(&p);
	len = strlen(kind_names[kind]);
	if (strncmp(p, kind_names[kind], len) != 0 || isalnum((unsigned char) p[len]))
		SYNTAX_ERROR("The format version must be followed by the KPI name of this type.");
	p += len;
	skip_space(&p);
	if (!parse_uint(&p, &lo) || strncmp(p, "..", 2) != 0)
		SYNTAX_ERROR("The KPI name must be followed by the scale, such as \"1..5\".");
	p += 2;
	if (!parse_uint(&p, &hi) || lo > 255 || hi > 255)
		SYNTAX_ERROR("The KPI name must be followed by the scale, such as \"1..5\".");
	skip_space(&p);
	if (strncmp(p, "categories-only", 15) == 0)
	{
		flags |= KPI_FLAG_CATEGORIES;
		p += 15;
		skip_space(&p);
	}
	if (*p++ != '{')
		SYNTAX_ERROR("The counts must be enclosed in braces.");
	for (;;)
	{
		skip_space(&p);
		if (ncounts >= lengthof(counts))
			SYNTAX_ERROR("There are more counts than scores on any scale.");
		if (!parse_uint(&p, &counts[ncounts]))
			SYNTAX_ERROR("Each count must be a non-negative integer below 2^63.");
		ncounts++;
		skip_space(&p);
		if (*p == ',')
			p++;
		else if (*p == '}')
		{
			p++;
			break;
		}
		else
			SYNTAX_ERROR("Counts must be separated by commas and end with \"}\".");
	}
	skip_space(&p);
	if (*p != '\0')
		SYNTAX_ERROR("Unexpected text follows the closing brace.");

	s = kpi_summary_build(kind, (int) version, flags, (int) lo, (int) hi,
						  ncounts, counts, ERRCODE_INVALID_TEXT_REPRESENTATION,
						  escontext);
	if (s == NULL)
		return (Datum) 0;
	return PointerGetDatum(s);
}

#define SUMMARY_IN(fname, kind) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	Datum		result = kpi_summary_in_common(PG_GETARG_CSTRING(0), kind, \
											   CJKPI_ESCONTEXT(fcinfo)); \
	if (result == (Datum) 0) \
		PG_RETURN_NULL(); \
	PG_RETURN_DATUM(result); \
}

/* Text input of each summary type: the KPI name in the text must match. */
SUMMARY_IN(nps_summary_in, KPI_NPS)
SUMMARY_IN(csat_summary_in, KPI_CSAT)
SUMMARY_IN(ces_summary_in, KPI_CES)

/*
 * Text output, shared by the three types: the value carries its KPI.
 */
PG_FUNCTION_INFO_V1(kpi_summary_out);
Datum
kpi_summary_out(PG_FUNCTION_ARGS)
{
	KpiSummary *s = PG_GETARG_KPI_SUMMARY(0);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d %s %d..%d %s{", s->version,
					 kind_names[s->kind], s->lo, s->hi,
					 (s->flags & KPI_FLAG_CATEGORIES) ? "categories-only " : "");
	for (i = 0; i < KPI_NBINS(s); i++)
		appendStringInfo(&buf, "%s" INT64_FORMAT, i ? "," : "", s->counts[i]);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary format, version 1: version, kind, flags, lo, hi as bytes, then one
 * int64 count per score.
 */
PG_FUNCTION_INFO_V1(kpi_summary_send);
Datum
kpi_summary_send(PG_FUNCTION_ARGS)
{
	KpiSummary *s = PG_GETARG_KPI_SUMMARY(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, s->version);
	pq_sendbyte(&buf, s->kind);
	pq_sendbyte(&buf, s->flags);
	pq_sendbyte(&buf, s->lo);
	pq_sendbyte(&buf, s->hi);
	for (i = 0; i < KPI_NBINS(s); i++)
		pq_sendint64(&buf, s->counts[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Binary input runs every check that text input runs. */
static Datum
kpi_summary_recv_common(StringInfo buf, KpiKind kind)
{
	int			version = pq_getmsgbyte(buf);
	int			stored_kind = pq_getmsgbyte(buf);
	int			flags = pq_getmsgbyte(buf);
	int			lo = pq_getmsgbyte(buf);
	int			hi = pq_getmsgbyte(buf);
	int64		counts[KPI_MAX_SCALE + 1];
	int			ncounts;
	int			i;

	if (version != KPI_SUMMARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported %s format version %d", type_names[kind], version)));
	if (stored_kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("binary %s value holds a summary of another KPI",
						type_names[kind])));
	ncounts = hi - lo + 1;
	if (ncounts < 1 || ncounts > lengthof(counts))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid scale %d..%d in %s value", lo, hi, type_names[kind])));
	for (i = 0; i < ncounts; i++)
		counts[i] = pq_getmsgint64(buf);
	if (buf->cursor != buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("extra data after %s value", type_names[kind])));
	return PointerGetDatum(kpi_summary_build(kind, version, flags, lo, hi,
											 ncounts, counts,
											 ERRCODE_INVALID_BINARY_REPRESENTATION,
											 NULL));
}

#define SUMMARY_RECV(fname, kind) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_DATUM(kpi_summary_recv_common((StringInfo) PG_GETARG_POINTER(0), \
											kind)); \
}

/* Binary input of each summary type. */
SUMMARY_RECV(nps_summary_recv, KPI_NPS)
SUMMARY_RECV(csat_summary_recv, KPI_CSAT)
SUMMARY_RECV(ces_summary_recv, KPI_CES)

/*
 * Two summaries can be merged or compared only on the same scale; action is
 * the verb of the error message ("merge", "compare").
 */
void
kpi_require_same_scale(const KpiSummary *a, const KpiSummary *b,
					   const char *action)
{
	if (a->lo != b->lo || a->hi != b->hi)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot %s %s summaries with different scales",
						action, kind_labels[a->kind]),
				 errdetail("One summary covers scores %d..%d, the other %d..%d.",
						   a->lo, a->hi, b->lo, b->hi)));
}

/* Add b's counts to a; both must be of the same KPI and scale. */
static void
kpi_merge_into(KpiSummary *a, const KpiSummary *b)
{
	int64		total;
	int			i;

	if (a->kind != b->kind)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("cannot merge a %s summary with a %s summary",
						kind_labels[a->kind], kind_labels[b->kind])));
	kpi_require_same_scale(a, b, "merge");
	for (i = 0; i < KPI_NBINS(a); i++)
	{
		if (pg_add_s64_overflow(a->counts[i], b->counts[i], &a->counts[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s summary count out of range", kind_labels[a->kind])));
	}
	/* a merge with category-only counts leaves only category figures */
	a->flags |= b->flags;

	/* every count fits, but the total must too, or the value won't read back */
	total = 0;
	for (i = 0; i < KPI_NBINS(a); i++)
		if (pg_add_s64_overflow(total, a->counts[i], &total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s summary count out of range", kind_labels[a->kind]),
					 errdetail("The merged summary would hold more than 2^63-1 responses.")));
}

static KpiSummary *
kpi_summary_copy(const KpiSummary *s)
{
	KpiSummary *copy = (KpiSummary *) palloc(VARSIZE(s));

	memcpy(copy, s, VARSIZE(s));
	return copy;
}

/*
 * Merge two summaries.  As an aggregate transition or combine function
 * (rollup() and the combine step of every survey aggregate) it merges into
 * the state in place, starting from a copy of the first non-null input;
 * NULL on either side is skipped.  Called plainly (the + operator),
 * it returns a new value and leaves both inputs alone.
 */
PG_FUNCTION_INFO_V1(kpi_summary_merge);
Datum
kpi_summary_merge(PG_FUNCTION_ARGS)
{
	KpiSummary *state;
	KpiSummary *next;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	next = PG_GETARG_KPI_SUMMARY(1);

	if (AggCheckCallContext(fcinfo, NULL))
	{
		/*
		 * The first summary becomes the state: a private copy, which the
		 * executor copies into the aggregate context (see kpi_trans_state).
		 */
		if (PG_ARGISNULL(0))
			PG_RETURN_POINTER(kpi_summary_copy(next));
		state = (KpiSummary *) PG_GETARG_POINTER(0);
	}
	else
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_POINTER(kpi_summary_copy(next));
		state = kpi_summary_copy(PG_GETARG_KPI_SUMMARY(0));
	}
	kpi_merge_into(state, next);
	PG_RETURN_POINTER(state);
}

/* responses(summary): the number of (non-null) responses counted. */
PG_FUNCTION_INFO_V1(kpi_summary_responses);
Datum
kpi_summary_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(kpi_responses(PG_GETARG_KPI_SUMMARY(0)));
}

/*
 * Moving final function of nps_agg(), csat_agg() and ces_agg(): the state,
 * or NULL when the frame holds no responses, as outside a window.
 */
PG_FUNCTION_INFO_V1(kpi_summary_nonempty);
Datum
kpi_summary_nonempty(PG_FUNCTION_ARGS)
{
	KpiSummary *s = PG_GETARG_KPI_SUMMARY(0);

	if (kpi_responses(s) == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(s);
}

/* mean(summary): the mean score; NULL without responses. */
PG_FUNCTION_INFO_V1(kpi_summary_mean);
Datum
kpi_summary_mean(PG_FUNCTION_ARGS)
{
	KpiSummary *s = PG_GETARG_KPI_SUMMARY(0);
	KpiMoments	m;

	kpi_require_histogram(s, "the mean score");
	kpi_moments(s, &m);
	if (m.n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(m.sum / (double) m.n);
}

/*
 * Build a summary from an array of per-score counts (exports of survey
 * tools).  For NPS the array has 11 counts, for scores 0..10; for CSAT and
 * CES one count per point of the scale, so its length is the scale.
 */
KpiSummary *
kpi_summary_from_array(ArrayType *arr, KpiKind kind)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int64		counts[KPI_MAX_SCALE + 1];
	int			i;
	int			lo;
	int			hi;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("counts must be a one-dimensional array")));
	deconstruct_array(arr, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	if (kind == KPI_NPS)
	{
		lo = 0;
		hi = 10;
		if (n != 11)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("nps counts must have 11 elements, not %d", n),
					 errhint("Pass one count per score from 0 to 10, with 0 for scores nobody gave.")));
	}
	else
	{
		lo = 1;
		hi = n;
		if (n < KPI_MIN_SCALE || n > KPI_MAX_SCALE)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s counts must have between %d and %d elements, not %d",
							kind_labels[kind], KPI_MIN_SCALE, KPI_MAX_SCALE, n),
					 errhint("Pass one count per score from 1 to the scale.")));
	}
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("counts must not contain nulls")));
		counts[i] = DatumGetInt64(elems[i]);
		if (counts[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("counts must not be negative")));
	}
	return kpi_summary_build(kind, KPI_SUMMARY_VERSION, 0, lo, hi, n, counts,
							 ERRCODE_INVALID_PARAMETER_VALUE, NULL);
}

/*
 * Build a category-only summary: each category's total sits on one score of
 * that category and the flag records that per-score detail is unknown.
 */
KpiSummary *
kpi_summary_from_categories(KpiKind kind, int hi, const int *scores,
							const int64 *totals, int ncat)
{
	int			lo = (kind == KPI_NPS) ? 0 : 1;
	int64		counts[KPI_MAX_SCALE + 1] = {0};
	int			i;

	for (i = 0; i < ncat; i++)
	{
		if (totals[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("category counts must not be negative")));
		counts[scores[i] - lo] = totals[i];
	}
	return kpi_summary_build(kind, KPI_SUMMARY_VERSION, KPI_FLAG_CATEGORIES,
							 lo, hi, hi - lo + 1, counts,
							 ERRCODE_INVALID_PARAMETER_VALUE, NULL);
}

/*
 * An interval/test method name, in any case ("Wald" is "wald").
 */
KpiMethod
kpi_parse_method(text *method)
{
	char	   *m = text_to_cstring(method);

	if (pg_strcasecmp(m, "adjusted-wald") == 0)
		return KPI_METHOD_ADJUSTED_WALD;
	if (pg_strcasecmp(m, "wald") == 0)
		return KPI_METHOD_WALD;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown NPS method \"%s\"", m),
			 errhint("Valid methods are \"adjusted-wald\" and \"wald\".")));
	return KPI_METHOD_WALD;		/* keep compiler quiet */
}

/*
 * One end of the Wilson interval, in percent, of x successes in n responses
 * at the confidence level in argument 1; NULL without responses.  Shared by
 * CSAT % and CES % agree.
 */
Datum
kpi_proportion_ci(FunctionCallInfo fcinfo, int64 x, int64 n, bool upper)
{
	double		z = cjkpi_z_for_confidence(PG_GETARG_FLOAT8(1));
	double		lo,
				hi;

	if (n == 0)
		PG_RETURN_NULL();
	cjkpi_wilson((double) x, (double) n, z, &lo, &hi);
	PG_RETURN_FLOAT8(100.0 * (upper ? hi : lo));
}

/*
 * Two summaries are equal when their bytes are: same version, KPI, flags,
 * scale and counts (padding is always zero: values are built with palloc0).
 */
static bool
kpi_summary_equal(FunctionCallInfo fcinfo)
{
	KpiSummary *a = PG_GETARG_KPI_SUMMARY(0);
	KpiSummary *b = PG_GETARG_KPI_SUMMARY(1);

	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

/* summary = summary */
PG_FUNCTION_INFO_V1(kpi_summary_eq);
Datum
kpi_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpi_summary_equal(fcinfo));
}

/* summary <> summary */
PG_FUNCTION_INFO_V1(kpi_summary_ne);
Datum
kpi_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!kpi_summary_equal(fcinfo));
}

/* Hash of a summary's bytes, consistent with kpi_summary_eq. */
PG_FUNCTION_INFO_V1(kpi_summary_hash);
Datum
kpi_summary_hash(PG_FUNCTION_ARGS)
{
	KpiSummary *s = PG_GETARG_KPI_SUMMARY(0);

	return hash_any((unsigned char *) VARDATA(s), VARSIZE(s) - VARHDRSZ);
}

/*
 * A total order on summaries, for sorting: btree indexes, ORDER BY, merge
 * joins, sort-planned DISTINCT and rollup(DISTINCT v).  It orders by the
 * stored form (scale, then the count of each score from the lowest, then
 * flags and version) and has no KPI meaning: a summary that sorts first need
 * not have the lower score.  Ties are broken by the bytes, so cmp is 0
 * exactly when kpi_summary_equal holds and the order agrees with = and hash.
 */
static int
kpi_summary_compare(FunctionCallInfo fcinfo)
{
	KpiSummary *a = PG_GETARG_KPI_SUMMARY(0);
	KpiSummary *b = PG_GETARG_KPI_SUMMARY(1);
	int			i;

	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	for (i = 0; i < KPI_NBINS(a); i++)
		if (a->counts[i] != b->counts[i])
			return a->counts[i] < b->counts[i] ? -1 : 1;
	if (a->flags != b->flags)
		return a->flags < b->flags ? -1 : 1;
	if (a->version != b->version)
		return a->version < b->version ? -1 : 1;
	if (VARSIZE(a) != VARSIZE(b))
		return VARSIZE(a) < VARSIZE(b) ? -1 : 1;
	i = memcmp(a, b, VARSIZE(a));
	return (i > 0) - (i < 0);
}

/* btree support function: -1, 0 or 1. */
PG_FUNCTION_INFO_V1(kpi_summary_cmp);
Datum
kpi_summary_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(kpi_summary_compare(fcinfo));
}

/* summary < summary, in the order of kpi_summary_cmp */
PG_FUNCTION_INFO_V1(kpi_summary_lt);
Datum
kpi_summary_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpi_summary_compare(fcinfo) < 0);
}

/* summary <= summary */
PG_FUNCTION_INFO_V1(kpi_summary_le);
Datum
kpi_summary_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpi_summary_compare(fcinfo) <= 0);
}

/* summary > summary */
PG_FUNCTION_INFO_V1(kpi_summary_gt);
Datum
kpi_summary_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpi_summary_compare(fcinfo) > 0);
}

/* summary >= summary */
PG_FUNCTION_INFO_V1(kpi_summary_ge);
Datum
kpi_summary_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpi_summary_compare(fcinfo) >= 0);
}
