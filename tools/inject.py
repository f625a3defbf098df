#!/usr/bin/env python3
"""Injects machine-translation artifacts into clean English documents, to
measure what mtlint's rules catch in shapes other than the reference
article's.

  inject.py [--seed N] [--per-doc N] [--density F] [--shapes S,S] \\
            --out DIR INPUT...

INPUT is a directory (searched for *.txt), a .txt file, or, with --list, a
file naming one document per line. Documents are plain text, paragraphs
separated by blank lines. For each document DIR gets an injected copy at the
same relative path; DIR/gold.jsonl has one line per injected artifact and
DIR/manifest.jsonl one line per document (injected or not), which is what
tools/inject_score.py reads.

Every artifact is made by an operation on the document's own text: a
conjunct copied over its neighbour, a phrase written twice, a sentence's
final prepositional phrase cut off into a sentence of its own, a closing
quotation mark deleted, a term the document uses at least twice respelt
once, and so on (the SHAPES table below). A shape that needs something the
document lacks (a hyphenated compound used twice, a quotation, a US word
with a UK variant in dicts/us-uk.tsv) is skipped for that document. At most
one artifact goes into a paragraph, so findings do not interact, and only
into prose sentences (no code, paths or markup).

The random generator of each document is seeded with --seed and the
document's relative path: the same seed gives the same output, and adding
documents to a corpus does not change the injections in the others.

gold.jsonl fields (offsets are bytes of the injected file):
  file, doc        injected file (relative to DIR), the document's path
                   relative to the input root
  class, shape     artifact class and shape; rule: the rule expected to
                   report it
  start, end, text the span that a finding should overlap, and its text
  edit             {orig_start, orig_end, start, end}: the bytes replaced in
                   the original and what replaced them in the injected copy
                   (for mapping findings between the two)
  related          [[start, end], ...]: other places where the expected
                   rule may rightly report the artifact: for a term, its
                   other occurrences (either form may be reported); for a
                   quotation, the rest of its paragraph (whose marks no
                   longer pair up from the quotation on)
"""
import argparse
import bisect
import json
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# class, shape, expected rule
SHAPES = [
    ("repeated-phrase", "identical-conjuncts", "repeated-phrase"),
    ("repeated-phrase", "duplicated-phrase", "repeated-phrase"),
    ("repeated-phrase", "duplicated-across-stop", "repeated-phrase"),
    ("term-inconsistency", "hyphenated-open", "term-inconsistency"),
    ("term-inconsistency", "us-uk", "term-inconsistency"),
    ("term-inconsistency", "closed-split", "term-inconsistency"),
    ("fragment", "split-tail", "fragment"),
    ("fragment", "inserted-verbless", "fragment"),
    ("fragment", "subjectless", "fragment"),
    ("unbalanced-quotes", "never-closed", "unbalanced-quotes"),
    ("unbalanced-quotes", "opened-twice", "unbalanced-quotes"),
    ("punctuation-spacing", "missing-space-after-stop", "punctuation-spacing"),
    ("punctuation-spacing", "space-before", "punctuation-spacing"),
    ("doubled-punctuation", "doubled", "doubled-punctuation"),
    ("repeated-word", "repeated-word", "repeated-word"),
    ("word-order", "swapped-words", "disfluent-sentence"),
]

QUANTIFIERS = set("""all many several more most few such other various
numerous""".split())

# Words that may follow a whole conjunct: a clause boundary, or the verb of
# a coordinated subject. (A preposition after "the path" may begin the
# phrase's own complement, "the path to the file".)
CONJUNCT_ENDS = set("""and or but nor which who that as than is are was
were has have had will would can could should may might must""".split())

RESTRICTED = {"hyphenated-open", "us-uk", "closed-split", "never-closed",
              "opened-twice", "identical-conjuncts"}

DETERMINERS = set("""a an the this that these those its their his her our
your my some any each every no another""".split())
PREPOSITIONS = set("""in on at with without during after before since from
for under over through throughout across near despite among between within
outside inside around by via until toward towards against beyond behind
along above below amid""".split())
AUXILIARIES = set("was were is are has have had".split())
MODALS = set("will would can could should may might must shall".split())
# Words that begin or link clauses: a phrase containing one is not a plain
# noun or prepositional phrase.
CLAUSAL = set("""that which who whom whose what when where why how because
if whether while although though unless and or but nor so than as not
then also thus therefore however there here it they we you he she i""".split())
FUNCTION = (DETERMINERS | PREPOSITIONS | AUXILIARIES | MODALS | CLAUSAL | set(
    """of to be been being do does did am very more most only just even still
    too much many such both either neither all one own same other none
    nothing something anything everything someone anyone everyone""".split()))
FINITE = AUXILIARIES | MODALS | set("do does did am be been being".split())
IRREGULAR_PARTICIPLES = set("""been done made given taken seen known shown
found built kept left held brought bought sent spent told thought written
driven chosen broken spoken begun run won lost paid said set put cut read
met led fed heard understood become come gone grown drawn thrown worn torn
sworn hidden forgotten gotten got born borne beaten bitten eaten fallen
forgiven frozen ridden risen shaken stolen struck stuck sung sunk woken""".split())
PARTICLES = set("on up out in off by to for with down over about".split())
ABBREVIATIONS = set("""mr mrs ms dr prof st jr sr inc ltd co corp vs etc al
eg ie cf fig no nos vol pp ch sec gen col lt sgt rev gov sen rep jan feb
mar apr jun jul aug sep sept oct nov dec approx dept est""".split())
TIME_WORDS = set("""week month year weekend morning afternoon evening night
monday tuesday wednesday thursday friday saturday sunday""".split())

