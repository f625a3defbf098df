/*
 * mt_testset: builds a test set for the mistranslation rule from clean
 * prose and measures the rule on it.
 *
 * The prose is cut into article-sized documents (paragraphs up to about
 * --words words). In each document every key term (a noun-like word used
 * three times or more, always in lower case, seen after a determiner, not
 * in a short list of adjectives that are) gives damaged copies, each with
 * its second occurrence replaced by
 *   - a pivot partner: the shortest word that shares a translation with
 *     it in the tables (confusions.tsv, pivots.tsv), inflected to the same
 *     number;
 *   - an unrelated noun of the same number from a fixed list.
 * Each copy is linted with only the mistranslation rule on. A hit is a
 * finding on the replaced word whose first suggestion is the original word.
 * The clean documents are linted too: every finding there is a false
 * positive.
 *

 * --clean lints the clean documents only.
 *
 * usage: mt_testset [--words N] [--max N] [--clean] TABLE.tsv... --
 PROSE.txt...
 */
#include "mtlint.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOOL_NAME "mt_testset"
#include "../tools/tool.h"

#define MAX_WORD 40

static const char *const unrelated[] = {
    "banana",  "umbrella", "guitar", "carpet", "volcano", "penguin", "sandwich",
    "bicycle", "tomato",   "pillow", "kettle", "violin",  "ladder",  "mushroom",
    "helmet",  "lobster",  "candle", "saddle", "blanket", "onion",
};

static const char *const determiners[] = {
    "the",   "a",   "an",  "this", "these", "those", "their",
    "its",   "his", "her", "our",  "your",  "my",    "each",
    "every", "any", "no",  "some", NULL};

/* Words often seen after a determiner that are not nouns. */
static const char *const not_nouns[] = {
    "other",  "others", "such",     "same", "various",   "most",
    "more",   "only",   "first",    "last", "following", "above",
    "entire", "whole",  "very",     "many", "several",   "latter",
    "former", "next",   "previous", "said", NULL};

static int in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0)
            return 1;
    return 0;
}

typedef struct pairs {
    char **a, **b;
    size_t n, cap;
} pairs;

static void add_pair(pairs *p, const char *a, const char *b)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 1024;
        p->a = xrealloc(p->a, p->cap * sizeof *p->a);
        p->b = xrealloc(p->b, p->cap * sizeof *p->b);
    }
    p->a[p->n] = xstrdup(a);
    p->b[p->n++] = xstrdup(b);
}

/* word<TAB>partner<TAB>...: pairs both ways (hand lines are one way, but a
 * test of the other direction does no harm). */
static void read_table(pairs *p, const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2)
            continue;
        *t1 = *t2 = '\0';
        add_pair(p, line, t1 + 1);
        add_pair(p, t1 + 1, line);
    }
    free(text);
}

static int by_first(const void *x, const void *y)
{
    return strcmp(**(char *const *const *)x, **(char *const *const *)y);
}

/* Sorts the pairs by their first word (keeping the two arrays aligned). */
static void sort_pairs(pairs *p)
{
    char ***idx = xrealloc(NULL, p->n * sizeof *idx);
    for (size_t k = 0; k < p->n; k++)
        idx[k] = &p->a[k];
    qsort(idx, p->n, sizeof *idx, by_first);
    char **a = xrealloc(NULL, p->n * sizeof *a),
         **b = xrealloc(NULL, p->n * sizeof *b);
    for (size_t k = 0; k < p->n; k++) {
        size_t at = (size_t)(idx[k] - p->a);
        a[k] = p->a[at];
        b[k] = p->b[at];
    }
    free(idx);
    free(p->a);
    free(p->b);
    p->a = a;
    p->b = b;
}

/* The shortest partner of w in the sorted pairs (short words are the
 * common ones, which a translation would produce), or NULL. */
static const char *partner_of(const pairs *p, const char *w)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(p->a[mid], w) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const char *best = NULL;
    for (; lo < p->n && strcmp(p->a[lo], w) == 0; lo++)
        if (!best || strlen(p->b[lo]) < strlen(best))
            best = p->b[lo];
    return best;
}

static int ends(const char *w, const char *s)
{
    size_t n = strlen(w), k = strlen(s);
    return n >= k && strcmp(w + n - k, s) == 0;
}

static void plural(const char *w, char *out)
{
    size_t n = strlen(w);
    if (n > 1 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
        snprintf(out, MAX_WORD, "%.*sies", (int)(n - 1), w);
    else if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") ||
             ends(w, "sh"))
        snprintf(out, MAX_WORD, "%ses", w);
    else
        snprintf(out, MAX_WORD, "%ss", w);
}

