/*
 * mtlint — a linter for English text that went through machine translation.
 *
 * This is the whole public API. A linter is built once from options and is
 * then read-only: any number of threads may lint with the same linter at
 * once. Each call to mtl_lint() returns its own result, owned by the caller.
 *
 * Positions: every finding carries the byte offset and length of its span in
 * the buffer that was linted, plus 1-based line and column numbers (columns in
 * Unicode code points and in bytes); end positions are exclusive.
 */
#ifndef MTLINT_H
#define MTLINT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MTLINT_VERSION "0.1.0"

typedef enum mtl_severity {
    MTL_OFF = 0,
    MTL_NOTE = 1,
    MTL_WARNING = 2,
    MTL_ERROR = 3
} mtl_severity;

/* "off", "note", "warning", "error" (also "info"/"warn"); -1 if unknown. */
int mtl_severity_parse(const char *name);
const char *mtl_severity_name(mtl_severity s);

/* The rule catalogue, in table order. */
typedef struct mtl_rule_info {
    const char *id;       /* stable kebab-case id, e.g. "repeated-word" */
    const char *summary;  /* one line, lower case, no final full stop */
    mtl_severity default_severity;
} mtl_rule_info;

size_t mtl_rule_count(void);
const mtl_rule_info *mtl_rule_at(size_t index);
/* Index of a rule id, or -1. */
int mtl_rule_find(const char *id);

/* Options: a builder that mtl_linter_new() reads; it may be freed after. */
typedef struct mtl_options mtl_options;

mtl_options *mtl_options_new(void);
void mtl_options_free(mtl_options *opts);
/* MTL_OFF disables the rule. Returns 0, or -1 for an unknown rule id. */
int mtl_options_set_severity(mtl_options *opts, const char *rule, mtl_severity s);
/*
 * Named settings for rules that need resources ("dict-path", "lang", "words",
 * "lm", "data-dir", "input"...). Repeating a list-valued key appends.
 * Returns 0, or -1 for an unknown key.
 */
int mtl_options_set(mtl_options *opts, const char *key, const char *value);

/* Applies src over dst: severities src sets win; single-valued keys src
 * sets replace dst's, list keys are appended. Returns 0, or -1 when out of
 * memory. */
int mtl_options_merge(mtl_options *dst, const mtl_options *src);
/* A deep copy (NULL when out of memory). */
mtl_options *mtl_options_copy(const mtl_options *opts);
/* A string that is equal for two option sets exactly when they would build
 * the same linter (malloc'd; NULL when out of memory). */
char *mtl_options_key(const mtl_options *opts);

/*
 * Configuration files (.mtlint.ini). mtl_config_find lists the files that
 * govern `path` ("-" for standard input: the working directory), farthest
 * first: from the file's directory up to the root, stopping at one that says
 * `root = true`; NULL-terminated and malloc'd (free with
 * mtl_config_paths_free), or NULL when out of memory.
 * mtl_config_apply applies one file's settings that hold for `path` to opts;
 * *ignored is set to 1 if the file's ignore globs match path, *root to its
 * root setting (either may be NULL). Returns 0, or -1 with a malloc'd
 * "FILE:LINE: message" in *error.
 */
char **mtl_config_find(const char *path);
void mtl_config_paths_free(char **paths);
int mtl_config_apply(const char *config, const char *path, mtl_options *opts,
                     int *ignored, int *root, char **error);

typedef struct mtl_linter mtl_linter;

/*
 * Builds a linter. On failure returns NULL and, if error is not NULL, stores
 * a malloc'd message there that the caller frees.
 */
mtl_linter *mtl_linter_new(const mtl_options *opts, char **error);
void mtl_linter_free(mtl_linter *linter);
/* Lines a linter wants said once on stderr (for example "language model
 * not found: LM rules are off"); NULL-terminated, owned by the linter. */
const char *const *mtl_linter_notices(const mtl_linter *linter);
/* The index-th line naming a resource the linter loaded (for example
 * "language model: en-us.ngram: ..."), or NULL past the last one. */
const char *mtl_linter_resource(const mtl_linter *linter, size_t index);
/* Severity in force for a rule index (after options). */
mtl_severity mtl_linter_severity(const mtl_linter *linter, size_t rule_index);

typedef struct mtl_finding {
    const char *rule;         /* rule id (static) */
    mtl_severity severity;
    size_t offset, length;    /* bytes in the linted buffer */
    size_t line, column;      /* 1-based; column in code points */
    size_t end_line, end_column;        /* exclusive end, code points */
    size_t column_byte, end_column_byte; /* the same columns in bytes */
    char *message;            /* UTF-8, one line */
    char **suggestions;       /* replacements for the span */
    size_t n_suggestions;
} mtl_finding;

typedef struct mtl_result mtl_result;

typedef enum mtl_input_kind {
    MTL_INPUT_AUTO = 0,   /* by the display name's extension */
    MTL_INPUT_TEXT,
    MTL_INPUT_MARKDOWN
} mtl_input_kind;

/*
 * Lints len bytes (any bytes: invalid UTF-8 and NULs give findings, not
 * errors). name is the display name, used for the input kind and messages.
 * Returns 0 and a result in *out, or -1 (out of memory, input over 4 GiB)
 * with *out NULL.
 */
int mtl_lint(const mtl_linter *linter, const char *bytes, size_t len,
             const char *name, mtl_result **out);

size_t mtl_result_count(const mtl_result *result);
const mtl_finding *mtl_result_at(const mtl_result *result, size_t index);
/* Removes the findings i for which remove[i] is non-zero (keeping order). */
void mtl_result_remove(mtl_result *result, const unsigned char *remove);
void mtl_result_free(mtl_result *result);

#ifdef __cplusplus
}
#endif

#endif
