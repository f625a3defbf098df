#define _XOPEN_SOURCE 700 /* posix_openpt */

#include "cli_harness.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { DEADLINE_SECONDS = 120 };

/* ---- a temporary directory per test ----------------------------------- */



int  cli_setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    const char *tmp = getenv("TMPDIR");
    snprintf(fx->dir, sizeof fx->dir, "%s/mtlint-cli-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(fx->dir)) {
        free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

/* Removes a tree without following links; directories a test made
 * unreadable are opened up first. */
static int remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    chmod(path, 0700);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char sub[PATH_MAX];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        if (remove_tree(sub) != 0)
            rc = -1;
    }
    closedir(d);
    return rmdir(path) == 0 ? rc : -1;
}

int  cli_teardown(void **state)
{
    fixture *fx = *state;
    int rc = remove_tree(fx->dir);
    free(fx);
    return rc;
}

void  path_of(const fixture *fx, const char *name, char *out, size_t n)
{
    int k = snprintf(out, n, "%s/%s", fx->dir, name);
    assert_true(k > 0 && (size_t)k < n);
}

/* Writes a file under the fixture, making its directories. */
void  put_bytes(const fixture *fx, const char *name, const void *data,
                      size_t len)
{
    char p[PATH_MAX];
    path_of(fx, name, p, sizeof p);
    for (char *s = strchr(p + strlen(fx->dir) + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0755) != 0)
            assert_int_equal(errno, EEXIST);
        *s = '/';
    }
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

void  put(const fixture *fx, const char *name, const char *text)
{
    put_bytes(fx, name, text, strlen(text));
}

/* ---- running mtlint ---------------------------------------------------- */





void  run_free(run *r)
{
    free(r->out);
    free(r->err);
    memset(r, 0, sizeof *r);
}

static void append(char **buf, size_t *len, const char *data, size_t n)
{
    char *nb = realloc(*buf, *len + n + 1);
    assert_non_null(nb);
    memcpy(nb + *len, data, n);
    *len += n;
    nb[*len] = '\0';
    *buf = nb;
}

/* The binary under test: the build tree's mtlint, or program there. */
static void mtlint_path(char *out, size_t n, const char *program)
{
    const char *root = getenv("MTLINT_BUILD_ROOT");
    if (!root) {
        fail_msg("%s", "MTLINT_BUILD_ROOT is not set (run through meson test)");
        return;
    }
    int k = snprintf(out, n, "%s/%s", root, program ? program : "mtlint");
    assert_true(k > 0 && (size_t)k < n);
}

static void child(const fixture *fx, const run_opts *ro, int out_fd,
                  int err_fd, char **argv)
{
    int in_fd;
    if (ro->stdin_file) {
        char p[PATH_MAX];
        path_of(fx, ro->stdin_file, p, sizeof p);
        in_fd = open(p, O_RDONLY);
    } else {
        in_fd = open("/dev/null", O_RDONLY);
    }
    if (ro->stdout_path)
        out_fd = open(ro->stdout_path, O_WRONLY);
    char cwd[PATH_MAX];
    if (ro->cwd)
        path_of(fx, ro->cwd, cwd, sizeof cwd);
    if (in_fd < 0 || out_fd < 0 || dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 ||
        dup2(err_fd, 2) < 0 || chdir(ro->cwd ? cwd : fx->dir) != 0)
        _exit(126);
    signal(SIGPIPE, ro->ignore_sigpipe ? SIG_IGN : SIG_DFL);
    if (ro->no_color ? setenv("NO_COLOR", "1", 1) : unsetenv("NO_COLOR"))
        _exit(126);
    if (ro->as_nobody && (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 ||
                          setuid(NOBODY) != 0))
        _exit(125);
    execv(argv[0], argv);
    _exit(127);
}

/* Runs mtlint --no-config ARGS in the fixture directory (a config file
 * above the temporary directory must not change the results). */
