/*
 * The language server: one event loop on the main thread reads messages
 * (lsp_io, lsp_rpc), keeps the open documents (lsp_docs), decides when
 * each is linted, and publishes diagnostics (lsp_diag); two worker threads
 * (lsp_worker) do the linting, with linters built once and kept: one runs
 * the fast rules, the other the slow ones (those that score with the
 * language model, several times slower than all the others together).
 *
 * Scheduling: opening or saving a document lints it at once; an edit lints
 * it DEBOUNCE_MS after the last edit, so that changes sent together (a
 * paste, a multi-cursor edit, a formatter's edits) cost one lint. The fast
 * rules' findings are published as soon as they are in, with the slow
 * rules' findings of the last whole lint carried over the edits since
 * (dropped where an edit touched them); then the slow worker lints the
 * same text, and the whole lint, equal to the command line's, is published
 * and kept for code actions. A lint whose document changed while it ran is
 * thrown away, never published, and the newest text is linted next.
 */
#include "lsp_server.h"

#include "lsp_actions.h"
#include "lsp_diag.h"
#include "lsp_docs.h"
#include "lsp_io.h"
#include "lsp_project.h"
#include "lsp_rpc.h"
#include "lsp_settings.h"
#include "lsp_worker.h"

#include "base/buf.h"
#include "base/options.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Milliseconds from an edit to its lint. Keystrokes come 100 ms or more
 * apart, changes sent together within a millisecond or two: 10 ms merges
 * the second kind. The fast rules then take about 9 ms of CPU for 5,000
 * words (scripts/bench measures the time to diagnostics). */
#define DEBOUNCE_MS 10

/* Documents above this size are not linted in the editor: every rule
 * together runs at 1.2 to 1.6 MB/s on one core (scripts/bench), so 4 MiB
 * is about three seconds per edit. The command line lints any size. */
#define LINT_MAX ((size_t)4 << 20)

/* Where codeDescription points unless the "rule-docs" setting says: the
 * rule reference installed with mtlint, one section per rule id. */
#ifndef MTL_DOCDIR
#define MTL_DOCDIR "/usr/local/share/doc/mtlint"
#endif
#define DEFAULT_RULE_DOCS "file://" MTL_DOCDIR "/rules.md#{rule}"

#define DEFAULT_BASELINE ".mtlint-baseline"

/* A message this big (a document opened whole) leaves free memory that is
 * worth giving back to the system once it is handled. */
#define BIG_MESSAGE ((size_t)1 << 20)

typedef struct server {
    lsp_rpc rpc;
    lsp_reader in;
    lsp_worker *fast, *slow; /* the fast rules' worker; the slow rules' */
    uint64_t fast_serial;    /* the document the fast worker has, or 0 */
    int wake[2];
    lsp_docs docs;
    lsp_encoding enc;
    lsp_settings settings;
    char **folders; /* workspace folders, as paths */
    size_t n_folders, folders_cap;
    lsp_baselines *baselines;
    char **told;    /* messages shown once */
    size_t n_told, told_cap;
    int trim;       /* much memory was freed: give it back */
} server;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *rule_docs(const server *s)
{
    return s->settings.rule_docs ? s->settings.rule_docs : DEFAULT_RULE_DOCS;
}

/* Shows a message once (until the linters are built again). */
static void tell_once(server *s, int type, const char *message)
{
    for (size_t i = 0; i < s->n_told; i++)
        if (strcmp(s->told[i], message) == 0)
            return;
    char *copy = strdup(message);
    if (copy && MTL_PUSH(s->told, s->n_told, s->told_cap, copy) != 0)
        free(copy);
    lsp_rpc_show(&s->rpc, type, message);
}

static void forget_told(server *s)
{
    for (size_t i = 0; i < s->n_told; i++)
        free(s->told[i]);
    s->n_told = 0;
}

static void say_warnings(server *s, mtl_sb *warnings)
{
    char *w = mtl_sb_take(warnings);
    for (char *save = NULL, *line = w ? strtok_r(w, "\n", &save) : NULL; line;
         line = strtok_r(NULL, "\n", &save))
        lsp_rpc_show(&s->rpc, 2, line);
    free(w);
}

