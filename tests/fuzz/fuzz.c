/* The checks and the state the fuzz targets share (fuzz.h). */
#include "fuzz.h"

#include "base/utf8.h"
#include "cli/cli.h"
#include "json.h"

#include <cmark.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void fuzz_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s:%d: invariant broken: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    FUZZ_CHECK(p, "out of memory in the fuzz harness");
    return p;
}

/* ---- state built once -------------------------------------------------- */

static mtl_linter *linter;

static void free_linter(void) { mtl_linter_free(linter); }

static void check_sarif_once(const input *in);

/* A text that makes the linter load what it loads on first need: Hunspell
 * for English (accented words the compiled verdicts leave to it) and every
 * foreign dictionary (a sentence of words English lacks). Loading them takes
 * seconds, under ASan more than libFuzzer's timeout, and would otherwise
 * fall on whichever input first needs them. */
static const char warm_up[] =
    "The naïveté of the Zürichers and the façade of the résumé.\n\n"
    "Zqxwv blorptastic frumious snarkel grolby.\n\n"
    "El presidente dijo que la situación es muy grave.\n"
    "Le président a dit que la situation est très grave.\n"
    "Der Präsident sagte, dass die Lage sehr ernst ist.\n"
    "O presidente disse que a situação é muito grave.\n"
    "Il presidente ha detto che la situazione è molto grave.\n"
    "De president zei dat de situatie zeer ernstig is.\n"
    "The the report said \"it was fine. We we left ,early!!\n";

const mtl_linter *fuzz_linter(void)
{
    if (linter)
        return linter;
    mtl_options *o = mtl_options_new();
    FUZZ_CHECK(o, "no options");
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *ri = mtl_rule_at(i);
        mtl_options_set_severity(o, ri->id, ri->default_severity == MTL_OFF
                                                ? MTL_WARNING
                                                : ri->default_severity);
    }
    char *err = NULL;
    linter = mtl_linter_new(o, &err);
    mtl_options_free(o);
    FUZZ_CHECK(linter, "cannot build the linter: %s", err ? err : "?");
    for (const char *const *n = mtl_linter_notices(linter); *n; n++)
        fprintf(stderr, "fuzz: %s\n", *n);
    atexit(free_linter);
    mtl_result *r = NULL;
    FUZZ_CHECK(mtl_lint(linter, warm_up, sizeof warm_up - 1, "warm-up.txt",
                        &r) == 0,
               "mtl_lint failed");
    FUZZ_CHECK(mtl_result_count(r) > 0, "no findings in the warm-up text");
    input in = {.path = (char *)"warm-up.txt", .name = (char *)"warm-up.txt",
                .data = (char *)warm_up, .len = sizeof warm_up - 1,
                .result = r};
    check_sarif_once(&in);
    mtl_result_free(r);
    return linter;
}

static char tmpdir[4096];

static void remove_tmpdir(void)
{
    DIR *d = opendir(tmpdir);
    if (d) {
        struct dirent *e;
        char p[sizeof tmpdir + 256];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(p, sizeof p, "%s/%s", tmpdir, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(tmpdir);
}

const char *fuzz_tmpdir(void)
{
    if (tmpdir[0])
        return tmpdir;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/mtlint-fuzz-XXXXXX",
             t && *t ? t : "/tmp");
    FUZZ_CHECK(mkdtemp(tmpdir), "cannot make %s", tmpdir);
    atexit(remove_tmpdir);
    return tmpdir;
}

const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
    static char path[sizeof tmpdir + 256];
    snprintf(path, sizeof path, "%s/%s", fuzz_tmpdir(), name);
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f, "cannot write %s", path);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size && fclose(f) == 0,
               "cannot write %s", path);
    return path;
}

/* ---- spans, lines and columns ------------------------------------------ */

/* Where lines start, by the output contract: a line ends at \n, \r\n or a
 * lone \r, and a final line break starts no line of its own. */
static size_t *line_starts(const char *s, size_t n, size_t *count)
{
    size_t k = 1;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'));
    size_t *ls = xmalloc(k * sizeof *ls);
    size_t m = 0;
    ls[m++] = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
            ls[m++] = i + 1;
    if (m > 1 && ls[m - 1] == n)
        m--;
    *count = m;
    return ls;
}

