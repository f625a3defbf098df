/*
 * Markdown: the prose of a CommonMark document, with a map back to the
 * source. cmark (the CommonMark reference parser) finds the blocks and the
 * inline nodes; the prose is the text of paragraphs and headings (in lists
 * and block quotes too), with line breaks kept and blocks separated by a
 * blank line. Code spans, images and autolinks stay in the sentence as
 * single opaque tokens; code blocks, raw HTML, link destinations, link
 * reference definitions and front matter (YAML "---", TOML "+++") are left
 * out. Every byte of the prose maps to the source bytes it came from, so
 * findings land at their exact place in the .md file.
 *
 * Where each inline node is in the source is found here, not taken from
 * cmark: cmark 0.30 counts inline columns from the start of a paragraph's
 * content lines, which lose their container prefixes ("> ", list
 * indentation) and, on lazy continuation lines, keep text that the prefix
 * would have covered; it does not move to the next line after a backslash
 * line break or a link title that spans lines, and it keeps the start line
 * of a paragraph whose first lines were link reference definitions. So the
 * nodes are matched in order against the source, from a cursor that only
 * moves forward: text as is, or as the backslash escape or entity cmark
 * decoded; code spans by their backtick runs; raw HTML as is; link and
 * image brackets with the destination and title after them; a line break
 * moves the cursor past the next line's container prefixes.
 *
 * GitHub's tables are not in libcmark; a table is read as one block per
 * cell (its delimiter row is not prose), so that cells are never glued into
 * sentences. Links written one after another with only white space between
 * them (a link list, a row of badges) are separate blocks too: two links
 * are two items, not a repeated word.
 *
 * mtlint comments (<!-- mtlint-disable ... -->) are collected as directives.
 */
#include "text/markdown.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How far past the cursor a node is looked for. What lies between two
 * inline nodes is markup: emphasis runs, container prefixes, a link's
 * destination and title (skipped whole, whatever their length). The bound
 * only matters for a node that cannot be placed, and keeps the work per
 * node constant, so extraction stays linear in the input. */
enum { SEARCH_WINDOW = 4096 };

/* Emphases open at once that are recorded; deeper ones are left out. */
enum { MAX_EMPH_OPEN = 8 };

/* ---- the source ------------------------------------------------------ */

typedef struct source {
    const char *src;    /* the bytes as given: what the prose copies */
    const char *m;      /* the copy cmark parsed: what nodes are matched in */
    size_t len;
    const size_t *lines;
    size_t n_lines;
    size_t bom;         /* 3 if a byte order mark starts the input: cmark
                         * skips it, so its columns on line 1 start after */
} source;

