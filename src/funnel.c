/*-------------------------------------------------------------------------
 *
 * funnel.c
 *	  window_funnel(): how far each entity got through an ordered sequence of
 *	  steps within a time window, as a parallel-safe aggregate.
 *
 * Semantics follow ClickHouse's windowFunnel (see docs-funnel.md):
 *
 * - every input row adds one entry (ts, i) per condition i that is true on
 *	 it; entries are processed in (ts, i) order, so a row matching conditions
 *	 1 and 2 reaches level 2 by itself;
 * - a step-1 entry starts a chain and a later step-1 entry restarts it;
 * - step k > 1 counts when step k - 1 is reached and ts <= first + window,
 *	 where first is the chain's step-1 time (inclusive);
 * - the result is the highest level reached, 0 if none.
 *
 * The level is computed greedily: for every level we remember the chain that
 * reached it with the latest step-1 time, which dominates every other chain
 * for all later extensions.  strict_increase extends only chains from earlier
 * timestamps (ClickHouse's single chain per level loses c1@0, c1@1, c2@1
 * there).  strict_once does the same across timestamps and, within one
 * timestamp, assigns its rows to the remaining steps with a small bipartite
 * matching.  With max_gap options each level keeps a Pareto front of chains
 * instead of one.  funnel_differential checks all of this against a
 * reference that enumerates every chain.
 *
 * The transition state only collects the rows that match some condition (and,
 * for strict_order, the rows that match none, as markers) as (ts, bitmask)
 * pairs; all ordering happens in the final function after a sort on
 * (ts, bitmask), so results never depend on input order or on how a parallel
 * plan split the input.
 *
 * src/funnel.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "funnel.h"

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

/*
 * First word of every state.  The support functions are reachable with any
 * internal pointer (a superuser may declare an aggregate that pairs them with
 * another transition function), so they check it before trusting a state.
 */
#define FUNNEL_STATE_MAGIC		0x464E4C31	/* "FNL1" */

/* "no gap limit" */
#define FUNNEL_NO_GAP			PG_INT64_MAX

/* most conditions for which rows are stored as packed int64 keys */
#define FUNNEL_MAX_PACKED		24

/* format version of the serialized transition state (parallel workers) */
#define FUNNEL_STATE_VERSION	1

/* one stored input row: its timestamp and the conditions it matched */
typedef struct FunnelEvent
{
	int64		ts;
	uint32		mask;
} FunnelEvent;

/*
 * Stored rows live in chunks of int64 slots, so that a growing state never
 * copies what it already holds (repalloc doubling showed up as the largest
 * cost after the hash lookup).  The first chunk sits in the same 512-byte
 * allocation as the state header, which holds a typical entity entirely;
 * further chunks double in size up to FUNNEL_MAX_CHUNK bytes.
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

#define FUNNEL_STATE_ALLOC	512

/*
 * Row formats, from the most compact.  FMT_NARROW: one int32 per row,
 * (seconds - base_sec) * 2^nconds + mask, for whole-second timestamps near
 * the group's first row and at most FUNNEL_MAX_NARROW conditions (event
 * logs are usually in whole seconds; this halves the memory of a state
 * again, which matters because the per-row cost is mostly cache misses on
 * states).  FMT_PACKED: one int64 per row.  FMT_WIDE: two int64 per row.
 * A row that does not fit moves the state to the next format.
 */
#define FMT_NARROW			0
#define FMT_PACKED			1
#define FMT_WIDE			2
#define FUNNEL_MAX_NARROW	8
#define FUNNEL_MAX_CHUNK	65536

typedef struct FunnelState
{
	/*
	 * The fields the transition function touches for every row come first
	 * and fit in one 64-byte cache line (the state is allocated 64-byte
	 * aligned): a row then costs the state one line plus the slot it writes.
	 * Profiling showed cache misses on states dominating the per-row cost.
	 */
	uint32		magic;			/* FUNNEL_STATE_MAGIC */
	int32		nevents;		/* rows stored */
	int64		window;			/* microseconds, > 0 */
	int64		key_min;		/* smallest packable timestamp */
	int64		key_max;		/* largest packable timestamp */
	int64		base_sec;		/* FMT_NARROW: seconds of the first row */
	int64	   *tail_slots;		/* slots of the chunk being filled */
	int32		tail_n;			/* units used in the chunk being filled */
	int32		tail_max;		/* its capacity in units */
	uint32		mode;			/* FM_* flags */
	int16		nconds;			/* conditions per row (steps + exclusion) */
	uint8		format;			/* FMT_* */

	/* the rest is touched rarely */
	FunnelChunk *head;			/* first chunk, inside this allocation */
	FunnelChunk *tail;			/* chunk being filled; its nslots is stale */
	MemoryContext cxt;			/* aggregate context, for further chunks */
	/* to check cheaply that mode and window stay constant in a group */
	text	   *mode_text;		/* copy of the mode argument, or NULL */
	/* max_gap options: gaps[k] limits step k - 1 -> k (FM_GAPS only) */
	int64	   *gaps;
} FunnelState;

/* one candidate chain for a level: its step-1 time and the row it ended on */
typedef struct FunnelChain
{
	int64		first;
	int32		row;			/* -1: no chain */
	int32		slot;			/* index into the step-times table */
} FunnelChain;

/* per-level state of the greedy scan: the chain with the latest step 1 */
typedef struct FunnelLevel
{
	FunnelChain best;			/* best.row < 0: level not reached */
} FunnelLevel;

static uint32 funnel_parse_mode(const char *mode, int len, int64 *gaps);
static int64 funnel_window_usecs(Interval *window);
static FunnelState *funnel_state_new(MemoryContext aggcontext, int64 window,
									 uint32 mode, int nconds, text *mode_text);
static inline void funnel_state_add(FunnelState *state, int64 ts, uint32 mask);
static int	funnel_compute(FunnelState *state, int64 *times);
static int	funnel_nsteps(const FunnelState *state);

/*
 * Units of a max_gap value and their length in microseconds.  Months and
 * years are not here: a gap has a fixed length, and those have none.
 */
typedef struct FunnelGapUnit
{
	const char *name;
	int64		usecs;
} FunnelGapUnit;

static const FunnelGapUnit funnel_gap_units[] = {
	{"us", 1}, {"usec", 1}, {"usecs", 1}, {"microsecond", 1}, {"microseconds", 1},
	{"ms", 1000}, {"msec", 1000}, {"msecs", 1000},
	{"millisecond", 1000}, {"milliseconds", 1000},
	{"s", USECS_PER_SEC}, {"sec", USECS_PER_SEC}, {"secs", USECS_PER_SEC},
	{"second", USECS_PER_SEC}, {"seconds", USECS_PER_SEC},
	{"min", USECS_PER_MINUTE}, {"mins", USECS_PER_MINUTE},
	{"minute", USECS_PER_MINUTE}, {"minutes", USECS_PER_MINUTE},
	{"h", USECS_PER_HOUR}, {"hr", USECS_PER_HOUR}, {"hrs", USECS_PER_HOUR},
	{"hour", USECS_PER_HOUR}, {"hours", USECS_PER_HOUR},
	{"d", USECS_PER_DAY}, {"day", USECS_PER_DAY}, {"days", USECS_PER_DAY},
	{"w", 7 * USECS_PER_DAY}, {"week", 7 * USECS_PER_DAY},
	{"weeks", 7 * USECS_PER_DAY},
	{NULL, 0}
};

static const char *const funnel_calendar_units[] = {
	"mon", "mons", "month", "months", "y", "yr", "yrs", "year", "years", NULL
};

static pg_noinline void
funnel_gap_syntax_error(const char *value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid window_funnel max_gap value \"%s\"", value),
			 errdetail("A gap is one or more terms of a non-negative number and a unit, such as \"90 seconds\", \"1.5 hours\" or \"1 hour 30 min\"."),
			 errhint("Units are us, ms, s, sec, second, min, minute, h, hour, d, day, w and week (also plural).")));
}

