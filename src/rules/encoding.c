/*
 * encoding: bytes that are not the text they should be. Translation
 * pipelines copy text through tools with different ideas of its encoding,
 * and leave:
 *
 *     "caf\xE9"           invalid UTF-8 byte 0xE9 (a Latin-1 file)
 *     "donâ€™t"           mojibake: UTF-8 read as Windows-1252, meant "don’t"
 *     "text lost � here"  U+FFFD: a converter already gave up
 *     "cease\u200Bfire"   a zero-width space inside a word
 *
 * plus NUL and other control characters, a byte order mark in the middle of
 * the text, and bidirectional controls inside a word. Invisible characters
 * are only flagged between two letters of an alphabet that spaces its words
 * (Latin, Greek, Cyrillic, Armenian): ZWJ in emoji, ZWNJ in Persian and ZWSP
 * in Thai are correct. The rule reads the bytes, not the tokens, in one linear pass.
 * Findings that can come in thousands (invalid bytes, control characters,
 * U+FFFD) are reported once per line, and at most MAX_REPORTS times each.
 * One rule in one file, longer than most: the mojibake repair (reversing
 * the Windows-1252 mis-decoding) is what makes its findings actionable.
 */
#include "findings/rule.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

enum { MAX_REPORTS = 100 };

/* What Windows-1252 maps bytes 0x80-0x9F to, read from ICU's converter
 * once; the rest of the upper half is Latin-1 in both encodings. */
typedef struct enc_state {
    uint32_t high[32];
    uint32_t lo, hi;   /* the range of high[] beyond U+00FF */
} enc_state;

static int init(const mtl_options *opts, void **state, char **error)
{
    (void)opts;
    enc_state *s = calloc(1, sizeof *s);
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open("windows-1252", &st);
    if (!s || U_FAILURE(st)) {
        if (cnv)
            ucnv_close(cnv);
        *error = strdup(s ? "encoding: ICU has no windows-1252 converter"
                          : "encoding: out of memory");
        free(s);
        return -1;
    }
    for (unsigned b = 0; b < 32; b++) {
        char byte = (char)(0x80 + b);
        UChar u[4];
        UErrorCode e = U_ZERO_ERROR;
        int32_t n = ucnv_toUChars(cnv, u, 4, &byte, 1, &e);
        /* An unassigned byte reads as itself, the way Latin-1 would. */
        s->high[b] = U_SUCCESS(e) && n == 1 && u[0] != 0xFFFD && u[0] != 0x1A
                         ? u[0]
                         : 0x80 + b;
    }
    ucnv_close(cnv);
    s->lo = UINT32_MAX;
    for (unsigned b = 0; b < 32; b++) {
        if (s->high[b] > 0xFF && s->high[b] < s->lo)
            s->lo = s->high[b];
        if (s->high[b] > 0xFF && s->high[b] > s->hi)
            s->hi = s->high[b];
    }
    *state = s;
    return 0;
}

static void fini(void *state)
{
    free(state);
}

/* The byte a legacy decoder turned into c, or -1. */
static int byte_of(const enc_state *s, uint32_t c)
{
    if (c >= 0x80 && c <= 0xFF)
        return (int)c;
    if (c < s->lo || c > s->hi)
        return -1;
    for (int b = 0; b < 32; b++)
        if (s->high[b] == c)
            return 0x80 + b;
    return -1;
}

/* ---- mojibake ---------------------------------------------------------- */

/* Is c something that UTF-8 text often holds, so that one mis-decoded
 * character is evidence enough: Latin-1 and Latin Extended-A letters, the
 * Romanian comma letters, accents, Greek, super- and subscripts,
 * punctuation, currency, symbols and emoji. Anything else must come in a
 * run of two or more: "PELÉ…" is a name, not "PɅ". */
static int common_target(uint32_t c)
{
    return (c >= 0xA0 && c <= 0x17F) || (c >= 0x218 && c <= 0x21B) ||
           (c >= 0x2C0 && c <= 0x3FF) || (c >= 0x1D00 && c <= 0x1DBF) ||
           (c >= 0x2070 && c <= 0x209F) ||
           (c >= 0x2000 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF) ||
           (c >= 0x2100 && c <= 0x21FF) || (c >= 0x2500 && c <= 0x27BF) ||
           (c >= 0x1F000 && c <= 0x1FAFF);
}

