/*
 * The linter: rules and shared resources set up once, then mtl_lint() runs
 * segmentation, the analyses the enabled rules need, and the rules, on one
 * document at a time. Nothing here is global or mutable after
 * mtl_linter_new, so threads may share a linter.
 */
#include "mtlint.h"

#include "lang/analysis.h"
#include "lang/speller.h"
#include "base/buf.h"
#include "text/doc.h"
#include "base/options.h"
#include "findings/result.h"
#include "lint/catalogue.h"
#include "lint/parts.h"
#include "lint/suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct mtl_linter {
    mtl_severity *severity;   /* per rule, MTL_OFF when disabled */
    void **rule_state;        /* per rule, from its init */
    void **shared;            /* per analysis, from its load */
    unsigned needs;           /* analyses that enabled rules need */
    mtl_input_kind input;     /* forced by the "input" option, or auto */
    char **ignore_words, **ignore_phrases;
    size_t n_ignore_words, n_ignore_phrases;
    char **notices;           /* NULL-terminated */
    size_t n_notices, notices_cap;
    mtl_breakers *breakers;   /* cloned for each document */
    size_t part_bytes;        /* plain text longer is linted in parts */
};

/* a followed by b, malloc'd */
static char *concat(const char *a, const char *b)
{
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, a);
    mtl_sb_adds(&sb, b);
    return mtl_sb_take(&sb);
}

static int add_notice(mtl_linter *l, char *text)
{
    if (!text)
        return -1;
    /* keep room for the NULL terminator */
    if (mtl_grow((void **)&l->notices, &l->notices_cap, l->n_notices + 2,
                 sizeof *l->notices) != 0) {
        free(text);
        return -1;
    }
    l->notices[l->n_notices++] = text;
    l->notices[l->n_notices] = NULL;
    return 0;
}

