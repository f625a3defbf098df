/* Interjections by shape (interjection.h): drawn-out sounds and laughs are
 * recognised; words, letters and typos made of the same letters are not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lang/interjection.h"

#include <string.h>

static int is(const char *w)
{
    return mtl_is_interjection(w, strlen(w));
}

static void drawn_out_sounds(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "Hmmm", "hmm", "Ahh", "AHHH", "aaahhh", "Errr", "Grr", "Brrr",
        "Mhm", "Mmhmm", "Mmh", "Mmmm", "Uhh", "Umm", "Uhm", "Ooh", "Oooh",
        "Ohhh", "Aww", "Eww", "Pfft", "Psst", "Shhh", "Tsk", "Hmph",
        "Ough", "Ugh", "Mmkay", "Aaaa", NULL};
    for (size_t i = 0; yes[i]; i++) {
        if (!is(yes[i]))
            fail_msg("'%s' is an interjection", yes[i]);
    }
}

static void laughs(void **state)
{
    (void)state;
    assert_true(is("haha"));
    assert_true(is("Hahaha"));
    assert_true(is("hahah"));
    assert_true(is("hehe"));
    assert_true(is("Hehehe"));
    assert_true(is("ahaha"));
    assert_true(is("Hah"));
    assert_true(is("heh"));
}

static void words_and_typos_are_not(void **state)
{
    (void)state;
    static const char *const no[] = {
        /* words and letters until drawn out */
        "a", "A", "he", "He", "o", "m",
        /* typos of words, of the same letters */
        "hoem", "mroe", "hem", "ahem", "rhum", "hugh", "harm", "humm",
        "mhmx", "grrl", "hahx", "hahaho", "NNNNNNX",
        /* not letters, too long, empty */
        "hm-m", "h1m", "", "hmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", NULL};
    for (size_t i = 0; no[i]; i++) {
        if (is(no[i]))
            fail_msg("'%s' is no interjection", no[i]);
    }
    assert_false(mtl_is_interjection("hmm", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drawn_out_sounds),
        cmocka_unit_test(laughs),
        cmocka_unit_test(words_and_typos_are_not),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
