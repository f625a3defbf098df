/*
 * unused-suppression: an mtlint comment in Markdown that silences nothing,
 *
 *     <!-- mtlint-disable-next-line repeated-word -->
 *     A line with no repeated word.
 *
 * usually left behind after the text it excused was edited. Off by default
 * (--report-unused-suppressions or a severity turns it on). A comment is
 * reported only when a rule it names is enabled: one that names only
 * disabled rules could not have silenced anything, and a configuration
 * that turns a rule off for some files should not make its comments noise.
 *
 * The findings are made by src/lint/suppress.c once every other rule has
 * run, since whether a comment silenced something depends on their
 * findings; this entry gives the rule its id, severity and documentation.
 */
#include "findings/rule.h"

const mtl_rule mtl_rule_unused_suppression = {
    .info = {
        .id = "unused-suppression",
        .summary = "an mtlint-disable comment that silences nothing",
        .default_severity = MTL_OFF,
        .finds = "An mtlint-disable or mtlint-disable-next-line comment in Markdown that "
                 "silences nothing, reported only for comments that name an enabled rule "
                 "(or every rule). Off unless --report-unused-suppressions or a severity "
                 "turns it on; comments do not silence it.",
        .why = "Suppressions outlive the MT errors they excused: after the text is "
               "post-edited, a stale comment would hide the next error on that line.",
        .flagged = "",
        .not_flagged = "The ministers met on Monday.",
        .reference =
            "Turned on by `--report-unused-suppressions` (or the\n"
            "`report-unused-suppressions` setting) at warning, or by a severity for it\n"
            "(`--severity=unused-suppression=note`, `unused-suppression = note` in a\n"
            "configuration). An `mtlint-disable` or `mtlint-disable-next-line` comment\n"
            "that silences nothing. A comment that names only disabled rules is not\n"
            "reported: it could not have silenced anything.\n"
            "\n"
            "    <!-- mtlint-disable-next-line repeated-word -->\n"
            "    Nothing repeated here.   ->  unused suppression\n",
    },
};
