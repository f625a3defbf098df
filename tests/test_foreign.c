/* The foreign analysis (foreign.h): sentences in another language, and a
 * document's second language. */
#include "lint_helper.h"

#include "lang/analysis.h"
#include "lang/foreign.h"
#include "lang/spell.h"
#include "lang/words.h"
#include "text/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct shared {
    void *spell, *foreign;
} shared;

static int setup(void **state)
{
    shared *s = calloc(1, sizeof *s);
    mtl_options *o = mtl_options_new();
    if (!s || !o)
        return -1;
    const char *root = getenv("MTLINT_BUILD_ROOT");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/dicts", root ? root : ".");
    mtl_options_set(o, "data-dir", dir);
    char *notice = NULL, *err = NULL;
    int rc = mtl_analysis_spell.load(o, &s->spell, &notice, &err);
    if (rc == 0)
        rc = mtl_analysis_foreign.load(o, &s->foreign, &notice, &err);
    if (rc != 0 || !s->spell || !s->foreign)
        print_error("cannot load: %s\n", err ? err : notice ? notice : "?");
    free(notice);
    free(err);
    mtl_options_free(o);
    *state = s;
    return s->spell && s->foreign ? 0 : -1;
}

static int teardown(void **state)
{
    shared *s = *state;
    if (s->foreign)
        mtl_analysis_foreign.unload(s->foreign);
    if (s->spell)
        mtl_analysis_spell.unload(s->spell);
    free(s);
    return 0;
}

typedef struct fixture {
    mtl_doc doc;
    mtl_analyses an;
    const char *text;
} fixture;

static void build(fixture *f, const shared *s, const char *text)
{
    memset(f, 0, sizeof *f);
    f->text = text;
    assert_int_equal(mtl_doc_build(&f->doc, text, strlen(text), "t.txt"), 0);
    f->doc.an = &f->an;
    assert_int_equal(mtl_analysis_words.run(&f->doc, NULL), 0);
    assert_int_equal(mtl_analysis_spell.run(&f->doc, s->spell), 0);
    assert_int_equal(mtl_analysis_foreign.run(&f->doc, s->foreign), 0);
    assert_non_null(f->an.foreign);
}

static void teardown_doc(fixture *f)
{
    mtl_analysis_foreign.release(&f->doc);
    assert_null(f->an.foreign);
    mtl_analysis_foreign.release(&f->doc); /* twice: nothing to free */
    mtl_analysis_spell.release(&f->doc);
    mtl_analysis_words.release(&f->doc);
    mtl_doc_free(&f->doc);
}

/* The token that starts where `word` first occurs in the text. */
static size_t token_of(const fixture *f, const char *word)
{
    const char *p = strstr(f->text, word);
    assert_non_null(p);
    size_t at = (size_t)(p - f->text);
    for (size_t i = 0; i < f->doc.n_tokens; i++)
        if (f->doc.tokens[i].start == at)
            return i;
    fail_msg("no token at '%s'", word);
    return SIZE_MAX;
}

#define SPANISH                                                              \
    "Esta realidad le dificulta a muchos tener acceso a servicios del "     \
    "Gobierno, lo que resulta en más obstáculos para las comunidades "      \
    "hispanohablantes"

/* One sentence in Spanish among English ones: one span, its tokens and
 * bytes, and no second language. */