void  run_with(const fixture *fx, const run_opts *ro,
                     const char *const *args, run *r)
{
    static const run_opts none = {0};
    if (!ro)
        ro = &none;
    memset(r, 0, sizeof *r);
    size_t n = 0;
    while (args[n])
        n++;
    char bin[PATH_MAX];
    mtlint_path(bin, sizeof bin, ro->program);
    char **argv = calloc(n + 3, sizeof *argv);
    assert_non_null(argv);
    argv[0] = bin;
    size_t at = 1;
    if (!ro->with_configs)
        argv[at++] = (char *)"--no-config";
    for (size_t i = 0; i < n; i++)
        argv[at++] = (char *)args[i];

    int out_pipe[2], err_pipe[2];
    assert_int_equal(pipe(err_pipe), 0);
    if (ro->tty) {
        /* The parent opens the terminal's far end too, so that it is open
         * before the child runs and reads as closed once the child ends. */
        out_pipe[0] = posix_openpt(O_RDWR | O_NOCTTY);
        assert_true(out_pipe[0] >= 0);
        assert_int_equal(grantpt(out_pipe[0]), 0);
        assert_int_equal(unlockpt(out_pipe[0]), 0);
        const char *name = ptsname(out_pipe[0]);
        assert_non_null(name);
        out_pipe[1] = open(name, O_RDWR | O_NOCTTY);
        assert_true(out_pipe[1] >= 0);
    } else {
        assert_int_equal(pipe(out_pipe), 0);
    }
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        child(fx, ro, out_pipe[1], err_pipe[1], argv);
    }
    free(argv);
    close(out_pipe[1]);
    close(err_pipe[1]);

    struct pollfd pf[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    int limit = ro->deadline > 0 ? ro->deadline : DEADLINE_SECONDS;
    time_t deadline = time(NULL) + limit;
    int timed_out = 0;
    while (pf[0].fd >= 0 || pf[1].fd >= 0) {
        int left = (int)(deadline - time(NULL));
        int ready = left > 0 ? poll(pf, 2, left * 1000) : 0;
        if (ready < 0 && errno == EINTR)
            continue;
        assert_true(ready >= 0);
        if (ready == 0) {
            timed_out = 1;
            break;
        }
        for (int k = 0; k < 2; k++) {
            if (pf[k].fd < 0 || !(pf[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[65536];
            ssize_t got = read(pf[k].fd, buf, sizeof buf);
            if (got < 0 && errno == EINTR)
                continue;
            /* a terminal whose other end is closed reads as EIO: the end */
            if (got > 0) {
                if (k == 0)
                    append(&r->out, &r->out_len, buf, (size_t)got);
                else
                    append(&r->err, &r->err_len, buf, (size_t)got);
            }
            if (got <= 0 || (k == 0 && ro->close_stdout)) {
                close(pf[k].fd);
                pf[k].fd = -1;
            }
        }
    }
    for (int k = 0; k < 2; k++)
        if (pf[k].fd >= 0)
            close(pf[k].fd);
    if (timed_out)
        kill(pid, SIGKILL);
    int ws;
    struct rusage ru;
    while (wait4(pid, &ws, 0, &ru) < 0)
        assert_int_equal(errno, EINTR);
    r->cpu_seconds = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                     (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    r->max_rss_kb = ru.ru_maxrss;
    if (!r->out)
        append(&r->out, &r->out_len, "", 0);
    if (!r->err)
        append(&r->err, &r->err_len, "", 0);
    if (timed_out)
        fail_msg("mtlint did not finish within %d seconds", limit);
    r->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    r->signal = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
    if (r->status == 125 || r->status == 126 || r->status == 127)
        fail_msg("could not start %s (status %d)", bin, r->status);
}


void  expect_status(const run *r, int status)
{
    if (r->status != status)
        print_error("stdout:\n%s\nstderr:\n%s\n", r->out, r->err);
    assert_int_equal(r->signal, 0);
    assert_int_equal(r->status, status);
}
