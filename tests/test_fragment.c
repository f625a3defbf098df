#include "lint_helper.h"

#include <string.h>

static const flag_case flags[] = {
    /* a purpose alone is no sentence */
    {.text = "We met often. To ensure broad participation and involve more "
             "citizens in the process. They came.",
     .flag = "To ensure broad participation and involve more citizens in the "
             "process."},
    /* a plural noun the tagger's lexicon lacks, ending a preposition's
     * phrase, is no verb */
    {.text = "The birds waited. In presence of locally rich prey patches. "
             "They fed.",
     .flag = "In presence of locally rich prey patches."},
    /* ... not the tail of a clause cut after its verb */
    {.text = "Buses leave every hour or so and trips take. Around 30-45 "
             "minutes. Express buses also run.",
     .flag = "Around 30-45 minutes.", .message = "no verb"},
    /* the same pieces in edited prose */
    {.text = "We went to the store on Main Street. The big one near the bank. "
             "It was closed.",
     .flag = "The big one near the bank."},
    /* no comma, no condition */
    {.text = "They left early. Should be fine.", .flag = "Should be fine.",
     .message = "no subject"},
    /* after a conjunction the infinitive goes on the sentence before */
    {.text = "It ended. And to ensure that people who live there can leave.",
     .flag = "And to ensure that people who live there can leave."},
    /* a year in prose makes no list of references */
    {.text = "Russell, the philosopher, wrote it in 1912. The Problems of "
             "Philosophy.",
     .flag = "The Problems of Philosophy."},
    /* a noun and an adverb is no review's shorthand */
    {.text = "The talks ended. Area wide. They left.", .flag = "Area wide."},
    /* a known adjective before the noun: no subject, no verb */
    {.text = "The talks ended on Friday. The quarterly results in the region.",
     .flag = "The quarterly results in the region."},
    /* an adjective of time opens an adverbial, no verdict */
    {.text = "It would bring down the inflation rate. Next year. The talks go on.",
     .flag = "Next year.", .message = "sentence has no verb"},
    /* the article's fragments, in their context */
    {.text = "Blinken's priorities included preventing the conflict from escalating. "
             "Were focused on. He also advocated a pause.",
     .flag = "Were focused on.",
     .message = "sentence has no subject"},
    {.text = "He met the leaders in Amman. For wider area. Then he flew home.",
     .flag = "For wider area.", .message = "sentence has no verb"},
    {.text = "We are understanding where each other are coming from. Have been.",
     .flag = "Have been.", .message = "sentence has no subject"},
    {.text = "It has put Washington at odds with its Arab allies. Have given.",
     .flag = "Have given.", .message = "sentence has no subject"},
    {.text = "The talks at a summit in Amman on Saturday were not controversial. "
             "A source familiar with the summit.",
     .flag = "A source familiar with the summit.",
     .message = "sentence has no verb"},
    /* a lower-case fragment glued on after a quotation */
    {.text = "He said, \xE2\x80\x9CI think aid can reach those who need "
             "it.\xE2\x80\x9D to those who need it.\xE2\x80\x9D",
     .flag = "to those who need it.\xE2\x80\x9D",
     .message = "lowercase"},
    {.text = "The talks went well. and the minister left after lunch.",
     .flag = "and the minister left after lunch.", .message = "lowercase"},
    /* a quotation opening a sentence is the subject of a verb, not of
     * a noun phrase */
    {.text = "\xE2\x80\x9CThis is a pilot.\xE2\x80\x9D the final slide of our talk. "
             "It worked.",
     .flag = "the final slide of our talk.", .message = "lowercase"},
    /* a modal with no subject is no name before a base form */
    {.text = "They left early. Will go home soon.", .flag = "Will go home soon.",
     .message = "no subject"},
    {.text = "They left early. Were angry at the decision.",
     .flag = "Were angry at the decision.", .message = "no subject"},
    /* other cut-off clauses */
    {.text = "The minister arrived on Monday. Was welcomed by the president.",
     .flag = "Was welcomed by the president.", .message = "no subject"},
    {.text = "Prices rose sharply in May. Is expected to fall next year.",
     .flag = "Is expected to fall next year.", .message = "no subject"},
    {.text = "The plan was approved by the cabinet. Will be implemented next month.",
     .flag = "Will be implemented next month.", .message = "no subject"},
    {.text = "Aid trucks crossed the border on Sunday. Has been delayed again.",
     .flag = "Has been delayed again.", .message = "no subject"},
    {.text = "The committee met twice last week. In the capital of the country.",
     .flag = "In the capital of the country.", .message = "no verb"},
    {.text = "He signed the deal on Friday. Along with the other ministers of the "
             "region.",
     .flag = "Along with the other ministers of the region.",
     .message = "no verb"},
    /* a quotation going on past its full stop with a verbless list */
    {.text = "\xE2\x80\x9CWe made progress on the indispensability of American "
             "leadership. American diplomacy, America\xE2\x80\x99s involvement,"
             "\xE2\x80\x9D Blinken said in response to a question.",
     .flag = "American diplomacy, America\xE2\x80\x99s involvement,\xE2\x80\x9D",
     .message = "no verb"},
    /* a sentence's tail split off, a phrase dropped between sentences */
    {.text = "The talks continued for a week. In Geneva. Then they ended.",
     .flag = "In Geneva.", .message = "no verb"},
    {.text = "She studied film in Paris. With the new generation of directors. "
             "She then moved.",
     .flag = "With the new generation of directors.", .message = "no verb"},
    {.text = "The menu lists the boot entries. In GRUB. Each has a title.",
     .flag = "In GRUB.", .message = "no verb"},
    {.text = "The service was bought in 2010. By Google. It closed later.",
     .flag = "By Google.", .message = "no verb"},
    {.text = "The release ships today. With a 5-year maintenance promise. "
             "Upgrades are free.",
     .flag = "With a 5-year maintenance promise.", .message = "no verb"},
    {.text = "She studied marketing for two years. At Harvard Business School. "
             "Then she left.",
     .flag = "At Harvard Business School.", .message = "no verb"},
    {.text = "The vase dates from the Ming period. According to its size. "
             "It is rare.",
     .flag = "According to its size.", .message = "no verb"},
    {.text = "The story is told in many ways. Of its origin. Nobody knows.",
     .flag = "Of its origin.", .message = "no verb"},
    {.text = "He was crowned king. In 1095. He died young.",
     .flag = "In 1095.", .message = "no verb"},
    {.text = "Networks are a useful approach. For modelling complex systems. "
             "They have nodes.",
     .flag = "For modelling complex systems.", .message = "no verb"},
    {.text = "He will join the meeting later. This afternoon. It starts at two.",
     .flag = "This afternoon.", .message = "no verb"},
    /* prepositions the tagger calls conjunctions; a base form after "to";
     * a stop after capitals */
    {.text = "The daemon waits for a condition. Before performing a task. It "
             "sleeps.",
     .flag = "Before performing a task.", .message = "no verb"},
    {.text = "Nothing has changed for us. Since January 1st. Prices rose.",
     .flag = "Since January 1st.", .message = "no verb"},
    {.text = "Foreign fleets ply our waters. In a race to strip our resources. "
             "It is sad.",
     .flag = "In a race to strip our resources.", .message = "no verb"},
    {.text = "They must trust certificates. From the local CA. This CA comes "
             "first.",
     .flag = "From the local CA.", .message = "no verb"},
    /* a discourse marker standing alone */
    {.text = "The RAM could also be used, but it rarely is. In practice. "
             "Disks are read.",
     .flag = "In practice.", .message = "no verb"},
    /* inside a quotation, a phrase with no clause is still a fragment */
    {.text = "\xE2\x80\x9CWe talked for hours. In Geneva. Then we left,"
             "\xE2\x80\x9D she said.",
     .flag = "In Geneva.", .message = "no verb"},
    /* an apostrophe or an inch mark opens no quotation */
    {.text = "He went to the boys' school. Of 2008. He then studied law.",
     .flag = "Of 2008.", .message = "no verb"},
    {.text = "He stood 160 cm (5\" 3). He liked praise. Against Victoria. "
             "He won.",
     .flag = "Against Victoria.", .message = "no verb"},
    /* "Sun." ends its sentence, whatever the weekday */
    {.text = "It was lacking in the free software world. Of Sun. Users left.",
     .flag = "Of Sun.", .message = "no verb"},
    /* a stop after a word in capitals ends the sentence */
    {.text = "The cells form E-RG. From M-RG rosettes. Finally, they stop.",
     .flag = "From M-RG rosettes.", .message = "no verb"},
    /* a subject dropped */
    {.text = "The strain is stable in most tests. Is achieved. It lasts.",
     .flag = "Is achieved.", .message = "no subject"},
    {.text = "These effects were measured twice. Are known. They matter.",
     .flag = "Are known.", .message = "no subject"},
    /* a file of one sentence a line: each line stands alone, and a
     * verbless or subjectless one is still a fragment */
    {.text = "He was born in Iasi in 1950.\nShe studied law.\nThe second "
             "moderate argument of parochial pluralism.\nGood question.\n"
             "They left.\n",
     .flag = "The second moderate argument of parochial pluralism.",
     .message = "no verb"},
    {.text = "He was born in Iasi in 1950.\nShe studied law.\nCan be "
             "separated into two main sections.\nThey left.\n",
     .flag = "Can be separated into two main sections.",
     .message = "no subject"},
    /* after a question that asks for no place, time, way or reason, a
     * prepositional phrase answers nothing */
    {.text = "Q. Will you return tonight? On those nominations. THE "
             "PRESIDENT. Yes.",
     .flag = "On those nominations.", .message = "no verb"},
    {.text = "What will his status be? Of world tensions. Will the "
             "Government still have a claim?",
     .flag = "Of world tensions.", .message = "no verb"},
    /* an infinitive whose only finite verb is in its own clause */
    /* an -s word after a noun is a verb only before what follows one */
    {.text = "The talks went on. Section 9 surveys. They left.",
     .flag = "Section 9 surveys.", .message = "no verb"},
    /* a number opening a sentence is a subject only before a verb */
    {.text = "The talks went on. Two problems for the region. They left.",
     .flag = "Two problems for the region.", .message = "no verb"},
    {.text = "He spoke of aid. \xE2\x80\x9C"
             "And to ensure that people can continue "
             "to come out of Gaza.\xE2\x80\x9D He left.",
     .flag = "\xE2\x80\x9C"
             "And to ensure that people can continue to come out of "
             "Gaza.\xE2\x80\x9D",
     .message = "no main verb"},
    /* an English fragment after a sentence in Spanish */
    {.text = "Esta realidad le dificulta a muchos tener acceso a servicios del "
             "Gobierno, lo que resulta en más obstáculos para las comunidades "
             "hispanohablantes. The ministers met on Monday. For wider area. "
             "He also spoke.",
     .flag = "For wider area.", .message = "no verb"},
};

