#include "lint_helper.h"

#include <string.h>

static const flag_case flags[] = {
    {.text = "Safadi said «El presidente no quiere hablar con la prensa hoy». Then "
             "he left.",
     .flag = "El presidente no quiere hablar con la prensa hoy",
     .message = "text in Spanish"},
    {.text = "The minister of Иностранных дел said so.",
     .flag = "Иностранных дел",
     .message = "text in Cyrillic script 'Иностранных дел'"},
    {.text = "He wrote 北京 on the board.", .flag = "北京",
     .message = "Han script"},
    {.text = "The sign read مرحبا بكم in large letters.", .flag = "مرحبا بكم",
     .message = "Arabic script"},
    {.text = "The crowd chanted नमस्ते दुनिया as he arrived.",
     .flag = "नमस्ते दुनिया", .message = "Devanagari script"},
    {.text = "Le président a dit que la situation était très grave.",
     .flag = "Le président a dit que la situation était très grave",
     .message = "text in French"},
    {.text = "Die Regierung hat gestern eine neue Strategie beschlossen.",
     .flag = "Die Regierung hat gestern eine neue Strategie beschlossen",
     .message = "text in German"},
    {.text = "Officials said: O governo português anunciou hoje novas medidas "
             "económicas.",
     .flag = "governo português anunciou hoje novas medidas económicas",
     .message = "text in Portuguese"},
    {.text = "Talks resumed. Las negociaciones continuarán mañana por la mañana. "
             "Nothing else was said.",
     .flag = "Las negociaciones continuarán mañana por la mañana",
     .message = "Spanish"},
    {.text = "The word Сhina here has a Cyrillic first letter.",
     .flag = "Сhina", .message = "Cyrillic"},
    {.text = "She greeted them in Greek: Καλημέρα σας.", .flag = "Καλημέρα σας",
     .message = "Greek"},
    /* an English word with a Greek look-alike letter (capital upsilon) */
    {.text = "Do you know the link? Υes.", .flag = "Υes", .message = "Greek"},
    /* near misses of the exemptions below: no translation, no name */
    {.text = "The sign read Καλημέρα σας in large letters.",
     .flag = "Καλημέρα σας", .message = "Greek"},
    /* the engine's mark for a word it could not render, alone or a run */
    {.text = "One of these is called < unk > manzil or a house.",
     .flag = "< unk >", .message = "'<unk>' is the translation engine's mark"},
    {.text = "The bend during this time is < unk > < unk > <unk>, they said.",
     .flag = "< unk > < unk > <unk>", .message = "3 '<unk>' marks"},
    /* quoted, but spoken, not cited */
    {.text = "He said “Здравствуйте” to the minister.",
     .flag = "Здравствуйте"},
    {.text = "He said (Москва) and left.", .flag = "Москва",
     .message = "Cyrillic"},
};

static const char *const clean[] = {
    /* comparisons, and the word alone */
    "If a < unk, then b > c.",
    "The unk field of the record is empty.",
    /* a word cited as a word */
    "If we look at the Hindi word “नमस्ते” written in the Devanagari script, "
    "it is stored as a vector.",
    "That is the number of bytes it takes to encode “Здравствуйте” in UTF-8.",
    "We met at a café in Bogotá with Majid al-Ansari.",
    "Her naïve résumé impressed the café owner in São Paulo.",
    "The Škoda plant is near Prague, and Mladá Boleslav is close.",
    "The value of π is small, and Δ is the change in it.",
    "Secretary of State Antony Blinken met Netanyahu in Tel Aviv.",
    "He ordered a croissant, a latte and a piñata for the fiesta.",
    "The junta declared a coup d'état, and the régime fell.",
    "Crown Prince Mohammed bin Salman met Emir Tamim bin Hamad Al Thani.",
    "The motto of the Bundeswehr and the Jugendamt were discussed in English.",
    ("Qatari Foreign Ministry spokesman Majid al-Ansari said negotiations "
     "were still ongoing."),
    "The hostages were released at the Rafah crossing on Monday.",
    /* a name in its own script after its English form */
    "Moscow (Russian: Москва) is the capital.",
    "Kyiv (Київ) lies on the Dnieper.",
    /* a quotation in another language followed by its translation */
    "The sign read Καλημέρα σας (Good morning).",
    "She said «Buenos días a todos los amigos» (Good morning to all friends) "
    "and left.",
    /* Greek letters in formulas, units and gene names */
    "Speeds reached 30 μm/hour and 3.4μm/hour.",
    "One gets PPV = (1 - β)R/(R - βR + α) in that case.",
    "Cytokines such as TNFα and the mutant SBVΔNSs were studied.",
    "The coactivator PGC-1α and the term βn matter.",
    /* English jargon: many words the dictionary lacks, no foreign text */
    ("Proteorhodopsin bacterioplankton picoeukaryotes showed "
     "photoheterotrophic metabolism in oligotrophic gyres."),
};

