/*-------------------------------------------------------------------------
 *
 * funnel_match.c
 *	  The window_funnel matching engine: the level one entity reached, from
 *	  its rows sorted on (timestamp, condition mask).
 *
 * The level is computed greedily: for every level we remember the chain that
 * reached it with the latest step-1 time, which dominates every other chain
 * for all later extensions.  The rows are scanned one timestamp at a time;
 * within a timestamp, step entries go in condition order and, for one
 * condition, in row order (funnel.c describes the semantics).  Everything
 * the scan keeps lives in one FunnelScan; funnel_match() is the driver and
 * calls one function per stage of a timestamp:
 *
 *	  begin		 snapshot the levels, gather strict_once candidates
 *	  markers	 strict_order rows that match nothing
 *	  steps		 every step entry: start a chain (step 1) or extend one,
 *				 with the source chain chosen by the picker of the mode
 *				 family: greedy (default, strict_increase), max_gap
 *				 (a Pareto front per level) or strict_once (a matching of
 *				 the timestamp's rows to the steps in between)
 *	  end		 chains of this timestamp become sources; exclusions
 *
 * strict_increase extends only chains from earlier timestamps (ClickHouse's
 * single chain per level loses c1@0, c1@1, c2@1 there); strict_once does the
 * same across timestamps and, within one, assigns rows to the remaining
 * steps with a small bipartite matching.  funnel_differential checks all of
 * this against a reference that enumerates every chain.
 *
 * src/funnel_match.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"

#include "funnel_engine.h"


/* ----------------------------------------------------------------
 *		Chains and levels
 * ----------------------------------------------------------------
 */

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

/* the chain a new entry extends, as found by a source picker */
typedef struct FunnelSource
{
	int			level;			/* level it reached (0: a new chain) */
	int64		first;			/* its step-1 time */
	int			slot;			/* its step times, or -1 */
} FunnelSource;

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

/* ----------------------------------------------------------------
 *		max_gap: a Pareto front of chains per level
 * ----------------------------------------------------------------
 */

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

/* ----------------------------------------------------------------
 *		strict_once: matching the rows of one timestamp to steps
 * ----------------------------------------------------------------
 */

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

/* ----------------------------------------------------------------
 *		The working state of one scan
 * ----------------------------------------------------------------
 */

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
} FunnelTimes;

typedef struct FunnelScan
{
	/* the rows and the rules */
	const FunnelEvent *ev;
	int			n;
	int			nsteps;
	int64		window;
	const int64 *gaps;			/* NULL: no max_gap */
	bool		once;
	bool		increase;
	bool		order;
	bool		dedup;
	bool		reentry;
	bool		anchor;
	bool		defer;			/* new chains extendable only later */
	uint32		step_bits;
	uint32		exclude_bit;

	/* the chains; levels[k] is level k (1-based), level 0 unused */
	FunnelLevel levels[FUNNEL_MAX_STEPS + 1];
	FunnelLevel snap[FUNNEL_MAX_STEPS + 1]; /* defer: before this timestamp */
	FunnelLevel *src_levels;	/* where the greedy picker looks */
	FunnelDeque deques[FUNNEL_MAX_STEPS + 1];	/* gaps only */
	FunnelPending *pending;		/* gaps and defer only */
	int			npending;
	int			maxpending;
	bool		started;		/* a chain is in progress */
	bool		anchored;		/* a step-1 time was seen */
	int64		anchor_ts;

	/* the timestamp being scanned: rows g0 .. g1 - 1 */
	int			g0;
	int			g1;
	int64		t;
	int			reset_step;		/* strict_order violation: lowest source */
	uint32		prev_mask;		/* strict_once: last row's mask */
	FunnelCands *cands;			/* strict_once: rows per step */
	int			best_a[FUNNEL_MAX_STEPS + 1];	/* strict_once: best source */

	/* the result */
	int			maxlevel;
	int64		start;			/* step-1 time of the chain that reached it */
	bool		done;			/* the scan may stop */
	int64	   *times;			/* NULL, or the reported chain's step times */
	FunnelTimes tt;				/* times only */
} FunnelScan;

/* Inclusive window from a chain's step 1 to the current timestamp. */
static inline bool
funnel_within_window(const FunnelScan *sc, int64 first)
{
	int64		gap;

	/* t >= first after sorting; only the infinities can overflow */
	return !pg_sub_s64_overflow(sc->t, first, &gap) && gap <= sc->window;
}

