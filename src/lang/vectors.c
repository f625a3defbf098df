/*
 * The word-vector store: mapping, checking and reading (vectors_format.h
 * has the layout). Opening checks only the header, so that start-up costs
 * the same for any size of store; mtl_vectors_verify reads everything.
 * Every access that follows a stored offset is bounds-checked against the
 * header's section sizes, so a damaged payload gives wrong answers, never a
 * read outside the map.
 */
#include "lang/vectors.h"
#include "lang/vectors_format.h"

#include "base/buf.h"
#include "base/mapfile.h"
#include "lang/datapath.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mtl_vectors {
    mtl_mapfile map;
    const unsigned char *base;
    size_t size;
    const mtl_vectors_header *h;
    const uint32_t *word_offs;
    const char *strings;
    uint64_t strings_len;
    const uint32_t *slots;
    uint32_t slot_mask;
    const float *scale;
    const float *norm;
    const int8_t *vecs;
    uint32_t count, dims;
};

/* A malloc'd message "path: what" (NULL when out of memory). */
__attribute__((format(printf, 2, 3)))
static char *message(const char *path, const char *fmt, ...)
{
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    size_t n = strlen(path) + strlen(what) + 3;
    char *m = malloc(n);
    if (m)
        snprintf(m, n, "%s: %s", path, what);
    return m;
}

/* Is [off, off + n * elem) inside the file, off aligned to align? */
static int inside(uint64_t size, uint64_t off, uint64_t n, uint64_t elem,
                  uint64_t align)
{
    if (off % align || off < sizeof(mtl_vectors_header) || off > size)
        return 0;
    return elem == 0 || n <= (size - off) / elem;
}

/* Checks the header against the file's size; NULL when it is sound, else
 * what is wrong (a static string). */
static const char *check_header(const mtl_vectors_header *h, uint64_t size)
{
    if (memcmp(h->magic, MTL_VECTORS_MAGIC, 8) != 0)
        return "not a word-vector store (bad magic)";
    if (h->version != MTL_VECTORS_VERSION)
        return "unsupported word-vector store version";
    if (h->header_check != mtl_vectors_header_sum(h))
        return "damaged word-vector store (header checksum mismatch)";
    if (h->file_size > size)
        return "truncated word-vector store (shorter than its header says)";
    if (h->file_size < size)
        return "damaged word-vector store (longer than its header says)";
    if (h->dims == 0 || h->dims > MTL_VECTORS_MAX_DIMS)
        return "damaged word-vector store (dimensions)";
    if (h->hash_bits < 3 || h->hash_bits > 31 ||
        ((uint64_t)1 << h->hash_bits) <= h->count)
        return "damaged word-vector store (index size)";
    if (h->describe[sizeof h->describe - 1] != '\0')
        return "damaged word-vector store (description)";
    uint64_t slots = (uint64_t)1 << h->hash_bits;
    if (!inside(size, h->off_words, (uint64_t)h->count + 1, 4, 8) ||
        !inside(size, h->off_strings, h->strings_len, 1, 8) ||
        h->strings_len == 0 || h->strings_len >= UINT32_MAX ||
        !inside(size, h->off_hash, slots, 4, 8) ||
        !inside(size, h->off_scale, h->count, 4, 8) ||
        !inside(size, h->off_norm, h->count, 4, 8) ||
        !inside(size, h->off_vecs, h->count, h->dims, 8))
        return "damaged word-vector store (section outside the file)";
    return NULL;
}

