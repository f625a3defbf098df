/*
 * mt_devset: a development set for the mistranslation rule, made from
 * clean prose: copies of each document with some of its nouns replaced
 * once by a wrong word, and the places written down, in the format of
 * tools/inject.py, so that tools/inject_score.py scores mtlint on it.
 *
 * Two classes of artifact, one class per copy:
 *
 *   key-term  a noun the document uses three times or more (in either
 *             number) replaced once by an unrelated noun: one far from it
 *             in the word vectors (cosine below FAR), in the same number,
 *             that the document does not use, taken from the nouns that
 *             several documents of the corpus use ("the hostages" ->
 *             "the tractors");
 *   pivot     a noun (any number of uses) replaced by a partner that a
 *             FreeDict dictionary gives it (pivots.tsv: the two share a
 *             translation), in the same number, that is a noun, that the
 *             document does not use, and that is not a near-synonym
 *             (cosine below NEAR): "the bank" -> "the bench".
 *
 * At most one artifact goes into a block (paragraph), one per noun in a
 * copy; an "a" or "an" before the noun is made to agree with the new word,
 * as a translation would write it. Each copy is named after its document:
 * news/x.txt gives news/x.key-term-1.txt and so on.
 *
 * gold.jsonl: one line per artifact (file, doc, class, shape, rule, start,
 * end, text, edit, related, fix: the word that was there), manifest.jsonl:
 * one line per copy (file, doc, orig, artifacts). Offsets are bytes.
 *
 * usage: mt_devset [--seed N] [--copies N] [--per-copy N]
 *                  --pivots PIVOTS.tsv --out DIR ROOT
 *
 * ROOT is searched for *.txt; document paths are kept relative to it. The
 * random choices of a document depend only on the seed and its path.
 */
#include "mtlint.h"

#include "base/buf.h"
#include "base/hash.h"
#include "lang/analysis.h"
#include "lang/datapath.h"
#include "lang/nouns.h"
#include "lang/table.h"
#include "lang/tagger.h"
#include "lang/tags.h"
#include "lang/topic.h"
#include "lang/vectors.h"
#include "lang/words.h"
#include "text/doc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TOOL_NAME "mt_devset"
#include "tool.h"
#include "tool_analyses.h"

/* An unrelated noun: cosine with the replaced word below this. Random
 * pairs of common nouns average about 0.15 in GloVe 100d; 0.15 keeps the
 * lower half, nouns with no evident tie to the word. */
#define FAR 0.15f
/* A near-synonym: cosine 0.5 or more (bonds/securities 0.67, city/town
 * 0.83, child/kid 0.55); a pivot partner must stay below. */
#define NEAR 0.5f
/* Replacement nouns: used by this many documents of the corpus, and among
 * the store's commonest words (a translation writes common words). */
#define POOL_DOCS 3
#define POOL_RANK 30000
/* Any replacement, in the number it is written: ranked above this in the
 * store ("magics" 88,221st and "traffics" 80,378th are not written; the
 * plurals a text uses come far earlier). */
#define FORM_RANK 50000

/* --- files --- */

typedef struct paths {
    char **v;
    size_t n, cap;
} paths;

static void walk(const char *root, const char *rel, paths *out)
{
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s%s%s", root, *rel ? "/" : "", rel);
    char *dir = mtl_sb_take(&sb);
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        exit(2);
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        mtl_sb_printf(&sb, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        char *sub = mtl_sb_take(&sb);
        mtl_sb_printf(&sb, "%s/%s", root, sub);
        char *full = mtl_sb_take(&sb);
        struct stat st;
        size_t n = strlen(sub);
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(root, sub, out);
            free(sub);
        } else if (n > 4 && strcmp(sub + n - 4, ".txt") == 0) {
            if (out->n == out->cap)
                out->v = xrealloc(out->v, (out->cap = 2 * out->cap + 64) *
                                              sizeof *out->v);
            out->v[out->n++] = sub;
        } else {
            free(sub);
        }
        free(full);
    }
    closedir(d);
    free(dir);
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void mkdirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                perror(p);
                exit(2);
            }
            *s = '/';
        }
    free(p);
}

/* --- randomness: splitmix64, seeded per document --- */

static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static size_t below(uint64_t *s, size_t n) { return (size_t)(next(s) % n); }

static void shuffle(uint32_t *v, size_t n, uint64_t *s)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = below(s, i);
        uint32_t t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

