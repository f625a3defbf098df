#include "lsp_rpc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lsp_error_set(lsp_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->code = code;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* Writes a message (taken). Returns 0, or -1 when it could not be made
 * or written. */
static int send(lsp_rpc *rpc, json_t *msg)
{
    char *s = msg ? json_dumps(msg, JSON_COMPACT) : NULL;
    json_decref(msg);
    if (!s)
        return -1;
    if (!rpc->broken && lsp_write(rpc->out, s, strlen(s)) != 0)
        rpc->broken = 1;
    free(s);
    return rpc->broken ? -1 : 0;
}

static void send_error(lsp_rpc *rpc, json_t *id, int code, const char *message)
{
    if (send(rpc, json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id",
                            id ? id : json_null(), "error", "code", code,
                            "message", message)) != 0 &&
        !rpc->broken) {
        /* the message itself may be what would not encode */
        send(rpc, json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id",
                            id ? id : json_null(), "error", "code", code,
                            "message", "error"));
    }
}

void lsp_rpc_framing_error(lsp_rpc *rpc, lsp_read what, size_t declared)
{
    char m[160];
    if (what == LSP_READ_TOO_LARGE)
        snprintf(m, sizeof m, "message of %zu bytes is over the limit of %zu; "
                              "skipped", declared, (size_t)LSP_MAX_MESSAGE);
    else if (what == LSP_READ_NO_MEMORY)
        snprintf(m, sizeof m, "out of memory reading a message; skipped");
    else
        snprintf(m, sizeof m, "bad message header (no Content-Length); "
                              "skipped to the next header");
    fprintf(stderr, "mtlint: %s\n", m);
    send_error(rpc, NULL, what == LSP_READ_BAD_HEADER ? LSP_PARSE_ERROR
                          : what == LSP_READ_TOO_LARGE ? LSP_INVALID_REQUEST
                                                       : LSP_INTERNAL_ERROR, m);
}

int lsp_rpc_notify(lsp_rpc *rpc, const char *method, json_t *params)
{
    /* Before initialize is answered only messages to the user may go;
     * after shutdown nothing does. */
    int chat = strncmp(method, "window/", 7) == 0;
    if (rpc->state == LSP_SHUT_DOWN || rpc->state == LSP_EXITED ||
        (rpc->state == LSP_STARTING && !chat)) {
        json_decref(params);
        return 0;
    }
    return send(rpc, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method",
                               method, "params", params));
}

void lsp_rpc_show(lsp_rpc *rpc, int type, const char *message)
{
    fprintf(stderr, "mtlint: %s\n", message);
    lsp_rpc_notify(rpc, "window/showMessage",
                   json_pack("{s:i,s:s}", "type", type, "message", message));
}

static const lsp_method *find(const lsp_rpc *rpc, const char *name)
{
    for (const lsp_method *m = rpc->methods; m->name; m++)
        if (strcmp(m->name, name) == 0)
            return m;
    return NULL;
}

static void notification(lsp_rpc *rpc, const char *name, json_t *params)
{
    if (strcmp(name, "exit") == 0) {
        rpc->exit_status = rpc->state == LSP_SHUT_DOWN ? 0 : 1;
        rpc->state = LSP_EXITED;
        return;
    }
    /* Before initialize and after shutdown notifications are dropped;
     * unknown ones ($/ or not) are free to ignore. */
    const lsp_method *m = find(rpc, name);
    if (rpc->state == LSP_RUNNING && m && m->notify)
        m->notify(rpc->ctx, params);
}

static void request(lsp_rpc *rpc, json_t *id, const char *name, json_t *params)
{
    int init = strcmp(name, "initialize") == 0;
    if (rpc->state == LSP_STARTING && !init) {
        send_error(rpc, id, LSP_SERVER_NOT_INITIALIZED,
                   "the server is not initialized");
        return;
    }
    if (rpc->state != LSP_STARTING && rpc->state != LSP_RUNNING) {
        send_error(rpc, id, LSP_INVALID_REQUEST, "the server is shut down");
        return;
    }
    if (init && rpc->state != LSP_STARTING) {
        send_error(rpc, id, LSP_INVALID_REQUEST, "initialize was sent already");
        return;
    }
    const lsp_method *m = find(rpc, name);
    if (!m || !m->request) {
        char msg[200];
        snprintf(msg, sizeof msg, "unknown method '%.150s'", name);
        send_error(rpc, id, LSP_METHOD_NOT_FOUND, msg);
        return;
    }
    lsp_error err = {0};
    json_t *result = m->request(rpc->ctx, params, &err);
    if (!result) {
        send_error(rpc, id, err.code ? err.code : LSP_INTERNAL_ERROR,
                   err.code ? err.message : "out of memory");
        return;
    }
    if (send(rpc, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id,
                            "result", result)) != 0 &&
        !rpc->broken)
        send_error(rpc, id, LSP_INTERNAL_ERROR, "out of memory");
    if (init)
        rpc->state = LSP_RUNNING;
    else if (strcmp(name, "shutdown") == 0)
        rpc->state = LSP_SHUT_DOWN;
}

void lsp_rpc_handle(lsp_rpc *rpc, const char *body, size_t n)
{
    json_error_t jerr;
    /* NUL is a character like any other in a document (mtlint reports it) */
    json_t *msg = json_loadb(body, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr);
    if (!msg) {
        char m[300];
        snprintf(m, sizeof m, "not JSON: %s at byte %d", jerr.text, jerr.position);
        send_error(rpc, NULL, LSP_PARSE_ERROR, m);
        return;
    }
    json_t *id = json_object_get(msg, "id");
    json_t *method = json_object_get(msg, "method");
    json_t *version = json_object_get(msg, "jsonrpc");
    json_t *params = json_object_get(msg, "params");
    int id_ok = !id || json_is_string(id) || json_is_integer(id);
    if (json_is_object(msg) && !method && id &&
        (json_object_get(msg, "result") || json_object_get(msg, "error"))) {
        json_decref(msg); /* a response: the server asks nothing */
        return;
    }
    if (!json_is_object(msg) || !json_is_string(method) || !id_ok ||
        !json_is_string(version) || strcmp(json_string_value(version), "2.0") != 0 ||
        (params && !json_is_object(params) && !json_is_array(params))) {
        send_error(rpc, id_ok ? id : NULL, LSP_INVALID_REQUEST,
                   !json_is_object(msg)       ? "a message is a JSON object"
                   : !json_is_string(method)  ? "no method"
                   : !id_ok                   ? "an id is a number or a string"
                   : params && !json_is_object(params) && !json_is_array(params)
                       ? "params are an object or an array"
                       : "not JSON-RPC 2.0");
        json_decref(msg);
        return;
    }
    if (id)
        request(rpc, id, json_string_value(method), params);
    else
        notification(rpc, json_string_value(method), params);
    json_decref(msg);
}
