#include "text/abbrev.h"

#include "base/utf8.h"

#include <string.h>

/* Abbreviations that English writes with a final dot, lower case. Titles,
 * company forms, months and days, US states in the AP style of news
 * ("R-Fla.,"), the usual Latin and reference forms, and those of biology
 * and etymology ("Vibrio spp.,", "haplo-rhini, Gr., simple noses"). */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "sen", "gov", "rep",
    "gen", "lt", "col", "capt", "sgt", "cpl", "adm", "maj", "cmdr", "supt",
    "insp", "det", "atty", "rev", "fr", "st", "mt", "ft", "jr", "sr", "pres",
    "amb", "hon", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "assn",
    "assoc", "dept", "govt", "univ", "intl", "natl", "mfg", "no", "nos",
    "vol", "vols", "fig", "figs", "eq", "ed", "eds", "p", "pp", "ch", "sec",
    "para", "ibid", "op", "cit", "seq", "cf", "viz", "vs", "etc", "al", "approx",
    "est", "ca", "esp", "incl", "misc", "min", "max", "ave", "blvd", "rd",
    "hwy", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "ala", "ariz", "ark", "calif", "colo", "conn",
    "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass",
    "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "sp", "spp", "ssp",
    "subsp", "var", "gr", "lat", "ger",
    /* letters and old style: "John Smith, Esq., of London", "the 22nd inst.,"
     * (this month), "San Francisco, Cal.," */
    "esq", "inst", "ult", "prox", "cal", "attn", "encl", NULL};

int mtl_is_abbrev(const char *norm)
{
    for (size_t i = 0; abbrevs[i]; i++)
        if (strcmp(norm, abbrevs[i]) == 0)
            return 1;
    return 0;
}

int mtl_abbrev_dot(const mtl_doc *doc, size_t i)
{
    if (i == 0 || i >= doc->n_tokens)
        return 0;
    const mtl_token *dot = &doc->tokens[i], *w = &doc->tokens[i - 1];
    if (dot->kind != MTL_TOK_PUNCT || doc->text[dot->start] != '.' ||
        w->kind != MTL_TOK_WORD || w->end != dot->start)
        return 0;
    const char *n = mtl_tok_norm(doc, w);
    size_t letters = mtl_utf8_count(doc->text + w->start, w->end - w->start);
    /* two capitals are a state or country code: "Bismarck, ND., USA" */
    return strchr(n, '.') != NULL || letters == 1 ||
           (letters == 2 && (w->flags & MTL_TF_ALLCAPS)) || mtl_is_abbrev(n);
}
