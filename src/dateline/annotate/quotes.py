"""Quote and attribution extraction: who said what, with character offsets.

:class:`QuoteAttributor` is the ``dateline_quotes`` spaCy component. It reads the dependency
parse and finds attributions the way PARC/PolNeAR define them: a *cue* (``said``,
``according to``, ``tweeted``), a *source* (who) and a *content* (what). The approach follows
rule-based systems such as BBC's Citron pipeline in spirit (cue, then source and content from the
syntax around it, then pronoun resolution) but with hand-written rules, because the budget is a
few percent of the tagger's time per document:

* **cue verbs** from a lexicon (:mod:`._quote_lexicon`), matched on surface forms by hash;
  ``according to``; reporting nouns with a possessor (``his warnings that ...``, ``Beck's
  contention was that ...``); light verbs with a speech noun (``made the case that``);
* **source**: the cue's subject (``X said``, ``said X``), the agent of a passive cue (``first
  reported by X``), the antecedent of a relative pronoun (``X, who said``), the subject of the
  verb a participle or conjunct hangs from (``..., saying``, ``by calling X ...``); relative
  clauses are trimmed off;
* **content**: the cue's clausal complement (``said (that) ...``), the clause a parenthetical cue
  interrupts or follows (``..., X said.``), else its objects (``called X a Y``, ``talked about
  X``), else a quotation right before or after the cue (``“...,” he wrote``, or opening the
  paragraph after ``he declared:``), else the rest of the cue's clause (for a relative-clause
  cue, its antecedent: ``a view which I share``);
* **direct quotes** come from quote marks (:mod:`._quote_marks`): a content touching a quotation
  grows to cover all of it (multi-sentence quotes), and a quotation right after an attributed one
  (``“A,” she said. “B.”``) or continuing it in the next paragraph joins the same attribution;
* **speakers** are resolved by :mod:`._quote_speakers` (pronouns, role descriptions, anonymity).

One attribution may yield several :class:`~dateline.models.Quote` records sharing the same cue:
one per quoted passage (``direct=True``) and, when the content also paraphrases, one for the
whole content (``direct=False``). Quotations no cue claims are kept with ``speaker=None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from dateline.annotate._base import register_extensions
from dateline.annotate._quote_lexicon import (
    ANY_FRAME,
    CLAUSE_FRAME,
    LIGHT_CUE_VERBS,
    NOT_SPEAKER_LABELS,
    NOUN_CUES,
    POLL_NOUNS,
    SPEECH_NOUNS,
    STATE_ADJECTIVES,
    XCOMP_OK,
    verb_forms,
)
from dateline.annotate._quote_marks import QuotedSpan, find_quoted_spans
from dateline.annotate._quote_speakers import Resolver, Speaker
from dateline.models import Quote

__all__ = ["QuoteAttributor", "extract_quotes", "make_quote_attributor"]


# a StringStore's ``add`` returns the same 64-bit hash spaCy stores in ``Token.orth``
hash_string = StringStore().add


def _casings(word: str) -> tuple[str, ...]:
    return (word, word.capitalize(), word.upper())


# orth hash of every casing of every cue form -> base verb; matching on ``Token.orth`` works on
# hand-built Docs too, whose vocab has no lower-case or lemma attributes.
_CUE_ORTH: dict[int, str] = {
    hash_string(variant): base
    for form, base in verb_forms(ANY_FRAME | CLAUSE_FRAME).items()
    for variant in _casings(form)
}
_NOUN_ORTH = frozenset(hash_string(v) for w in NOUN_CUES for v in _casings(w))
_LIGHT_CUE_ORTH = frozenset(
    hash_string(v) for form in verb_forms(LIGHT_CUE_VERBS) for v in _casings(form)
)
_ACCORDING = frozenset(hash_string(v) for v in _casings("according"))
_STATE_ORTH = frozenset(hash_string(v) for w in STATE_ADJECTIVES for v in _casings(w))
_IN_ORTH = frozenset(hash_string(v) for v in _casings("in"))
_COPULA_ORTH = frozenset(hash_string(v) for w in ("is", "was", "'s") for v in _casings(w))
_LIGHT_ORTH = frozenset(
    hash_string(v)
    for w in (
        "be is are was were been being have has had do does did make makes made go goes "
        "went get gets got take takes took mean means meant ensure ensures ensured"
    ).split()
    for v in _casings(w)
)
# Cues kept even inside another attribution's content (precise on PolNeAR train when nested)
_NESTABLE = frozenset({"according to", "reported", "says"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})
_NOT_AGENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "GPE"})
# ``Name: words`` at the start of a line: headline attributions and transcript speakers
_LABEL = re.compile(
    r"^([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019()-]*){0,4})[ \t]*:[ \t]+(\S[^\n]*)", re.M
)

# Verbs whose direct object is the addressee, not what was said (``told reporters``).
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "instruct", "email", "text"})
# Prepositions that introduce what was said about (``talked about``, ``called for``).
_CONTENT_PREPS = frozenset({"about", "against", "for", "on", "to", "of", "over", "that", "as"})
_SUBJECT_DEPS = ("nsubj", "csubj")
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_EXPLETIVE = frozenset({"it", "there"})
# Quotation-adjacent gap: punctuation, spaces and at most a short time word (``he said Friday:``)
_GAP = re.compile(r"[\s,:;\u2014\u2013-]*(?:\w+[\s,:;\u2014\u2013-]+){0,2}")
_MAX_SOURCE_TOKENS = 30
# Cue clauses whose content, when no rule finds one, is the rest of the clause (or, for a
# relative clause, its antecedent): measured on PolNeAR train, not for ``ccomp``/``xcomp`` cues
_FALLBACK_DEPS = frozenset({"ROOT", "advcl", "parataxis", "conj", "relcl"})
# A content whose unquoted residue is at most this many letters is a direct quote
# (``that, “...”`` leaves ``that``).
_DIRECT_RESIDUE = 6


@dataclass(slots=True)
class _Attr:
    """An attribution under construction; all offsets are characters into ``doc.text``."""

    cue: tuple[int, int]
    cue_text: str
    head: Token  # syntactic head of the source phrase
    source: tuple[int, int]
    content: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)  # indices of quoted spans it covers


def _is_punct(t: Token) -> bool:
    return not any(ch.isalnum() for ch in t.text)


def _chars(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Character range of tokens ``[i, j)`` without edge punctuation, or None if empty."""
    while i < j and _is_punct(doc[i]):
        i += 1
    while j > i and _is_punct(doc[j - 1]):
        j -= 1
    if i >= j:
        return None
    if doc[i].text.lower() == "that" and doc[i].dep_ == "mark" and i + 1 < j:
        # the complementizer is not part of what was said
        return _chars(doc, i + 1, j)
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def _source_range(doc: Doc, head: Token, limit: int) -> tuple[int, int] | None:
    """The source phrase headed by ``head``: its subtree without trailing relative clauses."""
    i, j = head.left_edge.i, head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "parataxis") and child.left_edge.i < j:
            j = child.left_edge.i
    if j - i > _MAX_SOURCE_TOKENS:
        i = max(i, head.i - 6)
        j = min(j, head.i + 1)
    # never let the source run into the cue (a mis-attached subtree)
    if i < limit <= j - 1:
        j = limit if head.i < limit else j
        i = i if head.i < limit else limit + 1
    return _chars(doc, i, j)


