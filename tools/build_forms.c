/*
 * Compiles a Hunspell dictionary into the file src/lang/forms.h maps:
 * every case-folded form the expanded word set holds (wordset.h), each with
 * Hunspell's verdicts in lower case, with a capital and in capitals, the
 * forms with capitals inside as spelt with Hunspell's verdict, and the
 * four-letter filter of the .dic.
 *
 *     build_forms OUT LANG DIC [WORDLIST...]
 *
 * DIC is the dictionary's .dic file (its .aff beside it); the WORDLISTs,
 * when given, are added to the dictionary before Hunspell is asked, as the
 * spell analysis adds them (each file's size and checksum are recorded, so
 * the runtime knows it is compiled in). A dictionary whose affix rules the
 * expanded set cannot follow, or one that is not installed, gives an empty
 * file, which the runtime ignores (it then asks Hunspell).
 */
#include "base/hash.h"
#include "base/mapfile.h"
#include "base/utf8.h"
#include "lang/forms.h"
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

/* The folded forms, and the forms spelt with capitals inside as spelt. */
typedef struct tables {
    keys folded, exact;
    uint8_t *chars; /* a bit per character a form holds */
} tables;

#define N_CHARS 0x110000

static int insert(keys *k, const char *key, size_t n)
{
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

/* A form of the expanded set: its folded key, and when it has capitals
 * inside, its spelling. Forms with characters forms.c cannot fold are left
 * out: it never looks them up. */
static int add_key(void *ctx, const char *s, size_t n)
{
    tables *t = ctx;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += mtl_utf8_next(s, n, i, &c);
        if (c < N_CHARS)
            t->chars[c / 8] = (uint8_t)(t->chars[c / 8] | 1u << (c % 8));
    }
    char key[512];
    int type;
    size_t k = mtl_forms_key(s, n, key, sizeof key, &type);
    if (k == 0 || k > 255)
        return 0;
    if (insert(&t->folded, key, k) != 0)
        return -1;
    return type >= MTL_CASE_HUHINIT ? insert(&t->exact, s, n) : 0;
}

/* ---- what lets forms.c judge every word it can fold ---------------------
 * forms.c breaks words at hyphens as Hunspell's default BREAK does, and
 * rejects a word no form folds to, or one with capitals inside that the
 * exact table lacks. That holds when the .aff keeps the default BREAK, has
 * no language rules of its own for dashes or dotted i, and reads no other
 * character as another (ICONV); when the stems that form compounds (of
 * numbers, "21st") all hold a digit and no hyphen, and no affix of theirs
 * takes a digit away or adds a hyphen, so that a word without a digit or
 * with a hyphen is never a compound; and when no stem with capitals inside
 * (or in capitals with affixes) takes a prefix: Hunspell adds such a stem
 * again as "Mcdonald" for "MCDONALD", and its prefixed forms
 * ("unMcdonald") are not in the expanded set. A stem with an escaped
 * character ("AC\\/DC") is read unescaped by Hunspell, not by wordset.c. */