static const char *const clean[] = {
    /* a purpose, then an imperative after its last noun */
    ("Good government is responsive. To ensure broad participation and "
     "involve more citizens in the process use a variety of channels to "
     "communicate. This helps."),
    /* a verb's -s form the tagger's lexicon lacks, after a subject */
    "We fix the form. After making those changes, the team retests. It works.",
    ("Equity speaks to people. To pursue equitable data necessitates "
     "recruiting diverse talent. This helps."),
    ("THE COURT: Counsel, please state your appearances.\n\nMR. ALVAREZ: "
     "Good morning. Daniel Alvarez for the plaintiff.\n\nTHE COURT: Thank "
     "you.\n\nMR. ALVAREZ: We wrote twice. Three months now.\n"),
    /* an amount elaborating the sentence before */
    "Water deeply. About 10 gallons for a small tree. Then mulch.",
    "It is big. About 2-2.5 times the size of the Milky Way.",
    /* talk written down: its sounds and fillers mark it */
    ("A: So what did you do yesterday? B: Uh, not much. The one on Main "
     "Street. The big one near the bank. A: Oh, nice. B: Yeah. Meetings all "
     "day."),
    /* a date and a verb; a pronoun and a verb the lexicon has as a noun;
     * a condition with its subject after "should"; "or vice versa" */
    "You work 10 hours on Thursdays. December 25th falls on a Thursday.",
    "There are a few factors. These map to the checklist.",
    "It may fail. Should booking a hotel not be possible, Fedrooms offers hotels.",
    "If filing an issue seems hard, head to Slack. Or vice versa.",
    /* "Will" and "May" as names: a past or -s form follows */
    "It was late. Will pulled in Alex, and we led a training.",
    "It was late. Will often tells a quick story.",
    "I came in 2022. May marks two years that I have been here.",
    /* an imperative "have" with a noun phrase */
    "Promote it by email. Have promotional materials prepared before launch.",
    /* a verb the lexicon lacks after "this"; after "the" and an ordinal */
    "It was late. This freed up Ethan's time to work on travel.",
    "The first line creates the user. The second grants a handful of permissions.",
    /* echoes and replies that edited prose writes on purpose */
    "The job will need to run again. And again.",
    "It required another conditional. And then another. And another.",
    "Move to the next change. And so on and so on.",
    "Maybe we would have changed direction. Probably not.",
    /* a quotation is the subject of the verb after it */
    "\xE2\x80\x9CThis is a pilot.\xE2\x80\x9D reads the final slide of our talk. "
    "It worked.",
    /* a sentence in Spanish, which the English tagger finds no verb in:
     * untranslated reports it */
    ("Sabemos que personas como tú tienen muchas preguntas y es por eso que "
     "comenzamos esta primera publicación en español. En esta ocasión te "
     "mostramos el día de uno de nuestros ingenieros, Edwin Torres."),
    /* replies and leave-takings of dialogue */
    "Do you find it exciting? She shrugged. Sort of. There is a part I like.",
    "He made a note. Adieu. Good-by. In the tropics one must keep calm.",
    /* three verbless sentences in a row: a list, or the narrator's style */
    "It had to be Saturday. The Jewish Shabbat. Papa's ecstasy. Mama's "
    "defiance. Her daughter was not Jewish.",
    "To meet: to come face to face with. To find. To experience. To "
    "await the arrival of. My mother lay awake.",
    /* a verdict: an adjective, or a degree adverb and one, opens it */
    "We ordered the set menu. Good food. The staff were kind.",
    "He handed back the form. Very rude and unprofessional. We left.",
    "I would like to kiss more. So complicated. My first love was older.",
    /* a past tense the tagger took for an adjective, after its subject */
    "I saw the prow pass over me. Men and women crowded at the deck. "
    "There was a shudder.",
    /* complete sentences */
    "The situation on the ground had changed. He traveled to the region.",
    "Still, many of his messages appear to have been ignored. The forces "
    "claimed that the sites were being used.",
    "This node describes conventions for writing Makefiles. We shrug off "
    "that point of view.",
    /* questions */
    "What happens next? How can we even think about it? Are we going to "
    "talk about refugees?",
    /* imperatives */
    "The full report is online. Read more.",
    "The talks resume tomorrow. Don't worry. Do come in. Have a look.",
    "Prices are rising. Be careful with your savings.",
    /* headings, captions and datelines: a line of their own */
    "Israel-Hamas war\n\nThe talks resumed on Monday.",
    "Secretary of State Antony Blinken in Tel Aviv on Friday.\n\nHe met "
    "the prime minister.",
    "WASHINGTON (CNN) \xE2\x80\x94\n\nThe talks resumed.",
    "Source\n\nCreate an account on CNN.com for more CNN news and "
    "newsletters",
    /* list items */
    "The leader may:\n1. Appoint delegates.\n2. Lend authority to other "
    "developers.",
    "Bring these:\n- A copy of your key.\n- The signed form.",
    /* interjections and set phrases */
    "We won the vote. Thank you. Yes.",
    "He agreed at once. Of course. Not at all.",
    "Oh, the horror. He could not believe it.",
    /* quotations standing alone, exclamations */
    "He left. \xE2\x80\x9CNot a chance.\xE2\x80\x9D Then he came back.",
    "The crowd cheered. What a day! Then it rained.",
    /* inversion, names, title case */
    "Had I known, I would have come. Were it not for the rain, we would "
    "have won.",
    "The film opens today. The Lord Of The Rings Returns.",
    /* lower case after an abbreviation or in a number */
    "He met officials from the U.S. and Japan. Smith et al. found the same.",
    "The vote passed 3.5 to 1. It was close.",
    /* quotations going on past a full stop, with a verb or an answer */
    "\xE2\x80\x9CWe talked for hours. We agreed, and we left,\xE2\x80\x9D "
    "he said.",
    "\xE2\x80\x9CIt was over. Not now, not ever,\xE2\x80\x9D she said.",
    "\xE2\x80\x9CIt was over. Never,\xE2\x80\x9D she said.",
    /* infinitives with a main clause */
    "It rained all day. To be sure, nobody minded.",
    "He laughed. To err is human.",
    /* a verbless answer after a question */
    "How long did it take? Over a decade. Nobody expected that.",
    "Q. Does that include trainers? In 30 days, yes.",
    "Is it ready? Could be. We will see.",
    "Where did you meet him? In Geneva. It was cold.",
    "When does it open? After the harvest. Come then.",
    "What is the frame made of? Of oak. It lasts.",
    /* interjections, formulas, replies */
    "Thanks for asking. Great question. The answer is no.",
    "It worked. Thanks for the link. Thanks again Nina.",
    /* the titles of a list of references */
    "Ross, W. D. 1930. The Right and the Good. Oxford, UK: Oxford "
    "University Press.\n\nRoss, W. D. 1939. Foundations of Ethics. Oxford, "
    "UK: Oxford University Press.\n\nPlato. Meno. In Plato Complete Works. "
    "Edited by John M. Cooper. Indianapolis: Hackett Publishing Company, "
    "1997.",
    /* an infinitive as the subject, its verb after the clause it opens */
    "It ended. To say that someone knows or understands something is to "
    "say that their belief is grounded.",
    "It ended. To do what is right requires having the right character "
    "traits.",
    /* verbs the tagger missed: one the lexicon knows only as a verb, and
     * a base form it lacks after its subject */
    "The talks ended. Regardless of the title, the chief executive enjoys "
    "considerable political power.",
    "The talks ended. The voters also elect a president.",
    "It ended. Examples such as these abound.",
    /* the shorthand of reviews, and an exclamation without its mark */
    "We stayed two nights. Rooms clean. Such a relaxing atmosphere and "
    "inspiring architecture. We left.",
    "The fields differ. Sociology and political science naturally overlap.",
    /* a reply after "or", and the "v." of a case's name */
    "You may be right. Or you might just be thinking of yourself. Or both. "
    "People are good at that.",
    "The court ruled in Brown v. Board of Education. Eventually, it ended.",
    /* verbs the tagger missed after a noun it did not know */
    "The talks ended on Friday. A global skeptic rejects the possibility of "
    "knowledge in general.",
    "The text is open. Thus, interpretation results in endless "
    "possibilities.",
    "We stayed home that day. Schools close for many reasons besides snow.",
    "The room was clean. But no other complaints. We would stay again.",
    "He pointed. Psst, over here. She came over.",
    "The show ended. Hmmm, not bad. We left.",
    "That settles the budget. Moving on. The next item is travel.",
    "Do you get what is wrong here? No...that is all. No second.",
    /* the comparative correlative */
    "Investors know the rule. The bigger the risk, the higher the reward.",
    /* a greeting after a speaker's name */
    "THE PRESIDENT. Good evening. I have a brief statement.",
    /* run-in headings open their paragraph */
    "Pottery and glassware. Terracotta pots have been the basic cooking "
    "utensil for generations.",
    "Free redistribution. The license may not restrict any party from "
    "selling the software.",
    "Kind of like Greyhound, but for New England. Serves almost every town.",
    /* imperatives whose verb is also a noun or adjective */
    "The cake has cooled. Ice the cake. Serve it cold.",
    "The drawer is full. Empty the drawer. Then close it.",
    "You leave tomorrow. Water the plants. Feed the cat.",
    /* finite verbs the tagger misses */
    "Maths is hard. Many people dislike maths. Some love it.",
    "He started the season well. Injuries limited his time in 2002. He "
    "recovered.",
    "Keep the thermostat low. This saves a lot of energy.",
    "The Old State House is small. The surrounding buildings dwarf it.",
    "They are usually artists. Then the commercial ends.",
    "Standards improve trials. The same applies to outcomes.",
    "The bars are open late. These offer dancing under the stars.",
    "The team handles security. This amounts roughly to three years.",
    "The pub is quiet. In the offseason, he underwent throat surgery to "
    "remove polyps.",
    "The stocks stood here. During the Revolution the British regulars "
    "camped here.",
    "Trains run all day. Trains become more and more infrequent at night.",
    "The library provides vectors, strings, and hash maps. Chapter 9 "
    "explores Rust\xE2\x80\x99s error-handling philosophy and techniques.",
    "If the talk starts to unravel, ask the group, \"Which steps should we "
    "take next?\" to refocus the conversation.",
    "The calendar has many rows. Two measure the lengths of lunar months. "
    "One gives the date.",
    "Doshi et al. proposed a scheme using the Bethencourt et al. CP-ABE "
    "scheme [15]. Here the policy is public.",
    /* captions after their label */
    "Figure 2. Aerial view of the site. The change is small.",
    /* abbreviations and initials the segmenter keeps together */
    "Some antigens (eg. CSP, TRAP) are tolerogenic. Others are not.",
    "The trip took him from Toronto to Sault Ste. Marie and back. It was "
    "long.",
    "He was wounded by Flight Lieutenant J.L. Webster in a Spitfire. He "
    "lived.",
    "The bomb was ordered by [Harry S.] Truman in 1945. It fell.",
    "John Smith, a.k.a. Bob Jones, lived there. He left.",
    /* listings: notices, telephone numbers, enumerations, participles */
    "Rentals include a helmet. Delivery available. Call ahead.",
    "It is a must. For program details, Tel. 01-7227233.",
    "He puts on some music. Pink Floyd, the Jam, the Pogues. The sky "
    "darkens.",
    "We have two dangers. One, inflation. It is still high.",
    "This bus serves the Cape. Going from Boston to Rockland and "
    "Plymouth. The route continues.",
    /* a restatement after a discourse marker */
    "Debian has a constitution. In other words, a formal governance "
    "system.",
    /* one sentence a line: short verbless lines are titles, replies,
     * proverbs */
    "He was born in 1950.\nGood question.\nThe History of Rome\n"
    "A criminal hierarchy.\nShe left.\n",
    "The man in white manages to escape. He runs.",
    /* speech inside a quotation */
    "\xE2\x80\x9CIt was over. A total loss. We went home,\xE2\x80\x9D "
    "she said.",
};

