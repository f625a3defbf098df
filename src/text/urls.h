/* URLs (scheme:// or www.) and e-mail addresses in a span of text. */
#ifndef MTL_URLS_H
#define MTL_URLS_H

#include "text/doc.h"

#include <stddef.h>

typedef struct mtl_url_list {
    mtl_span *items; /* in text order */
    size_t n, cap;
} mtl_url_list;

/* Replaces l's items with the URLs and addresses in t[a, e), each trimmed
 * of trailing punctuation that prose puts after it. Returns 0, or -1 when
 * out of memory. */
int mtl_find_urls(const char *t, size_t a, size_t e, mtl_url_list *l);

#endif
