/*
 * The spell analysis: a dictionary verdict for every word of the document,
 * asked once per distinct word (see spell.h).
 */
#include "lang/spell.h"

#include "base/buf.h"
#include "base/options.h"
#include "base/utf8.h"
#include "lang/datapath.h"
#include "lang/words.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

#define MAX_WORD MTL_SPELLER_MAX_WORD

/* The dictionary in force, and the other variety of English: spelling hunts
 * non-words, and "colour" in a US text is a word (mixing the two is
 * term-inconsistency's business). */
typedef struct dicts {
    mtl_speller *main, *other;
    char describe[128]; /* for --version */
} dicts;

static int either(const dicts *d, const char *s, size_t n)
{
    return mtl_speller_check(d->main, s, n) ||
           (d->other && mtl_speller_check(d->other, s, n));
}

static int load(const mtl_options *opts, void **shared, char **notice,
                char **error)
{
    const char *lang = mtl_options_get(opts, "lang");
    mtl_speller *sp = NULL;
    if (mtl_speller_open(opts, lang ? lang : "en_US", &sp, error) != 0)
        return -1;
    mtl_sb sb = {0};
    if (!sp) {
        if (lang) { /* asked for by name: not having it is an error */
            mtl_sb_printf(&sb,
                          "no hunspell dictionary for '%s' (see --dict-path)",
                          lang);
            *error = mtl_sb_take(&sb);
            return -1;
        }
        *notice = strdup("hunspell dictionary en_US not found (install "
                          "hunspell-en-us or use --dict-path): spelling and "
                          "untranslated are off");
        return 0;
    }
    /* the project's news word list, then the user's lists */
    char *own = mtl_data_find(opts, "news-words.txt");
    int rc = own ? mtl_speller_add_file(sp, own) : errno == ENOMEM ? -1 : 0;
    free(own);
    const char *path = NULL;
    for (size_t i = 0; rc == 0; i++) {
        path = mtl_options_nth(opts, "words", i);
        if (!path)
            break;
        rc = mtl_speller_add_file(sp, path);
    }
    if (rc != 0) {
        mtl_sb_printf(&sb, "cannot read word list '%s'",
                      path ? path : "news-words.txt");
        *error = mtl_sb_take(&sb);
        mtl_speller_close(sp);
        return -1;
    }
    dicts *d = calloc(1, sizeof *d);
    const char *name = lang ? lang : "en_US";
    const char *other = !strncmp(name, "en_US", 5) || !strncmp(name, "en-US", 5)
                            ? "en_GB"
                        : !strncmp(name, "en", 2) ? "en_US" : NULL;
    if (!d || (other && mtl_speller_open(opts, other, &d->other, error) != 0)) {
        free(d);
        mtl_speller_close(sp);
        if (!*error)
            *error = strdup("out of memory");
        return -1;
    }
    mtl_speller_use_filter(sp);
    d->main = sp;
    snprintf(d->describe, sizeof d->describe, "dictionary: hunspell %s%s%s%s",
             name, d->other ? " (and " : "", d->other ? other : "",
             d->other ? ")" : "");
    *shared = d;
    return 0;
}

static const char *describe(const void *shared)
{
    return ((const dicts *)shared)->describe;
}

static void unload(void *shared)
{
    dicts *d = shared;
    mtl_speller_close(d->main);
    mtl_speller_close(d->other);
    free(d);
}

/* Words the dictionary is not asked about. */
static int skip_word(const char *s, size_t n)
{
    size_t letters = 0;
    if (n > MAX_WORD)
        return 1;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += mtl_utf8_next(s, n, i, &c);
        if (c == MTL_BAD_CP || (c >= '0' && c <= '9') || c == '_' || c == '.')
            return 1;
        if (c >= 0x80 && u_isalpha((UChar32)c)) {
            UErrorCode st = U_ZERO_ERROR;
            UScriptCode sc = uscript_getScript((UChar32)c, &st);
            if (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
                sc != USCRIPT_INHERITED)
                return 1;
        }
        letters += c != '\'';
    }
    return letters < 2;
}

/* Writes into out the variant of s[0..n) with the first letter (title) or
 * every letter (all) upper-cased, or accents removed (strip). */
enum { AS_IS, TITLE, ALL, STRIP };

static size_t variant(const char *s, size_t n, int how, char *out, size_t cap)
{
    const UNormalizer2 *nfd = NULL;
    if (how == STRIP) {
        UErrorCode st = U_ZERO_ERROR;
        nfd = unorm2_getNFDInstance(&st);
        if (U_FAILURE(st))
            return 0;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += mtl_utf8_next(s, n, i, &c);
        if (c == MTL_BAD_CP)
            return 0;
        if ((how == TITLE && o == 0) || how == ALL)
            c = (uint32_t)u_toupper((UChar32)c);
        if (how == STRIP && c >= 0x80) {
            UChar d[8];
            UErrorCode st = U_ZERO_ERROR;
            int32_t k = unorm2_getDecomposition(nfd, (UChar32)c, d, 8, &st);
            if (k > 0 && U_SUCCESS(st) && d[0] < 0x80)
                c = d[0];
        }
        if (o + 5 > cap)
            return 0;
        o += mtl_utf8_put(c, out + o);
    }
    out[o] = '\0';
    return o;
}

