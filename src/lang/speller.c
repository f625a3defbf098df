/*
 * Hunspell behind a mutex (see speller.h).
 */
#include "lang/speller.h"

#include "base/buf.h"
#include "base/hash.h"
#include "base/options.h"
#include "base/utf8.h"
#include "lang/datapath.h"
#include "lang/forms.h"
#include "lang/wordset.h"

#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdatomic.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>

#define MAX_WORD MTL_SPELLER_MAX_WORD

/* The verdict cache: words up to CACHE_WORD - 1 bytes, at most half of
 * CACHE_MAX_SLOTS of them (then it starts again): 1.7 MB at most. It starts
 * at CACHE_MIN_SLOTS (27 KB) and doubles, since most spellers ask Hunspell
 * a few hundred words (scale-1.txt: 446) and one is opened per words-file
 * check. */
#define CACHE_MIN_SLOTS 1024
#define CACHE_MAX_SLOTS 65536
#define CACHE_WORD 25

typedef struct verdict {
    uint8_t len; /* 0: an empty slot */
    uint8_t known;
    char w[CACHE_WORD];
} verdict;

typedef struct vcache { /* behind a pointer, so const spellers can fill it */
    size_t used, n_slots; /* n_slots a power of two */
    verdict *slot;
} vcache;

static vcache *vcache_new(void)
{
    vcache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->n_slots = CACHE_MIN_SLOTS;
    c->slot = calloc(c->n_slots, sizeof *c->slot);
    if (!c->slot) {
        free(c);
        return NULL;
    }
    return c;
}

static void vcache_free(vcache *c)
{
    if (c)
        free(c->slot);
    free(c);
}

static void vcache_clear(vcache *c)
{
    memset(c->slot, 0, c->n_slots * sizeof *c->slot);
    c->used = 0;
}

/* The slot holding s[0..n), or the empty one where it belongs. */
static verdict *vcache_probe(const vcache *c, const char *s, size_t n)
{
    size_t mask = c->n_slots - 1;
    for (size_t j = mtl_fnv32(s, n) & mask;; j = (j + 1) & mask) {
        verdict *v = &c->slot[j];
        if (!v->len || (v->len == n && memcmp(v->w, s, n) == 0))
            return v;
    }
}

/* Room for one more verdict: doubles the table up to CACHE_MAX_SLOTS, then
 * (or when memory runs out: the cache is only a cache) starts again.
 * Returns 1 when the slots moved. */
static int vcache_make_room(vcache *c)
{
    if (2 * (c->used + 1) <= c->n_slots)
        return 0;
    verdict *old = c->slot;
    size_t n_old = c->n_slots;
    verdict *bigger = n_old < CACHE_MAX_SLOTS ? calloc(2 * n_old, sizeof *bigger) : NULL;
    if (!bigger) {
        vcache_clear(c);
        return 1;
    }
    c->slot = bigger;
    c->n_slots = 2 * n_old;
    for (size_t i = 0; i < n_old; i++)
        if (old[i].len)
            *vcache_probe(c, old[i].w, old[i].len) = old[i];
    free(old);
    return 1;
}

/* Runs of four letters, with 0 for a word boundary: 27^4 bits (66 kB). */
#define GRAMS (27 * 27 * 27 * 27)

/* What is loaded on the first question only the dictionary can answer:
 * most runs never need a foreign dictionary, and with a compiled one
 * (forms.h) few need Hunspell at all. Behind a pointer, so const spellers
 * can fill it; filled once, under lock, then read-only. */
typedef struct loaded {
    atomic_int state;   /* 0 not yet, 1 loaded, -1 could not be */
    Hunhandle *h;
    mtl_wordset *forms; /* turns non-words away before Hunspell; NULL: the
                           dictionary's features do not allow it, or the
                           compiled dictionary does it */
} loaded;

