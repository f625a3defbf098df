"""Candidate checks (c) and (d):

real-word: a dictionary word one edit away from another that the 3-gram
  model prefers in context by a large margin (mtqe-dump --cands gives the
  candidates and the gain), leaving out US/UK spellings and inflections of
  the same word, which are not slips.

unknown-dense: a sentence with three or more words the dictionary rejects
  (15 % of its words or more), reported on the whole sentence.

coinage: a lower-case word no dictionary has and the language model does not
  know, built like an English derivation (a suffix such as -ation, -ism,
  -ment on a stem): 'ridiculation', 'temperation', 'cyclism'. Run-together
  words ('greylisting') and words glued to punctuation (paths, commands)
  are left alone.
"""
import os

SUFFIXES = ("ations", "ation", "itions", "ition", "ments", "ment", "isms", "ism",
            "ists", "ist", "ities", "ity", "nesses", "ness", "ous", "ives", "ive",
            "able", "ible", "ical", "ance", "ence", "ures", "ure", "izes", "ize",
            "ised", "ized", "ises", "ise", "ifies", "ified", "ify", "ors", "ers",
            "ants", "ents", "ant", "ent", "ary", "ory", "ial", "ual", "ings",
            "ing", "ed", "ic", "al", "ian", "ians")


def load_uk(path):
    pairs = set()
    if not os.path.exists(path):
        return pairs
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        p = line.rstrip("\n").split("\t")
        if len(p) >= 2:
            pairs.add((p[0], p[1]))
            pairs.add((p[1], p[0]))
    return pairs


def inflection(a, b):
    """Are a and b forms of one word (plural, tense, comparison)?"""
    for x, y in ((a, b), (b, a)):
        for suf in ("s", "es", "d", "ed", "ing", "er", "est", "ly", "n"):
            if y == x + suf:
                return True
        if x.endswith("y") and y in (x[:-1] + "ies", x[:-1] + "ied"):
            return True
        if x.endswith("e") and y == x[:-1] + "ing":
            return True
    return False


def make(lex, work):
    uk = load_uk(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "..", "..", "dicts", "us-uk.tsv"))
    stems = lex.stems
    prefixes4 = {w[:5] for w in stems if len(w) >= 5}

    def real_word(s, gain=3.0):
        for k, cs in s.cands.items():
            t = s.toks[k]
            if len(t.norm) < 3 or not t.spell or not t.known:
                continue
            if t.form[:1].isupper():
                continue
            for w, g in cs:
                if (t.norm, w) in uk or inflection(t.norm, w) or len(w) < 3:
                    continue
                if g > gain:
                    yield k, k, "real-word", f"'{t.form}' where '{w}' fits (+{g:.1f})"
                break

    def run_together(w):
        for i in range(3, len(w) - 2):
            if w[:i] in stems and w[i:] in stems:
                return True
        return False

    PREFIXES = ("pre", "re", "un", "auto", "non", "multi", "sub", "inter", "over",
                "under", "co", "de", "mis", "out", "anti", "mind", "self")

    def prefixed(w):
        """A known prefix on a dictionary word or its inflection: 'preseed'."""
        for p in PREFIXES:
            rest = w[len(p):]
            if w.startswith(p) and len(rest) >= 4 and (
                    rest in stems or rest[:-1] in stems or rest[:-2] in stems or
                    rest[:-3] in stems or rest[:-3] + "e" in stems):
                return True
        return False

    def coinage(s, need_suffix=True):
        toks = s.toks
        for t in toks:
            w = t.form
            if t.kind != "word" or t.spell or t.known or not w.isalpha() or \
                    not w.islower() or len(w) < 7 or not w.isascii():
                continue
            p = toks[t.i - 1] if t.i else None
            n = toks[t.i + 1] if t.i + 1 < len(toks) else None
            if (p and p.b1 == t.b0 and p.kind != "quote") or \
                    (n and n.b0 == t.b1 and n.form not in (",", ".", ";", ":", "!", "?", ")")):
                continue
            if run_together(w) or prefixed(w) or s.corpus_count(w) >= 2:
                continue
            if need_suffix:
                suf = next((x for x in SUFFIXES if w.endswith(x) and len(w) - len(x) >= 4), None)
                if not suf:
                    continue
                stem = w[: -len(suf)]
                if stem[:5] not in prefixes4 and stem + "e" not in stems and stem not in stems:
                    continue
            yield t.i, t.i, "coinage" if need_suffix else "non-word", \
                f"'{w}' is not an English word"

    def non_word(s):
        """The same without the derivation test: every lower-case non-word
        of seven letters or more that no rule explains."""
        return coinage(s, need_suffix=False)

    def unknown_dense(s, k=3, share=0.15):
        """A sentence-wide finding: at least k words (not acronyms) that the
        dictionary rejects, and at least `share` of its words."""
        ws = [t for t in s.toks if t.kind == "word"]
        nw = [t for t in ws if not t.spell and not t.form.isupper()]
        if ws and len(nw) >= k and len(nw) >= share * len(ws):
            yield 0, len(s.toks) - 1, "unknown-dense", f"{len(nw)} unknown words"

    return {"real-word": real_word, "coinage": coinage, "non-word": non_word,
            "unknown-dense": unknown_dense}
