/*
 * A compiled Hunspell dictionary, mapped read-only: Hunspell's verdicts on
 * every case-folded form of ASCII letters the dictionary can accept
 * (forms_format.h), made at build time by tools/build_forms. It decides
 * most words a document holds without loading Hunspell, which takes a few
 * hundred milliseconds and tens of megabytes per dictionary; the pages are
 * shared by every process that maps the file.
 */
#ifndef MTL_FORMS_H
#define MTL_FORMS_H

#include <stddef.h>
#include <stdint.h>

typedef struct mtl_forms mtl_forms;

/* Maps path when it was compiled from the dictionary files aff and dic as
 * they are now; NULL otherwise (then ask Hunspell). */
mtl_forms *mtl_forms_open(const char *path, const char *aff, const char *dic);
void mtl_forms_close(mtl_forms *f);

/* Hunspell's verdict on s[0..n), with the compiled-in word list added to
 * the dictionary or not: 1 accepted, 0 rejected, -1 undecided (not only
 * ASCII letters and apostrophes, ' or U+2019, or capitals inside the word:
 * ask Hunspell). */
int mtl_forms_verdict(const mtl_forms *f, const char *s, size_t n,
                      int with_list);
/* 1 when the folded form of the letters s[0..n) is in the file. */
int mtl_forms_has(const mtl_forms *f, const char *s, size_t n);

/* The MTL_STEM_* bits (speller.h) of the lower-case letters s[0..n)
 * ending in -s, with the compiled-in word list added or not; -1 when the
 * file cannot say (then ask Hunspell). */
int mtl_forms_stems(const mtl_forms *f, const char *s, size_t n,
                    int with_list);

/* The four-letter filter built from the .dic alone, len bytes. */
const uint8_t *mtl_forms_grams(const mtl_forms *f, size_t *len);
/* 1 when a word list of this size and FNV-1a 64 was compiled in. */
int mtl_forms_has_list(const mtl_forms *f, uint64_t size, uint64_t sum);

#endif
