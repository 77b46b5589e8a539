/*-------------------------------------------------------------------------
 *
 * stats.c
 *	  Statistical helpers shared by every cjkpi KPI.
 *
 * The normal quantile is found by Newton steps on erfc() from the
 * Abramowitz & Stegun 26.2.23 starting value, which converges to full double
 * precision in a few steps; the t distribution uses the regularized
 * incomplete beta function evaluated with Lentz's continued fraction.  The
 * worked examples in the regression tests check these against published
 * constants (qnorm(0.975) = 1.959963984540054) and scipy.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"

#include "stats.h"

double
cjkpi_norm_sf(double z)
{
	return 0.5 * erfc(z / M_SQRT2);
}

/* Lower tail of the standard normal, accurate in both tails. */
static double
norm_cdf(double z)
{
	return 0.5 * erfc(-z / M_SQRT2);
}

double
cjkpi_norm_quantile(double p)
{
	double		q;
	double		t;
	double		x;
	int			i;

	Assert(p > 0.0 && p < 1.0);

	/* Work in the lower half and reflect, so the tail stays accurate. */
	q = (p < 0.5) ? p : 1.0 - p;
	t = sqrt(-2.0 * log(q));
	x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) /
		(1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
	x = -x;						/* quantile of q, which is <= 0.5 */

	for (i = 0; i < 8; i++)
	{
		double		pdf = exp(-0.5 * x * x) / sqrt(2.0 * M_PI);
		double		step;

		if (pdf <= 0.0)
			break;
		step = (norm_cdf(x) - q) / pdf;
		x -= step;
		if (fabs(step) <= 1e-15 * fmax(1.0, fabs(x)))
			break;
	}

	return (p < 0.5) ? x : -x;
}

double
cjkpi_z_for_confidence(double confidence)
{
	cjkpi_check_confidence(confidence);

	/*
	 * Work from the tail: 0.5 + confidence / 2 rounds to 1 for confidence
	 * levels a few ulps below 1, (1 - confidence) / 2 stays exact.  For
	 * small levels the tail is close to 1/2 and loses the digits of the
	 * level; there solve erf(z / sqrt 2) = confidence instead.
	 */
	if (confidence < 0.5)
	{
		double		z = confidence * sqrt(M_PI / 2.0);
		int			i;

		for (i = 0; i < 50; i++)
		{
			double		step = (erf(z / M_SQRT2) - confidence) /
				(sqrt(2.0 / M_PI) * exp(-0.5 * z * z));

			z -= step;
			if (fabs(step) <= 1e-16 * z)
				break;
		}
		return z;
	}
	return -cjkpi_norm_quantile((1.0 - confidence) / 2.0);
}

void
cjkpi_check_confidence(double confidence)
{
	if (!(confidence > 0.0 && confidence < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level must be between 0 and 1, exclusive"),
				 errdetail("The value given was %g.", confidence),
				 errhint("Use a fraction such as 0.95 for a 95 %% interval.")));
}

/*
 * Continued fraction for the regularized incomplete beta function (modified
 * Lentz's method).  Converges quickly for x < (a + 1) / (a + b + 2).
 */
static double
beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double		c = 1.0;
	double		d = 1.0 - (a + b) * x / (a + 1.0);
	double		h;
	int			m;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	h = d;
	for (m = 1; m <= 100000; m++)
	{
		double		m2 = 2.0 * m;
		double		aa;
		double		delta;
		int			half;

		/* even then odd term of the fraction */
		for (half = 0; half < 2; half++)
		{
			aa = (half == 0) ?
				m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)) :
				-(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
			d = 1.0 + aa * d;
			if (fabs(d) < tiny)
				d = tiny;
			c = 1.0 + aa / c;
			if (fabs(c) < tiny)
				c = tiny;
			d = 1.0 / d;
			delta = d * c;
			h *= delta;
		}
		if (fabs(delta - 1.0) < 1e-16)
			break;
	}
	return h;
}

/* The tail of Stirling's series for lgamma(z), for z >= 50. */
static double
stirling_tail(double z)
{
	double		z2 = z * z;

	return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * z2)) / z2) / z2) / z;
}

