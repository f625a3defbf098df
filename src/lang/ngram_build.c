/*
 * Building an n-gram store: collect words and n-grams (from ARPA text here,
 * or from an importer), then lay them out as the file ngram.c maps.
 *
 * Values are quantised per order to at most 65536 codes. When an order has
 * no more distinct values than that (true of any model stored by CMU
 * Sphinx, which is itself 16-bit quantised, and of small models), every
 * value is kept exactly, in as few bits as its distinct values need;
 * otherwise the codes cover the values with intervals of the smallest width
 * that fits, so the error is at most half that width.
 */
#include "lang/ngram.h"
#include "lang/ngram_format.h"

#include "base/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct mtl_ngram_builder {
    /* words: strings[offs[i]] is word i; the index maps hash -> id + 1 */
    char *strings;
    size_t strings_len, strings_cap;
    uint32_t *offs;
    size_t n_words, offs_cap;
    uint32_t *index;
    size_t index_slots; /* power of two */
    float *uni;         /* prob, bo per word; NAN until seen in \1-grams */
    size_t uni_cap;
    mtl_ngram_entry *grams[MTL_NGRAM_MAX_ORDER + 1];
    size_t n_grams[MTL_NGRAM_MAX_ORDER + 1], cap_grams[MTL_NGRAM_MAX_ORDER + 1];
    char describe[80];
    float floor;
};

mtl_ngram_builder *mtl_ngram_builder_new(void)
{
    mtl_ngram_builder *b = calloc(1, sizeof *b);
    if (b)
        b->floor = -7.0f;
    return b;
}

void mtl_ngram_builder_free(mtl_ngram_builder *b)
{
    if (!b)
        return;
    free(b->strings);
    free(b->offs);
    free(b->index);
    free(b->uni);
    for (int n = 0; n <= MTL_NGRAM_MAX_ORDER; n++)
        free(b->grams[n]);
    free(b);
}

void mtl_ngram_builder_describe(mtl_ngram_builder *b, const char *text)
{
    snprintf(b->describe, sizeof b->describe, "%s", text);
}

void mtl_ngram_builder_floor(mtl_ngram_builder *b, float floor)
{
    b->floor = floor;
}

static int rehash(mtl_ngram_builder *b, size_t slots)
{
    uint32_t *index = calloc(slots, sizeof *index);
    if (!index)
        return -1;
    for (size_t id = 0; id < b->n_words; id++) {
        const char *w = b->strings + b->offs[id];
        size_t i = mtl_ngram_hash_bytes(w, strlen(w)) & (slots - 1);
        while (index[i])
            i = (i + 1) & (slots - 1);
        index[i] = (uint32_t)id + 1;
    }
    free(b->index);
    b->index = index;
    b->index_slots = slots;
    return 0;
}

uint32_t mtl_ngram_builder_word(mtl_ngram_builder *b, const char *w, size_t len)
{
    if (b->index_slots) {
        size_t i = mtl_ngram_hash_bytes(w, len) & (b->index_slots - 1);
        for (uint32_t s; (s = b->index[i]) != 0;
             i = (i + 1) & (b->index_slots - 1)) {
            const char *t = b->strings + b->offs[s - 1];
            if (strncmp(t, w, len) == 0 && t[len] == '\0')
                return s - 1;
        }
    }
    if (b->n_words >= MTL_NGRAM_NONE - 1 || memchr(w, '\0', len))
        return MTL_NGRAM_NONE;
    if (mtl_grow((void **)&b->strings, &b->strings_cap,
                 b->strings_len + len + 1, 1) != 0 ||
        mtl_grow((void **)&b->offs, &b->offs_cap, b->n_words + 1,
                 sizeof *b->offs) != 0 ||
        mtl_grow((void **)&b->uni, &b->uni_cap, 2 * (b->n_words + 1),
                 sizeof *b->uni) != 0 ||
        b->strings_len + len + 1 > UINT32_MAX)
        return MTL_NGRAM_NONE;
    uint32_t id = (uint32_t)b->n_words++;
    b->offs[id] = (uint32_t)b->strings_len;
    memcpy(b->strings + b->strings_len, w, len);
    b->strings[b->strings_len + len] = '\0';
    b->strings_len += len + 1;
    b->uni[2 * id] = NAN;
    b->uni[2 * id + 1] = 0;
    /* keep the index at most half full */
    if (2 * b->n_words > b->index_slots) {
        if (rehash(b, b->index_slots ? 2 * b->index_slots : 1024) != 0) {
            b->n_words--;
            b->strings_len = b->offs[id];
            return MTL_NGRAM_NONE;
        }
    } else {
        size_t i = mtl_ngram_hash_bytes(w, len) & (b->index_slots - 1);
        while (b->index[i])
            i = (i + 1) & (b->index_slots - 1);
        b->index[i] = id + 1;
    }
    return id;
}

