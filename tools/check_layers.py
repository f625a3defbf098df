#!/usr/bin/env python3
"""Checks that src/ is layered as HACKING.md says: every file depends only
on its own folder and the folders below it, and no two files depend on each
other, whether by #include or by calling (the linker's view).

    check_layers.py SOURCE_ROOT [LIBRARY.a [CLI_OBJECTS...]]

Includes are read from the sources. Calls come from `nm` on the built
library (and the command line's object files): a symbol one object file
uses and another defines is an edge between their source files. Prints
each violation; exits 1 if there is any.
"""
import os
import re
import subprocess
import sys

# Bottom to top. A folder may use itself and the folders before it.
STAGES = ['base', 'text', 'lang', 'findings', 'rules', 'lint', 'cli']
# The command line is a front end: the public API, base/ utilities and
# its own files, nothing else of the library's insides.
CLI_MAY_INCLUDE = {'base', 'cli'}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def stage_of(path):
    parts = path.split('/')
    return parts[1] if len(parts) > 2 and parts[0] == 'src' else None


def sources(root):
    for folder in STAGES:
        d = os.path.join(root, 'src', folder)
        for name in sorted(os.listdir(d)):
            if name.endswith(('.c', '.h', '.def')):
                yield 'src/' + folder + '/' + name


def include_edges(root):
    edges = {}
    for path in sources(root):
        with open(os.path.join(root, path), encoding='utf-8') as f:
            text = f.read()
        deps = set()
        for inc in INCLUDE.findall(text):
            if inc.startswith('mtlint'):
                continue  # the public headers
            if '/' in inc:
                deps.add('src/' + inc)
            else:  # a header of the same folder
                deps.add(os.path.dirname(path) + '/' + inc)
        edges[path] = deps
    return edges


def public_names(root):
    names = set()
    inc = os.path.join(root, 'include')
    for name in os.listdir(inc):
        if name.endswith('.h'):
            with open(os.path.join(inc, name), encoding='utf-8') as f:
                names |= set(re.findall(r'\b(mtl_\w+)\s*\(', f.read()))
    return names


def nm_edges(objects, public):
    """file -> files whose symbols it uses, from nm's view of objects. The
    command line's calls into the library count only when they go past the
    public API."""
    defined, used = {}, {}
    out = subprocess.run(['nm', '-A', '--no-sort'] + objects, check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        m = re.match(r'(?:.*:)?(?:.*/)?src_(\w+?)_(\w+\.c)\.o:\s*'
                     r'(?:[0-9a-f]+)?\s+([A-Za-z])\s+(\S+)$', line)
        if not m:
            continue
        src = 'src/%s/%s' % (m.group(1), m.group(2))
        kind, sym = m.group(3), m.group(4)
        if kind == 'U':
            used.setdefault(src, set()).add(sym)
        elif kind.isupper():
            defined[sym] = src
    edges = {}
    for src, syms in used.items():
        if stage_of(src) == 'cli':
            syms = {s for s in syms if s not in public or
                    stage_of(defined.get(s, '')) == 'cli'}
        edges[src] = {defined[s] for s in syms if s in defined and defined[s] != src}
    return edges


def cycles(edges):
    """Strongly connected components with more than one file (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in list(edges):
        if v not in index:
            visit(v)
    return out


def check(edges, what):
    bad = []
    for src, deps in sorted(edges.items()):
        s = stage_of(src)
        for dep in sorted(deps):
            d = stage_of(dep)
            if d is None or s is None:
                continue
            if STAGES.index(d) > STAGES.index(s):
                bad.append(f'{what}: {src} uses {dep}, a later stage')
            elif s == 'cli' and d not in CLI_MAY_INCLUDE:
                bad.append(f'{what}: {src} uses {dep}; the command line uses '
                           'the public API, base/ and its own files only')
            elif s == d == 'rules' and src.endswith('.c') and dep.endswith('.c'):
                bad.append(f'{what}: rule {src} uses rule {dep}')
    for comp in cycles(edges):
        bad.append(f'{what}: a cycle between ' + ', '.join(comp))
    return bad


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    bad = check(include_edges(root), 'include')
    if len(sys.argv) > 2:
        bad += check(nm_edges(sys.argv[2:], public_names(root)), 'call')
    for b in bad:
        print(b)
    if bad:
        sys.exit(1)
    print('layers ok: ' + ' -> '.join(STAGES))


main()