/* End every chain in progress (a strict_order violation, an exclusion). */
static void
funnel_end_chains(FunnelScan *sc)
{
	int			k;

	for (k = 1; k <= sc->nsteps; k++)
		sc->levels[k].best.row = -1;
	if (sc->gaps != NULL)
		for (k = 1; k <= sc->nsteps; k++)
			sc->deques[k].len = 0;
	sc->npending = 0;
	if (sc->defer)
		memcpy(sc->snap, sc->levels, sizeof(FunnelLevel) * (sc->nsteps + 1));
	sc->started = false;
}

/* ----------------------------------------------------------------
 *		Step times (window_funnel_times only)
 * ----------------------------------------------------------------
 */

/*
 * One reference to a slot: mark it in map (remap == NULL), or renumber it
 * through remap.
 */
static inline void
funnel_slot_ref(int *slot, int *map, const int *remap)
{
	if (*slot < 0)
		return;
	if (remap != NULL)
		*slot = remap[*slot];
	else
		map[*slot] = 0;
}

/* Visit every slot a chain still refers to (see funnel_slot_ref). */
static void
funnel_slots_visit(FunnelScan *sc, int *map, const int *remap)
{
	int			k,
				i;

	for (k = 1; k <= sc->nsteps; k++)
	{
		if (sc->levels[k].best.row >= 0)
			funnel_slot_ref(&sc->levels[k].best.slot, map, remap);
		if (sc->defer && sc->snap[k].best.row >= 0)
			funnel_slot_ref(&sc->snap[k].best.slot, map, remap);
		if (sc->gaps != NULL)
			for (i = 0; i < sc->deques[k].len; i++)
				funnel_slot_ref(&sc->deques[k].slot[i], map, remap);
	}
	for (i = 0; i < sc->npending; i++)
		funnel_slot_ref(&sc->pending[i].slot, map, remap);
}

/*
 * Compact the slot table to the slots still referenced, renumbering the
 * references (and *keep, a slot the caller is about to copy).
 */
static void
funnel_times_compact(FunnelScan *sc, int *keep)
{
	FunnelTimes *tt = &sc->tt;
	int		   *map = (int *) palloc(sizeof(int) * tt->nslots);
	int			nsteps = sc->nsteps;
	int			n = 0;
	int			s;

	for (s = 0; s < tt->nslots; s++)
		map[s] = -1;
	funnel_slot_ref(keep, map, NULL);
	funnel_slots_visit(sc, map, NULL);
	for (s = 0; s < tt->nslots; s++)
	{
		if (map[s] < 0)
			continue;
		if (n != s)
			memcpy(&tt->slots[n * nsteps], &tt->slots[s * nsteps],
				   sizeof(int64) * nsteps);
		map[s] = n++;
	}
	funnel_slot_ref(keep, NULL, map);
	funnel_slots_visit(sc, NULL, map);
	tt->nslots = n;
	pfree(map);
}

/*
 * The step times of a new chain that extends src to level k at the current
 * timestamp (steps src->level + 1 .. k all at t), in a new slot.  Compacts
 * or grows the table when it is full.
 */
static int
funnel_times_new_chain(FunnelScan *sc, const FunnelSource *src, int k)
{
	FunnelTimes *tt = &sc->tt;
	int			src_slot = src->slot;
	int			slot;
	int			j;

	if (tt->nslots >= tt->maxslots)
	{
		funnel_times_compact(sc, &src_slot);
		if (tt->nslots > tt->maxslots / 2)
		{
			tt->maxslots *= 2;
			tt->slots = (int64 *) repalloc(tt->slots,
										   sizeof(int64) * tt->maxslots * sc->nsteps);
		}
	}
	slot = tt->nslots++;
	if (src->level > 0)
		memcpy(&tt->slots[slot * sc->nsteps], &tt->slots[src_slot * sc->nsteps],
			   sizeof(int64) * src->level);
	for (j = src->level; j < k; j++)
		tt->slots[slot * sc->nsteps + j] = sc->t;
	return slot;
}

/* ----------------------------------------------------------------
 *		Recording chains
 * ----------------------------------------------------------------
 */

/*
 * Remember a new chain for the max_gap search: at once, or (strict_increase,
 * strict_once) at the end of its timestamp, since those modes extend only
 * chains from earlier timestamps.
 */
