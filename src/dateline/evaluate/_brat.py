"""Read brat standoff attribution annotations (PolNeAR) into typed records.

PolNeAR (Newell, Margolin & Ruths 2018) annotates each attribution as a brat event ``E`` whose
roles point at text-bound spans ``T``: ``Source``, ``Cue``, ``Content`` (and ``Content2`` for a
second content part), plus the event trigger ``Attribution`` or ``Attribution-no-source``.
Spans may be discontinuous (``T9	Content 315 448;463 553	...``): a quote split around its cue is
one content with two fragments. ``Discard`` and ``Discuss`` spans are annotator bookkeeping, not
attributions, and are ignored. ``#`` annotator notes are ignored too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError

__all__ = [
    "Attribution",
    "BratDocument",
    "BratSpan",
    "parse_ann",
    "read_polnear",
]

# Roles whose fragments are merged into one content (a second content part of the same quote).
_CONTENT_ROLES = ("Content", "Content2")


@dataclass(frozen=True, slots=True)
class BratSpan:
    """A text-bound annotation: one or more ``[start, end)`` fragments into the article text."""

    label: str
    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    def text(self, document: str) -> str:
        """The fragments' text joined by a space."""
        return " ".join(document[a:b] for a, b in self.fragments)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One gold attribution relation; ``source`` is ``None`` for ``Attribution-no-source``."""

    id: str
    source: BratSpan | None
    cue: BratSpan | None
    content: BratSpan | None


@dataclass(frozen=True, slots=True)
class BratDocument:
    """An article text with the attributions of one annotator.

    :param annotator: the annotator id taken from the ``_<id>.ann`` file name.
    :param annotators: how many annotators' files exist for this article (only the first by
        name is read).
    """

    name: str
    text: str
    attributions: tuple[Attribution, ...]
    annotator: str | None
    annotators: int = 1


def _fragments(offsets: str) -> tuple[tuple[int, int], ...]:
    pieces = []
    for part in offsets.split(";"):
        a, b = part.split()
        pieces.append((int(a), int(b)))
    return tuple(sorted(pieces))


def parse_ann(ann: str) -> tuple[Attribution, ...]:
    """Parse the text of one ``.ann`` file into attributions, in file order of their events."""
    spans: dict[str, BratSpan] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        ident, body = fields[0], fields[1]
        if ident.startswith("T"):
            label, _, offsets = body.partition(" ")
            spans[ident] = BratSpan(label, _fragments(offsets))
        elif ident.startswith("E"):
            roles: dict[str, list[str]] = {}
            for item in body.split():
                role, _, target = item.partition(":")
                roles.setdefault(role, []).append(target)
            events.append((ident, roles))
    result = []
    for ident, roles in events:

        def first(role: str, roles: dict[str, list[str]] = roles) -> BratSpan | None:
            targets = [t for t in roles.get(role, []) if t in spans]
            return spans[targets[0]] if targets else None

        content_frags: list[tuple[int, int]] = []
        for role in _CONTENT_ROLES:
            for target in roles.get(role, []):
                if target in spans:
                    content_frags.extend(spans[target].fragments)
        content = BratSpan("Content", tuple(sorted(content_frags))) if content_frags else None
        result.append(Attribution(ident, first("Source"), first("Cue"), content))
    return tuple(result)


def read_polnear(root: Path, split: str) -> Iterator[BratDocument]:
    """Yield the articles of one PolNeAR split (``train``, ``dev``) sorted by name.

    ``root`` is the folder holding ``train/`` and ``dev/`` (each with ``text/`` and
    ``attributions/``). Where several annotators annotated an article, the first ``.ann`` file
    by name is used, so the choice is deterministic and independent of the machine.
    """
    folder = root / split
    texts = folder / "text"
    if not texts.is_dir():
        raise InputError("E001", path=str(texts))
    ann_dir = folder / "attributions"
    for text_path in sorted(texts.glob("*.txt")):
        name = text_path.stem
        candidates = sorted(ann_dir.glob(f"{name}_*.ann"))
        # a name may be a prefix of another article's name: keep files whose suffix is one id
        candidates = [p for p in candidates if "_" not in p.stem[len(name) + 1 :]]
        if not candidates:
            continue
        chosen = candidates[0]
        yield BratDocument(
            name=name,
            text=text_path.read_bytes().decode("utf-8"),
            attributions=parse_ann(chosen.read_text(encoding="utf-8")),
            annotator=chosen.stem[len(name) + 1 :],
            annotators=len(candidates),
        )
