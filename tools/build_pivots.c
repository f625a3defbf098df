/*
 * build_pivots: the pivot table for the mistranslation rule, from FreeDict
 * English-to-X dictionaries in dictd format (an .index file beside a
 * .dict.dz, which is gzip-compatible).
 *
 * Two English headwords that share a translation in language X are a pivot
 * pair: a translation through X can turn one into the other ("pawn" and
 * "hostage" are both Turkish "rehine"). Each pair is written under each of
 * its words, with the language and the shared word, and the lines are
 * sorted, so that a reader can search the file as it is:
 *
 *     hostage<TAB>pawn<TAB>tur<TAB>rehine
 *     pawn<TAB>hostage<TAB>tur<TAB>rehine
 *
 * usage: build_pivots OUT.tsv [freedict-eng-XXX.index ...]
 * An index whose .dict.dz is missing is skipped, so with no dictionary
 * installed the table is just its header and the rule runs without it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define TOOL_NAME "build_pivots"
#include "tool.h"

/* A translation shared by more headwords than this is too general to say
 * that one of them was meant for another ("thing", "make"). */
#define MAX_GROUP 4
/* Headwords and translations longer than this are phrases, not words. */
#define MAX_HEAD 20
#define MAX_TRANS 40

typedef struct rec {
    char *trans, *head;
} rec;

typedef struct recs {
    rec *v;
    size_t n, cap;
} recs;

typedef struct pairs {
    char **v;
    size_t n, cap;
} pairs;

static void recs_push(recs *r, char *trans, char *head)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 4096;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = (rec){trans, head};
}

static void pairs_push(pairs *p, char *line)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 4096;
        p->v = xrealloc(p->v, p->cap * sizeof *p->v);
    }
    p->v[p->n++] = line;
}

/* Reads a whole gzip (or plain) file; NULL if it cannot be read. */
static char *read_gz(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = xrealloc(NULL, cap);
    for (;;) {
        if (cap - n < (1 << 16))
            buf = xrealloc(buf, cap *= 2);
        int got = gzread(f, buf + n, (unsigned)(cap - n - 1));
        if (got < 0) {
            gzclose(f);
            free(buf);
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    gzclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* dictd's base-64 numbers: offsets and lengths in the index. */
static long b64(const char *s, size_t n)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        const char *d = memchr(digits, s[i], 64);
        if (!d)
            return -1;
        v = v * 64 + (d - digits);
    }
    return v;
}

/* A lower-case ASCII word of 3 to MAX_HEAD letters, or NULL. */
static char *headword(const char *s, size_t n)
{
    if (n < 3 || n > MAX_HEAD)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!isalpha((unsigned char)s[i]))
            return NULL;
    char *w = xstrndup(s, n);
    for (char *p = w; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return w;
}

/* Cleans one translation in place: trims, drops a trailing full stop,
 * folds ASCII case, and for Arabic drops the article al-. Returns its
 * length, or 0 when it is not a usable word or phrase. */
static size_t clean_trans(char *t, size_t n, const char *lang)
{
    while (n && isspace((unsigned char)*t))
        memmove(t, t + 1, --n);
    while (n && (isspace((unsigned char)t[n - 1]) || t[n - 1] == '.'))
        n--;
    t[n] = '\0';
    if (n < 2 || n > MAX_TRANS)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (isdigit(c) || c == '"' || c == '{' || c == '}' || c == ':' ||
            c == '=' || c == '?' || c == '!')
            return 0;
        t[i] = (char)tolower(c);
    }
    /* U+0627 U+0644: the Arabic article, written as part of the word */
    if (strcmp(lang, "ara") == 0 && n > 6 &&
        !memcmp(t, "\xd8\xa7\xd9\x84", 4)) {
        memmove(t, t + 4, n - 3);
        n -= 4;
    }
    return n;
}

/* Removes bracketed notes: <fem>, (huk.), [fin.]. */
static size_t strip_notes(char *s, size_t n)
{
    size_t w = 0;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '<' || c == '(' || c == '[')
            depth++;
        else if ((c == '>' || c == ')' || c == ']') && depth > 0)
            depth--;
        else if (depth == 0)
            s[w++] = c;
    }
    s[w] = '\0';
    return w;
}

/* The translations of one entry's body (the lines after the headword). */
static void add_entry(recs *r, const char *head, const char *body, size_t n,
                      const char *lang)
{
    const char *end = body + n, *line = memchr(body, '\n', n);
    if (!line)
        return;
    for (line++; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        const char *p = line;
        while (p < eol && (*p == ' ' || *p == '\t'))
            p++;
        /* examples ("..."), cross references (see:), notes */
        int skip = p == eol || *p == '"' || !strncmp(p, "see:", 4) ||
                   !strncmp(p, "Note:", 5) || !strncmp(p, "Synonym", 7) ||
                   !strncmp(p, "Antonym", 7) || *p == '{';
        if (!skip) {
            char buf[1024];
            size_t len = (size_t)(eol - p);
            if (len >= sizeof buf)
                len = sizeof buf - 1;
            memcpy(buf, p, len);
            buf[len] = '\0';
            /* "1. rehin, rehine" */
            char *q = buf;
            while (isdigit((unsigned char)*q))
                q++;
            if (q != buf && *q == '.')
                q++;
            else
                q = buf;
            len = strip_notes(q, strlen(q));
            for (char *t = strtok(q, ",;/"); t; t = strtok(NULL, ",;/")) {
                size_t tn = clean_trans(t, strlen(t), lang);
                if (tn)
                    recs_push(r, xstrndup(t, tn), xstrndup(head, strlen(head)));
            }
        }
        line = eol + 1;
    }
}

