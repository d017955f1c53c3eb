# ruff: noqa: RUF001, RUF003 - typographic quotes and dashes are this module's subject
"""Undo Penn-Treebank-style tokenization (``It 's`` → ``It's``, ``-LRB-`` → ``(``).

Every rule fires only on a *standalone* token (delimited by spaces, a newline or the string's
ends), so ordinary prose passes through unchanged: ``”use`` or ``"Dreamliner`` keep their quotes,
``.NET`` keeps its space. The rules only ever rewrite a punctuation token or delete the space
beside it, which is why :func:`detokenize` never loses a word and is idempotent (both checked by
property tests). Newlines are kept, so a whole article is detokenized in one call and split into
paragraphs afterwards: a few regex passes over 4 KB cost far less than dozens of per-paragraph
calls.

Speed note: ``re`` scans quickly only for patterns that start with a literal string.
A leading look-behind (``(?<![^ \\n])``) makes it try the whole pattern at every position, about
ten times slower, so the standalone checks below are written as look-behinds placed *after* the
first character (``-(?<![^ \\n]-)``).
"""

from __future__ import annotations

import re

__all__ = ["detokenize"]

# Whitespace other than the plain space and the newline (tabs, NBSP, CR, ...): rare, folded.
_ODD_SPACE = re.compile(r"[^\S \n]")
_MULTI_SPACE = re.compile(r"  +")
_ASCII_ODD_SPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"

# PTB bracket codes, standalone.
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET_RX = re.compile(r"-(?<![^ \n]-)[LR][RSC]B-(?![^ \n])")
# PTB quotes: ``` `` ``` opens and ``''`` closes a double quote, a lone `` ` `` opens a single one.
_OPEN_DOUBLE_RX = re.compile(r"``(?<![^ \n]``)(?![^ \n])")
_CLOSE_DOUBLE_RX = re.compile(r"''(?<![^ \n]'')(?![^ \n])")
_OPEN_SINGLE_RX = re.compile(r"`(?<![^ \n]`)(?![^ \n])")
# A lone straight apostrophe closes a quote or marks a plural possessive (``mates '``); both
# attach to the left, so only one preceded by a word on its line is rewritten.
_CLOSE_SINGLE_RX = re.compile(r"'(?<= ')(?![^ \n])")

# PTB escapes ``/`` and ``*`` (Timeline17: ``Reuters\/Eliana Aponte``, ``\* Sees 70 percent``).
_ESCAPE_RX = re.compile(r"\\(?<!\\\\)([/*])")

# A currency sign split from its amount: ``$ 75m``, ``US$ 40 billion``, ``HK$ 3``; the sign may
# carry up to three capitals of country code.
_CURRENCY_RX = {
    sign: re.compile(
        rf"{re.escape(sign)}(?:(?<![^ \n].)|(?<![^ \n][A-Z].)(?<=[A-Z].)"
        r"|(?<![^ \n][A-Z]{2}.)(?<=[A-Z]{2}.)|(?<![^ \n][A-Z]{3}.)(?<=[A-Z]{3}.)) (?=[0-9])"
    )
    for sign in "$£€"
}
# Dataset quirk: Timeline17's BBC/Guardian files and MEANTIME lost the pound sign in an encoding
# step that wrote ``#`` instead (``raise # 500``, ``GB # 20.1 billion``), always as a token of its
# own before an amount. ``Re # 23`` (a forum reply number) is the one non-money use seen there.
_POUND_RX = re.compile(r"#(?<![^ \n]#)(?<!Re #) (?=[0-9])")
_GB_POUND_RX = re.compile(r"GB(?<![^ \n(\[{“‘]GB) £(?=[0-9])")

_STRAIGHT_QUOTE_RX = re.compile(r'"(?<![^ \n]")(?![^ \n])')

# A period token after an abbreviation that already ends the sentence (``Venice , La. .``):
# PTB adds the sentence-final period as a token of its own, which would read ``La..``.
_DOUBLE_PERIOD_RX = re.compile(r"\. \.(?<=[A-Za-z]\. \.)(?=[ \n]|$)")

# A curly apostrophe split from its clitic (``It ’ s``, ``Wait ’ ll``), seen in the 2018 seed.
_SPLIT_CLITIC_RX = re.compile(r" ’ ((?i:s|re|ve|ll|d|m|t))(?![^ \n])")

