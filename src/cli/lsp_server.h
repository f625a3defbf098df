/* mtlint --lsp: a language server on standard input and output. */
#ifndef MTL_LSP_SERVER_H
#define MTL_LSP_SERVER_H

#include "mtlint.h"

/* Serves one client until `exit` or the end of input. cli: the command
 * line's linter options (under the client's settings); config_file and
 * no_config as --config and --no-config. Returns the exit status: 0 after
 * shutdown and exit, 1 otherwise, 2 when the server cannot start. */
int lsp_main(const mtl_options *cli, const char *config_file, int no_config);

#endif
