#include "lang/table.h"

#include "base/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    mtl_sb sb = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        mtl_sb_add(&sb, buf, n);
    int bad = ferror(f), err = errno;
    fclose(f);
    mtl_sb_addc(&sb, '\0');
    if (bad) {
        mtl_sb_free(&sb);
        errno = err ? err : EIO;
        return NULL;
    }
    char *text = mtl_sb_take(&sb);
    if (!text)
        errno = ENOMEM;
    return text;
}

int mtl_table_load(mtl_table *t, const char *path, size_t min_fields)
{
    memset(t, 0, sizeof *t);
    if (!(t->text = slurp(path)))
        return -1;
    size_t cap = 0;
    for (char *line = t->text; *line;) {
        char *eol = line + strcspn(line, "\n");
        int more = *eol != '\0';
        size_t fields = 1;
        *eol = '\0';
        if (eol > line && eol[-1] == '\r')
            eol[-1] = '\0';
        for (char *p = line; *p; p++)
            if (*p == '\t') {
                *p = '\0';
                fields++;
            }
        if (line[0] != '#' && line[0] && fields >= min_fields &&
            (size_t)(line - t->text) < UINT32_MAX &&
            MTL_PUSH(t->row, t->n, cap, (uint32_t)(line - t->text)) != 0) {
            mtl_table_free(t);
            errno = ENOMEM;
            return -1;
        }
        line = more ? eol + 1 : eol;
    }
    return 0;
}

int mtl_table_view(const mtl_table *t, size_t k, mtl_table *view)
{
    *view = (mtl_table){.text = t->text, .n = t->n, .view = 1};
    view->row = malloc((t->n ? t->n : 1) * sizeof *view->row);
    if (!view->row)
        return -1;
    if (t->n) /* t->row is NULL in an empty table */
        memcpy(view->row, t->row, t->n * sizeof *view->row);
    if (mtl_table_sort(view, k) != 0) {
        mtl_table_free(view);
        return -1;
    }
    return 0;
}

void mtl_table_free(mtl_table *t)
{
    if (!t->view)
        free(t->text);
    free(t->row);
    memset(t, 0, sizeof *t);
}

const char *mtl_table_field(const mtl_table *t, size_t i, size_t k)
{
    const char *f = t->text + t->row[i];
    while (k--)
        f += strlen(f) + 1;
    return f;
}

/* qsort has no context argument: rows are sorted as (key, offset) pairs. */
typedef struct keyed {
    const char *key;
    uint32_t row;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

int mtl_table_sort(mtl_table *t, size_t k)
{
    if (mtl_table_sorted(t, k))
        return 0;
    keyed *tmp = malloc(t->n * sizeof *tmp);
    if (!tmp)
        return -1;
    for (size_t i = 0; i < t->n; i++)
        tmp[i] = (keyed){mtl_table_field(t, i, k), t->row[i]};
    qsort(tmp, t->n, sizeof *tmp, by_key);
    for (size_t i = 0; i < t->n; i++)
        t->row[i] = tmp[i].row;
    free(tmp);
    return 0;
}

int mtl_table_sorted(const mtl_table *t, size_t k)
{
    for (size_t i = 1; i < t->n; i++)
        if (strcmp(mtl_table_field(t, i - 1, k), mtl_table_field(t, i, k)) > 0)
            return 0;
    return 1;
}

size_t mtl_table_find(const mtl_table *t, size_t k, const char *key,
                      size_t *first)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(mtl_table_field(t, mid, k), key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    while (hi < t->n && strcmp(mtl_table_field(t, hi, k), key) == 0)
        hi++;
    return hi;
}
