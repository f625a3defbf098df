#include "lint_helper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Linters by rule, built once per test program: a linter loads its
 * dictionaries and models, which costs more than the cases it runs
 * (seconds under AddressSanitizer). Tests run one at a time. */
enum { MAX_CACHED = 8 };
static struct {
    char *rule; /* "" for every rule */
    mtl_linter *linter;
} cached[MAX_CACHED];

static void free_cached(void)
{
    for (size_t i = 0; i < MAX_CACHED; i++) {
        free(cached[i].rule);
        mtl_linter_free(cached[i].linter);
    }
}

const mtl_linter *linter_for(const char *rule)
{
    const char *key = rule ? rule : "";
    size_t i = 0;
    for (; i < MAX_CACHED && cached[i].rule; i++)
        if (strcmp(cached[i].rule, key) == 0)
            return cached[i].linter;
    assert_true(i < MAX_CACHED);
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    if (rule) {
        for (size_t k = 0; k < mtl_rule_count(); k++)
            mtl_options_set_severity(o, mtl_rule_at(k)->id, MTL_OFF);
        assert_int_equal(mtl_options_set_severity(o, rule, MTL_WARNING), 0);
    }
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    if (!l)
        fail_msg("linter: %s", err ? err : "?");
    if (i == 0)
        atexit(free_cached);
    cached[i].rule = strdup(key);
    cached[i].linter = l;
    return l;
}

mtl_result *lint_only_as(const char *rule, const char *text, const char *name)
{
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(linter_for(rule), text, strlen(text), name, &r), 0);
    return r;
}

mtl_result *lint_only(const char *rule, const char *text)
{
    return lint_only_as(rule, text, "test.txt");
}

char *read_source_file(const char *relative, size_t *len)
{
    const char *root = getenv("MTLINT_SOURCE_ROOT");
    if (!root)
        fail_msg("%s", "MTLINT_SOURCE_ROOT is not set (run through meson test)");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, relative);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    size_t n = 0, cap = 65536;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    assert_int_equal(ferror(f), 0);
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

char *read_article(size_t *len)
{
    return read_source_file("examples/cnn-blinken-2023-11-06.txt", len);
}

typedef struct case_state {
    const char *rule;
    const char *name;      /* the file name the text is linted as */
    const flag_case *flag; /* NULL for a clean case */
    const char *clean;
} case_state;

static void describe(const mtl_result *r)
{
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        print_message("  finding %zu: [%zu,+%zu) %s\n", i, f->offset, f->length,
                      f->message);
    }
}

static void run_flag(void **state)
{
    const case_state *cs = *state;
    const flag_case *c = cs->flag;
    mtl_result *r = lint_only_as(cs->rule, c->text, cs->name);
    const char *from = c->text;
    if (c->after) {
        const char *a = strstr(c->text, c->after);
        assert_non_null(a);
        from = a + strlen(c->after);
    }
    const char *at = strstr(from, c->flag);
    if (!at)
        fail_msg("span '%s' is not in the text", c->flag);
    size_t off = (size_t)(at - c->text), len = strlen(c->flag);
    if (mtl_result_count(r) != 1) {
        print_message("text: %s\n", c->text);
        describe(r);
        fail_msg("expected exactly one finding, got %zu", mtl_result_count(r));
    }
    const mtl_finding *f = mtl_result_at(r, 0);
    if (f->offset != off || f->length != len) {
        describe(r);
        fail_msg("expected span [%zu,+%zu) '%s'", off, len, c->flag);
    }
    assert_string_equal(f->rule, cs->rule);
    if (c->message && !strstr(f->message, c->message))
        fail_msg("message '%s' lacks '%s'", f->message, c->message);
    if (c->suggestion) {
        assert_true(f->n_suggestions >= 1);
        assert_string_equal(f->suggestions[0], c->suggestion);
    }
    mtl_result_free(r);
}

static void run_clean(void **state)
{
    const case_state *cs = *state;
    mtl_result *r = lint_only_as(cs->rule, cs->clean, cs->name);
    if (mtl_result_count(r) != 0) {
        print_message("text: %s\n", cs->clean);
        describe(r);
        fail_msg("expected no finding, got %zu", mtl_result_count(r));
    }
    mtl_result_free(r);
}

int run_rule_cases(const char *group, const char *rule,
                   const flag_case *flags, size_t n_flags,
                   const char *const *clean, size_t n_clean)
{
    return run_rule_cases_as(group, rule, "test.txt", flags, n_flags, clean,
                             n_clean);
}

int run_rule_cases_as(const char *group, const char *rule, const char *file,
                      const flag_case *flags, size_t n_flags,
                      const char *const *clean, size_t n_clean)
{
    size_t n = n_flags + n_clean;
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    case_state *states = calloc(n, sizeof *states);
    char **names = calloc(n, sizeof *names);
    assert_true(tests && states && names);
    for (size_t i = 0; i < n; i++) {
        char name[160];
        const char *text = i < n_flags ? flags[i].text : clean[i - n_flags];
        snprintf(name, sizeof name, "%s %zu: %.100s",
                 i < n_flags ? "flags" : "clean",
                 i < n_flags ? i + 1 : i - n_flags + 1, text);
        for (char *p = name; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
        names[i] = strdup(name);
        states[i].rule = rule;
        states[i].name = file;
        if (i < n_flags)
            states[i].flag = &flags[i];
        else
            states[i].clean = clean[i - n_flags];
        tests[i].name = names[i];
        tests[i].test_func = i < n_flags ? run_flag : run_clean;
        tests[i].initial_state = &states[i];
    }
    int failed = _cmocka_run_group_tests(group, tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(states);
    free(tests);
    return failed;
}
