/*
 * mtlint configuration files (.mtlint.ini): finding the files that govern a
 * path and applying their settings to options (mtlint.h). Front ends use it
 * to give each file the settings of its directory.
 */
#ifndef MTLINT_CONFIG_H
#define MTLINT_CONFIG_H

#include "mtlint.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * mtl_config_find lists the files that
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
/* The line of config that sets key (a setting such as "lang") for path,
 * the last one if several do; 0 if none does. For errors that come to light
 * when the settings are used (a dictionary that is not installed). */
int mtl_config_line_of(const char *config, const char *path, const char *key);

#ifdef __cplusplus
}
#endif

#endif
