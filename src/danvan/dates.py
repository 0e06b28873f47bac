"""Administrative dates (ngày tháng trong văn bản hành chính).

Official documents follow Nghị định 30/2020/NĐ-CP: the day takes a leading zero below
10, the month only when it is 1 or 2, so reports write 19/5/2021, 03/12/2021,
27/02/2020, and the header line reads "Hà Tĩnh, ngày 19 tháng 5 năm 2021". Older
Party documents wrote dates in running text with hyphens ("ngày 01-10-1997", still the
form of Quy định 290-QĐ/TW of 2010), which ``style="party"`` writes with the same
padding rule. Current Party texts, since Quyết định 23-QĐ/TW (30/7/2021), and the press
cite dates with slashes ("Quyết định số 290-QĐ/TW, ngày 25/02/2010"): the short style.

>>> from datetime import date
>>> format_date(date(2021, 5, 19))
'19/5/2021'
>>> format_date(date(2021, 5, 19), style="long", place="Hà Tĩnh")
'Hà Tĩnh, ngày 19 tháng 5 năm 2021'
>>> parse_date("Thứ hai - 09/11/2020 10:00")
datetime.date(2020, 11, 9)
>>> parse_date("30/10")
DayMonth(day=30, month=10)

Weekday names are the administrative ones, "Thứ hai" … "Thứ bảy", "Chủ nhật": babel's
CLDR data has the same words with a capital after "Thứ" ("Thứ Hai"), which reports do
not write, so danvan keeps its own seven names (a test checks them against CLDR).
babel's long Vietnamese date is "19 tháng 5, 2021"; it has no administrative form.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Final, Literal

import attrs

from danvan._text import nfc_with_offsets, original_index
from danvan.errors import (
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    check_length,
    parse_error,
    shorten,
)

__all__ = ["MAX_TEXT_LENGTH", "DateStyle", "DayMonth", "format_date", "parse_date", "weekday_name"]

#: The longest text :func:`parse_date` reads: a date line with its place and weekday
#: is under 100 characters.
MAX_TEXT_LENGTH: Final = 1_000

DateStyle = Literal["short", "long", "party"]
"""``"short"`` 19/5/2021, ``"long"`` ngày 19 tháng 5 năm 2021, ``"party"`` ngày 19-5-2021."""

_WEEKDAYS: Final = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def _check_day_month(instance: DayMonth, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(f"{attribute.name} must be an int, not {shorten(value)}")
    if attribute.name == "month" and not 1 <= value <= 12:
        raise InvalidValueError(f"month must be from 1 to 12, not {shorten(value)}")
    if attribute.name == "month":
        longest = calendar.monthrange(2000, value)[1]  # a leap year: 29/02 exists
        if not 1 <= instance.day <= longest:
            raise InvalidValueError(f"{instance.day}/{value} is not a day of any year")


@attrs.frozen
class DayMonth:
    """A day and month without a year, as reports write "30/10" (ngày, tháng).

    >>> DayMonth(30, 10).in_year(2021)
    datetime.date(2021, 10, 30)
    >>> str(DayMonth(3, 2))
    '03/02'
    """

    day: int = attrs.field(validator=_check_day_month)
    month: int = attrs.field(validator=_check_day_month)

    def in_year(self, year: int, /) -> date:
        """The date of this day in *year* (29/02 only in a leap year)."""
        if not isinstance(year, int) or isinstance(year, bool):
            raise InvalidTypeError(f"year must be an int, not {type(year).__name__}: {year!r}")
        try:
            return date(year, self.month, self.day)
        except (ValueError, OverflowError) as exc:
            raise InvalidValueError(f"{self} is not a date in {year!r}") from exc

    def __str__(self) -> str:
        return f"{self.day:02d}/{_month(self.month)}"


def _day(day: int) -> str:
    return f"{day:02d}"


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def weekday_name(d: date, /) -> str:
    """The weekday as documents write it: "Thứ hai" … "Thứ bảy", "Chủ nhật".

    >>> from datetime import date
    >>> weekday_name(date(2020, 11, 9))
    'Thứ hai'
    """
    if not isinstance(d, date):
        raise InvalidTypeError(f"expected a date, not {type(d).__name__}: {shorten(d)}")
    return _WEEKDAYS[d.weekday()]


def format_date(
    d: date | DayMonth,
    /,
    *,
    style: DateStyle = "short",
    place: str | None = None,
    weekday: bool = False,
) -> str:
    """Write a date as administrative documents do (inverse: :func:`parse_date`).

    The day takes a leading zero below 10, the month only when it is 1 or 2. A short
    date that follows a place or a weekday is introduced by "ngày", as documents write
    it. A :class:`DayMonth` is written without a year. Years before 1000 are refused
    (:class:`~danvan.InvalidValueError`): documents write four-digit years.

    >>> from datetime import date
    >>> format_date(date(2020, 2, 27)), format_date(date(2021, 12, 3))
    ('27/02/2020', '03/12/2021')
    >>> format_date(date(2021, 5, 19), style="long")
    'ngày 19 tháng 5 năm 2021'
    >>> format_date(date(1997, 10, 1), style="party")
    'ngày 01-10-1997'
    >>> format_date(date(2020, 11, 9), weekday=True)
    'Thứ hai, ngày 09/11/2020'
    """
    if isinstance(d, DayMonth):
        if weekday:
            raise InvalidValueError(f"a day without a year has no weekday: {d}")
        year = None
    elif isinstance(d, date):
        year = d.year
        if year < 1000:
            raise InvalidValueError(f"documents write four-digit years, not {shorten(d)}")
    else:
        raise InvalidTypeError(
            f"expected a date or DayMonth, not {type(d).__name__}: {shorten(d)}"
        )
    day, month = _day(d.day), _month(d.month)
    if style == "short":
        text = f"{day}/{month}" if year is None else f"{day}/{month}/{year}"
        if place is not None or weekday:
            text = "ngày " + text
    elif style == "long":
        text = f"ngày {day} tháng {month}" + ("" if year is None else f" năm {year}")
    elif style == "party":
        text = f"ngày {day}-{month}" + ("" if year is None else f"-{year}")
    else:
        raise InvalidValueError(f"style must be 'short', 'long' or 'party', not {style!r}")
    if weekday:
        assert isinstance(d, date)
        text = f"{_WEEKDAYS[d.weekday()]}, {text}"
    if place is not None:
        if not isinstance(place, str):
            raise InvalidTypeError(
                f"place must be a str, not {type(place).__name__}: {shorten(place)}"
            )
        if not place.strip():
            raise InvalidValueError(f"place must not be empty, not {shorten(place)}")
        place = place.strip()
        if not _PLACE.fullmatch(place):
            # a comma or a line would make the date line unreadable: parse_date could
            # not tell the place from the date
            raise InvalidValueError(
                "place must be a place name (địa danh) that starts with a letter and holds"
                f" no comma or line break, not {shorten(place)}"
            )
        text = f"{place}, {text}"
    return text


_WEEKDAY_WORDS: Final = {
    "thứ hai": 0,
    "thứ ba": 1,
    "thứ tư": 2,
    "thứ năm": 3,
    "thứ sáu": 4,
    "thứ bảy": 5,
    "chủ nhật": 6,
    **{f"thứ {n}": n - 2 for n in range(2, 8)},
    "cn": 6,
}

# A place that heads a date line, as parse_date reads one back: a letter first, then no
# comma or line break, and not a weekday or "ngày" (which begin the date itself).
_PLACE: Final = re.compile(
    r"(?!(?i:thứ|chủ|cn\b|ngày))[^\W\d_][^,\x00-\x1f\x7f-\x9f\u2028\u2029]*"
)

# Written so that no two runs of white space can share the same spaces: with
# "\s*[,-]?\s*" a long run of spaces could be split in n ways, and a failed match
# would take quadratic time. The text is stripped before matching.
_DATE_RE: Final = re.compile(
    r"""
    (?:(?!thứ|chủ|cn\b|ngày)(?P<place>[^\W\d_][^,]*),\s*)?
    (?:(?P<weekday>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)(?:\s*[,\-–])?\s*)?
    (?:ngày\s+)?(?:(?:mồng|mùng)\s+)?
    (?:
        (?P<long_day>[0-9]{1,2})\s+tháng\s+(?P<long_month>[0-9]{1,2})
        (?:(?:\s*,)?\s*năm\s+(?P<long_year>[0-9]{4}))?
      |
        (?P<day>[0-9]{1,2})\s*(?P<sep>[/.\-])\s*(?P<month>[0-9]{1,2})
        (?:\s*(?P=sep)\s*(?P<year>[0-9]{4}))?
    )
    (?:(?:\s*[,\-–])?\s*(?:lúc\s+)?
        (?P<hour>[0-9]{1,2})\s*(?::|h|giờ)(?:\s*(?P<minute>[0-9]{2}))?(?:\s*phút)?)?
    """,
    re.IGNORECASE | re.VERBOSE,
)


def parse_date(text: str, /) -> date | DayMonth:
    """Read a date as documents and reports write it (inverse: :func:`format_date`).

    Accepts every style of :func:`format_date`, zero-padded or not, with an optional
    place ("Hà Tĩnh, ngày …"), weekday ("Thứ hai - …", checked against the date),
    "ngày"/"mồng", a time of day after the date (read and dropped), in NFC or NFD.
    A day and month without a year ("30/10") gives a :class:`DayMonth`. A date that
    does not exist ("31/02/2021") is a :class:`~danvan.ParseError` that names it; so is
    a two-digit year ("19/5/21"), which could be any century.

    >>> parse_date("ngày 03/12/2021")
    datetime.date(2021, 12, 3)
    >>> parse_date("Hà Tĩnh, ngày 19 tháng 5 năm 2021")
    datetime.date(2021, 5, 19)
    >>> parse_date("01-10-1997")
    datetime.date(1997, 10, 1)
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {shorten(text)}")
    check_length(text, MAX_TEXT_LENGTH, "a date")
    nfc, offsets = nfc_with_offsets(text)

    def fail(message: str, index: int) -> ParseError:
        position = original_index(offsets, index)
        return parse_error(message, text, position)

    start = len(nfc) - len(nfc.lstrip())
    end = len(nfc.rstrip())
    match = _DATE_RE.fullmatch(nfc, start, end)
    if match is None:
        prefix = _DATE_RE.match(nfc, start, end)
        if prefix is not None and prefix.end() < end:
            after = prefix.end()
            raise fail(f"unexpected {nfc[after : after + 12]!r} after the date", after)
        digit = next((i for i in range(start, end) if nfc[i] in "0123456789"), None)
        if digit is None:
            raise fail("expected a date", start)
        raise fail("expected a date like 19/5/2021 or ngày 19 tháng 5 năm 2021", digit)
    kind = "long_" if match.group("long_day") else ""
    day, month = int(match.group(kind + "day")), int(match.group(kind + "month"))
    year_text = match.group(kind + "year")
    day_index = match.start(kind + "day")
    hour = match.group("hour")
    if hour is not None and (
        int(hour) > 23 or (match.group("minute") and int(match.group("minute")) > 59)
    ):
        raise fail("impossible time of day", match.start("hour"))
    if year_text is None:
        if match.group("weekday"):
            raise fail("a weekday needs a date with a year", match.start("weekday"))
        try:
            return DayMonth(day, month)
        except InvalidValueError as exc:
            raise fail(f"{day:02d}/{month:02d} is not a day of any year", day_index) from exc
    year = int(year_text)
    if year < 1000:
        raise fail(
            f"documents write four-digit years, not {year_text!r}", match.start(kind + "year")
        )
    try:
        result = date(year, month, day)
    except ValueError as exc:
        raise fail(f"{day:02d}/{month:02d}/{year} is not a date ({exc})", day_index) from exc
    weekday = match.group("weekday")
    if weekday is not None:
        named = _WEEKDAY_WORDS.get(" ".join(weekday.lower().split()))
        if named is None:  # letters that only look alike, such as a dotless ı
            raise fail(f"{weekday!r} is not a weekday", match.start("weekday"))
        if named != result.weekday():
            raise fail(
                f"{weekday!r} does not match {format_date(result)}, a {weekday_name(result)}",
                match.start("weekday"),
            )
    return result
