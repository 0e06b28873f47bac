"""The catalogue of days and campaign periods: a table of facts with their sources."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan import COMMEMORATIONS, Commemoration, CommemorationKind, commemoration
from danvan.errors import InvalidTypeError, InvalidValueError, UnknownIdError
from tests.strategies import commemorations

Y, P, C = CommemorationKind.YEARLY_DAY, CommemorationKind.YEARLY_PERIOD, CommemorationKind.CAMPAIGN

# name, kind, (day, month), end (day, month) or None, since, a word the source must name.
FACTS = [
    ("Ngày truyền thống công tác Dân vận của Đảng", Y, (15, 10), None, 1930, "Bộ Chính trị"),
    ('Ngày "Dân vận" của cả nước', Y, (15, 10), None, 1999, "293-CV/TW, 14/10/1999"),
    ('Ngày "Vì người nghèo"', Y, (17, 10), None, 2000, "17/10/2000"),
    ('Tháng cao điểm "Vì người nghèo"', P, (17, 10), (18, 11), None, "17/10-18/11"),
    (
        "Ngày truyền thống Mặt trận Tổ quốc Việt Nam, Ngày hội Đại đoàn kết toàn dân tộc",
        Y,
        (18, 11),
        None,
        1930,
        "18/11/1930",
    ),
    (
        'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
        C,
        (8, 7),
        None,
        2016,
        "Thông tri số 10",
    ),
    (
        'Phong trào thi đua "Cả nước chung tay xóa nhà tạm, nhà dột nát"',
        C,
        (13, 4),
        None,
        2024,
        "13/4/2024",
    ),
]


@pytest.mark.parametrize(("name", "kind", "start", "end", "since", "cited"), FACTS)
def test_catalogue_facts(
    name: str,
    kind: CommemorationKind,
    start: tuple[int, int],
    end: tuple[int, int] | None,
    since: int | None,
    cited: str,
) -> None:
    entry = commemoration(name)
    assert entry.kind is kind
    assert (entry.day, entry.month) == start
    assert (None if entry.end_day is None else (entry.end_day, entry.end_month)) == end
    assert entry.since == since
    assert cited in entry.source


def test_the_catalogue_is_the_table() -> None:
    assert [entry.name for entry in COMMEMORATIONS] == [fact[0] for fact in FACTS]
    secondary = [entry.name for entry in COMMEMORATIONS if "secondary" in entry.source]
    assert 'Ngày "Dân vận" của cả nước' not in secondary  # read in the document itself
    assert len(secondary) == len(COMMEMORATIONS) - 1


def test_dates_in() -> None:
    month = commemoration('Tháng cao điểm "Vì người nghèo"')
    assert month.dates_in(2019) == (date(2019, 10, 17), date(2019, 11, 18))
    day = commemoration('Ngày "Dân vận" của cả nước')
    assert day.dates_in(2024) == (date(2024, 10, 15), date(2024, 10, 15))
    with pytest.raises(InvalidValueError, match="starts in 1999"):
        day.dates_in(1998)
    campaign = commemoration('Phong trào thi đua "Cả nước chung tay xóa nhà tạm, nhà dột nát"')
    assert campaign.dates_in(2024) == (date(2024, 4, 13), date(2024, 4, 13))
    with pytest.raises(InvalidValueError, match="not yearly"):
        campaign.dates_in(2025)
    with pytest.raises(InvalidTypeError):
        day.dates_in("2024")  # type: ignore[arg-type]


def test_a_period_across_the_new_year_and_29_february() -> None:
    tet = Commemoration(name="Đợt", kind=P, day=20, month=12, end_day=10, end_month=1, source="x")
    assert tet.dates_in(2024) == (date(2024, 12, 20), date(2025, 1, 10))
    leap = Commemoration(name="Ngày", kind=Y, day=29, month=2, source="x")
    assert leap.dates_in(2024) == (date(2024, 2, 29), date(2024, 2, 29))
    with pytest.raises(InvalidValueError, match="no day in 2025"):
        leap.dates_in(2025)


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": Y, "day": 31, "month": 4},
        {"kind": Y, "day": 1, "month": 13},
        {"kind": Y, "day": "1", "month": 1},
        {"kind": Y, "day": 1, "month": 1, "end_day": 2, "end_month": 1},
        {"kind": P, "day": 1, "month": 1},
        {"kind": P, "day": 1, "month": 1, "end_day": 2},
        {"kind": Y, "day": 1, "month": 1, "since": 0},
    ],
)
def test_invalid_entries(fields: dict[str, object]) -> None:
    with pytest.raises((InvalidValueError, InvalidTypeError)):
        Commemoration(name="x", source="y", **fields)  # type: ignore[arg-type]


def test_unknown_name() -> None:
    with pytest.raises(UnknownIdError, match="no commemoration"):
        commemoration("Ngày không có")
    with pytest.raises(InvalidTypeError):
        commemoration(15)  # type: ignore[arg-type]


@given(commemorations(), st.integers(2000, 2100))
def test_dates_are_ordered(entry: Commemoration, year: int) -> None:
    if entry.since is not None and year < entry.since:
        return
    if entry.kind is C:
        year = entry.since  # type: ignore[assignment]
    start, end = entry.dates_in(year)
    assert start <= end
    assert (start.day, start.month) == (entry.day, entry.month)
