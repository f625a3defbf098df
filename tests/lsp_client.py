"""A scripted Language Server Protocol client for the tests: it starts
`mtlint --lsp`, writes framed messages (or any bytes), and reads the
server's messages with a deadline, so that a server that hangs fails the
test instead of stalling it."""
import json
import os
import queue
import subprocess
import threading
import time

TIMEOUT = float(os.environ.get('MTLINT_LSP_TIMEOUT', '120'))


class Server:
    def __init__(self, mtlint, *args, cwd=None):
        self.p = subprocess.Popen([mtlint, '--lsp', *args], cwd=cwd,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.stderr = []
        self.backlog = []  # messages read but not yet asked for
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b'\r\n', b'\n'):
                    break
                name, _, value = line.partition(b':')
                if name.strip().lower() == b'content-length':
                    length = int(value)
            body = out.read(length)
            self.messages.put(json.loads(body))

    def _read_err(self):
        for line in self.p.stderr:
            self.stderr.append(line.decode('utf-8', 'replace'))

    # ---- writing ----
    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b'Content-Length: %d\r\n\r\n' % len(body) + body)

    def notify(self, method, params=None):
        m = {'jsonrpc': '2.0', 'method': method}
        if params is not None:
            m['params'] = params
        self.send(m)

    def request(self, method, params=None):
        """Sends a request and returns its id."""
        rid = self.next_id
        self.next_id += 1
        m = {'jsonrpc': '2.0', 'id': rid, 'method': method}
        if params is not None:
            m['params'] = params
        self.send(m)
        return rid

    # ---- reading ----
    def recv(self, timeout=TIMEOUT):
        try:
            m = self.messages.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError('no message from the server in %ss; stderr: %s'
                                 % (timeout, ''.join(self.stderr)[-2000:]))
        if m is None:
            raise AssertionError('the server closed its output; stderr: %s'
                                 % ''.join(self.stderr)[-2000:])
        return m

    def wait_for(self, pred, timeout=TIMEOUT, keep=None):
        """Returns the first message, earlier ones not yet taken included,
        for which pred holds. Messages read on the way are kept for later
        (and appended to keep, if given)."""
        for i, m in enumerate(self.backlog):
            if pred(m):
                return self.backlog.pop(i)
        end = time.time() + timeout
        while True:
            m = self.recv(max(0.01, end - time.time()))
            if pred(m):
                return m
            self.backlog.append(m)
            if keep is not None:
                keep.append(m)

    def response(self, rid, timeout=TIMEOUT):
        return self.wait_for(lambda m: m.get('id') == rid and 'method' not in m,
                             timeout)

    def call(self, method, params=None):
        r = self.response(self.request(method, params))
        if 'error' in r:
            raise AssertionError('%s failed: %s' % (method, r['error']))
        return r['result']

    def diagnostics(self, uri, version='any', timeout=TIMEOUT):
        """The next diagnostics published for uri (of version, if given)."""
        m = self.wait_for(
            lambda m: m.get('method') == 'textDocument/publishDiagnostics' and
            m['params']['uri'] == uri and
            (version == 'any' or m['params'].get('version') == version),
            timeout)
        return m['params']['diagnostics']

    def settled(self, uri, version='any', timeout=TIMEOUT):
        """The whole diagnostics of uri's current text (of version, if
        given). The fast rules' findings come first, the rest in a second
        publication; a code action request is answered only once the whole
        lint is in, so the last publication before its answer is whole."""
        rid = self.request('textDocument/codeAction', {
            'textDocument': {'uri': uri},
            'range': {'start': {'line': 0, 'character': 0},
                      'end': {'line': 0, 'character': 0}},
            'context': {'diagnostics': []}})
        self.response(rid, timeout)
        mine = [m for m in self.backlog
                if m.get('method') == 'textDocument/publishDiagnostics' and
                m['params']['uri'] == uri]
        for m in mine:
            self.backlog.remove(m)
        assert mine, 'no diagnostics were published for ' + uri
        last = mine[-1]['params']
        assert version == 'any' or last.get('version') == version, \
            'the last diagnostics are of version %s' % last.get('version')
        return last['diagnostics']

    def initialize(self, capabilities=None, **params):
        p = {'processId': os.getpid(), 'rootUri': None,
             'capabilities': capabilities or {}}
        p.update(params)
        result = self.call('initialize', p)
        self.notify('initialized', {})
        return result

    def open(self, uri, text, language='plaintext', version=1):
        self.notify('textDocument/didOpen', {'textDocument': {
            'uri': uri, 'languageId': language, 'version': version, 'text': text}})

    def change(self, uri, version, changes):
        self.notify('textDocument/didChange', {
            'textDocument': {'uri': uri, 'version': version},
            'contentChanges': changes})

    def stop(self):
        """shutdown and exit; returns the exit status."""
        assert self.call('shutdown') is None
        self.notify('exit')
        return self.p.wait(timeout=TIMEOUT)

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


def file_uri(path):
    from urllib.parse import quote
    return 'file://' + quote(os.path.abspath(path))


def utf16_column(line, chars):
    """The UTF-16 column of a 0-based code-point column in line."""
    return len(line[:chars].encode('utf-16-le')) // 2


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) to text, as a client would."""
    lines = text.splitlines(keepends=True)
    starts, at = [], 0
    for l in lines:
        starts.append(at)
        at += len(l)
    starts.append(at)

    def offset(pos):
        if pos['line'] >= len(lines):
            return len(text)
        line = lines[pos['line']]
        units, i = 0, 0
        while i < len(line) and line[i] not in '\r\n' and units < pos['character']:
            units += 2 if ord(line[i]) > 0xFFFF else 1
            i += 1
        return starts[pos['line']] + i

    spans = sorted(((offset(e['range']['start']), offset(e['range']['end']),
                     e['newText']) for e in edits), reverse=True)
    for a, b, new in spans:
        text = text[:a] + new + text[b:]
    return text
