/* The language server's positions and documents (src/cli/lsp_pos.c,
 * lsp_docs.c): UTF-16 and UTF-8 positions both ways, the protocol's
 * clamping, line ends, range edits, and file URIs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cli/lsp_docs.h"
#include "cli/lsp_pos.h"

#include <stdlib.h>
#include <string.h>

/* "aé€😀b" on line 0, then CRLF, "x", a lone CR, "y", LF, "" */
static const char text[] = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "b\r\nx\ry\n";

static lsp_position pos(size_t line, size_t character)
{
    return (lsp_position){line, character};
}

static void line_index(void **state)
{
    lsp_lines l;
    assert_int_equal(lsp_lines_index(&l, text, sizeof text - 1), 0);
    assert_int_equal(l.n, 4);
    assert_int_equal(l.starts[1], 13); /* after \r\n */
    assert_int_equal(l.starts[2], 15); /* after the lone \r */
    assert_int_equal(l.starts[3], 17); /* after \n: an empty last line */
    lsp_lines_free(&l);
}

static void positions_of_offsets(void **state)
{
    lsp_lines l;
    assert_int_equal(lsp_lines_index(&l, text, sizeof text - 1), 0);
    /* byte offsets of a, é, €, 😀, b, the line end */
    static const size_t at[] = {0, 1, 3, 6, 10, 11};
    static const size_t u16[] = {0, 1, 2, 3, 5, 6};
    for (size_t i = 0; i < 6; i++) {
        lsp_position p = lsp_position_at(&l, text, sizeof text - 1, at[i], LSP_UTF16);
        assert_int_equal(p.line, 0);
        assert_int_equal(p.character, u16[i]);
        p = lsp_position_at(&l, text, sizeof text - 1, at[i], LSP_UTF8);
        assert_int_equal(p.character, at[i]);
        /* and back */
        assert_int_equal(lsp_offset_at(text, sizeof text - 1, pos(0, u16[i]), LSP_UTF16), at[i]);
        assert_int_equal(lsp_offset_at(text, sizeof text - 1, pos(0, at[i]), LSP_UTF8), at[i]);
    }
    lsp_position p = lsp_position_at(&l, text, sizeof text - 1, 14, LSP_UTF16);
    assert_int_equal(p.line, 1);
    assert_int_equal(p.character, 1);
    p = lsp_position_at(&l, text, sizeof text - 1, sizeof text - 1, LSP_UTF16);
    assert_int_equal(p.line, 3);
    assert_int_equal(p.character, 0);
    lsp_lines_free(&l);
}

static void offsets_are_clamped(void **state)
{
    size_t n = sizeof text - 1;
    /* past a line's end: the line's end, before its CRLF */
    assert_int_equal(lsp_offset_at(text, n, pos(0, 99), LSP_UTF16), 11);
    assert_int_equal(lsp_offset_at(text, n, pos(1, 5), LSP_UTF16), 14);
    /* past the last line: the end of the text */
    assert_int_equal(lsp_offset_at(text, n, pos(9, 0), LSP_UTF16), n);
    /* inside a surrogate pair or a UTF-8 sequence: the character's start */
    assert_int_equal(lsp_offset_at(text, n, pos(0, 4), LSP_UTF16), 6);
    assert_int_equal(lsp_offset_at(text, n, pos(0, 2), LSP_UTF8), 1);
    assert_int_equal(lsp_offset_at(text, n, pos(0, 8), LSP_UTF8), 6);
}

static void ill_formed_bytes_count_once(void **state)
{
    static const char bad[] = "a\xff\xc3z"; /* two bad bytes, one each */
    lsp_lines l;
    assert_int_equal(lsp_lines_index(&l, bad, 4), 0);
    assert_int_equal(lsp_position_at(&l, bad, 4, 3, LSP_UTF16).character, 3);
    assert_int_equal(lsp_offset_at(bad, 4, pos(0, 3), LSP_UTF16), 3);
    lsp_lines_free(&l);
}