/* 1 where a position falls inside a well-formed multi-byte character. */
static unsigned char *inside_char(const char *s, size_t n)
{
    unsigned char *in = calloc(n + 1, 1);
    FUZZ_CHECK(in, "out of memory in the fuzz harness");
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = mtl_utf8_next(s, n, i, &c);
        if (c != MTL_BAD_CP)
            for (size_t j = 1; j < k; j++)
                in[i + j] = 1;
        i += k;
    }
    return in;
}

typedef struct position {
    size_t line, column, column_byte;
} position;

static position position_of(const char *s, size_t n, const size_t *ls,
                            size_t n_lines, size_t offset)
{
    size_t lo = 0, hi = n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ls[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    size_t start = ls[lo];
    /* a byte order mark is not a column */
    if (lo == 0 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 && offset >= 3)
        start = 3;
    return (position){lo + 1, 1 + mtl_utf8_count(s + start, offset - start),
                      offset - start + 1};
}

void fuzz_check_spans(const char *data, size_t len, const mtl_result *r)
{
    size_t n_lines;
    size_t *ls = line_starts(data, len, &n_lines);
    unsigned char *in = inside_char(data, len);
    size_t prev = 0;
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        FUZZ_CHECK(f->offset <= len && f->length <= len - f->offset,
                   "finding %zu [%s] at %zu+%zu outside the %zu-byte input", i,
                   f->rule, f->offset, f->length, len);
        FUZZ_CHECK(f->offset >= prev, "findings out of order at %zu", i);
        prev = f->offset;
        FUZZ_CHECK(!in[f->offset] && !in[f->offset + f->length],
                   "finding %zu [%s] at %zu+%zu splits a character", i,
                   f->rule, f->offset, f->length);
        FUZZ_CHECK(mtl_rule_find(f->rule) >= 0, "unknown rule '%s'", f->rule);
        FUZZ_CHECK(f->severity >= MTL_NOTE && f->severity <= MTL_ERROR,
                   "finding %zu: severity %d", i, (int)f->severity);
        FUZZ_CHECK(f->message && f->message[0] && !strpbrk(f->message, "\n\r"),
                   "finding %zu [%s]: empty or multi-line message", i, f->rule);
        for (size_t k = 0; k < f->n_suggestions; k++)
            FUZZ_CHECK(f->suggestions[k], "finding %zu: NULL suggestion", i);
        position s = position_of(data, len, ls, n_lines, f->offset);
        position e = position_of(data, len, ls, n_lines, f->offset + f->length);
        FUZZ_CHECK(f->line == s.line && f->column == s.column &&
                       f->column_byte == s.column_byte,
                   "finding %zu [%s] at %zu: %zu:%zu (byte %zu), expected "
                   "%zu:%zu (byte %zu)",
                   i, f->rule, f->offset, f->line, f->column, f->column_byte,
                   s.line, s.column, s.column_byte);
        FUZZ_CHECK(f->end_line == e.line && f->end_column == e.column &&
                       f->end_column_byte == e.column_byte,
                   "finding %zu [%s] ending at %zu: %zu:%zu (byte %zu), "
                   "expected %zu:%zu (byte %zu)",
                   i, f->rule, f->offset + f->length, f->end_line,
                   f->end_column, f->end_column_byte, e.line, e.column,
                   e.column_byte);
    }
    free(in);
    free(ls);
}

