"""parse_date: the metadata formats seen in the readers' inputs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from dateline.normalize import parse_date

EDT = timezone(timedelta(hours=-4))
BST = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("value", "day", "instant"),
    [
        ("2009-05-12", date(2009, 5, 12), None),
        ("  2009-05-12\n", date(2009, 5, 12), None),
        ("2009-05-12T10:00:00Z", date(2009, 5, 12), datetime(2009, 5, 12, 10, tzinfo=UTC)),
        ("2009-05-12 10:00:00", date(2009, 5, 12), datetime(2009, 5, 12, 10, tzinfo=UTC)),
        (
            "2009-05-12T23:30:00-04:00",
            date(2009, 5, 12),
            datetime(2009, 5, 12, 23, 30, tzinfo=EDT),
        ),
        ("2009-05-12T10:00:00.123+0100", date(2009, 5, 12), datetime(2009, 5, 12, 10, tzinfo=BST)),
        ("2009-05-12T10:00", date(2009, 5, 12), datetime(2009, 5, 12, 10, tzinfo=UTC)),
        ("2009/05/12", date(2009, 5, 12), None),
        (
            "Tue, 12 May 2009 08:56:00 -0400",
            date(2009, 5, 12),
            datetime(2009, 5, 12, 8, 56, tzinfo=EDT),
        ),
        (
            "Tue, 12 May 2009 08:56:00 GMT",
            date(2009, 5, 12),
            datetime(2009, 5, 12, 8, 56, tzinfo=UTC),
        ),
        ("May 12, 2009", date(2009, 5, 12), None),
        ("May 12 2009", date(2009, 5, 12), None),
        ("12 May 2009", date(2009, 5, 12), None),
        ("Sept. 5, 2009", date(2009, 9, 5), None),
        ("october 25, 2018", date(2018, 10, 25), None),
        ("Thursday, Oct. 25, 2018", date(2018, 10, 25), None),
        (
            "Tue May 12 , 2009 8:56 am EDT",
            date(2009, 5, 12),
            datetime(2009, 5, 12, 8, 56, tzinfo=EDT),
        ),
        (
            "Tue May 12, 2009 5:07 pm EDT",
            date(2009, 5, 12),
            datetime(2009, 5, 12, 17, 7, tzinfo=EDT),
        ),
        ("May 12, 2009 12:15 a.m.", date(2009, 5, 12), datetime(2009, 5, 12, 0, 15, tzinfo=UTC)),
        (
            "Tuesday 12 May 2009 16.36 BST",
            date(2009, 5, 12),
            datetime(2009, 5, 12, 16, 36, tzinfo=BST),
        ),
        ("May 12, 2009 8:56 am XYZ", date(2009, 5, 12), None),  # unknown zone: day only
        ("1242118560", date(2009, 5, 12), datetime(2009, 5, 12, 8, 56, tzinfo=UTC)),
        ("1242118560.5", date(2009, 5, 12), datetime(2009, 5, 12, 8, 56, 0, 500000, tzinfo=UTC)),
        ("1242118560000", date(2009, 5, 12), datetime(2009, 5, 12, 8, 56, tzinfo=UTC)),
    ],
)
def test_parses(value: str, day: date, instant: datetime | None) -> None:
    assert parse_date(value) == (day, instant)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "yesterday",
        "Tuesday",
        "May 12",
        "2009",
        "2009-13-01",
        "2009-02-30",
        "Feb 30, 2009",
        "1799-12-31",
        "2101-01-01",
        "May 12, 1750",
        "May 12, 2009 25:00",
        "May 12, 2009 13:00 pm",
        "12345",
        "99999999999999",
        "2009-05-12 and more",
        "not a date May 12, 2009",
    ],
)
def test_rejects(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["2009-05-12T10:00:00Z", "12 May 2009 10:00", "1242118560"])
def test_times_are_always_aware(value: str) -> None:
    parsed = parse_date(value)
    assert parsed is not None
    assert parsed[1] is not None
    assert parsed[1].tzinfo is not None


def test_keeps_the_day_as_written_not_the_utc_day() -> None:
    parsed = parse_date("2009-05-12T23:30:00-04:00")
    assert parsed is not None
    assert parsed[0] == date(2009, 5, 12)
    assert parsed[1] is not None
    assert parsed[1].astimezone(UTC).date() == date(2009, 5, 13)
