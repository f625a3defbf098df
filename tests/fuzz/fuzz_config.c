/*
 * Configuration files (.mtlint.ini, read by inih through
 * mtl_config_apply): the input is the file, applied for a few files below
 * its directory whose paths give its globs something to match. Applying
 * succeeds exactly when there is no error message, the message names the
 * file and a line, and applying the same file again gives the same
 * options, ignore verdict and root setting.
 */
#include "fuzz.h"

#include "mtlint_config.h"

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

typedef struct outcome {
    int rc, ignored, root;
    char *error, *key;
} outcome;

static outcome apply(const char *config, const char *target)
{
    outcome o = {0};
    mtl_options *opts = mtl_options_new();
    FUZZ_CHECK(opts, "no options");
    o.rc = mtl_config_apply(config, target, opts, &o.ignored, &o.root, &o.error);
    o.key = mtl_options_key(opts);
    FUZZ_CHECK(o.key, "no options key");
    mtl_options_free(opts);
    return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *config = fuzz_write_file(".mtlint.ini", data, size);
    /* deep and long paths give '**' and '*' in globs work to do */
    static const char *const targets[] = {
        "a.md", "notes.txt", "docs/guide/intro.draft.md",
        "x/y/z/w/v/u/t/s/r/q/p/o/n/m/l/k/j/i/h/g/f/e/d/c/b/a/aaaaaaaaaaaa.txt"};
    for (size_t t = 0; t < sizeof targets / sizeof *targets; t++) {
        char target[4096];
        snprintf(target, sizeof target, "%s/%s", fuzz_tmpdir(), targets[t]);
        outcome a = apply(config, target), b = apply(config, target);
        FUZZ_CHECK((a.rc == 0) == (a.error == NULL) && (a.rc == 0 || a.rc == -1),
                   "returned %d with error '%s'", a.rc,
                   a.error ? a.error : "(none)");
        if (a.error) {
            size_t n = strlen(config);
            FUZZ_CHECK(strncmp(a.error, config, n) == 0 && a.error[n] == ':' &&
                           !strchr(a.error, '\n'),
                       "error '%s' does not name the file on one line",
                       a.error);
        }
        FUZZ_CHECK(a.rc == b.rc && a.ignored == b.ignored && a.root == b.root &&
                       strcmp(a.key, b.key) == 0 &&
                       (!a.error || strcmp(a.error, b.error) == 0),
                   "applying twice differs");
        free(a.error);
        free(a.key);
        free(b.error);
        free(b.key);
    }
    return 0;
}
