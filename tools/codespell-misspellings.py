#!/usr/bin/env python3
"""Builds misspellings.tsv, common misspellings and their corrections.

usage: tools/codespell-misspellings.py DICTIONARY.txt... OUT.tsv

Reads codespell's dictionary files (Debian package `codespell`,
codespell_lib/data/dictionary.txt: lines `misspelling->correction, other,`)
and writes `misspelling<TAB>correction,other` for each misspelling of lower
-case ASCII letters, sorted by its bytes so that the linter can search the
file as it loads it. Corrections with spaces ("a lot") or apostrophes
("don't") are kept: they are suggestions. The data is GPL-2 in Debian, so
the table is generated at build time and never committed; with no input
file it is empty (only a comment).
"""
import os
import re
import sys

WORD = re.compile(r"^[a-z]+$")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: codespell-misspellings.py DICTIONARY.txt... OUT.tsv")
    *inputs, out = sys.argv[1:]
    table = {}
    for path in inputs:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                wrong, sep, right = line.strip().partition("->")
                if not sep or not WORD.match(wrong):
                    continue
                fixes = [c.strip() for c in right.split(",") if c.strip()]
                fixes = [c for c in fixes if "\t" not in c and c != wrong]
                if fixes and wrong not in table:
                    table[wrong] = fixes
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# codespell's dictionary (GPL-2): see README.md\n")
        for wrong in sorted(table, key=str.encode):
            f.write(f"{wrong}\t{','.join(table[wrong])}\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
