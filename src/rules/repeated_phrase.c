/*
 * repeated-phrase: a phrase written twice in place, which translation leaves
 * when a clause is rendered twice, or when two source synonyms both become
 * the same English phrase joined by a conjunction.
 *
 *     "access to those who need it.” to those who need it.”"
 *         -> repeated phrase 'to those who need it'
 *     "whether a cease-fire or a cease-fire"
 *     "“the day after” as well as the “day after.”"
 *     "voters and voters who", "slow and slow", "compiled or compiled"
 *         -> identical conjuncts of any class, reported the same way
 *
 * Copies are compared word by word on normal forms; quotation marks inside
 * a copy are ignored, since translation moves them. Style, idiom and
 * structure are not reported: comma-separated repeats ("I know, I know"),
 * chains ("more and more and more"), nesting ("pointer to pointer to char"),
 * reduplication ("tick tock tick tock", "more and more", "bigger and
 * bigger", "hours and hours", "waited and waited", "time and time again",
 * "between man and man"), refrains across a sentence end
 * ("It's over. It's over."), three or more copies, tables, lists and code;
 * nor single words, which are repeated-word's job.
 *
 * One rule, one file: its length is the list of those exceptions, each
 * with its reason, which belong next to the matching they refine.
 */
#include "findings/rule.h"

#include "base/buf.h"
#include "base/strlist.h"
#include "lang/tags.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Longest phrase looked for: bounds the work per word, so the rule stays
 * linear in the length of the document. */
enum { MAX_WORDS = 8 };

/* A whole sentence repeated verbatim is an artifact even when capitalised;
 * shorter capitalised repeats across a sentence end are refrains. */
enum { MIN_SENTENCE_WORDS = 6 };

static const char *const prepositions[] = {
    "to", "of", "with", "for", "by", "after", "in", "on", "at", "from",
    "into", "upon", "over", "against", "as", "about", "during", "under",
    "without", "within", "before", "through", NULL};

static const char *const determiners[] = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
    "their", "our", "my", "your", "some", "any", "no", "all", "each", NULL};

/* A subject pronoun starts a clause: "he tried and he tried". */
static const char *const pronouns[] = {
    "i", "you", "he", "she", "it", "we", "they", NULL};

/* "he said he said it": a reported clause, not a seam. */
static const char *const reporting_verbs[] = {
    "said", "says", "say", "think", "thinks", "thought", "believe",
    "believes", "believed", "know", "knows", "knew", "hope", "hopes",
    "hoped", "guess", "feel", "felt", "mean", "meant", "suppose", NULL};

/* "to have to have": the junction is a modal, not a seam. */
static const char *const modal_pairs[][2] = {
    {"have", "to"}, {"has", "to"}, {"had", "to"}, {"having", "to"},
    {"used", "to"}, {"ought", "to"}, {"got", "to"}, {"going", "to"},
    {"need", "to"}, {"needs", "to"}, {"want", "to"}, {"wants", "to"}};

/* The spans reported so far: the immediate copies (in text order), then
 * the conjuncts (in text order). One repetition is one finding, however
 * many ways it matches. */
typedef struct reported {
    mtl_span *span;
    size_t n, cap, n_immediate;
    int failed;
} reported;

/* The words of the document in order, as token indices. */
typedef struct words {
    const mtl_doc *doc;
    uint32_t *tok; /* token indices: 4 bytes, as in the word table */
    size_t n;
    reported *done;
} words;

