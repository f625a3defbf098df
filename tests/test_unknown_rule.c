/*
 * unknown-rule: mtlint comments in Markdown naming a rule that does not
 * exist, each such name reported once, whichever kind of comment.
 */
#include "lint_helper.h"

#include <stdlib.h>
#include <string.h>

static const flag_case flags[] = {
    {.text = "<!-- mtlint-disable-next-line speling -->\nThe goverment.\n",
     .flag = "<!-- mtlint-disable-next-line speling -->",
     .message = "unknown rule 'speling' in 'mtlint-disable-next-line speling'"},
    /* a misspelt enable leaves the rule off */
    {.text = "<!-- mtlint-disable spelling -->\nText.\n"
             "<!-- mtlint-enable speling -->\nMore.\n",
     .flag = "<!-- mtlint-enable speling -->",
     .message = "unknown rule 'speling'"},
    /* a known rule beside it is not reported */
    {.text = "<!-- mtlint-disable repeated-word, repeated-wrod -->\nText.\n",
     .flag = "<!-- mtlint-disable repeated-word, repeated-wrod -->",
     .message = "unknown rule 'repeated-wrod'"},
    /* a comment kind that does not exist reads as disable + a rule */
    {.text = "<!-- mtlint-disable-line spelling -->\nText.\n",
     .flag = "<!-- mtlint-disable-line spelling -->",
     .message = "unknown rule '-line'"},
};

/* Near misses: known rules, also ones turned off here and the suppression
 * rules themselves; a comment naming no rule; plain text, where comments
 * are prose; other HTML comments. */
static const char *const clean[] = {
    "<!-- mtlint-disable spelling, repeated-word -->\nText.\n",
    "<!-- mtlint-disable-next-line unused-suppression unknown-rule -->\nText.\n",
    "<!-- mtlint-disable -->\nText.\n<!-- mtlint-enable -->\n",
    "<!-- speling is not a rule here -->\nText.\n",
};

/* Two unknown names in one comment are two findings. */
static void each_name(void **state)
{
    (void)state;
    const char *md = "<!-- mtlint-disable foo bar -->\nText.\n";
    mtl_result *r = lint_only_as("unknown-rule", md, "a.md");
    assert_int_equal(mtl_result_count(r), 2);
    assert_non_null(strstr(mtl_result_at(r, 0)->message, "'bar'"));
    assert_non_null(strstr(mtl_result_at(r, 1)->message, "'foo'"));
    mtl_result_free(r);
    /* plain text has no mtlint comments */
    r = lint_only_as("unknown-rule", md, "a.txt");
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
}

/* On by default, at warning. */
static void on_by_default(void **state)
{
    (void)state;
    const char *md = "<!-- mtlint-disable-next-line speling -->\nText.\n";
    mtl_result *r = lint_only_as(NULL, md, "a.md");
    size_t n = 0;
    for (size_t i = 0; i < mtl_result_count(r); i++)
        if (strcmp(mtl_result_at(r, i)->rule, "unknown-rule") == 0) {
            assert_int_equal(mtl_result_at(r, i)->severity, MTL_WARNING);
            n++;
        }
    assert_int_equal(n, 1);
    mtl_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_name),
        cmocka_unit_test(on_by_default),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    failed += run_rule_cases_as("unknown-rule", "unknown-rule", "test.md",
                                flags, COUNT_OF(flags), clean, COUNT_OF(clean));
    return failed;
}
