"""Indicators, targets and observations (chỉ tiêu, kế hoạch, kết quả thực hiện).

Reports measure their work with indicators (*chỉ tiêu*): the money a fund raised, the
number of "Dân vận khéo" models recognised, the share of people with health insurance.
This module holds the records only, exact to the last đồng; the arithmetic on them
(attainment, change, roll-ups over periods and over the unit tree) belongs to another
module.

- An :class:`Indicator` is defined once: a stable ``code``, a name, the unit values are
  counted in ("đồng", "mô hình", "lượt người"), whether higher is better, and how values
  roll up (:class:`RollUp`: sum, mean, last, min, max, count), as in DHIS2.
- A :class:`Target` is the plan (*kế hoạch*, KH) of one indicator for one unit and one
  :class:`~danvan.Period`.
- An :class:`Observation` is what one unit achieved in one period (*thực hiện*, the
  actual value), with the plan and the baseline beside it when the report gives them,
  as IATI records baseline, target and actual for each period of a result.

"vận động quỹ "Vì người nghèo" được 1.798.702.098đ đạt 108,39% KH" (Hòa Thành, 2020):

>>> from danvan import Period
>>> raised = Indicator(code="fund.vi_nguoi_ngheo", name="Quỹ Vì người nghèo vận động được",
...                    unit="đồng", roll_up=RollUp.SUM)
>>> seen = Observation(indicator=raised.code, unit_id="hoa-thanh",
...                    period=Period.year(2020), actual=1798702098)
>>> seen.actual, seen.target is None
(1798702098, True)

Values are exact: ``int``, :class:`~decimal.Decimal` or :class:`~fractions.Fraction`,
never ``float`` (a ``float`` raises :class:`~danvan.InvalidTypeError`). A rate is stored
as a ratio, as :func:`~danvan.format_percent` takes it: an indicator whose unit is "%"
holds ``Decimal("0.96")`` for "đạt 96% dân số". Units of the political system are named
by their id, indicators by their code and documents by their code ("123-KH/BDV-UBND"),
so every record is a flat value that a converter can write and read back.

A later extension may give an indicator a numerator, a denominator and a factor, as
DHIS2 does, so that a rolled-up rate is the ratio of the sums and not the mean of the
rates; :attr:`RollUp.MEAN` is for values that are themselves averages per unit.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeAlias, Union

import attrs

from danvan._validators import exact_number, identifier, instance_of, optional, text
from danvan.documents import DocumentCode, document_code_field
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.periods import Period

__all__ = ["ExactNumber", "Indicator", "Observation", "RollUp", "Target"]

ExactNumber: TypeAlias = Union[int, Decimal, Fraction]  # noqa: UP007 (an alias at runtime)
"""A value an indicator takes: ``int``, ``Decimal`` or ``Fraction``; never ``float``."""


class RollUp(str, enum.Enum):
    """How the values of an indicator combine (tổng hợp) over periods and units.

    The value is a stable English identifier. The arithmetic lives elsewhere; this says
    what an indicator means: the money a fund raised adds up (:attr:`SUM`), the number
    of models built "to date" is a stock whose latest value counts (:attr:`LAST`).

    >>> RollUp.LAST.vietnamese
    'số cuối kỳ'
    """

    SUM = "sum"
    MEAN = "mean"
    LAST = "last"
    MIN = "min"
    MAX = "max"
    COUNT = "count"

    @property
    def vietnamese(self) -> str:
        """How reports say it: "tổng", "bình quân", "số cuối kỳ", …"""
        return _ROLL_UP_NAMES[self][0]

    @property
    def english(self) -> str:
        """An English description for documentation and tables."""
        return _ROLL_UP_NAMES[self][1]


_ROLL_UP_NAMES: Final = {
    RollUp.SUM: ("tổng", "sum of the values (a flow: money raised, models recognised)"),
    RollUp.MEAN: ("bình quân", "mean of the values (criteria per commune)"),
    RollUp.LAST: ("số cuối kỳ", "latest value (a stock: models built to date)"),
    RollUp.MIN: ("thấp nhất", "smallest value (no commune under 11 criteria)"),
    RollUp.MAX: ("cao nhất", "largest value"),
    RollUp.COUNT: ("số lượng", "number of values reported"),
}


def _exact(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An exact number: int (not bool), finite Decimal or Fraction."""
    exact_number(value, attribute.name)


