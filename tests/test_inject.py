#!/usr/bin/env python3
"""Self-test of tools/inject.py and tools/inject_score.py on the fixture in
tests/inject/ (two short news texts written for this test).

- every gold span lies inside its injected file and holds the gold text;
- undoing the recorded edits gives back the clean original byte for byte,
  so the text outside the injections is unchanged;
- at most one artifact per paragraph, and edits never overlap;
- the same seed gives the same output, another seed a different one;
- over a few seeds, every shape is injected at least once;
- the scorer, run with a stand-in linter that reports doubled words and
  every 'the' of the text, finds the repeated-word artifacts, and counts
  none of the 'the' findings of the clean text as new (offsets mapped
  through the edits).

Prints 'N passed, N failed' and exits non-zero on a failure.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INJECT = os.path.join(ROOT, "tools", "inject.py")
SCORE = os.path.join(ROOT, "tools", "inject_score.py")
FIXTURE = os.path.join(ROOT, "tests", "inject")
SHAPES = {"identical-conjuncts", "duplicated-phrase", "duplicated-across-stop",
          "hyphenated-open", "us-uk", "closed-split", "split-tail",
          "inserted-verbless", "subjectless", "never-closed", "opened-twice",
          "missing-space-after-stop", "space-before", "doubled",
          "repeated-word", "swapped-words"}

# Reports every doubled word as repeated-word and every "the" as spelling,
# in mtlint's JSON Lines format.
FAKE_LINTER = r'''#!/usr/bin/env python3
import json, re, sys
for path in sys.argv[1:]:
    if path.startswith("-"):
        continue
    data = open(path, "rb").read()
    for rule, pat in (("repeated-word", rb"\b(\w+) \1\b"),
                      ("spelling", rb"\bthe\b")):
        for m in re.finditer(pat, data):
            print(json.dumps({"file": path, "line": 1, "column": 1,
                              "offset": m.start(), "length": m.end() - m.start(),
                              "rule": rule, "severity": "warning",
                              "message": "x", "suggestions": []}))
'''

failures = []
passed = 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what)


def run_inject(out, seed, *extra):
    subprocess.run([sys.executable, INJECT, "--seed", str(seed), "--out", out,
                    "--per-doc", "20", "--density", "1", *extra, FIXTURE],
                   check=True, capture_output=True)
    with open(os.path.join(out, "gold.jsonl"), encoding="utf-8") as f:
        gold = [json.loads(x) for x in f]
    with open(os.path.join(out, "manifest.jsonl"), encoding="utf-8") as f:
        manifest = [json.loads(x) for x in f]
    return gold, manifest


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check_output(out, gold, manifest, seed):
    check(len(manifest) == 2, f"seed {seed}: two documents in the manifest")
    check(len(gold) >= 10, f"seed {seed}: at least 10 artifacts ({len(gold)})")
    by_file = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    for m in manifest:
        inj = read(os.path.join(out, m["file"]))
        orig = read(m["orig"])
        golds = by_file.get(m["file"], [])
        for g in golds:
            ok = 0 <= g["start"] < g["end"] <= len(inj)
            check(ok and inj[g["start"]:g["end"]].decode("utf-8") == g["text"],
                  f"seed {seed}: {m['file']} {g['shape']} span holds its text")
            e = g["edit"]
            check(0 <= e["start"] <= e["end"] <= len(inj)
                  and 0 <= e["orig_start"] <= e["orig_end"] <= len(orig),
                  f"seed {seed}: {g['shape']} edit inside both files")
            for a, b in g["related"]:
                check(0 <= a < b <= len(inj),
                      f"seed {seed}: {g['shape']} related span inside the file")
        # undo the edits, last first: the original must come back
        undone = inj
        edits = sorted((g["edit"] for g in golds), key=lambda e: e["start"])
        for e in reversed(edits):
            undone = (undone[:e["start"]] + orig[e["orig_start"]:e["orig_end"]]
                      + undone[e["end"]:])
        check(undone == orig, f"seed {seed}: {m['file']}: text outside the "
              "injections is unchanged")
        for a, b in zip(edits, edits[1:]):
            check(a["end"] < b["start"] and a["orig_end"] < b["orig_start"],
                  f"seed {seed}: {m['file']}: edits do not overlap")
        paras = [g["paragraph"] for g in golds]
        check(len(paras) == len(set(paras)),
              f"seed {seed}: {m['file']}: at most one artifact per paragraph")


def main():
    shapes = set()
    with tempfile.TemporaryDirectory() as tmp:
        outs = {}
        for seed in (1, 2, 3, 4):
            out = os.path.join(tmp, f"s{seed}")
            gold, manifest = run_inject(out, seed)
            check_output(out, gold, manifest, seed)
            shapes |= {g["shape"] for g in gold}
            outs[seed] = gold
        again = os.path.join(tmp, "s1-again")
        gold2, _ = run_inject(again, 1)
        check(gold2 == outs[1], "same seed, same gold")
        for m in ("news/harbour-talks.txt", "news/library-reopens.txt"):
            check(read(os.path.join(tmp, "s1", m)) == read(os.path.join(again, m)),
                  f"same seed, same {m}")
        check(outs[2] != outs[1], "another seed, other artifacts")
        check(shapes == SHAPES, "every shape injected over four seeds; missing: "
              + ",".join(sorted(SHAPES - shapes)))

        # only one shape: every artifact is of it
        only = os.path.join(tmp, "only")
        gold, _ = run_inject(only, 5, "--shapes", "repeated-word")
        check(gold and all(g["shape"] == "repeated-word" for g in gold),
              "--shapes limits the shapes")

        fake = os.path.join(tmp, "fake-mtlint")
        with open(fake, "w") as f:
            f.write(FAKE_LINTER)
        os.chmod(fake, 0o755)
        split = os.path.join(tmp, "split.tsv")
        with open(split, "w") as f:
            f.write("news/harbour-talks.txt\tcalibration\n"
                    "texts/news/library-reopens.txt\theld-out\n")
        r = subprocess.run([sys.executable, SCORE, fake, only, "--split", split,
                            "--false"], capture_output=True, text=True)
        check(r.returncode == 0, "scorer runs: " + r.stderr.strip())
        lines = r.stdout.splitlines()
        rw = [x for x in lines if x.startswith("repeated-word / repeated-word")]
        n = len(gold)
        check(len(rw) == 3 and rw[-1].split()[3] == str(n)
              and all(x.split()[3] == x.split()[4] for x in rw),
              f"scorer finds the {n} doubled words in each split and in all: {rw}")
        check("== split calibration" in r.stdout
              and "== split held-out" in r.stdout,
              "scorer reports both splits")
        # a 'the' is new only where an artifact doubled it: both words of
        # 'the the' replaced the original 'the' (collateral findings)
        doubled_the = sum(1 for g in gold if g["text"].lower() == "the the")
        spelling = [x.split()[1:6] for x in lines if x.startswith("spelling ")]
        check(all(x[1] == "0" and x[3:] == ["0", "0"] for x in spelling)
              and sum(int(x[2]) for x in spelling[-1:]) == 2 * doubled_the,
              f"findings the clean text had are not new: {spelling}, "
              f"{doubled_the} 'the the'")
        check("== near and false findings" in r.stdout
              and not [x for x in lines if ": false " in x],
              "no false findings listed")

    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
