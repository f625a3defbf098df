/*
 * Baseline files (src/cli/baseline.c). An even first byte: the rest is a
 * baseline file, which must load exactly when it has the first line and
 * every other line is blank, a '#' comment, or sixteen hex digits and a
 * tab; a refusal names the file. An odd first byte: the rest is a file
 * name, a line break and a text; the text's findings (cheap rules only)
 * written as a baseline must load, cover every finding once, and no more.
 */
#include "fuzz.h"

#include "cli/baseline.h"

#include <stdlib.h>
#include <string.h>

static mtl_linter *linter;

static void free_linter(void) { mtl_linter_free(linter); }

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmpdir();
    /* rules that need no resources: a linter built in microseconds'
     * worth of work per input */
    static const char *const rules[] = {"repeated-word", "punctuation-spacing",
                                        "doubled-punctuation",
                                        "unbalanced-quotes", "encoding"};
    mtl_options *o = mtl_options_new();
    FUZZ_CHECK(o, "no options");
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
        FUZZ_CHECK(mtl_options_set_severity(o, rules[i], MTL_WARNING) == 0,
                   "no rule %s", rules[i]);
    char *err = NULL;
    linter = mtl_linter_new(o, &err);
    mtl_options_free(o);
    FUZZ_CHECK(linter, "no linter: %s", err ? err : "?");
    atexit(free_linter);
    return 0;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* Would the reader take this file? */
static int valid_baseline(const char *s, size_t n)
{
    static const char header[] = "# mtlint baseline 1";
    if (n < sizeof header - 1 || memcmp(s, header, sizeof header - 1) != 0)
        return 0;
    const char *eol = memchr(s, '\n', n);
    for (size_t i = eol ? (size_t)(eol - s) + 1 : n; i < n;) {
        eol = memchr(s + i, '\n', n - i);
        size_t k = eol ? (size_t)(eol - (s + i)) + 1 : n - i;
        const char *line = s + i;
        i += k;
        if (line[0] == '#')
            continue;
        size_t blank = 0;
        while (blank < k && strchr(" \t\r\n", line[blank]) && line[blank])
            blank++;
        if (blank == k)
            continue;
        if (k < 17 || line[16] != '\t')
            return 0;
        for (size_t j = 0; j < 16; j++)
            if (!is_hex(line[j]))
                return 0;
    }
    return 1;
}

static void raw_file(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write_file("baseline.txt", data, size);
    char *err = NULL;
    baseline *b = baseline_load(path, &err);
    int valid = valid_baseline((const char *)data, size);
    FUZZ_CHECK(!b == !valid, "the reader %s a baseline it should %s",
               b ? "took" : "refused", valid ? "take" : "refuse");
    FUZZ_CHECK(b ? !err : err && !strncmp(err, path, strlen(path)),
               "error '%s' does not name the file", err ? err : "(none)");
    free(err);
    baseline_free(b);
}

static void round_trip(const uint8_t *data, size_t size)
{
    const char *nl = memchr(data, '\n', size);
    if (!nl)
        return;
    size_t name_len = (size_t)((const uint8_t *)nl - data);
    char *name = malloc(name_len + 1);
    FUZZ_CHECK(name, "out of memory in the fuzz harness");
    memcpy(name, data, name_len);
    name[name_len] = '\0'; /* a NUL in it ends it */
    input in = {.path = name, .name = name, .data = (char *)nl + 1,
                .len = size - name_len - 1};
    FUZZ_CHECK(mtl_lint(linter, in.data, in.len, "fuzz.txt", &in.result) == 0,
               "mtl_lint failed");
    size_t found = mtl_result_count(in.result);

    char *err = NULL;
    const char *path = fuzz_write_file("written.txt", (const uint8_t *)"", 0);
    baseline_writer *w = baseline_writer_open(path, &err);
    FUZZ_CHECK(w, "cannot open %s: %s", path, err ? err : "?");
    baseline_writer_add(w, &in);
    FUZZ_CHECK(baseline_writer_close(w, &err) == 0, "cannot write: %s",
               err ? err : "?");
    baseline *b = baseline_load(path, &err);
    FUZZ_CHECK(b, "a written baseline does not load: %s", err ? err : "?");
    baseline_filter(b, &in);
    FUZZ_CHECK(mtl_result_count(in.result) == 0,
               "%zu of %zu findings not covered by their own baseline",
               mtl_result_count(in.result), found);
    mtl_result_free(in.result);
    /* each entry covers one finding: the same findings again are new */
    FUZZ_CHECK(mtl_lint(linter, in.data, in.len, "fuzz.txt", &in.result) == 0,
               "mtl_lint failed");
    baseline_filter(b, &in);
    FUZZ_CHECK(mtl_result_count(in.result) == found,
               "a baseline entry covered two findings");
    mtl_result_free(in.result);
    baseline_free(b);
    free(name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] & 1)
        round_trip(data + 1, size - 1);
    else
        raw_file(data + 1, size - 1);
    return 0;
}
