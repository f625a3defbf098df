/*
 * Hostile inputs to the command line, each with a bound on time (the run's
 * deadline) and on peak memory (the program's maximum resident set): an
 * endless device and FIFO, a 100 MB file, a million findings, 10,000
 * nested block quotes and lists, and directory symlink loops. The
 * outcomes DESIGN.md lists for bad bytes (NULs, bad UTF-8, a 10 MB line,
 * unreadable files, ...) are tested in test_cli.c.
 *
 * Memory bounds are for the optimised build; AddressSanitizer's shadow
 * memory and quarantine take about three times as much.
 */
#include "cli_harness.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
enum { MEMORY_FACTOR = 3 };
#else
enum { MEMORY_FACTOR = 1 };
#endif

/* The linter with every resource loaded peaks at about 120 MB (measured
 * linting a one-line file); each bound below is that plus what the input
 * may cost. */
#define BASE_KB (160L * 1024)

static void check_peak_memory(const run *r, long extra_kb, const char *what)
{
    long bound = (BASE_KB + extra_kb) * MEMORY_FACTOR;
    printf("%s: %.1f s of CPU, peak memory %ld KB (bound %ld KB)\n", what,
           r->cpu_seconds, r->max_rss_kb, bound);
    if (r->max_rss_kb > bound)
        fail_msg("%s: peak memory %ld KB, more than %ld KB", what,
                 r->max_rss_kb, bound);
}

/* /dev/zero never ends: it is read up to the limit (32 MiB by default),
 * then refused with a message naming it; the next file is still linted. */
static void endless_device_refused(void **state)
{
    fixture *fx = *state;
    put(fx, "b.txt", "It was the the day.\n");
    run_opts ro = {.deadline = 60};
    run r;
    RUN_WITH(fx, &ro, &r, "/dev/zero", "b.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "mtlint: /dev/zero: file too large: more "
                                  "than 32 MiB (see --max-file-size)"));
    assert_non_null(strstr(r.out, "b.txt:1:8: "));
    /* the 32 MiB read, not more */
    check_peak_memory(&r, 40L * 1024, "/dev/zero");
    run_free(&r);
}

/* A FIFO whose writer never stops: refused past --max-file-size. */
static void endless_fifo_refused(void **state)
{
    fixture *fx = *state;
    char fifo[PATH_MAX];
    path_of(fx, "pipe.txt", fifo, sizeof fifo);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    pid_t writer = fork();
    assert_true(writer >= 0);
    if (writer == 0) {
        signal(SIGPIPE, SIG_DFL); /* the reader's close ends the writer */
        int fd = open(fifo, O_WRONLY);
        static const char line[] = "It was a day like any other day.\n";
        while (fd >= 0 && write(fd, line, sizeof line - 1) > 0)
            ;
        _exit(0);
    }
    run_opts ro = {.deadline = 60};
    run r;
    RUN_WITH(fx, &ro, &r, "--max-file-size=64K", "pipe.txt");
    kill(writer, SIGKILL);
    waitpid(writer, NULL, 0);
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "mtlint: pipe.txt: file too large: more "
                                  "than 64 KiB (see --max-file-size)"));
    check_peak_memory(&r, 0, "FIFO");
    run_free(&r);
}

/* A file that holds less than its size says: a sysfs file says 4096
 * bytes and gives a line. What was read is linted. */
static void file_smaller_than_its_size(void **state)
{
    fixture *fx = *state;
    static const char sys[] = "/sys/devices/system/cpu/online";
    struct stat st;
    if (stat(sys, &st) != 0 || st.st_size <= 64) {
        skip();
        return;
    }
    char p[PATH_MAX];
    path_of(fx, "cpus.txt", p, sizeof p);
    assert_int_equal(symlink(sys, p), 0);
    run r;
    RUN(fx, &r, "--format=json", "cpus.txt");
    assert_int_equal(r.signal, 0);
    assert_true(r.status == 0 || r.status == 1);
    run_free(&r);
}