mtl_vectors *mtl_vectors_open(const char *path, char **error)
{
    *error = NULL;
    mtl_mapfile m;
    if (mtl_map_open(path, 0, &m) != 0)
        return *error = message(path, "%s",
                                errno == EINVAL ? "not a regular file"
                                                : strerror(errno)),
               NULL;
    if (m.size < sizeof(mtl_vectors_header)) {
        size_t got = m.size;
        mtl_map_close(&m);
        return *error = message(path, "truncated word-vector store (%zu "
                                "bytes, the header alone has %zu)",
                                got, sizeof(mtl_vectors_header)), NULL;
    }
    size_t size = m.size;
    const void *p = m.base;
    const mtl_vectors_header *h = p;
    const char *bad = check_header(h, size);
    if (bad) {
        mtl_map_close(&m);
        return *error = message(path, "%s", bad), NULL;
    }
    mtl_vectors *v = calloc(1, sizeof *v);
    if (!v) {
        mtl_map_close(&m);
        return *error = message(path, "out of memory"), NULL;
    }
    v->map = m;
    v->base = m.base;
    v->size = size;
    v->h = h;
    v->count = h->count;
    v->dims = h->dims;
    v->word_offs = (const uint32_t *)(v->base + h->off_words);
    v->strings = (const char *)(v->base + h->off_strings);
    v->strings_len = h->strings_len;
    v->slots = (const uint32_t *)(v->base + h->off_hash);
    v->slot_mask = (uint32_t)(((uint64_t)1 << h->hash_bits) - 1);
    v->scale = (const float *)(v->base + h->off_scale);
    v->norm = (const float *)(v->base + h->off_norm);
    v->vecs = (const int8_t *)(v->base + h->off_vecs);
    /* every word string ends inside the section, so word() can hand out
     * any offset below strings_len */
    if (v->strings[v->strings_len - 1] != '\0') {
        mtl_vectors_close(v);
        return *error = message(path, "damaged word-vector store "
                                "(unterminated strings)"), NULL;
    }
    /* lookups and vectors are read in no order */
    mtl_map_random(&v->map);
    return v;
}

void mtl_vectors_close(mtl_vectors *v)
{
    if (!v)
        return;
    mtl_map_close(&v->map);
    free(v);
}

int mtl_vectors_verify(const mtl_vectors *v, char **error)
{
    *error = NULL;
    const mtl_vectors_header *h = v->h;
    uint64_t sum = mtl_fnv64(MTL_FNV64_INIT, (const char *)v->base + sizeof *h,
                             v->size - sizeof *h);
    if (sum != h->payload_check)
        return *error = message("word-vector store", "payload checksum "
                                "mismatch (damaged file)"), -1;
    for (size_t i = 0; i < sizeof h->reserved; i++)
        if (h->reserved[i])
            return *error = message("word-vector store", "reserved header "
                                    "bytes are not zero"), -1;
    if (v->count && (v->word_offs[0] != 0 ||
                     v->word_offs[v->count] != v->strings_len))
        return *error = message("word-vector store", "word offsets do not "
                                "span the strings"), -1;
    for (uint32_t id = 0; id < v->count; id++) {
        uint32_t a = v->word_offs[id], b = v->word_offs[id + 1];
        if (b > v->strings_len || b <= a + 1 || v->strings[b - 1] != '\0' ||
            memchr(v->strings + a, '\0', b - a - 1))
            return *error = message("word-vector store", "word %u is not "
                                    "one non-empty string", id), -1;
        if (mtl_vectors_find(v, v->strings + a, b - a - 1) != id)
            return *error = message("word-vector store", "word %u ('%s') "
                                    "is not found by the index", id,
                                    v->strings + a), -1;
        if (!isfinite(v->scale[id]) || v->scale[id] < 0 ||
            !isfinite(v->norm[id]))
            return *error = message("word-vector store", "word %u has a "
                                    "bad scale or norm", id), -1;
    }
    uint32_t used = 0;
    for (uint64_t i = 0; i <= v->slot_mask; i++) {
        if (v->slots[i] > v->count)
            return *error = message("word-vector store", "index slot %llu "
                                    "names no word", (unsigned long long)i),
                   -1;
        used += v->slots[i] != 0;
    }
    if (used != v->count)
        return *error = message("word-vector store", "the index holds %u "
                                "words, the store %u", used, v->count), -1;
    return 0;
}

const char *mtl_vectors_describe(const mtl_vectors *v)
{
    return v->h->describe;
}

uint32_t mtl_vectors_count(const mtl_vectors *v) { return v->count; }
uint32_t mtl_vectors_dims(const mtl_vectors *v) { return v->dims; }

