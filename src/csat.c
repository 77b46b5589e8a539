/*-------------------------------------------------------------------------
 *
 * csat.c
 *	  Customer Satisfaction Score: the csat() and csat_agg() aggregates and
 *	  the csat_summary accessors, intervals and tests.
 *
 * CSAT % is the share of responses in the top two boxes of the scale (4 and 5
 * on 1..5).  Intervals are Wilson score intervals, which stay inside 0..100
 * and behave at 0 % and 100 %; two groups are compared with the pooled
 * two-proportion z test.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "utils/array.h"
#include "utils/builtins.h"

#include "stats.h"
#include "summary.h"

/* Transition functions (plain and moving-aggregate) of csat(score), csat(score, scale) and csat_agg. */
KPI_TRANS_ALL(csat_trans, KPI_CSAT, KPI_CSAT_DEFAULT_SCALE, false)
KPI_TRANS_ALL(csat_trans_scale, KPI_CSAT, -1, false)
KPI_TRANS_ALL(csat_mtrans, KPI_CSAT, KPI_CSAT_DEFAULT_SCALE, true)
KPI_TRANS_ALL(csat_mtrans_scale, KPI_CSAT, -1, true)

/* Inverse transition functions, for sliding window frames. */
KPI_INV_ALL(csat_inv)

/* Satisfied responses: the top two boxes. */
static int64
csat_satisfied(const KpiSummary *s)
{
	return kpi_count_range(s, s->hi - 1, s->hi);
}

static KpiSummary *
csat_arg(FunctionCallInfo fcinfo, int argno)
{
	return kpi_summary_check(PG_GETARG_DATUM(argno), KPI_CSAT);
}

/*
 * csat(csat_summary): % of responses in the top two boxes; NULL without
 * responses.  Also the final function of the csat(score) aggregates.
 */
PG_FUNCTION_INFO_V1(csat_summary_csat);
Datum
csat_summary_csat(PG_FUNCTION_ARGS)
{
	KpiSummary *s = csat_arg(fcinfo, 0);
	int64		n = kpi_responses(s);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) csat_satisfied(s) / (double) n);
}

/* satisfied(csat_summary): responses in the top two boxes. */
PG_FUNCTION_INFO_V1(csat_summary_satisfied);
Datum
csat_summary_satisfied(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(csat_satisfied(csat_arg(fcinfo, 0)));
}

/* One end of the Wilson interval of CSAT %: (summary, confidence). */
static Datum
csat_ci(FunctionCallInfo fcinfo, bool upper)
{
	KpiSummary *s = csat_arg(fcinfo, 0);

	return kpi_proportion_ci(fcinfo, csat_satisfied(s), kpi_responses(s), upper);
}

/* ci_lower(csat_summary, confidence) */
PG_FUNCTION_INFO_V1(csat_summary_ci_lower);
Datum
csat_summary_ci_lower(PG_FUNCTION_ARGS)
{
	return csat_ci(fcinfo, false);
}

/* ci_upper(csat_summary, confidence) */
PG_FUNCTION_INFO_V1(csat_summary_ci_upper);
Datum
csat_summary_ci_upper(PG_FUNCTION_ARGS)
{
	return csat_ci(fcinfo, true);
}

/*
 * significance(a, b, confidence): pooled two-proportion z test of CSAT %,
 * two-sided.  difference = csat(a) - csat(b) in percentage points, with
 * Newcombe's hybrid score interval (his method 10), also in points.
 */
PG_FUNCTION_INFO_V1(csat_summary_significance);
Datum
csat_summary_significance(PG_FUNCTION_ARGS)
{
	KpiSummary *a = csat_arg(fcinfo, 0);
	KpiSummary *b = csat_arg(fcinfo, 1);
	double		zc = cjkpi_z_for_confidence(PG_NARGS() > 2 ? PG_GETARG_FLOAT8(2) : 0.95);
	double		na = (double) kpi_responses(a);
	double		nb = (double) kpi_responses(b);
	double		xa = (double) csat_satisfied(a);
	double		xb = (double) csat_satisfied(b);
	CjkpiTest	t = {0};
	double		pooled,
				se,
				diff;

	kpi_require_same_scale(a, b, "compare");
	if (na == 0 || nb == 0)
		PG_RETURN_NULL();
	diff = xa / na - xb / nb;
	pooled = (xa + xb) / (na + nb);
	se = sqrt(pooled * (1.0 - pooled) * (1.0 / na + 1.0 / nb));
	t.difference = 100.0 * diff;
	t.z_known = se > 0.0;
	if (t.z_known)
	{
		t.z = diff / se;
		t.p_value = 2.0 * cjkpi_norm_sf(fabs(t.z));
	}
	cjkpi_newcombe(xa, na, xb, nb, zc, &t.ci_lower, &t.ci_upper);
	t.ci_lower *= 100.0;
	t.ci_upper *= 100.0;
	t.ci_known = true;
	return cjkpi_test_record(fcinfo, &t);
}

/*
 * significance(s, benchmark): one-tailed one-sample z test of whether CSAT %
 * is above a benchmark percentage (1 < benchmark < 100), with the standard
 * error under the benchmark.  p_value is P(Z >= z).  A benchmark of 1 or
 * less is almost surely a fraction (0.70 for 70 %) and is refused.
 */
