"""Options and helpers shared by the CLI modules."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from dateline.errors import DatelineError

__all__ = [
    "DbOption",
    "JsonOption",
    "LimitOption",
    "clip",
    "err",
    "fail",
    "out",
    "parse_day",
    "print_json",
]

out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="DATELINE_DB",
        help="SQLite database file [default: ./dateline.db, or $DATELINE_DB].",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
LimitOption = Annotated[
    int | None, typer.Option(help="Show at most this many rows.", show_default=False)
]


def fail(exc: DatelineError) -> typer.Exit:
    err.print(f"[red]error[/red] {escape(str(exc))}")
    return typer.Exit(code=2)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def parse_day(value: str | None, option: str) -> date | None:
    """A ``YYYY-MM-DD`` option value, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from exc


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"
