"""Shares of a split unit's figures among its successors (tỷ lệ phân bổ).

When a unit is split between several successors (a commune of the 2025 reform divided
between two new communes), nothing in its figures says which part went where, and a
report never divides them by guess: they stay "chưa phân bổ" (unassigned). A dataset
that knows the shares (from the decision that split the unit, or from the population
or households that went to each successor) gives them as :class:`SuccessorShare`
records, and reports then count that part of each figure toward each successor.

A share applies to the indicators that add up over units: a sum (money raised,
meetings held) and a stock at the end of a period (households, members). A mean, a
minimum, a maximum or a count of reports cannot be divided, and stays unassigned.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from danvan._validators import identifier, optional
from danvan.errors import InvalidTypeError, InvalidValueError

__all__ = ["SuccessorShare"]


def _share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not Fraction:
        raise InvalidTypeError(f"share must be a Fraction, not {value!r}")
    if not 0 < value <= 1:
        raise InvalidValueError(f"share must be more than 0 and at most 1, not {value}")


@attrs.frozen(kw_only=True)
class SuccessorShare:
    """The share of a split unit's figures that one successor takes (tỷ lệ phân bổ).

    ``indicator`` is the code of the indicator the share is for, or ``None`` for every
    indicator of the unit without a share of its own. The shares of one unit (for one
    indicator, or for all) add up to 1; :meth:`danvan.Dataset.validate` says where they
    do not, and where ``successor`` is not one of the unit's successors.

    >>> share = SuccessorShare(unit_id="xa-2", successor="xa-moi", share=Fraction(3, 5))
    >>> share.share, share.indicator
    (Fraction(3, 5), None)
    """

    unit_id: str = attrs.field(validator=identifier)
    successor: str = attrs.field(validator=identifier)
    share: Fraction = attrs.field(validator=_share)
    indicator: str | None = attrs.field(default=None, validator=optional(identifier))

    def __attrs_post_init__(self) -> None:
        if self.successor == self.unit_id:
            raise InvalidValueError(f"unit {self.unit_id!r} cannot be its own successor")
