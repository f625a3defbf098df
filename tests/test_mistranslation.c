/*
 * mistranslation needs the language model and the tagger; without them the
 * rule is off, and the cases that need them are skipped. Each must-flag
 * text uses the intended word three times and its pivot-language partner
 * once; each must-not-flag text uses the partner in its own sense.
 */
#include "lint_helper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const flag_case flags[] = {
    {.text = "Israeli troops pushed deeper into the Gaza Strip on Monday. Aid trucks "
             "crossed into the strip from Egypt. The strip has been under siege for "
             "weeks. Fuel is running out across the Gaza sector.",
     .flag = "sector",
     .message = "'sector' is probably a mistranslation of 'strip' (used 3 "
                "times in this text)",
     .suggestion = "strip"},
    {.text = "The Security Council met on Friday. The council failed to agree on a "
             "resolution. Diplomats said the council would meet again next week. "
             "Several members of the advice abstained.",
     .flag = "advice",
     .message = "of 'council'",
     .suggestion = "council"},
    {.text = "The flight left Paris at noon. The flight was delayed by fog. "
             "Passengers on the flight were offered meals. The theft landed safely in "
             "Rome three hours later.",
     .flag = "theft",
     .suggestion = "flight"},
    {.text = "Settlers attacked a village in the West Bank. Violence in the bank has "
             "risen sharply. The bank is home to three million Palestinians. Raids in "
             "the West shore continued overnight.",
     .flag = "shore",
     .suggestion = "bank"},
    {.text = "Foreign ministers of the Arab League met in Cairo. The league called "
             "for an immediate truce. The league will send a delegation to Gaza. The "
             "Arab university also condemned the strikes.",
     .flag = "university",
     .suggestion = "league"},
    {.text = "Her career began in a small law firm. The career took her to the "
             "Supreme Court. She spoke about her career at the dinner. She ended her "
             "race as a judge last year.",
     .flag = "race",
     .suggestion = "career"},
    {.text = "The weather was cold and wet all week. Forecasters expect the weather "
             "to improve by Friday. Farmers are worried about the weather. The time "
             "forecast for Sunday is better.",
     .flag = "time",
     .suggestion = "weather"},
    {.text = "He wrote a history of the ancient city. The history covers three "
             "centuries of war and trade. Critics praised the history for its detail. "
             "He teaches story at the university.",
     .flag = "story",
     .suggestion = "history",
     .after = "teaches "},
    {.text = "Lawyers for the hostages spoke to reporters. The hostages were taken "
             "on October 7. Talks on freeing the hostages continue. Qatar said a deal "
             "on the mortgage release was close.",
     .flag = "mortgage",
     .message = "of 'hostage' (used 3 times",
     .suggestion = "hostage"},
    {.text = "The Security Council will vote today. Members of the council disagree "
             "on the text. The council has fifteen members. The vote in the Security "
             "advice was delayed.",
     .flag = "advice",
     .suggestion = "council"},
};

static const char *const clean[] = {
    "Banks raised rates again. Mortgages are now more expensive. Mortgage "
    "holders face higher payments. The mortgage market slowed in October.",
    "Relatives of the hostages held a vigil. The hostages have been held for "
    "a month. Talks on the hostages resumed. Her brother lost his job and "
    "fell behind on his mortgage.",
    "The council met on Tuesday. The council voted to close the library. The "
    "council will meet again in May. Residents asked a lawyer for advice.",
    "The flight left Paris at noon. The flight was delayed by fog. Passengers "
    "on the flight were offered meals. Police are investigating the theft of "
    "a bag.",
    "Troops entered the Gaza Strip. Aid reached the strip on Monday. The "
    "strip has no fuel. The energy sector is in crisis.",
    "The weather was cold all week. The weather will improve by Friday. "
    "Farmers are worried about the weather. It rained for the first time in "
    "a month.",
    "Her career began in a small firm. The career took her to the Supreme "
    "Court. She spoke about her career. The race for mayor is close.",
    "He wrote a history of the city. The history covers three centuries. "
    "Critics praised the history. She told her story to reporters.",
    "Ministers of the Arab League met in Cairo. The league called for a "
    "truce. The league will send envoys. Her son studies at the university "
    "in Beirut.",
    "Settlers attacked a village in the West Bank. Violence in the bank has "
    "risen. The bank is home to three million people. They walked along the "
    "shore of the lake.",
    "The cat sat on the mat and looked at the door.",
    "The castle stands on a hill. Tourists visit the castle every summer. "
    "The castle is old. He forgot the key to the lock.",
    "",
};

