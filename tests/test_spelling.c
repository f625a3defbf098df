#include "lint_helper.h"

static const flag_case flags[] = {
    {.text = "We met teh minister.", .flag = "teh",
     .message = "unknown word 'teh'", .suggestion = "the"},
    {.text = "The goverment said no.", .flag = "goverment",
     .suggestion = "government"},
    {.text = "They recieved the letter.", .flag = "recieved",
     .suggestion = "received"},
    {.text = "Teh talks ended.", .flag = "Teh", .suggestion = "The"},
    {.text = "He spoke to the Foriegn Minister.", .flag = "Foriegn",
     .suggestion = "Foreign"},
    {.text = "The hostages were releassed on Monday.", .flag = "releassed",
     .suggestion = "released"},
    {.text = "A diplomat said the talks were hepful.", .flag = "hepful",
     .suggestion = "helpful"},
    {.text = "Officials in Isreal said so.", .flag = "Isreal",
     .suggestion = "Israel"},
    {.text = "The situtaion is grave.", .flag = "situtaion",
     .suggestion = "situation"},
    {.text = "It was a humanitarain pause.", .flag = "humanitarain",
     .suggestion = "humanitarian"},
    {.text = "They sugested a plan.", .flag = "sugested",
     .suggestion = "suggested"},
    {.text = "Blinken’s visit was brief, and the ceasfire held.",
     .flag = "ceasfire"},
    {.text = "TThe talks ended.", .flag = "TThe", .suggestion = "The"},
    {.text = "THE SUMMIT DOCUMEENTS WERE SIGNED.", .flag = "DOCUMEENTS",
     .suggestion = "DOCUMENTS"},
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
