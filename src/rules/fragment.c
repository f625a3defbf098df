/*
 * fragment: a "sentence" that is a piece of a clause. Translation cuts a
 * clause off and leaves it standing between full stops, without its verb or
 * without its subject:
 *
 *     "... from escalating. Were focused on. For wider area. He also ..."
 *         -> sentence has no subject 'Were focused on.'
 *         -> sentence has no verb 'For wider area.'
 *
 * A sentence that starts with a lower-case word right after a full stop
 * ("... who need it.” to those who need it.”") is a fragment glued on; so
 * is an infinitive whose only verbs are in a clause it opens ("“And to
 * ensure that people can continue to come out of Gaza.”") and a quotation
 * that goes on past its full stop with a verbless list ("... leadership.
 * American diplomacy, America’s involvement,” Blinken said").
 *
 * Verbless lines are normal in edited text, so these are left alone: a
 * heading, list item or table cell, a block of one sentence (headline, caption,
 * dateline, signature, "Thank you."), a line without a final full stop, a
 * question or exclamation, a quotation standing alone, an interjection, a
 * title-case line, an imperative ("Read more.", "Don't worry."), and a few
 * set phrases ("Of course."). Verbs are found with the part-of-speech tags.
 */
#include "text/abbrev.h"
#include "findings/rule.h"
#include "lang/tags.h"

#include <stdint.h>
#include <string.h>

/* Verbless sentences that edited prose uses on purpose. */
static const char *const set_phrases[] = {
    "of course", "thank you", "thanks", "no doubt", "not yet", "not at all",
    "not really", "not quite", "not anymore", "not always", "no way",
    "so far so good", "good morning", "good afternoon", "good evening",
    "good night", "good luck", "well done", "all right", "in short",
    "in brief", "more on that later", "more below", "and so on", "so what",
    "no comment", "for now", "for example", "for instance", "until then",
    "not so fast", "far from it", "and rightly so", "with good reason",
    "and for good reason", "so much for that", "so thanks", "many thanks",
    "thanks again", "thanks a lot", NULL};

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
        return !mtl_abbrev_dot(doc, i);
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

/* The sentence's words, lower-cased and joined by spaces, is a set phrase. */
static int is_set_phrase(const mtl_doc *doc, const mtl_sentence *s)
{
    char buf[64];
    size_t n = 0;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
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
    for (size_t k = 0; set_phrases[k]; k++)
        if (strcmp(buf, set_phrases[k]) == 0)
            return 1;
    return 0;
}

