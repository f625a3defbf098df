/* Baselines: today's findings recorded, so that CI reports only new ones. */
#ifndef MTL_BASELINE_H
#define MTL_BASELINE_H

#include "cli.h"

#include <stdint.h>

/* A fingerprint of a finding that survives edits elsewhere in the file: the
 * rule, the file, the flagged text and a few words of context on each side,
 * with white space folded (so re-wrapping a paragraph does not change it).
 * Line numbers are not part of it. Baselines match on it, and SARIF gives
 * it as the result's partialFingerprints for code scanning. */
uint64_t finding_fingerprint(const input *in, const mtl_finding *f);

typedef struct baseline baseline;

/* Reads a baseline file; NULL with *error (malloc'd; NULL when out of
 * memory) on failure. */
baseline *baseline_load(const char *path, char **error);
/* Removes the findings of in->result that the baseline covers. Each entry
 * covers one finding, so a second copy of a known artifact is new. The file
 * goes by its path from the baseline file's directory, however in->path
 * spells it. */
void baseline_filter(baseline *b, input *in);
/* Which of the n findings f of in (in->result is not read) entries not
 * yet taken cover: covered[i] is 1 for each, and its entry is taken, as
 * baseline_filter takes them. The file is named as baseline_filter names
 * it, from in->path (or in->name for standard input). */
void baseline_covers(baseline *b, const input *in, const mtl_finding *f,
                     size_t n, unsigned char *covered);
/* Makes every entry available again, for a server that lints the same
 * file over and over. */
void baseline_rewind(baseline *b);
void baseline_free(baseline *b);

/* Adds one finding to the baseline file at path, creating it (with its
 * first line) if it does not exist; the file is named by its path from the
 * baseline file's directory, as baseline_covers names it. Returns 0, or -1
 * with *error. */
int baseline_append(const char *path, const input *in, const mtl_finding *f,
                    char **error);

/* Writes findings as a baseline, one line each, files named by their path
 * from the baseline file's directory. */
typedef struct baseline_writer baseline_writer;
baseline_writer *baseline_writer_open(const char *path, char **error);
void baseline_writer_add(baseline_writer *w, const input *in);
/* Returns 0, or -1 with *error when the file could not be written. */
int baseline_writer_close(baseline_writer *w, char **error);

#endif
