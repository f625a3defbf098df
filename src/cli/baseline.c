/*
 * Baseline file: a first line naming the format, then one line per finding:
 *
 *     <fingerprint, 16 hex digits> TAB <rule> TAB <file> TAB <flagged text>
 *
 * Only the fingerprint is used to match; the rest is there for people who
 * read the file in review. File names and text are written with \t, \n and
 * \\ escaped. A file goes by its path from the baseline file's directory
 * (in the fingerprint too), so the baseline matches however the path was
 * spelled on the command line and from whichever directory mtlint ran.
 */
#include "baseline.h"

#include "base/buf.h"
#include "base/hash.h"
#include "base/path.h"
#include "base/utf8.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define BASELINE_HEADER "# mtlint baseline 1"

enum { CONTEXT_WORDS = 3 };

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Hashes s[a, b) with every run of white space as one space. */
static uint64_t fnv_folded(uint64_t h, const char *s, size_t a, size_t b)
{
    int in_ws = 0;
    for (size_t i = a; i < b; i++) {
        if (is_ws(s[i])) {
            in_ws = 1;
            continue;
        }
        if (in_ws)
            h = mtl_fnv64(h, " ", 1);
        in_ws = 0;
        h = mtl_fnv64(h, s + i, 1);
    }
    return h;
}

/* Is there a blank line (a paragraph break) between s[i] and the next or
 * previous non-space character? */
static int blank_line_at(const char *s, size_t n, size_t i, int dir)
{
    int newlines = 0;
    for (size_t k = i; k < n && is_ws(s[k]); k = dir > 0 ? k + 1 : k - 1) {
        newlines += s[k] == '\n';
        if (newlines >= 2)
            return 1;
        if (dir < 0 && k == 0)
            break;
    }
    return 0;
}

/* The fingerprint of f with the file going by name. */
static uint64_t fingerprint_named(const input *in, const char *name,
                                  const mtl_finding *f)
{
    const char *s = in->data;
    size_t n = in->len, a = f->offset, e = f->offset + f->length;
    /* A few words before and after, within the paragraph: text added in
     * another paragraph must not change the fingerprint. */
    size_t ca = a, words = 0;
    while (ca > 0 && words <= CONTEXT_WORDS) {
        if (is_ws(s[ca - 1]) && blank_line_at(s, n, ca - 1, -1))
            break;
        ca--;
        if (is_ws(s[ca]) && ca + 1 < a && !is_ws(s[ca + 1]))
            words++;
    }
    size_t ce = e;
    words = 0;
    while (ce < n && words <= CONTEXT_WORDS) {
        if (is_ws(s[ce]) && blank_line_at(s, n, ce, 1))
            break;
        if (is_ws(s[ce]) && ce > e && !is_ws(s[ce - 1]))
            words++;
        ce++;
    }
    uint64_t h = 1469598103934665603ULL;
    h = mtl_fnv64(h, f->rule, strlen(f->rule) + 1);
    h = mtl_fnv64(h, name, strlen(name) + 1);
    h = fnv_folded(h, s, ca, a);
    h = mtl_fnv64(h, "\x01", 1);
    h = fnv_folded(h, s, a, e);
    h = mtl_fnv64(h, "\x01", 1);
    h = fnv_folded(h, s, e, ce);
    return h;
}

uint64_t finding_fingerprint(const input *in, const mtl_finding *f)
{
    return fingerprint_named(in, in->name, f);
}

/* The absolute directory of the baseline file at path. */
static char *baseline_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return mtl_path_absolute(".");
    if (slash == path)
        return strdup("/");
    char *dir = strndup(path, (size_t)(slash - path));
    char *abs = dir ? mtl_path_absolute(dir) : NULL;
    free(dir);
    return abs;
}

/* The name input in goes by in the baseline whose directory is dir: its
 * path from there, or for standard input the path given by
 * --stdin-filename; without one it stays "<stdin>" (as inputs_expand names
 * it). NULL when out of memory. */
