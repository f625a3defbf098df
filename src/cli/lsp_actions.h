/*
 * Code actions for the findings under the cursor or selection, all of kind
 * "quickfix":
 *
 *  - apply a suggestion: an edit replacing the span (the first one is the
 *    preferred fix);
 *  - for a spelling finding, add the word to the project's words: the
 *    command mtlint.addWord, which the server carries out (lsp_project.h);
 *  - in Markdown, disable the rule for this line: an edit inserting
 *    <!-- mtlint-disable-next-line RULE --> on a line of its own before the
 *    finding's line when a blank line or the start of the file precedes it;
 *    inside a block of several lines a comment line there would split the
 *    paragraph, so the block is wrapped in <!-- mtlint-disable RULE --> and
 *    <!-- mtlint-enable RULE --> lines instead. Plain text has no comment
 *    syntax that would not end up in the article, so it gets no such
 *    action: the baseline does the job there;
 *  - ignore this finding: the command mtlint.ignoreFinding, which records
 *    it in the baseline (baseline.h), where it stays ignored whatever is
 *    edited around it.
 */
#ifndef MTL_LSP_ACTIONS_H
#define MTL_LSP_ACTIONS_H

#include "lsp_diag.h"

#include <jansson.h>

#define LSP_CMD_ADD_WORD "mtlint.addWord"
#define LSP_CMD_IGNORE "mtlint.ignoreFinding"

typedef struct lsp_actions_in {
    const char *uri;
    const lsp_lint *lint;    /* of the document's current text */
    int markdown;
    int baseline;            /* the document can have a baseline entry */
    lsp_encoding enc;
    const char *rule_docs;
} lsp_actions_in;

/* The actions for the findings that touch bytes [a, b] of the lint's text
 * (an array, empty when there are none; NULL when out of memory). */
json_t *lsp_code_actions(const lsp_actions_in *in, size_t a, size_t b);

#endif
