/*-------------------------------------------------------------------------
 *
 * funnel.c
 *	  window_funnel(): how far each entity got through an ordered sequence of
 *	  steps within a time window, as a parallel-safe aggregate.  This unit
 *	  holds the fmgr glue and the parsing of modes; the event log and the
 *	  matching engine are funnel_log.c and funnel_match.c (see
 *	  funnel_engine.h).
 *
 * Semantics follow ClickHouse's windowFunnel (see doc/funnels.md):
 *
 * - every input row adds one entry (ts, i) per condition i that is true on
 *	 it; entries are processed in (ts, i) order, so a row matching conditions
 *	 1 and 2 reaches level 2 by itself;
 * - a step-1 entry starts a chain and a later step-1 entry restarts it;
 * - step k > 1 counts when step k - 1 is reached and ts <= first + window,
 *	 where first is the chain's step-1 time (inclusive);
 * - the result is the highest level reached, 0 if none.
 *
 * The transition state only collects the rows that match some condition (and,
 * for strict_order, the rows that match none, as markers) as (ts, bitmask)
 * pairs in an event log; all ordering happens in the final function after a
 * sort on (ts, bitmask), so results never depend on input order or on how a
 * parallel plan split the input.
 *
 * src/funnel.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "funnel_engine.h"

/*
 * First word of every state.  The support functions are reachable with any
 * internal pointer (a superuser may declare an aggregate that pairs them with
 * another transition function), so they check it before trusting a state.
 */
#define FUNNEL_STATE_MAGIC		0x464E4C31	/* "FNL1" */

/* format version of the serialized transition state (parallel workers) */
#define FUNNEL_STATE_VERSION	1

/* bytes of a new state: header, then the log's first chunk */
#define FUNNEL_STATE_ALLOC	512

typedef struct FunnelState
{
	/*
	 * The fields the transition function touches for every row come first
	 * and fit in one 64-byte cache line (the state is allocated 64-byte
	 * aligned): a row then costs the state one line plus the slot it writes.
	 * Profiling showed cache misses on states dominating the per-row cost.
	 */
	uint32		magic;			/* FUNNEL_STATE_MAGIC */
	uint32		mode;			/* FM_* flags */
	int64		window;			/* microseconds, > 0 */
	FunnelLog	log;			/* the rows; its hot fields come first */

	/* the rest is touched rarely */
	/* to check cheaply that the mode stays constant in a group */
	text	   *mode_text;		/* copy of the mode argument, or NULL */
	/* max_gap options: gaps[k] limits step k - 1 -> k (FM_GAPS only) */
	int64	   *gaps;
	/* window_funnel_events with non-constant steps: hash of the step names */
	uint64		steps_hash;
} FunnelState;

static uint32 funnel_parse_mode(const char *mode, int len, int64 *gaps,
								uint64 *gap_steps);

/* ----------------------------------------------------------------
 *		Mode strings and max_gap durations
 * ----------------------------------------------------------------
 */

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
 * One max_gap option, max_gap=<duration> or max_gap_<K>=<duration>, of
 * length toklen at tok (which starts with "max_gap" and holds an "=").
 */
static void
funnel_parse_gap_option(const char *tok, int toklen, int64 *all_gap,
						int64 *step_gap)
{
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
		*all_gap = usecs;
	else
		step_gap[step] = usecs;
}

/* The FM_* flag of a mode name other than max_gap, or 0. */
static uint32
funnel_mode_flag(const char *tok, int toklen)
{
	static const struct
	{
		const char *name;
		uint32		flag;
	}			modes[] = {
		{"strict_order", FM_STRICT_ORDER},
		{"strict_deduplication", FM_STRICT_DEDUP},
		{"strict_increase", FM_STRICT_INCREASE},
		{"strict_once", FM_STRICT_ONCE},
		{"allow_reentry", FM_ALLOW_REENTRY},
		{"anchor", FM_ANCHOR},
		{"exclude", FM_EXCLUDE},
		{"any_order", FM_ANY_ORDER},
	};
	int			i;

	for (i = 0; i < lengthof(modes); i++)
		if (toklen == (int) strlen(modes[i].name) &&
			strncmp(tok, modes[i].name, toklen) == 0)
			return modes[i].flag;
	return 0;
}

