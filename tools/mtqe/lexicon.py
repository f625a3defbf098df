#!/usr/bin/env python3
"""Word facts the grammar checks need, from UD English EWT (CC BY-SA 4.0)
and the Hunspell en_US dictionary (SCOWL licence), saved as one JSON file.

    lexicon.py OUT.json EWT_TRAIN.conllu EWT_DEV.conllu [--dic en_US.dic]

Per lower-cased form: how often EWT tags it with each Penn tag (XPOS), and
for nouns how often Number=Sing / Number=Plur; per Hunspell stem its flags.
Also the tag trigram counts of EWT for the POS n-gram model (check b), in the
tagger's 28 classes (UPOS, with VERB and AUX split by Penn verb form).
"""
import collections
import json
import sys

FORMS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")


def cls(upos, xpos):
    if upos in ("VERB", "AUX"):
        f = xpos if xpos in FORMS else "VB"
        if upos == "VERB" and f == "MD":
            f = "VB"
        return upos + "/" + f
    return upos


def read_conllu(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if "-" in c[0] or "." in c[0]:
                continue
            sent.append(c)
    if sent:
        yield sent


def main():
    args = sys.argv[1:]
    dic = "/usr/share/hunspell/en_US.dic"
    if "--dic" in args:
        k = args.index("--dic")
        dic = args[k + 1]
        del args[k:k + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    out, paths = args[0], args[1:]
    xpos = collections.defaultdict(collections.Counter)
    number = collections.defaultdict(lambda: [0, 0])
    lemma = {}
    tri = collections.Counter()
    for p in paths:
        for s in read_conllu(p):
            tags = ["<s>", "<s>"]
            for c in s:
                w = c[1].lower()
                xpos[w][c[4]] += 1
                if c[3] == "NOUN":
                    feats = c[5]
                    if "Number=Sing" in feats:
                        number[w][0] += 1
                    elif "Number=Plur" in feats:
                        number[w][1] += 1
                if c[3] in ("VERB", "AUX", "NOUN"):
                    lemma.setdefault(w, c[2].lower())
                tags.append(cls(c[3], c[4]))
            tags.append("</s>")
            for i in range(2, len(tags)):
                tri[tuple(tags[i - 2:i + 1])] += 1
    stems = {}
    with open(dic, encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            line = line.strip()
            if not line:
                continue
            w, _, fl = line.partition("/")
            if w.islower():
                stems[w] = stems.get(w, "") + fl
    json.dump({"xpos": {w: dict(c) for w, c in xpos.items()},
               "number": dict(number), "lemma": lemma, "stems": stems,
               "tri": [[list(k), v] for k, v in tri.items()]},
              open(out, "w"))


if __name__ == "__main__":
    main()