static bool
funnel_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* the unit named by u[0..len), or NULL; errors for calendar units */
static const FunnelGapUnit *
funnel_gap_unit(const char *value, const char *u, int len)
{
	const FunnelGapUnit *unit;
	int			i;

	for (unit = funnel_gap_units; unit->name != NULL; unit++)
		if ((int) strlen(unit->name) == len && pg_strncasecmp(unit->name, u, len) == 0)
			return unit;
	if (len == 1 && pg_ascii_tolower((unsigned char) u[0]) == 'm')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid window_funnel max_gap value \"%s\"", value),
				 errdetail("The unit \"m\" could mean minutes or months."),
				 errhint("Write min for minutes.")));
	for (i = 0; funnel_calendar_units[i] != NULL; i++)
		if ((int) strlen(funnel_calendar_units[i]) == len &&
			pg_strncasecmp(funnel_calendar_units[i], u, len) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel max_gap must not contain months or years, not \"%s\"", value),
					 errdetail("Months and years have no fixed length."),
					 errhint("Express the gap in days or weeks, for example max_gap=30 days.")));
	return NULL;
}

/*
 * Parse a max_gap value into microseconds.  interval_in is not used: its
 * reading of a value depends on IntervalStyle ("-1 day 48:00:00" is one day
 * under postgres and an error under sql_standard), and the funnels are
 * IMMUTABLE.  The syntax is one or more terms "<number> <unit>" (space
 * optional), summed; the number is non-negative with an optional decimal
 * fraction; units are compared case-insensitively in ASCII.  Nothing here
 * depends on a setting or the locale.
 */
static int64
funnel_parse_gap(const char *value)
{
	const char *p = value;
	int64		total = 0;
	int			nterms = 0;

	for (;;)
	{
		int64		ip = 0;
		int64		frac = 0;
		int64		den = 1;
		int64		term;
		bool		digits = false;
		const char *u;
		const FunnelGapUnit *unit;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		if (*p == '-')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel max_gap must not be negative, not \"%s\"", value)));
		for (; funnel_ascii_digit(*p); p++)
		{
			digits = true;
			if (pg_mul_s64_overflow(ip, 10, &ip) ||
				pg_add_s64_overflow(ip, *p - '0', &ip))
				goto out_of_range;
		}
		if (*p == '.')
		{
			/* nine digits are finer than a microsecond for any unit here */
			for (p++; funnel_ascii_digit(*p); p++)
			{
				digits = true;
				if (den < 1000000000)
				{
					frac = frac * 10 + (*p - '0');
					den *= 10;
				}
			}
		}
		if (!digits)
			funnel_gap_syntax_error(value);
		while (*p == ' ' || *p == '\t')
			p++;
		for (u = p; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'); p++)
			;
		if (p == u)
			funnel_gap_syntax_error(value);
		unit = funnel_gap_unit(value, u, p - u);
		if (unit == NULL)
			funnel_gap_syntax_error(value);
		if (pg_mul_s64_overflow(ip, unit->usecs, &term) ||
			pg_add_s64_overflow(term, (int64) rint((double) frac / den * unit->usecs), &term) ||
			pg_add_s64_overflow(total, term, &total))
			goto out_of_range;
		nterms++;
	}
	if (nterms == 0)
		funnel_gap_syntax_error(value);
	return total;

out_of_range:
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("window_funnel max_gap is out of range: \"%s\"", value)));
	return 0;					/* keep compiler quiet */
}

/*
 * Parse a comma-separated list of modes into FM_* flags.  Spaces around the
 * names are ignored; an empty string means the default mode.
 */
static uint32
funnel_parse_mode(const char *mode, int len, int64 *gaps)
{
	uint32		flags = 0;
	int			pos = 0;
	int64		all_gap = FUNNEL_NO_GAP;
	int64		step_gap[FUNNEL_MAX_STEPS + 1];
	int			k;

	for (k = 0; k <= FUNNEL_MAX_STEPS; k++)
		step_gap[k] = -1;

	while (pos <= len)
	{
		int			start,
					end;
		int			toklen;
		const char *tok;

		start = pos;
		while (pos < len && mode[pos] != ',')
			pos++;
		end = pos;
		pos++;					/* skip the comma (or step past the end) */

		while (start < end && isspace((unsigned char) mode[start]))
			start++;
		while (end > start && isspace((unsigned char) mode[end - 1]))
			end--;
		tok = mode + start;
		toklen = end - start;

		if (toklen == 0)
			continue;
#define TOKEN_IS(s) (toklen == (int) strlen(s) && strncmp(tok, (s), toklen) == 0)
		if (TOKEN_IS("strict_order"))
			flags |= FM_STRICT_ORDER;
		else if (TOKEN_IS("strict_deduplication"))
			flags |= FM_STRICT_DEDUP;
		else if (TOKEN_IS("strict_increase"))
			flags |= FM_STRICT_INCREASE;
		else if (TOKEN_IS("strict_once"))
			flags |= FM_STRICT_ONCE;
		else if (TOKEN_IS("allow_reentry"))
			flags |= FM_ALLOW_REENTRY;
		else if (TOKEN_IS("anchor"))
			flags |= FM_ANCHOR;
		else if (TOKEN_IS("exclude"))
			flags |= FM_EXCLUDE;
		else if (toklen > 8 && strncmp(tok, "max_gap", 7) == 0 &&
				 memchr(tok, '=', toklen) != NULL)
		{
			/* max_gap=<interval> or max_gap_<K>=<interval> */
			const char *eq = memchr(tok, '=', toklen);
			int			namelen = eq - tok;
			char	   *value = pnstrdup(eq + 1, toklen - namelen - 1);
			int			step = 0;
			int64		usecs;

			if (namelen > 8 && tok[7] == '_')
			{
				char	   *endp;
				char	   *num = pnstrdup(tok + 8, namelen - 8);

				step = (int) strtol(num, &endp, 10);
				if (*endp != '\0' || endp == num || step < 2 || step > FUNNEL_MAX_STEPS)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("invalid window_funnel option \"%.*s\"", namelen, tok),
							 errhint("Use max_gap=<duration> for every step or max_gap_K=<duration> for the gap into step K (2 or more).")));
			}
			else if (namelen != 7)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown window_funnel mode \"%.*s\"", toklen, tok)));
			usecs = funnel_parse_gap(value);
			if (step == 0)
				all_gap = usecs;
			else
				step_gap[step] = usecs;
			flags |= FM_GAPS;
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown window_funnel mode \"%.*s\"", toklen, tok),
					 errhint("Valid modes are strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, exclude, max_gap=<duration> and max_gap_K=<duration>, separated by commas.")));
#undef TOKEN_IS
	}

	if (gaps != NULL)
	{
		gaps[0] = gaps[1] = FUNNEL_NO_GAP;
		for (k = 2; k <= FUNNEL_MAX_STEPS; k++)
			gaps[k] = step_gap[k] >= 0 ? step_gap[k] : all_gap;
	}

	if ((flags & FM_ALLOW_REENTRY) && !(flags & FM_STRICT_ORDER))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel mode allow_reentry requires strict_order"),
				 errdetail("allow_reentry changes what a strict_order violation does; without strict_order there are no violations."),
				 errhint("Use the mode 'strict_order, allow_reentry'.")));
	return flags;
}

/*
 * Convert the window to microseconds.  Months have no fixed length, so a
 * window with months is rejected rather than guessed; a day counts as 24
 * hours.
 */
static int64
funnel_window_usecs(Interval *window)
{
	int64		usecs;

	if (window->month != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel window must not contain months or years"),
				 errdetail("Months and years have no fixed length."),
				 errhint("Express the window in days, for example interval '30 days'.")));
	if (pg_mul_s64_overflow((int64) window->day, USECS_PER_DAY, &usecs) ||
		pg_add_s64_overflow(usecs, window->time, &usecs))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("window_funnel window is out of range")));
	if (usecs <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel window must be positive")));
	return usecs;
}

