/*
 * train_tagger: trains the part-of-speech model (src/lang/tagger.h) on
 * CoNLL-U treebanks and writes dicts/tagger-ewt.bin. One program, one
 * file: reading CoNLL-U, the learner and the writer are only used here.
 *
 *     train_tagger -o dicts/tagger-ewt.bin [-i ITER] TRAIN.conllu... \
 *                  [--eval DEV.conllu]...
 *     train_tagger -m dicts/tagger-ewt.bin --eval TEST.conllu...
 *
 * The learner is the averaged perceptron with greedy decoding: for each
 * word, predict with the current weights from the previous predicted tags,
 * and on a mistake move the features' weights toward the gold class and away
 * from the guess. Weights are averaged over every step (lazily, per feature
 * row) which is what makes the perceptron generalise. Rare features (seen
 * once) are dropped before training, small averaged weights after, and the
 * rest are stored as int16: the model is a few MB and loads in milliseconds.
 *
 * The model carries a lexicon of the words seen at least twice with their
 * most frequent tag and, if it has a common second one, that too: features
 * of the next words' classes let the tagger look ahead. Words that are
 * nearly always one tag (>= 20 times, >= 99.5 %) are marked sure and not
 * scored at all, which saves time on function words.
 *
 * With -m, loads a model and prints UPOS accuracy and tagging speed on the
 * --eval files, or the speed alone on plain --text files (scripts/bench-tagger
 * uses this).
 */
#include "lang/tagger.h"
#include "lang/tagger_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOOL_NAME "train_tagger"
#include "tool.h"

typedef struct sentence {
    mtl_tword *words;
    uint8_t *gold;
    mtl_wfeat *feat; /* words -2 .. n+1 hashed; feat[i + 2] is word i */
    size_t n;
} sentence;

typedef struct corpus {
    sentence *sents;
    size_t n, cap;
    size_t n_words;
} corpus;

/* The normal form the document gives a word: ASCII lower case, curly
 * quotes and dashes folded to ASCII (as src/text/segment.c does). */
static char *normalise(const char *s, size_t n, uint32_t *out_len)
{
    char *o = xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            char f = d >= 0x98 && d <= 0x9B   ? '\''
                     : d >= 0x9C && d <= 0x9F ? '"'
                     : d >= 0x90 && d <= 0x95 ? '-'
                                              : 0;
            if (f) {
                o[k++] = f;
                i += 2;
                continue;
            }
        }
        o[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    o[k] = '\0';
    *out_len = (uint32_t)k;
    return o;
}

static char *dup_n(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static mtl_wfeat *prepare(const mtl_tword *w, size_t n)
{
    mtl_wfeat *f = xmalloc((n + 4) * sizeof *f);
    mtl_tagger_edge(-2, &f[0]);
    mtl_tagger_edge(-1, &f[1]);
    for (size_t i = 0; i < n; i++)
        mtl_tagger_prepare(&w[i], i == 0, &f[i + 2]);
    mtl_tagger_edge(1, &f[n + 2]);
    mtl_tagger_edge(2, &f[n + 3]);
    return f;
}

/* Reads the words of a CoNLL-U file: the syntactic words, not the
 * multi-word tokens (so "don't" is "do" "n't", as the tagger sees it). */
static int read_conllu(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[8192];
    mtl_tword *w = NULL;
    uint8_t *g = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        int eof = !fgets(line, sizeof line, f);
        if (eof || line[0] == '\n' || line[0] == '\r') {
            if (n) {
                if (c->n == c->cap) {
                    c->cap = c->cap ? c->cap * 2 : 1024;
                    c->sents = realloc(c->sents, c->cap * sizeof *c->sents);
                    if (!c->sents)
                        exit(2);
                }
                c->sents[c->n++] = (sentence){w, g, prepare(w, n), n};
                c->n_words += n;
                w = NULL;
                g = NULL;
                n = cap = 0;
            }
            if (eof)
                break;
            continue;
        }
        if (line[0] == '#')
            continue;
        char *col[10];
        size_t nc = 0;
        for (char *p = line; nc < 10;) {
            col[nc++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nc < 5 || strchr(col[0], '-') || strchr(col[0], '.'))
            continue;
        int tag = mtl_tag_from_conllu(col[3], col[4]);
        if (tag < 0) {
            fprintf(stderr, "%s: unknown tag %s/%s\n", path, col[3], col[4]);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            w = realloc(w, cap * sizeof *w);
            g = realloc(g, cap);
            if (!w || !g)
                exit(2);
        }
        size_t len = strlen(col[1]);
        w[n].form = dup_n(col[1], len);
        w[n].form_len = (uint32_t)len;
        w[n].lower = normalise(col[1], len, &w[n].lower_len);
        g[n++] = (uint8_t)tag;
    }
    fclose(f);
    free(w);
    free(g);
    return 0;
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        for (size_t k = 0; k < c->sents[i].n; k++) {
            free((char *)c->sents[i].words[k].form);
            free((char *)c->sents[i].words[k].lower);
        }
        free(c->sents[i].words);
        free(c->sents[i].gold);
        free(c->sents[i].feat);
    }
    free(c->sents);
}

