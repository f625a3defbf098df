/*
 * term-inconsistency: one term written two or more ways in one document,
 * which happens when sentences are translated one at a time and each comes
 * back with its own choice:
 *
 *     "rather than a ceasefire" ... "whether a cease-fire"
 *         ->  'cease-fire' (2 times) is also written 'ceasefire' (3 times)
 *
 * Kinds of variation: closed, hyphenated and open compounds (ceasefire /
 * cease-fire / cease fire), US and UK spellings (color / colour, from
 * dicts/us-uk.tsv), and abbreviation points (U.S. / US). Each occurrence of a
 * minority form is reported, with the majority form as the fix; on a tie the
 * form used first is the reference.
 *
 * Not variation: "log in" (verb) and "login" (noun), "every day" and
 * "everyday", "re-sign" and "resign". An open compound counts only when the
 * closed form is in the document too, since "long term" and "long-term"
 * differ by position ("a long-term plan", "in the long term").
 */
#include "findings/rule.h"

#include "base/strlist.h"
#include "base/buf.h"
#include "lang/datapath.h"
#include "lang/table.h"
#include "lang/words.h"

#include <stdint.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- the US/UK table ------------------------------------------------ */

typedef struct table {
    mtl_table by_us; /* us, uk */
    mtl_table by_uk; /* the same rows, by uk */
} table;

static void fini(void *state)
{
    table *t = state;
    if (!t)
        return;
    mtl_table_free(&t->by_uk);
    mtl_table_free(&t->by_us);
    free(t);
}

static int init(const mtl_options *opts, void **state, char **error)
{
    table *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    *state = t;
    char *path = mtl_data_find(opts, "us-uk.tsv");
    if (!path) /* compounds and abbreviations still work */
        return errno == ENOMEM ? -1 : 0;
    int rc = mtl_table_load(&t->by_us, path, 2);
    free(path);
    if (rc != 0) /* unreadable: as if not installed; no memory: fail */
        return errno == ENOMEM ? -1 : 0;
    if (mtl_table_sort(&t->by_us, 0) != 0 ||
        mtl_table_view(&t->by_us, 1, &t->by_uk) != 0) {
        *error = NULL; /* "cannot start rule" is said for us */
        return -1;
    }
    return 0;
}

/* The row whose US (uk = 0) or UK (uk = 1) spelling is w, or -1. */
static long lookup(const table *t, const char *w, int uk)
{
    const mtl_table *tb = uk ? &t->by_uk : &t->by_us;
    size_t first, end = mtl_table_find(tb, (size_t)uk, w, &first);
    return end > first ? (long)first : -1;
}

/* ---- occurrences of terms ------------------------------------------- */

enum form {
    CLOSED, HYPHENATED, OPEN, /* compounds, keyed by the closed form */
    US, UK,                   /* keyed by the US spelling */
    DOTTED, PLAIN             /* abbreviations, keyed by the letters */
};

typedef struct occ {
    size_t key;          /* offset of the key in the key buffer */
    uint32_t start, end; /* bytes */
    uint8_t form;
    uint8_t cap;         /* the occurrence starts with a capital */
} occ;

typedef struct scan {
    const mtl_doc *doc;
    mtl_sb keys;         /* NUL-separated keys; a kind letter first */
    occ *occs;
    size_t n, cap;
    int failed;
} scan;

static void add(scan *s, char kind, const char *key, size_t len, size_t start,
                size_t end, int form, int cap)
{
    occ o = {.key = s->keys.len, .start = (uint32_t)start,
             .end = (uint32_t)end, .form = (uint8_t)form, .cap = (uint8_t)cap};
    mtl_sb_addc(&s->keys, kind);
    mtl_sb_add(&s->keys, key, len);
    mtl_sb_addc(&s->keys, '\0');
    if (s->keys.failed || MTL_PUSH(s->occs, s->n, s->cap, o) != 0)
        s->failed = 1;
}

