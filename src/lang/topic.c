/* The "topic" analysis (topic.h): a document's nouns and topic vector. */
#include "lang/topic.h"

#include "base/buf.h"
#include "lang/tags.h"
#include "lang/vectors_format.h"
#include "lang/words.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The centre: the mean unit vector of this many commonest words. With
 * GloVe every raw vector leans the same way, so that a plain cosine with a
 * topic grows with a word's commonness; taking the mean of the commonest
 * 20,000 out (about a fifth of the store, every word a news text uses
 * without thinking) made the fit of a key term and of an unrelated noun
 * depend on meaning, not rarity, on the reference article. */
#define CENTRE_WORDS 20000

/* Smooth inverse frequency: a word of probability p weighs a / (a + p).
 * p is estimated from the store's order (most frequent first) by Zipf's
 * law; with a = 1e-4 "the" weighs 0.001, a word ranked 1,000th 0.6 and one
 * ranked 10,000th 0.9: the words that carry a topic are the rarer ones. */
#define SIF_A 1e-4
/* Zipf's law p(rank) = 1 / (rank * H), H the harmonic number of the
 * source's 400,000 words. */
#define ZIPF_H 13.5

struct mtl_topic_model {
    mtl_vectors *v; /* NULL: no store */
    uint32_t dims;
    float *centre;
};

static void unload(void *shared)
{
    mtl_topic_model *m = shared;
    if (!m)
        return;
    mtl_vectors_close(m->v);
    free(m->centre);
    free(m);
}

static int load(const mtl_options *opts, void **shared, char **notice,
                char **error)
{
    *shared = NULL;
    mtl_topic_model *m = calloc(1, sizeof *m);
    if (!m) {
        *error = strdup("out of memory");
        return -1;
    }
    if (mtl_vectors_load(opts, &m->v, error) != 0) {
        if (!*error)
            *error = strdup("out of memory");
        free(m);
        return -1;
    }
    if (!m->v) {
        /* the nouns are still counted; fits are NAN */
        *notice = strdup("word vectors " MTL_VECTORS_STORE " not found: rules "
                         "that weigh a document's topic have less evidence");
        *shared = m;
        return 0;
    }
    m->dims = mtl_vectors_dims(m->v);
    m->centre = calloc(m->dims, sizeof *m->centre);
    if (!m->centre) {
        unload(m);
        *error = strdup("out of memory");
        return -1;
    }
    uint32_t n = mtl_vectors_count(m->v);
    if (n > CENTRE_WORDS)
        n = CENTRE_WORDS;
    for (uint32_t id = 0; id < n; id++)
        mtl_vectors_add(m->v, id, 1.0f / (float)n, m->centre);
    *shared = m;
    return 0;
}

static const char *describe(const void *shared)
{
    const mtl_topic_model *m = shared;
    return m && m->v ? mtl_vectors_describe(m->v) : NULL;
}

static void release(mtl_doc *doc)
{
    mtl_topic *t = doc->an->topic;
    if (!t)
        return;
    free(t->nouns);
    free(t->by_lemma);
    free(t->noun_of_word);
    free(t->weight);
    free(t->vec);
    free(t->content);
    free(t->content_vec);
    free(t);
    doc->an->topic = NULL;
}

int mtl_common_noun(const mtl_doc *doc, const mtl_word *w)
{
    if (w->norm_len < 3 || w->norm_len >= MTL_NOUN_MAX)
        return 0;
    for (uint32_t i = 0; i < w->norm_len; i++)
        if (!islower((unsigned char)w->norm[i]))
            return 0;
    const uint32_t *occ = mtl_word_occurrences(doc->an->words, w);
    uint32_t nouns = 0;
    for (uint32_t k = 0; k < w->count; k++) {
        const mtl_token *t = &doc->tokens[occ[k]];
        if ((t->flags & MTL_TF_CAP) && !(t->flags & MTL_TF_SENT_START))
            return 0;
        nouns += mtl_tag_of(doc, occ[k]) == MTL_TAG_NOUN;
    }
    return 2 * nouns > w->count;
}

/* A noun while the nouns are counted: its place in lemma order, and its
 * first word-table entry (the order of first occurrence). */
typedef struct ranked {
    mtl_topic_noun noun;
    uint32_t first, pos;
} ranked;

static int by_lemma(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    int c = strcmp(x->noun.lemma, y->noun.lemma);
    return c ? c : (x->first > y->first) - (x->first < y->first);
}

static int by_uses(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->noun.uses != y->noun.uses)
        return x->noun.uses < y->noun.uses ? 1 : -1;
    return (x->first > y->first) - (x->first < y->first);
}

