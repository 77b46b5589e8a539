/*-------------------------------------------------------------------------
 *
 * funnel_ttc.c
 *	  Time to convert: a mergeable per-step histogram of the seconds from
 *	  step 1 to each later step (from window_funnel_times), with median and
 *	  percentiles within a stated relative error.
 *
 * Times go into logarithmic buckets (the DDSketch idea): bucket i >= 1
 * holds t in (TTC_MIN * g^(i-1), TTC_MIN * g^i] with g = (1 + a) / (1 - a),
 * a = TTC_ALPHA = 1 %.  Reporting 2 * upper / (1 + g) for a bucket is then
 * within a relative 1 % of every value in it, so a percentile is within 1 %
 * of the exact nearest-rank percentile.  Bucket 0 holds t <= TTC_MIN (1 ms)
 * and reports 0; times above TTC_MAX (about 31.7 years) are an error.
 *
 * The aggregates keep dense int64 counts per step in an internal state; the
 * stored ttc_summary is sparse: per step, the non-empty (bucket, count)
 * pairs.  Text form: "v1;steps=N;s2=i:c,i:c;s3=...;...;sN=..." (step 1 is
 * always 0 and not stored).  Binary: version byte, N byte, then per step
 * 2..N an int32 pair count and (int16 bucket, int64 count) pairs.
 *
 * src/funnel_ttc.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "aggstate.h"
#include "funnel.h"
#include "sumorder.h"

#define TTC_VERSION		1
#define TTC_ALPHA		0.01
#define TTC_MIN			0.001	/* seconds; at or below counts as 0 */
#define TTC_MAX			1.0e9	/* seconds */
#define TTC_NBUCKETS	1400	/* covers (TTC_MIN, TTC_MAX] with g = 1.0202 */

typedef struct TtcState
{
	int			nsteps;			/* highest step seen, 1..32 */
	int64	   *dense[FUNNEL_MAX_STEPS + 1];	/* [k][bucket], steps 2.. */
} TtcState;

/* stored summary: header, then per step 2..n: int32 npairs, pairs */
typedef struct TtcSummary
{
	int32		vl_len_;
	uint8		version;
	uint8		nsteps;
	uint16		reserved;
	int32		npairs[FUNNEL_MAX_STEPS + 1];	/* per step, [0], [1] unused */
	int32		pad;			/* keeps data 8-byte aligned */
	/* then for each step 2..nsteps: npairs int32 buckets, then int64 counts */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} TtcSummary;

#define PG_GETARG_TTC_P(n) ((TtcSummary *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

StaticAssertDecl(offsetof(TtcSummary, data) % 8 == 0, "TtcSummary data must be 8-byte aligned");

static double
ttc_gamma(void)
{
	return (1.0 + TTC_ALPHA) / (1.0 - TTC_ALPHA);
}

static int
ttc_bucket(double t)
{
	int			i;

	if (t <= TTC_MIN)
		return 0;
	i = (int) ceil(log(t / TTC_MIN) / log(ttc_gamma()));
	i = Min(Max(i, 1), TTC_NBUCKETS - 1);
	/* log() rounding can miss a boundary by one bucket; settle it exactly */
	while (i > 1 && t <= TTC_MIN * pow(ttc_gamma(), i - 1))
		i--;
	while (i < TTC_NBUCKETS - 1 && t > TTC_MIN * pow(ttc_gamma(), i))
		i++;
	return i;
}

static double
ttc_value(int i)
{
	double		g = ttc_gamma();

	if (i == 0)
		return 0.0;
	return 2.0 * TTC_MIN * pow(g, i) / (1.0 + g);
}

static void
ttc_state_add(TtcState *st, int k, int bucket, int64 count, MemoryContext cxt)
{
	if (st->dense[k] == NULL)
		st->dense[k] = (int64 *) MemoryContextAllocZero(cxt, sizeof(int64) * TTC_NBUCKETS);
	if (pg_add_s64_overflow(st->dense[k][bucket], count, &st->dense[k][bucket]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("ttc_summary count out of range")));
	if (k > st->nsteps)
		st->nsteps = k;
}

