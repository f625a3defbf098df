/* Markdown: prose extraction, exact source positions, skipped constructs,
 * block kinds, and mtlint comments. */
#include "lint_helper.h"

#include "base/utf8.h"
#include "text/doc.h"
#include "text/markdown.h"
#include "mtlint.h"

#include <cmark.h>
#include <unicode/uchar.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lints with the rules that need no dictionary or model, so that what is
 * tested here does not depend on what is installed. */
static mtl_result *lint(const char *text, const char *name, int unused)
{
    static const char *const rules[] = {
        "repeated-word", "repeated-phrase", "punctuation-spacing",
        "doubled-punctuation", "unbalanced-quotes", "encoding"};
    mtl_options *o = mtl_options_new();
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
        if (mtl_rule_find(rules[i]) >= 0)
            mtl_options_set_severity(o, rules[i], MTL_WARNING);
    if (unused)
        mtl_options_set(o, "report-unused-suppressions", "1");
    mtl_linter *l = mtl_linter_new(o, NULL);
    mtl_options_free(o);
    assert_non_null(l);
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, text, strlen(text), name, &r), 0);
    mtl_linter_free(l);
    return r;
}

/* Findings of one rule, as "line:col-endline:endcol text" lines. */
static char *describe(const char *text, const mtl_result *r, const char *rule)
{
    static char buf[4096];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        if (rule && strcmp(f->rule, rule) != 0)
            continue;
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%zu:%zu-%zu:%zu %.*s|",
                              f->line, f->column, f->end_line, f->end_column,
                              (int)f->length, text + f->offset);
    }
    return buf;
}

static void positions_inside_markup(void **state)
{
    (void)state;
    const char *md = "# Talks the the *summit*\n"
                     "\n"
                     "Some **bold the** the words and [a the the link](http://x.org).\n"
                     "- item the\n"
                     "  the one\n"
                     "\n"
                     "> quoted _em_ the the text\n";
    mtl_result *r = lint(md, "a.md", 0);
    assert_string_equal(describe(md, r, "repeated-word"),
                        "1:9-1:16 the the|"
                        "3:13-3:22 the** the|"
                        "3:36-3:43 the the|"
                        "4:8-5:6 the\n  the|"
                        "7:15-7:22 the the|");
    mtl_result_free(r);
}

static void skipped_constructs(void **state)
{
    (void)state;
    const char *md = "---\n"
                     "title: the the\n"
                     "---\n"
                     "\n"
                     "Run `the the` now, see <http://the.the> and ![the the](i.png).\n"
                     "\n"
                     "```\n"
                     "the the . . release ,\n"
                     "```\n"
                     "\n"
                     "    the the indented code\n"
                     "\n"
                     "<div>the the html</div>\n";
    mtl_result *r = lint(md, "a.md", 0);
    if (mtl_result_count(r) != 0)
        fail_msg("unexpected: %s", describe(md, r, NULL));
    mtl_result_free(r);
    /* The same bytes as plain text are all prose. */
    r = lint(md, "a.txt", 0);
    assert_true(mtl_result_count(r) > 0);
    mtl_result_free(r);
}

static void block_kinds(void **state)
{
    (void)state;
    const char *md = "# Heading\n\nPara one.\n\n- item\n\n> quote\n";
    mtl_doc d;
    assert_int_equal(mtl_doc_build_as(&d, md, strlen(md), "a.md", 1), 0);
    assert_int_equal(d.n_blocks, 4);
    assert_int_equal(d.blocks[0].kind, MTL_BLOCK_HEADING);
    assert_int_equal(d.blocks[1].kind, MTL_BLOCK_PARAGRAPH);
    assert_int_equal(d.blocks[2].kind, MTL_BLOCK_LIST_ITEM);
    assert_int_equal(d.blocks[3].kind, MTL_BLOCK_QUOTE);
    /* each block's prose maps back to where it stands in the source */
    assert_int_equal(mtl_doc_src_offset(&d, d.blocks[0].start), 2);
    assert_memory_equal(d.text + d.blocks[1].start, "Para one.", 9);
    assert_int_equal(mtl_doc_src_offset(&d, d.blocks[1].start), 11);
    mtl_doc_free(&d);
}

static void suppressions(void **state)
{
    (void)state;
    const char *md = "<!-- mtlint-disable-next-line repeated-word -->\n"
                     "skip the the this\n"
                     "\n"
                     "<!-- mtlint-disable-next-line spelling -->\n"
                     "keep the the this\n"
                     "\n"
                     "<!-- mtlint-disable -->\n"
                     "none the the\n"
                     "<!-- mtlint-enable -->\n"
                     "\n"
                     "<!-- mtlint-disable repeated-word -->\n"
                     "none a a\n"
                     "<!-- mtlint-enable repeated-word -->\n"
                     "\n"
                     "back the the\n";
    mtl_result *r = lint(md, "a.md", 0);
    assert_string_equal(describe(md, r, "repeated-word"),
                        "5:6-5:13 the the|15:6-15:13 the the|");
    mtl_result_free(r);
}

static void unused_suppressions(void **state)
{
    (void)state;
    const char *md = "<!-- mtlint-disable-next-line repeated-word -->\n"
                     "nothing to hide here\n"
                     "\n"
                     "<!-- mtlint-disable-next-line repeated-word -->\n"
                     "hide the the\n";
    mtl_result *r = lint(md, "a.md", 1);
    assert_int_equal(mtl_result_count(r), 1);
    const mtl_finding *f = mtl_result_at(r, 0);
    assert_string_equal(f->rule, "unused-suppression");
    assert_int_equal(f->line, 1);
    assert_non_null(strstr(f->message, "mtlint-disable-next-line repeated-word"));
    mtl_result_free(r);
    /* not reported unless asked */
    r = lint(md, "a.md", 0);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
}

static void crlf_and_bad_bytes(void **state)
{
    (void)state;
    const char *md = "# T\r\n\r\nSome \xff text the the end.\r\n";
    mtl_result *r = lint(md, "a.md", 0);
    const char *d = describe(md, r, "repeated-word");
    assert_string_equal(d, "3:13-3:20 the the|");
    mtl_result_free(r);
}

