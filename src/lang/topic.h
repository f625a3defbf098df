/*
 * The "topic" analysis (MTL_NEED_TOPIC, after words and tags): what a
 * document is about.
 *
 * - Its nouns: every common noun (written in lower case, tagged NOUN in
 *   most of its uses) by singular, with how often and in how many blocks
 *   the document uses it in either number. The nouns used most are its key
 *   terms ("hostages", used 9 times in a news article).
 * - Its topic vector, from the word-vector store (vectors.h): the sum of
 *   the document's content words (nouns, names, verbs, adjectives), each
 *   weighted by how rare it is in general (a/(a + p(word)), the "smooth
 *   inverse frequency" of Arora, Liang and Ma, 2017) and centred (the mean
 *   vector of the commonest words taken away, since every raw vector leans
 *   that way and common words would otherwise fit every topic).
 *
 * A word's fit to the topic is the cosine of its centred vector with the
 * topic vector after the word's own occurrences are taken out of it: about
 * 0.3 to 0.5 for a key term of a news article, near 0 or below for a word
 * that has nothing to do with it.
 *
 * The vectors are optional: without the store the nouns are still counted
 * and every fit is NAN.
 */
#ifndef MTL_TOPIC_H
#define MTL_TOPIC_H

#include "lang/analysis.h"
#include "lang/nouns.h"
#include "lang/vectors.h"
#include "lang/words.h"
#include "text/doc.h"

#include <stddef.h>
#include <stdint.h>

typedef struct mtl_topic_noun {
    char lemma[MTL_NOUN_MAX]; /* the singular */
    uint32_t uses;            /* occurrences in either number */
    uint32_t plural;          /* of those, in the plural */
    uint32_t blocks;          /* blocks (paragraphs) it occurs in */
} mtl_topic_noun;

typedef struct mtl_topic_model mtl_topic_model;

typedef struct mtl_topic {
    const mtl_topic_model *model;
    mtl_topic_noun *nouns;  /* most used first, then by first occurrence */
    size_t n_nouns;
    uint32_t *by_lemma;     /* indices into nouns, sorted by lemma */
    uint32_t *noun_of_word; /* per word-table entry: its noun, or
                               MTL_NO_WORD when it is not a common noun */
    float *weight;          /* per word-table entry: its weight in vec */
    float *vec;             /* the topic vector (dims floats), or NULL */
    /* the content words with vectors: their word-table entries and their
     * centred vectors scaled to unit length (n_content * dims floats) */
    uint32_t *content;
    float *content_vec;
    size_t n_content;
} mtl_topic;

extern const mtl_analysis mtl_analysis_topic;

/* The word vectors behind the document's topic, or NULL without them. */
/* A common noun here: letters only, in lower case except at a sentence
 * start, tagged NOUN in most of its uses. Reads the word table and the
 * tags (MTL_NEED_WORDS, MTL_NEED_TAGS), not the topic. */
int mtl_common_noun(const mtl_doc *doc, const mtl_word *w);

const mtl_vectors *mtl_topic_vectors(const mtl_doc *doc);

/* The noun with this singular, or NULL. */
const mtl_topic_noun *mtl_topic_find_noun(const mtl_doc *doc,
                                          const char *lemma);
/* The noun of word-table entry k (words.h), or NULL. */
const mtl_topic_noun *mtl_topic_noun_of_word(const mtl_doc *doc, size_t k);

/* The fit of a word (a normal form) to the document's topic, with its own
 * occurrences in the document taken out (a noun's in both numbers, when
 * the word is a noun of the document): the cosine of its centred vector
 * with the rest of the topic. NAN when there are no vectors, the word has
 * none, or the document has no other content word. */
float mtl_topic_fit(const mtl_doc *doc, const char *word);

/* How close a word comes to the document's other content words: the mean
 * of its k highest cosines with them (centred vectors), leaving out its
 * own forms (words sharing its first four letters). NAN as above. */
float mtl_topic_neighbours(const mtl_doc *doc, const char *word, int k);

/* The fit of a word to the context of token tok: the content words of
 * its sentence and the sentences either side, tok itself left out, as the
 * topic vector is made. NAN as above. */
float mtl_topic_context_fit(const mtl_doc *doc, size_t tok, const char *word);

#endif