/* sparse views into a stored summary */
static void
ttc_step_arrays(const TtcSummary *s, int k, const int32 **buckets, const int64 **counts)
{
	const char *p = s->data;
	int			j;

	for (j = 2; j < k; j++)
		p += MAXALIGN(sizeof(int32) * s->npairs[j]) + sizeof(int64) * s->npairs[j];
	*buckets = (const int32 *) p;
	*counts = (const int64 *) (p + MAXALIGN(sizeof(int32) * s->npairs[k]));
}

/*
 * The entities counted for step k: the sum of its bucket counts.  Every
 * input and merge keeps it within int64, so the overflow check here only
 * guards that promise.
 */
static int64
ttc_step_total(const TtcSummary *s, int k)
{
	const int32 *b;
	const int64 *c;
	int64		total = 0;
	int			i;

	ttc_step_arrays(s, k, &b, &c);
	for (i = 0; i < s->npairs[k]; i++)
		if (pg_add_s64_overflow(total, c[i], &total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("ttc_summary step %d counts more than 2^63-1 entities", k)));
	return total;
}

/* build a stored summary from a dense state */
static TtcSummary *
ttc_from_state(const TtcState *st)
{
	Size		size = offsetof(TtcSummary, data);
	TtcSummary *s;
	int			k,
				i;
	int32		npairs[FUNNEL_MAX_STEPS + 1] = {0};

	for (k = 2; k <= st->nsteps; k++)
	{
		if (st->dense[k] != NULL)
			for (i = 0; i < TTC_NBUCKETS; i++)
				if (st->dense[k][i] != 0)
					npairs[k]++;
		size += MAXALIGN(sizeof(int32) * npairs[k]) + sizeof(int64) * npairs[k];
	}
	s = (TtcSummary *) palloc0(size);
	SET_VARSIZE(s, size);
	s->version = TTC_VERSION;
	s->nsteps = (uint8) Max(st->nsteps, 1);
	memcpy(s->npairs, npairs, sizeof(npairs));
	for (k = 2; k <= st->nsteps; k++)
	{
		int32	   *b;
		int64	   *c;
		int			n = 0;

		ttc_step_arrays(s, k, (const int32 **) &b, (const int64 **) &c);
		if (st->dense[k] == NULL)
			continue;
		for (i = 0; i < TTC_NBUCKETS; i++)
			if (st->dense[k][i] != 0)
			{
				b[n] = i;
				c[n] = st->dense[k][i];
				n++;
			}
	}
	return s;
}

/* merge a stored summary into a dense state */
static void
ttc_state_merge(TtcState *st, const TtcSummary *s, MemoryContext cxt)
{
	int			k,
				i;

	if (s->nsteps > st->nsteps)
		st->nsteps = s->nsteps;
	for (k = 2; k <= s->nsteps; k++)
	{
		const int32 *b;
		const int64 *c;

		ttc_step_arrays(s, k, &b, &c);
		for (i = 0; i < s->npairs[k]; i++)
			ttc_state_add(st, k, b[i], c[i], cxt);
	}
}

/*
 * Validate decoded pairs of step k: buckets increasing within range, counts
 * positive, and their total (the step's entities) within int64.
 */
static void
ttc_check_pairs(int k, const int32 *b, const int64 *c, int n, int code)
{
	int64		total = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		if (b[i] < 0 || b[i] >= TTC_NBUCKETS || (i > 0 && b[i] <= b[i - 1]))
			ereport(ERROR,
					(errcode(code),
					 errmsg("ttc_summary buckets must increase within 0..%d", TTC_NBUCKETS - 1)));
		if (c[i] <= 0)
			ereport(ERROR,
					(errcode(code),
					 errmsg("ttc_summary bucket counts must be positive")));
		if (pg_add_s64_overflow(total, c[i], &total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("ttc_summary step %d counts more than 2^63-1 entities", k),
					 errdetail("The bucket counts of a step add up to its number of entities.")));
	}
}

/*
 * Build a summary from decoded per-step pair lists (shared by text and
 * binary input, so both run the same checks).
 */
