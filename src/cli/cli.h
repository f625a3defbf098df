/* The command line: what main.c, inputs.c and report.c share. */
#ifndef MTL_CLI_H
#define MTL_CLI_H

#include "mtlint.h"

#include <stdint.h>
#include <stdio.h>

typedef enum out_format { FMT_GNU, FMT_PRETTY, FMT_JSON, FMT_SARIF, FMT_GITHUB } out_format;

typedef struct cli_config {
    out_format format;
    int format_set;
    int column_bytes;      /* --column-unit=byte */
    int color;             /* pretty output in colour */
    int fail_level;        /* lowest severity that fails; MTL_OFF = never */
    int jobs;
    size_t max_file_size;      /* --max-file-size, in bytes */
    const char *stdin_name;
    const char *config_file;   /* --config */
    int no_config;             /* --no-config */
    const char *baseline;      /* --baseline */
    const char *write_baseline; /* --write-baseline */
    int stream;                /* --stream: JSON Lines documents on stdin */
    int no_ignore;             /* --no-ignore: walk what git ignores too */
    int fix, fix_dry_run;      /* --fix, --fix --dry-run */
    const char *input_kind;    /* --input: "text", "markdown" or NULL */
    int lsp;                   /* --lsp: a language server, no files */
    int quiet;                 /* --quiet: no progress or summary on stderr */
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
    int settings_error; /* error is about its settings (a config file, a
                           dictionary), not the file: 2 when an earlier input
                           had the same one, so it is printed once */
    mtl_result *result;
    int lint_failed;
    int named;        /* named on the command line (not found in a directory) */
    int ignored;      /* a config's ignore globs match it: not linted */
    const mtl_linter *linter; /* the linter for its settings */
} input;

/* Expands the command-line paths into files (directories recurse into
 * *.txt and Markdown files, sorted, less what git ignores when use_ignore).
 * Errors for paths that do not exist are recorded as inputs with .error
 * set, in order. Returns 0, or -1 out of memory. */
int inputs_expand(char *const *paths, size_t n, const char *stdin_name,
                  int use_ignore, input **out, size_t *n_out);
/* The largest file read unless --max-file-size says otherwise: 32 MiB. A
 * book is 1 to 5 MB of text; linting takes about ten bytes of memory per
 * byte of input (measured on the reference article repeated to 2 MB), so
 * 32 MiB needs some 350 MB besides the linter's resources, and a larger
 * file is more likely a log or a data dump than prose. */
#define MAX_FILE_SIZE_DEFAULT ((size_t)32 << 20)
/* What the library can take: offsets are 32-bit. */
#define MAX_FILE_SIZE_LIMIT ((size_t)UINT32_MAX - 1)

/* Reads one input's bytes, at most max of them; sets in->error on failure
 * (a file larger than max is refused without reading it whole). */
void input_read(input *in, size_t max);
void input_release(input *in);

/* The arguments (usage errors exit with status 2; --help, --version and
 * --list-rules print and exit). */
void parse_args(int argc, char **argv, cli_config *cfg, mtl_options *opts);

/* Linting inputs on threads, handed to the caller in input order (jobs.c).
 * jobs_wait(i) returns once input i is linted; jobs_done(i) says it is
 * reported and released, so workers may move on (stop: lint no more). */
typedef struct jobs jobs;
int cpu_count(void);
jobs *jobs_start(input *inputs, size_t n, int threads, size_t max_size);
void jobs_wait(jobs *j, size_t i);
void jobs_done(jobs *j, size_t i, int stop);
void jobs_finish(jobs *j);

typedef struct reporter reporter;

reporter *reporter_new(const cli_config *cfg, FILE *out);
void reporter_begin(reporter *r);
/* Reports one file's findings. Returns 0, or the errno of a failed write. */
int reporter_file(reporter *r, const input *in);
/* Records a file that could not be linted (SARIF: a notification in the
 * invocation, which is then not successful). */
void reporter_error(reporter *r, const input *in, const char *why);
/* Writes the trailer (SARIF) and flushes; returns 0 or an errno. */
int reporter_end(reporter *r);
void reporter_free(reporter *r);

/* Writes s as a JSON string literal (with quotes). */
void json_string(FILE *out, const char *s, size_t n);
/* Writes a finding's members for --format=json, without the file and the
 * braces: "line":..,"column":..,...,"suggestions":[..]. */
void json_finding_fields(FILE *out, const mtl_finding *f, int column_bytes);

/* --fix (fix.c): applies the mechanical rules' first suggestions to the
 * input's file, or with dry_run writes them to out as a unified diff;
 * removes the fixed findings from in->result. Returns how many were fixed,
 * or -1 after saying on stderr why the file was not fixed. */
int fix_input(input *in, int dry_run, FILE *out);

/* --explain RULE's text, from the rule's documentation in ri (explain.c). */
void rule_doc_print(FILE *out, const mtl_rule_info *ri);

/* One GitHub Actions workflow command for a finding (github.c). */
void github_finding(FILE *out, const char *name, const mtl_finding *f);

/* --stream (stream.c): lints JSON Lines documents from stdin with one
 * linter. Returns the exit status: 0, or 2 when stdin could not be read or
 * stdout written. */
int stream_run(const cli_config *cfg, const mtl_options *opts);
/* The stream on fd linted with l, the output lines written to out (what
 * stream_run does once it has the linter; the fuzz target calls it). */
int stream_serve(const cli_config *cfg, const mtl_linter *l, int fd, FILE *out);

#endif