/* With every rule on, each sentence in Spanish is one finding, this
 * rule's: not also its words' spelling, nor a sentence without an English
 * verb, nor Spanish words taken for an English term written two ways. */
static void one_finding_a_sentence(void **state)
{
    (void)state;
    const char *text =
        "Sabemos que personas como tú tienen muchas preguntas y es por eso "
        "que comenzamos esta primera publicación en español. En esta ocasión "
        "te mostramos el día de uno de nuestros ingenieros, Edwin Torres. Lo "
        "que más me gusta de ser consultor es que los días son muy variados. "
        "Nuestros consultores trabajan con otras agencias del Gobierno.";
    mtl_result *r = lint_only(NULL, text);
    for (size_t i = 0; i < mtl_result_count(r); i++)
        print_error("%s [%s]\n", mtl_result_at(r, i)->message,
                    mtl_result_at(r, i)->rule);
    assert_int_equal(mtl_result_count(r), 4);
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        assert_string_equal(mtl_result_at(r, i)->rule, "untranslated");
        assert_non_null(strstr(mtl_result_at(r, i)->message, "Spanish"));
    }
    mtl_result_free(r);
}

/* A document in Spanish, every sentence of it, is one finding; one in
 * English with Spanish sentences in it has each reported. */
static void whole_document(void **state)
{
    (void)state;
    const char *spanish =
        "Sabemos que personas como tú tienen muchas preguntas y es por eso "
        "que comenzamos esta primera publicación en español. En esta ocasión "
        "te mostramos el día de uno de nuestros ingenieros, Edwin Torres. Lo "
        "que más me gusta de ser consultor es que los días son muy variados. "
        "Nuestros consultores trabajan con otras agencias del Gobierno. "
        "Esta mañana no tengo reuniones, así que pondré música y trabajaré. "
        "La tecnología que utilizamos depende de las circunstancias de "
        "nuestros socios.";
    mtl_result *r = lint_only(NULL, spanish);
    assert_int_equal(mtl_result_count(r), 1);
    assert_string_equal(mtl_result_at(r, 0)->rule, "untranslated");
    assert_non_null(strstr(mtl_result_at(r, 0)->message,
                           "the document is in Spanish: 6 of its 6 sentences"));
    mtl_result_free(r);
    const char *half =
        "Sabemos que personas como tú tienen muchas preguntas y es por eso "
        "que comenzamos esta primera publicación en español. The team met "
        "on Monday to plan the next release. Lo que más me gusta de ser "
        "consultor es que los días son muy variados. Everyone agreed on the "
        "dates and the budget. Nuestros consultores trabajan con otras "
        "agencias del Gobierno. The work starts in May.";
    r = lint_only(NULL, half);
    assert_int_equal(mtl_result_count(r), 3);
    for (size_t i = 0; i < mtl_result_count(r); i++)
        assert_non_null(strstr(mtl_result_at(r, i)->message, "text in Spanish"));
    mtl_result_free(r);
}

int main(void)
{
    int failed = run_rule_cases("untranslated", "untranslated", flags,
                                COUNT_OF(flags), clean, COUNT_OF(clean));
    const struct CMUnitTest more[] = {
        cmocka_unit_test(one_finding_a_sentence),
        cmocka_unit_test(whole_document),
    };
    return failed + cmocka_run_group_tests_name("untranslated more", more,
                                                NULL, NULL);
}
