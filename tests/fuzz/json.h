/*
 * A strict JSON reader (RFC 8259) for the fuzz targets, which read the
 * json and sarif reports back to compare them with the findings. It keeps
 * what the comparison needs: objects, arrays, strings (decoded to UTF-8),
 * numbers, literals. Anything it refuses is a broken report.
 */
#ifndef MTL_FUZZ_JSON_H
#define MTL_FUZZ_JSON_H

#include <stddef.h>

typedef enum json_type {
    JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY,
    JSON_OBJECT
} json_type;

typedef struct json {
    json_type type;
    double number;
    char *str;             /* JSON_STRING: decoded, NUL-terminated */
    size_t len;            /* its length (it may hold NUL) */
    struct json *items;    /* array items or object values */
    char **keys;           /* object keys, parallel to items */
    size_t n;
    size_t start, end;     /* the value's bytes in the text parsed */
} json;

/* Parses one JSON text s[0..n) (surrounding white space allowed). Returns
 * 0, or -1 with *error naming the offset and what was wrong. */
int json_parse(const char *s, size_t n, json *out, const char **error,
               size_t *at);
void json_free(json *v);

/* The member of an object named key, or NULL (also for a non-object). */
const json *json_get(const json *obj, const char *key);
/* Item i of an array, or NULL. */
const json *json_at(const json *arr, size_t i);

#endif
