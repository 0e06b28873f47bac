"""The Vietnamese lunar calendar (âm lịch, lịch âm dương Việt Nam).

Tết, rằm tháng Bảy and the citizen-reception days "mồng 1 và rằm hàng tháng" are lunar
dates. :func:`to_lunar` turns a :class:`~datetime.date` into a :class:`LunarDate`,
:func:`from_lunar` goes back, :func:`format_lunar` writes it in Vietnamese and
:func:`parse_lunar` reads it; :func:`can_chi` names a year of the sexagenary cycle and
:func:`leap_month` says which month of a year is doubled.

>>> from datetime import date
>>> to_lunar(date(2023, 1, 22))
LunarDate(year=2023, month=1, day=1, leap=False)
>>> from_lunar(LunarDate(2025, 1, 1))
datetime.date(2025, 1, 29)
>>> format_lunar(to_lunar(date(2023, 8, 30)))
'ngày 15 tháng Bảy năm Quý Mão'
>>> format_lunar(to_lunar(date(2023, 8, 30)), style="short")
'rằm tháng Bảy'
>>> parse_lunar("mồng 1 tháng 2 nhuận năm 2023 âm lịch")
LunarDate(year=2023, month=2, day=1, leap=True)
>>> can_chi(2026), leap_month(2025)
('Bính Ngọ', 6)

**The calendar.** A month starts on the day (midnight to midnight, local time) of a new
moon; the month in which the winter solstice falls is month 11; when thirteen months
run from one month 11 to the next, the first of them that contains no major solar term
(trung khí: the sun's longitude reaching a multiple of 30°) is a leap month and takes
the number of the month before it. Month 1 day 1 is Tết Nguyên đán. This is the rule of
the Chinese calendar, applied in Vietnamese time, as Hồ Ngọc Đức describes the calendar
Vietnam publishes. danvan computes it from the astronomy, not from a copied table:
new moons by Meeus' method (*Astronomical Algorithms*, ch. 49, with all periodic and
planetary terms), the sun's apparent longitude by Meeus' low-accuracy formula (ch. 25,
within 0.01°), and ΔT (TT − UT) by the Espenak–Meeus polynomials. The astronomy is in
floating point, a few seconds of time for a new moon and about a quarter of an hour for
a solar term, which is far finer than the day that comes out; the few days where the
event falls within a minute or two of midnight are listed in the tests.

**Time zone (reckoning).** Vietnam has computed its lunar calendar for UTC+7 since a
decree of the North Vietnamese government of 8 August 1967, starting with the year Mậu
Thân (1968); before that its calendars followed the Chinese reckoning, UTC+8. The
default ``reckoning="vietnam"`` does what was published: UTC+8 up to the end of the
year Đinh Mùi, UTC+7 from Tết Mậu Thân, 29 January 1968. ``"utc+7"`` and ``"utc+8"``
use one zone throughout;
``"utc+8"`` gives the Chinese calendar (and the calendars printed in Saigon until 1975).

>>> from_lunar(LunarDate(1968, 1, 1)), from_lunar(LunarDate(1968, 1, 1), reckoning="utc+8")
(datetime.date(1968, 1, 29), datetime.date(1968, 1, 30))
>>> from_lunar(LunarDate(1985, 1, 1)), from_lunar(LunarDate(1985, 1, 1), reckoning="utc+8")
(datetime.date(1985, 1, 21), datetime.date(1985, 2, 20))

Dates from 1 January 1900 to 31 December 2199 are supported (:data:`FIRST_DAY`,
:data:`LAST_DAY`); others raise :class:`~danvan.errors.InvalidValueError`. The months
of each reckoning are computed once, on first use (a few hundredths of a second), after
which a conversion is a binary search in a list of month starts.

Where the peers differ: lunardate (PyPI) is the Chinese calendar, so Tết 1985 is
20/02/1985 there (Tết also differs in 1968, 1969, 2007, 2030 and 2053), and about one
month in thirty starts a day earlier in Vietnam than in China. vnlunar reads by default
a table from Hồ Ngọc Đức's site, which agrees with danvan on every month of 1900-2199
but six: four before 1929 (Beijing's meridian), Tết 1925 (a day later there) and month
4 of 2054 (7 May there; the new moon is 22 seconds after midnight in Hanoi by Meeus'
method). Its astronomical mode uses a shorter series for the new moon and differs from
danvan where a new moon falls within about two minutes of midnight.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from datetime import date
from typing import Final, Literal, NamedTuple

import attrs

from danvan._text import nfc_with_offsets, original_index
from danvan._validators import check_integer
from danvan.errors import (
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    check_length,
    parse_error,
    shorten,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "LunarDate",
    "LunarStyle",
    "Reckoning",
    "can_chi",
    "format_lunar",
    "from_lunar",
    "leap_month",
    "parse_lunar",
    "to_lunar",
]

#: The longest text :func:`parse_lunar` reads: a lunar date in full words is under 100
#: characters.
MAX_TEXT_LENGTH: Final = 1_000

Reckoning = Literal["vietnam", "utc+7", "utc+8"]
"""The time zone the calendar is computed for: ``"vietnam"`` (UTC+8 before Tết 1968,
UTC+7 from it, as published in Vietnam), ``"utc+7"`` or ``"utc+8"`` throughout."""

LunarStyle = Literal["long", "short", "numeric"]
"""How :func:`format_lunar` writes a date: ``"long"`` mồng 1 tháng Giêng năm Quý Mão,
``"short"`` rằm tháng Bảy, ``"numeric"`` ngày 15 tháng 7 năm 2023 âm lịch."""

#: The first day :func:`to_lunar` accepts (lunar: mồng 1 tháng Chạp năm Kỷ Hợi, 1899).
FIRST_DAY: Final = date(1900, 1, 1)
#: The last day :func:`to_lunar` accepts.
LAST_DAY: Final = date(2199, 12, 31)

_STEMS: Final = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_BRANCHES: Final = (
    "Tý",
    "Sửu",
    "Dần",
    "Mão",
    "Thìn",
    "Tỵ",
    "Ngọ",
    "Mùi",
    "Thân",
    "Dậu",
    "Tuất",
    "Hợi",
)
_MONTH_NAMES: Final = (
    "Giêng",
    "Hai",
    "Ba",
    "Tư",
    "Năm",
    "Sáu",
    "Bảy",
    "Tám",
    "Chín",
    "Mười",
    "Mười Một",
    "Chạp",
)

# ------------------------------------------------------------------------------ the date


def _check_int(value: object, name: str, low: int | None, high: int | None) -> None:
    check_integer(value, name, minimum=low, maximum=high)


def _check_year(instance: LunarDate, attribute: attrs.Attribute[int], value: int) -> None:
    _check_int(value, "year", 1, 9999)


def _check_month(instance: LunarDate, attribute: attrs.Attribute[int], value: int) -> None:
    _check_int(value, "month", 1, 12)


def _check_day(instance: LunarDate, attribute: attrs.Attribute[int], value: int) -> None:
    _check_int(value, "day", 1, 30)


def _check_leap(instance: LunarDate, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(f"leap must be a bool, not {type(value).__name__}: {value!r}")


@attrs.frozen(order=False)
class LunarDate:
    """A day of the Vietnamese lunar calendar (ngày âm lịch).

    ``year`` (1 to 9999, as for :class:`~datetime.date`) is the lunar year, numbered as
    the Gregorian year in which it mostly falls (its Tết is in January or February of
    that year); ``month`` is 1 to 12 and ``leap``
    marks the leap month (tháng nhuận) that repeats a number; ``day`` is 1 to 30.
    Whether such a day exists in that year is checked by :func:`from_lunar`.

    Dates order as the calendar runs: a leap month comes after the month whose number
    it repeats.

    >>> LunarDate(2023, 2, 29) < LunarDate(2023, 2, 1, leap=True) < LunarDate(2023, 3, 1)
    True
    >>> LunarDate(2023, 13, 1)
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: month must be a whole number from 1 to 12, not 13
    """

    year: int = attrs.field(validator=_check_year)
    month: int = attrs.field(validator=_check_month)
    day: int = attrs.field(validator=_check_day)
    leap: bool = attrs.field(default=False, kw_only=True, validator=_check_leap)

    def _key(self) -> tuple[int, int, bool, int]:
        return (self.year, self.month, self.leap, self.day)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        return self._key() >= other._key()


_new_object = object.__new__
_set_field = object.__setattr__


def _lunar_date(year: int, month: int, day: int, leap: bool) -> LunarDate:
    """Build a LunarDate from values known to be valid, skipping the validators."""
    lunar: LunarDate = _new_object(LunarDate)
    _set_field(lunar, "year", year)
    _set_field(lunar, "month", month)
    _set_field(lunar, "day", day)
    _set_field(lunar, "leap", leap)
    return lunar


# ----------------------------------------------------------------------------- astronomy

#: Julian day number of the day whose proleptic Gregorian ordinal is 0.
_JDN_OF_ORDINAL_0: Final = 1721425
_SYNODIC_MONTH: Final = 29.530588861
#: JDE of Meeus' new moon number 0 (6 January 2000).
_NEW_MOON_0: Final = 2451550.09766
_RAD: Final = math.pi / 180

# Meeus, Astronomical Algorithms (2nd ed.), ch. 49: the periodic terms of a new moon as
# (coefficient, power of E, multiples of M, M', F, Ω) ...
_NEW_MOON_TERMS: Final = (
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)
# ... and the planetary arguments A1-A14 as (degrees at k = 0, degrees per lunation,
# coefficient); A1 also has a term in T² (see _new_moon_jde).
_PLANETARY_TERMS: Final = (
    (299.77, 0.107408, 0.000325),
    (251.88, 0.016321, 0.000165),
    (251.83, 26.651886, 0.000164),
    (349.42, 36.412478, 0.000126),
    (84.66, 18.206239, 0.000110),
    (141.74, 53.303771, 0.000062),
    (207.14, 2.453732, 0.000060),
    (154.84, 7.306860, 0.000056),
    (34.52, 27.261239, 0.000047),
    (207.19, 0.121824, 0.000042),
    (291.34, 1.844379, 0.000040),
    (161.72, 24.198154, 0.000037),
    (239.56, 25.513099, 0.000035),
    (331.55, 3.592518, 0.000023),
)


def _delta_t(year: float) -> float:
    """TT − UT in seconds (Espenak and Meeus' polynomials, valid from 1900 to 2200)."""
    if year < 1920:
        t = year - 1900
        return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - 0.000197 * t)))
    if year < 1941:
        t = year - 1920
        return 21.20 + t * (0.84493 + t * (-0.076100 + 0.0020936 * t))
    if year < 1961:
        t = year - 1950
        return 29.07 + 0.407 * t - t * t / 233 + t**3 / 2547
    if year < 1986:
        t = year - 1975
        return 45.45 + 1.067 * t - t * t / 260 - t**3 / 718
    if year < 2005:
        t = year - 2000
        return 63.86 + t * (
            0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599)))
        )
    if year < 2050:
        t = year - 2000
        return 62.92 + t * (0.32217 + 0.005589 * t)
    u = (year - 1820) / 100
    if year < 2150:
        return -20 + 32 * u * u - 0.5628 * (2150 - year)
    return -20 + 32 * u * u


