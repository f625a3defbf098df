/*
 * A compiled Hunspell dictionary, mapped (forms.h).
 */
#include "lang/forms.h"

#include "base/mapfile.h"
#include "base/utf8.h"
#include "lang/forms_format.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

struct mtl_forms {
    mtl_mapfile map;
    const unsigned char *base;
    const mtl_forms_header *h;
    const char *strings;
};

/* A section [off, off + len) inside the file, 8-byte aligned. */
static int inside(uint64_t off, uint64_t len, uint64_t size)
{
    return mtl_map_inside(off, len, size, sizeof(mtl_forms_header), 8);
}

mtl_forms *mtl_forms_open(const char *path, const char *aff, const char *dic)
{
    if (!path)
        return NULL;
    mtl_mapfile m;
    if (mtl_map_open(path, sizeof(mtl_forms_header), &m) != 0)
        return NULL;
    size_t size = m.size;
    const void *p = m.base;
    const mtl_forms_header *h = p;
    int ok = memcmp(h->magic, MTL_FORMS_MAGIC, 8) == 0 &&
             h->version == MTL_FORMS_VERSION &&
             h->header_check == mtl_forms_header_sum(h) &&
             h->file_size == size && h->slot_bits >= 1 &&
             h->slot_bits <= 30 &&
             inside(h->off_slots,
                    ((uint64_t)1 << h->slot_bits) * sizeof(mtl_forms_slot),
                    size) &&
             inside(h->off_strings, h->strings_len, size) &&
             inside(h->off_grams, h->grams_len, size) &&
             h->exact_bits <= 30 &&
             (!h->exact_bits ||
              inside(h->off_exact,
                     ((uint64_t)1 << h->exact_bits) * sizeof(mtl_forms_slot),
                     size)) &&
             h->n_lists <= MTL_FORMS_MAX_LISTS &&
             inside(h->off_chars, (uint64_t)h->n_chars * 4, size) &&
             mtl_file_stamp_matches(aff, h->aff_size, h->aff_mtime_ns) &&
             mtl_file_stamp_matches(dic, h->dic_size, h->dic_mtime_ns);
    mtl_forms *f = ok ? calloc(1, sizeof *f) : NULL;
    if (!f) {
        mtl_map_close(&m);
        return NULL;
    }
    f->map = m;
    f->base = m.base;
    f->h = h;
    f->strings = (const char *)(f->base + h->off_strings);
    mtl_map_random(&f->map); /* slots are read in no order */
    return f;
}

void mtl_forms_close(mtl_forms *f)
{
    if (!f)
        return;
    mtl_map_close(&f->map);
    free(f);
}

/* The slot of key[0..n) in a table of 1 << bits slots at off, or NULL. */
static const mtl_forms_slot *find_in(const mtl_forms *f, uint64_t off,
                                     uint32_t bits, const char *key, size_t n)
{
    if (n == 0 || n > 255 || !bits)
        return NULL;
    const mtl_forms_slot *slots = (const mtl_forms_slot *)(f->base + off);
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    for (uint64_t j = mtl_forms_hash(key, n) & mask;; j = (j + 1) & mask) {
        const mtl_forms_slot *sl = &slots[j];
        if (!sl->len)
            return NULL;
        if (sl->len == n && (uint64_t)sl->off + n <= f->h->strings_len &&
            memcmp(f->strings + sl->off, key, n) == 0)
            return sl;
    }
}

/* The slot of the folded letters s[0..n), or NULL. */
static const mtl_forms_slot *find(const mtl_forms *f, const char *s, size_t n)
{
    char key[256];
    if (n == 0 || n >= sizeof key)
        return NULL;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)(s[i] | 32);
    return find_in(f, f->h->off_slots, f->h->slot_bits, key, n);
}

/* ASCII letters, and apostrophes ("it's", "Blinken's"). */
static int letters(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)(s[i] | 32);
        if ((c < 'a' || c > 'z') && s[i] != '\'')
            return 0;
    }
    return n > 0;
}

int mtl_forms_has(const mtl_forms *f, const char *s, size_t n)
{
    return f && letters(s, n) && find(f, s, n) != NULL;
}