static FunnelState *
funnel_state_new(MemoryContext aggcontext, int64 window, uint32 mode,
				 int nconds, text *mode_text)
{
	FunnelState *state;
	char	   *raw;
	Size		used;

	StaticAssertStmt(offsetof(FunnelState, format) < 64,
					 "FunnelState hot fields must fit in a cache line");
	StaticAssertStmt(64 + MAXALIGN(sizeof(FunnelState)) + offsetof(FunnelChunk, slots) +
					 8 * sizeof(int64) <= FUNNEL_STATE_ALLOC,
					 "FunnelState header too large");

	/*
	 * Not zeroed: only the header is initialised, slots are written before
	 * they are read.  The state is never pfree'd on its own (it goes with
	 * the aggregate context), so it may start inside the allocation.
	 */
	raw = (char *) MemoryContextAlloc(aggcontext, FUNNEL_STATE_ALLOC);
	state = (FunnelState *) TYPEALIGN(64, raw);
	used = ((char *) state - raw) + MAXALIGN(sizeof(FunnelState));
	state->magic = FUNNEL_STATE_MAGIC;
	state->window = window;
	state->mode = mode;
	state->nconds = nconds;
	state->nevents = 0;
	state->format = (nconds <= FUNNEL_MAX_NARROW) ? FMT_NARROW :
		(nconds <= FUNNEL_MAX_PACKED) ? FMT_PACKED : FMT_WIDE;
	state->base_sec = 0;
	state->key_max = (PG_INT64_MAX >> nconds);
	state->key_min = -state->key_max - 1;
	state->head = (FunnelChunk *) ((char *) state + MAXALIGN(sizeof(FunnelState)));
	state->head->next = NULL;
	state->head->nslots = 0;
	state->head->maxslots = (FUNNEL_STATE_ALLOC - used - offsetof(FunnelChunk, slots)) / sizeof(int64);
	state->tail = state->head;
	state->tail_slots = state->head->slots;
	state->tail_n = 0;
	state->tail_max = state->head->maxslots * (state->format == FMT_NARROW ? 2 : 1);
	state->cxt = aggcontext;
	state->mode_text = NULL;
	state->gaps = NULL;
	if (mode_text != NULL)
	{
		Size		len = VARSIZE_ANY(mode_text);

		state->mode_text = (text *) MemoryContextAlloc(aggcontext, len);
		memcpy(state->mode_text, mode_text, len);
	}
	if (mode & FM_GAPS)
	{
		int			nsteps = (mode & FM_EXCLUDE) ? nconds - 1 : nconds;
		int			k;

		if (mode_text == NULL)
			elog(ERROR, "window_funnel max_gap without a mode string");
		state->gaps = (int64 *) MemoryContextAlloc(aggcontext,
												   sizeof(int64) * (FUNNEL_MAX_STEPS + 1));
		(void) funnel_parse_mode(VARDATA_ANY(mode_text), VARSIZE_ANY_EXHDR(mode_text),
								 state->gaps);
		/* a per-step gap for a step the funnel does not have is a mistake */
		for (k = nsteps + 1; k <= FUNNEL_MAX_STEPS; k++)
		{
			char		name[32];

			snprintf(name, sizeof(name), "max_gap_%d=", k);
			if (strstr(text_to_cstring(mode_text), name) != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("window_funnel option max_gap_%d refers to a step the funnel does not have", k),
						 errdetail("The funnel has %d steps.", nsteps)));
		}
	}
	return state;
}

/* Start a new chunk, twice the previous one, in the aggregate context. */
static pg_noinline void
funnel_new_chunk(FunnelState *state)
{
	Size		prev = offsetof(FunnelChunk, slots) + sizeof(int64) * state->tail->maxslots;
	Size		size = 1024;
	FunnelChunk *c;

	while (size <= prev && size < FUNNEL_MAX_CHUNK)
		size *= 2;
	/* a gathered state must still fit in one palloc */
	if ((Size) state->nevents >= MaxAllocSize / sizeof(FunnelEvent) / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("window_funnel group has too many matching rows"),
				 errdetail("A single group can hold at most %d matching rows.",
						   state->nevents)));
	c = (FunnelChunk *) MemoryContextAlloc(state->cxt, size);
	c->next = NULL;
	c->nslots = 0;
	c->maxslots = (size - offsetof(FunnelChunk, slots)) / sizeof(int64);
	state->tail->nslots = state->tail_n;
	state->tail->next = c;
	state->tail = c;
	state->tail_slots = c->slots;
	state->tail_n = 0;
	state->tail_max = c->maxslots * (state->format == FMT_NARROW ? 2 : 1);
}

static inline void
funnel_push(FunnelState *state, int64 v)
{
	if (unlikely(state->tail_n >= state->tail_max))
		funnel_new_chunk(state);
	state->tail_slots[state->tail_n++] = v;
}

static inline void
funnel_push32(FunnelState *state, int32 v)
{
	if (unlikely(state->tail_n >= state->tail_max))
		funnel_new_chunk(state);
	((int32 *) state->tail_slots)[state->tail_n++] = v;
}

/* slots used in chunk c (the tail's count lives in the state) */
static inline int
funnel_chunk_used(const FunnelState *state, const FunnelChunk *c)
{
	return (c == state->tail) ? state->tail_n : c->nslots;
}

/* bytes per storage unit of the state's format */
static inline Size
funnel_unit(const FunnelState *state)
{
	return (state->format == FMT_NARROW) ? sizeof(int32) : sizeof(int64);
}

/* All units of a state in one palloc'd array (current context). */
static void *
funnel_state_gather(const FunnelState *state, int *nunits)
{
	const FunnelChunk *c;
	char	   *all;
	Size		w = funnel_unit(state);
	int			n = 0;

	for (c = state->head; c != NULL; c = c->next)
		n += funnel_chunk_used(state, c);
	all = (char *) palloc(w * Max(n, 1));
	n = 0;
	for (c = state->head; c != NULL; c = c->next)
	{
		int			used = funnel_chunk_used(state, c);

		memcpy(all + w * n, c->slots, w * used);
		n += used;
	}
	*nunits = n;
	return all;
}

/* The i-th row of gathered units, in the state's format. */
static inline void
funnel_slots_get(const FunnelState *state, const void *raw, int i,
				 int64 *ts, uint32 *mask)
{
	/* exact divisions below, so no reliance on arithmetic right shifts */
	if (state->format == FMT_NARROW)
	{
		int64		key = ((const int32 *) raw)[i];
		uint32		m = (uint32) (key & ((((int64) 1) << state->nconds) - 1));

		*ts = (state->base_sec + (key - m) / (((int64) 1) << state->nconds)) * USECS_PER_SEC;
		*mask = m;
	}
	else if (state->format == FMT_PACKED)
	{
		int64		key = ((const int64 *) raw)[i];
		uint32		m = (uint32) (key & ((((int64) 1) << state->nconds) - 1));

		*ts = (key - m) / (((int64) 1) << state->nconds);
		*mask = m;
	}
	else
	{
		*ts = ((const int64 *) raw)[2 * i];
		*mask = (uint32) ((const int64 *) raw)[2 * i + 1];
	}
}

static inline void funnel_state_add(FunnelState *state, int64 ts, uint32 mask);

/* Move a state to a wider format and store its rows again. */
static pg_noinline void
funnel_state_reformat(FunnelState *state, int format)
{
	int			nunits,
				n = state->nevents,
				i;
	void	   *old = funnel_state_gather(state, &nunits);
	FunnelEvent *rows = (FunnelEvent *) palloc(sizeof(FunnelEvent) * Max(n, 1));
	FunnelChunk *c,
			   *next;

	for (i = 0; i < n; i++)
		funnel_slots_get(state, old, i, &rows[i].ts, &rows[i].mask);
	pfree(old);
	for (c = state->head->next; c != NULL; c = next)
	{
		next = c->next;
		pfree(c);
	}
	state->head->next = NULL;
	state->head->nslots = 0;
	state->format = format;
	state->tail = state->head;
	state->tail_slots = state->head->slots;
	state->tail_n = 0;
	state->tail_max = state->head->maxslots * (format == FMT_NARROW ? 2 : 1);
	state->nevents = 0;
	for (i = 0; i < n; i++)
		funnel_state_add(state, rows[i].ts, rows[i].mask);
	pfree(rows);
}

/* Append one row. */
static inline void
funnel_state_add(FunnelState *state, int64 ts, uint32 mask)
{
	if (likely(state->format == FMT_NARROW))
	{
		if (likely(ts % USECS_PER_SEC == 0))
		{
			int64		sec = ts / USECS_PER_SEC;
			int64		lim = ((int64) 1) << (31 - state->nconds);
			int64		d;

			if (state->nevents == 0)
				state->base_sec = sec;
			d = sec - state->base_sec;
			if (likely(d >= -lim && d < lim))
			{
				funnel_push32(state, (int32) (d * (((int64) 1) << state->nconds) + mask));
				state->nevents++;
				return;
			}
		}
		funnel_state_reformat(state, FMT_PACKED);
	}
	if (likely(state->format == FMT_PACKED))
	{
		if (likely(ts >= state->key_min && ts <= state->key_max))
		{
			funnel_push(state, ts * (((int64) 1) << state->nconds) + mask);
			state->nevents++;
			return;
		}
		funnel_state_reformat(state, FMT_WIDE);
	}
	funnel_push(state, ts);
	funnel_push(state, (int64) mask);
	state->nevents++;
}

static int
funnel_nsteps(const FunnelState *state)
{
	return (state->mode & FM_EXCLUDE) ? state->nconds - 1 : state->nconds;
}

