#!/usr/bin/env python3
"""Scores a plan: today's mtlint findings with proposed removals, plus the
findings of new checks, by the MLQE-PE score.py definitions (finding
precision, sentences flagged), per pair, pooled, and per rule; and the new
checks' findings on clean prose.

    plan.py --work DIR --data MLQE_DIR [--pairs ...] [--remove R1,R2] [--add c1,c2]

Removals are tests on today's findings (see REMOVALS); additions are checks
from run.py's table. An added finding on text that a kept finding already
covers is dropped (the new check would be a branch of that rule); so is one
on clean prose that mtlint already flags there.
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mtqe  # noqa: E402
from run import all_checks  # noqa: E402


def _cap_beside_cap(f, text):
    span = text[f[1]:f[2]]
    if not span[:1].isupper():
        return False
    nxt = text[f[2]:].lstrip()
    prv = text[:f[1]].rstrip()
    return nxt[:1].isupper() or (bool(prv) and prv.split()[-1][:1].isupper())


def _first(f, text):
    m = re.search(r"\w", text)
    return m is not None and m.start() == f[1] and text[f[1]:f[2]][:1].isupper()


# name -> (rule, test(finding, line text)); a finding is (line, c0, c1, rule, msg)
REMOVALS = {
    "names-beside-names": ("spelling", _cap_beside_cap),
    "names-opening": ("spelling", _first),
    "paren-unopened": ("unbalanced-quotes",
                       lambda f, t: t[f[1]:f[2]] == ")" and "(" not in t[:f[1]]),
    "quote-other-line": ("unbalanced-quotes", lambda f, t: "from line" in f[4]),
    "wiki-brackets": ("unbalanced-quotes", lambda f, t: t[f[1]:f[2]].startswith("[")),
    "short-verbless": ("fragment",
                       lambda f, t: "has no verb" in f[4] and len(t.split()) <= 6),
}


def score(corpora, findings):
    """findings: list of (pair, line, c0, c1, rule). -> dict of stats."""
    per = collections.defaultdict(lambda: {"n": 0, "bad": 0, "sents": set()})
    for p, l, c0, c1, rule in findings:
        bad, _ = corpora[p].hit(l, c0, c1)
        for k in (p, "ALL", "rule:" + rule):
            per[k]["n"] += 1
            per[k]["bad"] += bad
            per[k]["sents"].add((p, l))
    return per


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--pairs", nargs="*", default=mtqe.DEV)
    ap.add_argument("--clean", nargs="*", default=mtqe.CLEAN)
    ap.add_argument("--remove", default="")
    ap.add_argument("--add", default="")
    ap.add_argument("--base", default="base", help="subdirectory of mtlint findings")
    a = ap.parse_args()
    names = a.pairs + ["clean-" + c for c in a.clean]
    corpora = mtqe.load_corpora(os.path.join(a.work, "dump"), a.data,
                                os.path.join(a.work, "clean"), names)
    removals = [REMOVALS[r] for r in a.remove.split(",") if r]
    kept, removed = [], collections.Counter()
    covered = collections.defaultdict(set)      # (pair, line) -> code points
    for p in a.pairs:
        c = corpora[p]
        for f in mtqe.mtlint_findings(os.path.join(a.work, a.base, p + ".jsonl"), c):
            text = c.lines_b[f[0]].decode("utf-8")
            if any(rule == f[3] and test(f, text) for rule, test in removals):
                removed[f[3]] += 1
                continue
            kept.append((p, f[0], f[1], f[2], f[3]))
            covered[(p, f[0])].update(range(f[1], f[2]))
    for cname in a.clean:       # what mtlint flags in clean prose today
        path = os.path.join(a.work, "base", "clean-" + cname + ".jsonl")
        if os.path.exists(path):
            for l, c0, c1, *_ in mtqe.mtlint_findings(path, corpora[cname]):
                covered[(cname, l)].update(range(c0, c1))
    checks = all_checks(a.work)
    added, clean = [], collections.Counter()
    for n in [x for x in a.add.split(",") if x]:
        for f in mtqe.run_check(checks[n], corpora):
            if covered[(f.corpus, f.line)] & set(range(f.c0, f.c1)):
                continue
            covered[(f.corpus, f.line)].update(range(f.c0, f.c1))
            if f.bad is None:
                clean[n] += 1
                continue
            added.append((f.corpus, f.line, f.c0, f.c1, n))
    base = score(corpora, [(p, l, c0, c1, r) for p, l, c0, c1, r in
                           [(p, f[0], f[1], f[2], f[3]) for p in a.pairs for f in
                            mtqe.mtlint_findings(os.path.join(a.work, a.base, p + ".jsonl"),
                                                 corpora[p])]])
    new = score(corpora, kept + added)
    cw = sum(corpora[c].n_words for c in a.clean)
    print(f"removed: {dict(removed)}")
    print(f"{'':24} {'today':>22}   {'plan':>22}")
    print(f"{'':24} {'finds':>6} {'findP':>6} {'sents':>6}   {'finds':>6} {'findP':>6} {'sents':>6}")
    keys = a.pairs + ["ALL"] + sorted({k for k in list(base) + list(new) if k.startswith("rule:")})
    for k in keys:
        row = f"{k:24}"
        for d in (base, new):
            x = d.get(k)
            if not x or not x["n"]:
                row += f" {'-':>6} {'-':>6} {'-':>6}  "
            else:
                row += f" {x['n']:6d} {x['bad'] / x['n']:6.3f} {len(x['sents']):6d}  "
        print(row)
    for n, v in clean.items():
        print(f"clean prose: {n} {v} findings, {1000 * v / cw:.3f} per 1,000 words ({cw} words)")


if __name__ == "__main__":
    main()
