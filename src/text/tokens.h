/*
 * How a token sits among its neighbours: the one-character tokens the
 * punctuation rules look at, and whether tokens are glued together on a
 * line. Shared by the rules so that "glued", "a mark" and "a closer" mean
 * the same thing in each of them.
 */
#ifndef MTL_TOKENS_H
#define MTL_TOKENS_H

#include "text/doc.h"

#include <stddef.h>

/* The byte of token i when it is one byte long, else 0. */
char mtl_tok_char(const mtl_doc *doc, size_t i);

/* The sentence mark (one of , . ; : ! ?) at token i, or 0; i may be past
 * the last token. */
char mtl_tok_mark(const mtl_doc *doc, size_t i);

/* Is token i + 1 right after token i (no byte between them)? */
int mtl_tok_glued(const mtl_doc *doc, size_t i);

/* The same, and neither token is white space. */
int mtl_tok_touch(const mtl_doc *doc, size_t i);

/* Is token i a quotation mark or a closing bracket ) ] }? */
int mtl_tok_closer(const mtl_doc *doc, size_t i);

/* The token after i, or before it, across at most one run of horizontal
 * space: what a reader sees as the next or previous thing on the line.
 * SIZE_MAX if there is none. */
size_t mtl_tok_next_near(const mtl_doc *doc, size_t i);
size_t mtl_tok_prev_near(const mtl_doc *doc, size_t i);

/* Does the run of glued tokens that ends at token i hold a '/' or '\'
 * ("src/list", "/srv/GPL-2")? Looks back a bounded number of tokens, so
 * that a long line without spaces costs linear time. */
int mtl_tok_after_path(const mtl_doc *doc, size_t i);

/* Does sentence s end on a question mark, with closing quotes and
 * brackets after it allowed ("Why?”", "(Really?)")? */
int mtl_sentence_is_question(const mtl_doc *doc, size_t s);

#endif
