/*
 * The spelling rule measured on real prose: its false positives on the clean
 * text, and its recall of typos that this program inserts into dictionary
 * words (two neighbouring letters swapped, a letter dropped, a letter
 * doubled; only slips that make a non-word count).
 *
 *   typo_corpus [--check] [--seed N] [--typos N] FILE...
 *
 * A FILE ending in .gz is read through gzip. Texinfo's plain-text output is
 * cut down to its prose: example lines (indented five spaces or more),
 * menus and rules go, and quoted words without spaces, which are code or
 * terms being named ('getopt', ‘stdout’), become "X".
 * Each file is linted in parts of about 1,500 words, the length of an
 * article. With --check the exit status is 1 unless recall is at least 95 %
 * and there is at most one finding per 2,000 clean words; 77 (skip) when no
 * FILE can be read.
 */
#include "mtlint.h"

#include "base/buf.h"
#include "text/doc.h"
#include "lang/speller.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct rng {
    uint64_t s;
} rng;

static uint32_t next(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return (uint32_t)(r->s >> 11);
}

static char *slurp(const char *path)
{
    size_t n = strlen(path);
    FILE *f;
    int piped = n > 3 && strcmp(path + n - 3, ".gz") == 0;
    if (piped) {
        mtl_sb cmd = {0};
        mtl_sb_printf(&cmd, "gzip -dc '%s' 2>/dev/null", path);
        char *c = mtl_sb_take(&cmd);
        f = c && !strchr(path, '\'') ? popen(c, "r") : NULL;
        free(c);
    } else {
        f = fopen(path, "rb");
    }
    if (!f)
        return NULL;
    mtl_sb sb = {0};
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0)
        mtl_sb_add(&sb, buf, k);
    int bad = piped ? pclose(f) != 0 : fclose(f) != 0;
    char *text = mtl_sb_take(&sb);
    if (bad || (text && !*text)) {
        free(text);
        return NULL;
    }
    return text;
}

/* The closing quote for an opening one at s (ASCII or curly), or NULL;
 * *open_len is the opening quote's length. */
static const char *closer(const char *s, size_t *open_len)
{
    *open_len = 1;
    if (*s == '\'' || *s == '"')
        return *s == '\'' ? "'" : "\"";
    *open_len = 3;
    if (!strncmp(s, "\xE2\x80\x98", 3))
        return "\xE2\x80\x99";
    if (!strncmp(s, "\xE2\x80\x9C", 3))
        return "\xE2\x80\x9D";
    return NULL;
}

/* Texinfo plain text to prose, line by line (see the top). */
static char *prose(const char *text)
{
    mtl_sb sb = {0};
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        int code = n >= 5 && !strncmp(line, "     ", 5);
        int menu = n >= 2 && !strncmp(line, "* ", 2);
        int rule = n >= 3 && strspn(line, "=*-.") == n;
        for (size_t i = 0; !code && !menu && !rule && i < n; i++) {
            size_t ol;
            const char *q = closer(line + i, &ol);
            if (q) { /* a quoted span without spaces is code: X */
                size_t ql = strlen(q), j = i + ol;
                while (j < n && line[j] != ' ' && strncmp(line + j, q, ql))
                    j++;
                if (j + ql <= n && j > i + ol && !strncmp(line + j, q, ql)) {
                    mtl_sb_addc(&sb, 'X');
                    i = j + ql - 1;
                    continue;
                }
            }
            mtl_sb_addc(&sb, line[i]);
        }
        mtl_sb_addc(&sb, '\n');
        line += n + (end != NULL);
    }
    return mtl_sb_take(&sb);
}

typedef struct typo {
    size_t start, end; /* of the mutated word, in the mutated text */
} typo;

/* Mutates the ASCII word w[0..n) into out; returns the new length, or 0. */
static size_t mutate(const char *w, size_t n, rng *r, char *out)
{
    size_t i = next(r) % n;
    switch (next(r) % 3) {
    case 0: /* swap with the next letter */
        if (i + 1 >= n || w[i] == w[i + 1])
            return 0;
        memcpy(out, w, n);
        out[i] = w[i + 1];
        out[i + 1] = w[i];
        return n;
    case 1: /* drop */
        memcpy(out, w, i);
        memcpy(out + i, w + i + 1, n - i - 1);
        return n - 1;
    default: /* double */
        memcpy(out, w, i + 1);
        memcpy(out + i + 1, w + i, n - i);
        return n + 1;
    }
}

static int plain_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return 0;
    return 1;
}

static int contains_nocase(const char *hay, size_t len, const char *needle,
                           size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (!strncasecmp(hay + i, needle, n))
            return 1;
    return 0;
}

typedef struct totals {
    size_t words, clean_findings, typos, caught;
} totals;

static mtl_result *lint(const mtl_linter *l, const char *text, size_t len)
{
    mtl_result *r = NULL;
    if (mtl_lint(l, text, len, "part.txt", &r) != 0) {
        fprintf(stderr, "typo_corpus: lint failed\n");
        exit(2);
    }
    return r;
}

