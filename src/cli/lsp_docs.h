/*
 * The documents an editor has open, and text synchronisation: a document is
 * opened with its whole text, changed by whole-text or range edits
 * (incremental sync), and closed. Each has a revision that grows with every
 * change, so that a lint of an older revision is known to be stale.
 */
#ifndef MTL_LSP_DOCS_H
#define MTL_LSP_DOCS_H

#include "lsp_pos.h"

#include <jansson.h>
#include <stdint.h>

struct lsp_lint;
struct lsp_job;

/* One change: bytes [a, b) of the text became n bytes, at revision rev. */
typedef struct lsp_edit {
    uint64_t rev;
    size_t a, b, n;
} lsp_edit;

typedef struct lsp_doc {
    char *uri;       /* as the client spelled it */
    char *path;      /* the local file of a file: URI, or NULL */
    char *lint_name; /* the name mtl_lint reads the input kind from */
    int markdown;    /* read as Markdown (by language id or extension) */
    long version;    /* the client's */
    uint64_t serial; /* unique for each open, never reused */
    uint64_t rev;    /* grows with every change */
    char *text;
    size_t len, cap;
    int64_t due;     /* when to lint (monotonic ms), or -1 */
    int told_size;   /* said once that it is too large to lint */
    struct lsp_lint *lint; /* the last whole lint published, or NULL */
    uint64_t lint_rev; /* the revision lint (or its absence) is of */
    struct lsp_job *fast;  /* a lint by the fast rules, waiting for the rest */
    int slow_busy;     /* the rest is being linted */
    /* The changes since the lint, to carry its findings over them. */
    lsp_edit *edits;
    size_t n_edits, edits_cap;
    uint64_t edits_lost; /* changes up to this revision were not kept */
} lsp_doc;

typedef struct lsp_docs {
    lsp_doc **items;
    size_t n, cap;
    uint64_t next_serial;
} lsp_docs;

/* The local path of a file: URI (percent-decoded), or NULL (also when out
 * of memory). */
char *lsp_uri_path(const char *uri);

lsp_doc *lsp_docs_find(const lsp_docs *d, const char *uri);
lsp_doc *lsp_docs_find_serial(const lsp_docs *d, uint64_t serial);
/* Opens (or replaces) a document. Returns it, or NULL when out of memory. */
lsp_doc *lsp_docs_open(lsp_docs *d, const char *uri, const char *language,
                       long version, const char *text, size_t len);
/* Applies one TextDocumentContentChangeEvent: a "range" and "text", or the
 * whole "text". Returns 0, -1 when out of memory (the document is
 * unchanged), or 1 when the change is not one. */
int lsp_doc_change(lsp_doc *doc, const json_t *change, lsp_encoding enc);
/* Where a span [*offset, *offset + length) of revision `from` is now:
 * 0 with *offset moved over the changes since, or -1 when a change touched
 * its inside or the changes are not known. */
int lsp_doc_map(const lsp_doc *doc, uint64_t from, size_t *offset, size_t length);
/* Forgets the changes up to revision `upto` (a lint of it is in). */
void lsp_doc_forget_edits(lsp_doc *doc, uint64_t upto);
void lsp_docs_close(lsp_docs *d, lsp_doc *doc);
void lsp_docs_free(lsp_docs *d);

#endif
