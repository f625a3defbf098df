"""Candidate check (a): agreement, verb forms after auxiliaries, doubled
function words, a to-infinitive verb before a bare verb, and a finite verb
with no subject after a fronted phrase. Each check takes a Sentence and
yields (first, last, rule, message) over sentence.toks indices."""

SG_DET = {"a", "an", "this", "each", "every", "another", "either",
          "neither"}
# nouns whose plural is the singular
INVARIANT = {"aircraft", "sheep", "deer", "fish", "series", "species",
             "offspring", "personnel", "crossroads", "headquarters", "means",
             "thanks", "news", "spacecraft", "salmon", "moose", "swine", "bison",
             "works", "barracks", "congratulations"}
# first words after which a clause, not a noun phrase, may follow
CLAUSE_ADP = {"after", "before", "since", "until", "till", "as", "like", "once",
              "because", "for", "while", "although", "though", "if", "unless",
              "whether", "than", "upon", "with", "without"}
# verbs of place that invert after a fronted place phrase
INVERT = {"lie", "lies", "lay", "stand", "stands", "stood", "sit", "sits", "sat",
          "come", "comes", "came", "hang", "hangs", "hung", "rise", "rises",
          "rose", "live", "lives", "lived", "remain", "remains", "remained"}
PL_DET = {"these", "those", "many", "several", "both", "various", "numerous"}
QUANT = {"few", "couple", "many", "dozen", "hundred", "thousand", "million",
         "billion", "number", "lot", "total", "great", "good", "series",
         "variety", "range", "pair", "set", "group", "majority", "bunch"}
MODALS = {"can", "could", "may", "might", "must", "shall", "should", "will",
          "would"}
HAVE = {"has", "have", "had", "having"}
BE = {"am", "is", "are", "was", "were"}
COLLECTIVE = {"majority", "number", "family", "team", "government", "police",
              "staff", "public", "group", "couple", "crowd", "rest", "remainder",
              "percent", "bulk", "lot", "half", "total", "pair", "people",
              "committee", "council", "board", "jury", "audience", "class",
              "army", "party", "company", "band", "crew", "media", "data",
              "minority", "personnel", "youth", "clergy", "series", "species"}
TO_VERBS = {"want", "wish", "try", "decide", "plan", "hope", "attempt", "refuse",
            "agree", "fail", "manage", "intend", "promise", "seek", "aim", "tend",
            "strive", "pretend", "threaten", "afford", "deserve", "learn",
            "choose", "prepare", "begin", "start", "continue", "expect", "wait",
            "neglect", "vow", "swear", "arrange", "hesitate", "claim", "demand"}
DETS = {"a", "an", "the", "my", "your", "his", "its", "our", "their"}
ADPS = {"of", "in", "on", "at", "to", "for", "with", "by", "from", "into",
        "about", "under", "over", "through", "during", "after", "before"}


def is_w(t):
    return t is not None and t.kind == "word"


def name_like(s, t):
    """A capitalised word inside the sentence (a name or a title word)."""
    return t.form[:1].isupper() and t.i != first_word(s)


def first_word(s):
    for t in s.toks:
        if t.kind in ("word", "number"):
            return t.i
    return -1


def nxt(s, i, k=1):
    """The token k after index i, or None."""
    j = i + k
    return s.toks[j] if 0 <= j < len(s.toks) else None


def glued(a, b):
    return a is not None and b is not None and a.b1 == b.b0


def lemma_of(lex, w):
    """The verb's lemma by rule (wanted -> want, tries -> try)."""
    if w in TO_VERBS:
        return w
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""),
                     ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                     ("d", "")):
        if w.endswith(suf) and w[: -len(suf)] + rep in TO_VERBS:
            return w[: -len(suf)] + rep
    if w in ("began", "begun", "chose", "chosen", "sought", "swore", "sworn",
             "learnt"):
        return {"began": "begin", "begun": "begin", "chose": "choose",
                "chosen": "choose", "sought": "seek", "swore": "swear",
                "sworn": "swear", "learnt": "learn"}[w]
    return None


