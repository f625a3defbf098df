/*
 * mtqe-dump: the analyses mtlint computes for a text, printed per sentence
 * as JSON lines, for research on new checks (tools/mtqe/ reads them).
 *
 *     mtqe-dump [--lines] [--cands] [--pairs FILE] [--min-gain G] FILE
 *
 * Each line is one sentence:
 *
 *     {"s": 3, "line": 4, "b": [start, end], "lp": -41.2, "end_lp": -0.9,
 *      "t": [[start, end, kind, norm, tag, clitic, amb, spell], ...],
 *      "u": [[tok, tok_end, known, lp, uni, matched, flags, swap], ...],
 *      "c": [[tok, word, gain], ...]}
 *
 * Offsets are bytes of the file; "line" is the 0-based line the sentence
 * starts on. Tokens are every non-space token of the sentence, indexed by
 * their position in "t"; kind is the doc.h kind name; tag and clitic are tag
 * names (tagger.h) or ""; amb is the lexicon's class ("NOUN!" when it is the
 * word's only tag, "NOUN|VERB/VB" when it has a second common one, "?" when
 * the lexicon lacks the word); spell is 1 when the dictionary accepts the
 * token as cased. "u" are the language model's words (lmscore.h): the tokens
 * they cover, whether the model knows them, log10 P in context and alone,
 * the length of the n-gram found, MTL_LMU_* flags, and how much more
 * probable the sentence is with the word and the next one swapped.
 *
 * --lines   each line of FILE is a document of its own (for corpora written
 *           one sentence a line, whose lines lack final punctuation).
 * --cands   for each lower-case word, the dictionary words one edit away
 *           (delete, insert, substitute, swap) that the model knows, plus
 *           the words --pairs lists for it ("word<TAB>cand cand ..."), with
 *           the log10 gain of the sentence when the word is replaced; those
 *           with gain above --min-gain (default 0), best first, at most 5.
 */
#include "lang/analysis.h"
#include "base/buf.h"
#include "base/hash.h"
#include "text/doc.h"
#include "lang/lmscore.h"
#include "lang/ngram.h"
#include "lang/spell.h"
#include "lang/tags.h"
#include "mtlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOOL_NAME "mtqe-dump"
#include "tool.h"

#define MAX_CANDS 5
#define MAX_WORD 40

static const char *const kinds[] = {"word", "number", "punct", "quote",
                                    "space", "newline", "url"};

/* --- extra candidates per word, from --pairs --- */

typedef struct pair_entry {
    char *word;  /* NUL-terminated */
    char *cands; /* NUL-separated, ending with an empty string */
} pair_entry;

typedef struct pair_table {
    pair_entry *slots; /* open addressing, word == NULL when empty */
    size_t n_slots;    /* a power of two */
} pair_table;

static const pair_entry *pairs_find(const pair_table *t, const char *w,
                                    size_t n)
{
    if (!t->n_slots)
        return NULL;
    for (size_t i = mtl_fnv64(MTL_FNV64_INIT, w, n) & (t->n_slots - 1);;
         i = (i + 1) & (t->n_slots - 1)) {
        const pair_entry *e = &t->slots[i];
        if (!e->word)
            return NULL;
        if (strlen(e->word) == n && memcmp(e->word, w, n) == 0)
            return e;
    }
}

static void pairs_free(pair_table *t)
{
    for (size_t i = 0; i < t->n_slots; i++) {
        free(t->slots[i].word);
        free(t->slots[i].cands);
    }
    free(t->slots);
}

/* Reads "word<TAB>cand cand ..." lines; the table holds each word once
 * (a later line for the same word is ignored). Returns 0 or -1. */
