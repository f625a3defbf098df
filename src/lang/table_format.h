/*
 * The on-disk layout of a compiled word table (table.h), shared by the
 * reader and the writer (both in table.c; tools/build_table runs the writer
 * at build time). Little-endian, native struct layout; every section 8-byte
 * aligned.
 *
 * The text is the TSV file as mtl_table_load leaves it in memory (lines and
 * fields cut apart by NUL bytes), followed by MTL_TABLE_MAX_FIELDS more NUL
 * bytes so that walking to any field of any row stays inside it. Each order
 * is the rows' offsets sorted by one field, as mtl_table_sort sorts them.
 * The source file's size and modification time are recorded: a file made
 * from another copy of the table is not used.
 */
#ifndef MTL_TABLE_FORMAT_H
#define MTL_TABLE_FORMAT_H

#include "base/hash.h"

#include <stdint.h>

#define MTL_TABLE_MAGIC "MTLTABLE"
#define MTL_TABLE_VERSION 1
/* Orders a file may hold: by field 0 to field 3 (the tables have at most
 * four fields that anything searches by). */
#define MTL_TABLE_MAX_FIELDS 4

typedef struct mtl_table_header {
    char magic[8];
    uint32_t version;
    uint32_t min_fields;          /* as given to mtl_table_load */
    uint64_t file_size;
    int64_t src_size, src_mtime_ns; /* the TSV, as stat(2) saw it */
    uint64_t n_rows;
    uint64_t off_text, text_len;  /* text_len: the padding not included */
    uint64_t off_order[MTL_TABLE_MAX_FIELDS]; /* uint32[n_rows] sorted by
                                                 field k; 0: no such order */
    uint64_t header_check;        /* FNV-1a 64 of this header, this field 0 */
    uint8_t reserved[24];         /* zero */
} mtl_table_header;

_Static_assert(sizeof(mtl_table_header) == 128, "header layout");

static inline uint64_t mtl_table_header_sum(const mtl_table_header *h)
{
    mtl_table_header c = *h;
    c.header_check = 0;
    return mtl_fnv64(MTL_FNV64_INIT, (const char *)&c, sizeof c);
}

#endif
