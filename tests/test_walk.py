#!/usr/bin/env python3
"""Directory walks in a git work tree: what .gitignore, .git/info/exclude
and core.excludesFile ignore is skipped (libgit2 decides, loaded by the
walk only), files named on
the command line are linted anyway, --no-ignore walks everything, .markdown
is Markdown, and a directory with nothing to lint is a warning on stderr
that leaves the exit status alone."""
import os, shutil, subprocess, sys, tempfile

build = os.environ['MTLINT_BUILD_ROOT']
mtlint = os.path.join(build, 'mtlint')
TEXT = 'The the minister met the delegation.\n'


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def linted(cwd, *args):
    r = subprocess.run([mtlint, '--no-config', '-f', 'gnu', *args], cwd=cwd,
                       capture_output=True, text=True)
    return r.returncode, sorted({l.split(':')[0] for l in r.stdout.splitlines()}), r.stderr


def main():
    if not shutil.which('git'):
        print('git not installed'); sys.exit(77)
    with tempfile.TemporaryDirectory(prefix='mtlint-walk-') as tmp:
        repo = os.path.join(tmp, 'repo')
        files = ['docs/a.md', 'docs/b.markdown', 'docs/c.txt', 'node_modules/pkg/README.md',
                 'build/out.txt', 'docs/draft.tmp.md', 'docs/keep.tmp.md',
                 'docs/private/notes.txt', 'docs/local.txt', 'vendor/x.md']
        for f in files:
            os.makedirs(os.path.dirname(os.path.join(repo, f)), exist_ok=True)
            with open(os.path.join(repo, f), 'w') as fh:
                fh.write(TEXT)
        os.makedirs(os.path.join(repo, 'empty'))
        env = dict(os.environ, HOME=tmp, GIT_CONFIG_NOSYSTEM='1')
        subprocess.run(['git', 'init', '-q', repo], check=True, env=env)
        with open(os.path.join(repo, '.gitignore'), 'w') as fh:
            fh.write('node_modules/\n/build\n*.tmp.md\n!keep.tmp.md\n')
        with open(os.path.join(repo, '.git', 'info', 'exclude'), 'a') as fh:
            fh.write('docs/private/\n')
        excludes = os.path.join(tmp, 'global-ignore')
        with open(excludes, 'w') as fh:
            fh.write('local.txt\n')
        subprocess.run(['git', 'config', '--global', 'core.excludesFile', excludes],
                       check=True, env=env)
        os.environ.update(HOME=tmp, GIT_CONFIG_NOSYSTEM='1')
        kept = ['./docs/a.md', './docs/b.markdown', './docs/c.txt', './docs/keep.tmp.md',
                './vendor/x.md']
        rc, got, err = linted(repo, '.')
        if rc != 1 or got != kept:
            fail(f'walking the repository linted {got} (exit {rc}), expected {kept}')
        rc, got, _ = linted(os.path.join(repo, 'docs'), '.')
        if got != ['./a.md', './b.markdown', './c.txt', './keep.tmp.md']:
            fail(f'walking from a subdirectory linted {got}')
        rc, got, _ = linted(tmp, os.path.join('repo', 'docs'))
        if got != ['repo/docs/a.md', 'repo/docs/b.markdown', 'repo/docs/c.txt',
                   'repo/docs/keep.tmp.md']:
            fail(f'walking from outside the repository linted {got}')
        rc, got, _ = linted(repo, '--no-ignore', '.')
        if len(got) != len(files):
            fail(f'--no-ignore linted {got}')
        rc, got, _ = linted(repo, 'node_modules/pkg/README.md', 'build/out.txt')
        if got != ['build/out.txt', 'node_modules/pkg/README.md']:
            fail(f'files named on the command line were not all linted: {got}')
        rc, got, err = linted(repo, 'empty', 'node_modules')
        if rc != 0 or 'empty: no .txt or Markdown files' not in err or \
                'node_modules: no .txt or Markdown files found (some are ignored' not in err:
            fail(f'empty directories: exit {rc}, stderr {err!r}')
        rc, got, err = linted(repo, 'empty', 'docs/a.md')
        if rc != 1 or got != ['docs/a.md']:
            fail(f'an empty directory changed the exit status: {rc}')
        # libgit2 is loaded by a walk only: named files start without it
        def loads_libgit2(*args):
            env2 = dict(os.environ, LD_DEBUG='libs')
            r = subprocess.run([mtlint, '--no-config', *args], cwd=repo, env=env2,
                               capture_output=True, text=True)
            return 'libgit2' in r.stderr
        if loads_libgit2('docs/a.md'):
            fail('linting a named file loaded libgit2')
        if not loads_libgit2('docs'):
            fail('walking a directory did not load libgit2 (LD_DEBUG shows no load)')
        # .markdown is Markdown: code spans are not linted
        with open(os.path.join(repo, 'docs', 'code.markdown'), 'w') as fh:
            fh.write('Run `the the` here.\n')
        rc, got, _ = linted(repo, 'docs/code.markdown')
        if rc != 0:
            fail('.markdown is not read as Markdown')
        # outside any git work tree nothing is ignored
        plain = os.path.join(tmp, 'plain')
        os.makedirs(os.path.join(plain, 'node_modules'))
        with open(os.path.join(plain, 'node_modules', 'a.md'), 'w') as fh:
            fh.write(TEXT)
        rc, got, _ = linted(plain, '.')
        if got != ['./node_modules/a.md']:
            fail(f'outside git: {got}')
    print('ok walk')


main()
