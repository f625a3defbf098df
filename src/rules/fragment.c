/*
 * fragment: a "sentence" that is a piece of a clause. Translation cuts a
 * clause off and leaves it standing between full stops, without its verb or
 * without its subject:
 *
 *     "... from escalating. Were focused on. For wider area. He also ..."
 *         -> sentence has no subject 'Were focused on.'
 *         -> sentence has no verb 'For wider area.'
 *
 * A prepositional phrase standing alone after a statement ("The talks
 * continued. In Geneva.") is the commonest shape: the tail of the sentence
 * before, or a piece of a clause that translation moved. It is judged
 * with the tagger's verbs only, since its words leave no room for a verb
 * the tagger missed. Other verbless sentences ("A source familiar with the
 * summit.") are flagged only when no word could be a verb.
 *
 * A sentence that starts with a lower-case word right after a full stop
 * ("... who need it.” to those who need it.”") is a fragment glued on; so
 * is an infinitive whose only verbs are in a clause it opens ("“And to
 * ensure that people can continue to come out of Gaza.”") and a quotation
 * that goes on past its full stop with a verbless list ("... leadership.
 * American diplomacy, America’s involvement,” Blinken said").
 *
 * Verbless sentences are normal in edited text, and the sentence before
 * tells them apart: an answer follows a question ("How long did it take?
 * Over a decade."), a caption follows its label ("Figure 2."), a run-in
 * heading opens its paragraph ("Pottery and glassware. Terracotta pots
 * ..."). Also left alone: a heading, list item or table cell, an entry of a
 * list of references ("Ross, W. D. 1930. The Right and the Good."), a block
 * of one sentence (headline, caption, dateline, signature; in a file of one
 * sentence a line, where every line stands alone, a line of six words at
 * most), a line without a final full stop, a question or exclamation, a
 * quotation standing alone, speech inside a quotation, an interjection or
 * formula ("Great question."), a list of names, a title-case line, an
 * imperative ("Read more.", "Empty the drawer."), the comparative
 * correlative ("The sooner, the better."), a verdict that opens with an
 * adjective ("Good food.", "So complicated."), and three verbless sentences
 * or more in a row, a list or a narrator's style ("The Jewish Shabbat.
 * Papa's ecstasy. Mama's defiance."), and a sentence in another language,
 * whole or in part (foreign.h), which untranslated reports; nor in talk
 * written down (a transcript, a vlog, a chat: interjection.h), which
 * leaves verbs and subjects out on purpose ("Always coffee.", "Went to the
 * store."), only a lower-case start there. Verbs are
 * found with the part-of-speech tags.
 */
#include "text/abbrev.h"
#include "text/references.h"
#include "text/tokens.h"
#include "findings/rule.h"
#include "lang/foreign.h"
#include "lang/interjection.h"
#include "lang/nouns.h"
#include "lang/number.h"
#include "lang/tags.h"

#include <stdint.h>
#include <string.h>

/* Verbless sentences that edited prose uses on purpose: formulas,
 * greetings, replies (a hyphen joins no words here: "Good-by." is "good
 * by"). */
static const char *const set_phrases[] = {
    "of course", "of course not", "thank you", "thanks", "no doubt",
    "not yet", "not at all", "not really", "not quite", "not anymore",
    "not always", "no way", "so far so good", "good morning",
    "good afternoon", "good evening", "good night", "good luck", "well done",
    "all right", "more on that later", "more below", "and so on", "so what",
    "or both", "or neither", "or not", "or worse", "or else", "or so",
    "no comment", "for now", "until then", "not so fast", "far from it",
    "and rightly so", "with good reason", "and for good reason",
    "so much for that", "so thanks", "many thanks", "thanks again",
    "thanks a lot", "great question", "good question", "good point",
    "fair enough", "fair question", "moving on", "point taken",
    "no problem", "no worries", "not bad", "me too", "me neither",
    "same here", "by all means", "for sure", "for good", "too bad",
    "enough said", "end of story", "no wonder", "just kidding",
    "welcome back", "ladies and gentlemen", "happy birthday",
    "happy new year", "merry christmas", "best wishes", "with thanks",
    "with love", "kind regards", "best regards", "nice try", "good job",
    "case closed", "so far", "not for long", "not for me",
    "not necessarily", "sort of", "kind of", "very well", "good by",
    "good bye", "goodbye", "or worse", "or better", "not in the least",
    "quite so", "and again", "again and again", "and another",
    "and then another", "and so forth", "and so on and so on", "and more",
    "probably not", "maybe not", "perhaps not", "certainly not",
    "definitely not", "absolutely not", "or vice versa", "and vice versa",
    "vice versa", NULL};

/* Discourse markers: they open a sentence ("In other words, a formal
 * governance system."), and standing alone they are a fragment. */
static const char *const markers[] = {
    "for example", "for instance", "in fact", "in other words",
    "on the contrary", "at least", "in theory", "in practice", "in any case",
    "in any event", "in general", "in particular", "in addition",
    "in conclusion", "in summary", "in sum", "by the way",
    "on the other hand", "in short", "in brief", "of course", "above all",
    "after all", "in turn", "as a result", "in the end", "at first",
    "at the same time", NULL};

static int is_char(const mtl_doc *doc, const mtl_token *t, char c)
{
    return t->kind == MTL_TOK_PUNCT && t->end - t->start == 1 &&
           doc->text[t->start] == c;
}

static int is_nominal(int tag)
{
    return tag == MTL_TAG_NOUN || tag == MTL_TAG_PROPN || tag == MTL_TAG_PRON;
}

/* Does the sentence end on a real full stop (closing quotes and brackets may
 * follow): not "?", "!", an ellipsis or an abbreviation's dot? */
static int ends_with_stop(const mtl_doc *doc, const mtl_sentence *s)
{
    size_t i = s->tok_end;
    while (i > s->tok_begin) {
        const mtl_token *t = &doc->tokens[--i];
        if (mtl_tok_is_space(t) || t->kind == MTL_TOK_QUOTE ||
            is_char(doc, t, ')') || is_char(doc, t, ']'))
            continue;
        if (!is_char(doc, t, '.'))
            return 0;
        if (i > s->tok_begin && is_char(doc, &doc->tokens[i - 1], '.'))
            return 0;
        /* an abbreviation's dot, unless it is a word of its own that the
         * segmenter ended the sentence on ("Of Sun.", "In Wash.", "From
         * the local CA.") */
        if (!mtl_abbrev_dot(doc, i))
            return 1;
        /* (only now is there a token before the dot: a text may start
         * with one) */
        const mtl_token *w = &doc->tokens[i - 1];
        return ((w->flags & MTL_TF_CAP) && w->norm_len >= 2 &&
                !strchr(mtl_tok_norm(doc, w), '.') &&
                ((w->flags & MTL_TF_ALLCAPS) || w->norm_len >= 3));
    }
    return 0;
}

/* A quotation or parenthesis standing alone: speech, an aside. */
static int enclosed(const mtl_doc *doc, const mtl_sentence *s)
{
    size_t a = mtl_doc_skip_space(doc, s->tok_begin);
    size_t z = s->tok_end - 1;
    if (a >= s->tok_end)
        return 0;
    const mtl_token *f = &doc->tokens[a], *l = &doc->tokens[z];
    return (f->kind == MTL_TOK_QUOTE && l->kind == MTL_TOK_QUOTE) ||
           (is_char(doc, f, '(') && is_char(doc, l, ')'));
}

/* The words of tokens [begin, end), lower-cased and joined by spaces, are
 * a set phrase. */
static int is_set_phrase(const mtl_doc *doc, size_t begin, size_t end,
                         const char *const *phrases)
{
    char buf[64];
    size_t n = 0;
    for (size_t i = begin; i < end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind != MTL_TOK_WORD)
            continue;
        if (n + t->norm_len + 2 > sizeof buf)
            return 0;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, mtl_tok_norm(doc, t), t->norm_len);
        n += t->norm_len;
    }
    buf[n] = '\0';
    for (size_t k = 0; phrases[k]; k++)
        if (strcmp(buf, phrases[k]) == 0)
            return 1;
    return 0;
}

