/*
 * mtlint command line: arguments, files, threads, output, exit status.
 * The library does the linting; this file only drives it.
 *
 * Exit status: 0 no finding at or above the fail level, 1 findings,
 * 2 a usage or I/O error (other files are still linted and reported).
 */
#include "baseline.h"
#include "cli.h"
#include "settings.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: mtlint [OPTION]... FILE|DIR|-...\n"
    "Find machine-translation artifacts in English text (plain text and Markdown).\n"
    "Directories are searched for *.txt and *.md files; - reads standard input.\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT      gnu, pretty, json (JSON Lines) or sarif\n"
    "                           (default: pretty on a terminal, gnu otherwise)\n"
    "      --column-unit=UNIT   char (code points, default) or byte\n"
    "      --color=WHEN         auto, always or never (pretty output)\n"
    "      --stdin-filename=NAME  name to report for standard input\n"
    "\n"
    "Rules:\n"
    "      --list-rules         list the rules with their default severity\n"
    "      --enable=RULE[,RULE] turn rules on (at their default severity)\n"
    "      --disable=RULE[,RULE] turn rules off\n"
    "      --only=RULE[,RULE]   turn every other rule off\n"
    "      --severity=RULE=LEVEL  set a rule's severity: error, warning, note, off\n"
    "      --fail-level=LEVEL   lowest severity that makes the exit status 1:\n"
    "                           error, warning (default), note, or none\n"
    "\n"
    "Resources:\n"
    "      --lang=LANG          dictionary language (default en_US)\n"
    "      --dict-path=DIR      also look for Hunspell dictionaries in DIR\n"
    "      --words=FILE         extra accepted words, one per line\n"
    "      --lm=FILE            language model to use\n"
    "      --input=KIND         text or markdown (default: by file extension)\n"
    "\n"
    "Configuration:\n"
    "      --config=FILE        use only this config file (no .mtlint.ini search)\n"
    "      --no-config          use no config file\n"
    "      --baseline=FILE      report only findings not recorded in FILE\n"
    "      --write-baseline=FILE  record today's findings in FILE and exit\n"
    "      --report-unused-suppressions  report mtlint-disable comments that\n"
    "                           silence nothing\n"
    "\n"
    "  -j, --jobs=N             lint N files at once (default: number of CPUs)\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and exit\n"
    "\n"
    "Exit status: 0 no findings at or above the fail level, 1 findings, 2 errors.\n";

__attribute__((format(printf, 1, 2), noreturn))
static void die_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mtlint: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'mtlint --help' for more information.\n", stderr);
    exit(2);
}

/* Exits after --help, --version or --list-rules: 0, or 2 when the text
 * could not be written (mtlint --help >/dev/full). */
__attribute__((noreturn))
static void exit_printed(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE)
            fprintf(stderr, "mtlint: writing output: %s\n", strerror(errno));
        exit(2);
    }
    exit(0);
}

/* Applies f to each comma-separated rule id in list. */
static void each_rule(char *list, mtl_options *opts,
                      void (*f)(mtl_options *, const char *))
{
    for (char *save = NULL, *id = strtok_r(list, ",", &save); id;
         id = strtok_r(NULL, ",", &save)) {
        if (mtl_rule_find(id) < 0)
            die_usage("unknown rule '%s' (see --list-rules)", id);
        f(opts, id);
    }
}

static void enable_rule(mtl_options *o, const char *id)
{
    const mtl_rule_info *ri = mtl_rule_at((size_t)mtl_rule_find(id));
    mtl_options_set_severity(o, id, ri->default_severity == MTL_OFF
                                        ? MTL_WARNING
                                        : ri->default_severity);
}

static void disable_rule(mtl_options *o, const char *id)
{
    mtl_options_set_severity(o, id, MTL_OFF);
}

static void list_rules(void)
{
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *r = mtl_rule_at(i);
        printf("%-20s %-8s %s\n", r->id, mtl_severity_name(r->default_severity),
               r->summary);
    }
}