# The space before a token that attaches to its left: closing punctuation and PTB clitics.
_ATTACH_LEFT_RX = re.compile(
    r" (?=(?:[,.;:!?%)\]}”’]+|[nN]['’][tT]|['’](?:[sSdDmM]|re|RE|ve|VE|ll|LL))(?:[ \n]|$))"
)
# A token that attaches to its right (a run of opening brackets and quotes) and the space after;
# one regex per opener keeps a literal first character. Further standalone opener tokens that
# follow (``( [ x``) are taken in the same match, or the merge would need a second pass.
_ATTACH_RIGHT_RX = {
    opener: re.compile(rf"{re.escape(opener)}(?<![^ \n].)(?:[(\[{{“‘]| (?=[(\[{{“‘]+ ))* ")
    for opener in "([{“‘"
}


def _has_odd_space(s: str) -> bool:
    """Whether ``s`` holds whitespace other than spaces and newlines; cheaper than a regex scan."""
    if s.isascii():
        return any(c in s for c in _ASCII_ODD_SPACE)
    # ``isprintable`` is false for every whitespace character except the plain space.
    return not all(map(str.isprintable, s.split("\n")))


def _glue(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def _bracket(match: re.Match[str]) -> str:
    return _BRACKETS[match.group()]


def _pair_straight_quotes(line: str) -> str:
    """Attach standalone ``"`` tokens: odd ones open (to the right), even ones close (left)."""
    parts: list[str] = []
    glue = False  # no space before the next token
    opening = True
    for token in line.split(" "):
        if token == '"':
            if not opening:
                glue = True
            parts.append(token if glue or not parts else " " + token)
            glue = opening
            opening = not opening
        else:
            parts.append(token if glue or not parts else " " + token)
            glue = False
    return "".join(parts)


def detokenize(text: str) -> str:
    """Undo Penn-Treebank-style tokenization of ``text``.

    Restores brackets (``-LRB-`` → ``(``) and quotes (``` `` ``` → ``“``, ``''`` → ``”``), joins
    punctuation and clitics to their words (``wo n't`` → ``won't``, ``U.N .`` → ``U.N.``,
    ``$ 75m`` → ``$75m``), turns Timeline17's ``# 500`` back into ``£500``, pairs standalone
    straight quotes, and folds runs of spaces. Newlines are kept; spaces at line ends are dropped.

    Idempotent, and never drops or splits a word: only punctuation tokens are rewritten and only
    the spaces beside them removed.

    :param text: tokenized (or ordinary) text.
    :returns: the detokenized text.
    """
    s = text
    if _has_odd_space(s):
        s = _ODD_SPACE.sub(" ", s)
    if "  " in s:
        s = _MULTI_SPACE.sub(" ", s)
    if " \n" in s:
        s = s.replace(" \n", "\n")
    if "\n " in s:
        s = s.replace("\n ", "\n")
    s = s.strip(" \n")
    if "RB-" in s or "SB-" in s or "CB-" in s:
        s = _BRACKET_RX.sub(_bracket, s)
    if "`" in s:
        s = _OPEN_SINGLE_RX.sub("‘", _OPEN_DOUBLE_RX.sub("“", s))
    if "'" in s:
        s = _CLOSE_SINGLE_RX.sub("’", _CLOSE_DOUBLE_RX.sub("”", s))
    if "\\" in s:
        s = _ESCAPE_RX.sub(r"\1", s)
    for sign, rx in _CURRENCY_RX.items():
        if sign in s:
            s = rx.sub(sign, s)
    if "#" in s:
        s = _POUND_RX.sub("£", s)
        if "GB £" in s:
            s = _GB_POUND_RX.sub("GB£", s)
    if '"' in s and _STRAIGHT_QUOTE_RX.search(s):
        s = "\n".join(
            _pair_straight_quotes(line) if '"' in line else line for line in s.split("\n")
        )
    if ". ." in s:
        s = _DOUBLE_PERIOD_RX.sub(".", s)
    if " ’ " in s:
        s = _SPLIT_CLITIC_RX.sub(r"’\1", s)
    s = _ATTACH_LEFT_RX.sub("", s)
    for opener, rx in _ATTACH_RIGHT_RX.items():
        if opener in s:
            s = rx.sub(_glue, s)
    return s