/* Front matter is not prose, whatever bytes it holds: an invalid byte there
 * is no finding, and the prose after it is still read at its place (the
 * fuzzer found the byte reported once, as if the front matter were prose).
 * The same byte in the prose is one. */
static void bad_byte_in_front_matter(void **state)
{
    (void)state;
    const char *md = "---\nt\x80: draft\n---\n\nWe met the the envoy.\n";
    mtl_result *r = lint(md, "a.md", 0);
    assert_string_equal(describe(md, r, NULL), "5:8-5:15 the the|");
    mtl_result_free(r);
    const char *prose = "---\nt: draft\n---\n\nWe \x80 met the the envoy.\n";
    r = lint(prose, "a.md", 0);
    assert_non_null(strstr(describe(prose, r, "encoding"), "5:4-5:5"));
    mtl_result_free(r);
}

/* An invalid byte after a backslash is one finding with the rest of its
 * sequence, as in plain text: its stand-in for cmark must not be ASCII
 * punctuation, which the backslash would escape and hide (the fuzzer found
 * 0xB1 reported alone, its column one past the text's). */
static void bad_byte_after_backslash(void **state)
{
    (void)state;
    const char *md = "x \\\xEA\xB1 y and the the end.\n";
    mtl_result *r = lint(md, "a.md", 0);
    assert_string_equal(describe(md, r, "encoding"), "1:4-1:5 \xEA\xB1|");
    assert_string_equal(describe(md, r, "repeated-word"), "1:12-1:19 the the|");
    mtl_result_free(r);
    const char *question = "Why \\? it is the the end.\n";
    r = lint(question, "a.md", 0);
    assert_string_equal(describe(question, r, "repeated-word"),
                        "1:14-1:21 the the|");
    mtl_result_free(r);
}

/* cmark leaves the indentation of continuation lines out of its columns;
 * the prose must still be the source text, at its place. */
static void indented_continuation(void **state)
{
    (void)state;
    const char *md = "First line\n"
                     "    binaries are the the [built on RHEL](#x) here\n"
                     "    like `mintty` works a a lot.\n";
    mtl_result *r = lint(md, "a.md", 0);
    assert_string_equal(describe(md, r, "repeated-word"),
                        "2:18-2:25 the the|3:25-3:28 a a|");
    mtl_result_free(r);
    mtl_doc d;
    assert_int_equal(mtl_doc_build_as(&d, md, strlen(md), "a.md", 1), 0);
    assert_non_null(strstr(d.text, "binaries are the the built on RHEL here"));
    assert_non_null(strstr(d.text, "like `mintty` works"));
    mtl_doc_free(&d);
}

/* A lazy continuation line (not indented like its list item's or block
 * quote's text) starts its columns at its own first byte, though cmark
 * counts them as if it were indented: "advances" must not read "vances". */
static void lazy_continuation(void **state)
{
    (void)state;
    const char *md = "* The item text or\n"
                     "lazy the the line advances here.\n"
                     "\n"
                     "> A quote that\n"
                     "goes on a a while.\n"
                     "\n"
                     "> > A deep quote\n"
                     "> then the the end.\n"
                     "\n"
                     "1. See [the\n"
                     "docs](a_b#c-d) for for more.\n";
    mtl_result *r = lint(md, "a.md", 0);
    assert_string_equal(describe(md, r, NULL),
                        "2:6-2:13 the the|5:9-5:12 a a|8:8-8:15 the the|"
                        "11:16-11:23 for for|");
    mtl_result_free(r);
    mtl_doc d;
    assert_int_equal(mtl_doc_build_as(&d, md, strlen(md), "a.md", 1), 0);
    assert_non_null(strstr(d.text, "lazy the the line advances here."));
    assert_non_null(strstr(d.text, "goes on a a while."));
    assert_non_null(strstr(d.text, "docs for for more."));
    mtl_doc_free(&d);
}

/* Long runs of emphasis ("*_*_*_..." is emphasis after emphasis, each
 * holding one mark): the marks are placed by cmark's columns, not by
 * searching for the next "*", which would fall behind with every pair
 * until the text after the run is out of reach. */
static void markup_runs(void **state)
{
    (void)state;
    for (int line = 0; line < 2; line++) {
        static char md[12000];
        size_t o = 0;
        if (line)
            o += (size_t)snprintf(md, sizeof md, "A first line\n");
        for (int i = 0; i < 5000; i++)
            o += (size_t)snprintf(md + o, sizeof md - o, "*_");
        o += (size_t)snprintf(md + o, sizeof md - o, " and the the end.\n");
        mtl_result *r = lint(md, "a.md", 0);
        assert_int_equal(mtl_result_count(r), 1);
        const mtl_finding *f = mtl_result_at(r, 0);
        assert_int_equal(f->offset, (size_t)(strstr(md, "the the") - md));
        assert_int_equal(f->length, 7);
        mtl_result_free(r);
    }
}

/* Ignored words and phrases name the text a reader sees, not its markup:
 * "*the* the" is the phrase "the the", "recie&#118;e" the word "recieve". */
static void ignored_terms(void **state)
{
    (void)state;
    const char *md = "Read *the* the docs and recie&#118;e mail.\n\n"
                     "Then the [the\nlink](x) and more mail.\n";
    mtl_options *o = mtl_options_new();
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    mtl_options_set_severity(o, "repeated-word", MTL_WARNING);
    mtl_options_set_severity(o, "spelling", MTL_WARNING);
    mtl_linter *l = mtl_linter_new(o, NULL);
    assert_non_null(l);
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, md, strlen(md), "a.md", &r), 0);
    /* without the options: two repeated words, and the misspelling twice
     * when the dictionary is installed */
    assert_true(mtl_result_count(r) >= 2);
    mtl_result_free(r);
    mtl_linter_free(l);

    mtl_options_set(o, "ignore-phrase", "the the");
    mtl_options_set(o, "ignore-word", "recieve");
    l = mtl_linter_new(o, NULL);
    mtl_options_free(o);
    assert_non_null(l);
    assert_int_equal(mtl_lint(l, md, strlen(md), "a.md", &r), 0);
    if (mtl_result_count(r) != 0)
        fail_msg("not ignored: %s", describe(md, r, NULL));
    mtl_result_free(r);
    mtl_linter_free(l);
}

