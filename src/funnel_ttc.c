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
 * The summary is sparse: per step, the non-empty (bucket, count) pairs; as
 * an aggregate state it has room to grow (see Layout below).  Text form:
 * "v1;steps=N;s2=i:c,i:c;s3=...;...;sN=..." (step 1 is always 0 and not
 * stored).  Binary: version byte, N byte, then per step 2..N an int32 pair
 * count and (int16 bucket, int64 count) pairs.
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
#include "utils/timestamp.h"

#include "aggstate.h"
#include "compat.h"
#include "funnel.h"
#include "sumorder.h"
#include "sumtext.h"

#define TTC_VERSION		1		/* the in-memory layout */
#define TTC_FORMAT_ENTERED	2	/* text and binary form with the entered count */
#define TTC_ALPHA		0.01
#define TTC_MIN			0.001	/* seconds; at or below counts as 0 */
#define TTC_MAX			1.0e9	/* seconds */
#define TTC_NBUCKETS	1400	/* covers (TTC_MIN, TTC_MAX] with g = 1.0202 */

/*
 * In "reserved": TTC_FLAG_ROOM, the value has the growable layout of an
 * aggregate state (see below); values built by input functions are compact.
 * TTC_FLAG_ENTERED, the value knows how many entities entered the funnel
 * (values of cjkpi 1.0 do not).
 */
#define TTC_FLAG_ROOM		0x0001
#define TTC_FLAG_ENTERED	0x0002

/* summary: header, then per step 2..n its buckets and counts */
typedef struct TtcSummary
{
	int32		vl_len_;
	uint8		version;
	uint8		nsteps;
	uint16		reserved;		/* TTC_FLAG_* */
	int32		npairs[FUNNEL_MAX_STEPS + 1];	/* per step; [0], [1]: see below */
	int32		pad;			/* keeps data 8-byte aligned */

	/*
	 * Then, with TTC_FLAG_ROOM, int64 totals[nsteps + 1] (each step's
	 * entities).  Then for each step 2..nsteps a region for cap
	 * pairs: cap int32 buckets (increasing), MAXALIGNed, then cap int64
	 * counts; cap = npairs in the compact layout, ttc_room(npairs) with
	 * TTC_FLAG_ROOM.
	 */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} TtcSummary;

#define TTC_TOTALS_SIZE(s)	(ttc_has_room(s) ? sizeof(int64) * ((s)->nsteps + 1) : 0)
#define PG_GETARG_TTC_P(n)	((TtcSummary *) ttc_fetch(PG_GETARG_DATUM(n)))

StaticAssertDecl(offsetof(TtcSummary, data) % 8 == 0, "TtcSummary data must be 8-byte aligned");
StaticAssertDecl(offsetof(TtcSummary, npairs) % 8 == 0, "TtcSummary entered must be 8-byte aligned");

/*
 * The entered count (entities that reached step 1) lives in npairs[0..1],
 * 8 aligned bytes that steps never use and that 1.0 left zero, so the
 * layout of stored 1.0 values is unchanged.
 */
static inline int64
ttc_entered(const TtcSummary *s)
{
	int64		v;

	memcpy(&v, &s->npairs[0], sizeof(v));
	return v;
}

static inline void
ttc_set_entered(TtcSummary *s, int64 v)
{
	memcpy(&s->npairs[0], &v, sizeof(v));
}

static inline bool
ttc_knows_entered(const TtcSummary *s)
{
	return (s->reserved & TTC_FLAG_ENTERED) != 0;
}

static struct varlena *ttc_fetch(Datum d);

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

