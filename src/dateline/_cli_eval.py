"""``dateline eval …``: score the annotators against the research datasets in ../shared/eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Protocol

import typer
from rich.console import Console
from rich.table import Table

from dateline.errors import DatelineError, message

__all__ = ["eval_app"]

eval_app = typer.Typer(
    help="Score dateline against the evaluation datasets (default: ../shared/eval/...).",
    no_args_is_help=True,
)
_out = Console()
_err = Console(stderr=True)

# Datasets are read where they live, never copied into the repository (licences).
_EVAL_ROOT = Path("..") / "shared" / "eval"
_DEFAULTS = {
    "timex": _EVAL_ROOT / "tempeval3" / "TBAQ-cleaned",
    "quotes": _EVAL_ROOT / "polnear",
    "figures": _EVAL_ROOT / "gva_shooting_articles",
    "clusters": _EVAL_ROOT / "gva_violent_corpus",
    "tls": _EVAL_ROOT / "timeline17",
}


class _Scores(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


_Evaluate = Callable[..., _Scores]

SplitOption = Annotated[
    str | None,
    typer.Option(help="train/dev/test or train/val/test where the dataset has them."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(help="Write the raw predictions (JSONL, one record per document) here."),
]


def _flatten(prefix: str, value: Any, rows: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), inner, rows)
    elif isinstance(value, float):
        rows.append((prefix, f"{value:.4f}"))
    elif isinstance(value, list | tuple):
        rows.append((prefix, ", ".join(str(v) for v in value)))
    else:
        rows.append((prefix, str(value)))


def _run(
    task: str,
    load: Callable[[], _Evaluate],
    data: Path | None,
    *,
    split: str | None,
    as_json: bool,
    output: Path | None,
    output_is_file: bool = False,
) -> None:
    folder = data if data is not None else _DEFAULTS[task]
    if not folder.exists():
        _err.print(f"[red]error[/red] E204: {message('E204', path=folder)}", soft_wrap=True)
        raise typer.Exit(code=2)
    if output is not None:
        (output.parent if output_is_file else output).mkdir(parents=True, exist_ok=True)
    try:
        scores = load()(folder, split=split, output=output).to_dict()
    except DatelineError as exc:
        _err.print(f"[red]error[/red] {exc}", soft_wrap=True, highlight=False)
        raise typer.Exit(code=2) from exc
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
        return
    rows: list[tuple[str, str]] = []
    _flatten("", scores, rows)
    table = Table(
        title=f"dateline eval {task}" + (f" ({split})" if split else ""), caption=str(folder)
    )
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(name, value)
    _out.print(table)


DataOption = Annotated[
    Path | None,
    typer.Option(
        help="Dataset folder [default: the dataset under ../shared/eval].", show_default=False
    ),
]


@eval_app.command("timex")
def eval_timex(
    data: DataOption = None,
    split: SplitOption = None,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Time expressions on TempEval-3 TimeML: extraction strict/relaxed F1, value F1, type."""

    def load() -> _Evaluate:
        from dateline.evaluate.timex import evaluate_timex  # noqa: PLC0415  (imports spaCy)

        return evaluate_timex

    _run("timex", load, data, split=split, as_json=as_json, output=output)


