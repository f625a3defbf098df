/*
 * forms_agree: the compiled dictionary's verdicts (src/lang/forms.h)
 * against Hunspell's own on every distinct word of some texts.
 *
 * A word is a run of letters, digits, apostrophes (' and U+2019) and
 * hyphens, as written, its parts between hyphens, and what lies between
 * spaces less the marks around it, each of those also in lower case, with
 * a capital and in capitals. Each is asked of en_US with
 * the word lists the spell analysis adds (news-words.txt,
 * software-words.txt), of en_US without them, and of en_GB. Prints, per
 * class of word, how many the compiled file decided and how many it left
 * to Hunspell, and every disagreement; exits 1 when there is one.
 *
 * --left prints the words left to Hunspell.
 *
 * A TEXT may be a directory: its files, and the files of its directories.
 * Exits 77 (skipped) when a dictionary or its compiled file is missing.
 *
 * usage: forms_agree [--left] TEXT...
 */
#include "base/buf.h"
#include "base/options.h"
#include "base/utf8.h"
#include "lang/datapath.h"
#include "lang/forms.h"
#include "lang/speller.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

enum { PLAIN, APOSTROPHE, MIXED, CAPITALS, HYPHEN, DIGIT, NON_ASCII,
       N_CLASSES };
static const char *const class_name[] = {
    "lower/capital letters", "apostrophe", "capitals inside", "all capitals",
    "hyphen", "digit", "beyond ASCII"};

typedef struct judge {
    const char *name;
    mtl_speller *sp;
    mtl_forms *forms;
    int with_list, show_left;
    size_t decided[N_CLASSES], left[N_CLASSES], wrong;
} judge;

static unsigned classes(const char *w, size_t n)
{
    char key[1024];
    int type;
    unsigned c = 0;
    if (mtl_forms_key(w, n, key, sizeof key, &type))
        c |= type >= MTL_CASE_HUHINIT ? 1u << MIXED
             : type == MTL_CASE_ALL   ? 1u << CAPITALS
                                      : 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)w[i];
        if (b == '-')
            c |= 1u << HYPHEN;
        else if (b >= '0' && b <= '9')
            c |= 1u << DIGIT;
        else if (b == '\'' || (i + 2 < n && !memcmp(w + i, "\xE2\x80\x99", 3)))
            c |= 1u << APOSTROPHE;
        else if (b >= 0x80)
            c |= 1u << NON_ASCII;
    }
    return c ? c : 1u << PLAIN;
}

static void ask(judge *j, const char *w, size_t n)
{
    if (n > MTL_SPELLER_MAX_WORD)
        return;
    int v = mtl_forms_verdict(j->forms, w, n, j->with_list);
    unsigned c = classes(w, n);
    for (int k = 0; k < N_CLASSES; k++)
        if (c & 1u << k)
            (v >= 0 ? j->decided : j->left)[k]++;
    if (v < 0) {
        if (j->show_left)
            printf("LEFT %s '%.*s'\n", j->name, (int)n, w);
        return;
    }
    int h = mtl_speller_hunspell(j->sp, w, n);
    if (v != h) {
        printf("DISAGREE %s '%.*s': compiled %d, Hunspell %d\n", j->name,
               (int)n, w, v, h);
        j->wrong++;
    }
}

typedef struct spellings {
    char **s;
    size_t n, cap;
} spellings;

static void push(spellings *u, const char *w, size_t n)
{
    char *c = n ? malloc(n + 1) : NULL;
    if (!c || mtl_grow((void **)&u->s, &u->cap, u->n + 1, sizeof *u->s) != 0)
        exit(2);
    memcpy(c, w, n);
    c[n] = '\0';
    u->s[u->n++] = c;
}

/* The word, and the word in lower case, with a capital, in capitals. */
static void push_cases(spellings *u, const char *w, size_t n)
{
    char key[1024], t[1024];
    int type;
    push(u, w, n);
    size_t k = mtl_forms_key(w, n, key, sizeof key, &type), m;
    if (!k)
        return;
    push(u, key, k);
    if ((m = mtl_forms_recase(key, k, MTL_CASE_INIT, t, sizeof t)) != 0)
        push(u, t, m);
    if ((m = mtl_forms_recase(key, k, MTL_CASE_ALL, t, sizeof t)) != 0)
        push(u, t, m);
}

static int word_char(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == '-' || (c >= '0' && c <= '9') ||
           u_isalpha((UChar32)c) || u_getCombiningClass((UChar32)c) != 0 ||
           u_charType((UChar32)c) == U_NON_SPACING_MARK;
}

