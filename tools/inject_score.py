#!/usr/bin/env python3
"""Scores an mtlint binary on documents made by tools/inject.py.

  inject_score.py MTLINT DIR... [--split FILE] [--misses] [--false]
                  [--collateral] [--shape S] [--arg=ARG]...

Runs MTLINT --format=json on each clean original (DIR/manifest.jsonl names
them) and on its injected copy in DIR, then prints (several DIRs, e.g. one
per seed, are pooled; a clean original is then counted once per DIR):

- recall per class and shape: an artifact is found when a finding of the
  expected rule that the clean original did not have overlaps its span or
  one of its related spans (a term's other occurrences, the rest of a
  quotation's paragraph); "any rule" counts a new finding of any rule on
  the span;
- precision of the new findings, per rule: findings of the injected copy
  that the clean original already had at the same text (offsets mapped
  through the injections) are not new. A new finding is a hit (the expected
  rule on an artifact), collateral (another rule on an artifact's span or
  edit), near (elsewhere in a paragraph that received an artifact) or false
  (in untouched text). Precision counts hits and collateral as right. The
  column "clean" counts the findings on the clean originals, which are
  false positives unless the clean text has real errors: read them with
  mtlint itself.

--split FILE reads `path<TAB>calibration|held-out` lines (a path matches a
document whose path relative to the input root ends with it, or that ends
with the document's) and reports each split; documents it does not name form
the split "unassigned". --misses prints every missed artifact with context,
--false every near and false finding, --collateral every collateral one.
"""
import argparse
import collections
import json
import os
import subprocess
import sys


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_mtlint(mtlint, paths, extra):
    """Findings per file, in batches (one process for many files)."""
    found = collections.defaultdict(list)
    for i in range(0, len(paths), 200):
        batch = paths[i:i + 200]
        r = subprocess.run([mtlint, "--format=json", "--no-config",
                            "--fail-level=none"] + extra + batch,
                           capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"inject_score.py: {mtlint} exited {r.returncode}: "
                     f"{r.stderr.strip()}")
        for line in r.stdout.splitlines():
            if line.strip():
                f = json.loads(line)
                found[f["file"]].append(f)
    return found


def overlap(a, b, x, y):
    """Byte ranges [a, b) and [x, y) share a byte; an empty range shares
    one when it lies strictly inside the other."""
    if a == b:
        return x < a < y
    if x == y:
        return a < x < b
    return a < y and x < b


class Mapping:
    """Offsets of an injected copy back to its original, through the
    injections' edits."""

    def __init__(self, gold):
        self.edits = sorted((g["edit"] for g in gold), key=lambda e: e["start"])

    def to_orig(self, s, e):
        """The original range of injected [s, e), or None when the range
        touches text an edit made."""
        delta = 0
        for ed in self.edits:
            if overlap(s, e, ed["start"], ed["end"]) or (
                    ed["start"] == ed["end"] == s == e):
                return None
            if ed["end"] <= s:
                delta += (ed["end"] - ed["start"]) - (
                    ed["orig_end"] - ed["orig_start"])
        return s - delta, e - delta


