/*
 * The word-table loader (src/lang/table.c): the first byte chooses how many
 * fields a row needs (1 to 4), the rest is the file. The rows must be the
 * file's lines that are rows (first field not empty and not a '#' comment,
 * enough fields; the text ends at a NUL byte), their fields the line's
 * tab-separated parts, in file order; a view sorted by any field must be
 * sorted, and searching it for each row's key must find that row; the
 * table compiled (table_format.h) and mapped must have the same rows in
 * the same orders.
 */
#include "fuzz.h"

#include "lang/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmpdir();
    return 0;
}

/* Field k of the line s[0..n): its start and length, or 0 if it has none. */
static int nth_field(const char *s, size_t n, size_t k, size_t *a, size_t *len)
{
    size_t i = 0;
    for (; k; k--) {
        const char *tab = memchr(s + i, '\t', n - i);
        if (!tab)
            return 0;
        i = (size_t)(tab - s) + 1;
    }
    const char *tab = memchr(s + i, '\t', n - i);
    *a = i;
    *len = tab ? (size_t)(tab - (s + i)) : n - i;
    return 1;
}

static void check_order(const mtl_table *t, size_t k)
{
    mtl_table view;
    FUZZ_CHECK(mtl_table_view(t, k, &view) == 0, "mtl_table_view failed");
    FUZZ_CHECK(view.n == t->n, "a view with %zu rows of %zu", view.n, t->n);
    FUZZ_CHECK(mtl_table_sorted(&view, k), "view by field %zu not sorted", k);
    for (size_t i = 0; i < view.n; i++) {
        const char *key = mtl_table_field(&view, i, k);
        size_t first, end = mtl_table_find(&view, k, key, &first);
        FUZZ_CHECK(first <= i && i < end, "row %zu not found by its key '%s'",
                   i, key);
        for (size_t j = first; j < end; j++)
            FUZZ_CHECK(strcmp(mtl_table_field(&view, j, k), key) == 0,
                       "row %zu found for key '%s'", j, key);
    }
    mtl_table_free(&view);
}

/* Compiled with every order and mapped, the table has the same rows in
 * the orders that sorting gives. */
static void check_compiled(const mtl_table *t, const char *path,
                           size_t min_fields)
{
    char *bin = mtl_table_compiled_path(path);
    FUZZ_CHECK(bin && mtl_table_compile(path, min_fields,
                                        (1u << min_fields) - 1, bin) == 0,
               "compiling failed");
    for (size_t k = 0; k < min_fields; k++) {
        mtl_table m, sorted;
        FUZZ_CHECK(mtl_table_open(&m, path, min_fields, k) == 0 &&
                       m.map.base,
                   "the compiled table was not used");
        FUZZ_CHECK(mtl_table_view(t, k, &sorted) == 0, "view failed");
        FUZZ_CHECK(m.n == sorted.n, "%zu rows compiled, %zu parsed", m.n,
                   sorted.n);
        for (size_t i = 0; i < m.n; i++)
            for (size_t f = 0; f < min_fields; f++)
                FUZZ_CHECK(strcmp(mtl_table_field(&m, i, f),
                                  mtl_table_field(&sorted, i, f)) == 0,
                           "order %zu: row %zu field %zu differs", k, i, f);
        mtl_table_free(&sorted);
        mtl_table_free(&m);
    }
    remove(bin);
    free(bin);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t min_fields = 1 + data[0] % 4;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    const char *path = fuzz_write_file("table.tsv", data + 1, len);
    mtl_table t;
    FUZZ_CHECK(mtl_table_load(&t, path, min_fields) == 0, "load failed");

    const char *nul = memchr(text, '\0', len);
    if (nul)
        len = (size_t)(nul - text);
    size_t row = 0;
    for (size_t i = 0; i < len;) {
        const char *eol = memchr(text + i, '\n', len - i);
        size_t n = eol ? (size_t)(eol - (text + i)) : len - i;
        const char *line = text + i;
        i += n + 1;
        if (n && line[n - 1] == '\r')
            n--;
        size_t a, flen, fields = 1;
        for (size_t k = 0; k < n; k++)
            fields += line[k] == '\t';
        nth_field(line, n, 0, &a, &flen);
        if (flen == 0 || line[0] == '#' || fields < min_fields)
            continue;
        FUZZ_CHECK(row < t.n, "%zu rows, but the file has more", t.n);
        for (size_t k = 0; k < min_fields; k++) {
            nth_field(line, n, k, &a, &flen);
            const char *got = mtl_table_field(&t, row, k);
            FUZZ_CHECK(strlen(got) == flen && memcmp(got, line + a, flen) == 0,
                       "row %zu field %zu is '%s'", row, k, got);
        }
        row++;
    }
    FUZZ_CHECK(row == t.n, "%zu rows, the file has %zu", t.n, row);
    for (size_t k = 0; k < min_fields; k++)
        check_order(&t, k);
    check_compiled(&t, path, min_fields);
    mtl_table_free(&t);
    return 0;
}