/* Inputs on which cmark reports an end before the start. */
static void odd_positions(void **state)
{
    (void)state;
    const char *const inputs[] = {"\\\n`\n`", "`", "``\n``", "*\n*", "[a](\n)",
                                  "- `x\n  y`", "> `a\n> b`"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        mtl_result *r = lint(inputs[i], "a.md", 0);
        assert_non_null(r);
        mtl_result_free(r);
    }
}

/* The flagged text of a Markdown finding without the markup the test put
 * in: emphasis stars, link brackets and the link's destination. */
static char *strip_markup(const char *s, size_t n)
{
    static const char dest[] = "(https://www.whitehouse.gov)";
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (n - i >= sizeof dest - 1 && memcmp(s + i, dest, sizeof dest - 1) == 0)
            i += sizeof dest - 1;
        else if (s[i] == '*' || s[i] == '[' || s[i] == ']')
            i++;
        else
            out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* The reference article as Markdown: front matter, a heading, emphasis, a
 * link and a code block full of artifacts give the plain text's findings,
 * each at the same text in the .md file. */
static void article_as_markdown(void **state)
{
    (void)state;
    size_t n = 0;
    char *plain = read_article(&n);

    /* Markdown: front matter and a heading first; "Secretary of State" in
     * emphasis; "White House" as a link; a code block at the end. */
    static char md[70000];
    size_t o = (size_t)snprintf(md, sizeof md,
                                "---\ntitle: the the\nsource: cnn\n---\n\n"
                                "# Blinken trip the the report\n\n");
    size_t head_lines = 7;
    for (size_t i = 0; i < n;) {
        if (strncmp(plain + i, "Secretary of State", 18) == 0) {
            o += (size_t)snprintf(md + o, sizeof md - o, "*Secretary of State*");
            i += 18;
        } else if (strncmp(plain + i, "White House", 11) == 0) {
            o += (size_t)snprintf(md + o, sizeof md - o,
                                  "[White House](https://www.whitehouse.gov)");
            i += 11;
        } else {
            md[o++] = plain[i++];
        }
    }
    o += (size_t)snprintf(md + o, sizeof md - o,
                          "\n\n```\nthe the . . release , “x\n```\n");
    md[o] = '\0';

    mtl_result *rp = lint(plain, "a.txt", 0);
    mtl_result *rm = lint(md, "a.md", 0);
    /* The heading's "the the" is the only extra finding. */
    size_t np = mtl_result_count(rp), nm = mtl_result_count(rm);
    assert_true(np > 0);
    assert_int_equal(nm, np + 1);
    assert_int_equal(mtl_result_at(rm, 0)->line, 6);
    for (size_t i = 0; i < np; i++) {
        const mtl_finding *a = mtl_result_at(rp, i), *b = mtl_result_at(rm, i + 1);
        assert_string_equal(a->rule, b->rule);
        assert_int_equal(a->line + head_lines, b->line);
        char *want = strndup(plain + a->offset, a->length);
        char *got = strip_markup(md + b->offset, b->length);
        assert_string_equal(want, got);
        free(want);
        free(got);
    }
    mtl_result_free(rp);
    mtl_result_free(rm);
    free(plain);
}

/* ---- the CommonMark specification's examples ---------------------------- */

/* The examples of tests/commonmark/spec.txt: the Markdown of each, with
 * "→" standing for a tab. */
typedef struct example {
    char *md;
    size_t len;
    size_t line; /* of the spec, for messages */
} example;

static example *spec_examples(size_t *n_out)
{
    static const char fence[] = "````````````````````````````````";
    char *spec = read_source_file("tests/commonmark/spec.txt", NULL);
    example *ex = NULL;
    size_t n = 0, cap = 0, line = 0;
    char *md = NULL;
    size_t md_len = 0, md_line = 0;
    int state = 0; /* 0 prose, 1 Markdown, 2 expected HTML */
    for (char *p = spec; *p;) {
        char *e = strchr(p, '\n');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        line++;
        if (state == 0 && k == sizeof fence - 1 + 8 &&
            memcmp(p, fence, sizeof fence - 1) == 0 &&
            memcmp(p + sizeof fence - 1, " example", 8) == 0) {
            state = 1;
            md = malloc(strlen(p) + 1);
            assert_non_null(md);
            md_len = 0;
            md_line = line;
        } else if (state == 1 && k == 1 && p[0] == '.') {
            state = 2;
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                ex = realloc(ex, cap * sizeof *ex);
                assert_non_null(ex);
            }
            md[md_len] = '\0';
            ex[n++] = (example){md, md_len, md_line};
        } else if (state == 1) {
            for (size_t i = 0; i < k; i++) {
                if (k - i >= 3 && memcmp(p + i, "\xE2\x86\x92", 3) == 0) {
                    md[md_len++] = '\t';
                    i += 2;
                } else {
                    md[md_len++] = p[i];
                }
            }
            md[md_len++] = '\n';
        } else if (state == 2 && k == sizeof fence - 1 &&
                   memcmp(p, fence, k) == 0) {
            state = 0;
        }
        p += k + (e ? 1 : 0);
    }
    free(spec);
    *n_out = n;
    return ex;
}

/* The example inside a container: every line after `first` on the first
 * line and `rest` on the others. */
