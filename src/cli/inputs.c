/* Finding and reading the files to lint. */
#include "cli.h"
#include "ignore.h"

#include "base/buf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct list {
    input *items;
    size_t n, cap;
} list;

static char *xstrdup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int add(list *l, const char *path, const char *name, const char *error)
{
    input in = {0};
    in.path = xstrdup(path);
    in.name = xstrdup(name ? name : path);
    if (error)
        in.error = xstrdup(error);
    if (!in.path || !in.name || (error && !in.error) ||
        MTL_PUSH(l->items, l->n, l->cap, in) != 0) {
        free(in.path);
        free(in.name);
        free(in.error);
        return -1;
    }
    return 0;
}

/* Text (.txt) and the names mtl_lint reads as Markdown, in any case. */
static int lintable_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcasecmp(name + n - 4, ".txt") == 0) ||
           mtl_markdown_name(name);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, dir);
    if (sb.len && sb.data[sb.len - 1] != '/')
        mtl_sb_addc(&sb, '/');
    mtl_sb_adds(&sb, name);
    return mtl_sb_take(&sb);
}

/* Walks a directory in sorted order. Hidden entries (.git) and what git
 * ignores (ig, when not NULL) are skipped; *n_ignored counts the lintable
 * files and the directories skipped for git. Symbolic links to directories
 * are not followed, so a link loop cannot make the walk endless. */
static int walk(list *l, const char *dir, int depth, const git_ignores *ig,
                size_t *n_ignored)
{
    if (depth > 64) {
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "directory tree deeper than 64 levels, not entered");
        char *msg = mtl_sb_take(&sb);
        int rc = add(l, dir, NULL, msg);
        free(msg);
        return rc;
    }
    DIR *d = opendir(dir);
    if (!d)
        return add(l, dir, NULL, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *s = strdup(e->d_name);
        if (!s || MTL_PUSH(names, n, cap, s) != 0) {
            free(s);
            rc = -1;
            break;
        }
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char *p = rc == 0 ? join(dir, names[i]) : NULL;
        free(names[i]);
        if (!p) {
            rc = -1;
            continue;
        }
        struct stat st;
        int is_dir = lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
        if ((is_dir || lintable_name(p)) && git_ignores_match(ig, p, is_dir)) {
            ++*n_ignored;
        } else if (is_dir) {
            rc = walk(l, p, depth + 1, ig, n_ignored);
        } else if (lintable_name(p)) {
            /* Regular files only: a FIFO named notes.txt would block the
             * walk. A broken link is kept, to be reported as unreadable. */
            if (stat(p, &st) != 0 || S_ISREG(st.st_mode))
                rc = add(l, p, NULL, NULL);
        }
        free(p);
    }
    free(names);
    return rc;
}

/* Walks a directory named on the command line; says on stderr when it
 * holds nothing to lint (the exit status does not change). */
static int walk_top(list *l, const char *dir, int use_ignore)
{
    git_ignores *ig = use_ignore ? git_ignores_open(dir) : NULL;
    size_t before = l->n, n_ignored = 0;
    int rc = walk(l, dir, 0, ig, &n_ignored);
    git_ignores_close(ig);
    if (rc == 0 && l->n == before)
        fprintf(stderr, "mtlint: %s: no .txt or Markdown files found%s\n", dir,
                n_ignored ? " (some are ignored by git; --no-ignore lints them)" : "");
    return rc;
}

int inputs_expand(char *const *paths, size_t n, const char *stdin_name,
                  int use_ignore, input **out, size_t *n_out)
{
    list l = {0};
    int stdin_seen = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = paths[i];
        struct stat st = {0}; /* "-" and missing paths are not directories */
        int rc;
        size_t before = l.n;
        /* Two threads must not read standard input at once. */
        if (strcmp(p, "-") == 0)
            rc = add(&l, "-", stdin_name ? stdin_name : "<stdin>",
                     stdin_seen++ ? "standard input named twice; it is read once"
                                  : NULL);
        else if (stat(p, &st) != 0)
            rc = add(&l, p, NULL, strerror(errno));
        else if (S_ISDIR(st.st_mode))
            rc = walk_top(&l, p, use_ignore);
        else
            rc = add(&l, p, NULL, NULL);
        if (rc == 0 && l.n == before + 1 && !S_ISDIR(st.st_mode))
            l.items[before].named = 1;
        if (rc != 0) {
            for (size_t k = 0; k < l.n; k++)
                input_release(&l.items[k]);
            free(l.items);
            return -1;
        }
    }
    *out = l.items;
    *n_out = l.n;
    return 0;
}