/* ---- folders and baselines ---------------------------------------------- */

/* The workspace folder holding path, or NULL. */
static const char *folder_of(const server *s, const char *path)
{
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; path && i < s->n_folders; i++) {
        size_t n = strlen(s->folders[i]);
        while (n > 1 && s->folders[i][n - 1] == '/')
            n--;
        if (strncmp(s->folders[i], path, n) == 0 && (path[n] == '/' || n == 1) &&
            n > best_len) {
            best = s->folders[i];
            best_len = n;
        }
    }
    return best;
}

/* The baseline file for a document and the document's path. 0, or -1 for
 * a document that is not a file (or out of memory). */
static int baseline_for(const server *s, const lsp_doc *doc, char **file,
                        char **name)
{
    *file = *name = NULL;
    if (!doc->path)
        return -1;
    const char *setting = s->settings.baseline ? s->settings.baseline
                                               : DEFAULT_BASELINE;
    const char *folder = folder_of(s, doc->path);
    mtl_sb sb = {0};
    if (setting[0] == '/') {
        mtl_sb_adds(&sb, setting);
    } else {
        const char *slash = strrchr(doc->path, '/');
        if (folder)
            mtl_sb_adds(&sb, folder);
        else
            mtl_sb_add(&sb, doc->path, slash ? (size_t)(slash - doc->path) : 0);
        mtl_sb_printf(&sb, "/%s", setting);
    }
    *file = mtl_sb_take(&sb);
    /* the baseline makes it relative to its own folder, symlinks
     * resolved, as for the command line */
    *name = strdup(doc->path);
    if (!*file || !*name) {
        free(*file);
        free(*name);
        *file = *name = NULL;
        return -1;
    }
    return 0;
}

static void hide_baselined(server *s, const lsp_doc *doc, lsp_lint *l)
{
    char *file, *name;
    memset(l->hidden, 0, l->count);
    if (baseline_for(s, doc, &file, &name) != 0)
        return;
    lsp_baseline_hide(s->baselines, file, name, l->text, l->len, l->items,
                      l->count, l->hidden);
    free(file);
    free(name);
}

/* ---- linting and publishing --------------------------------------------- */

/* Publishes the diagnostics of lint (none for NULL) for doc, of version
 * (none when negative). */
static void publish(server *s, const lsp_doc *doc, const lsp_lint *lint,
                    long version)
{
    json_t *params = json_pack("{s:s,s:o}", "uri", doc->uri, "diagnostics",
                               lsp_diagnostics(lint, s->enc, rule_docs(s)));
    if (params && version >= 0)
        json_object_set_new(params, "version", json_integer(version));
    if (!params)
        fputs("mtlint: out of memory publishing diagnostics\n", stderr);
    else
        lsp_rpc_notify(&s->rpc, "textDocument/publishDiagnostics", params);
}

/* Installs a whole lint of the current revision and publishes it. */
static void install(server *s, lsp_doc *doc, lsp_lint *l)
{
    lsp_lint_free(doc->lint);
    doc->lint = l;
    doc->lint_rev = doc->rev;
    lsp_doc_forget_edits(doc, doc->rev);
    lsp_job_free(doc->fast);
    doc->fast = NULL;
    if (l)
        hide_baselined(s, doc, l);
    publish(s, doc, l, doc->version);
}

/* Publishes "nothing to report" for a revision that is not linted. */
static void publish_none(server *s, lsp_doc *doc)
{
    install(s, doc, NULL);
}

static void lint_all_soon(server *s)
{
    for (size_t i = 0; i < s->docs.n; i++)
        s->docs.items[i]->due = now_ms();
}

/* Builds the linters again (settings, .mtlint.ini or words changed). */
static void rebuild(server *s, const mtl_options *client)
{
    forget_told(s);
    if (lsp_worker_configure(s->fast, client) != 0 ||
        lsp_worker_configure(s->slow, client) != 0)
        fputs("mtlint: out of memory applying settings\n", stderr);
    lint_all_soon(s);
}

