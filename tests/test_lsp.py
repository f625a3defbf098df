#!/usr/bin/env python3
"""`mtlint --lsp` driven by a scripted client (tests/lsp_client.py): one
check per argument.

  session    the reference article: diagnostics equal to the command line's
             at the same UTF-16 positions; the quick fix on "mortgages";
             an edit removing ". ." and new diagnostics without it; a word
             added to the project's words; close; shutdown and exit 0
  words      where add-to-words writes: the file .mtlint.ini names, a new
             setting in the nearest .mtlint.ini, a new .mtlint.ini
  markdown   Markdown by language id, code actions that disable a rule for
             a line or a paragraph with suppression comments
  baseline   "ignore this finding" writes the baseline that the command
             line's --baseline reads; a stale request is refused
  settings   initializationOptions and didChangeConfiguration; .mtlint.ini
             per folder; a bad .mtlint.ini reported, fixed, saved
  encoding   UTF-8 positions when the client offers them; UTF-16 with
             characters outside the BMP
  sync       incremental and whole-text changes; a burst of edits is linted
             once, at its last version (older work is never published)
  preview    the fast rules' findings are published first, with the slow
             rules' last findings moved over the edit (or dropped when the
             edit touched them), then every rule's; one publication when
             the rules cannot be split (unused suppressions reported, slow
             rules off)
  lifecycle  the protocol's errors before initialize and after shutdown,
             unknown methods, exit status with and without shutdown
  bad-input  200 malformed or out-of-order messages (truncated headers,
             wrong lengths, invalid JSON, unknown methods, changes to
             documents never opened, huge documents), each answered or
             ignored as the protocol says; the server stays up, and its
             memory returns to where it was (not under sanitizers, whose
             allocators keep freed memory)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, apply_edits, file_uri, utf16_column  # noqa: E402

src = os.environ['MTLINT_SOURCE_ROOT']
build = os.environ['MTLINT_BUILD_ROOT']
mtlint = os.path.join(build, 'mtlint')
ARTICLE = os.path.join(src, 'examples', 'cnn-blinken-2023-11-06.txt')
SEVERITY = {'error': 1, 'warning': 2, 'note': 3}


def fail(msg):
    raise AssertionError(msg)


def expect(cond, msg):
    if not cond:
        fail(msg)


def cli_findings(path, *args):
    r = subprocess.run([mtlint, '--format=json', *args, os.path.basename(path)],
                       cwd=os.path.dirname(path), capture_output=True, text=True)
    expect(r.returncode in (0, 1), f'mtlint failed: {r.stderr}')
    return [json.loads(l) for l in r.stdout.splitlines()]


def as_lsp(findings, text):
    """The command line's findings as (rule, message, severity, range) with
    UTF-16 positions, as a client expects them."""
    lines = text.splitlines()
    out = []
    for f in findings:
        sl, el = f['line'] - 1, f['end_line'] - 1
        start = (sl, utf16_column(lines[sl] if sl < len(lines) else '', f['column'] - 1))
        end = (el, utf16_column(lines[el] if el < len(lines) else '', f['end_column'] - 1))
        out.append((f['rule'], f['message'], SEVERITY[f['severity']], start, end))
    return sorted(out)


def as_tuples(diags):
    return sorted((d['code'], d['message'], d['severity'],
                   (d['range']['start']['line'], d['range']['start']['character']),
                   (d['range']['end']['line'], d['range']['end']['character']))
                  for d in diags)


def project(tmp, ini='root = true\n'):
    """A folder whose .mtlint.ini stops the search for configs above it."""
    with open(os.path.join(tmp, '.mtlint.ini'), 'w') as f:
        f.write(ini)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)


def read(path):
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def actions_at(s, uri, rng, only=None):
    ctx = {'diagnostics': []}
    if only is not None:
        ctx['only'] = only
    return s.call('textDocument/codeAction', {
        'textDocument': {'uri': uri}, 'range': rng, 'context': ctx})


def find(diags, rule, text=None):
    hits = [d for d in diags if d['code'] == rule and (text is None or text in d['message'])]
    expect(hits, f'no {rule} diagnostic{" on " + text if text else ""}: {diags}')
    return hits[0]


def start_server(tmp, **init):
    s = Server(mtlint, cwd=tmp)
    params = {'rootUri': file_uri(tmp),
              'workspaceFolders': [{'uri': file_uri(tmp), 'name': 'w'}]}
    params.update(init)
    caps = params.pop('capabilities', None)
    return s, s.initialize(caps, **params)


# ---- checks ----------------------------------------------------------------

def check_session(tmp):
    project(tmp)
    path = os.path.join(tmp, 'article.txt')
    shutil.copy(ARTICLE, path)
    text = open(path, encoding='utf-8').read()
    uri = file_uri(path)
    s, init = start_server(tmp)
    caps = init['capabilities']
    expect(caps['positionEncoding'] == 'utf-16', f'encoding: {caps}')
    expect(caps['textDocumentSync']['change'] == 2, 'incremental sync')
    expect(init['serverInfo']['name'] == 'mtlint', 'serverInfo')

    s.open(uri, text)
    diags = s.settled(uri, 1)
    want = as_lsp(cli_findings(path), text)
    expect(len(want) >= 14, f'the command line finds {len(want)}')
    expect(as_tuples(diags) == want,
           'diagnostics differ from the command line:\n%s\n%s'
           % (as_tuples(diags), want))
    for d in diags:
        expect(d['source'] == 'mtlint', 'source')
        expect(d['codeDescription']['href'].endswith('/rules.md#' + d['code']), d)
    # where codeDescription points: a section per rule in rules.md (built)
    headings = [l[3:].strip() for l in open(os.path.join(build, 'docs', 'rules.md'))
                if l.startswith('## ')]
    rules = subprocess.run([mtlint, '--list-rules'], capture_output=True,
                           text=True).stdout.split('\n')
    for r in filter(None, (l.split(' ')[0] for l in rules)):
        expect(r in headings, f'rules.md has no section for {r}')

    # the quick fix on "mortgages"
    m = find(diags, 'mistranslation', "'mortgages'")
    cursor = dict(m['range']['start'])
    cursor['character'] += 3
    actions = actions_at(s, uri, {'start': cursor, 'end': cursor})
    fixes = [a for a in actions if a.get('edit') and
             a['edit']['changes'][uri][0]['newText'] == 'hostages']
    expect(len(fixes) == 1, f'no quick fix to hostages: {actions}')
    fix = fixes[0]
    expect(fix['kind'] == 'quickfix' and fix.get('isPreferred'), fix)
    expect(fix['title'] == "Replace with 'hostages'", fix['title'])
    expect(fix['edit']['changes'][uri][0]['range'] == m['range'], 'fix range')
    expect(fix['diagnostics'][0]['code'] == 'mistranslation', 'fix diagnostics')
    fixed = apply_edits(text, fix['edit']['changes'][uri])
    expect(fixed == text.replace('progress on the mortgages',
                                 'progress on the hostages', 1), 'applied fix')
    expect(actions_at(s, uri, {'start': cursor, 'end': cursor}, only=['refactor']) == [],
           'context.only is not honoured')

    # an incremental edit that removes ". ."
    dp = find(diags, 'doubled-punctuation', "'. .'")
    s.change(uri, 2, [{'range': dp['range'], 'text': '.'}])
    diags2 = s.settled(uri, 2)
    text2 = apply_edits(text, [{'range': dp['range'], 'newText': '.'}])
    expect('hostages. .' not in text2 and 'hostages.' in text2, 'edit')
    write(path, text2)
    expect(not [d for d in diags2 if d['code'] == 'doubled-punctuation'],
           'doubled-punctuation is still reported')
    expect(as_tuples(diags2) == as_lsp(cli_findings(path), text2),
           'after the edit, diagnostics differ from the command line')
    expect(len(diags2) == len(diags) - 1, 'the edit changed other findings')

    # a word the dictionary lacks, added to the project's words
    line0 = text2.split('\n')[0]
    at = {'line': 0, 'character': utf16_column(line0, len(line0))}
    s.change(uri, 3, [{'range': {'start': at, 'end': at},
                       'text': ' Critics called him a nepo hire.'}])
    diags3 = s.settled(uri, 3)
    sp = find(diags3, 'spelling', 'nepo')
    actions = actions_at(s, uri, sp['range'])
    add = [a for a in actions if a.get('command', {}).get('command') == 'mtlint.addWord']
    expect(len(add) == 1, f'no add-to-words action: {actions}')
    expect(add[0]['title'] == "Add 'nepo' to the project's words", add[0]['title'])
    expect(s.call('workspace/executeCommand', add[0]['command']) is None, 'addWord')
    diags4 = s.settled(uri, 3)
    expect(not [d for d in diags4 if 'nepo' in d['message']],
           'the added word is still reported')
    expect(len(diags4) == len(diags3) - 1, 'adding a word changed other findings')
    ini = open(os.path.join(tmp, '.mtlint.ini')).read()
    expect(ini == 'words = .mtlint-words.txt\nroot = true\n', f'.mtlint.ini: {ini!r}')
    expect(open(os.path.join(tmp, '.mtlint-words.txt')).read() == 'nepo\n',
           'words file')
    text3 = apply_edits(text2, [{'range': {'start': at, 'end': at},
                                 'newText': ' Critics called him a nepo hire.'}])
    write(path, text3)
    expect(as_tuples(diags4) == as_lsp(cli_findings(path), text3),
           'the command line does not read the added word')

    s.notify('textDocument/didClose', {'textDocument': {'uri': uri}})
    expect(s.diagnostics(uri) == [], 'close does not clear the diagnostics')
    status = s.stop()
    expect(status == 0, f'exit status {status}')


def check_words(tmp):
    # 1. the words file the nearest .mtlint.ini names
    a = os.path.join(tmp, 'a')
    write(os.path.join(a, '.mtlint.ini'), 'root = true\n[mtlint]\nwords = names.txt\n')
    write(os.path.join(a, 'names.txt'), 'Blinken')  # no final newline
    write(os.path.join(a, 'sub', '.mtlint.ini'), '[rules]\nfragment = off\n')
    # 2. a .mtlint.ini without words gets the setting in its [mtlint] section
    b = os.path.join(tmp, 'b')
    write(os.path.join(b, '.mtlint.ini'), 'root = true\r\n[mtlint]\r\nlang = en_US\r\n')
    # 3. no .mtlint.ini: a new one in the workspace folder
    c = os.path.join(tmp, 'c')
    os.makedirs(os.path.join(c, 'deep'))
    s = Server(mtlint, cwd=tmp)
    s.initialize(None, workspaceFolders=[{'uri': file_uri(c), 'name': 'c'}])
    for path in (os.path.join(a, 'sub', 'x.txt'), os.path.join(b, 'x.txt'),
                 os.path.join(c, 'deep', 'x.txt')):
        s.open(file_uri(path), 'Critics called him a nepo hire.\n')
        expect(s.call('workspace/executeCommand', {
            'command': 'mtlint.addWord',
            'arguments': [{'uri': file_uri(path), 'word': 'nepo'}]}) is None,
            'addWord')
    # twice: not added again
    s.call('workspace/executeCommand', {
        'command': 'mtlint.addWord',
        'arguments': [{'uri': file_uri(os.path.join(b, 'x.txt')), 'word': 'nepo'}]})
    r = s.response(s.request('workspace/executeCommand', {
        'command': 'mtlint.addWord',
        'arguments': [{'uri': file_uri(os.path.join(b, 'x.txt')), 'word': 'a\nb'}]}))
    expect(r.get('error', {}).get('code') == -32803, f'a bad word: {r}')
    expect(s.stop() == 0, 'exit status')
    expect(open(os.path.join(a, 'names.txt')).read() == 'Blinken\nnepo\n',
           'names.txt')
    expect(open(os.path.join(a, 'sub', '.mtlint.ini')).read() == '[rules]\nfragment = off\n',
           'a .mtlint.ini was changed that did not need to be')
    expect(read(os.path.join(b, '.mtlint.ini')) ==
           'root = true\r\n[mtlint]\r\nwords = .mtlint-words.txt\r\nlang = en_US\r\n',
           'b/.mtlint.ini: ' + repr(read(os.path.join(b, '.mtlint.ini'))))
    expect(open(os.path.join(b, '.mtlint-words.txt')).read() == 'nepo\n',
           'b words')
    expect(open(os.path.join(c, '.mtlint.ini')).read() ==
           '[mtlint]\nwords = .mtlint-words.txt\n', 'c/.mtlint.ini')
    expect(open(os.path.join(c, '.mtlint-words.txt')).read() == 'nepo\n',
           'c words')
    # the command line reads each
    for d in (os.path.join(a, 'sub'), b, os.path.join(c, 'deep')):
        write(os.path.join(d, 'y.txt'), 'Critics called him a nepo hire.\n')
        expect(not [f for f in cli_findings(os.path.join(d, 'y.txt')) if f['rule'] == 'spelling'],
               'the command line does not read the words in ' + d)


MARKDOWN = ('# Talks in Doha\n'
            '\n'
            'The minister met the the envoy on Monday.\n'
            '\n'
            'The talks went on late into the night and\n'
            'the envoy said that that they would return soon soon.\n'
            '\n'
            '- first item\n'
            '- the the second item\n')


def check_markdown(tmp):
    project(tmp)
    path = os.path.join(tmp, 'notes.md')
    write(path, MARKDOWN)
    uri = file_uri(path)
    s, _ = start_server(tmp)
    s.open(uri, MARKDOWN, language='markdown')
    diags = s.settled(uri, 1)
    expect(as_tuples(diags) == as_lsp(cli_findings(path), MARKDOWN),
           'Markdown diagnostics differ from the command line')
    text, version = MARKDOWN, 1
    for message, title in (("repeated word 'the'", 'Disable repeated-word for this line'),
                           ("repeated word 'soon'", 'Disable repeated-word for this paragraph'),
                           ("repeated word 'the'", 'Disable repeated-word for this paragraph')):
        d = find(diags, 'repeated-word', message)
        actions = actions_at(s, uri, d['range'])
        dis = [a for a in actions if a['title'] == title]
        expect(len(dis) == 1, f'no "{title}": {[a["title"] for a in actions]}')
        text = apply_edits(text, dis[0]['edit']['changes'][uri])
        version += 1
        s.change(uri, version, [{'text': text}])
        before = len([x for x in diags if x['code'] == 'repeated-word'])
        diags = s.settled(uri, version)
        expect(len([x for x in diags if x['code'] == 'repeated-word']) == before - 1,
               f'the rule still reports after "{title}": {diags}')
        write(path, text)
        expect(as_tuples(diags) == as_lsp(cli_findings(path), text),
               'the command line disagrees after ' + title)
    expect(text == ('# Talks in Doha\n\n'
                    '<!-- mtlint-disable-next-line repeated-word -->\n'
                    'The minister met the the envoy on Monday.\n\n'
                    '<!-- mtlint-disable repeated-word -->\n'
                    'The talks went on late into the night and\n'
                    'the envoy said that that they would return soon soon.\n'
                    '<!-- mtlint-enable repeated-word -->\n\n'
                    '<!-- mtlint-disable repeated-word -->\n'
                    '- first item\n'
                    '- the the second item\n'
                    '<!-- mtlint-enable repeated-word -->\n'), 'edited text:\n' + text)
    # plain text gets no comment
    s.open(file_uri(os.path.join(tmp, 'a.txt')), 'He met the the envoy.\n')
    d = s.settled(file_uri(os.path.join(tmp, 'a.txt')))
    titles = [a['title'] for a in actions_at(s, file_uri(os.path.join(tmp, 'a.txt')),
                                            d[0]['range'])]
    expect(not [t for t in titles if t.startswith('Disable')], f'plain text: {titles}')
    expect(s.stop() == 0, 'exit status')


def check_baseline(tmp):
    project(tmp)
    os.makedirs(os.path.join(tmp, 'docs'))
    path = os.path.join(tmp, 'docs', 'article.txt')
    shutil.copy(ARTICLE, path)
    text = open(path, encoding='utf-8').read()
    uri = file_uri(path)
    s, _ = start_server(tmp)
    s.open(uri, text)
    diags = s.settled(uri, 1)
    target = find(diags, 'repeated-phrase', 'a cease-fire')
    actions = actions_at(s, uri, target['range'])
    ign = [a for a in actions if a.get('command', {}).get('command') == 'mtlint.ignoreFinding'
           and a['diagnostics'][0]['message'] == target['message']]
    expect(len(ign) == 1, f'no ignore action: {actions}')
    expect(s.call('workspace/executeCommand', ign[0]['command']) is None, 'ignore')
    after = s.settled(uri, 1)
    expect(as_tuples(after) == [t for t in as_tuples(diags) if t != as_tuples([target])[0]],
           'the ignored finding is still reported, or others are not')
    base = os.path.join(tmp, '.mtlint-baseline')
    lines = open(base).read().splitlines()
    expect(lines[0].startswith('# mtlint baseline 1') and len(lines) == 2, lines)
    expect(lines[1].split('\t')[1:3] == ['repeated-phrase', 'docs/article.txt'], lines[1])
    # the command line, run from the folder, reads it the same way
    r = subprocess.run([mtlint, '--format=json', '--baseline=.mtlint-baseline',
                        'docs/article.txt'], cwd=tmp, capture_output=True, text=True)
    cli = [json.loads(l) for l in r.stdout.splitlines()]
    expect(as_lsp(cli, text) == as_tuples(after), 'the command line disagrees')
    # an edit above keeps it ignored; a stale request is refused
    s.change(uri, 2, [{'range': {'start': {'line': 0, 'character': 0},
                                 'end': {'line': 0, 'character': 0}},
                       'text': 'A new first paragraph.\n\n'}])
    after2 = s.settled(uri, 2)
    expect(len(after2) == len(after) and
           not [d for d in after2 if d['message'] == target['message']],
           'an edit above brought the ignored finding back')
    r = s.response(s.request('workspace/executeCommand', ign[0]['command']))
    expect(r.get('error', {}).get('code') == -32801, f'stale ignore: {r}')
    expect(s.stop() == 0, 'exit status')
    # the same file through a symbolic link inside the folder, with the
    # server started elsewhere: the baseline names files as the command
    # line does, symbolic links resolved, so the entry still applies
    os.symlink('docs', os.path.join(tmp, 'alias'))
    luri = file_uri(os.path.join(tmp, 'alias', 'article.txt'))
    s = Server(mtlint, cwd='/')
    s.initialize(None, rootUri=file_uri(tmp),
                 workspaceFolders=[{'uri': file_uri(tmp), 'name': 'w'}])
    s.open(luri, text)
    via_link = s.settled(luri, 1)
    expect(as_tuples(via_link) == as_tuples(after),
           'through a symbolic link the baseline is not applied')
    expect(s.stop() == 0, 'exit status')


def check_settings(tmp):
    project(tmp, 'root = true\n[rules]\nrepeated-phrase = off\n')
    path = os.path.join(tmp, 'article.txt')
    shutil.copy(ARTICLE, path)
    text = open(path, encoding='utf-8').read()
    uri = file_uri(path)
    s, _ = start_server(tmp, initializationOptions={
        'mtlint': {'rules': {'fragment': 'off', 'doubled-punctuation': 'error'}}})
    s.open(uri, text)
    diags = s.settled(uri, 1)
    rules = {d['code'] for d in diags}
    expect('fragment' not in rules and 'repeated-phrase' not in rules, rules)
    expect(find(diags, 'doubled-punctuation')['severity'] == 1, 'severity from settings')
    expect(as_tuples(diags) == as_lsp(cli_findings(
        path, '--disable=fragment', '--severity=doubled-punctuation=error'), text),
        'settings and .mtlint.ini together differ from the command line')
    s.notify('workspace/didChangeConfiguration',
             {'settings': {'mtlint': {'rules': {'fragment': 'note'}}}})
    diags = s.settled(uri, 1)
    expect(find(diags, 'fragment')['severity'] == 3, 'didChangeConfiguration')
    expect(find(diags, 'doubled-punctuation')['severity'] == 2, 'old settings stay')
    # a bad .mtlint.ini: said, and no diagnostics; fixed and saved: linted
    ini = os.path.join(tmp, '.mtlint.ini')
    write(ini, 'root = true\n[rules]\nno-such-rule = off\n')
    s.notify('textDocument/didSave', {'textDocument': {'uri': file_uri(ini)}})
    msg = s.wait_for(lambda m: m.get('method') == 'window/showMessage')
    expect("unknown rule 'no-such-rule'" in msg['params']['message'] and
           msg['params']['type'] == 1, msg)
    expect(s.settled(uri, 1) == [], 'a bad config should give no diagnostics')
    write(ini, 'root = true\n')
    s.notify('textDocument/didSave', {'textDocument': {'uri': file_uri(ini)}})
    expect(find(s.settled(uri, 1), 'repeated-phrase'), 'fixed config')
    # an ignored file
    write(ini, 'root = true\n[mtlint]\nignore = article.txt\n')
    s.notify('textDocument/didSave', {'textDocument': {'uri': file_uri(ini)}})
    expect(s.settled(uri, 1) == [], 'an ignored file is linted')
    # files changed behind the editor's back are read at the next lint
    noop = {'range': {'start': {'line': 0, 'character': 0},
                      'end': {'line': 0, 'character': 0}}, 'text': ''}
    first = text.split('\n')[0]
    end = {'line': 0, 'character': utf16_column(first, len(first))}
    write(ini, 'root = true\n[rules]\npunctuation-spacing = off\n')
    s.change(uri, 2, [{'range': {'start': end, 'end': end},
                       'text': ' Critics called him a nepo hire.'}])
    d = s.settled(uri, 2)
    expect(find(d, 'spelling', 'nepo') and
           not [x for x in d if x['code'] == 'punctuation-spacing'],
           'an edited .mtlint.ini was not read again')
    write(os.path.join(tmp, 'names.txt'), 'nepo\n')
    write(ini, 'root = true\n[mtlint]\nwords = names.txt\n')
    s.change(uri, 3, [noop])
    expect(not [x for x in s.settled(uri, 3) if x['code'] == 'spelling'],
           'a new words setting was not read')
    write(os.path.join(tmp, 'names.txt'), 'Blinken\n')
    s.change(uri, 4, [noop])
    expect(find(s.settled(uri, 4), 'spelling', 'nepo'),
           'an edited word list was not read again')
    # an unknown setting is a warning
    s.notify('workspace/didChangeConfiguration', {'settings': {'colour': 'blue'}})
    msg = s.wait_for(lambda m: m.get('method') == 'window/showMessage')
    expect("unknown setting 'colour'" in msg['params']['message'] and
           msg['params']['type'] == 2, msg)
    expect(s.stop() == 0, 'exit status')


def check_encoding(tmp):
    project(tmp)
    text = ('Caf\u00e9 \U0001F600 talks in Z\u00fcrich: the the minister met \u2014 '
            'a a delegation \U0001F30D.\n\n\u00dcn\u00efcode again ,and the the end.\n')
    path = os.path.join(tmp, 'a.txt')
    write(path, text)
    uri = file_uri(path)
    want16 = as_lsp(cli_findings(path), text)
    # UTF-16 (the default): surrogate pairs count twice
    s, init = start_server(tmp)
    s.open(uri, text)
    expect(as_tuples(s.settled(uri, 1)) == want16, 'UTF-16 positions')
    expect(s.stop() == 0, 'exit status')
    # UTF-8 when offered
    s, init = start_server(tmp, capabilities={
        'general': {'positionEncodings': ['utf-32', 'utf-8', 'utf-16']}})
    expect(init['capabilities']['positionEncoding'] == 'utf-8', init)
    s.open(uri, text)
    got = as_tuples(s.settled(uri, 1))
    lines = text.splitlines()
    want8 = []
    for f in cli_findings(path, '--column-unit=byte'):
        want8.append((f['rule'], f['message'], SEVERITY[f['severity']],
                      (f['line'] - 1, f['column'] - 1), (f['end_line'] - 1, f['end_column'] - 1)))
    expect(got == sorted(want8), f'UTF-8 positions: {got} {sorted(want8)}')
    # an incremental edit in bytes: delete the second "the " on line 3
    col = len(lines[2].encode()[:lines[2].encode().index(b'the the') + 4])
    s.change(uri, 2, [{'range': {'start': {'line': 2, 'character': col},
                                 'end': {'line': 2, 'character': col + 4}}, 'text': ''}])
    got = s.settled(uri, 2)
    expect(len([d for d in got if d['code'] == 'repeated-word']) == 2,
           f'UTF-8 edit: {got}')
    expect(s.stop() == 0, 'exit status')


def check_sync(tmp):
    project(tmp)
    uri = file_uri(os.path.join(tmp, 'a.txt'))
    s, _ = start_server(tmp)
    s.open(uri, 'It is one line.\r\nIt has two lines.\rIt has the the lines.\n')
    d = s.settled(uri, 1)
    expect([(x['code'], x['range']['start']) for x in d] ==
           [('repeated-word', {'line': 2, 'character': 7})], f'line ends: {d}')
    # whole-text and incremental changes in one notification, in order
    s.change(uri, 2, [{'text': 'It is here.\n'},
                      {'range': {'start': {'line': 0, 'character': 5},
                                 'end': {'line': 0, 'character': 5}}, 'text': ' the the'},
                      {'range': {'start': {'line': 9, 'character': 0},
                                 'end': {'line': 9, 'character': 99}},
                       'text': 'It is there.\n'}])
    d = s.settled(uri, 2)
    expect([x['message'] for x in d] == ["repeated word 'the'"], f'changes: {d}')
    # a burst of edits: only the last version is published
    burst = []
    for v in range(3, 23):
        body = json.dumps({'jsonrpc': '2.0', 'method': 'textDocument/didChange', 'params': {
            'textDocument': {'uri': uri, 'version': v},
            'contentChanges': [{'text': 'It is the the one, %d.\n' % v}]}}).encode()
        burst.append(b'Content-Length: %d\r\n\r\n' % len(body) + body)
    s.raw(b''.join(burst))
    seen = []
    d = s.wait_for(lambda m: m.get('method') == 'textDocument/publishDiagnostics'
                   and m['params'].get('version') == 22, keep=seen)
    early = [m['params'].get('version') for m in seen
             if m.get('method') == 'textDocument/publishDiagnostics']
    expect(early == [], f'older versions were published: {early}')
    expect(len(d['params']['diagnostics']) == 1, d)
    expect(s.stop() == 0, 'exit status')


def check_preview(tmp):
    project(tmp)
    path = os.path.join(tmp, 'article.txt')
    shutil.copy(ARTICLE, path)
    text = open(path, encoding='utf-8').read()
    uri = file_uri(path)
    s, _ = start_server(tmp)
    s.open(uri, text)
    before = s.settled(uri, 1)
    m = find(before, 'mistranslation')
    line = m['range']['start']['line']

    def edit(version, rng, new):
        s.change(uri, version, [{'range': rng, 'text': new}])
        seen = []
        rid = s.request('textDocument/codeAction', {
            'textDocument': {'uri': uri}, 'range': rng, 'context': {'diagnostics': []}})
        s.wait_for(lambda x: x.get('id') == rid, keep=seen)
        pubs = [x['params'] for x in seen if x.get('method') == 'textDocument/publishDiagnostics']
        s.backlog.clear()
        expect([p['version'] for p in pubs] == [version, version],
               f'expected a preview and the whole lint of {version}: {pubs}')
        return pubs[0]['diagnostics'], pubs[1]['diagnostics']

    # a word typed before "mortgages" on its line: the finding moves with it
    at = {'line': line, 'character': 0}
    preview, whole = edit(2, {'start': at, 'end': at}, 'Indeed, ')
    moved = [d for d in preview if d['code'] == 'mistranslation']
    expect(len(moved) == 1 and moved[0]['range']['start'] ==
           {'line': line, 'character': m['range']['start']['character'] + 8},
           f'the carried finding: {moved}')
    text2 = apply_edits(text, [{'range': {'start': at, 'end': at}, 'newText': 'Indeed, '}])
    write(path, text2)
    expect(as_tuples(whole) == as_lsp(cli_findings(path), text2), 'the whole lint')
    expect(sorted(as_tuples(preview)) == sorted(as_tuples(whole)),
           'the preview differs from the whole lint where nothing slow changed')
    # the word itself replaced: the finding is dropped from the preview
    m2 = find(whole, 'mistranslation')
    preview, whole = edit(3, m2['range'], 'hostages')
    expect(not [d for d in preview + whole if d['code'] == 'mistranslation'],
           'a finding whose text changed was carried over')
    expect(s.stop() == 0, 'exit status')

    # rules that cannot be split: one publication each
    for init in ({'mtlint': {'report-unused-suppressions': True}},
                 {'mtlint': {'rules': {'mistranslation': 'off', 'disfluent-sentence': 'off'}}}):
        s, _ = start_server(tmp, initializationOptions=init)
        write(path, text)
        s.open(uri, text)
        seen = []
        rid = s.request('textDocument/codeAction', {
            'textDocument': {'uri': uri}, 'range': {'start': at, 'end': at},
            'context': {'diagnostics': []}})
        s.wait_for(lambda x: x.get('id') == rid, keep=seen)
        pubs = [x['params'] for x in seen if x.get('method') == 'textDocument/publishDiagnostics']
        expect(len(pubs) == 1, f'{init}: {len(pubs)} publications')
        args = ['--report-unused-suppressions'] if 'report-unused-suppressions' in init['mtlint'] \
            else ['--disable=mistranslation,disfluent-sentence']
        expect(as_tuples(pubs[0]['diagnostics']) == as_lsp(cli_findings(path, *args), text),
               f'{init}: differs from the command line')
        expect(s.stop() == 0, 'exit status')


def check_lifecycle(tmp):
    s = Server(mtlint, cwd=tmp)
    r = s.response(s.request('textDocument/codeAction', {}))
    expect(r['error']['code'] == -32002, f'before initialize: {r}')
    s.notify('textDocument/didOpen', {'textDocument': {
        'uri': 'file:///x.txt', 'languageId': 'plaintext', 'version': 1, 'text': 'the the'}})
    s.initialize()
    r = s.response(s.request('initialize', {'capabilities': {}}))
    expect(r['error']['code'] == -32600, f'initialize twice: {r}')
    r = s.response(s.request('textDocument/hover', {}))
    expect(r['error']['code'] == -32601, f'unknown method: {r}')
    r = s.response(s.request('$/mtlint/unknown', {}))
    expect(r['error']['code'] == -32601, f'$/ request: {r}')
    s.notify('$/setTrace', {'value': 'off'})
    s.notify('textDocument/unknown', {})
    rid = s.request('textDocument/codeAction', {'textDocument': {'uri': 'file:///x.txt'},
                                                'range': {'start': {'line': 0, 'character': 0},
                                                          'end': {'line': 0, 'character': 0}},
                                                'context': {'diagnostics': []}})
    seen = []
    r = s.wait_for(lambda m: m.get('id') == rid, keep=seen)
    expect(r['result'] == [], f'a document opened before initialize: {r}')
    expect(not [m for m in seen if 'id' in m or
                m.get('method') == 'textDocument/publishDiagnostics'],
           f'unexpected messages: {seen}')
    expect(s.call('shutdown') is None, 'shutdown')
    r = s.response(s.request('textDocument/codeAction', {}))
    expect(r['error']['code'] == -32600, f'after shutdown: {r}')
    s.notify('exit')
    expect(s.p.wait(timeout=60) == 0, 'exit after shutdown')
    # exit without shutdown: 1; end of input without exit: 1
    s = Server(mtlint, cwd=tmp)
    s.initialize()
    s.notify('exit')
    expect(s.p.wait(timeout=60) == 1, 'exit without shutdown')
    s = Server(mtlint, cwd=tmp)
    s.initialize()
    s.p.stdin.close()
    expect(s.p.wait(timeout=60) == 1, 'end of input')


def frame(body, length=None):
    if isinstance(body, str):
        body = body.encode()
    return b'Content-Length: %d\r\n\r\n' % (len(body) if length is None else length) + body


def req(rid, method, params=None):
    m = {'jsonrpc': '2.0', 'id': rid, 'method': method}
    if params is not None:
        m['params'] = params
    return json.dumps(m)


def note(method, params):
    return json.dumps({'jsonrpc': '2.0', 'method': method, 'params': params})


def bad_cases(doc_uri):
    """(name, bytes, the responses they must get), responses being
    (error code or 'result', id). Ids are unique per call."""
    n = [0]

    def rid():
        n[0] += 1
        return 'bad-%d' % n[0]
    probe_range = {'start': {'line': 0, 'character': 0}, 'end': {'line': 0, 'character': 0}}
    cases = [
        ('truncated header', lambda: (b'Content-Length: 4', [(-32700, None)])),
        ('header cut short', lambda: (b'Content-Len\r\n\r\n{}', [(-32700, None)])),
        ('no length', lambda: (b'Content-Type: application/json\r\n\r\n{}', [(-32700, None)])),
        ('huge length digits', lambda: (b'Content-Length: 99999999999999999999\r\n\r\n{}',
                                        [(-32700, None)])),
        ('length too short', lambda: (frame(req(rid(), 'x/y'), 10), [(-32700, None), (-32700, None)])),
        ('length too long', lambda: (lambda b: (frame(b, len(b) + 30) + b'x' * 30,
                                                [(-32700, None)]))(req(rid(), 'x/y'))),
        ('not JSON', lambda: (frame('{'), [(-32700, None)])),
        ('cut JSON', lambda: (frame('[1,2'), [(-32700, None)])),
        ('bad literal', lambda: (frame('nul'), [(-32700, None)])),
        ('missing value', lambda: (frame('{"jsonrpc":"2.0","id":1,"method":}'), [(-32700, None)])),
        ('invalid UTF-8', lambda: (frame(b'{"jsonrpc":"2.0","method":"\xff\xfe"}'), [(-32700, None)])),
        ('lone surrogate', lambda: (frame('{"jsonrpc":"2.0","method":"\\ud800"}'), [(-32700, None)])),
        ('deep nesting', lambda: (frame('[' * 100000), [(-32700, None)])),
        ('batch', lambda: (frame('[]'), [(-32600, None)])),
        ('a number', lambda: (frame('42'), [(-32600, None)])),
        ('JSON-RPC 1.0', lambda: (lambda i: (frame('{"jsonrpc":"1.0","id":"%s","method":"x"}' % i),
                                             [(-32600, i)]))(rid())),
        ('object id', lambda: (frame('{"jsonrpc":"2.0","id":{"a":1},"method":"x"}'), [(-32600, None)])),
        ('string params', lambda: (lambda i: (frame(req(i, 'textDocument/codeAction', 'x')),
                                              [(-32600, i)]))(rid())),
        ('no method', lambda: (lambda i: (frame('{"jsonrpc":"2.0","id":"%s"}' % i),
                                          [(-32600, i)]))(rid())),
        ('a response', lambda: (frame('{"jsonrpc":"2.0","id":10,"result":null}'), [])),
        ('unknown request', lambda: (lambda i: (frame(req(i, 'foo/bar', {})), [(-32601, i)]))(rid())),
        ('unknown $/ request', lambda: (lambda i: (frame(req(i, '$/foo', {})), [(-32601, i)]))(rid())),
        ('unknown notification', lambda: (frame(note('foo/bar', {})), [])),
        ('initialize again', lambda: (lambda i: (frame(req(i, 'initialize', {'capabilities': {}})),
                                                 [(-32600, i)]))(rid())),
        ('codeAction without a range', lambda: (lambda i: (frame(req(i, 'textDocument/codeAction', {})),
                                                           [(-32602, i)]))(rid())),
        ('unknown command', lambda: (lambda i: (frame(req(i, 'workspace/executeCommand',
                                                          {'command': 'rm -rf'})),
                                                [(-32602, i)]))(rid())),
        ('addWord without a word', lambda: (lambda i: (frame(req(i, 'workspace/executeCommand',
                                                                 {'command': 'mtlint.addWord',
                                                                  'arguments': [{}]})),
                                                       [(-32602, i)]))(rid())),
        ('addWord for a document not open', lambda: (lambda i: (frame(req(
            i, 'workspace/executeCommand', {'command': 'mtlint.addWord', 'arguments': [
                {'uri': 'file:///', 'word': 'zz'}]})), [(-32602, i)]))(rid())),
        ('codeAction on a document never opened', lambda: (lambda i: (frame(req(
            i, 'textDocument/codeAction', {'textDocument': {'uri': 'file:///nowhere.txt'},
                                           'range': probe_range, 'context': {'diagnostics': []}})),
            [('result', i)]))(rid())),
        ('didChange before didOpen', lambda: (frame(note('textDocument/didChange', {
            'textDocument': {'uri': 'file:///nowhere.txt', 'version': 2},
            'contentChanges': [{'text': 'the the'}]})), [])),
        ('didClose before didOpen', lambda: (frame(note('textDocument/didClose', {
            'textDocument': {'uri': 'file:///nowhere.txt'}})), [])),
        ('didSave before didOpen', lambda: (frame(note('textDocument/didSave', {
            'textDocument': {'uri': 'file:///nowhere.txt'}})), [])),
        ('didOpen with a number for text', lambda: (frame(note('textDocument/didOpen', {
            'textDocument': {'uri': 'file:///n.txt', 'languageId': 'plaintext',
                             'version': 1, 'text': 42}})), [])),
        ('didOpen without a document', lambda: (frame(note('textDocument/didOpen', {})), [])),
        ('a bad change', lambda: (frame(note('textDocument/didChange', {
            'textDocument': {'uri': doc_uri, 'version': 1},
            'contentChanges': [{'range': {'start': 'x'}, 'text': 'y'}, 7]})), [])),
    ]
    return cases


def huge_cases(tmp):
    big = ('The talks went on. ' * 330000)  # about 6 MB
    uri = file_uri(os.path.join(tmp, 'huge.txt'))
    return [
        ('huge document', lambda: (frame(note('textDocument/didOpen', {
            'textDocument': {'uri': uri, 'languageId': 'plaintext', 'version': 1,
                             'text': big}})) +
            frame(note('textDocument/didChange', {
                'textDocument': {'uri': uri, 'version': 2},
                'contentChanges': [{'text': big + 'More.'}]})) +
            frame(note('textDocument/didClose', {'textDocument': {'uri': uri}})), [])),
        ('message over the limit', lambda: (b'Content-Length: %d\r\n\r\n' % (70 << 20) +
                                            b' ' * (70 << 20), [(-32600, None)])),
        ('huge invalid JSON', lambda: (frame(b'{"a":"' + b'x' * (8 << 20)), [(-32700, None)])),
    ]


def rss_kb(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


def check_bad_input(tmp):
    project(tmp)
    path = os.path.join(tmp, 'article.txt')
    shutil.copy(ARTICLE, path)
    text = open(path, encoding='utf-8').read()
    uri = file_uri(path)
    s, _ = start_server(tmp)
    s.open(uri, text)
    want = as_tuples(s.settled(uri, 1))
    probes = [0]

    def run(name, data, expected):
        probes[0] += 1
        pid = 'probe-%d' % probes[0]
        s.raw(data + frame(req(pid, 'textDocument/codeAction', {
            'textDocument': {'uri': uri}, 'range': {'start': {'line': 18, 'character': 178},
                                                    'end': {'line': 18, 'character': 178}},
            'context': {'diagnostics': []}})))
        got = []
        r = s.wait_for(lambda m: m.get('id') == pid, keep=got)
        responses = [((m['error']['code'] if 'error' in m else 'result'), m.get('id'))
                     for m in got if 'method' not in m]
        s.backlog.clear()
        expect(responses == expected, f'{name}: answered {responses}, expected {expected}')
        expect('result' in r and any(a['title'] == "Replace with 'hostages'" for a in r['result']),
               f'{name}: the server no longer answers properly: {r}')

    def handled():
        """Returns once the server has finished with every message before:
        it reads, answers and then gives memory back a batch at a time, so
        a request answered in the next batch means the last one is done."""
        s.call('textDocument/codeAction', {
            'textDocument': {'uri': 'file:///never-opened.txt'},
            'range': {'start': {'line': 0, 'character': 0},
                      'end': {'line': 0, 'character': 0}},
            'context': {'diagnostics': []}})

    cases, huge = bad_cases(uri), huge_cases(tmp)
    for name, make in cases:  # once to warm up what stays allocated
        run(name, *make())
    handled()
    base = rss_kb(s.p.pid)
    sent = 0
    while sent < 200:
        for name, make in cases + (huge if sent % 100 < len(cases) else []):
            if sent == 200:
                break
            run(name, *make())
            sent += 1
    handled()
    after = rss_kb(s.p.pid)
    print(f'resident memory: {base} kB after warming up, {after} kB after {sent} bad messages')
    # the document is still linted as before
    s.change(uri, 2, [{'range': {'start': {'line': 0, 'character': 0},
                                 'end': {'line': 0, 'character': 0}}, 'text': ''}])
    expect(as_tuples(s.settled(uri, 2)) == want, 'the diagnostics changed')
    if not os.environ.get('MTLINT_SANITIZED'):
        # Within 4 MB: less than the 6 MB document opened and closed twice
        # (without giving memory back after it, the server grows by 8 MB).
        expect(after - base < 4096, f'memory grew from {base} kB to {after} kB')
    expect(s.stop() == 0, 'exit status')


checks = {'session': check_session, 'words': check_words, 'markdown': check_markdown,
          'baseline': check_baseline, 'settings': check_settings,
          'encoding': check_encoding, 'sync': check_sync, 'preview': check_preview,
          'lifecycle': check_lifecycle,
          'bad-input': check_bad_input}
with tempfile.TemporaryDirectory(prefix='mtlint-lsp-') as tmp:
    checks[sys.argv[1]](os.path.realpath(tmp))
print('ok', sys.argv[1])
