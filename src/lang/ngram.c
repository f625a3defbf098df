/*
 * The n-gram store: reading (mmap, lookups, ARPA back-off scoring). The
 * builder that writes the same layout is in ngram_build.c.
 */
#include "lang/ngram.h"
#include "lang/ngram_format.h"

#include "base/buf.h"
#include "base/mapfile.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One order's n-grams, as bind() found them. */
typedef struct level {
    const unsigned char *entries;
    const uint32_t *base;
    const uint16_t *rel;
    const float *prob, *bo;     /* the codebooks */
    uint64_t count;
    uint64_t key_mask;          /* exact keys: the key's bits */
    uint32_t key_shift;         /* exact keys: the mixer's shift; 0 when
                                   keys are hashed */
    uint64_t rem_mask;          /* the key bits an entry stores */
    uint32_t rem_bits, bucket_bits, code_bits, bo_bits, entry_bits;
} level;

struct mtl_ngram {
    const unsigned char *base;
    size_t size;
    mtl_mapfile map;            /* base, when mapped; else base is malloc'd */
    const mtl_ngram_header *h;
    const uint32_t *word_offs;
    const char *strings;
    const uint32_t *slots;
    uint32_t slot_mask;
    const float *uni;           /* prob, bo per word */
    level lv[MTL_NGRAM_MAX_ORDER + 1]; /* [n] for order n >= 2 */
    uint32_t style;             /* MTL_NGRAM_STYLE_* */
};

/* "a: b", or a alone, malloc'd */
static char *message(const char *a, const char *b)
{
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, a);
    if (b) {
        mtl_sb_adds(&sb, ": ");
        mtl_sb_adds(&sb, b);
    }
    return mtl_sb_take(&sb);
}

/* Is [off, off + n * elem) inside the image? */
static int inside(const mtl_ngram *lm, uint64_t off, uint64_t n, uint64_t elem)
{
    if (off % 4 || off > lm->size || (elem && n > (lm->size - off) / elem))
        return 0;
    return 1;
}

/* Binds order n's level; -1 if its header entry does not fit the file. */
static int bind_level(mtl_ngram *lm, int n)
{
    const mtl_ngram_header *h = lm->h;
    const mtl_ngram_level *g = &h->level[n - 1];
    uint32_t kbits = mtl_ngram_key_bits(n, h->word_bits);
    if (g->key_bits != kbits || g->bucket_bits > kbits ||
        g->bucket_bits > 30 || g->prob_bits > MTL_NGRAM_CODE_BITS ||
        g->bo_bits > MTL_NGRAM_CODE_BITS || g->count >= UINT32_MAX)
        return -1;
    level *lv = &lm->lv[n];
    lv->count = g->count;
    lv->key_mask = kbits >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << kbits) - 1;
    lv->key_shift = mtl_ngram_exact(n, h->word_bits) ? (kbits + 1) / 2 : 0;
    lv->bucket_bits = g->bucket_bits;
    lv->rem_bits = kbits - g->bucket_bits;
    lv->rem_mask = lv->rem_bits >= 64 ? ~(uint64_t)0
                                      : ((uint64_t)1 << lv->rem_bits) - 1;
    lv->code_bits = g->prob_bits + g->bo_bits;
    lv->bo_bits = g->bo_bits;
    lv->entry_bits = lv->rem_bits + lv->code_bits;
    uint64_t buckets = (uint64_t)1 << g->bucket_bits;
    uint64_t n_prob = (uint64_t)1 << g->prob_bits,
             n_bo = (uint64_t)1 << g->bo_bits;
    if (!inside(lm, g->off_code, n_prob + n_bo, 4) ||
        !inside(lm, g->off_entries,
                (g->count * lv->entry_bits + 7) / 8 + 16, 1) ||
        !inside(lm, g->off_base, (buckets >> MTL_NGRAM_GROUP_BITS) + 1, 4) ||
        !inside(lm, g->off_rel, buckets + 1, 2))
        return -1;
    lv->prob = (const float *)(lm->base + g->off_code);
    lv->bo = lv->prob + n_prob;
    lv->entries = lm->base + g->off_entries;
    lv->base = (const uint32_t *)(lm->base + g->off_base);
    lv->rel = (const uint16_t *)(lm->base + g->off_rel);
    return 0;
}

