/* Word tables (lang/table.h): loading, fields, order, views, look-ups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lang/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes text to a temporary file; returns its malloc'd path. */
static char *temp_file(const char *text)
{
    char *path = strdup("/tmp/mtlint-table-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

static void loads_rows_and_fields(void **state)
{
    (void)state;
    char *path = temp_file("# a comment\n"
                           "pear\tpoire\tfr\n"
                           "too few\n"
                           "\n"
                           "apple\tpomme\tfr\r\n"
                           "apple\tapfel\tde");
    mtl_table t;
    assert_int_equal(mtl_table_load(&t, path, 3), 0);
    assert_int_equal(t.n, 3);
    assert_string_equal(mtl_table_field(&t, 0, 0), "pear");
    assert_string_equal(mtl_table_field(&t, 1, 2), "fr"); /* no \r */
    assert_string_equal(mtl_table_field(&t, 2, 1), "apfel");
    assert_false(mtl_table_sorted(&t, 0));
    assert_int_equal(mtl_table_sort(&t, 0), 0);
    assert_true(mtl_table_sorted(&t, 0));
    /* equal keys keep file order */
    assert_string_equal(mtl_table_field(&t, 0, 1), "pomme");
    assert_string_equal(mtl_table_field(&t, 1, 1), "apfel");
    size_t first, end = mtl_table_find(&t, 0, "apple", &first);
    assert_int_equal(first, 0);
    assert_int_equal(end, 2);
    end = mtl_table_find(&t, 0, "banana", &first);
    assert_int_equal(end, first);
    end = mtl_table_find(&t, 0, "zebra", &first);
    assert_int_equal(first, 3);
    assert_int_equal(end, 3);
    mtl_table_free(&t);
    unlink(path);
    free(path);
}

static void view_orders_by_another_field(void **state)
{
    (void)state;
    char *path = temp_file("color\tcolour\ncenter\tcentre\nprogram\tprogramme\n");
    mtl_table t, v;
    assert_int_equal(mtl_table_load(&t, path, 2), 0);
    assert_int_equal(mtl_table_sort(&t, 0), 0);
    assert_int_equal(mtl_table_view(&t, 1, &v), 0);
    assert_true(mtl_table_sorted(&v, 1));
    assert_string_equal(mtl_table_field(&v, 0, 1), "centre");
    size_t first, end = mtl_table_find(&v, 1, "colour", &first);
    assert_int_equal(end - first, 1);
    assert_string_equal(mtl_table_field(&v, first, 0), "color");
    mtl_table_free(&v); /* the view does not free the table's text */
    assert_string_equal(mtl_table_field(&t, 0, 0), "center");
    mtl_table_free(&t);
    unlink(path);
    free(path);
}

static void missing_and_empty_files(void **state)
{
    (void)state;
    mtl_table t;
    assert_int_equal(mtl_table_load(&t, "/nonexistent/mtlint/table.tsv", 2), -1);
    char *path = temp_file("");
    assert_int_equal(mtl_table_load(&t, path, 2), 0);
    assert_int_equal(t.n, 0);
    size_t first;
    assert_int_equal(mtl_table_find(&t, 0, "x", &first), 0);
    assert_true(mtl_table_sorted(&t, 0));
    mtl_table_free(&t);
    unlink(path);
    free(path);
}

/* Writes text to a temporary file ending in .tsv; its malloc'd path. */
static char *temp_tsv(const char *text)
{
    char *path = strdup("/tmp/mtlint-table-XXXXXX.tsv");
    assert_non_null(path);
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

/* Both tables have the same rows in the same order. */
static void assert_same_rows(const mtl_table *a, const mtl_table *b,
                             size_t fields)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++)
        for (size_t k = 0; k < fields; k++)
            assert_string_equal(mtl_table_field(a, i, k),
                                mtl_table_field(b, i, k));
}

static const char pairs[] = "# us, uk\n"
                            "color\tcolour\n"
                            "center\tcentre\n"
                            "program\tprogramme\n"
                            "program\tprogram\n"
                            "analog\tanalogue\n"
                            "one field\n";

static void compiled_table_is_mapped_in_the_same_orders(void **state)
{
    (void)state;
    char *src = temp_tsv(pairs), *bin = mtl_table_compiled_path(src);
    assert_non_null(bin);
    assert_string_equal(bin + strlen(bin) - 6, ".table");
    assert_int_equal(mtl_table_compile(src, 2, 1u | 2u, bin), 0);

    mtl_table parsed, parsed_uk, mapped, mapped_uk;
    assert_int_equal(mtl_table_load(&parsed, src, 2), 0);
    assert_int_equal(mtl_table_sort(&parsed, 0), 0);
    assert_int_equal(mtl_table_view(&parsed, 1, &parsed_uk), 0);
    assert_int_equal(mtl_table_open(&mapped, src, 2, 0), 0);
    assert_non_null(mapped.map.base); /* not parsed */
    assert_null(mapped.own_text);
    assert_int_equal(mtl_table_view(&mapped, 1, &mapped_uk), 0);
    assert_null(mapped_uk.own_row); /* the compiled order, not sorted */
    assert_same_rows(&parsed, &mapped, 2);
    assert_same_rows(&parsed_uk, &mapped_uk, 2);
    /* equal keys in file order: "programme" before "program" */
    size_t first, end = mtl_table_find(&mapped, 0, "program", &first);
    assert_int_equal(end - first, 2);
    assert_string_equal(mtl_table_field(&mapped, first, 1), "programme");
    mtl_table_free(&mapped_uk);
    mtl_table_free(&parsed_uk);
    mtl_table_free(&mapped);
    mtl_table_free(&parsed);

    /* an order that was not compiled is sorted from the TSV */
    assert_int_equal(mtl_table_compile(src, 2, 1u, bin), 0);
    assert_int_equal(mtl_table_open(&mapped, src, 2, 1), 0);
    assert_null(mapped.map.base);
    assert_true(mtl_table_sorted(&mapped, 1));
    mtl_table_free(&mapped);
    /* as is a table asked for with other fields */
    assert_int_equal(mtl_table_open(&mapped, src, 1, 0), 0);
    assert_null(mapped.map.base);
    assert_int_equal(mapped.n, 6);
    mtl_table_free(&mapped);
    unlink(bin);
    unlink(src);
    free(bin);
    free(src);
}

static void stale_or_damaged_compiled_table_is_not_used(void **state)
{
    (void)state;
    char *src = temp_tsv(pairs), *bin = mtl_table_compiled_path(src);
    assert_int_equal(mtl_table_compile(src, 2, 1u, bin), 0);
    /* the TSV changed after compiling: its rows are read instead */
    FILE *f = fopen(src, "a");
    assert_non_null(f);
    fputs("aluminum\taluminium\n", f);
    fclose(f);
    mtl_table t;
    assert_int_equal(mtl_table_open(&t, src, 2, 0), 0);
    assert_null(t.map.base);
    size_t first, end = mtl_table_find(&t, 0, "aluminum", &first);
    assert_int_equal(end - first, 1);
    mtl_table_free(&t);
    /* compiled again, then cut short */
    assert_int_equal(mtl_table_compile(src, 2, 1u, bin), 0);
    assert_int_equal(mtl_table_open(&t, src, 2, 0), 0);
    assert_non_null(t.map.base);
    size_t n = t.n;
    mtl_table_free(&t);
    assert_int_equal(truncate(bin, 100), 0);
    assert_int_equal(mtl_table_open(&t, src, 2, 0), 0);
    assert_null(t.map.base);
    assert_int_equal(t.n, n);
    mtl_table_free(&t);
    unlink(bin);
    unlink(src);
    free(bin);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_rows_and_fields),
        cmocka_unit_test(view_orders_by_another_field),
        cmocka_unit_test(missing_and_empty_files),
        cmocka_unit_test(compiled_table_is_mapped_in_the_same_orders),
        cmocka_unit_test(stale_or_damaged_compiled_table_is_not_used),
    };
    return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