static int pairs_load(pair_table *t, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t lines = 0;
    char buf[4096];
    while (fgets(buf, sizeof buf, f))
        lines++;
    t->n_slots = 16;
    while (t->n_slots < 2 * lines + 2)
        t->n_slots *= 2;
    t->slots = calloc(t->n_slots, sizeof *t->slots);
    if (!t->slots) {
        fclose(f);
        return -1;
    }
    rewind(f);
    while (fgets(buf, sizeof buf, f)) {
        char *tab = strchr(buf, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        size_t n = strlen(buf);
        if (!n || pairs_find(t, buf, n))
            continue;
        char *rest = tab + 1, *c = malloc(strlen(rest) + 2), *o = c;
        char *w = strdup(buf);
        if (!c || !w) {
            free(c);
            free(w);
            fclose(f);
            return -1;
        }
        for (char *tok = strtok(rest, " \t\r\n"); tok;
             tok = strtok(NULL, " \t\r\n")) {
            size_t k = strlen(tok) + 1;
            memcpy(o, tok, k);
            o += k;
        }
        *o = '\0';
        size_t i = mtl_fnv64(MTL_FNV64_INIT, buf, n) & (t->n_slots - 1);
        while (t->slots[i].word)
            i = (i + 1) & (t->n_slots - 1);
        t->slots[i] = (pair_entry){w, c};
    }
    fclose(f);
    return 0;
}

/* --- JSON output --- */

static void amb_str(FILE *o, uint16_t amb)
{
    if (amb == MTL_AMB_UNKNOWN) {
        fputs("\"?\"", o);
        return;
    }
    int lo = amb & 0x7f, hi = amb >> 8;
    fprintf(o, "\"%s%s", mtl_tag_name(lo) ? mtl_tag_name(lo) : "?",
            (amb & MTL_AMB_SURE) ? "!" : "");
    if (hi < MTL_N_TAGS)
        fprintf(o, "|%s", mtl_tag_name(hi));
    fputc('"', o);
}

/* --- candidates one edit away --- */

typedef struct cand {
    char word[MAX_WORD + 2];
    double gain;
} cand;

typedef struct cand_set {
    cand c[MAX_CANDS];
    size_t n;
    char seen[64][MAX_WORD + 2]; /* words already scored for this token */
    size_t n_seen;
} cand_set;

static int all_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return n > 0;
}

static void try_cand(const mtl_doc *doc, size_t s, size_t tok, double base,
                     const char *w, size_t n, double min_gain, cand_set *cs,
                     int need_dict)
{
    const mtl_lm_doc *lm = doc->an->lm;
    const mtl_ngram *ng = mtl_lm_model_ngram(lm->model);
    if (n == 0 || n > MAX_WORD || mtl_ngram_word(ng, w, n) == MTL_NGRAM_NONE)
        return;
    for (size_t i = 0; i < cs->n_seen; i++)
        if (strlen(cs->seen[i]) == n && memcmp(cs->seen[i], w, n) == 0)
            return;
    if (need_dict &&
        !mtl_speller_check(doc->an->spell->speller, w, n))
        return;
    char word[MAX_WORD + 2];
    memcpy(word, w, n);
    word[n] = '\0';
    if (cs->n_seen < 64)
        strcpy(cs->seen[cs->n_seen++], word);
    double lp;
    if (mtl_lm_score_replaced(doc, s, tok, word, &lp) != 0)
        return;
    double gain = lp - base;
    if (gain <= min_gain)
        return;
    /* keep the best MAX_CANDS, sorted by gain */
    size_t at = cs->n < MAX_CANDS ? cs->n : MAX_CANDS - 1;
    if (cs->n == MAX_CANDS && gain <= cs->c[at].gain)
        return;
    while (at > 0 && cs->c[at - 1].gain < gain) {
        cs->c[at] = cs->c[at - 1];
        at--;
    }
    strcpy(cs->c[at].word, word);
    cs->c[at].gain = gain;
    if (cs->n < MAX_CANDS)
        cs->n++;
}

static void edits(const mtl_doc *doc, size_t s, size_t tok, double base,
                  const char *w, size_t n, double min_gain, cand_set *cs)
{
    char b[MAX_WORD + 2];
    for (size_t i = 0; i < n; i++) { /* deletes */
        memcpy(b, w, i);
        memcpy(b + i, w + i + 1, n - i - 1);
        try_cand(doc, s, tok, base, b, n - 1, min_gain, cs, 1);
    }
    for (size_t i = 0; i + 1 < n; i++) { /* swaps */
        if (w[i] == w[i + 1])
            continue;
        memcpy(b, w, n);
        b[i] = w[i + 1];
        b[i + 1] = w[i];
        try_cand(doc, s, tok, base, b, n, min_gain, cs, 1);
    }
    for (size_t i = 0; i < n; i++) /* substitutions */
        for (char c = 'a'; c <= 'z'; c++) {
            if (c == w[i])
                continue;
            memcpy(b, w, n);
            b[i] = c;
            try_cand(doc, s, tok, base, b, n, min_gain, cs, 1);
        }
    if (n + 1 > MAX_WORD)
        return;
    for (size_t i = 0; i <= n; i++) /* inserts */
        for (char c = 'a'; c <= 'z'; c++) {
            memcpy(b, w, i);
            b[i] = c;
            memcpy(b + i + 1, w + i, n - i);
            try_cand(doc, s, tok, base, b, n + 1, min_gain, cs, 1);
        }
}