struct mtl_speller {
    pthread_mutex_t *lock; /* a pointer, so const spellers can lock it */
    char *encoding;        /* NULL when the dictionary is UTF-8 */
    uint8_t *grams;        /* seen in the dictionary's words; NULL: unknown */
    char *aff, *dic;       /* the dictionary's files */
    mtl_forms *compiled;   /* Hunspell's verdicts made at build time, or NULL */
    unsigned lists;        /* the word lists compiled in that were added, a
                              bit each: the verdicts with them hold when all
                              were */
    mtl_wordset *added;    /* folded added words the compiled verdicts do
                              not know: those go to Hunspell; NULL: none */
    int added_other;       /* one of those is not letters only ("rock'n'roll"),
                              which the set cannot hold */
    mtl_wordset *listed;   /* the same of the words of compiled-in lists, */
    int listed_other;      /* which count as added until all lists are */
    char **words;          /* added words, in the dictionary's encoding, */
    size_t n_words, words_cap; /* given to Hunspell when it loads */
    loaded *load;
    vcache *cache;         /* Hunspell's answers for the linter's lifetime,
                              so the next file's words cost no call; under
                              lock; NULL when there was no memory */
};

/* ---- the four-letter filter --------------------------------------------
 * Hunspell takes microseconds to reject a non-word (its compound checks
 * read the clock), and a search for words one slip away asks it hundreds of
 * times. Most of those candidates hold four letters in a row that no
 * dictionary word has ("tqh"); the table turns them away first. It is built
 * from the .dic stems, each also with common affixes, since the inflected
 * forms Hunspell accepts are not listed. */

static int letter(unsigned char c)
{
    c = (unsigned char)(c | 32);
    return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
}

/* The window of the last four letters, shifted by one letter. */
static size_t shift(size_t k, int c)
{
    return (k * 27 + (size_t)c) % GRAMS;
}

static void tri_add(uint8_t *t, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i <= n; i++) {
        k = shift(k, i < n ? letter((unsigned char)s[i]) : 0);
        t[k / 8] = (uint8_t)(t[k / 8] | 1u << (k % 8));
    }
}

/* The runs where a stem meets an affix: the stem's last three letters
 * and the suffix, or the prefix and the stem's first two letters. The rest
 * of a stem or an affix is added once. */
static const char *const suffixes[] = {
    "s", "es", "ed", "d", "n", "en", "t", "y", "ing", "er", "ers", "est", "ly",
    "ally", "ness", "ment", "ion", "ions", "ation", "able", "ible", "ies",
    "ied", "ier", "ity", "al", "ive", "ize", "ise", "ous", "ic", "ist", "ism",
    "ful", "less", "ant", "ent", "ance", "ence", NULL};
static const char *const prefixes[] = {
    "un", "re", "in", "dis", "non", "pre", "over", "out", "mis", "de", "im",
    NULL};

/* Index of the lower-case letters s[0..k) in base 26, or -1. */
static long lower_key(const char *s, size_t k)
{
    long key = 0;
    for (size_t i = 0; i < k; i++) {
        if (s[i] < 'a' || s[i] > 'z')
            return -1;
        key = key * 26 + (s[i] - 'a');
    }
    return key;
}

/* Marks bit key of seen; 1 if it was set already. Negative keys never are. */
static int seen_before(uint8_t *seen, long key)
{
    if (!seen || key < 0)
        return 0;
    int was = (seen[key / 8] >> (key % 8)) & 1;
    seen[key / 8] = (uint8_t)(seen[key / 8] | 1u << (key % 8));
    return was;
}

/* ends (26^4 bits) and starts (26^3 bits), when not NULL, remember the
 * stem endings and beginnings already added with their affixes: what is
 * added for them depends on those letters only, and most stems share them,
 * so this skips nine tenths of the work at start-up. */
static void tri_add_forms(uint8_t *t, const char *stem, size_t n,
                          uint8_t *ends, uint8_t *starts)
{
    char buf[16];
    tri_add(t, stem, n);
    if (n < 2)
        return;
    size_t e = n < 3 ? n : 3; /* the stem's letters next to the affix */
    int fresh = !(n > 3 && seen_before(ends, lower_key(stem + n - 4, 4)));
    for (size_t k = 0; fresh && suffixes[k]; k++) {
        size_t m = strlen(suffixes[k]);
        memcpy(buf, stem + n - e, e); /* adds a few spurious boundary */
        memcpy(buf + e, suffixes[k], m); /* runs: harmless, looser */
        tri_add(t, buf, e + m);
        char last = stem[n - 1];
        int vowel = strchr("aeiou", suffixes[k][0]) != NULL;
        if (n > 3 && (last == 'e' || last == 'y')) { /* make, making */
            memcpy(buf, stem + n - 4, 3);
            memcpy(buf + 3, suffixes[k], m);
            tri_add(t, buf, 3 + m);
        } else if (n > 3 && vowel && !strchr("aeiouwxy", last)) {
            memcpy(buf, stem + n - 3, 3); /* stop, stopped */
            buf[3] = last;
            memcpy(buf + 4, suffixes[k], m);
            tri_add(t, buf, 4 + m);
        }
    }
    if (n >= 3 && seen_before(starts, lower_key(stem, 3)))
        return;
    for (size_t k = 0; prefixes[k]; k++) {
        size_t m = strlen(prefixes[k]);
        memcpy(buf, prefixes[k], m);
        memcpy(buf + m, stem, e);
        tri_add(t, buf, m + e);
    }
}

