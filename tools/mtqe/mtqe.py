"""Research harness for machine-translation checks: reads mtqe-dump output,
the MLQE-PE word labels and mtlint's JSON findings, and scores candidate
checks the way the MLQE-PE score.py does.

A check is a function sentence -> iterable of (first, last, rule, message),
first/last inclusive indices into sentence.toks. A finding is precise when it
covers at least one BAD token (score.py's finding precision); "gap precision"
also counts a BAD gap next to or inside it (a missing word).
"""
import bisect
import collections
import json
import os
import re

DEV = ["ro-en", "et-en", "ru-en"]
HELD = ["ne-en", "si-en"]
CLEAN = ["ewt-test", "handbook", "devref"]
# the post-edits of the dev pairs, detokenised (detok.py): in-domain text
# that a human corrected; reported apart from the clean prose
PE = ["pe-ro-en", "pe-et-en", "pe-ru-en"]


class Tok:
    __slots__ = ("i", "b0", "b1", "kind", "norm", "tag", "clitic", "amb",
                 "spell", "form", "lp", "uni", "known", "c0", "c1", "ds")

    def __init__(self, i, row, text):
        self.i = i
        self.b0, self.b1, self.kind, self.norm, self.tag, self.clitic, \
            self.amb, self.spell = row
        self.form = text[self.b0:self.b1].decode("utf-8", "replace")
        self.lp = self.uni = None   # first LM unit on this token
        self.known = None
        self.ds = []                # dataset token indices it covers

    @property
    def word(self):
        return self.kind == "word"

    @property
    def amb1(self):
        """The lexicon's most frequent tag ('' unknown)."""
        return "" if self.amb == "?" else self.amb.split("|")[0].rstrip("!")

    @property
    def amb2(self):
        p = self.amb.split("|")
        return p[1] if len(p) > 1 else ""

    @property
    def sure(self):
        return self.amb.endswith("!") or ("!" in self.amb.split("|")[0])

    def __repr__(self):
        return f"{self.form}/{self.tag}"


class Sentence:
    def __init__(self, j, text, corpus, line_start_b, line_text):
        self.corpus = corpus
        self.line = j["line"]
        self.lp = j.get("lp")
        self.toks = [Tok(k, r, text) for k, r in enumerate(j["t"])]
        self.units = j.get("u", [])
        for u in self.units:
            t = self.toks[u[0]]
            if t.lp is None:
                t.lp, t.uni, t.known = u[3], u[4], bool(u[2])
        self.cands = collections.defaultdict(list)
        for tk, w, g in j.get("c", []):
            self.cands[tk].append((w, g))
        # code-point columns in the line
        lb = line_start_b
        lt = line_text
        for t in self.toks:
            t.c0 = len(lt[: t.b0 - lb].decode("utf-8", "ignore"))
            t.c1 = len(lt[: t.b1 - lb].decode("utf-8", "ignore"))
        self.text = lt.decode("utf-8", "replace")

    def words(self):
        return [t for t in self.toks if t.word]

    def span_text(self, a, b):
        return self.text[self.toks[a].c0:self.toks[b].c1]


class Corpus:
    """A text file and its mtqe-dump --lines output; for MLQE pairs also the
    labels. Sentences by line: self.by_line[line] = [Sentence...]."""

    def __init__(self, name, text_path, dump_path, data_dir=None):
        self.name = name
        with open(text_path, "rb") as f:
            raw = f.read()
        self.lines_b = raw.split(b"\n")
        self.line_start_b, pos = [], 0
        for l in self.lines_b:
            self.line_start_b.append(pos)
            pos += len(l) + 1
        self.sents = []
        with open(dump_path, encoding="utf-8") as f:
            for row in f:
                j = json.loads(row)
                li = j["line"]
                self.sents.append(Sentence(j, raw, name, self.line_start_b[li],
                                           self.lines_b[li]))
        self.by_line = collections.defaultdict(list)
        for s in self.sents:
            self.by_line[s.line].append(s)
        # how often each lower-cased word occurs in the file: rules that treat
        # a word used twice as the document's own term read it
        self.word_count = collections.Counter(
            t.norm for s in self.sents for t in s.toks if t.kind == "word")
        for s in self.sents:
            s.corpus_count = self.word_count.__getitem__
        self.n_words = sum(len(l.split()) for l in self.lines_b)
        self.labels = data_dir is not None
        if self.labels:
            d = os.path.join(data_dir, name)

            def lines(fn):
                with open(os.path.join(d, fn), encoding="utf-8") as f:
                    return f.read().split("\n")[:-1]
            self.tags = [t.split() for t in lines("tags.txt")]
            self.gaps = [t.split() for t in lines("gaps.txt")]
            self.mt = lines("mt.txt")
            self.pe = lines("pe.txt")
            self.hter = [float(x) for x in lines("hter.txt")]
            self.spans = []
            with open(os.path.join(d, "tokmap.jsonl"), encoding="utf-8") as f:
                for r in f:
                    self.spans.append([tuple(s) for s in json.loads(r)["tokens"]])
            for s in self.sents:
                sp = self.spans[s.line]
                for t in s.toks:
                    t.ds = [k for k, (a, b) in enumerate(sp) if a < t.c1 and t.c0 < b]

    # --- labels ---
    def covered(self, line, c0, c1):
        sp = self.spans[line]
        toks = [k for k, (a, b) in enumerate(sp) if a < c1 and c0 < b]
        if not toks and sp:
            before = [k for k, (a, b) in enumerate(sp) if b <= c0]
            toks = [before[-1]] if before else [0]
        return toks

    def hit(self, line, c0, c1):
        """(covers a BAD token, covers or borders a BAD gap)"""
        toks = self.covered(line, c0, c1)
        tags, gaps = self.tags[line], self.gaps[line]
        bad = any(tags[k] == "BAD" for k in toks)
        gap = bad or any(gaps[g] == "BAD" for g in range(min(toks), max(toks) + 2)) \
            if toks else False
        return bad, gap

    def tok_bad(self, s, t):
        """Is token t of sentence s on a BAD dataset token?"""
        return self.labels and any(self.tags[s.line][k] == "BAD" for k in t.ds)


