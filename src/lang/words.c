/*
 * The word table (words.h): one hash table pass over the tokens to count,
 * then a second pass to lay the occurrences out word by word, so that each
 * word's occurrences are one contiguous run without a list per word.
 */
#include "lang/words.h"

#include "base/hash.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: short keys, and no need to resist crafted collisions because the
 * table size is bounded by the document itself. */
static uint32_t hash(const char *s, size_t n)
{
    return mtl_fnv32(s, n);
}

/* The slot holding norm, or the empty slot where it belongs. */
static size_t probe(const mtl_words *w, const char *norm, size_t len)
{
    size_t mask = w->n_slots - 1;
    for (size_t i = hash(norm, len) & mask;; i = (i + 1) & mask) {
        uint32_t k = w->slots[i];
        if (!k)
            return i;
        const mtl_word *e = &w->words[k - 1];
        if (e->norm_len == len && memcmp(e->norm, norm, len) == 0)
            return i;
    }
}

const mtl_word *mtl_words_find(const mtl_words *w, const char *norm, size_t len)
{
    if (!w || !w->n_slots)
        return NULL;
    uint32_t k = w->slots[probe(w, norm, len)];
    return k ? &w->words[k - 1] : NULL;
}

/* Doubles the table, placing every word again; -1 when out of memory. */
static int grow(mtl_words *w)
{
    size_t n = w->n_slots * 2;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    free(w->slots);
    w->slots = slots;
    w->n_slots = n;
    for (size_t k = 0; k < w->n_words; k++)
        w->slots[probe(w, w->words[k].norm, w->words[k].norm_len)] = (uint32_t)k + 1;
    return 0;
}

static void release(mtl_doc *doc)
{
    mtl_words *w = doc->an->words;
    if (!w)
        return;
    free(w->words);
    free(w->occ);
    free(w->of_token);
    free(w->slots);
    free(w);
    doc->an->words = NULL;
}

static int run(mtl_doc *doc, const void *shared)
{
    (void)shared;
    mtl_words *w = calloc(1, sizeof *w);
    if (!w)
        return -1;
    doc->an->words = w;
    size_t n_word_toks = 0;
    for (size_t i = 0; i < doc->n_tokens; i++)
        n_word_toks += doc->tokens[i].kind == MTL_TOK_WORD;
    /* at most half full, so probes stay short; grown with the distinct
     * words, not sized to the word tokens (a 16 MB text has 3 million of
     * those but some 100,000 words: 32 MB of slots touched, not 1 MB) */
    w->n_slots = 1024;
    w->slots = calloc(w->n_slots, sizeof *w->slots);
    w->of_token = malloc((doc->n_tokens + 1) * sizeof *w->of_token);
    w->words = malloc((n_word_toks + 1) * sizeof *w->words);
    w->occ = malloc((n_word_toks + 1) * sizeof *w->occ);
    if (!w->slots || !w->of_token || !w->words || !w->occ)
        return -1;

    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *t = &doc->tokens[i];
        w->of_token[i] = MTL_NO_WORD;
        if (t->kind != MTL_TOK_WORD)
            continue;
        const char *norm = mtl_tok_norm(doc, t);
        size_t len = strlen(norm); /* norm_len is capped; the string is not */
        size_t s = probe(w, norm, len);
        if (!w->slots[s]) {
            if (2 * ((size_t)w->n_words + 1) > w->n_slots) {
                if (grow(w) != 0)
                    return -1;
                s = probe(w, norm, len);
            }
            w->words[w->n_words] = (mtl_word){.norm = norm,
                                              .norm_len = (uint32_t)len};
            w->slots[s] = (uint32_t)++w->n_words;
        }
        uint32_t k = w->slots[s] - 1;
        w->words[k].count++;
        w->of_token[i] = k;
    }
    /* occ offsets: a running sum of counts; then fill, counting again */
    uint32_t at = 0;
    for (size_t k = 0; k < w->n_words; k++) {
        w->words[k].occ = at;
        at += w->words[k].count;
        w->words[k].count = 0;
    }
    for (size_t i = 0; i < doc->n_tokens; i++) {
        uint32_t k = w->of_token[i];
        if (k != MTL_NO_WORD)
            w->occ[w->words[k].occ + w->words[k].count++] = (uint32_t)i;
    }
    return 0;
}

const mtl_analysis mtl_analysis_words = {
    .name = "words",
    .flag = MTL_NEED_WORDS,
    .run = run,
    .release = release,
};
