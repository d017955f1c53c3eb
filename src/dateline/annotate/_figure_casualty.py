"""Killed and injured counts of a shooting report, from its figures and its parse.

A *mention* is a casualty word with its victim: ``two men were killed`` (killed, 2), ``killing
one man and injuring another`` (killed 1, injured 1), ``the victim died`` (killed, 1), ``a
19-year-old was shot in the leg`` (shot, 1). The victim's count comes from a figure on it
(``two``, ``one of the victims``, ``dozens of people``), else from its grammar: a singular
person noun, a name or ``he``/``she`` count one, ``a man and a woman`` two, ``no one`` zero.

Reports repeat the same victims (headline, lead, details), so mentions are not added up:

* each category takes its largest mention, or the number of distinct names it mentions;
* people shot but not said to have died are injured (``three people shot, one fatally`` → 1
  killed, 2 injured); in a fatal shooting a lone ``he was shot``/``the victim was wounded`` is
  the person who died, so only distinct people (``another man``, ``two others``, a second name)
  count as injured;
* round-ups list several incidents: mentions are read from the lead (first 8 sentences) up to
  the first sentence that turns to another incident (``In a separate shooting``, ``Earlier``),
  skipping running totals (``this year``) and round-up summaries (``in shootings``).

Tuned on GVA train (1,636 reports) by reading error samples; exact-match accuracy there is
.920 killed and .854 injured (always-0: .795 and .598).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.annotate._figure_lexicon import NUMBER_WORDS, PERSON_NOUNS, PLURAL_SCALES
from dateline.models import Figure

__all__ = ["Casualties", "casualties"]


@dataclass(frozen=True, slots=True)
class Casualties:
    """People killed and injured in the incident a report describes.

    :param evidence: one ``category:count:victim`` string per mention used, for inspection.
    """

    killed: int
    injured: int
    evidence: tuple[str, ...] = ()


KILLED = "killed"
INJURED = "injured"
SHOT = "shot"  # hit by gunfire, outcome not stated in the same clause
SURVIVED = "survived"  # ``survived the shooting``, ``is expected to survive``: hurt, not killed
HOSPITAL = "hospital"  # taken to a hospital: hurt, but perhaps not by a bullet

_KILL_VERBS = frozenset({"kill", "murder", "slay", "assassinate", "gun"})
_DIE_VERBS = frozenset({"die", "succumb", "perish"})
_DEAD_WORDS = frozenset({"dead", "deceased", "lifeless"})
_INJURE_VERBS = frozenset({"injure", "wound", "hurt", "graze", "hospitalize", "maim"})
_HIT_VERBS = frozenset({"hit", "strike"})
_CASUALTY_LEMMAS = frozenset({"shoot", "kill", "wound", "injure", "hit", "strike", "die"})
_BODY_PARTS = frozenset(
    "head face neck chest back arm arms leg legs hand hands foot feet stomach abdomen torso "
    "shoulder hip thigh buttocks knee ankle groin side eye jaw wrist".split()
)
_CARRY_VERBS = frozenset({"take", "transport", "rush", "airlift", "fly", "send", "drive"})
_HOSPITALS = frozenset({"hospital", "center", "centre", "unit", "trauma"})
_BULLET_WORDS = frozenset(
    {"bullet", "bullets", "gunfire", "round", "rounds", "shot", "shots", "gunshot", "pellet"}
)
_WOUND_NOUNS = frozenset({"wound", "wounds", "injury", "injuries"})
_NOT_GUNSHOT = frozenset({"stab", "knife", "burn", "burns", "puncture", "laceration"})
_DEATH_NOUNS = frozenset({"death", "killing", "slaying", "murder", "homicide"})
_FATAL_WORDS = frozenset({"fatal", "fatally", "deadly", "mortal", "mortally", "lethal"})
_CONDITIONS = frozenset({"critical", "serious", "stable", "grave", "fair", "good"})
# Heads that make a casualty verb hypothetical: ``threatened to kill``, ``tried to shoot``.
_IRREALIS_HEADS = frozenset(
    {"threaten", "try", "attempt", "want", "plan", "intend", "vow", "fear", "prevent", "avoid"}
    | {"hope", "refuse", "deny", "warn", "convict"}
)
_IRREALIS_AUX = frozenset({"could", "would", "might", "may", "should", "will", "'d", "can"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_ZERO_WORDS = frozenset({"nobody", "none", "noone", "no-one", "anyone", "anybody"})
_ONE_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself", "someone"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "themselves", "who", "whom"})
_PERSONISH = PERSON_NOUNS | frozenset({"old", "one", "someone", "other", "another"})
_NOT_PEOPLE = frozenset(
    {"LOC", "FAC", "DATE", "TIME", "PRODUCT", "EVENT", "LAW", "MONEY"}
    | {"QUANTITY", "PERCENT", "ORDINAL"}
)
# A wounded ``daughter`` is not the ``man`` who died, nor a wounded ``officer`` the suspect.
_KINDS = {
    "male": frozenset(
        "man men boy boys he him himself father son brother husband boyfriend grandfather "
        "uncle nephew dad stepfather grandson".split()
    ),
    "female": frozenset(
        "woman women girl girls she her herself mother daughter sister wife girlfriend "
        "grandmother aunt niece mom stepmother granddaughter".split()
    ),
    "police": frozenset(
        "officer officers deputy deputies trooper troopers agent agents detective "
        "detectives sergeant".split()
    ),
}
_DISTINCT_WORDS = frozenset({"another", "other", "others", "second", "third", "fourth"})
# Sentence openers that turn a report to another incident.
_NEW_INCIDENT_RX = re.compile(
    r"\b(?:separate|unrelated|another (?:shooting|incident|attack)|earlier (?:that|this|"
    r"on|in)|second shooting|other shootings?|elsewhere|last (?:week|month|year)|"
    r"in (?:an? )?(?:earlier|later|similar|previous) (?:shooting|incident|attack))\b",
    re.IGNORECASE,
)

# Sentences that give running totals rather than the incident's victims.
_TOTALS_RX = re.compile(
    r"\b(?:this year|so far this year|year to date|last year|this month|"
    r"since (?:January|the start)|the latest|in (?:19|20)[0-9]{2}|homicides|"
    r"(?:city|county|state)'s [0-9]+(?:st|nd|rd|th)|"
    r"last (?:year|month|summer|fall|spring|winter)|"
    r"^in (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December),)\b",
    re.IGNORECASE,
)

# A round-up's summary (``Three people were wounded in shootings across the city``): its
# counts add up several incidents, while the report's label is one of them.
_ROUNDUP_RX = re.compile(r"\b(?:shootings|separate (?:shootings|incidents)|incidents)\b", re.I)

# Reports give the incident's victims in the lead; later paragraphs recount earlier incidents,
# the suspect's record or the city's toll. Tuned on GVA train (6: .919/.839, 8: .920/.847,
# 12: .916/.841, all sentences: .906/.832 killed/injured accuracy).
_LEAD_SENTENCES = 8


@dataclass(frozen=True, slots=True)
class _Mention:
    category: str
    count: int | None  # None: plural without a number (``the victims``)
    victim: Token
    name: frozenset[str] | None  # a named victim's name words: names tell people apart
    kind: str | None  # ``male``/``female``/``police``: kinds tell people apart too
    distinct: bool  # ``another man``, ``two others``, ``also shot``: not the victims before
    anonymous: bool  # ``he``, ``the man``, ``the victim``: may be anyone mentioned before


def _numeric(token: Token) -> bool:
    """``like_num`` without the vocabulary's lexical attributes (absent in a bare ``Vocab``)."""
    return token.pos_ == "NUM" or token.text[:1].isdigit() or token.text.lower() in NUMBER_WORDS


