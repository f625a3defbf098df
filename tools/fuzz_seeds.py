#!/usr/bin/env python3
"""Writes a seed corpus for tests/fuzz/fuzz_lint: the example articles in
pieces, every string literal of the unit tests (the rules' must-flag and
must-not-flag cases) and the examples of the CommonMark spec
(tests/commonmark/spec.txt) as Markdown. Each seed starts with the byte fuzz_lint reads as the
input kind: 0 plain text, 1 Markdown.

usage: fuzz_seeds.py OUTDIR MAX_LEN EXAMPLES_DIR TESTS_DIR
"""
import glob
import hashlib
import os
import re
import sys

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
ADJACENT = re.compile(r'"(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*')
SIMPLE = {"n": 10, "r": 13, "t": 9, "a": 7, "b": 8, "f": 12, "v": 11,
          "\\": 92, '"': 34, "'": 39, "?": 63}


def c_bytes(body):
    """The bytes of a C string literal's body (escapes decoded)."""
    raw = body.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        e = chr(raw[i + 1])
        i += 2
        if e == "x":
            j = i
            while j < len(raw) and chr(raw[j]) in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(raw[i:j], 16) & 0xFF)
            i = j
        elif e in "01234567":
            j = i
            while j < len(raw) and j < i + 2 and chr(raw[j]) in "01234567":
                j += 1
            out.append(int(e + raw[i:j].decode(), 8) & 0xFF)
            i = j
        else:
            out.append(SIMPLE.get(e, ord(e)))
    return bytes(out)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    out, max_len, examples, tests = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    seeds = set()

    def add(kind, data):
        data = bytes([kind]) + data[: max_len - 1]
        seeds.add(data)

    for path in sorted(glob.glob(os.path.join(examples, "*"))):
        with open(path, "rb") as f:
            text = f.read()
        kind = 1 if path.endswith(".md") else 0
        chunk = b""
        for para in text.split(b"\n\n"):
            if chunk and len(chunk) + len(para) > max_len - 3:
                add(kind, chunk)
                add(1 - kind, chunk)
                chunk = b""
            chunk += para + b"\n\n"
        if chunk:
            add(kind, chunk)

    for path in sorted(glob.glob(os.path.join(tests, "*.c"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            src = f.read()
        kind = 1 if "markdown" in os.path.basename(path) else 0
        for m in ADJACENT.finditer(src):
            data = b"".join(c_bytes(b) for b in LITERAL.findall(m.group(0)))
            if len(data) >= 8 and b"%" not in data[:2]:
                add(kind, data)

    spec = os.path.join(tests, "commonmark", "spec.txt")
    if os.path.exists(spec):
        with open(spec, "rb") as f:
            text = f.read().replace("\u2192".encode(), b"\t")
        fence = b"`" * 32
        for m in re.finditer(rb"^" + fence + rb" example\n(.*?)^\.\n", text,
                             re.S | re.M):
            add(1, m.group(1))

    for data in seeds:
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("fuzz_seeds: %d seeds" % len(seeds))


if __name__ == "__main__":
    main()
