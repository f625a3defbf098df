/*
 * build_table: compiles a word table (src/lang/table.h) into the mapped
 * form that mtl_table_open reads instead of parsing and sorting the TSV at
 * every start (table_format.h), with one sorted order per field named.
 *
 * usage: build_table SRC.tsv OUT.table MIN_FIELDS FIELD[,FIELD...]
 *   build_table pivots.tsv pivots.table 4 0
 *   build_table us-uk.tsv us-uk.table 2 0,1
 */
#include "lang/table.h"
#include "lang/table_format.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr,
                "usage: build_table SRC.tsv OUT.table MIN_FIELDS "
                "FIELD[,FIELD...]\n");
        return 2;
    }
    char *end;
    long min_fields = strtol(argv[3], &end, 10);
    if (*end || min_fields < 1 || min_fields > MTL_TABLE_MAX_FIELDS) {
        fprintf(stderr, "build_table: MIN_FIELDS must be 1 to %d\n",
                MTL_TABLE_MAX_FIELDS);
        return 2;
    }
    unsigned fields = 0;
    for (const char *p = argv[4]; *p;) {
        long k = strtol(p, &end, 10);
        if (end == p || k < 0 || k >= min_fields ||
            (*end && *end != ',')) {
            fprintf(stderr, "build_table: bad field list '%s' (fields "
                            "0 to MIN_FIELDS - 1, comma-separated)\n",
                    argv[4]);
            return 2;
        }
        fields |= 1u << k;
        p = *end ? end + 1 : end;
    }
    if (mtl_table_compile(argv[1], (size_t)min_fields, fields, argv[2]) !=
        0) {
        fprintf(stderr, "build_table: %s -> %s: %s\n", argv[1], argv[2],
                strerror(errno));
        return 1;
    }
    return 0;
}
