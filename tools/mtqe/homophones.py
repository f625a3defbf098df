#!/usr/bin/env python3
"""Sound-alike candidates for mtqe-dump --pairs: words with the same
pronunciation in the CMU Pronouncing Dictionary (BSD-style licence; the copy
the Debian package pocketsphinx-en-us installs).

    homophones.py cmudict-en-us.dict > homophones.tsv

Each line: word<TAB>homophone homophone ...; lower-case letter words only.
"""
import collections
import re
import sys

by_sound = collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    p = line.split()
    if len(p) < 2:
        continue
    w = re.sub(r"\(\d+\)$", "", p[0])
    if not re.fullmatch(r"[a-z]+", w):
        continue
    by_sound[" ".join(p[1:])].add(w)
out = collections.defaultdict(set)
for ws in by_sound.values():
    for w in ws:
        out[w] |= ws - {w}
for w in sorted(out):
    if out[w]:
        print(w + "\t" + " ".join(sorted(out[w])))
