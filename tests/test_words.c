/* The word table (words.h) and the Hunspell wrapper (speller.h). */
#include "lint_helper.h"

#include "base/buf.h"
#include "lang/analysis.h"
#include "text/doc.h"
#include "base/options.h"
#include "lang/spell.h"
#include "lang/speller.h"
#include "lang/wordset.h"
#include "lang/words.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    mtl_doc doc;
    mtl_analyses an;
} fixture;

static void build(fixture *f, const char *text)
{
    memset(f, 0, sizeof *f);
    assert_int_equal(mtl_doc_build(&f->doc, text, strlen(text), "t.txt"), 0);
    f->doc.an = &f->an;
    assert_int_equal(mtl_analysis_words.run(&f->doc, NULL), 0);
    assert_non_null(f->an.words);
}

static void teardown(fixture *f)
{
    mtl_analysis_words.release(&f->doc);
    assert_null(f->an.words);
    mtl_doc_free(&f->doc);
}

static const mtl_word *find(const fixture *f, const char *norm)
{
    return mtl_words_find(f->an.words, norm, strlen(norm));
}

static void counts_fold_case_and_apostrophes(void **state)
{
    (void)state;
    fixture f;
    build(&f, "The talks ended. the TALKS resumed; Hamas’s and Hamas's aims.");
    assert_int_equal(find(&f, "the")->count, 2);
    assert_int_equal(find(&f, "talks")->count, 2);
    assert_int_equal(find(&f, "hamas's")->count, 2);
    assert_null(find(&f, "The"));
    assert_null(find(&f, "hamas"));
    assert_null(find(&f, "."));
    teardown(&f);
}

static void occurrences_are_in_text_order(void **state)
{
    (void)state;
    fixture f;
    const char *text = "a cease-fire, a truce and a cease-fire";
    build(&f, text);
    const mtl_words *w = f.an.words;
    const mtl_word *a = find(&f, "a");
    assert_non_null(a);
    assert_int_equal(a->count, 3);
    const uint32_t *occ = mtl_word_occurrences(w, a);
    size_t expect[] = {0, 14, 26};
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(f.doc.tokens[occ[k]].start, expect[k]);
        assert_ptr_equal(mtl_words_of_token(w, occ[k]), a);
    }
    /* hyphenated compounds are their parts */
    assert_int_equal(find(&f, "cease")->count, 2);
    assert_int_equal(find(&f, "fire")->count, 2);
    assert_null(find(&f, "cease-fire"));
    teardown(&f);
}

static void non_words_have_no_entry(void **state)
{
    (void)state;
    fixture f;
    build(&f, "In 2023, 3,000 people wrote to a@b.org - see https://x.org/a.");
    const mtl_words *w = f.an.words;
    size_t words = 0;
    for (size_t i = 0; i < f.doc.n_tokens; i++) {
        const mtl_word *e = mtl_words_of_token(w, i);
        int is_word = f.doc.tokens[i].kind == MTL_TOK_WORD;
        assert_int_equal(e != NULL, is_word);
        words += is_word;
    }
    size_t total = 0;
    for (size_t k = 0; k < w->n_words; k++)
        total += w->words[k].count;
    assert_int_equal(total, words);
    assert_null(find(&f, "2023"));
    assert_non_null(find(&f, "people"));
    teardown(&f);
}

static void many_distinct_words(void **state)
{
    (void)state;
    /* enough words to fill several table sizes, each twice */
    char *text = malloc(200000);
    assert_non_null(text);
    size_t n = 0;
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 5000; i++) {
            char w[8];
            for (int k = 0, v = i; k < 4; k++, v /= 26)
                w[k] = (char)('a' + v % 26);
            w[4] = '\0';
            n += (size_t)sprintf(text + n, "x%s ", w);
        }
    fixture f;
    build(&f, text);
    assert_int_equal(f.an.words->n_words, 5000);
    for (size_t k = 0; k < f.an.words->n_words; k++) {
        const mtl_word *e = &f.an.words->words[k];
        assert_int_equal(e->count, 2);
        assert_ptr_equal(mtl_words_find(f.an.words, e->norm, e->norm_len), e);
    }
    assert_null(find(&f, "xzzzz"));
    teardown(&f);
    free(text);
}

