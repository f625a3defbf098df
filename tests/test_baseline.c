/* Baselines, end to end through the mtlint binary: --write-baseline records
 * today's findings; --baseline reports only new ones, and a finding stays
 * known when the text above it is edited. */
#include "cli_harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs mtlint --format=gnu --only=repeated-word ARGS in the fixture (or
 * its folder cwd), replacing the previous run's output in r. */
static void mtlint_in(const fixture *fx, const char *cwd, run *r,
                      const char *const *args)
{
    const char *argv[16] = {"--format=gnu", "--only=repeated-word"};
    size_t n = 2;
    for (size_t i = 0; args[i] && n < 15; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    run_free(r);
    run_with(fx, &(run_opts){.cwd = cwd}, argv, r);
}

static void mtlint(const fixture *fx, run *r, const char *const *args)
{
    mtlint_in(fx, NULL, r, args);
}

static const char article[] = "The talks ended.\n\n"
                              "He met the the minister on Monday.\n\n"
                              "They said that they they would return.\n";

static void records_and_hides_known_findings(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "a.txt", article);
    mtlint(fx, &r, (const char *[]){"a.txt", NULL});
    assert_int_equal(r.status, 1);
    mtlint(fx, &r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    mtlint(fx, &r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    run_free(&r);
}

static void survives_edit_above(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "a.txt", article);
    mtlint(fx, &r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 0);
    /* New paragraphs above both findings shift every line and offset. */
    char edited[1024];
    snprintf(edited, sizeof edited, "A new first line.\n\nAnd another one here.\n\n%s",
             article);
    put(fx, "a.txt", edited);
    mtlint(fx, &r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_string_equal(r.out, "");
    assert_int_equal(r.status, 0);
    run_free(&r);
}

static void new_findings_are_reported(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "a.txt", article);
    mtlint(fx, &r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    char edited[1024];
    snprintf(edited, sizeof edited, "%s\nA new a a mistake.\n", article);
    put(fx, "a.txt", edited);
    mtlint(fx, &r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "a.txt:7:7: warning: repeated word 'a'"));
    assert_null(strstr(r.out, "'the'"));
    assert_null(strstr(r.out, "'they'"));
    run_free(&r);
}

static void second_copy_is_new(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "a.txt", "He met the the minister.\n");
    mtlint(fx, &r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    /* the same artifact again, in the same words: one is known, one new */
    put(fx, "a.txt", "He met the the minister.\n\nHe met the the minister.\n");
    mtlint(fx, &r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "repeated word 'the'"));
    assert_null(strchr(strchr(r.out, '\n') + 1, ':')); /* exactly one line */
    run_free(&r);
}

static void other_file_is_not_covered(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "a.txt", article);
    put(fx, "b.txt", article);
    mtlint(fx, &r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    mtlint(fx, &r, (const char *[]){"--baseline=base.txt", "a.txt", "b.txt", NULL});
    assert_int_equal(r.status, 1);
    assert_null(strstr(r.out, "a.txt:"));
    assert_non_null(strstr(r.out, "b.txt:3:8:"));
    run_free(&r);
}

static void bad_baseline_is_an_error(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "a.txt", article);
    put(fx, "base.txt", "not a baseline\n");
    mtlint(fx, &r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 2);
    mtlint(fx, &r, (const char *[]){"--baseline=missing.txt", "a.txt", NULL});
    assert_int_equal(r.status, 2);
    run_free(&r);
}

