/*
 * Helpers for rule tests: lint a string with one rule on, and table-driven
 * must-flag / must-not-flag cases, each case its own cmocka test.
 */
#ifndef MTL_LINT_HELPER_H
#define MTL_LINT_HELPER_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "mtlint.h"

/* Lints text with only `rule` enabled (NULL: every rule at its default).
 * The linter is built at the first call for that rule and kept until the
 * program exits. */
mtl_result *lint_only(const char *rule, const char *text);
const mtl_linter *linter_for(const char *rule);

/* A must-flag case, written with designated initialisers: the rule reports
 * exactly one finding, and its span is the text `flag` (its first
 * occurrence in `text`, or the first after `after` if set); `message` and
 * `suggestion`, when set, must occur in the message and be the first
 * suggestion. */
typedef struct flag_case {
    const char *text;       /* the input */
    const char *flag;       /* the flagged span, as it occurs in text */
    const char *message;    /* substring of the message, or NULL */
    const char *suggestion; /* first suggestion, or NULL */
    const char *after;      /* flag is searched after this text, or NULL */
} flag_case;

/* Runs every case as its own test; returns the number of failed tests. */
int run_rule_cases(const char *group, const char *rule,
                   const flag_case *flags, size_t n_flags,
                   const char *const *clean, size_t n_clean);
/* The same, with each text linted as a file of that name ("test.md" reads
 * it as Markdown); spans are in the text as given. */
int run_rule_cases_as(const char *group, const char *rule, const char *name,
                      const flag_case *flags, size_t n_flags,
                      const char *const *clean, size_t n_clean);
/* lint_only for a file of that name. */
mtl_result *lint_only_as(const char *rule, const char *text, const char *name);

/* A file of the source tree ($MTLINT_SOURCE_ROOT, set by meson test) read
 * whole and NUL-terminated, malloc'd; *len (if not NULL) gets its length.
 * Fails the test when it cannot be read. */
char *read_source_file(const char *relative, size_t *len);
/* The reference article, examples/cnn-blinken-2023-11-06.txt. */
char *read_article(size_t *len);

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

#endif
