/*
 * Language-model scores per sentence and per word (see lmscore.h). The
 * model is opened once per linter: the "lm" option names a store or an ARPA
 * file, otherwise the default model is looked for among the data files.
 */
#include "lang/lmscore.h"

#include "base/buf.h"
#include "lang/datapath.h"
#include "lang/ngram.h"
#include "base/options.h"

#include <ctype.h>
#include <math.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MODEL "en-us.ngram"

/* How text maps onto this model's words, decided from its vocabulary. */
struct mtl_lm_model {
    mtl_ngram *ng;
    char *describe;
    int lowercase;      /* the vocabulary is case-folded */
    int digits;         /* numbers are words ("1990") */
    int split_clitics;  /* "do n't", "it 's": Penn Treebank style */
    int hyphenated;     /* compounds such as "cease-fire" are words */
    int punct;          /* "," and "." are words */
};

const char *mtl_lm_model_describe(const mtl_lm_model *m)
{
    return m ? m->describe : NULL;
}

const mtl_ngram *mtl_lm_model_ngram(const mtl_lm_model *m)
{
    return m ? m->ng : NULL;
}

static const char *describe(const void *shared)
{
    return mtl_lm_model_describe(shared);
}

static void study_vocabulary(mtl_lm_model *m)
{
    /* found over the whole vocabulary when the store was made */
    uint32_t style = mtl_ngram_vocab_style(m->ng);
    m->lowercase = (style & MTL_NGRAM_STYLE_LOWER) != 0;
    m->hyphenated = (style & MTL_NGRAM_STYLE_HYPHEN) != 0;
    m->digits = (style & MTL_NGRAM_STYLE_DIGITS) != 0;
    m->split_clitics = mtl_ngram_word(m->ng, "n't", 3) != MTL_NGRAM_NONE;
    m->punct = mtl_ngram_word(m->ng, ",", 1) != MTL_NGRAM_NONE;
}

static void unload(void *shared)
{
    mtl_lm_model *m = shared;
    if (!m)
        return;
    mtl_ngram_close(m->ng);
    free(m->describe);
    free(m);
}

static int load(const mtl_options *opts, void **shared, char **notice,
                char **error)
{
    *shared = NULL;
    const char *user = mtl_options_get(opts, "lm");
    char *path = user ? strdup(user) : mtl_data_find(opts, DEFAULT_MODEL);
    if (!path) {
        if (user || errno == ENOMEM) {
            *error = strdup("out of memory");
            return -1;
        }
        *notice = strdup("language model " DEFAULT_MODEL " not found: "
                         "language-model rules are off (run scripts/setup, "
                         "or use --lm FILE)");
        return 0;
    }
    char *err = NULL;
    uint32_t version = 0;
    mtl_ngram *ng = mtl_ngram_open_version(path, &version, &err);
    free(path);
    if (!ng) {
        mtl_sb sb = {0};
        mtl_sb_printf(&sb, "language model: %s", err ? err : "cannot open");
        free(err);
        /* the default store of an older installation: as if missing, so
         * that an upgrade without its data still lints */
        if (version && !user) {
            mtl_sb_adds(&sb, ": language-model rules are off");
            if ((*notice = mtl_sb_take(&sb)) != NULL)
                return 0;
            *error = strdup("out of memory");
            return -1;
        }
        *error = mtl_sb_take(&sb);
        return -1;
    }
    mtl_lm_model *m = calloc(1, sizeof *m);
    mtl_sb sb = {0};
    mtl_sb_printf(&sb, "language model: %s, %d-gram, %u words",
                  mtl_ngram_describe(ng),
                  mtl_ngram_order(ng), mtl_ngram_vocab_size(ng));
    char *d = mtl_sb_take(&sb);
    if (!m || !d) {
        free(m);
        free(d);
        mtl_ngram_close(ng);
        *error = strdup("out of memory");
        return -1;
    }
    m->ng = ng;
    m->describe = d;
    study_vocabulary(m);
    *shared = m;
    return 0;
}

/* --- text to model words --- */

/* Looks s[0, len) up, lower-cased first when the model is. */
static uint32_t lookup(const mtl_lm_model *m, const char *s, size_t len)
{
    char buf[256];
    if (len >= sizeof buf)
        return MTL_NGRAM_NONE;
    for (size_t i = 0; i < len; i++)
        buf[i] = m->lowercase ? (char)tolower((unsigned char)s[i]) : s[i];
    return mtl_ngram_word(m->ng, buf, len);
}