/*
 * lgamma(a + b) - lgamma(a) for a, b > 0, with b <= a when a >= 50.  For
 * large a the two lgammas are
 * huge and nearly equal, so their difference is taken from Stirling's series
 * instead; that keeps t-distribution figures exact for any sample size that
 * a summary can hold (n up to 2^63).
 */
static double
lgamma_diff(double a, double b)
{
	if (a < 50.0)
		return lgamma(a + b) - lgamma(a);
	return (a - 0.5) * log1p(b / a) + b * log(a + b) - b +
		stirling_tail(a + b) - stirling_tail(a);
}

/*
 * Regularized incomplete beta function I_x(a, b), with y = 1 - x passed in
 * separately so that callers keep its precision when x is close to 1.
 */
static double
incomplete_beta(double a, double b, double x, double y)
{
	double		log_front;
	double		lx,
				ly;

	if (x <= 0.0)
		return 0.0;
	if (y <= 0.0)
		return 1.0;
	lx = (x < 0.5) ? log(x) : log1p(-y);
	ly = (y < 0.5) ? log(y) : log1p(-x);
	/* -log B(a, b) = lgamma(a + b) - lgamma(a) - lgamma(b) */
	log_front = lgamma_diff(fmax(a, b), fmin(a, b)) - lgamma(fmin(a, b)) +
		a * lx + b * ly;
	if (x < (a + 1.0) / (a + b + 2.0))
		return exp(log_front) * beta_cf(a, b, x) / a;
	return 1.0 - exp(log_front) * beta_cf(b, a, y) / b;
}

/*
 * Above this many degrees of freedom the continued fraction would need too
 * many terms (they grow like sqrt(df)), and the Cornish-Fisher expansion of
 * t in terms of the normal quantile z (Abramowitz & Stegun 26.7.5) is exact
 * to double precision instead: its first omitted term is below 1e-20.
 */
#define T_ASYMPTOTIC_DF		1e6

static double
t_cornish_fisher(double z, double df)
{
	double		z2 = z * z;
	double		g1 = (z2 + 1.0) * z / 4.0;
	double		g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
	double		g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
	double		g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;

	return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/* P(T > |t|) for Student's t with df degrees of freedom. */
static double
t_tail(double t, double df)
{
	double		t2 = t * t;

	if (isinf(t))
		return 0.0;
	if (df > T_ASYMPTOTIC_DF)
	{
		/* invert the expansion: the z whose t is |t|, then its normal tail */
		double		z = fabs(t);
		int			i;

		for (i = 0; i < 50; i++)
		{
			double		z2 = z * z;
			double		slope = 1.0 + (3.0 * z2 + 1.0) / (4.0 * df);
			double		step = (t_cornish_fisher(z, df) - fabs(t)) / slope;

			z -= step;
			if (fabs(step) <= 1e-16 * fmax(1.0, z))
				break;
		}
		return cjkpi_norm_sf(z);
	}
	return 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t2), t2 / (df + t2));
}

double
cjkpi_t_sf(double t, double df)
{
	double		tail = t_tail(t, df);

	return (t > 0) ? tail : 1.0 - tail;
}

double
cjkpi_t_two_sided_p(double t, double df)
{
	return 2.0 * t_tail(t, df);
}

/* Density of Student's t. */
static double
t_pdf(double x, double df)
{
	/* lgamma((df + 1) / 2) - lgamma(df / 2), exact for large df too */
	return exp(lgamma_diff(df / 2.0, 0.5) - 0.5 * log(df * M_PI) -
			   (df + 1.0) / 2.0 * log1p(x * x / df));
}

/*
 * The x > 0 with P(T > x) = q, 0 < q < 0.5: Newton steps on the upper tail
 * itself (not on 1 - q, which would lose the digits of small q), guarded by a
 * bracket and falling back to bisection.
 */