def _universal_time(jde: float) -> float:
    """Julian day in UT of a moment given in terrestrial time (JDE)."""
    return jde - _delta_t(2000 + (jde - 2451545.0) / 365.25) / 86400


def _new_moon_jde(k: int) -> float:
    """Julian ephemeris day of new moon number *k* (k = 0 on 6 January 2000)."""
    t = k / 1236.85
    jde = (
        _NEW_MOON_0
        + _SYNODIC_MONTH * k
        + t * t * (0.00015437 + t * (-0.000000150 + t * 0.00000000073))
    )
    e = 1 - t * (0.002516 + 0.0000074 * t)
    sun = (2.5534 + 29.10535670 * k - t * t * (0.0000014 + 0.00000011 * t)) * _RAD
    moon = (
        201.5643 + 385.81693528 * k + t * t * (0.0107582 + t * (0.00001238 - 0.000000058 * t))
    ) * _RAD
    latitude = (
        160.7108 + 390.67050284 * k - t * t * (0.0016118 + t * (0.00000227 - 0.000000011 * t))
    ) * _RAD
    node = (124.7746 - 1.56375588 * k + t * t * (0.0020672 + 0.00000215 * t)) * _RAD
    for coefficient, e_power, m, m1, f, o in _NEW_MOON_TERMS:
        jde += coefficient * e**e_power * math.sin(m * sun + m1 * moon + f * latitude + o * node)
    for index, (start, step, coefficient) in enumerate(_PLANETARY_TERMS):
        argument = start + step * k - (0.009173 * t * t if index == 0 else 0.0)
        jde += coefficient * math.sin(argument * _RAD)
    return jde


