/*
 * punctuation-spacing: a space before a punctuation mark, or none after a
 * sentence end or a comma, as translation leaves when it keeps the source
 * language's spacing or glues two segments together.
 *
 *     "possible hostage release , she said"  ->  space before ','
 *     "the war ended.Next day"               ->  missing space after '.'
 *     "the war,and the hostages"             ->  missing space after ','
 *     "leaders of ( Hamas )"                 ->  space after '(', before ')'
 *
 * Not findings: abbreviations and initials (U.S., Ph.D., e.g., J. R. R.
 * Tolkien), decimals, thousands, times and ratios (3.5, 1,000, 10:30, 3 : 1),
 * URLs and e-mail addresses, domain, file and code names (CNN.com,
 * notes.txt, .NET, java.util.List, a,b,c), version numbers, emoticons, a
 * space before an ellipsis ("wait ...", ". . .").
 *
 * Two marks in a row ("hostages . .", "word , ,") belong to
 * doubled-punctuation: a mark that another mark follows, or that follows
 * another mark, is left alone here, so one mistake gives one finding. The
 * exception is an abbreviation's dot: "Inc. , Ltd." is a space before ','.
 */
#include "text/abbrev.h"
#include "findings/rule.h"
#include "text/tokens.h"
#include "base/utf8.h"

#include <stdint.h>
#include <string.h>

static int is_hspace(const mtl_doc *doc, size_t i)
{
    return i < doc->n_tokens && doc->tokens[i].kind == MTL_TOK_SPACE;
}

static int is_dot(const mtl_doc *doc, size_t i)
{
    return mtl_tok_mark(doc, i) == '.';
}

/* Is the "." at token i the third or later of a run ("...", ". . .")? */
static int ends_ellipsis(const mtl_doc *doc, size_t i)
{
    int n = 1;
    for (size_t p = mtl_tok_prev_near(doc, i);
         n < 3 && p != SIZE_MAX && is_dot(doc, p); p = mtl_tok_prev_near(doc, p))
        n++;
    return n >= 3;
}

/* May a space before a mark follow token p? Words, numbers, URLs, quotes,
 * closing brackets and an ellipsis may; another mark may not (that is
 * doubled-punctuation's), except an abbreviation's dot before a non-dot. */
static int prev_ok(const mtl_doc *doc, size_t p, char m)
{
    const mtl_token *t = &doc->tokens[p];
    switch (t->kind) {
    case MTL_TOK_WORD:
    case MTL_TOK_NUMBER:
    case MTL_TOK_URL:
    case MTL_TOK_QUOTE:
        return 1;
    case MTL_TOK_PUNCT:
        break;
    default:
        return 0;
    }
    char c = mtl_tok_char(doc, p);
    if (c == '.')
        return m != '.' && (mtl_abbrev_dot(doc, p) || ends_ellipsis(doc, p));
    if (c && strchr(")]}%", c))
        return 1;
    /* U+2026 HORIZONTAL ELLIPSIS */
    return t->end - t->start == 3 && memcmp(doc->text + t->start, "\xE2\x80\xA6", 3) == 0;
}

/* Is the word at token i a command-line option ("-u", "--build")? */
static int option_word(const mtl_doc *doc, size_t i)
{
    return doc->tokens[i].kind == MTL_TOK_WORD && i > 0 &&
           mtl_tok_touch(doc, i - 1) && mtl_tok_char(doc, i - 1) == '-';
}

/* A mark that starts a name (".git", ":doc:") is no mark; one that stands
 * before another mark belongs to doubled-punctuation. */
static int mark_follows(const mtl_doc *doc, size_t n, char m)
{
    char c = mtl_tok_mark(doc, n);
    if (!c || ((m == '!' || m == '?') && (c == '!' || c == '?')))
        return 0;
    size_t k = n;
    while (mtl_tok_touch(doc, k) && mtl_tok_mark(doc, k + 1))
        k++;
    return !mtl_tok_touch(doc, k) || mtl_tok_closer(doc, k + 1);
}

