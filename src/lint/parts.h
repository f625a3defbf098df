/* Where a long plain-text file is cut into parts linted one at a time. */
#ifndef MTL_PARTS_H
#define MTL_PARTS_H

#include <stddef.h>

/* Parts of plain text are this long, at most, unless a paragraph is longer:
 * a whole book (about 170,000 words) is one part, and the linter's memory
 * stays under 100 MB whatever the file's length. */
#define MTL_PART_BYTES ((size_t)1 << 20)

/*
 * The end of the part of text[0, len) that starts at start (a line start):
 * len when the rest fits in part bytes; else just after the last blank
 * line (spaces and tabs only) that ends within part bytes and leaves the
 * part at least half full, or failing that the first blank line within
 * twice that; failing that, the last line start within part bytes where
 * one sentence ended and the next begins (a file of one sentence a line),
 * then the first blank line however far; len when there is none. A part never starts where a document's start
 * would be read as a signature: a byte order mark, or NULs within 512
 * bytes (UTF-16 without a mark).
 */
size_t mtl_part_end(const char *text, size_t len, size_t start, size_t part);

#endif
