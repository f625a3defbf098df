/*
 * Building an n-gram store: collect words and n-grams (from ARPA text here,
 * or from an importer), then lay them out as the file ngram.c maps.
 *
 * Values are quantised per order to 65536 codes. When an order has no more
 * distinct values than that (true of any model stored by CMU Sphinx, which
 * is itself 16-bit quantised, and of small models), every value is kept
 * exactly; otherwise the codes cover the values with intervals of the
 * smallest width that fits, so the error is at most half that width.
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
        if (centers && k < MTL_NGRAM_CODES)
            centers[k] = i == j ? v[i] : (float)(((double)v[i] + v[j]) / 2);
        k++;
        i = j + 1;
    }
    return k;
}

/* Fills code[MTL_NGRAM_CODES], sorted, from the m values got(i). */
static int make_codebook(const mtl_ngram_entry *g, size_t m, int bo, float *code)
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
    if (n <= MTL_NGRAM_CODES) {
        memcpy(code, v, n * sizeof *v);
        k = n;
    } else {
        double lo = 0, hi = (double)v[n - 1] - v[0];
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            if (cover(v, n, mid, NULL) <= MTL_NGRAM_CODES)
                hi = mid;
            else
                lo = mid;
        }
        k = cover(v, n, hi, code);
    }
    for (size_t i = k; i < MTL_NGRAM_CODES; i++)
        code[i] = code[k - 1];
    free(v);
    return 0;
}

/* The code nearest to x in the sorted code[]. */
static uint32_t encode(const float *code, float x)
{
    size_t lo = 0, hi = MTL_NGRAM_CODES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (code[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == MTL_NGRAM_CODES)
        return MTL_NGRAM_CODES - 1;
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

void *mtl_ngram_builder_image(mtl_ngram_builder *b, size_t *size, char **error)
{
    *error = NULL;
    if (b->n_words == 0)
        return fail_image(error, "the model has no words");
    int order = 1;
    for (int n = 2; n <= MTL_NGRAM_MAX_ORDER; n++)
        if (b->n_grams[n])
            order = n;
    mtl_ngram_header h = {0};
    memcpy(h.magic, MTL_NGRAM_MAGIC, 8);
    h.version = MTL_NGRAM_VERSION;
    h.order = (uint32_t)order;
    h.n_words = (uint32_t)b->n_words;
    h.hash_bits = 4;
    while (((size_t)1 << h.hash_bits) < 2 * b->n_words)
        h.hash_bits++;
    h.bos = h.eos = h.unk = MTL_NGRAM_NONE;
    h.floor = b->floor;
    memcpy(h.describe, b->describe, sizeof h.describe);
    h.describe[sizeof h.describe - 1] = '\0';
    h.count[0] = b->n_words;
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
        h.count[n - 1] = b->n_grams[n];
        h.off_code[n - 1] = off;
        off = align8(off + 8 * (uint64_t)MTL_NGRAM_CODES);
        h.off_keys[n - 1] = off;
        off = align8(off + 8 * b->n_grams[n]);
        h.off_vals[n - 1] = off;
        off = align8(off + 4 * b->n_grams[n]);
        /* about eight keys a bucket: a lookup reads one or two lines */
        uint32_t bits = 0;
        while (bits < 24 && ((uint64_t)8 << bits) < b->n_grams[n])
            bits++;
        h.index_bits[n - 1] = bits;
        h.off_index[n - 1] = off;
        off = align8(off + 4 * (((uint64_t)1 << bits) + 1));
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
    for (int n = 2; n <= order; n++) {
        const mtl_ngram_entry *g = b->grams[n];
        size_t m = b->n_grams[n];
        float *code = (float *)(img + h.off_code[n - 1]);
        keyed *k = malloc((m ? m : 1) * sizeof *k);
        if (!k || make_codebook(g, m, 0, code) != 0 ||
            make_codebook(g, m, 1, code + MTL_NGRAM_CODES) != 0) {
            free(k);
            free(img);
            return fail_image(error, "out of memory");
        }
        for (size_t i = 0; i < m; i++) {
            k[i].key = mtl_ngram_key(g[i].w, n);
            k[i].index = i;
        }
        qsort(k, m, sizeof *k, cmp_keyed);
        uint64_t *keys = (uint64_t *)(img + h.off_keys[n - 1]);
        uint32_t *vals = (uint32_t *)(img + h.off_vals[n - 1]);
        for (size_t i = 0; i < m; i++) {
            if (i && k[i].key == k[i - 1].key) {
                free(k);
                free(img);
                return fail_image(error, "duplicate n-gram (or a 64-bit key "
                                         "collision) in the model");
            }
            const mtl_ngram_entry *e = &g[k[i].index];
            keys[i] = k[i].key;
            vals[i] = encode(code, e->prob) << 16 |
                      encode(code + MTL_NGRAM_CODES, e->bo);
        }
        uint32_t bits = h.index_bits[n - 1];
        uint32_t *index = (uint32_t *)(img + h.off_index[n - 1]);
        size_t at = 0;
        for (uint64_t bucket = 0; bucket <= ((uint64_t)1 << bits); bucket++) {
            while (at < m && bits && (keys[at] >> (64 - bits)) < bucket)
                at++;
            index[bucket] = (uint32_t)(bits ? at : (bucket ? m : 0));
        }
        free(k);
    }
    memcpy(img, &h, sizeof h);
    return img;
}
