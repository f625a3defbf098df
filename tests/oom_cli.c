/*
 * The command line with allocation failure on demand (alloc_fail.h), for
 * test_oom: MTLINT_FAIL_ALLOC=N fails the N-th allocation counted from the
 * first mtl_lint call, and MTLINT_COUNT_ALLOC=1 says at exit how many were
 * counted. Built from the command line's objects with mtl_lint wrapped.
 */
#include "alloc_fail.h"
#include "mtlint.h"

#include <stdio.h>
#include <stdlib.h>

int __real_mtl_lint(const mtl_linter *linter, const char *bytes, size_t len,
                    const char *name, mtl_result **out);
int __wrap_mtl_lint(const mtl_linter *linter, const char *bytes, size_t len,
                    const char *name, mtl_result **out);

static void say_count(void)
{
    fprintf(stderr, "allocations: %zu\n", alloc_count());
}

/* The program is run with -j1: one thread counts. */
int __wrap_mtl_lint(const mtl_linter *linter, const char *bytes, size_t len,
                    const char *name, mtl_result **out)
{
    static int armed;
    if (!armed) {
        armed = 1;
        const char *n = getenv("MTLINT_FAIL_ALLOC");
        alloc_fail_at(n ? strtoul(n, NULL, 10) : 0);
        if (getenv("MTLINT_COUNT_ALLOC"))
            atexit(say_count);
    }
    return __real_mtl_lint(linter, bytes, len, name, out);
}
