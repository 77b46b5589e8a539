/*
 * cjkpi_fuzz.c: SQL-level fuzz driver for cjkpi, against a live server.
 *
 * For every parser of the extension (the text input and binary receive of
 * each summary type, window_funnel_deserialfn, and the argument parsers:
 * funnel modes and max_gap options, windows, method names, confidence
 * levels and other floats, scales), it generates mutated inputs from the
 * seed corpus in test/fuzz/corpus and sends each one to the server as a
 * query parameter of a prepared statement: text parameters reach the type's
 * input function, binary parameters (format 1) its receive function, which
 * is exactly how a client's binary COPY or driver reaches them.
 *
 * Outcome checked per input:
 *  - an error must carry one of the SQLSTATEs listed for the parser;
 *  - the backend must survive (a lost connection or 57P0x is a crash; the
 *    input is saved and the driver reconnects);
 *  - no hang: statement_timeout is set, and 57014 counts as a failure;
 *  - an accepted value must round-trip: text -> value -> text gives the same
 *    text again, and its binary form receives back to identical bytes; an
 *    accepted binary input must come back byte for byte.
 *
 * Usage: cjkpi_fuzz [-n inputs-per-parser] [-s seed] [-t parser,...]
 *                   [-f failures-file] corpus-dir
 * Connection from the usual PG* environment variables.  Exit status 0 when
 * every input had an allowed outcome, 1 otherwise.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#define MAX_INPUT	4096
#define MAX_SEEDS	64
#define MAX_STATES	32

typedef enum
{
	K_TEXT,						/* text input of a type, then round trips */
	K_RECV,						/* binary receive of a type, then round trips */
	K_DESERIAL,					/* window_funnel_deserialfn through the helper */
	K_ARG						/* an argument parser inside a query */
} Kind;

typedef enum
{
	C_NONE,
	C_LEVEL,					/* one integer 0..3 */
	C_FINITE					/* every column non-null and finite */
} Check;

typedef struct
{
	const char *name;
	Kind		kind;
	const char *corpus;			/* file in the corpus directory */
	const char *type;			/* K_TEXT / K_RECV: the type */
	const char *sql;			/* K_ARG: the query, $1 is the input */
	const char *allowed;		/* SQLSTATEs an input may raise */
	Check		check;
} Target;

/*
 * The SQLSTATEs each parser documents (README "Reliability").  22021 is the
 * server rejecting a parameter that is not valid UTF-8 before any cjkpi code
 * sees it.
 */
#define FUNNEL_ROWS \
	" FROM (VALUES (timestamptz '2024-01-01 00:00', true, false, false)," \
	" (timestamptz '2024-01-01 00:10', false, true, false)," \
	" (timestamptz '2024-01-01 00:20', false, false, true)) v(t, c1, c2, c3)"