/* 0-based line holding offset off. */
static size_t line_at(const source *s, size_t off)
{
    size_t lo = 0, hi = s->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static size_t line_start(const source *s, size_t line)
{
    return line < s->n_lines ? s->lines[line] : s->len;
}

/* Offset of the line break that ends a line (or of the end of input). */
static size_t line_stop(const source *s, size_t line)
{
    if (line >= s->n_lines)
        return s->len;
    size_t e = line + 1 < s->n_lines ? s->lines[line + 1] : s->len;
    while (e > s->lines[line] && (s->m[e - 1] == '\n' || s->m[e - 1] == '\r'))
        e--;
    return e;
}

/* Byte offset of a cmark (line, column); both 1-based, columns in bytes. */
static size_t offset_of(const source *s, int line, int col)
{
    if (line < 1)
        return 0;
    if ((size_t)line > s->n_lines)
        return s->len;
    size_t off = s->lines[line - 1] + (line == 1 ? s->bom : 0) +
                 (size_t)(col > 0 ? col - 1 : 0);
    return off > s->len ? s->len : off;
}

/* Where the text of a continuation line starts: after the markers of the
 * block quotes around the block (as many as match; a lazy line has fewer)
 * and, with skip_space, the white space that list items and paragraphs
 * strip (a lazy line can keep it in a text node after a hard break). */
static size_t content_start(const source *s, size_t line, int depth,
                            int skip_space)
{
    size_t p = line_start(s, line), e = line_stop(s, line);
    for (int d = 0; d < depth; d++) {
        size_t q = p;
        while (q < e && (s->m[q] == ' ' || s->m[q] == '\t'))
            q++;
        if (q >= e || s->m[q] != '>')
            break;
        p = q + 1;
    }
    while (skip_space && p < e && (s->m[p] == ' ' || s->m[p] == '\t'))
        p++;
    return p;
}

static int is_ascii_punct(unsigned char c)
{
    return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) ||
           (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_hex(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_alnum(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Is the line at i empty or white space only (a last line too)? */
static int blank_line_at(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i < len && (s[i] == '\n' || s[i] == '\r');
}

/* Does the line at i start with a key ("title:", "date ="), as the first
 * line of front matter does? */
static int key_line(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && (is_alnum((unsigned char)s[k]) || s[k] == '_' ||
                       (k > i && s[k] == '-')))
        k++;
    if (k == i)
        return 0;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    return k < len && (s[k] == ':' || s[k] == '=');
}

/* Front matter: "---" (YAML) or "+++" (TOML) alone on the first line (after
 * a byte order mark), up to the same line again ("..." also ends YAML).
 * Blank lines may come first, as Hugo reads them, but then the fence must
 * be followed by a key: "---" after a blank line is as often a thematic
 * break. Returns its length in bytes (0 if none). */
static size_t front_matter(const char *s, size_t len)
{
    size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t lead = i;
    for (int lines = 0; lines < 8 && i < len && blank_line_at(s, len, i);
         lines++) {
        while (i < len && s[i] != '\n' && s[i] != '\r')
            i++;
        i += i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    }
    if (i > len || len - i < 4)
        return 0;
    int after_blank = i != lead;
    const char *fence = memcmp(s + i, "---", 3) == 0   ? "---"
                        : memcmp(s + i, "+++", 3) == 0 ? "+++"
                                                       : NULL;
    if (!fence)
        return 0;
    i += 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= len || (s[i] != '\n' && s[i] != '\r'))
        return 0;
    if (after_blank) {
        size_t k = i + (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1);
        if (!key_line(s, len, k))
            return 0;
    }
    while (i < len) {
        while (i < len && s[i] != '\n' && s[i] != '\r')
            i++;
        while (i < len && (s[i] == '\n' || s[i] == '\r'))
            i++;
        if (len - i >= 3 && (memcmp(s + i, fence, 3) == 0 ||
                             (fence[0] == '-' && memcmp(s + i, "...", 3) == 0))) {
            size_t e = i + 3;
            while (e < len && (s[e] == ' ' || s[e] == '\t'))
                e++;
            if (e == len || s[e] == '\n' || s[e] == '\r')
                return e;
        }
    }
    return 0;
}

/* ---- template tags --------------------------------------------------- */

/* The static-site generators that keep Markdown content (Jekyll's Liquid,
 * Hugo, Eleventy's Nunjucks) put template tags in it: "{{ page.title }}",
 * "{% include card.html %}", "{{< figure src="x.png" >}}". They are code,
 * and they break cmark's reading of what holds them: a link destination
 * with spaces ("[post]({{ "/2015/x" | url }})") is no link, an <img> whose
 * src holds quotes ("src="{{ "/a.gif" | url }}"") is no HTML, so their
 * quotes and words became prose. cmark parses a copy where each tag is a
 * stand-in of the same length: a tag alone on its lines is an HTML
 * declaration ("<!Xxxx>", a block of its own, left out; unlike a comment it
 * cannot end a comment around it), one inside a line a code span ("`xxxx`",
 * one opaque token, since "{{ site.name }}" stands for a word of the
 * sentence). The text between "{% raw %}", "{% highlight %}" or
 * "{% comment %}" and its end tag goes with the tags. A tag inside a code
 * span (found by pairing its paragraph's backtick runs as cmark does, and
 * also any after an odd number of backticks on its line or touching one),
 * and one holding a backtick, an angle bracket, or a bracket or a
 * parenthesis it does not close, which may pair it with one outside (a
 * code span, a link, its destination), are left as they are. */

enum { TEMPLATE_MAX = 4096 }; /* bytes a tag or a raw block may span */

static int blank_from(const char *m, size_t i, size_t len)
{
    while (i < len && (m[i] == ' ' || m[i] == '\t'))
        i++;
    return i >= len || m[i] == '\n' || m[i] == '\r';
}

/* The end of the tag opened at i ("{{" or "{%"), or 0: within
 * TEMPLATE_MAX bytes, not past a blank line. */
static size_t template_end(const char *m, size_t i, size_t len)
{
    char close = m[i + 1] == '{' ? '}' : '%';
    size_t stop = len - i > TEMPLATE_MAX ? i + TEMPLATE_MAX : len;
    for (size_t k = i + 2; k + 1 < stop; k++) {
        if (m[k] == close && m[k + 1] == '}')
            return k + 2;
        if (m[k] == '\n' && blank_from(m, k + 1, stop))
            return 0;
    }
    return 0;
}

/* The name of the block tag at i ("{% raw %}", "{%- highlight ruby -%}")
 * whose content is code, or NULL. */
static const char *verbatim_tag(const char *m, size_t i, size_t e)
{
    static const char *const names[] = {"raw", "highlight", "comment", NULL};
    if (m[i + 1] != '%')
        return NULL;
    size_t k = i + 2;
    while (k < e && (m[k] == '-' || m[k] == ' ' || m[k] == '\t'))
        k++;
    for (int n = 0; names[n]; n++) {
        size_t l = strlen(names[n]);
        if (e - k > l && memcmp(m + k, names[n], l) == 0 && !is_alnum((unsigned char)m[k + l]))
            return names[n];
    }
    return NULL;
}

/* The end of "{% endNAME %}" after at, or 0. */
static size_t verbatim_end(const char *m, size_t at, size_t len, const char *name)
{
    size_t stop = len - at > TEMPLATE_MAX ? at + TEMPLATE_MAX : len, l = strlen(name);
    for (size_t k = at; k + 1 < stop; k++) {
        if (m[k] != '{' || m[k + 1] != '%')
            continue;
        size_t q = k + 2;
        while (q < stop && (m[q] == '-' || m[q] == ' ' || m[q] == '\t'))
            q++;
        if (stop - q > 3 + l && memcmp(m + q, "end", 3) == 0 &&
            memcmp(m + q + 3, name, l) == 0 && !is_alnum((unsigned char)m[q + 3 + l]))
            return template_end(m, k, len);
    }
    return 0;
}

/* Where a paragraph's code spans are, read as the text goes: backtick
 * runs paired as cmark pairs them (an opening run and the next run of the
 * same length, not past a blank line; a backslash escapes one backtick
 * outside a span). A run with no partner is text; runs are maximal, so a
 * paragraph has at most one such run of each length. A search longer than
 * SPAN_SEARCH bytes leaves the rest of the paragraph unsure. */
enum { SPAN_SEARCH = 1 << 16 };

typedef struct spans {
    size_t done;  /* read up to here */
    int unsure;
    int unpaired; /* a run with no partner was read */
} spans;

/* The start of the next run of exactly n backticks in m[from, len) before
 * a blank line; len if none; 0 when the search gave up. */
static size_t next_run(const char *m, size_t from, size_t len, size_t n)
{
    size_t stop = len - from > SPAN_SEARCH ? from + SPAN_SEARCH : len;
    for (size_t k = from; k < stop; k++) {
        if (m[k] == '\n' && blank_from(m, k + 1, len))
            return len;
        if (m[k] != '`')
            continue;
        size_t r = k;
        while (r < len && m[r] == '`')
            r++;
        if (r - k == n)
            return k;
        k = r - 1;
    }
    return stop == len ? len : 0;
}

/* Is m[i] inside a code span of the paragraph that sp reads (i at or
 * after every position asked before)? */
static int in_code_span(spans *sp, const char *m, size_t i, size_t len)
{
    while (!sp->unsure && sp->done < i) {
        size_t k = sp->done;
        if (m[k] == '\\') {
            sp->done = k + 2;
            continue;
        }
        if (m[k] != '`') {
            sp->done = k + 1;
            continue;
        }
        size_t r = k;
        while (r < len && m[r] == '`')
            r++;
        size_t close = next_run(m, r, len, r - k);
        if (close == 0)
            sp->unsure = 1;
        else
            sp->done = close == len ? r : close + (r - k);
        sp->unpaired |= close == len;
    }
    return sp->unsure || sp->done > i;
}

static void mask_templates(char *m, size_t from, size_t len)
{
    size_t line = from, ticks = 0;
    spans sp = {from, 0, 0};
    for (size_t i = from; i + 1 < len; i++) {
        if (m[i] == '\n' || m[i] == '\r') {
            line = i + 1;
            ticks = 0;
            if (blank_from(m, line, len))
                sp = (spans){line, 0, 0};
            continue;
        }
        ticks += m[i] == '`';
        if (m[i] != '{' || (m[i + 1] != '{' && m[i + 1] != '%') || ticks % 2 ||
            (i > from && m[i - 1] == '`') || in_code_span(&sp, m, i, len))
            continue;
        size_t e = template_end(m, i, len);
        if (!e)
            continue;
        const char *name = verbatim_tag(m, i, e);
        if (name) {
            size_t v = verbatim_end(m, e, len, name);
            if (!v)
                continue;
            e = v;
        }
        int whole = blank_from(m, line, i) ? 1 : 0, lines = 0, tick = 0;
        /* Hugo's "{{< x >}}" and "{{% x %}}" */
        size_t a = i + 2, z = e - 2;
        if (z > a + 1 && m[i + 1] == '{' &&
            ((m[a] == '<' && m[z - 1] == '>') || (m[a] == '%' && m[z - 1] == '%'))) {
            a++;
            z--;
        }
        int square = 0, round = 0;
        for (size_t k = i; k < e; k++) {
            lines += m[k] == '\n' || m[k] == '\r';
            if (k < a || k >= z)
                continue;
            tick |= m[k] == '`' || m[k] == '<' || m[k] == '>';
            square += (m[k] == '[') - (m[k] == ']');
            round += (m[k] == '(') - (m[k] == ')');
            tick |= square < 0 || round < 0;
        }
        /* a backtick, angle bracket, or a bracket or parenthesis that the
         * tag does not close, may pair with one outside it: "{% x [y %}](/uri)"
         * is a link as written. Closed ones stay inside: a quotation's
         * "[of]" in a shortcode's argument. */
        if (tick || square || round)
            continue;
        whole = whole && blank_from(m, e, len);
        /* a tag over lines only at a line's start: on later lines a
         * stand-in would cover the markers of a list or block quote */
        if (lines && !whole)
            continue;
        /* After a backtick run with no partner, cmark remembers where it
         * last saw each length of run, and a code span that closes before
         * a later one makes it miss that one ('"``"{%%}o`o"`' loses the
         * span around 'o"'): a stand-in span must not be the one. */
        if (!whole && sp.unpaired)
            continue;
        /* white space stays in a declaration (a list item's later lines
         * keep their indentation); a code span has none, or a link
         * destination holding it would be no destination */
        for (size_t k = i; k < e; k++)
            if (m[k] != '\n' && m[k] != '\r' &&
                (!whole || (m[k] != ' ' && m[k] != '\t')))
                m[k] = 'x';
        if (whole) {
            m[i] = '<';
            m[i + 1] = '!';
            m[i + 2] = 'X';
            m[e - 1] = '>';
        } else {
            m[i] = '`';
            m[e - 1] = '`';
        }
        i = e - 1;
    }
}

/* ---- the prose being written ---------------------------------------- */

typedef struct out {
    mtl_sb text;
    uint32_t *map, *map_end;
    size_t map_cap, map_end_cap;
    mtl_prose *p;
    size_t block_cap, dir_cap, opaque_cap, emph_cap;
    int failed;
    int in_block, block_kind;
    size_t block_start;
    size_t last_src;      /* source end of the last byte taken from it */
} out;

/* Appends n bytes. Copied text maps byte for byte from `from`; other text
 * (a decoded character, or a separator when from == to) maps every byte to
 * the whole span [from, to). */
static void put(out *o, const char *s, size_t n, size_t from, size_t to,
                int copied)
{
    if (o->failed || !n)
        return;
    size_t pos = o->text.len;
    mtl_sb_add(&o->text, s, n);
    if (o->text.failed ||
        mtl_grow((void **)&o->map, &o->map_cap, pos + n + 1, sizeof *o->map) ||
        mtl_grow((void **)&o->map_end, &o->map_end_cap, pos + n + 1,
                 sizeof *o->map_end)) {
        o->failed = 1;
        return;
    }
    if (from == to) {
        /* a separator stands where the source has been read up to */
        if (from < o->last_src)
            from = to = o->last_src;
        o->last_src = from;
    }
    for (size_t i = 0; i < n; i++) {
        o->map[pos + i] = (uint32_t)(copied ? from + i : from);
        o->map_end[pos + i] = (uint32_t)(copied ? from + i + 1 : to);
    }
    if (to > from)
        o->last_src = to;
}

static void put_sep(out *o, const char *s, size_t at)
{
    put(o, s, strlen(s), at, at, 0);
}

static void put_copy(out *o, const source *s, size_t at, size_t to)
{
    put(o, s->src + at, to - at, at, to, 1);
}

static void block_close(out *o)
{
    if (!o->in_block)
        return;
    o->in_block = 0;
    size_t a = o->block_start, e = o->text.len;
    const char *t = o->text.data;
    while (a < e && (t[a] == ' ' || t[a] == '\t' || t[a] == '\n'))
        a++;
    while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n'))
        e--;
    if (e > a) {
        mtl_block b = {.start = (uint32_t)a, .end = (uint32_t)e,
                       .kind = (uint8_t)o->block_kind};
        if (MTL_PUSH(o->p->blocks, o->p->n_blocks, o->block_cap, b) != 0)
            o->failed = 1;
    }
}

static void block_open(out *o, int kind)
{
    if (o->in_block) {
        /* a block with nothing but white space yet: start it again here */
        size_t i = o->block_start;
        while (i < o->text.len && (o->text.data[i] == ' ' ||
                                   o->text.data[i] == '\t' ||
                                   o->text.data[i] == '\n'))
            i++;
        if (i == o->text.len) {
            o->text.len = o->block_start;
            if (o->text.data)
                o->text.data[o->text.len] = '\0';
            o->block_kind = kind;
            return;
        }
    }
    block_close(o);
    if (o->text.len)
        put_sep(o, "\n\n", o->last_src);
    o->in_block = 1;
    o->block_kind = kind;
    o->block_start = o->text.len;
}

/* Source bytes kept whole as one token that rules pass over. */
static void put_opaque(out *o, const source *s, size_t at, size_t to)
{
    if (to <= at)
        return;
    mtl_span sp = {(uint32_t)o->text.len, (uint32_t)(o->text.len + (to - at))};
    put_copy(o, s, at, to);
    if (!o->failed && MTL_PUSH(o->p->opaque, o->p->n_opaque, o->opaque_cap, sp))
        o->failed = 1;
}

/* ---- mtlint comments ---------------------------------------------------- */

/* Parses one comment, c[0, n) from "<!--" (to "-->" or the end), at source
 * offset at: "<!-- mtlint-disable a b -->" and friends. */
static void directive(out *o, const char *c, size_t n, size_t at)
{
    static const struct {
        const char *word;
        int kind;
    } kinds[] = {{"mtlint-disable-next-line", MTL_DIR_DISABLE_NEXT_LINE},
                 {"mtlint-disable", MTL_DIR_DISABLE},
                 {"mtlint-enable", MTL_DIR_ENABLE}};
    if (n < 4 || memcmp(c, "<!--", 4) != 0)
        return;
    size_t i = 4;
    while (i < n && (c[i] == ' ' || c[i] == '\t' || c[i] == '\n' || c[i] == '\r'))
        i++;
    int kind = -1;
    for (size_t k = 0; k < 3; k++) {
        size_t w = strlen(kinds[k].word);
        if (n - i > w && memcmp(c + i, kinds[k].word, w) == 0 && c[i + w] &&
            strchr(" \t-\n\r", c[i + w])) {
            kind = kinds[k].kind;
            i += w;
            break;
        }
    }
    if (kind < 0)
        return;
    size_t e = n >= 3 && memcmp(c + n - 3, "-->", 3) == 0 ? n - 3 : n;
    if (e < i)
        e = i;
    mtl_directive d = {.kind = kind, .offset = (uint32_t)at,
                       .end = (uint32_t)(at + n)};
    d.rules = malloc(e - i + 1);
    if (!d.rules) {
        o->failed = 1;
        return;
    }
    /* rule ids separated by spaces or commas, stored space-separated */
    size_t k = 0;
    for (size_t j = i; j < e; j++) {
        char ch = c[j];
        if (ch == ',' || ch == '\t' || ch == '\n' || ch == '\r')
            ch = ' ';
        if (ch == ' ' && (k == 0 || d.rules[k - 1] == ' '))
            continue;
        d.rules[k++] = ch;
    }
    while (k && d.rules[k - 1] == ' ')
        k--;
    d.rules[k] = '\0';
    if (MTL_PUSH(o->p->directives, o->p->n_directives, o->dir_cap, d) != 0) {
        free(d.rules);
        o->failed = 1;
    }
}

/* Offset of the first `w` (n bytes) in m[a, e), or e. */
static size_t find_in(const char *m, size_t a, size_t e, const char *w, size_t n)
{
    for (size_t i = a; i + n <= e; i++)
        if (m[i] == w[0] && memcmp(m + i, w, n) == 0)
            return i;
    return e;
}

/* Every comment in the source bytes [a, e) of an HTML block. */
static void block_directives(out *o, const source *s, size_t a, size_t e)
{
    while (a + 4 <= e) {
        size_t at = find_in(s->m, a, e, "<!--", 4);
        if (at >= e)
            return;
        size_t z = find_in(s->m, at + 4, e, "-->", 3);
        size_t end = z < e ? z + 3 : e;
        directive(o, s->m + at, end - at, at);
        a = end;
    }
}

/* ---- placing inline nodes --------------------------------------------- */

/* A stretch of a text node's literal and the source it came from: copied
 * as is, or one character cmark decoded from a backslash escape or an
 * entity. */
typedef struct piece {
    size_t lit, n;        /* bytes of the literal */
    size_t at, to;        /* bytes of the source */
    int copied;
} piece;

typedef struct para {
    out *o;
    const source *s;
    size_t cursor, end;   /* the block's source not matched yet */
    int depth;            /* block quotes around the block */
    int kind;             /* block kind of its prose outside a table */
    size_t table_line;    /* line of a table's header row, or SIZE_MAX */
    int in_table;
    int image;            /* images open: their alt text is passed over */
    size_t emph_open[MAX_EMPH_OPEN]; /* prose length where each open
                                        emphasis began */
    size_t n_emph_open;   /* open emphases (more than MAX_EMPH_OPEN: not
                             recorded) */
    size_t image_start;   /* source start of the outermost one, or SIZE_MAX */
    size_t link_end;      /* prose length after the last link, or SIZE_MAX */
    piece *pieces;        /* how the last text node matched */
    size_t n_pieces, pieces_cap;
    int failed;
    /* cmark's columns on the source line of the last node placed: column c
     * of cmark's line anchor_line is source offset anchor_base + c - 1 */
    int anchored, anchor_line;
    long long anchor_base;
    size_t anchor_src_line;
} para;

/* Past the line break at or after p, to where the next line's text
 * starts. */
static size_t next_line_text(const para *pa, size_t p)
{
    const char *m = pa->s->m;
    while (p < pa->end && m[p] != '\n' && m[p] != '\r')
        p++;
    if (p >= pa->end)
        return pa->end;
    p += m[p] == '\r' && p + 1 < pa->s->len && m[p + 1] == '\n' ? 2 : 1;
    if (p >= pa->end)
        return pa->end;
    size_t q = content_start(pa->s, line_at(pa->s, p), pa->depth, 0);
    return q < p ? p : q < pa->end ? q : pa->end;
}

static size_t step(const para *pa, size_t p)
{
    char c = pa->s->m[p];
    return c == '\n' || c == '\r' ? next_line_text(pa, p) : p + 1;
}

/* End of an entity or numeric character reference at p ("&amp;", "&#35;",
 * "&#x22;"), or 0. The names are cmark's to check; the shape is enough to
 * find where its decoded character came from. */
static size_t entity_end(const para *pa, size_t p)
{
    const char *m = pa->s->m;
    size_t end = pa->end, q = p + 1, d;
    if (p >= end || m[p] != '&')
        return 0;
    if (q < end && m[q] == '#') {
        q++;
        int hex = q < end && (m[q] == 'x' || m[q] == 'X');
        q += (size_t)hex;
        for (d = q; q < end && q - d < 8 &&
                    (hex ? is_hex((unsigned char)m[q])
                         : is_digit((unsigned char)m[q]));
             q++)
            ;
    } else {
        for (d = q; q < end && q - d < 32 && is_alnum((unsigned char)m[q]); q++)
            ;
    }
    return q > d && q < end && m[q] == ';' ? q + 1 : 0;
}

static void add_piece(para *pa, size_t lit, size_t n, size_t at, size_t to,
                      int copied)
{
    if (copied && pa->n_pieces && pa->pieces[pa->n_pieces - 1].copied &&
        pa->pieces[pa->n_pieces - 1].to == at) {
        pa->pieces[pa->n_pieces - 1].n += n;
        pa->pieces[pa->n_pieces - 1].to = to;
        return;
    }
    piece pc = {lit, n, at, to, copied};
    if (MTL_PUSH(pa->pieces, pa->n_pieces, pa->pieces_cap, pc) != 0)
        pa->failed = 1;
}

/* Bytes of the first k code points of s[0, n), or 0 if there are fewer. */
static size_t code_points(const char *s, size_t n, int k)
{
    size_t i = 0;
    for (; k > 0 && i < n; k--) {
        uint32_t c;
        i += mtl_utf8_next(s, n, i, &c);
    }
    return k ? 0 : i;
}

/* Could the source at q give the literal byte ch next? */
static int next_gives(const para *pa, char ch, size_t q)
{
    const char *m = pa->s->m;
    if (q >= pa->end || m[q] == '\n' || m[q] == '\r')
        return 0;
    if (m[q] == '\\' && q + 1 < pa->end && is_ascii_punct((unsigned char)m[q + 1]))
        return ch == m[q + 1];
    return m[q] == '&' || m[q] == ch;
}

/*
 * A text node at p: returns the end of its source, or 0 if it is not
 * there; pa->pieces say where each part of the literal came from. cmark
 * joins adjacent text, so one literal mixes text as is with what it
 * decoded: a backslash before ASCII punctuation is always an escape; an
 * entity ("&amp;", "&#35;", "&#x22;") becomes one character, or two for a
 * few named ones, unless cmark does not know the name and keeps it as is.
 * Which it was is read from the literal: the choice whose next byte the
 * source can give.
 */
static size_t match_text(para *pa, const char *lit, size_t n, size_t p)
{
    const char *m = pa->s->m;
    size_t i = 0, q = p;
    pa->n_pieces = 0;
    while (i < n) {
        if (q >= pa->end || m[q] == '\n' || m[q] == '\r')
            return 0;
        if (m[q] == '\\' && q + 1 < pa->end &&
            is_ascii_punct((unsigned char)m[q + 1])) {
            if (lit[i] != m[q + 1])
                return 0;
            add_piece(pa, i, 1, q, q + 2, 0);
            i++;
            q += 2;
            continue;
        }
        size_t e = m[q] == '&' ? entity_end(pa, q) : 0;
        if (e) {
            size_t d = 0;
            for (int k = 1; k <= 2 && !d; k++) {
                size_t b = code_points(lit + i, n - i, k);
                if (b && (i + b == n || next_gives(pa, lit[i + b], e)))
                    d = b;
            }
            if (d) {
                add_piece(pa, i, d, q, e, 0);
                i += d;
                q = e;
                continue;
            }
        }
        if (lit[i] != m[q])
            return 0;
        add_piece(pa, i, 1, q, q + 1, 1);
        i++;
        q++;
    }
    return pa->failed ? 0 : q;
}

/* A code span at p: its opening backtick run and the next run as long. */
static size_t match_code(const para *pa, size_t p)
{
    const char *m = pa->s->m;
    if (m[p] != '`' || (p > pa->cursor && m[p - 1] == '`'))
        return 0;
    size_t q = p;
    while (q < pa->end && m[q] == '`')
        q++;
    size_t k = q - p;
    while (q < pa->end) {
        if (m[q] != '`') {
            q++;
            continue;
        }
        size_t r = q;
        while (r < pa->end && m[r] == '`')
            r++;
        if (r - q == k)
            return r;
        q = r;
    }
    return 0;
}

/* The next character of a code span's content from *i (before z), as
 * cmark reads it: a line ending is a space, and a continuation line's
 * container prefixes are no content. Returns 0 at the end. */
static int code_char(const para *pa, size_t *i, size_t z, char *c)
{
    const char *m = pa->s->m;
    if (*i >= z)
        return 0;
    if (m[*i] == '\r' || m[*i] == '\n') {
        size_t q = *i + (m[*i] == '\r' && *i + 1 < z && m[*i + 1] == '\n' ? 2 : 1);
        /* a paragraph line starts after its white space, too */
        *i = q < z ? content_start(pa->s, line_at(pa->s, q), pa->depth, 1) : q;
        if (*i < q)
            *i = q;
        *c = ' ';
        return 1;
    }
    *c = m[(*i)++];
    return 1;
}

/* Does the code span at [p, e) hold the text cmark gives for it, lit:
 * line endings read as spaces, and one space stripped from each end when
 * both ends have one and the rest is not all spaces? Where a column of
 * cmark's is off (after an emphasis closed inside a run of '*': "*r**
 * `#`?`?`"), the span predicted there can be the next one. */
static int code_gives(const para *pa, size_t p, size_t e, const char *lit)
{
    const char *m = pa->s->m;
    size_t a = p, z = e;
    while (a < z && m[a] == '`')
        a++;
    while (z > a && m[z - 1] == '`')
        z--;
    size_t n = 0, i = a;
    char c, first = 0, last = 0;
    int all_space = 1;
    while (code_char(pa, &i, z, &c)) {
        if (!n)
            first = c;
        last = c;
        all_space &= c == ' ';
        n++;
    }
    int strip = n >= 2 && !all_space && first == ' ' && last == ' ';
    size_t k = 0, want = strlen(lit);
    if (n - 2 * (size_t)strip != want)
        return 0;
    i = a;
    for (size_t j = 0; code_char(pa, &i, z, &c); j++) {
        if (strip && (j == 0 || j == n - 1))
            continue;
        if (lit[k++] != c)
            return 0;
    }
    return 1;
}

/* Raw HTML at p: its first line as is, each further line within the next
 * line of the source (which has the container prefixes cmark took off). */
static size_t match_html(const para *pa, const char *lit, size_t p)
{
    const char *m = pa->s->m;
    size_t n = strlen(lit), i = strcspn(lit, "\r\n");
    if (i > pa->end - p || memcmp(m + p, lit, i) != 0)
        return 0;
    size_t q = p + i;
    while (i < n) {
        i += lit[i] == '\r' && lit[i + 1] == '\n' ? 2 : 1;
        size_t seg = strcspn(lit + i, "\r\n");
        while (q < pa->end && m[q] != '\n' && m[q] != '\r')
            q++;
        if (q >= pa->end)
            return 0;
        q += m[q] == '\r' && q + 1 < pa->end && m[q + 1] == '\n' ? 2 : 1;
        size_t stop = line_stop(pa->s, line_at(pa->s, q)), f = q;
        while (f + seg <= stop && memcmp(m + f, lit + i, seg) != 0)
            f++;
        if (f + seg > stop)
            return 0;
        q = f + seg;
        i += seg;
    }
    return q;
}

/* What a node starts with in the source, for the search. */
enum { FIND_OPEN_BRACKET, FIND_AUTOLINK, FIND_IMAGE, FIND_CLOSE_BRACKET, FIND_NODE };

/*
 * Where cmark's column puts node n, when it is on the line of the last node
 * placed: within one line, cmark's columns differ as the source offsets do
 * (what goes wrong is where a line starts). This settles what a search
 * cannot: which "*" of "*_*_*" a text node "_" or an emphasis is.
 */
static int predict(const para *pa, cmark_node *n, size_t *q)
{
    if (!pa->anchored || cmark_node_get_start_line(n) != pa->anchor_line ||
        cmark_node_get_start_column(n) < 1)
        return 0;
    long long at = pa->anchor_base + cmark_node_get_start_column(n) - 1;
    if (at < (long long)pa->cursor || at >= (long long)pa->end)
        return 0;
    size_t p = (size_t)at;
    if (line_at(pa->s, p) != pa->anchor_src_line ||
        line_at(pa->s, pa->cursor) != pa->anchor_src_line)
        return 0;
    /* a code span's column is that of its text, after the backticks */
    if (cmark_node_get_type(n) == CMARK_NODE_CODE)
        while (p > pa->cursor && pa->s->m[p - 1] == '`')
            p--;
    *q = p;
    return 1;
}

/* Node n was placed at [at, to): its line and column anchor the next. */
static void anchor(para *pa, cmark_node *n, size_t at, size_t to)
{
    const char *m = pa->s->m;
    pa->anchored = 0;
    for (size_t i = at; i < to; i++)
        if (m[i] == '\n' || m[i] == '\r')
            return; /* cmark's columns start again after it */
    size_t col_at = at;
    if (cmark_node_get_type(n) == CMARK_NODE_CODE)
        while (col_at < to && m[col_at] == '`')
            col_at++;
    if (cmark_node_get_start_column(n) < 1)
        return;
    pa->anchored = 1;
    pa->anchor_line = cmark_node_get_start_line(n);
    pa->anchor_base = (long long)col_at - (cmark_node_get_start_column(n) - 1);
    pa->anchor_src_line = line_at(pa->s, at);
}

/* The end of node n (or of the bracket `what` names) if it starts at p,
 * else 0. */
static size_t match_at(para *pa, cmark_node *n, int what, size_t p)
{
    const char *m = pa->s->m;
    switch (what) {
    case FIND_OPEN_BRACKET:
        return m[p] == '[' || m[p] == '<' ? p + 1 : 0;
    case FIND_AUTOLINK: { /* "<" and the link's text as written */
        cmark_node *t = cmark_node_first_child(n);
        const char *lit = t ? cmark_node_get_literal(t) : NULL;
        size_t k = lit ? strlen(lit) : 0;
        return m[p] == '<' && k && k < pa->end - p && !memcmp(m + p + 1, lit, k)
                   ? p + 1
                   : 0;
    }
    case FIND_IMAGE:
        return m[p] == '!' && p + 1 < pa->end && m[p + 1] == '[' ? p + 2 : 0;
    case FIND_CLOSE_BRACKET:
        return m[p] == ']' ? p + 1 : 0;
    default:
        break;
    }
    const char *lit = cmark_node_get_literal(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
        return lit && *lit ? match_text(pa, lit, strlen(lit), p) : 0;
    case CMARK_NODE_CODE: {
        size_t e = match_code(pa, p);
        return e && code_gives(pa, p, e, lit ? lit : "") ? e : 0;
    }
    case CMARK_NODE_HTML_INLINE:
        return lit && *lit ? match_html(pa, lit, p) : 0;
    default:
        return 0;
    }
}

/* Finds node n (or, for links and images, the bracket `what` names): where
 * cmark's column says if it is there, else the first place from the cursor
 * on. *at and *to get its source span. Returns 0 if it is not within
 * reach. */
static int locate(para *pa, cmark_node *n, int what, size_t *at, size_t *to)
{
    size_t p, e;
    if (n && predict(pa, n, &p) && (e = match_at(pa, n, what, p)) != 0) {
        *at = p;
        *to = e;
        return 1;
    }
    p = pa->cursor;
    for (size_t tries = 0; p < pa->end && tries < SEARCH_WINDOW; tries++) {
        if ((e = match_at(pa, n, what, p)) != 0) {
            *at = p;
            *to = e;
            return 1;
        }
        p = step(pa, p);
    }
    return 0;
}

/* White space, and line breaks with the next line's prefixes. */
static size_t skip_space(const para *pa, size_t q)
{
    const char *m = pa->s->m;
    while (q < pa->end) {
        char c = m[q];
        if (c == ' ' || c == '\t' || c == '\v' || c == '\f')
            q++;
        else if (c == '\n' || c == '\r')
            q = next_line_text(pa, q);
        else
            break;
    }
    return q;
}

/* "(destination "title")" after a link's text, from q just past "(":
 * returns the end of the ")" or 0 if this is not one. */
static size_t inline_tail(const para *pa, size_t q)
{
    const char *m = pa->s->m;
    size_t end = pa->end;
    q = skip_space(pa, q);
    if (q < end && m[q] == '<') {
        for (q++; q < end && m[q] != '>'; q++) {
            if (m[q] == '\n' || m[q] == '\r' || m[q] == '<')
                return 0;
            if (m[q] == '\\' && q + 1 < end)
                q++;
        }
        if (q >= end)
            return 0;
        q++;
    } else {
        int depth = 0;
        while (q < end) {
            unsigned char c = (unsigned char)m[q];
            if (c == '\\' && q + 1 < end && is_ascii_punct((unsigned char)m[q + 1])) {
                q += 2;
                continue;
            }
            /* cmark ends a destination at white space only: control
             * characters are part of it */
            if (c == ' ' || (c >= '\t' && c <= '\r') || (c == ')' && depth == 0))
                break;
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth > 32) /* cmark's limit on nested brackets */
                return 0;
            q++;
        }
    }
    q = skip_space(pa, q);
    if (q < end && (m[q] == '"' || m[q] == '\'' || m[q] == '(')) {
        char close = m[q] == '(' ? ')' : m[q];
        for (q++; q < end && m[q] != close; q++)
            if (m[q] == '\\' && q + 1 < end)
                q++;
        if (q >= end)
            return 0;
        q = skip_space(pa, q + 1);
    }
    return q < end && m[q] == ')' ? q + 1 : 0;
}

/* The rest of a link or image after the "]" of its text (q just past it):
 * an inline destination and title, or a reference label; a shortcut
 * reference has nothing more. */
static size_t link_tail(const para *pa, size_t q)
{
    const char *m = pa->s->m;
    if (q < pa->end && m[q] == '(') {
        size_t r = inline_tail(pa, q + 1);
        if (r)
            return r;
    }
    if (q < pa->end && m[q] == '[') {
        /* a label: at most 999 characters, no unescaped brackets */
        for (size_t r = q + 1; r < pa->end && r - q <= 1000; r++) {
            if (m[r] == '\\') {
                r++;
                continue;
            }
            if (m[r] == '[')
                break;
            if (m[r] == ']')
                return r + 1;
        }
    }
    return q;
}

/* ---- writing a paragraph or heading ------------------------------------ */

static int line_breaks_in(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n' || (*s == '\r' && s[1] != '\n');
    return n;
}

/* Tags that end a line or a block where a browser shows them: between two
 * words they separate them. */
static int breaks_text(const char *tag)
{
    static const char *const names[] = {
        "br", "hr", "p", "div", "li", "ul", "ol", "dd", "dt", "dl", "tr",
        "td", "th", "table", "thead", "tbody", "tfoot", "caption", "h1", "h2",
        "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article",
        "header", "footer", "nav", "aside", "details", "summary", "figure",
        "figcaption", NULL};
    if (tag[0] != '<')
        return 0;
    const char *p = tag + 1 + (tag[1] == '/');
    size_t k = 0;
    while (is_alnum((unsigned char)p[k]))
        k++;
    if (!k || !(p[k] == '>' || p[k] == '/' || p[k] == ' ' || p[k] == '\t' ||
                p[k] == '\n' || p[k] == '\r'))
        return 0;
    for (size_t i = 0; names[i]; i++)
        if (strlen(names[i]) == k && strncasecmp(p, names[i], k) == 0)
            return 1;
    return 0;
}

/* Cells of a table row on a line: its unescaped "|" split it, a leading
 * and a trailing one only close it. With delim set, 0 unless the row has a
 * "|" and every cell is a delimiter (":--", "---:", ...). */
static size_t row_cells(const para *pa, size_t line, int delim)
{
    const char *m = pa->s->m;
    size_t i = content_start(pa->s, line, pa->depth, 1);
    size_t e = line_stop(pa->s, line);
    while (e > i && (m[e - 1] == ' ' || m[e - 1] == '\t'))
        e--;
    size_t cells = 0, pipes = 0;
    int content = 0, dashes = 0, bad = 0;
    if (i < e && m[i] == '|') {
        pipes++;
        i++;
    }
    for (; i < e; i++) {
        char c = m[i];
        if (c == '|') {
            pipes++;
            cells++;
            bad |= delim && !dashes;
            content = dashes = 0;
        } else if (c != ' ' && c != '\t') {
            content = 1;
            dashes |= c == '-';
            bad |= delim && c != '-' && c != ':';
            if (c == '\\' && i + 1 < e)
                i++;
        }
    }
    if (content) {
        cells++;
        bad |= delim && !dashes;
    }
    return delim && (bad || !pipes) ? 0 : cells;
}

/* The line of the header row of a GitHub table among the block's lines
 * [first, last], or SIZE_MAX: a row followed by a delimiter row with as
 * many cells. A table that follows prose in the same paragraph takes the
 * line before its delimiter row as its header, as GitHub's parser does. */
static size_t find_table(const para *pa, size_t first, size_t last)
{
    for (size_t l = first; l < last; l++) {
        size_t d = row_cells(pa, l + 1, 1);
        if (d && row_cells(pa, l, 0) == d)
            return l;
    }
    return SIZE_MAX;
}

/* Does node n start at c? Used to find where a paragraph's inline text
 * starts when link reference definitions came first. */
static int starts_at(para *pa, cmark_node *n, size_t c)
{
    const char *m = pa->s->m;
    if (!n || c >= pa->end)
        return 0;
    const char *lit = cmark_node_get_literal(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
        return lit && *lit && match_text(pa, lit, strlen(lit), c);
    case CMARK_NODE_CODE:
        return m[c] == '`';
    case CMARK_NODE_HTML_INLINE:
        return lit && match_html(pa, lit, c);
    case CMARK_NODE_LINK:
        return m[c] == '[' || m[c] == '<';
    case CMARK_NODE_IMAGE:
        return m[c] == '!';
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
        return m[c] == '*' || m[c] == '_';
    default:
        return 0;
    }
}

/* Lines of link reference definitions that start the block: cmark takes
 * them out of the paragraph's text but keeps its start line. They are the
 * block's line breaks that its inline nodes do not account for (an
 * overcount when a link title spans lines, so each guess is checked). */
static size_t reference_lines(para *pa, cmark_node *blk, size_t first,
                              size_t last, size_t start)
{
    if (start >= pa->end || pa->s->m[start] != '[')
        return 0;
    size_t breaks = 0;
    cmark_iter *it = cmark_iter_new(blk);
    if (!it)
        return 0;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            breaks++;
            break;
        case CMARK_NODE_CODE: {
            int a = cmark_node_get_start_line(n), b = cmark_node_get_end_line(n);
            breaks += b > a ? (size_t)(b - a) : 0;
            break;
        }
        case CMARK_NODE_HTML_INLINE: {
            const char *lit = cmark_node_get_literal(n);
            breaks += lit ? (size_t)line_breaks_in(lit) : 0;
            break;
        }
        default:
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node *head = cmark_node_first_child(blk);
    for (size_t k = last - first > breaks ? last - first - breaks : 0; k > 0; k--)
        if (starts_at(pa, head, content_start(pa->s, first + k, pa->depth, 1)) ||
            starts_at(pa, head, content_start(pa->s, first + k, pa->depth, 0)))
            return k;
    return 0;
}

static void cell_break(para *pa)
{
    block_open(pa->o, MTL_BLOCK_TABLE_CELL);
    pa->link_end = SIZE_MAX;
}

/* Is the node at source offset at inside the table: its delimiter row
 * (skip it) or a row (write it cell by cell)? */
static int table_row(para *pa, size_t at)
{
    if (pa->table_line == SIZE_MAX)
        return 1;
    size_t line = line_at(pa->s, at);
    if (line < pa->table_line)
        return 1;
    if (!pa->in_table) {
        pa->in_table = 1;
        cell_break(pa);
    }
    return line != pa->table_line + 1;
}

static void text_node(para *pa, cmark_node *n)
{
    out *o = pa->o;
    const source *s = pa->s;
    const char *lit = cmark_node_get_literal(n);
    size_t at, to;
    if (!lit || !*lit)
        return;
    if (!locate(pa, n, FIND_NODE, &at, &to)) {
        o->p->n_unplaced++;
        if (!pa->image)
            put_sep(o, " ", o->last_src); /* keeps its neighbours apart */
        return;
    }
    pa->cursor = to;
    anchor(pa, n, at, to);
    if (pa->image || !table_row(pa, at))
        return;
    for (size_t k = 0; k < pa->n_pieces; k++) {
        const piece *pc = &pa->pieces[k];
        if (!pc->copied) {
            put(o, lit + pc->lit, pc->n, pc->at, pc->to, 0);
            continue;
        }
        size_t a = pc->at;
        for (size_t i = pc->at; pa->in_table && i < pc->to; i++) {
            if (s->m[i] != '|')
                continue;
            put_copy(o, s, a, i);
            cell_break(pa);
            a = i + 1;
        }
        put_copy(o, s, a, pc->to);
    }
}

static void code_or_html(para *pa, cmark_node *n)
{
    out *o = pa->o;
    size_t at, to;
    if (!locate(pa, n, FIND_NODE, &at, &to)) {
        o->p->n_unplaced++;
        return;
    }
    pa->cursor = to;
    anchor(pa, n, at, to);
    if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) {
        directive(o, pa->s->m + at, to - at, at);
        if (!pa->image && table_row(pa, at) &&
            breaks_text(cmark_node_get_literal(n)))
            put_sep(o, "\n", at);
        return;
    }
    if (!pa->image && table_row(pa, at))
        put_opaque(o, pa->s, at, to);
}

