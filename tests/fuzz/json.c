#include "json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct reader {
    const char *s;
    size_t n, i;
    const char *error;
    int depth;
} reader;

/* Reports nest seven levels deep; --stream lines as deep as jansson reads
 * (2048), and a reader stricter than the one under test would call its
 * answers wrong. */
enum { MAX_DEPTH = 4096 };

static int fail(reader *r, const char *what)
{
    if (!r->error)
        r->error = what;
    return -1;
}

static void skip_ws(reader *r)
{
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' ||
                           r->s[r->i] == '\n' || r->s[r->i] == '\r'))
        r->i++;
}

static int literal(reader *r, const char *word)
{
    size_t k = strlen(word);
    if (r->n - r->i < k || memcmp(r->s + r->i, word, k) != 0)
        return fail(r, "bad literal");
    r->i += k;
    return 0;
}

static int hex4(reader *r, uint32_t *v)
{
    if (r->n - r->i < 4)
        return fail(r, "short \\u escape");
    *v = 0;
    for (int k = 0; k < 4; k++) {
        char c = r->s[r->i++];
        *v <<= 4;
        if (c >= '0' && c <= '9')
            *v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            *v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            *v |= (uint32_t)(c - 'A' + 10);
        else
            return fail(r, "bad hex digit in \\u escape");
    }
    return 0;
}

