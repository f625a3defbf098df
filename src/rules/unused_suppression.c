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
    .info = {"unused-suppression",
             "an mtlint-disable comment that silences nothing",
             MTL_OFF},
};
