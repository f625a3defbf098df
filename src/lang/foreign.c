/*
 * The foreign analysis (foreign.h): sentences in another language in Latin
 * script, by the foreign Hunspell dictionaries.
 */
#include "lang/foreign.h"

#include "base/buf.h"
#include "base/strlist.h"
#include "lang/spell.h"
#include "lang/speller.h"
#include "lang/words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MIN_FOREIGN 3
#define N_LANG MTL_FOREIGN_LANGUAGES

static const struct {
    const char *code, *name;
} languages[N_LANG] = {
    {"es_ES", "Spanish"}, {"fr_FR", "French"}, {"de_DE", "German"},
    {"pt_PT", "Portuguese"}, {"it_IT", "Italian"}, {"nl_NL", "Dutch"},
};

const char *mtl_foreign_language(size_t l)
{
    return l < N_LANG ? languages[l].name : NULL;
}

/* The shared resource: the dictionaries, opened but not loaded. */
typedef struct foreign {
    mtl_speller *sp[N_LANG]; /* NULL where not installed */
    int any;
} foreign;

static void unload(void *shared)
{
    foreign *f = shared;
    if (!f)
        return;
    for (size_t l = 0; l < N_LANG; l++)
        mtl_speller_close(f->sp[l]);
    free(f);
}

/* None installed is no error and no notice: the rules that read the
 * analysis find no spans, as in English text. */
static int load(const mtl_options *opts, void **shared, char **notice,
                char **error)
{
    (void)notice;
    foreign *f = calloc(1, sizeof *f);
    if (!f) {
        *error = strdup("out of memory");
        return -1;
    }
    for (size_t l = 0; l < N_LANG; l++) {
        if (mtl_speller_open(opts, languages[l].code, &f->sp[l], error) != 0) {
            unload(f);
            return -1;
        }
        f->any |= f->sp[l] != NULL;
    }
    *shared = f;
    return 0;
}

/* The cache: two bits per language, and two for English as written. */
enum {
    KNOWN = 1,
    CHECKED = 2,
    STRICT_CHECKED = 1 << 14,
    STRICT_KNOWN = 1 << 15
};

/* Does language l know the word of token i? Asked once per word. */
static int knows(const foreign *f, const mtl_doc *doc, size_t i, size_t l,
                 uint16_t *cache)
{
    uint32_t k = doc->an->words->of_token[i];
    unsigned bits = (cache[k] >> (2 * l)) & 3;
    if (!(bits & CHECKED)) {
        const mtl_token *t = &doc->tokens[i];
        bits = CHECKED |
               (mtl_speller_check(f->sp[l], doc->text + t->start,
                                  t->end - t->start) ? KNOWN : 0);
        cache[k] = (uint16_t)(cache[k] | bits << (2 * l));
    }
    return bits & KNOWN;
}

/* A word worth classifying: Latin letters only, two or more, no digits. */
static int plain(const mtl_doc *doc, size_t i)
{
    const mtl_token *t = &doc->tokens[i];
    if (t->kind != MTL_TOK_WORD)
        return 0;
    uint32_t k = doc->an->words->of_token[i];
    return !(doc->an->spell->verdict[k] & MTL_SPELL_SKIP);
}

/* Known to the English dictionary. A word with accents must be known as
 * written: the verdict also takes "président" for "president". */
static int english(const mtl_doc *doc, size_t i, uint16_t *cache)
{
    uint32_t k = doc->an->words->of_token[i];
    const mtl_token *t = &doc->tokens[i];
    if (!doc->an->spell->verdict[k])
        return 0;
    if (t->flags & MTL_TF_ASCII)
        return 1;
    if (!(cache[k] & STRICT_CHECKED)) {
        int ok = mtl_speller_check(doc->an->spell->speller,
                                   doc->text + t->start, t->end - t->start);
        cache[k] = (uint16_t)(cache[k] | STRICT_CHECKED |
                              (ok ? STRICT_KNOWN : 0));
    }
    return (cache[k] & STRICT_KNOWN) != 0;
}

static int name_like(const mtl_token *t)
{
    return (t->flags & MTL_TF_CAP) && !(t->flags & MTL_TF_SENT_START);
}

/* The commonest function words of the six languages, less those common in
 * English prose too ("die", "no", "per", "et al."). */
