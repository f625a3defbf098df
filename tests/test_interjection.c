/* Interjections by shape (interjection.h): drawn-out sounds and laughs are
 * recognised; words, letters and typos made of the same letters are not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lang/interjection.h"
#include "text/doc.h"

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

static int spoken(const char *text)
{
    mtl_doc d;
    assert_int_equal(mtl_doc_build(&d, text, strlen(text), "t.txt"), 0);
    int is = mtl_is_spoken(&d);
    mtl_doc_free(&d);
    return is;
}

/* Talk: its sounds and fillers, three at least and eight in 1,000 words;
 * not a guide that names ssh and ps, nor prose with one "oh". */
static void spoken_register(void **state)
{
    (void)state;
    assert_true(spoken("A: So what did you do? B: Uh, not much. Went to the "
                       "store. A: Oh, nice. B: Yeah. Then home."));
    assert_true(spoken("Hey guys, welcome back. Today we're gonna talk about "
                       "my routine. Um, coffee first."));
    assert_false(spoken("Use ssh to log in, then ps to list processes. The SSH "
                        "protocol is secure. Run ps again, or sh."));
    assert_false(spoken("Oh, the minister said, the talks went well. They "
                        "will resume on Monday after a short break."));
    assert_false(spoken(""));
    /* speakers' labels, two of them at least twice */
    assert_true(spoken("THE COURT: Please be seated.\nMR. ALVAREZ: Good morning. "
                       "Daniel Alvarez for the plaintiff.\nTHE COURT: Thank "
                       "you.\nMR. ALVAREZ: Three months now.\n"));
    assert_true(spoken("[00:00:05] Jamie: Welcome back.\n[00:00:09] Priya: "
                       "Today: bread.\n[00:00:15] Jamie: Which I never "
                       "thought about.\n[00:00:18] Priya: Most people don't.\n"));
    /* one label, however often: a guide's notes */
    assert_false(spoken("Note: back up first.\n\nRun the installer.\n\nNote: "
                        "it takes a while.\n\nNote: reboot after.\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drawn_out_sounds),
        cmocka_unit_test(laughs),
        cmocka_unit_test(words_and_typos_are_not),
        cmocka_unit_test(spoken_register),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
