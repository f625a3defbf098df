#include "lint_helper.h"

#include <stdlib.h>
#include <string.h>

static const flag_case flags[] = {
    /* quoted with more words: still a slip */
    {.text = "He said \xE2\x80\x9Cit is done done\xE2\x80\x9D today.", .flag = "done done"},
    {.text = "Liechtenstein has been included in the \"Liechtenstein "
             "Liechtenstein\" band since the beginning.",
     .flag = "Liechtenstein Liechtenstein"},
    {.text = "He met the the minister.", .flag = "the the",
     .message = "repeated word 'the'", .suggestion = "the"},
    {.text = "It is is a problem.", .flag = "is is", .suggestion = "is"},
    {.text = "We want to to go home.", .flag = "to to", .suggestion = "to"},
    {.text = "A talk with\nwith leaders.", .flag = "with\nwith",
     .suggestion = "with"},
    {.text = "The The minister spoke.", .flag = "The The", .suggestion = "The"},
    {.text = "They said that they they would come.", .flag = "they they"},
    {.text = "Hostages are are the main issue.", .flag = "are are"},
    {.text = "It was a a pause.", .flag = "a a"},
    {.text = "Talks in in Amman ended.", .flag = "in in"},
    {.text = "Gaza is small. He spoke of Gaza  Gaza and more.",
     .flag = "Gaza  Gaza"},
    {.text = "the war war ended", .flag = "war war"},
    {.text = "Blinken’s visit visit ended.", .flag = "visit visit"},
    {.text = "The proteins on on the membrane bind.", .flag = "on on"},
    {.text = "He got up and ran ran home.", .flag = "ran ran"},
    {.text = "He was arrested in in Tay Ninh.", .flag = "in in"},
    {.text = "The report in in the paper was wrong.", .flag = "in in"},
    /* one hesitation is no transcript */
    {.text = "Um, the report in the the paper was wrong.", .flag = "the the"},
    /* a translation loop is one finding */
    {.text = "And rahu sum sum sum sum sum.", .flag = "sum sum sum sum sum",
     .suggestion = "sum"},
    {.text = "It is called population population population, or sample space.",
     .flag = "population population population"},
    {.text = "Subspecies Sia Sia Sia Sia Sia.", .flag = "Sia Sia Sia Sia Sia"},
    {.text = "It is protected by by a passphrase.", .flag = "by by"},
};

static const char *const clean[] = {
    /* a doubled word quoted as a term of its own */
    ("This is where the concept of \xE2\x80\x9C" "done done\xE2\x80\x9D comes in."),
    ("It is considered \xE2\x80\x9C" "done done.\xE2\x80\x9D To be \"done done,\" "
     "it must pass."),
    /* intensifiers doubled in speech and informal writing */
    "It was really really good, much much better than last year, etc etc.",
    /* a transcript of speech */
    "So I I think, um, we should go. And and then, uh, we left.",
    /* a phrasal verb's object before its particle */
    "I took the letters in in the morning, so father never knew.",
    "I slipped in in safety and lay awake.",
    "He had had enough.",
    "She said that that was wrong.",
    "What it is is a problem.",
    "The thing is is that we disagree.",
    "He lives in Walla Walla now.",
    "Walla Walla is far. I like Walla Walla.",
    "They said bye-bye to everyone.",
    "Ha ha, very funny.",
    "It was a very very long day.",
    "The talks ended.\n\nThe talks resumed.",
    "Knock knock. Who is there?",
    "It cost 10 10 dollars.",
    "He said no, no and no.",
    "The the-word is an article.",
    "A so-so result.",
    /* particles and prepositions, pronouns and determiners, nouns and modals */
    "They checked in in minutes.",
    "The lights turned on on Monday.",
    "He gave her her keys.",
    "The will will be read tomorrow.",
    /* emphasis, names and reduplication */
    "\"Very very good,\" she said.",
    "We went to the last LAST festival.",
    "Night night, sleep well.",
    "Choo choo went the train.",
    "Compare compare compare the prices.",
    "Emperor Duc Duc ruled for years.",
};

/* Many capitalised pairs of the same word are settled together: each is
 * a finding once the word also stands alone, none while it does not. */
static void many_name_pairs(void **state)
{
    (void)state;
    static const char pair[] = "Then Gaza Gaza went on. ";
    enum { N = 3000 };
    size_t n = sizeof pair - 1;
    char *text = malloc(N * n + 32);
    assert_non_null(text);
    for (size_t i = 0; i < N; i++)
        memcpy(text + i * n, pair, n);
    text[N * n] = '\0';
    mtl_result *r = lint_only("repeated-word", text);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
    strcpy(text + N * n, "He saw Gaza.");
    r = lint_only("repeated-word", text);
    assert_int_equal(mtl_result_count(r), N);
    mtl_result_free(r);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(many_name_pairs)};
    int failed = cmocka_run_group_tests_name("repeated-word pairs", tests,
                                             NULL, NULL);
    return failed + run_rule_cases("repeated-word", "repeated-word", flags,
                                   COUNT_OF(flags), clean, COUNT_OF(clean));
}