# Closed compounds and the split or hyphenated form translation gives them
# (both directions are injected). Written for this tool from common usage
# notes; each pair names one word spelt two ways.
CLOSED_PAIRS = [
    ("cannot", "can not"), ("ceasefire", "cease-fire"),
    ("online", "on-line"), ("offline", "off-line"), ("email", "e-mail"),
    ("website", "web site"), ("nonprofit", "non-profit"),
    ("healthcare", "health care"), ("worldwide", "world-wide"),
    ("nationwide", "nation-wide"), ("underway", "under way"),
    ("workforce", "work force"), ("lifestyle", "life-style"),
    ("policymakers", "policy makers"), ("playoff", "play-off"),
    ("standoff", "stand-off"), ("setup", "set-up"), ("backup", "back-up"),
    ("startup", "start-up"), ("lockdown", "lock-down"),
    ("takeover", "take-over"), ("grassroots", "grass-roots"),
    ("filename", "file name"), ("username", "user name"),
    ("homepage", "home page"), ("timeframe", "time frame"),
    ("coworker", "co-worker"), ("cooperate", "co-operate"),
    ("cooperation", "co-operation"), ("coordinate", "co-ordinate"),
    ("reelection", "re-election"), ("preexisting", "pre-existing"),
    ("database", "data base"), ("keyword", "key word"),
    ("toolkit", "tool kit"), ("workflow", "work flow"),
    ("subdirectory", "sub-directory"), ("metadata", "meta-data"),
    ("wildcard", "wild card"), ("bootloader", "boot loader"),
    ("lowercase", "lower-case"), ("uppercase", "upper-case"),
    ("hardcoded", "hard-coded"), ("workaround", "work-around"),
    ("timestamp", "time stamp"), ("checksum", "check sum"),
    ("newsletter", "news letter"), ("spokesperson", "spokes-person"),
    ("stakeholders", "stake-holders"), ("wartime", "war time"),
    ("peacekeeping", "peace-keeping"), ("airstrike", "air strike"),
    ("airstrikes", "air strikes"), ("percent", "per cent"),
]
# Prefixes that are hyphenated but never written open ("non-free" is never
# "non free"): such compounds are not opened.
PREFIXES = set("""re co non pre post anti sub multi un ex semi pseudo inter
intra mid over under e x de bi tri mis""".split())
# Words that a copy next to itself leaves grammatical ("that that", "had
# had"), so doubling them is no artifact.
LEGIT_DOUBLES = set("that had is do can will so very no many".split())

WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
CODE_CHARS = set("/\\_=<>{}[]|`$#@~*%^+")
OPEN_Q, CLOSE_Q = "“", "”"


def cap(w):
    return w[:1].upper() + w[1:]


def like_case(src, w):
    """w with the capitalisation of src."""
    if src.isupper() and len(src) > 1:
        return w.upper()
    if src[:1].isupper():
        return cap(w)
    return w


class Doc:
    """A document's paragraphs, sentences and words, as character offsets."""

    def __init__(self, text):
        self.text = text
        self.paras = []         # (start, end)
        for m in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\n[ \t]*\n|\Z))", text,
                             re.S):
            self.paras.append((m.start(), m.end()))
        self.sents = [self._sentences(s, e) for s, e in self.paras]
        self.words = [(m.start(), m.end(), m.group())
                      for m in WORD.finditer(text)]
        self.word_starts = [w[0] for w in self.words]
        self.lower_counts = {}
        for _, _, w in self.words:
            lw = w.lower()
            self.lower_counts[lw] = self.lower_counts.get(lw, 0) + 1

    def _sentences(self, ps, pe):
        t = self.text
        out, start = [], ps
        pat = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
        for m in pat.finditer(t, ps, pe):
            before = re.search(r"(\S+)$", t[start:m.start()])
            if not before:
                continue
            tok = before.group(1).lstrip("\"“‘(")
            if (t[m.start()] == "." and (tok.lower() in ABBREVIATIONS
                                         or re.fullmatch(r"[A-Za-z]", tok)
                                         or "." in tok)):
                continue
            out.append((start, m.end()))
            ws = re.match(r"\s+", t[m.end():pe])
            start = m.end() + (ws.end() if ws else 0)
        if start < pe:
            out.append((start, pe))
        return out

    def words_in(self, s, e):
        i = bisect.bisect_left(self.word_starts, s)
        j = bisect.bisect_left(self.word_starts, e)
        return [w for w in self.words[i:j] if w[1] <= e]

    def count(self, phrase):
        """Occurrences of a word or phrase, case-insensitive, whole words."""
        return len(re.findall(r"(?<![\w'’-])" + re.escape(phrase)
                              + r"(?![\w'’-])", self.text, re.I))


def prose(text):
    """A sentence of running prose: no code, paths, markup or file names."""
    if any(c in CODE_CHARS for c in text):
        return False
    if re.search(r"\w\.\w|\w\(|--|\.\.\.|…", text):
        return False
    words = WORD.findall(text)
    return len(words) >= 5 and len(words) >= 0.6 * len(text.split())


class Candidate:
    def __init__(self, shape, para, os_, oe, new, gs, ge, related=()):
        self.shape, self.para = shape, para
        self.os, self.oe, self.new = os_, oe, new
        # gold span in the coordinates of the text with only this edit made
        self.gs, self.ge = gs, ge
        self.related = list(related)     # original coordinates

    @property
    def delta(self):
        return len(self.new) - (self.oe - self.os)


def shift(pos, os_, oe, delta):
    return pos + delta if pos >= oe else pos


# --- shape operations ---------------------------------------------------
# Each takes the document and the paragraph indexes still free and returns
# every candidate; the caller picks one.

def prose_sentences(doc, free):
    for p in free:
        for s, e in doc.sents[p]:
            if prose(doc.text[s:e]):
                yield p, s, e


def gap_is_space(t, a, b):
    return t[a:b] == " "


