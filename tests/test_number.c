/* Noun number (number.h): plurals, singulars and -s verbs in context. */
#include "lint_helper.h"

#include "lang/analysis.h"
#include "lang/number.h"
#include "lang/spell.h"
#include "lang/tags.h"
#include "lang/words.h"
#include "text/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct shared {
    void *spell, *tags;
} shared;

static int setup(void **state)
{
    shared *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    const char *root = getenv("MTLINT_BUILD_ROOT");
    mtl_options *o = mtl_options_new();
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/dicts", root ? root : ".");
    char *notice = NULL, *err = NULL;
    int rc = o ? mtl_options_set(o, "data-dir", dir) : -1;
    if (rc == 0)
        rc = mtl_analysis_spell.load(o, &s->spell, &notice, &err);
    if (rc == 0 && !notice)
        rc = mtl_analysis_tags.load(o, &s->tags, &notice, &err);
    if (rc != 0 || notice || !s->spell || !s->tags)
        print_error("cannot load: %s\n", err ? err : notice ? notice : "?");
    free(notice);
    free(err);
    mtl_options_free(o);
    *state = s;
    return s->spell && s->tags ? 0 : -1;
}

static int teardown(void **state)
{
    shared *s = *state;
    if (s->tags && mtl_analysis_tags.unload)
        mtl_analysis_tags.unload(s->tags);
    if (s->spell && mtl_analysis_spell.unload)
        mtl_analysis_spell.unload(s->spell);
    free(s);
    return 0;
}

typedef struct fixture {
    mtl_doc doc;
    mtl_analyses an;
} fixture;

static void build(fixture *f, const shared *s, const char *text)
{
    memset(f, 0, sizeof *f);
    assert_int_equal(mtl_doc_build(&f->doc, text, strlen(text), "t.txt"), 0);
    f->doc.an = &f->an;
    assert_int_equal(mtl_analysis_words.run(&f->doc, NULL), 0);
    assert_int_equal(mtl_analysis_spell.run(&f->doc, s->spell), 0);
    assert_int_equal(mtl_analysis_tags.run(&f->doc, s->tags), 0);
}

static void release(fixture *f)
{
    mtl_analysis_tags.release(&f->doc);
    mtl_analysis_spell.release(&f->doc);
    mtl_analysis_words.release(&f->doc);
    mtl_doc_free(&f->doc);
}

/* The token whose normal form is w (its first occurrence). */
static size_t token(const fixture *f, const char *w)
{
    for (size_t i = 0; i < f->doc.n_tokens; i++) {
        const mtl_token *t = &f->doc.tokens[i];
        if (t->kind == MTL_TOK_WORD && t->norm_len == strlen(w) &&
            memcmp(mtl_tok_norm(&f->doc, t), w, t->norm_len) == 0)
            return i;
    }
    fail_msg("no token '%s'", w);
    return 0;
}

typedef struct number_case {
    const char *text, *word;
    int plural, singular;
} number_case;

/* Each noun in its sentence: only plural, only singular, or neither. */
static const number_case cases[] = {
    /* regular, -ings, -men and irregular plurals */
    {"The hostages were freed.", "hostages", 1, 0},
    {"The cities grew.", "cities", 1, 0},
    {"The buses were late.", "buses", 1, 0},
    {"The farmers was happy.", "farmers", 1, 0},
    {"The delegates was tired.", "delegates", 1, 0},
    {"The buildings were old.", "buildings", 1, 0},
    {"The chairmen met.", "chairmen", 1, 0},
    {"The children played.", "children", 1, 0},
    {"The criteria changed.", "criteria", 1, 0},
    {"The papillae are small.", "papillae", 1, 0},
    /* singulars */
    {"The hostage was freed.", "hostage", 0, 1},
    {"The rule is new.", "rule", 0, 1},
    {"The chairman met them.", "chairman", 0, 1},
    /* the same in both numbers, singular entries in -s, collectives */
    {"The news was good.", "news", 0, 0},
    {"The series ended.", "series", 0, 0},
    {"The sheep grazed.", "sheep", 0, 0},
    {"The aircraft landed.", "aircraft", 0, 0},
    {"He studied physics.", "physics", 0, 0},
    {"The team won.", "team", 0, 0},
    {"The police came.", "police", 0, 0},
    {"The data show it.", "data", 0, 0},
    {"The class began.", "class", 0, 0},
    /* not nouns, and words the dictionary lacks */
    {"She runs fast.", "runs", 0, 0},
    {"The zorblaxes came.", "zorblaxes", 0, 0},
    {"The zorblax came.", "zorblax", 0, 0},
};

