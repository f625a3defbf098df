/*
 * mtlint-lm: builds and checks mtlint's n-gram stores (one program with
 * subcommands; the store itself is src/lang/ngram*.c).
 *
 *   mtlint-lm import-arpa [OPTIONS] MODEL.arpa[.gz] OUT
 *   mtlint-lm import-sphinx [OPTIONS] MODEL.lm.bin OUT
 *   mtlint-lm check-sphinx MODEL.lm.bin STORE [N]
 *   mtlint-lm sphinx-to-arpa MODEL.lm.bin > MODEL.arpa
 *   mtlint-lm info STORE
 *   mtlint-lm score STORE < text     (one sentence a line, words split by
 *                                      spaces; prints each word's log10 score)
 *   mtlint-lm bench STORE TEXT       (load time, resident memory, words/s)
 *
 * OPTIONS: --describe TEXT (the line --version shows), --floor LOG10 (the
 * score of an unknown word; default -7).
 *
 * CMU Sphinx's "trie" binary (sphinx_lm_convert, and the pocketsphinx-en-us
 * package) is read from its layout: the string "Trie Language Model", the
 * order (1 byte), the n-gram counts (uint32 each), a uint32 then 16-bit
 * quantisation tables (float), the unigrams (prob, back-off, first child),
 * bit-packed arrays per higher order, and the vocabulary. The trie is keyed
 * backwards: a unigram's children are the words before it. Values are
 * logarithms in base 1.0001, converted here to log10.
 */
#include "base/mapfile.h"
#include "lang/ngram.h"

#include <ctype.h>
#include <inttypes.h>
#include <time.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#define SPHINX_MAGIC "Trie Language Model"
#define SPHINX_CODES 65536

/* --- the Sphinx trie, read in place --- */

typedef struct level {
    const unsigned char *bits;
    unsigned word_bits, total_bits, next_bits; /* next_bits 0 on the last */
    uint64_t count;                            /* entries actually stored */
} level;

typedef struct sphinx {
    const unsigned char *map;
    size_t size;
    int order;
    uint32_t counts[MTL_NGRAM_MAX_ORDER];
    const float *quant;  /* [order-2 middles: prob, bo][longest prob] */
    const unsigned char *uni; /* (counts[0] + 1) * {float, float, uint32} */
    level lv[MTL_NGRAM_MAX_ORDER + 1]; /* lv[n] for order n >= 2 */
    const char **words;
    double to_log10;
} sphinx;

static unsigned required_bits(uint32_t max)
{
    unsigned b = 0;
    while (max) {
        b++;
        max >>= 1;
    }
    return b;
}

static uint64_t read_bits(const unsigned char *base, uint64_t off, unsigned n)
{
    uint64_t v = 0;
    memcpy(&v, base + (off >> 3), sizeof v); /* stores pad 8 bytes at the end */
    return (v >> (off & 7)) & ((n >= 64 ? 0 : (uint64_t)1 << n) - 1);
}

static float uni_f(const sphinx *s, uint32_t w, int field)
{
    float f;
    memcpy(&f, s->uni + 12 * (size_t)w + 4 * (size_t)field, 4);
    return f;
}

static uint32_t uni_next(const sphinx *s, uint32_t w)
{
    uint32_t v;
    memcpy(&v, s->uni + 12 * (size_t)w + 8, 4);
    return v;
}

static uint32_t entry_word(const level *l, uint64_t i)
{
    return (uint32_t)read_bits(l->bits, i * l->total_bits, l->word_bits);
}

/* The quantisation codes after the word: bo then prob (middles), prob. */
static uint32_t entry_code(const level *l, uint64_t i, int prob)
{
    uint64_t off = i * l->total_bits + l->word_bits;
    if (l->next_bits && prob)
        off += 16;
    return (uint32_t)read_bits(l->bits, off, 16);
}

static uint32_t entry_next(const level *l, uint64_t i)
{
    return (uint32_t)read_bits(l->bits, i * l->total_bits + l->word_bits + 32,
                               l->next_bits);
}