int mtl_ngram_builder_add(mtl_ngram_builder *b, int n, const uint32_t *ids,
                          float prob, float bo)
{
    if (n < 1 || n > MTL_NGRAM_MAX_ORDER)
        return -1;
    for (int i = 0; i < n; i++)
        if (ids[i] >= b->n_words)
            return -1;
    if (n == 1) {
        b->uni[2 * (size_t)ids[0]] = prob;
        b->uni[2 * (size_t)ids[0] + 1] = bo;
        return 0;
    }
    mtl_ngram_entry e = {.prob = prob, .bo = bo};
    memcpy(e.w, ids, (size_t)n * sizeof *ids);
    return MTL_PUSH(b->grams[n], b->n_grams[n], b->cap_grams[n], e);
}

/* --- ARPA --- */

typedef struct arpa_reader {
    gzFile f;
    char *line;
    size_t cap;
    unsigned long lineno;
} arpa_reader;

/* Reads one line of any length without its line break; 0 at the end. */
static int read_line(arpa_reader *r)
{
    size_t len = 0;
    for (;;) {
        if (len + 2 > r->cap &&
            mtl_grow((void **)&r->line, &r->cap, len + 4096, 1) != 0)
            return -1;
        if (!gzgets(r->f, r->line + len, (int)(r->cap - len))) {
            if (len == 0)
                return 0;
            break;
        }
        len += strlen(r->line + len);
        if (len && r->line[len - 1] == '\n')
            break;
    }
    while (len && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r'))
        r->line[--len] = '\0';
    r->lineno++;
    return 1;
}

/* Parses a log10 value; SRILM and others write -inf for zero probability. */
static int parse_value(const char *s, float *out)
{
    if (!strcmp(s, "-inf") || !strcmp(s, "-Infinity")) {
        *out = -99.0f;
        return 0;
    }
    char *end;
    *out = strtof(s, &end);
    return end == s || *end || !isfinite(*out) ? -1 : 0;
}

static int arpa_fail(const char *path, const arpa_reader *r, const char *what,
                     char **error)
{
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s:%lu: %s", path, r->lineno, what);
    *error = mtl_sb_take(&sb);
    return -1;
}

/* One n-gram line of section n: prob w1 .. wn [bo]. */
static int arpa_gram(mtl_ngram_builder *b, char *line, int n)
{
    char *field[MTL_NGRAM_MAX_ORDER + 2];
    int nf = 0;
    for (char *save = NULL, *t = strtok_r(line, " \t", &save); t;
         t = strtok_r(NULL, " \t", &save)) {
        if (nf == n + 2)
            return -1;
        field[nf++] = t;
    }
    if (nf != n + 1 && nf != n + 2)
        return -1;
    float prob, bo = 0;
    if (parse_value(field[0], &prob) != 0 ||
        (nf == n + 2 && parse_value(field[n + 1], &bo) != 0))
        return -1;
    uint32_t ids[MTL_NGRAM_MAX_ORDER];
    for (int i = 0; i < n; i++)
        if ((ids[i] = mtl_ngram_builder_word(b, field[i + 1],
                                             strlen(field[i + 1]))) ==
            MTL_NGRAM_NONE)
            return -2;
    return mtl_ngram_builder_add(b, n, ids, prob, bo) == 0 ? 0 : -2;
}

int mtl_ngram_builder_read_arpa(mtl_ngram_builder *b, const char *path,
                                char **error)
{
    *error = NULL;
    arpa_reader r = {0};
    r.f = gzopen(path, "rb");
    if (!r.f) {
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "%s: cannot open", path);
        *error = mtl_sb_take(&sb);
        return -1;
    }
    gzbuffer(r.f, 1 << 17);
    unsigned long declared[MTL_NGRAM_MAX_ORDER + 1] = {0};
    int section = -1; /* -1 before \data\, 0 in it, n in \n-grams: */
    int seen_end = 0, rc = 0, got;
    while (rc == 0 && !seen_end && (got = read_line(&r)) > 0) {
        char *s = r.line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            continue;
        int n;
        char tail;
        if (!strcmp(s, "\\data\\")) {
            section = 0;
        } else if (!strcmp(s, "\\end\\")) {
            seen_end = 1;
        } else if (sscanf(s, "\\%d-grams%c", &n, &tail) == 2 && tail == ':') {
            if (section < 0 || n < 1 || n > MTL_NGRAM_MAX_ORDER)
                rc = arpa_fail(path, &r, "unsupported n-gram section", error);
            section = n;
        } else if (section == 0) {
            unsigned long count;
            if (sscanf(s, "ngram %d=%lu", &n, &count) != 2 || n < 1 ||
                n > MTL_NGRAM_MAX_ORDER)
                rc = arpa_fail(path, &r, "bad \\data\\ line", error);
            else
                declared[n] = count;
        } else if (section > 0) {
            int e = arpa_gram(b, s, section);
            if (e == -1)
                rc = arpa_fail(path, &r, "bad n-gram line", error);
            else if (e == -2)
                rc = arpa_fail(path, &r, "out of memory", error);
        }
        /* text before \data\ is a comment (SRILM and IRSTLM write some) */
    }
    if (rc == 0 && got < 0)
        rc = arpa_fail(path, &r, "out of memory", error);
    int gzerr = 0;
    gzerror(r.f, &gzerr);
    if (rc == 0 && gzerr != Z_OK && gzerr != Z_STREAM_END)
        rc = arpa_fail(path, &r, "read error (damaged gzip?)", error);
    gzclose(r.f);
    free(r.line);
    if (rc != 0)
        return rc;
    if (section < 0 || !declared[1])
        return arpa_fail(path, &r, "no \\data\\ section: not an ARPA file",
                         error);
    for (int n = 2; n <= MTL_NGRAM_MAX_ORDER; n++)
        if (declared[n] != b->n_grams[n])
            return arpa_fail(path, &r,
                             "n-gram counts differ from the \\data\\ header",
                             error);
    return 0;
}