def _figure_values(figures: Sequence[Figure], doc: Doc) -> dict[int, int]:
    """Token index → count, for each token a people-count figure covers or counts."""
    values: dict[int, int] = {}
    for figure in figures:
        if figure.value is None or figure.unit is not None or figure.value != int(figure.value):
            continue
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        if span is None:
            continue
        count = int(figure.low if figure.low is not None else figure.value)
        for token in span:
            values.setdefault(token.i, count)
        number = span[-1]
        if number.head.pos_ in {"NOUN", "PROPN"} and number.dep_ in {"nummod", "compound"}:
            values.setdefault(number.head.i, count)
    return values


def _count_one(token: Token, values: dict[int, int]) -> int | None:
    """People one conjunct names: ``two men`` → 2, ``a woman`` → 1, ``no one`` → 0."""
    lower = token.text.lower()
    dets = {c.text.lower() for c in token.children if c.dep_ in {"det", "predet"}}
    if lower in _ZERO_WORDS or dets & {"no", "any"}:
        return 0
    if token.left_edge.text.lower() == "no" or (
        lower == "one" and token.i > 0 and token.doc[token.i - 1].text.lower() == "no"
    ):
        return 0  # ``no one``, ``No employees or patrons``
    if token.i in values:
        return values[token.i]
    for child in token.children:
        if child.dep_ == "nummod" and child.i in values:
            return values[child.i]
    if "both" in dets or lower == "both":
        return 2
    if lower in _ONE_PRONOUNS or lower in {"another", "other"}:
        return 1
    if token.pos_ == "PROPN":
        return 1
    if token.tag_ in {"NN", "JJ"} or lower == "old":  # ``a 19-year-old`` parses as an adjective
        return 1
    return None