typedef struct shape {
    size_t words, caps;   /* words; capitalised ones after the first */
    size_t letters;       /* words of two letters or more */
    size_t lower;         /* of which in lower case */
    size_t first;         /* token index of the first word */
    size_t commas;
    int finite;           /* a verb the tagger is sure of */
    int predicate;        /* something that can head a clause */
    int participle;       /* a participle with its object: "Connecting
                             Boston with the larger cities." */
    int intj;             /* an interjection: "Oh", "Wow" */
    int quoted;           /* quotation marks or a URL inside */
    int layout;           /* a label, table, code or list: not prose */
} shape;

/* Marks of code, tables and plain-text lists rather than sentences. */
static int layout_char(char c)
{
    return c == '#' || c == '$' || c == '\\' || c == '*' || c == '=' ||
           c == '|' || c == '{' || c == '}' || c == '<' || c == '>' ||
           c == ':' || c == ';' || c == '_' || c == '@' || c == '/';
}

static int norm_is(const mtl_doc *doc, size_t i, const char *const *words)
{
    const mtl_token *t = &doc->tokens[i];
    if (t->kind != MTL_TOK_WORD)
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (strcmp(mtl_tok_norm(doc, t), words[k]) == 0)
            return 1;
    return 0;
}

/* The next word or number after token i, before end (end if none). */
static size_t next_word(const mtl_doc *doc, size_t i, size_t end)
{
    for (i++; i < end; i++)
        if (mtl_tok_is_wordlike(&doc->tokens[i]))
            return i;
    return end;
}

/* Ends like a verb agreeing with a singular subject: "saves", "applies",
 * not "glass", "status", "analysis". */
static int third_person(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    const char *w = mtl_tok_norm(doc, t);
    size_t n = t->norm_len;
    return n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
           w[n - 2] != 'i';
}

/* What the tagger's lexicon knows of token i (tagger.h): MTL_AMB_UNKNOWN,
 * or its commonest tag in the low bits and the next in the high byte. */
static unsigned lexicon(const mtl_doc *doc, size_t i)
{
    return doc->an->tags->amb[i];
}

/* Does the lexicon know token i as a verb of the present (its first or
 * second tag), whatever the tagger chose here? */
static int may_be_present(const mtl_doc *doc, size_t i)
{
    unsigned amb = lexicon(doc, i);
    if (amb == MTL_AMB_UNKNOWN)
        return 0;
    unsigned a = amb & 0x7f, b = amb >> 8;
    return a == MTL_TAG_VERB_VB || a == MTL_TAG_VERB_VBP ||
           b == MTL_TAG_VERB_VB || b == MTL_TAG_VERB_VBP;
}

static const char *const subject_pronouns[] = {"i", "we", "they", "he",
                                               "she", NULL};
static const char *const singular_subjects[] = {"this", "that", "it", "one",
                                                NULL};
static const char *const plural_subjects[] = {"these", "those", "you", NULL};
static const char *const object_pronouns[] = {"it", "them", "him", "us",
                                              "me", NULL};
static const char *const determiners[] = {
    "the", "a", "an", "this", "these", "that", "those", "your", "my", "our",
    "their", "his", "its", "some", "any", "every", "each", NULL};
/* Words that may stand before a determiner without being verbs. */
static const char *const predeterminers[] = {
    "all", "half", "both", "such", "quite", "many", "what", "rather", "once",
    "twice", "only", "just", "even", "almost", "nearly", "about", "not",
    "double", "exactly", "hardly", "nor", NULL};

/* Is the word at token i a verb the tagger took for a noun or adjective?
 * prev is the tag of the word before (adverbs skipped), k the token index
 * of the sentence's first word, end the sentence's end. These only ever
 * spare a sentence. */
static int missed_verb(const mtl_doc *doc, size_t i, int prev, size_t k,
                       size_t prev_i, size_t end)
{
    int tag = mtl_tag_of(doc, i);
    /* a word the lexicon lacks may get any tag ("whisks" as a pronoun) */
    if (tag != MTL_TAG_NOUN && tag != MTL_TAG_ADJ &&
        lexicon(doc, i) != MTL_AMB_UNKNOWN)
        return 0;
    size_t nx = next_word(doc, i, end);
    int next = nx < end ? mtl_tag_of(doc, nx) : MTL_TAG_NONE;
    /* "Empty the drawer.", "Water the plants.": the first word, then a
     * determiner, is an imperative */
    if (i == k && nx < end && norm_is(doc, nx, determiners) &&
        !norm_is(doc, i, predeterminers))
        return 1;
    if (i == k)
        return 0;
    /* "he underwent surgery": after a subject pronoun, a verb */
    if (prev_i != SIZE_MAX && norm_is(doc, prev_i, subject_pronouns))
        return 1;
    /* "It ends", "This saves a lot", "These offer dancing": after a
     * pronoun that opens the sentence, a word with a verb's agreement */
    if (prev_i == k && ((norm_is(doc, k, singular_subjects) &&
                         third_person(doc, i)) ||
                        (norm_is(doc, k, plural_subjects) &&
                         may_be_present(doc, i))))
        return 1;
    /* "These map to the checklist": a verb the lexicon has only as a noun,
     * by its -ed or -ing in the dictionary, before what follows a verb */
    if (prev_i == k && norm_is(doc, k, plural_subjects) &&
        (next == MTL_TAG_ADP || next == MTL_TAG_DET || next == MTL_TAG_PRON) &&
        mtl_number_base_may_be_verb(doc, i))
        return 1;
    /* "December 25th falls on a Thursday": a date, then an -s form of a
     * verb and what follows a verb ("2.5 times the size" is a number's) */
    const mtl_token *pt = prev_i != SIZE_MAX ? &doc->tokens[prev_i] : NULL;
    if (pt && pt->end - pt->start >= 3 && doc->text[pt->start] >= '0' &&
        doc->text[pt->start] <= '9' &&
        (!memcmp(doc->text + pt->end - 2, "th", 2) ||
         !memcmp(doc->text + pt->end - 2, "st", 2) ||
         !memcmp(doc->text + pt->end - 2, "nd", 2) ||
         !memcmp(doc->text + pt->end - 2, "rd", 2)) &&
        third_person(doc, i) &&
        (next == MTL_TAG_ADP || next == MTL_TAG_DET) &&
        mtl_number_may_be_verb(doc, i))
        return 1;
    /* "The second grants a handful of permissions": after "the" and an
     * ordinal standing for a noun, a present tense and then its object */
    static const char *const ordinals[] = {
        "first", "second", "third", "fourth", "fifth", "last", "former",
        "latter", "next", "other", "rest", NULL};
    if (tag == MTL_TAG_NOUN && prev_i != SIZE_MAX && prev_i > k &&
        norm_is(doc, prev_i, ordinals) &&
        (mtl_tag_may_be_finite(doc, i) || mtl_number_may_be_verb(doc, i)) &&
        next_word(doc, k, end) == prev_i &&
        strcmp(mtl_tok_norm(doc, &doc->tokens[k]), "the") == 0 &&
        (next == MTL_TAG_DET || next == MTL_TAG_PRON || next == MTL_TAG_NUM))
        return 1;
    /* "This freed up his time": a past the lexicon lacks, after such a
     * pronoun and before what follows a verb */
    if (prev_i == k && lexicon(doc, i) == MTL_AMB_UNKNOWN &&
        (norm_is(doc, k, singular_subjects) || norm_is(doc, k, plural_subjects)) &&
        doc->tokens[i].norm_len > 4 &&
        !memcmp(mtl_tok_norm(doc, &doc->tokens[i]) + doc->tokens[i].norm_len - 2, "ed", 2) &&
        (next == MTL_TAG_ADP || next == MTL_TAG_DET || next == MTL_TAG_PRON))
        return 1;
    /* "Two measure the lengths of lunar months.": a number that opens the
     * sentence is its subject when a present tense follows it and then
     * what follows a verb */
    if (prev_i == k && mtl_tag_of(doc, k) == MTL_TAG_NUM &&
        strcmp(mtl_tok_norm(doc, &doc->tokens[k]), "one") != 0 &&
        may_be_present(doc, i) &&
        (nx >= end || next == MTL_TAG_DET || next == MTL_TAG_ADP ||
         next == MTL_TAG_PRON || next == MTL_TAG_ADV))
        return 1;
    /* "Chapter 9 explores Rust's ...": an -s form the lexicon lacks, after
     * a noun or a number and before what follows a verb, whose stem has a
     * past or a gerund in the dictionary */
    /* ... and after a noun the lexicon lacks, tagged an adjective, whether
     * the lexicon knows the -s form or only as a noun ("A global skeptic
     * rejects the possibility", "Thus, interpretation results in") */
    int unknown_before = prev == MTL_TAG_ADJ && prev_i != SIZE_MAX &&
                         lexicon(doc, prev_i) == MTL_AMB_UNKNOWN;
    if ((lexicon(doc, i) == MTL_AMB_UNKNOWN || unknown_before) &&
        third_person(doc, i) &&
        (is_nominal(prev) || prev == MTL_TAG_NUM || unknown_before) &&
        (next == MTL_TAG_DET || next == MTL_TAG_PROPN ||
         next == MTL_TAG_PRON || next == MTL_TAG_ADP) &&
        mtl_number_may_be_verb(doc, i))
        return 1;
    /* "Schools close for many reasons": after a plural noun, a word the
     * lexicon knows as a verb's base form too, taken for an adjective,
     * and then what follows a verb */
    if (tag == MTL_TAG_ADJ && prev == MTL_TAG_NOUN && prev_i != SIZE_MAX &&
        mtl_noun_is_plural(mtl_tok_norm(doc, &doc->tokens[prev_i])) &&
        may_be_present(doc, i) &&
        (next == MTL_TAG_ADP || next == MTL_TAG_DET || next == MTL_TAG_PRON))
        return 1;
    /* "the surrounding buildings dwarf it": an object pronoun follows */
    if (is_nominal(prev) && nx < end && norm_is(doc, nx, object_pronouns))
        return 1;
    /* "The same applies to outcomes", "Then the commercial ends.", "The
     * man in white manages to escape.": a
     * present tense that the lexicon knows, after its subject and before
     * what follows a verb (or nothing) */
    if (tag == MTL_TAG_NOUN && mtl_tag_may_be_finite(doc, i) &&
        (is_nominal(prev) || prev == MTL_TAG_ADJ) &&
        (nx >= end || next == MTL_TAG_ADP || next == MTL_TAG_DET ||
         next == MTL_TAG_PRON || next == MTL_TAG_ADV || next == MTL_TAG_NUM ||
         next == MTL_TAG_PART))
        return 1;
    return 0;
}