static double
t_upper_quantile(double q, double df)
{
	double		lo = 0.0;
	double		hi = 1.0;
	double		x;
	int			i;

	if (df > T_ASYMPTOTIC_DF)
		return t_cornish_fisher(-cjkpi_norm_quantile(q), df);

	while (t_tail(hi, df) > q && hi < 1e300)
		hi *= 2.0;
	x = -cjkpi_norm_quantile(q);
	if (!(x > lo && x < hi))
		x = (lo + hi) / 2.0;

	for (i = 0; i < 300; i++)
	{
		double		f = t_tail(x, df) - q;
		double		next;

		if (f == 0.0)
			break;
		if (f > 0.0)
			lo = x;
		else
			hi = x;
		next = x + f / t_pdf(x, df);
		if (!(next > lo && next < hi))
			next = (lo + hi) / 2.0;
		if (fabs(next - x) <= 1e-15 * fmax(1.0, fabs(x)))
		{
			x = next;
			break;
		}
		x = next;
	}
	return x;
}

double
cjkpi_t_for_confidence(double confidence, double df)
{
	cjkpi_check_confidence(confidence);
	return t_upper_quantile((1.0 - confidence) / 2.0, df);
}

void
cjkpi_wilson(double x, double n, double z, double *lower, double *upper)
{
	double		p = x / n;
	double		z2 = z * z;
	double		denom = 1.0 + z2 / n;
	double		centre = (p + z2 / (2.0 * n)) / denom;
	double		half = z * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom;

	*lower = fmax(0.0, centre - half);
	*upper = fmin(1.0, centre + half);

	/* Exact ends: no successes gives 0, all successes gives 1. */
	if (x <= 0.0)
		*lower = 0.0;
	if (x >= n)
		*upper = 1.0;
}

void
cjkpi_newcombe(double x1, double n1, double x2, double n2, double z,
			   double *lower, double *upper)
{
	double		p1 = x1 / n1;
	double		p2 = x2 / n2;
	double		l1,
				u1,
				l2,
				u2;

	cjkpi_wilson(x1, n1, z, &l1, &u1);
	cjkpi_wilson(x2, n2, z, &l2, &u2);
	*lower = (p1 - p2) - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
	*upper = (p1 - p2) + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
}

/* The composite result type of the calling function, blessed. */
static TupleDesc
result_tupdesc(FunctionCallInfo fcinfo)
{
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	return BlessTupleDesc(tupdesc);
}

Datum
cjkpi_test_record(FunctionCallInfo fcinfo, const CjkpiTest *test)
{
	TupleDesc	tupdesc = result_tupdesc(fcinfo);
	Datum		values[5];
	bool		nulls[5];

	if (tupdesc->natts != 3 && tupdesc->natts != 5)
		elog(ERROR, "a test record has 3 or 5 columns, not %d", tupdesc->natts);
	values[0] = Float8GetDatum(test->difference);
	nulls[0] = false;
	values[1] = Float8GetDatum(test->z_known ? test->z : 0.0);
	values[2] = Float8GetDatum(test->z_known ? test->p_value : 0.0);
	nulls[1] = nulls[2] = !test->z_known;
	values[3] = Float8GetDatum(test->ci_known ? test->ci_lower : 0.0);
	values[4] = Float8GetDatum(test->ci_known ? test->ci_upper : 0.0);
	nulls[3] = nulls[4] = !test->ci_known;
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

Datum
cjkpi_interval_record(FunctionCallInfo fcinfo, double lower, double upper,
					  bool known)
{
	TupleDesc	tupdesc = result_tupdesc(fcinfo);
	Datum		values[2];
	bool		nulls[2] = {!known, !known};

	if (tupdesc->natts != 2)
		elog(ERROR, "an interval record has 2 columns, not %d", tupdesc->natts);
	values[0] = Float8GetDatum(known ? lower : 0.0);
	values[1] = Float8GetDatum(known ? upper : 0.0);
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

double
cjkpi_z_for_power(double power)
{
	if (!(power > 0.0 && power < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("power must be between 0 and 1, exclusive"),
				 errdetail("The value given was %g.", power),
				 errhint("Use a fraction such as 0.8 for 80 %% power.")));
	return cjkpi_norm_quantile(power);
}

int64
cjkpi_sample_size(double n)
{
	if (!(n < 4611686018427387904.0))	/* 2^62; also NaN */
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the required sample size is out of range"),
				 errhint("The margin of error or difference is too small to detect.")));
	/* a hair of tolerance, so an exact integer n is not rounded up by error */
	return Max(1, (int64) ceil(n - 1e-9 * fmax(1.0, n)));
}