static lsp_job *make_job(const lsp_doc *doc)
{
    lsp_job j = {.serial = doc->serial, .rev = doc->rev, .version = doc->version,
                 .path = doc->path ? doc->path : "-", .name = doc->lint_name,
                 .text = doc->text, .len = doc->len};
    return lsp_job_copy(&j);
}

/* The findings of the fast rules in job, with those of the slow rules
 * from the last whole lint carried over the changes since (those a change
 * touched left out), until the slow rules are done: the editor shows the
 * fast rules' findings at once and keeps the others in place. */
static void publish_preview(server *s, lsp_doc *doc, const lsp_job *job)
{
    char *text = malloc(job->len + 1);
    if (text)
        memcpy(text, job->text, job->len + 1);
    lsp_lint *p = text ? lsp_lint_new(text, job->len, job->version) : NULL;
    int rc = p ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < mtl_result_count(job->result); i++) {
        const mtl_finding *f = mtl_result_at(job->result, i);
        rc = lsp_lint_borrow(p, f, f->offset);
    }
    const lsp_lint *old = doc->lint;
    for (size_t i = 0; rc == 0 && old && i < old->count; i++) {
        size_t at = old->items[i].offset;
        if (lsp_rule_is_slow(old->items[i].rule) &&
            lsp_doc_map(doc, doc->lint_rev, &at, old->items[i].length) == 0)
            rc = lsp_lint_borrow(p, &old->items[i], at);
    }
    if (rc == 0 && lsp_lint_finish(p) == 0) {
        hide_baselined(s, doc, p);
        publish(s, doc, p, job->version);
    }
    lsp_lint_free(p); /* out of memory: the whole lint comes anyway */
}

/* Is a job still of the document's current text? */
static lsp_doc *current(server *s, const lsp_job *job)
{
    lsp_doc *doc = lsp_docs_find_serial(&s->docs, job->serial);
    return doc && doc->rev == job->rev && s->rpc.state == LSP_RUNNING ? doc : NULL;
}

/* A lint that did not happen: the file is ignored, its .mtlint.ini is
 * bad, or memory ran out. */
static void not_linted(server *s, lsp_doc *doc, const lsp_job *job)
{
    if (!job->ignored)
        tell_once(s, 1, job->error ? job->error : "out of memory while linting");
    publish_none(s, doc);
}

/* Hands the slow worker the fast lint waiting longest, if it is free. */
static void pump_slow(server *s)
{
    if (s->rpc.state != LSP_RUNNING || lsp_worker_busy(s->slow))
        return;
    for (size_t i = 0; i < s->docs.n; i++) {
        lsp_doc *d = s->docs.items[i];
        if (!d->fast || d->fast->rev != d->rev)
            continue;
        lsp_job *j = lsp_job_copy(d->fast);
        if (!j) {
            fputs("mtlint: out of memory starting a lint\n", stderr);
            return; /* the next fast lint tries again */
        }
        lsp_worker_submit(s->slow, j);
        return;
    }
}

/* The fast rules are done: a whole lint is published; a share is
 * previewed and kept until the slow rules are done with the same text. */
static void finish_fast(server *s, lsp_job *job)
{
    lsp_doc *doc = current(s, job);
    if (!doc) {
        lsp_job_free(job); /* closed, changed since, or shut down */
    } else if (!job->result) {
        not_linted(s, doc, job);
        lsp_job_free(job);
    } else if (job->whole) {
        lsp_lint *l = lsp_lint_new(job->text, job->len, job->version);
        job->text = NULL;
        if (l && lsp_lint_take(l, job->result) == 0 && lsp_lint_finish(l) == 0) {
            job->result = NULL;
            install(s, doc, l);
        } else {
            job->result = NULL; /* the lint owns it, or it is gone */
            lsp_lint_free(l);
            tell_once(s, 1, "out of memory while linting");
            publish_none(s, doc);
        }
        lsp_job_free(job);
    } else {
        publish_preview(s, doc, job);
        lsp_job_free(doc->fast);
        doc->fast = job;
    }
}

/* The slow rules are done: with the fast rules' findings for the same
 * text, the whole lint. */