static void empty_document(void **state)
{
    (void)state;
    fixture f;
    build(&f, "");
    assert_int_equal(f.an.words->n_words, 0);
    assert_null(find(&f, "a"));
    teardown(&f);
}

/* ---- speller --------------------------------------------------------- */

static mtl_speller *open_en(void)
{
    mtl_options *o = mtl_options_new();
    mtl_speller *sp = NULL;
    char *err = NULL;
    assert_int_equal(mtl_speller_open(o, "en_US", &sp, &err), 0);
    mtl_options_free(o);
    if (!sp)
        skip(); /* hunspell-en-us is not installed */
    return sp;
}

static void speller_checks_and_suggests(void **state)
{
    (void)state;
    mtl_speller *sp = open_en();
    assert_true(mtl_speller_check(sp, "hostage", 7));
    assert_true(mtl_speller_check(sp, "Israel", 6));
    assert_false(mtl_speller_check(sp, "teh", 3));
    assert_false(mtl_speller_check(sp, "", 0));
    assert_false(mtl_speller_check(sp, "hostage\0x", 9));
    char *s[5];
    size_t n = mtl_speller_suggest(sp, "teh", s, 5);
    assert_true(n >= 1);
    assert_string_equal(s[0], "the");
    for (size_t i = 0; i < n; i++)
        free(s[i]);
    mtl_speller_close(sp);
}

/* Stems tell a regular plural from an entry of its own that ends in -s. */
static void speller_stems(void **state)
{
    (void)state;
    mtl_speller *sp = open_en();
    char buf[256];
    assert_int_equal(mtl_speller_stems(sp, "hostages", buf, sizeof buf), 1);
    assert_string_equal(buf, "hostage");
    assert_string_equal(buf + strlen(buf) + 1, "");
    size_t n = mtl_speller_stems(sp, "news", buf, sizeof buf);
    int own = 0;
    const char *st = buf;
    for (size_t k = 0; k < n; k++, st += strlen(st) + 1)
        own |= strcmp(st, "news") == 0;
    assert_true(own);
    /* too small a buffer keeps what fits, still terminated */
    assert_int_equal(mtl_speller_stems(sp, "hostages", buf, 4), 0);
    assert_string_equal(buf, "");
    assert_int_equal(mtl_speller_stems(sp, "qzxv", buf, sizeof buf), 0);
    /* the bases of words in -s among the stems */
    assert_int_equal(mtl_speller_s_stems(sp, "hostages"), MTL_STEM_S);
    assert_true(mtl_speller_s_stems(sp, "news") & MTL_STEM_SELF);
    assert_true(mtl_speller_s_stems(sp, "cities") & MTL_STEM_IES);
    assert_true(mtl_speller_s_stems(sp, "buildings") & MTL_STEM_INGS);
    assert_int_equal(mtl_speller_s_stems(sp, "qzxvs"), 0);
    assert_int_equal(mtl_speller_s_stems(sp, "hostage"), 0);
    mtl_speller_close(sp);
}

static void speller_adds_words(void **state)
{
    (void)state;
    mtl_speller *sp = open_en();
    assert_false(mtl_speller_check(sp, "Blinken", 7));
    /* the build tree, where tests may write */
    const char *dir = getenv("MTLINT_BUILD_ROOT");
    char path[4096];
    snprintf(path, sizeof path, "%s/test-words-XXXXXX", dir ? dir : ".");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# names\nBlinken\n  Safadi  \n\n", f);
    /* a line longer than a read buffer is one line: its tail ("Zubaydah"
     * after 255 bytes, as a 256-byte buffer cut it) is no word of the list */
    for (int i = 0; i < 255; i++)
        fputc('x', f);
    fputs("Zubaydah\nQatari\n", f);
    fclose(f);
    assert_int_equal(mtl_speller_add_file(sp, path), 0);
    remove(path);
    assert_true(mtl_speller_check(sp, "Blinken", 7));
    assert_true(mtl_speller_check(sp, "Safadi", 6));
    assert_true(mtl_speller_check(sp, "Qatari", 6));
    assert_false(mtl_speller_check(sp, "Zubaydah", 8));
    assert_int_equal(mtl_speller_add(sp, "kubectl"), 0);
    assert_true(mtl_speller_check(sp, "kubectl", 7));
    assert_int_equal(mtl_speller_add_file(sp, "/nonexistent/words.txt"), -1);
    mtl_speller_close(sp);
}

