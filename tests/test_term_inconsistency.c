#include "lint_helper.h"

static const flag_case flags[] = {
    {.text = "I wanted full time designers. Since then, I have been doing "
             "full-time content strategy work.",
     .flag = "full-time"},
    /* the same words before a noun, no verb: a spelling */
    {.text = "We want cross agency barriers gone. We want cross-agency work and "
             "cross-agency teams.",
     .flag = "cross agency"},
    /* ... but its hyphenated spelling is the same word */
    {.text = "The longtime president stayed. The long-time mayor left.",
     .flag = "long-time"},
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
    /* open against hyphenated, in the same use */
    {.text = "The long-term plan and the long-term goal need a long term strategy.",
     .flag = "long term", .suggestion = "long-term"},
    {.text = "Real-time data and real-time feeds need a real time clock.",
     .flag = "real time", .suggestion = "real-time"},
    {.text = "A meta-data workshop on meta-data discussed meta data.",
     .flag = "meta data"},
    {.text = "High-end cameras and high-end lenses beat high end phones.",
     .flag = "high end"},
    /* closed and split */
    {.text = "The software cannot run and cannot stop, but it can not start.",
     .flag = "can not", .suggestion = "cannot"},
    {.text = "His re-election campaign began; his re-election was sure; his "
             "reelection came.",
     .flag = "reelection"},
    /* US and UK, with the senses both share */
    {.text = "The program of the festival was long. The programme of events was "
             "announced. The program ended late.",
     .flag = "programme", .suggestion = "program"},
    /* software is "program" in both varieties, so a "programme" that runs
     * is the odd one out */
    {.text = "Install the program with apt. The program runs as root. Then "
             "run the programme again to check its output.",
     .flag = "programme", .suggestion = "program"},
    {.text = "The track is 100 meters long. The pool is 50 metres long. The "
             "field is 80 meters wide.",
     .flag = "metres", .suggestion = "meters"},
    /* a name written open and closed; a label; a heading */
    {.text = "If Network Manager is installed, NetworkManager runs. "
             "NetworkManager handles it.",
     .flag = "Network Manager", .suggestion = "NetworkManager"},
    {.text = "Send an email today. Answer every email. E-mail: the desk.",
     .flag = "E-mail"},
    {.text = "For Workstations\n\nSince work stations reboot, workstations need care.",
     .flag = "work stations"},
    {.text = "It grew about 9 per cent this year, 3 percent later, 5 percent now.",
     .flag = "per cent", .suggestion = "percent"},
    {.text = "The by-election was held. A second by-election came. Then a by "
             "election was called.",
     .flag = "by election"},
    {.text = "A long-term plan, a long-term goal and a long term, stable deal.",
     .flag = "long term"},
    /* open pairs in a noun's context: after a number, a demonstrative, a
     * preposition ("prior to"), or in scare quotes */
    {.text = "He ran in a by-election. A by-election was needed. He won a 1922 "
             "by election there.",
     .flag = "by election", .suggestion = "by-election"},
    {.text = "The down-regulation of MHC is seen. In the root this down "
             "regulation is seen.",
     .flag = "down regulation"},
    {.text = "The membrane changes prior to pinch-off, we think. Prior to pinch "
             "off, we expect no change.",
     .flag = "pinch off", .suggestion = "pinch-off"},
    {.text = "We focus on the more well-known tools. It can scan a set of "
             "“well known” ports.",
     .flag = "well known", .suggestion = "well-known"},
    {.text = "He hit .246 in 57 at-bats. He had three hits in nine at bats.",
     .flag = "at bats", .suggestion = "at-bats"},
    /* a term in scare quotes is the writer's, however many hyphens it has:
     * "K–w trade-off" is two words, not four */
    {.text = "This overcomes the “K–w trade-off” inherent to the method. There "
             "is an inherent trade off between the two.",
     .flag = "trade off", .suggestion = "trade-off"},
    /* a preposition before a verb is its prefix */
    {.text = "The alleles are significantly down-regulated. Its expression was "
             "significantly down regulated.",
     .flag = "down regulated", .suggestion = "down-regulated"},
    /* a noun compound as a modifier, against the noun */
    {.text = "Analyses ran over 12 months of follow-up. We lost some follow-up. "
             "The loss of follow up data was small.",
     .flag = "follow up", .suggestion = "follow-up"},
    /* an -ly adjective the tagger reads as an adverb still makes a
     * modifier of the pair before it */
    {.text = "We studied community-dwelling elderly women. Telomeres were "
             "shorter in community dwelling elderly women.",
     .flag = "community dwelling", .suggestion = "community-dwelling"},
    /* a spaced dash after the word is no option */
    {.text = "Set the host name first. The host name is short. The hostname "
             "- the short one - is set.",
     .flag = "hostname", .suggestion = "host name"},
    /* names tell the variety, and are not reported */
    {.text = "The Labor Department met. The Labor Secretary spoke. The labour "
             "market is tight.",
     .flag = "labour", .suggestion = "labor"},
};

