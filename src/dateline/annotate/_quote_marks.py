"""Find quoted passages by their quote marks, character by character.

News text mixes curly and straight double quotes, and copy-editing slips leave broken pairs: a
closing curly mark used as an opener (``DHS will ”use every tool and resource available"``), a
straight mark closing a curly one, a quote left open at the end of a paragraph because the next
paragraph continues it (the newspaper convention for multi-paragraph quotes). The marks are
therefore classified by their *position* (a mark after a space and before a letter opens, a mark
after a letter and before a space or punctuation closes) rather than by their shape alone, and
pairs are never allowed to cross a paragraph break. Single quotes are left alone: they are
apostrophes far more often than quote marks.
"""

from __future__ import annotations

import re

__all__ = ["QuotedSpan", "find_quoted_spans"]

# A quoted span: (open mark offset, close mark offset + 1, inner start, inner end).
QuotedSpan = tuple[int, int, int, int]

# ``''`` (two apostrophes) is the double quote of some archives (the New York Times')
_MARKS = re.compile(r"''|[\"\u201c\u201d\u201e\u00ab\u00bb]|\n\s*\n")
_OPEN_ONLY = frozenset("\u201c\u201e\u00ab")
_CLOSE_ONLY = frozenset("\u00bb")
# Characters after which a mark is in opening position (start of text counts too).
_BEFORE_OPEN = frozenset(" \t\n([{\u2014\u2013-/:;,")
# Characters before which a mark is in closing position (end of text counts too).
_AFTER_CLOSE = frozenset(" \t\n)]}.,;:!?\u2014\u2013-'\u2019\u2026")


def _role(text: str, i: int, j: int) -> str:
    """``open``, ``close`` or ``either`` for the mark ``text[i:j]``, judged by its neighbours."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    can_open = before in _BEFORE_OPEN and not after.isspace()
    can_close = after in _AFTER_CLOSE and not before.isspace()
    if mark in _OPEN_ONLY:
        # a curly opener glued to the end of a word (``word“ next``) is a slip for a closer
        return "close" if can_close and not can_open else "open"
    if mark in _CLOSE_ONLY:
        return "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if mark == "\u201d":
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Return the quoted passages of ``text`` in order.

    Each item is ``(outer_start, outer_end, inner_start, inner_end)``: the outer span includes
    the marks, the inner one is the quoted words. A quote still open at a paragraph break is
    closed there (a multi-paragraph quote becomes one span per paragraph); an unmatched closer
    is ignored.
    """
    spans: list[QuotedSpan] = []
    open_at, open_len = -1, 1
    for match in _MARKS.finditer(text):
        i, j = match.span()
        if text[i] not in "\"\u201c\u201d\u201e\u00ab\u00bb'":  # a paragraph break
            if open_at >= 0:
                inner = _trim(text, open_at + open_len, i)
                if inner[1] > inner[0]:
                    spans.append((open_at, inner[1], inner[0], inner[1]))
                open_at = -1
            continue
        role = _role(text, i, j)
        if open_at < 0:
            if role in ("open", "either"):
                open_at, open_len = i, j - i
            continue
        if role == "open" and text[i] in _OPEN_ONLY and i - open_at > 1:
            # a second curly opener while one is open: the first was never closed; keep the
            # newer one, which is the likelier start of the real quote
            open_at, open_len = i, j - i
            continue
        if role in ("close", "either") or text[i] == "\u201d":
            inner = _trim(text, open_at + open_len, i)
            if inner[1] > inner[0]:
                spans.append((open_at, j, inner[0], inner[1]))
            open_at = -1
    if open_at >= 0:
        inner = _trim(text, open_at + open_len, len(text))
        if inner[1] > inner[0]:
            spans.append((open_at, inner[1], inner[0], inner[1]))
    return spans
