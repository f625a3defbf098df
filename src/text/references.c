/*
 * Entries of a list of references (references.h). The author comes first,
 * a surname and a comma or a full stop within three words ("Russell,
 * Bertrand.", "Ross, W. D.", "Aristotle.", "Fung Yu-lan."), and a year
 * stands alone between marks within the first words: "1912." (Chicago),
 * "(2020)." (APA), "(1785) 1997a.", "n.d.", or last after a place and a
 * publisher ("Indianapolis: Hackett, 1997."). A year inside prose has
 * words around it ("In 1912, he ..."), so it does not make a paragraph an
 * entry.
 */
#include "text/references.h"

#include "text/tokens.h"

#include <stdint.h>
#include <string.h>

/* Where the author and the year must be found, in words from the start;
 * and the most tokens an entry has (a paragraph of prose is longer; the
 * bound keeps the test cheap for spelling, which asks it per word). */
enum { NAME_WORDS = 3, YEAR_WORDS = 16, MAX_ENTRY_TOKENS = 600 };

static int is_mark(const mtl_doc *doc, size_t i, const char *set)
{
    char c = mtl_tok_char(doc, i);
    if (!c || doc->tokens[i].kind != MTL_TOK_PUNCT)
        return 0;
    for (; *set; set++)
        if (c == *set)
            return 1;
    return 0;
}

/* A year of four digits, 1400 to 2099, with one letter after it or not
 * ("1997a"): the token's own text. */
static int year_text(const char *s, size_t n)
{
    if (n == 5 && s[4] >= 'a' && s[4] <= 'z')
        n = 4;
    if (n != 4)
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (s[k] < '0' || s[k] > '9')
            return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    return y >= 1400 && y <= 2099;
}

/* The tokens around i that are not white space, inside [begin, end):
 * 0 if there are none. */
static int neighbours(const mtl_doc *doc, size_t i, size_t begin, size_t end,
                      size_t *p, size_t *n)
{
    *p = i > begin ? mtl_doc_skip_space_back(doc, i - 1) : SIZE_MAX;
    *n = mtl_doc_skip_space(doc, i + 1);
    return *p != SIZE_MAX && *p >= begin && *n < end;
}

/* A colon between begin and end ("London: Penguin Books")? */
static int has_colon_before(const mtl_doc *doc, size_t begin, size_t end)
{
    for (size_t i = begin; i < end; i++)
        if (is_mark(doc, i, ":"))
            return 1;
    return 0;
}

int mtl_block_is_reference(const mtl_doc *doc, size_t b)
{
    const mtl_block *blk = &doc->blocks[b];
    if ((blk->kind != MTL_BLOCK_PARAGRAPH && blk->kind != MTL_BLOCK_LIST_ITEM) ||
        blk->tok_end - blk->tok_begin > MAX_ENTRY_TOKENS)
        return 0;
    size_t begin = blk->tok_begin, end = blk->tok_end, words = 0;
    int name = 0;
    for (size_t i = begin; i < end && words < YEAR_WORDS; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind == MTL_TOK_PUNCT) {
            /* the surname's comma or full stop */
            if (words >= 1 && words <= NAME_WORDS && is_mark(doc, i, ",."))
                name = 1;
            continue;
        }
        if (!mtl_tok_is_wordlike(t))
            continue;
        if (words++ == 0 && !(t->flags & MTL_TF_CAP))
            return 0;
        if (!name && words > NAME_WORDS)
            return 0;
        if (name && t->end - t->start >= 3 &&
            !memcmp(doc->text + t->start, "n.d", 3))
            return 1; /* "no date" */
        if (!name || !year_text(doc->text + t->start, t->end - t->start))
            continue;
        size_t p, n;
        if (!neighbours(doc, i, begin, end, &p, &n))
            continue;
        /* ". 1912." and "(2020)." and ") 1997a." */
        if ((is_mark(doc, p, ".") && is_mark(doc, n, ".")) ||
            (is_mark(doc, p, "(") && is_mark(doc, n, ")")) ||
            (is_mark(doc, p, ")") && is_mark(doc, n, ".")))
            return 1;
    }
    if (!name)
        return 0;
    /* the publisher and the year last: "Indianapolis: Hackett Publishing
     * Company, 1997." */
    for (size_t i = begin; i < end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind != MTL_TOK_NUMBER ||
            !year_text(doc->text + t->start, t->end - t->start))
            continue;
        size_t p, n;
        if (neighbours(doc, i, begin, end, &p, &n) && is_mark(doc, p, ",") &&
            is_mark(doc, n, ".") && has_colon_before(doc, begin, p))
            return 1;
    }
    return 0;
}

size_t mtl_reference_authors_end(const mtl_doc *doc, size_t b)
{
    if (!mtl_block_is_reference(doc, b))
        return 0;
    const mtl_block *blk = &doc->blocks[b];
    for (size_t i = blk->tok_begin; i < blk->tok_end; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind == MTL_TOK_NUMBER)
            return i; /* the year */
        /* a full stop after a word of two letters or more: an initial's
         * ("W. D.") does not end the names */
        if (is_mark(doc, i, ".") && i > blk->tok_begin &&
            mtl_tok_glued(doc, i - 1) && doc->tokens[i - 1].kind == MTL_TOK_WORD &&
            doc->tokens[i - 1].end - doc->tokens[i - 1].start >= 2)
            return i;
    }
    return blk->tok_end;
}
