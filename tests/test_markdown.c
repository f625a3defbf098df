/* Markdown: prose extraction, exact source positions, skipped constructs,
 * block kinds, and mtlint comments. */
#include "lint_helper.h"

#include "text/doc.h"
#include "mtlint.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions_inside_markup),
        cmocka_unit_test(skipped_constructs),
        cmocka_unit_test(block_kinds),
        cmocka_unit_test(suppressions),
        cmocka_unit_test(unused_suppressions),
        cmocka_unit_test(crlf_and_bad_bytes),
        cmocka_unit_test(indented_continuation),
        cmocka_unit_test(lazy_continuation),
        cmocka_unit_test(odd_positions),
        cmocka_unit_test(article_as_markdown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
