"""The ``dateline`` command: a thin shell over the Python API that only parses and renders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from dateline import _cli_render as render
from dateline._cli_common import (
    DbOption,
    JsonOption,
    LimitOption,
    clip,
    fail,
    parse_day,
    print_json,
)
from dateline._cli_eval import eval_app
from dateline._cli_stories import EmbedderOption, add_story_commands, build_stories
from dateline._cli_timeline import new_command, timeline_command
from dateline.errors import DatelineError
from dateline.export import article_record, article_summary, entity_record, hit_record
from dateline.ingest import DEFAULT_BATCH_SIZE, DEFAULT_MAX_BYTES, FORMATS, ingest
from dateline.models import IngestProblem, IngestReport, Severity
from dateline.store import Store

__all__ = ["app", "main"]

app = typer.Typer(
    name="dateline",
    help="Turn a pile of news articles into sourced, dated story timelines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_out = Console()
_err = Console(stderr=True)

AnnotatorsOption = Annotated[
    str | None,
    typer.Option(
        help="Comma-separated spaCy factory names to run instead of the default annotators"
        " (dateline_entities,dateline_times,dateline_quotes,dateline_figures).",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None, typer.Option(help="Only articles published on or after YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option(help="Only articles published on or before YYYY-MM-DD.")
]


def _names(value: str | None) -> list[str] | None:
    return [n.strip() for n in value.split(",") if n.strip()] if value else None


class _BarProgress:
    """Draws the ingest progress bar and prints each problem as one line on stderr."""

    def __init__(self, bar: Progress) -> None:
        self._bar = bar
        self._task = bar.add_task("ingest", total=None)

    def start(self, total_bytes: int | None, files: int) -> None:
        self._bar.update(self._task, total=total_bytes, description=f"ingest {files} file(s)")

    def advance(self, nbytes: int) -> None:
        self._bar.advance(self._task, nbytes)

    def problem(self, problem: IngestProblem) -> None:
        colour = "red" if problem.severity is Severity.ERROR else "yellow"
        self._bar.console.print(
            f"[{colour}]{escape(str(problem))}[/{colour}]", soft_wrap=True, highlight=False
        )


class _QuietProgress:
    def start(self, total_bytes: int | None, files: int) -> None:
        pass

    def advance(self, nbytes: int) -> None:
        pass

    def problem(self, problem: IngestProblem) -> None:
        # soft_wrap: one problem, one line, whatever the terminal width (for grep and logs).
        _err.print(escape(str(problem)), highlight=False, soft_wrap=True)


def _summary_table(report: IngestReport, db: str) -> Table:
    table = Table(
        title=f"Ingested into {db}",
        caption="existing: already stored · near-dup: stored, linked to an earlier copy"
        " · skipped: empty text",
    )
    table.add_column("files", justify="right")
    table.add_column("read", justify="right")
    table.add_column("stored", justify="right")
    table.add_column("existing", justify="right")
    table.add_column("near-dup", justify="right")
    table.add_column("skipped", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("warnings", justify="right")
    table.add_row(
        str(report.files),
        str(report.read),
        str(report.stored),
        str(report.unchanged),
        str(report.duplicates),
        str(report.skipped),
        f"[red]{report.failed}[/red]" if report.failed else "0",
        str(report.warnings),
    )
    return table


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or directories to read (recursively); '-' reads stdin."),
    ],
    db: DbOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=f"Force a reader instead of detecting it: {', '.join(FORMATS)}.",
            show_default=False,
        ),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(help="Largest single-document file or record, in bytes; larger ones fail."),
    ] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[
        int, typer.Option(help="Articles per committed transaction.")
    ] = DEFAULT_BATCH_SIZE,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes that normalize and annotate in parallel [default: CPUs up to 4;"
            " 1 for inputs under 4 MB, or 1 MB when annotating].",
            show_default=False,
        ),
    ] = None,
    annotate: Annotated[
        bool,
        typer.Option(
            "--annotate/--no-annotate",
            help="Run the NLP annotators (entities, times, quotes, figures) while ingesting.",
        ),
    ] = True,
    annotators: AnnotatorsOption = None,
    stories: Annotated[
        bool,
        typer.Option(
            "--stories/--no-stories",
            help="Then embed the new articles and assign them to stories and threads"
            " (needs --annotate).",
        ),
    ] = True,
    embedder: EmbedderOption = None,
    as_json: JsonOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar; problems still go to stderr.")
    ] = False,
) -> None:
    """Read articles into the store: text, JSON Lines, JSON, CSV, HTML, and .gz of any.

    Exit status is 0 when every file and record was stored, 1 when some failed (each failure is
    printed as one line naming the file, the line or record, and why), 2 on a usage error.
    """
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    show_bar = not (quiet or as_json or not _err.is_terminal)
    try:
        with (
            Store.open(db) as store,
            Progress(*columns, console=_err, transient=True, disable=not show_bar) as bar,
        ):
            report = ingest(
                paths,
                store,
                fmt=fmt,
                max_bytes=max_bytes,
                batch_size=batch_size,
                workers=workers,
                progress=_BarProgress(bar) if show_bar else _QuietProgress(),
                annotate=annotate,
                annotators=_names(annotators),
            )
            db_path = store.path
            summary = (
                build_stories(store, embedder, show_bar=show_bar) if stories and annotate else None
            )
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(
            {
                "db": db_path,
                "files": report.files,
                "read": report.read,
                "stored": report.stored,
                "unchanged": report.unchanged,
                "duplicates": report.duplicates,
                "skipped": report.skipped,
                "failed": report.failed,
                "warnings": report.warnings,
                "stories": summary,
                "problems": [
                    {
                        "path": p.path,
                        "record": p.record,
                        "severity": p.severity.value,
                        "code": p.code,
                        "message": p.message,
                    }
                    for p in report.problems
                ],
            }
        )
    else:
        _out.print(_summary_table(report, db_path))
        if summary:
            _out.print(summary)
    if not report.ok:
        raise typer.Exit(code=1)


@app.command("articles")
def articles_command(
    db: DbOption = None,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    duplicates: Annotated[
        bool, typer.Option("--duplicates/--no-duplicates", help="Include near-duplicates.")
    ] = True,
) -> None:
    """List stored articles by publication date."""
    try:
        with Store.open(db) as store:
            rows = list(
                store.articles(
                    include_duplicates=duplicates,
                    since=parse_day(since, "--since"),
                    until=parse_day(until, "--until"),
                    limit=limit,
                )
            )
            total = store.count()
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json([article_summary(a) for a in rows])
        return
    table = Table(title=f"{len(rows)} of {total} article(s)")
    any_duplicates = any(a.duplicate_of for a in rows)
    lines = []
    for a in rows:
        dl = ""
        opening = a.text
        if a.dateline:
            dl = a.dateline.place
            if a.dateline.agency:
                dl = f"{dl} ({a.dateline.agency})"
            opening = a.text[a.dateline.end :].lstrip()
        lines.append((a, clip(dl, 16), a.title or opening))
    # Clip to what fits so a narrow terminal still gets one line per article: the fixed
    # columns are the id (16), the date (10), the dateline, borders (3 per column + 1).
    any_datelines = any(dl for _, dl, _ in lines)
    dl_width = max([8, *(len(dl) for _, dl, _ in lines)]) + 3 if any_datelines else 0
    room = max(20, _out.width - 16 - 10 - dl_width - 10 - (19 if any_duplicates else 0))
    table = Table(title=f"{len(rows)} of {total} article(s)")
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    if any_datelines:
        table.add_column("dateline", no_wrap=True)
    table.add_column("title / opening", no_wrap=True)
    if any_duplicates:
        table.add_column("duplicate of", no_wrap=True)
    for a, dl, heading in lines:
        cells = [a.id, a.published.isoformat() if a.published else "-"]
        if any_datelines:
            cells.append(escape(dl))
        cells.append(escape(clip(heading, room)))
        if any_duplicates:
            cells.append(a.duplicate_of or "")
        table.add_row(*cells)
    _out.print(table)


@app.command("show")
def show_command(
    article_id: Annotated[str, typer.Argument(help="Article id, or a unique prefix of it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata, provenance, and the text with its annotations highlighted."""
    try:
        with Store.open(db) as store:
            article = store.get(article_id)
            provenance = store.provenance(article.id)
            duplicates = store.duplicates_of(article.id)
            annotations = store.annotations(article.id)
    except DatelineError as exc:
        raise fail(exc) from exc
    record = article_record(
        article, provenance=provenance, duplicates=duplicates, annotations=annotations
    )
    if as_json:
        print_json(record)
        return
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    meta.add_row("id", article.id)
    published = record["published"] or "unknown"
    meta.add_row("published", f"{published} (from {record['date_rule'] or '-'})")
    if article.dateline:
        meta.add_row("dateline", escape(f"{article.dateline.place} / {article.dateline.agency}"))
    if article.byline:
        meta.add_row("byline", escape(article.byline))
    if article.source:
        meta.add_row("source", escape(article.source))
    for prov in provenance:
        meta.add_row("read from", escape(f"{prov.where()} ({prov.reader}, {prov.encoding})"))
    if article.duplicate_of:
        meta.add_row("duplicate of", f"{article.duplicate_of} (similarity {article.similarity})")
    if duplicates:
        meta.add_row("duplicates", ", ".join(duplicates))
    for caption in article.captions:
        credit = f" ({caption.credit})" if caption.credit else ""
        meta.add_row("caption", escape(caption.text + credit))
    _out.print(Panel(meta, title=escape(article.title or "(untitled)"), title_align="left"))
    if annotations.sentences:
        _out.print(render.LEGEND)
    _out.print(render.annotated_text(article, annotations), highlight=False)
    _out.print(render.annotation_lists(annotations))


