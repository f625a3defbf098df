#!/usr/bin/env python3
"""Validates mtlint's SARIF output against the SARIF 2.1.0 JSON schema.

usage: validate_sarif.py MTLINT SCHEMA ARTICLE

Runs mtlint --format=sarif on the article and on bad-input files written to
a temporary directory, validates every document with python3-jsonschema,
and checks that the SARIF results and the JSON Lines findings of the same
run agree: same files, positions, rules, levels and messages.
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

# name -> bytes; linted together, plus a missing file (exit status 2).
BAD_INPUTS = {
    "invalid-utf8.txt": b"bad \xff\xfe byte the the end\n",
    "nul.txt": b"nul \x00 byte the the end\n",
    "crlf.txt": b"One.\r\nTwo.\r\nHe met the the man.\r\n",
    "lone-cr.txt": b"One.\rTwo.\rHe met the the man.\r",
    "bom.txt": b"\xef\xbb\xbfHe met the the minister.\n",
    "empty.txt": b"",
    "no-newline.txt": b"First.\nLast line has the the",
    "caf\u00e9 \"q\" #1.txt": "Caf\u00e9 \u2014 the the end.\n".encode(),
    "doc.md": b"# Title\n\nSome *emphasis* and the the end.\n\n- item with with\n",
    "utf16.txt": "He met the the minister.\n".encode("utf-16"),
}


def run(mtlint, args, cwd):
    proc = subprocess.run([mtlint, "--no-config"] + args, cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=300, check=False)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def uri_to_name(uri):
    if uri.startswith("file://"):
        uri = uri[len("file://"):]
    return urllib.parse.unquote(uri)


def sarif_findings(doc, problems, where):
    run0 = doc["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    if run0.get("columnKind") != "unicodeCodePoints":
        problems.append(f"{where}: columnKind is {run0.get('columnKind')!r}")
    out = []
    for res in run0["results"]:
        idx = res.get("ruleIndex")
        if idx is None or rules[idx]["id"] != res["ruleId"]:
            problems.append(f"{where}: ruleIndex {idx} is not {res['ruleId']}")
        loc = res["locations"][0]["physicalLocation"]
        reg = loc["region"]
        out.append((uri_to_name(loc["artifactLocation"]["uri"]),
                    reg["startLine"], reg["startColumn"], reg["endLine"],
                    reg["endColumn"], reg["byteOffset"], reg["byteLength"],
                    res["ruleId"], res["level"], res["message"]["text"]))
    return out


def json_findings(text):
    out = []
    for line in text.splitlines():
        f = json.loads(line)
        missing = {"file", "line", "column", "end_line", "end_column", "offset",
                   "length", "rule", "severity", "message",
                   "suggestions"} - f.keys()
        if missing:
            raise ValueError(f"json finding without {sorted(missing)}: {line}")
        out.append((f["file"], f["line"], f["column"], f["end_line"],
                    f["end_column"], f["offset"], f["length"], f["rule"],
                    f["severity"], f["message"]))
    return out


def check(mtlint, validator, files, cwd, expect_status, problems, opts=()):
    where = " ".join(files) if len(files) < 3 else f"{len(files)} files"
    status, out, err = run(mtlint, ["--format=sarif"] + list(opts) + files, cwd)
    if status not in expect_status:
        problems.append(f"{where}: exit status {status}, stderr: {err}")
    try:
        doc = json.loads(out)
    except ValueError as e:
        problems.append(f"{where}: SARIF is not JSON: {e}")
        return 0
    for e in validator.iter_errors(doc):
        problems.append(f"{where}: schema: {e.message} at "
                        f"{'/'.join(str(p) for p in e.absolute_path)}")
    sarif = sarif_findings(doc, problems, where)

    status_j, out_j, _ = run(mtlint, ["--format=json"] + list(opts) + files, cwd)
    if status_j != status:
        problems.append(f"{where}: json exit status {status_j}, sarif {status}")
    jl = json_findings(out_j.decode("utf-8"))
    if len(jl) != len(sarif):
        problems.append(f"{where}: {len(sarif)} SARIF results, {len(jl)} JSON")
    for s, j in zip(sarif, jl):
        if s != j:
            problems.append(f"{where}: SARIF {s} != JSON {j}")
    # every region lies inside its file
    for s in sarif:
        path = os.path.join(cwd, s[0])
        if os.path.exists(path) and s[5] + s[6] > os.path.getsize(path):
            problems.append(f"{where}: region {s} past the end of the file")
    return len(sarif)


SUPPRESSIONS_MD = (b"<!-- mtlint-disable-next-line speling -->\n"
                   b"Nothing here.\n\n"
                   b"<!-- mtlint-disable-next-line repeated-word -->\n"
                   b"Nothing repeated here.\n")


def check_suppressions(mtlint, validator, tmp, problems):
    """The findings about suppression comments (unknown-rule, and
    unused-suppression at the severity asked for) are valid SARIF whose
    ruleIndex names a descriptor documented like every other rule's."""
    d = os.path.join(tmp, "suppress")
    os.mkdir(d)
    with open(os.path.join(d, "s.md"), "wb") as f:
        f.write(SUPPRESSIONS_MD)
    opts = ["--report-unused-suppressions", "--severity=unused-suppression=note"]
    n = check(mtlint, validator, ["s.md"], d, (0, 1), problems, opts)
    print(f"suppression comments: {n} results")
    _, out, err = run(mtlint, ["--format=sarif"] + opts + ["s.md"], d)
    try:
        run0 = json.loads(out)["runs"][0]
    except ValueError:
        problems.append(f"suppression comments: no SARIF: {err}")
        return
    rules = run0["tool"]["driver"]["rules"]
    got = sorted((r["ruleId"], r["level"]) for r in run0["results"])
    if got != [("unknown-rule", "warning"), ("unused-suppression", "note")]:
        problems.append(f"suppression comments: results {got}")
    for res in run0["results"]:
        desc = rules[res.get("ruleIndex", 0)]
        if desc["id"] != res["ruleId"] or \
                not desc.get("fullDescription", {}).get("text") or \
                not desc.get("help", {}).get("text") or "helpUri" not in desc:
            problems.append(f"suppression comments: descriptor {desc}")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    mtlint, schema_path, article = (os.path.abspath(a) for a in sys.argv[1:])
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.FormatChecker())
    problems = []
    with tempfile.TemporaryDirectory(prefix="mtlint-sarif-") as tmp:
        for name, data in BAD_INPUTS.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
        good = sorted(n for n in BAD_INPUTS if n != "utf16.txt")
        n = check(mtlint, validator, [article], tmp, (0, 1), problems)
        print(f"article: {n} results")
        n = check(mtlint, validator, good, tmp, (1,), problems)
        print(f"bad inputs: {n} results")
        n = check(mtlint, validator, good + ["utf16.txt", "missing.txt"], tmp,
                  (2,), problems)
        print(f"bad inputs with unreadable ones: {n} results")
        n = check(mtlint, validator, ["empty.txt"], tmp, (0,), problems)
        print(f"empty file: {n} results")
        n = check(mtlint, validator, ["."], tmp, (2,), problems)
        print(f"directory (with the UTF-16 file): {n} results")
        check_suppressions(mtlint, validator, tmp, problems)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
