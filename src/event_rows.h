/*-------------------------------------------------------------------------
 *
 * event_rows.h
 *	  An entity's rows with a text value each: (timestamp, condition mask,
 *	  value) rows, the values in one growing byte buffer.  The state of the
 *	  aggregates that need the value of any row (sequence_next_node,
 *	  journey_path); the funnel event log (funnel_engine.h) is the compact
 *	  form for those that need only timestamps and conditions.
 *
 * src/event_rows.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_EVENT_ROWS_H
#define CJKPI_EVENT_ROWS_H

#include "postgres.h"

#include "lib/stringinfo.h"

typedef struct EventRow
{
	int64		ts;
	uint64		mask;			/* conditions the row matched */
	int32		off;			/* value offset in the buffer, -1: NULL */
	int32		len;
} EventRow;

typedef struct EventRows
{
	int32		nrows;
	int32		maxrows;
	EventRow   *rows;
	char	   *buf;
	Size		buflen;
	Size		bufmax;
	MemoryContext cxt;			/* where rows and buf live */
} EventRows;

extern void event_rows_init(EventRows *r, MemoryContext cxt);
extern void event_rows_add(EventRows *r, int64 ts, uint64 mask,
						   const char *val, int len);
extern void event_rows_append(EventRows *dst, const EventRows *src);
extern EventRow *event_rows_sorted(const EventRows *r);
extern void event_rows_send(const EventRows *r, StringInfo buf);
extern void event_rows_recv(EventRows *r, StringInfo buf, int nmaskbits,
							const char *what);

#endif							/* CJKPI_EVENT_ROWS_H */
