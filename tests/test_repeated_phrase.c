#include "lint_helper.h"

static const flag_case flags[] = {
    /* the three from the reference article */
    {"Aid must reach more of those who need it and access to those who need "
     "it.” to those who need it.” “And more.”",
     "to those who need it.” to those who need it.”",
     "repeated phrase 'to those who need it'", "to those who need it.”",
     "and access "},
    {"Netanyahu rejected any halt to fighting — whether a cease-fire or a "
     "cease-fire — unless Hamas releases hostages.",
     "a cease-fire or a cease-fire", "repeated phrase 'a cease-fire'",
     "a cease-fire", NULL},
    {"He talked about Gaza “the day after” as well as the “day after.” He left.",
     "“the day after” as well as the “day after.”",
     "repeated phrase 'the day after'", "“the day after.”", NULL},
    /* immediate copies */
    {"He met the talks the talks in Amman.", "the talks the talks",
     "repeated phrase 'the talks'", "the talks", NULL},
    {"It is one of the one of the worst wars.", "one of the one of the", NULL,
     "one of the", NULL},
    {"The cease-fire cease-fire held.", "cease-fire cease-fire", NULL,
     "cease-fire", NULL},
    {"They want peace. in the region. in the region. Now.",
     "in the region. in the region.", NULL, "in the region.", NULL},
    {"The talks ended without any deal at all. The talks ended without any "
     "deal at all. He left.",
     "The talks ended without any deal at all. The talks ended without any "
     "deal at all.", NULL, NULL, NULL},
    {"Aid reached the people\nthe people of Gaza.", "the people\nthe people",
     NULL, NULL, NULL},
    {"He said “we will win” we will win” and left.",
     "we will win” we will win”", NULL, "we will win”", NULL},
    /* identical conjuncts */
    {"They spoke of the hostages and the hostages.",
     "the hostages and the hostages", "repeated phrase 'the hostages'", NULL,
     NULL},
    {"It is either war or war.", "war or war", NULL, "war", NULL},
    {"They debated “the day after” or “the day after.” Then they left.",
     "“the day after” or “the day after.”", NULL, "“the day after.”", NULL},
    {"They want both peace and peace.", "peace and peace", NULL, NULL, NULL},
    {"They chose a pause rather than a pause, he said.",
     "a pause rather than a pause", NULL, "a pause", NULL},
    {"Talks on “the Gaza Strip” or “the Gaza Strip”, he said.",
     "“the Gaza Strip” or “the Gaza Strip”", NULL, "“the Gaza Strip”", NULL},
};

static const char *const clean[] = {
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
};

int main(void)
{
    return run_rule_cases("repeated-phrase", "repeated-phrase", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