/* Does the lexicon know token i only as a finite verb, or chiefly so with
 * no noun or adjective besides ("the chief executive enjoys considerable
 * power": the tagger made "enjoys" a noun)? */
static int finite_only(const mtl_doc *doc, size_t i)
{
    unsigned amb = lexicon(doc, i);
    if (amb == MTL_AMB_UNKNOWN || !mtl_tag_is_finite((int)(amb & 0x7f)))
        return 0;
    unsigned b = amb >> 8;
    return b != MTL_TAG_NOUN && b != MTL_TAG_ADJ && b != MTL_TAG_PROPN;
}

/* Does what follows token i follow a verb: the sentence's end, or a
 * determiner, preposition, pronoun or number (or, if gerund, an -ing form:
 * "necessitates recruiting")? */
static int followed_as_verb(const mtl_doc *doc, size_t i, size_t end,
                            int gerund)
{
    size_t nx = next_word(doc, i, end);
    if (nx >= end)
        return 1;
    int next = mtl_tag_of(doc, nx);
    return next == MTL_TAG_DET || next == MTL_TAG_ADP ||
           next == MTL_TAG_PRON || next == MTL_TAG_NUM ||
           (gerund && next == MTL_TAG_VERB_VBG);
}

/* A verb's -s form the lexicon lacks, after a noun, at the end or before
 * what follows a verb: "After the changes, the team retests.", "To pursue
 * equitable data necessitates recruiting talent." The dictionary's -ed or
 * -ing of its stem says it is a verb. */
static int s_form_after_noun(const mtl_doc *doc, size_t i, int prev,
                             size_t end)
{
    const mtl_token *t = &doc->tokens[i];
    if (lexicon(doc, i) != MTL_AMB_UNKNOWN || !is_nominal(prev) ||
        t->norm_len < 4 || mtl_tok_norm(doc, t)[t->norm_len - 1] != 's')
        return 0;
    /* the noun phrase before it is a subject, not a preposition's object:
     * "of locally rich prey patches", "For New South Wales" are phrases */
    size_t first = doc->sentences[t->sentence].tok_begin;
    for (size_t k = i; k > first;) {
        k--;
        const mtl_token *b = &doc->tokens[k];
        if (b->kind == MTL_TOK_SPACE)
            continue;
        if (!mtl_tok_is_wordlike(b))
            break;
        int tag = mtl_tag_of(doc, k);
        if (tag == MTL_TAG_ADP)
            return 0;
        if (tag != MTL_TAG_NOUN && tag != MTL_TAG_PROPN &&
            tag != MTL_TAG_ADJ && tag != MTL_TAG_ADV &&
            tag != MTL_TAG_DET && tag != MTL_TAG_NUM)
            break;
    }
    return followed_as_verb(doc, i, end, 1) && mtl_number_may_be_verb(doc, i);
}

/* A verb's base form the lexicon lacks, after a noun (adverbs between),
 * before what follows a verb or at the end: "The voters also elect a
 * president.", "Sociology and political science naturally overlap." The
 * dictionary's -ed or -ing form says it is a verb. */
static int base_after_subject(const mtl_doc *doc, size_t i, int prev,
                              size_t prev_i, size_t end)
{
    /* "Examples such as these abound.": a pronoun is a subject too */
    int pronoun = prev_i != SIZE_MAX && (norm_is(doc, prev_i, plural_subjects) ||
                                         norm_is(doc, prev_i, subject_pronouns));
    if (lexicon(doc, i) != MTL_AMB_UNKNOWN || !(is_nominal(prev) || pronoun))
        return 0;
    return followed_as_verb(doc, i, end, 0) &&
           mtl_number_base_may_be_verb(doc, i);
}