/* An added word has no affixes: it decides nothing about a word with an
 * apostrophe, which the compiled verdicts answer without Hunspell (news
 * text has "it's" in every article). An added word with an apostrophe of
 * its own is Hunspell's to know. */
static void added_words_leave_apostrophes_compiled(void **state)
{
    (void)state;
    mtl_speller *sp = open_en();
    if (!mtl_speller_compiled(sp)) {
        mtl_speller_close(sp);
        skip();
    }
    assert_int_equal(mtl_speller_add(sp, "zqxwy"), 0);
    /* the first four are words, the others not */
    static const char *const words[] = {
        "it's", "It's", "don't", "it\xE2\x80\x99s", "zqxwy's", "Zqxwy's",
        "ZQXWY'S", "zqxwy'", "'zqxwy", "Blinken's"};
    for (size_t i = 0; i < COUNT_OF(words); i++)
        if (mtl_speller_check(sp, words[i], strlen(words[i])) != (i < 4))
            fail_msg("'%s' is %sa word", words[i], i < 4 ? "" : "not ");
    assert_false(mtl_speller_loaded(sp));
    for (size_t i = 0; i < COUNT_OF(words); i++) /* and Hunspell agrees */
        assert_int_equal(mtl_speller_hunspell(sp, words[i], strlen(words[i])),
                         mtl_speller_check(sp, words[i], strlen(words[i])));
    assert_true(mtl_speller_loaded(sp));
    assert_true(mtl_speller_check(sp, "zqxwy", 5));
    assert_false(mtl_speller_check(sp, "zq'xwy", 6));
    assert_int_equal(mtl_speller_add(sp, "zq'xwy"), 0);
    assert_true(mtl_speller_check(sp, "zq'xwy", 6));
    mtl_speller_close(sp);
}

static void speller_missing_language(void **state)
{
    (void)state;
    mtl_options *o = mtl_options_new();
    assert_int_equal(mtl_options_set(o, "dict-path", "/nonexistent"), 0);
    mtl_speller *sp = NULL;
    char *err = NULL;
    assert_int_equal(mtl_speller_open(o, "xx_YY", &sp, &err), 0);
    assert_null(sp);
    assert_int_equal(mtl_speller_open(o, "../etc", &sp, &err), -1);
    assert_non_null(err);
    free(err);
    mtl_options_free(o);
}

static void *check_many(void *arg)
{
    const mtl_speller *sp = arg;
    static const char *const w[] = {"hostage", "teh", "negotiations", "Gaza"};
    size_t ok = 0;
    for (int i = 0; i < 4000; i++)
        ok += (size_t)mtl_speller_check(sp, w[i % 4], strlen(w[i % 4]));
    return (void *)ok;
}

/* The verdict cache grows from a small table and starts again when full:
 * more distinct Hunspell questions than it ever holds ("word-word-word."
 * goes to Hunspell: a final full stop is its abbreviation rules) get
 * Hunspell's own answers, asked once and asked again. */
