/*
 * The command line's arguments: options for the linter (mtl_options) and
 * for the front end (cli_config). Usage errors exit with status 2 here.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: mtlint [OPTION]... FILE|DIR|-...\n"
    "   or: mtlint --lsp [OPTION]...\n"
    "Find machine-translation artifacts in English text (plain text and Markdown).\n"
    "Directories are searched for *.txt and Markdown (*.md, *.markdown, *.mdown,\n"
    "*.mkd) files, less what git ignores (.gitignore); - reads standard input.\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT      gnu, pretty, json (JSON Lines), sarif or github\n"
    "                           (GitHub Actions annotations)\n"
    "                           (default: pretty on a terminal, gnu otherwise)\n"
    "      --column-unit=UNIT   char (code points, default) or byte\n"
    "      --color=WHEN         auto, always or never (pretty output)\n"
    "  -q, --quiet              no progress line or closing summary on stderr\n"
    "                           (shown only when stderr is a terminal)\n"
    "      --stdin-filename=NAME  name to report for standard input\n"
    "      --no-ignore          search directories for files git ignores too\n"
    "      --stream             lint JSON Lines documents from standard input,\n"
    "                           {\"id\":..,\"text\":..}, one output line each\n"
    "\n"
    "Rules:\n"
    "      --list-rules         list the rules with their default severity\n"
    "      --explain=RULE       what a rule finds and why, examples, how to silence it\n"
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
    "Fixing:\n"
    "      --fix                apply the suggestions of doubled-punctuation,\n"
    "                           punctuation-spacing, repeated-word, encoding and\n"
    "                           term-inconsistency to the files; report the rest\n"
    "      --dry-run            with --fix: print the changes as a unified diff\n"
    "\n"
    "Editors:\n"
    "      --lsp                run as a language server on standard input and\n"
    "                           output (the Language Server Protocol); no files\n"
    "\n"
    "  -j, --jobs=N             lint N files at once (default and 0: one per CPU)\n"
    "      --max-file-size=SIZE  refuse files larger than SIZE bytes (K, M, G:\n"
    "                           KiB, MiB, GiB; default 32M, at most 4G)\n"
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

/* What --enable, --disable and --only said of a rule, the last one
 * winning. They turn rules on and off without choosing a severity: a
 * --severity given anywhere on the line, or a configuration's, stands
 * (apply_rule_choices), so the order of the options does not matter. */
enum { RULE_UNSAID, RULE_ON, RULE_OFF };

/* Marks each comma-separated rule id in list. */
static void each_rule(char *list, unsigned char *choice, unsigned char mark)
{
    for (char *save = NULL, *id = strtok_r(list, ",", &save); id;
         id = strtok_r(NULL, ",", &save)) {
        int k = mtl_rule_find(id);
        if (k < 0)
            die_usage("unknown rule '%s' (see --list-rules)", id);
        choice[k] = mark;
    }
}

/* An explicit --severity wins; a rule turned off is off; a rule turned on
 * keeps the severity in force (the default, or a configuration's), and one
 * off by default comes on as a warning. */
static void apply_rule_choices(mtl_options *o, const unsigned char *choice,
                               const int *severity)
{
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *ri = mtl_rule_at(i);
        if (severity[i] >= 0)
            mtl_options_set_severity(o, ri->id, (mtl_severity)severity[i]);
        else if (choice[i] == RULE_OFF)
            mtl_options_set_severity(o, ri->id, MTL_OFF);
        else if (choice[i] == RULE_ON && ri->default_severity == MTL_OFF)
            mtl_options_set_severity(o, ri->id, MTL_WARNING);
    }
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
    OPT_BASELINE, OPT_WRITE_BASELINE, OPT_REPORT_UNUSED, OPT_STREAM,
    OPT_NO_IGNORE, OPT_FIX, OPT_DRY_RUN,
    OPT_EXPLAIN, OPT_LSP, OPT_STDIO, OPT_MAX_FILE_SIZE
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
    {"stream", no_argument, NULL, OPT_STREAM},
    {"quiet", no_argument, NULL, 'q'},
    {"no-ignore", no_argument, NULL, OPT_NO_IGNORE},
    {"fix", no_argument, NULL, OPT_FIX},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"dry-run", no_argument, NULL, OPT_DRY_RUN},
    {"lsp", no_argument, NULL, OPT_LSP},
    /* what language clients add to say "over standard input and output" */
    {"stdio", no_argument, NULL, OPT_STDIO},
    {"jobs", required_argument, NULL, 'j'},
    {"max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE},
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

/* "1000", "64K", "32M", "2G" (binary multiples), 1 byte to 4 GiB; 4 GiB
 * means all the library takes, two bytes less. */
static size_t parse_size(const char *arg)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(arg, &end, 10);
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10, end++;
    else if (*end == 'M' || *end == 'm')
        shift = 20, end++;
    else if (*end == 'G' || *end == 'g')
        shift = 30, end++;
    if (shift && (*end == 'i' || *end == 'I') && (end[1] == 'B' || end[1] == 'b'))
        end += 2;
    else if (shift && (*end == 'B' || *end == 'b'))
        end++;
    const unsigned long long most = 1ULL << 32;
    if (errno || end == arg || *end || arg[0] == '-' || n == 0 ||
        n > (most >> shift))
        die_usage("--max-file-size takes a size from 1 byte to 4G, such as "
                  "500K or 64M, not '%s'", arg);
    n <<= shift;
    return n > MAX_FILE_SIZE_LIMIT ? MAX_FILE_SIZE_LIMIT : (size_t)n;
}