def _new_moon_day(k: int, hours: float) -> int:
    """Ordinal of the local day (UTC + *hours*) on which new moon number *k* falls."""
    local = _universal_time(_new_moon_jde(k)) + hours / 24
    return math.floor(local + 0.5) - _JDN_OF_ORDINAL_0


def _sun_longitude(jde: float) -> float:
    """The sun's apparent longitude in degrees, not reduced to 0-360 (Meeus ch. 25).

    Without the reduction it grows by 360 a year, so ``floor(λ / 30)`` counts the
    major solar terms.
    """
    t = (jde - 2451545.0) / 36525
    mean = 280.46646 + t * (36000.76983 + 0.0003032 * t)
    anomaly = (357.52911 + t * (35999.05029 - 0.0001537 * t)) * _RAD
    centre = (
        (1.914602 - t * (0.004817 + 0.000014 * t)) * math.sin(anomaly)
        + (0.019993 - 0.000101 * t) * math.sin(2 * anomaly)
        + 0.000289 * math.sin(3 * anomaly)
    )
    node = (125.04 - 1934.136 * t) * _RAD
    return mean + centre - 0.00569 - 0.00478 * math.sin(node)


def _sun_at_midnight(ordinal: int, hours: float) -> float:
    """The sun's longitude at the local midnight that starts the day *ordinal*."""
    ut = ordinal + _JDN_OF_ORDINAL_0 - 0.5 - hours / 24
    return _sun_longitude(ut + _delta_t(2000 + (ut - 2451545.0) / 365.25) / 86400)


