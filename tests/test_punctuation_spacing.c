#include "lint_helper.h"

static const flag_case flags[] = {
    {.text = "any possible hostage release , she said.", .flag = " ,",
     .message = "space before ','", .suggestion = ","},
    {.text = "Why did they leave ?", .flag = " ?",
     .message = "space before '?'", .suggestion = "?"},
    {.text = "The talks ended .", .flag = " .", .message = "space before '.'",
     .suggestion = "."},
    {.text = "He said : we stay.", .flag = " :", .message = "space before ':'",
     .suggestion = ":"},
    {.text = "Negotiators said : “we are close”.", .flag = " :",
     .suggestion = ":"},
    {.text = "They waited ; then they left.", .flag = " ;", .suggestion = ";"},
    {.text = "Stop !\nNow.", .flag = " !", .suggestion = "!"},
    {.text = "Is that a note ?!", .flag = " ?", .suggestion = "?"},
    /* French typography keeps a no-break space before "?" */
    {.text = "Is that true\xC2\xA0? Yes.", .flag = "\xC2\xA0?",
     .suggestion = "?"},
    {.text = "Yes\xE2\x80\x89: no.", .flag = "\xE2\x80\x89:",
     .suggestion = ":"},
    {.text = "The release ,hostages first.", .flag = " ,", .suggestion = ", "},
    {.text = "It was signed by Acme Inc. , Ltd. and others.", .flag = " ,",
     .suggestion = ","},
    {.text = "He waited... , then left.", .flag = " ,"},
    {.text = "“It is a work in progress” , he said.", .flag = " ,"},
    {.text = "The war ended.The next day they met.", .flag = ".",
     .message = "missing space after '.'", .suggestion = ". ",
     .after = "ended"},
    {.text = "They met Blinken. The visit ended.Blinken said so.", .flag = ".",
     .suggestion = ". ", .after = "ended"},
    {.text = "the war,and the hostages", .flag = ",",
     .message = "missing space after ','", .suggestion = ", "},
    {.text = "the war;and the hostages", .flag = ";",
     .message = "missing space after ';'", .suggestion = "; "},
    {.text = "In 2023.The talks failed.", .flag = ".", .suggestion = ". ",
     .after = "2023"},
    {.text = "Did they leave?Nobody knows.", .flag = "?",
     .message = "missing space after '?'", .suggestion = "? "},
    {.text = "He said.“We will go.”", .flag = ".", .after = "said"},
    {.text = "leaders of ( Hamas) met", .flag = "( ",
     .message = "space after '('", .suggestion = "("},
    {.text = "leaders of (Hamas ) met", .flag = " )",
     .message = "space before ')'", .suggestion = ")"},
    {.text = "They counted the vote.Later they left.", .flag = ".",
     .after = "vote", .message = "missing space after '.'", .suggestion = ". "},
    {.text = "It was this year.Take that.", .flag = ".", .after = "year"},
    {.text = "All is fine today.Don't worry.", .flag = ".", .after = "today"},
    {.text = "It might be.There's more.", .flag = ".", .after = "be"},
    {.text = "The data.Increasingly people ask.", .flag = ".", .after = "data"},
    {.text = "We used QUOROM.We hope so.", .flag = ".", .after = "QUOROM"},
    {.text = "We met in Boston.Heading south, we drove on; the heading was south.",
     .flag = ".", .after = "Boston"},
    {.text = "It was sent during the fly-by.The team waited.", .flag = ".",
     .after = "fly-by"},
};

static const char *const clean[] = {
    /* abbreviations and initials */
    "The U.S. and its partners met.",
    "Ph.D. students, e.g. in Gaza, i.e. there.",
    "J. R. R. Tolkien wrote it at 10 a.m., he said.",
    "The U.S.,Israel talks.",
    /* numbers */
    "It rose 3.5 percent to 1,000 at 10:30 on a 3:1 vote.",
    "It ended 3 : 1 at home.",
    "Open notes.txt and run version 2.4.1 now.",
    /* URLs, e-mail addresses, domain and code names */
    "Visit https://example.com/a,b?x=1 or www.example.org/Path.Name today.",
    "Write to bob.smith@example.org, or to Ann.Lee@example.com.",
    "Create an account on CNN.com for more news.",
    "Use .NET, ASP.Net and Amazon.Com and java.util.List here.",
    "Tags: red,green,blue and f(a,b) and x,y.",
    /* ellipses */
    "Wait . . . then go.",
    "Wait ... then go.",
    "He waited… then left.",
    /* emoticons and other marks */
    "Smile :) it works ;) and :-( too.",
    "The (Hamas) group and ( 1 + 2 ) math.",
    /* two marks belong to doubled-punctuation */
    "Hamas releases hostages. . The talks",
    "a word , , next",
    /* code and markup */
    "Returns {net.Socket}; rename net.Stream to net.Socket.",
    "Fixes in build,win and sym,srcline; tl;dr and TL;DR.",
    "Run \"git add -u .\" or cmake --build . now.",
    "Types: RelWithDebInfo : -O2 and {'ws.op' : 'find'}.",
    "Use it if ! test -f x, or remove the prepended ? from it.",
    "NAME     : the name\nSIZE\t: the size",
    "See libblas.so . Then use \"git add .\" with . and .. paths.",
    "See /srv/licenses/GPL-2 .\nFiles include/GL/gl.h : all.",
    /* fine prose */
    "He said, “Go.” Then he left.",
    "The talks ended. Next day they met.",
    "Really?! Yes.",
    "the end\n, next",
    /* a name after a short or capitalised word, camel case, namespaces */
    "See README.Debian for details.",
    "Eat at Mc.Donalds now.",
    "They went to invent Chem.Weapons there; weapons are banned.",
    "Use os.ReadFile here.",
    "Call net.Socket and net.Server here.",
};

int main(void)
{
    return run_rule_cases("punctuation-spacing", "punctuation-spacing", flags,
                          COUNT_OF(flags), clean, COUNT_OF(clean));
}