static void speller_cache_grows_and_restarts(void **state)
{
    (void)state;
    mtl_speller *sp = open_en();
    static const char *const part[] = {
        "well", "long", "self", "cross", "high", "post", "ever", "over", "low",
        "full", "half", "free", "hand", "time", "war", "peace", "state", "sea",
        "air", "land", "fire", "gold", "iron", "wood", "stone", "glass", "paper",
        "water", "light", "dark", "sun", "moon", "star", "road", "rail", "ship",
        "car", "bus", "map", "book", "word", "text", "song", "film", "art",
        "news", "town", "city", "farm", "bank", "zqxv"};
    enum { N = sizeof part / sizeof *part };
    char w[64];
    size_t asked = 0, known = 0;
    for (int round = 0; round < 2; round++)
        for (size_t a = 0; a < N; a++)
            for (size_t b = 0; b < N; b++)
                for (size_t c = 0; c < 13; c++) {
                    /* a third part varies the words past the cache's size */
                    int len = snprintf(w, sizeof w, "%s-%s-%s.", part[a],
                                       part[b], part[c]);
                    int v = mtl_speller_check(sp, w, (size_t)len);
                    assert_int_equal(v, mtl_speller_hunspell(sp, w, (size_t)len));
                    asked++;
                    known += (size_t)v;
                }
    assert_int_equal(asked, 2 * N * N * 13);
    assert_true(known > asked / 2); /* mostly real parts */
    assert_true(known < asked);     /* "zqxv" is none */
    mtl_speller_close(sp);
}

static void speller_shared_by_threads(void **state)
{
    (void)state;
    mtl_speller *sp = open_en();
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, check_many, sp), 0);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        /* "hostage" and "negotiations" pass, "teh" fails; Gaza maybe */
        assert_true((size_t)r >= 2000 && (size_t)r <= 3000);
    }
    mtl_speller_close(sp);
}

static void speller_filter(void **state)
{
    (void)state;
    mtl_speller *sp = open_en();
    /* without the table: no opinion */
    assert_true(mtl_speller_may_know(sp, "xqzjv", 5));
    assert_int_equal(mtl_speller_use_filter(sp), 0);
    static const char *const words[] = {"hostages", "negotiations", "released",
                                        "stopped", "tried", "unhappiness",
                                        "government", "humanitarian"};
    for (size_t i = 0; i < COUNT_OF(words); i++)
        if (!mtl_speller_may_know(sp, words[i], strlen(words[i])))
            fail_msg("the filter turns away '%s'", words[i]);
    assert_false(mtl_speller_may_know(sp, "xqzjv", 5));
    assert_false(mtl_speller_may_know(sp, "hostagqxes", 10));
    assert_true(mtl_speller_may_know(sp, "caf\xC3\xA9", 5)); /* not judged */
    size_t lo, hi;
    /* an unknown run near the end: only edits there can help */
    assert_true(mtl_speller_slip_range(sp, "negotiatioqx", 12, &lo, &hi));
    assert_true(lo >= 5 && hi >= 11);
    /* unknown runs at both ends: no one edit fixes both */
    assert_false(mtl_speller_slip_range(sp, "qxnegotiatioqx", 14, &lo, &hi));
    mtl_speller_add(sp, "xqzjv");
    assert_true(mtl_speller_may_know(sp, "xqzjv", 5));
    mtl_speller_close(sp);
}

/* The analysis that rules read: verdicts per word and case. */
/* Every word of text s[0..n) (letters and apostrophes), as written and in
 * lower case, with a capital and in capitals: the compiled verdicts
 * (forms.h) must be Hunspell's own. Returns the words compared. */