def conjuncts(doc, free, rng, vocab):
    """'a treaty or an accord' -> 'a treaty or a treaty': the second (or
    first) of two parallel conjuncts becomes a copy of the other."""
    t, out = doc.text, []
    for p, s, e in prose_sentences(doc, free):
        ws = doc.words_in(s, e)
        for i, (cs, ce, cw) in enumerate(ws):
            conj = cw.lower()
            if conj in ("and", "or"):
                j = i + 1
            elif (conj == "as" and i + 2 < len(ws)
                  and [w[2].lower() for w in ws[i + 1:i + 3]] == ["well", "as"]
                  and gap_is_space(t, ce, ws[i + 1][0])):
                j = i + 3
                ce = ws[i + 2][1]
            else:
                continue
            for size in (2, 1):     # determiner + word, or a single word
                if i - size < 0 or j + size > len(ws):
                    continue
                left, right = ws[i - size:i], ws[j:j + size]
                if not (all(gap_is_space(t, a[1], b[0]) for a, b in
                            zip(left + [ws[i]], left[1:] + [ws[i]]))
                        and gap_is_space(t, ce, right[0][0])
                        and all(gap_is_space(t, a[1], b[0])
                                for a, b in zip(right, right[1:]))):
                    continue
                if size == 2:
                    if not (left[0][2].lower() in DETERMINERS - {"that"}
                            and right[0][2].lower() in DETERMINERS - {"that"}):
                        continue
                else:
                    # a single word is a whole conjunct only after a
                    # function word or a comma ("of Russia and China"),
                    # not as the last word of a longer phrase
                    if i < 2:
                        continue
                    prev = ws[i - 2][2].lower()
                    gap = t[ws[i - 2][1]:ws[i - 1][0]]
                    if prev in DETERMINERS | QUANTIFIERS or not (
                            (prev in FUNCTION and gap == " ") or gap == ", "):
                        continue
                lh, rh = left[-1][2], right[-1][2]
                if (lh.lower() in FUNCTION or rh.lower() in FUNCTION
                        or len(lh) < 3 or len(rh) < 3
                        or lh.lower() == rh.lower()
                        or lh[:1].isupper() != rh[:1].isupper()
                        or not lh.isalpha() or not rh.isalpha()
                        or left[0][0] == s):
                    continue
                if not same_class(lh, rh, vocab):
                    continue
                # the right conjunct ends the phrase: punctuation or a
                # preposition or conjunction follows (a single word followed
                # by its object may be a verb opening a new clause)
                after = t[right[-1][1]:right[-1][1] + 2]
                nxt = ws[j + size][2].lower() if j + size < len(ws) else ""
                ends = CONJUNCT_ENDS if size == 2 else (
                    CONJUNCT_ENDS | PREPOSITIONS)
                if not (after[:1] in ",.;:)" or nxt in ends):
                    continue
                # "to meet and architectures will be dropped": before a
                # verb, a single word is a subject, and so is its partner
                if size == 1 and nxt in FINITE and vocab and not (
                        "N" in word_classes(lh, vocab) & word_classes(rh, vocab)
                        and ws[i - 2][2].lower() != "to"):
                    continue
                ls, le = left[0][0], left[-1][1]
                rs, re_ = right[0][0], right[-1][1]
                lt, rt = t[ls:le], t[rs:re_]
                if rng.random() < 0.5:      # copy left over right
                    new = t[ls:rs] + lt
                else:                       # copy right over left
                    src = rt
                    if lt[:1].isupper() and rt[:1].islower():
                        src = cap(rt)
                    new = src + t[le:rs] + rt
                out.append(Candidate("identical-conjuncts", p, ls, re_, new,
                                     ls, ls + len(new)))
                break
    return out


def suffix_class(w):
    w = w.lower()
    for suf in ("ing", "ed", "ly", "tion", "ment", "ness", "ity", "al",
                "ive", "ous", "ful", "ic"):
        if w.endswith(suf):
            return suf
    return ""


def word_runs(doc, s, e):
    """Maximal runs of words separated by single spaces within [s, e)."""
    t, runs, cur = doc.text, [], []
    for w in doc.words_in(s, e):
        if cur and not gap_is_space(t, cur[-1][1], w[0]):
            runs.append(cur)
            cur = []
        cur.append(w)
    if cur:
        runs.append(cur)
    return runs


def dup_phrase(doc, free, rng):
    """'lived most of his life' -> 'lived most of lived most of his life':
    3 to 8 adjacent words written twice, no punctuation between."""
    t, out = doc.text, []
    for p, s, e in prose_sentences(doc, free):
        for run in word_runs(doc, s, e):
            for _ in range(2):
                n = min(len(run), rng.choice((3, 3, 4, 4, 5, 6, 7, 8)))
                if n < 3 or len(run) < 3:
                    break
                i = rng.randrange(0, len(run) - n + 1)
                if run[i][0] == s:      # not from the sentence's capital
                    continue
                # "to the end to the end": a phrase that starts with its
                # last word would also leave a doubled word at the seam
                if run[i][2].lower() == run[i + n - 1][2].lower():
                    continue
                a, b = run[i][0], run[i + n - 1][1]
                phrase = t[a:b]
                new = phrase + " " + phrase
                out.append(Candidate("duplicated-phrase", p, a, b, new,
                                     a, a + len(new)))
    return out


def dup_across_stop(doc, free, rng):
    """'access to those who need it.”' -> 'access to those who need it.” to
    those who need it.”': a sentence's last words, with its full stop and
    closing quote, written twice."""
    t, out = doc.text, []
    for p, s, e in prose_sentences(doc, free):
        m = re.search(r"[.!?][\"”’]?$", t[s:e])
        if not m or t[s:e].endswith("?") or t[s:e].endswith("!"):
            continue
        runs = word_runs(doc, s, e)
        if not runs:
            continue
        run = runs[-1]
        if run[-1][1] != s + m.start():
            continue
        # a tail: at least three words of the sentence stay before it
        n = min(len(doc.words_in(s, e)) - 3, len(run),
                rng.choice((3, 4, 4, 5, 6, 7, 8)))
        if n < 3:
            continue
        a = run[-n][0]
        if t[a].isupper() or t[a - 1] != " ":
            continue
        tail = t[a:e]
        new = tail + " " + tail
        out.append(Candidate("duplicated-across-stop", p, a, e, new,
                             a, a + len(new)))
    return out


