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
 * A Latin-script span is another language when a sentence has at least
 * three words the English dictionary lacks and one installed foreign
 * Hunspell dictionary (Spanish, French, German, Portuguese, Italian, Dutch)
 * knows, and those are at least 60 % of the words not shared by both
 * languages. Capitalised words inside
 * a sentence count only once the sentence has two such lower-case words,
 * since names are the usual unknown words of English news; loanwords
 * (café, naïve) are in the English dictionary, or alone.
 */
#include "base/strlist.h"
#include "findings/rule.h"
#include "lang/langnames.h"
#include "lang/spell.h"
#include "base/utf8.h"
#include "lang/words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#define MIN_FOREIGN 3

static const struct {
    const char *code, *name;
} languages[] = {
    {"es_ES", "Spanish"}, {"fr_FR", "French"}, {"de_DE", "German"},
    {"pt_PT", "Portuguese"}, {"it_IT", "Italian"}, {"nl_NL", "Dutch"},
};
#define N_LANG (sizeof languages / sizeof *languages)

typedef struct foreign {
    mtl_speller *sp[N_LANG]; /* NULL where not installed */
} foreign;

static void fini(void *state)
{
    foreign *f = state;
    if (!f)
        return;
    for (size_t l = 0; l < N_LANG; l++)
        mtl_speller_close(f->sp[l]);
    free(f);
}

static int init(const mtl_options *opts, void **state, char **error)
{
    foreign *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    *state = f;
    for (size_t l = 0; l < N_LANG; l++)
        if (mtl_speller_open(opts, languages[l].code, &f->sp[l], error) != 0)
            return -1;
    return 0;
}

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

/* The cache: two bits per language, and two for English as written. */
enum {
    KNOWN = 1,
    CHECKED = 2,
    STRICT_CHECKED = 1 << 14,
    STRICT_KNOWN = 1 << 15
};

/* Does language l know the word of token i? Asked once per word. */
static int knows(const foreign *f, const mtl_doc *doc, size_t i, size_t l,
                 uint16_t *cache)
{
    uint32_t k = doc->an->words->of_token[i];
    unsigned bits = (cache[k] >> (2 * l)) & 3;
    if (!(bits & CHECKED)) {
        const mtl_token *t = &doc->tokens[i];
        bits = CHECKED |
               (mtl_speller_check(f->sp[l], doc->text + t->start,
                                  t->end - t->start) ? KNOWN : 0);
        cache[k] = (uint16_t)(cache[k] | bits << (2 * l));
    }
    return bits & KNOWN;
}

/* A word worth classifying: Latin letters only, two or more, no digits. */
static int plain(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    if (t->kind != MTL_TOK_WORD)
        return 0;
    uint32_t k = doc->an->words->of_token[i];
    return !(doc->an->spell->verdict[k] & MTL_SPELL_SKIP);
}

/* Known to the English dictionary. A word with accents must be known as
 * written: the verdict also takes "président" for "president". */
static int english(const mtl_doc *doc, size_t i, uint16_t *cache)
{
    uint32_t k = doc->an->words->of_token[i];
    const mtl_token *t = &doc->tokens[i];
    if (!doc->an->spell->verdict[k])
        return 0;
    if (t->flags & MTL_TF_ASCII)
        return 1;
    if (!(cache[k] & STRICT_CHECKED)) {
        int ok = mtl_speller_check(doc->an->spell->speller,
                                   doc->text + t->start, t->end - t->start);
        cache[k] = (uint16_t)(cache[k] | STRICT_CHECKED |
                              (ok ? STRICT_KNOWN : 0));
    }
    return (cache[k] & STRICT_KNOWN) != 0;
}

static int name_like(const mtl_token *t)
{
    return (t->flags & MTL_TF_CAP) && !(t->flags & MTL_TF_SENT_START);
}

/* The commonest function words of the six languages, less those common in
 * English prose too ("die", "no", "per", "et al."). */
static const char *const function_words[] = {
    /* Spanish */
    "el", "la", "los", "las", "del", "que", "y", "en", "con", "por", "para",
    "una", "es", "está", "están", "pero", "muy", "más", "sus", "como",
    "cuando", "también", "sobre", "este", "esta", "hoy",
    /* French */
    "le", "les", "des", "du", "une", "est", "qui", "dans", "pas", "sur",
    "avec", "il", "elle", "ils", "nous", "vous", "ce", "cette", "aux",
    "sont", "très", "mais", "ou",
    /* German */
    "der", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem",
    "zu", "auf", "für", "sich", "auch", "sind", "wird", "bei", "nach",
    "noch", "gestern", "heute",
    /* Portuguese */
    "os", "das", "dos", "em", "uma", "com", "não", "na", "é", "são",
    "mais", "mas", "hoje",
    /* Italian */
    "gli", "della", "di", "che", "è", "sono", "anche", "nel", "nella",
    "alla", "oggi",
    /* Dutch */
    "het", "een", "niet", "op", "voor", "dat", "zijn", "ook", "aan",
    "vandaag", NULL};