/* Describes the tokens [begin, end) of a sentence. */
static void describe(const mtl_doc *doc, size_t begin, size_t end, shape *sh)
{
    static const char *const phone[] = {"tel", "fax", "ph", NULL};
    static const char *const infinitive[] = {"to", NULL};
    memset(sh, 0, sizeof *sh);
    sh->first = SIZE_MAX;
    int prev = MTL_TAG_NONE; /* tag of the previous word, adverbs skipped */
    size_t prev_i = SIZE_MAX; /* and its token */
    int article_before = 0;  /* the previous word is a, an or the */
    for (size_t i = begin; i < end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind == MTL_TOK_QUOTE || t->kind == MTL_TOK_URL)
            sh->quoted = 1;
        sh->commas += is_char(doc, t, ',');
        if ((t->kind == MTL_TOK_PUNCT && layout_char(doc->text[t->start])) ||
            (t->kind == MTL_TOK_PUNCT && sh->words == 0 &&
             (doc->text[t->start] == '-' ||
              (unsigned char)doc->text[t->start] == 0xE2)) || /* a bullet */
            (t->kind == MTL_TOK_SPACE && t->end - t->start >= 3))
            sh->layout = 1;
        if (!mtl_tok_is_wordlike(t))
            continue;
        int tag = mtl_tag_of(doc, i), cl = mtl_clitic_of(doc, i);
        /* "Tel. 01-3232771 for details.": a telephone number */
        if (norm_is(doc, i, phone) && i + 1 < end &&
            (is_char(doc, &doc->tokens[i + 1], '.') ||
             is_char(doc, &doc->tokens[i + 1], ':')))
            sh->layout = 1;
        if (sh->words == 0) {
            sh->first = i;
            /* "1. Resolution process.", "a) Lend authority." */
            size_t j = i + 1;
            if (j < end && (is_char(doc, &doc->tokens[j], '.') ||
                                   is_char(doc, &doc->tokens[j], ')')) &&
                (t->kind == MTL_TOK_NUMBER || t->end - t->start == 1))
                sh->layout = 1;
        } else if (t->flags & MTL_TF_CAP) {
            sh->caps++;
        }
        sh->words++;
        if (t->kind == MTL_TOK_WORD && t->norm_len >= 2) {
            sh->letters++;
            sh->lower += !(t->flags & MTL_TF_CAP);
        }
        sh->intj |= tag == MTL_TAG_INTJ ||
                    mtl_is_interjection(doc->text + t->start, t->end - t->start);
        if (mtl_tag_is_finite(tag) ||
            (cl != MTL_TAG_NONE && mtl_tag_is_finite(cl)))
            sh->finite = 1;
        /* a past participle after a noun is as often its past tense
         * ("During the Revolution the British regulars camped here.") */
        if ((tag == MTL_TAG_VERB_VBN && is_nominal(prev)) ||
            s_form_after_noun(doc, i, prev, end))
            sh->finite = 1;
        /* a base form not after "to" (whatever its tag): an imperative,
         * or after a modal */
        if ((tag == MTL_TAG_VERB_VB || tag == MTL_TAG_AUX_VB) &&
            prev != MTL_TAG_PART &&
            !(prev_i != SIZE_MAX && norm_is(doc, prev_i, infinitive)))
            sh->finite = 1;
        /* Where the tagger may have missed the verb: past tense,
         * participle and adjective look alike ("They each reviewed many
         * chapters", "nobody minded", "Men and women crowded at the
         * deck"); a verb the tagger has not seen
         * looks like a noun after a noun ("This node describes"); and a
         * noun that the lexicon knows as a verb too ("This amounts to"),
         * unless an article or preposition makes it a noun ("the talks"). */
        if (tag == MTL_TAG_VERB_VBN || tag == MTL_TAG_AUX_VBN ||
            (tag == MTL_TAG_ADJ &&
             is_nominal(prev) && t->norm_len > 3 &&
             !memcmp(mtl_tok_norm(doc, t) + t->norm_len - 2, "ed", 2)) ||
            (tag == MTL_TAG_NOUN && is_nominal(prev)) ||
            (tag == MTL_TAG_NOUN && mtl_tag_may_be_finite(doc, i) &&
             !article_before && prev != MTL_TAG_ADP &&
             (prev != MTL_TAG_ADJ ||
              lexicon(doc, prev_i) == MTL_AMB_UNKNOWN)) ||
            (finite_only(doc, i) && !article_before && prev != MTL_TAG_DET &&
             prev != MTL_TAG_PART &&
             !(prev_i != SIZE_MAX && norm_is(doc, prev_i, infinitive))) ||
            base_after_subject(doc, i, prev, prev_i, end) ||
            missed_verb(doc, i, prev, sh->first, prev_i, end))
            sh->predicate = 1;
        /* "Going from Boston to Rockland", "Another option connecting
         * Boston with ...": a participle with an object, the style of
         * listings; not a gerund after an article or preposition */
        if (tag == MTL_TAG_VERB_VBG && prev != MTL_TAG_DET &&
            prev != MTL_TAG_ADP && prev != MTL_TAG_ADJ &&
            next_word(doc, i, end) < end)
            sh->participle = 1;
        article_before = t->kind == MTL_TOK_WORD &&
                         (!strcmp(mtl_tok_norm(doc, t), "the") ||
                          !strcmp(mtl_tok_norm(doc, t), "a") ||
                          !strcmp(mtl_tok_norm(doc, t), "an"));
        if (tag != MTL_TAG_ADV) {
            prev = cl == MTL_TAG_PART ? MTL_TAG_DET : tag; /* "America's" */
            prev_i = i;
        }
    }
    sh->predicate |= sh->finite;
}

/* The sentence before is only a label: "1.", "A.2.", "(b)", a path, a
 * caption's "Figure 2." or "Table 3a.", a speaker's "THE PRESIDENT." */
static int after_label(const mtl_doc *doc, const mtl_sentence *prev)
{
    static const char *const captions[] = {
        "figure", "fig", "table", "plate", "chart", "map", "photo", "image",
        "exhibit", "box", "panel", "diagram", "illustration", "appendix",
        "scheme", "listing", "video", "step", "part", "chapter", NULL};
    size_t words = 0, long_words = 0, upper = 0, caption = 0;
    for (size_t i = prev->tok_begin; i < prev->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (!mtl_tok_is_wordlike(t))
            continue;
        if (words++ == 0 && norm_is(doc, i, captions))
            caption = 1;
        if (t->kind == MTL_TOK_WORD && t->norm_len >= 2) {
            long_words++;
            upper += (t->flags & MTL_TF_ALLCAPS) != 0;
        }
    }
    return long_words == 0 || (caption && words <= 3) ||
           (upper == long_words && words <= 4);
}

/* Does the sentence before end on an abbreviation ("et al.", "Vas.")?
 * Then the break after it may be none. */
static int after_abbreviation(const mtl_doc *doc, const mtl_sentence *prev)
{
    size_t k = prev->tok_end - 1;
    if (k <= prev->tok_begin || !is_char(doc, &doc->tokens[k], '.'))
        return 0;
    const mtl_token *w = &doc->tokens[k - 1];
    if (w->kind != MTL_TOK_WORD || w->end != doc->tokens[k].start)
        return 0;
    /* a known abbreviation, an initial, or a short capitalised word that
     * is no English word ("Vas."); not "II." or "US.", which end
     * sentences as often as not */
    const char *n = mtl_tok_norm(doc, w);
    return mtl_is_abbrev(n) || strchr(n, '.') ||
           ((w->flags & MTL_TF_CAP) && w->norm_len == 1) ||
           ((w->flags & MTL_TF_CAP) && !(w->flags & MTL_TF_ALLCAPS) &&
            w->norm_len <= 3 && lexicon(doc, k - 1) == MTL_AMB_UNKNOWN);
}

/* "In other words, a formal governance system.": a discourse marker and
 * a comma open a restatement. */
static int opens_with_set_phrase(const mtl_doc *doc, const mtl_sentence *s)
{
    for (size_t i = s->tok_begin; i < s->tok_end; i++)
        if (is_char(doc, &doc->tokens[i], ','))
            return is_set_phrase(doc, s->tok_begin, i, markers);
    return 0;
}

/* Does the question ask for what a phrase opening with a preposition
 * gives: a place, a time, a way, a reason ("How long did it take? Over a
 * decade."), or the object of its last word ("What is it made of?")? A
 * yes-no question, or one asking "what" or "who", is answered by a word,
 * a noun or a clause: a prepositional phrase after it was more often cut
 * from a sentence (injected split tails and stray phrases in the
 * calibration corpus: 9 missed after such questions; the corpus itself has
 * no verbless phrase answering one). */
static int asks_for_phrase(const mtl_doc *doc, const mtl_sentence *q)
{
    static const char *const asking[] = {"where", "when", "how", "why",
                                         "whence", "whither", NULL};
    size_t last = SIZE_MAX;
    for (size_t i = q->tok_begin; i < q->tok_end; i++) {
        if (!mtl_tok_is_wordlike(&doc->tokens[i]))
            continue;
        if (norm_is(doc, i, asking))
            return 1;
        last = i;
    }
    return last != SIZE_MAX && mtl_tag_of(doc, last) == MTL_TAG_ADP;
}

/* "In Geneva.", "According to its size.": the sentence opens with a
 * preposition (not "as", "like" or "than", which also compare). */
