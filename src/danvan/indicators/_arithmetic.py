"""Indicator arithmetic (private to danvan.indicators): shares, attainment, changes,
means and how many targets were met, exact as Fractions."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from danvan._validators import (
    count,
    exact_number,
    iterable,
)
from danvan.errors import (
    InvalidTypeError,
    InvalidValueError,
    UndefinedIndicatorError,
)
from danvan.numbers import MAX_DIGITS
from danvan.observations import Bound, ExactNumber, Indicator, Observation

__all__ = [
    "MetCount",
    "attainment",
    "change",
    "count_met",
    "difference",
    "mean",
    "meets",
    "point_change",
    "rate",
]


def _fraction(value: object, what: str) -> Fraction:
    """*value* as an exact Fraction; floats, bools and other types are refused."""
    if type(value) is Fraction:
        return value
    if type(value) is int:
        return Fraction(value)
    exact_number(value, what)
    assert isinstance(value, (int, Decimal, Fraction))
    # Fraction(Decimal("1E+999999999")) would build a billion-digit integer: refuse first.
    if isinstance(value, Decimal) and not -MAX_DIGITS <= value.adjusted() < MAX_DIGITS:
        raise InvalidValueError(f"{what} has more than {MAX_DIGITS} digits: {value!r}")
    return Fraction(value)


def rate(part: ExactNumber, whole: ExactNumber, /) -> Fraction:
    """The share *part* / *whole* (tỷ lệ), as a ratio: 1 is 100%.

    >>> rate(33, 33), rate(19, 21)
    (Fraction(1, 1), Fraction(19, 21))

    A zero *whole* raises :class:`UndefinedIndicatorError`.
    """
    numerator = _fraction(part, "part")
    denominator = _fraction(whole, "whole")
    if not denominator:
        raise UndefinedIndicatorError(f"rate is undefined: the whole is zero (part {part})")
    return numerator / denominator


def attainment(actual: ExactNumber, plan: ExactNumber, /) -> Fraction:
    """Plan attainment (mức đạt kế hoạch): *actual* / *plan*; 1 is 100% of plan.

    >>> from decimal import Decimal
    >>> attainment(70, 96)
    Fraction(35, 48)
    >>> attainment(Decimal("3.8"), 4)
    Fraction(19, 20)

    A zero *plan* raises :class:`UndefinedIndicatorError`.
    """
    value = _fraction(actual, "actual")
    target = _fraction(plan, "plan")
    if not target:
        raise UndefinedIndicatorError(
            f"attainment is undefined: the plan is zero (actual {actual})"
        )
    return value / target


def change(current: ExactNumber, previous: ExactNumber, /) -> Fraction:
    """The relative change from *previous* to *current* (tăng, giảm … %).

    ``(current - previous) / |previous|``: dividing by the size of *previous* keeps the
    sign of the result the direction of the change even when *previous* is negative.

    >>> change(70, 60), change(94, 100), change(5, 5)
    (Fraction(1, 6), Fraction(-3, 50), Fraction(0, 1))

    A zero *previous* raises :class:`UndefinedIndicatorError`.
    """
    now = _fraction(current, "current")
    before = _fraction(previous, "previous")
    if not before:
        raise UndefinedIndicatorError(
            f"relative change is undefined: the previous value is zero (current {current})"
        )
    return (now - before) / abs(before)


def difference(current: ExactNumber, previous: ExactNumber, /) -> Fraction:
    """The absolute change *current* - *previous* ("tăng 18 tiêu chí"), as a Fraction.

    Always a Fraction, whatever the inputs, so results of every indicator function
    have one type (``Fraction(18)`` is equal to ``18``).

    >>> difference(91, 73), difference(1, 3)
    (Fraction(18, 1), Fraction(-2, 1))
    """
    return _fraction(current, "current") - _fraction(previous, "previous")


def point_change(rate_now: ExactNumber, rate_before: ExactNumber, /) -> Fraction:
    """The change of a rate in percentage points (điểm phần trăm), as a ratio.

    Both rates are ratios (1 is 100%); so is the result: 73% after 70% is a change of
    ``3/100``, three percentage points, not the relative change of 4,29%.

    >>> point_change(Fraction(73, 100), Fraction(7, 10))
    Fraction(3, 100)
    """
    return _fraction(rate_now, "rate_now") - _fraction(rate_before, "rate_before")


def mean(values: Iterable[ExactNumber], /) -> Fraction:
    """The mean (bình quân) of *values*: 91 criteria over 5 communes is 18,2.

    >>> mean([19, 19, 18, 18, 17])
    Fraction(91, 5)

    No values at all raise :class:`UndefinedIndicatorError`.
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidTypeError(f"values must be an iterable of numbers, not {values!r}")
    total = Fraction(0)
    count = 0
    for value in values:
        total += _fraction(value, "value")
        count += 1
    if not count:
        raise UndefinedIndicatorError("mean is undefined: there are no values")
    return total / count


