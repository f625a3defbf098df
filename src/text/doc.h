/*
 * The analysed document: the text, its line index, and the segmentation
 * every rule reads (blocks, sentences, tokens). Built once per lint call by
 * mtl_doc_build(); rules only read it.
 *
 * All offsets are byte offsets into doc->text. Line and column numbers are
 * computed only for findings, when they are reported.
 */
#ifndef MTL_DOC_H
#define MTL_DOC_H

#include <stddef.h>
#include <stdint.h>

typedef enum mtl_token_kind {
    MTL_TOK_WORD,      /* letters (any script), with inner apostrophes: don't */
    MTL_TOK_NUMBER,    /* 3.5, 1,000, 10 */
    MTL_TOK_PUNCT,     /* one punctuation or symbol character */
    MTL_TOK_QUOTE,     /* a double or single quotation mark outside a word */
    MTL_TOK_SPACE,     /* horizontal white space */
    MTL_TOK_NEWLINE,   /* one line break: \n, \r\n or \r */
    MTL_TOK_URL        /* a URL, e-mail address or code span, kept whole */
} mtl_token_kind;

enum {
    MTL_TF_CAP = 1,         /* the first letter is upper case */
    MTL_TF_ALLCAPS = 2,     /* two or more letters, all upper case */
    MTL_TF_SENT_START = 4,  /* first word or number of its sentence */
    MTL_TF_ASCII = 8,       /* every byte is ASCII */
    MTL_TF_EMPH = 16        /* inside Markdown emphasis (*a* or **a**) */
};

typedef struct mtl_token {
    uint32_t start, end;    /* bytes */
    uint32_t norm;          /* offset of the normal form in doc->norms */
    uint32_t sentence;      /* index into doc->sentences */
    uint16_t norm_len;      /* bytes, capped at 65535 */
    uint8_t kind;           /* mtl_token_kind */
    uint8_t flags;          /* MTL_TF_* */
} mtl_token;

typedef struct mtl_sentence {
    uint32_t start, end;         /* bytes, without trailing white space */
    uint32_t tok_begin, tok_end; /* tokens [tok_begin, tok_end) */
    uint32_t block;              /* index into doc->blocks */
} mtl_sentence;

typedef enum mtl_block_kind {
    MTL_BLOCK_PARAGRAPH,
    MTL_BLOCK_HEADING,
    MTL_BLOCK_LIST_ITEM,
    MTL_BLOCK_QUOTE,
    MTL_BLOCK_TABLE_CELL, /* a cell of a Markdown table (a label, like an item) */
    MTL_BLOCK_SENTENCE_LINE /* a line of a file of one sentence a line (a
                               test set, a translation memory): cut out of
                               its document, it may hold one end of a
                               quotation or bracket whose other end is in
                               another line */
} mtl_block_kind;

/* A paragraph in plain text: lines between blank lines; or one line, in a
 * paragraph of four lines or more whose line breaks (nine in ten) fall
 * between sentences: one sentence, or one paragraph, a line. */
typedef struct mtl_block {
    uint32_t start, end;          /* bytes, without the final line break */
    uint32_t sent_begin, sent_end;
    uint32_t tok_begin, tok_end;
    uint8_t kind;                 /* mtl_block_kind */
} mtl_block;

typedef struct mtl_span {
    uint32_t start, end;
} mtl_span;

/* An mtlint comment in a Markdown source: <!-- mtlint-disable a b -->. */
enum { MTL_DIR_DISABLE, MTL_DIR_ENABLE, MTL_DIR_DISABLE_NEXT_LINE };
typedef struct mtl_directive {
    int kind;
    uint32_t offset, end;  /* source bytes of the comment */
    char *rules;           /* rule ids separated by one space; "" = all */
} mtl_directive;

struct mtl_analyses;  /* shared analyses (analysis.h), filled per document */

