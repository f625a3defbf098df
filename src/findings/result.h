/* The list of findings one lint call produces (mtlint.h: mtl_result). */
#ifndef MTL_RESULT_H
#define MTL_RESULT_H

#include "text/doc.h"
#include "mtlint.h"

struct mtl_result {
    mtl_finding *items;
    size_t count, cap;
    int failed; /* an allocation failed while collecting */
};

/* Takes ownership of message and suggestions (freed on failure). */
int mtl_result_add(struct mtl_result *r, const char *rule, mtl_severity sev,
                   size_t offset, size_t length, char *message,
                   char **suggestions, size_t n_suggestions);
/* Maps text offsets to source offsets (Markdown prose to its .md). */
void mtl_result_to_source(struct mtl_result *r, const mtl_doc *doc);
/* Sorts by position (then rule and message), drops exact duplicates, and
 * fills in line and column numbers from the document's line index. */
void mtl_result_finish(struct mtl_result *r, const mtl_doc *doc);

#endif
