#include "analysis.h"

#include <stddef.h>

/* The shared analyses, in the order they run (a later one may read an
 * earlier one's results). */
const mtl_analysis *const mtl_analyses_table[] = {
    NULL, /* keeps the array non-empty */
};
const size_t mtl_n_analyses =
    sizeof mtl_analyses_table / sizeof *mtl_analyses_table - 1;