static int bind(mtl_ngram *lm)
{
    const mtl_ngram_header *h = (const mtl_ngram_header *)lm->base;
    if (lm->size < sizeof *h || memcmp(h->magic, MTL_NGRAM_MAGIC, 8) != 0 ||
        h->version != MTL_NGRAM_VERSION || h->order < 1 ||
        h->order > MTL_NGRAM_MAX_ORDER || h->n_words == 0 ||
        h->hash_bits < 4 || h->hash_bits > 31 ||
        h->word_bits != mtl_ngram_word_bits(h->n_words) ||
        !(h->vocab_style & MTL_NGRAM_STYLE_FOUND) ||
        h->level[0].count != h->n_words || h->describe[sizeof h->describe - 1])
        return -1;
    lm->h = h;
    uint64_t slots = (uint64_t)1 << h->hash_bits;
    if (!inside(lm, h->off_words, h->n_words + 1, 4) ||
        !inside(lm, h->off_hash, slots, 4) ||
        !inside(lm, h->off_uni, h->n_words, 8) ||
        !inside(lm, h->off_strings, h->strings_len, 1) || !h->strings_len)
        return -1;
    lm->word_offs = (const uint32_t *)(lm->base + h->off_words);
    lm->strings = (const char *)(lm->base + h->off_strings);
    if (lm->strings[h->strings_len - 1] ||
        lm->word_offs[h->n_words] > h->strings_len)
        return -1;
    for (uint32_t i = 0; i < h->n_words; i++)
        if (lm->word_offs[i] >= lm->word_offs[i + 1])
            return -1;
    if ((h->bos != MTL_NGRAM_NONE && h->bos >= h->n_words) ||
        (h->eos != MTL_NGRAM_NONE && h->eos >= h->n_words) ||
        (h->unk != MTL_NGRAM_NONE && h->unk >= h->n_words))
        return -1;
    lm->slots = (const uint32_t *)(lm->base + h->off_hash);
    lm->slot_mask = (uint32_t)(slots - 1);
    lm->uni = (const float *)(lm->base + h->off_uni);
    for (int n = 2; n <= (int)h->order; n++)
        if (bind_level(lm, n) != 0)
            return -1;
    lm->style = h->vocab_style;
    return 0;
}

/* The format version of an image that starts with the magic, when it is
 * not the one this reader knows; else 0. */
static uint32_t other_version(const void *image, size_t size)
{
    uint32_t v;
    if (size < offsetof(mtl_ngram_header, version) + sizeof v)
        return 0;
    memcpy(&v, (const char *)image + offsetof(mtl_ngram_header, version),
           sizeof v);
    return v == MTL_NGRAM_VERSION ? 0 : v;
}

/* The message for a store of another format version. */
static char *version_message(const char *path, uint32_t version)
{
    mtl_sb sb = {0};
    if (path)
        mtl_sb_printf(&sb, "%s: ", path);
    mtl_sb_printf(&sb, "n-gram store of format version %u, this program "
                       "reads version %u (make it again with mtlint-lm)",
                  version, MTL_NGRAM_VERSION);
    return mtl_sb_take(&sb);
}

mtl_ngram *mtl_ngram_from_image(void *image, size_t size, char **error)
{
    mtl_ngram *lm = calloc(1, sizeof *lm);
    if (!lm) {
        free(image);
        *error = message("out of memory", NULL);
        return NULL;
    }
    lm->base = image;
    lm->size = size;
    if (bind(lm) != 0) {
        uint32_t v = other_version(image, size);
        *error = v ? version_message(NULL, v)
                   : message("not a valid n-gram store", NULL);
        mtl_ngram_close(lm);
        return NULL;
    }
    return lm;
}

