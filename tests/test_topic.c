/* The topic analysis (topic.h): a document's nouns and its topic vector. */
#include "lint_helper.h"

#include "base/buf.h"
#include "lang/analysis.h"
#include "lang/tags.h"
#include "lang/topic.h"
#include "lang/words.h"
#include "text/doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct shared {
    void *tags, *topic;
} shared;

static mtl_options *build_options(void)
{
    const char *root = getenv("MTLINT_BUILD_ROOT");
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/dicts", root ? root : ".");
    assert_int_equal(mtl_options_set(o, "data-dir", dir), 0);
    return o;
}

static int setup(void **state)
{
    shared *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    mtl_options *o = build_options();
    char *notice = NULL, *err = NULL;
    int rc = mtl_analysis_tags.load(o, &s->tags, &notice, &err);
    if (rc == 0)
        rc = mtl_analysis_topic.load(o, &s->topic, &notice, &err);
    if (rc != 0 || notice || !s->tags || !s->topic)
        print_error("cannot load: %s\n", err ? err : notice ? notice : "?");
    free(notice);
    free(err);
    mtl_options_free(o);
    *state = s;
    return s->tags && s->topic ? 0 : -1;
}

static int teardown(void **state)
{
    shared *s = *state;
    mtl_analysis_topic.unload(s->topic);
    if (mtl_analysis_tags.unload)
        mtl_analysis_tags.unload(s->tags);
    free(s);
    return 0;
}

typedef struct fixture {
    mtl_doc doc;
    mtl_analyses an;
    char *text;
} fixture;

static void build(fixture *f, const shared *s, char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    f->text = text;
    assert_int_equal(mtl_doc_build(&f->doc, text, len, "t.txt"), 0);
    f->doc.an = &f->an;
    assert_int_equal(mtl_analysis_words.run(&f->doc, NULL), 0);
    assert_int_equal(mtl_analysis_tags.run(&f->doc, s->tags), 0);
    assert_int_equal(mtl_analysis_topic.run(&f->doc, s->topic), 0);
    assert_non_null(f->an.topic);
}

static void teardown_doc(fixture *f)
{
    mtl_analysis_topic.release(&f->doc);
    assert_null(f->an.topic);
    mtl_analysis_tags.release(&f->doc);
    mtl_analysis_words.release(&f->doc);
    mtl_doc_free(&f->doc);
    free(f->text);
}

static void article(fixture *f, const shared *s)
{
    size_t len;
    char *text = read_source_file("examples/cnn-blinken-2023-11-06.txt", &len);
    assert_non_null(text);
    build(f, s, text, len);
}

/* The nouns are counted by singular, in both numbers, most used first. */
static void nouns_by_singular(void **state)
{
    fixture f;
    const char *t = "The hostage was freed. Two hostages remain, and the "
                    "talks about the hostages go on. The talks failed.";
    build(&f, *state, strdup(t), strlen(t));
    const mtl_topic_noun *h = mtl_topic_find_noun(&f.doc, "hostage");
    assert_non_null(h);
    assert_int_equal(h->uses, 3);
    assert_int_equal(h->plural, 2);
    assert_int_equal(h->blocks, 1);
    assert_string_equal(f.an.topic->nouns[0].lemma, "hostage");
    const mtl_topic_noun *k = mtl_topic_find_noun(&f.doc, "talk");
    assert_non_null(k);
    assert_int_equal(k->uses, 2);
    assert_null(mtl_topic_find_noun(&f.doc, "hostages"));
    assert_null(mtl_topic_find_noun(&f.doc, "remain"));
    teardown_doc(&f);
}

/* A key term of the article fits its topic; an unrelated noun does not. */
static void key_terms_fit_the_topic(void **state)
{
    fixture f;
    article(&f, *state);
    assert_true(f.an.topic->nouns[0].uses >= 5);
    float key = mtl_topic_fit(&f.doc, "hostages");
    float tractors = mtl_topic_fit(&f.doc, "tractors");
    float violins = mtl_topic_fit(&f.doc, "violins");
    assert_false(isnan(key));
    assert_true(key > 0.2f);
    assert_true(tractors < key - 0.2f);
    assert_true(violins < key - 0.2f);
    /* the same in the slot's context and among the nearest words */
    assert_true(mtl_topic_neighbours(&f.doc, "hostages", 3) >
                mtl_topic_neighbours(&f.doc, "violins", 3));
    assert_true(isnan(mtl_topic_fit(&f.doc, "qqzxv")));
    teardown_doc(&f);
}

/* A document without content words has no topic to fit. */
static void no_content_no_fit(void **state)
{
    fixture f;
    const char *t = "It is. It was.";
    build(&f, *state, strdup(t), strlen(t));
    assert_int_equal(f.an.topic->n_nouns, 0);
    assert_true(isnan(mtl_topic_fit(&f.doc, "hostages")));
    teardown_doc(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nouns_by_singular),
        cmocka_unit_test(key_terms_fit_the_topic),
        cmocka_unit_test(no_content_no_fit),
    };
    return cmocka_run_group_tests_name("topic", tests, setup, teardown);
}
