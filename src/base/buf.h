/*
 * Small growable arrays and a string builder. Every growth checks for
 * overflow and failure; callers test the return value.
 */
#ifndef MTL_BUF_H
#define MTL_BUF_H

#include <stddef.h>
#include <stdarg.h>

/* Grows *items (of elem bytes each) so that it holds at least need items. */
int mtl_grow(void **items, size_t *cap, size_t need, size_t elem);

#define MTL_PUSH(arr, n, cap, value)                                        \
    (((n) < (cap) || mtl_grow((void **)&(arr), &(cap), (n) + 1,              \
                              sizeof *(arr)) == 0)                           \
         ? ((arr)[(n)++] = (value), 0)                                      \
         : -1)

typedef struct mtl_sb {
    char *data;
    size_t len, cap;
    int failed;           /* sticky: an append ran out of memory */
} mtl_sb;

void mtl_sb_add(mtl_sb *sb, const char *s, size_t n);
void mtl_sb_adds(mtl_sb *sb, const char *s);
void mtl_sb_addc(mtl_sb *sb, char c);
void mtl_sb_printf(mtl_sb *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void mtl_sb_vprintf(mtl_sb *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Returns the NUL-terminated string (ownership passes to the caller) or NULL
 * if any append failed. The builder is reset. */
char *mtl_sb_take(mtl_sb *sb);
void mtl_sb_free(mtl_sb *sb);

#endif