/* The contents of the fixture's file name (malloc'd). */
static char *contents(const fixture *fx, const char *name)
{
    char p[PATH_MAX];
    path_of(fx, name, p, sizeof p);
    FILE *f = fopen(p, "r");
    assert_non_null(f);
    char *text = calloc(1, 1 << 16);
    assert_non_null(text);
    size_t n = fread(text, 1, (1 << 16) - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

/* One way to name the baseline and the file from a folder. Absolute paths
 * are the fixture's path joined with base or file. */
typedef struct spelling {
    const char *cwd; /* under the fixture; NULL for the fixture */
    const char *base, *file;
    int abs_base, abs_file;
} spelling;

static const spelling spellings[] = {
    {.base = "base.txt", .file = "docs/a.md"},
    {.base = "./base.txt", .file = "./docs/a.md"},
    {.base = "base.txt", .file = "docs//a.md"},
    {.base = "base.txt", .file = "docs/../docs/./a.md"},
    {.base = "base.txt", .file = "docs"}, /* found by walking the folder */
    {.base = "base.txt", .file = "./docs/"},
    {.base = "base.txt", .file = "docs/a.md", .abs_base = 1, .abs_file = 1},
    {.base = "base.txt", .file = "docs/a.md", .abs_file = 1},
    {.cwd = "docs", .base = "../base.txt", .file = "a.md"},
    {.cwd = "docs", .base = "../base.txt", .file = "./a.md"},
    {.cwd = "docs", .base = "../base.txt", .file = "."},
    {.cwd = "docs", .base = "base.txt", .file = "a.md", .abs_base = 1},
    {.cwd = "docs/sub", .base = "../../base.txt", .file = "../a.md"},
};

/* Runs mtlint with --OPTION=<the spelling's baseline> <its file>. */
static void run_spelled(const fixture *fx, const spelling *sp,
                        const char *option, run *r)
{
    char base[PATH_MAX + 32], file[PATH_MAX];
    int k = sp->abs_base ? snprintf(base, sizeof base, "--%s=%s/%s", option,
                                    fx->dir, sp->base)
                         : snprintf(base, sizeof base, "--%s=%s", option,
                                    sp->base);
    assert_true(k > 0 && (size_t)k < sizeof base);
    if (sp->abs_file)
        path_of(fx, sp->file, file, sizeof file);
    else
        snprintf(file, sizeof file, "%s", sp->file);
    mtlint_in(fx, sp->cwd, r, (const char *[]){base, file, NULL});
}

/* However the baseline and the file are spelled, and from whichever
 * folder: the same baseline is written, naming the file from the
 * baseline's folder, and it hides the file's findings. */
static void any_path_spelling_matches(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "docs/a.md", article);
    put(fx, "docs/sub/keep.txt", "Clean.\n");
    mtlint(fx, &r, (const char *[]){"--write-baseline=base.txt", "docs/a.md", NULL});
    assert_int_equal(r.status, 0);
    char *expected = contents(fx, "base.txt");
    assert_non_null(strstr(expected, "\tdocs/a.md\t"));
    for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++) {
        const spelling *sp = &spellings[i];
        print_message("spelling %zu: in %s, %s and %s\n", i,
                      sp->cwd ? sp->cwd : ".", sp->base, sp->file);
        run_spelled(fx, sp, "baseline", &r);
        assert_string_equal(r.out, "");
        assert_int_equal(r.status, 0);
        run_spelled(fx, sp, "write-baseline", &r);
        assert_int_equal(r.status, 0);
        char *written = contents(fx, "base.txt");
        assert_string_equal(written, expected);
        free(written);
    }
    free(expected);
    run_free(&r);
}

/* A baseline kept in a subfolder names files from there, up with ".."
 * when they are outside it, and matches from the top too. */
static void names_are_relative_to_the_baseline(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, "docs/a.md", article);
    put(fx, "other/b.md", article);
    mtlint(fx, &r, (const char *[]){"--write-baseline=docs/base.txt",
                                    "docs/a.md", "other/b.md", NULL});
    assert_int_equal(r.status, 0);
    char *written = contents(fx, "docs/base.txt");
    assert_non_null(strstr(written, "\ta.md\t"));
    assert_non_null(strstr(written, "\t../other/b.md\t"));
    assert_null(strstr(written, "docs/a.md"));
    free(written);
    mtlint_in(fx, "docs", &r,
              (const char *[]){"--baseline=base.txt", "a.md", "../other/b.md", NULL});
    assert_string_equal(r.out, "");
    assert_int_equal(r.status, 0);
    mtlint_in(fx, "other", &r,
              (const char *[]){"--baseline=../docs/base.txt", "b.md", NULL});
    assert_string_equal(r.out, "");
    assert_int_equal(r.status, 0);
    /* the same name in another folder is another file */
    put(fx, "a.md", article);
    mtlint(fx, &r, (const char *[]){"--baseline=docs/base.txt", "a.md", NULL});
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "a.md:3:8:"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(records_and_hides_known_findings, cli_setup,
                                        cli_teardown),
        cmocka_unit_test_setup_teardown(survives_edit_above, cli_setup,
                                        cli_teardown),
        cmocka_unit_test_setup_teardown(new_findings_are_reported, cli_setup,
                                        cli_teardown),
        cmocka_unit_test_setup_teardown(second_copy_is_new, cli_setup,
                                        cli_teardown),
        cmocka_unit_test_setup_teardown(other_file_is_not_covered, cli_setup,
                                        cli_teardown),
        cmocka_unit_test_setup_teardown(bad_baseline_is_an_error, cli_setup,
                                        cli_teardown),
        cmocka_unit_test_setup_teardown(any_path_spelling_matches, cli_setup,
                                        cli_teardown),
        cmocka_unit_test_setup_teardown(names_are_relative_to_the_baseline,
                                        cli_setup, cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
