/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The one home of PostgreSQL version shims: every PG_VERSION_NUM test
 *	  that code of cjkpi needs belongs here, so the rest of the code reads
 *	  the same on every supported version (13 and later).
 *
 * Soft input errors: from PostgreSQL 16 on, a type input function reports
 * bad input to fcinfo->context (an ErrorSaveContext) with errsave() or
 * ereturn(), so that pg_input_is_valid() can answer false without raising.
 * Before 16 there is no such context; the shims below raise the error
 * instead, which is what those versions expect of an input function.
 *
 * src/compat.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_COMPAT_H
#define CJKPI_COMPAT_H

#include "fmgr.h"
#include "nodes/nodes.h"

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

#endif							/* CJKPI_COMPAT_H */