void fuzz_check_equal(const mtl_result *a, const mtl_result *b)
{
    FUZZ_CHECK(mtl_result_count(a) == mtl_result_count(b),
               "%zu findings, then %zu", mtl_result_count(a),
               mtl_result_count(b));
    for (size_t i = 0; i < mtl_result_count(a); i++) {
        const mtl_finding *x = mtl_result_at(a, i), *y = mtl_result_at(b, i);
        FUZZ_CHECK(strcmp(x->rule, y->rule) == 0 && x->severity == y->severity &&
                       x->offset == y->offset && x->length == y->length &&
                       x->line == y->line && x->column == y->column &&
                       x->end_line == y->end_line &&
                       x->end_column == y->end_column &&
                       x->column_byte == y->column_byte &&
                       x->end_column_byte == y->end_column_byte &&
                       strcmp(x->message, y->message) == 0 &&
                       x->n_suggestions == y->n_suggestions,
                   "finding %zu differs: [%s] %zu+%zu '%s', then [%s] %zu+%zu "
                   "'%s'",
                   i, x->rule, x->offset, x->length, x->message, y->rule,
                   y->offset, y->length, y->message);
        for (size_t k = 0; k < x->n_suggestions; k++)
            FUZZ_CHECK(strcmp(x->suggestions[k], y->suggestions[k]) == 0,
                       "finding %zu: suggestion %zu differs", i, k);
    }
}

/* ---- Markdown: where prose cannot be ------------------------------------- */

typedef struct region {
    size_t start, end; /* source bytes [start, end) */
    const char *what;
} region;

typedef struct regions {
    region *items;
    size_t n, cap;
} regions;

static void add_region(regions *rs, size_t start, size_t end, const char *what)
{
    if (end <= start)
        return;
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 16;
        rs->items = realloc(rs->items, rs->cap * sizeof *rs->items);
        FUZZ_CHECK(rs->items, "out of memory in the fuzz harness");
    }
    rs->items[rs->n++] = (region){start, end, what};
}

/* YAML front matter as DESIGN.md defines it: a first line "---", up to a
 * line "---" or "..." (trailing blanks allowed). Its length, or 0. */
static size_t front_matter_end(const char *s, size_t n)
{
    if (n < 4 || memcmp(s, "---", 3) != 0 || (s[3] != '\n' && s[3] != '\r'))
        return 0;
    size_t i = 3;
    for (;;) {
        while (i < n && s[i] != '\n')
            i++;
        if (i >= n)
            return 0;
        i++; /* the start of the next line */
        if (n - i >= 3 && (memcmp(s + i, "---", 3) == 0 ||
                           memcmp(s + i, "...", 3) == 0)) {
            size_t e = i + 3;
            while (e < n && (s[e] == ' ' || s[e] == '\t'))
                e++;
            if (e == n || s[e] == '\n' || s[e] == '\r') {
                while (e < n && s[e] != '\n')
                    e++;
                return e;
            }
        }
    }
}

typedef struct md {
    const char *src;  /* what cmark parsed */
    size_t len;
    size_t *ls;       /* line starts, as cmark counts lines */
    size_t n_lines;
} md;

