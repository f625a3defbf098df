/* The "tags" analysis: a document's tokens mapped to tagger words, one
 * sentence at a time, and the tags mapped back (see tags.h). */
#include "lang/tags.h"

#include "base/buf.h"
#include "lang/datapath.h"
#include "base/utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MODEL_FILE "tagger-ewt.bin"


static int load(const mtl_options *opts, void **shared, char **notice,
                char **error)
{
    *shared = NULL;
    char *path = mtl_data_find(opts, MODEL_FILE);
    if (!path && errno == ENOMEM) {
        *error = strdup("out of memory");
        return -1;
    }
    if (!path) {
        *notice = strdup("part-of-speech model " MODEL_FILE
                          " not found: rules that need tags are off");
        return 0;
    }
    mtl_tagger *t = mtl_tagger_load(path, error);
    free(path);
    if (!t)
        return -1;
    *shared = t;
    return 0;
}

static void unload(void *shared)
{
    mtl_tagger_free(shared);
}

size_t mtl_clitic_len(const char *s, size_t n)
{
    static const char *const clitics[] = {"n't", "'s", "'re", "'ve", "'ll",
                                          "'d", "'m"};
    /* the treebank the tagger learnt from writes "cannot" as "can not" */
    if (n == 6 && memcmp(s, "cannot", 6) == 0)
        return 3;
    for (size_t k = 0; k < sizeof clitics / sizeof *clitics; k++) {
        size_t c = strlen(clitics[k]);
        if (n > c && memcmp(s + n - c, clitics[k], c) == 0)
            return s[n - c - 1] == '\'' ? 0 : c;
    }
    return 0;
}

static int is_hyphen(const mtl_doc *doc, const mtl_token *t)
{
    return t->kind == MTL_TOK_PUNCT && t->norm_len == 1 &&
           mtl_tok_norm(doc, t)[0] == '-';
}

static int joinable(const mtl_token *t)
{
    return t->kind == MTL_TOK_WORD || t->kind == MTL_TOK_NUMBER;
}

/* One tagger word: doc tokens [first, last], and whether it is the clitic
 * half of its token. */
typedef struct span {
    uint32_t first, last;
    uint8_t clitic;
} span;

typedef struct scratch {
    mtl_tword *words;
    span *spans;
    uint8_t *tags;
    uint16_t *amb;
    size_t cap;
    char *text; /* normal forms of compounds */
    size_t text_cap;
} scratch;

