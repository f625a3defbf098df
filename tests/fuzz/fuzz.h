/*
 * What the libFuzzer targets share. A target is tests/fuzz/fuzz_<name>.c
 * (LLVMFuzzerTestOneInput, and LLVMFuzzerInitialize when it loads
 * something), a line in tests/fuzz/meson.build, a dictionary
 * tests/fuzz/<name>.dict, and its seeds in tools/fuzz_seeds.py;
 * `scripts/fuzz <name> SECONDS` runs it (HACKING.md, "Fuzzing").
 *
 * A target checks invariants, not only that nothing crashed: a broken one
 * prints what it found and aborts, so libFuzzer keeps the input.
 *
 * libFuzzer runs a target on one thread; the state built once here (the
 * linter, a scratch directory) is written before the first input.
 */
#ifndef MTL_FUZZ_H
#define MTL_FUZZ_H

#include "mtlint.h"

#include <stddef.h>
#include <stdint.h>

/* Declared here once for every target. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((noreturn, format(printf, 3, 4)))
void fuzz_fail(const char *file, int line, const char *fmt, ...);
/* Aborts with a message when cond is false. */
#define FUZZ_CHECK(cond, ...)                                               \
    do {                                                                    \
        if (!(cond))                                                        \
            fuzz_fail(__FILE__, __LINE__, __VA_ARGS__);                     \
    } while (0)

/* The linter with every rule on (rules that are off by default at
 * warning), built at the first call and freed at exit, after a first lint
 * that loads every resource loaded on first need. Resources come from
 * the build tree's dicts/ or $MTLINT_DATA_DIR; a missing one is said once
 * on stderr. */
const mtl_linter *fuzz_linter(void);

/* A private directory for targets that parse files, removed at exit. */
const char *fuzz_tmpdir(void);
/* Writes data to a file of that directory; returns its path (static). */
const char *fuzz_write_file(const char *name, const uint8_t *data,
                            size_t size);

/*
 * The checks on one lint of data[0..len) named name:
 *
 * fuzz_check_spans: every finding lies inside the input, starts and ends on
 * a character boundary (never inside a well-formed UTF-8 sequence), and
 * its line and columns are those of its offsets; findings come sorted.
 *
 * fuzz_check_markdown: no finding starts inside front matter, a code block,
 * a code span, raw HTML or a link destination, as cmark parses the input.
 *
 * fuzz_check_equal: two results are the same, field by field.
 *
 * fuzz_check_reports: the gnu, json and sarif reports read back give the
 * findings (and pretty output is written without fault). SARIF's tool and
 * rules part depends on no input: fuzz_linter() checks a whole log once,
 * and each input only the results.
 */
void fuzz_check_spans(const char *data, size_t len, const mtl_result *r);
void fuzz_check_markdown(const char *data, size_t len, const mtl_result *r);
void fuzz_check_equal(const mtl_result *a, const mtl_result *b);
void fuzz_check_reports(const char *name, const char *data, size_t len,
                        mtl_result *r);

/* Lints data as name with fuzz_linter() and runs every check above that
 * applies (the Markdown one when markdown is set): the text and Markdown
 * targets, and any front end's target that lints whole documents. */
void fuzz_lint_checked(const char *name, int markdown, const uint8_t *data,
                       size_t size);

#endif
