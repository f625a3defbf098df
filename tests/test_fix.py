#!/usr/bin/env python3
"""mtlint --fix end to end: the dry run's diff applied with patch(1) equals
--fix's result; a second --fix changes nothing and a second dry run prints
nothing; Markdown spans are fixed in the source; what is not mechanical
is still reported; standard input is not fixed in place."""
import os, shutil, subprocess, sys, tempfile

mtlint = os.path.join(os.environ['MTLINT_BUILD_ROOT'], 'mtlint')
FILES = {
    'a.txt': 'The first line is fine.\nThe the minister spoke ,then left..\n' + 'It rained all day.\n' * 9 +
             'The colour was red. The color was red. The colour is red.\n'
             # a paragraph of its own: in a file of one sentence a line an
             # open quote may close on another line and is not reported
             '\nHe said "we will go.\n',
    'docs/b.md': '# Title\n\nA a point,, made here.\n\n```\nthe the code\n```\n',
}


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def run(cwd, *args):
    return subprocess.run([mtlint, '--no-config', '-f', 'gnu', *args], cwd=cwd,
                          capture_output=True, text=True)


with tempfile.TemporaryDirectory(prefix='mtlint-fix-') as tmp:
    for side in ('fix', 'patch'):
        for name, text in FILES.items():
            p = os.path.join(tmp, side, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'w') as f:
                f.write(text)
    a, b = os.path.join(tmp, 'fix'), os.path.join(tmp, 'patch')
    d = run(b, '--fix', '--dry-run', 'a.txt', 'docs')
    if d.returncode != 1 or not d.stdout.startswith('--- a/a.txt\n+++ b/a.txt\n@@ '):
        fail(f'dry run: exit {d.returncode}: {d.stdout[:200]!r}')
    if shutil.which('patch'):
        r = subprocess.run(['patch', '-s', '-p1'], input=d.stdout, cwd=b, text=True,
                           capture_output=True)
        if r.returncode != 0:
            fail(f'patch refuses the diff: {r.stdout} {r.stderr}')
    f1 = run(a, '--fix', 'a.txt', 'docs')
    rules = [l.split('[')[-1] for l in f1.stdout.splitlines()]
    if f1.returncode != 1 or rules != ['unbalanced-quotes]']:
        fail(f'--fix reports {f1.stdout!r} (exit {f1.returncode}); expected the quote only')
    for name in FILES:
        got = open(os.path.join(a, name)).read()
        if shutil.which('patch') and got != open(os.path.join(b, name)).read():
            fail(f'{name}: --fix and the patched dry run differ')
    if 'The minister spoke, then left.' not in open(os.path.join(a, 'a.txt')).read() or \
            'the the code' not in open(os.path.join(a, 'docs/b.md')).read():
        fail('unexpected fixed text')
    f2 = run(a, '--fix', 'a.txt', 'docs')
    d2 = run(a, '--fix', '--dry-run', 'a.txt', 'docs')
    if f2.stdout != f1.stdout or d2.stdout or d2.returncode != 0:
        fail(f'a second run is not a no-op: {f2.stdout!r} {d2.stdout!r}')
    s = subprocess.run([mtlint, '--no-config', '--fix', '-'], input='The the end.\n',
                       capture_output=True, text=True)
    if 'standard input is not fixed' not in s.stderr or s.returncode != 1:
        fail(f'stdin: {s.returncode} {s.stderr!r}')
    if run(a, '--dry-run', 'a.txt').returncode != 2:
        fail('--dry-run without --fix is not a usage error')
print('ok fix')
