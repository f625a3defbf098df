#include "lang/table.h"

#include "base/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The file whole and NUL-terminated, read in one go; *len: the bytes up to
 * its first NUL (a table ends there). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    size_t cap = fstat(fileno(f), &st) == 0 && st.st_size > 0
                     ? (size_t)st.st_size + 1
                     : 65536;
    char *text = malloc(cap);
    size_t n = 0, got;
    while (text && (got = fread(text + n, 1, cap - 1 - n, f)) > 0) {
        n += got;
        if (n == cap - 1) { /* the file grew, or it has no size */
            char *more = realloc(text, cap * 2);
            if (!more) {
                free(text);
                text = NULL;
                break;
            }
            text = more;
            cap *= 2;
        }
    }
    int bad = ferror(f), err = errno;
    fclose(f);
    if (!text || bad) {
        free(text);
        errno = !text ? ENOMEM : err ? err : EIO; /* callers tell them apart */
        return NULL;
    }
    text[n] = '\0';
    const char *nul = memchr(text, '\0', n);
    *len = nul ? (size_t)(nul - text) : n;
    return text;
}

int mtl_table_load(mtl_table *t, const char *path, size_t min_fields)
{
    memset(t, 0, sizeof *t);
    size_t len;
    if (!(t->text = slurp(path, &len)))
        return -1;
    size_t cap = 0;
    char *end = t->text + len;
    /* memchr finds line ends and tabs: start-up reads tables of megabytes */
    for (char *line = t->text; line < end;) {
        char *eol = memchr(line, '\n', (size_t)(end - line));
        char *next = eol ? eol + 1 : end;
        if (!eol)
            eol = end;
        *eol = '\0';
        if (eol > line && eol[-1] == '\r')
            *--eol = '\0';
        size_t fields = 1;
        for (char *p = memchr(line, '\t', (size_t)(eol - line)); p;
             p = memchr(p + 1, '\t', (size_t)(eol - p - 1))) {
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
        line = next;
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
