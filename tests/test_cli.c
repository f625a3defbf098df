/*
 * The command line's contract, end to end: runs the built mtlint (fork and
 * exec, no shell) on files written into a fresh temporary directory, and
 * checks exit status, the four output formats and the bad-input outcomes
 * that DESIGN.md promises. Findings come from repeated-word ("the the") so
 * that these tests do not depend on how other rules evolve.
 */
#include "cli_harness.h"

#include "mtlint.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static size_t count_of(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static int have_rule(const char *id) { return mtl_rule_find(id) >= 0; }

/* ---- minimal JSON reading: the fields of one flat object ----------------- */

/* The number after "key": in obj, or -1. */
static long json_num(const char *obj, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *p = strstr(obj, pat);
    if (!p)
        return -1;
    return strtol(p + strlen(pat), NULL, 10);
}

/* The string after "key": in obj, unescaped for \" and \\ only. */
static int json_str(const char *obj, const char *key, char *out, size_t n)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *p = strstr(obj, pat);
    if (!p)
        return -1;
    p += strlen(pat);
    size_t k = 0;
    for (; *p && *p != '"' && k + 1 < n; p++) {
        if (*p == '\\')
            p++;
        out[k++] = *p;
    }
    out[k] = '\0';
    return *p == '"' ? 0 : -1;
}

/* ---- exit status --------------------------------------------------------- */

static const char dup_text[] = "He met the the minister.\n";

static void exit_0_clean_file(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "The talks ended.\n");
    run r;
    RUN(fx, &r, "--only=repeated-word", "a.txt");
    expect_status(&r, 0);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, "");
    run_free(&r);
}

static void exit_1_findings(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    run r;
    RUN(fx, &r, "--only=repeated-word", "a.txt");
    expect_status(&r, 1);
    assert_int_equal(count_lines(r.out), 1);
    assert_string_equal(r.err, "");
    run_free(&r);
}

static void exit_2_usage_errors(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    run r;
    RUN(fx, &r, "--no-such-option", "a.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "mtlint: unknown option '--no-such-option'"));
    assert_string_equal(r.out, "");
    run_free(&r);

    RUN(fx, &r, "--format=xml", "a.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "'xml'"));
    run_free(&r);

    RUN(fx, &r, "a.txt", "--format");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "'--format' needs a value"));
    run_free(&r);

    RUN(fx, &r, "--help=yes", "a.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "mtlint: option '--help' takes no value"));
    run_free(&r);

    RUN(fx, &r, "--format=gnu", "-xV", "a.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "mtlint: unknown option '-x'"));
    run_free(&r);

    RUN(fx, &r, "--jobs=-1", "a.txt"); /* 0 is one job per CPU */
    expect_status(&r, 2);
    run_free(&r);

    RUN(fx, &r, "--jobs=257", "a.txt");
    expect_status(&r, 2);
    run_free(&r);

    RUN(fx, &r, "--only=repeated-word");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "no input files"));
    run_free(&r);
}

static void exit_2_unknown_rule(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    static const char *const forms[] = {
        "--only=no-such-rule", "--disable=no-such-rule",
        "--enable=repeated-word,no-such-rule", "--severity=no-such-rule=error"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        run r;
        RUN(fx, &r, forms[i], "a.txt");
        expect_status(&r, 2);
        assert_non_null(strstr(r.err, "unknown rule 'no-such-rule'"));
        assert_string_equal(r.out, "");
        run_free(&r);
    }
    run r;
    RUN(fx, &r, "--severity=repeated-word=loud", "a.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "'loud'"));
    run_free(&r);
}

static void exit_2_io_error(void **state)
{
    fixture *fx = *state;
    run r;
    RUN(fx, &r, "--only=repeated-word", "missing.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "missing.txt"));
    assert_string_equal(r.out, "");
    run_free(&r);
}

static void fail_level_error(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    run r;
    RUN(fx, &r, "--only=repeated-word", "--fail-level=error", "a.txt");
    expect_status(&r, 0); /* a warning does not fail at level error */
    assert_int_equal(count_lines(r.out), 1);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--severity=repeated-word=error",
        "--fail-level=error", "a.txt");
    expect_status(&r, 1);
    run_free(&r);
}

static void fail_level_note(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    run r;
    RUN(fx, &r, "--only=repeated-word", "--severity=repeated-word=note", "a.txt");
    expect_status(&r, 0); /* the default fail level is warning */
    assert_int_equal(count_lines(r.out), 1);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--severity=repeated-word=note",
        "--fail-level=note", "a.txt");
    expect_status(&r, 1);
    run_free(&r);
}

static void fail_level_none(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    run r;
    RUN(fx, &r, "--only=repeated-word", "--severity=repeated-word=error",
        "--fail-level=none", "a.txt");
    expect_status(&r, 0);
    assert_int_equal(count_lines(r.out), 1);
    run_free(&r);
    /* none silences findings, not I/O errors */
    RUN(fx, &r, "--only=repeated-word", "--fail-level=none", "a.txt", "gone.txt");
    expect_status(&r, 2);
    run_free(&r);
    RUN(fx, &r, "--fail-level=off", "a.txt");
    expect_status(&r, 2);
    run_free(&r);
}

/* ---- rule selection ------------------------------------------------------ */

