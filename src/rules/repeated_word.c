/*
 * repeated-word: the same word twice in a row, which translation leaves when
 * two source words map to one English word, or an edit keeps both halves.
 *
 *     "talks with the the foreign ministers"  ->  repeated word 'the'
 *
 * Grammatical doubles are fine: "had had", "that that", "what it is is",
 * a particle and a preposition after a verb ("checked in in minutes"),
 * "gave her her keys", a noun and a modal ("the will will be read"), place
 * and other names ("Walla Walla", "Emperor Duc Duc", "the last LAST
 * festival"), reduplications ("ha ha", "bye bye", "choo choo") and three or
 * more copies ("Compare compare compare").
 */
#include "findings/rule.h"

#include "base/strlist.h"

#include "base/buf.h"
#include "text/tokens.h"
#include "lang/tags.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words English legitimately doubles (reduplication, interjections,
 * intensifiers). Compared with the normal form. */
static const char *const doubled_ok[] = {
    "had", "that", "ha", "haha", "ho", "he", "hee", "bye", "no", "yes",
    "yeah", "oh", "ah", "aha", "bla", "blah", "yada", "knock", "chop", "tut",
    "tsk", "there", "now", "well", "very", "so", "bang", "boom", "bam", "la",
    "tick", "rah", "yum", "hip", "dum", "boo", "cha", "mm", "hmm", "hush",
    "pooh", "night", "go", "far", "many", "more", "again", "round",
    "ding", "dong", "pom", "tom", "woof", "meow", "quack",
    "baa", "moo", "choo", "beep", "honk", "bling", "cuckoo", "ta", "da",
    "tra", "yo", "hey", "bravo", "encore", "wow", "bad", "naughty", "never",
    "little", "long", "slowly", "please", "help", "run", "stop", "wait",
    "come", "hurry", "away", "back", "around", "through", NULL};

/* Particles that a preposition of the same spelling may follow: "checked in
 * in minutes", "turned on on Monday", "gave up up there". */
static const char *const particles[] = {
    "in", "on", "up", "down", "out", "off", "over", "by", NULL};

/* Nouns spelt like modals: "the will will be read", "the can can rust". */
static const char *const modal_nouns[] = {
    "will", "can", "must", "may", NULL};

static const char *const determiners[] = {
    "the", "a", "this", "that", "his", "her", "my", "their", "our", "your",
    "its", "every", "each", NULL};

/* Function words: doubling these is an error even when both are
 * capitalised ("The The"), unlike names such as "Walla Walla". */
static const char *const function_words[] = {
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with",
    "and", "or", "but", "is", "are", "was", "were", "be", "it", "this",
    "as", "from", "we", "i", "you", "he", "she", "they", NULL};

/* Words that make "is is" grammatical when they come shortly before it:
 * "what it is is", "the thing is is" (colloquial but intended). */
static const char *const is_is_triggers[] = {
    "what", "who", "where", "why", "how", "which", "thing", "problem",
    "point", "issue", "question", "fact", "truth", "reason", "trouble",
    "idea", "all", "answer", NULL};

static int is_is_ok(const mtl_doc *doc, size_t first)
{
    size_t words = 0;
    for (size_t i = first; i-- > 0 && words < 8;) {
        const mtl_token *t = &doc->tokens[i];
        char m = mtl_tok_mark(doc, i);
        if (m && strchr(".!?;", m))
            break;
        if (t->kind != MTL_TOK_WORD)
            continue;
        words++;
        if (mtl_in_list(is_is_triggers, mtl_tok_norm(doc, t)))
            return 1;
    }
    return 0;
}

/* Is the pair at word tokens i and j grammatical: a particle and then a
 * preposition after a verb ("checked in in minutes"), "her" the object and
 * then "her" the determiner ("gave her her keys"), a noun and a modal
 * spelt alike ("the will will be read")? */
static int grammatical_double(const mtl_doc *doc, size_t i, const char *w)
{
    size_t p = mtl_doc_skip_space_back(doc, i ? i - 1 : 0);
    if (!i || p == SIZE_MAX || doc->tokens[p].kind != MTL_TOK_WORD)
        return 0;
    int verb_before = mtl_tag_is_verb(mtl_tag_of(doc, p));
    if ((mtl_in_list(particles, w) || strcmp(w, "her") == 0) && verb_before)
        return 1;
    return mtl_in_list(modal_nouns, w) &&
           mtl_in_list(determiners, mtl_tok_norm(doc, &doc->tokens[p]));
}

/* A word in capitals beside the same word not in capitals is a name or an
 * acronym beside the word: "the last LAST festival". */
static int caps_differ(const mtl_token *a, const mtl_token *b)
{
    return ((a->flags ^ b->flags) & MTL_TF_ALLCAPS) != 0;
}

/* A word glued by a hyphen on either side is part of a compound
 * ("bye-bye", "so-and-so"), not a free word. */
static int in_compound(const mtl_doc *doc, size_t i, size_t j)
{
    const mtl_token *a = &doc->tokens[i], *b = &doc->tokens[j];
    return (i > 0 && doc->tokens[i - 1].end == a->start &&
            doc->text[a->start - 1] == '-') ||
           (b->end < doc->len && doc->text[b->end] == '-');
}

static void report(const mtl_doc *doc, mtl_emit *out, size_t i, size_t j)
{
    const mtl_token *a = &doc->tokens[i], *b = &doc->tokens[j];
    char q[64];
    const char *fix = mtl_excerpt(doc, a->start, a->end, q, sizeof q);
    mtl_report_fix(out, a->start, b->end, &fix, 1, "repeated word '%s'", q);
}

