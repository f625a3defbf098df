/* UTF-8 decoding that never fails: an ill-formed sequence decodes as one
 * bad code point covering its maximal subpart (1-3 bytes), so every byte of
 * any input belongs to exactly one code point, and columns count the way
 * ICU and Python count U+FFFD replacements. */
#ifndef MTL_UTF8_H
#define MTL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define MTL_BAD_CP 0xFFFFFFFFu  /* what mtl_utf8_next reports for a bad byte */

/* Decodes the code point at s[i] (i < n); returns its length in bytes (1-4).
 * *cp is MTL_BAD_CP when the sequence is ill-formed. */
size_t mtl_utf8_next(const char *s, size_t n, size_t i, uint32_t *cp);
/* Start of the code point that ends at s[i-1] (i > 0). */
size_t mtl_utf8_prev(const char *s, size_t i);
/* Number of code points in s[0..n). */
size_t mtl_utf8_count(const char *s, size_t n);
/* Bytes in the last k code points of s[0..n) (all n if it has fewer),
 * counting lead bytes: exact for well-formed text, which is what the
 * models' suffix features read. */
size_t mtl_utf8_tail(const char *s, size_t n, size_t k);
/* Encodes cp into out (4 bytes room); returns its length. */
size_t mtl_utf8_put(uint32_t cp, char *out);

#endif
