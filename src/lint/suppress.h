/* Suppressions: findings silenced by mtlint comments in Markdown. */
#ifndef MTL_SUPPRESS_H
#define MTL_SUPPRESS_H

#include "text/doc.h"
#include "findings/result.h"

/* Drops the findings that the document's directives silence (offsets must
 * already be source offsets). severity[] is the linter's, per rule of the
 * catalogue: when "unused-suppression" is on, a directive that silenced
 * nothing and names an enabled rule (or every rule) is reported; when
 * "unknown-rule" is on, each name that is not a rule is reported. */
void mtl_suppress(struct mtl_result *r, const mtl_doc *doc,
                  const mtl_severity *severity);

/* Drops findings whose flagged text is one of the ignored words (compared
 * ignoring ASCII case) or lies inside an occurrence of an ignored phrase. */
void mtl_ignore_terms(struct mtl_result *r, const mtl_doc *doc,
                      char *const *words, size_t n_words,
                      char *const *phrases, size_t n_phrases);

#endif
