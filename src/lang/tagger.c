/*
 * The tagger's features, model loading (the file is tagger_format.h; the
 * loader builds open-addressing tables over its keys, or maps them from
 * the file build_tagger wrote beside the model) and decoding.
 */
#include "lang/tagger.h"
#include "lang/tagger_format.h"

#include "base/hash.h"
#include "base/mapfile.h"
#include "base/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tag_names[MTL_N_TAGS] = {
    "ADJ", "ADP", "ADV", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
    "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "X",
    "VERB/VB", "VERB/VBD", "VERB/VBG", "VERB/VBN", "VERB/VBP", "VERB/VBZ",
    "AUX/VB", "AUX/VBD", "AUX/VBG", "AUX/VBN", "AUX/VBP", "AUX/VBZ", "AUX/MD",
};

const char *mtl_tag_name(int tag)
{
    return tag >= 0 && tag < MTL_N_TAGS ? tag_names[tag] : NULL;
}

const char *mtl_tag_upos(int tag)
{
    if (mtl_tag_is_verb(tag))
        return "VERB";
    if (mtl_tag_is_aux(tag))
        return "AUX";
    return mtl_tag_name(tag);
}

int mtl_tag_from_conllu(const char *upos, const char *xpos)
{
    static const char *const forms[] = {"VB", "VBD", "VBG", "VBN", "VBP",
                                        "VBZ", "MD"};
    int verb = strcmp(upos, "VERB") == 0, aux = strcmp(upos, "AUX") == 0;
    if (verb || aux) {
        int f = 0; /* an odd Penn tag counts as the base form */
        for (int k = 0; k < 7; k++)
            if (strcmp(xpos, forms[k]) == 0)
                f = k;
        if (verb)
            return MTL_TAG_VERB_VB + (f == 6 ? 0 : f);
        return MTL_TAG_AUX_VB + f;
    }
    for (int t = 0; t <= MTL_TAG_X; t++)
        if (strcmp(upos, tag_names[t]) == 0)
            return t;
    return -1;
}

/* --- features ----------------------------------------------------------- */

/* FNV-1a over a string: each word's parts are hashed once, and feature keys
 * are cheap mixes of those hashes. */
static uint64_t fnv(const char *s, size_t n)
{
    return mtl_fnv64(MTL_FNV64_INIT, s, n);
}

/* A 64-bit xor-shift-multiply finaliser: every input bit moves every
 * output bit, so low bits can index a table. */
static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ull;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dull;
    x ^= x >> 33;
    return x;
}

static inline uint32_t key2(unsigned id, uint64_t a, uint64_t b)
{
    uint64_t x = mix64(a + 0x9E3779B97F4A7C15ull * (id + 1));
    x = mix64(x ^ b);
    uint32_t k = (uint32_t)x;
    return k ? k : 1;
}

static inline uint32_t key1(unsigned id, uint64_t a)
{
    return key2(id, a, 0);
}

/* The word as the features see it: numbers collapse into classes. */
static void word_view(const mtl_tword *w, const char **s, size_t *n)
{
    const char *p = w->lower;
    size_t len = w->lower_len, digits = 0, other = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] >= '0' && p[i] <= '9')
            digits++;
        else if (p[i] != ',' && p[i] != '.' && p[i] != ':' && p[i] != '/' &&
                 p[i] != '-')
            other++;
    }
    if (digits && !other) {
        int year = len == 4 && digits == 4 && (p[0] == '1' || p[0] == '2');
        *s = year ? "!year" : "!num";
        *n = year ? 5 : 4;
    } else if (len > 24) {
        *s = "!long";
        *n = 5;
    } else {
        *s = p;
        *n = len;
    }
}

