/*
 * spelling: non-words, which machine translation leaves when it copies a
 * garbled source word or invents a transliteration, and which any edit can
 * add. Hunspell decides what is a word; this rule decides what is a name.
 *
 *     "the talks with teh foreign minister"  ->  unknown word 'teh' (the)
 *
 * News text is full of names the dictionary lacks (Blinken, al-Ansari,
 * Safadi). A capitalised word is taken as a name unless a dictionary word
 * one slip away makes a typo likely: two letters swapped or one doubled
 * ("Isreal"), or at a sentence start also one dropped or added towards a
 * lower-case word ("Goverment"). Never when the document writes it the same
 * way twice, or it stands next to another capitalised name ("Ayman
 * Safadi"), except for a swap or a doubling. A lower-case word is reported
 * when a dictionary word is one slip away (also a wrong letter); one far
 * from every word is jargon, a coinage or a foreign word (untranslated's
 * business), two words run together ("userspace") name a thing, and a word
 * the document uses twice or more is its own term. Acronyms are checked for
 * doubled letters only (CORBA is one swap from COBRA); numbers, URLs, words
 * with digits or dots, and possessives of known words are not checked.
 *
 * Suggestions are the dictionary words found one slip away, likeliest slip
 * first, then the words the document itself uses most. Hunspell's own
 * suggest takes tens of milliseconds a word, too slow for long documents.
 */
#include "findings/rule.h"

#include "base/strlist.h"
#include "lang/spell.h"
#include "lang/words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SUGGEST 5
#define MAX_LEN 48 /* longer "words" are rarely slips worth a search */

/* Word parts that stand before a hyphen without being words themselves
 * ("al-Ansari", "non-binding"), and particles of names ("bin Salman"). */
static const char *const prefixes[] = {
    "al", "el", "ul", "bin", "ibn", "abu", "bint", "ben", "anti", "non",
    "pre", "post", "un", "co", "re", "mid", "multi", "semi", "sub", "ex",
    "inter", "intra", "pro", "neo", "pan", "trans", "ultra", "counter",
    "self", "de", "da", "di", "du", "van", "von", "der", "le", "la", NULL};

static int joined_by_hyphen(const mtl_doc *doc, size_t a, size_t b)
{
    return b == a + 2 && doc->tokens[a].end == doc->tokens[a + 1].start &&
           doc->tokens[a + 1].end == doc->tokens[b].start &&
           doc->text[doc->tokens[a + 1].start] == '-' &&
           doc->tokens[a + 1].end - doc->tokens[a + 1].start == 1;
}

/* Is token i part of a hyphenated compound that is fine as a whole: the
 * compound written closed is a word ("co-operate"), or i is a prefix? */
static int compound_ok(const mtl_doc *doc, const mtl_speller *sp, size_t i)
{
    size_t first = i, last = i;
    while (first >= 2 && mtl_doc_word_at(doc, first - 2) &&
           joined_by_hyphen(doc, first - 2, first))
        first -= 2;
    while (mtl_doc_word_at(doc, last + 2) && joined_by_hyphen(doc, last, last + 2))
        last += 2;
    if (first == last)
        return 0;
    if (i < last && mtl_in_list(prefixes, mtl_tok_norm(doc, &doc->tokens[i])))
        return 1;
    /* a capitalised part after a hyphen is a name: al-Ansari, Abu-Dhabi */
    if (i > first && (doc->tokens[i].flags & MTL_TF_CAP))
        return 2;
    char buf[4 * MAX_LEN];
    size_t n = 0;
    for (size_t k = first; k <= last; k += 2) {
        const mtl_token *t = &doc->tokens[k];
        size_t len = t->end - t->start;
        if (n + len >= sizeof buf)
            return 0;
        memcpy(buf + n, doc->text + t->start, len);
        n += len;
    }
    return mtl_speller_check(sp, buf, n);
}

/* Is a dictionary word one slip from w (lower case, n bytes, ASCII): two
 * neighbours swapped, a letter dropped, or a letter added? Candidates are
 * checked with a capital, which Hunspell accepts for lower-case words too. */
enum { CASE_LOWER, CASE_TITLE, CASE_UPPER };

