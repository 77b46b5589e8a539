/*-------------------------------------------------------------------------
 *
 * sequence.h
 *	  sequence_match, sequence_count and sequence_match_events: ClickHouse's
 *	  pattern matching over an entity's events, in two units:
 *
 *	  sequence_pattern.c  the pattern language: parsing a pattern into
 *						  event atoms and the gaps between them, and
 *						  matching the sorted rows of one entity against it;
 *	  sequence.c		  fmgr glue: the aggregates' state (a funnel event
 *						  log of (timestamp, condition mask) rows), its
 *						  support functions and the final functions.
 *
 * src/sequence.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_SEQUENCE_H
#define CJKPI_SEQUENCE_H

#include "funnel_engine.h"

/* longest pattern accepted, in bytes (bounds the atoms and the work) */
#define SEQ_MAX_PATTERN		4096

/*
 * One event atom of a pattern, (?N) or ".", and the gap from the previous
 * event atom to it.  The gap is "adjacent" (the next stored event) unless a
 * ".*" or a "(?t ...)" stands between the two atoms; the time constraints of
 * the gap limit the time from the previous atom's event to this one's, in
 * microseconds: lo <= d <= hi and d not in excl[].
 */
typedef struct SeqAtom
{
	int			cond;			/* 1..32: (?N); 0: "." (any stored event) */
	bool		skip;			/* any events may lie in between */
	int64		lo;				/* smallest allowed gap */
	int64		hi;				/* largest allowed gap */
	int			nexcl;			/* "!=" constraints */
	int64	   *excl;			/* their values */
	int			pos;			/* 1-based position in the pattern text */
} SeqAtom;

typedef struct SeqPattern
{
	int			natoms;			/* >= 1 */
	SeqAtom    *atoms;
	int			maxcond;		/* largest N of a (?N) */
} SeqPattern;

/* the result of matching one entity's rows */
typedef struct SeqResult
{
	bool		matched;		/* the whole pattern matched */
	int64		count;			/* non-overlapping matches (count mode) */
	int			nevents;		/* events of the match, or of the longest prefix */
	int64	   *times;			/* their timestamps, (?N) atoms only */
} SeqResult;

extern SeqPattern *seq_parse_pattern(const char *text, int len, int nconds);
extern void seq_match(const SeqPattern *pat, const FunnelEvent *ev, int n,
					  bool count_all, bool want_events, SeqResult *res);

#endif							/* CJKPI_SEQUENCE_H */
