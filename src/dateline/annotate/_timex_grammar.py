# ruff: noqa: RUF001 - typographic apostrophes are text this module matches
"""The rule registry and the one-pass matcher over a document's text.

Every rule is a regex with named groups plus a handler that turns a match into a time
expression (or rejects it). All rules are joined into a single alternation, compiled once at
import, so a document is scanned in one left-to-right pass: at each position the first rule
(in registration order) that matches wins, which is why longer, more specific rules are
registered before the shorter ones they contain (``Thursday, Oct. 25, 2018`` before ``Oct. 25``
before ``Thursday``). Group names are prefixed with the rule name so one match object serves
every handler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.annotate._timex_calendar import Tense
from dateline.models import TimexType

__all__ = ["Ctx", "Found", "Groups", "Rule", "compile_rules", "rule", "scan"]


@dataclass(frozen=True, slots=True)
class Found:
    """A recognized, normalized time expression (before it becomes a ``TimeExpression``)."""

    start: int
    end: int
    type: TimexType
    value: str
    granularity: str
    # A value computed back from the reference time (``a year earlier``): it must not become
    # the new reference time, or the next ``the latest quarter`` would drift a year back.
    anaphoric: bool = False


@dataclass(slots=True)
class Ctx:
    """What handlers know while scanning a document, updated left to right.

    :param tense: tense of the clause around ``[start, end)`` (from the spaCy tokens).
    :param last_day: the latest day-level date mentioned, anchor of ``that day``.
    :param last_quarter: the latest quarter mentioned (``(year, q)``), anchor of ``the quarter``
        and of ``a year earlier`` in earnings reports.
    """

    text: str
    dct: date | None
    tense: Callable[[int, int], Tense | None]
    last_day: date | None = None
    last_quarter: tuple[int, int] | None = None
    last_quarter_at: int = -(10**9)
    last_year: int | None = None


class Groups:
    """Read access to one rule's named groups inside the combined match."""

    __slots__ = ("_m", "_prefix")

    def __init__(self, m: re.Match[str], prefix: str) -> None:
        self._m = m
        self._prefix = prefix

    def __getitem__(self, name: str) -> str | None:
        return self._m.group(self._prefix + name)

    def span(self, name: str) -> tuple[int, int]:
        return self._m.span(self._prefix + name)

    @property
    def start(self) -> int:
        return self._m.start()

    @property
    def end(self) -> int:
        return self._m.end()

    @property
    def text(self) -> str:
        return self._m.group(0)


