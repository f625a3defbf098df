#include "options.h"

#include "buf.h"
#include "rule.h"

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
    {"ignore-phrase", 1},
};

typedef struct kv {
    char *key, *value;
} kv;

struct mtl_options {
    signed char *severity; /* per rule index; -1 = not set */
    kv *items;
    size_t n_items, cap;
};

mtl_options *mtl_options_new(void)
{
    mtl_options *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    size_t n = mtl_rule_count();
    o->severity = malloc(n ? n : 1);
    if (!o->severity) {
        free(o);
        return NULL;
    }
    memset(o->severity, -1, n ? n : 1);
    return o;
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

int mtl_options_set_severity(mtl_options *o, const char *rule, mtl_severity s)
{
    int i = mtl_rule_find(rule);
    if (i < 0 || s < MTL_OFF || s > MTL_ERROR)
        return -1;
    o->severity[i] = (signed char)s;
    return 0;
}

int mtl_options_severity(const mtl_options *o, size_t rule_index)
{
    return o && rule_index < mtl_rule_count() ? o->severity[rule_index] : -1;
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
    memcpy(c->severity, o->severity, mtl_rule_count() ? mtl_rule_count() : 1);
    for (size_t i = 0; i < o->n_items; i++) {
        kv item = {strdup(o->items[i].key), strdup(o->items[i].value)};
        if (!item.key || !item.value ||
            MTL_PUSH(c->items, c->n_items, c->cap, item) != 0) {
            free(item.key);
            free(item.value);
            mtl_options_free(c);
            return NULL;
        }
    }
    return c;
}

char *mtl_options_key(const mtl_options *o)
{
    mtl_sb sb = {0};
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_sb_printf(&sb, "%d,", o->severity[i]);
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
    for (size_t i = 0; i < mtl_rule_count(); i++)
        if (src->severity[i] >= 0)
            dst->severity[i] = src->severity[i];
    for (size_t i = 0; i < src->n_items; i++)
        if (mtl_options_set(dst, src->items[i].key, src->items[i].value) != 0)
            return -1;
    return 0;
}