/* --- one document --- */

typedef struct config {
    int cands;
    double min_gain;
    pair_table pairs;
    void **shared; /* per analysis */
} config;

static void print_sentence(FILE *o, const mtl_doc *d, size_t s, size_t base_off,
                           size_t line, const config *cfg)
{
    const mtl_sentence *se = &d->sentences[s];
    const mtl_tags *tg = d->an->tags;
    const mtl_lm_doc *lm = d->an->lm;
    /* the position in "t" of each token of the sentence */
    size_t nt = se->tok_end - se->tok_begin;
    uint32_t *pos = malloc((nt ? nt : 1) * sizeof *pos);
    if (!pos)
        return;
    fprintf(o, "{\"s\":%zu,\"line\":%zu,\"b\":[%zu,%zu]", s, line,
            base_off + se->start, base_off + se->end);
    if (lm)
        fprintf(o, ",\"lp\":%.4f,\"end_lp\":%.4f", lm->sentences[s].logprob,
                lm->sentences[s].end_lp);
    fputs(",\"t\":[", o);
    uint32_t k = 0;
    for (size_t i = se->tok_begin; i < se->tok_end; i++) {
        const mtl_token *t = &d->tokens[i];
        pos[i - se->tok_begin] = k;
        if (mtl_tok_is_space(t))
            continue;
        fprintf(o, "%s[%zu,%zu,\"%s\",", k ? "," : "", base_off + t->start,
                base_off + t->end, kinds[t->kind]);
        json_str(o, mtl_tok_norm(d, t), t->norm_len);
        int tag = tg ? tg->tag[i] : MTL_TAG_NONE;
        int cl = tg ? tg->clitic[i] : MTL_TAG_NONE;
        fprintf(o, ",\"%s\",\"%s\",", tag < MTL_N_TAGS ? mtl_tag_name(tag) : "",
                cl < MTL_N_TAGS ? mtl_tag_name(cl) : "");
        amb_str(o, tg ? tg->amb[i] : MTL_AMB_UNKNOWN);
        fprintf(o, ",%d]", mtl_spell_accepts(d, i));
        k++;
    }
    fputs("]", o);
    if (lm) {
        const mtl_lm_sentence *ls = &lm->sentences[s];
        fputs(",\"u\":[", o);
        for (size_t j = ls->unit_begin; j < ls->unit_end; j++) {
            const mtl_lm_unit *u = &lm->units[j];
            fprintf(o, "%s[%u,%u,%d,%.4f,%.4f,%u,%u,%.4f]",
                    j > ls->unit_begin ? "," : "", pos[u->tok - se->tok_begin],
                    pos[u->tok_end - 1 - se->tok_begin] + 1,
                    u->id != MTL_NGRAM_NONE, u->lp, u->uni, u->matched,
                    u->flags, mtl_lm_swap_gain(lm, s, j - ls->unit_begin));
        }
        fputs("]", o);
    }
    if (cfg->cands && lm && d->an->spell) {
        fputs(",\"c\":[", o);
        int first = 1;
        for (size_t i = se->tok_begin; i < se->tok_end; i++) {
            const mtl_token *t = &d->tokens[i];
            const char *w = mtl_tok_norm(d, t);
            size_t n = t->norm_len;
            if (t->kind != MTL_TOK_WORD || n > MAX_WORD || !all_lower(w, n))
                continue;
            /* names inside the sentence are not candidates for slips */
            if ((t->flags & MTL_TF_CAP) && !(t->flags & MTL_TF_SENT_START))
                continue;
            cand_set *cs = calloc(1, sizeof *cs);
            if (!cs)
                break;
            double base = lm->sentences[s].logprob;
            if (n >= 2)
                edits(d, s, i, base, w, n, cfg->min_gain, cs);
            const pair_entry *pe = pairs_find(&cfg->pairs, w, n);
            for (const char *c = pe ? pe->cands : ""; *c; c += strlen(c) + 1)
                try_cand(d, s, i, base, c, strlen(c), cfg->min_gain, cs, 0);
            for (size_t j = 0; j < cs->n; j++) {
                fprintf(o, "%s[%u,\"%s\",%.4f]", first ? "" : ",",
                        pos[i - se->tok_begin], cs->c[j].word, cs->c[j].gain);
                first = 0;
            }
            free(cs);
        }
        fputs("]", o);
    }
    fputs("}\n", o);
    free(pos);
}

