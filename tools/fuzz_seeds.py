#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target (tests/fuzz/fuzz_TARGET.c):
inputs of the shape the target reads, from the source tree.

  text      the example articles and clean prose in pieces; the string
            literals of the unit tests (the rules' must-flag and
            must-not-flag cases)
  markdown  the CommonMark spec's examples (tests/commonmark/spec.txt when
            present, else the Markdown files under /usr/share/doc); the
            Markdown unit tests' literals; the articles as Markdown
  config    .mtlint.ini texts from the config and CLI tests, and examples
  baseline  baselines (even first byte) and named texts to record (odd)
  words     word lists: dicts/news-words.txt, and literals
  table     the shipped tables, each with the byte that asks for its
            number of fields
  stream    --stream input: JSON Lines of text seeds, ids of every kind,
            lines that are not documents
  lsp       client sessions: framed JSON-RPC messages that open, edit and
            close documents, and broken frames

usage: fuzz_seeds.py TARGET OUTDIR MAX_LEN SOURCE_ROOT
"""
import glob
import json
import hashlib
import os
import re
import sys

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
ADJACENT = re.compile(r'"(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*')
SIMPLE = {"n": 10, "r": 13, "t": 9, "a": 7, "b": 8, "f": 12, "v": 11,
          "\\": 92, '"': 34, "'": 39, "?": 63}
# Enough seeds to start from every shape, few enough that libFuzzer's first
# pass over them takes seconds, not minutes.
MAX_SEEDS = 1500


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


def literals(paths):
    """Every string literal (adjacent ones joined) of the C files."""
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            src = f.read()
        for m in ADJACENT.finditer(src):
            yield b"".join(c_bytes(b) for b in LITERAL.findall(m.group(0)))


def pieces(data, max_len):
    """Paragraph-aligned pieces of a document, each under max_len bytes."""
    chunk = b""
    for para in data.split(b"\n\n"):
        if chunk and len(chunk) + len(para) > max_len - 3:
            yield chunk
            chunk = b""
        chunk += para + b"\n\n"
    if chunk:
        yield chunk


def read(path):
    with open(path, "rb") as f:
        return f.read()


def spec_examples(path):
    """The Markdown of each example in the CommonMark spec ('→' is a tab)."""
    fence = "`" * 32 + " example"
    lines = read(path).decode("utf-8").split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith(fence):
            j = i + 1
            body = []
            while j < len(lines) and lines[j] != ".":
                body.append(lines[j])
                j += 1
            yield ("\n".join(body) + "\n").replace("\u2192", "\t").encode()
            i = j
        i += 1


def text_seeds(root, max_len):
    for path in sorted(glob.glob(os.path.join(root, "examples", "*"))):
        yield from pieces(read(path), max_len)
    # the start of a document of each genre of the clean corpus
    for genre in sorted(glob.glob(os.path.join(root, "tests/clean/texts/*"))):
        for path in sorted(glob.glob(os.path.join(genre, "*.txt")))[:1]:
            yield from list(pieces(read(path), max_len))[:4]
    tests = [p for p in sorted(glob.glob(os.path.join(root, "tests", "*.c")))
             if "markdown" not in p]
    for data in literals(tests):
        if len(data) >= 8 and b"%" not in data[:2]:
            yield data


def markdown_seeds(root, max_len):
    spec = os.path.join(root, "tests/commonmark/spec.txt")
    if os.path.exists(spec):
        yield from spec_examples(spec)
    else:
        docs = sorted(glob.glob("/usr/share/doc/**/*.md", recursive=True))
        for path in docs[::max(1, len(docs) // 60)]:
            yield from list(pieces(read(path), max_len))[:2]
    for data in literals([os.path.join(root, "tests/test_markdown.c")]):
        if len(data) >= 4:
            yield data
    for path in sorted(glob.glob(os.path.join(root, "examples", "*"))):
        yield from pieces(read(path), max_len)


CONFIG_EXAMPLES = [
    b"root = true\n[mtlint]\nlang = en_GB\nwords = words.txt ; here\n"
    b"ignore = drafts, *.draft.md\nignore-words = Blinken, Netanyahu\n"
    b"[rules]\nspelling = off\n[*.md]\nfragment = off\n",
    b"\xef\xbb\xbf[mtlint]\ninput = markdown\nreport-unused-suppressions = 1\n"
    b"ignore-phrases = day after\n[docs/**/*.md]\nrepeated-word = error\n",
    b"[rules]\r\nencoding = note\r\n[**/[a-c]?.txt]\r\ndict-path = /x, y\r\n",
]


def config_seeds(root, max_len):
    yield from CONFIG_EXAMPLES
    tests = [os.path.join(root, "tests", n)
             for n in ("test_config.c", "test_cli.c", "test_integrations.py")]
    for data in literals([p for p in tests if p.endswith(".c")]):
        if b"=" in data and (b"[" in data or b"\n" in data):
            yield data


BASELINE = (b"# mtlint baseline 1: fingerprint, rule, file, flagged text\n"
            b"0123456789abcdef\trepeated-word\ta.txt\tthe the\n"
            b"# a comment\n\nFEDCBA9876543210\tencoding\tdir/b\\tc.md\t\\\\x\n")


def baseline_seeds(root, max_len):
    yield b"\0" + BASELINE
    yield b"\0" + BASELINE.replace(b"\n", b"\r\n")
    yield b"\0" + BASELINE[:80]
    for data in literals([os.path.join(root, "tests/test_baseline.c")]):
        if data.startswith(b"# mtlint"):
            yield b"\0" + data
    for i, text in enumerate(text_seeds(root, max_len)):
        if i % 4 == 0:
            yield b"\1" + b"dir/file %d.txt\n" % i + text


def words_seeds(root, max_len):
    yield read(os.path.join(root, "dicts/news-words.txt"))
    yield b"hello\nCOVID\n# comment\n  spaced  \t\nnon-word\nNew York\n\xc3\xa9t\xc3\xa9\n"
    yield b"a" * 300 + b"\nword # trailing comment\r\n"


def table_seeds(root, max_len):
    for name, fields in (("confusions.tsv", 4), ("us-uk.tsv", 2)):
        for piece in pieces(read(os.path.join(root, "dicts", name)), max_len):
            for chunk in range(0, len(piece), max_len - 1):
                yield bytes([fields - 1]) + piece[chunk:chunk + max_len - 1]
    yield b"\1a\tb\n#c\td\n\te\nf\tg\th\r\n\n"


def stream_seeds(root, max_len):
    texts = [t.decode("utf-8", "replace") for i, t in
             enumerate(text_seeds(root, max_len)) if i % 5 == 0]
    ids = [1, "a-17", 1.50, None, 123456789012345678901234567890, [1, 2],
           {"k": "v"}, True, "\u00e9"]
    for i, text in enumerate(texts):
        doc = {"id": ids[i % len(ids)], "text": text}
        if i % 3 == 1:
            doc["format"] = "markdown"
        line = json.dumps(doc, ensure_ascii=i % 2 == 0)
        if i % 7 == 0:  # the id written as a client may write it
            line = line.replace('"id": 1.5', '"id": 1.50', 1)
        yield line.encode() + b"\n"
    yield (b'{"id":1,"text":"the the"}\n\n{"text":1}\n[1]\n{"id":2}\n'
           b'{"id":3,"text":"x","format":"rst"}\n{"id":"\\u0069","text":""}')
    yield b'{"\\u0069d": 7, "text": "a\\u0000b", "format": "markdown"}\r\n'
    yield b'{"id":1,"id":2,"text":"dup"}\n{"id":1e999,"text":"big"}\n'


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_seeds(root, max_len):
    init = frame({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                  "params": {"capabilities": {}}})
    inited = frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file:///tmp/a.md"
    texts = [t.decode("utf-8", "replace")
             for i, t in enumerate(text_seeds(root, 600)) if i % 40 == 0]
    for i, text in enumerate(texts):
        msgs = [init, inited, frame({
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "markdown",
                                        "version": 1, "text": text}}})]
        msgs.append(frame({
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": 2},
                       "contentChanges": [
                           {"range": {"start": {"line": 0, "character": i % 7},
                                      "end": {"line": 1, "character": 2}},
                            "text": "é\U0001F600x"},
                           {"text": text[: i % 50]}]}}))
        msgs.append(frame({"jsonrpc": "2.0", "id": i, "method":
                           "textDocument/codeAction", "params": {}}))
        msgs.append(frame({"jsonrpc": "2.0", "method": "textDocument/didClose",
                           "params": {"textDocument": {"uri": uri}}}))
        msgs.append(frame({"jsonrpc": "2.0", "id": "s", "method": "shutdown"}))
        msgs.append(frame({"jsonrpc": "2.0", "method": "exit"}))
        yield b"".join(msgs)
    yield b"Content-Length: 5\r\n\r\nnull!" + init
    yield b"garbage\r\n\r\n" + init + b"Content-Length: 99999999999\r\n\r\n"
    yield b"content-length:2\nContent-Type: x\n\n[]" + frame({"id": 1, "result": 2})
    yield init + frame({"jsonrpc": "2.0", "id": 1.5, "method": "x"})


TARGETS = {"text": text_seeds, "markdown": markdown_seeds,
           "config": config_seeds, "baseline": baseline_seeds,
           "words": words_seeds, "table": table_seeds,
           "stream": stream_seeds, "lsp": lsp_seeds}


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in TARGETS:
        sys.exit(__doc__)
    target, out, max_len, root = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    os.makedirs(out, exist_ok=True)
    seeds = []
    seen = set()
    for data in TARGETS[target](root, max_len):
        data = data[:max_len]
        if data and data not in seen:
            seen.add(data)
            seeds.append(data)
    # an even spread over the sources when there are too many
    step = max(1, len(seeds) // MAX_SEEDS)
    seeds = seeds[::step][:MAX_SEEDS]
    for data in seeds:
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("fuzz_seeds: %s: %d seeds" % (target, len(seeds)))


if __name__ == "__main__":
    main()