/* Copies every value of a list option into a malloc'd array. */
static int copy_list(const mtl_options *opts, const char *key, char ***out,
                     size_t *n)
{
    size_t count = 0;
    while (mtl_options_nth(opts, key, count))
        count++;
    *n = 0;
    *out = NULL;
    if (!count)
        return 0;
    *out = calloc(count, sizeof **out);
    if (!*out)
        return -1;
    for (; *n < count; (*n)++)
        if (!((*out)[*n] = strdup(mtl_options_nth(opts, key, *n))))
            return -1;
    return 0;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

/* The analyses that the rules enabled by opts need. */
static unsigned needed_analyses(const mtl_options *opts)
{
    unsigned needs = 0;
    for (size_t i = 0; i < mtl_n_rules; i++) {
        int s = mtl_options_severity(opts, i);
        if ((s < 0 ? (int)mtl_rules[i]->info.default_severity : s) != MTL_OFF)
            needs |= mtl_rules[i]->needs;
    }
    /* and what those read, which comes earlier in the table */
    for (size_t a = mtl_n_analyses; a-- > 0;)
        if (needs & mtl_analyses_table[a]->flag)
            needs |= mtl_analyses_table[a]->reads;
    return needs;
}

mtl_linter *mtl_linter_new(const mtl_options *opts, char **error)
{
    if (error)
        *error = NULL;
    mtl_linter *l = calloc(1, sizeof *l);
    if (!l)
        goto oom;
    l->severity = calloc(mtl_n_rules + 1, sizeof *l->severity);
    l->rule_state = calloc(mtl_n_rules + 1, sizeof *l->rule_state);
    l->shared = calloc(mtl_n_analyses + 1, sizeof *l->shared);
    if (!l->severity || !l->rule_state || !l->shared)
        goto oom;
    if (!(l->breakers = mtl_breakers_new())) {
        if (error)
            *error = concat("cannot open ICU's break iterators", "");
        mtl_linter_free(l);
        return NULL;
    }
    const char *input = mtl_options_get(opts, "input");
    if (input && strcmp(input, "markdown") == 0)
        l->input = MTL_INPUT_MARKDOWN;
    else if (input && strcmp(input, "text") == 0)
        l->input = MTL_INPUT_TEXT;
    const char *part = mtl_options_get(opts, "part-size");
    l->part_bytes = part ? (size_t)strtoull(part, NULL, 10) : MTL_PART_BYTES;
    if (copy_list(opts, "ignore-word", &l->ignore_words, &l->n_ignore_words) ||
        copy_list(opts, "ignore-phrase", &l->ignore_phrases,
                  &l->n_ignore_phrases))
        goto oom;
    for (size_t i = 0; i < mtl_n_rules; i++) {
        int s = mtl_options_severity(opts, i);
        l->severity[i] = s >= 0 ? (mtl_severity)s
                                : mtl_rules[i]->info.default_severity;
    }
    /* The report-unused-suppressions setting turns unused-suppression on
     * (at a severity set for it, or warning), whatever the order. */
    const char *ru = mtl_options_get(opts, "report-unused-suppressions");
    int unused = mtl_rule_find("unused-suppression");
    if (ru && strcmp(ru, "0") != 0 && strcmp(ru, "false") != 0 &&
        unused >= 0 && l->severity[unused] == MTL_OFF)
        l->severity[unused] = MTL_WARNING;
    l->needs = needed_analyses(opts);
    for (size_t a = 0; a < mtl_n_analyses; a++) {
        const mtl_analysis *an = mtl_analyses_table[a];
        char *err = NULL;
        if (an->check && !(l->needs & an->flag) && an->check(opts, &err) != 0) {
            if (!err)
                goto oom;
            if (error)
                *error = err;
            else
                free(err);
            mtl_linter_free(l);
            return NULL;
        }
    }
    for (size_t a = 0; a < mtl_n_analyses; a++) {
        const mtl_analysis *an = mtl_analyses_table[a];
        if (!(l->needs & an->flag) || !an->load)
            continue;
        char *notice = NULL, *err = NULL;
        if (an->load(opts, &l->shared[a], &notice, &err) != 0) {
            if (error)
                *error = err ? err : concat("cannot load ", an->name);
            else
                free(err);
            free(notice);
            mtl_linter_free(l);
            return NULL;
        }
        if (!l->shared[a]) {
            /* Not installed: rules that need it are off, and say so once. */
            l->needs &= ~an->flag;
            for (size_t i = 0; i < mtl_n_rules; i++)
                if (mtl_rules[i]->needs & an->flag)
                    l->severity[i] = MTL_OFF;
            if (notice && add_notice(l, notice) != 0)
                goto oom;
        } else if (notice && add_notice(l, notice) != 0) {
            /* an optional part is missing: the analysis does less */
            goto oom;
        }
    }
    for (size_t i = 0; i < mtl_n_rules; i++) {
        const mtl_rule *r = mtl_rules[i];
        if (l->severity[i] == MTL_OFF || !r->init)
            continue;
        char *err = NULL;
        if (r->init(opts, &l->rule_state[i], &err) != 0) {
            if (error)
                *error = err ? err : concat("cannot start rule ", r->info.id);
            else
                free(err);
            mtl_linter_free(l);
            return NULL;
        }
    }
    return l;
oom:
    if (error)
        *error = concat("out of memory", "");
    mtl_linter_free(l);
    return NULL;
}

void mtl_linter_free(mtl_linter *l)
{
    if (!l)
        return;
    for (size_t i = 0; l->rule_state && i < mtl_n_rules; i++)
        if (l->rule_state[i] && mtl_rules[i]->fini)
            mtl_rules[i]->fini(l->rule_state[i]);
    for (size_t a = 0; l->shared && a < mtl_n_analyses; a++)
        if (l->shared[a] && mtl_analyses_table[a]->unload)
            mtl_analyses_table[a]->unload(l->shared[a]);
    free_list(l->ignore_words, l->n_ignore_words);
    free_list(l->ignore_phrases, l->n_ignore_phrases);
    for (size_t i = 0; i < l->n_notices; i++)
        free(l->notices[i]);
    free(l->notices);
    mtl_breakers_free(l->breakers);
    free(l->severity);
    free(l->rule_state);
    free(l->shared);
    free(l);
}

const char *mtl_linter_resource(const mtl_linter *l, size_t index)
{
    for (size_t a = 0; l && a < mtl_n_analyses; a++) {
        const mtl_analysis *an = mtl_analyses_table[a];
        if (l->shared[a] && an->describe && index-- == 0)
            return an->describe(l->shared[a]);
    }
    return NULL;
}

const char *mtl_version(void) { return MTLINT_VERSION; }

int mtl_dictionary_installed(const mtl_options *opts, const char *lang)
{
    char *dic = mtl_speller_locate(opts, lang);
    int found = dic != NULL;
    free(dic);
    return found;
}

char *mtl_resources(const mtl_options *opts)
{
    unsigned needs = needed_analyses(opts);
    mtl_sb sb = {0};
    for (size_t a = 0; a < mtl_n_analyses; a++) {
        const mtl_analysis *an = mtl_analyses_table[a];
        if (!(needs & an->flag) || !an->locate)
            continue;
        char *line = an->locate(opts);
        if (!line) {
            mtl_sb_free(&sb);
            return NULL;
        }
        mtl_sb_adds(&sb, line);
        mtl_sb_addc(&sb, '\n');
        free(line);
    }
    return mtl_sb_take(&sb);
}

const char *const *mtl_linter_notices(const mtl_linter *l)
{
    static const char *const none[] = {NULL};
    return l && l->notices ? (const char *const *)l->notices : none;
}

mtl_severity mtl_linter_severity(const mtl_linter *l, size_t i)
{
    return l && i < mtl_n_rules ? l->severity[i] : MTL_OFF;
}

int mtl_markdown_name(const char *name)
{
    static const char *const ext[] = {".md", ".markdown", ".mdown", ".mkd"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t k = strlen(ext[i]);
        if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
            return 1;
    }
    return 0;
}

/* One document: its findings, placed and sorted, in *out; its number of
 * lines in *lines if not NULL (a part ends after a line break, which then
 * starts no line: the lines are the breaks). */
static int lint_document(const mtl_linter *l, const char *bytes, size_t len,
                         const char *name, int markdown, mtl_result **out,
                         size_t *lines)
{
    *out = NULL;
    mtl_result *r = calloc(1, sizeof *r);
    if (!r)
        return -1;
    mtl_doc doc;
    mtl_analyses an = {0};
    if (mtl_doc_build_with(&doc, bytes, len, name, markdown,
                           l->breakers) != 0) {
        free(r);
        return -1;
    }
    doc.an = &an;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < mtl_n_analyses; i++) {
        const mtl_analysis *a = mtl_analyses_table[i];
        if ((l->needs & a->flag) && a->run && a->run(&doc, l->shared[i]) != 0)
            rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < mtl_n_rules; i++) {
        /* rules without a check are made by suppress.c */
        if (l->severity[i] == MTL_OFF || !mtl_rules[i]->check)
            continue;
        mtl_emit e = {.rule = mtl_rules[i], .severity = l->severity[i],
                      .doc = &doc, .out = r};
        rc = mtl_rules[i]->check(&doc, l->rule_state[i], &e);
    }
    /* Each release frees what its run got to make, and nothing if it did
     * not run, so every needed analysis is released. */
    for (size_t i = 0; i < mtl_n_analyses; i++)
        if ((l->needs & mtl_analyses_table[i]->flag) &&
            mtl_analyses_table[i]->release)
            mtl_analyses_table[i]->release(&doc);
    if (r->failed)
        rc = -1;
    /* What the user silenced goes before findings are placed: comments in
     * the source, then ignored words and phrases. */
    if (rc == 0) {
        mtl_result_to_source(r, &doc);
        mtl_suppress(r, &doc, l->severity);
        mtl_ignore_terms(r, &doc, l->ignore_words, l->n_ignore_words,
                         l->ignore_phrases, l->n_ignore_phrases);
        if (r->failed)
            rc = -1;
        else
            mtl_result_finish(r, &doc);
    }
    if (lines)
        *lines = doc.n_lines;
    mtl_doc_free(&doc);
    if (rc != 0) {
        mtl_result_free(r);
        return -1;
    }
    *out = r;
    return 0;
}

