/*
 * Linting off the main thread, so that the server keeps reading and
 * answering while a document is linted. One worker thread takes one job at
 * a time; the main thread hands it a copy of a document's text and is told
 * through a pipe when the result is ready. The worker alone builds and
 * holds the linters (settings.c's cache: one linter per distinct settings,
 * built once, and rebuilt when the settings or the files behind them
 * change).
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
    char *error;          /* why not: a bad .mtlint.ini, a linter that
                             would not start (NULL: out of memory) */
    int ignored;          /* a .mtlint.ini's ignore globs match the file */
} lsp_job;

void lsp_job_free(lsp_job *job);

typedef struct lsp_worker lsp_worker;

/* cli: the command line's options (kept, not copied); config_file and
 * no_config as --config and --no-config. When a job is done, one byte is
 * written to wake_fd. NULL when the thread cannot start. */
lsp_worker *lsp_worker_start(const mtl_options *cli, const char *config_file,
                             int no_config, int wake_fd);
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
/* Waits for the submitted job to finish and returns it (NULL when there
 * is none). */
lsp_job *lsp_worker_wait(lsp_worker *w);
/* Stops the thread after the job in hand and frees everything. */
void lsp_worker_stop(lsp_worker *w);

#endif
