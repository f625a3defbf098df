/*
 * mt_slotfit: the evidence that a once-used noun stands in a key term's
 * slot, for every once-used noun and every key term of each document, as
 * one TSV line per pair, so that a score for the mistranslation rule can be
 * calibrated outside the rule (tools/mt_slotfit_curve.py).
 *
 * The artifact: a key term of the document ("hostages", used 9 times)
 * translated once as an unrelated noun ("progress on the mortgages"). The
 * damaged slot was written for the key term, so the key term should fit
 * it better than the noun does, by every measure below:
 *
 *   cos        cosine of noun and key term (unrelated nouns: low)
 *   lm         log10 gain of the sentence's probability with the key term
 *              in the noun's place (the swap test)
 *   uni_n,k    log10 unigram probabilities (lm - (uni_k - uni_n) is the
 *              gain that the two words' commonness does not explain)
 *   ctx_n,k    fit of each word to the content words of its sentence and
 *              the sentences either side (topic.h, centred vectors)
 *   top_n,k    fit of each word to the document's topic (topic.h)
 *   nb_n       mean of the noun's three highest cosines with the
 *              document's content words: does anything here relate to it?
 *   sgain      sum over the sentence's content words c of
 *              cos(c, key) - cos(c, noun); nctx how many there were
 *   l1 r1      the key term's other occurrences with the same word right
 *              before (l1) or after (r1) as the noun; l2 r2 the same two
 *              words; win content words within three words either side
 *              shared; shs content words of the noun's sentence found in
 *              the key term's sentences; occ the key term's occurrences
 *   rank_n,k   the words' ranks in the vector store (commonest first)
 *
 * usage: mt_slotfit FILE...   (names printed as given)
 */
#include "mtlint.h"

#include "lang/analysis.h"
#include "lang/lmscore.h"
#include "lang/ngram.h"
#include "lang/nouns.h"
#include "lang/tags.h"
#include "lang/topic.h"
#include "lang/vectors.h"
#include "lang/words.h"
#include "text/doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOOL_NAME "mt_slotfit"
#include "tool.h"
#include "tool_analyses.h"

/* Key terms: nouns the document uses at least this often. A key term
 * used three times keeps two uses once one of them is damaged. */
#define KEY_MIN 2

enum { N_AN = 4 };

typedef struct res {
    const mtl_analysis *an[N_AN]; /* words, lm, tags, topic: run order */
    void *shared[N_AN];
} res;

static void open_res(res *r)
{
    mtl_options *o = mtl_options_new();
    if (!o)
        die("out of memory");
    unsigned want[N_AN] = {MTL_NEED_WORDS, MTL_NEED_LM, MTL_NEED_TAGS,
                           MTL_NEED_TOPIC};
    tool_load_analyses(o, want, N_AN, r->an, r->shared);
    mtl_options_free(o);
}

static int content_tok(const mtl_doc *doc, size_t i)
{
    const mtl_token *k = &doc->tokens[i];
    if (k->kind != MTL_TOK_WORD || k->norm_len < 3)
        return 0;
    int tag = mtl_tag_of(doc, i);
    return tag == MTL_TAG_NOUN || tag == MTL_TAG_PROPN || tag == MTL_TAG_ADJ ||
           mtl_tag_is_verb(tag);
}

/* Up to n tokens before (dir < 0) or after token i in its sentence, white
 * space skipped, nearest first. */
static size_t window(const mtl_doc *doc, size_t i, int dir, size_t n,
                     size_t *out)
{
    const mtl_sentence *s = &doc->sentences[doc->tokens[i].sentence];
    size_t m = 0, j = i;
    while (m < n) {
        if (dir < 0 ? j <= s->tok_begin : j + 1 >= s->tok_end)
            break;
        j = dir < 0 ? j - 1 : j + 1;
        int k = doc->tokens[j].kind;
        if (k != MTL_TOK_SPACE && k != MTL_TOK_NEWLINE)
            out[m++] = j;
    }
    return m;
}

