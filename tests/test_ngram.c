/*
 * The n-gram store against the ARPA definition: a random back-off model is
 * written as ARPA text (sections out of order, plain and gzip), imported,
 * and its scores compared with a direct reading of the same text for more
 * than 10,000 random n-grams. Then the layout itself: exact keys, hashed
 * keys, and files that are damaged or of another format version.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lang/ngram.h"
#include "lang/ngram_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define VOCAB 300
#define ORDER 4
#define QUERIES 12000

static uint64_t next_random(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545f4914f6cdd1dU;
}

/* A value with four decimals, as ARPA writers print them. */
static float random_value(uint64_t *rng, int lo)
{
    return (float)(-(double)(next_random(rng) % (uint64_t)(lo * 10000)) / 10000.0);
}

typedef struct ref_gram {
    int n;
    int w[ORDER];
    float prob, bo;
} ref_gram;

/* The reference model: the n-grams as written, searched linearly through a
 * per-order sorted array (independent of the store's hashing). */
typedef struct ref_model {
    ref_gram *g;
    size_t n;
    char words[VOCAB][16];
} ref_model;

static int cmp_gram(const void *a, const void *b)
{
    const ref_gram *x = a, *y = b;
    if (x->n != y->n)
        return x->n - y->n;
    return memcmp(x->w, y->w, sizeof x->w);
}

static const ref_gram *ref_find(const ref_model *m, const int *w, int n)
{
    ref_gram key = {.n = n};
    memcpy(key.w, w, (size_t)n * sizeof *w);
    return bsearch(&key, m->g, m->n, sizeof *m->g, cmp_gram);
}

/* ARPA: P(w | c) = p(c w) if listed, else bo(c) + P(w | c minus its first). */
static double ref_score(const ref_model *m, const int *ctx, int k, int w)
{
    int ids[ORDER];
    double total = 0;
    if (k > ORDER - 1) {
        ctx += k - (ORDER - 1);
        k = ORDER - 1;
    }
    for (int j = k; j >= 0; j--) {
        memcpy(ids, ctx + k - j, (size_t)j * sizeof *ids);
        ids[j] = w;
        const ref_gram *g = ref_find(m, ids, j + 1);
        if (g)
            return total + g->prob;
        if (j > 0) {
            const ref_gram *c = ref_find(m, ids, j);
            if (c)
                total += c->bo;
        }
    }
    return -99; /* every word is a unigram: not reached */
}

static void add_gram(ref_model *m, size_t *cap, int n, const int *w, float p,
                     float bo)
{
    ref_gram g = {.n = n, .prob = p, .bo = bo};
    memcpy(g.w, w, (size_t)n * sizeof *w);
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_gram(&m->g[mid], &g);
        if (c == 0)
            return;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (m->n == *cap) {
        *cap = *cap ? 2 * *cap : 1024;
        m->g = realloc(m->g, *cap * sizeof *m->g);
        assert_non_null(m->g);
    }
    memmove(m->g + lo + 1, m->g + lo, (m->n - lo) * sizeof *m->g);
    m->g[lo] = g;
    m->n++;
}

static void make_model(ref_model *m, uint64_t seed)
{
    uint64_t rng = seed;
    size_t cap = 0;
    memset(m, 0, sizeof *m);
    strcpy(m->words[0], "<s>");
    strcpy(m->words[1], "</s>");
    for (int i = 2; i < VOCAB; i++)
        snprintf(m->words[i], sizeof m->words[i], "w%d'x%d", i, i % 7);
    for (int i = 0; i < VOCAB; i++)
        add_gram(m, &cap, 1, &i, i == 0 ? -99.0f : random_value(&rng, 6),
                 random_value(&rng, 2));
    const int per_order[ORDER + 1] = {0, 0, 3000, 2500, 1500};
    for (int n = 2; n <= ORDER; n++)
        for (int c = 0; c < per_order[n]; c++) {
            int w[ORDER];
            /* extend a listed (n-1)-gram, as real models do, or not */
            const ref_gram *base = NULL;
            if (c % 4) {
                size_t lo = 0;
                while (lo < m->n && m->g[lo].n < n - 1)
                    lo++;
                size_t hi = lo;
                while (hi < m->n && m->g[hi].n == n - 1)
                    hi++;
                base = &m->g[lo + next_random(&rng) % (hi - lo)];
            }
            for (int i = 0; i < n - 1; i++)
                w[i] = base ? base->w[i]
                            : 2 + (int)(next_random(&rng) % (VOCAB - 2));
            w[n - 1] = 1 + (int)(next_random(&rng) % (VOCAB - 1));
            add_gram(m, &cap, n, w, random_value(&rng, 4),
                     n < ORDER ? random_value(&rng, 2) : 0.0f);
        }
}

