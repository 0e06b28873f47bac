"""Reporting periods (kỳ báo cáo): years, halves, quarters, months, terms.

Reports are written for a period and compare it with the same period a year earlier
("so với cùng kỳ"): "năm 2023", "6 tháng đầu năm 2023", "quý I/2023", "tháng 11/2018",
"9 tháng đầu năm 2023", "giai đoạn 2021-2025", "nhiệm kỳ 2020-2025".

>>> p = parse_period("quý I/2023")
>>> p.start, p.end
(datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))
>>> format_period(p.previous())
'quý I/2022'
>>> format_period(Period.half(2023, 2))
'6 tháng cuối năm 2023'

A committee term (nhiệm kỳ) is taken as whole calendar years, from 1 January of its
first year to 31 December of its last: the congresses that open and close a term fall
on different days in each committee, which a period of dates cannot know.
"""

from __future__ import annotations

import calendar
import enum
import re
from datetime import date, timedelta
from typing import Final, Literal

import attrs

from danvan._text import nfc_with_offsets, original_index
from danvan._validators import check_day, check_integer
from danvan.errors import (
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    check_length,
    parse_error,
    shorten,
)
from danvan.roman import from_roman, to_roman

__all__ = ["MAX_TEXT_LENGTH", "Period", "PeriodKind", "format_period", "parse_period"]

#: The longest text :func:`parse_period` reads: a period as reports write it is under
#: 100 characters.
MAX_TEXT_LENGTH: Final = 1_000


