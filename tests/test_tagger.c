/* The part-of-speech tagger: the model file, tagging known and unknown
 * words, the mapping from document tokens, and accuracy on UD English EWT's
 * test split when it is available (it is not shipped: CC BY-SA data stays
 * outside the source tree except for the model derived from it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/doc.h"
#include "lang/tagger.h"
#include "lang/tags.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *model_path(void)
{
    const char *root = getenv("MTLINT_SOURCE_ROOT");
    char *p = malloc(4096);
    assert_non_null(p);
    snprintf(p, 4096, "%s/dicts/tagger-ewt.bin", root ? root : ".");
    return p;
}

static int setup(void **state)
{
    char *path = model_path(), *err = NULL;
    mtl_tagger *t = mtl_tagger_load(path, &err);
    if (!t)
        print_error("cannot load %s: %s\n", path, err ? err : "?");
    free(path);
    free(err);
    *state = t;
    return t ? 0 : -1;
}

static int teardown(void **state)
{
    mtl_tagger_free(*state);
    return 0;
}

/* Tags the space-separated words of s; returns how many. */
static size_t tag_words(const mtl_tagger *t, const char *s, uint8_t *tags,
                        char words[][32], size_t max)
{
    static char lower[64][32];
    mtl_tword w[64];
    memset(w, 0, sizeof w);
    size_t n = 0;
    for (const char *p = s; *p && n < max;) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " ");
        if (!k)
            break;
        assert_true(k < 32);
        memcpy(words[n], p, k);
        words[n][k] = '\0';
        for (size_t j = 0; j <= k; j++)
            lower[n][j] = (char)tolower((unsigned char)words[n][j]);
        w[n] = (mtl_tword){words[n], lower[n], (uint32_t)k, (uint32_t)k};
        n++;
        p += k;
    }
    mtl_tagger_tag(t, w, n, tags, NULL);
    return n;
}

/* "word/TAG" pairs: every tag must match (UPOS, or the full class name
 * when it has a slash: "AUX/VBZ"). */
static void expect(const mtl_tagger *t, const char *sentence,
                   const char *const *want)
{
    char words[64][32];
    uint8_t tags[64];
    size_t n = tag_words(t, sentence, tags, words, 64);
    for (size_t i = 0; i < n; i++) {
        if (!want[i])
            continue;
        const char *got = strchr(want[i], '/') ? mtl_tag_name(tags[i])
                                               : mtl_tag_upos(tags[i]);
        if (strcmp(got, want[i]) != 0)
            fail_msg("'%s' in \"%s\": got %s, want %s", words[i], sentence,
                     mtl_tag_name(tags[i]), want[i]);
    }
}

static void known_sentences(void **state)
{
    const mtl_tagger *t = *state;
    expect(t, "The minister has made progress on the goals .",
           (const char *const[]){"DET", "NOUN", "AUX/VBZ", "VERB/VBN", "NOUN",
                                 "ADP", "DET", "NOUN", "PUNCT"});
    expect(t, "She said that they were not ready .",
           (const char *const[]){"PRON", "VERB/VBD", "SCONJ", "PRON",
                                 "AUX/VBD", "PART", "ADJ", "PUNCT"});
    expect(t, "We can go home now .",
           (const char *const[]){"PRON", "AUX/MD", "VERB/VB", "ADV", "ADV",
                                 "PUNCT"});
    expect(t, "Were focused on .",
           (const char *const[]){"AUX/VBD", "VERB/VBN", "ADP", "PUNCT"});
    expect(t, "For wider area .",
           (const char *const[]){"ADP", "ADJ", "NOUN", "PUNCT"});
    expect(t, "Read more about it .",
           (const char *const[]){"VERB/VB", NULL, "ADP", "PRON", "PUNCT"});
    expect(t, "I do n't know what happens next ?",
           (const char *const[]){"PRON", "AUX/VBP", "PART", "VERB/VB", "PRON",
                                 "VERB/VBZ", NULL, "PUNCT"});
    expect(t, "Blinken flew to Tokyo on Monday .",
           (const char *const[]){"PROPN", "VERB/VBD", "ADP", "PROPN", "ADP",
                                 "PROPN", "PUNCT"});
}