/* Reads the .dic word list, or copies the table compiled with the
 * dictionary; leaves sp->grams NULL if it cannot read the list. Out of
 * memory is -1: the spelling analysis decides with the table, so a linter
 * without it would lint differently. */
int mtl_speller_use_filter(mtl_speller *sp)
{
    const char *dic = sp->dic;
    if (sp->grams || !dic)
        return 0;
    size_t len;
    const uint8_t *built = mtl_forms_grams(sp->compiled, &len);
    if (built && len == GRAMS / 8 + 1) {
        if (!(sp->grams = malloc(len)))
            return -1;
        memcpy(sp->grams, built, len);
        return 0;
    }
    errno = 0;
    sp->grams = mtl_speller_grams(dic, NULL);
    return !sp->grams && errno == ENOMEM ? -1 : 0;
}

uint8_t *mtl_speller_grams(const char *dic, size_t *len)
{
    FILE *f = fopen(dic, "r");
    if (!f)
        return NULL;
    uint8_t *t = calloc(GRAMS / 8 + 1, 1);
    uint8_t *ends = calloc(26 * 26 * 26 * 26 / 8 + 1, 1);
    uint8_t *starts = calloc(26 * 26 * 26 / 8 + 1, 1);
    if (!t || !ends || !starts) {
        fclose(f);
        free(t);
        free(ends);
        free(starts);
        errno = ENOMEM;
        return NULL;
    }
    char line[256];
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        if (first) { /* the word count */
            first = 0;
            continue;
        }
        size_t n = strcspn(line, "/\t \r\n");
        tri_add_forms(t, line, n, ends, starts);
    }
    fclose(f);
    free(ends);
    free(starts);
    if (len)
        *len = GRAMS / 8 + 1;
    return t;
}

int mtl_speller_slip_range(const mtl_speller *sp, const char *s, size_t n,
                           size_t *lo, size_t *hi)
{
    *lo = 0;
    *hi = n;
    if (!sp->grams)
        return 1;
    size_t k = 0;
    for (size_t j = 0; j <= n; j++) {
        if (j < n && (unsigned char)s[j] >= 0x80) {
            *lo = 0;
            *hi = n;
            return 1; /* not judged */
        }
        k = shift(k, j < n ? letter((unsigned char)s[j]) : 0);
        if (!(sp->grams[k / 8] & (1u << (k % 8)))) {
            /* the run ending at j holds letters j-3..j; an edit a letter
             * either side may still change it */
            size_t a = j >= 5 ? j - 5 : 0, b = j + 2;
            if (a > *lo)
                *lo = a;
            if (b < *hi)
                *hi = b;
        }
    }
    return *lo <= *hi;
}

/* Are all four-letter runs of s[0..n) seen in dictionary words, the end of
 * the word too when `whole`? */
static int runs_seen(const mtl_speller *sp, const char *s, size_t n, int whole)
{
    if (!sp->grams)
        return 1;
    size_t k = 0;
    for (size_t i = 0; i < n + (whole != 0); i++) {
        if (i < n && (unsigned char)s[i] >= 0x80)
            return 1; /* not judged */
        k = shift(k, i < n ? letter((unsigned char)s[i]) : 0);
        if (!(sp->grams[k / 8] & (1u << (k % 8))))
            return 0;
    }
    return 1;
}

int mtl_speller_may_know(const mtl_speller *sp, const char *s, size_t n)
{
    return runs_seen(sp, s, n, 1);
}