/*
 * What the transition function learns once per call site from its FmgrInfo:
 * where the conditions are and whether they come as one VARIADIC array.
 * Cached in fn_extra, so the per-row path only reads arguments.
 */
typedef struct FunnelCallInfo
{
	bool		has_mode;		/* a mode text argument is present */
	bool		as_array;		/* called with VARIADIC boolean[] */
	int16		ts_arg;			/* argument number of the timestamp */
	int16		first_cond;		/* argument number of the first condition */
	int32		nconds;			/* separate conditions (as_array: -1) */
} FunnelCallInfo;

/* boolean[], an array of a domain over boolean, or a domain over either */
static bool
funnel_is_bool_array(Oid type)
{
	Oid			elem;

	type = getBaseType(type);
	if (type == BOOLARRAYOID)
		return true;
	elem = get_element_type(type);
	return OidIsValid(elem) && getBaseType(elem) == BOOLOID;
}

static FunnelCallInfo *
funnel_call_info(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	FunnelCallInfo *ci = (FunnelCallInfo *) flinfo->fn_extra;
	Oid			type;
	int			i;

	if (likely(ci != NULL))
		return ci;

	ci = (FunnelCallInfo *) MemoryContextAllocZero(flinfo->fn_mcxt,
												   sizeof(FunnelCallInfo));

	/*
	 * Argument 2 is the mode (text) or the timestamp; the declared types
	 * make any other type impossible here.
	 */
	type = get_fn_expr_argtype(flinfo, 2);
	if (!OidIsValid(type))
		elog(ERROR, "window_funnel_transfn could not determine its argument types");
	ci->has_mode = (type == TEXTOID);
	ci->ts_arg = ci->has_mode ? 3 : 2;
	ci->first_cond = ci->ts_arg + 1;
	ci->as_array = get_fn_expr_variadic(flinfo);

	/*
	 * A single condition that is a boolean array is the array of conditions,
	 * written with VARIADIC or not.  Window aggregates do not record VARIADIC
	 * (nodeWindowAgg builds the transition call with funcvariadic = false),
	 * so only this reading gives the same answer in GROUP BY and OVER (); an
	 * array cannot be a boolean condition itself anyway.
	 */
	if (!ci->as_array && PG_NARGS() == ci->first_cond + 1 &&
		funnel_is_bool_array(get_fn_expr_argtype(flinfo, ci->first_cond)))
		ci->as_array = true;

	if (PG_NARGS() <= ci->first_cond)
		elog(ERROR, "window_funnel_transfn called without conditions");

	if (ci->as_array)
	{
		/* VARIADIC some_array: a single one-dimensional boolean[] */
		if (PG_NARGS() != ci->first_cond + 1)
			elog(ERROR, "window_funnel_transfn: unexpected arguments after VARIADIC");
		type = get_fn_expr_argtype(flinfo, ci->first_cond);
		if (!funnel_is_bool_array(type))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("window_funnel VARIADIC conditions must be a boolean array, not %s",
							format_type_be(type))));
		ci->nconds = -1;
	}
	else
	{
		ci->nconds = PG_NARGS() - ci->first_cond;
		for (i = ci->first_cond; i < PG_NARGS(); i++)
		{
			type = get_fn_expr_argtype(flinfo, i);
			if (getBaseType(type) != BOOLOID)
				ereport(ERROR,
						(errcode(ERRCODE_DATATYPE_MISMATCH),
						 errmsg("window_funnel conditions must be boolean, not %s",
								format_type_be(type)),
						 errdetail("Condition %d has type %s.",
								   i - ci->first_cond + 1, format_type_be(type)),
						 (type == UNKNOWNOID || type == TEXTOID) ?
						 errhint("Write a comparison such as event = 'view', or cast a literal to boolean.") : 0));
		}
		if (ci->nconds > FUNNEL_MAX_STEPS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("window_funnel supports at most %d conditions, got %d",
							FUNNEL_MAX_STEPS, ci->nconds)));
	}

	flinfo->fn_extra = ci;
	return ci;
}

/*
 * window_funnel_transfn(state internal, window interval, [mode text,]
 *						 ts timestamp[tz], VARIADIC steps "any")
 *
 * Shared by all window_funnel variants.  The conditions arrive as separate
 * boolean arguments (no array is built per row), or, for a call written with
 * VARIADIC, as one boolean[].  Window and mode are read from the first row
 * and must stay the same within a group.  Rows with a NULL timestamp are
 * skipped; a NULL condition counts as false, a NULL VARIADIC array as no
 * match.
 */
PG_FUNCTION_INFO_V1(window_funnel_transfn);
Datum
window_funnel_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	FunnelState *state;
	FunnelCallInfo *ci;
	bool		has_mode;
	ArrayType  *steps = NULL;
	int			nconds;
	uint32		mask;
	int64		ts;
	int			aggkind = AggCheckCallContext(fcinfo, &aggcontext);

	if (!aggkind)
		elog(ERROR, "window_funnel_transfn called in non-aggregate context");

	ci = funnel_call_info(fcinfo);
	has_mode = ci->has_mode;
	state = PG_ARGISNULL(0) ? NULL : (FunnelState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window_funnel window must not be null")));
	if (has_mode && PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window_funnel mode must not be null")));

	if (likely(!ci->as_array))
		nconds = ci->nconds;
	else if (PG_ARGISNULL(ci->first_cond))
	{
		/* the number of conditions comes from the array, NULL array = no match */
		nconds = state ? state->nconds : -1;
	}
	else
	{
		steps = PG_GETARG_ARRAYTYPE_P(ci->first_cond);
		if (ARR_NDIM(steps) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("window_funnel steps must be a one-dimensional array")));
		nconds = (ARR_NDIM(steps) == 0) ? 0 : ARR_DIMS(steps)[0];
	}

	if (state == NULL)
	{
		Interval   *window = PG_GETARG_INTERVAL_P(1);
		uint32		mode = 0;
		text	   *mode_text = NULL;
		int			nsteps;

		if (has_mode)
		{
			mode_text = PG_GETARG_TEXT_PP(2);
			mode = funnel_parse_mode(VARDATA_ANY(mode_text),
									 VARSIZE_ANY_EXHDR(mode_text), NULL);
		}
		if (nconds < 0)
			PG_RETURN_NULL();	/* wait for a row that shows the step count */
		nsteps = (mode & FM_EXCLUDE) ? nconds - 1 : nconds;
		if (nconds > FUNNEL_MAX_STEPS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("window_funnel supports at most %d conditions, got %d",
							FUNNEL_MAX_STEPS, nconds)));
		if (nsteps < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel needs at least one step"),
					 (mode & FM_EXCLUDE) ?
					 errdetail("With the exclude mode the last condition is the exclusion, not a step.") : 0));
		state = funnel_state_new(aggcontext, funnel_window_usecs(window),
								 mode, nconds, mode_text);
	}
	else
	{
		/*
		 * Window and mode are normally constants, so these checks cost a
		 * compare per row.  They stop a group from silently mixing windows.
		 */
		Interval   *window = PG_GETARG_INTERVAL_P(1);

		if (window->month != 0 ||
			(int64) window->day * USECS_PER_DAY + window->time != state->window)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel window must be the same for all rows of a group")));
		if (has_mode)
		{
			text	   *mode_text = PG_GETARG_TEXT_PP(2);

			if (state->mode_text == NULL ||
				VARSIZE_ANY_EXHDR(mode_text) != VARSIZE_ANY_EXHDR(state->mode_text) ||
				memcmp(VARDATA_ANY(mode_text), VARDATA_ANY(state->mode_text),
					   VARSIZE_ANY_EXHDR(mode_text)) != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("window_funnel mode must be the same for all rows of a group")));
		}
		if (unlikely(steps != NULL) && nconds != state->nconds)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel got %d conditions on one row and %d on another",
							nconds, state->nconds)));
	}

	if (PG_ARGISNULL(ci->ts_arg))
		PG_RETURN_POINTER(state);
	ts = PG_GETARG_INT64(ci->ts_arg);

	mask = 0;
	if (likely(!ci->as_array))
	{
		/* one boolean argument per condition; NULL is false */
		NullableDatum *args = &fcinfo->args[ci->first_cond];
		int			i;

		for (i = 0; i < nconds; i++)
			if (!args[i].isnull && DatumGetBool(args[i].value))
				mask |= ((uint32) 1) << i;
	}
	else if (steps != NULL)
	{
		/*
		 * Walk the boolean array directly: one byte per non-null element,
		 * nulls (false) marked in the bitmap.  deconstruct_array() would
		 * palloc per row.
		 */
		const char *data = ARR_DATA_PTR(steps);
		const bits8 *nulls = ARR_NULLBITMAP(steps);
		int			i;

		if (nulls == NULL)
		{
			for (i = 0; i < nconds; i++)
				if (data[i])
					mask |= ((uint32) 1) << i;
		}
		else
		{
			for (i = 0; i < nconds; i++)
			{
				if (!(nulls[i >> 3] & (1 << (i & 7))))
					continue;
				if (*data++)
					mask |= ((uint32) 1) << i;
			}
		}
	}

	/* rows matching nothing matter only as strict_order markers */
	if (mask != 0 || (state->mode & FM_STRICT_ORDER))
		funnel_state_add(state, ts, mask);

	PG_RETURN_POINTER(state);
}

