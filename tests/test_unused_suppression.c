/*
 * unused-suppression: mtlint comments in Markdown that silence nothing,
 * reported only when they name an enabled rule, at the severity set for
 * the rule or turned on by the report-unused-suppressions setting.
 */
#include "lint_helper.h"

#include <stdlib.h>
#include <string.h>

/* With only unused-suppression on, a comment naming every rule counts. */
static const flag_case flags[] = {
    {.text = "<!-- mtlint-disable -->\nNothing to hide here.\n",
     .flag = "<!-- mtlint-disable -->",
     .message = "unused suppression 'mtlint-disable'"},
    {.text = "Intro.\n\n<!-- mtlint-disable-next-line -->\nNothing to hide.\n",
     .flag = "<!-- mtlint-disable-next-line -->",
     .message = "'mtlint-disable-next-line'"},
};

/* Near misses: comments that name only rules turned off here (they could
 * not have silenced anything), enable comments, and comments in plain
 * text, which are prose. */
static const char *const clean[] = {
    "<!-- mtlint-disable repeated-word -->\nNothing to hide here.\n",
    "<!-- mtlint-disable-next-line spelling, repeated-word -->\nNothing.\n",
    "<!-- mtlint-enable -->\nNothing to hide here.\n",
    "<!-- mtlint-disable speling -->\nAn unknown name is another rule's.\n",
};

/* Lints md as Markdown with the given rules on at the given severities
 * (others off) and the report-unused-suppressions setting. */
static mtl_result *lint_md(const char *md, const char *const *rules,
                           const mtl_severity *sev, size_t n, int report)
{
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(mtl_options_set_severity(o, rules[i], sev[i]), 0);
    if (report)
        assert_int_equal(mtl_options_set(o, "report-unused-suppressions", "1"), 0);
    mtl_linter *l = mtl_linter_new(o, NULL);
    mtl_options_free(o);
    assert_non_null(l);
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, md, strlen(md), "a.md", &r), 0);
    mtl_linter_free(l);
    return r;
}

static const char *const md =
    "<!-- mtlint-disable-next-line repeated-word -->\n"
    "Nothing to hide here.\n"
    "\n"
    "<!-- mtlint-disable-next-line repeated-word -->\n"
    "Hide the the repetition.\n";

/* A comment for an enabled rule that silenced nothing is reported; the one
 * that silenced "the the" is not. */
static void enabled_rule(void **state)
{
    (void)state;
    static const char *const rules[] = {"repeated-word", "unused-suppression"};
    static const mtl_severity sev[] = {MTL_WARNING, MTL_WARNING};
    mtl_result *r = lint_md(md, rules, sev, 2, 0);
    assert_int_equal(mtl_result_count(r), 1);
    const mtl_finding *f = mtl_result_at(r, 0);
    assert_string_equal(f->rule, "unused-suppression");
    assert_int_equal(f->line, 1);
    mtl_result_free(r);
}

/* The same comments, repeated-word off: neither could have silenced
 * anything, so neither is reported, even when asked for. */
static void disabled_rule(void **state)
{
    (void)state;
    static const char *const rules[] = {"unused-suppression"};
    static const mtl_severity sev[] = {MTL_WARNING};
    mtl_result *r = lint_md(md, rules, sev, 1, 1);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
}

/* Its severity is the one set for it; the setting alone turns it on at
 * warning, also after every rule was turned off (order does not matter). */
static void severity(void **state)
{
    (void)state;
    static const char *const rules[] = {"repeated-word", "unused-suppression"};
    static const mtl_severity note[] = {MTL_WARNING, MTL_NOTE};
    mtl_result *r = lint_md(md, rules, note, 2, 0);
    assert_int_equal(mtl_result_count(r), 1);
    assert_int_equal(mtl_result_at(r, 0)->severity, MTL_NOTE);
    mtl_result_free(r);
    r = lint_md(md, rules, note, 2, 1);
    assert_int_equal(mtl_result_count(r), 1);
    assert_int_equal(mtl_result_at(r, 0)->severity, MTL_NOTE);
    mtl_result_free(r);
    r = lint_md(md, rules, note, 1, 1);
    assert_int_equal(mtl_result_count(r), 1);
    assert_int_equal(mtl_result_at(r, 0)->severity, MTL_WARNING);
    mtl_result_free(r);
    r = lint_md(md, rules, note, 1, 0);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(enabled_rule),
        cmocka_unit_test(disabled_rule),
        cmocka_unit_test(severity),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    failed += run_rule_cases_as("unused-suppression", "unused-suppression",
                                "test.md", flags, COUNT_OF(flags), clean,
                                COUNT_OF(clean));
    return failed;
}