/* ---------------------------------------------------------------------
 * Layout
 *
 * A summary is sparse: per step only its non-empty buckets, in order.  As
 * an aggregate state it must also grow cheaply, one new bucket at a time,
 * without copying the whole value for each (which made time_to_convert_agg
 * quadratic in the number of buckets).  So a state has the growable layout:
 * each step's region has room for ttc_room(npairs) pairs, a power of two
 * (at most TTC_NBUCKETS), so a new bucket usually moves only the later
 * pairs of its own step, and a step is copied to a larger region at most
 * 11 times (log2 TTC_NBUCKETS); and the per-step totals are
 * kept, so a merge checks them in O(1) per pair.  The growable layout is
 * never visible outside: text and binary output, equality and hashing read
 * the pairs only.
 * ---------------------------------------------------------------------
 */

static int
ttc_room(int n)
{
	int			cap = 1;

	if (n == 0)
		return 0;
	while (cap < n)
		cap *= 2;
	return Min(cap, TTC_NBUCKETS);
}

static inline bool
ttc_has_room(const TtcSummary *s)
{
	return (s->reserved & TTC_FLAG_ROOM) != 0;
}

/* capacity of the region of step k */
static inline int
ttc_cap(const TtcSummary *s, int k)
{
	return ttc_has_room(s) ? ttc_room(s->npairs[k]) : s->npairs[k];
}

static inline Size
ttc_region_size(int cap)
{
	return MAXALIGN(sizeof(int32) * cap) + sizeof(int64) * cap;
}

/* the total size a summary's header says it has */
static Size
ttc_layout_size(const TtcSummary *s)
{
	Size		size = offsetof(TtcSummary, data) + TTC_TOTALS_SIZE(s);
	int			k;

	for (k = 2; k <= s->nsteps; k++)
		size += ttc_region_size(ttc_cap(s, k));
	return size;
}

/* where each step's region starts (region[2..nsteps]), in one pass */
static void
ttc_regions(const TtcSummary *s, const char **region)
{
	const char *p = s->data + TTC_TOTALS_SIZE(s);
	int			k;

	for (k = 2; k <= s->nsteps; k++)
	{
		region[k] = p;
		p += ttc_region_size(ttc_cap(s, k));
	}
}

/* the bucket and count arrays of step k, given its region */
static inline void
ttc_region_arrays(const TtcSummary *s, int k, const char *region,
				  const int32 **buckets, const int64 **counts)
{
	*buckets = (const int32 *) region;
	*counts = (const int64 *) (region + MAXALIGN(sizeof(int32) * ttc_cap(s, k)));
}

/* the bucket and count arrays of step k */
static void
ttc_step_arrays(const TtcSummary *s, int k, const int32 **buckets, const int64 **counts)
{
	const char *p = s->data + TTC_TOTALS_SIZE(s);
	int			j;

	for (j = 2; j < k; j++)
		p += ttc_region_size(ttc_cap(s, j));
	ttc_region_arrays(s, k, p, buckets, counts);
}

static inline int64 *
ttc_totals(TtcSummary *s)
{
	Assert(ttc_has_room(s));
	return (int64 *) s->data;
}

static void
ttc_total_overflow(int k)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("ttc_summary step %d counts more than 2^63-1 entities", k),
			 errdetail("The bucket counts of a step add up to its number of entities.")));
}

/*
 * The entities counted for step k: the sum of its bucket counts.  Every
 * input and merge keeps it within int64, so the overflow check of the
 * compact layout only guards that promise.
 */
static int64
ttc_step_total(const TtcSummary *s, int k)
{
	const int32 *b;
	const int64 *c;
	int64		total = 0;
	int			i;

	if (ttc_has_room(s))
		return ((const int64 *) s->data)[k];
	ttc_step_arrays(s, k, &b, &c);
	for (i = 0; i < s->npairs[k]; i++)
		if (pg_add_s64_overflow(total, c[i], &total))
			ttc_total_overflow(k);
	return total;
}

/*
 * A copy of s in the growable layout with nsteps steps (at least s's), in
 * the current memory context, with the pair (bucket, count) inserted at
 * position pos of step k when k > 0.
 */
