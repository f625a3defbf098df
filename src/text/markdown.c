/*
 * Markdown: the prose of a CommonMark document, with a map back to the
 * source. cmark (the CommonMark reference parser) finds the blocks and
 * inlines with their source positions; the prose text is the source bytes of
 * every text node of paragraphs and headings (in lists and block quotes
 * too), with line breaks kept and blocks separated by a blank line. Code,
 * raw HTML, images, link destinations and YAML front matter are left out.
 * Every byte of the prose maps to the source byte it came from, so findings
 * land at their exact place in the .md file.
 *
 * mtlint comments (<!-- mtlint-disable ... -->) are collected as directives.
 */
#include "text/markdown.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

typedef struct out {
    mtl_sb text;
    uint32_t *map;
    size_t map_cap;
    mtl_prose *p;
    size_t block_cap, dir_cap, opaque_cap;
    int failed;
} out;

/* Appends n bytes of s; byte i maps to source offset at + i, or to at for
 * every byte when the bytes are not in the source (a separator). */
static void append(out *o, const char *s, size_t n, size_t at, int in_source)
{
    if (o->failed)
        return;
    size_t pos = o->text.len;
    mtl_sb_add(&o->text, s, n);
    if (o->text.failed ||
        mtl_grow((void **)&o->map, &o->map_cap, pos + n + 1, sizeof *o->map)) {
        o->failed = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        o->map[pos + i] = (uint32_t)(in_source ? at + i : at);
}

static void emit(out *o, const char *src, size_t from, size_t n)
{
    append(o, src + from, n, from, 1);
}

static void emit_sep(out *o, const char *s, size_t at)
{
    append(o, s, strlen(s), at, 0);
}

/* Byte offset of a cmark (line, column); both 1-based, columns in bytes. */
static size_t offset_of(const size_t *lines, size_t n_lines, size_t len,
                        int line, int col)
{
    if (line < 1)
        return 0;
    if ((size_t)line > n_lines)
        return len;
    size_t off = lines[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
    return off > len ? len : off;
}

/* YAML front matter: "---" on the first line, up to a "---" or "..." line.
 * Returns its length in bytes (0 if none). */
static size_t front_matter(const char *s, size_t len)
{
    if (len < 4 || memcmp(s, "---", 3) != 0 || (s[3] != '\n' && s[3] != '\r'))
        return 0;
    size_t i = 3;
    while (i < len) {
        while (i < len && s[i] != '\n')
            i++;
        if (i >= len)
            return 0;
        i++;
        if (len - i >= 3 && (memcmp(s + i, "---", 3) == 0 ||
                             memcmp(s + i, "...", 3) == 0)) {
            size_t e = i + 3;
            while (e < len && (s[e] == ' ' || s[e] == '\t'))
                e++;
            if (e == len || s[e] == '\n' || s[e] == '\r') {
                while (e < len && s[e] != '\n')
                    e++;
                return e;
            }
        }
    }
    return 0;
}

/* Parses "<!-- mtlint-disable a b -->" and friends. */
static void directive(out *o, const char *lit, size_t at, size_t end_at)
{
    const char *p = strstr(lit, "<!--");
    if (!p)
        return;
    p += 4;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    static const struct {
        const char *word;
        int kind;
    } kinds[] = {{"mtlint-disable-next-line", MTL_DIR_DISABLE_NEXT_LINE},
                 {"mtlint-disable", MTL_DIR_DISABLE},
                 {"mtlint-enable", MTL_DIR_ENABLE}};
    int kind = -1;
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(kinds[k].word);
        if (strncmp(p, kinds[k].word, n) == 0 &&
            (p[n] == ' ' || p[n] == '\t' || p[n] == '-' || p[n] == '\n' ||
             p[n] == '\r')) {
            kind = kinds[k].kind;
            p += n;
            break;
        }
    }
    if (kind < 0)
        return;
    const char *e = strstr(p, "-->");
    size_t n = e ? (size_t)(e - p) : strlen(p);
    mtl_directive d = {.kind = kind, .offset = (uint32_t)at,
                       .end = (uint32_t)end_at};
    d.rules = malloc(n + 1);
    if (!d.rules) {
        o->failed = 1;
        return;
    }
    /* rule ids separated by spaces or commas, stored space-separated */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == ',' || c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        if (c == ' ' && (k == 0 || d.rules[k - 1] == ' '))
            continue;
        d.rules[k++] = c;
    }
    while (k && d.rules[k - 1] == ' ')
        k--;
    d.rules[k] = '\0';
    if (MTL_PUSH(o->p->directives, o->p->n_directives, o->dir_cap, d) != 0) {
        free(d.rules);
        o->failed = 1;
    }
}

