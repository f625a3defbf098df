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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_rows_and_fields),
        cmocka_unit_test(view_orders_by_another_field),
        cmocka_unit_test(missing_and_empty_files),
    };
    return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
