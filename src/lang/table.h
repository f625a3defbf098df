/*
 * Word tables: a tab-separated data file (dicts/confusions.tsv, the
 * generated pivots.tsv, us-uk.tsv) kept whole in memory, its fields cut
 * apart in place, its rows ordered by one field for binary search. Lines
 * starting with '#' and lines with too few fields are not rows.
 */
#ifndef MTL_TABLE_H
#define MTL_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct mtl_table {
    char *text;    /* the file, or in a view its table's (borrowed) */
    uint32_t *row; /* offset of each row's first field */
    size_t n;
    int view;      /* 1: text belongs to another table */
} mtl_table;

/* Loads the rows with at least min_fields fields. Returns 0, or -1 when
 * the file cannot be read or memory runs out (errno says which: ENOMEM). */
int mtl_table_load(mtl_table *t, const char *path, size_t min_fields);
/* A second order of the same rows, sorted by field k; it borrows t's text
 * and lives no longer than t. Returns 0, or -1 when out of memory. */
int mtl_table_view(const mtl_table *t, size_t k, mtl_table *view);
void mtl_table_free(mtl_table *t);

/* Field k (from 0) of row i; the row has at least the fields asked at load. */
const char *mtl_table_field(const mtl_table *t, size_t i, size_t k);
/* Orders the rows by field k (byte order). Returns 0, or -1 when out of
 * memory (the order is then unchanged). */
int mtl_table_sort(mtl_table *t, size_t k);
/* Is the table already in that order? (Generated tables must come sorted:
 * sorting a large one at every start would cost time.) */
int mtl_table_sorted(const mtl_table *t, size_t k);
/* The rows whose field k is key, in a table sorted by field k:
 * [*first, return). */
size_t mtl_table_find(const mtl_table *t, size_t k, const char *key,
                      size_t *first);

#endif
