#!/usr/bin/env python3
"""Checks that the editor and CI integrations in docs/integrations read
mtlint's real output: one check per integration, named by the argument.

  vim      Vim's errorformat from mtlint.vim fills the quickfix list with the
           same positions as the JSON output (byte columns, as Vim counts)
  emacs    compilation-mode with mtlint.el finds every finding (skipped, exit
           77, when Emacs is not installed)
  vscode   the VS Code problem matcher's regexp parses every GNU line
  github   --format=github workflow commands carry the JSON output's
           positions, escaped; the Actions example's steps run as written
           (apt-get and the build aside) and install no test tools
  neovim   Neovim's built-in LSP client, headless, with mtlint-lsp.lua: the
           reference article's diagnostics arrive, the code action on
           "mortgages" makes it "hostages" in the buffer (skipped, exit 77,
           when Neovim is not installed)
  eglot    Emacs's Eglot with mtlint-eglot.el does the same (skipped, exit
           77, when Emacs or Eglot is not installed)
  precommit .pre-commit-hooks.yaml is a valid hook list running mtlint
  man      the man page renders without groff warnings
  install  `meson install` puts the binary, the man page and the data in place
"""
import json, os, re, shutil, subprocess, sys, tempfile

src = os.environ['MTLINT_SOURCE_ROOT']
build = os.environ['MTLINT_BUILD_ROOT']
mtlint = os.path.join(build, 'mtlint')

# A text with multi-byte characters before its findings, so byte and
# character columns differ.
TEXT = ('Café “talks” in Zürich: the the minister met — a a delegation.\n\n'
        'Ünïcode again ,and the the end.\n')