def meets(
    actual: ExactNumber,
    target: ExactNumber,
    /,
    *,
    higher_is_better: bool = True,
    bound: Bound | None = None,
) -> bool:
    """Whether *actual* meets *target* (đạt và vượt kế hoạch), in the indicator's direction.

    With ``higher_is_better`` (money raised) the target is met when ``actual >= target``;
    without it (poor households left) when ``actual <= target``. Equal always meets.

    >>> meets(1798702098, 1659500000), meets(70, 96)
    (True, False)
    >>> meets(3, 5, higher_is_better=False)
    True

    A *bound* says *actual* is a bound of the value ("trên 90%"): the target counts as
    met only when every value the bound admits meets it, so "gần 100%" does not meet
    100% and "khoảng 100%" meets nothing.

    >>> from decimal import Decimal
    >>> meets(Decimal("0.9"), Decimal("0.9"), bound=Bound.MORE_THAN)
    True
    >>> meets(1, 1, bound=Bound.ALMOST), meets(1, 1, bound=Bound.ABOUT)
    (False, False)
    """
    if not isinstance(higher_is_better, bool):
        raise InvalidTypeError(f"higher_is_better must be a bool, not {higher_is_better!r}")
    if bound is not None and not isinstance(bound, Bound):
        raise InvalidTypeError(f"bound must be a Bound or None, not {bound!r}")
    value = _fraction(actual, "actual")
    goal = _fraction(target, "target")
    if bound is None:
        return value >= goal if higher_is_better else value <= goal
    if higher_is_better:
        return bound.is_lower_bound and value >= goal
    return bound.is_upper_bound and value <= goal


def _check_met(instance: MetCount, attribute: attrs.Attribute[Any], value: int) -> None:
    count(instance, attribute, value)
    if instance.met > value:
        raise InvalidValueError(f"met ({instance.met}) cannot exceed total ({value})")


@attrs.frozen
class MetCount:
    """How many of a number of items met their mark: "19/21 chỉ tiêu", "33/33 cơ sở".

    ``met`` and ``total`` are whole numbers with ``0 <= met <= total``. ``str`` writes
    the pair as reports do.

    >>> score = MetCount(19, 21)
    >>> str(score), score.unmet, score.all_met
    ('19/21', 2, False)
    >>> score.share
    Fraction(19, 21)
    """

    met: int = attrs.field(validator=count)
    total: int = attrs.field(validator=_check_met)

    def __str__(self) -> str:
        return f"{self.met}/{self.total}"

    @property
    def unmet(self) -> int:
        """How many did not meet their mark."""
        return self.total - self.met

    @property
    def all_met(self) -> bool:
        """Whether every item met its mark (True for ``0/0`` too)."""
        return self.met == self.total

    @property
    def share(self) -> Fraction:
        """``met / total``; :class:`UndefinedIndicatorError` when the total is zero."""
        if not self.total:
            raise UndefinedIndicatorError("the share is undefined: the total is zero")
        return Fraction(self.met, self.total)


def count_met(
    results: Iterable[tuple[ExactNumber, ExactNumber] | Observation],
    /,
    *,
    indicators: Iterable[Indicator] = (),
    higher_is_better: bool = True,
) -> MetCount:
    """Count the results that meet their target: "19/21 chỉ tiêu đạt và vượt kế hoạch".

    Each result is an ``(actual, target)`` pair or an :class:`~danvan.Observation` that
    has a ``target``. An observation takes its direction from its indicator when the
    indicator is among *indicators*; pairs, and observations of other indicators, take
    *higher_is_better*. An observation with a ``bound`` counts as met only when the
    bound guarantees it (see :func:`meets`). An observation without a target raises
    :class:`~danvan.InvalidValueError`.

    >>> from danvan import Indicator, Observation, Period, RollUp
    >>> poor = Indicator(code="poor", name="Hộ nghèo", unit="hộ", roll_up=RollUp.LAST,
    ...                  higher_is_better=False)
    >>> left = Observation(indicator="poor", unit_id="hl", period=Period.year(2021),
    ...                    actual=95, target=100)
    >>> str(count_met([left, (70, 96)], indicators=[poor]))
    '1/2'
    """
    iterable(results, "results")
    iterable(indicators, "indicators")
    if not isinstance(higher_is_better, bool):
        raise InvalidTypeError(f"higher_is_better must be a bool, not {higher_is_better!r}")
    directions: dict[str, bool] = {}
    for indicator in indicators:
        if not isinstance(indicator, Indicator):
            raise InvalidTypeError(f"indicators must be Indicators, not {indicator!r}")
        directions[indicator.code] = indicator.higher_is_better
    met = total = 0
    for result in results:
        if isinstance(result, Observation):
            if result.target is None:
                raise InvalidValueError(
                    f"the observation of {result.indicator!r} for {result.unit_id!r},"
                    f" {result.period}, has no target"
                )
            actual, target, bound = result.actual, result.target, result.bound
            direction = directions.get(result.indicator, higher_is_better)
        elif isinstance(result, tuple) and len(result) == 2:
            actual, target = result
            direction, bound = higher_is_better, None
        else:
            raise InvalidTypeError(
                f"a result is an (actual, target) pair or an Observation, not {result!r}"
            )
        total += 1
        met += meets(actual, target, higher_is_better=direction, bound=bound)
    return MetCount(met, total)
