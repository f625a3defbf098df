/*
 * A document's analyses cost memory in proportion to its length (tokens,
 * tags, sentences: about 20 bytes per byte of text), so a 16 MB file once
 * took 400 MB. A plain-text file longer than a part is linted as parts cut
 * at blank lines, each a document of its own, freed before the next: the
 * rules that look across sentences see a part (a book's length) instead of
 * the whole file. Markdown is never cut: a reference link, a list or a
 * fence may span any blank line.
 */
#include "lint/parts.h"

#include <string.h>

/* Just after the line break at text[i] (\n, \r or \r\n). */
static size_t after_break(const char *text, size_t len, size_t i)
{
    if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
        return i + 2;
    return i + 1;
}

/* If the line at p (a line start) is blank, the offset after its break;
 * else 0. A last line without a break is no place to cut. */
static size_t blank_line_end(const char *text, size_t len, size_t p)
{
    while (p < len && (text[p] == ' ' || text[p] == '\t'))
        p++;
    if (p < len && (text[p] == '\n' || text[p] == '\r'))
        return after_break(text, len, p);
    return 0;
}

/* A document's first bytes are read as a signature: a byte order mark
 * (UTF-8's is left out, UTF-16's says the file is UTF-16) or NULs in the
 * first 512 bytes (UTF-16 without a mark). A part must not start there. */
static int good_cut(const char *text, size_t len, size_t cut)
{
    if (cut >= len)
        return 0;
    const unsigned char *u = (const unsigned char *)text + cut;
    size_t n = len - cut;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return 0;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return 0;
    return memchr(u, 0, n < 512 ? n : 512) == NULL;
}

/* Does the line at i (a line start after lo) begin a sentence that the
 * line before ended: a stop there (closing quotes and brackets after it),
 * a capital, digit or opening mark here? The lines of a file of one
 * sentence a line (a test set, a translation memory) meet this; so does
 * hard-wrapped prose now and then, which is why a blank line comes first. */
static int after_sentence(const char *text, size_t lo, size_t i)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t e = i;
    while (e > lo && (u[e - 1] == '\n' || u[e - 1] == '\r'))
        e--;
    for (;;) {
        while (e > lo && (u[e - 1] == ' ' || u[e - 1] == '\t'))
            e--;
        if (e > lo && strchr("\"')]", u[e - 1]) && u[e - 1])
            e--;
        else if (e >= lo + 3 && u[e - 3] == 0xE2 && u[e - 2] == 0x80 &&
                 (u[e - 1] == 0x9D || u[e - 1] == 0x99))
            e -= 3;
        else
            break;
    }
    if (e == lo || !strchr(".!?", u[e - 1]) || !u[e - 1])
        return 0;
    unsigned char c = u[i];
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' ||
           c == '\'' || c == '(' ||
           (c == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0x9C || u[i + 2] == 0x98));
}

size_t mtl_part_end(const char *text, size_t len, size_t start, size_t part)
{
    if (part == 0 || len - start <= part)
        return len;
    size_t limit = start + part, best = 0, stop = 0;
    size_t far = len - start > 2 * part ? start + 2 * part : len;
    /* from the first line start in the part's second half */
    size_t i = start + (part > 1 ? part / 2 : 1);
    while (i < len && text[i - 1] != '\n' && text[i - 1] != '\r')
        i++;
    if (i < len && text[i] == '\n' && text[i - 1] == '\r')
        i++; /* inside \r\n */
    while (i < len) {
        size_t end = blank_line_end(text, len, i);
        if (end && good_cut(text, len, end)) {
            if (end > limit)
                return best ? best : (end <= far || !stop) ? end : stop;
            best = end;
        }
        /* failing a blank line, a line break between sentences */
        if (i <= limit && after_sentence(text, start, i) &&
            good_cut(text, len, i))
            stop = i;
        if (i > far && stop)
            return stop;
        /* the next line start */
        while (i < len && text[i] != '\n' && text[i] != '\r')
            i++;
        if (i == len)
            break;
        i = after_break(text, len, i);
    }
    return best ? best : stop ? stop : len;
}
