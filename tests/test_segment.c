/* Segmentation: line index, blocks, tokens with kinds, spans and normal
 * forms, URLs, sentences; and invariants that must hold for any input. */
#include "lint_helper.h"

#include "text/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build(mtl_doc *d, const char *text)
{
    assert_int_equal(mtl_doc_build(d, text, strlen(text), "t.txt"), 0);
}

/* The token that starts where `what` first occurs (after `after`, if set). */
static const mtl_token *tok_at(const mtl_doc *d, const char *what,
                               const char *after)
{
    const char *from = d->text;
    if (after) {
        const char *a = strstr(d->text, after);
        assert_non_null(a);
        from = a + strlen(after);
    }
    const char *p = strstr(from, what);
    if (!p)
        fail_msg("'%s' is not in the text", what);
    size_t off = (size_t)(p - d->text);
    for (size_t i = 0; i < d->n_tokens; i++)
        if (d->tokens[i].start == off)
            return &d->tokens[i];
    fail_msg("no token starts at '%s' (byte %zu)", what, off);
    return NULL;
}

/* Checks the token at `what`: its kind, that it spans exactly `what`, and
 * its normal form (unless NULL). */
static void expect_tok_after(const mtl_doc *d, const char *what,
                             const char *after, int kind, const char *norm)
{
    const mtl_token *t = tok_at(d, what, after);
    if (t->kind != kind)
        fail_msg("'%s': kind %d, expected %d", what, t->kind, kind);
    if (t->end - t->start != strlen(what))
        fail_msg("'%s': token is %u bytes, expected %zu", what,
                 t->end - t->start, strlen(what));
    if (norm)
        assert_string_equal(mtl_tok_norm(d, t), norm);
}

static void expect_tok(const mtl_doc *d, const char *what, int kind,
                       const char *norm)
{
    expect_tok_after(d, what, NULL, kind, norm);
}

/* The sentences as "text|text|...", block boundaries as "#". */
static void expect_sentences(const char *text, const char *want)
{
    mtl_doc d;
    build(&d, text);
    char got[1024] = "";
    size_t n = 0;
    for (size_t s = 0; s < d.n_sentences; s++) {
        const mtl_sentence *se = &d.sentences[s];
        const char *sep = s == 0 ? ""
                          : se->block != d.sentences[s - 1].block ? "#"
                                                                   : "|";
        n += (size_t)snprintf(got + n, sizeof got - n, "%s%.*s", sep,
                              (int)(se->end - se->start), d.text + se->start);
        assert_true(n < sizeof got);
    }
    if (strcmp(got, want) != 0)
        fail_msg("sentences of '%s':\n  got  %s\n  want %s", text, got, want);
    mtl_doc_free(&d);
}

/* ---- line index ---------------------------------------------------- */

static void line_index(void **state)
{
    (void)state;
    mtl_doc d;
    /* LF, CRLF, lone CR, and a final line break that starts no line. */
    build(&d, "one\ntwo\r\nthree\rfour\n");
    assert_int_equal(d.n_lines, 4);
    static const size_t starts[] = {0, 4, 9, 15};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(d.line_starts[i], starts[i]);
    assert_int_equal(mtl_doc_line_of(&d, 0), 1);
    assert_int_equal(mtl_doc_line_of(&d, 3), 1);
    assert_int_equal(mtl_doc_line_of(&d, 4), 2);
    assert_int_equal(mtl_doc_line_of(&d, 8), 2); /* the \n of \r\n */
    assert_int_equal(mtl_doc_line_of(&d, 9), 3);
    assert_int_equal(mtl_doc_line_of(&d, 15), 4);
    assert_int_equal(mtl_doc_line_of(&d, 20), 4); /* the end */
    mtl_doc_free(&d);

    build(&d, "no final break");
    assert_int_equal(d.n_lines, 1);
    mtl_doc_free(&d);

    build(&d, "a\n\n");
    assert_int_equal(d.n_lines, 2);
    mtl_doc_free(&d);
}

