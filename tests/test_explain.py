#!/usr/bin/env python3
"""mtlint --explain RULE for every rule: the flagged example is flagged by
that rule and the near miss is not (so the documentation follows the
rules); the man page's RULES section and SARIF's fullDescription and help
carry the same words."""
import json, os, re, subprocess, sys, tempfile

src = os.environ['MTLINT_SOURCE_ROOT']
mtlint = os.path.join(os.environ['MTLINT_BUILD_ROOT'], 'mtlint')


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def sections(text):
    out, key = {}, None
    for line in text.splitlines():
        if line and not line.startswith(' '):
            key = line
            out[key] = ''
        elif key and line.strip():
            out[key] += (' ' if out[key] else '') + line.strip()
    return out


def rules_hit(text):
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        f.write(text + '\n')
    try:
        r = subprocess.run([mtlint, '--no-config', '--format=json', f.name],
                           capture_output=True, text=True)
        return {json.loads(l)['rule'] for l in r.stdout.splitlines()}
    finally:
        os.unlink(f.name)


rules = [l.split()[0] for l in subprocess.run([mtlint, '--list-rules'], capture_output=True,
                                              text=True).stdout.splitlines()]
man_page = os.path.join(os.environ['MTLINT_BUILD_ROOT'], 'docs', 'mtlint.1')
man = subprocess.run(['groff', '-man', '-Tutf8', man_page],
                     capture_output=True, text=True).stdout
man = re.sub('.\x08', '', man).replace('\u2010', '-').replace('\u2212', '-')
man = ' '.join(re.sub(r'-\n\s*', '-', man).split())
sarif = json.loads(subprocess.run([mtlint, '--no-config', '--format=sarif', '/dev/null'],
                                  capture_output=True, text=True).stdout)
descriptors = {d['id']: d for d in sarif['runs'][0]['tool']['driver']['rules']}
for rule in rules:
    r = subprocess.run([mtlint, '--explain', rule], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f'--explain {rule}: exit {r.returncode}')
    s = sections(r.stdout)
    finds = s.get('What it finds', '')
    if not finds or not s.get('Why it matters in machine translation') or \
            f'--disable={rule}' not in r.stdout:
        fail(f'--explain {rule} lacks a section: {s}')
    if 'Flagged' in s and rule not in rules_hit(s['Flagged']):
        fail(f'{rule}: its flagged example is not flagged: {s["Flagged"]!r}')
    if rule in rules_hit(s['Not flagged']):
        fail(f'{rule}: its near miss is flagged: {s["Not flagged"]!r}')
    if finds not in man:
        fail(f'the man page RULES section lacks {rule}: {finds!r}')
    d = descriptors[rule]
    if d.get('fullDescription', {}).get('text') != finds or \
            'Silencing it' not in d.get('help', {}).get('text', '') or \
            not d.get('helpUri', '').endswith('/rules.md#' + rule):
        fail(f'SARIF descriptor of {rule}: {d}')
if subprocess.run([mtlint, '--explain', 'no-such-rule'], capture_output=True).returncode != 2:
    fail('--explain of an unknown rule is not a usage error')
print(f'ok explain: {len(rules)} rules')