def _is_person(token: Token) -> bool:
    """Could ``token`` name people? Nouns must be person nouns (``deer`` and ``houses`` get
    shot too); names must not be places or dates (``ORLANDO, Fla. - Three men were shot``)."""
    lower = token.text.lower()
    if lower in _PERSONISH or lower in _ONE_PRONOUNS or lower in _ZERO_WORDS:
        return True
    if lower in _PLURAL_PRONOUNS or lower == "both":
        return True
    if token.pos_ == "NUM" or _numeric(token) or lower in PLURAL_SCALES:
        # ``two``, ``one of the officers``, ``dozens of people`` (not ``dozens of rounds``)
        of = next((c for c in token.children if c.text.lower() == "of"), None)
        pobj = _any_child(of, "pobj") if of is not None else None
        if pobj is not None and not _is_person(pobj):
            return False
        return token.ent_type_ not in _NOT_PEOPLE
    if token.pos_ == "PROPN":
        # An all-capitals word is a dateline place; the small model often tags surnames ORG
        # or GPE (``shot Brito``), so only clearer non-person labels count against a name.
        return token.ent_type_ not in _NOT_PEOPLE and not (token.text.isupper() and len(token) > 2)
    if token.text.lower() in _BODY_PARTS:
        return False
    return token.ent_type_ == "PERSON"


def _count(victim: Token, values: dict[int, int]) -> int | None:
    """People a victim phrase names, adding up ``a man and a woman``."""
    total = 0
    for member in [victim, *[c for c in victim.conjuncts if c.i > victim.i and _is_person(c)]]:
        count = _count_one(member, values)
        if count is None:
            return None
        total += count
    return total


def _any_child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _child(token: Token, *deps: str) -> Token | None:
    """The first child with one of ``deps`` (in that order of preference) that could name
    people; ``ORLANDO, Fla. - Three men were shot`` gives ``shot`` two passive subjects."""
    for dep in deps:
        for child in token.children:
            if child.dep_ == dep and _is_person(child):
                return child
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the clause it depends on (``arrived after suffering
    injuries``, ``was found suffering from``)."""
    for _ in range(3):
        found = _child(verb, "nsubj", "nsubjpass")
        if found is not None:
            return _resolve(found)
        if verb.dep_ not in {"advcl", "pcomp", "xcomp", "conj", "oprd"} or verb.head is verb:
            return None
        verb = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    return None


def _resolve(victim: Token) -> Token:
    """``who`` in ``the man who was shot`` → ``man``."""
    if victim.text.lower() in {"who", "that", "whom"} and victim.head.dep_ == "relcl":
        return victim.head.head
    return victim


def _person_after(verb: Token) -> Token | None:
    """A misparsed object: ``injured a 19-year-old Tuesday night`` (``old`` hangs on
    ``night``): the first person word after the verb in its clause."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.i + 7, verb.sent.end)]:
        if token.pos_ in {"VERB", "AUX", "PUNCT", "SCONJ"} or token.text.lower() in {"at", "into"}:
            return None
        if token.tag_ == "PRP$" or token.dep_ == "poss":
            continue
        if token.text.lower() in _PERSONISH or (
            token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
        ):
            return token
    return None