typedef struct mtl_doc {
    const char *text;      /* the prose that rules read */
    size_t len;
    const char *name;
    int markdown;          /* text is the prose extracted from Markdown */

    /* The bytes as given. For plain text src == text; for Markdown, text[i]
     * comes from the source bytes [map[i], map_end[i]) (len + 1 entries;
     * a decoded "&lt;" maps to all four bytes, a separator to none).
     * Findings are reported at source positions. */
    const char *src;
    size_t src_len;
    uint32_t *map, *map_end;

    size_t *line_starts;   /* of src: line_starts[0] == 0 */
    size_t n_lines;

    mtl_span *opaque;      /* spans kept as one url token (code, images) */
    size_t n_opaque;
    mtl_span *emph;        /* Markdown emphasis, for MTL_TF_EMPH */
    size_t n_emph;
    mtl_directive *directives;
    size_t n_directives;

    mtl_token *tokens;
    size_t n_tokens;
    mtl_sentence *sentences;
    size_t n_sentences;
    mtl_block *blocks;
    size_t n_blocks;

    char *norms;           /* normal forms, each NUL-terminated */
    size_t norms_len, norms_cap;

    struct mtl_analyses *an;
} mtl_doc;

/* Segments plain text (which must outlive the doc). Returns 0, or -1 on
 * failure (out of memory, or text longer than 4 GiB - 1). */
int mtl_doc_build(mtl_doc *doc, const char *text, size_t len, const char *name);
/* The same for Markdown (markdown != 0): the prose is extracted first. */
int mtl_doc_build_as(mtl_doc *doc, const char *src, size_t len,
                     const char *name, int markdown);
/* ICU's word and sentence break iterators, opened once and cloned for each
 * document (opening them costs more than segmenting a short document).
 * Read-only once made: threads may build documents from one at once. */
typedef struct mtl_breakers mtl_breakers;
mtl_breakers *mtl_breakers_new(void); /* NULL when ICU cannot open them */
void mtl_breakers_free(mtl_breakers *breakers);
/* mtl_doc_build_as with iterators cloned from breakers (NULL: opened). */
int mtl_doc_build_with(mtl_doc *doc, const char *src, size_t len,
                       const char *name, int markdown,
                       const mtl_breakers *breakers);
/* Source offset of a text offset (identity for plain text). */
static inline size_t mtl_doc_src_offset(const mtl_doc *doc, size_t off)
{
    return doc->map ? doc->map[off < doc->len ? off : doc->len] : off;
}
/* The text that the source bytes [start, end) hold: *t0 and *t1 get the
 * first and last-plus-one text offsets whose source lies within them
 * (identity for plain text; an empty range if none does). */
void mtl_doc_text_range(const mtl_doc *doc, size_t start, size_t end,
                        size_t *t0, size_t *t1);
void mtl_doc_free(mtl_doc *doc);

static inline const char *mtl_tok_norm(const mtl_doc *doc, const mtl_token *t)
{
    return doc->norms + t->norm;
}

static inline int mtl_tok_is_space(const mtl_token *t)
{
    return t->kind == MTL_TOK_SPACE || t->kind == MTL_TOK_NEWLINE;
}

/* A word or a number: what counts as a word of a sentence. */
static inline int mtl_tok_is_wordlike(const mtl_token *t)
{
    return t->kind == MTL_TOK_WORD || t->kind == MTL_TOK_NUMBER;
}

/* Is there a token i, and is it a word? */
static inline int mtl_doc_word_at(const mtl_doc *doc, size_t i)
{
    return i < doc->n_tokens && doc->tokens[i].kind == MTL_TOK_WORD;
}

/* Index of the first token at or after i that is not white space (n_tokens
 * if none); and the last one at or before i (SIZE_MAX if none). */
size_t mtl_doc_skip_space(const mtl_doc *doc, size_t i);
size_t mtl_doc_skip_space_back(const mtl_doc *doc, size_t i);

/* Where a finding on the whole of sentence s starts: at its first token
 * that is not white space, a URL or a code span, so that it never starts
 * inside code ("`mtlint` reads ..."); s->start if there is none. */
size_t mtl_sentence_report_start(const mtl_doc *doc, const mtl_sentence *s);

/* 1-based line of a byte offset, by binary search of the line index. */
size_t mtl_doc_line_of(const mtl_doc *doc, size_t offset);

#endif
