#include "path.h"

#include "buf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Removes ".", ".." and empty components from an absolute path, in place. */
static void normalise(char *p)
{
    size_t out = 0; /* p[0, out) is the normalised prefix, without a final / */
    const char *s = p;
    while (*s) {
        while (*s == '/')
            s++;
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 0 || (n == 1 && s[0] == '.')) {
            /* nothing */
        } else if (n == 2 && s[0] == '.' && s[1] == '.') {
            while (out > 0 && p[out - 1] != '/')
                out--;
            if (out > 0)
                out--;
        } else {
            p[out++] = '/';
            memmove(p + out, s, n);
            out += n;
        }
        s += n;
    }
    if (out == 0)
        p[out++] = '/';
    p[out] = '\0';
}

char *mtl_path_absolute(const char *path)
{
    char buf[PATH_MAX];
    if (realpath(path, buf))
        return strdup(buf);
    mtl_sb sb = {0};
    if (path[0] != '/' && getcwd(buf, sizeof buf)) {
        mtl_sb_adds(&sb, buf);
        mtl_sb_addc(&sb, '/');
    }
    mtl_sb_adds(&sb, path);
    char *abs = mtl_sb_take(&sb);
    if (abs && abs[0] == '/')
        normalise(abs);
    return abs;
}

char *mtl_path_relative(const char *dir, const char *file)
{
    char *d = mtl_path_absolute(dir), *f = mtl_path_absolute(file);
    char *rel = NULL;
    if (!d || !f)
        goto done;
    /* the longest common prefix that ends at a component boundary */
    size_t common = 0, i = 0;
    for (; d[i] && d[i] == f[i]; i++)
        if (d[i] == '/')
            common = i + 1;
    if (!d[i] && (f[i] == '/' || !f[i]))
        common = f[i] ? i + 1 : i;
    size_t dl = strlen(d);
    mtl_sb sb = {0};
    /* one ".." for each component of dir below the common prefix */
    for (const char *s = d + (common < dl ? common : dl); *s;) {
        mtl_sb_adds(&sb, "../");
        const char *slash = strchr(s, '/');
        s = slash ? slash + 1 : s + strlen(s);
    }
    mtl_sb_adds(&sb, f + common);
    rel = mtl_sb_take(&sb);
done:
    free(d);
    free(f);
    return rel;
}