static int opens_with_preposition(const mtl_doc *doc, const mtl_sentence *s,
                                  const shape *sh)
{
    static const char *const comparing[] = {"as", "like", "than", NULL};
    size_t i = sh->first;
    if (i == SIZE_MAX || mtl_doc_skip_space(doc, s->tok_begin) != i)
        return 0;
    if (strcmp(mtl_tok_norm(doc, &doc->tokens[i]), "according") == 0) {
        size_t j = next_word(doc, i, s->tok_end);
        return j < s->tok_end &&
               strcmp(mtl_tok_norm(doc, &doc->tokens[j]), "to") == 0;
    }
    /* the tagger calls "For" before a gerund, or "Before" and "Since",
     * conjunctions: the lexicon knows them as prepositions too (with a
     * clause, a finite verb follows) */
    unsigned amb = lexicon(doc, i);
    int lex = amb == MTL_AMB_UNKNOWN || (amb & MTL_AMB_SURE)
                  ? MTL_TAG_NONE
                  : (int)(amb >> 8);
    int tag = mtl_tag_of(doc, i);
    return (tag == MTL_TAG_ADP ||
            (tag == MTL_TAG_SCONJ &&
             ((amb != MTL_AMB_UNKNOWN && (int)(amb & 0x7f) == MTL_TAG_ADP) ||
              lex == MTL_TAG_ADP))) &&
           !norm_is(doc, i, comparing);
}

/* "The bigger the risk, the higher the reward.": the comparative
 * correlative, verbless by design. */
static int correlative(const mtl_doc *doc, const mtl_sentence *s,
                       const shape *sh)
{
    static const char *const the[] = {"the", NULL};
    static const char *const comparatives[] = {"more", "less", "fewer",
                                               "better", "worse", NULL};
    size_t i = sh->first;
    if (i == SIZE_MAX || !norm_is(doc, i, the))
        return 0;
    size_t j = next_word(doc, i, s->tok_end);
    if (j >= s->tok_end)
        return 0;
    const mtl_token *w = &doc->tokens[j];
    const char *n = mtl_tok_norm(doc, w);
    if (!norm_is(doc, j, comparatives) &&
        !(w->norm_len > 3 && n[w->norm_len - 2] == 'e' &&
          n[w->norm_len - 1] == 'r'))
        return 0;
    for (size_t k = j; k + 1 < s->tok_end; k++)
        if (is_char(doc, &doc->tokens[k], ',') &&
            norm_is(doc, next_word(doc, k, s->tok_end - 1), the))
            return 1;
    return 0;
}

/* "Delivery available.", "Reservations required.": a notice of a listing,
 * a noun and a word of availability. */
static int notice(const mtl_doc *doc, const shape *sh, size_t end)
{
    static const char *const words[] = {
        "available", "included", "required", "recommended", "optional",
        "provided", "accepted", "advised", "essential", "needed", "welcome",
        "free", "extra", "nearby", "closed", "open", NULL};
    size_t j = next_word(doc, sh->first, end);
    if (sh->words != 2 || j >= end)
        return 0;
    /* the shorthand of reviews: "Rooms clean.", "Staff friendly." */
    int tf = mtl_tag_of(doc, sh->first);
    if ((tf == MTL_TAG_NOUN || tf == MTL_TAG_PROPN) && mtl_tag_of(doc, j) == MTL_TAG_ADJ)
        return 1;
    return norm_is(doc, j, words);
}

/* "Pink Floyd, the Jam, the Pogues.", "Raleigh to Chicago, Chicago to
 * Seoul and then Seoul to Manila.", "One, inflation.": an enumeration, or
 * an item of one. */
static int list(const mtl_doc *doc, const mtl_sentence *s, const shape *sh)
{
    static const char *const ordinals[] = {
        "one", "two", "three", "four", "five", "first", "second", "third",
        "fourth", "fifth", "last", "finally", NULL};
    if (sh->commas >= 2)
        return 1;
    if (!sh->commas)
        return 0;
    size_t comma = s->tok_begin;
    while (!is_char(doc, &doc->tokens[comma], ','))
        comma++;
    if (next_word(doc, sh->first, s->tok_end) > comma &&
        (mtl_tag_of(doc, sh->first) == MTL_TAG_NUM ||
         norm_is(doc, sh->first, ordinals)))
        return 1;
    for (size_t i = comma; i < s->tok_end; i++)
        if (mtl_tag_of(doc, i) == MTL_TAG_CCONJ)
            return 1;
    return 0;
}

/* The sentence opens with "yes", "no", "not" or "thanks", after "but" or
 * "and" too: a reply ("No second.", "But no other complaints."), a sign
 * ("No parking.") or thanks ("Thanks for the link."). */
static int reply(const mtl_doc *doc, const shape *sh, size_t end)
{
    static const char *const words[] = {"yes", "no", "not", "nope", "yeah",
                                        "thanks", NULL};
    static const char *const joining[] = {"but", "and", NULL};
    if (sh->first == SIZE_MAX)
        return 0;
    size_t i = sh->first;
    if (norm_is(doc, i, joining))
        i = next_word(doc, i, end);
    return i < end && norm_is(doc, i, words);
}

/* The sentence opens with an adjective, or a degree adverb and an
 * adjective: a verdict ("Good food.", "Very rude and unprofessional.",
 * "So complicated.", "Better than last year, anyway."), the shorthand of
 * reviews, dialogue and narrative. Read on text outside the calibration
 * corpus (user reviews, novels, a software manual): 27 of 80 verbless
 * findings were these; no finding on the clean corpus, the reference
 * article or real MT (MLQE-PE) has this shape. A stray adjective phrase
 * from a broken translation ("Wider area.") is missed. */
static int verdict(const mtl_doc *doc, const shape *sh, size_t end)
{
    static const char *const degree[] = {
        "very", "so", "too", "really", "absolutely", "quite", "pretty",
        "extremely", "rather", "most", "truly", "incredibly", "highly",
        "always", "never", "still", "just", "not", NULL};
    /* adjectives of time make an adverbial, the tail of a clause: "...
     * bring down the inflation rate. Next year." */
    static const char *const of_time[] = {
        "next", "last", "previous", "following", "early", "earlier", "late",
        "later", "final", "first", "recent", NULL};
    static const char *const such[] = {"such", NULL};
    static const char *const articles[] = {"a", "an", NULL};
    if (sh->first == SIZE_MAX)
        return 0;
    /* an exclamation without its mark: "Such a relaxing atmosphere." */
    size_t second = next_word(doc, sh->first, end);
    if (norm_is(doc, sh->first, such) && second < end && norm_is(doc, second, articles))
        return 1;
    int tag = mtl_tag_of(doc, sh->first);
    if (tag == MTL_TAG_ADJ)
        return !norm_is(doc, sh->first, of_time);
    size_t nx = next_word(doc, sh->first, end);
    return tag == MTL_TAG_ADV && norm_is(doc, sh->first, degree) &&
           nx < end && mtl_tag_of(doc, nx) == MTL_TAG_ADJ;
}

/* "About 10 gallons for a small tree.", "Roughly 2.5 times the size of
 * the Milky Way.": an amount that elaborates the sentence before, as
 * guides and answers write it (MLQE-PE's post-editor left the second as
 * it was). */
static int approximation(const mtl_doc *doc, const shape *sh, size_t end)
{
    static const char *const about[] = {
        "about", "around", "roughly", "approximately", "nearly", "almost",
        "some", "over", "under", "just", NULL};
    if (sh->first == SIZE_MAX || !norm_is(doc, sh->first, about))
        return 0;
    size_t j = mtl_doc_skip_space(doc, sh->first + 1);
    return j < end && (doc->tokens[j].kind == MTL_TOK_NUMBER ||
                       mtl_tag_of(doc, j) == MTL_TAG_NUM);
}

/* Does the sentence end on a word that wants what follows it: a verb,
 * a preposition, a determiner ("and trips take. Around 30 minutes.")? */
