#include "lsp_actions.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <string.h>
#include <stdlib.h>

enum {
    MAX_FIXES = 5,     /* suggestions offered per finding */
    TITLE_CHARS = 40,  /* quoted text in a title, in characters */
};

/* 'text' for a title, cut at TITLE_CHARS characters. */
static void quote(mtl_sb *sb, const char *s, size_t n)
{
    size_t i = 0, chars = 0;
    while (i < n && chars < TITLE_CHARS) {
        uint32_t cp;
        i += mtl_utf8_next(s, n, i, &cp);
        chars++;
    }
    mtl_sb_addc(sb, '\'');
    mtl_sb_add(sb, s, i);
    mtl_sb_adds(sb, i < n ? "…'" : "'");
}

/* One edit of the document: bytes [a, b) become s. */
static json_t *text_edit(const lsp_actions_in *in, size_t a, size_t b,
                         const char *s)
{
    const lsp_lint *l = in->lint;
    return json_pack("{s:o,s:s}", "range",
                     lsp_range_json(&l->lines, l->text, l->len, a, b, in->enc),
                     "newText", s);
}

/* A WorkspaceEdit of the document from an array of edits (taken). */
static json_t *workspace_edit(const lsp_actions_in *in, json_t *edits)
{
    json_t *changes = json_object();
    if (!edits || !changes || json_object_set_new(changes, in->uri, edits) != 0) {
        json_decref(edits);
        json_decref(changes);
        return NULL;
    }
    return json_pack("{s:o}", "changes", changes);
}

/* An action from its title (a finished builder), the finding's
 * diagnostic and an edit or a command (taken). */
static json_t *action(mtl_sb *title, json_t *diag, const char *key, json_t *what)
{
    char *t = mtl_sb_take(title);
    json_t *a = t && diag && what
                    ? json_pack("{s:s,s:s,s:[O],s:O}", "title", t, "kind",
                                "quickfix", "diagnostics", diag, key, what)
                    : NULL;
    free(t);
    json_decref(what);
    return a;
}

/* ---- lines ------------------------------------------------------------- */

static size_t line_end(const lsp_lint *l, size_t k) /* before its line end */
{
    size_t e = k + 1 < l->lines.n ? l->lines.starts[k + 1] : l->len;
    while (e > l->lines.starts[k] && (l->text[e - 1] == '\n' || l->text[e - 1] == '\r'))
        e--;
    return e;
}

static int blank(const lsp_lint *l, size_t k)
{
    for (size_t i = l->lines.starts[k], e = line_end(l, k); i < e; i++)
        if (l->text[i] != ' ' && l->text[i] != '\t')
            return 0;
    return 1;
}

/* The line end the document uses: that of line k, or of any line. */
static const char *eol_of(const lsp_lint *l, size_t k)
{
    size_t e = line_end(l, k);
    if (e < l->len)
        return l->text[e] == '\r' && e + 1 < l->len && l->text[e + 1] == '\n' ? "\r\n"
               : l->text[e] == '\r'                                        ? "\r"
                                                                           : "\n";
    return l->lines.n > 1 ? eol_of(l, 0) : "\n";
}

/* The edits that silence `rule` on line k of a Markdown document. */
static json_t *disable_edits(const lsp_actions_in *in, size_t k,
                             const char *rule, int *paragraph)
{
    const lsp_lint *l = in->lint;
    const char *eol = eol_of(l, k);
    mtl_sb sb = {0};
    json_t *edits = json_array();
    *paragraph = k > 0 && !blank(l, k - 1);
    if (!*paragraph) {
        size_t s = l->lines.starts[k], i = s;
        while (i < l->len && (l->text[i] == ' ' || l->text[i] == '\t'))
            i++;
        mtl_sb_add(&sb, l->text + s, i - s); /* as indented as the line */
        mtl_sb_printf(&sb, "<!-- mtlint-disable-next-line %s -->%s", rule, eol);
        char *t = mtl_sb_take(&sb);
        if (!t || json_array_append_new(edits, text_edit(in, s, s, t)) != 0) {
            json_decref(edits);
            edits = NULL;
        }
        free(t);
        return edits;
    }
    size_t first = k, last = k;
    while (first > 0 && !blank(l, first - 1))
        first--;
    while (last + 1 < l->lines.n && !blank(l, last + 1))
        last++;
    mtl_sb_printf(&sb, "<!-- mtlint-disable %s -->%s", rule, eol);
    char *open = mtl_sb_take(&sb);
    mtl_sb_printf(&sb, "%s<!-- mtlint-enable %s -->", eol, rule);
    char *close = mtl_sb_take(&sb);
    size_t a = l->lines.starts[first], b = line_end(l, last);
    if (!open || !close || json_array_append_new(edits, text_edit(in, a, a, open)) != 0 ||
        json_array_append_new(edits, text_edit(in, b, b, close)) != 0) {
        json_decref(edits);
        edits = NULL;
    }
    free(open);
    free(close);
    return edits;
}

