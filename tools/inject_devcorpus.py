#!/usr/bin/env python3
"""Extracts clean English prose for developing with tools/inject.py, until
the project's own clean corpus is in place. Writes one .txt file per
document (paragraphs separated by blank lines) into OUTDIR/<genre>/; the
text is never committed.

  inject_devcorpus.py html OUTDIR GENRE FILE.html...
      The <p> and DocBook <div class="para"> paragraphs of HTML pages, one
      document per page, e.g. Debian's documentation packages
      debian-handbook (/usr/share/doc/debian-handbook/html/en-US/,
      GPL-2+ or CC BY-SA 3.0), debian-reference-en
      (/usr/share/debian-reference/*.en.html, GPL-2+) and
      developers-reference (/usr/share/developers-reference/, GPL-2).
  inject_devcorpus.py conllu OUTDIR GENRE FILE.conllu [--group N]
      The `# text =` lines of a CoNLL-U treebank reassembled by `# newdoc`,
      each document one paragraph, N documents to a file (default 5), e.g.
      UD English PUD (en_pud-ud-test.conllu, CC BY-SA 3.0).

Only paragraphs of at least --min-words words that end like a sentence are
kept, so that tables of commands and captions stay out.
"""
import argparse
import html.parser
import os
import re
import sys

BLOCKS = {"ul", "ol", "dl", "pre", "table", "div", "blockquote", "h1", "h2",
          "h3", "h4", "h5", "h6", "figure", "p"}
ENDS = re.compile(r"[.!?][\"”’)]?$")


class Paragraphs(html.parser.HTMLParser):
    """Collects the text of paragraph elements; a block element inside one
    (a list, a program listing) ends the paragraph there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras = []
        self.buf = None
        self.depth = 0      # open elements since the paragraph started

    def flush(self):
        if self.buf is not None:
            self.paras.append(" ".join("".join(self.buf).split()))
        self.buf = None

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        is_para = tag == "p" or (tag == "div" and "para" in cls.split())
        if self.buf is not None and tag in BLOCKS:
            self.flush()
        if is_para:
            self.buf = []
            self.depth = 0
        elif self.buf is not None and tag not in ("br", "img"):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.buf is None:
            return
        if self.depth == 0:
            self.flush()
        else:
            self.depth -= 1

    def handle_data(self, data):
        if self.buf is not None:
            self.buf.append(data)


def keep(para, min_words):
    return len(para.split()) >= min_words and ENDS.search(para)


def write(outdir, genre, name, paras):
    os.makedirs(os.path.join(outdir, genre), exist_ok=True)
    path = os.path.join(outdir, genre, name + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(paras) + "\n")
    return path


def from_html(args):
    n = 0
    for path in args.files:
        p = Paragraphs()
        with open(path, encoding="utf-8", errors="replace") as f:
            p.feed(f.read())
        p.close()
        p.flush()
        paras = [x for x in p.paras if keep(x, args.min_words)]
        if len(paras) >= args.min_paras:
            stem = os.path.splitext(os.path.basename(path))[0]
            stem = re.sub(r"[^A-Za-z0-9_.-]", "_", stem).replace(".en", "")
            write(args.outdir, args.genre, stem, paras)
            n += 1
    print(f"{n} documents", file=sys.stderr)


def from_conllu(args):
    docs, cur = [], None
    with open(args.files[0], encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc"):
                cur = [line.split("=", 1)[1].strip(), []]
                docs.append(cur)
            elif line.startswith("# text =") and cur is not None:
                cur[1].append(line.split("=", 1)[1].strip())
    n = 0
    for i in range(0, len(docs), args.group):
        group = docs[i:i + args.group]
        paras = [" ".join(s) for _, s in group]
        paras = [x for x in paras if keep(x, args.min_words)]
        if paras:
            write(args.outdir, args.genre, group[0][0], paras)
            n += 1
    print(f"{n} documents", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kind", choices=["html", "conllu"])
    ap.add_argument("outdir")
    ap.add_argument("genre")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--group", type=int, default=5)
    ap.add_argument("--min-words", type=int, default=8)
    ap.add_argument("--min-paras", type=int, default=3)
    args = ap.parse_args()
    (from_html if args.kind == "html" else from_conllu)(args)


if __name__ == "__main__":
    main()