def _victim_of_verb(verb: Token, *, intransitive: bool = False) -> Token | None:
    """The patient of a casualty verb: passive subject, object, the noun a participle
    modifies (``two men killed in``), the subject of ``die``, shared in ``shot and killed``."""
    found = _child(verb, *(("nsubj", "nsubjpass") if intransitive else ("nsubjpass", "dobj")))
    if found is not None:
        return _resolve(found)
    part = _any_child(verb, "dobj")
    if part is not None and part.text.lower() in _BODY_PARTS:
        owner = _any_child(part, "poss")  # ``the bullet grazing his head``
        if owner is not None:
            return owner
    if (
        verb.dep_ in {"acl", "amod"}
        and verb.tag_ == "VBN"
        and verb.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON", "ADJ"}
    ):
        return verb.head  # ``two men killed in the shooting``
    if (
        verb.dep_ in {"advcl", "pcomp", "xcomp"}
        and not intransitive
        and any(c.dep_ == "auxpass" for c in verb.children)
    ):
        # ``recovering after being shot``: the patient is the governing clause's subject.
        governor = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        return _child(governor, "nsubj", "nsubjpass")
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        # ``was shot and killed``: the first verb's patient; ``pulled a gun and shot Brito``
        # must not make the gunman the victim, so an active subject is shared only by ``die``.
        head = verb.head
        if head.lemma_ in _CASUALTY_LEMMAS:
            shared = _victim_of_verb(head, intransitive=head.lemma_ in _DIE_VERBS)
            if shared is not None:
                return shared
        return _child(head, "nsubjpass", "nsubj") if intransitive else _child(head, "nsubjpass")
    if not intransitive:
        for conj in verb.conjuncts:  # ``shot and killed the man``: a shared object
            shared = _child(conj, "dobj")
            if shared is not None and conj.i > verb.i:
                return shared
        if _any_child(verb, "dobj") is not None:
            return None  # ``they killed a dog``
        subject = _child(verb, "nsubj")
        if subject is not None and subject.pos_ != "PRON":
            after = _person_after(verb)
            if after is not None:
                return after
        # A casualty verb without an object is a participle the parser read as active:
        # ``1 killed, 1 grazed``, ``Two teens shot outside home``, ``The man killed Monday``.
        if (
            subject is not None
            and not any(c.dep_ == "aux" for c in verb.children)
            and (verb.lemma_ in _KILL_VERBS or _numeric(subject) or _any_child(subject, "nummod"))
        ):
            return subject
    return None