/* Writes the model as ARPA: \3-grams first, then the others, with tabs. */
static void write_arpa(const ref_model *m, const char *path, int gzip)
{
    gzFile f = gzopen(path, gzip ? "wb" : "wbT");
    assert_non_null(f);
    size_t counts[ORDER + 1] = {0};
    for (size_t i = 0; i < m->n; i++)
        counts[m->g[i].n]++;
    gzprintf(f, "made by test_ngram\n\n\\data\\\n");
    for (int n = 1; n <= ORDER; n++)
        gzprintf(f, "ngram %d=%zu\n", n, counts[n]);
    const int order[ORDER] = {3, 1, 4, 2};
    for (int k = 0; k < ORDER; k++) {
        int n = order[k];
        gzprintf(f, "\n\\%d-grams:\n", n);
        for (size_t i = 0; i < m->n; i++) {
            const ref_gram *g = &m->g[i];
            if (g->n != n)
                continue;
            gzprintf(f, "%.4f", (double)g->prob);
            for (int j = 0; j < n; j++)
                gzprintf(f, "%c%s", j ? ' ' : '\t', m->words[g->w[j]]);
            if (n < ORDER)
                gzprintf(f, "\t%.4f", (double)g->bo);
            gzprintf(f, "\n");
        }
    }
    gzprintf(f, "\n\\end\\\n");
    assert_int_equal(gzclose(f), Z_OK);
}

static char *temp_path(const char *suffix)
{
    const char *dir = getenv("TMPDIR");
    char *p = malloc(512);
    assert_non_null(p);
    snprintf(p, 512, "%s/test_ngram_%ld%s", dir && *dir ? dir : P_tmpdir,
             (long)getpid(), suffix);
    return p;
}

/* Compares the store with the reference on random queries; returns how
 * many differ at four decimal places. */
static int compare(const ref_model *m, const mtl_ngram *lm, uint64_t seed,
                   int queries)
{
    uint64_t rng = seed;
    uint32_t ids[VOCAB];
    for (int i = 0; i < VOCAB; i++) {
        ids[i] = mtl_ngram_word(lm, m->words[i], strlen(m->words[i]));
        assert_int_not_equal(ids[i], MTL_NGRAM_NONE);
    }
    int bad = 0;
    /* the smallest memo, so that its slots are replaced as well as reused;
     * queries repeat n-grams (listed ones, and contexts as n-grams) */
    mtl_ngram_memo *memo = mtl_ngram_memo_new(lm, 0);
    assert_non_null(memo);
    for (int q = 0; q < queries; q++) {
        int w[ORDER + 1], k = (int)(next_random(&rng) % (ORDER + 1));
        if (q % 2) {
            /* a listed n-gram, so that the long matches are tested too */
            const ref_gram *g = &m->g[next_random(&rng) % m->n];
            k = g->n - 1;
            memcpy(w, g->w, (size_t)g->n * sizeof *w);
        } else {
            for (int i = 0; i <= k; i++)
                w[i] = (int)(next_random(&rng) % VOCAB);
        }
        uint32_t ctx[ORDER + 1];
        for (int i = 0; i < k; i++)
            ctx[i] = ids[w[i]];
        double want = ref_score(m, w, k, w[k]);
        int matched = -1, memo_matched = -1;
        float got = mtl_ngram_score(lm, ctx, (size_t)k, ids[w[k]], &matched);
        if (fabs(want - got) >= 0.5e-4 && bad++ < 3)
            print_message("query %d: reference %.5f, store %.5f\n", q, want, got);
        /* through the memo: the same to the bit, twice over */
        for (int again = 0; again < 2; again++) {
            float m_got = mtl_ngram_score_memo(lm, memo, ctx, (size_t)k,
                                               ids[w[k]], &memo_matched);
            if ((memcmp(&m_got, &got, sizeof got) != 0 ||
                 memo_matched != matched) && bad++ < 3)
                print_message("query %d: store %.7f (%d), memo %.7f (%d)\n",
                              q, got, matched, m_got, memo_matched);
        }
    }
    mtl_ngram_memo_free(memo);
    return bad;
}