/*
 * The state a support function received, checked to be one that
 * window_funnel_transfn or window_funnel_deserialfn built.
 */
static FunnelState *
funnel_state_arg(FunctionCallInfo fcinfo, int argno, const char *fn)
{
	FunnelState *state = (FunnelState *) PG_GETARG_POINTER(argno);

	if (state == NULL || state->magic != FUNNEL_STATE_MAGIC ||
		state->nconds < 1 || state->nconds > FUNNEL_MAX_STEPS ||
		state->format > FMT_WIDE || state->nevents < 0 ||
		state->window <= 0 || (state->mode & ~FM_ALL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s received a state that window_funnel did not build", fn),
				 errdetail("The aggregate pairs a window_funnel support function with a different transition function.")));
	return state;
}

/*
 * Combine two partial states.  The result lives in the aggregate context.
 * With an empty left side the right state is adopted when it already lives
 * in the aggregate context, and copied there once otherwise: a deserialized
 * state lives in per-call memory (see window_funnel_deserialfn), so it is
 * copied exactly once and its original goes with that memory.
 */
PG_FUNCTION_INFO_V1(window_funnel_combinefn);
Datum
window_funnel_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	FunnelState *s1;
	FunnelState *s2;
	int64	   *slots;
	int			nslots;
	int32		i;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "window_funnel_combinefn called in non-aggregate context");

	s1 = PG_ARGISNULL(0) ? NULL :
		funnel_state_arg(fcinfo, 0, "window_funnel_combinefn");
	s2 = PG_ARGISNULL(1) ? NULL :
		funnel_state_arg(fcinfo, 1, "window_funnel_combinefn");

	if (s2 == NULL)
	{
		if (s1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s1);
	}

	if (s1 == NULL)
	{
		if (s2->cxt == aggcontext)
			PG_RETURN_POINTER(s2);
		s1 = funnel_state_new(aggcontext, s2->window, s2->mode, s2->nconds,
							  s2->mode_text);
	}
	else if (s1->window != s2->window || s1->mode != s2->mode ||
			 s1->nconds != s2->nconds ||
			 (s1->mode_text == NULL) != (s2->mode_text == NULL) ||
			 (s1->mode_text != NULL &&
			  (VARSIZE_ANY_EXHDR(s1->mode_text) != VARSIZE_ANY_EXHDR(s2->mode_text) ||
			   memcmp(VARDATA_ANY(s1->mode_text), VARDATA_ANY(s2->mode_text),
					  VARSIZE_ANY_EXHDR(s1->mode_text)) != 0)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel window, mode and number of conditions must be the same for all rows of a group")));

	slots = funnel_state_gather(s2, &nslots);
	for (i = 0; i < s2->nevents; i++)
	{
		int64		ts;
		uint32		mask;

		funnel_slots_get(s2, slots, i, &ts, &mask);
		funnel_state_add(s1, ts, mask);
	}
	pfree(slots);
	PG_RETURN_POINTER(s1);
}

/*
 * Serialize a state for a parallel worker.  Integers go out in network byte
 * order so the format does not depend on the platform.
 */
PG_FUNCTION_INFO_V1(window_funnel_serialfn);
Datum
window_funnel_serialfn(PG_FUNCTION_ARGS)
{
	FunnelState *state;
	StringInfoData buf;
	int64	   *slots;
	int			nslots;
	int32		i;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "window_funnel_serialfn called in non-aggregate context");

	state = funnel_state_arg(fcinfo, 0, "window_funnel_serialfn");

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FUNNEL_STATE_VERSION);
	pq_sendint64(&buf, state->window);
	pq_sendint32(&buf, state->mode);
	pq_sendint32(&buf, state->nconds);
	if (state->mode_text != NULL)
	{
		pq_sendint32(&buf, VARSIZE_ANY_EXHDR(state->mode_text));
		pq_sendbytes(&buf, VARDATA_ANY(state->mode_text),
					 VARSIZE_ANY_EXHDR(state->mode_text));
	}
	else
		pq_sendint32(&buf, -1);
	pq_sendint32(&buf, state->nevents);
	slots = funnel_state_gather(state, &nslots);
	for (i = 0; i < state->nevents; i++)
	{
		int64		ts;
		uint32		mask;

		funnel_slots_get(state, slots, i, &ts, &mask);
		pq_sendint64(&buf, ts);
		pq_sendint32(&buf, mask);
	}
	pfree(slots);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static pg_noinline void
funnel_bad_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid window_funnel state"),
			 errdetail("%s", detail)));
}

/*
 * Read and check the header of a serialized state: everything but the rows.
 * The flags must be the ones the mode string gives, so that a state never
 * carries options its mode string does not explain.
 */
static void
funnel_read_header(StringInfo buf, int64 *window, uint32 *mode, int *nconds,
				   text **mode_text)
{
	int			version = pq_getmsgbyte(buf);
	int32		mode_len;
	int			nsteps;

	if (version != FUNNEL_STATE_VERSION)
		funnel_bad_state("The state has an unknown format version.");
	*window = pq_getmsgint64(buf);
	*mode = (uint32) pq_getmsgint(buf, 4);
	*nconds = pq_getmsgint(buf, 4);
	if (*window <= 0)
		funnel_bad_state("The window is not positive.");
	if (*nconds < 1 || *nconds > FUNNEL_MAX_STEPS)
		funnel_bad_state("The number of conditions is out of range.");
	mode_len = pq_getmsgint(buf, 4);
	*mode_text = NULL;
	if (mode_len < -1 || mode_len > buf->len - buf->cursor)
		funnel_bad_state("The mode length is out of range.");
	if (mode_len >= 0)
		*mode_text = cstring_to_text_with_len(pq_getmsgbytes(buf, mode_len),
											  mode_len);
	if (*mode_text == NULL ? *mode != 0 :
		*mode != funnel_parse_mode(VARDATA_ANY(*mode_text),
								   VARSIZE_ANY_EXHDR(*mode_text), NULL))
		funnel_bad_state("The mode flags do not match the mode string.");
	nsteps = (*mode & FM_EXCLUDE) ? *nconds - 1 : *nconds;
	if (nsteps < 1)
		funnel_bad_state("The state has no step.");
}

/*
 * Deserialize a state, checking every length against the buffer.  The state
 * is built in the current (per-call) memory context, not the aggregate
 * context: the combine function copies it into the aggregate context when it
 * keeps it, and a state built there would stay allocated twice.
 */
PG_FUNCTION_INFO_V1(window_funnel_deserialfn);
Datum
window_funnel_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *sstate;
	StringInfoData buf;
	FunnelState *state;
	int64		window;
	uint32		mode;
	int			nconds;
	int32		nevents,
				i;
	text	   *mode_text;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "window_funnel_deserialfn called in non-aggregate context");

	sstate = PG_GETARG_BYTEA_PP(0);
	buf.data = VARDATA_ANY(sstate);
	buf.len = VARSIZE_ANY_EXHDR(sstate);
	buf.maxlen = buf.len;
	buf.cursor = 0;

	funnel_read_header(&buf, &window, &mode, &nconds, &mode_text);
	nevents = pq_getmsgint(&buf, 4);
	if (nevents < 0 || (int64) nevents * 12 != buf.len - buf.cursor)
		funnel_bad_state("The number of rows does not match the length of the state.");

	state = funnel_state_new(CurrentMemoryContext, window, mode, nconds,
							 mode_text);
	for (i = 0; i < nevents; i++)
	{
		int64		ts = pq_getmsgint64(&buf);
		uint32		mask = (uint32) pq_getmsgint(&buf, 4);

		if (nconds < 32 && (mask >> nconds) != 0)
			funnel_bad_state("A row matches a condition the state does not have.");
		funnel_state_add(state, ts, mask);
	}
	pq_getmsgend(&buf);

	PG_RETURN_POINTER(state);
}