static void finish_slow(server *s, lsp_job *job)
{
    lsp_doc *doc = current(s, job);
    if (!doc || !doc->fast || doc->fast->rev != job->rev) {
        lsp_job_free(job); /* stale: a newer text waits its turn */
        return;
    }
    if (!job->result) {
        not_linted(s, doc, job);
        lsp_job_free(job);
        return;
    }
    lsp_job *fast = doc->fast;
    doc->fast = NULL;
    lsp_lint *l = lsp_lint_new(fast->text, fast->len, fast->version);
    fast->text = NULL;
    int rc = -1;
    if (l) { /* the lint owns each result it is given, taken or not */
        rc = lsp_lint_take(l, fast->result);
        fast->result = NULL;
        if (rc == 0) {
            rc = lsp_lint_take(l, job->result);
            job->result = NULL;
        }
    }
    if (rc == 0 && lsp_lint_finish(l) == 0) {
        install(s, doc, l);
    } else {
        lsp_lint_free(l);
        tell_once(s, 1, "out of memory while linting");
        publish_none(s, doc);
    }
    lsp_job_free(fast);
    lsp_job_free(job);
}

/* Hands the fast worker the document due first, if it is free. */
static void schedule(server *s)
{
    if (s->rpc.state != LSP_RUNNING || lsp_worker_busy(s->fast))
        return;
    int64_t now = now_ms();
    for (;;) {
        lsp_doc *next = NULL;
        for (size_t i = 0; i < s->docs.n; i++) {
            lsp_doc *d = s->docs.items[i];
            if (d->due >= 0 && d->due <= now && (!next || d->due < next->due))
                next = d;
        }
        if (!next)
            return;
        next->due = -1;
        if (next->len > LINT_MAX) {
            if (!next->told_size) {
                char m[300];
                snprintf(m, sizeof m, "%.200s: not linted in the editor: over %zu "
                         "MiB (use the command line)", next->uri, LINT_MAX >> 20);
                lsp_rpc_show(&s->rpc, 2, m);
                next->told_size = 1;
            }
            publish_none(s, next);
            continue;
        }
        lsp_job *j = make_job(next);
        if (!j) {
            fputs("mtlint: out of memory starting a lint\n", stderr);
            next->due = now + 1000; /* try again later */
            return;
        }
        s->fast_serial = j->serial;
        lsp_worker_submit(s->fast, j);
        return;
    }
}

/* Milliseconds until the next lint is due; -1 when none is or the fast
 * worker is busy (it wakes the loop when done). */
static int next_timeout(server *s)
{
    if (s->rpc.state != LSP_RUNNING || lsp_worker_busy(s->fast))
        return -1;
    int64_t first = -1;
    for (size_t i = 0; i < s->docs.n; i++) {
        int64_t d = s->docs.items[i]->due;
        if (d >= 0 && (first < 0 || d < first))
            first = d;
    }
    if (first < 0)
        return -1;
    int64_t wait = first - now_ms();
    return wait < 0 ? 0 : wait > 60000 ? 60000 : (int)wait;
}

/* Takes in what the workers have done. */
static void take_results(server *s)
{
    char drain[64];
    while (read(s->wake[0], drain, sizeof drain) > 0)
        ;
    lsp_job *j = lsp_worker_take(s->fast);
    if (j) {
        s->fast_serial = 0;
        finish_fast(s, j);
    }
    if ((j = lsp_worker_take(s->slow)))
        finish_slow(s, j);
    schedule(s);
    pump_slow(s);
}

/* Lints doc's current text now, for a request that needs it: the loop
 * runs without reading the client until the whole lint is in. */
static void lint_now(server *s, lsp_doc *doc)
{
    if (doc->len > LINT_MAX)
        return;
    int in_hand = (doc->fast && doc->fast->rev == doc->rev) ||
                  s->fast_serial == doc->serial;
    if (doc->lint_rev != doc->rev && !in_hand && doc->due < 0)
        doc->due = now_ms();
    /* until a whole lint of this text is in and none is to come */
    while ((doc->lint_rev != doc->rev || doc->due >= 0 || doc->fast ||
            s->fast_serial == doc->serial) &&
           s->rpc.state == LSP_RUNNING) {
        schedule(s);
        pump_slow(s);
        /* at most 100 ms: a job not started for want of memory is tried
         * again */
        int t = next_timeout(s);
        struct pollfd p = {.fd = s->wake[0], .events = POLLIN};
        int k = poll(&p, 1, t < 0 || t > 100 ? 100 : t);
        if (k < 0 && errno != EINTR)
            return;
        take_results(s);
    }
}

