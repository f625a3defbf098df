/* base/: the string hash and word-list membership. */
#include "lint_helper.h"

#include "base/hash.h"
#include "base/strlist.h"

#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fnv_vectors),
        cmocka_unit_test(fnv_continues),
        cmocka_unit_test(word_lists),
    };
    return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