def occurrences(doc, phrase):
    return [(m.start(), m.end(), m.group()) for m in re.finditer(
        r"(?<![\w'’./-])" + re.escape(phrase) + r"(?![\w'’-]|\.\w)",
        doc.text, re.I)]


def in_free_prose(doc, free, pos):
    for p in free:
        ps, pe = doc.paras[p]
        if ps <= pos < pe:
            for s, e in doc.sents[p]:
                if s <= pos < e:
                    return p if prose(doc.text[s:e]) else None
    return None


def respell(doc, free, rng, shape, old, new_form, min_count=2, keep=None):
    """Candidates that write one occurrence of `old` (used at least
    min_count times, never in another form) as `new_form`; the first
    occurrence is kept so the document sets its form before the slip.
    keep(end) says an occurrence ending at `end` is written correctly in
    the new form too, and so is no artifact there."""
    occ = occurrences(doc, old)
    if len(occ) < min_count:
        return []
    out = []
    for s, e, w in occ[1:]:
        p = in_free_prose(doc, free, s)
        if p is None or not w.islower() or (keep and keep(e)):
            continue
        rep = like_case(w, new_form)
        related = [(a, b) for a, b, _ in occ if a != s]
        out.append(Candidate(shape, p, s, e, rep, s, s + len(rep), related))
    return out


def hyphen_open(doc, free, rng, vocab):
    """'long-term' used twice or more -> one 'long term'."""
    seen, out = set(), []
    for m in re.finditer(r"(?<![\w'’./-])([a-z]{2,})-([a-z]{2,})(?![\w'’-]|\.\w)",
                         doc.text):
        comp = m.group().lower()
        if comp in seen:
            continue
        seen.add(comp)
        a, b = m.group(1), m.group(2)
        open_ = a + " " + b
        if (a in PREFIXES or doc.count(open_) or doc.count(a + b)
                or (vocab and not (known(a, vocab) and known(b, vocab)))
                or starts_sentence_lower(doc, comp) or is_name(doc, comp)):
            continue
        keep = None
        if a in PHRASE_HEADS:
            keep = lambda e: not modifies(doc.text, e)
        out.append(respell(doc, free, rng, "hyphenated-open", comp, open_,
                           keep=keep))
    return one_term(out, rng)


# Adjectives whose compounds are hyphenated only before a noun: open they are
# a phrase ("work part time", "in the long term", "in real time"), as AP and
# Chicago style write them.
PHRASE_HEADS = set("""long short full part real high low half first last
mid""".split())


def modifies(text, end):
    """Does the word after `end` make the compound before it a modifier:
    a lowercase word that is no function word ("part-time job", not
    "work part-time on", "part-time.")?"""
    m = re.match(r" ([a-z]+)", text[end:end + 40])
    return bool(m) and m.group(1) not in FUNCTION


def stems(w):
    """w and the stems it may be an inflection of."""
    out = [w]
    if w.endswith("s"):
        out += [w[:-1], w[:-2]]
    if w.endswith("ed"):
        out += [w[:-2], w[:-1]]
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
    return out


def known(w, vocab):
    return any(x in vocab and x.islower() for x in stems(w))


def word_classes(w, vocab):
    """{'N', 'V'} subsets a word can be, from the affix flags of its
    Hunspell stem: M (possessive) marks nouns, D and G (-ed, -ing) verbs.
    An empty set is neither (adjectives, adverbs); a word the dictionary
    lacks is taken for a name (N)."""
    lw = w.lower()
    if lw in IRREGULAR_PARTICIPLES or (
            len(lw) > 4 and lw.endswith(("ed", "ing")) and w.islower()):
        return {"V"}
    cls, seen = set(), False
    for stem in stems(lw) + stems(w):
        flags = vocab.get(stem)
        if flags is None:
            continue
        seen = True
        if "M" in flags:
            cls.add("N")
        if "D" in flags or "G" in flags:
            cls.add("V")
    return cls if seen else {"N"}


def same_class(a, b, vocab):
    if not vocab:
        return suffix_class(a) == suffix_class(b)
    ca, cb = word_classes(a, vocab), word_classes(b, vocab)
    # adjectives have neither class, and many are nouns too
    # ("independent"): neither-and-noun is a match, neither-and-verb not
    return bool(ca & cb) or (not ca and not cb) or (
        {frozenset(ca), frozenset(cb)} == {frozenset(), frozenset({"N"})})


NAME_NOUNS = """package packages command commands option options program
programs utility tool tools script scripts file files directory field fields
daemon argument arguments parameter parameters module modules service
services variable variables keyword method function class""".split()


def is_name(doc, comp):
    """A compound that names a command, package or option ('the
    locales-all package', 'apt-get install'): it is used next to such a
    word, or somewhere outside prose."""
    t = doc.text
    for s, e, _ in occurrences(doc, comp):
        nxt = re.match(r"\s+(\w+)", t[e:e + 40])
        if nxt and nxt.group(1).lower() in NAME_NOUNS + ["install", "remove",
                                                           "update", "upgrade"]:
            return True
        for sents, (ps, pe) in zip(doc.sents, doc.paras):
            if ps <= s < pe:
                for a, b in sents:
                    if a <= s < b and not prose(t[a:b]):
                        return True
    return False


def starts_sentence_lower(doc, comp):
    """A lower-case compound opening a sentence is a command or code name
    ('apt-get is ...'), not a compound word."""
    for sents in doc.sents:
        for s, _ in sents:
            if doc.text[s:s + len(comp)] == comp:
                return True
    return False


