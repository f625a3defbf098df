/*
 * doubled-punctuation: two marks where one belongs, left when translation
 * joins two segments that each kept their own full stop or comma.
 *
 *     "Hamas releases hostages. . The talks"  ->  doubled punctuation '. .'
 *     "the talks,, which"                     ->  doubled punctuation ',,'
 *     "Why did they leave?."                  ->  doubled punctuation '?.'
 *
 * A run of marks (, . ; : ! ?), glued or with one space between each, is
 * flagged when a stop, comma, semicolon or colon is followed by any mark, or
 * a "?" or "!" by a full stop. Not findings: an ellipsis ("...", ". . .",
 * "...?"), an abbreviation's dot before another mark ("Inc.,", "U.S.?"),
 * "?!", "!?" and runs of "!" or "?" (emphasis, not a translation slip), "!,"
 * after a name such as "Yahoo!", marks that run into a name ("std::vector",
 * ", .git", "../src", "1..10", "!="), marks after symbols ("for(;;)") and
 * after file paths ("src/list.?"), a lone "?" that stands for a lost
 * character, reStructuredText markup (".. note::", "Example::" at a line
 * end), ";;" at a line end (shell) and ":." at a line end (a colon that
 * announces the next line).
 *
 * This rule owns every such run, with or without spaces inside it, and
 * punctuation-spacing says nothing of a space before one ("word , ,"), so
 * one mistake gives one finding.
 */
#include "text/abbrev.h"
#include "findings/rule.h"
#include "text/tokens.h"

#include <stdint.h>
#include <string.h>

/* The next mark of a run after the mark at i: glued, or across one run of
 * horizontal space on the same line. SIZE_MAX if the run ends at i. */
static size_t next_in_run(const mtl_doc *doc, size_t i)
{
    size_t j = mtl_tok_next_near(doc, i);
    return mtl_tok_mark(doc, j) ? j : SIZE_MAX;
}

/* Does the run at token i follow text (a word, number, quote, bracket or
 * URL, glued or after one space)? Marks after other symbols or at the
 * start of a line are markup or code: ".. note::", "for(;;)", "--x=..". */
static int after_text(const mtl_doc *doc, size_t i)
{
    size_t p = mtl_tok_prev_near(doc, i);
    if (p == SIZE_MAX)
        return 0;
    switch (doc->tokens[p].kind) {
    case MTL_TOK_WORD:
    case MTL_TOK_NUMBER:
    case MTL_TOK_QUOTE:
    case MTL_TOK_URL:
        return 1;
    case MTL_TOK_PUNCT:
        return mtl_tok_closer(doc, p);
    default:
        return 0;
    }
}

/* Do the glued marks ending at token g run into a name (".git", ":doc:",
 * "std::vector", "!=", "../src", "1..10")? Then they belong to it. */
static int into_name(const mtl_doc *doc, size_t g)
{
    return mtl_tok_touch(doc, g) && !mtl_tok_closer(doc, g + 1);
}

/* Is the line holding offset a reStructuredText directive (".. note::")? */
static int directive_line(const mtl_doc *doc, size_t offset)
{
    /* doc->line_starts index the source, which is not the text for
     * Markdown: the line start is found in the text itself, looking back a
     * short way only (a directive line is short), so that a long line full
     * of marks costs linear time. */
    size_t s = offset, floor = offset > 256 ? offset - 256 : 0;
    while (s > floor && doc->text[s - 1] != '\n' && doc->text[s - 1] != '\r')
        s--;
    if (s == floor && floor > 0)
        return 0;
    while (s < offset && doc->text[s] == ' ')
        s++;
    return s + 3 <= doc->len && memcmp(doc->text + s, ".. ", 3) == 0;
}

/* Is the run [first, last] a literal rather than punctuation: quoted
 * ('".."'), or glued marks standing free after a space ("cd ..", "ending
 * in ::", "a ;;")? A doubling after a space has a space inside too
 * ("word , ,"). */
static int literal(const mtl_doc *doc, size_t first, size_t last)
{
    if (doc->tokens[first - 1].kind == MTL_TOK_QUOTE &&
        mtl_tok_touch(doc, last) && doc->tokens[last + 1].kind == MTL_TOK_QUOTE)
        return 1;
    if (mtl_tok_after_path(doc, first - 1))
        return 1;
    if (doc->tokens[first - 1].kind != MTL_TOK_SPACE)
        return 0;
    for (size_t k = first; k != last; k++)
        if (!mtl_tok_glued(doc, k) || !mtl_tok_mark(doc, k + 1))
            return 0;
    return 1;
}

/* Is the pair of marks at a and b (b follows a in a run) a doubling? */
static int bad_pair(const mtl_doc *doc, size_t a, size_t b)
{
    char x = mtl_tok_mark(doc, a), y = mtl_tok_mark(doc, b);
    if (x == '!' || x == '?')
        return y == '.';
    if (x == ':' && y == ',')
        return 0; /* naming a header: "Subject:, Date:" */
    if ((y == '?' || y == '!') && b != a + 1)
        return 0; /* a lone "?" stands for a lost character: "Copyright: ?" */
    /* "Example::" ends a line to introduce a literal block; ";;" ends a
     * shell case */
    if (x == y && (x == ':' || x == ';') && b == a + 1)
        return mtl_tok_glued(doc, b) &&
               doc->tokens[b + 1].kind == MTL_TOK_SPACE &&
               mtl_tok_glued(doc, b + 1) &&
               doc->tokens[b + 2].kind != MTL_TOK_NEWLINE;
    return 1;
}