typedef struct moji {
    size_t end;       /* end of the run in the text */
    size_t n_chars;   /* characters it repairs to */
    int common;       /* every one of them is a common_target */
    int latin1;       /* it used C1 controls: read as Latin-1 */
} moji;

/* One mis-decoded UTF-8 character at s[i]: a lead byte and its
 * continuation bytes, each shown as one Windows-1252 or Latin-1 character.
 * Returns its end and the character meant in *repaired, or 0. */
static size_t moji_char(const enc_state *st, const char *s, size_t n, size_t i,
                        uint32_t *repaired, int *latin1)
{
    unsigned char bytes[4];
    size_t want = 0, at = i;
    for (size_t k = 0; k < 4 && at < n; k++) {
        uint32_t c;
        size_t len = mtl_utf8_next(s, n, at, &c);
        int b = c == MTL_BAD_CP ? -1 : byte_of(st, c);
        if (b < 0)
            return 0;
        if (k == 0) {
            want = b >= 0xC2 && b <= 0xDF   ? 2
                   : b >= 0xE0 && b <= 0xEF ? 3
                   : b >= 0xF0 && b <= 0xF4 ? 4
                                            : 0;
            if (!want)
                return 0;
        } else if (b < 0x80 || b > 0xBF) {
            return 0;
        }
        if (c >= 0x80 && c <= 0x9F)
            *latin1 = 1;
        bytes[k] = (unsigned char)b;
        at += len;
        if (k + 1 == want) {
            uint32_t cp;
            if (mtl_utf8_next((const char *)bytes, want, 0, &cp) != want ||
                cp == MTL_BAD_CP)
                return 0;
            *repaired = cp;
            return at;
        }
    }
    return 0;
}

/* A run of mis-decoded characters at s[i], repaired into out when it is
 * convincing. Returns the run (end 0 when there is none). */
static moji moji_run(const enc_state *st, const char *s, size_t n, size_t i,
                     mtl_sb *out)
{
    moji m = {.end = 0, .common = 1};
    size_t at = i, mark = out ? out->len : 0;
    for (;;) {
        uint32_t cp;
        int l1 = 0;
        size_t e = moji_char(st, s, n, at, &cp, &l1);
        if (!e)
            break;
        /* A C1 control is never what the text meant. */
        if (cp < 0xA0)
            break;
        m.n_chars++;
        m.common &= common_target(cp);
        m.latin1 |= l1;
        if (out) {
            char enc[4];
            mtl_sb_add(out, enc, mtl_utf8_put(cp, enc));
        }
        at = e;
    }
    if (m.n_chars == 0 || (m.n_chars == 1 && !m.common)) {
        if (out && out->data) {
            out->len = mark;
            out->data[mark] = '\0';
        }
        m.n_chars = 0;
        return m;
    }
    m.end = at;
    return m;
}

/* Repairs every run in s[0..n) into out; returns the number of runs. */
static size_t repair_all(const enc_state *st, const char *s, size_t n,
                         mtl_sb *out)
{
    size_t runs = 0;
    for (size_t i = 0; i < n;) {
        moji m = moji_run(st, s, n, i, out);
        if (m.end) {
            runs++;
            i = m.end;
            continue;
        }
        mtl_sb_add(out, s + i, 1);
        i++;
    }
    return runs;
}

/* s[0..n) repaired, and repaired again while the result is itself
 * mojibake: text that went through the mis-decoding twice. Malloc'd, or
 * NULL when out of memory. */
static char *repair(const enc_state *st, const char *s, size_t n)
{
    mtl_sb fix = {0};
    repair_all(st, s, n, &fix);
    for (int round = 0; round < 2 && !fix.failed; round++) {
        mtl_sb again = {0};
        size_t runs = repair_all(st, fix.data, fix.len, &again);
        if (again.failed) { /* not a repair that stopped half way */
            mtl_sb_free(&again);
            mtl_sb_free(&fix);
            return NULL;
        }
        if (!runs) {
            mtl_sb_free(&again);
            break;
        }
        mtl_sb_free(&fix);
        fix = again;
    }
    return mtl_sb_take(&fix);
}

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int word_byte(unsigned char c)
{
    return c >= 0x80 || ascii_alnum(c) || c == '\'' || c == '-';
}

/* ---- reporting with caps ------------------------------------------- */