/* Does [start, end) overlap a span already reported? */
static int overlaps_reported(const words *w, size_t start, size_t end)
{
    const reported *r = w->done;
    size_t lo = 0, hi = r->n_immediate;
    while (lo < hi) { /* the first immediate span ending after start */
        size_t mid = lo + (hi - lo) / 2;
        if (r->span[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->n_immediate && r->span[lo].start < end)
        return 1;
    /* conjunct spans start at most MAX_WORDS words apart: the last few */
    for (size_t k = r->n; k > r->n_immediate && k + 4 > r->n; k--)
        if (r->span[k - 1].start < end && start < r->span[k - 1].end)
            return 1;
    return 0;
}

static const mtl_token *word(const words *w, size_t k)
{
    return &w->doc->tokens[w->tok[k]];
}

static const char *norm(const words *w, size_t k)
{
    return mtl_tok_norm(w->doc, word(w, k));
}

static int same_token(const mtl_doc *doc, const mtl_token *a, const mtl_token *b)
{
    return a->kind == b->kind && a->norm_len == b->norm_len &&
           memcmp(mtl_tok_norm(doc, a), mtl_tok_norm(doc, b), a->norm_len) == 0;
}

/* Case counts except at a sentence start: "Makefile and makefile", "Xfree
 * rather than XFree" are two things. */
static int same_word(const words *w, size_t i, size_t j)
{
    const mtl_doc *doc = w->doc;
    const mtl_token *a = word(w, i), *b = word(w, j);
    if (!same_token(doc, a, b))
        return 0;
    if ((a->flags | b->flags) & MTL_TF_SENT_START)
        return 1;
    if (a->end - a->start == b->end - b->start)
        return memcmp(doc->text + a->start, doc->text + b->start,
                      a->end - a->start) == 0;
    unsigned cases = MTL_TF_CAP | MTL_TF_ALLCAPS;
    return (a->flags & cases) == (b->flags & cases);
}

static size_t block_of(const words *w, size_t k)
{
    return w->doc->sentences[word(w, k)->sentence].block;
}

static int is_punct(const mtl_doc *doc, const mtl_token *t, const char *set)
{
    return t->kind == MTL_TOK_PUNCT && strchr(set, doc->text[t->start]) != NULL;
}

static int is_quote(const mtl_token *t)
{
    return t->kind == MTL_TOK_QUOTE;
}

/* Do the gaps after words i and j hold the same marks? White space and
 * quotation marks do not count. */
static int same_gap(const words *w, size_t i, size_t j)
{
    const mtl_doc *doc = w->doc;
    size_t a = w->tok[i] + 1, a_end = w->tok[i + 1];
    size_t b = w->tok[j] + 1, b_end = w->tok[j + 1];
    for (;;) {
        while (a < a_end && (mtl_tok_is_space(&doc->tokens[a]) ||
                             is_quote(&doc->tokens[a])))
            a++;
        while (b < b_end && (mtl_tok_is_space(&doc->tokens[b]) ||
                             is_quote(&doc->tokens[b])))
            b++;
        if (a == a_end || b == b_end)
            return a == a_end && b == b_end;
        if (!same_token(doc, &doc->tokens[a], &doc->tokens[b]))
            return 0;
        a++, b++;
    }
}

/* The marks a gap may hold besides white space. */
enum { GAP_QUOTES = 1, GAP_COMMAS = 2 };

/* The commas in the gap after word k, or -1 if it holds anything but white
 * space and the marks allowed. */
static int gap_commas(const words *w, size_t k, int allow)
{
    int commas = 0;
    for (size_t t = w->tok[k] + 1; t < w->tok[k + 1]; t++) {
        const mtl_token *x = &w->doc->tokens[t];
        if ((allow & GAP_COMMAS) && is_punct(w->doc, x, ","))
            commas++;
        else if (!mtl_tok_is_space(x) && !((allow & GAP_QUOTES) && is_quote(x)))
            return -1;
    }
    return commas;
}

/* Only white space and quotation marks after word k? */
static int gap_is_quotes(const words *w, size_t k)
{
    return gap_commas(w, k, GAP_QUOTES) == 0;
}

/* The gap after word k is one comma and white space: "the footsteps, or
 * the footsteps" joins its conjuncts as surely as without the comma. */
static int gap_is_comma(const words *w, size_t k)
{
    return gap_commas(w, k, GAP_COMMAS) == 1;
}

static int gap_has(const words *w, size_t k, const char *set)
{
    for (size_t t = w->tok[k] + 1; t < w->tok[k + 1]; t++)
        if (is_punct(w->doc, &w->doc->tokens[t], set))
            return 1;
    return 0;
}

static int gap_has_newline(const words *w, size_t k)
{
    for (size_t t = w->tok[k] + 1; t < w->tok[k + 1]; t++)
        if (w->doc->tokens[t].kind == MTL_TOK_NEWLINE)
            return 1;
    return 0;
}

/* Words [a, a + p) equal words [b, b + p), with equal gaps inside. */
static int same_copy(const words *w, size_t a, size_t b, size_t p)
{
    for (size_t j = 0; j < p; j++)
        if (!same_word(w, a + j, b + j))
            return 0;
    for (size_t j = 0; j + 1 < p; j++)
        if (!same_gap(w, a + j, b + j))
            return 0;
    return 1;
}

/* Is the text between words a and b prose, not code, a table or a quoted
 * character? Paths, options, box drawing and column spacing repeat by
 * design ("man2/_exit.2", "see major-opcode  major-opcode"). */
static int is_prose(const words *w, size_t a, size_t b)
{
    const mtl_doc *doc = w->doc;
    for (size_t t = w->tok[a] + 1; t < w->tok[b]; t++) {
        const mtl_token *x = &doc->tokens[t];
        const mtl_token *prev = &doc->tokens[t - 1];
        const mtl_token *next = t + 1 < doc->n_tokens ? &doc->tokens[t + 1] : NULL;
        if (x->kind == MTL_TOK_URL || is_punct(doc, x, "/_<>@=|\\{}[]#*~^+`"))
            return 0;
        if (x->kind == MTL_TOK_PUNCT && (unsigned char)mtl_tok_norm(doc, x)[0] >= 0x80)
            return 0; /* box drawing, bullets, an ellipsis */
        if (next && is_punct(doc, x, ".-") && is_punct(doc, next, ".-"))
            return 0; /* "...", "--option" */
        if (is_quote(x) && mtl_tok_is_space(prev) && (!next || mtl_tok_is_space(next)))
            return 0; /* a quotation mark named, not used: `with " or with '` */
        if (x->kind == MTL_TOK_SPACE) {
            size_t len = x->end - x->start;
            if (len >= 3 || memchr(doc->text + x->start, '\t', len) ||
                (len == 2 && !is_punct(doc, prev, ".!?:;") && !is_quote(prev)))
                return 0;
        }
        if (x->kind == MTL_TOK_NEWLINE && next && next->kind == MTL_TOK_SPACE)
            return 0; /* an indented continuation line */
        if (is_punct(doc, x, "-") && mtl_tok_is_space(prev) && next &&
            next->start == x->end && mtl_tok_is_wordlike(next))
            return 0; /* an option: "col -bx" */
    }
    /* identifiers and symbols: "u0c9a u0ccd", "{ a b a b }" */
    int letters = 0;
    for (size_t k = a; k <= b; k++) {
        const char *s = norm(w, k);
        if (word(w, k)->kind == MTL_TOK_WORD && strpbrk(s, "0123456789"))
            return 0;
        letters |= word(w, k)->norm_len > 1;
    }
    return letters;
}

/* Is word k glued to a longer token before (side < 0) or after it? Then it
 * is part of a compound, a path or a name: "2014-2015", "/bin/uname",
 * "GTK+", "HTTP/2", "link.2". */
static int in_compound(const words *w, size_t k, int side)
{
    const mtl_doc *doc = w->doc;
    size_t t = w->tok[k];
    if (side < 0) {
        if (t == 0 || doc->tokens[t - 1].end != doc->tokens[t].start)
            return 0;
        const mtl_token *p = &doc->tokens[t - 1];
        return is_punct(doc, p, "-/_@\\+.:");
    }
    if (t + 1 >= doc->n_tokens || doc->tokens[t + 1].start != doc->tokens[t].end)
        return 0;
    const mtl_token *n = &doc->tokens[t + 1];
    if (is_punct(doc, n, "-/_@\\+"))
        return 1;
    if (!is_punct(doc, n, ".:") || t + 2 >= doc->n_tokens)
        return 0;
    const mtl_token *after = &doc->tokens[t + 2];
    return after->start == n->end && (mtl_tok_is_wordlike(after) || is_punct(doc, after, ".:"));
}

/* Does word k begin its line (only white space before it)? */
static int starts_line(const words *w, size_t k)
{
    size_t t = w->tok[k];
    while (t > 0 && w->doc->tokens[t - 1].kind == MTL_TOK_SPACE)
        t--;
    return t == 0 || w->doc->tokens[t - 1].kind == MTL_TOK_NEWLINE;
}

static int all_numbers(const words *w, size_t a, size_t p)
{
    for (size_t j = 0; j < p; j++)
        if (word(w, a + j)->kind != MTL_TOK_NUMBER)
            return 0;
    return 1;
}

/* Names are capitalised throughout: "New York New York" (the hotel). */
static int all_capitalised(const words *w, size_t a, size_t p)
{
    for (size_t j = 0; j < p; j++)
        if (!(word(w, a + j)->flags & MTL_TF_CAP))
            return 0;
    return 1;
}

/* Does the run of 2p words at a repeat with a shorter period? Then it is a
 * shorter unit repeated ("ha ha ha ha"), found or excused at that length. */
static int has_shorter_period(const words *w, size_t a, size_t p)
{
    for (size_t q = 1; q < p; q++) {
        size_t k = a;
        while (k + q < a + 2 * p && same_word(w, k, k + q))
            k++;
        if (k + q == a + 2 * p)
            return 1;
    }
    return 0;
}

/* Does the repetition at a run on beyond its two copies? Part of a third
 * copy is a chain ("more and more and more", "day after day after day") or
 * nesting ("the file with the file with the same name"); three copies are a
 * refrain or data ("And again. And again. And again."). */
static int runs_on(const words *w, size_t a, size_t p)
{
    /* a phrase of three words or more runs on by two ("the Germans sent a
     * force the Germans sent a force, the Legion" is two copies), unless it
     * has a preposition, which nests: "the file with the file with the same
     * name", whichever way the copies are cut */
    int nests = 0;
    for (size_t j = a; j < a + p; j++)
        nests |= mtl_in_list(prepositions, norm(w, j));
    size_t need = p >= 3 && !nests ? 2 : 1, block = block_of(w, a);
    size_t left = 0, right = 0;
    while (left < need && a > left && block_of(w, a - 1 - left) == block &&
           same_word(w, a - 1 - left, a - 1 - left + p))
        left++;
    while (right < need && a + 2 * p + right < w->n &&
           block_of(w, a + 2 * p + right) == block &&
           same_word(w, a + p + right, a + 2 * p + right))
        right++;
    return left == need || right == need;
}

/* Ablaut reduplication: "tick tock", "ding dong", "zig zag" differ in one
 * vowel. */
static int is_ablaut_pair(const words *w, size_t i)
{
    const mtl_token *x = word(w, i), *y = word(w, i + 1);
    if (x->norm_len != y->norm_len || x->norm_len < 2)
        return 0;
    const char *s = norm(w, i), *t = norm(w, i + 1);
    size_t diff = 0, at = 0;
    for (size_t k = 0; k < x->norm_len; k++)
        if (s[k] != t[k])
            diff++, at = k;
    return diff == 1 && strchr("aeiou", s[at]) && strchr("aeiou", t[at]);
}

/* Grammatical structures whose words repeat: "pointer to pointer to char",
 * "kinds of ranges of ranges", "to have to have", "he said he said it". */
static int is_nesting(const words *w, size_t a, size_t p)
{
    size_t b = a + p;
    /* A bare or indefinite noun and its preposition chain ("pointer to
     * pointer to", "a friend of a friend of"); a longer phrase, or one with
     * "the", is a copy ("the help of the help of"). */
    int indefinite = strcmp(norm(w, a), "a") == 0 || strcmp(norm(w, a), "an") == 0;
    if (mtl_in_list(prepositions, norm(w, b - 1)) && !mtl_in_list(prepositions, norm(w, a)) &&
        (p == 2 || (p == 3 && indefinite)))
        return 1;
    if (p == 2 && (strcmp(norm(w, a), "of") == 0 || strcmp(norm(w, a), "to") == 0) &&
        !mtl_in_list(determiners, norm(w, a + 1)))
        return 1;
    if (mtl_in_list(pronouns, norm(w, a)) && mtl_in_list(reporting_verbs, norm(w, b - 1)))
        return 1;
    for (size_t i = 0; i < sizeof modal_pairs / sizeof *modal_pairs; i++)
        if (strcmp(norm(w, b - 1), modal_pairs[i][0]) == 0 &&
            strcmp(norm(w, b), modal_pairs[i][1]) == 0)
            return 1;
    return 0;
}

/* Reports [start, end) quoting the copy [copy_start, copy_end), said
 * `times` times in a loop (0: twice); the fix is two pieces of the text
 * joined. */
static void report(mtl_emit *out, const words *w, size_t copy_start,
                   size_t copy_end, size_t start, size_t end, size_t fix1,
                   size_t fix1_end, size_t fix2, size_t fix2_end, size_t times)
{
    if (overlaps_reported(w, start, end))
        return;
    mtl_span sp = {(uint32_t)start, (uint32_t)end};
    if (MTL_PUSH(w->done->span, w->done->n, w->done->cap, sp) != 0) {
        w->done->failed = 1;
        return;
    }
    size_t n1 = fix1_end - fix1, n2 = fix2_end - fix2;
    char *fix = malloc(n1 + n2 + 1);
    if (!fix) {
        w->done->failed = 1;
        return;
    }
    memcpy(fix, w->doc->text + fix1, n1);
    memcpy(fix + n1, w->doc->text + fix2, n2);
    fix[n1 + n2] = '\0';
    char q[96];
    mtl_excerpt(w->doc, copy_start, copy_end, q, sizeof q);
    const char *fixes[1] = {fix};
    if (times)
        mtl_report_fix(out, start, end, fixes, 1, "phrase '%s' repeated %zu times",
                       q, times);
    else
        mtl_report_fix(out, start, end, fixes, 1, "repeated phrase '%s'", q);
    free(fix);
}

/*
 * The phrase of p words at a, then the same p words again. Between the
 * copies only white space, or the marks that also end the second copy
 * ("it.” to those who need it.”"). Returns 1 if reported.
 */
static int doubled_with_and(const words *w, size_t a);

/* Possessive determiners, which the tagger calls pronouns. */
static const char *const possessives[] = {"my", "your", "his", "her", "its",
                                          "our", "their", NULL};

static const char *const making[] = {"make", "makes", "made", "making", NULL};
static const char *const joining[] = {"and", "or", NULL};

/* "what makes an oak an oak", "make a woman a woman or a man a man": a
 * thing made what it is, the object and its complement alike. */
static int made_what_it_is(const words *w, size_t a, size_t p)
{
    if (a > 0 && mtl_in_list(making, norm(w, a - 1)))
        return 1;
    /* the second of two such pairs, after "or" or "and" */
    if (a < 2 * p + 2 || !mtl_in_list(joining, norm(w, a - 1)))
        return 0;
    size_t b = a - 1 - 2 * p;
    return same_copy(w, b, b + p, p) && mtl_in_list(making, norm(w, b - 1));
}

static int check_immediate(const words *w, size_t a, size_t p, mtl_emit *out)
{
    const mtl_doc *doc = w->doc;
    size_t b = a + p;
    if (!same_copy(w, a, b, p))
        return 0;

    /* The junction: marks glued to the end of the first copy (the tail),
     * then white space. An opening quote there makes the second copy a
     * mention of the first ("Invalid value 'Invalid value'"). */
    size_t g = w->tok[b - 1] + 1, g_end = w->tok[b];
    size_t tail = 0;
    int full_stop = 0, other_stop = 0;
    while (g + tail < g_end && !mtl_tok_is_space(&doc->tokens[g + tail])) {
        const mtl_token *t = &doc->tokens[g + tail];
        if (is_punct(doc, t, "."))
            full_stop = 1;
        else if (is_punct(doc, t, "!?"))
            other_stop = 1;
        else if (!is_quote(t))
            return 0; /* a comma, dash or colon: a style choice */
        tail++;
    }
    for (size_t t = g + tail; t < g_end; t++)
        if (!mtl_tok_is_space(&doc->tokens[t]))
            return 0;

    /* The second copy must end with the same marks as the first. */
    size_t last = w->tok[b + p - 1];
    for (size_t k = 0; k < tail; k++)
        if (last + 1 + k >= doc->n_tokens ||
            !same_token(doc, &doc->tokens[g + k], &doc->tokens[last + 1 + k]))
            return 0;

    if (all_numbers(w, a, p) || has_shorter_period(w, a, p) || runs_on(w, a, p) ||
        !is_prose(w, a, b + p - 1) || in_compound(w, a, -1) ||
        in_compound(w, b + p - 1, 1) || is_nesting(w, a, p))
        return 0;
    if (p == 2 && is_ablaut_pair(w, a))
        return 0;
    /* "and people and people" is the conjuncts "people and people" after a
     * conjunction: judged as conjuncts */
    if (p == 2 && (strcmp(norm(w, a), "and") == 0 || strcmp(norm(w, a), "or") == 0))
        return 0;
    /* "round and round and up and down": the idiom "round and round"
     * with the next conjunction, not "round and" twice */
    if (p == 2 && strcmp(norm(w, a + 1), "and") == 0 && doubled_with_and(w, a))
        return 0;
    if (p == 2 && !tail && all_capitalised(w, a, 2 * p))
        return 0;
    if (!tail && made_what_it_is(w, a, p))
        return 0;

    /* Sentence ends inside the copies, and whether what follows them is
     * capitalised (a new sentence) or not (a seam). */
    int capital = 0, comma = 0;
    for (size_t j = a; j < b + p - 1; j++) {
        int stop = gap_has(w, j, ".!?");
        if (j != b - 1) {
            full_stop |= gap_has(w, j, ".");
            other_stop |= gap_has(w, j, "!?");
            comma |= gap_has(w, j, ",;");
        }
        if (stop && (word(w, j + 1)->flags & MTL_TF_CAP))
            capital = 1;
        if (j < b - 1 && gap_has_newline(w, j) && gap_has_newline(w, j + p))
            return 0; /* the same line break in both: parallel lines */
    }
    int newline = gap_has_newline(w, b - 1);
    if (newline && starts_line(w, a))
        return 0; /* parallel lines: a list, a table, verse */
    if (newline && (word(w, b)->flags & MTL_TF_CAP))
        capital = 1;
    /* A comma inside a copy: list items ("dot above, dieresis above,
     * dieresis below"), unless whole sentences repeat. */
    if (comma && !full_stop)
        return 0;
    /* Across a sentence end, a short repeat is a refrain; a lower-case
     * second copy after a full stop is not. */
    if (p < MIN_SENTENCE_WORDS && (other_stop || capital))
        return 0;

    const mtl_token *first = word(w, a);
    size_t end = doc->tokens[last + tail].end;
    size_t copy_end = doc->tokens[g - 1 + tail].end;
    report(out, w, first->start, word(w, b - 1)->end, first->start, end,
                  first->start, copy_end, 0, 0, 0);
    return 1;
}

/* Connectors between identical conjuncts, as words. */
typedef struct connector {
    const char *words[3];
    size_t n;
} connector;

enum { CONN_OR, CONN_AND, CONN_AS_WELL_AS, CONN_RATHER_THAN, N_CONN };

static const connector connectors[N_CONN] = {
    [CONN_OR] = {{"or"}, 1},
    [CONN_AND] = {{"and"}, 1},
    [CONN_AS_WELL_AS] = {{"as", "well", "as"}, 3},
    [CONN_RATHER_THAN] = {{"rather", "than"}, 2},
};

/* "this or this", "here or here": pointing, not a translation artifact. */
static const char *const deictic[] = {
    "this", "that", "these", "those", "here", "there", "one", "him", "her",
    "them", "you", "now", "then", NULL};

/* Words that may follow a whole second conjunct: a conjunction, a
 * relative, an auxiliary or a preposition ("voters and voters who",
 * "removed or removed from"). Not "of", which continues a noun ("peace as
 * well as peace of mind" is two things), nor a noun ("hair follicle and
 * hair follicle appendages"). */
static const char *const clause_words[] = {
    "unless", "until", "because", "while", "whereas", "if", "but",
    "although", "though", "nor", "and", "or", "which", "who", "whom",
    "whose", "that", "as", "than", "so", "then", "in", "on", "at", "with",
    "without", "during", "after", "before", "since", "from", "for", "under",
    "over", "through", "throughout", "across", "near", "despite", "among",
    "between", "within", "outside", "inside", "around", "by", "via",
    "toward", "towards", "against", "beyond", "behind", "along", "above",
    "below", "amid", "into", "onto", "upon", "about", "like", "to", NULL};

/* Auxiliaries: after a second conjunct they make the pair a subject
 * ("voters and voters were"), unless the first conjunct is an object, and
 * the second starts a clause ("called the minister and the minister was"). */
static const char *const auxiliaries[] = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "shall", "do", "does", "did",
    NULL};

/* Single words that English doubles with "and" on purpose: "more and
 * more", "over and over", "on and on", "through and through". */
static const char *const and_idioms[] = {
    "more", "less", "fewer", "better", "worse", "further", "farther",
    "over", "again", "round", "around", "through", "out", "ever", "neck",
    "such", "back", "forth", "along", "down", "away", "off", NULL};

/* Plurals of amount that "and" doubles for emphasis: "hours and hours",
 * "thousands and thousands". */
static const char *const amount_plurals[] = {
    "hours", "days", "weeks", "months", "years", "decades", "ages",
    "centuries", "minutes", "miles", "acres", "yards", "pages", "rows",
    "piles", "heaps", "loads", "lots", "tons", "thousands", "millions",
    "billions", "hundreds", "dozens", "scores", "layers", "reams", "times",
    NULL};

/* Verbs of ongoing activity that "and" doubles ("he waited and waited",
 * "they talked and talked"), as stems (mtl_in_list_inflected). */
static const char *const durative_stems[] = {
    "try", "wait", "talk", "walk", "look", "search", "run", "cry", "weep",
    "laugh", "dig", "push", "pull", "work", "climb", "fall", "wander",
    "argue", "fight", "pray", "beg", "knock", "grow", "think", "wonder",
    "keep", "go", "rain", "spin", "turn", "drive", "ride", "swim", "fly",
    "sing", "dance", "play", "write", "read", "eat", "drink", "sleep",
    "shake", "pound", "scream", "shout", "yell", "plead", "struggle",
    "stare", "listen", "roll", "twist", "circle", "rise", "sink", "stretch",
    "drift", "spread", "build", "pile", "repeat", "chat", "hunt", "chase",
    "fail", "practise", "practice", "study", "tumble", "scratch", "rub",
    "hammer", "wail", "sob", "cough", "shiver", "tremble", "swing", "sway",
    "bleed", "ache", "burn", "pour", "boil", "churn", "whirl", "grind",
    NULL};

/* Past forms of those verbs that no suffix rule reaches. */
static const char *const durative_irregular[] = {
    "ran", "fell", "fought", "grew", "thought", "kept", "went", "gone",
    "spun", "drove", "driven", "rode", "ridden", "swam", "flew", "flown",
    "sang", "wrote", "written", "ate", "eaten", "drank", "slept", "shook",
    "rose", "risen", "sank", "dug", "wept", "built", "swung", "bled",
    "ground", "spread", "read", NULL};

/* Is the single word at a one that "X and X" doubles on purpose: an idiom,
 * a comparative ("bigger and bigger"), a plural of amount, an activity
 * verb, "time and time again", or a pair after "between" ("between man
 * and man")? */
/* Is word a one that English doubles with "and" whatever surrounds it:
 * "more and more", "hours and hours", "bigger and bigger"? */
static int doubled_with_and(const words *w, size_t a)
{
    const char *x = norm(w, a);
    size_t n = strlen(x);
    if (mtl_in_list(and_idioms, x) || mtl_in_list(amount_plurals, x) ||
        mtl_in_list_inflected(durative_stems, x) || mtl_in_list(durative_irregular, x))
        return 1;
    /* a comparative: "bigger and bigger", and "louder and louder", which
     * the tagger's lexicon lacks (a noun in -er common enough to double is
     * in it; a name is not: "the townships of Jasper and Jasper") */
    int tag = mtl_tag_of(w->doc, w->tok[a]);
    return n > 3 && strcmp(x + n - 2, "er") == 0 &&
           (tag == MTL_TAG_ADJ || tag == MTL_TAG_ADV ||
            (!mtl_tag_known(w->doc, w->tok[a]) && !(word(w, a)->flags & MTL_TF_CAP)));
}

static int intended_and_pair(const words *w, size_t a, size_t c2)
{
    const char *x = norm(w, a);
    if (doubled_with_and(w, a))
        return 1;
    if (strcmp(x, "time") == 0 && c2 + 1 < w->n && strcmp(norm(w, c2 + 1), "again") == 0)
        return 1;
    /* "between man and man, and people and people" */
    for (size_t k = a, seen = 0; k-- > 0 && seen < 6; seen++) {
        if (word(w, k)->sentence != word(w, a)->sentence)
            break;
        if (strcmp(norm(w, k), "between") == 0)
            return 1;
    }
    return 0;
}

/* The connector starting at word c, or N_CONN. */
static int match_connector(const words *w, size_t c)
{
    for (int i = 0; i < N_CONN; i++) {
        const connector *k = &connectors[i];
        if (c + k->n > w->n)
            continue;
        size_t j = 0;
        while (j < k->n && strcmp(norm(w, c + j), k->words[j]) == 0 &&
               (j == 0 || gap_is_quotes(w, c + j - 1)))
            j++;
        if (j == k->n)
            return i;
    }
    return N_CONN;
}

/* May the second conjunct, ending at word k, end there? After it comes the
 * end of the sentence, a closing mark, or a word that starts a clause. */
static int conjunct_ends(const words *w, size_t a, size_t k)
{
    const mtl_doc *doc = w->doc;
    const mtl_token *last = word(w, k);
    size_t t = mtl_doc_skip_space(doc, w->tok[k] + 1);
    if (t >= doc->n_tokens || doc->tokens[t].sentence != last->sentence)
        return 1;
    const mtl_token *x = &doc->tokens[t];
    int glued = x->start == last->end;
    if (is_quote(x))
        return glued; /* a closing quote, not the opening of another */
    if (x->kind == MTL_TOK_PUNCT) {
        if (glued) {
            /* not a name that goes on: "Release.gpg" */
            if (is_punct(doc, x, ".:") && t + 1 < doc->n_tokens &&
                doc->tokens[t + 1].start == x->end &&
                mtl_tok_is_wordlike(&doc->tokens[t + 1]))
                return 0;
            return is_punct(doc, x, ".!?;:),");
        }
        /* a bracket opening an aside: "characters and characters (and" */
        if (is_punct(doc, x, "(["))
            return t + 1 < doc->n_tokens && doc->tokens[t + 1].start == x->end;
        /* a dash, but not an option: "git rebase -i" */
        return strcmp(mtl_tok_norm(doc, x), "-") == 0 && t + 1 < doc->n_tokens &&
               mtl_tok_is_space(&doc->tokens[t + 1]);
    }
    if (!mtl_tok_is_wordlike(x))
        return 0;
    if (mtl_in_list(clause_words, mtl_tok_norm(doc, x)))
        return 1;
    /* verbs sharing their object: "was underlined and underlined the
     * continuation" */
    if (mtl_tag_is_verb(mtl_tag_of(doc, w->tok[k])) && mtl_tag_of(doc, t) == MTL_TAG_DET)
        return 1;
    /* a verb: "universities and universities closed", if the pair can be
     * its subject (no verb just before the first conjunct) */
    int tag = mtl_tag_of(doc, t);
    int verb = mtl_in_list(auxiliaries, mtl_tok_norm(doc, x)) ||
               (tag != MTL_TAG_NONE && mtl_tag_is_finite(tag));
    if (!verb)
        return 0;
    for (size_t j = a; j-- > 0;) {
        if (word(w, j)->sentence != word(w, a)->sentence || gap_has(w, j, ",;:"))
            return 1;
        /* after a verb the first conjunct is its object and the second
         * the subject of a clause of its own: "the prince was now the
         * cobbler and the cobbler was now the prince" */
        int tj = mtl_tag_of(doc, w->tok[j]);
        if (mtl_tag_is_verb(tj) || mtl_tag_is_aux(tj) || tj == MTL_TAG_ADP)
            return tj == MTL_TAG_ADP ? 1 : 0;
        if (tj == MTL_TAG_ADV)
            continue;
        if (tj != MTL_TAG_DET && tj != MTL_TAG_ADJ && tj != MTL_TAG_NUM &&
            !mtl_in_list(possessives, norm(w, j)))
            return 1;
    }
    return 1;
}

/* Are the quotation marks of the span one kind, and do the conjuncts not
 * cut a quotation in two ("'unsigned long' rather than 'long'")? */
static int quotes_align(const words *w, size_t a, size_t c, size_t c2, size_t p)
{
    const mtl_doc *doc = w->doc;
    size_t t0 = w->tok[a] > 0 ? w->tok[a] - 1 : 0;
    size_t t1 = w->tok[c2 + p - 1] + 3; /* and its closing marks: .” */
    if (t1 > doc->n_tokens)
        t1 = doc->n_tokens;
    char kind = 0;
    for (size_t t = t0; t < t1; t++) {
        const mtl_token *x = &doc->tokens[t];
        if (!is_quote(x))
            continue;
        char k = mtl_tok_norm(doc, x)[0];
        if (kind && k != kind)
            return 0;
        kind = k;
    }
    /* a quote closing after the first conjunct opened at or inside it */
    int closes = 0;
    for (size_t t = w->tok[c - 1] + 1; t < w->tok[c]; t++)
        closes |= is_quote(&doc->tokens[t]);
    if (closes) {
        int opened = 0;
        for (size_t t = w->tok[a] - (w->tok[a] > 0); t < w->tok[c - 1]; t++)
            opened |= is_quote(&doc->tokens[t]);
        if (!opened)
            return 0;
    }
    /* a quote opening before the second conjunct closes at or inside it */
    int opens = 0;
    for (size_t t = w->tok[c2 - 1] + 1; t < w->tok[c2]; t++)
        opens |= is_quote(&doc->tokens[t]);
    if (opens) {
        int closed = 0;
        for (size_t t = w->tok[c2] + 1; t < t1; t++)
            closed |= is_quote(&doc->tokens[t]);
        if (!closed)
            return 0;
    }
    return 1;
}

/* Quotation marks in tokens [t0, t1) that do not pair up. */
static int quotes_unbalanced(const mtl_doc *doc, size_t t0, size_t t1)
{
    int open = 0, close = 0, straight = 0;
    for (size_t t = t0; t < t1; t++) {
        const mtl_token *x = &doc->tokens[t];
        if (!is_quote(x))
            continue;
        const unsigned char *s = (const unsigned char *)doc->text + x->start;
        if (s[0] == '"' || s[0] == '\'')
            straight++;
        else if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x98))
            open++;
        else
            close++;
    }
    return open != close || straight % 2;
}

