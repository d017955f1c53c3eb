"""Read TimeML ``.tml`` files: the ``<TEXT>`` body as plain text, its TIMEX3 spans and the DCT.

Offsets are computed on the plain text of ``<TEXT>`` with every tag removed and XML entities
decoded (``&amp;`` counts as one character), which is what a tagger running on the text sees.
The document creation time is the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``
(TempEval-3 puts it in ``<DCT>``, outside ``<TEXT>``); it is never one of the gold spans.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.errors import InputError

__all__ = ["GoldTimex", "TimeMLDocument", "read_timeml"]

_DCT_VALUE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3: ``[start, end)`` into :attr:`TimeMLDocument.text`."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document: id, creation date, plain text and its gold time expressions."""

    id: str
    dct: date | None
    text: str
    timexes: tuple[GoldTimex, ...]


def _parse_dct(value: str | None) -> date | None:
    if not value:
        return None
    m = _DCT_VALUE.match(value)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _walk(elem: ET.Element, parts: list[str], found: list[GoldTimex], offset: int) -> int:
    """Append ``elem``'s text (without tags) to ``parts``; record TIMEX3 spans; return offset."""
    is_timex = elem.tag == "TIMEX3"
    begin = offset
    if elem.text:
        parts.append(elem.text)
        offset += len(elem.text)
    for child in elem:
        offset = _walk(child, parts, found, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if is_timex and elem.get("functionInDocument") != "CREATION_TIME":
        found.append(
            GoldTimex(
                tid=elem.get("tid", ""),
                start=begin,
                end=offset,
                text="",  # filled in by the caller once the whole text is known
                type=elem.get("type", ""),
                value=elem.get("value", ""),
            )
        )
    return offset


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one ``.tml`` file.

    :raises InputError: ``E010`` when the file is not well-formed XML or has no ``<TEXT>``.
    """
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError("E010", path=str(path), detail=str(exc)) from exc
    body = root.find(".//TEXT")
    if body is None:
        raise InputError("E010", path=str(path), detail="no <TEXT> element")
    dct: date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(timex.get("value"))
            break
    parts: list[str] = []
    found: list[GoldTimex] = []
    # <TEXT>'s own tail is outside the body: walk it as a root, not as a child.
    _walk(body, parts, found, 0)
    text = "".join(parts)
    spans = tuple(
        sorted(
            (
                GoldTimex(t.tid, t.start, t.end, text[t.start : t.end], t.type, t.value)
                for t in found
            ),
            key=lambda t: (t.start, t.end),
        )
    )
    docid = root.findtext("DOCID") or path.stem
    return TimeMLDocument(id=docid.strip(), dct=dct, text=text, timexes=spans)
