/*
 * grammar: two words side by side that English grammar does not allow,
 * as translation leaves them when it renders the source's verb forms and
 * articles word by word:
 *
 *     "the minister has went home"    ->  'went' cannot follow 'has'
 *     "the bridge will is closed"     ->  'is' cannot follow 'will'
 *     "the talks in the a city"       ->  'the' and 'a' together
 *     "he have left"                  ->  'have' after 'he'
 *     "the prices is too high"        ->  'is' after plural 'prices'
 *     "they wanted protect the town"  ->  'to' missing after 'wanted'
 *
 * Six checks, each on a closed list of words, since the tagger tags
 * broken text into plausible sequences and cannot be trusted to see the
 * damage (a tag trigram model flagged rare but correct constructions as
 * often as damage):
 *
 * - auxiliary and verb form: has/have/had + a past form that is never a
 *   participle ("went", "took"); a modal + a finite form of be, have or do
 *   ("will is"; not "can to", which ends an elliptical clause as often:
 *   "everything we can to help"); do/does/did + a past form ("did
 *   went"); "to" + a past form ("to went");
 * - two articles, or an article and a possessive, in a row ("the a", "a
 *   the", "the my");
 * - a personal pronoun opening a clause + a verb form of the other number
 *   ("he have", "they is");
 * - a simple noun phrase opening a clause (a determiner or possessive,
 *   adjectives, a noun) + is/was/has/does after a plural noun or are/have/do
 *   after a singular one ("the prices is", "this rule are"). Only with the
 *   verb right after the noun ("the number of cases is" is left alone),
 *   never after "and", "or" or a comma, which coordinate subjects, and only
 *   for nouns of one number (lang/number.h): not group nouns, which British
 *   English gives a plural verb ("the team are", "the council have"),
 *   adjectives standing as nouns ("the elderly are") or nouns the same in
 *   both numbers ("the series is"). A determiner that disagrees with its
 *   noun is det-number's ("these rule are");
 * - a verb that takes an infinitive + a word that can only be a bare verb
 *   ("wanted protect", "decided build"), never a noun.
 *
 * The words are lower case and one space apart: a capital marks a title or
 * a headline ("Will To Power"), and quotes, slashes, hyphens and commas
 * between them make a citation or a list ("the 'a' key", "a/the", "a, the,
 * an").
 */
#include "base/strlist.h"
#include "findings/rule.h"
#include "lang/number.h"
#include "lang/tags.h"
#include "text/tokens.h"

#include <stdint.h>
#include <string.h>

/* Past forms that are never participles: after have they are an error. */
static const char *const past_only[] = {
    "went", "took", "ate", "wrote", "began", "ran", "came", "gave", "knew",
    "drove", "flew", "threw", "chose", "spoke", "broke", "grew", "drew",
    "sang", "swam", "forgot", "became", "did", "was", "were", "stole",
    "froze", "shook", "rode", "rang", "sank", "drank", "woke", "wore",
    "tore", "saw", "hid", "forbade", "undertook", "overcame", "mistook",
    "forgave", "withdrew", "arose", NULL};

/* The same, less those that are also bare verbs: "to saw wood" (to + saw),
 * "did fell the tree" is not English either way but "to fell" is. */
static const char *const past_not_base[] = {
    "went", "took", "ate", "wrote", "began", "ran", "gave", "knew",
    "drove", "flew", "threw", "chose", "spoke", "broke", "grew", "drew",
    "sang", "swam", "forgot", "became", "stole", "froze", "shook", "rode",
    "rang", "sank", "drank", "woke", "wore", "tore", "hid", "undertook",
    "mistook", "forgave", "withdrew", NULL};

static const char *const have_forms[] = {"has", "have", "had", "having", NULL};
static const char *const do_forms[] = {"do", "does", "did", NULL};
static const char *const modals[] = {
    "can", "could", "will", "would", "shall", "should", "may", "might",
    "must", NULL};
