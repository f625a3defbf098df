/*
 * det-number: a determiner whose number disagrees with its noun. Translation
 * (and writers whose first language marks number differently) pairs a
 * singular determiner with a plural noun or the reverse:
 *
 *     "the release of a hostages"   -> 'a' before plural 'hostages'
 *     "these rule are new"          -> 'these' before singular 'rule'
 *     "various information"         -> 'various' before singular 'information'
 *
 * Three patterns, each narrow, because English has many good pairs that look
 * like them:
 *
 * - a, an, each, every, another, either, neither (and one adjective) before a
 *   noun that is only ever plural: a regular plural ("cats": Hunspell's stem
 *   is the form less -s, -es or -ies, and the form is not a dictionary entry
 *   of its own, so "news", "series", "physics" are not plurals) or an
 *   irregular one ("children", "women"). Not when a noun, adjective or
 *   number follows, which makes the plural a modifier ("a sports car", "a
 *   savings account"), nor before quantity words ("a few", "a lot", "another
 *   two weeks") and nouns whose plural is their singular ("aircraft").
 * - these, those, many, several, both, various, numerous before a singular
 *   noun that no noun or number follows ("these rule changes" is a
 *   compound) and that is not a collective ("many people", "both staff").
 * - "this" before a plural only when a verb follows and the word cannot be a
 *   verb itself: the tagger calls "This succeeds" or "This presupposes" a
 *   noun.
 *
 * Names and capitalised words are left alone ("a United States", "Plan A"),
 * and so are "both/either/neither X and/or/nor Y", which coordinate,
 * coordinated modifiers ("several conceptual and practical advances"),
 * participles and adjectives the tagger calls nouns ("those teaching",
 * "various exploratory"), and a determiner standing as a pronoun before a
 * verb ("each talks about", "Many work on the farm").
 * Which nouns are plural or singular, and which -s words may be verbs,
 * comes from lang/number.h (tags and dictionary stems), shared with the
 * grammar rule.
 */
#include "base/strlist.h"
#include "findings/rule.h"
#include "lang/number.h"
#include "lang/tags.h"
#include "text/tokens.h"

#include <stdint.h>
#include <string.h>

static const char *const singular_dets[] = {
    "a", "an", "each", "every", "another", "either", "neither", "this", NULL};
/* Those of them that stand alone as pronouns: "each talks", "another says". */
static const char *const pronoun_dets[] = {
    "each", "another", "either", "neither", NULL};
static const char *const plural_dets[] = {
    "these", "those", "many", "several", "both", "various", "numerous", NULL};

/* Words that count or measure: "a few days", "a lot", "another couple",
 * "four and a half feet", "a little sideways". */
static const char *const quantity[] = {
    "few", "couple", "many", "dozen", "hundred", "thousand", "million",
    "billion", "number", "lot", "total", "great", "good", "series", "variety",
    "range", "pair", "set", "group", "majority", "bunch", "little", "half",
    NULL};

static const char *norm(const mtl_doc *doc, size_t i)
{
    return mtl_tok_norm(doc, &doc->tokens[i]);
}

/* The word right after token i within the sentence (white space between),
 * or SIZE_MAX when the next token is not a word. */
static size_t next_word(const mtl_doc *doc, size_t i, size_t end)
{
    size_t j = mtl_doc_skip_space(doc, i + 1);
    return j < end && doc->tokens[j].kind == MTL_TOK_WORD ? j : SIZE_MAX;
}

/* A capitalised word inside a sentence: a name or a title's word. */
static int name_like(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    return (t->flags & (MTL_TF_CAP | MTL_TF_ALLCAPS)) &&
           !(t->flags & MTL_TF_SENT_START);
}

/* Token i is joined to what follows into a compound, a possessive or a
 * pair: "sports-car", "girls' school", "input/output", "women's". */