static const Target targets[] = {
	{"text:nps_summary", K_TEXT, "nps_summary.txt", "nps_summary", NULL, "22P02 22003 22021", C_NONE},
	{"text:csat_summary", K_TEXT, "csat_summary.txt", "csat_summary", NULL, "22P02 22003 22021", C_NONE},
	{"text:ces_summary", K_TEXT, "ces_summary.txt", "ces_summary", NULL, "22P02 22003 22021", C_NONE},
	{"text:funnel_summary", K_TEXT, "funnel_summary.txt", "funnel_summary", NULL, "22P02 22003 22021", C_NONE},
	{"text:retention_summary", K_TEXT, "retention_summary.txt", "retention_summary", NULL, "22P02 22003 22021", C_NONE},
	{"text:ttc_summary", K_TEXT, "ttc_summary.txt", "ttc_summary", NULL, "22P02 22003 22021", C_NONE},
	{"recv:nps_summary", K_RECV, "nps_summary.txt", "nps_summary", NULL, "22P03 08P01 22003", C_NONE},
	{"recv:csat_summary", K_RECV, "csat_summary.txt", "csat_summary", NULL, "22P03 08P01 22003", C_NONE},
	{"recv:ces_summary", K_RECV, "ces_summary.txt", "ces_summary", NULL, "22P03 08P01 22003", C_NONE},
	{"recv:funnel_summary", K_RECV, "funnel_summary.txt", "funnel_summary", NULL, "22P03 08P01 22003", C_NONE},
	{"recv:retention_summary", K_RECV, "retention_summary.txt", "retention_summary", NULL, "22P03 08P01 22003", C_NONE},
	{"recv:ttc_summary", K_RECV, "ttc_summary.txt", "ttc_summary", NULL, "22P03 08P01 22003", C_NONE},
	{"deserialize:window_funnel", K_DESERIAL, NULL, NULL, NULL, "22P03 08P01 22023 22008", C_NONE},
	{"arg:funnel_mode", K_ARG, "mode.txt", NULL,
		"SELECT window_funnel('1 hour', $1::text, t, c1, c2, c3)" FUNNEL_ROWS,
	"22023 22008 22021", C_LEVEL},
	{"arg:funnel_window", K_ARG, "window.txt", NULL,
		"SELECT window_funnel($1::interval, t, c1, c2, c3)" FUNNEL_ROWS,
	"22023 22007 22008 22015 22021", C_LEVEL},
	{"arg:method", K_ARG, "method.txt", NULL,
		"SELECT ci_lower(nps_from_counts(50, 30, 20), 0.95, $1::text),"
		" moe(nps_from_counts(50, 30, 20), 0.9, $1::text),"
		" (significance(nps_from_counts(50, 30, 20), nps_from_counts(40, 30, 30), $1::text)).p_value,"
		" (significance(nps_from_counts(50, 30, 20), 10.0::float8, $1::text)).p_value",
	"22023 22021", C_FINITE},
	{"arg:p_adjust_method", K_ARG, "method.txt", NULL,
		"SELECT p_adjust(p, $1::text) OVER () FROM (VALUES (0.01::float8), (0.04), (0.03)) v(p)",
	"22023 22021", C_FINITE},
	{"arg:confidence", K_ARG, "float.txt", NULL,
		"SELECT ci_lower(nps_from_counts(50, 30, 20), $1::float8), ci_upper(csat_from_counts(30, 50), $1::float8),"
		" ci_lower(ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]), $1::float8),"
		" agree_ci_upper(ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]), $1::float8),"
		" (conversion_interval('v1;entities=32;reached=32,6'::funnel_summary, 2, $1::float8)).lower,"
		" nps_sample_size(5, 50, 30, $1::float8)",
	"22023 22P02 22003 22021", C_FINITE},
	{"arg:quantile", K_ARG, "float.txt", NULL,
		"SELECT time_to_convert('v1;steps=3;s2=461:1,496:1;s3=576:1'::ttc_summary, 2, $1::float8)",
	"22023 22P02 22003 22021", C_FINITE},
	{"arg:benchmark", K_ARG, "float.txt", NULL,
		"SELECT (significance(nps_from_counts(50, 30, 20), $1::float8)).difference,"
		" (significance(csat_from_counts(30, 50), $1::float8)).difference,"
		" (significance(ces_from_counts(ARRAY[1, 2, 3, 4, 5, 6, 7]), $1::float8)).difference",
	"22023 22P02 22003 22021", C_FINITE},
	{"arg:scale", K_ARG, "scale.txt", NULL,
		"SELECT csat_agg(s, $1::int)::text, ces_agg(s, $1::int)::text, csat_from_counts(1, 3, $1::int)::text"
		" FROM (VALUES (1), (2), (3)) v(s)",
	"22023 22003 22P02 22021", C_NONE},
};
#define NTARGETS ((int) (sizeof(targets) / sizeof(targets[0])))

typedef struct
{
	unsigned char *data;
	int			len;
} Buf;

static uint64_t rng_state;
static PGconn *conn;
static FILE *failures;
static int	nfail_logged;