static size_t put_utf8(uint32_t c, char *o)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* A string: the decoded text is never longer than its source. */
static int string(reader *r, char **out, size_t *len)
{
    if (r->i >= r->n || r->s[r->i] != '"')
        return fail(r, "expected a string");
    r->i++;
    /* the decoded text is no longer than the source up to the closing
     * quote (a report holds many strings: not the rest of it each) */
    size_t end = r->i;
    while (end < r->n && r->s[end] != '"')
        end += r->s[end] == '\\' ? 2 : 1;
    char *buf = malloc((end < r->n ? end : r->n) - r->i + 1);
    if (!buf)
        return fail(r, "out of memory");
    size_t o = 0;
    for (;;) {
        if (r->i >= r->n) {
            free(buf);
            return fail(r, "unterminated string");
        }
        unsigned char c = (unsigned char)r->s[r->i++];
        if (c == '"')
            break;
        if (c < 0x20) {
            free(buf);
            return fail(r, "control character in a string");
        }
        if (c != '\\') {
            buf[o++] = (char)c;
            continue;
        }
        if (r->i >= r->n) {
            free(buf);
            return fail(r, "unterminated escape");
        }
        char e = r->s[r->i++];
        uint32_t cp;
        switch (e) {
        case '"': case '\\': case '/':
            buf[o++] = e;
            break;
        case 'b': buf[o++] = '\b'; break;
        case 'f': buf[o++] = '\f'; break;
        case 'n': buf[o++] = '\n'; break;
        case 'r': buf[o++] = '\r'; break;
        case 't': buf[o++] = '\t'; break;
        case 'u':
            if (hex4(r, &cp) != 0) {
                free(buf);
                return -1;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t lo;
                if (r->n - r->i < 2 || r->s[r->i] != '\\' ||
                    r->s[r->i + 1] != 'u') {
                    free(buf);
                    return fail(r, "lone high surrogate");
                }
                r->i += 2;
                if (hex4(r, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
                    free(buf);
                    return fail(r, "bad low surrogate");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                free(buf);
                return fail(r, "lone low surrogate");
            }
            o += put_utf8(cp, buf + o);
            break;
        default:
            free(buf);
            return fail(r, "bad escape");
        }
    }
    buf[o] = '\0';
    *out = buf;
    *len = o;
    return 0;
}

static int number(reader *r, double *out)
{
    size_t start = r->i;
    if (r->i < r->n && r->s[r->i] == '-')
        r->i++;
    if (r->i >= r->n || r->s[r->i] < '0' || r->s[r->i] > '9')
        return fail(r, "bad number");
    if (r->s[r->i] == '0')
        r->i++;
    else
        while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9')
            r->i++;
    if (r->i < r->n && r->s[r->i] == '.') {
        r->i++;
        if (r->i >= r->n || r->s[r->i] < '0' || r->s[r->i] > '9')
            return fail(r, "bad fraction");
        while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9')
            r->i++;
    }
    if (r->i < r->n && (r->s[r->i] == 'e' || r->s[r->i] == 'E')) {
        r->i++;
        if (r->i < r->n && (r->s[r->i] == '+' || r->s[r->i] == '-'))
            r->i++;
        if (r->i >= r->n || r->s[r->i] < '0' || r->s[r->i] > '9')
            return fail(r, "bad exponent");
        while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9')
            r->i++;
    }
    /* any length: --stream echoes a 300-digit id as it came */
    size_t k = r->i - start;
    char small[64], *buf = k < sizeof small ? small : malloc(k + 1);
    if (!buf)
        return fail(r, "out of memory");
    memcpy(buf, r->s + start, k);
    buf[k] = '\0';
    *out = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return 0;
}

static int value(reader *r, json *v);

static int push(reader *r, json *v, char *key)
{
    if ((v->n & (v->n - 1)) == 0) { /* at 0, 1, 2, 4, ...: double */
        size_t cap = v->n ? v->n * 2 : 1;
        json *items = realloc(v->items, cap * sizeof *items);
        if (!items)
            return fail(r, "out of memory");
        v->items = items;
        if (v->type == JSON_OBJECT) {
            char **keys = realloc(v->keys, cap * sizeof *keys);
            if (!keys)
                return fail(r, "out of memory");
            v->keys = keys;
        }
    }
    memset(&v->items[v->n], 0, sizeof *v->items);
    if (v->type == JSON_OBJECT)
        v->keys[v->n] = key;
    v->n++;
    return 0;
}

static int container(reader *r, json *v, char close)
{
    v->type = close == '}' ? JSON_OBJECT : JSON_ARRAY;
    if (++r->depth > MAX_DEPTH)
        return fail(r, "nested too deeply");
    r->i++;
    skip_ws(r);
    if (r->i < r->n && r->s[r->i] == close) {
        r->i++;
        r->depth--;
        return 0;
    }
    for (;;) {
        skip_ws(r);
        char *key = NULL;
        if (v->type == JSON_OBJECT) {
            size_t klen;
            if (string(r, &key, &klen) != 0)
                return -1;
            skip_ws(r);
            if (r->i >= r->n || r->s[r->i] != ':') {
                free(key);
                return fail(r, "expected ':'");
            }
            r->i++;
        }
        if (push(r, v, key) != 0) {
            free(key);
            return -1;
        }
        if (value(r, &v->items[v->n - 1]) != 0)
            return -1;
        skip_ws(r);
        if (r->i < r->n && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->n && r->s[r->i] == close) {
            r->i++;
            r->depth--;
            return 0;
        }
        return fail(r, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int value_at(reader *r, json *v);

static int value(reader *r, json *v)
{
    memset(v, 0, sizeof *v);
    skip_ws(r);
    v->start = r->i;
    int rc = value_at(r, v);
    v->end = r->i;
    return rc;
}

static int value_at(reader *r, json *v)
{
    if (r->i >= r->n)
        return fail(r, "unexpected end");
    switch (r->s[r->i]) {
    case '{':
        return container(r, v, '}');
    case '[':
        return container(r, v, ']');
    case '"':
        v->type = JSON_STRING;
        return string(r, &v->str, &v->len);
    case 't':
        v->type = JSON_TRUE;
        return literal(r, "true");
    case 'f':
        v->type = JSON_FALSE;
        return literal(r, "false");
    case 'n':
        v->type = JSON_NULL;
        return literal(r, "null");
    default:
        v->type = JSON_NUMBER;
        return number(r, &v->number);
    }
}

int json_parse(const char *s, size_t n, json *out, const char **error,
               size_t *at)
{
    reader r = {.s = s, .n = n};
    int rc = value(&r, out);
    skip_ws(&r);
    if (rc == 0 && r.i != n)
        rc = fail(&r, "text after the value");
    if (rc != 0) {
        json_free(out);
        if (error)
            *error = r.error;
        if (at)
            *at = r.i;
    }
    return rc;
}

void json_free(json *v)
{
    if (!v)
        return;
    free(v->str);
    for (size_t i = 0; i < v->n; i++) {
        json_free(&v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

const json *json_get(const json *obj, const char *key)
{
    if (!obj || obj->type != JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (strcmp(obj->keys[i], key) == 0)
            return &obj->items[i];
    return NULL;
}

const json *json_at(const json *arr, size_t i)
{
    return arr && arr->type == JSON_ARRAY && i < arr->n ? &arr->items[i] : NULL;
}
