/*
 * unknown-rule: an mtlint comment in Markdown that names a rule mtlint does
 * not have,
 *
 *     <!-- mtlint-disable-next-line speling -->
 *
 * a typo or a rule of another version. The comment silences nothing for
 * that name, so the reader of the source is misled about what is checked
 * (and a misspelt mtlint-enable leaves a rule off). A warning by default,
 * as a compiler treats an unknown warning name in a pragma: the text itself
 * is not wrong, and nothing is hidden, since the findings the comment meant
 * to silence are still reported.
 *
 * The findings are made by src/lint/suppress.c from the document's
 * comments; this entry gives the rule its id, severity and documentation.
 */
#include "findings/rule.h"

const mtl_rule mtl_rule_unknown_rule = {
    .info = {"unknown-rule",
             "an mtlint comment naming a rule that does not exist",
             MTL_WARNING},
};
