/*-------------------------------------------------------------------------
 *
 * sumtext.h
 *	  The tokenizer of the summary types' text formats.
 *
 * Every summary type's text form starts with its format version ("v1") and
 * is made of fixed tokens (";entities=") and non-negative int64 numbers,
 * alone or in comma-separated lists.  SumText reads them left to right and
 * reports every error through the input function's escontext, so bad input
 * is a soft error on PostgreSQL 16+ (pg_input_is_valid answers false) and an
 * ordinary error before.  Each function returns false after an error; the
 * caller then returns at once (the error was raised or saved).
 *
 * src/sumtext.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CJKPI_SUMTEXT_H
#define CJKPI_SUMTEXT_H

#include "compat.h"

typedef struct SumText
{
	const char *input;			/* the whole text, quoted in messages */
	const char *p;				/* the cursor */
	const char *type_name;		/* the SQL type, for messages */
	Node	   *escontext;		/* soft errors go here (16+), or NULL */
} SumText;

extern void sumtext_init(SumText *t, const char *input, const char *type_name,
						 Node *escontext);
extern bool sumtext_version(SumText *t, int *version);
extern bool sumtext_expect(SumText *t, const char *token);
extern bool sumtext_accept(SumText *t, const char *token);
extern bool sumtext_int64(SumText *t, int64 *value);
extern bool sumtext_int64_list(SumText *t, int64 *values, int max, int *n);
extern bool sumtext_end(SumText *t);
extern bool sumtext_at_digit(const SumText *t);
extern bool sumtext_syntax_error(SumText *t, const char *detail,...) pg_attribute_printf(2, 3);

#endif							/* CJKPI_SUMTEXT_H */