/* Maps one written word (ASCII apostrophes) to at most two model words;
 * returns how many, with MTL_NGRAM_NONE for an unknown word. */
static int map_word(const mtl_lm_model *m, const char *w, size_t len,
                    uint32_t out[2])
{
    out[0] = lookup(m, w, len);
    if (out[0] != MTL_NGRAM_NONE)
        return 1;
    const char *ap = memchr(w, '\'', len);
    if (!ap || ap == w)
        return 1;
    size_t cut = (size_t)(ap - w);
    if (m->split_clitics) {
        /* "don't" -> "do" "n't" */
        if (len >= 3 && !memcmp(w + len - 3, "n't", 3) && cut == len - 2)
            cut = len - 3;
        uint32_t a = lookup(m, w, cut), b = lookup(m, w + cut, len - cut);
        if (a != MTL_NGRAM_NONE && b != MTL_NGRAM_NONE) {
            out[0] = a;
            out[1] = b;
            return 2;
        }
    } else if ((len - cut == 2 && w[cut + 1] == 's') || cut == len - 1) {
        /* a possessive the model lacks scores as its noun */
        out[0] = lookup(m, w, cut);
    }
    return 1;
}

/* The token's text with curly apostrophes made ASCII, into buf. */
static size_t token_text(const mtl_doc *doc, const mtl_token *t, char *buf,
                         size_t size)
{
    size_t n = 0;
    for (uint32_t i = t->start; i < t->end && n + 1 < size; i++) {
        if (i + 2 < t->end && (unsigned char)doc->text[i] == 0xe2 &&
            (unsigned char)doc->text[i + 1] == 0x80 &&
            ((unsigned char)doc->text[i + 2] == 0x99 ||
             (unsigned char)doc->text[i + 2] == 0x98)) {
            buf[n++] = '\'';
            i += 2;
        } else {
            buf[n++] = doc->text[i];
        }
    }
    buf[n] = '\0';
    return n;
}

static int push_unit(mtl_lm_doc *d, size_t *cap, uint32_t tok, uint32_t end,
                     uint32_t id, uint8_t flags)
{
    mtl_lm_unit u = {.tok = tok, .tok_end = end, .id = id, .flags = flags};
    if (id == MTL_NGRAM_NONE)
        u.flags |= MTL_LMU_UNKNOWN;
    return MTL_PUSH(d->units, d->n_units, *cap, u);
}

/* Is token i a '-' glued to words on both sides? */
static int glued_hyphen(const mtl_doc *doc, size_t i, size_t end)
{
    if (i + 1 >= end || i == 0)
        return 0;
    const mtl_token *h = &doc->tokens[i], *a = h - 1, *b = h + 1;
    return h->kind == MTL_TOK_PUNCT && h->end - h->start == 1 &&
           doc->text[h->start] == '-' && a->kind == MTL_TOK_WORD &&
           b->kind == MTL_TOK_WORD && a->end == h->start && h->end == b->start;
}