static int joined(const mtl_doc *doc, size_t i, size_t end)
{
    const mtl_token *t = &doc->tokens[i];
    if (mtl_clitic_of(doc, i) != MTL_TAG_NONE ||
        memchr(mtl_tok_norm(doc, t), '\'', t->norm_len))
        return 1;
    if (i + 1 >= end)
        return 0;
    const mtl_token *u = &doc->tokens[i + 1];
    if (u->start != t->end)
        return 0;
    if (u->kind == MTL_TOK_QUOTE || u->kind == MTL_TOK_WORD)
        return 1;
    if (u->kind != MTL_TOK_PUNCT)
        return 0;
    char c = doc->text[u->start];
    /* '-', '/', '&', or a multi-byte dash */
    return c == '-' || c == '/' || c == '&' || (unsigned char)c == 0xE2;
}

static int is_nominal_tag(int tag)
{
    return tag == MTL_TAG_NOUN || tag == MTL_TAG_PROPN || tag == MTL_TAG_NUM;
}

static int is_word(const mtl_doc *doc, size_t i, const char *w)
{
    return i != SIZE_MAX && strcmp(norm(doc, i), w) == 0;
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n > m + 2 && strcmp(w + n - m, suffix) == 0;
}

/* "both X and Y", "either X or Y", "neither X nor Y" */
static int coordinates(const mtl_doc *doc, const char *det, size_t after)
{
    if (after == SIZE_MAX || (strcmp(det, "both") != 0 &&
                              strcmp(det, "either") != 0 &&
                              strcmp(det, "neither") != 0))
        return 0;
    const char *w = norm(doc, after);
    return strcmp(w, "and") == 0 || strcmp(w, "or") == 0 ||
           strcmp(w, "nor") == 0;
}

/* The singular determiner at token i, in a sentence ending before end. */
static void check_singular(const mtl_doc *doc, size_t i, size_t end,
                           mtl_emit *out)
{
    const char *det = norm(doc, i);
    int this = strcmp(det, "this") == 0;
    size_t h = next_word(doc, i, end);
    if (h == SIZE_MAX)
        return;
    int skipped = 0; /* an adjective between */
    if (!this && mtl_tag_of(doc, h) == MTL_TAG_ADJ &&
        !mtl_in_list(quantity, norm(doc, h)) && !joined(doc, h, end)) {
        const char *adj = norm(doc, h);
        if (adj[0] >= '0' && adj[0] <= '9') /* "every 1m hours" */
            return;
        h = next_word(doc, h, end);
        skipped = 1;
    }
    if (h == SIZE_MAX || name_like(doc, h) || joined(doc, h, end) ||
        mtl_in_list(quantity, norm(doc, h)) || !mtl_number_is_plural(doc, h))
        return;
    size_t after = next_word(doc, h, end);
    int at = after == SIZE_MAX ? MTL_TAG_NONE : mtl_tag_of(doc, after);
    /* "a spirits and wine merchant": coordinated modifiers */
    if (is_nominal_tag(at) || at == MTL_TAG_ADJ || is_word(doc, after, "and") ||
        is_word(doc, after, "or") || coordinates(doc, det, after))
        return;
    /* "a single sales, design, or brainstorming meeting": the first of a
     * list of modifiers */
    size_t comma = mtl_doc_skip_space(doc, h + 1);
    size_t w2 = comma < end && mtl_tok_char(doc, comma) == ',' ?
                next_word(doc, comma, end) : SIZE_MAX;
    int t2 = w2 == SIZE_MAX ? MTL_TAG_NONE : mtl_tag_of(doc, w2);
    if (t2 == MTL_TAG_NOUN || t2 == MTL_TAG_VERB_VBG) {
        size_t next = mtl_doc_skip_space(doc, w2 + 1);
        if (next < end && (mtl_tok_char(doc, next) == ',' ||
                           is_word(doc, next, "and") || is_word(doc, next, "or")))
            return;
    }
    /* idioms: "a ways to go", "a thumbs up", "a terms of service" */
    const char *pl = norm(doc, h);
    if ((strcmp(pl, "ways") == 0 &&
         (is_word(doc, after, "to") || is_word(doc, after, "off") ||
          is_word(doc, after, "away") || is_word(doc, after, "down"))) ||
        (strcmp(pl, "thumbs") == 0 &&
         (is_word(doc, after, "up") || is_word(doc, after, "down"))) ||
        (strcmp(pl, "terms") == 0 && is_word(doc, after, "of")))
        return;
    /* "a chemical binds", "as a whole produces": the "adjective" was the
     * noun and the plural a verb */
    if (skipped &&
        (mtl_tag_may_be_finite(doc, h) || mtl_number_may_be_verb(doc, h)))
        return;
    /* "each talks about": a pronoun and its verb; not after a preposition
     * ("for another chances") */
    size_t prev = mtl_doc_skip_space_back(doc, i - 1);
    int after_adp = prev != SIZE_MAX &&
                    mtl_tag_of(doc, prev) == MTL_TAG_ADP;
    if (!skipped && !after_adp && mtl_in_list(pronoun_dets, det) &&
        (mtl_tag_may_be_finite(doc, h) || mtl_number_may_be_verb(doc, h)))
        return;
    if (this && (!(mtl_tag_is_verb(at) || mtl_tag_is_aux(at)) ||
                 mtl_number_may_be_verb(doc, h)))
        return;
    const mtl_token *a = &doc->tokens[i], *z = &doc->tokens[h];
    mtl_report(out, a->start, z->end, "'%.*s' before plural '%.*s'",
               (int)(a->end - a->start), doc->text + a->start,
               (int)(z->end - z->start), doc->text + z->start);
}