static void severity_changes_printed_level(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    static const char *const levels[] = {"error", "warning", "note"};
    for (size_t i = 0; i < 3; i++) {
        char opt[64], want[64];
        snprintf(opt, sizeof opt, "--severity=repeated-word=%s", levels[i]);
        snprintf(want, sizeof want, ": %s: repeated word", levels[i]);
        run r;
        RUN(fx, &r, "--only=repeated-word", opt, "a.txt");
        assert_non_null(strstr(r.out, want));
        run_free(&r);
    }
    run r;
    RUN(fx, &r, "--only=repeated-word", "--severity=repeated-word=off", "a.txt");
    expect_status(&r, 0);
    assert_string_equal(r.out, "");
    run_free(&r);
}

static void disable_enable_only(void **state)
{
    fixture *fx = *state;
    /* a NUL byte for the encoding rule, when it is built in */
    static const char text[] = "He met the the minister.\nA NUL \0 here.\n";
    put_bytes(fx, "a.txt", text, sizeof text - 1);
    run r;
    RUN(fx, &r, "--only=repeated-word", "--disable=repeated-word", "a.txt");
    expect_status(&r, 0);
    assert_string_equal(r.out, "");
    run_free(&r);

    RUN(fx, &r, "--only=repeated-word", "--disable=repeated-word",
        "--enable=repeated-word", "a.txt");
    expect_status(&r, 1);
    assert_int_equal(count_of(r.out, "[repeated-word]"), 1);
    run_free(&r);

    if (!have_rule("encoding"))
        return;
    RUN(fx, &r, "--only=encoding", "a.txt");
    assert_int_equal(count_of(r.out, "[repeated-word]"), 0);
    assert_int_equal(count_of(r.out, "[encoding]"), 1);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word,encoding", "a.txt");
    assert_int_equal(count_of(r.out, "[repeated-word]"), 1);
    assert_int_equal(count_of(r.out, "[encoding]"), 1);
    assert_int_equal(count_lines(r.out), 2);
    run_free(&r);
    RUN(fx, &r, "--disable=encoding", "a.txt");
    assert_int_equal(count_of(r.out, "[encoding]"), 0);
    assert_int_equal(count_of(r.out, "[repeated-word]"), 1);
    run_free(&r);
}

static void list_rules_lists_every_rule(void **state)
{
    fixture *fx = *state;
    run r;
    RUN(fx, &r, "--list-rules");
    expect_status(&r, 0);
    assert_int_equal(count_lines(r.out), mtl_rule_count());
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *ri = mtl_rule_at(i);
        const char *line = r.out;
        for (size_t k = 0; k < i; k++)
            line = strchr(line, '\n') + 1;
        size_t n = strlen(ri->id);
        assert_memory_equal(line, ri->id, n);
        assert_true(line[n] == ' ');
        const char *eol = strchr(line, '\n');
        const char *sum = strstr(line, ri->summary);
        assert_true(sum && sum < eol);
        const char *sev = strstr(line, mtl_severity_name(ri->default_severity));
        assert_true(sev && sev < sum);
    }
    run_free(&r);
}

/* The findings about suppression comments are rules like the others:
 * --severity and --only name them, whatever the order of the options. */
static void suppression_rules_on_the_command_line(void **state)
{
    fixture *fx = *state;
    put(fx, "a.md", "<!-- mtlint-disable-next-line repeated-word -->\n"
                    "Nothing repeated.\n\n"
                    "<!-- mtlint-disable-next-line speling -->\n"
                    "More text.\n");
    run r;
    RUN(fx, &r, "--only=repeated-word,unknown-rule",
        "--severity=unused-suppression=note", "a.md");
    expect_status(&r, 1);
    assert_non_null(strstr(r.out, "a.md:1:1: note: unused suppression "
                                  "'mtlint-disable-next-line repeated-word' "
                                  "[unused-suppression]"));
    assert_non_null(strstr(r.out, "a.md:4:1: warning: unknown rule 'speling'"));
    assert_int_equal(count_lines(r.out), 2);
    run_free(&r);
    RUN(fx, &r, "--severity=unused-suppression=note", "--report-unused-suppressions",
        "--only=repeated-word", "a.md");
    assert_int_equal(count_of(r.out, ": note: unused suppression"), 1);
    assert_int_equal(count_lines(r.out), 1);
    run_free(&r);
    /* the comment names a rule that is off: it could silence nothing */
    RUN(fx, &r, "--report-unused-suppressions", "--only=spelling", "a.md");
    assert_int_equal(count_of(r.out, "[unused-suppression]"), 0);
    run_free(&r);
    RUN(fx, &r, "--disable=unknown-rule", "--only=repeated-word", "a.md");
    expect_status(&r, 0);
    run_free(&r);
}

static void version_and_help(void **state)
{
    fixture *fx = *state;
    run r;
    RUN(fx, &r, "--version");
    expect_status(&r, 0);
    assert_memory_equal(r.out, "mtlint " MTLINT_VERSION "\n",
                        strlen("mtlint " MTLINT_VERSION "\n"));
    run_free(&r);
    RUN(fx, &r, "--help");
    expect_status(&r, 0);
    assert_memory_equal(r.out, "usage: mtlint ", 14);
    assert_non_null(strstr(r.out, "--fail-level"));
    assert_string_equal(r.err, "");
    run_free(&r);
    RUN(fx, &r, "-h");
    expect_status(&r, 0);
    run_free(&r);
}

/* ---- formats ------------------------------------------------------------- */

