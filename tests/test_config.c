/* .mtlint.ini discovery, precedence, globs, paths and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "mtlint_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct tree {
    char root[256];
} tree;

static void write_file(const char *dir, const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void path_in(char *out, size_t n, const tree *t, const char *rel)
{
    snprintf(out, n, "%s/%s", t->root, rel);
}

static int setup(void **state)
{
    tree *t = calloc(1, sizeof *t);
    snprintf(t->root, sizeof t->root, "%s/mtlint-config-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(t->root))
        return -1;
    char sub[300];
    path_in(sub, sizeof sub, t, "sub");
    mkdir(sub, 0755);
    path_in(sub, sizeof sub, t, "sub/deeper");
    mkdir(sub, 0755);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    tree *t = *state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->root);
    int rc = system(cmd);
    free(t);
    return rc == 0 ? 0 : -1;
}

/* Severity of repeated-word for a file after its configs and cli. */
static int severity_for(const char *path, const mtl_options *cli)
{
    mtl_options *o = mtl_options_new();
    char **cfgs = mtl_config_find(path);
    assert_non_null(cfgs);
    for (size_t i = 0; cfgs[i]; i++) {
        char *err = NULL;
        int rc = mtl_config_apply(cfgs[i], path, o, NULL, NULL, &err);
        if (rc != 0)
            fail_msg("config error: %s", err);
    }
    mtl_config_paths_free(cfgs);
    if (cli)
        assert_int_equal(mtl_options_merge(o, cli), 0);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    assert_non_null(l);
    int s = (int)mtl_linter_severity(l, (size_t)mtl_rule_find("repeated-word"));
    mtl_linter_free(l);
    mtl_options_free(o);
    return s;
}

static void finds_nearest_last(void **state)
{
    tree *t = *state;
    write_file(t->root, ".mtlint.ini", "root = true\n[rules]\nrepeated-word = error\n");
    char sub[300], file[300];
    path_in(sub, sizeof sub, t, "sub");
    write_file(sub, ".mtlint.ini", "[rules]\nrepeated-word = note\n");
    path_in(file, sizeof file, t, "sub/deeper/a.txt");
    char **c = mtl_config_find(file);
    assert_non_null(c);
    assert_non_null(c[0]);
    assert_non_null(c[1]);
    assert_null(c[2]);
    assert_non_null(strstr(c[0], "mtlint-config-"));
    assert_null(strstr(c[0], "/sub/"));
    assert_non_null(strstr(c[1], "/sub/.mtlint.ini"));
    mtl_config_paths_free(c);
}

static void precedence(void **state)
{
    tree *t = *state;
    write_file(t->root, ".mtlint.ini", "root = true\n[rules]\nrepeated-word = error\n");
    char sub[300], file[300], top[300];
    path_in(sub, sizeof sub, t, "sub");
    write_file(sub, ".mtlint.ini", "[rules]\nrepeated-word = note\n");
    path_in(file, sizeof file, t, "sub/a.txt");
    path_in(top, sizeof top, t, "b.txt");
    /* nearest config beats the parent */
    assert_int_equal(severity_for(file, NULL), MTL_NOTE);
    /* the parent config alone applies above sub/ */
    assert_int_equal(severity_for(top, NULL), MTL_ERROR);
    /* the command line beats every config */
    mtl_options *cli = mtl_options_new();
    mtl_options_set_severity(cli, "repeated-word", MTL_OFF);
    assert_int_equal(severity_for(file, cli), MTL_OFF);
    mtl_options_free(cli);
}

static void defaults_without_config(void **state)
{
    tree *t = *state;
    write_file(t->root, ".mtlint.ini", "root = true\n");
    char file[300];
    path_in(file, sizeof file, t, "a.txt");
    assert_int_equal(severity_for(file, NULL),
                     mtl_rule_at((size_t)mtl_rule_find("repeated-word"))->default_severity);
}

static void glob_sections(void **state)
{
    tree *t = *state;
    write_file(t->root, ".mtlint.ini",
               "root = true\n[*.md]\nrepeated-word = off\n[sub/**]\nrepeated-word = error\n");
    char md[300], txt[300], deep[300];
    path_in(md, sizeof md, t, "a.md");
    path_in(txt, sizeof txt, t, "a.txt");
    path_in(deep, sizeof deep, t, "sub/deeper/x.txt");
    assert_int_equal(severity_for(md, NULL), MTL_OFF);
    assert_int_not_equal(severity_for(txt, NULL), MTL_OFF);
    assert_int_equal(severity_for(deep, NULL), MTL_ERROR);
}