static char *name_in(const char *dir, const input *in)
{
    int is_stdin = !in->path || strcmp(in->path, "-") == 0;
    if (is_stdin && strcmp(in->name, "<stdin>") == 0)
        return strdup(in->name);
    return mtl_path_relative(dir, is_stdin ? in->name : in->path);
}

/* ---- reading: a sorted array of fingerprints, each used at most once --- */

struct baseline {
    char *dir; /* absolute; file names are relative to it */
    uint64_t *prints;
    unsigned char *used;
    size_t n, cap;
};

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static char *errorf(const char *path, const char *what)
{
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s: %s", path, what);
    return mtl_sb_take(&sb);
}

/* Sixteen hex digits and a tab, as written: strtoull would also take
 * blanks, a sign or "0x" in their place. */
static int parse_print(const char *s, uint64_t *v)
{
    *v = 0;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        *v = *v << 4 | (uint64_t)d;
    }
    return s[16] == '\t' ? 0 : -1;
}

baseline *baseline_load(const char *path, char **error)
{
    *error = NULL;
    FILE *f = fopen(path, "r");
    if (!f) {
        *error = errorf(path, strerror(errno));
        return NULL;
    }
    baseline *b = calloc(1, sizeof *b);
    const char *what = b ? NULL : "out of memory"; /* what is wrong */
    char *line = NULL;
    size_t cap = 0, lineno = 0, bad_line = 0;
    ssize_t len;
    while (!what && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (lineno == 1) {
            if (strncmp(line, BASELINE_HEADER, strlen(BASELINE_HEADER)) != 0)
                what = "not an mtlint baseline (bad first line)";
            continue;
        }
        if (line[0] == '#' || strspn(line, " \t\r\n") == (size_t)len)
            continue;
        uint64_t v;
        if (parse_print(line, &v) != 0) {
            what = "bad baseline line";
            bad_line = lineno;
        } else if (MTL_PUSH(b->prints, b->n, b->cap, v) != 0) {
            what = "out of memory";
        }
    }
    /* getline also stops when out of memory: only the end of the file is a
     * good end, and the file has at least its first line */
    int err = errno;
    if (!what && (ferror(f) || !feof(f)))
        what = strerror(err ? err : EIO);
    else if (!what && lineno == 0)
        what = "not an mtlint baseline (empty file)";
    free(line);
    fclose(f);
    if (!what && (!(b->used = calloc(b->n + 1, 1)) ||
                  !(b->dir = baseline_dir(path))))
        what = "out of memory";
    if (what) {
        mtl_sb sb = {0};
        if (bad_line)
            mtl_sb_printf(&sb, "%s:%zu: %s", path, bad_line, what);
        else
            mtl_sb_printf(&sb, "%s: %s", path, what);
        *error = mtl_sb_take(&sb); /* NULL when out of memory */
        baseline_free(b);
        return NULL;
    }
    if (b->n) /* qsort's array may not be NULL, even when empty */
        qsort(b->prints, b->n, sizeof *b->prints, cmp_u64);
    return b;
}

/* Marks an unused entry equal to v as used; 1 if there was one. Entries
 * equal to v are taken first to last, so the used ones are a prefix of
 * their run and the first unused one is found by binary search too: many
 * equal findings cost n log n, not n squared. */
static int take(baseline *b, uint64_t v)
{
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->prints[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->prints[mid] == v && b->used[mid])
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < b->n && b->prints[lo] == v) {
        b->used[lo] = 1;
        return 1;
    }
    return 0;
}

void baseline_covers(baseline *b, const input *in, const mtl_finding *f,
                     size_t n, unsigned char *covered)
{
    memset(covered, 0, n);
    if (!b)
        return;
    /* named once for all; keeping the findings is the safe failure */
    char *name = name_in(b->dir, in);
    for (size_t i = 0; name && i < n; i++)
        covered[i] = (unsigned char)take(b, fingerprint_named(in, name, &f[i]));
    free(name);
}

