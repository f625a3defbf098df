/*
 * The "spell" analysis (MTL_NEED_SPELL): an English dictionary verdict for
 * every word of a document, asked once per distinct word. It reads the word
 * table, so rules that need it need MTL_NEED_WORDS too.
 */
#ifndef MTL_SPELL_H
#define MTL_SPELL_H

#include "lang/analysis.h"
#include "lang/speller.h"
#include "text/doc.h"

#include <stdint.h>

/* Verdicts per word of the word table: which spellings of its normal form
 * the English dictionary accepts ("lang", default en_US, with the project's
 * and the user's word lists) or the other variety of English (en_GB for
 * en_US and the reverse: "colour" is a word, only not a US one). A word may
 * also be accepted through its possessive-less form ("Hamas's") or with
 * accents removed ("naïve"). Only the casings the document uses are
 * asked about. */
enum {
    MTL_SPELL_LOWER = 1, /* as written in lower case: "hostage" */
    MTL_SPELL_TITLE = 2, /* with a capital: "Israel" */
    MTL_SPELL_UPPER = 4, /* in capitals only: "NATO" */
    MTL_SPELL_SKIP = 8   /* not a word to check: digits, dots, one letter,
                            letters outside Latin script */
};

typedef struct mtl_spell {
    const mtl_speller *speller; /* the English dictionary */
    uint8_t *verdict;           /* per word of the word table: MTL_SPELL_* */
} mtl_spell;

/* Does the dictionary accept token i as cased in the text? Tokens that are
 * not words, or are skipped, count as accepted. */
int mtl_spell_accepts(const mtl_doc *doc, size_t i);

extern const mtl_analysis mtl_analysis_spell;

#endif
