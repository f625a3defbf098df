/*
 * Rule documentation: mtlint --explain RULE, SARIF's fullDescription and
 * help, and (the same words) the man page's RULES section. The examples
 * are checked against the linter by tests/test_explain.py, so that the
 * documentation cannot drift from what the rules do.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const rule_doc docs[] = {
    {"repeated-word",
     "The same word twice in a row, or a word repeated many times over (a "
     "translation loop). Grammatical doubles such as 'had had', 'that that', "
     "'is is' in 'what it is is', and reduplicated names are left alone.",
     "Neural MT sometimes emits a token twice at a segment boundary, or loops "
     "on one word; a reader sees it at once and loses trust in the text.",
     "The the minister arrived on Monday.",
     "She had had enough of the talks."},
    {"repeated-phrase",
     "A phrase said twice in place, also across a closing quote or full stop, "
     "and identical conjuncts such as 'X or X'. Idioms such as 'more and more' "
     "are left alone.",
     "When MT aligns a source phrase twice, the output repeats a whole phrase "
     "that a word-level check does not see.",
     "They called for a cease-fire or a cease-fire in the region.",
     "Prices rose more and more each month."},
    {"fragment",
     "A sentence with no verb or no subject, or one starting in lower case "
     "after a full stop. Headings, list items, questions, imperatives and "
     "interjections are left alone.",
     "MT drops verbs and subjects that the source language leaves implicit, "
     "and splits sentences where the source had a clause boundary.",
     "The ministers met on Monday. For wider area.",
     "The ministers met on Monday. Read more."},
    {"punctuation-spacing",
     "A space before a comma, full stop, semicolon, colon, question or "
     "exclamation mark, or a missing space after a sentence end or comma. "
     "Abbreviations, decimals, times, URLs and initials are left alone.",
     "French-style spacing and detokenisation errors survive translation as "
     "stray spaces around punctuation.",
     "He confirmed the release , then left.",
     "The rate rose to 3.5 per cent at 10:30."},
    {"doubled-punctuation",
     "Punctuation doubled by mistake: '. .', '..', ',,', ';;', ',.'. "
     "Ellipses and an abbreviation's full stop before a comma are left alone.",
     "Joining translated segments adds a second full stop or comma where the "
     "source segment already ended with one.",
     "They freed the hostages. . Talks went on.",
     "They waited... and then the talks went on."},
    {"unbalanced-quotes",
     "A quotation that opens again before it closes, or a quote or bracket "
     "that never closes or closes nothing. News-style quotes continued over "
     "paragraphs are left alone.",
     "Quotation marks differ between languages and are often dropped or "
     "mismatched in translation.",
     "He said \"the countries must act now.",
     "He said \"the countries must act now.\""},
    {"spelling",
     "A word that is not in the dictionary. News is full of names, so a "
     "capitalised word is reported only when it is one slip from a dictionary "
     "word and the document does not repeat it.",
     "MT copies misspelt source words, transliterates inconsistently, and "
     "invents words from subword pieces.",
     "The goverment announced new measures.",
     "Mr Blinken met Mr Netanyahu in Tel Aviv."},
    {"term-inconsistency",
     "One term written two or more ways in one document: 'cease-fire' and "
     "'ceasefire', 'color' and 'colour'. The minority form is reported and the "
     "majority form suggested; names, quotations and different uses are left "
     "alone.",
     "Sentences are translated one at a time, so a term may come out a "
     "different way in each of them.",
     "The colour was red. The colour is red. The color was red.",
     "The colour was red. The colour is red. The colours were red."},
    {"untranslated",
     "Text left in another script, or whole sentences in Spanish, French, "
     "German or Portuguese. Loanwords and names are left alone.",
     "MT passes through what it cannot translate: quotations, titles, "
     "segments it failed to recognise as source text.",
     "The minister said: El gobierno no va a negociar con los secuestradores.",
     "They met at a small café in Prague."},
    {"mistranslation",
     "A real word that is probably the wrong one: out of place in its "
     "sentence, while a key term of the document or a known confusion of a "
     "pivot language fits the slot.",
     "MT picks the wrong sense of an ambiguous source word, or a word of a "
     "pivot language's translation, and the result is a real English word "
     "that no spelling check finds.",
     "",
     "They demanded the release of the hostages."},
    {"disfluent-sentence",
     "Adjacent words that a language model finds far likelier swapped, or a "
     "sentence far less probable than edited prose. A note by default.",
     "MT keeps the source language's word order where English needs another.",
     "",
     "The talks will resume on Monday in Geneva."},
    {"det-number",
     "A determiner whose number disagrees with its noun: 'a', 'each' or "
     "'another' before a noun that is only ever plural, 'these', 'many' or "
     "'various' before a singular one. Compounds such as 'a sports car' or "
     "'these rule changes', quantity words ('a few') and names are left alone.",
     "MT from languages that mark number differently, or not at all, pairs "
     "a singular determiner with a plural noun and the reverse.",
     "They discussed the release of a hostages on Friday.",
     "He drove a sports car to the talks."},
    {"grammar",
     "Two words side by side that English grammar does not allow: a past "
     "form that is never a participle after have ('has went'), a finite "
     "form after a modal ('will is'), a past form after do or to ('did "
     "went', 'to went'), two determiners in a row ('the a'), a pronoun "
     "opening a clause with a verb of the other number ('he have'), a "
     "bare verb where a to-infinitive belongs ('wanted protect'). "
     "Capitalised titles and headlines, quotes and lists between the "
     "words are left alone.",
     "MT renders the source's verb forms and articles word by word and "
     "can leave English forms that no auxiliary or subject allows.",
     "The ministers has went home after the vote.",
     "The ministers have gone home after the vote."},
    {"encoding",
     "Invalid UTF-8 (at the exact byte), mojibake such as 'donâ€™t' for "
     "'don’t', U+FFFD replacement characters, control characters, a stray "
     "byte order mark and invisible characters inside words.",
     "Translation pipelines convert text between encodings several times; "
     "each conversion can garble characters or lose them.",
     "We donâ€™t know yet.",
     "We don’t know yet."},
    {"unused-suppression",
     "An mtlint-disable or mtlint-disable-next-line comment in Markdown that "
     "silences nothing, reported only for comments that name an enabled rule "
     "(or every rule). Off unless --report-unused-suppressions or a severity "
     "turns it on; comments do not silence it.",
     "Suppressions outlive the MT errors they excused: after the text is "
     "post-edited, a stale comment would hide the next error on that line.",
     "",
     "The ministers met on Monday."},
    {"unknown-rule",
     "An mtlint comment in Markdown that names a rule mtlint does not have, "
     "such as a misspelt id: it silences nothing for that name, and a "
     "misspelt mtlint-enable leaves a rule off. Comments do not silence it.",
     "Translated documents are often checked by a pipeline; a suppression "
     "that silently fails to apply misleads the editors who read the source "
     "about what was checked.",
     "",
     "The ministers met on Monday."},
};

const rule_doc *rule_doc_find(const char *id)
{
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        if (strcmp(docs[i].id, id) == 0)
            return &docs[i];
    return NULL;
}

void rule_doc_print(FILE *o, const mtl_rule_info *ri, const rule_doc *d)
{
    fprintf(o, "%s (%s by default): %s\n\n", ri->id,
            mtl_severity_name(ri->default_severity), ri->summary);
    fprintf(o, "What it finds\n    %s\n\n", d->finds);
    fprintf(o, "Why it matters in machine translation\n    %s\n\n", d->why);
    if (*d->flagged)
        fprintf(o, "Flagged\n    %s\n\n", d->flagged);
    fprintf(o, "Not flagged\n    %s\n\n", d->not_flagged);
    fprintf(o,
            "Silencing it\n    --disable=%s on the command line; '%s = off' under "
            "[rules] in .mtlint.ini;\n    in Markdown, <!-- mtlint-disable %s --> ... "
            "<!-- mtlint-enable %s -->\n    or <!-- mtlint-disable-next-line %s -->.\n",
            ri->id, ri->id, ri->id, ri->id, ri->id);
}
