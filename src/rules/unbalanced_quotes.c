/*
 * unbalanced-quotes: a quotation mark or bracket that does not pair up in its
 * paragraph. Translation splits and merges sentences, and a quote that was
 * closed in the source is reopened, or loses its end, in the output:
 *
 *     said, “We have had talks – including “The countries I visited ...”
 *                                          ^ opens before the first closes
 *
 * Double quotes (curly, straight, „low“, ``TeX''), parentheses, square and
 * curly brackets are checked per paragraph. A straight quote opens or closes
 * by its neighbours. Single quotes are left alone: an apostrophe (don’t,
 * Hamas’, ’90s, rock ’n’ roll) looks the same.
 *
 * Guillemets pair both ways: «French» and »German«.
 *
 * A quotation may run over several paragraphs: in news style every
 * paragraph but the last leaves the quote open and the next one starts
 * with an opening mark; elsewhere the quote simply closes in a later
 * paragraph. Neither is flagged, unless the quote left open was no running
 * quotation ("He called it “a turning point and left." opens on a small
 * letter; "“We will go, he said." holds its own attribution; in a
 * narrator's story that quotes dialogue, "“'Well,' said he, 'you see.'",
 * the verbs of saying are the dialogue's). Also left
 * alone: short scare quotes inside a quotation that does close, list
 * markers ("1)", "b)"), emoticons (":)"), smiles and frowns written as
 * brackets ("like)))", "your stories)" ending a line, "sad((("), wiki link
 * markup ("[[Page"), inch marks (12", 40” TV, also inside a quotation),
 * and, in a file of one sentence a line, an end of a quotation or bracket
 * whose other end may be in the next or the last sentence (a quote left
 * open there is not carried to the next line either). After one finding
 * about a quote, the paragraph's end does not report it again.
 */
#include "findings/rule.h"

#include "base/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { MAX_DEPTH = 64 };

/* A known line and column, to count on from (see where()). */
typedef struct cursor {
    size_t line, line_start, offset, col;
} cursor;

typedef struct quote_state {
    int open;
    size_t tok;       /* the opening mark */
    uint32_t mark;
    int reported;     /* a finding already names the open quote */
    int cut;          /* a sentence cut out of its document: a closer may
                         close what an earlier sentence opened */
    int nested;       /* a short quote opened inside this one, at: */
    size_t nested_start, nested_last;
    cursor cur;
} quote_state;

typedef struct bracket_stack {
    size_t tok[MAX_DEPTH];
    size_t depth;
    size_t overflow;  /* openers beyond MAX_DEPTH, matched blindly */
    cursor cur;
} bracket_stack;

static uint32_t cp_at(const mtl_doc *doc, size_t off)
{
    uint32_t c;
    mtl_utf8_next(doc->text, doc->len, off, &c);
    return c;
}

static uint32_t cp_before(const mtl_doc *doc, size_t off)
{
    return cp_at(doc, mtl_utf8_prev(doc->text, off));
}

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200A);
}

static int is_dash_cp(uint32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == '/';
}

static int is_quote_mark(uint32_t c)
{
    return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) ||
           c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A;
}

/* Could a mark at [start, end) open something: it follows the start of the
 * paragraph, white space, an opening bracket, a dash, another quote, or the
 * '=' of an attribute written out in prose (<img width="">). */
static int opens_here(const mtl_doc *doc, const mtl_block *b, size_t start)
{
    if (start <= b->start)
        return 1;
    uint32_t c = cp_before(doc, start);
    return is_space_cp(c) || is_dash_cp(c) || is_quote_mark(c) || c == '(' ||
           c == '[' || c == '{' || c == '<' || c == '=';
}

/* Could it close: white space, the end, or closing punctuation follows. */
static int closes_here(const mtl_doc *doc, const mtl_block *b, size_t end)
{
    if (end >= b->end)
        return 1;
    uint32_t c = cp_at(doc, end);
    return is_space_cp(c) || is_dash_cp(c) || is_quote_mark(c) ||
           (c < 0x80 && strchr(".,;:!?)]}>", (int)c) && c) || c == 0x2026;
}

typedef enum role { NONE, OPENS, CLOSES } role;

/* A mark that is named, not used: U+0022 (") or the '{' character. */
static int mentioned(const mtl_doc *doc, size_t start, size_t end)
{
    if (start == 0 || end >= doc->len)
        return 0;
    uint32_t p = cp_before(doc, start), n = cp_at(doc, end);
    return (p == '(' && n == ')') || (p == '[' && n == ']') ||
           (p == n && (p == '\'' || p == '"' || p == '`')) ||
           (p == 0x2018 && n == 0x2019) || (p == 0x201C && n == 0x201D);
}

