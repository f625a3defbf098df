#include "lang/table.h"

#include "base/buf.h"
#include "base/mapfile.h"
#include "lang/table_format.h"

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
    char *text = slurp(path, &len);
    if (!text)
        return -1;
    t->text = t->own_text = text;
    t->len = len;
    size_t cap = 0;
    char *end = text + len;
    /* memchr finds line ends and tabs: start-up reads tables of megabytes */
    for (char *line = text; line < end;) {
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
            (size_t)(line - text) < UINT32_MAX &&
            MTL_PUSH(t->own_row, t->n, cap, (uint32_t)(line - text)) != 0) {
            mtl_table_free(t);
            errno = ENOMEM;
            return -1;
        }
        line = next;
    }
    t->row = t->own_row;
    return 0;
}

/* The compiled table at path with min_fields and an order by field k,
 * made from the file src as it is now; 0, or -1 when there is none. */
static int open_compiled(mtl_table *t, const char *path, const char *src,
                         size_t min_fields, size_t k)
{
    mtl_mapfile m;
    if (k >= MTL_TABLE_MAX_FIELDS ||
        mtl_map_open(path, sizeof(mtl_table_header), &m) != 0)
        return -1;
    const mtl_table_header *h = (const mtl_table_header *)m.base;
    uint64_t size = m.size, pad = MTL_TABLE_MAX_FIELDS;
    int ok = memcmp(h->magic, MTL_TABLE_MAGIC, 8) == 0 &&
             h->version == MTL_TABLE_VERSION &&
             h->header_check == mtl_table_header_sum(h) &&
             h->file_size == size && h->min_fields == min_fields &&
             h->n_rows < UINT32_MAX && h->text_len < UINT32_MAX &&
             mtl_map_inside(h->off_text, h->text_len + pad, size,
                            sizeof *h, 8) &&
             h->off_order[k] &&
             mtl_map_inside(h->off_order[k], h->n_rows * 4, size, sizeof *h,
                            8) &&
             mtl_file_stamp_matches(src, h->src_size, h->src_mtime_ns);
    /* the padding ends every walk over fields inside the text */
    for (uint64_t i = 0; ok && i < pad; i++)
        ok = m.base[h->off_text + h->text_len + i] == 0;
    if (!ok) {
        mtl_map_close(&m);
        return -1;
    }
    memset(t, 0, sizeof *t);
    t->map = m;
    t->text = (const char *)m.base + h->off_text;
    t->len = (size_t)h->text_len;
    t->row = (const uint32_t *)(m.base + h->off_order[k]);
    t->n = (size_t)h->n_rows;
    return 0;
}

char *mtl_table_compiled_path(const char *path)
{
    size_t n = strlen(path);
    if (n >= 4 && strcmp(path + n - 4, ".tsv") == 0)
        n -= 4;
    char *out = malloc(n + sizeof ".table");
    if (out) {
        memcpy(out, path, n);
        memcpy(out + n, ".table", sizeof ".table");
    }
    return out;
}

