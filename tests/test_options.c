/* Options: named settings (single and list keys), severities per rule, and
 * severity names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/options.h"

#include <stdlib.h>
#include <string.h>

static void set_and_get(void **state)
{
    (void)state;
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    assert_null(mtl_options_get(o, "lang"));
    assert_int_equal(mtl_options_set(o, "lang", "en_GB"), 0);
    assert_string_equal(mtl_options_get(o, "lang"), "en_GB");
    /* A single-valued key keeps the last value set. */
    assert_int_equal(mtl_options_set(o, "lang", "en_US"), 0);
    assert_string_equal(mtl_options_get(o, "lang"), "en_US");
    assert_string_equal(mtl_options_nth(o, "lang", 0), "en_US");
    assert_null(mtl_options_nth(o, "lang", 1));
    /* The value is copied. */
    char buf[16];
    strcpy(buf, "a.lm");
    assert_int_equal(mtl_options_set(o, "lm", buf), 0);
    strcpy(buf, "changed");
    assert_string_equal(mtl_options_get(o, "lm"), "a.lm");
    assert_int_equal(mtl_options_set(o, "lang", ""), 0);
    assert_string_equal(mtl_options_get(o, "lang"), "");
    mtl_options_free(o);
}

static void list_keys(void **state)
{
    (void)state;
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    assert_null(mtl_options_nth(o, "words", 0));
    assert_int_equal(mtl_options_set(o, "words", "a.txt"), 0);
    assert_int_equal(mtl_options_set(o, "dict-path", "/d1"), 0);
    assert_int_equal(mtl_options_set(o, "words", "b.txt"), 0);
    assert_int_equal(mtl_options_set(o, "words", "a.txt"), 0);
    /* In the order set, repeats kept; other keys do not interleave. */
    assert_string_equal(mtl_options_nth(o, "words", 0), "a.txt");
    assert_string_equal(mtl_options_nth(o, "words", 1), "b.txt");
    assert_string_equal(mtl_options_nth(o, "words", 2), "a.txt");
    assert_null(mtl_options_nth(o, "words", 3));
    assert_string_equal(mtl_options_nth(o, "dict-path", 0), "/d1");
    assert_null(mtl_options_nth(o, "dict-path", 1));
    /* get on a list key gives the last one. */
    assert_string_equal(mtl_options_get(o, "words"), "a.txt");
    mtl_options_free(o);
}

static void unknown_keys(void **state)
{
    (void)state;
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    assert_int_equal(mtl_options_set(o, "no-such-key", "x"), -1);
    assert_int_equal(mtl_options_set(o, "", "x"), -1);
    assert_int_equal(mtl_options_set(o, "Lang", "x"), -1); /* case matters */
    assert_int_equal(mtl_options_set(o, "lang", NULL), -1);
    assert_null(mtl_options_get(o, "no-such-key"));
    assert_null(mtl_options_get(o, "lang"));
    mtl_options_free(o);
}

static void severities(void **state)
{
    (void)state;
    assert_true(mtl_rule_count() >= 1);
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    size_t n = mtl_rule_count();
    for (size_t i = 0; i < n; i++)
        assert_int_equal(mtl_options_severity(o, i), -1);
    const char *first = mtl_rule_at(0)->id, *last = mtl_rule_at(n - 1)->id;
    assert_int_equal(mtl_options_set_severity(o, first, MTL_ERROR), 0);
    assert_int_equal(mtl_options_set_severity(o, last, MTL_OFF), 0);
    assert_int_equal(mtl_options_severity(o, n - 1), MTL_OFF);
    if (n > 1)
        assert_int_equal(mtl_options_severity(o, 0), MTL_ERROR);
    /* the last setting wins */
    assert_int_equal(mtl_options_set_severity(o, first, MTL_NOTE), 0);
    if (n > 1)
        assert_int_equal(mtl_options_severity(o, 0), MTL_NOTE);
    /* unknown rules and out-of-range levels are refused and change nothing */
    assert_int_equal(mtl_options_set_severity(o, "no-such-rule", MTL_ERROR), -1);
    assert_int_equal(mtl_options_set_severity(o, NULL, MTL_ERROR), -1);
    assert_int_equal(mtl_options_set_severity(o, first, (mtl_severity)7), -1);
    assert_int_equal(mtl_options_set_severity(o, first, (mtl_severity)-1), -1);
    if (n > 1)
        assert_int_equal(mtl_options_severity(o, 0), MTL_NOTE);
    assert_int_equal(mtl_options_severity(o, n), -1);
    assert_int_equal(mtl_options_severity(NULL, 0), -1);
    mtl_options_free(o);
}

