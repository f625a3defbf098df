#!/usr/bin/env python3
"""Check (e): mtlint's findings today that touch no BAD token, grouped by
rule and by the pattern behind them.

    today.py --work DIR --data MLQE_DIR [--pairs ro-en ...] [--show]

Reads DIR/base/<pair>.jsonl (mtlint --format=json on <pair>/mt.detok.txt).
The patterns are simple tests on the finding and its sentence; --show prints
every false finding under its pattern so that the grouping can be checked.
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mtqe  # noqa: E402


def pattern(rule, msg, text, c0, c1, first_word_at):
    span = text[c0:c1]
    if rule == "spelling":
        w = re.sub(r"'s$", "", span)
        if w[:1].isupper():
            if c0 == first_word_at:
                return "name opening the sentence"
            nxt = text[c1:].lstrip()
            prv = text[:c0].rstrip()
            if nxt[:1].isupper() or (prv and prv.split()[-1][:1].isupper()):
                if re.search(r"(.)\1", w):
                    return "name beside a name, doubled letter (Peeter, Aava)"
                return "name beside a name"
            return "capitalised word alone"
        if re.search(r"[A-Z]", w):
            return "mixed case"
        if len(w) <= 3:
            return "short token (ep, lvl, kum)"
        return "lower-case word the post-editor kept"
    if rule == "unbalanced-quotes":
        if "from line" in msg:
            return "quote state carried over from another line"
        if span == ")" and not re.search(r"\(", text[:c0]):
            return "closing ')' with no '(' (emoticon or list)"
        if span.startswith("["):
            return "wiki link markup '[['"
        return "other"
    if rule == "fragment":
        words = len(text.split())
        return f"verbless line, {'<= 6' if words <= 6 else '> 6'} words (caption, proverb, heading)"
    if rule == "doubled-punctuation":
        return "':.' copied from the source"
    return "other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--pairs", nargs="*", default=mtqe.DEV)
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    corpora = mtqe.load_corpora(os.path.join(a.work, "dump"), a.data,
                                os.path.join(a.work, "clean"), a.pairs)
    tot = collections.Counter()
    false = collections.Counter()
    groups = collections.defaultdict(list)
    every = collections.Counter()   # findings per (rule, pattern), true or not
    for p in a.pairs:
        c = corpora[p]
        for l, c0, c1, rule, msg in mtqe.mtlint_findings(
                os.path.join(a.work, "base", p + ".jsonl"), c):
            bad, _ = c.hit(l, c0, c1)
            tot[rule] += 1
            text = c.lines_b[l].decode("utf-8")
            fw = re.search(r"\w", text)
            pat = pattern(rule, msg, text, c0, c1, fw.start() if fw else 0)
            every[(rule, pat)] += 1
            if bad:
                continue
            false[rule] += 1
            groups[(rule, pat)].append((p, l, c0, c1, msg, text))
    print(f"{'rule':22} {'finds':>5} {'false':>5}")
    for r in sorted(tot, key=lambda r: -tot[r]):
        print(f"{r:22} {tot[r]:5d} {false[r]:5d}")
    print()
    for (r, pat), fs in sorted(groups.items(), key=lambda x: (x[0][0], -len(x[1]))):
        ex = ", ".join(sorted({f[5][f[2]:f[3]][:24] for f in fs})[:8])
        print(f"{r:20} {len(fs):3d} false of {every[(r, pat)]:3d}  {pat}: {ex}")
        if a.show:
            for p, l, c0, c1, msg, text in fs:
                print(f"      {p}:{l + 1} {text[:c0]}[[{text[c0:c1]}]]{text[c1:]}"[:220])


if __name__ == "__main__":
    main()