static TtcSummary *
ttc_regrow(const TtcSummary *s, int nsteps, int k, int pos, int bucket, int64 count)
{
	TtcSummary *r;
	Size		size;
	int			j;

	r = (TtcSummary *) palloc(offsetof(TtcSummary, data));
	memcpy(r, s, offsetof(TtcSummary, data));
	r->reserved = s->reserved | TTC_FLAG_ROOM;
	r->nsteps = (uint8) Max(s->nsteps, nsteps);
	if (k > 0)
		r->npairs[k]++;
	size = ttc_layout_size(r);
	r = (TtcSummary *) repalloc(r, size);
	memset(r->data, 0, size - offsetof(TtcSummary, data));
	SET_VARSIZE(r, size);
	for (j = 2; j <= s->nsteps; j++)
	{
		const int32 *sb;
		const int64 *sc;
		int32	   *rb;
		int64	   *rc;
		int			n = s->npairs[j];

		ttc_step_arrays(s, j, &sb, &sc);
		ttc_step_arrays(r, j, (const int32 **) &rb, (const int64 **) &rc);
		ttc_totals(r)[j] = ttc_step_total(s, j);
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
		if (pg_add_s64_overflow(ttc_totals(r)[j], count, &ttc_totals(r)[j]))
			ttc_total_overflow(j);
	}
	return r;
}

/*
 * s (ours to modify) with at least nsteps steps: more steps are a header
 * change in the compact layout (their regions are empty) but move the data
 * of the growable one, whose totals come first.
 */
static TtcSummary *
ttc_widen(TtcSummary *s, int nsteps)
{
	if (nsteps <= s->nsteps)
		return s;
	if (ttc_has_room(s))
		return ttc_regrow(s, nsteps, 0, 0, 0, 0);
	s->nsteps = (uint8) nsteps;
	return s;
}

/*
 * Position of bucket among b[0..n), or where it would be inserted (*found).
 * Branch-free halving (the compiler turns the step into a conditional
 * move): rollups spend most of their time here, and a mispredicted branch
 * per probe doubled it.
 */
static inline int
ttc_find(const int32 *b, int n, int bucket, bool *found)
{
	const int32 *base = b;
	int			len = n;
	int			pos;

	if (n == 0)
	{
		*found = false;
		return 0;
	}
	while (len > 1)
	{
		int			half = len / 2;

		base += (base[half] <= bucket) ? half : 0;
		len -= half;
	}
	pos = (int) (base - b);
	if (*base == bucket)
	{
		*found = true;
		return pos;
	}
	*found = false;
	return *base < bucket ? pos + 1 : pos;
}

/*
 * Add count entities to bucket of step k (k <= s->nsteps) of a summary that
 * is ours to modify; region is where step k starts in s (from ttc_regions).
 * In place when the bucket exists or its step has room; otherwise (and the
 * first time, when s is compact) in a grown copy.  Returns the summary to
 * use from now on: when it is not s, the caller's regions are stale.
 */
static TtcSummary *
ttc_add(TtcSummary *s, int k, const char *region, int bucket, int64 count)
{
	bool		found;
	int			pos;
	int32	   *b;
	int64	   *c;
	int			n;

	if (!ttc_has_room(s))
	{
		s = ttc_regrow(s, 0, 0, 0, 0, 0);
		ttc_step_arrays(s, k, (const int32 **) &b, (const int64 **) &c);
	}
	else
		ttc_region_arrays(s, k, region, (const int32 **) &b, (const int64 **) &c);
	n = s->npairs[k];
	pos = ttc_find(b, n, bucket, &found);
	if (!found && n == ttc_room(n))
		return ttc_regrow(s, 0, k, pos, bucket, count);
	if (pg_add_s64_overflow(ttc_totals(s)[k], count, &ttc_totals(s)[k]))
		ttc_total_overflow(k);
	if (found)
	{
		/* the total did not overflow, so no bucket of the step can */
		c[pos] += count;
		return s;
	}
	memmove(b + pos + 1, b + pos, sizeof(int32) * (n - pos));
	memmove(c + pos + 1, c + pos, sizeof(int64) * (n - pos));
	b[pos] = bucket;
	c[pos] = count;
	s->npairs[k]++;
	return s;
}

