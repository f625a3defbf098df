/*
 * Segmentation: line index, blocks (paragraphs), tokens and sentences
 * (URLs and e-mail addresses are found first, by urls.c).
 *
 * ICU's break iterators run over the UTF-8 bytes through utext_openUTF8, so
 * every boundary is already a byte offset; there is no UTF-16 copy. Sentence
 * breaking runs on a scratch copy of the text in which line breaks are spaces
 * (same length, so offsets agree): hard-wrapped prose must not end a sentence
 * at every line end, which ICU would do for a bare LF.
 */
#include "text/doc.h"

#include "base/buf.h"
#include "text/markdown.h"
#include "text/urls.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

typedef struct builder {
    mtl_doc *doc;
    size_t tok_cap, sent_cap, block_cap, line_cap;
    UBreakIterator *words, *sents;
    UText *ut;
    char *flat; /* text with line breaks turned into spaces */
    mtl_url_list urls;
    mtl_url_list merged; /* scratch for add_opaque */
} builder;

/* ---- character classes ---------------------------------------------- */

static int is_quote_cp(uint32_t c)
{
    switch (c) {
    case '"': case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2039: case 0x203A:
        return 1;
    }
    return 0;
}

/* Folds the quote and dash families to one ASCII character each, so rules
 * compare “x” with "x" and cease–fire with cease-fire. 0 if not folded. */
static uint32_t fold_punct(uint32_t c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x2039: case 0x203A:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0x2043: case 0xFE58: case 0xFE63:
    case 0xFF0D:
        return '-';
    }
    return 0;
}

static int is_hspace(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c != MTL_BAD_CP && c > 0x7F && u_isUWhiteSpace((UChar32)c) &&
            c != 0x2028 && c != 0x2029 && c != 0x85);
}

/* ---- line index and blocks ------------------------------------------ */

static int build_lines(builder *b)
{
    mtl_doc *d = b->doc;
    if (MTL_PUSH(d->line_starts, d->n_lines, b->line_cap, 0) != 0)
        return -1;
    const char *t = d->src;
    for (size_t i = 0; i < d->src_len; i++) {
        if (t[i] == '\n' || t[i] == '\r') {
            if (t[i] == '\r' && i + 1 < d->src_len && t[i + 1] == '\n')
                i++;
            if (MTL_PUSH(d->line_starts, d->n_lines, b->line_cap, i + 1) != 0)
                return -1;
        }
    }
    /* A final line break does not start a line that has no text. */
    if (d->n_lines > 1 && d->line_starts[d->n_lines - 1] == d->src_len)
        d->n_lines--;
    return 0;
}

static size_t line_end(const mtl_doc *d, size_t line)
{
    size_t e = line + 1 < d->n_lines ? d->line_starts[line + 1] : d->len;
    while (e > d->line_starts[line] &&
           (d->text[e - 1] == '\n' || d->text[e - 1] == '\r'))
        e--;
    return e;
}

static int is_blank(const char *s, size_t a, size_t e)
{
    for (size_t i = a; i < e;) {
        uint32_t c;
        size_t n = mtl_utf8_next(s, e, i, &c);
        if (!is_hspace(c) && !(c == 0xFEFF && i == 0))
            return 0;
        i += n;
    }
    return 1;
}

/* Does line l end like a sentence ("it.", "it.\u201D", "so:"), or line
 * l + 1 begin like one (a capital, a digit, an opening quote)? */
