#include "lint_helper.h"

static const flag_case flags[] = {
    {.text = "They convert text into sign language and sign language for the deaf.",
     .flag = "sign language and sign language"},
    /* a modifier, then no restrictive phrase: MLQE-PE's MT */
    {.text = "It shows a lack of confidence in my own ability and ability as "
             "a chief negotiator.",
     .flag = "ability and ability"},
    /* no verb makes the first copy an object: the pair is one subject */
    {.text = "The cobbler and the cobbler was late for the meeting.",
     .flag = "The cobbler and the cobbler"},
    /* no "make" before the copies */
    {.text = "He planted an oak an oak near the house.", .flag = "an oak an oak"},
    /* "between" spares "man and man", not a name doubled before "and" */
    {.text = "The party split between those loyal to Cross and Cross and those "
             "who were not.",
     .flag = "Cross and Cross and"},
    /* the three from the reference article */
    {.text = "Aid must reach more of those who need it and access to those who need "
             "it.” to those who need it.” “And more.”",
     .flag = "to those who need it.” to those who need it.”",
     .message = "repeated phrase 'to those who need it'",
     .suggestion = "to those who need it.”",
     .after = "and access "},
    {.text = "Netanyahu rejected any halt to fighting — whether a cease-fire or a "
             "cease-fire — unless Hamas releases hostages.",
     .flag = "a cease-fire or a cease-fire",
     .message = "repeated phrase 'a cease-fire'",
     .suggestion = "a cease-fire"},
    /* a phrase said four times or more: MT looping */
    {.text = "Of the growth of the descendants of the descendants of the "
             "descendants of the descendants of the family.",
     .flag = "of the descendants of the descendants of the descendants of "
             "the descendants",
     .message = "phrase 'of the descendants' repeated 4 times",
     .suggestion = "of the descendants"},
    {.text = "Lord, my lady, my lady, my lady, my lady, my lady.",
     .flag = "my lady, my lady, my lady, my lady, my lady",
     .message = "phrase 'my lady' repeated 5 times", .suggestion = "my lady"},
    /* a clause said again after a comma, closing the sentence */
    {.text = "It is going to be an afternoon, it is going to be an afternoon.",
     .flag = "It is going to be an afternoon, it is going to be an afternoon",
     .message = "repeated phrase 'It is going to be an afternoon'",
     .suggestion = "It is going to be an afternoon"},
    {.text = "Neither a king nor a reign, nor a reign.",
     .flag = "nor a reign, nor a reign", .suggestion = "nor a reign"},
    /* verbs sharing their object */
    {.text = "The uprising was underlined and underlined the continuation of "
             "the war.",
     .flag = "underlined and underlined", .suggestion = "underlined"},
    /* a comma before the conjunction joins them as well */
    {.text = "So called the footsteps, or the footsteps.",
     .flag = "the footsteps, or the footsteps",
     .message = "repeated phrase 'the footsteps'",
     .suggestion = "the footsteps"},
    {.text = "He talked about Gaza “the day after” as well as the “day after.” He left.",
     .flag = "“the day after” as well as the “day after.”",
     .message = "repeated phrase 'the day after'",
     .suggestion = "“the day after.”"},
    /* immediate copies */
    {.text = "He met the talks the talks in Amman.",
     .flag = "the talks the talks", .message = "repeated phrase 'the talks'",
     .suggestion = "the talks"},
    {.text = "It is one of the one of the worst wars.",
     .flag = "one of the one of the", .suggestion = "one of the"},
    {.text = "The cease-fire cease-fire held.", .flag = "cease-fire cease-fire",
     .suggestion = "cease-fire"},
    {.text = "They want peace. in the region. in the region. Now.",
     .flag = "in the region. in the region.", .suggestion = "in the region."},
    {.text = "The talks ended without any deal at all. The talks ended without any "
             "deal at all. He left.",
     .flag = "The talks ended without any deal at all. The talks ended without any "
             "deal at all."},
    {.text = "Aid reached the people\nthe people of Gaza.",
     .flag = "the people\nthe people"},
    {.text = "He said “we will win” we will win” and left.",
     .flag = "we will win” we will win”", .suggestion = "we will win”"},
    /* identical conjuncts */
    {.text = "They spoke of the hostages and the hostages.",
     .flag = "the hostages and the hostages",
     .message = "repeated phrase 'the hostages'"},
    {.text = "It is either war or war.", .flag = "war or war",
     .suggestion = "war"},
    {.text = "They debated “the day after” or “the day after.” Then they left.",
     .flag = "“the day after” or “the day after.”",
     .suggestion = "“the day after.”"},
    {.text = "They want both peace and peace.", .flag = "peace and peace"},
    {.text = "They chose a pause rather than a pause, he said.",
     .flag = "a pause rather than a pause", .suggestion = "a pause"},
    {.text = "Talks on “the Gaza Strip” or “the Gaza Strip”, he said.",
     .flag = "“the Gaza Strip” or “the Gaza Strip”",
     .suggestion = "“the Gaza Strip”"},
    /* identical conjuncts of any class, single words too */
    {.text = "The survey reached voters and voters who had moved.",
     .flag = "voters and voters", .suggestion = "voters"},
    {.text = "They signed a treaty or a treaty, he said.",
     .flag = "a treaty or a treaty", .suggestion = "a treaty"},
    {.text = "The climb was slow and slow.", .flag = "slow and slow"},
    {.text = "They measured longitude and longitude at sea.",
     .flag = "longitude and longitude"},
    {.text = "The files were compiled and compiled from source.",
     .flag = "compiled and compiled"},
    {.text = "He was a cricketer and a cricketer, and a pall bearer.",
     .flag = "a cricketer and a cricketer"},
    {.text = "It has the same characters and characters (and names) as before.",
     .flag = "characters and characters"},
    {.text = "Schools and universities and universities were closed.",
     .flag = "universities and universities"},
    /* adjacent copies ending in a function word */
    {.text = "We lived most of lived most of our lives there.",
     .flag = "lived most of lived most of", .suggestion = "lived most of"},
    {.text = "It came with the help of the help of friends.",
     .flag = "the help of the help of"},
    {.text = "It has been on show in has been on show in the gallery.",
     .flag = "has been on show in has been on show in"},
    /* one repetition that matches twice is one finding */
    {.text = "They discussed the day after the day after as well as the day after.",
     .flag = "the day after the day after"},
    {.text = "In 1936 the Germans sent a Luftwaffe force the Germans sent a "
             "Luftwaffe force, the Condor Legion, to Spain.",
     .flag = "the Germans sent a Luftwaffe force the Germans sent a Luftwaffe force"},
};