/*
 * A summary argument, detoasted, with a header that agrees with its size
 * (values are validated on input; this guards against corrupted storage
 * before any offset is computed from the header).
 */
static struct varlena *
ttc_fetch(Datum d)
{
	TtcSummary *s = (TtcSummary *) PG_DETOAST_DATUM(d);
	bool		ok;
	int			k;

	ok = VARSIZE(s) >= offsetof(TtcSummary, data) && s->version == TTC_VERSION &&
		s->nsteps >= 1 && s->nsteps <= FUNNEL_MAX_STEPS &&
		(s->reserved & ~(TTC_FLAG_ROOM | TTC_FLAG_ENTERED)) == 0 &&
		ttc_entered(s) >= 0 && (ttc_knows_entered(s) || ttc_entered(s) == 0);
	for (k = 2; ok && k <= s->nsteps; k++)
		ok = s->npairs[k] >= 0 && s->npairs[k] <= TTC_NBUCKETS;
	/* steps beyond nsteps must be empty: merging may widen the summary */
	for (k = s->nsteps + 1; ok && k <= FUNNEL_MAX_STEPS; k++)
		ok = s->npairs[k] == 0;
	if (!ok || VARSIZE(s) != ttc_layout_size(s))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid ttc_summary value of %u bytes", (unsigned int) VARSIZE(s))));
	return (struct varlena *) s;
}

/*
 * Validate decoded pairs of step k: buckets increasing within range, counts
 * positive, and their total (the step's entities) within int64.  Returns
 * false after a soft error (text input on PostgreSQL 16+).
 */
static bool
ttc_check_pairs(int k, const int32 *b, const int64 *c, int n, int code,
				Node *escontext)
{
	int64		total = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		if (b[i] < 0 || b[i] >= TTC_NBUCKETS || (i > 0 && b[i] <= b[i - 1]))
			ereturn(escontext, false,
					(errcode(code),
					 errmsg("ttc_summary buckets must increase within 0..%d", TTC_NBUCKETS - 1)));
		if (c[i] <= 0)
			ereturn(escontext, false,
					(errcode(code),
					 errmsg("ttc_summary bucket counts must be positive")));
		if (pg_add_s64_overflow(total, c[i], &total))
			ereturn(escontext, false,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("ttc_summary step %d counts more than 2^63-1 entities", k),
					 errdetail("The bucket counts of a step add up to its number of entities.")));
	}
	return true;
}

/* a known format version and 1..32 steps; false after a soft error */
static bool
ttc_check_header(int version, int64 nsteps, int code, Node *escontext)
{
	if (version != TTC_VERSION && version != TTC_FORMAT_ENTERED)
		ereturn(escontext, false,
				(errcode(code),
				 errmsg("unsupported ttc_summary version %d", version),
				 errdetail("This version of cjkpi reads versions %d and %d.",
						   TTC_VERSION, TTC_FORMAT_ENTERED)));
	if (nsteps < 1 || nsteps > FUNNEL_MAX_STEPS)
		ereturn(escontext, false,
				(errcode(code),
				 errmsg("ttc_summary must have between 1 and %d steps, not " INT64_FORMAT,
						FUNNEL_MAX_STEPS, nsteps)));
	return true;
}

/*
 * Build a compact summary from decoded per-step pair lists (shared by text
 * and binary input, so both run the same checks).  entered < 0: unknown (a
 * version 1 value); else no step may count more entities than entered.
 * NULL after a soft error.
 */