enum {
    OPT_COLUMN_UNIT = 256, OPT_COLOR, OPT_STDIN_NAME, OPT_LIST_RULES,
    OPT_ENABLE, OPT_DISABLE, OPT_ONLY, OPT_SEVERITY, OPT_FAIL_LEVEL, OPT_LANG,
    OPT_DICT_PATH, OPT_WORDS, OPT_LM, OPT_INPUT, OPT_CONFIG, OPT_NO_CONFIG,
    OPT_BASELINE, OPT_WRITE_BASELINE, OPT_REPORT_UNUSED
};

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"column-unit", required_argument, NULL, OPT_COLUMN_UNIT},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_NAME},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"only", required_argument, NULL, OPT_ONLY},
    {"severity", required_argument, NULL, OPT_SEVERITY},
    {"fail-level", required_argument, NULL, OPT_FAIL_LEVEL},
    {"lang", required_argument, NULL, OPT_LANG},
    {"dict-path", required_argument, NULL, OPT_DICT_PATH},
    {"words", required_argument, NULL, OPT_WORDS},
    {"lm", required_argument, NULL, OPT_LM},
    {"input", required_argument, NULL, OPT_INPUT},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"report-unused-suppressions", no_argument, NULL, OPT_REPORT_UNUSED},
    {"jobs", required_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* Says what getopt refused. optopt is 0 for an unknown long option, and
 * otherwise the option's value: an unknown short option, or a long one
 * given a value it does not take. Inside a cluster (-xV) optind has not
 * moved yet, so argv[optind - 1] is only trusted when it names the option. */
__attribute__((noreturn))
static void die_bad_option(char **argv)
{
    const char *arg = argv[optind - 1];
    if (optopt == 0)
        die_usage("unknown option '%s'", arg);
    if (!strncmp(arg, "--", 2)) {
        size_t n = strcspn(arg + 2, "=");
        for (const struct option *lo = long_opts; lo->name; lo++)
            if (lo->val == optopt && lo->has_arg == no_argument &&
                arg[2 + n] == '=' && !strncmp(lo->name, arg + 2, n))
                die_usage("option '--%s' takes no value", lo->name);
    }
    die_usage("unknown option '-%c'", optopt);
}

static void set_option(mtl_options *o, const char *key, const char *value)
{
    if (mtl_options_set(o, key, value) != 0)
        die_usage("cannot set option '%s'", key);
}

/* The version, then the resources a default linter loads (the language
 * model, for one), or why it has none. */
static void print_version(const mtl_options *o)
{
    printf("mtlint %s\n", MTLINT_VERSION);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    if (!l) {
        printf("%s\n", err ? err : "cannot load resources");
        free(err);
        return;
    }
    for (size_t i = 0; mtl_linter_resource(l, i); i++)
        printf("%s\n", mtl_linter_resource(l, i));
    for (const char *const *n = mtl_linter_notices(l); *n; n++)
        printf("%s\n", *n);
    mtl_linter_free(l);
}

static void parse_args(int argc, char **argv, cli_config *cfg, mtl_options *o)
{
    int color = -1; /* auto */
    int c;
    opterr = 0; /* getopt's own messages would start with argv[0] */
    while ((c = getopt_long(argc, argv, ":f:j:hV", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "gnu"))
                cfg->format = FMT_GNU;
            else if (!strcmp(optarg, "pretty"))
                cfg->format = FMT_PRETTY;
            else if (!strcmp(optarg, "json"))
                cfg->format = FMT_JSON;
            else if (!strcmp(optarg, "sarif"))
                cfg->format = FMT_SARIF;
            else
                die_usage("unknown format '%s' (gnu, pretty, json, sarif)", optarg);
            cfg->format_set = 1;
            break;
        case OPT_COLUMN_UNIT:
            if (!strcmp(optarg, "char"))
                cfg->column_bytes = 0;
            else if (!strcmp(optarg, "byte"))
                cfg->column_bytes = 1;
            else
                die_usage("unknown column unit '%s' (char, byte)", optarg);
            break;
        case OPT_COLOR:
            if (!strcmp(optarg, "auto"))
                color = -1;
            else if (!strcmp(optarg, "always"))
                color = 1;
            else if (!strcmp(optarg, "never"))
                color = 0;
            else
                die_usage("unknown --color value '%s' (auto, always, never)", optarg);
            break;
        case OPT_STDIN_NAME:
            cfg->stdin_name = optarg;
            break;
        case OPT_LIST_RULES:
            list_rules();
            exit_printed();
        case OPT_ENABLE:
            each_rule(optarg, o, enable_rule);
            break;
        case OPT_DISABLE:
            each_rule(optarg, o, disable_rule);
            break;
        case OPT_ONLY:
            for (size_t i = 0; i < mtl_rule_count(); i++)
                mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
            each_rule(optarg, o, enable_rule);
            break;
        case OPT_SEVERITY: {
            char *eq = strchr(optarg, '=');
            if (!eq)
                die_usage("--severity takes RULE=LEVEL, not '%s'", optarg);
            *eq = '\0';
            int s = mtl_severity_parse(eq + 1);
            if (mtl_rule_find(optarg) < 0)
                die_usage("unknown rule '%s' (see --list-rules)", optarg);
            if (s < 0)
                die_usage("unknown severity '%s' (error, warning, note, off)", eq + 1);
            mtl_options_set_severity(o, optarg, (mtl_severity)s);
            break;
        }
        case OPT_FAIL_LEVEL: {
            int s = !strcmp(optarg, "none") ? MTL_OFF : mtl_severity_parse(optarg);
            if (s < 0 || (s == MTL_OFF && strcmp(optarg, "none")))
                die_usage("unknown fail level '%s' (error, warning, note, none)", optarg);
            cfg->fail_level = s;
            break;
        }
        case OPT_LANG:
            set_option(o, "lang", optarg);
            break;
        case OPT_DICT_PATH:
            set_option(o, "dict-path", optarg);
            break;
        case OPT_WORDS:
            set_option(o, "words", optarg);
            break;
        case OPT_LM:
            set_option(o, "lm", optarg);
            break;
        case OPT_INPUT:
            if (strcmp(optarg, "text") && strcmp(optarg, "markdown"))
                die_usage("unknown input kind '%s' (text, markdown)", optarg);
            set_option(o, "input", optarg);
            break;
        case OPT_CONFIG:
            cfg->config_file = optarg;
            break;
        case OPT_NO_CONFIG:
            cfg->no_config = 1;
            break;
        case OPT_BASELINE:
            cfg->baseline = optarg;
            break;
        case OPT_WRITE_BASELINE:
            cfg->write_baseline = optarg;
            break;
        case OPT_REPORT_UNUSED:
            set_option(o, "report-unused-suppressions", "1");
            break;
        case 'j': {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || *end || n < 1 || n > 256)
                die_usage("--jobs takes a number from 1 to 256, not '%s'", optarg);
            cfg->jobs = (int)n;
            break;
        }
        case 'h':
            fputs(usage_text, stdout);
            exit_printed();
        case 'V':
            print_version(o);
            exit_printed();
        case ':':
            if (!strncmp(argv[optind - 1], "--", 2))
                die_usage("option '%s' needs a value", argv[optind - 1]);
            die_usage("option '-%c' needs a value", optopt);
        default:
            die_bad_option(argv);
        }
    }
    cfg->paths = argv + optind;
    cfg->n_paths = (size_t)(argc - optind);
    if (!cfg->n_paths)
        die_usage("%s", "no input files (use - to read standard input)");
    int tty = isatty(STDOUT_FILENO);
    if (!cfg->format_set)
        cfg->format = tty ? FMT_PRETTY : FMT_GNU;
    const char *nc = getenv("NO_COLOR");
    cfg->color = color >= 0 ? color : (tty && !(nc && *nc));
}