static void report_run(const mtl_doc *doc, size_t first, size_t last,
                       mtl_emit *out)
{
    /* Keep the "?" and "!" of a run; otherwise one mark, the last one first:
     * it is usually the one the sentence goes on with. */
    char keep[16] = {0}, fa[2] = {mtl_tok_mark(doc, first), 0},
         la[2] = {mtl_tok_mark(doc, last), 0};
    size_t nk = 0;
    for (size_t k = first; k != SIZE_MAX && nk + 1 < sizeof keep;
         k = k == last ? SIZE_MAX : next_in_run(doc, k)) {
        char c = mtl_tok_mark(doc, k);
        if (c == '?' || c == '!')
            keep[nk++] = c;
    }
    const char *fixes[2];
    size_t n = 0;
    if (nk) {
        fixes[n++] = keep;
    } else {
        fixes[n++] = la;
        if (fa[0] != la[0])
            fixes[n++] = fa;
    }
    char q[64];
    size_t s = doc->tokens[first].start, e = doc->tokens[last].end;
    mtl_report_fix(out, s, e, fixes, n, "doubled punctuation '%s'",
                   mtl_excerpt(doc, s, e, q, sizeof q));
}

/* Scans the run of marks that starts at token i. Returns the index of its
 * last token, and sets *last to the last mark that belongs to the sentence
 * (SIZE_MAX if none): a group of glued marks that runs into a name ends
 * the run before it. */
static size_t scan_run(const mtl_doc *doc, size_t i, size_t *last)
{
    size_t k = i;
    *last = SIZE_MAX;
    for (;;) {
        size_t nx = next_in_run(doc, k);
        if (nx == k + 1) {
            k = nx;
            continue;
        }
        if (into_name(doc, k))
            return k;
        *last = k;
        if (nx == SIZE_MAX)
            return k;
        k = nx;
    }
}

/* Is the run [first, last] a colon and a full stop ending a line ("the
 * speeches were:.")? The colon announced what the next line or segment
 * holds, and the stop closes the sentence: post-editors of machine
 * translation leave it (MLQE-PE ru-en dev: 2 of 2 such endings kept). */
static int colon_at_end(const mtl_doc *doc, size_t first, size_t last)
{
    if (last != first + 1 || mtl_tok_mark(doc, first) != ':' ||
        mtl_tok_mark(doc, last) != '.')
        return 0;
    /* by the bytes: between the blocks of a file of one sentence a line
     * there are no tokens */
    size_t e = doc->tokens[last].end;
    while (e < doc->len && (doc->text[e] == ' ' || doc->text[e] == '\t' ||
                            doc->text[e] == '\r'))
        e++;
    return e >= doc->len || doc->text[e] == '\n';
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        if (!mtl_tok_mark(doc, i))
            continue;
        size_t first = i, last;
        i = scan_run(doc, i, &last);
        if (last == SIZE_MAX || last == first || !after_text(doc, first) ||
            literal(doc, first, last))
            continue;
        /* "Inc.," and "U.S. ?": the dot belongs to the word. */
        size_t second = next_in_run(doc, first);
        if (mtl_abbrev_dot(doc, first) && mtl_tok_mark(doc, second) != '.') {
            if (second == last)
                continue;
            first = second;
        }
        int bad = 0, dots = mtl_tok_mark(doc, first) == '.', ellipsis = 0;
        for (size_t k = first; k != last;) {
            size_t nx = next_in_run(doc, k);
            dots = mtl_tok_mark(doc, nx) == '.' ? dots + 1 : 0;
            ellipsis |= dots >= 3;
            bad |= bad_pair(doc, k, nx);
            k = nx;
        }
        if (bad && !ellipsis && !directive_line(doc, doc->tokens[first].start) &&
            !colon_at_end(doc, first, last))
            report_run(doc, first, last, out);
    }
    return 0;
}

const mtl_rule mtl_rule_doubled_punctuation = {
    .info = {
        .id = "doubled-punctuation",
        .summary = "doubled punctuation such as '. .' or ',,'",
        .default_severity = MTL_WARNING,
        .finds = "Punctuation doubled by mistake: '. .', '..', ',,', ';;', ',.'. "
                 "Ellipses and an abbreviation's full stop before a comma are left alone.",
        .why = "Joining translated segments adds a second full stop or comma where the "
               "source segment already ended with one.",
        .flagged = "They freed the hostages. . Talks went on.",
        .not_flagged = "They waited... and then the talks went on.",
        .reference =
            "Two marks where one belongs: `. .`, `..`, `,,`, `;;`, `,.`,\n"
            "`?.`.\n"
            "\n"
            "    Hamas releases hostages. . The talks   ->  doubled punctuation '. .'\n"
            "\n"
            "Not reported: ellipses (`...`, `. . .`), an abbreviation's dot before another\n"
            "mark (`Inc.,`), `?!` and runs of `!` or `?`, marks inside names and code.\n",
    },
    .check = check,
};