static void free_model(ref_model *m)
{
    free(m->g);
}

static void arpa_agreement(void **state)
{
    (void)state;
    ref_model m;
    make_model(&m, 0x1234567u);
    char *arpa = temp_path(".arpa"), *store = temp_path(".ngram");
    write_arpa(&m, arpa, 0);

    /* import, write and map the binary store */
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    char *err = NULL;
    assert_int_equal(mtl_ngram_builder_read_arpa(b, arpa, &err), 0);
    size_t size = 0;
    void *img = mtl_ngram_builder_image(b, &size, &err);
    assert_non_null(img);
    FILE *f = fopen(store, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(img, 1, size, f), size);
    fclose(f);
    free(img);
    mtl_ngram_builder_free(b);
    mtl_ngram *lm = mtl_ngram_open(store, &err);
    if (!lm)
        fail_msg("open: %s", err);
    assert_int_equal(mtl_ngram_order(lm), ORDER);
    assert_int_equal(mtl_ngram_vocab_size(lm), VOCAB);
    assert_int_equal(compare(&m, lm, 99, QUERIES), 0);
    mtl_ngram_close(lm);

    /* ARPA given directly is converted in memory */
    lm = mtl_ngram_open(arpa, &err);
    assert_non_null(lm);
    assert_int_equal(compare(&m, lm, 7, 2000), 0);
    mtl_ngram_close(lm);
    remove(arpa);
    remove(store);
    free(arpa);
    free(store);
    free_model(&m);
}

static void gzip_arpa(void **state)
{
    (void)state;
    ref_model m;
    make_model(&m, 0xabcdefu);
    char *arpa = temp_path(".arpa.gz");
    write_arpa(&m, arpa, 1);
    char *err = NULL;
    mtl_ngram *lm = mtl_ngram_open(arpa, &err);
    if (!lm)
        fail_msg("open: %s", err);
    assert_int_equal(compare(&m, lm, 5, 3000), 0);
    mtl_ngram_close(lm);
    remove(arpa);
    free(arpa);
    free_model(&m);
}

/* The store a builder makes, in memory; the builder is freed. */
static mtl_ngram *from_builder(mtl_ngram_builder *b)
{
    char *err = NULL;
    size_t size = 0;
    void *img = mtl_ngram_builder_image(b, &size, &err);
    mtl_ngram_builder_free(b);
    assert_non_null(img);
    mtl_ngram *lm = mtl_ngram_from_image(img, size, &err);
    assert_non_null(lm);
    return lm;
}

/* A store of two words whose bigram "the talks" scores p. */
static mtl_ngram *pair_model(float p)
{
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    assert_non_null(b);
    uint32_t id[2] = {mtl_ngram_builder_word(b, "the", 3),
                      mtl_ngram_builder_word(b, "talks", 5)};
    for (int i = 0; i < 2; i++)
        assert_int_equal(mtl_ngram_builder_add(b, 1, &id[i], -1.0f, -0.5f), 0);
    assert_int_equal(mtl_ngram_builder_add(b, 2, id, p, 0.0f), 0);
    return from_builder(b);
}

/* A memo answers only for the store it was made for: the same n-gram in
 * another store is looked up there. */
