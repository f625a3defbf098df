/*
 * disfluent-sentence needs the language model; without it (pocketsphinx-en-us
 * not installed when the build ran) the cases are skipped, and the test
 * checks only that an explicit model that does not exist is an error.
 */
#include "lint_helper.h"

#include "text/doc.h"
#include "lang/lmscore.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const flag_case flags[] = {
    /* a question inverts: a verb before its subject pronoun is no object */
    {.text = "Does know anyone any good restaurants in cordoba?",
     .flag = "know anyone", .suggestion = "anyone know"},
    /* a determiner that ends the sentence after a verb is out of place */
    {.text = "This government is capable of turning back clock the.",
     .flag = "clock the", .suggestion = "the clock"},
    /* a noun and a function word the tagger calls a noun */
    {.text = "Aside from this, McNish really had choice no but to comply: he "
             "could not survive alone.",
     .flag = "choice no"},
    /* the words of a compound, written apart: no hyphen joins them */
    {.text = "The naturalistic fallacy is related to the is ought problem.",
     .flag = "is ought problem"},
    {.text = "Talks the had ended without agreement.", .flag = "Talks the",
     .message = "words may be in the wrong order: 'Talks the'",
     .suggestion = "The talks"},
    {.text = "The minister said that talks the had ended without agreement.",
     .flag = "talks the", .suggestion = "the talks"},
    {.text = "He said the United States was working to secure release the of "
             "hostages the.",
     .flag = "release the",
     .suggestion = "the release"},
    {.text = "We want to make sure that aid the gets to those need who it.",
     .flag = "need who", .suggestion = "who need"},
    {.text = "The president will travel the to region week next.",
     .flag = "the to", .suggestion = "to the"},
    {.text = "Officials said the aid convoy was stopped at border the crossing.",
     .flag = "border the", .suggestion = "the border"},
    {.text = "We are working around the clock to get the aid in as quickly possible "
             "as.",
     .flag = "possible as",
     .suggestion = "as possible"},
    {.text = "The secretary arrived in Baghdad on Sunday an for unannounced visit.",
     .flag = "an for", .suggestion = "for an"},
    {.text = "Thousands of people have fled homes their since the war began.",
     .flag = "homes their", .suggestion = "their homes"},
    {.text = "Officials are worried that conflict the could spread across the region.",
     .flag = "conflict the", .suggestion = "the conflict"},
    {.text = "It was the third time he had visited the region in month a.",
     .flag = "month a", .suggestion = "a month"},
    {.text = "The war began after the attack on October 7 and has since killed "
             "thousands people of.",
     .flag = "people of",
     .suggestion = "of people"},
    /* an inverted auxiliary outside a question is still flagged */
    {.text = "The minister said that the talks had been difficult and that "
             "were they nearly over.",
     .flag = "were they", .suggestion = "they were"},
};

