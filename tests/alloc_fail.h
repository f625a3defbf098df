/*
 * Allocation failure on demand, for tests. A program linked with
 * alloc_fail.c and -Wl,--wrap= for malloc, calloc, realloc, strdup, strndup
 * and free (meson: alloc_fail_link_args) counts the allocations that the
 * objects linked into it make, fails the one asked for, and keeps the
 * pointers they return until they are freed, so that a test can tell a
 * leak from a failed call at once. Allocations inside shared libraries
 * (ICU, Hunspell, cmark, libc's own) are neither counted nor failed.
 *
 * Single-threaded: a sweep lints on one thread.
 */
#ifndef MTL_ALLOC_FAIL_H
#define MTL_ALLOC_FAIL_H

#include <stddef.h>

/* From now on, allocation number n (1 = the next one) fails, and only it;
 * 0 fails none. Resets the count. */
void alloc_fail_at(size_t n);
/* Allocations counted since the last alloc_fail_at, and whether the one
 * asked for has failed yet. */
size_t alloc_count(void);
int alloc_failed(void);
/* Blocks the wrappers handed out and that are not freed yet. */
size_t alloc_live(void);
/* Writes the call stack of the allocation that was failed to stderr
 * (addresses for addr2line -e PROGRAM where symbols are missing). */
void alloc_fail_where(void);

#endif
