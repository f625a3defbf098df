/*
 * JSON-RPC 2.0 as the Language Server Protocol uses it: each message body
 * is decoded (libjansson), checked, and handed to the method it names;
 * requests are answered in the order they came, with the protocol's error
 * codes for what cannot be answered. The lifecycle lives here too: before
 * `initialize` requests get ServerNotInitialized, after `shutdown`
 * InvalidRequest, and `exit` ends the server with status 0 after a
 * shutdown and 1 without one.
 */
#ifndef MTL_LSP_RPC_H
#define MTL_LSP_RPC_H

#include "lsp_io.h"

#include <jansson.h>

/* Error codes: JSON-RPC's and the LSP's own. */
enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_FAILED = -32803,
    LSP_CONTENT_MODIFIED = -32801,
};

typedef struct lsp_error {
    int code;          /* 0: no error */
    char message[256];
} lsp_error;

/* A request handler returns its result (a new reference; json_null() for
 * none), or NULL with err set (err->code 0 means out of memory). A
 * notification handler returns nothing. */
typedef json_t *(*lsp_request_fn)(void *ctx, json_t *params, lsp_error *err);
typedef void (*lsp_notify_fn)(void *ctx, json_t *params);

typedef struct lsp_method {
    const char *name;
    lsp_request_fn request;  /* one of the two */
    lsp_notify_fn notify;
} lsp_method;

typedef enum lsp_state {
    LSP_STARTING,   /* waiting for initialize */
    LSP_RUNNING,
    LSP_SHUT_DOWN,  /* after shutdown: waiting for exit */
    LSP_EXITED
} lsp_state;

typedef struct lsp_rpc {
    int out;                   /* the fd messages go to */
    const lsp_method *methods; /* ends with a NULL name */
    void *ctx;
    lsp_state state;
    int exit_status;
    int broken;                /* writing failed: the client is gone */
} lsp_rpc;

/* Handles one message body. */
void lsp_rpc_handle(lsp_rpc *rpc, const char *body, size_t n);
/* Answers what the reader could not frame (lsp_io.h) with an error that
 * has no id, as JSON-RPC says for a message whose id is unknown. */
void lsp_rpc_framing_error(lsp_rpc *rpc, lsp_read what, size_t declared);
/* Sends a notification; params is taken. Returns 0 or -1. */
int lsp_rpc_notify(lsp_rpc *rpc, const char *method, json_t *params);
/* window/showMessage (type 1 error, 2 warning, 3 info) and a copy on
 * stderr. */
void lsp_rpc_show(lsp_rpc *rpc, int type, const char *message);
/* Sets an error for a handler to return. */
void lsp_error_set(lsp_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
