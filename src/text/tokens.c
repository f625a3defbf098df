#include "text/tokens.h"

#include <stdint.h>
#include <string.h>

/* A path is a few dozen tokens at most; past that the run is not one. */
enum { PATH_LOOKBACK = 64 };

char mtl_tok_char(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    return t->end - t->start == 1 ? doc->text[t->start] : 0;
}

char mtl_tok_mark(const mtl_doc *doc, size_t i)
{
    if (i >= doc->n_tokens || doc->tokens[i].kind != MTL_TOK_PUNCT)
        return 0;
    char c = mtl_tok_char(doc, i);
    /* strchr finds the terminating NUL too: a NUL byte is no mark */
    return c && strchr(",.;:!?", c) ? c : 0;
}

int mtl_tok_glued(const mtl_doc *doc, size_t i)
{
    return i + 1 < doc->n_tokens &&
           doc->tokens[i].end == doc->tokens[i + 1].start;
}

int mtl_tok_touch(const mtl_doc *doc, size_t i)
{
    return mtl_tok_glued(doc, i) && !mtl_tok_is_space(&doc->tokens[i]) &&
           !mtl_tok_is_space(&doc->tokens[i + 1]);
}

int mtl_tok_closer(const mtl_doc *doc, size_t i)
{
    if (i >= doc->n_tokens)
        return 0;
    if (doc->tokens[i].kind == MTL_TOK_QUOTE)
        return 1;
    char c = mtl_tok_char(doc, i);
    return doc->tokens[i].kind == MTL_TOK_PUNCT && c && strchr(")]}", c);
}

size_t mtl_tok_next_near(const mtl_doc *doc, size_t i)
{
    if (!mtl_tok_glued(doc, i))
        return SIZE_MAX;
    size_t j = i + 1;
    if (doc->tokens[j].kind == MTL_TOK_SPACE) {
        if (!mtl_tok_glued(doc, j))
            return SIZE_MAX;
        j++;
    }
    return j;
}

size_t mtl_tok_prev_near(const mtl_doc *doc, size_t i)
{
    if (i == 0 || !mtl_tok_glued(doc, i - 1))
        return SIZE_MAX;
    size_t p = i - 1;
    if (doc->tokens[p].kind == MTL_TOK_SPACE) {
        if (p == 0 || !mtl_tok_glued(doc, p - 1))
            return SIZE_MAX;
        p--;
    }
    return p;
}

int mtl_tok_after_path(const mtl_doc *doc, size_t i)
{
    for (size_t n = 0; n < PATH_LOOKBACK && i != SIZE_MAX &&
                       !mtl_tok_is_space(&doc->tokens[i]);
         n++, i--) {
        char c = mtl_tok_char(doc, i);
        if (c == '/' || c == '\\')
            return 1;
        if (i == 0 || !mtl_tok_glued(doc, i - 1))
            break;
    }
    return 0;
}

int mtl_sentence_is_question(const mtl_doc *doc, size_t s)
{
    const mtl_sentence *se = &doc->sentences[s];
    for (size_t i = se->tok_end; i-- > se->tok_begin;) {
        const mtl_token *t = &doc->tokens[i];
        char c = mtl_tok_char(doc, i);
        if (t->kind == MTL_TOK_QUOTE || mtl_tok_is_space(t) || c == ')' ||
            c == ']')
            continue;
        return c == '?';
    }
    return 0;
}