typedef struct shape {
    size_t words, caps;   /* words; capitalised ones after the first */
    size_t letters;       /* words of two letters or more */
    size_t lower;         /* of which in lower case */
    size_t first;         /* token index of the first word */
    int predicate;        /* something that can head a clause */
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

/* Describes the tokens [begin, end) of a sentence. */
static void describe(const mtl_doc *doc, size_t begin, size_t end, shape *sh)
{
    memset(sh, 0, sizeof *sh);
    sh->first = SIZE_MAX;
    int prev = MTL_TAG_NONE; /* tag of the previous word, adverbs skipped */
    int article_before = 0;  /* the previous word is a, an or the */
    for (size_t i = begin; i < end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind == MTL_TOK_QUOTE || t->kind == MTL_TOK_URL)
            sh->quoted = 1;
        if ((t->kind == MTL_TOK_PUNCT && layout_char(doc->text[t->start])) ||
            (t->kind == MTL_TOK_PUNCT && sh->words == 0 &&
             (doc->text[t->start] == '-' ||
              (unsigned char)doc->text[t->start] == 0xE2)) || /* a bullet */
            (t->kind == MTL_TOK_SPACE && t->end - t->start >= 3))
            sh->layout = 1;
        if (!mtl_tok_is_wordlike(t))
            continue;
        int tag = mtl_tag_of(doc, i), cl = mtl_clitic_of(doc, i);
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
        sh->intj |= tag == MTL_TAG_INTJ;
        if (mtl_tag_is_finite(tag) ||
            (cl != MTL_TAG_NONE && mtl_tag_is_finite(cl)))
            sh->predicate = 1;
        /* a base form not after "to": an imperative or after a modal */
        if ((tag == MTL_TAG_VERB_VB || tag == MTL_TAG_AUX_VB) &&
            prev != MTL_TAG_PART)
            sh->predicate = 1;
        /* Where the tagger may have missed the verb (these only ever spare
         * a sentence): past tense, participle and adjective look alike
         * ("They each reviewed many chapters", "nobody minded"); a verb the
         * tagger has not seen looks like a plural noun after a noun ("This
         * node describes"); and a noun that the lexicon knows as a verb too
         * ("This amounts to"), unless an article or preposition makes it a
         * noun ("the talks"). */
        if (tag == MTL_TAG_VERB_VBN || tag == MTL_TAG_AUX_VBN ||
            (tag == MTL_TAG_ADJ && prev == MTL_TAG_PRON && t->norm_len > 3 &&
             !memcmp(mtl_tok_norm(doc, t) + t->norm_len - 2, "ed", 2)) ||
            (tag == MTL_TAG_NOUN && is_nominal(prev)) ||
            (tag == MTL_TAG_NOUN && mtl_tag_may_be_finite(doc, i) &&
             !article_before && prev != MTL_TAG_ADP && prev != MTL_TAG_ADJ))
            sh->predicate = 1;
        article_before = t->kind == MTL_TOK_WORD &&
                         (!strcmp(mtl_tok_norm(doc, t), "the") ||
                          !strcmp(mtl_tok_norm(doc, t), "a") ||
                          !strcmp(mtl_tok_norm(doc, t), "an"));
        if (tag != MTL_TAG_ADV)
            prev = cl == MTL_TAG_PART ? MTL_TAG_DET : tag; /* "America's" */
    }
}

/* The sentence before is only a label: "1.", "A.2.", "(b)". */
static int after_label(const mtl_doc *doc, const mtl_sentence *prev)
{
    for (size_t i = prev->tok_begin; i < prev->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind == MTL_TOK_WORD && t->norm_len >= 2)
            return 0;
    }
    return 1;
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
    if (i < s->tok_end && mtl_tag_of(doc, i) == MTL_TAG_CCONJ)
        i = mtl_doc_skip_space(doc, i + 1);
    if (i + 2 >= s->tok_end || mtl_tag_of(doc, i) != MTL_TAG_PART ||
        strcmp(mtl_tok_norm(doc, &doc->tokens[i]), "to") != 0)
        return 0;
    size_t v = mtl_doc_skip_space(doc, i + 1);
    int vt = mtl_tag_of(doc, v);
    if (vt != MTL_TAG_VERB_VB && vt != MTL_TAG_AUX_VB)
        return 0;
    int subordinate = 0;
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
        int finite = mtl_tag_is_finite(tag) ||
                     mtl_tag_is_finite(mtl_clitic_of(doc, k));
        if (finite && !subordinate)
            return 0;
    }
    return 1;
}

/* "Were focused on.", "Have been.": a finite auxiliary first, and then no
 * subject (a subject right after it is an inversion: "Had I known"). */
