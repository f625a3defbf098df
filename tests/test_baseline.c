/* Baselines, end to end through the mtlint binary: --write-baseline records
 * today's findings; --baseline reports only new ones, and a finding stays
 * known when the text above it is edited. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct run {
    int status;
    char out[16384];
} run;

static char dir[256];

static void write_file(const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Runs mtlint with args (NULL-terminated) in the test directory. */
static void mtlint(run *r, const char *const *args)
{
    const char *build = getenv("MTLINT_BUILD_ROOT");
    assert_non_null(build);
    char bin[512];
    snprintf(bin, sizeof bin, "%s/mtlint", build);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        close(fds[0]);
        if (chdir(dir) != 0)
            _exit(127);
        const char *argv[16] = {bin, "--format=gnu", "--no-config",
                                "--only=repeated-word"};
        size_t n = 4;
        for (size_t i = 0; args[i] && n < 15; i++)
            argv[n++] = args[i];
        argv[n] = NULL;
        execv(bin, (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t k;
    while ((k = read(fds[0], r->out + len, sizeof r->out - 1 - len)) > 0)
        len += (size_t)k;
    r->out[len] = '\0';
    close(fds[0]);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/mtlint-baseline-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char article[] = "The talks ended.\n\n"
                              "He met the the minister on Monday.\n\n"
                              "They said that they they would return.\n";

static void records_and_hides_known_findings(void **state)
{
    (void)state;
    write_file("a.txt", article);
    run r;
    mtlint(&r, (const char *[]){"a.txt", NULL});
    assert_int_equal(r.status, 1);
    mtlint(&r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    mtlint(&r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
}

static void survives_edit_above(void **state)
{
    (void)state;
    write_file("a.txt", article);
    run r;
    mtlint(&r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 0);
    /* New paragraphs above both findings shift every line and offset. */
    char edited[1024];
    snprintf(edited, sizeof edited, "A new first line.\n\nAnd another one here.\n\n%s",
             article);
    write_file("a.txt", edited);
    mtlint(&r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_string_equal(r.out, "");
    assert_int_equal(r.status, 0);
}

static void new_findings_are_reported(void **state)
{
    (void)state;
    write_file("a.txt", article);
    run r;
    mtlint(&r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    char edited[1024];
    snprintf(edited, sizeof edited, "%s\nA new a a mistake.\n", article);
    write_file("a.txt", edited);
    mtlint(&r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "a.txt:7:7: warning: repeated word 'a'"));
    assert_null(strstr(r.out, "'the'"));
    assert_null(strstr(r.out, "'they'"));
}

static void second_copy_is_new(void **state)
{
    (void)state;
    write_file("a.txt", "He met the the minister.\n");
    run r;
    mtlint(&r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    /* the same artifact again, in the same words: one is known, one new */
    write_file("a.txt", "He met the the minister.\n\nHe met the the minister.\n");
    mtlint(&r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "repeated word 'the'"));
    assert_null(strchr(strchr(r.out, '\n') + 1, ':')); /* exactly one line */
}

static void other_file_is_not_covered(void **state)
{
    (void)state;
    write_file("a.txt", article);
    write_file("b.txt", article);
    run r;
    mtlint(&r, (const char *[]){"--write-baseline=base.txt", "a.txt", NULL});
    mtlint(&r, (const char *[]){"--baseline=base.txt", "a.txt", "b.txt", NULL});
    assert_int_equal(r.status, 1);
    assert_null(strstr(r.out, "a.txt:"));
    assert_non_null(strstr(r.out, "b.txt:3:8:"));
}

static void bad_baseline_is_an_error(void **state)
{
    (void)state;
    write_file("a.txt", article);
    write_file("base.txt", "not a baseline\n");
    run r;
    mtlint(&r, (const char *[]){"--baseline=base.txt", "a.txt", NULL});
    assert_int_equal(r.status, 2);
    mtlint(&r, (const char *[]){"--baseline=missing.txt", "a.txt", NULL});
    assert_int_equal(r.status, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(records_and_hides_known_findings, setup, teardown),
        cmocka_unit_test_setup_teardown(survives_edit_above, setup, teardown),
        cmocka_unit_test_setup_teardown(new_findings_are_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(second_copy_is_new, setup, teardown),
        cmocka_unit_test_setup_teardown(other_file_is_not_covered, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_baseline_is_an_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
