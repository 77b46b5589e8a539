/*-------------------------------------------------------------------------
 *
 * funnel_engine.h
 *	  The window_funnel engine, in three units around this header:
 *
 *	  funnel_log.c	  the event log: the compact per-entity buffer of
 *					  (timestamp, condition mask) rows with its storage
 *					  formats, gathering, sorting and serialization; nothing
 *					  in it knows about funnels, so sequence or path
 *					  aggregates can keep their rows the same way;
 *	  funnel_match.c  the matching engine: from the sorted rows of one entity
 *					  to the level reached (and the step times of its chain),
 *					  one driver over timestamps and one source picker per
 *					  mode family;
 *	  funnel.c		  fmgr glue and mode parsing: the SQL-callable functions,
 *					  mode strings and max_gap durations, argument and state
 *					  checks.
 *
 * The semantics are described at the top of funnel.c.
 *
 * src/funnel_engine.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_FUNNEL_ENGINE_H
#define CJKPI_FUNNEL_ENGINE_H

#include "postgres.h"

#include "datatype/timestamp.h"
#include "lib/stringinfo.h"

#include "funnel.h"

/* ----------------------------------------------------------------
 *		Modes
 * ----------------------------------------------------------------
 */

/* mode flags, set from the comma-separated mode string */
#define FM_STRICT_ORDER			0x0001
#define FM_STRICT_DEDUP			0x0002
#define FM_STRICT_INCREASE		0x0004
#define FM_STRICT_ONCE			0x0008
#define FM_ALLOW_REENTRY		0x0010
#define FM_ANCHOR				0x0020
#define FM_EXCLUDE				0x0040
#define FM_GAPS					0x0080	/* max_gap options present */
#define FM_ALL					0x00FF

/* "no gap limit" */
#define FUNNEL_NO_GAP			PG_INT64_MAX

/* ----------------------------------------------------------------
 *		Event log (funnel_log.c)
 * ----------------------------------------------------------------
 */

/* one stored input row: its timestamp and the conditions it matched */
typedef struct FunnelEvent
{
	int64		ts;
	uint32		mask;
} FunnelEvent;

/*
 * Stored rows live in chunks of int64 slots, so that a growing log never
 * copies what it already holds (repalloc doubling showed up as the largest
 * cost after the hash lookup).  The first chunk is given by the owner of the
 * log (window_funnel puts it in the same allocation as its state, which
 * holds a typical entity entirely); further chunks double in size up to
 * FUNNEL_MAX_CHUNK bytes.
 *
 * Rows are stored as integer keys that sort as (ts, mask) with one compare
 * (see the FMT_* formats below); a chunk's units are int32 or int64 keys.
 */
typedef struct FunnelChunk
{
	struct FunnelChunk *next;
	int32		nslots;			/* units used (stale for the tail chunk) */
	int32		maxslots;		/* capacity in int64 slots */
	int64		slots[FLEXIBLE_ARRAY_MEMBER];
} FunnelChunk;

/*
 * Row formats, from the most compact.  FMT_NARROW: one int32 per row,
 * (seconds - base_sec) * 2^nconds + mask, for whole-second timestamps near
 * the log's first row and at most FUNNEL_MAX_NARROW conditions (event logs
 * are usually in whole seconds; this halves the memory of a state again,
 * which matters because the per-row cost is mostly cache misses on states).
 * FMT_PACKED: one int64 per row, ts * 2^nconds + mask, for at most
 * FUNNEL_MAX_PACKED conditions and timestamps that fit.  FMT_WIDE: two int64
 * per row.  A row that does not fit moves the log to the next format.
 */
#define FMT_NARROW			0
#define FMT_PACKED			1
#define FMT_WIDE			2
#define FUNNEL_MAX_NARROW	8
#define FUNNEL_MAX_PACKED	24
#define FUNNEL_MAX_CHUNK	65536

