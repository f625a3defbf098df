/*
 * Language-model scores, a shared analysis (MTL_NEED_LM): every sentence is
 * mapped to the model's words once per document and scored word by word.
 *
 * How a token becomes a model word (case, digits, apostrophe forms such as
 * "do n't" against "don't", hyphenated compounds, punctuation) follows the
 * model's vocabulary; that is decided once when the model loads.
 */
#ifndef MTL_LMSCORE_H
#define MTL_LMSCORE_H

#include "lang/analysis.h"
#include "text/doc.h"
#include "lang/ngram.h"

#include <stddef.h>
#include <stdint.h>

enum {
    MTL_LMU_UNKNOWN = 1, /* not in the model: scored at the floor */
    MTL_LMU_NAME = 2,    /* a capitalised word inside the sentence, or caps */
    MTL_LMU_NUMBER = 4,  /* a number token */
    MTL_LMU_CUT = 8      /* its context was cut by an unknown word */
};

/* One model word: a token, part of one ("n't"), or several ("cease-fire"). */
typedef struct mtl_lm_unit {
    uint32_t tok;      /* the (first) token it scores */
    uint32_t tok_end;  /* one past its last token */
    uint32_t id;       /* model word id, MTL_NGRAM_NONE when unknown */
    float lp;          /* log10 P(word | the words before it) */
    float uni;         /* log10 P(word) without context */
    uint8_t matched;   /* length of the n-gram the model had (0 unknown) */
    uint8_t flags;     /* MTL_LMU_* */
} mtl_lm_unit;

typedef struct mtl_lm_sentence {
    uint32_t unit_begin, unit_end; /* into units */
    double logprob;                /* sum of the units' lp and the end */
    float end_lp;                  /* log10 P(</s> | last words), 0 if none */
} mtl_lm_sentence;

typedef struct mtl_lm_model mtl_lm_model;

typedef struct mtl_lm_doc {
    const mtl_lm_model *model;
    mtl_lm_unit *units;
    size_t n_units;
    mtl_lm_sentence *sentences;  /* one per doc->sentences */
    mtl_ngram_memo *memo;        /* the document's look-ups, written while
                                    rules read: one thread per document */
} mtl_lm_doc;

extern const mtl_analysis mtl_analysis_lm;

/* The model's one-line description, e.g. for --version. */
const char *mtl_lm_model_describe(const mtl_lm_model *m);
/* The n-gram store under the model, for rules that look up words or
 * word pairs directly (mtl_ngram_score). */
const struct mtl_ngram *mtl_lm_model_ngram(const mtl_lm_model *m);

/* mtl_ngram_score in the document's model, through the document's memo
 * of look-ups: what rules call to score words of their own choosing. */
float mtl_lm_score(const mtl_lm_doc *lm, const uint32_t *ctx, size_t n_ctx,
                   uint32_t word, int *matched);

/*
 * log10 probability of sentence s (with its end marker) when token `tok`
 * (a word token of s) is replaced by `word`, spelled as in text (case and
 * apostrophes are mapped as for the document). Returns 0 and *logprob, or
 * -1 when the analysis did not run or tok is not a word of s.
 */
/* How much more probable (log10) sentence s becomes when its units k and
 * k + 1 trade places: positive when the swapped order reads better. Only
 * the scores the swap changes are recomputed. 0 when k + 1 is past the end. */
double mtl_lm_swap_gain(const mtl_lm_doc *lm, size_t s, size_t k);

int mtl_lm_score_replaced(const mtl_doc *doc, size_t s, size_t tok,
                          const char *word, double *logprob);
/* The same, for a caller that only wants a replacement that makes the
 * sentence at least `need` (log10) more probable: returns 1, *logprob
 * then meaning nothing, as soon as the scores of the words after the
 * replacement cannot make up for the ones already lower (a probability is
 * at most 1). Most candidates end after the replaced word's own score. */
int mtl_lm_score_replaced_above(const mtl_doc *doc, size_t s, size_t tok,
                                const char *word, double need,
                                double *logprob);

#endif
