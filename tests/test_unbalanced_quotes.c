#include "lint_helper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const flag_case flags[] = {
    /* ... and needs its close */
    {.text = "He set width=\"100 and left it there.", .flag = "\"100"},
    /* the reference article, G8 and G13 */
    {.text = "On the task, the diplomat said, “We have had important conversations "
             "– including “The countries I visited are using it.”",
     .flag = "“The",
     .message = "opens again"},
    {.text = "“What happens next? Are we going to talk about refugees? “We just "
             "don’t know – we don’t have all the variables,” Safadi said.",
     .flag = "“We",
     .message = "from column 1"},
    {.text = "He said “this is all a work in progress.", .flag = "“this",
     .message = "never closed"},
    {.text = "He said this is all a work in progress.” Then he left.",
     .flag = "”", .message = "'progress.”' has no opening"},
    {.text = "He said \"this is all\" and \"more.", .flag = "\"more",
     .message = "never closed"},
    {.text = "He said \"yes\" and then\" no.", .flag = "\"",
     .message = "no opening", .after = "then"},
    {.text = "The talks (in Amman were tense.", .flag = "(in",
     .message = "'(' in '(in' is never closed"},
    {.text = "The talks in Amman) were tense.", .flag = ")",
     .message = "no opening '('"},
    {.text = "The list [one, two was short.", .flag = "[one"},
    /* a face inside brackets closes nothing when their closer follows */
    {.text = "A face [like :] this] and [then", .flag = "[then"},
    {.text = "The talks (in [Amman) were tense.", .flag = "[Amman"},
    {.text = "He said ”this is wrong” today.", .flag = "”",
     .message = "opens the quote", .suggestion = "“"},
    {.text = "He said “this is wrong“ today.", .flag = "“",
     .message = "closes the quote", .suggestion = "”", .after = "wrong"},
    {.text = "“A quote that runs on.\n\nBut the next paragraph does not reopen it.",
     .flag = "“A", .message = "never closed"},
    {.text = "Line one of “a\nhard-wrapped paragraph “that reopens.”",
     .flag = "“that", .message = "from line 1 column 13"},
    {.text = "Er sagte „ja und „nein“.", .flag = "„nein",
     .message = "opens again"},
    {.text = "He said ``this is all,'' and ``more.'' Then work.'' Done.",
     .flag = "''", .message = "in 'work.''' has no opening", .after = "Then"},
    {.text = "Make edits [edit - she is new to her poses) today.", .flag = ")",
     .message = "')' in 'poses)' closes the '[' from column 12"},
    {.text = "He said “the plan is “working and it will go on for weeks” now.",
     .flag = "“working", .message = "opens again"},
    /* the opener's place is said as the findings say theirs: its line when
     * that is another one, and no column for a byte order mark */
    {.text = "Make edits [edit - she is\nnew to her poses) today.", .flag = ")",
     .message = "')' in 'poses)' closes the '[' from line 1 column 12"},
    {.text = "\xEF\xBB\xBFHe said “this and “that” now.", .flag = "“that",
     .message = "the quote from column 9 has"},
    /* never closed, although the next paragraph opens a quote: a quoted
     * phrase, or a quote that holds its own attribution, runs on into no
     * paragraph */
    {.text = "He called it “a turning point and left.\n\n“Next,” she said.",
     .flag = "“a", .message = "never closed"},
    {.text = "He called it \"a turning point and left.\n\n\"Next,\" she said.",
     .flag = "\"a", .message = "never closed"},
    {.text = "“We will go to Geneva, he said.\n\n“And we will win,” she added.",
     .flag = "“We", .message = "never closed"},
    {.text = "“I was against it, admits Nils.\n\n“Now I like it,” he says.",
     .flag = "“I", .message = "never closed"},
    /* a word in single quotes is no inner quotation: its own attribution */
    {.text = "“We will go to 'Geneva', he said.\n\n“And win,” she added.",
     .flag = "“We", .message = "never closed"},
    {.text = "“It is over,” said he; “we lost.\n\nHe left.", .flag = "“we",
     .message = "never closed"},
    /* guillemets */
    {.text = "Er sagte »ja und ging.", .flag = "»ja", .message = "never closed"},
    {.text = "Il a dit «oui et «non» hier.", .flag = "«non",
     .message = "opens again"},
    /* one finding for one lost closer: the paragraph's end does not
     * report the reopened quote again */
    {.text = "“We have had talks, he said. “The countries I visited agree.",
     .flag = "“The", .message = "opens again"},
    /* an ambiguous straight mark in a later paragraph does not close a
     * quote left open */
    {.text = "He said: \"We will go.\n\nSee \"/usr/include/linux\" and "
             "\"/usr/include/asm\" for headers.",
     .flag = "\"We", .message = "never closed"},
    /* a stray closer inside brackets that close later */
    {.text = "(r2 = 0.21 [7]; r2 = 0.22 [9] Leigh 1988]; and r2 = 0.19 [34])",
     .flag = "]", .message = "no opening '['", .after = "1988"},
    /* brackets that are no smile: a closer doubled, one before a stop or
     * inside the line, a lone "[" (not wiki markup) */
    {.text = "He met them (twice)) and left.", .flag = ")",
     .message = "no opening '('", .after = "twice)"},
    {.text = "The kingdom covers Great Britain and Northern Ireland).",
     .flag = ")", .message = "no opening '('"},
    {.text = "Ask something or tell us about your own) and go.", .flag = ")",
     .message = "no opening '('"},
    {.text = "A map on the left [Vandals and Alans, 526", .flag = "[Vandals",
     .message = "never closed"},
    /* one sentence a line: a quote reopened inside a line is still one */
    {.text = "He left.\nHe said, “We have talks – including “The countries I "
             "visited are using it.”\nIt rained.\nThey won.\n",
     .flag = "“The", .message = "opens again"},
};