enum kind { K_INVALID, K_CONTROL, K_FFFD, K_MOJIBAKE, K_INVISIBLE, N_KINDS };

static const char *const kind_name[N_KINDS] = {
    "lines with invalid UTF-8", "lines with control characters",
    "lines with replacement characters", "mojibake findings",
    "invisible characters"};

typedef struct cap {
    size_t reported, skipped;
    size_t first_start, first_end; /* the first one not reported */
} cap;

/* Counts a finding; returns 1 if it may be reported. */
static int take(cap *c, size_t start, size_t end)
{
    if (c->reported < MAX_REPORTS) {
        c->reported++;
        return 1;
    }
    if (!c->skipped++)
        c->first_start = start, c->first_end = end;
    return 0;
}

/* A run of one kind of trouble on a line: the first run, and how many more
 * of the same kind the line holds. */
typedef struct line_run {
    size_t start, end, more;
    int seen;
} line_run;

static void note(line_run *r, size_t start, size_t end)
{
    if (!r->seen) {
        r->seen = 1;
        r->start = start, r->end = end;
    } else {
        r->more++;
    }
}

typedef struct scan {
    const mtl_doc *doc;
    const enc_state *st;
    mtl_emit *out;
    cap caps[N_KINDS];
} scan;

static void more_suffix(char *buf, size_t size, size_t more)
{
    if (more)
        snprintf(buf, size, "; %zu more on this line", more);
    else
        buf[0] = '\0';
}

static void report_invalid(scan *sc, const line_run *r)
{
    const unsigned char *t = (const unsigned char *)sc->doc->text;
    char hex[40] = "", more[48];
    size_t o = 0, n = r->end - r->start;
    for (size_t k = 0; k < n && k < 4; k++)
        o += (size_t)snprintf(hex + o, sizeof hex - o, "%s0x%02X", k ? " " : "",
                              t[r->start + k]);
    if (n > 4)
        snprintf(hex + o, sizeof hex - o, " \xE2\x80\xA6");
    more_suffix(more, sizeof more, r->more);
    /* A lone byte is most likely Windows-1252 or Latin-1: offer it. */
    uint32_t cp = 0;
    if (n == 1 && t[r->start] >= 0x80)
        cp = t[r->start] >= 0xA0 ? t[r->start]
                                 : sc->st->high[t[r->start] - 0x80];
    if (cp >= 0xA0) {
        char fix[5] = {0};
        mtl_utf8_put(cp, fix);
        const char *f = fix;
        mtl_report_fix(sc->out, r->start, r->end, &f, 1,
                       "invalid UTF-8 byte %s, Windows-1252 '%s'%s", hex, fix,
                       more);
    } else {
        mtl_report(sc->out, r->start, r->end, "invalid UTF-8 byte%s %s%s",
                   n > 1 ? "s" : "", hex, more);
    }
}

static void report_control(scan *sc, const line_run *r)
{
    char more[48], what[40];
    uint32_t c;
    mtl_utf8_next(sc->doc->text, sc->doc->len, r->start, &c);
    if (c == 0)
        snprintf(what, sizeof what, "NUL byte");
    else
        snprintf(what, sizeof what, "control character U+%04X", (unsigned)c);
    more_suffix(more, sizeof more, r->more);
    size_t n = mtl_utf8_count(sc->doc->text + r->start, r->end - r->start);
    if (n > 1)
        mtl_report(sc->out, r->start, r->end, "%s and %zu more control "
                   "characters%s", what, n - 1, more);
    else
        mtl_report(sc->out, r->start, r->end, "%s%s", what, more);
}

static void report_fffd(scan *sc, const line_run *r)
{
    char more[48];
    more_suffix(more, sizeof more, r->more);
    mtl_report(sc->out, r->start, r->end,
               "replacement character: text was lost in a conversion%s", more);
}

static void end_line(scan *sc, line_run *runs)
{
    if (runs[K_INVALID].seen &&
        take(&sc->caps[K_INVALID], runs[K_INVALID].start, runs[K_INVALID].end))
        report_invalid(sc, &runs[K_INVALID]);
    if (runs[K_CONTROL].seen &&
        take(&sc->caps[K_CONTROL], runs[K_CONTROL].start, runs[K_CONTROL].end))
        report_control(sc, &runs[K_CONTROL]);
    if (runs[K_FFFD].seen &&
        take(&sc->caps[K_FFFD], runs[K_FFFD].start, runs[K_FFFD].end))
        report_fffd(sc, &runs[K_FFFD]);
    memset(runs, 0, sizeof *runs * N_KINDS);
}

