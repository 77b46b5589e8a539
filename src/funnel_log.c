/*-------------------------------------------------------------------------
 *
 * funnel_log.c
 *	  The event log of window_funnel: one entity's rows as compact
 *	  (timestamp, condition mask) keys, appended in any order and read back
 *	  sorted on (timestamp, mask).
 *
 * Rows are appended by the inline funnel_log_add() of funnel_engine.h; this
 * unit holds what runs rarely: new chunks, moves to a wider format, and
 * reading the rows back (gathered and sorted, copied into another log, or
 * serialized for parallel workers).
 *
 * src/funnel_log.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "utils/memutils.h"

#include "compat.h"
#include "funnel_engine.h"


/* ----------------------------------------------------------------
 *		Building a log
 * ----------------------------------------------------------------
 */

/*
 * Start an empty log whose first chunk is the given memory (at least room
 * for a few slots); further chunks come from cxt.
 */
void
funnel_log_init(FunnelLog *log, int nconds, MemoryContext cxt,
				void *first_chunk, Size first_chunk_size)
{
	Assert(nconds >= 1 && nconds <= FUNNEL_MAX_STEPS);
	Assert(first_chunk_size >= offsetof(FunnelChunk, slots) + 8 * sizeof(int64));

	log->nevents = 0;
	log->nconds = nconds;
	log->format = (nconds <= FUNNEL_MAX_NARROW) ? FMT_NARROW :
		(nconds <= FUNNEL_MAX_PACKED) ? FMT_PACKED : FMT_WIDE;
	log->base_sec = 0;
	log->key_max = (PG_INT64_MAX >> nconds);
	log->head = (FunnelChunk *) first_chunk;
	log->head->next = NULL;
	log->head->nslots = 0;
	log->head->maxslots = (first_chunk_size - offsetof(FunnelChunk, slots)) / sizeof(int64);
	log->tail = log->head;
	log->tail_slots = log->head->slots;
	log->tail_n = 0;
	log->tail_max = log->head->maxslots * (log->format == FMT_NARROW ? 2 : 1);
	log->cxt = cxt;
}

/* Start a new chunk, twice the previous one. */
pg_noinline void
funnel_log_new_chunk(FunnelLog *log)
{
	Size		prev = offsetof(FunnelChunk, slots) + sizeof(int64) * log->tail->maxslots;
	Size		size = 1024;
	FunnelChunk *c;

	while (size <= prev && size < FUNNEL_MAX_CHUNK)
		size *= 2;
	/* a gathered log must still fit in one palloc */
	if ((Size) log->nevents >= MaxAllocSize / sizeof(FunnelEvent) / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("window_funnel group has too many matching rows"),
				 errdetail("A single group can hold at most %d matching rows.",
						   log->nevents)));
	c = (FunnelChunk *) MemoryContextAlloc(log->cxt, size);
	c->next = NULL;
	c->nslots = 0;
	c->maxslots = (size - offsetof(FunnelChunk, slots)) / sizeof(int64);
	log->tail->nslots = log->tail_n;
	log->tail->next = c;
	log->tail = c;
	log->tail_slots = c->slots;
	log->tail_n = 0;
	log->tail_max = c->maxslots * (log->format == FMT_NARROW ? 2 : 1);
}

/* ----------------------------------------------------------------
 *		Reading rows back
 * ----------------------------------------------------------------
 */

/* slots used in chunk c (the tail's count lives in the log) */
static inline int
funnel_chunk_used(const FunnelLog *log, const FunnelChunk *c)
{
	return (c == log->tail) ? log->tail_n : c->nslots;
}

/* bytes per storage unit of the log's format */
static inline Size
funnel_unit(const FunnelLog *log)
{
	return (log->format == FMT_NARROW) ? sizeof(int32) : sizeof(int64);
}