# ---------------------------------------------------------------------------- the table


class _Months(NamedTuple):
    """The months of one reckoning, in order.

    Month ``i`` runs from day ``starts[i]`` (a proleptic Gregorian ordinal) to the day
    before ``starts[i + 1]``; ``starts`` has one more entry than ``labels``.
    """

    starts: list[int]
    labels: list[tuple[int, int, bool]]  # (year, month, leap)
    positions: dict[int, int]  # _label_key(year, month, leap) -> i
    leaps: dict[int, int]  # lunar year -> its leap month, for every year computed


def _label_key(year: int, month: int, leap: bool) -> int:
    return year * 26 + month * 2 + leap


def _compute_months(
    hours: float, first_year: int, last_year: int
) -> list[tuple[int, int, int, bool]]:
    """``(start, year, month, leap)`` of every month from month 11 of *first_year* to
    month 10 of *last_year* + 1 (the month before the next month 11), in UTC + *hours*.

    So lunar years *first_year* + 1 to *last_year* are complete.
    """
    first = date(first_year, 10, 1).toordinal() + _JDN_OF_ORDINAL_0
    last = date(last_year + 1, 12, 31).toordinal() + _JDN_OF_ORDINAL_0
    k_first = math.floor((first - _NEW_MOON_0) / _SYNODIC_MONTH)
    k_last = math.ceil((last - _NEW_MOON_0) / _SYNODIC_MONTH) + 1
    starts = [_new_moon_day(k, hours) for k in range(k_first, k_last + 1)]
    # terms[i]: how many major solar terms (multiples of 30°) the sun has passed when
    # month i begins; month i contains term n when terms[i] < n <= terms[i + 1].
    terms = [math.floor(_sun_at_midnight(start, hours) / 30) for start in starts]
    elevens = [
        i
        for i in range(len(starts) - 1)
        if any(n % 12 == 9 for n in range(terms[i] + 1, terms[i + 1] + 1))  # 270°
    ]
    months: list[tuple[int, int, int, bool]] = []
    for eleven, next_eleven in itertools.pairwise(elevens):
        year = date.fromordinal(starts[eleven]).year
        leap_at = -1
        if next_eleven - eleven == 13:
            leap_at = next(i for i in range(eleven + 1, next_eleven) if terms[i] == terms[i + 1])
        number = 10
        for i in range(eleven, next_eleven):
            if i != leap_at:
                number = number % 12 + 1
            months.append((starts[i], year if number >= 11 else year + 1, number, i == leap_at))
        if year == last_year:
            break
    return months


_HOURS: Final[dict[str, float]] = {"utc+7": 7, "utc+8": 8}
#: Lunar years up to this one follow UTC+8 in the "vietnam" reckoning.
_LAST_UTC8_YEAR: Final = 1967
_TABLES: dict[str, _Months] = {}
#: The lunar years computed in full (the first and last are only partly in range).
_YEARS: Final = (FIRST_DAY.year - 1, LAST_DAY.year)


