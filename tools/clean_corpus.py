#!/usr/bin/env python3
"""Regenerate the clean calibration corpus in tests/clean/texts/ from its sources.

Every source is read from a local copy named on the command line (a bare or
normal git directory at a recorded commit, a file, or an installed Debian
package); tests/clean/SOURCES.md says where each one comes from. The program
only removes what extraction would otherwise damage (markup, references,
tables, code listings, infoboxes, lists); it never corrects the authors' text.
Selection and truncation are deterministic (seeded), so the same sources give
the same corpus byte for byte.

    tools/clean_corpus.py --out tests/clean/texts \\
        --pud UD_English-PUD.git --ewt-test en_ewt-ud-test.conllu \\
        --poldis poldis.git --plos allofplos.git --wikibio pnlp-final-project.git \\
        --wikivoyage structured-wikivoyage-exports.git \\
        --onestopenglish OneStopEnglishCorpus.git --berlitz docsearch.git \\
        --handbook /usr/share/doc/debian-handbook/html/en-US \\
        --holmes The-Adventures-of-Sherlock-Holmes_1661.git

Python 3 standard library only.
"""

import argparse
import bz2
import html
import html.parser
import os
import random
import re
import struct
import subprocess
import sys
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET

SEED = 20261205
MAX_WORDS = 3000   # documents are cut at a block boundary past this many words
MIN_WORDS = 300

COMMITS = {
    "pud": "f16eba4ae7f3d161870ed320676c5088b8fa476c",
    "poldis": "e013060ceb0aca406970ead1143d346a1a724794",
    "plos": "07fdeed848b2816a7fbf7da6418ef6e2076e1960",
    "wikibio": "6a07356b33aaeb745bffe43c71a9fe08907bbcff",
    "wikivoyage": "6b2991f782a4559314dd0e71d1887785de1a364d",
    "onestopenglish": "37f8db3945cd2f3cc0caafe45674147b224349be",
    "berlitz": "448e963f1eaf050990e4f95983a5811c1c150904",
    "holmes": "7e5dd2703fbf503c004063e96ab7c61262375e5f",
}

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text):
    return len(WORD_RE.findall(text))


def git_show(gitdir, commit, path):
    return subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def git_ls(gitdir, commit, prefix):
    out = subprocess.run(["git", "--git-dir", gitdir, "ls-tree", "-r", "--name-only",
                          commit, "--", prefix], check=True, capture_output=True).stdout
    return sorted(out.decode("utf-8").splitlines())


def gitdir_of(path):
    """Accept a bare repository or a work tree."""
    dotgit = os.path.join(path, ".git")
    return dotgit if os.path.isdir(dotgit) else path


# ---------------------------------------------------------------- documents

def truncate(blocks, max_words=MAX_WORDS):
    """Keep whole blocks until the document passes max_words; a trailing
    heading with nothing under it is dropped."""
    out, n = [], 0
    for kind, text in blocks:
        if n >= max_words:
            break
        out.append((kind, text))
        if kind == "p":
            n += count_words(text)
    while out and out[-1][0] == "h":
        out.pop()
    return out


def render(blocks):
    return "\n\n".join(text for _, text in blocks) + "\n"


def doc_words(blocks):
    return sum(count_words(t) for _, t in blocks)


