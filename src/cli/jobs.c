/*
 * Linting files on N threads while the main thread reports them in input
 * order: workers run at most a window ahead of the printer, so memory holds
 * a bounded number of files whatever their count, and the output is the
 * same at any -j.
 */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct jobs {
    input *inputs;
    size_t n;
    size_t next;      /* next input to take */
    size_t printed;   /* inputs [0, printed) are reported and released */
    size_t window;    /* how far workers may run ahead of the printer */
    size_t max_size;  /* --max-file-size */
    unsigned char *done;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t *threads;
    int started;      /* 0: no threads, inputs are linted when waited for */
};

static void lint_one(input *in, size_t max_size)
{
    if (in->error || in->ignored)
        return;
    input_read(in, max_size);
    if (in->error || in->lint_failed)
        return;
    if (mtl_lint(in->linter, in->data, in->len, in->name, &in->result) != 0)
        in->lint_failed = 1;
}

static void *worker(void *arg)
{
    jobs *w = arg;
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (w->next < w->n && w->next >= w->printed + w->window)
            pthread_cond_wait(&w->cv, &w->mu);
        if (w->next >= w->n) {
            pthread_mutex_unlock(&w->mu);
            return NULL;
        }
        size_t i = w->next++;
        pthread_mutex_unlock(&w->mu);
        lint_one(&w->inputs[i], w->max_size);
        pthread_mutex_lock(&w->mu);
        w->done[i] = 1;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
    }
}

int cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

jobs *jobs_start(input *inputs, size_t n, int threads, size_t max_size)
{
    jobs *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    if ((size_t)threads > n)
        threads = (int)n;
    *w = (jobs){.inputs = inputs, .n = n, .window = (size_t)threads * 4,
                .max_size = max_size};
    w->done = calloc(n + 1, 1);
    w->threads = calloc((size_t)(threads > 0 ? threads : 1), sizeof *w->threads);
    if (!w->done || !w->threads) {
        free(w->done);
        free(w->threads);
        free(w);
        return NULL;
    }
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    /* One job needs no thread; if no thread starts, the printer lints. */
    if (threads > 1)
        for (; w->started < threads; w->started++)
            if (pthread_create(&w->threads[w->started], NULL, worker, w) != 0)
                break;
    return w;
}

void jobs_wait(jobs *w, size_t i)
{
    if (!w->started) {
        lint_one(&w->inputs[i], w->max_size);
        return;
    }
    pthread_mutex_lock(&w->mu);
    while (!w->done[i])
        pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
}

void jobs_done(jobs *w, size_t i, int stop)
{
    pthread_mutex_lock(&w->mu);
    w->printed = i + 1;
    if (stop)
        w->next = w->n;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

void jobs_finish(jobs *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->next = w->n; /* workers still waiting for room take nothing more */
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    for (int t = 0; t < w->started; t++)
        pthread_join(w->threads[t], NULL);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w->threads);
    free(w->done);
    free(w);
}
