#!/usr/bin/env python3
"""Builds the benchmark corpus from Debian's English package descriptions.

Source: the Translation-en index of Debian's main archive, which apt keeps in
/var/lib/apt/lists when Acquire::Languages includes "en". Each description is
part of its package's control data and carries that package's (DFSG-free)
licence; the corpus is generated on the machine and never committed.

Reads the decompressed index on standard input and writes into OUTDIR:
  prose.txt          every distinct description: a title line, then the
                     paragraphs, hard-wrapped as in the index
  articles/NNNNN.txt the same text cut into article-sized files (~6 KB)
  scale-K.txt        the first K x SCALE_MB megabytes of prose.txt, for K = 1,
                     4 and 16: distinct text, not copies, so that caches
                     keyed by word do not flatter the larger inputs

usage: bench_corpus.py OUTDIR [SCALE_MB]
"""
import os
import re
import sys

ARTICLE_BYTES = 6000


def descriptions(index):
    """Yields (md5, text) for each Description-en field."""
    for record in index.split("\n\n"):
        m = re.search(r"^Description-en: (.*)((?:\n .*)*)", record, re.M)
        if not m:
            continue
        md5 = re.search(r"^Description-md5: (\S+)", record, re.M)
        title = m.group(1).strip()
        lines = []
        for raw in m.group(2).split("\n")[1:]:
            line = raw[1:]  # the field's continuation space
            lines.append("" if line == "." else line)
        body = "\n".join(lines).strip("\n")
        text = title + "\n\n" + body + "\n" if body else title + "\n"
        yield (md5.group(1) if md5 else text), text


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[1]
    scale_bytes = int(float(sys.argv[2]) * 1e6) if len(sys.argv) == 3 else 1_000_000
    index = sys.stdin.read()
    seen = set()
    pieces = []
    for key, text in descriptions(index):
        if key in seen:
            continue
        seen.add(key)
        pieces.append(text)
    if not pieces:
        sys.exit("bench_corpus: no Description-en fields on standard input")

    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    with open(os.path.join(out, "prose.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(pieces))

    article, n_articles = [], 0
    size = 0
    for text in pieces:
        article.append(text)
        size += len(text.encode("utf-8"))
        if size >= ARTICLE_BYTES:
            n_articles += 1
            path = os.path.join(out, "articles", "%05d.txt" % n_articles)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(article))
            article, size = [], 0

    total = sum(len(t.encode("utf-8")) + 1 for t in pieces)
    if total < 16 * scale_bytes:
        sys.exit("bench_corpus: %d bytes of prose, too few for 16 x %d"
                 % (total, scale_bytes))
    for k in (1, 4, 16):
        scale, size = [], 0
        for text in pieces:
            if size >= k * scale_bytes:
                break
            scale.append(text)
            size += len(text.encode("utf-8")) + 1
        with open(os.path.join(out, "scale-%d.txt" % k), "w",
                  encoding="utf-8") as f:
            f.write("\n".join(scale) + "\n")
    print("bench_corpus: %d descriptions, %d articles" % (len(pieces), n_articles))


if __name__ == "__main__":
    main()
