/* mtlint-dump: prints the segmentation of a file (blocks, sentences and
 * tokens with byte spans, kinds and normal forms), for rule writers. A
 * Markdown file (.md, .markdown, .mdown, .mkd) is read as the linter reads
 * it: spans are in the extracted prose, and each token also shows the
 * source bytes it maps to. */
#include "mtlint.h"
#include "text/doc.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const kinds[] = {"word", "number", "punct", "quote",
                                    "space", "newline", "url"};

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: mtlint-dump FILE\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
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
    if (mtl_doc_build_as(&d, buf ? buf : "", len, argv[1],
                         mtl_markdown_name(argv[1])) != 0) {
        fputs("mtlint-dump: cannot segment\n", stderr);
        return 2;
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
                if (d.map) {
                    size_t a = d.map[tk->start];
                    size_t e = d.map_end[tk->end - 1];
                    printf(" src [%zu,%zu) '%.*s'", a, e, (int)(e - a), buf + a);
                }
                putchar('\n');
            }
        }
    }
    mtl_doc_free(&d);
    free(buf);
    return 0;
}
