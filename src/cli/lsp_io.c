#include "lsp_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum {
    /* A header block is a line or two ("Content-Length: 123",
     * "Content-Type: ..."); 8 KiB without a blank line is not one. */
    MAX_HEADER = 8 << 10,
    READ_CHUNK = 64 << 10,
    /* After a message bigger than this the buffer is given back, so that
     * one huge document does not pin its size for the server's life. */
    KEEP_BUFFER = 1 << 20,
};

static const char length_name[] = "content-length:";

static int reserve(lsp_reader *r, size_t room)
{
    if (r->start > 0 && (r->start == r->len || r->len + room > r->cap)) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->len -= r->start;
        r->start = 0;
    }
    if (r->len + room <= r->cap)
        return 0;
    size_t cap = r->cap ? r->cap : READ_CHUNK;
    while (cap < r->len + room) {
        if (cap > ((size_t)-1) / 2)
            return -1;
        cap *= 2;
    }
    char *b = realloc(r->buf, cap);
    if (!b)
        return -1;
    r->buf = b;
    r->cap = cap;
    return 0;
}

long lsp_reader_fill(lsp_reader *r, int fd)
{
    if (reserve(r, READ_CHUNK) != 0) {
        errno = ENOMEM;
        return -1;
    }
    ssize_t k = read(fd, r->buf + r->len, r->cap - r->len);
    if (k > 0)
        r->len += (size_t)k;
    return (long)k;
}

int lsp_reader_feed(lsp_reader *r, const char *data, size_t n)
{
    if (n == 0) /* (a reader that never had bytes has no buffer) */
        return 0;
    if (reserve(r, n) != 0)
        return -1;
    memcpy(r->buf + r->len, data, n);
    r->len += n;
    return 0;
}

static int is_token_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-';
}

typedef enum header { HEADER_MORE, HEADER_OK, HEADER_BAD } header;

/* Parses the header block at p[0, n): its length in *body_at (bytes up to
 * the body) and the Content-Length in *length. */
static header parse_header(const char *p, size_t n, size_t *body_at,
                           size_t *length)
{
    int have_length = 0;
    size_t i = 0;
    for (;;) {
        const char *nl = memchr(p + i, '\n', n - i);
        if (!nl)
            return n >= MAX_HEADER ? HEADER_BAD : HEADER_MORE;
        size_t e = (size_t)(nl - p), line_end = e;
        if (line_end > i && p[line_end - 1] == '\r')
            line_end--;
        if (line_end == i) { /* the blank line */
            if (!have_length)
                return HEADER_BAD;
            *body_at = e + 1;
            return HEADER_OK;
        }
        size_t colon = i;
        while (colon < line_end && is_token_char(p[colon]))
            colon++;
        if (colon == i || colon == line_end || p[colon] != ':')
            return HEADER_BAD;
        if (colon + 1 - i == sizeof length_name - 1 &&
            strncasecmp(p + i, length_name, sizeof length_name - 1) == 0) {
            size_t v = colon + 1, digits = 0, value = 0;
            while (v < line_end && (p[v] == ' ' || p[v] == '\t'))
                v++;
            for (; v < line_end && p[v] >= '0' && p[v] <= '9'; v++, digits++)
                if (digits < 18) /* more is over any limit anyway */
                    value = value * 10 + (size_t)(p[v] - '0');
            while (v < line_end && (p[v] == ' ' || p[v] == '\t'))
                v++;
            if (!digits || digits > 18 || v != line_end)
                return HEADER_BAD;
            *length = value;
            have_length = 1;
        }
        i = e + 1;
        if (i >= MAX_HEADER)
            return HEADER_BAD;
    }
}

/* After a bad header: go to the next "Content-Length:" past the current
 * position, or drop what cannot hold one. */
static void resync(lsp_reader *r)
{
    size_t k = sizeof length_name - 1;
    for (size_t i = r->start + 1; i + k <= r->len; i++) {
        if (strncasecmp(r->buf + i, length_name, k) == 0) {
            r->start = i;
            return;
        }
    }
    /* Keep a tail that may be the start of the next header, but move on:
     * the bytes at the current position are known to be bad. A tail
     * shorter than the name is all kept: "\r\nCont" may be the blank line
     * after garbage and the first bytes of the next header, whose rest
     * has not arrived (dropping them lost that message when the input
     * came in pieces). */
    size_t tail = r->len - r->start > k - 1 ? r->len - (k - 1) : r->start + 1;
    r->start = tail > r->start ? tail : r->start + 1;
}

lsp_read lsp_reader_next(lsp_reader *r, const char **body, size_t *n)
{
    *body = NULL;
    *n = 0;
    for (;;) {
        if (r->start == r->len) {
            r->start = r->len = 0;
            if (r->cap > KEEP_BUFFER) {
                free(r->buf);
                r->buf = NULL;
                r->cap = 0;
            }
        }
        if (r->skip) {
            size_t k = r->len - r->start < r->skip ? r->len - r->start : r->skip;
            r->start += k;
            r->skip -= k;
            if (r->skip)
                return LSP_READ_MORE;
            continue;
        }
        if (r->start == r->len)
            return LSP_READ_MORE;
        size_t body_at = 0, length = 0;
        header h = parse_header(r->buf + r->start, r->len - r->start, &body_at,
                                &length);
        if (h == HEADER_MORE)
            return LSP_READ_MORE;
        if (h == HEADER_BAD) {
            resync(r);
            if (r->lost)
                continue;
            r->lost = 1;
            return LSP_READ_BAD_HEADER;
        }
        if (length > LSP_MAX_MESSAGE) {
            r->start += body_at;
            r->skip = length;
            *n = length;
            r->lost = 0;
            return LSP_READ_TOO_LARGE;
        }
        if (r->len - r->start - body_at < length) {
            /* room for the whole body now, not by doubling as it comes */
            if (reserve(r, body_at + length - (r->len - r->start)) != 0) {
                r->start += body_at;
                r->skip = length;
                r->lost = 0;
                return LSP_READ_NO_MEMORY;
            }
            return LSP_READ_MORE;
        }
        *body = r->buf + r->start + body_at;
        *n = length;
        r->start += body_at + length;
        r->lost = 0;
        return LSP_READ_MESSAGE;
    }
}

void lsp_reader_free(lsp_reader *r)
{
    free(r->buf);
    *r = (lsp_reader){0};
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

int lsp_write(int fd, const char *body, size_t n)
{
    char head[64];
    int k = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    if (write_all(fd, head, (size_t)k) != 0)
        return -1;
    return write_all(fd, body, n);
}
