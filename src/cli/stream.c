/*
 * Stream mode (--stream): JSON Lines in, JSON Lines out, one linter for
 * the whole stream. Each input line is a document
 *
 *     {"id": 17, "text": "...", "format": "text" | "markdown"}
 *
 * and gives exactly one output line, in input order and flushed at once:
 *
 *     {"id": 17, "findings": [{"line": ..., "offset": ..., ...}]}
 *     {"id": 17, "error": "\"text\" is not a string"}
 *
 * A malformed line is an error line, never the end of the stream: a worker
 * under GNU parallel --pipe, Spark's RDD.pipe or a Beam step must hand
 * back one line per line it was given, or the job loses or shifts
 * records. The id is copied byte for byte from the input (any JSON value),
 * so that 1.50 stays 1.50 and a 30-digit id stays exact for the join back.
 */
#include "cli.h"
#include "settings.h"
#include "stream_line.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Longest input line accepted. A line longer than this is an error line,
 * read and dropped without being held in memory: a stream worker's memory
 * must stay bounded whatever the archive holds. 8 MiB is twenty times the
 * longest document in the 410,000-word clean corpus (a 70 KB article) as
 * escaped JSON, so no real article comes near it. */
#define MAX_LINE ((size_t)8 << 20)

/* Bytes read from stdin at a time. */
#define CHUNK ((size_t)64 << 10)

typedef struct reader {
    int fd;
    char *buf;
    size_t cap, len, pos; /* unread bytes are buf[pos, len) */
    int eof, err;
} reader;

typedef enum { LINE_END, LINE_OK, LINE_TOO_LONG, LINE_READ_ERROR } line_status;

/* Reads more bytes behind buf[len]; sets eof or err at the end. */
static int fill(reader *r)
{
    if (r->pos) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < CHUNK) {
        size_t cap = r->cap ? r->cap * 2 : CHUNK * 2;
        char *b = realloc(r->buf, cap);
        if (!b)
            return -1;
        r->buf = b;
        r->cap = cap;
    }
    /* read(), not fread(): fread waits for a full buffer, and a line must
     * be answered as soon as it has arrived */
    ssize_t got;
    do
        got = read(r->fd, r->buf + r->len, r->cap - r->len);
    while (got < 0 && errno == EINTR);
    if (got > 0)
        r->len += (size_t)got;
    else if (got == 0)
        r->eof = 1;
    else
        r->err = errno;
    return 0;
}

/* The next line, without its newline, in line and n (valid until the next
 * call). A line over MAX_LINE is skipped to its end: LINE_TOO_LONG.
 * Out of memory is a read error (ENOMEM). */
static line_status next_line(reader *r, const char **line, size_t *n)
{
    int too_long = 0;
    for (;;) {
        /* (no memchr on the NULL buffer before the first read) */
        char *nl = r->pos < r->len ? memchr(r->buf + r->pos, '\n', r->len - r->pos)
                                   : NULL;
        if (nl || (r->eof && r->pos < r->len)) {
            size_t end = nl ? (size_t)(nl - r->buf) : r->len;
            *line = r->buf + r->pos;
            *n = end - r->pos;
            r->pos = nl ? end + 1 : end;
            if (too_long || *n > MAX_LINE)
                return LINE_TOO_LONG;
            return LINE_OK;
        }
        if (r->err)
            return LINE_READ_ERROR;
        if (r->eof)
            return too_long ? LINE_TOO_LONG : LINE_END;
        if (r->len - r->pos > MAX_LINE) {
            /* drop what is held of the long line; its end comes later */
            too_long = 1;
            r->pos = r->len;
        }
        if (fill(r) != 0) {
            r->err = ENOMEM;
            return LINE_READ_ERROR;
        }
    }
}

/* ---- one line -------------------------------------------------------- */

typedef struct stream {
    const cli_config *cfg;
    const mtl_linter *linter;
    FILE *out;
} stream;