static void set_option(mtl_options *o, const char *key, const char *value)
{
    if (mtl_options_set(o, key, value) != 0)
        die_usage("cannot set option '%s'", key);
}

/* The version, then the files the linter would read, found without
 * loading them: --version answers at once. */
static void print_version(const mtl_options *o)
{
    printf("mtlint %s\n", mtl_version());
    char *res = mtl_resources(o);
    fputs(res ? res : "(out of memory)\n", stdout);
    free(res);
}

/* --stream reads documents from stdin and writes JSON Lines: no files,
 * no other format, no baseline. */
static void check_stream(const cli_config *cfg)
{
    if (cfg->n_paths)
        die_usage("--stream reads standard input, not '%s'", cfg->paths[0]);
    if (cfg->format_set && cfg->format != FMT_JSON)
        die_usage("%s", "--stream writes JSON Lines only");
    if (cfg->baseline || cfg->write_baseline)
        die_usage("%s", "--stream takes no baseline");
}

void parse_args(int argc, char **argv, cli_config *cfg, mtl_options *o)
{
    int color = -1; /* auto */
    /* per rule: --severity (-1: none) and --enable/--disable/--only */
    int severities[256];
    unsigned char choice[256] = {0};
    if (mtl_rule_count() > sizeof severities / sizeof *severities)
        die_usage("%s", "too many rules for the option parser");
    for (size_t i = 0; i < mtl_rule_count(); i++)
        severities[i] = -1;
    int stdio = 0;
    int c;
    opterr = 0; /* getopt's own messages would start with argv[0] */
    while ((c = getopt_long(argc, argv, ":f:j:qhV", long_opts, NULL)) != -1) {
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
            else if (!strcmp(optarg, "github"))
                cfg->format = FMT_GITHUB;
            else
                die_usage("unknown format '%s' (gnu, pretty, json, sarif, github)",
                          optarg);
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
            each_rule(optarg, choice, RULE_ON);
            break;
        case OPT_DISABLE:
            each_rule(optarg, choice, RULE_OFF);
            break;
        case OPT_ONLY:
            memset(choice, RULE_OFF, sizeof choice);
            each_rule(optarg, choice, RULE_ON);
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
            severities[mtl_rule_find(optarg)] = s;
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
            cfg->input_kind = optarg; /* set below: --stream lines may override */
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
        case OPT_EXPLAIN: {
            int k = mtl_rule_find(optarg);
            if (k < 0)
                die_usage("unknown rule '%s' (see --list-rules)", optarg);
            rule_doc_print(stdout, mtl_rule_at((size_t)k));
            exit_printed();
        }
        case OPT_FIX:
            cfg->fix = 1;
            break;
        case OPT_DRY_RUN:
            cfg->fix_dry_run = 1;
            break;
        case OPT_NO_IGNORE:
            cfg->no_ignore = 1;
            break;
        case OPT_STREAM:
            cfg->stream = 1;
            break;
        case OPT_REPORT_UNUSED:
            set_option(o, "report-unused-suppressions", "1");
            break;
        case OPT_LSP:
            cfg->lsp = 1;
            break;
        case OPT_STDIO:
            stdio = 1;
            break;
        case 'q':
            cfg->quiet = 1;
            break;
        case 'j': {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || *end || n < 0 || n > 256)
                die_usage("--jobs takes a number from 0 (one per CPU) to 256, not '%s'",
                          optarg);
            cfg->jobs = (int)n;
            break;
        }
        case OPT_MAX_FILE_SIZE:
            cfg->max_file_size = parse_size(optarg);
            break;
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
    apply_rule_choices(o, choice, severities);
    cfg->paths = argv + optind;
    cfg->n_paths = (size_t)(argc - optind);
    if (stdio && !cfg->lsp)
        die_usage("%s", "--stdio goes with --lsp");
    if (cfg->lsp && cfg->n_paths)
        die_usage("--lsp takes no files ('%s')", cfg->paths[0]);
    if (cfg->input_kind && !cfg->stream)
        set_option(o, "input", cfg->input_kind);
    if (cfg->stream) {
        check_stream(cfg);
        return;
    }
    if (cfg->config_file && cfg->no_config)
        die_usage("%s", "--config and --no-config do not go together");
    if (cfg->lsp)
        return;
    if (cfg->fix_dry_run && !cfg->fix)
        die_usage("%s", "--dry-run goes with --fix");
    if (cfg->fix && cfg->write_baseline)
        die_usage("%s", "--fix and --write-baseline do not go together");
    if (cfg->fix_dry_run && cfg->format == FMT_SARIF)
        die_usage("%s", "--fix --dry-run writes a diff, not SARIF");
    if (!cfg->n_paths)
        die_usage("%s", "no input files (use - to read standard input)");
    int tty = isatty(STDOUT_FILENO);
    if (!cfg->format_set)
        cfg->format = tty ? FMT_PRETTY : FMT_GNU;
    const char *nc = getenv("NO_COLOR");
    cfg->color = color >= 0 ? color : (tty && !(nc && *nc));
}