class PeriodKind(str, enum.Enum):
    """What a :class:`Period` is; the value is its English name."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    YEAR_TO_DATE = "year_to_date"  # "9 tháng đầu năm": the first N months of a year
    MONTHS = "months"  # "tháng 3-5/2024": consecutive months of one year, none of the above
    YEARS = "years"  # "giai đoạn 2021-2025"
    TERM = "term"  # "nhiệm kỳ 2020-2025"


def _whole(name: str, value: object) -> int:
    return check_integer(value, name)


def _date(year: int, month: int, day: int | None = None) -> date:
    """``date(year, month, day)``, the last day of the month if *day* is None."""
    if not 1000 <= _whole("year", year) <= 9999:
        raise InvalidValueError(f"year must be from 1000 to 9999, not {year!r}")
    return date(year, month, calendar.monthrange(year, month)[1] if day is None else day)


def _end_of_month(year: int, month: int) -> date:
    return _date(year, month)


def _check_period(
    instance: Period, attribute: attrs.Attribute[PeriodKind], value: PeriodKind
) -> None:
    start, end, kind = instance.start, instance.end, instance.kind
    if not isinstance(kind, PeriodKind):
        raise InvalidTypeError(f"kind must be a PeriodKind, not {kind!r}")
    if not isinstance(start, date) or not isinstance(end, date):
        raise InvalidTypeError(f"start and end must be dates, not {start!r} and {end!r}")
    if end < start:
        raise InvalidValueError(f"a period cannot end ({end}) before it starts ({start})")
    if start.day != 1 or end != _end_of_month(end.year, end.month):
        raise InvalidValueError(f"a {kind.value} runs over whole months, not {start}..{end}")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    shapes = {
        PeriodKind.YEAR: start.month == 1 and months == 12,
        PeriodKind.HALF: start.month in (1, 7) and months == 6,
        PeriodKind.QUARTER: start.month in (1, 4, 7, 10) and months == 3,
        PeriodKind.MONTH: months == 1,
        PeriodKind.YEAR_TO_DATE: start.month == 1 and months < 12 and months != 6,
        PeriodKind.MONTHS: start.year == end.year
        and months > 1
        and start.month != 1
        and not (start.month in (4, 7, 10) and months == 3)
        and not (start.month == 7 and months == 6),
        PeriodKind.YEARS: start.month == 1 and end.month == 12 and months > 12,
        PeriodKind.TERM: start.month == 1 and end.month == 12 and months > 12,
    }
    if not shapes[kind]:
        raise InvalidValueError(f"{start}..{end} is not a {kind.value} period")


@attrs.frozen(order=True)
class Period:
    """A reporting period: ``start`` and ``end`` dates (both inclusive) and a ``kind``.

    Build one with the class methods (:meth:`year`, :meth:`half`, :meth:`quarter`,
    :meth:`month`, :meth:`year_to_date`, :meth:`years`, :meth:`term`) or with
    :func:`parse_period`. Periods order by start, then end, then kind.

    >>> Period.quarter(2023, 4).contains(date(2023, 12, 31))
    True
    >>> Period.year(2020) < Period.year(2021)
    True
    """

    start: date = attrs.field()
    end: date = attrs.field()
    kind: PeriodKind = attrs.field(validator=_check_period)

    @classmethod
    def year(cls, year: int, /) -> Period:
        """The calendar year (năm)."""
        return cls(_date(year, 1, 1), _date(year, 12, 31), PeriodKind.YEAR)

    @classmethod
    def half(cls, year: int, half: Literal[1, 2], /) -> Period:
        """The first (6 tháng đầu năm) or second (6 tháng cuối năm) half of a year."""
        if _whole("half", half) not in (1, 2):
            raise InvalidValueError(f"half must be 1 or 2, not {half!r}")
        first = 1 if half == 1 else 7
        return cls(_date(year, first, 1), _end_of_month(year, first + 5), PeriodKind.HALF)

    @classmethod
    def quarter(cls, year: int, quarter: int, /) -> Period:
        """A quarter (quý I to quý IV)."""
        if _whole("quarter", quarter) not in (1, 2, 3, 4):
            raise InvalidValueError(f"quarter must be from 1 to 4, not {quarter!r}")
        first = 3 * quarter - 2
        return cls(_date(year, first, 1), _end_of_month(year, first + 2), PeriodKind.QUARTER)

    @classmethod
    def month(cls, year: int, month: int, /) -> Period:
        """A calendar month (tháng)."""
        if not 1 <= _whole("month", month) <= 12:
            raise InvalidValueError(f"month must be from 1 to 12, not {month!r}")
        return cls(_date(year, month, 1), _end_of_month(year, month), PeriodKind.MONTH)

    @classmethod
    def year_to_date(cls, year: int, months: int, /) -> Period:
        """The first *months* months of a year ("9 tháng đầu năm"); 6 gives the half."""
        if not 1 <= _whole("months", months) <= 12:
            raise InvalidValueError(f"months must be from 1 to 12, not {months!r}")
        if months == 6:
            return cls.half(year, 1)
        if months == 12:
            return cls.year(year)
        return cls(_date(year, 1, 1), _end_of_month(year, months), PeriodKind.YEAR_TO_DATE)

    @classmethod
    def month_range(cls, year: int, first: int, last: int, /) -> Period:
        """Months *first* to *last* of *year* ("tháng 3-5/2024"), both included.

        The period has the kind its months make: "tháng 1-9" is :meth:`year_to_date`,
        "tháng 4-6" a :meth:`quarter`, "tháng 7-12" a :meth:`half`, one month a
        :meth:`month`; any other run of months is :attr:`PeriodKind.MONTHS`.

        >>> format_period(Period.month_range(2024, 1, 9)), format_period(Period.month_range(2024, 3, 5))
        ('9 tháng đầu năm 2024', 'tháng 3-5/2024')
        """  # noqa: E501
        for name, value in (("first", first), ("last", last)):
            if not 1 <= _whole(name, value) <= 12:
                raise InvalidValueError(f"{name} must be a month from 1 to 12, not {value!r}")
        if last < first:
            raise InvalidValueError(f"month {last} does not come after month {first}")
        if first == last:
            return cls.month(year, first)
        if first == 1:
            return cls.year_to_date(year, last)
        if last - first == 2 and first in (4, 7, 10):
            return cls.quarter(year, (first + 2) // 3)
        if first == 7 and last == 12:
            return cls.half(year, 2)
        return cls(_date(year, first, 1), _end_of_month(year, last), PeriodKind.MONTHS)

    @classmethod
    def years(cls, first: int, last: int, /) -> Period:
        """A range of whole years ("giai đoạn 2021-2025")."""
        return cls._span(first, last, PeriodKind.YEARS)

    @classmethod
    def term(cls, first: int, last: int, /) -> Period:
        """A committee term ("nhiệm kỳ 2020-2025"), as whole calendar years."""
        return cls._span(first, last, PeriodKind.TERM)

    @classmethod
    def _span(cls, first: int, last: int, kind: PeriodKind) -> Period:
        if _whole("last", last) <= _whole("first", first):
            raise InvalidValueError(f"{first}-{last} does not run from one year to a later one")
        return cls(_date(first, 1, 1), _date(last, 12, 31), kind)

    @property
    def months(self) -> int:
        """How many calendar months the period covers."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def contains(self, d: date, /) -> bool:
        """Whether the day *d* falls in the period (both ends included)."""
        check_day(d, "d")
        return self.start <= d <= self.end

    def __contains__(self, d: date) -> bool:
        return self.contains(d)

    def previous(self) -> Period:
        """The same period one step back, for "so với cùng kỳ" (same period last year).

        A year, half, quarter, month or year-to-date goes back one year; a range of
        years or a term goes back by its own length ("nhiệm kỳ 2015-2020" before
        "nhiệm kỳ 2020-2025": terms share their boundary year).

        >>> format_period(Period.term(2020, 2025).previous())
        'nhiệm kỳ 2015-2020'
        """
        if self.kind in (PeriodKind.YEARS, PeriodKind.TERM):
            span = self.end.year - self.start.year
            step = span if self.kind is PeriodKind.TERM else span + 1
            return Period._span(self.start.year - step, self.end.year - step, self.kind)
        start = _date(self.start.year - 1, self.start.month, 1)
        end = _end_of_month(self.end.year - 1, self.end.month)
        return Period(start, end, self.kind)

    def preceding(self) -> Period:
        """The period of the same kind just before this one (quý IV/2022 before quý I/2023).

        For a year-to-date period or a run of months, which have no neighbour of their
        kind, this is the same as :meth:`previous`.
        """
        if self.kind in (
            PeriodKind.YEARS,
            PeriodKind.TERM,
            PeriodKind.YEAR_TO_DATE,
            PeriodKind.MONTHS,
            PeriodKind.YEAR,
        ):
            return self.previous()
        if self.start.year == 1 and self.start.month == 1:
            raise InvalidValueError(f"no period comes before {self}")
        before = self.start - timedelta(days=1)
        first_month = before.month - self.months + 1
        return Period(_date(before.year, first_month, 1), before, self.kind)

    def cutoff_span(self) -> tuple[date, date]:
        """The data cut-off dates of a State periodic report for this period (thời gian
        chốt số liệu), both included.

        Nghị định 09/2019/NĐ-CP (24/01/2019), Điều 12: the figures of a monthly report
        run from the 15th of the month before to the 14th of the month; of a quarterly
        report from the 15th of the month before the quarter to the 14th of its last
        month; of a six-month report from 15/12 of the year before to 14/6; of a yearly
        report from 15/12 of the year before to 14/12. The decree names only those four;
        danvan applies the same rule to the other kinds ("9 tháng": 15/12 to 14/9),
        which is its reading, not the decree's text.

        >>> Period.year(2024).cutoff_span()
        (datetime.date(2023, 12, 15), datetime.date(2024, 12, 14))
        >>> Period.quarter(2024, 1).cutoff_span()
        (datetime.date(2023, 12, 15), datetime.date(2024, 3, 14))
        """
        before = self.start - timedelta(days=1)  # the last day of the month before
        if before.year < 1000:
            raise InvalidValueError(f"no cut-off date before {self.start}")
        return (before.replace(day=15), self.end.replace(day=14))

    def __str__(self) -> str:
        return format_period(self)


