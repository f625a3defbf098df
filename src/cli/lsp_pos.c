#include "lsp_pos.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <stdint.h>
#include <stdlib.h>

int lsp_lines_index(lsp_lines *l, const char *s, size_t n)
{
    size_t cap = 0;
    l->starts = NULL;
    l->n = 0;
    if (MTL_PUSH(l->starts, l->n, cap, (size_t)0) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\n' && s[i] != '\r')
            continue;
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            i++;
        if (MTL_PUSH(l->starts, l->n, cap, i + 1) != 0) {
            lsp_lines_free(l);
            return -1;
        }
    }
    return 0;
}

void lsp_lines_free(lsp_lines *l)
{
    free(l->starts);
    l->starts = NULL;
    l->n = 0;
}

/* The units one character takes in the encoding. */
static size_t units(uint32_t cp, size_t bytes, lsp_encoding enc)
{
    if (enc == LSP_UTF8)
        return bytes;
    return cp != MTL_BAD_CP && cp >= 0x10000 ? 2 : 1;
}

lsp_position lsp_position_at(const lsp_lines *l, const char *s, size_t n,
                             size_t at, lsp_encoding enc)
{
    if (at > n)
        at = n;
    size_t lo = 0, hi = l->n; /* the last line starting at or before at */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->starts[mid] <= at)
            lo = mid;
        else
            hi = mid;
    }
    lsp_position p = {lo, 0};
    for (size_t i = l->starts[lo]; i < at;) {
        uint32_t cp;
        size_t k = mtl_utf8_next(s, n, i, &cp);
        if (i + k > at)
            break;
        p.character += units(cp, k, enc);
        i += k;
    }
    return p;
}

size_t lsp_offset_at(const char *s, size_t n, lsp_position p, lsp_encoding enc)
{
    size_t i = 0;
    for (size_t line = 0; line < p.line; line++) {
        while (i < n && s[i] != '\n' && s[i] != '\r')
            i++;
        if (i >= n)
            return n;
        i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
    }
    size_t u = 0;
    while (i < n && s[i] != '\n' && s[i] != '\r') {
        uint32_t cp;
        size_t k = mtl_utf8_next(s, n, i, &cp);
        size_t w = units(cp, k, enc);
        if (u + w > p.character)
            break;
        u += w;
        i += k;
    }
    return i;
}

json_t *lsp_position_json(lsp_position p)
{
    return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character",
                     (json_int_t)p.character);
}

json_t *lsp_range_json(const lsp_lines *l, const char *s, size_t n, size_t a,
                       size_t b, lsp_encoding enc)
{
    return json_pack("{s:o,s:o}", "start",
                     lsp_position_json(lsp_position_at(l, s, n, a, enc)), "end",
                     lsp_position_json(lsp_position_at(l, s, n, b, enc)));
}

static int uint_of(const json_t *j, const char *key, size_t *out)
{
    const json_t *v = json_object_get(j, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return -1;
    *out = (size_t)json_integer_value(v);
    return 0;
}

int lsp_position_parse(const json_t *j, lsp_position *p)
{
    return uint_of(j, "line", &p->line) == 0 &&
                   uint_of(j, "character", &p->character) == 0
               ? 0
               : -1;
}

int lsp_range_parse(const json_t *j, lsp_position *start, lsp_position *end)
{
    return lsp_position_parse(json_object_get(j, "start"), start) == 0 &&
                   lsp_position_parse(json_object_get(j, "end"), end) == 0
               ? 0
               : -1;
}
