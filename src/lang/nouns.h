/*
 * English noun number by spelling: the singular a plural noun comes from
 * and the plural of a singular, enough to put one noun in the place of
 * another ("hostages" for "mortgages", "strip" for "sector"). Regular
 * forms only: irregular plurals ("children") are left as they are.
 */
#ifndef MTL_NOUNS_H
#define MTL_NOUNS_H

#include <stddef.h>

/* Nouns longer than this (bytes, with the NUL) are not inflected. */
#define MTL_NOUN_MAX 40

/* The singular of a plural noun ("hostages" -> "hostage", "cities" ->
 * "city"), into out; the word itself when it does not look plural. */
void mtl_noun_singular(const char *w, char out[MTL_NOUN_MAX]);
/* The plural of a singular noun ("city" -> "cities", "box" -> "boxes"). */
void mtl_noun_plural(const char *w, char out[MTL_NOUN_MAX]);
/* Does the noun look plural (its singular differs from it)? */
int mtl_noun_is_plural(const char *w);

#endif