/* --- the linguistic resources --- */

typedef struct res {
    const mtl_analysis *an[3]; /* words, tags, topic */
    void *shared[3];
    mtl_tagger *tagger; /* its lexicon: is a partner a noun? */
    const mtl_vectors *v;
    mtl_table pivots;
} res;

static void open_res(res *r, const char *pivots)
{
    mtl_options *o = mtl_options_new();
    if (!o)
        die("out of memory");
    unsigned want[3] = {MTL_NEED_WORDS, MTL_NEED_TAGS, MTL_NEED_TOPIC};
    tool_load_analyses(o, want, 3, r->an, r->shared);
    char *path = mtl_data_find(o, "tagger-ewt.bin"), *err = NULL;
    if (!path || !(r->tagger = mtl_tagger_load(path, &err)))
        die("%s", err ? err : "no tagger-ewt.bin");
    free(path);
    mtl_options_free(o);
    if (mtl_table_load(&r->pivots, pivots, 2) != 0 ||
        mtl_table_sort(&r->pivots, 0) != 0) {
        perror(pivots);
        exit(2);
    }
}

static void close_res(res *r)
{
    for (int k = 0; k < 3; k++)
        if (r->an[k]->unload && r->shared[k])
            r->an[k]->unload(r->shared[k]);
    mtl_tagger_free(r->tagger);
    mtl_table_free(&r->pivots);
}

static void analyse(res *r, mtl_doc *doc, mtl_analyses *an)
{
    memset(an, 0, sizeof *an);
    doc->an = an;
    for (int k = 0; k < 3; k++)
        if (r->an[k]->run(doc, r->shared[k]) != 0)
            die("out of memory");
    r->v = mtl_topic_vectors(doc);
    if (!r->v)
        die("no word vectors");
}

static void release(res *r, mtl_doc *doc)
{
    for (int k = 2; k >= 0; k--)
        r->an[k]->release(doc);
}

static uint32_t vec(const res *r, const char *w)
{
    return mtl_vectors_find(r->v, w, strlen(w));
}

static float cosine(const res *r, const char *a, const char *b)
{
    uint32_t x = vec(r, a), y = vec(r, b);
    if (x == MTL_VECTORS_NONE || y == MTL_VECTORS_NONE)
        return 1; /* unknown: never far */
    return mtl_vectors_cosine(r->v, x, y);
}

/* Is w a noun by the tagger's lexicon (its commonest class)? Words the
 * lexicon lacks are taken when ok_unknown. */
static int lexicon_noun(const res *r, const char *w, int ok_unknown)
{
    mtl_tword tw = {.form = w, .lower = w, .form_len = (uint32_t)strlen(w),
                    .lower_len = (uint32_t)strlen(w)};
    mtl_wfeat f;
    mtl_tagger_prepare(&tw, 0, &f);
    uint16_t amb = mtl_tagger_lexicon(r->tagger, &f);
    if (amb == MTL_AMB_UNKNOWN)
        return ok_unknown;
    return (amb & 0x7f) == MTL_TAG_NOUN;
}

static int letters(const char *w)
{
    for (; *w; w++)
        if (!islower((unsigned char)*w))
            return 0;
    return 1;
}

/* Does the document use this noun, in either number, or the word? */
static int doc_uses(const mtl_doc *doc, const char *lemma)
{
    char pl[MTL_NOUN_MAX];
    mtl_noun_plural(lemma, pl);
    return mtl_words_find(doc->an->words, lemma, strlen(lemma)) ||
           mtl_words_find(doc->an->words, pl, strlen(pl));
}

/* --- the pool of replacement nouns --- */

typedef struct pool {
    char (*lemma)[MTL_NOUN_MAX];
    uint32_t *docs;
    size_t n, cap;
    uint32_t *slot; /* open addressing: index + 1, 0 empty */
    size_t n_slots; /* a power of two, at least twice n */
} pool;

