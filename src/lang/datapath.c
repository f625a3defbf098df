#include "lang/datapath.h"

#include "base/buf.h"
#include "base/options.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef MTL_DATADIR
#define MTL_DATADIR "/usr/local/share/mtlint"
#endif

static char *try_dir(const char *dir, size_t n, const char *name)
{
    if (!dir || !n)
        return NULL;
    mtl_sb sb = {0};
    mtl_sb_add(&sb, dir, n);
    mtl_sb_addc(&sb, '/');
    mtl_sb_adds(&sb, name);
    char *p = mtl_sb_take(&sb);
    if (p && access(p, R_OK) == 0)
        return p;
    free(p);
    return NULL;
}

/*
 * A program run from a meson build tree (build/mtlint, build/tests/...,
 * build/tools/...) reads the build tree's dicts/, which holds the shipped
 * data and the data generated at build time; the build writes a stamp file
 * there. No checkout path is compiled in, so an installed binary never reads
 * a checkout's data. Returns the directory's length in buf, or 0.
 */
static size_t build_tree_dicts(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0 || (size_t)n >= size - 1)
        return 0;
    buf[n] = '\0';
    /* the executable's directory, then its parent */
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(buf, '/');
        if (!slash)
            return 0;
        *slash = '\0';
        char *stamp = try_dir(buf, strlen(buf), "dicts/mtlint-build-tree");
        int found = stamp != NULL;
        free(stamp);
        if (found) {
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
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char *p = dirs[i] ? try_dir(dirs[i], strlen(dirs[i]), name) : NULL;
        if (p)
            return p;
    }
    char build[PATH_MAX];
    size_t n = build_tree_dicts(build, sizeof build);
    char *p = try_dir(build, n, name);
    return p ? p : try_dir(MTL_DATADIR, strlen(MTL_DATADIR), name);
}