static void
funnel_record(FunnelScan *sc, int level, int64 first, int slot)
{
	FunnelPending *p;

	if (!sc->defer)
	{
		funnel_deque_push(&sc->deques[level], first, sc->t, slot);
		return;
	}
	if (sc->npending >= sc->maxpending)
	{
		sc->maxpending = Max(sc->maxpending * 2, 16);
		sc->pending = (sc->pending == NULL) ?
			palloc(sizeof(FunnelPending) * sc->maxpending) :
			repalloc(sc->pending, sizeof(FunnelPending) * sc->maxpending);
	}
	p = &sc->pending[sc->npending++];
	p->level = level;
	p->first = first;
	p->slot = slot;
}

/*
 * Row r reaches level k by extending src: offer the chain to the level,
 * record it for max_gap, and note a new highest level.  Reaching the last
 * step ends the scan.
 */
static void
funnel_add_chain(FunnelScan *sc, int r, int k, const FunnelSource *src)
{
	int			slot = -1;

	if (sc->times != NULL)
		slot = funnel_times_new_chain(sc, src, k);
	funnel_offer(&sc->levels[k], src->first, r, slot);
	if (sc->gaps != NULL)
		funnel_record(sc, k, src->first, slot);
	if (k > sc->maxlevel)
	{
		/* the first chain to reach a level is the one reported */
		sc->maxlevel = k;
		sc->start = src->first;
		if (sc->times != NULL)
			memcpy(sc->times, &sc->tt.slots[slot * sc->nsteps], sizeof(int64) * k);
	}
	if (k == sc->nsteps)
		sc->done = true;
}

/* A step-1 entry starts a chain (anchor: only at the first step-1 time). */
static void
funnel_start_chain(FunnelScan *sc, int r)
{
	FunnelSource src = {0, sc->t, -1};

	if (sc->anchor && sc->anchored && sc->t != sc->anchor_ts)
		return;
	if (!sc->anchored)
	{
		sc->anchored = true;
		sc->anchor_ts = sc->t;
	}
	sc->started = true;
	funnel_add_chain(sc, r, 1, &src);
}

/* ----------------------------------------------------------------
 *		Source pickers, one per mode family
 * ----------------------------------------------------------------
 */

/* Default and strict_increase: the best chain of level k - 1. */
static inline bool
funnel_pick_greedy(const FunnelScan *sc, int k, FunnelSource *src)
{
	const FunnelChain *c = &sc->src_levels[k - 1].best;

	if (c->row < 0 || !funnel_within_window(sc, c->first))
		return false;
	src->level = k - 1;
	src->first = c->first;
	src->slot = c->slot;
	return true;
}

/* max_gap: the chain of level a with the latest step 1 within the gap. */
static bool
funnel_pick_gap(const FunnelScan *sc, int a, FunnelSource *src)
{
	const FunnelDeque *d = &sc->deques[a];
	int			i = funnel_deque_find(d, sc->t, sc->gaps[a + 1]);

	if (i < 0 || !funnel_within_window(sc, d->first[i]))
		return false;
	src->level = a;
	src->first = d->first[i];
	src->slot = d->slot[i];
	return true;
}

/*
 * strict_once: may row r extend a chain of level a (reached before this
 * timestamp; a = 0: a new chain here) to step k, with steps a+1 .. k-1
 * filled by other rows of this timestamp?
 */
static bool
funnel_once_from(const FunnelScan *sc, int r, int k, int a, FunnelSource *src)
{
	uint32		mask = sc->ev[r].mask;
	int			j;

	/* every step a+1 .. k-1 needs a row other than r */
	for (j = a + 1; j < k; j++)
		if (sc->cands->count[j] - (int) ((mask >> (j - 1)) & 1) < 1)
			return false;
	if (a == 0)
	{
		if (sc->anchor && sc->anchored && sc->t != sc->anchor_ts)
			return false;
		src->level = 0;
		src->first = sc->t;
		src->slot = -1;
	}
	else if (sc->gaps != NULL)
	{
		if (!funnel_pick_gap(sc, a, src))
			return false;
	}
	else
	{
		const FunnelChain *c = &sc->snap[a].best;

		if (c->row < 0 || !funnel_within_window(sc, c->first))
			return false;
		src->level = a;
		src->first = c->first;
		src->slot = c->slot;
	}
	return funnel_match_steps(sc->cands, r, a + 1, k - 1);
}

/*
 * strict_once: the best chain row r can extend to step k.  Earlier levels
 * have later step-1 times, so the first source level that works gives the
 * best chain; without gaps a later source level never has a later step 1,
 * so only levels below the best found so far for this step can help.
 */
