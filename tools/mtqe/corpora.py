#!/usr/bin/env python3
"""Clean English prose, one paragraph or sentence a line, for measuring how
often a candidate check fires on text that needs no correction.

    corpora.py ewt CONLLU... > ewt.txt        # the '# text =' lines
    corpora.py handbook HTML_DIR > hb.txt     # Debian Administrator's Handbook
    corpora.py devref HTML_DIR > dr.txt       # Debian Developer's Reference

ewt: UD English EWT (CC BY-SA 4.0), web text: reviews, e-mail, blogs; it has
real typos and informal grammar, so some findings there are true.
handbook: the `<div class="para">` paragraphs of the English HTML of the
Debian package debian-handbook (GPL-2+ / CC BY-SA 3.0), with at most one code
element (their text kept), as dicts/README.md describes for the calibration
of disfluent-sentence. devref: the `<p>` paragraphs of the HTML of the
Debian package developers-reference (MIT-style licence), with at most one
code element. Edited technical prose. None is redistributed.
"""
import glob
import html.parser
import os
import re
import sys


def ewt(paths):
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    yield line[len("# text = "):].strip()


CODE = {"code", "tt", "kbd", "samp"}


class Paras(html.parser.HTMLParser):
    def __init__(self, tag="div", cls="para"):
        super().__init__(convert_charrefs=True)
        self.tag, self.cls = tag, cls
        self.depth = 0      # nesting of divs inside the current para
        self.buf = []
        self.codes = 0
        self.out = []
        self.skip = 0       # inside a footnote marker or similar

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == self.tag:
            if self.depth:
                self.depth += 1
            elif self.cls is None or a.get("class") == self.cls:
                self.depth, self.buf, self.codes = 1, [], 0
        elif self.depth and (tag in CODE or "literal" in (a.get("class") or "")
                             or "command" in (a.get("class") or "")
                             or "filename" in (a.get("class") or "")):
            self.codes += 1
        elif self.depth and tag == "sup":
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == self.tag and self.depth:
            self.depth -= 1
            if not self.depth:
                text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
                if text and self.codes <= 1:
                    self.out.append(text)
        elif tag == "sup" and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.buf.append(data)


def paragraphs(d, tag, cls):
    for p in sorted(glob.glob(os.path.join(d, "*.html"))):
        # developers-reference.html is the whole manual again on one page
        if os.path.basename(p) in ("search.html", "genindex.html",
                                   "developers-reference.html"):
            continue
        ps = Paras(tag, cls)
        with open(p, encoding="utf-8") as f:
            ps.feed(f.read())
        yield from ps.out


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("ewt", "handbook", "devref"):
        sys.exit(__doc__)
    if sys.argv[1] == "ewt":
        gen = ewt(sys.argv[2:])
    elif sys.argv[1] == "handbook":
        gen = paragraphs(sys.argv[2], "div", "para")
    else:
        gen = paragraphs(sys.argv[2], "p", None)
    for t in gen:
        print(t)


if __name__ == "__main__":
    main()