static void empty_input(void **state)
{
    (void)state;
    mtl_doc d;
    assert_int_equal(mtl_doc_build(&d, "", 0, "e.txt"), 0);
    assert_int_equal(d.n_lines, 1);
    assert_int_equal(d.n_blocks, 0);
    assert_int_equal(d.n_sentences, 0);
    assert_int_equal(d.n_tokens, 0);
    assert_int_equal(mtl_doc_line_of(&d, 0), 1);
    mtl_doc_free(&d);

    build(&d, " \n\t\n\r\n");
    assert_int_equal(d.n_blocks, 0);
    assert_int_equal(d.n_tokens, 0);
    mtl_doc_free(&d);
}

/* ---- blocks ------------------------------------------------------------ */

static void expect_blocks(const char *text, size_t n, const char *const *want)
{
    mtl_doc d;
    build(&d, text);
    if (d.n_blocks != n)
        fail_msg("'%s': %zu blocks, expected %zu", text, d.n_blocks, n);
    for (size_t i = 0; i < n; i++) {
        const mtl_block *b = &d.blocks[i];
        size_t len = b->end - b->start;
        if (len != strlen(want[i]) || memcmp(text + b->start, want[i], len))
            fail_msg("block %zu is '%.*s', expected '%s'", i, (int)len,
                     text + b->start, want[i]);
    }
    mtl_doc_free(&d);
}

static void blocks(void **state)
{
    (void)state;
    static const char *const two[] = {"a b", "c d"};
    expect_blocks("a b\n\nc d\n", 2, two);
    expect_blocks("\n\n\na b\n\n\n\nc d", 2, two);
    /* Lines of only spaces, tabs or no-break spaces are blank. */
    expect_blocks("a b\n   \nc d", 2, two);
    expect_blocks("a b\n \t \nc d", 2, two);
    expect_blocks("a b\n\xC2\xA0\nc d", 2, two);
    /* CRLF and lone CR line ends. */
    expect_blocks("a b\r\n\r\nc d\r\n", 2, two);
    expect_blocks("a b\r\rc d\r", 2, two);
    expect_blocks("a b\r\n \r\nc d", 2, two);
    /* Wrapped lines stay one block, without the final line break. */
    static const char *const one[] = {"a b\nc d"};
    expect_blocks("a b\nc d\n", 1, one);
    static const char *const one_crlf[] = {"a b\r\nc d"};
    expect_blocks("a b\r\nc d\r\n", 1, one_crlf);
    /* Four lines or more, each a sentence: a block each. */
    static const char *const lines[] = {"One line here.", "Another line",
                                        "Third line.", "Fourth one."};
    expect_blocks("One line here.\nAnother line\nThird line.\nFourth one.\n",
                  4, lines);
    /* A wrapped paragraph of four lines stays one block, although one line
     * ends a sentence; so do three lines that all end one. */
    static const char *const wrapped[] = {
        "He said that the talks\nwent well. Then he left for\nthe airport and "
        "flew\nhome to Washington."};
    expect_blocks("He said that the talks\nwent well. Then he left for\n"
                  "the airport and flew\nhome to Washington.\n", 1, wrapped);
    static const char *const three[] = {"One.\nTwo.\nThree."};
    expect_blocks("One.\nTwo.\nThree.", 1, three);
}

/* A file of one sentence a line: its blocks say so; a file of one
 * paragraph a line (several sentences a line) does not. */
static void sentence_lines(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "He said \"yes.\nIt rained.\nShe left.\nThey won.\n");
    assert_int_equal(d.n_blocks, 4);
    for (size_t i = 0; i < d.n_blocks; i++)
        assert_int_equal(d.blocks[i].kind, MTL_BLOCK_SENTENCE_LINE);
    mtl_doc_free(&d);
    build(&d, "One. Two.\nThree. Four.\nFive. Six.\nSeven. Eight.\n");
    assert_int_equal(d.n_blocks, 4);
    for (size_t i = 0; i < d.n_blocks; i++)
        assert_int_equal(d.blocks[i].kind, MTL_BLOCK_PARAGRAPH);
    mtl_doc_free(&d);
}