static void gnu_line_exact(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "First line.\nHe met the the minister.\n");
    run r;
    /* gnu is the default when stdout is not a terminal */
    RUN(fx, &r, "--only=repeated-word", "a.txt");
    expect_status(&r, 1);
    assert_string_equal(r.out,
                        "a.txt:2:8: warning: repeated word 'the' [repeated-word]\n");
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--format=gnu",
        "--severity=repeated-word=error", "a.txt");
    assert_string_equal(r.out,
                        "a.txt:2:8: error: repeated word 'the' [repeated-word]\n");
    run_free(&r);
}

static void json_has_every_field(void **state)
{
    fixture *fx = *state;
    put(fx, "q\"uote.txt", "First line.\nHe met the the minister.\n");
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=json", "q\"uote.txt");
    expect_status(&r, 1);
    assert_int_equal(count_lines(r.out), 1);
    assert_true(r.out[0] == '{' && r.out[r.out_len - 2] == '}');
    char s[256];
    assert_int_equal(json_str(r.out, "file", s, sizeof s), 0);
    assert_string_equal(s, "q\"uote.txt");
    assert_int_equal(json_num(r.out, "line"), 2);
    assert_int_equal(json_num(r.out, "column"), 8);
    assert_int_equal(json_num(r.out, "end_line"), 2);
    assert_int_equal(json_num(r.out, "end_column"), 15);
    assert_int_equal(json_num(r.out, "offset"), 19);
    assert_int_equal(json_num(r.out, "length"), 7);
    assert_int_equal(json_str(r.out, "rule", s, sizeof s), 0);
    assert_string_equal(s, "repeated-word");
    assert_int_equal(json_str(r.out, "severity", s, sizeof s), 0);
    assert_string_equal(s, "warning");
    assert_int_equal(json_str(r.out, "message", s, sizeof s), 0);
    assert_string_equal(s, "repeated word 'the'");
    assert_non_null(strstr(r.out, "\"suggestions\":[\"the\"]"));
    run_free(&r);
}

typedef struct pos {
    long line, col, end_line, end_col, offset, length;
} pos;

/* Positions from each format: gnu has the start only. */
static size_t gnu_positions(const char *out, pos *p, size_t max)
{
    size_t n = 0;
    for (const char *l = out; *l && n < max; l = strchr(l, '\n') + 1) {
        const char *c = strchr(l, ':');
        assert_non_null(c);
        char *end;
        p[n].line = strtol(c + 1, &end, 10);
        assert_true(*end == ':');
        p[n].col = strtol(end + 1, &end, 10);
        assert_true(*end == ':');
        n++;
    }
    return n;
}

static size_t json_positions(const char *out, pos *p, size_t max)
{
    size_t n = 0;
    for (const char *l = out; *l && n < max; l = strchr(l, '\n') + 1) {
        p[n] = (pos){json_num(l, "line"), json_num(l, "column"),
                     json_num(l, "end_line"), json_num(l, "end_column"),
                     json_num(l, "offset"), json_num(l, "length")};
        n++;
    }
    return n;
}

static size_t sarif_positions(const char *out, pos *p, size_t max)
{
    size_t n = 0;
    for (const char *g = strstr(out, "\"region\":{"); g && n < max;
         g = strstr(g + 1, "\"region\":{")) {
        p[n] = (pos){json_num(g, "startLine"), json_num(g, "startColumn"),
                     json_num(g, "endLine"), json_num(g, "endColumn"),
                     json_num(g, "byteOffset"), json_num(g, "byteLength")};
        n++;
    }
    return n;
}

static void formats_agree(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "He met the the minister.\r\n"
                     "Caf\xC3\xA9 \xE2\x80\x94 the the end,\n"
                     "\n"
                     "talks talks with\nwith leaders\n");
    const char *formats[] = {"--format=gnu", "--format=json", "--format=sarif"};
    pos got[3][8];
    size_t n[3];
    for (int f = 0; f < 3; f++) {
        run r;
        RUN(fx, &r, "--only=repeated-word", formats[f], "a.txt");
        expect_status(&r, 1);
        n[f] = f == 0   ? gnu_positions(r.out, got[f], 8)
               : f == 1 ? json_positions(r.out, got[f], 8)
                        : sarif_positions(r.out, got[f], 8);
        if (f == 2) {
            assert_non_null(strstr(r.out, "\"version\":\"2.1.0\""));
            assert_non_null(strstr(r.out, "\"columnKind\":\"unicodeCodePoints\""));
            assert_int_equal(count_of(r.out, "\"ruleId\":\"repeated-word\""), n[f]);
        }
        run_free(&r);
    }
    assert_int_equal(n[0], 4);
    assert_int_equal(n[1], n[0]);
    assert_int_equal(n[2], n[0]);
    for (size_t i = 0; i < n[0]; i++) {
        assert_int_equal(got[0][i].line, got[1][i].line);
        assert_int_equal(got[0][i].col, got[1][i].col);
        assert_int_equal(got[1][i].line, got[2][i].line);
        assert_int_equal(got[1][i].col, got[2][i].col);
        assert_int_equal(got[1][i].end_line, got[2][i].end_line);
        assert_int_equal(got[1][i].end_col, got[2][i].end_col);
        assert_int_equal(got[1][i].offset, got[2][i].offset);
        assert_int_equal(got[1][i].length, got[2][i].length);
    }
    /* the line 2 finding comes after two multi-byte characters */
    assert_int_equal(got[1][1].line, 2);
    assert_int_equal(got[1][1].col, 8);
    assert_int_equal(got[1][1].offset, 26 + 10);
    /* a span across a line break ends on the next line */
    assert_int_equal(got[1][3].line, 4);
    assert_int_equal(got[1][3].end_line, 5);
    assert_int_equal(got[1][3].end_col, 5);
}