static float code_value(const sphinx *s, int n, int bo, uint32_t code)
{
    if (n == s->order)
        return s->quant[(size_t)(s->order - 2) * 2 * SPHINX_CODES + code];
    return s->quant[((size_t)(n - 2) * 2 + (size_t)bo) * SPHINX_CODES + code];
}

static size_t level_bytes(uint64_t entries, unsigned total_bits)
{
    return (size_t)(((1 + entries) * total_bits + 7) / 8 + 8);
}

static int sphinx_open(sphinx *s, const char *path)
{
    memset(s, 0, sizeof *s);
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(path);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    s->size = (size_t)st.st_size;
    void *p = mmap(NULL, s->size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        perror(path);
        return -1;
    }
    s->map = p;
    size_t hl = strlen(SPHINX_MAGIC), off = hl + 1;
    if (s->size < off || memcmp(p, SPHINX_MAGIC, hl) != 0) {
        fprintf(stderr, "%s: not a CMU Sphinx trie model\n", path);
        return -1;
    }
    s->order = s->map[hl];
    if (s->order < 2 || s->order > MTL_NGRAM_MAX_ORDER ||
        s->size < off + 4 * (size_t)s->order + 4) {
        fprintf(stderr, "%s: unsupported order %d\n", path, s->order);
        return -1;
    }
    memcpy(s->counts, s->map + off, 4 * (size_t)s->order);
    off += 4 * (size_t)s->order + 4; /* and the unused quantiser type */
    size_t nq = ((size_t)(s->order - 2) * 2 + 1) * SPHINX_CODES;
    s->quant = (const float *)(s->map + off); /* 4-aligned: off is 4k+0 */
    off += 4 * nq;
    s->uni = s->map + off;
    off += 12 * ((size_t)s->counts[0] + 1);
    if (off > s->size) {
        fprintf(stderr, "%s: truncated\n", path);
        return -1;
    }
    unsigned wb = required_bits(s->counts[0]);
    for (int n = 2; n <= s->order; n++) {
        level *l = &s->lv[n];
        l->word_bits = wb;
        l->next_bits = n < s->order ? required_bits(s->counts[n]) : 0;
        l->total_bits = wb + (n < s->order ? 32 + l->next_bits : 16);
        l->bits = s->map + off;
        /* the header's counts size the arrays; what is used is what the
         * level above points to (the header over-states some counts) */
        off += level_bytes(s->counts[n - 1], l->total_bits);
        if (off > s->size) {
            fprintf(stderr, "%s: truncated\n", path);
            return -1;
        }
    }
    s->lv[2].count = uni_next(s, s->counts[0]);
    for (int n = 3; n <= s->order; n++)
        s->lv[n].count = entry_next(&s->lv[n - 1], s->lv[n - 1].count);
    for (int n = 2; n <= s->order; n++)
        if (s->lv[n].count > s->counts[n - 1]) {
            fprintf(stderr, "%s: damaged trie\n", path);
            return -1;
        }
    uint32_t k;
    if (off + 4 > s->size)
        return fprintf(stderr, "%s: no vocabulary\n", path), -1;
    memcpy(&k, s->map + off, 4);
    off += 4;
    if (off + k > s->size || k == 0 || s->map[off + k - 1] != '\0')
        return fprintf(stderr, "%s: bad vocabulary\n", path), -1;
    s->words = calloc(s->counts[0], sizeof *s->words);
    if (!s->words)
        return -1;
    const char *w = (const char *)s->map + off, *end = w + k;
    for (uint32_t i = 0; i < s->counts[0]; i++) {
        if (w >= end)
            return fprintf(stderr, "%s: short vocabulary\n", path), -1;
        s->words[i] = w;
        w += strlen(w) + 1;
    }
    s->to_log10 = log10(1.0001);
    return 0;
}

static void sphinx_close(sphinx *s)
{
    free(s->words);
    if (s->map)
        munmap((void *)s->map, s->size);
}