/*
 * Parse a comma-separated list of modes into FM_* flags.  Spaces around the
 * names are ignored; an empty string means the default mode.  If gaps is not
 * NULL it receives the gap into every step (FUNNEL_NO_GAP: none), and
 * *gap_steps has bit K set for every max_gap_K option.
 */
static uint32
funnel_parse_mode(const char *mode, int len, int64 *gaps, uint64 *gap_steps)
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
		int			start = pos,
					end;
		uint32		flag;

		while (pos < len && mode[pos] != ',')
			pos++;
		end = pos;
		pos++;					/* skip the comma (or step past the end) */

		while (start < end && isspace((unsigned char) mode[start]))
			start++;
		while (end > start && isspace((unsigned char) mode[end - 1]))
			end--;
		if (end == start)
			continue;
		if ((flag = funnel_mode_flag(mode + start, end - start)) != 0)
			flags |= flag;
		else if (end - start > 8 && strncmp(mode + start, "max_gap", 7) == 0 &&
				 memchr(mode + start, '=', end - start) != NULL)
		{
			funnel_parse_gap_option(mode + start, end - start, &all_gap, step_gap);
			flags |= FM_GAPS;
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown window_funnel mode \"%.*s\"", end - start, mode + start),
					 errhint("Valid modes are strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry, anchor, any_order, exclude, max_gap=<duration> and max_gap_K=<duration>, separated by commas.")));
	}

	if (gaps != NULL)
	{
		gaps[0] = gaps[1] = FUNNEL_NO_GAP;
		*gap_steps = 0;
		for (k = 2; k <= FUNNEL_MAX_STEPS; k++)
		{
			gaps[k] = step_gap[k] >= 0 ? step_gap[k] : all_gap;
			if (step_gap[k] >= 0)
				*gap_steps |= ((uint64) 1) << k;
		}
	}

	if ((flags & FM_ALLOW_REENTRY) && !(flags & FM_STRICT_ORDER))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel mode allow_reentry requires strict_order"),
				 errdetail("allow_reentry changes what a strict_order violation does; without strict_order there are no violations."),
				 errhint("Use the mode 'strict_order, allow_reentry'.")));
	if ((flags & FM_ANY_ORDER) && (flags & ~(FM_ANY_ORDER | FM_EXCLUDE)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel mode any_order can only be combined with exclude"),
				 errdetail("The other modes are rules about the order of the steps.")));
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

/* ----------------------------------------------------------------
 *		The transition state
 * ----------------------------------------------------------------
 */

static inline int
funnel_nsteps(const FunnelState *state)
{
	return (state->mode & FM_EXCLUDE) ? state->log.nconds - 1 : state->log.nconds;
}

/*
 * A new, empty state in cxt: the header and the log's first chunk in one
 * allocation, the mode string and the gaps it gives beside them.
 */
static FunnelState *
funnel_state_new(MemoryContext cxt, int64 window, uint32 mode,
				 int nconds, text *mode_text)
{
	FunnelState *state;
	char	   *raw;
	Size		used;

	StaticAssertStmt(offsetof(FunnelState, log) + FUNNEL_LOG_HOT_BYTES <= 64,
					 "FunnelState hot fields must fit in a cache line");
	StaticAssertStmt(64 + MAXALIGN(sizeof(FunnelState)) + offsetof(FunnelChunk, slots) +
					 8 * sizeof(int64) <= FUNNEL_STATE_ALLOC,
					 "FunnelState header too large");

	/*
	 * Not zeroed: only the header is initialised, slots are written before
	 * they are read.  The state is never pfree'd on its own (it goes with
	 * its memory context), so it may start inside the allocation.
	 */
	raw = (char *) MemoryContextAlloc(cxt, FUNNEL_STATE_ALLOC);
	state = (FunnelState *) TYPEALIGN(64, raw);
	used = ((char *) state - raw) + MAXALIGN(sizeof(FunnelState));
	state->magic = FUNNEL_STATE_MAGIC;
	state->window = window;
	state->mode = mode;
	funnel_log_init(&state->log, nconds, cxt,
					(char *) state + MAXALIGN(sizeof(FunnelState)),
					FUNNEL_STATE_ALLOC - used);
	state->mode_text = NULL;
	state->gaps = NULL;
	state->steps_hash = 0;
	if (mode_text != NULL)
	{
		Size		len = VARSIZE_ANY(mode_text);

		state->mode_text = (text *) MemoryContextAlloc(cxt, len);
		memcpy(state->mode_text, mode_text, len);
	}
	if (mode & FM_GAPS)
	{
		int			nsteps = funnel_nsteps(state);
		uint64		beyond;

		if (mode_text == NULL)
			elog(ERROR, "window_funnel max_gap without a mode string");
		state->gaps = (int64 *) MemoryContextAlloc(cxt,
												   sizeof(int64) * (FUNNEL_MAX_STEPS + 1));
		(void) funnel_parse_mode(VARDATA_ANY(mode_text), VARSIZE_ANY_EXHDR(mode_text),
								 state->gaps, &beyond);
		/* a per-step gap for a step the funnel does not have is a mistake */
		beyond &= ~((((uint64) 1) << (nsteps + 1)) - 1);
		if (beyond != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel option max_gap_%d refers to a step the funnel does not have",
							pg_rightmost_one_pos64(beyond)),
					 errdetail("The funnel has %d steps.", nsteps)));
	}
	return state;
}

