/*
 * The dictionary's word forms as a set of fingerprints (wordset.h).
 */
#include "lang/wordset.h"

#include "base/hash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mtl_wordset {
    uint32_t *slots; /* fingerprints, 0 when empty */
    size_t mask, used;
};

static int ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* FNV-1a of the folded word, then a finaliser so the low bits mix well. */
static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = MTL_FNV64_INIT;
    for (size_t i = 0; i < n; i++)
        h = mtl_fnv64_byte(h, (unsigned char)(s[i] | 32));
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return h;
}

static int letters_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ascii_letter((unsigned char)s[i]))
            return 0;
    return n > 0;
}

/* The slot is chosen from the fingerprint alone, so the table can grow. */
static size_t home(uint32_t fp, size_t mask)
{
    return (size_t)((uint64_t)fp * 0x9E3779B97F4A7C15u >> 13) & mask;
}

static int grow(mtl_wordset *ws)
{
    size_t cap = (ws->mask + 1) * 2;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i <= ws->mask; i++) {
        uint32_t fp = ws->slots[i];
        if (!fp)
            continue;
        size_t j = home(fp, cap - 1);
        while (t[j])
            j = (j + 1) & (cap - 1);
        t[j] = fp;
    }
    free(ws->slots);
    ws->slots = t;
    ws->mask = cap - 1;
    return 0;
}

static uint32_t fingerprint(const char *s, size_t n)
{
    return (uint32_t)hash(s, n) | 1u;
}

int mtl_wordset_add(mtl_wordset *ws, const char *s, size_t n)
{
    if (!letters_only(s, n))
        return 0; /* never asked about: only letter words are filtered */
    if (2 * (ws->used + 1) > ws->mask + 1 && grow(ws) != 0)
        return -1;
    uint32_t fp = fingerprint(s, n);
    size_t j = home(fp, ws->mask);
    while (ws->slots[j]) {
        if (ws->slots[j] == fp)
            return 0;
        j = (j + 1) & ws->mask;
    }
    ws->slots[j] = fp;
    ws->used++;
    return 0;
}

int mtl_wordset_may_have(const mtl_wordset *ws, const char *s, size_t n)
{
    if (!ws || !letters_only(s, n))
        return 1;
    uint32_t fp = fingerprint(s, n);
    for (size_t j = home(fp, ws->mask);; j = (j + 1) & ws->mask) {
        if (ws->slots[j] == fp)
            return 1;
        if (!ws->slots[j])
            return 0;
    }
}

void mtl_wordset_free(mtl_wordset *ws)
{
    if (!ws)
        return;
    free(ws->slots);
    free(ws);
}

/* ---- reading the affix file --------------------------------------------- */

#define MAX_COND 8
#define MAX_AFFIX 64

typedef struct affix {
    char strip[MAX_AFFIX], add[MAX_AFFIX];
    uint8_t strip_len, add_len, cross, suffix, n_cond, any;
    unsigned char flag;
    uint8_t cond[MAX_COND][32]; /* a bit per byte value */
} affix;

typedef struct affixes {
    affix *a;
    size_t n, cap;
    uint8_t compound[256]; /* flags that COMPOUNDRULE uses */
    size_t first[256], count[256]; /* the affixes of each flag */
} affixes;

/* Directives that cannot make Hunspell accept a letter word the expanded
 * stems lack. Any other one turns the set off. */
static const char *const harmless[] = {
    "SET", "TRY", "KEY", "REP", "MAP", "PHONE", "WORDCHARS", "NOSUGGEST",
    "ONLYINCOMPOUND", "COMPOUNDMIN", "FORBIDDENWORD", "KEEPCASE",
    "NEEDAFFIX", "LANG", "NAME", "VERSION", "HOME", "MAXNGRAMSUGS",
    "NOSPLITSUGS", "SUGSWITHDOTS", "MAXDIFF", "ONLYMAXDIFF", "WARN",
    "FORBIDWARN", "SUBSTANDARD", "AM", "CIRCUMFIX", "FULLSTRIP",
    "LEMMA_PRESENT", "MAXCPDSUGS", "OCONV", NULL};