static void line_break(para *pa)
{
    pa->cursor = next_line_text(pa, pa->cursor);
    if (pa->image)
        return;
    if (pa->in_table)
        cell_break(pa);
    else
        put_sep(pa->o, "\n", pa->o->last_src);
}

/* A link's opening bracket; an autolink ("<https://...>") is written
 * whole, as one opaque token, and its text node passed over. Returns 1 for
 * an autolink. */
/* Could link n be an autolink: one text child that is its destination
 * (less "mailto:")? "[http://x.org](http://x.org)" could be too. */
static int autolink_shaped(cmark_node *n)
{
    cmark_node *t = cmark_node_first_child(n);
    const char *url = cmark_node_get_url(n);
    const char *lit = t ? cmark_node_get_literal(t) : NULL;
    if (!t || cmark_node_next(t) || cmark_node_get_type(t) != CMARK_NODE_TEXT ||
        !lit || !url)
        return 0;
    return !strcmp(url, lit) ||
           (!strncmp(url, "mailto:", 7) && !strcmp(url + 7, lit));
}

static int link_enter(para *pa, cmark_node *n)
{
    out *o = pa->o;
    size_t at, to;
    /* cmark can give an autolink the columns of what follows it
     * ("<http:/x>[`]"): "<" and its text are looked for first */
    int found = autolink_shaped(n) && locate(pa, n, FIND_AUTOLINK, &at, &to);
    if (!found && !locate(pa, n, FIND_OPEN_BRACKET, &at, &to)) {
        o->p->n_unplaced++;
        return 0;
    }
    pa->cursor = to;
    const char *m = pa->s->m;
    if (m[at] == '<') {
        size_t e = to;
        while (e < pa->end && m[e] != '>' && m[e] != '\n' && m[e] != '\r')
            e++;
        if (e < pa->end && m[e] == '>') {
            pa->cursor = e + 1;
            if (!pa->image && table_row(pa, at))
                put_opaque(o, pa->s, to, e);
        }
        return 1;
    }
    if (pa->image || !table_row(pa, at))
        return 0;
    /* a link right after a link, with only white space between: a list of
     * links, each its own block */
    if (pa->link_end != SIZE_MAX && o->in_block) {
        size_t i = pa->link_end;
        while (i < o->text.len && (o->text.data[i] == ' ' ||
                                   o->text.data[i] == '\t' ||
                                   o->text.data[i] == '\n'))
            i++;
        if (i == o->text.len)
            block_open(o, o->block_kind);
    }
    return 0;
}

