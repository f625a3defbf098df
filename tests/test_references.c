/* Entries of a list of references (references.h): the styles that give a
 * year of its own are found; prose with names, years and colons is not. */
#include "lint_helper.h"

#include "base/buf.h"
#include "text/doc.h"
#include "text/references.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Is the first block of text a reference entry? Where do its authors end
 * (the text of that token, into at)? */
static int entry(const char *text, char *at, size_t at_size)
{
    mtl_doc d;
    assert_int_equal(mtl_doc_build(&d, text, strlen(text), "t.txt"), 0);
    assert_true(d.n_blocks >= 1);
    int is = mtl_block_is_reference(&d, 0);
    size_t end = mtl_reference_authors_end(&d, 0);
    assert_int_equal(is, end != 0);
    if (at && is) {
        const mtl_token *t = end < d.n_tokens ? &d.tokens[end] : NULL;
        snprintf(at, at_size, "%.*s", t ? (int)(t->end - t->start) : 0,
                 t ? d.text + t->start : "");
    }
    mtl_doc_free(&d);
    return is;
}

static void styles_found(void **state)
{
    (void)state;
    static const struct {
        const char *text, *authors_end;
    } cases[] = {
        /* Chicago, author-date */
        {"Russell, Bertrand. 1912. \xE2\x80\x9CThe Value of Philosophy.\xE2\x80\x9D "
         "In The Problems of Philosophy, 237\xE2\x80\x93" "250. London: Williams "
         "and Norgate.", "."},
        {"Ross, W. D. 1930. The Right and the Good. Oxford, UK: Oxford "
         "University Press.", "1930"},
        {"Alexander, Larry, and Michael Moore. 2020. \xE2\x80\x9C" "Deontological "
         "Ethics.\xE2\x80\x9D In The Stanford Encyclopedia of Philosophy.", "."},
        {"Kant, Immanuel. (1785) 1997a. Groundwork of the Metaphysics of "
         "Morals. Translated by Mary Gregor.", "."},
        {"Fung Yu-lan. 1952. A History of Chinese Philosophy.", "."},
        /* APA */
        {"Smith, J. (2020). The title of the work. Publisher.", "2020"},
        /* no date */
        {"Taylor, Stephen C. n.d. \xE2\x80\x9CHealth Care Ethics.\xE2\x80\x9D "
         "Internet Encyclopedia of Philosophy.", "."},
        /* the year last, after a place and a publisher */
        {"Plato. Meno. In Plato Complete Works. Edited by John M. Cooper. "
         "Indianapolis: Hackett Publishing Company, 1997.", "."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char at[32] = "";
        if (!entry(cases[i].text, at, sizeof at))
            fail_msg("not an entry: %s", cases[i].text);
        if (strncmp(at, cases[i].authors_end, strlen(cases[i].authors_end)) != 0)
            fail_msg("authors end at '%s', not '%s': %s", at,
                     cases[i].authors_end, cases[i].text);
    }
}

static void prose_not(void **state)
{
    (void)state;
    static const char *const prose[] = {
        "In 1912, Russell published The Problems of Philosophy.",
        "Russell wrote it in 1912. It sold well.",
        "Russell, the philosopher, wrote it. In 1912 it sold well.",
        "The talks ended. 2020 was a hard year for everyone.",
        "Paris, France: the talks resumed on Monday, 12 May 2020.",
        "the year was 1912. It sold well.",
        "Smith said the report (2020) was late.",
        ("Smith, who wrote the report, said it was late. The publisher, "
         "Penguin, printed it in 1997."),
        "",
    };
    for (size_t i = 0; prose[i][0]; i++)
        if (entry(prose[i], NULL, 0))
            fail_msg("taken for an entry: %s", prose[i]);
}

/* A paragraph that opens like an entry but runs on is prose: the test
 * stops at a bound, so spelling may ask it for every word. */
static void long_paragraph_not(void **state)
{
    (void)state;
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, "Russell, Bertrand. 1912. ");
    for (int i = 0; i < 400; i++)
        mtl_sb_adds(&sb, "Words go on. ");
    assert_false(sb.failed);
    assert_int_equal(entry(sb.data, NULL, 0), 0);
    free(sb.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(styles_found),
        cmocka_unit_test(prose_not),
        cmocka_unit_test(long_paragraph_not),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