static int block_kind(cmark_node *n)
{
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
        return MTL_BLOCK_HEADING;
    for (cmark_node *p = cmark_node_parent(n); p; p = cmark_node_parent(p)) {
        cmark_node_type t = cmark_node_get_type(p);
        if (t == CMARK_NODE_ITEM)
            return MTL_BLOCK_LIST_ITEM;
        if (t == CMARK_NODE_BLOCK_QUOTE)
            return MTL_BLOCK_QUOTE;
    }
    return MTL_BLOCK_PARAGRAPH;
}

/*
 * Source offset of an inline node's (line, col). On a block's later lines
 * cmark counts columns from where the block's first line starts, in the
 * text it kept after stripping container markers and indentation: "* item
 * text or\nadvances here." puts "advances" at column 3, as if the line were
 * indented like the item's text, though a lazy continuation line is not.
 * The line's own text starts after blanks and '>' (a '>' there would open
 * a block quote, so it is never prose), and the column is counted from
 * there.
 */
static size_t inline_offset(const char *src, size_t len, const size_t *lines,
                            size_t n_lines, cmark_node *block, int line,
                            int col)
{
    int first = cmark_node_get_start_line(block);
    if (line <= first || line < 1 || (size_t)line > n_lines)
        return offset_of(lines, n_lines, len, line, col);
    size_t ls = lines[line - 1], i = ls;
    while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '>'))
        i++;
    long c = (long)col + (long)(i - ls) -
             (long)(cmark_node_get_start_column(block) - 1);
    return offset_of(lines, n_lines, len, line, c < 1 ? 1 : (int)c);
}

/*
 * cmark's inline columns leave out white space it strips from the start of
 * a paragraph's continuation lines ("    more text" reports column 1), so a
 * node's literal is looked for where cmark says and, failing that, further
 * on in the same line. A text node's source span is then exactly its
 * literal; a code span's is its literal with the backticks around it. When
 * the literal is not in the source as is (entities, backslash escapes), the
 * position cmark gives stands.
 */
static void realign(const char *src, size_t len, size_t floor, const char *lit,
                    size_t *s, size_t *e)
{
    if (*e < *s)
        *e = *s;
    if (!lit || !*lit)
        return;
    size_t n = strlen(lit);
    size_t from = *s > floor ? *s : floor;
    for (size_t at = from; at + n <= len; at++) {
        if (src[at] == '\n' && at > from)
            break; /* literals of text and code spans stay on their line */
        if (memcmp(src + at, lit, n) != 0)
            continue;
        if (at == *s)
            return; /* cmark was right */
        size_t shift = at - *s;
        *s += shift;
        *e += shift;
        if (*e > len)
            *e = len;
        return;
    }
}

/* The same for a code span: cmark's position is that of its content; the
 * source span takes in the backticks around it. */
static void realign_code(const char *src, size_t len, size_t floor,
                         const char *lit, size_t *s, size_t *e)
{
    realign(src, len, floor, lit, s, e);
    size_t a = *s, b = *e;
    if (a > floor && a > 0 && src[a - 1] == ' ' && a > 1 && src[a - 2] == '`')
        a--;
    while (a > floor && a > 0 && src[a - 1] == '`')
        a--;
    if (b < len && src[b] == ' ' && b + 1 < len && src[b + 1] == '`')
        b++;
    while (b < len && src[b] == '`')
        b++;
    *s = a;
    *e = b;
}