static void unknown_words(void **state)
{
    const mtl_tagger *t = *state;
    /* words no treebank has: the shape and context must do */
    expect(t, "The frobnicators were glorpified by Zyxtrom .",
           (const char *const[]){"DET", "NOUN", "AUX", "VERB/VBN", "ADP",
                                 "PROPN", "PUNCT"});
    expect(t, "They quickly snorbled the blicket .",
           (const char *const[]){"PRON", "ADV", "VERB/VBD", "DET", "NOUN",
                                 "PUNCT"});
    expect(t, "It costs 1,234 dollars in 2023 .",
           (const char *const[]){"PRON", "VERB/VBZ", "NUM", "NOUN", "ADP",
                                 "NUM", "PUNCT"});
}

static void empty_input(void **state)
{
    uint8_t tag = 0xAB;
    mtl_tagger_tag(*state, NULL, 0, &tag, NULL);
    assert_int_equal(tag, 0xAB); /* nothing written */
    mtl_tword one = {"Yes", "yes", 3, 3};
    uint16_t amb = 0;
    mtl_tagger_tag(*state, &one, 1, &tag, &amb);
    assert_true(tag < MTL_N_TAGS);
    assert_int_equal(amb & 0x7f, MTL_TAG_INTJ); /* "yes" is in the lexicon */
}

static void model_file(void **state)
{
    assert_true(mtl_tagger_size(*state) > 10000);
    char *err = NULL;
    assert_null(mtl_tagger_load("/nonexistent/tagger.bin", &err));
    assert_non_null(err);
    assert_non_null(strstr(err, "/nonexistent/tagger.bin"));
    free(err);
    /* wrong magic, then a header whose sizes do not match the bytes */
    static const unsigned char junk[40] = "not a model at all";
    err = NULL;
    assert_null(mtl_tagger_from_bytes(junk, sizeof junk, &err));
    assert_non_null(err);
    free(err);
    unsigned char bad[40] = "MTLTAG01";
    bad[8] = MTL_N_TAGS;
    bad[12] = 200; /* 200 features in 16 bytes */
    err = NULL;
    assert_null(mtl_tagger_from_bytes(bad, sizeof bad, &err));
    assert_non_null(err);
    free(err);
    /* the real model, cut short */
    char *path = model_path();
    FILE *f = fopen(path, "rb");
    free(path);
    assert_non_null(f);
    unsigned char *buf = malloc(1 << 16);
    assert_non_null(buf);
    size_t got = fread(buf, 1, 1 << 16, f);
    fclose(f);
    err = NULL;
    assert_null(mtl_tagger_from_bytes(buf, got, &err));
    assert_non_null(err);
    free(err);
    free(buf);
}

/* Tags and lexicon classes of s by two taggers must agree. */
static void same_tags(const mtl_tagger *a, const mtl_tagger *b, const char *s)
{
    char words[64][32];
    uint8_t ta[64], tb[64];
    size_t n = tag_words(a, s, ta, words, 64);
    assert_int_equal(tag_words(b, s, tb, words, 64), n);
    assert_memory_equal(ta, tb, n);
    for (size_t i = 0; i < n; i++) {
        mtl_tword w = {words[i], words[i], (uint32_t)strlen(words[i]),
                       (uint32_t)strlen(words[i])};
        uint8_t x, y;
        uint16_t ax = 0, ay = 0;
        mtl_tagger_tag(a, &w, 1, &x, &ax);
        mtl_tagger_tag(b, &w, 1, &y, &ay);
        assert_int_equal(ax, ay);
    }
}

/* The tables written by mtl_tagger_compile and mapped tag as the built
 * ones do; a map that is damaged or made from another copy is not used. */
static void mapped_tables(void **state)
{
    char *src = model_path(), tmp[] = "/tmp/mtlint-tagger-XXXXXX";
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    FILE *in = fopen(src, "rb"), *out = fdopen(fd, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    for (size_t got; (got = fread(buf, 1, sizeof buf, in)) > 0;)
        assert_int_equal(fwrite(buf, 1, got, out), got);
    fclose(in);
    fclose(out);
    free(src);
    char map[sizeof tmp + 4];
    snprintf(map, sizeof map, "%s.map", tmp);
    char *err = NULL;
    assert_int_equal(mtl_tagger_compile(tmp, map, &err), 0);
    mtl_tagger *t = mtl_tagger_load(tmp, &err);
    assert_non_null(t);
    assert_int_equal(mtl_tagger_size(t), mtl_tagger_size(*state));
    static const char *const sentences[] = {
        "The talks resumed on Monday after the hostages were released .",
        "Blinken said he would n't comment on the qzxv proposals .",
        "Yes , she runs every morning , and it 's 1990 now !"};
    for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++)
        same_tags(*state, t, sentences[i]);
    mtl_tagger_free(t);
    /* cut short: the model's own tables are built instead */
    assert_int_equal(truncate(map, 64), 0);
    t = mtl_tagger_load(tmp, &err);
    assert_non_null(t);
    same_tags(*state, t, sentences[0]);
    mtl_tagger_free(t);
    unlink(map);
    unlink(tmp);
}