static void column_unit_byte_and_char(void **state)
{
    fixture *fx = *state;
    /* c a f é(2) space —(3) space: 7 code points, 10 bytes */
    put(fx, "a.txt", "caf\xC3\xA9 \xE2\x80\x94 the the end\n");
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=json", "a.txt");
    assert_int_equal(json_num(r.out, "column"), 8);
    assert_int_equal(json_num(r.out, "end_column"), 15);
    assert_int_equal(json_num(r.out, "offset"), 10);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--format=json", "--column-unit=byte",
        "a.txt");
    assert_int_equal(json_num(r.out, "column"), 11);
    assert_int_equal(json_num(r.out, "end_column"), 18);
    assert_int_equal(json_num(r.out, "offset"), 10);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--column-unit=byte", "a.txt");
    assert_memory_equal(r.out, "a.txt:1:11: ", 12);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--column-unit=char", "a.txt");
    assert_memory_equal(r.out, "a.txt:1:8: ", 11);
    run_free(&r);
    RUN(fx, &r, "--column-unit=word", "a.txt");
    expect_status(&r, 2);
    run_free(&r);
}

static void pretty_shows_line_and_caret(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "First line.\nCaf\xC3\xA9 met the the minister.\n");
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=pretty", "--color=never",
        "a.txt");
    expect_status(&r, 1);
    const char *want =
        "a.txt:2:10: warning: repeated word 'the' [repeated-word]\n"
        "    Caf\xC3\xA9 met the the minister.\n"
        "             ^~~~~~~\n";
    assert_memory_equal(r.out, want, strlen(want));
    assert_null(strchr(r.out, '\033'));
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--format=pretty", "--color=always",
        "a.txt");
    assert_non_null(strchr(r.out, '\033'));
    run_free(&r);
}

/* On a terminal the default is pretty, in colour unless NO_COLOR is set. */
static void terminal_default_is_pretty(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    run_opts ro = {.tty = 1};
    run r;
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "a.txt");
    expect_status(&r, 1);
    assert_non_null(strstr(r.out, "    He met the the minister."));
    assert_non_null(strstr(r.out, "^~~~~~~"));
    assert_non_null(strstr(r.out, "\033["));
    run_free(&r);
    ro.no_color = 1;
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "a.txt");
    assert_non_null(strstr(r.out, "^~~~~~~"));
    assert_null(strchr(r.out, '\033'));
    run_free(&r);
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "--format=gnu", "a.txt");
    assert_memory_equal(r.out, "a.txt:1:8: warning: ", 20);
    assert_null(strchr(r.out, '^'));
    run_free(&r);
}

/* ---- bad input ------------------------------------------------------------ */

static void invalid_utf8_still_linted(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "bad \xFF\xFE byte the the end\n");
    run r;
    RUN(fx, &r, "--only=repeated-word", "a.txt");
    expect_status(&r, 1);
    /* each bad byte is one column, as U+FFFD would be */
    assert_string_equal(r.out,
                        "a.txt:1:13: warning: repeated word 'the' [repeated-word]\n");
    run_free(&r);
    if (!have_rule("encoding"))
        return;
    RUN(fx, &r, "--only=encoding", "--format=json", "a.txt");
    assert_int_equal(count_lines(r.out), 1);
    assert_int_equal(json_num(r.out, "offset"), 4);
    assert_int_equal(json_num(r.out, "column"), 5);
    run_free(&r);
}

static void nul_bytes_still_linted(void **state)
{
    fixture *fx = *state;
    static const char text[] = "nul \0 byte the the end\nnext the the\n";
    put_bytes(fx, "a.txt", text, sizeof text - 1);
    run r;
    RUN(fx, &r, "--only=repeated-word", "a.txt");
    expect_status(&r, 1);
    assert_string_equal(r.out,
                        "a.txt:1:12: warning: repeated word 'the' [repeated-word]\n"
                        "a.txt:2:6: warning: repeated word 'the' [repeated-word]\n");
    run_free(&r);
    if (!have_rule("encoding"))
        return;
    RUN(fx, &r, "--only=encoding", "--format=json", "a.txt");
    assert_int_equal(count_lines(r.out), 1);
    assert_int_equal(json_num(r.out, "offset"), 4);
    run_free(&r);
}

static void crlf_line_ends(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "One.\r\nTwo.\r\nHe met the the man.\r\n");
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=json", "a.txt");
    expect_status(&r, 1);
    assert_int_equal(json_num(r.out, "line"), 3);
    assert_int_equal(json_num(r.out, "column"), 8);
    assert_int_equal(json_num(r.out, "offset"), 19);
    run_free(&r);
    if (!have_rule("encoding"))
        return;
    RUN(fx, &r, "--only=encoding", "a.txt"); /* a CR is no control character here */
    expect_status(&r, 0);
    run_free(&r);
}

static void lone_cr_line_ends(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "One.\rTwo.\rHe met the the man.\r");
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=json", "a.txt");
    expect_status(&r, 1);
    assert_int_equal(json_num(r.out, "line"), 3);
    assert_int_equal(json_num(r.out, "column"), 8);
    assert_int_equal(json_num(r.out, "offset"), 17);
    run_free(&r);
    if (!have_rule("encoding"))
        return;
    RUN(fx, &r, "--only=encoding", "a.txt");
    expect_status(&r, 0);
    run_free(&r);
}