/* Writes {"id":ID (the line's own bytes, or null), "error":MSG}. */
static void put_error(stream *st, const char *line, const stream_line *sl,
                      const char *msg)
{
    fputs("{\"id\":", st->out);
    if (sl && sl->has_id)
        fwrite(line + sl->id_start, 1, sl->id_end - sl->id_start, st->out);
    else
        fputs("null", st->out);
    fputs(",\"error\":", st->out);
    json_string(st->out, msg, strlen(msg));
    fputs("}\n", st->out);
}

/* The display name that picks the input kind: the line's "format", else
 * --input, else the --stdin-filename extension, else plain text. */
static const char *kind_name(const stream *st, const char *format)
{
    if (!format)
        format = st->cfg->input_kind;
    if (format)
        return strcmp(format, "markdown") == 0 ? "-.md" : "-.txt";
    return st->cfg->stdin_name ? st->cfg->stdin_name : "-.txt";
}

static void one_line(stream *st, const char *line, size_t n)
{
    stream_line sl;
    mtl_result *res = NULL;
    if (stream_line_parse(line, n, &sl) != 0) {
        put_error(st, line, &sl, sl.error);
    } else if (mtl_lint(st->linter, sl.text, sl.text_len, kind_name(st, sl.format),
                        &res) != 0) {
        put_error(st, line, &sl, "out of memory while linting");
    } else {
        fputs("{\"id\":", st->out);
        if (sl.has_id)
            fwrite(line + sl.id_start, 1, sl.id_end - sl.id_start, st->out);
        else
            fputs("null", st->out);
        fputs(",\"findings\":[", st->out);
        for (size_t i = 0; i < mtl_result_count(res); i++) {
            fputs(i ? ",{" : "{", st->out);
            json_finding_fields(st->out, mtl_result_at(res, i), st->cfg->column_bytes);
            putc('}', st->out);
        }
        fputs("]}\n", st->out);
        mtl_result_free(res);
    }
    stream_line_release(&sl);
}

int stream_serve(const cli_config *cfg, const mtl_linter *l, int fd, FILE *out)
{
    stream st = {cfg, l, out};
    reader r = {.fd = fd};
    int status = 0;
    for (;;) {
        const char *line;
        size_t n;
        line_status ls = next_line(&r, &line, &n);
        if (ls == LINE_END)
            break;
        if (ls == LINE_READ_ERROR) {
            fprintf(stderr, "mtlint: reading standard input: %s\n", strerror(r.err));
            status = 2;
            break;
        }
        if (ls == LINE_TOO_LONG) {
            char msg[80];
            snprintf(msg, sizeof msg, "line longer than %zu bytes", MAX_LINE);
            put_error(&st, NULL, NULL, msg);
        } else {
            one_line(&st, line, n);
        }
        /* one line out per line in, at once: the next stage may be waiting */
        if (fflush(out) != 0 || ferror(out)) {
            if (errno != EPIPE)
                fprintf(stderr, "mtlint: writing output: %s\n", strerror(errno));
            status = 2;
            break;
        }
    }
    free(r.buf);
    return status;
}

int stream_run(const cli_config *cfg, const mtl_options *opts)
{
    linter_cache *cache = linter_cache_new(opts, cfg->config_file, cfg->no_config);
    if (!cache) {
        fputs("mtlint: out of memory\n", stderr);
        return 2;
    }
    /* settings as for standard input: the .mtlint.ini files from here up */
    int ignored;
    char *err = NULL;
    const mtl_linter *l = linter_cache_get(
        cache, cfg->stdin_name ? cfg->stdin_name : "-", &ignored, &err);
    if (!l) {
        fprintf(stderr, "mtlint: %s\n", err ? err : "cannot start the linter");
        free(err);
        linter_cache_free(cache);
        return 2;
    }
    int status = stream_serve(cfg, l, STDIN_FILENO, stdout);
    linter_cache_free(cache);
    return status;
}
