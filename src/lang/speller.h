/*
 * Hunspell dictionaries (the spell analysis that uses them is spell.h).
 *
 * Threads: a linter is shared by threads, and Hunspell does not promise that
 * one handle may be used by two threads at once (spell and suggest use
 * scratch buffers inside the handle). Each speller holds one handle behind
 * its own mutex, which costs little because callers look each distinct word
 * of a document up once, not each occurrence; a handle per thread would
 * cost its load time (0.1 s, megabytes) per thread. Two things keep most
 * checks away from Hunspell (microseconds a call): the dictionary's
 * expanded forms (wordset.h), read-only, which reject non-words without the
 * lock, and a bounded cache of Hunspell's verdicts for the linter's
 * lifetime, under the mutex.
 */
#ifndef MTL_SPELLER_H
#define MTL_SPELLER_H

#include "mtlint.h"

#include <stddef.h>
#include <stdint.h>

/* Hunspell rejects longer words anyway (its limit is 100 bytes). */
#define MTL_SPELLER_MAX_WORD 96

typedef struct mtl_speller mtl_speller;

/*
 * Opens the dictionary for lang ("en_US", "de_DE"; "en-GB" works too),
 * searching the "dict-path" option's entries (directories, or the .dic file
 * itself), $DICPATH, and the system's hunspell and myspell directories.
 * Returns 0 with *out NULL when no such dictionary is installed, 0 with *out
 * set, or -1 with a malloc'd *error.
 */
int mtl_speller_open(const mtl_options *opts, const char *lang,
                     mtl_speller **out, char **error);
void mtl_speller_close(mtl_speller *sp);
/* The .dic file mtl_speller_open would read (malloc'd), or NULL. */
char *mtl_speller_locate(const mtl_options *opts, const char *lang);

/* Adds a word, or the words of a file (one a line, '#' starts a comment).
 * Only while the speller is not yet shared. Return 0, or -1. */
int mtl_speller_add(mtl_speller *sp, const char *word);
int mtl_speller_add_file(mtl_speller *sp, const char *path);

/* 1 if the dictionary accepts the UTF-8 word s[0..n), else 0. */
int mtl_speller_check(const mtl_speller *sp, const char *s, size_t n);
/* Builds the table behind mtl_speller_may_know and mtl_speller_slip_range
 * from the dictionary's word list (tens of milliseconds; without it both
 * say "maybe"). Only while the speller is not yet shared. Returns 0, or -1
 * out of memory. */
int mtl_speller_use_filter(mtl_speller *sp);
/* 0 when the word cannot be in the dictionary, because it holds four
 * letters in a row that no dictionary word has; 1 when it may be (then ask
 * mtl_speller_check). Fast: for trying many candidates. */
int mtl_speller_may_know(const mtl_speller *sp, const char *s, size_t n);
/* The same for the start of a word: 0 when no dictionary word begins with
 * the letters s[0..n) as far as four-letter runs tell. */
int mtl_speller_may_begin(const mtl_speller *sp, const char *s, size_t n);
/* Where in s[0..n) one edit could make every run of four letters one the
 * dictionary has: positions [*lo, *hi]. Returns 0 when no one edit can,
 * because unknown runs lie too far apart; then no word is one slip away. */
int mtl_speller_slip_range(const mtl_speller *sp, const char *s, size_t n,
                           size_t *lo, size_t *hi);
/* Hunspell's own verdict, never the compiled one (forms.h): for the
 * compiler and the test that compares them. */
int mtl_speller_hunspell(const mtl_speller *sp, const char *s, size_t n);
/* The words added so far, in the dictionary's encoding. */
size_t mtl_speller_n_added(const mtl_speller *sp);
const char *mtl_speller_added(const mtl_speller *sp, size_t i);
/* The four-letter filter of a .dic file (malloc'd, *len bytes when len is
 * not NULL), or NULL. */
uint8_t *mtl_speller_grams(const char *dic, size_t *len);
/* 1 when the speller answers from a compiled dictionary (forms.h). */
int mtl_speller_compiled(const mtl_speller *sp);
/* 1 once Hunspell itself is loaded (a question the compiled dictionary
 * could not answer). */
int mtl_speller_loaded(const mtl_speller *sp);
/* Hunspell's suggestions for a word, best first: up to max malloc'd strings
 * stored in out. Returns how many. */
size_t mtl_speller_suggest(const mtl_speller *sp, const char *word,
                           char **out, size_t max);

/* Hunspell's stems of a word, the .dic entries it is formed from ("cats"
 * gives "cat", "news" gives "news" and "new"), written into out[0..cap) one
 * after another, each ending in NUL, with an empty string after the last.
 * Returns how many fit. Allocates nothing of its own. */
size_t mtl_speller_stems(const mtl_speller *sp, const char *word, char *out,
                         size_t cap);

/* Which of the bases a word in -s can have ("cats": "cat") are among
 * Hunspell's stems of it: what tells a regular plural or a verb in -s from
 * an entry of its own ("news"). */
enum {
    MTL_STEM_SELF = 1,   /* the word itself: "news" */
    MTL_STEM_S = 2,      /* less -s: "cat" */
    MTL_STEM_ES = 4,     /* less -es: "bus" of "buses" */
    MTL_STEM_IES = 8,    /* -y for -ies: "city" of "cities" */
    MTL_STEM_INGS = 16,  /* less -ings: "build" of "buildings" */
    MTL_STEM_INGS_E = 32 /* -e for -ings: "issue" of "issuings" */
};
/* The MTL_STEM_* bits of a lower-case word ending in -s (0 for any other
 * word): from the compiled dictionary when it has them, which loads no
 * Hunspell, else from Hunspell's stems. */
unsigned mtl_speller_s_stems(const mtl_speller *sp, const char *word);
/* The same from Hunspell alone: for the compiler and the test that
 * compares them. */
unsigned mtl_speller_hunspell_s_stems(const mtl_speller *sp,
                                      const char *word);

#endif