int mtl_speller_may_begin(const mtl_speller *sp, const char *s, size_t n)
{
    return runs_seen(sp, s, n, 0);
}

/* ---- opening ---------------------------------------------------------- */

static const char *const system_dirs[] = {
    "/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell", "/usr/local/share/myspell", NULL};

static int readable(const char *p)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return 0;
    fclose(f);
    return 1;
}

/* base.aff and base.dic both exist: 1, 0, or -1 when out of memory */
static int pair_exists(const char *base)
{
    size_t n = strlen(base);
    char *p = malloc(n + 5);
    if (!p)
        return -1;
    memcpy(p, base, n);
    memcpy(p + n, ".aff", 5);
    int ok = readable(p);
    memcpy(p + n, ".dic", 5);
    ok = ok && readable(p);
    free(p);
    return ok;
}

/* dir/lang, or dir itself when it names the .dic or .aff file of lang.
 * Out of memory, *oom is set: "not found" would quietly turn rules off. */
static char *try_entry(const char *dir, size_t len, const char *lang, int *oom)
{
    mtl_sb sb = {0};
    char *base;
    if (len > 4 && (!strncmp(dir + len - 4, ".dic", 4) ||
                    !strncmp(dir + len - 4, ".aff", 4))) {
        mtl_sb_add(&sb, dir, len - 4);
        base = mtl_sb_take(&sb);
        const char *slash = base ? strrchr(base, '/') : NULL;
        const char *name = slash ? slash + 1 : base;
        if (base && strcmp(name, lang) != 0) {
            free(base);
            return NULL;
        }
    } else {
        mtl_sb_add(&sb, dir, len);
        mtl_sb_addc(&sb, '/');
        mtl_sb_adds(&sb, lang);
        base = mtl_sb_take(&sb);
    }
    int found = base ? pair_exists(base) : -1;
    if (found == 1)
        return base;
    free(base);
    if (found < 0)
        *oom = 1;
    return NULL;
}

/* each entry of a ':'-separated list */
static char *try_list(const char *list, const char *lang, int *oom)
{
    while (list && *list && !*oom) {
        const char *end = strchr(list, ':');
        size_t n = end ? (size_t)(end - list) : strlen(list);
        char *b = n ? try_entry(list, n, lang, oom) : NULL;
        if (b)
            return b;
        list = end ? end + 1 : NULL;
    }
    return NULL;
}

static char *find_base(const mtl_options *opts, const char *lang, int *oom)
{
    const char *d;
    *oom = 0;
    for (size_t i = 0; !*oom && (d = mtl_options_nth(opts, "dict-path", i)); i++) {
        char *b = try_entry(d, strlen(d), lang, oom);
        if (b)
            return b;
    }
    char *b = *oom ? NULL : try_list(getenv("DICPATH"), lang, oom);
    for (size_t i = 0; !b && !*oom && system_dirs[i]; i++)
        b = try_entry(system_dirs[i], strlen(system_dirs[i]), lang, oom);
    return b;
}

/* "en-GB" -> "en_GB" into name; 0, or -1 for a name that cannot be one. */
static int dict_name(const char *lang, char name[64])
{
    size_t n = strlen(lang);
    if (n == 0 || n >= 64 || strchr(lang, '/'))
        return -1;
    for (size_t i = 0; i <= n; i++)
        name[i] = lang[i] == '-' ? '_' : lang[i];
    return 0;
}

char *mtl_speller_locate(const mtl_options *opts, const char *lang)
{
    char name[64];
    if (dict_name(lang, name) != 0)
        return NULL;
    int oom;
    char *base = find_base(opts, name, &oom);
    if (!base)
        return NULL;
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s.dic", base);
    free(base);
    return mtl_sb_take(&sb);
}

/* The encoding the .aff file SETs (malloc'd), NULL for UTF-8, or
 * Hunspell's default when it sets none; *bad on no memory. */
static char *aff_encoding(const char *aff, int *bad)
{
    *bad = 0;
    FILE *f = fopen(aff, "r");
    if (!f)
        return NULL;
    char line[512], enc[64] = "ISO8859-1";
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        if (!memcmp(p, "\xEF\xBB\xBF", 3))
            p += 3;
        if (strncmp(p, "SET", 3) != 0 || (p[3] != ' ' && p[3] != '\t'))
            continue;
        p += 3 + strspn(p + 3, " \t");
        size_t n = strcspn(p, " \t\r\n");
        if (n && n < sizeof enc) {
            memcpy(enc, p, n);
            enc[n] = '\0';
        }
        break;
    }
    fclose(f);
    if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8"))
        return NULL;
    char *e = strdup(enc);
    *bad = !e;
    return e;
}

