"""Candidate check (b): a tag trigram model of edited English, trained on the
tagger's own output for UD English EWT train + dev text (so that tagging
errors look the same in training and in use), flags tag windows it finds
improbable.

The model: counts of tag trigrams, bigrams and unigrams with interpolated
absolute discounting; a window's score is log10 P(t3 | t1 t2). A finding is
the three words of a window scoring below the threshold."""
import collections
import json
import math


def tag_units(s):
    """The tagger's words of a sentence as (tag, first tok, last tok):
    hyphenated compounds joined, clitics split off."""
    out = []
    toks = s.toks
    i = 0
    while i < len(toks):
        t = toks[i]
        if not t.tag:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].b0 == toks[j].b1 and \
                toks[j + 1].tag == t.tag and (toks[j + 1].form == "-" or toks[j].form == "-"):
            j += 1
        out.append((t.tag, i, j))
        if toks[j].clitic:
            out.append((toks[j].clitic, j, j))
        i = j + 1
    return out


class TagLM:
    def __init__(self, d=0.75):
        self.d = d
        self.c3 = collections.Counter()
        self.c2 = collections.Counter()
        self.c1 = collections.Counter()
        self.ctx2 = collections.Counter()   # count of (t1, t2) as a context
        self.ctx1 = collections.Counter()
        self.n3 = collections.Counter()     # distinct continuations of a context
        self.n2 = collections.Counter()

    def add(self, tags):
        seq = ["<s>", "<s>"] + tags + ["</s>"]
        for i in range(2, len(seq)):
            self.c3[tuple(seq[i - 2:i + 1])] += 1
            self.c2[tuple(seq[i - 1:i + 1])] += 1
            self.c1[seq[i]] += 1

    def finish(self):
        for (a, b, c), n in self.c3.items():
            self.ctx2[(a, b)] += n
            self.n3[(a, b)] += 1
        for (a, b), n in self.c2.items():
            self.ctx1[a] += n
            self.n2[a] += 1
        self.total = sum(self.c1.values())

    def p(self, a, b, c):
        d = self.d
        p1 = (self.c1[c] + 1) / (self.total + len(self.c1) + 1)
        n1 = self.ctx1[b]
        p2 = p1 if not n1 else max(self.c2[(b, c)] - d, 0) / n1 + d * self.n2[b] / n1 * p1
        n2 = self.ctx2[(a, b)]
        p3 = p2 if not n2 else max(self.c3[(a, b, c)] - d, 0) / n2 + d * self.n3[(a, b)] / n2 * p2
        return math.log10(p3)


def train(corpus):
    m = TagLM()
    for s in corpus.sents:
        m.add([u[0] for u in tag_units(s)])
    m.finish()
    return m


def make(model, threshold=-3.0, skip_names=True):
    def pos_window(s):
        us = tag_units(s)
        seq = [("<s>", -1, -1)] * 2 + us + [("</s>", -1, -1)]
        best = None
        for i in range(2, len(seq)):
            (a, _, _), (b, _, _), (c, f, l) = seq[i - 2], seq[i - 1], seq[i]
            if skip_names and "PROPN" in (a, b, c) or "X" in (a, b, c) or "SYM" in (a, b, c):
                continue
            lp = model.p(a, b, c)
            if lp < threshold and (best is None or lp < best[0]):
                first = seq[i - 2][1] if seq[i - 2][1] >= 0 else (seq[i - 1][1] if seq[i - 1][1] >= 0 else f)
                last = l if l >= 0 else seq[i - 1][2]
                best = (lp, first, last, f"{a} {b} {c}")
        if best and best[1] >= 0 and best[2] >= 0:
            yield best[1], best[2], "pos-window", f"{best[3]} ({best[0]:.2f})"
    return pos_window
