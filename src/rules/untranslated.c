/*
 * untranslated: text left in the source language. Machine translation
 * passes through what it cannot parse: a name in its own script, a quoted
 * sentence, a line it took for code.
 *
 *     "Safadi said «El presidente no quiere hablar con la prensa hoy»."
 *         ->  text in Spanish 'El presidente no quiere hablar con la prensa hoy'
 *     "the minister of Иностранных дел said"
 *         ->  text in Cyrillic script 'Иностранных дел'
 *
 * Letters of another script are found by their Unicode script property.
 * Greek letters alone or mixed with Latin letters or digits are
 * mathematics and units ("π", "βR", "30 μm", "TNFα"), unless a Greek
 * look-alike hides in an English word ("Υes"). Text given on purpose is
 * not reported: a name's original beside it ("Moscow (Russian: Москва)"),
 * a quotation followed by its translation ("«Buenos días» (Good
 * morning)"), a word cited as a word ("the Hindi word “नमस्ते”").
 *
 * Also reported: "<unk>", the mark neural MT writes where it could not
 * render a word ("is called < unk > manzil").
 *
 * Sentences in another language in Latin script (Spanish, French, German,
 * Portuguese, Italian, Dutch) are the foreign analysis's spans (foreign.h:
 * three words or more the English dictionary lacks and one foreign
 * dictionary knows); this rule reports each, less the text given on
 * purpose as above. The same spans keep spelling, fragment and
 * term-inconsistency off words already reported here. A document in
 * another language as a whole (at least 80 % of its sentences) is one
 * finding, not one a sentence:
 *
 *     a blog post in Spanish  ->  the document is in Spanish: 50 of its
 *                                 53 sentences
 */
#include "base/strlist.h"
#include "findings/rule.h"
#include "lang/foreign.h"
#include "lang/langnames.h"
#include "lang/spell.h"
#include "base/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

/* ---- other scripts ---------------------------------------------------- */

/* Greek letters that look like Latin ones, and the Latin letter: the
 * capitals and omicron (α, ν or ρ are told apart in formulas: "αt"). */
static uint32_t latin_twin(uint32_t c)
{
    static const uint32_t pairs[][2] = {
        {0x391, 'A'}, {0x392, 'B'}, {0x395, 'E'}, {0x396, 'Z'}, {0x397, 'H'},
        {0x399, 'I'}, {0x39A, 'K'}, {0x39C, 'M'}, {0x39D, 'N'}, {0x39F, 'O'},
        {0x3A1, 'P'}, {0x3A4, 'T'}, {0x3A5, 'Y'}, {0x3A7, 'X'}, {0x3BF, 'o'}};
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
        if (pairs[k][0] == c)
            return pairs[k][1];
    return 0;
}

/* A word of Greek and Latin letters that reads as an English word once its
 * Greek look-alikes are read as Latin: "Υes" (a Greek capital upsilon). */
static int greek_homoglyph(const mtl_doc *doc, const mtl_token *t)
{
    char buf[128];
    size_t n = 0, len = t->end - t->start;
    const char *s = doc->text + t->start;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += mtl_utf8_next(s, len, i, &c);
        uint32_t l = c < 0x80 ? c : latin_twin(c);
        if (!l || n + 1 >= sizeof buf)
            return 0;
        buf[n++] = (char)l;
    }
    const mtl_spell *sp = doc->an->spell;
    return sp && mtl_speller_check(sp->speller, buf, n);
}

/* The script of the first letter of token t outside Latin, or
 * USCRIPT_INVALID_CODE. Greek letters are mathematics and units, not text,
 * when alone (π, Δ) or mixed with Latin letters or digits ("βR", "μm",
 * "TNFα", "SBVΔNSs", "1α"), unless the word is an English word written
 * with a Greek look-alike ("Υes"). */