static void bom_not_counted(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "\xEF\xBB\xBFHe met the the minister.\n");
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=json", "a.txt");
    expect_status(&r, 1);
    assert_int_equal(json_num(r.out, "line"), 1);
    assert_int_equal(json_num(r.out, "column"), 8);
    assert_int_equal(json_num(r.out, "offset"), 10); /* bytes of the file */
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--column-unit=byte", "a.txt");
    assert_memory_equal(r.out, "a.txt:1:8: ", 11); /* editors hide the BOM */
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--format=sarif", "a.txt");
    pos p[2];
    assert_int_equal(sarif_positions(r.out, p, 2), 1);
    assert_int_equal(p[0].col, 8);
    assert_int_equal(p[0].offset, 10);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--format=pretty", "--color=never",
        "a.txt");
    assert_non_null(strstr(r.out, "\n    He met the the minister.\n"
                                  "           ^~~~~~~\n"));
    run_free(&r);
    /* no rule reports the BOM itself */
    RUN(fx, &r, "--format=json", "a.txt");
    for (const char *l = r.out; *l; l = strchr(l, '\n') + 1)
        assert_true(json_num(l, "offset") >= 3);
    run_free(&r);
}

static void empty_file(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "");
    static const char *const formats[] = {"--format=gnu", "--format=json",
                                          "--format=pretty"};
    for (size_t i = 0; i < 3; i++) {
        run r;
        RUN(fx, &r, formats[i], "a.txt");
        expect_status(&r, 0);
        assert_string_equal(r.out, "");
        /* stderr may carry notices (a missing model), nothing on the file */
        assert_null(strstr(r.err, "a.txt"));
        run_free(&r);
    }
    run r;
    RUN(fx, &r, "--format=sarif", "a.txt");
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "\"results\":[]"));
    run_free(&r);
}

static void no_final_newline(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", "First.\nLast line has the the");
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=json", "a.txt");
    expect_status(&r, 1);
    assert_int_equal(json_num(r.out, "line"), 2);
    assert_int_equal(json_num(r.out, "column"), 15);
    assert_int_equal(json_num(r.out, "end_column"), 22);
    run_free(&r);
    RUN(fx, &r, "--only=repeated-word", "--format=pretty", "--color=never",
        "a.txt");
    assert_non_null(strstr(r.out, "    Last line has the the\n"));
    run_free(&r);
}

static void ten_megabyte_line(void **state)
{
    fixture *fx = *state;
    static const char unit[] = "word and ";
    enum { UNITS = 10 * 1000 * 1000 / 9 };
    size_t n = UNITS * (sizeof unit - 1);
    char *text = malloc(n + 16);
    assert_non_null(text);
    for (size_t i = 0; i < UNITS; i++)
        memcpy(text + i * (sizeof unit - 1), unit, sizeof unit - 1);
    memcpy(text + n, "the the end", 11);
    put_bytes(fx, "big.txt", text, n + 11);
    free(text);
    char want[128];
    snprintf(want, sizeof want,
             "big.txt:1:%zu: warning: repeated word 'the' [repeated-word]\n",
             n + 1);
    run r;
    RUN(fx, &r, "--only=repeated-word", "big.txt");
    expect_status(&r, 1);
    assert_string_equal(r.out, want);
    run_free(&r);
    /* pretty prints a window of the line, not 10 MB */
    RUN(fx, &r, "--only=repeated-word", "--format=pretty", "--color=never",
        "big.txt");
    expect_status(&r, 1);
    assert_true(r.out_len < 1000);
    assert_non_null(strstr(r.out, "word and the the end\n"));
    run_free(&r);
}

/* Pretty output reads a window around each finding, not the whole line:
 * 10,000 findings on a 10 MB line must not cost 10,000 passes over it
 * (which would run into the deadline). */
static void pretty_many_findings_on_long_line(void **state)
{
    fixture *fx = *state;
    static const char filler[] = "word and ", dup[] = "the the ";
    enum { BLOCKS = 10000, FILLERS = 110 };
    size_t block = FILLERS * (sizeof filler - 1) + sizeof dup - 1;
    char *text = malloc(BLOCKS * block);
    assert_non_null(text);
    for (size_t b = 0; b < BLOCKS; b++) {
        char *p = text + b * block;
        for (size_t i = 0; i < FILLERS; i++, p += sizeof filler - 1)
            memcpy(p, filler, sizeof filler - 1);
        memcpy(p, dup, sizeof dup - 1);
    }
    put_bytes(fx, "many.txt", text, BLOCKS * block);
    free(text);
    run r;
    RUN(fx, &r, "--only=repeated-word", "--format=pretty", "--color=never",
        "many.txt");
    expect_status(&r, 1);
    /* the finding, the source window, the caret and the suggestion */
    assert_int_equal(count_lines(r.out), 4 * BLOCKS);
    assert_int_equal(count_of(r.out, "^~~~~~~\n"), BLOCKS);
    run_free(&r);
}

static void directory_recursed_sorted(void **state)
{
    fixture *fx = *state;
    put(fx, "d/b.txt", dup_text);
    put(fx, "d/a/x.txt", dup_text);
    put(fx, "d/c.md", dup_text);
    put(fx, "d/a.rst", dup_text);       /* not a text or Markdown name */
    put(fx, "d/notes", dup_text);
    put(fx, "d/.hidden.txt", dup_text); /* hidden, as .git is */
    put(fx, "d/sub/deeper/z.txt", dup_text);
    put(fx, "d/sub/y.txt", dup_text);
    char fifo[PATH_MAX];
    path_of(fx, "d/pipe.txt", fifo, sizeof fifo);
    assert_int_equal(mkfifo(fifo, 0644), 0); /* would block a reader */
    const char *want[] = {"d/a/x.txt:", "d/b.txt:", "d/c.md:",
                          "d/sub/deeper/z.txt:", "d/sub/y.txt:"};
    run r, again;
    RUN(fx, &r, "--only=repeated-word", "d");
    expect_status(&r, 1);
    assert_int_equal(count_lines(r.out), 5);
    const char *l = r.out;
    for (size_t i = 0; i < 5; i++, l = strchr(l, '\n') + 1)
        assert_memory_equal(l, want[i], strlen(want[i]));
    RUN(fx, &again, "--only=repeated-word", "-j", "3", "d");
    assert_string_equal(r.out, again.out);
    run_free(&r);
    run_free(&again);
}

