/*-------------------------------------------------------------------------
 *
 * nps.c
 *	  Net Promoter Score: the nps() and nps_agg() aggregates and the
 *	  nps_summary accessors, intervals and tests.
 *
 * NPS = 100 * (promoters - detractors) / responses on a 0..10 scale, with
 * promoters 9..10 and detractors 0..6.  Coding each response +1/0/-1, NPS/100
 * is their mean, which gives the variance and the intervals (Rocks 2016):
 * the adjusted-Wald interval adds 3/4 of a response to promoters and
 * detractors (3 to n) and has the best small-sample coverage; the plain Wald
 * interval is there to match reports that use it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "utils/array.h"
#include "utils/builtins.h"

#include "stats.h"
#include "summary.h"

#define NPS_PROMOTER_MIN	9
#define NPS_DETRACTOR_MAX	6

/* Transition functions (plain and moving-aggregate) of nps(score) and nps_agg(score). */
KPI_TRANS_ALL(nps_trans, KPI_NPS, 0, false)
KPI_TRANS_ALL(nps_mtrans, KPI_NPS, 0, true)

/* Inverse transition functions, for sliding window frames. */
KPI_INV_ALL(nps_inv)

/* Category counts and the derived proportions of one summary. */
typedef struct NpsCounts
{
	int64		promoters;
	int64		passives;
	int64		detractors;
	int64		n;
} NpsCounts;

static void
nps_counts(const KpiSummary *s, NpsCounts *c)
{
	c->promoters = kpi_count_range(s, NPS_PROMOTER_MIN, 10);
	c->detractors = kpi_count_range(s, 0, NPS_DETRACTOR_MAX);
	c->passives = kpi_count_range(s, NPS_DETRACTOR_MAX + 1, NPS_PROMOTER_MIN - 1);
	c->n = kpi_responses(s);	/* checked: never wraps */
}

/*
 * The estimate (as a fraction in -1..1) and the variance of one response,
 * raw (Wald) or with the adjusted-Wald correction; *n receives the
 * (adjusted) sample size.
 */
static void
nps_estimate(const NpsCounts *c, KpiMethod method,
			 double *est, double *var, double *n)
{
	double		p;
	double		d;

	if (method == KPI_METHOD_ADJUSTED_WALD)
	{
		*n = (double) c->n + 3.0;
		p = ((double) c->promoters + 0.75) / *n;
		d = ((double) c->detractors + 0.75) / *n;
	}
	else
	{
		*n = (double) c->n;
		p = (double) c->promoters / *n;
		d = (double) c->detractors / *n;
	}
	*est = p - d;
	*var = p + d - (p - d) * (p - d);
}

static NpsCounts
nps_arg_counts(FunctionCallInfo fcinfo, int argno)
{
	NpsCounts	c;

	nps_counts(kpi_summary_check(PG_GETARG_DATUM(argno), KPI_NPS), &c);
	return c;
}

/*
 * nps(nps_summary): the Net Promoter Score in points, -100..100; NULL
 * without responses.  Also the final function of the nps(score) aggregate.
 */
PG_FUNCTION_INFO_V1(nps_summary_nps);
Datum
nps_summary_nps(PG_FUNCTION_ARGS)
{
	NpsCounts	c = nps_arg_counts(fcinfo, 0);

	if (c.n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) (c.promoters - c.detractors) / (double) c.n);
}

/* promoters(nps_summary): responses of 9 or 10. */
PG_FUNCTION_INFO_V1(nps_summary_promoters);
Datum
nps_summary_promoters(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(nps_arg_counts(fcinfo, 0).promoters);
}

/* passives(nps_summary): responses of 7 or 8. */
PG_FUNCTION_INFO_V1(nps_summary_passives);
Datum
nps_summary_passives(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(nps_arg_counts(fcinfo, 0).passives);
}

/* detractors(nps_summary): responses of 0 to 6. */
PG_FUNCTION_INFO_V1(nps_summary_detractors);
Datum
nps_summary_detractors(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(nps_arg_counts(fcinfo, 0).detractors);
}

