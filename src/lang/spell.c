/*
 * The spell analysis: a dictionary verdict for every word of the document,
 * asked once per distinct word (see spell.h).
 */
#include "lang/spell.h"

#include "base/buf.h"
#include "base/options.h"
#include "base/utf8.h"
#include "lang/datapath.h"
#include "lang/table.h"
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
/* Fixed phrases of other languages that English uses ("magna cum laude",
 * "tête-à-tête"): their words, lower case, each NUL-terminated in text;
 * phrase p is words [first[p], first[p + 1]). */
typedef struct phrases {
    char *text;
    uint32_t *word, *first;
    size_t n_words, n;
} phrases;

typedef struct dicts {
    mtl_speller *main, *other;
    phrases fixed;      /* phrases.txt */
    mtl_table huge;     /* english-huge.tsv: word, SCOWL size, kind; sorted */
    mtl_table misspelt; /* misspellings.tsv: misspelling, corrections */
    char describe[160]; /* for --version */
} dicts;

static int either(const dicts *d, const char *s, size_t n)
{
    return mtl_speller_check(d->main, s, n) ||
           (d->other && mtl_speller_check(d->other, s, n));
}

static void phrases_free(phrases *p)
{
    free(p->text);
    free(p->word);
    free(p->first);
    memset(p, 0, sizeof *p);
}

/* Reads phrases.txt: one phrase a line, words separated by spaces or
 * hyphens, '#' starts a comment. A missing file gives no phrases. */
static int phrases_load(const mtl_options *opts, phrases *p)
{
    memset(p, 0, sizeof *p);
    char *path = mtl_data_find(opts, "phrases.txt");
    if (!path)
        return errno == ENOMEM ? -1 : 0;
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f)
        return 0;
    mtl_sb sb = {0};
    char line[512];
    size_t cap_w = 0, cap_f = 0;
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        line[strcspn(line, "#\r\n")] = '\0';
        size_t before = p->n_words;
        for (char *w = line; *w;) {
            size_t n = strcspn(w, " \t-");
            if (n) {
                size_t at = sb.len;
                for (size_t k = 0; k < n; k++)
                    mtl_sb_addc(&sb, w[k] >= 'A' && w[k] <= 'Z'
                                         ? (char)(w[k] + 32) : w[k]);
                mtl_sb_addc(&sb, '\0');
                rc |= MTL_PUSH(p->word, p->n_words, cap_w, (uint32_t)at);
            }
            w += n + (w[n] != '\0');
        }
        if (p->n_words > before)
            rc |= MTL_PUSH(p->first, p->n, cap_f, (uint32_t)before);
    }
    fclose(f);
    size_t n = p->n;
    rc |= MTL_PUSH(p->first, n, cap_f, (uint32_t)p->n_words);
    p->text = mtl_sb_take(&sb);
    if (rc != 0 || (p->n_words && !p->text)) {
        phrases_free(p);
        return -1;
    }
    return 0;
}

/* Kinds of entries of the larger list (tools/scowl-huge.py). */
#define MIN_RARE 4 /* letters of a word the larger list may accept */
enum { HUGE_WORD = 1, HUGE_NAME = 2, HUGE_ABBREV = 4, HUGE_VARIANT = 8 };

/* The kinds under which the larger list has s[0..n) exactly, as a bit set. */
static unsigned huge_kinds(const mtl_table *t, const char *s, size_t n)
{
    char key[4 * MAX_WORD + 8];
    if (!t->n || n >= sizeof key)
        return 0;
    memcpy(key, s, n);
    key[n] = '\0';
    size_t first, end = mtl_table_find(t, 0, key, &first);
    unsigned kinds = 0;
    for (size_t r = first; r < end; r++) {
        char k = mtl_table_field(t, r, 2)[0];
        kinds |= k == 'w' ? HUGE_WORD : k == 'p' || k == 'u' ? HUGE_NAME
                 : k == 'a' ? HUGE_ABBREV : k == 'v' ? HUGE_VARIANT : 0;
    }
    return kinds;
}

/* An optional generated table; absent or unreadable, it is empty. Out of
 * memory is -1: a linter without the table would lint differently. */
