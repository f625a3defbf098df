/*
 * Allocation failure: every allocation one lint makes is failed in turn
 * (alloc_fail.h), for the reference article and for a Markdown file, with
 * every rule on. Each time mtl_lint must return -1 with no result, or 0
 * with the very findings of a lint that lacked nothing; never crash, never
 * leak, never hand back a silently shorter list. The sanitizer build runs
 * the same sweep under ASan, which catches a use after free or a double
 * free on the way out of a failure.
 *
 * OOM_AT=N runs only the N-th failure (to debug it under a debugger or
 * valgrind); OOM_STRIDE=K tries every K-th allocation only (a quick look);
 * OOM_TEST=NAME runs one test.
 */
#include "alloc_fail.h"
#include "cli_harness.h"
#include "lint_helper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every rule on; with extra settings, the ignored words and phrases and
 * the report of unused suppressions too; with extra 2, plain text is
 * linted in parts of 200 bytes. */
static mtl_options *all_rules(int extra)
{
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *ri = mtl_rule_at(i);
        mtl_options_set_severity(o, ri->id, ri->default_severity == MTL_OFF
                                                ? MTL_WARNING
                                                : ri->default_severity);
    }
    if (extra) {
        assert_int_equal(mtl_options_set(o, "ignore-word", "Blinken"), 0);
        assert_int_equal(mtl_options_set(o, "ignore-word", "sedd"), 0);
        assert_int_equal(mtl_options_set(o, "ignore-phrase", "day after"), 0);
        assert_int_equal(
            mtl_options_set(o, "report-unused-suppressions", "1"), 0);
    }
    if (extra == 2)
        assert_int_equal(mtl_options_set(o, "part-size", "200"), 0);
    return o;
}

static mtl_linter *all_rules_linter(int extra)
{
    mtl_options *o = all_rules(extra);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    if (!l)
        fail_msg("no linter: %s", err ? err : "?");
    mtl_options_free(o);
    return l;
}

/* Every field of every finding, one line each. */
static char *flatten(const mtl_result *r)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    assert_non_null(f);
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *x = mtl_result_at(r, i);
        fprintf(f, "%s %d %zu+%zu %zu:%zu-%zu:%zu %s", x->rule,
                (int)x->severity, x->offset, x->length, x->line, x->column,
                x->end_line, x->end_column, x->message);
        for (size_t k = 0; k < x->n_suggestions; k++)
            fprintf(f, " |%s", x->suggestions[k]);
        fputc('\n', f);
    }
    assert_int_equal(fclose(f), 0);
    return s;
}

static size_t env_size(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? strtoul(v, NULL, 10) : 0;
}

/* Where the failed allocation was asked for, before the message. */
static void where(const char *name, size_t n)
{
    fprintf(stderr, "%s: allocation %zu was failed here:\n", name, n);
    alloc_fail_where();
}

static void sweep(const char *name, const char *text, size_t len, int extra)
{
    mtl_linter *l = all_rules_linter(extra);
    mtl_result *r = NULL;
    /* the findings, and the allocations, of a lint that lacks nothing */
    alloc_fail_at(0);
    assert_int_equal(mtl_lint(l, text, len, name, &r), 0);
    char *want = flatten(r);
    mtl_result_free(r);
    size_t live = alloc_live();
    alloc_fail_at(0);
    assert_int_equal(mtl_lint(l, text, len, name, &r), 0);
    size_t total = alloc_count();
    mtl_result_free(r);
    assert_int_equal(alloc_live(), live);
    assert_true(total > 100);

    size_t only = env_size("OOM_AT"), stride = env_size("OOM_STRIDE");
    size_t failures = 0, complete = 0;
    for (size_t n = only ? only : 1; n <= total; n += stride ? stride : 1) {
        alloc_fail_at(n);
        r = NULL;
        int rc = mtl_lint(l, text, len, name, &r);
        int failed = alloc_failed();
        if (only) {
            fprintf(stderr, "OOM_AT=%zu: mtl_lint returned %d\n", n, rc);
            where(name, n);
        }
        if (!failed) /* this lint made fewer allocations */
            fail_msg("%s: allocation %zu was never made", name, n);
        if (rc == 0) {
            assert_non_null(r);
            char *got = flatten(r);
            if (strcmp(got, want) != 0) {
                where(name, n);
                fail_msg("%s: allocation %zu failed and mtl_lint returned a "
                         "different result without saying so:\n%s\nwanted:\n%s",
                         name, n, got, want);
            }
            free(got);
            mtl_result_free(r);
            complete++;
        } else {
            if (rc != -1 || r) {
                where(name, n);
                fail_msg("%s: allocation %zu: returned %d and %s", name, n, rc,
                         r ? "a result" : "no result");
            }
            failures++;
        }
        if (alloc_live() != live) {
            where(name, n);
            fail_msg("%s: allocation %zu failed and %zu blocks leaked", name,
                     n, alloc_live() - live);
        }
        if (only)
            break;
    }
    printf("%s: %zu allocations: %zu failures returned -1, %zu lints did "
           "without the allocation\n",
           name, total, failures, complete);
    free(want);
    mtl_linter_free(l);
}

