/* base/: the string hash, word-list membership and mapped files. */
#include "lint_helper.h"

#include "base/hash.h"
#include "base/mapfile.h"
#include "base/strlist.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Published FNV-1a test vectors: the stored keys of the model files
 * depend on these exact values. */
static void fnv_vectors(void **state)
{
    (void)state;
    assert_true(mtl_fnv64(MTL_FNV64_INIT, "", 0) == 0xcbf29ce484222325ull);
    assert_true(mtl_fnv64(MTL_FNV64_INIT, "a", 1) == 0xaf63dc4c8601ec8cull);
    assert_true(mtl_fnv64(MTL_FNV64_INIT, "foobar", 6) == 0x85944171f73967e8ull);
    assert_true(mtl_fnv32("", 0) == 0x811c9dc5u);
    assert_true(mtl_fnv32("a", 1) == 0xe40c292cu);
    assert_true(mtl_fnv32("foobar", 6) == 0xbf9cf968u);
}

/* Hashing in pieces is hashing the whole. */
static void fnv_continues(void **state)
{
    (void)state;
    uint64_t h = mtl_fnv64(MTL_FNV64_INIT, "foo", 3);
    assert_true(mtl_fnv64(h, "bar", 3) == mtl_fnv64(MTL_FNV64_INIT, "foobar", 6));
    h = MTL_FNV64_INIT;
    for (const char *p = "foobar"; *p; p++)
        h = mtl_fnv64_byte(h, (unsigned char)*p);
    assert_true(h == 0x85944171f73967e8ull);
}

static void word_lists(void **state)
{
    (void)state;
    static const char *const list[] = {"the", "a", "an", NULL};
    static const char *const empty[] = {NULL};
    assert_true(mtl_in_list(list, "a"));
    assert_true(mtl_in_list(list, "an"));
    assert_false(mtl_in_list(list, "and"));
    assert_false(mtl_in_list(list, "The")); /* exact, not folded */
    assert_false(mtl_in_list(list, ""));
    assert_false(mtl_in_list(empty, "the"));
}

/* A temporary directory for the file tests, and a path inside it. */
static char *temp_dir(void)
{
    char tmpl[] = "/tmp/mtlint-base-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

static void mapped_files(void **state)
{
    (void)state;
    char *dir = temp_dir(), path[512], tmp[520];
    snprintf(path, sizeof path, "%s/data.bin", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    write_text(path, "first version");
    mtl_mapfile m;
    assert_int_equal(mtl_map_open(path, 5, &m), 0);
    assert_int_equal(m.size, 13);
    assert_memory_equal(m.base, "first", 5);
    /* too short, a directory, missing: refused with errno */
    mtl_mapfile bad;
    assert_int_equal(mtl_map_open(path, 100, &bad), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(mtl_map_open(dir, 0, &bad), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(mtl_map_open("/nonexistent/x", 0, &bad), -1);
    assert_int_equal(errno, ENOENT);

    /* written beside and renamed: the old mapping still reads the old
     * bytes, the path has the new ones, nothing is left beside it */
    mtl_map_writer w;
    assert_int_equal(mtl_map_write_open(&w, path), 0);
    assert_int_equal(fputs("second version!", w.f) >= 0, 1);
    assert_int_equal(access(path, F_OK), 0);
    assert_int_equal(mtl_map_write_close(&w, 1), 0);
    assert_memory_equal(m.base, "first version", 13);
    mtl_map_close(&m);
    assert_int_equal(mtl_map_open(path, 0, &m), 0);
    assert_int_equal(m.size, 15);
    assert_memory_equal(m.base, "second", 6);
    mtl_map_close(&m);
    assert_int_equal(access(tmp, F_OK), -1);

    /* a failed write leaves the file as it was and no temporary file */
    assert_int_equal(mtl_map_write_open(&w, path), 0);
    fputs("half", w.f);
    assert_int_equal(mtl_map_write_close(&w, 0), -1);
    assert_int_equal(access(tmp, F_OK), -1);
    assert_int_equal(mtl_map_open(path, 0, &m), 0);
    assert_int_equal(m.size, 15);
    mtl_map_close(&m);
    /* a folder that cannot be written to */
    char nodir[600];
    snprintf(nodir, sizeof nodir, "%s/missing/data.bin", dir);
    assert_int_equal(mtl_map_write_open(&w, nodir), -1);
    assert_int_equal(errno, ENOENT);

    /* the stamp names this file as it is now */
    mtl_file_stamp st;
    assert_int_equal(mtl_file_stamp_of(path, &st), 0);
    assert_int_equal(st.size, 15);
    assert_true(mtl_file_stamp_matches(path, st.size, st.mtime_ns));
    assert_false(mtl_file_stamp_matches(path, st.size + 1, st.mtime_ns));
    assert_int_equal(mtl_file_stamp_of("/nonexistent/x", &st), -1);

    remove(path);
    rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fnv_vectors),
        cmocka_unit_test(fnv_continues),
        cmocka_unit_test(word_lists),
        cmocka_unit_test(mapped_files),
    };
    return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