def us_uk(doc, free, rng, pairs):
    """'color' used twice or more in a document with no UK spelling -> one
    'colour' (or the reverse in a UK document)."""
    us = sum(doc.lower_counts.get(a, 0) for a, _ in pairs)
    uk = sum(doc.lower_counts.get(b, 0) for _, b in pairs)
    if us and uk:
        return []
    out = []
    for a, b in pairs:
        src, dst = (a, b) if us else (b, a)
        if doc.lower_counts.get(src, 0) >= 2:
            out.append(respell(doc, free, rng, "us-uk", src, dst))
    return one_term(out, rng)


def closed_split(doc, free, rng):
    """'cannot' -> 'can not', 'cease-fire' -> 'ceasefire': a compound the
    document writes one way, written once the other."""
    out = []
    for closed, split in CLOSED_PAIRS:
        forms = [closed, split]
        if "-" in split:
            forms.append(split.replace("-", " "))
        else:
            forms.append(split.replace(" ", "-"))
        counts = [doc.count(f) for f in forms]
        if counts[0] >= 2 and not counts[1] and not counts[2]:
            out.append(respell(doc, free, rng, "closed-split", closed, split))
        elif counts[1] >= 2 and not counts[0] and not counts[2]:
            out.append(respell(doc, free, rng, "closed-split", split, closed))
    return one_term(out, rng)


def one_term(per_term, rng):
    """The candidates of one term drawn at random, so that a term the
    document uses fifty times is no likelier than one it uses twice."""
    per_term = [c for c in per_term if c]
    return rng.choice(per_term) if per_term else []


def sentence_tail(doc, s, e):
    """Words of a plain sentence ending in a full stop, or None."""
    t = doc.text
    if not t[s:e].endswith(".") or t[e - 2:e - 1] in ".\"”’)":
        return None
    ws = doc.words_in(s, e)
    if len(ws) < 7 or ws[-1][1] != e - 1:
        return None
    return ws


def split_tail(doc, free, rng, vocab):
    """'The talks continued in Geneva.' -> 'The talks continued. In
    Geneva.': the sentence's final prepositional or time phrase cut off."""
    t, out = doc.text, []
    for p, s, e in prose_sentences(doc, free):
        ws = sentence_tail(doc, s, e)
        if not ws:
            continue
        for k in range(len(ws) - 2, 3, -1):
            w = ws[k][2].lower()
            tail = ws[k + 1:]
            tail_words = [x[2].lower() for x in tail]
            starts = (w in PREPOSITIONS and 1 <= len(tail) <= 6) or (
                w in ("last", "next", "this", "earlier", "later")
                and tail_words[-1] in TIME_WORDS and len(tail) <= 2)
            if not starts:
                if w in CLAUSAL or w in FINITE or not gap_is_space(
                        t, ws[k][1], ws[k + 1][0]):
                    break
                continue
            if any(x in CLAUSAL or x in FINITE for x in tail_words):
                break
            # a verb in the tail makes it a clause ("particles lying on
            # the ground begin to vibrate"); participles are adjectives
            if vocab and any(word_classes(x, vocab) == {"V"}
                             and not x.endswith(("ed", "ing", "en"))
                             for x in tail_words):
                break
            if any(not gap_is_space(t, a[1], b[0])
                   for a, b in zip(ws[k:], tail)):
                break
            head_end = ws[k - 1][1]
            if ws[k - 1][2].lower() in FUNCTION or t[head_end:ws[k][0]] not in (" ", ", "):
                break
            new = ". " + cap(ws[k][2])
            delta = len(new) - (ws[k][1] - head_end)
            out.append(Candidate("split-tail", p, head_end, ws[k][1], new,
                                 head_end + 2, e + delta))
            break
    return out


def pp_phrases(doc, s, e, vocab=None):
    """Prepositional phrases of 2 to 5 words that end at a comma or full
    stop: 'of its origin', 'according to the study'."""
    t, ws, out = doc.text, doc.words_in(s, e), []
    for i, (a, b, w) in enumerate(ws):
        lw = w.lower()
        start = i
        if lw == "according" and i + 1 < len(ws) and ws[i + 1][2] == "to":
            first = i + 2
        elif (lw in PREPOSITIONS or lw == "of") and not (
                i and ws[i - 1][2].lower() in ("so", "and", "or")):
            first = i + 1
        else:
            continue
        for j in range(first, min(first + 4, len(ws))):
            if not gap_is_space(t, ws[j - 1][1], ws[j][0]):
                break
            x = ws[j][2].lower()
            if x in CLAUSAL or x in FINITE or x == "to" or (
                    x in PREPOSITIONS and j > first):
                break
            # a verb makes it a clause ("until development stopped")
            if vocab and word_classes(ws[j][2], vocab) == {"V"} and not (
                    ws[j - 1][2].lower() in DETERMINERS):
                break
            nxt = t[ws[j][1]:ws[j][1] + 1]
            if nxt in (",", ";") or (nxt == "." and ws[j][1] + 1 == e):
                # it ends in its noun, not in an adverb ("in automatically")
                if (x not in FUNCTION and a != s and not x.endswith("ly")
                        and (not vocab or word_classes(ws[j][2], vocab)
                             - {"V"} or ws[j][2][:1].isdigit())):
                    out.append((ws[start][0], ws[j][1]))
                break
    return out


def insert_after(doc, p, s, e, frag, shape):
    """Candidate that puts the sentence `frag` after the sentence [s, e)."""
    new = " " + frag
    return Candidate(shape, p, e, e, new, e + 1, e + len(new))