static int map_sentence(const mtl_lm_model *m, const mtl_doc *doc,
                        const mtl_sentence *s, mtl_lm_doc *d, size_t *cap)
{
    char buf[256];
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        uint8_t name = (t->flags & MTL_TF_ALLCAPS) ||
                               ((t->flags & MTL_TF_CAP) &&
                                !(t->flags & MTL_TF_SENT_START))
                           ? MTL_LMU_NAME
                           : 0;
        int rc = 0;
        switch (t->kind) {
        case MTL_TOK_WORD: {
            if (m->hyphenated && glued_hyphen(doc, i + 1, s->tok_end)) {
                const mtl_token *b = &doc->tokens[i + 2];
                uint32_t id = lookup(m, doc->text + t->start, b->end - t->start);
                if (id != MTL_NGRAM_NONE) {
                    rc = push_unit(d, cap, (uint32_t)i, (uint32_t)i + 3, id, name);
                    i += 2;
                    break;
                }
            }
            size_t len = token_text(doc, t, buf, sizeof buf);
            uint32_t ids[2];
            int k = map_word(m, buf, len, ids);
            if (k == 1 && ids[0] == MTL_NGRAM_NONE && !m->lowercase &&
                (t->flags & MTL_TF_SENT_START))
                k = map_word(m, mtl_tok_norm(doc, t), t->norm_len, ids);
            for (int j = 0; j < k && rc == 0; j++)
                rc = push_unit(d, cap, (uint32_t)i, (uint32_t)i + 1, ids[j], name);
            break;
        }
        case MTL_TOK_NUMBER: {
            uint32_t id = m->digits ? mtl_ngram_word(m->ng, mtl_tok_norm(doc, t),
                                                     t->norm_len)
                                    : MTL_NGRAM_NONE;
            rc = push_unit(d, cap, (uint32_t)i, (uint32_t)i + 1, id,
                           MTL_LMU_NUMBER);
            break;
        }
        case MTL_TOK_URL:
            rc = push_unit(d, cap, (uint32_t)i, (uint32_t)i + 1, MTL_NGRAM_NONE,
                           MTL_LMU_NAME);
            break;
        case MTL_TOK_PUNCT:
            if (m->punct) {
                uint32_t id = mtl_ngram_word(m->ng, doc->text + t->start,
                                             t->end - t->start);
                if (id != MTL_NGRAM_NONE)
                    rc = push_unit(d, cap, (uint32_t)i, (uint32_t)i + 1, id, 0);
            }
            break;
        default:
            break;
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* Scores units[0, n) in place as one sentence; returns the total with the
 * end marker, and the end marker's own score in *end_lp. */
static double score_units(const mtl_lm_model *m, mtl_ngram_memo *memo,
                          mtl_lm_unit *u, size_t n, float *end_lp)
{
    uint32_t ctx[MTL_NGRAM_MAX_ORDER];
    size_t keep = (size_t)mtl_ngram_order(m->ng) - 1, nc = 0;
    uint32_t bos = mtl_ngram_bos(m->ng), eos = mtl_ngram_eos(m->ng);
    if (bos != MTL_NGRAM_NONE && keep)
        ctx[nc++] = bos;
    double total = 0;
    for (size_t i = 0; i <= n; i++) {
        uint32_t w = i < n ? u[i].id : eos;
        if (i == n && w == MTL_NGRAM_NONE)
            break;
        int matched = 0;
        float lp = mtl_ngram_score_memo(m->ng, memo, ctx, nc, w, &matched);
        total += lp;
        if (i == n) {
            *end_lp = lp;
            return total;
        }
        u[i].lp = lp;
        u[i].uni = mtl_ngram_score(m->ng, NULL, 0, w, NULL);
        u[i].matched = (uint8_t)matched;
        for (size_t j = 0; j < nc; j++)
            if (ctx[j] == MTL_NGRAM_NONE)
                u[i].flags |= MTL_LMU_CUT;
        if (!keep)
            continue;
        if (nc == keep)
            memmove(ctx, ctx + 1, --nc * sizeof *ctx);
        ctx[nc++] = w;
    }
    *end_lp = 0;
    return total;
}

static int run(mtl_doc *doc, const void *shared)
{
    const mtl_lm_model *m = shared;
    mtl_lm_doc *d = calloc(1, sizeof *d);
    if (!d)
        return -1;
    doc->an->lm = d;
    d->model = m;
    d->sentences = calloc(doc->n_sentences + 1, sizeof *d->sentences);
    /* a look-up or two per word, and rules ask again around some words */
    d->memo = mtl_ngram_memo_new(m->ng, doc->n_tokens);
    if (!d->sentences || !d->memo)
        return -1;
    size_t cap = 0;
    for (size_t s = 0; s < doc->n_sentences; s++) {
        mtl_lm_sentence *ls = &d->sentences[s];
        ls->unit_begin = (uint32_t)d->n_units;
        if (map_sentence(m, doc, &doc->sentences[s], d, &cap) != 0)
            return -1;
        ls->unit_end = (uint32_t)d->n_units;
        /* no units yet: NULL + 0 is undefined */
        ls->logprob = score_units(m, d->memo,
                                  d->units ? d->units + ls->unit_begin : NULL,
                                  ls->unit_end - ls->unit_begin, &ls->end_lp);
    }
    return 0;
}

static void release(mtl_doc *doc)
{
    mtl_lm_doc *d = doc->an->lm;
    if (!d)
        return;
    free(d->units);
    free(d->sentences);
    mtl_ngram_memo_free(d->memo);
    free(d);
    doc->an->lm = NULL;
}

float mtl_lm_score(const mtl_lm_doc *lm, const uint32_t *ctx, size_t n_ctx,
                   uint32_t word, int *matched)
{
    return mtl_ngram_score_memo(lm->model->ng, lm->memo, ctx, n_ctx, word,
                                matched);
}

/* Sum of the scores of win[from, to), each in the context before it. */
static double window_score(const mtl_lm_doc *lm, const uint32_t *win,
                           size_t from, size_t to)
{
    size_t keep = (size_t)mtl_ngram_order(lm->model->ng) - 1;
    double t = 0;
    for (size_t i = from; i < to; i++) {
        size_t c = i < keep ? i : keep;
        t += mtl_lm_score(lm, win + i - c, c, win[i], NULL);
    }
    return t;
}

double mtl_lm_swap_gain(const mtl_lm_doc *lm, size_t s, size_t k)
{
    const mtl_ngram *ng = lm->model->ng;
    const mtl_lm_sentence *ls = &lm->sentences[s];
    const mtl_lm_unit *u = lm->units + ls->unit_begin;
    size_t n = ls->unit_end - ls->unit_begin, order = (size_t)mtl_ngram_order(ng);
    if (k + 1 >= n)
        return 0;
    /* the words whose scores the swap changes, with their contexts */
    uint32_t win[3 * MTL_NGRAM_MAX_ORDER + 2];
    size_t w = 0, start = k >= order - 1 ? k - (order - 1) : 0, j;
    if (start == 0 && k < order - 1 && mtl_ngram_bos(ng) != MTL_NGRAM_NONE)
        win[w++] = mtl_ngram_bos(ng);
    for (j = start; j < k; j++)
        win[w++] = u[j].id;
    size_t at = w;
    for (j = k; j < n && j < k + order + 1; j++)
        win[w++] = u[j].id;
    if (j == n && mtl_ngram_eos(ng) != MTL_NGRAM_NONE)
        win[w++] = mtl_ngram_eos(ng);
    /* Unswapped, these are the scores run() stored, each in the same
     * context: summed in window_score's order, the same to the bit. */
    double before = 0;
    for (size_t i = k; i < j; i++)
        before += u[i].lp;
    if (j == n && mtl_ngram_eos(ng) != MTL_NGRAM_NONE)
        before += ls->end_lp;
    uint32_t t = win[at];
    win[at] = win[at + 1];
    win[at + 1] = t;
    return window_score(lm, win, at, w) - before;
}

/* The id of unit j once o[first..last] is replaced by ids[0..k). */
static uint32_t replaced_id(const mtl_lm_unit *o, size_t first, size_t last,
                            const uint32_t *ids, size_t k, size_t j)
{
    if (j < first)
        return o[j].id;
    if (j < first + k)
        return ids[j - first];
    return o[j - first - k + last + 1].id;
}

/* score_units' total for the sentence o[0, n) with o[first..last] replaced
 * by ids[0..k). Only the units whose context holds a replaced one are
 * scored again; the others add the scores run() stored, in the same order,
 * so the sum is the same to the last bit and costs a few lookups instead
 * of two per word of the sentence. */
static double rescore(const mtl_lm_doc *d, const mtl_lm_unit *o, size_t n,
                      float end_lp, size_t first, size_t last,
                      const uint32_t *ids, size_t k, double limit,
                      int *short_of)
{
    const mtl_ngram *ng = d->model->ng;
    size_t keep = (size_t)mtl_ngram_order(ng) - 1;
    uint32_t bos = mtl_ngram_bos(ng), eos = mtl_ngram_eos(ng);
    size_t b = bos != MTL_NGRAM_NONE && keep ? 1 : 0; /* <s> before unit 0 */
    size_t total_units = first + k + (n - last - 1);
    double total = 0, changed = 0;
    *short_of = 0;
    for (size_t i = 0; i <= total_units; i++) {
        int end = i == total_units;
        if (end && eos == MTL_NGRAM_NONE)
            break;
        if (i < first || i >= first + k + keep) { /* context unchanged */
            total += end ? end_lp
                         : (i < first ? o[i] : o[i - first - k + last + 1]).lp;
            continue;
        }
        uint32_t ctx[MTL_NGRAM_MAX_ORDER];
        size_t nc = i + b < keep ? i + b : keep;
        for (size_t c = 0; c < nc; c++) {
            size_t at = i + b - nc + c; /* position counting <s> */
            ctx[c] = b && at == 0 ? bos
                                  : replaced_id(o, first, last, ids, k, at - b);
        }
        uint32_t w = end ? eos : replaced_id(o, first, last, ids, k, i);
        float lp = mtl_lm_score(d, ctx, nc, w, NULL);
        total += lp;
        /* the scores still to come are log probabilities, at most 0 */
        changed += lp;
        if (changed < limit) {
            *short_of = 1;
            return total;
        }
    }
    return total;
}

/* The sentence's units that token tok is part of: [*first, *last]. */
static int units_of(const mtl_lm_doc *d, size_t s, size_t tok, size_t *first,
                    size_t *last)
{
    const mtl_lm_sentence *ls = &d->sentences[s];
    size_t n = ls->unit_end - ls->unit_begin;
    *first = SIZE_MAX;
    *last = 0;
    for (size_t i = 0; i < n; i++) {
        const mtl_lm_unit *u = &d->units[ls->unit_begin + i];
        if (tok >= u->tok && tok < u->tok_end) {
            if (*first == SIZE_MAX)
                *first = i;
            *last = i;
        }
    }
    return *first == SIZE_MAX ? -1 : 0;
}

/* The model ids of word, spelled as in text, as the document maps its
 * words: 1 or 2 (a clitic split off). */
static int map_text_word(const mtl_lm_model *m, const char *word,
                         uint32_t ids[2])
{
    char buf[256];
    size_t len = 0;
    for (const char *p = word; *p && len + 1 < sizeof buf; p++) {
        if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
            (unsigned char)p[2] == 0x99) {
            buf[len++] = '\'';
            p += 2;
        } else {
            buf[len++] = *p;
        }
    }
    return map_word(m, buf, len, ids);
}

int mtl_lm_score_replaced(const mtl_doc *doc, size_t s, size_t tok,
                          const char *word, double *logprob)
{
    return mtl_lm_score_replaced_above(doc, s, tok, word, -HUGE_VAL, logprob);
}

int mtl_lm_score_replaced_above(const mtl_doc *doc, size_t s, size_t tok,
                                const char *word, double need,
                                double *logprob)
{
    const mtl_lm_doc *d = doc->an ? doc->an->lm : NULL;
    size_t first, last;
    if (!d || s >= doc->n_sentences || !word ||
        units_of(d, s, tok, &first, &last) != 0)
        return -1;
    const mtl_lm_sentence *ls = &d->sentences[s];
    const mtl_lm_unit *o = d->units + ls->unit_begin;
    size_t n = ls->unit_end - ls->unit_begin;
    /* the scores the replacement changes, as the sentence has them: from
     * its first unit to `keep` units past its last, and the end's */
    size_t keep = (size_t)mtl_ngram_order(d->model->ng) - 1;
    double old = 0;
    for (size_t i = first; i <= last + keep && i <= n; i++)
        old += i == n ? (mtl_ngram_eos(d->model->ng) != MTL_NGRAM_NONE
                             ? ls->end_lp
                             : 0)
                      : o[i].lp;
    uint32_t ids[2];
    int k = map_text_word(d->model, word, ids), short_of;
    /* a little slack: the sums are added in another order than the
     * sentence's, so they may differ in the last bits */
    double limit = need == -HUGE_VAL ? -HUGE_VAL : old + need - 1e-6;
    *logprob = rescore(d, o, n, ls->end_lp, first, last, ids, (size_t)k,
                       limit, &short_of);
    return short_of ? 1 : 0;
}

static char *locate(const mtl_options *opts)
{
    return mtl_data_locate(opts, "language model", DEFAULT_MODEL,
                           mtl_options_get(opts, "lm"));
}

const mtl_analysis mtl_analysis_lm = {
    .name = "language model",
    .flag = MTL_NEED_LM,
    .load = load,
    .unload = unload,
    .run = run,
    .release = release,
    .describe = describe,
    .locate = locate,
};