/* --- quantisation --- */

#define CODES (1u << MTL_NGRAM_CODE_BITS)

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Intervals of width w needed to cover the sorted distinct values v[0, n). */
static size_t cover(const float *v, size_t n, double w, float *centers)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && (double)v[j + 1] - v[i] <= w)
            j++;
        if (centers && k < CODES)
            centers[k] = i == j ? v[i] : (float)(((double)v[i] + v[j]) / 2);
        k++;
        i = j + 1;
    }
    return k;
}

/* Fills code[CODES], sorted, from the probabilities (or back-offs) of
 * g[0, m); *used gets how many codes differ (the rest repeat the last). */
static int make_codebook(const mtl_ngram_entry *g, size_t m, int bo,
                         float *code, size_t *used)
{
    float *v = malloc((m ? m : 1) * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < m; i++)
        v[i] = bo ? g[i].bo : g[i].prob;
    qsort(v, m, sizeof *v, cmp_float);
    size_t n = 0;
    for (size_t i = 0; i < m; i++)
        if (n == 0 || v[i] != v[n - 1])
            v[n++] = v[i];
    if (n == 0)
        v[n++] = 0;
    size_t k;
    if (n <= CODES) {
        memcpy(code, v, n * sizeof *v);
        k = n;
    } else {
        double lo = 0, hi = (double)v[n - 1] - v[0];
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            if (cover(v, n, mid, NULL) <= CODES)
                hi = mid;
            else
                lo = mid;
        }
        k = cover(v, n, hi, code);
    }
    for (size_t i = k; i < CODES; i++)
        code[i] = code[k - 1];
    *used = k;
    free(v);
    return 0;
}

