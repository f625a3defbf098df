#include "datapath.h"

#include "buf.h"
#include "options.h"

#include <stdlib.h>
#include <unistd.h>

#ifndef MTL_DATADIR
#define MTL_DATADIR "/usr/local/share/mtlint"
#endif
#ifndef MTL_BUILD_DICTS
#define MTL_BUILD_DICTS ""
#endif
#ifndef MTL_SOURCE_DICTS
#define MTL_SOURCE_DICTS ""
#endif

static char *try_dir(const char *dir, const char *name)
{
    if (!dir || !*dir)
        return NULL;
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, dir);
    mtl_sb_addc(&sb, '/');
    mtl_sb_adds(&sb, name);
    char *p = mtl_sb_take(&sb);
    if (p && access(p, R_OK) == 0)
        return p;
    free(p);
    return NULL;
}

char *mtl_data_find(const mtl_options *opts, const char *name)
{
    const char *dirs[] = {mtl_options_get(opts, "data-dir"),
                          getenv("MTLINT_DATA_DIR"), MTL_BUILD_DICTS,
                          MTL_SOURCE_DICTS, MTL_DATADIR};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char *p = try_dir(dirs[i], name);
        if (p)
            return p;
    }
    return NULL;
}