/* A double quotation mark: one token, or a pair of them standing for one
 * mark in ASCII text (``like this'').  c is the mark it stands for. */
typedef struct dq_mark {
    size_t start, end;
    size_t last;      /* its last token */
    uint32_t c;
} dq_mark;

/* Is the `` at token i a TeX opening quote, closed by '' before the next
 * ``? reStructuredText and Markdown use ``code`` instead. */
static int tex_quote(const mtl_doc *doc, const mtl_block *b, size_t i)
{
    for (size_t k = i + 2; k + 1 < b->tok_end && k <= i + 200; k++) {
        const mtl_token *t = &doc->tokens[k];
        char c = doc->text[t->start];
        if ((c == '`' || c == '\'') && t->end - t->start == 1 &&
            doc->tokens[k + 1].start == t->end && doc->text[t->end] == c)
            return c == '\'';
    }
    return 0;
}

/* Does the block hold the quotation mark c? */
static int has_mark(const mtl_doc *doc, const mtl_block *b, uint32_t c)
{
    for (size_t k = b->tok_begin; k < b->tok_end; k++)
        if (doc->tokens[k].kind == MTL_TOK_QUOTE &&
            cp_at(doc, doc->tokens[k].start) == c)
            return 1;
    return 0;
}

static int read_mark(const mtl_doc *doc, const mtl_block *b, size_t i,
                     dq_mark *m)
{
    const mtl_token *t = &doc->tokens[i];
    uint32_t c = cp_at(doc, t->start);
    int pair = (c == '\'' || c == '`') && i + 1 < b->tok_end &&
               doc->tokens[i + 1].start == t->end &&
               doc->text[t->end] == (char)c;
    if (pair && c == '`' && !tex_quote(doc, b, i))
        return 0;
    if (pair)
        c = c == '`' ? 0x201C : '"';
    else if (t->kind != MTL_TOK_QUOTE ||
             (c != '"' && (c < 0x201C || c > 0x201F) && c != 0xAB &&
              c != 0xBB))
        return 0;
    /* "guide » The kernel": a guillemet between spaces with no partner in
     * the paragraph separates, as in a breadcrumb */
    if ((c == 0xAB || c == 0xBB) && t->start > b->start && t->end < b->end &&
        is_space_cp(cp_before(doc, t->start)) &&
        is_space_cp(cp_at(doc, t->end)) && !has_mark(doc, b, c == 0xAB ? 0xBB
                                                                 : 0xAB))
        return 0;
    m->start = t->start;
    m->last = i + (size_t)pair;
    m->end = doc->tokens[m->last].end;
    m->c = c;
    return 1;
}

/* The role of a double quotation mark. Curly marks say what they are;
 * a straight one is read from its neighbours, and from whether a quote is
 * open when the neighbours do not tell. */
static role quote_role(const mtl_doc *doc, const mtl_block *b,
                       const dq_mark *m, const quote_state *q)
{
    switch (m->c) {
    case 0x201C: /* “ closes a German „quote“ */
        return q->open && q->mark == 0x201E ? CLOSES : OPENS;
    case 0x201E: case 0x201F:
        return OPENS;
    case 0x201D:
        return CLOSES;
    case 0xAB: case 0xBB: case '"': {
        /* « and »: each closes a quote the other opened; otherwise they
         * are read like a straight mark */
        if ((m->c == 0xAB || m->c == 0xBB) && q->open &&
            q->mark == (m->c == 0xAB ? 0xBB : 0xAB))
            return CLOSES;
        int o = opens_here(doc, b, m->start), cl = closes_here(doc, b, m->end);
        if (o != cl)
            return o ? OPENS : CLOSES;
        return q->open && (m->c == '"' || q->mark == m->c) ? CLOSES : OPENS;
    }
    }
    return NONE;
}

/* Where the word glued after the mark at i ends (the mark's end if none):
 * spans and excerpts show '“The', not a bare mark. */
static size_t word_after(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    /* the second mark of `` or '' */
    if ((doc->text[t->start] == '`' || doc->text[t->start] == '\'') &&
        i + 1 < doc->n_tokens && doc->tokens[i + 1].start == t->end &&
        doc->text[t->end] == doc->text[t->start])
        t = &doc->tokens[++i];
    if (i + 1 < doc->n_tokens && doc->tokens[i + 1].start == t->end &&
        (doc->tokens[i + 1].kind == MTL_TOK_WORD ||
         doc->tokens[i + 1].kind == MTL_TOK_NUMBER))
        return doc->tokens[i + 1].end;
    return t->end;
}