static size_t compare_words(const mtl_speller *sp, const char *s, size_t n,
                            mtl_wordset *seen)
{
    size_t compared = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && ((unsigned)(((unsigned char)s[j] | 32) - 'a') < 26u ||
                         (s[j] == '\'' && j > i) ||
                         (j > i && j + 2 < n &&
                          !memcmp(s + j, "\xE2\x80\x99", 3))))
            j += s[j] == '\xE2' ? 3 : 1;
        if (j == i) {
            i++;
            continue;
        }
        char w[4][128];
        size_t k = j - i < sizeof w[0] - 1 ? j - i : 0;
        int letters_only = 1;
        for (size_t c = i; c < j; c++)
            letters_only &= (unsigned)(((unsigned char)s[c] | 32) - 'a') < 26u;
        if (seen && k && letters_only && mtl_wordset_may_have(seen, s + i, k))
            k = 0; /* each letter word once */
        if (seen && k)
            assert_int_equal(mtl_wordset_add(seen, s + i, k), 0);
        for (size_t v = 0; k && v < 4; v++) {
            for (size_t c = 0; c < k; c++) {
                char ch = s[i + c];
                if (v == 1 || (v == 2 && c > 0))
                    ch = (char)(ch >= 'A' && ch <= 'Z' ? ch | 32 : ch);
                if ((v == 2 && c == 0) || v == 3)
                    ch = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
                w[v][c] = ch;
            }
            if (mtl_speller_check(sp, w[v], k) !=
                mtl_speller_hunspell(sp, w[v], k))
                fail_msg("compiled and Hunspell disagree on '%.*s'", (int)k,
                         w[v]);
            compared++;
            /* and on the stems of lower-case words in -s */
            if (v == 1 && letters_only && w[v][k - 1] == 's') {
                w[v][k] = '\0';
                if (mtl_speller_s_stems(sp, w[v]) !=
                    mtl_speller_hunspell_s_stems(sp, w[v]))
                    fail_msg("compiled and Hunspell stems differ for '%s'",
                             w[v]);
            }
        }
        i = j;
    }
    return compared;
}

/* The files of tests/clean/texts (each genre's folder), then the article. */
static size_t compare_corpus(const mtl_speller *sp)
{
    size_t compared = 0, len;
    mtl_wordset *seen = mtl_wordset_new();
    assert_non_null(seen);
    char *text = read_article(&len);
    compared += compare_words(sp, text, len, seen);
    free(text);
    const char *root = getenv("MTLINT_SOURCE_ROOT");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/clean/texts", root ? root : ".");
    DIR *top = opendir(dir);
    for (struct dirent *g; top && (g = readdir(top));) {
        if (g->d_name[0] == '.')
            continue;
        char sub[4200];
        snprintf(sub, sizeof sub, "tests/clean/texts/%s", g->d_name);
        char full[8400];
        snprintf(full, sizeof full, "%s/%s", dir, g->d_name);
        DIR *d = opendir(full);
        for (struct dirent *e; d && (e = readdir(d));) {
            if (e->d_name[0] == '.')
                continue;
            char rel[8600];
            snprintf(rel, sizeof rel, "%s/%s", sub, e->d_name);
            text = read_source_file(rel, &len);
            compared += compare_words(sp, text, len, seen);
            free(text);
        }
        if (d)
            closedir(d);
    }
    if (top)
        closedir(top);
    mtl_wordset_free(seen);
    return compared;
}

