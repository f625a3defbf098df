/*
 * What the server reads and writes in the user's project, so that no
 * editor has to: the words file that .mtlint.ini names (a word added to it
 * is accepted from then on, on the command line too), and the baseline
 * (a finding recorded there is no longer reported).
 */
#ifndef MTL_LSP_PROJECT_H
#define MTL_LSP_PROJECT_H

#include "mtlint.h"

/* The words file a new `words =` setting names, beside its .mtlint.ini. */
#define LSP_WORDS_FILE ".mtlint-words.txt"

/*
 * Adds word to the project's words file for the document at doc_path
 * (NULL for a document that is not a file): the first `words` file that the
 * nearest .mtlint.ini naming one gives; else client_words (the editor's
 * "words" setting) when set; else LSP_WORDS_FILE beside the nearest
 * .mtlint.ini, which gets a `words =` setting for it, or beside a new
 * .mtlint.ini in `folder` (the workspace folder, or the document's own).
 * A word already there is not added again. Returns 0 with the words file in
 * *file (malloc'd), or -1 with a malloc'd *error.
 */
int lsp_add_word(const char *doc_path, const char *folder,
                 const char *client_words, const char *word, char **file,
                 char **error);

/* Baselines read once and read again when their file changes. */
typedef struct lsp_baselines lsp_baselines;

lsp_baselines *lsp_baselines_new(void);
void lsp_baselines_free(lsp_baselines *b);
/* Sets hidden[i] for each finding f[i] (of text) that the baseline file
 * at path (if there is one) records for the file called name (its path
 * relative to the baseline's folder, as the command line run from there
 * names it). */
void lsp_baseline_hide(lsp_baselines *b, const char *path, const char *name,
                       const char *text, size_t len, const mtl_finding *f,
                       size_t n, unsigned char *hidden);
/* Records finding f (of text) in the baseline file at path (creating it).
 * Returns 0, or -1 with a malloc'd *error. */
int lsp_baseline_add(const char *path, const char *name, const char *text,
                     size_t len, const mtl_finding *f, char **error);

#endif