static void ignore_globs(void **state)
{
    tree *t = *state;
    write_file(t->root, ".mtlint.ini", "root = true\nignore = drafts/**, *.tmp.md\n");
    char cfg[300], a[300], b[300], c[300];
    path_in(cfg, sizeof cfg, t, ".mtlint.ini");
    path_in(a, sizeof a, t, "drafts/x/y.md");
    path_in(b, sizeof b, t, "sub/z.tmp.md");
    path_in(c, sizeof c, t, "sub/z.md");
    const char *paths[] = {a, b, c};
    int want[] = {1, 1, 0};
    for (int i = 0; i < 3; i++) {
        mtl_options *o = mtl_options_new();
        int ignored = 0;
        char *err = NULL;
        assert_int_equal(mtl_config_apply(cfg, paths[i], o, &ignored, NULL, &err), 0);
        assert_int_equal(ignored, want[i]);
        mtl_options_free(o);
    }
}

/* Globs where a star must give up at the right place: '*' never past a
 * '/', '**' anywhere; and patterns whose stars would try exponentially
 * many splits of a long path (each case must end at once). */
static void glob_stars(void **state)
{
    tree *t = *state;
    static const struct {
        const char *glob, *path;
        int ignored;
    } cases[] = {
        {"*/*.md", "a/b.md", 1},
        {"*/*.md", "a/b/c.md", 0},
        {"**/*.md", "a/b/c.md", 1},
        {"a/**/c.md", "a/c.md", 1},
        {"a/**/c.md", "a/x/y/c.md", 1},
        {"a/*/c.md", "a/x/y/c.md", 0},
        {"*a*b/*.md", "xaxxb/y.md", 1},
        {"*a*b/*.md", "xaxxc/y.md", 0},
        {"**/b*/*.md", "a/b1/x/b2/c.md", 1},
        {"**/**/**/**/**/**/**/**/**/**/*a*a*a*a*a*a*a*a*b",
         "x/y/z/w/v/u/t/s/r/q/p/o/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md", 0},
        {"*a*a*a*a*a*a*a*a*a*a*a*a*b",
         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md", 0},
    };
    char cfg[300], text[300], file[300];
    path_in(cfg, sizeof cfg, t, ".mtlint.ini");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(text, sizeof text, "root = true\nignore = %s\n", cases[i].glob);
        write_file(t->root, ".mtlint.ini", text);
        path_in(file, sizeof file, t, cases[i].path);
        mtl_options *o = mtl_options_new();
        int ignored = 0;
        char *err = NULL;
        assert_int_equal(mtl_config_apply(cfg, file, o, &ignored, NULL, &err), 0);
        if (ignored != cases[i].ignored)
            fail_msg("'%s' on '%s': %d", cases[i].glob, cases[i].path, ignored);
        mtl_options_free(o);
    }
}

static void expect_error(const tree *t, const char *text, const char *line,
                         const char *needle)
{
    write_file(t->root, ".mtlint.ini", text);
    char cfg[300], file[300];
    path_in(cfg, sizeof cfg, t, ".mtlint.ini");
    path_in(file, sizeof file, t, "a.txt");
    mtl_options *o = mtl_options_new();
    char *err = NULL;
    assert_int_equal(mtl_config_apply(cfg, file, o, NULL, NULL, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, ".mtlint.ini"));
    assert_non_null(strstr(err, line));
    assert_non_null(strstr(err, needle));
    free(err);
    mtl_options_free(o);
}

static void errors_name_file_line_key(void **state)
{
    tree *t = *state;
    expect_error(t, "root = true\n[mtlint]\nlnag = en_US\n", ":3:", "lnag");
    expect_error(t, "[rules]\n\nno-such-rule = off\n", ":3:", "no-such-rule");
    expect_error(t, "[rules]\nrepeated-word = loud\n", ":2:", "loud");
    expect_error(t, "[*.md]\nbogus = 1\n", ":2:", "bogus");
    expect_error(t, "root = maybe\n", ":1:", "maybe");
    expect_error(t, "[mtlint\nlang = x\n", ":1:", "section header without ']'");
    expect_error(t, "root = true\nnot a setting\n", ":2:", "syntax error");
}

/* The first error is told at its own line, whether inih could not parse
 * the line or the line's key or value is wrong. */
