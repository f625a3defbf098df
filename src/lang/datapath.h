/* Where shipped and generated data files (dicts/) are found. */
#ifndef MTL_DATAPATH_H
#define MTL_DATAPATH_H

#include "mtlint.h"

/*
 * Finds the data file `name` (e.g. "tagger-ewt.bin"): in the directory of
 * the "data-dir" option, then $MTLINT_DATA_DIR, then, for a program run from
 * a build tree, that tree's dicts/, and last the installed data directory.
 * Returns a malloc'd path; or NULL with errno 0 when there is none, and
 * NULL with errno ENOMEM when out of memory (which must not pass for "not
 * installed": the rules that need the file would quietly be off).
 */
char *mtl_data_find(const mtl_options *opts, const char *name);

/* The line --version prints for an analysis's resource: "LABEL: PATH", or
 * "LABEL: NAME not found"; the path is the user's own when not NULL.
 * Opens nothing. Malloc'd, NULL when out of memory. */
char *mtl_data_locate(const mtl_options *opts, const char *label,
                      const char *name, const char *user);

#endif