/* cmark's lines end at \n, \r\n or \r, like the contract's. */
static size_t at(const md *m, int line, int col)
{
    if (line < 1) /* cmark ends some HTML blocks on line 0 */
        return 0;
    if ((size_t)line > m->n_lines)
        return m->len;
    size_t off = m->ls[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
    return off > m->len ? m->len : off;
}

/* The paragraph or heading an inline node is in. */
static cmark_node *leaf_block(cmark_node *n)
{
    for (; n; n = cmark_node_parent(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING)
            return n;
    }
    return NULL;
}

/*
 * Source offset of an inline node's (line, col). cmark counts inline
 * columns on a block's later lines from where the block's first line
 * starts, not from where that line's text starts after the container
 * markers and indentation it strips ("   more" reports column 1): the
 * difference is added back. A line's text starts after spaces, tabs and
 * '>' (a '>' cannot start a continuation line's text: it opens a quote).
 */
static size_t inline_at(const md *m, cmark_node *n, int line, int col)
{
    cmark_node *b = leaf_block(n);
    if (!b || line <= cmark_node_get_start_line(b) || line < 1 ||
        (size_t)line > m->n_lines)
        return at(m, line, col);
    size_t ls = m->ls[line - 1], i = ls;
    while (i < m->len && (m->src[i] == ' ' || m->src[i] == '\t' ||
                          m->src[i] == '>'))
        i++;
    long shift = (long)(i - ls) - (cmark_node_get_start_column(b) - 1);
    long c = (long)col + shift;
    return at(m, line, c < 1 ? 1 : (int)c);
}

/* Is the code span s[a, e) (backticks included) the one whose content
 * cmark gives as lit? cmark's lines are off after a link reference
 * definition (its inline positions count from the paragraph's first line,
 * the definition's), which can pair the wrong backticks. Line endings
 * become spaces, the next line's indentation and quote markers go, and
 * one space each side goes when both are there. */
static int code_gives(const char *s, size_t a, size_t e, const char *lit)
{
    if (!lit)
        return 0;
    size_t k = 0;
    while (a + k < e && s[a + k] == '`')
        k++;
    if (2 * k > e - a)
        return 0;
    char *c = xmalloc(e - a + 1);
    size_t n = 0;
    for (size_t i = a + k; i < e - k;) {
        if (s[i] == '\r' || s[i] == '\n') {
            i += s[i] == '\r' && i + 1 < e - k && s[i + 1] == '\n' ? 2 : 1;
            while (i < e - k && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
                i++;
            c[n++] = ' ';
        } else {
            c[n++] = s[i++];
        }
    }
    c[n] = '\0';
    size_t l = strlen(lit);
    int same = (n == l && memcmp(c, lit, n) == 0) ||
               (n == l + 2 && c[0] == ' ' && c[n - 1] == ' ' &&
                memcmp(c + 1, lit, l) == 0);
    free(c);
    return same;
}

/* Regions where no finding may start, from cmark's parse. Each inline
 * region is kept only when the source there is what the node says (a code
 * span between backticks, raw HTML as its literal, a destination between
 * "](" and ")"), so a column cmark gets wrong cannot raise a false alarm. */
static void code_and_html(const md *m, regions *rs)
{
    cmark_node *doc = cmark_parse_document(m->src, m->len, CMARK_OPT_SOURCEPOS);
    FUZZ_CHECK(doc, "cmark failed");
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    const char *s = m->src;
    size_t open_code = SIZE_MAX; /* the last code block's region */
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        int sl = cmark_node_get_start_line(n), sc = cmark_node_get_start_column(n);
        int el = cmark_node_get_end_line(n), ec = cmark_node_get_end_column(n);
        const char *lit = cmark_node_get_literal(n);
        /* cmark can end a fenced code block that a list item's end closed
         * on the line after it, where the next block starts (" - a" then
         * "   - ~~~" then a tab-indented line: a paragraph of the outer
         * item). The code ends before the line where the next node starts. */
        if (open_code != SIZE_MAX) {
            region *c = &rs->items[open_code];
            size_t a = at(m, sl, 1);
            if (a > c->start && a < c->end)
                c->end = a;
            open_code = SIZE_MAX;
        }
        if (t == CMARK_NODE_CODE_BLOCK) {
            size_t before = rs->n;
            add_region(rs, at(m, sl, sc), at(m, el, ec + 1), "a code block");
            if (rs->n > before)
                open_code = before;
        } else if (t == CMARK_NODE_HTML_BLOCK) {
            size_t a = at(m, sl, sc), e = at(m, el, ec + 1);
            size_t k = lit ? strlen(lit) : 0;
            while (k && (lit[k - 1] == '\n' || lit[k - 1] == '\r'))
                k--;
            /* cmark can end an HTML block before its start; its literal
             * then says how far it goes, from its line's start, since it
             * keeps the indentation the start column is past */
            if (e <= a) {
                size_t l0 = at(m, sl, 1);
                e = l0 + k < m->len ? l0 + k : m->len;
                if (e < a)
                    e = a;
            }
            add_region(rs, a, e, "an HTML block");
        } else if (t == CMARK_NODE_HTML_INLINE && lit) {
            size_t a = inline_at(m, n, sl, sc);
            size_t k = strcspn(lit, "\r\n"); /* its first line */
            if (k && a + k <= m->len && memcmp(s + a, lit, k) == 0)
                add_region(rs, a, a + k, "raw HTML");
        } else if (t == CMARK_NODE_CODE) {
            /* cmark places a code span at its content */
            size_t a = inline_at(m, n, sl, sc), e = inline_at(m, n, el, ec + 1);
            if (a > e || e > m->len)
                continue;
            if (a >= 2 && s[a - 1] == ' ' && s[a - 2] == '`')
                a--;
            while (a > 0 && s[a - 1] == '`')
                a--;
            if (e + 1 < m->len && s[e] == ' ' && s[e + 1] == '`')
                e++;
            while (e < m->len && s[e] == '`')
                e++;
            if (e > a && s[a] == '`' && s[e - 1] == '`' &&
                code_gives(s, a, e, lit))
                add_region(rs, a, e, "a code span");
        } else if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
            /* [text](destination "title"): the part after the text */
            size_t a = inline_at(m, n, sl, sc), e = inline_at(m, n, el, ec);
            cmark_node *last = cmark_node_last_child(n);
            size_t te = last ? inline_at(m, last, cmark_node_get_end_line(last),
                                         cmark_node_get_end_column(last) + 1)
                             : a + (t == CMARK_NODE_IMAGE ? 2 : 1);
            if (e < m->len && s[e] == ')' && te + 1 < e && s[te] == ']' &&
                s[te + 1] == '(')
                add_region(rs, te + 1, e + 1, "a link destination");
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
}

void fuzz_check_markdown(const char *data, size_t len, const mtl_result *r)
{
    if (!mtl_result_count(r))
        return;
    regions rs = {0};
    /* The input as mtlint gives it to cmark (src/text/markdown.c): front
     * matter blanked, NULs and ill-formed UTF-8 one byte each (cmark would
     * widen them to U+FFFD and shift every later column on the line), a
     * letter after a backslash. */
    char *src = xmalloc(len + 1);
    memcpy(src, data, len);
    src[len] = '\0';
    size_t fm = front_matter_end(data, len);
    add_region(&rs, 0, fm, "front matter");
    for (size_t i = 0; i < fm; i++)
        if (src[i] != '\n' && src[i] != '\r')
            src[i] = ' ';
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = mtl_utf8_next(data, len, i, &c);
        if (c == MTL_BAD_CP) {
            memset(src + i, '?', k);
            if (i > 0 && src[i - 1] == '\\')
                src[i] = 'x';
        } else if (c == 0)
            src[i] = ' ';
        i += k;
    }
    md m = {.src = src, .len = len};
    m.ls = line_starts(src, len, &m.n_lines);
    /* cmark counts a final line break's empty line too; harmless here */
    code_and_html(&m, &rs);
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        /* these two report the suppression comments themselves, which are
         * HTML in Markdown */
        if (!strcmp(f->rule, "unused-suppression") ||
            !strcmp(f->rule, "unknown-rule"))
            continue;
        /* nor the file's encoding, which is said of the whole file at its
         * start ("the file looks like UTF-16BE") */
        if (!strcmp(f->rule, "encoding") && f->offset == 0 &&
            strstr(f->message, "UTF-16"))
            continue;
        for (size_t k = 0; k < rs.n; k++)
            FUZZ_CHECK(f->offset < rs.items[k].start ||
                           f->offset >= rs.items[k].end,
                       "finding %zu [%s] '%s' starts at %zu, inside %s "
                       "[%zu, %zu)",
                       i, f->rule, f->message, f->offset, rs.items[k].what,
                       rs.items[k].start, rs.items[k].end);
    }
    free(m.ls);
    free(src);
    free(rs.items);
}

