#!/usr/bin/env python3
"""The golden test: mtlint's output on the reference article, byte for byte.

    golden.py check MTLINT      compare with tests/golden/, and the README's
                                example block with the gnu output
    golden.py update MTLINT     rewrite tests/golden/ and the README block
                                (after a change that is meant to change them)

The article is linted from the source root, as a user would name it, with
--no-config so that no config file around the checkout changes the result.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLE = 'examples/cnn-blinken-2023-11-06.txt'
FORMATS = ['gnu', 'json']
README_START = '$ mtlint ' + ARTICLE + '\n'


def run(binary, fmt):
    p = subprocess.run([binary, '--no-config', '--format=' + fmt, ARTICLE],
                       cwd=ROOT, capture_output=True)
    if p.returncode not in (0, 1) or p.stderr:
        sys.exit(f'mtlint --format={fmt} exited {p.returncode}: '
                 f'{p.stderr.decode(errors="replace")}')
    return p.stdout


def readme_block(text):
    """(start, end) of the gnu output in the README's example block."""
    a = text.index(README_START) + len(README_START)
    return a, text.index('```', a)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('check', 'update'):
        sys.exit(__doc__)
    mode, binary = sys.argv[1], os.path.abspath(sys.argv[2])
    failed = 0
    for fmt in FORMATS:
        path = os.path.join(ROOT, 'tests', 'golden', 'cnn-blinken.' + fmt)
        got = run(binary, fmt)
        if mode == 'update':
            with open(path, 'wb') as f:
                f.write(got)
            continue
        with open(path, 'rb') as f:
            want = f.read()
        if got != want:
            failed = 1
            print(f'{fmt}: output differs from {os.path.relpath(path, ROOT)}')
            wl, gl = want.splitlines(), got.splitlines()
            for line in sorted(set(wl) - set(gl)):
                print('  - ' + line.decode(errors='replace'))
            for line in sorted(set(gl) - set(wl)):
                print('  + ' + line.decode(errors='replace'))
    readme = os.path.join(ROOT, 'README.md')
    with open(readme, encoding='utf-8') as f:
        text = f.read()
    a, b = readme_block(text)
    gnu = run(binary, 'gnu').decode()
    if mode == 'update':
        with open(readme, 'w', encoding='utf-8') as f:
            f.write(text[:a] + gnu + text[b:])
    elif text[a:b] != gnu:
        failed = 1
        print('README.md: the example block differs from the gnu output '
              '(tests/golden.py update MTLINT rewrites it)')
    if failed:
        sys.exit(1)
    print('ok')


main()