typedef struct FunnelLog
{
	/*
	 * The fields touched for every row come first (40 bytes): an owner that
	 * puts the log near the start of a 64-byte aligned state keeps a row's
	 * cost to one cache line of state plus the slot it writes.
	 */
	int32		nevents;		/* rows stored */
	int16		nconds;			/* bits per mask, 1..FUNNEL_MAX_STEPS */
	uint8		format;			/* FMT_* */
	int64		key_max;		/* FMT_PACKED: largest packable timestamp */
	int64		base_sec;		/* FMT_NARROW: seconds of the first row */
	int64	   *tail_slots;		/* slots of the chunk being filled */
	int32		tail_n;			/* units used in the chunk being filled */
	int32		tail_max;		/* its capacity in units */

	/* touched when a chunk fills */
	FunnelChunk *head;			/* first chunk, given by the owner */
	FunnelChunk *tail;			/* chunk being filled; its nslots is stale */
	MemoryContext cxt;			/* for further chunks */
} FunnelLog;

#define FUNNEL_LOG_HOT_BYTES	offsetof(FunnelLog, head)

extern void funnel_log_init(FunnelLog *log, int nconds, MemoryContext cxt,
							void *first_chunk, Size first_chunk_size);
extern void funnel_log_new_chunk(FunnelLog *log);
extern void funnel_log_reformat(FunnelLog *log, int format);
extern FunnelEvent *funnel_log_sorted(FunnelLog *log);
extern void funnel_log_append(FunnelLog *dst, const FunnelLog *src);
extern void funnel_log_send(const FunnelLog *log, StringInfo buf);
extern void funnel_log_recv(FunnelLog *log, StringInfo buf);
extern void funnel_bad_state(const char *detail) pg_attribute_noreturn();

static inline void
funnel_log_push(FunnelLog *log, int64 v)
{
	if (unlikely(log->tail_n >= log->tail_max))
		funnel_log_new_chunk(log);
	log->tail_slots[log->tail_n++] = v;
}

static inline void
funnel_log_push32(FunnelLog *log, int32 v)
{
	if (unlikely(log->tail_n >= log->tail_max))
		funnel_log_new_chunk(log);
	((int32 *) log->tail_slots)[log->tail_n++] = v;
}

/*
 * Append one row: the hot path of every transition.  Kept inline here so
 * that the transition function pays no call for it.
 */
static inline void
funnel_log_add(FunnelLog *log, int64 ts, uint32 mask)
{
	if (likely(log->format == FMT_NARROW))
	{
		if (likely(ts % USECS_PER_SEC == 0))
		{
			int64		sec = ts / USECS_PER_SEC;
			int64		lim = ((int64) 1) << (31 - log->nconds);
			int64		d;

			if (log->nevents == 0)
				log->base_sec = sec;
			d = sec - log->base_sec;
			if (likely(d >= -lim && d < lim))
			{
				funnel_log_push32(log, (int32) (d * (((int64) 1) << log->nconds) + mask));
				log->nevents++;
				return;
			}
		}
		funnel_log_reformat(log, FMT_PACKED);
	}
	if (likely(log->format == FMT_PACKED))
	{
		if (likely(ts >= -log->key_max - 1 && ts <= log->key_max))
		{
			funnel_log_push(log, ts * (((int64) 1) << log->nconds) + mask);
			log->nevents++;
			return;
		}
		funnel_log_reformat(log, FMT_WIDE);
	}
	funnel_log_push(log, ts);
	funnel_log_push(log, (int64) mask);
	log->nevents++;
}

/* ----------------------------------------------------------------
 *		Matching engine (funnel_match.c)
 * ----------------------------------------------------------------
 */

/* what the engine needs to know of a funnel besides its rows */
typedef struct FunnelRules
{
	int			nsteps;			/* 1..FUNNEL_MAX_STEPS */
	uint32		mode;			/* FM_* flags */
	int64		window;			/* microseconds, > 0 */
	const int64 *gaps;			/* gaps[k]: max step k-1 -> k; NULL: none */
} FunnelRules;

extern int	funnel_match(const FunnelEvent *ev, int n, const FunnelRules *rules,
						 int64 *times, int64 *start);

#endif							/* CJKPI_FUNNEL_ENGINE_H */