@app.command("annotate")
def annotate_command(
    db: DbOption = None,
    redo: Annotated[
        bool, typer.Option("--redo", help="Annotate every article again, not only missing ones.")
    ] = False,
    workers: Annotated[
        int, typer.Option(help="Processes, each with its own copy of the spaCy model.")
    ] = 1,
    annotators: AnnotatorsOption = None,
) -> None:
    """Run the annotators over stored articles that lack this version's annotations.

    Use after an upgrade, or after `dateline ingest --no-annotate`.
    """
    from dateline.annotate import annotate_store  # noqa: PLC0415  (imports spaCy)

    try:
        with (
            Store.open(db) as store,
            Progress(
                TextColumn("annotate"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=_err,
                transient=True,
                disable=not _err.is_terminal,
            ) as bar,
        ):
            task = bar.add_task("annotate", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            count = annotate_store(
                store,
                redo=redo,
                workers=workers,
                annotators=_names(annotators),
                on_progress=progress,
            )
    except DatelineError as exc:
        raise fail(exc) from exc
    _out.print(f"annotated {count} article(s)")


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only quotes by this speaker (a name or any alias).")
    ] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only quotes in articles that mention this entity.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """List quotes across the corpus with their speakers, by publication date."""
    try:
        with Store.open(db) as store:
            hits = list(
                store.find_quotes(
                    speaker=speaker,
                    entity=entity,
                    since=parse_day(since, "--since"),
                    until=parse_day(until, "--until"),
                    limit=limit,
                )
            )
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json([hit_record(h) for h in hits])
    else:
        _out.print(render.quotes_table(hits))


@app.command("figures")
def figures_command(
    db: DbOption = None,
    story: Annotated[
        str | None,
        typer.Option(help="The figure ledger of this story: figures grouped by what they count."),
    ] = None,
    thread: Annotated[str | None, typer.Option(help="The figure ledger of this thread.")] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only figures in articles that mention this entity.")
    ] = None,
    subject: Annotated[
        str | None, typer.Option(help="Only figures whose subject contains this text.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """List cited figures across the corpus with qualifier, value and subject, or the figure
    ledger of a story or thread (--story/--thread)."""
    if story is not None or thread is not None:
        _ledger(db, story, thread, as_json=as_json)
        return
    try:
        with Store.open(db) as store:
            hits = list(
                store.find_figures(
                    entity=entity,
                    subject=subject,
                    since=parse_day(since, "--since"),
                    until=parse_day(until, "--until"),
                    limit=limit,
                )
            )
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json([hit_record(h) for h in hits])
    else:
        _out.print(render.figures_table(hits, width=_out.width))


def _ledger(db: Path | None, story: str | None, thread: str | None, *, as_json: bool) -> None:
    from dateline.export import ledger_record  # noqa: PLC0415
    from dateline.ledger import figure_ledger  # noqa: PLC0415
    from dateline.timeline import articles_for  # noqa: PLC0415

    try:
        with Store.open(db) as store:
            groups = figure_ledger(store, articles_for(store, story=story, thread=thread))
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json([ledger_record(g) for g in groups])
    else:
        for group in groups:
            _out.print(render.ledger_table(group))


@app.command("entities")
def entities_command(
    db: DbOption = None,
    label: Annotated[
        str | None, typer.Option(help="Only this entity label: PERSON, ORG, GPE, NORP, ...")
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Only entities whose name or an alias contains this.")
    ] = None,
    limit: LimitOption = 50,
    as_json: JsonOption = False,
) -> None:
    """List the corpus's entities, most mentioned first, with their aliases."""
    try:
        with Store.open(db) as store:
            records = store.find_entities(label=label, name=name, limit=limit)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json([entity_record(r) for r in records])
    else:
        _out.print(render.entities_table(records, width=_out.width))


add_story_commands(app)
app.command("timeline")(timeline_command)
app.command("new")(new_command)
app.add_typer(eval_app, name="eval")


def main() -> None:
    """Console-script entry point."""
    app()