static int have_models(void)
{
    mtl_options *o = mtl_options_new();
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    free(err);
    int lm = 0, tags = 0;
    for (size_t i = 0; l && mtl_linter_resource(l, i); i++) {
        const char *r = mtl_linter_resource(l, i);
        lm |= strncmp(r, "language model", 14) == 0;
        tags |= strncmp(r, "part-of-speech", 14) == 0;
    }
    mtl_linter_free(l);
    return lm && tags;
}

/* The article's one finding: 'mortgages', with 'hostages' suggested. */
static void article_mortgages(void **state)
{
    (void)state;
    char *text = read_article(NULL);
    mtl_result *r = lint_only("mistranslation", text);
    assert_int_equal(mtl_result_count(r), 1);
    const mtl_finding *f = mtl_result_at(r, 0);
    const char *at = strstr(text, "progress on the mortgages");
    assert_non_null(at);
    assert_int_equal(f->offset,
                     (size_t)(at - text) + strlen("progress on the "));
    assert_int_equal(f->length, strlen("mortgages"));
    assert_int_equal(f->n_suggestions, 1);
    assert_string_equal(f->suggestions[0], "hostages");
    assert_non_null(strstr(f->message, "'mortgages' is probably a "
                                       "mistranslation of 'hostages'"));
    mtl_result_free(r);
    free(text);
}

/* With the intended word back in place the article is clean. */
static void article_repaired(void **state)
{
    (void)state;
    char *text = read_article(NULL);
    char *at = strstr(text, "progress on the mortgages");
    assert_non_null(at);
    memcpy(at + strlen("progress on the "), "hostages ", 9);
    mtl_result *r = lint_only("mistranslation", text);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
    free(text);
}

/* A word quoted alone is mentioned, not used: "progress on the
 * \"mortgages\"" is no finding. */
static void article_quoted(void **state)
{
    (void)state;
    char *text = read_article(NULL);
    const char *at = strstr(text, "progress on the mortgages");
    assert_non_null(at);
    size_t before = (size_t)(at - text) + strlen("progress on the ");
    size_t n = strlen(text);
    char *quoted = malloc(n + 3);
    assert_non_null(quoted);
    memcpy(quoted, text, before);
    quoted[before] = '"';
    memcpy(quoted + before + 1, text + before, strlen("mortgages"));
    quoted[before + 1 + strlen("mortgages")] = '"';
    memcpy(quoted + before + 2 + strlen("mortgages"),
           text + before + strlen("mortgages"),
           n - before - strlen("mortgages") + 1);
    mtl_result *r = lint_only("mistranslation", quoted);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
    free(quoted);
    free(text);
}

/* The file of the source tree gets no finding on `word`. */
static void no_finding_on(const char *path, const char *word)
{
    char *text = read_source_file(path, NULL);
    assert_non_null(text);
    mtl_result *r = lint_only("mistranslation", text);
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        if (strncmp(text + f->offset, word, strlen(word)) == 0)
            fail_msg("%s: %s", path, f->message);
    }
    mtl_result_free(r);
    free(text);
}

/* Words that are no errors in texts of the clean corpus, each a false
 * finding of the rule once. */