static size_t head(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    while (i < n && k > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

/* A small code for the written shape of a word. */
static unsigned shape(const mtl_tword *w, int first)
{
    const unsigned char *s = (const unsigned char *)w->form;
    size_t n = w->form_len, upper = 0, lower = 0, digit = 0, hyphen = 0,
           other = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] >= 'A' && s[k] <= 'Z')
            upper++;
        else if (s[k] >= 'a' && s[k] <= 'z')
            lower++;
        else if (s[k] >= '0' && s[k] <= '9')
            digit++;
        else if (s[k] == '-')
            hyphen++;
        else if (s[k] >= 0x80)
            lower++; /* a letter, most likely */
        else
            other++;
    }
    unsigned code;
    if (upper && !lower)
        code = n == 1 ? 1 : 2;          /* I, USA */
    else if (upper && s[0] >= 'A' && s[0] <= 'Z')
        code = 3;                        /* Gaza */
    else if (upper)
        code = 4;                        /* iPhone */
    else if (lower)
        code = 5;
    else if (digit)
        code = 6;
    else
        code = 7;                        /* punctuation */
    code |= (hyphen ? 8u : 0) | (digit && (upper || lower) ? 16u : 0) |
            (other && (upper || lower) ? 32u : 0) | (first ? 64u : 0);
    return code;
}

enum {
    F_BIAS, F_WORD, F_SUF1, F_SUF2, F_SUF3, F_SUF4, F_PRE1, F_PRE2, F_SHAPE,
    F_T1, F_T2T1, F_T1W, F_P1, F_P1SUF3, F_P2, F_N1, F_N1SUF3, F_N2,
    F_WN1, F_P1W, F_SHAPE_W, F_DICT, F_AMB, F_AMB_N1, F_AMB_N2, F_AMB_W_N1,
    F_T1_AMB_N1
};

void mtl_tagger_prepare(const mtl_tword *w, int first, mtl_wfeat *out)
{
    const char *s;
    size_t n;
    word_view(w, &s, &n);
    out->word = fnv(s, n);
    for (unsigned k = 0; k < 4; k++) {
        size_t b = mtl_utf8_tail(s, n, k + 1);
        /* a suffix as long as the word adds nothing to the word itself */
        out->suf[k] = b < n || k == 0 ? fnv(s + n - b, b) : 0;
    }
    out->pre[0] = fnv(s, head(s, n, 1));
    out->pre[1] = fnv(s, head(s, n, 2));
    out->shape = (uint8_t)shape(w, first);
    out->amb = MTL_AMB_UNKNOWN;
}

void mtl_tagger_edge(int offset, mtl_wfeat *out)
{
    memset(out, 0, sizeof *out);
    out->word = fnv("!edge", 5) + (uint64_t)(offset + 3);
    out->suf[2] = out->word;
    out->amb = MTL_AMB_UNKNOWN;
}

size_t mtl_tagger_features(const mtl_wfeat ctx[5], int t1, int t2,
                           uint32_t *out)
{
    const mtl_wfeat *p2 = &ctx[0], *p1 = &ctx[1], *w = &ctx[2],
                    *n1 = &ctx[3], *n2 = &ctx[4];
    size_t k = 0;
    out[k++] = key1(F_BIAS, 0);
    out[k++] = key1(F_WORD, w->word);
    for (unsigned s = 0; s < 4; s++)
        if (w->suf[s])
            out[k++] = key1(F_SUF1 + s, w->suf[s]);
    out[k++] = key1(F_PRE1, w->pre[0]);
    out[k++] = key1(F_PRE2, w->pre[1]);
    out[k++] = key1(F_SHAPE, w->shape);
    out[k++] = key1(F_T1, (uint64_t)t1);
    out[k++] = key2(F_T2T1, (uint64_t)t1, (uint64_t)t2);
    out[k++] = key2(F_T1W, (uint64_t)t1, w->word);
    out[k++] = key1(F_P1, p1->word);
    out[k++] = key1(F_P1SUF3, p1->suf[2] ? p1->suf[2] : p1->word);
    out[k++] = key1(F_P2, p2->word);
    out[k++] = key1(F_N1, n1->word);
    out[k++] = key1(F_N1SUF3, n1->suf[2] ? n1->suf[2] : n1->word);
    out[k++] = key1(F_N2, n2->word);
    out[k++] = key2(F_WN1, w->word, n1->word);
    out[k++] = key2(F_P1W, p1->word, w->word);
    out[k++] = key2(F_SHAPE_W, w->shape, w->word);
    /* the lexicon's view, without the sure bit */
    uint64_t a0 = w->amb & ~MTL_AMB_SURE, a1 = n1->amb & ~MTL_AMB_SURE,
             a2 = n2->amb & ~MTL_AMB_SURE;
    out[k++] = key1(F_AMB, a0);
    out[k++] = key1(F_AMB_N1, a1);
    out[k++] = key1(F_AMB_N2, a2);
    out[k++] = key2(F_AMB_W_N1, a0, a1);
    out[k++] = key2(F_T1_AMB_N1, (uint64_t)t1, a1);
    return k;
}