/* Entry of word w among entries [b, e) of level n (sorted by word). */
static int64_t find_child(const sphinx *s, int n, uint64_t b, uint64_t e,
                          uint32_t w)
{
    const level *l = &s->lv[n];
    while (b < e) {
        uint64_t mid = b + (e - b) / 2, x = entry_word(l, mid);
        if (x == w)
            return (int64_t)mid;
        if (x < w)
            b = mid + 1;
        else
            e = mid;
    }
    return -1;
}

/* Walks the reversed n-gram ids[0, n) (text order) down the trie; returns
 * the entry at level n, or -1. For n == 1 returns the word. */
static int64_t walk(const sphinx *s, const uint32_t *ids, int n)
{
    uint32_t w = ids[n - 1];
    if (n == 1)
        return w;
    uint64_t b = uni_next(s, w), e = uni_next(s, w + 1);
    int64_t at = -1;
    for (int k = 2; k <= n; k++) {
        at = find_child(s, k, b, e, ids[n - k]);
        if (at < 0 || k == n)
            return at;
        b = entry_next(&s->lv[k], (uint64_t)at);
        e = entry_next(&s->lv[k], (uint64_t)at + 1);
    }
    return at;
}

/* ARPA back-off score read straight from the trie, in log10. */
static double sphinx_score(const sphinx *s, const uint32_t *ctx, int k,
                           uint32_t w)
{
    uint32_t ids[MTL_NGRAM_MAX_ORDER];
    double total = 0;
    for (int j = k; j >= 1; j--) {
        memcpy(ids, ctx + k - j, (size_t)j * sizeof *ids);
        ids[j] = w;
        int64_t at = walk(s, ids, j + 1);
        if (at >= 0)
            return total + s->to_log10 *
                               code_value(s, j + 1, 0,
                                          entry_code(&s->lv[j + 1],
                                                     (uint64_t)at, 1));
        if (j == 1) {
            total += s->to_log10 * uni_f(s, ids[0], 1);
        } else {
            int64_t c = walk(s, ids, j);
            if (c >= 0)
                total += s->to_log10 *
                         code_value(s, j, 1,
                                    entry_code(&s->lv[j], (uint64_t)c, 0));
        }
    }
    return total + s->to_log10 * uni_f(s, w, 0);
}

/* --- import --- */

typedef struct import_opts {
    const char *describe;
    float floor;
} import_opts;

static int write_store(mtl_ngram_builder *b, const import_opts *o,
                       const char *out)
{
    if (o->describe)
        mtl_ngram_builder_describe(b, o->describe);
    mtl_ngram_builder_floor(b, o->floor);
    char *err = NULL;
    size_t size = 0;
    void *img = mtl_ngram_builder_image(b, &size, &err);
    if (!img) {
        fprintf(stderr, "mtlint-lm: %s\n", err ? err : "cannot build");
        free(err);
        return 1;
    }
    /* beside the target, then renamed: a half-written file never stands
     * where mtlint looks */
    mtl_map_writer w;
    int ok = mtl_map_write_open(&w, out) == 0;
    if (ok) {
        ok = fwrite(img, 1, size, w.f) == size;
        ok = mtl_map_write_close(&w, ok) == 0;
    }
    if (!ok)
        perror(out);
    free(img);
    return ok ? 0 : 1;
}

/* Adds every n-gram under the trie entry for ids[0, n) (reversed path). */
static int import_children(const sphinx *s, mtl_ngram_builder *b,
                           uint32_t *rev, int n, uint64_t begin, uint64_t end)
{
    const level *l = &s->lv[n];
    for (uint64_t i = begin; i < end; i++) {
        rev[n - 1] = entry_word(l, i);
        uint32_t ids[MTL_NGRAM_MAX_ORDER];
        for (int k = 0; k < n; k++)
            ids[k] = rev[n - 1 - k];
        float prob = (float)(s->to_log10 * code_value(s, n, 0, entry_code(l, i, 1)));
        float bo = n < s->order ? (float)(s->to_log10 *
                                          code_value(s, n, 1, entry_code(l, i, 0)))
                                : 0.0f;
        if (mtl_ngram_builder_add(b, n, ids, prob, bo) != 0)
            return -1;
        if (n < s->order &&
            import_children(s, b, rev, n + 1, entry_next(l, i),
                            entry_next(l, i + 1)) != 0)
            return -1;
    }
    return 0;
}