/* Moves part's findings, found in text[start, ...) from line line_base + 1
 * on, to the end of r (a part starts at a line start, so columns hold). */
static int append_part(mtl_result *r, mtl_result *part, size_t start,
                       size_t line_base)
{
    for (size_t i = 0; i < part->count; i++) {
        mtl_finding f = part->items[i];
        f.offset += start;
        f.line += line_base;
        f.end_line += line_base;
        if (MTL_PUSH(r->items, r->count, r->cap, f) != 0) {
            /* what was not moved stays part's, to be freed with it */
            memmove(part->items, part->items + i,
                    (part->count - i) * sizeof *part->items);
            part->count -= i;
            return -1;
        }
    }
    part->count = 0;
    return 0;
}

int mtl_lint(const mtl_linter *l, const char *bytes, size_t len,
             const char *name, mtl_result **out)
{
    *out = NULL;
    if (!l || (!bytes && len))
        return -1;
    bytes = bytes ? bytes : "";
    name = name ? name : "-";
    int markdown = l->input == MTL_INPUT_MARKDOWN ||
                   (l->input == MTL_INPUT_AUTO && mtl_markdown_name(name));
    size_t part = l->part_bytes;
    if (markdown || part == 0 || len <= part)
        return lint_document(l, bytes, len, name, markdown, out, NULL);
    mtl_result *r = calloc(1, sizeof *r);
    if (!r)
        return -1;
    size_t line_base = 0;
    for (size_t start = 0; start < len;) {
        size_t end = mtl_part_end(bytes, len, start, part);
        mtl_result *pr;
        size_t lines = 0;
        if (lint_document(l, bytes + start, end - start, name, 0, &pr,
                          &lines) != 0) {
            mtl_result_free(r);
            return -1;
        }
        int rc = append_part(r, pr, start, line_base);
        mtl_result_free(pr);
        if (rc != 0) {
            mtl_result_free(r);
            return -1;
        }
        line_base += lines;
        start = end;
    }
    *out = r;
    return 0;
}
