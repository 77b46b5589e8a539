/*-------------------------------------------------------------------------
 *
 * ces.c
 *	  Customer Effort Score: the ces() and ces_agg() aggregates and the
 *	  ces_summary accessors, intervals and tests.
 *
 * CES is reported as the mean agreement score (CES 2.0: 1..7, "the company
 * made it easy", higher is better) with a Student t interval, or as % agree:
 * the share of responses above the scale's midpoint (5..7 of 7, 4..5 of 5)
 * with a Wilson interval.  Means are compared with Welch's t test.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "utils/array.h"
#include "utils/builtins.h"

#include "stats.h"
#include "summary.h"

/* Transition functions (plain and moving-aggregate) of ces(score), ces(score, scale) and ces_agg. */
KPI_TRANS_ALL(ces_trans, KPI_CES, KPI_CES_DEFAULT_SCALE, false)
KPI_TRANS_ALL(ces_trans_scale, KPI_CES, -1, false)
KPI_TRANS_ALL(ces_mtrans, KPI_CES, KPI_CES_DEFAULT_SCALE, true)
KPI_TRANS_ALL(ces_mtrans_scale, KPI_CES, -1, true)

/* Inverse transition functions, for sliding window frames. */
KPI_INV_ALL(ces_inv)

static KpiSummary *
ces_arg(FunctionCallInfo fcinfo, int argno)
{
	return kpi_summary_check(PG_GETARG_DATUM(argno), KPI_CES);
}

/* Responses above the midpoint of the scale: 2 * score > lo + hi. */
static int64
ces_agree(const KpiSummary *s)
{
	return kpi_count_range(s, (s->lo + s->hi) / 2 + 1, s->hi);
}

/*
 * Mean and sample variance of the scores, the variance in two passes over
 * the histogram so that it stays exact for any number of responses.
 */
typedef struct CesStats
{
	double		n;
	double		mean;
	double		var;			/* sample variance; valid when n >= 2 */
} CesStats;

static void
ces_stats(const KpiSummary *s, CesStats *st)
{
	KpiMoments	m;
	double		ss = 0.0;
	int			i;

	kpi_moments(s, &m);
	st->n = (double) m.n;
	st->mean = m.n > 0 ? m.sum / st->n : 0.0;
	for (i = 0; i < KPI_NBINS(s); i++)
	{
		double		dev = (s->lo + i) - st->mean;

		ss += (double) s->counts[i] * dev * dev;
	}
	st->var = m.n > 1 ? ss / (st->n - 1.0) : 0.0;
}

/*
 * ces(ces_summary): the mean effort score; NULL without responses.  Also
 * the final function of the ces(score) aggregates.
 */
PG_FUNCTION_INFO_V1(ces_summary_ces);
Datum
ces_summary_ces(PG_FUNCTION_ARGS)
{
	CesStats	st;

	ces_stats(ces_arg(fcinfo, 0), &st);
	if (st.n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(st.mean);
}

/* agree(ces_summary): responses above the midpoint of the scale. */
PG_FUNCTION_INFO_V1(ces_summary_agree);
Datum
ces_summary_agree(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(ces_agree(ces_arg(fcinfo, 0)));
}

/* agree_pct(ces_summary): % of responses above the midpoint. */
PG_FUNCTION_INFO_V1(ces_summary_agree_pct);
Datum
ces_summary_agree_pct(PG_FUNCTION_ARGS)
{
	KpiSummary *s = ces_arg(fcinfo, 0);
	int64		n = kpi_responses(s);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) ces_agree(s) / (double) n);
}

/* One end of the Wilson interval of % agree: (summary, confidence). */
static Datum
ces_agree_ci(FunctionCallInfo fcinfo, bool upper)
{
	KpiSummary *s = ces_arg(fcinfo, 0);

	return kpi_proportion_ci(fcinfo, ces_agree(s), kpi_responses(s), upper);
}

/* agree_ci_lower(ces_summary, confidence) */
PG_FUNCTION_INFO_V1(ces_summary_agree_ci_lower);
Datum
ces_summary_agree_ci_lower(PG_FUNCTION_ARGS)
{
	return ces_agree_ci(fcinfo, false);
}

/* agree_ci_upper(ces_summary, confidence) */
PG_FUNCTION_INFO_V1(ces_summary_agree_ci_upper);
Datum
ces_summary_agree_ci_upper(PG_FUNCTION_ARGS)
{
	return ces_agree_ci(fcinfo, true);
}

/*
 * One end of the t interval of the mean: mean +- t(1-alpha/2, n-1) s/sqrt(n),
 * clamped to the scale.  NULL with fewer than two responses, where the
 * spread is unknown.
 */
