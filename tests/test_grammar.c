#include "lint_helper.h"

static const flag_case flags[] = {
    /* "have" after a word that is no form of "do" is still an auxiliary */
    {.text = "The officials said that they have went home.", .flag = "have went"},
    /* have + a past form that is never a participle */
    {.text = "The minister has went home after the vote.", .flag = "has went",
     .message = "'went' cannot follow 'has'"},
    {.text = "She had became the first mayor of the town.",
     .flag = "had became"},
    {.text = "They have already took the decision.",
     .flag = "have already took"},
    /* a modal + a finite form */
    {.text = "The bridge will is closed on Monday.", .flag = "will is",
     .message = "'is' cannot follow 'will'"},
    {.text = "The talks might was the last chance.", .flag = "might was"},
    /* do + a past form, to + a past form */
    {.text = "He did went to the market.", .flag = "did went"},
    {.text = "The army wanted to went north.", .flag = "to went"},
    /* two determiners in a row */
    {.text = "The talks took place in the a city near the border.",
     .flag = "the a", .message = "'a' after 'the'"},
    {.text = "It was a the largest dam in the country.", .flag = "a the"},
    {.text = "They met the their leaders on Friday.", .flag = "the their"},
    /* a pronoun opening a clause, with a verb of the other number */
    {.text = "He have left the party.", .flag = "He have",
     .message = "'have' after 'He'"},
    {.text = "The vote ended, and they is now in power.", .flag = "they is"},
    {.text = "When she are ready, the talks resume.", .flag = "she are"},
    /* a bare verb where a to-infinitive belongs */
    {.text = "The villagers wanted protect the church.",
     .flag = "wanted protect",
     .message = "'to' missing between 'wanted' and 'protect'"},
    {.text = "The council decided destroy the old bridge.",
     .flag = "decided destroy"},
    /* a simple noun subject opening a clause, with a verb of the other
     * number */
    {.text = "The prices is too high for most families.", .flag = "prices is",
     .message = "'is' after plural 'prices'"},
    {.text = "These rules is new.", .flag = "rules is"},
    {.text = "This rule are new.", .flag = "rule are",
     .message = "'are' after singular 'rule'"},
    {.text = "This rules is new.", .flag = "rules is"},
    {.text = "Her children was at the school.", .flag = "children was"},
    {.text = "The minister have left the city.", .flag = "minister have"},
    {.text = "The new hospitals has opened.", .flag = "hospitals has"},
    {.text = "Because the old bridge are closed, traffic is slow.",
     .flag = "bridge are"},
    {.text = "The women was arrested on Friday.", .flag = "women was"},
    {.text = "Their demands does not change.", .flag = "demands does"},
    {.text = "The talks ended; the delegates was tired.",
     .flag = "delegates was"},
    {.text = "It rained, but the farmers was happy.", .flag = "farmers was"},
    {.text = "When the price are right, they buy.", .flag = "price are"},
    /* "were" where the sentence opens; -ss, -us and -is singulars; a noun
     * modifying the head */
    {.text = "The fossil were unearthed in 1983.", .flag = "fossil were",
     .message = "'were' after singular 'fossil'"},
    {.text = "A process are a running instance of a program.",
     .flag = "process are"},
    {.text = "The crisis have deepened.", .flag = "crisis have"},
    {.text = "The error rate are very high.", .flag = "rate are"},
    {.text = "The bus drivers has gone on strike.", .flag = "drivers has"},
    /* the present tense of other verbs, when never a noun */
    {.text = "Our results suggests a link.", .flag = "results suggests",
     .message = "'suggests' after plural 'results'"},
    {.text = "The minister want peace.", .flag = "minister want"},
    {.text = "The new rules allows more time.", .flag = "rules allows"},
};