/* finite forms that cannot follow a modal */
static const char *const finite_be_have_do[] = {
    "is", "are", "was", "were", "am", "has", "does", "did", NULL};

/* Adverbs that may stand between an auxiliary and its verb. */
static const char *const between[] = {
    "not", "never", "already", "also", "just", "always", "ever", "still",
    "often", "recently", NULL};

static const char *const articles[] = {"the", "a", "an", NULL};
/* what cannot follow an article ("her" can: "the her of the poem" is rare,
 * but "a her" is an object in some dialects; left out) */
static const char *const determiners[] = {
    "the", "a", "an", "this", "these", "those", "my", "your", "his", "its",
    "our", "their", NULL};

/* Verbs that take a to-infinitive and never a bare one ("help", "let",
 * "make", "dare" take a bare one). */
static const char *const want_verbs[] = {
    "want", "wants", "wanted", "try", "tries", "tried", "decide", "decides",
    "decided", "hope", "hopes", "hoped", "refuse", "refuses", "refused",
    "promise", "promises", "promised", "manage", "manages", "managed",
    "attempt", "attempts", "attempted", "intend", "intends", "intended",
    "agree", "agrees", "agreed", "plan", "plans", "planned", "continue",
    "continues", "continued", "began", "begin", "begins", "wish", "wishes",
    "wished", "seek", "seeks", "sought", "fail", "fails", "failed", NULL};

static const char *const singular_pron[] = {"he", "she", "it", NULL};
static const char *const plural_pron[] = {"i", "we", "they", "you", NULL};
/* forms of the other number */
static const char *const plural_verbs[] = {"have", "are", "were", "do", NULL};
static const char *const singular_verbs[] = {"is", "was", "has", "does", NULL};
/* words after which a pronoun opens a clause ("that" is left out: "asked
 * that he have", a subjunctive) */
static const char *const clause_openers[] = {
    "and", "but", "because", "when", "while", "so", "since",
    "after", "before", "where", "although", NULL};

/* Determiners of a simple subject, by the number they ask of the noun. */
static const char *const singular_subject_dets[] = {
    "a", "an", "this", "that", "each", "every", "another", NULL};
static const char *const plural_subject_dets[] = {"these", "those", NULL};
static const char *const either_subject_dets[] = {
    "the", "my", "your", "his", "her", "its", "our", "their", NULL};
/* Words after which a noun phrase opens a clause. Not "and", "or" or a
 * comma, which coordinate subjects ("bread, milk and the egg are"), nor
 * prepositions, after which the subject may follow the verb ("after the
 * talks was a dinner"), nor "that" ("asked that the minister have"). */
static const char *const subject_openers[] = {
    "because", "when", "while", "although", "though", "whereas", "unless",
    "once", "if", NULL};
/* Adjectives that count: "a few days is enough", "the many are". */
static const char *const counting[] = {
    "few", "many", "several", "numerous", "couple", "dozen", "hundred",
    "thousand", "million", "billion", "good", "great", NULL};
/* The plural verbs a singular subject cannot take. "were" only where a
 * sentence or a semicolon's clause opens, since a singular takes it as a
 * subjunctive after a conjunction ("if the price were lower"). */
static const char *const plural_subject_verbs[] = {"are", "have", "do", NULL};
/* Nouns that stand after the head as adverbs: "the prices today are". */
static const char *const adverbial_nouns[] = {
    "today", "tonight", "yesterday", "tomorrow", "overnight", "nowadays",
    "home", NULL};
/* Nouns that cite the next word: "the word mice is". */
static const char *const citing_nouns[] = {
    "word", "term", "name", "phrase", "noun", "verb", "plural", "form",
    "expression", "label", "title", "suffix", "prefix", "letter", NULL};

static const char *norm(const mtl_doc *doc, size_t i)
{
    return mtl_tok_norm(doc, &doc->tokens[i]);
}