static const mtl_topic_noun *find_noun(const mtl_topic *t, const char *lemma)
{
    size_t lo = 0, hi = t->n_nouns;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(t->nouns[t->by_lemma[mid]].lemma, lemma);
        if (c == 0)
            return &t->nouns[t->by_lemma[mid]];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The document's common nouns, grouped by singular: every common noun of
 * the word table sorted by singular, runs of one singular merged. */
static int count_nouns(const mtl_doc *doc, mtl_topic *t)
{
    const mtl_words *w = doc->an->words;
    ranked *r = NULL;
    size_t n = 0, cap = 0;
    for (size_t k = 0; k < w->n_words; k++) {
        if (!mtl_common_noun(doc, &w->words[k]))
            continue;
        ranked x = {.first = (uint32_t)k};
        mtl_noun_singular(w->words[k].norm, x.noun.lemma);
        if (MTL_PUSH(r, n, cap, x) != 0) {
            free(r);
            return -1;
        }
    }
    if (n)
        qsort(r, n, sizeof *r, by_lemma);
    size_t m = 0;
    for (size_t j = 0; j < n; j++)
        if (m == 0 || strcmp(r[m - 1].noun.lemma, r[j].noun.lemma) != 0)
            r[m++] = r[j];
    n = m;
    /* uses in both numbers, whether or not the other form is a noun here;
     * blocks from the two forms' occurrences merged in text order */
    for (size_t j = 0; j < n; j++) {
        r[j].pos = (uint32_t)j;
        char pl[MTL_NOUN_MAX];
        mtl_noun_plural(r[j].noun.lemma, pl);
        const mtl_word *a = mtl_words_find(w, r[j].noun.lemma,
                                           strlen(r[j].noun.lemma));
        const mtl_word *b = mtl_words_find(w, pl, strlen(pl));
        uint32_t na = a ? a->count : 0, nb = b ? b->count : 0;
        const uint32_t *oa = a ? mtl_word_occurrences(w, a) : NULL;
        const uint32_t *ob = b ? mtl_word_occurrences(w, b) : NULL;
        r[j].noun.uses = na + nb;
        r[j].noun.plural = nb;
        uint32_t last = UINT32_MAX;
        for (uint32_t ia = 0, ib = 0; ia < na || ib < nb;) {
            uint32_t tok = ib == nb || (ia < na && oa[ia] < ob[ib]) ? oa[ia++]
                                                                    : ob[ib++];
            uint32_t blk = doc->sentences[doc->tokens[tok].sentence].block;
            r[j].noun.blocks += blk != last;
            last = blk;
        }
    }
    if (n)
        qsort(r, n, sizeof *r, by_uses);
    t->nouns = malloc((n + 1) * sizeof *t->nouns);
    t->by_lemma = malloc((n + 1) * sizeof *t->by_lemma);
    t->noun_of_word = malloc((w->n_words + 1) * sizeof *t->noun_of_word);
    if (!t->nouns || !t->by_lemma || !t->noun_of_word) {
        free(r);
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        t->nouns[j] = r[j].noun;
        t->by_lemma[r[j].pos] = (uint32_t)j;
    }
    t->n_nouns = n;
    free(r);
    for (size_t k = 0; k < w->n_words; k++) {
        t->noun_of_word[k] = MTL_NO_WORD;
        if (!mtl_common_noun(doc, &w->words[k]))
            continue;
        char lemma[MTL_NOUN_MAX];
        mtl_noun_singular(w->words[k].norm, lemma);
        const mtl_topic_noun *nn = find_noun(t, lemma);
        if (nn)
            t->noun_of_word[k] = (uint32_t)(nn - t->nouns);
    }
    return 0;
}

/* u (a unit vector) less the centre, into out. */
static void centred(const mtl_topic_model *m, uint32_t id, float *out)
{
    mtl_vectors_get(m->v, id, out);
    for (uint32_t i = 0; i < m->dims; i++)
        out[i] -= m->centre[i];
}

static float sif(uint32_t id)
{
    double p = 1.0 / ((double)(id + 1) * ZIPF_H);
    return (float)(SIF_A / (SIF_A + p));
}

static int content_tag(int tag)
{
    return tag == MTL_TAG_NOUN || tag == MTL_TAG_PROPN ||
           tag == MTL_TAG_ADJ || mtl_tag_is_verb(tag);
}

static int topic_vector(const mtl_doc *doc, mtl_topic *t)
{
    const mtl_topic_model *m = t->model;
    const mtl_words *w = doc->an->words;
    t->weight = calloc(w->n_words + 1, sizeof *t->weight);
    if (!t->weight)
        return -1;
    if (!m->v)
        return 0;
    t->vec = calloc(m->dims, sizeof *t->vec);
    if (!t->vec)
        return -1;
    float c[MTL_VECTORS_MAX_DIMS];
    for (size_t k = 0; k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        if (e->norm_len < 3)
            continue;
        const uint32_t *occ = mtl_word_occurrences(w, e);
        uint32_t uses = 0;
        for (uint32_t j = 0; j < e->count; j++)
            uses += content_tag(mtl_tag_of(doc, occ[j]));
        if (!uses)
            continue;
        uint32_t id = mtl_vectors_find(m->v, e->norm, e->norm_len);
        if (id == MTL_VECTORS_NONE)
            continue;
        float wt = sif(id) * (float)uses;
        t->weight[k] = wt;
        centred(m, id, c);
        for (uint32_t i = 0; i < m->dims; i++)
            t->vec[i] += wt * c[i];
        t->n_content++;
    }
    t->content = malloc((t->n_content + 1) * sizeof *t->content);
    t->content_vec = malloc((t->n_content * m->dims + 1) * sizeof(float));
    if (!t->content || !t->content_vec)
        return -1;
    size_t j = 0;
    for (size_t k = 0; k < w->n_words && j < t->n_content; k++) {
        if (t->weight[k] == 0)
            continue;
        const mtl_word *e = &w->words[k];
        uint32_t id = mtl_vectors_find(m->v, e->norm, e->norm_len);
        float *cv = t->content_vec + j * m->dims;
        centred(m, id, cv);
        double nn = 0;
        for (uint32_t i = 0; i < m->dims; i++)
            nn += (double)cv[i] * cv[i];
        float inv = nn > 0 ? (float)(1 / sqrt(nn)) : 0;
        for (uint32_t i = 0; i < m->dims; i++)
            cv[i] *= inv;
        t->content[j++] = (uint32_t)k;
    }
    return 0;
}

static int run(mtl_doc *doc, const void *shared)
{
    if (!doc->an->words || !doc->an->tags)
        return 0;
    mtl_topic *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    doc->an->topic = t;
    t->model = shared;
    if (count_nouns(doc, t) != 0 || topic_vector(doc, t) != 0)
        return -1;
    return 0;
}

const mtl_vectors *mtl_topic_vectors(const mtl_doc *doc)
{
    const mtl_topic *t = doc->an ? doc->an->topic : NULL;
    return t && t->vec ? t->model->v : NULL;
}

const mtl_topic_noun *mtl_topic_find_noun(const mtl_doc *doc,
                                          const char *lemma)
{
    const mtl_topic *t = doc->an ? doc->an->topic : NULL;
    return t ? find_noun(t, lemma) : NULL;
}

const mtl_topic_noun *mtl_topic_noun_of_word(const mtl_doc *doc, size_t k)
{
    const mtl_topic *t = doc->an ? doc->an->topic : NULL;
    if (!t || !doc->an->words || k >= doc->an->words->n_words ||
        t->noun_of_word[k] == MTL_NO_WORD)
        return NULL;
    return &t->nouns[t->noun_of_word[k]];
}

/* Takes a document word's weight out of the topic vector in out. */
static void take_out(const mtl_doc *doc, const mtl_topic *t, const char *form,
                     float *out)
{
    const mtl_words *w = doc->an->words;
    const mtl_word *e = mtl_words_find(w, form, strlen(form));
    if (!e)
        return;
    float wt = t->weight[e - w->words];
    uint32_t id = mtl_vectors_find(t->model->v, form, strlen(form));
    if (wt == 0 || id == MTL_VECTORS_NONE)
        return;
    float c[MTL_VECTORS_MAX_DIMS];
    centred(t->model, id, c);
    for (uint32_t i = 0; i < t->model->dims; i++)
        out[i] -= wt * c[i];
}

float mtl_topic_fit(const mtl_doc *doc, const char *word)
{
    const mtl_topic *t = doc->an ? doc->an->topic : NULL;
    if (!t || !t->vec)
        return NAN;
    const mtl_topic_model *m = t->model;
    uint32_t id = mtl_vectors_find(m->v, word, strlen(word));
    if (id == MTL_VECTORS_NONE)
        return NAN;
    float rest[MTL_VECTORS_MAX_DIMS], c[MTL_VECTORS_MAX_DIMS];
    memcpy(rest, t->vec, m->dims * sizeof *rest);
    char lemma[MTL_NOUN_MAX], pl[MTL_NOUN_MAX];
    mtl_noun_singular(word, lemma);
    if (find_noun(t, lemma)) {
        mtl_noun_plural(lemma, pl);
        take_out(doc, t, lemma, rest);
        take_out(doc, t, pl, rest);
    } else {
        take_out(doc, t, word, rest);
    }
    centred(m, id, c);
    float fit = mtl_vectors_cosine_f(c, rest, m->dims);
    double nn = 0;
    for (uint32_t i = 0; i < m->dims; i++)
        nn += (double)rest[i] * rest[i];
    return nn > 1e-12 ? fit : NAN;
}

float mtl_topic_neighbours(const mtl_doc *doc, const char *word, int k)
{
    const mtl_topic *t = doc->an ? doc->an->topic : NULL;
    if (!t || !t->vec || k < 1 || k > 8)
        return NAN;
    const mtl_topic_model *m = t->model;
    uint32_t id = mtl_vectors_find(m->v, word, strlen(word));
    if (id == MTL_VECTORS_NONE)
        return NAN;
    float c[MTL_VECTORS_MAX_DIMS];
    centred(m, id, c);
    double nn = 0;
    for (uint32_t i = 0; i < m->dims; i++)
        nn += (double)c[i] * c[i];
    if (nn <= 0)
        return NAN;
    float top[8];
    int n = 0;
    const mtl_words *w = doc->an->words;
    for (size_t j = 0; j < t->n_content; j++) {
        const mtl_word *e = &w->words[t->content[j]];
        if (strncmp(e->norm, word, e->norm_len < 4 ? e->norm_len : 4) == 0)
            continue;
        const float *cv = t->content_vec + j * m->dims;
        float dot = 0;
        for (uint32_t i = 0; i < m->dims; i++)
            dot += c[i] * cv[i];
        /* keep the k highest, in descending order */
        int at = n < k ? n++ : k;
        while (at > 0 && top[at - 1] < dot) {
            if (at < k)
                top[at] = top[at - 1];
            at--;
        }
        if (at < k)
            top[at] = dot;
    }
    if (n < k)
        return NAN;
    double sum = 0;
    for (int i = 0; i < k; i++)
        sum += top[i];
    return (float)(sum / k / sqrt(nn));
}

/* Sentences either side of a token's own that make its context. */
#define CONTEXT_SENTENCES 1

float mtl_topic_context_fit(const mtl_doc *doc, size_t tok, const char *word)
{
    const mtl_topic *t = doc->an ? doc->an->topic : NULL;
    if (!t || !t->vec || tok >= doc->n_tokens)
        return NAN;
    const mtl_topic_model *m = t->model;
    uint32_t id = mtl_vectors_find(m->v, word, strlen(word));
    if (id == MTL_VECTORS_NONE)
        return NAN;
    size_t s = doc->tokens[tok].sentence;
    size_t s0 = s > CONTEXT_SENTENCES ? s - CONTEXT_SENTENCES : 0;
    size_t s1 = s + CONTEXT_SENTENCES + 1 < doc->n_sentences
                    ? s + CONTEXT_SENTENCES + 1
                    : doc->n_sentences;
    float ctx[MTL_VECTORS_MAX_DIMS] = {0}, c[MTL_VECTORS_MAX_DIMS];
    int any = 0;
    for (size_t i = doc->sentences[s0].tok_begin;
         i < doc->sentences[s1 - 1].tok_end; i++) {
        const mtl_token *k = &doc->tokens[i];
        if (i == tok || k->kind != MTL_TOK_WORD || k->norm_len < 3 ||
            !content_tag(mtl_tag_of(doc, i)))
            continue;
        const char *w = mtl_tok_norm(doc, k);
        uint32_t kid = mtl_vectors_find(m->v, w, strlen(w));
        if (kid == MTL_VECTORS_NONE)
            continue;
        centred(m, kid, c);
        float wt = sif(kid);
        for (uint32_t d = 0; d < m->dims; d++)
            ctx[d] += wt * c[d];
        any = 1;
    }
    if (!any)
        return NAN;
    centred(m, id, c);
    return mtl_vectors_cosine_f(c, ctx, m->dims);
}

const mtl_analysis mtl_analysis_topic = {
    .name = "topic",
    .flag = MTL_NEED_TOPIC,
    .load = load,
    .unload = unload,
    .run = run,
    .release = release,
    .describe = describe,
    .locate = mtl_vectors_locate,
};