Handler = Callable[[Groups, Ctx], Found | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, its handler, and the trigger words one of which every match contains."""

    name: str
    pattern: str
    handler: Handler
    words: frozenset[str]
    digits: bool


_RULES: list[Rule] = []
_GROUP = re.compile(r"\(\?P<(\w+)>")


def rule(
    name: str, pattern: str, *, words: Iterable[str] = (), digits: bool = False
) -> Callable[[Handler], Handler]:
    """Register ``handler`` for ``pattern``; registration order is match priority.

    :param words: lower-case words, one of which occurs in every match (``words`` split at
        non-letters: ``third-quarter`` → ``third``, ``quarter``).
    :param digits: every match may instead contain a number.
    """

    def register(handler: Handler) -> Handler:
        _RULES.append(Rule(name, pattern, handler, frozenset(words), digits))
        return handler

    return register


@dataclass(frozen=True, slots=True)
class Compiled:
    """Per-rule anchored regexes, the trigger-word finder, and the rules each trigger starts."""

    names: tuple[str, ...]
    regexes: tuple[re.Pattern[str], ...]
    handlers: tuple[Handler, ...]
    by_word: dict[str, tuple[int, ...]]
    by_digit: tuple[int, ...]
    prefixes: frozenset[str]
    triggers: re.Pattern[str]  # over lower-cased text
    triggers_ci: re.Pattern[str]  # the same, case-insensitive, for text whose case folding
    # changes its length (offsets must stay those of the original)


_LEAD = r"\b(?<![$£€#.\d/-])"
_TAIL = r"(?![\w/]|-\w|\.\d|,\d{3})"


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie, so the engine tests each position
    against a handful of first letters instead of every word in turn."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return build(root)


def compile_rules(prefixes: Iterable[str]) -> Compiled:
    """Compile every registered rule on its own (case-insensitive, anchored by ``match``).

    :param prefixes: words that may come before a trigger inside an expression (``the``,
        ``early``, ``last``, ``two``...); a match is tried from each of them.
    """
    by_word: dict[str, list[int]] = {}
    by_digit: list[int] = []
    regexes = []
    for i, r in enumerate(_RULES):
        prefix = f"{r.name}__"
        body = _GROUP.sub(f"(?P<{prefix}\\g<1>>", r.pattern)
        regexes.append(re.compile(f"{_LEAD}(?:{body}){_TAIL}", re.IGNORECASE))
        for w in r.words:
            by_word.setdefault(w, []).append(i)
        if r.digits:
            by_digit.append(i)
    finder = r"\b(?:[0-9]+[a-z]*|" + _trie(by_word) + r"\b)"
    return Compiled(
        names=tuple(r.name for r in _RULES),
        regexes=tuple(regexes),
        handlers=tuple(r.handler for r in _RULES),
        by_word={w: tuple(v) for w, v in by_word.items()},
        by_digit=tuple(by_digit),
        prefixes=frozenset(prefixes),
        triggers=re.compile(finder),
        triggers_ci=re.compile(finder, re.IGNORECASE),
    )


_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])$")
_YEAR_VALUE = re.compile(r"(\d{4})(?!\d)")
# The word just before a position, with what separates them: ``Oct. 25, 2018``, ``mid-1990s``.
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+|[0-9]+)[\s,.'’-]{1,3}$")
_LOOK_BACK = 6  # words before a trigger that may open the expression (``more than four``)
_LOOK_BACK_CHARS = 24  # how far back to look for each of them
_LOOK_AHEAD_CHARS = 30  # triggers this close after one lend it their rules (``Thursday, Oct. 25``)


def _remember(found: Found, ctx: Ctx) -> None:
    """Move the narrative reference time to what was just mentioned (for ``that day``)."""
    if found.anaphoric or found.type not in (TimexType.DATE, TimexType.TIME):
        return
    value = found.value
    if m := _DAY_VALUE.match(value):
        with suppress(ValueError):
            ctx.last_day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := _QUARTER_VALUE.match(value):
        quarter = (int(m.group(1)), int(m.group(2)))
        # Earnings reports name the reported quarter, then compare with older ones (``the 1988
        # period``): an older quarter does not replace the reference.
        if ctx.last_quarter is None or quarter >= ctx.last_quarter:
            ctx.last_quarter = quarter
        ctx.last_quarter_at = found.start
    if m := _YEAR_VALUE.match(value):
        ctx.last_year = int(m.group(1))


Trigger = tuple[int, int, tuple[int, ...]]  # start, end, rules it may start


def scan(compiled: Compiled, ctx: Ctx) -> list[Found]:
    """Find and normalize the time expressions of ``ctx.text`` in one left-to-right pass.

    One regex finds the trigger words (a month, a unit, a number...); only around them are
    rules tried, from the farthest word before the trigger that can open an expression (``the
    past two years``) on, each rule anchored at that position. At a position the first rule in
    registration order whose handler accepts its match wins, as if all rules formed one
    alternation; a match never overlaps the previous one.
    """
    text = ctx.text
    lowered = text.lower()
    finder = compiled.triggers
    if len(lowered) != len(text):  # a few Unicode letters lower-case to two characters
        lowered, finder = text, compiled.triggers_ci
    by_word, by_digit = compiled.by_word, compiled.by_digit
    triggers: list[Trigger] = []
    for m in finder.finditer(lowered):
        word = m.group().lower()  # already lower-case unless on the case-insensitive path
        rules = by_digit if word[0] <= "9" else by_word.get(word, ())
        if rules:
            triggers.append((m.start(), m.end(), rules))
    found: list[Found] = []
    pos = 0
    for k, (start, _, _) in enumerate(triggers):
        if start < pos:
            continue
        result = _at_trigger(compiled, ctx, lowered, triggers, k=k, pos=pos)
        if result is not None:
            found.append(result)
            _remember(result, ctx)
            pos = result.end
    return found


def _openers(compiled: Compiled, lowered: str, start: int, pos: int) -> list[int]:
    """Start offsets of the words before ``start`` that may open an expression, nearest last."""
    starts = [start]
    prefixes, by_word = compiled.prefixes, compiled.by_word
    cur = start
    for _ in range(_LOOK_BACK):
        lo = max(pos, cur - _LOOK_BACK_CHARS)
        m = _PREVIOUS_WORD.search(lowered, lo, cur)
        if m is None:
            break
        word = m.group(1).lower()
        if not (word in prefixes or word in by_word or word[0] <= "9"):
            break
        cur = m.start(1)
        starts.append(cur)
    starts.reverse()
    return starts


def _at_trigger(
    compiled: Compiled, ctx: Ctx, lowered: str, triggers: list[Trigger], *, k: int, pos: int
) -> Found | None:
    text = ctx.text
    start, end, rules = triggers[k]
    openers = _openers(compiled, lowered, start, pos)
    candidates = set(rules)
    for j in range(k - 1, -1, -1):  # triggers among the openers
        if triggers[j][0] < openers[0]:
            break
        candidates.update(triggers[j][2])
    for j in range(k + 1, len(triggers)):
        if triggers[j][0] - end > _LOOK_AHEAD_CHARS:
            break
        candidates.update(triggers[j][2])
    ordered = sorted(candidates)
    for at in openers:
        for i in ordered:
            m = compiled.regexes[i].match(text, at)
            if m is None:
                continue
            result = compiled.handlers[i](Groups(m, compiled.names[i] + "__"), ctx)
            if result is not None and result.start >= pos:
                return result
    return None