/* A word in lower case as written, not glued to what follows by a hyphen,
 * slash or apostrophe ("a-the", "the/a", "don't"). */
static int plain(const mtl_doc *doc, size_t i, size_t end)
{
    const mtl_token *t = &doc->tokens[i];
    if (t->kind != MTL_TOK_WORD || (t->flags & (MTL_TF_CAP | MTL_TF_ALLCAPS)) ||
        mtl_clitic_of(doc, i) != MTL_TAG_NONE)
        return 0;
    if (i + 1 < end && doc->tokens[i + 1].start == t->end) {
        const mtl_token *u = &doc->tokens[i + 1];
        if (u->kind == MTL_TOK_WORD || u->kind == MTL_TOK_QUOTE)
            return 0;
        char c = doc->text[u->start];
        if (u->kind == MTL_TOK_PUNCT && (c == '-' || c == '/' || c == '\'' ||
                                         (unsigned char)c == 0xE2))
            return 0;
    }
    return 1;
}

/* The word one single space after token i, or SIZE_MAX. The first word of
 * a sentence may be capitalised; the rest must be plain. */
static size_t next(const mtl_doc *doc, size_t i, size_t end)
{
    size_t j = i + 2;
    if (j >= end || doc->tokens[i + 1].kind != MTL_TOK_SPACE ||
        doc->tokens[i].end != doc->tokens[i + 1].start ||
        doc->tokens[i + 1].end - doc->tokens[i + 1].start != 1 ||
        !plain(doc, j, end))
        return SIZE_MAX;
    return j;
}

/* A word of the sentence's own: lower case, or capitalised only as its
 * first word. */
static int first_or_plain(const mtl_doc *doc, size_t i, size_t end)
{
    const mtl_token *t = &doc->tokens[i];
    if (t->kind != MTL_TOK_WORD || (t->flags & MTL_TF_ALLCAPS))
        return 0;
    if ((t->flags & MTL_TF_CAP) && !(t->flags & MTL_TF_SENT_START))
        return 0;
    if (t->flags & MTL_TF_CAP) { /* "The" at the start: the rest must hold */
        if (i + 1 < end && doc->tokens[i + 1].start == t->end &&
            doc->tokens[i + 1].kind != MTL_TOK_SPACE)
            return 0;
        return mtl_clitic_of(doc, i) == MTL_TAG_NONE;
    }
    return plain(doc, i, end);
}

/* Is the sentence a title-case heading ("Police Have Went Home")? Then
 * capitals are no guide and its words are left alone. */
static int title_case(const mtl_doc *doc, const mtl_sentence *sen)
{
    size_t words = 0, caps = 0;
    for (size_t j = sen->tok_begin; j < sen->tok_end; j++)
        if (doc->tokens[j].kind == MTL_TOK_WORD) {
            words++;
            caps += (doc->tokens[j].flags & MTL_TF_CAP) != 0;
        }
    return words >= 3 && 2 * caps > words;
}

/* What is wrong with the pair (a, b): the messages. */
enum { CANNOT_FOLLOW, TWO_DETS, NUMBER };

static void report(const mtl_doc *doc, size_t a, size_t b, mtl_emit *out,
                   int what)
{
    const mtl_token *x = &doc->tokens[a], *y = &doc->tokens[b];
    int xn = (int)(x->end - x->start), yn = (int)(y->end - y->start);
    const char *xs = doc->text + x->start, *ys = doc->text + y->start;
    if (what == CANNOT_FOLLOW)
        mtl_report(out, x->start, y->end, "'%.*s' cannot follow '%.*s'", yn,
                   ys, xn, xs);
    else if (what == TWO_DETS)
        mtl_report(out, x->start, y->end,
                   "'%.*s' after '%.*s': two determiners in a row", yn, ys,
                   xn, xs);
    else
        mtl_report(out, x->start, y->end, "'%.*s' after '%.*s'", yn, ys, xn,
                   xs);
}

