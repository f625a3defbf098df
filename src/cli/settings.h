/* Which settings hold for each file: defaults, then the .mtlint.ini files
 * from the farthest to the nearest, then the command line. Files with the
 * same settings share one linter. */
#ifndef MTL_SETTINGS_H
#define MTL_SETTINGS_H

#include "mtlint.h"

typedef struct linter_cache linter_cache;

/* cli: the options the command line gave (kept, not copied). config_file:
 * --config FILE (the only config used), or NULL. no_config: --no-config. */
linter_cache *linter_cache_new(const mtl_options *cli, const char *config_file,
                               int no_config);
/* The linter for path. Sets *ignored when a config's ignore globs match.
 * Returns NULL with a malloc'd *error for a bad config or a linter that
 * cannot start. Notices of new linters are printed once on stderr. */
const mtl_linter *linter_cache_get(linter_cache *c, const char *path,
                                   int *ignored, char **error);
/* The options a file's linter is built from (its .mtlint.ini files, then
 * the command line's), malloc'd; NULL with *error as linter_cache_get. */
mtl_options *linter_cache_options(linter_cache *c, const char *path,
                                  int *ignored, char **error);
void linter_cache_free(linter_cache *c);

#endif
