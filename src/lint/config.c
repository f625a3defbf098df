/*
 * Configuration files. A repository keeps its settings in .mtlint.ini files,
 * found the way EditorConfig finds .editorconfig: from a file's directory up
 * to the root, stopping at a file that says `root = true`. Nearer files win
 * over farther ones; the command line wins over all.
 *
 *     root = true
 *     [mtlint]
 *     lang = en_GB
 *     words = words.txt            ; relative to this file
 *     ignore = drafts, *.draft.md
 *     ignore-words = Blinken, Netanyahu
 *     [rules]
 *     spelling = off
 *     [*.md]                       ; a glob: rule severities and settings
 *     fragment = off
 *
 * INI is read with inih, the small standard INI parser packaged by Debian:
 * no code of ours to get wrong for comments, continuation and BOMs.
 */
#include "mtlint_config.h"

#include "base/buf.h"
#include "base/path.h"

#include <errno.h>
#include <stdarg.h>
#include <ini.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CONFIG_NAME ".mtlint.ini"

/* Settings a config may give, and whether the value is a path (resolved
 * against the config file's directory) and a list (comma-separated). */
static const struct {
    const char *key, *option;
    int path, list;
} settings[] = {
    {"lang", "lang", 0, 0},
    {"words", "words", 1, 1},
    {"dict-path", "dict-path", 1, 1},
    {"lm", "lm", 1, 0},
    {"input", "input", 0, 0},
    {"ignore-words", "ignore-word", 0, 1},
    {"ignore-phrases", "ignore-phrase", 0, 1},
    {"report-unused-suppressions", "report-unused-suppressions", 0, 0},
};

typedef struct reader {
    const char *file;     /* the config file */
    char *dir;            /* its directory, with a final '/' */
    const char *target;   /* the file being linted (absolute) */
    const char *rel;      /* target relative to dir, or NULL if outside */
    mtl_options *opts;
    int ignored;
    char *error;          /* first error, "FILE:LINE: ..." minus the line */
    int error_read;       /* the read (see line_at) that error is about */
    int root;
    /* inih numbers the reads of its fgets-like reader, and a line longer
     * than its buffer takes several: line_at[i] is the line of read i + 1,
     * so that errors name the line an editor shows. */
    FILE *in;
    int *line_at;
    size_t reads, reads_cap;
    int at_line_start;
    int oom;
    size_t long_read;     /* the first read that is part of a line, or 0 */
    int max_line;         /* inih's buffer */
    const char *want;     /* only find the line that sets this key */
    int want_line;
} reader;

/* ---- globs ----------------------------------------------------------- */

/* `*` and `?` stop at '/', `**` crosses directories, [abc] is a class.
 *
 * A star tries every place the rest could start, so stars in a row would
 * try exponentially many ("*a*a*a*a*b" on a long name, "**" / "**" / ...);
 * a config file may come with the files linted, so it must not hang us.
 * As in git's wildmatch, a failed try says how far back to give up: at the
 * end of the text no other start can work (GLOB_ABORT_ALL); at a '/' that
 * a '*' cannot cross only an enclosing '**' can (GLOB_ABORT_TO_STARSTAR).
 * That makes the time polynomial. */
enum { GLOB_NO_MATCH = 0, GLOB_MATCH = 1, GLOB_ABORT_ALL = -1,
       GLOB_ABORT_TO_STARSTAR = -2 };