static const char *const function_words[] = {
    /* Spanish */
    "el", "la", "los", "las", "del", "que", "y", "en", "con", "por", "para",
    "una", "es", "está", "están", "pero", "muy", "más", "sus", "como",
    "cuando", "también", "sobre", "este", "esta", "hoy",
    /* French */
    "le", "les", "des", "du", "une", "est", "qui", "dans", "pas", "sur",
    "avec", "il", "elle", "ils", "nous", "vous", "ce", "cette", "aux",
    "sont", "très", "mais", "ou",
    /* German */
    "der", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem",
    "zu", "auf", "für", "sich", "auch", "sind", "wird", "bei", "nach",
    "noch", "gestern", "heute",
    /* Portuguese */
    "os", "das", "dos", "em", "uma", "com", "não", "na", "é", "são",
    "mais", "mas", "hoje",
    /* Italian */
    "gli", "della", "di", "che", "è", "sono", "anche", "nel", "nella",
    "alla", "oggi",
    /* Dutch */
    "het", "een", "niet", "op", "voor", "dat", "zijn", "ook", "aan",
    "vandaag", NULL};

/* Could the sentence be in one of the languages? It has a function word
 * of one of them, or a word the English dictionary lacks with a Latin
 * letter outside ASCII (é, ñ, ü, ß). Asked before any foreign dictionary
 * is loaded: a sentence of English jargon is many unknown words, and
 * loading four dictionaries to reject it costs more than linting a long
 * article. */
static int may_be_foreign(const mtl_doc *doc, const mtl_sentence *s,
                          uint16_t *cache)
{
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i))
            continue;
        const mtl_token *t = &doc->tokens[i];
        if (mtl_in_list(function_words, mtl_tok_norm(doc, t)) ||
            (!(t->flags & MTL_TF_ASCII) && !english(doc, i, cache)))
            return 1;
    }
    return 0;
}

/* The foreign span of sentence s, if it has one: 1 with *out filled, else
 * 0. *words gets the sentence's plain words. */
static int check_sentence(const foreign *f, const mtl_doc *doc,
                          const mtl_sentence *s, uint16_t *cache,
                          mtl_foreign_span *out, size_t *words_out)
{
    /* most sentences have few words the English dictionary lacks: those
     * need no foreign look-up at all */
    size_t words = 0, unknown = 0;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i))
            continue;
        words++;
        unknown += !english(doc, i, cache) && !name_like(&doc->tokens[i]);
    }
    *words_out = words;
    if (unknown < MIN_FOREIGN || unknown * 10 < words * 3 ||
        !may_be_foreign(doc, s, cache))
        return 0;
    size_t lower[N_LANG] = {0}, caps[N_LANG] = {0};
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i) || english(doc, i, cache))
            continue;
        for (size_t l = 0; l < N_LANG; l++)
            if (f->sp[l] && knows(f, doc, i, l, cache))
                (name_like(&doc->tokens[i]) ? caps : lower)[l]++;
    }
    size_t best = N_LANG, best_n = 0;
    for (size_t l = 0; l < N_LANG; l++) {
        size_t n = lower[l] + (lower[l] >= 2 ? caps[l] : 0);
        if (n > best_n) {
            best = l;
            best_n = n;
        }
    }
    if (best == N_LANG || best_n < MIN_FOREIGN)
        return 0;
    /* English words that the language does not share weigh against it */
    size_t against = 0, first = SIZE_MAX, last = 0;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!plain(doc, i))
            continue;
        const mtl_token *t = &doc->tokens[i];
        int theirs = knows(f, doc, i, best, cache);
        if (english(doc, i, cache)) {
            against += !theirs;
            continue;
        }
        if (!theirs || (name_like(t) && lower[best] < 2))
            continue;
        if (first == SIZE_MAX)
            first = i;
        last = i;
    }
    if (first == SIZE_MAX || best_n * 10 < (best_n + against) * 6)
        return 0;
    /* widen over shared words next to the span: "El presidente" */
    for (size_t i = first; i-- > s->tok_begin;) {
        if (mtl_tok_is_space(&doc->tokens[i]))
            continue;
        if (!plain(doc, i) || !knows(f, doc, i, best, cache))
            break;
        first = i;
    }
    for (size_t i = last + 1; i < s->tok_end; i++) {
        if (mtl_tok_is_space(&doc->tokens[i]))
            continue;
        if (!plain(doc, i) || !knows(f, doc, i, best, cache))
            break;
        last = i;
    }
    *out = (mtl_foreign_span){.first = first, .last = last,
                              .start = doc->tokens[first].start,
                              .end = doc->tokens[last].end,
                              .sentence = (size_t)(s - doc->sentences),
                              .lang = (unsigned)best};
    return 1;
}

/* The document's second language: the one with at least
 * MTL_FOREIGN_DOC_SPANS spans, covering at least a quarter of the
 * sentences of three plain words or more (fewer cannot hold a span). An
 * English text that quotes a sentence or two of Spanish has no second
 * language, and its typos stay typos; in a post written in Spanish a
 * heading of one word ("Bienvenidos") or a short exclamation ("¡Hola!") is
 * Spanish, not a misspelling. */