/* Is s[0..n) accepted when spelled `how`, as is, without a possessive
 * ending, or without accents? */
static int accepted(const dicts *sp, const char *s, size_t n, int how)
{
    char buf[4 * MAX_WORD + 8];
    size_t k = how == AS_IS ? (n < sizeof buf ? (memcpy(buf, s, n), n) : 0)
                            : variant(s, n, how, buf, sizeof buf);
    if (k == 0)
        return 0;
    if (either(sp, buf, k))
        return 1;
    /* possessives: Hamas's, hostages' */
    size_t base = k;
    if (base > 2 && buf[base - 2] == '\'' &&
        (buf[base - 1] == 's' || buf[base - 1] == 'S'))
        base -= 2;
    else if (base > 1 && buf[base - 1] == '\'')
        base -= 1;
    if (base < k && either(sp, buf, base))
        return 1;
    /* naïve, résumé: the dictionary may only have the plain spelling */
    int ascii = 1;
    for (size_t i = 0; i < base; i++)
        ascii &= (unsigned char)buf[i] < 0x80;
    if (!ascii && how != STRIP) {
        char plain[4 * MAX_WORD + 8];
        size_t p = variant(buf, base, STRIP, plain, sizeof plain);
        if (p && either(sp, plain, p))
            return 1;
    }
    return 0;
}

static int run(mtl_doc *doc, const void *shared)
{
    const mtl_words *w = doc->an->words;
    if (!w)
        return 0; /* needs MTL_NEED_WORDS as well */
    mtl_spell *sp = calloc(1, sizeof *sp);
    if (!sp)
        return -1;
    doc->an->spell = sp;
    const dicts *d = shared;
    sp->speller = d->main;
    sp->verdict = calloc(w->n_words + 1, 1);
    if (!sp->verdict)
        return -1;
    for (size_t k = 0; k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        /* Only the spellings the document uses are asked about: a word
         * never capitalised needs no verdict on its capitalised form. */
        unsigned cased = 0;
        const uint32_t *occ = mtl_word_occurrences(w, e);
        for (size_t o = 0; o < e->count; o++)
            cased |= doc->tokens[occ[o]].flags;
        uint8_t v = 0;
        if (skip_word(e->norm, e->norm_len))
            v = MTL_SPELL_SKIP;
        else if (accepted(d, e->norm, e->norm_len, AS_IS))
            v = MTL_SPELL_LOWER | MTL_SPELL_TITLE | MTL_SPELL_UPPER;
        else if ((cased & (MTL_TF_CAP | MTL_TF_ALLCAPS)) &&
                 accepted(d, e->norm, e->norm_len, TITLE))
            v = MTL_SPELL_TITLE | MTL_SPELL_UPPER;
        else if ((cased & MTL_TF_ALLCAPS) &&
                 accepted(d, e->norm, e->norm_len, ALL))
            v = MTL_SPELL_UPPER;
        sp->verdict[k] = v;
    }
    return 0;
}

static void release(mtl_doc *doc)
{
    mtl_spell *sp = doc->an->spell;
    if (!sp)
        return;
    free(sp->verdict);
    free(sp);
    doc->an->spell = NULL;
}

int mtl_spell_accepts(const mtl_doc *doc, size_t i)
{
    const mtl_spell *sp = doc->an->spell;
    const mtl_words *w = doc->an->words;
    if (!sp || !w || i >= doc->n_tokens || w->of_token[i] == MTL_NO_WORD)
        return 1;
    uint8_t v = sp->verdict[w->of_token[i]];
    const mtl_token *t = &doc->tokens[i];
    if (v & MTL_SPELL_SKIP)
        return 1;
    if (t->flags & MTL_TF_ALLCAPS)
        return v != 0;
    if (t->flags & MTL_TF_CAP)
        return (v & (MTL_SPELL_LOWER | MTL_SPELL_TITLE)) != 0;
    return (v & MTL_SPELL_LOWER) != 0;
}

static char *locate(const mtl_options *opts)
{
    const char *lang = mtl_options_get(opts, "lang");
    lang = lang ? lang : "en_US";
    char *path = mtl_speller_locate(opts, lang);
    mtl_sb sb = {0};
    if (path)
        mtl_sb_printf(&sb, "dictionary: hunspell %s (%s)", lang, path);
    else
        mtl_sb_printf(&sb, "dictionary: hunspell %s not found", lang);
    free(path);
    return mtl_sb_take(&sb);
}

const mtl_analysis mtl_analysis_spell = {
    .name = "spell",
    .flag = MTL_NEED_SPELL,
    .load = load,
    .unload = unload,
    .run = run,
    .release = release,
    .describe = describe,
    .locate = locate,
};
