/*
 * The "foreign" analysis (MTL_NEED_FOREIGN, after words and spell): where
 * a document is written in another language in Latin script: Spanish,
 * French, German, Portuguese, Italian or Dutch, by their Hunspell
 * dictionaries, those installed. A blog post in Spanish on an English site
 * is one artifact, left untranslated; it is not also a hundred unknown
 * words, nor a sentence without an English verb. untranslated reports the
 * spans; spelling, fragment and term-inconsistency leave their words
 * alone.
 *
 * A sentence holds a span when it has at least three words the English
 * dictionary lacks and one foreign dictionary knows, and those are at least
 * 60 % of the words not shared by both languages. Capitalised words inside
 * a sentence count only once the sentence has two such lower-case words,
 * since names are the usual unknown words of English news; loanwords
 * (café, naïve) are in the English dictionary, or alone. The span runs
 * from the first to the last such word, widened over the words next to it
 * that the language shares with English ("El presidente"). Whether the
 * span is a mistake (or a name's original given beside it, a quotation
 * followed by its translation) is the rule's question, not this one's.
 *
 * A document whose sentences are in good part in one language (at least
 * MTL_FOREIGN_DOC_SPANS spans of it, and at least a quarter of its
 * sentences of three words or more) is in that language too where a
 * sentence is too short to tell: a heading ("Bienvenidos"), "¡Hola!". Its
 * words that the language knows and English lacks are that language's,
 * anywhere in the document (mtl_foreign_word).
 *
 * The foreign dictionaries are opened once per linter and loaded on the
 * first word asked (speller.h): only a sentence that may be foreign (a
 * function word of one of the languages, or an accented word English
 * lacks) asks, so English text loads none of them. Without the word table
 * or the spell analysis (no English dictionary) there are no spans.
 */
#ifndef MTL_FOREIGN_H
#define MTL_FOREIGN_H

#include "lang/analysis.h"
#include "text/doc.h"

#include <stddef.h>
#include <stdint.h>

/* The languages, by index: Spanish, French, German, Portuguese, Italian,
 * Dutch. */
#define MTL_FOREIGN_LANGUAGES 6
/* The English name of language l ("Spanish"), or NULL. */
const char *mtl_foreign_language(size_t l);

/* Spans of one language that make a document partly in it. */
#define MTL_FOREIGN_DOC_SPANS 3

typedef struct mtl_foreign_span {
    size_t first, last; /* tokens: its first and last word */
    size_t start, end;  /* bytes of doc->text */
    size_t sentence;    /* the sentence holding it */
    unsigned lang;      /* mtl_foreign_language(lang) */
} mtl_foreign_span;

typedef struct mtl_foreign {
    mtl_foreign_span *spans; /* in text order, at most one a sentence */
    size_t n_spans;
    int lang;         /* the document's second language, or -1 */
    size_t lang_spans; /* with lang: its spans */
    size_t prose;     /* sentences of three plain words or more */
    uint8_t *theirs;  /* with lang: per word of the word table, 1 when
                         lang's dictionary knows it and English does not */
} mtl_foreign;

/* The span holding token i, or NULL. */
const mtl_foreign_span *mtl_foreign_span_at(const mtl_doc *doc, size_t i);
/* Does a span hold any of tokens [begin, end)? */
int mtl_foreign_overlaps(const mtl_doc *doc, size_t begin, size_t end);
/* Is token i a word of another language: inside a span, or a word of the
 * document's second language? */
int mtl_foreign_word(const mtl_doc *doc, size_t i);

extern const mtl_analysis mtl_analysis_foreign;

#endif