static int read_text(spellings *u, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    mtl_sb text = {0};
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        mtl_sb_add(&text, buf, got);
    fclose(f);
    size_t n = text.len;
    char *s = mtl_sb_take(&text);
    for (size_t i = 0; s && i < n;) {
        size_t e = i;
        uint32_t c;
        while (e < n) {
            size_t len = mtl_utf8_next(s, n, e, &c);
            if (c == MTL_BAD_CP || !word_char(c))
                break;
            e += len;
        }
        if (e == i) {
            i += mtl_utf8_next(s, n, i, &c);
            continue;
        }
        push_cases(u, s + i, e - i);
        /* the parts between hyphens too */
        for (size_t p = i; memchr(s + i, '-', e - i) && p < e;) {
            const char *h = memchr(s + p, '-', e - p);
            size_t q = h ? (size_t)(h - s) : e;
            if (q > p)
                push_cases(u, s + p, q - p);
            p = q + 1;
        }
        i = e;
    }
    /* and what lies between spaces, without the marks around it
     * ("gradle-experimental.jar", "e.g", "@includedir") */
    for (size_t i = 0; s && i < n;) {
        while (i < n && strchr(" \t\r\n", s[i]))
            i++;
        size_t e = i;
        while (e < n && !strchr(" \t\r\n", s[e]))
            e++;
        size_t from = i, to = e;
        while (from < to && strchr("\"([{", s[from]))
            from++;
        while (to > from && strchr("\".,;:!?)]}", s[to - 1]))
            to--;
        if (to > from && to - from < 200)
            push_cases(u, s + from, to - from);
        i = e;
    }
    free(s);
    return 0;
}

/* A file, or the files of a directory, depth levels down. */
static int read_path(spellings *u, const char *path, int depth)
{
    DIR *d = depth > 0 ? opendir(path) : NULL;
    if (!d)
        return read_text(u, path);
    int rc = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "%s/%s", path, e->d_name);
        char *sub = mtl_sb_take(&sb);
        rc = sub ? read_path(u, sub, depth - 1) : -1;
        free(sub);
    }
    closedir(d);
    return rc;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    mtl_options *o = mtl_options_new();
    judge j[3] = {{.name = "en_US+lists", .with_list = 1},
                  {.name = "en_US"},
                  {.name = "en_GB"}};
    const char *lang[3] = {"en_US", "en_US", "en_GB"};
    for (int i = 0; i < 3; i++) {
        char *err = NULL;
        if (mtl_speller_open(o, lang[i], &j[i].sp, &err) != 0 || !j[i].sp) {
            fprintf(stderr, "forms_agree: no %s\n", lang[i]);
            return 77;
        }
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "hunspell-%s.forms", lang[i]);
        char *name = mtl_sb_take(&sb);
        char *path = mtl_data_find(o, name);
        char *dic = mtl_speller_locate(o, lang[i]);
        char *aff = dic ? strdup(dic) : NULL;
        if (aff)
            memcpy(aff + strlen(aff) - 4, ".aff", 4);
        j[i].forms = mtl_forms_open(path, aff, dic);
        if (!j[i].forms) {
            fprintf(stderr, "forms_agree: no compiled %s\n", lang[i]);
            return 77;
        }
        free(name);
        free(path);
        free(dic);
        free(aff);
    }
    static const char *const lists[] = {"news-words.txt",
                                        "software-words.txt"};
    for (size_t l = 0; l < 2; l++) {
        char *p = mtl_data_find(o, lists[l]);
        if (!p || mtl_speller_add_file(j[0].sp, p) != 0) {
            fprintf(stderr, "forms_agree: cannot add %s\n", lists[l]);
            return 2;
        }
        free(p);
    }
    spellings u = {0};
    int first = 1;
    if (argc > 1 && !strcmp(argv[1], "--left")) {
        for (int i = 0; i < 3; i++)
            j[i].show_left = 1;
        first = 2;
    }
    for (int a = first; a < argc; a++)
        if (read_path(&u, argv[a], 2) != 0) {
            fprintf(stderr, "forms_agree: cannot read %s\n", argv[a]);
            return 2;
        }
    qsort(u.s, u.n, sizeof *u.s, cmp);
    size_t distinct = 0;
    for (size_t w = 0; w < u.n; w++) {
        if (w && !strcmp(u.s[w], u.s[w - 1]))
            continue;
        distinct++;
        for (int i = 0; i < 3; i++)
            ask(&j[i], u.s[w], strlen(u.s[w]));
    }
    printf("%zu distinct spellings\n", distinct);
    size_t wrong = 0;
    for (int i = 0; i < 3; i++) {
        printf("%s: %zu disagreements\n", j[i].name, j[i].wrong);
        for (int k = 0; k < N_CLASSES; k++)
            printf("  %-22s decided %7zu, left to Hunspell %6zu\n",
                   class_name[k], j[i].decided[k], j[i].left[k]);
        wrong += j[i].wrong;
        mtl_forms_close(j[i].forms);
        mtl_speller_close(j[i].sp);
    }
    for (size_t w = 0; w < u.n; w++)
        free(u.s[w]);
    free(u.s);
    mtl_options_free(o);
    return wrong ? 1 : 0;
}
