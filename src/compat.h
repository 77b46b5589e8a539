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
#include "nodes/nodes.h"
#include "utils/numeric.h"

/* the varlena macros (VARDATA_ANY, ...) left postgres.h for varatt.h in 16 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * Soft input errors: from PostgreSQL 16 on, a type input function reports
 * bad input to fcinfo->context (an ErrorSaveContext) with errsave() or
 * ereturn(), so that pg_input_is_valid() can answer false without raising.
 * Before 16 there is no such context; the shims below raise the error
 * instead, which is what those versions expect of an input function.
 */
#if PG_VERSION_NUM >= 160000

#include "nodes/miscnodes.h"

/* the error-saving context of a type input function, or NULL */
#define CJKPI_ESCONTEXT(fcinfo) ((fcinfo)->context)

#else

#define CJKPI_ESCONTEXT(fcinfo) ((Node *) NULL)

#ifndef errsave
#define errsave(context, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
	} while (0)
#endif

#ifndef ereturn
#define ereturn(context, dummy_value, ...) \
	do { \
		errsave(context, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#endif

#endif							/* PG_VERSION_NUM >= 160000 */

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