/* ---- reports read back ---------------------------------------------------- */

typedef struct rendered {
    char *text;
    size_t len;
} rendered;

/* The report of one input; begin: with reporter_begin's part (SARIF's
 * tool and rules, which depend on no input). */
static rendered render(const cli_config *cfg, const input *in, int begin)
{
    rendered out = {0};
    FILE *f = open_memstream(&out.text, &out.len);
    FUZZ_CHECK(f, "open_memstream failed");
    reporter *rep = reporter_new(cfg, f);
    FUZZ_CHECK(rep, "no reporter");
    if (begin)
        reporter_begin(rep);
    FUZZ_CHECK(reporter_file(rep, in) == 0, "report write failed");
    FUZZ_CHECK(reporter_end(rep) == 0, "report end failed");
    reporter_free(rep);
    FUZZ_CHECK(fclose(f) == 0, "report close failed");
    return out;
}

/* The text a report quotes for raw bytes: ill-formed UTF-8 as U+FFFD. */
static char *as_valid_utf8(const char *s, size_t n, size_t *out_len)
{
    char *o = xmalloc(3 * n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t step = mtl_utf8_next(s, n, i, &c);
        if (c == MTL_BAD_CP) {
            memcpy(o + k, "\xEF\xBF\xBD", 3);
            k += 3;
        } else {
            memcpy(o + k, s + i, step);
            k += step;
        }
        i += step;
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

static int json_is(const json *v, const char *s)
{
    return v && v->type == JSON_STRING && strlen(s) == v->len &&
           memcmp(v->str, s, v->len) == 0;
}

static int json_num(const json *v, size_t n)
{
    return v && v->type == JSON_NUMBER && v->number == (double)n;
}

static const char *level_name(mtl_severity s)
{
    return s == MTL_ERROR ? "error" : s == MTL_WARNING ? "warning" : "note";
}

static void check_gnu(const input *in, const rendered *out)
{
    const mtl_result *r = in->result;
    const char *p = out->text, *end = out->text + out->len;
    size_t nl = strlen(in->name);
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        FUZZ_CHECK(eol, "gnu: line %zu missing", i + 1);
        char want[128];
        int k = snprintf(want, sizeof want, ":%zu:%zu: %s: ", f->line,
                         f->column, mtl_severity_name(f->severity));
        FUZZ_CHECK((size_t)(eol - p) > nl + (size_t)k &&
                       memcmp(p, in->name, nl) == 0 &&
                       memcmp(p + nl, want, (size_t)k) == 0,
                   "gnu: line %zu does not start '%s%s'", i + 1, in->name,
                   want);
        const char *msg = p + nl + k;
        size_t ml = strlen(f->message), rl = strlen(f->rule);
        FUZZ_CHECK((size_t)(eol - msg) == ml + rl + 3 &&
                       memcmp(msg, f->message, ml) == 0 &&
                       msg[ml] == ' ' && msg[ml + 1] == '[' &&
                       memcmp(msg + ml + 2, f->rule, rl) == 0 &&
                       msg[ml + 2 + rl] == ']',
                   "gnu: line %zu is not '%s [%s]'", i + 1, f->message,
                   f->rule);
        p = eol + 1;
    }
    FUZZ_CHECK(p == end, "gnu: text after the last finding");
}

static void check_json(const input *in, const rendered *out)
{
    const mtl_result *r = in->result;
    const char *p = out->text, *end = out->text + out->len;
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        FUZZ_CHECK(eol, "json: line %zu missing", i + 1);
        json v;
        const char *err = NULL;
        size_t at_byte = 0;
        FUZZ_CHECK(json_parse(p, (size_t)(eol - p), &v, &err, &at_byte) == 0,
                   "json: line %zu: %s at byte %zu", i + 1, err, at_byte);
        const json *sugg = json_get(&v, "suggestions");
        FUZZ_CHECK(json_is(json_get(&v, "file"), in->name) &&
                       json_num(json_get(&v, "line"), f->line) &&
                       json_num(json_get(&v, "column"), f->column) &&
                       json_num(json_get(&v, "end_line"), f->end_line) &&
                       json_num(json_get(&v, "end_column"), f->end_column) &&
                       json_num(json_get(&v, "offset"), f->offset) &&
                       json_num(json_get(&v, "length"), f->length) &&
                       json_is(json_get(&v, "rule"), f->rule) &&
                       json_is(json_get(&v, "severity"),
                               mtl_severity_name(f->severity)) &&
                       json_is(json_get(&v, "message"), f->message) && sugg &&
                       sugg->type == JSON_ARRAY &&
                       sugg->n == f->n_suggestions && v.n == 11,
                   "json: line %zu does not give finding %zu ([%s] '%s')",
                   i + 1, i, f->rule, f->message);
        for (size_t k = 0; k < f->n_suggestions; k++)
            FUZZ_CHECK(json_is(json_at(sugg, k), f->suggestions[k]),
                       "json: line %zu: suggestion %zu", i + 1, k);
        json_free(&v);
        p = eol + 1;
    }
    FUZZ_CHECK(p == end, "json: text after the last finding");
}

