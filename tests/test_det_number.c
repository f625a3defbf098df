#include "lint_helper.h"

static const flag_case flags[] = {
    /* near misses of the idioms and lists above */
    {.text = "We found a ways of working.", .flag = "a ways"},
    {.text = "The timebox of a single sales in the meeting.", .flag = "a single sales"},
    {.text = "These rule are new.", .flag = "These rule"},
    /* a/an/each/every/another/either/neither (+ adjective) + plural */
    {.text = "They demanded the release of a hostages held in Gaza.",
     .flag = "a hostages", .message = "'a' before plural 'hostages'"},
    {.text = "Enter an administrative passwords to continue.",
     .flag = "an administrative passwords"},
    {.text = "The installer downloads a packages from the mirror.",
     .flag = "a packages"},
    {.text = "She studied at an arts in the capital.", .flag = "an arts"},
    {.text = "Each candidates must sign the form.", .flag = "Each candidates"},
    {.text = "We met every officials in the town.", .flag = "every officials"},
    {.text = "He asked for another chances after the vote.",
     .flag = "another chances"},
    {.text = "The mayor spoke to a children at the school.",
     .flag = "a children"},
    {.text = "Neither candidates answered the question.",
     .flag = "Neither candidates"},
    /* these/those/many/several/both/various/numerous + singular */
    {.text = "These rule are new.", .flag = "These rule",
     .message = "'These' before singular 'rule'"},
    {.text = "The site offers various information about the law.",
     .flag = "various information",
     .message = "'various' before singular 'information'"},
    {.text = "They met with several minister last week.",
     .flag = "several minister"},
    {.text = "We found many refurbishment in the old town.",
     .flag = "many refurbishment"},
    {.text = "Those house were destroyed in the war.", .flag = "Those house"},
    {.text = "Those house stand empty now.", .flag = "Those house"},
    {.text = "Numerous village lost power overnight.", .flag = "Numerous village"},
    /* this + plural before a verb, when the word cannot be a verb */
    {.text = "This students are from Kyiv.", .flag = "This students",
     .message = "'This' before plural 'students'"},
    {.text = "He said this buildings were unsafe.", .flag = "this buildings"},
};

static const char *const clean[] = {
    "There are a few factors. These map to the checklist.",
    /* idioms; a list of modifiers; "those" and an adjective for people;
     * a pronoun and a verb with its object */
    "The Hub has a ways to go.",
    "Cues like a thumbs up signal help.",
    "Use an API in the place of a terms of service.",
    "The timebox of a single sales, design, or brainstorming meeting.",
    "For those unfamiliar with the technical jargon, it helps.",
    "Some of these form the backbone of the code.",
    "So many clutter your inbox every day.",
    "There are several memory leak detection tools available in Debian.",
    ("Crates are published often. These evolve more quickly than the "
     "standard library."),
    "It is covered with four and a half feet of water.",
    "He moved my chair a little sideways.",
    "Where several versions survive, each differs from the other.",
    /* "cannot" is a modal and its "not" (the pronoun "these" before it) */
    "Small firms suffer, as these cannot afford advisers.",
    /* plurals as modifiers of a following noun, adjective or number */
    "He bought a sports car.",
    "She opened a savings account.",
    "It was a goods train.",
    "These rule changes apply from May.",
    "Many input devices work.",
    /* invariant nouns and singular -s entries */
    "A new aircraft landed.",
    "If anyone can draw water from a river, that river is a commons.",
    "They report how many tuna they caught.",
    "It is a series of talks.",
    "That was a means to an end.",
    "He studied physics at a physics department.",
    "The news is good, and a news anchor said so.",
    "Every species matters.",
    /* quantity words */
    "We stayed a few days.",
    "They waited another two weeks.",
    "It took a lot of time.",
    "A good many people came.",
    "He visits every two weeks.",
    "Many thanks for coming.",
    /* plural determiners with plural, collective and group nouns */
    "These people left.",
    "Both staff and students agreed.",
    "Many police were there.",
    "These data are new.",
    "These criteria apply.",
    "Both women spoke.",
    "Several chairmen resigned.",
    "Those who came were happy.",
    "These are new.",
    /* coordination */
    "Both software and hardware failed.",
    "Either cats or dogs will do.",
    "Neither parents nor teachers knew.",
    /* this + a word that can be a verb, or no verb after */
    "This succeeds because it is simple.",
    "This presupposes a lot.",
    "This results in delays.",
    "This means war.",
    /* names, possessives, compounds */
    "He won a United States award.",
    "She runs a women's shelter.",
    "It was a girls' school.",
    "Plan A works, and type A cells grow.",
    "It is a sports-car race.",
    "He is a man of many talent-shows.",
    /* pronouns before a verb, -people plurals */
    "Each talks about a different class of duties.",
    "Another says the same.",
    "There were many craftspeople in the city.",
    /* other determiners and singular nouns */
    "A cat sat on the mat.",
    "Each candidate must sign the form.",
    "These rules are new.",
    "Various groups met.",
};

int main(void)
{
    return run_rule_cases("det-number", "det-number", flags, COUNT_OF(flags),
                          clean, COUNT_OF(clean));
}
