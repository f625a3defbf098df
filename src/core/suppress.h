/* Suppressions: findings silenced by mtlint comments in Markdown. */
#ifndef MTL_SUPPRESS_H
#define MTL_SUPPRESS_H

#include "doc.h"
#include "result.h"

/* Drops the findings that the document's directives silence (offsets must
 * already be source offsets). With report_unused, a directive that silenced
 * nothing becomes an "unused-suppression" finding. */
void mtl_suppress(struct mtl_result *r, const mtl_doc *doc, int report_unused);

#endif