static void pool_count(pool *p, const mtl_doc *doc)
{
    const mtl_topic *t = doc->an->topic;
    for (size_t j = 0; j < t->n_nouns; j++) {
        const char *l = t->nouns[j].lemma;
        if (2 * (p->n + 1) > p->n_slots) {
            free(p->slot);
            p->n_slots = p->n_slots ? 2 * p->n_slots : 1 << 16;
            p->slot = xrealloc(NULL, p->n_slots * sizeof *p->slot);
            memset(p->slot, 0, p->n_slots * sizeof *p->slot);
            for (size_t k = 0; k < p->n; k++) {
                size_t h = mtl_fnv32(p->lemma[k], strlen(p->lemma[k]));
                while (p->slot[h & (p->n_slots - 1)])
                    h++;
                p->slot[h & (p->n_slots - 1)] = (uint32_t)k + 1;
            }
        }
        size_t h = mtl_fnv32(l, strlen(l));
        while (p->slot[h & (p->n_slots - 1)] &&
               strcmp(p->lemma[p->slot[h & (p->n_slots - 1)] - 1], l) != 0)
            h++;
        uint32_t *s = &p->slot[h & (p->n_slots - 1)];
        if (!*s) {
            if (p->n == p->cap) {
                p->cap = 2 * p->cap + 1024;
                p->lemma = xrealloc(p->lemma, p->cap * sizeof *p->lemma);
                p->docs = xrealloc(p->docs, p->cap * sizeof *p->docs);
            }
            memcpy(p->lemma[p->n], l, MTL_NOUN_MAX);
            p->docs[p->n++] = 0;
            *s = (uint32_t)p->n;
        }
        p->docs[*s - 1]++;
    }
}

/* Keeps the nouns that several documents use, that the store knows in
 * both numbers among its commonest words, and that the lexicon takes for
 * nouns. */
static void pool_keep(pool *p, const res *r)
{
    size_t m = 0;
    for (size_t k = 0; k < p->n; k++) {
        char pl[MTL_NOUN_MAX];
        mtl_noun_plural(p->lemma[k], pl);
        uint32_t a = vec(r, p->lemma[k]), b = vec(r, pl);
        if (p->docs[k] < POOL_DOCS || strlen(p->lemma[k]) < 4 ||
            a >= POOL_RANK || b >= FORM_RANK ||
            !lexicon_noun(r, p->lemma[k], 0))
            continue;
        memcpy(p->lemma[m], p->lemma[k], MTL_NOUN_MAX);
        p->docs[m++] = p->docs[k];
    }
    p->n = m;
}

/* --- artifacts --- */

typedef struct edit {
    uint32_t start, end; /* the noun in the original */
    uint32_t tok;        /* its token */
    uint32_t art;        /* start of an article to fix, or UINT32_MAX */
    char orig[MTL_NOUN_MAX], repl[MTL_NOUN_MAX];
} edit;

/* The slots: tokens of common nouns, in lower case (or capitalised at a
 * sentence start), not part of a hyphenated compound or a possessive. */
static int slot_ok(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    if (t->kind != MTL_TOK_WORD || mtl_tag_of(doc, i) != MTL_TAG_NOUN ||
        !mtl_topic_noun_of_word(doc, doc->an->words->of_token[i]))
        return 0;
    for (size_t j = i; j + 1 < doc->n_tokens && j <= i + 1; j++) {
        const mtl_token *n = j == i ? (i > 0 ? &doc->tokens[i - 1] : NULL)
                                    : &doc->tokens[i + 1];
        if (n && (n->kind == MTL_TOK_PUNCT || n->kind == MTL_TOK_QUOTE) &&
            strchr("-'/_", doc->text[n->start]))
            return 0;
    }
    const mtl_sentence *s = &doc->sentences[t->sentence];
    size_t words = 0;
    for (size_t j = s->tok_begin; j < s->tok_end; j++)
        words += doc->tokens[j].kind == MTL_TOK_WORD;
    return words >= 6; /* prose, not a heading or a list entry */
}

/* Where an "a" or "an" right before token i starts, or UINT32_MAX. */
static uint32_t article_before(const mtl_doc *doc, size_t i)
{
    size_t j = mtl_doc_skip_space_back(doc, i - 1);
    if (i == 0 || j == SIZE_MAX || doc->tokens[j].kind != MTL_TOK_WORD)
        return UINT32_MAX;
    const char *w = mtl_tok_norm(doc, &doc->tokens[j]);
    return strcmp(w, "a") == 0 || strcmp(w, "an") == 0 ? doc->tokens[j].start
                                                       : UINT32_MAX;
}

typedef struct out {
    FILE *gold, *manifest;
    const char *dir;
    size_t n[2];
} out;

