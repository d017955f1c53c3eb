"""Who a source phrase refers to: named entities, pronouns, role descriptions, anonymity.

Resolution is deliberately simple and salience-based, the way a reader does it: a pronoun is the
most recent compatible mention outside quote marks (``she`` skips a man's name; a mention inside
a quotation is somebody else's words, not the narrative's focus); a description such as ``the
spokeswoman`` is the most recent person introduced with that role (``department spokeswoman
Tricia McLaughlin``). Anything else keeps the source phrase as written.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.annotate._quote_lexicon import (
    ANON_HEADS,
    FEMALE_NAMES,
    MALE_NAMES,
    PRONOUN_GENDER,
    ROLE_WORDS,
)
from dateline.models import Entity

__all__ = ["Mention", "Resolver", "Speaker"]

_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_GROUP_LABELS = ("ORG", "NORP", "GPE")
_MALE_TITLES = frozenset({"mr.", "mr"})
_FEMALE_TITLES = frozenset({"mrs.", "mrs", "ms.", "ms"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_INDEFINITE = frozenset({"a", "an", "another", "some", "several", "one", "two", "three", "many"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention usable as a speaker, with its token range ``[first, last)``."""

    start: int
    end: int
    label: str
    canonical: str
    first: int
    last: int
    quoted: bool


@dataclass(frozen=True, slots=True)
class Speaker:
    """The outcome of resolving one source phrase."""

    name: str
    named: bool  # resolved to a named entity
    anonymous: bool