/* Markdown by any of its names, in any case: found in directories and read
 * as Markdown (the code span is not prose); text is read as text. */
static void markdown_names(void **state)
{
    fixture *fx = *state;
    static const char md[] = "Run `the the` now, and the the end.\n";
    put(fx, "d/a.md", md);
    put(fx, "d/b.markdown", md);
    put(fx, "d/c.mdown", md);
    put(fx, "d/d.mkd", md);
    put(fx, "d/e.MD", md);
    put(fx, "d/f.txt", md);
    put(fx, "d/g.rst", md); /* neither */
    run r;
    RUN(fx, &r, "--only=repeated-word", "d");
    expect_status(&r, 1);
    assert_string_equal(r.out,
                        "d/a.md:1:24: warning: repeated word 'the' [repeated-word]\n"
                        "d/b.markdown:1:24: warning: repeated word 'the' [repeated-word]\n"
                        "d/c.mdown:1:24: warning: repeated word 'the' [repeated-word]\n"
                        "d/d.mkd:1:24: warning: repeated word 'the' [repeated-word]\n"
                        "d/e.MD:1:24: warning: repeated word 'the' [repeated-word]\n"
                        "d/f.txt:1:6: warning: repeated word 'the' [repeated-word]\n"
                        "d/f.txt:1:24: warning: repeated word 'the' [repeated-word]\n");
    run_free(&r);
}

static void unreadable_file(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    put(fx, "locked.txt", dup_text);
    put(fx, "z.txt", dup_text);
    char p[PATH_MAX];
    path_of(fx, "locked.txt", p, sizeof p);
    assert_int_equal(chmod(p, 0), 0);
    /* root reads mode 000 files: run as nobody, who may enter the fixture */
    run_opts ro = {.as_nobody = geteuid() == 0};
    if (ro.as_nobody)
        assert_int_equal(chmod(fx->dir, 0755), 0);
    run r;
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "a.txt", "locked.txt", "z.txt");
    expect_status(&r, 2);
    assert_string_equal(r.out,
                        "a.txt:1:8: warning: repeated word 'the' [repeated-word]\n"
                        "z.txt:1:8: warning: repeated word 'the' [repeated-word]\n");
    assert_non_null(strstr(r.err, "mtlint: locked.txt: "));
    assert_int_equal(count_lines(r.err), 1);
    run_free(&r);

    /* a directory that cannot be listed, inside one that is walked */
    put(fx, "tree/a.txt", dup_text);
    put(fx, "tree/sealed/x.txt", dup_text);
    put(fx, "tree/z.txt", dup_text);
    path_of(fx, "tree/sealed", p, sizeof p);
    assert_int_equal(chmod(p, 0), 0);
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "tree");
    expect_status(&r, 2);
    assert_int_equal(count_of(r.out, "tree/a.txt:1:8: "), 1);
    assert_int_equal(count_of(r.out, "tree/z.txt:1:8: "), 1);
    assert_int_equal(count_lines(r.out), 2);
    assert_non_null(strstr(r.err, "mtlint: tree/sealed: "));
    run_free(&r);
}

static void utf16_file_refused(void **state)
{
    fixture *fx = *state;
    /* "the the\n" in UTF-16LE, with and without a BOM; and big-endian */
    static const char le_bom[] = "\xFF\xFEt\0h\0e\0 \0t\0h\0e\0\n\0";
    static const char be_bom[] = "\xFE\xFF\0t\0h\0e\0 \0t\0h\0e\0\n";
    static const char le[] = "t\0h\0e\0 \0t\0h\0e\0 \0e\0n\0d\0 \0o\0f\0 \0i\0t\0.\0\n\0";
    put_bytes(fx, "le_bom.txt", le_bom, sizeof le_bom - 1);
    put_bytes(fx, "be_bom.txt", be_bom, sizeof be_bom - 1);
    put_bytes(fx, "le.txt", le, sizeof le - 1);
    static const char *const names[] = {"le_bom.txt", "be_bom.txt", "le.txt"};
    for (size_t i = 0; i < 3; i++) {
        run r;
        RUN(fx, &r, names[i]);
        expect_status(&r, 2);
        assert_string_equal(r.out, "");
        char want[64];
        snprintf(want, sizeof want, "mtlint: %s: UTF-16", names[i]);
        assert_non_null(strstr(r.err, want));
        run_free(&r);
    }
}

static void missing_among_good(void **state)
{
    fixture *fx = *state;
    put(fx, "a.txt", dup_text);
    put(fx, "b.txt", dup_text);
    static const char *const jobs[] = {"-j1", "-j3"};
    for (size_t i = 0; i < 2; i++) {
        run r;
        RUN(fx, &r, "--only=repeated-word", jobs[i], "a.txt", "missing.txt",
            "b.txt");
        expect_status(&r, 2);
        assert_string_equal(r.out,
                            "a.txt:1:8: warning: repeated word 'the' [repeated-word]\n"
                            "b.txt:1:8: warning: repeated word 'the' [repeated-word]\n");
        assert_non_null(strstr(r.err, "mtlint: missing.txt: "));
        assert_int_equal(count_lines(r.err), 1);
        run_free(&r);
    }
}

