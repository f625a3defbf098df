/*
 * repeated-word: the same word twice in a row, which translation leaves when
 * two source words map to one English word, or an edit keeps both halves.
 *
 *     "talks with the the foreign ministers"  ->  repeated word 'the'
 *
 * Grammatical doubles are fine: "had had", "that that", "what it is is",
 * a particle and a preposition after a verb ("checked in in minutes"),
 * "gave her her keys", a noun and a modal ("the will will be read"), place
 * and other names ("Walla Walla", "Emperor Duc Duc", "the last LAST
 * festival"), reduplications ("ha ha", "bye bye", "choo choo") and three
 * copies opening a sentence ("Compare compare compare"), and a function
 * word doubled in a transcript of speech, one that writes "um" and "uh"
 * ("I I think"). Longer runs are a translation loop, reported once: "rahu
 * sum sum sum sum".
 */
#include "findings/rule.h"

#include "base/strlist.h"

#include "base/buf.h"
#include "text/tokens.h"
#include "text/tokens.h"
#include "lang/tags.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words English legitimately doubles (reduplication, interjections,
 * intensifiers). Compared with the normal form. */
static const char *const doubled_ok[] = {
    "had", "that", "ha", "haha", "ho", "he", "hee", "bye", "no", "yes",
    "yeah", "oh", "ah", "aha", "bla", "blah", "yada", "knock", "chop", "tut",
    "tsk", "there", "now", "well", "very", "so", "bang", "boom", "bam", "la",
    "tick", "rah", "yum", "hip", "dum", "boo", "cha", "mm", "hmm", "hush",
    "pooh", "night", "go", "far", "many", "more", "again", "round",
    "ding", "dong", "pom", "tom", "woof", "meow", "quack",
    "baa", "moo", "choo", "beep", "honk", "bling", "cuckoo", "ta", "da",
    "tra", "yo", "hey", "bravo", "encore", "wow", "bad", "naughty", "never",
    "little", "long", "slowly", "please", "help", "run", "stop", "wait",
    "come", "hurry", "away", "back", "around", "through", "really", "much",
    "super", "etc", NULL};

/* Phrasal verbs, as stems by particle: their particle may meet a
 * preposition of the same spelling ("checked in in minutes", "turned on on
 * Monday"); after another verb the double is a slip ("arrested in in"). */
typedef struct phrasal {
    const char *particle;
    const char *const *verbs;
} phrasal;

static const char *const in_verbs[] = {
    "check", "log", "sign", "plug", "fill", "hand", "turn", "give", "move",
    "drop", "break", "cave", "fit", "settle", "tune", "join", "come", "go",
    "get", "let", "lock", "pull", "set", "step", "take", "call", "kick",
    "phase", "zoom", "dig", "pitch", "chip", "rein", "sleep", "stay", "stand",
    "hem", "box", "wall", "fence", "usher", "jump", "butt", "cash", "factor",
    "send", "bring", "ring", "sit", "throw", "put", "keep", "close", "shut",
    "slip", "sneak", "creep", "walk", "run", "rush", "burst", "pour", "flood",
    "look", "peep", "write", "pencil", "draw", "bed", NULL};
static const char *const on_verbs[] = {
    "turn", "switch", "put", "try", "carry", "go", "come", "hold", "move",
    "get", "log", "sign", "take", "pass", "catch", "keep", "hang", "call",
    "count", "rely", "depend", "insist", "focus", "build", "work", "live",
    "spy", "pick", "draw", "click", "press", "push", "sit", "stand", "look",
    "walk", "lean", "pile", "drag", "goes", "cheer", "egg", "urge", "bring",
    NULL};
static const char *const up_verbs[] = {
    "give", "show", "pick", "set", "end", "back", "speak", "grow", "turn",
    "look", "sign", "make", "take", "bring", "come", "go", "get", "put",
    "wake", "stand", "hold", "open", "catch", "clean", "break", "call",
    "fill", "hang", "line", "mix", "pay", "shut", "sum", "wrap", "follow",
    "keep", "start", "stay", "use", "warm", "blow", "climb", "step", "team",
    "buck", "cheer", "dress", "fire", "heat", "light", "pop", "shoot",
    "split", "stir", "tidy", "build", "free", "back", NULL};
static const char *const down_verbs[] = {
    "turn", "shut", "break", "calm", "cut", "slow", "sit", "lie", "back",
    "put", "take", "write", "step", "settle", "let", "bring", "come", "go",
    "hold", "knock", "look", "mark", "note", "narrow", "play", "scale",
    "tone", "water", "wind", "hunker", "bog", "crack", "die", "lay", "lock",
    "strip", "track", "turn", "wear", "burn", "close", "shoot", NULL};