/*
 * Identical conjuncts: the p words before the connector at word c equal the
 * p words after it (at c2). Returns 1 if reported.
 */
static int check_conjuncts(const words *w, size_t c, size_t c2, int conn,
                           size_t p, mtl_emit *out)
{
    const mtl_doc *doc = w->doc;
    size_t a = c - p;
    if (!same_copy(w, a, c2, p) || all_numbers(w, a, p) ||
        !is_prose(w, a, c2 + p - 1) || in_compound(w, a, -1) ||
        in_compound(w, c2 + p - 1, 1) || !conjunct_ends(w, a, c2 + p - 1) ||
        !quotes_align(w, a, c, c2, p))
        return 0;
    /* After a comma the pair must close its clause and not end a list:
     * "the goose, and the goose came from ...", "proposed standard, draft
     * standard, or standard" are a chain and a list */
    if (!gap_is_quotes(w, c - 1)) {
        size_t last = w->tok[c2 + p - 1];
        size_t nx = mtl_doc_skip_space(doc, last + 1);
        if (nx < doc->n_tokens && !is_punct(doc, &doc->tokens[nx], ".;:!?)"))
            return 0;
        /* a comma in the four gaps before it: a list */
        for (size_t k = a; k > 0 && a - k < 4; k--)
            if (block_of(w, k - 1) == block_of(w, a) && gap_has(w, k - 1, ","))
                return 0;
    }
    /* "either", "whether" and "both" make the coordination explicit */
    int marked = 0;
    if (a > 0 && block_of(w, a - 1) == block_of(w, a)) {
        const char *before = norm(w, a - 1);
        marked = (conn == CONN_OR && (strcmp(before, "either") == 0 ||
                                      strcmp(before, "whether") == 0)) ||
                 (conn == CONN_AND && strcmp(before, "both") == 0);
    }
    if (p == 1 && (word(w, a)->norm_len < 3 || mtl_in_list(deictic, norm(w, a))))
        return 0;
    /* Two noun phrases on one noun: a modifier before the first, a
     * restrictive phrase after the second ("low-income seniors or seniors
     * with disabilities", "service contracts or contracts that exceed").
     * Without the modifier it is the doubling of MT ("reached voters and
     * voters who"), and so it is with another phrase after ("my own
     * ability and ability as a negotiator", "circumstantial towns and
     * towns would", in MLQE-PE). */
    if (p == 1 && a > 0 && block_of(w, a - 1) == block_of(w, a) &&
        !gap_has(w, a - 1, ",;:()")) {
        int tb = mtl_tag_of(doc, w->tok[a - 1]);
        size_t after = c2 + 1;
        int follows = after < w->n && block_of(w, after) == block_of(w, a) &&
                      !gap_has(w, c2, ",;:.!?()");
        static const char *const restrictive[] = {
            "with", "without", "that", "who", "which", "whose", NULL};
        if (follows && (tb == MTL_TAG_ADJ || tb == MTL_TAG_NOUN) &&
            !mtl_in_list(determiners, norm(w, a - 1)) &&
            mtl_in_list(restrictive, norm(w, after)))
            return 0;
    }
    /* Steps of a scale and a chiasmus: "to" before the first copy and
     * after the second ("from good to better or better to best"), or the
     * same preposition and the same word around them ("spoken language
     * into sign language and sign language into spoken language"); with
     * other words around, the same preposition is MT's or a typist's
     * doubling ("with friends as well as friends with recording") */
    if (a > 0 && c2 + p < w->n && block_of(w, a - 1) == block_of(w, a) &&
        block_of(w, c2 + p) == block_of(w, a) && !gap_has(w, a - 1, ",;:()") &&
        !gap_has(w, c2 + p - 1, ",;:.!?()") &&
        mtl_in_list(prepositions, norm(w, a - 1)) &&
        strcmp(norm(w, a - 1), norm(w, c2 + p)) == 0) {
        if (p == 1 && strcmp(norm(w, a - 1), "to") == 0)
            return 0;
        for (size_t k = c2 + p + 1; a > 1 && k < w->n && k <= c2 + p + 3; k++)
            if (block_of(w, a - 2) == block_of(w, a) &&
                block_of(w, k) == block_of(w, a) &&
                strcmp(norm(w, a - 2), norm(w, k)) == 0)
                return 0;
    }
    /* "more and more", "hours and hours", "he tried and he tried" */
    if (conn == CONN_AND && p == 1 && !marked && intended_and_pair(w, a, c2))
        return 0;
    if ((conn == CONN_AND || conn == CONN_OR) && !marked &&
        mtl_in_list(pronouns, norm(w, a)))
        return 0;

    /* The span runs from an opening quote glued to the first conjunct to the
     * quote that closes the second ("“the day after” ... the “day after.”"). */
    size_t t0 = w->tok[a], t1 = w->tok[c2 + p - 1] + 1;
    if (t0 > 0 && is_quote(&doc->tokens[t0 - 1]) &&
        doc->tokens[t0 - 1].end == doc->tokens[t0].start)
        t0--;
    size_t right_end = doc->tokens[t1 - 1].end, end = right_end;
    if (quotes_unbalanced(doc, t0, t1)) {
        size_t t = t1;
        while (t < doc->n_tokens && doc->tokens[t].start == doc->tokens[t - 1].end &&
               is_punct(doc, &doc->tokens[t], ".!?,"))
            t++;
        while (t < doc->n_tokens && doc->tokens[t].start == doc->tokens[t - 1].end &&
               is_quote(&doc->tokens[t]))
            end = doc->tokens[t++].end;
    }

    /* The fix is the first conjunct with the closing marks of the second,
     * or with its own closing quote if the second took none. */
    size_t start = doc->tokens[t0].start;
    size_t left_end = word(w, c - 1)->end, left_close = left_end;
    size_t q = w->tok[c - 1] + 1;
    if (end == right_end && is_quote(&doc->tokens[q]) && doc->tokens[q].start == left_end)
        left_close = doc->tokens[q].end;
    report(out, w, word(w, a)->start, left_end, start, end, start,
                  left_close, right_end, end, 0);
    return 1;
}