/* Where the text glued before token i starts: "it.”". */
static size_t word_before(const mtl_doc *doc, size_t i, size_t first)
{
    size_t s = doc->tokens[i].start;
    /* up to two glued tokens back: "it.”" */
    for (size_t k = 0; k < 2 && i > first; k++) {
        const mtl_token *p = &doc->tokens[i - 1];
        if (p->end != s || mtl_tok_is_space(p))
            break;
        s = p->start;
        i--;
    }
    return s;
}

/* Line and column of a text offset, as reported: in the source (Markdown
 * prose maps back to its file). The cursor counts from the last lookup on
 * the same line, forwards or back (openers come off the bracket stack in
 * reverse order), so that many lookups on one long line cost about one pass
 * over it. */
static void where(const mtl_doc *doc, cursor *c, size_t off, size_t *line,
                  size_t *col)
{
    size_t so = mtl_doc_src_offset(doc, off);
    size_t l = mtl_doc_line_of(doc, so);
    if (l == c->line && so < c->offset && so >= c->line_start) {
        c->col -= mtl_utf8_count(doc->src + so, c->offset - so);
        c->offset = so;
    } else if (l != c->line || so < c->offset) {
        c->line = l;
        c->line_start = c->offset = doc->line_starts[l - 1];
        /* columns as the findings give them: a byte order mark is none */
        if (l == 1 && so >= 3 && doc->src_len >= 3 &&
            memcmp(doc->src, "\xEF\xBB\xBF", 3) == 0)
            c->line_start = c->offset = 3;
        c->col = 1;
    }
    c->col += mtl_utf8_count(doc->src + c->offset, so - c->offset);
    c->offset = so;
    *line = c->line;
    *col = c->col;
}

/* mark is the bracket, or 0 for a quotation mark. */
static void report_unclosed(mtl_emit *out, const mtl_doc *doc, size_t i,
                            char mark)
{
    char q[64];
    size_t s = doc->tokens[i].start, e = word_after(doc, i);
    mtl_excerpt(doc, s, e, q, sizeof q);
    if (mark)
        mtl_report(out, s, e, "'%c' in '%s' is never closed", mark, q);
    else
        mtl_report(out, s, e, "quotation mark in '%s' is never closed", q);
}

/* A closer at tokens [i, last] with nothing to close. */
static void report_stray(mtl_emit *out, const mtl_doc *doc, size_t i,
                         size_t last, size_t first, char mark)
{
    char q[64];
    size_t s = doc->tokens[i].start, e = doc->tokens[last].end;
    mtl_excerpt(doc, word_before(doc, i, first), e, q, sizeof q);
    if (mark)
        mtl_report(out, s, e, "'%c' in '%s' has no opening '%c'", mark, q,
                   mark == ')' ? '(' : mark == ']' ? '[' : '{');
    else
        mtl_report(out, s, e,
                   "closing quotation mark in '%s' has no opening one", q);
}

/* Does the paragraph after block bi begin with an opening double quote,
 * continuing a quotation that the paragraph bi left open? */
static int continues(const mtl_doc *doc, size_t bi)
{
    if (bi + 1 >= doc->n_blocks)
        return 0;
    const mtl_block *nb = &doc->blocks[bi + 1];
    size_t i = mtl_doc_skip_space(doc, nb->tok_begin);
    dq_mark m;
    quote_state none = {0};
    return i < nb->tok_end && read_mark(doc, nb, i, &m) &&
           quote_role(doc, nb, &m, &none) == OPENS;
}

/* A short quote nested in an open one, "like "this" here": closed by the
 * next mark within a few words of the same sentence. Scare quotes inside a
 * quotation are sloppy but common; a reopened quotation runs on. Returns
 * the last token of the nested quote, or 0. */
static size_t nested_quote(const mtl_doc *doc, const mtl_block *b,
                           const dq_mark *open)
{
    quote_state inner = {.open = 1, .mark = open->c};
    size_t words = 0;
    uint32_t sent = doc->tokens[open->last].sentence;
    for (size_t k = open->last + 1;
         k < b->tok_end && words <= 6 && k <= open->last + 40; k++) {
        const mtl_token *t = &doc->tokens[k];
        dq_mark m;
        if (t->sentence != sent && !mtl_tok_is_space(t))
            return 0;
        if (read_mark(doc, b, k, &m))
            return quote_role(doc, b, &m, &inner) == CLOSES ? m.last : 0;
        words += t->kind == MTL_TOK_WORD || t->kind == MTL_TOK_NUMBER;
    }
    return 0;
}

/* Writes where the opener at text offset `open` is, as seen from a finding
 * at text offset `at`: "column 9", or "line 3 column 9" on another line. */