/* Do two states hold the same mode string (or none)? */
static bool
funnel_same_mode_text(const text *a, const text *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
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
		state->log.nconds < 1 || state->log.nconds > FUNNEL_MAX_STEPS ||
		state->log.format > FMT_WIDE || state->log.nevents < 0 ||
		state->window <= 0 || (state->mode & ~FM_ALL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s received a state that window_funnel did not build", fn),
				 errdetail("The aggregate pairs a window_funnel support function with a different transition function.")));
	return state;
}

/*
 * The level a state reached; times and start as for funnel_match().  The
 * log's keys may be sorted in place, which changes nothing observable, so
 * the final functions are read-only and aggregates that differ only in their
 * final function share one state.
 */
static int
funnel_state_level(FunnelState *state, int64 *times, int64 *start)
{
	FunnelRules rules;
	FunnelEvent *ev;
	int			level;

	if (state->log.nevents == 0)
		return 0;
	rules.nsteps = funnel_nsteps(state);
	rules.mode = state->mode;
	rules.window = state->window;
	rules.gaps = state->gaps;
	ev = funnel_log_sorted(&state->log);
	level = funnel_match(ev, state->log.nevents, &rules, times, start);
	pfree(ev);
	return level;
}

/* ----------------------------------------------------------------
 *		Transition function
 * ----------------------------------------------------------------
 */

/*
 * What the transition function learns once per call site from its FmgrInfo:
 * where the conditions are and whether they come as one VARIADIC array.
 * Cached in fn_extra, so the per-row path only reads arguments.
 */
typedef struct FunnelCallInfo
{
	bool		has_mode;		/* a mode text argument is present */
	bool		as_array;		/* conditions in one boolean array */
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
 * The number of conditions of this row (-1: not known yet, a NULL array on
 * the first rows); *steps receives the VARIADIC array, if any.
 */
static inline int
funnel_row_nconds(FunctionCallInfo fcinfo, const FunnelCallInfo *ci,
				  const FunnelState *state, ArrayType **steps)
{
	*steps = NULL;
	if (likely(!ci->as_array))
		return ci->nconds;
	if (PG_ARGISNULL(ci->first_cond))
	{
		/* the number of conditions comes from the array, NULL array = no match */
		return state ? state->log.nconds : -1;
	}
	*steps = PG_GETARG_ARRAYTYPE_P(ci->first_cond);
	if (ARR_NDIM(*steps) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("window_funnel steps must be a one-dimensional array")));
	return (ARR_NDIM(*steps) == 0) ? 0 : ARR_DIMS(*steps)[0];
}

/*
 * The state of a group, from its first row that shows the number of
 * conditions (NULL until then).
 */
static FunnelState *
funnel_first_state(FunctionCallInfo fcinfo, const FunnelCallInfo *ci,
				   MemoryContext aggcontext, int nconds)
{
	Interval   *window = PG_GETARG_INTERVAL_P(1);
	uint32		mode = 0;
	text	   *mode_text = NULL;
	int			nsteps;

	if (ci->has_mode)
	{
		mode_text = PG_GETARG_TEXT_PP(2);
		mode = funnel_parse_mode(VARDATA_ANY(mode_text),
								 VARSIZE_ANY_EXHDR(mode_text), NULL, NULL);
	}
	if (nconds < 0)
		return NULL;			/* wait for a row that shows the step count */
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
	return funnel_state_new(aggcontext, funnel_window_usecs(window),
							mode, nconds, mode_text);
}