static void byte_order_mark(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "\xEF\xBB\xBFHello world. Bye.");
    assert_int_equal(d.n_blocks, 1);
    assert_int_equal(d.blocks[0].start, 3);
    assert_int_equal(d.tokens[0].start, 3);
    assert_int_equal(d.tokens[0].kind, MTL_TOK_WORD);
    assert_string_equal(mtl_tok_norm(&d, &d.tokens[0]), "hello");
    assert_true(d.tokens[0].flags & MTL_TF_SENT_START);
    assert_int_equal(d.n_sentences, 2);
    assert_int_equal(d.sentences[0].start, 3);
    mtl_doc_free(&d);

    /* A BOM alone on the first line makes that line blank. */
    build(&d, "\xEF\xBB\xBF\n\nText.");
    assert_int_equal(d.n_blocks, 1);
    assert_int_equal(d.blocks[0].start, 5);
    mtl_doc_free(&d);
}

/* ---- tokens ------------------------------------------------------------ */

static void token_kinds(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "He paid 1,000 or 3.5 euros, “twice”!\r\nThen  it's\tdone");
    expect_tok(&d, "He", MTL_TOK_WORD, "he");
    expect_tok(&d, "1,000", MTL_TOK_NUMBER, "1,000");
    expect_tok(&d, "3.5", MTL_TOK_NUMBER, "3.5");
    expect_tok_after(&d, ",", "euros", MTL_TOK_PUNCT, ",");
    expect_tok(&d, "“", MTL_TOK_QUOTE, "\"");
    expect_tok(&d, "”", MTL_TOK_QUOTE, "\"");
    expect_tok(&d, "!", MTL_TOK_PUNCT, "!");
    expect_tok(&d, "\r\n", MTL_TOK_NEWLINE, NULL);
    expect_tok(&d, "  ", MTL_TOK_SPACE, NULL);
    expect_tok(&d, "\t", MTL_TOK_SPACE, NULL);
    expect_tok(&d, "it's", MTL_TOK_WORD, "it's");
    expect_tok(&d, "done", MTL_TOK_WORD, "done");
    mtl_doc_free(&d);

    /* Lone CR and LF inside a block are one newline token each. */
    build(&d, "a\rb\nc");
    expect_tok(&d, "\r", MTL_TOK_NEWLINE, NULL);
    expect_tok(&d, "\n", MTL_TOK_NEWLINE, NULL);
    assert_int_equal(d.n_tokens, 5);
    mtl_doc_free(&d);

    /* Straight quotes outside a word are quotes; inside, part of it. */
    build(&d, "'single' rock'n'roll");
    expect_tok(&d, "'", MTL_TOK_QUOTE, "'");
    expect_tok(&d, "rock'n'roll", MTL_TOK_WORD, "rock'n'roll");
    mtl_doc_free(&d);
}

static void normal_forms(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "THE Café ÉCOLE ΣΟΦΙΑ Москва don’t ‘hi’ «oui» cease–fire "
              "war—time x‐y a−b");
    expect_tok(&d, "THE", MTL_TOK_WORD, "the");
    expect_tok(&d, "Café", MTL_TOK_WORD, "café");
    expect_tok(&d, "ÉCOLE", MTL_TOK_WORD, "école");
    expect_tok(&d, "ΣΟΦΙΑ", MTL_TOK_WORD, "σοφια");
    expect_tok(&d, "Москва", MTL_TOK_WORD, "москва");
    expect_tok(&d, "don’t", MTL_TOK_WORD, "don't");
    expect_tok(&d, "‘", MTL_TOK_QUOTE, "'");
    expect_tok_after(&d, "’", "hi", MTL_TOK_QUOTE, "'");
    expect_tok(&d, "«", MTL_TOK_QUOTE, "\"");
    expect_tok(&d, "»", MTL_TOK_QUOTE, "\"");
    expect_tok(&d, "–", MTL_TOK_PUNCT, "-");
    expect_tok(&d, "—", MTL_TOK_PUNCT, "-");
    expect_tok(&d, "‐", MTL_TOK_PUNCT, "-");
    expect_tok(&d, "−", MTL_TOK_PUNCT, "-");
    mtl_doc_free(&d);
}