static char *wrap(const example *x, const char *first, const char *rest,
                  size_t *len)
{
    size_t lines = 1;
    for (size_t i = 0; i < x->len; i++)
        lines += x->md[i] == '\n';
    char *out = malloc(x->len + lines * (strlen(first) + strlen(rest)) + 1);
    assert_non_null(out);
    size_t o = 0;
    int at_start = 1, first_line = 1;
    for (size_t i = 0; i < x->len; i++) {
        if (at_start) {
            const char *pre = first_line ? first : rest;
            memcpy(out + o, pre, strlen(pre));
            o += strlen(pre);
            at_start = first_line = 0;
        }
        out[o++] = x->md[i];
        at_start = x->md[i] == '\n';
    }
    out[o] = '\0';
    *len = o;
    return out;
}

/* What a reader sees, as the letters and digits (and every byte of a
 * non-ASCII character) of cmark's HTML, without code, tags, comments (raw
 * HTML in cmark's safe mode) and escaped markup characters. */
static char *rendered_letters(const char *md, size_t len)
{
    char *html = cmark_markdown_to_html(md, len, CMARK_OPT_DEFAULT);
    assert_non_null(html);
    char *out = malloc(strlen(html) + 1);
    assert_non_null(out);
    size_t o = 0;
    static const char *const skips[][2] = {{"<code", "</code>"},
                                           {"<pre", "</pre>"},
                                           {"<!--", "-->"},
                                           {"<", ">"},
                                           {"&amp;", ""}, {"&lt;", ""},
                                           {"&gt;", ""}, {"&quot;", ""}};
    for (const char *p = html; *p;) {
        size_t k = 0;
        for (; k < sizeof skips / sizeof *skips; k++)
            if (strncmp(p, skips[k][0], strlen(skips[k][0])) == 0)
                break;
        if (k < sizeof skips / sizeof *skips) {
            const char *e = *skips[k][1] ? strstr(p, skips[k][1]) : NULL;
            p = e ? e + strlen(skips[k][1]) : *skips[k][1] ? p + strlen(p)
                                                         : p + strlen(skips[k][0]);
            continue;
        }
        unsigned char c = (unsigned char)*p++;
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
            out[o++] = (char)c;
    }
    out[o] = '\0';
    free(html);
    return out;
}