static void space_before(const mtl_doc *doc, size_t i, mtl_emit *out)
{
    char m = mtl_tok_mark(doc, i);
    /* one space; a longer one or a tab lines up a table */
    if (i < 2 || !is_hspace(doc, i - 1) || !mtl_tok_glued(doc, i - 1) ||
        !mtl_tok_glued(doc, i - 2) || !prev_ok(doc, i - 2, m) ||
        doc->text[doc->tokens[i - 1].start] == '\t' ||
        mtl_utf8_count(doc->text + doc->tokens[i - 1].start,
                       doc->tokens[i - 1].end - doc->tokens[i - 1].start) != 1)
        return;
    size_t n = mtl_tok_next_near(doc, i);
    if (n < doc->n_tokens && mark_follows(doc, n, m))
        return;
    int next_glued = mtl_tok_touch(doc, i);
    const mtl_token *pt = &doc->tokens[i - 2];
    const mtl_token *nt = n < doc->n_tokens ? &doc->tokens[n] : NULL;
    const char *fix = NULL;
    switch (m) {
    case '.':
        /* ".NET", ".5", ".com" are names; "git add -u ." and "see
         * https://x.org ." keep the dot apart on purpose */
        if ((next_glued && !mtl_tok_closer(doc, i + 1)) ||
            pt->kind == MTL_TOK_URL || option_word(doc, i - 2) ||
            mtl_tok_after_path(doc, i - 2) ||
            (pt->kind == MTL_TOK_WORD && memchr(doc->text + pt->start, '.',
                                               pt->end - pt->start)))
            return;
        /* a command's argument: "git add ." in straight quotes or
         * backticks; "with . and .. paths" goes on in lower case */
        if (next_glued && strchr("\"'`", doc->text[doc->tokens[i + 1].start]))
            return;
        if (nt && nt->kind == MTL_TOK_WORD && !(nt->flags & MTL_TF_CAP))
            return;
        break;
    case ',':
    case ';':
        if (m == ';' && next_glued && mtl_tok_char(doc, i + 1) == ')')
            return; /* ";)" */
        if (next_glued && nt && nt->kind == MTL_TOK_WORD)
            fix = m == ',' ? ", " : "; ";
        else if (next_glued && !mtl_tok_closer(doc, i + 1))
            return;
        break;
    case ':':
        /* ":)", "::", ":smile:" are not a colon; "3 : 1" is a ratio;
         * "{'key' : 1}" and "Release : -O2" are code */
        if (next_glued || (pt->kind != MTL_TOK_WORD && pt->kind != MTL_TOK_NUMBER) ||
            mtl_tok_after_path(doc, i - 2))
            return;
        if (nt && nt->kind != MTL_TOK_WORD && nt->kind != MTL_TOK_NEWLINE &&
            !(nt->kind == MTL_TOK_NUMBER && pt->kind != MTL_TOK_NUMBER) &&
            !(nt->kind == MTL_TOK_QUOTE && nt->end - nt->start > 1))
            return;
        break;
    default: { /* ! ? */
        /* "if ! test", "prepended ? from", "????-*" are operators */
        size_t k = i;
        while (mtl_tok_touch(doc, k) && (mtl_tok_mark(doc, k + 1) == '!' ||
                                         mtl_tok_mark(doc, k + 1) == '?'))
            k++;
        if (mtl_tok_touch(doc, k)) {
            if (!mtl_tok_closer(doc, k + 1))
                return;
        } else {
            size_t a = mtl_tok_next_near(doc, k);
            if (a < doc->n_tokens && a > k + 1 &&
                !(doc->tokens[a].flags & MTL_TF_CAP) &&
                doc->tokens[a].kind != MTL_TOK_QUOTE &&
                doc->tokens[a].kind != MTL_TOK_NEWLINE)
                return;
        }
        break;
    }
    }
    char mark[2] = {m, 0};
    if (!fix)
        fix = mark;
    mtl_report_fix(out, doc->tokens[i - 1].start, doc->tokens[i].end, &fix, 1,
                   "space before '%c'", m);
}