static const char *where_from(const mtl_doc *doc, cursor *c, size_t open,
                              size_t at, char *buf, size_t size)
{
    size_t line, col;
    where(doc, c, open, &line, &col);
    if (mtl_doc_line_of(doc, mtl_doc_src_offset(doc, at)) == line)
        snprintf(buf, size, "column %zu", col);
    else
        snprintf(buf, size, "line %zu column %zu", line, col);
    return buf;
}

static void report_reopen(mtl_emit *out, const mtl_doc *doc, quote_state *q,
                          size_t start, size_t last)
{
    char q1[64], from[64];
    size_t e = word_after(doc, last);
    mtl_report(out, start, e,
               "quotation mark in '%s' opens again before the quote from %s "
               "has closed", mtl_excerpt(doc, start, e, q1, sizeof q1),
               where_from(doc, &q->cur, doc->tokens[q->tok].start, start,
                          from, sizeof from));
}

/* Is the mark m an inch mark: a straight or closing mark right after a
 * digit or a fraction ("a 12\" board", "a 40” TV", "2½\""), with no
 * quote open for it to close, or with the next mark of the paragraph
 * closing that quote? */
static int inch_mark(const mtl_doc *doc, const mtl_block *b, const dq_mark *m,
                     const quote_state *q)
{
    if ((m->c != '"' && m->c != 0x201D) || m->start <= b->start)
        return 0;
    uint32_t p = cp_before(doc, m->start);
    /* a digit, or a vulgar fraction: "2½\"" (U+00BC-U+00BE, U+2150-U+215E) */
    if ((p < '0' || p > '9') && !(p >= 0xBC && p <= 0xBE) &&
        !(p >= 0x2150 && p <= 0x215E))
        return 0;
    if (!q->open)
        return 1;
    /* the next mark must close by its own shape, not because a quote is
     * open: "Pin-Priority: 100" in "/etc" */
    quote_state shape_only = {0};
    for (size_t k = m->last + 1; k < b->tok_end; k++) {
        dq_mark n;
        if (!read_mark(doc, b, k, &n) || mentioned(doc, n.start, n.end))
            continue;
        return quote_role(doc, b, &n, &shape_only) == CLOSES;
    }
    return 0;
}

/* Checks the mark at token i; returns the last token it used. */
static size_t check_quote(const mtl_doc *doc, const mtl_block *b, size_t i,
                          quote_state *q, mtl_emit *out)
{
    dq_mark m;
    if (!read_mark(doc, b, i, &m) || mentioned(doc, m.start, m.end))
        return i;
    if (m.last == i && inch_mark(doc, b, &m, q))
        return i;
    role r = quote_role(doc, b, &m, q);
    uint32_t c = m.c;
    int o = opens_here(doc, b, m.start), cl = closes_here(doc, b, m.end);
    char q1[64];
    if (r == CLOSES && !q->open && o && !cl && c == 0x201D) {
        /* ”Like this” : a closing mark where an opening one belongs */
        const char *fix = "\xE2\x80\x9C";
        size_t e = word_after(doc, i);
        mtl_report_fix(out, m.start, m.end, &fix, 1,
                       "closing quotation mark opens the quote '%s'",
                       mtl_excerpt(doc, m.start, e, q1, sizeof q1));
        r = OPENS;
    } else if (r == OPENS && q->open && cl && !o && c == 0x201C &&
               m.last == i) {
        const char *fix = "\xE2\x80\x9D";
        mtl_report_fix(out, m.start, m.end, &fix, 1,
                       "opening quotation mark closes the quote '%s'",
                       mtl_excerpt(doc, word_before(doc, i, b->tok_begin),
                                   m.end, q1, sizeof q1));
        q->open = 0;
        return m.last;
    } else if (r == OPENS && q->open) {
        /* Nested scare quotes are let be if the outer quote closes later;
         * the paragraph's end decides. */
        size_t inner = nested_quote(doc, b, &m);
        if (inner) {
            if (!q->nested) {
                q->nested = 1;
                q->nested_start = m.start;
                q->nested_last = m.last;
            }
            return inner;
        }
        report_reopen(out, doc, q, m.start, m.last);
        q->reported = 1;
        q->open = 1;
        q->tok = i;
        q->mark = c;
        q->nested = 0;
        return m.last;
    } else if (r == CLOSES && !q->open) {
        if (!q->cut)
            report_stray(out, doc, i, m.last, b->tok_begin, 0);
        return m.last;
    }
    if (r == OPENS) {
        q->open = 1;
        q->tok = i;
        q->mark = c;
    } else {
        q->open = 0;
    }
    q->reported = 0;
    q->nested = 0;
    return m.last;
}

