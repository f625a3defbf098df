#include "lint_helper.h"

#include <string.h>

static const flag_case flags[] = {
    /* a verb's wrong past, and a doubled letter, are typos still */
    {.text = "He teached them the rules.", .flag = "teached"},
    {.text = "It is bassed on the facts.", .flag = "bassed"},
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
    /* common misspellings two slips from the word (the list of
     * misspellings) */
    {.text = "It was a priviledge to be there.", .flag = "priviledge",
     .suggestion = "privilege"},
    {.text = "The mischievious boy left.", .flag = "mischievious",
     .suggestion = "mischievous"},
    {.text = "They booked accomodation near the port.", .flag = "accomodation",
     .suggestion = "accommodation"},
    /* a capitalised word that is no name */
    {.text = "The vote is on Wendesday.", .flag = "Wendesday",
     .suggestion = "Wednesday"},
    {.text = "Saterday was quiet.", .flag = "Saterday",
     .suggestion = "Saturday"},
    /* a contraction without its apostrophe; a word split by a space */
    {.text = "They said they dont know.", .flag = "dont",
     .suggestion = "don't"},
    {.text = "W ith a country this big, plan ahead.", .flag = "ith",
     .suggestion = "With"},
    /* a name or an acronym written in lower case */
    {.text = "We flew to canada last year.", .flag = "canada",
     .suggestion = "Canada"},
    /* a name made an adjective in lower case, outside the sciences */
    {.text = "We ate canadian bacon for breakfast.", .flag = "canadian"},
    /* near misses of the exemptions below */
    {.text = "Order a sencillo (single) or a doble at the bar.", .flag = "doble",
     .suggestion = "double"},
    {.text = "The note said thier house was sold.", .flag = "thier",
     .suggestion = "their"},
    {.text = "Run netstat tupan to list the connections.", .flag = "tupan"},
    /* five of one letter in a row: degenerate MT, no acronym or name */
    {.text = "The NNNNNNNNNNNNX)) was seen.", .flag = "NNNNNNNNNNNNX"},
    {.text = "My New Cottttt is here.", .flag = "Cottttt"},
    /* half of a fixed phrase is not the phrase */
    {.text = "The proof runs by tollens alone.", .flag = "tollens"},
    /* a typo in a reference's title is still one (its authors are names) */
    {.text = "Masaquiza Jerez, Mirian. 2021. Challenges and Opportunities for "
             "Indigenous Peooples and Their Sustainability. United Nations.",
     .flag = "Peooples"},
    /* letters of a drawn-out sound that make no sound: a typo */
    {.text = "The hoem was nice.", .flag = "hoem", .suggestion = "home"},
    /* one slash between words is prose, and "i.e." no file name */
    {.text = "Use the nmae/value pairs, i.e. the settings.", .flag = "nmae",
     .suggestion = "name"},
    {.text = "Use the nmae/i.e. pairs here.", .flag = "nmae"},
    {.text = "The rate vd was fixed.", .flag = "vd"},
    {.text = "Damage by hesperus was low.", .flag = "hesperus",
     .suggestion = "Hesperus"},
    /* a glossed word whose gloss is not what it is a slip of */
    {.text = "Of the three lines, norweigan (cruises) is best.",
     .flag = "norweigan", .suggestion = "Norwegian"},
    /* a text that names code still has typos of real words */
    {.text = "The frobd service restarts; a scipt in /etc/cron.d/frob runs "
             "it with -y and u=rwx.",
     .flag = "scipt", .suggestion = "script"},
    /* a title-case heading: capitals there are no sign of names */
    {.text = "Standard Targetss for Users", .flag = "Targetss",
     .suggestion = "Targets"},
    /* a surname is spared only where a name ends: before a comma or the
     * line's end, after a given name */
    {.text = "Toni Bonitto Innovation Specialist Awards", .flag = "Bonitto"},
    {.text = "Quarterly Reveiw, Innovation Specialist", .flag = "Reveiw"},
    /* a colon on one side only makes no emoji shortcode */
    {.text = "Good luck :tada and more.", .flag = "tada"},
    {.text = "Good luck tada: and more.", .flag = "tada"},
    /* a prefix on a word with letters plainly slipped; a listed
     * misspelling before a name; the last letter of a long word doubled */
    {.text = "He refussed the offer.", .flag = "refussed",
     .suggestion = "refused"},
    {.text = "He spoke in teh Rivonia trial.", .flag = "teh",
     .suggestion = "the"},
    {.text = "Only a subset of the existingg packages is shown.",
     .flag = "existingg", .suggestion = "existing"},
    /* beside a capital, a slip inside the word */
    {.text = "He served on the Central Comittee until 1961.",
     .flag = "Comittee", .suggestion = "Committee"},
    /* words coined with an English ending, far from any word */
    {.text = "The poet was the target of public ridiculation.",
     .flag = "ridiculation"},
    {.text = "His cyclism made him famous in Romania.", .flag = "cyclism"},
    {.text = "The suzeranity of the Ottomans ended in 1878.",
     .flag = "suzeranity"},
    /* words invented from a source word, with no English ending */
    {.text = "The thievogy of the region was studied by monks.",
     .flag = "thievogy"},
    {.text = "They took the religioasbrus books to the abbey.",
     .flag = "religioasbrus"},
    /* an English typo beside a sentence in Spanish, whose words
     * untranslated reports as one span: the typo alone */
    {.text = "Esta realidad le dificulta a muchos tener acceso a servicios del "
             "Gobierno, lo que resulta en más obstáculos para las comunidades "
             "hispanohablantes. The goverment did not respond.",
     .flag = "goverment"},
    /* one Spanish sentence does not make a document Spanish: a Spanish
     * word outside it is still unknown */
    {.text = "The team met on Monday. Mi nombre es Edwin Torres. Esta realidad "
             "le dificulta a muchos tener acceso a servicios del Gobierno, lo "
             "que resulta en más obstáculos para las comunidades "
             "hispanohablantes. The agency said it would respond.",
     .flag = "nombre"},
    /* a lone Spanish word in English prose, as before */
    {.text = "The crowd shouted bienvenidos as the team arrived.",
     .flag = "bienvenidos"},
};