/* The singular if w looks plural, else w. */
static void singular(const char *w, char *out)
{
    size_t n = strlen(w);
    snprintf(out, MAX_WORD, "%s", w);
    if (n < 4 || w[n - 1] != 's' || ends(w, "ss") || ends(w, "us") ||
        ends(w, "is"))
        return;
    if (ends(w, "ies"))
        snprintf(out, MAX_WORD, "%.*sy", (int)(n - 3), w);
    else if (ends(w, "sses") || ends(w, "shes") || ends(w, "ches") ||
             ends(w, "xes") || ends(w, "zes"))
        out[n - 2] = '\0';
    else
        out[n - 1] = '\0';
}

/* A word of the text: [start, end) bytes, lower-cased copy. */
typedef struct word {
    size_t start, end;
    char low[MAX_WORD];
    int upper; /* has an upper-case letter */
} word;

static size_t split_words(const char *t, size_t n, word **out)
{
    size_t cnt = 0, cap = 0;
    word *w = NULL;
    for (size_t i = 0; i < n;) {
        if (!isalpha((unsigned char)t[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && isalpha((unsigned char)t[j]))
            j++;
        /* glued to a hyphen, apostrophe or digit: not a free word */
        int glued = (i > 0 && strchr("-'_/0123456789", t[i - 1])) ||
                    (j < n && strchr("-'_/0123456789", t[j]));
        if (cnt == cap)
            w = xrealloc(w, (cap = cap ? 2 * cap : 256) * sizeof *w);
        word *e = &w[cnt++];
        e->start = i;
        e->end = j;
        e->upper = glued;
        size_t k = 0;
        for (size_t p = i; p < j && k + 1 < MAX_WORD; p++) {
            e->upper |= isupper((unsigned char)t[p]) != 0;
            e->low[k++] = (char)tolower((unsigned char)t[p]);
        }
        e->low[k] = '\0';
        i = j;
    }
    *out = w;
    return cnt;
}

typedef struct stats {
    size_t docs, words, clean_findings;
    size_t cases[2], hits[2], right[2], other[2];
} stats;

static size_t lint_count(const mtl_linter *l, const char *text, size_t len,
                         size_t at, size_t at_end, const char *want, int *hit,
                         int *right)
{
    mtl_result *r = NULL;
    if (mtl_lint(l, text, len, "doc.txt", &r) != 0) {
        fputs("mt_testset: lint failed\n", stderr);
        exit(2);
    }
    size_t other = 0;
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        if (f->offset < at_end && at < f->offset + f->length) {
            *hit = 1;
            *right =
                f->n_suggestions > 0 && strcmp(f->suggestions[0], want) == 0;
        } else {
            other++;
            fprintf(stderr, "  finding: %.*s: %s\n", (int)f->length,
                    text + f->offset, f->message);
        }
    }
    mtl_result_free(r);
    return other;
}

/* Lints the document text[0, n) clean and with each damage. */
static void run_doc(const mtl_linter *l, const pairs *p, const char *text,
                    size_t n, size_t *rot, stats *st)
{
    word *w;
    size_t nw = split_words(text, n, &w);
    st->docs++;
    st->words += nw;
    int h = 0, r = 0;
    st->clean_findings += lint_count(l, text, n, n, n, "", &h, &r);
    if (!p) {
        free(w);
        return;
    }
    char *buf = xrealloc(NULL, n + 2 * MAX_WORD);
    /* key terms, by singular */
    char done[64][MAX_WORD];
    size_t n_done = 0;
    for (size_t i = 0; i < nw && n_done < 64; i++) {
        char lem[MAX_WORD], pl[MAX_WORD];
        singular(w[i].low, lem);
        plural(lem, pl);
        if (strlen(lem) < 4)
            continue;
        int seen = 0;
        for (size_t k = 0; k < n_done && !seen; k++)
            seen = strcmp(done[k], lem) == 0;
        if (seen)
            continue;
        size_t uses = 0, after_det = 0, capital = 0, first = SIZE_MAX;
        for (size_t k = 0; k < nw; k++) {
            if (strcmp(w[k].low, lem) != 0 && strcmp(w[k].low, pl) != 0)
                continue;
            uses++;
            capital += (size_t)w[k].upper;
            if (k > 0)
                for (size_t d = 0; determiners[d]; d++)
                    after_det += strcmp(w[k - 1].low, determiners[d]) == 0;
            /* replace a middle occurrence, not the first mention */
            if (uses == 2)
                first = k;
        }
        snprintf(done[n_done++], MAX_WORD, "%s", lem);
        /* a noun is seen after a determiner ("the other" is not one) */
        if (uses < 3 || capital || !after_det || first == SIZE_MAX ||
            in_list(not_nouns, lem))
            continue;
        int is_pl = strcmp(w[first].low, lem) != 0;
        /* one damage of each kind per key term */
        for (int kind = 0; kind < 2; kind++) {
            char repl[MAX_WORD] = "";
            if (kind == 0) {
                const char *partner = partner_of(p, lem);
                if (partner)
                    snprintf(repl, sizeof repl, "%s", partner);
            } else {
                snprintf(repl, sizeof repl, "%s",
                         unrelated[(*rot)++ %
                                   (sizeof unrelated / sizeof *unrelated)]);
            }
            if (!repl[0])
                continue;
            char form[MAX_WORD];
            if (is_pl)
                plural(repl, form);
            else
                snprintf(form, sizeof form, "%s", repl);
            size_t a = w[first].start, b = w[first].end, fl = strlen(form);
            memcpy(buf, text, a);
            memcpy(buf + a, form, fl);
            memcpy(buf + a + fl, text + b, n - b);
            size_t m = n - (b - a) + fl;
            h = r = 0;
            st->other[kind] +=
                lint_count(l, buf, m, a, a + fl, w[first].low, &h, &r);
            st->cases[kind]++;
            st->hits[kind] += (size_t)h;
            st->right[kind] += (size_t)r;
            if (getenv("MT_TESTSET_VERBOSE"))
                fprintf(stderr, "%s %s -> %s: %s\n",
                        kind ? "unrelated" : "pivot", w[first].low, form,
                        h ? (r ? "found" : "found, wrong fix") : "missed");
        }
    }
    free(buf);
    free(w);
}

int main(int argc, char **argv)
{
    size_t words_per_doc = 1000, max_docs = SIZE_MAX;
    int clean_only = 0;
    pairs p = {0};
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (!strcmp(argv[i], "--words") && i + 1 < argc)
            words_per_doc = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--clean"))
            clean_only = 1;
        else if (!strcmp(argv[i], "--max") && i + 1 < argc)
            max_docs = (size_t)atol(argv[++i]);
        else
            read_table(&p, argv[i]);
    }
    if (i >= argc) {
        fputs(
            "usage: mt_testset [--words N] [--max N] [--clean] TABLE.tsv... -- "
            "PROSE.txt...\n",
            stderr);
        return 2;
    }
    sort_pairs(&p);
    mtl_options *o = mtl_options_new();
    for (size_t r = 0; r < mtl_rule_count(); r++)
        mtl_options_set_severity(o, mtl_rule_at(r)->id, MTL_OFF);
    mtl_options_set_severity(o, "mistranslation", MTL_WARNING);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    if (!l) {
        fprintf(stderr, "mt_testset: %s\n", err ? err : "no linter");
        free(err);
        return 2;
    }
    for (const char *const *nt = mtl_linter_notices(l); nt && *nt; nt++)
        fprintf(stderr, "mt_testset: %s\n", *nt);
    stats st = {0};
    size_t rot = 0;
    for (i++; i < argc && st.docs < max_docs; i++) {
        size_t len;
        char *text = slurp(argv[i], &len);
        /* documents: whole paragraphs up to about words_per_doc words */
        size_t start = 0, words = 0;
        for (size_t k = 0; k <= len && st.docs < max_docs; k++) {
            int para_end = k == len || (text[k] == '\n' && k + 1 < len &&
                                        text[k + 1] == '\n');
            if (k < len && isspace((unsigned char)text[k]) && k > 0 &&
                !isspace((unsigned char)text[k - 1]))
                words++;
            if (para_end && (words >= words_per_doc || k == len) && k > start) {
                run_doc(l, clean_only ? NULL : &p, text + start, k - start,
                        &rot, &st);
                start = k;
                words = 0;
            }
        }
        free(text);
    }
    mtl_linter_free(l);
    for (size_t k = 0; k < p.n; k++) {
        free(p.a[k]);
        free(p.b[k]);
    }
    free(p.a);
    free(p.b);
    printf("clean: %zu documents, %zu words, %zu findings (%.2f per 10,000 "
           "words)\n",
           st.docs, st.words, st.clean_findings,
           st.words ? 1e4 * (double)st.clean_findings / (double)st.words : 0.0);
    static const char *const names[2] = {"pivot partner", "unrelated noun"};
    for (int kind = 0; kind < 2; kind++) {
        size_t found = st.hits[kind], all = found + st.other[kind];
        printf(
            "%s: %zu cases, recall %.1f%% (%zu found, %zu with the right fix), "
            "precision %.1f%% (%zu other findings)\n",
            names[kind], st.cases[kind],
            st.cases[kind] ? 100.0 * (double)found / (double)st.cases[kind]
                           : 0.0,
            found, st.right[kind],
            all ? 100.0 * (double)found / (double)all : 0.0, st.other[kind]);
    }
    return 0;
}