static int glued_prev(const mtl_doc *doc, size_t i, size_t first, char c)
{
    return i > first && doc->tokens[i - 1].end == doc->tokens[i].start &&
           doc->tokens[i - 1].kind == MTL_TOK_PUNCT &&
           doc->text[doc->tokens[i - 1].start] == c &&
           doc->tokens[i - 1].end - doc->tokens[i - 1].start == 1;
}

/* ":)", ";-(", "=)", "(:" and ASCII art ("===}*{==="): brackets that
 * enclose nothing. */
static int emoticon(const mtl_doc *doc, size_t i, size_t first)
{
    const mtl_token *t = &doc->tokens[i];
    char p = t->start > 0 ? doc->text[t->start - 1] : ' ';
    char n = t->end < doc->len ? doc->text[t->end] : ' ';
    /* a face ends the word: "x=(a+b)" has none */
    int ends = (n && strchr(" \t\r\n.,;!?", n)) || t->end >= doc->len;
    if (ends && (glued_prev(doc, i, first, ':') ||
                 glued_prev(doc, i, first, ';') ||
                 glued_prev(doc, i, first, '=')))
        return 1;
    if (ends && glued_prev(doc, i, first, '-') &&
        (glued_prev(doc, i - 1, first, ':') ||
         glued_prev(doc, i - 1, first, ';')))
        return 1;
    static const char art[] = "=*-_<>|#~^+\\";
    if (p && n && strchr(art, p) && strchr(art, n))
        return 1;
    /* "(:" closes a sentence, as a smile */
    return doc->text[t->start] == '(' && n == ':' &&
           (t->end + 1 >= doc->len || is_space_cp(cp_at(doc, t->end + 1)) ||
            strchr(".,;!?", doc->text[t->end + 1]));
}

static int roman(const char *w)
{
    static const char *const numerals[] = {"i", "ii", "iii", "iv", "v", "vi",
                                           "vii", "viii", "ix", "x", NULL};
    for (size_t k = 0; numerals[k]; k++)
        if (strcmp(w, numerals[k]) == 0)
            return 1;
    return 0;
}

/* "1)", "b)", "iv)", "PS)", "#)" at the start of a line or inside running
 * text: an enumeration, which has no opening bracket. */
static int list_marker(const mtl_doc *doc, size_t i, size_t first)
{
    if (i == first)
        return 0;
    const mtl_token *p = &doc->tokens[i - 1];
    if (p->end != doc->tokens[i].start)
        return 0;
    size_t k = i - 1;
    if (p->kind == MTL_TOK_WORD) {
        const char *w = mtl_tok_norm(doc, p);
        if (mtl_utf8_count(w, strlen(w)) > 2 && !roman(w))
            return 0;
    } else if (p->kind == MTL_TOK_NUMBER) {
        if (p->end - p->start > 3)
            return 0;
    } else if (p->kind != MTL_TOK_PUNCT || !strchr("#*", doc->text[p->start])) {
        return 0;
    }
    if (k == first)
        return 1;
    const mtl_token *pp = &doc->tokens[k - 1];
    return mtl_tok_is_space(pp) || pp->end != p->start ||
           pp->kind == MTL_TOK_PUNCT;
}

static int is_bracket(const mtl_doc *doc, size_t i, char c)
{
    const mtl_token *t = &doc->tokens[i];
    return t->kind == MTL_TOK_PUNCT && t->end - t->start == 1 &&
           doc->text[t->start] == c;
}

/* Is the bracket at token i one of a glued run of two or more of the same
 * bracket ("like)))", "sad((("), or its paragraph's last mark, glued to a
 * word with no stop after it ("your stories)")? In chat and forum posts
 * written in Russian and some other languages a ")" is a smile and "(" a
 * frown, and machine translation copies them (MLQE-PE ru-en dev: 9 of 11
 * closers without an opener were these). Called only for a bracket with
 * nothing to pair with. */
