/* Noun number from tags and dictionary stems (number.h). */
#include "lang/number.h"

#include "base/strlist.h"
#include "lang/spell.h"
#include "lang/tags.h"

#include <string.h>

/* Nouns whose plural is the singular, or that end in -s when singular. */
static const char *const invariant[] = {
    "aircraft", "sheep", "deer", "fish", "series", "species", "offspring",
    "personnel", "crossroads", "headquarters", "means", "thanks", "news",
    "spacecraft", "salmon", "moose", "swine", "bison", "works", "barracks",
    "congratulations", "hovercraft", "watercraft", "craft", "innings",
    "apparatus", "chassis", "hiatus", "nexus", "corps", "mores", "progeny",
    "vermin", "commons", "tuna", "trout", "cod", "shrimp", "squid", "elk",
    "carp", "grouse", "swordfish", NULL};

/* Plural or group nouns that take these/many/both without -s, and plural
 * verbs as often as singular ones ("the team are" in British usage). */
static const char *const collective[] = {
    "majority", "number", "family", "team", "government", "police", "staff",
    "public", "group", "couple", "crowd", "rest", "remainder", "percent",
    "bulk", "lot", "half", "total", "pair", "people", "committee", "council",
    "board", "jury", "audience", "class", "army", "party", "company", "band",
    "crew", "media", "data", "minority", "personnel", "youth", "clergy",
    "series", "species", "cattle", "poultry", "livestock", "folk", NULL};

/* Groups and organisations that British English gives a plural verb as
 * often as a singular one ("the council have agreed", "the band are
 * touring"), beyond the collectives above; and words of quantity that
 * stand for a plural ("a handful are left"). */
static const char *const group[] = {
    "administration", "agency", "alliance", "aristocracy", "assembly",
    "association", "authority", "bank", "battalion", "bourgeoisie",
    "brigade", "business", "cabinet", "cast", "cavalry", "choir", "church",
    "clan", "club", "coalition", "college", "commission", "community",
    "congregation", "congress", "corporation", "country", "court",
    "delegation", "department", "division", "duo", "dynasty", "electorate",
    "elite", "enemy", "establishment", "faculty", "federation", "firm",
    "fleet", "flock", "force", "franchise", "gang", "generation", "gentry",
    "handful", "herd", "household", "infantry", "institute",
    "intelligentsia", "kingdom", "label", "laity", "leadership", "league",
    "management", "military", "militia", "ministry", "mob", "nation",
    "navy", "network", "nobility", "opposition", "orchestra",
    "organisation", "organization", "pack", "panel", "parliament",
    "partnership", "peasantry", "platoon", "population", "populace",
    "press", "proletariat", "proportion", "publisher", "quartet", "quintet",
    "regime", "regiment", "royalty", "school", "senate", "side", "society",
    "squad", "squadron", "state", "studio", "swarm", "tribe", "trio",
    "troupe", "union", "unit", "university", "village", "workforce",
    "garrison", "expedition", "colony", "convoy", "contingent",
    "detachment", "outfit", "troop", "throng", "horde", "entourage",
    "retinue", "secretariat", "directorate", "executive", "hierarchy",
    "command", "town", "city", "world", "tribunal", "artillery", "guard",
    "bench", "house", "county", "parish", "province", "trust", "charity",
    "service", "industry", "consortium", "syndicate", "cartel", "movement",
    "campaign", "mission", "embassy", "litter", "brood", "diaspora",
    "citizenry", "constituency", "readership", "membership",
    "dozen", "score", "host", "multitude", "variety", "range", "fraction",
    "percentage", "share", "third", "quarter", "whole", NULL};

/* Plurals without -s. "-men" plurals are found by their "-man" singular. */
static const char *const irregular_plural[] = {
    "children", "pence", "feet", "teeth", "geese", "mice", "lice", "oxen",
    "criteria", "phenomena", "bacteria", "strata", "curricula", "memoranda", "errata",
    "stimuli", "alumni", "fungi", "cacti", "nuclei", "radii", "foci", "loci",
    "corpora", "genera", "larvae", "formulae", "antennae", "vertebrae",
    "algae", NULL};

