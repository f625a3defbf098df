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
    .info = {
        .id = "unknown-rule",
        .summary = "an mtlint comment naming a rule that does not exist",
        .default_severity = MTL_WARNING,
        .finds = "An mtlint comment in Markdown that names a rule mtlint does not have, "
                 "such as a misspelt id: it silences nothing for that name, and a "
                 "misspelt mtlint-enable leaves a rule off. Comments do not silence it.",
        .why = "Translated documents are often checked by a pipeline; a suppression "
               "that silently fails to apply misleads the editors who read the source "
               "about what was checked.",
        .flagged = "",
        .not_flagged = "The ministers met on Monday.",
        .reference =
            "An `mtlint-disable`, `mtlint-enable` or\n"
            "`mtlint-disable-next-line` comment that names a rule mtlint does not have:\n"
            "a typo, or a rule of another version. The comment silences nothing for that\n"
            "name (and a misspelt `mtlint-enable` leaves the rule off).\n"
            "\n"
            "    <!-- mtlint-disable-next-line speling -->   ->  unknown rule 'speling'\n"
            "\n"
            "Neither rule's findings can be silenced by comments; turn them off with\n"
            "`--disable` or in a configuration.\n",
    },
};
