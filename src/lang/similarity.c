/* The "similarity" analysis (similarity.h): word vectors, word by word. */
#include "lang/similarity.h"

#include "lang/vectors.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The linter-wide resource: the store, or NULL when it is not installed
 * (then the analysis still runs and answers NAN). */
typedef struct model {
    mtl_vectors *v;
} model;

static void unload(void *shared)
{
    model *m = shared;
    if (!m)
        return;
    mtl_vectors_close(m->v);
    free(m);
}

static int load(const mtl_options *opts, void **shared, char **notice,
                char **error)
{
    *shared = NULL;
    model *m = calloc(1, sizeof *m);
    if (!m || mtl_vectors_load(opts, &m->v, error) != 0) {
        if (!m || !*error)
            *error = strdup("out of memory");
        free(m);
        return -1;
    }
    if (!m->v) /* the analysis still runs, and answers NAN */
        *notice = strdup("word vectors " MTL_VECTORS_STORE " not found: rules "
                         "that tell near-synonyms from wrong words have less "
                         "evidence");
    *shared = m;
    return 0;
}

static const char *describe(const void *shared)
{
    const model *m = shared;
    return m && m->v ? mtl_vectors_describe(m->v) : NULL;
}

/* Nothing per document but the store itself, for rules to reach. */
static int run(mtl_doc *doc, const void *shared)
{
    const model *m = shared;
    doc->an->vectors = m ? m->v : NULL;
    return 0;
}

static void release(mtl_doc *doc)
{
    doc->an->vectors = NULL;
}

float mtl_similarity(const mtl_doc *doc, const char *a, const char *b)
{
    const mtl_vectors *v = doc->an ? doc->an->vectors : NULL;
    if (!v)
        return NAN;
    uint32_t x = mtl_vectors_find(v, a, strlen(a));
    uint32_t y = mtl_vectors_find(v, b, strlen(b));
    if (x == MTL_VECTORS_NONE || y == MTL_VECTORS_NONE)
        return NAN;
    return mtl_vectors_cosine(v, x, y);
}

const mtl_analysis mtl_analysis_similarity = {
    .name = "similarity",
    .flag = MTL_NEED_SIMILARITY,
    .load = load,
    .unload = unload,
    .run = run,
    .release = release,
    .describe = describe,
    .locate = mtl_vectors_locate,
};