/* Copies s into buf, cut at a character boundary if it is too long. */
static const char *clip(const char *s, char *buf, size_t size)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* "KÄ”", "IRMÃ”", "VOCÊ»": a capital word that ends in an accented letter
 * and then a quote, dash or no-break space reads like "Ä”" (U+0114), but
 * mojibake is far rarer there than real text. */
static int capital_then_mark(const char *t, size_t n, size_t i, size_t end)
{
    uint32_t lead, mark, prev, next = ' ';
    size_t k = mtl_utf8_next(t, n, i, &lead);
    if (i == 0 || i + k >= end ||
        i + k + mtl_utf8_next(t, n, i + k, &mark) != end)
        return 0;
    mtl_utf8_next(t, n, mtl_utf8_prev(t, i), &prev);
    if (end < n)
        mtl_utf8_next(t, n, end, &next);
    int is_mark = mark == 0xA0 || mark == 0xBB || mark == 0x2122 ||
                  (mark >= 0x2013 && mark <= 0x2026);
    return is_mark && prev != MTL_BAD_CP && u_isupper((UChar32)prev) &&
           (next == MTL_BAD_CP || !u_isalpha((UChar32)next));
}

/* Mojibake at i, merged with further runs in the same word ("Ã©tÃ©").
 * Returns where scanning goes on (i if there is none). */
static size_t check_mojibake(scan *sc, size_t i, size_t line_end)
{
    const char *t = sc->doc->text;
    moji m = moji_run(sc->st, t, line_end, i, NULL);
    if (!m.end || capital_then_mark(t, line_end, i, m.end))
        return i;
    size_t end = m.end;
    int latin1 = m.latin1;
    for (;;) {
        size_t j = end;
        while (j < line_end && ascii_alnum((unsigned char)t[j]))
            j++;
        moji m2 = j < line_end ? moji_run(sc->st, t, line_end, j, NULL)
                               : (moji){0};
        if (!m2.end)
            break;
        end = m2.end;
        latin1 |= m2.latin1;
    }
    if (!take(&sc->caps[K_MOJIBAKE], i, end))
        return end;
    char *f = repair(sc->st, t + i, end - i);
    if (!f) {
        mtl_emit_oom(sc->out);
        return end;
    }
    /* the whole word, as found and as meant, for the message */
    size_t ws = i, we = end;
    while (ws > 0 && i - ws < 40 && word_byte((unsigned char)t[ws - 1]))
        ws--;
    while (ws < i && ((unsigned char)t[ws] & 0xC0) == 0x80)
        ws++;
    while (we < line_end && we - end < 40 && word_byte((unsigned char)t[we]))
        we++;
    while (we > end && we < line_end && ((unsigned char)t[we] & 0xC0) == 0x80)
        we--;
    char *m_text = repair(sc->st, t + ws, we - ws);
    if (!m_text) {
        free(f);
        mtl_emit_oom(sc->out);
        return end;
    }
    char q[80], r[80];
    const char *fixes = f;
    mtl_report_fix(sc->out, i, end, &fixes, 1,
                   "mojibake '%s': UTF-8 read as %s, meant '%s'",
                   mtl_excerpt(sc->doc, ws, we, q, sizeof q),
                   latin1 ? "Latin-1" : "Windows-1252",
                   clip(m_text, r, sizeof r));
    free(m_text);
    free(f);
    return end;
}

/* "5Â km", "said:Â The": a no-break space that became "Â" plus a plain
 * space. A word never ends in "Â" in the languages that use it, so this is
 * only checked after a character that is not an upper-case letter. */
static int stray_a_circumflex(const char *t, size_t i, size_t n)
{
    if (i + 2 >= n || (unsigned char)t[i] != 0xC3 ||
        (unsigned char)t[i + 1] != 0x82 || t[i + 2] != ' ')
        return 0;
    if (i == 0)
        return 1;
    uint32_t p;
    mtl_utf8_next(t, n, mtl_utf8_prev(t, i), &p);
    return p == MTL_BAD_CP || !u_isupper((UChar32)p);
}