int mtl_table_open(mtl_table *t, const char *path, size_t min_fields,
                   size_t k)
{
    char *compiled = mtl_table_compiled_path(path);
    if (!compiled) {
        errno = ENOMEM;
        return -1;
    }
    int rc = open_compiled(t, compiled, path, min_fields, k);
    free(compiled);
    if (rc == 0)
        return 0;
    if (mtl_table_load(t, path, min_fields) != 0)
        return -1;
    if (mtl_table_sort(t, k) != 0) {
        mtl_table_free(t);
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

/* Field k's order of a compiled table, or NULL. */
static const uint32_t *compiled_order(const mtl_table *t, size_t k)
{
    if (!t->map.base || k >= MTL_TABLE_MAX_FIELDS)
        return NULL;
    const mtl_table_header *h = (const mtl_table_header *)t->map.base;
    return h->off_order[k] && mtl_map_inside(h->off_order[k], h->n_rows * 4,
                                             t->map.size, sizeof *h, 8)
               ? (const uint32_t *)(t->map.base + h->off_order[k])
               : NULL;
}

int mtl_table_view(const mtl_table *t, size_t k, mtl_table *view)
{
    *view = (mtl_table){.text = t->text, .n = t->n, .len = t->len};
    if ((view->row = compiled_order(t, k)) != NULL)
        return 0;
    view->own_row = malloc((t->n ? t->n : 1) * sizeof *view->own_row);
    if (!view->own_row)
        return -1;
    if (t->n) /* t->row is NULL in an empty table */
        memcpy(view->own_row, t->row, t->n * sizeof *view->own_row);
    view->row = view->own_row;
    if (mtl_table_sort(view, k) != 0) {
        mtl_table_free(view);
        return -1;
    }
    return 0;
}

void mtl_table_free(mtl_table *t)
{
    free(t->own_text);
    free(t->own_row);
    mtl_map_close(&t->map);
    memset(t, 0, sizeof *t);
}

const char *mtl_table_field(const mtl_table *t, size_t i, size_t k)
{
    if (t->row[i] >= t->len) /* only a damaged compiled table */
        return "";
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

/* Sorted by field k, and rows with equal keys in the order of the file:
 * the one order mtl_table_sort gives, whatever the order before. */
static int in_sort_order(const mtl_table *t, size_t k)
{
    for (size_t i = 1; i < t->n; i++) {
        int c = strcmp(mtl_table_field(t, i - 1, k), mtl_table_field(t, i, k));
        if (c > 0 || (c == 0 && t->row[i - 1] > t->row[i]))
            return 0;
    }
    return 1;
}

int mtl_table_sort(mtl_table *t, size_t k)
{
    if (in_sort_order(t, k))
        return 0;
    if (!t->own_row) { /* a compiled order: sort a copy */
        uint32_t *copy = malloc((t->n ? t->n : 1) * sizeof *copy);
        if (!copy)
            return -1;
        memcpy(copy, t->row, t->n * sizeof *copy);
        t->row = t->own_row = copy;
    }
    keyed *tmp = malloc((t->n ? t->n : 1) * sizeof *tmp);
    if (!tmp)
        return -1;
    for (size_t i = 0; i < t->n; i++)
        tmp[i] = (keyed){mtl_table_field(t, i, k), t->row[i]};
    qsort(tmp, t->n, sizeof *tmp, by_key);
    for (size_t i = 0; i < t->n; i++)
        t->own_row[i] = tmp[i].row;
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

/* --- compiling ---------------------------------------------------------- */

static int write_all(FILE *f, const void *p, size_t n)
{
    return n == 0 || fwrite(p, 1, n, f) == n ? 0 : -1;
}

static int pad_to(FILE *f, uint64_t *at, uint64_t align)
{
    static const char zero[8];
    size_t n = (size_t)((align - *at % align) % align);
    *at += n;
    return write_all(f, zero, n);
}

int mtl_table_compile(const char *src, size_t min_fields, unsigned by_fields,
                      const char *out)
{
    mtl_file_stamp stamp;
    mtl_table t, views[MTL_TABLE_MAX_FIELDS];
    memset(views, 0, sizeof views);
    if (mtl_file_stamp_of(src, &stamp) != 0 ||
        mtl_table_load(&t, src, min_fields) != 0)
        return -1;
    int rc = -1;
    mtl_table_header h = {.version = MTL_TABLE_VERSION,
                          .min_fields = (uint32_t)min_fields,
                          .src_size = stamp.size,
                          .src_mtime_ns = stamp.mtime_ns,
                          .n_rows = t.n,
                          .text_len = t.len};
    memcpy(h.magic, MTL_TABLE_MAGIC, 8);
    uint64_t at = sizeof h;
    h.off_text = at;
    at += t.len + MTL_TABLE_MAX_FIELDS;
    for (size_t k = 0; k < MTL_TABLE_MAX_FIELDS; k++) {
        if (!(by_fields >> k & 1))
            continue;
        if (mtl_table_view(&t, k, &views[k]) != 0) {
            errno = ENOMEM;
            goto done;
        }
        at = (at + 7) / 8 * 8;
        h.off_order[k] = at;
        at += 4 * (uint64_t)t.n;
    }
    h.file_size = at;
    h.header_check = mtl_table_header_sum(&h);

    mtl_map_writer w;
    if (mtl_map_write_open(&w, out) != 0)
        goto done;
    FILE *f = w.f;
    static const char nuls[MTL_TABLE_MAX_FIELDS];
    int bad = write_all(f, &h, sizeof h) || write_all(f, t.text, t.len) ||
              write_all(f, nuls, sizeof nuls);
    at = sizeof h + t.len + sizeof nuls;
    for (size_t k = 0; !bad && k < MTL_TABLE_MAX_FIELDS; k++)
        if (h.off_order[k])
            bad = pad_to(f, &at, 8) ||
                  write_all(f, views[k].row, 4 * views[k].n) ||
                  ((at += 4 * (uint64_t)views[k].n), 0);
    if (mtl_map_write_close(&w, !bad) != 0)
        goto done;
    rc = 0;
done:
    for (size_t k = 0; k < MTL_TABLE_MAX_FIELDS; k++)
        mtl_table_free(&views[k]);
    mtl_table_free(&t);
    return rc;
}