/* has went, can to, will is, did went, to went */
static void aux_form(const mtl_doc *doc, size_t i, size_t end, mtl_emit *out)
{
    const char *w = norm(doc, i);
    int tag = mtl_tag_of(doc, i);
    size_t j = next(doc, i, end);
    if (j == SIZE_MAX)
        return;
    if (mtl_in_list(between, norm(doc, j)) && !mtl_in_list(modals, w)) {
        size_t k = next(doc, j, end);
        if (k == SIZE_MAX)
            return;
        j = k;
    }
    const char *v = norm(doc, j);
    /* "the problems that NEA did have were": after "did", "have" is the
     * main verb and the next verb another clause's */
    size_t p = i > 0 ? mtl_doc_skip_space_back(doc, i - 1) : SIZE_MAX;
    int after_do = p != SIZE_MAX && doc->tokens[p].kind == MTL_TOK_WORD &&
                   mtl_in_list(do_forms, norm(doc, p));
    /* "Will is the product manager": a name opening the sentence */
    int name = (doc->tokens[i].flags & MTL_TF_CAP) &&
               (strcmp(w, "will") == 0 || strcmp(w, "may") == 0);
    if (mtl_in_list(have_forms, w) && mtl_tag_is_aux(tag)) {
        if (mtl_in_list(past_only, v) && !after_do)
            report(doc, i, j, out, CANNOT_FOLLOW);
    } else if (mtl_in_list(modals, w) && tag == MTL_TAG_AUX_MD && !name) {
        /* not "can to": a modal ends an elliptical clause before an
         * infinitive of purpose ("everything we can to help", 8 times in
         * the clean corpus's speeches), and "the will to" is a noun */
        if (j == i + 2 && mtl_in_list(finite_be_have_do, v))
            report(doc, i, j, out, CANNOT_FOLLOW);
    } else if (mtl_in_list(do_forms, w) && mtl_tag_is_aux(tag)) {
        if (mtl_in_list(past_not_base, v))
            report(doc, i, j, out, CANNOT_FOLLOW);
    } else if (strcmp(w, "to") == 0 && tag == MTL_TAG_PART && j == i + 2) {
        if (mtl_in_list(past_not_base, v))
            report(doc, i, j, out, CANNOT_FOLLOW);
    }
}

/* the a, a the, the my */
static void doubled_det(const mtl_doc *doc, size_t i, size_t end, mtl_emit *out)
{
    if (!mtl_in_list(articles, norm(doc, i)))
        return;
    size_t j = next(doc, i, end);
    if (j == SIZE_MAX || !mtl_in_list(determiners, norm(doc, j)) ||
        strcmp(norm(doc, i), norm(doc, j)) == 0) /* repeated-word's */
        return;
    /* "a" as a letter or a grade: "the a in 'cat'", "grade a the" — then
     * the tagger does not call it a determiner */
    if (mtl_tag_of(doc, i) != MTL_TAG_DET || mtl_tag_of(doc, j) == MTL_TAG_NOUN)
        return;
    /* "with an a) all inclusive resort": a list's label */
    if (mtl_tok_glued(doc, j) && mtl_tok_char(doc, j + 1) == ')')
        return;
    report(doc, i, j, out, TWO_DETS);
}