/* The code nearest to x in the sorted code[0, size). */
static uint32_t encode(const float *code, size_t size, float x)
{
    size_t lo = 0, hi = size;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (code[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == size)
        return (uint32_t)size - 1;
    if (lo > 0 && x - code[lo - 1] < code[lo] - x)
        return (uint32_t)lo - 1;
    return (uint32_t)lo;
}

/* --- the image --- */

typedef struct keyed {
    uint64_t key;
    size_t index;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    uint64_t x = ((const keyed *)a)->key, y = ((const keyed *)b)->key;
    return (x > y) - (x < y);
}

static uint64_t align8(uint64_t x) { return (x + 7) & ~(uint64_t)7; }

static void *fail_image(char **error, const char *what)
{
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, what);
    *error = mtl_sb_take(&sb);
    return NULL;
}

/* Bits that number k - 1 codes (0 for a single value). */
static uint32_t code_bits(size_t k)
{
    uint32_t b = 0;
    while (((size_t)1 << b) < k)
        b++;
    return b;
}

/* ORs the low width bits of v (width <= 64) in at bit pos of p. */
static void put_bits(unsigned char *p, uint64_t pos, uint32_t width,
                     uint64_t v)
{
    for (uint32_t done = 0; done < width;) {
        uint32_t s = (uint32_t)((pos + done) & 7);
        uint32_t take = 8 - s < width - done ? 8 - s : width - done;
        p[(pos + done) >> 3] |= (unsigned char)(((v >> done) &
                                                 ((1u << take) - 1)) << s);
        done += take;
    }
}

/* Mean entries per bucket at most: a bucket fits in one or two cache lines
 * (on the CMU Sphinx model, 46 to 49 bits an entry), and the bucket index,
 * two bytes a bucket, stays small enough for the processor's cache. */
#define BUCKET_MEAN 8

/* The codebooks, entries and bucket index of order n, whose sizes the
 * header gives already; the n-grams g[0, m). */