static void check_sarif_result(const input *in, const json *res,
                               const mtl_finding *f, size_t i)
{
    const json *loc = json_get(json_at(json_get(res, "locations"), 0),
                               "physicalLocation");
    const json *reg = json_get(loc, "region");
    FUZZ_CHECK(json_is(json_get(res, "ruleId"), f->rule) &&
                   json_num(json_get(res, "ruleIndex"),
                            (size_t)mtl_rule_find(f->rule)) &&
                   json_is(json_get(res, "level"), level_name(f->severity)) &&
                   json_is(json_get(json_get(res, "message"), "text"),
                           f->message) &&
                   json_is(json_get(json_get(loc, "artifactLocation"), "uri"),
                           in->name) &&
                   json_num(json_get(reg, "startLine"), f->line) &&
                   json_num(json_get(reg, "startColumn"), f->column) &&
                   json_num(json_get(reg, "endLine"), f->end_line) &&
                   json_num(json_get(reg, "endColumn"), f->end_column) &&
                   json_num(json_get(reg, "byteOffset"), f->offset) &&
                   json_num(json_get(reg, "byteLength"), f->length),
               "sarif: result %zu does not give finding %zu ([%s] '%s')", i, i,
               f->rule, f->message);
    size_t sn;
    char *snippet = as_valid_utf8(in->data + f->offset, f->length, &sn);
    const json *st = json_get(json_get(reg, "snippet"), "text");
    FUZZ_CHECK(st && st->type == JSON_STRING && st->len == sn &&
                   memcmp(st->str, snippet, sn) == 0,
               "sarif: result %zu: snippet is not the flagged text", i);
    free(snippet);
    const json *fixes = json_get(res, "fixes");
    FUZZ_CHECK(f->n_suggestions ? fixes && fixes->n == f->n_suggestions : !fixes,
               "sarif: result %zu: %zu fixes for %zu suggestions", i,
               fixes ? fixes->n : 0, f->n_suggestions);
    for (size_t k = 0; k < f->n_suggestions; k++) {
        const json *fix = json_at(fixes, k);
        const json *rep = json_at(json_get(json_at(json_get(fix, "artifactChanges"),
                                                   0),
                                           "replacements"),
                                  0);
        const json *del = json_get(rep, "deletedRegion");
        FUZZ_CHECK(json_is(json_get(json_get(fix, "description"), "text"),
                           f->suggestions[k]) &&
                       json_is(json_get(json_get(rep, "insertedContent"), "text"),
                               f->suggestions[k]) &&
                       json_num(json_get(del, "byteOffset"), f->offset) &&
                       json_num(json_get(del, "byteLength"), f->length),
                   "sarif: result %zu: fix %zu is not suggestion '%s'", i, k,
                   f->suggestions[k]);
    }
}

