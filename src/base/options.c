/*
 * The settings a linter is built from: named keys, and a severity per rule
 * index. The store knows nothing of the rule catalogue (lint/catalogue.c
 * checks rule ids before they reach it), so every stage may read it.
 */
#include "base/options.h"

#include "base/buf.h"

#include <stdlib.h>
#include <string.h>

/* Keys a rule or analysis reads. List keys may be given more than once. */
static const struct {
    const char *key;
    int list;
} known_keys[] = {
    {"dict-path", 1}, {"lang", 0}, {"words", 1}, {"lm", 0},
    {"data-dir", 0}, {"input", 0}, {"model", 0},
    {"report-unused-suppressions", 0}, {"ignore-word", 1},
    {"ignore-phrase", 1}, {"part-size", 0},
};

typedef struct kv {
    char *key, *value;
} kv;

struct mtl_options {
    signed char *severity; /* per rule index; -1 = not set */
    size_t n_severity, severity_cap;
    kv *items;
    size_t n_items, cap;
};

mtl_options *mtl_options_new(void)
{
    return calloc(1, sizeof(mtl_options));
}

void mtl_options_free(mtl_options *o)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->n_items; i++) {
        free(o->items[i].key);
        free(o->items[i].value);
    }
    free(o->items);
    free(o->severity);
    free(o);
}

int mtl_options_put_severity(mtl_options *o, size_t rule_index, int s)
{
    if (rule_index >= o->n_severity) {
        if (mtl_grow((void **)&o->severity, &o->severity_cap, rule_index + 1,
                     1) != 0)
            return -1;
        memset(o->severity + o->n_severity, -1, rule_index + 1 - o->n_severity);
        o->n_severity = rule_index + 1;
    }
    o->severity[rule_index] = (signed char)s;
    return 0;
}

int mtl_options_severity(const mtl_options *o, size_t rule_index)
{
    return o && rule_index < o->n_severity ? o->severity[rule_index] : -1;
}

static int key_index(const char *key)
{
    for (size_t i = 0; i < sizeof known_keys / sizeof *known_keys; i++)
        if (strcmp(known_keys[i].key, key) == 0)
            return (int)i;
    return -1;
}

int mtl_options_set(mtl_options *o, const char *key, const char *value)
{
    int k = key_index(key);
    if (k < 0 || !value)
        return -1;
    if (!known_keys[k].list) {
        for (size_t i = 0; i < o->n_items; i++) {
            if (strcmp(o->items[i].key, key) == 0) {
                char *v = strdup(value);
                if (!v)
                    return -1;
                free(o->items[i].value);
                o->items[i].value = v;
                return 0;
            }
        }
    }
    kv item = {strdup(key), strdup(value)};
    if (!item.key || !item.value ||
        MTL_PUSH(o->items, o->n_items, o->cap, item) != 0) {
        free(item.key);
        free(item.value);
        return -1;
    }
    return 0;
}

const char *mtl_options_get(const mtl_options *o, const char *key)
{
    const char *v = NULL;
    for (size_t i = 0; o && i < o->n_items; i++)
        if (strcmp(o->items[i].key, key) == 0)
            v = o->items[i].value;
    return v;
}

const char *mtl_options_nth(const mtl_options *o, const char *key, size_t n)
{
    for (size_t i = 0; o && i < o->n_items; i++)
        if (strcmp(o->items[i].key, key) == 0 && n-- == 0)
            return o->items[i].value;
    return NULL;
}

mtl_options *mtl_options_copy(const mtl_options *o)
{
    mtl_options *c = mtl_options_new();
    if (!c)
        return NULL;
    if (mtl_options_merge(c, o) != 0) {
        mtl_options_free(c);
        return NULL;
    }
    return c;
}

char *mtl_options_key(const mtl_options *o)
{
    mtl_sb sb = {0};
    for (size_t i = 0; i < o->n_severity; i++)
        if (o->severity[i] >= 0)
            mtl_sb_printf(&sb, "%zu:%d,", i, o->severity[i]);
    mtl_sb_addc(&sb, '\n');
    /* Values come from command lines and INI lines, which cannot hold a
     * line break, so one separates entries without ambiguity. */
    for (size_t i = 0; i < o->n_items; i++) {
        mtl_sb_adds(&sb, o->items[i].key);
        mtl_sb_addc(&sb, '=');
        mtl_sb_adds(&sb, o->items[i].value);
        mtl_sb_addc(&sb, '\n');
    }
    return mtl_sb_take(&sb);
}

int mtl_options_merge(mtl_options *dst, const mtl_options *src)
{
    for (size_t i = 0; i < src->n_severity; i++)
        if (src->severity[i] >= 0 &&
            mtl_options_put_severity(dst, i, src->severity[i]) != 0)
            return -1;
    for (size_t i = 0; i < src->n_items; i++)
        if (mtl_options_set(dst, src->items[i].key, src->items[i].value) != 0)
            return -1;
    return 0;
}
