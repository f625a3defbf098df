/*
 * .gitignore for directory walks: inside a git work tree, the files git
 * ignores (.gitignore files, .git/info/exclude, core.excludesFile) are not
 * linted when a directory is searched. libgit2 answers, so the rules are
 * git's own (negation, anchoring, directory patterns), not a copy of them.
 *
 * libgit2 is opened (dlopen) by the walk that needs it, not linked: with
 * the fourteen libraries it brings (TLS, Kerberos, SSH, PCRE) it was a
 * third of the dynamic loader's work at every start, and most runs name
 * files, not directories.
 */
#include "ignore.h"

#include "base/buf.h"

#include <dlfcn.h>
#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The functions used, as git2.h declares them. */
typedef struct git_api {
    void *so;
    int (*init)(void);
    int (*shutdown)(void);
    int (*open_ext)(git_repository **out, const char *path, unsigned int flags,
                    const char *ceiling_dirs);
    const char *(*workdir)(const git_repository *repo);
    void (*repo_free)(git_repository *repo);
    int (*is_ignored)(int *ignored, git_repository *repo, const char *path);
} git_api;

struct git_ignores {
    git_api git;
    git_repository *repo;
    char *prefix;    /* the walked directory relative to the work tree, "" or "docs/" */
    size_t skip;     /* bytes of a walked path before its part under the directory */
};

/* dlsym returns an object pointer; POSIX guarantees it converts to a
 * function pointer, which ISO C does not say: copy the bytes. */
static int bind(void *so, const char *name, void *fn, size_t size)
{
    void *p = dlsym(so, name);
    if (!p)
        return -1;
    memcpy(fn, &p, size);
    return 0;
}

#define BIND(api, field, name) bind((api)->so, name, &(api)->field, sizeof (api)->field)

/* Opens libgit2 (the version built against); -1 with a message on stderr
 * when it cannot be loaded. */
static int load(git_api *api, const char *dir)
{
    api->so = dlopen(MTL_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!api->so || BIND(api, init, "git_libgit2_init") ||
        BIND(api, shutdown, "git_libgit2_shutdown") ||
        BIND(api, open_ext, "git_repository_open_ext") ||
        BIND(api, workdir, "git_repository_workdir") ||
        BIND(api, repo_free, "git_repository_free") ||
        BIND(api, is_ignored, "git_ignore_path_is_ignored")) {
        const char *why = dlerror();
        fprintf(stderr, "mtlint: %s: cannot load " MTL_LIBGIT2_SONAME
                " (%s): files git ignores are linted too\n", dir,
                why ? why : "no reason given");
        if (api->so)
            dlclose(api->so);
        api->so = NULL;
        return -1;
    }
    api->init();
    return 0;
}

git_ignores *git_ignores_open(const char *dir)
{
    git_ignores *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    if (load(&g->git, dir) != 0) {
        free(g);
        return NULL;
    }
    char *real = realpath(dir, NULL);
    const char *wd = NULL;
    if (!real || g->git.open_ext(&g->repo, real, 0, NULL) != 0 ||
        !(wd = g->git.workdir(g->repo))) {
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
    if (rel && g->git.is_ignored(&ignored, g->repo, rel) != 0)
        ignored = 0;
    free(rel);
    return ignored;
}

void git_ignores_close(git_ignores *g)
{
    if (!g)
        return;
    if (g->repo)
        g->git.repo_free(g->repo);
    g->git.shutdown();
    dlclose(g->git.so);
    free(g->prefix);
    free(g);
}
