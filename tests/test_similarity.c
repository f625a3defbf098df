/* The similarity analysis (similarity.h): words alike in meaning. */
#include "lint_helper.h"

#include "lang/analysis.h"
#include "lang/similarity.h"
#include "text/doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *load_from(const char *dir, char **notice)
{
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    assert_int_equal(mtl_options_set(o, "data-dir", dir), 0);
    void *shared = NULL;
    char *err = NULL;
    assert_int_equal(mtl_analysis_similarity.load(o, &shared, notice, &err), 0);
    assert_null(err);
    mtl_options_free(o);
    assert_non_null(shared);
    return shared;
}

static int setup(void **state)
{
    const char *root = getenv("MTLINT_BUILD_ROOT");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/dicts", root ? root : ".");
    char *notice = NULL;
    *state = load_from(dir, &notice);
    if (notice)
        print_error("%s\n", notice);
    free(notice);
    return 0;
}

static int teardown(void **state)
{
    mtl_analysis_similarity.unload(*state);
    return 0;
}

typedef struct fixture {
    mtl_doc doc;
    mtl_analyses an;
} fixture;

static void build(fixture *f, const void *shared)
{
    static const char text[] = "A short text.";
    memset(f, 0, sizeof *f);
    assert_int_equal(mtl_doc_build(&f->doc, text, strlen(text), "t.txt"), 0);
    f->doc.an = &f->an;
    assert_int_equal(mtl_analysis_similarity.run(&f->doc, shared), 0);
}

static void done(fixture *f)
{
    mtl_analysis_similarity.release(&f->doc);
    assert_null(f->an.vectors);
    mtl_doc_free(&f->doc);
}

/* Near-synonyms are close, unrelated words are not, a word is itself. */
static void near_and_far(void **state)
{
    fixture f;
    build(&f, *state);
    assert_non_null(f.an.vectors);
    float bonds = mtl_similarity(&f.doc, "bonds", "securities");
    float trip = mtl_similarity(&f.doc, "excursion", "trip");
    float tractors = mtl_similarity(&f.doc, "tractors", "hostages");
    float mortgages = mtl_similarity(&f.doc, "mortgages", "hostages");
    assert_true(bonds >= 0.5f);
    assert_true(trip >= 0.5f);
    assert_true(tractors < 0.2f);
    assert_true(mortgages < 0.2f);
    assert_true(fabsf(mtl_similarity(&f.doc, "trip", "trip") - 1.0f) < 0.01f);
    /* symmetric */
    assert_true(fabsf(mtl_similarity(&f.doc, "trip", "excursion") - trip) < 1e-6f);
    done(&f);
}

/* A word the store lacks, or an empty one, has no similarity. */
static void unknown_words(void **state)
{
    fixture f;
    build(&f, *state);
    assert_true(isnan(mtl_similarity(&f.doc, "qqzxv", "trip")));
    assert_true(isnan(mtl_similarity(&f.doc, "trip", "")));
    assert_true(isnan(mtl_similarity(&f.doc, "Trip", "trip"))); /* lower case only */
    done(&f);
}

/* Without the store (the analysis loaded none: a data directory without
 * it) every similarity is NAN: the rules that ask have less evidence. */
static void without_store(void **state)
{
    (void)state;
    fixture f;
    build(&f, NULL);
    assert_null(f.an.vectors);
    assert_true(isnan(mtl_similarity(&f.doc, "bonds", "securities")));
    done(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(near_and_far),
        cmocka_unit_test(unknown_words),
        cmocka_unit_test(without_store),
    };
    return cmocka_run_group_tests_name("similarity", tests, setup, teardown);
}
