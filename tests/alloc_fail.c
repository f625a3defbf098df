/* Failing the n-th allocation (alloc_fail.h). */
#include "alloc_fail.h"

#include <errno.h>
#include <execinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static size_t count, fail_at;
static int failed;
static void *frames[32];
static int n_frames;

/* The live blocks: an open-addressing set of pointers (deleted slots hold
 * a tombstone), grown with the real allocator. */
#define TOMB ((void *)1)
static void **slots;
static size_t n_slots, used, live;

static size_t slot_of(const void *p, size_t mask)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 20) & mask;
}

static void put(void *p);

static void grow(void)
{
    void **old = slots;
    size_t old_n = n_slots;
    n_slots = n_slots ? n_slots * 2 : 1024;
    slots = __real_calloc(n_slots, sizeof *slots);
    if (!slots)
        abort(); /* the test's own bookkeeping: no way to go on */
    used = live = 0;
    for (size_t i = 0; i < old_n; i++)
        if (old[i] && old[i] != TOMB)
            put(old[i]);
    __real_free(old);
}

static void put(void *p)
{
    if (!p)
        return;
    if (2 * (used + 1) > n_slots)
        grow();
    size_t mask = n_slots - 1;
    for (size_t i = slot_of(p, mask);; i = (i + 1) & mask) {
        if (!slots[i]) {
            slots[i] = p;
            used++;
            live++;
            return;
        }
    }
}

/* Forgets p; 0 if it was not handed out here (libc's getline buffers). */
static int take(void *p)
{
    if (!p || !n_slots)
        return 0;
    size_t mask = n_slots - 1;
    for (size_t i = slot_of(p, mask); slots[i]; i = (i + 1) & mask) {
        if (slots[i] == p) {
            slots[i] = TOMB;
            live--;
            return 1;
        }
    }
    return 0;
}

/* Counts an allocation; 1 if this one is to fail. */
static int fail_now(void)
{
    count++;
    if (fail_at && count == fail_at) {
        failed = 1;
        errno = ENOMEM; /* as the allocator says it */
        n_frames = backtrace(frames, 32);
        return 1;
    }
    return 0;
}

void alloc_fail_at(size_t n)
{
    fail_at = n;
    count = 0;
    failed = 0;
}

size_t alloc_count(void) { return count; }
int alloc_failed(void) { return failed; }
size_t alloc_live(void) { return live; }

void alloc_fail_where(void)
{
    if (failed)
        backtrace_symbols_fd(frames, n_frames, 2);
}

void *__wrap_malloc(size_t n)
{
    if (fail_now())
        return NULL;
    void *p = __real_malloc(n);
    put(p);
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (fail_now())
        return NULL;
    void *p = __real_calloc(n, size);
    put(p);
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    if (fail_now())
        return NULL; /* p stays valid, and live */
    int ours = take(p);
    void *q = __real_realloc(p, n);
    if (q)
        put(q);
    else if (ours)
        put(p);
    return q;
}

void __wrap_free(void *p)
{
    take(p);
    __real_free(p);
}

char *__wrap_strdup(const char *s)
{
    if (fail_now())
        return NULL;
    char *p = __real_strdup(s);
    put(p);
    return p;
}

char *__wrap_strndup(const char *s, size_t n)
{
    if (fail_now())
        return NULL;
    char *p = __real_strndup(s, n);
    put(p);
    return p;
}
