/* Findings: sorting, de-duplication, and line/column computation (code
 * points and bytes, exclusive ends) on awkward text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/doc.h"
#include "findings/result.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    mtl_doc doc;
    mtl_result *r;
} fixture;

static void start(fixture *fx, const char *text, size_t len)
{
    assert_int_equal(mtl_doc_build(&fx->doc, text, len, "r.txt"), 0);
    fx->r = calloc(1, sizeof *fx->r);
    assert_non_null(fx->r);
}

static void add(fixture *fx, const char *rule, size_t off, size_t len,
                const char *msg, const char *sugg)
{
    char **s = NULL;
    if (sugg) {
        s = malloc(sizeof *s);
        assert_non_null(s);
        s[0] = strdup(sugg);
    }
    assert_int_equal(mtl_result_add(fx->r, rule, MTL_WARNING, off, len,
                                    strdup(msg), s, sugg ? 1 : 0),
                     0);
}

static void finish(fixture *fx)
{
    mtl_result_to_source(fx->r, &fx->doc);
    mtl_result_finish(fx->r, &fx->doc);
}

static void stop(fixture *fx)
{
    mtl_result_free(fx->r);
    mtl_doc_free(&fx->doc);
}

/* line:col-end_line:end_col, in code points and then in bytes */
static void expect_pos(const mtl_finding *f, size_t line, size_t col,
                       size_t cb, size_t eline, size_t ecol, size_t ecb)
{
    if (f->line != line || f->column != col || f->column_byte != cb ||
        f->end_line != eline || f->end_column != ecol ||
        f->end_column_byte != ecb)
        fail_msg("finding at byte %zu+%zu: got %zu:%zu(%zu)-%zu:%zu(%zu), "
                 "want %zu:%zu(%zu)-%zu:%zu(%zu)",
                 f->offset, f->length, f->line, f->column, f->column_byte,
                 f->end_line, f->end_column, f->end_column_byte, line, col, cb,
                 eline, ecol, ecb);
}

static void sorting(void **state)
{
    (void)state;
    fixture fx;
    const char *t = "one two three four five";
    start(&fx, t, strlen(t));
    add(&fx, "b-rule", 8, 5, "m", NULL);
    add(&fx, "a-rule", 8, 5, "m", NULL);
    add(&fx, "a-rule", 0, 3, "z", NULL);
    add(&fx, "a-rule", 8, 2, "m", NULL);
    add(&fx, "a-rule", 0, 3, "a", NULL);
    add(&fx, "c-rule", 4, 3, "m", NULL);
    finish(&fx);
    /* by offset, then length, then rule, then message */
    static const struct {
        size_t off, len;
        const char *rule, *msg;
    } want[] = {{0, 3, "a-rule", "a"}, {0, 3, "a-rule", "z"},
                {4, 3, "c-rule", "m"}, {8, 2, "a-rule", "m"},
                {8, 5, "a-rule", "m"}, {8, 5, "b-rule", "m"}};
    assert_int_equal(mtl_result_count(fx.r), 6);
    for (size_t i = 0; i < 6; i++) {
        const mtl_finding *f = mtl_result_at(fx.r, i);
        assert_int_equal(f->offset, want[i].off);
        assert_int_equal(f->length, want[i].len);
        assert_string_equal(f->rule, want[i].rule);
        assert_string_equal(f->message, want[i].msg);
    }
    assert_null(mtl_result_at(fx.r, 6));
    stop(&fx);
}

static void dedup(void **state)
{
    (void)state;
    fixture fx;
    const char *t = "the the cat";
    start(&fx, t, strlen(t));
    /* Exact duplicates (same span, rule and message) collapse to one, even
     * when not adjacent as added; anything different stays. */
    add(&fx, "r", 0, 7, "repeated word 'the'", "the");
    add(&fx, "r", 8, 3, "other", NULL);
    add(&fx, "r", 0, 7, "repeated word 'the'", "the");
    add(&fx, "r", 0, 7, "repeated word 'the'", NULL);
    add(&fx, "r", 0, 7, "another message", NULL);
    add(&fx, "s", 0, 7, "repeated word 'the'", NULL);
    add(&fx, "r", 0, 6, "repeated word 'the'", NULL);
    finish(&fx);
    assert_int_equal(mtl_result_count(fx.r), 5);
    size_t same = 0;
    for (size_t i = 0; i < mtl_result_count(fx.r); i++) {
        const mtl_finding *f = mtl_result_at(fx.r, i);
        if (f->offset == 0 && f->length == 7 && !strcmp(f->rule, "r") &&
            !strcmp(f->message, "repeated word 'the'"))
            same++;
    }
    assert_int_equal(same, 1);
    stop(&fx);
}