def _months(reckoning: str) -> _Months:
    """The month table of *reckoning*, computed on first use."""
    if not isinstance(reckoning, str) or reckoning not in ("vietnam", *_HOURS):
        raise InvalidValueError(
            f"reckoning must be 'vietnam', 'utc+7' or 'utc+8', not {reckoning!r}"
        )
    table = _TABLES.get(reckoning)
    if table is not None:
        return table
    first, last = _YEARS[0] - 1, _YEARS[1]
    if reckoning in _HOURS:
        rows = _compute_months(_HOURS[reckoning], first, last)
    else:
        new = _compute_months(7, _LAST_UTC8_YEAR - 1, last)
        tet = next(row[0] for row in new if row[1:] == (_LAST_UTC8_YEAR + 1, 1, False))
        old = _compute_months(8, first, _LAST_UTC8_YEAR)
        rows = [row for row in old if row[0] < tet] + [row for row in new if row[0] >= tet]
    # Keep the months that overlap FIRST_DAY..LAST_DAY, and the start of the one after.
    low = bisect_right([row[0] for row in rows], FIRST_DAY.toordinal()) - 1
    high = bisect_right([row[0] for row in rows], LAST_DAY.toordinal())
    kept = rows[low : high + 1]
    table = _Months(
        starts=[row[0] for row in kept],
        labels=[(y, m, leap) for _, y, m, leap in kept[:-1]],
        positions={_label_key(y, m, leap): i for i, (_, y, m, leap) in enumerate(kept[:-1])},
        leaps={y: m for _, y, m, leap in rows if leap},
    )
    _TABLES[reckoning] = table
    return table


# --------------------------------------------------------------------------- conversion

_FIRST_ORDINAL: Final = FIRST_DAY.toordinal()
_LAST_ORDINAL: Final = LAST_DAY.toordinal()


def to_lunar(d: date, /, *, reckoning: Reckoning = "vietnam") -> LunarDate:
    """The lunar date of a day (inverse: :func:`from_lunar`).

    A ``datetime`` is read as its calendar date, in whatever zone it is in.

    >>> from datetime import date
    >>> to_lunar(date(2023, 3, 22))
    LunarDate(year=2023, month=2, day=1, leap=True)
    >>> to_lunar(date(2007, 2, 17)), to_lunar(date(2007, 2, 17), reckoning="utc+8")
    (LunarDate(year=2007, month=1, day=1, leap=False),
     LunarDate(year=2006, month=12, day=30, leap=False))
    """
    try:
        table = _TABLES[reckoning]
    except (KeyError, TypeError):  # not built yet, or not a reckoning
        table = _months(reckoning)
    if not isinstance(d, date):
        raise InvalidTypeError(f"expected a date, not {type(d).__name__}: {d!r}")
    ordinal = d.toordinal()
    if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        raise InvalidValueError(
            f"{d!r} is outside the supported range {FIRST_DAY.isoformat()}"
            f" to {LAST_DAY.isoformat()}"
        )
    starts = table.starts
    i = bisect_right(starts, ordinal) - 1
    year, month, leap = table.labels[i]
    return _lunar_date(year, month, ordinal - starts[i] + 1, leap)


def from_lunar(lunar: LunarDate, /, *, reckoning: Reckoning = "vietnam") -> date:
    """The day of a lunar date (inverse: :func:`to_lunar`).

    Raises :class:`~danvan.errors.InvalidValueError` when the date does not exist: day
    30 of a 29-day month (tháng thiếu), or a leap month the year does not have.

    >>> from_lunar(LunarDate(2023, 7, 15))
    datetime.date(2023, 8, 30)
    >>> from_lunar(LunarDate(2024, 12, 30))
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: LunarDate(year=2024, month=12, day=30, leap=False)
    does not exist: month 12 of 2024 has 29 days
    """
    try:
        table = _TABLES[reckoning]
    except (KeyError, TypeError):  # not built yet, or not a reckoning
        table = _months(reckoning)
    if not isinstance(lunar, LunarDate):
        raise InvalidTypeError(f"expected a LunarDate, not {type(lunar).__name__}: {lunar!r}")
    i = table.positions.get(_label_key(lunar.year, lunar.month, lunar.leap))
    if i is None:
        raise _missing_month(lunar, table)
    starts = table.starts
    ordinal = starts[i] + lunar.day - 1
    if ordinal >= starts[i + 1]:
        what = f"leap month {lunar.month}" if lunar.leap else f"month {lunar.month}"
        raise InvalidValueError(
            f"{lunar!r} does not exist: {what} of {lunar.year} has {starts[i + 1] - starts[i]}"
            " days"
        )
    if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        raise _out_of_range(lunar)
    return date.fromordinal(ordinal)