@attrs.frozen(kw_only=True)
class Indicator:
    """An indicator (chỉ tiêu): what is counted, in what unit, and how it rolls up.

    ``code`` is a stable id (no spaces, no '/'); observations and targets name the
    indicator by it. ``unit`` is the unit values are counted in, as reports write it
    ("đồng", "mô hình", "lượt người", "%"). ``higher_is_better`` gives the direction
    (IATI's "ascending"): True for money raised, False for poor households left.

    >>> models = Indicator(code="models.recognised", name="Mô hình được công nhận",
    ...                    unit="mô hình", roll_up=RollUp.SUM)
    >>> models.higher_is_better, models.roll_up.value
    (True, 'sum')
    """

    code: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=text)
    unit: str = attrs.field(validator=text)
    roll_up: RollUp = attrs.field(validator=instance_of(RollUp))
    higher_is_better: bool = attrs.field(default=True, validator=instance_of(bool))
    description: str | None = attrs.field(default=None, validator=optional(text))


@attrs.frozen(kw_only=True)
class Target:
    """The plan (kế hoạch, KH) of one indicator for one unit and one period.

    ``indicator`` is an :attr:`Indicator.code`, ``unit_id`` the id of the unit the plan
    was given to, ``value`` the exact planned value and ``source``, if known, the code
    of the document that set it.

    >>> plan = Target(indicator="models.recognised", unit_id="hl-thu",
    ...               period=Period.year(2021), value=96)
    >>> plan.key == ("models.recognised", "hl-thu", Period.year(2021))
    True
    """

    indicator: str = attrs.field(validator=identifier)
    unit_id: str = attrs.field(validator=identifier)
    period: Period = attrs.field(validator=instance_of(Period))
    value: ExactNumber = attrs.field(validator=_exact)
    source: DocumentCode | None = attrs.field(default=None, converter=document_code_field)

    @property
    def key(self) -> tuple[str, str, Period]:
        """``(indicator, unit_id, period)``: what the target is about."""
        return (self.indicator, self.unit_id, self.period)


@attrs.frozen(kw_only=True)
class Observation:
    """What one unit achieved on one indicator in one period (kết quả thực hiện).

    ``actual`` is the value reached; ``target`` the plan for the same indicator, unit
    and period, and ``baseline`` the value the report compares with ("so với năm 2020",
    "so với đầu năm"), each when the source gives it. ``source`` is the code of the
    document the figure comes from, if it has one. All values are exact numbers.

    >>> seen = Observation(indicator="models.recognised", unit_id="hl-thu",
    ...                    period=Period.year(2021), actual=70)
    >>> seen.with_target(Target(indicator="models.recognised", unit_id="hl-thu",
    ...                         period=Period.year(2021), value=96)).target
    96
    """

    indicator: str = attrs.field(validator=identifier)
    unit_id: str = attrs.field(validator=identifier)
    period: Period = attrs.field(validator=instance_of(Period))
    actual: ExactNumber = attrs.field(validator=_exact)
    target: ExactNumber | None = attrs.field(default=None, validator=optional(_exact))
    baseline: ExactNumber | None = attrs.field(default=None, validator=optional(_exact))
    source: DocumentCode | None = attrs.field(default=None, converter=document_code_field)

    @property
    def key(self) -> tuple[str, str, Period]:
        """``(indicator, unit_id, period)``: what the observation is about."""
        return (self.indicator, self.unit_id, self.period)

    def with_target(self, target: Target, /) -> Observation:
        """This observation with the value of *target* as its plan.

        *target* must be about the same indicator, unit and period, or
        :class:`~danvan.InvalidValueError` is raised.
        """
        if not isinstance(target, Target):
            raise InvalidTypeError(f"expected a Target, not {type(target).__name__}: {target!r}")
        if target.key != self.key:
            raise InvalidValueError(
                f"the target {target.key!r} is not about the observation {self.key!r}"
            )
        return attrs.evolve(self, target=target.value)