static TtcSummary *
ttc_build(int version, int nsteps, int32 **b, int64 **c, const int32 *npairs, int code)
{
	TtcState	st;
	int			k;

	if (version != TTC_VERSION)
		ereport(ERROR,
				(errcode(code),
				 errmsg("unsupported ttc_summary version %d", version),
				 errdetail("This version of cjkpi reads version %d.", TTC_VERSION)));
	if (nsteps < 1 || nsteps > FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(code),
				 errmsg("ttc_summary must have between 1 and %d steps, not %d",
						FUNNEL_MAX_STEPS, nsteps)));
	memset(&st, 0, sizeof(st));
	st.nsteps = nsteps;
	for (k = 2; k <= nsteps; k++)
	{
		int			i;

		ttc_check_pairs(k, b[k], c[k], npairs[k], code);
		for (i = 0; i < npairs[k]; i++)
			ttc_state_add(&st, k, b[k][i], c[k][i], CurrentMemoryContext);
	}
	return ttc_from_state(&st);
}

/* ttc_summary_in: "v1;steps=N;s2=i:c,...;...;sN=..." */
PG_FUNCTION_INFO_V1(ttc_summary_in);
Datum
ttc_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	char	   *p = input;
	char	   *end;
	long		version,
				nsteps;
	int32	   *b[FUNNEL_MAX_STEPS + 1] = {0};
	int64	   *c[FUNNEL_MAX_STEPS + 1] = {0};
	int32		npairs[FUNNEL_MAX_STEPS + 1] = {0};
	int			k;

#define TTC_SYNTAX(detail) \
	ereport(ERROR, \
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
			 errmsg("invalid input syntax for type %s: \"%s\"", "ttc_summary", input), \
			 errdetail detail))

	while (isspace((unsigned char) *p))
		p++;
	if (*p != 'v' || !isdigit((unsigned char) p[1]))
		TTC_SYNTAX(("Expected \"v1;steps=\" at the start."));
	errno = 0;
	version = strtol(p + 1, &end, 10);
	if (errno == ERANGE || version > INT_MAX)
		version = INT_MAX;
	p = end;
	if (version != TTC_VERSION)
		(void) ttc_build((int) version, 1, b, c, npairs, ERRCODE_INVALID_TEXT_REPRESENTATION);
	if (strncmp(p, ";steps=", 7) != 0 || !isdigit((unsigned char) p[7]))
		TTC_SYNTAX(("Expected \";steps=\" at \"%s\".", p));
	errno = 0;
	nsteps = strtol(p + 7, &end, 10);
	p = end;
	if (errno == ERANGE || nsteps < 1 || nsteps > FUNNEL_MAX_STEPS)
		(void) ttc_build((int) version, (int) Min(Max(nsteps, 0), 1000), b, c, npairs,
						 ERRCODE_INVALID_TEXT_REPRESENTATION);
	for (k = 2; k <= nsteps; k++)
	{
		char		tag[16];
		int			taglen = snprintf(tag, sizeof(tag), ";s%d=", k);
		int			cap = 8;

		if (strncmp(p, tag, taglen) != 0)
			TTC_SYNTAX(("Expected \"%s\" at \"%s\".", tag, p));
		p += taglen;
		b[k] = palloc(sizeof(int32) * cap);
		c[k] = palloc(sizeof(int64) * cap);
		while (isdigit((unsigned char) *p))
		{
			long		bucket;
			long long	count;

			errno = 0;
			bucket = strtol(p, &end, 10);
			if (errno == ERANGE || *end != ':' || !isdigit((unsigned char) end[1]))
				TTC_SYNTAX(("Expected \"bucket:count\" at \"%s\".", p));
			count = strtoll(end + 1, &end, 10);
			if (errno == ERANGE)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("value out of range for type %s: \"%s\"", "ttc_summary", input)));
			if (npairs[k] >= TTC_NBUCKETS)
				TTC_SYNTAX(("Too many buckets for step %d.", k));
			if (npairs[k] >= cap)
			{
				cap *= 2;
				b[k] = repalloc(b[k], sizeof(int32) * cap);
				c[k] = repalloc(c[k], sizeof(int64) * cap);
			}
			b[k][npairs[k]] = (int32) Min(Max(bucket, -1), TTC_NBUCKETS);
			c[k][npairs[k]] = (int64) count;
			npairs[k]++;
			p = end;
			if (*p != ',')
				break;
			p++;
			if (!isdigit((unsigned char) *p))
				TTC_SYNTAX(("Expected \"bucket:count\" at \"%s\".", p));
		}
	}
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		TTC_SYNTAX(("Unexpected \"%s\" after the buckets.", p));
#undef TTC_SYNTAX

	PG_RETURN_POINTER(ttc_build((int) version, (int) nsteps, b, c, npairs,
								ERRCODE_INVALID_TEXT_REPRESENTATION));
}