/* sort keys: specialised sorts where the server provides them */
#if PG_VERSION_NUM >= 140000
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

/* The chain to extend from a level, or NULL if the level is not reached. */
static inline const FunnelChain *
funnel_source(const FunnelLevel *lvl)
{
	return (lvl->best.row < 0) ? NULL : &lvl->best;
}

/*
 * Remember a new chain for a level if its step 1 is at least as late as the
 * best one's.  Ties go to the newer chain, as a restart would.
 */
static inline void
funnel_offer(FunnelLevel *lvl, int64 first, int32 row, int32 slot)
{
	if (lvl->best.row < 0 || first >= lvl->best.first)
	{
		lvl->best.first = first;
		lvl->best.row = row;
		lvl->best.slot = slot;
	}
}

/*
 * strict_once within one timestamp: can steps lo..hi each be filled by a
 * different row of the timestamp, not using row r?  A bipartite matching
 * (Kuhn's augmenting paths) between steps and rows.
 *
 * The matching never needs more than nsteps candidate rows per step: at most
 * nsteps - 1 steps are filled, so the other steps and r block at most
 * nsteps - 1 of a step's candidates and one of nsteps is always free.  Each
 * step therefore keeps only its first nsteps + 1 rows of the timestamp, and a
 * matching costs O(nsteps^3) whatever the number of rows sharing the
 * timestamp (bulk loads often give thousands).
 */
#define FUNNEL_MAX_CANDS	(FUNNEL_MAX_STEPS + 1)
#define FUNNEL_MAX_UROWS	(FUNNEL_MAX_STEPS * FUNNEL_MAX_CANDS)

typedef struct FunnelCands
{
	int			nrows;			/* rows of the timestamp */
	int			nu;				/* distinct candidate rows */
	int			urow[FUNNEL_MAX_UROWS]; /* their row numbers, ascending */
	int			ncand[FUNNEL_MAX_STEPS + 1];	/* candidates per step */
	int16		cand[FUNNEL_MAX_STEPS + 1][FUNNEL_MAX_CANDS];	/* into urow */
	int			count[FUNNEL_MAX_STEPS + 1];	/* rows matching each step */
} FunnelCands;

/* Collect the candidate rows of ev[g0..g1) for steps 1..nsteps. */
static void
funnel_cands_build(FunnelCands *c, const FunnelEvent *ev, int g0, int g1,
				   int nsteps, uint32 step_bits)
{
	int			limit = nsteps + 1;
	int			r;

	c->nrows = g1 - g0;
	c->nu = 0;
	memset(c->ncand, 0, sizeof(int) * (nsteps + 1));
	memset(c->count, 0, sizeof(int) * (nsteps + 1));
	for (r = g0; r < g1; r++)
	{
		uint32		m = ev[r].mask & step_bits;
		bool		added = false;

		while (m != 0)
		{
			int			s = pg_rightmost_one_pos32(m) + 1;

			c->count[s]++;
			if (c->ncand[s] < limit)
			{
				if (!added)
				{
					c->urow[c->nu++] = r;
					added = true;
				}
				c->cand[s][c->ncand[s]++] = (int16) (c->nu - 1);
			}
			m &= m - 1;
		}
	}
}

static bool
funnel_match_try(const FunnelCands *c, int skip_u, int step, int *step_of_u,
				 bool *visited)
{
	int			i;

	for (i = 0; i < c->ncand[step]; i++)
	{
		int			q = c->cand[step][i];

		if (q == skip_u || visited[q])
			continue;
		visited[q] = true;
		if (step_of_u[q] == 0 ||
			funnel_match_try(c, skip_u, step_of_u[q], step_of_u, visited))
		{
			step_of_u[q] = step;
			return true;
		}
	}
	return false;
}

static bool
funnel_match_steps(const FunnelCands *c, int skip_row, int lo, int hi)
{
	int			step_of_u[FUNNEL_MAX_UROWS];
	bool		visited[FUNNEL_MAX_UROWS];
	int			skip_u = -1;
	int			l = 0,
				h = c->nu;
	int			j;

	if (lo > hi)
		return true;
	if (hi - lo + 1 > c->nrows - 1)
		return false;			/* fewer other rows than steps */
	while (l < h)
	{
		int			mid = l + (h - l) / 2;

		if (c->urow[mid] < skip_row)
			l = mid + 1;
		else
			h = mid;
	}
	if (l < c->nu && c->urow[l] == skip_row)
		skip_u = l;
	memset(step_of_u, 0, sizeof(int) * c->nu);
	for (j = lo; j <= hi; j++)
	{
		memset(visited, 0, sizeof(bool) * c->nu);
		if (!funnel_match_try(c, skip_u, j, step_of_u, visited))
			return false;
	}
	return true;
}

/*
 * With max_gap options a level can no longer keep just its chain with the
 * latest step-1 time: a chain whose last step is more recent may still be
 * within the gap when that one is not.  Each level then keeps its Pareto
 * front of (first, last) as a stack ordered by last ascending and first
 * descending; a new chain pops the entries it dominates.  The chain to
 * extend at time t is the first entry with last >= t - gap, which has the
 * latest first among those.
 */
typedef struct FunnelDeque
{
	int			len;
	int			cap;
	int64	   *first;
	int64	   *last;
	int		   *slot;
} FunnelDeque;

static void
funnel_deque_push(FunnelDeque *d, int64 first, int64 last, int slot)
{
	while (d->len > 0 && d->first[d->len - 1] <= first)
		d->len--;
	if (d->len >= d->cap)
	{
		d->cap = Max(d->cap * 2, 16);
		if (d->first == NULL)
		{
			d->first = palloc(sizeof(int64) * d->cap);
			d->last = palloc(sizeof(int64) * d->cap);
			d->slot = palloc(sizeof(int) * d->cap);
		}
		else
		{
			d->first = repalloc(d->first, sizeof(int64) * d->cap);
			d->last = repalloc(d->last, sizeof(int64) * d->cap);
			d->slot = repalloc(d->slot, sizeof(int) * d->cap);
		}
	}
	d->first[d->len] = first;
	d->last[d->len] = last;
	d->slot[d->len] = slot;
	d->len++;
}

/* index of the best chain usable at time t within the gap, or -1 */
static int
funnel_deque_find(const FunnelDeque *d, int64 t, int64 gap)
{
	int64		lb;
	int			lo = 0,
				hi = d->len;

	if (gap == FUNNEL_NO_GAP || pg_sub_s64_overflow(t, gap, &lb))
		lb = PG_INT64_MIN;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (d->last[mid] >= lb)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (lo < d->len) ? lo : -1;
}

/* a chain waiting for the end of its timestamp before it can be extended */
typedef struct FunnelPending
{
	int			level;
	int			slot;
	int64		first;
} FunnelPending;

/*
 * Remember a new chain for the max_gap search: at once, or (strict_increase,
 * strict_once) at the end of its timestamp, since those modes extend only
 * chains from earlier timestamps.
 */
static void
funnel_record(FunnelDeque *deques, FunnelPending **pending, int *npending,
			  int *maxpending, bool defer, int level, int64 first, int64 last,
			  int slot)
{
	if (!defer)
	{
		funnel_deque_push(&deques[level], first, last, slot);
		return;
	}
	if (*npending >= *maxpending)
	{
		*maxpending = Max(*maxpending * 2, 16);
		*pending = (*pending == NULL) ?
			palloc(sizeof(FunnelPending) * *maxpending) :
			repalloc(*pending, sizeof(FunnelPending) * *maxpending);
	}
	(*pending)[*npending].level = level;
	(*pending)[*npending].first = first;
	(*pending)[*npending].slot = slot;
	(*npending)++;
}

/*
 * Step times of the chains window_funnel_times follows: one slot of nsteps
 * timestamps per chain.  Chains are created for nearly every (row, step), but
 * only those still referenced by a level, a level's snapshot, a max_gap front
 * or a pending entry can be extended, so when the table is full the live
 * slots are compacted first and the table grows only if more than half of it
 * is live.  Memory is then bounded by the live chains (at most
 * 2 * (nsteps + 1) without max_gap) rather than by rows * steps.
 */
typedef struct FunnelTimes
{
	int64	   *slots;			/* maxslots x nsteps step timestamps */
	int			nslots;
	int			maxslots;
	int			nsteps;
} FunnelTimes;

