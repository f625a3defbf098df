/* The command line: what main.c, inputs.c and report.c share. */
#ifndef MTL_CLI_H
#define MTL_CLI_H

#include "mtlint.h"

#include <stdio.h>

typedef enum out_format { FMT_GNU, FMT_PRETTY, FMT_JSON, FMT_SARIF } out_format;

typedef struct cli_config {
    out_format format;
    int format_set;
    int column_bytes;      /* --column-unit=byte */
    int color;             /* pretty output in colour */
    int fail_level;        /* lowest severity that fails; MTL_OFF = never */
    int jobs;
    const char *stdin_name;
    const char *config_file;   /* --config */
    int no_config;             /* --no-config */
    const char *baseline;      /* --baseline */
    const char *write_baseline; /* --write-baseline */
    int lsp;                   /* --lsp: a language server, no files */
    char **paths;
    size_t n_paths;
} cli_config;

/* One input file, read whole. */
typedef struct input {
    char *path;       /* as given or found in a directory; "-" for stdin */
    char *name;       /* display name */
    char *data;       /* contents (NULL when unreadable) */
    size_t len;
    char *error;      /* why it cannot be linted, or NULL */
    mtl_result *result;
    int lint_failed;
    int named;        /* named on the command line (not found in a directory) */
    int ignored;      /* a config's ignore globs match it: not linted */
    const mtl_linter *linter; /* the linter for its settings */
} input;

/* Expands the command-line paths into files (directories recurse into
 * *.txt and Markdown files, sorted). Errors for paths that do not exist are recorded
 * as inputs with .error set, in order. Returns 0, or -1 out of memory. */
int inputs_expand(char *const *paths, size_t n, const char *stdin_name,
                  input **out, size_t *n_out);
/* Reads one input's bytes; sets in->error on failure. */
void input_read(input *in);
void input_release(input *in);

/* The arguments (usage errors exit with status 2; --help, --version and
 * --list-rules print and exit). */
void parse_args(int argc, char **argv, cli_config *cfg, mtl_options *opts);

/* Linting inputs on threads, handed to the caller in input order (jobs.c).
 * jobs_wait(i) returns once input i is linted; jobs_done(i) says it is
 * reported and released, so workers may move on (stop: lint no more). */
typedef struct jobs jobs;
int cpu_count(void);
jobs *jobs_start(input *inputs, size_t n, int threads);
void jobs_wait(jobs *j, size_t i);
void jobs_done(jobs *j, size_t i, int stop);
void jobs_finish(jobs *j);

typedef struct reporter reporter;

reporter *reporter_new(const cli_config *cfg, FILE *out);
void reporter_begin(reporter *r);
/* Reports one file's findings. Returns 0, or the errno of a failed write. */
int reporter_file(reporter *r, const input *in);
/* Writes the trailer (SARIF) and flushes; returns 0 or an errno. */
int reporter_end(reporter *r);
void reporter_free(reporter *r);

/* Writes s as a JSON string literal (with quotes). */
void json_string(FILE *out, const char *s, size_t n);

#endif