static void memo_keeps_to_its_store(void **state)
{
    (void)state;
    mtl_ngram *a = pair_model(-0.5f), *b = pair_model(-0.25f);
    mtl_ngram_memo *memo = mtl_ngram_memo_new(a, 100);
    assert_non_null(memo);
    uint32_t the = mtl_ngram_word(a, "the", 3), talks = mtl_ngram_word(a, "talks", 5);
    assert_int_equal(the, mtl_ngram_word(b, "the", 3));
    int m = 0;
    assert_float_equal(mtl_ngram_score_memo(a, memo, &the, 1, talks, &m), -0.5, 1e-4);
    assert_int_equal(m, 2);
    assert_float_equal(mtl_ngram_score_memo(b, memo, &the, 1, talks, &m), -0.25, 1e-4);
    assert_float_equal(mtl_ngram_score_memo(a, memo, &the, 1, talks, &m), -0.5, 1e-4);
    /* unseen: back-off to the unigram, remembered as absent */
    assert_float_equal(mtl_ngram_score_memo(a, memo, &talks, 1, the, &m), -1.5, 1e-4);
    assert_int_equal(m, 1);
    assert_float_equal(mtl_ngram_score_memo(a, memo, &talks, 1, the, &m), -1.5, 1e-4);
    assert_int_equal(m, 1);
    mtl_ngram_memo_free(memo);
    mtl_ngram_close(a);
    mtl_ngram_close(b);
}

static mtl_ngram *tiny_model(void)
{
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    const char *words[] = {"<s>", "</s>", "the", "talks", "ended"};
    uint32_t id[5];
    for (int i = 0; i < 5; i++) {
        id[i] = mtl_ngram_builder_word(b, words[i], strlen(words[i]));
        assert_int_equal(mtl_ngram_builder_add(b, 1, &id[i], -1.5f, -0.25f), 0);
    }
    uint32_t bi[2] = {id[2], id[3]};
    assert_int_equal(mtl_ngram_builder_add(b, 2, bi, -0.5f, -0.125f), 0);
    mtl_ngram_builder_floor(b, -8.0f);
    mtl_ngram_builder_describe(b, "tiny");
    return from_builder(b);
}

static void unknown_words_and_markers(void **state)
{
    (void)state;
    mtl_ngram *lm = tiny_model();
    assert_string_equal(mtl_ngram_describe(lm), "tiny");
    assert_int_equal(mtl_ngram_bos(lm), 0);
    assert_int_equal(mtl_ngram_eos(lm), 1);
    assert_int_equal(mtl_ngram_unk(lm), MTL_NGRAM_NONE);
    assert_int_equal(mtl_ngram_word(lm, "mortgage", 8), MTL_NGRAM_NONE);
    assert_int_equal(mtl_ngram_word(lm, "the", 2), MTL_NGRAM_NONE); /* "th" */
    uint32_t the = mtl_ngram_word(lm, "the", 3);
    uint32_t talks = mtl_ngram_word(lm, "talks", 5);
    assert_string_equal(mtl_ngram_word_text(lm, talks), "talks");
    int matched = -1;
    assert_true(mtl_ngram_score(lm, &the, 1, MTL_NGRAM_NONE, &matched) == -8.0f);
    assert_int_equal(matched, 0);
    /* listed bigram, backed-off bigram, and a context cut by an unknown */
    assert_true(fabsf(mtl_ngram_score(lm, &the, 1, talks, &matched) + 0.5f) < 1e-6f);
    assert_int_equal(matched, 2);
    assert_true(fabsf(mtl_ngram_score(lm, &talks, 1, the, &matched) + 1.75f) < 1e-6f);
    assert_int_equal(matched, 1);
    uint32_t cut[2] = {the, MTL_NGRAM_NONE};
    assert_true(fabsf(mtl_ngram_score(lm, cut, 2, talks, NULL) + 1.5f) < 1e-6f);
    mtl_ngram_close(lm);
}