static int break_between(const mtl_doc *d, size_t l)
{
    size_t a = d->line_starts[l], e = line_end(d, l);
    while (e > a && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
        e--;
    while (e > a) {
        uint32_t c;
        size_t p = mtl_utf8_prev(d->text, e);
        mtl_utf8_next(d->text, e, p, &c);
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
            return 1;
        if (!is_quote_cp(c) && c != ')' && c != ']')
            break;
        e = p;
    }
    size_t b = d->line_starts[l + 1], be = line_end(d, l + 1);
    while (b < be) {
        uint32_t c;
        size_t n = mtl_utf8_next(d->text, be, b, &c);
        if (is_hspace(c) || c == '(' || c == '[' || is_quote_cp(c)) {
            b += n;
            continue;
        }
        return (c >= '0' && c <= '9') ||
               (c != MTL_BAD_CP && u_isupper((UChar32)c));
    }
    return 0;
}

/* Are the lines [first, end) of a paragraph independent sentences, as in a
 * file of one sentence a line (a translation memory, a test set, an export
 * without blank lines)? Then almost every line break falls between two
 * sentences. In hard-wrapped prose about one in six does (measured on the
 * clean corpus wrapped at 72 columns), so four lines, nine breaks in ten,
 * split a wrapped paragraph about once in a thousand. */
static int line_per_sentence(const mtl_doc *d, size_t first, size_t end)
{
    if (end - first < 4)
        return 0;
    size_t breaks = end - first - 1, between = 0;
    for (size_t l = first; l + 1 < end; l++)
        between += (size_t)break_between(d, l);
    return between * 10 >= breaks * 9;
}

/* The blocks from `run` on are the lines of a paragraph split by
 * line_per_sentence. When two in three hold one sentence, the file is one
 * sentence a line, each cut out of its document: a test set, a translation
 * memory. (Lines of the MLQE-PE test sets: 95 to 100 in 100 hold one
 * sentence; news paragraphs of the clean corpus: about 22 in 100.) */
static void mark_sentence_lines(mtl_doc *d, size_t run)
{
    size_t one = 0, n = d->n_blocks - run;
    for (size_t i = run; i < d->n_blocks; i++)
        one += d->blocks[i].sent_end - d->blocks[i].sent_begin == 1;
    if (one * 3 >= n * 2)
        for (size_t i = run; i < d->n_blocks; i++)
            d->blocks[i].kind = MTL_BLOCK_SENTENCE_LINE;
}

/* ---- tokens ------------------------------------------------------------ */

static int add_norm(mtl_doc *d, mtl_token *tok)
{
    const char *s = d->text + tok->start;
    size_t n = tok->end - tok->start;
    /* Worst case: every code point folds to up to 4 bytes per input byte
     * (simple case folding never grows a code point by more than that). */
    size_t room = n * 4 + 1;
    if (mtl_grow((void **)&d->norms, &d->norms_cap, d->norms_len + room, 1))
        return -1;
    char *out = d->norms + d->norms_len;
    size_t o = 0;
    int ascii = 1, letters = 0, upper = 0, lower = 0, first_upper = -1;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = mtl_utf8_next(s, n, i, &c);
        i += k;
        if (c == 0) {
            /* a NUL would end the normal form early: U+FFFD stands for it */
            o += mtl_utf8_put(0xFFFD, out + o);
            continue;
        }
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                letters++, upper++;
                if (first_upper < 0)
                    first_upper = 1;
                c += 32;
            } else if (c >= 'a' && c <= 'z') {
                letters++, lower++;
                if (first_upper < 0)
                    first_upper = 0;
            }
            out[o++] = (char)c;
            continue;
        }
        ascii = 0;
        if (c == MTL_BAD_CP) {
            o += mtl_utf8_put(0xFFFD, out + o);
            continue;
        }
        uint32_t f = fold_punct(c);
        if (f) {
            out[o++] = (char)f;
            continue;
        }
        if (u_isalpha((UChar32)c)) {
            letters++;
            int up = u_isupper((UChar32)c) || u_istitle((UChar32)c);
            upper += up;
            lower += u_islower((UChar32)c) ? 1 : 0;
            if (first_upper < 0)
                first_upper = up;
        }
        o += mtl_utf8_put((uint32_t)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT),
                          out + o);
    }
    out[o] = '\0';
    tok->norm = (uint32_t)d->norms_len;
    tok->norm_len = o > 0xFFFF ? 0xFFFF : (uint16_t)o;
    d->norms_len += o + 1;
    if (ascii)
        tok->flags |= MTL_TF_ASCII;
    if (first_upper == 1)
        tok->flags |= MTL_TF_CAP;
    if (letters >= 2 && upper == letters && lower == 0)
        tok->flags |= MTL_TF_ALLCAPS;
    return 0;
}

static int push_token(builder *b, size_t start, size_t end, int kind)
{
    mtl_doc *d = b->doc;
    mtl_token t = {.start = (uint32_t)start, .end = (uint32_t)end,
                   .kind = (uint8_t)kind};
    if (add_norm(d, &t) != 0)
        return -1;
    return MTL_PUSH(d->tokens, d->n_tokens, b->tok_cap, t);
}