static int whole(const char *aff, const char *dic)
{
    FILE *f = fopen(aff, "r");
    if (!f)
        return 0;
    uint8_t compound[256] = {0}, prefix[256] = {0}, bad[256] = {0};
    char line[1024];
    const char *why = NULL;
    long pending = 0;
    while (!why && fgets(line, sizeof line, f)) {
        char *tok[5] = {0};
        int nt = (int)mtl_aff_fields(line, tok, 5);
        if (nt == 0)
            continue;
        char *d = tok[0];
        if (!memcmp(d, "\xEF\xBB\xBF", 3))
            d += 3;
        int numeric = nt >= 2 && strspn(tok[1], "0123456789") == strlen(tok[1]);
        if (!strcmp(d, "BREAK")) {
            why = "BREAK";
        } else if (!strcmp(d, "LANG") && nt >= 2 &&
                   (!strncmp(tok[1], "hu", 2) || !strncmp(tok[1], "tr", 2) ||
                    !strncmp(tok[1], "az", 2) || !strncmp(tok[1], "crh", 3))) {
            why = "LANG";
        } else if (!strcmp(d, "ICONV") && !numeric &&
                   !(nt >= 3 && !strcmp(tok[1], "\xE2\x80\x99") &&
                     !strcmp(tok[2], "'"))) {
            why = "ICONV";
        } else if (!strcmp(d, "COMPOUNDRULE") && !numeric && nt >= 2) {
            for (const char *c = tok[1]; *c; c++)
                if (!strchr("*?()", *c))
                    compound[(unsigned char)*c] = 1;
        } else if ((!strcmp(d, "PFX") || !strcmp(d, "SFX")) && nt >= 4) {
            unsigned char fl = (unsigned char)tok[1][0];
            if (pending == 0) { /* a header: its entries follow */
                pending = strtol(tok[3], NULL, 10);
                continue;
            }
            pending--;
            prefix[fl] |= d[0] == 'P';
            if (strpbrk(tok[2], "0123456789") || strchr(tok[3], '-'))
                bad[fl] = 1;
        }
    }
    fclose(f);
    f = why ? NULL : fopen(dic, "r");
    for (int first = 1; f && !why && fgets(line, sizeof line, f); first = 0) {
        if (first)
            continue; /* the word count */
        size_t n = strcspn(line, "/\t \r\n");
        const char *flags = line[n] == '/' ? line + n + 1 : "";
        size_t nf = strcspn(flags, "\t \r\n");
        int comp = 0, pfx = 0, bad_affix = 0;
        for (size_t i = 0; i < nf; i++) {
            comp |= compound[(unsigned char)flags[i]];
            pfx |= prefix[(unsigned char)flags[i]];
            bad_affix |= bad[(unsigned char)flags[i]];
        }
        int digit = 0;
        for (size_t i = 0; i < n; i++)
            digit |= line[i] >= '0' && line[i] <= '9';
        if (memchr(line, '\\', n))
            why = "an escaped character in a stem";
        if (comp && (!digit || memchr(line, '-', n) || bad_affix))
            why = "a compound stem without a digit";
        char key[1024];
        int type;
        if (pfx && mtl_forms_key(line, n, key, sizeof key, &type) &&
            (type >= MTL_CASE_HUHINIT || (type == MTL_CASE_ALL && nf)))
            why = "a stem with capitals inside takes a prefix";
    }
    if (f)
        fclose(f);
    if (why)
        fprintf(stderr, "build_forms: %s: %s; words with hyphens, capitals "
                "inside or letters beyond ASCII are left to Hunspell\n",
                aff, why);
    return !why && f != NULL;
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

/* Hunspell's verdict on w[0..n), with each apostrophe written U+2019 or
 * not. */
static int ask(const mtl_speller *sp, const char *w, size_t n, int curly)
{
    char c[3 * 512];
    size_t k = 0;
    for (size_t i = 0; curly && i < n && k + 3 < sizeof c; i++) {
        if (w[i] == '\'') {
            memcpy(c + k, "\xE2\x80\x99", 3);
            k += 3;
        } else {
            c[k++] = w[i];
        }
    }
    return curly ? mtl_speller_hunspell(sp, c, k)
                 : mtl_speller_hunspell(sp, w, n);
}

/* Hunspell's verdicts on the folded form key[0..n) in lower case, with a
 * capital and in capitals: the spellings of those types (forms.h). A form
 * that does not start with a letter has no capital spelling, one without
 * letters no capitals: unused. */
static uint8_t verdicts(const mtl_speller *sp, const char *key, size_t n,
                        int curly)
{
    char w[512];
    uint8_t v = ask(sp, key, n, curly) ? MTL_FORMS_LOWER : 0;
    int type;
    size_t k = mtl_forms_recase(key, n, MTL_CASE_INIT, w, sizeof w);
    char folded[512];
    if (k && mtl_forms_key(w, k, folded, sizeof folded, &type) &&
        type == MTL_CASE_INIT && ask(sp, w, k, curly))
        v |= MTL_FORMS_TITLE;
    k = mtl_forms_recase(key, n, MTL_CASE_ALL, w, sizeof w);
    if (k && mtl_forms_key(w, k, folded, sizeof folded, &type) &&
        type == MTL_CASE_ALL && ask(sp, w, k, curly))
        v |= MTL_FORMS_UPPER;
    return v;
}

/* A table at most half full, from one with room to collect in. */
static int shrink(keys *k)
{
    uint32_t bits = 1;
    while (((uint64_t)1 << bits) < 2 * k->used)
        bits++;
    keys small = {.mask = ((uint64_t)1 << bits) - 1, .str = k->str,
                  .len = k->len, .cap = k->cap, .used = k->used};
    small.slot = calloc(small.mask + 1, sizeof *small.slot);
    if (!small.slot)
        return -1;
    for (uint64_t j = 0; j <= k->mask; j++) {
        if (!k->slot[j].len)
            continue;
        uint64_t i = mtl_forms_hash(k->str + k->slot[j].off, k->slot[j].len) &
                     small.mask;
        while (small.slot[i].len)
            i = (i + 1) & small.mask;
        small.slot[i] = k->slot[j];
    }
    free(k->slot);
    *k = small;
    return 0;
}

static uint32_t bits_of(const keys *k)
{
    uint32_t b = 0;
    while (((uint64_t)1 << b) < k->mask + 1)
        b++;
    return b;
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
    if (argc < 4 || argc > 4 + MTL_FORMS_MAX_LISTS) {
        fprintf(stderr, "usage: build_forms OUT LANG DIC [WORDLIST...]\n");
        return 2;
    }
    const char *out = argv[1], *lang = argv[2], *dic = argv[3];
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
    /* a second speller gets the word lists: verdicts with and without */
    mtl_speller *with = NULL;
    h.n_lists = (uint32_t)(argc - 4);
    if (h.n_lists && (mtl_speller_open(opts, lang, &with, &err) != 0 || !with))
        return 1;
    for (uint32_t i = 0; i < h.n_lists; i++) {
        const char *list = argv[4 + i];
        if (mtl_speller_add_file(with, list) != 0 ||
            checksum(list, &h.list_size[i], &h.list_sum[i]) != 0) {
            fprintf(stderr, "build_forms: cannot read %s\n", list);
            return 1;
        }
    }
    /* room for 2^21 forms while collecting: en_GB, the largest English
     * set, has about 300,000 */
    tables t = {.folded = {.mask = ((uint64_t)1 << 22) - 1},
                .exact = {.mask = ((uint64_t)1 << 22) - 1}};
    t.chars = calloc(N_CHARS / 8, 1);
    t.folded.slot = calloc(t.folded.mask + 1, sizeof *t.folded.slot);
    t.exact.slot = calloc(t.exact.mask + 1, sizeof *t.exact.slot);
    if (!t.chars || !t.folded.slot || !t.exact.slot)
        return 1;
    if (mtl_wordset_expand(aff, dic, add_key, &t) != 0) {
        mtl_speller_close(sp);
        mtl_options_free(opts);
        free(aff);
        return empty_file(out, "affix rules the expanded set cannot follow");
    }
    for (size_t i = 0; with && i < mtl_speller_n_added(with); i++) {
        const char *w = mtl_speller_added(with, i);
        if (add_key(&t, w, strlen(w)) != 0)
            return 1;
    }
    /* the smallest tables at most half full: the slots are what a run
     * touches */
    if (shrink(&t.folded) != 0 || shrink(&t.exact) != 0)
        return 1;
    keys *k = &t.folded, *x = &t.exact;
    const mtl_speller *all = with ? with : sp;
    int curly = 1;
    /* Hunspell's verdicts on each form in its three spellings */
    for (uint64_t j = 0; j <= k->mask; j++) {
        mtl_forms_slot *sl = &k->slot[j];
        if (!sl->len)
            continue;
        char w[256];
        size_t n = sl->len;
        memcpy(w, k->str + sl->off, n);
        sl->verdict = verdicts(sp, w, n, 0);
        sl->verdict |= (uint8_t)(verdicts(all, w, n, 0) << MTL_FORMS_LIST);
        /* stems of the words in -s, as det-number asks (forms.h) */
        int plain = w[n - 1] == 's';
        for (size_t i = 0; i < n; i++)
            plain &= w[i] >= 'a' && w[i] <= 'z';
        if (plain) {
            w[n] = '\0';
            sl->stems = (uint16_t)mtl_speller_hunspell_s_stems(all, w);
        }
        /* U+2019 is read as ' only if Hunspell agrees on every form */
        if (memchr(w, '\'', n) &&
            (verdicts(sp, w, n, 1) != (sl->verdict & 7) ||
             verdicts(all, w, n, 1) != sl->verdict >> MTL_FORMS_LIST))
            curly = 0;
    }
    /* and on each spelling with capitals inside, as spelt */
    for (uint64_t j = 0; j <= x->mask; j++) {
        mtl_forms_slot *sl = &x->slot[j];
        if (!sl->len)
            continue;
        const char *w = x->str + sl->off;
        size_t n = sl->len;
        sl->verdict = (uint8_t)(ask(sp, w, n, 0) ? MTL_FORMS_EXACT : 0);
        if (ask(all, w, n, 0))
            sl->verdict |= MTL_FORMS_EXACT << MTL_FORMS_LIST;
        if (memchr(w, '\'', n) &&
            (ask(sp, w, n, 1) != ask(sp, w, n, 0) ||
             ask(all, w, n, 1) != ask(all, w, n, 0)))
            curly = 0;
        sl->off += (uint32_t)k->len; /* the strings follow the folded ones */
    }
    size_t glen = 0;
    uint8_t *grams = mtl_speller_grams(dic, &glen);
    if (!grams)
        return 1;
    h.curly = (uint32_t)curly;
    h.whole = (uint32_t)whole(aff, dic);
    h.slot_bits = bits_of(k);
    h.exact_bits = bits_of(x);
    h.n_forms = k->used;
    h.strings_len = k->len + x->len;
    h.grams_len = glen;
    h.off_slots = sizeof h;
    h.off_exact = h.off_slots + (k->mask + 1) * sizeof *k->slot;
    h.off_strings = h.off_exact + (x->mask + 1) * sizeof *x->slot;
    uint32_t *chars = malloc(N_CHARS * sizeof *chars);
    if (!chars)
        return 1;
    for (uint32_t c = 0; c < N_CHARS; c++)
        if (t.chars[c / 8] >> (c % 8) & 1)
            chars[h.n_chars++] = c;
    h.off_chars = (h.off_strings + h.strings_len + 7) / 8 * 8;
    h.off_grams = (h.off_chars + h.n_chars * sizeof *chars + 7) / 8 * 8;
    h.file_size = h.off_grams + glen;
    h.header_check = mtl_forms_header_sum(&h);
    /* beside and renamed: a running mtlint may map the old file */
    mtl_map_writer w;
    if (mtl_map_write_open(&w, out) != 0) {
        fprintf(stderr, "build_forms: cannot write %s\n", out);
        return 1;
    }
    fwrite(&h, sizeof h, 1, w.f);
    fwrite(k->slot, sizeof *k->slot, k->mask + 1, w.f);
    fwrite(x->slot, sizeof *x->slot, x->mask + 1, w.f);
    fwrite(k->str, 1, k->len, w.f);
    fwrite(x->str, 1, x->len, w.f);
    pad8(w.f);
    fwrite(chars, sizeof *chars, h.n_chars, w.f);
    pad8(w.f);
    fwrite(grams, 1, glen, w.f);
    if (mtl_map_write_close(&w, 1) != 0) {
        fprintf(stderr, "build_forms: cannot write %s\n", out);
        return 1;
    }
    fprintf(stderr, "build_forms: %s: %llu forms, %llu spelt with capitals "
            "inside\n", out, (unsigned long long)k->used,
            (unsigned long long)x->used);
    free(grams);
    free(chars);
    free(t.chars);
    free(k->slot);
    free(k->str);
    free(x->slot);
    free(x->str);
    free(aff);
    mtl_speller_close(sp);
    mtl_speller_close(with);
    mtl_options_free(opts);
    return 0;
}