static const char *const clean[] = {
    /* an attribute written out in prose: a quote after '=' opens */
    "Give the image width=\"\" and alt=\"A photo\" in its tag.",
    "(Knives with blades longer than 2\xC2\xBD\" are prohibited.)",
    "Despite his message that “civilians should not suffer the consequences "
    "of (Hamas’s) inhumanity and its brutality,” forces continued.",
    "The meeting, described as “productive and constructive”, went on.",
    "They refused to discuss “the day after tomorrow”.",
    "Gaza “the day after” as well as the “day after.” He has put it.",
    "“This quote runs on,” he said, “over two paragraphs.\n\n“And it ends "
    "here,” he said.",
    "“First paragraph.\n\n“Second paragraph.\n\n“Third and last.”",
    "Options: 1) wait, 2) leave, a) or b) neither.",
    "1) First item\n2) Second item",
    "iv) the fourth point",
    "He smiled :) and left ;-)",
    "A 12\" screen and a 5\" phone.",
    "He said \"yes\" and she said \"no.\"",
    "She said, \"It's fine\" - and left.",
    "See [the report](https://example.com/a_(b)) for details.",
    "Hamas’ leaders and the ’90s rock ’n’ roll don’t matter.",
    "He said ‘maybe’ and she didn’t.",
    "Er sagte „ja“ und ging.",
    "A set {a, [b, (c)]} is nested.",
    "He wrote (see “the report” [page 3]) last week.",
    "\" Spaced quotes \" are odd but balanced.",
    "A bell \x07 and an escape \x1B[0m are not brackets.",
    "He said, \"As you know, I provide the \"entertainment\" in our "
    "meetings.\"",
    "“As you know, I provide the “scientific entertainment” here,” he said.",
    "``We believe it,'' Robinson said. ``In our view, no.''",
    "Great service =) and a ship (: and a sad face =(",
    "The mean (x=(a+b)/2) and :) and (see :-)",
    "They said, “No.” [I asked:] Can you send it?",
    "He was (happy :) about it) today.",
    "The encoding of ``stdin``, ``stdout`` and ``stderr`` in IDLE.",
    "Code points U+0022 (\"), U+007B ({), U+007D (}) and '(' or \"[\".",
    "---->===}*{===<---- Some of the better comments:",
    "PS) When we called, #) they said no.",
    "<<\"Well then,\" said Don Quixote, \"the same thing happens.\">>",
    /* a quotation that closes in a later paragraph, not reopened */
    "Olkin said: “Charon blew our socks off.\n\nThere is so much science "
    "here.” Pluto is far.",
    "“It went on, he says, for years.” And then: “I left the town. I\n\n"
    "never came back.”",
    /* a narrator's story over paragraphs, with dialogue quoted inside it:
     * "said he" is the inner quote's attribution */
    "“'Tell me all about it,' said I.\n\n“'Well,' said he, showing me the "
    "paper, 'you can see for yourself.'\n\n“So I went.”",
    "“'Dear me!' he said gravely, 'that is serious.'\n\n“'It is,' said "
    "I.”",
    "“‘Dear me!’ he said gravely, ‘that is serious.’\n\n“‘It is,’ said "
    "I.”",
    /* a quotation resumed after "said he;" */
    "“I feel that time is of value,” said he; “that is why I came.\n\n“And "
    "so I did.”",
    /* inch marks, also inside a quotation */
    "A 40” TV and a 12” board.",
    "“The 40” TV was cheap,” he said.",
    "He said \"the 12\" board is fine\" and left.",
    "If \"Pin-Priority: 1\" is used instead of \"Pin-Priority: 100\" in the "
    "\"/etc/apt/preferences\" file, nothing is upgraded.",
    /* guillemets both ways; one between spaces without a partner is a
     * separator */
    "See \"The user's guide » The command line\" for the detail.",
    "Il a dit «oui» et «non». Er sagte »ja« und »nein«.",
    "Il a dit « oui » hier.",
    /* a key, a URL in brackets, faces */
    "Detach with the Control+] key or Ctrl-[ instead.",
    "Gene counts (www.ensembl.org)[23] were used.",
    "Fun picture websites (:?",
    "The 217-ft- (66-m-) tall steeple.",
    /* one sentence a line: a quotation or bracket may end in another line */
    "He said, \"Behold, they have come.\nSo welcome to everyone.\"\n"
    "It rained (in May.\nThe rest is history).\nShe left.\n",
    /* nor is a quote left open carried into the next line */
    "Attempt on his life - \"This is a message:\nHe left.\"\nShe said "
    "\"Why?\"\nThey won.\n",
    /* smiles and frowns written as brackets, in chat and forum posts */
    "Come on, show everyone what you're like)))",
    "But I'm also interested in hearing your stories)\nAsk something or "
    "tell us about your own)",
    "It failed again((( Maybe tomorrow.",
    "He was (happy) and then sad))) all day.",
    /* wiki link markup that lost its other half */
    "Standing ovation [[Portuguese Football Captain Cristiano Ronaldo]",
    "Two coaches from [[Pakistan]] and India]] came.",
    "A matrix [[1, 2], [3, 4]] is square.",
};