static int smiley_run(const mtl_doc *doc, const mtl_block *b, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    char c = doc->text[t->start];
    if (c != ')' && c != '(')
        return 0;
    size_t first = i, last = i;
    while (first > b->tok_begin && glued_prev(doc, first, b->tok_begin, c))
        first--;
    while (last + 1 < b->tok_end && is_bracket(doc, last + 1, c) &&
           glued_prev(doc, last + 1, b->tok_begin, c))
        last++;
    const mtl_token *ft = &doc->tokens[first], *lt = &doc->tokens[last];
    /* the run ends its word: white space, a stop or the end follows */
    char n = lt->end < b->end ? doc->text[lt->end] : ' ';
    if (!strchr(" \t\r\n.,;!?", n))
        return 0;
    int after_word = first > b->tok_begin &&
                     doc->tokens[first - 1].end == ft->start &&
                     (doc->tokens[first - 1].kind == MTL_TOK_WORD ||
                      doc->tokens[first - 1].kind == MTL_TOK_NUMBER);
    if (last > first) {
        /* "(twice))": a run whose first bracket closes one is a doubled
         * closer, not a smile */
        long open = 0;
        for (size_t k = b->tok_begin; k < first && c == ')'; k++)
            open += is_bracket(doc, k, '(') - is_bracket(doc, k, ')');
        return open <= 0 && (after_word || first == b->tok_begin ||
                             mtl_tok_is_space(&doc->tokens[first - 1]));
    }
    /* a single ")" after a word, where the line ends with no stop */
    if (c != ')' || !after_word)
        return 0;
    size_t e = lt->end;
    while (e < b->end && (doc->text[e] == ' ' || doc->text[e] == '\t' ||
                          doc->text[e] == '\r'))
        e++;
    return e >= b->end || doc->text[e] == '\n';
}

/* "[[" and "]]": wiki link markup left in text taken from a wiki, whose
 * other half the translation (or the extraction) often lost. */
static int wiki_markup(const mtl_doc *doc, const mtl_block *b, size_t i)
{
    char c = doc->text[doc->tokens[i].start];
    return (c == '[' || c == ']') &&
           (glued_prev(doc, i, b->tok_begin, c) ||
            (i + 1 < b->tok_end && is_bracket(doc, i + 1, c) &&
             glued_prev(doc, i + 1, b->tok_begin, c)));
}

static char closer_of(char open)
{
    return open == '(' ? ')' : open == '[' ? ']' : '}';
}

/* Does the closer of `open` follow token i before another `open` (within a
 * few dozen tokens)? */
static int closer_follows(const mtl_doc *doc, const mtl_block *b, size_t i,
                          char open)
{
    for (size_t k = i + 1; k < b->tok_end && k <= i + 60; k++) {
        const mtl_token *t = &doc->tokens[k];
        if (t->kind == MTL_TOK_PUNCT && doc->text[t->start] == open)
            return 0;
        if (t->kind == MTL_TOK_PUNCT &&
            doc->text[t->start] == closer_of(open))
            return 1;
    }
    return 0;
}

/* Is the bracket at token i a key pressed with a modifier: "Control+]",
 * "Ctrl-[", "Alt+("? */
static int key_name(const mtl_doc *doc, const mtl_block *b, size_t i)
{
    static const char *const modifiers[] = {"ctrl", "control", "alt", "shift",
                                            "meta", "cmd", "command", "super",
                                            "option", "win", NULL};
    if (i < b->tok_begin + 2 || !(glued_prev(doc, i, b->tok_begin, '+') ||
                                  glued_prev(doc, i, b->tok_begin, '-')))
        return 0;
    const mtl_token *w = &doc->tokens[i - 2];
    if (w->kind != MTL_TOK_WORD || w->end != doc->tokens[i - 1].start)
        return 0;
    for (size_t k = 0; modifiers[k]; k++)
        if (strcmp(mtl_tok_norm(doc, w), modifiers[k]) == 0)
            return 1;
    return 0;
}

/* The bracket at token k never closes. */
static void report_open_bracket(mtl_emit *out, const mtl_doc *doc,
                                const mtl_block *b, size_t k)
{
    if (!wiki_markup(doc, b, k))
        report_unclosed(out, doc, k, doc->text[doc->tokens[k].start]);
}