static const char *const clean[] = {
    /* an adverbial before a preposition the tagger calls a noun */
    ("I wanted to focus on that full time alongside designers. Since then, "
     "I have been doing full-time content strategy work."),
    /* a verb and its object, after an auxiliary or "not" */
    ("Systems do not cross agency barriers. We want cross-agency work and "
     "cross-agency teams."),
    /* the adjective "longtime" and the phrase "a long time" */
    "The longtime president stayed. Reform may take a long time.",
    /* a verb after a negation, a noun elsewhere */
    "The graceful shutdown works. A shutdown is clean. That won\xE2\x80\x99t "
    "shut down the threads.",
    /* a command and its option is code */
    "Set the host name first. The host name is short. Run \"hostname -f\" "
    "to see it.",
    "Send an email. Read the email. Answer the email.",
    "He wants a cease-fire, and she wants a cease-fire too.",
    "Log in to your account; your login is your name.",
    "We meet every day; it is an everyday thing.",
    "He will re-sign the contract; he did not resign.",
    "A long-term plan works in the long term.",
    /* a noun before a comma where the clause goes on, not one of
     * coordinated modifiers */
    "Far from improving access to health care, weak protections are making "
    "the formidable health-care challenges worse.",
    /* the first of coordinated modifiers modifies the noun after both */
    "We compared key-term and pivot artifacts. A key term of the text is "
    "used often. Each key term is counted.",
    /* an adverb between the term and a noun: the term is a noun here */
    "A long-term plan works in the long term especially children.",
    "Set up the tent; the setup takes an hour.",
    "They talked to us. The US said nothing more.",
    "The Israel-Hamas war and Israel and Hamas.",
    "The color of the sky; the color of the sea.",
    "Maybe it will rain; it may be sunny.",
    "He played a follow-up game and will follow up later.",
    /* words that run together into other words */
    "The process or the thread runs on the processor.",
    "Nepal is a country; Nepalis are proud.",
    "These areas are as large as the sea.",
    "The capital is La Paz; an isla is an island.",
    /* identifiers, names, quotations, routes */
    "Call readableStream to get a readable stream.",
    "BlackRock said the black rock fell.",
    "“We need a cease-fire and we need it now,” he said. A ceasefire came.",
    /* four words, hyphens or not, are someone's speech */
    ("“A well-known, long-awaited cease-fire,” he said. A ceasefire came. The "
     "ceasefire held."),
    "He drove on US 101 and the U.S. economy grew. The U.S. said no.",
    "The Kennedy Center opened. The centre of town is busy. The centre closed.",
    "Edit /etc/localtime to set the local time.",
    /* senses both varieties spell alike */
    "The program runs on Linux. The programme of events was announced.",
    "Read the gas meter. The pool is 50 metres long. It is 20 metres deep.",
    /* a noun against a modifier or an adjective: two uses */
    "Following a career high in appearances, he had a career-high 53 saves.",
    "The plan is long-term. In the long term it pays.",
    "It is required by law. The by-law says so.",
    "He served at Pearl Harbor. The harbour was calm. The harbour froze.",
    /* "to" an infinitive's, not "prior to"'s; a particle after a verb */
    "Loss to follow-up was low. We need to follow up the cases.",
    "The membrane changes prior to pinch-off. The cells pinch off later.",
    /* a preposition before a noun or an adverb, not a verb */
    "Prices went down regulation by regulation. The down-regulation was slow.",
    "The genes were up-regulated. Prices were up sharply.",
    "Nine at-bats came. They were at home in the evening.",
    /* a noun after a number is no modifier of a verb */
    "Follow-up was 12 months. Of the patients, 12 follow up monthly.",
    /* words of sentences in Spanish are no English term */
    ("Nuestros consultores trabajan con otras agencias del Gobierno para "
     "mejorar la experiencia del usuario. Lo que más me gusta de ser "
     "consultor es que los días son muy variados."),
};

int main(void)
{
    return run_rule_cases("term-inconsistency", "term-inconsistency", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
