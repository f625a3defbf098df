/* UTF-8 decoding: well-formed sequences, maximal subparts of ill-formed
 * ones, and agreement between forward and backward stepping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/utf8.h"

#include <string.h>

#define BAD MTL_BAD_CP

/* Decodes s[0..n) into cps/lens; returns the number of code points. */
static size_t decode_all(const char *s, size_t n, uint32_t *cps, size_t *lens,
                         size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < max; k++) {
        size_t len = mtl_utf8_next(s, n, i, &cps[k]);
        assert_true(len >= 1 && len <= 4 && len <= n - i);
        lens[k] = len;
        i += len;
    }
    return k;
}

/* Checks that s decodes to exactly the expected code points and lengths. */
static void expect(const char *s, size_t n, const uint32_t *cps,
                   const size_t *lens, size_t count)
{
    uint32_t got[64];
    size_t got_len[64];
    size_t k = decode_all(s, n, got, got_len, 64);
    assert_int_equal(k, count);
    for (size_t i = 0; i < count; i++) {
        assert_int_equal(got[i], cps[i]);
        assert_int_equal(got_len[i], lens[i]);
    }
    assert_int_equal(mtl_utf8_count(s, n), count);
}

#define EXPECT(str, cps, lens)                                              \
    do {                                                                    \
        assert_int_equal(sizeof(cps) / sizeof *(cps),                       \
                         sizeof(lens) / sizeof *(lens));                    \
        expect(str, sizeof(str) - 1, cps, lens, sizeof(cps) / sizeof *(cps)); \
    } while (0)

static void well_formed(void **state)
{
    (void)state;
    static const uint32_t cps[] = {'a', 0xE9, 0x20AC, 0x1F600, 0x7F, 0x80,
                                   0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF,
                                   0xD7FF, 0xE000};
    static const size_t lens[] = {1, 2, 3, 4, 1, 2, 2, 3, 3, 4, 4, 3, 3};
    EXPECT("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F\xC2\x80\xDF\xBF"
           "\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"
           "\xED\x9F\xBF\xEE\x80\x80",
           cps, lens);
}

/* The example of Unicode 15, section 3.9, table 3-8 ("U+FFFD for
 * Non-Shortest Form Sequences" and friends): each maximal subpart is one
 * replacement. */
static void unicode_table_3_8(void **state)
{
    (void)state;
    static const uint32_t cps[] = {'a', BAD, BAD, BAD, 'b', BAD, 'c', BAD,
                                   BAD, 'd'};
    static const size_t lens[] = {1, 3, 2, 1, 1, 1, 1, 1, 1, 1};
    EXPECT("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", cps, lens);
}

static void overlongs(void **state)
{
    (void)state;
    /* C0 and C1 never start a sequence; E0 80.. and F0 80.. are overlong
     * after the lead byte, so the lead stands alone. */
    static const uint32_t c0[] = {BAD, BAD};
    static const size_t c0l[] = {1, 1};
    EXPECT("\xC0\x80", c0, c0l);
    EXPECT("\xC1\xBF", c0, c0l);
    static const uint32_t e0[] = {BAD, BAD, BAD};
    static const size_t e0l[] = {1, 1, 1};
    EXPECT("\xE0\x80\xAF", e0, e0l);
    EXPECT("\xE0\x9F\xBF", e0, e0l);
    static const uint32_t f0[] = {BAD, BAD, BAD, BAD};
    static const size_t f0l[] = {1, 1, 1, 1};
    EXPECT("\xF0\x8F\xBF\xBF", f0, f0l);
    EXPECT("\xF0\x80\x80\xAF", f0, f0l);
}

static void surrogates_and_out_of_range(void **state)
{
    (void)state;
    static const uint32_t three[] = {BAD, BAD, BAD};
    static const size_t threel[] = {1, 1, 1};
    EXPECT("\xED\xA0\x80", three, threel); /* U+D800 */
    EXPECT("\xED\xBF\xBF", three, threel); /* U+DFFF */
    static const uint32_t four[] = {BAD, BAD, BAD, BAD};
    static const size_t fourl[] = {1, 1, 1, 1};
    EXPECT("\xF4\x90\x80\x80", four, fourl); /* U+110000 */
    EXPECT("\xF5\x80\x80\x80", four, fourl);
    EXPECT("\xF8\x88\x80\x80", four, fourl);
    static const uint32_t ff[] = {BAD, BAD, 'x'};
    static const size_t ffl[] = {1, 1, 1};
    EXPECT("\xFE\xFFx", ff, ffl);
}

