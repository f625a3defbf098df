/*
 * URLs and e-mail addresses in prose: found before word breaking so that
 * each becomes one token (its dots and slashes are not sentence ends or
 * punctuation to check).
 */
#include "text/urls.h"

#include "base/buf.h"

#include <string.h>
#include <strings.h>

static int url_char(unsigned char c)
{
    return c > ' ' && c != '<' && c != '>' && c != '"' && c != '`' && c < 0x7F;
}

static int word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
           c == '+' || c == '%';
}

static size_t trim_url_end(const char *t, size_t a, size_t e)
{
    /* a bracket closed that the URL did not open ends it:
     * "(www.example.org)[23]" */
    int open = 0, square = 0;
    for (size_t i = a; i < e; i++) {
        open += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
        square += t[i] == '[' ? 1 : t[i] == ']' ? -1 : 0;
        if (open < 0 || square < 0) {
            e = i;
            open = 0;
            break;
        }
    }
    while (e > a) {
        char c = t[e - 1];
        if (c == ')' && open < 0) {
            open++;
            e--;
        } else if (strchr(".,;:!?'*", c)) {
            e--;
        } else {
            break;
        }
    }
    return e;
}

static int add_url(mtl_url_list *l, size_t a, size_t e)
{
    mtl_span s = {(uint32_t)a, (uint32_t)e};
    return MTL_PUSH(l->items, l->n, l->cap, s);
}

int mtl_find_urls(const char *t, size_t a, size_t e, mtl_url_list *l)
{
    l->n = 0;
    for (size_t i = a; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        int at_word_start = i == a || !word_char((unsigned char)t[i - 1]);
        size_t start = SIZE_MAX;
        if (at_word_start && (c == 'h' || c == 'f' || c == 'w' || c == 'H' ||
                              c == 'W' || c == 'F')) {
            static const char *const pre[] = {"https://", "http://", "ftp://",
                                              "www."};
            for (size_t k = 0; k < 4; k++) {
                size_t n = strlen(pre[k]);
                if (e - i > n && strncasecmp(t + i, pre[k], n) == 0 &&
                    url_char((unsigned char)t[i + n])) {
                    start = i;
                    break;
                }
            }
        } else if (c == '@' && i > a && i + 1 < e &&
                   word_char((unsigned char)t[i - 1]) &&
                   word_char((unsigned char)t[i + 1])) {
            size_t s = i, d = i + 1, dots = 0;
            while (s > a && word_char((unsigned char)t[s - 1]))
                s--;
            while (d < e && word_char((unsigned char)t[d]))
                dots += t[d++] == '.';
            size_t end = trim_url_end(t, i, d);
            if (dots && end > i + 1 && memchr(t + i, '.', end - i)) {
                /* The address may already sit inside a URL found earlier. */
                if (!l->n || l->items[l->n - 1].end <= s) {
                    if (add_url(l, s, end) != 0)
                        return -1;
                }
                i = end - 1 > i ? end - 1 : i;
            }
            continue;
        }
        if (start != SIZE_MAX) {
            size_t j = i;
            while (j < e && url_char((unsigned char)t[j]))
                j++;
            size_t end = trim_url_end(t, i, j);
            if (add_url(l, start, end) != 0)
                return -1;
            i = end - 1;
        }
    }
    return 0;
}
