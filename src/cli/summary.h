/* The progress line and the closing summary on a terminal's stderr. */
#ifndef MTL_CLI_SUMMARY_H
#define MTL_CLI_SUMMARY_H

#include "cli.h"

#include <stdio.h>

typedef struct summary summary;

/* NULL (and every call below a no-op) when quiet or err_fd is not a
 * terminal, or when out of memory: the summary is never needed. */
summary *summary_new(FILE *err, int err_fd, size_t n_files, int quiet,
                     int fixing);
/* Erases the progress line; call before writing anything else. */
void summary_clear(summary *s);
/* Erases it if reporting this input will write to the terminal. */
void summary_before(summary *s, const input *in);
/* Counts one input as reported (its findings after the baseline). */
void summary_file(summary *s, const input *in);
/* Draws the progress line, once the run has lasted long enough. */
void summary_progress(summary *s);
/* The closing line. */
void summary_end(summary *s);
void summary_free(summary *s);

#endif
