/*-------------------------------------------------------------------------
 *
 * module.c
 *	  The module magic block of cjkpi.so (one per library, here so that no
 *	  concept's file has to carry it).
 *
 * src/module.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "compat.h"

CJKPI_MODULE_MAGIC;