static TtcSummary *
ttc_build(int version, int nsteps, int64 entered, int32 **b, int64 **c,
		  const int32 *npairs, int code, Node *escontext)
{
	TtcSummary *s;
	Size		size;
	int			k;

	if (!ttc_check_header(version, nsteps, code, escontext))
		return NULL;
	s = (TtcSummary *) palloc0(offsetof(TtcSummary, data));
	s->version = TTC_VERSION;
	s->nsteps = (uint8) nsteps;
	for (k = 2; k <= nsteps; k++)
	{
		if (!ttc_check_pairs(k, b[k], c[k], npairs[k], code, escontext))
			return NULL;
		s->npairs[k] = npairs[k];
	}
	size = ttc_layout_size(s);
	s = (TtcSummary *) repalloc(s, size);
	memset(s->data, 0, size - offsetof(TtcSummary, data));
	SET_VARSIZE(s, size);
	for (k = 2; k <= nsteps; k++)
	{
		int32	   *sb;
		int64	   *sc;

		ttc_step_arrays(s, k, (const int32 **) &sb, (const int64 **) &sc);
		memcpy(sb, b[k], sizeof(int32) * npairs[k]);
		memcpy(sc, c[k], sizeof(int64) * npairs[k]);
		if (entered >= 0 && ttc_step_total(s, k) > entered)
			ereturn(escontext, NULL,
					(errcode(code),
					 errmsg("ttc_summary step %d counts more entities than entered the funnel", k),
					 errdetail("Step %d has " INT64_FORMAT " entities, " INT64_FORMAT " entered.",
							   k, ttc_step_total(s, k), entered)));
	}
	if (entered >= 0)
	{
		s->reserved |= TTC_FLAG_ENTERED;
		ttc_set_entered(s, entered);
	}
	return s;
}

/*
 * The "bucket:count,..." list of one step into b[], c[], their number in
 * *n (up to TTC_NBUCKETS; an empty list is a step nobody reached).
 */
static bool
ttc_parse_pairs(SumText *t, int32 *b, int64 *c, int32 *n)
{
	*n = 0;
	if (!sumtext_at_digit(t))
		return true;
	for (;;)
	{
		int64		bucket;

		if (*n >= TTC_NBUCKETS)
			return sumtext_syntax_error(t, "A step has at most %d buckets.", TTC_NBUCKETS);
		if (!sumtext_int64(t, &bucket) || !sumtext_expect(t, ":") ||
			!sumtext_int64(t, &c[*n]))
			return false;
		b[(*n)++] = (int32) Min(bucket, (int64) TTC_NBUCKETS);	/* checked later */
		if (!sumtext_accept(t, ","))
			return true;
	}
}

/*
 * ttc_summary_in: "v2;steps=N;entered=E;s2=i:c,...;...;sN=...", or the 1.0
 * form "v1;steps=N;s2=..." without the entered count (then unknown).
 */
PG_FUNCTION_INFO_V1(ttc_summary_in);
Datum
ttc_summary_in(PG_FUNCTION_ARGS)
{
	SumText		t;
	int			version;
	int64		nsteps,
				entered = -1;
	int32	   *b[FUNNEL_MAX_STEPS + 1] = {0};
	int64	   *c[FUNNEL_MAX_STEPS + 1] = {0};
	int32		npairs[FUNNEL_MAX_STEPS + 1] = {0};
	int			k;
	TtcSummary *s;

	sumtext_init(&t, PG_GETARG_CSTRING(0), "ttc_summary", CJKPI_ESCONTEXT(fcinfo));
	if (!sumtext_version(&t, &version))
		PG_RETURN_NULL();
	if (!ttc_check_header(version, 1, ERRCODE_INVALID_TEXT_REPRESENTATION, t.escontext) ||
		!sumtext_expect(&t, ";steps=") || !sumtext_int64(&t, &nsteps) ||
		!ttc_check_header(version, nsteps, ERRCODE_INVALID_TEXT_REPRESENTATION, t.escontext))
		PG_RETURN_NULL();
	if (version == TTC_FORMAT_ENTERED &&
		(!sumtext_expect(&t, ";entered=") || !sumtext_int64(&t, &entered)))
		PG_RETURN_NULL();
	for (k = 2; k <= nsteps; k++)
	{
		char		tag[16];

		snprintf(tag, sizeof(tag), ";s%d=", k);
		b[k] = palloc(sizeof(int32) * TTC_NBUCKETS);
		c[k] = palloc(sizeof(int64) * TTC_NBUCKETS);
		if (!sumtext_expect(&t, tag) || !ttc_parse_pairs(&t, b[k], c[k], &npairs[k]))
			PG_RETURN_NULL();
	}
	if (!sumtext_end(&t))
		PG_RETURN_NULL();
	s = ttc_build(version, (int) nsteps, entered, b, c, npairs,
				  ERRCODE_INVALID_TEXT_REPRESENTATION, t.escontext);
	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(s);
}