def _out_of_range(lunar: LunarDate) -> InvalidValueError:
    return InvalidValueError(
        f"{lunar!r} is outside the supported range {FIRST_DAY.isoformat()}"
        f" to {LAST_DAY.isoformat()}"
    )


def _missing_month(lunar: LunarDate, table: _Months) -> InvalidValueError:
    # Every normal month of a year in range is in the index, and so is every leap month.
    leap = table.leaps.get(lunar.year)
    if not lunar.leap or leap == lunar.month or not _YEARS[0] <= lunar.year <= _YEARS[1]:
        return _out_of_range(lunar)
    has = "no leap month" if leap is None else f"leap month {leap}, not {lunar.month}"
    return InvalidValueError(f"{lunar!r} does not exist: {lunar.year} has {has}")


def leap_month(year: int, /, *, reckoning: Reckoning = "vietnam") -> int | None:
    """The number of the leap month of lunar *year*, or None if it has twelve months.

    A leap month repeats the number of the month before it, so a year with leap month
    2 has months 1, 2, 2 nhuận, 3, …; 2033 has the rare leap month 11.

    >>> leap_month(2023), leap_month(2024), leap_month(2033)
    (2, None, 11)
    """
    try:
        table = _TABLES[reckoning]
    except (KeyError, TypeError):  # not built yet, or not a reckoning
        table = _months(reckoning)
    _check_int(year, "year", FIRST_DAY.year, LAST_DAY.year)
    return table.leaps.get(year)


# ---------------------------------------------------------------------------- can chi


def can_chi(year: int, /) -> str:
    """The name of a lunar year in the sexagenary cycle (can chi): stem and branch.

    The ten stems are Giáp Ất Bính Đinh Mậu Kỷ Canh Tân Nhâm Quý, the twelve branches
    Tý Sửu Dần Mão Thìn Tỵ Ngọ Mùi Thân Dậu Tuất Hợi (Vietnam's cat, Mão, where China
    has the rabbit). The name repeats every sixty years.

    >>> can_chi(2023), can_chi(2024), can_chi(2025), can_chi(1968)
    ('Quý Mão', 'Giáp Thìn', 'Ất Tỵ', 'Mậu Thân')
    """
    _check_int(year, "year", None, None)
    return f"{_STEMS[(year + 6) % 10]} {_BRANCHES[(year + 8) % 12]}"


# -------------------------------------------------------------------------- formatting


def format_lunar(lunar: LunarDate, /, *, style: LunarStyle = "long") -> str:
    """Write a lunar date in Vietnamese (inverse: :func:`parse_lunar`).

    Days 1 to 10 are "mồng 1" … "mồng 10", later days "ngày 11" … "ngày 30". Styles:

    * ``"long"``: month names (Giêng for 1, Tư for 4, Chạp for 12) and the year by its
      can chi: "mồng 1 tháng Giêng năm Quý Mão".
    * ``"short"``: without the year, and day 15 as "rằm", as festivals are named:
      "rằm tháng Bảy", "mồng 1 tháng Giêng", "ngày 23 tháng Chạp".
    * ``"numeric"``: digits for the month and year, as a date in a document, marked
      "âm lịch": "ngày 15 tháng 7 năm 2023 âm lịch".

    A leap month is followed by "nhuận": "tháng Hai nhuận", "tháng 2 nhuận".

    >>> format_lunar(LunarDate(2023, 1, 1))
    'mồng 1 tháng Giêng năm Quý Mão'
    >>> format_lunar(LunarDate(2023, 2, 15, leap=True), style="short")
    'rằm tháng Hai nhuận'
    >>> format_lunar(LunarDate(2023, 2, 10, leap=True), style="numeric")
    'mồng 10 tháng 2 nhuận năm 2023 âm lịch'
    """
    if not isinstance(lunar, LunarDate):
        raise InvalidTypeError(f"expected a LunarDate, not {type(lunar).__name__}: {lunar!r}")
    day, month = lunar.day, lunar.month
    nhuan = " nhuận" if lunar.leap else ""
    if style == "numeric":
        head = f"mồng {day}" if day <= 10 else f"ngày {day}"
        return f"{head} tháng {month}{nhuan} năm {lunar.year} âm lịch"
    if style not in ("long", "short"):
        raise InvalidValueError(f"style must be 'long', 'short' or 'numeric', not {style!r}")
    if style == "short" and day == 15:
        head = "rằm"
    else:
        head = f"mồng {day}" if day <= 10 else f"ngày {day}"
    text = f"{head} tháng {_MONTH_NAMES[month - 1]}{nhuan}"
    return text if style == "short" else f"{text} năm {can_chi(lunar.year)}"