static int dangles(const mtl_doc *doc, const mtl_sentence *s)
{
    for (size_t i = s->tok_end; i-- > s->tok_begin;) {
        if (!mtl_tok_is_wordlike(&doc->tokens[i]))
            continue;
        int tag = mtl_tag_of(doc, i);
        unsigned amb = lexicon(doc, i);
        /* the tagger makes a verb at the end a noun: the lexicon's first
         * class says otherwise */
        return mtl_tag_is_verb(tag) || tag == MTL_TAG_ADP || tag == MTL_TAG_DET ||
               (amb != MTL_AMB_UNKNOWN && mtl_tag_is_verb((int)(amb & 0x7f)));
    }
    return 0;
}

/* "In 30 days, yes.": a reply word anywhere in the sentence. */
static int reply_within(const mtl_doc *doc, const mtl_sentence *s)
{
    static const char *const words[] = {"yes", "no", "yeah", "nope", NULL};
    for (size_t i = s->tok_begin; i < s->tok_end; i++)
        if (mtl_tok_is_wordlike(&doc->tokens[i]) && norm_is(doc, i, words))
            return 1;
    return 0;
}

static int relative(const char *w)
{
    static const char *const rel[] = {"that", "which", "who", "whom",
                                      "whose", "what", "whatever", NULL};
    for (size_t i = 0; rel[i]; i++)
        if (strcmp(w, rel[i]) == 0)
            return 1;
    return 0;
}

/* "And to ensure that people can leave.": an infinitive with nothing to
 * hang on; its only finite verbs are in a clause it opens ("that ...").
 * A comma may lead to the main clause ("To be sure, it rained."), so a
 * sentence with one is spared. */
static int bare_infinitive(const mtl_doc *doc, const mtl_sentence *s)
{
    size_t i = mtl_doc_skip_space(doc, s->tok_begin);
    while (i < s->tok_end && doc->tokens[i].kind == MTL_TOK_QUOTE)
        i = mtl_doc_skip_space(doc, i + 1);
    int joined = i < s->tok_end && mtl_tag_of(doc, i) == MTL_TAG_CCONJ;
    if (joined)
        i = mtl_doc_skip_space(doc, i + 1);
    if (i + 2 >= s->tok_end || mtl_tag_of(doc, i) != MTL_TAG_PART ||
        strcmp(mtl_tok_norm(doc, &doc->tokens[i]), "to") != 0)
        return 0;
    size_t v = mtl_doc_skip_space(doc, i + 1);
    int vt = mtl_tag_of(doc, v);
    if (vt != MTL_TAG_VERB_VB && vt != MTL_TAG_AUX_VB)
        return 0;
    /* The infinitive as the subject: after the clause it opens, a second
     * verb that is not joined to the first ("To say that someone knows
     * something is to say ...", "To do what is right requires having
     * ..."), unless a conjunction opens the sentence, which then goes on
     * the one before ("And to ensure that people who live there can
     * leave."). */
    static const char *const main_verbs[] = {
        "is", "was", "are", "were", "would", "will", "can", "could", "may",
        "might", "must", "should", "requires", "required", "means", "meant",
        "involves", "remains", "seems", NULL};
    int subordinate = 0, clause_verb = 0, prev_tag = MTL_TAG_NONE;
    for (size_t k = v + 1; k < s->tok_end; k++) {
        const mtl_token *t = &doc->tokens[k];
        if (is_char(doc, t, ',') || is_char(doc, t, ';') ||
            is_char(doc, t, ':'))
            return 0;
        if (!mtl_tok_is_wordlike(t))
            continue;
        int tag = mtl_tag_of(doc, k);
        if (tag == MTL_TAG_SCONJ || (tag == MTL_TAG_PRON &&
                                     relative(mtl_tok_norm(doc, t))))
            subordinate = 1;
        /* "To ensure broad participation use a variety of channels": the
         * purpose, then an imperative after its last noun */
        int finite = mtl_tag_is_finite(tag) ||
                     mtl_tag_is_finite(mtl_clitic_of(doc, k)) ||
                     s_form_after_noun(doc, k, prev_tag, s->tok_end) ||
                     (tag == MTL_TAG_VERB_VB && prev_tag == MTL_TAG_NOUN &&
                      next_word(doc, k, s->tok_end) < s->tok_end &&
                      mtl_tag_of(doc, next_word(doc, k, s->tok_end)) ==
                          MTL_TAG_DET);
        if (finite && !subordinate)
            return 0;
        if (finite || norm_is(doc, k, main_verbs)) {
            if (clause_verb && !joined && prev_tag != MTL_TAG_CCONJ &&
                norm_is(doc, k, main_verbs))
                return 0;
            clause_verb = 1;
        }
        prev_tag = tag;
    }
    return 1;
}

/* Is sentence si a statement of two words or more and no verb, as
 * describe() reads it (verbs the tagger missed count)? Not a reply, an
 * interjection or a speaker's label ("Yes.", "THE PRESIDENT."). */
static int verbless_statement(const mtl_doc *doc, size_t si)
{
    const mtl_sentence *s = &doc->sentences[si];
    if (!ends_with_stop(doc, s))
        return 0;
    shape sh;
    describe(doc, s->tok_begin, s->tok_end, &sh);
    return sh.words >= 2 && !sh.predicate && !sh.participle && !sh.intj &&
           !sh.layout && !reply(doc, &sh, s->tok_end) &&
           !(doc->tokens[sh.first].flags & MTL_TF_ALLCAPS);
}

/* Is sentence si one of three or more verbless sentences in a row in its
 * paragraph? That is a list written as sentences, or a narrator's style
 * ("The Jewish Shabbat. Papa's ecstasy. Mama's defiance.", "To meet. To
 * encounter. To await the arrival of."): 10 of the findings on novels
 * outside the calibration corpus (LinES) were these. A translation breaks
 * one clause into two pieces at most ("Were focused on. For wider
 * area."). */
static int in_series(const mtl_doc *doc, const mtl_block *blk, size_t si)
{
    int before = si > blk->sent_begin && verbless_statement(doc, si - 1);
    int after = si + 1 < blk->sent_end && verbless_statement(doc, si + 1);
    return (before && after) ||
           (before && si > blk->sent_begin + 1 &&
            verbless_statement(doc, si - 2)) ||
           (after && si + 2 < blk->sent_end &&
            verbless_statement(doc, si + 2));
}

/* "Were focused on.", "Have been.": a finite auxiliary first, and then no
 * subject (a subject right after it is an inversion: "Had I known"). */
static int lacks_subject(const mtl_doc *doc, const mtl_sentence *s,
                         const shape *sh)
{
    /* The auxiliaries are a closed class: the tagger also calls a plural
     * noun that opens a sentence one ("Trains become rarer at night.") */
    static const char *const auxiliaries[] = {
        "is", "are", "was", "were", "am", "has", "have", "had", "does",
        "did", "will", "would", "can", "could", "shall", "should", "may",
        "might", "must", "wo", "ca", "sha", NULL};
    int tag = mtl_tag_of(doc, sh->first);
    if (!mtl_tag_is_aux(tag) || !mtl_tag_is_finite(tag) ||
        mtl_doc_skip_space(doc, s->tok_begin) != sh->first)
        return 0; /* '"Should" means' quotes the word */
    /* "Do come in.", "Don't worry." are imperatives */
    const mtl_token *f = &doc->tokens[sh->first];
    char w[16];
    size_t n = f->norm_len;
    if (n >= sizeof w)
        return 0;
    memcpy(w, mtl_tok_norm(doc, f), n);
    w[n] = '\0';
    if (n > 3 && strcmp(w + n - 3, "n't") == 0)
        w[n - 3] = '\0';
    for (size_t k = 0;; k++) {
        if (!auxiliaries[k])
            return 0;
        if (strcmp(w, auxiliaries[k]) == 0)
            break;
    }
    /* "Should booking a hotel not be possible, ...": a condition, its
     * subject after the auxiliary and the main clause after the comma */
    if ((strcmp(w, "should") == 0 || strcmp(w, "had") == 0 ||
         strcmp(w, "were") == 0) && sh->commas) {
        size_t nx = next_word(doc, sh->first, s->tok_end);
        if (nx < s->tok_end && (mtl_tag_of(doc, nx) == MTL_TAG_VERB_VBG ||
                                mtl_tag_of(doc, nx) == MTL_TAG_PRON))
            return 0;
    }
    /* "Will", "May": names too, when a past or an -s form follows, which
     * no modal takes ("Will often tells a story", "May marks two years") */
    int name = strcmp(w, "will") == 0 || strcmp(w, "may") == 0;
    for (size_t i = sh->first + 1; i < s->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (!mtl_tok_is_wordlike(t))
            continue;
        int next = mtl_tag_of(doc, i);
        if (next == MTL_TAG_ADV || next == MTL_TAG_PART)
            continue; /* "Were not", "Have also" */
        if (name && (next == MTL_TAG_VERB_VBD || next == MTL_TAG_VERB_VBN ||
                     next == MTL_TAG_VERB_VBZ ||
                     mtl_tag_may_be(doc, i, MTL_TAG_VERB_VBZ) ||
                     mtl_tag_may_be(doc, i, MTL_TAG_VERB_VBD)))
            return 0;
        /* an adjective and its noun are a noun phrase: "Have promotional
         * materials prepared" (an imperative) as "Have materials ..." */
        if (next == MTL_TAG_ADJ) {
            size_t nx = next_word(doc, i, s->tok_end);
            return !(nx < s->tok_end && mtl_tag_of(doc, nx) == MTL_TAG_NOUN);
        }
        return !(is_nominal(next) || next == MTL_TAG_DET ||
                 next == MTL_TAG_NUM || next == MTL_TAG_PROPN);
    }
    return 1;
}