def _irrealis(verb: Token) -> bool:
    """``could have been killed``, ``if anyone was hurt``, ``threatened to shoot``, ``kept
    somebody from getting killed``, ``talking about killing people``."""
    if any(c.dep_ in {"aux", "auxpass"} and c.text.lower() in _IRREALIS_AUX for c in verb.children):
        return True
    if any(c.dep_ == "mark" and c.text.lower() in {"if", "whether"} for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and _irrealis(verb.head):
        return True  # ``would kill her and then kill himself``
    current = verb
    for _ in range(3):
        if current.dep_ not in {"xcomp", "advcl", "ccomp", "pcomp", "auxpass", "prep"}:
            return False
        head = current.head
        if head.lemma_ in _IRREALIS_HEADS or (
            current.dep_ == "pcomp" and head.text.lower() == "about"
        ):
            return True
        if head.text.lower() == "going" and current.dep_ == "xcomp":
            return True  # ``was going to be shot``
        if any(c.dep_ == "mark" and c.text.lower() in {"if", "whether"} for c in head.children):
            return True
        current = head
    return False


def _negated(verb: Token) -> bool:
    """``was not hurt``; ``police do not believe anyone was shot``; ``did not appear to be
    injured``."""
    if any(c.dep_ == "neg" or c.text.lower() in _NEGATIONS for c in verb.children):
        return True
    head = verb.head
    return (
        verb.dep_ in {"ccomp", "xcomp"}
        and head.lemma_ in {"believe", "think", "appear", "seem", "know", "say", "look"}
        and any(c.dep_ == "neg" for c in head.children)
    )


def _to_death(prep: Token) -> bool:
    return any(g.text.lower() == "death" for g in prep.children)


def _killed_with(verb: Token) -> bool:
    """``shot and killed``, ``fatally shot``, ``shot dead``, ``shot to death``."""
    for child in verb.children:
        lower = child.text.lower()
        if lower in _FATAL_WORDS or lower in _DEAD_WORDS:
            return True
        if child.dep_ in {"oprd", "acomp", "advmod"} and lower in {"dead"}:
            return True
        if child.dep_ == "conj" and (child.lemma_ in _KILL_VERBS or child.lemma_ in _DIE_VERBS):
            return True
        if child.dep_ == "prep" and lower == "to" and _to_death(child):
            return True
    if verb.dep_ in {"oprd", "xcomp", "acomp", "conj"} and verb.head.lemma_ == "find":
        # ``was found shot to death``/``found shot dead``: the words may hang on ``found``.
        return any(
            (c.dep_ == "prep" and c.text.lower() == "to" and _to_death(c))
            or (c.text.lower() == "dead" and c.i > verb.i)
            for c in verb.head.children
        )
    return verb.dep_ == "conj" and verb.head.lemma_ in _KILL_VERBS


def _bullet_hit(verb: Token) -> bool:
    """``struck by a bullet``, ``hit by gunfire``, ``hit in the leg``, ``struck him`` after
    ``fired``."""
    for child in verb.children:
        if child.dep_ in {"agent", "prep"} and child.text.lower() in {"by", "with", "in"}:
            for pobj in child.children:
                if pobj.text.lower() in _BULLET_WORDS or (
                    child.text.lower() == "in" and pobj.pos_ == "NOUN"
                ):
                    return True
    return any(t.text.lower() in _BULLET_WORDS or t.lemma_ in {"fire", "shoot"} for t in verb.sent)


def _hospital_victim(verb: Token) -> Token | None:
    """``was taken to a hospital``, ``rushed him to Einstein Medical Center``."""
    for child in verb.children:
        if child.dep_ == "prep" and child.text.lower() == "to":
            pobj = _any_child(child, "pobj")
            if pobj is not None and pobj.text.lower() in _HOSPITALS:
                return _child(verb, "nsubjpass", "dobj", "nsubj")
    return None


def _verb_mention(token: Token) -> tuple[str, Token | None] | None:
    """Category and victim of a casualty verb, or None."""
    lemma = token.lemma_.lower()
    if lemma in _KILL_VERBS:
        if lemma == "gun" and not any(c.text.lower() == "down" for c in token.children):
            return None
        return KILLED, _victim_of_verb(token)
    if lemma in _DIE_VERBS:
        return KILLED, _victim_of_verb(token, intransitive=True)
    if lemma == "shoot":
        if (
            any(c.dep_ == "prep" and c.text.lower() == "at" for c in token.children)
            and _any_child(token, "dobj") is None
            and _any_child(token, "nsubjpass") is None
        ):
            return None  # ``shot at the officers``: fired at, not hit
        return (KILLED if _killed_with(token) else SHOT), _victim_of_verb(token)
    if lemma == "survive" and not _negated(token):
        return SURVIVED, _victim_of_verb(token, intransitive=True) or _subject(token)
    if lemma in _INJURE_VERBS:
        fatal = any(c.text.lower() in _FATAL_WORDS for c in token.children)
        return (KILLED if fatal else INJURED), _victim_of_verb(token)
    if lemma in _HIT_VERBS and _bullet_hit(token):
        return SHOT, _victim_of_verb(token)
    if lemma == "pronounce" and any(c.text.lower() in _DEAD_WORDS for c in token.children):
        return KILLED, _victim_of_verb(token)  # ``was pronounced dead``, ``pronounced him dead``
    if lemma == "pass" and any(c.text.lower() == "away" for c in token.children):
        return KILLED, _victim_of_verb(token, intransitive=True)
    if lemma == "treat" and any(
        c.dep_ == "prep"
        and c.text.lower() == "for"
        and getattr(_any_child(c, "pobj"), "lower_", "") in _WOUND_NOUNS
        for c in token.children
    ):
        return INJURED, _child(token, "nsubjpass", "dobj")
    if lemma in _CARRY_VERBS:
        victim = _hospital_victim(token)
        return (HOSPITAL, victim) if victim is not None else None
    return None


def _adjective_mention(token: Token) -> tuple[str, Token | None] | None:
    """``found dead``, ``left two dead``, ``two injured people``."""
    lower = token.text.lower()
    head = token.head
    if lower in _DEAD_WORDS:
        before = token.doc[token.i - 1] if token.i > 0 else token
        if token.dep_ == "amod" and before.lemma_ in {"find", "pronounce", "leave", "shoot"}:
            # ``was found dead hours later``: ``dead`` misread as modifying ``hours``
            return KILLED, _victim_of_verb(before) or _subject(before)
        if token.dep_ in {"acomp", "oprd"}:
            victim = _child(head, "dobj") if token.dep_ == "oprd" else None
            return KILLED, victim or _child(head, "nsubj", "nsubjpass")
        if token.dep_ == "amod" or head.pos_ == "NUM":
            return KILLED, head
        return None
    if lower in {"injured", "wounded", "hurt"} and token.dep_ in {"amod", "acomp", "conj"}:
        if token.dep_ == "acomp":
            return INJURED, _child(head, "nsubj")
        return INJURED, head if head.pos_ in {"NOUN", "NUM", "PROPN"} else None
    return None


def _wound_mention(token: Token) -> tuple[str, Token | None] | None:
    """``suffered a gunshot wound``, ``found two people with gunshot wounds``, ``in critical
    condition``, ``a fatal gunshot wound``."""
    lower = token.text.lower()
    head = token.head
    if lower in _WOUND_NOUNS:
        modifiers = {t.text.lower() for t in token.subtree}
        if modifiers & _NOT_GUNSHOT:
            return None
        category = KILLED if modifiers & _FATAL_WORDS else INJURED
        if token.dep_ == "pobj" and head.text.lower() == "with":
            owner = head.head
            if owner.pos_ in {"NOUN", "PROPN", "PRON"}:
                return category, owner  # ``two people with gunshot wounds``
            return category, _child(owner, "dobj", "nsubjpass", "nsubj")
        if token.dep_ == "pobj" and head.text.lower() in {"of", "from"}:
            verb = head.head
            if verb.lemma_ == "suffer":  # ``found suffering from a gunshot wound``
                return category, _subject(verb) or _child(verb.head, "dobj")
            return None  # ``died of a gunshot wound``: the verb counts it
        if token.dep_ == "dobj" and head.lemma_ in {"suffer", "sustain", "receive", "have"}:
            return category, _subject(head)
        return None
    if lower in _DEATH_NOUNS:
        # ``the shooting death of Lloyd Worster``, ``the killing of a teen``
        for child in token.children:
            if child.dep_ == "prep" and child.text.lower() == "of":
                return KILLED, _child(child, "pobj")
        return None
    if (
        lower == "condition"
        and any(c.text.lower() in _CONDITIONS for c in token.children)
        and head.text.lower() == "in"
        and head.dep_ == "prep"
    ):
        verb = head.head
        if verb.pos_ in {"NOUN", "PROPN"}:
            return SHOT, verb
        return SHOT, _child(verb, "nsubj", "nsubjpass")
    return None


def _kind_of(victim: Token) -> str | None:
    """``male``, ``female`` or ``police`` for a victim word that says so, else None."""
    word = victim.text.lower()
    for kind, members in _KINDS.items():
        if word in members:
            return kind
    return None


def _name_of(victim: Token) -> frozenset[str] | None:
    """The words of a named victim's name (``Patricia (Pat) Ann Brown``), to tell people
    apart: two names sharing a word (``Brown``) are taken to be one person."""
    if victim.pos_ != "PROPN":
        return None
    doc = victim.doc
    start = end = victim.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in "()"):
        start -= 1
    while end + 1 < len(doc) and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].text in "()"):
        end += 1
    words = frozenset(
        t.text.lower() for t in doc[start : end + 1] if t.text.isalpha() and len(t) > 1
    )
    return words or None