_QUARTER_NUMBERS: Final = {"1": 1, "2": 2, "3": 3, "4": 4}


def format_period(period: Period, /, *, style: Literal["short", "long"] = "short") -> str:
    """Write a period as reports do (inverse: :func:`parse_period`).

    ``style="short"`` writes "quý I/2023", "tháng 11/2018" and "tháng 3-5/2024";
    ``"long"`` writes "quý I năm 2023", "tháng 11 năm 2018" and "tháng 3-5 năm 2024".
    The other kinds have one form.

    >>> format_period(Period.year_to_date(2023, 9))
    '9 tháng đầu năm 2023'
    >>> format_period(Period.quarter(2023, 4), style="long")
    'quý IV năm 2023'
    """
    if not isinstance(period, Period):
        raise InvalidTypeError(
            f"expected a Period, not {type(period).__name__}: {shorten(period)}"
        )
    if style not in ("short", "long"):
        raise InvalidValueError(f"style must be 'short' or 'long', not {style!r}")
    year = period.start.year
    joint = "/" if style == "short" else " năm "
    kind = period.kind
    if kind is PeriodKind.YEAR:
        return f"năm {year}"
    if kind is PeriodKind.HALF:
        return f"6 tháng {'đầu' if period.start.month == 1 else 'cuối'} năm {year}"
    if kind is PeriodKind.QUARTER:
        return f"quý {to_roman((period.start.month + 2) // 3)}{joint}{year}"
    if kind is PeriodKind.MONTH:
        return f"tháng {period.start.month}{joint}{year}"
    if kind is PeriodKind.YEAR_TO_DATE:
        return f"{period.months} tháng đầu năm {year}"
    if kind is PeriodKind.MONTHS:
        return f"tháng {period.start.month}-{period.end.month}{joint}{year}"
    word = "giai đoạn" if kind is PeriodKind.YEARS else "nhiệm kỳ"
    return f"{word} {year}-{period.end.year}"


