/*
 * term-inconsistency: one term written two or more ways in one document,
 * which happens when sentences are translated one at a time and each comes
 * back with its own choice:
 *
 *     "rather than a ceasefire" ... "whether a cease-fire"
 *         ->  'cease-fire' (2 times) is also written 'ceasefire' (3 times)
 *
 * Kinds of variation: closed, hyphenated and open compounds (ceasefire /
 * cease-fire / cease fire), US and UK spellings (color / colour, from
 * dicts/us-uk.tsv), and abbreviation points (U.S. / US). Each occurrence of a
 * minority form is reported, with the majority form as the fix; on a tie the
 * form used first is the reference.
 *
 * Open, hyphenated and closed forms are one term by their letters without
 * spaces and hyphens ("long term" / "long-term", "can not" / "cannot",
 * "re-election" / "reelection"). An open pair counts before a noun ("a long
 * term plan", where the compound needs its hyphen), against a closed form,
 * or when a hyphenated form is used as it is: "in the long term" against
 * "a long-term plan" is two uses, not two spellings, and the tagger tells
 * "follow up" the verb from "follow-up" the noun. Names written open and
 * closed ("Network Manager" / "NetworkManager") are compared among
 * themselves only.
 *
 * Not variation: "log in" (verb) and "login" (noun), "every day" and
 * "everyday", "re-sign" and "resign"; function words run together ("process
 * or" / "processor", "are as" / "areas"); names (capitalised inside a
 * sentence: "Pearl Harbor", "the Kennedy Center"); identifiers
 * ("readableStream", "HARDDISK", "/etc/localtime", "--localtime"); words
 * inside direct quotations; "US 101" (a route); the senses British
 * English spells the US way ("program" for software, "meter" the device);
 * and words of another language (foreign.h), which untranslated reports.
 */
#include "findings/rule.h"

#include "base/strlist.h"
#include "base/buf.h"
#include "base/hash.h"
#include "lang/datapath.h"
#include "lang/foreign.h"
#include "lang/table.h"
#include "lang/tags.h"
#include "text/tokens.h"
#include "lang/words.h"

#include <stdint.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- the US/UK table ------------------------------------------------ */

typedef struct table {
    mtl_table by_us; /* us, uk */
    mtl_table by_uk; /* the same rows, by uk */
} table;

static void fini(void *state)
{
    table *t = state;
    if (!t)
        return;
    mtl_table_free(&t->by_uk);
    mtl_table_free(&t->by_us);
    free(t);
}

static int init(const mtl_options *opts, void **state, char **error)
{
    table *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    *state = t;
    char *path = mtl_data_find(opts, "us-uk.tsv");
    if (!path) /* compounds and abbreviations still work */
        return errno == ENOMEM ? -1 : 0;
    int rc = mtl_table_open(&t->by_us, path, 2, 0);
    free(path);
    if (rc != 0) /* unreadable: as if not installed; no memory: fail */
        return errno == ENOMEM ? -1 : 0;
    if (mtl_table_view(&t->by_us, 1, &t->by_uk) != 0) {
        *error = NULL; /* "cannot start rule" is said for us */
        return -1;
    }
    return 0;
}

/* The row whose US (uk = 0) or UK (uk = 1) spelling is w, or -1. */
static long lookup(const table *t, const char *w, int uk)
{
    const mtl_table *tb = uk ? &t->by_uk : &t->by_us;
    size_t first, end = mtl_table_find(tb, (size_t)uk, w, &first);
    return end > first ? (long)first : -1;
}

/* ---- occurrences of terms ------------------------------------------- */

enum form {
    CLOSED, HYPHENATED, OPEN, /* compounds, keyed by the closed form */
    US, UK,                   /* keyed by the US spelling */
    DOTTED, PLAIN             /* abbreviations, keyed by the letters */
};

/* How an occurrence is used, which tells an open pair that is a compound
 * ("a long term plan") from a phrase ("in the long term", "follow up"). */
enum role { ROLE_MOD, ROLE_NOUN, ROLE_OTHER,
            ROLE_ANY /* one word whatever its use: "can not" */ };

typedef struct occ {
    size_t key;          /* offset of the key in the key buffer */
    uint32_t start, end; /* bytes */
    uint8_t form;
    uint8_t cap;         /* the occurrence starts with a capital */
    uint8_t role;        /* enum role */
    uint8_t flags;       /* OCC_* */
} occ;

enum {
    OCC_STRICT = 1,      /* an open pair that counts only in a role its
                            hyphenated form has ("trade off", "follow up") */
    OCC_HYPHEN_ONLY = 2, /* an open pair that is not its closed form */
    OCC_QUOTED = 4,      /* inside a direct quotation: the speaker's words,
                            which count but are not reported */
    OCC_ANY_ROLE = 8,    /* one word whatever its use: "can not", "per cent" */
    OCC_NAME = 16,       /* a US or UK spelling in a name: counted, not
                            reported */
    OCC_NOUN_CONTEXT = 32, /* an open pair after a determiner, adjective,
                            number or preposition: no verb */
    OCC_FOREIGN = 64      /* a word of another language (foreign.h): no
                            form of an English term ("consultor es" and
                            "consultores" in a Spanish post), left out */
};

typedef struct scan {
    const mtl_doc *doc;
    const uint8_t *quoted; /* per token: inside a direct quotation */
    const uint8_t *title_case; /* per sentence: a heading in title case */
    mtl_sb keys;         /* NUL-separated keys; a kind letter first */
    occ *occs;
    size_t n, cap;
    int failed;
} scan;

/* Adds an occurrence of the term starting at token tok. */
static void add(scan *s, char kind, const char *key, size_t len, size_t tok,
                size_t start, size_t end, int form, int cap, int role)
{
    occ o = {.key = s->keys.len, .start = (uint32_t)start,
             .end = (uint32_t)end, .form = (uint8_t)form, .cap = (uint8_t)cap,
             .role = (uint8_t)role,
             /* a term in Markdown emphasis is mentioned, as one quoted:
              * a style guide's "**DC**, not D.C." */
             .flags = ((s->quoted && s->quoted[tok]) ||
                       (s->doc->tokens[tok].flags & MTL_TF_EMPH) ? OCC_QUOTED : 0) |
                      (mtl_foreign_word(s->doc, tok) ? OCC_FOREIGN : 0)};
    mtl_sb_addc(&s->keys, kind);
    mtl_sb_add(&s->keys, key, len);
    mtl_sb_addc(&s->keys, '\0');
    if (s->keys.failed || MTL_PUSH(s->occs, s->n, s->cap, o) != 0)
        s->failed = 1;
}