/* ---- Hunspell's view of a word's characters ----------------------------
 * 1 for a letter (its lower and upper case in *lo, *up), 0 for a character
 * without case, -1 for one whose case mapping Hunspell (its Unicode table)
 * may take out of this set or which no English word form holds. Latin
 * Extended-A pairs an upper case letter with the next code point, even
 * ones upper in most of the block, odd ones in two runs. */
static int char_case(uint32_t c, uint32_t *lo, uint32_t *up)
{
    *lo = *up = c;
    if (c >= 'a' && c <= 'z') {
        *up = c - 32;
        return 1;
    }
    if (c >= 'A' && c <= 'Z') {
        *lo = c + 32;
        return 1;
    }
    /* digits and ASCII marks have no case in any table; not '^' or '$',
     * which Hunspell's default BREAK patterns "^-" and "-$" would find
     * written in the word, '<' (its XML input) or '\\' (an escape in the
     * .dic) */
    if (c > ' ' && c < 0x7F)
        return c == '^' || c == '$' || c == '<' || c == '\\' ? -1 : 0;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
        *lo = c + 0x20;
        return 1;
    }
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) {
        *up = c - 0x20;
        return 1;
    }
    /* not dotted or dotless i, kra, n preceded by apostrophe, Y with
     * diaeresis (its pair is in Latin-1) or long s */
    if (c < 0x100 || c > 0x17E || c == 0x130 || c == 0x131 || c == 0x138 ||
        c == 0x149 || c == 0x178)
        return -1;
    int even_upper = c < 0x139 || (c >= 0x14A && c < 0x179);
    int is_upper = (c % 2 == 0) == even_upper;
    *up = is_upper ? c : c - 1;
    *lo = is_upper ? c + 1 : c;
    return 1;
}

size_t mtl_forms_key(const char *s, size_t n, char *key, size_t cap,
                     int *type)
{
    /* Hunspell's counts (cleanword2): capitals, characters without case */
    size_t ncap = 0, neutral = 0, chars = 0, k = 0;
    int first_cap = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c, lo, up;
        i += mtl_utf8_next(s, n, i, &c);
        int kind = c == MTL_BAD_CP ? -1 : char_case(c, &lo, &up);
        if (kind < 0 || k + 4 >= cap)
            return 0;
        if (kind && c == up) {
            ncap++;
            first_cap |= chars == 0;
        }
        neutral += kind == 0;
        chars++;
        k += mtl_utf8_put(lo, key + k);
    }
    *type = ncap == 0                     ? MTL_CASE_NONE
            : ncap == 1 && first_cap      ? MTL_CASE_INIT
            : ncap + neutral == chars     ? MTL_CASE_ALL
            : first_cap                   ? MTL_CASE_HUHINIT
                                          : MTL_CASE_HUH;
    return k;
}

size_t mtl_forms_recase(const char *key, size_t n, int how, char *out,
                        size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c, lo, up;
        int first = i == 0;
        i += mtl_utf8_next(key, n, i, &c);
        if (c == MTL_BAD_CP || char_case(c, &lo, &up) < 0 || k + 4 >= cap)
            return 0;
        k += mtl_utf8_put(how == MTL_CASE_ALL || first ? up : lo, out + k);
    }
    return k;
}

