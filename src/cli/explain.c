/*
 * mtlint --explain RULE, and SARIF's help text: the documentation each rule
 * carries in its mtl_rule_info (src/rules/<name>.c). The man page's RULES
 * section and rules.md are written from the same fields at build time
 * (tools/rule_docs.c); tests/test_explain.py checks the examples against
 * the linter, so that the documentation cannot drift from what the rules do.
 */
#include "cli.h"

#include <stdio.h>

void rule_doc_print(FILE *o, const mtl_rule_info *ri)
{
    fprintf(o, "%s (%s by default): %s\n\n", ri->id,
            mtl_severity_name(ri->default_severity), ri->summary);
    fprintf(o, "What it finds\n    %s\n\n", ri->finds);
    fprintf(o, "Why it matters in machine translation\n    %s\n\n", ri->why);
    if (*ri->flagged)
        fprintf(o, "Flagged\n    %s\n\n", ri->flagged);
    fprintf(o, "Not flagged\n    %s\n\n", ri->not_flagged);
    fprintf(o,
            "Silencing it\n    --disable=%s on the command line; '%s = off' under "
            "[rules] in .mtlint.ini;\n    in Markdown, <!-- mtlint-disable %s --> ... "
            "<!-- mtlint-enable %s -->\n    or <!-- mtlint-disable-next-line %s -->.\n",
            ri->id, ri->id, ri->id, ri->id, ri->id);
}
