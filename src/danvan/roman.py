"""Roman numerals for terms and congresses (số La Mã).

Reports number Party congresses, committee terms and quarters in Roman numerals:
"Đại hội XIII", "khóa V", "lần thứ VII", "quý IV/2023".

>>> to_roman(13)
'XIII'
>>> from_roman("XIII")
13
"""

from __future__ import annotations

from typing import Final

from danvan.errors import InvalidTypeError, InvalidValueError, check_length, parse_error, shorten

__all__ = ["MAX_TEXT_LENGTH", "from_roman", "to_roman"]

#: The longest text :func:`from_roman` reads: the longest numeral, MMMDCCCLXXXVIII, has
#: 15 letters.
MAX_TEXT_LENGTH: Final = 100

_NUMERALS: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CACHE: dict[str, int] = {}


def to_roman(number: int, /) -> str:
    """Write a whole number from 1 to 3999 in Roman numerals (inverse: :func:`from_roman`).

    >>> to_roman(4), to_roman(2025)
    ('IV', 'MMXXV')
    """
    if not isinstance(number, int) or isinstance(number, bool):
        raise InvalidTypeError(f"expected an int, not {type(number).__name__}: {shorten(number)}")
    if not 1 <= number <= 3999:
        raise InvalidValueError(f"Roman numerals run from 1 to 3999, not {shorten(number)}")
    parts = []
    for value, letters in _NUMERALS:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def from_roman(text: str, /) -> int:
    """Read a Roman numeral in its standard form (inverse: :func:`to_roman`).

    Upper or lower case; surrounding spaces are allowed. Non-standard forms such as
    ``IIII`` or ``IC`` are a :class:`~danvan.ParseError`, as is any other letter.

    >>> from_roman("VII"), from_roman("iv")
    (7, 4)
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {shorten(text)}")
    check_length(text, MAX_TEXT_LENGTH, "a Roman numeral")
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    # A dotless ı or a long ſ upper-cases to a Roman letter: only ASCII letters count.
    numeral = stripped.upper() if stripped.isascii() else stripped
    cached = _CACHE.get(numeral)
    if cached is not None:
        return cached
    if not numeral:
        raise parse_error("expected a Roman numeral", text, offset)
    total = 0
    for index, letter in enumerate(numeral):
        # A dotless ı or a long ſ upper-cases to a Roman letter; only ASCII counts.
        value = _VALUES.get(letter) if stripped[index].isascii() else None
        if value is None:
            raise parse_error(
                f"{stripped[index]!r} is not a Roman numeral letter", text, offset + index
            )
        following = _VALUES.get(numeral[index + 1]) if index + 1 < len(numeral) else None
        total += -value if following is not None and following > value else value
    if not 1 <= total <= 3999 or to_roman(total) != numeral:
        expected = f"; {to_roman(total)} is {total}" if 1 <= total <= 3999 else ""
        raise parse_error(
            f"{stripped!r} is not a Roman numeral in standard form{expected}", text, offset
        )
    if len(_CACHE) < 4000:
        _CACHE[numeral] = total
    return total
