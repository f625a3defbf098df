/*
 * What a person at a terminal sees on stderr besides the findings: a
 * progress line while a long run goes on, and one line at the end, e.g.
 *
 *   mtlint: 19 findings in 1 of 3 files (7 spelling, 4 fragment, ...), 0.31 s
 *
 * Neither appears unless stderr is a terminal, so pipes, CI logs, editors
 * and scripts get the findings and nothing else; --quiet turns both off.
 * The progress line waits MTLINT_PROGRESS_DELAY seconds (2 unless set, as
 * git's GIT_PROGRESS_DELAY) so that short runs never show it, and is erased
 * before anything else is written, so it never mixes with findings printed
 * to the same terminal.
 */
#include "summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Redraws at most this often: a terminal need not repaint per file. */
#define REDRAW_NS 100000000LL

struct summary {
    FILE *err;
    size_t n_files;
    size_t files_done;    /* reported, ignored or not */
    size_t linted, files_with, errors, findings;
    size_t *per_rule;     /* findings per rule, by catalogue index */
    long long start, delay, last_draw;
    int shown;            /* a progress line is on the terminal */
    int stdout_tty;       /* findings go to the same terminal */
    int fixing;           /* --fix may write to stderr for any file */
};

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

summary *summary_new(FILE *err, int err_fd, size_t n_files, int quiet, int fixing)
{
    if (quiet || !isatty(err_fd))
        return NULL;
    summary *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->per_rule = calloc(mtl_rule_count() + 1, sizeof *s->per_rule);
    if (!s->per_rule) {
        free(s);
        return NULL;
    }
    s->err = err;
    s->n_files = n_files;
    s->start = s->last_draw = now_ns();
    s->stdout_tty = isatty(STDOUT_FILENO);
    s->fixing = fixing;
    const char *d = getenv("MTLINT_PROGRESS_DELAY");
    char *end;
    double secs = d && *d ? strtod(d, &end) : 2.0;
    if (d && *d && (*end || secs < 0))
        secs = 2.0;
    s->delay = (long long)(secs * 1e9);
    return s;
}

void summary_clear(summary *s)
{
    if (!s || !s->shown)
        return;
    fputs("\r\033[K", s->err);
    fflush(s->err);
    s->shown = 0;
}

void summary_before(summary *s, const input *in)
{
    if (!s || !s->shown)
        return;
    /* a file with nothing to print leaves the line where it is */
    if (in->error || in->lint_failed || s->fixing ||
        (s->stdout_tty && in->result && mtl_result_count(in->result)))
        summary_clear(s);
}

void summary_file(summary *s, const input *in)
{
    if (!s)
        return;
    s->files_done++;
    if (in->ignored)
        return;
    if (in->error || in->lint_failed) {
        s->errors++;
        return;
    }
    s->linted++;
    size_t n = in->result ? mtl_result_count(in->result) : 0;
    if (n)
        s->files_with++;
    s->findings += n;
    for (size_t k = 0; k < n; k++) {
        int r = mtl_rule_find(mtl_result_at(in->result, k)->rule);
        s->per_rule[r < 0 ? mtl_rule_count() : (size_t)r]++;
    }
}

void summary_progress(summary *s)
{
    if (!s || s->files_done >= s->n_files)
        return;
    long long t = now_ns();
    if (t - s->start < s->delay || t - s->last_draw < REDRAW_NS)
        return;
    /* what was printed so far reaches the terminal before the line does */
    if (s->stdout_tty)
        fflush(stdout);
    fprintf(s->err, "\r\033[Kmtlint: %zu of %zu files, %zu finding%s", s->files_done,
            s->n_files, s->findings, s->findings == 1 ? "" : "s");
    fflush(s->err);
    s->shown = 1;
    s->last_draw = t;
}

/* "7 spelling, 4 fragment": rules by count, most first; ties in catalogue
 * order. Four at most, then "..." */
static void print_rules(const summary *s)
{
    size_t n = mtl_rule_count() + 1, printed = 0;
    unsigned char *used = calloc(n, 1);
    if (!used)
        return;
    fputs(" (", s->err);
    for (;;) {
        size_t best = n;
        for (size_t r = 0; r < n; r++)
            if (!used[r] && s->per_rule[r] &&
                (best == n || s->per_rule[r] > s->per_rule[best]))
                best = r;
        if (best == n)
            break;
        used[best] = 1;
        if (printed == 4) {
            fputs(", ...", s->err);
            break;
        }
        fprintf(s->err, "%s%zu %s", printed ? ", " : "", s->per_rule[best],
                best < n - 1 ? mtl_rule_at(best)->id : "other");
        printed++;
    }
    fputc(')', s->err);
    free(used);
}

void summary_end(summary *s)
{
    if (!s)
        return;
    summary_clear(s);
    if (s->stdout_tty)
        fflush(stdout);
    double secs = (double)(now_ns() - s->start) / 1e9;
    fprintf(s->err, "mtlint: ");
    if (s->findings) {
        fprintf(s->err, "%zu finding%s in %zu of %zu file%s", s->findings,
                s->findings == 1 ? "" : "s", s->files_with, s->linted,
                s->linted == 1 ? "" : "s");
        print_rules(s);
    } else {
        fprintf(s->err, "no findings in %zu file%s", s->linted,
                s->linted == 1 ? "" : "s");
    }
    if (s->errors)
        fprintf(s->err, ", %zu file%s not linted", s->errors, s->errors == 1 ? "" : "s");
    fprintf(s->err, ", %.2f s\n", secs);
    fflush(s->err);
}

void summary_free(summary *s)
{
    if (!s)
        return;
    free(s->per_rule);
    free(s);
}