void baseline_filter(baseline *b, input *in)
{
    if (!b || !in->result)
        return;
    size_t n = mtl_result_count(in->result);
    unsigned char *drop = calloc(n + 1, 1);
    char *name = name_in(b->dir, in);
    /* keeping every finding is the safe failure */
    for (size_t i = 0; name && drop && i < n; i++)
        drop[i] = (unsigned char)take(
            b, fingerprint_named(in, name, mtl_result_at(in->result, i)));
    if (name && drop)
        mtl_result_remove(in->result, drop);
    free(name);
    free(drop);
}

void baseline_rewind(baseline *b)
{
    if (b)
        memset(b->used, 0, b->n);
}

void baseline_free(baseline *b)
{
    if (!b)
        return;
    free(b->dir);
    free(b->prints);
    free(b->used);
    free(b);
}

/* ---- writing ---------------------------------------------------------- */

struct baseline_writer {
    FILE *f;
    char *path;
    char *dir;       /* absolute; file names are relative to it */
    int out_of_memory;
};

baseline_writer *baseline_writer_open(const char *path, char **error)
{
    *error = NULL;
    baseline_writer *w = calloc(1, sizeof *w);
    if (!w || !(w->path = strdup(path)) || !(w->dir = baseline_dir(path))) {
        if (w)
            free(w->path);
        free(w);
        *error = errorf(path, "out of memory");
        return NULL;
    }
    w->f = fopen(path, "w");
    if (!w->f) {
        *error = errorf(path, strerror(errno));
        free(w->path);
        free(w->dir);
        free(w);
        return NULL;
    }
    fputs(BASELINE_HEADER ": fingerprint, rule, file, flagged text\n", w->f);
    return w;
}

static void put_escaped(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\t')
            fputs("\\t", f);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\r')
            fputs("\\r", f);
        else if (c == '\\')
            fputs("\\\\", f);
        else
            putc(c, f);
    }
}

static void put_entry(FILE *out, const input *in, const char *name,
                      const mtl_finding *f)
{
    fprintf(out, "%016" PRIx64 "\t%s\t", fingerprint_named(in, name, f),
            f->rule);
    put_escaped(out, name, strlen(name));
    putc('\t', out);
    put_escaped(out, in->data + f->offset, f->length < 200 ? f->length : 200);
    putc('\n', out);
}

void baseline_writer_add(baseline_writer *w, const input *in)
{
    char *name = name_in(w->dir, in);
    if (!name) {
        w->out_of_memory = 1; /* reported when the writer is closed */
        return;
    }
    for (size_t i = 0; i < mtl_result_count(in->result); i++)
        put_entry(w->f, in, name, mtl_result_at(in->result, i));
    free(name);
}

int baseline_append(const char *path, const input *in, const mtl_finding *f,
                    char **error)
{
    *error = NULL;
    FILE *out = fopen(path, "a");
    if (!out) {
        *error = errorf(path, strerror(errno));
        return -1;
    }
    /* a new file gets the first line that says what it is */
    if (fseek(out, 0, SEEK_END) == 0 && ftell(out) == 0)
        fputs(BASELINE_HEADER ": fingerprint, rule, file, flagged text\n", out);
    /* named as baseline_covers will look for it */
    char *dir = baseline_dir(path);
    char *name = dir ? name_in(dir, in) : NULL;
    if (name)
        put_entry(out, in, name, f);
    int bad = ferror(out);
    if (fclose(out) != 0 || bad)
        *error = errorf(path, strerror(errno ? errno : EIO));
    else if (!name)
        *error = errorf(path, "out of memory");
    free(dir);
    free(name);
    return *error ? -1 : 0;
}

int baseline_writer_close(baseline_writer *w, char **error)
{
    *error = NULL;
    int bad = ferror(w->f);
    bad = fclose(w->f) != 0 || bad;
    if (w->out_of_memory) {
        bad = 1;
        *error = errorf(w->path, "out of memory");
    } else if (bad) { /* the message may be lost to a lack of memory, not the -1 */
        *error = errorf(w->path, strerror(errno ? errno : EIO));
    }
    free(w->path);
    free(w->dir);
    free(w);
    return bad ? -1 : 0;
}