/* Is token k a full stop that ends a sentence: glued to a word of two
 * letters or more that is not an abbreviation ("it.", not "1.", "e.g.",
 * "J.", "..")? */
static int real_stop(const mtl_doc *doc, size_t k, size_t begin, size_t end)
{
    if (k <= begin || !is_char(doc, &doc->tokens[k], '.') ||
        mtl_abbrev_dot(doc, k) ||
        (k + 1 < end && is_char(doc, &doc->tokens[k + 1], '.')))
        return 0;
    const mtl_token *w = &doc->tokens[k - 1];
    return w->kind == MTL_TOK_WORD && w->norm_len >= 2 &&
           w->end == doc->tokens[k].start;
}

/* Words inside the quotation that closes at token q. */
static size_t quoted_words(const mtl_doc *doc, size_t begin, size_t q)
{
    size_t n = 0;
    for (size_t i = q; i-- > begin;) {
        if (doc->tokens[i].kind == MTL_TOK_QUOTE)
            return n;
        n += mtl_tok_is_wordlike(&doc->tokens[i]);
    }
    return n;
}

/* A lower-case word right after a full stop: the next sentence in the
 * block, or inside this one after a quotation that ends with a full stop
 * ("need it.” to those"), which the segmenter does not split. */
static int check_lowercase(const mtl_doc *doc, const mtl_sentence *s,
                           const mtl_sentence *prev, mtl_emit *out)
{
    size_t i = SIZE_MAX;
    int quotation = 0; /* the sentence before is a quotation, whole */
    if (prev) {
        size_t k = prev->tok_end;
        while (k > prev->tok_begin &&
               doc->tokens[k - 1].kind == MTL_TOK_QUOTE)
            k--;
        if (k > prev->tok_begin &&
            real_stop(doc, k - 1, prev->tok_begin, prev->tok_end))
            i = s->tok_begin;
        size_t a = mtl_doc_skip_space(doc, prev->tok_begin);
        quotation = k < prev->tok_end && a < k &&
                    doc->tokens[a].kind == MTL_TOK_QUOTE;
    }
    for (size_t k = s->tok_begin; k < s->tok_end && i == SIZE_MAX; k++) {
        if (!real_stop(doc, k, s->tok_begin, s->tok_end))
            continue;
        size_t j = k + 1;
        while (j < s->tok_end && doc->tokens[j].kind == MTL_TOK_QUOTE)
            j++;
        /* after a quotation: a quoted sentence, not a word or title */
        if (j >= s->tok_end || !mtl_tok_is_space(&doc->tokens[j]) ||
            (j > k + 1 && quoted_words(doc, s->tok_begin, k) < 4))
            continue;
        i = j;
        /* a quotation that opens the sentence */
        size_t a = k;
        while (a > s->tok_begin && doc->tokens[a].kind != MTL_TOK_QUOTE)
            a--;
        quotation = j > k + 1 && doc->tokens[a].kind == MTL_TOK_QUOTE &&
                    mtl_doc_skip_space(doc, s->tok_begin) == a;
    }
    if (i == SIZE_MAX)
        return 0;
    i = mtl_doc_skip_space(doc, i);
    if (i >= s->tok_end)
        return 0;
    const mtl_token *t = &doc->tokens[i];
    /* all lower case, as written: not "iPhone", not a number; and not a
     * name or a command ("objcopy"), which write their own case */
    int tag = mtl_tag_of(doc, i);
    if (tag == MTL_TAG_PROPN || tag == MTL_TAG_NOUN || tag == MTL_TAG_X ||
        tag == MTL_TAG_SYM)
        return 0;
    /* a quotation is the subject of the verb after it: "“This is a
     * pilot.” reads the last slide." */
    if (quotation && mtl_tag_is_finite(tag))
        return 0;
    if (t->kind != MTL_TOK_WORD || !(t->flags & MTL_TF_ASCII) ||
        memcmp(doc->text + t->start, mtl_tok_norm(doc, t), t->norm_len) != 0 ||
        !(doc->text[t->start] >= 'a' && doc->text[t->start] <= 'z'))
        return 0;
    char q[80];
    mtl_report(out, t->start, s->end,
               "sentence starts with a lowercase word '%s'",
               mtl_excerpt(doc, t->start, s->end, q, sizeof q));
    return 1;
}

/* A double quotation mark; single ones are apostrophes too ("boys'"), and
 * a straight one after a digit is an inch mark ("5\" 3"). */
static int double_quote(const mtl_doc *doc, const mtl_token *t)
{
    return t->kind == MTL_TOK_QUOTE && t->norm_len == 1 &&
           mtl_tok_norm(doc, t)[0] == '"' &&
           !(doc->text[t->start] == '"' && t->start > 0 &&
             doc->text[t->start - 1] >= '0' && doc->text[t->start - 1] <= '9');
}

/* The quotation marks of a block from its start up to token `tok`. Kept
 * from one sentence to the next, so that a long block is counted once. */
typedef struct quote_count {
    size_t tok, marks;
} quote_count;

/* Is a quotation open at the start of sentence si: an odd number of
 * quotation marks before it in its block? Sentences are asked in order. */
static int quote_open(const mtl_doc *doc, quote_count *qc, size_t si)
{
    for (; qc->tok < doc->sentences[si].tok_begin; qc->tok++)
        qc->marks += double_quote(doc, &doc->tokens[qc->tok]);
    return qc->marks % 2;
}

/* "“... of American leadership. American diplomacy, America’s
 * involvement,” Blinken said": a quotation that goes on past a full stop with a list of
 * noun phrases and no verb, then the attribution. The list (a comma inside)
 * keeps spoken one-word answers ("Never,” he said) out. Reports the quoted
 * part and returns 1. */