/* Could the sentence be in one of the languages? It has a function word
 * of one of them, or a word the English dictionary lacks with a Latin
 * letter outside ASCII (é, ñ, ü, ß). Asked before any foreign dictionary
 * is loaded: a sentence of English jargon is many unknown words, and
 * loading four dictionaries to reject it costs more than linting a long
 * article. */
static int may_be_foreign(const mtl_doc *doc, const mtl_sentence *s,
                          uint16_t *cache)
{
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i))
            continue;
        const mtl_token *t = &doc->tokens[i];
        if (mtl_in_list(function_words, mtl_tok_norm(doc, t)) ||
            (!(t->flags & MTL_TF_ASCII) && !english(doc, i, cache)))
            return 1;
    }
    return 0;
}

static void check_sentence(const foreign *f, const mtl_doc *doc,
                           const mtl_sentence *s, uint16_t *cache,
                           mtl_emit *out)
{
    /* most sentences have few words the English dictionary lacks: those
     * need no foreign look-up at all */
    size_t words = 0, unknown = 0;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i))
            continue;
        words++;
        unknown += !english(doc, i, cache) && !name_like(&doc->tokens[i]);
    }
    if (unknown < MIN_FOREIGN || unknown * 10 < words * 3 ||
        !may_be_foreign(doc, s, cache))
        return;
    size_t lower[N_LANG] = {0}, caps[N_LANG] = {0};
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i) || english(doc, i, cache))
            continue;
        for (size_t l = 0; l < N_LANG; l++)
            if (f->sp[l] && knows(f, doc, i, l, cache))
                (name_like(&doc->tokens[i]) ? caps : lower)[l]++;
    }
    size_t best = N_LANG, best_n = 0;
    for (size_t l = 0; l < N_LANG; l++) {
        size_t n = lower[l] + (lower[l] >= 2 ? caps[l] : 0);
        if (n > best_n) {
            best = l;
            best_n = n;
        }
    }
    if (best == N_LANG || best_n < MIN_FOREIGN)
        return;
    /* English words that the language does not share weigh against it */
    size_t against = 0, first = SIZE_MAX, last = 0;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i))
            continue;
        const mtl_token *t = &doc->tokens[i];
        int theirs = knows(f, doc, i, best, cache);
        if (english(doc, i, cache)) {
            against += !theirs;
            continue;
        }
        if (!theirs || (name_like(t) && lower[best] < 2))
            continue;
        if (first == SIZE_MAX)
            first = i;
        last = i;
    }
    if (first == SIZE_MAX || best_n * 10 < (best_n + against) * 6)
        return;
    /* widen over shared words next to the span: "El presidente" */
    for (size_t i = first; i-- > s->tok_begin;) {
        if (mtl_tok_is_space(&doc->tokens[i]))
            continue;
        if (!plain(doc, i) || !knows(f, doc, i, best, cache))
            break;
        first = i;
    }
    for (size_t i = last + 1; i < s->tok_end; i++) {
        if (mtl_tok_is_space(&doc->tokens[i]))
            continue;
        if (!plain(doc, i) || !knows(f, doc, i, best, cache))
            break;
        last = i;
    }
    if (named_original(doc, first, last) || translated(doc, last))
        return; /* «Buenos días» (Good morning) */
    report_span(doc, doc->tokens[first].start, doc->tokens[last].end,
                languages[best].name, out);
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
    check_scripts(doc, out);
    check_unk_marks(doc, out);
    const foreign *f = state;
    const mtl_words *w = doc->an->words;
    if (!f || !w || !doc->an->spell)
        return 0;
    int any = 0;
    for (size_t l = 0; l < N_LANG; l++)
        any |= f->sp[l] != NULL;
    if (!any)
        return 0;
    uint16_t *cache = calloc(w->n_words + 1, sizeof *cache);
    if (!cache)
        return -1;
    for (size_t s = 0; s < doc->n_sentences; s++)
        check_sentence(f, doc, &doc->sentences[s], cache, out);
    free(cache);
    return 0;
}

const mtl_rule mtl_rule_untranslated = {
    .info = {
        .id = "untranslated",
        .summary = "text left in another language or script",
        .default_severity = MTL_WARNING,
        .finds = "Text left in another script, or whole sentences in Spanish, French, "
                 "German or Portuguese. Loanwords and names are left alone.",
        .why = "MT passes through what it cannot translate: quotations, titles, "
               "segments it failed to recognise as source text.",
        .flagged = "The minister said: El gobierno no va a negociar con los secuestradores.",
        .not_flagged = "They met at a small café in Prague.",
        .reference =
            "Text left in the source language: letters of another\n"
            "script, or whole sentences in Spanish, French, German or Portuguese.\n"
            "\n"
            "    the minister of Иностранных дел said\n"
            "\n"
            "Not reported: loanwords and names (`café`, `Škoda`), a lone Greek letter.\n"
            "\n"
            "Also reported: `<unk>`, the mark neural MT writes for a word it could\n"
            "not render (`is called < unk > manzil`).\n",
    },
    .needs = MTL_NEED_WORDS | MTL_NEED_SPELL,
    .init = init,
    .fini = fini,
    .check = check,
};
