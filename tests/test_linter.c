/* The linter through the public API: edge inputs, NULL safety, notices, and
 * concurrent use of two differently configured linters from threads. */
#include "lint_helper.h"

#include "mtlint.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static mtl_linter *linter_with(mtl_options *o)
{
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    if (!l)
        fail_msg("linter: %s", err ? err : "?");
    assert_null(err);
    return l;
}

/* Every rule at its default severity. */
static mtl_linter *default_linter(void)
{
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    mtl_linter *l = linter_with(o);
    mtl_options_free(o);
    return l;
}

/* Only repeated-word, as an error. */
static mtl_linter *repeated_word_linter(void)
{
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    assert_int_equal(mtl_options_set_severity(o, "repeated-word", MTL_ERROR), 0);
    mtl_linter *l = linter_with(o);
    mtl_options_free(o);
    return l;
}

static void empty_input(void **state)
{
    (void)state;
    mtl_linter *l = default_linter();
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, "", 0, "empty.txt", &r), 0);
    assert_non_null(r);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
    /* NULL bytes with length 0 are an empty input too; so is a NULL name */
    r = NULL;
    assert_int_equal(mtl_lint(l, NULL, 0, NULL, &r), 0);
    assert_non_null(r);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
    mtl_linter_free(l);
}

static void null_safety(void **state)
{
    (void)state;
    mtl_result *r = (mtl_result *)&r; /* must be overwritten with NULL */
    assert_int_equal(mtl_lint(NULL, "text", 4, "a.txt", &r), -1);
    assert_null(r);
    mtl_linter *l = default_linter();
    r = (mtl_result *)&r;
    assert_int_equal(mtl_lint(l, NULL, 5, "a.txt", &r), -1);
    assert_null(r);
    mtl_linter_free(l);
    mtl_linter_free(NULL);
    mtl_result_free(NULL);
    assert_int_equal(mtl_result_count(NULL), 0);
    assert_null(mtl_result_at(NULL, 0));
    assert_int_equal(mtl_linter_severity(NULL, 0), MTL_OFF);
    const char *const *n = mtl_linter_notices(NULL);
    assert_non_null(n);
    assert_null(n[0]);
    /* NULL options mean defaults */
    l = mtl_linter_new(NULL, NULL);
    assert_non_null(l);
    mtl_linter_free(l);
}

/* Bytes that are not clean text: findings or none, but never a failure. */
static void awkward_input(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "\0\0\0", "\xFF\xFE\x61\0b\0", "\xEF\xBB\xBF", "\r\r\r\n\n",
        "the the\0the the", "\xC3", "a\xE2\x82\n\xF0\x9F\x98", "“", "...",
    };
    static const size_t lens[] = {3, 6, 3, 5, 15, 1, 7, 3, 3};
    mtl_linter *l = default_linter();
    for (size_t i = 0; i < sizeof lens / sizeof *lens; i++) {
        mtl_result *r = NULL;
        assert_int_equal(mtl_lint(l, inputs[i], lens[i], "x.txt", &r), 0);
        for (size_t k = 0; k < mtl_result_count(r); k++) {
            const mtl_finding *f = mtl_result_at(r, k);
            assert_true(f->offset + f->length <= lens[i]);
            assert_true(f->line >= 1 && f->column >= 1);
            assert_true(f->end_line >= f->line);
            assert_non_null(f->message);
            assert_null(strchr(f->message, '\n'));
        }
        mtl_result_free(r);
    }
    mtl_linter_free(l);
}

static void notices(void **state)
{
    (void)state;
    /* Point data lookups at a directory with nothing in it: rules that need
     * data may turn off, but must say so in one-line notices, not fail. */
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    assert_int_equal(mtl_options_set(o, "data-dir", "/nonexistent-mtlint"), 0);
    mtl_linter *l = linter_with(o);
    mtl_options_free(o);
    const char *const *n = mtl_linter_notices(l);
    assert_non_null(n);
    size_t count = 0;
    for (; n[count]; count++) {
        assert_true(strlen(n[count]) > 0);
        assert_null(strchr(n[count], '\n'));
    }
    /* the same list on every call */
    assert_ptr_equal(mtl_linter_notices(l), n);
    mtl_linter_free(l);

    l = repeated_word_linter();
    n = mtl_linter_notices(l);
    assert_non_null(n);
    assert_null(n[0]); /* repeated-word needs no data */
    mtl_linter_free(l);
}