/* Does a form of the dictionary hold the character c? */
static int in_forms(const mtl_forms *f, uint32_t c)
{
    const uint32_t *set = (const uint32_t *)(f->base + f->h->off_chars);
    size_t lo = 0, hi = f->h->n_chars;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (set[mid] == c)
            return 1;
        if (set[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* A word that holds a character no form of the dictionary holds, in any
 * case ("ﬁrst", "θi", "SeaWorld\u2640s", "TNF-α"): no spelling Hunspell
 * tries of it, nor a compound, is a form, and when it breaks the word at
 * hyphens the part with that character is none either, so it rejects it.
 * Its case tables follow Unicode's simple mappings, as ICU's do; the few
 * that cross into ASCII (Kelvin sign, long s, dotless i) map onto
 * characters forms hold, and are not foreign. Spaces and controls are left
 * to Hunspell. */
static int foreign_word(const mtl_forms *f, const char *s, size_t n)
{
    int foreign = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c, lo, up;
        i += mtl_utf8_next(s, n, i, &c);
        if (c == MTL_BAD_CP || c <= ' ' || c == 0x7F ||
            u_isUWhiteSpace((UChar32)c) || u_iscntrl((UChar32)c))
            return 0;
        if (char_case(c, &lo, &up) >= 0)
            continue;
        if (c < 0x80 || c == 0x2019)
            return 0; /* ^ $ < \\: Hunspell's break patterns and escapes;
                         U+2019 an apostrophe to its ICONV */
        foreign |= !in_forms(f, c) &&
                   !in_forms(f, (uint32_t)u_tolower((UChar32)c)) &&
                   !in_forms(f, (uint32_t)u_toupper((UChar32)c)) &&
                   !in_forms(f, (uint32_t)u_totitle((UChar32)c));
    }
    return foreign;
}

/* Hunspell accepts numbers with dots, dashes and commas between digits
 * before anything else ("1,000", "2023-24"). */
static int number(const char *s, size_t n)
{
    int digit = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            digit = 1;
        } else if (s[i] == ',' || s[i] == '.' || s[i] == '-') {
            if (!digit || i == 0)
                return 0;
            digit = 0;
        } else {
            return 0;
        }
    }
    return digit;
}

/* Hunspell's breaking recursion grows exponentially with the hyphens (up
 * to nine): beyond this many calls the word is left to it. None of the
 * 119,125 spellings of the clean corpus, the reference article, a 1 MB
 * news sample and the EWT test text comes near it (tests/forms_agree). */
#define MAX_CALLS 2000

static int judge(const mtl_forms *f, const char *s, size_t n, int shift,
                 unsigned *calls);

/* Hunspell's breaking at hyphens (spell_internal, after the word itself
 * was not found), scw[0..n) the word as it then stands: each side must be
 * a word. 1, 0, or -1 when a side is undecided. */
static int breaks(const mtl_forms *f, const char *scw, size_t n, int shift,
                  unsigned *calls)
{
    size_t nbr = 0, first = n;
    for (size_t i = 0; i < n; i++)
        if (scw[i] == '-') {
            nbr++;
            if (first == n)
                first = i;
        }
    if (nbr >= 10)
        return 0; /* its recursion limit */
    int r;
    /* "^-" and "-$": a hyphen at either end */
    if (n >= 2 && scw[0] == '-' && (r = judge(f, scw + 1, n - 1, shift, calls)))
        return r;
    if (n >= 2 && scw[n - 1] == '-' && (r = judge(f, scw, n - 1, shift, calls)))
        return r;
    /* "-" inside: at the second hyphen, then at the first */
    for (int pass = 0; pass < 2; pass++) {
        size_t at = first;
        if (at == n || at == 0 || at >= n - 1)
            continue;
        if (pass == 0) {
            const char *second = memchr(scw + at + 1, '-', n - at - 1);
            if (second && (size_t)(second - scw) < n - 1)
                at = (size_t)(second - scw);
        }
        r = judge(f, scw + at + 1, n - at - 1, shift, calls);
        if (r <= 0) {
            if (r < 0)
                return -1;
            continue;
        }
        if ((r = judge(f, scw, at, shift, calls)) != 0)
            return r;
    }
    return 0;
}

