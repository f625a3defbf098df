#include "lint_helper.h"

#include <string.h>

static const flag_case flags[] = {
    /* the article's fragments, in their context */
    {.text = "Blinken's priorities included preventing the conflict from escalating. "
             "Were focused on. He also advocated a pause.",
     .flag = "Were focused on.",
     .message = "sentence has no subject"},
    {.text = "He met the leaders in Amman. For wider area. Then he flew home.",
     .flag = "For wider area.", .message = "sentence has no verb"},
    {.text = "We are understanding where each other are coming from. Have been.",
     .flag = "Have been.", .message = "sentence has no subject"},
    {.text = "It has put Washington at odds with its Arab allies. Have given.",
     .flag = "Have given.", .message = "sentence has no subject"},
    {.text = "The talks at a summit in Amman on Saturday were not controversial. "
             "A source familiar with the summit.",
     .flag = "A source familiar with the summit.",
     .message = "sentence has no verb"},
    /* a lower-case fragment glued on after a quotation */
    {.text = "He said, \xE2\x80\x9CI think aid can reach those who need "
             "it.\xE2\x80\x9D to those who need it.\xE2\x80\x9D",
     .flag = "to those who need it.\xE2\x80\x9D",
     .message = "lowercase"},
    {.text = "The talks went well. and the minister left after lunch.",
     .flag = "and the minister left after lunch.", .message = "lowercase"},
    /* other cut-off clauses */
    {.text = "The minister arrived on Monday. Was welcomed by the president.",
     .flag = "Was welcomed by the president.", .message = "no subject"},
    {.text = "Prices rose sharply in May. Is expected to fall next year.",
     .flag = "Is expected to fall next year.", .message = "no subject"},
    {.text = "The plan was approved by the cabinet. Will be implemented next month.",
     .flag = "Will be implemented next month.", .message = "no subject"},
    {.text = "Aid trucks crossed the border on Sunday. Has been delayed again.",
     .flag = "Has been delayed again.", .message = "no subject"},
    {.text = "The committee met twice last week. In the capital of the country.",
     .flag = "In the capital of the country.", .message = "no verb"},
    {.text = "He signed the deal on Friday. Along with the other ministers of the "
             "region.",
     .flag = "Along with the other ministers of the region.",
     .message = "no verb"},
    /* a quotation going on past its full stop with a verbless list */
    {.text = "\xE2\x80\x9CWe made progress on the indispensability of American "
             "leadership. American diplomacy, America\xE2\x80\x99s involvement,"
             "\xE2\x80\x9D Blinken said in response to a question.",
     .flag = "American diplomacy, America\xE2\x80\x99s involvement,\xE2\x80\x9D",
     .message = "no verb"},
    /* an infinitive whose only finite verb is in its own clause */
    {.text = "He spoke of aid. \xE2\x80\x9C"
             "And to ensure that people can continue "
             "to come out of Gaza.\xE2\x80\x9D He left.",
     .flag = "\xE2\x80\x9C"
             "And to ensure that people can continue to come out of "
             "Gaza.\xE2\x80\x9D",
     .message = "no main verb"},
};

static const char *const clean[] = {
    /* complete sentences */
    "The situation on the ground had changed. He traveled to the region.",
    "Still, many of his messages appear to have been ignored. The forces "
    "claimed that the sites were being used.",
    "This node describes conventions for writing Makefiles. We shrug off "
    "that point of view.",
    /* questions */
    "What happens next? How can we even think about it? Are we going to "
    "talk about refugees?",
    /* imperatives */
    "The full report is online. Read more.",
    "The talks resume tomorrow. Don't worry. Do come in. Have a look.",
    "Prices are rising. Be careful with your savings.",
    /* headings, captions and datelines: a line of their own */
    "Israel-Hamas war\n\nThe talks resumed on Monday.",
    "Secretary of State Antony Blinken in Tel Aviv on Friday.\n\nHe met "
    "the prime minister.",
    "WASHINGTON (CNN) \xE2\x80\x94\n\nThe talks resumed.",
    "Source\n\nCreate an account on CNN.com for more CNN news and "
    "newsletters",
    /* list items */
    "The leader may:\n1. Appoint delegates.\n2. Lend authority to other "
    "developers.",
    "Bring these:\n- A copy of your key.\n- The signed form.",
    /* interjections and set phrases */
    "We won the vote. Thank you. Yes.",
    "He agreed at once. Of course. Not at all.",
    "Oh, the horror. He could not believe it.",
    /* quotations standing alone, exclamations */
    "He left. \xE2\x80\x9CNot a chance.\xE2\x80\x9D Then he came back.",
    "The crowd cheered. What a day! Then it rained.",
    /* inversion, names, title case */
    "Had I known, I would have come. Were it not for the rain, we would "
    "have won.",
    "The film opens today. The Lord Of The Rings Returns.",
    /* lower case after an abbreviation or in a number */
    "He met officials from the U.S. and Japan. Smith et al. found the same.",
    "The vote passed 3.5 to 1. It was close.",
    /* quotations going on past a full stop, with a verb or an answer */
    "\xE2\x80\x9CWe talked for hours. We agreed, and we left,\xE2\x80\x9D "
    "he said.",
    "\xE2\x80\x9CIt was over. Not now, not ever,\xE2\x80\x9D she said.",
    "\xE2\x80\x9CIt was over. Never,\xE2\x80\x9D she said.",
    /* infinitives with a main clause */
    "It rained all day. To be sure, nobody minded.",
    "He laughed. To err is human.",
};

/* Markdown gives headings and list items their own blocks. */
static void markdown_blocks(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t findings;
    } cases[] = {
        {"# For wider area.\n\nThe talks ended. He left.\n", 0},
        {"Bring:\n\n- For wider area. Or less.\n- The other item.\n", 0},
        {"> The talks ended. For wider area.\n", 1},
        {"The talks ended. For wider area.\n", 1},
    };
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    assert_int_equal(mtl_options_set_severity(o, "fragment", MTL_WARNING), 0);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    assert_non_null(l);
    for (size_t c = 0; c < COUNT_OF(cases); c++) {
        mtl_result *r = NULL;
        assert_int_equal(mtl_lint(l, cases[c].text, strlen(cases[c].text),
                                  "test.md", &r), 0);
        if (mtl_result_count(r) != cases[c].findings)
            fail_msg("%zu findings in \"%s\", want %zu", mtl_result_count(r),
                     cases[c].text, cases[c].findings);
        mtl_result_free(r);
    }
    mtl_linter_free(l);
}

int main(void)
{
    const struct CMUnitTest md[] = {cmocka_unit_test(markdown_blocks)};
    int failed =
        cmocka_run_group_tests_name("fragment markdown", md, NULL, NULL);
    return failed + run_rule_cases("fragment", "fragment", flags,
                                   COUNT_OF(flags), clean, COUNT_OF(clean));
}