static void parse_positions(void **state)
{
    json_error_t e;
    json_t *ok = json_loads("{\"start\":{\"line\":1,\"character\":2},"
                            "\"end\":{\"line\":3,\"character\":4}}", 0, &e);
    json_t *neg = json_loads("{\"line\":-1,\"character\":0}", 0, &e);
    json_t *str = json_loads("{\"line\":\"1\",\"character\":0}", 0, &e);
    lsp_position a, b;
    assert_int_equal(lsp_range_parse(ok, &a, &b), 0);
    assert_int_equal(a.line, 1);
    assert_int_equal(b.character, 4);
    assert_int_equal(lsp_position_parse(neg, &a), -1);
    assert_int_equal(lsp_position_parse(str, &a), -1);
    assert_int_equal(lsp_position_parse(NULL, &a), -1);
    json_decref(ok);
    json_decref(neg);
    json_decref(str);
}

/* Applies a change given as JSON; returns lsp_doc_change's answer. */
static int change(lsp_doc *d, const char *json, lsp_encoding enc)
{
    json_error_t e;
    json_t *c = json_loads(json, 0, &e);
    assert_non_null(c);
    int rc = lsp_doc_change(d, c, enc);
    json_decref(c);
    return rc;
}

static void range_and_whole_changes(void **state)
{
    lsp_docs docs = {0};
    lsp_doc *d = lsp_docs_open(&docs, "file:///t/a.txt", "plaintext", 1,
                               "one \xf0\x9f\x98\x80 two\nthree\n", 19);
    assert_non_null(d);
    assert_int_equal(d->rev, 0);
    /* replace "two" (after the emoji: UTF-16 columns 7..10) */
    assert_int_equal(change(d, "{\"range\":{\"start\":{\"line\":0,\"character\":7},"
                               "\"end\":{\"line\":0,\"character\":10}},\"text\":\"2\"}",
                            LSP_UTF16), 0);
    assert_string_equal(d->text, "one \xf0\x9f\x98\x80 2\nthree\n");
    /* insert across the line end; a reversed range is the same span */
    assert_int_equal(change(d, "{\"range\":{\"start\":{\"line\":1,\"character\":0},"
                               "\"end\":{\"line\":0,\"character\":10}},\"text\":\" and \"}",
                            LSP_UTF8), 0);
    assert_string_equal(d->text, "one \xf0\x9f\x98\x80 2 and three\n");
    /* past the end: appended */
    assert_int_equal(change(d, "{\"range\":{\"start\":{\"line\":7,\"character\":0},"
                               "\"end\":{\"line\":7,\"character\":0}},\"text\":\"end\"}",
                            LSP_UTF16), 0);
    assert_string_equal(d->text, "one \xf0\x9f\x98\x80 2 and three\nend");
    /* not a change: nothing happens */
    assert_int_equal(change(d, "{\"range\":{\"start\":{}},\"text\":\"x\"}", LSP_UTF16), 1);
    assert_int_equal(change(d, "{\"range\":{\"start\":{\"line\":0,\"character\":0},"
                               "\"end\":{\"line\":0,\"character\":0}}}", LSP_UTF16), 1);
    /* the whole text, with a NUL in it */
    json_error_t e;
    json_t *c = json_loads("{\"text\":\"a\\u0000b\"}", JSON_ALLOW_NUL, &e);
    assert_int_equal(lsp_doc_change(d, c, LSP_UTF16), 0);
    json_decref(c);
    assert_int_equal(d->len, 3);
    assert_memory_equal(d->text, "a\0b", 3);
    assert_int_equal(d->rev, 4);
    lsp_docs_free(&docs);
}

