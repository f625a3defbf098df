#!/usr/bin/env python3
"""Builds english-huge.tsv, the larger English word list spelling accepts.

usage: tools/scowl-huge.py [SCOWL_DIR] OUT.tsv

SCOWL_DIR is the word list directory of Debian's `scowl` package (default
/usr/share/dict/scowl), the source of the wamerican-huge and wbritish-huge
lists. Hunspell's en_US dictionary is SCOWL up to size 60; the sizes above
it hold real English that news, science and travel writing use (glial,
confounder, commis, convo) and many names (Allston, McConnell).

Read, up to size 80 (size 95 adds obsolete spellings that are the usual
misspellings: dont, ive, december): the `words` lists of English and of its
American, British (-ise and -ize) and Canadian spellings; the `words` lists
of their variant spellings (mosquitos, programing), kept apart; and the
`abbreviations` lists. Up to size 95: the `proper-names` and `upper` lists
(names, and words written with a capital), which spelling uses for
capitalised words only.

Words and abbreviations of the main spellings and capitalised words up to
size 60 are left out: Debian's en_US and en_GB Hunspell dictionaries are
made from them, and the linter asks Hunspell first. (Proper names are all
kept: the linter reads the common ones as given names.)

Each output line: the word, its smallest SCOWL size, and its kind (w: a
word, v: a variant spelling, p: a proper name, u: a word written with a
capital, a: an abbreviation), tab-separated,
sorted by the word's bytes so that the linter can search the file as it
loads it. Words with spaces or digits are left out. Without SCOWL_DIR the
list is empty (only a comment).
"""
import os
import re
import sys

SPELLINGS = ("english", "american", "british", "british_z", "canadian")
VARIANTS = ("variant_1", "variant_2", "british_variant_1",
            "british_variant_2", "canadian_variant_1", "canadian_variant_2")
# Debian's en_US and en_GB Hunspell dictionaries hold these lists up to this
# size; the linter asks Hunspell first, so those rows are left out.
HUNSPELL = 60
# list kind -> (largest size read, the kind written)
KINDS = {"words": (80, "w"), "proper-names": (95, "p"), "upper": (95, "u"),
         "abbreviations": (80, "a")}
NAME = re.compile(r"^(?P<spelling>[a-z_0-9]+)-(?P<kind>[a-z-]+)\.(?P<size>\d+)$")


def main():
    args = sys.argv[1:]
    if len(args) == 1:
        args = ["/usr/share/dict/scowl"] + args
    if len(args) != 2:
        sys.exit("usage: scowl-huge.py [SCOWL_DIR] OUT.tsv")
    src, out = args
    best = {}
    names = sorted(os.listdir(src)) if os.path.isdir(src) else []
    for name in names:
        m = NAME.match(name)
        if not m or m["kind"] not in KINDS:
            continue
        limit, kind = KINDS[m["kind"]]
        if m["spelling"] in VARIANTS and kind == "w":
            kind = "v"
        elif m["spelling"] not in SPELLINGS:
            continue
        size = int(m["size"])
        if size > limit or (size <= HUNSPELL and kind in ("w", "u", "a")):
            continue
        with open(os.path.join(src, name), encoding="utf-8",
                  errors="replace") as f:
            for line in f:
                w = line.strip()
                if not w or " " in w or "\t" in w or any(c.isdigit() for c in w):
                    continue
                key = (w, kind)
                if key not in best or size < best[key]:
                    best[key] = size
    rows = sorted(best.items(), key=lambda kv: (kv[0][0].encode(), kv[0][1]))
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# SCOWL (Kevin Atkinson): words up to size 80, names up to "
                "size 95; see README.md\n")
        for (w, kind), size in rows:
            f.write(f"{w}\t{size}\t{kind}\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