static void token_flags(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "NATO met Blinken in Gaza. Then the UN and École A x");
    const mtl_token *t = tok_at(&d, "NATO", NULL);
    assert_int_equal(t->flags, MTL_TF_CAP | MTL_TF_ALLCAPS | MTL_TF_ASCII |
                                   MTL_TF_SENT_START);
    t = tok_at(&d, "met", NULL);
    assert_int_equal(t->flags, MTL_TF_ASCII);
    t = tok_at(&d, "Blinken", NULL);
    assert_int_equal(t->flags, MTL_TF_CAP | MTL_TF_ASCII);
    t = tok_at(&d, "Then", NULL);
    assert_int_equal(t->flags, MTL_TF_CAP | MTL_TF_ASCII | MTL_TF_SENT_START);
    t = tok_at(&d, "the", NULL);
    assert_int_equal(t->flags, MTL_TF_ASCII);
    t = tok_at(&d, "UN", NULL);
    assert_int_equal(t->flags, MTL_TF_CAP | MTL_TF_ALLCAPS | MTL_TF_ASCII);
    t = tok_at(&d, "École", NULL);
    assert_int_equal(t->flags, MTL_TF_CAP);
    /* One letter is capitalised, not all caps. */
    t = tok_at(&d, "A", "École");
    assert_int_equal(t->flags, MTL_TF_CAP | MTL_TF_ASCII);
    mtl_doc_free(&d);
}

static void urls(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "See https://example.org/a?b=c. Mail bob.smith@mail.example.co.uk, "
              "visit www.state.gov/x or (https://en.wikipedia.org/wiki/Foo_(bar)). "
              "Also HTTP://X.ORG/Q!");
    expect_tok(&d, "https://example.org/a?b=c", MTL_TOK_URL,
               "https://example.org/a?b=c");
    expect_tok(&d, "bob.smith@mail.example.co.uk", MTL_TOK_URL, NULL);
    expect_tok(&d, "www.state.gov/x", MTL_TOK_URL, NULL);
    expect_tok(&d, "https://en.wikipedia.org/wiki/Foo_(bar)", MTL_TOK_URL,
               "https://en.wikipedia.org/wiki/foo_(bar)");
    expect_tok(&d, "HTTP://X.ORG/Q", MTL_TOK_URL, "http://x.org/q");
    /* A bracket closed that the URL did not open ends it. */
    mtl_doc u;
    build(&u, "The gene list (www.ensembl.org)[23] was used.");
    expect_tok(&u, "www.ensembl.org", MTL_TOK_URL, NULL);
    assert_int_equal(tok_at(&u, ")[23]", NULL)->kind, MTL_TOK_PUNCT);
    mtl_doc_free(&u);
    /* The full stop after a URL is punctuation that ends the sentence; the
     * "?" and "." inside do not. */
    const mtl_token *dot = tok_at(&d, ". Mail", NULL);
    assert_int_equal(dot->kind, MTL_TOK_PUNCT);
    assert_int_equal(d.n_sentences, 3);
    mtl_doc_free(&d);

    /* Not URLs: a lone @, "www" as a word, a bare domain-less address. */
    build(&d, "at @ noon, www is short, me@home");
    for (size_t i = 0; i < d.n_tokens; i++)
        assert_int_not_equal(d.tokens[i].kind, MTL_TOK_URL);
    mtl_doc_free(&d);
}

/* ---- sentences ------------------------------------------------------ */

static void sentences_abbreviations(void **state)
{
    (void)state;
    expect_sentences("Mr. Smith went to the U.S. on Monday. He left.",
                     "Mr. Smith went to the U.S. on Monday.|He left.");
    expect_sentences("He flew to the U.S. State Department said so. Then he left.",
                     "He flew to the U.S. State Department said so.|Then he left.");
    expect_sentences("It was Jan. Nobody came.", "It was Jan. Nobody came.");
    expect_sentences("She has a Ph.D. From Yale.", "She has a Ph.D. From Yale.");
    expect_sentences("Dr. Who met Prof. X at 3 p.m. Monday.",
                     "Dr. Who met Prof. X at 3 p.m. Monday.");
    expect_sentences("Sen. Smith and Gov. Brown spoke. Then Rep. Jones did.",
                     "Sen. Smith and Gov. Brown spoke.|Then Rep. Jones did.");
    /* before a name, a label or a list */
    expect_sentences("He reached Sault Ste. Marie in 1845. He left.",
                     "He reached Sault Ste. Marie in 1845.|He left.");
    expect_sentences("See S3 Fig. A in the file. Call Tel. 555 1234.",
                     "See S3 Fig. A in the file.|Call Tel. 555 1234.");
    expect_sentences("Some antigens (eg. CSP, TRAP) work.",
                     "Some antigens (eg. CSP, TRAP) work.");
    /* such abbreviations that are also words need their capital */
    expect_sentences("He said no. Then he left. He ate a fig. It was ripe.",
                     "He said no.|Then he left.|He ate a fig.|It was ripe.");
    expect_sentences("It was No. 5 on Dec. 4. Gen. Smith won.",
                     "It was No. 5 on Dec. 4.|Gen. Smith won.");
}