def make(lex):
    def plural(t):
        w = t.norm
        if t.tag != "NOUN" or w in INVARIANT or not lex.is_plural_noun(w):
            return False
        n = lex.number.get(w)
        return w.endswith("s") or (n is not None and n[1] >= 5)

    def singular(t):
        return t.tag == "NOUN" and t.norm not in INVARIANT and \
            lex.is_singular_noun(t.norm)

    def may_be_verb(w):
        """EWT or the word's form says it can be a present-tense verb."""
        x = lex.x(w)
        if x.get("VBZ", 0) or x.get("VBP", 0):
            return True
        st = lex.plural_stem(w)
        return st is not None and bool(set(lex.stems.get(st, "")) & set("DG"))

    def det_number(s):
        toks = s.toks
        for i, t in enumerate(toks):
            if not is_w(t):
                continue
            w = t.norm
            if w in SG_DET and t.tag == "DET" and t.form != "A" or \
                    (w == "a" and t.form == "A" and t.i == first_word(s)):
                j = i + 1
                if is_w(nxt(s, i)) and nxt(s, i).tag == "ADJ" and \
                        nxt(s, i).norm not in QUANT:
                    j += 1
                h, after = nxt(s, j, 0), nxt(s, j)
                if not is_w(h) or name_like(s, h) or h.norm in QUANT:
                    continue
                if glued(h, after) and after.form in ("-", "'"):
                    continue
                if w == "this" and (may_be_verb(h.norm) or j != i + 1 or not (
                        is_w(after) and after.tag.startswith(("AUX", "VERB")))):
                    continue
                if plural(h) and not (is_w(after) and after.tag in ("NOUN", "PROPN", "ADJ", "NUM")):
                    yield i, j, "det-number", f"'{t.form}' before plural '{h.form}'"
            elif w in PL_DET and t.tag in ("DET", "ADJ", "PRON"):
                h, after = nxt(s, i), nxt(s, i, 2)
                if not is_w(h) or name_like(s, h):
                    continue
                if glued(h, after) and after.form in ("-", "'"):
                    continue
                if singular(h) and not (is_w(after) and after.tag in ("NOUN", "PROPN", "NUM")) \
                        and h.norm not in COLLECTIVE and not (after and after.form == "'s"):
                    yield i, i + 1, "det-number", f"'{t.form}' before singular '{h.form}'"

    def subj_verb(s):
        toks = s.toks
        for i, t in enumerate(toks):
            if not is_w(t) or t.norm not in ("the", "these", "those", "this", "my",
                                             "his", "her", "its", "our", "their"):
                continue
            if t.tag not in ("DET", "PRON"):
                continue
            p = toks[i - 1] if i else None
            if p is not None and not (p.kind == "punct" and p.form in (",", ";", ":")) \
                    and not (is_w(p) and p.tag in ("SCONJ", "CCONJ")) \
                    and not (is_w(p) and p.norm in ("that", "which", "when", "while")):
                continue
            if is_w(p) and p.tag == "CCONJ":
                continue     # 'He and his daughter were'
            subjunctive = any(x.norm in ("if", "wish", "though") for x in toks[:i])
            j = i + 1
            while j < len(toks) and is_w(toks[j]) and toks[j].tag == "ADJ":
                j += 1
            if j + 1 >= len(toks):
                continue
            h, v = toks[j], toks[j + 1]
            if not is_w(h) or not is_w(v) or name_like(s, h) or h.norm in COLLECTIVE:
                continue
            if glued(h, v):
                continue
            if plural(h) and v.norm in ("is", "was", "has", "does") and \
                    t.norm not in ("this",):
                yield j, j + 1, "subject-verb", f"plural '{h.form}' with '{v.form}'"
            elif singular(h) and v.norm in ("are", "were") and \
                    t.norm not in ("these", "those") and not (
                        v.norm == "were" and subjunctive):
                yield j, j + 1, "subject-verb", f"singular '{h.form}' with '{v.form}'"

    def aux_form(s):
        toks = s.toks
        did = False
        for i, t in enumerate(toks[:-1]):
            if not is_w(t):
                continue
            w, v = t.norm, toks[i + 1]
            if w in ("do", "did", "does"):
                did = True
            if not is_w(v) or name_like(s, v) or glued(t, v):
                continue
            x = v.norm
            if w in HAVE and t.tag.startswith("AUX") or (w in HAVE and t.tag.startswith("VERB")):
                if lex.only(x, ("VBD",)) and x not in ("had",) and not x.endswith("ed"):
                    yield i, i + 1, "aux-form", f"'{t.form} {v.form}': past tense after '{t.form}'"
                elif lex.only(x, ("VB", "VBP"), 0.97, 3) and v.tag in ("VERB/VB", "VERB/VBP") \
                        and lex.x(x).get("VBN", 0) == 0 and x not in ("better", "to"):
                    yield i, i + 1, "aux-form", f"'{t.form} {v.form}': base form after '{t.form}'"
            elif w in MODALS and t.tag == "AUX/MD" and not (
                    i and (toks[i - 1].tag in ("DET", "ADJ") or toks[i - 1].clitic == "PART"
                           or toks[i - 1].norm in ("his", "her", "their", "its", "my",
                                                   "our", "your", "free", "good", "political"))):
                if x == "to":
                    yield i, i + 1, "aux-form", f"'{t.form} to'"
                elif x in MODALS and v.tag == "AUX/MD":
                    yield i, i + 1, "aux-form", f"two modals '{t.form} {v.form}'"
                elif lex.only(x, ("VBZ",)) or lex.only(x, ("VBD",)):
                    yield i, i + 1, "aux-form", f"'{v.form}' after '{t.form}'"
                elif x.endswith("ed") and v.tag in ("VERB/VBD", "VERB/VBN") and \
                        lex.only(x, ("VBD", "VBN"), 0.95, 1) and x not in ("need", "used"):
                    yield i, i + 1, "aux-form", f"'{v.form}' after '{t.form}'"
            elif w in BE and t.tag.startswith("AUX") and not did:
                if v.tag == "VERB/VB" and lex.only(x, ("VB", "VBP"), 0.97, 3) and \
                        lex.x(x).get("VBN", 0) == 0:
                    yield i, i + 1, "aux-form", f"base form '{v.form}' after '{t.form}'"

    def doubled_function(s):
        toks = s.toks
        units = {}
        for u in s.units:
            units.setdefault(u[0], u)
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if not (is_w(a) and is_w(b)) or a.norm == b.norm:
                continue
            ok = (a.norm in DETS and (b.norm in DETS or b.norm in ADPS)) or \
                 (a.norm in ADPS and b.norm in ADPS)
            if not ok:
                continue
            c = toks[i + 2] if i + 2 < len(toks) else None
            if glued(b, c) and c.form == "-":
                continue
            u = units.get(i + 1)
            if u is None or u[5] >= 2:      # the model has seen the pair
                continue
            yield i, i + 1, "doubled-function", f"'{a.form} {b.form}'"

    def to_bare(s):
        toks = s.toks
        for i, t in enumerate(toks[:-1]):
            if not is_w(t) or t.tag not in ("VERB/VB", "VERB/VBD", "VERB/VBN", "VERB/VBP",
                                            "VERB/VBZ", "VERB/VBG"):
                continue
            lem = lemma_of(lex, t.norm)
            if not lem or (t.norm.endswith("s") and i and toks[i - 1].tag == "NOUN"):
                continue
            v = toks[i + 1]
            if not is_w(v) or glued(t, v) or name_like(s, v):
                continue
            if v.tag == "VERB/VB" and lex.only(v.norm, ("VB", "VBP"), 0.9, 2):
                yield i, i + 1, "to-bare", f"'{t.form} {v.form}': '{lem}' takes 'to'"

    def no_subject(s):
        """A sentence that opens with a preposition and reaches a finite verb
        through noun-phrase material only: 'For the poet's anniversary made
        the painting'."""
        toks = [t for t in s.toks]
        fw = first_word(s)
        if fw < 0 or toks[fw].tag != "ADP" or toks[fw].norm in CLAUSE_ADP:
            return
        if fw + 1 < len(toks) and toks[fw + 1].norm in ("least", "most", "about",
                                                        "around", "almost"):
            return
        state = "adp"          # just after a preposition
        prev_tag = "ADP"
        for t in toks[fw + 1:]:
            tag = t.tag
            if t.kind == "punct" and t.form in ("'",):
                continue
            if tag in ("VERB/VBD", "VERB/VBZ", "VERB/VBP", "AUX/VBD", "AUX/VBZ",
                       "AUX/VBP", "AUX/MD"):
                if state == "np" and not tag.startswith("AUX") and \
                        t.norm not in INVERT:
                    yield fw, t.i, "no-subject", f"no subject before '{t.form}'"
                return
            if tag == "ADP" or t.clitic == "PART":
                state = "adp"
            elif tag in ("DET", "PRON"):
                if state == "np" or (tag == "PRON" and t.norm not in (
                        "his", "her", "its", "their", "our", "my", "your")):
                    return     # a new noun phrase: the subject
                state = "det"
            elif tag in ("ADJ", "NUM", "NOUN", "PROPN", "PART", "CCONJ"):
                if state == "np" and prev_tag == "NUM" and tag != "NUM":
                    return     # 'In 2004 water systems had': the year ends it
                if tag == "PROPN" and state == "np" and prev_tag == "NOUN":
                    return
                if tag == "CCONJ":
                    state = "adp"
                else:
                    state = "np"
            else:
                return
            prev_tag = tag

    return {"det-number": det_number, "subject-verb": subj_verb,
            "aux-form": aux_form, "doubled-function": doubled_function,
            "to-bare": to_bare, "no-subject": no_subject}