static int alnum(char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* The same of the prose mtlint reads: code spans and images (opaque spans
 * that start with "`" or "!", once the letters written against them are
 * taken off) are not text a reader sees; autolinks are. */
static char *prose_letters(const mtl_doc *d)
{
    char *out = malloc(d->len + 1);
    assert_non_null(out);
    size_t o = 0, k = 0;
    for (size_t i = 0; i < d->len; i++) {
        while (k < d->n_opaque && d->opaque[k].end <= i)
            k++;
        if (k < d->n_opaque) {
            size_t a = d->opaque[k].start, e = d->opaque[k].end;
            while (a < e && alnum(d->text[a]))
                a++;
            while (e > a && alnum(d->text[e - 1]))
                e--;
            if (a <= i && i < e && (d->text[a] == '`' || d->text[a] == '!'))
                continue;
        }
        unsigned char c = (unsigned char)d->text[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
            out[o++] = (char)c;
    }
    out[o] = '\0';
    return out;
}

/* Front matter that mtlint leaves out, blanked for cmark's rendering. */
static char *without_front_matter(const char *md, size_t len)
{
    char *c = malloc(len + 1);
    assert_non_null(c);
    memcpy(c, md, len + 1);
    for (const char *f = "-+"; *f; f++) {
        char open[5] = {*f, *f, *f, '\n', 0};
        if (strncmp(c, open, 4) != 0)
            continue;
        char *close = strstr(c + 3, open + 0);
        /* the fence again at the start of a line */
        while (close && close[-1] != '\n')
            close = strstr(close + 1, open);
        if (!close)
            close = *f == '-' ? strstr(c + 3, "\n...\n") : NULL;
        if (close) {
            char *end = close + (close[0] == '\n' ? 4 : 3);
            for (char *p = c; p < end; p++)
                if (*p != '\n')
                    *p = ' ';
        }
    }
    return c;
}

static int is_letter_at(const char *s, size_t len, size_t i, int before)
{
    if (before ? i == 0 : i >= len)
        return 0;
    uint32_t c;
    size_t at = before ? mtl_utf8_prev(s, i) : i;
    mtl_utf8_next(s, len, at, &c);
    return c != MTL_BAD_CP && u_isalpha((UChar32)c);
}

/* A copy of md with the character at [i, ...) changed to a different
 * letter or digit ('q' for other marks), or NULL when it is a character
 * whose change would change the Markdown around it. */
static char *perturbed(const char *md, size_t len, size_t from, size_t to,
                       size_t *out_len)
{
    char *c = malloc(len + 4 * (to - from) + 1);
    assert_non_null(c);
    size_t o = 0;
    int changed = 0;
    memcpy(c, md, from);
    o = from;
    for (size_t i = from; i < to;) {
        uint32_t cp;
        size_t k = mtl_utf8_next(md, len, i, &cp);
        if (cp < 0x80 && ((cp | 32) >= 'a' && (cp | 32) <= 'z')) {
            c[o++] = (char)((cp | 32) == 'q' ? cp + 1 : (cp & 32) | 'Q');
            changed = 1;
        } else if (cp >= '0' && cp <= '9') {
            c[o++] = cp == '7' ? '8' : '7';
            changed = 1;
        } else if (cp >= 0x80 && cp != MTL_BAD_CP && u_isalpha((UChar32)cp)) {
            c[o++] = 'q';
            changed = 1;
        } else if (cp == '"' || cp == '\'' || cp == ',' || cp == '.' ||
                   cp == ';' || cp == '?' || cp == '%' || cp == '/' ||
                   cp == '@' || cp == '$' || cp == '^' || cp == '{' ||
                   cp == '}' || (cp >= 0x80 && cp != MTL_BAD_CP)) {
            c[o++] = 'q';
            changed = 1;
        } else {
            memcpy(c + o, md + i, k);
            o += k;
        }
        i += k;
    }
    memcpy(c + o, md + to, len - to);
    o += len - to;
    c[o] = '\0';
    *out_len = o;
    if (!changed) {
        free(c);
        return NULL;
    }
    return c;
}

/* Rules whose findings are words or phrases. */
static int word_rule(const char *rule)
{
    static const char *const rules[] = {
        "spelling", "repeated-word", "repeated-phrase", "untranslated",
        "mistranslation", "term-inconsistency", "fragment",
        "disfluent-sentence", NULL};
    for (size_t i = 0; rules[i]; i++)
        if (strcmp(rule, rules[i]) == 0)
            return 1;
    return 0;
}

static const mtl_linter *all_rules(void)
{
    static mtl_linter *l;
    if (!l) {
        mtl_options *o = mtl_options_new();
        for (size_t i = 0; i < mtl_rule_count(); i++)
            mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_WARNING);
        l = mtl_linter_new(o, NULL);
        mtl_options_free(o);
        assert_non_null(l);
    }
    return l;
}

typedef struct spec_tally {
    size_t documents, findings, word_findings, failures;
} spec_tally;

static void spec_fail(spec_tally *t, const char *what, size_t line,
                      const char *variant, const char *md, const char *detail)
{
    if (t->failures++ < 400)
        print_message("spec.txt:%zu (%s): %s%s%s\n---\n%s---\n", line, variant,
                      what, detail ? ": " : "", detail ? detail : "", md);
}

/* Does changing src[from, to) change what a reader sees? */
static int touches_prose(const char *md, size_t len, size_t from, size_t to,
                         const char *seen)
{
    size_t n;
    char *c = perturbed(md, len, from, to, &n);
    if (!c)
        return -1; /* cannot tell */
    char *bare = without_front_matter(c, n);
    char *r = rendered_letters(bare, n);
    int differs = strcmp(r, seen) != 0;
    free(r);
    free(bare);
    free(c);
    return differs;
}

static void check_document(spec_tally *t, const char *md, size_t len,
                           size_t line, const char *variant)
{
    t->documents++;
    char *bare = without_front_matter(md, len);
    char *seen = rendered_letters(bare, len);
    free(bare);

    /* the prose: every node placed, the map in order, copied bytes equal
     * to the source, the same letters as cmark's rendering */
    mtl_doc d;
    assert_int_equal(mtl_doc_build_as(&d, md, len, "example.md", 1), 0);
    mtl_prose p;
    assert_int_equal(mtl_markdown_prose(md, len, d.line_starts, d.n_lines, &p), 0);
    if (p.n_unplaced)
        spec_fail(t, "inline nodes not found in the source", line, variant, md,
                  NULL);
    mtl_prose_free(&p);
    for (size_t i = 0; i < d.len; i++) {
        if (d.map[i] > d.map[i + 1] || d.map_end[i] > d.map_end[i + 1] ||
            d.map[i] > d.map_end[i] || d.map_end[i] > len) {
            spec_fail(t, "map out of order", line, variant, md, NULL);
            break;
        }
        if (d.map_end[i] == d.map[i] + 1 && d.text[i] != md[d.map[i]]) {
            spec_fail(t, "copied byte differs from the source", line, variant,
                      md, NULL);
            break;
        }
    }
    char *mine = prose_letters(&d);
    if (strcmp(mine, seen) != 0) {
        char detail[512];
        snprintf(detail, sizeof detail, "prose '%.200s' rendered '%.200s'",
                 mine, seen);
        spec_fail(t, "prose differs from cmark's rendering", line, variant, md,
                  detail);
    }
    free(mine);
    mtl_doc_free(&d);

    /* the findings: inside the input, on character boundaries, the same
     * twice, words at word boundaries, none outside the prose */
    mtl_result *r = NULL, *again = NULL;
    assert_int_equal(mtl_lint(all_rules(), md, len, "example.md", &r), 0);
    assert_int_equal(mtl_lint(all_rules(), md, len, "example.md", &again), 0);
    if (mtl_result_count(r) != mtl_result_count(again))
        spec_fail(t, "two runs differ", line, variant, md, NULL);
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        size_t a = f->offset, e = f->offset + f->length;
        char detail[256];
        snprintf(detail, sizeof detail, "%s [%zu,%zu) '%.*s': %s", f->rule, a,
                 e, (int)(e <= len ? e - a : 0), md + a, f->message);
        t->findings++;
        if (i < mtl_result_count(again)) {
            const mtl_finding *g = mtl_result_at(again, i);
            if (g->offset != f->offset || g->length != f->length ||
                strcmp(g->rule, f->rule) || strcmp(g->message, f->message))
                spec_fail(t, "two runs differ", line, variant, md, detail);
        }
        if (e > len || a > e) {
            spec_fail(t, "finding outside the input", line, variant, md, detail);
            continue;
        }
        if ((a < len && ((unsigned char)md[a] & 0xC0) == 0x80) ||
            (e < len && ((unsigned char)md[e] & 0xC0) == 0x80)) {
            spec_fail(t, "finding splits a character", line, variant, md,
                      detail);
            continue;
        }
        if (!f->length)
            continue;
        if (word_rule(f->rule)) {
            t->word_findings++;
            if (is_letter_at(md, len, a, 1) || is_letter_at(md, len, e, 0))
                spec_fail(t, "word finding not at word boundaries", line,
                          variant, md, detail);
        }
        /* its first and its last character are text a reader sees */
        size_t last = mtl_utf8_prev(md, e);
        size_t first_end = a + mtl_utf8_next(md, len, a, &(uint32_t){0});
        if (touches_prose(md, len, a, first_end, seen) == 0 ||
            touches_prose(md, len, last, e, seen) == 0)
            spec_fail(t, "finding outside the prose", line, variant, md, detail);
    }
    mtl_result_free(r);
    mtl_result_free(again);
    free(seen);
}

/* Every example of the CommonMark spec, alone, in a block quote, in a list
 * item, and after a block quote marker on its first line only (the others
 * then lazy continuation lines or blocks of their own). */