static int glob_at(const char *p, const char *s)
{
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/')
                p++;
            for (const char *t = s;; t++) {
                int r = glob_at(p, t);
                if (r != GLOB_NO_MATCH && r != GLOB_ABORT_TO_STARSTAR)
                    return r;
                if (!*t)
                    return GLOB_ABORT_ALL;
            }
        }
        if (*p == '*') {
            p++;
            for (const char *t = s;; t++) {
                int r = glob_at(p, t);
                if (r != GLOB_NO_MATCH)
                    return r;
                if (!*t)
                    return GLOB_ABORT_ALL;
                if (*t == '/')
                    return GLOB_ABORT_TO_STARSTAR;
            }
        }
        if (!*s)
            return GLOB_ABORT_ALL;
        if (*p == '?') {
            if (*s == '/')
                return GLOB_NO_MATCH;
        } else if (*p == '[') {
            const char *q = p + 1;
            int neg = *q == '!' || *q == '^', hit = 0;
            q += neg;
            for (; *q && *q != ']'; q++) {
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    hit |= *s >= q[0] && *s <= q[2];
                    q += 2;
                } else {
                    hit |= *s == *q;
                }
            }
            if (!*q || hit == neg)
                return GLOB_NO_MATCH;
            p = q;
        } else if (*p != *s) {
            return GLOB_NO_MATCH;
        }
        p++, s++;
    }
    return *s ? GLOB_NO_MATCH : GLOB_MATCH;
}

static int glob_match(const char *p, const char *s)
{
    return glob_at(p, s) == GLOB_MATCH;
}

/* A glob without '/' matches the file name in any directory (as in
 * .gitignore); one with '/' matches the path from the config's directory. */
static int path_matches(const reader *r, const char *glob)
{
    if (!r->rel)
        return 0;
    while (*glob == ' ')
        glob++;
    if (*glob == '/')
        glob++;
    if (!strchr(glob, '/')) {
        const char *base = strrchr(r->rel, '/');
        return glob_match(glob, base ? base + 1 : r->rel);
    }
    return glob_match(glob, r->rel);
}

/* ---- reading ---------------------------------------------------------- */

__attribute__((format(printf, 2, 3)))
static int fail(reader *r, const char *fmt, ...)
{
    if (!r->error) {
        va_list ap;
        va_start(ap, fmt);
        mtl_sb sb = {0};
        mtl_sb_vprintf(&sb, fmt, ap);
        va_end(ap);
        r->error = mtl_sb_take(&sb);
        r->error_read = (int)r->reads;
    }
    return 0; /* inih: stop counting this line as good */
}

/* inih's reader: fgets, keeping the line number of each read. */
static char *read_line(char *str, int num, void *stream)
{
    reader *r = stream;
    if (!fgets(str, num, r->in))
        return NULL;
    int line = r->reads ? r->line_at[r->reads - 1] + r->at_line_start : 1;
    if (MTL_PUSH(r->line_at, r->reads, r->reads_cap, line) != 0) {
        r->oom = 1;
        return NULL;
    }
    size_t n = strlen(str);
    r->at_line_start = n > 0 && str[n - 1] == '\n';
    /* inih would read the rest of a long line as a line of its own */
    if (!r->at_line_start && !feof(r->in) && !r->long_read) {
        r->long_read = r->reads;
        r->max_line = num;
    }
    return str;
}

