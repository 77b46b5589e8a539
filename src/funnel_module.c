/*-------------------------------------------------------------------------
 *
 * funnel_module.c
 *	  The module magic block of the cjkpi shared library.
 *
 * A loadable module must declare PG_MODULE_MAGIC exactly once.  It sits in
 * a file of its own so that, when the funnel branch is merged with code that
 * declares it elsewhere, deleting this file is the whole fix.
 *
 * src/funnel_module.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
