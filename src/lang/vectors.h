/*
 * Word vectors: a store of unit-length word embeddings, int8-quantised,
 * memory-mapped read-only so that every thread and process shares one copy.
 * It answers "how close in meaning are these two words" (cosine) and "how
 * well does this word fit a topic" (cosine with a centroid of words). The
 * layout is in vectors_format.h; tools/build_vectors.c writes stores.
 *
 * Words are stored as the source spells them (the shipped store: lower
 * case); callers look up case-folded forms. Ids run from 0 to count - 1,
 * most frequent first in the source, so a smaller id is a commoner word.
 * A store is never modified after open: every function may be called from
 * any thread.
 */
#ifndef MTL_VECTORS_H
#define MTL_VECTORS_H

#include "mtlint.h"

#include <stddef.h>
#include <stdint.h>

#define MTL_VECTORS_NONE UINT32_MAX /* an id no word has */

typedef struct mtl_vectors mtl_vectors;

/* Maps a store and checks its header (magic, version, header checksum,
 * sections inside the file); the payload is not read. Returns NULL and a
 * malloc'd *error naming the file on failure. */
mtl_vectors *mtl_vectors_open(const char *path, char **error);
/* Reads the whole payload and compares its checksum and word index with
 * the header (tools and tests; tens of milliseconds). Returns 0, or -1 and
 * a malloc'd *error. */
int mtl_vectors_verify(const mtl_vectors *v, char **error);
void mtl_vectors_close(mtl_vectors *v);

/* The installed store (MTL_VECTORS_STORE, found by mtl_data_find): 0 with
 * *out the store, or with *out NULL when none is installed; -1 with a
 * malloc'd *error (NULL when out of memory) when it cannot be opened. */
#define MTL_VECTORS_STORE "vectors-en.bin"
int mtl_vectors_load(const mtl_options *opts, mtl_vectors **out, char **error);
/* "word vectors: PATH", or that the store is not found, for --version;
 * malloc'd, NULL when out of memory. Opens nothing. */
char *mtl_vectors_locate(const mtl_options *opts);

/* One line naming the source, for --version. */
const char *mtl_vectors_describe(const mtl_vectors *v);
uint32_t mtl_vectors_count(const mtl_vectors *v);
uint32_t mtl_vectors_dims(const mtl_vectors *v);

/* The id of the word spelled exactly so (len bytes), or MTL_VECTORS_NONE. */
uint32_t mtl_vectors_find(const mtl_vectors *v, const char *word, size_t len);
/* The word of an id (NUL-terminated, inside the map), or NULL. */
const char *mtl_vectors_word(const mtl_vectors *v, uint32_t id);

/* The stored components of an id (dims of them) and, in *scale, the factor
 * that makes them a unit vector. */
const int8_t *mtl_vectors_raw(const mtl_vectors *v, uint32_t id, float *scale);
/* The unit vector of an id, dequantised into out[dims]. */
void mtl_vectors_get(const mtl_vectors *v, uint32_t id, float *out);
/* The length of the source's vector before it was normalised (in GloVe, it
 * grows with how specific and how frequent a word is). */
float mtl_vectors_norm(const mtl_vectors *v, uint32_t id);

/* Cosine similarity of two stored words, in [-1, 1]. */
float mtl_vectors_cosine(const mtl_vectors *v, uint32_t a, uint32_t b);

/* Topic vectors: acc[dims] += weight * (unit vector of id). A centroid is
 * any such sum; its length does not matter. A negative weight takes a word
 * back out (the topic of a document without one of its words). */
void mtl_vectors_add(const mtl_vectors *v, uint32_t id, float weight,
                     float *acc);
/* Cosine of the float vector vec[dims] with a stored word; 0 when vec is
 * zero. */
float mtl_vectors_cosine_to(const mtl_vectors *v, const float *vec,
                            uint32_t id);
/* Cosine of two float vectors of dims components; 0 when either is zero. */
float mtl_vectors_cosine_f(const float *a, const float *b, uint32_t dims);

#endif