# ---------------------------------------------------------------------------- parsing

# Words are compared in lower case; month names with their numbers. "Một" alone is not
# read: in the North "tháng Một" is the eleventh month, elsewhere it may mean the first.
_MONTH_WORDS: Final[dict[tuple[str, ...], int]] = {
    ("giêng",): 1,
    ("hai",): 2,
    ("ba",): 3,
    ("tư",): 4,
    ("bốn",): 4,
    ("năm",): 5,
    ("sáu",): 6,
    ("bảy",): 7,
    ("tám",): 8,
    ("chín",): 9,
    ("mười",): 10,
    ("mười", "một"): 11,
    ("mười", "hai"): 12,
    ("chạp",): 12,
}
_STEM_WORDS: Final = {stem.lower(): i for i, stem in enumerate(_STEMS)}
_BRANCH_WORDS: Final = {branch.lower(): i for i, branch in enumerate(_BRANCHES)} | {"mẹo": 3}
_MAX_DIGITS: Final = 9  # longer runs of digits are out of range without int()


class _Token(NamedTuple):
    text: str  # lower case for words
    kind: Literal["word", "digits", "mark"]
    start: int  # index in the NFC text
    end: int


def _tokens(nfc: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(nfc):
        char = nfc[i]
        if char.isspace():
            i += 1
            continue
        j = i + 1
        if char in "0123456789":
            while j < len(nfc) and nfc[j] in "0123456789":
                j += 1
            tokens.append(_Token(nfc[i:j], "digits", i, j))
        elif char.isalpha():
            while j < len(nfc) and nfc[j].isalpha():
                j += 1
            tokens.append(_Token(nfc[i:j].lower(), "word", i, j))
        else:
            tokens.append(_Token(char, "mark", i, j))
        i = j
    return tokens


class _Reader:
    """A cursor over the tokens of one text, raising ParseError with the position."""

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {shorten(text)}")
        check_length(text, MAX_TEXT_LENGTH, "a lunar date")
        self.text = text
        self.nfc, self.offsets = nfc_with_offsets(text)
        self.tokens = _tokens(self.nfc)
        self.i = 0

    def peek(self, ahead: int = 0) -> _Token | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self, *words: str) -> _Token | None:
        """Consume the next token if its text is one of *words*."""
        token = self.peek()
        if token is not None and token.text in words:
            self.i += 1
            return token
        return None

    def fail(self, message: str, token: _Token | None, *, found: bool = True) -> ParseError:
        where = len(self.nfc) if token is None else token.start
        if found:
            shown = "the end" if token is None else repr(self.nfc[token.start : token.end])
            message = f"{message}, found {shown}"
        return parse_error(message, self.text, original_index(self.offsets, where))

    def number(self, what: str, low: int, high: int) -> int:
        token = self.peek()
        if token is None or token.kind != "digits":
            raise self.fail(f"expected {what}", token)
        value = int(token.text) if len(token.text) <= _MAX_DIGITS else high + 1
        if not low <= value <= high:
            raise self.fail(f"{what} must be from {low} to {high}", token)
        self.i += 1
        return value


