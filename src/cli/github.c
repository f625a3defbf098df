/*
 * --format=github: GitHub Actions workflow commands, one per finding,
 *
 *     ::warning file=a.md,line=3,endLine=3,col=5,endColumn=11,title=repeated-word::repeated word 'the'
 *
 * which the runner turns into annotations on the pull request's diff,
 * without code scanning. GitHub takes columns only for a span on one line,
 * and its endColumn is the span's last character (mtlint's is the one
 * after it).
 */
#include "cli.h"

#include <stdio.h>

/* Property values escape %, CR, LF, ':' and ','; the message only the
 * first three (GitHub's workflow-command escaping). */
static void put_escaped(FILE *o, const char *s, int property)
{
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", o);
        else if (*s == '\r')
            fputs("%0D", o);
        else if (*s == '\n')
            fputs("%0A", o);
        else if (property && *s == ':')
            fputs("%3A", o);
        else if (property && *s == ',')
            fputs("%2C", o);
        else
            putc(*s, o);
    }
}

void github_finding(FILE *o, const char *name, const mtl_finding *f)
{
    fprintf(o, "::%s file=",
            f->severity == MTL_ERROR ? "error" : f->severity == MTL_WARNING ? "warning"
                                                                           : "notice");
    /* paths are matched to the repository's from its root: "./a.md" is "a.md" */
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    put_escaped(o, name, 1);
    fprintf(o, ",line=%zu,endLine=%zu", f->line, f->end_line);
    if (f->end_line == f->line) {
        size_t last = f->end_column > f->column ? f->end_column - 1 : f->column;
        fprintf(o, ",col=%zu,endColumn=%zu", f->column, last);
    }
    fputs(",title=", o);
    put_escaped(o, f->rule, 1);
    fputs("::", o);
    put_escaped(o, f->message, 0);
    if (f->n_suggestions) {
        fputs(" (suggestion: '", o);
        put_escaped(o, f->suggestions[0], 0);
        fputs("')", o);
    }
    putc('\n', o);
}
