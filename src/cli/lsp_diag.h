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
    mtl_finding *items;      /* the findings, in mtl_lint's order; copies
                                whose strings belong to the results below
                                or to another lint */
    size_t count, cap;
    mtl_result *owned[2];    /* results whose findings these are */
    size_t n_owned;
    unsigned char *hidden;   /* per finding: recorded in the baseline */
    lsp_lines lines;
} lsp_lint;

/* An empty lint of text (taken; freed with the lint, and at once when out
 * of memory, when it returns NULL). */
lsp_lint *lsp_lint_new(char *text, size_t len, long version);
/* Adds every finding of r, which the lint owns from then on, also when
 * this fails. Returns 0, or -1 when out of memory. */
int lsp_lint_take(lsp_lint *l, mtl_result *r);
/* Adds a copy of f moved to offset; its strings stay f's, which must
 * outlive the lint. Returns 0, or -1 when out of memory. */
int lsp_lint_borrow(lsp_lint *l, const mtl_finding *f, size_t offset);
/* Puts the findings in mtl_lint's order (position, length, rule, message)
 * and indexes the text: once, after the findings are added. Returns 0, or
 * -1 when out of memory. */
int lsp_lint_finish(lsp_lint *l);
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
