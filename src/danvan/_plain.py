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

__all__ = ["exact", "plain"]


def exact(value: int | Decimal | Fraction | None) -> int | str | None:
    """An exact number as JSON: an int when whole, else "n/d" (a Fraction) or its
    decimal text (a Decimal)."""
    if value is None or type(value) is int:
        return value
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return value.numerator
        return f"{value.numerator}/{value.denominator}"
    return str(value)


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