static void columns_ascii(void **state)
{
    (void)state;
    fixture fx;
    const char *t = "first line\nsecond line here\nthird";
    start(&fx, t, strlen(t));
    add(&fx, "r", 0, 5, "first", NULL);       /* "first" */
    add(&fx, "r", 18, 4, "line", NULL);       /* "line" on line 2 */
    add(&fx, "r", 6, 11, "across", NULL);     /* "line\nsecond" */
    add(&fx, "r", 28, 5, "last", NULL);       /* "third" to EOF */
    add(&fx, "r", 33, 0, "empty at end", NULL);
    finish(&fx);
    assert_int_equal(mtl_result_count(fx.r), 5);
    expect_pos(mtl_result_at(fx.r, 0), 1, 1, 1, 1, 6, 6);
    expect_pos(mtl_result_at(fx.r, 1), 1, 7, 7, 2, 7, 7);
    expect_pos(mtl_result_at(fx.r, 2), 2, 8, 8, 2, 12, 12);
    expect_pos(mtl_result_at(fx.r, 3), 3, 1, 1, 3, 6, 6);
    expect_pos(mtl_result_at(fx.r, 4), 3, 6, 6, 3, 6, 6);
    stop(&fx);
}

static void columns_multibyte(void **state)
{
    (void)state;
    fixture fx;
    /* é is 2 bytes, € 3, 😀 4: columns count code points. */
    const char *t = "é € 😀 x\nüber";
    start(&fx, t, strlen(t));
    const char *x = strchr(t, 'x');
    add(&fx, "r", (size_t)(x - t), 1, "x", NULL);
    add(&fx, "r", 3, 3, "euro", NULL);
    add(&fx, "r", 7, 4, "smiley", NULL);
    add(&fx, "r", 14, 5, "uber", NULL);
    finish(&fx);
    expect_pos(mtl_result_at(fx.r, 0), 1, 3, 4, 1, 4, 7);   /* € */
    expect_pos(mtl_result_at(fx.r, 1), 1, 5, 8, 1, 6, 12);  /* 😀 */
    expect_pos(mtl_result_at(fx.r, 2), 1, 7, 13, 1, 8, 14); /* x */
    expect_pos(mtl_result_at(fx.r, 3), 2, 1, 1, 2, 5, 6);   /* über */
    stop(&fx);
}

static void columns_crlf_and_cr(void **state)
{
    (void)state;
    fixture fx;
    const char *t = "ab\r\ncd\ref\r\n\r\ngh";
    start(&fx, t, strlen(t));
    add(&fx, "r", 4, 2, "cd", NULL);
    add(&fx, "r", 7, 2, "ef", NULL);
    add(&fx, "r", 13, 2, "gh", NULL);
    add(&fx, "r", 2, 2, "the crlf", NULL);
    add(&fx, "r", 1, 4, "b to c", NULL);
    finish(&fx);
    expect_pos(mtl_result_at(fx.r, 0), 1, 2, 2, 2, 2, 2);  /* b\r\nc */
    expect_pos(mtl_result_at(fx.r, 1), 1, 3, 3, 2, 1, 1);  /* \r\n */
    expect_pos(mtl_result_at(fx.r, 2), 2, 1, 1, 2, 3, 3);  /* cd */
    expect_pos(mtl_result_at(fx.r, 3), 3, 1, 1, 3, 3, 3);  /* ef after CR */
    expect_pos(mtl_result_at(fx.r, 4), 5, 1, 1, 5, 3, 3);  /* gh */
    stop(&fx);
}

static void columns_invalid_bytes(void **state)
{
    (void)state;
    fixture fx;
    /* A truncated sequence is one code point (its maximal subpart), a lone
     * continuation byte another; a NUL is an ordinary one. */
    const char t[] = "a\xE2\x82 b\x80 c\0d \xF0\x9F\x98 e";
    size_t n = sizeof t - 1;
    start(&fx, t, n);
    add(&fx, "r", 4, 1, "b", NULL);
    add(&fx, "r", 7, 1, "c", NULL);
    add(&fx, "r", 9, 1, "d", NULL);
    add(&fx, "r", 15, 1, "e", NULL);
    add(&fx, "r", 1, 2, "bad", NULL);
    finish(&fx);
    expect_pos(mtl_result_at(fx.r, 0), 1, 2, 2, 1, 3, 4);   /* \xE2\x82 */
    expect_pos(mtl_result_at(fx.r, 1), 1, 4, 5, 1, 5, 6);   /* b */
    expect_pos(mtl_result_at(fx.r, 2), 1, 7, 8, 1, 8, 9);   /* c */
    expect_pos(mtl_result_at(fx.r, 3), 1, 9, 10, 1, 10, 11); /* d */
    expect_pos(mtl_result_at(fx.r, 4), 1, 13, 16, 1, 14, 17); /* e */
    stop(&fx);
}

