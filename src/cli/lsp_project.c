#include "lsp_project.h"

#include "baseline.h"

#include "mtlint_config.h"

#include "base/buf.h"
#include "base/options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *errorf(const char *path, const char *what)
{
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s: %s", path, what);
    return mtl_sb_take(&sb);
}

static char *join(const char *dir, const char *name)
{
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s/%s", dir, name);
    return mtl_sb_take(&sb);
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* Reads a whole file: 0, 1 when it does not exist, -1 on another error
 * (errno set). */
static int slurp(const char *path, mtl_sb *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? 1 : -1;
    char buf[8192];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0)
        mtl_sb_add(out, buf, k);
    int bad = ferror(f);
    fclose(f);
    if (out->failed)
        errno = ENOMEM;
    return bad || out->failed ? -1 : 0;
}

static int spill(const char *path, const char *data, size_t n, char **error)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        *error = errorf(path, strerror(errno));
        return -1;
    }
    int bad = fwrite(data, 1, n, f) != n;
    if (fclose(f) != 0 || bad) {
        *error = errorf(path, strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

/* The first words file that config gives doc_path, or NULL. */
static char *configured_words(const char *config, const char *doc_path)
{
    mtl_options *o = mtl_options_new();
    char *err = NULL, *words = NULL;
    if (o && mtl_config_apply(config, doc_path, o, NULL, NULL, &err) == 0) {
        const char *w = mtl_options_nth(o, "words", 0);
        words = w ? strdup(w) : NULL;
    }
    free(err);
    mtl_options_free(o);
    return words;
}

/* Appends word as a line of the words file, unless a line says it. */
static int append_word(const char *path, const char *word, char **error)
{
    mtl_sb old = {0};
    int rc = slurp(path, &old);
    if (rc < 0) {
        *error = errorf(path, strerror(errno));
        mtl_sb_free(&old);
        return -1;
    }
    size_t n = strlen(word);
    for (size_t i = 0; i < old.len;) {
        const char *nl = memchr(old.data + i, '\n', old.len - i);
        size_t e = nl ? (size_t)(nl - old.data) : old.len, k = e - i;
        if (k && old.data[e - 1] == '\r')
            k--;
        if (k == n && memcmp(old.data + i, word, n) == 0) {
            mtl_sb_free(&old);
            return 0;
        }
        i = e + 1;
    }
    int newline = old.len && old.data[old.len - 1] != '\n';
    mtl_sb_free(&old);
    FILE *f = fopen(path, "a");
    if (!f) {
        *error = errorf(path, strerror(errno));
        return -1;
    }
    fprintf(f, "%s%s\n", newline ? "\n" : "", word);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        *error = errorf(path, strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

/* Gives a .mtlint.ini (made if need be) the setting `words = ...`: in its
 * [mtlint] section, or at the top level before any section. */
static int add_words_setting(const char *ini, char **error)
{
    mtl_sb old = {0}, out = {0};
    int rc = slurp(ini, &old);
    if (rc < 0) {
        *error = errorf(ini, strerror(errno));
        mtl_sb_free(&old);
        return -1;
    }
    const char *eol = "\n";
    for (size_t i = 0; i + 1 < old.len; i++)
        if (old.data[i] == '\r' && old.data[i + 1] == '\n')
            eol = "\r\n";
    size_t at = 0;
    int found = 0;
    if (old.len >= 3 && memcmp(old.data, "\xEF\xBB\xBF", 3) == 0)
        at = 3;
    for (size_t i = at; i < old.len && !found;) {
        const char *nl = memchr(old.data + i, '\n', old.len - i);
        size_t e = nl ? (size_t)(nl - old.data) : old.len, s = i, k = e;
        while (s < k && (old.data[s] == ' ' || old.data[s] == '\t'))
            s++;
        while (k > s && strchr(" \t\r", old.data[k - 1]))
            k--;
        if (k - s == 8 && memcmp(old.data + s, "[mtlint]", 8) == 0) {
            found = 1;
            at = nl ? e + 1 : e;
        }
        i = e + 1;
    }
    mtl_sb_add(&out, old.data, at);
    if (found && at == old.len && at && old.data[at - 1] != '\n')
        mtl_sb_adds(&out, eol);
    if (rc == 1) /* a new file */
        mtl_sb_printf(&out, "[mtlint]%s", eol);
    mtl_sb_printf(&out, "words = %s%s", LSP_WORDS_FILE, eol);
    if (old.len > at)
        mtl_sb_add(&out, old.data + at, old.len - at);
    mtl_sb_free(&old);
    if (out.failed) {
        mtl_sb_free(&out);
        *error = errorf(ini, "out of memory");
        return -1;
    }
    rc = spill(ini, out.data, out.len, error);
    mtl_sb_free(&out);
    return rc;
}

int lsp_add_word(const char *doc_path, const char *folder,
                 const char *client_words, const char *word, char **file,
                 char **error)
{
    *file = *error = NULL;
    if (!*word || strpbrk(word, "\r\n")) {
        *error = strdup("a word is one line of text");
        return -1;
    }
    char **configs = NULL, *words = NULL, *ini = NULL, *base = NULL;
    size_t n = 0;
    int rc = -1;
    if (doc_path && !(configs = mtl_config_find(doc_path)))
        goto done;
    while (configs && configs[n])
        n++;
    for (size_t i = n; i-- > 0 && !words;) /* nearest first */
        words = configured_words(configs[i], doc_path);
    if (!words && client_words && !(words = strdup(client_words)))
        goto done;
    if (!words) {
        if (n)
            ini = strdup(configs[n - 1]);
        else if ((base = folder ? strdup(folder) : doc_path ? dir_of(doc_path) : NULL))
            ini = join(base, ".mtlint.ini");
        else {
            *error = strdup("no folder to keep the words file in");
            goto done;
        }
        free(base);
        base = ini ? dir_of(ini) : NULL;
        if (!base || !(words = join(base, LSP_WORDS_FILE)))
            goto done;
    }
    /* The list first: a setting that named a file not there yet would stop
     * the linter from starting. */
    rc = append_word(words, word, error);
    if (rc == 0 && ini)
        rc = add_words_setting(ini, error);
    if (rc == 0) {
        *file = words;
        words = NULL;
    }
done:
    if (rc != 0 && !*error)
        *error = strdup("out of memory");
    mtl_config_paths_free(configs);
    free(words);
    free(ini);
    free(base);
    return rc;
}

/* ---- baselines --------------------------------------------------------- */

typedef struct loaded {
    char *path;
    baseline *b;
    struct stat st; /* the file as it was read */
} loaded;

struct lsp_baselines {
    loaded *items;
    size_t n, cap;
};

lsp_baselines *lsp_baselines_new(void)
{
    return calloc(1, sizeof(lsp_baselines));
}

void lsp_baselines_free(lsp_baselines *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i].path);
        baseline_free(c->items[i].b);
    }
    free(c->items);
    free(c);
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_ino == b->st_ino && a->st_dev == b->st_dev &&
           a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
           a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The baseline at path as the file is now, or NULL when there is none. */
static baseline *get(lsp_baselines *c, const char *path)
{
    struct stat st;
    int exists = stat(path, &st) == 0;
    size_t i = 0;
    while (i < c->n && strcmp(c->items[i].path, path) != 0)
        i++;
    if (i < c->n) {
        if (exists && same_file(&st, &c->items[i].st))
            return c->items[i].b;
        free(c->items[i].path);
        baseline_free(c->items[i].b);
        c->items[i] = c->items[--c->n];
    }
    if (!exists)
        return NULL;
    char *err = NULL;
    loaded e = {strdup(path), baseline_load(path, &err), st};
    if (!e.b && err)
        fprintf(stderr, "mtlint: %s\n", err);
    free(err);
    if (!e.path || !e.b || MTL_PUSH(c->items, c->n, c->cap, e) != 0) {
        free(e.path);
        baseline_free(e.b);
        return NULL;
    }
    return e.b;
}

void lsp_baseline_hide(lsp_baselines *c, const char *path, const char *name,
                       const char *text, size_t len, const mtl_finding *f,
                       size_t n, unsigned char *hidden)
{
    baseline *b = get(c, path);
    if (!b)
        return;
    baseline_rewind(b);
    input in = {.path = (char *)name, .name = (char *)name, .data = (char *)text,
                .len = len};
    baseline_covers(b, &in, f, n, hidden);
}

/* The cache needs no word: the file's new size tells get() to read it
 * again. */
int lsp_baseline_add(const char *path, const char *name, const char *text,
                     size_t len, const mtl_finding *f, char **error)
{
    input in = {.path = (char *)name, .name = (char *)name, .data = (char *)text,
                .len = len};
    return baseline_append(path, &in, f, error);
}
