#include "lint_helper.h"

static const flag_case flags[] = {
    {.text = "They want a ceasefire. Others want a ceasefire too. Nobody wants a "
             "cease-fire.",
     .flag = "cease-fire",
     .message = "'cease-fire' (1 time) is also written 'ceasefire' (2 times)",
     .suggestion = "ceasefire"},
    {.text = "Send an e-mail. Read the email. Answer the email.",
     .flag = "e-mail", .suggestion = "email"},
    {.text = "A cease fire held. The ceasefire broke. The ceasefire resumed.",
     .flag = "cease fire", .suggestion = "ceasefire"},
    {.text = "The color is red. The colour is blue. The color is green.",
     .flag = "colour",
     .message = "'colour' (1 time) is also written 'color' (2 times)",
     .suggestion = "color"},
    {.text = "Its behaviour was odd. Their behavior changed.",
     .flag = "behavior", .suggestion = "behaviour"},
    {.text = "The U.S. said so. The U.S. agreed. The US did not.", .flag = "US",
     .message = "'US' (1 time) is also written 'U.S.' (2 times)",
     .suggestion = "U.S."},
    {.text = "The US said so. The US agreed. The U.N. and the U.S. did not.",
     .flag = "U.S.", .suggestion = "US"},
    {.text = "Online talks went well. We met on-line later. Online again.",
     .flag = "on-line", .suggestion = "online"},
    {.text = "They organized a march. Others organised a vigil. Police organized.",
     .flag = "organised", .suggestion = "organized"},
    {.text = "The center held. The centre held. The center is open.",
     .flag = "centre", .suggestion = "center"},
    {.text = "Cease-fire talks failed, then a ceasefire and a ceasefire held.",
     .flag = "Cease-fire", .suggestion = "Ceasefire"},
    {.text = "A gray sky. A grey sea. A gray coat.", .flag = "grey",
     .suggestion = "gray"},
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