/* "both ... and" anywhere after token i: "both strength of mind and body". */
static int and_follows(const mtl_doc *doc, size_t i, size_t end)
{
    for (size_t j = i + 1; j < end; j++)
        if (doc->tokens[j].kind == MTL_TOK_WORD && is_word(doc, j, "and"))
            return 1;
    return 0;
}

/* The plural determiner at token i. */
static void check_plural(const mtl_doc *doc, size_t i, size_t end,
                         mtl_emit *out)
{
    const char *det = norm(doc, i);
    size_t h = next_word(doc, i, end);
    if (h == SIZE_MAX || name_like(doc, h) || joined(doc, h, end) ||
        !mtl_number_is_singular(doc, h))
        return;
    const char *w = norm(doc, h);
    size_t n = doc->tokens[h].norm_len;
    /* "those teaching", "those enamored of": participles the tagger calls
     * nouns; "various exploratory": adjectives */
    if (ends_with(w, n, "ing") || ends_with(w, n, "ed") ||
        mtl_tag_may_be(doc, h, MTL_TAG_ADJ))
        return;
    size_t after = next_word(doc, h, end);
    int at = after == SIZE_MAX ? MTL_TAG_NONE : mtl_tag_of(doc, after);
    /* "these movement trajectories": a compound the tagger split */
    if (is_nominal_tag(at) || (after != SIZE_MAX &&
                               mtl_number_regular_plural(doc, norm(doc, after))))
        return;
    /* "several memory leak detection tools": a base form after the noun
     * ("leak", which the tagger's lexicon knows only as a verb) is one more
     * noun of the compound when a noun follows it */
    if (after != SIZE_MAX && (mtl_tag_of(doc, after) == MTL_TAG_VERB_VB ||
                              mtl_tag_of(doc, after) == MTL_TAG_VERB_VBP)) {
        size_t third = next_word(doc, after, end);
        if (third != SIZE_MAX && is_nominal_tag(mtl_tag_of(doc, third)))
            return;
    }
    size_t j = mtl_doc_skip_space(doc, h + 1);
    if (j < end) {
        const mtl_token *u = &doc->tokens[j];
        char c = doc->text[u->start];
        /* "these model 3"; coordinated modifiers: "various design, data",
         * "both prevalent (...) and incident" */
        if (u->kind == MTL_TOK_NUMBER ||
            (u->kind == MTL_TOK_PUNCT && (c == ',' || c == '(' || c == '/')))
            return;
    }
    /* "several conceptual and practical advances", "these kind of" */
    if (is_word(doc, after, "and") || is_word(doc, after, "or") ||
        is_word(doc, after, "nor") ||
        (is_word(doc, after, "of") &&
         (strcmp(w, "kind") == 0 || strcmp(w, "sort") == 0 ||
          strcmp(w, "type") == 0)))
        return;
    if (strcmp(det, "both") == 0 && and_follows(doc, h, end))
        return;
    /* "those unfamiliar with": "those" and a word the lexicon lacks
     * before a preposition stand for people, unless a noun's ending says
     * otherwise ("those refurbishment in") */
    static const char *const noun_endings[] = {
        "ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship", "ism",
        "er", "or", NULL};
    int noun_end = 0;
    for (size_t k = 0; noun_endings[k]; k++)
        noun_end |= ends_with(w, n, noun_endings[k]);
    if (strcmp(det, "those") == 0 && doc->an->tags->amb[h] == MTL_AMB_UNKNOWN &&
        at == MTL_TAG_ADP && !noun_end)
        return;
    /* "Some of these form the backbone", "so many clutter your inbox",
     * "These map to the checklist": a pronoun, and a verb (its -ed or -ing
     * in the dictionary) with its object */
    if ((at == MTL_TAG_DET || at == MTL_TAG_PRON ||
         (at == MTL_TAG_ADP && strcmp(det, "these") == 0) ||
         (at == MTL_TAG_ADP && strcmp(det, "those") == 0)) &&
        mtl_number_base_may_be_verb(doc, h))
        return;
    /* "Many work on the farm", "These offer dancing": a pronoun and a verb,
     * unless a verb follows ("these rule are"); a verb the tagger's lexicon
     * lacks is known by its -ed or -ing in the dictionary ("These evolve") */
    if ((mtl_tag_may_be_finite(doc, h) || mtl_tag_may_be(doc, h, MTL_TAG_VERB_VB) ||
         (doc->an->tags->amb[h] == MTL_AMB_UNKNOWN &&
          mtl_number_base_may_be_verb(doc, h))) &&
        !mtl_tag_is_finite(at))
        return;
    const mtl_token *a = &doc->tokens[i], *z = &doc->tokens[h];
    mtl_report(out, a->start, z->end, "'%.*s' before singular '%.*s'",
               (int)(a->end - a->start), doc->text + a->start,
               (int)(z->end - z->start), doc->text + z->start);
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const mtl_sentence *sen = &doc->sentences[s];
        for (size_t i = sen->tok_begin; i < sen->tok_end; i++) {
            const mtl_token *t = &doc->tokens[i];
            if (t->kind != MTL_TOK_WORD || (t->flags & MTL_TF_ALLCAPS))
                continue;
            /* "one-to-many encryption": the end of a compound */
            if (i > sen->tok_begin && doc->tokens[i - 1].end == t->start &&
                doc->tokens[i - 1].kind == MTL_TOK_PUNCT)
                continue;
            const char *w = mtl_tok_norm(doc, t);
            int tag = mtl_tag_of(doc, i);
            if (mtl_in_list(singular_dets, w)) {
                /* "Plan A", "type A": a capital A inside a sentence */
                if (tag != MTL_TAG_DET || name_like(doc, i))
                    continue;
                check_singular(doc, i, sen->tok_end, out);
            } else if (mtl_in_list(plural_dets, w)) {
                if (tag != MTL_TAG_DET && tag != MTL_TAG_ADJ &&
                    tag != MTL_TAG_PRON)
                    continue;
                check_plural(doc, i, sen->tok_end, out);
            }
        }
    }
    return 0;
}

