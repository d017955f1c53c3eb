"""``dateline timeline``: a dated, sourced timeline of a story, thread, entity, query or all."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dateline._cli_common import DbOption, JsonOption, fail, out, parse_day, print_json
from dateline.errors import DatelineError, UsageError
from dateline.export import (
    figure_record,
    quote_record,
    timeline_csv,
    timeline_markdown,
    timeline_record,
    timelinejs,
)
from dateline.models import Timeline
from dateline.store import Store

__all__ = ["FORMATS", "new_command", "timeline_command"]

FORMATS = ("table", "json", "markdown", "csv", "timelinejs")


def timeline_table(timeline: Timeline) -> Table:
    table = Table(title=timeline.title, caption=f"{timeline.articles} article(s)")
    table.add_column("date", no_wrap=True)
    table.add_column("what happened", ratio=4)
    table.add_column("source", ratio=1)
    for entry in timeline.entries:
        for n, s in enumerate(entry.sentences):
            cite = f"{s.article_id[:8]} {s.source or ''} {s.published or ''}".strip()
            table.add_row(entry.date if n == 0 else "", escape(s.text), escape(cite))
    return table


def _title(store: Store, story: str | None, thread: str | None, entity: str | None,
           query: str | None) -> str:  # fmt: skip
    from dateline.stories import get_story, get_thread  # noqa: PLC0415

    if story is not None:
        return get_story(store, story).title
    if thread is not None:
        return get_thread(store, thread).title
    if entity is not None:
        return entity
    if query is not None:
        return f"“{query}”"
    return "All articles"


def timeline_command(
    story: Annotated[str | None, typer.Option(help="A story id (or prefix).")] = None,
    thread: Annotated[str | None, typer.Option(help="A thread id (or prefix).")] = None,
    entity: Annotated[str | None, typer.Option(help="Articles mentioning this entity.")] = None,
    query: Annotated[
        str | None, typer.Option(help="Articles whose title or text contains this text.")
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="Every stored article.")] = False,
    dates: Annotated[int, typer.Option(help="How many dates.")] = 10,
    per_date: Annotated[int, typer.Option(help="Sentences per date.")] = 1,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help=f"Output: {', '.join(FORMATS)}.")] = "table",
    db: DbOption = None,
) -> None:
    """The dates that matter and what happened on each, every sentence cited to its article."""
    from dateline.timeline import articles_for, build_timeline  # noqa: PLC0415

    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    try:
        if fmt not in FORMATS:
            raise UsageError("E201", name=fmt, choices=", ".join(FORMATS))
        with Store.open(db) as store:
            ids = articles_for(
                store, story=story, thread=thread, entity=entity, query=query,
                everything=everything,
            )  # fmt: skip
            timeline = build_timeline(
                store, ids, dates=dates, per_date=per_date, since=first, until=last,
                title=_title(store, story, thread, entity, query),
            )  # fmt: skip
    except DatelineError as exc:
        raise fail(exc) from exc
    if fmt == "table":
        out.print(timeline_table(timeline))
    elif fmt == "json":
        sys.stdout.write(json.dumps(timeline_record(timeline), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "markdown":
        sys.stdout.write(timeline_markdown(timeline))
    elif fmt == "csv":
        sys.stdout.write(timeline_csv(timeline))
    else:
        sys.stdout.write(json.dumps(timelinejs(timeline), ensure_ascii=False, indent=2) + "\n")


def new_command(
    article_id: Annotated[str, typer.Argument(metavar="ARTICLE_ID", help="Article id or prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """What's new in an article: the sentences, quotes and figures its story had not reported
    in earlier articles."""
    from dateline.novelty import whats_new  # noqa: PLC0415

    try:
        with Store.open(db) as store:
            news = whats_new(store, article_id)
            text = store.get(news.article_id).text
    except DatelineError as exc:
        raise fail(exc) from exc
    sentences = [
        {"start": s.start, "end": s.end, "text": " ".join(text[s.start : s.end].split())}
        for s in news.sentences
    ]
    if as_json:
        print_json(
            {
                "article_id": news.article_id,
                "story_id": news.story_id,
                "earlier": list(news.earlier),
                "sentences": sentences,
                "quotes": [quote_record(q) for q in news.quotes],
                "figures": [figure_record(f) for f in news.figures],
            }
        )
        return
    out.print(
        f"[bold]{news.article_id}[/bold] in story {news.story_id}: compared with"
        f" {len(news.earlier)} earlier article(s)"
    )
    table = Table(title=f"{len(sentences)} new sentence(s)")
    table.add_column("offsets", no_wrap=True)
    table.add_column("sentence")
    for row in sentences:
        table.add_row(f"{row['start']}-{row['end']}", escape(str(row["text"])))
    out.print(table)
    for quote in news.quotes:
        out.print(f"new quote — {escape(quote.speaker or 'unattributed')}: {escape(quote.text)}")
    for figure in news.figures:
        out.print(f"new figure — {escape(figure.text)} ({escape(figure.subject or '')})")