static void one_span(void **state)
{
    fixture f;
    build(&f, *state, "The report was published on Monday. " SPANISH
                      ". The agency said it would respond.");
    const mtl_foreign *fr = f.an.foreign;
    assert_int_equal(fr->n_spans, 1);
    const mtl_foreign_span *sp = &fr->spans[0];
    assert_string_equal(mtl_foreign_language(sp->lang), "Spanish");
    assert_int_equal(sp->sentence, 1);
    assert_int_equal(sp->start, strstr(f.text, "Esta") - f.text);
    assert_int_equal(sp->end - sp->start, strlen(SPANISH));
    assert_int_equal(sp->first, token_of(&f, "Esta"));
    assert_int_equal(sp->last, token_of(&f, "hispanohablantes"));
    assert_int_equal(fr->lang, -1);
    /* the query */
    assert_ptr_equal(mtl_foreign_span_at(&f.doc, token_of(&f, "resulta")), sp);
    assert_null(mtl_foreign_span_at(&f.doc, token_of(&f, "report")));
    assert_null(mtl_foreign_span_at(&f.doc, token_of(&f, "agency")));
    assert_true(mtl_foreign_word(&f.doc, token_of(&f, "comunidades")));
    assert_false(mtl_foreign_word(&f.doc, token_of(&f, "Monday")));
    const mtl_sentence *s = f.doc.sentences;
    assert_false(mtl_foreign_overlaps(&f.doc, s[0].tok_begin, s[0].tok_end));
    assert_true(mtl_foreign_overlaps(&f.doc, s[1].tok_begin, s[1].tok_end));
    assert_false(mtl_foreign_overlaps(&f.doc, s[2].tok_begin, s[2].tok_end));
    assert_true(mtl_foreign_overlaps(&f.doc, 0, f.doc.n_tokens));
    assert_false(mtl_foreign_overlaps(&f.doc, 3, 3));
    assert_false(mtl_foreign_word(&f.doc, f.doc.n_tokens));
    teardown_doc(&f);
}

/* A document mostly in Spanish: Spanish is its second language, and a
 * sentence too short to hold a span is Spanish too. */
static void second_language(void **state)
{
    fixture f;
    build(&f, *state,
          "Según estimados del Censo, cerca de 41 millones de personas "
          "hablan español en Estados Unidos. Mi nombre es Edwin Torres. "
          "Millones de estas personas no hablan o hablan muy poco inglés. "
          "Reconociendo este hecho, hay diversas iniciativas dentro del "
          "Gobierno federal que trabajan para crear contenido en español. "
          "The agency said it would respond.");
    const mtl_foreign *fr = f.an.foreign;
    assert_int_equal(fr->n_spans, 3);
    assert_string_equal(mtl_foreign_language((size_t)fr->lang), "Spanish");
    size_t nombre = token_of(&f, "nombre");
    assert_null(mtl_foreign_span_at(&f.doc, nombre));
    assert_true(mtl_foreign_word(&f.doc, nombre));
    /* English words stay English */
    assert_false(mtl_foreign_word(&f.doc, token_of(&f, "agency")));
    assert_false(mtl_foreign_word(&f.doc, token_of(&f, "respond")));
    teardown_doc(&f);
}

/* English, even English jargon, has no span. */
static void english_has_none(void **state)
{
    fixture f;
    size_t len;
    char *text = read_article(&len);
    build(&f, *state, text);
    assert_int_equal(f.an.foreign->n_spans, 0);
    assert_int_equal(f.an.foreign->lang, -1);
    teardown_doc(&f);
    free(text);
    build(&f, *state,
          "Proteorhodopsin bacterioplankton picoeukaryotes showed "
          "photoheterotrophic metabolism in oligotrophic gyres.");
    assert_int_equal(f.an.foreign->n_spans, 0);
    teardown_doc(&f);
}

/* Without the spell analysis there is nothing to tell by. */
static void needs_spell(void **state)
{
    const shared *s = *state;
    fixture f;
    memset(&f, 0, sizeof f);
    const char *text = SPANISH ".";
    assert_int_equal(mtl_doc_build(&f.doc, text, strlen(text), "t.txt"), 0);
    f.doc.an = &f.an;
    assert_int_equal(mtl_analysis_words.run(&f.doc, NULL), 0);
    assert_int_equal(mtl_analysis_foreign.run(&f.doc, s->foreign), 0);
    assert_null(f.an.foreign);
    assert_false(mtl_foreign_word(&f.doc, 0));
    mtl_analysis_foreign.release(&f.doc);
    mtl_analysis_words.release(&f.doc);
    mtl_doc_free(&f.doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_span),
        cmocka_unit_test(second_language),
        cmocka_unit_test(english_has_none),
        cmocka_unit_test(needs_spell),
    };
    return cmocka_run_group_tests_name("foreign", tests, setup, teardown);
}