static void commonmark_spec(void **state)
{
    (void)state;
    size_t n = 0;
    example *ex = spec_examples(&n);
    assert_int_equal(n, 652);
    spec_tally t = {0};
    for (size_t i = 0; i < n; i++) {
        static const char *const wraps[][3] = {{"alone", "", ""},
                                               {"quoted", "> ", "> "},
                                               {"list item", "- ", "  "},
                                               {"lazy", "> ", ""}};
        for (size_t w = 0; w < sizeof wraps / sizeof *wraps; w++) {
            size_t len;
            char *md = wrap(&ex[i], wraps[w][1], wraps[w][2], &len);
            check_document(&t, md, len, ex[i].line, wraps[w][0]);
            free(md);
        }
        free(ex[i].md);
    }
    free(ex);
    print_message("%zu documents, %zu findings (%zu of words)\n", t.documents,
                  t.findings, t.word_findings);
    assert_int_equal(t.failures, 0);
    /* the examples have words to flag: the checks above checked something */
    assert_true(t.word_findings > 100);
}

/* ---- found on the specification and on real READMEs -------------------- */

/* Lazy continuation lines (a list item's or block quote's paragraph going
 * on without the indentation or "> "): cmark's columns there are off by
 * the prefix the line lacks, which cut "advances" to "vances". The second
 * clean case is the CommonMark spec's example of laziness (spec.txt line
 * 4920). */
static const flag_case lazy_flags[] = {
    {.text = "* The item text or\nadvanses here.\n", .flag = "advanses"},
    {.text = "> A quoted line that\ncontinuess lazily.\n", .flag = "continuess"},
    {.text = "  1.  A paragraph\nwith two linez.\n", .flag = "linez"},
    {.text = "> > Nested quotes\n> go on here\nand recieve more.\n", .flag = "recieve"},
};
static const char *const lazy_clean[] = {
    "* The item text or\nadvances here.\n",
    ("  1.  A paragraph\nwith two lines.\n\n          indented code\n\n"
     "      > A block quote.\n"),
    "> A quoted line that\ncontinues lazily here.\n",
    "> > Nested quotes\n> go on here\nand continue lazily.\n",
    "- The item\n      continues with more indentation than needed.\n",
};

/* Entities and numeric character references: decoded as cmark decodes
 * them, each character mapped to its whole source span. */
static const flag_case entity_flags[] = {
    /* spaced: a word glued inside <...> reads as a placeholder ("<file>") */
    {.text = "Use &lt; wrod &gt; here.\n", .flag = "wrod"},
    {.text = "Caf&eacute;s and restaurnts.\n", .flag = "restaurnts"},
    {.text = "We recie&#118;e mail.\n", .flag = "recie&#118;e"},
    {.text = "We recei&shy;ve &amp; recie&#x76;e mail.\n", .flag = "recie&#x76;e"},
};
static const flag_case entity_repeats[] = {
    {.text = "They met the&#32;the ministers.\n", .flag = "the&#32;the"},
    {.text = "They met &#116;he the ministers.\n", .flag = "&#116;he the"},
};
static const char *const entity_clean[] = {
    "Use &lt;word&gt; here.\n",
    "Caf&eacute; and tea &amp; croissants.\n",
    "A &#34;quoted&#34; word and &#x41;BC here.\n",
    "Fish &amp;amp; chips, written as an entity.\n",
    "- An item with &copy; and &nbsp;entities\n  and a second line &mdash; here.\n",
};

/* Tables: one block per cell, the delimiter row left out, so cells are not
 * glued into one sentence; "<br>" separates what it separates. */
static const flag_case table_spacing_flags[] = {
    {.text = "| Event | Note |\n|---|---|\n| The war ended.The next day came. | ok |\n",
     .flag = ".", .after = "ended", .message = "missing space after '.'"},
    {.text = "| Event | Note |\n|---|---|\n| The talks , she said | ok |\n",
     .flag = " ,", .message = "space before ','"},
};
static const char *const table_spacing_clean[] = {
    "| Event | Note |\n|---|---|\n| The war ended.<br>The next day came. | ok |\n",
    "| a | b |\n|---|---|\n| one.<br>two | three |\n",
    "The war ended.<br>The next day came.\n",
    "The war ended.<br/>The next day came.<p>Then it rained.</p>\n",
    "Name | Role\n:--- | ---:\nSmith.| lead\n",
};
static const flag_case table_repeat_flags[] = {
    {.text = "| Name | Note |\n|---|---|\n| x | the the end |\n", .flag = "the the"},
    {.text = "Intro to the the table:\n\n| a | b |\n|---|---|\n| c | d |\n",
     .flag = "the the"},
};
static const char *const table_repeat_clean[] = {
    "| the | the |\n|---|---|\n| a | a |\n",
    "| Term | Meaning |\n| --- | --- |\n| data | data |\n",
    "Some text before\n| head | head |\n|------|------|\n| cell | cell |\n",
};

/* Reference links with escaped characters (an indented continuation line,
 * where cmark's columns are off): the escapes are decoded and the link
 * text stays whole. */
static const flag_case refesc_flags[] = {
    {.text = "Some text\n    continues [with \\*stars\\* manaul][ref] now.\n\n"
             "[ref]: https://example.com\n",
     .flag = "manaul"},
    {.text = "Read [the \\[draft\\] manaul][ref].\n\n[ref]: https://example.com\n",
     .flag = "manaul"},
};
static const char *const refesc_clean[] = {
    ("Some text\n    continues [with \\*stars\\* here][ref] now.\n\n"
     "[ref]: https://example.com\n"),
    ("[foo\\*bar\\_baz manual][ref] and [\\[draft\\] notes][]\n\n"
     "[ref]: https://example.com\n[\\[draft\\] notes]: /notes\n"),
};
static const char *const refesc_quotes_clean[] = {
    ("Some text\n    continues [with \\*stars\\* here][ref] now.\n\n"
     "[ref]: https://example.com\n"),
    "> Quoted text\n> with [a \\[bracketed\\] link](https://x.example) (and more).\n",
};

/* Link reference definitions that open a paragraph: cmark drops them from
 * its text but keeps its start line, and the text after them was read from
 * the definition ("url"). */