def inserted_verbless(doc, free, rng, vocab):
    """'... from the capital. Of its origin. The ...': a prepositional
    phrase of another sentence of the document dropped between two
    sentences, as translation leaves a piece of a clause it moved. The
    phrase never comes from the sentence just before or after, which would
    make it an echo (duplicated-across-stop) rather than a stray piece."""
    t, out = doc.text, []
    sents = [(p, s, e) for p in range(len(doc.paras))
             for s, e in doc.sents[p] if prose(t[s:e])]
    pool = [(k, a, b) for k, (p, s, e) in enumerate(sents)
            for a, b in pp_phrases(doc, s, e, vocab)]
    if not pool:
        return out
    for k, (p, s, e) in enumerate(sents):
        if p not in free or not re.search(r"[.!?][\"”’]?$", t[s:e]):
            continue
        far = [(a, b) for j, a, b in pool if abs(j - k) > 1]
        if far:
            a, b = rng.choice(far)
            frag = cap(t[a:b]) + "."
            out.append(insert_after(doc, p, s, e, frag, "inserted-verbless"))
    return out


def subjectless(doc, free, rng):
    """'They were focused on the region.' -> '... region. Were focused
    on.': the clause's verb group repeated without its subject."""
    t, out = doc.text, []
    for p, s, e in prose_sentences(doc, free):
        if not re.search(r"[.!?][\"”’]?$", t[s:e]):
            continue
        ws = doc.words_in(s, e)
        for i, (a, b, w) in enumerate(ws[1:-1], 1):
            if w.lower() not in AUXILIARIES:
                continue
            j = i + 1
            if ws[j][2].lower() in ("been", "being") and j + 1 < len(ws) and \
                    participle(ws[j + 1][2]):
                j += 1
            if not participle(ws[j][2]):
                continue
            if not all(gap_is_space(t, x[1], y[0]) for x, y in
                       zip(ws[i:j], ws[i + 1:j + 1])):
                continue
            end = ws[j][1]
            if (j + 1 < len(ws) and ws[j + 1][2].lower() in PARTICLES
                    and gap_is_space(t, end, ws[j + 1][0])
                    and rng.random() < 0.5):
                end = ws[j + 1][1]
            frag = cap(t[a:end]) + "."
            out.append(insert_after(doc, p, s, e, frag, "subjectless"))
    return out


def participle(w):
    lw = w.lower()
    return lw in IRREGULAR_PARTICIPLES or (
        len(lw) > 4 and lw.endswith("ed") and w.islower())


def quote_pairs(text, ps, pe):
    """The paragraph's double quotation marks as (open, close) pairs, or
    None when they do not alternate open, close (curly marks by shape,
    straight ones by position)."""
    pairs, opened = [], None
    for i in range(ps, pe):
        c = text[i]
        if c == OPEN_Q or (c == '"' and opened is None):
            if opened is not None:
                return None
            opened = i
        elif c == CLOSE_Q or (c == '"' and opened is not None):
            if opened is None:
                return None
            pairs.append((opened, i))
            opened = None
    return pairs if opened is None else None


def close_between_marks(doc, b):
    """Deleting the mark at b would join two punctuation marks ('et al.”.'
    -> 'et al..')."""
    t = doc.text
    return b > 0 and b + 1 < len(t) and t[b - 1] in ".,;:!?" and \
        t[b + 1] in ".,;:!?"


def quote_ok(doc, a, b):
    """A real quotation of at least two words in prose, not a stray inch
    mark, a path or a command."""
    inner = doc.text[a + 1:b]
    return (len(WORD.findall(inner)) >= 2 and inner[:1] != " "
            and inner[-1:] != " " and not any(c in CODE_CHARS for c in inner)
            and not re.search(r"\w\.\w|[()…;]|\.\.", inner))


def never_closed(doc, free, rng):
    """'called it “a turning point” and left.' -> 'called it “a turning
    point and left.': the paragraph's last quotation loses its closing
    mark."""
    out = []
    for p in free:
        pairs = quote_pairs(doc.text, *doc.paras[p])
        if not pairs:
            continue
        a, b = pairs[-1]
        if not quote_ok(doc, a, b) or close_between_marks(doc, b):
            continue
        # news style leaves a quotation open at a paragraph's end when the
        # next paragraph goes on with it, opening with a quotation mark
        if p + 1 < len(doc.paras) and \
                doc.text[doc.paras[p + 1][0]] in OPEN_Q + '"':
            continue
        out.append(Candidate("never-closed", p, b, b + 1, "", a, b,
                             [(a, doc.paras[p][1])]))
    return out


def opened_twice(doc, free, rng):
    """'“The countries I visited,” he said, “We just' -> '“The countries I
    visited, he said, “We just': a quotation loses its closing mark before
    the next one opens."""
    out = []
    for p in free:
        pairs = quote_pairs(doc.text, *doc.paras[p])
        if not pairs or len(pairs) < 2:
            continue
        for (a, b), (c, d) in zip(pairs, pairs[1:]):
            if not (quote_ok(doc, a, b) and quote_ok(doc, c, d)) or \
                    close_between_marks(doc, b):
                continue
            between = doc.text[b:c]
            if any(ch in CODE_CHARS for ch in between) or re.search(
                    r"\w\.\w|[()]", between):
                continue
            m = WORD.search(doc.text, c + 1)
            end = m.end() if m and m.start() == c + 1 else c + 1
            out.append(Candidate("opened-twice", p, b, b + 1, "", a, end - 1,
                                 [(a, doc.paras[p][1])]))
    return out


