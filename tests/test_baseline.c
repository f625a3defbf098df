/* Baselines, end to end through the mtlint binary: --write-baseline records
 * today's findings; --baseline reports only new ones, and a finding stays
 * known when the text above it is edited. */
#include "cli_harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs mtlint --format=gnu --only=repeated-word ARGS in the fixture,
 * replacing the previous run's output in r. */
static void mtlint(const fixture *fx, run *r, const char *const *args)
{
    const char *argv[16] = {"--format=gnu", "--only=repeated-word"};
    size_t n = 2;
    for (size_t i = 0; args[i] && n < 15; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    run_free(r);
    run_with(fx, NULL, argv, r);
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