int mtl_speller_open(const mtl_options *opts, const char *lang,
                     mtl_speller **out, char **error)
{
    *out = NULL;
    char name[64];
    if (dict_name(lang, name) != 0) {
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "bad dictionary language '%s'", lang);
        *error = mtl_sb_take(&sb);
        return -1;
    }
    int oom;
    char *base = find_base(opts, name, &oom);
    if (oom) {
        *error = strdup("out of memory");
        return -1;
    }
    if (!base)
        return 0;
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "%s.aff", base);
    char *aff = mtl_sb_take(&sb);
    mtl_sb_printf(&sb, "%s.dic", base);
    char *dic = mtl_sb_take(&sb);
    mtl_sb_printf(&sb, "hunspell-%s.forms", name);
    char *compiled = mtl_sb_take(&sb);
    free(base);
    mtl_speller *sp = calloc(1, sizeof *sp);
    if (sp) {
        sp->lock = malloc(sizeof *sp->lock);
        sp->load = calloc(1, sizeof *sp->load);
        sp->aff = aff;
        sp->dic = dic;
    }
    int bad = 0;
    if (!aff || !dic || !compiled || !sp || !sp->lock || !sp->load ||
        pthread_mutex_init(sp->lock, NULL) != 0) {
        if (sp) {
            free(sp->lock);
            sp->lock = NULL;
        }
        mtl_speller_close(sp);
        if (!sp) {
            free(aff);
            free(dic);
        }
        free(compiled);
        *error = strdup("out of memory");
        return -1;
    }
    sp->encoding = aff_encoding(aff, &bad);
    char *path = mtl_data_find(opts, compiled);
    free(compiled);
    sp->compiled = mtl_forms_open(path, aff, dic);
    free(path);
    sp->cache = vcache_new(); /* optional */
    if (bad) {
        mtl_speller_close(sp);
        *error = strdup("out of memory");
        return -1;
    }
    *out = sp;
    return 0;
}

/* Loads Hunspell (and, without a compiled dictionary, the expanded word
 * set) on the first call; the loaded state, or NULL if it cannot be. */
static const loaded *load(const mtl_speller *sp)
{
    loaded *l = sp->load;
    int st = atomic_load_explicit(&l->state, memory_order_acquire);
    if (st)
        return st > 0 ? l : NULL;
    pthread_mutex_lock(sp->lock);
    st = atomic_load_explicit(&l->state, memory_order_relaxed);
    if (!st) {
        l->h = Hunspell_create(sp->aff, sp->dic);
        if (l->h && !sp->compiled)
            l->forms = mtl_wordset_build(sp->aff, sp->dic);
        for (size_t i = 0; l->h && i < sp->n_words; i++) {
            Hunspell_add(l->h, sp->words[i]);
            if (l->forms &&
                mtl_wordset_add(l->forms, sp->words[i],
                                strlen(sp->words[i])) != 0) {
                mtl_wordset_free(l->forms); /* out of memory: do without */
                l->forms = NULL;
            }
        }
        st = l->h ? 1 : -1;
        atomic_store_explicit(&l->state, st, memory_order_release);
    }
    pthread_mutex_unlock(sp->lock);
    return st > 0 ? l : NULL;
}

void mtl_speller_close(mtl_speller *sp)
{
    if (!sp)
        return;
    if (sp->load) {
        if (sp->load->h)
            Hunspell_destroy(sp->load->h);
        mtl_wordset_free(sp->load->forms);
        free(sp->load);
    }
    if (sp->lock) {
        pthread_mutex_destroy(sp->lock);
        free(sp->lock);
    }
    for (size_t i = 0; i < sp->n_words; i++)
        free(sp->words[i]);
    free(sp->words);
    mtl_wordset_free(sp->added);
    mtl_wordset_free(sp->listed);
    mtl_forms_close(sp->compiled);
    free(sp->encoding);
    free(sp->grams);
    free(sp->aff);
    free(sp->dic);
    vcache_free(sp->cache);
    free(sp);
}