/* Letters of scripts that separate words with spaces: a zero-width
 * character between two of them is stray. Scripts that use ZWJ and ZWNJ
 * inside words (Arabic, Indic) and ZWSP between words (Thai) are left out. */
static int alphabetic(uint32_t c)
{
    if (c < 0x80)
        return ascii_alnum((unsigned char)c);
    if (c == MTL_BAD_CP || !u_isalpha((UChar32)c))
        return 0;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)c, &e);
    return U_SUCCESS(e) && (sc == USCRIPT_LATIN || sc == USCRIPT_GREEK ||
                            sc == USCRIPT_CYRILLIC || sc == USCRIPT_ARMENIAN);
}

/* Zero-width spaces and joiners, the word joiner, the byte order mark, and
 * bidirectional marks and overrides (which can also hide text). */
static int invisible(uint32_t c)
{
    return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2069 && c != 0x2065) || c == 0xFEFF;
}

static void check_invisible(scan *sc, size_t i, size_t len, uint32_t c)
{
    const mtl_doc *d = sc->doc;
    const char *del = "";
    if (c == 0xFEFF) {
        if (mtl_doc_src_offset(d, i) == 0)
            return;
        if (take(&sc->caps[K_INVISIBLE], i, i + len))
            mtl_report_fix(sc->out, i, i + len, &del, 1,
                           "byte order mark U+FEFF inside the text");
        return;
    }
    if (i == 0 || i + len >= d->len)
        return;
    uint32_t p, nx;
    mtl_utf8_next(d->text, d->len, mtl_utf8_prev(d->text, i), &p);
    mtl_utf8_next(d->text, d->len, i + len, &nx);
    if (!alphabetic(p) || !alphabetic(nx))
        return;
    if (!take(&sc->caps[K_INVISIBLE], i, i + len))
        return;
    size_t ws = i, we = i + len;
    while (ws > 0 && i - ws < 30 && word_byte((unsigned char)d->text[ws - 1]))
        ws--;
    while (ws < i && ((unsigned char)d->text[ws] & 0xC0) == 0x80)
        ws++;
    while (we < d->len && we - i < 30 && word_byte((unsigned char)d->text[we]))
        we++;
    while (we > i + len && we < d->len &&
           ((unsigned char)d->text[we] & 0xC0) == 0x80)
        we--;
    /* the word without the character: a bidi override in a message would
     * scramble the terminal line */
    char q1[40], q2[40];
    mtl_report_fix(sc->out, i, i + len, &del, 1,
                   "invisible U+%04X inside the word '%s%s'", (unsigned)c,
                   mtl_excerpt(d, ws, i, q1, sizeof q1),
                   mtl_excerpt(d, i + len, we, q2, sizeof q2));
}

static int is_control(uint32_t c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
           (c >= 0x7F && c <= 0x9F);
}

/* A file in UTF-16 is not text this linter can read: say so once. */
static int utf16(const mtl_doc *d, mtl_emit *out)
{
    const unsigned char *t = (const unsigned char *)d->src;
    /* the first two bytes, widened to whole characters: "f\uFFFD" with
     * NULs after it must not be cut inside the U+FFFD */
    size_t end = 0;
    while (end < 2 && end < d->len) {
        uint32_t c;
        end += mtl_utf8_next(d->text, d->len, end, &c);
    }
    if (d->src_len >= 2 && ((t[0] == 0xFF && t[1] == 0xFE) ||
                            (t[0] == 0xFE && t[1] == 0xFF))) {
        mtl_report(out, 0, end, "UTF-16 byte order mark: the file is UTF-16, "
                   "not UTF-8");
        return 1;
    }
    /* without a mark: NUL in every other byte of the start */
    size_t n = d->src_len < 512 ? d->src_len & ~(size_t)1 : 512;
    size_t nul[2] = {0, 0};
    for (size_t k = 0; k < n; k++)
        nul[k & 1] += t[k] == 0;
    for (int par = 0; par < 2; par++) {
        if (n >= 8 && nul[par] * 4 >= n && nul[!par] * 16 < n) {
            mtl_report(out, 0, end, "NUL in every other byte: the file "
                       "looks like UTF-16%s, not UTF-8", par ? "LE" : "BE");
            return 1;
        }
    }
    return 0;
}

