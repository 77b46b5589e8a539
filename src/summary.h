/*-------------------------------------------------------------------------
 *
 * summary.h
 *	  The survey summary: a score histogram shared by nps_summary,
 *	  csat_summary and ces_summary.
 *
 * A summary keeps one int64 count per score on its scale, so every figure
 * (KPI, mean, intervals, tests) can be derived later and two summaries merge
 * by adding counts.  The same varlena is the aggregates' transition state:
 * it is allocated once per group in the aggregate memory context and updated
 * in place, and because it is a real type (not "internal") distributed
 * engines can ship partial states through its text or binary I/O.
 *
 * On-disk layout (version 1).  The version byte comes first so a later
 * release can read and convert older values.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_SUMMARY_H
#define CJKPI_SUMMARY_H

#include "fmgr.h"
#include "nodes/nodes.h"

#define KPI_SUMMARY_VERSION		1

typedef enum KpiKind
{
	KPI_NPS = 1,
	KPI_CSAT = 2,
	KPI_CES = 3
} KpiKind;

/*
 * The summary was built from category counts (promoters/passives/detractors
 * or satisfied/total) rather than per-score counts: category figures are
 * exact, but the mean and anything derived from it is unknown.
 */
#define KPI_FLAG_CATEGORIES		0x01
#define KPI_FLAGS_ALL			(KPI_FLAG_CATEGORIES)

/* Scales: NPS is always 0..10; CSAT and CES are 1..scale. */
#define KPI_MIN_SCALE			3
#define KPI_MAX_SCALE			10
#define KPI_CSAT_DEFAULT_SCALE	5
#define KPI_CES_DEFAULT_SCALE	7

typedef struct KpiSummary
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* KPI_SUMMARY_VERSION */
	uint8		kind;			/* KpiKind */
	uint8		flags;			/* KPI_FLAG_* */
	uint8		lo;				/* lowest score on the scale */
	uint8		hi;				/* highest score on the scale */
	int64		counts[FLEXIBLE_ARRAY_MEMBER];	/* counts[score - lo] */
} KpiSummary;

#define KPI_NBINS(s)			((s)->hi - (s)->lo + 1)
#define KPI_SUMMARY_SIZE(nbins) \
	(offsetof(KpiSummary, counts) + sizeof(int64) * (nbins))

#define DatumGetKpiSummary(d)	((KpiSummary *) PG_DETOAST_DATUM(d))
#define PG_GETARG_KPI_SUMMARY(n) DatumGetKpiSummary(PG_GETARG_DATUM(n))

/* Plain totals derived from the histogram. */
typedef struct KpiMoments
{
	int64		n;				/* responses */
	double		sum;			/* sum of scores */
} KpiMoments;

extern const char *kpi_kind_label(KpiKind kind);
extern KpiSummary *kpi_summary_new(KpiKind kind, int lo, int hi);
extern KpiSummary *kpi_summary_check(Datum d, KpiKind kind);
extern int64 kpi_responses(const KpiSummary *s);
extern int64 kpi_count_range(const KpiSummary *s, int from, int to);
extern void kpi_moments(const KpiSummary *s, KpiMoments *m);
extern void kpi_require_histogram(const KpiSummary *s, const char *what);
extern void kpi_require_same_scale(const KpiSummary *a, const KpiSummary *b,
								   const char *action);
extern int	kpi_check_scale(KpiKind kind, int64 scale);
extern void kpi_score_out_of_range(const KpiSummary *s, int64 score);
extern void kpi_score_not_integral(const KpiSummary *s, Datum numeric_score);

extern KpiSummary *kpi_summary_from_array(struct ArrayType *arr, KpiKind kind);
extern KpiSummary *kpi_summary_from_categories(KpiKind kind, int hi,
											   const int *scores,
											   const int64 *totals, int ncat);

/* Aggregate transition helpers (see summary.c). */
extern KpiSummary *kpi_trans_state(FunctionCallInfo fcinfo, KpiKind kind,
								   int scale);
extern KpiSummary *kpi_empty_state(FunctionCallInfo fcinfo, KpiKind kind,
								   int scale);
extern Datum kpi_trans_numeric(FunctionCallInfo fcinfo, KpiKind kind,
							   int scale, bool moving);
/* How an inverse transition reads its score argument. */
typedef enum KpiScoreType
{
	KPI_SCORE_INT,				/* already read: the score parameter */
	KPI_SCORE_NUMERIC,
	KPI_SCORE_FLOAT4,
	KPI_SCORE_FLOAT8
} KpiScoreType;

extern Datum kpi_inverse(FunctionCallInfo fcinfo, int64 score, KpiScoreType type);
extern int64 kpi_float_score(const KpiSummary *s, double score, bool single);

/*
 * Count one score.  The hot path of every survey aggregate: one range check
 * and one increment, no allocation.
 */