/* ICU keeps a sentence going after a word in capitals that ends like one of
 * its exceptions; an abbreviation in capitals still does. */
static void sentences_capitals(void **state)
{
    (void)state;
    expect_sentences("THE PRESIDENT. Good evening. I have a statement.",
                     "THE PRESIDENT.|Good evening.|I have a statement.");
    expect_sentences("He met the CEO. Then he left.",
                     "He met the CEO.|Then he left.");
    expect_sentences("They found E-RG. From there it spread.",
                     "They found E-RG.|From there it spread.");
    expect_sentences("He joined the U.S. Army. It was 1950.",
                     "He joined the U.S. Army.|It was 1950.");
    expect_sentences("He works for ACME CO. Ltd in Leeds.",
                     "He works for ACME CO. Ltd in Leeds.");
}

static void sentences_initials(void **state)
{
    (void)state;
    expect_sentences("He read J. R. R. Tolkien. It was long.",
                     "He read J. R. R. Tolkien.|It was long.");
    expect_sentences("A. Lincoln spoke.", "A. Lincoln spoke.");
    /* written together, or closing a bracket */
    expect_sentences("He was shot down by J.L. Webster in a Spitfire.",
                     "He was shot down by J.L. Webster in a Spitfire.");
    expect_sentences("It was [Harry S.] Truman who did it. Then peace.",
                     "It was [Harry S.] Truman who did it.|Then peace.");
    expect_sentences("John Smith, a.k.a. Bob Jones, lived there.",
                     "John Smith, a.k.a. Bob Jones, lived there.");
    /* a word with a dot inside is no initialism */
    expect_sentences("He uses Node.js. It is fast.",
                     "He uses Node.js.|It is fast.");
    /* A lower-case word before the full stop is no initial. */
    expect_sentences("I saw it. I left.", "I saw it.|I left.");
}

static void sentences_marks(void **state)
{
    (void)state;
    expect_sentences("Is it? Yes! No.", "Is it?|Yes!|No.");
    expect_sentences("He said \"Stop.\" Then he left.",
                     "He said \"Stop.\"|Then he left.");
    expect_sentences("Wait... what?", "Wait... what?");
}

static void sentences_wrapping_and_blocks(void **state)
{
    (void)state;
    /* A hard-wrapped line does not end a sentence, whatever the line end. */
    expect_sentences("He said\nthis line is wrapped. Next one.",
                     "He said\nthis line is wrapped.|Next one.");
    expect_sentences("He said\r\nthis is\rwrapped.",
                     "He said\r\nthis is\rwrapped.");
    /* A blank line ends a sentence even without a mark. */
    expect_sentences("No full stop here\n\nnew paragraph",
                     "No full stop here#new paragraph");
    expect_sentences("Mr.\n\nSmith", "Mr.#Smith");
    expect_sentences("The U.S.\n \nState", "The U.S.#State");
}

static void sentence_fields(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "  One two.  Three four!\nFive.\n\nSix.");
    assert_int_equal(d.n_blocks, 2);
    assert_int_equal(d.n_sentences, 4);
    const mtl_sentence *s = &d.sentences[1];
    assert_int_equal(s->start, 12);
    assert_int_equal(s->end, 23);
    assert_int_equal(d.tokens[s->tok_begin].start, 12);
    assert_int_equal(d.tokens[s->tok_end - 1].end, 23);
    assert_int_equal(s->block, 0);
    assert_int_equal(d.sentences[3].block, 1);
    assert_int_equal(d.blocks[1].sent_begin, 3);
    assert_int_equal(d.blocks[1].sent_end, 4);
    /* Sentence starts are flagged, other words are not. */
    assert_true(tok_at(&d, "Three", NULL)->flags & MTL_TF_SENT_START);
    assert_true(tok_at(&d, "Five", NULL)->flags & MTL_TF_SENT_START);
    assert_false(tok_at(&d, "four", NULL)->flags & MTL_TF_SENT_START);
    mtl_doc_free(&d);
}