static const char *const clean[] = {
    /* the authors of the entries of a list of references */
    "Gettier, Edmund L. 1963. \xE2\x80\x9CIs Justified True Belief "
    "Knowledge?\xE2\x80\x9D Analysis 23 (6): 121\xE2\x80\x93" "123.\n\n"
    "Raz, Joseph. 1979. The Authority of Law: Essays on Law and Morality. "
    "New York: Oxford University Press.\n\n"
    "Naess, Arne. 1973. \xE2\x80\x9CThe Shallow and the Deep.\xE2\x80\x9D "
    "Inquiry 16 (1): 95\xE2\x80\x93" "100.",
    /* speech drawn out, laughs, and the spoken forms of dialogue */
    "Hmmm, I wonder. Ahhh, that is it. Errr, no. Mm-hmm, yes.",
    "Hahaha, very funny. Grr. Pfft, as if. Ugh, Mondays. Welp, it coulda "
    "been worse, and we shoulda known.",
    "Ahhhhhhh, the sea at last.",
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
    /* names: after a role or a title, beside another name, with capitals
     * inside them, opening a caption */
    "Newsreader Tamsin Oakridge read the bulletin.",
    "They met governor Ray McAllister at noon.",
    "Tamsin Oakridge, left, with the mayor.",
    "In October 1987, encouraged by Senator Phil Gramm of Texas, he ran.",
    "To improve it, Baek et al. [5] proposed a new scheme.",
    "The LibreOffice suite replaced OpenOffice.",
    /* foreign words on purpose: a quoted title, a cited word, a gloss */
    "She sang “La volpe a tre zampe” twice.",
    "A cat is called chat in French and Katze in German.",
    "Order a sencillo (single) or a doble (double) at the bar.",
    "Historia ecclesiastica gentis Anglorum was finished in 731.",
    /* English the dictionary lacks: newer words, fixed foreign phrases,
     * the larger word list, prefixes */
    "The podcaster dined al fresco with friends.",
    "We onboarded her; her skillset is webhooks, and offboarding is next.",
    "We use mixins and iframes, with postgres, redis and memcached behind browserify.",
    /* nouns made verbs with -ed, as business writing makes them */
    ("The team is matrixed across offices; she payrolled the staff and "
     "permissioned the repository after we retroed the sprint."),
    "A de minimis business case for detailees on wifi; neurodiversity matters.",
    /* an acronym one slip from a word of two letters the text uses */
    "So we did it. Choose the option Sign in with SSO, so you can log in. So it goes.",
    "She graduated magna cum laude in 2001.",
    "They had a tête-à-tête before the vote.",
    "The proof runs by modus tollens, and Descartes set res cogitans "
    "against res extensa.",
    "Glial cells outnumber neurons, and confounders were adjusted for.",
    "The maintainer uploads the sources without any precompiled package.",
    /* parts of hyphenated names */
    "Kim Jong-un met Leung Chun-ying in Beijing.",
    /* text about words */
    "Peter Faneuil (pronounced fannel) gave the hall to the city.",
    "The note said thier [sic] house was sold.",
    "Its ISO 639-3 code: nep.",
    /* code, paths, options, formulas, Latin species, symbols */
    "Set the shell to /usr/sbin/nologin for that account.",
    "Filename: src/main.rs, where the program starts.",
    "An AAAA record holds an IPv6 address.",
    "Run netstat -tupan to list the connections.",
    "The u=rwx formula gives every right.",
    "The master key msk = s is kept secret.",
    "Damage by Lygus hesperus was low, and L. hesperus was rare.",
    "The rate vd (nM h−1) was fixed.",
    "Install it with the dpkg command, then start the frobd daemon.",
    /* a repeated word far from any word in a text that names code */
    ("Edit /etc/frob/frob.conf with -y and u=rwx, then restart frobd; frobd "
     "reads /etc/frob/ on start."),
    /* informal writing */
    "fill it with water :) lol",
    /* a capitalised word beside another is a name, even one slip from a
     * word, listed as a misspelling or not */
    "It was suggested by the Enver Pasha government.",
    "Peeter Tammik and Bahh Tee performed.",
    /* a name alone on its line is no title-case heading, nor is a wrapped
     * line of a list of names */
    "Victor Zapanta",
    /* a title-case line that lists people: a surname after a given name
     * ends a name */
    "Toni Bonitto, Innovation Specialist",
    /* emoji shortcodes of chat and GitHub */
    "Good luck on the exam :tada: !",
    "Ship it :partyparrot_wave: now, and :+1: the review.",
    "NASA – Tracy Hall, Benjamin Jensen, Godfrey Sauti, and Emilie Siochi",
    /* a line that goes on is no heading; a verb of four letters in lower
     * case is no title's word */
    "Thank you to Michael Hessling at the Environmental Protection Agency\n"
    "and Larry Gillick, the lead.",
    "As Jon Kolko says in his book Well Designed:",
    /* a surname one slip from a word, after a given name that is a word
     * too */
    "We thank Chris Goranson, Mark Headd, Ethan Heppner, and Amy Mok.",
    "Mark Trammell (design researcher): we ran remote interviews.",
    "Thanks to Mollie Bates, Nick Bristow and\n"
    "Scott Cranfill, Victor Garcia, Michael Jovel, Jeremiah\n"
    "Kimelman for their help.",
    /* coinages, near misses: a term glued to code, the field's terms in a
     * paper that cites by number, a word written twice, a prefix on a
     * word, a derivation the language model knows */
    "Run /usr/bin/ridiculation to start it.",
    "Rosettes showed apicobasal polarity [17], as in [18] and [19].",
    /* a name made an adjective, in lower case in the sciences */
    "The noise was gaussian [17], as in [18] and [19].",
    "The ridiculation began; ridiculation followed.",
    "The unpaused download finished.",
    "Her unflappability was legendary.",
    /* invented-looking words, near misses: a sentence naming code, a
     * word alone, a text that names code, informal writing, a capital in a
     * title, a word written twice */
    "Set thievogy=1 in the file to enable it.",
    "Run thievogy as $USER before the backup.",
    "Thievogy!",
    "i think thievogy is great and i love it",
    "Leonid Kaganov - The Thievogy Quiz",
    "The thievogy began; thievogy followed.",
    /* a foreign term introduced as one */
    "Small stupas known as thievogys hold relics.",
    "They sell Greek thievogy rugs in the market.",
    /* a sentence in Spanish: untranslated reports it, once */
    ("The report was published on Monday. Esta realidad le dificulta a "
     "muchos tener acceso a servicios del Gobierno, lo que resulta en más "
     "obstáculos para las comunidades hispanohablantes. The agency said it "
     "would respond."),
    ("Sabemos que personas como tú tienen muchas preguntas y es por eso que "
     "comenzamos esta primera publicación en español. En esta ocasión te "
     "mostramos el día de uno de nuestros ingenieros, Edwin Torres."),
};

