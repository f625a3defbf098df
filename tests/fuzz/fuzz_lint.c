/*
 * libFuzzer target: lints the input with every rule on, as plain text or as
 * Markdown (the first byte chooses), and frees the result. Any crash, leak,
 * sanitizer report or finding outside the input is a bug.
 *
 * The linter is built once: loading dictionaries and models per input would
 * make the fuzzer a hundred times slower. libFuzzer runs the target from one
 * thread, so the pointer below is written once, before any input.
 */
#include "mtlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static mtl_linter *linter;

static void free_linter(void) { mtl_linter_free(linter); }

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    mtl_options *o = mtl_options_new();
    if (!o)
        abort();
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *ri = mtl_rule_at(i);
        mtl_options_set_severity(o, ri->id, ri->default_severity == MTL_OFF
                                                ? MTL_WARNING
                                                : ri->default_severity);
    }
    char *err = NULL;
    linter = mtl_linter_new(o, &err);
    mtl_options_free(o);
    if (!linter) {
        fprintf(stderr, "fuzz_lint: %s\n", err ? err : "no linter");
        free(err);
        abort();
    }
    for (const char *const *n = mtl_linter_notices(linter); *n; n++)
        fprintf(stderr, "fuzz_lint: %s\n", *n);
    atexit(free_linter);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *name = data[0] & 1 ? "fuzz.md" : "fuzz.txt";
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    mtl_result *r = NULL;
    if (mtl_lint(linter, text, len, name, &r) != 0)
        abort(); /* only out of memory may fail */
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        if (f->offset > len || f->length > len - f->offset || f->line < 1 ||
            f->column < 1 || f->end_line < f->line ||
            (f->end_line == f->line && f->end_column < f->column))
            abort();
    }
    mtl_result_free(r);
    return 0;
}
