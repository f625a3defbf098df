#!/usr/bin/env python3
"""Latency of `mtlint --lsp`: how long after a one-character edit the new
diagnostics arrive, as an editor sees it (from writing didChange to reading
the publishDiagnostics of that version).

    bench_lsp.py MTLINT TEXT [--words N] [--edits N] [-- MTLINT_OPTION...]

The document is the first N words (default 5,000) of TEXT, cut at a line
end, in a temporary folder of its own (with a .mtlint.ini that says
root = true). It is opened once (the first lint builds the linter:
dictionaries and models), then edited N times (default 40): a letter typed
at the end of a paragraph in the middle, then deleted again, each edit sent
150 ms after the last diagnostics, as keystrokes come. Then a word is added
to the project's words, which builds the linters again. Diagnostics come
twice for each text: the fast rules' findings (with the slow rules' last
findings carried over), then every rule's. Prints, in milliseconds, the
median, 90th percentile and worst edit-to-diagnostics times for both, and
the time from didOpen and from adding the word to every rule's
diagnostics; then the server's resident memory after the first lint,
after the edits and after adding the word (Linux: /proc), so that a long
session (--edits 1000) shows whether memory grows with use. Wall times
depend on what else the machine runs; the CPU time each of the server's
threads spent per edit (the event loop, the fast rules' worker, the slow
rules' worker, in the order they started) does not.
"""
import argparse
import json
import os
import statistics
import subprocess
import shutil
import sys
import tempfile
import time


