#include "lang/analysis.h"

#include "lang/foreign.h"
#include "lang/lmscore.h"
#include "lang/similarity.h"
#include "lang/spell.h"
#include "lang/tags.h"
#include "lang/topic.h"
#include "lang/words.h"

#include <stddef.h>

/* The shared analyses, in the order they run (a later one may read an
 * earlier one's results). */
const mtl_analysis *const mtl_analyses_table[] = {
    &mtl_analysis_words,
    &mtl_analysis_spell, /* reads the word table */
    &mtl_analysis_foreign, /* reads the word table and the verdicts */
    &mtl_analysis_lm,
    &mtl_analysis_tags,
    &mtl_analysis_topic, /* reads the word table and the tags */
    &mtl_analysis_similarity,
    NULL, /* keeps the array non-empty */
};
const size_t mtl_n_analyses =
    sizeof mtl_analyses_table / sizeof *mtl_analyses_table - 1;
