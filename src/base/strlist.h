/* Membership in the short, NULL-terminated word lists that rules keep. */
#ifndef MTL_STRLIST_H
#define MTL_STRLIST_H

#include <stddef.h>
#include <string.h>

static inline int mtl_in_list(const char *const *list, const char *s)
{
    /* Rules ask this of every word against lists of dozens: the first
     * byte, compared here, turns most entries away without a call to
     * strcmp (which took a tenth of a whole lint's time). */
    for (; *list; list++)
        if (**list == *s && strcmp(*list, s) == 0)
            return 1;
    return 0;
}

/* Is w, lower case, one of the stems of list or a regular inflection of
 * one: -s, -es, -ed, -d, -ing, with a doubled final consonant ("begged"),
 * a lost e ("arguing") or y made i ("tried")? */
static inline int mtl_in_list_inflected(const char *const *list, const char *w)
{
    if (mtl_in_list(list, w))
        return 1;
    size_t n = strlen(w);
    char buf[32];
    if (n < 3 || n >= sizeof buf)
        return 0;
    static const char *const suffixes[] = {"s", "es", "ed", "d", "ing", NULL};
    for (size_t k = 0; suffixes[k]; k++) {
        size_t sl = strlen(suffixes[k]);
        if (n <= sl + 1 || strcmp(w + n - sl, suffixes[k]) != 0)
            continue;
        size_t m = n - sl;
        memcpy(buf, w, m);
        buf[m] = '\0';
        if (mtl_in_list(list, buf))
            return 1;
        if (m >= 3 && buf[m - 1] == buf[m - 2]) {
            buf[m - 1] = '\0';
            if (mtl_in_list(list, buf))
                return 1;
            buf[m - 1] = buf[m - 2];
        }
        buf[m] = 'e';
        buf[m + 1] = '\0';
        if (mtl_in_list(list, buf))
            return 1;
        if (buf[m - 1] == 'i') {
            buf[m - 1] = 'y';
            buf[m] = '\0';
            if (mtl_in_list(list, buf))
                return 1;
        }
    }
    return 0;
}

#endif