static const char *const out_verbs[] = {
    "find", "work", "carry", "point", "figure", "check", "turn", "run",
    "sort", "rule", "give", "hand", "pass", "leave", "log", "make", "pick",
    "reach", "set", "sign", "spell", "stand", "take", "try", "wipe", "phase",
    "print", "fill", "go", "come", "get", "put", "break", "drop", "back",
    "kick", "lock", "sell", "stick", "hang", "miss", "rule", "wear", "watch",
    "act", "bail", "black", "burn", "cross", "die", "freak", "lay", "lash",
    "max", "opt", "pull", "roll", "shut", "single", "sit", "speak", "stretch",
    "throw", "weed", "zone", NULL};
static const char *const off_verbs[] = {
    "turn", "log", "take", "set", "sign", "kick", "cut", "pay", "put", "show",
    "call", "lay", "shut", "switch", "back", "drop", "get", "go", "come",
    "head", "hold", "knock", "leave", "pull", "ward", "wear", "write", "cool",
    "doze", "fend", "finish", "hive", "laugh", "nod", "pair", "peel",
    "round", "seal", "sell", "shake", "spin", "start", "tail", "tip",
    "top", "trail", "wall", "warn", "wipe", "break", "brush", NULL};
static const char *const over_verbs[] = {
    "take", "hand", "get", "think", "turn", "look", "go", "come", "pass",
    "run", "start", "win", "hold", "carry", "fall", "bowl", "blow", "roll",
    "boil", "check", "cross", "fill", "gloss", "hang", "knock", "paper",
    "pull", "sign", "sleep", "stop", "talk", "tide", "tip", "topple",
    "watch", "read", NULL};
static const char *const by_verbs[] = {
    "stand", "drop", "come", "go", "stop", "pass", "swing", "get", "abide",
    "live", "pop", "zip", "fly", "walk", "whiz", "speed", "rush", NULL};

static const phrasal phrasals[] = {
    {"in", in_verbs},     {"on", on_verbs},   {"up", up_verbs},
    {"down", down_verbs}, {"out", out_verbs}, {"off", off_verbs},
    {"over", over_verbs}, {"by", by_verbs},
};

/* Irregular past forms of the verbs above. */
static const char *const irregular_past[][2] = {
    {"gave", "give"}, {"given", "give"}, {"took", "take"}, {"taken", "take"},
    {"came", "come"}, {"went", "go"}, {"gone", "go"}, {"got", "get"},
    {"gotten", "get"}, {"held", "hold"}, {"kept", "keep"}, {"brought", "bring"},
    {"broke", "break"}, {"broken", "break"}, {"found", "find"}, {"left", "leave"},
    {"made", "make"}, {"ran", "run"}, {"sat", "sit"}, {"stood", "stand"},
    {"threw", "throw"}, {"thrown", "throw"}, {"wrote", "write"},
    {"written", "write"}, {"woke", "wake"}, {"grew", "grow"}, {"grown", "grow"},
    {"blew", "blow"}, {"caught", "catch"}, {"built", "build"}, {"sold", "sell"},
    {"fell", "fall"}, {"won", "win"}, {"thought", "think"}, {"laid", "lay"},
    {"lay", "lie"}, {"rode", "ride"}, {"shook", "shake"}, {"spun", "spin"},
    {"stuck", "stick"}, {"wore", "wear"}, {"worn", "wear"}, {"dug", "dig"},
    {"rang", "ring"}, {"flew", "fly"}, {"sent", "send"}, {"shot", "shoot"},
    {"slept", "sleep"}, {"read", "read"}, {"lit", "light"}, {"drew", "draw"},
    {"drawn", "draw"}, {"hung", "hang"}, {"burnt", "burn"}, {"froze", "free"},
    {"paid", "pay"}, {"led", "lead"}, {"let", "let"}, {"set", "set"},
    {"put", "put"}, {"cut", "cut"}, {"shut", "shut"}, {"split", "split"},
    {"died", "die"}, {"lied", "lie"}};

/* Is verb (a normal form) one whose particle is p? */
static int phrasal_verb(const char *verb, const char *p)
{
    for (size_t k = 0; k < sizeof phrasals / sizeof *phrasals; k++) {
        if (strcmp(phrasals[k].particle, p) != 0)
            continue;
        if (mtl_in_list_inflected(phrasals[k].verbs, verb))
            return 1;
        for (size_t i = 0; i < sizeof irregular_past / sizeof *irregular_past; i++)
            if (strcmp(verb, irregular_past[i][0]) == 0 &&
                mtl_in_list(phrasals[k].verbs, irregular_past[i][1]))
                return 1;
    }
    return 0;
}

