/*
 * --fix (src/cli/fix.c) called directly: the file is replaced only when its
 * bytes are still the ones linted, keeps its mode, and --dry-run's diff is
 * exact. The command line's end-to-end behaviour is in test_fix.py.
 */
#include "cli/cli.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fx {
    char dir[512];
    char path[600];
    mtl_linter *linter;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/mtlint-fix-XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/a.txt", f->dir);
    mtl_options *o = mtl_options_new();
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    mtl_options_set_severity(o, "repeated-word", MTL_WARNING);
    mtl_options_set_severity(o, "doubled-punctuation", MTL_WARNING);
    mtl_options_set_severity(o, "unbalanced-quotes", MTL_WARNING);
    f->linter = mtl_linter_new(o, NULL);
    mtl_options_free(o);
    assert_non_null(f->linter);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    char p[600];
    unlink(f->path);
    snprintf(p, sizeof p, "rm -rf '%s'", f->dir);
    assert_int_equal(system(p), 0);
    mtl_linter_free(f->linter);
    free(f);
    return 0;
}

static void put_file(const char *path, const char *text, mode_t mode)
{
    FILE *o = fopen(path, "w");
    assert_non_null(o);
    fputs(text, o);
    fclose(o);
    assert_int_equal(chmod(path, mode), 0);
}

static char *slurp(const char *path)
{
    FILE *i = fopen(path, "r");
    assert_non_null(i);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, i);
    buf[n] = '\0';
    fclose(i);
    return buf;
}

/* An input as main.c has it after linting: path, name, bytes, result. */
static input linted(fx *f, const char *text)
{
    input in = {0};
    in.path = strdup(f->path);
    in.name = strdup("a.txt");
    in.data = strdup(text);
    in.len = strlen(text);
    assert_int_equal(mtl_lint(f->linter, in.data, in.len, in.name, &in.result), 0);
    return in;
}

static const char before[] = "One line.\nThe the end,, here.\n";

static void fixes_in_place_keeping_mode(void **state)
{
    fx *f = *state;
    put_file(f->path, before, 0640);
    input in = linted(f, before);
    assert_int_equal(fix_input(&in, 0, stdout), 2);
    assert_int_equal(mtl_result_count(in.result), 0);
    assert_string_equal(slurp(f->path), "One line.\nThe end, here.\n");
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    input_release(&in);
    /* fixed text has nothing left to fix */
    in = linted(f, "One line.\nThe end, here.\n");
    assert_int_equal(fix_input(&in, 0, stdout), 0);
    input_release(&in);
}

static void leaves_a_changed_file_alone(void **state)
{
    fx *f = *state;
    put_file(f->path, before, 0644);
    input in = linted(f, before);
    size_t n = mtl_result_count(in.result);
    /* an editor saves the file after mtlint read it */
    put_file(f->path, "One line.\nThe the end,, here. And more.\n", 0644);
    assert_int_equal(fix_input(&in, 0, stdout), -1);
    assert_string_equal(slurp(f->path), "One line.\nThe the end,, here. And more.\n");
    assert_int_equal(mtl_result_count(in.result), n); /* still reported */
    input_release(&in);
}

static void dry_run_prints_a_diff(void **state)
{
    fx *f = *state;
    put_file(f->path, before, 0644);
    input in = linted(f, before);
    char out_path[600];
    snprintf(out_path, sizeof out_path, "%s/out.diff", f->dir);
    FILE *o = fopen(out_path, "w");
    assert_non_null(o);
    assert_int_equal(fix_input(&in, 1, o), 2);
    fclose(o);
    assert_string_equal(slurp(out_path),
                        "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n One line.\n"
                        "-The the end,, here.\n+The end, here.\n");
    assert_string_equal(slurp(f->path), before); /* untouched */
    unlink(out_path);
    input_release(&in);
}

static void only_mechanical_rules(void **state)
{
    fx *f = *state;
    /* an unclosed quote has no mechanical fix: it stays, and the file too */
    const char *text = "He said \"we will go.\n";
    put_file(f->path, text, 0644);
    input in = linted(f, text);
    size_t n = mtl_result_count(in.result);
    assert_true(n > 0);
    assert_int_equal(fix_input(&in, 0, stdout), 0);
    assert_int_equal(mtl_result_count(in.result), n);
    assert_string_equal(slurp(f->path), text);
    input_release(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fixes_in_place_keeping_mode, setup, teardown),
        cmocka_unit_test_setup_teardown(leaves_a_changed_file_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(dry_run_prints_a_diff, setup, teardown),
        cmocka_unit_test_setup_teardown(only_mechanical_rules, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
