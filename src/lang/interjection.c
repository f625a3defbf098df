/*
 * Interjections by shape (interjection.h). The bases are the sounds, each
 * run of a letter written once: "hm" stands for "hmm" and "hmmmm", "ah"
 * for "ahh" and "aaahhh". A typo of a dictionary word does not collapse
 * into one of them, so the test spares no misspelling.
 */
#include "lang/interjection.h"

#include "base/strlist.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_INTERJECTION = 24, MAX_BASE = 4 };

/* in strcmp order, for bsearch; none longer than MAX_BASE */
static const char *const bases[] = {
    "a", "ah", "aha", "argh", "aw", "br", "eh", "er", "erm", "ew", "gr",
    "ha", "hah", "he", "heh", "hm", "hmph", "m", "mh", "mhm", "mkay", "o", "oh",
    "ough", "ow", "pf", "pft", "ps", "pst", "sh", "tsk", "ugh", "uh",
    "uhm", "um", "ur"};

static int compare(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

int mtl_is_interjection(const char *word, size_t len)
{
    if (len == 0 || len > MAX_INTERJECTION)
        return 0;
    char s[MAX_INTERJECTION + 1];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c < 'a' || c > 'z')
            return 0;
        if (n == 0 || s[n - 1] != c)
            s[n++] = c;
    }
    s[n] = '\0';
    /* a laugh: "hahaha", "hehe", "ahaha", "hahah" -> "ha", "he",
     * "aha", "hah" */
    while (n >= 4 && s[n - 1] == s[n - 3] && s[n - 2] == s[n - 4] &&
           (s[n - 1] == 'h' || s[n - 2] == 'h'))
        s[n -= 2] = '\0';
    /* "a", "he", "o", "m" are words, or letters, until drawn out */
    if (n > MAX_BASE || (len == n && (n == 1 || strcmp(s, "he") == 0)))
        return 0;
    return bsearch(s, bases, sizeof bases / sizeof *bases, sizeof *bases,
                   compare) != NULL;
}

/* Words of talk that dictionaries have, and edited prose seldom uses. */
static const char *const fillers[] = {
    "yeah", "yep", "yup", "nah", "nope", "okay", "ok", "gonna", "wanna",
    "gotta", "kinda", "sorta", "guys", "hey", "wow", NULL};

/* Sounds that are also the names of commands. */
static const char *const commands[] = {
    "sh", "ssh", "ps", "pst", "br", "gr", "pf", "pft", "tsk", "hh", NULL};

/* A speaker's label opening the line at text[i]: one to four capitalised
 * words ("THE COURT", "MR. ALVAREZ", "Priya"), after a time stamp in
 * brackets if any, then ':' and a space. Returns its length, 0 if none. */
static size_t speaker_label(const char *text, size_t len, size_t i, size_t *at)
{
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    if (i < len && text[i] == '[') { /* "[00:01:23]" */
        size_t j = i + 1;
        while (j < len && j < i + 16 && ((text[j] >= '0' && text[j] <= '9') ||
                                         text[j] == ':' || text[j] == '.'))
            j++;
        if (j < len && text[j] == ']')
            i = j + 1;
        while (i < len && text[i] == ' ')
            i++;
    }
    size_t start = i, words = 0;
    while (i < len && words < 4 && text[i] >= 'A' && text[i] <= 'Z') {
        words++;
        while (i < len && ((text[i] >= 'A' && text[i] <= 'Z') ||
                           (text[i] >= 'a' && text[i] <= 'z') || text[i] == '.' ||
                           text[i] == '\'' || text[i] == '-'))
            i++;
        if (i + 1 < len && text[i] == ' ' && text[i + 1] >= 'A' && text[i + 1] <= 'Z')
            i++;
    }
    if (!words || i + 1 >= len || text[i] != ':' || text[i + 1] != ' ' ||
        i - start > 32)
        return 0;
    *at = start;
    return i - start;
}

enum { MAX_SPEAKERS = 16 };

/* Does the text alternate between speakers: two labels or more, each
 * opening two lines or more? "Note:" and "Edit:" come alone. */
static int dialogue(const mtl_doc *doc)
{
    struct { size_t at, len, n; } seen[MAX_SPEAKERS];
    size_t n_seen = 0, speakers = 0;
    for (size_t i = 0; i < doc->len; i++) {
        if (i > 0 && doc->text[i - 1] != '\n')
            continue;
        size_t at, n = speaker_label(doc->text, doc->len, i, &at);
        if (!n)
            continue;
        size_t k = 0;
        while (k < n_seen && !(seen[k].len == n &&
                               memcmp(doc->text + seen[k].at, doc->text + at, n) == 0))
            k++;
        if (k == n_seen) {
            if (n_seen == MAX_SPEAKERS)
                continue;
            seen[n_seen].at = at;
            seen[n_seen].len = n;
            seen[n_seen++].n = 0;
        }
        if (++seen[k].n == 2 && ++speakers == 2)
            return 1;
    }
    return 0;
}

int mtl_is_spoken(const mtl_doc *doc)
{
    if (dialogue(doc))
        return 1;
    size_t words = 0, sounds = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *t = &doc->tokens[i];
        if (t->kind != MTL_TOK_WORD)
            continue;
        words++;
        /* not a command's name in capitals or in lower case ("SSH", "ps
         * aux"), whose shape is a hush's */
        const char *w = mtl_tok_norm(doc, t);
        if ((t->flags & MTL_TF_ALLCAPS) || mtl_in_list(commands, w))
            continue;
        sounds += mtl_is_interjection(doc->text + t->start, t->end - t->start) ||
                  mtl_in_list(fillers, w);
    }
    return sounds >= 3 && sounds * 1000 >= words * MTL_SPOKEN_PER_1000;
}