static void noun_number(void **state)
{
    for (size_t c = 0; c < COUNT_OF(cases); c++) {
        fixture f;
        build(&f, *state, cases[c].text);
        size_t i = token(&f, cases[c].word);
        if (mtl_number_is_plural(&f.doc, i) != cases[c].plural ||
            mtl_number_is_singular(&f.doc, i) != cases[c].singular)
            fail_msg("'%s' in \"%s\": plural %d, singular %d", cases[c].word,
                     cases[c].text, mtl_number_is_plural(&f.doc, i),
                     mtl_number_is_singular(&f.doc, i));
        release(&f);
    }
}

/* An -s word is a plural form whatever its tag; an entry of its own is not. */
static void regular_plural_forms(void **state)
{
    fixture f;
    build(&f, *state, "Nothing.");
    assert_true(mtl_number_regular_plural(&f.doc, "changes"));
    assert_true(mtl_number_regular_plural(&f.doc, "trajectories"));
    assert_false(mtl_number_regular_plural(&f.doc, "news"));
    assert_false(mtl_number_regular_plural(&f.doc, "class"));
    assert_false(mtl_number_regular_plural(&f.doc, "bus"));
    assert_false(mtl_number_regular_plural(&f.doc, "cat"));
    release(&f);
}

typedef struct verb_case {
    const char *text, *word;
    int verb;
} verb_case;

/* Each case's word through is_verb, against its expected answer. */
static void check_verbs(void *state, const verb_case *v, size_t n,
                        int (*is_verb)(const mtl_doc *, size_t))
{
    for (size_t c = 0; c < n; c++) {
        fixture f;
        build(&f, state, v[c].text);
        size_t i = token(&f, v[c].word);
        if (is_verb(&f.doc, i) != v[c].verb)
            fail_msg("'%s' in \"%s\": verb %d", v[c].word, v[c].text,
                     !v[c].verb);
        release(&f);
    }
}

/* -s words that can be present-tense verbs, and plurals that cannot. */
static void s_verbs(void **state)
{
    static const verb_case v[] = {
        {"This succeeds.", "succeeds", 1},
        {"This presupposes a lot.", "presupposes", 1},
        {"This rules out more.", "rules", 1},
        {"This students left.", "students", 0},
        {"The hostages left.", "hostages", 0},
        /* Hunspell reads it as "diff" + "-ers" only */
        {"Each differs from the other.", "differs", 1},
        {"The girls left.", "girls", 0},
    };
    check_verbs(*state, v, COUNT_OF(v), mtl_number_may_be_verb);
}

/* Base forms that take -ed or -ing, and words that do not; a word of
 * hundreds of letters ending in -s is no verb and overflows nothing. */
static void base_verbs(void **state)
{
    static const verb_case v[] = {
        {"These evolve quickly.", "evolve", 1},
        {"They stop here.", "stop", 1},
        {"These house prices rose.", "house", 1},
        {"These idea notes were lost.", "idea", 0},
        {"The girls left.", "girls", 0},
    };
    check_verbs(*state, v, COUNT_OF(v), mtl_number_base_may_be_verb);
    char text[600];
    memset(text, 'a', 500);
    memcpy(text + 500, "s left.", 8);
    fixture f;
    build(&f, *state, text);
    assert_int_equal(mtl_number_may_be_verb(&f.doc, 0), 0);
    assert_int_equal(mtl_number_base_may_be_verb(&f.doc, 0), 0);
    release(&f);
}

/* The word lists. */
static void lists(void **state)
{
    (void)state;
    assert_true(mtl_number_invariant("species"));
    assert_false(mtl_number_invariant("rule"));
    assert_true(mtl_number_collective("staff"));
    assert_false(mtl_number_collective("rule"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(noun_number),
        cmocka_unit_test(regular_plural_forms),
        cmocka_unit_test(s_verbs),
        cmocka_unit_test(base_verbs),
        cmocka_unit_test(lists),
    };
    return cmocka_run_group_tests_name("number", tests, setup, teardown);
}
