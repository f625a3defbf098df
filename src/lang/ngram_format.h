/*
 * The on-disk layout of the n-gram store, shared by the reader (ngram.c)
 * and the builder (ngram_build.c). Little-endian; every section starts on an
 * 8-byte boundary. dicts/README.md documents it for other programs.
 */
#ifndef MTL_NGRAM_FORMAT_H
#define MTL_NGRAM_FORMAT_H

#include "base/hash.h"
#include "lang/ngram.h"

#include <stddef.h>
#include <stdint.h>

#define MTL_NGRAM_MAGIC "MTLNGRAM"
#define MTL_NGRAM_VERSION 1
#define MTL_NGRAM_CODES 65536 /* codebook entries per value kind and order */

typedef struct mtl_ngram_header {
    char magic[8];
    uint32_t version;
    uint32_t order;
    uint32_t n_words;
    uint32_t hash_bits;        /* the word index has 1 << hash_bits slots */
    uint32_t bos, eos, unk;    /* word ids, or MTL_NGRAM_NONE */
    float floor;               /* log10 score of an unknown word */
    uint64_t count[MTL_NGRAM_MAX_ORDER];
    uint64_t off_words;        /* uint32[n_words + 1]: offsets in strings */
    uint64_t off_strings;      /* NUL-terminated words, in id order */
    uint64_t strings_len;
    uint64_t off_hash;         /* uint32 slots: word id + 1, 0 empty */
    uint64_t off_uni;          /* float[2 * n_words]: log10 prob, back-off */
    uint64_t off_code[MTL_NGRAM_MAX_ORDER]; /* [n-1]: float prob[65536],
                                                float bo[65536] */
    uint64_t off_keys[MTL_NGRAM_MAX_ORDER]; /* [n-1]: sorted uint64 keys */
    uint64_t off_vals[MTL_NGRAM_MAX_ORDER]; /* [n-1]: prob code << 16 | bo code */
    uint64_t off_index[MTL_NGRAM_MAX_ORDER]; /* [n-1]: uint32[(1 << bits) + 1],
                                                where keys with these top bits
                                                start */
    uint32_t index_bits[MTL_NGRAM_MAX_ORDER];
    uint32_t vocab_style;      /* MTL_NGRAM_STYLE_*, found at import; 0 in
                                  older files (then found at open) */
    char describe[80];         /* NUL-terminated model description */
} mtl_ngram_header;

_Static_assert(sizeof(mtl_ngram_header) == 384, "header layout");

/* How the vocabulary writes words, found once from all its words. */
typedef struct mtl_ngram_style_count {
    uint32_t words, upper, hyphen, digits;
} mtl_ngram_style_count;

static inline void mtl_ngram_style_add(mtl_ngram_style_count *c,
                                       const char *w)
{
    c->words++;
    if (w[0] == '<') /* <s>, </s>, <unk> */
        return;
    int up = 0, hy = 0;
    for (const char *p = w; *p; p++) {
        up |= *p >= 'A' && *p <= 'Z';
        hy |= p > w && *p == '-';
    }
    c->upper += (uint32_t)up;
    c->hyphen += (uint32_t)hy;
    c->digits += w[0] >= '0' && w[0] <= '9';
}

static inline uint32_t mtl_ngram_style_of(const mtl_ngram_style_count *c)
{
    return MTL_NGRAM_STYLE_FOUND |
           (c->upper * 50 < c->words ? MTL_NGRAM_STYLE_LOWER : 0) |
           (c->hyphen ? MTL_NGRAM_STYLE_HYPHEN : 0) |
           (c->digits ? MTL_NGRAM_STYLE_DIGITS : 0);
}

/* 64-bit FNV-1a: the word index hash. */
static inline uint64_t mtl_ngram_hash_bytes(const char *s, size_t len)
{
    return mtl_fnv64(MTL_FNV64_INIT, s, len);
}

/* The splitmix64 finaliser: a bijection that spreads every input bit. */
static inline uint64_t mtl_ngram_mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* The key of the n-gram ids[0, n) in text order. */
static inline uint64_t mtl_ngram_key(const uint32_t *ids, int n)
{
    uint64_t h = 0x243f6a8885a308d3u + (uint64_t)n;
    for (int i = 0; i < n; i++)
        h = mtl_ngram_mix(h ^ ((uint64_t)ids[i] << 8 | (uint64_t)i));
    return h;
}

#endif
