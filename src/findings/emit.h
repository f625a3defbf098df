/* How rules report findings. */
#ifndef MTL_EMIT_H
#define MTL_EMIT_H

#include "text/doc.h"
#include "mtlint.h"

#include <stddef.h>

struct mtl_rule;
struct mtl_result;

typedef struct mtl_emit {
    const struct mtl_rule *rule;
    mtl_severity severity;
    const mtl_doc *doc;
    struct mtl_result *out;
} mtl_emit;

/* Reports the span [start, end) with a printf-style message. The message is
 * cleaned (control characters become spaces, invalid UTF-8 becomes U+FFFD). */
void mtl_report(mtl_emit *e, size_t start, size_t end, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same, with replacement suggestions for the span (copied). */
void mtl_report_fix(mtl_emit *e, size_t start, size_t end,
                    const char *const *suggestions, size_t n_suggestions,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Says that a finding could not be made for lack of memory: the lint then
 * fails (mtl_lint returns -1) rather than return a list without it. A
 * report that runs out of memory says so itself. */
void mtl_emit_oom(mtl_emit *e);

/* Writes a printable excerpt of doc text [start, end) into buf (NUL
 * terminated, at most size bytes): line breaks become spaces, and a long span
 * keeps its beginning and end around "…". Returns buf, for use in messages. */
const char *mtl_excerpt(const mtl_doc *doc, size_t start, size_t end, char *buf,
                        size_t size);

#endif
