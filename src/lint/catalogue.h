/* The rule catalogue: every rule, in rules.def order. */
#ifndef MTL_CATALOGUE_H
#define MTL_CATALOGUE_H

#include "findings/rule.h"

#include <stddef.h>

extern const mtl_rule *const mtl_rules[];
extern const size_t mtl_n_rules;

#endif
