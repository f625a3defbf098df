/*
 * One line of --stream input, parsed with jansson: the text to lint, its
 * format, and where the id's bytes are. Kept apart from the rest of the
 * command line, whose json_string() writer shares a name with jansson's.
 */
#include "stream_line.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* ---- the id, byte for byte ------------------------------------------- */

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* End of the string literal starting at s[i] == '"'. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    return i < n ? i + 1 : n;
}

/* End of the JSON value starting at s[i]. */
static size_t skip_value(const char *s, size_t n, size_t i)
{
    if (s[i] == '"')
        return skip_string(s, n, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < n) {
            if (s[i] == '"') {
                i = skip_string(s, n, i);
                continue;
            }
            if (s[i] == '{' || s[i] == '[')
                depth++;
            else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
                return i + 1;
            i++;
        }
        return n;
    }
    while (i < n && !strchr(",}] \t\r\n", s[i]))
        i++;
    return i;
}

/* Is the key literal s[a, b) (quotes included) "id", escapes decoded? */
static int key_is_id(const char *s, size_t a, size_t b)
{
    if (b - a == 4 && memcmp(s + a, "\"id\"", 4) == 0)
        return 1;
    if (!memchr(s + a, '\\', b - a))
        return 0;
    json_t *k = json_loadb(s + a, b - a, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    int is = k && json_is_string(k) && json_string_length(k) == 2 &&
             memcmp(json_string_value(k), "id", 2) == 0;
    json_decref(k);
    return is;
}

/* Finds the raw text of the top-level "id" member of a line that parsed
 * as a JSON object (duplicate keys rejected, so there is at most one). */
static int raw_id(const char *s, size_t n, size_t *start, size_t *end)
{
    size_t i = skip_ws(s, n, 0);
    if (i >= n || s[i] != '{')
        return 0;
    i = skip_ws(s, n, i + 1);
    while (i < n && s[i] == '"') {
        size_t ka = i, kb = skip_string(s, n, i);
        i = skip_ws(s, n, kb);
        if (i >= n || s[i] != ':')
            return 0;
        i = skip_ws(s, n, i + 1);
        if (i >= n)
            return 0;
        size_t va = i, vb = skip_value(s, n, i);
        if (key_is_id(s, ka, kb)) {
            *start = va;
            *end = vb;
            return 1;
        }
        i = skip_ws(s, n, vb);
        if (i < n && s[i] == ',')
            i = skip_ws(s, n, i + 1);
    }
    return 0;
}

int stream_line_parse(const char *s, size_t n, stream_line *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0) {
        snprintf(out->error, sizeof out->error, "empty line");
        return -1;
    }
    /* jansson passes over a raw NUL byte as if it were not there, inside a
     * string too, which would lint a text with a character lost: JSON has
     * no raw NUL, so the line is refused */
    const char *nul = memchr(s, '\0', n);
    if (nul) {
        snprintf(out->error, sizeof out->error,
                 "invalid JSON at column %zu: a NUL byte (in a string, write it "
                 "as \\u0000)",
                 (size_t)(nul - s) + 1);
        return -1;
    }
    json_error_t jerr;
    /* ints as reals: an id of any size parses (its bytes are what is echoed) */
    json_t *doc = json_loadb(
        s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &jerr);
    if (!doc) {
        snprintf(out->error, sizeof out->error, "invalid JSON at column %d: %s",
                 jerr.column, jerr.text);
        return -1;
    }
    if (!json_is_object(doc)) {
        json_decref(doc);
        snprintf(out->error, sizeof out->error, "not a JSON object");
        return -1;
    }
    out->root = doc;
    out->has_id = raw_id(s, n, &out->id_start, &out->id_end);
    json_t *text = json_object_get(doc, "text");
    json_t *format = json_object_get(doc, "format");
    out->format = format && json_is_string(format) ? json_string_value(format) : NULL;
    if (!text)
        snprintf(out->error, sizeof out->error, "no \"text\" member");
    else if (!json_is_string(text))
        snprintf(out->error, sizeof out->error, "\"text\" is not a string");
    else if (format && (!out->format || (strcmp(out->format, "text") &&
                                         strcmp(out->format, "markdown"))))
        snprintf(out->error, sizeof out->error,
                 "\"format\" is neither \"text\" nor \"markdown\"");
    else {
        out->text = json_string_value(text);
        out->text_len = json_string_length(text);
        return 0;
    }
    return -1;
}

void stream_line_release(stream_line *l)
{
    json_decref(l->root);
    l->root = NULL;
}