/*
 * A phrase of two words or more said four times or more in a row, commas
 * between allowed: MT that degenerates loops on a phrase ("of the
 * descendants of the descendants of the descendants of the descendants",
 * "my lady, my lady, my lady, my lady"). A chain of three is a refrain or
 * an idiom and left to the checks below. Returns the words it covers when
 * reported, or 0.
 */
enum { MIN_LOOP = 4 };

static size_t check_loop(const words *w, size_t a, mtl_emit *out)
{
    for (size_t p = 2; p <= MAX_WORDS && a + MIN_LOOP * p <= w->n; p++) {
        size_t k = 1;
        while (a + (k + 1) * p <= w->n &&
               block_of(w, a + (k + 1) * p - 1) == block_of(w, a) &&
               gap_commas(w, a + k * p - 1, GAP_QUOTES | GAP_COMMAS) >= 0 &&
               same_copy(w, a, a + k * p, p))
            k++;
        if (k < MIN_LOOP || all_numbers(w, a, p) || !is_prose(w, a, a + k * p - 1))
            continue;
        /* the shortest period: "going on" four times, not "going on going
         * on" twice */
        if (has_shorter_period(w, a, p))
            continue;
        size_t start = word(w, a)->start, end = word(w, a + k * p - 1)->end;
        size_t one = word(w, a + p - 1)->end;
        report(out, w, start, one, start, end, start, one, 0, 0, k);
        return k * p;
    }
    return 0;
}

