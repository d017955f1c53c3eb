# ruff: noqa: RUF001 - typographic apostrophes are text this module matches
"""Tense of the clause around a time expression, read from the spaCy tokens.

With a dependency parse the governing verb is found by climbing heads from the expression, and
its tense comes from its tag and auxiliaries (``will``/``would``/modals → future, ``VBD`` or a
perfect → past, ``VBZ``/``VBP`` → present); an infinitive defers to the verb it complements
(``is expected to sign`` → future). With tags but no parse, the nearest tense-bearing token in
the sentence decides, looking left first (HeidelTime's strategy). With neither (a hand-built
Doc), word lists stand in for the tags.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from dateline.annotate._timex_calendar import Tense

__all__ = ["TokenContext"]

_FUTURE_AUX = frozenset(
    {"will", "'ll", "’ll", "wo", "shall", "would", "could", "might", "may", "should", "must"}
)
_FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "intend",
        "hope",
        "aim",
        "want",
        "seek",
        "prepare",
        "set",
        "due",
        "likely",
        "go",
        "agree",
        "promise",
        "threaten",
        "vow",
        "propose",
        "wish",
        "need",
        "pledge",
    }
)
_PAST_WORDS = frozenset(
    "said was were had did went came made took told gave got met left began saw found held led"
    " brought thought sent spent kept won lost paid fell rose hit shot put set ran wrote spoke"
    " stood sat became fled knew felt heard meant sold bought built broke chose drove flew grew"
    " hung laid lay rode rang sang sank slid stole struck swore threw woke wore withdrew"
    " overtook overran arose ate fought forgot froze hid".split()
)
_PRESENT_WORDS = frozenset("is are am says has have does do 's ’s 're ’re".split())
_NOT_PAST_ED = frozenset(
    "need feed speed indeed seed bed red hundred proceed exceed succeed shed bleed breed"
    " freed weed greed creed deed steed sped".split()
)
_ED = re.compile(r"[a-z]{2,}ed$")
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "VB", "VBN", "VBG"})


class TokenContext:
    """Per-document index from character offsets to tokens, sentences and clause tense."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # ``to_array`` reads the offsets in C; iterating tokens would build a Python object each.
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self.has_tags = doc.has_annotation("TAG")
        self.has_deps = doc.has_annotation("DEP")
        self._sent_bounds: list[int] | None = None

    # -- indexing ---------------------------------------------------------------------------

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices ``[i, j)`` covering the characters ``[start, end)``."""
        i = max(0, bisect_right(self.starts, start) - 1)
        j = max(i + 1, bisect_left(self.starts, end))
        return i, j

    def sentence_bounds(self) -> list[int]:
        """Token index of each sentence start, plus ``len(doc)``."""
        if self._sent_bounds is None:
            if self.doc.has_annotation("SENT_START"):
                bounds = [s.start for s in self.doc.sents]
            else:
                bounds = [0]
            bounds.append(len(self.doc))
            self._sent_bounds = bounds
        return self._sent_bounds

    def sentence_of(self, i: int) -> tuple[int, int]:
        bounds = self.sentence_bounds()
        k = bisect_right(bounds, i) - 1
        k = min(max(k, 0), len(bounds) - 2)
        return bounds[k], bounds[k + 1]

    # -- tense --------------------------------------------------------------------------------

    def tense(self, start: int, end: int) -> Tense | None:
        """Tense of the clause the expression at ``[start, end)`` belongs to."""
        if not len(self.doc):
            return None
        i, j = self.token_range(start, end)
        if self.has_deps:
            verb = self._governing_verb(i, j)
            # Attached to a noun (``Friday's purchases``, ``trading on Wednesday``): the
            # clause's verb says nothing about when that thing happened.
            return _clause_tense(verb) if verb is not None else None
        return self._window_tense(i, j)

    def _span_root(self, i: int, j: int) -> Token:
        doc = self.doc
        for k in range(i, j):
            head = doc[k].head.i
            if head < i or head >= j or head == k:
                return doc[k]
        return doc[i]

    def _governing_verb(self, i: int, j: int) -> Token | None:
        tok = self._span_root(i, j)
        for _ in range(8):
            outside = not i <= tok.i < j
            if outside and tok.pos_ in ("VERB", "AUX"):
                return tok
            if outside and tok.pos_ in ("NOUN", "PROPN"):
                return None
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def _window_tense(self, i: int, j: int) -> Tense | None:
        s0, s1 = self.sentence_of(i)
        doc = self.doc
        best: tuple[int, Tense] | None = None
        for k in range(s0, s1):
            if i <= k < j:
                continue
            tense = _token_tense(doc[k], self.has_tags)
            if tense is None:
                continue
            # Left context first: a verb before the expression weighs as if a bit closer.
            distance = (i - k) if k < i else (k - j + 1) + 2
            if best is None or distance < best[0]:
                best = (distance, tense)
        return best[1] if best else None

    # -- anchoring ------------------------------------------------------------------------------

    def reports_past(self, start: int) -> bool:
        """Is the main clause of the sentence at ``start`` in the simple past?

        ``Fears were fanned by a May 1997 incident`` reports a past event, so even the noun
        modifier ``May 1997`` dates it; ``Trump, who made ... his 2016 campaign, has been eager``
        does not. Without a parse, assume it does.
        """
        if not self.has_deps or not len(self.doc):
            return True
        s0, s1 = self.sentence_of(self.token_range(start, start + 1)[0])
        for k in range(s0, s1):
            tok = self.doc[k]
            if tok.dep_ == "ROOT":
                if tok.tag_ == "VBD":
                    return True
                auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
                return tok.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes)
        return False

    def anchored(self, start: int, end: int) -> bool:
        """Does the expression date an event (a verb's adjunct) rather than modify a noun?

        ``the Nov. 6 midterm elections`` and ``his 2016 election campaign`` are noun modifiers;
        without a parse every expression counts as anchored.
        """
        if not self.has_deps or not len(self.doc):
            return True
        i, j = self.token_range(start, end)
        root = self._span_root(i, j)
        if root.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and root.head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            return False
        if root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "PROPN"):
            return root.head.dep_ != "prep" or root.head.head.dep_ in ("ROOT", "nsubj", "dobj")
        return True


def _clause_tense(verb: Token) -> Tense | None:
    for _ in range(4):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.text.lower() for a in auxes}
        if words & _FUTURE_AUX:
            return Tense.FUTURE
        if "going" in words or (
            verb.text.lower() == "going" and any(c.text.lower() == "to" for c in verb.children)
        ):
            return Tense.FUTURE
        if verb.tag_ == "MD":
            return Tense.FUTURE if verb.text.lower() in _FUTURE_AUX else None
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return Tense.PAST
        if verb.tag_ == "VBN" and words & {"has", "have", "'s", "’s", "'ve", "’ve"}:
            return Tense.PAST
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return Tense.PRESENT
        if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "relcl", "advcl"):
            return Tense.PAST  # a reduced relative: ``the agreement, announced Friday``
        # An infinitive or participle takes its tense from the verb it depends on.
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp") and (
            verb.head.i != verb.i
        ):
            head = verb.head
            if verb.dep_ == "xcomp" and head.lemma_.lower() in _FUTURE_GOVERNORS:
                # ``is expected to sign``: future; ``had been due to expire``: a plan seen
                # from the past, which may already have happened.
                return None if _clause_tense(head) is Tense.PAST else Tense.FUTURE
            verb = head
            continue
        return None
    return None


def _token_tense(tok: Token, has_tags: bool) -> Tense | None:
    low = tok.text.lower()
    if low in _FUTURE_AUX:
        return Tense.FUTURE
    if low == "going" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text.lower() == "to":
        return Tense.FUTURE
    if has_tags:
        tag = tok.tag_
        if tag == "VBD":
            return Tense.PAST
        if tag in ("VBZ", "VBP"):
            return Tense.PRESENT
        return None
    if low in _PAST_WORDS or (_ED.search(low) and low not in _NOT_PAST_ED):
        return Tense.PAST
    if low in _PRESENT_WORDS:
        return Tense.PRESENT
    return None
