#!/usr/bin/env python3
"""Checks mtlint --stream (JSON Lines in, one JSON line out per line in).

  malformed  bad lines (invalid JSON, no text, text not a string, a 10 MB
             line, invalid UTF-8, wrong format, not an object) give an error
             line each, and the lines after them still come out, in order
  contract   findings equal --format=json's on the same text as a file; ids
             are echoed byte for byte; each line is answered before the next
             is sent (flushed); usage errors
  parallel [N]  GNU parallel --pipe -k over N documents (20,000 unless
             given) gives the same output as one process (skipped, exit 77,
             without parallel)
"""
import json, os, select, shutil, subprocess, sys, tempfile

src = os.environ['MTLINT_SOURCE_ROOT']
build = os.environ['MTLINT_BUILD_ROOT']
mtlint = os.path.join(build, 'mtlint')
STREAM = [mtlint, '--no-config', '--stream']


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def stream(data, *extra):
    p = subprocess.run(STREAM + list(extra), input=data, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def check_malformed(tmp):
    ok = json.dumps({'id': 'ok', 'text': 'The the minister spoke ,then left.'}).encode()
    bad = [
        (b'{"id": 1, "text": ', 'invalid JSON'),
        (b'{"id": 2}', 'no "text" member'),
        (b'{"id": 3, "text": 42}', '"text" is not a string'),
        (b'{"id": 4, "text": null}', '"text" is not a string'),
        (b'{"id": 5, "text": "' + b'a' * (10 << 20) + b'"}', 'line longer than'),
        (b'{"id": 6, "text": "caf\xe9 au lait"}', 'invalid JSON'),
        (b'{"id": 7, "text": "\\ud800"}', 'invalid JSON'),
        (b'{"id": 8, "text": "x", "format": "html"}', '"format" is neither'),
        (b'[1, 2]', 'not a JSON object'),
        (b'', 'empty line'),
        (b'{"id": 9, "id": 10, "text": "x"}', 'invalid JSON'),
        (b'\xff\xfe garbage', 'invalid JSON'),
        # a raw NUL byte, between members or inside the text (jansson would
        # pass over it and lint the text a character short)
        (b'{"id": 11\x00, "text": "The cat."}', 'a NUL byte'),
        (b'{"id": 12, "text": "a\x00b"}', 'a NUL byte'),
    ]
    data = b''.join(line + b'\n' + ok + b'\n' for line, _ in bad)
    rc, out, err = stream(data)
    if rc != 0:
        fail(f'exit status {rc}, stderr {err[:300]!r}')
    lines = out.split(b'\n')
    if lines[-1] != b'' or len(lines) - 1 != 2 * len(bad):
        fail(f'{len(lines) - 1} output lines for {2 * len(bad)} input lines')
    for k, (line, want) in enumerate(bad):
        got = json.loads(lines[2 * k])
        after = json.loads(lines[2 * k + 1])
        if want not in got.get('error', ''):
            fail(f'line {line[:40]!r}: want error {want!r}, got {got}')
        if 'findings' in got:
            fail(f'line {line[:40]!r}: error line also has findings')
        if after.get('id') != 'ok' or len(after.get('findings', [])) < 2:
            fail(f'the line after {line[:40]!r} came out as {after}')
    ids = [json.loads(lines[2 * k]).get('id') for k in range(len(bad))]
    if ids[1:4] != [2, 3, 4] or ids[0] is not None or ids[4] is not None:
        fail(f'error lines echo ids {ids}')
    # the last line may lack its newline
    rc, out, _ = stream(ok + b'\n' + ok)
    if out.count(b'\n') != 2:
        fail(f'a last line without newline: {out!r}')
    # CRLF line ends are JSON whitespace
    rc, out, _ = stream(ok + b'\r\n')
    if b'"error"' in out:
        fail(f'CRLF line: {out!r}')
    print('ok malformed')


def check_contract(tmp):
    text = ('Café “talks” in Zürich: the the minister met — a a delegation.\n\n'
            'Ünïcode again ,and the the end.\n')
    md = '# Title\n\nThe the `code code` here.\n'
    for name, body, fmt in (('a.txt', text, 'text'), ('b.md', md, 'markdown')):
        path = os.path.join(tmp, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(body)
        for unit in ('char', 'byte'):
            want = [json.loads(l) for l in subprocess.run(
                [mtlint, '--no-config', '--format=json', '--column-unit=' + unit, name],
                cwd=tmp, capture_output=True, text=True).stdout.splitlines()]
            for w in want:
                del w['file']
            line = json.dumps({'id': name, 'text': body, 'format': fmt}) + '\n'
            rc, out, _ = stream(line.encode(), '--column-unit=' + unit)
            got = json.loads(out)
            if got != {'id': name, 'findings': want} or not want:
                fail(f'{name} ({unit}): stream {got} != json {want}')
    # without "format", --input and then text
    line = json.dumps({'id': 1, 'text': md}).encode() + b'\n'
    as_text = json.loads(stream(line)[1])['findings']
    as_md = json.loads(stream(line, '--input=markdown')[1])['findings']
    if any(f['rule'] == 'repeated-word' and f['offset'] > 20 for f in as_md) or \
            as_text == as_md:
        fail(f'--input=markdown not applied: {as_md} vs {as_text}')
    # ids: any JSON value, byte for byte
    for raw in (b'1.50', b'123456789012345678901234567890', b'"x\\u00e9"',
                b'{"a": [1, "}"]}', b'null', b'-0', b'true'):
        line = b'{"text": "a", "id" : ' + raw + b'}\n'
        out = stream(line)[1]
        if not out.startswith(b'{"id":' + raw + b',"findings":'):
            fail(f'id {raw!r} came back as {out!r}')
    # flushed: each answer arrives while stdin is still open
    p = subprocess.Popen(STREAM, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for k in range(3):
        p.stdin.write(json.dumps({'id': k, 'text': 'a a'}).encode() + b'\n')
        p.stdin.flush()
        if not select.select([p.stdout], [], [], 60)[0]:
            fail(f'no answer to line {k} while stdin is open')
        if json.loads(p.stdout.readline())['id'] != k:
            fail('answers out of order')
    p.stdin.close()
    if p.wait() != 0:
        fail('exit status after a clean stream')
    for args in (['a.txt'], ['--format=gnu'], ['--baseline=x']):
        r = subprocess.run(STREAM + args, input=b'', capture_output=True)
        if r.returncode != 2:
            fail(f'--stream {args}: exit {r.returncode}, want 2')
    print('ok contract')


def documents(n):
    """n JSON Lines documents cut from the clean corpus, some malformed."""
    paras = []
    root = os.path.join(src, 'tests', 'clean', 'texts')
    for genre in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, genre))):
            with open(os.path.join(root, genre, name), encoding='utf-8') as f:
                paras += [p for p in f.read().split('\n\n') if p.strip()]
    out = []
    for k in range(n):
        p = paras[k % len(paras)][:400]
        if k % 13 == 0:
            p = p.replace(' the ', ' the the ', 1)
        if k % 997 == 0:
            out.append(b'{"id": %d, "text": ' % k)  # malformed
            continue
        fmt = 'markdown' if k % 5 == 0 else 'text'
        out.append(json.dumps({'id': k, 'text': p, 'format': fmt}).encode())
    return b'\n'.join(out) + b'\n'


