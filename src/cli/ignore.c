/*
 * .gitignore for directory walks: inside a git work tree, the files git
 * ignores (.gitignore files, .git/info/exclude, core.excludesFile) are not
 * linted when a directory is searched. libgit2 answers, so the rules are
 * git's own (negation, anchoring, directory patterns), not a copy of them.
 */
#include "ignore.h"

#include "base/buf.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct git_ignores {
    git_repository *repo;
    char *prefix;    /* the walked directory relative to the work tree, "" or "docs/" */
    size_t skip;     /* bytes of a walked path before its part under the directory */
};

git_ignores *git_ignores_open(const char *dir)
{
    git_libgit2_init();
    git_ignores *g = calloc(1, sizeof *g);
    char *real = realpath(dir, NULL);
    const char *wd = NULL;
    if (!g || !real || git_repository_open_ext(&g->repo, real, 0, NULL) != 0 ||
        !(wd = git_repository_workdir(g->repo))) {
        /* not in a work tree (or a bare repository): nothing is ignored */
        free(real);
        git_ignores_close(g);
        return NULL;
    }
    size_t wl = strlen(wd); /* ends in '/' */
    mtl_sb sb = {0};
    size_t rl = strlen(real);
    if (rl + 1 >= wl && strncmp(real, wd, wl - 1) == 0) {
        mtl_sb_adds(&sb, real + (rl + 1 > wl ? wl : wl - 1));
        if (sb.len)
            mtl_sb_addc(&sb, '/');
    }
    g->prefix = mtl_sb_take(&sb);
    free(real);
    size_t dl = strlen(dir);
    g->skip = dl && dir[dl - 1] == '/' ? dl : dl + 1;
    if (!g->prefix) {
        git_ignores_close(g);
        return NULL;
    }
    return g;
}

int git_ignores_match(const git_ignores *g, const char *path, int is_dir)
{
    if (!g || strlen(path) < g->skip)
        return 0;
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, g->prefix);
    mtl_sb_adds(&sb, path + g->skip);
    if (is_dir)
        mtl_sb_addc(&sb, '/'); /* "node_modules/" patterns match directories only */
    char *rel = mtl_sb_take(&sb);
    int ignored = 0;
    if (rel && git_ignore_path_is_ignored(&ignored, g->repo, rel) != 0)
        ignored = 0;
    free(rel);
    return ignored;
}

void git_ignores_close(git_ignores *g)
{
    if (g) {
        git_repository_free(g->repo);
        free(g->prefix);
        free(g);
    }
    git_libgit2_shutdown();
}