def _subject(t: Token) -> tuple[Token | None, bool]:
    """The source token of a verbal cue and whether it was found on the cue itself."""
    passive = False
    subj: Token | None = None
    agent: Token | None = None
    for c in t.children:
        dep = c.dep_
        if dep in _SUBJECT_DEPS:
            # two subjects happen in mis-parses (``A, Bob said B: C``): the nearer one
            if subj is None or abs(c.i - t.i) < abs(subj.i - t.i):
                subj = c
        elif dep in ("nsubjpass", "auxpass"):
            passive = True
        elif dep == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
    if passive:
        return agent, True
    if subj is not None:
        return subj, True
    if (
        t.dep_ == "acl"
        and t.tag_ in ("VBD", "VBZ", "VBN")
        and t.head.dep_ == "ROOT"
        and t.head.i < t.i
        and t.head.pos_ in ("PROPN", "NOUN")
    ):
        # ``Stuart Stevens, who ..., called X "childish."``: a finite verb the parser hung on
        # its own subject as a modifier
        return t.head, True
    # ``X said A and added B`` / ``..., saying B``: borrow the subject of the verb above
    up = t
    for _ in range(3):
        if up.dep_ not in ("conj", "advcl", "xcomp", "pcomp") or up.head is up:
            break
        if up.dep_ in ("advcl", "pcomp") and not up.text.lower().endswith("ing"):
            break
        if up.dep_ == "pcomp":
            # ``by calling out Clinton, Axelrod ...``: through the preposition to its verb
            if up.head.dep_ != "prep" or up.head.head is up.head:
                break
            up = up.head
        up = up.head
        for c in up.children:
            if c.dep_ in _SUBJECT_DEPS:
                return c, False
    return None, False