static void quantisation_error_is_bounded(void **state)
{
    (void)state;
    /* more distinct values than codes: the error must stay tiny */
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    uint64_t rng = 42;
    enum { WORDS = 400 };
    uint32_t id[WORDS];
    char w[16];
    for (int i = 0; i < WORDS; i++) {
        snprintf(w, sizeof w, "v%d", i);
        id[i] = mtl_ngram_builder_word(b, w, strlen(w));
        mtl_ngram_builder_add(b, 1, &id[i], -3.0f, 0.0f);
    }
    float *want = malloc(WORDS * WORDS * sizeof *want);
    assert_non_null(want);
    for (int i = 0; i < WORDS; i++)
        for (int j = 0; j < WORDS; j++) {
            uint32_t pair[2] = {id[i], id[j]};
            want[i * WORDS + j] =
                -(float)(next_random(&rng) % 6000000) / 1000000.0f;
            assert_int_equal(mtl_ngram_builder_add(b, 2, pair,
                                                   want[i * WORDS + j], 0.0f), 0);
        }
    mtl_ngram *lm = from_builder(b);
    float worst = 0;
    for (int i = 0; i < WORDS; i++)
        for (int j = 0; j < WORDS; j++) {
            float d = fabsf(mtl_ngram_score(lm, &id[i], 1, id[j], NULL) -
                            want[i * WORDS + j]);
            worst = d > worst ? d : worst;
        }
    /* 160,000 values over a range of 6 in 65,536 codes */
    assert_true(worst > 0);
    assert_true(worst < 1e-4f);
    mtl_ngram_close(lm);
    free(want);
}

static void bad_files_are_refused(void **state)
{
    (void)state;
    char *path = temp_path(".bad");
    char *err = NULL;
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-1 a\n-1 b\n"
          "\n\\end\\\n", f);
    fclose(f);
    assert_null(mtl_ngram_open(path, &err));
    assert_non_null(strstr(err, "counts differ"));
    free(err);

    f = fopen(path, "wb");
    fputs("\\data\\\nngram 1=1\n\n\\1-grams:\nhello a\n", f);
    fclose(f);
    assert_null(mtl_ngram_open(path, &err));
    assert_non_null(strstr(err, ":5: bad n-gram line"));
    free(err);

    /* a store cut short */
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    uint32_t a = mtl_ngram_builder_word(b, "a", 1);
    mtl_ngram_builder_add(b, 1, &a, -1, 0);
    size_t size = 0;
    void *img = mtl_ngram_builder_image(b, &size, &err);
    mtl_ngram_builder_free(b);
    f = fopen(path, "wb");
    fwrite(img, 1, size / 2, f);
    fclose(f);
    free(img);
    assert_null(mtl_ngram_open(path, &err));
    assert_non_null(strstr(err, "damaged"));
    free(err);

    assert_null(mtl_ngram_open("/nonexistent/model", &err));
    assert_non_null(err);
    free(err);
    remove(path);
    free(path);
}

/* Keys of orders whose ids fit in 64 bits are a bijection of the ids: no
 * two n-grams share one, so an absent n-gram is never taken for another. */
static void exact_keys_are_a_bijection(void **state)
{
    (void)state;
    for (uint32_t k = 1; k <= 16; k++) {
        size_t n = (size_t)1 << k;
        unsigned char *seen = calloc(n, 1);
        assert_non_null(seen);
        for (uint64_t x = 0; x < n; x++) {
            uint64_t y = mtl_ngram_mix_bits(x, k);
            assert_true(y < n);
            assert_false(seen[y]);
            seen[y] = 1;
        }
        free(seen);
    }
    /* 64 bits: distinct inputs stay distinct (a sample) */
    uint64_t rng = 3, prev = mtl_ngram_mix_bits(0, 64);
    for (int i = 0; i < 1000; i++) {
        uint64_t x = next_random(&rng), y = mtl_ngram_mix_bits(x, 64);
        assert_true(y != prev || x == 0);
        prev = y;
    }
    assert_true(mtl_ngram_exact(3, 17));
    assert_false(mtl_ngram_exact(4, 17));
    assert_int_equal(mtl_ngram_key_bits(3, 17), 51);
    assert_int_equal(mtl_ngram_key_bits(4, 17), 64);
    assert_int_equal(mtl_ngram_word_bits(72547), 17);
    assert_int_equal(mtl_ngram_word_bits(1), 1);
}