static void skip_space(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "a  \n b");
    /* tokens: a, "  ", \n, " ", b */
    assert_int_equal(d.n_tokens, 5);
    assert_int_equal(mtl_doc_skip_space(&d, 1), 4);
    assert_int_equal(mtl_doc_skip_space(&d, 0), 0);
    assert_int_equal(mtl_doc_skip_space(&d, 5), 5);
    assert_int_equal(mtl_doc_skip_space_back(&d, 3), 0);
    assert_int_equal(mtl_doc_skip_space_back(&d, 4), 4);
    mtl_doc_free(&d);
    build(&d, " x");
    assert_int_equal(mtl_doc_skip_space_back(&d, 0), SIZE_MAX);
    mtl_doc_free(&d);
}

/* A quoted question or exclamation and a lower-case word after it are one
 * sentence; a capital after it starts the next. */
static void quoted_question(void **state)
{
    (void)state;
    mtl_doc d;
    build(&d, "\"Why not?\" he asked. We ask \"what next?\" to focus. He "
              "asked \"Why?\" Then he left.");
    assert_int_equal(d.n_sentences, 4);
    assert_int_equal(d.sentences[0].end, 20);
    assert_int_equal(d.sentences[1].tok_begin, tok_at(&d, "We", NULL) - d.tokens);
    assert_int_equal(d.sentences[3].tok_begin, tok_at(&d, "Then", NULL) - d.tokens);
    mtl_doc_free(&d);
}

/* A finding on a whole sentence starts after the code spans and URLs that
 * open it (the fuzzer found one starting inside a code span); a sentence of
 * nothing else keeps its start. */
static void report_start(void **state)
{
    (void)state;
    mtl_doc d;
    const char *md = "`make` and `make check` pass.\n\nhttps://x.org\n";
    assert_int_equal(mtl_doc_build_as(&d, md, strlen(md), "a.md", 1), 0);
    assert_int_equal(d.n_sentences, 2);
    assert_int_equal(mtl_sentence_report_start(&d, &d.sentences[0]),
                     tok_at(&d, "and", NULL)->start);
    assert_int_equal(mtl_sentence_report_start(&d, &d.sentences[1]),
                     d.sentences[1].start);
    mtl_doc_free(&d);
    build(&d, "He left. So did she.");
    assert_int_equal(mtl_sentence_report_start(&d, &d.sentences[1]), 9);
    mtl_doc_free(&d);
}

/* ---- invariants for any input -------------------------------------- */

