"""Every CLI command and option is documented in the README (Datasette-style coverage test)."""

from __future__ import annotations

import typer.core
import typer.main

from dateline.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.core.TyperGroup, prefix: str) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = [(prefix, group)]
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            found += _commands(command, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command))
    return found


def test_every_command_and_option_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    missing = []
    for name, command in _commands(group, "dateline")[1:]:
        assert isinstance(command, typer.core.TyperCommand | typer.core.TyperGroup)
        if name not in README:
            missing.append(f"command {name}")
        for param in command.params:
            if isinstance(param, typer.core.TyperOption):
                for opt in param.opts + param.secondary_opts:
                    if opt.startswith("--") and f"`{opt}" not in README and opt not in README:
                        missing.append(f"{name} {opt}")
        assert command.help, f"command {name} has no help text"
    assert not missing, f"undocumented: {missing}"


def test_readme_starts_with_the_two_commands() -> None:
    head = README[:2500]
    assert "make demo" in head and "make test" in head