static void stdin_dash_and_name(void **state)
{
    fixture *fx = *state;
    put(fx, "in.txt", "First.\nHe met the the minister.\n");
    run_opts ro = {.stdin_file = "in.txt"};
    run r;
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "-");
    expect_status(&r, 1);
    assert_string_equal(r.out,
                        "<stdin>:2:8: warning: repeated word 'the' [repeated-word]\n");
    run_free(&r);
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "--stdin-filename=notes/today.txt",
             "--format=json", "-");
    expect_status(&r, 1);
    char s[64];
    assert_int_equal(json_str(r.out, "file", s, sizeof s), 0);
    assert_string_equal(s, "notes/today.txt");
    assert_int_equal(json_num(r.out, "line"), 2);
    run_free(&r);
    /* the name also says the input kind: code spans are not prose */
    put(fx, "md.txt", "Code `the the` here, and the the outside.\n");
    ro.stdin_file = "md.txt";
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "--stdin-filename=x.md", "-");
    assert_string_equal(r.out,
                        "x.md:1:26: warning: repeated word 'the' [repeated-word]\n");
    run_free(&r);
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "--stdin-filename=x.txt", "-");
    assert_int_equal(count_lines(r.out), 2);
    run_free(&r);
    /* read once, not by two threads at the same time */
    ro.stdin_file = "in.txt";
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "-j", "2", "-", "-");
    expect_status(&r, 2);
    assert_int_equal(count_lines(r.out), 1);
    assert_non_null(strstr(r.err, "standard input named twice"));
    run_free(&r);
}

/* ---- determinism and side effects -------------------------------------- */

static void jobs_give_identical_output(void **state)
{
    fixture *fx = *state;
    for (int i = 0; i < 50; i++) {
        char name[64], text[256];
        snprintf(name, sizeof name, "set/%s/f%02d.%s", i % 3 ? "x" : "y", i,
                 i % 4 ? "txt" : "md");
        snprintf(text, sizeof text,
                 "File %d.\n%sHe said that that was the the end of %d.\n", i,
                 i % 5 ? "" : "One more line.\n", i);
        put(fx, name, text);
    }
    static const char *const formats[] = {"--format=gnu", "--format=json",
                                          "--format=sarif"};
    for (size_t f = 0; f < 3; f++) {
        run one, four;
        RUN(fx, &one, formats[f], "-j", "1", "set");
        RUN(fx, &four, formats[f], "-j", "4", "set");
        assert_true(one.out_len > 0);
        assert_int_equal(one.status, four.status);
        assert_int_equal(one.out_len, four.out_len);
        assert_memory_equal(one.out, four.out, one.out_len);
        run_free(&one);
        run_free(&four);
    }
}

static void inputs_never_written(void **state)
{
    fixture *fx = *state;
    static const char text[] = "He met the the minister .\xFF\r\n";
    put_bytes(fx, "a.txt", text, sizeof text - 1);
    put(fx, "d/b.md", "# Title\n\nThe the end.\n");
    const char *files[] = {"a.txt", "d/b.md", "d"};
    struct stat before[3];
    for (int i = 0; i < 3; i++) {
        char p[PATH_MAX];
        path_of(fx, files[i], p, sizeof p);
        struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
        assert_int_equal(utimensat(AT_FDCWD, p, old, 0), 0);
        assert_int_equal(stat(p, &before[i]), 0);
    }
    static const char *const formats[] = {"--format=gnu", "--format=json",
                                          "--format=sarif", "--format=pretty"};
    for (size_t f = 0; f < 4; f++) {
        run r;
        RUN(fx, &r, formats[f], "a.txt", "d");
        expect_status(&r, 1);
        run_free(&r);
    }
    for (int i = 0; i < 3; i++) {
        char p[PATH_MAX];
        path_of(fx, files[i], p, sizeof p);
        struct stat now;
        assert_int_equal(stat(p, &now), 0);
        assert_int_equal(now.st_mtime, before[i].st_mtime);
        assert_int_equal(now.st_size, before[i].st_size);
        assert_int_equal(now.st_mode, before[i].st_mode);
    }
    char p[PATH_MAX];
    path_of(fx, "a.txt", p, sizeof p);
    FILE *f = fopen(p, "rb");
    assert_non_null(f);
    char back[sizeof text];
    assert_int_equal(fread(back, 1, sizeof back, f), sizeof text - 1);
    fclose(f);
    assert_memory_equal(back, text, sizeof text - 1);
}

/* ---- output errors -------------------------------------------------------- */

static void write_error_is_exit_2(void **state)
{
    fixture *fx = *state;
    if (access("/dev/full", W_OK) != 0)
        skip();
    put(fx, "a.txt", dup_text);
    run_opts ro = {.stdout_path = "/dev/full"};
    static const char *const formats[] = {"--format=gnu", "--format=sarif"};
    for (size_t f = 0; f < 2; f++) {
        run r;
        RUN_WITH(fx, &ro, &r, "--only=repeated-word", formats[f], "a.txt");
        expect_status(&r, 2);
        assert_non_null(strstr(r.err, "mtlint: writing output: "));
        run_free(&r);
    }
    run r;
    RUN_WITH(fx, &ro, &r, "--help");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "writing output"));
    run_free(&r);
}