/* ---- words in and out --------------------------------------------------- */

/* Converts s[0..n) between encodings into out (NUL-terminated); returns 0,
 * or -1 if it does not fit or a character has no equivalent. */
static int convert(const char *to, const char *from, const char *s, size_t n,
                   char *out, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t k = ucnv_convert(to, from, out, (int32_t)cap, s, (int32_t)n, &st);
    if (U_FAILURE(st) || k < 0 || (size_t)k >= cap)
        return -1;
    /* A character the target lacks becomes a substitute: not the word. */
    for (int32_t i = 0; i < k; i++)
        if (out[i] == 0x1A)
            return -1;
    out[k] = '\0';
    return 0;
}

/* The word in the dictionary's encoding; 0, or -1 when it cannot be. */
static int to_dict(const mtl_speller *sp, const char *s, size_t n, char *out,
                   size_t cap)
{
    if (n == 0 || n >= cap || memchr(s, '\0', n))
        return -1;
    if (!sp->encoding) {
        memcpy(out, s, n);
        out[n] = '\0';
        return 0;
    }
    return convert(sp->encoding, "UTF-8", s, n, out, cap);
}

/* Adds a word; compiled_in: the compiled verdicts count it once every
 * list compiled in is added. */
static int add_word(mtl_speller *sp, const char *word, int compiled_in)
{
    char w[MAX_WORD + 1];
    size_t n = strlen(word);
    if (to_dict(sp, word, n, w, sizeof w) != 0)
        return 0; /* not a word the dictionary could hold: ignore it */
    if (sp->grams)
        tri_add_forms(sp->grams, w, strlen(w), NULL, NULL);
    char *copy = strdup(w);
    if (!copy || mtl_grow((void **)&sp->words, &sp->words_cap,
                          sp->n_words + 1, sizeof *sp->words) != 0) {
        free(copy);
        return -1;
    }
    sp->words[sp->n_words++] = copy;
    mtl_wordset **set = compiled_in ? &sp->listed : &sp->added;
    if (sp->compiled && ((!*set && !(*set = mtl_wordset_new())) ||
                         mtl_wordset_add(*set, word, n) != 0))
        return -1;
    int *other = compiled_in ? &sp->listed_other : &sp->added_other;
    if (sp->compiled)
        for (size_t i = 0; i < n; i++)
            *other |= !((word[i] | 32) >= 'a' && (word[i] | 32) <= 'z');
    /* after the first look-up: Hunspell is loaded already */
    const loaded *l = atomic_load(&sp->load->state) > 0 ? sp->load : NULL;
    if (l && l->forms && mtl_wordset_add(l->forms, word, n) != 0) {
        mtl_wordset_free(l->forms); /* out of memory: do without it */
        sp->load->forms = NULL;
    }
    pthread_mutex_lock(sp->lock);
    int rc = l ? Hunspell_add(l->h, w) : 0;
    if (sp->cache && sp->cache->used) /* "unknown" may no longer hold */
        vcache_clear(sp->cache);
    pthread_mutex_unlock(sp->lock);
    return rc == 0 ? 0 : -1;
}

int mtl_speller_add(mtl_speller *sp, const char *word)
{
    return add_word(sp, word, 0);
}

int mtl_speller_add_file(mtl_speller *sp, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    /* the list the compiled verdicts were made with needs no Hunspell */
    char buf[65536];
    uint64_t size = 0, sum = MTL_FNV64_INIT;
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        sum = mtl_fnv64(sum, buf, got);
        size += got;
    }
    int list = mtl_forms_list(sp->compiled, size, sum);
    int compiled_in = list >= 0;
    if (compiled_in)
        sp->lists |= 1u << list;
    rewind(f);
    /* Whole lines, however long: a fixed buffer would cut a long line in
     * two and add its tail as a word. */
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) >= 0) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        size_t n = strlen(line);
        while (n && strchr(" \t\r\n", line[n - 1]))
            line[--n] = '\0';
        char *w = line;
        while (*w == ' ' || *w == '\t')
            w++;
        if (*w)
            rc = add_word(sp, w, compiled_in);
    }
    /* getline also stops when out of memory; only the end of the file is
     * a good end */
    if (rc == 0 && (ferror(f) || !feof(f)))
        rc = -1;
    free(line);
    fclose(f);
    return rc;
}