static const char *const clean[] = {
    /* a verb and its object pronoun, where the model knows "everyone
     * asks" */
    ("After a few minutes, the Product Lead asks everyone if they have any "
     "questions for the speaker."),
    /* an imperative and the start of its object: the model knows "the
     * measure" as a noun better */
    ("Measure the % of decision-making processes – anything from project "
     "management to budgets – that include the public."),
    /* two nouns in either order; an object and its complement */
    "We now offer agency-specific analytics data pages for 25 agencies.",
    "The guides provide a vehicle for knowledge sharing and skills acquisition.",
    "What avenues are there to make communication effective between all people?",
    /* an adverb before or after its verb: either order is English */
    "The availability heuristic occurs when people take easily remembered "
    "instances as being more representative than they objectively are.",
    "Benefit is defined loosely as a set of material and social goods, "
    "including virtues and practices that strengthen social order.",
    "The dao as a philosophical concept is associated primarily with the "
    "texts the Daodejing.",
    /* a hyphenated compound of function words */
    "The naturalistic fallacy is related to the is-ought problem.",
    "To test our if\xE2\x80\x93then hypothesis, we can keep a log registering "
    "the windy days.",
    /* a modifier before its noun, however likely "blinds drawn" is */
    "The building had a stricken look. The drawn blinds and the smokeless "
    "chimneys gave it away.",
    /* narrative order after a quotation */
    "He read the letter twice. 'Ah!' said he, 'you must not think me rude.'",
    "The secretary of state met the prime minister on Friday.",
    "Thousands of people have fled their homes since the war began.",
    "The United States will continue to support Israel's right to defend "
    "itself.",
    "Aid trucks began crossing into Gaza from Egypt last month.",
    "The talks focused on the release of the hostages and on humanitarian "
    "pauses.",
    "He said the two sides had made progress but that much work remained.",
    "Officials are worried that the conflict could spread across the region.",
    "The foreign ministers of Jordan, Egypt and Saudi Arabia attended the "
    "meeting.",
    "Blinken’s visit came as the death toll in Gaza continued to rise.",
    "Critics say the administration has not done enough to protect civilians.",
    "In a statement, the ministry said the strike had killed at least 12 "
    "people.",
    "It was the third time he had visited the region in a month.",
    "The president will travel to the region next week.",
    "Talks ended.",
    /* near misses from clean prose, each flagged before the rule asked for
     * a question's inversion, a swapped order the model has seen, or prose
     * around a path */
    "Can police trace a cell phone even if it is switched off?",
    "Mr. President, have you urged Governor Milliken to run for the Senate "
    "seat to be vacated by Senator Hart?",
    "In humans, KAP7.1 is not expressed in the outer root sheath, sebaceous "
    "glands or hair medulla but is expressed in the inner root sheath.",
    "In the next match, he took his first five-wicket innings haul, "
    "recording figures of 5/18 and 2/17 in an innings win over South "
    "Australia.",
    "The TCP or UDP port number, or the service name (which is mapped to a "
    "standard port number with the information contained in the "
    "/etc/services file).",
    "The intensity, duration and distance from the transmitting source are "
    "far from what is necessary to delete EPROM memory.",
};

/* Does a default linter have a language model? */
static int have_model(void)
{
    mtl_options *o = mtl_options_new();
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    free(err);
    int found = 0;
    for (size_t i = 0; l && mtl_linter_resource(l, i); i++)
        found |= strncmp(mtl_linter_resource(l, i), "language model", 14) == 0;
    mtl_linter_free(l);
    return found;
}

static void missing_model_is_an_error(void **state)
{
    (void)state;
    mtl_options *o = mtl_options_new();
    assert_int_equal(mtl_options_set(o, "lm", "no-such-model.arpa"), 0);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    assert_null(l);
    assert_non_null(err);
    assert_non_null(strstr(err, "no-such-model.arpa"));
    free(err);
}

/* The shared analysis on its own: sentence scores, and the score of a
 * sentence with one word replaced (what the mistranslation rule asks). */