static int is_harmless(const char *d)
{
    for (size_t i = 0; harmless[i]; i++)
        if (strcmp(harmless[i], d) == 0)
            return 1;
    return 0;
}

static int has_ascii_letter(const char *s)
{
    for (; *s; s++)
        if (ascii_letter((unsigned char)*s))
            return 1;
    return 0;
}

static int all_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* "[^aeiou]y" into per-position byte sets; any = 1 when it cannot be read
 * (then it matches everything, which keeps the set a superset). */
static void parse_cond(affix *x, const char *c)
{
    x->n_cond = 0;
    x->any = 0;
    if (!all_ascii(c) || strcmp(c, ".") == 0) {
        x->any = 1;
        return;
    }
    while (*c) {
        if (x->n_cond == MAX_COND) {
            x->any = 1;
            return;
        }
        uint8_t *set = x->cond[x->n_cond++];
        memset(set, 0, 32);
        if (*c == '.') {
            memset(set, 0xFF, 32);
            c++;
        } else if (*c == '[') {
            int neg = c[1] == '^';
            const char *p = c + 1 + neg;
            const char *end = strchr(p, ']');
            if (!end) {
                x->any = 1;
                return;
            }
            for (; p < end; p++)
                set[(unsigned char)*p / 8] |= (uint8_t)(1u << ((unsigned char)*p % 8));
            if (neg)
                for (int b = 0; b < 32; b++)
                    set[b] = (uint8_t)~set[b];
            c = end + 1;
        } else {
            set[(unsigned char)*c / 8] |= (uint8_t)(1u << ((unsigned char)*c % 8));
            c++;
        }
    }
}

size_t mtl_aff_fields(char *p, char **tok, size_t max)
{
    size_t nt = 0;
    while (nt < max) { /* cut in place: strtok is not reentrant */
        p += strspn(p, " \t\r\n");
        if (!*p)
            break;
        tok[nt++] = p;
        p += strcspn(p, " \t\r\n");
        if (*p)
            *p++ = '\0';
    }
    return nt;
}

/* Reads the .aff file; -1 when the set cannot be a superset (or no memory). */
static int read_aff(const char *path, affixes *ax, uint8_t flag_of[], size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[1024];
    int rc = 0, first = 1;
    long pending = 0; /* entries still to come after an affix header */
    unsigned char cur_flag = 0;
    int cur_sfx = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        char *p = line;
        if (first && !memcmp(p, "\xEF\xBB\xBF", 3))
            p += 3;
        first = 0;
        if (!strchr(p, '\n') && !feof(f)) {
            rc = -1; /* a line too long to read whole */
            break;
        }
        char *tok[6] = {0};
        int nt = (int)mtl_aff_fields(p, tok, 6);
        if (nt == 0 || tok[0][0] == '#')
            continue;
        const char *d = tok[0];
        int is_pfx = !strcmp(d, "PFX"), is_sfx = !strcmp(d, "SFX");
        if (is_pfx || is_sfx) {
            /* a header "SFX D Y 4", or an entry "SFX D y ied [^aeiou]y" */
            if (nt < 4 || strlen(tok[1]) != 1) {
                rc = -1;
                break;
            }
            unsigned char fl = (unsigned char)tok[1][0];
            if (pending == 0) { /* the header: cross product, entries */
                pending = strtol(tok[3], NULL, 10);
                if ((strcmp(tok[2], "Y") && strcmp(tok[2], "N")) || pending <= 0) {
                    rc = -1;
                    break;
                }
                flag_of[fl] = (uint8_t)(tok[2][0] == 'Y');
                cur_flag = fl;
                cur_sfx = is_sfx;
                continue;
            }
            if (fl != cur_flag || is_sfx != cur_sfx) {
                rc = -1; /* not the entries the header announced */
                break;
            }
            pending--;
            const char *strip = strcmp(tok[2], "0") ? tok[2] : "";
            const char *add = strcmp(tok[3], "0") ? tok[3] : "";
            if (strchr(add, '/') || strlen(strip) >= MAX_AFFIX ||
                strlen(add) >= MAX_AFFIX || ax->n == cap) {
                rc = -1; /* two-level affixes: not expanded */
                break;
            }
            affix *x = &ax->a[ax->n];
            memset(x, 0, sizeof *x);
            x->strip_len = (uint8_t)strlen(strip);
            x->add_len = (uint8_t)strlen(add);
            memcpy(x->strip, strip, x->strip_len);
            memcpy(x->add, add, x->add_len);
            x->suffix = (uint8_t)is_sfx;
            x->cross = flag_of[fl];
            parse_cond(x, nt > 4 ? tok[4] : ".");
            x->flag = fl;
            ax->n++;
        } else if (!strcmp(d, "COMPOUNDRULE")) {
            if (nt >= 2 && strspn(tok[1], "0123456789") != strlen(tok[1]))
                for (const char *s = tok[1]; *s; s++)
                    if (!strchr("*?()", *s))
                        ax->compound[(unsigned char)*s] = 1;
        } else if (!strcmp(d, "ICONV") || !strcmp(d, "BREAK")) {
            /* mappings of non-ASCII marks (’) and word breaks at hyphens
             * never touch a word of letters */
            if (nt >= 2 && strspn(tok[1], "0123456789") != strlen(tok[1]) &&
                (!strcmp(d, "ICONV") ? all_ascii(tok[1]) : has_ascii_letter(tok[1])))
                rc = -1;
        } else if (!is_harmless(d)) {
            rc = -1;
        }
    }
    fclose(f);
    return rc;
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 32) : c;
}

