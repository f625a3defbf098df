#include "lsp_worker.h"

#include "settings.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    /* the thread's own */
    const mtl_options *cli;
    const char *config_file;
    int no_config;
    mtl_options *merged;   /* the command line's options, the client's over them */
    linter_cache *cache;
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

/* Applies new settings: the linters built for the old ones go. */
static void reconfigure(lsp_worker *w, mtl_options *client)
{
    linter_cache_free(w->cache);
    w->cache = NULL;
    if (!client)
        return;
    mtl_options *m = mtl_options_copy(w->cli);
    if (m && mtl_options_merge(m, client) == 0) {
        mtl_options_free(w->merged);
        w->merged = m;
    } else {
        mtl_options_free(m); /* out of memory: the old settings stay */
    }
    mtl_options_free(client);
}

static void run(lsp_worker *w, lsp_job *j)
{
    if (!w->cache)
        w->cache = linter_cache_new(w->merged, w->config_file, w->no_config);
    if (!w->cache)
        return; /* out of memory: no result, no error */
    const mtl_linter *l = linter_cache_get(w->cache, j->path, &j->ignored, &j->error);
    if (j->ignored || !l)
        return;
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
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
        /* the main thread polls the pipe; a full pipe is awake already */
        ssize_t k = write(w->wake_fd, "", 1);
        (void)k;
        pthread_mutex_lock(&w->mu);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

lsp_worker *lsp_worker_start(const mtl_options *cli, const char *config_file,
                             int no_config, int wake_fd)
{
    lsp_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->cli = cli;
    w->config_file = config_file;
    w->no_config = no_config;
    w->wake_fd = wake_fd;
    w->merged = mtl_options_copy(cli);
    if (!w->merged) {
        free(w);
        return NULL;
    }
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    if (pthread_create(&w->thread, NULL, thread_main, w) != 0) {
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        mtl_options_free(w->merged);
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

lsp_job *lsp_worker_wait(lsp_worker *w)
{
    pthread_mutex_lock(&w->mu);
    while (w->job || w->running)
        pthread_cond_wait(&w->cv, &w->mu);
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
    mtl_options_free(w->merged);
    linter_cache_free(w->cache);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w);
}