static int cmd_import_sphinx(const char *in, const char *out,
                             const import_opts *o)
{
    sphinx s;
    if (sphinx_open(&s, in) != 0) {
        sphinx_close(&s);
        return 1;
    }
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    int rc = b ? 0 : 1;
    double sum = 0;
    for (uint32_t w = 0; rc == 0 && w < s.counts[0]; w++) {
        if (mtl_ngram_builder_word(b, s.words[w], strlen(s.words[w])) != w) {
            fprintf(stderr, "mtlint-lm: %s: duplicate word '%s'\n", in, s.words[w]);
            rc = 1;
            break;
        }
        float p = (float)(s.to_log10 * uni_f(&s, w, 0));
        float bo = (float)(s.to_log10 * uni_f(&s, w, 1));
        sum += pow(10, p);
        rc = mtl_ngram_builder_add(b, 1, &w, p, bo) == 0 ? 0 : 1;
    }
    if (rc == 0 && fabs(sum - 1) > 0.01)
        fprintf(stderr, "mtlint-lm: warning: unigram probabilities sum to %g "
                        "(log base other than 1.0001?)\n", sum);
    uint32_t rev[MTL_NGRAM_MAX_ORDER];
    for (uint32_t w = 0; rc == 0 && w < s.counts[0]; w++) {
        rev[0] = w;
        if (import_children(&s, b, rev, 2, uni_next(&s, w), uni_next(&s, w + 1)) != 0)
            rc = 1;
    }
    if (rc == 0) {
        fprintf(stderr, "mtlint-lm: %s: %d-gram, %" PRIu32 " words", in,
                s.order, s.counts[0]);
        for (int n = 2; n <= s.order; n++)
            fprintf(stderr, ", %" PRIu64 " %d-grams (header says %" PRIu32 ")",
                    s.lv[n].count, n, s.counts[n - 1]);
        fputc('\n', stderr);
        rc = write_store(b, o, out);
    }
    mtl_ngram_builder_free(b);
    sphinx_close(&s);
    return rc;
}

static int cmd_import_arpa(const char *in, const char *out, const import_opts *o)
{
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    char *err = NULL;
    if (!b || mtl_ngram_builder_read_arpa(b, in, &err) != 0) {
        fprintf(stderr, "mtlint-lm: %s\n", err ? err : "out of memory");
        free(err);
        mtl_ngram_builder_free(b);
        return 1;
    }
    int rc = write_store(b, o, out);
    mtl_ngram_builder_free(b);
    return rc;
}

/* Prints the n-grams of order n under a trie entry, text order. */
static void print_children(const sphinx *s, uint32_t *rev, int n, int want,
                           uint64_t begin, uint64_t end, FILE *out)
{
    const level *l = &s->lv[n];
    for (uint64_t i = begin; i < end; i++) {
        rev[n - 1] = entry_word(l, i);
        if (n == want) {
            fprintf(out, "%.6f\t", s->to_log10 * code_value(s, n, 0, entry_code(l, i, 1)));
            for (int k = n - 1; k >= 0; k--)
                fprintf(out, "%s%c", s->words[rev[k]], k ? ' ' : '\t');
            if (n < s->order)
                fprintf(out, "%.6f", s->to_log10 * code_value(s, n, 1, entry_code(l, i, 0)));
            fputc('\n', out);
        } else {
            print_children(s, rev, n + 1, want, entry_next(l, i),
                           entry_next(l, i + 1), out);
        }
    }
}

