/*
 * Linting off the main thread, so that the server keeps reading and
 * answering while a document is linted. A worker is one thread taking one
 * job at a time; the main thread hands it a copy of a document's text and
 * is told through a pipe when the result is ready. Workers alone build and
 * hold linters (settings.c's cache: one linter per distinct settings,
 * built once, and again when the settings or the files behind them
 * change: .mtlint.ini files and word lists are looked at before each lint).
 *
 * The rules split in two: the slow ones (lsp_rule_is_slow: those that score
 * with the language model) and the rest, which lint a 5,000-word document
 * several times faster. The server runs one worker for each, so that the
 * fast rules' findings reach the editor without waiting for the slow ones.
 * The fast worker lints with every rule instead (the job's result is then
 * whole) when splitting would change the result: when unused suppressions
 * are reported (each half would call the other half's suppressions
 * unused), or when the slow rules are off anyway.
 */
#ifndef MTL_LSP_WORKER_H
#define MTL_LSP_WORKER_H

#include "mtlint.h"

#include <stdint.h>

typedef struct lsp_job {
    /* what to lint */
    uint64_t serial, rev; /* the document and its revision */
    long version;
    char *path;           /* the file, for its .mtlint.ini ("-": none) */
    char *name;           /* the name mtl_lint reads the input kind from */
    char *text;
    size_t len;
    /* what came of it */
    mtl_result *result;   /* NULL when not linted */
    int whole;            /* result has every rule's findings */
    char *error;          /* why not: a bad .mtlint.ini, a linter that
                             would not start (NULL: out of memory) */
    int ignored;          /* a .mtlint.ini's ignore globs match the file */
} lsp_job;

/* A job for the same text and document (the result not copied); NULL when
 * out of memory. */
lsp_job *lsp_job_copy(const lsp_job *job);
void lsp_job_free(lsp_job *job);

/* Is this rule one of the slow ones? */
int lsp_rule_is_slow(const char *rule);

typedef enum lsp_rules {
    LSP_RULES_FAST, /* all but the slow rules, or all when they cannot split */
    LSP_RULES_SLOW  /* the slow rules only */
} lsp_rules;

typedef struct lsp_worker lsp_worker;

/* A worker for a share of the rules. cli: the command line's options (kept,
 * not copied); config_file and no_config as --config and --no-config.
 * When a job is done, one byte is written to wake_fd. NULL when the thread
 * cannot start. */
lsp_worker *lsp_worker_start(lsp_rules rules, const mtl_options *cli,
                             const char *config_file, int no_config,
                             int wake_fd);
/* New client settings (copied), or NULL to keep them: either way the
 * linters are built again before the next job, as .mtlint.ini files or
 * word lists may have changed. Returns 0, or -1 when out of memory. */
int lsp_worker_configure(lsp_worker *w, const mtl_options *client);
/* 1 while a job is submitted and not yet taken. */
int lsp_worker_busy(lsp_worker *w);
/* Hands a job over (only when not busy). */
void lsp_worker_submit(lsp_worker *w, lsp_job *job);
/* The finished job, or NULL if there is none yet. */
lsp_job *lsp_worker_take(lsp_worker *w);
/* Stops the thread after the job in hand and frees everything. */
void lsp_worker_stop(lsp_worker *w);

#endif