static int by_start(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Writes one damaged copy of the document and its gold lines. */
static void write_copy(out *o, const char *text, size_t len, const char *rel,
                       const char *orig, const char *cls, int copy, edit *e,
                       size_t n)
{
    qsort(e, n, sizeof *e, by_start);
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%.*s.%s-%d.txt", (int)(strlen(rel) - 4), rel, cls,
                  copy);
    char *file = mtl_sb_take(&sb);
    mtl_sb_printf(&sb, "%s/%s", o->dir, file);
    char *path = mtl_sb_take(&sb);
    mtl_sb body = {0};
    size_t at = 0;
    for (size_t k = 0; k < n; k++) {
        size_t from = e[k].art != UINT32_MAX ? e[k].art : e[k].start;
        mtl_sb_add(&body, text + at, from - at);
        size_t edit_start = body.len;
        if (e[k].art != UINT32_MAX) {
            int vowel = strchr("aeiou", e[k].repl[0]) != NULL;
            int cap = isupper((unsigned char)text[e[k].art]);
            mtl_sb_adds(&body, vowel ? (cap ? "An" : "an") : (cap ? "A" : "a"));
            size_t a_end = e[k].art + 1; /* then the space before the noun */
            while (a_end < e[k].start && isalpha((unsigned char)text[a_end]))
                a_end++;
            mtl_sb_add(&body, text + a_end, e[k].start - a_end);
        }
        size_t start = body.len;
        char w[MTL_NOUN_MAX];
        snprintf(w, sizeof w, "%s", e[k].repl);
        if (isupper((unsigned char)text[e[k].start]))
            w[0] = (char)toupper((unsigned char)w[0]);
        mtl_sb_adds(&body, w);
        at = e[k].end;
        fputs("{\"file\": ", o->gold);
        json_str(o->gold, file, strlen(file));
        fputs(", \"doc\": ", o->gold);
        json_str(o->gold, rel, strlen(rel));
        fprintf(o->gold,
                ", \"class\": \"%s\", \"shape\": \"%s\", \"rule\": "
                "\"mistranslation\", \"start\": %zu, \"end\": %zu, "
                "\"text\": \"%s\", \"edit\": {\"orig_start\": %zu, "
                "\"orig_end\": %u, \"start\": %zu, \"end\": %zu}, "
                "\"related\": [], \"fix\": \"%s\"}\n",
                cls, cls, start, body.len, w, from, e[k].end, edit_start,
                body.len, e[k].orig);
    }
    mtl_sb_add(&body, text + at, len - at);
    if (body.failed || !file || !path)
        die("out of memory");
    mkdirs(path);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(body.data, 1, body.len, f) != body.len || fclose(f)) {
        perror(path);
        exit(2);
    }
    fputs("{\"file\": ", o->manifest);
    json_str(o->manifest, file, strlen(file));
    fputs(", \"doc\": ", o->manifest);
    json_str(o->manifest, rel, strlen(rel));
    fputs(", \"orig\": ", o->manifest);
    json_str(o->manifest, orig, strlen(orig));
    fprintf(o->manifest, ", \"artifacts\": %zu}\n", n);
    free(path);
    free(file);
    mtl_sb_free(&body);
}

/* A replacement for the noun at token i, in its number, or 0. */
static int key_term_repl(const res *r, const mtl_doc *doc, const pool *pl,
                         size_t i, uint64_t *rng, const edit *taken,
                         size_t n_taken, char out_repl[MTL_NOUN_MAX])
{
    const char *w = mtl_tok_norm(doc, &doc->tokens[i]);
    int plural = mtl_noun_is_plural(w);
    for (int tries = 0; tries < 200; tries++) {
        const char *l = pl->lemma[below(rng, pl->n)];
        char form[MTL_NOUN_MAX];
        if (plural)
            mtl_noun_plural(l, form);
        else
            snprintf(form, sizeof form, "%s", l);
        int dup = 0;
        for (size_t k = 0; k < n_taken; k++)
            dup |= strcmp(taken[k].repl, form) == 0;
        if (dup || doc_uses(doc, l) || cosine(r, w, form) >= FAR)
            continue;
        memcpy(out_repl, form, MTL_NOUN_MAX);
        return 1;
    }
    return 0;
}