/* --- a map from 32-bit keys to values ----------------------------------- */

typedef struct map {
    uint32_t *keys;
    uint32_t *vals;
    size_t mask, n;
} map;

static void map_init(map *m, size_t size_pow2)
{
    m->keys = xcalloc(size_pow2, sizeof *m->keys);
    m->vals = xcalloc(size_pow2, sizeof *m->vals);
    m->mask = size_pow2 - 1;
    m->n = 0;
}

static void map_free(map *m)
{
    free(m->keys);
    free(m->vals);
}

static uint32_t *map_slot(map *m, uint32_t key);

static void map_grow(map *m)
{
    map old = *m;
    map_init(m, (old.mask + 1) * 2);
    for (size_t i = 0; i <= old.mask; i++)
        if (old.keys[i])
            *map_slot(m, old.keys[i]) = old.vals[i];
    map_free(&old);
}

/* The value slot of key, inserted as 0 if absent. */
static uint32_t *map_slot(map *m, uint32_t key)
{
    if (2 * (m->n + 1) > m->mask + 1)
        map_grow(m);
    size_t i = key & m->mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & m->mask;
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->n++;
    }
    return &m->vals[i];
}

static int map_get(const map *m, uint32_t key, uint32_t *val)
{
    size_t i = key & m->mask;
    while (m->keys[i]) {
        if (m->keys[i] == key) {
            *val = m->vals[i];
            return 1;
        }
        i = (i + 1) & m->mask;
    }
    return 0;
}

/* --- the lexicon ------------------------------------------------------- */

enum { FOLDS = 10 };

typedef struct dict {
    map index;             /* word key -> row in counts + 1 */
    uint32_t (*counts)[MTL_N_TAGS];
    uint32_t *keys;
    size_t n, cap;
    map lex;               /* word key -> ambiguity class */
} dict;

static uint16_t amb_class(const uint32_t *counts)
{
    uint32_t total = 0;
    int best = 0, second = -1;
    for (int t = 0; t < MTL_N_TAGS; t++) {
        total += counts[t];
        if (counts[t] > counts[best])
            best = t;
    }
    for (int t = 0; t < MTL_N_TAGS; t++)
        if (t != best && counts[t] * 10u >= total &&
            (second < 0 || counts[t] > counts[second]))
            second = t;
    uint16_t amb = (uint16_t)(best | (second < 0 ? MTL_N_TAGS : second) << 8);
    if (total >= 20 && counts[best] * 1000u >= total * 995u)
        amb |= MTL_AMB_SURE;
    return amb;
}