static uint64_t
rnd(void)
{
	uint64_t	z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static int
rndn(int n)
{
	return n <= 0 ? 0 : (int) (rnd() % (uint64_t) n);
}

static void
die(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void
hexdump(FILE *f, const unsigned char *p, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		fprintf(f, "%02x", p[i]);
}

/* ---------- connection ---------- */

static void
connect_db(void)
{
	int			tries;

	for (tries = 0; tries < 120; tries++)
	{
		conn = PQconnectdb("");
		if (PQstatus(conn) == CONNECTION_OK)
			break;
		PQfinish(conn);
		conn = NULL;
		usleep(250000);
	}
	if (conn == NULL)
		die("cannot connect to the server");
	PQclear(PQexec(conn, "SET statement_timeout = '5s'"));
	PQclear(PQexec(conn, "SET client_min_messages = error"));
}

static unsigned int
type_oid(const char *type)
{
	char		q[256];
	PGresult   *r;
	unsigned int oid;

	snprintf(q, sizeof(q), "SELECT '%s'::regtype::oid", type);
	r = PQexec(conn, q);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		die("type %s: %s", type, PQerrorMessage(conn));
	oid = (unsigned int) strtoul(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return oid;
}

static void
prepare(const char *name, const char *sql, unsigned int oid)
{
	PGresult   *r = PQprepare(conn, name, sql, 1, oid ? &oid : NULL);

	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		die("prepare %s: %s", name, PQerrorMessage(conn));
	PQclear(r);
}

/* Prepare the statement of a target (again, after a reconnect). */
static void
prepare_target(const Target *t)
{
	char		sql[256];

	PQclear(PQexec(conn, "DEALLOCATE ALL"));
	switch (t->kind)
	{
		case K_TEXT:
		case K_RECV:
			snprintf(sql, sizeof(sql), "SELECT $1::%s", t->type);
			prepare("q", sql, type_oid(t->type));
			break;
		case K_DESERIAL:
			prepare("q", "SELECT cjkpi_fuzz_deserialize($1,"
					" 'window_funnel_deserialfn(bytea,internal)'::regprocedure,"
					" 'window_funnel_serialfn(internal)'::regprocedure,"
					" 'window_funnel_finalfn(internal)'::regprocedure,"
					" 'window_funnel_times_finalfn(internal)'::regprocedure)", 17);
			break;
		case K_ARG:
			prepare("q", t->sql, 0);
			break;
	}
}

/* ---------- running one statement ---------- */

typedef enum
{
	OUT_OK,
	OUT_ERROR,
	OUT_CRASH
} Outcome;

typedef struct
{
	Outcome		outcome;
	char		sqlstate[6];
	char		message[256];
	Buf			value;			/* first column of the first row */
	PGresult   *res;
} Result;

static void
result_free(Result *r)
{
	if (r->res)
		PQclear(r->res);
	r->res = NULL;
}

static Result
run(const unsigned char *in, int len, int informat, int outformat)
{
	Result		r;
	const char *vals[1];
	int			lens[1];
	int			fmts[1];
	char		textbuf[MAX_INPUT * 2 + 1];

	memset(&r, 0, sizeof(r));
	if (informat == 0)
	{
		memcpy(textbuf, in, len);
		textbuf[len] = '\0';
		vals[0] = textbuf;
	}
	else
		vals[0] = (const char *) in;
	lens[0] = len;
	fmts[0] = informat;
	r.res = PQexecPrepared(conn, "q", 1, vals, lens, fmts, outformat);
	if (r.res == NULL || PQstatus(conn) != CONNECTION_OK)
	{
		r.outcome = OUT_CRASH;
		return r;
	}
	if (PQresultStatus(r.res) == PGRES_TUPLES_OK)
	{
		r.outcome = OUT_OK;
		if (PQntuples(r.res) > 0 && !PQgetisnull(r.res, 0, 0))
		{
			r.value.data = (unsigned char *) PQgetvalue(r.res, 0, 0);
			r.value.len = PQgetlength(r.res, 0, 0);
		}
		return r;
	}
	r.outcome = OUT_ERROR;
	snprintf(r.sqlstate, sizeof(r.sqlstate), "%s",
			 PQresultErrorField(r.res, PG_DIAG_SQLSTATE) ? PQresultErrorField(r.res, PG_DIAG_SQLSTATE) : "?????");
	snprintf(r.message, sizeof(r.message), "%s",
			 PQresultErrorField(r.res, PG_DIAG_MESSAGE_PRIMARY) ? PQresultErrorField(r.res, PG_DIAG_MESSAGE_PRIMARY) : "");
	/* the server shutting down or restarting after a crash */
	if (strncmp(r.sqlstate, "57P0", 4) == 0 || strcmp(r.sqlstate, "08006") == 0)
		r.outcome = OUT_CRASH;
	return r;
}

/* ---------- corpus and mutations ---------- */

static int
load_corpus(const char *dir, const char *file, Buf *seeds)
{
	char		path[1024];
	char		line[MAX_INPUT];
	FILE	   *f;
	int			n = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((f = fopen(path, "r")) == NULL)
		die("cannot open %s: %s", path, strerror(errno));
	while (n < MAX_SEEDS && fgets(line, sizeof(line), f))
	{
		int			len = strlen(line);

		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		seeds[n].data = (unsigned char *) strdup(line);
		seeds[n].len = len;
		n++;
	}
	fclose(f);
	return n;
}

static const char *const interesting_text[] = {
	"0", "1", "-1", "2", "9", "10", "11", "31", "32", "33", "1000", "1001",
	"2147483647", "2147483648", "-2147483648", "4294967296",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"18446744073709551616", "99999999999999999999999", "1e308", "1e309",
	"-1e-320", "NaN", "Infinity", "-Infinity", "-0", "0x10", "+5", " ",
	"00000000000000000000001", "4611686018427387904", "1000000000", "1e9",
	"178000000 years", "-1 day", "1 mon", "P-1D", "v2", ";", ",", "..",
	"max_gap=", "max_gap_2=", "max_gap_33=", "strict_order", "allow_reentry",
	"\xc3\x28", "\xe2\x82\xac", "'", "\\", "{", "}", "=", ":",
};
#define NINTERESTING ((int) (sizeof(interesting_text) / sizeof(interesting_text[0])))

static void
buf_insert(unsigned char *d, int *len, int pos, const unsigned char *s, int n)
{
	if (*len + n > MAX_INPUT - 1)
		n = MAX_INPUT - 1 - *len;
	if (n <= 0)
		return;
	memmove(d + pos + n, d + pos, *len - pos);
	memcpy(d + pos, s, n);
	*len += n;
}

static void
buf_delete(unsigned char *d, int *len, int pos, int n)
{
	if (pos + n > *len)
		n = *len - pos;
	memmove(d + pos, d + pos + n, *len - pos - n);
	*len -= n;
}

/* Mutate a text input: characters, number tokens, splices. */
static int
mutate_text(const Buf *seeds, int nseeds, const char *alphabet, unsigned char *out)
{
	const Buf  *s = &seeds[rndn(nseeds)];
	int			len = s->len;
	int			rounds = 1 + rndn(4);
	int			alen = strlen(alphabet);

	memcpy(out, s->data, len);
	while (rounds-- > 0)
	{
		int			pos = rndn(len + 1);
		unsigned char c;

		switch (rndn(10))
		{
			case 0:
				if (len > 0)
					out[rndn(len)] = alphabet[rndn(alen)];
				break;
			case 1:
				c = alphabet[rndn(alen)];
				buf_insert(out, &len, pos, &c, 1);
				break;
			case 2:
				if (len > 0)
					buf_delete(out, &len, rndn(len), 1);
				break;
			case 3:
			case 4:
				{
					/* replace a run of digits (or insert) with an interesting token */
					const char *tok = interesting_text[rndn(NINTERESTING)];
					int			end = pos;

					while (pos > 0 && out[pos - 1] >= '0' && out[pos - 1] <= '9')
						pos--;
					while (end < len && out[end] >= '0' && out[end] <= '9')
						end++;
					buf_delete(out, &len, pos, end - pos);
					buf_insert(out, &len, pos, (const unsigned char *) tok, strlen(tok));
					break;
				}
			case 5:
				if (len > 0)
				{
					int			from = rndn(len);
					int			n = 1 + rndn(16);
					unsigned char tmp[16];

					if (from + n > len)
						n = len - from;
					memcpy(tmp, out + from, n);
					buf_insert(out, &len, pos, tmp, n);
				}
				break;
			case 6:
				if (len > 0)
					buf_delete(out, &len, rndn(len), 1 + rndn(8));
				break;
			case 7:
				{
					/* splice: this prefix, another seed's suffix */
					const Buf  *o = &seeds[rndn(nseeds)];
					int			from = rndn(o->len + 1);

					len = pos;
					buf_insert(out, &len, len, o->data + from, o->len - from);
					break;
				}
			case 8:
				c = 1 + rndn(255);
				buf_insert(out, &len, pos, &c, 1);
				break;
			default:
				if (rndn(4) == 0)
					len = pos;
				else
				{
					/* repeat the input's tail: long lists, many fields */
					int			times = 1 + rndn(40);

					while (times-- > 0 && len < MAX_INPUT / 2)
						buf_insert(out, &len, len, out + pos, len - pos);
				}
				break;
		}
	}
	return len;
}

static const int64_t interesting_int[] = {
	0, 1, -1, 2, 3, 5, 7, 10, 11, 31, 32, 33, 127, 128, 255, 256, 1000, 1001,
	INT32_MAX, INT32_MIN, (int64_t) INT32_MAX + 1, INT64_MAX, INT64_MIN,
	INT64_MAX - 1, 1000000000, 4096, 65536,
};
#define NINTINT ((int) (sizeof(interesting_int) / sizeof(interesting_int[0])))

static void
put_be(unsigned char *p, int64_t v, int n)
{
	int			i;

	for (i = n - 1; i >= 0; i--)
	{
		p[i] = (unsigned char) (v & 0xff);
		v >>= 8;
	}
}

/* Mutate a binary input: bits, bytes, big-endian integer fields, lengths. */
static int
mutate_binary(const Buf *seeds, int nseeds, unsigned char *out)
{
	const Buf  *s = &seeds[rndn(nseeds)];
	int			len = s->len;
	int			rounds = 1 + rndn(3);

	memcpy(out, s->data, len);
	while (rounds-- > 0)
	{
		int			pos = rndn(len + 1);
		unsigned char tmp[32];
		int			n;

		switch (rndn(11))
		{
			case 0:
				if (len > 0)
					out[rndn(len)] ^= 1 << rndn(8);
				break;
			case 1:
				if (len > 0)
					out[rndn(len)] = rndn(256);
				break;
			case 2:
				{
					static const unsigned char b[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x20, 0x21};

					if (len > 0)
						out[rndn(len)] = b[rndn(sizeof(b))];
					break;
				}
			case 3:
			case 4:
				if (len >= 4)
					put_be(out + rndn(len - 3), interesting_int[rndn(NINTINT)], 4);
				break;
			case 5:
			case 6:
				if (len >= 8)
					put_be(out + rndn(len - 7), interesting_int[rndn(NINTINT)], 8);
				break;
			case 7:
				len = pos;
				break;
			case 8:
				n = 1 + rndn(16);
				for (int i = 0; i < n; i++)
					tmp[i] = rndn(256);
				buf_insert(out, &len, pos, tmp, n);
				break;
			case 9:
				if (len > 0)
				{
					int			from = rndn(len);

					n = 1 + rndn(16);
					if (from + n > len)
						n = len - from;
					memcpy(tmp, out + from, n);
					if (rndn(2))
						buf_insert(out, &len, pos, tmp, n);
					else
						buf_delete(out, &len, from, n);
				}
				break;
			default:
				{
					const Buf  *o = &seeds[rndn(nseeds)];
					int			from = rndn(o->len + 1);

					len = pos;
					buf_insert(out, &len, len, o->data + from, o->len - from);
					break;
				}
		}
	}
	return len;
}

/* Serialized window_funnel states, in the format of window_funnel_serialfn. */
static int
make_state(unsigned char *p, int64_t window, uint32_t mode, int nconds,
		   const char *mode_text, int nevents, const int64_t *ts, const uint32_t *mask)
{
	int			n = 0;
	int			i;

	p[n++] = 1;
	put_be(p + n, window, 8), n += 8;
	put_be(p + n, mode, 4), n += 4;
	put_be(p + n, nconds, 4), n += 4;
	if (mode_text)
	{
		put_be(p + n, strlen(mode_text), 4), n += 4;
		memcpy(p + n, mode_text, strlen(mode_text)), n += strlen(mode_text);
	}
	else
		put_be(p + n, -1, 4), n += 4;
	put_be(p + n, nevents, 4), n += 4;
	for (i = 0; i < nevents; i++)
	{
		put_be(p + n, ts[i], 8), n += 8;
		put_be(p + n, mask[i], 4), n += 4;
	}
	return n;
}

static int
state_seeds(Buf *seeds)
{
	static unsigned char space[MAX_STATES][1024];
	const int64_t s = 1000000;
	const int64_t t0 = 757382400LL * s; /* 2024-01-01 in PostgreSQL's epoch */
	int64_t		ts[8] = {t0, t0 + 600 * s, t0 + 1200 * s, t0 + 1200 * s, t0 + 1800 * s + 1,
	t0 - 5 * s, INT64_MAX, INT64_MIN};
	uint32_t	m3[8] = {1, 2, 4, 0, 6, 1, 4, 1};
	uint32_t	m32[8] = {1, 2, 0x80000000u, 0xffffffffu, 4, 1, 2, 3};
	int			n = 0;

#define SEED(...) (seeds[n].data = space[n], seeds[n].len = make_state(space[n], __VA_ARGS__), n++)
	SEED(3600 * s, 0, 3, NULL, 5, ts, m3);
	SEED(3600 * s, 0x1, 3, "strict_order", 6, ts, m3);
	SEED(3600 * s, 0x80, 3, "max_gap=10 minutes", 5, ts, m3);
	SEED(3600 * s, 0x80 | 0x40, 3, "exclude, max_gap_2=1 minute", 5, ts, m3);
	SEED(86400 * s, 0x8 | 0x2, 3, "strict_once,strict_deduplication", 8, ts, m3);
	SEED(3600 * s, 0x11, 3, "strict_order,allow_reentry", 5, ts, m3);
	SEED(3600 * s, 0x24, 3, "anchor,strict_increase", 5, ts, m3);
	SEED(3600 * s, 0, 32, NULL, 8, ts, m32);
	SEED(1, 0, 1, "", 0, ts, m3);
#undef SEED
	return n;
}

/* ---------- checks ---------- */

static bool
allowed(const Target *t, const char *sqlstate)
{
	const char *p = strstr(t->allowed, sqlstate);

	return p != NULL && strlen(sqlstate) == 5;
}

static void
log_failure(const Target *t, const char *what, const unsigned char *in, int len, const Result *r)
{
	if (nfail_logged++ > 200)
		return;
	fprintf(failures, "%s: %s", t->name, what);
	if (r && r->outcome == OUT_ERROR)
		fprintf(failures, " [%s %s]", r->sqlstate, r->message);
	fprintf(failures, "\n  input (hex): ");
	hexdump(failures, in, len);
	if (t->kind != K_RECV && t->kind != K_DESERIAL)
		fprintf(failures, "\n  input: %.*s", len, in);
	fprintf(failures, "\n");
	fflush(failures);
}

static bool
same(const Buf *a, const Buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

static Buf
copy_buf(const Buf *b)
{
	Buf			c;

	c.len = b->len;
	c.data = malloc(b->len + 1);
	memcpy(c.data, b->data, b->len);
	c.data[b->len] = '\0';
	return c;
}

/*
 * Round trips of an accepted value, given its text form: text reads back to
 * itself, its binary form receives to identical bytes which print as the
 * same text.  Returns NULL when all hold, else what failed.
 */
static const char *
round_trips(const Buf *text, Buf *binary_out)
{
	Result		r;
	Buf			bin;
	const char *bad = NULL;

	r = run(text->data, text->len, 0, 0);
	if (r.outcome != OUT_OK || !same(&r.value, text))
		bad = "its text output does not read back to the same text";
	result_free(&r);
	if (bad)
		return bad;
	r = run(text->data, text->len, 0, 1);
	if (r.outcome != OUT_OK)
		bad = "no binary form";
	bin = copy_buf(&r.value);
	result_free(&r);
	if (bad == NULL)
	{
		r = run(bin.data, bin.len, 1, 1);
		if (r.outcome != OUT_OK || !same(&r.value, &bin))
			bad = "its binary form does not receive to the same bytes";
		result_free(&r);
	}
	if (bad == NULL)
	{
		r = run(bin.data, bin.len, 1, 0);
		if (r.outcome != OUT_OK || !same(&r.value, text))
			bad = "its binary form does not print as the same text";
		result_free(&r);
	}
	if (binary_out)
		*binary_out = bin;
	else
		free(bin.data);
	return bad;
}

static const char *
check_result(const Target *t, const Result *r)
{
	int			i,
				j;

	if (t->check == C_LEVEL)
	{
		int			v = r->value.data ? atoi((const char *) r->value.data) : -1;

		if (PQntuples(r->res) != 1 || v < 0 || v > 3)
			return "window_funnel returned a level outside 0..3";
	}
	if (t->check == C_FINITE)
		for (i = 0; i < PQntuples(r->res); i++)
			for (j = 0; j < PQnfields(r->res); j++)
			{
				const char *v = PQgetvalue(r->res, i, j);

				if (PQgetisnull(r->res, i, j) || strstr(v, "NaN") || strstr(v, "Infinity"))
					return "a result is NULL, NaN or infinite";
			}
	return NULL;
}

/* ---------- the loop ---------- */

typedef struct
{
	long		inputs,
				accepted,
				rejected,
				failed,
				crashes,
				hangs;
	char		states[16][6];
	long		state_count[16];
	int			nstates;
} Tally;

static void
tally_state(Tally *tl, const char *s)
{
	int			i;

	for (i = 0; i < tl->nstates; i++)
		if (strcmp(tl->states[i], s) == 0)
			break;
	if (i == tl->nstates && tl->nstates < 16)
		strcpy(tl->states[tl->nstates++], s);
	if (i < 16)
		tl->state_count[i]++;
}

static const char *
alphabet_for(const Target *t)
{
	if (t->kind == K_ARG && strstr(t->corpus, "float"))
		return "0123456789.eE+-nNaIifty ";
	if (t->kind == K_ARG && strstr(t->corpus, "scale"))
		return "0123456789+- ";
	if (t->kind == K_ARG)
		return "abcdefghijklmnopqrstuvwxyz_=, -:0123456789.PTHMSD";
	return "0123456789{},.;:=-v npscatecsx" "entitieslgbrhdo_" "\t";
}

static int
fuzz_target(const Target *t, const char *corpus_dir, long n, Tally *tl)
{
	Buf			seeds[MAX_SEEDS];
	int			nseeds;
	unsigned char in[MAX_INPUT];
	long		i;

	memset(tl, 0, sizeof(*tl));
	prepare_target(t);
	if (t->kind == K_DESERIAL)
		nseeds = state_seeds(seeds);
	else
		nseeds = load_corpus(corpus_dir, t->corpus, seeds);

	/* binary seeds: the send output of each text seed */
	if (t->kind == K_RECV)
		for (i = 0; i < nseeds; i++)
		{
			Result		r = run(seeds[i].data, seeds[i].len, 0, 1);

			if (r.outcome != OUT_OK)
				die("%s: seed %ld is not valid: %s", t->name, i, r.message);
			seeds[i] = copy_buf(&r.value);
			result_free(&r);
		}

	for (i = 0; i < n; i++)
	{
		int			len;
		Result		r;
		const char *bad = NULL;

		/* every seed once as it is, then mutations */
		if (i < nseeds)
			memcpy(in, seeds[i].data, len = seeds[i].len);
		else if (t->kind == K_RECV || t->kind == K_DESERIAL)
			len = mutate_binary(seeds, nseeds, in);
		else
			len = mutate_text(seeds, nseeds, alphabet_for(t), in);
		/* a text parameter cannot hold a zero byte */
		if (t->kind == K_TEXT || t->kind == K_ARG)
			for (int k = 0; k < len; k++)
				if (in[k] == 0)
					in[k] = ' ';

		tl->inputs++;
		r = run(in, len, (t->kind == K_RECV || t->kind == K_DESERIAL) ? 1 : 0,
				t->kind == K_RECV ? 1 : 0);
		if (r.outcome == OUT_CRASH)
		{
			tl->crashes++;
			tl->failed++;
			log_failure(t, "CRASH: the connection was lost", in, len, &r);
			result_free(&r);
			PQfinish(conn);
			sleep(1);
			connect_db();
			prepare_target(t);
			continue;
		}
		if (r.outcome == OUT_ERROR)
		{
			tl->rejected++;
			tally_state(tl, r.sqlstate);
			if (strcmp(r.sqlstate, "57014") == 0)
			{
				tl->hangs++;
				tl->failed++;
				log_failure(t, "HANG: statement_timeout", in, len, &r);
			}
			else if (!allowed(t, r.sqlstate))
			{
				tl->failed++;
				log_failure(t, "unexpected SQLSTATE", in, len, &r);
			}
			result_free(&r);
			continue;
		}
		tl->accepted++;
		if (t->kind == K_TEXT)
		{
			Buf			out = copy_buf(&r.value);

			result_free(&r);
			bad = round_trips(&out, NULL);
			free(out.data);
		}
		else if (t->kind == K_RECV)
		{
			Buf			bin = copy_buf(&r.value);

			result_free(&r);
			if (bin.len != len || memcmp(bin.data, in, len) != 0)
				bad = "an accepted binary value does not send back the same bytes";
			else
			{
				Result		rt = run(in, len, 1, 0);
				Buf			text = copy_buf(&rt.value);

				result_free(&rt);
				bad = round_trips(&text, NULL);
				free(text.data);
			}
			free(bin.data);
		}
		else if (t->kind == K_DESERIAL)
		{
			/* "level {times} \x<serialized again>" */
			const char *v = r.value.data ? (const char *) r.value.data : "";
			const char *hex = strstr(v, "\\x");
			int			k;

			unsigned char back[MAX_INPUT];
			int			blen = hex ? (int) strlen(hex + 2) / 2 : -1;

			for (k = 0; k < blen && k < MAX_INPUT; k++)
			{
				unsigned int byte;

				sscanf(hex + 2 + 2 * k, "%2x", &byte);
				back[k] = byte;
			}
			if (blen != len || memcmp(back, in, len) != 0)
				bad = "a deserialized state does not serialize to the same bytes";
			result_free(&r);
		}
		else
		{
			bad = check_result(t, &r);
			result_free(&r);
		}
		if (bad)
		{
			tl->failed++;
			log_failure(t, bad, in, len, NULL);
		}
	}
	return tl->failed == 0;
}

int
main(int argc, char **argv)
{
	long		n = 1000;
	uint64_t	seed = 1;
	const char *only = NULL;
	const char *failfile = "fuzz-failures.txt";
	int			opt;
	int			ok = 1;
	int			i;
	long		total = 0;

	while ((opt = getopt(argc, argv, "n:s:t:f:")) != -1)
	{
		switch (opt)
		{
			case 'n':
				n = atol(optarg);
				break;
			case 's':
				seed = strtoull(optarg, NULL, 10);
				break;
			case 't':
				only = optarg;
				break;
			case 'f':
				failfile = optarg;
				break;
			default:
				die("usage: cjkpi_fuzz [-n N] [-s seed] [-t parser,...] [-f failures] corpus-dir");
		}
	}
	if (optind >= argc)
		die("usage: cjkpi_fuzz [-n N] [-s seed] [-t parser,...] [-f failures] corpus-dir");
	if ((failures = fopen(failfile, "w")) == NULL)
		die("cannot write %s", failfile);
	connect_db();

	printf("%-26s %9s %9s %9s %6s %6s %5s %7s  %s\n", "parser", "inputs", "accepted",
		   "rejected", "failed", "crash", "hang", "seconds", "SQLSTATEs of rejected inputs");
	for (i = 0; i < NTARGETS; i++)
	{
		const Target *t = &targets[i];
		Tally		tl;
		struct timespec a,
					b;
		char		states[256] = "";

		if (only && strstr(only, t->name) == NULL)
			continue;
		rng_state = seed * 1000003 + i;
		clock_gettime(CLOCK_MONOTONIC, &a);
		ok &= fuzz_target(t, argv[optind], n, &tl);
		clock_gettime(CLOCK_MONOTONIC, &b);
		for (int k = 0; k < tl.nstates; k++)
			snprintf(states + strlen(states), sizeof(states) - strlen(states), "%s%s:%ld",
					 k ? " " : "", tl.states[k], tl.state_count[k]);
		printf("%-26s %9ld %9ld %9ld %6ld %6ld %5ld %7.1f  %s\n", t->name, tl.inputs,
			   tl.accepted, tl.rejected, tl.failed, tl.crashes, tl.hangs,
			   (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9, states);
		fflush(stdout);
		total += tl.inputs;
		/* the backend is still up */
		{
			PGresult   *r = PQexec(conn, "SELECT 1");

			if (PQresultStatus(r) != PGRES_TUPLES_OK)
			{
				printf("the backend did not answer SELECT 1 after %s\n", t->name);
				ok = 0;
			}
			PQclear(r);
		}
	}
	printf("%ld inputs; %s\n", total, ok ? "every outcome allowed" : "FAILURES (see the failures file)");
	fclose(failures);
	PQfinish(conn);
	return ok ? 0 : 1;
}
