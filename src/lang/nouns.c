/* English noun number by spelling (nouns.h). */
#include "lang/nouns.h"

#include <stdio.h>
#include <string.h>

static int ends(const char *w, size_t n, const char *s)
{
    size_t k = strlen(s);
    return n >= k && memcmp(w + n - k, s, k) == 0;
}

void mtl_noun_singular(const char *w, char out[MTL_NOUN_MAX])
{
    size_t n = strlen(w);
    snprintf(out, MTL_NOUN_MAX, "%s", w);
    /* "ss" (class), "us" (status), "is" (crisis) end singulars */
    if (n < 4 || n >= MTL_NOUN_MAX || w[n - 1] != 's' || ends(w, n, "ss") ||
        ends(w, n, "us") || ends(w, n, "is"))
        return;
    if (ends(w, n, "ies"))
        snprintf(out, MTL_NOUN_MAX, "%.*sy", (int)(n - 3), w);
    else if (ends(w, n, "sses") || ends(w, n, "shes") || ends(w, n, "ches") ||
             ends(w, n, "xes") || ends(w, n, "zes"))
        out[n - 2] = '\0';
    else
        out[n - 1] = '\0';
}

void mtl_noun_plural(const char *w, char out[MTL_NOUN_MAX])
{
    size_t n = strlen(w);
    if (n > 1 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
        snprintf(out, MTL_NOUN_MAX, "%.*sies", (int)(n - 1), w);
    else if (ends(w, n, "s") || ends(w, n, "x") || ends(w, n, "z") ||
             ends(w, n, "ch") || ends(w, n, "sh"))
        snprintf(out, MTL_NOUN_MAX, "%ses", w);
    else
        snprintf(out, MTL_NOUN_MAX, "%ss", w);
}

int mtl_noun_is_plural(const char *w)
{
    char s[MTL_NOUN_MAX];
    mtl_noun_singular(w, s);
    return strcmp(s, w) != 0;
}