static const char *norm(const mtl_doc *doc, size_t i)
{
    return mtl_tok_norm(doc, &doc->tokens[i]);
}

/* Which bases of the -s word w are its stems (MTL_STEM_*, speller.h): from
 * the compiled dictionary, so that most documents load no Hunspell; 0
 * without a dictionary. */
static unsigned s_stems(const mtl_doc *doc, const char *w)
{
    const mtl_spell *sp = doc->an ? doc->an->spell : NULL;
    if (!sp || !sp->speller || strlen(w) >= MTL_SPELLER_MAX_WORD)
        return 0;
    return mtl_speller_s_stems(sp->speller, w);
}

static int spelled(const mtl_doc *doc, const char *w)
{
    const mtl_spell *sp = doc->an ? doc->an->spell : NULL;
    return sp && sp->speller && mtl_speller_check(sp->speller, w, strlen(w));
}

/* Hunspell gives a verb as the stem of nouns in -ings: "buildings" from
 * "build", "meetings" from "meet". Its stem of an agent noun's plural is
 * the verb ("farmers" from "farm", by the -ers suffix) and of a prefixed
 * word the word without its prefix ("delegates" from "legate"): then the
 * word less -s must be a word of its own ("farmer", "delegate"). */
int mtl_number_regular_plural(const mtl_doc *doc, const char *w)
{
    size_t n = strlen(w);
    if (n < 4 || w[n - 1] != 's' || w[n - 2] == 's' || w[n - 2] == '\'' ||
        n >= MTL_SPELLER_MAX_WORD)
        return 0;
    unsigned st = s_stems(doc, w);
    if (st & MTL_STEM_SELF)
        return 0;
    if (st & (MTL_STEM_S | MTL_STEM_ES | MTL_STEM_IES | MTL_STEM_INGS |
              MTL_STEM_INGS_E))
        return 1;
    char base[MTL_SPELLER_MAX_WORD];
    memcpy(base, w, n - 1);
    base[n - 1] = '\0';
    return spelled(doc, w) && spelled(doc, base);
}

/* "chairmen", "women": a -men word whose -man form is a word. */
static int men_plural(const mtl_doc *doc, const char *w)
{
    size_t n = strlen(w);
    char buf[MTL_SPELLER_MAX_WORD];
    if (n < 3 || n >= sizeof buf || strcmp(w + n - 3, "men") != 0)
        return 0;
    memcpy(buf, w, n + 1);
    buf[n - 2] = 'a';
    return spelled(doc, buf);
}

int mtl_number_invariant(const char *w)
{
    return mtl_in_list(invariant, w);
}

int mtl_number_collective(const char *w)
{
    return mtl_in_list(collective, w);
}

int mtl_number_group(const char *w)
{
    return mtl_in_list(collective, w) || mtl_in_list(group, w);
}

/* "papillae", "vertebrae": a Latin plural in -ae whose -a singular is a
 * word ("papilla"). */
static int ae_plural(const mtl_doc *doc, const char *w)
{
    size_t n = strlen(w);
    char buf[MTL_SPELLER_MAX_WORD];
    if (n < 5 || n >= sizeof buf || strcmp(w + n - 2, "ae") != 0)
        return 0;
    memcpy(buf, w, n - 1);
    buf[n - 1] = '\0';
    return spelled(doc, buf);
}

int mtl_number_is_plural(const mtl_doc *doc, size_t i)
{
    const char *w = norm(doc, i);
    if (mtl_tag_of(doc, i) != MTL_TAG_NOUN || mtl_in_list(invariant, w))
        return 0;
    return mtl_in_list(irregular_plural, w) || men_plural(doc, w) ||
           ae_plural(doc, w) || mtl_number_regular_plural(doc, w);
}