/* A hyphen between words with nothing around it: ASCII or U+2010/2011. */
static int is_hyphen(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start;
    return t->kind == MTL_TOK_PUNCT &&
           ((n == 1 && s[0] == '-') ||
            (n == 3 && !memcmp(s, "\xE2\x80", 2) &&
             (s[2] == '\x90' || s[2] == '\x91')));
}

static int glued(const mtl_doc *doc, size_t a, size_t b)
{
    return doc->tokens[a].end == doc->tokens[b].start;
}

/* Words that make an open pair a phrase rather than a compound: "every
 * day", "may be", "some time", and function words, whose spelling without
 * the space is another word ("process or" / "processor", "are as" /
 * "areas", "Nepal is" / "Nepalis"). */
static const char *const open_first_stop[] = {
    "a", "an", "the", "any", "every", "some", "no", "in", "on", "at", "to",
    "for", "by", "with", "may", "all", "over", "under", "out", "up", "down",
    "be", "it", "of", "who", "what", "how", "where", "when", "there", "here",
    "each", "one", "can", "not", "which", "so", "as", "is", "are", "was",
    "were", "am", "been", "and", "or", "but", "nor", "if", "his", "her",
    "its", "my", "our", "their", "your", "this", "that", "these", "those",
    "he", "she", "we", "they", "you", "me", "him", "us", "them", "from",
    "into", "than", "then", "do", "does", "did", "has", "have", "had",
    "will", "would", "should", "could", "might", "must", "shall", "la", "le",
    "el", "de", "du", "di", "da", "van", "von", "der", NULL};
static const char *const open_second_stop[] = {
    "together", "apart", "ahead", "aside", "into", "onto", "upon",
    "where", "self", "ever", "more",
    "less", "how", "what", "to", "so", "or", "and", "nor", "but", "at", "as",
    "is", "are", "was", "were", "am", "be", "la", "le", "el", "de", "of",
    "for", "if", "it", "its", "his", "her", "an", "a", "the", "not", "no",
    "than", "then", "with", "from", "he", "she", "we", "they", "you", "me",
    "him", "us", "them", "this", "that", "these", "those", "my", "our",
    "your", "their", "will", "would", "can", "could", "should", "may",
    "might", "must", "has", "have", "had", "do", "does", "did", "all", NULL};
/* Closed words whose open pairs are phrases of another meaning: the
 * adjective "longtime" and "a long time". */
static const char *const other_words[] = {"longtime", NULL};
/* First words whose open pairs are other words than their closed forms
 * ("all ready" / "already"): compared with hyphenated forms only. */
static const char *const hyphen_only_first[] = {"all", "so", "one", "no", NULL};
/* Prepositions and particles that start compounds ("by-election",
 * "down-regulation", "in-house"); written open they are usually a phrase
 * ("required by law"), so the open pair counts only where a noun stands
 * ("a by election") or before one, against a hyphenated form. */
static const char *const prepositional_first[] = {
    "up", "down", "by", "over", "under", "out", "off", "in", "on", "at", NULL};

/* Closed forms that are other words than their hyphenated look-alikes:
 * "re-sign" / "resign", "co-op" / "coop". A hyphen before a vowel only
 * keeps two vowels apart ("re-election", "co-operate": one word). */
static int different_words(const char *first_part, const char *second_part,
                           const char *key)
{
    if (strcmp(key, "coop") == 0)
        return 1;
    return strcmp(first_part, "re") == 0 && !strchr("aeiou", second_part[0]);
}

/* Is the word token i written with a capital inside it or in capitals
 * ("NetworkManager", "readableStream", "HARDDISK")? Such a word is a name
 * or an identifier, not a spelling of a common word. */
static int inner_capitals(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    if (t->flags & MTL_TF_ALLCAPS)
        return 1;
    for (size_t k = t->start + 1; k < t->end; k++)
        if (doc->text[k] >= 'A' && doc->text[k] <= 'Z')
            return 1;
    return 0;
}

/* Is the capitalised word token i a label ("E-mail: ...")? Its capital is
 * a start's. */
static int label(const mtl_doc *doc, size_t i)
{
    size_t k = i + 1;
    while (k + 1 < doc->n_tokens && is_hyphen(doc, k) && mtl_doc_word_at(doc, k + 1))
        k += 2;
    return k < doc->n_tokens && doc->tokens[k].start == doc->tokens[k - 1].end &&
           doc->text[doc->tokens[k].start] == ':';
}

/* A heading in title case ("For Workstations", "Yield Gaps Associated with
 * Crop-Pest Interactions") is at most this many words, as the titles of the
 * clean corpus are; its capitals say nothing of names. */
enum { MAX_TITLE_WORDS = 16 };

/* Words a title leaves in lower case. */
static const char *const title_lower[] = {
    "a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on",
    "at", "to", "by", "with", "from", "into", "over", "as", "via", "vs",
    "per", "upon", "about", "than", NULL};

/* Per sentence: 1 if it is a short line whose words are all capitalised
 * but for the words titles leave in lower case. NULL when out of memory. */
static uint8_t *title_case_sentences(const mtl_doc *doc)
{
    uint8_t *tc = calloc(doc->n_sentences ? doc->n_sentences : 1, 1);
    if (!tc)
        return NULL;
    for (size_t k = 0; k < doc->n_sentences; k++) {
        const mtl_sentence *se = &doc->sentences[k];
        size_t words = 0, lower = 0;
        for (size_t t = se->tok_begin; t < se->tok_end; t++) {
            const mtl_token *x = &doc->tokens[t];
            if (x->kind != MTL_TOK_WORD)
                continue;
            words++;
            lower += !(x->flags & MTL_TF_CAP) &&
                     !mtl_in_list(title_lower, mtl_tok_norm(doc, x));
        }
        tc[k] = words >= 2 && words <= MAX_TITLE_WORDS && !lower;
    }
    return tc;
}

/* May the word token i be an occurrence of a common term? Not a name
 * (capitalised inside a sentence: "Pearl Harbor", "the Kennedy Center"),
 * not an identifier. */
static int common_word(const scan *s, size_t i)
{
    const mtl_token *t = &s->doc->tokens[i];
    if ((t->flags & MTL_TF_CAP) && !(t->flags & MTL_TF_SENT_START) &&
        !s->title_case[t->sentence] && !label(s->doc, i))
        return 0;
    return !inner_capitals(s->doc, i);
}

