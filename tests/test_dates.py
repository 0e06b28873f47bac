"""Administrative dates: report datelines as written, then round trips and invariants."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from babel.dates import format_date as babel_format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan.dates import DayMonth, format_date, parse_date, weekday_name
from danvan.errors import InvalidTypeError, InvalidValueError, ParseError

# ------------------------------------------------------------------------- strategies

#: Datelines of the reports, and other provinces and towns.
REAL_PLACES = [
    "Hà Tĩnh",
    "Hồng Lĩnh",
    "Nam Định",
    "Hòa Thành",
    "Hà Nội",
    "TP. Hồ Chí Minh",
    "Tây Ninh",
    "Quảng Trị",
    "Bình Thuận",
    "Cần Thơ",
    "Đà Nẵng",
    "Bắc Giang",
    "Yên Bái",
    "Lào Cai",
    "Đắk Lắk",
    "Thừa Thiên Huế",
]
#: Syllables of place names, to make up other places.
SYLLABLES = sorted({word for place in REAL_PLACES for word in place.split()})
places = st.one_of(
    st.sampled_from(REAL_PLACES),
    st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=4).map(" ".join),
)
styles = st.sampled_from(["short", "long", "party"])
forms = st.sampled_from(["NFC", "NFD"])
#: Dates with the four-digit years that documents write.
report_dates = st.dates(min_value=date(1000, 1, 1))
#: Every day of the year, 29/02 included, without a year.
day_months = st.dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: DayMonth(d.day, d.month))

WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

# --------------------------------------------------------------------------- examples

# (short, long, date) from the reports in shared/corpus and the rules of Nghị định 30.
REPORT_DATES = [
    ("19/5/2021", "ngày 19 tháng 5 năm 2021", date(2021, 5, 19)),
    ("03/12/2021", "ngày 03 tháng 12 năm 2021", date(2021, 12, 3)),
    ("25/11/2021", "ngày 25 tháng 11 năm 2021", date(2021, 11, 25)),
    ("27/02/2020", "ngày 27 tháng 02 năm 2020", date(2020, 2, 27)),
    ("17/3/2020", "ngày 17 tháng 3 năm 2020", date(2020, 3, 17)),
    ("09/11/2020", "ngày 09 tháng 11 năm 2020", date(2020, 11, 9)),
]


@pytest.mark.parametrize(("short", "long", "d"), REPORT_DATES)
def test_report_dates_format(short: str, long: str, d: date) -> None:
    assert format_date(d) == short
    assert format_date(d, style="short") == short
    assert format_date(d, style="long") == long


@pytest.mark.parametrize(("short", "long", "d"), REPORT_DATES)
def test_report_dates_parse(short: str, long: str, d: date) -> None:
    assert parse_date(short) == d
    assert parse_date(long) == d
    assert parse_date(unicodedata.normalize("NFD", long)) == d


@pytest.mark.parametrize(
    ("d", "options", "expected"),
    [
        (
            date(2021, 5, 19),
            {"style": "long", "place": "Hà Tĩnh"},
            "Hà Tĩnh, ngày 19 tháng 5 năm 2021",
        ),
        (date(2021, 5, 19), {"place": "Hà Tĩnh"}, "Hà Tĩnh, ngày 19/5/2021"),
        (date(1997, 10, 1), {"style": "party"}, "ngày 01-10-1997"),
        (date(2020, 2, 27), {"style": "party"}, "ngày 27-02-2020"),
        (date(2021, 5, 19), {"style": "party"}, "ngày 19-5-2021"),
        (date(2020, 11, 9), {"weekday": True}, "Thứ hai, ngày 09/11/2020"),
        (date(2020, 11, 8), {"weekday": True}, "Chủ nhật, ngày 08/11/2020"),
        (
            date(2020, 11, 9),
            {"style": "long", "weekday": True},
            "Thứ hai, ngày 09 tháng 11 năm 2020",
        ),
        (date(2021, 2, 1), {"style": "long"}, "ngày 01 tháng 02 năm 2021"),
        (date(2021, 1, 5), {}, "05/01/2021"),
        (date(2021, 10, 10), {}, "10/10/2021"),
        (date(2021, 9, 9), {}, "09/9/2021"),
        (date(2024, 2, 29), {}, "29/02/2024"),
        (date(2023, 12, 31), {}, "31/12/2023"),
        (DayMonth(30, 10), {}, "30/10"),
        (DayMonth(3, 2), {}, "03/02"),
        (DayMonth(30, 10), {"style": "long"}, "ngày 30 tháng 10"),
        (DayMonth(1, 10), {"style": "party"}, "ngày 01-10"),
    ],
)
def test_format_examples(d: date | DayMonth, options: dict[str, object], expected: str) -> None:
    assert format_date(d, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 03/12/2021", date(2021, 12, 3)),
        ("Hà Tĩnh, ngày 19 tháng 5 năm 2021", date(2021, 5, 19)),
        ("Hà Tĩnh, ngày 19/5/2021", date(2021, 5, 19)),
        ("TP. Hồ Chí Minh, ngày 25 tháng 11 năm 2021", date(2021, 11, 25)),
        ("01-10-1997", date(1997, 10, 1)),
        ("ngày 01-10-1997", date(1997, 10, 1)),
        ("Thứ hai - 09/11/2020 10:00", date(2020, 11, 9)),
        ("Thứ hai - 09/11/2020", date(2020, 11, 9)),
        ("Thứ hai, ngày 09/11/2020", date(2020, 11, 9)),
        ("thứ Hai, ngày 09/11/2020", date(2020, 11, 9)),  # CLDR's capitals
        ("Chủ nhật, ngày 08/11/2020", date(2020, 11, 8)),
        ("09/11/2020 10:00", date(2020, 11, 9)),
        ("ngày mồng 01 tháng 02 năm 2021", date(2021, 2, 1)),
        ("mồng 1 tháng 2 năm 2021", date(2021, 2, 1)),
        ("ngày 3/12/2021", date(2021, 12, 3)),
        ("27/2/2020", date(2020, 2, 27)),
        ("19/05/2021", date(2021, 5, 19)),
        ("9/11/2020", date(2020, 11, 9)),
        ("ngày 17 tháng 03 năm 2020", date(2020, 3, 17)),
        ("  19/5/2021  ", date(2021, 5, 19)),
        ("29/02/2024", date(2024, 2, 29)),
        ("30/10", DayMonth(30, 10)),
        ("ngày 30 tháng 10", DayMonth(30, 10)),
        ("29/02", DayMonth(29, 2)),
        (unicodedata.normalize("NFD", "Hà Tĩnh, ngày 19 tháng 5 năm 2021"), date(2021, 5, 19)),
        (unicodedata.normalize("NFD", "Thứ hai - 09/11/2020 10:00"), date(2020, 11, 9)),
        (unicodedata.normalize("NFD", "ngày mồng 01 tháng 02 năm 2021"), date(2021, 2, 1)),
        (unicodedata.normalize("NFD", "Chủ nhật, ngày 08/11/2020"), date(2020, 11, 8)),
    ],
)
def test_parse_tolerance(text: str, expected: date | DayMonth) -> None:
    result = parse_date(text)
    assert result == expected
    assert type(result) is type(expected)


def test_place_named_by_a_number() -> None:
    # Nghị định 30/2020, Phụ lục I: a ward named by a number is written in full as the
    # place, "Phường 12, ngày ...".
    assert parse_date("Phường 12, ngày 19 tháng 5 năm 2021") == date(2021, 5, 19)


def test_weekdays_of_a_week() -> None:
    monday = date(2020, 11, 9)  # "Thứ hai - 09/11/2020"
    names = [weekday_name(monday + timedelta(days=i)) for i in range(7)]
    assert names == WEEKDAYS


def test_day_month() -> None:
    assert str(DayMonth(3, 2)) == "03/02"
    assert str(DayMonth(30, 10)) == "30/10"
    assert DayMonth(30, 10).in_year(2021) == date(2021, 10, 30)
    assert DayMonth(29, 2).in_year(2024) == date(2024, 2, 29)
    with pytest.raises(InvalidValueError):
        DayMonth(29, 2).in_year(2021)


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("31/02/2021", {0, 3}),
        ("29/02/2021", {0, 3, 6}),
        ("31/4/2021", {0, 3}),
        ("00/5/2021", {0}),
        ("19/13/2021", {0, 3}),
        ("32/10", {0}),
        ("30/02", {0, 3}),
        ("Thứ ba, 09/11/2020", {0, 8}),
        ("Chủ nhật, ngày 09/11/2020", {0, 15}),
        ("Thứ hai, 30/10", {0, 9}),  # a weekday needs a year to check
        ("19/5/21", {4, 5}),
        ("", {0}),
        ("abc", {0}),
        ("   ", {0, 3}),
        ("19/5/2021 abc", {9, 10}),
        ("09/11/2020 25:00", {11}),
        ("ngày 19 tháng 13 năm 2021", {5, 14}),
        ("Hà Tĩnh, ngày 31/02/2021", {14, 17}),
        ("19-5/2021", {0, 2, 4}),
    ],
)
def test_parse_errors(text: str, positions: set[int]) -> None:
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.text == text
    assert info.value.position in positions
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("31/02/2021", "31/02/2021"),
        ("29/02/2021", "29/02/2021"),
        ("ngày 31 tháng 4 năm 2021", "31/04/2021"),
        ("32/10", "32/10"),
    ],
)
def test_impossible_dates_are_named(text: str, named: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert named in str(info.value)


def test_nfd_error_positions_point_into_the_given_text() -> None:
    bad = unicodedata.normalize("NFD", "Hà Tĩnh, ngày 31/02/2021")
    assert bad != unicodedata.normalize("NFC", bad)
    with pytest.raises(ParseError) as info:
        parse_date(bad)
    assert bad[info.value.position] in "30"
    assert info.value.text == bad
    weekday = unicodedata.normalize("NFD", "Hà Tĩnh, Thứ ba, ngày 09/11/2020")
    with pytest.raises(ParseError) as info:
        parse_date(weekday)
    assert weekday[info.value.position :].startswith(("T", "09"))


@pytest.mark.parametrize(
    "text",
    [
        "Thứ haı, 09/11/2020",  # dotless i: matches "hai" when case is ignored
        "Thứ haİ, 09/11/2020",  # capital I with a dot
        "Thứ ſáu, 13/11/2020",  # long s
    ],
)
def test_letters_that_fold_to_weekday_letters(text: str) -> None:
    # Whatever the parser makes of them, it must not fail with anything but ParseError.
    try:
        result = parse_date(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
    else:
        assert result == parse_date(text[text.index(",") + 2 :])


def test_day_month_errors() -> None:
    with pytest.raises(InvalidValueError):
        DayMonth(30, 2)
    with pytest.raises(InvalidValueError):
        DayMonth(31, 4)
    with pytest.raises(InvalidValueError):
        DayMonth(0, 5)
    with pytest.raises(InvalidValueError):
        DayMonth(5, 13)
    with pytest.raises(InvalidValueError):
        format_date(DayMonth(3, 2), weekday=True)


def _call(
    build: Callable[..., object], args: tuple[object, ...], kwargs: dict[str, object]
) -> str:
    shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{getattr(build, '__name__', build)}({', '.join(shown)})"


WRONG_TYPES: list[tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = [
    (format_date, ("2021-05-19",), {}),
    (format_date, (20210519,), {}),
    (format_date, (None,), {}),
    (format_date, (date(2021, 5, 19),), {"place": 5}),
    (parse_date, (20210519,), {}),
    (parse_date, (None,), {}),
    (parse_date, (b"19/5/2021",), {}),
    (weekday_name, ("2020-11-09",), {}),
    (weekday_name, (DayMonth(9, 11),), {}),
    (DayMonth, ("30", 10), {}),
    (DayMonth, (30, "10"), {}),
    (DayMonth, (True, 10), {}),
    (DayMonth, (30.0, 10), {}),
]


@pytest.mark.parametrize(
    ("build", "args", "kwargs"), WRONG_TYPES, ids=[_call(*case) for case in WRONG_TYPES]
)
def test_wrong_types(
    build: Callable[..., object], args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    with pytest.raises(InvalidTypeError):
        build(*args, **kwargs)


@pytest.mark.parametrize("options", [{"style": "medium"}, {"place": ""}, {"place": "  "}])
def test_bad_options(options: dict[str, object]) -> None:
    with pytest.raises(InvalidValueError):
        format_date(date(2021, 5, 19), **options)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- round trips


@given(report_dates, styles, st.none() | places, st.booleans(), forms)
def test_parse_inverts_format(
    d: date, style: str, place: str | None, weekday: bool, form: str
) -> None:
    text = format_date(d, style=style, place=place, weekday=weekday)  # type: ignore[arg-type]
    assert parse_date(unicodedata.normalize(form, text)) == d


@given(st.dates(max_value=date(999, 12, 31)), styles)
def test_years_before_1000_are_refused(d: date, style: str) -> None:
    # Documents write four-digit years and parse_date refuses shorter ones ("19/5/21" could
    # be any century), so format_date refuses to write a year it could not read back.
    with pytest.raises(InvalidValueError):
        format_date(d, style=style)  # type: ignore[arg-type]


@given(day_months, styles, st.none() | places, forms)
def test_day_month_round_trip(dm: DayMonth, style: str, place: str | None, form: str) -> None:
    text = format_date(dm, style=style, place=place)  # type: ignore[arg-type]
    result = parse_date(unicodedata.normalize(form, text))
    assert result == dm
    assert type(result) is DayMonth
    assert parse_date(str(dm)) == dm


@given(report_dates, st.sampled_from(["", "10:00", "lúc 14:30", "- 08:05"]))
def test_a_time_after_the_date_is_dropped(d: date, time: str) -> None:
    assert parse_date(f"{format_date(d, weekday=True)} {time}") == d


@given(report_dates, st.integers(1, 6))
def test_a_wrong_weekday_is_an_error(d: date, shift: int) -> None:
    wrong = WEEKDAYS[(d.weekday() + shift) % 7]
    text = f"{wrong}, {format_date(d, style='long')}"
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert 0 <= info.value.position < len(text)
    right = f"{weekday_name(d)} - {format_date(d)}"
    assert parse_date(right) == d


# -------------------------------------------------------------------------- invariants


def _month_text(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


@given(report_dates)
def test_padding_rule(d: date) -> None:
    # The day takes a leading zero below 10, the month only when it is 1 or 2.
    day, month, year = format_date(d).split("/")
    assert len(day) == 2
    assert int(day) == d.day
    assert len(month) == (2 if d.month <= 2 else len(str(d.month)))
    assert month == _month_text(d.month)
    assert int(year) == d.year
    long = re.fullmatch(r"ngày (\d+) tháng (\d+) năm (\d+)", format_date(d, style="long"))
    assert long is not None
    assert long.group(1) == day
    assert long.group(2) == month
    party = re.fullmatch(r"ngày (\d+)-(\d+)-(\d+)", format_date(d, style="party"))
    assert party is not None
    assert (party.group(1), party.group(2)) == (day, month)


@given(day_months)
def test_padding_rule_without_a_year(dm: DayMonth) -> None:
    assert format_date(dm) == f"{dm.day:02d}/{_month_text(dm.month)}" == str(dm)


@settings(deadline=None)  # babel loads its locale data on first use
@given(st.dates())
def test_weekday_names_match_cldr(d: date) -> None:
    name = weekday_name(d)
    assert name.lower() == babel_format_date(d, "EEEE", locale="vi").lower()
    assert name in WEEKDAYS
    assert name == WEEKDAYS[d.weekday()]


@given(report_dates, styles, st.none() | places)
def test_weekday_option_prefixes_the_weekday(d: date, style: str, place: str | None) -> None:
    plain = format_date(d, style=style, place=place)  # type: ignore[arg-type]
    with_day = format_date(d, style=style, place=place, weekday=True)  # type: ignore[arg-type]
    lead = "" if place is None else f"{place}, "
    assert with_day.startswith(f"{lead}{weekday_name(d)}, ngày ")
    assert with_day.endswith(plain.removeprefix(lead).removeprefix("ngày "))


# ------------------------------------------------------------------------------- fuzz


@given(st.text())
def test_parse_date_raises_only_parse_errors(text: str) -> None:
    try:
        result = parse_date(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
        assert exc.text == text
    else:
        assert isinstance(result, (date, DayMonth))


@given(st.text(alphabet="0123456789/-. ngàythángnămquýIVX,:", max_size=40))
def test_parse_date_on_date_like_text(text: str) -> None:
    try:
        result = parse_date(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
    else:
        assert isinstance(result, (date, DayMonth))


@given(
    report_dates,
    st.booleans(),
    st.lists(
        st.tuples(st.integers(0, 40), st.sampled_from([*"0123456789/-–, :hHıİſKaAiIsS", ""])),
        min_size=1,
        max_size=3,
    ),
)
def test_parse_date_on_damaged_datelines(
    d: date, weekday: bool, edits: list[tuple[int, str]]
) -> None:
    text = format_date(d, style="long", place="Hà Tĩnh", weekday=weekday)
    for index, char in edits:
        index %= len(text)
        text = text[:index] + char + text[index + 1 :]
    try:
        result = parse_date(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
    else:
        assert isinstance(result, (date, DayMonth))


@pytest.mark.parametrize(
    "text",
    [
        "19/5/2021" + " " * 200_000 + "x",
        "a" + " " * 200_000 + "," + " " * 200_000,
        "a" + " " * 1_000_000 + "b",
        "thứ hai" + " " * 200_000 + "1/1/2020x",
        "19/5/2021 10h" + " " * 200_000 + "x",
        "Hà Tĩnh, " * 100_000,
    ],
    ids=["after-date", "place-comma", "megabyte", "weekday", "time", "places"],
)
def test_long_adversarial_text_fails_in_linear_time(text: str) -> None:
    # Overlapping runs of white space in the pattern once made these quadratic (minutes).
    with pytest.raises(ParseError):
        parse_date(text)


def test_non_ascii_digits_and_short_years_are_refused() -> None:
    for text in ("١٩/٥/٢٠٢١", "01/1/0999"):
        with pytest.raises(ParseError):
            parse_date(text)


# ------------------------------------------- what each error says (found by mutation)
# One line naming the problem, the text and the position (STYLE.md). The reason Python's
# date() gives in brackets is left out: its wording is CPython's.
DATE_ERRORS = [
    ("31/02/2021", 0, "31/02/2021 is not a date ("),
    ("31/4/2021", 0, "31/04/2021 is not a date ("),
    ("00/5/2021", 0, "00/05/2021 is not a date ("),
    ("ngày 19 tháng 13 năm 2021", 5, "19/13/2021 is not a date ("),
    ("Hà Tĩnh, ngày 31/02/2021", 14, "31/02/2021 is not a date ("),
    ("32/10", 0, "32/10 is not a day of any year"),
    ("30/02", 0, "30/02 is not a day of any year"),
    ("Thứ ba, 09/11/2020", 0, "'Thứ ba' does not match 09/11/2020, a Thứ hai"),
    ("Chủ nhật, ngày 09/11/2020", 0, "'Chủ nhật' does not match 09/11/2020, a Thứ hai"),
    ("Thứ haı, 09/11/2020", 0, "'Thứ haı' is not a weekday"),  # a dotless ı
    ("Thứ hai, 30/10", 0, "a weekday needs a date with a year"),
    ("19/5/21", 4, "unexpected '/21' after the date"),
    ("19-5/2021", 4, "unexpected '/2021' after the date"),
    ("19/5/2021 abc de fghijklmn", 9, "unexpected ' abc de fghi' after the date"),
    ("  19/5/2021 x", 11, "unexpected ' x' after the date"),
    ("0019/5/2021", 0, "expected a date like 19/5/2021 or ngày 19 tháng 5 năm 2021"),
    ("", 0, "expected a date"),
    ("abc", 0, "expected a date"),
    ("   ", 3, "expected a date"),
    ("09/11/2020 25:00", 11, "impossible time of day"),
    ("09/11/2020 10:60", 11, "impossible time of day"),
    ("19/5/0999", 5, "documents write four-digit years, not '0999'"),
    ("ngày 5 tháng 5 năm 0999", 19, "documents write four-digit years, not '0999'"),
]


@pytest.mark.parametrize(("text", "position", "problem"), DATE_ERRORS)
def test_parse_errors_say_what_and_where(text: str, position: int, problem: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert (info.value.text, info.value.position) == (text, position)
    assert str(info.value).startswith(problem)
    assert str(info.value).endswith(f" in {text!r} at position {position}")


VALUE_ERRORS: list[tuple[Callable[[], object], type, str]] = [
    (lambda: DayMonth(30, 2), InvalidValueError, "30/2 is not a day of any year"),
    (lambda: DayMonth(0, 5), InvalidValueError, "0/5 is not a day of any year"),
    (lambda: DayMonth(5, 13), InvalidValueError, "month must be from 1 to 12, not 13"),
    (lambda: DayMonth("3", 5), InvalidTypeError, "day must be an int, not '3'"),
    (lambda: DayMonth(3, True), InvalidTypeError, "month must be an int, not True"),
    (lambda: DayMonth(29, 2).in_year(2021), InvalidValueError, "29/02 is not a date in 2021"),
    (
        lambda: DayMonth(29, 2).in_year("2021"),
        InvalidTypeError,
        "year must be an int, not str: '2021'",
    ),
    (
        lambda: DayMonth(1, 1).in_year(10**20),
        InvalidValueError,
        "01/01 is not a date in 100000000000000000000",
    ),
    (
        lambda: format_date(DayMonth(3, 2), weekday=True),
        InvalidValueError,
        "a day without a year has no weekday: 03/02",
    ),
    (
        lambda: format_date(date(999, 1, 1)),
        InvalidValueError,
        "documents write four-digit years, not datetime.date(999, 1, 1)",
    ),
    (
        lambda: format_date("x"),
        InvalidTypeError,  # type: ignore[arg-type]
        "expected a date or DayMonth, not str: 'x'",
    ),
    (
        lambda: format_date(date(2021, 5, 19), style="medium"),  # type: ignore[arg-type]
        InvalidValueError,
        "style must be 'short', 'long' or 'party', not 'medium'",
    ),
    (
        lambda: format_date(date(2021, 5, 19), place=5),  # type: ignore[arg-type]
        InvalidTypeError,
        "place must be a str, not int: 5",
    ),
    (
        lambda: format_date(date(2021, 5, 19), place=" "),
        InvalidValueError,
        "place must not be empty, not ' '",
    ),
    (
        lambda: weekday_name("x"),
        InvalidTypeError,  # type: ignore[arg-type]
        "expected a date, not str: 'x'",
    ),
    (lambda: parse_date(5), InvalidTypeError, "expected a str, not int: 5"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "error", "message"), VALUE_ERRORS)
def test_value_errors_name_the_value(
    call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The last minute of a day is read; the hour 24 and the minute 60 are not.
        ("09/11/2020 23:59", date(2020, 11, 9)),
        ("09/11/2020 24:00", 11),
        ("09/11/2020 23:60", 11),
        ("ngày 5", 5),  # a day without a month: pointed at its digit
        ("số 5", 3),
    ],
)
def test_times_of_day_and_lone_days(text: str, expected: date | int) -> None:
    if isinstance(expected, date):
        assert parse_date(text) == expected
        return
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.position == expected
    assert str(info.value).startswith(
        "impossible time of day" if ":" in text else "expected a date like 19/5/2021"
    )
