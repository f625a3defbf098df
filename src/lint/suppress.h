/* Suppressions: findings silenced by mtlint comments in Markdown. */
#ifndef MTL_SUPPRESS_H
#define MTL_SUPPRESS_H

#include "text/doc.h"
#include "findings/result.h"

/* Drops the findings that the document's directives silence (offsets must
 * already be source offsets). With report_unused, a directive that silenced
 * nothing becomes an "unused-suppression" finding. */
void mtl_suppress(struct mtl_result *r, const mtl_doc *doc, int report_unused);

/* Drops findings whose flagged text is one of the ignored words (compared
 * ignoring ASCII case) or lies inside an occurrence of an ignored phrase. */
void mtl_ignore_terms(struct mtl_result *r, const mtl_doc *doc,
                      char *const *words, size_t n_words,
                      char *const *phrases, size_t n_phrases);

#endif