/* Is the candidate c[0..n) a word when written in the given case? */
static int known_as(const mtl_speller *sp, char *c, size_t n, int how)
{
    for (size_t i = 0; i < (how == CASE_UPPER ? n : how == CASE_TITLE); i++)
        if (c[i] >= 'a' && c[i] <= 'z')
            c[i] = (char)(c[i] - 32);
    return mtl_speller_check(sp, c, n);
}

/* Dictionary words found one slip away, for suggestions; or NULL when the
 * first one found is enough. */
#define MAX_FOUND 16
typedef struct found {
    char word[MAX_FOUND][MAX_LEN + 2]; /* in the case they were checked */
    uint8_t len[MAX_FOUND], kind[MAX_FOUND], at[MAX_FOUND];
    size_t n;
} found;

enum { SWAPPED, DOUBLED, DROPPED, EXTRA, WRONG }; /* kinds, likeliest first */

/* Records a candidate; 1 when the search may stop. */
static int hit(found *f, const char *c, size_t n, int kind, size_t at)
{
    if (!f)
        return 1;
    for (size_t k = 0; k < f->n; k++)
        if (f->len[k] == n && !memcmp(f->word[k], c, n))
            return 0;
    memcpy(f->word[f->n], c, n);
    f->len[f->n] = (uint8_t)n;
    f->kind[f->n] = (uint8_t)kind;
    f->at[f->n] = (uint8_t)at;
    return ++f->n == MAX_FOUND;
}

/* The same for the many candidates of a dropped or a wrong letter: those
 * with four letters in a row that no dictionary word has are not asked. */
static int maybe_known_as(const mtl_speller *sp, char *c, size_t n, int how)
{
    return mtl_speller_may_know(sp, c, n) && known_as(sp, c, n, how);
}

enum { DOUBLED_SLIPS, NAME_SLIPS, SOME_SLIPS, ALL_SLIPS };

/* Is a dictionary word one slip from w (lower case, n bytes, ASCII)? The
 * slips that count grow with the mode: DOUBLED_SLIPS, for words in
 * capitals, where acronyms swap into words (CORBA, COBRA); NAME_SLIPS, for
 * capitalised words inside a sentence: swapped or doubled letters
 * ("Isreal", "Gazza"); SOME_SLIPS, at a sentence start: also a dropped or
 * an extra letter, but only towards a lower-case word, since those slips
 * turn many names into other names ("Safadi", "Saadi"); ALL_SLIPS, for
 * lower-case words: any of these or a wrong letter, towards any word.
 * `upper` checks the near candidates in capitals, for acronym-like words
 * ("GNNU", "DOCUMEENTS"). With f, collects what it finds. */
static int close_word(const mtl_speller *sp, const char *w, size_t n, int mode,
                      int upper, found *f)
{
    char c[MAX_LEN + 2];
    if (n < (mode == ALL_SLIPS ? 2 : 3) || n > MAX_LEN)
        return 0;
    int near = upper ? CASE_UPPER : CASE_TITLE; /* "The" accepts "the" too */
    int far = mode == ALL_SLIPS ? near : CASE_LOWER;
    size_t lo, hi; /* where a dropped or wrong letter can give a word */
    int wide = mtl_speller_slip_range(sp, w, n, &lo, &hi);
#define FOUND(len, kind, at)                                                 \
    do {                                                                     \
        if (hit(f, c, (len), (kind), (at)))                                  \
            return 1;                                                        \
    } while (0)
    for (size_t i = 0; mode != DOUBLED_SLIPS && i + 1 < n; i++) {
        if (w[i] == w[i + 1])
            continue;
        memcpy(c, w, n);
        c[i] = w[i + 1];
        c[i + 1] = w[i];
        if (known_as(sp, c, n, near)) /* swapped */
            FOUND(n, SWAPPED, i);
    }
    for (size_t i = 0; i < n; i++) { /* an extra letter, or a doubled one */
        int doubled = i + 1 < n && w[i] == w[i + 1];
        if ((i > 0 && w[i] == w[i - 1]) || (mode < SOME_SLIPS && !doubled))
            continue;
        memcpy(c, w, i);
        memcpy(c + i, w + i + 1, n - i - 1);
        if (known_as(sp, c, n - 1, doubled ? near : far))
            FOUND(n - 1, doubled ? DOUBLED : EXTRA, i);
    }
    if (mode >= SOME_SLIPS && wide) {
        /* a dropped letter; the first only for lower-case words, as names
         * lose it to words too often ("Ayman", "layman") */
        size_t from = mode == ALL_SLIPS || lo ? lo : 1;
        for (size_t i = from; i <= n && i <= hi; i++)
            for (char l = 'a'; l <= 'z'; l++) {
                if (i > 0 && w[i - 1] == l)
                    continue; /* the same word as inserting before it */
                memcpy(c, w, i);
                c[i] = l;
                memcpy(c + i + 1, w + i, n - i);
                if (maybe_known_as(sp, c, n + 1, far))
                    FOUND(n + 1, DROPPED, i);
            }
    }
    /* a wrong letter, in words long enough that one letter is evidence */
    int wrong = wide && mode == ALL_SLIPS && n >= 5;
    for (size_t i = lo; wrong && i < n && i <= hi; i++)
        for (char l = 'a'; l <= 'z'; l++) {
            if (w[i] == l)
                continue;
            memcpy(c, w, n);
            c[i] = l;
            if (maybe_known_as(sp, c, n, far))
                FOUND(n, WRONG, i);
        }
#undef FOUND
    return f && f->n > 0;
}

