/*
 * Every form a Hunspell dictionary can accept for a word of ASCII letters,
 * case-folded: the .dic stems expanded with the .aff prefixes and suffixes.
 * It is a superset (forbidden words, case rules and affix subtleties are
 * ignored, and only fingerprints are kept), so "not in the set" means
 * "Hunspell says no" and costs tens of nanoseconds instead of microseconds;
 * "in the set" still needs Hunspell. Read-only once built.
 */
#ifndef MTL_WORDSET_H
#define MTL_WORDSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct mtl_wordset mtl_wordset;

/* Builds the set from base.aff and base.dic; NULL when out of memory, when
 * a file cannot be read, or when the .aff uses a feature (compounding of
 * letter words, long flags, ignored characters, two-level affixes...) for
 * which expanding the stems would not give a superset. */
mtl_wordset *mtl_wordset_build(const char *aff, const char *dic);
/* Cuts a line of a Hunspell .aff or .dic file into at most max fields
 * separated by white space, in place; returns how many. */
size_t mtl_aff_fields(char *line, char **tok, size_t max);
/* An empty set (a word list's words only); NULL when out of memory. */
mtl_wordset *mtl_wordset_new(void);
void mtl_wordset_free(mtl_wordset *ws);
/* Calls emit with every form the set built from aff and dic would hold, as
 * spelled in the .dic (not folded; repeats included), stopping at the first
 * non-zero return. Returns 0, or -1 where mtl_wordset_build gives NULL. */
typedef int (*mtl_wordset_emit)(void *ctx, const char *s, size_t n);
int mtl_wordset_expand(const char *aff, const char *dic,
                       mtl_wordset_emit emit, void *ctx);
/* Adds one word (a word list's entry). Returns 0, or -1 out of memory. */
int mtl_wordset_add(mtl_wordset *ws, const char *s, size_t n);
/* 0 when s[0..n) is ASCII letters only and no accepted form folds to it:
 * Hunspell rejects it in any case; 1 otherwise (ask Hunspell). */
int mtl_wordset_may_have(const mtl_wordset *ws, const char *s, size_t n);

#endif
