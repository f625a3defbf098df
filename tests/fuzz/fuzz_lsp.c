/*
 * The language server's input: the bytes are what a client writes, framed
 * by lsp_io.c (Content-Length headers) and handled by lsp_rpc.c (JSON-RPC,
 * the lifecycle, error codes), with text synchronisation (lsp_docs.c) for
 * didOpen, didChange and didClose. No threads and no linting: those are
 * the server loop's, which the other targets and the lsp tests cover. The
 * checks:
 *
 * - framing: the input read whole and read in pieces gives the same
 *   message bodies, and every body lies inside the reader's buffer;
 * - each message gets what JSON-RPC says: a request exactly one response
 *   with its id (a result or an error), a body that is not JSON one
 *   ParseError with a null id, a notification or a client's response
 *   nothing but the server's own notifications; a framing error one error;
 * - what the server writes is itself well framed JSON-RPC 2.0;
 * - an open document's text stays within its buffer after every change.
 */
#include "fuzz.h"

#include "cli/lsp_docs.h"
#include "cli/lsp_io.h"
#include "cli/lsp_rpc.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct session {
    lsp_docs docs;
} session;

static json_t *initialize(void *ctx, json_t *params, lsp_error *err)
{
    (void)ctx;
    if (!json_is_object(params)) {
        lsp_error_set(err, LSP_INVALID_PARAMS, "initialize takes an object");
        return NULL;
    }
    return json_pack("{s:{s:i}}", "capabilities", "textDocumentSync", 2);
}

static json_t *shutdown_request(void *ctx, json_t *params, lsp_error *err)
{
    (void)ctx;
    (void)params;
    (void)err;
    return json_null();
}