static void replaced_word_scores(void **state)
{
    (void)state;
    const char *text = "They discussed progress on the mortgages.\n\n"
                       "They discussed progress on the hostages.\n";
    mtl_options *o = mtl_options_new();
    void *model = NULL;
    char *notice = NULL, *err = NULL;
    assert_int_equal(mtl_analysis_lm.load(o, &model, &notice, &err), 0);
    mtl_options_free(o);
    assert_non_null(model);
    mtl_doc doc;
    mtl_analyses an = {0};
    assert_int_equal(mtl_doc_build(&doc, text, strlen(text), "t.txt"), 0);
    doc.an = &an;
    assert_int_equal(mtl_analysis_lm.run(&doc, model), 0);
    assert_int_equal(doc.n_sentences, 2);
    const mtl_lm_sentence *s0 = &an.lm->sentences[0], *s1 = &an.lm->sentences[1];
    assert_int_equal(s0->unit_end - s0->unit_begin, 6);
    /* the intended word reads better than the mistranslation */
    assert_true(s1->logprob > s0->logprob);
    double sum = s0->end_lp;
    for (uint32_t i = s0->unit_begin; i < s0->unit_end; i++)
        sum += an.lm->units[i].lp;
    assert_true(fabs(sum - s0->logprob) < 1e-6);
    /* replacing 'mortgages' (token of sentence 0) gives sentence 1's score */
    size_t tok = SIZE_MAX;
    for (size_t t = doc.sentences[0].tok_begin; t < doc.sentences[0].tok_end; t++)
        if (!strcmp(mtl_tok_norm(&doc, &doc.tokens[t]), "mortgages"))
            tok = t;
    assert_int_not_equal(tok, SIZE_MAX);
    double lp = 0;
    assert_int_equal(mtl_lm_score_replaced(&doc, 0, tok, "hostages", &lp), 0);
    assert_true(fabs(lp - s1->logprob) < 1e-4);
    assert_int_equal(mtl_lm_score_replaced(&doc, 0, tok, "Mortgages", &lp), 0);
    assert_true(fabs(lp - s0->logprob) < 1e-4);
    /* asked for a gain: the same score when it is reached, and a stop
     * (1) when the word's own score already rules it out */
    double gain = s1->logprob - s0->logprob, at = 0;
    assert_true(gain > 0.1);
    assert_int_equal(mtl_lm_score_replaced_above(&doc, 0, tok, "hostages",
                                                 gain - 0.05, &at), 0);
    assert_true(fabs(at - s1->logprob) < 1e-4);
    assert_int_equal(mtl_lm_score_replaced_above(&doc, 0, tok, "hostages",
                                                 gain + 50, &at), 1);
    assert_int_equal(mtl_lm_score_replaced_above(&doc, 0, tok, "hostages",
                                                 -HUGE_VAL, &at), 0);
    assert_true(at == lp || fabs(at - s1->logprob) < 1e-4);
    /* a gain just above the true one is never reached, though the
     * scores still to come might, alone, seem to allow it */
    assert_int_equal(mtl_lm_score_replaced_above(&doc, 0, tok, "hostages",
                                                 gain + 0.05, &at) == 0 &&
                         at - s0->logprob >= gain + 0.05,
                     0);
    /* a token of another sentence is refused */
    assert_int_equal(mtl_lm_score_replaced(&doc, 1, tok, "hostages", &lp), -1);
    assert_int_equal(mtl_lm_score_replaced_above(&doc, 1, tok, "hostages", 0,
                                                 &lp), -1);
    /* swapping 'the mortgages' reads worse */
    assert_true(mtl_lm_swap_gain(an.lm, 0, 4) < 0);
    mtl_analysis_lm.release(&doc);
    mtl_doc_free(&doc);
    mtl_analysis_lm.unload(model);
}

/* Case, clitics, digits and punctuation follow the model's vocabulary: a
 * Penn-Treebank-style model with capitals, numbers and commas. */
static void vocabulary_conventions(void **state)
{
    (void)state;
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/test_disfluent_%ld.arpa",
             dir && *dir ? dir : P_tmpdir, (long)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    const char *words[] = {"<s>", "</s>", "I", "do", "n't", "know", "Paris",
                           "in", "1990", ",", "it", "'s", "cease-fire"};
    fprintf(f, "\\data\\\nngram 1=%zu\n\n\\1-grams:\n", COUNT_OF(words));
    for (size_t i = 0; i < COUNT_OF(words); i++)
        fprintf(f, "-2.0 %s -0.5\n", words[i]);
    fprintf(f, "\n\\end\\\n");
    fclose(f);

    mtl_options *o = mtl_options_new();
    assert_int_equal(mtl_options_set(o, "lm", path), 0);
    void *model = NULL;
    char *notice = NULL, *err = NULL;
    assert_int_equal(mtl_analysis_lm.load(o, &model, &notice, &err), 0);
    mtl_options_free(o);
    remove(path);
    assert_non_null(model);
    const char *text = "I don’t know Paris in 1990, it's a cease-fire.";
    mtl_doc doc;
    mtl_analyses an = {0};
    assert_int_equal(mtl_doc_build(&doc, text, strlen(text), "t.txt"), 0);
    doc.an = &an;
    assert_int_equal(mtl_analysis_lm.run(&doc, model), 0);
    const mtl_lm_sentence *ls = &an.lm->sentences[0];
    /* I do n't know Paris in 1990 , it 's a(unknown) cease-fire . */
    const char *want[] = {"I", "do", "n't", "know", "Paris", "in", "1990",
                          ",", "it", "'s", NULL, "cease-fire"};
    assert_int_equal(ls->unit_end - ls->unit_begin, COUNT_OF(want));
    for (size_t i = 0; i < COUNT_OF(want); i++) {
        const mtl_lm_unit *u = &an.lm->units[ls->unit_begin + i];
        if (!want[i]) {
            assert_true(u->flags & MTL_LMU_UNKNOWN);
            continue;
        }
        assert_false(u->flags & MTL_LMU_UNKNOWN);
        /* each known word scores its unigram (-2) plus back-offs (-0.5) */
        assert_true(u->lp < -1.99f);
    }
    assert_true(an.lm->units[ls->unit_begin + 4].flags & MTL_LMU_NAME);
    assert_true(an.lm->units[ls->unit_begin + 6].flags & MTL_LMU_NUMBER);
    mtl_analysis_lm.release(&doc);
    mtl_doc_free(&doc);
    mtl_analysis_lm.unload(model);
}