static const flag_case refdef_flags[] = {
    {.text = "[ref]: /url\n\"title\"\nThe paragraph recieved.\n", .flag = "recieved"},
    {.text = "> [a]: /url\n> [b]: /other\n> Quoted and recieved.\n", .flag = "recieved"},
};
static const char *const refdef_clean[] = {
    "[ref]: /url\n\"title\"\nThe paragraph here.\n",
    "[ref]: https://example.com/teh/docz\nSee [ref] here.\n",
    "- [a]: /url\n  [b]: /other\n  An item here.\n",
};

/* Setext headings: cmark ends one where the next line starts, not at its
 * underline, and its text was searched from the wrong line when it opened
 * with a bracket (fuzzing: the '[' placed inside the code span). */
static const flag_case setext_flags[] = {
    {.text = "[`\n[`\n=\n\nNext.\n", .flag = "["},
    {.text = "[`\n[`\n=\ne\n", .flag = "["},
    {.text = "[Teh\nheading\n---\nNext paragraph.\n", .flag = "[Teh"},
};
static const char *const setext_clean[] = {
    "[A] heading\nof two lines\n===\n\nNext paragraph.\n",
    "> [A] quoted\n> heading\n> ---\n",
};

/* Images are not read: their alt text, also inside a link (a badge) and
 * when the image's address is a URL, which used to win over the image. */
static const flag_case image_flags[] = {
    {.text = "[![npm version](https://badge.fury.io/js/foo.svg)]"
             "(https://badge.fury.io/js/foo) The packge is fast.\n",
     .flag = "packge"},
    {.text = "See ![the logo](logo.png) and the recieved docs.\n",
     .flag = "recieved"},
};
static const char *const image_clean[] = {
    "[![npm version](https://badge.fury.io/js/foo.svg)](https://badge.fury.io/js/foo)\n",
    "![An imaeg of teh cat](https://example.com/cat.png)\n",
    "See ![teh logo](logo.png) here.\n",
    ("[![Build](https://ci.example/x.svg)](https://ci.example/x)\n"
     "[![Coverage](https://cov.example/x.svg)](https://cov.example/x)\n"),
    "An ![inline imaeg][logo] in a sentence.\n\n[logo]: https://example.com/l.png\n",
    "It makes `chown()`ing files and `malloc`ed memory robust.\n",
};

/* Front matter: YAML ("---") and TOML ("+++") are not prose. */
static const flag_case front_flags[] = {
    {.text = "+++\ntitle = \"draft\"\n+++\n\nWe recieve mail.\n", .flag = "recieve"},
    {.text = "---\ntitle: draft\n---\n\nWe recieve mail.\n", .flag = "recieve"},
    /* after a blank line, "---" with no key after it is a thematic break */
    {.text = "\n---\n\nA paragraph with teh typo.\n\n---\n\nMore.\n",
     .flag = "teh"},
};
static const char *const front_clean[] = {
    "+++\ntitle = \"teh draft\"\n+++\n\nText here.\n",
    "---\ntitle: teh draft\n...\n\nText here.\n",
    "\xEF\xBB\xBF---\ntitle: teh draft\n---\n\nText here.\n",
    /* blank lines first, as Hugo allows */
    "\n---\ntitle: teh draft\nauthors:\n  - andrew-nielson\n---\n\nText here.\n",
    " \r\n\r\n+++\ntitle = \"teh\"\n+++\n\nText here.\n",
};

/* Links one after another (a link list): each link's text is its own
 * item, so the same word at the end of one and the start of the next is
 * not a repetition. Within a link, or between a link and prose, it is. */
static const flag_case link_flags[] = {
    {.text = "[Read the the docs](https://a.example)\n", .flag = "the the"},
    {.text = "Read [the docs](https://a.example) docs twice.\n",
     .flag = "docs](https://a.example) docs"},
};
static const char *const link_clean[] = {
    "[Read the docs](https://a.example)\n[docs in PDF](https://b.example)\n",
    "[the](https://a.example) [the](https://b.example)\n",
    "* [Download for Linux](a) [Download for Mac](b)\n",
};

/* Template tags of static-site generators (Liquid, Hugo, Nunjucks) are
 * code: left out alone on a line, one opaque token inside one; the prose
 * around them, and a link whose destination is a tag, are still read. */
static const flag_case template_spelling_flags[] = {
    {.text = "Visit {{ site.name }} for teh news.\n", .flag = "teh"},
    {.text = "See [teh post]({{ \"/2015/x/\" | url }}).\n", .flag = "teh"},
    {.text = "{% include card.html %}\n\nTeh text.\n", .flag = "Teh"},
    {.text = "- Item one\n\n  {% include figure.html\n    src=\"a.png\" %}\n\n"
             "  Teh text.\n", .flag = "Teh"},
    /* no closing braces: no tag */
    {.text = "A lone {{ brace and teh rest.\n", .flag = "teh"},
    /* after a code span over two lines has closed, a tag is masked */
    {.text = "`a\nb` done.\nSee {{ site.teh }} for teh news.\n",
     .flag = "teh", .after = "}} for "},
};
static const char *const template_spelling_clean[] = {
    "{% include card.html title=\"teh card\" %}\n\nText here.\n",
    "{{< figure src=\"a.png\" caption=\"Teh caption\" >}}\n",
    "Text {{ page.teh_title }} here.\n",
    "{% raw %}\n{{ teh }} and {% teh %}\nteh\n{% endraw %}\n",
    "{% highlight ruby %}\nputs teh\n{% endhighlight %}\n",
    "{% comment %}\nTeh draft note.\n{% endcomment %}\n",
    /* a tag alone on its line inside a comment does not end the comment */
    "<!--\n{% include x.html %}\nteh\n-->\n",
    /* a backtick inside a tag pairs with one outside it */
    "Use {{ a `b }} teh` here.\n",
    /* and a bracket: the link's destination stays one */
    "Text {% x [note %} here](/uri) ok.\n",
    /* a code span that opened on an earlier line holds the tag: a stand-in
     * would close it, inside a line or alone on one */
    "`code begins\nhere {{ teh }} end` prose.\n",
    "`code begins\n{% include teh.html %}\nend` prose.\n",
    /* runs pair by length: the tag is inside the double-backtick span */
    "See `a` ``b {{ teh }} c`` here.\n",
    /* brackets and parentheses the tag closes stay inside it */
    ("{{< quote-block text=\"They think [of] GSA as teh art (and more).\" "
     "cite=\"\" >}}\n"),
    "Text {{ x \"[teh]\" }} here.\n",
};
static const flag_case template_quote_flags[] = {
    /* the quotes around a tag are still prose's quotes */
    {.text = "He said \"see {{ site.name }} now.\n", .flag = "\"see"},
};
static const char *const template_quote_clean[] = {
    "<img src=\"{{ \"/assets/a.gif\" | url }}\" alt=\"Screenshot: a list\" />\n",
    "At a recent [event]({{ \"/2015/05/11/x/\" | url }}), he spoke.\n",
    "{% image \"assets/a.jpg\" \"A photo of the team\" %}\n",
    /* inside a code span the tag is the code span's */
    "Write `{{ \"a\" | url }}` in a post.\n",
    /* after a backtick run with no partner no stand-in span is made:
     * cmark would then miss the span around 'o"' */
    "\"``\"{%%}o`o\"`\n",
    /* a shortcode's empty argument, its quotation holding a bracket */
    ("{{< quote-block text=\"When people think [of] GSA, they think art.\" "
     "cite=\"\" >}}\n"),
};