def load_corpora(dump_dir, data_dir, clean_dir, names=None):
    out = {}
    for p in (names or DEV):
        if p.startswith("clean-"):
            n = p.replace("clean-", "")
            out[n] = Corpus(n, os.path.join(clean_dir, n + ".txt"),
                            os.path.join(dump_dir, "clean-" + n + ".jsonl"))
        else:
            out[p] = Corpus(p, os.path.join(data_dir, p, "mt.detok.txt"),
                            os.path.join(dump_dir, p + ".jsonl"), data_dir)
    return out


def mtlint_findings(path, corpus):
    """Today's mtlint findings for a pair: list of (line, c0, c1, rule, msg)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for r in f:
            j = json.loads(r)
            l0 = j["line"] - 1
            c0 = j["column"] - 1
            if j.get("end_line", j["line"]) != j["line"]:
                c1 = len(corpus.lines_b[l0].decode("utf-8")) + 1
            else:
                c1 = j["end_column"] - 1
            out.append((l0, c0, max(c1, c0 + 1), j["rule"], j.get("message", "")))
    return out


class Finding:
    __slots__ = ("corpus", "line", "c0", "c1", "rule", "msg", "bad", "gap", "sent")

    def __init__(self, corpus, line, c0, c1, rule, msg, sent=None):
        self.corpus, self.line, self.c0, self.c1 = corpus, line, c0, c1
        self.rule, self.msg, self.sent = rule, msg, sent
        self.bad = self.gap = None


def run_check(check, corpora):
    """-> list of Finding over all corpora, labelled where labels exist."""
    out = []
    for c in corpora.values():
        for s in c.sents:
            for a, b, rule, msg in check(s):
                f = Finding(c.name, s.line, s.toks[a].c0, s.toks[b].c1, rule, msg, s)
                if c.labels:
                    f.bad, f.gap = c.hit(s.line, f.c0, f.c1)
                out.append(f)
    return out


def summarise(findings, corpora, flagged_before=None):
    """Per rule: findings, precise, gap-precise, sentences, new sentences (not
    in flagged_before: set of (corpus, line)); clean: findings per 1000 words."""
    rows = collections.OrderedDict()
    labelled = [c for c in corpora.values() if c.labels]
    clean = [c for c in corpora.values() if not c.labels and not c.name.startswith("pe-")]
    pe = [c for c in corpora.values() if c.name.startswith("pe-")]
    lab_words = sum(c.n_words for c in labelled)
    clean_words = sum(c.n_words for c in clean)
    pe_words = sum(c.n_words for c in pe)
    by_rule = collections.defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
        by_rule["(all)"].append(f)
    for r, fs in sorted(by_rule.items(), key=lambda x: (x[0] != "(all)", -len(x[1]))):
        lf = [f for f in fs if f.bad is not None]
        cf = [f for f in fs if f.bad is None and not f.corpus.startswith("pe-")]
        pf = [f for f in fs if f.corpus.startswith("pe-")]
        sents = {(f.corpus, f.line) for f in lf}
        new = sents - (flagged_before or set())
        rows[r] = {
            "n": len(lf), "P": sum(f.bad for f in lf) / len(lf) if lf else None,
            "Pgap": sum(f.gap for f in lf) / len(lf) if lf else None,
            "sents": len(sents), "new": len(new),
            "new_bad": sum(1 for k in new if any(f.bad for f in lf if (f.corpus, f.line) == k)),
            "clean": len(cf), "clean_per_kw": 1000 * len(cf) / clean_words if clean_words else None,
            "pe": len(pf), "pe_per_kw": 1000 * len(pf) / pe_words if pe_words else None,
            "by_pair": collections.Counter(f.corpus for f in lf),
            "by_clean": collections.Counter(f.corpus for f in cf),
        }
    return rows, lab_words, clean_words


def fmt_table(rows, title=""):
    out = [title] if title else []
    out.append(f"{'rule':28} {'finds':>5} {'findP':>6} {'gapP':>6} {'sents':>5} {'new':>5} "
               f"{'clean':>5} {'/kw':>6} {'PE':>4} {'PE/kw':>6}")
    for r, x in rows.items():
        p = "-" if x["P"] is None else f"{x['P']:.3f}"
        g = "-" if x["Pgap"] is None else f"{x['Pgap']:.3f}"
        k = "-" if x["clean_per_kw"] is None else f"{x['clean_per_kw']:.3f}"
        q = "-" if x["pe_per_kw"] is None else f"{x['pe_per_kw']:.3f}"
        out.append(f"{r:28} {x['n']:5d} {p:>6} {g:>6} {x['sents']:5d} {x['new']:5d} "
                   f"{x['clean']:5d} {k:>6} {x['pe']:4d} {q:>6}")
    return "\n".join(out)


def show(f, corpora, width=160):
    c = corpora[f.corpus]
    text = c.lines_b[f.line].decode("utf-8")
    mark = text[:f.c0] + "[[" + text[f.c0:f.c1] + "]]" + text[f.c1:]
    lab = "" if f.bad is None else ("BAD " if f.bad else ("gap " if f.gap else "ok  "))
    s = f"{lab}{f.corpus}:{f.line + 1} {f.rule}: {f.msg}\n      {mark}"
    if c.labels:
        s += f"\n   PE: {c.pe[f.line]}"
    return s