/* A segment that ICU calls "no word": white space, line breaks and
 * punctuation, split into one token per mark (runs of space stay whole). */
static int push_other(builder *b, size_t a, size_t e)
{
    const char *t = b->doc->text;
    size_t i = a;
    while (i < e) {
        uint32_t c;
        size_t n = mtl_utf8_next(t, e, i, &c);
        if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
            if (c == '\r' && i + 1 < e && t[i + 1] == '\n')
                n = 2;
            if (push_token(b, i, i + n, MTL_TOK_NEWLINE) != 0)
                return -1;
            i += n;
        } else if (is_hspace(c)) {
            size_t j = i + n;
            while (j < e) {
                uint32_t c2;
                size_t n2 = mtl_utf8_next(t, e, j, &c2);
                if (!is_hspace(c2))
                    break;
                j += n2;
            }
            if (push_token(b, i, j, MTL_TOK_SPACE) != 0)
                return -1;
            i = j;
        } else {
            if (push_token(b, i, i + n,
                           is_quote_cp(c) ? MTL_TOK_QUOTE : MTL_TOK_PUNCT) != 0)
                return -1;
            i += n;
        }
    }
    return 0;
}

/* Adds the document's opaque spans (Markdown code spans, images, autolinks)
 * inside [a, e) to the URL list, keeping it sorted and without overlaps:
 * where a span overlaps a URL, the span stands, since the Markdown parser
 * knows where it ends ("![alt text](https://x/y.png)" is one image, not
 * words and a URL). Both lists are sorted and disjoint, so a binary search
 * and one merge do it, in time linear in the block. */
static int add_opaque(builder *b, size_t a, size_t e)
{
    const mtl_doc *d = b->doc;
    size_t k = 0, hi = d->n_opaque;
    while (k < hi) {
        size_t mid = k + (hi - k) / 2;
        if (d->opaque[mid].start < a)
            k = mid + 1;
        else
            hi = mid;
    }
    if (k == d->n_opaque || d->opaque[k].start >= e)
        return 0;
    size_t n = 0, u = 0;
    for (; k < d->n_opaque && d->opaque[k].start < e; k++) {
        mtl_span o = d->opaque[k];
        if (o.end > e || o.end <= o.start)
            continue;
        for (; u < b->urls.n && b->urls.items[u].end <= o.start; u++)
            if (MTL_PUSH(b->merged.items, n, b->merged.cap, b->urls.items[u]) != 0)
                return -1;
        while (u < b->urls.n && b->urls.items[u].start < o.end)
            u++; /* a URL that overlaps the span */
        if (MTL_PUSH(b->merged.items, n, b->merged.cap, o) != 0)
            return -1;
    }
    for (; u < b->urls.n; u++)
        if (MTL_PUSH(b->merged.items, n, b->merged.cap, b->urls.items[u]) != 0)
            return -1;
    b->merged.n = n;
    mtl_url_list urls = b->urls;
    b->urls = b->merged;
    b->merged = urls;
    return 0;
}

/* ICU joins U+202F (narrow no-break space, French spacing before "?" and
 * ":") to the letters around it, as it does underscores; to rules it is
 * white space, so a word is split there. */
static int push_word(builder *b, size_t s, size_t t, int kind)
{
    const char *x = b->doc->text;
    size_t piece = s;
    for (size_t i = s; i + 3 <= t; i++) {
        if (memcmp(x + i, "\xE2\x80\xAF", 3) != 0)
            continue;
        if (i > piece && push_token(b, piece, i, kind) != 0)
            return -1;
        if (push_token(b, i, i + 3, MTL_TOK_SPACE) != 0)
            return -1;
        piece = i + 3;
        i += 2;
    }
    return piece < t ? push_token(b, piece, t, kind) : 0;
}