/* he have, they is: a pronoun opening a clause */
static void pronoun_verb(const mtl_doc *doc, size_t i, size_t begin,
                         size_t end, mtl_emit *out)
{
    const char *w = norm(doc, i);
    int sing = mtl_in_list(singular_pron, w), plur = mtl_in_list(plural_pron, w);
    if ((!sing && !plur) || mtl_tag_of(doc, i) != MTL_TAG_PRON)
        return;
    /* "it" and "you" are objects as often ("let it have"), and a question
     * inverts ("does he have"): only a pronoun opening a clause counts */
    size_t p = i > begin ? mtl_doc_skip_space_back(doc, i - 1) : SIZE_MAX;
    int opens = i == begin || (p != SIZE_MAX && p >= begin &&
                               (mtl_tok_char(doc, p) == ',' ||
                                (doc->tokens[p].kind == MTL_TOK_WORD &&
                                 mtl_in_list(clause_openers, norm(doc, p)))));
    if (!opens)
        return;
    size_t j = next(doc, i, end);
    if (j == SIZE_MAX)
        return;
    const char *v = norm(doc, j);
    /* "I were", "he were" are subjunctive ("if he were"); "you was" and
     * "I was" are fine or dialect */
    if (sing && mtl_in_list(plural_verbs, v) && !(strcmp(v, "were") == 0))
        report(doc, i, j, out, NUMBER);
    else if (plur && mtl_in_list(singular_verbs, v) &&
             !(strcmp(w, "i") == 0 && strcmp(v, "was") == 0) &&
             !(strcmp(w, "you") == 0 && strcmp(v, "was") == 0))
        report(doc, i, j, out, NUMBER);
}

/* Does a noun phrase at token i open a clause: the sentence's first word,
 * after a semicolon, after a subordinating conjunction, or after "but"
 * behind a comma? */
static int opens_clause(const mtl_doc *doc, size_t i, size_t begin)
{
    if (i == begin)
        return 1;
    size_t p = mtl_doc_skip_space_back(doc, i - 1);
    if (p == SIZE_MAX || p < begin)
        return 0;
    if (mtl_tok_char(doc, p) == ';')
        return 1;
    if (doc->tokens[p].kind != MTL_TOK_WORD)
        return 0;
    if (mtl_in_list(subject_openers, norm(doc, p)))
        return 1;
    if (strcmp(norm(doc, p), "but") != 0 || p == begin)
        return 0;
    size_t q = mtl_doc_skip_space_back(doc, p - 1);
    return q != SIZE_MAX && q >= begin && mtl_tok_char(doc, q) == ',';
}

/* The number (1 singular, 2 plural, 0 neither or both) the verb at token
 * v shows, as a finite be, have or do; "were" counts as plural only when
 * the subject opens the sentence or a clause after a semicolon. */
static int verb_number(const mtl_doc *doc, size_t v, int were)
{
    const char *w = norm(doc, v);
    int tag = mtl_tag_of(doc, v);
    if (!mtl_tag_is_aux(tag) && !mtl_tag_is_verb(tag))
        return 0;
    if (mtl_in_list(singular_verbs, w))
        return 1;
    /* a present tense of another verb, when its word is never a noun or an
     * adjective ("rises" is: "the price rises") and a bare form is never a
     * past ("the man put") */
    if ((tag == MTL_TAG_VERB_VBZ || tag == MTL_TAG_VERB_VBP) &&
        !mtl_tag_may_be(doc, v, MTL_TAG_NOUN) &&
        !mtl_tag_may_be(doc, v, MTL_TAG_ADJ)) {
        if (tag == MTL_TAG_VERB_VBZ && mtl_tag_may_be(doc, v, MTL_TAG_VERB_VBZ))
            return 1;
        /* "need" and "dare" are modals too: "this target need not" */
        if (tag == MTL_TAG_VERB_VBP &&
            mtl_tag_may_be(doc, v, MTL_TAG_VERB_VBP) &&
            !mtl_tag_may_be(doc, v, MTL_TAG_VERB_VBD) &&
            !mtl_tag_may_be(doc, v, MTL_TAG_VERB_VBN) &&
            strcmp(w, "need") != 0 && strcmp(w, "dare") != 0)
            return 2;
    }
    return mtl_in_list(plural_subject_verbs, w) ||
                   (were && strcmp(w, "were") == 0)
               ? 2
               : 0;
}

/* The number of the head noun at token h, 0 when it may take either verb:
 * group nouns ("the team are"), adjectives and participles standing as
 * nouns ("the elderly are", "the injured have", which the tagger's lexicon
 * may lack: by their endings), -ics subjects ("the economics is"). */
