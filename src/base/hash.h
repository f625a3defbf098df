/*
 * FNV-1a, the one string hash of the project: word tables, caches, model
 * file indexes (whose stored keys depend on it: changing it changes the
 * n-gram and tagger file formats) and baseline fingerprints.
 */
#ifndef MTL_HASH_H
#define MTL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define MTL_FNV64_INIT 14695981039346656037ull
#define MTL_FNV32_INIT 2166136261u

static inline uint64_t mtl_fnv64_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ull;
}

/* Continues hash h over s[0..n); start from MTL_FNV64_INIT. */
static inline uint64_t mtl_fnv64(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = mtl_fnv64_byte(h, (unsigned char)s[i]);
    return h;
}

static inline uint32_t mtl_fnv32(const char *s, size_t n)
{
    uint32_t h = MTL_FNV32_INIT;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

#endif