/* The default store left by an older build (another format version) is
 * treated as missing: one notice, the language-model rules off. Named
 * explicitly, it is an error. */
static void older_store_is_off(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/test_disfluent_%ld.d",
             tmp && *tmp ? tmp : P_tmpdir, (long)getpid());
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/en-us.ngram", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    /* a version 1 header: the magic, the version, zeros */
    unsigned char header[384] = "MTLNGRAM\1";
    assert_int_equal(fwrite(header, 1, sizeof header, f), sizeof header);
    assert_int_equal(fclose(f), 0);

    mtl_options *o = mtl_options_new();
    assert_int_equal(mtl_options_set(o, "data-dir", dir), 0);
    void *model = NULL;
    char *notice = NULL, *err = NULL;
    assert_int_equal(mtl_analysis_lm.load(o, &model, &notice, &err), 0);
    assert_null(model);
    assert_null(err);
    assert_non_null(notice);
    assert_non_null(strstr(notice, "format version 1"));
    assert_non_null(strstr(notice, "rules are off"));
    assert_null(strchr(notice, '\n'));
    free(notice);
    notice = NULL;
    mtl_options_free(o);

    o = mtl_options_new();
    assert_int_equal(mtl_options_set(o, "lm", path), 0);
    assert_int_equal(mtl_analysis_lm.load(o, &model, &notice, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "format version 1"));
    free(err);
    free(notice);
    mtl_options_free(o);
    remove(path);
    rmdir(dir);
}

/* A list item without a stop is a label, names and titles, not a
 * sentence; with one it is a sentence again. */
static const flag_case md_flags[] = {
    {.text = "* Session moderator, **Ashley Owens** – Senior digital "
             "acquisition strategist, General Services Administration (GSA).\n",
     .flag = "Session moderator, **Ashley Owens** – Senior digital "
             "acquisition strategist, General Services Administration (GSA)."},
};
static const char *const md_clean[] = {
    ("* Session moderator, **Ashley Owens** – Senior digital acquisition "
     "strategist, General Services Administration (GSA)\n"
     "* **Justen Proctor** – Senior contracting officer, GSA\n"),
};

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_model_is_an_error),
        cmocka_unit_test(vocabulary_conventions),
        cmocka_unit_test(older_store_is_off),
    };
    int failed = cmocka_run_group_tests_name("disfluent-sentence model", tests,
                                             NULL, NULL);
    if (!have_model()) {
        print_message("no language model: rule cases skipped\n");
        return failed;
    }
    const struct CMUnitTest model_tests[] = {
        cmocka_unit_test(replaced_word_scores),
    };
    failed += cmocka_run_group_tests_name("language-model analysis",
                                          model_tests, NULL, NULL);
    failed += run_rule_cases("disfluent-sentence", "disfluent-sentence",
                             flags, COUNT_OF(flags), clean, COUNT_OF(clean));
    return failed + run_rule_cases_as("disfluent-sentence in Markdown",
                                      "disfluent-sentence", "t.md", md_flags,
                                      COUNT_OF(md_flags), md_clean,
                                      COUNT_OF(md_clean));
}