/* cut: the block is a sentence cut out of its document (quote_state) */
static void check_bracket(const mtl_doc *doc, const mtl_block *b, size_t i,
                          bracket_stack *st, int cut, mtl_emit *out)
{
    const mtl_token *t = &doc->tokens[i];
    char c = doc->text[t->start];
    /* "Control+]", "Ctrl-[": a key, named */
    if (mentioned(doc, t->start, t->end) || key_name(doc, b, i))
        return;
    if (c == '(' || c == '[' || c == '{') {
        /* ESC [ is a terminal escape sequence, encoding's business */
        if (emoticon(doc, i, b->tok_begin) || smiley_run(doc, b, i) ||
            (t->start > 0 && doc->text[t->start - 1] == '\x1B'))
            return;
        if (st->depth < MAX_DEPTH)
            st->tok[st->depth++] = i;
        else
            st->overflow++;
        return;
    }
    if (emoticon(doc, i, b->tok_begin)) {
        /* "(see :-)", "[I asked:]": the face also closes the bracket,
         * unless another closer comes before the next opener */
        char open = c == ')' ? '(' : c == ']' ? '[' : 0;
        if (open && st->depth && !st->overflow &&
            doc->text[doc->tokens[st->tok[st->depth - 1]].start] == open &&
            !closer_follows(doc, b, i, open))
            st->depth--;
        return;
    }
    if (st->overflow) {
        st->overflow--;
        return;
    }
    size_t d = st->depth;
    while (d > 0 &&
           closer_of(doc->text[doc->tokens[st->tok[d - 1]].start]) != c)
        d--;
    if (d == 0) {
        if ((c == ')' && list_marker(doc, i, b->tok_begin)) ||
            smiley_run(doc, b, i) || wiki_markup(doc, b, i))
            return;
        /* "(a [7] b 1988] c)": a stray closer, when the innermost opener
         * closes later; the opener stays open for it */
        char inner = st->depth ? doc->text[doc->tokens[st->tok[st->depth - 1]]
                                               .start]
                               : 0;
        if (st->depth == 0 || closer_follows(doc, b, i, inner)) {
            if (!cut)
                report_stray(out, doc, i, i, b->tok_begin, c);
            return;
        }
        /* "[see above)": the wrong closer for the innermost opener */
        size_t k = st->tok[--st->depth];
        char q[64], from[64];
        mtl_report(out, t->start, t->end, "'%c' in '%s' closes the '%c' from %s",
                   c,
                   mtl_excerpt(doc, word_before(doc, i, b->tok_begin), t->end,
                               q, sizeof q),
                   doc->text[doc->tokens[k].start],
                   where_from(doc, &st->cur, doc->tokens[k].start, t->start,
                              from, sizeof from));
        return;
    }
    /* Openers crossed by this closer never close: "(a [b) c". */
    while (st->depth > d)
        report_open_bracket(out, doc, b, st->tok[--st->depth]);
    st->depth--;
}

/* Is token k (before end) a single quotation mark: ', ‘ or ’? */
static int single_quote_at(const mtl_doc *doc, size_t k, size_t end)
{
    if (k >= end)
        return 0;
    const mtl_token *t = &doc->tokens[k];
    uint32_t c = cp_at(doc, t->start);
    return t->end - t->start == (c < 0x80 ? 1u : 3u) &&
           (c == '\'' || c == 0x2018 || c == 0x2019);
}

/* Could the quote left open at the end of block bi be a quotation that
 * runs on into the next paragraph? Not if it opened on a small letter, as
 * a quoted phrase does ("called it “a turning point"), or holds its own
 * attribution ("“We will go, he said."). */
static int running_quote(const mtl_doc *doc, size_t bi, const quote_state *q)
{
    static const char *const attribution[] = {
        "said", "says", "saying", "told", "tells", "added", "adds", "asked",
        "asks", "explained", "explains", "noted", "notes", "wrote", "writes",
        "replied", "replies", "insisted", "insists", "recalled", "recalls",
        "continued", "continues", "admitted", "admits", "argued", "argues",
        "claimed", "claims", "warned", "warns", "stressed", NULL};
    const mtl_block *b = &doc->blocks[bi];
    size_t w = q->tok + 1;
    while (w < b->tok_end && (doc->tokens[w].kind == MTL_TOK_QUOTE ||
                              mtl_tok_is_space(&doc->tokens[w])))
        w++;
    /* a small letter after a word: a quoted phrase; after "he said," a
     * sentence of the quotation goes on */
    size_t before = mtl_doc_skip_space_back(doc, q->tok - 1);
    int resumes = before != SIZE_MAX && before >= b->tok_begin &&
                  doc->tokens[before].kind == MTL_TOK_PUNCT &&
                  strchr(",:;", doc->text[doc->tokens[before].start]);
    if (w < b->tok_end && doc->tokens[w].kind == MTL_TOK_WORD &&
        !(doc->tokens[w].flags & MTL_TF_CAP) && !resumes)
        return 0;
    /* a narrator's quotation that opens on a quote inside it ("“'Dear
     * me!' he said gravely, 'that is serious.'"): its verbs of saying
     * belong to the dialogue it quotes */
    if (single_quote_at(doc, q->tok + 1, b->tok_end))
        return 1;
    /* ", he said.", ", said John Smith,", ", he was quoted as saying.": a
     * clause of five words at most between a comma and a stop, with a
     * verb of saying */
    for (size_t k = w; k < b->tok_end; k++) {
        if (!(doc->tokens[k].kind == MTL_TOK_PUNCT &&
              doc->text[doc->tokens[k].start] == ','))
            continue;
        /* "“'Well,' said he, 'you can see'": the attribution of a quote
         * inside the quotation, which a narrator's story carries over its
         * paragraphs (52 of 87 findings on a novel were these) */
        if (single_quote_at(doc, k + 1, b->tok_end))
            continue;
        size_t words = 0;
        int says = 0;
        for (size_t j = k + 1; j < b->tok_end && words <= 5; j++) {
            const mtl_token *t = &doc->tokens[j];
            if (t->kind == MTL_TOK_PUNCT &&
                strchr(".,;!?", doc->text[t->start])) {
                if (says)
                    return 0;
                break;
            }
            if (t->kind != MTL_TOK_WORD)
                continue;
            words++;
            for (size_t a = 0; attribution[a]; a++)
                says |= strcmp(mtl_tok_norm(doc, t), attribution[a]) == 0;
        }
    }
    return 1;
}

