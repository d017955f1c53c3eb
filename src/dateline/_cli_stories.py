"""``dateline stories|story|threads|thread|related``: stories and threads, a thin shell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from dateline._cli_common import (
    DbOption,
    JsonOption,
    LimitOption,
    clip,
    err,
    fail,
    out,
    print_json,
)
from dateline.errors import DatelineError
from dateline.export import member_record, story_record, thread_record
from dateline.models import Story, Thread
from dateline.store import Store

__all__ = ["add_story_commands", "build_stories", "stories_app"]

stories_app = typer.Typer(
    help="List stories (events and their follow-ups); update, rebuild, merge or split them.",
    invoke_without_command=True,
)

_TITLE_WIDTH = 64

EmbedderOption = Annotated[
    str | None,
    typer.Option(
        help="Embedding backend: minilm (all-MiniLM-L6-v2, ONNX) or hashing [default: minilm,"
        " or the one the store was built with].",
        show_default=False,
    ),
]


def _span(first: object, last: object) -> str:
    if first is None:
        return "undated"
    return f"{first}" if first == last else f"{first} → {last}"


def _names(entities: Sequence[tuple[str, int]], n: int = 3) -> str:
    return ", ".join(name for name, _ in entities[:n])


def stories_table(stories: Sequence[Story], *, title: str = "Stories") -> Table:
    table = Table(title=title)
    table.add_column("story", no_wrap=True)
    table.add_column("title", ratio=3, overflow="fold")
    table.add_column("span", no_wrap=True)
    table.add_column("size", justify="right")
    table.add_column("key entities", ratio=2)
    table.add_column("thread", no_wrap=True)
    for s in stories:
        table.add_row(
            s.id, escape(clip(s.title, _TITLE_WIDTH)), _span(s.first, s.last), str(s.size),
            escape(_names(s.entities)), s.thread_id,
        )  # fmt: skip
    return table


def threads_table(threads: Sequence[Thread]) -> Table:
    table = Table(title="Threads")
    table.add_column("thread", no_wrap=True)
    table.add_column("title (largest story)", ratio=3)
    table.add_column("span", no_wrap=True)
    table.add_column("stories", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("key entities", ratio=2)
    for t in threads:
        table.add_row(
            t.id, escape(clip(t.title, _TITLE_WIDTH)), _span(t.first, t.last), str(t.stories),
            str(t.size), escape(_names(t.entities)),
        )  # fmt: skip
    return table


def build_stories(store: Store, embedder: str | None, *, show_bar: bool) -> str:
    """Run :func:`update_stories` with a progress bar; returns a one-line summary."""
    from dateline.stories import update_stories  # noqa: PLC0415 - loads numpy/onnxruntime

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=err, transient=True, disable=not show_bar) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        chosen = embedder or (_backend(store) if store.get_meta("story_model") else None)
        report = update_stories(store, embedder=chosen, progress=progress)
    return (
        f"stories: {report.assigned} article(s) assigned — {report.joined} joined a story,"
        f" {report.new_stories} new stories, {report.new_threads} new threads,"
        f" {report.duplicates} near-duplicates with their original ({report.model})"
    )


def _backend(store: Store) -> str | None:
    """The registered backend name whose model built this store's stories."""
    model = store.get_meta("story_model") or ""
    return "hashing" if model.startswith("hashing") else "minilm"