static void compiled_verdicts_are_hunspells(void **state)
{
    (void)state;
    static const char *const langs[] = {"en_US", "en_GB"};
    size_t tried = 0;
    for (size_t l = 0; l < COUNT_OF(langs); l++) {
        mtl_options *o = mtl_options_new();
        mtl_speller *sp = NULL;
        char *err = NULL;
        assert_int_equal(mtl_speller_open(o, langs[l], &sp, &err), 0);
        mtl_options_free(o);
        if (!sp || !mtl_speller_compiled(sp)) {
            mtl_speller_close(sp);
            continue;
        }
        tried++;
        static const char *const tricky[] = {
            "colour", "Colour", "COLOUR", "paris", "Paris", "PARIS", "nasa",
            "NASA", "Nasa", "McDonald", "mcdonald", "iPhone", "I", "i", "a",
            "A", "ok", "OK", "lockdowns", "Lockdowns", "teh", "xqzjv",
            /* stems of words in -s */
            "news", "buildings", "cities", "buses", "physics", "series",
            "qzxvs", "says", "goes",
            /* apostrophes: possessives, contractions, elisions */
            "it's", "It's", "IT'S", "hostages'", "'tis", "'Tis", "o'clock",
            "O'Clock", "O'CLOCK", "don't", "DON'T", "Don't", "Blinken's",
            "BLINKEN'S", "rock'n'roll", "ma'am", "'em", "O'Brien",
            "o'brien", "O'BRIEN", "y'all", "'s", "it\xE2\x80\x99s",
            "It\xE2\x80\x99s", "DON\xE2\x80\x99T", "Japan\xE2\x80\x99s",
            "hostages\xE2\x80\x99", "\xE2\x80\x99tis", "caf\xC3\xA9"};
        for (size_t i = 0; i < COUNT_OF(tricky); i++) {
            size_t n = strlen(tricky[i]);
            compare_words(sp, tricky[i], n, NULL);
            if (mtl_speller_check(sp, tricky[i], n) !=
                mtl_speller_hunspell(sp, tricky[i], n))
                fail_msg("compiled and Hunspell disagree on '%s'", tricky[i]);
        }
        assert_true(compare_corpus(sp) > 100000);
        if (l == 0) { /* the word list compiled in, and one that is not */
            char *path = NULL;
            const char *root = getenv("MTLINT_SOURCE_ROOT");
            mtl_sb sb = {0};
            mtl_sb_printf(&sb, "%s/dicts/news-words.txt", root ? root : ".");
            path = mtl_sb_take(&sb);
            assert_int_equal(mtl_speller_add_file(sp, path), 0);
            free(path);
            /* the stems were compiled with the list: now they are used */
            assert_true(compare_corpus(sp) > 100000);
            assert_int_equal(mtl_speller_add(sp, "Blinken"), 0);
            assert_true(mtl_speller_check(sp, "Blinken", 7));
            assert_true(mtl_speller_check(sp, "lockdowns", 9));
            compare_words(sp, "Blinken BLINKEN blinken ok OK Ok lockdown",
                          41, NULL);
            /* an added word leaves words with apostrophes to the
             * compiled verdicts: still Hunspell's own */
            compare_words(sp, "Blinken's BLINKEN'S blinken's Blinken' it's",
                          43, NULL);
            assert_true(compare_corpus(sp) > 100000);
        }
        mtl_speller_close(sp);
    }
    if (!tried)
        skip(); /* no compiled dictionary in this build */
}

/* Words of every kind the compiled dictionary judges as Hunspell does
 * (forms.h): capitals inside, capitals, hyphens (inside, leading,
 * trailing, doubled, many), letters beyond ASCII, apostrophes, numbers, and
 * characters no form holds. */
static const char *const hard_words[] = {
    /* capitals inside */
    "iPhone", "McDonald", "McDonald's", "Mcdonald", "MCDONALD", "PhD",
    "PhDs", "DNA's", "UK's", "mRNA", "tRNA", "PoLS", "O'Brien", "O'BRIEN",
    "o'Brien", "'Tis", "YouTube", "JavaScript", "eBay", "MacBook", "NaN",
    "McNamara", "iOS", "reMcDonald", "McDonaldS",
    /* capitals */
    "NASA", "NASA'S", "NATO", "DON'T", "IT'S", "COVID", "WELL-BEING",
    "STATE-OF-THE-ART",
    /* hyphens */
    "well-being", "Well-being", "Well-Being", "state-of-the-art",
    "long-term", "long-zqxv", "zqxv-term", "-term", "term-", "--term",
    "term--", "long--term", "-", "--", "a-b-c-d-e-f-g-h-i-j-k",
    "a-b-c-d-e-f-g-h-i", "re-enter", "A-bomb", "x-ray", "X-Ray", "e-mail",
    "proteorhodopsin-based", "VBM-based", "ParB-DNA", "tRNA-mRNA",
    "COVID-19", "Covid-19", "2023-24", "1-2", "-1", "1-",
    "papier-mâché", "café-bar", "Blinken's-style", "self-",
    /* letters beyond ASCII */
    "café", "Café", "CAFÉ", "naïve", "Naïve", "NAÏVE", "Zürich", "ZÜRICH",
    "Gómez", "François", "Étienne", "abbé", "Abbé", "ABBÉ", "résumé",
    "Erdoğan", "Łódź", "Schildkrötenhügel", "São", "Ångström",
    /* apostrophes, straight and U+2019 */
    "it's", "It's", "don't", "'tis", "o'clock", "O'Clock", "rock'n'roll",
    "it\xE2\x80\x99s", "DON\xE2\x80\x99T", "O\xE2\x80\x99" "Brien",
    "hostages'", "'em", "y'all",
    /* characters no English form holds */
    "\xEF\xAC\x81rst", "signi\xEF\xAC\x81" "cant", "\xE1\xBA\x91i",
    "Schlei\xC3\x9F" "heim",
    "SeaWorld\xE2\x99\x80s", "@includedir", "Ho\xCC\x82ng", "TNF-\xE1\xBA\x91",
    /* ASCII marks */
    "gradle-experimental.jar", "falcot-data.desktop", "authorized_keys",
    "e.g", "a.m", "U.S", "and/or", "AT&T", "#hashtag",
    /* numbers, and words with digits Hunspell may read as compounds of
     * numbers, or with a final full stop, or Hunspell's break pattern "-$"
     * spelt out (left to it: the last six) */
    "1,000", "3.5", "21st", "1990s", "mid-1990s", "etc.", "a.m.",
    "year--$25"};
