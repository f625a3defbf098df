/*
 * Writes the rule reference from the rules' own documentation
 * (mtl_rule_info): the man page's RULES section and rules.md, so that
 * adding a rule changes no document by hand.
 *
 *   rule_docs man|md TEMPLATE OUTPUT
 *
 * copies TEMPLATE to OUTPUT with its line "@RULES@" replaced by one entry
 * per rule, in table order. Run by meson at build time (docs/meson.build).
 */
#include <stdio.h>
#include <string.h>

#include "mtlint.h"

/* Roff text: '-' is a minus sign unless escaped, an apostrophe or a full
 * stop at the start of a line would be a request, and groff reads UTF-8
 * input only with -k, so everything beyond ASCII is a \[uXXXX] escape. */
static void roff(FILE *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (*p == '.')
        fputs("\\&", o);
    while (*p) {
        unsigned c = *p++;
        if (c == '-') {
            fputs("\\-", o);
        } else if (c == '\'') {
            fputs("\\(aq", o);
        } else if (c == '\\') {
            fputs("\\e", o);
        } else if (c < 0x80) {
            fputc((int)c, o);
        } else {
            /* the rule files are UTF-8: decode one code point */
            int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
            c &= more == 3 ? 0x07 : more == 2 ? 0x0F : 0x1F;
            for (; more > 0 && (*p & 0xC0) == 0x80; more--)
                c = c << 6 | (*p++ & 0x3F);
            fprintf(o, c > 0xFFFF ? "\\[u%05X]" : "\\[u%04X]", c);
        }
    }
}

static void man_rule(FILE *o, const mtl_rule_info *ri)
{
    fputs(".TP\n.BR ", o);
    roff(o, ri->id);
    fprintf(o, " \" (%s)\"\n", mtl_severity_name(ri->default_severity));
    roff(o, ri->finds);
    fputc('\n', o);
    roff(o, ri->why);
    fputc('\n', o);
}

static void md_rule(FILE *o, const mtl_rule_info *ri, int last)
{
    fprintf(o, "## %s\n\nDefault: %s. %s%s", ri->id,
            mtl_severity_name(ri->default_severity), ri->reference,
            last ? "" : "\n");
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[1], "man") != 0 && strcmp(argv[1], "md") != 0)) {
        fputs("usage: rule_docs man|md TEMPLATE OUTPUT\n", stderr);
        return 2;
    }
    int man = strcmp(argv[1], "man") == 0;
    FILE *in = fopen(argv[2], "r");
    if (!in) {
        perror(argv[2]);
        return 1;
    }
    FILE *out = fopen(argv[3], "w");
    if (!out) {
        perror(argv[3]);
        fclose(in);
        return 1;
    }
    char line[4096];
    int placed = 0, undocumented = 0;
    while (fgets(line, sizeof line, in)) {
        if (strcmp(line, "@RULES@\n") != 0) {
            fputs(line, out);
            continue;
        }
        for (size_t i = 0; i < mtl_rule_count(); i++) {
            const mtl_rule_info *ri = mtl_rule_at(i);
            if (!ri->finds || !ri->why || !ri->flagged || !ri->not_flagged ||
                !ri->reference) {
                fprintf(stderr, "rule_docs: %s lacks documentation (mtl_rule_info)\n",
                        ri->id);
                undocumented = 1;
                continue;
            }
            if (man)
                man_rule(out, ri);
            else
                md_rule(out, ri, i + 1 == mtl_rule_count());
        }
        placed = 1;
    }
    int bad = ferror(in);
    fclose(in);
    if (fclose(out) != 0 || bad || !placed || undocumented) {
        if (!undocumented)
            fprintf(stderr, "rule_docs: %s\n",
                    placed ? "cannot read or write" : "no @RULES@ line in the template");
        remove(argv[3]);
        return 1;
    }
    return 0;
}