/* Two words run together, each of four letters or more: "cleanname",
 * "userspace". Names of things in technical text far more often than
 * typos, which are one slip, not a lost space. */
static int run_together(const mtl_speller *sp, const char *w, size_t n)
{
    for (size_t i = 4; n >= 8 && i + 4 <= n; i++)
        if (mtl_speller_may_know(sp, w, i) &&
            mtl_speller_may_know(sp, w + i, n - i) &&
            mtl_speller_check(sp, w, i) && mtl_speller_check(sp, w + i, n - i))
            return 1;
    return 0;
}

/* Capitals inside a word that is not all capitals: iPhone, McDonald; or a
 * slip at the start of a capitalised word: "TThis", "eRmember". */
static int mixed_case(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            return 1;
    return 0;
}

/* "GCC's", "PCs", "IDs": capitals and an ending. */
static int acronym_with_ending(const char *s, size_t n)
{
    size_t caps = 0;
    while (caps < n && s[caps] >= 'A' && s[caps] <= 'Z')
        caps++;
    const char *rest = s + caps;
    size_t r = n - caps;
    return caps >= 2 && (r <= 1 || (r == 2 && rest[0] == '\'') ||
                         (r == 4 && !memcmp(rest, "\xE2\x80\x99", 3)));
}

/* For a mixed-case word: does undoing a swap or a doubled letter, keeping
 * the case as it is, give a word? "eRmember", "TThis" yes; "iPhone" no. */
static int case_slip(const mtl_speller *sp, const char *s, size_t n, found *f)
{
    char c[MAX_LEN + 2];
    if (n < 3 || n > MAX_LEN)
        return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        memcpy(c, s, n);
        c[i] = s[i + 1];
        c[i + 1] = s[i];
        if (mtl_speller_check(sp, c, n) && hit(f, c, n, SWAPPED, i))
            return 1;
        if ((s[i] | 32) == (s[i + 1] | 32)) {
            memcpy(c, s, i);
            memcpy(c + i, s + i + 1, n - i - 1);
            if (mtl_speller_check(sp, c, n - 1) && hit(f, c, n - 1, DOUBLED, i))
                return 1;
        }
    }
    return f && f->n > 0;
}

/* The word next to token i in direction dir (+1, -1) within a name: only
 * a space or a hyphen between, name particles ("al", "bin") passed over. */
static size_t name_neighbour(const mtl_doc *doc, size_t i, int dir)
{
    for (int hops = 0; hops < 3; hops++) {
        size_t j = i + (size_t)dir;
        if (j >= doc->n_tokens)
            return SIZE_MAX;
        const mtl_token *t = &doc->tokens[j];
        if (!(t->kind == MTL_TOK_SPACE && t->end - t->start == 1) &&
            !(t->kind == MTL_TOK_PUNCT && doc->text[t->start] == '-' &&
              t->end - t->start == 1))
            return SIZE_MAX;
        j += (size_t)dir;
        if (!mtl_doc_word_at(doc, j))
            return SIZE_MAX;
        if (!mtl_in_list(prefixes, mtl_tok_norm(doc, &doc->tokens[j])))
            return j;
        i = j;
    }
    return SIZE_MAX;
}

/* Is token i next to another capitalised word that is a name, one the
 * dictionary lacks or knows only with a capital, as in "Ayman Safadi",
 * "Majid al-Ansari", "Ean Schuessler"? Then token i is a name too. */