enum { HUNSPELLS_OWN = 6 };

/* Opens lang with the word lists the spell analysis adds to en_US. */
static mtl_speller *open_as_linted(const char *lang)
{
    mtl_options *o = mtl_options_new();
    mtl_speller *sp = NULL;
    char *err = NULL;
    assert_int_equal(mtl_speller_open(o, lang, &sp, &err), 0);
    mtl_options_free(o);
    if (!sp || !mtl_speller_compiled(sp)) {
        mtl_speller_close(sp);
        return NULL;
    }
    static const char *const lists[] = {"news-words.txt", "software-words.txt"};
    const char *root = getenv("MTLINT_SOURCE_ROOT");
    for (size_t i = 0; !strcmp(lang, "en_US") && i < COUNT_OF(lists); i++) {
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "%s/dicts/%s", root ? root : ".", lists[i]);
        char *path = mtl_sb_take(&sb);
        assert_int_equal(mtl_speller_add_file(sp, path), 0);
        free(path);
    }
    return sp;
}

static void hard_words_are_hunspells(void **state)
{
    (void)state;
    static const char *const langs[] = {"en_US", "en_GB"};
    size_t tried = 0;
    for (size_t l = 0; l < COUNT_OF(langs); l++) {
        mtl_speller *sp = open_as_linted(langs[l]);
        if (!sp)
            continue;
        tried++;
        int v[COUNT_OF(hard_words)];
        /* stems of words in -s with marks no form holds */
        static const char *const s_words[] = {"authorized_keys", "a@bs",
                                              "news", "cities"};
        unsigned stems[COUNT_OF(s_words)];
        for (size_t i = 0; i < COUNT_OF(s_words); i++)
            stems[i] = mtl_speller_s_stems(sp, s_words[i]);
        /* decided without Hunspell */
        for (size_t i = 0; i < COUNT_OF(hard_words) - HUNSPELLS_OWN; i++) {
            const char *w = hard_words[i];
            v[i] = mtl_speller_check(sp, w, strlen(w));
            if (mtl_speller_loaded(sp))
                fail_msg("%s: '%s' loaded Hunspell", langs[l], w);
        }
        /* and Hunspell agrees on every one */
        for (size_t i = 0; i < COUNT_OF(hard_words); i++) {
            const char *w = hard_words[i];
            size_t n = strlen(w);
            if (i >= COUNT_OF(hard_words) - HUNSPELLS_OWN)
                v[i] = mtl_speller_check(sp, w, n);
            if (v[i] != mtl_speller_hunspell(sp, w, n))
                fail_msg("%s: compiled and Hunspell disagree on '%s'",
                         langs[l], w);
        }
        for (size_t i = 0; i < COUNT_OF(s_words); i++)
            assert_int_equal(stems[i],
                             mtl_speller_hunspell_s_stems(sp, s_words[i]));
        assert_true(mtl_speller_loaded(sp));
        mtl_speller_close(sp);
    }
    if (!tried)
        skip(); /* no compiled dictionary in this build */
}