static UScriptCode other_script(const mtl_doc *doc, const mtl_token *t)
{
    size_t n = t->end - t->start, letters = 0, latin = 0, digits = 0;
    const char *s = doc->text + t->start;
    UScriptCode found = USCRIPT_INVALID_CODE;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += mtl_utf8_next(s, n, i, &c);
        if (c >= '0' && c <= '9')
            digits++;
        if (c != MTL_BAD_CP && c < 0x80 && u_isalpha((UChar32)c))
            latin++;
        if (c == MTL_BAD_CP || c < 0x80 || !u_isalpha((UChar32)c))
            continue;
        letters++;
        UErrorCode st = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript((UChar32)c, &st);
        if (U_SUCCESS(st) && sc == USCRIPT_LATIN)
            latin++;
        if (found == USCRIPT_INVALID_CODE && U_SUCCESS(st) &&
            sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
            sc != USCRIPT_INHERITED)
            found = sc;
    }
    if (found == USCRIPT_GREEK &&
        ((letters == 1 && mtl_utf8_count(s, n) == 1) ||
         ((latin || digits) && !greek_homoglyph(doc, t))))
        return USCRIPT_INVALID_CODE;
    return found;
}

static void report_span(const mtl_doc *doc, size_t start, size_t end,
                        const char *what, mtl_emit *out)
{
    char q[160];
    mtl_excerpt(doc, start, end, q, sizeof q);
    mtl_report(out, start, end, "text in %s '%s'", what, q);
}

/* ---- text given on purpose ---------------------------------------------- */

/* The token before i, or after it, across one space: SIZE_MAX if none. */
static size_t before(const mtl_doc *doc, size_t i)
{
    if (i > 0 && doc->tokens[i - 1].kind == MTL_TOK_SPACE)
        i--;
    return i > 0 ? i - 1 : SIZE_MAX;
}

static size_t after(const mtl_doc *doc, size_t i)
{
    if (i + 1 < doc->n_tokens && doc->tokens[i + 1].kind == MTL_TOK_SPACE)
        i++;
    return i + 1 < doc->n_tokens ? i + 1 : SIZE_MAX;
}

static int is_char(const mtl_doc *doc, size_t i, char c)
{
    return i != SIZE_MAX && doc->tokens[i].end - doc->tokens[i].start == 1 &&
           doc->text[doc->tokens[i].start] == c;
}

static int is_dash(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = i != SIZE_MAX ? &doc->tokens[i] : NULL;
    return t && t->end - t->start == 3 &&
           !memcmp(doc->text + t->start, "\xE2\x80", 2) &&
           ((unsigned char)doc->text[t->start + 2] == 0x93 ||
            (unsigned char)doc->text[t->start + 2] == 0x94);
}

/* Is the text of tokens [first, last] the original of a name or a term,
 * given beside its English form: after a name and in brackets, with or
 * without a language label ("Moscow (Russian: Москва)", "Kyiv (Київ)")? */
static int named_original(const mtl_doc *doc, size_t first, size_t last)
{
    size_t b = before(doc, first);
    int label = 0;
    if (is_char(doc, b, ':')) { /* a label: "(Russian: " */
        size_t l = before(doc, b);
        if (l == SIZE_MAX || doc->tokens[l].kind != MTL_TOK_WORD ||
            !mtl_is_language_name(mtl_tok_norm(doc, &doc->tokens[l])))
            return 0;
        b = before(doc, l);
        label = 1;
    }
    size_t a = after(doc, last);
    if (!is_char(doc, b, '(') ||
        !(is_char(doc, a, ')') || is_char(doc, a, ',') || is_char(doc, a, ';')))
        return 0;
    /* after a word, labelled, or after a name: not "He said (Москва)" */
    size_t w = before(doc, b);
    return w != SIZE_MAX && mtl_tok_is_wordlike(&doc->tokens[w]) &&
           (label || (doc->tokens[w].flags & MTL_TF_CAP));
}

/* Is the text of tokens [first, last] followed by its English translation,
 * in brackets or after a dash, its closing quotation mark or a comma
 * between: «Buenos días» (Good morning)? */