static int second_language(const mtl_foreign *fr, size_t prose)
{
    size_t per[N_LANG] = {0};
    for (size_t s = 0; s < fr->n_spans; s++)
        per[fr->spans[s].lang]++;
    int best = -1;
    for (size_t l = 0; l < N_LANG; l++)
        if (per[l] >= MTL_FOREIGN_DOC_SPANS && per[l] * 4 >= prose &&
            (best < 0 || per[l] > per[best]))
            best = (int)l;
    return best;
}

/* Marks the words of the word table that the second language knows and
 * English lacks. */
static int mark_theirs(const foreign *f, const mtl_doc *doc, mtl_foreign *fr,
                       uint16_t *cache)
{
    const mtl_words *w = doc->an->words;
    fr->theirs = calloc(w->n_words + 1, 1);
    if (!fr->theirs)
        return -1;
    for (size_t k = 0; k < w->n_words; k++) {
        const mtl_word *e = &w->words[k];
        if (!e->count)
            continue;
        size_t i = mtl_word_occurrences(w, e)[0];
        fr->theirs[k] = plain(doc, i) && !english(doc, i, cache) &&
                        knows(f, doc, i, (size_t)fr->lang, cache);
    }
    return 0;
}

static int run(mtl_doc *doc, const void *shared)
{
    const mtl_words *w = doc->an->words;
    if (!w || !doc->an->spell)
        return 0; /* needs MTL_NEED_WORDS and MTL_NEED_SPELL as well */
    mtl_foreign *fr = calloc(1, sizeof *fr);
    if (!fr)
        return -1;
    doc->an->foreign = fr;
    fr->lang = -1;
    const foreign *f = shared;
    if (!f || !f->any)
        return 0;
    uint16_t *cache = calloc(w->n_words + 1, sizeof *cache);
    if (!cache)
        return -1;
    size_t cap = 0, prose = 0;
    int rc = 0;
    for (size_t s = 0; rc == 0 && s < doc->n_sentences; s++) {
        mtl_foreign_span span;
        size_t words;
        if (check_sentence(f, doc, &doc->sentences[s], cache, &span, &words))
            rc = MTL_PUSH(fr->spans, fr->n_spans, cap, span);
        prose += words >= MIN_FOREIGN;
    }
    fr->prose = prose;
    if (rc == 0 && (fr->lang = second_language(fr, prose)) >= 0) {
        for (size_t k = 0; k < fr->n_spans; k++)
            fr->lang_spans += fr->spans[k].lang == (unsigned)fr->lang;
        rc = mark_theirs(f, doc, fr, cache);
    }
    free(cache);
    return rc;
}

static void release(mtl_doc *doc)
{
    mtl_foreign *fr = doc->an->foreign;
    if (!fr)
        return;
    free(fr->spans);
    free(fr->theirs);
    free(fr);
    doc->an->foreign = NULL;
}

/* The index of the first span that ends at or after token i. */
static size_t first_from(const mtl_foreign *fr, size_t i)
{
    size_t lo = 0, hi = fr->n_spans;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fr->spans[mid].last < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const mtl_foreign_span *mtl_foreign_span_at(const mtl_doc *doc, size_t i)
{
    const mtl_foreign *fr = doc->an ? doc->an->foreign : NULL;
    if (!fr)
        return NULL;
    size_t k = first_from(fr, i);
    return k < fr->n_spans && fr->spans[k].first <= i ? &fr->spans[k] : NULL;
}

int mtl_foreign_overlaps(const mtl_doc *doc, size_t begin, size_t end)
{
    const mtl_foreign *fr = doc->an ? doc->an->foreign : NULL;
    if (!fr || begin >= end)
        return 0;
    size_t k = first_from(fr, begin);
    return k < fr->n_spans && fr->spans[k].first < end;
}

int mtl_foreign_word(const mtl_doc *doc, size_t i)
{
    const mtl_foreign *fr = doc->an ? doc->an->foreign : NULL;
    if (!fr || i >= doc->n_tokens)
        return 0;
    if (mtl_foreign_span_at(doc, i))
        return 1;
    if (fr->lang < 0 || !fr->theirs)
        return 0;
    uint32_t k = doc->an->words->of_token[i];
    return k != MTL_NO_WORD && fr->theirs[k];
}

const mtl_analysis mtl_analysis_foreign = {
    .name = "foreign",
    .flag = MTL_NEED_FOREIGN,
    .reads = MTL_NEED_WORDS | MTL_NEED_SPELL,
    .load = load,
    .unload = unload,
    .run = run,
    .release = release,
};