/* Where the text at i goes on after the Markdown code span, image or raw
 * HTML it is in (i itself when it is in none). Those keep their bytes as
 * written, mojibake examples included (`donâ€™t`), and are not prose, as
 * code blocks are not; *k walks the sorted spans along with i. */
static size_t past_opaque(const mtl_doc *doc, size_t *k, size_t i)
{
    while (*k < doc->n_opaque && doc->opaque[*k].end <= i)
        (*k)++;
    if (*k < doc->n_opaque && doc->opaque[*k].start <= i)
        return doc->opaque[*k].end;
    return i;
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    if (utf16(doc, out))
        return 0;
    scan sc = {.doc = doc, .st = state, .out = out};
    const char *t = doc->text;
    line_run runs[N_KINDS];
    memset(runs, 0, sizeof runs);
    size_t next_op = 0; /* the next opaque span */
    /* Lines of the text the rules read: for Markdown, the prose. */
    for (size_t ls = 0, le; ls < doc->len; ls = le) {
        le = ls;
        while (le < doc->len && t[le] != '\n' && t[le] != '\r')
            le++;
        le += le < doc->len;
        for (size_t i = ls; i < le;) {
            size_t past = past_opaque(doc, &next_op, i);
            if (past > i) {
                i = past < le ? past : le;
                continue;
            }
            unsigned char byte = (unsigned char)t[i];
            if (byte < 0x80 && !is_control(byte)) {
                i++;
                continue;
            }
            uint32_t c;
            size_t n = mtl_utf8_next(t, le, i, &c);
            if (c == MTL_BAD_CP || is_control(c) || c == 0xFFFD) {
                size_t j = i + n;
                for (;;) {
                    uint32_t c2;
                    size_t n2 = j < le ? mtl_utf8_next(t, le, j, &c2) : 0;
                    int same = c == MTL_BAD_CP ? c2 == MTL_BAD_CP
                               : c == 0xFFFD  ? c2 == 0xFFFD
                                              : c2 != MTL_BAD_CP &&
                                                   is_control(c2);
                    if (!n2 || !same)
                        break;
                    j += n2;
                }
                note(&runs[c == MTL_BAD_CP ? K_INVALID
                           : c == 0xFFFD   ? K_FFFD
                                           : K_CONTROL],
                     i, j);
                i = j;
                continue;
            }
            if (invisible(c)) {
                check_invisible(&sc, i, n, c);
                i += n;
                continue;
            }
            if (c <= 0xFF || byte_of(sc.st, c) >= 0) {
                size_t e = check_mojibake(&sc, i, le);
                if (e > i) {
                    i = e;
                    continue;
                }
                if (c == 0xC2 && stray_a_circumflex(t, i, le) &&
                    take(&sc.caps[K_MOJIBAKE], i, i + n)) {
                    const char *del = "";
                    mtl_report_fix(out, i, i + n, &del, 1,
                                   "mojibake 'Â' before a space: a no-break "
                                   "space read as Windows-1252");
                }
            }
            i += n;
        }
        end_line(&sc, runs);
    }
    for (int k = 0; k < N_KINDS; k++)
        if (sc.caps[k].skipped)
            mtl_report(out, sc.caps[k].first_start, sc.caps[k].first_end,
                       "%zu more %s not reported", sc.caps[k].skipped,
                       kind_name[k]);
    return 0;
}

const mtl_rule mtl_rule_encoding = {
    .info = {
        .id = "encoding",
        .summary = "invalid UTF-8, mojibake, control or stray invisible characters",
        .default_severity = MTL_ERROR,
        .finds = "Invalid UTF-8 (at the exact byte), mojibake such as 'donâ€™t' for "
                 "'don’t', U+FFFD replacement characters, control characters, a stray "
                 "byte order mark and invisible characters inside words.",
        .why = "Translation pipelines convert text between encodings several times; "
               "each conversion can garble characters or lose them.",
        .flagged = "We donâ€™t know yet.",
        .not_flagged = "We don’t know yet.",
        .reference =
            "Bytes that are not the text they should be: invalid UTF-8,\n"
            "mojibake (`donâ€™t` for `don’t`), U+FFFD, NUL and other control characters,\n"
            "a byte order mark inside the text, invisible characters inside words.\n"
            "\n"
            "    donâ€™t   ->  mojibake, meant 'don’t'\n",
    },
    .init = init,
    .fini = fini,
    .check = check,
};
