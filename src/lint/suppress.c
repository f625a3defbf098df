/*
 * <!-- mtlint-disable [RULE...] -->    off from here (all rules if none named)
 * <!-- mtlint-enable [RULE...] -->     on again (all if none named)
 * <!-- mtlint-disable-next-line [RULE...] -->  off for the next non-blank line
 */
#include "lint/suppress.h"

#include "base/buf.h"
#include "lint/catalogue.h"
#include "mtlint.h"

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

/* A disable-next-line directive and the line it governs. */
typedef struct governed {
    size_t line, dir;
} governed;

/* Where a rule stands during the sweep: the disable in force, or -1. */
typedef struct rule_state {
    const char *rule;
    long off_by;
} rule_state;

typedef struct by_offset {
    size_t offset, finding;
} by_offset;

static int cmp_governed(const void *pa, const void *pb)
{
    const governed *a = pa, *b = pb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->dir < b->dir ? -1 : a->dir > b->dir;
}

static int cmp_offset(const void *pa, const void *pb)
{
    const by_offset *a = pa, *b = pb;
    if (a->offset != b->offset)
        return a->offset < b->offset ? -1 : 1;
    return a->finding < b->finding ? -1 : a->finding > b->finding;
}

/* Does a disable-next-line directive for `rule` govern `line`? Marks the
 * first one that does as used (gov is sorted by line, then directive). */
static int next_line_off(const mtl_doc *doc, const governed *gov, size_t n,
                         size_t line, const char *rule, unsigned char *used)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (gov[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && gov[lo].line == line; lo++) {
        if (names(doc->directives[gov[lo].dir].rules, rule)) {
            used[gov[lo].dir] = 1;
            return 1;
        }
    }
    return 0;
}

/* Marks in drop[] the findings (at source offsets) that the directives
 * silence, and in used[] the directives that silence something. One sweep
 * over the findings in source order beside the directives, so that many
 * findings and many directives cost n log n, not their product. Returns 0,
 * or -1 when out of memory. */
static int sweep(const struct mtl_result *r, const mtl_doc *doc,
                 unsigned char *drop, unsigned char *used)
{
    int rc = -1;
    governed *gov = NULL;
    size_t n_gov = 0, gov_cap = 0;
    rule_state *rules = NULL;
    size_t n_rules = 0, rules_cap = 0;
    by_offset *order = malloc((r->count ? r->count : 1) * sizeof *order);
    if (!order)
        goto done;
    for (size_t i = 0; i < doc->n_directives; i++) {
        if (doc->directives[i].kind != MTL_DIR_DISABLE_NEXT_LINE)
            continue;
        governed g = {next_line(doc, &doc->directives[i]), i};
        if (MTL_PUSH(gov, n_gov, gov_cap, g) != 0)
            goto done;
    }
    if (n_gov > 1)
        qsort(gov, n_gov, sizeof *gov, cmp_governed);
    /* the rules that have findings: a handful, looked up by name */
    for (size_t i = 0; i < r->count; i++) {
        order[i] = (by_offset){r->items[i].offset, i};
        size_t k = 0;
        while (k < n_rules && strcmp(rules[k].rule, r->items[i].rule) != 0)
            k++;
        rule_state st = {r->items[i].rule, -1};
        if (k == n_rules && MTL_PUSH(rules, n_rules, rules_cap, st) != 0)
            goto done;
    }
    qsort(order, r->count, sizeof *order, cmp_offset);
    size_t next_dir = 0;
    for (size_t i = 0; i < r->count; i++) {
        const mtl_finding *f = &r->items[order[i].finding];
        for (; next_dir < doc->n_directives &&
               doc->directives[next_dir].offset <= f->offset;
             next_dir++) {
            const mtl_directive *d = &doc->directives[next_dir];
            if (d->kind == MTL_DIR_DISABLE_NEXT_LINE)
                continue;
            for (size_t k = 0; k < n_rules; k++)
                if (names(d->rules, rules[k].rule))
                    rules[k].off_by =
                        d->kind == MTL_DIR_DISABLE ? (long)next_dir : -1;
        }
        size_t k = 0;
        while (strcmp(rules[k].rule, f->rule) != 0)
            k++;
        if (next_line_off(doc, gov, n_gov, mtl_doc_line_of(doc, f->offset),
                          f->rule, used)) {
            drop[order[i].finding] = 1;
        } else if (rules[k].off_by >= 0) {
            used[rules[k].off_by] = 1;
            drop[order[i].finding] = 1;
        }
    }
    rc = 0;
done:
    free(order);
    free(gov);
    free(rules);
    return rc;
}