static bool
funnel_pick_once(FunnelScan *sc, int r, int k, FunnelSource *src)
{
	int			a_end = (sc->gaps == NULL) ? sc->best_a[k] : k;
	int			a;

	/*
	 * A row with the same conditions as the previous row of this step and
	 * timestamp finds the same chain (rows sort on their mask, so such rows
	 * are adjacent): skip it.
	 */
	if (sc->ev[r].mask == sc->prev_mask)
		return false;
	sc->prev_mask = sc->ev[r].mask;

	for (a = sc->increase ? k - 1 : sc->reset_step; a < a_end; a++)
	{
		if (funnel_once_from(sc, r, k, a, src))
		{
			if (a < sc->best_a[k])
				sc->best_a[k] = a;
			return true;
		}
	}
	return false;
}

/* ----------------------------------------------------------------
 *		The stages of one timestamp
 * ----------------------------------------------------------------
 */

/*
 * Start the timestamp of row g0: find its rows, snapshot the levels for the
 * modes that extend only earlier chains, and gather strict_once candidates.
 * Returns the union of the rows' masks.
 */
static uint32
funnel_stage_begin(FunnelScan *sc, int g0)
{
	uint32		any = 0;
	int			g1;
	int			k;

	sc->g0 = g0;
	sc->t = sc->ev[g0].ts;
	for (g1 = g0; g1 < sc->n && sc->ev[g1].ts == sc->t; g1++)
		any |= sc->ev[g1].mask;
	sc->g1 = g1;
	if (sc->defer)
		memcpy(sc->snap, sc->levels, sizeof(FunnelLevel) * (sc->nsteps + 1));
	sc->reset_step = 0;

	/*
	 * strict_once: the rows of this timestamp that can fill each step
	 * (counts for a quick test, a few candidates for the matching), and the
	 * best source level found so far for each step, to skip rows that
	 * cannot improve it.  With the skip of repeated masks in the picker, a
	 * timestamp of m rows costs O(m * nsteps) plus one matching of
	 * O(nsteps^3) per distinct mask and source level, not O(m^2).
	 */
	if (sc->once)
	{
		funnel_cands_build(sc->cands, sc->ev, g0, g1, sc->nsteps, sc->step_bits);
		for (k = 0; k <= sc->nsteps; k++)
			sc->best_a[k] = k;
	}
	return any;
}

/*
 * strict_order markers (rows matching nothing) sort first within the
 * timestamp, like ClickHouse's condition index 0: after the first step 1
 * they stop the scan, or with allow_reentry end every chain.
 */
static void
funnel_stage_markers(FunnelScan *sc)
{
	if (!sc->order || sc->ev[sc->g0].mask != 0 || !sc->started)
		return;
	if (!sc->reentry)
		sc->done = true;
	else
		funnel_end_chains(sc);
}

/* One entry: row r for step k >= 2. */
static void
funnel_step_entry(FunnelScan *sc, int r, int k)
{
	FunnelSource src;
	bool		found;

	if (sc->dedup && sc->levels[k].best.row >= 0)
	{
		sc->done = true;
		return;
	}
	if (sc->order && sc->started && sc->levels[k - 1].best.row < 0)
	{
		if (!sc->reentry)
		{
			sc->done = true;
			return;
		}
		/* the violating entry ends every chain; re-enter later */
		funnel_end_chains(sc);
		/* rows before this entry cannot join a later chain */
		sc->reset_step = k;
		sc->prev_mask = 0;
		return;
	}

	if (sc->once)
		found = funnel_pick_once(sc, r, k, &src);
	else if (sc->gaps != NULL)
		found = funnel_pick_gap(sc, k - 1, &src);
	else
		found = funnel_pick_greedy(sc, k, &src);
	if (found)
		funnel_add_chain(sc, r, k, &src);
}

/* Step entries in condition order, then rows in sorted order. */
static void
funnel_stage_steps(FunnelScan *sc, uint32 any)
{
	any &= sc->step_bits;
	while (any != 0)
	{
		int			bit = pg_rightmost_one_pos32(any);
		uint32		bitmask = ((uint32) 1) << bit;
		int			k = bit + 1;
		int			r;

		any &= any - 1;
		sc->prev_mask = 0;
		for (r = sc->g0; r < sc->g1; r++)
		{
			if (!(sc->ev[r].mask & bitmask))
				continue;
			if (k == 1)
				funnel_start_chain(sc, r);
			else
				funnel_step_entry(sc, r, k);
			if (sc->done)
				return;
		}
	}
}