static const char *const clean[] = {
    ("Interpreters convert spoken language into sign language and sign "
     "language into spoken language."),
    /* two noun phrases on one noun: a modifier before the first, a
     * restrictive phrase after the second; steps of a scale */
    "Many low-income seniors or seniors with disabilities have no networks.",
    "CORs are delegated for service contracts or contracts that exceed it.",
    "We had errors, mostly conversion errors and errors with constraints.",
    "If there was little lift to get from good to better or better to best, we tried.",
    /* a thing made what it is */
    "All oak trees share a whatness that makes an oak an oak.",
    "Some say certain characteristics make a woman a woman or a man a man.",
    /* the object of a verb, then the subject of the next clause */
    "We would say that the prince was now the cobbler and the cobbler was "
    "now the prince.",
    /* after a comma: spoken self-repair goes on; a quotation repeats for
     * effect; two words are a style ("Come in, come in.") */
    "He wants to use some of the money, some of the money for mass transit.",
    ("Revere rode out yelling: \xE2\x80\x9CThe British are coming, the British "
     "are coming!\xE2\x80\x9D, helping to raise the alarm."),
    "Come in, come in.",
    /* a verb of effort doubled on purpose, with its object */
    "He tried and tried the door, but it held.",
    /* three times is a refrain or an idiom; numbers are data */
    "My Lord, my Lord, my Lord!",
    "They walked day after day after day after day.",
    "The pairs were 1 2, 1 2, 1 2, 1 2 and 3 4.",
    /* after a comma: a chain of clauses, the end of a list */
    "Here is the stone; the stone came from the goose, and the goose came "
    "from Mr. Henry Baker.",
    "It decides on the status of documents (proposed standard, draft "
    "standard, or standard).",
    /* a comparative the lexicon lacks, and an idiom before the next
     * conjunction */
    "It swelled up louder and louder, a hoarse yell.",
    "His eyes travelled round and round and up and down the room.",
    /* single words belong to repeated-word */
    "He met the the minister.",
    "He had had enough, and that that was it.",
    "What it is is a problem.",
    "He lives in Walla Walla and said bye-bye.",
    "Ha ha ha ha, very funny.",
    "He said it. it was true.", /* even across a full stop */
    /* chains and reduplication */
    "Prices rose more and more and more.",
    "They walked on and on, round and round, over and over again.",
    "It got bigger and bigger, through and through, by and by.",
    "They fought day after day after day, side by side, step by step.",
    "The clock went tick tock tick tock all night.",
    "They talked for hours and hours.",
    /* style: commas, refrains, names */
    "I know, I know, it is late.",
    "No, no, no, that is wrong.",
    "He sang New York, New York all night.",
    "It's over. It's over. We lost.",
    "He left. He left. Then he came back.",
    "Thank you very much. Thank you very much.",
    "Why not? why not?",
    "Let it be\nLet it be\nWhisper words of wisdom.",
    "Sirhan Sirhan was convicted.",
    "He tried and he tried, but failed.",
    /* the same words in different roles */
    "She called the minister and the minister agreed.",
    "He spoke to the press. The press was hostile.",
    "The score was 6-4 6-4 in the final.",
    "Do you mean this or this?",
    "The talks ended.\n\nThe talks resumed.",
    "The minister and the minister of defence met.",
    "More of those who need it and access to those who need it.",
    /* three copies are a refrain, not a seam */
    "It went over and over again. And again. And again. And again.",
    "We want the talks the talks the talks.",
    /* nesting and modals */
    "Compare the file with the file with the same name.",
    "It takes a pointer to pointer to char.",
    "It fixed formatting of certain kinds of ranges of ranges.",
    "Users should not need to have to have the tools.",
    "He said he said it to protect her.",
    "They want peace as well as peace of mind.",
    "Aid is needed rather than aid in name only.",
    /* case, quotes and compounds make the copies different */
    "It matches both Makefile and makefile.",
    "Use Xfree rather than XFree.",
    "Quote 'like this' or \"like this\", not otherwise.",
    "Cast to 'unsigned long' rather than 'long' here.",
    "Run tests with both HTTP and HTTP/2 enabled.",
    "Use GTK rather than GTK+.",
    "Both EXPLAIN and EXPLAIN QUERY PLAN work.",
    "He said \"git rebase\" and \"git rebase -i\" differ.",
    /* tables, lists and code */
    "see major-opcode   major-opcode\nsee minor-opcode   minor-opcode",
    "Copyright:\n 1995-2011 Peter Mattis\n 1995-2011 Peter Mattis and others",
    "Use 'col -bx' rather than 'col-bx'.",
    "It failed with Invalid value 'Invalid value' for the key.",
    "The symbols { a b a b c } follow.",
    /* doubles English means */
    "He waited and waited for the bus.",
    "They talked and talked until dawn.",
    "It grew bigger and bigger every year.",
    "They walked for miles and miles, for days and days.",
    "Time and time again he fell.",
    "Between man and man, and people and people, there is trust.",
    "It was through and through a failure.",
    /* a modifier, a name or a new clause after the second conjunct */
    "The hair follicle and hair follicle appendages grew.",
    "Release and Release.gpg are both files.",
    "A friend of a friend of mine came.",
};

int main(void)
{
    return run_rule_cases("repeated-phrase", "repeated-phrase", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
