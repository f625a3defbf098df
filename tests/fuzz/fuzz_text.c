/*
 * Plain text through mtl_lint with every rule on: spans inside the input
 * and on character boundaries, lines and columns right, the same findings
 * twice (for one input in four, fuzz.c), and the gnu, json and sarif
 * reports reading back as the findings (fuzz.h). The linter is built once,
 * in LLVMFuzzerInitialize.
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
    fuzz_lint_checked("fuzz.txt", 0, data, size);
    return 0;
}