/* The (Wald) standard error of the NPS in points; c->n must be > 0. */
static double
nps_std_error(const NpsCounts *c)
{
	double		est,
				var,
				n;

	nps_estimate(c, KPI_METHOD_WALD, &est, &var, &n);
	return 100.0 * sqrt(var / n);
}

/* std_error(nps_summary): the standard error of the NPS, in points. */
PG_FUNCTION_INFO_V1(nps_summary_std_error);
Datum
nps_summary_std_error(PG_FUNCTION_ARGS)
{
	NpsCounts	c = nps_arg_counts(fcinfo, 0);

	if (c.n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(nps_std_error(&c));
}

/*
 * The method argument at position argno, or Wald where the function was
 * declared without one (the 1.0 signature of moe()).
 */
static KpiMethod
nps_method_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno)
		return KPI_METHOD_WALD;
	return kpi_parse_method(PG_GETARG_TEXT_PP(argno));
}

/*
 * moe(nps_summary, confidence, method): the margin of error in points, the
 * half-width z * SE of the interval ci_lower/ci_upper report with the same
 * method (adjusted-Wald by default), before that interval is clamped to
 * -100..100; so "NPS +- moe" never claims more certainty than the interval.
 */
PG_FUNCTION_INFO_V1(nps_summary_moe);
Datum
nps_summary_moe(PG_FUNCTION_ARGS)
{
	NpsCounts	c = nps_arg_counts(fcinfo, 0);
	double		z = cjkpi_z_for_confidence(PG_GETARG_FLOAT8(1));
	KpiMethod	method = nps_method_arg(fcinfo, 2);
	double		est,
				var,
				n;

	if (c.n == 0)
		PG_RETURN_NULL();
	nps_estimate(&c, method, &est, &var, &n);
	PG_RETURN_FLOAT8(100.0 * z * sqrt(var / n));
}

/* adjusted_nps(nps_summary): the adjusted-Wald centre, in points. */
PG_FUNCTION_INFO_V1(nps_summary_adjusted);
Datum
nps_summary_adjusted(PG_FUNCTION_ARGS)
{
	NpsCounts	c = nps_arg_counts(fcinfo, 0);
	double		est,
				var,
				n;

	if (c.n == 0)
		PG_RETURN_NULL();
	nps_estimate(&c, KPI_METHOD_ADJUSTED_WALD, &est, &var, &n);
	PG_RETURN_FLOAT8(100.0 * est);
}

/*
 * One end of the confidence interval, in points, clamped to -100..100:
 * (summary, confidence, method).
 */
static Datum
nps_ci(FunctionCallInfo fcinfo, int sign)
{
	NpsCounts	c = nps_arg_counts(fcinfo, 0);
	double		z = cjkpi_z_for_confidence(PG_GETARG_FLOAT8(1));
	KpiMethod	method = kpi_parse_method(PG_GETARG_TEXT_PP(2));
	double		est,
				var,
				n;

	if (c.n == 0)
		PG_RETURN_NULL();
	nps_estimate(&c, method, &est, &var, &n);
	PG_RETURN_FLOAT8(fmin(100.0, fmax(-100.0,
									  100.0 * (est + sign * z * sqrt(var / n)))));
}

/* ci_lower(nps_summary, confidence, method) */
PG_FUNCTION_INFO_V1(nps_summary_ci_lower);
Datum
nps_summary_ci_lower(PG_FUNCTION_ARGS)
{
	return nps_ci(fcinfo, -1);
}

/* ci_upper(nps_summary, confidence, method) */
PG_FUNCTION_INFO_V1(nps_summary_ci_upper);
Datum
nps_summary_ci_upper(PG_FUNCTION_ARGS)
{
	return nps_ci(fcinfo, 1);
}

/* The NPS the accessors show, as a fraction in -1..1; c->n must be > 0. */
static double
nps_raw(const NpsCounts *c)
{
	return (double) (c->promoters - c->detractors) / (double) c->n;
}

