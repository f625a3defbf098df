/*
 * Positions in the Language Server Protocol: a 0-based line and a
 * character offset in that line, counted in UTF-16 code units unless the
 * client and server agreed on UTF-8 (bytes). Lines end at "\n", "\r\n" or
 * "\r", as mtlint's own line numbers do. Text is the document's bytes
 * (UTF-8 from the client; any byte is handled, one bad byte counting as one
 * unit).
 */
#ifndef MTL_LSP_POS_H
#define MTL_LSP_POS_H

#include <jansson.h>
#include <stddef.h>

typedef enum lsp_encoding { LSP_UTF16 = 0, LSP_UTF8 } lsp_encoding;

typedef struct lsp_position {
    size_t line, character;
} lsp_position;

/* Where each line starts: starts[0] = 0, then after each line end. */
typedef struct lsp_lines {
    size_t *starts;
    size_t n;
} lsp_lines;

/* Returns 0, or -1 when out of memory. */
int lsp_lines_index(lsp_lines *l, const char *s, size_t n);
void lsp_lines_free(lsp_lines *l);

/* The position of byte offset `at` (at most n). */
lsp_position lsp_position_at(const lsp_lines *l, const char *s, size_t n,
                             size_t at, lsp_encoding enc);
/* The byte offset of a position, as the protocol says: a character past
 * the end of its line means the line's end, a line past the last one the
 * end of the text. A position inside a character (half a surrogate pair,
 * inside a UTF-8 sequence) means that character's start. */
size_t lsp_offset_at(const char *s, size_t n, lsp_position p,
                     lsp_encoding enc);

/* {"line": L, "character": C}; NULL when out of memory. */
json_t *lsp_position_json(lsp_position p);
/* {"start": ..., "end": ...} of bytes [a, b). */
json_t *lsp_range_json(const lsp_lines *l, const char *s, size_t n, size_t a,
                       size_t b, lsp_encoding enc);
/* Reads a Position; 0, or -1 when it is not one. */
int lsp_position_parse(const json_t *j, lsp_position *p);
/* Reads a Range; 0, or -1 when it is not one. */
int lsp_range_parse(const json_t *j, lsp_position *start, lsp_position *end);

#endif