/* ttc_summary_out */
PG_FUNCTION_INFO_V1(ttc_summary_out);
Datum
ttc_summary_out(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	StringInfoData buf;
	int			k,
				i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d;steps=%d", s->version, s->nsteps);
	for (k = 2; k <= s->nsteps; k++)
	{
		const int32 *b;
		const int64 *c;

		ttc_step_arrays(s, k, &b, &c);
		appendStringInfo(&buf, ";s%d=", k);
		for (i = 0; i < s->npairs[k]; i++)
			appendStringInfo(&buf, i > 0 ? ",%d:" INT64_FORMAT : "%d:" INT64_FORMAT,
							 b[i], c[i]);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ttc_summary_recv: binary input with the checks of text input */
PG_FUNCTION_INFO_V1(ttc_summary_recv);
Datum
ttc_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			nsteps = pq_getmsgbyte(buf);
	int32	   *b[FUNNEL_MAX_STEPS + 1] = {0};
	int64	   *c[FUNNEL_MAX_STEPS + 1] = {0};
	int32		npairs[FUNNEL_MAX_STEPS + 1] = {0};
	int			k,
				i;

	if (version != TTC_VERSION || nsteps < 1 || nsteps > FUNNEL_MAX_STEPS)
		(void) ttc_build(version, nsteps, b, c, npairs, ERRCODE_INVALID_BINARY_REPRESENTATION);
	for (k = 2; k <= nsteps; k++)
	{
		int			n = pq_getmsgint(buf, 4);

		if (n < 0 || n > TTC_NBUCKETS || (int64) n * 10 > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid ttc_summary bucket count %d", n)));
		npairs[k] = n;
		b[k] = palloc(sizeof(int32) * Max(n, 1));
		c[k] = palloc(sizeof(int64) * Max(n, 1));
		for (i = 0; i < n; i++)
		{
			b[k][i] = (int16) pq_getmsgint(buf, 2);
			c[k][i] = pq_getmsgint64(buf);
		}
	}
	pq_getmsgend(buf);
	PG_RETURN_POINTER(ttc_build(version, nsteps, b, c, npairs,
								ERRCODE_INVALID_BINARY_REPRESENTATION));
}

/* ttc_summary_send */
PG_FUNCTION_INFO_V1(ttc_summary_send);
Datum
ttc_summary_send(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	StringInfoData buf;
	int			k,
				i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, s->version);
	pq_sendbyte(&buf, s->nsteps);
	for (k = 2; k <= s->nsteps; k++)
	{
		const int32 *b;
		const int64 *c;

		ttc_step_arrays(s, k, &b, &c);
		pq_sendint32(&buf, s->npairs[k]);
		for (i = 0; i < s->npairs[k]; i++)
		{
			pq_sendint16(&buf, (uint16) b[i]);
			pq_sendint64(&buf, c[i]);
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * The aggregates below use ttc_summary itself as their transition state, so
 * partial states are values of a real type (Citus ships them through its
 * I/O) and no serialize step is needed.  A state gains one (bucket, count)
 * pair per new bucket: a row that lands in an existing bucket increments it
 * in place; a new bucket makes a copy one pair longer, which the executor
 * then copies into the aggregate context (and frees the old state), as it
 * does for every by-reference state that a transition function replaces.
 */

/* An empty summary of one step, the start of every state. */
static TtcSummary *
ttc_empty(void)
{
	TtcSummary *s = (TtcSummary *) palloc0(offsetof(TtcSummary, data));

	SET_VARSIZE(s, offsetof(TtcSummary, data));
	s->version = TTC_VERSION;
	s->nsteps = 1;
	return s;
}

/* Position of bucket in step k, or where it would be inserted (*found). */
static int
ttc_find(const TtcSummary *s, int k, int bucket, bool *found)
{
	const int32 *b;
	const int64 *c;
	int			lo = 0,
				hi = s->npairs[k];

	ttc_step_arrays(s, k, &b, &c);
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (b[mid] < bucket)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = (lo < s->npairs[k] && b[lo] == bucket);
	return lo;
}

/*
 * A copy of s with a pair (bucket, count) inserted at position pos of step
 * k, in the current memory context.
 */
static TtcSummary *
ttc_with_pair(const TtcSummary *s, int k, int pos, int bucket, int64 count)
{
	Size		size = VARSIZE(s) - MAXALIGN(sizeof(int32) * s->npairs[k]) +
		MAXALIGN(sizeof(int32) * (s->npairs[k] + 1)) + sizeof(int64);
	TtcSummary *r = (TtcSummary *) palloc0(size);
	int			j;

	memcpy(r, s, offsetof(TtcSummary, data));
	SET_VARSIZE(r, size);
	r->npairs[k]++;
	for (j = 2; j <= s->nsteps; j++)
	{
		const int32 *sb;
		const int64 *sc;
		int32	   *rb;
		int64	   *rc;
		int			n = s->npairs[j];

		ttc_step_arrays(s, j, &sb, &sc);
		ttc_step_arrays(r, j, (const int32 **) &rb, (const int64 **) &rc);
		if (j != k)
		{
			memcpy(rb, sb, sizeof(int32) * n);
			memcpy(rc, sc, sizeof(int64) * n);
			continue;
		}
		memcpy(rb, sb, sizeof(int32) * pos);
		memcpy(rc, sc, sizeof(int64) * pos);
		rb[pos] = bucket;
		rc[pos] = count;
		memcpy(rb + pos + 1, sb + pos, sizeof(int32) * (n - pos));
		memcpy(rc + pos + 1, sc + pos, sizeof(int64) * (n - pos));
	}
	return r;
}

/*
 * Add count entities to bucket of step k: in place when the bucket exists,
 * else in a copy one pair longer.  Returns the (possibly new) summary.
 */
static TtcSummary *
ttc_add(TtcSummary *s, int k, int bucket, int64 count)
{
	bool		found;
	int			pos = ttc_find(s, k, bucket, &found);

	if (found)
	{
		const int32 *b;
		const int64 *c;

		ttc_step_arrays(s, k, &b, &c);
		if (pg_add_s64_overflow(c[pos], count, (int64 *) &c[pos]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("ttc_summary count out of range")));
		return s;
	}
	return ttc_with_pair(s, k, pos, bucket, count);
}

/*
 * time_to_convert_agg(times float8[]) transition: add one entity's step
 * times (window_funnel_times output: seconds from step 1, element 1 = 0).
 * NULL arrays and NULL elements are skipped.
 */
PG_FUNCTION_INFO_V1(ttc_agg_transfn);
Datum
ttc_agg_transfn(PG_FUNCTION_ARGS)
{
	TtcSummary *st;
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				k;

	if (!cjkpi_state_is_ours(fcinfo))
		elog(ERROR, "ttc_agg_transfn called in non-aggregate context");
	st = PG_ARGISNULL(0) ? ttc_empty() : (TtcSummary *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);
	arr = PG_GETARG_ARRAYTYPE_P(1);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("time_to_convert_agg times must be a one-dimensional array")));
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	if (n > FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("time_to_convert_agg supports at most %d steps, got %d",
						FUNNEL_MAX_STEPS, n)));
	/* steps without pairs take no space, so more steps is a header change */
	if (n > st->nsteps)
		st->nsteps = n;
	for (k = 2; k <= n; k++)
	{
		double		t;

		if (nulls[k - 1])
			continue;
		t = DatumGetFloat8(elems[k - 1]);
		if (isnan(t) || t < 0 || t > TTC_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time to convert must be between 0 and %g seconds, got %g", TTC_MAX, t)));
		st = ttc_add(st, k, ttc_bucket(t), 1);
	}
	pfree(elems);
	pfree(nulls);
	PG_RETURN_POINTER(st);
}

/* The sum of two summaries, as a new value. */
static TtcSummary *
ttc_merge(const TtcSummary *a, const TtcSummary *b)
{
	TtcState	st;
	TtcSummary *r;
	int			k;

	memset(&st, 0, sizeof(st));
	st.nsteps = Max(a->nsteps, b->nsteps);
	ttc_state_merge(&st, a, CurrentMemoryContext);
	ttc_state_merge(&st, b, CurrentMemoryContext);
	r = ttc_from_state(&st);
	for (k = 2; k <= r->nsteps; k++)
		(void) ttc_step_total(r, k);
	return r;
}

static struct varlena *
ttc_merge_into(struct varlena *into, const struct varlena *from)
{
	return (struct varlena *) ttc_merge((const TtcSummary *) into,
										(const TtcSummary *) from);
}

static struct varlena *
ttc_fetch(Datum d)
{
	return (struct varlena *) PG_DETOAST_DATUM(d);
}

/*
 * Merge summaries: the transition function of rollup(ttc_summary) and the
 * combine function of both aggregates.  NULL on either side is skipped.
 */
PG_FUNCTION_INFO_V1(ttc_summary_merge);
Datum
ttc_summary_merge(PG_FUNCTION_ARGS)
{
	return cjkpi_merge_support(fcinfo, ttc_fetch, ttc_merge_into);
}

static void
ttc_check_step(const TtcSummary *s, int k)
{
	if (k < 1 || k > s->nsteps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel step %d is out of range", k),
				 errdetail("The summary has steps 1 to %d.", s->nsteps)));
}

/*
 * time_to_convert(s, step, q): the q-quantile (nearest rank) of the seconds
 * from step 1 to the step, within 1 % relative error; NULL if no entity
 * reached the step.  Step 1 is 0 by definition.
 */
PG_FUNCTION_INFO_V1(ttc_quantile);
Datum
ttc_quantile(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	int32		k = PG_GETARG_INT32(1);
	double		q = PG_GETARG_FLOAT8(2);
	const int32 *b;
	const int64 *c;
	int64		total,
				rank,
				seen = 0;
	double		rank_d;
	int			i;

	ttc_check_step(s, k);
	if (!(q >= 0.0 && q <= 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantile must be between 0 and 1, not %g", q)));
	if (k == 1)
		PG_RETURN_FLOAT8(0.0);
	ttc_step_arrays(s, k, &b, &c);
	total = ttc_step_total(s, k);
	if (total == 0)
		PG_RETURN_NULL();
	/* (double) total may round above INT64_MAX: compare before casting */
	rank_d = ceil(q * (double) total);
	rank = rank_d >= (double) total ? total : Max((int64) rank_d, 1);
	for (i = 0; i < s->npairs[k]; i++)
	{
		seen += c[i];
		if (seen >= rank)
			break;
	}
	PG_RETURN_FLOAT8(ttc_value(b[Min(i, s->npairs[k] - 1)]));
}

/* time_to_convert_count(s, step): entities with a time for the step */
PG_FUNCTION_INFO_V1(ttc_count);
Datum
ttc_count(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	int32		k = PG_GETARG_INT32(1);

	ttc_check_step(s, k);
	if (k == 1)
		PG_RETURN_NULL();
	PG_RETURN_INT64(ttc_step_total(s, k));
}

/*
 * =, <>, <, <=, >, >= and the btree and hash support of ttc_summary: the byte
 * order of the binary send form (see sumorder.h), a total order with no
 * meaning beyond telling values apart.
 */
CJKPI_SUMMARY_ORDER(ttc_summary, ttc_summary_send)