@eval_app.command("quotes")
def eval_quotes(
    data: DataOption = None,
    split: SplitOption = None,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Quote attribution on PolNeAR: source- and content-span P/R/F1, exact and overlap."""

    def load() -> _Evaluate:
        from dateline.evaluate.quotes import evaluate_quotes  # noqa: PLC0415  (imports spaCy)

        return evaluate_quotes

    _run("quotes", load, data, split=split, as_json=as_json, output=output)


@eval_app.command("figures")
def eval_figures(
    data: DataOption = None,
    split: SplitOption = None,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Figures on GVA shooting reports: killed/injured exact accuracy (vs. always-0), date."""

    def load() -> _Evaluate:
        from dateline.evaluate.figures import evaluate_figures  # noqa: PLC0415  (imports spaCy)

        return evaluate_figures

    _run("figures", load, data, split=split, as_json=as_json, output=output)


@eval_app.command("clusters")
def eval_clusters(
    data: DataOption = None,
    level: Annotated[
        str, typer.Option(help="story (events: GVA incidents, ECB+ subtopics) or thread (topics).")
    ] = "story",
    as_json: JsonOption = False,
    output: Annotated[
        Path | None,
        typer.Option(
            help="Write the predicted assignment as JSONL: document, article_id, story_id,"
            " thread_id, gold.",
            show_default=False,
        ),
    ] = None,
    embedder: Annotated[
        str | None, typer.Option(help="Embedding backend: minilm or hashing [default: minilm].")
    ] = None,
    batches: Annotated[
        int,
        typer.Option(
            help="Also cluster in this many date-ordered batches and report the agreement with"
            " clustering all at once."
        ),
    ] = 1,
    limit: Annotated[
        int | None, typer.Option(help="Only the first N documents.", show_default=False)
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            help="Keep the evaluation store in this file (re-used: stored articles are not"
            " ingested again) [default: a temporary file].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Story/thread clustering: B-cubed P/R/F1 on GVA violent corpus, ECB+, WikiRef220 or
    Timeline17 (all folders pooled), beside the every-document-alone baseline."""

    def load() -> _Evaluate:
        from dateline.evaluate.clusters import evaluate_clusters  # noqa: PLC0415

        def run(folder: Path, *, split: str | None, output: Path | None) -> _Scores:
            del split  # these datasets are the dev parts already
            return evaluate_clusters(
                folder, level=level, embedder=embedder, batches=batches, limit=limit,
                output=output, db=db,
            )  # fmt: skip

        return run

    _run("clusters", load, data, split=None, as_json=as_json, output=output, output_is_file=True)


@eval_app.command("tls")
def eval_tls(
    data: DataOption = None,
    as_json: JsonOption = False,
    output: Annotated[
        Path | None,
        typer.Option(
            help="Write every system timeline (<topic>/<reference>.txt), the trivial baseline's"
            " (<topic>/<reference>.baseline.txt) and scores.json here, in tilse's text format.",
            show_default=False,
        ),
    ] = None,
    topic: Annotated[
        list[str] | None,
        typer.Option(help="Only this topic folder (repeatable).", show_default=False),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            help="Keep the evaluation store in this file [default: a temporary file].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Timeline summarization on Timeline17: AR-1, AR-2 (tilse's many-to-one alignment ROUGE)
    and date F1 per reference timeline and averaged, beside the days-with-most-articles
    baseline."""
    folder = data if data is not None else _DEFAULTS["tls"]
    if not folder.exists():
        _err.print(f"[red]error[/red] E204: {message('E204', path=folder)}", soft_wrap=True)
        raise typer.Exit(code=2)
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
    from dateline.evaluate.tls import evaluate_tls  # noqa: PLC0415  (imports spaCy)

    try:
        scores = evaluate_tls(folder, output=output, db=db, topics=topic or None)
    except DatelineError as exc:
        _err.print(f"[red]error[/red] {exc}", soft_wrap=True, highlight=False)
        raise typer.Exit(code=2) from exc
    if as_json:
        sys.stdout.write(json.dumps(scores.to_dict(), indent=2) + "\n")
        return
    table = Table(title="dateline eval tls: F1 per reference timeline", caption=str(folder))
    for name in ("topic", "in range", "dates", "k", "AR-1", "AR-2", "date F1"):
        table.add_column(name, justify="left" if name == "topic" else "right")
    several = len({t.topic for t in scores.per_timeline}) < len(scores.per_timeline)
    for t in scores.per_timeline:
        label = f"{t.topic}/{t.reference}" if several else t.topic
        table.add_row(
            label, str(t.articles), str(t.dates), str(t.per_date),
            f"{t.ar1.f1:.3f}", f"{t.ar2.f1:.3f}", f"{t.date.f1:.3f}",
        )  # fmt: skip
    table.add_section()
    table.add_row(
        f"mean of {scores.timelines}", "", "", "",
        f"{scores.ar1.f1:.3f}", f"{scores.ar2.f1:.3f}", f"{scores.date.f1:.3f}", style="bold",
    )  # fmt: skip
    table.add_row(
        "baseline", "", "", "", f"{scores.baseline_ar1.f1:.3f}", f"{scores.baseline_ar2.f1:.3f}",
        f"{scores.baseline_date.f1:.3f}",
    )  # fmt: skip
    _out.print(table)
    _out.print(
        "in range: articles within the reference's dates; k: sentences per date; baseline: the"
        " days with most articles, each with its articles' first sentences."
    )
    _out.print(
        f"{scores.articles} articles; ingest + annotate {scores.ingest_seconds:.0f} s, timelines"
        " and scoring"
        f" {scores.timeline_seconds:.1f} s"
    )