static void truncated(void **state)
{
    (void)state;
    /* Cut short by the next character... */
    static const uint32_t a[] = {BAD, 'A'};
    static const size_t al[] = {2, 1};
    EXPECT("\xE2\x82" "A", a, al);
    static const uint32_t b[] = {BAD, ' ', 0xE9};
    static const size_t bl[] = {3, 1, 2};
    EXPECT("\xF0\x9F\x98 \xC3\xA9", b, bl);
    /* ...a new lead byte... */
    static const uint32_t c[] = {BAD, 0x20AC};
    static const size_t cl[] = {1, 3};
    EXPECT("\xC3\xE2\x82\xAC", c, cl);
    /* ...or the end of the buffer, even if more bytes follow in memory. */
    static const uint32_t d[] = {'x', BAD};
    static const size_t dl[] = {1, 2};
    expect("x\xE2\x82\xAC", 3, d, dl, 2);
    static const uint32_t e[] = {BAD};
    static const size_t el[] = {3};
    expect("\xF0\x9F\x98\x80", 3, e, el, 1);
    /* Lone continuation bytes. */
    static const uint32_t f[] = {BAD, BAD, 'z'};
    static const size_t fl[] = {1, 1, 1};
    EXPECT("\x80\xBFz", f, fl);
}

static void nul_is_a_character(void **state)
{
    (void)state;
    static const uint32_t cps[] = {'a', 0, 'b'};
    static const size_t lens[] = {1, 1, 1};
    expect("a\0b", 3, cps, lens, 3);
}

/* Every scalar value survives put then next, with the shortest length. */
static void put_round_trip(void **state)
{
    (void)state;
    char buf[8];
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        size_t n = mtl_utf8_put(cp, buf);
        size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (n != want)
            fail_msg("U+%04X: put wrote %zu bytes, not %zu", cp, n, want);
        uint32_t back;
        size_t m = mtl_utf8_next(buf, n, 0, &back);
        if (m != n || back != cp)
            fail_msg("U+%04X: decoded as %X (%zu bytes)", cp, back, m);
    }
}

static size_t forward_bounds(const char *s, size_t n, size_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        out[k++] = i;
        i += mtl_utf8_next(s, n, i, &cp);
    }
    return k;
}

/* Stepping back from every code point boundary finds the previous one that
 * stepping forward found, for any bytes. */
static void check_prev_agrees(const char *s, size_t n)
{
    size_t fwd[256];
    size_t k = forward_bounds(s, n, fwd);
    assert_int_equal(k, mtl_utf8_count(s, n));
    size_t i = n;
    for (size_t b = k; b-- > 0;) {
        size_t p = mtl_utf8_prev(s, i);
        if (p != fwd[b])
            fail_msg("prev(%zu) = %zu, forward boundary is %zu", i, p, fwd[b]);
        i = p;
    }
    assert_int_equal(i, 0);
}

static void prev_simple(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b";
    assert_int_equal(mtl_utf8_prev(s, 11), 10);
    assert_int_equal(mtl_utf8_prev(s, 10), 6);
    assert_int_equal(mtl_utf8_prev(s, 6), 3);
    assert_int_equal(mtl_utf8_prev(s, 3), 1);
    assert_int_equal(mtl_utf8_prev(s, 1), 0);
    /* A valid sequence followed by stray continuation bytes. */
    const char *t = "\xE2\x82\xAC\x80\x80\x80";
    assert_int_equal(mtl_utf8_prev(t, 6), 5);
    assert_int_equal(mtl_utf8_prev(t, 4), 3);
    assert_int_equal(mtl_utf8_prev(t, 3), 0);
    check_prev_agrees(t, 6);
    const char *u = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
    check_prev_agrees(u, strlen(u));
}

static void prev_random(void **state)
{
    (void)state;
    /* Bytes drawn mostly from the lead and continuation ranges, so that
     * most strings mix good and broken sequences. */
    static const unsigned char pool[] = {
        'a', ' ', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
        0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
    uint32_t x = 12345;
    char buf[64];
    for (int round = 0; round < 200000; round++) {
        size_t n = 1 + round % 12;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (char)pool[(x >> 16) % sizeof pool];
        }
        check_prev_agrees(buf, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(well_formed),
        cmocka_unit_test(unicode_table_3_8),
        cmocka_unit_test(overlongs),
        cmocka_unit_test(surrogates_and_out_of_range),
        cmocka_unit_test(truncated),
        cmocka_unit_test(nul_is_a_character),
        cmocka_unit_test(put_round_trip),
        cmocka_unit_test(prev_simple),
        cmocka_unit_test(prev_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