static void writers_choices(void **state)
{
    (void)state;
    static const struct {
        const char *path, *word;
    } cases[] = {
        /* near-synonyms: a guide that says "trip" six times and
         * "stations" seven (before the rule weighed word vectors) */
        {"tests/clean/texts/travel/berlitz-canada-wheretogo.txt", "excursion"},
        {"tests/clean/texts/travel/berlitz-canada-wheretogo.txt", "depots"},
        /* related words, cosines 0.47 and 0.41 (the threshold was 0.5):
         * "edition" three times, "shops" five times */
        {"tests/clean/texts/biography/wp-bruno-maddox.txt", "imprint"},
        {"tests/clean/texts/travel/berlitz-athens-whattodo.txt", "workshops"},
        /* a partner the text uses as a determiner or an adjective is no
         * key term: "your" (13 uses) for "thine", "free" for "gratis" */
        {"tests/clean/texts/interview/nc-1965-03-13-johnson.txt", "thine"},
        {"tests/clean/texts/travel/wv-boston-talk.txt", "gratis"},
        /* nor is a particle of a name: "the Laguna del Quelele" */
        {"tests/clean/texts/travel/berlitz-vallarta-whattodo.txt", "del"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        no_finding_on(cases[k].path, cases[k].word);
}

/* A pronoun is no key term: in the Open Source Guides' article "others"
 * and "other" (15 uses) made one, which the rule offered for "commit"
 * (tests/opensource-guide/README.md). The article, Markdown with front
 * matter, gets no finding. */
static void pronoun_not_key_term(void **state)
{
    (void)state;
    size_t len;
    char *text = read_source_file("tests/opensource-guide/starting-a-project.md", &len);
    assert_non_null(text);
    mtl_result *r = lint_only_as("mistranslation", text, "starting-a-project.md");
    for (size_t i = 0; i < mtl_result_count(r); i++)
        fprintf(stderr, "unexpected: %s\n", mtl_result_at(r, i)->message);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
    free(text);
}

/* Without the models (a data directory that has none) the rule is off, with
 * a notice, and a text it would flag gets no finding. */
static void off_without_models(void **state)
{
    (void)state;
    mtl_options *o = mtl_options_new();
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    mtl_options_set_severity(o, "mistranslation", MTL_WARNING);
    assert_int_equal(mtl_options_set(o, "data-dir", "/nonexistent/mtlint"), 0);
    assert_int_equal(mtl_options_set(o, "lm", "/nonexistent/mtlint.ngram"), 0);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    if (l) {
        const char *text = flags[0].text;
        mtl_result *r = NULL;
        assert_int_equal(mtl_lint(l, text, strlen(text), "t.txt", &r), 0);
        assert_int_equal(mtl_result_count(r), 0);
        mtl_result_free(r);
        mtl_linter_free(l);
    } else {
        /* a named model that does not exist may be an error instead */
        assert_non_null(err);
        assert_non_null(strstr(err, "nonexistent"));
    }
    free(err);
}

static void models_missing(void **state)
{
    (void)state;
    skip();
}

int main(void)
{
    const struct CMUnitTest basic[] = {
        cmocka_unit_test(off_without_models),
    };
    int failed =
        cmocka_run_group_tests_name("mistranslation setup", basic, NULL, NULL);
    if (!have_models()) {
        print_message("language model or tagger not installed: "
                      "mistranslation cases skipped\n");
        const struct CMUnitTest skipped[] = {
            cmocka_unit_test(models_missing),
        };
        return failed + cmocka_run_group_tests_name("mistranslation", skipped,
                                                    NULL, NULL);
    }
    const struct CMUnitTest article[] = {
        cmocka_unit_test(article_mortgages),
        cmocka_unit_test(article_quoted),
        cmocka_unit_test(article_repaired),
        cmocka_unit_test(writers_choices),
        cmocka_unit_test(pronoun_not_key_term),
    };
    failed += cmocka_run_group_tests_name("mistranslation article", article,
                                          NULL, NULL);
    return failed + run_rule_cases("mistranslation", "mistranslation", flags,
                                   COUNT_OF(flags), clean, COUNT_OF(clean));
}
