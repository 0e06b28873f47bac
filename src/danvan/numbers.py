"""Numbers, percents and money as Vietnamese reports write them (số, tỷ lệ, tiền).

A dot groups thousands and a comma marks decimals: ``9.278``, ``1.798.702.098``,
``108,39%``, ``18,2``. Money is written in đồng, often with a scale word: ``3,8 tỷ
đồng``, ``915 triệu đồng``, ``1.798.702.098đ``.

Every function is exact: values are ``int``, :class:`~decimal.Decimal` or
:class:`~fractions.Fraction` all the way through, and rounding happens only when you
ask for it (``decimals=``), half away from zero ("làm tròn", as reports do; Python's
``ROUND_HALF_UP``). A ``float`` is accepted at the edge and read through its shortest
``repr``, so ``0.1`` is one tenth, not 0.1000000000000000055….

>>> format_number(1798702098)
'1.798.702.098'
>>> format_percent(Decimal("1.0839"))
'108,39%'
>>> format_money(3800000000, scale="auto")
'3,8 tỷ đồng'
>>> parse_number("2.071")
2071
>>> parse_money("3,8 tỷ đồng")
3800000000

Where babel differs: ``babel.numbers.format_percent(1.0839, locale="vi")`` gives
``108%`` (no decimals by default) and its money is ``5.052.100.000\\xa0₫`` with a no-break
space and the ₫ sign; babel rounds half to even (``2,665 → 2,66`` at two places where
reports write ``2,67``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, TypeAlias, Union

from danvan._rounding import scaled_half_up
from danvan._text import CURRENCY_WORDS, SCALE_WORDS, nfc_with_offsets, original_index, word_at
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
    "MoneyUnit",
    "Number",
    "Scale",
    "format_money",
    "format_number",
    "format_percent",
    "parse_money",
    "parse_number",
    "parse_percent",
]

Number: TypeAlias = Union[int, Decimal, Fraction, float]  # noqa: UP007 (an alias at runtime)
"""What the formatting functions accept (a ``float`` is read through its ``repr``)."""

MoneyUnit: TypeAlias = Literal["đồng", "đ", "VNĐ", "₫"]
"""How :func:`format_money` names the currency."""

Scale: TypeAlias = Literal["auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"]
"""A scale word for :func:`format_money`; ``"auto"`` picks one."""

#: Most digits a number may have, Python's own limit for ``int``/``str`` conversion.
MAX_DIGITS: Final = 4300
#: The longest text :func:`parse_number`, :func:`parse_percent` and :func:`parse_money`
#: read: room for MAX_DIGITS digits with their dots, a sign, a scale word and a unit.
MAX_TEXT_LENGTH: Final = 10_000

_SCALES: Final[dict[str, int]] = {"nghìn": 3, "triệu": 6, "tỷ": 9, "nghìn tỷ": 12}
_AUTO_SCALES: Final = (("nghìn tỷ", 12), ("tỷ", 9), ("triệu", 6))
_AUTO_MAX_PLACES: Final = 3
_UNIT_SEPARATOR: Final[dict[str, str]] = {"đồng": " ", "đ": "", "VNĐ": " ", "₫": ""}


# --------------------------------------------------------------------------- formatting

_SWAP_MARKS: Final = str.maketrans(",.", ".,")
_POWERS: Final[tuple[int, ...]] = tuple(10**n for n in range(32))


def _power(n: int) -> int:
    return _POWERS[n] if n < 32 else int(10**n)


def _checked_decimal(value: Decimal | float, what: str) -> Decimal:
    """A finite Decimal (a float through its repr) of at most MAX_DIGITS digits."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidValueError(f"{what} must be finite, not {shorten(value)}")
        value = Decimal(repr(value))
    if not value.is_finite():
        raise InvalidValueError(f"{what} must be finite, not {shorten(value)}")
    if not -MAX_DIGITS <= value.adjusted() < MAX_DIGITS:
        raise InvalidValueError(f"{what} has more than {MAX_DIGITS} digits: {shorten(value)}")
    return value


