/*
 * What a rule is. A rule is one file in src/rules/ that defines one
 * `const mtl_rule mtl_rule_<name>` and one line in src/rules/rules.def.
 * Rules read the document and report findings through the emitter; they do
 * not call each other.
 */
#ifndef MTL_RULE_H
#define MTL_RULE_H

#include "lang/analysis.h"
#include "text/doc.h"
#include "findings/emit.h"
#include "mtlint.h"

typedef struct mtl_rule {
    mtl_rule_info info;
    unsigned needs; /* MTL_NEED_* analyses the rule reads from doc->an */
    /* Optional: load what the rule keeps for the linter's lifetime (word
     * lists, tables). Return 0, or -1 with a malloc'd *error. The state is
     * read-only afterwards and shared by every thread. */
    int (*init)(const mtl_options *opts, void **state, char **error);
    void (*fini)(void *state);
    /* Returns 0, or -1 when out of memory (the lint then fails). */
    int (*check)(const mtl_doc *doc, const void *state, mtl_emit *out);
} mtl_rule;

#endif
