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
	return cjkpi_norm_quantile(0.5 + confidence / 2.0);
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
	for (m = 1; m <= 1000; m++)
	{
		double		m2 = 2.0 * m;
		double		aa;
		double		delta;

		aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		h *= d * c;

		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		delta = d * c;
		h *= delta;
		if (fabs(delta - 1.0) < 1e-16)
			break;
	}
	return h;
}

/* Regularized incomplete beta function I_x(a, b). */
static double
incomplete_beta(double a, double b, double x)
{
	double		front;

	if (x <= 0.0)
		return 0.0;
	if (x >= 1.0)
		return 1.0;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) +
				a * log(x) + b * log1p(-x));
	if (x < (a + 1.0) / (a + b + 2.0))
		return front * beta_cf(a, b, x) / a;
	return 1.0 - front * beta_cf(b, a, 1.0 - x) / b;
}

double
cjkpi_t_cdf(double t, double df)
{
	double		tail;

	if (isinf(t))
		return t > 0 ? 1.0 : 0.0;
	/* P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2) */
	tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
	return (t > 0) ? 1.0 - tail : tail;
}

double
cjkpi_t_two_sided_p(double t, double df)
{
	return incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
}

double
cjkpi_t_quantile(double p, double df)
{
	double		lo;
	double		hi;
	double		x;
	int			i;

	Assert(p > 0.0 && p < 1.0 && df > 0.0);

	if (p == 0.5)
		return 0.0;
	if (p < 0.5)
		return -cjkpi_t_quantile(1.0 - p, df);

	/* Bracket the root, then bisect; the cdf is monotone. */
	lo = 0.0;
	hi = 1.0;
	while (cjkpi_t_cdf(hi, df) < p && hi < 1e300)
		hi *= 2.0;
	x = cjkpi_norm_quantile(p);
	if (x <= lo || x >= hi)
		x = (lo + hi) / 2.0;

	/* Newton steps guarded by the bracket; fall back to bisection. */
	for (i = 0; i < 200; i++)
	{
		double		f = cjkpi_t_cdf(x, df) - p;
		double		pdf;
		double		next;

		if (f == 0.0)
			break;
		if (f < 0.0)
			lo = x;
		else
			hi = x;
		pdf = exp(lgamma((df + 1.0) / 2.0) - lgamma(df / 2.0) -
				  0.5 * log(df * M_PI) -
				  (df + 1.0) / 2.0 * log1p(x * x / df));
		next = (pdf > 0.0) ? x - f / pdf : (lo + hi) / 2.0;
		if (!(next > lo && next < hi))
			next = (lo + hi) / 2.0;
		if (fabs(next - x) <= 1e-14 * fmax(1.0, fabs(x)))
		{
			x = next;
			break;
		}
		x = next;
	}
	return x;
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