static mtl_ngram *open_arpa(const char *path, char **error)
{
    mtl_ngram_builder *b = mtl_ngram_builder_new();
    if (!b) {
        *error = message("out of memory", NULL);
        return NULL;
    }
    mtl_ngram *lm = NULL;
    if (mtl_ngram_builder_read_arpa(b, path, error) == 0) {
        const char *slash = strrchr(path, '/');
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "%s (ARPA)", slash ? slash + 1 : path);
        char *d = mtl_sb_take(&sb);
        if (d)
            mtl_ngram_builder_describe(b, d);
        free(d);
        size_t size = 0;
        void *img = mtl_ngram_builder_image(b, &size, error);
        if (img)
            lm = mtl_ngram_from_image(img, size, error);
    }
    mtl_ngram_builder_free(b);
    return lm;
}

mtl_ngram *mtl_ngram_open(const char *path, char **error)
{
    uint32_t version;
    return mtl_ngram_open_version(path, &version, error);
}

mtl_ngram *mtl_ngram_open_version(const char *path, uint32_t *version,
                                  char **error)
{
    *error = NULL;
    *version = 0;
    mtl_mapfile m;
    if (mtl_map_open(path, 0, &m) != 0)
        return *error = message(path, errno == EINVAL ? "not a regular file"
                                                      : strerror(errno)),
               NULL;
    if (m.size < 8 || memcmp(m.base, MTL_NGRAM_MAGIC, 8) != 0) {
        mtl_map_close(&m);
        return open_arpa(path, error);
    }
    if ((*version = other_version(m.base, m.size)) != 0) {
        mtl_map_close(&m);
        return *error = version_message(path, *version), NULL;
    }
    mtl_ngram *lm = calloc(1, sizeof *lm);
    if (!lm) {
        mtl_map_close(&m);
        return *error = message("out of memory", NULL), NULL;
    }
    lm->map = m;
    lm->base = m.base;
    lm->size = m.size;
    if (bind(lm) != 0) {
        mtl_ngram_close(lm);
        return *error = message(path, "damaged n-gram store"), NULL;
    }
    /* n-gram lookups jump around: do not read ahead */
    mtl_map_random(&lm->map);
    return lm;
}

void mtl_ngram_close(mtl_ngram *lm)
{
    if (!lm)
        return;
    if (lm->map.base)
        mtl_map_close(&lm->map);
    else
        free((void *)lm->base);
    free(lm);
}

int mtl_ngram_order(const mtl_ngram *lm) { return (int)lm->h->order; }
uint32_t mtl_ngram_vocab_size(const mtl_ngram *lm) { return lm->h->n_words; }
uint32_t mtl_ngram_vocab_style(const mtl_ngram *lm) { return lm->style; }
const char *mtl_ngram_describe(const mtl_ngram *lm) { return lm->h->describe; }
float mtl_ngram_unk_floor(const mtl_ngram *lm) { return lm->h->floor; }
uint32_t mtl_ngram_bos(const mtl_ngram *lm) { return lm->h->bos; }
uint32_t mtl_ngram_eos(const mtl_ngram *lm) { return lm->h->eos; }
uint32_t mtl_ngram_unk(const mtl_ngram *lm) { return lm->h->unk; }

uint64_t mtl_ngram_count(const mtl_ngram *lm, int order)
{
    if (order < 1 || order > (int)lm->h->order)
        return 0;
    return lm->h->level[order - 1].count;
}

const char *mtl_ngram_word_text(const mtl_ngram *lm, uint32_t id)
{
    return id < lm->h->n_words ? lm->strings + lm->word_offs[id] : NULL;
}

uint32_t mtl_ngram_word(const mtl_ngram *lm, const char *w, size_t len)
{
    uint32_t i = (uint32_t)mtl_ngram_hash_bytes(w, len) & lm->slot_mask;
    for (uint32_t probes = 0; probes <= lm->slot_mask; probes++) {
        uint32_t s = lm->slots[i];
        if (s == 0 || s > lm->h->n_words)
            return MTL_NGRAM_NONE;
        const char *t = lm->strings + lm->word_offs[s - 1];
        if (lm->word_offs[s] - lm->word_offs[s - 1] == len + 1 &&
            memcmp(t, w, len) == 0)
            return s - 1;
        i = (i + 1) & lm->slot_mask;
    }
    return MTL_NGRAM_NONE;
}