static const char *const clean[] = {
    /* a name; "have" the main verb after "did" */
    "Will is the product manager of the site.",
    "The problems that NEA did have were very typical.",
    "The problems that NEA did have went away.",
    /* a list's label after an article */
    "We would like an island with an a) all inclusive resort or b) a hotel.",
    /* an adjective as the subject, then an auxiliary */
    "The poor do not vote, while the wealthy do believe their vote counts.",
    "We each paid a few pence a week. My pence were duly paid.",
    /* a noun the same in both numbers */
    "Male mosquitoes do not bite; because their progeny die, none persist.",
    /* participles and base forms after auxiliaries */
    "The minister has gone home after the vote.",
    "She had become the first mayor of the town.",
    "They can go home tomorrow.",
    "He did go to the market.",
    "They wanted to go north.",
    "The bridge will be closed on Monday.",
    /* nouns that look like auxiliaries: the will to, a can to */
    "They lacked the political will to end the war.",
    "He kicked a can to the curb.",
    /* a modal ending an elliptical clause */
    "We are doing everything we can to help.",
    "It will take such steps as it may to reach the goal.",
    /* "did" as a main verb, "to" as a preposition, "saw" as a verb */
    "What he did was wrong.",
    "He went from 1990 to 1995 without a job.",
    "They needed wood to saw into planks.",
    /* titles and headlines: capitals say nothing */
    "Police Have Went Home, Says Mayor",
    "She read The Will To Power twice.",
    "He starred in The A Team.",
    /* quotes, lists and citations between the words */
    "Press the \"a\" key twice.",
    "Use the article a, the or an.",
    "The a/an choice depends on sound.",
    "English has the articles 'the' and 'a'.",
    /* the same word twice is repeated-word's */
    "It was the the largest dam.",
    /* subjunctives and inverted questions */
    "If he were king, he would act.",
    "They asked that he have a lawyer present.",
    "Does he have a plan?",
    "What do they have to say?",
    "I was there, and you were too.",
    /* verbs with a noun or adjective after them */
    "They planned attack routes for weeks.",
    "He tried hard and failed.",
    "She wanted help from the state.",
    "The council continued work on the bridge.",
    "The scheduler manages print jobs.",
    /* help, let and make take a bare verb */
    "They helped build the church.",
    "He let go of the rope.",
    /* subject and verb: collectives in British usage, and group nouns */
    "The team are playing well this season.",
    "The government have announced new measures.",
    "The council have agreed.",
    "His family have lived here for years.",
    "The couple are expecting a child.",
    "The staff are friendly.",
    "The majority are women.",
    "The police are on their way.",
    "The media is biased, and the media are biased.",
    "The opposition have walked out.",
    "The band are touring Europe.",
    "A handful are left.",
    /* the number of, a number of: the head is not the verb's neighbour */
    "The number of cases is rising.",
    "A number of cases are rising.",
    "The price of apples is high.",
    "The man who sells the apples is here.",
    /* measure phrases */
    "Ten years is a long time.",
    "The first two years is the hardest part.",
    "A few days is enough.",
    /* names, titles and headlines */
    "The Beatles is a band I love.",
    "The Netherlands is a small country.",
    "Prices Is Right For Farmers",
    "The Price Is Right is a show.",
    /* quotations and words cited */
    "The \"prices\" is a word.",
    "The word 'prices' is plural.",
    "\"The kids is alright,\" he said.",
    /* coordinated subjects and lists */
    "The cat and the dog are friends.",
    "Bread, milk and the egg are on the list.",
    /* nouns the same in both numbers, singular -s nouns */
    "The series is over.",
    "The species is rare.",
    "The news is good.",
    "The data are clear, and the data is clear.",
    "The means is simple.",
    "The sheep are in the field.",
    "The economics is simple.",
    "The politics is ugly.",
    /* adjectives and participles standing as nouns */
    "The elderly are at risk.",
    "The injured have been taken to hospital.",
    "The living are few.",
    /* questions, inversion, there, subjunctive */
    "Are the prices high?",
    "Is the team ready?",
    "There is a problem, and there are two.",
    "After the talks was a dinner.",
    "If the price were lower, we would buy.",
    "Although the plan were simpler, it would fail.",
    "The garrison were starving.",
    "The ambulance service are stretched.",
    "The membership have voted to strike.",
    /* Latin plurals, nouns the same in both numbers in -s, adverbial nouns */
    "The papillae are small.",
    "The apparatus are in the lab.",
    "The prices today are high.",
    "The word mice is a plural.",
    /* present tenses that are nouns or pasts too, and modal need */
    "This target need not rebuild the files.",
    "The price rises every year.",
    "The man put the book down.",
    "The price increase was small.",
    "The team say they are ready.",
    "The data suggest a link.",
    /* compounds and possessives: the verb's noun is not the first */
    "The price rises are steep.",
    "The minister's aides are here.",
    "The students' union is strong.",
};

int main(void)
{
    return run_rule_cases("grammar", "grammar", flags, COUNT_OF(flags),
                          clean, COUNT_OF(clean));
}