/* Bounds the look along a run of glued tokens, so that a long line without
 * spaces costs linear time. */
enum { CODE_LOOK = 16 };

/* Is the occurrence at tokens [first, last] part of a path, an option or a
 * call ("/etc/localtime", "--localtime", "semanage-login(8)")? One slash
 * between words is prose ("bed-nets/insect-repellent", "and/or"). */
static int in_code(const mtl_doc *doc, size_t first, size_t last)
{
    size_t a = first, b = last;
    while (a > 0 && first - a < CODE_LOOK && glued(doc, a - 1, a) &&
           !mtl_tok_is_space(&doc->tokens[a - 1]))
        a--;
    while (b + 1 < doc->n_tokens && b - last < CODE_LOOK && glued(doc, b, b + 1) &&
           !mtl_tok_is_space(&doc->tokens[b + 1]))
        b++;
    int slashes = 0;
    for (size_t k = a; k <= b; k++) {
        const mtl_token *t = &doc->tokens[k];
        char c = doc->text[t->start];
        if (t->kind != MTL_TOK_PUNCT || (k >= first && k <= last))
            continue;
        if (c == '/')
            slashes += 1 + (k == a); /* a leading slash starts a path */
        else if (strchr("_=<>@\\$~", c) || (c == '(' && k == last + 1))
            return 1;
        else if (k + 1 <= b && ((c == '-' && doc->text[doc->tokens[k + 1].start] == '-') ||
                                ((c == '.' || c == ':') &&
                                 strchr("/:", doc->text[doc->tokens[k + 1].start]))))
            return 1; /* "--localtime", "::", "../", not "..." */
        else if ((c == '.' || c == ':') && k == last + 1 && k < b &&
                 mtl_doc_word_at(doc, k + 1))
            return 1; /* "localtime.conf" */
    }
    /* a command and its option: "hostname -f", "lsblk --all" */
    size_t o = b + 2;
    if (o + 1 < doc->n_tokens && doc->tokens[b + 1].kind == MTL_TOK_SPACE &&
        doc->text[doc->tokens[o].start] == '-' &&
        doc->tokens[o].kind == MTL_TOK_PUNCT && glued(doc, o, o + 1) &&
        !mtl_tok_is_space(&doc->tokens[o + 1]))
        return 1;
    return slashes >= 2;
}

/* Particles: "follow up" is a verb and "follow-up" a noun, so an open pair
 * ending in one counts only when its first word is not a verb. */
static const char *const particles[] = {
    "up", "down", "in", "out", "off", "on", "over", "back", "away",
    "through", "about", "around", "by", "along", NULL};

/* The class of token i for comparing uses of a term: a noun, or not
 * ("self fund" and "self-fund" as verbs, "is long-term" an adjective). */
static int tag_class(const mtl_doc *doc, size_t i)
{
    int tag = mtl_tag_of(doc, i);
    if (tag == MTL_TAG_NOUN || tag == MTL_TAG_PROPN || tag == MTL_TAG_X ||
        tag == MTL_TAG_NUM)
        return ROLE_NOUN;
    return ROLE_OTHER;
}

/* Words before "to" that make it a preposition ("prior to pinch-off", "due
 * to follow-up"), where it is otherwise an infinitive's ("to follow up"). */
static const char *const to_preposition[] = {
    "prior", "due", "owing", "according", "thanks", "contrary", "relative",
    "compared", "addition", "response", "related", NULL};
static const char *const demonstratives[] = {"this", "these", "those", NULL};

/* Does the word before token first make what follows a noun: a
 * determiner, an adjective, a number, a possessive or a preposition other
 * than the infinitive's "to" ("the follow up", "an inherent trade off", "a
 * 1922 by election", "prior to pinch off"; "loss to follow up" is not)? An
 * opening quotation mark between is skipped ("a set of “well known”"). */
static int noun_context(const mtl_doc *doc, size_t first)
{
    if (first >= 1 && doc->tokens[first - 1].kind == MTL_TOK_QUOTE &&
        glued(doc, first - 1, first))
        first--;
    if (first < 2 || doc->tokens[first - 1].kind != MTL_TOK_SPACE ||
        !mtl_tok_is_wordlike(&doc->tokens[first - 2]))
        return 0;
    size_t p = first - 2;
    /* "a 1922 by election", not "of them, 12 follow up" */
    if (doc->tokens[p].kind == MTL_TOK_NUMBER)
        return p >= 2 && doc->tokens[p - 1].kind == MTL_TOK_SPACE &&
               mtl_doc_word_at(doc, p - 2) && mtl_tag_of(doc, p - 2) == MTL_TAG_DET;
    const char *w = mtl_tok_norm(doc, &doc->tokens[p]);
    int tag = mtl_tag_of(doc, p);
    size_t wl = strlen(w);
    /* a possessive, not the negation the tagger also calls a particle
     * ("won't shut down") */
    if ((mtl_clitic_of(doc, p) == MTL_TAG_PART && wl > 2 &&
         !strcmp(w + wl - 2, "'s")) ||
        mtl_in_list(demonstratives, w))
        return 1; /* "Blinken's", "this down regulation" */
    if (strcmp(w, "to") == 0)
        return p >= 2 && doc->tokens[p - 1].kind == MTL_TOK_SPACE &&
               mtl_doc_word_at(doc, p - 2) &&
               mtl_in_list(to_preposition, mtl_tok_norm(doc, &doc->tokens[p - 2]));
    return tag == MTL_TAG_DET || tag == MTL_TAG_ADJ || tag == MTL_TAG_NUM ||
           tag == MTL_TAG_ADP;
}

/* How the term at tokens [first, last] is used: before a noun, an
 * adjective or a number ("a long-term plan", "a low budget Italian film",
 * "a career-high 53 saves"), as a noun
 * ("in the long term"), or otherwise ("it is long-term", "to self-fund"). */
