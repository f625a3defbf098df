/*
 * Baseline file: a first line naming the format, then one line per finding:
 *
 *     <fingerprint, 16 hex digits> TAB <rule> TAB <file> TAB <flagged text>
 *
 * Only the fingerprint is used to match; the rest is there for people who
 * read the file in review. File names and text are written with \t, \n and
 * \\ escaped.
 */
#include "baseline.h"

#include "base/buf.h"
#include "base/hash.h"
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

uint64_t finding_fingerprint(const input *in, const mtl_finding *f)
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
    h = mtl_fnv64(h, in->name, strlen(in->name) + 1);
    h = fnv_folded(h, s, ca, a);
    h = mtl_fnv64(h, "\x01", 1);
    h = fnv_folded(h, s, a, e);
    h = mtl_fnv64(h, "\x01", 1);
    h = fnv_folded(h, s, e, ce);
    return h;
}

/* ---- reading: a sorted array of fingerprints, each used at most once --- */

struct baseline {
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

baseline *baseline_load(const char *path, char **error)
{
    *error = NULL;
    FILE *f = fopen(path, "r");
    if (!f) {
        *error = errorf(path, strerror(errno));
        return NULL;
    }
    baseline *b = calloc(1, sizeof *b);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    while (b && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (lineno == 1) {
            if (strncmp(line, BASELINE_HEADER, strlen(BASELINE_HEADER)) != 0) {
                *error = errorf(path, "not an mtlint baseline (bad first line)");
                break;
            }
            continue;
        }
        if (len <= 1 || line[0] == '#')
            continue;
        char *end;
        uint64_t v = strtoull(line, &end, 16);
        if (end != line + 16 || *end != '\t') {
            mtl_sb sb = {0};
            mtl_sb_printf(&sb, "%s:%zu: bad baseline line", path, lineno);
            *error = mtl_sb_take(&sb);
            break;
        }
        if (MTL_PUSH(b->prints, b->n, b->cap, v) != 0) {
            *error = errorf(path, "out of memory");
            break;
        }
    }
    free(line);
    if (ferror(f) && !*error)
        *error = errorf(path, strerror(errno));
    fclose(f);
    if (b && !*error) {
        b->used = calloc(b->n + 1, 1);
        if (!b->used)
            *error = errorf(path, "out of memory");
    }
    if (!b || *error) {
        if (!*error)
            *error = errorf(path, "out of memory");
        baseline_free(b);
        return NULL;
    }
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

int baseline_covers(baseline *b, const input *in, const mtl_finding *f)
{
    return b && take(b, finding_fingerprint(in, f));
}

void baseline_filter(baseline *b, input *in)
{
    if (!b || !in->result)
        return;
    size_t n = mtl_result_count(in->result);
    unsigned char *drop = calloc(n + 1, 1);
    if (!drop)
        return; /* keeping every finding is the safe failure */
    for (size_t i = 0; i < n; i++)
        drop[i] = (unsigned char)baseline_covers(b, in, mtl_result_at(in->result, i));
    mtl_result_remove(in->result, drop);
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
    free(b->prints);
    free(b->used);
    free(b);
}

/* ---- writing ---------------------------------------------------------- */

struct baseline_writer {
    FILE *f;
    char *path;
};

baseline_writer *baseline_writer_open(const char *path, char **error)
{
    *error = NULL;
    baseline_writer *w = calloc(1, sizeof *w);
    if (!w || !(w->path = strdup(path))) {
        free(w);
        *error = errorf(path, "out of memory");
        return NULL;
    }
    w->f = fopen(path, "w");
    if (!w->f) {
        *error = errorf(path, strerror(errno));
        free(w->path);
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

static void put_entry(FILE *out, const input *in, const mtl_finding *f)
{
    fprintf(out, "%016" PRIx64 "\t%s\t", finding_fingerprint(in, f), f->rule);
    put_escaped(out, in->name, strlen(in->name));
    putc('\t', out);
    put_escaped(out, in->data + f->offset, f->length < 200 ? f->length : 200);
    putc('\n', out);
}

void baseline_writer_add(baseline_writer *w, const input *in)
{
    for (size_t i = 0; i < mtl_result_count(in->result); i++)
        put_entry(w->f, in, mtl_result_at(in->result, i));
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
    put_entry(out, in, f);
    int bad = ferror(out);
    if (fclose(out) != 0 || bad)
        *error = errorf(path, strerror(errno ? errno : EIO));
    return *error ? -1 : 0;
}

int baseline_writer_close(baseline_writer *w, char **error)
{
    *error = NULL;
    int bad = ferror(w->f);
    if (fclose(w->f) != 0 || bad)
        *error = errorf(w->path, strerror(errno ? errno : EIO));
    free(w->path);
    free(w);
    return *error ? -1 : 0;
}