/* One part: lint it clean, then with typos, and count. */
static void run_part(const mtl_linter *l, const mtl_speller *sp,
                     const char *text, size_t len, rng *r, size_t every,
                     totals *t)
{
    mtl_doc doc;
    if (mtl_doc_build(&doc, text, len, "part.txt") != 0)
        exit(2);
    mtl_result *clean = lint(l, text, len);
    size_t nf = mtl_result_count(clean);
    t->clean_findings += nf;
    for (size_t f = 0; f < nf && getenv("TYPO_CORPUS_VERBOSE"); f++)
        fprintf(stderr, "clean text: %s\n", mtl_result_at(clean, f)->message);

    mtl_sb out = {0};
    typo *typos = NULL;
    size_t n_typos = 0, cap = 0, copied = 0, words = 0, gap = every / 2;
    for (size_t i = 0; i < doc.n_tokens; i++) {
        const mtl_token *tk = &doc.tokens[i];
        if (tk->kind != MTL_TOK_WORD)
            continue;
        words++;
        size_t n = tk->end - tk->start;
        const char *w = text + tk->start;
        if (++gap < every || n < 3 || n > 40 || !plain_word(w, n) ||
            !mtl_speller_check(sp, w, n))
            continue;
        int flagged = 0; /* already a finding: not a clean word */
        for (size_t f = 0; f < nf; f++)
            flagged |= mtl_result_at(clean, f)->offset == tk->start;
        char m[48];
        size_t k = flagged ? 0 : mutate(w, n, r, m);
        if (!k || mtl_speller_check(sp, m, k))
            continue; /* no slip, or a slip that makes a real word */
        /* Each slip once per part, as a random slip would be: the rule
         * takes a word a document writes twice for its own term. */
        m[k] = '\0';
        if (contains_nocase(text, len, m, k))
            continue;
        int again = 0;
        for (size_t y = 0; y < n_typos && !again; y++)
            again = typos[y].end - typos[y].start == k &&
                    !strncasecmp(out.data + typos[y].start, m, k);
        if (again)
            continue;
        mtl_sb_add(&out, text + copied, tk->start - copied);
        typo ty = {out.len, out.len + k};
        mtl_sb_add(&out, m, k);
        copied = tk->end;
        if (MTL_PUSH(typos, n_typos, cap, ty) != 0)
            exit(2);
        gap = 0;
    }
    mtl_sb_add(&out, text + copied, len - copied);
    t->words += words;
    size_t out_len = out.len;
    char *bad = mtl_sb_take(&out);
    if (!bad)
        exit(2);
    mtl_result *res = lint(l, bad, out_len);
    for (size_t y = 0; y < n_typos; y++) {
        int hit = 0;
        for (size_t f = 0; f < mtl_result_count(res) && !hit; f++) {
            const mtl_finding *fi = mtl_result_at(res, f);
            hit = fi->offset <= typos[y].start &&
                  fi->offset + fi->length >= typos[y].end;
        }
        t->caught += (size_t)hit;
        if (!hit && getenv("TYPO_CORPUS_VERBOSE"))
            fprintf(stderr, "missed: %.*s in '%.*s'\n",
                    (int)(typos[y].end - typos[y].start), bad + typos[y].start,
                    (int)(typos[y].end - typos[y].start + 40),
                    bad + (typos[y].start > 20 ? typos[y].start - 20 : 0));
    }
    t->typos += n_typos;
    mtl_result_free(res);
    mtl_result_free(clean);
    free(bad);
    free(typos);
    mtl_doc_free(&doc);
}

int main(int argc, char **argv)
{
    int check = 0;
    unsigned long seed = 20231106, every = 60;
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (!strcmp(argv[first], "--check"))
            check = 1;
        else if (!strcmp(argv[first], "--seed") && first + 1 < argc)
            seed = strtoul(argv[++first], NULL, 10);
        else if (!strcmp(argv[first], "--every") && first + 1 < argc)
            every = strtoul(argv[++first], NULL, 10);
        else {
            fprintf(stderr, "usage: typo_corpus [--check] [--seed N] "
                            "[--every WORDS] FILE...\n");
            return 2;
        }
    }
    mtl_options *o = mtl_options_new();
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    mtl_options_set_severity(o, "spelling", MTL_WARNING);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_speller *sp = NULL;
    if (!l || mtl_speller_open(o, "en_US", &sp, &err) != 0 || !sp ||
        mtl_linter_severity(l, (size_t)mtl_rule_find("spelling")) == MTL_OFF) {
        fprintf(stderr, "typo_corpus: no speller: %s\n", err ? err : "");
        free(err);
        mtl_linter_free(l);
        mtl_options_free(o);
        return 77;
    }
    mtl_options_free(o);
    rng r = {seed * 2654435761u + 1};
    totals t = {0};
    int read = 0;
    for (int a = first; a < argc; a++) {
        char *raw = slurp(argv[a]);
        if (!raw) {
            fprintf(stderr, "typo_corpus: cannot read %s, skipped\n", argv[a]);
            continue;
        }
        read++;
        char *text = prose(raw);
        free(raw);
        if (!text)
            return 2;
        /* parts of about 1,500 words, cut at blank lines */
        size_t len = strlen(text), start = 0, words = 0;
        for (size_t i = 0; i < len; i++) {
            words += text[i] == ' ' && i > 0 && text[i - 1] != ' ';
            int blank = text[i] == '\n' && i + 1 < len && text[i + 1] == '\n';
            if ((blank && words >= 1500) || i + 1 == len) {
                run_part(l, sp, text + start, i + 1 - start, &r, every, &t);
                start = i + 1;
                words = 0;
            }
        }
        free(text);
    }
    mtl_speller_close(sp);
    mtl_linter_free(l);
    if (!read)
        return 77;
    double recall = t.typos ? 100.0 * (double)t.caught / (double)t.typos : 0;
    double per2k =
        t.words ? 2000.0 * (double)t.clean_findings / (double)t.words : 0;
    printf("words %zu, findings on clean text %zu (%.2f per 2000 words)\n",
           t.words, t.clean_findings, per2k);
    printf("typos %zu, caught %zu, recall %.1f %%\n", t.typos, t.caught, recall);
    if (check && (t.typos < 100 || recall < 95.0 || per2k > 1.0))
        return 1;
    return 0;
}
