"""Plain data (dữ liệu thuần) for results that APIs send as JSON (private).

The same conventions as :mod:`danvan.serialize`, for values that are only ever written:
an exact number as a JSON integer when whole and as a string otherwise (``"19/21"``, so
no binary float ever carries a figure), a date in ISO form, an enum by its value, a
period as its start, end and kind.

>>> from fractions import Fraction
>>> exact(Fraction(19, 21)), exact(Fraction(6, 3)), exact(None)
('19/21', 2, None)
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from danvan.errors import InvalidTypeError

__all__ = ["exact", "number_text", "plain"]


def number_text(value: int | Decimal | Fraction) -> int | str:
    """An exact number as JSON that reads back as the same value *and type*: an ``int``
    as it is, a ``Fraction`` always "n/d" (``"5/1"`` too), a ``Decimal`` its own digits
    (``"1.0839"``, ``"1E+3"``). What danvan's JSON files and text records hold.

    >>> number_text(7), number_text(Fraction(5)), number_text(Decimal("1.0839"))
    (7, '5/1', '1.0839')
    """
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    return str(value)


def exact(value: int | Decimal | Fraction | None) -> int | str | None:
    """An exact *result* as JSON: an int when whole (a whole Fraction too), else as
    :func:`number_text` writes it. For computed values (roll-ups, statistics), whose
    type carries no meaning."""
    if value is None:
        return None
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return number_text(value)


def plain(value: Any) -> Any:
    """Dates, enums, periods, mappings and sequences of them as plain JSON data."""
    from danvan.periods import Period

    if value is None or (isinstance(value, (bool, str)) and not isinstance(value, enum.Enum)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (int, Decimal, Fraction)):
        return exact(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Period):
        return {
            "start": value.start.isoformat(),
            "end": value.end.isoformat(),
            "kind": value.kind.value,
        }
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(plain(key)): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    raise InvalidTypeError(f"no plain form for {type(value).__name__}: {value!r}"[:200])