static int ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
static int ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* Does [s, e) look like a capitalised word ("Next", not "NET" or "X")? */
static int titlecase(const char *s, const char *e)
{
    if (e - s < 2 || !ascii_upper(s[0]) || !ascii_lower(s[1]))
        return 0;
    for (const char *p = s; p < e; p++)
        if (!ascii_lower(*p) && !ascii_upper(*p))
            return 0;
    return 1;
}

static int titlecase_token(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    return t->kind == MTL_TOK_WORD &&
           titlecase(doc->text + t->start, doc->text + t->end);
}

/* Words that often begin a sentence: after "end." glued to one of them the
 * space is missing ("ended.The talks"), where "net.Socket" is a name. */
static const char *const starters[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "you", "this", "that",
    "these", "those", "there", "in", "on", "at", "but", "and", "or", "so",
    "if", "when", "while", "after", "before", "as", "for", "his", "her",
    "its", "their", "our", "meanwhile", "however", "still", "yet", "then",
    "now", "also", "some", "many", "most", "no", "what", "why", "how", "who",
    "where", "despite", "during", "since", "although", "though", "according",
    "earlier", "later", "both", "each", "even", "only", "one", "with", NULL};

/* Words that follow a comma in prose ("war,and"); "build,win" and
 * "sym,srcline" are tags and arguments. */
static const char *const after_comma[] = {
    "and", "or", "but", "nor", "yet", "so", "the", "a", "an", "which", "who",
    "whom", "whose", "that", "with", "without", "in", "on", "at", "to", "for",
    "of", "as", "then", "while", "when", "where", "he", "she", "it", "they",
    "we", "i", "you", "his", "her", "its", "their", "this", "these", "those",
    "there", "not", "also", "including", "such", "if", "because", "although",
    "though", "since", "after", "before", "however", "is", "was", "are",
    "were", "has", "had", "have", NULL};

/* Is [s, s + n) one of list, ignoring ASCII case? */
static int in_words(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; list[i]; i++) {
        if (strlen(list[i]) != n)
            continue;
        size_t k = 0;
        while (k < n && (s[k] | 0x20) == list[i][k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* Is [s, s + n) a name the document uses on its own, inside a sentence
 * ("... said Blinken")? */
static int used_alone(const mtl_doc *doc, const char *s, size_t n)
{
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind == MTL_TOK_WORD && !(t->flags & MTL_TF_SENT_START) &&
            t->end - t->start == n && memcmp(doc->text + t->start, s, n) == 0)
            return 1;
    }
    return 0;
}

/* Is [s, s + n) (capitalised) a word the document also writes in lower
 * case in prose ("... Within" and "within"): a common word, not a name?
 * Not in a path or a name ("debian/control", "x-debian"). */
static int used_lower(const mtl_doc *doc, const char *s, size_t n)
{
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind != MTL_TOK_WORD || t->end - t->start != n ||
            !ascii_lower(doc->text[t->start]) ||
            (i > 0 && mtl_tok_touch(doc, i - 1) && doc->tokens[i - 1].kind != MTL_TOK_QUOTE) ||
            (mtl_tok_touch(doc, i) && !mtl_tok_closer(doc, i + 1) &&
             (!mtl_tok_mark(doc, i + 1) || mtl_tok_touch(doc, i + 1))))
            continue;
        size_t k = 1;
        while (k < n && doc->text[t->start + k] == s[k])
            k++;
        if (k == n && (s[0] | 0x20) == doc->text[t->start])
            return 1;
    }
    return 0;
}

/* Does another word of the document start with the same "prefix." as the
 * word at token w (net.Socket and net.Server: a namespace)? */
static int namespace_of(const mtl_doc *doc, size_t w, size_t prefix)
{
    const char *s = doc->text + doc->tokens[w].start;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (i != w && t->kind == MTL_TOK_WORD && t->end - t->start > prefix &&
            memcmp(doc->text + t->start, s, prefix) == 0 &&
            (t->end - t->start != doc->tokens[w].end - doc->tokens[w].start ||
             memcmp(doc->text + t->start, s, t->end - t->start) != 0))
            return 1;
    }
    return 0;
}

static void report_missing(mtl_emit *out, size_t at, char m)
{
    const char fix[3] = {m, ' ', 0};
    const char *f = fix;
    mtl_report_fix(out, at, at + 1, &f, 1, "missing space after '%c'", m);
}

