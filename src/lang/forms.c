/*
 * A compiled Hunspell dictionary, mapped (forms.h).
 */
#include "lang/forms.h"

#include "base/mapfile.h"
#include "lang/forms_format.h"

#include <stdlib.h>
#include <string.h>

struct mtl_forms {
    mtl_mapfile map;
    const unsigned char *base;
    const mtl_forms_header *h;
    const mtl_forms_slot *slots;
    const char *strings;
    uint64_t mask;
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
    f->slots = (const mtl_forms_slot *)(f->base + h->off_slots);
    f->strings = (const char *)(f->base + h->off_strings);
    f->mask = ((uint64_t)1 << h->slot_bits) - 1;
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

/* The slot of the folded letters s[0..n), or NULL. */
static const mtl_forms_slot *find(const mtl_forms *f, const char *s, size_t n)
{
    char key[256];
    if (n == 0 || n >= sizeof key)
        return NULL;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)(s[i] | 32);
    for (uint64_t j = mtl_forms_hash(key, n) & f->mask;;
         j = (j + 1) & f->mask) {
        const mtl_forms_slot *sl = &f->slots[j];
        if (!sl->len)
            return NULL;
        if (sl->len == n && (uint64_t)sl->off + n <= f->h->strings_len &&
            memcmp(f->strings + sl->off, key, n) == 0)
            return sl;
    }
}

/* ASCII letters, and apostrophes ("it's", "Blinken's"): the forms the
 * compiled file holds. */
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
    if (!f || !letters(s, n))
        return -1;
    size_t upper = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        upper += s[i] >= 'A' && s[i] <= 'Z';
        lower += s[i] >= 'a' && s[i] <= 'z';
    }
    int title = upper == 1 && s[0] >= 'A' && s[0] <= 'Z';
    unsigned want = upper == 0   ? MTL_FORMS_LOWER
                    : lower == 0 ? MTL_FORMS_UPPER
                    : title      ? MTL_FORMS_TITLE
                                 : 0;
    const mtl_forms_slot *sl = find(f, s, n);
    if (!sl)
        return 0; /* no form folds to it: Hunspell rejects it in any case */
    if (!want)
        return -1;
    return (sl->verdict & (want << (with_list ? MTL_FORMS_LIST : 0))) != 0;
}

int mtl_forms_stems(const mtl_forms *f, const char *s, size_t n,
                    int with_list)
{
    /* made with the word list: without it, an added word's own stem may
     * be among them */
    if (!f || (f->h->words_size && !with_list) || n < 2 || s[n - 1] != 's')
        return -1;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return -1;
    const mtl_forms_slot *sl = find(f, s, n);
    /* no form folds to it: Hunspell knows no stem of it */
    return sl ? sl->stems : 0;
}

const uint8_t *mtl_forms_grams(const mtl_forms *f, size_t *len)
{
    *len = f ? (size_t)f->h->grams_len : 0;
    return f ? f->base + f->h->off_grams : NULL;
}

int mtl_forms_has_list(const mtl_forms *f, uint64_t size, uint64_t sum)
{
    return f && f->h->words_size && f->h->words_size == size &&
           f->h->words_sum == sum;
}