static int load_table(const mtl_options *opts, const char *name, size_t fields,
                      mtl_table *t)
{
    memset(t, 0, sizeof *t);
    char *path = mtl_data_find(opts, name);
    if (!path)
        return errno == ENOMEM ? -1 : 0;
    int rc = mtl_table_load(t, path, fields);
    int oom = rc != 0 && errno == ENOMEM;
    free(path);
    if (rc != 0) {
        memset(t, 0, sizeof *t);
        return oom ? -1 : 0;
    }
    return mtl_table_sort(t, 0); /* generated sorted: only checked */
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
    /* the project's word lists, then the user's lists */
    static const char *const own_lists[] = {"news-words.txt",
                                            "software-words.txt"};
    int rc = 0;
    const char *path = NULL;
    for (size_t i = 0; rc == 0 && i < sizeof own_lists / sizeof *own_lists;
         i++) {
        char *own = mtl_data_find(opts, own_lists[i]);
        rc = own ? mtl_speller_add_file(sp, own) : errno == ENOMEM ? -1 : 0;
        free(own);
        if (rc != 0)
            path = own_lists[i];
    }
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
    if (!d || (other && mtl_speller_open(opts, other, &d->other, error) != 0) ||
        load_table(opts, "english-huge.tsv", 3, &d->huge) != 0 ||
        load_table(opts, "misspellings.tsv", 2, &d->misspelt) != 0 ||
        phrases_load(opts, &d->fixed) != 0 || mtl_speller_use_filter(sp) != 0) {
        if (d) {
            phrases_free(&d->fixed);
            mtl_speller_close(d->other);
            mtl_table_free(&d->huge);
            mtl_table_free(&d->misspelt);
        }
        free(d);
        mtl_speller_close(sp);
        if (!*error)
            *error = strdup("out of memory");
        return -1;
    }
    d->main = sp;
    snprintf(d->describe, sizeof d->describe,
             "dictionary: hunspell %s%s%s%s, %zu more words, %zu misspellings",
             name, d->other ? " (and " : "", d->other ? other : "",
             d->other ? ")" : "", d->huge.n, d->misspelt.n);
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
    mtl_table_free(&d->huge);
    mtl_table_free(&d->misspelt);
    phrases_free(&d->fixed);
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

/* The verdict of the larger word list and the list of misspellings on a
 * word Hunspell rejects (normal form s[0..n)). A misspelling is never
 * taken from the larger list, which has some of them as rare or obsolete
 * spellings ("develope") or as rare names ("Teh"): the spelling rule tells
 * names by their context instead. */
static uint8_t rarer(const dicts *d, const char *s, size_t n, unsigned cased)
{
    char buf[4 * MAX_WORD + 8];
    size_t base = n; /* without a possessive ending */
    if (base > 2 && s[base - 2] == '\'' && s[base - 1] == 's')
        base -= 2;
    else if (base > 1 && s[base - 1] == '\'')
        base -= 1;
    if (d->misspelt.n && base < sizeof buf) {
        memcpy(buf, s, base);
        buf[base] = '\0';
        size_t first;
        if (mtl_table_find(&d->misspelt, 0, buf, &first) > first)
            return MTL_SPELL_MISSPELT;
    }
    if (!d->huge.n)
        return 0;
    /* short rare words are abbreviations and word parts as often as they
     * are words, and short typos hit them ("san" for San, "ur") */
    unsigned words = base < MIN_RARE ? 0
                                     : HUGE_WORD | HUGE_ABBREV | HUGE_VARIANT;
    size_t k;
    /* a name Hunspell knows, written in lower case ("jesuits", "brahma"):
     * the larger list's lower-case entry does not make it a word */
    unsigned kinds = huge_kinds(&d->huge, s, n) | huge_kinds(&d->huge, s, base);
    if ((kinds & words) &&
        !((k = variant(s, n, TITLE, buf, sizeof buf)) != 0 && either(d, buf, k)))
        return MTL_SPELL_LOWER | MTL_SPELL_TITLE | MTL_SPELL_UPPER |
               MTL_SPELL_RARE |
               ((kinds & words) == HUGE_VARIANT ? MTL_SPELL_VARIANT : 0);
    if ((cased & (MTL_TF_CAP | MTL_TF_ALLCAPS)) &&
        (k = variant(s, base, TITLE, buf, sizeof buf)) != 0 &&
        (huge_kinds(&d->huge, buf, k) & (words | HUGE_NAME)))
        return MTL_SPELL_TITLE | MTL_SPELL_UPPER | MTL_SPELL_RARE;
    if ((cased & MTL_TF_ALLCAPS) &&
        (k = variant(s, base, ALL, buf, sizeof buf)) != 0 &&
        (huge_kinds(&d->huge, buf, k) & (words | HUGE_NAME)))
        return MTL_SPELL_UPPER | MTL_SPELL_RARE;
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
    sp->lists = d;
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
        else
            v = rarer(d, e->norm, e->norm_len, cased);
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
        return (v & (MTL_SPELL_LOWER | MTL_SPELL_TITLE | MTL_SPELL_UPPER)) != 0;
    if (t->flags & MTL_TF_CAP)
        return (v & (MTL_SPELL_LOWER | MTL_SPELL_TITLE)) != 0;
    return (v & MTL_SPELL_LOWER) != 0;
}

const mtl_speller *mtl_spell_other(const mtl_spell *sp)
{
    return ((const dicts *)sp->lists)->other;
}

int mtl_spell_listed_name(const mtl_spell *sp, const char *s, size_t n)
{
    /* SCOWL's common proper names; its rarer ones hold common words with
     * a capital too ("The", "Free"), as its lists of capitalised words do
     * ("Secretary", "Standard") */
    enum { COMMON_NAMES = 50 };
    const mtl_table *t = &((const dicts *)sp->lists)->huge;
    char key[4 * MAX_WORD + 8];
    if (!t->n || n >= sizeof key)
        return 0;
    memcpy(key, s, n);
    key[n] = '\0';
    size_t first, end = mtl_table_find(t, 0, key, &first);
    for (size_t r = first; r < end; r++)
        if (mtl_table_field(t, r, 2)[0] == 'p' &&
            atoi(mtl_table_field(t, r, 1)) <= COMMON_NAMES)
            return 1;
    return 0;
}

int mtl_spell_known_as_written(const mtl_spell *sp, const char *s, size_t n)
{
    const dicts *d = sp->lists;
    return either(d, s, n) || huge_kinds(&d->huge, s, n) != 0;
}

/* The word token next to token i in direction dir, across one space or
 * one hyphen, or SIZE_MAX. */
static size_t phrase_step(const mtl_doc *doc, size_t i, int dir)
{
    size_t j = i + (size_t)dir;
    if (j >= doc->n_tokens)
        return SIZE_MAX;
    const mtl_token *t = &doc->tokens[j];
    if (t->end - t->start != 1 ||
        (t->kind != MTL_TOK_SPACE && doc->text[t->start] != '-'))
        return SIZE_MAX;
    j += (size_t)dir;
    return j < doc->n_tokens && doc->tokens[j].kind == MTL_TOK_WORD ? j
                                                                    : SIZE_MAX;
}

int mtl_spell_in_phrase(const mtl_doc *doc, size_t i)
{
    const dicts *d = doc->an->spell->lists;
    const phrases *p = &d->fixed;
    const char *norm = mtl_tok_norm(doc, &doc->tokens[i]);
    for (size_t ph = 0; ph < p->n; ph++)
        for (uint32_t k = p->first[ph]; k < p->first[ph + 1]; k++) {
            if (strcmp(p->text + p->word[k], norm))
                continue;
            size_t j = i;
            uint32_t m = k;
            while (m > p->first[ph] && (j = phrase_step(doc, j, -1)) != SIZE_MAX &&
                   !strcmp(p->text + p->word[m - 1],
                           mtl_tok_norm(doc, &doc->tokens[j])))
                m--;
            if (m > p->first[ph])
                continue;
            j = i;
            m = k + 1;
            while (m < p->first[ph + 1] &&
                   (j = phrase_step(doc, j, 1)) != SIZE_MAX &&
                   !strcmp(p->text + p->word[m],
                           mtl_tok_norm(doc, &doc->tokens[j])))
                m++;
            if (m == p->first[ph + 1])
                return 1;
        }
    return 0;
}

const char *mtl_spell_corrections(const mtl_spell *sp, const char *norm)
{
    const dicts *d = sp->lists;
    size_t first;
    if (!d->misspelt.n || mtl_table_find(&d->misspelt, 0, norm, &first) == first)
        return NULL;
    return mtl_table_field(&d->misspelt, first, 1);
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

/* A dictionary asked for by name must exist even when no rule that spells
 * is on: "lang = xx" is a mistake whichever rules run. */
static int check(const mtl_options *opts, char **error)
{
    const char *lang = mtl_options_get(opts, "lang");
    if (!lang)
        return 0;
    errno = 0;
    char *path = mtl_speller_locate(opts, lang);
    if (path) {
        free(path);
        return 0;
    }
    if (errno == ENOMEM)
        return *error = NULL, -1;
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "no hunspell dictionary for '%s' (see --dict-path)", lang);
    *error = mtl_sb_take(&sb);
    return -1;
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
    .check = check,
};
