#include "lsp_worker.h"

#include "settings.h"

#include "mtlint_config.h"

#include "base/buf.h"
#include "base/hash.h"
#include "base/options.h"
#include "base/strlist.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The rules that score with the language model. Measured with
 * tools/bench_lsp.py on 5,000 words of news: mistranslation takes about
 * 56 ms a lint and disfluent-sentence 22 ms, every other rule together
 * about 20 ms (one core, release build). */
static const char *const slow_rules[] = {"mistranslation", "disfluent-sentence",
                                         NULL};

int lsp_rule_is_slow(const char *rule)
{
    return mtl_in_list(slow_rules, rule);
}

/* Option sets: what the user set; less the slow rules; only those. */
enum { ALL, FAST, SLOW, N_SETS };

/* The files a folder's linters were built from, as a fingerprint. */
typedef struct folder_files {
    char *dir;
    uint64_t sig;
} folder_files;

struct lsp_worker {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    lsp_job *job;          /* submitted, not yet started */
    lsp_job *done;         /* finished, not yet taken */
    int running;           /* a job is being linted */
    int stop;
    mtl_options *pending;  /* client settings for the next job */
    int rebuild;           /* build the linters again before the next job */
    int wake_fd;
    lsp_rules rules;
    /* the thread's own */
    const mtl_options *cli;
    const char *config_file;
    int no_config;
    mtl_options *client;   /* the client's settings */
    mtl_options *sets[N_SETS];
    linter_cache *caches[N_SETS];
    folder_files *seen;
    size_t n_seen, seen_cap;
};

void lsp_job_free(lsp_job *job)
{
    if (!job)
        return;
    free(job->path);
    free(job->name);
    free(job->text);
    free(job->error);
    mtl_result_free(job->result);
    free(job);
}

lsp_job *lsp_job_copy(const lsp_job *job)
{
    lsp_job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->serial = job->serial;
    j->rev = job->rev;
    j->version = job->version;
    j->path = strdup(job->path);
    j->name = strdup(job->name);
    j->text = malloc(job->len + 1);
    j->len = job->len;
    if (!j->path || !j->name || !j->text) {
        lsp_job_free(j);
        return NULL;
    }
    memcpy(j->text, job->text, job->len + 1);
    return j;
}

/* The three option sets from the command line's and the client's. The
 * shares report no unused suppressions: a half cannot know what the other
 * half's findings used. Returns 0, or -1 when out of memory. */
static int make_sets(lsp_worker *w)
{
    mtl_options *s[N_SETS] = {mtl_options_copy(w->cli)};
    int ok = s[ALL] && (!w->client || mtl_options_merge(s[ALL], w->client) == 0);
    for (int k = FAST; ok && k <= SLOW; k++) {
        ok = (s[k] = mtl_options_copy(s[ALL])) &&
             mtl_options_set(s[k], "report-unused-suppressions", "0") == 0 &&
             mtl_options_set_severity(s[k], "unused-suppression", MTL_OFF) == 0;
        for (size_t i = 0; ok && i < mtl_rule_count(); i++) {
            const char *id = mtl_rule_at(i)->id;
            if ((k == FAST) == lsp_rule_is_slow(id))
                ok = mtl_options_set_severity(s[k], id, MTL_OFF) == 0;
        }
    }
    if (!ok) {
        for (int k = 0; k < N_SETS; k++)
            mtl_options_free(s[k]);
        return -1;
    }
    for (int k = 0; k < N_SETS; k++) {
        linter_cache_free(w->caches[k]);
        w->caches[k] = NULL;
        mtl_options_free(w->sets[k]);
        w->sets[k] = s[k];
    }
    return 0;
}

/* Applies new settings: the linters built for the old ones go. */
static void reconfigure(lsp_worker *w, mtl_options *client)
{
    if (client) {
        mtl_options_free(w->client);
        w->client = client;
    }
    if (make_sets(w) != 0) { /* out of memory: the old sets, new linters */
        for (int k = 0; k < N_SETS; k++) {
            linter_cache_free(w->caches[k]);
            w->caches[k] = NULL;
        }
    }
}

static linter_cache *cache(lsp_worker *w, int k)
{
    if (!w->caches[k])
        w->caches[k] = linter_cache_new(w->sets[k], w->config_file, w->no_config);
    return w->caches[k];
}

/* Would splitting the rules change this file's findings, or gain
 * nothing? (Its .mtlint.ini files count: they are read as for its
 * linter.) */
static int lint_whole(lsp_worker *w, const char *path)
{
    int ignored = 0;
    char *error = NULL;
    linter_cache *c = cache(w, ALL);
    mtl_options *o = c ? linter_cache_options(c, path, &ignored, &error) : NULL;
    free(error);
    if (!o)
        return 1; /* the whole linter says what is wrong */
    const char *ru = mtl_options_get(o, "report-unused-suppressions");
    int whole = ru && strcmp(ru, "0") != 0 && strcmp(ru, "false") != 0;
    int slow_on = 0;
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *r = mtl_rule_at(i);
        int s = mtl_options_severity(o, i);
        int on = (s < 0 ? (int)r->default_severity : s) != MTL_OFF;
        if (lsp_rule_is_slow(r->id) && on)
            slow_on = 1;
        if (strcmp(r->id, "unused-suppression") == 0 && on)
            whole = 1;
    }
    mtl_options_free(o);
    return whole || !slow_on;
}

