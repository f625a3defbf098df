/*
 * Reporters: gnu, pretty, json (JSON Lines) and sarif. Every format prints
 * the same findings with the same positions (DESIGN.md, output contract).
 * SARIF is streamed: the rule list is known before the first file, so the
 * document is written as findings arrive and closed by reporter_end.
 */
#include "baseline.h"
#include "cli.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct reporter {
    const cli_config *cfg;
    FILE *out;
    size_t n_results;
    mtl_sb notes; /* SARIF notifications of files not linted, written at the end */
    size_t n_notes;
    int failed;   /* a file could not be read or linted */
};

reporter *reporter_new(const cli_config *cfg, FILE *out)
{
    reporter *r = calloc(1, sizeof *r);
    if (r) {
        r->cfg = cfg;
        r->out = out;
    }
    return r;
}

void reporter_free(reporter *r)
{
    if (r)
        mtl_sb_free(&r->notes);
    free(r);
}

static void uri(FILE *o, const char *path);
static void json_cstr(FILE *out, const char *s);

/* A file that could not be linted: SARIF records it in the invocation
 * (other formats say it on stderr only, as main.c does). */
void reporter_error(reporter *r, const input *in, const char *why)
{
    r->failed = 1;
    if (r->cfg->format != FMT_SARIF)
        return;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return;
    fprintf(m, "%s{\"level\":\"error\",\"message\":{\"text\":", r->n_notes ? "," : "");
    json_cstr(m, why);
    fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", m);
    uri(m, in->name);
    fputs("}}}]}", m);
    if (fclose(m) == 0) {
        mtl_sb_add(&r->notes, buf, len);
        r->n_notes++;
    }
    free(buf);
}

void json_string(FILE *out, const char *s, size_t n)
{
    putc('"', out);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = mtl_utf8_next(s, n, i, &c);
        if (c == MTL_BAD_CP) {
            fputs("\\ufffd", out);
        } else if (c == '"' || c == '\\') {
            putc('\\', out);
            putc((int)c, out);
        } else if (c == '\n') {
            fputs("\\n", out);
        } else if (c == '\r') {
            fputs("\\r", out);
        } else if (c == '\t') {
            fputs("\\t", out);
        } else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
            fprintf(out, "\\u%04" PRIx32, c);
        } else {
            fwrite(s + i, 1, k, out);
        }
        i += k;
    }
    putc('"', out);
}

static void json_cstr(FILE *out, const char *s) { json_string(out, s, strlen(s)); }

static size_t col(const reporter *r, const mtl_finding *f)
{
    return r->cfg->column_bytes ? f->column_byte : f->column;
}

/* ---- gnu and pretty -------------------------------------------------- */

/* File names and messages go on one line: a newline in a file name would
 * make a second, bogus diagnostic for the editor. */
static void put_oneline(FILE *out, const char *s)
{
    for (; *s; s++)
        putc(*s == '\n' || *s == '\r' ? '?' : *s, out);
}

static const char *sev_color(mtl_severity s)
{
    return s == MTL_ERROR ? "\033[1;31m" : s == MTL_WARNING ? "\033[1;35m"
                                                            : "\033[1;36m";
}

static void gnu_line(reporter *r, const input *in, const mtl_finding *f)
{
    FILE *o = r->out;
    int c = r->cfg->format == FMT_PRETTY && r->cfg->color;
    if (c)
        fputs("\033[1m", o);
    put_oneline(o, in->name);
    fprintf(o, ":%zu:%zu:", f->line, col(r, f));
    if (c)
        fprintf(o, "\033[0m %s%s:\033[0m ", sev_color(f->severity),
                mtl_severity_name(f->severity));
    else
        fprintf(o, " %s: ", mtl_severity_name(f->severity));
    put_oneline(o, f->message);
    fprintf(o, " [%s]\n", f->rule);
}

/* The source line with the span underlined. A long line is cut to a window
 * around the span, and only the window is read, so that each finding on a
 * 10 MB line costs a screen line, not a pass over the line. */
