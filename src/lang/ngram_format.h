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
#include <string.h>

#define MTL_NGRAM_MAGIC "MTLNGRAM"
/* 2: values beside their keys in bit-packed buckets (1: 64-bit keys and
 * 32-bit values in separate arrays, 16-bit codes always) */
#define MTL_NGRAM_VERSION 2
#define MTL_NGRAM_CODE_BITS 16 /* at most 65536 codes per value kind and order */
/* Buckets of 1024 share one 32-bit base in the bucket index: 1 KB of bases
 * for 2^18 buckets stays in the first-level cache, where 16 KB (groups of
 * 64) missed in a third of the look-ups. A group holds about 8192 entries,
 * within the 16-bit offsets' 65535 (the builder checks). */
#define MTL_NGRAM_GROUP_BITS 10

/* Where the n-grams of one order are and how their entries are packed. An
 * entry is `key_bits - bucket_bits` low bits of its key (the rest is the
 * bucket), then its back-off code (bo_bits), then its probability code
 * (prob_bits), from the lowest bit up, entries back to back. */
typedef struct mtl_ngram_level {
    uint64_t count;
    uint64_t off_code;    /* float prob[1 << prob_bits], bo[1 << bo_bits] */
    uint64_t off_entries; /* (count * entry bits + 7) / 8 bytes, then 16 of
                             padding so that a reader may load 16 bytes */
    uint64_t off_base;    /* uint32[((1 << bucket_bits) >> 10) + 1]: the
                             first entry of each group of 1024 buckets */
    uint64_t off_rel;     /* uint16[(1 << bucket_bits) + 1]: the first entry
                             of each bucket minus its group's base */
    uint32_t key_bits, bucket_bits, prob_bits, bo_bits;
} mtl_ngram_level;

typedef struct mtl_ngram_header {
    char magic[8];
    uint32_t version;          /* at the same place in every version */
    uint32_t order;
    uint32_t n_words;
    uint32_t hash_bits;        /* the word index has 1 << hash_bits slots */
    uint32_t bos, eos, unk;    /* word ids, or MTL_NGRAM_NONE */
    float floor;               /* log10 score of an unknown word */
    uint32_t word_bits;        /* mtl_ngram_word_bits(n_words) */
    uint32_t vocab_style;      /* MTL_NGRAM_STYLE_*, found at import */
    uint64_t off_words;        /* uint32[n_words + 1]: offsets in strings */
    uint64_t off_strings;      /* NUL-terminated words, in id order */
    uint64_t strings_len;
    uint64_t off_hash;         /* uint32 slots: word id + 1, 0 empty */
    uint64_t off_uni;          /* float[2 * n_words]: log10 prob, back-off */
    char describe[80];         /* NUL-terminated model description */
    mtl_ngram_level level[MTL_NGRAM_MAX_ORDER]; /* [n-1] for order n >= 2;
                                                   level[0].count = n_words */
} mtl_ngram_header;

_Static_assert(sizeof(mtl_ngram_header) == 448, "header layout");
_Static_assert(offsetof(mtl_ngram_header, version) == 8, "version place");

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

/* The 64-bit hash key of the n-gram ids[0, n) in text order, for orders
 * whose ids do not fit side by side in 64 bits. */
static inline uint64_t mtl_ngram_key(const uint32_t *ids, int n)
{
    uint64_t h = 0x243f6a8885a308d3u + (uint64_t)n;
    for (int i = 0; i < n; i++)
        h = mtl_ngram_mix(h ^ ((uint64_t)ids[i] << 8 | (uint64_t)i));
    return h;
}

/* Bits a word id takes (ids are below n_words). */
static inline uint32_t mtl_ngram_word_bits(uint32_t n_words)
{
    uint32_t b = 1;
    while (b < 32 && ((uint64_t)1 << b) < n_words)
        b++;
    return b;
}

/* Does an n-gram of order n fit in a key exactly (ids side by side)? */
static inline int mtl_ngram_exact(int n, uint32_t word_bits)
{
    return (uint64_t)n * word_bits <= 64;
}

/* Bits in a key of order n. */
static inline uint32_t mtl_ngram_key_bits(int n, uint32_t word_bits)
{
    return mtl_ngram_exact(n, word_bits) ? (uint32_t)n * word_bits : 64;
}

/* A bijection of the numbers below mask + 1 = 2^k, s = (k + 1) / 2, that
 * spreads every input bit into the top ones: multiplying by an odd number
 * and xoring with a right shift are both invertible modulo 2^k. */
static inline uint64_t mtl_ngram_mix_masked(uint64_t x, uint64_t mask,
                                           uint32_t s)
{
    x = (x * 0x9e3779b97f4a7c15u) & mask;
    x ^= x >> s;
    x = (x * 0xbf58476d1ce4e5b9u) & mask;
    x ^= x >> s;
    x = (x * 0x94d049bb133111ebu) & mask;
    return x ^ (x >> s);
}

/* mtl_ngram_mix_masked on k bits (1 <= k <= 64). */
static inline uint64_t mtl_ngram_mix_bits(uint64_t x, uint32_t k)
{
    uint64_t mask = k >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << k) - 1;
    return mtl_ngram_mix_masked(x, mask, (k + 1) / 2);
}

/* The ids[0, n) side by side, ids[0] highest: the input of an exact key. */
static inline uint64_t mtl_ngram_pack(const uint32_t *ids, int n,
                                      uint32_t word_bits)
{
    uint64_t x = 0;
    for (int i = 0; i < n; i++)
        x = x << word_bits | ids[i];
    return x;
}

/* The key of the n-gram ids[0, n) in text order: when the ids fit side by
 * side in 64 bits, a bijection of them, so that a key names exactly one
 * n-gram and a look-up never finds another one; else a 64-bit hash. Keys
 * spread evenly, so their top bits make even buckets. */
static inline uint64_t mtl_ngram_key_of(const uint32_t *ids, int n,
                                        uint32_t word_bits)
{
    if (!mtl_ngram_exact(n, word_bits))
        return mtl_ngram_key(ids, n);
    return mtl_ngram_mix_bits(mtl_ngram_pack(ids, n, word_bits),
                              (uint32_t)n * word_bits);
}

/* The width bits (at most 64) at bit pos of the packed entries p; p has
 * 16 bytes of padding after its last entry. */
static inline uint64_t mtl_ngram_bits_at(const unsigned char *p, uint64_t pos,
                                         uint32_t width)
{
    uint64_t lo, hi;
    uint32_t s = (uint32_t)(pos & 7);
    memcpy(&lo, p + (pos >> 3), sizeof lo);
    uint64_t v = lo >> s;
    if (s + width > 64) {
        memcpy(&hi, p + (pos >> 3) + 8, sizeof hi);
        v |= hi << (64 - s);
    }
    return width >= 64 ? v : v & (((uint64_t)1 << width) - 1);
}

#endif
