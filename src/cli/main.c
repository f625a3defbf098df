/*
 * mtlint command line: arguments (args.c), files (inputs.c), settings per
 * file (settings.c), threads (jobs.c), output (report.c), exit status; or,
 * with --lsp, a language server (lsp_server.c); on a terminal, progress
 * and a summary on stderr (summary.c).
 * The library does the linting; this file only drives it.
 *
 * Exit status: 0 no finding at or above the fail level, 1 findings,
 * 2 a usage or I/O error (other files are still linted and reported).
 */
#include "baseline.h"
#include "cli.h"
#include "lsp_server.h"
#include "settings.h"
#include "summary.h"

#include "base/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads the baseline and opens the baseline to write, if asked. */
static int open_baselines(const cli_config *cfg, baseline **base,
                          baseline_writer **writer)
{
    char *err = NULL;
    if (cfg->baseline && !(*base = baseline_load(cfg->baseline, &err))) {
        fprintf(stderr, "mtlint: %s\n", err ? err : "out of memory");
        free(err);
        return -1;
    }
    if (cfg->write_baseline &&
        !(*writer = baseline_writer_open(cfg->write_baseline, &err))) {
        fprintf(stderr, "mtlint: %s\n", err ? err : "out of memory");
        free(err);
        baseline_free(*base);
        *base = NULL;
        return -1;
    }
    return 0;
}

/* Finds each input's settings and linter, in input order, before any
 * thread starts (the cache is not shared between threads). */
static void assign_linters(linter_cache *cache, input *inputs, size_t n,
                           const char *stdin_name)
{
    /* the distinct settings errors so far (few: one per broken config) */
    const char **told = NULL;
    size_t n_told = 0, told_cap = 0;
    for (size_t i = 0; i < n; i++) {
        input *in = &inputs[i];
        if (in->error)
            continue;
        char *err = NULL;
        /* standard input's settings are those of the name it was given */
        const char *where = strcmp(in->path, "-") == 0 && stdin_name ? stdin_name
                                                                      : in->path;
        in->linter = linter_cache_get(cache, where, &in->ignored, &err);
        if (!in->linter && !in->ignored) {
            in->error = err ? err : strdup("cannot start the linter");
            err = NULL;
            in->settings_error = 1;
            for (size_t k = 0; in->error && k < n_told; k++)
                if (strcmp(told[k], in->error) == 0)
                    in->settings_error = 2;
            /* when the list cannot grow, the error is printed again */
            if (in->error && in->settings_error == 1)
                (void)MTL_PUSH(told, n_told, told_cap, in->error);
        }
        free(err);
        if (in->ignored && in->named)
            fprintf(stderr, "mtlint: %s: ignored by configuration\n", in->name);
    }
    free(told);
}

int main(int argc, char **argv)
{
    cli_config cfg = {.fail_level = MTL_WARNING,
                      .max_file_size = MAX_FILE_SIZE_DEFAULT};
    mtl_options *opts = mtl_options_new();
    if (!opts) {
        fputs("mtlint: out of memory\n", stderr);
        return 2;
    }
    parse_args(argc, argv, &cfg, opts);
    if (cfg.lsp || cfg.stream) {
        int rc = cfg.lsp ? lsp_main(opts, cfg.config_file, cfg.no_config)
                         : stream_run(&cfg, opts);
        mtl_options_free(opts);
        return rc;
    }

    baseline *base = NULL;
    baseline_writer *writer = NULL;
    if (open_baselines(&cfg, &base, &writer) != 0) {
        mtl_options_free(opts);
        return 2;
    }

    input *inputs = NULL;
    size_t n_inputs = 0;
    linter_cache *cache = linter_cache_new(opts, cfg.config_file, cfg.no_config);
    if (!cache || inputs_expand(cfg.paths, cfg.n_paths, cfg.stdin_name,
                                !cfg.no_ignore, &inputs, &n_inputs) != 0) {
        fputs("mtlint: out of memory\n", stderr);
        return 2;
    }
    assign_linters(cache, inputs, n_inputs, cfg.stdin_name);

    jobs *work = jobs_start(inputs, n_inputs, cfg.jobs ? cfg.jobs : cpu_count(),
                            cfg.max_file_size);
    reporter *rep = reporter_new(&cfg, stdout);
    /* a baseline being written says what it recorded instead */
    summary *sum = summary_new(stderr, STDERR_FILENO, n_inputs, cfg.quiet || writer,
                               cfg.fix);
    if (!work || !rep) {
        fputs("mtlint: out of memory\n", stderr);
        return 2;
    }
    if (!writer)
        reporter_begin(rep);
    int status = 0, werr = 0;
    size_t recorded = 0, i;
    for (i = 0; i < n_inputs && !werr; i++) {
        input *in = &inputs[i];
        jobs_wait(work, i);
        summary_before(sum, in);
        if (in->error) {
            /* a broken config says where it is broken, once */
            if (in->settings_error == 1)
                fprintf(stderr, "mtlint: %s\n", in->error);
            else if (!in->settings_error)
                fprintf(stderr, "mtlint: %s: %s\n", in->name, in->error);
            reporter_error(rep, in, in->error);
            status = 2;
        } else if (in->lint_failed) {
            fprintf(stderr, "mtlint: %s: out of memory while linting\n", in->name);
            reporter_error(rep, in, "out of memory while linting");
            status = 2;
        } else if (writer) {
            baseline_writer_add(writer, in);
            recorded += mtl_result_count(in->result);
        } else if (in->result) {
            baseline_filter(base, in);
            int fixed = cfg.fix ? fix_input(in, cfg.fix_dry_run, stdout) : 0;
            if (fixed < 0 || (cfg.fix_dry_run && fixed > 0 && status == 0))
                status = fixed < 0 ? 2 : 1;
            if (!cfg.fix_dry_run)
                werr = reporter_file(rep, in);
            /* a dry run's status says whether there is something to fix */
            for (size_t k = 0; !cfg.fix_dry_run && k < mtl_result_count(in->result); k++)
                if (cfg.fail_level != MTL_OFF &&
                    (int)mtl_result_at(in->result, k)->severity >= cfg.fail_level &&
                    status == 0)
                    status = 1;
        }
        summary_file(sum, in);
        summary_progress(sum);
        input_release(in);
        /* when the output is gone, lint no more */
        jobs_done(work, i, werr != 0);
    }
    if (writer) {
        char *err = NULL;
        if (baseline_writer_close(writer, &err) != 0) {
            fprintf(stderr, "mtlint: %s\n", err ? err : "out of memory");
            free(err);
            status = 2;
        } else {
            fprintf(stderr, "mtlint: recorded %zu finding%s in %s\n", recorded,
                    recorded == 1 ? "" : "s", cfg.write_baseline);
        }
    } else if (!werr) {
        summary_clear(sum);
        werr = reporter_end(rep);
        if (!werr)
            summary_end(sum);
    }
    if (werr) {
        /* A reader that went away (mtlint | head) needs no message. */
        if (werr != EPIPE)
            fprintf(stderr, "mtlint: writing output: %s\n", strerror(werr));
        status = 2;
    }
    jobs_finish(work);
    for (; i < n_inputs; i++)
        input_release(&inputs[i]);
    summary_clear(sum);
    summary_free(sum);
    reporter_free(rep);
    baseline_free(base);
    free(inputs);
    linter_cache_free(cache);
    mtl_options_free(opts);
    return status;
}