static int noun_number(const mtl_doc *doc, size_t h)
{
    const char *w = norm(doc, h);
    size_t n = doc->tokens[h].norm_len;
    if (mtl_number_is_plural(doc, h))
        return n > 3 && strcmp(w + n - 3, "ics") == 0 ? 0 : 2;
    if ((!mtl_number_s_singular(doc, h) && !mtl_number_is_singular(doc, h)) ||
        mtl_in_list(adverbial_nouns, w) || mtl_number_group(w) ||
        mtl_tag_may_be(doc, h, MTL_TAG_ADJ) ||
        mtl_tag_may_be(doc, h, MTL_TAG_NUM) ||
        (n > 4 && (strcmp(w + n - 2, "ed") == 0 ||
                   strcmp(w + n - 2, "ly") == 0 ||
                   strcmp(w + n - 3, "ing") == 0)))
        return 0;
    return 1;
}

/* the prices is, this rule are: a simple noun phrase opening a clause
 * (determiner, adjectives, noun) and a be, have or do of the other number
 * right after its noun */
static void subject_verb(const mtl_doc *doc, size_t i, size_t begin,
                         size_t end, mtl_emit *out)
{
    const char *d = norm(doc, i);
    int dn = mtl_in_list(singular_subject_dets, d)  ? 1
             : mtl_in_list(plural_subject_dets, d) ? 2
             : mtl_in_list(either_subject_dets, d) ? 0
                                                    : -1;
    int dt = mtl_tag_of(doc, i);
    if (dn < 0 || (dt != MTL_TAG_DET && dt != MTL_TAG_PRON) ||
        !opens_clause(doc, i, begin))
        return;
    size_t h = next(doc, i, end);
    while (h != SIZE_MAX && mtl_tag_of(doc, h) == MTL_TAG_ADJ) {
        if (mtl_in_list(counting, norm(doc, h)))
            return;
        h = next(doc, h, end);
    }
    if (h == SIZE_MAX || mtl_tag_of(doc, h) != MTL_TAG_NOUN)
        return;
    /* an adjective that is the subject, then its auxiliary, which the
     * tagger took for the head: "the wealthy do believe" */
    if (mtl_in_list(do_forms, norm(doc, h)) || mtl_in_list(have_forms, norm(doc, h)) ||
        mtl_in_list(modals, norm(doc, h)))
        return;
    size_t v = next(doc, h, end);
    /* one noun modifying the head: "the error rate are"; not one citing
     * it ("the word mice is") */
    if (v != SIZE_MAX && mtl_tag_of(doc, v) == MTL_TAG_NOUN) {
        if (mtl_in_list(citing_nouns, norm(doc, h)))
            return;
        h = v;
        v = next(doc, h, end);
    }
    if (v == SIZE_MAX)
        return;
    size_t p = i > begin ? mtl_doc_skip_space_back(doc, i - 1) : SIZE_MAX;
    int were = i == begin || (p != SIZE_MAX && mtl_tok_char(doc, p) == ';');
    int vn = verb_number(doc, v, were), hn = vn ? noun_number(doc, h) : 0;
    if (!hn || hn == vn)
        return;
    /* a determiner that disagrees with its noun is det-number's ("these
     * rule are"), unless the noun may be a verb, which it leaves alone
     * ("this rules is") */
    if (dn && dn != hn && !(dn == vn && mtl_number_may_be_verb(doc, h)))
        return;
    const mtl_token *x = &doc->tokens[h], *y = &doc->tokens[v];
    mtl_report(out, x->start, y->end, "'%.*s' after %s '%.*s'",
               (int)(y->end - y->start), doc->text + y->start,
               hn == 2 ? "plural" : "singular", (int)(x->end - x->start),
               doc->text + x->start);
}

