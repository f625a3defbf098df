/* Membership in the short, NULL-terminated word lists that rules keep. */
#ifndef MTL_STRLIST_H
#define MTL_STRLIST_H

#include <string.h>

static inline int mtl_in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

#endif