uint32_t mtl_tagger_word_key(const mtl_wfeat *word)
{
    return key1(F_DICT, word->word);
}

/* --- the model ---------------------------------------------------------- */

typedef struct slot {
    uint32_t key;
    uint32_t ref; /* first entry << 8 | number of entries */
} slot;

struct mtl_tagger {
    const slot *slots;
    uint32_t mask;
    size_t n_features;
    uint32_t n_entries;
    const uint8_t *classes;
    const int16_t *weights;
    const uint32_t *lex_keys;
    const uint16_t *lex_amb;
    uint32_t lex_mask;
    mtl_mapfile map; /* mapped tables (tagger_format.h); else malloc'd */
};

/* *error = a followed by b (may be NULL), malloc'd */
static void set_error(char **error, const char *a, const char *b)
{
    if (!error)
        return;
    size_t n = strlen(a) + (b ? strlen(b) : 0) + 1;
    *error = malloc(n);
    if (*error)
        snprintf(*error, n, "%s%s", a, b ? b : "");
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint32_t table_size(size_t n)
{
    uint32_t size = 16;
    while (size < 2 * n)
        size <<= 1;
    return size;
}

void mtl_tagger_free(mtl_tagger *t)
{
    if (!t)
        return;
    if (t->map.base) {
        mtl_map_close(&t->map);
    } else {
        free((void *)t->slots);
        free((void *)t->classes);
        free((void *)t->weights);
        free((void *)t->lex_keys);
        free((void *)t->lex_amb);
    }
    free(t);
}

mtl_tagger *mtl_tagger_from_bytes(const unsigned char *p, size_t len,
                                  char **error)
{
    if (error)
        *error = NULL;
    if (len < MTL_TAGGER_HEADER_LEN ||
        memcmp(p, MTL_TAGGER_MAGIC, MTL_TAGGER_MAGIC_LEN) != 0) {
        set_error(error, "not a tagger model", NULL);
        return NULL;
    }
    const unsigned char *h = p + MTL_TAGGER_MAGIC_LEN;
    uint32_t n_classes = rd32(h), n_feat = rd32(h + 4), n_ent = rd32(h + 8),
             n_lex = rd32(h + 12);
    if (n_classes != MTL_N_TAGS ||
        mtl_tagger_file_size(n_feat, n_ent, n_lex) != len ||
        n_feat > (1u << 28) || n_ent > (1u << 24) || n_lex > (1u << 28)) {
        set_error(error, "tagger model has the wrong size or version", NULL);
        return NULL;
    }
    mtl_tagger *t = calloc(1, sizeof *t);
    if (!t)
        goto oom;
    uint32_t size = table_size(n_feat), dsize = table_size(n_lex);
    t->mask = size - 1;
    t->lex_mask = dsize - 1;
    t->n_features = n_feat;
    t->n_entries = n_ent;
    slot *slots = calloc(size, sizeof *slots);
    uint8_t *classes = malloc(n_ent + 1);
    int16_t *weights = malloc(((size_t)n_ent + 1) * sizeof *weights);
    uint32_t *lex_keys = calloc(dsize, sizeof *lex_keys);
    uint16_t *lex_amb = calloc(dsize, sizeof *lex_amb);
    t->slots = slots;
    t->classes = classes;
    t->weights = weights;
    t->lex_keys = lex_keys;
    t->lex_amb = lex_amb;
    if (!slots || !classes || !weights || !lex_keys || !lex_amb)
        goto oom;
    const unsigned char *keys = p + MTL_TAGGER_HEADER_LEN, *counts = keys + 4ull * n_feat,
                        *cls = counts + n_feat, *wts = cls + n_ent,
                        *lkeys = wts + 2ull * n_ent,
                        *lamb = lkeys + 4ull * n_lex;
    uint32_t at = 0;
    for (uint32_t f = 0; f < n_feat; f++) {
        uint32_t key = rd32(keys + 4ull * f), c = counts[f];
        if (key == 0 || c > MTL_N_TAGS || c > n_ent - at)
            goto bad;
        uint32_t i = key & t->mask;
        while (slots[i].key && slots[i].key != key)
            i = (i + 1) & t->mask;
        if (slots[i].key)
            goto bad; /* duplicate key */
        slots[i].key = key;
        slots[i].ref = at << 8 | c;
        at += c;
    }
    if (at != n_ent)
        goto bad;
    for (uint32_t e = 0; e < n_ent; e++) {
        if (cls[e] >= MTL_N_TAGS)
            goto bad;
        classes[e] = cls[e];
        weights[e] = (int16_t)(uint16_t)(wts[2 * e] | wts[2 * e + 1] << 8);
    }
    for (uint32_t d = 0; d < n_lex; d++) {
        uint32_t key = rd32(lkeys + 4ull * d);
        uint16_t amb = (uint16_t)(lamb[2 * d] | lamb[2 * d + 1] << 8);
        if (key == 0 || (amb & 0x7f) >= MTL_N_TAGS || amb >> 8 > MTL_N_TAGS)
            goto bad;
        uint32_t i = key & t->lex_mask;
        while (lex_keys[i] && lex_keys[i] != key)
            i = (i + 1) & t->lex_mask;
        lex_keys[i] = key;
        lex_amb[i] = amb;
    }
    return t;
bad:
    mtl_tagger_free(t);
    set_error(error, "tagger model is corrupt", NULL);
    return NULL;
oom:
    mtl_tagger_free(t);
    set_error(error, "out of memory loading the tagger model", NULL);
    return NULL;
}

/* The tables mapped from path + ".map", made from path as it is now; NULL
 * when there is no such file. */
static mtl_tagger *open_map(const char *path)
{
    size_t n = strlen(path);
    char *map_path = malloc(n + sizeof ".map");
    if (!map_path)
        return NULL;
    memcpy(map_path, path, n);
    memcpy(map_path + n, ".map", sizeof ".map");
    mtl_mapfile m;
    int rc = mtl_map_open(map_path, sizeof(mtl_tagger_map_header), &m);
    free(map_path);
    if (rc != 0)
        return NULL;
    const mtl_tagger_map_header *h = (const mtl_tagger_map_header *)m.base;
    uint64_t size = m.size, hs = sizeof *h, slots = (uint64_t)h->mask + 1,
             lex = (uint64_t)h->lex_mask + 1;
    int ok = memcmp(h->magic, MTL_TAGGER_MAP_MAGIC, 8) == 0 &&
             h->version == MTL_TAGGER_MAP_VERSION &&
             h->header_check == mtl_tagger_map_sum(h) &&
             h->file_size == size && (slots & (slots - 1)) == 0 &&
             (lex & (lex - 1)) == 0 && h->n_entries < (1u << 24) &&
             mtl_map_inside(h->off_slots, slots * sizeof(slot), size, hs, 8) &&
             mtl_map_inside(h->off_classes, h->n_entries, size, hs, 8) &&
             mtl_map_inside(h->off_weights, 2ull * h->n_entries, size, hs,
                            8) &&
             mtl_map_inside(h->off_lex_keys, 4 * lex, size, hs, 8) &&
             mtl_map_inside(h->off_lex_amb, 2 * lex, size, hs, 8) &&
             mtl_file_stamp_matches(path, h->src_size, h->src_mtime_ns);
    mtl_tagger *t = ok ? calloc(1, sizeof *t) : NULL;
    if (!t) {
        mtl_map_close(&m);
        return NULL;
    }
    t->map = m;
    t->mask = h->mask;
    t->lex_mask = h->lex_mask;
    t->n_features = h->n_features;
    t->n_entries = h->n_entries;
    t->slots = (const slot *)(m.base + h->off_slots);
    t->classes = m.base + h->off_classes;
    t->weights = (const int16_t *)(m.base + h->off_weights);
    t->lex_keys = (const uint32_t *)(m.base + h->off_lex_keys);
    t->lex_amb = (const uint16_t *)(m.base + h->off_lex_amb);
    mtl_map_random(&t->map); /* slots are read in no order */
    return t;
}

static int write_section(FILE *f, uint64_t *at, const void *p, size_t n)
{
    static const char zero[8];
    size_t pad = (size_t)((8 - *at % 8) % 8);
    *at += pad + n;
    return fwrite(zero, 1, pad, f) == pad && fwrite(p, 1, n, f) == n ? 0
                                                                      : -1;
}

static mtl_tagger *load_built(const char *path, char **error);

int mtl_tagger_compile(const char *src, const char *out, char **error)
{
    mtl_file_stamp stamp;
    if (mtl_file_stamp_of(src, &stamp) != 0) {
        set_error(error, "cannot open tagger model ", src);
        return -1;
    }
    /* from the model, never from a map (which may be out, being
     * rewritten) */
    mtl_tagger *t = load_built(src, error);
    if (!t)
        return -1;
    uint64_t slots = (uint64_t)t->mask + 1, lex = (uint64_t)t->lex_mask + 1;
    mtl_tagger_map_header h = {.version = MTL_TAGGER_MAP_VERSION,
                               .mask = t->mask,
                               .lex_mask = t->lex_mask,
                               .n_features = (uint32_t)t->n_features,
                               .n_entries = t->n_entries,
                               .src_size = stamp.size,
                               .src_mtime_ns = stamp.mtime_ns};
    memcpy(h.magic, MTL_TAGGER_MAP_MAGIC, 8);
    uint64_t at = sizeof h;
    h.off_slots = at;
    at += slots * sizeof(slot);
    h.off_classes = at = (at + 7) / 8 * 8;
    at += t->n_entries;
    h.off_weights = at = (at + 7) / 8 * 8;
    at += 2ull * t->n_entries;
    h.off_lex_keys = at = (at + 7) / 8 * 8;
    at += 4 * lex;
    h.off_lex_amb = at = (at + 7) / 8 * 8;
    at += 2 * lex;
    h.file_size = at;
    h.header_check = mtl_tagger_map_sum(&h);
    mtl_map_writer w;
    if (mtl_map_write_open(&w, out) != 0) {
        mtl_tagger_free(t);
        if (errno == ENOMEM)
            set_error(error, "out of memory", NULL);
        else
            set_error(error, "cannot write ", out);
        return -1;
    }
    FILE *f = w.f;
    at = 0;
    int bad = write_section(f, &at, &h, sizeof h) ||
              write_section(f, &at, t->slots, slots * sizeof(slot)) ||
              write_section(f, &at, t->classes, t->n_entries) ||
              write_section(f, &at, t->weights, 2ull * t->n_entries) ||
              write_section(f, &at, t->lex_keys, 4 * lex) ||
              write_section(f, &at, t->lex_amb, 2 * lex);
    if (mtl_map_write_close(&w, !bad) != 0) {
        set_error(error, "cannot write ", out);
        bad = 1;
    }
    mtl_tagger_free(t);
    return bad ? -1 : 0;
}

/* The tables built from the model file itself. */
static mtl_tagger *load_built(const char *path, char **error)
{
    if (error)
        *error = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error(error, "cannot open tagger model ", path);
        return NULL;
    }
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    int failed = 0;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            unsigned char *nd = realloc(data, ncap);
            if (!nd) {
                failed = 1;
                break;
            }
            data = nd;
            cap = ncap;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    failed |= ferror(f);
    fclose(f);
    if (failed) {
        free(data);
        set_error(error, "cannot read tagger model ", path);
        return NULL;
    }
    char *why = NULL;
    mtl_tagger *t = mtl_tagger_from_bytes(data, len, &why);
    free(data);
    if (!t) {
        size_t n = strlen(path) + (why ? strlen(why) : 0) + 4;
        if (error && (*error = malloc(n)) != NULL)
            snprintf(*error, n, "%s: %s", path, why ? why : "?");
        free(why);
    }
    return t;
}