/* Is a double quotation opened before word a in its sentence and not yet
 * closed (an odd number of double marks)? */
static int inside_quotation(const words *w, size_t a)
{
    const mtl_doc *doc = w->doc;
    const mtl_sentence *se = &doc->sentences[word(w, a)->sentence];
    size_t marks = 0;
    for (size_t t = se->tok_begin; t < w->tok[a]; t++) {
        const mtl_token *x = &doc->tokens[t];
        const char *c = doc->text + x->start;
        size_t n = x->end - x->start;
        /* single marks are apostrophes too */
        int single = (n == 1 && c[0] == '\'') ||
                     (n == 3 && (!memcmp(c, "\xE2\x80\x98", 3) ||
                                 !memcmp(c, "\xE2\x80\x99", 3)));
        marks += is_quote(x) && !single;
    }
    return marks % 2;
}

/*
 * A clause of three words or more said again after a comma, closing its
 * sentence: "It's going to be an afternoon, it's going to be an
 * afternoon." MT that loops does it twice as well as four times. Spoken
 * self-repair goes on after the copy ("the right to use some of the money,
 * some of the money for mass transit"), and a quotation repeats for effect
 * ("yelling: "The British are coming, the British are coming!""): both
 * are left alone. Returns the words covered when reported, or 0.
 */
