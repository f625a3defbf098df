/* Token helpers (tokens.h): marks, closers, glued neighbours, the next and
 * previous thing on a line, and paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/doc.h"
#include "text/tokens.h"

#include <stdlib.h>
#include <string.h>

static void build(mtl_doc *d, const char *text, size_t len)
{
    assert_int_equal(mtl_doc_build(d, text, len, "t.txt"), 0);
}

/* Index of the token that starts at the first occurrence of `what`. */
static size_t tok(const mtl_doc *d, const char *what)
{
    const char *p = strstr(d->text, what);
    if (!p)
        fail_msg("'%s' is not in the text", what);
    for (size_t i = 0; i < d->n_tokens; i++)
        if (d->tokens[i].start == (size_t)(p - d->text))
            return i;
    fail_msg("no token starts at '%s'", what);
    return SIZE_MAX;
}

static void marks_and_closers(void **state)
{
    (void)state;
    static const char text[] = "Yes, no. (A) \xE2\x80\x9C" "B" "\xE2\x80\x9D"
                               " x\0y.";
    mtl_doc d;
    build(&d, text, sizeof text - 1);
    assert_int_equal(mtl_tok_mark(&d, tok(&d, ",")), ',');
    assert_int_equal(mtl_tok_mark(&d, tok(&d, ". (")), '.');
    assert_int_equal(mtl_tok_mark(&d, tok(&d, "Yes")), 0);
    assert_int_equal(mtl_tok_mark(&d, d.n_tokens), 0);
    assert_int_equal(mtl_tok_mark(&d, SIZE_MAX), 0);
    assert_int_equal(mtl_tok_char(&d, tok(&d, "(")), '(');
    assert_int_equal(mtl_tok_char(&d, tok(&d, "Yes")), 0);
    assert_true(mtl_tok_closer(&d, tok(&d, ")")));
    assert_true(mtl_tok_closer(&d, tok(&d, "\xE2\x80\x9D")));
    assert_false(mtl_tok_closer(&d, tok(&d, "(")));
    assert_false(mtl_tok_closer(&d, d.n_tokens));
    /* a NUL byte is no mark, though strchr finds the terminator */
    for (size_t i = 0; i < d.n_tokens; i++)
        if (d.text[d.tokens[i].start] == '\0')
            assert_int_equal(mtl_tok_mark(&d, i), 0);
    mtl_doc_free(&d);
}

static void neighbours(void **state)
{
    (void)state;
    static const char text[] = "end . .\nnext,  far";
    mtl_doc d;
    build(&d, text, sizeof text - 1);
    size_t end = tok(&d, "end"), d1 = tok(&d, ". ."), d2 = d1 + 2;
    assert_true(mtl_tok_glued(&d, end));       /* "end" then " " */
    assert_false(mtl_tok_touch(&d, end));      /* ... which is space */
    assert_true(mtl_tok_touch(&d, tok(&d, "next")));
    assert_int_equal(mtl_tok_next_near(&d, end), d1);
    assert_int_equal(mtl_tok_next_near(&d, d1), d2);
    assert_int_equal(mtl_tok_prev_near(&d, d2), d1);
    assert_int_equal(mtl_tok_prev_near(&d, d1), end);
    assert_int_equal(mtl_tok_prev_near(&d, end), SIZE_MAX);
    /* a line break ends the line; a long space is still one run */
    assert_int_equal(mtl_tok_next_near(&d, d2), tok(&d, "\n"));
    assert_int_equal(mtl_tok_next_near(&d, tok(&d, ",")), tok(&d, "far"));
    assert_int_equal(mtl_tok_next_near(&d, d.n_tokens - 1), SIZE_MAX);
    mtl_doc_free(&d);
}

static void paths(void **state)
{
    (void)state;
    static const char text[] = "see src/list and gl\\gl or plain";
    mtl_doc d;
    build(&d, text, sizeof text - 1);
    assert_true(mtl_tok_after_path(&d, tok(&d, "list")));
    assert_true(mtl_tok_after_path(&d, tok(&d, "gl or")));
    assert_false(mtl_tok_after_path(&d, tok(&d, "plain")));
    assert_false(mtl_tok_after_path(&d, tok(&d, "src")));
    mtl_doc_free(&d);
}

static void questions(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int question;
    } cases[] = {
        {"Can police enter?", 1},
        {"He said “Why?”", 1},
        {"They asked (really?)", 1},
        {"Is it [ready?]", 1},
        {"He asked whether it was ready.", 0},
        {"What a day!", 0},
        {"Where is it", 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        mtl_doc d;
        build(&d, cases[k].text, strlen(cases[k].text));
        assert_int_equal(d.n_sentences, 1);
        assert_int_equal(mtl_sentence_is_question(&d, 0), cases[k].question);
        mtl_doc_free(&d);
    }
}

/* A line without spaces: each look-up stays within its window, so that
 * asking at every token costs linear time, and no '/' is invented. */
static void long_glued_line(void **state)
{
    (void)state;
    size_t n = 200000;
    char *text = malloc(4 * n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + 4 * i, "x,,)", 4);
    text[4 * n] = '\0';
    mtl_doc d;
    build(&d, text, 4 * n);
    size_t found = 0;
    for (size_t i = 0; i < d.n_tokens; i++)
        found += (size_t)mtl_tok_after_path(&d, i);
    assert_int_equal(found, 0);
    mtl_doc_free(&d);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(marks_and_closers),
        cmocka_unit_test(neighbours),
        cmocka_unit_test(paths),
        cmocka_unit_test(questions),
        cmocka_unit_test(long_glued_line),
    };
    return cmocka_run_group_tests_name("tokens", tests, NULL, NULL);
}