/* Buckets of more entries than this (a damaged or pathological file: the
 * builder makes about eight) are bisected down to this many first. */
#define SCAN_ENTRIES 16

/* The key bits entry i keeps. */
static inline uint64_t rem_at(const level *lv, uint64_t i)
{
    return mtl_ngram_bits_at(lv->entries, i * lv->entry_bits, lv->rem_bits);
}

/* The codes of the n-gram of order n with this key (probability code <<
 * bo_bits | back-off code), or -1 if absent. The bucket's entries are
 * sorted by the key bits they keep and hold the codes beside them, so a
 * look-up reads the bucket index (small enough to stay in the cache) and
 * then one or two lines of entries. Out of line: the memo answers most
 * look-ups, and its check is then inlined into the scorer. */
__attribute__((noinline))
static int64_t lookup_key(const mtl_ngram *lm, uint64_t key, int n)
{
    const level *lv = &lm->lv[n];
    uint64_t bucket = lv->rem_bits >= 64 ? 0 : key >> lv->rem_bits;
    uint64_t rem = key & lv->rem_mask, next = bucket + 1;
    uint64_t lo = (uint64_t)lv->base[bucket >> MTL_NGRAM_GROUP_BITS] +
                  lv->rel[bucket],
             hi = (uint64_t)lv->base[next >> MTL_NGRAM_GROUP_BITS] +
                  lv->rel[next];
    if (lo >= hi || hi > lv->count) /* empty, or a damaged index */
        return -1;
    uint64_t i;
    if (hi - lo <= SCAN_ENTRIES) {
        /* keys spread evenly, so the entry sits near its share of the
         * bucket: start there (scoring 300 KB of prose with the Sphinx
         * model, 2.0 entries read a look-up instead of 4.6 from the
         * bucket's start) */
        i = lo + (uint64_t)(((unsigned __int128)rem * (hi - lo)) >>
                            lv->rem_bits);
    } else {
        while (hi - lo > SCAN_ENTRIES) {
            uint64_t mid = lo + (hi - lo) / 2;
            if (rem_at(lv, mid) <= rem)
                lo = mid;
            else
                hi = mid;
        }
        i = lo;
    }
    uint64_t r = rem_at(lv, i);
    if (r < rem) {
        while (++i < hi && (r = rem_at(lv, i)) < rem)
            ;
        if (i == hi)
            return -1;
    } else {
        while (r > rem && i > lo)
            r = rem_at(lv, --i);
    }
    if (r != rem)
        return -1;
    return (int64_t)mtl_ngram_bits_at(lv->entries,
                                      i * lv->entry_bits + lv->rem_bits,
                                      lv->code_bits);
}

/* One remembered look-up: order 0 marks an empty slot. */
typedef struct memo_slot {
    uint64_t key;
    uint32_t val;
    uint8_t order, found;
} memo_slot;

struct mtl_ngram_memo {
    const mtl_ngram *lm; /* the store the slots answer for */
    memo_slot *slot;
    uint32_t mask;
};

/* Slots per memo, at least and at most. Each holds one look-up, replaced
 * by the next that maps to it. On 1 MB of package descriptions (150,000
 * words, 1.4 million look-ups) 4,096 slots answered 59 % of the look-ups
 * and 65,536 slots 68 %; a few thousand suffice for an article, and a
 * small memo stays in the processor's cache. */
#define MEMO_MIN 256
#define MEMO_MAX 16384

mtl_ngram_memo *mtl_ngram_memo_new(const mtl_ngram *lm, size_t expect)
{
    mtl_ngram_memo *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->lm = lm;
    size_t n = MEMO_MIN;
    while (n < MEMO_MAX && n < expect)
        n *= 2;
    m->slot = calloc(n, sizeof *m->slot);
    if (!m->slot) {
        free(m);
        return NULL;
    }
    m->mask = (uint32_t)(n - 1);
    return m;
}