/* A hyphen between words with nothing around it: ASCII or U+2010/2011. */
static int is_hyphen(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start;
    return t->kind == MTL_TOK_PUNCT &&
           ((n == 1 && s[0] == '-') ||
            (n == 3 && !memcmp(s, "\xE2\x80", 2) &&
             (s[2] == '\x90' || s[2] == '\x91')));
}

static int glued(const mtl_doc *doc, size_t a, size_t b)
{
    return doc->tokens[a].end == doc->tokens[b].start;
}

/* Words that make an open pair a phrase rather than a compound: "every
 * day", "may be", "log in", "some time". */
static const char *const open_first_stop[] = {
    "a", "an", "the", "any", "every", "some", "no", "in", "on", "at", "to",
    "for", "by", "with", "may", "all", "over", "under", "out", "up", "down",
    "be", "it", "of", "who", "what", "how", "where", "when", "there", "here",
    "each", "one", "can", "not", "some", "what", "which", "so", "as", NULL};
static const char *const open_second_stop[] = {
    "up", "down", "in", "out", "off", "on", "over", "back", "away", "through",
    "about", "around", "by", "together", "apart", "along", "ahead", "aside",
    "into", "onto", "upon", "time", "one", "body", "thing", "where", "way",
    "day", "self", "ever", "more", "less", "how", "what", "to", "so", NULL};

/* Closed forms that are other words than their hyphenated look-alikes. */
static int different_words(const char *first_part, const char *key)
{
    return strcmp(first_part, "re") == 0 || strcmp(key, "coop") == 0;
}

static void scan_compounds(scan *s)
{
    const mtl_doc *doc = s->doc;
    const mtl_words *w = doc->an->words;
    char key[256];
    for (size_t i = 0; i < doc->n_tokens; i++) {
        if (!mtl_doc_word_at(doc, i))
            continue;
        /* a hyphenated chain of two or three words */
        size_t last = i;
        while (last + 2 < doc->n_tokens && is_hyphen(doc, last + 1) &&
               mtl_doc_word_at(doc, last + 2) && glued(doc, last, last + 1) &&
               glued(doc, last + 1, last + 2))
            last += 2;
        const char *first_norm = mtl_tok_norm(doc, &doc->tokens[i]);
        int cap = (doc->tokens[i].flags & MTL_TF_CAP) != 0;
        if (last > i) {
            size_t n = 0;
            int fits = last - i <= 4;
            for (size_t k = i; fits && k <= last; k += 2) {
                const char *p = mtl_tok_norm(doc, &doc->tokens[k]);
                size_t len = strlen(p);
                fits = n + len < sizeof key;
                if (fits) {
                    memcpy(key + n, p, len);
                    n += len;
                }
            }
            key[n] = '\0';
            /* "Israel-Hamas" is two names, not a compound */
            if (fits && !different_words(first_norm, key) &&
                !(doc->tokens[last].flags & MTL_TF_CAP))
                add(s, 'c', key, n, doc->tokens[i].start,
                    doc->tokens[last].end, HYPHENATED, cap);
            i = last;
            continue;
        }
        /* a single word: perhaps the first half of an open pair */
        if (i > 0 && is_hyphen(doc, i - 1) && glued(doc, i - 1, i))
            continue; /* a tail of a longer chain */
        size_t j = i + 1;
        if (j + 1 >= doc->n_tokens || doc->tokens[j].kind != MTL_TOK_SPACE ||
            doc->tokens[j].end - doc->tokens[j].start != 1 ||
            !mtl_doc_word_at(doc, j + 1))
            continue;
        if (j + 2 < doc->n_tokens && is_hyphen(doc, j + 2) &&
            glued(doc, j + 1, j + 2))
            continue; /* the second word starts a chain */
        const char *a = first_norm, *b = mtl_tok_norm(doc, &doc->tokens[j + 1]);
        size_t la = strlen(a), lb = strlen(b);
        if (la < 2 || lb < 2 || la + lb >= sizeof key ||
            mtl_in_list(open_first_stop, a) || mtl_in_list(open_second_stop, b))
            continue;
        memcpy(key, a, la);
        memcpy(key + la, b, lb + 1);
        if (mtl_words_find(w, key, la + lb))
            add(s, 'c', key, la + lb, doc->tokens[i].start,
                doc->tokens[j + 1].end, OPEN, cap);
    }
    /* the closed forms of the compounds seen, each word once */
    size_t n_compounds = s->n;
    uint8_t *done = calloc(w->n_words + 1, 1);
    if (!done) {
        s->failed = 1;
        return;
    }
    for (size_t c = 0; c < n_compounds && !s->failed; c++) {
        const char *k = s->keys.data + s->occs[c].key + 1;
        const mtl_word *e = mtl_words_find(w, k, strlen(k));
        if (!e || done[e - w->words])
            continue;
        done[e - w->words] = 1;
        const uint32_t *o = mtl_word_occurrences(w, e);
        for (size_t j = 0; j < e->count; j++) {
            const mtl_token *tk = &doc->tokens[o[j]];
            add(s, 'c', e->norm, e->norm_len, tk->start, tk->end, CLOSED,
                (tk->flags & MTL_TF_CAP) != 0);
        }
    }
    free(done);
}