def _people(names: set[frozenset[str]]) -> list[frozenset[str]]:
    """Merge names sharing a word: ``{Ricky Green}, {Green}`` is one person."""
    merged: list[frozenset[str]] = []
    for name in sorted(names, key=len, reverse=True):
        for index, other in enumerate(merged):
            if name & other:
                merged[index] = other | name
                break
        else:
            merged.append(name)
    return merged


def _sentence_mentions(sent: Span, values: dict[int, int]) -> Iterator[_Mention]:
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} or token.tag_ in {"VBN", "VBD", "VBG"}:
            found = _verb_mention(token)
            verb = token
        elif token.pos_ == "ADJ" or token.tag_ == "JJ":
            found = _adjective_mention(token)
            verb = token.head
        elif token.pos_ in {"NOUN", "PROPN"}:
            found = _wound_mention(token)
            verb = token.head
        elif token.text.lower() in _FATAL_WORDS and _numeric(token.head):
            # ``three people were shot, one fatally``
            found, verb = (KILLED, token.head), token.head.head
        else:
            continue
        if found is None or found[1] is None:
            continue
        category, victim = found
        if victim is None or not _is_person(victim):
            continue
        if token.pos_ in {"VERB", "AUX"} and _irrealis(token):
            continue
        count = _count(victim, values)
        if _negated(token) or (verb is not token and token.pos_ == "ADJ" and _negated(verb)):
            count = 0
        words = {c.text.lower() for c in victim.children} | {victim.text.lower()}
        distinct = (
            bool(words & _DISTINCT_WORDS)
            or any(c.text.lower() == "also" for c in token.children)
            or category == SURVIVED
        )
        anonymous = (
            count == 1
            and victim.pos_ != "PROPN"
            and not distinct
            and not (victim.i in values or any(c.i in values for c in victim.children))
        )
        yield _Mention(
            category, count, victim, _name_of(victim), _kind_of(victim), distinct, anonymous
        )


