/* Where a long plain-text file is cut into parts: at blank lines, never
 * inside a line break, never before a byte order mark. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lint/parts.h"

#include <string.h>

static size_t end_of(const char *text, size_t start, size_t part)
{
    return mtl_part_end(text, strlen(text), start, part);
}

/* The offset just after the first occurrence of what in text. */
static size_t after(const char *text, const char *what)
{
    const char *p = strstr(text, what);
    assert_non_null(p);
    return (size_t)(p - text) + strlen(what);
}

static void short_text_is_one_part(void **state)
{
    (void)state;
    const char *t = "One.\n\nTwo.\n";
    assert_int_equal(end_of(t, 0, 100), strlen(t));
    assert_int_equal(end_of(t, 0, strlen(t)), strlen(t));
    assert_int_equal(end_of(t, 0, 0), strlen(t)); /* 0: never cut */
}

static void cuts_at_the_last_blank_line_within_the_part(void **state)
{
    (void)state;
    /* blank lines end at 12, 24 and 36; a part of 30 bytes ends at 24 */
    const char *t = "aaaa aaaaa\n\nbbbb bbbbb\n\ncccc ccccc\n\ndddd ddddd\n";
    assert_int_equal(end_of(t, 0, 30), 24);
    assert_int_equal(end_of(t, 24, 30), strlen(t)); /* the rest fits */
    /* white space on the blank line */
    const char *w = "aaaa aaaaa\n \t \nbbbb bbbbb\ncccc ccccc\n";
    assert_int_equal(end_of(w, 0, 20), after(w, "\t \n"));
}

static void a_part_is_at_least_half_full(void **state)
{
    (void)state;
    /* the only blank line within 40 bytes is at 3: too early; the first
     * one after 40 is taken instead */
    const char *t = "aa\n\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n"
                    "\ncc\n";
    assert_int_equal(end_of(t, 0, 40), after(t, "bbbb\n\n"));
}

static void no_blank_line_no_cut(void **state)
{
    (void)state;
    const char *t = "one long line without any break at all in it, none";
    assert_int_equal(end_of(t, 0, 10), strlen(t));
    const char *u = "line one\nline two\nline three\nline four\n";
    assert_int_equal(end_of(u, 0, 10), strlen(u));
    /* a blank last line without a break is no place to cut, nor is the
     * very end of the text */
    const char *v = "line one\nline two\nline three\n   ";
    assert_int_equal(end_of(v, 0, 10), strlen(v));
    const char *x = "line one\nline two\nline three\n\n";
    assert_int_equal(end_of(x, 0, 10), strlen(x));
}

/* A file of one sentence a line has no blank line: it is cut between
 * sentences, a line that ends with a stop and one that starts a sentence;
 * a blank line not too far is still preferred. */
static void between_sentences_failing_a_blank_line(void **state)
{
    (void)state;
    const char *t = "One sentence here.\nTwo sentences here.\n"
                    "Three here now.\nFour is last.\n";
    assert_int_equal(end_of(t, 0, 30), after(t, "here.\n"));
    /* a closing quote after the stop; the next line opens with one */
    const char *q = "He said \"yes.\"\n\xE2\x80\x9CNo,\xE2\x80\x9D she said.\n"
                    "They left.\nThe end.\n";
    assert_int_equal(end_of(q, 0, 22), after(q, "yes.\"\n"));
    /* hard-wrapped prose: a line break inside a sentence is no cut */
    const char *w = "the first line goes on\nand on across lines\n"
                    "without a stop at the\nend of any of them\n";
    assert_int_equal(end_of(w, 0, 30), strlen(w));
    /* a blank line within twice the part wins */
    const char *b = "Aaaa aaaa.\nBbbb bbbb.\nCccc cccc.\n\nDddd.\n";
    assert_int_equal(end_of(b, 0, 20), after(b, "cccc.\n\n"));
    /* beyond that, the cut between sentences */
    assert_int_equal(end_of(b, 0, 15), after(b, "aaaa.\n"));
}

static void line_breaks_of_every_kind(void **state)
{
    (void)state;
    const char *crlf = "aaaa aaaaa\r\n\r\nbbbb bbbbb\r\n";
    assert_int_equal(end_of(crlf, 0, 12), after(crlf, "\r\n\r\n"));
    const char *cr = "aaaa aaaaa\r\rbbbb bbbbb\r";
    assert_int_equal(end_of(cr, 0, 12), after(cr, "\r\r"));
    /* the part's second half begins between \r and \n */
    const char *mid = "aaaaa\r\n\r\nbbbbbbbbbbbbb\r\n";
    size_t e = end_of(mid, 0, 12);
    assert_true(e == after(mid, "\r\n\r\n") || e == strlen(mid));
    assert_true(e == strlen(mid) || mid[e - 1] == '\n');
}

static void never_before_a_byte_order_mark(void **state)
{
    (void)state;
    const char *t = "aaaa aaaaa\n\n\xEF\xBB\xBFzz zz\n\nbbbb\n";
    assert_int_equal(end_of(t, 0, 14), after(t, "zz zz\n\n"));
    const char *u = "aaaa aaaaa\n\n\xFF\xFEzz zz\n\nbbbb\n";
    assert_int_equal(end_of(u, 0, 14), after(u, "zz zz\n\n"));
}

/* nor where NULs follow, which a document's start reads as UTF-16 */
static void never_before_nuls(void **state)
{
    (void)state;
    static const char t[] = "aaaa aaaaa\n\nz\0z\0 \nyy yy\n\nbbbb\n";
    size_t len = sizeof t - 1;
    const char *yy = memchr(t, 'y', len);
    assert_non_null(yy);
    assert_int_equal(mtl_part_end(t, len, 0, 14),
                     (size_t)(yy - t) + strlen("yy yy\n\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_text_is_one_part),
        cmocka_unit_test(cuts_at_the_last_blank_line_within_the_part),
        cmocka_unit_test(a_part_is_at_least_half_full),
        cmocka_unit_test(no_blank_line_no_cut),
        cmocka_unit_test(between_sentences_failing_a_blank_line),
        cmocka_unit_test(line_breaks_of_every_kind),
        cmocka_unit_test(never_before_a_byte_order_mark),
        cmocka_unit_test(never_before_nuls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