int mtl_number_is_singular(const mtl_doc *doc, size_t i)
{
    const char *w = norm(doc, i);
    size_t n = doc->tokens[i].norm_len;
    if (mtl_tag_of(doc, i) != MTL_TAG_NOUN || n < 2 || w[n - 1] == 's' ||
        mtl_in_list(invariant, w) || mtl_in_list(collective, w) ||
        mtl_in_list(irregular_plural, w) || men_plural(doc, w) ||
        ae_plural(doc, w) || (n >= 6 && strcmp(w + n - 6, "people") == 0)) /* "craftspeople" */
        return 0;
    return spelled(doc, w); /* an unknown word may be a foreign plural */
}

int mtl_number_s_singular(const mtl_doc *doc, size_t i)
{
    const char *w = norm(doc, i);
    size_t n = doc->tokens[i].norm_len;
    return n > 3 && mtl_tag_of(doc, i) == MTL_TAG_NOUN &&
           (strcmp(w + n - 2, "ss") == 0 || strcmp(w + n - 2, "us") == 0 ||
            strcmp(w + n - 2, "is") == 0) &&
           !mtl_in_list(invariant, w) && mtl_spell_accepts(doc, i);
}

/* Does the stem st (m bytes) take -ed or -ing in the dictionary: "argue"
 * ("argued", "arguing"), "stop" ("stopped")? */
static int takes_verb_endings(const mtl_doc *doc, const char *st, size_t m)
{
    char buf[MTL_SPELLER_MAX_WORD + 8];
    if (m < 2 || m + 5 > sizeof buf)
        return 0;
    static const char *const endings[] = {"ed", "d", "ing", NULL};
    for (size_t e = 0; endings[e]; e++) {
        memcpy(buf, st, m);
        strcpy(buf + m, endings[e]);
        if (spelled(doc, buf))
            return 1;
    }
    if (st[m - 1] == 'e') { /* "arguing" */
        memcpy(buf, st, m - 1);
        strcpy(buf + m - 1, "ing");
        if (spelled(doc, buf))
            return 1;
    }
    memcpy(buf, st, m); /* "stopped" */
    buf[m] = st[m - 1];
    strcpy(buf + m + 1, "ed");
    return spelled(doc, buf);
}

int mtl_number_may_be_verb(const mtl_doc *doc, size_t i)
{
    if (mtl_tag_may_be_finite(doc, i))
        return 1;
    const char *w = norm(doc, i);
    size_t n = strlen(w);
    unsigned bits = s_stems(doc, w);
    /* Hunspell may give another analysis only ("differs": the agent noun
     * "diff" + "-ers"); the word less -s is tried anyway, and only counts
     * when it has a past or a gerund below */
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
        bits |= MTL_STEM_S;
    /* the stems that are the word less -s, less -es, or -y for -ies */
    static const struct {
        unsigned bit;
        size_t cut;
        const char *add;
    } bases[] = {{MTL_STEM_S, 1, ""}, {MTL_STEM_ES, 2, ""},
                 {MTL_STEM_IES, 3, "y"}};
    for (size_t b = 0; b < 3; b++) {
        if (!(bits & bases[b].bit) || n <= bases[b].cut ||
            n - bases[b].cut + strlen(bases[b].add) >= MTL_SPELLER_MAX_WORD)
            continue;
        char st[MTL_SPELLER_MAX_WORD];
        size_t m = n - bases[b].cut;
        memcpy(st, w, m);
        strcpy(st + m, bases[b].add);
        if (takes_verb_endings(doc, st, strlen(st)))
            return 1;
    }
    return 0;
}

int mtl_number_base_may_be_verb(const mtl_doc *doc, size_t i)
{
    const char *w = norm(doc, i);
    size_t n = strlen(w);
    return n > 2 && w[n - 1] != 's' && spelled(doc, w) &&
           takes_verb_endings(doc, w, n);
}