/* All units of a log in one palloc'd array (current context). */
static void *
funnel_log_gather(const FunnelLog *log)
{
	const FunnelChunk *c;
	char	   *all;
	Size		w = funnel_unit(log);
	int			n = 0;

	for (c = log->head; c != NULL; c = c->next)
		n += funnel_chunk_used(log, c);
	all = (char *) palloc(w * Max(n, 1));
	n = 0;
	for (c = log->head; c != NULL; c = c->next)
	{
		int			used = funnel_chunk_used(log, c);

		memcpy(all + w * n, c->slots, w * used);
		n += used;
	}
	return all;
}

/* The i-th row of gathered units, in the log's format. */
static inline void
funnel_units_get(const FunnelLog *log, const void *raw, int i,
				 int64 *ts, uint32 *mask)
{
	/* exact divisions below, so no reliance on arithmetic right shifts */
	if (log->format == FMT_NARROW)
	{
		int64		key = ((const int32 *) raw)[i];
		uint32		m = (uint32) (key & ((((int64) 1) << log->nconds) - 1));

		*ts = (log->base_sec + (key - m) / (((int64) 1) << log->nconds)) * USECS_PER_SEC;
		*mask = m;
	}
	else if (log->format == FMT_PACKED)
	{
		int64		key = ((const int64 *) raw)[i];
		uint32		m = (uint32) (key & ((((int64) 1) << log->nconds) - 1));

		*ts = (key - m) / (((int64) 1) << log->nconds);
		*mask = m;
	}
	else
	{
		*ts = ((const int64 *) raw)[2 * i];
		*mask = (uint32) ((const int64 *) raw)[2 * i + 1];
	}
}

/* All rows of a log as events, in storage order (palloc'd, current context). */
static FunnelEvent *
funnel_log_events(const FunnelLog *log)
{
	void	   *raw = funnel_log_gather(log);
	FunnelEvent *ev = (FunnelEvent *) palloc(sizeof(FunnelEvent) * Max(log->nevents, 1));
	int			i;

	for (i = 0; i < log->nevents; i++)
		funnel_units_get(log, raw, i, &ev[i].ts, &ev[i].mask);
	pfree(raw);
	return ev;
}

/* Move a log to a wider format and store its rows again. */
pg_noinline void
funnel_log_reformat(FunnelLog *log, int format)
{
	FunnelEvent *rows = funnel_log_events(log);
	int			n = log->nevents,
				i;
	FunnelChunk *c,
			   *next;

	for (c = log->head->next; c != NULL; c = next)
	{
		next = c->next;
		pfree(c);
	}
	log->head->next = NULL;
	log->head->nslots = 0;
	log->format = format;
	log->tail = log->head;
	log->tail_slots = log->head->slots;
	log->tail_n = 0;
	log->tail_max = log->head->maxslots * (format == FMT_NARROW ? 2 : 1);
	log->nevents = 0;
	for (i = 0; i < n; i++)
		funnel_log_add(log, rows[i].ts, rows[i].mask);
	pfree(rows);
}

/* Append every row of src to dst (which may use another format). */
void
funnel_log_append(FunnelLog *dst, const FunnelLog *src)
{
	FunnelEvent *rows = funnel_log_events(src);
	int			i;

	for (i = 0; i < src->nevents; i++)
		funnel_log_add(dst, rows[i].ts, rows[i].mask);
	pfree(rows);
}

/* ----------------------------------------------------------------
 *		Sorting
 * ----------------------------------------------------------------
 */

/* sort keys: specialised sorts where the server provides them */
#if CJKPI_HAVE_SORT_TEMPLATE
#define ST_SORT funnel_sort_keys
#define ST_ELEMENT_TYPE int64
#define ST_COMPARE(a, b) ((*(a) > *(b)) - (*(a) < *(b)))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"
#define ST_SORT funnel_sort_keys32
#define ST_ELEMENT_TYPE int32
#define ST_COMPARE(a, b) ((*(a) > *(b)) - (*(a) < *(b)))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"
#else
static int
funnel_key32_cmp(const void *a, const void *b)
{
	int32		ka = *(const int32 *) a;
	int32		kb = *(const int32 *) b;

	return (ka > kb) - (ka < kb);
}

