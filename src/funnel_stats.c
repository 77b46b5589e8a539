/*-------------------------------------------------------------------------
 *
 * funnel_stats.c
 *	  Statistics helpers for funnel summaries: the normal quantile, Wilson
 *	  score intervals and two-sided normal p-values.
 *
 * These are deliberately self-contained (prefixed funnel_) so that they do
 * not collide with the survey statistics in stats.c; the two can be merged
 * later.  Constants and formulas follow kpi-statistics.md: z for a 95 %
 * two-sided interval is qnorm(0.975) = 1.959963984540054, not 1.96, so that
 * results agree with R and scipy.
 *
 * src/funnel_stats.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "funnel.h"
#include "utils/float.h"

/*
 * Inverse of the standard normal CDF.
 *
 * A rational approximation (Acklam's, relative error about 1e-9) gives the
 * starting point, and Newton steps on erfc() polish it to full double
 * precision.  Working on the smaller tail keeps erfc() accurate.
 */
double
funnel_normal_quantile(double p)
{
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02,
	-3.066479806614716e+01, 2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01,
	-1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00,
	4.374664141464968e+00, 2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00};
	double		q,
				r,
				x,
				tail;
	bool		upper;
	int			i;

	if (!(p > 0.0 && p < 1.0))
		elog(ERROR, "normal quantile of %g requested", p);

	/* solve for the lower tail probability, flip the sign at the end */
	upper = (p > 0.5);
	tail = upper ? 1.0 - p : p;

	if (tail < 0.02425)
	{
		q = sqrt(-2.0 * log(tail));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
	}
	else
	{
		q = tail - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
	}

	/* x is now the (negative) lower-tail quantile; Newton on Phi(x) = tail */
	for (i = 0; i < 4; i++)
	{
		double		f = 0.5 * erfc(-x / M_SQRT2) - tail;
		double		dens = exp(-0.5 * x * x) / sqrt(2.0 * M_PI);

		if (dens <= 0.0)
			break;
		x -= f / dens;
	}

	return upper ? -x : x;
}

/*
 * z for a two-sided interval of the given confidence level.  The caller has
 * validated 0 < confidence < 1.
 */
double
funnel_confidence_z(double confidence)
{
	return funnel_normal_quantile(1.0 - (1.0 - confidence) / 2.0);
}

/*
 * Wilson score interval for x successes out of n.  n = 0 gives NaN bounds;
 * callers return NULL in that case.
 */
void
funnel_wilson(int64 x, int64 n, double z, double *lower, double *upper)
{
	double		nn = (double) n;
	double		p,
				z2,
				denom,
				centre,
				half;

	if (n <= 0)
	{
		*lower = *upper = get_float8_nan();
		return;
	}
	p = (double) x / nn;
	z2 = z * z;
	denom = 1.0 + z2 / nn;
	centre = (p + z2 / (2.0 * nn)) / denom;
	half = z * sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn)) / denom;
	*lower = centre - half;
	*upper = centre + half;
	/* rounding can push the bounds a hair outside [0, 1] at x = 0 or x = n */
	if (*lower < 0.0 || x == 0)
		*lower = 0.0;
	if (*upper > 1.0 || x == n)
		*upper = 1.0;
}

/* Two-sided p-value of a standard normal statistic: erfc(|z| / sqrt(2)). */
double
funnel_two_sided_p(double z)
{
	return erfc(fabs(z) / M_SQRT2);
}