/* Hunspell's spell() on s[0..n), U+2019 already read as an apostrophe. */
static int judge(const mtl_forms *f, const char *s, size_t n, int shift,
                 unsigned *calls)
{
    if (++*calls > MAX_CALLS || n == 0)
        return -1;
    if (number(s, n))
        return 1;
    if (s[n - 1] == '.')
        return -1; /* Hunspell strips it and tries the word with and
                      without: an abbreviation's rules */
    char key[512], scw[512];
    int type;
    size_t k = mtl_forms_key(s, n, key, sizeof key, &type);
    if (!k)
        return f->h->whole && foreign_word(f, s, n) ? 0 : -1;
    int digit = 0, hyphen = memchr(s, '-', n) != NULL;
    for (size_t i = 0; i < n; i++)
        digit |= s[i] >= '0' && s[i] <= '9';
    if (!f->h->whole && (!letters(s, n) || type >= MTL_CASE_HUHINIT))
        return -1; /* the compiler could not vouch for these */
    const mtl_forms_slot *sl = find_in(f, f->h->off_slots, f->h->slot_bits,
                                       key, k);
    if (sl) {
        unsigned want = type == MTL_CASE_NONE   ? MTL_FORMS_LOWER
                        : type == MTL_CASE_INIT ? MTL_FORMS_TITLE
                        : type == MTL_CASE_ALL  ? MTL_FORMS_UPPER
                                                : 0;
        if (want) /* Hunspell's whole verdict on this spelling */
            return (sl->verdict >> shift & want) != 0;
        const mtl_forms_slot *ex =
            find_in(f, f->h->off_exact, f->h->exact_bits, s, n);
        if (ex)
            return (ex->verdict >> shift & MTL_FORMS_EXACT) != 0;
    }
    /* Not a form of the dictionary in any case: Hunspell rejects it as
     * spelt, unless it is a compound of numbers or breaks at hyphens. */
    if (digit && !hyphen)
        return -1;
    if (!hyphen)
        return 0;
    /* Capitals and a capital only have been turned to "Capital" by now. */
    if (type == MTL_CASE_ALL || type == MTL_CASE_INIT) {
        n = mtl_forms_recase(key, k, MTL_CASE_INIT, scw, sizeof scw);
        s = scw;
    }
    return n ? breaks(f, s, n, shift, calls) : -1;
}

int mtl_forms_verdict(const mtl_forms *f, const char *s, size_t n,
                      int with_list)
{
    char plain[256];
    if (f && f->h->curly && n < 3 * sizeof plain && memchr(s, 0xE2, n)) {
        /* U+2019, as news text writes apostrophes: Hunspell reads it as ' */
        size_t k = 0;
        for (size_t i = 0; i < n && k < sizeof plain; i++) {
            if (i + 2 < n && !memcmp(s + i, "\xE2\x80\x99", 3)) {
                plain[k++] = '\'';
                i += 2;
            } else {
                plain[k++] = s[i];
            }
        }
        if (k == sizeof plain)
            return -1;
        s = plain;
        n = k;
    }
    if (!f)
        return -1;
    unsigned calls = 0;
    return judge(f, s, n, with_list ? MTL_FORMS_LIST : 0, &calls);
}

int mtl_forms_stems(const mtl_forms *f, const char *s, size_t n,
                    int with_list)
{
    /* made with the word lists: without them, an added word's own stem
     * may be among them */
    if (!f || (f->h->n_lists && !with_list) || n < 2 || s[n - 1] != 's')
        return -1;
    int letters = 1, digit = 0, unheld = 0;
    for (size_t i = 0; i < n; i++) {
        letters &= s[i] >= 'a' && s[i] <= 'z';
        digit |= s[i] >= '0' && s[i] <= '9';
        /* an ASCII mark no form holds ("authorized_keys"): Hunspell
         * analyses no word with it into dictionary entries, which hold
         * every character of the forms (it splits at dashes for
         * Hungarian only, and reads numbers, which have digits) */
        unheld |= s[i] > ' ' && s[i] < 0x7F && !in_forms(f, (uint8_t)s[i]);
    }
    if (!letters)
        return f->h->whole && unheld && !digit ? 0 : -1;
    const mtl_forms_slot *sl = find(f, s, n);
    /* no form folds to it: Hunspell knows no stem of it */
    return sl ? sl->stems : 0;
}

const uint8_t *mtl_forms_grams(const mtl_forms *f, size_t *len)
{
    *len = f ? (size_t)f->h->grams_len : 0;
    return f ? f->base + f->h->off_grams : NULL;
}

int mtl_forms_list(const mtl_forms *f, uint64_t size, uint64_t sum)
{
    for (uint32_t i = 0; f && i < f->h->n_lists; i++)
        if (f->h->list_size[i] == size && f->h->list_sum[i] == sum)
            return (int)i;
    return -1;
}

size_t mtl_forms_n_lists(const mtl_forms *f)
{
    return f ? f->h->n_lists : 0;
}