int mtl_markdown_prose(const char *src, size_t len, const size_t *lines,
                       size_t n_lines, mtl_prose *p)
{
    memset(p, 0, sizeof *p);
    /* cmark replaces NULs and invalid UTF-8 with U+FFFD (three bytes), which
     * would shift every later column on the line; it parses a copy where such
     * bytes are one-byte stand-ins, and front matter is blanked. */
    char *masked = malloc(len + 1);
    if (!masked)
        return -1;
    memcpy(masked, src, len);
    size_t fm = front_matter(src, len);
    for (size_t i = 0; i < fm; i++)
        if (masked[i] != '\n' && masked[i] != '\r')
            masked[i] = ' ';
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = mtl_utf8_next(src, len, i, &c);
        if (c == MTL_BAD_CP)
            memset(masked + i, '?', k);
        else if (c == 0)
            masked[i] = ' ';
        i += k;
    }
    cmark_node *doc = cmark_parse_document(masked, len, CMARK_OPT_SOURCEPOS);
    if (!doc) {
        free(masked);
        return -1;
    }
    out o = {.p = p};
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    cmark_node *block = NULL; /* the paragraph or heading being collected */
    cmark_node *skip = NULL;  /* a code span or image whose inside is skipped */
    size_t block_start = 0, last_src = 0;
    while (!o.failed && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        size_t s = offset_of(lines, n_lines, len, cmark_node_get_start_line(n),
                             cmark_node_get_start_column(n));
        size_t e = offset_of(lines, n_lines, len, cmark_node_get_end_line(n),
                             cmark_node_get_end_column(n) + 1);
        if (skip) {
            if (n == skip && ev == CMARK_EVENT_EXIT)
                skip = NULL;
            continue;
        }
        if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
            /* cmark's end position of an HTML block can precede its start;
             * the literal's length is exact. */
            const char *lit = cmark_node_get_literal(n);
            if (lit) {
                size_t k = strlen(lit);
                while (k && (lit[k - 1] == '\n' || lit[k - 1] == '\r'))
                    k--;
                directive(&o, lit, s, s + k < len ? s + k : len);
            }
            continue;
        }
        if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
            if (ev == CMARK_EVENT_ENTER) {
                if (o.text.len)
                    emit_sep(&o, "\n\n", last_src);
                block = n;
                block_start = o.text.len;
            } else if (n == block) {
                size_t end = o.text.len;
                while (end > block_start &&
                       (o.text.data[end - 1] == ' ' || o.text.data[end - 1] == '\n'))
                    end--;
                if (end > block_start) {
                    mtl_block b = {.start = (uint32_t)block_start,
                                   .end = (uint32_t)end,
                                   .kind = (uint8_t)block_kind(n)};
                    if (MTL_PUSH(p->blocks, p->n_blocks, o.block_cap, b) != 0)
                        o.failed = 1;
                }
                block = NULL;
            }
            continue;
        }
        if (!block || ev != CMARK_EVENT_ENTER)
            continue;
        /* an inline node: its place in the source line it is on */
        s = inline_offset(src, len, lines, n_lines, block,
                          cmark_node_get_start_line(n),
                          cmark_node_get_start_column(n));
        e = inline_offset(src, len, lines, n_lines, block,
                          cmark_node_get_end_line(n),
                          cmark_node_get_end_column(n) + 1);
        switch (t) {
        case CMARK_NODE_TEXT:
            realign(src, len, last_src, cmark_node_get_literal(n), &s, &e);
            if (e > s) {
                emit(&o, src, s, e - s);
                last_src = e;
            }
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            emit_sep(&o, "\n", last_src);
            break;
        case CMARK_NODE_IMAGE:
            skip = n; /* its alt text is not read as prose */
            /* fall through */
        case CMARK_NODE_CODE: {
            /* Code and images are not prose, but they hold a place in the
             * sentence: each is kept verbatim as one opaque token that rules
             * pass over. */
            if (t == CMARK_NODE_CODE)
                realign_code(src, len, last_src, cmark_node_get_literal(n), &s, &e);
            if (e <= s) {
                last_src = s > last_src ? s : last_src;
                break;
            }
            mtl_span sp = {(uint32_t)o.text.len, (uint32_t)(o.text.len + (e - s))};
            emit(&o, src, s, e - s);
            if (MTL_PUSH(p->opaque, p->n_opaque, o.opaque_cap, sp) != 0)
                o.failed = 1;
            last_src = e;
            break;
        }
        default:
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    free(masked);
    if (!o.failed && mtl_grow((void **)&o.map, &o.map_cap, o.text.len + 1,
                              sizeof *o.map) == 0) {
        o.map[o.text.len] = (uint32_t)len;
        p->len = o.text.len;
        p->text = mtl_sb_take(&o.text);
        p->map = o.map;
        if (p->text)
            return 0;
    }
    mtl_sb_free(&o.text);
    free(o.map);
    p->map = NULL;
    mtl_prose_free(p);
    return -1;
}

void mtl_prose_free(mtl_prose *p)
{
    free(p->text);
    free(p->map);
    free(p->blocks);
    free(p->opaque);
    for (size_t i = 0; i < p->n_directives; i++)
        free(p->directives[i].rules);
    free(p->directives);
    memset(p, 0, sizeof *p);
}
