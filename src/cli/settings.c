#include "settings.h"

#include "mtlint_config.h"

#include "base/buf.h"
#include "base/options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;
    mtl_linter *linter;
} entry;

struct linter_cache {
    const mtl_options *cli;
    const char *config_file;
    int no_config;
    entry *items;
    size_t n, cap;
    char **notices; /* printed already */
    /* The .mtlint.ini files of the last directory asked about: files come
     * directory by directory, and the search up the tree is the same for
     * all of them. */
    char *dir;
    char **dir_configs;
    size_t n_notices, notices_cap;
};

linter_cache *linter_cache_new(const mtl_options *cli, const char *config_file,
                               int no_config)
{
    linter_cache *c = calloc(1, sizeof *c);
    if (c) {
        c->cli = cli;
        c->config_file = config_file;
        c->no_config = no_config;
    }
    return c;
}

static void print_notices(linter_cache *c, const mtl_linter *l)
{
    for (const char *const *n = mtl_linter_notices(l); *n; n++) {
        int seen = 0;
        for (size_t i = 0; i < c->n_notices && !seen; i++)
            seen = strcmp(c->notices[i], *n) == 0;
        if (seen)
            continue;
        fprintf(stderr, "mtlint: %s\n", *n);
        char *copy = strdup(*n);
        if (copy && MTL_PUSH(c->notices, c->n_notices, c->notices_cap, copy) != 0)
            free(copy);
    }
}

/* The config files for path, found once per directory (owned by c). */
static char **configs_for(linter_cache *c, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = strcmp(path, "-") == 0 ? 1 : slash ? (size_t)(slash - path) : 0;
    if (c->dir && strlen(c->dir) == n && strncmp(c->dir, path, n) == 0)
        return c->dir_configs;
    free(c->dir);
    mtl_config_paths_free(c->dir_configs);
    c->dir = strndup(path, n);
    c->dir_configs = c->dir ? mtl_config_find(path) : NULL;
    if (!c->dir_configs) {
        free(c->dir);
        c->dir = NULL;
    }
    return c->dir_configs;
}

mtl_options *linter_cache_options(linter_cache *c, const char *path,
                                  int *ignored, char **error)
{
    *error = NULL;
    *ignored = 0;
    mtl_options *o = mtl_options_new();
    if (!o) {
        *error = strdup("out of memory");
        return NULL;
    }
    char *single[] = {(char *)c->config_file, NULL};
    char **configs = NULL;
    if (c->config_file)
        configs = single;
    else if (!c->no_config && !(configs = configs_for(c, path)))
        *error = strdup("out of memory");
    for (size_t i = 0; configs && configs[i] && !*error; i++)
        mtl_config_apply(configs[i], path, o, ignored, NULL, error);
    if (*error || mtl_options_merge(o, c->cli) != 0) {
        if (!*error)
            *error = strdup("out of memory");
        mtl_options_free(o);
        return NULL;
    }
    return o;
}

/* When the linter cannot start because the dictionary for a config's
 * `lang` is not installed, the error says which config line asks for it:
 * the nearest config that sets lang wins, and the command line over all. */
static void locate_lang_error(linter_cache *c, const char *path,
                              const mtl_options *o, char **error)
{
    const char *lang = mtl_options_get(o, "lang");
    if (!*error || !lang || mtl_options_get(c->cli, "lang"))
        return;
    if (mtl_dictionary_installed(o, lang))
        return;
    char *single[] = {(char *)c->config_file, NULL};
    char **configs = c->config_file ? single
                     : c->no_config ? NULL
                                    : configs_for(c, path);
    size_t n = 0;
    while (configs && configs[n])
        n++;
    for (size_t i = n; i-- > 0;) {
        int line = mtl_config_line_of(configs[i], path, "lang");
        if (line > 0) {
            mtl_sb sb = {0};
            mtl_sb_printf(&sb, "%s:%d: %s", configs[i], line, *error);
            char *located = mtl_sb_take(&sb);
            if (located) {
                free(*error);
                *error = located;
            }
            return;
        }
    }
}

const mtl_linter *linter_cache_get(linter_cache *c, const char *path,
                                   int *ignored, char **error)
{
    mtl_options *o = linter_cache_options(c, path, ignored, error);
    if (!o)
        return NULL;
    char *key = mtl_options_key(o);
    const mtl_linter *found = NULL;
    for (size_t i = 0; key && i < c->n && !found; i++)
        if (strcmp(c->items[i].key, key) == 0)
            found = c->items[i].linter;
    if (!found && key) {
        mtl_linter *l = mtl_linter_new(o, error);
        if (!l)
            locate_lang_error(c, path, o, error);
        entry e = {key, l};
        if (l && MTL_PUSH(c->items, c->n, c->cap, e) == 0) {
            key = NULL; /* owned by the cache now */
            found = l;
            print_notices(c, l);
        } else {
            mtl_linter_free(l);
            if (!*error)
                *error = strdup("out of memory");
        }
    }
    free(key);
    mtl_options_free(o);
    return found;
}

void linter_cache_free(linter_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i].key);
        mtl_linter_free(c->items[i].linter);
    }
    for (size_t i = 0; i < c->n_notices; i++)
        free(c->notices[i]);
    free(c->notices);
    free(c->dir);
    mtl_config_paths_free(c->dir_configs);
    free(c->items);
    free(c);
}
