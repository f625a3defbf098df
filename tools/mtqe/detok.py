#!/usr/bin/env python3
"""Joins tokenised text (one sentence a line, tokens separated by spaces, as
MLQE-PE's pe.txt) back into ordinary spacing, well enough for a linter:
no space before , . ; : ! ? ) ] % and clitics ('s n't 're), none after ( [,
and straight double quotes attached on alternate sides.

    detok.py < pe.txt > pe.detok.txt
"""
import re
import sys


def detok(line):
    toks = line.split()
    out = ""
    quote_open = False
    glue_next = False
    for t in toks:
        if t == '"':
            if quote_open:
                out = out.rstrip() + '"'
            else:
                out += ('' if not out else ' ') + '"'
                glue_next = True
            quote_open = not quote_open
            continue
        if re.fullmatch(r"[,.;:!?)\]%…]+|'s|'re|'ve|'ll|'d|'m|n't|'t|'", t, re.I) or glue_next:
            out += t
        else:
            out += ('' if not out else ' ') + t
        glue_next = t in ("(", "[", "$")
    out = re.sub(r"(\w) 't\b", r"\1't", out)
    return out


for line in sys.stdin:
    print(detok(line.rstrip("\n")))