/* The severity a linter puts in force follows the options, or the rule's
 * default when they say nothing. */
static void severities_reach_the_linter(void **state)
{
    (void)state;
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    size_t n = mtl_rule_count();
    for (size_t i = 0; i < n; i++)
        assert_int_equal(mtl_options_set_severity(o, mtl_rule_at(i)->id,
                                                  MTL_OFF), 0);
    int rw = mtl_rule_find("repeated-word");
    assert_true(rw >= 0);
    assert_int_equal(mtl_options_set_severity(o, "repeated-word", MTL_ERROR), 0);
    mtl_linter *l = mtl_linter_new(o, NULL);
    assert_non_null(l);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(mtl_linter_severity(l, i),
                         i == (size_t)rw ? MTL_ERROR : MTL_OFF);
    mtl_linter_free(l);
    mtl_options_free(o);

    o = mtl_options_new();
    assert_non_null(o);
    l = mtl_linter_new(o, NULL);
    assert_non_null(l);
    assert_int_equal(mtl_linter_severity(l, (size_t)rw),
                     mtl_rule_at((size_t)rw)->default_severity);
    assert_int_equal(mtl_linter_severity(l, n), MTL_OFF);
    mtl_linter_free(l);
    mtl_options_free(o);
}

static void severity_names(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        int level;
    } cases[] = {
        {"off", MTL_OFF},         {"none", MTL_OFF},    {"note", MTL_NOTE},
        {"info", MTL_NOTE},       {"warning", MTL_WARNING},
        {"warn", MTL_WARNING},    {"error", MTL_ERROR}, {"ERROR", MTL_ERROR},
        {"Warning", MTL_WARNING}, {"fatal", -1},        {"", -1},
        {"errors", -1},           {"warn ", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (mtl_severity_parse(cases[i].name) != cases[i].level)
            fail_msg("'%s' parsed as %d, expected %d", cases[i].name,
                     mtl_severity_parse(cases[i].name), cases[i].level);
    assert_int_equal(mtl_severity_parse(NULL), -1);
    /* names round-trip */
    for (int s = MTL_OFF; s <= MTL_ERROR; s++)
        assert_int_equal(mtl_severity_parse(mtl_severity_name((mtl_severity)s)),
                         s);
    assert_string_equal(mtl_severity_name(MTL_WARNING), "warning");
}

static void rule_catalogue(void **state)
{
    (void)state;
    size_t n = mtl_rule_count();
    for (size_t i = 0; i < n; i++) {
        const mtl_rule_info *ri = mtl_rule_at(i);
        assert_non_null(ri);
        assert_int_equal(mtl_rule_find(ri->id), (int)i);
        /* ids are kebab-case; summaries lower case without a full stop */
        for (const char *p = ri->id; *p; p++)
            assert_true((*p >= 'a' && *p <= 'z') || *p == '-' ||
                        (*p >= '0' && *p <= '9'));
        size_t len = strlen(ri->summary);
        assert_true(len > 0);
        assert_false(ri->summary[len - 1] == '.');
        assert_false(ri->summary[0] >= 'A' && ri->summary[0] <= 'Z');
        assert_true(ri->default_severity >= MTL_OFF &&
                    ri->default_severity <= MTL_ERROR);
    }
    assert_null(mtl_rule_at(n));
    assert_int_equal(mtl_rule_find("no-such-rule"), -1);
    assert_int_equal(mtl_rule_find(NULL), -1);
}

static void free_null(void **state)
{
    (void)state;
    mtl_options_free(NULL);
    assert_null(mtl_options_get(NULL, "lang"));
    assert_null(mtl_options_nth(NULL, "words", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_and_get),
        cmocka_unit_test(list_keys),
        cmocka_unit_test(unknown_keys),
        cmocka_unit_test(severities),
        cmocka_unit_test(severities_reach_the_linter),
        cmocka_unit_test(severity_names),
        cmocka_unit_test(rule_catalogue),
        cmocka_unit_test(free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