/* ---- parallel linting, reported in input order ----------------------- */

typedef struct work {
    input *inputs;
    size_t n;
    size_t next;      /* next input to take */
    size_t printed;   /* inputs [0, printed) are reported and released */
    size_t window;    /* how far workers may run ahead of the printer */
    unsigned char *done;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} work;

static void lint_one(input *in)
{
    if (in->error || in->ignored)
        return;
    input_read(in);
    if (in->error)
        return;
    if (mtl_lint(in->linter, in->data, in->len, in->name, &in->result) != 0)
        in->lint_failed = 1;
}

static void *worker(void *arg)
{
    work *w = arg;
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
        lint_one(&w->inputs[i]);
        pthread_mutex_lock(&w->mu);
        w->done[i] = 1;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
    }
}

static int cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Reads the baseline and opens the baseline to write, if asked. */
static int open_baselines(const cli_config *cfg, baseline **base,
                          baseline_writer **writer)
{
    char *err = NULL;
    if (cfg->baseline && !(*base = baseline_load(cfg->baseline, &err))) {
        fprintf(stderr, "mtlint: %s\n", err);
        free(err);
        return -1;
    }
    if (cfg->write_baseline &&
        !(*writer = baseline_writer_open(cfg->write_baseline, &err))) {
        fprintf(stderr, "mtlint: %s\n", err);
        free(err);
        baseline_free(*base);
        *base = NULL;
        return -1;
    }
    return 0;
}

/* Finds each input's settings and linter, in input order, before any
 * thread starts (the cache is not shared between threads). */