static void check_invariants(const mtl_doc *d, const char *text, size_t len)
{
    assert_true(d->n_lines >= 1);
    assert_int_equal(d->line_starts[0], 0);
    for (size_t i = 1; i < d->n_lines; i++) {
        assert_true(d->line_starts[i] > d->line_starts[i - 1]);
        assert_true(d->line_starts[i] <= len);
        char c = text[d->line_starts[i] - 1];
        assert_true(c == '\n' || c == '\r');
        assert_int_equal(mtl_doc_line_of(d, d->line_starts[i]), i + 1);
    }
    size_t prev_end = 0, next_tok = 0, next_sent = 0;
    for (size_t b = 0; b < d->n_blocks; b++) {
        const mtl_block *bl = &d->blocks[b];
        assert_true(bl->start >= prev_end && bl->end <= len);
        assert_true(bl->start < bl->end);
        /* Tokens tile the block: every byte in exactly one token. */
        assert_int_equal(bl->tok_begin, next_tok);
        assert_true(bl->tok_end > bl->tok_begin);
        assert_int_equal(d->tokens[bl->tok_begin].start, bl->start);
        assert_int_equal(d->tokens[bl->tok_end - 1].end, bl->end);
        for (size_t t = bl->tok_begin; t < bl->tok_end; t++) {
            const mtl_token *tk = &d->tokens[t];
            assert_true(tk->start < tk->end);
            if (t + 1 < bl->tok_end)
                assert_int_equal(tk->end, d->tokens[t + 1].start);
            const char *norm = mtl_tok_norm(d, tk);
            assert_true(tk->norm + tk->norm_len < d->norms_len);
            /* NUL-terminated; a NUL byte of the text may sit inside */
            assert_int_equal(norm[tk->norm_len], '\0');
            assert_true(tk->kind <= MTL_TOK_URL);
        }
        next_tok = bl->tok_end;
        /* Sentences lie in their block, in order, trimmed of space. */
        assert_int_equal(bl->sent_begin, next_sent);
        size_t sprev = bl->start;
        for (size_t s = bl->sent_begin; s < bl->sent_end; s++) {
            const mtl_sentence *se = &d->sentences[s];
            assert_int_equal(se->block, b);
            assert_true(se->start >= sprev && se->end <= bl->end);
            assert_true(se->tok_begin >= bl->tok_begin &&
                        se->tok_end <= bl->tok_end &&
                        se->tok_begin < se->tok_end);
            assert_int_equal(d->tokens[se->tok_begin].start, se->start);
            assert_int_equal(d->tokens[se->tok_end - 1].end, se->end);
            assert_false(mtl_tok_is_space(&d->tokens[se->tok_begin]));
            assert_false(mtl_tok_is_space(&d->tokens[se->tok_end - 1]));
            for (size_t t = se->tok_begin; t < se->tok_end; t++)
                assert_int_equal(d->tokens[t].sentence, s);
            sprev = se->end;
        }
        next_sent = bl->sent_end;
        prev_end = bl->end;
    }
    assert_int_equal(next_tok, d->n_tokens);
    assert_int_equal(next_sent, d->n_sentences);
}

static void invariants_article(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = read_article(&len);
    mtl_doc d;
    assert_int_equal(mtl_doc_build(&d, text, len, "article.txt"), 0);
    assert_true(d.n_blocks > 10);
    assert_true(d.n_sentences > d.n_blocks);
    check_invariants(&d, text, len);
    mtl_doc_free(&d);
    free(text);
}

/* Documents stitched from awkward pieces: line ends of every kind, blank
 * and space-only lines, abbreviations, URLs, quotes, invalid bytes, NULs. */
static void invariants_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "word", "The", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\n \n",
        ".", "U.S.", "Mr.", " J. ", "?", "!", "...", ",", "“", "”", "'", "\"",
        "don’t", "—", "3.5", "1,000", "http://x.org/a?b.", "www.a.b", "a@b.co",
        "@", "(", ")", "\xC3", "\x80", "\xE2\x82", "\xEF\xBB\xBF", "\xC2\xA0",
        "\xE2\x80\xA8", "Σ", "日本", "\xF0\x9F\x98\x80", "é"};
    static const size_t n_pieces = sizeof pieces / sizeof *pieces;
    uint32_t x = 7;
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        int n = 1 + round % 40;
        for (int k = 0; k < n; k++) {
            x = x * 1103515245u + 12345u;
            const char *p = pieces[(x >> 16) % n_pieces];
            size_t pl = strlen(p);
            memcpy(buf + len, p, pl);
            len += pl;
            if ((x >> 8) % 31 == 0)
                buf[len++] = '\0';
        }
        mtl_doc d;
        assert_int_equal(mtl_doc_build(&d, buf, len, "r.txt"), 0);
        check_invariants(&d, buf, len);
        mtl_doc_free(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_index),
        cmocka_unit_test(empty_input),
        cmocka_unit_test(blocks),
        cmocka_unit_test(sentence_lines),
        cmocka_unit_test(byte_order_mark),
        cmocka_unit_test(token_kinds),
        cmocka_unit_test(normal_forms),
        cmocka_unit_test(token_flags),
        cmocka_unit_test(urls),
        cmocka_unit_test(sentences_abbreviations),
        cmocka_unit_test(sentences_initials),
        cmocka_unit_test(sentences_capitals),
        cmocka_unit_test(sentences_marks),
        cmocka_unit_test(sentences_wrapping_and_blocks),
        cmocka_unit_test(sentence_fields),
        cmocka_unit_test(skip_space),
        cmocka_unit_test(report_start),
        cmocka_unit_test(quoted_question),
        cmocka_unit_test(invariants_article),
        cmocka_unit_test(invariants_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