def write_doc(outdir, genre, doc_id, blocks, manifest, meta):
    """meta: (source, title, credit, licence, url) for ATTRIBUTION.tsv."""
    path = os.path.join(outdir, genre, doc_id + ".txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(blocks))
    manifest.append((genre, doc_id, doc_words(blocks), meta))


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- UD treebanks

def conllu_docs(data):
    """Yield (doc_id, [paragraph, ...]) from CoNLL-U, each paragraph the
    sentences' original text (# text =) joined by one space."""
    doc_id, paras, cur = None, [], []
    for line in data.splitlines():
        if line.startswith("# newdoc id = "):
            if cur:
                paras.append(" ".join(cur))
                cur = []
            if doc_id is not None:
                yield doc_id, paras
            doc_id, paras = line.split("=", 1)[1].strip(), []
        elif line.startswith("# newpar"):
            if cur:
                paras.append(" ".join(cur))
                cur = []
        elif line.startswith("# text = "):
            cur.append(line[len("# text = "):].strip())
    if cur:
        paras.append(" ".join(cur))
    if doc_id is not None:
        yield doc_id, paras


def group_small(docs, min_words, prefix):
    """Concatenate consecutive small source documents until each group has
    min_words; returns [(group_id, blocks)]."""
    groups, cur, ids = [], [], []
    for doc_id, paras in docs:
        cur.extend(("p", p) for p in paras)
        ids.append(doc_id)
        if doc_words(cur) >= min_words:
            groups.append((f"{prefix}-{ids[0]}", cur))
            cur, ids = [], []
    if cur and groups:
        gid, blocks = groups[-1]
        groups[-1] = (gid, blocks + cur)
    return groups


def build_pud(gitdir, outdir, manifest):
    data = git_show(gitdir, COMMITS["pud"], "en_pud-ud-test.conllu").decode("utf-8")
    # n01* are news documents written in English; n02-n05 were translated
    # into English and are left out. PUD has no paragraph marks, and a
    # document's sentences are a sample, not adjacent: each document is kept
    # as one block.
    docs = [(d, [" ".join(p)]) for d, p in conllu_docs(data) if d.startswith("n01")]
    for gid, blocks in group_small(docs, MIN_WORDS, "pud"):
        write_doc(outdir, "news", gid, blocks, manifest,
                  ("UD_English-PUD", f"news documents from {gid[4:]} on", "UD English PUD "
                   "(Universal Dependencies); sentences chosen by DFKI", "CC BY-SA 3.0",
                   "https://github.com/UniversalDependencies/UD_English-PUD"))


def build_ewt_answers(path, outdir, manifest):
    data = open(path, encoding="utf-8").read()
    docs = [(d, p) for d, p in conllu_docs(data) if d.startswith("answers-")]
    for gid, blocks in group_small(docs, MIN_WORDS, "ewt"):
        write_doc(outdir, "interview", gid.replace("ewt-answers-", "ewt-"), blocks, manifest,
                  ("UD_English-EWT", f"Yahoo! Answers threads from {gid[12:]} on",
                   "UD English EWT (Universal Dependencies), from the LDC English Web "
                   "Treebank", "CC BY-SA 4.0",
                   "https://github.com/UniversalDependencies/UD_English-EWT"))


# ---------------------------------------------------------------- R data (poldis)

class _RReader:
    """Just enough of R's XDR serialization to read a data frame of strings."""

    def __init__(self, b):
        self.b, self.p, self.refs = b, 0, []

    def int(self):
        v = struct.unpack(">i", self.b[self.p:self.p + 4])[0]
        self.p += 4
        return v

    def item(self):
        flags = self.int()
        t, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
        if t == 254 or t in (253, 242, 241, 252, 251, 247):
            return None
        if t == 255:
            idx = flags >> 8
            return self.refs[(idx or self.int()) - 1]
        if t == 1:                              # symbol
            v = self.item()
            self.refs.append(v)
            return v
        if t in (2, 239, 6, 240):               # pairlist
            node = {}
            if has_attr:
                node["attr"] = self.item()
            if has_tag:
                node["tag"] = self.item()
            node["car"] = self.item()
            node["cdr"] = self.item()
            return node
        if t == 9:                              # CHARSXP
            n = self.int()
            if n == -1:
                return None
            v = self.b[self.p:self.p + n].decode("utf-8", "replace")
            self.p += n
            return v
        if t == 238:                            # ALTREP: info, state, attributes
            self.item()
            state = self.item()
            self.item()
            return state
        if t in (10, 13, 14, 15, 16, 19, 20):
            n = self.int()
            if n == -1:
                n = (self.int() << 32) + self.int()
            if t in (10, 13):
                v = list(struct.unpack(">%di" % n, self.b[self.p:self.p + 4 * n]))
                self.p += 4 * n
            elif t == 14:
                v = list(struct.unpack(">%dd" % n, self.b[self.p:self.p + 8 * n]))
                self.p += 8 * n
            elif t == 15:
                v = None
                self.p += 16 * n
            else:
                v = [self.item() for _ in range(n)]
            if has_attr:
                self.item()
            return v
        raise ValueError(f"unsupported R type {t}")


def read_rda(blob):
    b = bz2.decompress(blob)
    if b[:3] != b"RDX" or b[5:7] != b"X\n":
        raise ValueError("not an XDR .rda file")
    r = _RReader(b[7:])
    version = r.int()
    r.int()
    r.int()
    if version == 3:
        r.p += r.int()
    out, node = {}, r.item()
    while node:
        out[node["tag"]] = node["car"]
        node = node["cdr"]
    return out


# A paragraph boundary in this data set is a comma glued to the next
# paragraph's first character (the paragraphs were pasted together with
# ","); ordinary commas are followed by a space or a digit, and a comma
# before a closing quote ('war, war," and') is followed by the quote and a
# space.
_POLDIS_SPLIT = re.compile(r"(?<=[\w.?!:;'\")\]\u2019\u201d\u2014-]),"
                           r"(?=[A-Z(\[]|[\"'\u201c\u2018][A-Z0-9(\[])")
_CAPS_HEADING = re.compile(r"^[A-Z0-9][A-Z0-9 ,.'&()\-/\u2019]*$")


def build_poldis(gitdir, outdir, manifest, target_words):
    frame = read_rda(git_show(gitdir, COMMITS["poldis"],
                              "data/US_News_Conferences_1960_1980.rda"))
    president, date, text = frame["US_News_Conferences_1960_1980"]
    order = list(range(len(text)))
    random.Random(SEED).shuffle(order)
    total = 0
    for i in order:
        if total >= target_words:
            break
        blocks = []
        for part in _POLDIS_SPLIT.split(text[i].replace("\r", "")):
            for line in part.split("\n"):
                line = squash(line)
                if not line:
                    continue
                # Subject headings the editors inserted are all capitals.
                kind = "h" if _CAPS_HEADING.match(line) and count_words(line) <= 12 else "p"
                blocks.append((kind, line))
        # The closing editorial note ("NOTE: President ... news conference
        # began at ...") is kept: it is prose of the same edition.
        blocks = truncate(blocks)
        if doc_words(blocks) < MIN_WORDS:
            continue
        days = int(date[i])
        y, m, d = _civil_from_days(days)
        name = president[i].split()[-1].lower()
        doc_id = f"nc-{y:04d}-{m:02d}-{d:02d}-{name}"
        write_doc(outdir, "interview", doc_id, blocks, manifest,
                  ("poldis", f"The President's News Conference, {y:04d}-{m:02d}-{d:02d}",
                   f"{president[i]}; Public Papers of the Presidents, via the American "
                   "Presidency Project and the poldis R package", "public domain "
                   "(U.S. federal government work)",
                   "https://github.com/henriquesposito/poldis"))
        total += doc_words(blocks)


def _civil_from_days(z):
    """Days since 1970-01-01 to (year, month, day)."""
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)


