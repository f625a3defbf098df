#include "rule.h"

#define MTL_RULE(name) extern const mtl_rule mtl_rule_##name;
#include "rules.def"
#undef MTL_RULE

const mtl_rule *const mtl_rules[] = {
#define MTL_RULE(name) &mtl_rule_##name,
#include "rules.def"
#undef MTL_RULE
};

const size_t mtl_n_rules = sizeof mtl_rules / sizeof *mtl_rules;
