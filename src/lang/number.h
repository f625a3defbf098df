/*
 * Grammatical number of a document's nouns, for rules that check agreement
 * (det-number, grammar): is a noun only ever plural ("hostages",
 * "children", "chairmen"), only ever singular ("rule", not "team" or
 * "sheep"), and could an -s word be a present-tense verb ("succeeds")?
 * Computed on demand from the tags (tags.h) and the English dictionary's
 * stems (speller.h), so a rule using it needs MTL_NEED_WORDS,
 * MTL_NEED_SPELL and MTL_NEED_TAGS; without a dictionary nothing is plural
 * or singular. (nouns.h inflects by spelling alone, without a document.)
 */
#ifndef MTL_NUMBER_H
#define MTL_NUMBER_H

#include "text/doc.h"

#include <stddef.h>

/* Is the lower-case word w a regular plural: an -s form whose dictionary
 * stem is the form less -s, -es, -ies (or -ings), and that is not an entry
 * of its own ("news", "physics")? Whatever its tag. */
int mtl_number_regular_plural(const mtl_doc *doc, const char *w);
/* Is token i a noun that is only ever plural: a regular plural, an
 * irregular one ("children", "criteria"), a -men plural whose -man form
 * is a word ("chairmen") or an -ae plural whose -a form is ("papillae")? Not nouns that are the same in both numbers
 * ("series", "aircraft", "news"). */
int mtl_number_is_plural(const mtl_doc *doc, size_t i);
/* Is token i a noun that is only ever singular: a dictionary word, not
 * ending in -s, not a plural or a noun the same in both numbers, and not a
 * collective that takes plural agreement too ("team", "police", "data")? */
int mtl_number_is_singular(const mtl_doc *doc, size_t i);
/* Is token i a singular noun that ends in -ss, -us or -is ("process",
 * "status", "crisis"), which mtl_number_is_singular leaves alone with every
 * word in -s? */
int mtl_number_s_singular(const mtl_doc *doc, size_t i);
/* Is the lower-case noun w the same in both numbers, or singular with an
 * -s ("sheep", "series", "means")? */
int mtl_number_invariant(const char *w);
/* Is the lower-case noun w a collective or group noun, singular in form
 * and plural in agreement as often ("team", "staff", "majority")? */
int mtl_number_collective(const char *w);
/* Is the lower-case noun w a collective, or a group or organisation that
 * British English gives a plural verb ("the council have agreed"), or a
 * quantity standing for a plural ("a handful are")? */
int mtl_number_group(const char *w);
/* Could the -s word at token i be a present-tense verb ("succeeds",
 * "presupposes")? By the tagger's lexicon, or because a stem of it takes
 * -ed or -ing in the dictionary. */
int mtl_number_may_be_verb(const mtl_doc *doc, size_t i);
/* Could the word at token i, not ending in -s, be the base form of a verb
 * ("evolve")? Because it takes -ed or -ing in the dictionary. */
int mtl_number_base_may_be_verb(const mtl_doc *doc, size_t i);

#endif