static void build_dict(corpus *c, dict *d, uint32_t lex_min)
{
    map_init(&d->index, 1 << 16);
    d->counts = NULL;
    d->keys = NULL;
    d->n = d->cap = 0;
    for (size_t s = 0; s < c->n; s++)
        for (size_t i = 0; i < c->sents[s].n; i++) {
            uint32_t key = mtl_tagger_word_key(&c->sents[s].feat[i + 2]);
            uint32_t *row = map_slot(&d->index, key);
            if (!*row) {
                if (d->n == d->cap) {
                    d->cap = d->cap ? d->cap * 2 : 4096;
                    d->counts = realloc(d->counts, d->cap * sizeof *d->counts);
                    d->keys = realloc(d->keys, d->cap * sizeof *d->keys);
                    if (!d->counts || !d->keys)
                        exit(2);
                }
                memset(d->counts[d->n], 0, sizeof *d->counts);
                d->keys[d->n] = key;
                *row = (uint32_t)++d->n;
            }
            d->counts[*row - 1][c->sents[s].gold[i]]++;
        }
    map_init(&d->lex, 1 << 14);
    for (size_t r = 0; r < d->n; r++) {
        uint32_t total = 0;
        for (int t = 0; t < MTL_N_TAGS; t++)
            total += d->counts[r][t];
        if (total >= lex_min)
            *map_slot(&d->lex, d->keys[r]) = amb_class(d->counts[r]);
    }
    /* Jackknifing: a training sentence sees the lexicon built without its
     * own fold, so that rare words are unknown as often as in new text. */
    uint32_t(*fold)[MTL_N_TAGS] = xcalloc(d->n, sizeof *fold);
    for (size_t f = 0; f < FOLDS; f++) {
        memset(fold, 0, d->n * sizeof *fold);
        for (size_t s = f; s < c->n; s += FOLDS)
            for (size_t i = 0; i < c->sents[s].n; i++) {
                uint32_t r = 1; /* every word has a row */
                map_get(&d->index,
                        mtl_tagger_word_key(&c->sents[s].feat[i + 2]), &r);
                fold[r - 1][c->sents[s].gold[i]]++;
            }
        for (size_t s = f; s < c->n; s += FOLDS) {
            sentence *se = &c->sents[s];
            for (size_t i = 0; i < se->n; i++) {
                uint32_t r = 1, rest[MTL_N_TAGS], total = 0;
                map_get(&d->index, mtl_tagger_word_key(&se->feat[i + 2]), &r);
                for (int t = 0; t < MTL_N_TAGS; t++) {
                    rest[t] = d->counts[r - 1][t] - fold[r - 1][t];
                    total += rest[t];
                }
                se->feat[i + 2].amb =
                    total >= lex_min ? amb_class(rest) : MTL_AMB_UNKNOWN;
            }
        }
    }
    free(fold);
}

static void free_dict(dict *d)
{
    map_free(&d->index);
    map_free(&d->lex);
    free(d->counts);
    free(d->keys);
}

static int sure_tag(const sentence *se, size_t i)
{
    uint16_t a = se->feat[i + 2].amb;
    return a != MTL_AMB_UNKNOWN && (a & MTL_AMB_SURE) ? a & 0x7f : -1;
}

/* --- the perceptron ----------------------------------------------------- */

typedef struct row {
    int32_t w[MTL_N_TAGS];
    double total[MTL_N_TAGS]; /* sum of w over the steps before stamp */
    uint64_t stamp;
} row;

typedef struct model {
    map index; /* feature key -> row + 1 */
    row *rows;
    size_t n_rows;
    uint64_t now;
} model;

static int predict(const model *m, const uint32_t *keys, size_t nk)
{
    int64_t score[MTL_N_TAGS] = {0};
    for (size_t k = 0; k < nk; k++) {
        uint32_t r;
        if (!map_get(&m->index, keys[k], &r))
            continue;
        const row *rw = &m->rows[r - 1];
        for (int c = 0; c < MTL_N_TAGS; c++)
            score[c] += rw->w[c];
    }
    int best = 0;
    for (int c = 1; c < MTL_N_TAGS; c++)
        if (score[c] > score[best])
            best = c;
    return best;
}

static void settle(row *rw, uint64_t now)
{
    double dt = (double)(now - rw->stamp);
    for (int c = 0; c < MTL_N_TAGS; c++)
        rw->total[c] += rw->w[c] * dt;
    rw->stamp = now;
}

static void update(model *m, const uint32_t *keys, size_t nk, int gold,
                   int guess)
{
    for (size_t k = 0; k < nk; k++) {
        uint32_t r;
        if (!map_get(&m->index, keys[k], &r))
            continue;
        row *rw = &m->rows[r - 1];
        settle(rw, m->now);
        rw->w[gold]++;
        rw->w[guess]--;
    }
}

