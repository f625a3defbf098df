/*
 * Word tables: a tab-separated data file (dicts/confusions.tsv, the
 * generated pivots.tsv, us-uk.tsv) kept whole in memory, its fields cut
 * apart in place, its rows ordered by one field for binary search. Lines
 * starting with '#' and lines with too few fields are not rows.
 *
 * A table can also be compiled at build time (table_format.h) into a file
 * beside it that holds the cut text and its sorted orders: opening that
 * maps it and parses nothing (mtl_table_open).
 */
#ifndef MTL_TABLE_H
#define MTL_TABLE_H

#include "base/mapfile.h"

#include <stddef.h>
#include <stdint.h>

typedef struct mtl_table {
    const char *text;    /* the rows' fields, each ending in NUL */
    const uint32_t *row; /* offset of each row's first field, in order */
    size_t n;
    size_t len;          /* bytes of text */
    char *own_text;      /* text, when read into memory by this table */
    uint32_t *own_row;   /* row, when allocated by this table */
    mtl_mapfile map;     /* a compiled table: text and orders are in it */
} mtl_table;

/* Loads the rows with at least min_fields fields. Returns 0, or -1 when
 * the file cannot be read or memory runs out (errno says which: ENOMEM). */
int mtl_table_load(mtl_table *t, const char *path, size_t min_fields);
/* The table at path ordered by field k: its compiled form (the path with
 * ".tsv" replaced by ".table") when that was made from this very file with
 * min_fields and holds that order, else loaded and sorted. Returns 0, or -1
 * as mtl_table_load does. */
int mtl_table_open(mtl_table *t, const char *path, size_t min_fields,
                   size_t k);
/* A second order of the same rows, sorted by field k; it borrows t's text
 * (and a compiled table's order) and lives no longer than t. Returns 0, or
 * -1 when out of memory. */
int mtl_table_view(const mtl_table *t, size_t k, mtl_table *view);
void mtl_table_free(mtl_table *t);

/* Field k (from 0) of row i; the row has at least the fields asked at load. */
const char *mtl_table_field(const mtl_table *t, size_t i, size_t k);
/* Orders the rows by field k (byte order). Returns 0, or -1 when out of
 * memory (the order is then unchanged). */
int mtl_table_sort(mtl_table *t, size_t k);
/* Is the table already in that order? */
int mtl_table_sorted(const mtl_table *t, size_t k);
/* The rows whose field k is key, in a table sorted by field k:
 * [*first, return). */
size_t mtl_table_find(const mtl_table *t, size_t k, const char *key,
                      size_t *first);

/* The compiled form's path for a table's path (malloc'd), or NULL. */
char *mtl_table_compiled_path(const char *path);
/* Compiles the table at src (rows of min_fields fields or more) into out,
 * with one order for each field in the mask by_fields (bit k: field k).
 * Returns 0, or -1 with errno set. */
int mtl_table_compile(const char *src, size_t min_fields, unsigned by_fields,
                      const char *out);

#endif
