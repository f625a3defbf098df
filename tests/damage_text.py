#!/usr/bin/env python3
"""Damages the word order of clean English text, the way bad machine
translation does, to measure what disfluent-sentence catches.

Reads text (paragraphs split by blank lines), splits it into sentences and
writes one sentence per paragraph, so that a linter's sentence i is input
sentence i. With --clean the sentences are written as they are; otherwise
each gets --edits damages, each one of:

  swap  two adjacent content words change places ("the talks ended
        quickly" -> "the ended talks quickly")
  drop  a function word is left out ("progress on the hostages" ->
        "progress on hostages")

Sentences with fewer than --min-words words are skipped in both modes, so
the two outputs line up. The same --seed gives the same output.
"""
import argparse
import random
import re
import sys

FUNCTION_WORDS = set("""
a an the of to in on at by for with from into about as and or but if than
that which who whom whose this these those is are was were be been being
has have had do does did will would shall should can could may might must
it its he she they we you i his her their our your my not no so
""".split())

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r'(?<=[.!?])["”’)]?\s+(?=["“‘(]?[A-Z])')


def sentences(text):
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if para:
            yield from (s for s in SENTENCE_END.split(para) if s)


def is_content(w):
    return len(w) >= 3 and w.lower() not in FUNCTION_WORDS


def damage(sent, rng, kinds, touched):
    """One damage, never at a position an earlier one touched (so a second
    swap does not undo the first)."""
    tokens = sent.split(" ")
    words = [i for i, t in enumerate(tokens) if WORD.fullmatch(t)]
    for kind in rng.sample(kinds, len(kinds)):
        if kind == "swap":
            pairs = [(a, b) for a, b in zip(words, words[1:])
                     if b == a + 1 and a not in touched and b not in touched
                     and is_content(tokens[a])
                     and is_content(tokens[b])
                     and tokens[a].lower() != tokens[b].lower()]
            if pairs:
                a, b = rng.choice(pairs)
                tokens[a], tokens[b] = tokens[b], tokens[a]
                touched.update((a, b))
                # keep the capital at the start of the sentence
                if a == 0 and tokens[b][:1].isupper() and tokens[b][1:2].islower():
                    tokens[b] = tokens[b].lower()
                    tokens[a] = tokens[a][:1].upper() + tokens[a][1:]
                return " ".join(tokens)
        else:
            drops = [i for i in words if i > 0 and i not in touched
                     and tokens[i].lower() in FUNCTION_WORDS]
            if drops:
                i = rng.choice(drops)
                del tokens[i]
                # positions after a deletion move down by one
                moved = {t - 1 if t > i else t for t in touched}
                touched.clear()
                touched.update(moved)
                return " ".join(tokens)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clean", action="store_true", help="write undamaged")
    ap.add_argument("--kind", choices=["swap", "drop", "both"], default="both")
    ap.add_argument("--edits", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-words", type=int, default=6)
    ap.add_argument("file", nargs="?", default="-")
    args = ap.parse_args()
    text = sys.stdin.read() if args.file == "-" else open(args.file, encoding="utf-8").read()
    rng = random.Random(args.seed)
    kinds = ["swap", "drop"] if args.kind == "both" else [args.kind]
    out = []
    for s in sentences(text):
        if len(WORD.findall(s)) < args.min_words:
            continue
        # damage in both modes, so that both skip the same sentences
        d, touched = s, set()
        for _ in range(args.edits):
            d = damage(d, rng, kinds, touched)
            if d is None:
                break
        if d is None:
            continue
        out.append(s if args.clean else d)
    sys.stdout.write("\n\n".join(out) + "\n")


if __name__ == "__main__":
    main()
