/*
 * The on-disk layout of the word-vector store, shared by the reader
 * (vectors.c) and the converter (tools/build_vectors.c). Little-endian;
 * every section starts on an 8-byte boundary. dicts/README.md documents it
 * for other programs.
 *
 * Each vector is kept unit-length: int8 components q with one float scale s
 * per word, so that s * q is the unit vector (s = 1 / |q|) and the cosine of
 * two words is s_a * s_b * (q_a . q_b), an integer dot product.
 */
#ifndef MTL_VECTORS_FORMAT_H
#define MTL_VECTORS_FORMAT_H

#include "base/hash.h"

#include <stddef.h>
#include <stdint.h>

#define MTL_VECTORS_MAGIC "MTLVECTS"
#define MTL_VECTORS_VERSION 1
#define MTL_VECTORS_MAX_DIMS 1024

typedef struct mtl_vectors_header {
    char magic[8];
    uint32_t version;
    uint32_t dims;            /* components per vector */
    uint32_t count;           /* words, most frequent first in the source */
    uint32_t hash_bits;       /* the word index has 1 << hash_bits slots */
    uint64_t file_size;       /* the whole file, header included */
    uint64_t off_words;       /* uint32[count + 1]: offsets in strings */
    uint64_t off_strings;     /* NUL-terminated words, in id order */
    uint64_t strings_len;     /* at least 1: the strings end with a NUL */
    uint64_t off_hash;        /* uint32 slots: word id + 1, 0 empty; FNV-1a
                                 64 of the bytes, linear probing */
    uint64_t off_scale;       /* float[count]: s, so that s * q is unit */
    uint64_t off_norm;        /* float[count]: the source vector's length */
    uint64_t off_vecs;        /* int8[count * dims], row by row */
    uint64_t payload_check;   /* FNV-1a 64 of bytes [header, file_size) */
    uint64_t header_check;    /* FNV-1a 64 of this header, this field 0 */
    char describe[128];       /* NUL-terminated: source, version, licence */
    uint8_t reserved[24];     /* zero */
} mtl_vectors_header;

_Static_assert(sizeof(mtl_vectors_header) == 256, "header layout");

/* The checksum of a header: FNV-1a 64 with header_check taken as 0. */
static inline uint64_t mtl_vectors_header_sum(const mtl_vectors_header *h)
{
    mtl_vectors_header c = *h;
    c.header_check = 0;
    return mtl_fnv64(MTL_FNV64_INIT, (const char *)&c, sizeof c);
}

#endif