static int role_of(const mtl_doc *doc, size_t first, size_t last)
{
    /* "to self-fund therapies": the infinitive's "to" makes a verb */
    if (first >= 2 && doc->tokens[first - 1].kind == MTL_TOK_SPACE &&
        mtl_doc_word_at(doc, first - 2) && mtl_tag_of(doc, first - 2) == MTL_TAG_PART &&
        strcmp(mtl_tok_norm(doc, &doc->tokens[first - 2]), "to") == 0 &&
        !noun_context(doc, first))
        return ROLE_OTHER;
    size_t n = last + 1;
    /* a term in scare quotes: "a set of “well known” ports" */
    if (n + 1 < doc->n_tokens && doc->tokens[n].kind == MTL_TOK_QUOTE &&
        glued(doc, last, n))
        n++;
    int quoted = n != last + 1;
    /* one of coordinated adjectives: "a long term, 5-year deal"; not a
     * noun that ends a phrase before the clause goes on ("access to health
     * care, weak protections are"): a determiner, number or adjective
     * opens the coordinated ones */
    if (n + 1 < doc->n_tokens && mtl_tok_char(doc, n) == ',' && glued(doc, n - 1, n)) {
        size_t before = first > 0 ? mtl_doc_skip_space_back(doc, first - 1) : SIZE_MAX;
        int opener = before != SIZE_MAX &&
                     (mtl_tag_of(doc, before) == MTL_TAG_DET ||
                      mtl_tag_of(doc, before) == MTL_TAG_NUM ||
                      mtl_tag_of(doc, before) == MTL_TAG_ADJ);
        n += opener;
    }
    if (n + 1 < doc->n_tokens && doc->tokens[n].kind == MTL_TOK_SPACE &&
        mtl_tok_is_wordlike(&doc->tokens[n + 1])) {
        int tag = mtl_tag_of(doc, n + 1);
        /* an adjective read as an adverb before its noun: "in community
         * dwelling elderly women" (an -ly word the lexicon lacks, or one
         * it knows as an adjective too) */
        size_t after = mtl_doc_skip_space(doc, n + 2);
        const mtl_token *nt = &doc->tokens[n + 1];
        if (tag == MTL_TAG_ADV &&
            (mtl_tag_may_be(doc, n + 1, MTL_TAG_ADJ) ||
             (!mtl_tag_known(doc, n + 1) && nt->end - nt->start > 4 &&
              !memcmp(doc->text + nt->end - 2, "ly", 2))) &&
            after > n + 2 && after < doc->n_tokens && mtl_doc_word_at(doc, after) &&
            mtl_tag_of(doc, after) == MTL_TAG_NOUN)
            tag = MTL_TAG_ADJ;
        /* prepositions the tagger may call nouns: "focus on that full
         * time alongside designers" */
        static const char *const prepositions[] = {
            "alongside", "amid", "amidst", "atop", "beside", "besides",
            "despite", "throughout", "toward", "towards", "underneath",
            "versus", "via", "whilst", NULL};
        if (mtl_in_list(prepositions, mtl_tok_norm(doc, nt)))
            tag = MTL_TAG_ADP;
        if (tag == MTL_TAG_ADJ || tag == MTL_TAG_NUM ||
            (n == last + 1 + quoted && (tag == MTL_TAG_NOUN || tag == MTL_TAG_PROPN)))
            return ROLE_MOD;
        /* the first of coordinated modifiers: "key-term and pivot
         * artifacts", "short-term and long-term goals" */
        const char *conj = mtl_tok_norm(doc, nt);
        size_t z = after;
        if ((strcmp(conj, "and") == 0 || strcmp(conj, "or") == 0) && z > n + 2 &&
            mtl_doc_word_at(doc, z) &&
            (mtl_tag_of(doc, z) == MTL_TAG_ADJ || mtl_tag_of(doc, z) == MTL_TAG_NOUN)) {
            while (z + 2 < doc->n_tokens && is_hyphen(doc, z + 1) && glued(doc, z, z + 1) &&
                   glued(doc, z + 1, z + 2) && mtl_doc_word_at(doc, z + 2))
                z += 2;
            size_t head = mtl_doc_skip_space(doc, z + 1);
            if (head > z + 1 && mtl_doc_word_at(doc, head) &&
                mtl_tag_of(doc, head) == MTL_TAG_NOUN)
                return ROLE_MOD;
        }
    }
    if (noun_context(doc, first))
        return ROLE_NOUN;
    /* "trade-off", "pinch-off": a hyphenated word ending in a particle is
     * a noun wherever it is no modifier, whatever the tagger makes of the
     * particle */
    if (last > first && mtl_in_list(particles, mtl_tok_norm(doc, &doc->tokens[last])) &&
        is_hyphen(doc, last - 1))
        return ROLE_NOUN;
    return tag_class(doc, last);
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Tags that no part of an open compound has. */
static int function_tag(int tag)
{
    return tag == MTL_TAG_DET || tag == MTL_TAG_PRON || tag == MTL_TAG_CCONJ ||
           tag == MTL_TAG_SCONJ || tag == MTL_TAG_PART || mtl_tag_is_aux(tag);
}

/* The open pair at word tokens i and j (one space apart), with its key
 * (the words without the space) in key[0..n). 0 if it is no compound. */
static size_t open_pair(const scan *s, size_t i, size_t j, char *key, size_t cap,
                        unsigned *flags)
{
    const mtl_doc *doc = s->doc;
    const char *a = mtl_tok_norm(doc, &doc->tokens[i]);
    const char *b = mtl_tok_norm(doc, &doc->tokens[j]);
    size_t la = strlen(a), lb = strlen(b);
    if (la + lb >= cap || !common_word(s, i) || !common_word(s, j) ||
        ((doc->tokens[j].flags & MTL_TF_CAP) && !(doc->tokens[i].flags & MTL_TF_CAP)))
        return 0;
    memcpy(key, a, la);
    memcpy(key + la, b, lb + 1);
    if (mtl_in_list(other_words, key))
        return 0;
    /* "per cent" is "percent", a preposition and all */
    if (strcmp(a, "per") == 0 && strcmp(b, "cent") == 0) {
        *flags |= OCC_ANY_ROLE;
        return la + lb;
    }
    /* "can not" is "cannot", except in "can not only ... but" */
    if (strcmp(a, "can") == 0 && strcmp(b, "not") == 0) {
        size_t k = mtl_doc_skip_space(doc, j + 1);
        if (k < doc->n_tokens && !strcmp(mtl_tok_norm(doc, &doc->tokens[k]), "only"))
            return 0;
        *flags |= OCC_ANY_ROLE;
        return la + lb;
    }
    /* "all-time", "so-called": against a hyphenated form only, since
     * "all ready" / "already" and "so me" / "some" are other words */
    if (mtl_in_list(hyphen_only_first, a)) {
        *flags |= OCC_HYPHEN_ONLY;
    } else if (mtl_in_list(prepositional_first, a)) {
        /* "significantly down regulated": no preposition stands before a
         * verb, a prefix does */
        if (!noun_context(doc, i) && role_of(doc, i, j) != ROLE_MOD &&
            !mtl_tag_is_verb(mtl_tag_of(doc, j)))
            return 0;
        *flags |= OCC_HYPHEN_ONLY | OCC_STRICT;
    } else {
        if (la < 2 || mtl_in_list(open_first_stop, a))
            return 0;
        int ta = mtl_tag_of(doc, i);
        if (function_tag(ta) || ta == MTL_TAG_ADP)
            return 0;
        /* a verb and its object: "Systems do not cross agency barriers"
         * against "cross-agency teams" */
        size_t p = i > 0 ? mtl_doc_skip_space_back(doc, i - 1) : SIZE_MAX;
        if (mtl_tag_is_verb(ta) && p != SIZE_MAX && mtl_doc_word_at(doc, p)) {
            int tp = mtl_tag_of(doc, p);
            /* (not "to": "prior to pinch off" is a noun's place) */
            if (mtl_tag_is_aux(tp) ||
                (tp == MTL_TAG_PART && strcmp(mtl_tok_norm(doc, &doc->tokens[p]), "not") == 0))
                return 0;
        }
    }
    if (lb < 2 || mtl_in_list(open_second_stop, b) || function_tag(mtl_tag_of(doc, j)))
        return 0;
    /* "follow up" is a verb unless a noun's context says otherwise, and then
     * counts only where the hyphenated form stands the same way */
    if (mtl_in_list(particles, b)) {
        int ta = mtl_tag_of(doc, i);
        if ((mtl_tag_is_verb(ta) || ta == MTL_TAG_NONE) && !noun_context(doc, i))
            return 0;
        *flags |= OCC_STRICT;
    }
    if (noun_context(doc, i))
        *flags |= OCC_NOUN_CONTEXT;
    return la + lb;
}

/* Is word token i capitalised with no other capital ("Network")? */
static int titlecase_word(const mtl_doc *doc, size_t i)
{
    return mtl_doc_word_at(doc, i) && (doc->tokens[i].flags & MTL_TF_CAP) &&
           !inner_capitals(doc, i);
}

/* A name written open and closed: "Network Manager" and "NetworkManager",
 * the closed form with a capital where the open form has its second word.
 * Only names in that exact shape: "LogFile" (a setting) against "log file",
 * or "Vietnam" against "Viet Nam", are two usages, not one name spelt two
 * ways. Keyed 'n', apart from common terms. */
static void scan_names(scan *s)
{
    const mtl_doc *doc = s->doc;
    const mtl_words *w = doc->an->words;
    uint8_t *done = calloc(w->n_words + 1, 1);
    if (!done) {
        s->failed = 1;
        return;
    }
    char key[128], raw[128];
    for (size_t i = 0; i + 2 < doc->n_tokens && !s->failed; i++) {
        size_t j = i + 2;
        if (!titlecase_word(doc, i) || !titlecase_word(doc, j) ||
            doc->tokens[i + 1].kind != MTL_TOK_SPACE ||
            doc->tokens[i + 1].end - doc->tokens[i + 1].start != 1 ||
            (s->quoted && s->quoted[i]))
            continue;
        const mtl_token *a = &doc->tokens[i], *b = &doc->tokens[j];
        size_t la = a->end - a->start, lb = b->end - b->start;
        if (la + lb >= sizeof raw || a->norm_len + b->norm_len >= sizeof key)
            continue;
        memcpy(raw, doc->text + a->start, la);
        memcpy(raw + la, doc->text + b->start, lb);
        memcpy(key, mtl_tok_norm(doc, a), a->norm_len);
        memcpy(key + a->norm_len, mtl_tok_norm(doc, b), b->norm_len);
        size_t n = (size_t)a->norm_len + b->norm_len;
        key[n] = '\0';
        const mtl_word *e = mtl_words_find(w, key, n);
        if (!e)
            continue;
        const uint32_t *o = mtl_word_occurrences(w, e);
        int any = 0;
        for (size_t k = 0; k < e->count; k++) {
            const mtl_token *t = &doc->tokens[o[k]];
            if (t->end - t->start != la + lb ||
                memcmp(doc->text + t->start, raw, la + lb) != 0 ||
                in_code(doc, o[k], o[k]))
                continue;
            any = 1;
            if (!done[e - w->words])
                add(s, 'n', key, n, o[k], t->start, t->end, CLOSED, 1, ROLE_ANY);
        }
        done[e - w->words] |= any;
        if (any)
            add(s, 'n', key, n, i, a->start, b->end, OPEN, 1, ROLE_ANY);
    }
    free(done);
}

static void scan_compounds(scan *s)
{
    const mtl_doc *doc = s->doc;
    const mtl_words *w = doc->an->words;
    char key[256];
    for (size_t i = 0; i < doc->n_tokens; i++) {
        if (!mtl_doc_word_at(doc, i))
            continue;
        /* a hyphenated chain of two or three words */
        size_t last = i;
        while (last + 2 < doc->n_tokens && is_hyphen(doc, last + 1) &&
               mtl_doc_word_at(doc, last + 2) && glued(doc, last, last + 1) &&
               glued(doc, last + 1, last + 2))
            last += 2;
        if (last == i)
            continue;
        const char *first_norm = mtl_tok_norm(doc, &doc->tokens[i]);
        int cap = (doc->tokens[i].flags & MTL_TF_CAP) != 0;
        size_t n = 0;
        int fits = last - i <= 4, common = common_word(s, i);
        for (size_t k = i; fits && k <= last; k += 2) {
            const char *p = mtl_tok_norm(doc, &doc->tokens[k]);
            size_t len = strlen(p);
            fits = n + len < sizeof key;
            common &= !inner_capitals(doc, k);
            if (fits) {
                memcpy(key + n, p, len);
                n += len;
            }
        }
        key[n] = '\0';
        /* "Israel-Hamas" is two names, not a compound */
        if (fits && common && !in_code(doc, i, last) &&
            !different_words(first_norm, mtl_tok_norm(doc, &doc->tokens[i + 2]), key) &&
            (!(doc->tokens[last].flags & MTL_TF_CAP) ||
             s->title_case[doc->tokens[last].sentence]))
            add(s, 'c', key, n, i, doc->tokens[i].start, doc->tokens[last].end,
                HYPHENATED, cap, role_of(doc, i, last));
        i = last;
    }
    /* the hyphenated keys, to find their open forms */
    size_t n_hyph = s->n;
    uint64_t *hyph = malloc((n_hyph ? n_hyph : 1) * sizeof *hyph);
    if (!hyph) {
        s->failed = 1;
        return;
    }
    for (size_t k = 0; k < n_hyph; k++) {
        const char *kk = s->keys.data + s->occs[k].key + 1;
        hyph[k] = mtl_fnv64(MTL_FNV64_INIT, kk, strlen(kk));
    }
    qsort(hyph, n_hyph, sizeof *hyph, cmp_u64);
    for (size_t i = 0; i + 2 < doc->n_tokens && !s->failed; i++) {
        /* a pair of single words, one space apart, neither in a chain */
        size_t j = i + 2;
        if (!mtl_doc_word_at(doc, i) || doc->tokens[i + 1].kind != MTL_TOK_SPACE ||
            doc->tokens[i + 1].end - doc->tokens[i + 1].start != 1 ||
            !mtl_doc_word_at(doc, j) || (i > 0 && is_hyphen(doc, i - 1) && glued(doc, i - 1, i)) ||
            (j + 1 < doc->n_tokens && is_hyphen(doc, j + 1) && glued(doc, j, j + 1)))
            continue;
        unsigned flags = 0;
        size_t n = open_pair(s, i, j, key, sizeof key, &flags);
        if (!n || in_code(doc, i, j))
            continue;
        uint64_t h = mtl_fnv64(MTL_FNV64_INIT, key, n);
        if (!bsearch(&h, hyph, n_hyph, sizeof h, cmp_u64) &&
            ((flags & OCC_HYPHEN_ONLY) || !mtl_words_find(w, key, n)))
            continue;
        add(s, 'c', key, n, i, doc->tokens[i].start, doc->tokens[j].end, OPEN,
            (doc->tokens[i].flags & MTL_TF_CAP) != 0,
            flags & OCC_ANY_ROLE ? ROLE_ANY : role_of(doc, i, j));
        if (!s->failed)
            s->occs[s->n - 1].flags |= (uint8_t)flags;
    }
    free(hyph);
    if (!s->failed)
        scan_names(s);
    /* the closed forms of the compounds seen, each word once */
    size_t n_compounds = s->n;
    uint8_t *done = calloc(w->n_words + 1, 1);
    if (!done) {
        s->failed = 1;
        return;
    }
    for (size_t c = 0; c < n_compounds && !s->failed; c++) {
        const char *k = s->keys.data + s->occs[c].key + 1;
        const mtl_word *e = mtl_words_find(w, k, strlen(k));
        if (!e || done[e - w->words])
            continue;
        done[e - w->words] = 1;
        const uint32_t *o = mtl_word_occurrences(w, e);
        for (size_t j = 0; j < e->count; j++) {
            if (!common_word(s, o[j]) || in_code(doc, o[j], o[j]))
                continue;
            const mtl_token *tk = &doc->tokens[o[j]];
            add(s, 'c', e->norm, e->norm_len, o[j], tk->start, tk->end, CLOSED,
                (tk->flags & MTL_TF_CAP) != 0, role_of(doc, o[j], o[j]));
        }
    }
    free(done);
}

/* US spellings that British English shares in one sense: "program" for
 * software, "meter" for a measuring device. In that sense an occurrence is
 * no US spelling; a word of the sentence tells the sense. */
typedef struct shared {
    const char *us[2];
    const char *uk[2];
    const char *const *context;
} shared;

static const char *const software_words[] = {
    "computer", "computers", "software", "code", "install", "installed",
    "installing", "run", "runs", "running", "ran", "compile", "compiled",
    "execute", "executed", "executable", "binary", "binaries", "source",
    "command", "commands", "script", "scripts", "file", "files", "debug",
    "programming", "programmer", "programmers", "application",
    "applications", "linux", "windows", "unix", "package", "packages",
    "kernel", "server", "algorithm", "function", "memory", "output",
    "input", "launch", "launched", "user", "users", "app", "apps", "process",
    "system", "option", "options", "library", "libraries", "version", NULL};
static const char *const device_words[] = {
    "parking", "gas", "water", "electricity", "electric", "light", "taxi",
    "smart", "flow", "pressure", "exposure", "reading", "readings", "dial",
    "needle", "installed", "read", "reads", "fed", "feed", "coin", "coins",
    "geiger", "volt", "ohm", "power", NULL};

static const shared shared_senses[] = {
    {{"program", "programs"}, {"programme", "programmes"}, software_words},
    {{"meter", "meters"}, {"metre", "metres"}, device_words},
};

static int in_sense(const mtl_doc *doc, size_t i, const shared *sh)
{
    const mtl_sentence *se = &doc->sentences[doc->tokens[i].sentence];
    for (size_t t = se->tok_begin; t < se->tok_end; t++)
        if (doc->tokens[t].kind == MTL_TOK_WORD &&
            mtl_in_list(sh->context, mtl_tok_norm(doc, &doc->tokens[t])))
            return 1;
    return 0;
}

/* Is the US form at token i used in the sense British English shares? Not
 * when the document also writes the British form in that sense ("run the
 * programme" beside "install the program"): nobody spells software
 * "programme", so there the US form is the evidence against it. */
static int shared_sense(const mtl_doc *doc, size_t i, const char *us)
{
    const mtl_words *w = doc->an->words;
    for (size_t k = 0; k < sizeof shared_senses / sizeof *shared_senses; k++) {
        const shared *sh = &shared_senses[k];
        if (strcmp(us, sh->us[0]) != 0 && strcmp(us, sh->us[1]) != 0)
            continue;
        if (!in_sense(doc, i, sh))
            return 0;
        for (size_t f = 0; f < 2; f++) {
            const mtl_word *e = mtl_words_find(w, sh->uk[f], strlen(sh->uk[f]));
            const uint32_t *o = e ? mtl_word_occurrences(w, e) : NULL;
            for (size_t j = 0; e && j < e->count; j++)
                if (in_sense(doc, o[j], sh))
                    return 0;
        }
        return 1;
    }
    return 0;
}

static void scan_variants(scan *s, const table *t)
{
    const mtl_doc *doc = s->doc;
    const mtl_words *w = doc->an->words;
    for (size_t k = 0; t->by_us.n && k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        int form = US;
        long row = lookup(t, e->norm, 0);
        if (row < 0) {
            row = lookup(t, e->norm, 1);
            form = UK;
        }
        if (row < 0)
            continue;
        const mtl_table *tb = form == US ? &t->by_us : &t->by_uk;
        const char *us = mtl_table_field(tb, (size_t)row, 0);
        const uint32_t *o = mtl_word_occurrences(w, e);
        for (size_t j = 0; j < e->count; j++) {
            const mtl_token *tk = &doc->tokens[o[j]];
            /* a name keeps its spelling ("Pearl Harbor" in a British text)
             * but tells the document's variety ("the Labor Department" and
             * "the labour market"): counted, never reported */
            int name = !common_word(s, o[j]);
            if ((name && inner_capitals(doc, o[j])) ||
                (form == US && shared_sense(doc, o[j], us)))
                continue;
            add(s, 'v', us, strlen(us), o[j], tk->start, tk->end, form,
                (tk->flags & MTL_TF_CAP) != 0, ROLE_OTHER);
            if (name && !s->failed)
                s->occs[s->n - 1].flags |= OCC_NAME;
        }
    }
}

/* "U.S" (the token; its final point is the next token): the letters "us",
 * or 0 if the word is not single letters joined by points. */
static size_t dotted_letters(const char *norm, char *out, size_t cap)
{
    size_t n = 0, i = 0;
    for (; norm[i]; i += 2) {
        if (norm[i] < 'a' || norm[i] > 'z' || n + 1 >= cap)
            return 0;
        out[n++] = norm[i];
        if (norm[i + 1] == '\0')
            break;
        if (norm[i + 1] != '.')
            return 0;
    }
    out[n] = '\0';
    return n >= 2 ? n : 0;
}

static void scan_abbrevs(scan *s)
{
    const mtl_doc *doc = s->doc;
    const mtl_words *w = doc->an->words;
    char key[16];
    for (size_t k = 0; k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        size_t n = dotted_letters(e->norm, key, sizeof key);
        if (!n)
            continue;
        const mtl_word *plain = mtl_words_find(w, key, n);
        const uint32_t *o = mtl_word_occurrences(w, e);
        for (size_t j = 0; j < e->count; j++) {
            const mtl_token *tk = &doc->tokens[o[j]];
            if (!(tk->flags & MTL_TF_ALLCAPS))
                continue;
            size_t end = tk->end;
            if (o[j] + 1 < doc->n_tokens && doc->text[end] == '.' &&
                glued(doc, o[j], o[j] + 1))
                end++;
            add(s, 'a', key, n, o[j], tk->start, end, DOTTED, 1, ROLE_OTHER);
        }
        /* "US" in capitals only: "us" is a pronoun */
        const uint32_t *po = plain ? mtl_word_occurrences(w, plain) : NULL;
        for (size_t j = 0; plain && j < plain->count; j++) {
            const mtl_token *tk = &doc->tokens[po[j]];
            /* "US 101" is a route, "US$" a currency */
            size_t nx = mtl_doc_skip_space(doc, po[j] + 1);
            if (nx < doc->n_tokens && (doc->tokens[nx].kind == MTL_TOK_NUMBER ||
                                       doc->text[doc->tokens[nx].start] == '$'))
                continue;
            if (tk->flags & MTL_TF_ALLCAPS)
                add(s, 'a', key, n, po[j], tk->start, tk->end, PLAIN, 1, ROLE_OTHER);
        }
    }
}

/* ---- grouping and reporting ------------------------------------------ */

static int by_key(const void *a, const void *b, void *keys)
{
    const occ *x = a, *y = b;
    int c = strcmp((const char *)keys + x->key, (const char *)keys + y->key);
    if (c)
        return c;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* A merge sort, because qsort has no context argument in C17. */
static void sort_occs(occ *v, occ *tmp, size_t n, void *keys)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_occs(v, tmp, h, keys);
    sort_occs(v + h, tmp, n - h, keys);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n)
        tmp[o++] = by_key(&v[j], &v[i], keys) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[o++] = v[i++];
    while (j < n)
        tmp[o++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* The majority form's text, as the document writes it at its first
 * occurrence, with the first letter's case made to match `cap`. */
static void majority_text(const mtl_doc *doc, const occ *o, int cap, char *buf,
                          size_t size)
{
    mtl_excerpt(doc, o->start, o->end, buf, size);
    if (o->form == DOTTED || o->form == PLAIN)
        return;
    if (cap && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 32);
    else if (!cap && o->cap && buf[0] >= 'A' && buf[0] <= 'Z' && buf[1] >= 'a') {
        /* only a sentence's capital: "BlackRock" stays as written */
        for (const char *p = buf + 1; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                return;
        buf[0] = (char)(buf[0] + 32);
    }
}

/* Does occurrence o count? An open pair counts against a closed form;
 * before a noun ("a long term plan", where the compound needs its hyphen);
 * or where a hyphenated form is used as it is ("in the long term" against
 * "a long-term plan" is two uses, not two spellings). roles: a bit per role
 * of the group's hyphenated forms; closed: the group has a closed form. */
static int counts(const occ *o, unsigned roles, int closed)
{
    if (o->form != OPEN || o->role == ROLE_ANY)
        return 1;
    if (o->flags & OCC_HYPHEN_ONLY)
        roles &= closed ? 0 : ~0u;
    else if (closed)
        return 1;
    if (o->role == ROLE_MOD && !(o->flags & OCC_STRICT) && roles)
        return 1;
    /* a noun modifies nouns too: "loss of follow up data" against "at
     * follow-up", "an inherent trade off" against "the trade-off inherent
     * to it" (a verb is never in a noun's context) */
    if ((o->flags & OCC_STRICT) && (o->flags & OCC_NOUN_CONTEXT) &&
        (o->role == ROLE_MOD || o->role == ROLE_NOUN) &&
        (roles & (1u << ROLE_MOD | 1u << ROLE_NOUN)))
        return 1;
    return (roles & (1u << o->role)) != 0;
}

/* The roles of a group's hyphenated forms, as bits; *closed is set if it
 * has a closed form ("rain forest" and "rainforest" are one noun wherever
 * they stand). */
static unsigned group_roles(const occ *g, size_t n, int *closed)
{
    unsigned roles = 0;
    *closed = 0;
    for (size_t i = 0; i < n; i++) {
        if (g[i].form == CLOSED)
            *closed = 1;
        else if (g[i].form != OPEN)
            roles |= 1u << g[i].role;
    }
    return roles;
}

static void report_group(const mtl_doc *doc, const occ *g, size_t n,
                         mtl_emit *out)
{
    size_t count[PLAIN + 1] = {0}, said[PLAIN + 1] = {0}, names[PLAIN + 1] = {0},
           first[PLAIN + 1];
    int closed;
    unsigned roles = group_roles(g, n, &closed);
    for (size_t i = 0; i < n; i++) {
        if (!counts(&g[i], roles, closed))
            continue;
        if (count[g[i].form]++ == 0)
            first[g[i].form] = i;
        said[g[i].form] += !(g[i].flags & (OCC_QUOTED | OCC_NAME));
        names[g[i].form] += (g[i].flags & OCC_NAME) != 0;
    }
    /* one name is one institution's spelling, not the document's */
    for (int f = 0; f <= PLAIN; f++)
        if (!said[f] && names[f] == 1 && names[f] == count[f])
            count[f] = 0;
    int forms = 0, best = -1, tie = 0;
    for (int f = 0; f <= PLAIN; f++) {
        if (!count[f])
            continue;
        forms++;
        if (best >= 0 && count[f] == count[best])
            tie = 1;
        if (best < 0 || count[f] > count[best] ||
            (count[f] == count[best] && first[f] < first[best])) {
            tie = best >= 0 && count[f] == count[best];
            best = f;
        }
    }
    /* a form only quoted or in names sets the reference by a majority, not
     * a tie */
    if (forms < 2 || (tie && !said[best]))
        return;
    for (size_t i = 0; i < n; i++) {
        if (g[i].form == best || !counts(&g[i], roles, closed) ||
            (g[i].flags & (OCC_QUOTED | OCC_NAME)))
            continue;
        char here[96], fix[96];
        mtl_excerpt(doc, g[i].start, g[i].end, here, sizeof here);
        majority_text(doc, &g[first[best]], g[i].cap, fix, sizeof fix);
        const char *sugg = fix;
        mtl_report_fix(out, g[i].start, g[i].end, &sugg, 1,
                       "'%s' (%zu %s) is also written '%s' (%zu %s)", here,
                       count[g[i].form],
                       count[g[i].form] == 1 ? "time" : "times",
                       fix, count[best], count[best] == 1 ? "time" : "times");
    }
}

/* A quotation of more words than this is someone's speech or writing, whose
 * spelling is theirs; a shorter one is a term in scare quotes. */
enum { MAX_TERM_QUOTE_WORDS = 3 };

/* Per token: 1 inside a direct quotation (double quotation marks, curly or
 * straight, paired within a paragraph). NULL when out of memory. */
static uint8_t *direct_quotations(const mtl_doc *doc)
{
    uint8_t *q = calloc(doc->n_tokens ? doc->n_tokens : 1, 1);
    if (!q)
        return NULL;
    for (size_t b = 0; b < doc->n_blocks; b++) {
        const mtl_block *bl = &doc->blocks[b];
        size_t open = SIZE_MAX, words = 0;
        for (size_t i = bl->tok_begin; i < bl->tok_end; i++) {
            const mtl_token *t = &doc->tokens[i];
            if (t->kind != MTL_TOK_QUOTE) {
                /* a hyphenated compound is one word: "the “trade-off”" */
                words += t->kind == MTL_TOK_WORD &&
                         !(i >= bl->tok_begin + 2 && is_hyphen(doc, i - 1) &&
                           glued(doc, i - 2, i - 1) && glued(doc, i - 1, i));
                continue;
            }
            const unsigned char *c = (const unsigned char *)doc->text + t->start;
            int opening = c[0] == 0xE2 && c[1] == 0x80 && c[2] == 0x9C;
            int closing = c[0] == 0xE2 && c[1] == 0x80 && c[2] == 0x9D;
            int straight = c[0] == '"';
            if (open == SIZE_MAX && (opening || straight)) {
                open = i;
                words = 0;
            } else if (open != SIZE_MAX && (closing || straight)) {
                if (words > MAX_TERM_QUOTE_WORDS)
                    memset(q + open, 1, i - open + 1);
                open = SIZE_MAX;
            } else if (opening) {
                open = i; /* the previous one never closed */
                words = 0;
            }
        }
    }
    return q;
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    if (!doc->an->words)
        return 0;
    uint8_t *quoted = direct_quotations(doc);
    uint8_t *title_case = title_case_sentences(doc);
    if (!quoted || !title_case) {
        free(quoted);
        free(title_case);
        return -1;
    }
    scan s = {.doc = doc, .quoted = quoted, .title_case = title_case};
    scan_compounds(&s);
    scan_variants(&s, state);
    scan_abbrevs(&s);
    size_t kept = 0;
    for (size_t i = 0; i < s.n; i++)
        if (!(s.occs[i].flags & OCC_FOREIGN))
            s.occs[kept++] = s.occs[i];
    s.n = kept;
    occ *tmp = s.n ? malloc(s.n * sizeof *tmp) : NULL;
    int rc = s.failed || (s.n && !tmp) ? -1 : 0;
    if (rc == 0 && tmp) {
        sort_occs(s.occs, tmp, s.n, s.keys.data);
        for (size_t a = 0, b; a < s.n; a = b) {
            const char *key = s.keys.data + s.occs[a].key;
            b = a + 1;
            while (b < s.n && !strcmp(s.keys.data + s.occs[b].key, key))
                b++;
            if (b - a > 1)
                report_group(doc, s.occs + a, b - a, out);
        }
    }
    free(tmp);
    free(s.occs);
    free(quoted);
    free(title_case);
    mtl_sb_free(&s.keys);
    return rc;
}

const mtl_rule mtl_rule_term_inconsistency = {
    .info = {
        .id = "term-inconsistency",
        .summary = "one term written two or more ways in one document",
        .default_severity = MTL_WARNING,
        .finds = "One term written two or more ways in one document: 'cease-fire' and "
                 "'ceasefire', 'color' and 'colour'. The minority form is reported and the "
                 "majority form suggested; names, quotations and different uses are left "
                 "alone.",
        .why = "Sentences are translated one at a time, so a term may come out a "
               "different way in each of them.",
        .flagged = "The colour was red. The colour is red. The color was red.",
        .not_flagged = "The colour was red. The colour is red. The colours were red.",
        .reference =
            "One term written two ways in one document: closed,\n"
            "hyphenated and open compounds, US and UK spellings, abbreviation points. The\n"
            "minority form is reported, the majority form suggested.\n"
            "\n"
            "    'cease-fire' (2 times) is also written 'ceasefire' (3 times)\n"
            "\n"
            "Not reported: pairs that differ in meaning (\"log in\" and \"login\", \"every\n"
            "day\" and \"everyday\", \"re-sign\" and \"resign\").\n",
    },
    .needs = MTL_NEED_WORDS | MTL_NEED_TAGS | MTL_NEED_FOREIGN,
    .init = init,
    .fini = fini,
    .check = check,
};
