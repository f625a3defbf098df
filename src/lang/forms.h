/*
 * A compiled Hunspell dictionary, mapped read-only: Hunspell's verdicts on
 * every case-folded form the dictionary can accept (forms_format.h), made
 * at build time by tools/build_forms. It decides nearly every word a
 * document holds without loading Hunspell, which takes 150 ms of CPU and
 * 21 MB per dictionary; the pages are shared by every process that maps
 * the file. Words with hyphens are judged the way Hunspell breaks them
 * (its default BREAK: "-", "^-", "-$"), each part from the file.
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

/* Hunspell's verdict on s[0..n), with the compiled-in word lists added to
 * the dictionary or not: 1 accepted, 0 rejected, -1 undecided (ask
 * Hunspell): a character mtl_forms_key cannot fold that forms hold,
 * digits in a word that may be a compound of numbers ("21st"), a final
 * full stop. */
int mtl_forms_verdict(const mtl_forms *f, const char *s, size_t n,
                      int with_list);

/* Hunspell's capitalisation types (its captype): no capital, the first
 * letter only, every letter, and capitals inside, with the first letter
 * one of them or not. Characters without case (' - digits) count for
 * none. */
enum { MTL_CASE_NONE, MTL_CASE_INIT, MTL_CASE_ALL, MTL_CASE_HUHINIT,
       MTL_CASE_HUH };
/* The folded (lower-case) form of the UTF-8 word s[0..n) into key[0..cap),
 * and its capitalisation type in *type. Its characters must be printable
 * ASCII (not ^ $ < \), or letters of Latin-1 and Latin Extended-A whose
 * case pair is one to one (not dotless i, long s, sharp s, ...): for
 * those, Hunspell's case mapping is known and never leaves the set. Returns
 * the key's length, or 0 for any other character or when it does not fit. */
size_t mtl_forms_key(const char *s, size_t n, char *key, size_t cap,
                     int *type);
/* A key spelt with its first character (MTL_CASE_INIT) or every character
 * (MTL_CASE_ALL) in capitals, into out[0..cap); the length, or 0. */
size_t mtl_forms_recase(const char *key, size_t n, int how, char *out,
                        size_t cap);
/* 1 when the folded form of the letters s[0..n) is in the file. */
int mtl_forms_has(const mtl_forms *f, const char *s, size_t n);

/* The MTL_STEM_* bits (speller.h) of the lower-case letters s[0..n)
 * ending in -s, with the compiled-in word list added or not; -1 when the
 * file cannot say (then ask Hunspell). */
int mtl_forms_stems(const mtl_forms *f, const char *s, size_t n,
                    int with_list);

/* The four-letter filter built from the .dic alone, len bytes. */
const uint8_t *mtl_forms_grams(const mtl_forms *f, size_t *len);
/* Which of the word lists compiled in has this size and FNV-1a 64, or -1;
 * and how many were. The verdicts with the lists hold when all were
 * added. */
int mtl_forms_list(const mtl_forms *f, uint64_t size, uint64_t sum);
size_t mtl_forms_n_lists(const mtl_forms *f);

#endif
