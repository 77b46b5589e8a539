/*-------------------------------------------------------------------------
 *
 * sumtext.c
 *	  The tokenizer of the summary types' text formats (see sumtext.h).
 *
 * Numbers are digits only: no sign, no spaces inside, no locale, so the
 * parse never depends on a setting.  Spaces are allowed before the version
 * and after the last token, as every type's input has always allowed.
 *
 * src/sumtext.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>

#include "common/int.h"
#include "lib/stringinfo.h"

#include "sumtext.h"

void
sumtext_init(SumText *t, const char *input, const char *type_name,
			 Node *escontext)
{
	t->input = input;
	t->p = input;
	t->type_name = type_name;
	t->escontext = escontext;
}

/* "invalid input syntax for type T: "input"", with a formatted detail */
bool
sumtext_syntax_error(SumText *t, const char *detail,...)
{
	StringInfoData buf;
	va_list		args;

	initStringInfo(&buf);
	for (;;)
	{
		int			needed;

		va_start(args, detail);
		needed = appendStringInfoVA(&buf, detail, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&buf, needed);
	}
	ereturn(t->escontext, false,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"",
					t->type_name, t->input),
			 errdetail_internal("%s", buf.data)));
}

/* leading spaces, then "v" and the format version */
bool
sumtext_version(SumText *t, int *version)
{
	int64		v;

	while (isspace((unsigned char) *t->p))
		t->p++;
	if (*t->p != 'v' || !isdigit((unsigned char) t->p[1]))
		return sumtext_syntax_error(t, "A %s value starts with its format version, such as \"v1\".",
									t->type_name);
	t->p++;
	if (!sumtext_int64(t, &v))
		return false;
	*version = (int) Min(v, (int64) INT_MAX);
	return true;
}

/* the literal token, or a syntax error naming it */
bool
sumtext_expect(SumText *t, const char *token)
{
	if (sumtext_accept(t, token))
		return true;
	return sumtext_syntax_error(t, "Expected \"%s\" at \"%s\".", token, t->p);
}

/* true (and past it) when the literal token comes next */
bool
sumtext_accept(SumText *t, const char *token)
{
	size_t		len = strlen(token);

	if (strncmp(t->p, token, len) != 0)
		return false;
	t->p += len;
	return true;
}

/* a non-negative integer of at most 2^63 - 1 */
bool
sumtext_int64(SumText *t, int64 *value)
{
	const char *s = t->p;
	int64		v = 0;

	if (!isdigit((unsigned char) *s))
		return sumtext_syntax_error(t, "Expected a non-negative integer at \"%s\".", s);
	while (isdigit((unsigned char) *s))
	{
		if (pg_mul_s64_overflow(v, 10, &v) ||
			pg_add_s64_overflow(v, *s - '0', &v))
			ereturn(t->escontext, false,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range for type %s: \"%s\"",
							t->type_name, t->input),
					 errdetail("Numbers in a %s value are at most 2^63-1.",
							   t->type_name)));
		s++;
	}
	t->p = s;
	*value = v;
	return true;
}

/* a comma-separated list of 1 to max integers into values[], its length in *n */
bool
sumtext_int64_list(SumText *t, int64 *values, int max, int *n)
{
	*n = 0;
	for (;;)
	{
		if (*n >= max)
			return sumtext_syntax_error(t, "A list holds at most %d numbers.", max);
		if (!sumtext_int64(t, &values[(*n)++]))
			return false;
		if (!sumtext_accept(t, ","))
			return true;
	}
}

/* trailing spaces, then the end of the text */
bool
sumtext_end(SumText *t)
{
	while (isspace((unsigned char) *t->p))
		t->p++;
	if (*t->p != '\0')
		return sumtext_syntax_error(t, "Unexpected \"%s\" at the end.", t->p);
	return true;
}

/* true when a digit comes next (an optional number or list follows) */
bool
sumtext_at_digit(const SumText *t)
{
	return isdigit((unsigned char) *t->p) != 0;
}
