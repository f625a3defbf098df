#include "base/utf8.h"

size_t mtl_utf8_next(const char *str, size_t n, size_t i, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* Well-formed sequences per Unicode Table 3-7. An ill-formed one counts
     * as its longest well-formed prefix (the "maximal subpart"), which is
     * how ICU and Python replace it with U+FFFD. */
    size_t len;
    uint32_t v;
    unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, v = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *cp = MTL_BAD_CP;
        return 1;
    }
    for (size_t k = 1; k < len; k++) {
        unsigned b = i + k < n ? s[i + k] : 0;
        unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            *cp = MTL_BAD_CP;
            return k;
        }
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return len;
}

size_t mtl_utf8_prev(const char *str, size_t i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t j = i - 1;
    /* Step back over at most three continuation bytes, then check that the
     * lead byte really spans to i; otherwise the last byte stands alone. */
    while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80)
        j--;
    uint32_t cp;
    if (mtl_utf8_next(str, i, j, &cp) == i - j)
        return j;
    return i - 1;
}

size_t mtl_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
        } else {
            uint32_t cp;
            i += mtl_utf8_next(s, n, i, &cp);
        }
        count++;
    }
    return count;
}

size_t mtl_utf8_put(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t mtl_utf8_tail(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (i > 0 && k > 0) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k--;
    }
    return n - i;
}