static int lacks_subject(const mtl_doc *doc, const mtl_sentence *s,
                         const shape *sh)
{
    int tag = mtl_tag_of(doc, sh->first);
    if (!mtl_tag_is_aux(tag) || !mtl_tag_is_finite(tag) ||
        mtl_doc_skip_space(doc, s->tok_begin) != sh->first)
        return 0; /* '"Should" means' quotes the word */
    const char *w = mtl_tok_norm(doc, &doc->tokens[sh->first]);
    if (strcmp(w, "do") == 0 || strcmp(w, "don't") == 0)
        return 0; /* "Do come in.", "Don't worry." */
    for (size_t i = sh->first + 1; i < s->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (!mtl_tok_is_wordlike(t))
            continue;
        int next = mtl_tag_of(doc, i);
        if (next == MTL_TAG_ADV || next == MTL_TAG_PART)
            continue; /* "Were not", "Have also" */
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
    if (prev) {
        size_t k = prev->tok_end;
        while (k > prev->tok_begin &&
               doc->tokens[k - 1].kind == MTL_TOK_QUOTE)
            k--;
        if (k > prev->tok_begin &&
            real_stop(doc, k - 1, prev->tok_begin, prev->tok_end))
            i = s->tok_begin;
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
        qc->marks += doc->tokens[qc->tok].kind == MTL_TOK_QUOTE;
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
    mtl_report(out, s->start, end, "sentence has no verb '%s'",
               mtl_excerpt(doc, s->start, end, b, sizeof b));
    return 1;
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    if (!doc->an || !doc->an->tags)
        return 0;
    for (size_t b = 0; b < doc->n_blocks; b++) {
        const mtl_block *blk = &doc->blocks[b];
        if (blk->kind == MTL_BLOCK_HEADING || blk->kind == MTL_BLOCK_LIST_ITEM ||
            blk->kind == MTL_BLOCK_TABLE_CELL)
            continue;
        quote_count qc = {blk->tok_begin, 0};
        for (size_t si = blk->sent_begin; si < blk->sent_end; si++) {
            const mtl_sentence *s = &doc->sentences[si];
            shape sh;
            describe(doc, s->tok_begin, s->tok_end, &sh);
            /* one finding a sentence: a glued-on piece says enough */
            if (!sh.layout &&
                check_lowercase(doc, s, si > blk->sent_begin ? s - 1 : NULL,
                                out))
                continue;
            if (si > blk->sent_begin && quoted_tail(doc, &qc, si, out))
                continue;
            /* one sentence alone is a headline, caption or sign-off */
            if (blk->sent_end - blk->sent_begin < 2 || !ends_with_stop(doc, s))
                continue;
            char q[80];
            if (!sh.layout && bare_infinitive(doc, s)) {
                mtl_report(out, s->start, s->end,
                           "sentence has no main verb '%s'",
                           mtl_excerpt(doc, s->start, s->end, q, sizeof q));
                continue;
            }
            if (enclosed(doc, s))
                continue;
            /* a lower-case start: the sentence began before a stop that
             * was not one ("Red Hat, Inc. are"), or is code */
            if (sh.first == SIZE_MAX ||
                !(doc->tokens[sh.first].flags & MTL_TF_CAP))
                continue;
            if (sh.letters < 2 || sh.intj || sh.layout ||
                (si > blk->sent_begin && after_label(doc, s - 1)) ||
                is_set_phrase(doc, s))
                continue;
            /* Title Case, names and datelines */
            if (sh.words >= 3 && sh.caps * 10 >= (sh.words - 1) * 7)
                continue;
            if (lacks_subject(doc, s, &sh)) {
                mtl_report(out, s->start, s->end,
                           "sentence has no subject '%s'",
                           mtl_excerpt(doc, s->start, s->end, q, sizeof q));
            } else if (!sh.predicate && !sh.quoted && sh.lower &&
                       sh.words <= 15 &&
                       strcmp(mtl_tok_norm(doc, &doc->tokens[sh.first]),
                              "not") != 0) {
                mtl_report(out, s->start, s->end, "sentence has no verb '%s'",
                           mtl_excerpt(doc, s->start, s->end, q, sizeof q));
            }
        }
    }
    return 0;
}

const mtl_rule mtl_rule_fragment = {
    .info = {"fragment",
             "a sentence with no verb or no subject, cut off by translation",
             MTL_WARNING},
    .needs = MTL_NEED_TAGS,
    .check = check,
};
