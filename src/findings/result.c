#include "findings/result.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

int mtl_result_add(struct mtl_result *r, const char *rule, mtl_severity sev,
                   size_t offset, size_t length, char *message,
                   char **suggestions, size_t n_suggestions)
{
    mtl_finding f = {.rule = rule, .severity = sev, .offset = offset,
                     .length = length, .message = message,
                     .suggestions = suggestions,
                     .n_suggestions = n_suggestions};
    if (!message || MTL_PUSH(r->items, r->count, r->cap, f) != 0) {
        free(message);
        for (size_t i = 0; i < n_suggestions; i++)
            free(suggestions[i]);
        free(suggestions);
        r->failed = 1;
        return -1;
    }
    return 0;
}

int mtl_finding_compare(const void *pa, const void *pb)
{
    const mtl_finding *a = pa, *b = pb;
    if (a->offset != b->offset)
        return a->offset < b->offset ? -1 : 1;
    if (a->length != b->length)
        return a->length < b->length ? -1 : 1;
    int c = strcmp(a->rule, b->rule);
    return c ? c : strcmp(a->message, b->message);
}

static void free_finding(mtl_finding *f)
{
    free(f->message);
    for (size_t i = 0; i < f->n_suggestions; i++)
        free(f->suggestions[i]);
    free(f->suggestions);
}

/* Line and columns of a byte offset. Starts from a known earlier position
 * on the same line when there is one, so that many findings on one long
 * line cost one pass over it, not one pass each. */
typedef struct cursor {
    size_t line, line_start, offset, column;
} cursor;

static cursor locate(const mtl_doc *doc, const cursor *from, size_t offset)
{
    cursor c;
    size_t line = mtl_doc_line_of(doc, offset);
    if (from && from->line == line && from->offset <= offset) {
        c = *from;
    } else {
        c.line = line;
        c.line_start = doc->line_starts[line - 1];
        /* A byte order mark is a signature, not text: editors hide it and
         * count neither character nor byte columns for it. */
        if (line == 1 && doc->src_len >= 3 &&
            memcmp(doc->src, "\xEF\xBB\xBF", 3) == 0 && offset >= 3)
            c.line_start = 3;
        c.offset = c.line_start;
        c.column = 1;
    }
    c.column += mtl_utf8_count(doc->src + c.offset, offset - c.offset);
    c.offset = offset;
    return c;
}

void mtl_result_to_source(struct mtl_result *r, const mtl_doc *doc)
{
    for (size_t i = 0; i < r->count; i++) {
        mtl_finding *f = &r->items[i];
        if (!doc->map) {
            if (f->offset > doc->src_len)
                f->offset = doc->src_len;
            if (f->length > doc->src_len - f->offset)
                f->length = doc->src_len - f->offset;
            continue;
        }
        size_t s = f->offset < doc->len ? f->offset : doc->len;
        size_t e = f->offset + f->length < doc->len ? f->offset + f->length
                                                    : doc->len;
        size_t ss = doc->map[s];
        size_t se = e > s ? doc->map_end[e - 1] : ss;
        f->offset = ss;
        f->length = se > ss ? se - ss : 0;
    }
}

void mtl_result_finish(struct mtl_result *r, const mtl_doc *doc)
{
    if (r->count > 1)
        qsort(r->items, r->count, sizeof *r->items, mtl_finding_compare);
    size_t kept = 0;
    for (size_t i = 0; i < r->count; i++) {
        mtl_finding *f = &r->items[i];
        if (kept && f->offset == r->items[kept - 1].offset &&
            f->length == r->items[kept - 1].length &&
            strcmp(f->rule, r->items[kept - 1].rule) == 0 &&
            strcmp(f->message, r->items[kept - 1].message) == 0) {
            free_finding(f);
            continue;
        }
        r->items[kept++] = *f;
    }
    r->count = kept;

    cursor last = {0, 0, 0, 0};
    int have_last = 0;
    for (size_t i = 0; i < r->count; i++) {
        mtl_finding *f = &r->items[i];
        cursor s = locate(doc, have_last ? &last : NULL, f->offset);
        cursor e = locate(doc, &s, f->offset + f->length);
        f->line = s.line;
        f->column = s.column;
        f->column_byte = s.offset - s.line_start + 1;
        f->end_line = e.line;
        f->end_column = e.column;
        f->end_column_byte = e.offset - e.line_start + 1;
        last = s;
        have_last = 1;
    }
}

size_t mtl_result_count(const mtl_result *r) { return r ? r->count : 0; }

const mtl_finding *mtl_result_at(const mtl_result *r, size_t i)
{
    return r && i < r->count ? &r->items[i] : NULL;
}

void mtl_result_remove(mtl_result *r, const unsigned char *remove)
{
    if (!r)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < r->count; i++) {
        if (remove[i])
            free_finding(&r->items[i]);
        else
            r->items[kept++] = r->items[i];
    }
    r->count = kept;
}

void mtl_result_free(mtl_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->count; i++)
        free_finding(&r->items[i]);
    free(r->items);
    free(r);
}