/*
 * significance(a, b, method, confidence): is a's NPS different from b's?  A
 * two-sided z test on the difference of the two (adjusted) NPS estimates,
 * each with the variance of its +1/0/-1 coding; %P and %D are never treated
 * as independent proportions.  difference = nps(a) - nps(b) in points
 * whatever the method; the method sets z and the interval, which for
 * adjusted-Wald is the adjusted difference +- z * SE of the adjusted
 * estimates (MeasuringU), clamped to -200..200.
 */
PG_FUNCTION_INFO_V1(nps_summary_significance);
Datum
nps_summary_significance(PG_FUNCTION_ARGS)
{
	NpsCounts	a = nps_arg_counts(fcinfo, 0);
	NpsCounts	b = nps_arg_counts(fcinfo, 1);
	KpiMethod	method = kpi_parse_method(PG_GETARG_TEXT_PP(2));
	double		zc = cjkpi_z_for_confidence(PG_NARGS() > 3 ? PG_GETARG_FLOAT8(3) : 0.95);
	CjkpiTest	t = {0};
	double		est_a,
				var_a,
				n_a;
	double		est_b,
				var_b,
				n_b;
	double		se;

	if (a.n == 0 || b.n == 0)
		PG_RETURN_NULL();
	nps_estimate(&a, method, &est_a, &var_a, &n_a);
	nps_estimate(&b, method, &est_b, &var_b, &n_b);
	se = sqrt(var_a / n_a + var_b / n_b);
	t.difference = 100.0 * (nps_raw(&a) - nps_raw(&b));
	t.z_known = se > 0.0;
	if (t.z_known)
	{
		t.z = (est_a - est_b) / se;
		t.p_value = 2.0 * cjkpi_norm_sf(fabs(t.z));
	}
	t.ci_known = t.z_known;		/* no spread, no interval (Wald only) */
	t.ci_lower = fmax(-200.0, 100.0 * (est_a - est_b - zc * se));
	t.ci_upper = fmin(200.0, 100.0 * (est_a - est_b + zc * se));
	return cjkpi_test_record(fcinfo, &t);
}

/*
 * significance(s, benchmark, method): one-tailed test of whether the NPS is
 * above a benchmark NPS (in points).  difference = nps(s) - benchmark in
 * points whatever the method; z compares the (adjusted) estimate with the
 * benchmark.  p_value is P(Z >= z), so p < 0.05 (z > 1.645) means
 * significantly above; 1 - p_value is the p-value for "below".
 */
PG_FUNCTION_INFO_V1(nps_summary_significance_benchmark);
Datum
nps_summary_significance_benchmark(PG_FUNCTION_ARGS)
{
	NpsCounts	c = nps_arg_counts(fcinfo, 0);
	double		benchmark = PG_GETARG_FLOAT8(1);
	KpiMethod	method = kpi_parse_method(PG_GETARG_TEXT_PP(2));
	CjkpiTest	t = {0};
	double		est,
				var,
				n,
				se;

	if (!(benchmark >= -100.0 && benchmark <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("NPS benchmark must be between -100 and 100, not %.15g",
						benchmark)));
	if (c.n == 0)
		PG_RETURN_NULL();
	nps_estimate(&c, method, &est, &var, &n);
	se = sqrt(var / n);
	t.difference = 100.0 * nps_raw(&c) - benchmark;
	t.z_known = se > 0.0;
	if (t.z_known)
	{
		t.z = (est - benchmark / 100.0) / se;
		t.p_value = cjkpi_norm_sf(t.z);
	}
	return cjkpi_test_record(fcinfo, &t);
}

/*
 * Planned promoter and detractor shares (percent) of a sample-size function,
 * arguments argno and argno + 1, checked; *var receives the variance of one
 * +1/0/-1 coded response, pP + pD - (pP - pD)^2, and *nps the NPS fraction.
 */
