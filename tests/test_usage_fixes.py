#!/usr/bin/env python3
"""Command-line behaviour that broke in use: the order of --only/--enable/
--disable and --severity does not matter; a configuration's severity
stands under --only; --stdin-filename finds that directory's .mtlint.ini;
-j 0 is one job per CPU; --config with --no-config is a usage error."""
import os, subprocess, sys, tempfile

mtlint = os.path.join(os.environ['MTLINT_BUILD_ROOT'], 'mtlint')
TEXT = 'The the report. For wider area.\n'


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def found(cwd, *args, stdin=None):
    r = subprocess.run([mtlint, '-f', 'gnu', *args], cwd=cwd, input=stdin,
                       capture_output=True, text=True)
    # (severity, rule) of each GNU line FILE:L:C: SEVERITY: MESSAGE [RULE]
    return r.returncode, sorted({(l.split(' ')[1].rstrip(':'), l.rsplit('[', 1)[1][:-1])
                                 for l in r.stdout.splitlines()}), r.stderr


with tempfile.TemporaryDirectory(prefix='mtlint-usage-') as tmp:
    with open(os.path.join(tmp, 'a.txt'), 'w') as f:
        f.write(TEXT)
    cases = [
        (['--only=fragment'], [('warning', 'fragment')]),
        (['--severity=fragment=note', '--only=fragment'], [('note', 'fragment')]),
        (['--only=fragment', '--severity=fragment=note'], [('note', 'fragment')]),
        (['--severity=fragment=error', '--enable=fragment', '--only=fragment'],
         [('error', 'fragment')]),
        (['--disable=fragment', '--enable=fragment', '--only=fragment,repeated-word'],
         [('warning', 'fragment'), ('warning', 'repeated-word')]),
        (['--only=fragment,repeated-word', '--disable=fragment'],
         [('warning', 'repeated-word')]),
    ]
    for args, want in cases:
        rc, got, err = found(tmp, '--no-config', *args, 'a.txt')
        if got != want:
            fail(f'{args}: {got}, expected {want} {err}')
    with open(os.path.join(tmp, '.mtlint.ini'), 'w') as f:
        f.write('root = true\n[rules]\nfragment = note\n')
    rc, got, _ = found(tmp, '--only=fragment', 'a.txt')
    if got != [('note', 'fragment')]:
        fail(f'config fragment = note with --only=fragment: {got}')
    sub = os.path.join(tmp, 'sub')
    os.makedirs(sub)
    with open(os.path.join(sub, '.mtlint.ini'), 'w') as f:
        f.write('[rules]\nrepeated-word = error\n')
    rc, got, _ = found('/', '--only=repeated-word', '--stdin-filename',
                       os.path.join(sub, 'x.md'), '-', stdin=TEXT)
    if got != [('error', 'repeated-word')]:
        fail(f'--stdin-filename did not find its directory\'s config: {got}')
    rc, got, err = found(tmp, '--no-config', '-j', '0', 'a.txt')
    if rc != 1 or not got:
        fail(f'-j 0: exit {rc} {err}')
    rc, got, err = found(tmp, '--config=.mtlint.ini', '--no-config', 'a.txt')
    if rc != 2 or 'do not go together' not in err:
        fail(f'--config with --no-config: exit {rc} {err}')
print('ok usage')
