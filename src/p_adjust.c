/*-------------------------------------------------------------------------
 *
 * p_adjust.c
 *	  p_adjust(p_value, method) OVER (...): p-values adjusted for multiple
 *	  comparisons, as R's p.adjust computes them.
 *
 * When many touchpoints or variants are tested at once, some p-values fall
 * below 0.05 by chance alone.  The adjusted p-value of each test accounts
 * for the whole family, which is the window partition (like rank(), the
 * frame is ignored).  With the m non-null p-values sorted ascending,
 * p(1) <= ... <= p(m):
 *
 *	holm (Holm 1979, family-wise error rate):
 *		adj(i) = min(1, max over j <= i of (m - j + 1) p(j))
 *	bh (Benjamini & Hochberg 1995, false discovery rate):
 *		adj(i) = min(1, min over j >= i of m / j p(j))
 *
 * which is R's p.adjust(p, "holm") and p.adjust(p, "BH") with its default
 * n = m: NULL p-values stay NULL and do not count.  The partition is read
 * once, on its first row, and the adjusted values are kept in the
 * partition's local memory: O(m log m) per partition.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/memutils.h"
#include "windowapi.h"

typedef enum PAdjustMethod
{
	P_ADJUST_HOLM,
	P_ADJUST_BH
} PAdjustMethod;

/* Per-partition state, in WinGetPartitionLocalMemory (zeroed on creation). */
typedef struct PAdjustState
{
	bool		done;			/* adjusted[] filled for this partition */
	PAdjustMethod method;
	double	   *adjusted;		/* one per row; NaN for a NULL p-value */
} PAdjustState;

typedef struct PValueRow
{
	double		p;
	int64		row;
} PValueRow;

static PAdjustMethod
parse_p_adjust_method(text *method)
{
	char	   *m = text_to_cstring(method);

	if (pg_strcasecmp(m, "holm") == 0)
		return P_ADJUST_HOLM;
	if (pg_strcasecmp(m, "bh") == 0)
		return P_ADJUST_BH;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown p-value adjustment method \"%s\"", m),
			 errhint("Valid methods are \"holm\" and \"bh\" (Benjamini-Hochberg).")));
	return P_ADJUST_HOLM;		/* keep compiler quiet */
}

/* The method argument of the current row; never NULL. */
static PAdjustMethod
current_method(WindowObject win)
{
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(win, 1, &isnull);

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("p_adjust method must not be null")));
	return parse_p_adjust_method(DatumGetTextPP(d));
}

static int
cmp_pvalue(const void *a, const void *b)
{
	double		pa = ((const PValueRow *) a)->p;
	double		pb = ((const PValueRow *) b)->p;

	return (pa > pb) - (pa < pb);
}

/*
 * Read the partition's p-values (checking each is a probability) and fill
 * state->adjusted with the adjusted value of every row.
 */
static void
p_adjust_partition(WindowObject win, PAdjustState *state)
{
	int64		nrows = WinGetPartitionRowCount(win);
	PValueRow  *sorted;
	int64		m = 0;
	int64		row;
	int64		i;
	double		running;

	/* huge allocations: a partition may hold more than 1 GB / 16 rows */
	state->adjusted = MemoryContextAllocHuge(GetMemoryChunkContext(state),
											 sizeof(double) * Max(nrows, 1));
	sorted = MemoryContextAllocHuge(CurrentMemoryContext,
									sizeof(PValueRow) * Max(nrows, 1));
	for (row = 0; row < nrows; row++)
	{
		bool		isnull;
		Datum		d = WinGetFuncArgInPartition(win, 0, row, WINDOW_SEEK_HEAD,
												 false, &isnull, NULL);
		double		p;

		state->adjusted[row] = NAN;
		if (isnull)
			continue;
		p = DatumGetFloat8(d);
		if (!(p >= 0.0 && p <= 1.0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("p-value must be between 0 and 1, not %g", p)));
		sorted[m].p = p;
		sorted[m].row = row;
		m++;
	}
	qsort(sorted, m, sizeof(PValueRow), cmp_pvalue);

	if (state->method == P_ADJUST_HOLM)
	{
		/* step down: running maximum of (m - i) p(i), i from 0 */
		running = 0.0;
		for (i = 0; i < m; i++)
		{
			running = fmax(running, (double) (m - i) * sorted[i].p);
			state->adjusted[sorted[i].row] = fmin(1.0, running);
		}
	}
	else
	{
		/* step up: running minimum of m / (i + 1) p(i), from the largest */
		running = 1.0;
		for (i = m - 1; i >= 0; i--)
		{
			running = fmin(running, (double) m / (double) (i + 1) * sorted[i].p);
			state->adjusted[sorted[i].row] = running;
		}
	}
	pfree(sorted);
	state->done = true;
}

/*
 * p_adjust(p_value double precision, method text): the adjusted p-value of
 * the current row among the non-null p-values of its partition; NULL for a
 * NULL p-value.  The method must be the same on every row of a partition.
 */
PG_FUNCTION_INFO_V1(cjkpi_p_adjust);
Datum
cjkpi_p_adjust(PG_FUNCTION_ARGS)
{
	WindowObject win = PG_WINDOW_OBJECT();
	PAdjustState *state;
	PAdjustMethod method = current_method(win);
	double		adjusted;

	state = (PAdjustState *) WinGetPartitionLocalMemory(win, sizeof(PAdjustState));
	if (!state->done)
	{
		state->method = method;
		p_adjust_partition(win, state);
	}
	else if (method != state->method)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("p_adjust method changes within a partition"),
				 errdetail("Every row of a partition is adjusted as one family of tests, with one method.")));

	adjusted = state->adjusted[WinGetCurrentPosition(win)];
	if (isnan(adjusted))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(adjusted);
}