static int in_cond(const uint8_t *set, unsigned char c)
{
    return (set[c / 8] >> (c % 8)) & 1;
}

/* Case-blind: Hunspell applies affixes to words in capitals too ("CMSES"
 * from "CMS" and "es" after [sxz]). */
static int cond_ok(const affix *x, const char *w, size_t n)
{
    if (x->strip_len > n)
        return 0;
    const char *st = x->suffix ? w + n - x->strip_len : w;
    for (size_t i = 0; i < x->strip_len; i++)
        if (fold((unsigned char)st[i]) != fold((unsigned char)x->strip[i]))
            return 0;
    if (x->any)
        return 1;
    /* Hunspell matches a condition character by character: a letter
     * beyond ASCII is one position, judged by its first byte, which no
     * ASCII set holds and every negated one does */
    size_t start = 0, chars = 0;
    if (x->suffix) {
        for (start = n; start > 0 && chars < x->n_cond; chars++)
            while (--start > 0 && ((unsigned char)w[start] & 0xC0) == 0x80)
                ;
    } else {
        for (size_t i = 0; i < n && chars < x->n_cond; chars++)
            while (++i < n && ((unsigned char)w[i] & 0xC0) == 0x80)
                ;
    }
    if (chars < x->n_cond)
        return 0;
    size_t i = start;
    for (size_t p = 0; p < x->n_cond; p++) {
        unsigned char c = (unsigned char)w[i], f = fold(c);
        unsigned char u = f >= 'a' && f <= 'z' ? (unsigned char)(f - 32) : f;
        if (!in_cond(x->cond[p], f) && !in_cond(x->cond[p], u))
            return 0;
        while (++i < n && ((unsigned char)w[i] & 0xC0) == 0x80)
            ;
    }
    return 1;
}