def parse_lunar(text: str, /, *, year: int | None = None) -> LunarDate:
    """Read a lunar date written in Vietnamese (inverse: :func:`format_lunar`).

    Reads every style :func:`format_lunar` writes and the usual variants: "mùng" for
    "mồng", "ngày mồng 01", "rằm" or "ngày rằm" for day 15, month numbers or names
    ("tháng 7", "tháng Bảy", "tháng Mười Hai"), "Mẹo" for "Mão", slashes ("15/7",
    "15/7/2023"), and an optional "âm lịch" or "(âm lịch)" at the end; any case, NFC or
    NFD. Whether the date exists is left to :func:`from_lunar`.

    *year* completes a text that names no year (the short style) and places a can chi,
    which repeats every sixty years: "năm Quý Mão" is read as the year of that name
    nearest to *year* (from *year* − 30 to *year* + 29; an InvalidValueError if that is
    before year 1 or after 9999). A numbered year in the text is used as written.

    >>> parse_lunar("rằm tháng Giêng", year=2024)
    LunarDate(year=2024, month=1, day=15, leap=False)
    >>> parse_lunar("Mùng 1 tháng Giêng năm Quý Mão", year=2025)
    LunarDate(year=2023, month=1, day=1, leap=False)
    >>> parse_lunar("ngày 15/7/2023 (âm lịch)")
    LunarDate(year=2023, month=7, day=15, leap=False)
    >>> parse_lunar("mồng 31 tháng Chạp")
    Traceback (most recent call last):
    ...
    danvan.errors.ParseError: the day after "mồng" must be from 1 to 10,
    found '31' in 'mồng 31 tháng Chạp' at position 5
    """
    if year is not None:
        _check_int(year, "year", 1, 9999)
    reader = _Reader(text)
    # The day: [ngày] (mồng|mùng) N | [ngày] rằm | [ngày] N
    said_day = reader.take("ngày") is not None
    slash_allowed = False
    if reader.take("mồng", "mùng") is not None:
        day = reader.number('the day after "mồng"', 1, 10)
    elif reader.take("rằm") is not None:
        day = 15
    else:
        token = reader.peek()
        if token is None or token.kind != "digits":
            expected = "a day" if said_day else 'a day ("mồng 1", "ngày 15", "rằm")'
            raise reader.fail(f"expected {expected}", token)
        day = reader.number("the day", 1, 30)
        slash_allowed = True
    # The month: tháng (N | name) [nhuận] | /N [nhuận]
    slashes = slash_allowed and reader.take("/") is not None
    if slashes:
        month = reader.number("the month", 1, 12)
    else:
        if reader.take("tháng") is None:
            raise reader.fail('expected "tháng"', reader.peek())
        month = _read_month(reader)
    leap = reader.take("nhuận") is not None
    # The year: năm (N | can chi) | /N, or none
    lunar_year = year
    if slashes and reader.take("/") is not None:
        lunar_year = reader.number("the year", 1, 9999)
    elif reader.take("năm") is not None:
        token = reader.peek()
        if token is not None and token.kind == "digits":
            lunar_year = reader.number("the year", 1, 9999)
        else:
            cycle = _read_can_chi(reader)
            if year is None:
                raise reader.fail(
                    "a can chi year repeats every 60 years; pass year= to place it",
                    token,
                    found=False,
                )
            lunar_year = year + (cycle - year + 30) % 60 - 30
    elif year is None:
        raise reader.fail("no year; pass year= to give one", reader.peek(), found=False)
    # An optional "âm lịch", maybe in parentheses, then the end.
    opened = reader.take("(") is not None
    if reader.take("âm") is not None:
        if reader.take("lịch") is None:
            raise reader.fail('expected "lịch" after "âm"', reader.peek())
    elif opened:
        raise reader.fail('expected "âm lịch"', reader.peek())
    if opened and reader.take(")") is None:
        raise reader.fail('expected ")"', reader.peek())
    if reader.peek() is not None:
        raise reader.fail("expected the end of the date", reader.peek())
    assert lunar_year is not None
    return LunarDate(lunar_year, month, day, leap=leap)


def _read_month(reader: _Reader) -> int:
    token = reader.peek()
    if token is not None and token.kind == "digits":
        return reader.number("the month", 1, 12)
    if token is not None:
        following = reader.peek(1)
        if following is not None and (token.text, following.text) in _MONTH_WORDS:
            reader.i += 2
            return _MONTH_WORDS[token.text, following.text]
        if (token.text,) in _MONTH_WORDS:
            reader.i += 1
            return _MONTH_WORDS[(token.text,)]
    raise reader.fail('expected a month ("tháng 7", "tháng Giêng", "tháng Chạp")', token)


def _read_can_chi(reader: _Reader) -> int:
    """Read "Quý Mão" and return a year of that name (its position in the cycle)."""
    stem, branch = reader.peek(), reader.peek(1)
    if stem is None or stem.text not in _STEM_WORDS:
        raise reader.fail('expected a year ("năm 2023", "năm Quý Mão")', stem)
    if branch is None or branch.text not in _BRANCH_WORDS:
        raise reader.fail(f"expected the branch after {_STEMS[_STEM_WORDS[stem.text]]!r}", branch)
    s, b = _STEM_WORDS[stem.text], _BRANCH_WORDS[branch.text]
    if s % 2 != b % 2:
        name = reader.nfc[stem.start : branch.end]
        raise reader.fail(
            f"{name!r} is not a year: {_STEMS[s]} never pairs with {_BRANCHES[b]}",
            branch,
            found=False,
        )
    reader.i += 2
    # The year 1984 is Giáp Tý, the first of a cycle: find the year with this stem and
    # branch in 1984..2043.
    return 1984 + next(n for n in range(60) if n % 10 == s and n % 12 == b)
