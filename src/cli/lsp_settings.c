#include "lsp_settings.h"

#include <stdlib.h>
#include <string.h>

/* Setting names (those of .mtlint.ini) and the options they set. */
static const struct {
    const char *key, *option;
    int list;
} named[] = {
    {"lang", "lang", 0},
    {"lm", "lm", 0},
    {"words", "words", 1},
    {"dict-path", "dict-path", 1},
    {"ignore-words", "ignore-word", 1},
    {"ignore-phrases", "ignore-phrase", 1},
};

/* Returns 0, or -1 when out of memory; a bad value is a warning. */
static int set_named(mtl_options *o, size_t k, const json_t *v, mtl_sb *warn)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    if (!json_is_string(v) && !(named[k].list && json_is_array(v))) {
        mtl_sb_printf(warn, "setting '%s' takes %s\n", named[k].key,
                      named[k].list ? "a string or a list of strings" : "a string");
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        const json_t *s = json_is_array(v) ? json_array_get(v, i) : v;
        if (!json_is_string(s) || !*json_string_value(s) ||
            strlen(json_string_value(s)) != json_string_length(s)) {
            mtl_sb_printf(warn, "setting '%s': item %zu is not a string\n",
                          named[k].key, i + 1);
            continue;
        }
        if (mtl_options_set(o, named[k].option, json_string_value(s)) != 0)
            return -1;
    }
    return 0;
}

static int set_rules(mtl_options *o, const json_t *rules, mtl_sb *warn)
{
    if (!json_is_object(rules)) {
        mtl_sb_adds(warn, "setting 'rules' takes an object of rule ids and "
                          "severities\n");
        return 0;
    }
    const char *id;
    const json_t *v;
    json_object_foreach((json_t *)rules, id, v) {
        int rule = mtl_rule_find(id);
        if (rule < 0) {
            mtl_sb_printf(warn, "unknown rule '%s' in settings\n", id);
            continue;
        }
        int s = json_is_string(v) ? mtl_severity_parse(json_string_value(v))
                : json_is_false(v) ? MTL_OFF
                : json_is_true(v)  ? (int)mtl_rule_at((size_t)rule)->default_severity
                                   : -1;
        if (s < 0) {
            mtl_sb_printf(warn, "rule '%s': a severity is error, warning, note "
                                "or off (or true, false)\n", id);
            continue;
        }
        /* turning a rule that is off by default on gives it a warning */
        if (json_is_true(v) && s == MTL_OFF)
            s = MTL_WARNING;
        if (mtl_options_set_severity(o, id, (mtl_severity)s) != 0)
            return -1;
    }
    return 0;
}

static int set_string(char **out, const char *key, const json_t *v, mtl_sb *warn)
{
    if (!json_is_string(v) || !*json_string_value(v)) {
        mtl_sb_printf(warn, "setting '%s' takes a string\n", key);
        return 0;
    }
    free(*out);
    *out = strdup(json_string_value(v));
    return *out ? 0 : -1;
}

int lsp_settings_read(const json_t *value, lsp_settings *out, mtl_sb *warn)
{
    lsp_settings s = {.opts = mtl_options_new()};
    if (!s.opts)
        return -1;
    const json_t *inner = json_object_get(value, "mtlint");
    if (json_is_object(inner))
        value = inner;
    else if (json_is_array(inner) && !json_array_size(inner))
        value = NULL; /* an empty table, as some clients encode {} */
    int rc = 0;
    if (value && !json_is_null(value) && !json_is_object(value))
        mtl_sb_adds(warn, "settings are an object\n");
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)value, key, v) {
        if (rc != 0)
            break;
        size_t k = 0;
        while (k < sizeof named / sizeof *named && strcmp(named[k].key, key) != 0)
            k++;
        if (k < sizeof named / sizeof *named)
            rc = set_named(s.opts, k, v, warn);
        else if (strcmp(key, "rules") == 0)
            rc = set_rules(s.opts, v, warn);
        else if (strcmp(key, "report-unused-suppressions") == 0 && !json_is_boolean(v))
            mtl_sb_printf(warn, "setting '%s' takes true or false\n", key);
        else if (strcmp(key, "report-unused-suppressions") == 0)
            rc = json_is_true(v)
                     ? mtl_options_set(s.opts, "report-unused-suppressions", "1")
                     : 0;
        else if (strcmp(key, "baseline") == 0)
            rc = set_string(&s.baseline, key, v, warn);
        else if (strcmp(key, "rule-docs") == 0)
            rc = set_string(&s.rule_docs, key, v, warn);
        else
            mtl_sb_printf(warn, "unknown setting '%s'\n", key);
    }
    if (rc != 0) {
        lsp_settings_free(&s);
        return -1;
    }
    lsp_settings_free(out);
    *out = s;
    return 0;
}

void lsp_settings_free(lsp_settings *s)
{
    mtl_options_free(s->opts);
    free(s->baseline);
    free(s->rule_docs);
    *s = (lsp_settings){0};
}