PG_FUNCTION_INFO_V1(csat_summary_significance_benchmark);
Datum
csat_summary_significance_benchmark(PG_FUNCTION_ARGS)
{
	KpiSummary *s = csat_arg(fcinfo, 0);
	double		benchmark = PG_GETARG_FLOAT8(1);
	double		n = (double) kpi_responses(s);
	double		p0 = benchmark / 100.0;
	CjkpiTest	t = {0};
	double		p;

	if (!(benchmark > 1.0 && benchmark < 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("CSAT benchmark must be a percentage above 1 and below 100, not %.15g",
						benchmark),
				 errhint("The benchmark is a percentage of satisfied responses: write 70 for 70 %%, not 0.70.")));
	if (n == 0)
		PG_RETURN_NULL();
	p = (double) csat_satisfied(s) / n;
	t.difference = 100.0 * p - benchmark;
	t.z = (p - p0) / sqrt(p0 * (1.0 - p0) / n);
	t.p_value = cjkpi_norm_sf(t.z);
	t.z_known = true;
	return cjkpi_test_record(fcinfo, &t);
}

/* A planned CSAT % (argument argno) as a fraction, checked. */
static double
csat_planned(FunctionCallInfo fcinfo, int argno)
{
	double		p = PG_GETARG_FLOAT8(argno);

	if (!(p >= 0.0 && p <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("planned CSAT must be a percentage between 0 and 100, not %g", p)));
	return p / 100.0;
}

/*
 * csat_sample_size(moe, csat, confidence): the responses needed for a
 * margin of error of at most moe percentage points on CSAT %, the normal
 * approximation n = z^2 p (1 - p) / (moe / 100)^2 (Cochran), with p the
 * planned CSAT (50 % by default, the largest variance: 385 responses for
 * +-5 points at 95 %).
 */
PG_FUNCTION_INFO_V1(csat_sample_size);
Datum
csat_sample_size(PG_FUNCTION_ARGS)
{
	double		moe = PG_GETARG_FLOAT8(0);
	double		p = csat_planned(fcinfo, 1);
	double		z = cjkpi_z_for_confidence(PG_GETARG_FLOAT8(2));

	if (!(moe > 0.0 && moe <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("CSAT margin of error must be above 0 and at most 100 points, not %g", moe)));
	PG_RETURN_INT64(cjkpi_sample_size(z * z * p * (1.0 - p) / (moe / 100.0 * moe / 100.0)));
}

/*
 * csat_ab_sample_size(a_csat, b_csat, confidence, power): responses needed
 * in each of two groups for the pooled two-proportion z test of
 * significance() to detect planned CSAT % a against b with the given power
 * (Fleiss, no continuity correction; the n of R's power.prop.test):
 * n = (z_alpha/2 sqrt(2 pbar qbar) + z_beta sqrt(pa qa + pb qb))^2 / (pa - pb)^2.
 */
PG_FUNCTION_INFO_V1(csat_ab_sample_size);
Datum
csat_ab_sample_size(PG_FUNCTION_ARGS)
{
	double		pa = csat_planned(fcinfo, 0);
	double		pb = csat_planned(fcinfo, 1);
	double		za = cjkpi_z_for_confidence(PG_GETARG_FLOAT8(2));
	double		zb = cjkpi_z_for_power(PG_GETARG_FLOAT8(3));
	double		pbar = (pa + pb) / 2.0;
	double		root;

	if (pa == pb)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the planned CSAT of the two groups must differ"),
				 errdetail("Both groups are planned at %g %%.", 100.0 * pa)));
	root = za * sqrt(2.0 * pbar * (1.0 - pbar)) +
		zb * sqrt(pa * (1.0 - pa) + pb * (1.0 - pb));
	PG_RETURN_INT64(cjkpi_sample_size(root * root / ((pa - pb) * (pa - pb))));
}

/* csat_from_counts(bigint[]): one count per score 1..scale. */
PG_FUNCTION_INFO_V1(csat_from_counts_array);
Datum
csat_from_counts_array(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(kpi_summary_from_array(PG_GETARG_ARRAYTYPE_P(0), KPI_CSAT));
}

/*
 * csat_from_counts(satisfied, responses, scale): a category-only summary.
 * CSAT %, its interval and tests are exact; the mean score is unknown.
 */
PG_FUNCTION_INFO_V1(csat_from_categories);
Datum
csat_from_categories(PG_FUNCTION_ARGS)
{
	int64		satisfied = PG_GETARG_INT64(0);
	int64		responses = PG_GETARG_INT64(1);
	int			scale = kpi_check_scale(KPI_CSAT, PG_GETARG_INT32(2));
	int			scores[2];
	int64		totals[2];

	if (satisfied < 0 || responses < 0 || satisfied > responses)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("satisfied count must be between 0 and the number of responses"),
				 errdetail("satisfied = " INT64_FORMAT ", responses = " INT64_FORMAT ".",
						   satisfied, responses)));
	scores[0] = scale;
	totals[0] = satisfied;
	scores[1] = 1;
	totals[1] = responses - satisfied;
	PG_RETURN_POINTER(kpi_summary_from_categories(KPI_CSAT, scale, scores, totals, 2));
}
