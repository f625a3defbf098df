#include "lint_helper.h"

static const flag_case flags[] = {
    {"They want a ceasefire. Others want a ceasefire too. Nobody wants a "
     "cease-fire.",
     "cease-fire", "'cease-fire' (1 time) is also written 'ceasefire' (2 times)",
     "ceasefire", NULL},
    {"Send an e-mail. Read the email. Answer the email.", "e-mail", NULL,
     "email", NULL},
    {"A cease fire held. The ceasefire broke. The ceasefire resumed.",
     "cease fire", NULL, "ceasefire", NULL},
    {"The color is red. The colour is blue. The color is green.", "colour",
     "'colour' (1 time) is also written 'color' (2 times)", "color", NULL},
    {"Its behaviour was odd. Their behavior changed.", "behavior", NULL,
     "behaviour", NULL},
    {"The U.S. said so. The U.S. agreed. The US did not.", "US",
     "'US' (1 time) is also written 'U.S.' (2 times)", "U.S.", NULL},
    {"The US said so. The US agreed. The U.N. and the U.S. did not.", "U.S.",
     NULL, "US", NULL},
    {"Online talks went well. We met on-line later. Online again.", "on-line",
     NULL, "online", NULL},
    {"They organized a march. Others organised a vigil. Police organized.",
     "organised", NULL, "organized", NULL},
    {"The center held. The centre held. The center is open.", "centre", NULL,
     "center", NULL},
    {"Cease-fire talks failed, then a ceasefire and a ceasefire held.",
     "Cease-fire", NULL, "Ceasefire", NULL},
    {"A gray sky. A grey sea. A gray coat.", "grey", NULL, "gray", NULL},
};

static const char *const clean[] = {
    "Send an email. Read the email. Answer the email.",
    "He wants a cease-fire, and she wants a cease-fire too.",
    "Log in to your account; your login is your name.",
    "We meet every day; it is an everyday thing.",
    "He will re-sign the contract; he did not resign.",
    "A long-term plan works in the long term.",
    "Set up the tent; the setup takes an hour.",
    "They talked to us. The US said nothing more.",
    "The Israel-Hamas war and Israel and Hamas.",
    "The color of the sky; the color of the sea.",
    "Maybe it will rain; it may be sunny.",
    "He played a follow-up game and will follow up later.",
};

int main(void)
{
    return run_rule_cases("term-inconsistency", "term-inconsistency", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