static void clamped_to_the_end(void **state)
{
    (void)state;
    fixture fx;
    const char *t = "abc\ndef";
    start(&fx, t, strlen(t));
    add(&fx, "r", 5, 100, "past the end", NULL);
    add(&fx, "r", 50, 3, "beyond", NULL);
    finish(&fx);
    const mtl_finding *f = mtl_result_at(fx.r, 0);
    assert_int_equal(f->offset, 5);
    assert_int_equal(f->length, 2);
    expect_pos(f, 2, 2, 2, 2, 4, 4);
    f = mtl_result_at(fx.r, 1);
    assert_int_equal(f->offset, 7);
    assert_int_equal(f->length, 0);
    expect_pos(f, 2, 4, 4, 2, 4, 4);
    stop(&fx);
}

/* Reference: scan from the start of the text every time. */
static void naive_pos(const char *t, size_t n, size_t off, size_t *line,
                      size_t *col, size_t *colb)
{
    size_t ln = 1, ls = 0;
    for (size_t i = 0; i < off && i < n; i++) {
        if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= n || t[i + 1] != '\n'))) {
            ln++;
            ls = i + 1;
        }
    }
    /* An offset on the \n of \r\n belongs to the line the \r ends. */
    *line = ln;
    *col = 1 + mtl_utf8_count(t + ls, off - ls);
    *colb = 1 + off - ls;
}

/* Many findings in random order on mixed text, each position checked
 * against a scan from the start (the cursor reuse must not drift). Spans
 * start and end on code point boundaries, as rules report them. */
static void columns_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "bc ", "é", "€", "😀", "\n",
                                         "\r\n", "\r", "\xC3", "\x80", " "};
    uint32_t x = 99;
    char t[400];
    size_t bounds[400];
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        while (n < 300) {
            x = x * 1103515245u + 12345u;
            const char *p = pieces[(x >> 16) % (sizeof pieces / sizeof *pieces)];
            memcpy(t + n, p, strlen(p));
            n += strlen(p);
        }
        t[n++] = 'z'; /* positions at the very end of a final line break
                         are another test's business */
        size_t nb = 0;
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            bounds[nb++] = i;
            i += mtl_utf8_next(t, n, i, &cp);
        }
        bounds[nb++] = n;
        fixture fx;
        start(&fx, t, n);
        for (int k = 0; k < 40; k++) {
            x = x * 1103515245u + 12345u;
            size_t b = (x >> 8) % nb;
            x = x * 1103515245u + 12345u;
            size_t e = b + (x >> 8) % 6;
            if (e >= nb)
                e = nb - 1;
            char msg[32];
            snprintf(msg, sizeof msg, "m%d", k);
            add(&fx, "r", bounds[b], bounds[e] - bounds[b], msg, NULL);
        }
        finish(&fx);
        assert_int_equal(mtl_result_count(fx.r), 40);
        for (size_t i = 0; i < 40; i++) {
            const mtl_finding *f = mtl_result_at(fx.r, i);
            if (i)
                assert_true(mtl_result_at(fx.r, i - 1)->offset <= f->offset);
            size_t l, c, cb, el, ec, ecb;
            naive_pos(t, n, f->offset, &l, &c, &cb);
            naive_pos(t, n, f->offset + f->length, &el, &ec, &ecb);
            expect_pos(f, l, c, cb, el, ec, ecb);
        }
        stop(&fx);
    }
}

static void null_safe(void **state)
{
    (void)state;
    assert_int_equal(mtl_result_count(NULL), 0);
    assert_null(mtl_result_at(NULL, 0));
    mtl_result_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sorting),
        cmocka_unit_test(dedup),
        cmocka_unit_test(columns_ascii),
        cmocka_unit_test(columns_multibyte),
        cmocka_unit_test(columns_crlf_and_cr),
        cmocka_unit_test(columns_invalid_bytes),
        cmocka_unit_test(clamped_to_the_end),
        cmocka_unit_test(columns_random),
        cmocka_unit_test(null_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