/* wanted protect: a bare verb where a to-infinitive belongs */
static void to_missing(const mtl_doc *doc, size_t i, size_t end, mtl_emit *out)
{
    if (!mtl_in_list(want_verbs, norm(doc, i)) ||
        !mtl_tag_is_verb(mtl_tag_of(doc, i)))
        return;
    size_t j = next(doc, i, end);
    if (j == SIZE_MAX || mtl_tag_of(doc, j) != MTL_TAG_VERB_VB)
        return;
    /* only a verb by the lexicon: not "wanted ads", "planned attack",
     * "tried chicken" */
    if (!mtl_tag_may_be(doc, j, MTL_TAG_VERB_VB) ||
        mtl_tag_may_be(doc, j, MTL_TAG_NOUN) ||
        mtl_tag_may_be(doc, j, MTL_TAG_ADJ) ||
        mtl_tag_may_be(doc, j, MTL_TAG_VERB_VBP))
        return;
    /* "manages print jobs": a verb form modifying a noun after it */
    size_t k = mtl_doc_skip_space(doc, j + 1);
    if (k < end && mtl_tag_of(doc, k) == MTL_TAG_NOUN)
        return;
    const mtl_token *x = &doc->tokens[i], *y = &doc->tokens[j];
    mtl_report(out, x->start, y->end, "'to' missing between '%.*s' and '%.*s'",
               (int)(x->end - x->start), doc->text + x->start,
               (int)(y->end - y->start), doc->text + y->start);
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const mtl_sentence *sen = &doc->sentences[s];
        if (title_case(doc, sen))
            continue;
        size_t begin = mtl_doc_skip_space(doc, sen->tok_begin);
        for (size_t i = sen->tok_begin; i < sen->tok_end; i++) {
            if (!first_or_plain(doc, i, sen->tok_end))
                continue;
            aux_form(doc, i, sen->tok_end, out);
            doubled_det(doc, i, sen->tok_end, out);
            pronoun_verb(doc, i, begin, sen->tok_end, out);
            subject_verb(doc, i, begin, sen->tok_end, out);
            to_missing(doc, i, sen->tok_end, out);
        }
    }
    return 0;
}

const mtl_rule mtl_rule_grammar = {
    .info = {
        .id = "grammar",
        .summary = "two words side by side that grammar does not allow",
        .default_severity = MTL_WARNING,
        .finds = "Two words side by side that English grammar does not allow: a "
                 "past form that is never a participle after have ('has went'), a "
                 "finite form after a modal ('will is'), a past form after do or to "
                 "('did went', 'to went'), two determiners in a row ('the a'), a "
                 "pronoun opening a clause with a verb of the other number ('he "
                 "have'), a simple noun subject with be, have or do of the other "
                 "number ('the prices is'), a bare verb where a to-infinitive "
                 "belongs ('wanted protect'). Group nouns ('the team are'), "
                 "capitalised titles and headlines, quotes and lists "
                 "between the words are left alone.",
        .why = "MT renders the source's verb forms and articles word by word and "
               "can leave English forms that no auxiliary or subject allows.",
        .flagged = "The minister has went home after the vote.",
        .not_flagged = "The minister has gone home after the vote.",
        .reference =
            "Two words side by side that English grammar does not\n"
            "allow: a past form that is never a participle after have (`has went`), a\n"
            "finite form after a modal (`will is`), a past form after do or to (`did\n"
            "went`, `to went`), two determiners in a row (`the a`), a pronoun opening a\n"
            "clause with a verb of the other number (`he have`), a simple noun subject\n"
            "with be, have or do of the other number (`the prices is`; not group nouns\n"
            "such as `the team are`), a bare verb where a to-infinitive belongs\n"
            "(`wanted protect`). Titles and headlines in capitals, quotes and lists\n"
            "between the words are left alone.\n"
            "\n"
            "    the minister has went home   ->  'went' cannot follow 'has'\n",
    },
    .needs = MTL_NEED_WORDS | MTL_NEED_SPELL | MTL_NEED_TAGS,
    .check = check,
};