/* Were all word lists compiled in added, so that the verdicts made with
 * them hold? */
static int with_lists(const mtl_speller *sp)
{
    size_t n = mtl_forms_n_lists(sp->compiled);
    return n && sp->lists == (1u << n) - 1;
}

/* Could one of the added words in set (other: one is not letters only)
 * change Hunspell's verdict on s[0..n)? An added word has no affixes, and
 * Hunspell breaks words at hyphens only, so a word of letters only is
 * accepted as itself alone, or as a part between hyphens: it decides
 * nothing about "it's", "café" or "Blinken's", nor about "well-known"
 * unless it is "well" or "known". Those went to Hunspell before, and news
 * text loaded it (a fifth of a short file's time, 20 MB) for nothing. */
static int set_may_decide(const mtl_wordset *set, int other, const char *s,
                          size_t n)
{
    if (!set)
        return 0;
    if (other)
        return mtl_wordset_may_have(set, s, n);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        int letters = 1;
        for (; j < n && s[j] != '-'; j++)
            letters &= ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z');
        if (j > i && letters && mtl_wordset_may_have(set, s + i, j - i))
            return 1;
        i = j + 1;
    }
    return 0;
}

/* Could the added words the compiled verdicts do not count change
 * Hunspell's verdict on s[0..n)? */
static int added_may_decide(const mtl_speller *sp, const char *s, size_t n)
{
    return set_may_decide(sp->added, sp->added_other, s, n) ||
           (!with_lists(sp) &&
            set_may_decide(sp->listed, sp->listed_other, s, n));
}

int mtl_speller_check(const mtl_speller *sp, const char *s, size_t n)
{
    char w[MAX_WORD + 1];
    if (n > MAX_WORD)
        return 0; /* Hunspell is never asked (to_dict) */
    if (sp->compiled && !added_may_decide(sp, s, n)) {
        int v = mtl_forms_verdict(sp->compiled, s, n, with_lists(sp));
        if (v >= 0)
            return v; /* most words end here, without Hunspell */
    }
    const loaded *l = load(sp);
    if (!l)
        return 0;
    if (!mtl_wordset_may_have(l->forms, s, n))
        return 0; /* most slip candidates end here, without the lock */
    if (to_dict(sp, s, n, w, sizeof w) != 0)
        return 0;
    verdict *slot = NULL;
    pthread_mutex_lock(sp->lock);
    if (sp->cache && n < CACHE_WORD) {
        /* at most half full, so a probe meets an empty slot soon */
        verdict *v = vcache_probe(sp->cache, s, n);
        if (v->len) {
            int known = v->known;
            pthread_mutex_unlock(sp->lock);
            return known;
        }
        slot = v;
    }
    int ok = Hunspell_spell(l->h, w) != 0;
    if (slot) {
        if (vcache_make_room(sp->cache))
            slot = vcache_probe(sp->cache, s, n);
        slot->len = (uint8_t)n;
        slot->known = (uint8_t)ok;
        memcpy(slot->w, s, n);
        sp->cache->used++;
    }
    pthread_mutex_unlock(sp->lock);
    return ok;
}

int mtl_speller_hunspell(const mtl_speller *sp, const char *s, size_t n)
{
    char w[MAX_WORD + 1];
    const loaded *l = load(sp);
    if (!l || to_dict(sp, s, n, w, sizeof w) != 0)
        return 0;
    pthread_mutex_lock(sp->lock);
    int ok = Hunspell_spell(l->h, w) != 0;
    pthread_mutex_unlock(sp->lock);
    return ok;
}

size_t mtl_speller_n_added(const mtl_speller *sp) { return sp->n_words; }

const char *mtl_speller_added(const mtl_speller *sp, size_t i)
{
    return i < sp->n_words ? sp->words[i] : NULL;
}

int mtl_speller_compiled(const mtl_speller *sp) { return sp->compiled != NULL; }

int mtl_speller_loaded(const mtl_speller *sp)
{
    return atomic_load_explicit(&sp->load->state, memory_order_acquire) > 0;
}

