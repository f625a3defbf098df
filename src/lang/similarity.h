/*
 * The "similarity" analysis (MTL_NEED_SIMILARITY): how alike two words are
 * in meaning, by the cosine of their vectors in the word-vector store
 * (vectors.h): about 0.6 for near-synonyms ("bonds" and "securities",
 * "excursion" and "trip"), near 0 for unrelated words ("tractors" and
 * "hostages"). Nothing is computed per document; the store is mapped once
 * per linter and only the words asked about are read.
 *
 * The store is optional: without it every similarity is NAN.
 */
#ifndef MTL_SIMILARITY_H
#define MTL_SIMILARITY_H

#include "lang/analysis.h"
#include "text/doc.h"

extern const mtl_analysis mtl_analysis_similarity;

/* The cosine of words a and b (as written, lower case), or NAN when the
 * store is missing or lacks either word. */
float mtl_similarity(const mtl_doc *doc, const char *a, const char *b);

#endif