def missing_space(doc, free, rng):
    """'the vote. Later' -> 'the vote.Later': the space after a sentence's
    full stop lost."""
    t, out = doc.text, []
    for p in free:
        sents = doc.sents[p]
        for (s1, e1), (s2, e2) in zip(sents, sents[1:]):
            if not (prose(t[s1:e1]) and prose(t[s2:e2])):
                continue
            if t[e1 - 1] != "." or not re.fullmatch(r"\s+", t[e1:s2]):
                continue
            prev = re.search(r"([A-Za-z]{2,})\.$", t[s1:e1])
            nxt = re.match(r"[A-Z][a-z'’]+", t[s2:e2])
            if not prev or not nxt or prev.group(1).lower() in ABBREVIATIONS:
                continue
            a = s1 + prev.start()
            b = s2 + nxt.end()
            out.append(Candidate("missing-space-after-stop", p, e1, s2, "",
                                 a, b - (s2 - e1)))
    return out


def space_before(doc, free, rng):
    """'the release, she said' -> 'the release , she said'."""
    t, by_mark = doc.text, {}
    for p, s, e in prose_sentences(doc, free):
        for m in re.finditer(r"(?<=[A-Za-z0-9])([,;:?!]|\.(?=[\"”’]?$))(?= |$)",
                             t[s:e]):
            i = s + m.start()
            if m.group() == "." and WORD.findall(t[s:i])[-1].lower() in ABBREVIATIONS:
                continue
            kind = m.group() if m.group() in ",." else ";"
            by_mark.setdefault(kind, []).append(
                Candidate("space-before", p, i, i, " ", i, i + 2))
    return pick_kind(by_mark, {",": 6, ".": 2, ";": 2}, rng)


def pick_kind(by_kind, weights, rng):
    """The candidates of one kind, drawn by weight among the kinds the
    document offers, so that rare kinds are not drowned by common ones."""
    kinds = sorted(k for k in by_kind if by_kind[k])
    if not kinds:
        return []
    k = rng.choices(kinds, [weights[x] for x in kinds])[0]
    return by_kind[k]


def doubled(doc, free, rng):
    """'releases hostages.' -> 'releases hostages. .'; ',' -> ',,'."""
    t, by_form = doc.text, {}
    forms = {",": [",,", ", ,"], ".": ["..", ". ."]}
    for p, s, e in prose_sentences(doc, free):
        for m in re.finditer(r"(?<=[A-Za-z0-9])([,.])(?= |$)", t[s:e]):
            i = s + m.start()
            mark = m.group()
            if mark == "." and s + m.end() != e:
                continue
            for form in forms[mark]:
                by_form.setdefault(form, []).append(
                    Candidate("doubled", p, i, i + 1, form, i, i + len(form)))
    return pick_kind(by_form, {",,": 3, ", ,": 1, "..": 2, ". .": 3}, rng)


def repeated_word(doc, free, rng):
    """'in the city' -> 'in the the city'."""
    t, out = doc.text, []
    for p, s, e in prose_sentences(doc, free):
        ws = doc.words_in(s, e)
        for i, (a, b, w) in enumerate(ws[1:], 1):
            lw = w.lower()
            if lw in LEGIT_DOUBLES or not w.isalpha() or not w.islower():
                continue
            if not gap_is_space(t, ws[i - 1][1], a):
                continue
            # translation doubles function words far more than others
            if lw not in FUNCTION and rng.random() < 0.6:
                continue
            new = w + " " + w
            out.append(Candidate("repeated-word", p, a, b, new, a, a + len(new)))
    return out


def swapped_words(doc, free, rng):
    """'the talks were held' -> 'talks the were held': two adjacent words
    trade places, one of them a function word, as when a translation keeps
    the source language's order."""
    t, out = doc.text, []
    for p, s, e in prose_sentences(doc, free):
        ws = doc.words_in(s, e)
        for i in range(1, len(ws) - 1):     # not the sentence's first word
            (a, _, w1), (b, be, w2) = ws[i], ws[i + 1]
            if not (w1.isalpha() and w2.isalpha() and w1.islower()
                    and w2.islower() and w1 != w2):
                continue
            if not gap_is_space(t, ws[i][1], b):
                continue
            if (w1 in FUNCTION) == (w2 in FUNCTION):
                continue
            new = w2 + " " + w1
            out.append(Candidate("swapped-words", p, a, be, new,
                                 a, a + len(new)))
    return out


# --- driver ----------------------------------------------------------------

def load_us_uk(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            a, b = line.rstrip("\n").split("\t")[:2]
            pairs.append((a, b))
    return pairs


def load_vocab(path):
    if not path or not os.path.exists(path):
        return None
    vocab = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)           # Hunspell .dic: the first line is a count
        for line in f:
            w, _, flags = line.strip().partition("/")
            if w.isalpha():
                vocab[w] = vocab.get(w, "") + flags
    return vocab


def overlaps(c, chosen):
    """Whether c's edit touches another artifact's edit or related text,
    or another edit touches c's related text (a second 'long-term'
    changed by a repeated phrase would change the term's counts)."""
    def touch(spans, others):
        return any(a <= y and x <= b for a, b in spans for x, y in others)
    for d in chosen:
        if touch([(c.os, c.oe)], [(d.os, d.oe)] + d.related) or \
                touch(c.related, [(d.os, d.oe)]):
            return True
    return False


def inject(text, rng, shapes, n, ctx):
    doc = Doc(text)
    free = set(range(len(doc.paras)))
    chosen, terms = [], set()
    order = [sh for sh in SHAPES if sh[1] in shapes]
    rng.shuffle(order)
    # shapes that few documents allow go first, so that every shape is
    # measured on enough cases
    order.sort(key=lambda sh: sh[1] not in RESTRICTED)
    while len(chosen) < n and order:
        progress = False
        for cls, shape, rule in list(order):
            if len(chosen) >= n:
                break
            fn = ctx["ops"][shape]
            cands = [c for c in fn(doc, sorted(free), rng)
                     if c.para in free and not overlaps(c, chosen)]
            if shape in ("hyphenated-open", "us-uk", "closed-split"):
                cands = [c for c in cands
                         if text[c.os:c.oe].lower() not in terms]
            if not cands:
                order.remove((cls, shape, rule))
                continue
            c = rng.choice(cands)
            c.cls, c.rule = cls, rule
            chosen.append(c)
            free.discard(c.para)
            terms.add(text[c.os:c.oe].lower())
            terms.add(c.new.lower())
            progress = True
        if not progress:
            break
    return apply(text, chosen)


