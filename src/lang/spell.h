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
 * accents removed ("naïve"). Words Hunspell rejects are looked up in a
 * larger word list (english-huge.tsv: rare words, names) and in a list of
 * common misspellings (misspellings.tsv), both generated at build time and
 * optional. Only the casings the document uses are asked about. */
enum {
    MTL_SPELL_LOWER = 1, /* as written in lower case: "hostage" */
    MTL_SPELL_TITLE = 2, /* with a capital: "Israel" */
    MTL_SPELL_UPPER = 4, /* in capitals only: "NATO" */
    MTL_SPELL_SKIP = 8,  /* not a word to check: digits, dots, one letter,
                            letters outside Latin script */
    MTL_SPELL_RARE = 16, /* the case bits come from the larger word list
                            (SCOWL up to size 80, names 95), not Hunspell */
    MTL_SPELL_MISSPELT = 32, /* a common misspelling (codespell's list) */
    MTL_SPELL_VARIANT = 64   /* with RARE: a variant spelling of a word
                                ("mosquitos") */
};

typedef struct mtl_spell {
    const mtl_speller *speller; /* the English dictionary */
    uint8_t *verdict;           /* per word of the word table: MTL_SPELL_* */
    const void *lists;          /* the linter's dictionaries (spell.c) */
} mtl_spell;

/* Does the dictionary accept token i as cased in the text? Tokens that are
 * not words, or are skipped, count as accepted. */
int mtl_spell_accepts(const mtl_doc *doc, size_t i);
/* Is the UTF-8 word s[0..n) known exactly as written, capitals inside it
 * included ("McConnell", "LibreOffice"), to either variety of English or to
 * the larger word list? */
int mtl_spell_known_as_written(const mtl_spell *sp, const char *s, size_t n);
/* The other variety of English's dictionary (en_GB beside en_US), or NULL. */
const mtl_speller *mtl_spell_other(const mtl_spell *sp);
/* Is the word s[0..n), as written, among the larger list's common names
 * ("John": given names that are lower-case words too)? */
int mtl_spell_listed_name(const mtl_spell *sp, const char *s, size_t n);
/* Is token i a word of a fixed phrase of another language that English
 * uses, written whole around it ("magna cum laude", "tête-à-tête")? */
int mtl_spell_in_phrase(const mtl_doc *doc, size_t i);
/* The corrections the list of misspellings gives for a normal form ("the"
 * for "teh"), comma-separated, or NULL when it has none. */
const char *mtl_spell_corrections(const mtl_spell *sp, const char *norm);

extern const mtl_analysis mtl_analysis_spell;

#endif