/* ttc_summary_out: version 2, or 1 when the entered count is unknown */
PG_FUNCTION_INFO_V1(ttc_summary_out);
Datum
ttc_summary_out(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	StringInfoData buf;
	int			k,
				i;

	initStringInfo(&buf);
	if (ttc_knows_entered(s))
		appendStringInfo(&buf, "v%d;steps=%d;entered=" INT64_FORMAT,
						 TTC_FORMAT_ENTERED, s->nsteps, ttc_entered(s));
	else
		appendStringInfo(&buf, "v%d;steps=%d", TTC_VERSION, s->nsteps);
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

/*
 * ttc_summary_recv: binary input with the checks of text input.  Version 2:
 * version byte, N byte, int64 entered, then per step 2..N an int32 pair
 * count and (int16 bucket, int64 count) pairs; version 1 has no entered.
 */
PG_FUNCTION_INFO_V1(ttc_summary_recv);
Datum
ttc_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			nsteps = pq_getmsgbyte(buf);
	int64		entered = -1;
	int32	   *b[FUNNEL_MAX_STEPS + 1] = {0};
	int64	   *c[FUNNEL_MAX_STEPS + 1] = {0};
	int32		npairs[FUNNEL_MAX_STEPS + 1] = {0};
	int			k,
				i;

	(void) ttc_check_header(version, nsteps, ERRCODE_INVALID_BINARY_REPRESENTATION, NULL);
	if (version == TTC_FORMAT_ENTERED)
	{
		entered = pq_getmsgint64(buf);
		if (entered < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid ttc_summary entered count " INT64_FORMAT, entered)));
	}
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
	PG_RETURN_POINTER(ttc_build(version, nsteps, entered, b, c, npairs,
								ERRCODE_INVALID_BINARY_REPRESENTATION, NULL));
}

/* ttc_summary_send: version 2, or 1 when the entered count is unknown */
PG_FUNCTION_INFO_V1(ttc_summary_send);
Datum
ttc_summary_send(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	StringInfoData buf;
	int			k,
				i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ttc_knows_entered(s) ? TTC_FORMAT_ENTERED : TTC_VERSION);
	pq_sendbyte(&buf, s->nsteps);
	if (ttc_knows_entered(s))
		pq_sendint64(&buf, ttc_entered(s));
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
 * I/O) and no serialize step is needed.  The state has the growable layout
 * (see Layout above) and follows src/aggstate.h: the first state is built in
 * per-call memory, later rows update it in place, and when a step must grow
 * the new, larger value is returned for the executor to copy into the
 * aggregate context.
 */

