/* One line of --stream input (stream_line.c). */
#ifndef MTL_STREAM_LINE_H
#define MTL_STREAM_LINE_H

#include <stddef.h>

typedef struct stream_line {
    void *root;             /* the parsed document (jansson), owned */
    const char *text;       /* "text", decoded UTF-8 (may hold NULs) */
    size_t text_len;
    const char *format;     /* "text", "markdown", or NULL when absent */
    int has_id;             /* the line is an object with an "id" member */
    size_t id_start, id_end; /* the id's bytes in the line */
    char error[256];        /* why the line cannot be linted */
} stream_line;

/* Parses a line. Returns 0 with text set, or -1 with error set (has_id
 * and the id span are still set when the line is an object). Call
 * stream_line_release either way. */
int stream_line_parse(const char *s, size_t n, stream_line *out);
void stream_line_release(stream_line *l);

#endif