static void severity_and_positions(void **state)
{
    (void)state;
    mtl_linter *l = repeated_word_linter();
    const char *text = "Fine.\r\nIt was the the day.";
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, text, strlen(text), "a.txt", &r), 0);
    assert_int_equal(mtl_result_count(r), 1);
    const mtl_finding *f = mtl_result_at(r, 0);
    assert_string_equal(f->rule, "repeated-word");
    assert_int_equal(f->severity, MTL_ERROR);
    assert_int_equal(f->offset, 14);
    assert_int_equal(f->length, 7);
    assert_int_equal(f->line, 2);
    assert_int_equal(f->column, 8);
    assert_int_equal(f->end_line, 2);
    assert_int_equal(f->end_column, 15);
    mtl_result_free(r);
    mtl_linter_free(l);
}

/* ---- threads ------------------------------------------------------- */

typedef struct text {
    const char *data;
    size_t len;
} text;

/* A result flattened to one string, so that two results compare with
 * strcmp: every field of every finding. */
static char *flatten(const mtl_result *r)
{
    size_t cap = 256, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    s[0] = '\0';
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        char line[1024];
        int n = snprintf(line, sizeof line,
                         "%s %d %zu+%zu %zu:%zu(%zu)-%zu:%zu(%zu) %s", f->rule,
                         (int)f->severity, f->offset, f->length, f->line,
                         f->column, f->column_byte, f->end_line, f->end_column,
                         f->end_column_byte, f->message);
        for (size_t k = 0; k < f->n_suggestions && n > 0 &&
                           (size_t)n < sizeof line; k++)
            n += snprintf(line + n, sizeof line - (size_t)n, " |%s",
                          f->suggestions[k]);
        assert_true(n > 0);
        size_t add = strlen(line) + 1;
        while (len + add + 1 > cap) {
            cap *= 2;
            s = realloc(s, cap);
            assert_non_null(s);
        }
        memcpy(s + len, line, add - 1);
        len += add - 1;
        s[len++] = '\n';
        s[len] = '\0';
    }
    return s;
}

static char *lint_flat(const mtl_linter *l, const text *t)
{
    mtl_result *r = NULL;
    if (mtl_lint(l, t->data, t->len, "t.txt", &r) != 0)
        return NULL;
    char *s = flatten(r);
    mtl_result_free(r);
    return s;
}

enum { N_TEXTS = 4, N_THREADS = 4, ROUNDS = 3 };

typedef struct job {
    const mtl_linter *linter;
    const text *texts;
    char *const *expected; /* per text, from the serial run */
    int mismatches, failures;
} job;

/* No cmocka asserts here: they are not thread-safe. Count and report. */
static void *worker(void *arg)
{
    job *j = arg;
    for (int round = 0; round < ROUNDS; round++) {
        for (size_t i = 0; i < N_TEXTS; i++) {
            /* each thread walks the texts in a different order */
            size_t k = (i + (size_t)round) % N_TEXTS;
            mtl_result *r = NULL;
            if (mtl_lint(j->linter, j->texts[k].data, j->texts[k].len,
                         "t.txt", &r) != 0) {
                j->failures++;
                continue;
            }
            char *s = flatten(r);
            mtl_result_free(r);
            if (strcmp(s, j->expected[k]) != 0)
                j->mismatches++;
            free(s);
        }
    }
    return NULL;
}

static void threads_match_serial(void **state)
{
    (void)state;
    size_t alen = 0;
    char *article = read_article(&alen);
    /* The article, a half of it, a text with many repeated words, and the
     * article with CRLF line ends. */
    char *crlf = malloc(alen * 2 + 1);
    assert_non_null(crlf);
    size_t clen = 0;
    for (size_t i = 0; i < alen; i++) {
        if (article[i] == '\n')
            crlf[clen++] = '\r';
        crlf[clen++] = article[i];
    }
    static const char rep[] = "It was the the day. We we met in in Gaza.\n\n"
                              "Talks talks ended ended here.";
    const text texts[N_TEXTS] = {{article, alen},
                                 {article + alen / 2, alen - alen / 2},
                                 {rep, sizeof rep - 1},
                                 {crlf, clen}};
    mtl_linter *a = default_linter(), *b = repeated_word_linter();
    char *exp_a[N_TEXTS], *exp_b[N_TEXTS];
    for (size_t i = 0; i < N_TEXTS; i++) {
        exp_a[i] = lint_flat(a, &texts[i]);
        exp_b[i] = lint_flat(b, &texts[i]);
        assert_non_null(exp_a[i]);
        assert_non_null(exp_b[i]);
    }
    /* The two configurations really differ, or the test proves little. */
    assert_string_not_equal(exp_a[2], exp_b[2]);
    assert_true(strlen(exp_b[2]) > 0);

    pthread_t tid[N_THREADS];
    job jobs[N_THREADS];
    for (size_t t = 0; t < N_THREADS; t++) {
        jobs[t] = (job){.linter = t % 2 ? b : a, .texts = texts,
                        .expected = t % 2 ? exp_b : exp_a};
        assert_int_equal(pthread_create(&tid[t], NULL, worker, &jobs[t]), 0);
    }
    for (size_t t = 0; t < N_THREADS; t++) {
        assert_int_equal(pthread_join(tid[t], NULL), 0);
        assert_int_equal(jobs[t].failures, 0);
        assert_int_equal(jobs[t].mismatches, 0);
    }
    for (size_t i = 0; i < N_TEXTS; i++) {
        free(exp_a[i]);
        free(exp_b[i]);
    }
    mtl_linter_free(a);
    mtl_linter_free(b);
    free(crlf);
    free(article);
}