def _ratio(value: object, what: str) -> tuple[int, int]:
    """``(numerator, denominator)`` of an accepted number, exactly."""
    kind = type(value)
    if kind is int:
        return value, 1  # type: ignore[return-value]
    if kind is Decimal:
        assert isinstance(value, Decimal)
        if value.is_finite() and -MAX_DIGITS <= value.adjusted() < MAX_DIGITS:
            return value.as_integer_ratio()
        _checked_decimal(value, what)  # raises the right error
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, Fraction, float)):
        raise InvalidTypeError(
            f"{what} must be an int, Decimal, Fraction or float, not {type(value).__name__}:"
            f" {shorten(value)}"
        )
    if isinstance(value, (Decimal, float)):
        return _checked_decimal(value, what).as_integer_ratio()
    return value.numerator, value.denominator


def _places(value: object, what: str) -> int | None:
    """How many decimal places *value* has of itself: a Decimal's exponent, the
    terminating expansion of a Fraction, None when that expansion does not end."""
    if isinstance(value, (Decimal, float)):
        exponent = _checked_decimal(value, what).as_tuple().exponent
        assert isinstance(exponent, int)
        if -exponent > MAX_DIGITS:
            raise InvalidValueError(f"{what} has more than {MAX_DIGITS} digits: {shorten(value)}")
        return max(-exponent, 0)
    if isinstance(value, Fraction):
        denominator = value.denominator
        twos = (denominator & -denominator).bit_length() - 1
        rest, fives = denominator >> twos, 0
        while rest % 5 == 0 and fives <= MAX_DIGITS:
            rest, fives = rest // 5, fives + 1
        if rest != 1:
            return None
        if max(twos, fives) > MAX_DIGITS:
            raise InvalidValueError(
                f"{what} has more than {MAX_DIGITS} decimal places: {shorten(value)}"
            )
        return max(twos, fives)
    return 0


def _check_min_digits(min_digits: object, grouping: bool) -> None:
    if not isinstance(min_digits, int) or isinstance(min_digits, bool):
        raise InvalidTypeError(
            f"min_digits must be an int, not {type(min_digits).__name__}: {shorten(min_digits)}"
        )
    if not 1 <= min_digits <= (3 if grouping else MAX_DIGITS):
        # Zeros padded into a group ("001.234") would not read back: no number grouped
        # with dots starts with 0. Padding is for small counts ("08 căn").
        most = "3 with grouping (pass grouping=False to pad further)" if grouping else MAX_DIGITS
        raise InvalidValueError(f"min_digits must be from 1 to {most}, not {shorten(min_digits)}")


def _check_decimals(decimals: object) -> None:
    if type(decimals) is int and 0 <= decimals <= MAX_DIGITS:
        return
    if not isinstance(decimals, int) or isinstance(decimals, bool):
        raise InvalidTypeError(
            f"decimals must be an int, not {type(decimals).__name__}: {shorten(decimals)}"
        )
    if decimals < 0:
        raise InvalidValueError(f"decimals must be a whole number >= 0, not {shorten(decimals)}")
    if decimals > MAX_DIGITS:
        raise InvalidValueError(f"decimals must be at most {MAX_DIGITS}, not {shorten(decimals)}")


def _group(digits: str) -> str:
    """Group a string of digits by thousands with dots: ``'1798702098'`` → ``'1.798.702.098'``."""
    head = len(digits) % 3 or 3
    return ".".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def _write(
    numerator: int,
    denominator: int,
    places: int,
    *,
    rounded: bool,
    fixed: bool,
    grouping: bool = True,
    min_digits: int | None = None,
) -> str:
    """Write ``numerator/denominator`` with *places* decimals, Vietnamese style.

    With ``rounded`` the value is rounded half away from zero (and trailing zeros are
    dropped unless ``fixed``); without it the division must be exact.
    """
    power = _power(places)
    if rounded:
        scaled = abs(scaled_half_up(numerator, denominator, power))
    else:
        scaled = abs(numerator) * power // denominator
    whole, fraction = divmod(scaled, power)
    try:
        if min_digits is None:
            text = f"{whole:,}".replace(",", ".") if grouping and whole >= 1000 else str(whole)
        else:
            digits = str(whole).rjust(min_digits, "0")
            text = _group(digits) if grouping else digits
    except ValueError as exc:  # more digits than Python converts
        raise InvalidValueError(f"number has more than {MAX_DIGITS} digits") from exc
    if places:
        try:
            fraction_digits = str(fraction).rjust(places, "0")
        except ValueError as exc:  # more digits than Python converts
            raise InvalidValueError(f"number has more than {MAX_DIGITS} digits") from exc
        if rounded and not fixed:
            fraction_digits = fraction_digits.rstrip("0")
        if fraction_digits:
            text = f"{text},{fraction_digits}"
    if numerator < 0 and scaled:
        text = "-" + text
    return text