/*
 * Window, mode and number of conditions must stay those of the group's
 * first row.  They are normally constants, so these checks cost a compare
 * per row; they stop a group from silently mixing windows.
 */
static inline void
funnel_check_row(FunctionCallInfo fcinfo, const FunnelCallInfo *ci,
				 const FunnelState *state, const ArrayType *steps, int nconds)
{
	Interval   *window = PG_GETARG_INTERVAL_P(1);

	if (window->month != 0 ||
		(int64) window->day * USECS_PER_DAY + window->time != state->window)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel window must be the same for all rows of a group")));
	if (ci->has_mode &&
		!funnel_same_mode_text(PG_GETARG_TEXT_PP(2), state->mode_text))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel mode must be the same for all rows of a group")));
	if (unlikely(steps != NULL) && nconds != state->log.nconds)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel got %d conditions on one row and %d on another",
						nconds, state->log.nconds)));
}

/* The bitmask of the conditions true on this row. */
static inline uint32
funnel_row_mask(FunctionCallInfo fcinfo, const FunnelCallInfo *ci,
				const ArrayType *steps, int nconds)
{
	uint32		mask = 0;
	int			i;

	if (likely(!ci->as_array))
	{
		/* one boolean argument per condition; NULL is false */
		NullableDatum *args = &fcinfo->args[ci->first_cond];

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

		for (i = 0; i < nconds; i++)
		{
			if (nulls != NULL && !(nulls[i >> 3] & (1 << (i & 7))))
				continue;
			if (*data++)
				mask |= ((uint32) 1) << i;
		}
	}
	return mask;
}

/*
 * window_funnel_transfn(state internal, window interval, [mode text,]
 *						 ts timestamp[tz], VARIADIC steps "any")
 *
 * Shared by all window_funnel variants.  The conditions arrive as separate
 * boolean arguments (no array is built per row), or, for a call written with
 * VARIADIC (or a single boolean array), as one array.  Window and mode are
 * read from the first row and must stay the same within a group.  Rows with
 * a NULL timestamp are skipped; a NULL condition counts as false, a NULL
 * VARIADIC array as no match.
 */