static int fill_level(unsigned char *img, const mtl_ngram_header *h, int n,
                      const mtl_ngram_entry *g, size_t m, char **error)
{
    const mtl_ngram_level *lv = &h->level[n - 1];
    float *prob = (float *)(img + lv->off_code);
    float *bo = prob + ((size_t)1 << lv->prob_bits);
    float *code = malloc(2 * CODES * sizeof *code);
    keyed *k = malloc((m ? m : 1) * sizeof *k);
    size_t used;
    int rc = -1;
    if (!code || !k || make_codebook(g, m, 0, code, &used) != 0 ||
        make_codebook(g, m, 1, code + CODES, &used) != 0) {
        fail_image(error, "out of memory");
        goto done;
    }
    memcpy(prob, code, ((size_t)1 << lv->prob_bits) * sizeof *prob);
    memcpy(bo, code + CODES, ((size_t)1 << lv->bo_bits) * sizeof *bo);
    for (size_t i = 0; i < m; i++) {
        k[i].key = mtl_ngram_key_of(g[i].w, n, h->word_bits);
        k[i].index = i;
    }
    qsort(k, m, sizeof *k, cmp_keyed);
    uint32_t rem_bits = lv->key_bits - lv->bucket_bits;
    uint32_t entry_bits = rem_bits + lv->prob_bits + lv->bo_bits;
    uint64_t rem_mask = rem_bits >= 64 ? ~(uint64_t)0
                                       : ((uint64_t)1 << rem_bits) - 1;
    unsigned char *entries = img + lv->off_entries;
    for (size_t i = 0; i < m; i++) {
        if (i && k[i].key == k[i - 1].key) {
            fail_image(error, mtl_ngram_exact(n, h->word_bits)
                                  ? "duplicate n-gram in the model"
                                  : "duplicate n-gram (or a 64-bit key "
                                    "collision) in the model");
            goto done;
        }
        const mtl_ngram_entry *e = &g[k[i].index];
        uint64_t codes = (uint64_t)encode(prob, (size_t)1 << lv->prob_bits,
                                          e->prob) << lv->bo_bits |
                         encode(bo, (size_t)1 << lv->bo_bits, e->bo);
        put_bits(entries, (uint64_t)i * entry_bits, rem_bits,
                 k[i].key & rem_mask);
        put_bits(entries, (uint64_t)i * entry_bits + rem_bits,
                 lv->prob_bits + lv->bo_bits, codes);
    }
    uint32_t *base = (uint32_t *)(img + lv->off_base);
    uint16_t *rel = (uint16_t *)(img + lv->off_rel);
    uint64_t buckets = (uint64_t)1 << lv->bucket_bits;
    size_t at = 0;
    for (uint64_t bucket = 0; bucket <= buckets; bucket++) {
        while (at < m && (rem_bits >= 64 ? 0 : k[at].key >> rem_bits) < bucket)
            at++;
        if (bucket == buckets)
            at = m;
        uint64_t group = bucket >> MTL_NGRAM_GROUP_BITS;
        if ((bucket & (((uint64_t)1 << MTL_NGRAM_GROUP_BITS) - 1)) == 0)
            base[group] = (uint32_t)at;
        if (at - base[group] > UINT16_MAX) {
            fail_image(error, "too many n-grams in one bucket group");
            goto done;
        }
        rel[bucket] = (uint16_t)(at - base[group]);
    }
    rc = 0;
done:
    free(code);
    free(k);
    return rc;
}

/* Distinct probability and back-off values of g[0, m) (at most CODES). */
static int count_codes(const mtl_ngram_entry *g, size_t m, size_t *probs,
                       size_t *bos)
{
    float *code = malloc(CODES * sizeof *code);
    if (!code)
        return -1;
    int rc = make_codebook(g, m, 0, code, probs) != 0 ||
             make_codebook(g, m, 1, code, bos) != 0 ? -1 : 0;
    free(code);
    return rc;
}