/* Emits the stem w and every affixed form of it. */
static int expand(mtl_wordset_emit emit, void *ctx, const affixes *ax,
                  const char *w, size_t n, const char *flags, size_t nf)
{
    if (emit(ctx, w, n) != 0)
        return -1;
    char buf[512];
    if (n + 2 * MAX_AFFIX > sizeof buf)
        return 0;
    for (size_t f = 0; f < nf; f++) {
        unsigned char fl = (unsigned char)flags[f];
        for (size_t i = ax->first[fl]; i < ax->first[fl] + ax->count[fl]; i++) {
            const affix *p = &ax->a[i];
            if (!cond_ok(p, w, n))
                continue;
            size_t stem = n - p->strip_len, k = 0;
            if (p->suffix) {
                memcpy(buf, w, stem);
                memcpy(buf + stem, p->add, p->add_len);
                k = stem + p->add_len;
            } else {
                memcpy(buf, p->add, p->add_len);
                memcpy(buf + p->add_len, w + p->strip_len, stem);
                k = p->add_len + stem;
            }
            if (emit(ctx, buf, k) != 0)
                return -1;
            if (p->suffix || !p->cross)
                continue;
            /* a prefix and a suffix together; both judged on the stem */
            for (size_t g = 0; g < nf; g++) {
                unsigned char sf = (unsigned char)flags[g];
                for (size_t j = ax->first[sf];
                     j < ax->first[sf] + ax->count[sf]; j++) {
                    const affix *s = &ax->a[j];
                    if (!s->suffix || !s->cross || !cond_ok(s, w, n) ||
                        p->strip_len + s->strip_len > n)
                        continue;
                    size_t mid = n - p->strip_len - s->strip_len;
                    memcpy(buf, p->add, p->add_len);
                    memcpy(buf + p->add_len, w + p->strip_len, mid);
                    memcpy(buf + p->add_len + mid, s->add, s->add_len);
                    if (emit(ctx, buf, p->add_len + mid + s->add_len) != 0)
                        return -1;
                }
            }
        }
    }
    return 0;
}

/* Groups the affixes by flag: first[f], count[f]. */
static int index_affixes(affixes *ax)
{
    affix *sorted = malloc((ax->n + 1) * sizeof *sorted);
    if (!sorted)
        return -1;
    size_t at = 0;
    for (int f = 0; f < 256; f++) {
        ax->first[f] = at;
        for (size_t i = 0; i < ax->n; i++)
            if (ax->a[i].flag == f)
                sorted[at++] = ax->a[i];
        ax->count[f] = at - ax->first[f];
    }
    free(ax->a);
    ax->a = sorted;
    return 0;
}

int mtl_wordset_expand(const char *aff, const char *dic,
                       mtl_wordset_emit emit, void *ctx)
{
    enum { CAP = 4096 };
    affixes ax = {.a = malloc(CAP * sizeof *ax.a), .cap = CAP};
    uint8_t cross[256] = {0};
    FILE *f = NULL;
    if (!ax.a || read_aff(aff, &ax, cross, CAP) != 0 ||
        index_affixes(&ax) != 0 || !(f = fopen(dic, "r")))
        goto fail;
    char line[1024];
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        if (!strchr(line, '\n') && !feof(f))
            goto fail; /* a line too long to read whole */
        if (first) { /* the word count */
            first = 0;
            continue;
        }
        size_t n = strcspn(line, "/\t \r\n");
        const char *flags = "";
        size_t nf = 0;
        if (line[n] == '/') {
            flags = line + n + 1;
            nf = strcspn(flags, "\t \r\n");
        }
        /* a letter word that takes part in compounds: not expandable */
        for (size_t i = 0; i < nf; i++)
            if (ax.compound[(unsigned char)flags[i]] && letters_only(line, n))
                goto fail;
        if (expand(emit, ctx, &ax, line, n, flags, nf) != 0)
            goto fail;
    }
    if (ferror(f))
        goto fail;
    fclose(f);
    free(ax.a);
    return 0;
fail:
    if (f)
        fclose(f);
    free(ax.a);
    return -1;
}

mtl_wordset *mtl_wordset_new(void)
{
    mtl_wordset *ws = calloc(1, sizeof *ws);
    if (ws) {
        ws->mask = (1u << 16) - 1;
        ws->slots = calloc(ws->mask + 1, sizeof *ws->slots);
    }
    if (ws && !ws->slots) {
        free(ws);
        ws = NULL;
    }
    return ws;
}

static int add_form(void *ws, const char *s, size_t n)
{
    return mtl_wordset_add(ws, s, n);
}

mtl_wordset *mtl_wordset_build(const char *aff, const char *dic)
{
    mtl_wordset *ws = mtl_wordset_new();
    if (ws && mtl_wordset_expand(aff, dic, add_form, ws) != 0) {
        mtl_wordset_free(ws);
        ws = NULL;
    }
    return ws;
}