class _Extractor:
    """One document's extraction (kept as an object to share the per-document indexes)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.quoted: list[QuotedSpan] = find_quoted_spans(self.text)
        self.q_inner_starts = [q[2] for q in self.quoted]
        self.q_outer_starts = [q[0] for q in self.quoted]
        self.attrs: list[_Attr] = []

    # --- lookup helpers ---------------------------------------------------------------------

    def _in_quote(self, char: int) -> bool:
        k = bisect_right(self.q_inner_starts, char) - 1
        return k >= 0 and self.quoted[k][2] <= char < self.quoted[k][3]

    def _overlapping(self, start: int, end: int) -> list[int]:
        k = max(0, bisect_right(self.q_outer_starts, start) - 1)
        found = []
        while k < len(self.quoted) and self.quoted[k][0] < end:
            if self.quoted[k][3] > start and self.quoted[k][2] < end:
                found.append(k)
            k += 1
        return found

    def _adjacent_quote(self, first: int, last: int) -> int | None:
        """A quotation ending right before token ``first`` or starting right after ``last``."""
        doc, text = self.doc, self.text
        left = doc[first].idx
        k = bisect_left(self.q_outer_starts, left) - 1
        if k >= 0 and self.quoted[k][1] <= left:
            gap = text[self.quoted[k][1] : left]
            if len(gap) <= 3 and not gap.strip(" ,"):
                return k
        right = doc[last].idx + len(doc[last].text)
        k = bisect_left(self.q_outer_starts, right)
        if k < len(self.quoted):
            gap = text[right : self.quoted[k][0]]
            if len(gap) <= 24 and "\n\n" not in gap and _GAP.fullmatch(gap):
                return k
        return None

    # --- cues ---------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        doc = self.doc
        for t in doc:
            orth = t.orth
            base = _CUE_ORTH.get(orth)
            if base is not None:
                self._verbal(t, base)
            elif orth in _ACCORDING:
                self._according(t)
            elif orth in _NOUN_ORTH:
                self._noun(t)
            elif orth in _STATE_ORTH:
                self._state(t)
            elif orth in _IN_ORTH:
                self._in_poll(t)
            elif orth in _LIGHT_CUE_ORTH:
                self._light(t)
            elif t.dep_ == "ROOT" or t.pos_ == "VERB":
                self._generic(t)
        if ":" in self.text:
            self._labels()
        return self._finish()

    def _add(
        self,
        cue: tuple[int, int],
        head: Token,
        source: tuple[int, int] | None,
        content: list[tuple[int, int]],
        *,
        cross: bool = False,
    ) -> None:
        if source is None or not content:
            return
        if cross:  # a quotation introduced across a paragraph break, already checked
            self.attrs.append(_Attr(cue, self.text[cue[0] : cue[1]], head, source, content))
            return
        # a content never crosses the paragraph of its cue (the parser's sentences sometimes
        # run over a paragraph break); quotations spanning paragraphs are joined later
        text = self.text
        para_start = text.rfind("\n\n", 0, cue[0]) + 1
        para_end = text.find("\n\n", cue[1])
        para_end = len(text) if para_end < 0 else para_end
        content = [(max(s, para_start), min(e, para_end)) for s, e in content]
        content = [(s, e) for s, e in content if e > s]
        if not content:
            return
        cs, ce = cue
        cue_text = self.text[cs:ce]
        if any(a < source[1] and source[0] < b for a, b in content):
            return  # a parse that put the source inside the content is not trustworthy
        self.attrs.append(_Attr(cue, cue_text, head, source, content))

    def _verbal(self, t: Token, base: str) -> None:
        doc = self.doc
        if t.pos_ not in ("VERB", "") or t.dep_ in ("amod", "compound", "nmod"):
            return
        if self._in_quote(t.idx):
            return  # a cue inside somebody's quotation is part of their words
        src, own = _subject(t)
        if src is None:
            src = self._inverted_subject(t)
            own = src is not None
        if src is None or (src.text.lower() in _EXPLETIVE and src.dep_ == "expl"):
            return
        if self._in_quote(src.idx):
            # ``“Great guy,” Trump, the frontrunner, said``: the parser made the quotation the
            # subject and hung the speaker on it as an apposition
            src = next(
                (c for c in src.rights if c.dep_ == "appos" and not self._in_quote(c.idx)), None
            )
            if src is None:
                return
        source: tuple[int, int] | None
        if src.text.lower() in _RELATIVE:
            if t.dep_ != "relcl":
                return
            # the source as written is the relative pronoun; the speaker is its antecedent
            src_head = t.head
            source = (src.idx, src.idx + len(src.text))
        else:
            src_head = src
            source = _source_range(doc, src, t.i)
        if source is None:
            return
        cue_end = t.idx + len(t.text)
        for c in t.children:
            if c.dep_ == "prt" and c.i == t.i + 1:
                cue_end = c.idx + len(c.text)  # ``pointed out``
        cue = (t.idx, cue_end)
        block = self._colon_block(t)
        if block is not None:
            # ``Cruz continued:`` closing a paragraph and a quotation opening the next one
            q = self.quoted[block]
            self._add(cue, src_head, source, [(q[2], q[3])], cross=True)
            return
        content = self._verbal_content(t, base, src, own)
        if not content and own and t.dep_ in _FALLBACK_DEPS:
            # ``X concluded by making it clear ...``: nothing the rules recognise as content,
            # but the cue governs a clause; what follows the cue in it is the content
            if t.dep_ == "relcl":
                # ``the view, which I share``: what is held is the antecedent
                rest = _chars(doc, t.head.left_edge.i, t.left_edge.i)
            else:
                last = max(t.i, src.right_edge.i) if src.i > t.i else t.i
                rest = _chars(doc, last + 1, t.right_edge.i + 1)
            content = [rest] if rest else []
        if not content and src.dep_ == "pobj" and src.head.dep_ == "agent":
            # ``The request was first reported by X``: what was reported is the subject
            what = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            rng = _chars(doc, what.left_edge.i, what.right_edge.i + 1) if what else None
            content = [rng] if rng else []
        self._add(cue, src_head, source, content)

    def _colon_block(self, t: Token) -> int | None:
        """The quotation opening the next paragraph after ``X said:`` ending this one."""
        doc, text = self.doc, self.text
        k = t.i + 1
        while k < len(doc) and k - t.i <= 6 and not _is_punct(doc[k]):
            k += 1
        if k >= len(doc) or doc[k].text != ":":
            return None
        pos = doc[k].idx + 1
        j = bisect_left(self.q_outer_starts, pos)
        if j >= len(self.quoted):
            return None
        gap = text[pos : self.quoted[j][0]]
        return j if "\n" in gap and not gap.strip() else None

    def _inverted_subject(self, t: Token) -> Token | None:
        """``“...,” says Myra Gutin, ...`` when the parser hung the name elsewhere."""
        doc = self.doc
        if t.i + 1 >= len(doc) or t.i == 0 or not _is_punct(doc[t.i - 1]):
            return None
        j = t.i + 1
        while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].ent_type_ in ("PERSON", "ORG")):
            j += 1
        return doc[j - 1] if j > t.i + 1 else None

    def _verbal_content(self, t: Token, base: str, src: Token, own: bool) -> list[tuple[int, int]]:
        doc = self.doc
        clauses = [c for c in t.children if c.dep_ == "ccomp"]
        if clauses:
            # two clauses happen when the parse runs over a paragraph break: the nearer one
            c = min(clauses, key=lambda c: abs(c.i - t.i))
            rng = _chars(doc, c.left_edge.i, c.right_edge.i + 1)
            return [rng] if rng else []
        head = t.head
        if (
            own
            and t.dep_ == "advcl"
            and head is not t
            and any(c.dep_ == "mark" and c.text.lower() == "as" for c in t.children)
        ):
            # ``As Breitbart News reported, the White House ...``: the clause it modifies
            return self._around(head, t)
        if own and t.dep_ in ("parataxis", "ccomp", "advcl") and head.i < t.i and head is not t:
            # ``Content, X said.`` / ``Content, said X, who ...`` / ``A, X said, B``: the cue
            # clause must be set off by punctuation, else it is an ordinary embedded clause
            edge = t.left_edge.i
            if _is_punct(doc[edge]) or (edge > 0 and _is_punct(doc[edge - 1])):
                while head.dep_ == "conj" and head.head.i < head.i:
                    head = head.head  # ``A, and B, X said``: the whole coordination
                return self._around(head, t)
        first = min(t.i, src.left_edge.i)
        last = max(t.i, src.right_edge.i) if src.i > t.i else t.i
        adjacent = self._adjacent_quote(first, last)
        if adjacent is not None:
            q = self.quoted[adjacent]
            return [(q[2], q[3])]
        xcomps = [c for c in t.children if c.dep_ == "xcomp"]
        if base in CLAUSE_FRAME and base not in ANY_FRAME:
            if xcomps and base in XCOMP_OK:
                rng = _chars(doc, xcomps[0].left_edge.i, xcomps[0].right_edge.i + 1)
                return [rng] if rng else []
            return self._set_off(t, first, last) if own else []
        parts: list[Token] = []
        for c in t.rights:
            dep = c.dep_
            if dep in ("dobj", "dative") and base in _ADDRESSEE_VERBS:
                continue
            if dep in ("dobj", "oprd", "xcomp", "attr", "acomp"):
                parts.append(c)
            elif dep == "prep" and c.text.lower() in _CONTENT_PREPS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                    parts.append(c)
        if not parts:
            # nothing attached: the clause around a comma-delimited cue is the content
            return self._set_off(t, first, last) if own else []
        rng = _chars(doc, parts[0].left_edge.i, parts[-1].right_edge.i + 1)
        return [rng] if rng else []

    def _set_off(self, t: Token, first: int, last: int) -> list[tuple[int, int]]:
        """Content around a cue clause set off by commas, whatever the parse says.

        ``A, police said.`` (the parser often makes ``said`` the root and ``A`` an adverbial
        clause) and ``A, Ms. Tchen said, B``. ``first``/``last`` delimit the cue clause.
        """
        doc = self.doc
        for c in t.rights:
            if c.dep_ in ("npadvmod", "advmod", "prep") and c.i > last:
                last = c.right_edge.i  # ``said Thursday``, ``said in a statement``
        sent = t.sent
        parts = []
        if first - 1 > sent.start and doc[first - 1].text in (",", "\u2014", "\u2013"):
            left = _chars(doc, sent.start, first - 1)
            if left:
                parts.append(left)
        if parts and last + 2 < sent.end and doc[last + 1].text in (",", "\u2014", "\u2013"):
            right = _chars(doc, last + 2, sent.end)
            if right:
                parts.append(right)
        elif not parts and last + 2 < sent.end and doc[last + 1].text == ":":
            right = _chars(doc, last + 2, sent.end)  # ``Trump said: ...``
            if right:
                parts.append(right)
        return parts

    def _around(self, head: Token, cue: Token) -> list[tuple[int, int]]:
        """The clause ``head`` spans, minus the parenthetical cue clause inside it."""
        doc = self.doc
        left = _chars(doc, head.left_edge.i, cue.left_edge.i)
        right = _chars(doc, cue.right_edge.i + 1, head.right_edge.i + 1)
        return [r for r in (left, right) if r]

    def _according(self, t: Token) -> None:
        doc = self.doc
        if t.i + 1 >= len(doc) or doc[t.i + 1].text.lower() != "to" or self._in_quote(t.idx):
            return
        to = doc[t.i + 1]
        obj = next((g for g in to.children if g.dep_ == "pobj"), None)
        if obj is None:
            obj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if obj is None:
            return
        source = _source_range(doc, obj, t.i)
        head = t.head if t.head is not t else t
        left = _chars(doc, head.left_edge.i, t.left_edge.i)
        right = _chars(doc, t.right_edge.i + 1, head.right_edge.i + 1)
        if head is t:  # ``According to X.`` as a fragment: the previous sentence is content
            return
        cue = (t.idx, to.idx + len(to.text))
        self._add(cue, obj, source, [r for r in (left, right) if r])

    def _generic(self, t: Token) -> None:
        """Any other verb with a person as subject and a finite clause as object."""
        if t.pos_ != "VERB" or t.orth in _LIGHT_ORTH:
            return
        clause = next((c for c in t.rights if c.dep_ == "ccomp"), None)
        if clause is None:
            return
        src = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if src is None or not (
            src.ent_type_ in ("PERSON", "ORG", "NORP")
            or src.text.lower() in _PERSONAL
            or (src.pos_ in ("PROPN", "NOUN") and src.ent_type_ not in _NOT_AGENTS)
        ):
            return
        if self._in_quote(t.idx):
            return
        source = _source_range(self.doc, src, t.i)
        content = _chars(self.doc, clause.left_edge.i, clause.right_edge.i + 1)
        self._add((t.idx, t.idx + len(t.text)), src, source, [content] if content else [])

    def _light(self, t: Token) -> None:
        """``X made the case that ...``, ``X gave a speech on ...``: light verb and speech noun."""
        doc = self.doc
        if t.pos_ not in ("VERB", "") or self._in_quote(t.idx):
            return
        obj = next(
            (
                c
                for c in t.rights
                if c.dep_ in ("dobj", "oprd", "ccomp") and c.text.lower() in SPEECH_NOUNS
            ),
            None,
        )
        if obj is None:
            return
        src, _ = _subject(t)
        if src is None or src.text.lower() in _RELATIVE or self._in_quote(src.idx):
            return
        if src.dep_ == "expl" or src.text.lower() in _EXPLETIVE:
            return
        source = _source_range(doc, src, t.i)
        clause = next((c for c in t.rights if c.dep_ == "ccomp" and c is not obj), None)
        what = clause if clause is not None else obj
        content = _chars(doc, what.left_edge.i, what.right_edge.i + 1)
        cue = (t.idx, obj.idx + len(obj.text)) if obj.i == t.i + 1 else (t.idx, t.idx + len(t.text))
        self._add(cue, src, source, [content] if content else [])

    def _state(self, t: Token) -> None:
        """``X were optimistic that ...`` / ``X is skeptical of ...``: a stance adjective."""
        doc = self.doc
        verb = t.head
        if t.dep_ != "acomp" or verb is t or self._in_quote(t.idx):
            return
        src = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if src is None or src.text.lower() in _RELATIVE or self._in_quote(src.idx):
            return
        comp = next((c for c in t.rights if c.dep_ in ("ccomp", "xcomp", "prep")), None)
        if comp is None:
            comp = next((c for c in verb.rights if c.dep_ == "ccomp" and c.i > t.i), None)
        if comp is None:
            return
        if comp.dep_ == "prep":
            comp = next((g for g in comp.children if g.dep_ in ("pobj", "pcomp")), comp)
        source = _source_range(doc, src, verb.i)
        content = _chars(doc, comp.left_edge.i, comp.right_edge.i + 1)
        cue = (verb.idx, t.idx + len(t.text)) if verb.i < t.i else (t.idx, t.idx + len(t.text))
        self._add(cue, src, source, [content] if content else [])

    def _in_poll(self, t: Token) -> None:
        """``In the latest poll, X leads``: a poll or report named as the source."""
        doc = self.doc
        head = t.head
        if t.dep_ != "prep" or head is t or t.i > head.i or self._in_quote(t.idx):
            return
        obj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if obj is None or obj.text.lower() not in POLL_NOUNS:
            return
        source = _source_range(doc, obj, t.i)
        right = _chars(doc, t.right_edge.i + 1, head.right_edge.i + 1)
        self._add((t.idx, t.idx + len(t.text)), obj, source, [right] if right else [])

    def _labels(self) -> None:
        """``Trump: My plans aren't set in stone`` and ``BOULDUAN: Why not debate?`` lines."""
        doc, text = self.doc, self.text
        for match in _LABEL.finditer(text):
            label = match.group(1)
            words = label.split()
            if words[0].lower().rstrip(".") in NOT_SPEAKER_LABELS or len(label) > 40:
                continue
            span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
            if span is None or len(span) == 0 or any(t.pos_ == "VERB" for t in span):
                continue
            # a name, not ``Q:`` (the interviewer), ``So:``, ``South Carolina:`` or a rubric
            if label in ("Q", "The Latest") or not any(
                t.ent_type_ in ("PERSON", "ORG", "NORP")
                or (t.pos_ in ("PROPN", "") and t.ent_type_ not in ("GPE", "LOC", "DATE"))
                or (t.pos_ == "NOUN" and not t.ent_type_ and t.i == 0)
                for t in span
            ):
                continue
            colon = match.end(1) + text[match.end(1) :].index(":")
            self._add(
                (colon, colon + 1),
                span.root,
                (match.start(1), match.end(1)),
                [(match.start(2), match.end(2))],
            )

    def _noun(self, t: Token) -> None:
        doc = self.doc
        if t.pos_ not in ("NOUN", "") or self._in_quote(t.idx):
            return
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None or t.i + 1 >= len(doc):
            return
        # only ``claim that ...``: a bare relative clause (``the claims the U.S. fielded``)
        # says nothing about what was claimed; the parser often hangs the ``that`` clause on
        # the verb above the noun, so it is found from the complementizer
        that = doc[t.i + 1]
        clause: Token | None = None
        if that.text.lower() == "that" and that.dep_ == "mark":
            clause = that.head
            if clause.left_edge.i != that.i:
                return
        elif t.dep_ == "nsubj" and t.head.orth in _COPULA_ORTH:
            # ``Beck's contention was that ...``: the claim is the copula's clause
            clause = next((c for c in t.head.rights if c.dep_ in ("ccomp", "attr")), None)
            if clause is None or clause.left_edge.text.lower() != "that":
                return
        if clause is None:
            return
        source = _chars(doc, owner.left_edge.i, owner.right_edge.i + 1)
        if source is not None and self.text[source[1] - 2 : source[1]] in ("'s", "\u2019s"):
            source = (source[0], source[1] - 2)
        content = _chars(doc, clause.left_edge.i, clause.right_edge.i + 1)
        self._add((t.idx, t.idx + len(t.text)), owner, source, [content] if content else [])

    # --- quotations, continuations, speakers ------------------------------------------------

    def _finish(self) -> list[Quote]:
        attrs = self._drop_nested(self.attrs)
        attrs.sort(key=lambda a: a.cue[0])
        owner: dict[int, _Attr] = {}
        # innermost first, so a quotation belongs to the attribution closest to it
        for a in sorted(attrs, key=lambda a: sum(e - s for s, e in a.content)):
            grown = []
            for start, end in a.content:
                lo, hi = start, end
                for k in self._overlapping(start, end):
                    q = self.quoted[k]
                    lo, hi = min(lo, q[2]), max(hi, q[3])
                    if k not in owner:
                        owner[k] = a
                        a.quotes.append(k)
                grown.append((lo, hi))
            a.content = grown
        self._continue_quotes(owner)
        return self._records(attrs, owner)

    def _drop_nested(self, attrs: list[_Attr]) -> list[_Attr]:
        """Drop cues inside another attribution's content (one attribution per token)."""
        kept = []
        for a in attrs:
            inside = any(b is not a and any(s <= a.cue[0] < e for s, e in b.content) for b in attrs)
            if not inside or a.cue_text.lower() in _NESTABLE:
                kept.append(a)
        return kept

    def _continue_quotes(self, owner: dict[int, _Attr]) -> None:
        """Give unclaimed quotations next to an attributed one the same attribution."""
        text = self.text
        for k in range(1, len(self.quoted)):
            if k in owner or k - 1 not in owner:
                continue
            prev, cur = self.quoted[k - 1], self.quoted[k]
            a = owner[k - 1]
            gap = text[prev[1] : cur[0]]
            # the gap may hold only the attribution's own source and cue (``she said.``)
            for s, e in (a.source, a.cue):
                if prev[1] <= s and e <= cur[0]:
                    gap = gap.replace(text[s:e], " ")
            words = re.findall(r"\w+", gap)
            unclosed = prev[1] == prev[3]
            if len(words) <= 2 and (unclosed or "\n\n" not in gap or not words):
                owner[k] = a
                a.quotes.append(k)
                a.content.append((cur[2], cur[3]))
        # a paragraph left open that the next, attributed, paragraph continues
        for k in range(len(self.quoted) - 2, -1, -1):
            cur, nxt = self.quoted[k], self.quoted[k + 1]
            if k in owner or k + 1 not in owner or cur[1] != cur[3]:
                continue
            if not text[cur[1] : nxt[0]].strip():
                a = owner[k + 1]
                owner[k] = a
                a.quotes.append(k)
                a.content.append((cur[2], cur[3]))

    def _records(self, attrs: list[_Attr], owner: dict[int, _Attr]) -> list[Quote]:
        text = self.text
        resolver = Resolver(self.doc, [(q[2], q[3]) for q in self.quoted])
        quotes: list[Quote] = []
        for a in attrs:
            speaker = resolver.resolve(a.head, *a.source)
            mine = sorted(k for k in a.quotes if owner.get(k) is a)
            a.content.sort()
            residue = sum(
                len(re.sub(r"[\W_]", "", self._unquoted(s, e, a.quotes))) for s, e in a.content
            )

            def make(
                s: int, e: int, direct: bool, a: _Attr = a, speaker: Speaker = speaker
            ) -> Quote:
                return Quote(
                    text=text[s:e],
                    start=s,
                    end=e,
                    speaker=speaker.name,
                    cue=a.cue_text,
                    direct=direct,
                    anonymous=speaker.anonymous,
                    source_start=a.source[0],
                    source_end=a.source[1],
                    cue_start=a.cue[0],
                    cue_end=a.cue[1],
                )

            if residue > _DIRECT_RESIDUE or not mine:
                quotes.extend(make(s, e, False) for s, e in a.content)
            quotes.extend(make(self.quoted[k][2], self.quoted[k][3], True) for k in mine)
        for k, q in enumerate(self.quoted):
            if k not in owner and len(text[q[2] : q[3]].split()) >= 2:
                quotes.append(Quote(text[q[2] : q[3]], q[2], q[3], None, None, True, False))
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _unquoted(self, start: int, end: int, ks: list[int]) -> str:
        """The part of ``[start, end)`` outside the given quotations (marks included)."""
        pieces, pos = [], start
        for k in sorted(ks):
            q = self.quoted[k]
            if q[1] <= start or q[0] >= end:
                continue
            pieces.append(self.text[pos : max(pos, q[0])])
            pos = max(pos, q[1])
        pieces.append(self.text[pos:end])
        return "".join(pieces)


def extract_quotes(doc: Doc) -> list[Quote]:
    """Find the quotes and attributions of a parsed ``doc`` (offsets into ``doc.text``)."""
    return _Extractor(doc).run()


class QuoteAttributor:
    """The ``dateline_quotes`` component: writes ``doc._.dl_quotes`` (``list[Quote]``)."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        doc._.dl_quotes = extract_quotes(doc)
        return doc


@Language.factory(
    "dateline_quotes",
    requires=["token.dep", "token.head", "doc.sents", "doc.ents"],
    assigns=["doc._.dl_quotes"],
)
def make_quote_attributor(nlp: Language, name: str) -> QuoteAttributor:
    """spaCy factory: ``nlp.add_pipe("dateline_quotes")`` after the parser and NER."""
    return QuoteAttributor()