void *mtl_ngram_builder_image(mtl_ngram_builder *b, size_t *size, char **error)
{
    *error = NULL;
    if (b->n_words == 0)
        return fail_image(error, "the model has no words");
    int order = 1;
    for (int n = 2; n <= MTL_NGRAM_MAX_ORDER; n++)
        if (b->n_grams[n])
            order = n;
    for (int n = 2; n <= order; n++)
        if (b->n_grams[n] >= UINT32_MAX)
            return fail_image(error, "too many n-grams of one order");
    mtl_ngram_header h = {0};
    memcpy(h.magic, MTL_NGRAM_MAGIC, 8);
    h.version = MTL_NGRAM_VERSION;
    h.order = (uint32_t)order;
    h.n_words = (uint32_t)b->n_words;
    h.word_bits = mtl_ngram_word_bits(h.n_words);
    h.hash_bits = 4;
    while (((size_t)1 << h.hash_bits) < 2 * b->n_words)
        h.hash_bits++;
    h.bos = h.eos = h.unk = MTL_NGRAM_NONE;
    h.floor = b->floor;
    memcpy(h.describe, b->describe, sizeof h.describe);
    h.describe[sizeof h.describe - 1] = '\0';
    h.level[0].count = b->n_words;
    uint64_t off = align8(sizeof h);
    h.off_words = off;
    off = align8(off + 4 * (b->n_words + 1));
    h.off_strings = off;
    h.strings_len = b->strings_len;
    off = align8(off + b->strings_len);
    h.off_hash = off;
    off = align8(off + 4 * ((uint64_t)1 << h.hash_bits));
    h.off_uni = off;
    off = align8(off + 8 * b->n_words);
    for (int n = 2; n <= order; n++) {
        mtl_ngram_level *lv = &h.level[n - 1];
        size_t m = b->n_grams[n], probs, bos;
        if (count_codes(b->grams[n], m, &probs, &bos) != 0)
            return fail_image(error, "out of memory");
        lv->count = m;
        lv->key_bits = mtl_ngram_key_bits(n, h.word_bits);
        lv->prob_bits = code_bits(probs);
        lv->bo_bits = code_bits(bos);
        while (lv->bucket_bits < lv->key_bits && lv->bucket_bits < 30 &&
               ((uint64_t)BUCKET_MEAN << lv->bucket_bits) < m)
            lv->bucket_bits++;
        uint64_t entry_bits = lv->key_bits - lv->bucket_bits + lv->prob_bits +
                              lv->bo_bits;
        uint64_t buckets = (uint64_t)1 << lv->bucket_bits;
        lv->off_code = off;
        off = align8(off + 4 * (((uint64_t)1 << lv->prob_bits) +
                                ((uint64_t)1 << lv->bo_bits)));
        lv->off_entries = off;
        off = align8(off + (m * entry_bits + 7) / 8 + 16);
        lv->off_base = off;
        off = align8(off + 4 * ((buckets >> MTL_NGRAM_GROUP_BITS) + 1));
        lv->off_rel = off;
        off = align8(off + 2 * (buckets + 1));
    }
    unsigned char *img = calloc(1, off);
    if (!img)
        return fail_image(error, "out of memory");
    *size = off;

    uint32_t *offs = (uint32_t *)(img + h.off_words);
    memcpy(offs, b->offs, 4 * b->n_words);
    offs[b->n_words] = (uint32_t)b->strings_len;
    memcpy(img + h.off_strings, b->strings, b->strings_len);
    uint32_t *slots = (uint32_t *)(img + h.off_hash);
    uint32_t mask = (uint32_t)(((uint64_t)1 << h.hash_bits) - 1);
    float *uni = (float *)(img + h.off_uni);
    mtl_ngram_style_count style = {0};
    for (size_t id = 0; id < b->n_words; id++) {
        const char *w = b->strings + b->offs[id];
        mtl_ngram_style_add(&style, w);
        uint32_t i = (uint32_t)mtl_ngram_hash_bytes(w, strlen(w)) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = (uint32_t)id + 1;
        /* a word used only in longer n-grams is as good as unknown */
        uni[2 * id] = isnan(b->uni[2 * id]) ? -99.0f : b->uni[2 * id];
        uni[2 * id + 1] = b->uni[2 * id + 1];
        if (!strcmp(w, "<s>"))
            h.bos = (uint32_t)id;
        else if (!strcmp(w, "</s>"))
            h.eos = (uint32_t)id;
        else if (!strcmp(w, "<unk>") || !strcmp(w, "<UNK>"))
            h.unk = (uint32_t)id;
    }
    h.vocab_style = mtl_ngram_style_of(&style);
    for (int n = 2; n <= order; n++)
        if (fill_level(img, &h, n, b->grams[n], b->n_grams[n], error) != 0) {
            free(img);
            return NULL;
        }
    memcpy(img, &h, sizeof h);
    return img;
}