/* A vocabulary of 17-bit ids and order 4: bigrams and trigrams get exact
 * keys, 4-grams hashed ones. Every stored n-gram of each order is found
 * with its own value, and n-grams that are not stored are not found. */
static void present_and_absent_of_each_order(void **state)
{
    (void)state;
    enum { WORDS = 70000, PER_ORDER = 8000 };
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    assert_non_null(b);
    char w[16];
    for (uint32_t i = 0; i < WORDS; i++) {
        snprintf(w, sizeof w, "x%u", i);
        assert_int_equal(mtl_ngram_builder_word(b, w, strlen(w)), i);
        assert_int_equal(mtl_ngram_builder_add(b, 1, &i, -5.0f, -0.5f), 0);
    }
    /* n-grams of order n are ids (s, s + 1, ...) with s = 8 k + n for
     * distinct k in a scattered order, so no two share a start */
    uint32_t starts[5][PER_ORDER];
    for (int n = 2; n <= 4; n++)
        for (int i = 0; i < PER_ORDER; i++) {
            uint32_t s = (uint32_t)i * 3181 % PER_ORDER * 8 + (uint32_t)n;
            starts[n][i] = s;
            uint32_t ids[4] = {s, s + 1, s + 2, s + 3};
            float p = -(float)(i % 1000) / 256.0f - (float)n;
            assert_int_equal(mtl_ngram_builder_add(b, n, ids, p,
                                                   n < 4 ? -0.25f : 0.0f), 0);
        }
    mtl_ngram *lm = from_builder(b);
    assert_int_equal(mtl_ngram_order(lm), 4);
    for (int n = 2; n <= 4; n++) {
        assert_int_equal(mtl_ngram_count(lm, n), PER_ORDER);
        int absent = 0;
        for (int i = 0; i < PER_ORDER; i++) {
            uint32_t s = starts[n][i], ids[4] = {s, s + 1, s + 2, s + 3};
            int m = 0;
            float got = mtl_ngram_score(lm, ids, (size_t)n - 1, ids[n - 1], &m);
            assert_int_equal(m, n);
            float want = -(float)(i % 1000) / 256.0f - (float)n;
            assert_true(memcmp(&got, &want, sizeof got) == 0);
            /* the same words in another order, or shifted by one: absent
             * (starts are 8 apart and offset by n, so s + 1 starts none) */
            uint32_t swapped[4] = {s + 1, s, s + 2, s + 3};
            float back = mtl_ngram_score(lm, swapped, (size_t)n - 1,
                                         swapped[n - 1], &m);
            absent += m < n;
            assert_true(back <= -5.0f); /* a unigram and back-offs */
            uint32_t shifted[4] = {s + 1, s + 2, s + 3, s + 4};
            mtl_ngram_score(lm, shifted, (size_t)n - 1, shifted[n - 1], &m);
            absent += m < n;
        }
        assert_int_equal(absent, 2 * PER_ORDER);
    }
    mtl_ngram_close(lm);
}

/* The image of a small store of order 3, malloc'd, *size bytes. */
static unsigned char *small_image(size_t *size)
{
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    assert_non_null(b);
    uint32_t id[40];
    char w[8];
    for (uint32_t i = 0; i < 40; i++) {
        snprintf(w, sizeof w, "w%u", i);
        id[i] = mtl_ngram_builder_word(b, w, strlen(w));
        assert_int_equal(mtl_ngram_builder_add(b, 1, &id[i], -2.0f, -0.5f), 0);
    }
    for (uint32_t i = 0; i + 2 < 40; i++) {
        assert_int_equal(mtl_ngram_builder_add(b, 2, &id[i], -1.0f, -0.25f), 0);
        assert_int_equal(mtl_ngram_builder_add(b, 3, &id[i], -0.5f, 0.0f), 0);
    }
    char *err = NULL;
    unsigned char *img = mtl_ngram_builder_image(b, size, &err);
    mtl_ngram_builder_free(b);
    assert_non_null(img);
    return img;
}

static void write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
}

