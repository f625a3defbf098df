#!/usr/bin/env python3
"""Precision/recall curve of the slot-fit evidence for `mistranslation`.

Reads tools/mt_slotfit dumps of the clean corpus and of a development set
made by tools/mt_devset, and prints, per split, for a ladder of threshold
rules (strictest first), how many damaged slots a rule finds with the right
key term (class key-term and pivot) and how many once-used nouns of the
clean corpus it flags (each one a false finding, or a real error in the
source). A rule flags a noun N with key term K when all hold:

    rank_n < RANK        N is a common word (a translation engine writes
                         common words; the vectors and the model know them)
    cos < 0.15           K is unrelated to N (not a near-synonym)
    ctx_n < CTX          N does not fit its own context
    ctx_k - ctx_n > D    K fits that context clearly better
    lm - (uni_k - uni_n) > LM
                         the sentence reads better with K, beyond K's
                         commonness
    nb_n < NB            nothing in the document relates to N
    l1 + r1 + win >= SH  K's other uses share a neighbour with N's slot

usage: mt_slotfit_curve.py --clean CLEAN.tsv --clean-root tests/clean/texts
           --dev DEV.tsv --gold DEVDIR/gold.jsonl --split tests/clean/split.tsv
The dumps must be made from inside the roots (names relative to them).
"""
import argparse
import json
import os

COLS = ('file start noun key key_uses cos lm uni_n uni_k ctx_n ctx_k top_n '
        'top_k nb_n sgain nctx l1 r1 l2 r2 win shs occ rank_n rank_k').split()
NUM = COLS[4:]

# (RANK, CTX, D, LM, NB, SH), strictest first; chosen on the calibration split.
LADDER = [
    (10000, 0.00, 0.35, 1.5, 0.40, 1),
    (10000, 0.00, 0.25, 1.5, 0.45, 1),
    (10000, 0.00, 0.25, 1.5, 0.45, 0),
    (20000, 0.00, 0.25, 1.5, 0.45, 1),
    (20000, 0.00, 0.35, 1.5, 0.40, 0),
    (20000, 0.00, 0.25, 1.5, 0.45, 0),
    (30000, 0.00, 0.25, 1.0, 0.50, 0),
    (30000, 0.10, 0.15, -0.5, 0.60, 0),
    (50000, 0.15, 0.15, -1.0, 1.00, 0),
]


def loose(d):
    """The loosest rule of the ladder, to keep only rows that can matter."""
    return (d['cos'] < 0.15 and d['rank_n'] < 50000 and d['ctx_n'] < 0.15 and
            d['ctx_k'] - d['ctx_n'] > 0.15 and
            d['lm'] - (d['uni_k'] - d['uni_n']) > -1.0)


def rows(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            v = line.rstrip('\n').split('\t')
            if v[0] == 'MTTRACE':  # the same columns with a prefix
                v = v[1:]
            if v[0] == 'file' or len(v) != len(COLS):
                continue
            d = dict(zip(COLS, v))
            d['file'] = d['file'][2:] if d['file'].startswith('./') else d['file']
            d['start'] = int(d['start'])
            try:
                for c in NUM:
                    d[c] = float(d[c])
            except ValueError:
                continue
            if d['ctx_n'] != d['ctx_n'] or d['ctx_k'] != d['ctx_k']:
                continue  # NaN: no context
            if loose(d):
                yield d


def passes(d, rule):
    rank, ctx, dctx, lm, nb, sh = rule
    return (d['rank_n'] < rank and d['cos'] < 0.15 and d['ctx_n'] < ctx and
            d['ctx_k'] - d['ctx_n'] > dctx and
            d['lm'] - (d['uni_k'] - d['uni_n']) > lm and d['nb_n'] < nb and
            d['l1'] + d['r1'] + d['win'] >= sh)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--clean', required=True)
    ap.add_argument('--clean-root', required=True)
    ap.add_argument('--dev', required=True)
    ap.add_argument('--gold', required=True)
    ap.add_argument('--split', required=True)
    a = ap.parse_args()

    split = {}
    with open(a.split, encoding='utf-8') as f:
        for line in f:
            p, s = line.rstrip('\n').split('\t')
            split[p.split('/', 1)[1]] = s
    words = {}
    for p, s in split.items():
        with open(os.path.join(a.clean_root, p), encoding='utf-8') as f:
            words[s] = words.get(s, 0) + len(f.read().split())
    gold = {}
    total = {}
    with open(a.gold, encoding='utf-8') as f:
        for line in f:
            g = json.loads(line)
            s = split.get(g['doc'], '?')
            gold[(g['file'], g['start'])] = (g['class'], g['fix'], s)
            total[(s, g['class'])] = total.get((s, g['class']), 0) + 1
    pos = []
    for d in rows(a.dev):
        g = gold.get((d['file'], d['start']))
        if g and d['key'] == g[1]:
            d['cls'], d['split'] = g[0], g[2]
            pos.append(d)
    neg = []
    for d in rows(a.clean):
        d['split'] = split.get(d['file'], '?')
        neg.append(d)

    print('rule (rank, ctx_n, ctx gain, lm, nb_n, shared)  per split: '
          'key-term found/total, pivot found/total, clean nouns flagged '
          '(per 10,000 words)')
    for rule in LADDER:
        out = []
        for s in ('calibration', 'held-out'):
            for cls in ('key-term', 'pivot'):
                hit = {(d['file'], d['start']) for d in pos
                       if d['split'] == s and d['cls'] == cls and passes(d, rule)}
                out.append('%s %d/%d' % (cls, len(hit), total.get((s, cls), 0)))
            fp = {(d['file'], d['start']) for d in neg
                  if d['split'] == s and passes(d, rule)}
            out.append('clean %d (%.2f)' % (len(fp), 1e4 * len(fp) / words[s]))
        print(rule, '  cal:', ', '.join(out[:3]), '  held-out:', ', '.join(out[3:]))


if __name__ == '__main__':
    main()