/* Nouns spelt like modals: "the will will be read", "the can can rust". */
static const char *const modal_nouns[] = {
    "will", "can", "must", "may", NULL};

static const char *const determiners[] = {
    "the", "a", "this", "that", "his", "her", "my", "their", "our", "your",
    "its", "every", "each", NULL};

/* Function words: doubling these is an error even when both are
 * capitalised ("The The"), unlike names such as "Walla Walla". */
static const char *const function_words[] = {
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with",
    "and", "or", "but", "is", "are", "was", "were", "be", "it", "this",
    "as", "from", "we", "i", "you", "he", "she", "they", NULL};

/* Words that make "is is" grammatical when they come shortly before it:
 * "what it is is", "the thing is is" (colloquial but intended). */
static const char *const is_is_triggers[] = {
    "what", "who", "where", "why", "how", "which", "thing", "problem",
    "point", "issue", "question", "fact", "truth", "reason", "trouble",
    "idea", "all", "answer", NULL};

static int is_is_ok(const mtl_doc *doc, size_t first)
{
    size_t words = 0;
    for (size_t i = first; i-- > 0 && words < 8;) {
        const mtl_token *t = &doc->tokens[i];
        char m = mtl_tok_mark(doc, i);
        if (m && strchr(".!?;", m))
            break;
        if (t->kind != MTL_TOK_WORD)
            continue;
        words++;
        if (mtl_in_list(is_is_triggers, mtl_tok_norm(doc, t)))
            return 1;
    }
    return 0;
}

/* Is the pair at word tokens i and j grammatical: a particle and then a
 * preposition after a phrasal verb ("checked in in minutes"), "her" the object and
 * then "her" the determiner ("gave her her keys"), a noun and a modal
 * spelt alike ("the will will be read")? */
static int grammatical_double(const mtl_doc *doc, size_t i, const char *w)
{
    size_t p = mtl_doc_skip_space_back(doc, i ? i - 1 : 0);
    if (!i || p == SIZE_MAX || doc->tokens[p].kind != MTL_TOK_WORD)
        return 0;
    const char *before = mtl_tok_norm(doc, &doc->tokens[p]);
    if (phrasal_verb(before, w))
        return 1;
    /* the verb's object between it and its particle: "took the letters in
     * in the morning" (three words at most, no mark between) */
    for (size_t q = p, k = 0; k < 3; k++) {
        int tag = mtl_tag_of(doc, q);
        if (tag != MTL_TAG_DET && tag != MTL_TAG_NOUN && tag != MTL_TAG_PROPN &&
            tag != MTL_TAG_PRON && tag != MTL_TAG_ADJ && tag != MTL_TAG_NUM)
            break;
        size_t v = q ? mtl_doc_skip_space_back(doc, q - 1) : SIZE_MAX;
        if (v == SIZE_MAX || doc->tokens[v].kind != MTL_TOK_WORD)
            break;
        if (mtl_tag_is_verb(mtl_tag_of(doc, v)) &&
            phrasal_verb(mtl_tok_norm(doc, &doc->tokens[v]), w))
            return 1;
        q = v;
    }
    if (strcmp(w, "her") == 0 && mtl_tag_is_verb(mtl_tag_of(doc, p)))
        return 1;
    return mtl_in_list(modal_nouns, w) &&
           mtl_in_list(determiners, mtl_tok_norm(doc, &doc->tokens[p]));
}

/* A word in capitals beside the same word not in capitals is a name or an
 * acronym beside the word: "the last LAST festival". */
static int caps_differ(const mtl_token *a, const mtl_token *b)
{
    return ((a->flags ^ b->flags) & MTL_TF_ALLCAPS) != 0;
}

/* A word glued by a hyphen on either side is part of a compound
 * ("bye-bye", "so-and-so"), not a free word. */
static int in_compound(const mtl_doc *doc, size_t i, size_t j)
{
    const mtl_token *a = &doc->tokens[i], *b = &doc->tokens[j];
    return (i > 0 && doc->tokens[i - 1].end == a->start &&
            doc->text[a->start - 1] == '-') ||
           (b->end < doc->len && doc->text[b->end] == '-');
}

static void report(const mtl_doc *doc, mtl_emit *out, size_t i, size_t j)
{
    const mtl_token *a = &doc->tokens[i], *b = &doc->tokens[j];
    char q[64];
    const char *fix = mtl_excerpt(doc, a->start, a->end, q, sizeof q);
    mtl_report_fix(out, a->start, b->end, &fix, 1, "repeated word '%s'", q);
}