static int cmp_norm(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

typedef struct pair {
    size_t i, j;
} pair;

/*
 * Capitalised pairs are names ("Walla Walla") unless the document also
 * uses the word alone ("Gaza ... Gaza Gaza"). They are settled together in
 * one pass over the document, so that many pairs cost linear time.
 * Returns 0, or -1 when out of memory.
 */
static int settle_names(const mtl_doc *doc, mtl_emit *out, const pair *pairs,
                         size_t n)
{
    const char **words = malloc(n * sizeof *words);
    unsigned char *alone = calloc(n, 1);
    int rc = -1;
    if (!words || !alone)
        goto done;
    for (size_t k = 0; k < n; k++)
        words[k] = mtl_tok_norm(doc, &doc->tokens[pairs[k].i]);
    qsort(words, n, sizeof *words, cmp_norm);
    /* One entry per word, so that a word in many pairs is looked up, and
     * marked, in one place. */
    size_t u = 0;
    for (size_t k = 0; k < n; k++)
        if (!u || strcmp(words[u - 1], words[k]) != 0)
            words[u++] = words[k];
    size_t prev = SIZE_MAX; /* the previous word token */
    for (size_t k = 0; k < doc->n_tokens; k++) {
        const mtl_token *t = &doc->tokens[k];
        if (t->kind != MTL_TOK_WORD)
            continue;
        const char *w = mtl_tok_norm(doc, t);
        const char **hit = bsearch(&w, words, u, sizeof *words, cmp_norm);
        if (hit) {
            size_t next = mtl_doc_skip_space(doc, k + 1);
            int prev_same = prev != SIZE_MAX &&
                            strcmp(mtl_tok_norm(doc, &doc->tokens[prev]), w) == 0;
            int next_same = next < doc->n_tokens &&
                            doc->tokens[next].kind == MTL_TOK_WORD &&
                            strcmp(mtl_tok_norm(doc, &doc->tokens[next]), w) == 0;
            if (!prev_same && !next_same)
                alone[hit - words] = 1;
        }
        prev = k;
    }
    for (size_t k = 0; k < n; k++) {
        const char *w = mtl_tok_norm(doc, &doc->tokens[pairs[k].i]);
        const char **hit = bsearch(&w, words, u, sizeof *words, cmp_norm);
        if (hit && alone[hit - words])
            report(doc, out, pairs[k].i, pairs[k].j);
    }
    rc = 0;
done:
    free(words);
    free(alone);
    return rc;
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    pair *names = NULL;
    size_t n_names = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *a = &doc->tokens[i];
        if (a->kind != MTL_TOK_WORD)
            continue;
        /* the next token must be white space (at most one line break) and
         * then the same word */
        size_t j = i + 1;
        int breaks = 0;
        while (j < doc->n_tokens && mtl_tok_is_space(&doc->tokens[j]))
            breaks += doc->tokens[j++].kind == MTL_TOK_NEWLINE;
        if (j == i + 1 || j >= doc->n_tokens || breaks > 1)
            continue;
        const mtl_token *b = &doc->tokens[j];
        if (b->kind != MTL_TOK_WORD || a->norm_len != b->norm_len)
            continue;
        const char *w = mtl_tok_norm(doc, a);
        if (strcmp(w, mtl_tok_norm(doc, b)) != 0 || mtl_in_list(doubled_ok, w) ||
            (strcmp(w, "is") == 0 && is_is_ok(doc, i)) || in_compound(doc, i, j) ||
            caps_differ(a, b) || grammatical_double(doc, i, w))
            continue;
        /* three or more: deliberate ("Compare compare compare") */
        size_t k = mtl_doc_skip_space(doc, j + 1);
        if (k < doc->n_tokens && doc->tokens[k].kind == MTL_TOK_WORD &&
            strcmp(mtl_tok_norm(doc, &doc->tokens[k]), w) == 0) {
            while (k < doc->n_tokens && doc->tokens[k].kind == MTL_TOK_WORD &&
                   strcmp(mtl_tok_norm(doc, &doc->tokens[k]), w) == 0)
                k = mtl_doc_skip_space(doc, k + 1);
            i = k - 1;
            continue;
        }
        if ((a->flags & MTL_TF_CAP) && (b->flags & MTL_TF_CAP) &&
            !mtl_in_list(function_words, w)) {
            /* after a title or a given name: "Emperor Duc Duc" */
            size_t t = i ? mtl_doc_skip_space_back(doc, i - 1) : SIZE_MAX;
            if (t != SIZE_MAX && doc->tokens[t].kind == MTL_TOK_WORD &&
                (doc->tokens[t].flags & MTL_TF_CAP) &&
                !(doc->tokens[t].flags & MTL_TF_SENT_START) &&
                doc->tokens[t].sentence == a->sentence) {
                i = j;
                continue;
            }
            pair p = {i, j};
            if (MTL_PUSH(names, n_names, cap, p) != 0) {
                rc = -1;
                break;
            }
        } else {
            report(doc, out, i, j);
        }
        i = j; /* "the the the" is one finding per pair, not overlapping */
    }
    if (rc == 0 && n_names)
        rc = settle_names(doc, out, names, n_names);
    free(names);
    return rc;
}

const mtl_rule mtl_rule_repeated_word = {
    .info = {"repeated-word", "the same word twice in a row", MTL_WARNING},
    .needs = MTL_NEED_TAGS,
    .check = check,
};
