#!/usr/bin/env python3
"""Runs candidate checks over the MLQE-PE dev pairs and clean prose and
prints, per rule: findings, finding precision, sentences flagged, sentences
not flagged by mtlint today, findings on clean prose per 1,000 words; and
samples of what each rule flags.

    run.py --work DIR [--data MLQE_DIR] [--pairs ro-en ...] [--checks a,b]
           [--samples N] [--held]

A finding on text that mtlint already flags (any rule) is left out: the new
check would be a branch of that rule. DIR holds mtqe-dump outputs (<pair>.jsonl, clean-<name>.jsonl), the clean
texts (clean/<name>.txt), mtlint's findings (base/<pair>.jsonl) and
lex.json (lexicon.py). See README.md for how to make them.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mtqe  # noqa: E402
from lex import Lex  # noqa: E402


def all_checks(work):
    import checks_grammar
    import checks_more
    import checks_pos
    lex = Lex(os.path.join(work, "lex.json"))
    c = {}
    c.update(checks_grammar.make(lex))
    c.update(checks_more.make(lex, work))
    ewt = os.path.join(work, "dump", "clean-ewt-traindev.jsonl")
    if os.path.exists(ewt):
        model = checks_pos.train(mtqe.Corpus("ewt-traindev",
                                             os.path.join(work, "clean", "ewt-traindev.txt"), ewt))
        c["pos-window"] = checks_pos.make(model, -4.0)
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", default=None)
    ap.add_argument("--pairs", nargs="*", default=mtqe.DEV)
    ap.add_argument("--clean", nargs="*", default=mtqe.CLEAN + mtqe.PE)
    ap.add_argument("--checks", default="")
    ap.add_argument("--samples", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    corpora = mtqe.load_corpora(os.path.join(a.work, "dump"), a.data,
                                os.path.join(a.work, "clean"),
                                a.pairs + ["clean-" + c for c in a.clean])
    before = set()
    for p in a.pairs:
        for l, *_ in mtqe.mtlint_findings(os.path.join(a.work, "base", p + ".jsonl"),
                                          corpora[p]):
            before.add((p, l))
    # what mtlint flags today, by code point, to drop duplicates
    covered = {}
    for name, c in corpora.items():
        path = os.path.join(a.work, "base", (name if c.labels else "clean-" + name) + ".jsonl")
        if not os.path.exists(path):
            continue
        for l, c0, c1, *_ in mtqe.mtlint_findings(path, c):
            covered.setdefault((name, l), set()).update(range(c0, c1))
    checks = all_checks(a.work)
    names = a.checks.split(",") if a.checks else list(checks)
    findings, dups = [], 0
    for n in names:
        for f in mtqe.run_check(checks[n], corpora):
            if covered.get((f.corpus, f.line), set()) & set(range(f.c0, f.c1)):
                dups += 1
                continue
            findings.append(f)
    rows, lw, cw = mtqe.summarise(findings, corpora, before)
    print(f"labelled words {lw}, clean words {cw}, pairs {' '.join(a.pairs)}; "
          f"{dups} findings on text mtlint already flags left out")
    print(mtqe.fmt_table(rows))
    words = {c.name: c.n_words for c in corpora.values() if not c.labels}
    for rule, x in rows.items():
        parts = [f"{n} {x['by_clean'].get(n, 0)} ({1000 * x['by_clean'].get(n, 0) / w:.2f}/kw)"
                 for n, w in words.items() if not n.startswith("pe-")]
        pairs = " ".join(f"{p} {x['by_pair'].get(p, 0)}" for p in a.pairs)
        print(f"  {rule:26} MT: {pairs}; clean: {', '.join(parts)}")
    if a.samples:
        rnd = random.Random(a.seed)
        by = {}
        for f in findings:
            by.setdefault((f.rule, f.bad is None), []).append(f)
        for (r, clean), fs in sorted(by.items()):
            print(f"\n=== {r} on {'clean prose' if clean else 'MT'}: {len(fs)} ===")
            for f in rnd.sample(fs, min(a.samples, len(fs))):
                print(mtqe.show(f, corpora))


if __name__ == "__main__":
    main()
