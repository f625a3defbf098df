#!/usr/bin/env python3
"""Command-line behaviour that broke in use: the order of --only/--enable/
--disable and --severity does not matter; a configuration's severity
stands under --only; --stdin-filename finds that directory's .mtlint.ini;
-j 0 is one job per CPU; --config with --no-config is a usage error; SARIF
has an invocation with a notification for each file that was not read."""
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
    # SARIF: the invocation, with a notification for each file not read
    import json
    r = subprocess.run([mtlint, '--no-config', '--format=sarif', 'a.txt', 'missing.txt'],
                       cwd=tmp, capture_output=True, text=True)
    doc = json.loads(r.stdout)
    inv = doc['runs'][0]['invocations']
    notes = inv[0].get('toolExecutionNotifications', [])
    if inv[0]['executionSuccessful'] is not False or len(notes) != 1 or \
            notes[0]['locations'][0]['physicalLocation']['artifactLocation']['uri'] != \
            'missing.txt' or not doc['runs'][0]['results']:
        fail(f'SARIF invocation with an unreadable file: {inv}')
    try:
        import jsonschema
        schema = json.load(open(os.path.join(os.environ['MTLINT_SOURCE_ROOT'], 'tests',
                                             'sarif-schema-2.1.0.json')))
        jsonschema.validate(doc, schema)
    except ImportError:
        pass
    r = subprocess.run([mtlint, '--no-config', '--format=sarif', 'a.txt'], cwd=tmp,
                       capture_output=True, text=True)
    if json.loads(r.stdout)['runs'][0]['invocations'] != [{'executionSuccessful': True}]:
        fail(f'SARIF invocation of a clean run: {r.stdout[-200:]}')
print('ok usage')
