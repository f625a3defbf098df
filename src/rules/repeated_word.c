/*
 * repeated-word: the same word twice in a row, which translation leaves when
 * two source words map to one English word, or an edit keeps both halves.
 *
 *     "talks with the the foreign ministers"  ->  repeated word 'the'
 *
 * Grammatical doubles are fine: "had had", "that that", "what it is is",
 * place names ("Walla Walla"), reduplications ("ha ha", "bye bye").
 */
#include "findings/rule.h"

#include "base/strlist.h"

#include "base/buf.h"
#include "text/tokens.h"

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
    "pooh", "night", "go", "far", "many", "more", "again", "round", "on",
    "over", "out", "ding", "dong", "pom", "tom", "woof", "meow", "quack",
    "baa", "moo", "choo", "beep", "honk", "bling", "cuckoo", "ta", "da",
    "tra", "yo", "hey", "bravo", "encore", "wow", "bad", "naughty", "never",
    "little", "long", "slowly", "please", "help", "run", "stop", "wait",
    "come", "hurry", "away", "up", "down", "back", "around", "through",
    NULL};

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
            (strcmp(w, "is") == 0 && is_is_ok(doc, i)) || in_compound(doc, i, j))
            continue;
        if ((a->flags & MTL_TF_CAP) && (b->flags & MTL_TF_CAP) &&
            !mtl_in_list(function_words, w)) {
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
    .check = check,
};