static int same(const mtl_doc *doc, size_t a, size_t b)
{
    const mtl_token *x = &doc->tokens[a], *y = &doc->tokens[b];
    return x->norm_len == y->norm_len &&
           memcmp(mtl_tok_norm(doc, x), mtl_tok_norm(doc, y), x->norm_len) ==
               0;
}

static double unigram(const mtl_ngram *ng, const char *w)
{
    uint32_t id = mtl_ngram_word(ng, w, strlen(w));
    return id == MTL_NGRAM_NONE ? mtl_ngram_unk_floor(ng)
                                : mtl_ngram_score(ng, NULL, 0, id, NULL);
}

static int hyphen(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    return t->kind == MTL_TOK_PUNCT && doc->text[t->start] == '-';
}

typedef struct ctx_counts {
    int l1, r1, l2, r2, win, shs, occ;
} ctx_counts;

/* How the contexts of a key term's occurrences (form w) match the noun's
 * at token i. */
static void match_form(const mtl_doc *doc, const mtl_word *w, size_t i,
                       ctx_counts *c)
{
    if (!w)
        return;
    size_t L[3], R[3], KL[3], KR[3];
    size_t nl = window(doc, i, -1, 3, L), nr = window(doc, i, 1, 3, R);
    const mtl_sentence *ns = &doc->sentences[doc->tokens[i].sentence];
    const uint32_t *occ = mtl_word_occurrences(doc->an->words, w);
    for (uint32_t o = 0; o < w->count; o++) {
        size_t j = occ[o];
        c->occ++;
        size_t kl = window(doc, j, -1, 3, KL), kr = window(doc, j, 1, 3, KR);
        if (nl && kl && same(doc, L[0], KL[0])) {
            c->l1++;
            c->l2 += nl > 1 && kl > 1 && same(doc, L[1], KL[1]);
        }
        if (nr && kr && same(doc, R[0], KR[0])) {
            c->r1++;
            c->r2 += nr > 1 && kr > 1 && same(doc, R[1], KR[1]);
        }
        for (size_t a = 0; a < nl + nr; a++) {
            size_t x = a < nl ? L[a] : R[a - nl];
            if (!content_tok(doc, x))
                continue;
            for (size_t b = 0; b < kl + kr; b++)
                if (same(doc, x, b < kl ? KL[b] : KR[b - kl])) {
                    c->win++;
                    break;
                }
        }
        const mtl_sentence *ks = &doc->sentences[doc->tokens[j].sentence];
        if (ks == ns)
            continue;
        for (size_t x = ns->tok_begin; x < ns->tok_end; x++) {
            if (x == i || !content_tok(doc, x) || doc->tokens[x].norm_len < 4)
                continue;
            for (size_t y = ks->tok_begin; y < ks->tok_end; y++)
                if (y != j && same(doc, x, y)) {
                    c->shs++;
                    break;
                }
        }
    }
}