/* Markdown gives headings and list items their own blocks. */
static void markdown_blocks(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t findings;
    } cases[] = {
        {"# For wider area.\n\nThe talks ended. He left.\n", 0},
        {"Bring:\n\n- For wider area. Or less.\n- The other item.\n", 0},
        {"> The talks ended. For wider area.\n", 1},
        {"The talks ended. For wider area.\n", 1},
    };
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    assert_int_equal(mtl_options_set_severity(o, "fragment", MTL_WARNING), 0);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    assert_non_null(l);
    for (size_t c = 0; c < COUNT_OF(cases); c++) {
        mtl_result *r = NULL;
        assert_int_equal(mtl_lint(l, cases[c].text, strlen(cases[c].text),
                                  "test.md", &r), 0);
        if (mtl_result_count(r) != cases[c].findings)
            fail_msg("%zu findings in \"%s\", want %zu", mtl_result_count(r),
                     cases[c].text, cases[c].findings);
        mtl_result_free(r);
    }
    mtl_linter_free(l);
}

int main(void)
{
    const struct CMUnitTest md[] = {cmocka_unit_test(markdown_blocks)};
    int failed =
        cmocka_run_group_tests_name("fragment markdown", md, NULL, NULL);
    return failed + run_rule_cases("fragment", "fragment", flags,
                                   COUNT_OF(flags), clean, COUNT_OF(clean));
}
