"""attrs validators that raise danvan's own errors (private).

``attrs.validators.instance_of`` raises a bare ``TypeError``; danvan's classes raise
:class:`~danvan.InvalidTypeError` (a ``TypeError`` too) and
:class:`~danvan.InvalidValueError`, naming the field and quoting the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from danvan._text import MAX_MARKS, long_run
from danvan.errors import InvalidTypeError, InvalidValueError, shorten

__all__ = [
    "check_day",
    "check_integer",
    "count",
    "day",
    "exact_number",
    "identifier",
    "instance_of",
    "integer",
    "iterable",
    "optional",
    "text",
    "tuple_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_ID_RE: Final = re.compile(r"[^\s/]+")


def instance_of(*kinds: type) -> Validator:
    """The value is an instance of one of *kinds* (``bool`` is not an ``int`` here)."""
    names = " or ".join(kind.__name__ for kind in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise InvalidTypeError(
                f"{attribute.name} must be a {names}, not {type(value).__name__}: {value!r}"
            )

    return check


def optional(validator: Validator) -> Validator:
    """*validator*, or None."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A str with something in it besides spaces."""
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{attribute.name} must be a str, not {type(value).__name__}: {value!r}"
        )
    if not value.strip():
        raise InvalidValueError(f"{attribute.name} must not be empty")
    index = long_run(value)
    if index is not None:  # no real text has them, and normalising them is quadratic
        raise InvalidValueError(
            f"{attribute.name} has more than {MAX_MARKS} combining marks in a row"
            f" at position {index}"
        )


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A stable id: a non-empty str without white space or '/'."""
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{attribute.name} must be a str, not {type(value).__name__}: {value!r}"
        )
    if not _ID_RE.fullmatch(value):
        raise InvalidValueError(
            f"{attribute.name} must be a non-empty id without spaces or '/', not {value!r}"
        )


def tuple_of(*kinds: type) -> Validator:
    """A tuple whose items are all instances of *kinds*."""
    names = " or ".join(kind.__name__ for kind in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidTypeError(
                f"{attribute.name} must be a tuple, not {type(value).__name__}: {value!r}"
            )
        for item in value:
            if not isinstance(item, kinds):
                raise InvalidTypeError(f"{attribute.name} must hold {names} items, not {item!r}")

    return check


def iterable(value: object, name: str) -> None:
    """Raise InvalidTypeError unless *value* is an iterable of items (not a str)."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise InvalidTypeError(
            f"{name} must be an iterable of items, not {type(value).__name__}: {value!r}"[:200]
        )


def exact_number(value: object, name: str) -> None:
    """Raise unless *value* is an exact number: an int (not a bool), a finite Decimal or a
    Fraction. A float gets a hint on how to write it exactly."""
    if isinstance(value, float):
        raise InvalidTypeError(
            f"{name} must be exact (an int, Decimal or Fraction), not the float"
            f" {value!r}: write Decimal({str(value)!r}) or an int"
        )
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, Fraction)):
        raise InvalidTypeError(
            f"{name} must be an int, Decimal or Fraction, not {type(value).__name__}: {value!r}"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidValueError(f"{name} must be a finite number, not {value!r}")


def check_integer(
    value: object, name: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """*value* if it is a whole number (an ``int``, not a ``bool``) within the bounds.

    The one integer check of danvan: :class:`~danvan.InvalidTypeError` for what is not
    an ``int`` (a ``float`` 3.0, a ``bool``, a ``str``), :class:`~danvan.InvalidValueError`
    for an ``int`` out of bounds, each naming *name* and quoting the value.

    >>> check_integer(3, "count", minimum=0)
    3
    >>> check_integer(-1, "count", minimum=0)
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: count must be a whole number >= 0, not -1
    >>> check_integer(True, "month", minimum=1, maximum=12)
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidTypeError: month must be a whole number from 1 to 12, not bool: True
    """
    if minimum is not None and maximum is not None:
        wanted = f"a whole number from {minimum} to {maximum}"
    elif minimum is not None:
        wanted = f"a whole number >= {minimum}"
    elif maximum is not None:
        wanted = f"a whole number <= {maximum}"
    else:
        wanted = "a whole number"
    if not isinstance(value, int) or isinstance(value, bool):
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:79] + "…"
        raise InvalidTypeError(f"{name} must be {wanted}, not {type(value).__name__}: {shown}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise InvalidValueError(f"{name} must be {wanted}, not {value!r}")
    return value


def integer(*, minimum: int | None = None, maximum: int | None = None) -> Validator:
    """The attrs validator of :func:`check_integer`, named after the field."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_integer(value, attribute.name, minimum=minimum, maximum=maximum)

    return check


count: Final = integer(minimum=0)
"""A count: a whole number >= 0."""


def check_day(value: object, name: str) -> date:
    """*value* if it is a day: a :class:`datetime.date`, not a ``datetime`` (which is a
    date too, but cannot be compared with one). The one day check of danvan.

    >>> check_day(date(2025, 7, 1), "as_of")
    datetime.date(2025, 7, 1)
    >>> check_day(datetime(2025, 7, 1, 8), "as_of")
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidTypeError: as_of must be a date, not datetime: datetime.datetime(2025, 7, 1, 8, 0) (for a datetime, pass its .date())
    """  # noqa: E501
    if isinstance(value, datetime):
        raise InvalidTypeError(
            f"{name} must be a date, not datetime: {shorten(value)} (for a datetime, pass"
            " its .date())"
        )
    if not isinstance(value, date):
        raise InvalidTypeError(
            f"{name} must be a date, not {type(value).__name__}: {shorten(value)}"
        )
    return value


def day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """The attrs validator of :func:`check_day` (``optional(day)`` lets None pass)."""
    check_day(value, attribute.name)
