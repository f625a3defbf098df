/*
 * The words file (--words, the `words` setting): mtl_speller_add_file on a
 * tiny Hunspell dictionary opened afresh for each input, so that no input's
 * words stay for the next. Every line that holds one plain word (ASCII
 * letters, not longer than a dictionary word may be) must then be
 * accepted, through the expanded-forms filter, the verdict cache and
 * Hunspell alike; a word the file does not hold must not be.
 */
#define _GNU_SOURCE /* memmem */
#include "fuzz.h"

#include "base/options.h"
#include "lang/speller.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static mtl_options *opts;
/* Kept open so that Hunspell keeps its UTF-8 tables (it frees them with
 * its last dictionary and builds them again with the next). */
static mtl_speller *keeper;

static void free_state(void)
{
    mtl_speller_close(keeper);
    mtl_options_free(opts);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static const char aff[] = "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n";
    static const char dic[] = "3\nhello\nworld\nnews\n";
    fuzz_write_file("fz_FZ.aff", (const uint8_t *)aff, sizeof aff - 1);
    fuzz_write_file("fz_FZ.dic", (const uint8_t *)dic, sizeof dic - 1);
    opts = mtl_options_new();
    FUZZ_CHECK(opts && mtl_options_set(opts, "dict-path", fuzz_tmpdir()) == 0,
               "no options");
    char *err = NULL;
    FUZZ_CHECK(mtl_speller_open(opts, "fz_FZ", &keeper, &err) == 0 && keeper,
               "cannot open the test dictionary: %s", err ? err : "not found");
    atexit(free_state);
    return 0;
}

/* The line's word when it is one plain word: letters only, after the
 * comment and the blanks around it go. */
static int plain_word(const char *s, size_t n, char *out, size_t cap)
{
    size_t a = 0, e = n;
    const char *hash = memchr(s, '#', n);
    if (hash)
        e = (size_t)(hash - s);
    while (a < e && (s[a] == ' ' || s[a] == '\t'))
        a++;
    while (e > a && strchr(" \t\r", s[e - 1]))
        e--;
    if (e == a || e - a >= cap || e - a > MTL_SPELLER_MAX_WORD)
        return 0;
    for (size_t i = a; i < e; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return 0;
    memcpy(out, s + a, e - a);
    out[e - a] = '\0';
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *path = fuzz_write_file("words.txt", data, size);
    mtl_speller *sp = NULL;
    char *err = NULL;
    FUZZ_CHECK(mtl_speller_open(opts, "fz_FZ", &sp, &err) == 0 && sp,
               "cannot open the test dictionary: %s", err ? err : "not found");
    /* nothing is asked before the words are added: a first answer would
     * make the add clear the speller's 1.7 MB verdict cache each time */
    int rc = mtl_speller_add_file(sp, path);
    FUZZ_CHECK(rc == 0, "mtl_speller_add_file failed");
    FUZZ_CHECK(mtl_speller_use_filter(sp) == 0, "mtl_speller_use_filter failed");
    for (size_t i = 0; i < size;) {
        const char *eol = memchr(text + i, '\n', size - i);
        size_t n = eol ? (size_t)(eol - (text + i)) : size - i;
        char w[MTL_SPELLER_MAX_WORD + 1];
        /* a NUL ends the line for the reader */
        const char *nul = memchr(text + i, '\0', n);
        size_t k = nul ? (size_t)(nul - (text + i)) : n;
        if (plain_word(text + i, k, w, sizeof w))
            FUZZ_CHECK(mtl_speller_check(sp, w, strlen(w)) == 1,
                       "'%s' from the words file is not accepted", w);
        i += n + 1;
    }
    FUZZ_CHECK(mtl_speller_check(sp, "hello", 5) == 1,
               "a word of the dictionary is lost");
    /* a word the file does not hold stays unknown */
    FUZZ_CHECK(memmem(text, size, "zqxv", 4) || mtl_speller_check(sp, "zqxvjk", 6) == 0,
               "an unknown word is accepted");
    mtl_speller_close(sp);
    return 0;
}