static size_t check_comma_repeat(const words *w, size_t a, mtl_emit *out)
{
    const mtl_doc *doc = w->doc;
    for (size_t p = 3; p <= MAX_WORDS && a + 2 * p <= w->n; p++) {
        size_t b = a + p, z = a + 2 * p - 1;
        if (block_of(w, z) != block_of(w, a) ||
            word(w, z)->sentence != word(w, a)->sentence)
            break;
        if (!gap_is_comma(w, b - 1) || !same_copy(w, a, b, p) ||
            all_numbers(w, a, p) || !is_prose(w, a, z) ||
            has_shorter_period(w, a, p) || inside_quotation(w, a))
            continue;
        size_t nx = mtl_doc_skip_space(doc, w->tok[z] + 1);
        if (nx < doc->n_tokens && doc->tokens[nx].sentence == word(w, a)->sentence &&
            !is_punct(doc, &doc->tokens[nx], ".!?;:"))
            continue;
        report(out, w, word(w, a)->start, word(w, b - 1)->end, word(w, a)->start,
               word(w, z)->end, word(w, a)->start, word(w, b - 1)->end, 0, 0, 0);
        return 2 * p;
    }
    return 0;
}

static void find_immediate(const words *w, mtl_emit *out)
{
    for (size_t a = 0; a < w->n; a++) {
        size_t loop = check_loop(w, a, out);
        if (!loop)
            loop = check_comma_repeat(w, a, out);
        if (loop) {
            a += loop - 1;
            continue;
        }
        for (size_t p = 2; p <= MAX_WORDS && a + 2 * p <= w->n; p++) {
            if (block_of(w, a + 2 * p - 1) != block_of(w, a))
                break;
            if (check_immediate(w, a, p, out)) {
                a += 2 * p - 1;
                break;
            }
        }
    }
}

