#include "base/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mtl_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return -1;
        n *= 2;
    }
    if (n > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*items, n * elem);
    if (!p)
        return -1;
    *items = p;
    *cap = n;
    return 0;
}

static int sb_reserve(mtl_sb *sb, size_t extra)
{
    if (sb->failed)
        return -1;
    if (extra > SIZE_MAX - sb->len - 1 ||
        mtl_grow((void **)&sb->data, &sb->cap, sb->len + extra + 1, 1) != 0) {
        sb->failed = 1;
        return -1;
    }
    return 0;
}

void mtl_sb_add(mtl_sb *sb, const char *s, size_t n)
{
    if (sb_reserve(sb, n) != 0)
        return;
    if (n)
        memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void mtl_sb_adds(mtl_sb *sb, const char *s) { mtl_sb_add(sb, s, strlen(s)); }

void mtl_sb_addc(mtl_sb *sb, char c) { mtl_sb_add(sb, &c, 1); }

void mtl_sb_vprintf(mtl_sb *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        sb->failed = 1;
        return;
    }
    if (sb_reserve(sb, (size_t)n) != 0)
        return;
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void mtl_sb_printf(mtl_sb *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mtl_sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

char *mtl_sb_take(mtl_sb *sb)
{
    char *s = NULL;
    if (!sb->failed) {
        if (!sb->data)
            s = calloc(1, 1);
        else
            s = sb->data, sb->data = NULL;
    }
    mtl_sb_free(sb);
    return s;
}

void mtl_sb_free(mtl_sb *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->failed = 0;
}