def read_split(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            p, name = line.rstrip("\n").split("\t")[:2]
            rows.append((os.path.normpath(p), name.strip()))
    return rows


def split_of(doc, rows):
    d = os.path.normpath(doc)
    for p, name in rows:
        if d == p or d.endswith(os.sep + p) or p.endswith(os.sep + d):
            return name
    return "unassigned"


def context(data, s, e, width=70):
    pre = data[max(0, s - width):s].decode("utf-8", "replace")
    mid = data[s:e].decode("utf-8", "replace")
    post = data[e:e + width].decode("utf-8", "replace")
    return (pre + "⟦" + mid + "⟧" + post).replace("\n", " ⏎ ")


def line_of(data, off):
    return data.count(b"\n", 0, off) + 1


def score(args):
    results, findings, clean_counts = [], [], []
    for d in args.dirs:
        r, f, c = score_dir(args, d)
        results += r
        findings += f
        clean_counts += c
    return results, findings, clean_counts


def score_dir(args, out_dir):
    manifest = load_jsonl(os.path.join(out_dir, "manifest.jsonl"))
    gold = load_jsonl(os.path.join(out_dir, "gold.jsonl"))
    by_file = collections.defaultdict(list)
    for g in gold:
        by_file[g["file"]].append(g)
    injected = {m["file"]: os.path.join(out_dir, m["file"]) for m in manifest}
    originals = {m["file"]: m["orig"] for m in manifest}
    extra = args.arg or []
    after = run_mtlint(args.mtlint, list(injected.values()), extra)
    before = run_mtlint(args.mtlint, list(originals.values()), extra)
    rows = read_split(args.split) if args.split else []

    results = []        # (split, gold, found_expected, found_any, file, data)
    findings = []       # (split, kind, finding, file, gold or None, data)
    clean_counts = []   # (split, rule) of each finding on a clean original
    for m in manifest:
        rel = m["file"]
        split = split_of(m["doc"], rows) if rows else "all"
        clean_counts += [(split, f["rule"]) for f in before.get(originals[rel], [])]
        golds = by_file.get(rel, [])
        mapping = Mapping(golds)
        clean = {(f["rule"], f["offset"], f["offset"] + f["length"])
                 for f in before.get(originals[rel], [])}
        new = []
        for f in after.get(injected[rel], []):
            s, e = f["offset"], f["offset"] + f["length"]
            orig = mapping.to_orig(s, e)
            if orig is None or (f["rule"], orig[0], orig[1]) not in clean:
                new.append(f)
        with open(injected[rel], "rb") as fh:
            data = fh.read()
        paras = paragraph_ranges(data)
        for g in golds:
            spans = [(g["start"], g["end"])] + [tuple(r) for r in g["related"]]
            exp = [f for f in new if f["rule"] == g["rule"] and any(
                overlap(f["offset"], f["offset"] + f["length"], a, b)
                for a, b in spans)]
            anyr = [f for f in new if overlap(
                f["offset"], f["offset"] + f["length"], g["start"], g["end"])]
            results.append((split, g, bool(exp), bool(anyr or exp), rel, data))
        for f in new:
            s, e = f["offset"], f["offset"] + f["length"]
            kind, which = "false", None
            for g in golds:
                spans = [(g["start"], g["end"])] + [
                    tuple(r) for r in g["related"]]
                on_span = any(overlap(s, e, a, b) for a, b in spans)
                on_edit = overlap(s, e, g["start"], g["end"]) or overlap(
                    s, e, g["edit"]["start"], g["edit"]["end"])
                if f["rule"] == g["rule"] and on_span:
                    kind, which = "hit", g
                    break
                if on_edit:
                    kind, which = "collateral", g
                elif kind == "false" and same_paragraph(paras, s, g):
                    kind, which = "near", g
            findings.append((split, kind, f, rel, which, data))
    return results, findings, clean_counts


def paragraph_ranges(data):
    out, start = [], 0
    for chunk in data.split(b"\n\n"):
        out.append((start, start + len(chunk)))
        start += len(chunk) + 2
    return out


def same_paragraph(paras, off, g):
    for a, b in paras:
        if a <= off <= b:
            return a <= g["edit"]["start"] <= b
    return False


def report(results, findings, clean_counts, args, out=sys.stdout):
    splits = sorted({r[0] for r in results} | {f[0] for f in findings},
                    key=lambda s: (s != "calibration", s != "held-out", s))
    if len(splits) > 1:
        splits.append("all")
    for split in splits:
        rs = [r for r in results if split in ("all", r[0])]
        fs = [f for f in findings if split in ("all", f[0])]
        ndocs = len({r[4] for r in rs})
        print(f"== split {split}: {len(rs)} artifacts, "
              f"{len(fs)} new findings", file=out)
        print(f"{'class / shape':48} {'n':>5} {'found':>6} {'recall':>7}"
              f" {'any rule':>9}", file=out)
        by = collections.OrderedDict()
        for r in sorted(rs, key=lambda r: (r[1]["class"], r[1]["shape"])):
            by.setdefault((r[1]["class"], r[1]["shape"]), []).append(r)
        cls_tot = collections.OrderedDict()
        for (cls, shape), items in by.items():
            n = len(items)
            k = sum(1 for r in items if r[2])
            a = sum(1 for r in items if r[3])
            t = cls_tot.setdefault(cls, [0, 0, 0])
            t[0] += n
            t[1] += k
            t[2] += a
            print(f"{cls + ' / ' + shape:48} {n:5d} {k:6d} {pct(k, n):>7}"
                  f" {pct(a, n):>9}", file=out)
        for cls, (n, k, a) in cls_tot.items():
            print(f"{cls + ' (all shapes)':48} {n:5d} {k:6d} {pct(k, n):>7}"
                  f" {pct(a, n):>9}", file=out)
        n = len(rs)
        k = sum(1 for r in rs if r[2])
        a = sum(1 for r in rs if r[3])
        print(f"{'total':48} {n:5d} {k:6d} {pct(k, n):>7} {pct(a, n):>9}",
              file=out)
        print(file=out)
        print(f"{'rule':22} {'new':>5} {'hit':>5} {'collat':>6} {'near':>5}"
              f" {'false':>6} {'precision':>9} {'clean':>6}", file=out)
        clean = collections.Counter(r for s, r in clean_counts
                                    if split in ("all", s))
        per = {r: collections.Counter() for r in clean}
        for f in fs:
            per.setdefault(f[2]["rule"], collections.Counter())[f[1]] += 1
        tot = collections.Counter()
        for rule in sorted(per):
            tot.update(per[rule])
            print_prec(rule, per[rule], clean[rule], out)
        print_prec("all rules", tot, sum(clean.values()), out)
        print(f"({ndocs} documents with artifacts)", file=out)
        print(file=out)
    if args.misses:
        print("== missed artifacts", file=out)
        for split, g, found, anyr, rel, data in results:
            if found or (args.shape and g["shape"] not in args.shape):
                continue
            near = [f for f in findings if f[3] == rel and f[4] is g]
            others = "; ".join(f"{f[2]['rule']}: {f[2]['message']}"
                               for f in near)
            print(f"{rel}:{line_of(data, g['start'])}: {g['shape']} "
                  f"(expects {g['rule']}): "
                  f"{context(data, g['start'], g['end'])}", file=out)
            if others:
                print(f"    other new findings there: {others}", file=out)
    for kinds, flag in ((("near", "false"), args.false),
                        (("collateral",), args.collateral)):
        if not flag:
            continue
        print(f"== {' and '.join(kinds)} findings", file=out)
        for split, kind, f, rel, g, data in findings:
            if kind not in kinds:
                continue
            s, e = f["offset"], f["offset"] + f["length"]
            tag = f" (near {g['shape']})" if g is not None else ""
            print(f"{rel}:{f['line']}: {kind}{tag} {f['rule']}: "
                  f"{f['message']}: {context(data, s, e, 50)}", file=out)


def print_prec(rule, c, clean, out):
    new = sum(c.values())
    right = c["hit"] + c["collateral"]
    print(f"{rule:22} {new:5d} {c['hit']:5d} {c['collateral']:6d}"
          f" {c['near']:5d} {c['false']:6d} {pct(right, new):>9} {clean:6d}",
          file=out)


def pct(k, n):
    return f"{100.0 * k / n:.1f}%" if n else "-"


def main():
    ap = argparse.ArgumentParser(
        description="Recall and precision of mtlint on injected documents.")
    ap.add_argument("mtlint", help="the mtlint binary")
    ap.add_argument("dirs", nargs="+", metavar="DIR",
                    help="output directories of tools/inject.py (several, "
                    "e.g. one per seed, are pooled)")
    ap.add_argument("--split", help="path<TAB>calibration|held-out lines")
    ap.add_argument("--misses", action="store_true",
                    help="print each missed artifact with its context")
    ap.add_argument("--false", action="store_true",
                    help="print each new finding on untouched text")
    ap.add_argument("--collateral", action="store_true",
                    help="print each new finding of another rule on an "
                    "artifact")
    ap.add_argument("--shape", action="append",
                    help="with --misses: only these shapes")
    ap.add_argument("--arg", action="append",
                    help="pass an argument to mtlint (e.g. --arg=--only=fragment)")
    args = ap.parse_args()
    results, findings, clean_counts = score(args)
    report(results, findings, clean_counts, args)


if __name__ == "__main__":
    main()