static void scan_variants(scan *s, const table *t)
{
    const mtl_doc *doc = s->doc;
    const mtl_words *w = doc->an->words;
    for (size_t k = 0; t->by_us.n && k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        int form = US;
        long row = lookup(t, e->norm, 0);
        if (row < 0) {
            row = lookup(t, e->norm, 1);
            form = UK;
        }
        if (row < 0)
            continue;
        const mtl_table *tb = form == US ? &t->by_us : &t->by_uk;
        const char *us = mtl_table_field(tb, (size_t)row, 0);
        const uint32_t *o = mtl_word_occurrences(w, e);
        for (size_t j = 0; j < e->count; j++) {
            const mtl_token *tk = &doc->tokens[o[j]];
            add(s, 'v', us, strlen(us), tk->start, tk->end, form,
                (tk->flags & MTL_TF_CAP) != 0);
        }
    }
}

/* "U.S" (the token; its final point is the next token): the letters "us",
 * or 0 if the word is not single letters joined by points. */
static size_t dotted_letters(const char *norm, char *out, size_t cap)
{
    size_t n = 0, i = 0;
    for (; norm[i]; i += 2) {
        if (norm[i] < 'a' || norm[i] > 'z' || n + 1 >= cap)
            return 0;
        out[n++] = norm[i];
        if (norm[i + 1] == '\0')
            break;
        if (norm[i + 1] != '.')
            return 0;
    }
    out[n] = '\0';
    return n >= 2 ? n : 0;
}

static void scan_abbrevs(scan *s)
{
    const mtl_doc *doc = s->doc;
    const mtl_words *w = doc->an->words;
    char key[16];
    for (size_t k = 0; k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        size_t n = dotted_letters(e->norm, key, sizeof key);
        if (!n)
            continue;
        const mtl_word *plain = mtl_words_find(w, key, n);
        const uint32_t *o = mtl_word_occurrences(w, e);
        for (size_t j = 0; j < e->count; j++) {
            const mtl_token *tk = &doc->tokens[o[j]];
            if (!(tk->flags & MTL_TF_ALLCAPS))
                continue;
            size_t end = tk->end;
            if (o[j] + 1 < doc->n_tokens && doc->text[end] == '.' &&
                glued(doc, o[j], o[j] + 1))
                end++;
            add(s, 'a', key, n, tk->start, end, DOTTED, 1);
        }
        /* "US" in capitals only: "us" is a pronoun */
        const uint32_t *po = plain ? mtl_word_occurrences(w, plain) : NULL;
        for (size_t j = 0; plain && j < plain->count; j++) {
            const mtl_token *tk = &doc->tokens[po[j]];
            if (tk->flags & MTL_TF_ALLCAPS)
                add(s, 'a', key, n, tk->start, tk->end, PLAIN, 1);
        }
    }
}