uint32_t mtl_vectors_find(const mtl_vectors *v, const char *word, size_t len)
{
    uint64_t h = mtl_fnv64(MTL_FNV64_INIT, word, len);
    uint32_t i = (uint32_t)h & v->slot_mask;
    /* at most one pass over the slots, so a damaged full index still ends */
    for (uint64_t n = 0; n <= v->slot_mask; n++, i = (i + 1) & v->slot_mask) {
        uint32_t s = v->slots[i];
        if (s == 0 || s > v->count)
            return MTL_VECTORS_NONE;
        uint32_t off = v->word_offs[s - 1];
        if (off < v->strings_len && len < v->strings_len - off &&
            v->strings[off + len] == '\0' &&
            memcmp(v->strings + off, word, len) == 0)
            return s - 1;
    }
    return MTL_VECTORS_NONE;
}

const char *mtl_vectors_word(const mtl_vectors *v, uint32_t id)
{
    if (id >= v->count || v->word_offs[id] >= v->strings_len)
        return NULL;
    return v->strings + v->word_offs[id];
}

const int8_t *mtl_vectors_raw(const mtl_vectors *v, uint32_t id, float *scale)
{
    assert(id < v->count);
    *scale = v->scale[id];
    return v->vecs + (size_t)id * v->dims;
}

void mtl_vectors_get(const mtl_vectors *v, uint32_t id, float *out)
{
    float s;
    const int8_t *q = mtl_vectors_raw(v, id, &s);
    for (uint32_t i = 0; i < v->dims; i++)
        out[i] = s * (float)q[i];
}

float mtl_vectors_norm(const mtl_vectors *v, uint32_t id)
{
    assert(id < v->count);
    return v->norm[id];
}

float mtl_vectors_cosine(const mtl_vectors *v, uint32_t a, uint32_t b)
{
    float sa, sb;
    const int8_t *qa = mtl_vectors_raw(v, a, &sa);
    const int8_t *qb = mtl_vectors_raw(v, b, &sb);
    int32_t dot = 0; /* |q| <= 127: exact up to 133,000 dimensions */
    for (uint32_t i = 0; i < v->dims; i++)
        dot += (int32_t)qa[i] * qb[i];
    return (float)dot * sa * sb;
}

void mtl_vectors_add(const mtl_vectors *v, uint32_t id, float weight,
                     float *acc)
{
    float s;
    const int8_t *q = mtl_vectors_raw(v, id, &s);
    float k = weight * s;
    for (uint32_t i = 0; i < v->dims; i++)
        acc[i] += k * (float)q[i];
}

float mtl_vectors_cosine_to(const mtl_vectors *v, const float *vec,
                            uint32_t id)
{
    float s;
    const int8_t *q = mtl_vectors_raw(v, id, &s);
    double dot = 0, nn = 0;
    for (uint32_t i = 0; i < v->dims; i++) {
        dot += (double)vec[i] * q[i];
        nn += (double)vec[i] * vec[i];
    }
    if (nn == 0)
        return 0;
    return (float)(dot * s / sqrt(nn));
}

float mtl_vectors_cosine_f(const float *a, const float *b, uint32_t dims)
{
    double dot = 0, na = 0, nb = 0;
    for (uint32_t i = 0; i < dims; i++) {
        dot += (double)a[i] * b[i];
        na += (double)a[i] * a[i];
        nb += (double)b[i] * b[i];
    }
    if (na == 0 || nb == 0)
        return 0;
    return (float)(dot / sqrt(na * nb));
}

int mtl_vectors_load(const mtl_options *opts, mtl_vectors **out, char **error)
{
    *out = NULL;
    char *path = mtl_data_find(opts, MTL_VECTORS_STORE);
    if (!path) {
        if (errno == ENOMEM) {
            *error = NULL;
            return -1;
        }
        return 0;
    }
    char *err = NULL;
    *out = mtl_vectors_open(path, &err);
    free(path);
    if (*out)
        return 0;
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "word vectors: %s", err ? err : "cannot open");
    free(err);
    *error = mtl_sb_take(&sb);
    return -1;
}

char *mtl_vectors_locate(const mtl_options *opts)
{
    return mtl_data_locate(opts, "word vectors", MTL_VECTORS_STORE, NULL);
}
