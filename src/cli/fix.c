/*
 * --fix: applies the first suggestion of the mechanical rules' findings
 * (doubled punctuation, space before punctuation, repeated word, mojibake,
 * term inconsistency to the majority form) to the file; --fix --dry-run
 * prints the same change as a unified diff instead. These rules' fixes
 * need no judgement and leave nothing for a second run to fix.
 *
 * A file is replaced atomically: the new text is written beside it, synced,
 * given the old file's mode and renamed over it, so a crash leaves the old
 * file or the new one, never half of each. A file whose bytes changed
 * since they were linted (an editor saved it meanwhile) is left alone.
 */
#include "cli.h"

#include "base/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const fixable[] = {
    "doubled-punctuation", "punctuation-spacing", "repeated-word",
    "encoding", "term-inconsistency",
};

static int is_fixable(const mtl_finding *f)
{
    if (!f->n_suggestions)
        return 0;
    for (size_t i = 0; i < sizeof fixable / sizeof *fixable; i++)
        if (strcmp(f->rule, fixable[i]) == 0)
            return 1;
    return 0;
}

typedef struct edit {
    size_t start, end; /* bytes of the original */
    const char *with;
    size_t finding;
} edit;

/* The edits to make, in text order, none overlapping (the first of two
 * overlapping findings wins; the other is left for the report). */
static int collect(const input *in, edit **out, size_t *n_out)
{
    edit *e = NULL;
    size_t n = 0, cap = 0;
    size_t count = mtl_result_count(in->result);
    for (size_t i = 0; i < count; i++) {
        const mtl_finding *f = mtl_result_at(in->result, i);
        if (!is_fixable(f))
            continue;
        edit x = {f->offset, f->offset + f->length, f->suggestions[0], i};
        if (x.end > in->len)
            continue;
        if (MTL_PUSH(e, n, cap, x) != 0) {
            free(e);
            return -1;
        }
    }
    /* findings come in text order per rule, not across rules */
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && e[k - 1].start > e[k].start; k--) {
            edit t = e[k];
            e[k] = e[k - 1];
            e[k - 1] = t;
        }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!kept || e[i].start >= e[kept - 1].end)
            e[kept++] = e[i];
    *out = e;
    *n_out = kept;
    return 0;
}

/* text[a, b) with the edits inside it applied, appended to sb. */
static void apply(mtl_sb *sb, const char *text, size_t a, size_t b,
                  const edit *e, size_t n)
{
    size_t at = a;
    for (size_t i = 0; i < n; i++) {
        if (e[i].start < a || e[i].end > b)
            continue;
        mtl_sb_add(sb, text + at, e[i].start - at);
        mtl_sb_adds(sb, e[i].with);
        at = e[i].end;
    }
    mtl_sb_add(sb, text + at, b - at);
}

/* ---- the unified diff ------------------------------------------------ */

enum { CONTEXT = 3 };

static size_t line_end(const char *t, size_t len, size_t i)
{
    const char *nl = memchr(t + i, '\n', len - i);
    return nl ? (size_t)(nl - t) + 1 : len;
}

/* Writes the lines of s[0, n) each after mark. */
static void put_lines(FILE *o, char mark, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t e = line_end(s, n, i);
        putc(mark, o);
        fwrite(s + i, 1, e - i, o);
        if (s[e - 1] != '\n')
            fputs("\n\\ No newline at end of file\n", o);
        i = e;
    }
}

static size_t count_lines(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i = line_end(s, n, i))
        k++;
    return k;
}

