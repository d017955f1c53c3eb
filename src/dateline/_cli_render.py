"""Terminal rendering for the CLI: an annotated article, and tables of corpus listings."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dateline._cli_common import clip
from dateline.ledger import LedgerGroup
from dateline.models import Annotations, Article, EntityRecord, Figure, Hit, Quote

__all__ = [
    "LEGEND",
    "annotated_text",
    "annotation_lists",
    "entities_table",
    "figures_table",
    "quotes_table",
]

_STYLES = {
    "entity": "cyan",
    "time": "magenta",
    "figure": "bold yellow",
    "quote": "green",
    "speaker": "bold green",
}
LEGEND = Text.assemble(
    ("entity", _STYLES["entity"]),
    "  ",
    ("time", _STYLES["time"]),
    "  ",
    ("figure", _STYLES["figure"]),
    "  ",
    ("quote", _STYLES["quote"]),
    "  ",
    ("speaker", _STYLES["speaker"]),
)


def annotated_text(article: Article, ann: Annotations) -> Text:
    """The article body with every annotation highlighted in place."""
    text = Text(article.text)
    for quote in ann.quotes:
        text.stylize(_STYLES["quote"], quote.start, quote.end)
        if quote.source_start is not None and quote.source_end is not None:
            text.stylize(_STYLES["speaker"], quote.source_start, quote.source_end)
    for entity in ann.entities:
        text.stylize(_STYLES["entity"], entity.start, entity.end)
    for time in ann.times:
        text.stylize(_STYLES["time"], time.start, time.end)
    for figure in ann.figures:
        text.stylize(_STYLES["figure"], figure.start, figure.end)
    return text


def _speaker(quote: Quote) -> str:
    name = quote.speaker or "(unattributed)"
    return f"{name} (anonymous)" if quote.anonymous and quote.speaker else name


def quotes_table(hits: Sequence[Hit[Quote]]) -> Table:
    table = Table(title=f"{len(hits)} quote(s)", expand=True)
    table.add_column("published", no_wrap=True)
    table.add_column("article", no_wrap=True, max_width=16)
    table.add_column("speaker", max_width=24)
    table.add_column("cue", no_wrap=True, max_width=14)
    table.add_column("quote", ratio=1)
    for hit in hits:
        q = hit.item
        shown = f"“{q.text}”" if q.direct else q.text
        table.add_row(
            hit.published.isoformat() if hit.published else "-",
            hit.article_id,
            escape(_speaker(q)),
            escape(q.cue or ""),
            escape(clip(shown, 400)),
        )
    return table


def figures_table(hits: Sequence[Hit[Figure]], *, width: int) -> Table:
    table = Table(title=f"{len(hits)} figure(s)")
    for header in ("published", "article", "figure", "qualifier", "value", "subject", "refers to"):
        table.add_column(header, overflow="fold")
    room = max(16, width - 90)
    for hit in hits:
        f = hit.item
        if f.low is not None and f.high is not None and f.low != f.high:
            value = f"{f.low:g}\u2013{f.high:g}"  # en dash: a range
        elif f.value is not None:
            value = f"{f.value:g}"
        else:
            value = "-"
        subject = f.subject or ""
        if f.unit:
            subject = f"{subject} [{f.unit}]".strip()
        table.add_row(
            hit.published.isoformat() if hit.published else "-",
            hit.article_id,
            escape(f.text),
            escape(f.qualifier or ""),
            value,
            escape(clip(subject, room)),
            escape(f.date or ""),
        )
    return table


def entities_table(records: Sequence[EntityRecord], *, width: int) -> Table:
    table = Table(title=f"{len(records)} entit{'y' if len(records) == 1 else 'ies'}")
    for header in ("name", "label", "mentions", "articles", "also called"):
        table.add_column(header, overflow="fold")
    room = max(20, width - 60)
    for record in records:
        others = [a for a, _ in record.aliases if a != record.name]
        table.add_row(
            escape(record.name),
            record.label,
            str(record.mentions),
            str(record.articles),
            escape(clip(", ".join(others), room)),
        )
    return table


def annotation_lists(ann: Annotations) -> RenderableType:
    """Quotes, figures and time expressions of one article, under its text."""
    parts: list[RenderableType] = []
    if ann.quotes:
        table = Table(title="quotes", show_header=True)
        for header in ("speaker", "cue", "", "quote"):
            table.add_column(header, overflow="fold")
        for q in ann.quotes:
            table.add_row(
                escape(_speaker(q)),
                escape(q.cue or ""),
                "direct" if q.direct else "indirect",
                escape(q.text),
            )
        parts.append(table)
    if ann.figures:
        table = Table(title="figures")
        for header in ("figure", "qualifier", "subject", "refers to"):
            table.add_column(header, overflow="fold")
        for f in ann.figures:
            table.add_row(
                escape(f.text), escape(f.qualifier or ""), escape(f.subject or ""), f.date or ""
            )
        parts.append(table)
    if ann.times:
        table = Table(title="time expressions")
        for header in ("text", "value", "type", "granularity"):
            table.add_column(header)
        for t in ann.times:
            table.add_row(escape(t.text), t.value, t.type.value, t.granularity)
        parts.append(table)
    return Group(*parts)


def ledger_table(group: LedgerGroup) -> Table:
    """One ledger group: when, figure, qualifier, value, who said it, source, flags."""
    table = Table(title=f"{group.subject} ({len(group.rows)})")
    for header in ("when", "figure", "qualifier", "value", "said by", "article", "flags"):
        table.add_column(header, overflow="fold")
    for row in group.rows:
        f = row.figure
        value = f"{f.value:g}" if f.value is not None else "-"
        source = " ".join(
            x for x in (row.article_id[:8], row.source or "", row.published or "") if x
        )
        flags = ", ".join(row.flags)
        table.add_row(
            row.when, escape(f.text), escape(f.qualifier or ""), value,
            escape(row.speaker or ""), escape(source),
            f"[yellow]{flags}[/yellow]" if flags else "",
        )  # fmt: skip
    return table