size_t mtl_speller_suggest(const mtl_speller *sp, const char *word, char **out,
                           size_t max)
{
    char w[MAX_WORD + 1];
    if (to_dict(sp, word, strlen(word), w, sizeof w) != 0)
        return 0;
    char **list = NULL;
    size_t kept = 0;
    const loaded *l = load(sp);
    if (!l)
        return 0;
    pthread_mutex_lock(sp->lock);
    int n = Hunspell_suggest(l->h, &list, w);
    for (int i = 0; i < n && kept < max; i++) {
        char buf[4 * MAX_WORD + 1];
        const char *s = list[i];
        if (sp->encoding) {
            if (convert("UTF-8", sp->encoding, s, strlen(s), buf,
                        sizeof buf) != 0)
                continue;
            s = buf;
        }
        if ((out[kept] = strdup(s)) != NULL)
            kept++;
    }
    if (list)
        Hunspell_free_list(l->h, &list, n);
    pthread_mutex_unlock(sp->lock);
    return kept;
}

size_t mtl_speller_stems(const mtl_speller *sp, const char *word, char *out,
                         size_t cap)
{
    char w[MAX_WORD + 1];
    if (cap == 0 || to_dict(sp, word, strlen(word), w, sizeof w) != 0)
        return 0;
    char **list = NULL;
    size_t kept = 0, used = 0;
    const loaded *l = load(sp); /* stems are Hunspell's: it loads here */
    if (!l)
        return 0;
    pthread_mutex_lock(sp->lock);
    int n = Hunspell_stem(l->h, &list, w);
    for (int i = 0; i < n; i++) {
        char buf[4 * MAX_WORD + 1];
        const char *s = list[i];
        if (sp->encoding) {
            if (convert("UTF-8", sp->encoding, s, strlen(s), buf,
                        sizeof buf) != 0)
                continue;
            s = buf;
        }
        size_t len = strlen(s);
        if (used + len + 1 >= cap)
            break;
        memcpy(out + used, s, len + 1);
        used += len + 1;
        kept++;
    }
    out[used] = '\0';
    if (list)
        Hunspell_free_list(l->h, &list, n);
    pthread_mutex_unlock(sp->lock);
    return kept;
}

/* The MTL_STEM_* bit of one stem of the word w[0..n) in -s, or 0. */
static unsigned stem_bit(const char *w, size_t n, const char *st)
{
    size_t m = strlen(st);
    if (m == n)
        return strcmp(st, w) == 0 ? MTL_STEM_SELF : 0;
    if (m == 0 || m > n || strncmp(w, st, m - 1) != 0)
        return 0;
    if (m + 1 == n && st[m - 1] == w[m - 1])
        return MTL_STEM_S;
    if (m + 2 == n && st[m - 1] == w[m - 1] && strcmp(w + m, "es") == 0)
        return MTL_STEM_ES;
    if (m + 2 == n && st[m - 1] == 'y' && strcmp(w + m - 1, "ies") == 0)
        return MTL_STEM_IES;
    if (n >= 5 && strcmp(w + n - 4, "ings") == 0) {
        if (m + 4 == n && st[m - 1] == w[m - 1])
            return MTL_STEM_INGS;
        if (m + 3 == n && st[m - 1] == 'e')
            return MTL_STEM_INGS_E;
    }
    return 0;
}

unsigned mtl_speller_hunspell_s_stems(const mtl_speller *sp, const char *word)
{
    size_t n = strlen(word);
    if (n < 2 || word[n - 1] != 's' || n >= MAX_WORD)
        return 0;
    char buf[4 * MAX_WORD + 1];
    unsigned bits = 0;
    size_t k = mtl_speller_stems(sp, word, buf, sizeof buf);
    const char *st = buf;
    for (size_t i = 0; i < k; i++, st += strlen(st) + 1)
        bits |= stem_bit(word, n, st);
    return bits;
}

unsigned mtl_speller_s_stems(const mtl_speller *sp, const char *word)
{
    size_t n = strlen(word);
    if (n < 2 || word[n - 1] != 's')
        return 0;
    if (sp->compiled && !added_may_decide(sp, word, n)) {
        int bits = mtl_forms_stems(sp->compiled, word, n, with_lists(sp));
        if (bits >= 0)
            return (unsigned)bits;
    }
    return mtl_speller_hunspell_s_stems(sp, word);
}