/* A store of another format version (one an older build left) is refused
 * with a message that says so, and the version is reported. */
static void other_versions_are_named(void **state)
{
    (void)state;
    char *path = temp_path(".v1");
    size_t size = 0;
    unsigned char *img = small_image(&size);
    uint32_t v1 = 1;
    memcpy(img + offsetof(mtl_ngram_header, version), &v1, sizeof v1);
    write_file(path, img, size);
    char *err = NULL;
    uint32_t version = 0;
    assert_null(mtl_ngram_open_version(path, &version, &err));
    assert_int_equal(version, 1);
    assert_non_null(strstr(err, "format version 1"));
    assert_non_null(strstr(err, path));
    assert_null(strchr(err, '\n'));
    free(err);
    assert_null(mtl_ngram_open(path, &err));
    assert_non_null(strstr(err, "format version 1"));
    free(err);
    /* only the first bytes of a version 1 header: still named, no crash */
    write_file(path, img, 16);
    assert_null(mtl_ngram_open_version(path, &version, &err));
    assert_int_equal(version, 1);
    free(err);
    assert_null(mtl_ngram_from_image(img, size, &err));
    assert_non_null(strstr(err, "format version 1"));
    free(err);
    remove(path);
    free(path);
}

/* Damaged headers are refused; a damaged bucket index answers "absent"
 * rather than reading outside the file. */
static void damaged_layouts_are_refused(void **state)
{
    (void)state;
    char *path = temp_path(".damaged");
    size_t size = 0;
    unsigned char *good = small_image(&size);
    mtl_ngram_header h;
    memcpy(&h, good, sizeof h);
    for (int kind = 0; kind < 6; kind++) {
        mtl_ngram_header d = h;
        mtl_ngram_level *lv = &d.level[kind % 2 ? 2 : 1];
        switch (kind / 2) {
        case 0:
            lv->off_entries = size - 8; /* entries past the end */
            break;
        case 1:
            lv->bucket_bits = lv->key_bits + 1;
            break;
        default:
            lv->prob_bits = 17;
            break;
        }
        unsigned char *img = malloc(size);
        assert_non_null(img);
        memcpy(img, good, size);
        memcpy(img, &d, sizeof d);
        write_file(path, img, size);
        char *err = NULL;
        uint32_t version = 9;
        assert_null(mtl_ngram_open_version(path, &version, &err));
        assert_int_equal(version, 0);
        assert_non_null(strstr(err, "damaged"));
        free(err);
        assert_null(mtl_ngram_from_image(img, size, &err));
        assert_non_null(strstr(err, "not a valid"));
        free(err);
    }
    /* the bigram bucket index made to point past the entries */
    uint16_t *rel = (uint16_t *)(good + h.level[1].off_rel);
    uint64_t buckets = (uint64_t)1 << h.level[1].bucket_bits;
    for (uint64_t i = 0; i <= buckets; i++)
        rel[i] = (uint16_t)(buckets - i + 1000);
    char *err = NULL;
    mtl_ngram *lm = mtl_ngram_from_image(good, size, &err);
    assert_non_null(lm);
    uint32_t ids[2] = {mtl_ngram_word(lm, "w3", 2), mtl_ngram_word(lm, "w4", 2)};
    int m = -1;
    assert_true(mtl_ngram_score(lm, ids, 1, ids[1], &m) == -2.5f);
    assert_int_equal(m, 1);
    mtl_ngram_close(lm);
    remove(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arpa_agreement),
        cmocka_unit_test(gzip_arpa),
        cmocka_unit_test(memo_keeps_to_its_store),
        cmocka_unit_test(unknown_words_and_markers),
        cmocka_unit_test(quantisation_error_is_bounded),
        cmocka_unit_test(bad_files_are_refused),
        cmocka_unit_test(exact_keys_are_a_bijection),
        cmocka_unit_test(present_and_absent_of_each_order),
        cmocka_unit_test(other_versions_are_named),
        cmocka_unit_test(damaged_layouts_are_refused),
    };
    return cmocka_run_group_tests_name("ngram", tests, NULL, NULL);
}