def check_parallel(tmp, n='20000'):
    par = shutil.which('parallel')
    if not par:
        print('GNU parallel not installed'); sys.exit(77)
    n = int(n)
    data = documents(n)
    one = subprocess.run(STREAM, input=data, capture_output=True)
    got = one.stdout.count(b'\n')
    if one.returncode != 0 or got != n:
        fail(f'single process: exit {one.returncode}, {got} lines for {n}')
    # Blocks of about a sixteenth of the input: many chunks at any count.
    block = f'{max(16, len(data) // 16 >> 10)}k'
    many = subprocess.run([par, '--will-cite', '--pipe', '-k', '--block', block,
                           '-j', '2'] + STREAM, input=data, capture_output=True)
    if many.returncode != 0:
        fail(f'parallel: exit {many.returncode}: {many.stderr[:300]!r}')
    if many.stdout != one.stdout:
        a, b = one.stdout.split(b'\n'), many.stdout.split(b'\n')
        k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        fail(f'parallel output differs at line {k}: {len(a)} vs {len(b)} lines')
    lines = [json.loads(l) for l in one.stdout.split(b'\n')[:-1]]
    ids = [l['id'] for l in lines]
    errors = sum(1 for l in lines if 'error' in l)
    want = [None if k % 997 == 0 else k for k in range(n)]
    if ids != want or errors != len(range(0, n, 997)):
        fail(f'ids or error lines wrong: {errors} errors')
    if sum(1 for l in lines
           if any(f['rule'] == 'repeated-word' for f in l.get('findings', []))) < n // 26:
        fail('too few documents with findings')
    print(f'ok parallel: {n} documents, {len(data) >> 10} KiB, identical output')


def main():
    check = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        globals()['check_' + check](tmp, *sys.argv[2:])


if __name__ == '__main__':
    main()