/* A file cut short and filled again while it is read, many times over:
 * each read lints what it got, or fails with a message naming the file;
 * never a crash. */
static void file_shrinking_while_read(void **state)
{
    fixture *fx = *state;
    enum { SIZE = 1 << 20 };
    static const char line[] = "The minister said that the talks had gone well.\n";
    char *text = malloc(SIZE);
    assert_non_null(text);
    for (size_t i = 0; i < SIZE; i++)
        text[i] = line[i % (sizeof line - 1)];
    put_bytes(fx, "shrink.txt", text, SIZE);
    char p[PATH_MAX];
    path_of(fx, "shrink.txt", p, sizeof p);
    pid_t cutter = fork();
    assert_true(cutter >= 0);
    if (cutter == 0) {
        int fd = open(p, O_WRONLY);
        for (unsigned k = 1; fd >= 0; k = k * 1103515245u + 12345u) {
            off_t keep = (off_t)(k % SIZE);
            if (ftruncate(fd, keep) != 0 ||
                pwrite(fd, text + keep, SIZE - (size_t)keep, keep) < 0)
                break;
        }
        _exit(0);
    }
    free(text);
    run_opts ro = {.deadline = 120};
    run r;
    RUN_WITH(fx, &ro, &r, "-j", "1", "--format=json", "shrink.txt",
             "./shrink.txt", "././shrink.txt", "./././shrink.txt");
    kill(cutter, SIGKILL);
    waitpid(cutter, NULL, 0);
    assert_int_equal(r.signal, 0);
    assert_true(r.status == 0 || r.status == 1 || r.status == 2);
    if (r.status == 2)
        assert_non_null(strstr(r.err, "shrink.txt"));
    run_free(&r);
}

/* A 100 MB regular file (sparse: it costs no disk) is refused unread. */
static void large_file_refused_unread(void **state)
{
    fixture *fx = *state;
    char p[PATH_MAX];
    path_of(fx, "big.txt", p, sizeof p);
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 100L << 20), 0);
    close(fd);
    run_opts ro = {.deadline = 60};
    run r;
    RUN_WITH(fx, &ro, &r, "big.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "mtlint: big.txt: file too large: more than "
                                  "32 MiB (see --max-file-size)"));
    check_peak_memory(&r, 0, "100 MB file"); /* not read into memory */
    run_free(&r);
}

/* The limit is exact, and a bad size is a usage error. */
static void max_file_size_exact(void **state)
{
    fixture *fx = *state;
    char text[1001];
    memset(text, 'a', 1000);
    memcpy(text, "It was the the day. ", 20);
    text[999] = '\n';
    text[1000] = '\0';
    put(fx, "k.txt", text);
    run r;
    RUN(fx, &r, "--max-file-size=999", "k.txt");
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "k.txt: file too large: more than 999 bytes"));
    run_free(&r);
    RUN(fx, &r, "--max-file-size=1000", "k.txt");
    assert_non_null(strstr(r.out, "k.txt:1:8: "));
    run_free(&r);
    static const char *const bad[] = {"--max-file-size=0", "--max-file-size=-1",
                                      "--max-file-size=5X",
                                      "--max-file-size=5G", "--max-file-size="};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        RUN(fx, &r, bad[i], "k.txt");
        expect_status(&r, 2);
        assert_non_null(strstr(r.err, "--max-file-size takes a size"));
        run_free(&r);
    }
}

/* A million findings: "a a." a million times over 2,000 lines (each
 * sentence its own repeated word). They are all reported, in bounded time
 * and memory (a finding's record, message and report take some 200
 * bytes). */