@stories_app.callback()
def stories_command(
    ctx: typer.Context,
    db: DbOption = None,
    thread: Annotated[
        str | None, typer.Option(help="Only the stories of this thread (id or prefix).")
    ] = None,
    min_size: Annotated[
        int, typer.Option(help="Only stories with at least this many articles.")
    ] = 1,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """List stories, largest first: id, title, date span, size, key entities, thread."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = db
        return
    from dateline.stories import list_stories  # noqa: PLC0415

    try:
        with Store.open(db) as store:
            stories = list_stories(store, limit=limit, thread=thread, min_size=min_size)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json([story_record(s) for s in stories])
    else:
        out.print(stories_table(stories))


def _db(ctx: typer.Context, db: object) -> object:
    return db if db is not None else ctx.obj


@stories_app.command("update")
def stories_update(
    ctx: typer.Context, db: DbOption = None, embedder: EmbedderOption = None
) -> None:
    """Embed new articles and assign them to stories and threads (ingest does this too)."""
    try:
        with Store.open(_db(ctx, db)) as store:  # type: ignore[arg-type]
            out.print(build_stories(store, embedder, show_bar=err.is_terminal))
    except DatelineError as exc:
        raise fail(exc) from exc


@stories_app.command("rebuild")
def stories_rebuild(
    ctx: typer.Context, db: DbOption = None, embedder: EmbedderOption = None
) -> None:
    """Forget all stories and threads and cluster every article again, features recomputed
    (e.g. with another --embedder, or after an upgrade); recorded merges and splits are applied
    again."""
    from dateline.stories import rebuild_stories  # noqa: PLC0415

    try:
        with Store.open(_db(ctx, db)) as store:  # type: ignore[arg-type]
            report = rebuild_stories(store, embedder=embedder)
    except DatelineError as exc:
        raise fail(exc) from exc
    out.print(
        f"rebuilt: {report.assigned} articles in {report.new_stories} stories,"
        f" {report.new_threads} threads ({report.model})"
    )


@stories_app.command("merge")
def stories_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The story to keep (id or unique prefix).")],
    other: Annotated[str, typer.Argument(help="The story whose articles move into KEEP.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge story OTHER into KEEP; later ingests put articles like OTHER's into KEEP."""
    from dateline.stories import merge_stories  # noqa: PLC0415

    try:
        with Store.open(_db(ctx, db)) as store:  # type: ignore[arg-type]
            story = merge_stories(store, keep, other)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(story_record(story))
    else:
        out.print(stories_table([story], title="Merged"))


@stories_app.command("split")
def stories_split(
    ctx: typer.Context,
    story_id: Annotated[str, typer.Argument(metavar="STORY", help="The story to split.")],
    articles: Annotated[
        list[str],
        typer.Option("--articles", help="Article ids (or prefixes) to move into a new story."),
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Move some articles of a story into a new story of the same thread."""
    from dateline.stories import split_story  # noqa: PLC0415

    ids = [a for given in articles for a in given.replace(",", " ").split()]
    try:
        with Store.open(_db(ctx, db)) as store:  # type: ignore[arg-type]
            story = split_story(store, story_id, ids)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(story_record(story))
    else:
        out.print(stories_table([story], title="New story"))


def story_command(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id or unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One story: its title, span, key entities, thread, and member articles."""
    from dateline.stories import get_story, story_members  # noqa: PLC0415

    try:
        with Store.open(db) as store:
            story = get_story(store, story_id)
            members = story_members(store, story.id)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json({**story_record(story), "articles": [member_record(m) for m in members]})
        return
    out.print(stories_table([story], title="Story"))
    table = Table(title=f"{len(members)} article(s)")
    table.add_column("article", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("similarity", justify="right")
    table.add_column("how")
    for m in members:
        table.add_row(
            m.article_id, str(m.published or ""), escape(m.title or ""), f"{m.similarity:.2f}",
            m.how + (f" of {m.duplicate_of}" if m.duplicate_of else ""),
        )  # fmt: skip
    out.print(table)


def threads_command(
    db: DbOption = None,
    min_stories: Annotated[
        int, typer.Option(help="Only threads linking at least this many stories.")
    ] = 1,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """List threads (long-running topics), those linking the most stories first."""
    from dateline.stories import list_threads  # noqa: PLC0415

    try:
        with Store.open(db) as store:
            threads = list_threads(store, limit=limit, min_stories=min_stories)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json([thread_record(t) for t in threads])
    else:
        out.print(threads_table(threads))


def thread_command(
    thread_id: Annotated[str, typer.Argument(metavar="ID", help="Thread id or unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One thread and its stories in date order."""
    from dateline.stories import get_thread, thread_stories  # noqa: PLC0415

    try:
        with Store.open(db) as store:
            thread = get_thread(store, thread_id)
            stories = thread_stories(store, thread.id)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json({**thread_record(thread), "stories": [story_record(s) for s in stories]})
        return
    out.print(threads_table([thread]))
    out.print(stories_table(stories, title="Its stories, oldest first"))


def related_command(
    article_id: Annotated[str, typer.Argument(metavar="ARTICLE_ID", help="Article id or prefix.")],
    db: DbOption = None,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
) -> None:
    """Earlier coverage: the stories of the article's thread that began before its story."""
    from dateline.stories import related_stories, story_of  # noqa: PLC0415

    try:
        with Store.open(db) as store:
            own = story_of(store, article_id)
            earlier = related_stories(store, article_id, limit=limit)
    except DatelineError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json({"story": story_record(own), "earlier": [story_record(s) for s in earlier]})
        return
    out.print(stories_table([own], title="Its story"))
    if earlier:
        out.print(stories_table(earlier, title="Earlier coverage (same thread), newest first"))
    else:
        out.print("No earlier coverage in this thread.")


def add_story_commands(app: typer.Typer) -> None:
    app.add_typer(stories_app, name="stories")
    app.command("story")(story_command)
    app.command("threads")(threads_command)
    app.command("thread")(thread_command)
    app.command("related")(related_command)
