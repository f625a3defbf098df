/*
 * Running the built mtlint end to end (fork and exec, no shell) in a fresh
 * temporary directory per test: the harness of the command-line tests.
 */
#ifndef MTL_CLI_HARNESS_H
#define MTL_CLI_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>

enum { NOBODY = 65534 }; /* the uid/gid of nobody */

typedef struct fixture {
    char dir[PATH_MAX];
} fixture;

/* cmocka setup and teardown: a temporary directory, removed after. */
int cli_setup(void **state);
int cli_teardown(void **state);

/* The path of name under the fixture. */
void path_of(const fixture *fx, const char *name, char *out, size_t n);
/* Writes a file under the fixture, making its directories. */
void put_bytes(const fixture *fx, const char *name, const void *data,
               size_t len);
void put(const fixture *fx, const char *name, const char *text);

typedef struct run_opts {
    const char *stdin_file;  /* under the fixture; /dev/null when NULL */
    const char *stdout_path; /* stdout goes here instead of being captured */
    int as_nobody;           /* drop root, so that mode 000 means unreadable */
    int ignore_sigpipe;      /* as a parent that ignores SIGPIPE leaves it */
    int close_stdout;        /* stop reading stdout after the first bytes */
    int tty;                 /* stdout is a terminal */
    int no_color;            /* NO_COLOR=1 in the environment (else unset) */
    const char *program;     /* under the build root instead of "mtlint" */
    int deadline;            /* seconds, instead of two minutes */
    const char *cwd;         /* run in this folder under the fixture */
    int with_configs;        /* no --no-config: the test writes a config
                                with root = true in the fixture */
} run_opts;

typedef struct run {
    int status;   /* exit status, or -1 when killed by a signal */
    int signal;   /* the signal that killed it, or 0 */
    char *out, *err;
    size_t out_len, err_len;
    double cpu_seconds;  /* user and system time the program took */
    long max_rss_kb;     /* its peak resident memory */
} run;

void run_free(run *r);
/* Runs mtlint --no-config ARGS (NULL-terminated) in the fixture directory
 * (or ro->cwd under it; without --no-config when ro->with_configs)
 * (a config file above the temporary directory must not change results);
 * fails the test if it does not finish within two minutes (or
 * ro->deadline seconds). */
void run_with(const fixture *fx, const run_opts *ro, const char *const *args,
              run *r);
#define RUN(fx, r, ...) \
    run_with((fx), NULL, (const char *const[]){__VA_ARGS__, NULL}, (r))
#define RUN_WITH(fx, ro, r, ...) \
    run_with((fx), (ro), (const char *const[]){__VA_ARGS__, NULL}, (r))
/* Asserts the exit status (no signal), printing the output if it differs. */
void expect_status(const run *r, int status);

#endif
