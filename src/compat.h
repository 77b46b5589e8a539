/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The one home of PostgreSQL version differences (13 to 17, 18 ready).
 *
 * Every #if on PG_VERSION_NUM in cjkpi lives here, so that the rest of the
 * code reads the same on every supported version and a new major version is
 * a change to this file alone.
 *
 * src/compat.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_COMPAT_H
#define CJKPI_COMPAT_H

#include "fmgr.h"
#include "utils/numeric.h"

/*
 * Soft input errors (PostgreSQL 16+): type input functions report bad input
 * through fcinfo->context, so pg_input_is_valid() answers false instead of
 * raising.  Before 16 there is no such context; ereturn() and errsave()
 * raise as ereport(ERROR) does, and the context is always NULL.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define CJKPI_INPUT_ESCONTEXT(fcinfo) ((fcinfo)->context)
#else
#define CJKPI_INPUT_ESCONTEXT(fcinfo) ((Node *) NULL)
#define ereturn(context, dummy_value, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#define errsave(context, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
	} while (0)
#define SOFT_ERROR_OCCURRED(escontext) false
#endif

/* numeric infinities exist from PostgreSQL 14 on */
static inline bool
cjkpi_numeric_is_special(Numeric n)
{
#if PG_VERSION_NUM >= 140000
	return numeric_is_nan(n) || numeric_is_inf(n);
#else
	return numeric_is_nan(n);
#endif
}

/*
 * lib/sort_template.h (PostgreSQL 14+) generates specialised sorts; before
 * 14 the callers fall back to qsort().
 */
#define CJKPI_HAVE_SORT_TEMPLATE (PG_VERSION_NUM >= 140000)

/* module magic: PostgreSQL 18 also records the module's name and version */
#if PG_VERSION_NUM >= 180000
#define CJKPI_MODULE_MAGIC PG_MODULE_MAGIC_EXT(.name = "cjkpi", .version = "1.1")
#else
#define CJKPI_MODULE_MAGIC PG_MODULE_MAGIC
#endif

#endif							/* CJKPI_COMPAT_H */