static int tokenize_block(builder *b, size_t a, size_t e)
{
    mtl_doc *d = b->doc;
    UErrorCode st = U_ZERO_ERROR;
    b->ut = utext_openUTF8(b->ut, d->text + a, (int64_t)(e - a), &st);
    ubrk_setUText(b->words, b->ut, &st);
    if (U_FAILURE(st))
        return -1;
    if (mtl_find_urls(d->text, a, e, &b->urls) != 0 || add_opaque(b, a, e) != 0)
        return -1;
    size_t next_url = 0;
    int32_t prev = ubrk_first(b->words);
    for (int32_t cur = ubrk_next(b->words); cur != UBRK_DONE;
         prev = cur, cur = ubrk_next(b->words)) {
        size_t s = a + (size_t)prev, t = a + (size_t)cur;
        while (next_url < b->urls.n && b->urls.items[next_url].end <= s)
            next_url++;
        if (next_url < b->urls.n && b->urls.items[next_url].start < t) {
            /* Inside a URL: the ICU segments it touches become one token. */
            if (d->n_tokens && d->tokens[d->n_tokens - 1].kind == MTL_TOK_URL &&
                d->tokens[d->n_tokens - 1].end == s) {
                d->tokens[d->n_tokens - 1].end = (uint32_t)t;
            } else if (push_token(b, s, t, MTL_TOK_URL) != 0) {
                return -1;
            }
            continue;
        }
        int status = ubrk_getRuleStatus(b->words);
        int kind;
        if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
            kind = MTL_TOK_NUMBER;
        else if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT)
            kind = MTL_TOK_WORD;
        else {
            if (push_other(b, s, t) != 0)
                return -1;
            continue;
        }
        if (push_word(b, s, t, kind) != 0)
            return -1;
    }
    /* Tokens merged into a URL token need their normal form redone. */
    for (size_t i = d->n_tokens; i-- > 0;) {
        mtl_token *tk = &d->tokens[i];
        if (tk->start < a)
            break;
        if (tk->kind == MTL_TOK_URL && add_norm(d, tk) != 0)
            return -1;
    }
    return 0;
}

/* ---- sentences ------------------------------------------------------- */

/* Abbreviations that ICU's own list ("en@ss=standard") lacks and that news
 * text uses before a capitalised word: "Sen. Smith", "Gov. Brown". */
static const char *const extra_abbrevs[] = {
    "sen", "gov", "rep", "gen", "lt", "col", "capt", "sgt", "cpl", "adm",
    "maj", "cmdr", "supt", "insp", "det", "atty", "rev", "fr", "st", "mt",
    "ft", "jr", "sr", "mr", "mrs", "ms", "dr", "prof", "pres", "amb", "hon",
    "no", "nos", "vol", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept",
    "univ", "assn", "bros", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n",
    "ph.d", "a.m", "p.m", "d.c", "u.s.a", "e.u",
    /* before a name, a number or a label: "Sault Ste. Marie", "Fig. A",
     * "Tel. 555", and "eg." as some authors write it */
    "ste", "fig", "figs", "tel", "eg",
    /* the "versus" of a case's name: "Brown v. Board of Education" */
    "v", NULL};

/* Those of them that are also words ("He said no.", "a ripe fig.",
 * "in the fig. Then"): abbreviations only when capitalised ("No. 5",
 * "Fig. A", "Gen. Smith", "Dec. 4"). */
static const char *const word_abbrevs[] = {
    "no", "co", "mar", "dec", "gen", "rep", "det", "col", "fig", "figs",
    "tel", "ste", "sen", "gov", "rev", "fr", "mt", "jan", "jun", NULL};

static int in_list(const char *norm, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(norm, list[i]) == 0)
            return 1;
    return 0;
}

/* Is the word w (normal form norm) a known abbreviation? */
static int is_abbrev_word(const mtl_token *w, const char *norm)
{
    return in_list(norm, extra_abbrevs) &&
           ((w->flags & MTL_TF_CAP) || !in_list(norm, word_abbrevs));
}

/* Letters joined by dots, two at most between dots: "J.L", "a.k.a",
 * "Ph.D" (not "Node.js"). */
static int initialism(const char *norm)
{
    size_t run = 0, dots = 0;
    for (const char *c = norm; *c; c++) {
        if (*c == '.') {
            if (run == 0)
                return 0;
            dots++;
            run = 0;
        } else if (++run > 2) {
            return 0;
        }
    }
    return dots > 0 && run > 0;
}

static int is_mark(const mtl_doc *d, const mtl_token *t, char c)
{
    return t->kind == MTL_TOK_PUNCT && t->end - t->start == 1 &&
           d->text[t->start] == c;
}

