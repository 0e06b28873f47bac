"""Inputs a careless caller or an attacker gives (issue 19): what is written reads back,
a wrong type is a DanvanError, and work and memory stay bounded."""

from __future__ import annotations

import tracemalloc
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    DanvanError,
    InvalidTypeError,
    InvalidValueError,
    Level,
    ParseError,
    Unit,
    UnitKind,
    find_place,
    format_date,
    parse_date,
    parse_number,
)
from danvan._text import MAX_MARKS, cut_marks, long_run


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_date_line_with_any_place_reads_back_or_is_refused(place: str, day: date) -> None:
    """format_date(place=...) writes only what parse_date reads back: a place with a
    comma, a line break, or not starting with a letter is refused when written, not
    written into a line nobody can read ("Hà Tĩnh, Việt Nam, ngày …" could not be)."""
    try:
        line = format_date(day, style="long", place=place)
    except (InvalidValueError, InvalidTypeError):
        return
    assert parse_date(line) == day


def test_a_place_with_a_comma_is_refused_in_one_line() -> None:
    with pytest.raises(InvalidValueError, match="no comma or line break"):
        format_date(date(2020, 3, 17), style="long", place="Hà Tĩnh, Việt Nam")


def test_a_unit_asked_about_a_datetime_says_so() -> None:
    """Unit.exists_on(datetime) is an InvalidTypeError naming the way out, not the bare
    TypeError of comparing a datetime with a date."""
    unit = Unit(id="a", name="Xã A", kind=UnitKind.OTHER, level=Level.COMMUNE)
    with pytest.raises(InvalidTypeError, match=r"pass its \.date\(\)"):
        unit.exists_on(datetime(2020, 1, 1, 8))
    assert unit.exists_on(date(2020, 1, 1))


@given(st.text(st.sampled_from("a\u0301\u0323\u0300 "), max_size=200))
def test_marks_are_cut_to_the_stream_safe_limit(text: str) -> None:
    """Oracle: cut_marks keeps every character of a text without a long run, and of a
    text with one it keeps the text less the marks past the limit of each run."""
    cut = cut_marks(text)
    assert long_run(cut) is None
    if long_run(text) is None:
        assert cut == text
    run, expected = 0, []
    for char in text:
        run = run + 1 if char in "\u0301\u0323\u0300" else 0
        if run <= MAX_MARKS:
            expected.append(char)
    assert cut == "".join(expected)


def test_distinct_long_inputs_do_not_fill_memory() -> None:
    """Sixty distinct 100 KB inputs to parse_number and to find_place keep no copy of
    them: the caches hold short keys only (60 parse_number calls on 1 MB clusters once
    reached 1,3 GB)."""
    find_place("Hà Tĩnh", as_of=date(2026, 1, 1))  # the map is loaded once, first
    parse_number("1.798.702.098")
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for n in range(60):
            text = chr(0x1E00 + n) * 100_000
            with pytest.raises(DanvanError):
                parse_number(text)
            with pytest.raises(DanvanError):
                find_place(text, as_of=date(2026, 1, 1))
            with pytest.raises(ParseError):
                parse_number("1" + "\u0301" * 40 + str(n))
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert after - before < 2_000_000