static void find_conjuncts(const words *w, mtl_emit *out)
{
    for (size_t c = 1; c < w->n; c++) {
        int conn = match_connector(w, c);
        if (conn == N_CONN)
            continue;
        size_t c2 = c + connectors[conn].n;
        if (c2 >= w->n || !gap_is_quotes(w, c2 - 1) ||
            !(gap_is_quotes(w, c - 1) ||
              ((conn == CONN_OR || conn == CONN_AND) && gap_is_comma(w, c - 1))))
            continue;
        size_t max = c < MAX_WORDS ? c : MAX_WORDS;
        if (w->n - c2 < max)
            max = w->n - c2;
        /* The longest match is the conjunct; shorter ones are its tails. */
        for (size_t p = max; p >= 1; p--) {
            if (block_of(w, c - p) != block_of(w, c2 + p - 1))
                continue;
            if (same_copy(w, c - p, c2, p)) {
                check_conjuncts(w, c, c2, conn, p, out);
                break;
            }
        }
    }
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    reported done = {0};
    words w = {doc, malloc((doc->n_tokens ? doc->n_tokens : 1) * sizeof(uint32_t)),
               0, &done};
    if (!w.tok)
        return -1;
    for (size_t i = 0; i < doc->n_tokens; i++)
        if (mtl_tok_is_wordlike(&doc->tokens[i]))
            w.tok[w.n++] = (uint32_t)i;
    find_immediate(&w, out);
    done.n_immediate = done.n;
    find_conjuncts(&w, out);
    free(w.tok);
    free(done.span);
    return done.failed ? -1 : 0;
}

