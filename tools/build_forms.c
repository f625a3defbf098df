/*
 * Compiles a Hunspell dictionary into the file src/lang/forms.h maps:
 * every case-folded form of ASCII letters the expanded word set holds
 * (wordset.h), each with Hunspell's verdicts in lower case, with a capital
 * and in capitals, and the four-letter filter of the .dic.
 *
 *     build_forms OUT LANG DIC [WORDLIST]
 *
 * DIC is the dictionary's .dic file (its .aff beside it); WORDLIST, when
 * given, is added to the dictionary before Hunspell is asked, as the spell
 * analysis adds it (the file's size and checksum are recorded, so the
 * runtime knows it is compiled in). A dictionary whose affix rules the
 * expanded set cannot follow, or one that is not installed, gives an empty
 * file, which the runtime ignores (it then asks Hunspell).
 */
#include "base/hash.h"
#include "base/mapfile.h"
#include "lang/forms_format.h"
#include "lang/speller.h"
#include "lang/wordset.h"
#include "mtlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct keys {
    mtl_forms_slot *slot;
    uint64_t mask, used;
    char *str;
    size_t len, cap;
} keys;

/* The forms the file holds: ASCII letters and apostrophes (forms.c). */
static int letters(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)(s[i] | 32);
        if ((c < 'a' || c > 'z') && s[i] != '\'')
            return 0;
    }
    return n > 0 && n < 256;
}

static int add_key(void *ctx, const char *s, size_t n)
{
    keys *k = ctx;
    if (!letters(s, n))
        return 0;
    char key[256];
    for (size_t i = 0; i < n; i++)
        key[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 32) : s[i];
    uint64_t j = mtl_forms_hash(key, n) & k->mask;
    for (;; j = (j + 1) & k->mask) {
        mtl_forms_slot *sl = &k->slot[j];
        if (!sl->len)
            break;
        if (sl->len == n && !memcmp(k->str + sl->off, key, n))
            return 0;
    }
    if (2 * (k->used + 1) > k->mask + 1) {
        fprintf(stderr, "build_forms: more forms than slots\n");
        return -1;
    }
    if (k->len + n > k->cap) {
        k->cap = (k->cap + n) * 2;
        char *p = realloc(k->str, k->cap);
        if (!p)
            return -1;
        k->str = p;
    }
    memcpy(k->str + k->len, key, n);
    k->slot[j] = (mtl_forms_slot){.off = (uint32_t)k->len, .len = (uint8_t)n};
    k->len += n;
    k->used++;
    return 0;
}

static int stat_of(const char *path, int64_t *size, int64_t *mtime_ns)
{
    mtl_file_stamp st;
    if (mtl_file_stamp_of(path, &st) != 0)
        return -1;
    *size = st.size;
    *mtime_ns = st.mtime_ns;
    return 0;
}

static int checksum(const char *path, uint64_t *size, uint64_t *sum)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char buf[65536];
    size_t got;
    *size = 0;
    *sum = MTL_FNV64_INIT;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        *sum = mtl_fnv64(*sum, buf, got);
        *size += got;
    }
    int bad = ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

/* Hunspell's verdicts on the folded form w in its three spellings. */
static uint8_t verdicts(const mtl_speller *sp, const char *form, size_t n)
{
    char w[256];
    memcpy(w, form, n);
    uint8_t v = mtl_speller_hunspell(sp, w, n) ? MTL_FORMS_LOWER : 0;
    if (w[0] != '\'')
        w[0] = (char)(w[0] - 32); /* a form starting with an apostrophe */
    if (mtl_speller_hunspell(sp, w, n)) /* has no title spelling: unused */
        v |= MTL_FORMS_TITLE;
    for (size_t i = 1; i < n; i++)
        if (w[i] != '\'')
            w[i] = (char)(w[i] - 32);
    if (mtl_speller_hunspell(sp, w, n))
        v |= MTL_FORMS_UPPER;
    return v;
}

