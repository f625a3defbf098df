/*
 * Data files mapped read-only: the compiled resources (word forms, tables,
 * n-grams, vectors) are opened with mmap so that start-up parses nothing
 * and parallel processes share the pages. Also the stamp (size and
 * modification time) by which a compiled file names the source it was made
 * from, so that a file made from another copy of the source is not used.
 */
#ifndef MTL_MAPFILE_H
#define MTL_MAPFILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct mtl_mapfile {
    const unsigned char *base; /* NULL when nothing is mapped */
    size_t size;
} mtl_mapfile;

/* Maps the regular file path whole, read-only, when it has at least
 * min_size bytes (an empty file maps to base NULL, size 0). Returns 0, or
 * -1 with errno set (EINVAL: not a regular file or too short). */
int mtl_map_open(const char *path, size_t min_size, mtl_mapfile *m);
void mtl_map_close(mtl_mapfile *m);
/* Lookups will jump around the file: no read-ahead. */
void mtl_map_random(const mtl_mapfile *m);

/* Is [off, off + len) inside a mapping of size bytes, past a header of
 * header bytes, and off a multiple of align? */
int mtl_map_inside(uint64_t off, uint64_t len, uint64_t size, size_t header,
                   uint64_t align);

/* A file being written to be mapped: written beside its path and renamed
 * over it when complete, so that a process mapping the old file keeps
 * reading it (a rewrite in place kills it with SIGBUS) and no half-written
 * file ever stands at the path. */
typedef struct mtl_map_writer {
    FILE *f;       /* write to this */
    char *tmp;     /* path + ".tmp" */
    const char *path;
} mtl_map_writer;

/* Opens path".tmp" for writing. Returns 0, or -1 with errno set. */
int mtl_map_write_open(mtl_map_writer *w, const char *path);
/* Closes the file and, when ok and nothing failed, renames it over the
 * path. Returns 0, or -1 with errno set and the temporary file removed. */
int mtl_map_write_close(mtl_map_writer *w, int ok);

/* A source file as stat(2) sees it: size and modification time in ns. */
typedef struct mtl_file_stamp {
    int64_t size, mtime_ns;
} mtl_file_stamp;

/* Returns 0, or -1 when path cannot be stat'ed. */
int mtl_file_stamp_of(const char *path, mtl_file_stamp *out);
/* 1 when path is there with that size and modification time. */
int mtl_file_stamp_matches(const char *path, int64_t size, int64_t mtime_ns);

#endif