def _entities(doc: Doc) -> list[Entity]:
    found = doc._.dl_entities if Doc.has_extension("dl_entities") else None
    if found is not None:
        return list(found)
    return [Entity(e.text, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents]


class Resolver:
    """Per-document speaker resolution state (mentions, roles, genders, anonymity clues)."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        q_starts = [a for a, _ in quoted]
        mentions: list[Mention] = []
        for ent in sorted(_entities(doc), key=lambda e: e.start):
            if ent.label not in _SPEAKER_LABELS:
                continue
            span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            k = bisect_right(q_starts, ent.start) - 1
            inside = k >= 0 and quoted[k][0] <= ent.start and ent.end <= quoted[k][1]
            mentions.append(
                Mention(ent.start, ent.end, ent.label, ent.canonical, span.start, span.end, inside)
            )
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.first, m.last):
                self.by_token[i] = m
        self.people = {m.canonical for m in mentions if m.label == "PERSON"}
        self.people |= {n.split()[-1] for n in self.people}
        self.gender: dict[str, str] = {}
        self.roles: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.label == "PERSON":
                self._learn_person(m)
        self.anon_heads: set[str] = set()
        self.anon_tokens: set[int] = set()
        if "anonym" in doc.text or "authorized to" in doc.text:
            self._learn_anonymity()

    # --- what the document says about people ------------------------------------------------

    def _learn_person(self, m: Mention) -> None:
        doc = self.doc
        first = doc[m.first].text.lower()
        if first in FEMALE_NAMES:
            self.gender.setdefault(m.canonical, "f")
        elif first in MALE_NAMES:
            self.gender.setdefault(m.canonical, "m")
        # role words just before the name (``department spokeswoman Tricia McLaughlin``,
        # ``President Donald Trump``) or in an apposition (``McLaughlin, the spokeswoman``)
        words = [doc[i].text.lower() for i in range(max(0, m.first - 3), m.first)]
        root = doc[m.last - 1]
        for child in root.children:
            if child.dep_ == "appos" and child.i >= m.last:
                words.append(child.text.lower())
        if root.dep_ == "appos" and root.head.i < m.first:
            words.append(root.head.text.lower())
        for word in words:
            if word in _MALE_TITLES:
                self.gender.setdefault(m.canonical, "m")
            elif word in _FEMALE_TITLES:
                self.gender.setdefault(m.canonical, "f")
            if word in ROLE_WORDS:
                self.roles.setdefault(word.rstrip("."), []).append(m)

    def _learn_anonymity(self) -> None:
        """Note whose words are covered by ``spoke on condition of anonymity`` and the like."""
        doc = self.doc
        for t in doc:
            low = t.text.lower()
            if low not in ("anonymity", "anonymously", "authorized", "named", "identified"):
                continue
            if low in ("named", "identified") and not (
                t.i >= 2 and doc[t.i - 1].text.lower() == "be" and doc[t.i - 2].text == "to"
            ):
                continue
            if low == "authorized" and not any(c.dep_ == "neg" for c in t.children):
                continue
            subject = _clause_subject(t)
            if subject is not None:
                self.anon_tokens.add(subject.i)
                self.anon_heads.add(subject.text.lower())

    # --- resolution ---------------------------------------------------------------------------

    def _compatible(self, m: Mention, gender: str) -> bool:
        if gender in ("m", "f"):
            return m.label == "PERSON" and self.gender.get(m.canonical, gender) == gender
        if gender == "p":
            # the small model tags people as ORG now and then: never let ``they`` be a person
            return m.label in _GROUP_LABELS and m.canonical not in self.people
        return m.label in ("ORG", "GPE")

    def antecedent(self, before: int, gender: str, window: int) -> Mention | None:
        """The most recent compatible mention outside quotes starting before char ``before``.

        ``window`` bounds how far back (in characters) a group pronoun may look: ``they`` and
        ``it`` are ambiguous enough that only a close antecedent is trusted.
        """
        k = bisect_right(self._starts, before) - 1
        while k >= 0:
            m = self.mentions[k]
            if before - m.end > window:
                return None
            if m.end <= before and not m.quoted and self._compatible(m, gender):
                return m
            k -= 1
        return None

    def resolve(self, head: Token, start: int, end: int) -> Speaker:
        """Resolve the source phrase ``[start, end)`` whose syntactic head is ``head``."""
        doc = self.doc
        text = doc.text[start:end]
        m = self.by_token.get(head.i)
        if m is None:
            for child in head.children:
                if child.dep_ == "appos" and child.i in self.by_token:
                    m = self.by_token[child.i]
                    break
        if m is not None and m.label in _SPEAKER_LABELS and start <= m.start < end:
            return Speaker(m.canonical, True, False)
        low = head.text.lower()
        gender = PRONOUN_GENDER.get(low)
        if gender is not None and end - start <= len(head.text) + 1:
            window = 100_000 if gender in ("m", "f") else 400
            found = self.antecedent(start, gender, window)
            if found is not None:
                if gender in ("m", "f"):
                    self.gender.setdefault(found.canonical, gender)
                return Speaker(found.canonical, True, False)
            return Speaker(text, False, False)
        anonymous = self._anonymous(head, start, end)
        determiner = _determiner(head)
        if not anonymous and determiner == "the" and low in ROLE_WORDS:
            role = self.roles.get(low.rstrip("."), [])
            earlier = [r for r in role if r.end <= start]
            if earlier:
                return Speaker(earlier[-1].canonical, True, False)
        return Speaker(text, False, anonymous)

    def _anonymous(self, head: Token, start: int, end: int) -> bool:
        low = head.text.lower()
        has_name = any(
            self.by_token.get(i) is not None and self.by_token[i].label == "PERSON"
            for i in range(head.left_edge.i, head.right_edge.i + 1)
            if start <= self.doc[i].idx < end
        )
        if has_name:
            return False
        if head.i in self.anon_tokens or low in self.anon_heads:
            return True
        if low not in ANON_HEADS:
            return False
        determiner = _determiner(head)
        # ``a U.S. official``, ``officials``, ``sources``; ``the official`` refers back to one
        return determiner in _INDEFINITE or determiner in ("", "the") or low.endswith("s")


def _determiner(head: Token) -> str:
    for child in head.children:
        if child.dep_ in ("det", "nummod") and child.i < head.i:
            return child.text.lower()
    return ""


def _clause_subject(t: Token) -> Token | None:
    """The subject of the clause a token sits in, looking through relative clauses."""
    verb = t
    for _ in range(6):
        clausal = verb.dep_ in ("ROOT", "relcl", "acl", "advcl", "ccomp", "conj")
        if (clausal or verb.head is verb) and (
            verb.pos_ in ("VERB", "AUX", "") or verb.dep_ in ("relcl", "acl", "advcl")
        ):
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.text.lower() in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ in ("advcl", "relcl", "conj") and verb.head is not verb:
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ == "relcl":
            return verb.head
    return None