/* The "]" that closes a link's or image's text, and what follows it. */
static size_t link_exit(para *pa)
{
    size_t at, to;
    if (!locate(pa, NULL, FIND_CLOSE_BRACKET, &at, &to)) {
        pa->o->p->n_unplaced++;
        return SIZE_MAX;
    }
    pa->cursor = link_tail(pa, to);
    return pa->cursor;
}

static void image_enter(para *pa, cmark_node *n)
{
    size_t at, to;
    if (!locate(pa, n, FIND_IMAGE, &at, &to)) {
        pa->o->p->n_unplaced++;
        at = SIZE_MAX;
    } else {
        pa->cursor = to;
    }
    if (!pa->image++)
        pa->image_start = at;
}

static void image_exit(para *pa)
{
    size_t end = link_exit(pa);
    if (--pa->image || pa->image_start == SIZE_MAX || end == SIZE_MAX)
        return;
    if (table_row(pa, pa->image_start))
        put_opaque(pa->o, pa->s, pa->image_start, end);
}

/* An emphasis where cmark's column says: past its opening run (the run's
 * first characters may be a text node of their own, then already placed,
 * and the column not ahead of the cursor). */
static void emphasis(para *pa, cmark_node *n)
{
    size_t q;
    const char *m = pa->s->m;
    if (!predict(pa, n, &q) || (m[q] != '*' && m[q] != '_'))
        return;
    char c = m[q];
    while (q < pa->end && m[q] == c)
        q++;
    pa->cursor = q;
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

/* Writes the prose of a paragraph or heading. */
/* The 0-based line where the block after blk starts (in document order,
 * whatever its container), or SIZE_MAX. */
static size_t next_block_line(cmark_node *blk)
{
    for (cmark_node *n = blk; n; n = cmark_node_parent(n)) {
        cmark_node *next = cmark_node_next(n);
        if (next && cmark_node_get_start_line(next) >= 1)
            return (size_t)cmark_node_get_start_line(next) - 1;
    }
    return SIZE_MAX;
}

/* The underline of setext heading blk, whose text starts on line `first`:
 * the last line up to `last`, before the next block, that is a run of '='
 * or of '-' between white space. */
static size_t setext_underline(const source *s, cmark_node *blk, size_t first,
                               size_t last, int depth)
{
    size_t next = next_block_line(blk);
    if (next != SIZE_MAX && next <= last)
        last = next - 1;
    for (size_t k = last < s->n_lines ? last : s->n_lines - 1; k > first; k--) {
        size_t p = content_start(s, k, depth, 1), e = line_stop(s, k);
        if (p >= e || (s->m[p] != '=' && s->m[p] != '-'))
            continue;
        char c = s->m[p];
        while (p < e && s->m[p] == c)
            p++;
        while (p < e && (s->m[p] == ' ' || s->m[p] == '\t'))
            p++;
        if (p == e)
            return k;
    }
    return SIZE_MAX;
}

static void inline_block(out *o, const source *s, cmark_node *blk)
{
    int sl = cmark_node_get_start_line(blk), el = cmark_node_get_end_line(blk);
    if (sl < 1 || (size_t)sl > s->n_lines)
        return;
    size_t first = (size_t)sl - 1;
    size_t last = el >= sl && (size_t)el <= s->n_lines ? (size_t)el - 1 : first;
    para pa = {.o = o, .s = s, .kind = block_kind(blk),
               .table_line = SIZE_MAX, .image_start = SIZE_MAX,
               .link_end = SIZE_MAX};
    for (cmark_node *p = cmark_node_parent(blk); p; p = cmark_node_parent(p))
        pa.depth += cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE;
    /* An ATX heading is one line; a setext heading's text ends before its
     * underline. cmark's end of a setext heading is not its underline but
     * where the next line starts ("x\n=\ny" ends at 3:1, "x\n=\n\n" at
     * 3:0), so the underline is looked for. */
    int atx = 0;
    if (cmark_node_get_type(blk) == CMARK_NODE_HEADING) {
        size_t u = setext_underline(s, blk, first, last, pa.depth);
        if (u != SIZE_MAX) {
            last = u - 1;
        } else {
            last = first;
            atx = 1;
        }
    }
    pa.end = line_stop(s, last);
    size_t start = offset_of(s, sl, cmark_node_get_start_column(blk));
    if (start > pa.end)
        start = pa.end;
    if (atx) {
        while (start < pa.end && s->m[start] == '#')
            start++;
        while (start < pa.end && (s->m[start] == ' ' || s->m[start] == '\t'))
            start++;
    }
    pa.cursor = start;
    size_t refs = reference_lines(&pa, blk, first, last, start);
    if (refs) {
        first += refs;
        pa.cursor = content_start(s, first, pa.depth, 0);
    } else {
        /* on its first line, cmark's columns are the source's */
        pa.anchored = 1;
        pa.anchor_line = sl;
        pa.anchor_base = (long long)offset_of(s, sl, 1);
        pa.anchor_src_line = first;
    }
    if (cmark_node_get_type(blk) == CMARK_NODE_PARAGRAPH)
        pa.table_line = find_table(&pa, first, last);
    block_open(o, pa.kind);

    cmark_iter *it = cmark_iter_new(blk);
    if (!it) {
        free(pa.pieces);
        o->failed = 1;
        return;
    }
    cmark_event_type ev;
    while (!o->failed && !pa.failed &&
           (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        int enter = ev == CMARK_EVENT_ENTER;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
            text_node(&pa, n);
            break;
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            code_or_html(&pa, n);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            line_break(&pa);
            break;
        case CMARK_NODE_LINK:
            if (enter && link_enter(&pa, n)) {
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            } else if (!enter) {
                link_exit(&pa);
                if (!pa.image)
                    pa.link_end = o->text.len;
            }
            break;
        case CMARK_NODE_IMAGE:
            if (enter)
                image_enter(&pa, n);
            else
                image_exit(&pa);
            break;
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
            if (enter) {
                emphasis(&pa, n);
                if (pa.n_emph_open < MAX_EMPH_OPEN)
                    pa.emph_open[pa.n_emph_open] = o->text.len;
                pa.n_emph_open++;
            } else if (pa.n_emph_open && pa.n_emph_open-- <= MAX_EMPH_OPEN &&
                       !pa.image) {
                mtl_span sp = {(uint32_t)pa.emph_open[pa.n_emph_open],
                               (uint32_t)o->text.len};
                if (sp.end > sp.start &&
                    MTL_PUSH(o->p->emph, o->p->n_emph, o->emph_cap, sp) != 0)
                    o->failed = 1;
            }
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    free(pa.pieces);
    if (pa.failed)
        o->failed = 1;
    block_close(o);
}

/* ---- the document ------------------------------------------------------ */

/* Letters and digits written against a code span or image belong to its
 * token: "`chown()`ing", "`malloc`ed" are not the words "ing" and "ed". */
static void extend_opaque(mtl_prose *p)
{
    for (size_t k = 0; k < p->n_opaque; k++) {
        mtl_span *sp = &p->opaque[k];
        size_t lo = k ? p->opaque[k - 1].end : 0;
        size_t hi = k + 1 < p->n_opaque ? p->opaque[k + 1].start : p->len;
        while (sp->start > lo && is_alnum((unsigned char)p->text[sp->start - 1]))
            sp->start--;
        while (sp->end < hi && is_alnum((unsigned char)p->text[sp->end]))
            sp->end++;
    }
}

int mtl_markdown_prose(const char *src, size_t len, const size_t *lines,
                       size_t n_lines, mtl_prose *p)
{
    memset(p, 0, sizeof *p);
    /* cmark replaces NULs and invalid UTF-8 with U+FFFD (three bytes), which
     * would shift every later byte on the line; it parses a copy where such
     * bytes are one-byte stand-ins, and front matter is blanked. Nodes are
     * matched in that copy; the prose copies the bytes as given. */
    char *masked = malloc(len + 1);
    if (!masked)
        return -1;
    memcpy(masked, src, len);
    masked[len] = '\0';
    size_t fm = front_matter(src, len);
    for (size_t i = 0; i < fm; i++)
        if (masked[i] != '\n' && masked[i] != '\r')
            masked[i] = ' ';
    /* front matter stays blank, whatever bytes it holds. A stand-in right
     * after a backslash is a letter: cmark keeps a backslash before U+FFFD,
     * but reads it before '?' as an escape that hides the byte. */
    for (size_t i = fm; i < len;) {
        uint32_t c;
        size_t k = mtl_utf8_next(src, len, i, &c);
        if (c == MTL_BAD_CP) {
            memset(masked + i, '?', k);
            if (i > 0 && masked[i - 1] == '\\')
                masked[i] = 'x';
        } else if (c == 0)
            masked[i] = ' ';
        i += k;
    }
    mask_templates(masked, fm, len);
    source s = {.src = src, .m = masked, .len = len, .lines = lines,
                .n_lines = n_lines,
                .bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0};
    /* a blanked byte order mark is not one cmark skips */
    if (fm)
        s.bom = 0;
    cmark_node *doc = cmark_parse_document(masked, len, CMARK_OPT_SOURCEPOS);
    if (!doc) {
        free(masked);
        return -1;
    }
    out o = {.p = p};
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while (it && !o.failed && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        if (t == CMARK_NODE_HTML_BLOCK) {
            /* its lines, from the literal: cmark's end position of an HTML
             * block can precede its start */
            const char *lit = cmark_node_get_literal(n);
            int sl = cmark_node_get_start_line(n);
            size_t a = offset_of(&s, sl, cmark_node_get_start_column(n));
            size_t k = lit ? strlen(lit) : 0;
            size_t lines_in = lit ? (size_t)line_breaks_in(lit) : 0;
            lines_in += k && lit[k - 1] != '\n' && lit[k - 1] != '\r';
            size_t last = sl >= 1 ? (size_t)sl - 1 + (lines_in ? lines_in - 1 : 0) : 0;
            size_t e = line_stop(&s, last);
            if (e > a)
                block_directives(&o, &s, a, e);
        } else if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
            inline_block(&o, &s, n);
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        }
    }
    if (!it)
        o.failed = 1;
    cmark_iter_free(it);
    cmark_node_free(doc);
    free(masked);
    if (!o.failed &&
        mtl_grow((void **)&o.map, &o.map_cap, o.text.len + 1, sizeof *o.map) == 0 &&
        mtl_grow((void **)&o.map_end, &o.map_end_cap, o.text.len + 1,
                 sizeof *o.map_end) == 0) {
        o.map[o.text.len] = (uint32_t)len;
        o.map_end[o.text.len] = (uint32_t)len;
        p->len = o.text.len;
        p->text = mtl_sb_take(&o.text);
        p->map = o.map;
        p->map_end = o.map_end;
        if (p->text) {
            extend_opaque(p);
            return 0;
        }
    }
    mtl_sb_free(&o.text);
    free(o.map);
    free(o.map_end);
    p->map = p->map_end = NULL;
    mtl_prose_free(p);
    return -1;
}

void mtl_prose_free(mtl_prose *p)
{
    free(p->text);
    free(p->map);
    free(p->map_end);
    free(p->blocks);
    free(p->opaque);
    free(p->emph);
    for (size_t i = 0; i < p->n_directives; i++)
        free(p->directives[i].rules);
    free(p->directives);
    memset(p, 0, sizeof *p);
}