/* Does the sentence ending at token index last (a ".") end on an
 * abbreviation or an initial, so that the break after it is not real? */
static int ends_on_abbrev(const mtl_doc *d, size_t first, size_t last)
{
    /* an initial closing a bracket: "[Harry S.] Truman" */
    int bracket = last > first && (is_mark(d, &d->tokens[last], ']') ||
                                   is_mark(d, &d->tokens[last], ')'));
    last -= (size_t)bracket;
    const mtl_token *dot = &d->tokens[last];
    if (!is_mark(d, dot, '.') || last == first)
        return 0;
    const mtl_token *w = &d->tokens[last - 1];
    if (w->kind != MTL_TOK_WORD || w->end != dot->start)
        return 0;
    const char *n = mtl_tok_norm(d, w);
    /* An initial: one upper-case letter ("J. R. R. Tolkien"). */
    if ((w->flags & MTL_TF_CAP) && mtl_utf8_count(d->text + w->start,
                                                  w->end - w->start) == 1)
        return 1;
    /* Initials written together ("J.L. Webster"), "a.k.a." */
    return !bracket && (is_abbrev_word(w, n) || initialism(n));
}

/* ICU's English exceptions ("en@ss=standard") are matched as suffixes, so
 * a word in capitals ending in a letter that some exception ends in keeps
 * its sentence going: "THE PRESIDENT. Good evening.", "the CEO. Then".
 * Returns the start of the token after such a stop in [tok, e) (a capital
 * or a quotation mark follows the space), or 0. */
static size_t capitals_stop(const mtl_doc *d, size_t tok, size_t end_tok,
                            size_t e)
{
    for (size_t k = tok + 1; k + 2 < end_tok && d->tokens[k + 2].start < e;
         k++) {
        const mtl_token *w = &d->tokens[k - 1], *dot = &d->tokens[k];
        if (!is_mark(d, dot, '.') || w->kind != MTL_TOK_WORD ||
            w->end != dot->start || !(w->flags & MTL_TF_ALLCAPS) ||
            strchr(mtl_tok_norm(d, w), '.') ||
            is_abbrev_word(w, mtl_tok_norm(d, w)))
            continue;
        const mtl_token *sp = &d->tokens[k + 1], *nx = &d->tokens[k + 2];
        if (mtl_tok_is_space(sp) &&
            ((nx->kind == MTL_TOK_WORD && (nx->flags & MTL_TF_CAP)) ||
             nx->kind == MTL_TOK_QUOTE))
            return nx->start;
    }
    return 0;
}

/* Does the sentence [first, last] end on a quoted question or exclamation:
 * '?' or '!' and then closing quotation marks ("Why not?")? A lower-case
 * word after it goes on the same sentence: "Why not?" he asked. */
static int ends_on_quoted_question(const mtl_doc *d, size_t first, size_t last)
{
    size_t k = last;
    while (k > first && d->tokens[k].kind == MTL_TOK_QUOTE &&
           d->tokens[k].start == d->tokens[k - 1].end)
        k--;
    return k < last && (is_mark(d, &d->tokens[k], '?') ||
                        is_mark(d, &d->tokens[k], '!'));
}

static int lower_word(const mtl_doc *d, const mtl_token *t)
{
    unsigned char c = (unsigned char)d->text[t->start];
    return t->kind == MTL_TOK_WORD && c >= 'a' && c <= 'z';
}

/* Adds the sentence of the tokens from *tok up to byte e, or joins them to
 * the sentence before when that one ends on an abbreviation, or on a quoted
 * question and these start with a lower-case word. */