# ---------------------------------------------------------------- HTML (Debian handbook)

class _HandbookParser(html.parser.HTMLParser):
    """Collect headings and prose paragraphs; skip code listings, screens,
    tables, figures, index terms and navigation."""

    SKIP_CLASSES = {"programlisting", "screen", "table", "informaltable", "figure",
                    "mediaobject", "indexterm", "docnav", "toc", "footnotes",
                    "example", "informalexample", "cmdsynopsis", "calloutlist",
                    "literallayout", "segmentedlist", "variablelist", "qandaset"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.stack = []          # (tag, skip, collect)
        self.buf = None
        self.kind = None
        self.code_depth = 0
        self.code_chars = 0

    def _skipping(self):
        return any(s for _, s, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skip = bool(classes & self.SKIP_CLASSES) or tag in ("pre", "table", "script", "style") \
            or a.get("id") in ("banner", "title")
        collect = False
        if tag == "code" and self.buf is not None:
            self.code_depth += 1
        if not self._skipping() and not skip and self.buf is None:
            if tag in ("h1", "h2", "h3", "h4", "h5") or (tag == "p" and "title" in classes):
                collect, self.kind, self.buf = True, "h", []
            elif "para" in classes or tag == "p":
                collect, self.kind, self.buf = True, "p", []
        self.stack.append((tag, skip, collect))

    def handle_endtag(self, tag):
        while self.stack:
            t, _, collect = self.stack.pop()
            if t == "code" and self.code_depth:
                self.code_depth -= 1
            if collect:
                text = squash("".join(self.buf))
                # A paragraph that is mostly file names and commands is a
                # listing in disguise.
                if self.kind == "p" and self.code_chars > 0.4 * max(1, len(text)):
                    text = ""
                self.code_chars = 0
                if self.kind == "h":
                    text = re.sub(r"^(?:[\d.]+|[A-Z][.\d]*|Chapter \d+\.|Appendix [A-Z]\.)\s+",
                                  "", text)
                    text = re.sub(r"^(?:BACK TO BASICS|TIP|GOING FURTHER|CULTURE|NOTE|CAUTION|"
                                  r"VOCABULARY|ALTERNATIVE|SECURITY|IN PRACTICE|TOOLS?|"
                                  r"COMMUNITY|QUICK LOOK|DEBIAN POLICY|DOCUMENTATION|EXTRA|"
                                  r"SPECIFIC CASE|PERSPECTIVE|BEWARE|HISTORY|HARDWARE|"
                                  r"DISCOVERY|COMPLEMENTS|THE BROADER VIEW|SPECIAL CASE|"
                                  r"DEBIAN SPECIFICITY|BEHIND THE SCENES)\s+", "", text)
                if text:
                    self.blocks.append((self.kind, text))
                self.buf, self.kind = None, None
            if t == tag:
                break

    def handle_data(self, data):
        if self.buf is not None and not self._skipping():
            self.buf.append(data)
            if self.code_depth:
                self.code_chars += len(data.strip())


def handbook_blocks(path):
    p = _HandbookParser()
    p.feed(open(path, encoding="utf-8").read())
    blocks = []
    for kind, text in p.blocks:
        if kind == "p" and (count_words(text) < 4 or text.endswith(":")):
            # A sentence that introduces a listing we removed would dangle.
            continue
        blocks.append((kind, text))
    while blocks and blocks[-1][0] == "h":
        blocks.pop()
    return blocks


def build_handbook(htmldir, outdir, manifest, target_words):
    files = sorted(f for f in os.listdir(htmldir) if f.startswith("sect.") and f.endswith(".html"))
    random.Random(SEED).shuffle(files)
    total = 0
    for f in files:
        if total >= target_words:
            break
        blocks = truncate(handbook_blocks(os.path.join(htmldir, f)))
        if doc_words(blocks) < MIN_WORDS:
            continue
        write_doc(outdir, "howto", "dah-" + f[len("sect."):-len(".html")], blocks, manifest,
                  ("debian-handbook", blocks[0][1], "Raphaël Hertzog and Roland Mas, The "
                   "Debian Administrator's Handbook", "CC BY-SA 3.0 (dual-licensed "
                   "GPL-2+ or CC BY-SA 3.0)", "https://debian-handbook.info/"))
        total += doc_words(blocks)


# ---------------------------------------------------------------- JATS XML (PLOS)

_JATS_SKIP = {"fig", "table-wrap", "disp-formula", "inline-formula", "supplementary-material",
              "table", "graphic", "media", "fn", "disp-quote", "list", "boxed-text"}


def _jats_text(el):
    """Text of a JATS paragraph; None when it holds mathematics (which plain
    text cannot carry)."""
    parts = []

    def walk(e):
        if e.tag in ("inline-formula", "disp-formula", "mml:math", "tex-math") or \
                e.tag.endswith("}math"):
            raise ValueError("formula")
        if e.tag in _JATS_SKIP:
            if e.tail:
                parts.append(e.tail)
            return
        if e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)

    try:
        if el.text:
            parts.append(el.text)
        for c in el:
            walk(c)
            if c.tail:
                parts.append(c.tail)
    except ValueError:
        return None
    return squash("".join(parts))


def plos_blocks(xml_bytes):
    root = ET.fromstring(xml_bytes)
    art = root.find("front/article-meta")
    blocks = []
    title = art.find("title-group/article-title")
    if title is not None:
        blocks.append(("h", squash("".join(title.itertext()))))
    for ab in art.findall("abstract"):
        if ab.get("abstract-type") not in (None, "summary"):
            continue
        head = "Abstract" if ab.get("abstract-type") is None else "Author Summary"
        t = ab.find("title")
        blocks.append(("h", squash("".join(t.itertext())) if t is not None else head))
        for p in ab.iter("p"):
            text = _jats_text(p)
            if text:
                blocks.append(("p", text))
    body = root.find("body")
    if body is None:
        return blocks

    def section(sec):
        t = sec.find("title")
        if t is not None and squash("".join(t.itertext())):
            blocks.append(("h", squash("".join(t.itertext()))))
        for c in sec:
            if c.tag == "p":
                text = _jats_text(c)
                if text:
                    blocks.append(("p", text))
            elif c.tag == "sec":
                section(c)

    for sec in body.findall("sec"):
        kind = (sec.get("sec-type") or "") + " " + "".join(
            sec.find("title").itertext() if sec.find("title") is not None else "")
        # Methods and results sections are mostly numbers, units and
        # statistics; introduction and discussion carry the prose.
        if re.search(r"method|material|result|supporting|abbreviation|acknowledg",
                     kind, re.I):
            continue
        section(sec)
    return blocks


def plos_meta(xml_bytes):
    """(title, authors, licence, url) of a PLOS article."""
    root = ET.fromstring(xml_bytes)
    art = root.find("front/article-meta")
    title = squash("".join(art.find("title-group/article-title").itertext()))
    names = []
    for c in art.iter("contrib"):
        if c.get("contrib-type") == "author":
            n = c.find("name")
            if n is not None:
                names.append(squash(" ".join(x for x in (n.findtext("given-names"),
                                                         n.findtext("surname")) if x)))
            elif c.find("collab") is not None:
                names.append(squash("".join(c.find("collab").itertext())))
    credit = ", ".join(names[:3]) + (" et al." if len(names) > 3 else "")
    lic = art.find("permissions/license")
    href = ""
    statement = ""
    if lic is not None:
        href = next((v for k, v in lic.attrib.items() if k.endswith("href")), "")
        statement = squash("".join(lic.itertext()))
    if "zero" in href or "free of all copyright" in statement:
        licence = "public domain (CC0 / free of all copyright)"
    elif re.search(r"/by/(\d\.\d)", href):
        licence = "CC BY " + re.search(r"/by/(\d\.\d)", href).group(1)
    elif "Creative Commons Attribution" in statement:
        licence = "CC BY (Creative Commons Attribution License, unversioned)"
    else:
        licence = "unknown"
    doi = art.findtext("article-id[@pub-id-type='doi']")
    return (title, credit, licence, "https://doi.org/" + doi)


def build_plos(gitdir, outdir, manifest, target_words):
    paths = [p for p in git_ls(gitdir, COMMITS["plos"], "allofplos/starter_corpus")
             if p.endswith(".xml")]
    random.Random(SEED).shuffle(paths)
    total = 0
    for path in paths:
        if total >= target_words:
            break
        blocks = truncate(plos_blocks(git_show(gitdir, COMMITS["plos"], path)))
        if doc_words(blocks) < MIN_WORDS:
            continue
        doc_id = "plos-" + os.path.basename(path)[len("journal."):-len(".xml")].replace(".", "-")
        write_doc(outdir, "academic", doc_id, blocks, manifest,
                  ("PLOS",) + plos_meta(git_show(gitdir, COMMITS["plos"], path)))
        total += doc_words(blocks)


# ---------------------------------------------------------------- wikitext

DAMAGE = "\x00"

# Inline templates whose rendering is their last positional argument.
_TPL_LAST_ARG = {"nowrap", "nobr", "small", "smaller", "lang", "transl", "nihongo",
                 "iata", "marker", "sic", "nowrap begin", "keypress", "abbr", "em",
                 "bdi", "noitalic", "big", "vanchor", "anchor"}
_TPL_FIRST_ARG = {"nihongo", "abbr", "marker"}
# Inline templates rendered as footnote marks or maintenance tags: nothing.
_TPL_EMPTY = {"sfn", "sfnm", "efn", "efn-ua", "efn-lr", "refn", "harvnb", "harv", "rp",
              "citation needed", "cn", "fact", "dead link", "clarify", "by whom",
              "who", "when", "which", "according to whom", "vague", "page needed",
              "ref label", "ref_label", "note label", "note_label", "r", "sfnref",
              "#tag:ref", "cref", "nbsp", "zwsp", "wbr", "-", "clear", "anchor",
              "subscription required", "subscription", "update after", "as of?",
              "listen", "audio", "ipac-en", "ipa-en", "respell", "pronunciation?"}
_TPL_TEXT = {"'": "'", "ndash": "\u2013", "mdash": "\u2014", "snd": " \u2013 ",
             "spaced ndash": " \u2013 ", "spnd": " \u2013 ", "'s": "'s", "okina": "\u02bb",
             "shy": "", "middot": "\u00b7", "\u00b7": "\u00b7", "dot": "\u00b7"}
_LISTING = {"see", "do", "buy", "eat", "drink", "sleep", "listing", "go"}
_STOP_SECTIONS = re.compile(
    r"^(references|notes|footnotes|citations|sources|bibliography|further reading|"
    r"external links|see also|works|selected works|discography|filmography|publications|"
    r"honours|honors|awards|awards and honours|career statistics|statistics|"
    r"notes and references|references and notes|explanatory notes|list of works|"
    r"select bibliography|writings|books|recordings|legacy and honours)\b", re.I)


def _split_args(inner):
    """Split a template's inner text at top-level pipes."""
    parts, depth, cur, i = [], 0, [], 0
    while i < len(inner):
        two = inner[i:i + 2]
        if two in ("{{", "[["):
            depth += 1
            cur.append(two)
            i += 2
            continue
        if two in ("}}", "]]"):
            depth -= 1
            cur.append(two)
            i += 2
            continue
        if inner[i] == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(inner[i])
        i += 1
    parts.append("".join(cur))
    return parts


def _render_template(inner, standalone):
    args = _split_args(inner)
    name = args[0].strip().lower().replace("_", " ")
    pos = [a for a in args[1:] if not re.match(r"^\s*[\w -]+\s*=", a)]
    named = dict((a.split("=", 1)[0].strip().lower(), a.split("=", 1)[1])
                 for a in args[1:] if re.match(r"^\s*[\w -]+\s*=", a))
    if name in _LISTING:
        if not standalone:
            return DAMAGE
        title = squash(named.get("name", ""))
        content = squash(named.get("content", ""))
        if not title or not content:
            return ""
        return f"\n\n\x01{title}\n\n{content}\n\n"
    if standalone:
        return ""
    if name in _TPL_TEXT:
        return _TPL_TEXT[name]
    if name in _TPL_EMPTY:
        return ""
    if name == "marker":
        return squash(named.get("name", "")) or DAMAGE
    if name in _TPL_FIRST_ARG and pos:
        return pos[0]
    if name in _TPL_LAST_ARG and pos:
        return pos[-1]
    if name in ("circa", "c.") :
        return "c. " + (pos[0] if pos else "")
    return DAMAGE


def _replace_templates(text):
    """Render templates innermost first. A template that fills its lines
    alone (an infobox, a quotation box, a listing) is standalone."""
    while True:
        m = None
        for m in re.finditer(r"\{\{((?:(?!\{\{|\}\}).)*)\}\}", text, re.S):
            break
        if m is None:
            return text
        start, end = m.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        before = text[line_start:start].strip()
        after = text[end:line_end].strip()
        standalone = before in ("", "*", "**", ":") and after == ""
        text = text[:start] + _render_template(m.group(1), standalone) + text[end:]
    return text


def _replace_links(text):
    # Files and images (their captions may hold links): drop whole.
    for _ in range(20):
        m = re.search(r"\[\[(?:File|Image|Media):", text, re.I)
        if not m:
            break
        depth, i = 0, m.start()
        while i < len(text):
            if text.startswith("[[", i):
                depth += 1
                i += 2
            elif text.startswith("]]", i):
                depth -= 1
                i += 2
                if depth == 0:
                    break
            else:
                i += 1
        text = text[:m.start()] + text[i:]
    text = re.sub(r"\[\[(?:Category|[a-z]{2,3}(?:-[a-z]+)?):[^\]]*\]\]", "", text)
    text = re.sub(r"\[\[[^\]|]*\|([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"\[\[([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"\[(?:https?:)?//[^\s\]]+ ([^\]]+)\]", r"\1", text)
    text = re.sub(r"\[(?:https?:)?//[^\s\]]+\]", DAMAGE, text)
    return text


def wikitext_blocks(src):
    # Dumps escape the markup once; the wikitext's own entities (&ndash;,
    # &nbsp;) are a second level.
    text = html.unescape(html.unescape(src))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\s*<ref[^>/]*/>", "", text)
    text = re.sub(r"\s*<ref[^>]*>.*?</ref>", "", text, flags=re.S)
    text = re.sub(r"<references\s*/?>", "", text)
    text = re.sub(r"<(gallery|poem|math|timeline|imagemap|score|syntaxhighlight|source|pre)"
                  r"[^>]*>.*?</\1>", DAMAGE, text, flags=re.S | re.I)
    # Tables, which may nest.
    out, depth = [], 0
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("{|"):
            depth += 1
            continue
        if depth and s.startswith("|}"):
            depth -= 1
            continue
        if not depth:
            out.append(line)
    text = "\n".join(out)
    text = re.sub(r"\s*\{\{\s*(?:sfn|sfnm|efn|refn|harvnb|rp|citation needed|cn)\b[^{}]*\}\}",
                  "", text, flags=re.I)
    text = _replace_templates(text)
    text = _replace_links(text)
    text = re.sub(r"'{2,}", "", text)
    text = re.sub(r"</?(?:small|big|sup|sub|span|nowiki|center|div|u|s|abbr|cite|font|i|b|"
                  r"blockquote)[^>]*>", "", text, flags=re.I)
    text = re.sub(r"<br\s*/?>", DAMAGE, text, flags=re.I)
    text = text.replace("&nbsp;", " ").replace("\u00a0", " ")

    blocks, para = [], []

    def flush():
        if para:
            p = squash(" ".join(para))
            para.clear()
            if p and not re.search(r"[\x00<>{}\[\]|]|__[A-Z]+__|^[\s\W]*$", p):
                blocks.append(("p", p))

    for line in text.split("\n"):
        s = line.strip()
        hm = re.match(r"^(={2,6})\s*(.*?)\s*\1$", s)
        if hm:
            flush()
            title = squash(hm.group(2))
            if _STOP_SECTIONS.match(title):
                break
            blocks.append(("h", title))
            continue
        if s.startswith("\x01"):
            flush()
            blocks.append(("h", s[1:]))
            continue
        if not s:
            flush()
            continue
        if s[0] in "*#;:|!" or s.startswith("----"):
            flush()
            continue
        para.append(s)
    flush()
    # Drop headings left without prose under them.
    cleaned = []
    for i, (k, t) in enumerate(blocks):
        if k == "h":
            nxt = next((kk for kk, _ in blocks[i + 1:]), None)
            if nxt != "p":
                continue
        cleaned.append((k, t))
    return cleaned


def build_wikibio(gitdir, outdir, manifest, target_words):
    prefix = "z_v1/datasets/raw_featured_bios"
    paths = git_ls(gitdir, COMMITS["wikibio"], prefix)
    random.Random(SEED).shuffle(paths)
    total = 0
    for path in paths:
        if total >= target_words:
            break
        try:
            src = git_show(gitdir, COMMITS["wikibio"], path).decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        name = urllib.parse.unquote(os.path.basename(path))
        title = name.replace("_", " ")
        blocks = truncate([("h", title)] + wikitext_blocks(src))
        if doc_words(blocks) < MIN_WORDS:
            continue
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        doc_id = "wp-" + re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower()
        write_doc(outdir, "biography", doc_id, blocks, manifest,
                  ("Wikipedia", title, "Wikipedia contributors (featured article, 2013 "
                   "revision)", "CC BY-SA 3.0",
                   "https://en.wikipedia.org/wiki/" + urllib.parse.quote(name)))
        total += doc_words(blocks)


def build_wikivoyage(gitdir, outdir, manifest):
    src = git_show(gitdir, COMMITS["wikivoyage"],
                   "src/tests/fixtures/boston_input.txt").decode("utf-8")
    blocks = wikitext_blocks(src)
    # One document per top-level section (the lead goes with the first),
    # cut like every other document.
    sections, cur = [], [("h", "Boston")]
    top = {"Districts", "Understand", "Talk", "Get in", "Get around", "See", "Do", "Learn",
           "Work", "Buy", "Eat", "Drink", "Sleep", "Stay safe", "Stay healthy", "Cope",
           "Connect", "Go next"}
    for k, t in blocks:
        if k == "h" and t in top and doc_words(cur) >= MIN_WORDS:
            sections.append(cur)
            cur = []
        cur.append((k, t))
    sections.append(cur)
    for blocks in sections:
        first = next(t for k, t in blocks if k == "h")
        for part, chunk in enumerate(_chunks(blocks)):
            if doc_words(chunk) < 150:
                continue
            doc_id = "wv-boston-" + re.sub(r"[^a-z0-9]+", "-", first.lower()).strip("-")
            if part:
                doc_id += f"-{part + 1}"
            write_doc(outdir, "travel", doc_id, chunk, manifest,
                      ("Wikivoyage", f"Boston: {first}", "Wikivoyage contributors",
                       "CC BY-SA 4.0", "https://en.wikivoyage.org/wiki/Boston"))


def _chunks(blocks):
    """Split a long section into documents of at most MAX_WORDS at headings."""
    out, cur = [], []
    for k, t in blocks:
        if k == "h" and doc_words(cur) >= MAX_WORDS * 2 // 3:
            out.append(cur)
            cur = []
        cur.append((k, t))
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------- OneStopEnglish (news)

_SENTENCE_END = re.compile(r"[.!?\u2026\"\u201d\u2019']$")


def line_blocks(text):
    """One paragraph per line; a short line that does not end a sentence is a
    heading ("Where to Go", "The Rijksmuseum", "Introduction")."""
    blocks = []
    for line in text.splitlines():
        line = squash(line)
        if not line:
            continue
        heading = count_words(line) <= 12 and not _SENTENCE_END.search(line)
        blocks.append(("h" if heading else "p", line))
    return blocks


# Texts of the corpus that are not news reporting: first-person columns,
# opinion pieces and numbered lists.
_OSE_NOT_NEWS = {
    "WNL Experience", "WNL I confused my numbers", "WNL What's the secret",
    "WNL Why we should ", "WNL Why you should start work at 10", "WNL We must",
    "WNL Nigerian low tech", "WNL Five jobs", "WNL six well paid jobs", "WNL Ten ideas",
    "WNL In flight", "WNL Inventions",
}


def build_onestopenglish(gitdir, outdir, manifest, target_words):
    """The advanced-level texts: Guardian news stories as onestopenglish.com
    edited them for advanced learners, one paragraph a line, no headline."""
    prefix = "Texts-SeparatedByReadingLevel/Adv-Txt/"
    paths = [p for p in git_ls(gitdir, COMMITS["onestopenglish"], prefix)
             if p.endswith("-adv.txt")]
    random.Random(SEED).shuffle(paths)
    total = 0
    for path in paths:
        if total >= target_words:
            break
        name = os.path.basename(path)[:-len("-adv.txt")]
        if name in _OSE_NOT_NEWS:
            continue
        text = git_show(gitdir, COMMITS["onestopenglish"], path).decode("utf-8-sig")
        blocks = truncate(line_blocks(text))
        if doc_words(blocks) < MIN_WORDS:
            continue
        doc_id = "ose-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        write_doc(outdir, "news", doc_id, blocks, manifest,
                  ("OneStopEnglish corpus", name, "Sowmya Vajjala and Ivana Lučić, "
                   "OneStopEnglish corpus (2018): onestopenglish.com (Macmillan Education) "
                   "news lessons adapted from The Guardian, advanced level", "CC BY-SA 4.0",
                   "https://github.com/nishkalavallabhi/OneStopEnglishCorpus"))
        total += doc_words(blocks)


# ---------------------------------------------------------------- Berlitz guides (travel)

def build_berlitz(gitdir, outdir, manifest, target_words):
    """Berlitz guides of the Open American National Corpus (written_2,
    berlitz2: one file per destination and chapter, one paragraph a line)."""
    prefix = "written_2/travel_guides/berlitz2/"
    paths = [p for p in git_ls(gitdir, COMMITS["berlitz"], prefix) if p.endswith(".txt")]
    random.Random(SEED).shuffle(paths)
    total = 0
    for path in paths:
        if total >= target_words:
            break
        blocks = line_blocks(git_show(gitdir, COMMITS["berlitz"], path).decode("utf-8"))
        while blocks and blocks[-1][0] == "h":
            blocks.pop()
        blocks = truncate(blocks)
        if doc_words(blocks) < MIN_WORDS:
            continue
        name = os.path.basename(path)[:-len(".txt")]
        place, _, chapter = name.partition("-")
        doc_id = "berlitz-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        write_doc(outdir, "travel", doc_id, blocks, manifest,
                  ("Berlitz (OANC)", f"{place}: {chapter}", "Berlitz Publishing, Berlitz "
                   "travel guide, as published in the Open American National Corpus",
                   "OANC: distributed without licence or other restrictions",
                   "https://anc.org/data/oanc/"))
        total += doc_words(blocks)


# ---------------------------------------------------------------- split

# Sources added to a genre after its split was first drawn, by document-id
# prefix. Each is split on its own, so that adding a source moves none of the
# documents already on either side of the split.
LATER_SOURCES = {"ose-": "onestopenglish", "berlitz-": "berlitz"}


def _split_group(doc_id):
    return next((g for p, g in LATER_SOURCES.items() if doc_id.startswith(p)), "")


def write_split(split_path, outdir, manifest):
    """About a third of each genre's documents are held out, drawn with a
    seeded generator so that the split is reproducible."""
    base = os.path.relpath(outdir, os.path.dirname(os.path.abspath(split_path)))
    rows = []
    for genre in sorted({g for g, _, _, _ in manifest}):
        ids = sorted(d for g, d, _, _ in manifest if g == genre)
        held = set()
        for group in sorted({_split_group(d) for d in ids}):
            members = [d for d in ids if _split_group(d) == group]
            seed = f"{SEED}-{genre}" + (f"-{group}" if group else "")
            held.update(random.Random(seed).sample(members, round(len(members) / 3)))
        for d in ids:
            path = os.path.join(base, genre, d + ".txt").replace(os.sep, "/")
            rows.append(f"{path}\t{'held-out' if d in held else 'calibration'}\n")
    with open(split_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(rows))


# ---------------------------------------------------------------- fiction

HOLMES_STORY = re.compile(r"^(?:ADVENTURE [IVX]+\. (.+)|[IVX]+\. (THE ADVENTURE OF .+))$",
                          re.M)


def build_holmes(gitdir, outdir, manifest):
    """The twelve stories of The Adventures of Sherlock Holmes (Project
    Gutenberg eBook 1661, as GITenberg keeps it), one document each, cut at
    MAX_WORDS. Only the text between the eBook's start and end lines is
    read, so no Project Gutenberg matter is kept; the stories' part numbers
    ("I.") are dropped and hard-wrapped lines joined."""
    src = git_show(gitdir, COMMITS["holmes"], "1661.txt").decode("utf-8")
    src = src.replace("\r\n", "\n")
    start = src.index("\n", src.index("*** START OF THIS PROJECT GUTENBERG EBOOK")) + 1
    end = src.index("*** END OF THIS PROJECT GUTENBERG EBOOK")
    body = src[start:end]
    heads = list(HOLMES_STORY.finditer(body))
    for n, m in enumerate(heads):
        title = (m.group(1) or m.group(2)).title().replace("'S", "'s")
        text = body[m.end():heads[n + 1].start() if n + 1 < len(heads) else len(body)]
        blocks = []
        for para in re.split(r"\n\s*\n", text):
            para = squash(para)
            if para and not re.fullmatch(r"[IVX]+\.", para):
                blocks.append(("p", para))
        slug = re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
        blocks = truncate(blocks)
        # the cut must not fall inside a quotation that runs over paragraphs:
        # a last paragraph that leaves a quote open goes
        while blocks and blocks[-1][1].count('"') % 2:
            blocks.pop()
        write_doc(outdir, "fiction", f"holmes-{n + 1:02d}-{slug}", blocks,
                  manifest,
                  ("Project Gutenberg", f"The Adventures of Sherlock Holmes: {title}",
                   "Arthur Conan Doyle", "public domain",
                   "https://github.com/GITenberg/The-Adventures-of-Sherlock-Holmes_1661"))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="texts directory to (re)create")
    ap.add_argument("--split", help="write the calibration/held-out split here")
    ap.add_argument("--attribution", help="write each document's source and licence here")
    ap.add_argument("--pud", required=True, help="UD_English-PUD git directory")
    ap.add_argument("--ewt-test", required=True, help="en_ewt-ud-test.conllu")
    ap.add_argument("--poldis", required=True, help="poldis git directory")
    ap.add_argument("--plos", required=True, help="allofplos git directory")
    ap.add_argument("--wikibio", required=True, help="pnlp-final-project git directory")
    ap.add_argument("--wikivoyage", required=True,
                    help="structured-wikivoyage-exports git directory")
    ap.add_argument("--onestopenglish", required=True,
                    help="OneStopEnglishCorpus git directory")
    ap.add_argument("--berlitz", required=True,
                    help="git directory holding the OANC written_2 Berlitz guides")
    ap.add_argument("--handbook", required=True,
                    help="debian-handbook HTML directory (html/en-US)")
    ap.add_argument("--holmes", required=True,
                    help="GITenberg The-Adventures-of-Sherlock-Holmes_1661 git directory")
    args = ap.parse_args()

    manifest = []
    build_pud(gitdir_of(args.pud), args.out, manifest)
    build_ewt_answers(args.ewt_test, args.out, manifest)
    build_poldis(gitdir_of(args.poldis), args.out, manifest, 78000)
    build_handbook(args.handbook, args.out, manifest, 78000)
    build_plos(gitdir_of(args.plos), args.out, manifest, 78000)
    build_wikibio(gitdir_of(args.wikibio), args.out, manifest, 80000)
    build_wikivoyage(gitdir_of(args.wikivoyage), args.out, manifest)
    build_onestopenglish(gitdir_of(args.onestopenglish), args.out, manifest, 35000)
    build_berlitz(gitdir_of(args.berlitz), args.out, manifest, 28000)
    build_holmes(gitdir_of(args.holmes), args.out, manifest)

    if args.split:
        write_split(args.split, args.out, manifest)

    if args.attribution:
        base = os.path.relpath(args.out, os.path.dirname(os.path.abspath(args.attribution)))
        with open(args.attribution, "w", encoding="utf-8", newline="\n") as f:
            f.write("file\tsource\ttitle\tcredit\tlicence\turl\n")
            for genre, doc_id, _, meta in sorted(manifest, key=lambda m: (m[0], m[1])):
                path = "/".join([base.replace(os.sep, "/"), genre, doc_id + ".txt"])
                f.write("\t".join((path,) + tuple(m.replace("\t", " ") for m in meta)) + "\n")

    by_genre = {}
    for genre, _, words, _ in manifest:
        docs, n = by_genre.get(genre, (0, 0))
        by_genre[genre] = (docs + 1, n + words)
    for genre in sorted(by_genre):
        print(f"{genre}\t{by_genre[genre][0]} documents\t{by_genre[genre][1]} words")
    print(f"total\t{len(manifest)} documents\t{sum(m[2] for m in manifest)} words")


if __name__ == "__main__":
    sys.exit(main())
