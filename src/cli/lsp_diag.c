#include "lsp_diag.h"

#include "base/buf.h"

#include <stdlib.h>
#include <string.h>

lsp_lint *lsp_lint_new(char *text, size_t len, long version)
{
    lsp_lint *l = calloc(1, sizeof *l);
    if (!l) {
        free(text);
        return NULL;
    }
    l->text = text;
    l->len = len;
    l->version = version;
    return l;
}

int lsp_lint_take(lsp_lint *l, mtl_result *r)
{
    if (l->n_owned == sizeof l->owned / sizeof *l->owned) {
        mtl_result_free(r);
        return -1;
    }
    l->owned[l->n_owned++] = r;
    for (size_t i = 0; i < mtl_result_count(r); i++)
        if (MTL_PUSH(l->items, l->count, l->cap, *mtl_result_at(r, i)) != 0)
            return -1;
    return 0;
}

int lsp_lint_borrow(lsp_lint *l, const mtl_finding *f, size_t offset)
{
    mtl_finding copy = *f;
    copy.offset = offset;
    return MTL_PUSH(l->items, l->count, l->cap, copy);
}

int lsp_lint_finish(lsp_lint *l)
{
    if (l->count > 1) /* the CLI's order */
        qsort(l->items, l->count, sizeof *l->items, mtl_finding_compare);
    l->hidden = calloc(l->count + 1, 1);
    if (!l->hidden || lsp_lines_index(&l->lines, l->text, l->len) != 0)
        return -1;
    return 0;
}

void lsp_lint_free(lsp_lint *l)
{
    if (!l)
        return;
    free(l->text);
    for (size_t i = 0; i < l->n_owned; i++)
        mtl_result_free(l->owned[i]);
    free(l->items);
    free(l->hidden);
    lsp_lines_free(&l->lines);
    free(l);
}

char *lsp_rule_url(const char *rule_docs, const char *rule)
{
    mtl_sb sb = {0};
    const char *at = strstr(rule_docs, "{rule}");
    if (at) {
        mtl_sb_add(&sb, rule_docs, (size_t)(at - rule_docs));
        mtl_sb_adds(&sb, rule);
        mtl_sb_adds(&sb, at + 6);
    } else {
        mtl_sb_adds(&sb, rule_docs);
    }
    return mtl_sb_take(&sb);
}

/* LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.
 * A note is information: editors show hints too faintly to be read. */
static int severity_code(mtl_severity s)
{
    return s == MTL_ERROR ? 1 : s == MTL_WARNING ? 2 : 3;
}

json_t *lsp_diagnostic(const lsp_lint *l, size_t i, lsp_encoding enc,
                       const char *rule_docs)
{
    const mtl_finding *f = &l->items[i];
    json_t *d = json_pack(
        "{s:o,s:i,s:s,s:s,s:s}", "range",
        lsp_range_json(&l->lines, l->text, l->len, f->offset,
                       f->offset + f->length, enc),
        "severity", severity_code(f->severity), "code", f->rule, "source",
        "mtlint", "message", f->message);
    if (d && rule_docs) {
        char *url = lsp_rule_url(rule_docs, f->rule);
        if (!url || json_object_set_new(d, "codeDescription",
                                        json_pack("{s:s}", "href", url)) != 0) {
            json_decref(d);
            d = NULL;
        }
        free(url);
    }
    return d;
}

json_t *lsp_diagnostics(const lsp_lint *l, lsp_encoding enc,
                        const char *rule_docs)
{
    json_t *a = json_array();
    for (size_t i = 0; a && l && i < l->count; i++) {
        if (l->hidden[i])
            continue;
        if (json_array_append_new(a, lsp_diagnostic(l, i, enc, rule_docs)) != 0) {
            json_decref(a);
            a = NULL;
        }
    }
    return a;
}
