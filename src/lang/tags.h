/*
 * The "tags" analysis (MTL_NEED_TAGS): a part-of-speech tag for every token
 * of a document, from the tagger (tagger.h), one sentence at a time.
 *
 * The tagger sees words as UD English EWT does, so tokens are mapped:
 * a hyphenated compound written without spaces ("cease-fire", three tokens)
 * is one word and all its tokens get its tag; a clitic at the end of a word
 * ("don't", "Blinken's", "we're") is a word of its own, and its tag is kept
 * beside the stem's.
 */
#ifndef MTL_TAGS_H
#define MTL_TAGS_H

#include "lang/analysis.h"
#include "text/doc.h"
#include "lang/tagger.h"

#include <stdint.h>

enum { MTL_TAG_NONE = 0xFF }; /* white space, or no clitic */

typedef struct mtl_tags {
    uint8_t *tag;    /* per token: mtl_tag, or MTL_TAG_NONE for white space */
    uint8_t *clitic; /* per token: the tag of a clitic split off its end
                        ("n't" in "don't" is PART), or MTL_TAG_NONE */
    uint16_t *amb;   /* per token: the lexicon's classes for its word
                        (tagger.h), MTL_AMB_UNKNOWN if none */
} mtl_tags;

/* The tag of token i, or MTL_TAG_NONE (also when tags were not computed). */
static inline int mtl_tag_of(const mtl_doc *doc, size_t i)
{
    const mtl_tags *t = doc->an ? doc->an->tags : NULL;
    return t ? t->tag[i] : MTL_TAG_NONE;
}

static inline int mtl_clitic_of(const mtl_doc *doc, size_t i)
{
    const mtl_tags *t = doc->an ? doc->an->tags : NULL;
    return t ? t->clitic[i] : MTL_TAG_NONE;
}

/* Could token i be a finite verb, by the lexicon (its first or second most
 * frequent class), whatever the tagger chose here? */
static inline int mtl_tag_may_be_finite(const mtl_doc *doc, size_t i)
{
    const mtl_tags *t = doc->an ? doc->an->tags : NULL;
    if (!t || t->amb[i] == MTL_AMB_UNKNOWN)
        return 0;
    return mtl_tag_is_finite(t->amb[i] & 0x7f) ||
           mtl_tag_is_finite(t->amb[i] >> 8);
}

/* Is tag the lexicon's first or second class for token i's word ("craft"
 * may be a VERB/VB)? 0 for a word the lexicon lacks. */
static inline int mtl_tag_may_be(const mtl_doc *doc, size_t i, int tag)
{
    const mtl_tags *t = doc->an ? doc->an->tags : NULL;
    if (!t || t->amb[i] == MTL_AMB_UNKNOWN)
        return 0;
    return (t->amb[i] & 0x7f) == tag || (t->amb[i] >> 8) == tag;
}

/* Does the tagger's lexicon know token i's word? */
static inline int mtl_tag_known(const mtl_doc *doc, size_t i)
{
    const mtl_tags *t = doc->an ? doc->an->tags : NULL;
    return t && t->amb[i] != MTL_AMB_UNKNOWN;
}

/* Bytes of a clitic at the end of the normal form s[0..n) ("'s", "n't",
 * the "not" of "cannot"), or 0. The rest must be a word: "'s" alone is not
 * split. */
size_t mtl_clitic_len(const char *s, size_t n);

extern const mtl_analysis mtl_analysis_tags;

#endif