def _write_exact(
    value: object,
    numerator: int,
    denominator: int,
    places: int | None,
    **options: bool | int | None,
) -> str:
    if places is None:
        raise InvalidValueError(
            f"{shorten(value)} has no finite decimal expansion; pass decimals= to round it"
        )
    return _write(numerator, denominator, places, rounded=False, fixed=True, **options)  # type: ignore[arg-type]


def format_number(
    value: Number,
    /,
    *,
    decimals: int | None = None,
    fixed: bool = False,
    min_digits: int | None = None,
    grouping: bool = True,
) -> str:
    """Write a number as Vietnamese reports do (inverse: :func:`parse_number`).

    With ``decimals=None`` the value is written exactly: an ``int`` whole, a
    ``Decimal`` with the digits it carries, a ``Fraction`` with its terminating
    expansion (one that does not terminate, like 1/3, needs ``decimals``). With
    ``decimals=n`` the value is rounded half away from zero to *n* places and trailing
    zeros are dropped, unless ``fixed=True`` keeps them. ``min_digits`` pads the whole
    part with zeros ("08 căn"); ``grouping=False`` leaves out the thousands dots
    (for years and codes).

    >>> format_number(9278)
    '9.278'
    >>> format_number(Decimal("108.39"))
    '108,39'
    >>> format_number(Fraction(91, 5))
    '18,2'
    >>> format_number(Decimal("2.675"), decimals=2)
    '2,68'
    >>> format_number(Decimal("2.5"), decimals=2, fixed=True)
    '2,50'
    >>> format_number(8, min_digits=2)
    '08'
    """
    if decimals is None and min_digits is None:
        if type(value) is int and grouping:
            try:
                return f"{value:,}".replace(",", ".")
            except ValueError as exc:
                raise InvalidValueError(f"number has more than {MAX_DIGITS} digits") from exc
        if isinstance(value, (Decimal, float)):
            # The decimal module writes a Decimal's own digits at C speed.
            checked = _checked_decimal(value, "number")
            text = format(checked, ",f" if grouping else "f")
            if len(text) <= MAX_DIGITS:
                text = text.translate(_SWAP_MARKS)
                return text[1:] if text[0] == "-" and checked.is_zero() else text
    if min_digits is not None:
        _check_min_digits(min_digits, grouping)
    numerator, denominator = _ratio(value, "number")
    if decimals is not None:
        _check_decimals(decimals)
        return _write(
            numerator,
            denominator,
            decimals,
            rounded=True,
            fixed=fixed,
            grouping=grouping,
            min_digits=min_digits,
        )
    places = _places(value, "number")
    return _write_exact(
        value, numerator, denominator, places, grouping=grouping, min_digits=min_digits
    )


def format_percent(ratio: Number, /, *, decimals: int | None = 2, fixed: bool = False) -> str:
    """Write a ratio as a percent (inverse: :func:`parse_percent`).

    The input is a ratio, as in babel: 1 is 100%. At most ``decimals`` places (half
    away from zero), trailing zeros dropped unless ``fixed=True``; ``decimals=None``
    writes the exact value. No space before ``%``, as in the reports.

    >>> format_percent(Decimal("1.0839"))
    '108,39%'
    >>> format_percent(Fraction(19, 21))
    '90,48%'
    >>> format_percent(Decimal("0.73"))
    '73%'
    >>> format_percent(Decimal("1.138"))
    '113,8%'
    """
    numerator, denominator = _ratio(ratio, "ratio")
    if decimals is not None:
        _check_decimals(decimals)
        return _write(numerator * 100, denominator, decimals, rounded=True, fixed=fixed) + "%"
    places = _places(ratio, "ratio")
    places = None if places is None else max(places - 2, 0)
    return _write_exact(ratio, numerator * 100, denominator, places) + "%"