static void noun(const mtl_doc *doc, size_t i)
{
    const mtl_vectors *v = mtl_topic_vectors(doc);
    const mtl_ngram *ng = mtl_lm_model_ngram(doc->an->lm->model);
    const mtl_topic *tp = doc->an->topic;
    const mtl_words *words = doc->an->words;
    const mtl_token *t = &doc->tokens[i];
    const char *w = mtl_tok_norm(doc, t);
    const mtl_topic_noun *nn =
        mtl_topic_noun_of_word(doc, words->of_token[i]);
    /* "freed" tagged as a noun is far more often a participle */
    int ed = t->norm_len > 2 && strcmp(w + t->norm_len - 2, "ed") == 0;
    if (!nn || nn->uses != 1 || ed ||
        (i > 0 && hyphen(doc, i - 1)) ||
        (i + 1 < doc->n_tokens && hyphen(doc, i + 1)))
        return;
    uint32_t wid = mtl_vectors_find(v, w, strlen(w));
    if (wid == MTL_VECTORS_NONE)
        return;
    int plural = mtl_noun_is_plural(w);
    size_t s = t->sentence;
    const mtl_sentence *sn = &doc->sentences[s];
    double base = doc->an->lm->sentences[s].logprob, uni_w = unigram(ng, w);
    float ctx_w = mtl_topic_context_fit(doc, i, w);
    float top_w = mtl_topic_fit(doc, w);
    float nb_w = mtl_topic_neighbours(doc, w, 3);
    for (size_t k = 0; k < tp->n_nouns && tp->nouns[k].uses >= KEY_MIN; k++) {
        const char *lemma = tp->nouns[k].lemma;
        char form[MTL_NOUN_MAX], pl[MTL_NOUN_MAX];
        mtl_noun_plural(lemma, pl);
        snprintf(form, sizeof form, "%s", plural ? pl : lemma);
        if (strncmp(form, w, 2) == 0)
            continue;
        uint32_t kid = mtl_vectors_find(v, form, strlen(form));
        double lp;
        if (kid == MTL_VECTORS_NONE ||
            mtl_lm_score_replaced(doc, s, i, form, &lp) != 0)
            continue;
        double sgain = 0;
        int nctx = 0;
        for (size_t j = sn->tok_begin; j < sn->tok_end; j++) {
            if (j == i || !content_tok(doc, j))
                continue;
            const char *c = mtl_tok_norm(doc, &doc->tokens[j]);
            uint32_t cid = mtl_vectors_find(v, c, strlen(c));
            if (cid == MTL_VECTORS_NONE)
                continue;
            sgain += mtl_vectors_cosine(v, cid, kid) -
                     mtl_vectors_cosine(v, cid, wid);
            nctx++;
        }
        ctx_counts cc = {0};
        match_form(doc, mtl_words_find(words, lemma, strlen(lemma)), i, &cc);
        match_form(doc, mtl_words_find(words, pl, strlen(pl)), i, &cc);
        printf("%s\t%u\t%s\t%s\t%u\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t"
               "%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%u\t%u\n",
               doc->name, t->start, w, form, tp->nouns[k].uses,
               mtl_vectors_cosine(v, wid, kid), lp - base, uni_w,
               unigram(ng, form), ctx_w, mtl_topic_context_fit(doc, i, form),
               top_w, mtl_topic_fit(doc, form), nb_w, sgain, nctx, cc.l1,
               cc.r1, cc.l2, cc.r2, cc.win, cc.shs, cc.occ, wid, kid);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2)
        die("usage: mt_slotfit FILE...");
    res r = {0};
    open_res(&r);
    puts("file\tstart\tnoun\tkey\tkey_uses\tcos\tlm\tuni_n\tuni_k\tctx_n\t"
         "ctx_k\ttop_n\ttop_k\tnb_n\tsgain\tnctx\tl1\tr1\tl2\tr2\twin\tshs\t"
         "occ\trank_n\trank_k");
    for (int f = 1; f < argc; f++) {
        size_t len;
        char *text = slurp(argv[f], &len);
        mtl_doc doc;
        mtl_analyses an;
        if (mtl_doc_build(&doc, text, len, argv[f]) != 0)
            die("cannot segment");
        memset(&an, 0, sizeof an);
        doc.an = &an;
        for (int k = 0; k < N_AN; k++)
            if (r.an[k]->run(&doc, r.shared[k]) != 0)
                die("out of memory");
        if (!mtl_topic_vectors(&doc) || !an.lm)
            die("no word vectors or language model");
        for (size_t i = 0; i < doc.n_tokens; i++)
            if (doc.tokens[i].kind == MTL_TOK_WORD &&
                mtl_tag_of(&doc, i) == MTL_TAG_NOUN)
                noun(&doc, i);
        for (int k = N_AN - 1; k >= 0; k--)
            r.an[k]->release(&doc);
        mtl_doc_free(&doc);
        free(text);
    }
    for (int k = 0; k < N_AN; k++)
        if (r.an[k]->unload && r.shared[k])
            r.an[k]->unload(r.shared[k]);
    return 0;
}