/* ARPA text of a Sphinx trie model, with the counts the trie really holds
 * (sphinx_lm_convert trusts the header and stops). */
static int cmd_sphinx_to_arpa(const char *in)
{
    sphinx s;
    if (sphinx_open(&s, in) != 0) {
        sphinx_close(&s);
        return 1;
    }
    FILE *out = stdout;
    fprintf(out, "\\data\\\nngram 1=%" PRIu32 "\n", s.counts[0]);
    for (int n = 2; n <= s.order; n++)
        fprintf(out, "ngram %d=%" PRIu64 "\n", n, s.lv[n].count);
    fprintf(out, "\n\\1-grams:\n");
    for (uint32_t w = 0; w < s.counts[0]; w++)
        fprintf(out, "%.6f\t%s\t%.6f\n", s.to_log10 * uni_f(&s, w, 0),
                s.words[w], s.to_log10 * uni_f(&s, w, 1));
    uint32_t rev[MTL_NGRAM_MAX_ORDER];
    for (int n = 2; n <= s.order; n++) {
        fprintf(out, "\n\\%d-grams:\n", n);
        for (uint32_t w = 0; w < s.counts[0]; w++) {
            rev[0] = w;
            print_children(&s, rev, 2, n, uni_next(&s, w), uni_next(&s, w + 1), out);
        }
    }
    fprintf(out, "\n\\end\\\n");
    sphinx_close(&s);
    return fflush(out) == 0 && !ferror(out) ? 0 : 1;
}

/* --- check --- */

static uint64_t next_random(uint64_t *state)
{
    /* xorshift64*: reproducible runs without global state */
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545f4914f6cdd1dU;
}

/* A random n-gram that the trie stores, of order n, into ids. */
static int random_stored(const sphinx *s, uint64_t *rng, int n, uint32_t *ids)
{
    for (int tries = 0; tries < 1000; tries++) {
        uint32_t w = (uint32_t)(next_random(rng) % s->counts[0]);
        uint64_t b = uni_next(s, w), e = uni_next(s, w + 1);
        uint32_t rev[MTL_NGRAM_MAX_ORDER] = {w};
        int k = 2;
        for (; k <= n && b < e; k++) {
            uint64_t at = b + next_random(rng) % (e - b);
            rev[k - 1] = entry_word(&s->lv[k], at);
            if (k < s->order) {
                b = entry_next(&s->lv[k], at);
                e = entry_next(&s->lv[k], at + 1);
            }
        }
        if (k == n + 1) {
            for (int i = 0; i < n; i++)
                ids[i] = rev[n - 1 - i];
            return 0;
        }
    }
    return -1;
}

static int cmd_check_sphinx(const char *in, const char *store, long count)
{
    sphinx s;
    char *err = NULL;
    mtl_ngram *lm = NULL;
    if (sphinx_open(&s, in) != 0 || !(lm = mtl_ngram_open(store, &err))) {
        if (err)
            fprintf(stderr, "mtlint-lm: %s\n", err);
        free(err);
        sphinx_close(&s);
        return 1;
    }
    uint64_t rng = 0x9e3779b97f4a7c15u;
    long bad = 0, done = 0;
    double worst = 0;
    int rc = 0;
    for (long i = 0; i < count && rc == 0; i++) {
        /* a third stored n-grams of the full order, a third stored lower
         * orders, a third random words (back-off paths) */
        int n = s.order, kind = (int)(i % 3);
        uint32_t ids[MTL_NGRAM_MAX_ORDER] = {0}, mine[MTL_NGRAM_MAX_ORDER];
        if (kind == 1)
            n = 2 + (int)(next_random(&rng) % (uint64_t)(s.order - 1));
        if (kind == 2 || random_stored(&s, &rng, n, ids) != 0)
            for (int k = 0; k < n; k++)
                ids[k] = (uint32_t)(next_random(&rng) % s.counts[0]);
        for (int k = 0; k < n; k++) {
            mine[k] = mtl_ngram_word(lm, s.words[ids[k]], strlen(s.words[ids[k]]));
            if (mine[k] == MTL_NGRAM_NONE) {
                fprintf(stderr, "mtlint-lm: '%s' missing from the store\n",
                        s.words[ids[k]]);
                rc = 1;
            }
        }
        if (rc)
            break;
        double want = sphinx_score(&s, ids, n - 1, ids[n - 1]);
        double got = mtl_ngram_score(lm, mine, (size_t)n - 1, mine[n - 1], NULL);
        double d = fabs(want - got);
        if (d > worst)
            worst = d;
        if (d >= 0.5e-4) {
            if (bad++ < 5) {
                fprintf(stderr, "differs:");
                for (int k = 0; k < n; k++)
                    fprintf(stderr, " %s", s.words[ids[k]]);
                fprintf(stderr, ": trie %.6f, store %.6f\n", want, got);
            }
        }
        done++;
    }
    printf("%ld n-grams checked against %s: %ld differ at 4 decimal places, "
           "largest difference %.2g\n", done, in, bad, worst);
    mtl_ngram_close(lm);
    sphinx_close(&s);
    return rc || bad ? 1 : 0;
}