/* Bytes of an apostrophe (ASCII or U+2019) at s, or 0. */
static size_t apostrophe(const char *s, const char *e)
{
    if (s < e && *s == '\'')
        return 1;
    return e - s >= 3 && memcmp(s, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
}

/* Is [s, e) a plain capitalised word: a capital, then only lower-case
 * letters, perhaps with a clitic ("Later", "There's", "Don't"), not
 * "NET", "X" or "ReadFile"? Returns the length of the letters before the
 * clitic, or 0. */
static size_t plain_capitalised(const char *s, const char *e)
{
    if (e - s < 2 || !ascii_upper(s[0]))
        return 0;
    const char *p = s + 1;
    while (p < e && ascii_lower(*p))
        p++;
    size_t n = (size_t)(p - s), ap = apostrophe(p, e);
    if (p == e)
        return n;
    if (!ap || p + ap == e)
        return 0;
    for (const char *q = p + ap; q < e; q++)
        if (!ascii_lower(*q))
            return 0;
    return n;
}

/* Is [s, e) a word in one case: lower case, capitalised or in capitals
 * ("vote", "Force", "OAS"), not a camel-case name ("readFile")? */
static int plain_word(const char *s, const char *e)
{
    int lower = 0, upper = 0;
    for (const char *p = s; p < e; p++) {
        if (ascii_lower(*p))
            lower = 1;
        else if (ascii_upper(*p))
            upper |= p == s ? 1 : 2;
        else
            return 0;
    }
    return !(upper & 2) || !lower;
}

/* ICU keeps "end.Next" as one word: flag a single inner dot between two
 * words, the second capitalised ("the vote.Later", "be.There's",
 * "QUOROM.We"). Names with more dots or digits (U.S.Army, java.util.List,
 * v1.2), camel case (net.ReadFile), names in markup ("{net.Socket}") and
 * namespaces the document repeats (net.Socket and net.Server) are left
 * alone; so is a name after a capitalised word or capitals ("Mc.Donalds",
 * "README.Debian"), unless it starts sentences, or the document writes it
 * in lower case too ("Boston.Heading", "UK.Within"). *scans caps the
 * whole-document look-ups. */
static void inner_dot(const mtl_doc *doc, size_t i, size_t *scans, mtl_emit *out)
{
    const mtl_token *t = &doc->tokens[i];
    const char *s = doc->text + t->start, *e = doc->text + t->end;
    const char *dot = memchr(s, '.', (size_t)(e - s));
    if (!dot || memchr(dot + 1, '.', (size_t)(e - dot - 1)))
        return;
    size_t left = (size_t)(dot - s);
    size_t n = plain_capitalised(dot + 1, e);
    if (left < 2 || !plain_word(s, dot) || !n)
        return;
    /* a compound before it is a word too: "the fly-by.The" */
    int compound = i >= 2 && mtl_tok_char(doc, i - 1) == '-' &&
                   mtl_tok_glued(doc, i - 2) && doc->tokens[i - 2].kind == MTL_TOK_WORD;
    if ((i > 0 && mtl_tok_touch(doc, i - 1) &&
         doc->tokens[i - 1].kind != MTL_TOK_QUOTE &&
         mtl_tok_char(doc, i - 1) != '(' && !compound) ||
        (mtl_tok_touch(doc, i) && !mtl_tok_closer(doc, i + 1) &&
         !mtl_tok_mark(doc, i + 1)))
        return;
    if (namespace_of(doc, i, left + 1))
        return;
    /* after a lower-case word, any capitalised word: a sentence starts */
    /* after a capitalised word or capitals, a word the document also
     * writes in lower case (a name after a name is one: "Cobourg.David") */
    int capitals = !ascii_lower(dot[-1]);
    /* a short capitalised word is perhaps an abbreviation: "Chem.Weapons" */
    int short_name = !capitals && !ascii_lower(s[0]) && left <= 4;
    if (!in_words(starters, dot + 1, n) && !ascii_lower(s[0]) &&
        (short_name ||
         !((*scans)++ < 16 && (used_lower(doc, dot + 1, n) ||
                               (!capitals && used_alone(doc, dot + 1, n))))))
        return;
    report_missing(out, (size_t)(dot - doc->text), '.');
}

/* An opening curly quote glued to a word: "said.“We". */
static int opening_quote_word(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    return t->kind == MTL_TOK_QUOTE && t->end - t->start == 3 &&
           memcmp(doc->text + t->start, "\xE2\x80\x9C", 3) == 0 &&
           mtl_tok_glued(doc, i) && doc->tokens[i + 1].kind == MTL_TOK_WORD;
}

/* Is word token w one of a run glued by commas or semicolons ("a,b,c"), as in
 * data and code rather than prose? dir is -1 (look left) or +1. */
static int in_glued_list(const mtl_doc *doc, size_t w, int dir)
{
    size_t m = dir < 0 ? w - 1 : w + 1, o = dir < 0 ? w - 2 : w + 2;
    if (dir < 0 ? w < 2 || !mtl_tok_glued(doc, o) || !mtl_tok_glued(doc, m)
                : !mtl_tok_glued(doc, w) || !mtl_tok_glued(doc, m))
        return 0;
    char c = mtl_tok_mark(doc, m);
    return (c == ',' || c == ';') && o < doc->n_tokens &&
           doc->tokens[o].kind == MTL_TOK_WORD;
}

static int has_digit(const mtl_doc *doc, size_t i)
{
    for (uint32_t k = doc->tokens[i].start; k < doc->tokens[i].end; k++)
        if (doc->text[k] >= '0' && doc->text[k] <= '9')
            return 1;
    return 0;
}

/* "war,and": a comma or semicolon glued between two prose words. */
static int glued_between_words(const mtl_doc *doc, size_t i)
{
    if (i == 0 || !mtl_tok_glued(doc, i - 1) || !mtl_tok_glued(doc, i))
        return 0;
    size_t l = i - 1, r = i + 1;
    const mtl_token *a = &doc->tokens[l], *b = &doc->tokens[r];
    if (a->kind != MTL_TOK_WORD || b->kind != MTL_TOK_WORD ||
        (a->end - a->start == 1 && b->end - b->start == 1) ||
        has_digit(doc, l) || has_digit(doc, r))
        return 0;
    /* Code and entities ("f(a,b)", "&amp;x") are glued to more symbols. */
    if (l > 0 && mtl_tok_touch(doc, l - 1)) {
        const mtl_token *p = &doc->tokens[l - 1];
        if (p->kind != MTL_TOK_QUOTE && !(mtl_tok_char(doc, l - 1) == '(' &&
                                          (l < 2 || !mtl_tok_touch(doc, l - 2))))
            return 0;
    }
    if (mtl_tok_touch(doc, r) && !mtl_tok_closer(doc, r + 1) &&
        !mtl_tok_mark(doc, r + 1))
        return 0;
    if (!in_words(after_comma, doc->text + b->start, b->end - b->start) &&
        !titlecase(doc->text + b->start, doc->text + b->end))
        return 0;
    return !in_glued_list(doc, l, -1) && !in_glued_list(doc, r, +1);
}

static void missing_after(const mtl_doc *doc, size_t i, mtl_emit *out)
{
    char m = mtl_tok_mark(doc, i);
    if (i == 0 || !mtl_tok_glued(doc, i - 1) || !mtl_tok_glued(doc, i))
        return;
    const mtl_token *p = &doc->tokens[i - 1];
    if (m == ',' || m == ';') {
        if (glued_between_words(doc, i))
            report_missing(out, doc->tokens[i].start, m);
        return;
    }
    if (m == ':')
        return; /* times, ratios, namespaces, "Re:Subject" */
    int left_ok = m == '.' ? p->kind == MTL_TOK_WORD || p->kind == MTL_TOK_NUMBER ||
                                 mtl_tok_char(doc, i - 1) == ')'
                           : p->kind == MTL_TOK_WORD && p->end - p->start >= 2;
    if (left_ok && (titlecase_token(doc, i + 1) || opening_quote_word(doc, i + 1)))
        report_missing(out, doc->tokens[i].start, m);
}

/* Index of the ")" that closes the "(" at token i on its line, or SIZE_MAX
 * when there is none or the contents look like a formula or code. */
static size_t closing_paren(const mtl_doc *doc, size_t i)
{
    int words = 0;
    for (size_t j = i + 1; j < doc->n_tokens && mtl_tok_glued(doc, j - 1); j++) {
        const mtl_token *t = &doc->tokens[j];
        if (t->kind == MTL_TOK_NEWLINE)
            return SIZE_MAX;
        words += t->kind == MTL_TOK_WORD;
        char c = t->kind == MTL_TOK_PUNCT ? mtl_tok_char(doc, j) : 0;
        if (c == ')')
            return words ? j : SIZE_MAX;
        if (c && strchr("(=+*/<>^|{}[]", c))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

static int word_like(const mtl_doc *doc, size_t i)
{
    int k = doc->tokens[i].kind;
    return k == MTL_TOK_WORD || k == MTL_TOK_NUMBER || k == MTL_TOK_QUOTE ||
           k == MTL_TOK_URL;
}

/* "( Hamas )": spaces inside a pair of brackets around prose. The "(" must
 * stand free (not "f( x )" or ":-( "), the ")" be followed by nothing, a
 * space, a mark or a quote. */
static void paren_spaces(const mtl_doc *doc, size_t i, mtl_emit *out)
{
    if (i > 0 && mtl_tok_touch(doc, i - 1) &&
        doc->tokens[i - 1].kind != MTL_TOK_QUOTE)
        return;
    size_t j = closing_paren(doc, i);
    if (j == SIZE_MAX || (mtl_tok_touch(doc, j) && !mtl_tok_mark(doc, j + 1) &&
                          doc->tokens[j + 1].kind != MTL_TOK_QUOTE))
        return;
    if (is_hspace(doc, i + 1) && mtl_tok_glued(doc, i) &&
        mtl_tok_glued(doc, i + 1) && word_like(doc, i + 2)) {
        const char *fix = "(";
        mtl_report_fix(out, doc->tokens[i].start, doc->tokens[i + 1].end, &fix, 1,
                       "space after '('");
    }
    if (j - i > 2 && is_hspace(doc, j - 1) && mtl_tok_glued(doc, j - 1) &&
        mtl_tok_glued(doc, j - 2) && word_like(doc, j - 2)) {
        const char *fix = ")";
        mtl_report_fix(out, doc->tokens[j - 1].start, doc->tokens[j].end, &fix, 1,
                       "space before ')'");
    }
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    size_t scans = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind == MTL_TOK_WORD) {
            inner_dot(doc, i, &scans, out);
        } else if (mtl_tok_mark(doc, i)) {
            space_before(doc, i, out);
            missing_after(doc, i, out);
        } else if (t->kind == MTL_TOK_PUNCT && mtl_tok_char(doc, i) == '(') {
            paren_spaces(doc, i, out);
        }
    }
    return 0;
}

const mtl_rule mtl_rule_punctuation_spacing = {
    .info = {
        .id = "punctuation-spacing",
        .summary = "space before punctuation, or missing after a sentence end",
        .default_severity = MTL_WARNING,
        .finds = "A space before a comma, full stop, semicolon, colon, question or "
                 "exclamation mark, or a missing space after a sentence end or comma. "
                 "Abbreviations, decimals, times, URLs and initials are left alone.",
        .why = "French-style spacing and detokenisation errors survive translation as "
               "stray spaces around punctuation.",
        .flagged = "He confirmed the release , then left.",
        .not_flagged = "The rate rose to 3.5 per cent at 10:30.",
        .reference =
            "A space before `, . ; : ! ?`, or none after a sentence end\n"
            "or a comma; spaces inside brackets.\n"
            "\n"
            "    possible hostage release , she said   ->  space before ','\n"
            "    the war ended.Next day                ->  missing space after '.'\n"
            "\n"
            "Not reported: abbreviations and initials, decimals, times and ratios, URLs\n"
            "and e-mail addresses, file and code names (CNN.com, .NET), version numbers.\n",
    },
    .check = check,
};