static int translated(const mtl_doc *doc, size_t last)
{
    size_t k = after(doc, last);
    for (int hops = 0; hops < 2 && k != SIZE_MAX &&
                       (doc->tokens[k].kind == MTL_TOK_QUOTE ||
                        is_char(doc, k, ',') || is_char(doc, k, '.'));
         hops++)
        k = after(doc, k);
    int dash = is_dash(doc, k);
    if (k == SIZE_MAX || (!is_char(doc, k, '(') && !dash))
        return 0;
    const mtl_spell *sp = doc->an->spell;
    size_t words = 0, english = 0;
    for (k++; k < doc->n_tokens && words < 12; k++) {
        const mtl_token *t = &doc->tokens[k];
        if (is_char(doc, k, ')') || t->kind == MTL_TOK_NEWLINE ||
            (dash && words && t->kind == MTL_TOK_PUNCT))
            break; /* a dash's gloss ends at the next mark */
        if (t->kind != MTL_TOK_WORD)
            continue;
        words++;
        english += sp && mtl_spell_accepts(doc, k) &&
                   (t->flags & MTL_TF_ASCII);
    }
    /* most of its words English: "(Good morning)", "(The Three-legged Fox)" */
    return words > 0 && english * 10 >= words * 8;
}

/* Words that introduce a word cited as a word: "the Hindi word “नमस्ते”",
 * "the bytes it takes to encode “Здравствуйте”". */
static const char *const citing[] = {
    "word", "words", "term", "name", "phrase", "greeting", "string",
    "letter", "letters", "character", "characters", "spelled", "spelt",
    "written", "encode", "encodes", "encoded", "as", NULL};

/* Is the text of tokens [first, last], one or two words, cited: in
 * quotation marks of its own, with a citing word among the three words
 * before it? */
static int cited(const mtl_doc *doc, size_t first, size_t last)
{
    size_t b = before(doc, first), a = after(doc, last);
    if (b == SIZE_MAX || a == SIZE_MAX ||
        doc->tokens[b].kind != MTL_TOK_QUOTE ||
        doc->tokens[a].kind != MTL_TOK_QUOTE)
        return 0;
    size_t words = 0;
    for (size_t k = first; k <= last; k++)
        words += doc->tokens[k].kind == MTL_TOK_WORD;
    if (words > 2)
        return 0;
    size_t k = b;
    for (int n = 0; n < 3; n++) {
        k = before(doc, k);
        if (k == SIZE_MAX || doc->tokens[k].kind != MTL_TOK_WORD)
            return 0;
        if (mtl_in_list(citing, mtl_tok_norm(doc, &doc->tokens[k])))
            return 1;
    }
    return 0;
}

static void check_scripts(const mtl_doc *doc, mtl_emit *out)
{
    size_t first = SIZE_MAX, last = 0;
    UScriptCode script = USCRIPT_INVALID_CODE;
    for (size_t i = 0; i <= doc->n_tokens; i++) {
        const mtl_token *t = i < doc->n_tokens ? &doc->tokens[i] : NULL;
        int ends = !t || (t->kind == MTL_TOK_WORD) ||
                   t->kind == MTL_TOK_NEWLINE || t->kind == MTL_TOK_URL;
        UScriptCode sc = t && t->kind == MTL_TOK_WORD ? other_script(doc, t)
                                                      : USCRIPT_INVALID_CODE;
        if (sc != USCRIPT_INVALID_CODE) {
            if (first == SIZE_MAX) {
                first = i;
                script = sc;
            }
            last = i;
            continue;
        }
        /* a word in Latin script, a line break or the end closes a run */
        if (ends && first != SIZE_MAX && (named_original(doc, first, last) ||
                                          translated(doc, last) ||
                                          cited(doc, first, last)))
            first = SIZE_MAX;
        if (ends && first != SIZE_MAX) {
            char what[64];
            const char *name = uscript_getName(script);
            snprintf(what, sizeof what, "%s script", name ? name : "another");
            report_span(doc, doc->tokens[first].start, doc->tokens[last].end,
                        what, out);
            first = SIZE_MAX;
        }
    }
}

/* ---- other languages in Latin script ------------------------------------- */

/* A document written in another language (a post in Spanish on an English
 * site, an article the engine passed through whole) is one artifact: when
 * that language holds at least WHOLE_PERCENT of its sentences, one finding
 * at the first span says so, instead of one a sentence. A text half
 * translated still has each sentence reported, to be found and fixed. */
#define WHOLE_PERCENT 80
#define WHOLE_MIN 5

