/*
 * Settings an editor gives the server, in initializationOptions and in
 * workspace/didChangeConfiguration: the .mtlint.ini keys as JSON, under
 * "mtlint" or at the top level.
 *
 *     {"mtlint": {"rules": {"spelling": "off", "fragment": "note"},
 *                 "lang": "en_GB", "words": ["/home/me/names.txt"],
 *                 "ignore-words": ["Blinken"], "baseline": ".mtlint-baseline",
 *                 "rule-docs": "https://example.org/rules#{rule}"}}
 *
 * They apply over the .mtlint.ini files, as the command line does.
 */
#ifndef MTL_LSP_SETTINGS_H
#define MTL_LSP_SETTINGS_H

#include "mtlint.h"

#include "base/buf.h"

#include <jansson.h>

typedef struct lsp_settings {
    mtl_options *opts; /* rules and resources */
    char *baseline;    /* the baseline file, relative to a workspace folder */
    char *rule_docs;   /* a URL with {rule} for the rule's documentation */
} lsp_settings;

/* Reads value (NULL or null: no settings) into *out, which it replaces.
 * Each problem (an unknown key, a bad value) is a line in *warnings, and
 * the rest still applies. Returns 0, or -1 when out of memory. */
int lsp_settings_read(const json_t *value, lsp_settings *out, mtl_sb *warnings);
void lsp_settings_free(lsp_settings *s);

#endif
