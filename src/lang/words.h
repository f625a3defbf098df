/*
 * The word table: every distinct word of a document by its normal form, with
 * how often and where it occurs. Built once per document by the "words"
 * analysis for the rules that declare MTL_NEED_WORDS, and read through
 * doc->an->words. Word tokens only: numbers, URLs and punctuation are not in
 * it, and a hyphenated compound is its parts ("cease", "fire").
 */
#ifndef MTL_WORDS_H
#define MTL_WORDS_H

#include "lang/analysis.h"
#include "text/doc.h"

#include <stddef.h>
#include <stdint.h>

#define MTL_NO_WORD UINT32_MAX

typedef struct mtl_word {
    const char *norm;  /* normal form, in doc->norms */
    uint32_t norm_len;
    uint32_t count;    /* occurrences */
    uint32_t occ;      /* its first occurrence's index in mtl_words.occ */
} mtl_word;

typedef struct mtl_words {
    mtl_word *words;    /* in order of first occurrence */
    size_t n_words;
    uint32_t *occ;      /* token indices, grouped by word, in text order */
    uint32_t *of_token; /* per token: its word index, or MTL_NO_WORD */
    uint32_t *slots;    /* open addressing: word index + 1, 0 when empty */
    size_t n_slots;     /* a power of two */
} mtl_words;

/* The word with this normal form, or NULL. */
const mtl_word *mtl_words_find(const mtl_words *w, const char *norm,
                               size_t len);

/* The token indices where a word occurs, in text order (word->count). */
static inline const uint32_t *mtl_word_occurrences(const mtl_words *w,
                                                   const mtl_word *word)
{
    return w->occ + word->occ;
}

/* The word of token i, or NULL if it is not a word token. */
static inline const mtl_word *mtl_words_of_token(const mtl_words *w, size_t i)
{
    uint32_t k = w->of_token[i];
    return k == MTL_NO_WORD ? NULL : &w->words[k];
}

extern const mtl_analysis mtl_analysis_words;

#endif