static int pivot_repl(const res *r, const mtl_doc *doc, size_t i,
                      uint64_t *rng, const edit *taken, size_t n_taken,
                      char out_repl[MTL_NOUN_MAX])
{
    const char *w = mtl_tok_norm(doc, &doc->tokens[i]);
    char lemma[MTL_NOUN_MAX];
    mtl_noun_singular(w, lemma);
    int plural = strcmp(lemma, w) != 0;
    size_t first, end = mtl_table_find(&r->pivots, 0, lemma, &first);
    char ok[64][MTL_NOUN_MAX];
    size_t n = 0;
    for (size_t k = first; k < end && n < 64; k++) {
        const char *p = mtl_table_field(&r->pivots, k, 1);
        char form[MTL_NOUN_MAX];
        if (strlen(p) < 3 || strlen(p) + 4 >= MTL_NOUN_MAX || !letters(p) ||
            strncmp(p, lemma, 4) == 0 || doc_uses(doc, p))
            continue;
        if (plural)
            mtl_noun_plural(p, form);
        else
            snprintf(form, sizeof form, "%s", p);
        int dup = 0;
        for (size_t j = 0; j < n; j++)
            dup |= strcmp(ok[j], form) == 0;
        for (size_t j = 0; j < n_taken; j++)
            dup |= strcmp(taken[j].repl, form) == 0;
        /* a noun by the lexicon, known to the vectors in this number, and
         * not a near-synonym */
        if (dup || !lexicon_noun(r, p, 0) || vec(r, form) >= FORM_RANK ||
            cosine(r, w, form) >= NEAR)
            continue;
        memcpy(ok[n++], form, MTL_NOUN_MAX);
    }
    if (!n)
        return 0;
    memcpy(out_repl, ok[below(rng, n)], MTL_NOUN_MAX);
    return 1;
}

enum { KEY_TERM, PIVOT };
static const char *const class_name[] = {"key-term", "pivot"};

/* Damaged copies of one document, of one class. */
static void make_copies(out *o, const res *r, const pool *pl,
                        const mtl_doc *doc, const char *text, size_t len,
                        const char *rel, const char *orig, int cls,
                        int copies, int per_copy, uint64_t *rng)
{
    /* candidate slots, shuffled; each copy takes the first that fit */
    uint32_t *slots = xrealloc(NULL, (doc->n_tokens + 1) * sizeof *slots);
    size_t n = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        if (!slot_ok(doc, i))
            continue;
        const mtl_topic_noun *nn =
            mtl_topic_noun_of_word(doc, doc->an->words->of_token[i]);
        if (cls == KEY_TERM && nn->uses < 3)
            continue;
        slots[n++] = (uint32_t)i;
    }
    shuffle(slots, n, rng);
    /* nouns already used by an earlier copy wait for the others */
    char (*done)[MTL_NOUN_MAX] = xrealloc(NULL, (n + 1) * MTL_NOUN_MAX);
    size_t n_done = 0;
    for (int c = 1; c <= copies; c++) {
        edit e[64];
        size_t k = 0;
        for (int pass = 0; pass < 2 && k < (size_t)per_copy; pass++)
            for (size_t s = 0; s < n && k < (size_t)per_copy; s++) {
                size_t i = slots[s];
                const mtl_token *t = &doc->tokens[i];
                char lemma[MTL_NOUN_MAX];
                mtl_noun_singular(mtl_tok_norm(doc, t), lemma);
                int clash = 0;
                for (size_t j = 0; j < k; j++) {
                    char l2[MTL_NOUN_MAX];
                    mtl_noun_singular(e[j].orig, l2);
                    clash |= strcmp(l2, lemma) == 0 ||
                             doc->sentences[t->sentence].block ==
                                 doc->sentences[doc->tokens[e[j].tok].sentence]
                                     .block;
                }
                int was_done = 0;
                for (size_t j = 0; j < n_done; j++)
                    was_done |= strcmp(done[j], lemma) == 0;
                if (clash || (pass == 0 && was_done))
                    continue;
                char repl[MTL_NOUN_MAX];
                if (!(cls == KEY_TERM
                          ? key_term_repl(r, doc, pl, i, rng, e, k, repl)
                          : pivot_repl(r, doc, i, rng, e, k, repl)))
                    continue;
                edit *x = &e[k++];
                x->start = t->start;
                x->end = t->end;
                x->tok = (uint32_t)i;
                x->art = article_before(doc, i);
                snprintf(x->orig, sizeof x->orig, "%s", mtl_tok_norm(doc, t));
                memcpy(x->repl, repl, MTL_NOUN_MAX);
                if (!was_done)
                    memcpy(done[n_done++], lemma, MTL_NOUN_MAX);
            }
        if (!k)
            break;
        write_copy(o, text, len, rel, orig, class_name[cls], c, e, k);
        o->n[cls] += k;
    }
    free(done);
    free(slots);
}