static int tag_sentence(mtl_doc *doc, const mtl_tagger *tagger,
                        const mtl_sentence *s, scratch *sc, mtl_tags *out)
{
    /* At most two words per token; compounds need their norms joined. */
    size_t need = 2 * (size_t)(s->tok_end - s->tok_begin) + 1, text = 1;
    for (uint32_t i = s->tok_begin; i < s->tok_end; i++)
        text += doc->tokens[i].norm_len + 1u;
    if (need > sc->cap) {
        mtl_tword *w = realloc(sc->words, need * sizeof *w);
        if (w)
            sc->words = w;
        span *sp = realloc(sc->spans, need * sizeof *sp);
        if (sp)
            sc->spans = sp;
        uint8_t *tg = realloc(sc->tags, need);
        if (tg)
            sc->tags = tg;
        uint16_t *am = realloc(sc->amb, need * sizeof *am);
        if (am)
            sc->amb = am;
        if (!w || !sp || !tg || !am)
            return -1;
        sc->cap = need;
    }
    if (text > sc->text_cap &&
        mtl_grow((void **)&sc->text, &sc->text_cap, text, 1))
        return -1;
    size_t n = 0, used = 0;
    for (uint32_t i = s->tok_begin; i < s->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (mtl_tok_is_space(t))
            continue;
        uint32_t last = i;
        /* word-word or word-word-word, with no space: one compound */
        while (joinable(&doc->tokens[i]) && last + 2 < s->tok_end &&
               is_hyphen(doc, &doc->tokens[last + 1]) &&
               joinable(&doc->tokens[last + 2]) &&
               doc->tokens[last + 1].start == doc->tokens[last].end &&
               doc->tokens[last + 2].start == doc->tokens[last + 1].end)
            last += 2;
        mtl_tword *w = &sc->words[n];
        w->form = doc->text + t->start;
        w->form_len = doc->tokens[last].end - t->start;
        if (last == i) {
            w->lower = mtl_tok_norm(doc, t);
            w->lower_len = t->norm_len;
        } else {
            char *o = sc->text + used;
            size_t k = 0;
            for (uint32_t j = i; j <= last; j++) {
                memcpy(o + k, mtl_tok_norm(doc, &doc->tokens[j]),
                       doc->tokens[j].norm_len);
                k += doc->tokens[j].norm_len;
            }
            w->lower = o;
            w->lower_len = (uint32_t)k;
            used += k;
        }
        sc->spans[n++] = (span){i, last, 0};
        size_t cl = last == i && t->kind == MTL_TOK_WORD
                        ? mtl_clitic_len(w->lower, w->lower_len)
                        : 0;
        if (cl) {
            /* the clitic is cl code points in the text too ("’s") */
            size_t tb = mtl_utf8_tail(w->form, w->form_len, cl);
            mtl_tword *c = &sc->words[n];
            c->form = w->form + w->form_len - tb;
            c->form_len = (uint32_t)tb;
            c->lower = w->lower + w->lower_len - cl;
            c->lower_len = (uint32_t)cl;
            w->form_len -= (uint32_t)tb;
            w->lower_len -= (uint32_t)cl;
            sc->spans[n++] = (span){i, i, 1};
        }
        i = last;
    }
    mtl_tagger_tag(tagger, sc->words, n, sc->tags, sc->amb);
    for (size_t k = 0; k < n; k++) {
        const span *sp = &sc->spans[k];
        if (sp->clitic) {
            out->clitic[sp->first] = sc->tags[k];
            continue;
        }
        for (uint32_t j = sp->first; j <= sp->last; j++) {
            out->tag[j] = sc->tags[k];
            out->amb[j] = sc->amb[k];
        }
    }
    return 0;
}

static void release(mtl_doc *doc)
{
    mtl_tags *t = doc->an->tags;
    if (!t)
        return;
    free(t->tag);
    free(t->clitic);
    free(t->amb);
    free(t);
    doc->an->tags = NULL;
}

static int run(mtl_doc *doc, const void *shared)
{
    mtl_tags *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    doc->an->tags = t;
    size_t n = doc->n_tokens ? doc->n_tokens : 1;
    t->tag = malloc(n);
    t->clitic = malloc(n);
    t->amb = malloc(n * sizeof *t->amb);
    if (!t->tag || !t->clitic || !t->amb)
        return -1;
    memset(t->tag, MTL_TAG_NONE, n);
    memset(t->clitic, MTL_TAG_NONE, n);
    memset(t->amb, 0xFF, n * sizeof *t->amb); /* MTL_AMB_UNKNOWN */
    scratch sc = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < doc->n_sentences; i++)
        rc = tag_sentence(doc, shared, &doc->sentences[i], &sc, t);
    free(sc.words);
    free(sc.spans);
    free(sc.tags);
    free(sc.amb);
    free(sc.text);
    return rc;
}

static const char *describe(const void *shared)
{
    (void)shared;
    return "part-of-speech tagger: averaged perceptron, UD English EWT "
           "(CC BY-SA 4.0)";
}

static char *locate(const mtl_options *opts)
{
    return mtl_data_locate(opts, "part-of-speech tagger", MODEL_FILE, NULL);
}

const mtl_analysis mtl_analysis_tags = {
    .name = "tags",
    .flag = MTL_NEED_TAGS,
    .load = load,
    .unload = unload,
    .run = run,
    .release = release,
    .describe = describe,
    .locate = locate,
};