static void tag_names(void **state)
{
    (void)state;
    assert_string_equal(mtl_tag_upos(MTL_TAG_VERB_VBD), "VERB");
    assert_string_equal(mtl_tag_upos(MTL_TAG_AUX_MD), "AUX");
    assert_string_equal(mtl_tag_name(MTL_TAG_AUX_MD), "AUX/MD");
    assert_null(mtl_tag_name(MTL_N_TAGS));
    assert_int_equal(mtl_tag_from_conllu("VERB", "VBZ"), MTL_TAG_VERB_VBZ);
    assert_int_equal(mtl_tag_from_conllu("AUX", "MD"), MTL_TAG_AUX_MD);
    assert_int_equal(mtl_tag_from_conllu("NOUN", "NN"), MTL_TAG_NOUN);
    assert_int_equal(mtl_tag_from_conllu("BOGUS", "NN"), -1);
    assert_true(mtl_tag_is_finite(MTL_TAG_AUX_VBD));
    assert_false(mtl_tag_is_finite(MTL_TAG_VERB_VBN));
    assert_false(mtl_tag_is_finite(MTL_TAG_VERB_VB));
}

/* The document's tokens mapped to the tagger's words. */
static void document_tokens(void **state)
{
    const char *text = "We don\xE2\x80\x99t want a cease-fire. "
                       "Blinken\xE2\x80\x99s aides\xE2\x80\x99re here.";
    mtl_doc doc;
    assert_int_equal(mtl_doc_build(&doc, text, strlen(text), "t.txt"), 0);
    mtl_analyses an = {0};
    doc.an = &an;
    assert_int_equal(mtl_analysis_tags.run(&doc, *state), 0);
    int seen_dont = 0, seen_cease = 0, seen_pos = 0;
    for (size_t i = 0; i < doc.n_tokens; i++) {
        const mtl_token *t = &doc.tokens[i];
        const char *n = mtl_tok_norm(&doc, t);
        if (mtl_tok_is_space(t)) {
            assert_int_equal(mtl_tag_of(&doc, i), MTL_TAG_NONE);
            continue;
        }
        if (strcmp(n, "don't") == 0) {
            seen_dont = 1;
            assert_int_equal(mtl_tag_of(&doc, i), MTL_TAG_AUX_VBP);
            assert_int_equal(mtl_clitic_of(&doc, i), MTL_TAG_PART);
        }
        if (strcmp(n, "cease") == 0) {
            seen_cease = 1;
            /* "cease" "-" "fire" are one word to the tagger */
            assert_int_equal(mtl_tag_of(&doc, i), MTL_TAG_NOUN);
            assert_int_equal(mtl_tag_of(&doc, i + 1), MTL_TAG_NOUN);
            assert_int_equal(mtl_tag_of(&doc, i + 2), MTL_TAG_NOUN);
        }
        if (strcmp(n, "blinken's") == 0) {
            seen_pos = 1;
            assert_int_equal(mtl_tag_of(&doc, i), MTL_TAG_PROPN);
            assert_int_equal(mtl_clitic_of(&doc, i), MTL_TAG_PART);
        }
        if (strcmp(n, "want") == 0)
            assert_int_equal(mtl_tag_of(&doc, i), MTL_TAG_VERB_VB);
        if (strcmp(n, "aides're") == 0)
            assert_true(mtl_tag_is_finite(mtl_clitic_of(&doc, i)));
    }
    assert_true(seen_dont && seen_cease && seen_pos);
    mtl_analysis_tags.release(&doc);
    assert_null(an.tags);
    mtl_doc_free(&doc);
}