int main(int argc, char **argv)
{
    unsigned long seed = 1;
    int copies = 2, per_copy = 3;
    const char *pivots = NULL, *dir = NULL, *root = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--copies") == 0 && i + 1 < argc)
            copies = atoi(argv[++i]);
        else if (strcmp(argv[i], "--per-copy") == 0 && i + 1 < argc)
            per_copy = atoi(argv[++i]);
        else if (strcmp(argv[i], "--pivots") == 0 && i + 1 < argc)
            pivots = argv[++i];
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (argv[i][0] != '-' && !root)
            root = argv[i];
        else
            die("usage: mt_devset [--seed N] [--copies N] [--per-copy N] "
                "--pivots PIVOTS.tsv --out DIR ROOT");
    }
    if (!pivots || !dir || !root || copies < 1 || per_copy < 1 ||
        per_copy > 64)
        die("usage: mt_devset [--seed N] [--copies N] [--per-copy N] "
            "--pivots PIVOTS.tsv --out DIR ROOT");
    paths docs = {0};
    walk(root, "", &docs);
    qsort(docs.v, docs.n, sizeof *docs.v, by_str);
    res r = {0};
    open_res(&r, pivots);

    /* first pass: the nouns of the corpus, for replacements */
    pool pl = {0};
    for (size_t d = 0; d < docs.n; d++) {
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "%s/%s", root, docs.v[d]);
        char *path = mtl_sb_take(&sb);
        size_t len;
        char *text = slurp(path, &len);
        mtl_doc doc;
        mtl_analyses an;
        if (mtl_doc_build(&doc, text, len, docs.v[d]) != 0)
            die("cannot segment");
        analyse(&r, &doc, &an);
        pool_count(&pl, &doc);
        release(&r, &doc);
        mtl_doc_free(&doc);
        free(text);
        free(path);
    }
    pool_keep(&pl, &r);
    if (pl.n < 100)
        die("too few nouns for replacements");

    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s/gold.jsonl", dir);
    char *gp = mtl_sb_take(&sb);
    mtl_sb_printf(&sb, "%s/manifest.jsonl", dir);
    char *mp = mtl_sb_take(&sb);
    mkdirs(gp);
    out o = {.gold = fopen(gp, "w"), .manifest = fopen(mp, "w"), .dir = dir};
    if (!o.gold || !o.manifest)
        die("cannot write the output");
    char absroot[4096];
    if (!realpath(root, absroot))
        die("cannot resolve the corpus root");
    for (size_t d = 0; d < docs.n; d++) {
        mtl_sb_printf(&sb, "%s/%s", absroot, docs.v[d]);
        char *path = mtl_sb_take(&sb);
        size_t len;
        char *text = slurp(path, &len);
        mtl_doc doc;
        mtl_analyses an;
        if (mtl_doc_build(&doc, text, len, docs.v[d]) != 0)
            die("cannot segment");
        analyse(&r, &doc, &an);
        for (int cls = 0; cls < 2; cls++) {
            uint64_t rng = mtl_fnv64(MTL_FNV64_INIT + seed * 2 + (uint64_t)cls,
                                     docs.v[d], strlen(docs.v[d]));
            make_copies(&o, &r, &pl, &doc, text, len, docs.v[d], path, cls,
                        copies, per_copy, &rng);
        }
        release(&r, &doc);
        mtl_doc_free(&doc);
        free(text);
        free(path);
    }
    fclose(o.gold);
    fclose(o.manifest);
    fprintf(stderr,
            "mt_devset: %zu key-term and %zu pivot artifacts in %zu "
            "documents (%zu replacement nouns) -> %s\n",
            o.n[KEY_TERM], o.n[PIVOT], docs.n, pl.n, dir);
    for (size_t d = 0; d < docs.n; d++)
        free(docs.v[d]);
    free(docs.v);
    free(pl.lemma);
    free(pl.docs);
    free(pl.slot);
    free(gp);
    free(mp);
    close_res(&r);
    return 0;
}