static inline void
kpi_add_score(KpiSummary *s, int64 score)
{
	if (unlikely(score < s->lo || score > s->hi))
		kpi_score_out_of_range(s, score);
	/* a count cannot realistically reach 2^63, but never wrap silently */
	if (unlikely(s->counts[score - s->lo] == PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s summary count out of range", kpi_kind_label(s->kind))));
	s->counts[score - s->lo]++;
}

/*
 * Transition functions of the survey aggregates, one per score type:
 * (state, score [, scale]) -> state.  NULL scores are skipped; the first
 * non-null score of a group creates the state.  scale is the fixed scale of
 * the aggregate, or -1 when it takes the scale as its third argument.
 *
 * The moving variants (MSFUNC, for sliding window frames) differ in one way:
 * PostgreSQL does not let a moving-aggregate transition return NULL, so they
 * create an empty state even for a NULL score (without reading the scale,
 * which a NULL score does not use); the moving final functions turn an empty
 * state back into NULL.
 */
#define KPI_TRANS_INT(fname, kind, scale, getarg, moving) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	KpiSummary *state; \
	if (PG_ARGISNULL(1)) \
	{ \
		if (!PG_ARGISNULL(0)) \
			PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
		if (!(moving)) \
			PG_RETURN_NULL(); \
		PG_RETURN_POINTER(kpi_empty_state(fcinfo, kind, scale)); \
	} \
	state = kpi_trans_state(fcinfo, kind, scale); \
	kpi_add_score(state, getarg(1)); \
	PG_RETURN_POINTER(state); \
}

/*
 * Floating-point scores (data loaded from pandas arrives as floats): only
 * integral values on the scale count, like numeric scores.
 */
#define KPI_GETARG_FLOAT4_SCORE(n)	kpi_float_score(state, PG_GETARG_FLOAT4(n), true)
#define KPI_GETARG_FLOAT8_SCORE(n)	kpi_float_score(state, PG_GETARG_FLOAT8(n), false)

#define KPI_TRANS_NUMERIC(fname, kind, scale, moving) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	return kpi_trans_numeric(fcinfo, kind, scale, moving); \
}

/*
 * All six score types (smallint, integer, bigint, numeric, real, double
 * precision) of one form.
 */
#define KPI_TRANS_ALL(prefix, kind, scale, moving) \
	KPI_TRANS_INT(prefix##_int2, kind, scale, PG_GETARG_INT16, moving) \
	KPI_TRANS_INT(prefix##_int4, kind, scale, PG_GETARG_INT32, moving) \
	KPI_TRANS_INT(prefix##_int8, kind, scale, PG_GETARG_INT64, moving) \
	KPI_TRANS_NUMERIC(prefix##_numeric, kind, scale, moving) \
	KPI_TRANS_INT(prefix##_float4, kind, scale, KPI_GETARG_FLOAT4_SCORE, moving) \
	KPI_TRANS_INT(prefix##_float8, kind, scale, KPI_GETARG_FLOAT8_SCORE, moving)

/* One end of a Wilson interval in percent (confidence in argument 1). */
extern Datum kpi_proportion_ci(FunctionCallInfo fcinfo, int64 x, int64 n,
							   bool upper);

/*
 * Inverse transition functions (moving-aggregate mode), one per score type;
 * a scale argument, if any, is ignored: the state already has its scale.
 */
#define KPI_INV_ALL(prefix) \
PG_FUNCTION_INFO_V1(prefix##_int2); \
Datum \
prefix##_int2(PG_FUNCTION_ARGS) \
{ \
	return kpi_inverse(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT16(1), KPI_SCORE_INT); \
} \
PG_FUNCTION_INFO_V1(prefix##_int4); \
Datum \
prefix##_int4(PG_FUNCTION_ARGS) \
{ \
	return kpi_inverse(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1), KPI_SCORE_INT); \
} \
PG_FUNCTION_INFO_V1(prefix##_int8); \
Datum \
prefix##_int8(PG_FUNCTION_ARGS) \
{ \
	return kpi_inverse(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT64(1), KPI_SCORE_INT); \
} \
PG_FUNCTION_INFO_V1(prefix##_numeric); \
Datum \
prefix##_numeric(PG_FUNCTION_ARGS) \
{ \
	return kpi_inverse(fcinfo, 0, KPI_SCORE_NUMERIC); \
} \
PG_FUNCTION_INFO_V1(prefix##_float4); \
Datum \
prefix##_float4(PG_FUNCTION_ARGS) \
{ \
	return kpi_inverse(fcinfo, 0, KPI_SCORE_FLOAT4); \
} \
PG_FUNCTION_INFO_V1(prefix##_float8); \
Datum \
prefix##_float8(PG_FUNCTION_ARGS) \
{ \
	return kpi_inverse(fcinfo, 0, KPI_SCORE_FLOAT8); \
}

/* Parse an interval/test method name for NPS. */
typedef enum KpiMethod
{
	KPI_METHOD_ADJUSTED_WALD,
	KPI_METHOD_WALD
} KpiMethod;
extern KpiMethod kpi_parse_method(text *method);

#endif							/* CJKPI_SUMMARY_H */
