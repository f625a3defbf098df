/*
 * The n-gram store: a back-off language model (orders 1-5) in one file that
 * is memory-mapped and then only read, so every thread shares one copy.
 * The layout is documented in dicts/README.md; in short: a word table with
 * a hash index, float unigrams, and per higher order buckets of bit-packed
 * entries, each the rest of its key (the word ids mixed, or hashed when
 * they do not fit in 64 bits) beside its codes in per-order codebooks of
 * log10 probabilities and back-off weights.
 *
 * Scores are log10 probabilities with ARPA back-off semantics.
 */
#ifndef MTL_NGRAM_H
#define MTL_NGRAM_H

#include <stddef.h>
#include <stdint.h>

#define MTL_NGRAM_MAX_ORDER 5
#define MTL_NGRAM_NONE UINT32_MAX /* an id no word has */

typedef struct mtl_ngram mtl_ngram;

/* Opens a store file (mtlint's binary format, or ARPA text, plain or gzip:
 * ARPA is converted in memory, which takes time for big models). Returns
 * NULL and a malloc'd *error on failure. */
mtl_ngram *mtl_ngram_open(const char *path, char **error);
/* mtl_ngram_open; when the file is a store of another format version (one
 * left by an older build), *version gets that version, else 0, so that a
 * caller may treat it as a missing store. */
mtl_ngram *mtl_ngram_open_version(const char *path, uint32_t *version,
                                  char **error);
void mtl_ngram_close(mtl_ngram *lm);

int mtl_ngram_order(const mtl_ngram *lm);
uint32_t mtl_ngram_vocab_size(const mtl_ngram *lm);
uint64_t mtl_ngram_count(const mtl_ngram *lm, int order);
/* One line naming the model, from the file ("CMU Sphinx en-us 3-gram"). */
const char *mtl_ngram_describe(const mtl_ngram *lm);
/* Score of a word the model does not know (log10). */
float mtl_ngram_unk_floor(const mtl_ngram *lm);

/* How the vocabulary writes words (MTL_NGRAM_STYLE_* bits). */
enum {
    MTL_NGRAM_STYLE_LOWER = 1,  /* case-folded: under 2 % of the words have
                                   a capital */
    MTL_NGRAM_STYLE_HYPHEN = 2, /* compounds such as "cease-fire" are words */
    MTL_NGRAM_STYLE_DIGITS = 4, /* numbers are words ("1990") */
    MTL_NGRAM_STYLE_FOUND = 1u << 31 /* set: the others are known */
};
uint32_t mtl_ngram_vocab_style(const mtl_ngram *lm);

/* The id of a word spelled exactly so (len bytes), or MTL_NGRAM_NONE. */
uint32_t mtl_ngram_word(const mtl_ngram *lm, const char *w, size_t len);
const char *mtl_ngram_word_text(const mtl_ngram *lm, uint32_t id);
/* Ids of the sentence markers; MTL_NGRAM_NONE when absent. */
uint32_t mtl_ngram_bos(const mtl_ngram *lm);
uint32_t mtl_ngram_eos(const mtl_ngram *lm);
uint32_t mtl_ngram_unk(const mtl_ngram *lm);

/*
 * log10 P(word | ctx), ctx[n_ctx - 1] the word just before. Context words
 * beyond order - 1 are ignored; MTL_NGRAM_NONE in the context cuts it there.
 * An unknown word scores <unk> when the model has it, else the floor.
 * If matched is not NULL it gets the length of the n-gram found (0 for an
 * unknown word).
 */
float mtl_ngram_score(const mtl_ngram *lm, const uint32_t *ctx, size_t n_ctx,
                      uint32_t word, int *matched);

/*
 * A memo of the store's look-ups for one document, owned by the thread that
 * lints it. A look-up costs a few cache misses in a file of tens of
 * megabytes; a document asks for the same n-grams again and again (scoring
 * "b c" after "a b" looks "b c" up once as an n-gram and once as a context,
 * a rule trying candidates in one slot rescores the same neighbours, and
 * "of the" recurs), so most answers come from here instead.
 */
typedef struct mtl_ngram_memo mtl_ngram_memo;

/* A memo of look-ups in lm with room for about `expect` distinct ones;
 * NULL when out of memory. */
mtl_ngram_memo *mtl_ngram_memo_new(const mtl_ngram *lm, size_t expect);
void mtl_ngram_memo_free(mtl_ngram_memo *memo);

/* mtl_ngram_score, its look-ups answered from memo where it has them
 * (NULL, or a memo of another store: none); the result is the same to the
 * bit. */
float mtl_ngram_score_memo(const mtl_ngram *lm, mtl_ngram_memo *memo,
                           const uint32_t *ctx, size_t n_ctx, uint32_t word,
                           int *matched);

/* --- building a store (importers and tests) --- */

/* An n-gram as an importer collects it: ids in text order. */
typedef struct mtl_ngram_entry {
    uint32_t w[MTL_NGRAM_MAX_ORDER];
    float prob, bo;
} mtl_ngram_entry;

typedef struct mtl_ngram_builder mtl_ngram_builder;

mtl_ngram_builder *mtl_ngram_builder_new(void);
void mtl_ngram_builder_free(mtl_ngram_builder *b);
/* The id of a word, adding it if new; MTL_NGRAM_NONE when out of memory. */
uint32_t mtl_ngram_builder_word(mtl_ngram_builder *b, const char *w, size_t len);
/* Adds an n-gram of order n (1..5). Returns 0, or -1 when out of memory. */
int mtl_ngram_builder_add(mtl_ngram_builder *b, int n, const uint32_t *ids,
                          float prob, float bo);
void mtl_ngram_builder_describe(mtl_ngram_builder *b, const char *text);
void mtl_ngram_builder_floor(mtl_ngram_builder *b, float floor);
/* Reads an ARPA file (plain or gzip) into the builder. Returns 0, or -1 and
 * a malloc'd *error naming the line. */
int mtl_ngram_builder_read_arpa(mtl_ngram_builder *b, const char *path,
                                char **error);
/* Serialises the model into a malloc'd image of the file (*size bytes).
 * Returns NULL and a malloc'd *error on failure. */
void *mtl_ngram_builder_image(mtl_ngram_builder *b, size_t *size, char **error);
/* Opens a store over an image taken from mtl_ngram_builder_image (the store
 * then owns and frees it). */
mtl_ngram *mtl_ngram_from_image(void *image, size_t size, char **error);

#endif