static int cmd_info(const char *store)
{
    char *err = NULL;
    mtl_ngram *lm = mtl_ngram_open(store, &err);
    if (!lm) {
        fprintf(stderr, "mtlint-lm: %s\n", err ? err : "cannot open");
        free(err);
        return 1;
    }
    printf("%s\norder %d, floor %.2f\n", mtl_ngram_describe(lm),
           mtl_ngram_order(lm), mtl_ngram_unk_floor(lm));
    for (int n = 1; n <= mtl_ngram_order(lm); n++)
        printf("%d-grams: %" PRIu64 "\n", n, mtl_ngram_count(lm, n));
    mtl_ngram_close(lm);
    return 0;
}

static int cmd_score(const char *store)
{
    char *err = NULL;
    mtl_ngram *lm = mtl_ngram_open(store, &err);
    if (!lm) {
        fprintf(stderr, "mtlint-lm: %s\n", err ? err : "cannot open");
        free(err);
        return 1;
    }
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        uint32_t ctx[64];
        size_t n = 0;
        if (mtl_ngram_bos(lm) != MTL_NGRAM_NONE)
            ctx[n++] = mtl_ngram_bos(lm);
        double total = 0;
        for (char *save = NULL, *w = strtok_r(line, " \t\r\n", &save); w;
             w = strtok_r(NULL, " \t\r\n", &save)) {
            uint32_t id = mtl_ngram_word(lm, w, strlen(w));
            int m = 0;
            float lp = mtl_ngram_score(lm, ctx, n, id, &m);
            total += lp;
            printf("%s\t%.4f\t%d\n", w, lp, m);
            if (n == 64) {
                memmove(ctx, ctx + 1, 63 * sizeof *ctx);
                n--;
            }
            ctx[n++] = id;
        }
        printf("total\t%.4f\n", total);
    }
    mtl_ngram_close(lm);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Resident memory of this process in MiB, from /proc. */
static double resident_mib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kib = 0;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6))
            kib = strtod(line + 6, NULL);
    if (f)
        fclose(f);
    return kib / 1024;
}