PG_FUNCTION_INFO_V1(window_funnel_transfn);
Datum
window_funnel_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	FunnelState *state;
	FunnelCallInfo *ci;
	ArrayType  *steps;
	int			nconds;
	uint32		mask;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "window_funnel_transfn called in non-aggregate context");

	ci = funnel_call_info(fcinfo);
	state = PG_ARGISNULL(0) ? NULL : (FunnelState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window_funnel window must not be null")));
	if (ci->has_mode && PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window_funnel mode must not be null")));

	nconds = funnel_row_nconds(fcinfo, ci, state, &steps);
	if (state == NULL)
	{
		state = funnel_first_state(fcinfo, ci, aggcontext, nconds);
		if (state == NULL)
			PG_RETURN_NULL();
	}
	else
		funnel_check_row(fcinfo, ci, state, steps, nconds);

	if (PG_ARGISNULL(ci->ts_arg))
		PG_RETURN_POINTER(state);
	mask = funnel_row_mask(fcinfo, ci, steps, nconds);

	/* rows matching nothing matter only as strict_order markers */
	if (mask != 0 || (state->mode & FM_STRICT_ORDER))
		funnel_log_add(&state->log, PG_GETARG_INT64(ci->ts_arg), mask);

	PG_RETURN_POINTER(state);
}

/* ----------------------------------------------------------------
 *		window_funnel_events: steps named by an event column
 * ----------------------------------------------------------------
 */

/*
 * The step names of one call site, as a small open-addressing hash table
 * from a name to the bitmask of the steps that carry it (a name may repeat).
 * Built once per call site when the steps are a constant (the usual case:
 * the planner folds VARIADIC literals into one constant array), and rebuilt
 * only when a non-constant steps array changes.  A row then costs one hash
 * of its event name and, on a hit, one memcmp.
 */
#define FUNNEL_NAME_BITS	6
#define FUNNEL_NAME_SLOTS	(1 << FUNNEL_NAME_BITS)	/* >= 2 * FUNNEL_MAX_STEPS */

typedef struct FunnelName
{
	const char *name;			/* NULL: empty slot */
	int			len;
	uint32		hash;
	uint32		mask;
} FunnelName;

typedef struct FunnelEventsInfo
{
	bool		has_mode;		/* a mode text argument is present */
	bool		steps_const;	/* the steps are the same for every row */
	int16		ts_arg;
	int16		event_arg;
	int16		steps_arg;
	int32		nconds;			/* steps in the table (0: not built) */
	uint64		steps_hash;		/* hash of the steps array's bytes */
	ArrayType  *steps;			/* copy of the array the table came from */
	MemoryContext cxt;			/* fn_mcxt: the table and the copy */
	FunnelName	slots[FUNNEL_NAME_SLOTS];
} FunnelEventsInfo;

/*
 * A cheap hash of a name: its length and first, second and last bytes.
 * Event names are short and few distinct ones are steps, so this spreads
 * them well enough; a collision costs a probe, never a wrong match (the
 * names are compared).  hash_bytes() showed up in the per-row cost.
 */
static inline uint32
funnel_name_hash(const char *name, int len)
{
	const unsigned char *u = (const unsigned char *) name;

	if (len == 0)
		return 0;
	return (uint32) len * 0x9E3779B1u ^ (uint32) u[0] * 0x85EBCA77u ^
		(uint32) u[len > 1 ? 1 : 0] * 0xC2B2AE3Du ^ (uint32) u[len - 1] * 0x27D4EB2Fu;
}

/* (Re)build the name table from a steps array. */
static void
funnel_events_build(FunnelEventsInfo *ei, ArrayType *steps)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	if (ARR_NDIM(steps) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("window_funnel_events steps must be a one-dimensional array")));
	deconstruct_array(steps, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	if (n > FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("window_funnel_events supports at most %d steps, got %d",
						FUNNEL_MAX_STEPS, n)));
	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel_events needs at least one step")));
	/* every check before the old table goes, so an error leaves it intact */
	for (i = 0; i < n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("window_funnel_events step names must not be null"),
					 errdetail("Step %d is null.", i + 1)));
	if (ei->steps != NULL)
	{
		for (i = 0; i < FUNNEL_NAME_SLOTS; i++)
			if (ei->slots[i].name != NULL)
				pfree((void *) ei->slots[i].name);
		pfree(ei->steps);
	}
	memset(ei->slots, 0, sizeof(ei->slots));
	for (i = 0; i < n; i++)
	{
		text	   *t;
		const char *name;
		int			len;
		uint32		h;
		int			j;

		t = DatumGetTextPP(elems[i]);
		name = VARDATA_ANY(t);
		len = VARSIZE_ANY_EXHDR(t);
		h = funnel_name_hash(name, len);
		for (j = h >> (32 - FUNNEL_NAME_BITS);; j = (j + 1) & (FUNNEL_NAME_SLOTS - 1))
		{
			FunnelName *e = &ei->slots[j];

			if (e->name == NULL)
			{
				char	   *copy = MemoryContextAlloc(ei->cxt, Max(len, 1));

				memcpy(copy, name, len);
				e->name = copy;
				e->len = len;
				e->hash = h;
				e->mask = ((uint32) 1) << i;
				break;
			}
			if (e->hash == h && e->len == len && memcmp(e->name, name, len) == 0)
			{
				e->mask |= ((uint32) 1) << i;
				break;
			}
		}
	}
	ei->nconds = n;
	ei->steps = (ArrayType *) MemoryContextAlloc(ei->cxt, VARSIZE(steps));
	memcpy(ei->steps, steps, VARSIZE(steps));
	ei->steps_hash = hash_bytes_extended((const unsigned char *) steps,
										 VARSIZE(steps), 0);
}

/* The steps of one call site, read once from its FmgrInfo. */
static FunnelEventsInfo *
funnel_events_info(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	FunnelEventsInfo *ei = (FunnelEventsInfo *) flinfo->fn_extra;
	Oid			type;

	if (likely(ei != NULL))
		return ei;
	ei = (FunnelEventsInfo *) MemoryContextAllocZero(flinfo->fn_mcxt,
													 sizeof(FunnelEventsInfo));
	ei->cxt = flinfo->fn_mcxt;
	type = get_fn_expr_argtype(flinfo, 2);
	if (!OidIsValid(type))
		elog(ERROR, "window_funnel_events_transfn could not determine its argument types");
	ei->has_mode = (type == TEXTOID);
	ei->ts_arg = ei->has_mode ? 3 : 2;
	ei->event_arg = ei->ts_arg + 1;
	ei->steps_arg = ei->event_arg + 1;
	if (PG_NARGS() != ei->steps_arg + 1)
		elog(ERROR, "window_funnel_events_transfn called with %d arguments", PG_NARGS());
	ei->steps_const = get_fn_expr_arg_stable(flinfo, ei->steps_arg);
	flinfo->fn_extra = ei;
	return ei;
}