_YEAR: Final = r"(?P<year>[0-9]{4})"
_OF_YEAR: Final = rf"\s*(?:/\s*|\s+năm\s+){_YEAR}"  # "/2024" or " năm 2024"
_PERIOD_RES: Final = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("year", rf"(?:(?:cả\s+)?năm\s+)?{_YEAR}"),
        ("half", rf"6\s+tháng\s+(?P<which>đầu|cuối)\s+năm\s+{_YEAR}"),
        ("quarter", rf"(?:quý\s+|q)(?P<quarter>[ivx]+|[1-4]){_OF_YEAR}"),
        ("month", rf"tháng\s+(?P<month>[0-9]{{1,2}}){_OF_YEAR}"),
        (
            "months",
            rf"tháng\s+(?P<first>[0-9]{{1,2}})\s*(?P<joint>[-–—,])\s*(?P<last>[0-9]{{1,2}})"
            rf"{_OF_YEAR}",
        ),
        ("year_to_date", rf"(?P<months>[0-9]{{1,2}})\s+tháng\s+(?:đầu\s+)?năm\s+{_YEAR}"),
        (
            "span",
            r"(?P<word>giai\s+đoạn|nhiệm\s+kỳ)\s+(?P<first>[0-9]{4})\s*[-–—]\s*(?P<last>[0-9]{4})",
        ),
    )
)


def parse_period(text: str, /) -> Period:
    """Read a period as reports write it (inverse: :func:`format_period`).

    Any case, NFC or NFD, Roman or Arabic quarter numbers ("quý 1/2023", "Q1/2024"),
    "/" or "năm" before the year, a hyphen or a dash in ranges. "9 tháng năm 2024" and
    "9 tháng đầu năm 2024" are the same period, "cả năm 2024" is the year, and a run
    of months ("tháng 1-9/2024", "tháng 11,12/2018") is read by
    :meth:`Period.month_range`.

    >>> parse_period("6 tháng đầu năm 2023").end
    datetime.date(2023, 6, 30)
    >>> format_period(parse_period("tháng 1-9/2024")), format_period(parse_period("Q1/2024"))
    ('9 tháng đầu năm 2024', 'quý I/2024')
    >>> parse_period("Nhiệm kỳ 2020 – 2025").kind
    <PeriodKind.TERM: 'term'>
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {shorten(text)}")
    check_length(text, MAX_TEXT_LENGTH, "a period")
    nfc, offsets = nfc_with_offsets(text)
    stripped = nfc.strip()
    offset = len(nfc) - len(nfc.lstrip())

    def fail(message: str, index: int) -> ParseError:
        position = original_index(offsets, offset + index)
        return parse_error(message, text, position)

    for name, pattern in _PERIOD_RES:
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        # On a bad value, point at the part that carries it.
        part = {
            "span": "first",
            "months": "first",
            "quarter": "quarter",
            "month": "month",
        }.get(name, "year")
        if name == "year_to_date":
            part = "months"
        try:
            if name == "span":
                first, last = int(match.group("first")), int(match.group("last"))
                word = match.group("word").lower().split()[0]
                return (Period.years if word == "giai" else Period.term)(first, last)
            year = int(match.group("year"))
            if name == "year":
                return Period.year(year)
            if name == "half":
                return Period.half(year, 1 if match.group("which").lower() == "đầu" else 2)
            if name == "quarter":
                number = match.group("quarter")
                quarter = _QUARTER_NUMBERS.get(number) or from_roman(number)
                return Period.quarter(year, quarter)
            if name == "month":
                return Period.month(year, int(match.group("month")))
            if name == "months":
                first, last = int(match.group("first")), int(match.group("last"))
                if match.group("joint") == "," and last != first + 1:
                    raise InvalidValueError(
                        f"'tháng {first},{last}' names two months that do not follow each other"
                    )
                return Period.month_range(year, first, last)
            return Period.year_to_date(year, int(match.group("months")))
        except ParseError as exc:  # a Roman numeral not in standard form
            raise fail(f"{match.group(part)!r} is not a quarter", match.start(part)) from exc
        except InvalidValueError as exc:
            raise fail(f"not a period ({exc})", match.start(part)) from exc
    # Point past the longest start that reads as a period, if any does.
    ends = [m.end() for _, pattern in _PERIOD_RES if (m := pattern.match(stripped))]
    if ends:
        end = max(ends)
        raise fail(f"unexpected {stripped[end : end + 12]!r} after the period", end)
    raise fail("expected a period such as 'quý I/2023' or 'giai đoạn 2021-2025'", 0)