static int by_trans(const void *a, const void *b)
{
    const rec *x = a, *y = b;
    int c = strcmp(x->trans, y->trans);
    return c ? c : strcmp(x->head, y->head);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is one word the other plus a short ending ("hostage", "hostages")? */
static int inflection(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    size_t n = na < nb ? na : nb, diff = na > nb ? na - nb : nb - na;
    size_t common = 0;
    while (common < n && a[common] == b[common])
        common++;
    return common + 1 >= n && diff <= 3 && common >= 3;
}

/* Reads one dictionary and adds its pivot pairs to out. */
static void read_dict(const char *index_path, pairs *out)
{
    /* "freedict-eng-tur.index" -> "tur" and "freedict-eng-tur.dict.dz" */
    const char *base = strrchr(index_path, '/');
    base = base ? base + 1 : index_path;
    const char *dot = strstr(base, ".index");
    if (!dot || dot - base < 3) {
        fprintf(stderr, "build_pivots: %s: not a dictd index\n", index_path);
        return;
    }
    char lang[8];
    size_t ll = 0;
    for (const char *p = dot - 3; p < dot && ll < sizeof lang - 1; p++)
        lang[ll++] = *p;
    lang[ll] = '\0';
    size_t plen = (size_t)(dot - index_path);
    char *dz = xrealloc(NULL, plen + sizeof ".dict.dz");
    memcpy(dz, index_path, plen);
    strcpy(dz + plen, ".dict.dz");
    size_t ilen = 0, dlen = 0;
    char *index = read_gz(index_path, &ilen);
    char *dict = index ? read_gz(dz, &dlen) : NULL;
    free(dz);
    if (!index || !dict) {
        fprintf(stderr, "build_pivots: %s: cannot read, skipped\n", index_path);
        free(index);
        free(dict);
        return;
    }
    recs r = {0};
    for (char *line = index; line < index + ilen;) {
        char *eol = strchr(line, '\n');
        if (!eol)
            eol = index + ilen;
        char *t1 = memchr(line, '\t', (size_t)(eol - line));
        char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(eol - t1 - 1)) : NULL;
        if (t2) {
            char *head = headword(line, (size_t)(t1 - line));
            long off = b64(t1 + 1, (size_t)(t2 - t1 - 1));
            long len = b64(t2 + 1, (size_t)(eol - t2 - 1));
            if (head && off >= 0 && len > 0 &&
                (size_t)off + (size_t)len <= dlen)
                add_entry(&r, head, dict + off, (size_t)len, lang);
            free(head);
        }
        line = eol + 1;
    }
    free(index);
    free(dict);
    qsort(r.v, r.n, sizeof *r.v, by_trans);
    for (size_t i = 0; i < r.n;) {
        size_t j = i + 1;
        while (j < r.n && strcmp(r.v[j].trans, r.v[i].trans) == 0)
            j++;
        /* distinct headwords of the group (sorted, so duplicates adjoin) */
        size_t heads = 0;
        for (size_t k = i; k < j; k++)
            heads += k == i || strcmp(r.v[k].head, r.v[k - 1].head) != 0;
        if (heads >= 2 && heads <= MAX_GROUP)
            for (size_t a = i; a < j; a++)
                for (size_t b = a + 1; b < j; b++) {
                    const char *x = r.v[a].head, *y = r.v[b].head;
                    if (strcmp(x, y) == 0 || inflection(x, y))
                        continue;
                    size_t n = strlen(x) + strlen(y) + strlen(lang) +
                               strlen(r.v[i].trans) + 4;
                    for (int dir = 0; dir < 2; dir++) {
                        char *l = xrealloc(NULL, n);
                        snprintf(l, n, "%s\t%s\t%s\t%s", dir ? y : x,
                                 dir ? x : y, lang, r.v[i].trans);
                        pairs_push(out, l);
                    }
                }
        i = j;
    }
    for (size_t i = 0; i < r.n; i++) {
        free(r.v[i].trans);
        free(r.v[i].head);
    }
    free(r.v);
}

/* Same two words and language as the previous line? */
static int same_pair(const char *a, const char *b)
{
    int tabs = 0;
    for (; *a && *a == *b; a++, b++)
        if (*a == '\t' && ++tabs == 3)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: build_pivots OUT.tsv [freedict-eng-XXX.index ...]\n",
              stderr);
        return 2;
    }
    pairs p = {0};
    for (int i = 2; i < argc; i++)
        read_dict(argv[i], &p);
    qsort(p.v, p.n, sizeof *p.v, by_string);
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fputs("# English words that share a translation in a FreeDict dictionary\n"
          "# (generated by tools/build_pivots.c; GPL, as the dictionaries)\n"
          "# word\tpartner\tlanguage\tshared translation\n",
          f);
    size_t written = 0;
    for (size_t i = 0; i < p.n; i++) {
        if (i == 0 || !same_pair(p.v[i - 1], p.v[i])) {
            fprintf(f, "%s\n", p.v[i]);
            written++;
        }
    }
    for (size_t i = 0; i < p.n; i++)
        free(p.v[i]);
    free(p.v);
    if (fclose(f) != 0) {
        perror(argv[1]);
        return 2;
    }
    fprintf(stderr, "build_pivots: %zu pairs\n", written / 2);
    return 0;
}