/* The directive as written, for messages: "mtlint-disable a b". */
static char *directive_text(const mtl_directive *d)
{
    static const char *const kind[] = {"mtlint-disable", "mtlint-enable",
                                       "mtlint-disable-next-line"};
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s%s%s", kind[d->kind], *d->rules ? " " : "", d->rules);
    return mtl_sb_take(&sb);
}

/* Reports the names in d that are not rules, under unknown-rule at sev,
 * and says whether d names an enabled rule (or every rule). */
static int check_names(struct mtl_result *r, const mtl_directive *d,
                       const mtl_severity *severity, mtl_severity sev)
{
    int enabled = !*d->rules;
    char *text = NULL;
    for (const char *p = d->rules; *p;) {
        const char *e = strchr(p, ' ');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        char *name = strndup(p, k);
        if (!name) {
            r->failed = 1;
            break;
        }
        int i = mtl_rule_find(name);
        if (i >= 0 && severity[i] != MTL_OFF) {
            enabled = 1;
        } else if (i < 0 && sev != MTL_OFF) {
            if (!text && !(text = directive_text(d))) {
                free(name);
                r->failed = 1;
                break;
            }
            mtl_sb sb = {0};
            mtl_sb_printf(&sb, "unknown rule '%s' in '%s'", name, text);
            mtl_result_add(r, "unknown-rule", sev, d->offset,
                           d->end - d->offset, mtl_sb_take(&sb), NULL, 0);
        }
        free(name);
        p += k + (e ? 1 : 0);
    }
    free(text);
    return enabled;
}

void mtl_suppress(struct mtl_result *r, const mtl_doc *doc,
                  const mtl_severity *severity)
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
    if (sweep(r, doc, drop, used) != 0) {
        free(drop);
        free(used);
        r->failed = 1;
        return;
    }
    mtl_result_remove(r, drop);
    free(drop);
    int iu = mtl_rule_find("unused-suppression"), ik = mtl_rule_find("unknown-rule");
    mtl_severity unused = iu >= 0 ? severity[iu] : MTL_OFF;
    mtl_severity unknown = ik >= 0 ? severity[ik] : MTL_OFF;
    for (size_t i = 0; i < doc->n_directives; i++) {
        const mtl_directive *d = &doc->directives[i];
        int enabled = check_names(r, d, severity, unknown);
        if (unused == MTL_OFF || used[i] || !enabled || d->kind == MTL_DIR_ENABLE)
            continue;
        char *text = directive_text(d);
        if (!text) {
            r->failed = 1;
            break;
        }
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "unused suppression '%s'", text);
        free(text);
        mtl_result_add(r, "unused-suppression", unused, d->offset,
                       d->end - d->offset, mtl_sb_take(&sb), NULL, 0);
    }
    free(used);
}

/* Is the text [t0, t1) inside an occurrence of the phrase? */
static int inside_phrase(const char *text, size_t len, size_t t0, size_t t1,
                         const char *phrase)
{
    size_t n = strlen(phrase);
    if (!n || t1 - t0 > n)
        return 0;
    size_t from = t1 >= n ? t1 - n : 0;
    for (size_t at = from; at <= t0 && at + n <= len; at++)
        if (strncasecmp(text + at, phrase, n) == 0)
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
    /* Words and phrases name text as a reader sees it: in Markdown, the
     * prose a finding's source holds ("caf&eacute;" is "café", "*the* day"
     * is "the day"). */
    for (size_t i = 0; i < r->count; i++) {
        const mtl_finding *f = &r->items[i];
        size_t t0, t1;
        mtl_doc_text_range(doc, f->offset, f->offset + f->length, &t0, &t1);
        for (size_t k = 0; !drop[i] && k < n_words; k++)
            drop[i] = strlen(words[k]) == t1 - t0 &&
                      strncasecmp(doc->text + t0, words[k], t1 - t0) == 0;
        for (size_t k = 0; !drop[i] && k < n_phrases; k++)
            drop[i] = (unsigned char)inside_phrase(doc->text, doc->len, t0, t1,
                                                   phrases[k]);
    }
    mtl_result_remove(r, drop);
    free(drop);
}
