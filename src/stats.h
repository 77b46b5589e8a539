/*-------------------------------------------------------------------------
 *
 * stats.h
 *	  Statistical helpers shared by every cjkpi KPI: normal and Student t
 *	  distributions, Wilson score intervals, two-proportion tests.
 *
 * Everything here is plain double arithmetic on top of libm's erfc() and
 * lgamma(); tails are computed as tails (never as 1 - cdf) so that small
 * p-values and extreme confidence levels keep their digits.  The regression
 * test survey_statistics checks them against scipy.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_STATS_H
#define CJKPI_STATS_H

#include "fmgr.h"

/* Upper tail P(Z > z) of the standard normal distribution. */
extern double cjkpi_norm_sf(double z);

/* Quantile of the standard normal distribution, 0 < p < 1. */
extern double cjkpi_norm_quantile(double p);

/* Two-sided critical value z for a confidence level (0.95 -> 1.959963...). */
extern double cjkpi_z_for_confidence(double confidence);

/* Upper tail P(T > t) of Student's t distribution with df > 0. */
extern double cjkpi_t_sf(double t, double df);

/* Two-sided p-value of a t statistic. */
extern double cjkpi_t_two_sided_p(double t, double df);

/* Two-sided critical value t for a confidence level and df > 0. */
extern double cjkpi_t_for_confidence(double confidence, double df);

/* Wilson score interval for x successes in n trials; n > 0. */
extern void cjkpi_wilson(double x, double n, double z,
						 double *lower, double *upper);

/*
 * Newcombe's hybrid score interval for the difference of two proportions
 * p1 - p2 (x1 of n1 minus x2 of n2; n1, n2 > 0), his method 10 (Newcombe
 * 1998, Statistics in Medicine 17:873): built from the two Wilson intervals,
 * so it stays inside -1..1 and behaves at 0 % and 100 %.  Fractions.
 */
extern void cjkpi_newcombe(double x1, double n1, double x2, double n2,
						   double z, double *lower, double *upper);

/*
 * A significance test's figures.  difference is always the difference of
 * the figures the accessors show; the method changes only the statistic and
 * the interval.  z_known / ci_known false turn those columns into NULL (a
 * statistic without variance, an interval without spread).
 */
typedef struct CjkpiTest
{
	double		difference;
	double		z;
	double		p_value;
	bool		z_known;
	double		ci_lower;
	double		ci_upper;
	bool		ci_known;
} CjkpiTest;

/*
 * The one builder of test records: (difference, z, p_value) when the
 * function's result type has three columns, (difference, z, p_value,
 * ci_lower, ci_upper) when it has five.
 */
extern Datum cjkpi_test_record(FunctionCallInfo fcinfo,
							   const CjkpiTest *test);

/* The one builder of (lower, upper) records; known false gives NULLs. */
extern Datum cjkpi_interval_record(FunctionCallInfo fcinfo,
								   double lower, double upper, bool known);

/*
 * Sample sizes.  cjkpi_z_for_power gives z_beta = qnorm(power) for a power
 * strictly between 0 and 1 (an error otherwise); cjkpi_sample_size rounds a
 * required number of responses up to a whole response (at least 1), with an
 * error when it is not a finite number below 2^62.
 */
extern double cjkpi_z_for_power(double power);
extern int64 cjkpi_sample_size(double n);

/*
 * Validate a user-supplied confidence level and raise a clear error if it is
 * not strictly between 0 and 1.
 */
extern void cjkpi_check_confidence(double confidence);

#endif							/* CJKPI_STATS_H */