/* Does a later paragraph close the quote left open at the end of block bi,
 * without reopening it: its first double quotation mark closes? The next
 * paragraph, or one of the two after it when those hold no mark (a long
 * quoted passage); farther on, a closer belongs to another quotation. */
static int closes_later(const mtl_doc *doc, size_t bi, const quote_state *q)
{
    /* the mark must close by its shape ("here.” Pluto"), not because a
     * quote is open ("see "/usr/include" for") */
    quote_state shape_only = {0};
    for (size_t n = bi + 1; n < doc->n_blocks && n <= bi + 3; n++) {
        const mtl_block *b = &doc->blocks[n];
        for (size_t k = b->tok_begin; k < b->tok_end; k++) {
            dq_mark m;
            if (!read_mark(doc, b, k, &m) || mentioned(doc, m.start, m.end) ||
                (m.last == k && inch_mark(doc, b, &m, q)))
                continue;
            return quote_role(doc, b, &m, &shape_only) == CLOSES;
        }
    }
    return 0;
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    quote_state q = {0};
    int carried = 0; /* q is a quotation open since an earlier paragraph */
    for (size_t bi = 0; bi < doc->n_blocks; bi++) {
        const mtl_block *b = &doc->blocks[bi];
        if (!carried)
            q = (quote_state){0};
        carried = 0;
        q.cut = b->kind == MTL_BLOCK_SENTENCE_LINE;
        bracket_stack st = {.depth = 0, .overflow = 0};
        for (size_t i = b->tok_begin; i < b->tok_end; i++) {
            const mtl_token *t = &doc->tokens[i];
            if (t->kind == MTL_TOK_QUOTE ||
                (t->kind == MTL_TOK_PUNCT && doc->text[t->start] == '`')) {
                i = check_quote(doc, b, i, &q, out);
            } else if (t->kind == MTL_TOK_PUNCT && t->end - t->start == 1 &&
                       doc->text[t->start] &&
                       strchr("()[]{}", doc->text[t->start])) {
                check_bracket(doc, b, i, &st, q.cut, out);
            }
        }
        /* a quotation over paragraphs: the next one reopens it (news
         * style), or a later one closes it */
        int running = q.open && running_quote(doc, bi, &q);
        if (running && !q.cut && !continues(doc, bi) &&
            closes_later(doc, bi, &q))
            carried = 1;
        else if (q.open && !q.cut && !q.reported &&
                 !(running && continues(doc, bi))) {
            if (q.nested)
                report_reopen(out, doc, &q, q.nested_start, q.nested_last);
            else
                report_unclosed(out, doc, q.tok, 0);
        }
        for (size_t k = 0; k < st.depth && !q.cut; k++)
            report_open_bracket(out, doc, b, st.tok[k]);
    }
    return 0;
}

const mtl_rule mtl_rule_unbalanced_quotes = {
    .info = {
        .id = "unbalanced-quotes",
        .summary = "an opening quote or bracket that never closes, or opens twice",
        .default_severity = MTL_WARNING,
        .finds = "A quotation that opens again before it closes, or a quote or bracket "
                 "that never closes or closes nothing. News-style quotes continued over "
                 "paragraphs are left alone.",
        .why = "Quotation marks differ between languages and are often dropped or "
               "mismatched in translation.",
        .flagged = "He said \"the countries must act now.",
        .not_flagged = "He said \"the countries must act now.\"",
        .reference =
            "A quotation mark or bracket that does not pair up in its\n"
            "paragraph: one that opens again before it closes, never closes, or closes\n"
            "nothing.\n"
            "\n"
            "    said, “We have had talks – including “The countries I visited ...\n"
            "\n"
            "Not reported: news-style quotations continued over paragraphs, single quotes\n"
            "(apostrophes look the same), list markers (`1)`), emoticons, inch marks.\n",
    },
    .check = check,
};
