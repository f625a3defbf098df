/*
 * --stream input: the bytes are what a worker reads on stdin, JSON Lines
 * of {"id": ..., "text": ..., "format": ...}, served by stream_serve (the
 * line reader, stream_line.c's parser, the lint and the output line) with
 * every rule on. The checks:
 *
 * - exactly one output line per input line, in order, and nothing else;
 * - each output line is a JSON object {"id": ..., "findings": [...]} or
 *   {"id": ..., "error": "..."};
 * - an id is the input line's "id" member byte for byte (the fuzz JSON
 *   reader finds it independently), or null;
 * - a line answered with findings is a JSON object with a string "text"
 *   (by the strict reader too), and the findings are those of linting that
 *   text (as Markdown when "format" says so): the same fields, in order,
 *   spans inside the text and on character boundaries.
 */
#include "fuzz.h"

#include "cli/cli.h"
#include "json.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_linter();
    fuzz_tmpdir();
    return 0;
}

static int num_is(const json *v, size_t n)
{
    return v && v->type == JSON_NUMBER && v->number == (double)n;
}

static int str_is(const json *v, const char *s)
{
    return v && v->type == JSON_STRING && v->len == strlen(s) &&
           memcmp(v->str, s, v->len) == 0;
}

/* The output's findings against a lint of the line's text. */
static void check_findings(const json *text, const json *format,
                           const json *findings, size_t line_no)
{
    int md = format && format->type == JSON_STRING &&
             strcmp(format->str, "markdown") == 0;
    mtl_result *r = NULL;
    FUZZ_CHECK(mtl_lint(fuzz_linter(), text->str, text->len,
                        md ? "-.md" : "-.txt", &r) == 0,
               "mtl_lint failed");
    fuzz_check_spans(text->str, text->len, r);
    FUZZ_CHECK(findings->n == mtl_result_count(r),
               "line %zu: %zu findings out, %zu in a lint of its text",
               line_no, findings->n, mtl_result_count(r));
    for (size_t i = 0; i < findings->n; i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        const json *o = json_at(findings, i);
        const json *sugg = json_get(o, "suggestions");
        FUZZ_CHECK(num_is(json_get(o, "offset"), f->offset) &&
                       num_is(json_get(o, "length"), f->length) &&
                       num_is(json_get(o, "line"), f->line) &&
                       num_is(json_get(o, "column"), f->column) &&
                       num_is(json_get(o, "end_line"), f->end_line) &&
                       num_is(json_get(o, "end_column"), f->end_column) &&
                       str_is(json_get(o, "rule"), f->rule) &&
                       str_is(json_get(o, "severity"),
                              mtl_severity_name(f->severity)) &&
                       str_is(json_get(o, "message"), f->message) && sugg &&
                       sugg->type == JSON_ARRAY &&
                       sugg->n == f->n_suggestions,
                   "line %zu: finding %zu is not [%s] %zu+%zu '%s'", line_no,
                   i, f->rule, f->offset, f->length, f->message);
        for (size_t k = 0; k < f->n_suggestions; k++)
            FUZZ_CHECK(str_is(json_at(sugg, k), f->suggestions[k]),
                       "line %zu: finding %zu: suggestion %zu", line_no, i, k);
    }
    mtl_result_free(r);
}

/* One input line and its output line. */
static void check_line(const char *in, size_t in_len, const char *out,
                       size_t out_len, size_t line_no)
{
    json o;
    const char *err = NULL;
    size_t at = 0;
    FUZZ_CHECK(json_parse(out, out_len, &o, &err, &at) == 0,
               "output line %zu: %s at byte %zu", line_no, err, at);
    const json *id = json_get(&o, "id");
    const json *findings = json_get(&o, "findings");
    const json *error = json_get(&o, "error");
    FUZZ_CHECK(o.type == JSON_OBJECT && o.n == 2 && id &&
                   !strcmp(o.keys[0], "id") &&
                   ((findings && findings->type == JSON_ARRAY) ||
                    (error && error->type == JSON_STRING && error->len)),
               "output line %zu is not {id, findings} or {id, error}",
               line_no);

    json v;
    int valid = json_parse(in, in_len, &v, NULL, NULL) == 0;
    const json *in_id = valid ? json_get(&v, "id") : NULL;
    int same = in_id && id->end - id->start == in_id->end - in_id->start &&
               memcmp(out + id->start, in + in_id->start,
                      id->end - id->start) == 0;
    /* jansson may refuse a line the strict reader takes (duplicate keys, a
     * number out of range): its error line has a null id */
    FUZZ_CHECK(!in_id || same || (error && id->type == JSON_NULL),
               "line %zu: id '%.*s' out for '%.*s' in", line_no,
               (int)(id->end - id->start), out + id->start,
               in_id ? (int)(in_id->end - in_id->start) : 0,
               in_id ? in + in_id->start : "");
    FUZZ_CHECK(!valid || in_id || id->type == JSON_NULL,
               "line %zu: an id out for a line without one", line_no);
    if (findings) {
        const json *text = valid ? json_get(&v, "text") : NULL;
        FUZZ_CHECK(v.type == JSON_OBJECT && text && text->type == JSON_STRING,
                   "line %zu: findings for a line that is not an object "
                   "with a text",
                   line_no);
        check_findings(text, json_get(&v, "format"), findings, line_no);
    }
    if (valid)
        json_free(&v);
    json_free(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write_file("stream.jsonl", data, size);
    int fd = open(path, O_RDONLY);
    FUZZ_CHECK(fd >= 0, "cannot open %s", path);
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    FUZZ_CHECK(f, "open_memstream failed");
    cli_config cfg = {.format = FMT_JSON};
    int status = stream_serve(&cfg, fuzz_linter(), fd, f);
    FUZZ_CHECK(fclose(f) == 0, "output close failed");
    close(fd);
    FUZZ_CHECK(status == 0, "stream_serve returned %d", status);

    /* line by line: a last line without its newline is a line */
    const char *in = (const char *)data, *in_end = in + size;
    const char *o = out, *o_end = out + out_len;
    size_t line_no = 0;
    while (in < in_end) {
        const char *nl = memchr(in, '\n', (size_t)(in_end - in));
        const char *eol = nl ? nl : in_end;
        line_no++;
        const char *onl = memchr(o, '\n', (size_t)(o_end - o));
        FUZZ_CHECK(onl, "no output line for input line %zu", line_no);
        check_line(in, (size_t)(eol - in), o, (size_t)(onl - o), line_no);
        o = onl + 1;
        in = nl ? nl + 1 : in_end;
    }
    FUZZ_CHECK(o == o_end, "output after the answer to the last of %zu lines",
               line_no);
    free(out);
    return 0;
}