mtl_tagger *mtl_tagger_load(const char *path, char **error)
{
    if (error)
        *error = NULL;
    mtl_tagger *mapped = open_map(path);
    return mapped ? mapped : load_built(path, error);
}

size_t mtl_tagger_size(const mtl_tagger *t)
{
    return t ? t->n_features : 0;
}

uint16_t mtl_tagger_lexicon(const mtl_tagger *t, const mtl_wfeat *w)
{
    uint32_t key = mtl_tagger_word_key(w);
    uint32_t i = key & t->lex_mask;
    while (t->lex_keys[i]) {
        if (t->lex_keys[i] == key) {
            uint16_t amb = t->lex_amb[i]; /* checked: it may be mapped */
            return (amb & 0x7f) < MTL_N_TAGS && amb >> 8 <= MTL_N_TAGS
                       ? amb
                       : MTL_AMB_UNKNOWN;
        }
        i = (i + 1) & t->lex_mask;
    }
    return MTL_AMB_UNKNOWN;
}

static void prepare_at(const mtl_tagger *t, const mtl_tword *words, size_t n,
                       size_t j, mtl_wfeat *out)
{
    if (j >= n) {
        mtl_tagger_edge(1 + (int)(j - n), out);
        return;
    }
    mtl_tagger_prepare(&words[j], j == 0, out);
    out->amb = mtl_tagger_lexicon(t, out);
}

