/*
 * build_tagger: writes the tagger's tables, built from a model file
 * (dicts/tagger-ewt.bin), into MODEL.map for mtl_tagger_load to map instead
 * of building them at every start (src/lang/tagger_format.h).
 *
 * usage: build_tagger MODEL.bin OUT.map
 */
#include "lang/tagger.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: build_tagger MODEL.bin OUT.map\n");
        return 2;
    }
    char *err = NULL;
    if (mtl_tagger_compile(argv[1], argv[2], &err) != 0) {
        fprintf(stderr, "build_tagger: %s\n", err ? err : "out of memory");
        free(err);
        return 1;
    }
    return 0;
}