static Datum
ces_ci(FunctionCallInfo fcinfo, int sign)
{
	KpiSummary *s = ces_arg(fcinfo, 0);
	double		confidence = PG_GETARG_FLOAT8(1);
	CesStats	st;
	double		t;

	cjkpi_check_confidence(confidence);
	ces_stats(s, &st);
	if (st.n < 2)
		PG_RETURN_NULL();
	t = cjkpi_t_for_confidence(confidence, st.n - 1.0);
	/* like NPS and CSAT, never report an end outside the scale */
	PG_RETURN_FLOAT8(fmin(s->hi, fmax(s->lo,
									  st.mean + sign * t * sqrt(st.var / st.n))));
}

/* ci_lower(ces_summary, confidence) */
PG_FUNCTION_INFO_V1(ces_summary_ci_lower);
Datum
ces_summary_ci_lower(PG_FUNCTION_ARGS)
{
	return ces_ci(fcinfo, -1);
}

/* ci_upper(ces_summary, confidence) */
PG_FUNCTION_INFO_V1(ces_summary_ci_upper);
Datum
ces_summary_ci_upper(PG_FUNCTION_ARGS)
{
	return ces_ci(fcinfo, 1);
}

/*
 * significance(a, b, confidence): Welch's two-sided t test of the mean
 * scores, with Welch-Satterthwaite degrees of freedom, and the Welch
 * interval of the difference ces(a) - ces(b) (mean difference +- t * SE), on
 * the scale.  The z column holds the t statistic.  NULL with fewer than two
 * responses in a group; z, p_value and the interval NULL when neither group
 * varies.
 */
PG_FUNCTION_INFO_V1(ces_summary_significance);
Datum
ces_summary_significance(PG_FUNCTION_ARGS)
{
	KpiSummary *a = ces_arg(fcinfo, 0);
	KpiSummary *b = ces_arg(fcinfo, 1);
	double		confidence = PG_NARGS() > 2 ? PG_GETARG_FLOAT8(2) : 0.95;
	CjkpiTest	t = {0};
	CesStats	sa,
				sb;
	double		va,
				vb,
				se,
				df;

	cjkpi_check_confidence(confidence);
	kpi_require_same_scale(a, b, "compare");
	ces_stats(a, &sa);
	ces_stats(b, &sb);
	if (sa.n < 2 || sb.n < 2)
		PG_RETURN_NULL();
	va = sa.var / sa.n;
	vb = sb.var / sb.n;
	se = sqrt(va + vb);
	t.difference = sa.mean - sb.mean;
	if (se > 0.0)
	{
		double		tc;

		df = (va + vb) * (va + vb) /
			(va * va / (sa.n - 1.0) + vb * vb / (sb.n - 1.0));
		t.z = t.difference / se;
		t.p_value = cjkpi_t_two_sided_p(t.z, df);
		t.z_known = true;
		tc = cjkpi_t_for_confidence(confidence, df);
		t.ci_lower = t.difference - tc * se;
		t.ci_upper = t.difference + tc * se;
		t.ci_known = true;
	}
	return cjkpi_test_record(fcinfo, &t);
}

/*
 * significance(s, benchmark): one-tailed one-sample t test of whether the
 * mean is above a benchmark mean on the same scale.  p_value is P(T >= t).
 */
PG_FUNCTION_INFO_V1(ces_summary_significance_benchmark);
Datum
ces_summary_significance_benchmark(PG_FUNCTION_ARGS)
{
	KpiSummary *s = ces_arg(fcinfo, 0);
	double		benchmark = PG_GETARG_FLOAT8(1);
	CjkpiTest	t = {0};
	CesStats	st;
	double		se;

	if (!(benchmark >= s->lo && benchmark <= s->hi))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("CES benchmark must be on the summary's scale %d..%d, not %.15g",
						s->lo, s->hi, benchmark),
				 benchmark > 0.0 && benchmark < 1.0 ?
				 errhint("The benchmark is a mean score on the scale; for %% agree compare agree_pct() instead.") : 0));
	ces_stats(s, &st);
	if (st.n < 2)
		PG_RETURN_NULL();
	se = sqrt(st.var / st.n);
	t.difference = st.mean - benchmark;
	t.z_known = se > 0.0;
	if (t.z_known)
	{
		t.z = t.difference / se;
		t.p_value = cjkpi_t_sf(t.z, st.n - 1.0);
	}
	return cjkpi_test_record(fcinfo, &t);
}

/* ces_from_counts(bigint[]): one count per score 1..scale. */
PG_FUNCTION_INFO_V1(ces_from_counts_array);
Datum
ces_from_counts_array(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(kpi_summary_from_array(PG_GETARG_ARRAYTYPE_P(0), KPI_CES));
}
