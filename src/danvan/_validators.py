"""attrs validators that raise danvan's own errors (private).

``attrs.validators.instance_of`` raises a bare ``TypeError``; danvan's classes raise
:class:`~danvan.InvalidTypeError` (a ``TypeError`` too) and
:class:`~danvan.InvalidValueError`, naming the field and quoting the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from danvan._text import MAX_MARKS, long_run
from danvan.errors import InvalidTypeError, InvalidValueError

__all__ = ["identifier", "instance_of", "optional", "text", "tuple_of"]

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
