/*
 * <!-- mtlint-disable [RULE...] -->    off from here (all rules if none named)
 * <!-- mtlint-enable [RULE...] -->     on again (all if none named)
 * <!-- mtlint-disable-next-line [RULE...] -->  off for the next non-blank line
 */
#include "suppress.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does the space-separated list name rule ("" names every rule)? */
static int names(const char *list, const char *rule)
{
    if (!*list)
        return 1;
    size_t n = strlen(rule);
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ' ');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && strncmp(p, rule, n) == 0)
            return 1;
        p += k + (e ? 1 : 0);
    }
    return 0;
}

/* The line (1-based) that a disable-next-line comment governs: the first
 * line after the comment that has something other than white space. */
static size_t next_line(const mtl_doc *doc, const mtl_directive *d)
{
    size_t line = mtl_doc_line_of(doc, d->end > 0 ? d->end - 1 : 0) + 1;
    while (line <= doc->n_lines) {
        size_t s = doc->line_starts[line - 1];
        size_t e = line < doc->n_lines ? doc->line_starts[line] : doc->src_len;
        for (size_t i = s; i < e; i++)
            if (!strchr(" \t\r\n", doc->src[i]))
                return line;
        line++;
    }
    return line;
}

/* Is a finding of `rule` at source offset `off` silenced? Marks the
 * directive that silences it as used. */
static int silenced(const mtl_doc *doc, const char *rule, size_t off,
                    unsigned char *used)
{
    int off_by = -1; /* index of the disable in force, or -1 */
    size_t line = 0;
    for (size_t i = 0; i < doc->n_directives; i++) {
        const mtl_directive *d = &doc->directives[i];
        if (d->offset > off)
            break;
        if (!names(d->rules, rule))
            continue;
        if (d->kind == MTL_DIR_DISABLE)
            off_by = (int)i;
        else if (d->kind == MTL_DIR_ENABLE)
            off_by = -1;
        else {
            if (!line)
                line = mtl_doc_line_of(doc, off);
            if (next_line(doc, d) == line) {
                used[i] = 1;
                return 1;
            }
        }
    }
    if (off_by >= 0) {
        used[off_by] = 1;
        return 1;
    }
    return 0;
}

void mtl_suppress(struct mtl_result *r, const mtl_doc *doc, int report_unused)
{
    if (!doc->n_directives)
        return;
    unsigned char *used = calloc(doc->n_directives, 1);
    if (!used) {
        r->failed = 1;
        return;
    }
    unsigned char *drop = calloc(r->count + 1, 1);
    if (!drop) {
        free(used);
        r->failed = 1;
        return;
    }
    for (size_t i = 0; i < r->count; i++)
        drop[i] = (unsigned char)silenced(doc, r->items[i].rule,
                                          r->items[i].offset, used);
    mtl_result_remove(r, drop);
    free(drop);
    if (report_unused) {
        static const char *const kind[] = {"mtlint-disable", "mtlint-enable",
                                           "mtlint-disable-next-line"};
        for (size_t i = 0; i < doc->n_directives; i++) {
            const mtl_directive *d = &doc->directives[i];
            if (used[i] || d->kind == MTL_DIR_ENABLE)
                continue;
            mtl_sb sb = {0};
            mtl_sb_printf(&sb, "unused suppression '%s%s%s'", kind[d->kind],
                          *d->rules ? " " : "", d->rules);
            mtl_result_add(r, "unused-suppression", MTL_WARNING, d->offset,
                           d->end - d->offset, mtl_sb_take(&sb), NULL, 0);
        }
    }
    free(used);
}

static int inside_phrase(const mtl_doc *doc, const mtl_finding *f,
                         const char *phrase)
{
    size_t n = strlen(phrase);
    if (!n || f->length > n)
        return 0;
    size_t from = f->offset + f->length >= n ? f->offset + f->length - n : 0;
    for (size_t at = from; at <= f->offset && at + n <= doc->src_len; at++)
        if (strncasecmp(doc->src + at, phrase, n) == 0)
            return 1;
    return 0;
}

void mtl_ignore_terms(struct mtl_result *r, const mtl_doc *doc,
                      char *const *words, size_t n_words,
                      char *const *phrases, size_t n_phrases)
{
    if (!n_words && !n_phrases)
        return;
    unsigned char *drop = calloc(r->count + 1, 1);
    if (!drop) {
        r->failed = 1;
        return;
    }
    for (size_t i = 0; i < r->count; i++) {
        const mtl_finding *f = &r->items[i];
        for (size_t k = 0; !drop[i] && k < n_words; k++)
            drop[i] = strlen(words[k]) == f->length &&
                      strncasecmp(doc->src + f->offset, words[k], f->length) == 0;
        for (size_t k = 0; !drop[i] && k < n_phrases; k++)
            drop[i] = (unsigned char)inside_phrase(doc, f, phrases[k]);
    }
    mtl_result_remove(r, drop);
    free(drop);
}
