/*
 * Names of languages in English ("French", "Nepali"), for rules that read
 * a word as cited rather than used: "called chat in French", "Moscow
 * (Russian: Москва)".
 */
#ifndef MTL_LANGNAMES_H
#define MTL_LANGNAMES_H

/* Is the normal form (lower case) the English name of a language? */
int mtl_is_language_name(const char *norm);

#endif