def format_money(
    amount: Number,
    /,
    *,
    unit: MoneyUnit = "đồng",
    scale: Scale | None = None,
    decimals: int | None = None,
    fixed: bool = False,
) -> str:
    """Write an amount of đồng (inverse: :func:`parse_money`).

    ``unit`` is ``"đồng"`` (after a space), ``"đ"`` (attached, the style of tables:
    ``1.798.702.098đ``), ``"VNĐ"`` or ``"₫"``. ``scale`` divides by a scale word:
    ``"nghìn"``, ``"triệu"``, ``"tỷ"``, ``"nghìn tỷ"``, or ``"auto"``, which picks the
    largest of triệu, tỷ and nghìn tỷ that writes the amount exactly with at most three
    decimals, and no scale if none does. ``auto`` never rounds unless ``decimals`` is
    given; then it picks the largest scale not above the amount and rounds half away
    from zero.

    >>> format_money(5052100000)
    '5.052.100.000 đồng'
    >>> format_money(1798702098, unit="đ")
    '1.798.702.098đ'
    >>> format_money(50596000000, scale="auto")
    '50,596 tỷ đồng'
    >>> format_money(915000000, scale="auto")
    '915 triệu đồng'
    >>> format_money(1798702098, scale="auto")
    '1.798.702.098 đồng'
    >>> format_money(1798702098, scale="tỷ", decimals=2)
    '1,8 tỷ đồng'
    """
    if not isinstance(unit, str) or unit not in _UNIT_SEPARATOR:
        raise InvalidValueError(
            f"unit must be one of {', '.join(_UNIT_SEPARATOR)}; not {shorten(unit)}"
        )
    numerator, denominator = _ratio(amount, "amount")
    word: str | None = None
    exponent = 0
    if scale == "auto":
        for candidate, power in _AUTO_SCALES:
            if abs(numerator) < _power(power) * denominator:
                continue
            if decimals is not None or (
                _places_needed(numerator, denominator * _power(power)) <= _AUTO_MAX_PLACES
            ):
                word, exponent = candidate, power
                break
    elif scale is not None:
        if not isinstance(scale, str) or scale not in _SCALES:
            raise InvalidValueError(
                f"scale must be 'auto' or one of {', '.join(_SCALES)}; not {shorten(scale)}"
            )
        word, exponent = scale, _SCALES[scale]
    if decimals is not None:
        _check_decimals(decimals)
        text = _write(
            numerator, denominator * _power(exponent), decimals, rounded=True, fixed=fixed
        )
    elif word is None:
        text = format_number(amount)
    else:  # exact, with as few decimals as the amount needs at this scale
        places = _places(amount, "amount")
        needed = (
            None
            if places is None
            else _places_needed(numerator, denominator * _power(exponent), places + exponent)
        )
        text = _write_exact(amount, numerator, denominator * _power(exponent), needed)
    if word is not None:
        return f"{text} {word} {unit}"  # after a word the unit always stands apart
    return f"{text}{_UNIT_SEPARATOR[unit]}{unit}"


def _places_needed(numerator: int, denominator: int, most: int = _AUTO_MAX_PLACES) -> int:
    """Fewest decimal places that write ``numerator/denominator`` exactly, if at most
    *most*; otherwise ``most + 1``."""
    for places in range(most + 1):
        if numerator * _power(places) % denominator == 0:
            return places
    return most + 1


# ------------------------------------------------------------------------------ parsing