static int cmp_norm(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

typedef struct pair {
    size_t i, j;
} pair;

/*
 * Capitalised pairs are names ("Walla Walla") unless the document also
 * uses the word alone ("Gaza ... Gaza Gaza"). They are settled together in
 * one pass over the document, so that many pairs cost linear time.
 * Returns 0, or -1 when out of memory.
 */
static int settle_names(const mtl_doc *doc, mtl_emit *out, const pair *pairs,
                         size_t n)
{
    const char **words = malloc(n * sizeof *words);
    unsigned char *alone = calloc(n, 1);
    int rc = -1;
    if (!words || !alone)
        goto done;
    for (size_t k = 0; k < n; k++)
        words[k] = mtl_tok_norm(doc, &doc->tokens[pairs[k].i]);
    qsort(words, n, sizeof *words, cmp_norm);
    /* One entry per word, so that a word in many pairs is looked up, and
     * marked, in one place. */
    size_t u = 0;
    for (size_t k = 0; k < n; k++)
        if (!u || strcmp(words[u - 1], words[k]) != 0)
            words[u++] = words[k];
    size_t prev = SIZE_MAX; /* the previous word token */
    for (size_t k = 0; k < doc->n_tokens; k++) {
        const mtl_token *t = &doc->tokens[k];
        if (t->kind != MTL_TOK_WORD)
            continue;
        const char *w = mtl_tok_norm(doc, t);
        const char **hit = bsearch(&w, words, u, sizeof *words, cmp_norm);
        if (hit) {
            size_t next = mtl_doc_skip_space(doc, k + 1);
            int prev_same = prev != SIZE_MAX &&
                            strcmp(mtl_tok_norm(doc, &doc->tokens[prev]), w) == 0;
            int next_same = next < doc->n_tokens &&
                            doc->tokens[next].kind == MTL_TOK_WORD &&
                            strcmp(mtl_tok_norm(doc, &doc->tokens[next]), w) == 0;
            if (!prev_same && !next_same)
                alone[hit - words] = 1;
        }
        prev = k;
    }
    for (size_t k = 0; k < n; k++) {
        const char *w = mtl_tok_norm(doc, &doc->tokens[pairs[k].i]);
        const char **hit = bsearch(&w, words, u, sizeof *words, cmp_norm);
        if (hit && alone[hit - words])
            report(doc, out, pairs[k].i, pairs[k].j);
    }
    rc = 0;
done:
    free(words);
    free(alone);
    return rc;
}

/* Is the document a transcript of speech: hesitation sounds ("um", "uh")
 * at least twice? There a doubled function word is the speaker's ("I I
 * think", "and and then"), transcribed as said. */
static int transcript(const mtl_doc *doc)
{
    static const char *const fillers[] = {"um", "uh", "uhm", "umm", "erm",
                                          "er", "mhm", NULL};
    int seen = 0;
    for (size_t i = 0; i < doc->n_tokens && seen < 2; i++)
        seen += doc->tokens[i].kind == MTL_TOK_WORD &&
                mtl_in_list(fillers, mtl_tok_norm(doc, &doc->tokens[i]));
    return seen >= 2;
}

/* Is token t the whole of a Markdown emphasis? */
static int emphasised_alone(const mtl_doc *doc, const mtl_token *t)
{
    for (size_t k = 0; k < doc->n_emph; k++)
        if (doc->emph[k].start == t->start && doc->emph[k].end == t->end)
            return 1;
    return 0;
}

static int check(const mtl_doc *doc, const void *state, mtl_emit *out)
{
    (void)state;
    pair *names = NULL;
    size_t n_names = 0, cap = 0;
    int rc = 0, speech = -1; /* transcript(), asked at the first need */
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const mtl_token *a = &doc->tokens[i];
        if (a->kind != MTL_TOK_WORD)
            continue;
        /* the next token must be white space (at most one line break) and
         * then the same word */
        size_t j = i + 1;
        int breaks = 0;
        while (j < doc->n_tokens && mtl_tok_is_space(&doc->tokens[j]))
            breaks += doc->tokens[j++].kind == MTL_TOK_NEWLINE;
        if (j == i + 1 || j >= doc->n_tokens || breaks > 1)
            continue;
        const mtl_token *b = &doc->tokens[j];
        if (b->kind != MTL_TOK_WORD || a->norm_len != b->norm_len)
            continue;
        const char *w = mtl_tok_norm(doc, a);
        if (strcmp(w, mtl_tok_norm(doc, b)) != 0 || mtl_in_list(doubled_ok, w) ||
            (strcmp(w, "is") == 0 && is_is_ok(doc, i)) || in_compound(doc, i, j) ||
            caps_differ(a, b) || grammatical_double(doc, i, w))
            continue;
        /* one copy emphasised alone, the other not: a word stressed or
         * mentioned ("focus on those _those_ who", "utilize (use _use_)");
         * not a phrase's last word ("**bold the** the") */
        if (((a->flags ^ b->flags) & MTL_TF_EMPH) &&
            (emphasised_alone(doc, a) || emphasised_alone(doc, b)))
            continue;
        /* a doubled word quoted as a term of its own: "done done",
         * "bye bye" between quotation marks (not a name: "the
         * \"Liechtenstein Liechtenstein\" band" in MLQE-PE is MT's) */
        size_t q = j + 1; /* the closing mark, a comma or stop between */
        if (q + 1 < doc->n_tokens && doc->tokens[q].kind == MTL_TOK_PUNCT &&
            doc->tokens[q].start == b->end && mtl_tok_char(doc, q) &&
            strchr(".,!?", mtl_tok_char(doc, q)))
            q++;
        if (i > 0 && j == i + 2 && q < doc->n_tokens && !(a->flags & MTL_TF_CAP) &&
            doc->tokens[i - 1].kind == MTL_TOK_QUOTE &&
            doc->tokens[i - 1].end == a->start &&
            doc->tokens[q].kind == MTL_TOK_QUOTE &&
            doc->tokens[q].start == doc->tokens[q - 1].end)
            continue;
        if (mtl_in_list(function_words, w)) {
            if (speech < 0)
                speech = transcript(doc);
            if (speech)
                continue;
        }
        /* Three or more: a loop of machine translation ("sum sum sum sum",
         * "population population population"), one finding for the run;
         * but three opening a sentence are emphasis ("Compare compare
         * compare - that's the key"). */
        size_t k = mtl_doc_skip_space(doc, j + 1), last = j, copies = 2;
        while (k < doc->n_tokens && doc->tokens[k].kind == MTL_TOK_WORD &&
               doc->tokens[k].sentence == a->sentence &&
               strcmp(mtl_tok_norm(doc, &doc->tokens[k]), w) == 0) {
            last = k;
            copies++;
            k = mtl_doc_skip_space(doc, k + 1);
        }
        if (copies > 2) {
            if (copies > 3 || !(a->flags & MTL_TF_SENT_START))
                report(doc, out, i, last);
            i = last;
            continue;
        }
        if ((a->flags & MTL_TF_CAP) && (b->flags & MTL_TF_CAP) &&
            !mtl_in_list(function_words, w)) {
            /* after a title or a given name: "Emperor Duc Duc" */
            size_t t = i ? mtl_doc_skip_space_back(doc, i - 1) : SIZE_MAX;
            if (t != SIZE_MAX && doc->tokens[t].kind == MTL_TOK_WORD &&
                (doc->tokens[t].flags & MTL_TF_CAP) &&
                !(doc->tokens[t].flags & MTL_TF_SENT_START) &&
                doc->tokens[t].sentence == a->sentence) {
                i = j;
                continue;
            }
            pair p = {i, j};
            if (MTL_PUSH(names, n_names, cap, p) != 0) {
                rc = -1;
                break;
            }
        } else {
            report(doc, out, i, j);
        }
        i = j; /* "the the the" is one finding per pair, not overlapping */
    }
    if (rc == 0 && n_names)
        rc = settle_names(doc, out, names, n_names);
    free(names);
    return rc;
}

const mtl_rule mtl_rule_repeated_word = {
    .info = {
        .id = "repeated-word",
        .summary = "the same word twice in a row",
        .default_severity = MTL_WARNING,
        .finds = "The same word twice in a row, or a word repeated many times over (a "
                 "translation loop). Grammatical doubles such as 'had had', 'that that', "
                 "'is is' in 'what it is is', and reduplicated names are left alone.",
        .why = "Neural MT sometimes emits a token twice at a segment boundary, or loops "
               "on one word; a reader sees it at once and loses trust in the text.",
        .flagged = "The the minister arrived on Monday.",
        .not_flagged = "She had had enough of the talks.",
        .reference =
            "The same word twice in a row, which translation leaves when\n"
            "two source words map to one English word.\n"
            "\n"
            "    talks with the the foreign ministers   ->  repeated word 'the'\n"
            "\n"
            "Not reported: grammatical doubles (\"had had\", \"that that\", \"what it is is\"),\n"
            "place names (\"Walla Walla\"), reduplications (\"ha ha\", \"bye bye\").\n",
    },
    .needs = MTL_NEED_TAGS,
    .check = check,
};
