"""Indicator arithmetic and roll-ups (tính chỉ tiêu: tỷ lệ, mức đạt kế hoạch, tổng hợp).

The handful of figures every report computes, exactly: a share (*tỷ lệ*, "đạt 96% dân
số"), plan attainment (*đạt … % kế hoạch*), a relative change ("tăng 17% so với năm
2020"), an absolute change ("tăng 18 tiêu chí so với đầu năm"), a change in percentage
points, a mean ("bình quân 18,2 tiêu chí/xã"), and how many targets were met ("19/21
chỉ tiêu đạt và vượt kế hoạch"). Values go in as ``int``, :class:`~decimal.Decimal` or
:class:`~fractions.Fraction` and come out as a :class:`~fractions.Fraction`; a ``float``
raises :class:`~danvan.InvalidTypeError`. Nothing here rounds or writes text: that is
:mod:`danvan.sentences` and :mod:`danvan.numbers`.

>>> from decimal import Decimal
>>> attainment(1798702098, 1659500000) > 1
True
>>> rate(19, 21)
Fraction(19, 21)
>>> change(70, 60), difference(91, 73)
(Fraction(1, 6), Fraction(18, 1))
>>> point_change(Decimal("0.73"), Decimal("0.70"))
Fraction(3, 100)
>>> mean([19, 19, 18, 18, 17])
Fraction(91, 5)
>>> str(count_met([(70, 96), (1798702098, 1659500000)]))
'1/2'

A zero denominator raises :class:`UndefinedIndicatorError`, which is a
``ZeroDivisionError`` and names what was zero:

>>> try:
...     attainment(5, 0)
... except ZeroDivisionError as exc:
...     print(type(exc).__name__, "-", exc)
UndefinedIndicatorError - attainment is undefined: the plan is zero (actual 5)

Roll-ups (tổng hợp) combine the observations of one indicator over the
:class:`~danvan.UnitTree` by the indicator's :class:`~danvan.RollUp` rule, as DHIS2
does, in one pass from the leaves up:

=========  ===========================================  ==============================
rule       one unit, several periods                    over the units of a subtree
=========  ===========================================  ==============================
sum        sum of the values                            sum
mean       mean of the unit's values                    mean over the units with data
last       value of the latest period                   sum of each unit's latest value
min, max   smallest, largest value                      smallest, largest value
count      number of values                             sum of the numbers
=========  ===========================================  ==============================

Every observation is the unit's own contribution: a parent's figure is its own value
(if it has one) combined with everything below it, so do not pass a district's
reported total together with its communes' figures. A rate (*tỷ lệ*) is an
:class:`~danvan.Indicator` with a ``numerator`` and a ``denominator``, the codes of two
counted indicators (give their definitions in ``definitions``); it rolls up as the sum of
the parts over the sum of the wholes, times its ``factor``, never as a mean of the
children's rates. A count of distinct people (:attr:`~danvan.Counting.DISTINCT`) adds up
over units but never over periods. Units
without data are not zeros: their value is ``None`` and the result lists the expected
units that did not report (:attr:`RollUpResult.missing`).

>>> from danvan import Indicator, Observation, Period, RollUp, Unit, UnitKind, UnitTree
>>> from danvan import Level
>>> tree = UnitTree([
...     Unit(id="hl", name="Thị xã Hồng Lĩnh", kind=UnitKind.PARTY_COMMITTEE,
...          level=Level.DISTRICT),
...     Unit(id="bac-hong", name="Phường Bắc Hồng", kind=UnitKind.PARTY_COMMITTEE,
...          level=Level.COMMUNE, parent="hl"),
...     Unit(id="dau-lieu", name="Xã Đậu Liêu", kind=UnitKind.PARTY_COMMITTEE,
...          level=Level.COMMUNE, parent="hl"),
... ])
>>> raised = Indicator(code="fund", name="Quỹ Vì người nghèo", unit="đồng",
...                    roll_up=RollUp.SUM)
>>> seen = [Observation(indicator="fund", unit_id="bac-hong", period=Period.year(2020),
...                     actual=120_000_000)]
>>> result = roll_up(tree, seen, raised)
>>> result.values["hl"], result.missing, str(result.coverage("hl"))
(Fraction(120000000, 1), ('dau-lieu',), '1/2')
"""

from __future__ import annotations

from danvan.errors import UndefinedIndicatorError
from danvan.indicators._arithmetic import (
    MetCount,
    attainment,
    change,
    count_met,
    difference,
    mean,
    meets,
    point_change,
    rate,
)
from danvan.indicators._rollup import RateIndicator, RollUpResult, roll_up, roll_up_many

__all__ = [
    "MetCount",
    "RateIndicator",
    "RollUpResult",
    "UndefinedIndicatorError",
    "attainment",
    "change",
    "count_met",
    "difference",
    "mean",
    "meets",
    "point_change",
    "rate",
    "roll_up",
    "roll_up_many",
]