void mtl_tagger_tag(const mtl_tagger *t, const mtl_tword *words, size_t n,
                    uint8_t *tags, uint16_t *amb)
{
    int t1 = MTL_N_TAGS, t2 = MTL_N_TAGS;
    /* words i-2 .. i+2, slid along */
    mtl_wfeat ctx[5];
    mtl_tagger_edge(-2, &ctx[1]);
    mtl_tagger_edge(-1, &ctx[2]);
    prepare_at(t, words, n, 0, &ctx[3]);
    prepare_at(t, words, n, 1, &ctx[4]);
    for (size_t i = 0; i < n; i++) {
        memmove(&ctx[0], &ctx[1], 4 * sizeof *ctx);
        prepare_at(t, words, n, i + 2, &ctx[4]);
        int best;
        if (ctx[2].amb != MTL_AMB_UNKNOWN && (ctx[2].amb & MTL_AMB_SURE)) {
            best = ctx[2].amb & 0x7f;
        } else {
            uint32_t keys[MTL_TAGGER_MAX_FEATURES];
            int32_t score[MTL_N_TAGS] = {0};
            size_t nk = mtl_tagger_features(ctx, t1, t2, keys);
            /* The lookups are cache misses: ask for all the lines first so
             * that the misses overlap, then read them. */
            for (size_t k = 0; k < nk; k++)
                __builtin_prefetch(&t->slots[keys[k] & t->mask]);
            uint32_t refs[MTL_TAGGER_MAX_FEATURES];
            size_t nr = 0;
            for (size_t k = 0; k < nk; k++) {
                uint32_t s = keys[k] & t->mask;
                while (t->slots[s].key && t->slots[s].key != keys[k])
                    s = (s + 1) & t->mask;
                if (!t->slots[s].key)
                    continue;
                refs[nr] = t->slots[s].ref;
                __builtin_prefetch(&t->weights[refs[nr] >> 8]);
                __builtin_prefetch(&t->classes[refs[nr] >> 8]);
                nr++;
            }
            for (size_t r = 0; r < nr; r++) {
                uint32_t at = refs[r] >> 8, end = at + (refs[r] & 0xff);
                /* checked: a mapped file's refs are not read at start */
                if (end > t->n_entries)
                    continue;
                for (; at < end; at++)
                    if (t->classes[at] < MTL_N_TAGS)
                        score[t->classes[at]] += t->weights[at];
            }
            best = 0;
            for (int c = 1; c < MTL_N_TAGS; c++)
                if (score[c] > score[best])
                    best = c;
        }
        tags[i] = (uint8_t)best;
        if (amb)
            amb[i] = ctx[2].amb;
        t2 = t1;
        t1 = best;
    }
}