def _incident(doc: Doc, values: dict[int, int]) -> list[_Mention]:
    """Mentions from the first casualty sentence to the first turn to another incident,
    skipping running totals (``the city's 10th homicide this year``)."""
    out: list[_Mention] = []
    for index, sent in enumerate(doc.sents):
        if index >= _LEAD_SENTENCES or (out and _NEW_INCIDENT_RX.search(sent.text)):
            break
        if _TOTALS_RX.search(sent.text) or _ROUNDUP_RX.search(sent.text):
            continue
        out.extend(_sentence_mentions(sent, values))
    return out


def casualties(figures: Sequence[Figure], doc: Doc) -> Casualties:
    """People killed and injured in the incident a shooting report describes.

    :param figures: the figures of ``doc`` (``doc._.dl_figures``), for explicit counts.
    :param doc: the parsed report (``token.dep``, ``token.pos`` and sentences needed).
    :returns: counts, 0 when the report names no victim of that kind (``no one was hurt``).
    """
    if len(doc) == 0 or not doc[0].dep_:
        return Casualties(killed=0, injured=0)  # the rules read the parse
    values = _figure_values(figures, doc)
    mentions = [m for m in _incident(doc, values) if m.count != 0]
    # ``taken to a hospital`` is often the shooting victim again, or someone hurt otherwise:
    # it counts only for a victim set apart (``another taken to a hospital``) or counted.
    mentions = [
        m
        for m in mentions
        if m.category != HOSPITAL or m.distinct or (m.count is not None and m.count > 1)
    ]

    def largest(category: str, *, skip_anonymous: bool = False) -> int:
        return max(
            (
                m.count or 1
                for m in mentions
                if m.category == category and not (skip_anonymous and m.anonymous)
            ),
            default=0,
        )

    killed_names = _people({m.name for m in mentions if m.category == KILLED and m.name})
    killed = max(largest(KILLED), len(killed_names))
    hurt_names = [
        name
        for name in _people({m.name for m in mentions if m.category != KILLED and m.name})
        if not any(name & dead for dead in killed_names)
    ]
    # Victims said to have died without a name may be any of the named wounded.
    named_hurt = max(0, len(hurt_names) - (killed - len(killed_names)))
    if killed == 0:
        injured = max(largest(INJURED), largest(SHOT), largest(SURVIVED), len(hurt_names))
    else:
        # In a fatal shooting a lone ``he was shot`` is the person who died.
        distinct = max(
            (m.count or 1 for m in mentions if m.category != KILLED and m.distinct), default=0
        )
        # A lone wounded ``daughter`` or ``officer`` is someone else when every victim who
        # died is of another kind (``the man``, ``the suspect``).
        dead_kinds = {m.kind for m in mentions if m.category == KILLED}
        other_kind = max(
            (
                m.count or 1
                for m in mentions
                if m.category != KILLED
                and m.anonymous
                and m.kind is not None
                and None not in dead_kinds
                and m.kind not in dead_kinds
            ),
            default=0,
        )
        # Names are counted apart (``named_hurt``): one wounded name may be the one who died.
        explicit = max(
            (
                m.count or 1
                for m in mentions
                if m.category == INJURED and not m.anonymous and not m.name
            ),
            default=0,
        )
        injured = max(explicit, largest(SHOT) - killed, named_hurt, distinct, other_kind)
    evidence = tuple(f"{m.category}:{m.count}:{m.victim.text}" for m in mentions)
    return Casualties(killed=killed, injured=injured, evidence=evidence)
