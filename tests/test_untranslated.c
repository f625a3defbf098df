#include "lint_helper.h"

static const flag_case flags[] = {
    {"Safadi said «El presidente no quiere hablar con la prensa hoy». Then "
     "he left.",
     "El presidente no quiere hablar con la prensa hoy", "text in Spanish",
     NULL, NULL},
    {"The minister of Иностранных дел said so.", "Иностранных дел",
     "text in Cyrillic script 'Иностранных дел'", NULL, NULL},
    {"He wrote 北京 on the board.", "北京", "Han script", NULL, NULL},
    {"The sign read مرحبا بكم in large letters.", "مرحبا بكم", "Arabic script",
     NULL, NULL},
    {"The crowd chanted नमस्ते दुनिया as he arrived.", "नमस्ते दुनिया",
     "Devanagari script", NULL, NULL},
    {"Le président a dit que la situation était très grave.",
     "Le président a dit que la situation était très grave", "text in French",
     NULL, NULL},
    {"Die Regierung hat gestern eine neue Strategie beschlossen.",
     "Die Regierung hat gestern eine neue Strategie beschlossen",
     "text in German", NULL, NULL},
    {"Officials said: O governo português anunciou hoje novas medidas "
     "económicas.",
     "governo português anunciou hoje novas medidas económicas",
     "text in Portuguese", NULL, NULL},
    {"Talks resumed. Las negociaciones continuarán mañana por la mañana. "
     "Nothing else was said.",
     "Las negociaciones continuarán mañana por la mañana", "Spanish", NULL,
     NULL},
    {"The word Сhina here has a Cyrillic first letter.", "Сhina", "Cyrillic",
     NULL, NULL},
    {"She greeted them in Greek: Καλημέρα σας.", "Καλημέρα σας", "Greek",
     NULL, NULL},
};

static const char *const clean[] = {
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
};

int main(void)
{
    return run_rule_cases("untranslated", "untranslated", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