/* verdicts() with each apostrophe written U+2019. */
static uint8_t curly_verdicts(const mtl_speller *sp, const char *form,
                              size_t n)
{
    char w[3 * 256];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (form[i] == '\'') {
            memcpy(w + k, "\xE2\x80\x99", 3);
            k += 3;
        } else {
            w[k++] = form[i];
        }
    }
    char t[3 * 256];
    memcpy(t, w, k);
    uint8_t v = mtl_speller_hunspell(sp, t, k) ? MTL_FORMS_LOWER : 0;
    if (t[0] >= 'a' && t[0] <= 'z')
        t[0] = (char)(t[0] - 32);
    if (mtl_speller_hunspell(sp, t, k))
        v |= MTL_FORMS_TITLE;
    for (size_t i = 1; i < k; i++)
        if (t[i] >= 'a' && t[i] <= 'z')
            t[i] = (char)(t[i] - 32);
    if (mtl_speller_hunspell(sp, t, k))
        v |= MTL_FORMS_UPPER;
    return v;
}

static int empty_file(const char *out, const char *why)
{
    fprintf(stderr, "build_forms: %s: %s (no compiled dictionary)\n", out, why);
    mtl_map_writer w;
    return mtl_map_write_open(&w, out) == 0 && mtl_map_write_close(&w, 1) == 0 ? 0 : 1;
}

