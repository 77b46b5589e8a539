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


#endif							/* CJKPI_FUNNEL_H */
