/*
 * The rule catalogue and severity names: what --list-rules shows, what
 * configs and command lines name. The table is built from src/rules/rules.def,
 * the only list of rules.
 */
#include "lint/catalogue.h"

#include "base/options.h"
#include "mtlint.h"

#include <string.h>
#include <strings.h>

#define MTL_RULE(name) extern const mtl_rule mtl_rule_##name;
#include "rules/rules.def"
#undef MTL_RULE

const mtl_rule *const mtl_rules[] = {
#define MTL_RULE(name) &mtl_rule_##name,
#include "rules/rules.def"
#undef MTL_RULE
};

const size_t mtl_n_rules = sizeof mtl_rules / sizeof *mtl_rules;

size_t mtl_rule_count(void) { return mtl_n_rules; }

const mtl_rule_info *mtl_rule_at(size_t i)
{
    return i < mtl_n_rules ? &mtl_rules[i]->info : NULL;
}

int mtl_rule_find(const char *id)
{
    for (size_t i = 0; id && i < mtl_n_rules; i++)
        if (strcmp(mtl_rules[i]->info.id, id) == 0)
            return (int)i;
    return -1;
}

int mtl_severity_parse(const char *s)
{
    if (!s)
        return -1;
    if (!strcasecmp(s, "off") || !strcasecmp(s, "none") || !strcmp(s, "0"))
        return MTL_OFF;
    if (!strcasecmp(s, "note") || !strcasecmp(s, "info"))
        return MTL_NOTE;
    if (!strcasecmp(s, "warning") || !strcasecmp(s, "warn"))
        return MTL_WARNING;
    if (!strcasecmp(s, "error"))
        return MTL_ERROR;
    return -1;
}

const char *mtl_severity_name(mtl_severity s)
{
    switch (s) {
    case MTL_NOTE: return "note";
    case MTL_WARNING: return "warning";
    case MTL_ERROR: return "error";
    default: return "off";
    }
}

int mtl_options_set_severity(mtl_options *o, const char *rule, mtl_severity s)
{
    int i = mtl_rule_find(rule);
    if (i < 0 || s < MTL_OFF || s > MTL_ERROR)
        return -1;
    return mtl_options_put_severity(o, (size_t)i, (int)s);
}