const mtl_rule mtl_rule_repeated_phrase = {
    .info = {
        .id = "repeated-phrase",
        .summary = "a phrase duplicated in place, or identical conjuncts",
        .default_severity = MTL_WARNING,
        .finds = "A phrase said twice in place, also across a closing quote or full stop, "
                 "or again after a comma at a sentence's end; a phrase looping four times "
                 "or more; identical conjuncts such as 'X or X'. Idioms such as 'more and "
                 "more' are left alone.",
        .why = "When MT aligns a source phrase twice, the output repeats a whole phrase "
               "that a word-level check does not see.",
        .flagged = "They called for a cease-fire or a cease-fire in the region.",
        .not_flagged = "Prices rose more and more each month.",
        .reference =
            "A phrase written twice in place (also across a closing\n"
            "quote or a full stop, or after a comma when the copy ends the sentence),\n"
            "a phrase of two words or more looping four times or more, and identical\n"
            "conjuncts joined by *or*, *and*, *as well as*.\n"
            "\n"
            "    access to those who need it.” to those who need it.”\n"
            "    whether a cease-fire or a cease-fire\n"
            "    of the descendants of the descendants of the descendants of the descendants\n"
            "\n"
            "Not reported: idioms and style (\"more and more\", \"day after day\",\n"
            "\"I know, I know\"), refrains across a sentence end, three copies,\n"
            "repetition inside a quotation or that speech goes on after, tables,\n"
            "lists and code; single words are `repeated-word`'s.\n",
    },
    .needs = MTL_NEED_TAGS,
    .check = check,
};