/*
 * End the timestamp: its chains become extendable from the next one
 * (max_gap with deferred modes), and exclusion events end every chain in
 * progress; they take effect after the step entries of the same timestamp.
 */
static void
funnel_stage_end(FunnelScan *sc)
{
	int			i,
				r;

	if (sc->gaps != NULL)
	{
		for (i = 0; i < sc->npending; i++)
			funnel_deque_push(&sc->deques[sc->pending[i].level],
							  sc->pending[i].first, sc->t, sc->pending[i].slot);
		sc->npending = 0;
	}
	if (sc->exclude_bit != 0 && sc->started)
	{
		for (r = sc->g0; r < sc->g1; r++)
		{
			if (sc->ev[r].mask & sc->exclude_bit)
			{
				funnel_end_chains(sc);
				break;
			}
		}
	}
}

/* ----------------------------------------------------------------
 *		Driver
 * ----------------------------------------------------------------
 */

static void
funnel_scan_init(FunnelScan *sc, const FunnelEvent *ev, int n,
				 const FunnelRules *rules, int64 *times)
{
	uint32		mode = rules->mode;
	int			k;

	sc->ev = ev;
	sc->n = n;
	sc->nsteps = rules->nsteps;
	sc->window = rules->window;
	sc->gaps = rules->gaps;
	sc->once = (mode & FM_STRICT_ONCE) != 0;
	sc->increase = (mode & FM_STRICT_INCREASE) != 0;
	sc->order = (mode & FM_STRICT_ORDER) != 0;
	sc->dedup = (mode & FM_STRICT_DEDUP) != 0;
	sc->reentry = (mode & FM_ALLOW_REENTRY) != 0;
	sc->anchor = (mode & FM_ANCHOR) != 0;
	sc->defer = sc->increase || sc->once;
	sc->step_bits = (sc->nsteps >= 32) ? ~(uint32) 0 :
		((((uint32) 1) << sc->nsteps) - 1);
	sc->exclude_bit = (mode & FM_EXCLUDE) ? ((uint32) 1) << sc->nsteps : 0;

	for (k = 0; k <= sc->nsteps; k++)
	{
		sc->levels[k].best.row = -1;
		sc->levels[k].best.slot = -1;
	}
	sc->src_levels = sc->increase ? sc->snap : sc->levels;
	if (sc->gaps != NULL)
		memset(sc->deques, 0, sizeof(sc->deques));
	sc->pending = NULL;
	sc->npending = sc->maxpending = 0;
	sc->started = sc->anchored = false;
	sc->anchor_ts = 0;
	sc->cands = sc->once ? (FunnelCands *) palloc(sizeof(FunnelCands)) : NULL;
	sc->maxlevel = 0;
	sc->start = 0;
	sc->done = false;
	sc->times = times;
	if (times != NULL)
	{
		sc->tt.nslots = 0;
		sc->tt.maxslots = 64;
		sc->tt.slots = (int64 *) palloc(sizeof(int64) * sc->tt.maxslots * sc->nsteps);
	}
}

/*
 * The level reached by the rows ev[0..n), sorted on (ts, mask), under the
 * given rules.  The chain reported is the first that reached that level: if
 * times is not NULL it receives that chain's step times, and if start is not
 * NULL its step-1 time (both absolute, in microseconds; untouched for level
 * 0).
 */
int
funnel_match(const FunnelEvent *ev, int n, const FunnelRules *rules,
			 int64 *times, int64 *start)
{
	FunnelScan	sc;
	int			g0;

	if (n == 0)
		return 0;
	funnel_scan_init(&sc, ev, n, rules, times);
	for (g0 = 0; g0 < n && !sc.done; g0 = sc.g1)
	{
		uint32		any;

		CHECK_FOR_INTERRUPTS();
		any = funnel_stage_begin(&sc, g0);
		funnel_stage_markers(&sc);
		if (!sc.done)
			funnel_stage_steps(&sc, any);
		if (!sc.done)
			funnel_stage_end(&sc);
	}
	if (sc.cands != NULL)
		pfree(sc.cands);
	if (times != NULL)
		pfree(sc.tt.slots);
	if (start != NULL && sc.maxlevel > 0)
		*start = sc.start;
	return sc.maxlevel;
}