class Server:
    def __init__(self, argv, cwd):
        self.p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
        self.p.stdin.flush()

    def recv(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                sys.exit('bench_lsp: the server went away')
            if line in (b'\r\n', b'\n'):
                break
            name, _, value = line.partition(b':')
            if name.strip().lower() == b'content-length':
                length = int(value)
        return json.loads(self.p.stdout.read(length))

    def timed(self, uri, version, t0):
        """Milliseconds from t0 to the first diagnostics of `version` (the
        fast rules' findings) and to the last (every rule's): a code action
        request is answered only once the whole lint is in."""
        self.send({'jsonrpc': '2.0', 'id': 'settled', 'method': 'textDocument/codeAction',
                   'params': {'textDocument': {'uri': uri},
                              'range': {'start': {'line': 0, 'character': 0},
                                        'end': {'line': 0, 'character': 0}},
                              'context': {'diagnostics': []}}})
        first = last = None
        while True:
            m = self.recv()
            now = time.perf_counter()
            if (m.get('method') == 'textDocument/publishDiagnostics' and
                    m['params'].get('version') == version):
                first = first or now
                last = now
            if m.get('id') == 'settled':
                return (first - t0) * 1000, (last - t0) * 1000


def rss_mb(pid):
    """Resident memory now and at its peak, in MB."""
    got = {}
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            key, _, value = line.partition(':')
            if key in ('VmRSS', 'VmHWM'):
                got[key] = int(value.split()[0]) / 1024
    return got.get('VmRSS', 0), got.get('VmHWM', 0)


def thread_cpu_ms(pid):
    """CPU time (user and system) of each of the process's threads, in
    milliseconds, by thread id."""
    tick = 1000 / os.sysconf('SC_CLK_TCK')
    out = {}
    for tid in os.listdir('/proc/%d/task' % pid):
        with open('/proc/%d/task/%s/stat' % (pid, tid)) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        out[int(tid)] = (int(fields[11]) + int(fields[12])) * tick
    return out


def first_words(path, n):
    out, words = [], 0
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            out.append(line)
            words += len(line.split())
            if words >= n:
                break
    return ''.join(out), words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mtlint')
    ap.add_argument('text')
    ap.add_argument('--words', type=int, default=5000)
    ap.add_argument('--edits', type=int, default=40)
    argv = sys.argv[1:]
    options = argv[argv.index('--') + 1:] if '--' in argv else []
    a = ap.parse_args(argv[:len(argv) - len(options) - (1 if options or '--' in argv else 0)])
    a.options = options
    text, words = first_words(a.text, a.words)
    lines = text.split('\n')
    # the end of the longest line near the middle: a paragraph's last word
    mid = len(lines) // 2
    row = max(range(max(0, mid - 20), min(len(lines), mid + 20)),
              key=lambda i: len(lines[i]))
    col = len(lines[row].encode('utf-16-le')) // 2

    tmp = tempfile.mkdtemp(prefix='mtlint-bench-lsp-')
    with open(os.path.join(tmp, '.mtlint.ini'), 'w') as f:
        f.write('root = true\n')
    path = os.path.join(tmp, 'document.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    s = Server([os.path.abspath(a.mtlint), '--lsp', *a.options], tmp)
    uri = 'file://' + path
    s.send({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize',
            'params': {'processId': os.getpid(), 'rootUri': 'file://' + tmp,
                       'capabilities': {}}})
    s.recv()
    s.send({'jsonrpc': '2.0', 'method': 'initialized', 'params': {}})
    t0 = time.perf_counter()
    s.send({'jsonrpc': '2.0', 'method': 'textDocument/didOpen',
            'params': {'textDocument': {'uri': uri, 'languageId': 'plaintext',
                                        'version': 1, 'text': text}}})
    opened = s.timed(uri, 1, t0)[1]
    rss_opened = rss_mb(s.p.pid)[0]

    fast, whole = [], []
    cpu0 = thread_cpu_ms(s.p.pid)
    for k in range(a.edits):
        version = k + 2
        if k % 2 == 0:  # type a letter
            change = {'range': {'start': {'line': row, 'character': col},
                                'end': {'line': row, 'character': col}},
                      'text': 's'}
        else:           # and delete it
            change = {'range': {'start': {'line': row, 'character': col},
                                'end': {'line': row, 'character': col + 1}},
                      'text': ''}
        time.sleep(0.15)
        t0 = time.perf_counter()
        s.send({'jsonrpc': '2.0', 'method': 'textDocument/didChange',
                'params': {'textDocument': {'uri': uri, 'version': version},
                           'contentChanges': [change]}})
        f, w = s.timed(uri, version, t0)
        fast.append(f)
        whole.append(w)
    rss_edited = rss_mb(s.p.pid)[0]
    cpu1 = thread_cpu_ms(s.p.pid)
    per_edit = [(cpu1[t] - cpu0.get(t, 0)) / a.edits for t in sorted(cpu1)]
    version = a.edits + 1
    t0 = time.perf_counter()
    s.send({'jsonrpc': '2.0', 'id': 2, 'method': 'workspace/executeCommand',
            'params': {'command': 'mtlint.addWord',
                       'arguments': [{'uri': uri, 'word': 'zorbulation'}]}})
    added = s.timed(uri, version, t0)[1]
    rss_added, rss_peak = rss_mb(s.p.pid)
    s.send({'jsonrpc': '2.0', 'id': 3, 'method': 'shutdown'})
    while s.recv().get('id') != 3:
        pass
    s.send({'jsonrpc': '2.0', 'method': 'exit'})
    s.p.wait(timeout=30)
    shutil.rmtree(tmp)

    def stats(times):
        times = sorted(times)
        p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
        return (f'median {statistics.median(times):.1f} ms, 90th percentile '
                f'{p90:.1f} ms, worst {times[-1]:.1f} ms')

    print(f'{words} words, {a.edits} one-character edits: first diagnostics '
          f'{stats(fast)}; every rule\'s {stats(whole)}; after didOpen '
          f'{opened:.0f} ms, after adding a word {added:.0f} ms')
    print(f'resident memory: {rss_opened:.1f} MB after the first lint, '
          f'{rss_edited:.1f} MB after {a.edits} edits, {rss_added:.1f} MB after '
          f'adding a word (peak {rss_peak:.1f} MB)')
    names = (['event loop', 'fast rules', 'slow rules'] if len(per_edit) == 3
             else ['thread %d' % i for i in range(len(per_edit))])
    print('CPU time per edit: ' + ', '.join(
        f'{n} {ms:.1f} ms' for n, ms in zip(names, per_edit)))


main()