/*
 * The name table for this row's steps array.  A constant array is read
 * once; another is compared with the one the table came from, and the
 * group's state must have seen the same names (by a 64-bit hash of the
 * array) since its first row.
 */
static inline void
funnel_events_steps(FunctionCallInfo fcinfo, FunnelEventsInfo *ei,
					FunnelState *state)
{
	ArrayType  *steps;

	if (likely(ei->steps_const && ei->nconds > 0))
		return;
	if (PG_ARGISNULL(ei->steps_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window_funnel_events steps must not be null")));
	steps = PG_GETARG_ARRAYTYPE_P(ei->steps_arg);
	if (ei->nconds == 0 || VARSIZE(steps) != VARSIZE(ei->steps) ||
		memcmp(steps, ei->steps, VARSIZE(steps)) != 0)
		funnel_events_build(ei, steps);
	if (state != NULL && state->steps_hash != ei->steps_hash)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel_events steps must be the same for all rows of a group")));
}

/* The bitmask of the steps named by the event of this row (NULL: none). */
static inline uint32
funnel_events_mask(FunctionCallInfo fcinfo, const FunnelEventsInfo *ei)
{
	text	   *ev;
	const char *name;
	int			len;
	uint32		h;
	int			j;

	if (PG_ARGISNULL(ei->event_arg))
		return 0;
	ev = PG_GETARG_TEXT_PP(ei->event_arg);
	name = VARDATA_ANY(ev);
	len = VARSIZE_ANY_EXHDR(ev);
	h = funnel_name_hash(name, len);
	for (j = h >> (32 - FUNNEL_NAME_BITS);; j = (j + 1) & (FUNNEL_NAME_SLOTS - 1))
	{
		const FunnelName *e = &ei->slots[j];

		if (e->name == NULL)
			return 0;
		if (e->hash == h && e->len == len && memcmp(e->name, name, len) == 0)
			return e->mask;
	}
}

/*
 * window_funnel_events_transfn(state internal, window interval,
 *								[mode text,] ts timestamp[tz], event text,
 *								VARIADIC steps text[])
 *
 * The transition of every window_funnel_events variant: the same state as
 * window_funnel's, with the condition mask built from the event name (one
 * datum per row instead of one boolean expression per step).  Names match
 * byte for byte, as = does under a deterministic collation.  A NULL event
 * matches no step; rows with a NULL timestamp are skipped.
 */
PG_FUNCTION_INFO_V1(window_funnel_events_transfn);
Datum
window_funnel_events_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	FunnelEventsInfo *ei;
	FunnelState *state;
	FunnelCallInfo ci;
	uint32		mask;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "window_funnel_events_transfn called in non-aggregate context");

	ei = funnel_events_info(fcinfo);
	state = PG_ARGISNULL(0) ? NULL : (FunnelState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window_funnel window must not be null")));
	if (ei->has_mode && PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window_funnel mode must not be null")));
	funnel_events_steps(fcinfo, ei, state);

	/* what funnel_first_state and funnel_check_row read of a call site */
	ci.has_mode = ei->has_mode;
	ci.as_array = false;
	ci.ts_arg = ei->ts_arg;
	ci.first_cond = ei->event_arg;
	ci.nconds = ei->nconds;
	if (state == NULL)
	{
		state = funnel_first_state(fcinfo, &ci, aggcontext, ei->nconds);
		state->steps_hash = ei->steps_hash;
	}
	else
		funnel_check_row(fcinfo, &ci, state, NULL, ei->nconds);

	if (PG_ARGISNULL(ei->ts_arg))
		PG_RETURN_POINTER(state);
	mask = funnel_events_mask(fcinfo, ei);
	if (mask != 0 || (state->mode & FM_STRICT_ORDER))
		funnel_log_add(&state->log, PG_GETARG_INT64(ei->ts_arg), mask);
	PG_RETURN_POINTER(state);
}

/* ----------------------------------------------------------------
 *		Combine, serialize, deserialize
 * ----------------------------------------------------------------
 */

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
		if (s2->log.cxt == aggcontext)
			PG_RETURN_POINTER(s2);
		s1 = funnel_state_new(aggcontext, s2->window, s2->mode, s2->log.nconds,
							  s2->mode_text);
	}
	else if (s1->window != s2->window || s1->mode != s2->mode ||
			 s1->log.nconds != s2->log.nconds ||
			 !funnel_same_mode_text(s1->mode_text, s2->mode_text))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel window, mode and number of conditions must be the same for all rows of a group")));

	funnel_log_append(&s1->log, &s2->log);
	PG_RETURN_POINTER(s1);
}