static void million_findings(void **state)
{
    fixture *fx = *state;
    enum { LINES = 2000, PER_LINE = 500 };
    static const char unit[] = "a a. ";
    size_t len = (size_t)LINES * (PER_LINE * (sizeof unit - 1) + 1);
    char *text = malloc(len);
    assert_non_null(text);
    for (size_t l = 0, o = 0; l < LINES; l++) {
        for (int w = 0; w < PER_LINE; w++, o += sizeof unit - 1)
            memcpy(text + o, unit, sizeof unit - 1);
        text[o++] = '\n';
    }
    put_bytes(fx, "many.txt", text, len);
    free(text);
    char out[PATH_MAX];
    put(fx, "out.txt", "");
    path_of(fx, "out.txt", out, sizeof out);
    run_opts ro = {.deadline = 300, .stdout_path = out};
    run r;
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "--format=json", "many.txt");
    expect_status(&r, 1);
    FILE *f = fopen(out, "r");
    assert_non_null(f);
    size_t lines = 0;
    int c;
    while ((c = getc(f)) != EOF)
        lines += c == '\n';
    fclose(f);
    assert_int_equal(lines, (size_t)LINES * PER_LINE);
    check_peak_memory(&r, 400L * 1024, "a million findings");
    run_free(&r);
}

/* 10,000 nested block quotes, and 10,000 nested lists, in Markdown: the
 * prose inside is linted at its place. */
static void deep_nesting(void **state)
{
    fixture *fx = *state;
    enum { DEPTH = 10000 };
    size_t len = 2 * (2 * DEPTH + 21) + 2;
    char *md = malloc(len + 1);
    assert_non_null(md);
    size_t o = 0;
    for (int i = 0; i < DEPTH; i++, o += 2)
        memcpy(md + o, "> ", 2);
    o += (size_t)sprintf(md + o, "It was the the day.\n\n");
    for (int i = 0; i < DEPTH; i++, o += 2)
        memcpy(md + o, "- ", 2);
    o += (size_t)sprintf(md + o, "It was the the day.\n");
    put_bytes(fx, "deep.md", md, o);
    free(md);
    run_opts ro = {.deadline = 120};
    run r;
    RUN_WITH(fx, &ro, &r, "--only=repeated-word", "deep.md");
    expect_status(&r, 1);
    assert_non_null(strstr(r.out, "deep.md:1:20008: "));
    assert_non_null(strstr(r.out, "deep.md:3:20008: "));
    check_peak_memory(&r, 100L * 1024, "deep nesting");
    run_free(&r);
}

/* Symbolic links that loop back to a directory above are not followed:
 * each file is linted once and the walk ends. */
static void symlink_loops(void **state)
{
    fixture *fx = *state;
    put(fx, "d/sub/a.txt", "It was the the day.\n");
    char p[PATH_MAX];
    path_of(fx, "d/sub/up", p, sizeof p);
    assert_int_equal(symlink("..", p), 0);
    path_of(fx, "d/self", p, sizeof p);
    assert_int_equal(symlink(".", p), 0);
    path_of(fx, "d/sub/root", p, sizeof p);
    assert_int_equal(symlink(fx->dir, p), 0);
    run_opts ro = {.deadline = 60};
    run r;
    RUN_WITH(fx, &ro, &r, "d");
    expect_status(&r, 1);
    assert_string_equal(r.out, "d/sub/a.txt:1:8: warning: repeated word 'the' "
                               "[repeated-word]\n");
    run_free(&r);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    /* meson sets MALLOC_PERTURB_, which writes every block malloc hands out
     * and frees: a million findings then took eight times the CPU and half
     * as much memory again, measuring glibc rather than mtlint */
    unsetenv("MALLOC_PERTURB_");
#define T(f) cmocka_unit_test_setup_teardown(f, cli_setup, cli_teardown)
    const struct CMUnitTest tests[] = {
        T(endless_device_refused), T(endless_fifo_refused),
        T(file_smaller_than_its_size), T(file_shrinking_while_read),
        T(large_file_refused_unread), T(max_file_size_exact),
        T(million_findings), T(deep_nesting), T(symlink_loops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
