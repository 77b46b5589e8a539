/*-------------------------------------------------------------------------
 *
 * aggstate.h
 *	  The one allocation idiom of summaries that are their own aggregate
 *	  transition state (funnel_summary, retention_summary, ttc_summary).
 *
 * These summaries are varlenas of a real type, not "internal", so that
 * partial states travel through the type's I/O.  The executor manages such a
 * by-reference state itself: whenever a transition or combine function
 * returns a pointer other than the current state, nodeAgg and nodeWindowAgg
 * copy the returned value into the aggregate context (ExecAggTransReparent;
 * ExecAggCopyTransValue on PostgreSQL 16+) and free the old state.  Hence:
 *
 * - The first state of a group is built in the per-call memory context.
 *   Allocating it in the aggregate context would make the executor copy it
 *   once more and leak the original: every group of a hash aggregate held
 *   twice.
 * - A merge with an empty (NULL) left side returns the right input itself,
 *   detoasted: the executor copies it into the aggregate context once.
 * - Once the state is the executor's copy, update it in place and return
 *   the same pointer.  A function that must grow the state returns a new
 *   value in per-call memory; the executor replaces the state with a copy.
 * - Called directly, not as an aggregate, nothing is updated in place: the
 *   arguments may be stored values.
 *
 * src/summary.c (kpi_trans_state, kpi_summary_merge) follows the same rules.
 *
 * A new summary type then needs only its own logic (funnel_summary.c is the
 * smallest example): the struct, version byte first; a fetch function
 * (detoast, check the header against the size, convert older versions); a
 * merge_into; text input on SumText (sumtext.h) with every check reporting
 * through escontext; output, send and recv sharing those checks;
 * CJKPI_SUMMARY_ORDER (sumorder.h) for =, <>, the order and the hash; and
 * the aggregate's transition function.  In SQL: the type, <type>_merge as
 * rollup()'s SFUNC and every aggregate's COMBINEFUNC, + through
 * <type>_add, the comparison operators with <type>_ops and
 * <type>_hash_ops, and a COMMENT on each.
 *
 * src/aggstate.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_AGGSTATE_H
#define CJKPI_AGGSTATE_H

#include "fmgr.h"

/* fetch a summary argument: detoast it (and convert older formats) */
typedef struct varlena *(*CjkpiFetchFn) (Datum value);

/*
 * Merge from into into and return the result: into itself when it could be
 * updated in place, or a new value in the current memory context.
 */
typedef struct varlena *(*CjkpiMergeFn) (struct varlena *into,
										 const struct varlena *from);

/* true when called as an aggregate support function, so the state is ours */
static inline bool
cjkpi_state_is_ours(FunctionCallInfo fcinfo)
{
	return AggCheckCallContext(fcinfo, NULL) != 0;
}

/* a copy of a detoasted varlena in the current memory context */
static inline struct varlena *
cjkpi_varlena_copy(const struct varlena *v)
{
	struct varlena *copy = (struct varlena *) palloc(VARSIZE(v));

	memcpy(copy, v, VARSIZE(v));
	return copy;
}

/*
 * The body of every <type>_merge support function: the transition function
 * of rollup(<type>) and the combine function of the type's aggregates, and
 * a plain merge when called directly.  NULL on either side is skipped.
 */
static inline Datum
cjkpi_merge_support(FunctionCallInfo fcinfo, CjkpiFetchFn fetch,
					CjkpiMergeFn merge)
{
	struct varlena *state;
	struct varlena *next;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	next = fetch(PG_GETARG_DATUM(1));
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(next);	/* the executor copies it, once */
	if (cjkpi_state_is_ours(fcinfo))
		state = (struct varlena *) PG_GETARG_POINTER(0);
	else
		state = cjkpi_varlena_copy(fetch(PG_GETARG_DATUM(0)));
	PG_RETURN_POINTER(merge(state, next));
}

/* a + b: the merge of two summaries as a new value, inputs untouched */
static inline Datum
cjkpi_add_support(FunctionCallInfo fcinfo, CjkpiFetchFn fetch,
				  CjkpiMergeFn merge)
{
	struct varlena *a = cjkpi_varlena_copy(fetch(PG_GETARG_DATUM(0)));

	PG_RETURN_POINTER(merge(a, fetch(PG_GETARG_DATUM(1))));
}

#endif							/* CJKPI_AGGSTATE_H */