static void pad8(FILE *f)
{
    long at = ftell(f);
    while (at % 8) {
        fputc(0, f);
        at++;
    }
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: build_forms OUT LANG DIC [WORDLIST]\n");
        return 2;
    }
    const char *out = argv[1], *lang = argv[2], *dic = argv[3];
    const char *list = argc > 4 ? argv[4] : NULL;
    size_t dn = strlen(dic);
    if (dn < 5 || strcmp(dic + dn - 4, ".dic") != 0)
        return empty_file(out, "not a .dic file");
    char *aff = strdup(dic);
    if (!aff)
        return 1;
    memcpy(aff + dn - 4, ".aff", 4);
    mtl_forms_header h = {.version = MTL_FORMS_VERSION};
    memcpy(h.magic, MTL_FORMS_MAGIC, 8);
    if (stat_of(aff, &h.aff_size, &h.aff_mtime_ns) != 0 ||
        stat_of(dic, &h.dic_size, &h.dic_mtime_ns) != 0) {
        free(aff);
        return empty_file(out, "dictionary not installed");
    }
    mtl_options *opts = mtl_options_new();
    mtl_speller *sp = NULL;
    char *err = NULL;
    if (!opts || mtl_options_set(opts, "dict-path", dic) != 0 ||
        mtl_speller_open(opts, lang, &sp, &err) != 0 || !sp) {
        fprintf(stderr, "build_forms: %s\n", err ? err : "cannot open");
        free(err);
        free(aff);
        mtl_options_free(opts);
        return 1;
    }
    /* a second speller gets the word list: verdicts with and without it */
    mtl_speller *with = NULL;
    if (list && (mtl_speller_open(opts, lang, &with, &err) != 0 || !with ||
                 mtl_speller_add_file(with, list) != 0 ||
                 checksum(list, &h.words_size, &h.words_sum) != 0)) {
        fprintf(stderr, "build_forms: cannot read %s\n", list);
        return 1;
    }
    /* room for 2^21 forms while collecting: en_GB, the largest English
     * set, has about 210,000 */
    keys k = {.mask = ((uint64_t)1 << 22) - 1};
    k.slot = calloc(k.mask + 1, sizeof *k.slot);
    if (!k.slot)
        return 1;
    if (mtl_wordset_expand(aff, dic, add_key, &k) != 0) {
        mtl_speller_close(sp);
        mtl_options_free(opts);
        free(aff);
        return empty_file(out, "affix rules the expanded set cannot follow");
    }
    for (size_t i = 0; with && i < mtl_speller_n_added(with); i++) {
        const char *w = mtl_speller_added(with, i);
        if (add_key(&k, w, strlen(w)) != 0)
            return 1;
    }
    /* the smallest table at most half full: the slots are what a run
     * touches */
    uint32_t bits = 1;
    while (((uint64_t)1 << bits) < 2 * k.used)
        bits++;
    keys small = {.mask = ((uint64_t)1 << bits) - 1, .str = k.str,
                  .len = k.len, .used = k.used};
    small.slot = calloc(small.mask + 1, sizeof *small.slot);
    if (!small.slot)
        return 1;
    for (uint64_t j = 0; j <= k.mask; j++) {
        if (!k.slot[j].len)
            continue;
        uint64_t i = mtl_forms_hash(k.str + k.slot[j].off, k.slot[j].len) &
                     small.mask;
        while (small.slot[i].len)
            i = (i + 1) & small.mask;
        small.slot[i] = k.slot[j];
    }
    free(k.slot);
    k = small;
    h.slot_bits = bits;
    int curly = 1;
    /* Hunspell's verdicts on each form in its three spellings */
    for (uint64_t j = 0; j <= k.mask; j++) {
        mtl_forms_slot *sl = &k.slot[j];
        if (!sl->len)
            continue;
        char w[256];
        size_t n = sl->len;
        memcpy(w, k.str + sl->off, n);
        sl->verdict = verdicts(sp, w, n);
        sl->verdict |= (uint8_t)(verdicts(with ? with : sp, w, n)
                                 << MTL_FORMS_LIST);
        /* stems of the words in -s, as det-number asks (forms.h) */
        int plain = w[n - 1] == 's';
        for (size_t i = 0; i < n; i++)
            plain &= w[i] >= 'a' && w[i] <= 'z';
        if (plain) {
            w[n] = '\0';
            sl->stems = (uint16_t)mtl_speller_hunspell_s_stems(
                with ? with : sp, w);
        }
        /* U+2019 is read as ' only if Hunspell agrees on every form */
        if (memchr(w, '\'', n) &&
            (curly_verdicts(sp, w, n) != (sl->verdict & 7) ||
             curly_verdicts(with ? with : sp, w, n) !=
                 sl->verdict >> MTL_FORMS_LIST))
            curly = 0;
    }
    size_t glen = 0;
    uint8_t *grams = mtl_speller_grams(dic, &glen);
    if (!grams)
        return 1;
    h.curly = (uint32_t)curly;
    h.n_forms = k.used;
    h.strings_len = k.len;
    h.grams_len = glen;
    h.off_slots = sizeof h;
    h.off_strings = h.off_slots + (k.mask + 1) * sizeof *k.slot;
    h.off_grams = (h.off_strings + k.len + 7) / 8 * 8;
    h.file_size = h.off_grams + glen;
    h.header_check = mtl_forms_header_sum(&h);
    /* beside and renamed: a running mtlint may map the old file */
    mtl_map_writer w;
    if (mtl_map_write_open(&w, out) != 0) {
        fprintf(stderr, "build_forms: cannot write %s\n", out);
        return 1;
    }
    fwrite(&h, sizeof h, 1, w.f);
    fwrite(k.slot, sizeof *k.slot, k.mask + 1, w.f);
    fwrite(k.str, 1, k.len, w.f);
    pad8(w.f);
    fwrite(grams, 1, glen, w.f);
    if (mtl_map_write_close(&w, 1) != 0) {
        fprintf(stderr, "build_forms: cannot write %s\n", out);
        return 1;
    }
    fprintf(stderr, "build_forms: %s: %llu forms\n", out,
            (unsigned long long)k.used);
    free(grams);
    free(k.slot);
    free(k.str);
    free(aff);
    mtl_speller_close(sp);
    mtl_speller_close(with);
    mtl_options_free(opts);
    return 0;
}
