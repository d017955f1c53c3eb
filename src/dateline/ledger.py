"""The figure ledger: a story's or thread's numbers grouped by what they count, in time order.

Figures come from the figures annotator (value, bounds, qualifier, unit, what is counted, the
time it refers to, and the quote it sits in). They are grouped by the head of what they count —
the last two content words of the subject, so ``active duty troops`` and ``National Guard
troops`` stay apart while ``troops`` reported alone joins neither — and ordered by the date they
refer to (else the article's publication date). Within a group a row is flagged ``change`` when
its value differs from the previous row's, and ``conflict`` when another source gives another
value for the same date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.models import Figure
from dateline.store import Store

__all__ = ["LedgerGroup", "LedgerRow", "figure_key", "figure_ledger"]

_WORD = re.compile(r"[^\W\d_][\w'-]*")
_DROP = frozenset(
    "the a an of to in on at for by with from and or more than about some other new".split()
)
# Counts of people and things; years, ages, money and percentages are context, not ledgers.
_SKIP_UNITS = frozenset({"years", "year", "percent", "USD", "GBP", "EUR"})


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One figure in a ledger, with where it was reported and who said it.

    :param when: the date the figure refers to (TIMEX3 value) or the article's publication day.
    :param speaker: the quote's speaker when the figure sits in a quote.
    :param flags: ``change`` (differs from the previous row) and/or ``conflict`` (another
        source reports another value for the same date).
    """

    when: str
    figure: Figure
    article_id: str
    source: str | None
    published: str | None
    speaker: str | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LedgerGroup:
    subject: str
    rows: tuple[LedgerRow, ...]


# Words news uses interchangeably for the same count.
_SYNONYMS = {
    "members": "troops", "soldiers": "troops", "personnel": "troops", "forces": "troops",
    "servicemembers": "troops", "guardsmen": "troops", "persons": "people",
}  # fmt: skip


def figure_key(subject: str) -> str | None:
    """What a figure counts, as the ledger groups it.

    ``National Guard members`` and ``National Guard troops`` both give ``guard troops``.
    """
    words = [w.lower() for w in _WORD.findall(subject) if w.lower() not in _DROP]
    words = [_SYNONYMS.get(w, w) for w in words]
    if not words:
        return None
    return " ".join(words[-2:])


def _value(figure: Figure) -> tuple[float | None, float | None, float | None]:
    return figure.value, figure.low, figure.high


def figure_ledger(
    store: Store, article_ids: Sequence[str], *, min_rows: int = 1
) -> list[LedgerGroup]:
    """Figures of ``article_ids`` grouped by what they count, largest groups first.

    :param min_rows: leave out groups with fewer rows.
    """
    groups: dict[str, list[LedgerRow]] = defaultdict(list)
    labels: dict[str, str] = {}
    for article_id in article_ids:
        article = store.get(article_id)
        annotations = store.annotations(article_id)
        published = article.published.isoformat() if article.published else None
        for figure in annotations.figures:
            if not figure.subject or figure.value is None or figure.unit in _SKIP_UNITS:
                continue
            key = figure_key(figure.subject)
            if key is None:
                continue
            labels.setdefault(key, figure.subject)
            quote = annotations.quotes[figure.quote] if figure.quote is not None else None
            groups[key].append(
                LedgerRow(
                    when=figure.date or published or "",
                    figure=figure,
                    article_id=article_id,
                    source=article.publisher,
                    published=published,
                    speaker=quote.speaker if quote is not None else None,
                )
            )
    out = []
    for key, rows in groups.items():
        if len(rows) < min_rows:
            continue
        rows.sort(key=lambda r: (r.when, r.published or "", r.article_id, r.figure.start))
        out.append(LedgerGroup(subject=labels[key], rows=tuple(_flag(rows))))
    out.sort(key=lambda g: (-len(g.rows), g.subject))
    return out


def _flag(rows: list[LedgerRow]) -> list[LedgerRow]:
    by_date: dict[str, set[tuple[float | None, float | None, float | None]]] = defaultdict(set)
    for row in rows:
        by_date[row.when].add(_value(row.figure))
    flagged = []
    previous = None
    for row in rows:
        flags = []
        value = _value(row.figure)
        if previous is not None and value != previous:
            flags.append("change")
        if len(by_date[row.when]) > 1:
            flags.append("conflict")
        previous = value
        flagged.append(
            LedgerRow(row.when, row.figure, row.article_id, row.source, row.published,
                      row.speaker, tuple(flags))
        )  # fmt: skip
    return flagged