def apply(text, chosen):
    chosen.sort(key=lambda c: c.os)
    out, pos, shift_by = [], 0, 0
    records = []
    for c in chosen:
        out.append(text[pos:c.os])
        out.append(c.new)
        pos = c.oe
        records.append((c, shift_by))
        shift_by += c.delta
    out.append(text[pos:])
    injected = "".join(out)

    def mapped(x):      # an original offset outside every edit
        d = 0
        for c in chosen:
            if x >= c.oe:
                d += c.delta
        return x + d

    enc = ByteIndex(injected)
    oenc = ByteIndex(text)
    gold = []
    for c, sb in records:
        gs, ge = c.gs + sb, c.ge + sb
        gold.append({
            "class": c.cls, "shape": c.shape, "rule": c.rule,
            "start": enc(gs), "end": enc(ge), "text": injected[gs:ge],
            "edit": {"orig_start": oenc(c.os), "orig_end": oenc(c.oe),
                     "start": enc(c.os + sb),
                     "end": enc(c.os + sb + len(c.new))},
            "related": [[enc(mapped(a)), enc(mapped(b))] for a, b in c.related],
            "paragraph": c.para,
        })
    return injected, gold


class ByteIndex:
    """Character offset -> UTF-8 byte offset."""

    def __init__(self, text):
        self.cum = [0]
        for ch in text:
            self.cum.append(self.cum[-1] + len(ch.encode("utf-8")))

    def __call__(self, i):
        return self.cum[i]


def find_inputs(args):
    files = []
    paths = list(args.inputs)
    if args.list:
        with open(args.list, encoding="utf-8") as f:
            base = os.path.dirname(os.path.abspath(args.list))
            paths += [os.path.join(base, x.strip()) for x in f
                      if x.strip() and not x.startswith("#")]
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names
                          if n.endswith(".txt")]
        else:
            files.append(p)
    files = sorted(set(os.path.abspath(f) for f in files))
    if not files:
        sys.exit("inject.py: no .txt documents in the input")
    # paths are kept relative to the directories named (or the folders of
    # the files named), so a corpus's genre folders stay in them
    roots = [os.path.abspath(p) if os.path.isdir(p)
             else os.path.dirname(os.path.abspath(p)) for p in paths]
    return os.path.commonpath(roots), files


def main():
    ap = argparse.ArgumentParser(
        description="Inject machine-translation artifacts into clean text.")
    ap.add_argument("inputs", nargs="*", help="directories or .txt files")
    ap.add_argument("--list", help="file naming one document per line")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-doc", type=int, default=8,
                    help="most artifacts in one document (default 8)")
    ap.add_argument("--density", type=float, default=0.34,
                    help="most artifacts per paragraph (default 0.34)")
    ap.add_argument("--shapes", help="comma-separated shapes (default all): "
                    + ",".join(s for _, s, _ in SHAPES))
    ap.add_argument("--us-uk", default=os.path.join(HERE, "..", "dicts",
                                                    "us-uk.tsv"))
    ap.add_argument("--dict", default="/usr/share/hunspell/en_US.dic",
                    help="Hunspell .dic whose stems are the words a "
                    "hyphenated compound may be made of (skipped if absent)")
    args = ap.parse_args()
    shapes = {s for _, s, _ in SHAPES}
    if args.shapes:
        want = set(args.shapes.split(","))
        if want - shapes:
            sys.exit("inject.py: unknown shapes: " + ",".join(sorted(want - shapes)))
        shapes = want
    pairs = load_us_uk(args.us_uk)
    vocab = load_vocab(args.dict)
    ops = {
        "identical-conjuncts": lambda d, f, r: conjuncts(d, f, r, vocab),
        "duplicated-phrase": dup_phrase,
        "duplicated-across-stop": dup_across_stop,
        "hyphenated-open": lambda d, f, r: hyphen_open(d, f, r, vocab),
        "us-uk": lambda d, f, r: us_uk(d, f, r, pairs),
        "closed-split": closed_split,
        "split-tail": lambda d, f, r: split_tail(d, f, r, vocab),
        "inserted-verbless": lambda d, f, r: inserted_verbless(d, f, r, vocab),
        "subjectless": subjectless,
        "never-closed": never_closed,
        "opened-twice": opened_twice,
        "missing-space-after-stop": missing_space,
        "space-before": space_before,
        "doubled": doubled,
        "repeated-word": repeated_word,
        "swapped-words": swapped_words,
    }
    root, files = find_inputs(args)
    os.makedirs(args.out, exist_ok=True)
    total = 0
    with open(os.path.join(args.out, "gold.jsonl"), "w", encoding="utf-8") as g, \
            open(os.path.join(args.out, "manifest.jsonl"), "w",
                 encoding="utf-8") as man:
        for path in files:
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            rng = random.Random(f"{args.seed}\0{rel}")
            doc_paras = len(Doc(text).paras)
            n = min(args.per_doc, math.floor(doc_paras * args.density + 0.5))
            n = max(n, 1) if doc_paras else 0
            injected, gold = inject(text, rng, shapes, n, {"ops": ops})
            out = os.path.join(args.out, rel)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as f:
                f.write(injected)
            man.write(json.dumps({"file": rel, "doc": rel, "orig": path,
                                  "artifacts": len(gold)}) + "\n")
            for r in gold:
                g.write(json.dumps(dict({"file": rel, "doc": rel}, **r),
                                   ensure_ascii=False) + "\n")
            total += len(gold)
    print(f"inject.py: {total} artifacts in {len(files)} documents -> "
          f"{args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
