/*
 * The Language Server Protocol's base protocol: each message is a header
 * block ("Content-Length: N", other headers ignored, a blank line) and N
 * bytes of JSON. The reader takes whatever bytes arrive and hands back
 * whole messages; it never trusts the client: a bad header block, a length
 * over the limit or garbage between messages are reported and skipped, and
 * the reader finds the next header.
 */
#ifndef MTL_LSP_IO_H
#define MTL_LSP_IO_H

#include <stddef.h>

/* The largest message body read: a document of 64 MiB is a thousand
 * books, far more than an editor sends; a longer body is skipped as it
 * arrives, without being held in memory. */
#define LSP_MAX_MESSAGE ((size_t)64 << 20)

typedef struct lsp_reader {
    char *buf;
    size_t start, len, cap; /* unread bytes are buf[start, len) */
    size_t skip;            /* body bytes of an oversized message to drop */
    int lost;               /* reported a bad header; quiet until a message */
} lsp_reader;

typedef enum lsp_read {
    LSP_READ_MORE,       /* no whole message yet: read more */
    LSP_READ_MESSAGE,    /* *body, *n: one message body */
    LSP_READ_BAD_HEADER, /* a header block that says no length, skipped */
    LSP_READ_TOO_LARGE,  /* *n: the length it declared; the body is skipped */
    LSP_READ_NO_MEMORY   /* the body did not fit in memory; skipped */
} lsp_read;

/* Reads what fd has (one read(2)) into the reader. Returns the number of
 * bytes read, 0 at end of input, or -1 (errno set; EINTR and EAGAIN are
 * not errors but return -1 too, for the caller to try again). */
long lsp_reader_fill(lsp_reader *r, int fd);
/* Adds bytes as if read (for tests and callers with their own input). */
int lsp_reader_feed(lsp_reader *r, const char *data, size_t n);
/* The next message or event. A message body stays valid until the next
 * call. */
lsp_read lsp_reader_next(lsp_reader *r, const char **body, size_t *n);
void lsp_reader_free(lsp_reader *r);

/* Writes one message (header and body) to fd, whole. Returns 0, or -1
 * with errno set. */
int lsp_write(int fd, const char *body, size_t n);

#endif