/* Segments and analyses text[0, len) (base_off bytes into the file, from
 * line first_line), then prints its sentences. Returns 0 or -1. */
static int dump_doc(const char *text, size_t len, size_t base_off,
                    size_t first_line, const char *name, const config *cfg)
{
    mtl_doc d;
    if (mtl_doc_build(&d, text, len, name) != 0)
        return -1;
    mtl_analyses an = {0};
    d.an = &an;
    int rc = 0;
    for (size_t a = 0; rc == 0 && a < mtl_n_analyses; a++)
        if (cfg->shared[a] || mtl_analyses_table[a]->flag == MTL_NEED_WORDS)
            rc = mtl_analyses_table[a]->run(&d, cfg->shared[a]);
    size_t line = first_line, at = 0;
    for (size_t s = 0; rc == 0 && s < d.n_sentences; s++) {
        for (; at < d.sentences[s].start; at++)
            line += text[at] == '\n';
        print_sentence(stdout, &d, s, base_off, line, cfg);
    }
    for (size_t a = 0; a < mtl_n_analyses; a++)
        if (mtl_analyses_table[a]->release)
            mtl_analyses_table[a]->release(&d);
    mtl_doc_free(&d);
    return rc;
}

int main(int argc, char **argv)
{
    config cfg = {0};
    int lines = 0;
    const char *path = NULL, *pairs = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lines"))
            lines = 1;
        else if (!strcmp(argv[i], "--cands"))
            cfg.cands = 1;
        else if (!strcmp(argv[i], "--pairs") && i + 1 < argc)
            pairs = argv[++i];
        else if (!strcmp(argv[i], "--min-gain") && i + 1 < argc)
            cfg.min_gain = atof(argv[++i]);
        else if (!path && argv[i][0] != '-')
            path = argv[i];
        else
            path = NULL, i = argc;
    }
    if (!path) {
        fputs("usage: mtqe-dump [--lines] [--cands] [--pairs FILE] "
              "[--min-gain G] FILE\n", stderr);
        return 2;
    }
    if (pairs && pairs_load(&cfg.pairs, pairs) != 0) {
        fprintf(stderr, "mtqe-dump: cannot read %s\n", pairs);
        return 2;
    }
    size_t len;
    char *buf = slurp(path, &len);
    mtl_options *opts = mtl_options_new();
    cfg.shared = calloc(mtl_n_analyses + 1, sizeof *cfg.shared);
    int rc = buf && opts && cfg.shared ? 0 : 1;
    for (size_t a = 0; rc == 0 && a < mtl_n_analyses; a++) {
        char *notice = NULL, *err = NULL;
        const mtl_analysis *an = mtl_analyses_table[a];
        if (an->load && an->load(opts, &cfg.shared[a], &notice, &err) != 0) {
            fprintf(stderr, "mtqe-dump: %s\n", err ? err : an->name);
            rc = 1;
        }
        if (notice)
            fprintf(stderr, "mtqe-dump: %s\n", notice);
        free(notice);
        free(err);
    }
    if (rc == 0 && lines) {
        size_t start = 0, line = 0;
        for (size_t i = 0; rc == 0 && i <= len; i++)
            if (i == len || buf[i] == '\n') {
                if (i > start)
                    rc = dump_doc(buf + start, i - start, start, line, path,
                                  &cfg);
                start = i + 1;
                line++;
            }
    } else if (rc == 0) {
        rc = dump_doc(buf, len, 0, 0, path, &cfg);
    }
    if (rc != 0)
        fprintf(stderr, "mtqe-dump: cannot analyse %s\n", path);
    for (size_t a = 0; cfg.shared && a < mtl_n_analyses; a++)
        if (cfg.shared[a] && mtl_analyses_table[a]->unload)
            mtl_analyses_table[a]->unload(cfg.shared[a]);
    free(cfg.shared);
    pairs_free(&cfg.pairs);
    mtl_options_free(opts);
    free(buf);
    return rc ? 1 : 0;
}
