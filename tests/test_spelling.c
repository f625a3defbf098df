#include "lint_helper.h"

static const flag_case flags[] = {
    {"We met teh minister.", "teh", "unknown word 'teh'", "the", NULL},
    {"The goverment said no.", "goverment", NULL, "government", NULL},
    {"They recieved the letter.", "recieved", NULL, "received", NULL},
    {"Teh talks ended.", "Teh", NULL, "The", NULL},
    {"He spoke to the Foriegn Minister.", "Foriegn", NULL, "Foreign", NULL},
    {"The hostages were releassed on Monday.", "releassed", NULL, "released",
     NULL},
    {"A diplomat said the talks were hepful.", "hepful", NULL, "helpful", NULL},
    {"Officials in Isreal said so.", "Isreal", NULL, "Israel", NULL},
    {"The situtaion is grave.", "situtaion", NULL, "situation", NULL},
    {"It was a humanitarain pause.", "humanitarain", NULL, "humanitarian",
     NULL},
    {"They sugested a plan.", "sugested", NULL, "suggested", NULL},
    {"Blinken’s visit was brief, and the ceasfire held.", "ceasfire", NULL,
     NULL, NULL},
    {"TThe talks ended.", "TThe", NULL, "The", NULL},
    {"THE SUMMIT DOCUMEENTS WERE SIGNED.", "DOCUMEENTS", NULL, "DOCUMENTS",
     NULL},
};

static const char *const clean[] = {
    "Secretary of State Antony Blinken met Netanyahu in Tel Aviv.",
    "Blinken’s visit ended. Blinken flew to Ankara.",
    "Majid al-Ansari said Hamas’s leaders agreed.",
    "The Škoda plant is near Prague.",
    "Her naïve résumé impressed the café owner.",
    "Write to press@example.org or visit https://example.com/teh-page today.",
    "NATO and the UNHCR met in 2023 with 3,000 delegates.",
    "Safadi said the talks were useful.",
    "The anti-Israel protests and non-binding votes continued.",
    "The kubectl tool, the kubectl flags, and kubectl output.",
    "The iPhone and the McDonald brand were on sale.",
    "He said he doesn't know, and they'd left by 9 p.m.",
    "Crown Prince Mohammed bin Salman met him in Riyadh.",
    "The hostages’ families met the U.S. envoy.",
    "The bootloader and the userspace daemon restarted.",
    "Her colour and his color differ: both are words.",
    "Ayman Safadi and Ean Schuessler spoke.",
};

int main(void)
{
    return run_rule_cases("spelling", "spelling", flags, COUNT_OF(flags), clean,
                          COUNT_OF(clean));
}
