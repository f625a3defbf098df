/* Linter options as rules and analyses read them (the builder is public in
 * mtlint.h). Keys are fixed: an unknown key is an error where it is set. */
#ifndef MTL_OPTIONS_H
#define MTL_OPTIONS_H

#include "mtlint.h"

/* The value of a single-valued key (the last one set), or NULL. */
const char *mtl_options_get(const mtl_options *opts, const char *key);
/* The n-th value (from 0, in the order set) of a list key, or NULL. */
const char *mtl_options_nth(const mtl_options *opts, const char *key, size_t n);
/* Severity set for a rule index, or -1 if the options do not say. */
int mtl_options_severity(const mtl_options *opts, size_t rule_index);
/* Sets a rule index's severity (-1 unsets it); the caller has checked the
 * index against the catalogue. Returns 0, or -1 when out of memory. */
int mtl_options_put_severity(mtl_options *opts, size_t rule_index, int s);

#endif
