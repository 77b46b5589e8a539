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
 * Validate a user-supplied confidence level and raise a clear error if it is
 * not strictly between 0 and 1.
 */
extern void cjkpi_check_confidence(double confidence);

#endif							/* CJKPI_STATS_H */
