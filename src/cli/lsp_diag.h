/*
 * Diagnostics: one lint of one revision of a document (its text, every
 * finding, which of them a baseline hides) and the LSP Diagnostic objects
 * made from it. The code actions read the same lint, so that a fix is
 * placed in the text the finding was made in.
 */
#ifndef MTL_LSP_DIAG_H
#define MTL_LSP_DIAG_H

#include "lsp_pos.h"

#include "mtlint.h"

#include <jansson.h>
#include <stdint.h>

typedef struct lsp_lint {
    long version;            /* the client's version of the text */
    char *text;              /* the text linted */
    size_t len;
    mtl_result *result;      /* every finding */
    unsigned char *hidden;   /* per finding: recorded in the baseline */
    lsp_lines lines;
} lsp_lint;

/* Takes ownership of text and result. NULL when out of memory (and both
 * are freed). */
lsp_lint *lsp_lint_new(char *text, size_t len, mtl_result *result, long version);
void lsp_lint_free(lsp_lint *l);

/* The Diagnostic for finding i. rule_docs is a URL with "{rule}" where the
 * rule id goes, for codeDescription (NULL: none). NULL when out of memory. */
json_t *lsp_diagnostic(const lsp_lint *l, size_t i, lsp_encoding enc,
                       const char *rule_docs);
/* The Diagnostics of the findings that are not hidden, in order (an empty
 * array for no lint). */
json_t *lsp_diagnostics(const lsp_lint *l, lsp_encoding enc,
                        const char *rule_docs);
/* rule_docs with the rule id in place of "{rule}" (malloc'd). */
char *lsp_rule_url(const char *rule_docs, const char *rule);

#endif