static int written_in(const mtl_foreign *fr)
{
    return fr->lang >= 0 && fr->lang_spans >= WHOLE_MIN &&
           fr->lang_spans * 100 >= fr->prose * WHOLE_PERCENT;
}

/* The foreign analysis's spans, less the text given on purpose. */
static void check_languages(const mtl_doc *doc, mtl_emit *out)
{
    const mtl_foreign *fr = doc->an->foreign;
    int whole = fr && written_in(fr), said = 0;
    for (size_t k = 0; fr && k < fr->n_spans; k++) {
        const mtl_foreign_span *sp = &fr->spans[k];
        if (whole && sp->lang == (unsigned)fr->lang) {
            if (!said++)
                mtl_report(out, sp->start, sp->end,
                           "the document is in %s: %zu of its %zu sentences",
                           mtl_foreign_language(sp->lang), fr->lang_spans,
                           fr->prose);
            continue;
        }
        if (named_original(doc, sp->first, sp->last) ||
            translated(doc, sp->last))
            continue; /* «Buenos días» (Good morning) */
        report_span(doc, sp->start, sp->end, mtl_foreign_language(sp->lang),
                    out);
    }
}

/* ---- the engine's own mark for a word it could not render --------------- */

/* "< unk >" or "<unk>" at token i: the index of its ">", or 0. */
static size_t unk_mark(const mtl_doc *doc, size_t i)
{
    if (!is_char(doc, i, '<'))
        return 0;
    size_t w = after(doc, i);
    if (w == SIZE_MAX || doc->tokens[w].kind != MTL_TOK_WORD ||
        strcmp(mtl_tok_norm(doc, &doc->tokens[w]), "unk") != 0)
        return 0;
    size_t c = after(doc, w);
    return c != SIZE_MAX && is_char(doc, c, '>') ? c : 0;
}

/* Neural MT writes "<unk>" for a word of its input its vocabulary lacks,
 * and the tokenised output spaces it: "is called < unk > manzil". A run of
 * marks with only white space between is one finding. */
static void check_unk_marks(const mtl_doc *doc, mtl_emit *out)
{
    for (size_t i = 0; i < doc->n_tokens; i++) {
        size_t end = unk_mark(doc, i);
        if (!end)
            continue;
        size_t marks = 1, next;
        while ((next = after(doc, end)) != SIZE_MAX && unk_mark(doc, next)) {
            end = unk_mark(doc, next);
            marks++;
        }
        if (marks == 1)
            mtl_report(out, doc->tokens[i].start, doc->tokens[end].end,
                       "'<unk>' is the translation engine's mark for a word it "
                       "could not render");
        else
            mtl_report(out, doc->tokens[i].start, doc->tokens[end].end,
                       "%zu '<unk>' marks: the translation engine could not "
                       "render these words", marks);
        i = end;
    }
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    check_scripts(doc, out);
    check_unk_marks(doc, out);
    check_languages(doc, out);
    return 0;
}

const mtl_rule mtl_rule_untranslated = {
    .info = {
        .id = "untranslated",
        .summary = "text left in another language or script",
        .default_severity = MTL_WARNING,
        .finds = "Text left in another script, or whole sentences in Spanish, French, "
                 "German, Portuguese, Italian or Dutch (a document in one of them is "
                 "one finding). Loanwords and names are left alone.",
        .why = "MT passes through what it cannot translate: quotations, titles, "
               "segments it failed to recognise as source text.",
        .flagged = "The minister said: El gobierno no va a negociar con los secuestradores.",
        .not_flagged = "They met at a small café in Prague.",
        .reference =
            "Text left in the source language: letters of another\n"
            "script, or whole sentences in Spanish, French, German, Portuguese,\n"
            "Italian or Dutch. A document written in one of them (80 % of its\n"
            "sentences) is one finding.\n"
            "\n"
            "    the minister of Иностранных дел said\n"
            "\n"
            "Not reported: loanwords and names (`café`, `Škoda`), a lone Greek letter.\n"
            "\n"
            "Also reported: `<unk>`, the mark neural MT writes for a word it could\n"
            "not render (`is called < unk > manzil`).\n",
    },
    .needs = MTL_NEED_WORDS | MTL_NEED_SPELL | MTL_NEED_FOREIGN,
    .check = check,
};