const mtl_rule mtl_rule_det_number = {
    .info = {
        .id = "det-number",
        .summary = "a determiner whose number disagrees with its noun",
        .default_severity = MTL_WARNING,
        .finds = "A determiner whose number disagrees with its noun: 'a', 'each' or "
                 "'another' before a noun that is only ever plural, 'these', 'many' or "
                 "'various' before a singular one. Compounds such as 'a sports car' or "
                 "'these rule changes', quantity words ('a few') and names are left alone.",
        .why = "MT from languages that mark number differently, or not at all, pairs "
               "a singular determiner with a plural noun and the reverse.",
        .flagged = "They discussed the release of a hostages on Friday.",
        .not_flagged = "He drove a sports car to the talks.",
        .reference =
            "A determiner whose number disagrees with its noun: a\n"
            "singular determiner before a noun that is only ever plural, or a plural one\n"
            "before a singular noun. Compounds (`a sports car`, `these rule changes`),\n"
            "quantity words (`a few`), invariant nouns (`aircraft`) and names are left\n"
            "alone.\n"
            "\n"
            "    the release of a hostages   ->  'a' before plural 'hostages'\n",
    },
    .needs = MTL_NEED_WORDS | MTL_NEED_SPELL | MTL_NEED_TAGS,
    .check = check,
};