/* ---- the actions of one finding ---------------------------------------- */

static int add(json_t *list, json_t *a)
{
    return json_array_append_new(list, a);
}

static int finding_actions(const lsp_actions_in *in, size_t i, json_t *out)
{
    const lsp_lint *l = in->lint;
    const mtl_finding *f = &l->items[i];
    json_t *diag = lsp_diagnostic(l, i, in->enc, in->rule_docs);
    int rc = diag ? 0 : -1;
    mtl_sb t = {0};
    for (size_t k = 0; rc == 0 && k < f->n_suggestions && k < MAX_FIXES; k++) {
        const char *s = f->suggestions[k];
        if (*s) {
            mtl_sb_adds(&t, "Replace with ");
            quote(&t, s, strlen(s));
        } else {
            mtl_sb_adds(&t, "Delete ");
            quote(&t, l->text + f->offset, f->length);
        }
        json_t *edits = json_array();
        if (edits && json_array_append_new(
                         edits, text_edit(in, f->offset, f->offset + f->length, s)) != 0) {
            json_decref(edits);
            edits = NULL;
        }
        json_t *a = action(&t, diag, "edit", workspace_edit(in, edits));
        if (a && k == 0 && json_object_set_new(a, "isPreferred", json_true()) != 0) {
            json_decref(a);
            a = NULL;
        }
        rc = add(out, a);
    }
    if (rc == 0 && strcmp(f->rule, "spelling") == 0 && f->length) {
        char *word = strndup(l->text + f->offset, f->length);
        mtl_sb_adds(&t, "Add ");
        quote(&t, l->text + f->offset, f->length);
        mtl_sb_adds(&t, " to the project's words");
        json_t *cmd = word ? json_pack("{s:s,s:s,s:[{s:s,s:s}]}", "title",
                                       "Add to the project's words", "command",
                                       LSP_CMD_ADD_WORD, "arguments", "uri",
                                       in->uri, "word", word)
                           : NULL;
        free(word);
        rc = add(out, action(&t, diag, "command", cmd));
    }
    if (rc == 0 && in->markdown) {
        size_t line = lsp_position_at(&l->lines, l->text, l->len, f->offset,
                                      LSP_UTF8).line;
        int paragraph = 0;
        json_t *edits = disable_edits(in, line, f->rule, &paragraph);
        mtl_sb_printf(&t, "Disable %s for this %s", f->rule,
                      paragraph ? "paragraph" : "line");
        rc = add(out, action(&t, diag, "edit", workspace_edit(in, edits)));
    }
    if (rc == 0 && in->baseline) {
        mtl_sb_printf(&t, "Ignore this %s finding (record it in the baseline)",
                      f->rule);
        json_t *cmd = json_pack("{s:s,s:s,s:[{s:s,s:I,s:I}]}", "title",
                                "Ignore this finding", "command", LSP_CMD_IGNORE,
                                "arguments", "uri", in->uri, "version",
                                (json_int_t)l->version, "finding", (json_int_t)i);
        rc = add(out, action(&t, diag, "command", cmd));
    }
    mtl_sb_free(&t);
    json_decref(diag);
    return rc;
}

json_t *lsp_code_actions(const lsp_actions_in *in, size_t a, size_t b)
{
    json_t *out = json_array();
    const lsp_lint *l = in->lint;
    for (size_t i = 0; out && l && i < l->count; i++) {
        const mtl_finding *f = &l->items[i];
        if (l->hidden[i] || f->offset > b || f->offset + f->length < a)
            continue;
        if (finding_actions(in, i, out) != 0) {
            json_decref(out);
            out = NULL;
        }
    }
    return out;
}
