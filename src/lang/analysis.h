/*
 * Shared analyses: work that more than one rule needs (word statistics,
 * part-of-speech tags, language-model scores), computed once per document,
 * only when an enabled rule asks for it, before any rule runs.
 *
 * An analysis may have a linter-wide resource (a model, a dictionary) that is
 * loaded once in mtl_linter_new and then shared read-only by all threads.
 * To add one: a flag here, a field in mtl_analyses, an entry in the table in
 * analyses.c.
 *
 * An analysis that reads others' results names them in `reads`: the
 * linter runs them whenever it runs this one, so a rule needs only the
 * analyses it reads itself.
 */
#ifndef MTL_ANALYSIS_H
#define MTL_ANALYSIS_H

#include "text/doc.h"
#include "mtlint.h"

enum {
    MTL_NEED_NONE = 0,
    MTL_NEED_WORDS = 1 << 0, /* words.h: the per-document word table */
    MTL_NEED_SPELL = 1 << 1, /* speller.h: English dictionary verdicts */
    MTL_NEED_LM = 1 << 2,    /* lmscore.h: language-model scores */
    MTL_NEED_TAGS = 1 << 3,  /* tags.h: part-of-speech tags */
    MTL_NEED_TOPIC = 1 << 4, /* topic.h: key terms, topic vector (after
                                words and tags, which a rule asks for too) */
    MTL_NEED_SIMILARITY = 1 << 5, /* similarity.h: words alike in meaning */
    MTL_NEED_FOREIGN = 1 << 6 /* foreign.h: sentences in another language
                                 (reads words and spell) */
};

/* Per-document results; each analysis owns its field. */
typedef struct mtl_analyses {
    struct mtl_words *words;  /* MTL_NEED_WORDS */
    struct mtl_spell *spell;  /* MTL_NEED_SPELL */
    struct mtl_lm_doc *lm;    /* MTL_NEED_LM */
    struct mtl_tags *tags;    /* MTL_NEED_TAGS */
    struct mtl_topic *topic;  /* MTL_NEED_TOPIC */
    const struct mtl_vectors *vectors; /* MTL_NEED_SIMILARITY: the store */
    struct mtl_foreign *foreign; /* MTL_NEED_FOREIGN */
} mtl_analyses;

typedef struct mtl_analysis {
    const char *name;
    unsigned flag; /* MTL_NEED_* */
    /* The analyses whose results run reads (MTL_NEED_*), earlier in the
     * table: needed whenever this one is. Without their results (a
     * resource not installed) run does less. */
    unsigned reads;
    /* Loads the shared resource. Returns 0 with *shared set (or NULL when
     * the resource is not installed: then *notice says so, malloc'd, and the
     * rules that need it are turned off), or -1 with a malloc'd *error.
     * An analysis whose resource is optional sets *shared and a *notice
     * when the resource is missing, and does less. */
    int (*load)(const mtl_options *opts, void **shared, char **notice,
                char **error);
    void (*unload)(void *shared);
    /* Fills its field of doc->an. Returns 0, or -1 when out of memory. */
    int (*run)(mtl_doc *doc, const void *shared);
    /* Frees its field of doc->an; must do nothing if run did not fill it. */
    void (*release)(mtl_doc *doc);
    /* Optional: one line naming the loaded resource. */
    const char *(*describe)(const void *shared);
    /* Optional: one line naming the file load would read, found without
     * reading it ("language model: /usr/share/mtlint/en-us.ngram"), or
     * saying that it is missing; malloc'd, NULL when out of memory. What
     * --version prints, which must not load anything. */
    char *(*locate)(const mtl_options *opts);
    /* Optional: checks its settings whether or not a rule needs it, so
     * that a mistake ("lang = xx") is an error with every set of rules.
     * Returns 0, or -1 with a malloc'd *error (NULL when out of memory). */
    int (*check)(const mtl_options *opts, char **error);
} mtl_analysis;

extern const mtl_analysis *const mtl_analyses_table[];
extern const size_t mtl_n_analyses;

#endif