static void check_sarif_results(const input *in, const json *results)
{
    FUZZ_CHECK(results && results->type == JSON_ARRAY &&
                   results->n == mtl_result_count(in->result),
               "sarif: not %zu results", mtl_result_count(in->result));
    for (size_t i = 0; i < results->n; i++)
        check_sarif_result(in, json_at(results, i),
                           mtl_result_at(in->result, i), i);
}

/* A whole SARIF log: one run, the rules, the results. */
static void check_sarif(const input *in, const rendered *out)
{
    json v;
    const char *err = NULL;
    size_t at_byte = 0;
    FUZZ_CHECK(json_parse(out->text, out->len, &v, &err, &at_byte) == 0,
               "sarif: %s at byte %zu", err, at_byte);
    const json *run = json_at(json_get(&v, "runs"), 0);
    const json *rules = json_get(json_get(json_get(run, "tool"), "driver"),
                                 "rules");
    FUZZ_CHECK(json_is(json_get(&v, "version"), "2.1.0") && rules &&
                   rules->n == mtl_rule_count(),
               "sarif: not one run with the rules");
    check_sarif_results(in, json_get(run, "results"));
    json_free(&v);
}

/* What a SARIF log ends with after its results, for a run without errors. */
static const char sarif_tail[] =
    "],\"invocations\":[{\"executionSuccessful\":true}]}]}\n";