static uint64_t file_sig(uint64_t h, const char *path)
{
    struct stat st;
    h = mtl_fnv64(h, path, strlen(path) + 1);
    if (stat(path, &st) == 0) {
        uint64_t v[] = {(uint64_t)st.st_ino, (uint64_t)st.st_size,
                        (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec};
        h = mtl_fnv64(h, (const char *)v, sizeof v);
    }
    return h;
}

/* A fingerprint of the files path's linter is made from: its .mtlint.ini
 * files (found again, so that a new one counts) and the word lists they
 * and the settings name. */
static uint64_t files_sig(const lsp_worker *w, const char *path)
{
    uint64_t h = MTL_FNV64_INIT;
    char *single[] = {(char *)w->config_file, NULL};
    char **found = !w->config_file && !w->no_config ? mtl_config_find(path) : NULL;
    char **configs = w->config_file ? single : found;
    mtl_options *o = mtl_options_new();
    for (size_t i = 0; configs && configs[i]; i++) {
        char *err = NULL;
        h = file_sig(h, configs[i]);
        if (o)
            mtl_config_apply(configs[i], path, o, NULL, NULL, &err);
        free(err);
    }
    const char *word_list;
    for (size_t i = 0; o && (word_list = mtl_options_nth(o, "words", i)); i++)
        h = file_sig(h, word_list);
    for (size_t i = 0; (word_list = mtl_options_nth(w->sets[ALL], "words", i)); i++)
        h = file_sig(h, word_list);
    mtl_options_free(o);
    mtl_config_paths_free(found);
    return h;
}

/* .mtlint.ini files and word lists change on disk without the editor
 * saying so (edited elsewhere, a pull): before each lint they are looked
 * at again, and when those of the document's folder changed the linters
 * are built again. */
static void notice_changed_files(lsp_worker *w, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    uint64_t sig = files_sig(w, path);
    for (size_t i = 0; i < w->n_seen; i++) {
        folder_files *f = &w->seen[i];
        if (strlen(f->dir) != n || strncmp(f->dir, path, n) != 0)
            continue;
        if (f->sig != sig) {
            f->sig = sig;
            for (int k = 0; k < N_SETS; k++) {
                linter_cache_free(w->caches[k]);
                w->caches[k] = NULL;
            }
        }
        return;
    }
    folder_files f = {strndup(path, n), sig};
    if (!f.dir || MTL_PUSH(w->seen, w->n_seen, w->seen_cap, f) != 0)
        free(f.dir); /* out of memory: looked at again next time */
}

static void run(lsp_worker *w, lsp_job *j)
{
    notice_changed_files(w, j->path);
    int k = w->rules == LSP_RULES_SLOW ? SLOW : lint_whole(w, j->path) ? ALL : FAST;
    linter_cache *c = cache(w, k);
    if (!c)
        return; /* out of memory: no result, no error */
    const mtl_linter *l = linter_cache_get(c, j->path, &j->ignored, &j->error);
    if (j->ignored || !l)
        return;
    j->whole = k == ALL;
    if (mtl_lint(l, j->text, j->len, j->name, &j->result) != 0)
        j->result = NULL;
}

static void *thread_main(void *arg)
{
    lsp_worker *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->stop && !w->job)
            pthread_cond_wait(&w->cv, &w->mu);
        if (w->stop)
            break;
        lsp_job *j = w->job;
        w->job = NULL;
        w->running = 1;
        mtl_options *client = w->pending;
        int rebuild = w->rebuild;
        w->pending = NULL;
        w->rebuild = 0;
        pthread_mutex_unlock(&w->mu);

        if (rebuild)
            reconfigure(w, client);
        run(w, j);

        pthread_mutex_lock(&w->mu);
        w->running = 0;
        w->done = j;
        pthread_mutex_unlock(&w->mu);
        /* the main thread polls the pipe; a full pipe is awake already */
        ssize_t k = write(w->wake_fd, "", 1);
        (void)k;
        pthread_mutex_lock(&w->mu);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

lsp_worker *lsp_worker_start(lsp_rules rules, const mtl_options *cli,
                             const char *config_file, int no_config,
                             int wake_fd)
{
    lsp_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->rules = rules;
    w->cli = cli;
    w->config_file = config_file;
    w->no_config = no_config;
    w->wake_fd = wake_fd;
    if (make_sets(w) != 0) {
        free(w);
        return NULL;
    }
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    if (pthread_create(&w->thread, NULL, thread_main, w) != 0) {
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        for (int k = 0; k < N_SETS; k++)
            mtl_options_free(w->sets[k]);
        free(w);
        return NULL;
    }
    return w;
}

int lsp_worker_configure(lsp_worker *w, const mtl_options *client)
{
    mtl_options *copy = NULL;
    if (client && !(copy = mtl_options_copy(client)))
        return -1;
    pthread_mutex_lock(&w->mu);
    if (copy) {
        mtl_options_free(w->pending);
        w->pending = copy;
    }
    w->rebuild = 1;
    pthread_mutex_unlock(&w->mu);
    return 0;
}

int lsp_worker_busy(lsp_worker *w)
{
    pthread_mutex_lock(&w->mu);
    int busy = w->job || w->running || w->done;
    pthread_mutex_unlock(&w->mu);
    return busy;
}

void lsp_worker_submit(lsp_worker *w, lsp_job *job)
{
    pthread_mutex_lock(&w->mu);
    w->job = job;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

lsp_job *lsp_worker_take(lsp_worker *w)
{
    pthread_mutex_lock(&w->mu);
    lsp_job *j = w->done;
    w->done = NULL;
    pthread_mutex_unlock(&w->mu);
    return j;
}

void lsp_worker_stop(lsp_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    lsp_job_free(w->job);
    lsp_job_free(w->done);
    mtl_options_free(w->pending);
    mtl_options_free(w->client);
    for (int k = 0; k < N_SETS; k++) {
        linter_cache_free(w->caches[k]);
        mtl_options_free(w->sets[k]);
    }
    for (size_t i = 0; i < w->n_seen; i++)
        free(w->seen[i].dir);
    free(w->seen);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w);
}
