#include "lsp_docs.h"

#include "lsp_diag.h"
#include "lsp_worker.h"

#include "base/buf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Changes kept between two whole lints: far more than keystrokes come in
 * the time of one lint; past it, findings are not carried over. */
enum { MAX_EDITS = 1024 };

static int hex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

char *lsp_uri_path(const char *uri)
{
    if (strncasecmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (strncasecmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/') /* another host */
        return NULL;
    mtl_sb sb = {0};
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            char c = (char)(hex(p[1]) * 16 + hex(p[2]));
            if (c == '\0') {
                mtl_sb_free(&sb);
                return NULL;
            }
            mtl_sb_addc(&sb, c);
            p += 2;
        } else {
            mtl_sb_addc(&sb, *p);
        }
    }
    return mtl_sb_take(&sb);
}

lsp_doc *lsp_docs_find(const lsp_docs *d, const char *uri)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->items[i]->uri, uri) == 0)
            return d->items[i];
    return NULL;
}

lsp_doc *lsp_docs_find_serial(const lsp_docs *d, uint64_t serial)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i]->serial == serial)
            return d->items[i];
    return NULL;
}

static void doc_free(lsp_doc *doc)
{
    if (!doc)
        return;
    free(doc->uri);
    free(doc->path);
    free(doc->lint_name);
    free(doc->text);
    lsp_lint_free(doc->lint);
    lsp_job_free(doc->fast);
    free(doc->edits);
    free(doc);
}

/* Replaces text[a, b) with s[0, n). */
static int splice(lsp_doc *doc, size_t a, size_t b, const char *s, size_t n)
{
    size_t len = doc->len - (b - a) + n;
    if (len + 1 > doc->cap &&
        mtl_grow((void **)&doc->text, &doc->cap, len + 1, 1) != 0)
        return -1;
    memmove(doc->text + a + n, doc->text + b, doc->len - b);
    memcpy(doc->text + a, s, n);
    doc->len = len;
    doc->text[len] = '\0';
    return 0;
}

/* The name mtl_lint reads the kind from: the language id says Markdown or
 * plain text, or else the file name does. */
static char *lint_name(const char *language, const char *uri, const char *path,
                       int *markdown)
{
    *markdown = 0;
    if (strcasecmp(language, "markdown") == 0) {
        *markdown = 1;
        return strdup("document.md");
    }
    if (strcasecmp(language, "plaintext") == 0 || strcasecmp(language, "text") == 0)
        return strdup("document.txt");
    return strdup(path ? path : uri);
}

lsp_doc *lsp_docs_open(lsp_docs *d, const char *uri, const char *language,
                       long version, const char *text, size_t len)
{
    lsp_doc *doc = calloc(1, sizeof *doc);
    if (!doc || !(doc->uri = strdup(uri)))
        goto oom;
    doc->path = lsp_uri_path(uri);
    doc->lint_name = lint_name(language, uri, doc->path, &doc->markdown);
    if (!doc->lint_name || splice(doc, 0, 0, text, len) != 0)
        goto oom;
    doc->version = version;
    doc->serial = ++d->next_serial;
    doc->due = -1;
    doc->lint_rev = UINT64_MAX; /* no revision is linted yet */
    lsp_doc *old = lsp_docs_find(d, uri);
    if (old) {
        lsp_docs_close(d, old);
    }
    if (MTL_PUSH(d->items, d->n, d->cap, doc) != 0)
        goto oom;
    return doc;
oom:
    doc_free(doc);
    return NULL;
}

int lsp_doc_change(lsp_doc *doc, const json_t *change, lsp_encoding enc)
{
    const json_t *text = json_object_get(change, "text");
    if (!json_is_string(text))
        return 1;
    const json_t *range = json_object_get(change, "range");
    size_t a = 0, b = doc->len;
    if (range) {
        lsp_position s, e;
        if (lsp_range_parse(range, &s, &e) != 0)
            return 1;
        a = lsp_offset_at(doc->text, doc->len, s, enc);
        b = lsp_offset_at(doc->text, doc->len, e, enc);
        if (b < a) { /* a reversed range: the span between them */
            size_t t = a;
            a = b;
            b = t;
        }
    }
    size_t n = json_string_length(text);
    if (splice(doc, a, b, json_string_value(text), n) != 0)
        return -1;
    doc->rev++;
    lsp_edit e = {doc->rev, a, b, n};
    if (doc->n_edits >= MAX_EDITS || MTL_PUSH(doc->edits, doc->n_edits, doc->edits_cap, e) != 0) {
        doc->n_edits = 0;
        doc->edits_lost = doc->rev;
    }
    return 0;
}

int lsp_doc_map(const lsp_doc *doc, uint64_t from, size_t *offset, size_t length)
{
    if (doc->edits_lost > from)
        return -1;
    size_t o = *offset;
    for (size_t i = 0; i < doc->n_edits; i++) {
        const lsp_edit *e = &doc->edits[i];
        if (e->rev <= from || o + length <= e->a)
            continue;
        if (o < e->b)
            return -1; /* the change touched the span */
        o = o - (e->b - e->a) + e->n;
    }
    *offset = o;
    return 0;
}

void lsp_doc_forget_edits(lsp_doc *doc, uint64_t upto)
{
    size_t k = 0;
    for (size_t i = 0; i < doc->n_edits; i++)
        if (doc->edits[i].rev > upto)
            doc->edits[k++] = doc->edits[i];
    doc->n_edits = k;
}

void lsp_docs_close(lsp_docs *d, lsp_doc *doc)
{
    for (size_t i = 0; i < d->n; i++) {
        if (d->items[i] == doc) {
            d->items[i] = d->items[--d->n];
            break;
        }
    }
    doc_free(doc);
}

void lsp_docs_free(lsp_docs *d)
{
    for (size_t i = 0; i < d->n; i++)
        doc_free(d->items[i]);
    free(d->items);
    *d = (lsp_docs){0};
}