static int add_sentence(builder *b, size_t bi, size_t *tok, size_t e)
{
    mtl_doc *d = b->doc;
    mtl_block *blk = &d->blocks[bi];
    size_t t0 = *tok;
    while (*tok < blk->tok_end && d->tokens[*tok].start < e)
        (*tok)++;
    /* Trim white space tokens off the end. */
    size_t last = *tok;
    while (last > t0 && mtl_tok_is_space(&d->tokens[last - 1]))
        last--;
    if (last == t0)
        return 0; /* only white space */
    mtl_sentence *prevs = d->n_sentences > blk->sent_begin
                              ? &d->sentences[d->n_sentences - 1]
                              : NULL;
    size_t plast = prevs ? prevs->tok_end : 0;
    while (prevs && plast > prevs->tok_begin &&
           mtl_tok_is_space(&d->tokens[plast - 1]))
        plast--;
    size_t lead = t0;
    while (lead < last && mtl_tok_is_space(&d->tokens[lead]))
        lead++;
    if (prevs && plast > prevs->tok_begin &&
        (ends_on_abbrev(d, prevs->tok_begin, plast - 1) ||
         (ends_on_quoted_question(d, prevs->tok_begin, plast - 1) &&
          lead < last && lower_word(d, &d->tokens[lead])))) {
        prevs->end = d->tokens[last - 1].end;
        prevs->tok_end = (uint32_t)*tok;
        return 0;
    }
    /* Leading white space belongs to the previous sentence. */
    while (t0 < last && mtl_tok_is_space(&d->tokens[t0]))
        t0++;
    mtl_sentence sent = {.start = d->tokens[t0].start,
                         .end = d->tokens[last - 1].end,
                         .tok_begin = (uint32_t)t0,
                         .tok_end = (uint32_t)*tok,
                         .block = (uint32_t)bi};
    return MTL_PUSH(d->sentences, d->n_sentences, b->sent_cap, sent);
}

static int sentences_of_block(builder *b, size_t bi)
{
    mtl_doc *d = b->doc;
    mtl_block *blk = &d->blocks[bi];
    UErrorCode st = U_ZERO_ERROR;
    b->ut = utext_openUTF8(b->ut, b->flat + blk->start,
                           (int64_t)(blk->end - blk->start), &st);
    ubrk_setUText(b->sents, b->ut, &st);
    if (U_FAILURE(st))
        return -1;
    blk->sent_begin = (uint32_t)d->n_sentences;
    size_t tok = blk->tok_begin;
    ubrk_first(b->sents);
    for (int32_t cur = ubrk_next(b->sents); cur != UBRK_DONE;
         cur = ubrk_next(b->sents)) {
        size_t e = blk->start + (size_t)cur, cut;
        while ((cut = capitals_stop(d, tok, blk->tok_end, e)) != 0)
            if (add_sentence(b, bi, &tok, cut) != 0)
                return -1;
        if (add_sentence(b, bi, &tok, e) != 0)
            return -1;
    }
    blk->sent_end = (uint32_t)d->n_sentences;
    /* tok_end of each sentence stops before its trailing space. */
    for (size_t i = blk->sent_begin; i < blk->sent_end; i++) {
        mtl_sentence *se = &d->sentences[i];
        while (se->tok_end > se->tok_begin &&
               mtl_tok_is_space(&d->tokens[se->tok_end - 1]))
            se->tok_end--;
        int first = 1;
        for (size_t k = se->tok_begin; k < se->tok_end; k++) {
            d->tokens[k].sentence = (uint32_t)i;
            if (first && (d->tokens[k].kind == MTL_TOK_WORD ||
                          d->tokens[k].kind == MTL_TOK_NUMBER)) {
                d->tokens[k].flags |= MTL_TF_SENT_START;
                first = 0;
            }
        }
    }
    return 0;
}

/* ---- break iterators --------------------------------------------------- */

struct mtl_breakers {
    UBreakIterator *words, *sents;
};

/* Opening ICU's sentence iterator with its abbreviation exceptions
 * ("@ss=standard") builds a trie of them: 0.4 ms, which was 87% of the
 * time to lint a 50-byte document. A clone shares the rules and the trie
 * (ICU counts references atomically; cloning is thread-safe). */
static int open_breakers(UBreakIterator **words, UBreakIterator **sents)
{
    UErrorCode st = U_ZERO_ERROR;
    *words = ubrk_open(UBRK_WORD, "en_US", NULL, 0, &st);
    *sents = ubrk_open(UBRK_SENTENCE, "en_US@ss=standard", NULL, 0, &st);
    return U_FAILURE(st) ? -1 : 0;
}

static void close_breakers(UBreakIterator *words, UBreakIterator *sents)
{
    if (words)
        ubrk_close(words);
    if (sents)
        ubrk_close(sents);
}