static void pretty_source(reporter *r, const input *in, const mtl_finding *f)
{
    enum { WIDTH = 100 };
    FILE *o = r->out;
    const char *t = in->data;
    size_t len = in->len;
    size_t ls = f->offset - (f->column_byte - 1);
    size_t span_end = f->offset + f->length;
    /* window start: up to WIDTH/3 code points before the span */
    size_t ws = f->offset, back = 0;
    while (ws > ls && back < WIDTH / 3) {
        ws = mtl_utf8_prev(t, ws);
        back++;
    }
    size_t we = ws, cps = 0;
    while (we < len && t[we] != '\n' && t[we] != '\r' &&
           (cps < WIDTH || we < span_end) && cps < 4 * WIDTH) {
        uint32_t c;
        we += mtl_utf8_next(t, len, we, &c);
        cps++;
    }
    int cut = we < len && t[we] != '\n' && t[we] != '\r';
    fputs("    ", o);
    if (ws > ls)
        fputs("\xE2\x80\xA6", o);
    for (size_t i = ws; i < we;) {
        uint32_t c;
        size_t k = mtl_utf8_next(t, we, i, &c);
        if (c == MTL_BAD_CP)
            fputs("\xEF\xBF\xBD", o);
        else if (c == '\t')
            putc('\t', o);
        else if (c < 0x20 || c == 0x7F)
            putc(' ', o);
        else
            fwrite(t + i, 1, k, o);
        i += k;
    }
    if (cut)
        fputs("\xE2\x80\xA6", o);
    putc('\n', o);
    fputs("    ", o);
    if (ws > ls)
        putc(' ', o);
    for (size_t i = ws; i < f->offset && i < we;) {
        uint32_t c;
        i += mtl_utf8_next(t, we, i, &c);
        putc(c == '\t' ? '\t' : ' ', o);
    }
    int c = r->cfg->color;
    if (c)
        fputs(sev_color(f->severity), o);
    putc('^', o);
    size_t i = f->offset;
    if (i < we) {
        uint32_t cp;
        i += mtl_utf8_next(t, we, i, &cp);
    }
    while (i < span_end && i < we) {
        uint32_t cp;
        i += mtl_utf8_next(t, we, i, &cp);
        putc('~', o);
    }
    if (c)
        fputs("\033[0m", o);
    putc('\n', o);
    if (f->n_suggestions) {
        fputs("    suggestion: ", o);
        for (size_t k = 0; k < f->n_suggestions && k < 5; k++)
            fprintf(o, "%s'%s'", k ? ", " : "", f->suggestions[k]);
        putc('\n', o);
    }
}

/* ---- json ------------------------------------------------------------ */

void json_finding_fields(FILE *o, const mtl_finding *f, int column_bytes)
{
    fprintf(o,
            "\"line\":%zu,\"column\":%zu,\"end_line\":%zu,\"end_column\":%zu,"
            "\"offset\":%zu,\"length\":%zu,\"rule\":",
            f->line, column_bytes ? f->column_byte : f->column, f->end_line,
            column_bytes ? f->end_column_byte : f->end_column, f->offset, f->length);
    json_cstr(o, f->rule);
    fprintf(o, ",\"severity\":\"%s\",\"message\":", mtl_severity_name(f->severity));
    json_cstr(o, f->message);
    fputs(",\"suggestions\":[", o);
    for (size_t k = 0; k < f->n_suggestions; k++) {
        if (k)
            putc(',', o);
        json_cstr(o, f->suggestions[k]);
    }
    putc(']', o);
}

static void json_finding(reporter *r, const input *in, const mtl_finding *f)
{
    fputs("{\"file\":", r->out);
    json_cstr(r->out, in->name);
    putc(',', r->out);
    json_finding_fields(r->out, f, r->cfg->column_bytes);
    fputs("}\n", r->out);
}

/* ---- sarif ----------------------------------------------------------- */

/* A relative URI reference for a path: unreserved characters and '/' stay,
 * everything else is percent-encoded. */
static void uri(FILE *o, const char *path)
{
    putc('"', o);
    if (path[0] == '/')
        fputs("file://", o);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            putc(*p, o);
        else
            fprintf(o, "%%%02X", *p);
    }
    putc('"', o);
}

/* Pascal-case name for a rule id: repeated-word -> RepeatedWord. */
static void rule_name(FILE *o, const char *id)
{
    putc('"', o);
    int up = 1;
    for (const char *p = id; *p; p++) {
        if (*p == '-') {
            up = 1;
            continue;
        }
        putc(up && *p >= 'a' && *p <= 'z' ? *p - 32 : *p, o);
        up = 0;
    }
    putc('"', o);
}

static const char *sarif_level(mtl_severity s)
{
    return s == MTL_ERROR ? "error" : s == MTL_WARNING ? "warning" : "note";
}

#ifndef MTL_DOCDIR
#define MTL_DOCDIR "/usr/local/share/doc/mtlint"
#endif

/* fullDescription and help from the rule's documentation (explain.c);
 * helpUri is the rule's section of the installed rules.md, as the
 * language server links it. */
static void sarif_rule_doc(FILE *o, const mtl_rule_info *ri)
{
    char help_uri[512];
    snprintf(help_uri, sizeof help_uri, "file://%s/rules.md#%s", MTL_DOCDIR, ri->id);
    fputs("},\"helpUri\":", o);
    json_cstr(o, help_uri);
    fputs(",\"fullDescription\":{\"text\":", o);
    json_cstr(o, ri->finds);
    fputs("},\"help\":{\"text\":", o);
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (m) {
        rule_doc_print(m, ri);
        if (fclose(m) == 0)
            json_string(o, text, len);
        else
            json_cstr(o, ri->why);
    } else {
        json_cstr(o, ri->why);
    }
    free(text);
}