static void article(void **state)
{
    (void)state;
    size_t len;
    char *text = read_article(&len);
    sweep("article.txt", text, len, 0);
    free(text);
}

static void markdown(void **state)
{
    (void)state;
    size_t len;
    char *text = read_source_file("docs/DESIGN.md", &len);
    sweep("DESIGN.md", text, len, 0);
    free(text);
}

/* Something for every rule and every way to silence one: suppression
 * comments (one unused), ignored words and phrases, and bytes that are not
 * text. */
static const char artifacts[] =
    "---\ntitle: the the\n---\n"
    "# A heading heading\n\n"
    "<!-- mtlint-disable-next-line repeated-word -->\n"
    "It was the the day after , said Blinken. Sedd the the wrold.\n\n"
    "<!-- mtlint-disable spelling -->\n"
    "Teh talks talks were \xe2\x80\x9cproductive.\xe2\x80\x9d\n"
    "<!-- mtlint-enable spelling -->\n\n"
    "- Were focused on.\n- For wider area . .\n\n"
    "> The cease-fire and the ceasefire, the colour and the color.\n"
    "> Progress on the mortgages, **not** the the hostages.\n\n"
    "Caf\xc3\x83\xc2\xa9 and don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t, "
    "\xff\xfe bad bytes\x01 and \xef\xbf\xbd; \xd0\x9f\xd1\x80\xd0\xb8"
    "\xd0\xb2\xd0\xb5\xd1\x82 and `code code` [link link](http://x.y/z).\n\n"
    "<!-- mtlint-disable fragment -->\n";

static void artifacts_md(void **state)
{
    (void)state;
    sweep("artifacts.md", artifacts, sizeof artifacts - 1, 1);
}

static void artifacts_txt(void **state)
{
    (void)state;
    sweep("artifacts.txt", artifacts, sizeof artifacts - 1, 1);
}

/* The same text in parts: a failure in any part, or while the parts'
 * findings are gathered, fails the whole lint. */
static void artifacts_txt_parts(void **state)
{
    (void)state;
    sweep("artifacts.txt", artifacts, sizeof artifacts - 1, 2);
}

/* Small stand-ins for the resources, in a temporary directory: Hunspell
 * dictionaries of three words for English and the languages untranslated
 * knows, and a few rows of each table. Loading them takes a hundredth of
 * the time the real ones take and the same code; the tagger and the
 * language model (memory-mapped, fast) are the build tree's. */