mtl_breakers *mtl_breakers_new(void)
{
    mtl_breakers *br = calloc(1, sizeof *br);
    if (br && open_breakers(&br->words, &br->sents) != 0) {
        mtl_breakers_free(br);
        br = NULL;
    }
    return br;
}

void mtl_breakers_free(mtl_breakers *br)
{
    if (!br)
        return;
    close_breakers(br->words, br->sents);
    free(br);
}

static int clone_breakers(builder *b, const mtl_breakers *br)
{
    if (!br)
        return open_breakers(&b->words, &b->sents);
    UErrorCode st = U_ZERO_ERROR;
    b->words = ubrk_clone(br->words, &st);
    b->sents = ubrk_clone(br->sents, &st);
    return U_FAILURE(st) || !b->words || !b->sents ? -1 : 0;
}

/* ---- the whole document -------------------------------------------- */

/* Flags the tokens inside Markdown emphasis (tokens are in text order). */
static void mark_emphasis(mtl_doc *d)
{
    for (size_t k = 0; k < d->n_emph; k++) {
        size_t lo = 0, hi = d->n_tokens;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (d->tokens[mid].start < d->emph[k].start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < d->n_tokens && d->tokens[i].start < d->emph[k].end; i++)
            d->tokens[i].flags |= MTL_TF_EMPH;
    }
}

static int build(builder *b)
{
    mtl_doc *d = b->doc;
    b->flat = malloc(d->len + 1);
    if (!b->flat)
        return -1;
    for (size_t i = 0; i < d->len; i++) {
        char c = d->text[i];
        b->flat[i] = (c == '\n' || c == '\r') ? ' ' : c;
    }

    if (d->markdown) {
        /* Blocks come from the Markdown parser; only segment them. */
        for (size_t i = 0; i < d->n_blocks; i++) {
            mtl_block *blk = &d->blocks[i];
            blk->tok_begin = (uint32_t)d->n_tokens;
            if (tokenize_block(b, blk->start, blk->end) != 0)
                return -1;
            blk->tok_end = (uint32_t)d->n_tokens;
            for (size_t k = blk->tok_begin; k < blk->tok_end; k++)
                if (d->tokens[k].kind == MTL_TOK_URL)
                    memset(b->flat + d->tokens[k].start, 'x',
                           d->tokens[k].end - d->tokens[k].start);
            if (sentences_of_block(b, i) != 0)
                return -1;
        }
        mark_emphasis(d);
        return 0;
    }
    size_t line = 0, split_end = 0; /* lines before it: a block each */
    size_t run = 0;                   /* the first block of those lines */
    while (line < d->n_lines) {
        /* skip blank lines */
        while (line < d->n_lines &&
               is_blank(d->text, d->line_starts[line], line_end(d, line)))
            line++;
        if (line >= d->n_lines)
            break;
        size_t first = line;
        if (line < split_end) {
            line++;
        } else {
            while (line < d->n_lines &&
                   !is_blank(d->text, d->line_starts[line], line_end(d, line)))
                line++;
            /* one sentence or paragraph a line: every line is a block */
            if (line_per_sentence(d, first, line)) {
                split_end = line;
                line = first + 1;
                run = d->n_blocks;
            }
        }
        size_t start = d->line_starts[first];
        if (start == 0 && d->len >= 3 && memcmp(d->text, "\xEF\xBB\xBF", 3) == 0)
            start = 3; /* a byte order mark is not text */
        mtl_block blk = {.start = (uint32_t)start,
                         .end = (uint32_t)line_end(d, line - 1),
                         .kind = MTL_BLOCK_PARAGRAPH};
        blk.tok_begin = (uint32_t)d->n_tokens;
        if (tokenize_block(b, blk.start, blk.end) != 0)
            return -1;
        blk.tok_end = (uint32_t)d->n_tokens;
        /* A "?" or "." inside a URL does not end a sentence. */
        for (size_t i = blk.tok_begin; i < blk.tok_end; i++)
            if (d->tokens[i].kind == MTL_TOK_URL)
                memset(b->flat + d->tokens[i].start, 'x',
                       d->tokens[i].end - d->tokens[i].start);
        if (MTL_PUSH(d->blocks, d->n_blocks, b->block_cap, blk) != 0)
            return -1;
        if (sentences_of_block(b, d->n_blocks - 1) != 0)
            return -1;
        if (line == split_end)
            mark_sentence_lines(d, run);
    }
    return 0;
}