/* The spell analysis's shared dictionaries, or a skipped test without
 * them. */
static void *load_spell(void)
{
    mtl_options *o = mtl_options_new();
    void *shared = NULL;
    char *notice = NULL, *err = NULL;
    assert_int_equal(mtl_analysis_spell.load(o, &shared, &notice, &err), 0);
    mtl_options_free(o);
    if (!shared) {
        free(notice);
        skip();
    }
    return shared;
}

/* The spell analysis of a text full of such words asks both dictionaries
 * about every word, and neither loads Hunspell. */
static void spell_loads_no_hunspell(void **state)
{
    (void)state;
    void *shared = load_spell();
    fixture f;
    build(&f, "Erdo\xC4\x9F" "an and McDonald\xE2\x80\x99s chief met at the "
              "caf\xC3\xA9 in Z\xC3\xBCrich: a state-of-the-art, well-being "
              "deal for iPhone users, O'Brien said. The PhD student's "
              "re-enter key, NASA's long-term plan and Gomez's naïve "
              "self-driving x-ray were vim and dpkg topics. Teh colour.");
    assert_int_equal(mtl_analysis_spell.run(&f.doc, shared), 0);
    const mtl_spell *sp = f.an.spell;
    if (mtl_speller_compiled(sp->speller)) {
        assert_false(mtl_speller_loaded(sp->speller));
        if (mtl_spell_other(sp))
            assert_false(mtl_speller_loaded(mtl_spell_other(sp)));
    }
    mtl_analysis_spell.release(&f.doc);
    teardown(&f);
    mtl_analysis_spell.unload(shared);
}

static void spell_verdicts(void **state)
{
    (void)state;
    void *shared = load_spell();
    fixture f;
    build(&f, "Teh NATO talks in Israel: israel, Hamas’s naïve teh NAATO x2.");
    assert_int_equal(mtl_analysis_spell.run(&f.doc, shared), 0);
    int want[] = {0, 1, 1, 1, 1, 0, 1, 1, 0, 0};
    size_t k = 0;
    for (size_t i = 0; i < f.doc.n_tokens; i++) {
        if (f.doc.tokens[i].kind != MTL_TOK_WORD)
            continue;
        assert_true(k < COUNT_OF(want));
        if (mtl_spell_accepts(&f.doc, i) != want[k])
            fail_msg("word %zu: '%s'", k,
                     mtl_tok_norm(&f.doc, &f.doc.tokens[i]));
        k++;
    }
    assert_int_equal(k, COUNT_OF(want));
    mtl_analysis_spell.release(&f.doc);
    assert_null(f.an.spell);
    teardown(&f);
    mtl_analysis_spell.unload(shared);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_fold_case_and_apostrophes),
        cmocka_unit_test(occurrences_are_in_text_order),
        cmocka_unit_test(non_words_have_no_entry),
        cmocka_unit_test(many_distinct_words),
        cmocka_unit_test(empty_document),
        cmocka_unit_test(speller_checks_and_suggests),
        cmocka_unit_test(speller_stems),
        cmocka_unit_test(speller_adds_words),
        cmocka_unit_test(added_words_leave_apostrophes_compiled),
        cmocka_unit_test(speller_missing_language),
        cmocka_unit_test(speller_cache_grows_and_restarts),
        cmocka_unit_test(speller_shared_by_threads),
        cmocka_unit_test(speller_filter),
        cmocka_unit_test(spell_verdicts),
        cmocka_unit_test(compiled_verdicts_are_hunspells),
        cmocka_unit_test(hard_words_are_hunspells),
        cmocka_unit_test(spell_loads_no_hunspell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