static char *tiny_data(void)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = malloc(4096);
    assert_non_null(dir);
    snprintf(dir, 4096, "%s/mtlint-oom-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
    static const char *const langs[] = {"en_US", "en_GB", "es_ES", "fr_FR",
                                        "de_DE", "pt_PT", "it_IT", "nl_NL"};
    static const struct {
        const char *name, *text;
    } files[] = {
        {"pivots.tsv", "# word\tpartner\tlanguage\tshared translation\n"
                       "hostage\tmortgage\tspa\thipoteca\n"
                       "mortgage\thostage\tspa\thipoteca\n"},
        {"confusions.tsv", "# word\tpartner\tlanguage\tsource\n"
                           "hostage\tmortgage\tes\tx\n"},
        {"us-uk.tsv", "color\tcolour\nfavor\tfavour\n"},
        {"news-words.txt", "ceasefire\n"},
    };
    char path[4200];
    for (size_t i = 0; i < COUNT_OF(langs); i++) {
        snprintf(path, sizeof path, "%s/%s.aff", dir, langs[i]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs("SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n", f);
        assert_int_equal(fclose(f), 0);
        snprintf(path, sizeof path, "%s/%s.dic", dir, langs[i]);
        f = fopen(path, "w");
        assert_non_null(f);
        fputs("3\nthe\nday\nnews\n", f);
        assert_int_equal(fclose(f), 0);
    }
    for (size_t i = 0; i < COUNT_OF(files); i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(files[i].text, f);
        assert_int_equal(fclose(f), 0);
    }
    return dir;
}

static void remove_tiny_data(char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

/* Building a linter: every allocation of one with every rule, the extra
 * settings and every resource, failed in turn. mtl_linter_new must return
 * NULL (with a message when there is memory for one) or a linter that did
 * without, and leak nothing. */
static void linter_new(void **state)
{
    (void)state;
    char *dir = tiny_data();
    mtl_options *o = all_rules(1);
    assert_int_equal(mtl_options_set(o, "dict-path", dir), 0);
    assert_int_equal(mtl_options_set(o, "data-dir", dir), 0);
    size_t live = alloc_live();
    alloc_fail_at(0);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    size_t total = alloc_count();
    if (!l)
        fail_msg("no linter: %s", err ? err : "?");
    assert_null(mtl_linter_notices(l)[0]); /* every resource is there */
    /* a linter that did without an allocation must lint the same */
    size_t len;
    char *text = read_article(&len);
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, text, len, "article.txt", &r), 0);
    char *want = flatten(r);
    mtl_result_free(r);
    mtl_linter_free(l);
    live = alloc_live(); /* the article and the findings are kept */
    size_t stride = env_size("OOM_STRIDE"), tried = 0, did_without = 0;
    for (size_t n = 1; n <= total; n += stride ? stride : 1) {
        alloc_fail_at(n);
        err = NULL;
        l = mtl_linter_new(o, &err);
        if (!alloc_failed())
            fail_msg("allocation %zu was never made", n);
        if (l) { /* an optional part it can do without */
            assert_int_equal(mtl_lint(l, text, len, "article.txt", &r), 0);
            char *got = flatten(r);
            mtl_result_free(r);
            if (strcmp(got, want) != 0) {
                where("mtl_linter_new", n);
                fail_msg("mtl_linter_new: allocation %zu failed, and the "
                         "linter made lints differently:\n%s\nwanted:\n%s",
                         n, got, want);
            }
            free(got);
            mtl_linter_free(l);
            did_without++;
        }
        free(err);
        if (alloc_live() != live) {
            where("mtl_linter_new", n);
            fail_msg("mtl_linter_new: allocation %zu failed and %zu blocks "
                     "leaked", n, alloc_live() - live);
        }
        tried++;
    }
    alloc_fail_at(0);
    printf("mtl_linter_new: %zu allocations failed in turn, %zu done "
           "without\n", tried, did_without);
    free(want);
    free(text);
    mtl_options_free(o);
    remove_tiny_data(dir);
}

/* The command line (tests/mtlint_oom, alloc_fail.h) with one allocation
 * failed in the first file's lint, at points spread over it: exit status
 * 2, a message naming the file, and the second file still linted. A
 * failure further on, in the second file, names that one. */
static void command_line(void **state)
{
    fixture *fx = *state;
    size_t len;
    char *text = read_article(&len);
    put_bytes(fx, "a.txt", text, len);
    free(text);
    put(fx, "b.txt", "It was the the day.\n");
    run_opts ro = {.program = "tests/mtlint_oom"};
    run r;
    setenv("MTLINT_COUNT_ALLOC", "1", 1);
    RUN_WITH(fx, &ro, &r, "-j1", "a.txt", "b.txt");
    unsetenv("MTLINT_COUNT_ALLOC");
    expect_status(&r, 1);
    const char *c = strstr(r.err, "allocations: ");
    assert_non_null(c);
    size_t total = strtoul(c + 13, NULL, 10);
    char *want_b = strstr(r.out, "b.txt:1:8: ");
    assert_non_null(want_b);
    want_b = strdup(want_b);
    run_free(&r);
    /* ten points through the whole run: nine in the article, one in b.txt
     * (whose lint is the last few dozen allocations) */
    for (size_t k = 1; k <= 10; k++) {
        size_t n = k == 10 ? total - 5 : 1 + (total - 60) * (k - 1) / 9;
        char at[32];
        snprintf(at, sizeof at, "%zu", n);
        setenv("MTLINT_FAIL_ALLOC", at, 1);
        RUN_WITH(fx, &ro, &r, "-j1", "a.txt", "b.txt");
        unsetenv("MTLINT_FAIL_ALLOC");
        const char *file = k == 10 ? "b.txt" : "a.txt";
        char want[64];
        snprintf(want, sizeof want, "mtlint: %s: out of memory", file);
        if (r.status != 2 || !strstr(r.err, want))
            fail_msg("allocation %zu of %zu failed: status %d, stderr:\n%s",
                     n, total, r.status, r.err);
        assert_int_equal(r.signal, 0);
        if (k < 10)
            assert_non_null(strstr(r.out, want_b));
        run_free(&r);
    }
    free(want_b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(article),
        cmocka_unit_test(markdown),
        cmocka_unit_test(artifacts_md),
        cmocka_unit_test(artifacts_txt),
        cmocka_unit_test(artifacts_txt_parts),
        cmocka_unit_test(linter_new),
        cmocka_unit_test_setup_teardown(command_line, cli_setup, cli_teardown),
    };
    if (getenv("OOM_TEST")) /* one of them: OOM_TEST=linter_new */
        cmocka_set_test_filter(getenv("OOM_TEST"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