/* What is wrong with a line inih rejected (inih does not say). */
static const char *syntax_error(reader *r, int line)
{
    const char *what = "syntax error (expected 'key = value' or '[section]')";
    char buf[256];
    FILE *f = fopen(r->file, "r");
    for (int i = 1; f && fgets(buf, sizeof buf, f); i += strchr(buf, '\n') != NULL) {
        if (i < line)
            continue;
        const char *t = buf + strspn(buf, " \t");
        if (*t == '[')
            what = "section header without ']'";
        break;
    }
    if (f)
        fclose(f);
    return what;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

static int set_setting(reader *r, size_t k, const char *value)
{
    char *copy = strdup(value);
    if (!copy)
        return fail(r, "out of memory");
    int ok = 1;
    char *save = NULL;
    for (char *item = settings[k].list ? strtok_r(copy, ",", &save) : copy;
         item && ok; item = settings[k].list ? strtok_r(NULL, ",", &save) : NULL) {
        char *v = trim(item);
        if (!*v)
            continue;
        mtl_sb sb = {0};
        if (settings[k].path && v[0] != '/')
            mtl_sb_adds(&sb, r->dir);
        mtl_sb_adds(&sb, v);
        char *full = mtl_sb_take(&sb);
        if (!full || mtl_options_set(r->opts, settings[k].option, full) != 0)
            ok = fail(r, "bad value '%s' for '%s'", v, settings[k].key);
        free(full);
    }
    free(copy);
    return ok;
}

static int setting_index(const char *key)
{
    for (size_t k = 0; k < sizeof settings / sizeof *settings; k++)
        if (strcmp(settings[k].key, key) == 0)
            return (int)k;
    return -1;
}

static int set_rule(reader *r, const char *rule, const char *value)
{
    int s = mtl_severity_parse(value);
    if (s < 0)
        return fail(r, "bad severity '%s' for rule '%s' (error, warning, note, off)",
                    value, rule);
    mtl_options_set_severity(r->opts, rule, (mtl_severity)s);
    return 1;
}

static int on_entry(void *user, const char *section, const char *name,
                    const char *value)
{
    reader *r = user;
    if (r->error)
        return 0;
    int top = !*section || strcmp(section, "mtlint") == 0;
    if (r->want) {
        if (strcmp(name, r->want) == 0 && (top || path_matches(r, section)))
            r->want_line = r->line_at[r->reads - 1];
        return 1;
    }
    if (top && strcmp(name, "root") == 0) {
        if (!strcasecmp(value, "true") || !strcmp(value, "1"))
            r->root = 1;
        else if (strcasecmp(value, "false") && strcmp(value, "0"))
            return fail(r, "bad value '%s' for '%s' (true or false)", value, name);
        return 1;
    }
    if (top && strcmp(name, "ignore") == 0) {
        char *copy = strdup(value);
        if (!copy)
            return fail(r, "out of memory");
        char *save = NULL;
        for (char *g = strtok_r(copy, ",", &save); g; g = strtok_r(NULL, ",", &save))
            if (path_matches(r, trim(g)))
                r->ignored = 1;
        free(copy);
        return 1;
    }
    if (strcmp(section, "rules") == 0) {
        if (mtl_rule_find(name) < 0)
            return fail(r, "unknown rule '%s' in [%s]", name, section);
        return set_rule(r, name, value);
    }
    int k = setting_index(name);
    if (top) {
        if (k < 0)
            return fail(r, "unknown key '%s' in [%s]", name,
                        *section ? section : "top level");
        return set_setting(r, (size_t)k, value);
    }
    /* any other section is a glob */
    if (k < 0 && mtl_rule_find(name) < 0)
        return fail(r, "unknown key '%s' in [%s] (a rule id or a setting)", name,
                    section);
    if (!path_matches(r, section))
        return 1;
    return k >= 0 ? set_setting(r, (size_t)k, value) : set_rule(r, name, value);
}

static char *dir_of(const char *file)
{
    const char *slash = strrchr(file, '/');
    mtl_sb sb = {0};
    if (slash)
        mtl_sb_add(&sb, file, (size_t)(slash - file) + 1);
    else
        mtl_sb_adds(&sb, "./");
    return mtl_sb_take(&sb);
}

/* Applies config to opts for target, or with want only finds the line
 * that sets want for target (*want_line, 0 if none). */
static int apply(const char *config, const char *target, mtl_options *opts,
                 const char *want, int *want_line, int *ignored, int *root,
                 char **error)
{
    reader r = {.file = config, .opts = opts, .want = want};
    *error = NULL;
    char *abs_cfg = mtl_path_absolute(config);
    char *abs_target =
        mtl_path_absolute(target && strcmp(target, "-") ? target : ".");
    r.dir = abs_cfg ? dir_of(abs_cfg) : NULL;
    int rc = 0;
    if (!abs_cfg || !abs_target || !r.dir) {
        *error = strdup("out of memory");
        rc = -1;
        goto done;
    }
    size_t dl = strlen(r.dir);
    r.target = abs_target;
    if (strncmp(abs_target, r.dir, dl) == 0)
        r.rel = abs_target + dl;
    r.in = fopen(config, "r");
    int open_errno = errno;
    /* inih returns the read of the first error, whether a line it could
     * not parse or one on_entry rejected (on_entry keeps only the first
     * message, and a line it cannot parse comes first when it comes
     * earlier: an unterminated [section] makes the keys below it land in
     * the section before, where they may be wrong) */
    int first = r.in ? ini_parse_stream(read_line, &r, on_entry, &r) : -1;
    int line = first > 0 && (size_t)first <= r.reads ? r.line_at[first - 1]
                                                     : first;
    if (r.in && ferror(r.in) && first >= 0)
        first = -3;
    if (r.in)
        fclose(r.in);
    if (first != 0 || r.error || r.oom) {
        mtl_sb sb = {0};
        if (first == -1)
            mtl_sb_printf(&sb, "%s: cannot open: %s", config,
                          strerror(open_errno));
        else if (first == -2 || r.oom)
            mtl_sb_printf(&sb, "%s: out of memory", config);
        else if (first == -3)
            mtl_sb_printf(&sb, "%s: cannot read", config);
        else if (r.long_read && (first == 0 || (size_t)first >= r.long_read))
            mtl_sb_printf(&sb,
                          "%s:%d: line longer than %d bytes (continue a "
                          "list on indented lines below it)",
                          config, r.line_at[r.long_read - 1], r.max_line - 2);
        else if (r.error && r.error_read == first)
            mtl_sb_printf(&sb, "%s:%d: %s", config, line, r.error);
        else
            mtl_sb_printf(&sb, "%s:%d: %s", config, line,
                          syntax_error(&r, line));
        *error = mtl_sb_take(&sb);
        rc = -1;
    }
    if (ignored && r.ignored)
        *ignored = 1;
    if (root)
        *root = r.root;
    if (want_line)
        *want_line = r.want_line;
done:
    free(r.error);
    free(r.line_at);
    free(r.dir);
    free(abs_cfg);
    free(abs_target);
    return rc;
}

int mtl_config_apply(const char *config, const char *target, mtl_options *opts,
                     int *ignored, int *root, char **error)
{
    return apply(config, target, opts, NULL, NULL, ignored, root, error);
}

int mtl_config_line_of(const char *config, const char *path, const char *key)
{
    int line = 0;
    char *err = NULL;
    apply(config, path, NULL, key, &line, NULL, NULL, &err);
    free(err);
    return line;
}

/* Does the config file say root = true? (Errors are reported when it is
 * applied, not here.) */
static int is_root(const char *config)
{
    int root = 0;
    char *err = NULL;
    mtl_options *scratch = mtl_options_new();
    if (scratch)
        mtl_config_apply(config, config, scratch, NULL, &root, &err);
    mtl_options_free(scratch);
    free(err);
    return root;
}

char **mtl_config_find(const char *target)
{
    int is_stdin = !target || strcmp(target, "-") == 0;
    /* The directory to start in: the file's own, or the working directory. */
    char *dir = mtl_path_absolute(is_stdin ? "." : target);
    if (!dir)
        return NULL;
    if (!is_stdin) {
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
    }
    char **found = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        /* "" stands for the root directory */
        mtl_sb sb = {0};
        mtl_sb_adds(&sb, dir);
        mtl_sb_adds(&sb, "/" CONFIG_NAME);
        char *p = mtl_sb_take(&sb);
        if (!p)
            goto oom;
        if (access(p, F_OK) != 0) {
            free(p);
        } else if (MTL_PUSH(found, n, cap, p) != 0) {
            free(p);
            goto oom;
        } else if (is_root(p)) {
            break;
        }
        char *slash = strrchr(dir, '/');
        if (!slash)
            break;
        *slash = '\0';
    }
    free(dir);
    dir = NULL;
    for (size_t i = 0; i < n / 2; i++) { /* farthest first */
        char *t = found[i];
        found[i] = found[n - 1 - i];
        found[n - 1 - i] = t;
    }
    if (mtl_grow((void **)&found, &cap, n + 1, sizeof *found) != 0)
        goto oom;
    found[n] = NULL;
    return found;
oom:
    free(dir);
    for (size_t i = 0; i < n; i++)
        free(found[i]);
    free(found);
    return NULL;
}

void mtl_config_paths_free(char **paths)
{
    for (size_t i = 0; paths && paths[i]; i++)
        free(paths[i]);
    free(paths);
}
