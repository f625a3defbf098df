/*
 * Markdown through mtl_lint with every rule on: the checks of the text
 * target, and no finding starting in front matter, code, raw HTML or a
 * link destination as cmark parses the input (fuzz.h).
 */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_linter();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_lint_checked("fuzz.md", 1, data, size);
    return 0;
}
