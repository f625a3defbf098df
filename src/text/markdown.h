/* The prose of a Markdown document, mapped back to its source bytes. */
#ifndef MTL_MARKDOWN_H
#define MTL_MARKDOWN_H

#include "text/doc.h"

#include <stddef.h>
#include <stdint.h>

typedef struct mtl_prose {
    char *text;             /* the prose, blocks separated by blank lines */
    size_t len;
    /* The source bytes [map[i], map_end[i]) are where text[i] comes from:
     * one byte for text copied as is, the whole "&lt;" or "\*" for a
     * character cmark decoded, an empty span for a separator. Both arrays
     * have len + 1 entries and never decrease. */
    uint32_t *map;
    uint32_t *map_end;
    mtl_block *blocks;      /* start/end/kind set; the rest is the segmenter's */
    size_t n_blocks;
    mtl_span *opaque;       /* code spans, images, autolinks: single tokens */
    size_t n_opaque;
    mtl_span *emph;         /* emphasis and strong emphasis, in text order of
                               their ends; nested ones each */
    size_t n_emph;
    mtl_directive *directives; /* <!-- mtlint-... --> comments */
    size_t n_directives;
    size_t n_unplaced;      /* inline nodes not found in the source, left out */
} mtl_prose;

/* Extracts the prose of src (len bytes, whose line starts are given).
 * Returns 0, or -1 when out of memory. */
int mtl_markdown_prose(const char *src, size_t len, const size_t *lines,
                       size_t n_lines, mtl_prose *p);
void mtl_prose_free(mtl_prose *p);

#endif