static void diff(FILE *o, const input *in, const edit *e, size_t n)
{
    const char *t = in->data;
    size_t len = in->len;
    /* line starts of the original */
    size_t *ls = NULL, nl = 0, cap = 0;
    for (size_t i = 0; i < len; i = line_end(t, len, i))
        if (MTL_PUSH(ls, nl, cap, i) != 0) {
            free(ls);
            return;
        }
    size_t *touched = calloc(nl ? nl : 1, sizeof *touched);
    if (!touched) {
        free(ls);
        return;
    }
    /* mark the lines each edit touches: touched[k] = 1 + edit index */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        while (k + 1 < nl && ls[k + 1] <= e[i].start)
            k++;
        for (size_t m = k; m < nl && (m == k || ls[m] < e[i].end); m++)
            touched[m] = 1;
    }
    fputs("--- a/", o);
    fputs(in->name, o);
    fputs("\n+++ b/", o);
    fputs(in->name, o);
    putc('\n', o);
    long shift = 0; /* new line numbers minus old, before the hunk */
    for (size_t a = 0; a < nl;) {
        if (!touched[a]) {
            a++;
            continue;
        }
        /* a hunk: touched lines whose gaps are within 2 * CONTEXT */
        size_t b = a, last = a;
        while (b < nl && b <= last + 2 * CONTEXT) {
            if (touched[b])
                last = b;
            b++;
        }
        size_t h0 = a > CONTEXT ? a - CONTEXT : 0;
        size_t h1 = last + 1 + CONTEXT < nl ? last + 1 + CONTEXT : nl;
        size_t bs = ls[h0], be = h1 < nl ? ls[h1] : len;
        mtl_sb nt = {0};
        apply(&nt, t, bs, be, e, n);
        size_t old_n = h1 - h0, new_n = count_lines(nt.data ? nt.data : "", nt.len);
        fprintf(o, "@@ -%zu,%zu +%ld,%zu @@\n", h0 + 1, old_n,
                (long)h0 + 1 + shift, new_n);
        for (size_t m = h0; m < h1;) {
            size_t m_end = m;
            while (m_end < h1 && touched[m_end] == touched[m])
                m_end++;
            size_t s0 = ls[m], s1 = m_end < nl ? ls[m_end] : len;
            if (!touched[m]) {
                put_lines(o, ' ', t + s0, s1 - s0);
            } else {
                mtl_sb blk = {0};
                apply(&blk, t, s0, s1, e, n);
                put_lines(o, '-', t + s0, s1 - s0);
                put_lines(o, '+', blk.data ? blk.data : "", blk.len);
                mtl_sb_free(&blk);
            }
            m = m_end;
        }
        shift += (long)new_n - (long)old_n;
        mtl_sb_free(&nt);
        a = h1;
    }
    free(touched);
    free(ls);
}

/* ---- replacing the file ---------------------------------------------- */

/* Are the file's bytes still the ones that were linted? */
static int unchanged(const char *path, const input *in)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[65536];
    size_t at = 0;
    int same = 1;
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            same = r == 0 && at == in->len;
            break;
        }
        if (at + (size_t)r > in->len || memcmp(in->data + at, buf, (size_t)r) != 0) {
            same = 0;
            break;
        }
        at += (size_t)r;
    }
    close(fd);
    return same;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Writes text beside path (through a symbolic link, beside its target) and
 * renames it over path. Returns 0, or an error message. */
static const char *replace(const char *path, const input *in, const char *text,
                           size_t n)
{
    char *real = realpath(path, NULL);
    if (!real)
        return strerror(errno);
    struct stat st;
    const char *err = NULL;
    mtl_sb tmp = {0};
    const char *slash = strrchr(real, '/');
    mtl_sb_add(&tmp, real, (size_t)(slash - real) + 1);
    mtl_sb_printf(&tmp, ".%s.mtlint-XXXXXX", slash + 1);
    char *tp = mtl_sb_take(&tmp);
    int fd = -1;
    if (!tp)
        err = "out of memory";
    else if (stat(real, &st) != 0)
        err = strerror(errno);
    else if (!unchanged(real, in))
        err = "changed since it was read; not fixed";
    else if ((fd = mkstemp(tp)) < 0)
        err = strerror(errno);
    else if (write_all(fd, text, n) != 0 || fchmod(fd, st.st_mode & 07777) != 0 ||
             fsync(fd) != 0)
        err = strerror(errno);
    if (fd >= 0 && close(fd) != 0 && !err)
        err = strerror(errno);
    if (!err && rename(tp, real) != 0)
        err = strerror(errno);
    if (err && fd >= 0)
        unlink(tp);
    if (!err) {
        /* the rename itself is durable once the directory is synced */
        char *dir = strndup(real, (size_t)(slash - real) + 1);
        int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
        free(dir);
    }
    free(tp);
    free(real);
    return err;
}

int fix_input(input *in, int dry_run, FILE *out)
{
    edit *e = NULL;
    size_t n = 0;
    if (!in->result || !in->data)
        return 0;
    if (collect(in, &e, &n) != 0)
        return -1;
    if (!n) {
        free(e);
        return 0;
    }
    if (dry_run) {
        diff(out, in, e, n);
    } else if (strcmp(in->path, "-") == 0) {
        fprintf(stderr, "mtlint: %s: standard input is not fixed in place\n", in->name);
        free(e);
        return 0;
    } else {
        mtl_sb nt = {0};
        apply(&nt, in->data, 0, in->len, e, n);
        size_t new_len = nt.len;
        char *text = mtl_sb_take(&nt);
        const char *err = text ? replace(in->path, in, text, new_len) : "out of memory";
        free(text);
        if (err) {
            fprintf(stderr, "mtlint: %s: %s\n", in->name, err);
            free(e);
            return -1;
        }
    }
    /* what was fixed is not reported */
    size_t count = mtl_result_count(in->result);
    unsigned char *gone = calloc(count ? count : 1, 1);
    if (gone) {
        for (size_t i = 0; i < n; i++)
            gone[e[i].finding] = 1;
        mtl_result_remove(in->result, gone);
        free(gone);
    }
    free(e);
    return (int)n;
}
