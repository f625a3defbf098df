/* The prose of a Markdown document, mapped back to its source bytes. */
#ifndef MTL_MARKDOWN_H
#define MTL_MARKDOWN_H

#include "text/doc.h"

#include <stddef.h>
#include <stdint.h>

typedef struct mtl_prose {
    char *text;             /* the prose, blocks separated by blank lines */
    size_t len;
    uint32_t *map;          /* source offset of each text byte; len + 1 */
    mtl_block *blocks;      /* start/end/kind set; the rest is the segmenter's */
    size_t n_blocks;
    mtl_span *opaque;       /* code spans: kept in the text as single tokens */
    size_t n_opaque;
    mtl_directive *directives; /* <!-- mtlint-... --> comments */
    size_t n_directives;
} mtl_prose;

/* Extracts the prose of src (len bytes, whose line starts are given).
 * Returns 0, or -1 when out of memory. */
int mtl_markdown_prose(const char *src, size_t len, const size_t *lines,
                       size_t n_lines, mtl_prose *p);
void mtl_prose_free(mtl_prose *p);

#endif