/* A small deterministic generator for the shuffles. */
static uint64_t next_rand(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void train(const corpus *c, model *m, int iterations,
                  int min_count)
{
    /* Count features along the gold history; keep the frequent ones. */
    map counts;
    map_init(&counts, 1 << 20);
    uint32_t keys[MTL_TAGGER_MAX_FEATURES];
    for (size_t s = 0; s < c->n; s++) {
        const sentence *se = &c->sents[s];
        for (size_t i = 0; i < se->n; i++) {
            if (sure_tag(se, i) >= 0)
                continue;
            int t1 = i > 0 ? se->gold[i - 1] : MTL_N_TAGS;
            int t2 = i > 1 ? se->gold[i - 2] : MTL_N_TAGS;
            size_t nk = mtl_tagger_features(&se->feat[i], t1, t2, keys);
            for (size_t k = 0; k < nk; k++)
                (*map_slot(&counts, keys[k]))++;
        }
    }
    map_init(&m->index, 1 << 18);
    m->n_rows = 0;
    for (size_t i = 0; i <= counts.mask; i++)
        if (counts.keys[i] && counts.vals[i] >= (uint32_t)min_count)
            *map_slot(&m->index, counts.keys[i]) = (uint32_t)++m->n_rows;
    map_free(&counts);
    m->rows = xcalloc(m->n_rows, sizeof *m->rows);
    m->now = 0;
    fprintf(stderr, "features: %zu (seen >= %d times)\n", m->n_rows, min_count);

    size_t *order = xmalloc(c->n * sizeof *order);
    for (size_t s = 0; s < c->n; s++)
        order[s] = s;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    uint8_t *guess = xmalloc(512);
    size_t guess_cap = 512;
    for (int it = 0; it < iterations; it++) {
        size_t right = 0, total = 0;
        for (size_t s = c->n; s > 1; s--) {
            size_t j = (size_t)(next_rand(&seed) % s), t = order[s - 1];
            order[s - 1] = order[j];
            order[j] = t;
        }
        for (size_t o = 0; o < c->n; o++) {
            const sentence *se = &c->sents[order[o]];
            if (se->n > guess_cap) {
                guess_cap = se->n;
                free(guess);
                guess = xmalloc(guess_cap);
            }
            for (size_t i = 0; i < se->n; i++) {
                int t1 = i > 0 ? guess[i - 1] : MTL_N_TAGS;
                int t2 = i > 1 ? guess[i - 2] : MTL_N_TAGS;
                int g = sure_tag(se, i);
                if (g < 0) {
                    size_t nk =
                        mtl_tagger_features(&se->feat[i], t1, t2, keys);
                    g = predict(m, keys, nk);
                    m->now++;
                    if (g != se->gold[i])
                        update(m, keys, nk, se->gold[i], g);
                }
                guess[i] = (uint8_t)g;
                right += g == se->gold[i];
                total++;
            }
        }
        fprintf(stderr, "iteration %d: %.2f%% of training words right\n",
                it + 1, 100.0 * (double)right / (double)total);
    }
    free(guess);
    free(order);
}

/* --- writing the model -------------------------------------------------- */

static void put32(FILE *f, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                          (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    fwrite(b, 1, 4, f);
}

static int write_model(const char *path, model *m, const dict *d,
                       double prune)
{
    /* Averaged weights, then the scale that fits the largest into int16. */
    double most = 0;
    for (size_t r = 0; r < m->n_rows; r++) {
        row *rw = &m->rows[r];
        settle(rw, m->now);
        for (int c = 0; c < MTL_N_TAGS; c++) {
            rw->total[c] /= (double)m->now;
            if (fabs(rw->total[c]) > most)
                most = fabs(rw->total[c]);
        }
    }
    double scale = most > 0 ? 32767.0 / most : 1;
    uint32_t *keys = xmalloc(m->n_rows * sizeof *keys);
    uint8_t *counts = xmalloc(m->n_rows);
    uint8_t *classes = xmalloc(m->n_rows * MTL_N_TAGS);
    int16_t *weights = xmalloc(m->n_rows * MTL_N_TAGS * sizeof *weights);
    size_t nf = 0, ne = 0;
    for (size_t i = 0; i <= m->index.mask; i++) {
        if (!m->index.keys[i])
            continue;
        const row *rw = &m->rows[m->index.vals[i] - 1];
        uint8_t nc = 0;
        for (int c = 0; c < MTL_N_TAGS; c++) {
            long q = lround(rw->total[c] * scale);
            if (fabs(rw->total[c]) < prune || q == 0)
                continue;
            classes[ne] = (uint8_t)c;
            weights[ne++] = (int16_t)q;
            nc++;
        }
        if (nc) {
            keys[nf] = m->index.keys[i];
            counts[nf++] = nc;
        }
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return -1;
    }
    fwrite(MTL_TAGGER_MAGIC, 1, MTL_TAGGER_MAGIC_LEN, f);
    put32(f, MTL_N_TAGS);
    put32(f, (uint32_t)nf);
    put32(f, (uint32_t)ne);
    put32(f, (uint32_t)d->lex.n);
    for (size_t i = 0; i < nf; i++)
        put32(f, keys[i]);
    fwrite(counts, 1, nf, f);
    fwrite(classes, 1, ne, f);
    for (size_t e = 0; e < ne; e++) {
        uint16_t v = (uint16_t)weights[e];
        unsigned char b[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
        fwrite(b, 1, 2, f);
    }
    for (size_t i = 0; i <= d->lex.mask; i++)
        if (d->lex.keys[i])
            put32(f, d->lex.keys[i]);
    for (size_t i = 0; i <= d->lex.mask; i++)
        if (d->lex.keys[i]) {
            fputc((int)(d->lex.vals[i] & 0xff), f);
            fputc((int)(d->lex.vals[i] >> 8), f);
        }
    int bad = ferror(f);
    bad |= fclose(f);
    fprintf(stderr, "wrote %s: %zu features, %zu weights, %zu words\n", path,
            nf, ne, d->lex.n);
    free(keys);
    free(counts);
    free(classes);
    free(weights);
    return bad ? -1 : 0;
}

/* --- evaluation --------------------------------------------------------- */

/* CPU time, so that a busy machine does not halve the speed we report */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void evaluate(const mtl_tagger *t, const char *path, int speed)
{
    corpus c = {0};
    if (read_conllu(path, &c) != 0)
        exit(2);
    size_t right = 0, fine = 0, total = 0, max_n = 1;
    for (size_t s = 0; s < c.n; s++)
        max_n = c.sents[s].n > max_n ? c.sents[s].n : max_n;
    uint8_t *tags = xmalloc(max_n);
    for (size_t s = 0; s < c.n; s++) {
        const sentence *se = &c.sents[s];
        mtl_tagger_tag(t, se->words, se->n, tags, NULL);
        for (size_t i = 0; i < se->n; i++) {
            right += strcmp(mtl_tag_upos(tags[i]),
                            mtl_tag_upos(se->gold[i])) == 0;
            fine += tags[i] == se->gold[i];
            total++;
        }
    }
    printf("%s: %zu words, UPOS accuracy %.2f%%, with verb forms %.2f%%\n",
           path, total, 100.0 * (double)right / (double)total,
           100.0 * (double)fine / (double)total);
    if (speed) {
        size_t words = 0;
        double start = now_seconds(), took;
        do {
            for (size_t s = 0; s < c.n; s++)
                mtl_tagger_tag(t, c.sents[s].words, c.sents[s].n, tags, NULL);
            words += c.n_words;
        } while ((took = now_seconds() - start) < 1.0);
        printf("tagging speed: %.0f tokens/s (CPU time, one core)\n",
               (double)words / took);
    }
    free(tags);
    free_corpus(&c);
}

/* Tagging speed on plain text: words split at white space, sentences at a
 * word ending in . ? or !, with no EWT at hand. */
static void speed_on_text(const mtl_tagger *t, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    corpus c = {0};
    char word[256];
    mtl_tword *w = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        int got = fscanf(f, "%255s", word);
        if (got == 1) {
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                w = realloc(w, cap * sizeof *w);
                if (!w)
                    exit(2);
            }
            size_t len = strlen(word);
            w[n].form = dup_n(word, len);
            w[n].form_len = (uint32_t)len;
            w[n].lower = normalise(word, len, &w[n].lower_len);
            n++;
        }
        if (n && (got != 1 || strchr(".?!", word[strlen(word) - 1]))) {
            if (c.n == c.cap) {
                c.cap = c.cap ? c.cap * 2 : 1024;
                c.sents = realloc(c.sents, c.cap * sizeof *c.sents);
                if (!c.sents)
                    exit(2);
            }
            c.sents[c.n++] = (sentence){w, xmalloc(n), NULL, n};
            c.n_words += n;
            w = NULL;
            n = cap = 0;
        }
        if (got != 1)
            break;
    }
    fclose(f);
    size_t words = 0, max_n = 1;
    for (size_t s = 0; s < c.n; s++)
        max_n = c.sents[s].n > max_n ? c.sents[s].n : max_n;
    uint8_t *tags = xmalloc(max_n);
    double start = now_seconds(), took = 0;
    do {
        for (size_t s = 0; s < c.n; s++)
            mtl_tagger_tag(t, c.sents[s].words, c.sents[s].n, tags, NULL);
        words += c.n_words;
    } while (c.n_words && (took = now_seconds() - start) < 1.0);
    if (c.n_words)
        printf("%s: tagging speed %.0f tokens/s (CPU time, one core)\n", path,
               (double)words / took);
    free(tags);
    free_corpus(&c);
}

static void usage(void)
{
    fprintf(stderr,
            "usage: train_tagger -o MODEL [-i ITER] [-c MINCOUNT] [-l LEXMIN] "
            "[-p PRUNE] "
            "TRAIN.conllu... [--eval FILE]...\n"
            "       train_tagger -m MODEL [--speed] --eval FILE...\n"
            "       train_tagger -m MODEL --text FILE...\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *out = NULL, *model_in = NULL;
    int iterations = 10, min_count = 1, lex_min = 1, speed = 0;
    double prune = 0.05;
    const char **train_files = xcalloc((size_t)argc, sizeof *train_files);
    const char **eval_files = xcalloc((size_t)argc, sizeof *eval_files);
    const char **text_files = xcalloc((size_t)argc, sizeof *text_files);
    size_t n_train = 0, n_eval = 0, n_text = 0;
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "-o") && a + 1 < argc)
            out = argv[++a];
        else if (!strcmp(argv[a], "-m") && a + 1 < argc)
            model_in = argv[++a];
        else if (!strcmp(argv[a], "-i") && a + 1 < argc)
            iterations = atoi(argv[++a]);
        else if (!strcmp(argv[a], "-c") && a + 1 < argc)
            min_count = atoi(argv[++a]);
        else if (!strcmp(argv[a], "-l") && a + 1 < argc)
            lex_min = atoi(argv[++a]);
        else if (!strcmp(argv[a], "-p") && a + 1 < argc)
            prune = atof(argv[++a]);
        else if (!strcmp(argv[a], "--eval") && a + 1 < argc)
            eval_files[n_eval++] = argv[++a];
        else if (!strcmp(argv[a], "--text") && a + 1 < argc)
            text_files[n_text++] = argv[++a];
        else if (!strcmp(argv[a], "--speed"))
            speed = 1;
        else if (argv[a][0] == '-')
            usage();
        else
            train_files[n_train++] = argv[a];
    }
    if (!!out == !!model_in || (out && !n_train) || iterations < 1)
        usage();
    if (out) {
        corpus c = {0};
        for (size_t i = 0; i < n_train; i++)
            if (read_conllu(train_files[i], &c) != 0)
                return 2;
        fprintf(stderr, "training on %zu sentences, %zu words\n", c.n,
                c.n_words);
        dict d;
        build_dict(&c, &d, (uint32_t)lex_min);
        model m;
        train(&c, &m, iterations, min_count);
        int rc = write_model(out, &m, &d, prune);
        map_free(&m.index);
        free(m.rows);
        free_dict(&d);
        free_corpus(&c);
        if (rc != 0)
            return 2;
        model_in = out;
    }
    char *err = NULL;
    double t0 = now_seconds();
    mtl_tagger *t = mtl_tagger_load(model_in, &err);
    if (!t) {
        fprintf(stderr, "train_tagger: %s\n", err ? err : "cannot load");
        free(err);
        return 2;
    }
    fprintf(stderr, "model loads in %.1f ms\n", (now_seconds() - t0) * 1e3);
    for (size_t i = 0; i < n_eval; i++)
        evaluate(t, eval_files[i], speed);
    for (size_t i = 0; i < n_text; i++)
        speed_on_text(t, text_files[i]);
    mtl_tagger_free(t);
    free(train_files);
    free(eval_files);
    free(text_files);
    return 0;
}
