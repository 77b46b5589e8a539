/*-------------------------------------------------------------------------
 *
 * funnel.h
 *	  Declarations shared by the funnel and retention code of cjkpi.
 *
 * src/funnel.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_FUNNEL_H
#define CJKPI_FUNNEL_H

#include "postgres.h"
#include "fmgr.h"

/* Hard limit on the number of funnel steps: one bit per step in a uint32. */
#define FUNNEL_MAX_STEPS 32

/* funnel_stats.c: statistics helpers (static names to avoid clashes) */
extern double funnel_normal_quantile(double p);
extern double funnel_confidence_z(double confidence);
extern void funnel_wilson(int64 x, int64 n, double z,
						  double *lower, double *upper);
extern double funnel_two_sided_p(double z);

#endif							/* CJKPI_FUNNEL_H */