static inline void
funnel_slot_mark(int *map, int slot)
{
	if (slot >= 0)
		map[slot] = 0;
}

static inline void
funnel_slot_remap(const int *map, int *slot)
{
	if (*slot >= 0)
		*slot = map[*slot];
}

/*
 * Compact the slot table to the slots still referenced, renumbering the
 * references (and *keep, a slot the caller is about to copy).
 */
static void
funnel_times_compact(FunnelTimes *tt, FunnelLevel *levels, FunnelLevel *snap,
					 FunnelDeque *deques, FunnelPending *pending, int npending,
					 int *keep)
{
	int		   *map = (int *) palloc(sizeof(int) * tt->nslots);
	int			nsteps = tt->nsteps;
	int			n = 0;
	int			k,
				i,
				s;

	for (s = 0; s < tt->nslots; s++)
		map[s] = -1;
	funnel_slot_mark(map, *keep);
	for (k = 1; k <= nsteps; k++)
	{
		if (levels[k].best.row >= 0)
			funnel_slot_mark(map, levels[k].best.slot);
		if (snap != NULL && snap[k].best.row >= 0)
			funnel_slot_mark(map, snap[k].best.slot);
		if (deques != NULL)
			for (i = 0; i < deques[k].len; i++)
				funnel_slot_mark(map, deques[k].slot[i]);
	}
	for (i = 0; i < npending; i++)
		funnel_slot_mark(map, pending[i].slot);

	for (s = 0; s < tt->nslots; s++)
	{
		if (map[s] < 0)
			continue;
		if (n != s)
			memcpy(&tt->slots[n * nsteps], &tt->slots[s * nsteps],
				   sizeof(int64) * nsteps);
		map[s] = n++;
	}

	funnel_slot_remap(map, keep);
	for (k = 1; k <= nsteps; k++)
	{
		if (levels[k].best.row >= 0)
			funnel_slot_remap(map, &levels[k].best.slot);
		if (snap != NULL && snap[k].best.row >= 0)
			funnel_slot_remap(map, &snap[k].best.slot);
		if (deques != NULL)
			for (i = 0; i < deques[k].len; i++)
				funnel_slot_remap(map, &deques[k].slot[i]);
	}
	for (i = 0; i < npending; i++)
		funnel_slot_remap(map, &pending[i].slot);
	tt->nslots = n;
	pfree(map);
}

/*
 * A new slot; compacts or grows the table when it is full.  *keep (a slot
 * index or -1) is renumbered if compaction moves it.
 */
static int
funnel_times_new_slot(FunnelTimes *tt, FunnelLevel *levels, FunnelLevel *snap,
					  FunnelDeque *deques, FunnelPending *pending, int npending,
					  int *keep)
{
	if (tt->nslots >= tt->maxslots)
	{
		funnel_times_compact(tt, levels, snap, deques, pending, npending, keep);
		if (tt->nslots > tt->maxslots / 2)
		{
			tt->maxslots *= 2;
			tt->slots = (int64 *) repalloc(tt->slots,
										   sizeof(int64) * tt->maxslots * tt->nsteps);
		}
	}
	return tt->nslots++;
}

/*
 * Compute the funnel level from a state; the state's rows get sorted in
 * place (which changes nothing observable).  If times is not NULL it
 * receives the step times of the first chain that reached the final level,
 * relative to its step 1, in microseconds.
 *
 * Step times are kept in a table of slots (FunnelTimes): every chain gets a
 * slot holding its step timestamps, so a level refers to its chains by slot,
 * and slots no chain refers to any more are reused.  Only the times variant
 * pays for this.
 */