/* Rules that look within a sentence or a line, at a part size of `part`
 * bytes ("0": never cut). */
static mtl_linter *local_rules_linter(const char *part)
{
    static const char *const local[] = {"repeated-word", "doubled-punctuation",
                                        "punctuation-spacing", "spelling",
                                        "encoding"};
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    for (size_t i = 0; i < sizeof local / sizeof *local; i++)
        assert_int_equal(mtl_options_set_severity(o, local[i], MTL_WARNING), 0);
    assert_int_equal(mtl_options_set(o, "part-size", part), 0);
    mtl_linter *l = linter_with(o);
    mtl_options_free(o);
    return l;
}

/* A plain-text file longer than a part is linted a part at a time: what
 * rules that look within a sentence find, and where (offsets, lines, code
 * point and byte columns, over CRLF, CR and multi-byte text), is what the
 * whole file gives. */
static void parts_match_whole(void **state)
{
    (void)state;
    static const char t[] =
        "The café was was open early.  It served tea ,and cake.\r\n"
        "\r\n"
        "Naïve readers recieve the news . . and leave.\r\n"
        "Another line of the the same paragraph.\r\n"
        "\r\n"
        "\xC3\xA9l\xC3\xA8ve: a student who who studies.\r"
        "\r"
        "A stray byte \xFF here, and teh end!!\n"
        "   \n"
        "Last paragraph with a  double space and a typo: wierd.\n";
    /* one sentence a line, no blank line: cut between sentences */
    static const char lines[] =
        "The first line has has a doubled word.\n"
        "The second line is clean and plain.\n"
        "A third line with a typo: recieve.\n"
        "The fourth line , has a stray space.\n"
        "The fifth line ends the the file.\n";
    mtl_linter *whole = local_rules_linter("0"),
               *parts = local_rules_linter("60");
    const text in = {t, sizeof t - 1}, by_line = {lines, sizeof lines - 1};
    char *a = lint_flat(whole, &in), *b = lint_flat(parts, &in);
    assert_non_null(a);
    assert_non_null(b);
    /* every paragraph has a finding, the last on line 10 */
    assert_non_null(strstr(a, "wierd"));
    assert_non_null(strstr(a, " 10:"));
    assert_string_equal(a, b);
    free(a);
    free(b);
    a = lint_flat(whole, &by_line);
    b = lint_flat(parts, &by_line);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(strstr(a, " 5:"));
    assert_string_equal(a, b);
    free(a);
    free(b);
    mtl_linter_free(whole);
    mtl_linter_free(parts);
}

/* Markdown is never cut: a fence, a list or a reference link may span a
 * blank line. The typo inside the fence's second half stays code. */
static void markdown_is_never_cut(void **state)
{
    (void)state;
    static const char md[] =
        "Some words before the code, long enough to pass a part.\n"
        "\n"
        "```\n"
        "first half of the code block\n"
        "\n"
        "recieve teh code here, which is no prose at all\n"
        "```\n"
        "\n"
        "Prose again [with a link][ref].\n"
        "\n"
        "[ref]: https://example.org/\n";
    mtl_linter *l = local_rules_linter("40");
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, md, sizeof md - 1, "doc.md", &r), 0);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
    /* the same bytes as plain text are cut, and the typos found */
    assert_int_equal(mtl_lint(l, md, sizeof md - 1, "doc.txt", &r), 0);
    assert_true(mtl_result_count(r) >= 2);
    mtl_result_free(r);
    mtl_linter_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_input),
        cmocka_unit_test(null_safety),
        cmocka_unit_test(awkward_input),
        cmocka_unit_test(notices),
        cmocka_unit_test(severity_and_positions),
        cmocka_unit_test(threads_match_serial),
        cmocka_unit_test(parts_match_whole),
        cmocka_unit_test(markdown_is_never_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