/* An empty summary of one step, the start of every state. */
static TtcSummary *
ttc_empty(void)
{
	Size		size = offsetof(TtcSummary, data) + sizeof(int64) * 2;
	TtcSummary *s = (TtcSummary *) palloc0(size);

	SET_VARSIZE(s, size);
	s->version = TTC_VERSION;
	s->nsteps = 1;
	s->reserved = TTC_FLAG_ROOM | TTC_FLAG_ENTERED;
	return s;
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
	const char *region[FUNNEL_MAX_STEPS + 1];
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
	st = ttc_widen(st, n);
	/* an entity with any time entered the funnel (level 0 gives {}) */
	if (n >= 1 && ttc_knows_entered(st))
	{
		int64		entered;

		if (pg_add_s64_overflow(ttc_entered(st), 1, &entered))
			ttc_total_overflow(1);
		ttc_set_entered(st, entered);
	}
	ttc_regions(st, region);
	for (k = 2; k <= n; k++)
	{
		double		t;
		TtcSummary *next;

		if (nulls[k - 1])
			continue;
		t = DatumGetFloat8(elems[k - 1]);
		if (isnan(t) || t < 0 || t > TTC_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time to convert must be between 0 and %g seconds, got %g", TTC_MAX, t)));
		next = ttc_add(st, k, region[k], ttc_bucket(t), 1);
		if (next != st)
		{
			st = next;
			ttc_regions(st, region);
		}
	}
	pfree(elems);
	pfree(nulls);
	PG_RETURN_POINTER(st);
}

/*
 * Add every pair of from into into (ours to modify): one binary search per
 * pair, growth as in ttc_add.  Returns the summary to use from now on.
 */
static struct varlena *
ttc_merge_into(struct varlena *into, const struct varlena *from)
{
	TtcSummary *a = (TtcSummary *) into;
	const TtcSummary *b = (const TtcSummary *) from;
	const char *region[FUNNEL_MAX_STEPS + 1];
	int			k,
				i;

	a = ttc_widen(a, b->nsteps);
	/* entered counts add; merged with a 1.0 value the count is unknown */
	if (ttc_knows_entered(a) && ttc_knows_entered(b))
	{
		int64		entered;

		if (pg_add_s64_overflow(ttc_entered(a), ttc_entered(b), &entered))
			ttc_total_overflow(1);
		ttc_set_entered(a, entered);
	}
	else
	{
		a->reserved &= ~TTC_FLAG_ENTERED;
		ttc_set_entered(a, 0);
	}
	ttc_regions(a, region);
	for (k = 2; k <= b->nsteps; k++)
	{
		const int32 *bb;
		const int64 *bc;

		ttc_step_arrays(b, k, &bb, &bc);
		for (i = 0; i < b->npairs[k]; i++)
		{
			TtcSummary *next = ttc_add(a, k, region[k], bb[i], bc[i]);

			if (next != a)
			{
				a = next;
				ttc_regions(a, region);
			}
		}
	}
	return (struct varlena *) a;
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

/* ttc_summary + ttc_summary: the merged summary */
PG_FUNCTION_INFO_V1(ttc_summary_add);
Datum
ttc_summary_add(PG_FUNCTION_ARGS)
{
	return cjkpi_add_support(fcinfo, ttc_fetch, ttc_merge_into);
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
 * The q-quantile (nearest rank) of the seconds from step 1 to step k, within
 * 1 % relative error; false if no entity reached the step.  Step 1 is 0 by
 * definition.
 */
static bool
ttc_quantile_seconds(const TtcSummary *s, int k, double q, double *seconds)
{
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
	*seconds = 0.0;
	if (k == 1)
		return true;
	ttc_step_arrays(s, k, &b, &c);
	total = ttc_step_total(s, k);
	if (total == 0)
		return false;
	/* (double) total may round above INT64_MAX: compare before casting */
	rank_d = ceil(q * (double) total);
	rank = rank_d >= (double) total ? total : Max((int64) rank_d, 1);
	for (i = 0; i < s->npairs[k]; i++)
	{
		seen += c[i];
		if (seen >= rank)
			break;
	}
	*seconds = ttc_value(b[Min(i, s->npairs[k] - 1)]);
	return true;
}

/* time_to_convert(s, step, q): the quantile in seconds; NULL if unreached */
PG_FUNCTION_INFO_V1(ttc_quantile);
Datum
ttc_quantile(PG_FUNCTION_ARGS)
{
	double		seconds;

	if (!ttc_quantile_seconds(PG_GETARG_TTC_P(0), PG_GETARG_INT32(1),
							  PG_GETARG_FLOAT8(2), &seconds))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(seconds);
}

/*
 * time_to_convert_interval(s, step, q): the same quantile as an interval
 * (days and time, rounded to the microsecond); NULL if unreached.
 */
PG_FUNCTION_INFO_V1(ttc_quantile_interval);
Datum
ttc_quantile_interval(PG_FUNCTION_ARGS)
{
	double		seconds;
	int64		usecs;
	Interval   *iv;

	if (!ttc_quantile_seconds(PG_GETARG_TTC_P(0), PG_GETARG_INT32(1),
							  PG_GETARG_FLOAT8(2), &seconds))
		PG_RETURN_NULL();
	usecs = (int64) rint(seconds * USECS_PER_SEC);	/* at most ~1e9 s: fits */
	iv = (Interval *) palloc(sizeof(Interval));
	iv->month = 0;
	iv->day = (int32) (usecs / USECS_PER_DAY);
	iv->time = usecs % USECS_PER_DAY;
	PG_RETURN_INTERVAL_P(iv);
}

/*
 * converted_within(s, step, within): percent (0-100) of the entities that
 * entered the funnel whose time from step 1 to the step is at most within.
 * Times are compared at bucket resolution: the bucket that holds within
 * counts as within, so entities up to 2 % slower may be counted.  NULL when
 * the entered count is unknown (a 1.0 value) or nobody entered.
 */
PG_FUNCTION_INFO_V1(ttc_converted_within);
Datum
ttc_converted_within(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	int32		k = PG_GETARG_INT32(1);
	Interval   *within = PG_GETARG_INTERVAL_P(2);
	double		seconds;
	int64		reached = 0;
	const int32 *b;
	const int64 *c;
	int			limit,
				i;

	ttc_check_step(s, k);
	if (within->month != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("converted_within time must not contain months or years"),
				 errdetail("Months and years have no fixed length."),
				 errhint("Use days, such as interval '30 days'.")));
	seconds = (double) within->day * SECS_PER_DAY + (double) within->time / USECS_PER_SEC;
	if (seconds < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("converted_within time must not be negative")));
	if (!ttc_knows_entered(s) || ttc_entered(s) == 0)
		PG_RETURN_NULL();
	if (k == 1)
		PG_RETURN_FLOAT8(100.0);
	limit = seconds > TTC_MAX ? TTC_NBUCKETS - 1 : ttc_bucket(seconds);
	ttc_step_arrays(s, k, &b, &c);
	for (i = 0; i < s->npairs[k] && b[i] <= limit; i++)
		reached += c[i];		/* at most the step total: no overflow */
	PG_RETURN_FLOAT8(100.0 * (double) reached / (double) ttc_entered(s));
}

/*
 * time_to_convert_count(s, step): entities with a time for the step; for
 * step 1 the entities that entered the funnel (NULL for a 1.0 value, which
 * did not record them).
 */
PG_FUNCTION_INFO_V1(ttc_count);
Datum
ttc_count(PG_FUNCTION_ARGS)
{
	TtcSummary *s = PG_GETARG_TTC_P(0);
	int32		k = PG_GETARG_INT32(1);

	ttc_check_step(s, k);
	if (k == 1)
	{
		if (!ttc_knows_entered(s))
			PG_RETURN_NULL();
		PG_RETURN_INT64(ttc_entered(s));
	}
	PG_RETURN_INT64(ttc_step_total(s, k));
}

/*
 * =, <>, <, <=, >, >= and the btree and hash support of ttc_summary: the byte
 * order of the binary send form (see sumorder.h), a total order with no
 * meaning beyond telling values apart.  The send form holds the pairs only,
 * so a compact value and a grown aggregate state with the same pairs are
 * equal.
 */
CJKPI_SUMMARY_ORDER(ttc_summary, ttc_summary_send)