/* A lower-case misspelling used twice is reported twice: only names earn
 * the exemption of a word the document writes twice. */
static void repeated_misspelling(void **state)
{
    (void)state;
    const char *text = "The goverment said the goverment denied it.";
    mtl_result *r = lint_only("spelling", text);
    assert_int_equal(mtl_result_count(r), 2);
    assert_int_equal(mtl_result_at(r, 0)->offset, strstr(text, "goverment") - text);
    assert_int_equal(mtl_result_at(r, 1)->offset,
                     strstr(text + 5, "goverment") - text);
    assert_string_equal(mtl_result_at(r, 1)->suggestions[0], "government");
    mtl_result_free(r);
}

/* Swapped letters written twice are a habit of the writer, not a term. */
static void repeated_swap(void **state)
{
    (void)state;
    mtl_result *r = lint_only("spelling",
                              "Please hlep the dog, and ask hlep from friends.");
    assert_int_equal(mtl_result_count(r), 2);
    assert_string_equal(mtl_result_at(r, 0)->suggestions[0], "help");
    mtl_result_free(r);
}

/* A post written in Spanish: its sentences are untranslated's, and the
 * words of the heading and of a sentence too short to tell ("Mi nombre es
 * Edwin Torres.") are Spanish too, since the document is. */
static void spanish_post(void **state)
{
    (void)state;
    const char *text =
        "## Bienvenidos\n\n"
        "Según estimados del Censo, cerca de 41 millones de personas hablan "
        "español en Estados Unidos. Millones de estas personas no hablan o "
        "hablan muy poco inglés.\n\n"
        "Mi nombre es Edwin Torres. Reconociendo este hecho, hay diversas "
        "iniciativas dentro del Gobierno federal que trabajan para crear "
        "contenido en español.\n\n"
        "El éxito de estas iniciativas se debe a que miembros de la comunidad "
        "hispanohablante se han unido al Gobierno.\n";
    mtl_result *r = lint_only_as("spelling", text, "post.md");
    for (size_t i = 0; i < mtl_result_count(r); i++)
        print_error("%s\n", mtl_result_at(r, i)->message);
    assert_int_equal(mtl_result_count(r), 0);
    mtl_result_free(r);
}

/* A name's suggestion is never the name itself. */
static void no_self_suggestion(void **state)
{
    (void)state;
    const char *text = "We saw eRmember and TThe there.";
    mtl_result *r = lint_only("spelling", text);
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        for (size_t s = 0; s < f->n_suggestions; s++)
            assert_false(strlen(f->suggestions[s]) == f->length &&
                         !strncmp(f->suggestions[s],
                                  &text[f->offset],
                                  f->length));
    }
    assert_int_equal(mtl_result_count(r), 2);
    mtl_result_free(r);
}

int main(void)
{
    int failed = run_rule_cases("spelling", "spelling", flags, COUNT_OF(flags),
                                clean, COUNT_OF(clean));
    const struct CMUnitTest more[] = {
        cmocka_unit_test(repeated_misspelling),
        cmocka_unit_test(repeated_swap),
        cmocka_unit_test(no_self_suggestion),
        cmocka_unit_test(spanish_post),
    };
    return failed + cmocka_run_group_tests_name("spelling more", more, NULL,
                                                NULL);
}
