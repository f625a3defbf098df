#!/usr/bin/env python3
"""Check (f): sentence-level language-model features, as disfluent-sentence
computes them (names, numbers, unknown words and the word after an unknown
one left out), swept over thresholds.

    checks_lm.py --work DIR --data MLQE_DIR

For each feature and threshold: dev sentences flagged, the share with a BAD
token (a sentence-wide finding's precision), how many mtlint does not flag
today, and sentences flagged per 1,000 words of clean prose and of the
dev post-edits (the same sentences after a human corrected them).

Features: mean  mean log10 P per word; limit  mean minus disfluent-sentence's
length-dependent floor (negative = the rule's mean test fires); ctx  mean of
log10 P(word | context) - log10 P(word): how much the context helps; run
the worst sum of that over three consecutive words; swap  the best gain from
swapping two adjacent words.
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mtqe  # noqa: E402

UNK, NAME, NUM = 1, 2, 4


def features(s):
    us = s.units
    cnt = [(k, u) for k, u in enumerate(us)
           if not u[6] & (UNK | NAME | NUM) and not (k and us[k - 1][6] & UNK)]
    n = len(cnt)
    if n < 5:
        return None
    lps = [u[3] for _, u in cnt]
    ctx = [u[3] - u[4] for _, u in cnt]
    mean = sum(lps) / n
    run = 0.0
    for i in range(2, n):
        if cnt[i][0] - cnt[i - 2][0] == 2:
            run = min(run, sum(ctx[i - 2:i + 1]))
    swap = max([u[7] for k, u in cnt if k + 1 < len(us) and not us[k + 1][6] & (UNK | NAME | NUM)]
               or [0.0])
    return {"mean": mean, "limit": mean - (-3.6 - 5.0 / math.sqrt(n)),
            "ctx": sum(ctx) / n, "run": run, "swap": swap}


SWEEPS = [("mean", [-4.5, -4.2, -4.0, -3.8], -1), ("limit", [0.0, 0.25, 0.5], -1),
          ("ctx", [-0.2, -0.1, 0.0, 0.1, 0.2], -1), ("run", [-3.5, -3.0, -2.5, -2.0], -1),
          ("swap", [4.2, 3.5, 3.0, 2.5], 1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--pairs", nargs="*", default=mtqe.DEV)
    a = ap.parse_args()
    names = a.pairs + ["clean-" + c for c in mtqe.CLEAN + mtqe.PE]
    C = mtqe.load_corpora(os.path.join(a.work, "dump"), a.data,
                          os.path.join(a.work, "clean"), names)
    before = set()
    for p in a.pairs:
        for l, *_ in mtqe.mtlint_findings(os.path.join(a.work, "base", p + ".jsonl"), C[p]):
            before.add((p, l))
    rows = []
    for name, c in C.items():
        for s in c.sents:
            f = features(s)
            if f is None:
                continue
            bad = any(c.tags[s.line][k] == "BAD" for t in s.toks for k in t.ds) \
                if c.labels else None
            rows.append((name, s.line, f, bad))
    cw = sum(C[c].n_words for c in mtqe.CLEAN)
    pw = sum(C[c].n_words for c in mtqe.PE)
    mw = sum(C[p].n_words for p in a.pairs)
    print(f"dev words {mw}, clean words {cw}, post-edit words {pw}")
    for key, ths, sign in SWEEPS:
        print(f"feature {key}")
        for th in ths:
            sel = [r for r in rows if (r[2][key] < th if sign < 0 else r[2][key] > th)]
            lab = [r for r in sel if r[3] is not None]
            cl = [r for r in sel if r[0] in mtqe.CLEAN]
            pe = [r for r in sel if r[0] in mtqe.PE]
            new = {(r[0], r[1]) for r in lab} - before
            p = sum(r[3] for r in lab) / len(lab) if lab else 0
            print(f"  {'<' if sign < 0 else '>'}{th:6.2f}  dev {len(lab):4d} ({1000 * len(lab) / mw:.2f}/kw) "
                  f"P {p:.3f} new {len(new):4d}   clean {len(cl):4d} ({1000 * len(cl) / cw:.2f}/kw)"
                  f"   post-edits {len(pe):4d} ({1000 * len(pe) / pw:.2f}/kw)")


if __name__ == "__main__":
    main()
