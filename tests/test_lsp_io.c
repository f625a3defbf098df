/* The language server's framing (src/cli/lsp_io.c): whole messages out of
 * bytes that come in any pieces, and a defined outcome for every way a
 * header block can be wrong, after which the next message is still read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cli/lsp_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void feed(lsp_reader *r, const char *s)
{
    assert_int_equal(lsp_reader_feed(r, s, strlen(s)), 0);
}

/* The next event must be a message with this body. */
static void expect_message(lsp_reader *r, const char *body)
{
    const char *b;
    size_t n;
    assert_int_equal(lsp_reader_next(r, &b, &n), LSP_READ_MESSAGE);
    assert_int_equal(n, strlen(body));
    assert_memory_equal(b, body, n);
}

static void expect_event(lsp_reader *r, lsp_read what)
{
    const char *b;
    size_t n;
    assert_int_equal(lsp_reader_next(r, &b, &n), what);
}

static void two_messages_in_one_read(void **state)
{
    lsp_reader r = {0};
    feed(&r, "Content-Length: 2\r\n\r\n{}Content-Length: 7\r\n\r\n[1,2,3]");
    expect_message(&r, "{}");
    expect_message(&r, "[1,2,3]");
    expect_event(&r, LSP_READ_MORE);
    lsp_reader_free(&r);
}

static void a_message_byte_by_byte(void **state)
{
    static const char msg[] = "Content-Length: 12\r\n\r\n{\"id\":\"a b\"}";
    lsp_reader r = {0};
    for (size_t i = 0; i + 1 < sizeof msg - 1; i++) {
        assert_int_equal(lsp_reader_feed(&r, msg + i, 1), 0);
        expect_event(&r, LSP_READ_MORE);
    }
    assert_int_equal(lsp_reader_feed(&r, msg + sizeof msg - 2, 1), 0);
    expect_message(&r, "{\"id\":\"a b\"}");
    lsp_reader_free(&r);
}

static void other_headers_and_bare_newlines(void **state)
{
    lsp_reader r = {0};
    feed(&r, "content-type: application/vscode-jsonrpc; charset=utf-8\r\n"
             "CONTENT-LENGTH:  3 \r\n\r\nnul"
             "Content-Length: 4\n\ntrue");
    expect_message(&r, "nul");
    expect_message(&r, "true");
    lsp_reader_free(&r);
}

static void no_length_is_reported_once_then_skipped(void **state)
{
    lsp_reader r = {0};
    feed(&r, "Content-Type: text/plain\r\n\r\n{\"a\":1}"
             "Content-Length: 2\r\n\r\n{}");
    expect_event(&r, LSP_READ_BAD_HEADER);
    expect_message(&r, "{}");
    expect_event(&r, LSP_READ_MORE);
    lsp_reader_free(&r);
}

static void garbage_before_a_header(void **state)
{
    lsp_reader r = {0};
    feed(&r, "hello there\r\nand more\r\nContent-Length: 2\r\n\r\n{}");
    expect_event(&r, LSP_READ_BAD_HEADER);
    expect_message(&r, "{}");
    lsp_reader_free(&r);
}

static void short_garbage_does_not_loop(void **state)
{
    lsp_reader r = {0};
    feed(&r, "ab\n");
    expect_event(&r, LSP_READ_BAD_HEADER);
    expect_event(&r, LSP_READ_MORE);
    feed(&r, "Content-Length: 1\r\n\r\n1");
    expect_message(&r, "1");
    lsp_reader_free(&r);
}

/* Found by fuzzing (tests/fuzz/regress/lsp/): garbage, a blank line and a
 * header that arrive a few bytes at a time give the message, as they do
 * when read at once. */
static void garbage_then_a_header_in_pieces(void **state)
{
    static const char in[] = "garbage\r\n\r\nContent-Length: 2\r\n\r\n{}";
    for (size_t piece = 1; piece <= 4; piece++) {
        lsp_reader r = {0};
        int bad = 0, got = 0;
        for (size_t i = 0; i < sizeof in - 1; i += piece) {
            size_t k = sizeof in - 1 - i < piece ? sizeof in - 1 - i : piece;
            assert_int_equal(lsp_reader_feed(&r, in + i, k), 0);
            const char *body;
            size_t n;
            lsp_read what;
            while ((what = lsp_reader_next(&r, &body, &n)) != LSP_READ_MORE) {
                if (what == LSP_READ_BAD_HEADER) {
                    bad++;
                } else {
                    assert_int_equal(what, LSP_READ_MESSAGE);
                    assert_int_equal(n, 2);
                    assert_memory_equal(body, "{}", 2);
                    got++;
                }
            }
        }
        assert_int_equal(bad, 1);
        assert_int_equal(got, 1);
        lsp_reader_free(&r);
    }
}

