/*
 * Entries of a list of references: a paragraph that opens with an author
 * and gives a year of its own, then titles, places and publishers:
 *
 *     Russell, Bertrand. 1912. "The Value of Philosophy." In The Problems
 *     of Philosophy, 237-250. London: Williams and Norgate.
 *
 * Its titles have no verb and its names are no typos, so the rules that
 * read sentences and words as prose leave such a block alone.
 */
#ifndef MTL_REFERENCES_H
#define MTL_REFERENCES_H

#include "text/doc.h"

#include <stddef.h>

/* Is block b (a paragraph or list item) an entry of a list of references? */
int mtl_block_is_reference(const mtl_doc *doc, size_t b);

/* The token where the authors of reference entry b end (its year, or the
 * full stop after them: "Russell, Bertrand." and "Ross, W. D. 1930."), or
 * 0 if b is no entry. */
size_t mtl_reference_authors_end(const mtl_doc *doc, size_t b);

#endif
