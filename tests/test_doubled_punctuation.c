#include "lint_helper.h"

static const flag_case flags[] = {
    {.text = "Hamas releases hostages. . The talks", .flag = ". .",
     .message = "doubled punctuation '. .'", .suggestion = "."},
    {.text = "The talks ended.. Then", .flag = "..",
     .message = "doubled punctuation '..'", .suggestion = "."},
    {.text = "the talks,, which went on", .flag = ",,", .suggestion = ","},
    {.text = "first;; second", .flag = ";;", .suggestion = ";"},
    {.text = "the hostages,. Then", .flag = ",.", .suggestion = "."},
    {.text = "the hostages., then", .flag = ".,", .suggestion = ","},
    {.text = "Note:: this matters.", .flag = "::", .suggestion = ":"},
    {.text = "Why did they leave?. Nobody knows.", .flag = "?.",
     .suggestion = "?"},
    {.text = "Stop!. Now.", .flag = "!.", .suggestion = "!"},
    {.text = "a word , , next", .flag = ", ,",
     .message = "doubled punctuation ', ,'", .suggestion = ","},
    {.text = "the hostages;, then", .flag = ";,", .suggestion = ","},
    {.text = "the talks, . Then", .flag = ", .", .suggestion = "."},
    {.text = "the war, etc.. Then", .flag = "..", .suggestion = "."},
    {.text = "talks in the U.S. . Then", .flag = ". .", .suggestion = ".",
     .after = "U.S"},
    {.text = "Is it true,? No.", .flag = ",?", .suggestion = "?"},
    {.text = "one, , , two", .flag = ", , ,", .suggestion = ","},
    {.text = "He brought them up with batons::.\n", .flag = "::."},
    /* ':.' inside a line of a file of one sentence a line */
    {.text = "He left.\nThe theme was:. Freedom came.\nShe won.\nThey lost.\n",
     .flag = ":."},
};

static const char *const clean[] = {
    "The daughter of Aloysius Doran, Esq., of San Francisco, Cal., arrived.",
    /* ellipses */
    "He waited... then left.",
    "He waited … then left.",
    "He waited. . . then left.",
    "Really...? Yes.",
    "He waited...., then left.",
    /* abbreviations before a mark */
    "Acme Inc., Beta Ltd., and the U.S., too.",
    "Is it in the U.S.? Yes.",
    "Ph.D., e.g., i.e., J. R. R. Tolkien.",
    "(See the list, etc.) Then we go.",
    /* quotes and brackets between marks */
    "He said, “Go.” Then he left.",
    "He said.\" Then he left.",
    /* emphasis */
    "Really?! Yes!? Wow!! Really??",
    "Yahoo!, Google and others.",
    /* code, paths, ranges, times */
    "Use std::vector and a::before here.",
    "Write for(;;) loops.",
    "Use s1..s2 and a, ..., z.",
    "Run cd ../src and count 1..10 now.",
    "Time 10:30, ratio 3:1.",
    "Visit https://example.com/a..b today.",
    /* markup */
    ".. note:: Read this first.\n.. include:: ../README.rst",
    "Run it as follows::\n\n    make",
    "On Windows, .git and the files; see: :doc:`intro` and x!=1,!=2.",
    "Lines like Subject:, Date: or From: are headers.",
    "Run cd .. and ending in :: or a ;; here, and use \"..\" too.",
    "Files: src/simclist.? under 17 U.S.C. 101 et seq., in Bismarck, ND., USA.",
    "Copyright: ? Andrew Kuchling",
    "  echo \"modified.\";;\nesac",
    /* plain prose */
    "The talks ended. The war went on.",
    "First, second; third: fourth.",
    /* abbreviations of biology and etymology */
    "It includes Vibrio spp., Pelagibacter spp., and others.",
    "Haplorhini (haplo-rhini, Gr., simple noses) is a suborder.",
    /* a colon announcing the next line, then the stop */
    "The leitmotif of all the speeches was:.\nFreedom.",
    /* the same in a file of one sentence a line, where each line is a
     * block of its own */
    "He left.\nThe leitmotif of all the speeches was:.\nShe won.\nThey lost.\n",
};

int main(void)
{
    return run_rule_cases("doubled-punctuation", "doubled-punctuation", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
