/*
 * cjkpi_fuzz_helper.c: lets the fuzz driver feed arbitrary bytes to
 * window_funnel_deserialfn.
 *
 * The aggregate support functions refuse to run outside an aggregate
 * (AggCheckCallContext), so SQL cannot call them directly, and a parallel
 * plan only ever hands them states that window_funnel_serialfn wrote.  This
 * test-only function calls them through the function manager with a
 * WindowAggState as context, which is what AggCheckCallContext accepts, so
 * the deserializer, both final functions and the serializer all run on the
 * fuzzed bytes.  It is never installed with the extension.
 */
#include "postgres.h"

#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"

PG_MODULE_MAGIC;

static Datum
call_in_agg(Oid fn, WindowAggState *ctx, int nargs, Datum a0, Datum a1, bool *isnull)
{
	FmgrInfo	flinfo;
	LOCAL_FCINFO(fcinfo, 2);
	Datum		result;

	fmgr_info(fn, &flinfo);
	InitFunctionCallInfoData(*fcinfo, &flinfo, nargs, InvalidOid, (Node *) ctx, NULL);
	fcinfo->args[0].value = a0;
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = a1;
	fcinfo->args[1].isnull = false;
	result = FunctionCallInvoke(fcinfo);
	*isnull = fcinfo->isnull;
	return result;
}

/*
 * cjkpi_fuzz_deserialize(state bytea, deserialfn, serialfn, finalfn,
 * timesfn regprocedure) returns text: the level and times the final
 * functions compute from the deserialized state, and the state serialized
 * again (hex), so the driver can check that an accepted state round-trips.
 */
PG_FUNCTION_INFO_V1(cjkpi_fuzz_deserialize);
Datum
cjkpi_fuzz_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	WindowAggState *ctx = makeNode(WindowAggState);
	Datum		state;
	Datum		out;
	Datum		level;
	Datum		times;
	bool		isnull;
	StringInfoData buf;

	ctx->curaggcontext = CurrentMemoryContext;
	state = call_in_agg(PG_GETARG_OID(1), ctx, 2, PointerGetDatum(in),
						PointerGetDatum(NULL), &isnull);
	out = call_in_agg(PG_GETARG_OID(2), ctx, 1, state, (Datum) 0, &isnull);
	level = call_in_agg(PG_GETARG_OID(3), ctx, 1, state, (Datum) 0, &isnull);
	times = call_in_agg(PG_GETARG_OID(4), ctx, 1, state, (Datum) 0, &isnull);

	initStringInfo(&buf);
	appendStringInfo(&buf, "%d %s ", DatumGetInt32(level),
					 OidOutputFunctionCall(F_ARRAY_OUT, times));
	appendStringInfoString(&buf, DatumGetCString(DirectFunctionCall1(byteaout, out)));
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}
