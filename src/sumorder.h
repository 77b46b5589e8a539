/*-------------------------------------------------------------------------
 *
 * sumorder.h
 *	  Equality, hashing and a total order for the summary types whose
 *	  values have one canonical binary (send) form.
 *
 * Two summaries are equal when their binary send forms are equal: the send
 * form holds exactly what the summary means (its version, sizes and counts)
 * and nothing of how the value happens to be laid out in memory.  The btree
 * order is the byte order of that form, shorter first on a common prefix: a
 * total order consistent with equality, which is what DISTINCT, ORDER BY,
 * rollup(DISTINCT v), merge joins and btree indexes need.  It has no meaning
 * beyond that (a summary that sorts first is not "smaller" in any KPI).
 *
 * CJKPI_SUMMARY_ORDER(prefix, send) defines the SQL-callable prefix_cmp,
 * prefix_eq, prefix_ne, prefix_lt, prefix_le, prefix_gt, prefix_ge and
 * prefix_hash from the type's send function.
 *
 * src/sumorder.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_SUMORDER_H
#define CJKPI_SUMORDER_H

#include "common/hashfn.h"
#include "fmgr.h"

static inline bytea *
cjkpi_send_form(PGFunction send, Datum value)
{
	return DatumGetByteaPP(DirectFunctionCall1(send, value));
}

static inline int
cjkpi_summary_cmp(PGFunction send, Datum a, Datum b)
{
	bytea	   *ba = cjkpi_send_form(send, a);
	bytea	   *bb = cjkpi_send_form(send, b);
	int			la = VARSIZE_ANY_EXHDR(ba);
	int			lb = VARSIZE_ANY_EXHDR(bb);
	int			r = memcmp(VARDATA_ANY(ba), VARDATA_ANY(bb), Min(la, lb));

	if (r == 0)
		r = (la > lb) - (la < lb);
	else
		r = (r > 0) - (r < 0);
	pfree(ba);
	pfree(bb);
	return r;
}

static inline int32
cjkpi_summary_hash(PGFunction send, Datum a)
{
	bytea	   *b = cjkpi_send_form(send, a);
	uint32		h = hash_bytes((const unsigned char *) VARDATA_ANY(b),
							   VARSIZE_ANY_EXHDR(b));

	pfree(b);
	return (int32) h;
}

#define CJKPI_SUMMARY_CMP_FN(name, send, test) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	int			c = cjkpi_summary_cmp(send, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)); \
	PG_RETURN_BOOL(test); \
}

#define CJKPI_SUMMARY_ORDER(prefix, send) \
PG_FUNCTION_INFO_V1(prefix##_cmp); \
Datum \
prefix##_cmp(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT32(cjkpi_summary_cmp(send, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1))); \
} \
PG_FUNCTION_INFO_V1(prefix##_hash); \
Datum \
prefix##_hash(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT32(cjkpi_summary_hash(send, PG_GETARG_DATUM(0))); \
} \
CJKPI_SUMMARY_CMP_FN(prefix##_eq, send, c == 0) \
CJKPI_SUMMARY_CMP_FN(prefix##_ne, send, c != 0) \
CJKPI_SUMMARY_CMP_FN(prefix##_lt, send, c < 0) \
CJKPI_SUMMARY_CMP_FN(prefix##_le, send, c <= 0) \
CJKPI_SUMMARY_CMP_FN(prefix##_gt, send, c > 0) \
CJKPI_SUMMARY_CMP_FN(prefix##_ge, send, c >= 0)

#endif							/* CJKPI_SUMORDER_H */