static void clitics(void **state)
{
    (void)state;
    assert_int_equal(mtl_clitic_len("don't", 5), 3);
    assert_int_equal(mtl_clitic_len("can't", 5), 3);
    assert_int_equal(mtl_clitic_len("we're", 5), 3);
    assert_int_equal(mtl_clitic_len("hamas's", 7), 2);
    assert_int_equal(mtl_clitic_len("i'm", 3), 2);
    assert_int_equal(mtl_clitic_len("o'clock", 7), 0);
    assert_int_equal(mtl_clitic_len("'s", 2), 0);
    assert_int_equal(mtl_clitic_len("cats", 4), 0);
    assert_int_equal(mtl_clitic_len("cannot", 6), 3);
    assert_int_equal(mtl_clitic_len("cannon", 6), 0);
}

/* --- accuracy on EWT's test split -------------------------------------- */

static FILE *open_ewt_test(char *path, size_t size)
{
    const char *dir = getenv("MTLINT_EWT_DIR");
    const char *root = getenv("MTLINT_SOURCE_ROOT");
    if (dir)
        snprintf(path, size, "%s/en_ewt-ud-test.conllu", dir);
    else
        snprintf(path, size,
                 "%s/../shared/ud-english-ewt/en_ewt-ud-test.conllu",
                 root ? root : ".");
    return fopen(path, "r");
}

static void ewt_accuracy(void **state)
{
    char path[4096];
    FILE *f = open_ewt_test(path, sizeof path);
    if (!f) {
        print_message("EWT test split not found (%s); set MTLINT_EWT_DIR to "
                      "a UD_English-EWT checkout to measure accuracy\n", path);
        skip();
    }
    enum { MAXW = 512 };
    static char forms[MAXW][128], lower[MAXW][128];
    static mtl_tword words[MAXW];
    uint8_t gold[MAXW], tags[MAXW];
    size_t n = 0, right = 0, total = 0;
    char line[8192];
    for (;;) {
        int eof = !fgets(line, sizeof line, f);
        if (eof || line[0] == '\n') {
            mtl_tagger_tag(*state, words, n, tags, NULL);
            for (size_t i = 0; i < n; i++)
                right += strcmp(mtl_tag_upos(tags[i]),
                                mtl_tag_upos(gold[i])) == 0;
            total += n;
            n = 0;
            if (eof)
                break;
            continue;
        }
        char *col[5];
        size_t nc = 0;
        for (char *p = line; nc < 5 && p;) {
            col[nc++] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (line[0] == '#' || nc < 5 || strchr(col[0], '-') ||
            strchr(col[0], '.') || n == MAXW)
            continue;
        int g = mtl_tag_from_conllu(col[3], col[4]);
        assert_true(g >= 0);
        size_t len = strlen(col[1]);
        if (len >= 128)
            len = 127;
        memcpy(forms[n], col[1], len);
        forms[n][len] = '\0';
        /* the document's normal form: lower case, ASCII quotes */
        size_t k = 0;
        for (size_t j = 0; j < len; j++) {
            unsigned char c = (unsigned char)forms[n][j];
            if (c == 0xE2 && j + 2 < len &&
                (unsigned char)forms[n][j + 1] == 0x80 &&
                (unsigned char)forms[n][j + 2] >= 0x98 &&
                (unsigned char)forms[n][j + 2] <= 0x9B) {
                lower[n][k++] = '\'';
                j += 2;
                continue;
            }
            lower[n][k++] = (char)tolower(c);
        }
        lower[n][k] = '\0';
        words[n] = (mtl_tword){forms[n], lower[n], (uint32_t)len, (uint32_t)k};
        gold[n++] = (uint8_t)g;
    }
    fclose(f);
    double acc = 100.0 * (double)right / (double)(total ? total : 1);
    print_message("UPOS accuracy on %s: %.2f%% of %zu words\n", path, acc,
                  total);
    assert_true(total > 20000);
    assert_true(acc >= 95.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_sentences), cmocka_unit_test(unknown_words),
        cmocka_unit_test(empty_input),     cmocka_unit_test(model_file),
        cmocka_unit_test(tag_names),       cmocka_unit_test(document_tokens),
        cmocka_unit_test(clitics),         cmocka_unit_test(ewt_accuracy),
        cmocka_unit_test(mapped_tables),
    };
    return cmocka_run_group_tests_name("tagger", tests, setup, teardown);
}