static int in_full_name(const mtl_doc *doc, size_t i)
{
    const mtl_words *w = doc->an->words;
    const mtl_spell *sp = doc->an->spell;
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t j = name_neighbour(doc, i, dir);
        if (j == SIZE_MAX || !(doc->tokens[j].flags & MTL_TF_CAP) ||
            (doc->tokens[j].flags & MTL_TF_ALLCAPS))
            continue;
        uint32_t k = w->of_token[j];
        if (k != MTL_NO_WORD &&
            !(sp->verdict[k] & (MTL_SPELL_LOWER | MTL_SPELL_SKIP)))
            return 1;
    }
    return 0;
}

/* Occurrences of a word written exactly as token i is. */
static size_t same_spelling(const mtl_doc *doc, const mtl_words *w, size_t i)
{
    const mtl_word *e = mtl_words_of_token(w, i);
    const uint32_t *occ = mtl_word_occurrences(w, e);
    const mtl_token *t = &doc->tokens[i];
    size_t n = 0, len = t->end - t->start;
    for (size_t k = 0; k < e->count; k++) {
        const mtl_token *u = &doc->tokens[occ[k]];
        n += u->end - u->start == len &&
             memcmp(doc->text + u->start, doc->text + t->start, len) == 0;
    }
    return n;
}

/* The lower-case ASCII form of a name-like token without a possessive
 * ending, for close_word; 0 if it is not plain ASCII letters. */
static size_t plain_form(const mtl_doc *doc, const mtl_token *t, char *out,
                         size_t cap)
{
    const char *norm = mtl_tok_norm(doc, t);
    size_t n = strlen(norm);
    if (n > 2 && norm[n - 2] == '\'' && norm[n - 1] == 's')
        n -= 2;
    if (n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (norm[i] < 'a' || norm[i] > 'z')
            return 0;
        out[i] = norm[i];
    }
    out[n] = '\0';
    return n;
}

/* Should the unknown word at token i be reported? */
static int is_typo(const mtl_doc *doc, const mtl_speller *sp, size_t i,
                   found *f)
{
    const mtl_words *w = doc->an->words;
    const mtl_token *t = &doc->tokens[i];
    if (compound_ok(doc, sp, i))
        return 0;
    char plain[MAX_LEN + 1];
    size_t n = plain_form(doc, t, plain, sizeof plain);
    if (!n)
        return 0; /* not plain ASCII letters: loanwords, other scripts */
    const char *surface = doc->text + t->start;
    size_t len = t->end - t->start;
    if (t->flags & MTL_TF_ALLCAPS) /* an acronym, unless a word in capitals */
        return n >= 4 && same_spelling(doc, w, i) == 1 &&
               close_word(sp, plain, n, DOUBLED_SLIPS, 1, f);
    if (mixed_case(surface, len))
        return !acronym_with_ending(surface, len) &&
               case_slip(sp, surface, len, f);
    const char *norm = mtl_tok_norm(doc, t);
    if (!(t->flags & MTL_TF_CAP)) {
        /* a name particle before a name: "bin Salman" */
        size_t next = mtl_doc_skip_space(doc, i + 1);
        if (mtl_in_list(prefixes, norm) && mtl_doc_word_at(doc, next) &&
            (doc->tokens[next].flags & MTL_TF_CAP))
            return 0;
        if (mtl_words_of_token(w, i)->count >= 2 || run_together(sp, plain, n))
            return 0;
        return close_word(sp, plain, n, ALL_SLIPS, 0, f);
    }
    if (same_spelling(doc, w, i) > 1)
        return 0;
    if (close_word(sp, plain, n, NAME_SLIPS, 0, f))
        return 1; /* a swap or a doubling, even inside a full name */
    return !in_full_name(doc, i) && (t->flags & MTL_TF_SENT_START) &&
           close_word(sp, plain, n, SOME_SLIPS, 0, f);
}

/* Suggestions: the dictionary words one slip away, the likeliest slip
 * first (swapped letters, then doubled, dropped, extra, wrong), then the
 * words the document itself uses most, then slips further into the word.
 * They are made here rather than by Hunspell's own suggest, which takes
 * tens of milliseconds a word. */
typedef struct ranked {
    size_t index, count;
} ranked;