static void sarif_begin(reporter *r)
{
    FILE *o = r->out;
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
          "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
          "\"name\":\"mtlint\",\"version\":\"" MTLINT_VERSION "\","
          "\"semanticVersion\":\"" MTLINT_VERSION "\",\"rules\":[",
          o);
    for (size_t i = 0; i < mtl_rule_count(); i++) {
        const mtl_rule_info *ri = mtl_rule_at(i);
        fprintf(o, "%s{\"id\":", i ? "," : "");
        json_cstr(o, ri->id);
        fputs(",\"name\":", o);
        rule_name(o, ri->id);
        fputs(",\"shortDescription\":{\"text\":", o);
        json_cstr(o, ri->summary);
        sarif_rule_doc(o, ri);
        fprintf(o, "},\"defaultConfiguration\":{\"level\":\"%s\"}}",
                ri->default_severity == MTL_OFF
                    ? "none"
                    : sarif_level(ri->default_severity));
    }
    fputs("]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[", o);
}

static void sarif_finding(reporter *r, const input *in, const mtl_finding *f)
{
    FILE *o = r->out;
    if (r->n_results++)
        putc(',', o);
    fputs("{\"ruleId\":", o);
    json_cstr(o, f->rule);
    int idx = mtl_rule_find(f->rule);
    if (idx >= 0)
        fprintf(o, ",\"ruleIndex\":%d", idx);
    fprintf(o, ",\"level\":\"%s\",\"message\":{\"text\":", sarif_level(f->severity));
    json_cstr(o, f->message);
    fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", o);
    uri(o, in->name);
    fprintf(o,
            "},\"region\":{\"startLine\":%zu,\"startColumn\":%zu,"
            "\"endLine\":%zu,\"endColumn\":%zu,\"byteOffset\":%zu,"
            "\"byteLength\":%zu,\"snippet\":{\"text\":",
            f->line, f->column, f->end_line, f->end_column,
            f->offset, f->length);
    json_string(o, in->data + f->offset, f->length);
    fprintf(o, "}}}}],\"partialFingerprints\":{\"mtlintSpan/v1\":\"%016" PRIx64
               "\"}",
            finding_fingerprint(in, f));
    if (f->n_suggestions) {
        fputs(",\"fixes\":[", o);
        for (size_t k = 0; k < f->n_suggestions; k++) {
            fprintf(o, "%s{\"description\":{\"text\":", k ? "," : "");
            json_cstr(o, f->suggestions[k]);
            fputs("},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":", o);
            uri(o, in->name);
            fprintf(o,
                    "},\"replacements\":[{\"deletedRegion\":{\"byteOffset\":%zu,"
                    "\"byteLength\":%zu},\"insertedContent\":{\"text\":",
                    f->offset, f->length);
            json_cstr(o, f->suggestions[k]);
            fputs("}}]}]}", o);
        }
        putc(']', o);
    }
    putc('}', o);
}

/* ---- dispatch -------------------------------------------------------- */

void reporter_begin(reporter *r)
{
    if (r->cfg->format == FMT_SARIF)
        sarif_begin(r);
}

/* The errno of a failed write on out, or 0. stdio keeps the error flag;
 * errno still holds the cause right after the call that failed. */
static int write_error(FILE *out)
{
    return ferror(out) ? (errno ? errno : EIO) : 0;
}

int reporter_file(reporter *r, const input *in)
{
    size_t n = mtl_result_count(in->result);
    for (size_t i = 0; i < n; i++) {
        const mtl_finding *f = mtl_result_at(in->result, i);
        switch (r->cfg->format) {
        case FMT_GNU:
            gnu_line(r, in, f);
            break;
        case FMT_PRETTY:
            gnu_line(r, in, f);
            pretty_source(r, in, f);
            break;
        case FMT_JSON:
            json_finding(r, in, f);
            break;
        case FMT_SARIF:
            sarif_finding(r, in, f);
            break;
        case FMT_GITHUB:
            github_finding(r->out, in->name, f);
            break;
        }
        if (ferror(r->out))
            return write_error(r->out);
    }
    /* Per file, so that a reader sees each file's findings as it is done,
     * in order with the error messages on stderr. */
    if (n && fflush(r->out) != 0)
        return write_error(r->out);
    return 0;
}

int reporter_end(reporter *r)
{
    if (r->cfg->format == FMT_SARIF) {
        fprintf(r->out, "],\"invocations\":[{\"executionSuccessful\":%s",
                r->failed ? "false" : "true");
        if (r->n_notes) {
            fputs(",\"toolExecutionNotifications\":[", r->out);
            fwrite(r->notes.data, 1, r->notes.len, r->out);
            putc(']', r->out);
        }
        fputs("}]}]}\n", r->out);
    }
    if (fflush(r->out) != 0 || ferror(r->out))
        return write_error(r->out);
    return 0;
}
