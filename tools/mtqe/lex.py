"""Number and verb-form facts about words (from lexicon.py's JSON)."""
import json


class Lex:
    def __init__(self, path):
        j = json.load(open(path))
        self.xpos = j["xpos"]
        self.number = j["number"]
        self.stems = j["stems"]
        self.lemma = j["lemma"]
        self.tri = j["tri"]

    def x(self, w):
        return self.xpos.get(w, {})

    def in_dic(self, w):
        return w in self.stems

    # --- nouns ---
    def plural_stem(self, w):
        """The singular a regular plural w comes from, if the dictionary has
        it with the plural flag S and w itself is not a stem ('news')."""
        if len(w) < 4 or not w.endswith("s") or w.endswith("ss") or w in self.stems:
            return None
        cands = []
        if w.endswith("ies"):
            cands.append(w[:-3] + "y")
        if w.endswith("es"):
            cands.append(w[:-2])
        cands.append(w[:-1])
        for c in cands:
            if "S" in self.stems.get(c, ""):
                return c
        return None

    def is_plural_noun(self, w):
        """Only ever a plural noun as far as we know: EWT sees it as a plural
        noun (and never singular), or it is a regular plural of a dictionary
        stem that EWT never tags as a singular noun or as a verb."""
        n = self.number.get(w)
        x = self.x(w)
        if n:
            sing, plur = n
            return plur >= 2 and sing == 0 and x.get("VBZ", 0) * 5 < plur
        if x:
            tot = sum(x.values())
            return x.get("NNS", 0) + x.get("NNPS", 0) >= 0.9 * tot and tot >= 2
        return self.plural_stem(w) is not None

    def is_singular_noun(self, w):
        """A singular (count or mass) noun: EWT tags it singular only, or the
        dictionary gives it a regular plural and it does not end in s."""
        n = self.number.get(w)
        x = self.x(w)
        if n:
            sing, plur = n
            tot = sum(x.values())
            return sing >= 2 and plur == 0 and x.get("NN", 0) >= 0.8 * tot
        if x:
            return False
        return (not w.endswith("s")) and "S" in self.stems.get(w, "") and \
            not w.endswith("ing")

    # --- verbs ---
    def only(self, w, tags, share=0.95, min_n=2):
        """EWT tags w with one of tags at least `share` of the time."""
        x = self.x(w)
        tot = sum(x.values())
        return tot >= min_n and sum(x.get(t, 0) for t in tags) >= share * tot