static int better(const found *f, const ranked *a, const ranked *b)
{
    if (f->kind[a->index] != f->kind[b->index])
        return f->kind[a->index] < f->kind[b->index];
    if (a->count != b->count)
        return a->count > b->count;
    return f->at[a->index] > f->at[b->index];
}

static size_t suggest(const mtl_speller *sp, const mtl_doc *doc, size_t i,
                      char *out[MAX_SUGGEST], mtl_emit *emit)
{
    found f = {.n = 0};
    if (!is_typo(doc, sp, i, &f))
        return 0;
    const mtl_token *t = &doc->tokens[i];
    ranked r[MAX_FOUND];
    for (size_t k = 0; k < f.n; k++) {
        char low[MAX_LEN + 2];
        for (size_t j = 0; j < f.len[k]; j++)
            low[j] = (char)(f.word[k][j] | (f.word[k][j] >= 'A' &&
                                            f.word[k][j] <= 'Z' ? 32 : 0));
        const mtl_word *e = mtl_words_find(doc->an->words, low, f.len[k]);
        r[k] = (ranked){k, e ? e->count : 0};
        for (size_t j = k; j > 0 && better(&f, &r[j], &r[j - 1]); j--) {
            ranked tmp = r[j];
            r[j] = r[j - 1];
            r[j - 1] = tmp;
        }
    }
    int mixed = mixed_case(doc->text + t->start, t->end - t->start);
    size_t kept = 0;
    for (size_t k = 0; k < f.n && kept < MAX_SUGGEST; k++) {
        char *w = f.word[r[k].index];
        size_t n = f.len[r[k].index];
        w[n] = '\0';
        for (size_t j = 0; !mixed && j < n; j++) {
            int up = (t->flags & MTL_TF_ALLCAPS) ||
                     (j == 0 && (t->flags & MTL_TF_CAP));
            if (up && w[j] >= 'a' && w[j] <= 'z')
                w[j] = (char)(w[j] - 32);
            else if (!up && w[j] >= 'A' && w[j] <= 'Z')
                w[j] = (char)(w[j] + 32);
        }
        /* a lower-case slip of a name gets the name's capital: "Israel" */
        if (!(t->flags & MTL_TF_CAP) && !mixed && !mtl_speller_check(sp, w, n))
            w[0] = (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]);
        int dup = 0;
        for (size_t j = 0; j < kept; j++)
            dup |= strcmp(out[j], w) == 0;
        if (!dup && !(out[kept] = malloc(n + 1))) {
            mtl_emit_oom(emit); /* not a shorter list of suggestions */
            break;
        }
        if (!dup)
            memcpy(out[kept++], w, n + 1);
    }
    return kept;
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    const mtl_words *w = doc->an->words;
    const mtl_spell *sp = doc->an->spell;
    if (!w || !sp)
        return 0;
    for (size_t k = 0; k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        const uint32_t *occ = mtl_word_occurrences(w, e);
        if (sp->verdict[k] & MTL_SPELL_SKIP)
            continue;
        /* suggestions: made once per word and case, reused */
        char *sugg[2][MAX_SUGGEST];
        size_t n_sugg[2] = {0, 0};
        int asked[2] = {0, 0};
        for (size_t o = 0; o < e->count; o++) {
            size_t i = occ[o];
            if (mtl_spell_accepts(doc, i) ||
                !is_typo(doc, sp->speller, i, NULL))
                continue;
            const mtl_token *t = &doc->tokens[i];
            int cap = (t->flags & MTL_TF_CAP) != 0;
            char q[128];
            mtl_excerpt(doc, t->start, t->end, q, sizeof q);
            if (!asked[cap]) {
                n_sugg[cap] = suggest(sp->speller, doc, i, sugg[cap], out);
                asked[cap] = 1;
            }
            mtl_report_fix(out, t->start, t->end,
                           (const char *const *)sugg[cap], n_sugg[cap],
                           "unknown word '%s'", q);
        }
        for (int c = 0; c < 2; c++)
            for (size_t s = 0; s < n_sugg[c]; s++)
                free(sugg[c][s]);
    }
    return 0;
}

const mtl_rule mtl_rule_spelling = {
    .info = {"spelling", "a word that is not in the dictionary and not a name",
             MTL_WARNING},
    .needs = MTL_NEED_WORDS | MTL_NEED_SPELL,
    .check = check,
};
