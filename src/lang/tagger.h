/*
 * A part-of-speech tagger: a greedy averaged perceptron (Collins 2002) over
 * Universal POS tags, with VERB and AUX split by verb form (the Penn tag), so
 * that rules can tell a finite verb from a participle or a base form.
 *
 * The model is trained by tools/train_tagger.c on UD English EWT and loaded
 * from a compact file (tagger_format.h). Words are tokenised as
 * in EWT: clitics are separate words ("do" "n't", "Blinken" "'s").
 */
#ifndef MTL_TAGGER_H
#define MTL_TAGGER_H

#include <stddef.h>
#include <stdint.h>

/* The tag classes. Order is part of the model format. */
typedef enum mtl_tag {
    MTL_TAG_ADJ, MTL_TAG_ADP, MTL_TAG_ADV, MTL_TAG_CCONJ, MTL_TAG_DET,
    MTL_TAG_INTJ, MTL_TAG_NOUN, MTL_TAG_NUM, MTL_TAG_PART, MTL_TAG_PRON,
    MTL_TAG_PROPN, MTL_TAG_PUNCT, MTL_TAG_SCONJ, MTL_TAG_SYM, MTL_TAG_X,
    MTL_TAG_VERB_VB, MTL_TAG_VERB_VBD, MTL_TAG_VERB_VBG, MTL_TAG_VERB_VBN,
    MTL_TAG_VERB_VBP, MTL_TAG_VERB_VBZ,
    MTL_TAG_AUX_VB, MTL_TAG_AUX_VBD, MTL_TAG_AUX_VBG, MTL_TAG_AUX_VBN,
    MTL_TAG_AUX_VBP, MTL_TAG_AUX_VBZ, MTL_TAG_AUX_MD,
    MTL_N_TAGS
} mtl_tag;

/* "ADJ", "VERB/VBD"...; NULL if out of range. */
const char *mtl_tag_name(int tag);
/* The Universal POS tag name: "VERB" for every VERB class. */
const char *mtl_tag_upos(int tag);
/* The class for a UPOS and Penn tag pair from CoNLL-U; -1 if unknown. */
int mtl_tag_from_conllu(const char *upos, const char *xpos);

static inline int mtl_tag_is_verb(int t)
{
    return t >= MTL_TAG_VERB_VB && t <= MTL_TAG_VERB_VBZ;
}
static inline int mtl_tag_is_aux(int t)
{
    return t >= MTL_TAG_AUX_VB && t <= MTL_TAG_AUX_MD;
}
/* Past, present or modal: a verb that can head a clause by itself. */
static inline int mtl_tag_is_finite(int t)
{
    return t == MTL_TAG_VERB_VBD || t == MTL_TAG_VERB_VBP ||
           t == MTL_TAG_VERB_VBZ || t == MTL_TAG_AUX_VBD ||
           t == MTL_TAG_AUX_VBP || t == MTL_TAG_AUX_VBZ || t == MTL_TAG_AUX_MD;
}

/* One word to tag: as written (for its shape) and in its normal form
 * (case-folded, ASCII apostrophes), which the features read. */
typedef struct mtl_tword {
    const char *form, *lower;
    uint32_t form_len, lower_len;
} mtl_tword;

typedef struct mtl_tagger mtl_tagger;

/* Loads a model file: maps its tables from PATH.map when that was made
 * from this very file (mtl_tagger_compile), else builds them. Returns NULL
 * and a malloc'd *error on failure. */
mtl_tagger *mtl_tagger_load(const char *path, char **error);
/* Writes the tables built from the model at src into out, for
 * mtl_tagger_load to map. Returns 0, or -1 with a malloc'd *error. */
int mtl_tagger_compile(const char *src, const char *out, char **error);
/* The same from bytes in memory (copied). */
mtl_tagger *mtl_tagger_from_bytes(const unsigned char *data, size_t len,
                                  char **error);
void mtl_tagger_free(mtl_tagger *tagger);
/* Number of features with weights in the model. */
size_t mtl_tagger_size(const mtl_tagger *tagger);

/* Tags the n words of one sentence into tags[0..n), and if amb is not NULL
 * stores each word's lexicon class there (see below). Never fails. */
void mtl_tagger_tag(const mtl_tagger *tagger, const mtl_tword *words,
                    size_t n, uint8_t *tags, uint16_t *amb);

/*
 * What the lexicon knows of a word (its "ambiguity class"): the low byte is
 * its most frequent tag in training, with MTL_AMB_SURE set when that is the
 * only tag it takes, and the high byte the second most frequent tag if it is
 * common, else MTL_N_TAGS. MTL_AMB_UNKNOWN for a word the lexicon lacks.
 */
enum { MTL_AMB_SURE = 0x80, MTL_AMB_UNKNOWN = 0xFFFF };

/* A word's parts, hashed once: the word, suffixes, prefixes, shape. */
typedef struct mtl_wfeat {
    uint64_t word, suf[4], pre[2];
    uint16_t amb;   /* lexicon class, set by the caller */
    uint8_t shape;
} mtl_wfeat;

/* Hashes word w (first: it starts the sentence); amb is left unknown. */
void mtl_tagger_prepare(const mtl_tword *w, int first, mtl_wfeat *out);
/* A stand-in for the words beyond the sentence (offset -2, -1, 1, 2). */
void mtl_tagger_edge(int offset, mtl_wfeat *out);
/* The lexicon class of a prepared word, and its key in the lexicon. */
uint16_t mtl_tagger_lexicon(const mtl_tagger *tagger, const mtl_wfeat *word);
uint32_t mtl_tagger_word_key(const mtl_wfeat *word);

/*
 * The feature keys of the middle word of ctx (words i-2 .. i+2) given the
 * two previous tags (MTL_N_TAGS before the sentence). Training and tagging
 * share this, so a model always sees the features it was trained on. Keys
 * are 32-bit hashes, never 0; a collision only merges two rare features.
 * Returns how many were written.
 */
enum { MTL_TAGGER_MAX_FEATURES = 32 };
size_t mtl_tagger_features(const mtl_wfeat ctx[5], int t1, int t2,
                           uint32_t *out);

#endif