/* ---- grouping and reporting ------------------------------------------ */

static int by_key(const void *a, const void *b, void *keys)
{
    const occ *x = a, *y = b;
    int c = strcmp((const char *)keys + x->key, (const char *)keys + y->key);
    if (c)
        return c;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* A merge sort, because qsort has no context argument in C17. */
static void sort_occs(occ *v, occ *tmp, size_t n, void *keys)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_occs(v, tmp, h, keys);
    sort_occs(v + h, tmp, n - h, keys);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n)
        tmp[o++] = by_key(&v[j], &v[i], keys) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[o++] = v[i++];
    while (j < n)
        tmp[o++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* The majority form's text, as the document writes it at its first
 * occurrence, with the first letter's case made to match `cap`. */
static void majority_text(const mtl_doc *doc, const occ *o, int cap, char *buf,
                          size_t size)
{
    mtl_excerpt(doc, o->start, o->end, buf, size);
    if (o->form == DOTTED || o->form == PLAIN)
        return;
    if (cap && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 32);
    else if (!cap && o->cap && buf[0] >= 'A' && buf[0] <= 'Z' && buf[1] >= 'a')
        buf[0] = (char)(buf[0] + 32);
}

static void report_group(const mtl_doc *doc, const occ *g, size_t n,
                         mtl_emit *out)
{
    size_t count[PLAIN + 1] = {0}, first[PLAIN + 1];
    for (size_t i = 0; i < n; i++)
        if (count[g[i].form]++ == 0)
            first[g[i].form] = i;
    int forms = 0, best = -1;
    for (int f = 0; f <= PLAIN; f++) {
        if (!count[f])
            continue;
        forms++;
        if (best < 0 || count[f] > count[best] ||
            (count[f] == count[best] && first[f] < first[best]))
            best = f;
    }
    if (forms < 2)
        return;
    for (size_t i = 0; i < n; i++) {
        if (g[i].form == best)
            continue;
        char here[96], fix[96];
        mtl_excerpt(doc, g[i].start, g[i].end, here, sizeof here);
        majority_text(doc, &g[first[best]], g[i].cap, fix, sizeof fix);
        const char *sugg = fix;
        mtl_report_fix(out, g[i].start, g[i].end, &sugg, 1,
                       "'%s' (%zu %s) is also written '%s' (%zu %s)", here,
                       count[g[i].form],
                       count[g[i].form] == 1 ? "time" : "times",
                       fix, count[best], count[best] == 1 ? "time" : "times");
    }
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    if (!doc->an->words)
        return 0;
    scan s = {.doc = doc};
    scan_compounds(&s);
    scan_variants(&s, state);
    scan_abbrevs(&s);
    occ *tmp = s.n ? malloc(s.n * sizeof *tmp) : NULL;
    int rc = s.failed || (s.n && !tmp) ? -1 : 0;
    if (rc == 0 && tmp) {
        sort_occs(s.occs, tmp, s.n, s.keys.data);
        for (size_t a = 0, b; a < s.n; a = b) {
            const char *key = s.keys.data + s.occs[a].key;
            b = a + 1;
            while (b < s.n && !strcmp(s.keys.data + s.occs[b].key, key))
                b++;
            if (b - a > 1)
                report_group(doc, s.occs + a, b - a, out);
        }
    }
    free(tmp);
    free(s.occs);
    mtl_sb_free(&s.keys);
    return rc;
}

const mtl_rule mtl_rule_term_inconsistency = {
    .info = {"term-inconsistency",
             "one term written two or more ways in one document", MTL_WARNING},
    .needs = MTL_NEED_WORDS,
    .init = init,
    .fini = fini,
    .check = check,
};