static void
funnel_sort_keys32(int32 *keys, size_t n)
{
	qsort(keys, n, sizeof(int32), funnel_key32_cmp);
}

static int
funnel_key_cmp(const void *a, const void *b)
{
	int64		ka = *(const int64 *) a;
	int64		kb = *(const int64 *) b;

	return (ka > kb) - (ka < kb);
}

static void
funnel_sort_keys(int64 *keys, size_t n)
{
	qsort(keys, n, sizeof(int64), funnel_key_cmp);
}
#endif

/* total order on stored rows: timestamp, then bitmask */
static int
funnel_event_cmp(const void *a, const void *b)
{
	const FunnelEvent *ea = (const FunnelEvent *) a;
	const FunnelEvent *eb = (const FunnelEvent *) b;

	if (ea->ts != eb->ts)
		return (ea->ts < eb->ts) ? -1 : 1;
	if (ea->mask != eb->mask)
		return (ea->mask < eb->mask) ? -1 : 1;
	return 0;
}

/*
 * The rows of a log sorted on (ts, mask), as a palloc'd array of nevents
 * events.  The keys stored may be sorted in place (the log keeps the same
 * rows), so this can run repeatedly, as window aggregates do.
 */
FunnelEvent *
funnel_log_sorted(FunnelLog *log)
{
	int			n = log->nevents;
	FunnelEvent *ev;
	void	   *raw;
	int			i;

	/*
	 * Most logs fit in the first chunk: sort that in place instead of
	 * gathering a copy.
	 */
	if (log->format != FMT_WIDE && log->head->next == NULL)
		raw = log->head->slots;
	else
		raw = funnel_log_gather(log);
	if (log->format == FMT_NARROW)
		funnel_sort_keys32((int32 *) raw, n);
	else if (log->format == FMT_PACKED)
		funnel_sort_keys((int64 *) raw, n);
	ev = (FunnelEvent *) palloc(sizeof(FunnelEvent) * Max(n, 1));
	for (i = 0; i < n; i++)
		funnel_units_get(log, raw, i, &ev[i].ts, &ev[i].mask);
	if (raw != (void *) log->head->slots)
		pfree(raw);
	if (log->format == FMT_WIDE)
		qsort(ev, n, sizeof(FunnelEvent), funnel_event_cmp);
	return ev;
}

/* ----------------------------------------------------------------
 *		Serialization
 * ----------------------------------------------------------------
 */

/*
 * Send the rows: their count (int4), then per row the timestamp (int8) and
 * the mask (int4), in network byte order, whatever the storage format.
 */
void
funnel_log_send(const FunnelLog *log, StringInfo buf)
{
	FunnelEvent *rows = funnel_log_events(log);
	int			i;

	pq_sendint32(buf, log->nevents);
	for (i = 0; i < log->nevents; i++)
	{
		pq_sendint64(buf, rows[i].ts);
		pq_sendint32(buf, rows[i].mask);
	}
	pfree(rows);
}

/* Report a serialized state that does not hold what it must. */
pg_noinline void
funnel_bad_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid window_funnel state"),
			 errdetail("%s", detail)));
}

/*
 * Read rows sent by funnel_log_send into an empty log; they must fill the
 * rest of the buffer exactly and match only the log's conditions.
 */
void
funnel_log_recv(FunnelLog *log, StringInfo buf)
{
	int32		nevents = pq_getmsgint(buf, 4);
	int32		i;

	if (nevents < 0 || (int64) nevents * 12 != buf->len - buf->cursor)
		funnel_bad_state("The number of rows does not match the length of the state.");
	for (i = 0; i < nevents; i++)
	{
		int64		ts = pq_getmsgint64(buf);
		uint32		mask = (uint32) pq_getmsgint(buf, 4);

		if (log->nconds < 32 && (mask >> log->nconds) != 0)
			funnel_bad_state("A row matches a condition the state does not have.");
		funnel_log_add(log, ts, mask);
	}
}