static int quoted_tail(const mtl_doc *doc, quote_count *qc, size_t si,
                       mtl_emit *out)
{
    const mtl_sentence *s = &doc->sentences[si];
    size_t q = s->tok_begin;
    while (q < s->tok_end && doc->tokens[q].kind != MTL_TOK_QUOTE)
        q++;
    if (q >= s->tok_end || q < s->tok_begin + 2 ||
        !is_char(doc, &doc->tokens[q - 1], ',') || !quote_open(doc, qc, si))
        return 0;
    size_t commas = 0;
    for (size_t i = s->tok_begin; i + 1 < q; i++)
        commas += is_char(doc, &doc->tokens[i], ',');
    shape sh;
    describe(doc, s->tok_begin, q, &sh);
    if (!commas || sh.predicate || sh.layout || sh.intj || sh.letters < 3 ||
        sh.first == SIZE_MAX || !(doc->tokens[sh.first].flags & MTL_TF_CAP) ||
        strcmp(mtl_tok_norm(doc, &doc->tokens[sh.first]), "not") == 0)
        return 0;
    /* the attribution: a finite verb within the next three words */
    size_t words = 0;
    int said = 0;
    for (size_t i = q + 1; i < s->tok_end && words < 3 && !said; i++) {
        if (!mtl_tok_is_wordlike(&doc->tokens[i]))
            continue;
        words++;
        said = mtl_tag_is_finite(mtl_tag_of(doc, i));
    }
    if (!said)
        return 0;
    char b[80];
    size_t end = doc->tokens[q].end;
    size_t from = mtl_sentence_report_start(doc, s);
    mtl_report(out, from, end, "sentence has no verb '%s'",
               mtl_excerpt(doc, from, end, b, sizeof b));
    return 1;
}

/* Words at most in a phrase that opens with a preposition and is judged
 * by the tagger's verbs alone. A split-off tail or a stray phrase has one
 * to seven ("In Geneva.", "With the new generation of directors."); a
 * longer one leaves room for a verb the tagger missed. */
enum { PP_WORDS = 8 };

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    if (!doc->an || !doc->an->tags)
        return 0;
    /* talk written down leaves out verbs and subjects on purpose
     * (interjection.h); a lower-case start is still a slip there */
    int spoken = mtl_is_spoken(doc);
    for (size_t b = 0; b < doc->n_blocks; b++) {
        const mtl_block *blk = &doc->blocks[b];
        if (blk->kind == MTL_BLOCK_HEADING || blk->kind == MTL_BLOCK_LIST_ITEM ||
            blk->kind == MTL_BLOCK_TABLE_CELL || mtl_block_is_reference(doc, b))
            continue;
        quote_count qc = {blk->tok_begin, 0};
        int cut = blk->kind == MTL_BLOCK_SENTENCE_LINE;
        for (size_t si = blk->sent_begin; si < blk->sent_end; si++) {
            const mtl_sentence *s = &doc->sentences[si];
            /* in another language, or partly: the tagger's English verbs
             * say nothing of it, and untranslated has reported it */
            if (mtl_foreign_overlaps(doc, s->tok_begin, s->tok_end))
                continue;
            shape sh;
            describe(doc, s->tok_begin, s->tok_end, &sh);
            /* one finding a sentence: a glued-on piece says enough */
            if (!sh.layout &&
                check_lowercase(doc, s, si > blk->sent_begin ? s - 1 : NULL,
                                out))
                continue;
            if (si > blk->sent_begin && quoted_tail(doc, &qc, si, out))
                continue;
            if (spoken)
                continue;
            /* one sentence alone is a headline, caption or sign-off; in a
             * file of one sentence a line it is the usual case */
            if ((blk->sent_end - blk->sent_begin < 2 && !cut) ||
                !ends_with_stop(doc, s))
                continue;
            char q[80];
            size_t from = mtl_sentence_report_start(doc, s);
            if (!sh.layout && bare_infinitive(doc, s)) {
                if (cut || !in_series(doc, blk, si))
                    mtl_report(out, from, s->end,
                               "sentence has no main verb '%s'",
                               mtl_excerpt(doc, from, s->end, q, sizeof q));
                continue;
            }
            if (enclosed(doc, s))
                continue;
            /* a lower-case start: the sentence began before a stop that
             * was not one ("Red Hat, Inc. are"), or is code */
            if (sh.first == SIZE_MAX ||
                !(doc->tokens[sh.first].flags & MTL_TF_CAP))
                continue;
            /* What the sentence before says of this one: it opens the
             * paragraph (a run-in heading, a greeting), answers a
             * question, or is a caption after its label. */
            const mtl_sentence *before =
                si > blk->sent_begin ? s - 1 : NULL;
            /* a line of a file of one sentence a line has no sentence
             * before it, and opens no paragraph either */
            int first = !before && !cut;
            int answer = before && mtl_sentence_is_question(doc, si - 1);
            if (sh.intj || sh.layout || (before && after_label(doc, before)) ||
                (before && after_abbreviation(doc, before)) ||
                is_set_phrase(doc, s->tok_begin, s->tok_end, set_phrases) ||
                opens_with_set_phrase(doc, s))
                continue;
            int pp = opens_with_preposition(doc, s, &sh);
            /* "Will you return tonight? On those nominations." */
            if (answer && pp && !asks_for_phrase(doc, before) &&
                !reply_within(doc, s))
                answer = 0;
            /* Title Case, names and datelines; a phrase that opens with a
             * preposition is judged by its place ("At Harvard Business
             * School.") */
            if (!pp && sh.words >= 3 && sh.caps * 10 >= (sh.words - 1) * 7)
                continue;
            if (sh.letters >= 2 && lacks_subject(doc, s, &sh)) {
                /* "Could be.", "May seem a little silly, but ...": talk */
                if ((first || answer) &&
                    mtl_tag_of(doc, sh.first) == MTL_TAG_AUX_MD)
                    continue;
                mtl_report(out, from, s->end,
                           "sentence has no subject '%s'",
                           mtl_excerpt(doc, from, s->end, q, sizeof q));
                continue;
            }
            /* speech inside a quotation may be verbless; a stray phrase
             * there is still a fragment */
            if (first || answer || sh.quoted ||
                (!pp && quote_open(doc, &qc, si)))
                continue;
            int verbless;
            if (pp && sh.words <= PP_WORDS)
                verbless = !sh.finite && sh.words >= 2;
            else
                verbless = !sh.predicate && !sh.participle && sh.lower &&
                           sh.letters >= 2 && sh.words <= 15 &&
                           !list(doc, s, &sh) && !reply(doc, &sh, s->tok_end) &&
                           !verdict(doc, &sh, s->tok_end) &&
                           !correlative(doc, s, &sh) &&
                           !notice(doc, &sh, s->tok_end);
            /* a short verbless line out of context: a title, a proverb,
             * a reply. In the MLQE-PE dev sets (one sentence a line) the
             * post-editors changed 8 of 18 verbless lines of six words or
             * fewer, and 24 of 26 longer ones. */
            if (cut && si == blk->sent_begin && sh.words <= 6)
                verbless = 0;
            if (approximation(doc, &sh, s->tok_end) &&
                !(si > blk->sent_begin && dangles(doc, s - 1)))
                verbless = 0;
            if (verbless && (cut || !in_series(doc, blk, si)))
                mtl_report(out, from, s->end, "sentence has no verb '%s'",
                           mtl_excerpt(doc, from, s->end, q, sizeof q));
        }
    }
    return 0;
}

const mtl_rule mtl_rule_fragment = {
    .info = {
        .id = "fragment",
        .summary = "a sentence with no verb or no subject, cut off by translation",
        .default_severity = MTL_WARNING,
        .finds = "A sentence with no verb or no subject, or one starting in lower case "
                 "after a full stop. Headings, list items, questions, imperatives and "
                 "interjections are left alone.",
        .why = "MT drops verbs and subjects that the source language leaves implicit, "
               "and splits sentences where the source had a clause boundary.",
        .flagged = "The ministers met on Monday. For wider area.",
        .not_flagged = "The ministers met on Monday. Read more.",
        .reference =
            "A \"sentence\" that is a piece of a clause: no finite verb,\n"
            "or no subject, or starting in lower case right after a full stop.\n"
            "\n"
            "    ... from escalating. Were focused on. For wider area. He also ...\n"
            "\n"
            "Not reported: headings and list items, one-sentence blocks (headlines,\n"
            "captions, datelines), lines without a final full stop, questions and\n"
            "exclamations, quotations standing alone, interjections (\"Thank you.\"),\n"
            "imperatives (\"Read more.\"), set phrases (\"Of course.\").\n",
    },
    .needs = MTL_NEED_WORDS | MTL_NEED_SPELL | MTL_NEED_TAGS | MTL_NEED_FOREIGN,
    .check = check,
};