static int
funnel_compute(FunnelState *state, int64 *times)
{
	FunnelEvent *ev;
	int			n = state->nevents;
	int			nsteps = funnel_nsteps(state);
	uint32		mode = state->mode;
	bool		once = (mode & FM_STRICT_ONCE) != 0;
	bool		increase = (mode & FM_STRICT_INCREASE) != 0;
	bool		order = (mode & FM_STRICT_ORDER) != 0;
	bool		dedup = (mode & FM_STRICT_DEDUP) != 0;
	bool		reentry = (mode & FM_ALLOW_REENTRY) != 0;
	bool		anchor = (mode & FM_ANCHOR) != 0;
	uint32		exclude_bit = (mode & FM_EXCLUDE) ? ((uint32) 1) << nsteps : 0;
	uint32		step_bits = (nsteps >= 32) ? ~(uint32) 0 : ((((uint32) 1) << nsteps) - 1);
	FunnelLevel levels[FUNNEL_MAX_STEPS + 1];
	FunnelLevel snap[FUNNEL_MAX_STEPS + 1];
	FunnelLevel *src_levels;
	bool		started = false;
	bool		anchored = false;
	int64		anchor_ts = 0;
	int			maxlevel = 0;
	int			k;
	int			g0,
				g1;
	FunnelTimes tt;				/* times != NULL: chains' step times */
	int			reset_step = 0;
	FunnelCands *cands = NULL;	/* strict_once: rows per step */
	int			best_a[FUNNEL_MAX_STEPS + 1];	/* strict_once: best source */
	const int64 *gaps = state->gaps;	/* NULL: no max_gap */
	FunnelDeque deques[FUNNEL_MAX_STEPS + 1];
	FunnelPending *pending = NULL;
	int			npending = 0,
				maxpending = 0;
	bool		defer = increase || once;
	FunnelLevel *live_snap = defer ? snap : NULL;	/* for compaction */
	FunnelDeque *live_deques = (gaps != NULL) ? deques : NULL;

	if (n == 0)
		return 0;
	if (gaps != NULL)
		memset(deques, 0, sizeof(deques));

	/*
	 * Gather the rows into one array and sort them on (ts, mask); the rows
	 * stored stay the same, so the final function can run repeatedly.
	 */
	{
		int			nunits,
					i;
		void	   *raw;

		/*
		 * Most groups fit in the first chunk: sort that in place (the rows
		 * stored stay the same multiset) instead of gathering a copy.
		 */
		if (state->format != FMT_WIDE && state->head->next == NULL)
			raw = state->head->slots;
		else
			raw = funnel_state_gather(state, &nunits);
		if (state->format == FMT_NARROW)
			funnel_sort_keys32((int32 *) raw, n);
		else if (state->format == FMT_PACKED)
			funnel_sort_keys((int64 *) raw, n);
		ev = (FunnelEvent *) palloc(sizeof(FunnelEvent) * n);
		for (i = 0; i < n; i++)
			funnel_slots_get(state, raw, i, &ev[i].ts, &ev[i].mask);
		if (raw != (void *) state->head->slots)
			pfree(raw);
		if (state->format == FMT_WIDE)
			qsort(ev, n, sizeof(FunnelEvent), funnel_event_cmp);
	}

	for (k = 0; k <= nsteps; k++)
	{
		levels[k].best.row = -1;
		levels[k].best.slot = -1;
	}
	if (times != NULL)
	{
		tt.nsteps = nsteps;
		tt.nslots = 0;
		tt.maxslots = 64;
		tt.slots = (int64 *) palloc(sizeof(int64) * tt.maxslots * nsteps);
	}

	/* levels[k] is the state of level k (1-based); level 0 unused */
	src_levels = increase ? snap : levels;

	for (g0 = 0; g0 < n; g0 = g1)
	{
		int64		t = ev[g0].ts;
		uint32		any = 0;
		int			r;

		CHECK_FOR_INTERRUPTS();

		for (g1 = g0; g1 < n && ev[g1].ts == t; g1++)
			any |= ev[g1].mask;

		/* levels as they were before this timestamp */
		if (increase || once)
			memcpy(snap, levels, sizeof(FunnelLevel) * (nsteps + 1));
		reset_step = 0;

		/*
		 * strict_once: the rows of this timestamp that can fill each step
		 * (counts for a quick test, a few candidates for the matching), and
		 * the best source level found so far for each step, to skip rows
		 * that cannot improve it.  With the skip of repeated masks below,
		 * a timestamp of m rows costs O(m * nsteps) plus one matching of
		 * O(nsteps^3) per distinct mask and source level, not O(m^2).
		 */
		if (once)
		{
			if (cands == NULL)
				cands = (FunnelCands *) palloc(sizeof(FunnelCands));
			funnel_cands_build(cands, ev, g0, g1, nsteps, step_bits);
			for (k = 0; k <= nsteps; k++)
				best_a[k] = k;
		}

		/*
		 * strict_order markers (rows matching nothing) sort first within the
		 * timestamp, like ClickHouse's condition index 0.
		 */
		if (order && ev[g0].mask == 0 && started)
		{
			if (!reentry)
				goto done;
			for (k = 1; k <= nsteps; k++)
				levels[k].best.row = -1, deques[k].len = 0;
			npending = 0;
			if (increase || once)
				memcpy(snap, levels, sizeof(FunnelLevel) * (nsteps + 1));
			started = false;
		}

		/* step entries in condition order, then rows in sorted order */
		any &= step_bits;
		while (any != 0)
		{
			int			bit = pg_rightmost_one_pos32(any);
			uint32		prev_mask = 0;	/* strict_once: last row's mask */

			k = bit + 1;
			any &= any - 1;

			for (r = g0; r < g1; r++)
			{
				const FunnelChain *src;
				int64		first = 0;
				int64		gap;
				int			src_slot = -1;
				int			src_level;
				int			slot = -1;
				int			j;

				if (!(ev[r].mask & (((uint32) 1) << bit)))
					continue;

				if (k == 1)
				{
					/* anchor: only step-1 rows at the first step-1 time start */
					if (anchor && anchored && t != anchor_ts)
						continue;
					if (!anchored)
					{
						anchored = true;
						anchor_ts = t;
					}
					started = true;
					if (times != NULL)
					{
						int			none = -1;

						slot = funnel_times_new_slot(&tt, levels, live_snap,
													 live_deques, pending,
													 npending, &none);
						tt.slots[slot * nsteps] = t;
					}
					funnel_offer(&levels[1], t, r, slot);
					if (gaps != NULL)
						funnel_record(deques, &pending, &npending, &maxpending,
									  defer, 1, t, t, slot);
					if (maxlevel < 1)
					{
						maxlevel = 1;
						if (times != NULL)
							times[0] = t;
					}
					if (nsteps == 1)
						goto done;
					continue;
				}

				if (dedup && levels[k].best.row >= 0)
					goto done;
				if (order && started && levels[k - 1].best.row < 0)
				{
					if (!reentry)
						goto done;
					/* the violating entry ends every chain; re-enter later */
					for (k = 1; k <= nsteps; k++)
						levels[k].best.row = -1, deques[k].len = 0;
					npending = 0;
					if (increase || once)
						memcpy(snap, levels, sizeof(FunnelLevel) * (nsteps + 1));
					started = false;
					k = bit + 1;
					/* rows before this entry cannot join a later chain */
					reset_step = k;
					prev_mask = 0;
					continue;
				}

				if (!once && gaps != NULL)
				{
					int			d = funnel_deque_find(&deques[k - 1], t, gaps[k]);

					if (d < 0)
						continue;
					first = deques[k - 1].first[d];
					src_slot = deques[k - 1].slot[d];
					src_level = k - 1;
					if (pg_sub_s64_overflow(t, first, &gap) ||
						gap > state->window)
						continue;
				}
				else if (!once)
				{
					src = funnel_source(&src_levels[k - 1]);
					if (src == NULL)
						continue;
					first = src->first;
					src_slot = src->slot;
					src_level = k - 1;

					/*
					 * Inclusive window; t >= first after sorting, and only
					 * the infinities can make the difference overflow.
					 */
					if (pg_sub_s64_overflow(t, first, &gap) ||
						gap > state->window)
						continue;
				}
				else
				{
					/*
					 * strict_once: extend a chain that reached level a before
					 * this timestamp, filling steps a+1 .. k-1 with other
					 * rows of this timestamp (none under strict_increase).
					 * Earlier levels have later step-1 times, so the first a
					 * that works gives the best chain.
					 */
					int			a;

					/*
					 * Without gaps a later source level never has a later
					 * step 1, so only levels below the best found can help.
					 */
					int			a_end = (gaps == NULL) ? best_a[k] : k;

					/*
					 * A row with the same conditions as the previous row of
					 * this step and timestamp finds the same chain (rows sort
					 * on their mask, so such rows are adjacent): skip it.
					 */
					if (ev[r].mask == prev_mask)
						continue;
					prev_mask = ev[r].mask;
					src_level = -1;

					for (a = increase ? k - 1 : reset_step; a < a_end; a++)
					{
						int			j;
						bool		possible = true;

						/* every step a+1 .. k-1 needs a row other than r */
						for (j = a + 1; j < k && possible; j++)
							if (cands->count[j] - (int) ((ev[r].mask >> (j - 1)) & 1) < 1)
								possible = false;
						if (!possible)
							continue;

						if (a == 0)
						{
							if (anchor && anchored && t != anchor_ts)
								continue;
							first = t;
							src_slot = -1;
						}
						else if (gaps != NULL)
						{
							int			d = funnel_deque_find(&deques[a], t, gaps[a + 1]);

							if (d < 0)
								continue;
							first = deques[a].first[d];
							src_slot = deques[a].slot[d];
							if (pg_sub_s64_overflow(t, first, &gap) ||
								gap > state->window)
								continue;
						}
						else
						{
							if (snap[a].best.row < 0)
								continue;
							first = snap[a].best.first;
							src_slot = snap[a].best.slot;
							if (pg_sub_s64_overflow(t, first, &gap) ||
								gap > state->window)
								continue;
						}
						if (funnel_match_steps(cands, r, a + 1, k - 1))
						{
							src_level = a;
							break;
						}
					}
					if (src_level < 0)
						continue;
					if (src_level < best_a[k])
						best_a[k] = src_level;
				}

				if (times != NULL)
				{
					slot = funnel_times_new_slot(&tt, levels, live_snap,
												 live_deques, pending,
												 npending, &src_slot);
					if (src_level > 0)
						memcpy(&tt.slots[slot * nsteps],
							   &tt.slots[src_slot * nsteps],
							   sizeof(int64) * src_level);
					for (j = src_level; j < k; j++)
						tt.slots[slot * nsteps + j] = t;
				}
				funnel_offer(&levels[k], first, r, slot);
				if (gaps != NULL)
					funnel_record(deques, &pending, &npending, &maxpending,
								  defer, k, first, t, slot);
				if (k > maxlevel)
				{
					/* the first chain to reach a level is the one reported */
					maxlevel = k;
					if (times != NULL)
						memcpy(times, &tt.slots[slot * nsteps], sizeof(int64) * k);
				}
				if (k == nsteps)
					goto done;
			}
		}

		/* chains of this timestamp become extendable from the next one */
		if (gaps != NULL)
		{
			int			i;

			for (i = 0; i < npending; i++)
				funnel_deque_push(&deques[pending[i].level], pending[i].first, t,
								  pending[i].slot);
			npending = 0;
		}

		/*
		 * Exclusion events end every chain in progress; they take effect
		 * after the step entries of the same timestamp.
		 */
		if (exclude_bit != 0 && started)
		{
			for (r = g0; r < g1; r++)
			{
				if (ev[r].mask & exclude_bit)
				{
					for (k = 1; k <= nsteps; k++)
						levels[k].best.row = -1, deques[k].len = 0;
					npending = 0;
					started = false;
					break;
				}
			}
		}
	}

done:
	pfree(ev);
	if (cands != NULL)
		pfree(cands);
	if (times != NULL)
		pfree(tt.slots);
	return maxlevel;
}

/* window_funnel final function: the level reached, 0 for an empty group */
PG_FUNCTION_INFO_V1(window_funnel_finalfn);
Datum
window_funnel_finalfn(PG_FUNCTION_ARGS)
{
	FunnelState *state;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "window_funnel_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_INT32(0);
	state = funnel_state_arg(fcinfo, 0, "window_funnel_finalfn");
	PG_RETURN_INT32(funnel_compute(state, NULL));
}

/*
 * window_funnel_times final function: seconds from step 1 to each step
 * reached, for the first chain that reached the final level ({} for none).
 */
PG_FUNCTION_INFO_V1(window_funnel_times_finalfn);
Datum
window_funnel_times_finalfn(PG_FUNCTION_ARGS)
{
	FunnelState *state;
	int64		times[FUNNEL_MAX_STEPS];
	Datum		elems[FUNNEL_MAX_STEPS];
	int			level,
				i;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "window_funnel_times_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(FLOAT8OID));
	state = funnel_state_arg(fcinfo, 0, "window_funnel_times_finalfn");
	level = funnel_compute(state, times);
	for (i = 0; i < level; i++)
		elems[i] = Float8GetDatum((double) (times[i] - times[0]) / USECS_PER_SEC);
	if (level == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(FLOAT8OID));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, level, FLOAT8OID, sizeof(float8),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
