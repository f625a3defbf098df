#!/usr/bin/env python3
"""The progress line and closing summary on a terminal's stderr
(src/cli/summary.c), with a pseudo-terminal standing in for the person:

  - the summary counts what the output holds: findings, rules, files;
  - nothing on stderr when it is a pipe, or with --quiet, or while a
    baseline is written;
  - a file that cannot be read is counted as not linted;
  - with findings and progress on one terminal, what the terminal shows
    is the findings and the summary: every progress line is erased before
    a finding is printed.
"""
import json, os, pty, re, select, subprocess, sys, tempfile

src = os.environ['MTLINT_SOURCE_ROOT']
build = os.environ['MTLINT_BUILD_ROOT']
MTLINT = [os.path.join(build, 'mtlint'), '--no-config']
ARTICLE = os.path.join(src, 'examples', 'cnn-blinken-2023-11-06.txt')
DOCS = [os.path.join(src, p) for p in ('README.md', 'HACKING.md')]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(args, stdout_tty=False, stderr_tty=True, env=None):
    """Returns (exit status, stdout bytes, stderr bytes); a terminal
    shared by stdout and stderr comes back as stderr. The terminal is
    read while the program runs, so its buffer never fills."""
    m, s = pty.openpty()
    p = subprocess.Popen(MTLINT + args, stdout=s if stdout_tty else subprocess.PIPE,
                         stderr=s if stderr_tty else subprocess.PIPE,
                         env=dict(os.environ, **(env or {})))
    os.close(s)
    term = b''
    pipes = [f for f in (p.stdout, p.stderr) if f]
    got = {f: b'' for f in pipes}
    fds = [m] + pipes
    while fds:
        for f in select.select(fds, [], [], 600)[0]:
            try:
                chunk = os.read(f if f == m else f.fileno(), 65536)
            except OSError:  # the terminal's other side closed
                chunk = b''
            if not chunk:
                fds.remove(f)
            elif f == m:
                term += chunk
            else:
                got[f] += chunk
    os.close(m)
    rc = p.wait(timeout=600)
    out = got.get(p.stdout, b'')
    return rc, out, term if stderr_tty else got[p.stderr]


def screen(data):
    """The lines a terminal would show: \\r\\x1b[K erases the line."""
    lines, cur = [], ''
    for part in re.split(r'(\r\x1b\[K|\r\n|\n)', data.decode()):
        if part == '\r\x1b[K':
            cur = ''
        elif part in ('\r\n', '\n'):
            lines.append(cur)
            cur = ''
        else:
            cur += part
    if cur:
        lines.append(cur)
    return lines


def summary_counts():
    files = [ARTICLE] + DOCS
    rc, out, err = run(['--format=json'] + files)
    findings = [json.loads(l) for l in out.decode().splitlines()]
    lines = screen(err)
    check(len(lines) == 1, f'one summary line, got {lines!r}')
    line = lines[0] if lines else ''
    with_findings = len({f['file'] for f in findings})
    m = re.fullmatch(r'mtlint: (\d+) findings in (\d+) of (\d+) files \((.*)\), '
                     r'\d+\.\d\d s', line)
    check(m is not None, f'summary line shape: {line!r}')
    if not m:
        return
    check(int(m[1]) == len(findings), f'{m[1]} findings said, {len(findings)} printed')
    check(int(m[2]) == with_findings and int(m[3]) == 3, f'files: {line!r}')
    per_rule = {}
    for f in findings:
        per_rule[f['rule']] = per_rule.get(f['rule'], 0) + 1
    said = [p for p in m[4].split(', ') if p != '...']
    check(1 <= len(said) <= 4, f'one to four rules named: {m[4]!r}')
    top = sorted(per_rule.values(), reverse=True)
    for k, part in enumerate(said):
        n, rule = part.split(' ')
        check(per_rule.get(rule) == int(n), f'{rule}: said {n}, printed {per_rule.get(rule)}')
        check(int(n) == top[k], f'rules most first: {m[4]!r}')
    check(m[4].endswith('...') == (len(per_rule) > 4), f'"..." iff more rules: {m[4]!r}')


def silent_cases():
    rc, out, err = run([ARTICLE], stderr_tty=False)
    check(err == b'' and out, f'stderr a pipe: nothing on it, got {err[:200]!r}')
    for q in ('-q', '--quiet'):
        rc, out, err = run([q, ARTICLE])
        check(err == b'', f'{q}: nothing on stderr, got {err[:200]!r}')
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, 'base')
        rc, out, err = run(['--write-baseline', base, ARTICLE])
        lines = screen(err)
        check(len(lines) == 1 and lines[0].startswith('mtlint: recorded '),
              f'baseline: only the recorded line, got {lines!r}')


def clean_and_missing():
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, 'clean.txt')
        with open(clean, 'w') as f:
            f.write('The committee met on Tuesday and approved the budget.\n')
        rc, out, err = run([clean])
        lines = screen(err)
        check(rc == 0 and len(lines) == 1 and
              re.fullmatch(r'mtlint: no findings in 1 file, \d+\.\d\d s', lines[0]),
              f'no findings: {lines!r}')
        rc, out, err = run([clean, os.path.join(tmp, 'missing.txt')])
        last = screen(err)[-1]
        check(rc == 2 and re.fullmatch(
            r'mtlint: no findings in 1 file, 1 file not linted, \d+\.\d\d s', last),
            f'missing file counted: {last!r}')


def progress_on_one_terminal():
    # enough files that the run lasts past the redraw interval
    texts = os.path.join(src, 'tests', 'clean', 'texts')
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(texts) for f in fs
                   if f.endswith('.txt'))[:24]
    rc, _, term = run(['--format=gnu', '--color=never'] + files, stdout_tty=True,
                      env={'MTLINT_PROGRESS_DELAY': '0'})
    check(b' of 24 files, ' in term, 'a progress line was drawn')
    shown = screen(term)
    check(shown and shown[-1].startswith('mtlint: ') and ' in ' in shown[-1],
          f'the summary comes last: {shown[-1:]!r}')
    rc, plain, _ = run(['--format=gnu', '--color=never'] + files, stderr_tty=False)
    want = plain.decode().splitlines()
    check(shown[:-1] == want,
          'the terminal shows the findings unbroken by progress lines: ' +
          repr(next(((a, b) for a, b in zip(shown, want) if a != b), None)))


def main():
    summary_counts()
    silent_cases()
    clean_and_missing()
    progress_on_one_terminal()
    if failures:
        sys.exit(1)
    print('ok')


if __name__ == '__main__':
    main()