/* A code span after an emphasis closed inside a run of '*', where cmark's
 * columns are off by one: each span is placed by its text, so the prose
 * between is read. */
static const flag_case code_after_emphasis_flags[] = {
    {.text = "*r** `#` recieve `x` here.\n", .flag = "recieve"},
};

/* Emphasis marks terms: a word set alone in italics or bold beside
 * itself is stressed or mentioned, a short emphasis is a term (foreign or
 * technical), and a style guide's bold entries are mentions. A phrase
 * in emphasis is prose. */
static const flag_case emph_repeat_flags[] = {
    {.text = "Some **bold the** the words.\n", .flag = "the** the"},
};
static const char *const emph_repeat_clean[] = {
    "We focus on those _those_ who use it.\n",
    "- utilize (use _use_)\n",
};
static const flag_case emph_spelling_flags[] = {
    {.text = "We *recieve* mail.\n", .flag = "recieve"},
    {.text = "*This whole sentence is in italics and has a tpyo in it.*\n",
     .flag = "tpyo"},
};
static const char *const emph_spelling_clean[] = {
    "The *apeiron* of Anaximander was boundless.\n",
};
static const char *const emph_terms_clean[] = {
    "- **email**, not e-mail\n- **web page**, not webpage\n",
};

typedef struct case_group {
    const char *name, *rule;
    const flag_case *flags;
    size_t n_flags;
    const char *const *clean;
    size_t n_clean;
} case_group;

#define GROUP(name, rule, f, c) {name, rule, f, COUNT_OF(f), c, COUNT_OF(c)}
#define FLAGS_ONLY(name, rule, f) {name, rule, f, COUNT_OF(f), NULL, 0}

static const case_group groups[] = {
    GROUP("lazy continuation", "spelling", lazy_flags, lazy_clean),
    GROUP("entities", "spelling", entity_flags, entity_clean),
    FLAGS_ONLY("entity spans", "repeated-word", entity_repeats),
    GROUP("table cells", "punctuation-spacing", table_spacing_flags,
          table_spacing_clean),
    GROUP("table cells", "repeated-word", table_repeat_flags, table_repeat_clean),
    GROUP("escaped reference links", "spelling", refesc_flags, refesc_clean),
    {"escaped reference links", "unbalanced-quotes", NULL, 0,
     refesc_quotes_clean, COUNT_OF(refesc_quotes_clean)},
    GROUP("reference definitions", "spelling", refdef_flags, refdef_clean),
    GROUP("images", "spelling", image_flags, image_clean),
    GROUP("setext headings", "unbalanced-quotes", setext_flags, setext_clean),
    GROUP("front matter", "spelling", front_flags, front_clean),
    GROUP("adjacent links", "repeated-word", link_flags, link_clean),
    FLAGS_ONLY("code span after emphasis", "spelling", code_after_emphasis_flags),
    GROUP("emphasis", "repeated-word", emph_repeat_flags, emph_repeat_clean),
    GROUP("emphasis", "spelling", emph_spelling_flags, emph_spelling_clean),
    {"emphasis", "term-inconsistency", NULL, 0, emph_terms_clean,
     COUNT_OF(emph_terms_clean)},
    GROUP("template tags", "spelling", template_spelling_flags,
          template_spelling_clean),
    GROUP("template tags", "unbalanced-quotes", template_quote_flags,
          template_quote_clean),
};

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions_inside_markup),
        cmocka_unit_test(bad_byte_after_backslash),
        cmocka_unit_test(skipped_constructs),
        cmocka_unit_test(block_kinds),
        cmocka_unit_test(suppressions),
        cmocka_unit_test(unused_suppressions),
        cmocka_unit_test(crlf_and_bad_bytes),
        cmocka_unit_test(bad_byte_in_front_matter),
        cmocka_unit_test(indented_continuation),
        cmocka_unit_test(lazy_continuation),
        cmocka_unit_test(odd_positions),
        cmocka_unit_test(ignored_terms),
        cmocka_unit_test(markup_runs),
        cmocka_unit_test(article_as_markdown),
        cmocka_unit_test(commonmark_spec),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    for (size_t i = 0; i < COUNT_OF(groups); i++) {
        const case_group *g = &groups[i];
        char name[120];
        snprintf(name, sizeof name, "%s (%s)", g->name, g->rule);
        failed += run_rule_cases_as(name, g->rule, "test.md", g->flags,
                                    g->n_flags, g->clean, g->n_clean);
    }
    return failed;
}