/* Lints len bytes (NULs included) as the file `name`, with only this
 * rule on. */
static mtl_result *lint_bytes(const char *text, size_t len, const char *name)
{
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    mtl_options_set_severity(o, "unbalanced-quotes", MTL_WARNING);
    mtl_linter *l = mtl_linter_new(o, NULL);
    mtl_options_free(o);
    assert_non_null(l);
    mtl_result *r = NULL;
    assert_int_equal(mtl_lint(l, text, len, name, &r), 0);
    mtl_linter_free(l);
    return r;
}

/* A NUL byte is not a closing bracket (strchr finds the terminator). */
static void nul_is_not_a_bracket(void **state)
{
    (void)state;
    static const char text[] = "She said \0 hello (and more).";
    mtl_result *r = lint_bytes(text, sizeof text - 1, "t.txt");
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
}

/* In Markdown the opener's line and column are those of the source file,
 * not of the extracted prose. */
static void markdown_source_position(void **state)
{
    (void)state;
    static const char text[] = "# Title\n\nMake edits [edit - she is\n"
                               "new to her poses) today.\n";
    mtl_result *r = lint_bytes(text, sizeof text - 1, "t.md");
    assert_int_equal(mtl_result_count(r), 1);
    const mtl_finding *f = mtl_result_at(r, 0);
    assert_int_equal(f->line, 4);
    assert_int_equal(f->column, 17);
    assert_non_null(strstr(f->message, "from line 3 column 12"));
    mtl_result_free(r);
}

/* The reference article: the two reopened quotes (G8, G13) and the stray
 * closer of the duplicated 'to those who need it.”' (G4), nothing else. */
static void reference_article(void **state)
{
    (void)state;
    char *text = read_article(NULL);
    mtl_result *r = lint_only("unbalanced-quotes", text);
    static const char *const spans[] = {
        "need it.\xE2\x80\x9D \xE2\x80\x9C", /* the second "need it.”" */
        "including \xE2\x80\x9CThe countries",
        "refugees? \xE2\x80\x9CWe just"};
    static const size_t skip[] = {8, 10, 10}; /* where the finding starts */
    assert_int_equal(mtl_result_count(r), 3);
    for (size_t k = 0; k < 3; k++) {
        const char *at = strstr(text, spans[k]);
        assert_non_null(at);
        size_t off = (size_t)(at - text) + skip[k];
        assert_int_equal(mtl_result_at(r, k)->offset, off);
    }
    mtl_result_free(r);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nul_is_not_a_bracket),
        cmocka_unit_test(markdown_source_position),
        cmocka_unit_test(reference_article)};
    int failed = cmocka_run_group_tests_name("unbalanced-quotes bytes", tests,
                                             NULL, NULL);
    return failed + run_rule_cases("unbalanced-quotes", "unbalanced-quotes",
                                   flags, COUNT_OF(flags), clean,
                                   COUNT_OF(clean));
}