void mtl_ngram_memo_free(mtl_ngram_memo *memo)
{
    if (!memo)
        return;
    free(memo->slot);
    free(memo);
}

/* lookup_key through the memo, when there is one. Always inlined (gcc
 * would not): most look-ups end at the memo, and so cost no call. */
__attribute__((always_inline))
static inline int64_t lookup(const mtl_ngram *lm, mtl_ngram_memo *memo,
                             const uint32_t *ids, int n)
{
    /* mtl_ngram_key_of, with the mixer's constants found at open */
    const level *lv = &lm->lv[n];
    uint64_t key = lv->key_shift
                       ? mtl_ngram_mix_masked(mtl_ngram_pack(ids, n,
                                                             lm->h->word_bits),
                                              lv->key_mask, lv->key_shift)
                       : mtl_ngram_key(ids, n);
    if (!memo)
        return lookup_key(lm, key, n);
    /* the key is mixed already: its low bits pick the slot */
    memo_slot *s = &memo->slot[key & memo->mask];
    if (s->order == n && s->key == key)
        return s->found ? (int64_t)s->val : -1;
    int64_t v = lookup_key(lm, key, n);
    *s = (memo_slot){.key = key, .val = v < 0 ? 0 : (uint32_t)v,
                     .order = (uint8_t)n, .found = v >= 0};
    return v;
}

static float prob_of(const mtl_ngram *lm, int n, uint32_t v)
{
    return lm->lv[n].prob[v >> lm->lv[n].bo_bits];
}

static float bo_of(const mtl_ngram *lm, int n, uint32_t v)
{
    return lm->lv[n].bo[v & (((uint32_t)1 << lm->lv[n].bo_bits) - 1)];
}

float mtl_ngram_score(const mtl_ngram *lm, const uint32_t *ctx, size_t n_ctx,
                      uint32_t word, int *matched)
{
    return mtl_ngram_score_memo(lm, NULL, ctx, n_ctx, word, matched);
}

float mtl_ngram_score_memo(const mtl_ngram *lm, mtl_ngram_memo *memo,
                           const uint32_t *ctx, size_t n_ctx, uint32_t word,
                           int *matched)
{
    if (memo && memo->lm != lm)
        memo = NULL; /* it answers for another store */
    if (matched)
        *matched = 0;
    if (word >= lm->h->n_words) {
        if (lm->h->unk == MTL_NGRAM_NONE)
            return lm->h->floor;
        word = lm->h->unk;
    }
    size_t k = n_ctx < lm->h->order - 1 ? n_ctx : lm->h->order - 1;
    const uint32_t *c = k ? ctx + n_ctx - k : NULL;
    for (size_t i = k; i-- > 0;)
        if (c[i] >= lm->h->n_words) {
            c += i + 1;
            k -= i + 1;
            break;
        }
    /* P(w | c) = p(c w) if the n-gram exists, else bo(c) + P(w | c'),
     * c' being c without its first word */
    uint32_t ids[MTL_NGRAM_MAX_ORDER];
    float total = 0;
    for (size_t j = k; j >= 1; j--) {
        memcpy(ids, c + k - j, j * sizeof *ids);
        ids[j] = word;
        int64_t v = lookup(lm, memo, ids, (int)j + 1);
        if (v >= 0) {
            if (matched)
                *matched = (int)j + 1;
            return total + prob_of(lm, (int)j + 1, (uint32_t)v);
        }
        if (j == 1) {
            total += lm->uni[2 * (size_t)ids[0] + 1];
        } else {
            int64_t cv = lookup(lm, memo, ids, (int)j);
            if (cv >= 0)
                total += bo_of(lm, (int)j, (uint32_t)cv);
        }
    }
    if (matched)
        *matched = 1;
    return total + lm->uni[2 * (size_t)word];
}
