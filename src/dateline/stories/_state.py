"""A story's or thread's clustering state as a stored blob: a JSON header, then float32s."""

from __future__ import annotations

import json
import struct
from collections import Counter
from datetime import date

import numpy as np

from dateline.store._stories import GroupRow, iso
from dateline.stories._cluster import Group

__all__ = ["group_from_row", "row_from_group", "vector_of_row"]

_HEADER = struct.Struct("<I")


def _encode(group: Group) -> bytes:
    header = json.dumps(
        {
            "count": group.count,
            "terms": dict(group.terms),
            "entities": dict(group.entities),
            "title": list(group.title),
            "stories": group.stories,
            "days": sorted(d.isoformat() for d in group.days),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    return _HEADER.pack(len(header)) + header + group.vector_sum.astype(np.float32).tobytes()


def vector_of_row(row: GroupRow) -> np.ndarray:
    (length,) = _HEADER.unpack_from(row.state)
    return np.frombuffer(row.state, dtype=np.float32, offset=_HEADER.size + length).copy()


def group_from_row(row: GroupRow) -> Group:
    (length,) = _HEADER.unpack_from(row.state)
    header = json.loads(row.state[_HEADER.size : _HEADER.size + length])
    title = header["title"]
    return Group(
        id=row.id,
        seq=row.seq,
        vector_sum=vector_of_row(row),
        count=header["count"],
        size=row.size,
        terms=Counter(header["terms"]),
        entities=Counter(header["entities"]),
        first=date.fromisoformat(row.first_date) if row.first_date else None,
        last=date.fromisoformat(row.last_date) if row.last_date else None,
        thread_id=row.thread_id or "",
        title=(float(title[0]), str(title[1]), str(title[2])),
        stories={str(k): int(v) for k, v in header["stories"].items()},
        days=_days(header, row),
        dirty=False,
    )


def _days(header: dict[str, object], row: GroupRow) -> set[date]:
    stored = header.get("days")
    if isinstance(stored, list):
        return {date.fromisoformat(str(d)) for d in stored}
    # Stored before member days were kept: the span's ends stand in for them.
    return {date.fromisoformat(d) for d in (row.first_date, row.last_date) if d}


def row_from_group(group: Group, *, story: bool, merged_into: str | None = None) -> GroupRow:
    return GroupRow(
        id=group.id,
        seq=group.seq,
        title=group.title[2],
        first_date=iso(group.first),
        last_date=iso(group.last),
        size=group.size,
        state=_encode(group),
        thread_id=group.thread_id if story else None,
        title_id=group.title[1] if story else None,
        merged_into=merged_into,
        stories=0 if story else len(group.stories),
    )