/* mtlint | head: the reader goes away. With SIGPIPE at its default mtlint
 * dies of it, silently; where SIGPIPE is ignored it stops with status 2,
 * also silently, instead of linting on into a closed pipe. */
static void closed_pipe_is_quiet(void **state)
{
    fixture *fx = *state;
    char text[4096] = "";
    for (int i = 0; i < 60; i++)
        strcat(text, "He met the the minister.\n");
    for (int i = 0; i < 200; i++) {
        char name[32];
        snprintf(name, sizeof name, "many/f%03d.txt", i);
        put(fx, name, text);
    }
    for (int ignore = 0; ignore < 2; ignore++) {
        run_opts ro = {.close_stdout = 1, .ignore_sigpipe = ignore};
        run r;
        RUN_WITH(fx, &ro, &r, "--only=repeated-word", "-j", "2", "many");
        assert_string_equal(r.err, "");
        if (ignore)
            expect_status(&r, 2);
        else
            assert_true(r.signal == SIGPIPE || r.status == 2);
        run_free(&r);
    }
}

#define T(f) cmocka_unit_test_setup_teardown(f, cli_setup, cli_teardown)

/* A broken .mtlint.ini makes every file under it exit 2, and says so once,
 * at the line that is wrong, not once per file. */
static void config_error_told_once(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, ".mtlint.ini", "root = true\n[*.md\nfragment = off\n");
    put(fx, "d/a.md", "He met the the minister.\n");
    put(fx, "d/b.md", "He met the the minister.\n");
    put(fx, "d/c.txt", "He met the the minister.\n");
    RUN_WITH(fx, &(run_opts){.with_configs = 1}, &r, "--format=gnu", "d");
    expect_status(&r, 2);
    assert_int_equal(count_of(r.err, ".mtlint.ini:2: section header without ']'"), 1);
    assert_int_equal(count_lines(r.err), 1);
    run_free(&r);
}

/* `lang = xx` names the config line, once, and files under other
 * settings are linted; on the command line it names no config. It is an
 * error whichever rules are on, spelling or not. */
static void missing_dictionary_names_config_line(void **state)
{
    fixture *fx = *state;
    run r = {0};
    put(fx, ".mtlint.ini", "root = true\nlang = en_US\n[*.md]\nlang = xx\n");
    put(fx, "d/a.md", "He met the the minister.\n");
    put(fx, "d/b.md", "He met the the minister.\n");
    put(fx, "d/c.txt", "He met the the minister.\n");
    const run_opts with = {.with_configs = 1};
    /* spelling (on by default) needs the dictionary */
    RUN_WITH(fx, &with, &r, "--format=gnu", "d");
    expect_status(&r, 2);
    assert_int_equal(count_of(r.err, ".mtlint.ini:4: no hunspell dictionary for 'xx'"), 1);
    assert_int_equal(count_lines(r.err), 1);
    assert_non_null(strstr(r.out, "d/c.txt:1:8: warning: repeated word"));
    assert_null(strstr(r.out, ".md:"));
    run_free(&r);
    RUN_WITH(fx, &with, &r, "--format=gnu", "--lang=xx", "d");
    expect_status(&r, 2);
    assert_int_equal(count_of(r.err, "no hunspell dictionary for 'xx'"), 1);
    assert_null(strstr(r.err, ".mtlint.ini"));
    run_free(&r);
    /* no rule that spells: still a mistake */
    RUN_WITH(fx, &with, &r, "--format=gnu", "--only=repeated-word", "d");
    expect_status(&r, 2);
    assert_int_equal(count_of(r.err, ".mtlint.ini:4: no hunspell dictionary for 'xx'"), 1);
    assert_non_null(strstr(r.out, "d/c.txt:1:8: warning: repeated word"));
    run_free(&r);
    /* near miss: a dictionary that exists, with spelling off */
    RUN_WITH(fx, &with, &r, "--format=gnu", "--only=repeated-word", "--lang=en_US", "d");
    expect_status(&r, 1);
    assert_int_equal(count_lines(r.err), 0);
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(exit_0_clean_file),
        T(exit_1_findings),
        T(exit_2_usage_errors),
        T(exit_2_unknown_rule),
        T(exit_2_io_error),
        T(fail_level_error),
        T(fail_level_note),
        T(fail_level_none),
        T(severity_changes_printed_level),
        T(disable_enable_only),
        T(list_rules_lists_every_rule),
        T(suppression_rules_on_the_command_line),
        T(version_and_help),
        T(gnu_line_exact),
        T(json_has_every_field),
        T(formats_agree),
        T(column_unit_byte_and_char),
        T(pretty_shows_line_and_caret),
        T(terminal_default_is_pretty),
        T(invalid_utf8_still_linted),
        T(nul_bytes_still_linted),
        T(crlf_line_ends),
        T(lone_cr_line_ends),
        T(bom_not_counted),
        T(empty_file),
        T(no_final_newline),
        T(ten_megabyte_line),
        T(pretty_many_findings_on_long_line),
        T(directory_recursed_sorted),
        T(markdown_names),
        T(unreadable_file),
        T(utf16_file_refused),
        T(missing_among_good),
        T(stdin_dash_and_name),
        T(jobs_give_identical_output),
        T(inputs_never_written),
        T(write_error_is_exit_2),
        T(closed_pipe_is_quiet),
        T(config_error_told_once),
        T(missing_dictionary_names_config_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