/* The results of a SARIF log rendered without reporter_begin's part: the
 * results array's items, then the tail. */
static void check_sarif_body(const input *in, const rendered *out)
{
    size_t tl = sizeof sarif_tail - 1;
    FUZZ_CHECK(out->len >= tl &&
                   memcmp(out->text + out->len - tl, sarif_tail, tl) == 0,
               "sarif: the log does not end as a successful run's");
    size_t n = out->len - tl;
    char *arr = xmalloc(n + 2);
    arr[0] = '[';
    memcpy(arr + 1, out->text, n);
    arr[n + 1] = ']';
    json v;
    const char *err = NULL;
    size_t at_byte = 0;
    FUZZ_CHECK(json_parse(arr, n + 2, &v, &err, &at_byte) == 0,
               "sarif: results: %s at byte %zu", err, at_byte);
    check_sarif_results(in, &v);
    json_free(&v);
    free(arr);
}

/* The SARIF log of one lint, whole: read back in full, and equal to
 * reporter_begin's part followed by what the report of the same findings
 * is without it. Once is enough, since that part depends on no input;
 * fuzz_check_reports then renders and reads only the results (reading
 * the rules' documentation back took most of each input's time). */
static void check_sarif_once(const input *in)
{
    cli_config cfg = {.format = FMT_SARIF};
    rendered whole = render(&cfg, in, 1), body = render(&cfg, in, 0);
    check_sarif(in, &whole);
    check_sarif_body(in, &body);
    FUZZ_CHECK(whole.len > body.len &&
                   memcmp(whole.text + whole.len - body.len, body.text,
                          body.len) == 0,
               "sarif: the log is not its header and then its results");
    free(whole.text);
    free(body.text);
}

void fuzz_check_reports(const char *name, const char *data, size_t len,
                        mtl_result *r)
{
    /* the reporters read the input as the command line keeps it */
    input in = {.path = (char *)name, .name = (char *)name,
                .data = (char *)data, .len = len, .result = r};
    static const out_format formats[] = {FMT_GNU, FMT_JSON, FMT_SARIF,
                                         FMT_PRETTY};
    for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
        cli_config cfg = {.format = formats[k], .color = k == 3};
        rendered out = render(&cfg, &in, 0);
        if (formats[k] == FMT_GNU)
            check_gnu(&in, &out);
        else if (formats[k] == FMT_JSON)
            check_json(&in, &out);
        else if (formats[k] == FMT_SARIF)
            check_sarif_body(&in, &out);
        free(out.text);
    }
}

/* ---- the whole check ------------------------------------------------------ */

/* One input in four, chosen by its bytes (so a reproducer repeats it), is
 * linted a second time to check the findings are the same: linting took
 * nine tenths of each input's time, and a difference (a cache or an
 * uninitialised read) shows on any input that reaches it. */
static int check_twice(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return (h & 3) == 0;
}

void fuzz_lint_checked(const char *name, int markdown, const uint8_t *data,
                       size_t size)
{
    const mtl_linter *l = fuzz_linter();
    const char *text = (const char *)data;
    mtl_result *r = NULL, *again = NULL;
    /* only running out of memory may fail, and the harness has memory */
    FUZZ_CHECK(mtl_lint(l, text, size, name, &r) == 0, "mtl_lint failed");
    fuzz_check_spans(text, size, r);
    if (markdown)
        fuzz_check_markdown(text, size, r);
    if (check_twice(data, size)) {
        FUZZ_CHECK(mtl_lint(l, text, size, name, &again) == 0,
                   "mtl_lint failed");
        fuzz_check_equal(r, again);
        mtl_result_free(again);
    }
    fuzz_check_reports(name, text, size, r);
    mtl_result_free(r);
}
