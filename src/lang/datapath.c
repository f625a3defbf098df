#include "lang/datapath.h"

#include "base/buf.h"
#include "base/options.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef MTL_DATADIR
#define MTL_DATADIR "/usr/local/share/mtlint"
#endif

/* dir/name when it is readable (malloc'd), else NULL; *oom is set when
 * there was no memory to say. The path is made on the stack: only a file
 * found costs an allocation. */
static char *try_dir(const char *dir, size_t n, const char *name, int *oom)
{
    char p[PATH_MAX];
    size_t k = strlen(name);
    if (!dir || !n || *oom || n + 1 + k >= sizeof p)
        return NULL;
    memcpy(p, dir, n);
    p[n] = '/';
    memcpy(p + n + 1, name, k + 1);
    if (access(p, R_OK) != 0)
        return NULL;
    char *found = strdup(p);
    if (!found)
        *oom = 1;
    return found;
}

static int exists_in(const char *dir, size_t n, const char *name)
{
    char p[PATH_MAX];
    size_t k = strlen(name);
    if (n + 1 + k >= sizeof p)
        return 0;
    memcpy(p, dir, n);
    p[n] = '/';
    memcpy(p + n + 1, name, k + 1);
    return access(p, F_OK) == 0;
}

/*
 * A program run from a meson build tree (build/mtlint, build/tests/...,
 * build/tools/..., build/tests/fuzz/...) reads the build tree's dicts/,
 * which holds the shipped data and the data generated at build time; the
 * build writes a stamp file there. No checkout path is compiled in, so an installed binary never reads
 * a checkout's data. Returns the directory's length in buf, or 0.
 */
static size_t build_tree_dicts(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0 || (size_t)n >= size - 1)
        return 0;
    buf[n] = '\0';
    /* the executable's directory, its parent, then the parent's parent */
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(buf, '/');
        if (!slash)
            return 0;
        *slash = '\0';
        if (exists_in(buf, strlen(buf), "dicts/mtlint-build-tree")) {
            size_t k = strlen(buf);
            if (k + 7 >= size)
                return 0;
            memcpy(buf + k, "/dicts", 7);
            return k + 6;
        }
    }
    return 0;
}

char *mtl_data_find(const mtl_options *opts, const char *name)
{
    const char *dirs[] = {mtl_options_get(opts, "data-dir"),
                          getenv("MTLINT_DATA_DIR")};
    int oom = 0;
    char *p = NULL;
    for (size_t i = 0; !p && i < sizeof dirs / sizeof *dirs; i++)
        p = dirs[i] ? try_dir(dirs[i], strlen(dirs[i]), name, &oom) : NULL;
    if (!p) {
        char build[PATH_MAX];
        size_t n = build_tree_dicts(build, sizeof build);
        p = try_dir(build, n, name, &oom);
    }
    if (!p)
        p = try_dir(MTL_DATADIR, strlen(MTL_DATADIR), name, &oom);
    errno = oom ? ENOMEM : 0;
    return p;
}

char *mtl_data_locate(const mtl_options *opts, const char *label,
                      const char *name, const char *user)
{
    char *path = user ? NULL : mtl_data_find(opts, name);
    mtl_sb sb = {0};
    if (user || path)
        mtl_sb_printf(&sb, "%s: %s", label, user ? user : path);
    else
        mtl_sb_printf(&sb, "%s: %s not found", label, name);
    free(path);
    return mtl_sb_take(&sb);
}