static const char *str_at(const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void check_doc(const lsp_doc *doc)
{
    FUZZ_CHECK(doc->len <= doc->cap || (!doc->text && !doc->len),
               "document of %zu bytes in a buffer of %zu", doc->len, doc->cap);
}

static void did_open(void *ctx, json_t *params)
{
    session *s = ctx;
    const json_t *td = json_object_get(params, "textDocument");
    const json_t *text = json_object_get(td, "text");
    const char *uri = str_at(td, "uri");
    if (!uri || !json_is_string(text))
        return;
    lsp_doc *doc = lsp_docs_open(&s->docs, uri, "", 0, json_string_value(text),
                                 json_string_length(text));
    FUZZ_CHECK(doc, "lsp_docs_open failed");
    FUZZ_CHECK(doc->len == json_string_length(text) &&
                   memcmp(doc->text, json_string_value(text), doc->len) == 0,
               "opened document is not its text");
    check_doc(doc);
}

static void did_change(void *ctx, json_t *params)
{
    session *s = ctx;
    const char *uri = str_at(json_object_get(params, "textDocument"), "uri");
    lsp_doc *doc = uri ? lsp_docs_find(&s->docs, uri) : NULL;
    if (!doc)
        return;
    size_t i;
    const json_t *c;
    json_array_foreach(json_object_get(params, "contentChanges"), i, c) {
        uint64_t rev = doc->rev;
        int rc = lsp_doc_change(doc, c, LSP_UTF16);
        FUZZ_CHECK(rc >= 0, "lsp_doc_change ran out of memory");
        FUZZ_CHECK(rc == 1 ? doc->rev == rev : doc->rev > rev,
                   "revision %llu after a change %s at %llu",
                   (unsigned long long)doc->rev, rc ? "refused" : "made",
                   (unsigned long long)rev);
        check_doc(doc);
    }
}

static void did_close(void *ctx, json_t *params)
{
    session *s = ctx;
    const char *uri = str_at(json_object_get(params, "textDocument"), "uri");
    lsp_doc *doc = uri ? lsp_docs_find(&s->docs, uri) : NULL;
    if (doc)
        lsp_docs_close(&s->docs, doc);
}

static const lsp_method methods[] = {
    {"initialize", initialize, NULL},
    {"shutdown", shutdown_request, NULL},
    {"textDocument/didOpen", NULL, did_open},
    {"textDocument/didChange", NULL, did_change},
    {"textDocument/didClose", NULL, did_close},
    {NULL, NULL, NULL},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmpdir();
    return 0;
}

/* ---- framing ------------------------------------------------------------ */

typedef struct event {
    lsp_read what;
    size_t n;
    char *body; /* a copy, for messages */
} event;

typedef struct events {
    event *items;
    size_t n, cap;
} events;

static void add_event(events *es, lsp_read what, const char *body, size_t n)
{
    if (es->n == es->cap) {
        es->cap = es->cap ? 2 * es->cap : 16;
        es->items = realloc(es->items, es->cap * sizeof *es->items);
        FUZZ_CHECK(es->items, "out of memory in the fuzz harness");
    }
    event *e = &es->items[es->n++];
    e->what = what;
    e->n = n;
    e->body = NULL;
    if (what == LSP_READ_MESSAGE) {
        e->body = malloc(n ? n : 1);
        FUZZ_CHECK(e->body, "out of memory in the fuzz harness");
        memcpy(e->body, body, n);
    }
}

static void free_events(events *es)
{
    for (size_t i = 0; i < es->n; i++)
        free(es->items[i].body);
    free(es->items);
}

/* Everything the reader makes of what it holds now. */
static void drain(lsp_reader *r, events *es)
{
    for (;;) {
        const char *body;
        size_t n;
        lsp_read what = lsp_reader_next(r, &body, &n);
        if (what == LSP_READ_MORE)
            return;
        if (what == LSP_READ_MESSAGE)
            FUZZ_CHECK(body >= r->buf && n <= r->len &&
                           (size_t)(body - r->buf) <= r->len - n,
                       "a message of %zu bytes outside the reader's %zu", n,
                       r->len);
        add_event(es, what, body, n);
    }
}

/* The input read in pieces of 1 to 64 bytes, sizes from the input. */
static void read_in_pieces(const uint8_t *data, size_t size, events *es)
{
    lsp_reader r = {0};
    unsigned h = 2166136261u;
    for (size_t i = 0; i < size;) {
        h = (h ^ data[i]) * 16777619u;
        size_t k = 1 + (h >> 7) % 64;
        if (k > size - i)
            k = size - i;
        FUZZ_CHECK(lsp_reader_feed(&r, (const char *)data + i, k) == 0,
                   "lsp_reader_feed failed");
        drain(&r, es);
        i += k;
    }
    lsp_reader_free(&r);
}

/* ---- what the server writes -------------------------------------------- */

/* The messages written to fd since *at, parsed; each JSON-RPC 2.0. */
static size_t read_output(int fd, off_t *at, json_t **msgs, size_t max)
{
    char buf[65536];
    lsp_reader r = {0};
    ssize_t k;
    while ((k = pread(fd, buf, sizeof buf, *at)) > 0) {
        FUZZ_CHECK(lsp_reader_feed(&r, buf, (size_t)k) == 0, "feed failed");
        *at += k;
    }
    size_t count = 0;
    for (;;) {
        const char *body;
        size_t n;
        lsp_read what = lsp_reader_next(&r, &body, &n);
        if (what == LSP_READ_MORE)
            break;
        FUZZ_CHECK(what == LSP_READ_MESSAGE, "the server wrote a bad frame");
        json_error_t e;
        json_t *m = json_loadb(body, n, 0, &e);
        FUZZ_CHECK(m && json_is_object(m) &&
                       json_is_string(json_object_get(m, "jsonrpc")) &&
                       !strcmp(str_at(m, "jsonrpc"), "2.0"),
                   "the server wrote '%.*s'", (int)(n > 200 ? 200 : n), body);
        FUZZ_CHECK(count < max, "the server wrote more than %zu messages", max);
        msgs[count++] = m;
    }
    FUZZ_CHECK(r.start == r.len, "the server wrote half a message");
    lsp_reader_free(&r);
    return count;
}

static int is_response(const json_t *m)
{
    return json_object_get(m, "id") && !json_object_get(m, "method") &&
           (json_object_get(m, "result") != NULL) !=
               (json_object_get(m, "error") != NULL);
}

static int error_code(const json_t *m)
{
    return (int)json_integer_value(
        json_object_get(json_object_get(m, "error"), "code"));
}

/* One message handled, and what it got back. */
static void handle(lsp_rpc *rpc, int fd, off_t *at, const char *body, size_t n)
{
    json_t *msg = json_loadb(body, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, NULL);
    lsp_state before = rpc->state;
    lsp_rpc_handle(rpc, body, n);
    json_t *out[8];
    size_t k = read_output(fd, at, out, 8);
    size_t responses = 0;
    const json_t *resp = NULL;
    for (size_t i = 0; i < k; i++)
        if (is_response(out[i])) {
            responses++;
            resp = out[i];
        } else {
            FUZZ_CHECK(json_is_string(json_object_get(out[i], "method")) &&
                           !json_object_get(out[i], "id"),
                       "the server wrote neither a response nor a "
                       "notification");
        }
    const json_t *id = json_object_get(msg, "id");
    int id_ok = !id || json_is_string(id) || json_is_integer(id);
    if (!msg) {
        FUZZ_CHECK(responses == 1 && error_code(resp) == LSP_PARSE_ERROR &&
                       json_is_null(json_object_get(resp, "id")),
                   "a body that is not JSON: %zu responses", responses);
    } else if (json_is_object(msg) && json_is_string(json_object_get(msg, "method")) &&
               id && id_ok && before != LSP_EXITED) {
        FUZZ_CHECK(responses == 1 && json_equal(json_object_get(resp, "id"), id),
                   "a request: %zu responses, or not with its id", responses);
    } else if (json_is_object(msg) && !json_object_get(msg, "method") && id &&
               (json_object_get(msg, "result") || json_object_get(msg, "error"))) {
        FUZZ_CHECK(responses == 0, "a response answered");
    } else if (json_is_object(msg) && json_is_string(json_object_get(msg, "method")) &&
               !id && json_is_string(json_object_get(msg, "jsonrpc")) &&
               !strcmp(str_at(msg, "jsonrpc"), "2.0") &&
               (!json_object_get(msg, "params") ||
                json_is_object(json_object_get(msg, "params")) ||
                json_is_array(json_object_get(msg, "params")))) {
        FUZZ_CHECK(responses == 0, "a notification answered");
    } else {
        FUZZ_CHECK(responses == 1 &&
                       error_code(resp) == LSP_INVALID_REQUEST,
                   "an invalid message: %zu responses", responses);
    }
    for (size_t i = 0; i < k; i++)
        json_decref(out[i]);
    json_decref(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    events whole = {0}, pieces = {0};
    lsp_reader r = {0};
    FUZZ_CHECK(lsp_reader_feed(&r, (const char *)data, size) == 0,
               "lsp_reader_feed failed");
    drain(&r, &whole);
    lsp_reader_free(&r);
    read_in_pieces(data, size, &pieces);
    size_t m = 0;
    for (size_t i = 0; i < pieces.n; i++) {
        if (pieces.items[i].what != LSP_READ_MESSAGE)
            continue;
        while (m < whole.n && whole.items[m].what != LSP_READ_MESSAGE)
            m++;
        FUZZ_CHECK(m < whole.n, "message %zu read in pieces, not whole", i);
        const event *a = &whole.items[m++], *b = &pieces.items[i];
        FUZZ_CHECK(a->n == b->n && memcmp(a->body, b->body, a->n) == 0,
                   "a message read in pieces differs from the one read whole");
    }
    while (m < whole.n && whole.items[m].what != LSP_READ_MESSAGE)
        m++;
    FUZZ_CHECK(m == whole.n, "a message read whole, not in pieces");

    /* the messages through JSON-RPC, with the output in a file */
    char path[4200];
    snprintf(path, sizeof path, "%s/lsp.out", fuzz_tmpdir());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    FUZZ_CHECK(fd >= 0, "cannot open %s", path);
    session s = {0};
    lsp_rpc rpc = {.out = fd, .methods = methods, .ctx = &s,
                   .state = LSP_STARTING, .exit_status = 1};
    off_t at = 0;
    for (size_t i = 0; i < whole.n && rpc.state != LSP_EXITED; i++) {
        const event *e = &whole.items[i];
        if (e->what == LSP_READ_MESSAGE) {
            handle(&rpc, fd, &at, e->body, e->n);
        } else {
            lsp_rpc_framing_error(&rpc, e->what, e->n);
            json_t *out[8];
            size_t k = read_output(fd, &at, out, 8);
            FUZZ_CHECK(k == 1 && is_response(out[0]) &&
                           json_is_null(json_object_get(out[0], "id")),
                       "a framing error got %zu messages", k);
            json_decref(out[0]);
        }
    }
    close(fd);
    lsp_docs_free(&s.docs);
    free_events(&whole);
    free_events(&pieces);
    return 0;
}