/* ---- parameters ---------------------------------------------------------- */

static const char *str_at(const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static lsp_doc *doc_of(server *s, const json_t *params)
{
    const char *uri = str_at(json_object_get(params, "textDocument"), "uri");
    return uri ? lsp_docs_find(&s->docs, uri) : NULL;
}

/* ---- lifecycle ------------------------------------------------------------ */

static void add_folder(server *s, const char *uri_or_path, int is_uri)
{
    char *p = is_uri ? lsp_uri_path(uri_or_path) : strdup(uri_or_path);
    if (p && MTL_PUSH(s->folders, s->n_folders, s->folders_cap, p) != 0)
        free(p);
}

static json_t *initialize(void *ctx, json_t *params, lsp_error *err)
{
    server *s = ctx;
    if (!json_is_object(params)) {
        lsp_error_set(err, LSP_INVALID_PARAMS, "initialize takes an object");
        return NULL;
    }
    const json_t *encs = json_object_get(
        json_object_get(json_object_get(params, "capabilities"), "general"),
        "positionEncodings");
    size_t i;
    const json_t *e;
    json_array_foreach(encs, i, e)
        if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
            s->enc = LSP_UTF8;
    const json_t *folders = json_object_get(params, "workspaceFolders");
    json_array_foreach(folders, i, e)
        if (str_at(e, "uri"))
            add_folder(s, str_at(e, "uri"), 1);
    if (!s->n_folders && str_at(params, "rootUri"))
        add_folder(s, str_at(params, "rootUri"), 1);
    else if (!s->n_folders && str_at(params, "rootPath"))
        add_folder(s, str_at(params, "rootPath"), 0);

    mtl_sb warnings = {0};
    if (lsp_settings_read(json_object_get(params, "initializationOptions"),
                          &s->settings, &warnings) != 0) {
        mtl_sb_free(&warnings);
        return NULL;
    }
    say_warnings(s, &warnings);
    rebuild(s, s->settings.opts);
    return json_pack(
        "{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]},s:{s:[s,s]}},s:{s:s,s:s}}",
        "capabilities", "positionEncoding", s->enc == LSP_UTF8 ? "utf-8" : "utf-16",
        "textDocumentSync", "openClose", 1, "change", 2 /* incremental */,
        "save", "includeText", 0, "codeActionProvider", "codeActionKinds",
        "quickfix", "executeCommandProvider", "commands", LSP_CMD_ADD_WORD,
        LSP_CMD_IGNORE, "serverInfo", "name", "mtlint", "version", mtl_version());
}

static json_t *shutdown_request(void *ctx, json_t *params, lsp_error *err)
{
    return json_null(); /* lsp_rpc stops the server taking more */
}

static void ignore_notification(void *ctx, json_t *params)
{
}

/* ---- text synchronisation ----------------------------------------------- */

static void did_open(void *ctx, json_t *params)
{
    server *s = ctx;
    const json_t *td = json_object_get(params, "textDocument");
    const json_t *text = json_object_get(td, "text");
    const char *uri = str_at(td, "uri");
    const char *lang = str_at(td, "languageId");
    const json_t *version = json_object_get(td, "version");
    if (!uri || !json_is_string(text)) {
        fputs("mtlint: didOpen without a uri and text: ignored\n", stderr);
        return;
    }
    lsp_doc *doc = lsp_docs_open(&s->docs, uri, lang ? lang : "",
                                 json_is_integer(version) ? (long)json_integer_value(version) : 0,
                                 json_string_value(text), json_string_length(text));
    if (!doc) {
        tell_once(s, 1, "out of memory opening a document");
        return;
    }
    doc->due = now_ms();
}

static void did_change(void *ctx, json_t *params)
{
    server *s = ctx;
    lsp_doc *doc = doc_of(s, params);
    const json_t *changes = json_object_get(params, "contentChanges");
    if (!doc) {
        fputs("mtlint: didChange for a document that is not open: ignored\n", stderr);
        return;
    }
    size_t i;
    const json_t *c;
    json_array_foreach(changes, i, c) {
        int rc = lsp_doc_change(doc, c, s->enc);
        if (rc != 0)
            fprintf(stderr, "mtlint: %s: change %zu %s: ignored\n", doc->uri, i + 1,
                    rc < 0 ? "did not fit in memory" : "is not a change");
    }
    const json_t *v = json_object_get(json_object_get(params, "textDocument"), "version");
    if (json_is_integer(v))
        doc->version = (long)json_integer_value(v);
    doc->due = now_ms() + DEBOUNCE_MS;
}

/* Is path a file that changes what the linters are built from? */
static int is_settings_file(const char *path)
{
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    return base && (strcmp(base, ".mtlint.ini") == 0 || strcmp(base, LSP_WORDS_FILE) == 0);
}

static void did_save(void *ctx, json_t *params)
{
    server *s = ctx;
    const char *uri = str_at(json_object_get(params, "textDocument"), "uri");
    char *path = uri ? lsp_uri_path(uri) : NULL;
    if (is_settings_file(path))
        rebuild(s, NULL);
    free(path);
    lsp_doc *doc = doc_of(s, params);
    if (doc)
        doc->due = now_ms();
}

static void did_close(void *ctx, json_t *params)
{
    server *s = ctx;
    lsp_doc *doc = doc_of(s, params);
    if (!doc)
        return;
    publish(s, doc, NULL, -1); /* clears its diagnostics */
    lsp_docs_close(&s->docs, doc);
    s->trim = 1;
}

static void did_change_configuration(void *ctx, json_t *params)
{
    server *s = ctx;
    const json_t *settings = json_object_get(params, "settings");
    if (!settings || json_is_null(settings))
        return; /* a client that wants to be asked: the settings stay */
    mtl_sb warnings = {0};
    if (lsp_settings_read(settings, &s->settings, &warnings) != 0) {
        mtl_sb_free(&warnings);
        tell_once(s, 1, "out of memory reading settings");
        return;
    }
    say_warnings(s, &warnings);
    rebuild(s, s->settings.opts);
}

static void did_change_watched_files(void *ctx, json_t *params)
{
    rebuild(ctx, NULL);
}

/* ---- code actions and commands ------------------------------------------ */

/* Does context.only (if any) let quick fixes through? */
static int wants_quickfix(const json_t *only)
{
    if (!json_is_array(only))
        return 1;
    size_t i;
    const json_t *k;
    json_array_foreach(only, i, k) {
        const char *v = json_string_value(k);
        if (v && (!*v || strcmp(v, "quickfix") == 0))
            return 1;
    }
    return 0;
}

static json_t *code_action(void *ctx, json_t *params, lsp_error *err)
{
    server *s = ctx;
    lsp_position a, b;
    if (!str_at(json_object_get(params, "textDocument"), "uri") ||
        lsp_range_parse(json_object_get(params, "range"), &a, &b) != 0) {
        lsp_error_set(err, LSP_INVALID_PARAMS, "codeAction takes a textDocument and a range");
        return NULL;
    }
    lsp_doc *doc = doc_of(s, params);
    if (!doc || !wants_quickfix(json_object_get(json_object_get(params, "context"), "only")))
        return json_array();
    lint_now(s, doc);
    const lsp_lint *l = doc->lint;
    if (!l || doc->lint_rev != doc->rev)
        return json_array();
    size_t x = lsp_offset_at(l->text, l->len, a, s->enc);
    size_t y = lsp_offset_at(l->text, l->len, b, s->enc);
    lsp_actions_in in = {.uri = doc->uri, .lint = l, .markdown = doc->markdown,
                         .baseline = doc->path != NULL, .enc = s->enc,
                         .rule_docs = rule_docs(s)};
    return lsp_code_actions(&in, x < y ? x : y, x < y ? y : x);
}

static json_t *add_word(server *s, const json_t *arg, lsp_error *err)
{
    const char *uri = str_at(arg, "uri"), *word = str_at(arg, "word");
    if (!uri || !word) {
        lsp_error_set(err, LSP_INVALID_PARAMS, LSP_CMD_ADD_WORD " takes {uri, word}");
        return NULL;
    }
    /* The server offers it for open documents only; any other uri would
     * let a client have a .mtlint.ini written anywhere (a uri of "/" puts
     * one at the root, where every mtlint run finds it). */
    if (!lsp_docs_find(&s->docs, uri)) {
        lsp_error_set(err, LSP_INVALID_PARAMS, "%.200s is not an open document", uri);
        return NULL;
    }
    char *path = lsp_uri_path(uri), *file = NULL, *error = NULL;
    const char *folder = folder_of(s, path);
    if (!folder && !path && s->n_folders)
        folder = s->folders[0];
    const char *client_words =
        s->settings.opts ? mtl_options_nth(s->settings.opts, "words", 0) : NULL;
    int rc = lsp_add_word(path, folder, client_words, word, &file, &error);
    free(path);
    if (rc != 0) {
        lsp_error_set(err, LSP_REQUEST_FAILED, "cannot add '%.60s': %s", word,
                      error ? error : "out of memory");
        free(error);
        return NULL;
    }
    fprintf(stderr, "mtlint: added '%s' to %s\n", word, file);
    free(file);
    rebuild(s, NULL);
    return json_null();
}

static json_t *ignore_finding(server *s, const json_t *arg, lsp_error *err)
{
    const char *uri = str_at(arg, "uri");
    const json_t *version = json_object_get(arg, "version");
    const json_t *finding = json_object_get(arg, "finding");
    if (!uri || !json_is_integer(version) || !json_is_integer(finding)) {
        lsp_error_set(err, LSP_INVALID_PARAMS,
                      LSP_CMD_IGNORE " takes {uri, version, finding}");
        return NULL;
    }
    lsp_doc *doc = lsp_docs_find(&s->docs, uri);
    lsp_lint *l = doc ? doc->lint : NULL;
    if (!l || doc->lint_rev != doc->rev || l->version != json_integer_value(version)) {
        lsp_error_set(err, LSP_CONTENT_MODIFIED,
                      "the document changed since; ask for the actions again");
        return NULL;
    }
    json_int_t k = json_integer_value(finding);
    if (k < 0 || (size_t)k >= l->count) {
        lsp_error_set(err, LSP_INVALID_PARAMS, "no finding %lld", (long long)k);
        return NULL;
    }
    char *file, *name, *error = NULL;
    if (baseline_for(s, doc, &file, &name) != 0) {
        lsp_error_set(err, LSP_REQUEST_FAILED, "a document that is not a file has no baseline");
        return NULL;
    }
    int rc = lsp_baseline_add(file, name, l->text, l->len, &l->items[k], &error);
    free(name);
    if (rc != 0) {
        lsp_error_set(err, LSP_REQUEST_FAILED, "%s", error ? error : "out of memory");
        free(error);
        free(file);
        return NULL;
    }
    free(file);
    for (size_t i = 0; i < s->docs.n; i++) { /* a baseline may cover several */
        lsp_doc *d = s->docs.items[i];
        if (d->lint && d->lint_rev == d->rev) {
            hide_baselined(s, d, d->lint);
            publish(s, d, d->lint, d->lint->version);
        }
    }
    return json_null();
}

static json_t *execute_command(void *ctx, json_t *params, lsp_error *err)
{
    server *s = ctx;
    const char *cmd = str_at(params, "command");
    const json_t *arg = json_array_get(json_object_get(params, "arguments"), 0);
    if (cmd && strcmp(cmd, LSP_CMD_ADD_WORD) == 0)
        return add_word(s, arg, err);
    if (cmd && strcmp(cmd, LSP_CMD_IGNORE) == 0)
        return ignore_finding(s, arg, err);
    lsp_error_set(err, LSP_INVALID_PARAMS, "unknown command '%.100s'", cmd ? cmd : "");
    return NULL;
}

static const lsp_method methods[] = {
    {"initialize", initialize, NULL},
    {"shutdown", shutdown_request, NULL},
    {"textDocument/codeAction", code_action, NULL},
    {"workspace/executeCommand", execute_command, NULL},
    {"initialized", NULL, ignore_notification},
    {"textDocument/didOpen", NULL, did_open},
    {"textDocument/didChange", NULL, did_change},
    {"textDocument/didSave", NULL, did_save},
    {"textDocument/didClose", NULL, did_close},
    {"workspace/didChangeConfiguration", NULL, did_change_configuration},
    {"workspace/didChangeWatchedFiles", NULL, did_change_watched_files},
    {NULL, NULL, NULL},
};

/* ---- the loop --------------------------------------------------------------- */

static void read_messages(server *s, int *eof)
{
    long k = lsp_reader_fill(&s->in, STDIN_FILENO);
    if (k == 0 || (k < 0 && errno != EINTR && errno != EAGAIN)) {
        *eof = 1;
        return;
    }
    const char *body;
    size_t n;
    lsp_read r;
    while (s->rpc.state != LSP_EXITED &&
           (r = lsp_reader_next(&s->in, &body, &n)) != LSP_READ_MORE) {
        if (r == LSP_READ_MESSAGE)
            lsp_rpc_handle(&s->rpc, body, n);
        else
            lsp_rpc_framing_error(&s->rpc, r, n);
        if (n > BIG_MESSAGE)
            s->trim = 1;
    }
#ifdef __GLIBC__
    /* Memory of a closed document or a big message goes back to the
     * system now rather than when the heap happens to shrink at its top:
     * the server lives as long as the editor. */
    if (s->trim)
        malloc_trim(0);
#endif
    s->trim = 0;
}

static void release(server *s)
{
    lsp_worker_stop(s->fast);
    lsp_worker_stop(s->slow);
    lsp_docs_free(&s->docs);
    lsp_settings_free(&s->settings);
    lsp_baselines_free(s->baselines);
    lsp_reader_free(&s->in);
    forget_told(s);
    free(s->told);
    for (size_t i = 0; i < s->n_folders; i++)
        free(s->folders[i]);
    free(s->folders);
    if (s->wake[0] >= 0) {
        close(s->wake[0]);
        close(s->wake[1]);
    }
}

int lsp_main(const mtl_options *cli, const char *config_file, int no_config)
{
    server s = {.rpc = {.out = STDOUT_FILENO, .methods = methods,
                        .state = LSP_STARTING, .exit_status = 1},
                .wake = {-1, -1}};
    s.rpc.ctx = &s;
    /* a client that goes away shows as a failed write, not a signal */
    signal(SIGPIPE, SIG_IGN);
    if (pipe(s.wake) != 0 || fcntl(s.wake[0], F_SETFL, O_NONBLOCK) != 0 ||
        fcntl(s.wake[1], F_SETFL, O_NONBLOCK) != 0 ||
        !(s.baselines = lsp_baselines_new()) ||
        !(s.fast = lsp_worker_start(LSP_RULES_FAST, cli, config_file, no_config,
                                    s.wake[1])) ||
        !(s.slow = lsp_worker_start(LSP_RULES_SLOW, cli, config_file, no_config,
                                    s.wake[1]))) {
        fputs("mtlint: cannot start the language server\n", stderr);
        release(&s);
        return 2;
    }
    int eof = 0;
    while (s.rpc.state != LSP_EXITED && !s.rpc.broken && !eof) {
        schedule(&s);
        pump_slow(&s);
        struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                              {.fd = s.wake[0], .events = POLLIN}};
        int k = poll(p, 2, next_timeout(&s));
        if (k < 0 && errno != EINTR)
            break;
        if (k <= 0)
            continue;
        if (p[1].revents & POLLIN)
            take_results(&s);
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR))
            read_messages(&s, &eof);
        if (p[0].revents & POLLNVAL)
            eof = 1;
    }
    int status = s.rpc.state == LSP_EXITED     ? s.rpc.exit_status
                 : s.rpc.state == LSP_SHUT_DOWN ? 0
                                                : 1;
    release(&s);
    return status;
}