/* Spans of revision 0 of "aaaa bbbb cccc dddd" mapped over changes. */
static void spans_move_over_changes(void **state)
{
    lsp_docs docs = {0};
    lsp_doc *d = lsp_docs_open(&docs, "file:///t/a.txt", "plaintext", 1,
                               "aaaa bbbb cccc dddd", 19);
    assert_non_null(d);
    /* "XY" typed before bbbb (rev 1), then cccc replaced by "C" (rev 2) */
    assert_int_equal(change(d, "{\"range\":{\"start\":{\"line\":0,\"character\":5},"
                               "\"end\":{\"line\":0,\"character\":5}},\"text\":\"XY\"}",
                            LSP_UTF16), 0);
    assert_int_equal(change(d, "{\"range\":{\"start\":{\"line\":0,\"character\":12},"
                               "\"end\":{\"line\":0,\"character\":16}},\"text\":\"C\"}",
                            LSP_UTF16), 0);
    assert_string_equal(d->text, "aaaa XYbbbb C dddd");
    size_t at = 0; /* aaaa: before both */
    assert_int_equal(lsp_doc_map(d, 0, &at, 4), 0);
    assert_int_equal(at, 0);
    at = 5; /* bbbb: the insertion at its start moves it */
    assert_int_equal(lsp_doc_map(d, 0, &at, 4), 0);
    assert_int_equal(at, 7);
    at = 10; /* cccc: replaced */
    assert_int_equal(lsp_doc_map(d, 0, &at, 4), -1);
    at = 15; /* dddd: after both */
    assert_int_equal(lsp_doc_map(d, 0, &at, 4), 0);
    assert_int_equal(at, 14);
    at = 3; /* "a bb": the insertion is inside it */
    assert_int_equal(lsp_doc_map(d, 0, &at, 4), -1);
    /* from revision 1 only the second change counts */
    at = 17;
    assert_int_equal(lsp_doc_map(d, 1, &at, 4), 0);
    assert_int_equal(at, 14);
    /* forgotten changes do not move anything; a whole-text change touches all */
    lsp_doc_forget_edits(d, 2);
    assert_int_equal(d->n_edits, 0);
    assert_int_equal(change(d, "{\"text\":\"new\"}", LSP_UTF16), 0);
    at = 1;
    assert_int_equal(lsp_doc_map(d, 2, &at, 1), -1);
    lsp_docs_free(&docs);
}

static void documents_by_uri_and_language(void **state)
{
    lsp_docs docs = {0};
    lsp_doc *md = lsp_docs_open(&docs, "file:///t/notes.txt", "markdown", 1, "", 0);
    lsp_doc *txt = lsp_docs_open(&docs, "file:///t/notes.md", "plaintext", 1, "", 0);
    lsp_doc *other = lsp_docs_open(&docs, "untitled:Untitled-1", "rst", 1, "", 0);
    assert_true(md && txt && other);
    assert_true(md->markdown);
    assert_string_equal(md->lint_name, "document.md");
    assert_false(txt->markdown);
    assert_string_equal(txt->lint_name, "document.txt");
    assert_null(other->path);
    assert_string_equal(other->lint_name, "untitled:Untitled-1");
    assert_ptr_equal(lsp_docs_find(&docs, "file:///t/notes.md"), txt);
    uint64_t serial = md->serial;
    /* opened again: a new document */
    lsp_doc *again = lsp_docs_open(&docs, "file:///t/notes.txt", "plaintext", 2, "x", 1);
    assert_non_null(again);
    assert_true(again->serial != serial);
    assert_null(lsp_docs_find_serial(&docs, serial));
    assert_int_equal(docs.n, 3);
    lsp_docs_close(&docs, again);
    assert_null(lsp_docs_find(&docs, "file:///t/notes.txt"));
    lsp_docs_free(&docs);
}

static void file_uris(void **state)
{
    static const struct {
        const char *uri, *path;
    } cases[] = {
        {"file:///home/a%20b/c.md", "/home/a b/c.md"},
        {"file://localhost/x/y.txt", "/x/y.txt"},
        {"FILE:///x/%C3%A9.txt", "/x/\xc3\xa9.txt"},
        {"file:///x/y.txt?q=1#f", "/x/y.txt"},
        {"file:///x/100%", "/x/100%"},
        {"file://server/share/a.txt", NULL},
        {"untitled:Untitled-1", NULL},
        {"file:///x/%00.txt", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *p = lsp_uri_path(cases[i].uri);
        if (cases[i].path)
            assert_string_equal(p, cases[i].path);
        else
            assert_null(p);
        free(p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_index),
        cmocka_unit_test(positions_of_offsets),
        cmocka_unit_test(offsets_are_clamped),
        cmocka_unit_test(ill_formed_bytes_count_once),
        cmocka_unit_test(parse_positions),
        cmocka_unit_test(range_and_whole_changes),
        cmocka_unit_test(spans_move_over_changes),
        cmocka_unit_test(documents_by_uri_and_language),
        cmocka_unit_test(file_uris),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
