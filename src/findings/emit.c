#include "findings/emit.h"

#include "base/buf.h"
#include "findings/result.h"
#include "findings/rule.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Messages go on one line in every format and must be valid UTF-8 for JSON
 * and SARIF, whatever bytes the quoted text had. */
static char *clean(const char *s, size_t n)
{
    mtl_sb sb = {0};
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = mtl_utf8_next(s, n, i, &c);
        if (c == MTL_BAD_CP)
            mtl_sb_adds(&sb, "\xEF\xBF\xBD");
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) ||
                 c == 0x2028 || c == 0x2029)
            mtl_sb_addc(&sb, ' ');
        else
            mtl_sb_add(&sb, s + i, k);
        i += k;
    }
    return mtl_sb_take(&sb);
}

__attribute__((format(printf, 6, 0)))
static void report(mtl_emit *e, size_t start, size_t end,
                   const char *const *sugg, size_t n_sugg, const char *fmt,
                   va_list ap)
{
    if (end < start)
        end = start;
    mtl_sb sb = {0};
    mtl_sb_vprintf(&sb, fmt, ap);
    char *raw = mtl_sb_take(&sb);
    char *msg = raw ? clean(raw, strlen(raw)) : NULL;
    free(raw);
    char **copies = NULL;
    size_t kept = 0;
    if (n_sugg) {
        copies = calloc(n_sugg, sizeof *copies);
        for (size_t i = 0; copies && i < n_sugg; i++) {
            copies[kept] = clean(sugg[i], strlen(sugg[i]));
            if (copies[kept])
                kept++;
        }
    }
    if (kept < n_sugg) {
        /* a finding without its suggestions would pass for complete */
        for (size_t i = 0; i < kept; i++)
            free(copies[i]);
        free(copies);
        free(msg);
        mtl_emit_oom(e);
        return;
    }
    mtl_result_add(e->out, e->rule->info.id, e->severity, start, end - start,
                   msg, copies, kept);
}

void mtl_emit_oom(mtl_emit *e)
{
    e->out->failed = 1;
}

void mtl_report(mtl_emit *e, size_t start, size_t end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(e, start, end, NULL, 0, fmt, ap);
    va_end(ap);
}

void mtl_report_fix(mtl_emit *e, size_t start, size_t end,
                    const char *const *suggestions, size_t n_suggestions,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(e, start, end, suggestions, n_suggestions, fmt, ap);
    va_end(ap);
}

/* Copies up to max bytes of whole code points from s[i..n) into out. */
static size_t copy_cps(const char *s, size_t i, size_t n, char *out,
                       size_t max)
{
    size_t o = 0;
    while (i < n) {
        uint32_t c;
        size_t k = mtl_utf8_next(s, n, i, &c);
        if (o + k > max)
            break;
        if (c == '\n' || c == '\r' || c == '\t')
            out[o++] = ' ', i += k;
        else {
            memcpy(out + o, s + i, k);
            o += k, i += k;
        }
    }
    return o;
}

const char *mtl_excerpt(const mtl_doc *doc, size_t start, size_t end, char *buf,
                        size_t size)
{
    static const char ell[] = "\xE2\x80\xA6"; /* … */
    if (!size)
        return buf;
    if (end > doc->len)
        end = doc->len;
    if (start > end)
        start = end;
    size_t n = end - start, o;
    const char *s = doc->text;
    if (n < size) {
        o = copy_cps(s, start, end, buf, size - 1);
    } else {
        /* head … tail, each about half of the room */
        size_t half = (size - 1 - 3) / 2;
        o = copy_cps(s, start, end, buf, half);
        memcpy(buf + o, ell, 3);
        o += 3;
        size_t t = end - half;
        while (t < end && ((unsigned char)s[t] & 0xC0) == 0x80)
            t++;
        o += copy_cps(s, t, end, buf + o, size - 1 - o);
    }
    buf[o] = '\0';
    return buf;
}