static void assign_linters(linter_cache *cache, input *inputs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        input *in = &inputs[i];
        if (in->error)
            continue;
        char *err = NULL;
        in->linter = linter_cache_get(cache, in->path, &in->ignored, &err);
        if (!in->linter && !in->ignored) {
            in->error = err ? err : strdup("cannot start the linter");
            err = NULL;
        }
        free(err);
        if (in->ignored && in->named)
            fprintf(stderr, "mtlint: %s: ignored by configuration\n", in->name);
    }
}

int main(int argc, char **argv)
{
    cli_config cfg = {.fail_level = MTL_WARNING};
    mtl_options *opts = mtl_options_new();
    if (!opts) {
        fputs("mtlint: out of memory\n", stderr);
        return 2;
    }
    parse_args(argc, argv, &cfg, opts);

    baseline *base = NULL;
    baseline_writer *writer = NULL;
    if (open_baselines(&cfg, &base, &writer) != 0) {
        mtl_options_free(opts);
        return 2;
    }

    input *inputs = NULL;
    size_t n_inputs = 0;
    linter_cache *cache = linter_cache_new(opts, cfg.config_file, cfg.no_config);
    if (!cache || inputs_expand(cfg.paths, cfg.n_paths, cfg.stdin_name, &inputs,
                                &n_inputs) != 0) {
        fputs("mtlint: out of memory\n", stderr);
        return 2;
    }
    assign_linters(cache, inputs, n_inputs);

    int jobs = cfg.jobs ? cfg.jobs : cpu_count();
    if ((size_t)jobs > n_inputs)
        jobs = n_inputs ? (int)n_inputs : 1;
    work w = {.inputs = inputs, .n = n_inputs, .window = (size_t)jobs * 4};
    w.done = calloc(n_inputs + 1, 1);
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.cv, NULL);
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    reporter *rep = reporter_new(&cfg, stdout);
    if (!w.done || !threads || !rep) {
        fputs("mtlint: out of memory\n", stderr);
        return 2;
    }
    int started = 0;
    if (jobs > 1)
        for (; started < jobs; started++)
            if (pthread_create(&threads[started], NULL, worker, &w) != 0)
                break;

    if (!writer)
        reporter_begin(rep);
    int status = 0, werr = 0;
    size_t recorded = 0, i;
    for (i = 0; i < n_inputs && !werr; i++) {
        input *in = &inputs[i];
        if (started == 0) {
            lint_one(in);
        } else {
            pthread_mutex_lock(&w.mu);
            while (!w.done[i])
                pthread_cond_wait(&w.cv, &w.mu);
            pthread_mutex_unlock(&w.mu);
        }
        if (in->error) {
            fprintf(stderr, "mtlint: %s: %s\n", in->name, in->error);
            status = 2;
        } else if (in->lint_failed) {
            fprintf(stderr, "mtlint: %s: out of memory while linting\n", in->name);
            status = 2;
        } else if (writer) {
            baseline_writer_add(writer, in);
            recorded += mtl_result_count(in->result);
        } else if (in->result) {
            baseline_filter(base, in);
            werr = reporter_file(rep, in);
            for (size_t k = 0; k < mtl_result_count(in->result); k++)
                if (cfg.fail_level != MTL_OFF &&
                    (int)mtl_result_at(in->result, k)->severity >= cfg.fail_level &&
                    status == 0)
                    status = 1;
        }
        input_release(in);
        pthread_mutex_lock(&w.mu);
        w.printed = i + 1;
        if (werr)
            w.next = w.n; /* the output is gone: lint no more */
        pthread_cond_broadcast(&w.cv);
        pthread_mutex_unlock(&w.mu);
    }
    if (writer) {
        char *err = NULL;
        if (baseline_writer_close(writer, &err) != 0) {
            fprintf(stderr, "mtlint: %s\n", err);
            free(err);
            status = 2;
        } else {
            fprintf(stderr, "mtlint: recorded %zu finding%s in %s\n", recorded,
                    recorded == 1 ? "" : "s", cfg.write_baseline);
        }
    } else if (!werr) {
        werr = reporter_end(rep);
    }
    if (werr) {
        /* A reader that went away (mtlint | head) needs no message. */
        if (werr != EPIPE)
            fprintf(stderr, "mtlint: writing output: %s\n", strerror(werr));
        status = 2;
    }
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    for (; i < n_inputs; i++)
        input_release(&inputs[i]);
    reporter_free(rep);
    baseline_free(base);
    free(threads);
    free(w.done);
    free(inputs);
    pthread_mutex_destroy(&w.mu);
    pthread_cond_destroy(&w.cv);
    linter_cache_free(cache);
    mtl_options_free(opts);
    return status;
}