def run(*args, cwd=None):
    return subprocess.run([mtlint, '--no-config', *args], cwd=cwd,
                          capture_output=True, text=True)


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def findings(tmp, *extra, text=TEXT):
    path = os.path.join(tmp, 'a.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    js = [json.loads(l) for l in run('--format=json', *extra, 'a.txt', cwd=tmp).stdout.splitlines()]
    gnu = run('--format=gnu', *extra, 'a.txt', cwd=tmp).stdout
    if len(js) < 3:
        fail(f'expected at least 3 findings, got {len(js)}')
    return path, js, gnu


def check_vim(tmp):
    vim = shutil.which('vim')
    if not vim:
        print('vim not installed'); sys.exit(77)
    path, js, gnu = findings(tmp, '--column-unit=byte')
    out = os.path.join(tmp, 'out.txt')
    with open(out, 'w') as f:
        f.write(gnu)
    qf = os.path.join(tmp, 'qf.txt')
    script = os.path.join(src, 'docs', 'integrations', 'mtlint.vim')
    subprocess.run([vim, '-u', 'NONE', '-i', 'NONE', '-N', '-es',
                    '-c', 'source ' + script,
                    '-c', 'cgetfile ' + out,
                    '-c', "call writefile(map(getqflist(), {_, e -> e.lnum . ':' . e.col . ':' . e.type . ':' . e.valid . ':' . e.text}), '" + qf + "')",
                    '-c', 'qa!'], cwd=tmp, check=True, timeout=60)
    got = open(qf).read().splitlines()
    if len(got) != len(js):
        fail(f'quickfix has {len(got)} entries, mtlint printed {len(js)}: {got}')
    # :make on a file whose name needs quoting (makeprg's %:S)
    odd = os.path.join(tmp, "it's a.txt")
    shutil.copy(path, odd)
    qf2 = os.path.join(tmp, 'qf2.txt')
    env = dict(os.environ, PATH=build + os.pathsep + os.environ.get('PATH', ''))
    subprocess.run([vim, '-u', 'NONE', '-i', 'NONE', '-N', '-es',
                    '-c', 'edit ' + odd.replace(' ', '\\ '), '-c', 'source ' + script,
                    '-c', 'silent make', '-c',
                    "call writefile(map(getqflist(), {_, e -> e.lnum . ':' . e.valid}), '"
                    + qf2 + "')", '-c', 'qa!'], cwd=tmp, env=env, timeout=60)
    made = open(qf2).read().splitlines() if os.path.exists(qf2) else []
    if len([m for m in made if m.endswith(':1')]) != len(js):
        fail(f':make on a name with a quote and a space gave {made}')
    for line, f in zip(got, js):
        lnum, col, typ, valid, text = line.split(':', 4)
        if (int(lnum), int(col)) != (f['line'], f['column']) or valid != '1':
            fail(f'quickfix entry {line!r} is not at {f["line"]}:{f["column"]}')
        if typ != f['severity'][0] or f['message'] not in text:
            fail(f'quickfix entry {line!r} lost the severity or message of {f}')


def check_emacs(tmp):
    emacs = shutil.which('emacs')
    if not emacs:
        print('emacs not installed'); sys.exit(77)
    # a tab and wide characters before findings: columns are characters
    path, js, gnu = findings(tmp, text=TEXT + '\t東京で the the talks ,and more.\n')
    el = os.path.join(src, 'docs', 'integrations', 'mtlint.el')
    # compile-goto-error on each line of the compilation buffer visits the
    # finding; where point lands is reported as line:column (1-based).
    prog = f'''(progn
      (load "{el}")
      (let ((buf (get-buffer-create "*mtlint*")) (found nil))
        (with-current-buffer buf
          (insert {json.dumps(gnu)})
          (mtlint-mode)
          (setq default-directory "{tmp}/")
          (let ((inhibit-read-only t))
            (compilation-parse-errors (point-min) (point-max)))
          (goto-char (point-min)))
        (dotimes (i {len(js)})
          (set-buffer buf)
          (goto-char (point-min))
          (forward-line i)
          (compile-goto-error)
          (push (format "%d:%d" (line-number-at-pos)
                        (1+ (- (point) (line-beginning-position)))) found))
        (princ (mapconcat (function identity) (nreverse found) " "))))'''
    r = subprocess.run([emacs, '--batch', '-Q', '--eval', prog], cwd=tmp,
                       capture_output=True, text=True, timeout=120)
    got = r.stdout.split()
    want = ['%d:%d' % (f['line'], f['column']) for f in js]
    if got != want:
        fail(f'emacs went to {got}, expected {want}: {r.stderr[-300:]}')


def check_vscode(tmp):
    path, js, gnu = findings(tmp)
    tasks = json.load(open(os.path.join(src, 'docs', 'integrations', 'vscode-tasks.json')))
    m = tasks['tasks'][0]['problemMatcher']['pattern']
    rx = re.compile(m['regexp'])
    lines = gnu.splitlines()
    if len(lines) != len(js):
        fail('gnu and json disagree on the number of findings')
    for line, f in zip(lines, js):
        g = rx.match(line)
        if not g:
            fail(f'the problem matcher does not match {line!r}')
        got = (g.group(m['file']), int(g.group(m['line'])), int(g.group(m['column'])),
               g.group(m['severity']), g.group(m['message']), g.group(m['code']))
        want = (f['file'], f['line'], f['column'], f['severity'], f['message'], f['rule'])
        if got != want:
            fail(f'{line!r} parsed as {got}, expected {want}')


def gh_unescape(s):
    return s.replace('%0D', '\r').replace('%0A', '\n').replace('%3A', ':') \
            .replace('%2C', ',').replace('%25', '%')


def check_github(tmp):
    import yaml
    path, js, gnu = findings(tmp)
    # a file name and a message that need escaping
    odd = os.path.join(tmp, 'x,y:50%.txt')
    with open(odd, 'w') as f:
        f.write('Prices rose 50% ,then the the fell.\n')
    out = run('--format=github', 'a.txt', 'x,y:50%.txt', cwd=tmp).stdout.splitlines()
    js += [json.loads(l) for l in run('--format=json', 'x,y:50%.txt', cwd=tmp).stdout.splitlines()]
    if len(out) != len(js):
        fail(f'{len(out)} workflow commands for {len(js)} findings')
    rx = re.compile(r'^::(error|warning|notice) ([^:]*)::(.*)$')
    for line, f in zip(out, js):
        m = rx.match(line)
        if not m:
            fail(f'not a workflow command: {line!r}')
        props = dict(kv.split('=', 1) for kv in m.group(2).split(','))
        props = {k: gh_unescape(v) for k, v in props.items()}
        level = {'error': 'error', 'warning': 'warning', 'note': 'notice'}[f['severity']]
        want = {'file': f['file'], 'line': str(f['line']), 'endLine': str(f['end_line']),
                'title': f['rule']}
        if f['line'] == f['end_line']:
            want['col'] = str(f['column'])
            want['endColumn'] = str(max(f['column'], f['end_column'] - 1))
        if m.group(1) != level or props != want:
            fail(f'{line!r}: {m.group(1)} {props}, expected {level} {want}')
        if not gh_unescape(m.group(3)).startswith(f['message']):
            fail(f'{line!r}: message is not {f["message"]!r}')
    # The example workflow: no test tools, and its lint step as written.
    wf = yaml.safe_load(open(os.path.join(src, 'docs', 'integrations',
                                          'github-actions.yml')))
    steps = wf['jobs']['lint']['steps']
    runs = {s.get('name'): s['run'] for s in steps if 'run' in s}
    if not any(s.get('uses', '').startswith('actions/cache') for s in steps):
        fail('the workflow does not cache the build')
    setup = os.path.join(src, 'scripts', 'setup')
    pkgs = subprocess.run(['bash', setup, '--run-only', '--list'], capture_output=True,
                          text=True).stdout.split()
    for tool in ('clang', 'vim', 'emacs-nox', 'libcmocka-dev', 'parallel'):
        if tool in pkgs:
            fail(f'--run-only installs {tool}')
    if '--run-only' not in ' '.join(runs.values()):
        fail('the workflow installs the test tools')
    repo = os.path.join(tmp, 'repo')
    os.makedirs(os.path.join(repo, '.mtlint-src'))
    os.symlink(build, os.path.join(repo, '.mtlint-src', 'build'))
    shutil.copy(path, os.path.join(repo, 'a.txt'))
    r = subprocess.run(['bash', '-e', '-c', runs['Lint']], cwd=repo, capture_output=True,
                       text=True)
    if r.returncode != 1 or r.stdout.splitlines() != out[:len(out) - 2]:
        fail(f'the Lint step gives {r.returncode}: {r.stdout[:300]} {r.stderr[:300]}')


def check_precommit(tmp):
    import yaml
    hooks = yaml.safe_load(open(os.path.join(src, '.pre-commit-hooks.yaml')))
    if not isinstance(hooks, list) or not hooks:
        fail('no hook list')
    h = hooks[0]
    for key in ('id', 'name', 'entry', 'language'):
        if key not in h:
            fail(f'hook lacks {key}')
    if not h['entry'].startswith('mtlint') or h['language'] != 'system':
        fail(f'hook does not run mtlint: {h}')
    # the hook's entry, with the staged file names appended, works as is
    path, js, gnu = findings(tmp)
    argv = h['entry'].split()[1:]
    r = run(*argv, 'a.txt', cwd=tmp)
    if r.returncode != 1 or r.stdout != gnu:
        fail(f'the hook entry gives {r.returncode}: {r.stdout[:200]}')
    # Debian's pre-commit in a throwaway repository: only .md and .txt files
    pc = shutil.which('pre-commit')
    if not pc or not shutil.which('git'):
        print('pre-commit or git not installed; hook not run')
        return
    repo = os.path.join(tmp, 'repo')
    os.makedirs(repo)
    env = dict(os.environ, HOME=tmp, PRE_COMMIT_HOME=os.path.join(tmp, 'pc-cache'),
               GIT_CONFIG_NOSYSTEM='1', GIT_AUTHOR_NAME='t', GIT_AUTHOR_EMAIL='t@t',
               GIT_COMMITTER_NAME='t', GIT_COMMITTER_EMAIL='t@t')
    git = lambda *a: subprocess.run(['git', *a], cwd=repo, env=env, check=True,
                                    capture_output=True)
    git('init', '-q')
    for name in ('a.md', 'b.txt', 'c.py', 'd.yml', 'e.json', 'f.rst'):
        with open(os.path.join(repo, name), 'w') as f:
            f.write('# The the end.\n' if name.endswith('.py') else 'The the end.\n')
    hook = dict(h, entry=mtlint + ' --no-config ' + ' '.join(argv))
    with open(os.path.join(repo, '.pre-commit-config.yaml'), 'w') as f:
        yaml.safe_dump({'repos': [{'repo': 'local', 'hooks': [hook]}]}, f)
    git('add', '-A')
    r = subprocess.run([pc, 'run', '--all-files'], cwd=repo, env=env,
                       capture_output=True, text=True)
    linted = sorted(set(re.findall(r'^(\S+?):\d+:\d+:', r.stdout, re.M)))
    if r.returncode != 1 or linted != ['a.md', 'b.txt']:
        fail(f'pre-commit linted {linted} (exit {r.returncode}): {r.stdout[-400:]}')


def check_man(tmp):
    page = os.path.join(build, 'docs', 'mtlint.1')  # written by the build
    r = subprocess.run(['groff', '-man', '-ww', '-z', page], capture_output=True, text=True)
    if r.returncode != 0 or r.stderr.strip():
        fail('groff: ' + r.stderr)
    text = subprocess.run(['groff', '-man', '-Tutf8', page], capture_output=True,
                          text=True).stdout
    text = re.sub('.\x08', '', text)  # bold and underline by overstriking
    help_text = subprocess.run([mtlint, '--help'], capture_output=True, text=True).stdout
    for opt in re.findall(r'--[a-z][a-z-]+', help_text):
        if opt not in text.replace('\u2010', '-').replace('\u2212', '-'):
            fail(f'the man page does not document {opt}')


def check_install(tmp):
    dest = os.path.join(tmp, 'dest')
    subprocess.run(['meson', 'install', '-C', build, '--no-rebuild', '--quiet',
                    '--destdir', dest], check=True, capture_output=True)
    files = []
    for root, _, names in os.walk(dest):
        files += [os.path.join(root, n) for n in names]
    def find(suffix):
        hits = [f for f in files if f.endswith(suffix)]
        if not hits:
            fail(f'meson install does not install {suffix}')
        return hits[0]
    binary = find('/bin/mtlint')
    find('/man1/mtlint.1')
    find('/doc/mtlint/rules.md')  # where the language server's diagnostics link
    data = os.path.dirname(find('/share/mtlint/tagger-ewt.bin'))
    for name in sorted(os.listdir(os.path.join(src, 'dicts'))):
        if name not in ('meson.build', 'README.md'):
            find('/share/mtlint/' + name)
    if os.path.exists(os.path.join(build, 'dicts', 'en-us.ngram')):
        find('/share/mtlint/en-us.ngram')
    # The installed binary, given the installed data, uses every resource.
    env = dict(os.environ, MTLINT_DATA_DIR=data)
    v = subprocess.run([binary, '--version'], env=env, capture_output=True,
                       text=True).stdout
    for resource in ('dictionary:', 'language model:', 'part-of-speech tagger:'):
        if resource not in v:
            fail(f'installed mtlint lacks its {resource} {v}')


ARTICLE = os.path.join(src, 'examples', 'cnn-blinken-2023-11-06.txt')


def lsp_expectations(tmp, unit):
    """The article copied into tmp (with a .mtlint.ini that stops the
    search for others), and what the command line finds in it (with byte
    or character columns, as the editor counts)."""
    with open(os.path.join(tmp, '.mtlint.ini'), 'w') as f:
        f.write('root = true\n')
    path = os.path.join(tmp, 'article.txt')
    shutil.copy(ARTICLE, path)
    def cli(*args):
        r = subprocess.run([mtlint, '--format=json', *args, 'article.txt'],
                           cwd=tmp, capture_output=True, text=True)
        return [json.loads(l) for l in r.stdout.splitlines()]
    js = cli('--column-unit=byte') if unit == 'byte' else cli()
    text = open(path, encoding='utf-8').read()
    if 'progress on the mortgages' not in text or len(js) < 14:
        fail('the reference article is not what this test expects')
    return path, text, js


def check_neovim(tmp):
    nvim = shutil.which('nvim')
    if not nvim:
        print('neovim not installed'); sys.exit(77)
    path, text, js = lsp_expectations(tmp, 'byte')
    out = os.path.join(tmp, 'out.json')
    # The documented set-up (mtlint-lsp.lua) with this build's binary; the
    # code action menu answered by choosing the fix to "hostages".
    lua = os.path.join(tmp, 'test.lua')
    with open(lua, 'w') as f:
        f.write(f'''
vim.cmd('filetype on')
dofile({json.dumps(os.path.join(src, 'docs', 'integrations', 'mtlint-lsp.lua'))})
  .setup({{ cmd = {{ {json.dumps(mtlint)}, '--lsp' }} }})
local result = {{}}
local function finish()
  vim.fn.writefile({{ vim.fn.json_encode(result) }}, {json.dumps(out)})
  vim.cmd('qa!')
end
vim.cmd('edit ' .. vim.fn.fnameescape({json.dumps(path)}))
local buf = vim.api.nvim_get_current_buf()
result.filetype = vim.bo.filetype
-- the fast rules' findings come first, the mistranslation with the rest
result.arrived = vim.wait(120000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'mistranslation' then return true end
  end
  return false
end, 50)
result.diagnostics = {{}}
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, {{ d.lnum, d.col, d.end_lnum, d.end_col, d.code, d.message }})
  if d.code == 'mistranslation' then target = d end
end
if not target then return finish() end
vim.api.nvim_win_set_cursor(0, {{ target.lnum + 1, target.col + 2 }})
vim.ui.select = function(items, opts, on_choice)
  result.titles = {{}}
  for i, item in ipairs(items) do
    local action = item.action or item[2]
    table.insert(result.titles, action.title)
    if action.title:find('hostages') then return on_choice(item, i) end
  end
  on_choice(nil, nil)
end
vim.lsp.buf.code_action()
result.applied = vim.wait(60000, function()
  return vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
    :find('progress on the hostages', 1, true) ~= nil
end, 50)
result.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\\n')
  .. (vim.bo.eol and '\\n' or '')
finish()
''')
    r = subprocess.run([nvim, '--headless', '--clean', '-n', '-c', 'luafile ' + lua],
                       cwd=tmp, capture_output=True, text=True, timeout=300)
    if not os.path.exists(out):
        fail(f'neovim wrote no result: {r.stdout[-500:]} {r.stderr[-500:]}')
    got = json.load(open(out))
    if got['filetype'] != 'text' or not got['arrived']:
        fail(f'no diagnostics arrived: {got}')
    want = sorted((f['line'] - 1, f['column'] - 1, f['end_line'] - 1, f['end_column'] - 1,
                   f['rule'], f['message']) for f in js)
    have = sorted(tuple(d) for d in got['diagnostics'])
    if have != want:
        fail(f'neovim shows {have}, the command line finds {want}')
    if not got.get('applied'):
        fail(f'the fix was not applied; actions offered: {got.get("titles")}')
    if got['text'] != text.replace('progress on the mortgages', 'progress on the hostages', 1):
        import difflib
        want_text = text.replace('progress on the mortgages', 'progress on the hostages', 1)
        fail('the buffer after the fix is not the article with the one word changed:\n' +
             ''.join(list(difflib.unified_diff(want_text.splitlines(True),
                                               got['text'].splitlines(True)))[:20]))


def check_eglot(tmp):
    emacs = shutil.which('emacs')
    if not emacs:
        print('emacs not installed'); sys.exit(77)
    path, text, js = lsp_expectations(tmp, 'char')
    el = os.path.join(src, 'docs', 'integrations', 'mtlint-eglot.el')
    after = os.path.join(tmp, 'after.txt')
    # Debian's elpa-eglot for Emacs 28; the documented set-up with this
    # build's binary; diagnostics as line:column (characters) and rule;
    # the code action menu answered by choosing the fix to "hostages".
    prog = f'''(progn
      (require 'package)
      (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
      (package-initialize)
      (unless (require 'eglot nil t)
        (princ "NO-EGLOT") (kill-emacs 0))
      (load {json.dumps(el)})
      (setcar (cdr (assoc '(text-mode markdown-mode gfm-mode) eglot-server-programs))
              {json.dumps(mtlint)})
      (find-file {json.dumps(path)})
      (run-hooks 'post-command-hook) ; where eglot-ensure connects
      ;; the fast rules' findings come first, the mistranslation with the rest
      (let ((n 0))
        (while (and (< n 1200)
                    (not (seq-find (lambda (d) (string-match-p (regexp-quote "[mistranslation]")
                                                               (flymake-diagnostic-text d)))
                                   (flymake-diagnostics))))
          (accept-process-output nil 0.1)
          (setq n (1+ n))))
      (dolist (d (flymake-diagnostics))
        (save-excursion
          (goto-char (flymake-diagnostic-beg d))
          (princ (format "D\\t%d\\t%d\\t%s\\n" (line-number-at-pos)
                         (- (point) (line-beginning-position))
                         (flymake-diagnostic-text d)))))
      (goto-char (point-min))
      (search-forward "progress on the mortgages")
      (backward-char 3)
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt coll &rest _)
                   (seq-find (lambda (x) (string-match-p "hostages" x))
                             (all-completions "" coll)))))
        (let ((last-nonmenu-event ?a)) ; a menu in the minibuffer, not a popup
          (eglot-code-actions (point) (point) nil t)))
      (let ((coding-system-for-write 'utf-8-unix))
        (write-region (point-min) (point-max) {json.dumps(after)})))'''
    r = subprocess.run([emacs, '--batch', '-Q', '--eval', prog], cwd=tmp,
                       capture_output=True, text=True, timeout=300)
    if 'NO-EGLOT' in r.stdout:
        print('eglot not installed'); sys.exit(77)
    have = []
    for line in r.stdout.splitlines():
        if line.startswith('D\t'):
            _, l, c, msg = line.split('\t', 3)
            have.append((int(l), int(c), msg))
    want = sorted((f['line'], f['column'] - 1, f'mtlint [{f["rule"]}]: {f["message"]}')
                  for f in js)
    if sorted(have) != want:
        fail(f'eglot shows {sorted(have)}, the command line finds {want}; {r.stderr[-800:]}')
    want_text = text.replace('progress on the mortgages', 'progress on the hostages', 1)
    if not os.path.exists(after) or open(after, encoding='utf-8').read() != want_text:
        fail('the buffer after the fix is not the article with the one word changed: '
             + r.stderr[-800:])


checks = {'vim': check_vim, 'emacs': check_emacs, 'vscode': check_vscode,
          'github': check_github,
          'precommit': check_precommit, 'man': check_man, 'install': check_install,
          'neovim': check_neovim, 'eglot': check_eglot}
with tempfile.TemporaryDirectory(prefix='mtlint-integ-') as tmp:
    checks[sys.argv[1]](tmp)
print('ok', sys.argv[1])