/*
 * Serialize a state for a parallel worker: version byte, window (int8),
 * mode flags, number of conditions, mode string length (-1: none) and bytes,
 * then the rows (funnel_log_send).  Integers go out in network byte order so
 * the format does not depend on the platform.
 */
PG_FUNCTION_INFO_V1(window_funnel_serialfn);
Datum
window_funnel_serialfn(PG_FUNCTION_ARGS)
{
	FunnelState *state;
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "window_funnel_serialfn called in non-aggregate context");

	state = funnel_state_arg(fcinfo, 0, "window_funnel_serialfn");

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FUNNEL_STATE_VERSION);
	pq_sendint64(&buf, state->window);
	pq_sendint32(&buf, state->mode);
	pq_sendint32(&buf, state->log.nconds);
	if (state->mode_text != NULL)
	{
		pq_sendint32(&buf, VARSIZE_ANY_EXHDR(state->mode_text));
		pq_sendbytes(&buf, VARDATA_ANY(state->mode_text),
					 VARSIZE_ANY_EXHDR(state->mode_text));
	}
	else
		pq_sendint32(&buf, -1);
	funnel_log_send(&state->log, &buf);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
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
								   VARSIZE_ANY_EXHDR(*mode_text), NULL, NULL))
		funnel_bad_state("The mode flags do not match the mode string.");
	nsteps = (*mode & FM_EXCLUDE) ? *nconds - 1 : *nconds;
	if (nsteps < 1)
		funnel_bad_state("The state has no step.");
}

/*
 * Deserialize a state, checking every field and length against the buffer.
 * The state is built in the current (per-call) memory context, not the
 * aggregate context: the combine function copies it into the aggregate
 * context when it keeps it, and a state built there would stay allocated
 * twice.
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
	text	   *mode_text;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "window_funnel_deserialfn called in non-aggregate context");

	sstate = PG_GETARG_BYTEA_PP(0);
	buf.data = VARDATA_ANY(sstate);
	buf.len = VARSIZE_ANY_EXHDR(sstate);
	buf.maxlen = buf.len;
	buf.cursor = 0;

	funnel_read_header(&buf, &window, &mode, &nconds, &mode_text);
	state = funnel_state_new(CurrentMemoryContext, window, mode, nconds,
							 mode_text);
	funnel_log_recv(&state->log, &buf);
	pq_getmsgend(&buf);

	PG_RETURN_POINTER(state);
}

/* ----------------------------------------------------------------
 *		Final functions
 * ----------------------------------------------------------------
 */

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
	PG_RETURN_INT32(funnel_state_level(state, NULL, NULL));
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
	level = funnel_state_level(state, times, NULL);
	for (i = 0; i < level; i++)
		elems[i] = Float8GetDatum((double) (times[i] - times[0]) / USECS_PER_SEC);
	if (level == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(FLOAT8OID));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, level, FLOAT8OID, sizeof(float8),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/*
 * window_funnel_start final function: the step-1 time of the chain that
 * produced the level window_funnel returns (the first chain to reach it),
 * NULL for level 0.  The same C function serves the timestamptz and the
 * timestamp aggregates: the value is the input timestamp itself.
 */
PG_FUNCTION_INFO_V1(window_funnel_start_finalfn);
Datum
window_funnel_start_finalfn(PG_FUNCTION_ARGS)
{
	FunnelState *state;
	int64		start;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "window_funnel_start_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = funnel_state_arg(fcinfo, 0, "window_funnel_start_finalfn");
	if (funnel_state_level(state, NULL, &start) == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(start);
}