static void errors_at_their_line(void **state)
{
    tree *t = *state;
    /* an unterminated section puts the key below it in the section
     * before, where it is unknown: the section line is the error */
    expect_error(t, "[*.md\nfragment = off\n", ":1:", "section header without ']'");
    expect_error(t, "root = true\n\n[*.md\nfragment = off\n", ":3:",
                 "section header without ']'");
    expect_error(t, "[rules]\nfragment = off\n[*.md\nfragment = note\n", ":3:",
                 "section header without ']'");
    /* a wrong key before a line inih cannot parse is the first error */
    expect_error(t, "[rules]\nno-such-rule = off\n[*.md\n", ":2:", "no-such-rule");
    expect_error(t, "oops\n[rules]\nno-such-rule = off\n", ":1:", "syntax error");
    /* inih would read a line longer than its buffer as two lines: the
     * long line is the error, unless an error comes before it */
    char text[1200];
    char list[1000];
    memset(list, 'w', sizeof list - 1);
    for (size_t i = 10; i < sizeof list - 1; i += 10)
        list[i] = ',';
    list[sizeof list - 1] = '\0';
    snprintf(text, sizeof text, "root = true\nignore-words = %s\n[rules]\n", list);
    expect_error(t, text, ":2:", "line longer than");
    snprintf(text, sizeof text, "[rules]\nbogus = off\nignore-words = %s\n", list);
    expect_error(t, text, ":2:", "bogus");
}

/* mtl_config_line_of finds the line that sets a key for a path: the last
 * one, in a section whose glob matches it or at the top. */
static void line_of_a_setting(void **state)
{
    tree *t = *state;
    write_file(t->root, ".mtlint.ini",
               "root = true\nlang = en_GB\n[*.md]\n\nlang = xx\n");
    char cfg[300], md[300], txt[300];
    path_in(cfg, sizeof cfg, t, ".mtlint.ini");
    path_in(md, sizeof md, t, "a.md");
    path_in(txt, sizeof txt, t, "a.txt");
    assert_int_equal(mtl_config_line_of(cfg, md, "lang"), 5);
    assert_int_equal(mtl_config_line_of(cfg, txt, "lang"), 2);
    assert_int_equal(mtl_config_line_of(cfg, txt, "words"), 0);
}

static void paths_relative_to_config(void **state)
{
    tree *t = *state;
    char sub[300], file[300], cfg[300];
    path_in(sub, sizeof sub, t, "sub");
    write_file(sub, ".mtlint.ini", "words = names.txt, /abs/list.txt\nlang = en_GB\n");
    path_in(cfg, sizeof cfg, t, "sub/.mtlint.ini");
    path_in(file, sizeof file, t, "sub/a.txt");
    mtl_options *o = mtl_options_new();
    char *err = NULL;
    assert_int_equal(mtl_config_apply(cfg, file, o, NULL, NULL, &err), 0);
    char *key = mtl_options_key(o);
    assert_non_null(key);
    assert_non_null(strstr(key, "/sub/names.txt"));
    assert_non_null(strstr(key, "words=/abs/list.txt"));
    assert_non_null(strstr(key, "lang=en_GB"));
    free(key);
    mtl_options_free(o);
}

static void ignore_words_and_phrases(void **state)
{
    (void)state;
    const char *text = "He met the the minister. We saw a a plan today.";
    mtl_options *o = mtl_options_new();
    mtl_options_set(o, "ignore-word", "The the");
    mtl_options_set(o, "ignore-phrase", "saw a a plan");
    mtl_linter *l = mtl_linter_new(o, NULL);
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, text, strlen(text), "x.txt", &r), 0);
    for (size_t i = 0; i < mtl_result_count(r); i++)
        assert_string_not_equal(mtl_result_at(r, i)->rule, "repeated-word");
    mtl_result_free(r);
    mtl_linter_free(l);
    mtl_options_free(o);
    /* without the lists, both are found */
    l = mtl_linter_new(NULL, NULL);
    assert_int_equal(mtl_lint(l, text, strlen(text), "x.txt", &r), 0);
    size_t n = 0;
    for (size_t i = 0; i < mtl_result_count(r); i++)
        n += strcmp(mtl_result_at(r, i)->rule, "repeated-word") == 0;
    assert_int_equal(n, 2);
    mtl_result_free(r);
    mtl_linter_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(finds_nearest_last, setup, teardown),
        cmocka_unit_test_setup_teardown(precedence, setup, teardown),
        cmocka_unit_test_setup_teardown(defaults_without_config, setup, teardown),
        cmocka_unit_test_setup_teardown(glob_sections, setup, teardown),
        cmocka_unit_test_setup_teardown(ignore_globs, setup, teardown),
        cmocka_unit_test_setup_teardown(glob_stars, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_name_file_line_key, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_at_their_line, setup, teardown),
        cmocka_unit_test_setup_teardown(line_of_a_setting, setup, teardown),
        cmocka_unit_test_setup_teardown(paths_relative_to_config, setup, teardown),
        cmocka_unit_test(ignore_words_and_phrases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