_NUMBER_RE: Final = re.compile(r"([+\-−]?)([1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
_MINUS: Final = frozenset("-−")
_SPACES: Final = " \t\n\r\u00a0\u202f\u2009"
# Amounts as people type them: "500k" (nghìn), "2tr", "1,5tr", "1tr5" (triệu; the digits
# after "tr" are the next places: 1tr5 = 1.500.000), "2trđ" with the currency attached.
_SHORTHAND_RE: Final = re.compile(r"(k|tr)([0-9]*)(?![^\W_đ])")


def _fail(message: str, text: str, offsets: list[int] | None, position: int) -> ParseError:
    position = original_index(offsets, position)
    return parse_error(message, text, position)


def _read_number(
    text: str, nfc: str, offsets: list[int] | None, start: int, what: str
) -> tuple[int, bool, str, str]:
    """Read a number at ``nfc[start:]``: ``(end, negative, whole_digits, fraction_digits)``.

    On failure, explain what is wrong and where, in terms of the original *text*.
    """
    match = _NUMBER_RE.match(nfc, start)
    if match is not None:
        end = match.end()
        whole = match.group(2).replace(".", "")
        fraction = match.group(3) or ""
        if len(whole.lstrip("0")) + len(fraction) > MAX_DIGITS:
            raise _fail(f"{what} has more than {MAX_DIGITS} digits", text, offsets, start)
        # A dot or comma straight after the match means the grouping was wrong.
        if end < len(nfc) and nfc[end] in ".,0123456789":
            raise _fail(_diagnose(nfc, start), text, offsets, _bad_index(nfc, start))
        return end, match.group(1) in _MINUS, whole, fraction
    if start >= len(nfc):
        raise _fail(f"expected {what}, found nothing", text, offsets, start)
    raise _fail(_diagnose(nfc, start), text, offsets, _bad_index(nfc, start))


def _bad_index(nfc: str, start: int) -> int:
    """Index of the first character that breaks the Vietnamese number grammar."""
    index = start
    if index < len(nfc) and nfc[index] in "+-−":
        index += 1
    run_start = index
    while index < len(nfc) and nfc[index].isascii() and nfc[index].isdigit():
        index += 1
    if index == run_start:
        return index
    first_run = index - run_start
    if index < len(nfc) and nfc[index] == ".":
        if first_run > 3 or nfc[run_start] == "0":
            return run_start
        while index < len(nfc) and nfc[index] == ".":
            group_start = index + 1
            group_end = group_start
            while group_end < len(nfc) and nfc[group_end].isascii() and nfc[group_end].isdigit():
                group_end += 1
            if group_end - group_start != 3:
                return index
            index = group_end
    if index < len(nfc) and nfc[index] == ",":
        index += 1
        fraction_start = index
        while index < len(nfc) and nfc[index].isascii() and nfc[index].isdigit():
            index += 1
        if index == fraction_start:
            return fraction_start - 1
    return index


def _diagnose(nfc: str, start: int) -> str:
    index = _bad_index(nfc, start)
    if index >= len(nfc):
        return "unexpected end of number"
    char = nfc[index]
    if char == ".":
        return "a '.' groups thousands and must be followed by exactly three digits"
    if char == ",":
        return "a ',' marks decimals, must be followed by digits and may appear only once"
    if char.isascii() and char.isdigit():
        return (
            "a number grouped with '.' starts with one to three digits, not 0"
            if nfc[index] == "0"
            else "a number grouped with '.' starts with one to three digits"
        )
    return f"unexpected {char!r}"


def _skip_spaces(nfc: str, index: int) -> int:
    while index < len(nfc) and nfc[index] in _SPACES:
        index += 1
    return index


def _to_value(
    negative: bool,
    whole: str,
    fraction: str,
    shift: int = 0,
    *,
    text: str,
    offsets: list[int] | None,
    start: int,
) -> int | Decimal:
    """``±whole,fraction × 10**shift`` as an ``int`` if whole, else an exact ``Decimal``."""
    if len(whole.lstrip("0")) + max(shift, len(fraction)) > MAX_DIGITS:
        raise _fail(f"the amount has more than {MAX_DIGITS} digits", text, offsets, start)
    if len(fraction) <= shift:
        try:
            value = int(whole + fraction.ljust(shift, "0"))
        except ValueError as exc:  # sys.set_int_max_str_digits() set lower than ours
            raise _fail("more digits than Python is set to convert", text, offsets, start) from exc
        return -value if negative else value
    digits = tuple(int(d) for d in (whole + fraction).lstrip("0") or "0")
    return Decimal((int(negative), digits, shift - len(fraction)))


def parse_number(text: str, /) -> int | Decimal:
    """Read a number written the Vietnamese way (inverse: :func:`format_number`).

    Dots group thousands (``2.071`` is 2071, never 2.071) and a comma marks decimals.
    Whole numbers come back as ``int``, others as an exact ``Decimal`` with the digits
    written. Surrounding spaces are allowed; English forms (``1.5``, ``1,798,702``) are
    a :class:`ParseError` naming the position.

    >>> parse_number("1.798.702.098")
    1798702098
    >>> parse_number("108,39")
    Decimal('108.39')
    >>> parse_number("08")
    8
    """
    nfc, offsets = _prepare(text)
    start = _skip_spaces(nfc, 0)
    end, negative, whole, fraction = _read_number(text, nfc, offsets, start, "a number")
    _expect_end(text, nfc, offsets, end)
    return _to_value(negative, whole, fraction, text=text, offsets=offsets, start=start)


def _prepare(text: object) -> tuple[str, list[int] | None]:
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {shorten(text)}")
    check_length(text, MAX_TEXT_LENGTH, "a number")
    return nfc_with_offsets(text)


def _expect_end(text: str, nfc: str, offsets: list[int] | None, end: int) -> None:
    rest = _skip_spaces(nfc, end)
    if rest < len(nfc):
        raise _fail(f"unexpected {nfc[rest : rest + 12]!r}", text, offsets, rest)


def parse_percent(text: str, /) -> Decimal:
    """Read a percent as a ratio (inverse: :func:`format_percent`).

    >>> parse_percent("108,39%")
    Decimal('1.0839')
    >>> parse_percent("73%")
    Decimal('0.73')
    """
    nfc, offsets = _prepare(text)
    start = _skip_spaces(nfc, 0)
    end, negative, whole, fraction = _read_number(text, nfc, offsets, start, "a percent")
    end = _skip_spaces(nfc, end)
    if end >= len(nfc) or nfc[end] != "%":
        raise _fail("expected '%' after the number", text, offsets, end)
    _expect_end(text, nfc, offsets, end + 1)
    digits = tuple(int(d) for d in (whole + fraction).lstrip("0") or "0")
    return Decimal((int(negative), digits, -len(fraction) - 2))


def parse_money(text: str, /) -> int | Decimal:
    """Read an amount of money in đồng (inverse: :func:`format_money`).

    A number, then optionally a scale word (``nghìn``/``ngàn``, ``triệu``,
    ``tỷ``/``tỉ``, ``nghìn tỷ``), then optionally the currency (``đồng``, ``đ``,
    ``VNĐ``, ``VND``, ``₫``), in any case and NFC or NFD. Whole amounts come back as
    ``int``, others as ``Decimal``. The shorthand people type is read too, attached to
    the number: ``500k`` (nghìn), ``2tr``, ``1,5tr`` and ``1tr5`` (1.500.000: the
    digits after ``tr`` are the next places).

    >>> parse_money("1.798.702.098đ")
    1798702098
    >>> parse_money("915 triệu đồng")
    915000000
    >>> parse_money("50,596 tỷ đồng")
    50596000000
    >>> parse_money("500k"), parse_money("1tr5"), parse_money("1,5tr")
    (500000, 1500000, 1500000)
    """
    nfc, offsets = _prepare(text)
    start = _skip_spaces(nfc, 0)
    end, negative, whole, fraction = _read_number(text, nfc, offsets, start, "an amount")
    folded = nfc.lower()
    shift = 0
    shorthand = _SHORTHAND_RE.match(folded, end)
    if shorthand is not None:  # "500k", "2tr", "1,5tr", "1tr5"
        shift = 3 if shorthand.group(1) == "k" else 6
        tail = shorthand.group(2)
        if tail:
            if fraction or len(tail) > shift:
                raise _fail(
                    f"after {shorthand.group(1)!r} at most {shift} digits, and only after"
                    " a whole number",
                    text,
                    offsets,
                    shorthand.start(2),
                )
            fraction = tail
        end = shorthand.end()
    index = _skip_spaces(nfc, end)
    for _ in range(2 if not shift else 0):  # "tỷ", or "nghìn tỷ"
        word = word_at(folded, index, SCALE_WORDS)
        if word is None or (shift and SCALE_WORDS[word] != 9) or shift >= 9:
            break
        shift += SCALE_WORDS[word]
        index = _skip_spaces(nfc, index + len(word))
    unit = word_at(folded, index, CURRENCY_WORDS)
    if unit is not None:
        index += len(unit)
    _expect_end(text, nfc, offsets, index)
    return _to_value(negative, whole, fraction, shift, text=text, offsets=offsets, start=start)
