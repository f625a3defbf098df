/* mtlint-dump: prints the segmentation of a file (blocks, sentences and
 * tokens with byte spans, kinds and normal forms), for rule writers. A
 * Markdown file (.md, .markdown, .mdown, .mkd) is read as the linter reads
 * it: spans are in the extracted prose, and each token also shows the
 * source bytes it maps to. With --tags, also each word's part-of-speech tag
 * (and its clitic's), as the rules that need tags see them. */
#include "mtlint.h"
#include "text/doc.h"

#include "lang/analysis.h"
#include "lang/tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = {"word", "number", "punct", "quote",
                                    "space", "newline", "url"};

int main(int argc, char **argv)
{
    int tags = argc == 3 && strcmp(argv[1], "--tags") == 0;
    if (argc != 2 + tags) {
        fputs("usage: mtlint-dump [--tags] FILE\n", stderr);
        return 2;
    }
    const char *path = argv[1 + tags];
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, r;
    do {
        if (len + 65536 > cap) {
            cap = (len + 65536) * 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                return 2;
            buf = nb;
        }
        r = fread(buf + len, 1, cap - len, f);
        len += r;
    } while (r > 0);
    fclose(f);
    mtl_doc d;
    if (mtl_doc_build_as(&d, buf ? buf : "", len, path,
                         mtl_markdown_name(path)) != 0) {
        fputs("mtlint-dump: cannot segment\n", stderr);
        return 2;
    }
    mtl_analyses an = {0};
    void *tagger = NULL;
    if (tags) {
        mtl_options *o = mtl_options_new();
        char *notice = NULL, *err = NULL;
        int rc = o ? mtl_analysis_tags.load(o, &tagger, &notice, &err) : -1;
        mtl_options_free(o);
        if (rc != 0 || !tagger) {
            fprintf(stderr, "mtlint-dump: %s\n",
                    err ? err : notice ? notice : "out of memory");
            return 2;
        }
        d.an = &an;
        if (mtl_analysis_tags.run(&d, tagger) != 0) {
            fputs("mtlint-dump: out of memory\n", stderr);
            return 2;
        }
    }
    for (size_t b = 0; b < d.n_blocks; b++) {
        const mtl_block *bl = &d.blocks[b];
        printf("block %zu [%u,%u)\n", b, bl->start, bl->end);
        for (size_t s = bl->sent_begin; s < bl->sent_end; s++) {
            const mtl_sentence *se = &d.sentences[s];
            printf("  sentence %zu [%u,%u) %.*s\n", s, se->start, se->end,
                   (int)(se->end - se->start), d.text + se->start);
            for (size_t t = se->tok_begin; t < se->tok_end; t++) {
                const mtl_token *tk = &d.tokens[t];
                if (tk->kind == MTL_TOK_SPACE)
                    continue;
                printf("    %-7s [%u,%u) flags=%x '%.*s' -> '%s'",
                       kinds[tk->kind], tk->start, tk->end, tk->flags,
                       (int)(tk->end - tk->start), d.text + tk->start,
                       mtl_tok_norm(&d, tk));
                if (tags && mtl_tag_of(&d, t) != MTL_TAG_NONE)
                    printf(" %s", mtl_tag_name(mtl_tag_of(&d, t)));
                if (tags && mtl_clitic_of(&d, t) != MTL_TAG_NONE)
                    printf("+%s", mtl_tag_name(mtl_clitic_of(&d, t)));
                /* what the lexicon knows: its commonest tag, the next */
                uint16_t amb = tags ? an.tags->amb[t] : MTL_AMB_UNKNOWN;
                if (amb != MTL_AMB_UNKNOWN && mtl_tag_of(&d, t) != MTL_TAG_NONE)
                    printf(" (%s%s%s%s)", mtl_tag_name(amb & 0x7f),
                           amb & MTL_AMB_SURE ? " only" : "",
                           (amb >> 8) < MTL_N_TAGS ? " " : "",
                           (amb >> 8) < MTL_N_TAGS ? mtl_tag_name(amb >> 8)
                                                   : "");
                if (d.map) {
                    size_t a = d.map[tk->start];
                    size_t e = d.map_end[tk->end - 1];
                    printf(" src [%zu,%zu) '%.*s'", a, e, (int)(e - a), buf + a);
                }
                putchar('\n');
            }
        }
    }
    if (tags) {
        mtl_analysis_tags.release(&d);
        mtl_analysis_tags.unload(tagger);
    }
    d.an = NULL;
    mtl_doc_free(&d);
    free(buf);
    return 0;
}