static void
nps_planned(FunctionCallInfo fcinfo, int argno, double *var, double *nps)
{
	double		p = PG_GETARG_FLOAT8(argno);
	double		d = PG_GETARG_FLOAT8(argno + 1);

	if (!(p >= 0.0 && d >= 0.0 && p + d <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("planned promoter and detractor shares must be percentages summing to at most 100, not %g and %g",
						p, d)));
	p /= 100.0;
	d /= 100.0;
	*nps = p - d;
	*var = p + d - (p - d) * (p - d);
}

/*
 * nps_sample_size(moe, promoters, detractors, confidence): the responses
 * needed for a Wald margin of error of at most moe points,
 * n = z^2 var / (moe / 100)^2, with var the variance of one response for the
 * planned promoter and detractor shares (percent; 50 and 50 by default, the
 * largest variance there is, 1).
 */
PG_FUNCTION_INFO_V1(nps_sample_size);
Datum
nps_sample_size(PG_FUNCTION_ARGS)
{
	double		moe = PG_GETARG_FLOAT8(0);
	double		z = cjkpi_z_for_confidence(PG_GETARG_FLOAT8(3));
	double		var,
				nps;

	if (!(moe > 0.0 && moe <= 200.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("NPS margin of error must be above 0 and at most 200 points, not %g", moe)));
	nps_planned(fcinfo, 1, &var, &nps);
	PG_RETURN_INT64(cjkpi_sample_size(z * z * var / (moe / 100.0 * moe / 100.0)));
}

/*
 * nps_ab_sample_size(a_promoters, a_detractors, b_promoters, b_detractors,
 * confidence, power): responses needed in each of two groups for the
 * two-sided z test of significance() to detect the difference between the
 * planned NPS of a and of b (shares in percent) with the given power:
 * n = (z_alpha/2 + z_beta)^2 (var_a + var_b) / (nps_a - nps_b)^2.
 */
PG_FUNCTION_INFO_V1(nps_ab_sample_size);
Datum
nps_ab_sample_size(PG_FUNCTION_ARGS)
{
	double		za = cjkpi_z_for_confidence(PG_GETARG_FLOAT8(4));
	double		zb = cjkpi_z_for_power(PG_GETARG_FLOAT8(5));
	double		var_a,
				nps_a,
				var_b,
				nps_b;

	nps_planned(fcinfo, 0, &var_a, &nps_a);
	nps_planned(fcinfo, 2, &var_b, &nps_b);
	/* equal up to rounding of the shares (0.4 - 0.2 against 0.3 - 0.1) */
	if (fabs(nps_a - nps_b) < 1e-12)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the planned NPS of the two groups must differ"),
				 errdetail("Both groups are planned at NPS %g.", 100.0 * nps_a)));
	PG_RETURN_INT64(cjkpi_sample_size((za + zb) * (za + zb) * (var_a + var_b) /
									  ((nps_a - nps_b) * (nps_a - nps_b))));
}

/* nps_from_counts(bigint[]): a summary from 11 per-score counts (0..10). */
PG_FUNCTION_INFO_V1(nps_from_counts_array);
Datum
nps_from_counts_array(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(kpi_summary_from_array(PG_GETARG_ARRAYTYPE_P(0), KPI_NPS));
}

/*
 * nps_from_counts(promoters, passives, detractors): a category-only summary
 * for tools that export only the three totals.  NPS, its intervals and tests
 * are exact; the mean score is unknown and mean() says so.
 */
PG_FUNCTION_INFO_V1(nps_from_categories);
Datum
nps_from_categories(PG_FUNCTION_ARGS)
{
	static const int scores[3] = {10, 8, 0};
	int64		totals[3];

	totals[0] = PG_GETARG_INT64(0);
	totals[1] = PG_GETARG_INT64(1);
	totals[2] = PG_GETARG_INT64(2);
	PG_RETURN_POINTER(kpi_summary_from_categories(KPI_NPS, 10, scores, totals, 3));
}
