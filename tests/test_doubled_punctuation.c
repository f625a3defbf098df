#include "lint_helper.h"

static const flag_case flags[] = {
    {"Hamas releases hostages. . The talks", ". .", "doubled punctuation '. .'",
     ".", NULL},
    {"The talks ended.. Then", "..", "doubled punctuation '..'", ".", NULL},
    {"the talks,, which went on", ",,", NULL, ",", NULL},
    {"first;; second", ";;", NULL, ";", NULL},
    {"the hostages,. Then", ",.", NULL, ".", NULL},
    {"the hostages., then", ".,", NULL, ",", NULL},
    {"Note:: this matters.", "::", NULL, ":", NULL},
    {"Why did they leave?. Nobody knows.", "?.", NULL, "?", NULL},
    {"Stop!. Now.", "!.", NULL, "!", NULL},
    {"a word , , next", ", ,", "doubled punctuation ', ,'", ",", NULL},
    {"the hostages;, then", ";,", NULL, ",", NULL},
    {"the talks, . Then", ", .", NULL, ".", NULL},
    {"the war, etc.. Then", "..", NULL, ".", NULL},
    {"talks in the U.S. . Then", ". .", NULL, ".", "U.S"},
    {"Is it true,? No.", ",?", NULL, "?", NULL},
    {"one, , , two", ", , ,", NULL, ",", NULL},
};

static const char *const clean[] = {
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
};

int main(void)
{
    return run_rule_cases("doubled-punctuation", "doubled-punctuation", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