static void a_length_too_short_leaves_garbage(void **state)
{
    lsp_reader r = {0};
    /* the body is 9 bytes, the header says 5: the rest is garbage before
     * the next header */
    feed(&r, "Content-Length: 5\r\n\r\n{\"a\":1}}Content-Length: 2\r\n\r\n{}");
    expect_message(&r, "{\"a\":");
    expect_event(&r, LSP_READ_BAD_HEADER);
    expect_message(&r, "{}");
    lsp_reader_free(&r);
}

static void bad_lengths(void **state)
{
    static const char *const bad[] = {
        "Content-Length: -5\r\n\r\n",
        "Content-Length: +5\r\n\r\n",
        "Content-Length: 5x\r\n\r\n",
        "Content-Length: \r\n\r\n",
        "Content-Length: 1234567890123456789\r\n\r\n", /* 19 digits */
        "Content Length: 5\r\n\r\n",
        ": 5\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        lsp_reader r = {0};
        feed(&r, bad[i]);
        expect_event(&r, LSP_READ_BAD_HEADER);
        feed(&r, "Content-Length: 2\r\n\r\n{}");
        expect_message(&r, "{}");
        lsp_reader_free(&r);
    }
}

static void a_header_that_never_ends(void **state)
{
    lsp_reader r = {0};
    char line[100];
    memset(line, 'x', sizeof line - 3);
    memcpy(line + sizeof line - 3, ":\n", 3);
    for (int i = 0; i < 100; i++) /* 9,900 bytes of header lines */
        feed(&r, line);
    expect_event(&r, LSP_READ_BAD_HEADER);
    feed(&r, "\r\n\r\nContent-Length: 2\r\n\r\n{}");
    expect_message(&r, "{}");
    lsp_reader_free(&r);
}

static void an_oversized_message_is_skipped_as_it_comes(void **state)
{
    lsp_reader r = {0};
    char head[80];
    size_t big = LSP_MAX_MESSAGE + 10;
    snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", big);
    feed(&r, head);
    const char *b;
    size_t n;
    assert_int_equal(lsp_reader_next(&r, &b, &n), LSP_READ_TOO_LARGE);
    assert_int_equal(n, big);
    char *chunk = malloc(1 << 20);
    assert_non_null(chunk);
    memset(chunk, '{', 1 << 20);
    for (size_t sent = 0; sent < big;) {
        size_t k = big - sent < (1 << 20) ? big - sent : (1 << 20);
        assert_int_equal(lsp_reader_feed(&r, chunk, k), 0);
        sent += k;
        expect_event(&r, LSP_READ_MORE);
        /* what is skipped is not kept */
        assert_true(r.cap <= (size_t)(2 << 20));
    }
    free(chunk);
    feed(&r, "Content-Length: 2\r\n\r\n{}");
    expect_message(&r, "{}");
    lsp_reader_free(&r);
}

static void a_big_buffer_is_given_back(void **state)
{
    lsp_reader r = {0};
    size_t big = 3 << 20;
    char head[80];
    snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", big);
    feed(&r, head);
    char *body = malloc(big);
    assert_non_null(body);
    memset(body, ' ', big);
    assert_int_equal(lsp_reader_feed(&r, body, big), 0);
    free(body);
    const char *b;
    size_t n;
    assert_int_equal(lsp_reader_next(&r, &b, &n), LSP_READ_MESSAGE);
    assert_int_equal(n, big);
    expect_event(&r, LSP_READ_MORE);
    assert_int_equal(r.cap, 0);
    lsp_reader_free(&r);
}

static void write_frames_and_fill_reads(void **state)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(lsp_write(p[1], "{\"x\":\"\xc3\xa9\"}", 10), 0);
    close(p[1]);
    lsp_reader r = {0};
    long k, total = 0;
    while ((k = lsp_reader_fill(&r, p[0])) > 0)
        total += k;
    assert_int_equal(k, 0);
    assert_int_equal(total, (long)strlen("Content-Length: 10\r\n\r\n") + 10);
    expect_message(&r, "{\"x\":\"\xc3\xa9\"}");
    close(p[0]);
    lsp_reader_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_messages_in_one_read),
        cmocka_unit_test(a_message_byte_by_byte),
        cmocka_unit_test(other_headers_and_bare_newlines),
        cmocka_unit_test(no_length_is_reported_once_then_skipped),
        cmocka_unit_test(garbage_before_a_header),
        cmocka_unit_test(short_garbage_does_not_loop),
        cmocka_unit_test(garbage_then_a_header_in_pieces),
        cmocka_unit_test(a_length_too_short_leaves_garbage),
        cmocka_unit_test(bad_lengths),
        cmocka_unit_test(a_header_that_never_ends),
        cmocka_unit_test(an_oversized_message_is_skipped_as_it_comes),
        cmocka_unit_test(a_big_buffer_is_given_back),
        cmocka_unit_test(write_frames_and_fill_reads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