static int looks_utf16_or_32(const unsigned char *s, size_t n)
{
    if (n >= 4 && ((s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) ||
                   (s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)))
        return 32;
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return 16;
    /* No BOM: text in UTF-16 has a NUL in every other byte. */
    size_t m = n < 1024 ? n : 1024, zero[2] = {0, 0};
    if (m < 16)
        return 0;
    for (size_t i = 0; i < m; i++)
        zero[i & 1] += s[i] == 0;
    size_t half = m / 2;
    if ((zero[0] > half * 6 / 10 && zero[1] < half / 10) ||
        (zero[1] > half * 6 / 10 && zero[0] < half / 10))
        return 16;
    return 0;
}

static void set_error(input *in, const char *msg)
{
    free(in->error);
    in->error = xstrdup(msg);
    if (!in->error) /* out of memory even for the reason: say that */
        in->lint_failed = 1;
    free(in->data);
    in->data = NULL;
    in->len = 0;
}

/* "32 MiB", "1500 bytes": a size as --max-file-size takes it. */
static void put_size(mtl_sb *sb, size_t n)
{
    if (n >= ((size_t)1 << 20) && n % ((size_t)1 << 20) == 0)
        mtl_sb_printf(sb, "%zu MiB", n >> 20);
    else if (n >= 1024 && n % 1024 == 0)
        mtl_sb_printf(sb, "%zu KiB", n >> 10);
    else
        mtl_sb_printf(sb, "%zu bytes", n);
}

static void too_large(input *in, size_t max)
{
    mtl_sb sb = {0};
    mtl_sb_adds(&sb, "file too large: more than ");
    put_size(&sb, max);
    mtl_sb_adds(&sb, " (see --max-file-size)");
    char *msg = mtl_sb_take(&sb);
    set_error(in, msg ? msg : "file too large (see --max-file-size)");
    free(msg);
}

void input_read(input *in, size_t max)
{
    if (in->error)
        return;
    if (max > MAX_FILE_SIZE_LIMIT)
        max = MAX_FILE_SIZE_LIMIT;
    /* A FIFO blocks here until a writer opens it, as for cat; a directory
     * walk does not give FIFOs (inputs_expand). */
    int fd = strcmp(in->path, "-") == 0 ? STDIN_FILENO
                                        : open(in->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        set_error(in, strerror(errno));
        return;
    }
    struct stat st = {0}; /* if fstat fails: not a directory, size unknown */
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        set_error(in, "is a directory");
        if (fd != STDIN_FILENO)
            close(fd);
        return;
    }
    int regular = S_ISREG(st.st_mode) && st.st_size > 0;
    if (regular && (uintmax_t)st.st_size > max) {
        /* refused unread: a 100 GB file costs nothing */
        if (fd != STDIN_FILENO)
            close(fd);
        too_large(in, max);
        return;
    }
    /* Room for one byte more than max, to see that there is one, and the
     * final NUL. The size a regular file had is a first guess: it may
     * shrink or grow while it is read. */
    size_t limit = max + 2;
    size_t cap = regular ? (size_t)st.st_size + 2 : 65536;
    if (cap > limit)
        cap = limit;
    char *buf = NULL;
    size_t len = 0;
    const char *err = NULL;
    int over = 0;
    for (;;) {
        if (len + 1 >= cap || !buf) {
            size_t want = !buf ? cap : cap > limit / 2 ? limit : cap * 2;
            char *nb = realloc(buf, want);
            if (!nb) {
                err = "out of memory reading the file";
                break;
            }
            buf = nb;
            cap = want;
        }
        ssize_t r = read(fd, buf + len, cap - len - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            err = strerror(errno);
            break;
        }
        if (r == 0)
            break;
        len += (size_t)r;
        if (len > max) { /* /dev/zero, a FIFO that never ends */
            over = 1;
            break;
        }
    }
    if (fd != STDIN_FILENO)
        close(fd);
    if (err || over) {
        free(buf);
        if (over)
            too_large(in, max);
        else
            set_error(in, err);
        return;
    }
    buf[len] = '\0';
    int wide = looks_utf16_or_32((const unsigned char *)buf, len);
    if (wide) {
        free(buf);
        set_error(in, wide == 32 ? "UTF-32 text is not supported; convert it "
                                   "to UTF-8 (iconv -f UTF-32 -t UTF-8)"
                                 : "UTF-16 text is not supported; convert it "
                                   "to UTF-8 (iconv -f UTF-16 -t UTF-8)");
        return;
    }
    in->data = buf;
    in->len = len;
}

void input_release(input *in)
{
    free(in->path);
    free(in->name);
    free(in->data);
    free(in->error);
    mtl_result_free(in->result);
    memset(in, 0, sizeof *in);
}