int mtl_doc_build(mtl_doc *doc, const char *text, size_t len, const char *name)
{
    return mtl_doc_build_as(doc, text, len, name, 0);
}

int mtl_doc_build_as(mtl_doc *doc, const char *src, size_t len,
                     const char *name, int markdown)
{
    return mtl_doc_build_with(doc, src, len, name, markdown, NULL);
}

int mtl_doc_build_with(mtl_doc *doc, const char *src, size_t len,
                       const char *name, int markdown,
                       const mtl_breakers *breakers)
{
    memset(doc, 0, sizeof *doc);
    if (len >= UINT32_MAX)
        return -1;
    doc->src = doc->text = src;
    doc->src_len = doc->len = len;
    doc->name = name;
    builder b = {.doc = doc};
    int rc = build_lines(&b);
    if (rc == 0 && markdown) {
        mtl_prose p;
        rc = mtl_markdown_prose(src, len, doc->line_starts, doc->n_lines, &p);
        if (rc == 0) {
            doc->markdown = 1;
            doc->text = p.text;
            doc->len = p.len;
            doc->map = p.map;
            doc->map_end = p.map_end;
            doc->blocks = p.blocks;
            doc->n_blocks = p.n_blocks;
            b.block_cap = p.n_blocks;
            doc->opaque = p.opaque;
            doc->n_opaque = p.n_opaque;
            doc->emph = p.emph;
            doc->n_emph = p.n_emph;
            doc->directives = p.directives;
            doc->n_directives = p.n_directives;
        }
    }
    if (rc == 0)
        rc = clone_breakers(&b, breakers);
    if (rc == 0)
        rc = build(&b);
    close_breakers(b.words, b.sents);
    if (b.ut)
        utext_close(b.ut);
    free(b.flat);
    free(b.urls.items);
    free(b.merged.items);
    if (rc != 0)
        mtl_doc_free(doc);
    return rc;
}

void mtl_doc_free(mtl_doc *doc)
{
    if (doc->markdown) {
        free((char *)doc->text);
        free(doc->map);
        free(doc->map_end);
        free(doc->opaque);
        free(doc->emph);
        for (size_t i = 0; i < doc->n_directives; i++)
            free(doc->directives[i].rules);
        free(doc->directives);
    }
    free(doc->line_starts);
    free(doc->tokens);
    free(doc->sentences);
    free(doc->blocks);
    free(doc->norms);
    memset(doc, 0, sizeof *doc);
}

size_t mtl_doc_skip_space(const mtl_doc *doc, size_t i)
{
    while (i < doc->n_tokens && mtl_tok_is_space(&doc->tokens[i]))
        i++;
    return i;
}

size_t mtl_sentence_report_start(const mtl_doc *doc, const mtl_sentence *s)
{
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (!mtl_tok_is_space(t) && t->kind != MTL_TOK_URL)
            return t->start;
    }
    return s->start;
}

size_t mtl_doc_skip_space_back(const mtl_doc *doc, size_t i)
{
    while (i != SIZE_MAX && i < doc->n_tokens && mtl_tok_is_space(&doc->tokens[i]))
        i--;
    return i;
}

void mtl_doc_text_range(const mtl_doc *doc, size_t start, size_t end,
                        size_t *t0, size_t *t1)
{
    if (!doc->map) {
        *t0 = start < doc->len ? start : doc->len;
        *t1 = end < doc->len ? end : doc->len;
        if (*t1 < *t0)
            *t1 = *t0;
        return;
    }
    /* Both maps never decrease: the first byte that starts at or after
     * start, and the first after it that ends past end. Separators (an
     * empty span) belong to the range only between its text. */
    size_t lo = 0, hi = doc->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->map[mid] < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    *t0 = lo;
    hi = doc->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->map_end[mid] <= end)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo > *t0 && doc->map[lo - 1] == doc->map_end[lo - 1])
        lo--;
    while (*t0 < lo && doc->map[*t0] == doc->map_end[*t0])
        (*t0)++;
    *t1 = lo;
}

size_t mtl_doc_line_of(const mtl_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}
