/*
 * For the research tools that run the linter's analyses themselves
 * (mt_devset, mt_slotfit): find each analysis wanted and load its
 * resource, or stop with a message. Include after tool.h.
 */
#ifndef MTL_TOOL_ANALYSES_H
#define MTL_TOOL_ANALYSES_H

#include "lang/analysis.h"

/* an[k] and shared[k] for each want[k] (an MTL_NEED_* flag), in order. */
__attribute__((unused))
static void tool_load_analyses(const mtl_options *o, const unsigned *want, int n,
                               const mtl_analysis **an, void **shared)
{
    for (int k = 0; k < n; k++) {
        an[k] = NULL;
        for (size_t a = 0; a < mtl_n_analyses; a++)
            if (mtl_analyses_table[a] && mtl_analyses_table[a]->flag == want[k])
                an[k] = mtl_analyses_table[a];
        if (!an[k])
            die("an analysis is missing");
        char *notice = NULL, *err = NULL;
        shared[k] = NULL;
        if (an[k]->load && an[k]->load(o, &shared[k], &notice, &err) != 0)
            die("%s", err ? err : "cannot load an analysis");
        if (notice || (an[k]->load && !shared[k]))
            die("%s", notice ? notice : "a model is missing");
    }
}

#endif