static int cmd_bench(const char *store, const char *text)
{
    double before = resident_mib(), best = 1e9;
    char *err = NULL;
    for (int i = 0; i < 10; i++) {
        double t = now();
        mtl_ngram *lm = mtl_ngram_open(store, &err);
        if (!lm) {
            fprintf(stderr, "mtlint-lm: %s\n", err ? err : "cannot open");
            free(err);
            return 1;
        }
        uint32_t the = mtl_ngram_word(lm, "the", 3);
        mtl_ngram_score(lm, &the, 1, the, NULL);
        t = now() - t;
        best = t < best ? t : best;
        mtl_ngram_close(lm);
    }
    mtl_ngram *lm = mtl_ngram_open(store, &err);
    FILE *f = fopen(text, "r");
    if (!lm || !f) {
        perror(text);
        mtl_ngram_close(lm);
        if (f)
            fclose(f);
        return 1;
    }
    /* the text's words, lower-cased, as ids */
    uint32_t *ids = NULL;
    size_t n = 0, cap = 0;
    char word[256];
    size_t len = 0;
    for (int c = 0; c != EOF;) {
        c = fgetc(f);
        if (c != EOF && (isalnum(c) || c == '\'' || c == '-') && len + 1 < sizeof word) {
            word[len++] = (char)tolower(c);
            continue;
        }
        if (!len)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 4096;
            uint32_t *p = realloc(ids, cap * sizeof *ids);
            if (!p)
                break;
            ids = p;
        }
        ids[n++] = mtl_ngram_word(lm, word, len);
        len = 0;
    }
    fclose(f);
    double t = now(), sum = 0;
    uint64_t scored = 0;
    int order = mtl_ngram_order(lm);
    do {
        for (size_t i = 0; i < n; i++) {
            size_t k = i < (size_t)order - 1 ? i : (size_t)order - 1;
            sum += mtl_ngram_score(lm, ids + i - k, k, ids[i], NULL);
        }
        scored += n;
    } while (n && now() - t < 1.0);
    t = now() - t;
    printf("model: %s\n", mtl_ngram_describe(lm));
    printf("load: %.2f ms (best of 10: open, map, first lookup)\n", best * 1000);
    printf("resident: %.1f MiB after scoring %zu words (%.1f MiB before "
           "loading)\n", resident_mib(), n, before);
    printf("scoring: %.0f words/s (mean %.3f log10 per word)\n",
           t > 0 ? (double)scored / t : 0, n ? sum / (double)scored : 0);
    free(ids);
    mtl_ngram_close(lm);
    return 0;
}

static int usage(void)
{
    fputs("usage: mtlint-lm import-arpa [--describe TEXT] [--floor F] IN OUT\n"
          "       mtlint-lm import-sphinx [--describe TEXT] [--floor F] IN OUT\n"
          "       mtlint-lm check-sphinx MODEL.lm.bin STORE [N]\n"
          "       mtlint-lm sphinx-to-arpa MODEL.lm.bin > MODEL.arpa\n"
          "       mtlint-lm info STORE\n"
          "       mtlint-lm score STORE < sentences\n"
          "       mtlint-lm bench STORE TEXT\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return usage();
    const char *cmd = argv[1];
    if (!strcmp(cmd, "info"))
        return cmd_info(argv[2]);
    if (!strcmp(cmd, "score"))
        return cmd_score(argv[2]);
    if (!strcmp(cmd, "sphinx-to-arpa"))
        return cmd_sphinx_to_arpa(argv[2]);
    if (!strcmp(cmd, "bench") && argc == 4)
        return cmd_bench(argv[2], argv[3]);
    if (!strcmp(cmd, "check-sphinx")) {
        if (argc < 4)
            return usage();
        long n = argc > 4 ? strtol(argv[4], NULL, 10) : 30000;
        return cmd_check_sphinx(argv[2], argv[3], n > 0 ? n : 30000);
    }
    if (strcmp(cmd, "import-arpa") && strcmp(cmd, "import-sphinx"))
        return usage();
    import_opts o = {.floor = -7.0f};
    int i = 2;
    for (; i + 1 < argc && !strncmp(argv[i], "--", 2); i += 2) {
        if (!strcmp(argv[i], "--describe"))
            o.describe = argv[i + 1];
        else if (!strcmp(argv[i], "--floor"))
            o.floor = strtof(argv[i + 1], NULL);
        else
            return usage();
    }
    if (argc - i != 2)
        return usage();
    return !strcmp(cmd, "import-arpa") ? cmd_import_arpa(argv[i], argv[i + 1], &o)
                                       : cmd_import_sphinx(argv[i], argv[i + 1], &o);
}
