/*-------------------------------------------------------------------------
 *
 * event_rows.c
 *	  (timestamp, condition mask, value) rows of one entity: appending,
 *	  sorting on a total order, serialization (see event_rows.h).
 *
 * src/event_rows.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "event_rows.h"

/* Start an empty set of rows in cxt. */
void
event_rows_init(EventRows *r, MemoryContext cxt)
{
	r->nrows = 0;
	r->maxrows = 16;
	r->rows = MemoryContextAlloc(cxt, sizeof(EventRow) * r->maxrows);
	r->buflen = 0;
	r->bufmax = 256;
	r->buf = MemoryContextAlloc(cxt, r->bufmax);
	r->cxt = cxt;
}

/* Append a row; val NULL is a NULL value. */
void
event_rows_add(EventRows *r, int64 ts, uint64 mask, const char *val, int len)
{
	EventRow   *row;

	if (r->nrows >= r->maxrows)
	{
		if ((Size) r->maxrows * 2 * sizeof(EventRow) > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("a group has too many rows"),
					 errdetail("A group can hold at most %d rows.", r->nrows)));
		r->maxrows *= 2;
		r->rows = repalloc(r->rows, sizeof(EventRow) * r->maxrows);
	}
	if (val != NULL && r->buflen + len > r->bufmax)
	{
		Size		max = r->bufmax;

		while (r->buflen + len > max)
			max *= 2;
		if (max > MaxAllocSize || r->buflen + len > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("a group has too many bytes of values")));
		r->buf = repalloc(r->buf, max);
		r->bufmax = max;
	}
	row = &r->rows[r->nrows++];
	row->ts = ts;
	row->mask = mask;
	row->off = -1;
	row->len = 0;
	if (val != NULL)
	{
		memcpy(r->buf + r->buflen, val, len);
		row->off = (int32) r->buflen;
		row->len = len;
		r->buflen += len;
	}
}

/* Append every row of src to dst. */
void
event_rows_append(EventRows *dst, const EventRows *src)
{
	int			i;

	for (i = 0; i < src->nrows; i++)
	{
		const EventRow *row = &src->rows[i];

		event_rows_add(dst, row->ts, row->mask,
					   row->off < 0 ? NULL : src->buf + row->off, row->len);
	}
}

/* total order of rows: timestamp, then value (bytes, NULL last), then mask */
static int
event_row_cmp(const void *a, const void *b, void *arg)
{
	const EventRow *x = (const EventRow *) a;
	const EventRow *y = (const EventRow *) b;
	const char *buf = (const char *) arg;

	if (x->ts != y->ts)
		return (x->ts < y->ts) ? -1 : 1;
	if ((x->off < 0) != (y->off < 0))
		return (x->off < 0) ? 1 : -1;
	if (x->off >= 0)
	{
		int			c = memcmp(buf + x->off, buf + y->off, Min(x->len, y->len));

		if (c != 0)
			return c;
		if (x->len != y->len)
			return (x->len < y->len) ? -1 : 1;
	}
	if (x->mask != y->mask)
		return (x->mask < y->mask) ? -1 : 1;
	return 0;
}

/*
 * The rows sorted on (timestamp, value, mask), as a palloc'd copy: the
 * rows themselves stay as they are, so final functions are read-only.
 */
EventRow *
event_rows_sorted(const EventRows *r)
{
	EventRow   *rows = palloc(sizeof(EventRow) * Max(r->nrows, 1));

	memcpy(rows, r->rows, sizeof(EventRow) * r->nrows);
	CHECK_FOR_INTERRUPTS();
	qsort_arg(rows, r->nrows, sizeof(EventRow), event_row_cmp, r->buf);
	return rows;
}

/*
 * Send the rows: their count (int4), then per row the timestamp (int8), the
 * mask (int8) and the value's length (int4, -1: NULL) and bytes.
 */
void
event_rows_send(const EventRows *r, StringInfo buf)
{
	int			i;

	pq_sendint32(buf, r->nrows);
	for (i = 0; i < r->nrows; i++)
	{
		const EventRow *row = &r->rows[i];

		pq_sendint64(buf, row->ts);
		pq_sendint64(buf, (int64) row->mask);
		pq_sendint32(buf, row->off < 0 ? -1 : row->len);
		if (row->off >= 0)
			pq_sendbytes(buf, r->buf + row->off, row->len);
	}
}

static pg_noinline void
event_rows_bad(const char *what, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid %s state", what),
			 errdetail("%s", detail)));
}

/*
 * Read rows sent by event_rows_send into r, checking every length against
 * the buffer and every mask against nmaskbits; what names the aggregate in
 * errors.
 */
void
event_rows_recv(EventRows *r, StringInfo buf, int nmaskbits, const char *what)
{
	int32		nrows = pq_getmsgint(buf, 4);
	int32		i;

	if (nrows < 0 || (int64) nrows * 20 > buf->len - buf->cursor)
		event_rows_bad(what, "The number of rows does not match the length of the state.");
	for (i = 0; i < nrows; i++)
	{
		int64		ts = pq_getmsgint64(buf);
		uint64		mask = (uint64) pq_getmsgint64(buf);
		int32		len = pq_getmsgint(buf, 4);

		if (nmaskbits < 64 && (mask >> nmaskbits) != 0)
			event_rows_bad(what, "A row matches a condition the state does not have.");
		if (len < -1 || len > buf->len - buf->cursor)
			event_rows_bad(what, "A value length is out of range.");
		event_rows_add(r, ts, mask, len < 0 ? NULL : pq_getmsgbytes(buf, len), Max(len, 0));
	}
}
