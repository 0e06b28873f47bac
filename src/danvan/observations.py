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

A rate or an "a/b" figure ("19/21 chỉ tiêu", "tỷ lệ bao phủ bảo hiểm y tế") is an
indicator of its own with a ``numerator`` and a ``denominator``, the codes of two counted
indicators, and a ``factor``, as DHIS2 defines indicators: units report the two counts,
and the rate rolls up as the sum of the parts over the sum of the wholes, never as a mean
of rates. :attr:`RollUp.MEAN` is for values that are themselves averages per unit.

What a report states beside a figure is a field of the observation, never prose:
"trên 90%" is ``actual=Decimal("0.9")`` with ``bound=Bound.MORE_THAN``; "đạt 108,39% KH"
without the plan is ``stated_attainment=Decimal("1.0839")``; "tăng 17% so với năm 2020"
without the 2020 figure is ``stated_change=Decimal("0.17")`` with
``baseline_period=Period.year(2020)``:

>>> more = Observation(indicator="bhyt.rate", unit_id="hl", period=Period.year(2021),
...                    actual=Decimal("0.9"), bound=Bound.MORE_THAN)
>>> more.bound.vietnamese
'trên'
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeAlias, Union

import attrs

from danvan._enums import Bilingual, Labelled, labels
from danvan._validators import exact_number, identifier, instance_of, integer, optional, text
from danvan.documents import DocumentCode, document_code_field
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.periods import Period

__all__ = [
    "Bound",
    "Counting",
    "ExactNumber",
    "Indicator",
    "Observation",
    "RelativePeriod",
    "RollUp",
    "Target",
]

ExactNumber: TypeAlias = Union[int, Decimal, Fraction]  # noqa: UP007 (an alias at runtime)
"""A value an indicator takes: ``int``, ``Decimal`` or ``Fraction``; never ``float``."""


class RollUp(Bilingual):
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


_ROLL_UP_NAMES: Final = {
    RollUp.SUM: ("tổng", "sum of the values (a flow: money raised, models recognised)"),
    RollUp.MEAN: ("bình quân", "mean of the values (criteria per commune)"),
    RollUp.LAST: ("số cuối kỳ", "latest value (a stock: models built to date)"),
    RollUp.MIN: ("thấp nhất", "smallest value (no commune under 11 criteria)"),
    RollUp.MAX: ("cao nhất", "largest value"),
    RollUp.COUNT: ("số lượng", "number of values reported"),
}
labels(RollUp, _ROLL_UP_NAMES)


class Counting(str, enum.Enum):
    """What a count counts: distinct people or things, or occurrences (lượt).

    "1.250 người" counts each person once: it adds up over units (a person lives in
    one commune) but never over periods (the same person is counted in every quarter).
    "9.278 lượt người" counts occurrences, which add up over both.

    >>> Counting.OCCURRENCES.vietnamese, Counting.DISTINCT.adds_over_periods
    ('lượt', False)
    """

    DISTINCT = "distinct"
    OCCURRENCES = "occurrences"

    @property
    def vietnamese(self) -> str:
        """ "không tính trùng" (each counted once) or "lượt" (each occurrence)."""
        return "lượt" if self is Counting.OCCURRENCES else "không tính trùng"

    @property
    def adds_over_periods(self) -> bool:
        """Whether the counts of consecutive periods may be added up."""
        return self is Counting.OCCURRENCES


class Bound(str, enum.Enum):
    """How a stated figure bounds the true value: "trên 90%", "gần 2.000 lượt người".

    The figure of the observation is the number as written; the bound says what the
    report claims about the value it stands for. :meth:`admits` tells whether a value
    agrees with the claim (:attr:`ABOUT` admits every value: the report gives no
    interval).

    >>> Bound.MORE_THAN.vietnamese, Bound.MORE_THAN.admits(91, 90)
    ('trên', True)
    >>> Bound.ALMOST.admits(2000, 2000)
    False
    """

    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    ABOUT = "about"
    ALMOST = "almost"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"

    @property
    def vietnamese(self) -> str:
        """The word reports write before the figure: "trên", "ít nhất", "khoảng", …"""
        return _BOUND_WORDS[self][0]

    @property
    def words(self) -> tuple[str, ...]:
        """Every word that states this bound ("trên", "hơn"; "ít nhất", "tối thiểu")."""
        return _BOUND_WORDS[self]

    def admits(self, value: ExactNumber, stated: ExactNumber, /) -> bool:
        """Whether a true *value* agrees with "<bound> *stated*"."""
        exact_number(value, "value")
        exact_number(stated, "stated")
        if self is Bound.MORE_THAN:
            return value > stated
        if self is Bound.AT_LEAST:
            return value >= stated
        if self is Bound.ALMOST or self is Bound.LESS_THAN:
            return value < stated
        if self is Bound.AT_MOST:
            return value <= stated
        return True

    @property
    def is_lower_bound(self) -> bool:
        """Whether the stated figure is a lower bound of the value (trên, ít nhất)."""
        return self in (Bound.MORE_THAN, Bound.AT_LEAST)

    @property
    def is_upper_bound(self) -> bool:
        """Whether the stated figure is an upper bound of the value (gần, dưới, tối đa)."""
        return self in (Bound.ALMOST, Bound.LESS_THAN, Bound.AT_MOST)


_BOUND_WORDS: Final = {
    Bound.MORE_THAN: ("trên", "hơn"),
    Bound.AT_LEAST: ("ít nhất", "tối thiểu"),
    Bound.ABOUT: ("khoảng",),
    Bound.ALMOST: ("gần",),
    Bound.LESS_THAN: ("dưới",),
    Bound.AT_MOST: ("tối đa", "không quá"),
}


class RelativePeriod(Labelled):
    """A comparison period named relative to the figure's own: "cùng kỳ", "đầu năm".

    Reports compare with "cùng kỳ năm trước" (the same period a year earlier), "kỳ
    trước" (the period just before) or "đầu năm" (the start of the year, a moment
    rather than a period). :meth:`resolve` gives the :class:`~danvan.Period` where
    there is one.

    >>> RelativePeriod.SAME_PERIOD_LAST_YEAR.resolve(Period.quarter(2024, 1))
    Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 3, 31), kind=<PeriodKind.QUARTER: 'quarter'>)
    >>> RelativePeriod.START_OF_YEAR.vietnamese
    'đầu năm'
    """  # noqa: E501

    SAME_PERIOD_LAST_YEAR = "same_period_last_year"
    PREVIOUS_PERIOD = "previous_period"
    START_OF_YEAR = "start_of_year"
    START_OF_TERM = "start_of_term"

    def resolve(self, period: Period, /) -> Period | None:
        """The period meant, relative to *period*; None for a moment ("đầu năm")."""
        if not isinstance(period, Period):
            raise InvalidTypeError(f"expected a Period, not {type(period).__name__}: {period!r}")
        if self is RelativePeriod.SAME_PERIOD_LAST_YEAR:
            return period.previous()
        if self is RelativePeriod.PREVIOUS_PERIOD:
            return period.preceding()
        return None


_RELATIVE_WORDS: Final = {
    RelativePeriod.SAME_PERIOD_LAST_YEAR: "cùng kỳ năm trước",
    RelativePeriod.PREVIOUS_PERIOD: "kỳ trước",
    RelativePeriod.START_OF_YEAR: "đầu năm",
    RelativePeriod.START_OF_TERM: "đầu nhiệm kỳ",
}
labels(RelativePeriod, _RELATIVE_WORDS)


def _exact(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An exact number: int (not bool), finite Decimal or Fraction."""
    exact_number(value, attribute.name)


_factor: Final = integer(minimum=1)


@attrs.frozen(kw_only=True)
class Indicator:
    """An indicator (chỉ tiêu): what is counted, in what unit, and how it rolls up.

    ``code`` is a stable id (no spaces, no '/'); observations and targets name the
    indicator by it. ``unit`` is the unit values are counted in, as reports write it
    ("đồng", "mô hình", "lượt người", "%"). ``higher_is_better`` gives the direction
    (IATI's "ascending"): True for money raised, False for poor households left.
    ``counting`` says whether a count counts distinct people or things
    (:attr:`Counting.DISTINCT`, never added over periods) or occurrences
    (:attr:`Counting.OCCURRENCES`, "lượt"); None when the indicator is no count.

    >>> models = Indicator(code="models.recognised", name="Mô hình được công nhận",
    ...                    unit="mô hình", roll_up=RollUp.SUM)
    >>> models.higher_is_better, models.roll_up.value, models.is_ratio
    (True, 'sum', False)

    A ratio (*tỷ lệ*, "a/b") names the codes of two counted indicators as its
    ``numerator`` and ``denominator`` and has no ``roll_up`` of its own: its value is
    ``factor`` × (sum of numerators) / (sum of denominators) wherever it is computed.
    With ``unit="%"`` and ``factor=1`` it is a ratio written as a percent (1 is 100%).

    >>> met = Indicator(code="targets.met_share", name="Chỉ tiêu đạt và vượt kế hoạch",
    ...                 unit="%", numerator="targets.met", denominator="targets.total")
    >>> met.is_ratio, met.roll_up
    (True, None)
    """

    code: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=text)
    unit: str = attrs.field(validator=text)
    roll_up: RollUp | None = attrs.field(default=None, validator=optional(instance_of(RollUp)))
    higher_is_better: bool = attrs.field(default=True, validator=instance_of(bool))
    description: str | None = attrs.field(default=None, validator=optional(text))
    numerator: str | None = attrs.field(default=None, validator=optional(identifier))
    denominator: str | None = attrs.field(default=None, validator=optional(identifier))
    factor: int = attrs.field(default=1, validator=_factor)
    counting: Counting | None = attrs.field(
        default=None, validator=optional(instance_of(Counting))
    )

    def __attrs_post_init__(self) -> None:
        if (self.numerator is None) != (self.denominator is None):
            raise InvalidValueError(
                f"indicator {self.code!r}: a ratio needs both a numerator and a denominator"
            )
        if self.numerator is None:
            if self.roll_up is None:
                raise InvalidValueError(
                    f"indicator {self.code!r} needs a roll_up (or a numerator and a denominator)"
                )
            if self.factor != 1:
                raise InvalidValueError(
                    f"indicator {self.code!r}: only a ratio has a factor, not {self.factor}"
                )
            return
        if self.roll_up is not None:
            raise InvalidValueError(
                f"indicator {self.code!r} is a ratio, which rolls up as the sum of its"
                f" numerators over the sum of its denominators: give no roll_up"
                f" (not {self.roll_up.value})"
            )
        if self.counting is not None:
            raise InvalidValueError(f"indicator {self.code!r} is a ratio, not a count")
        if len({self.code, self.numerator, self.denominator}) < 3:
            raise InvalidValueError(
                f"a ratio, its numerator and its denominator need three different codes,"
                f" not {self.code!r}, {self.numerator!r} and {self.denominator!r}"
            )

    @property
    def is_ratio(self) -> bool:
        """Whether the indicator is a ratio of two others (it has a numerator)."""
        return self.numerator is not None


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

    What a report states without the figures it was computed from is kept as stated:

    - ``bound``: the figure is a bound, not the value ("trên 90%": :attr:`Bound.MORE_THAN`);
    - ``stated_attainment``: the attainment of plan as a ratio ("đạt 108,39% KH" is
      ``Decimal("1.0839")``) when the report does not give the plan;
    - ``stated_change``: the relative change as a ratio ("tăng 17%" is ``Decimal("0.17")``,
      "giảm 5%" is ``Decimal("-0.05")``) when it does not give the earlier value;
    - ``baseline_period``: what ``baseline`` or ``stated_change`` is compared with, a
      :class:`~danvan.Period` ("năm 2020") or a :class:`RelativePeriod` ("cùng kỳ",
      "đầu năm").

    Whether a stated figure agrees with a plan or a baseline it can be computed from is
    checked by :meth:`Dataset.validate <danvan.Dataset.validate>`.

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
    bound: Bound | None = attrs.field(default=None, validator=optional(instance_of(Bound)))
    stated_attainment: ExactNumber | None = attrs.field(default=None, validator=optional(_exact))
    stated_change: ExactNumber | None = attrs.field(default=None, validator=optional(_exact))
    baseline_period: Period | RelativePeriod | None = attrs.field(
        default=None, validator=optional(instance_of(Period, RelativePeriod))
    )

    def __attrs_post_init__(self) -> None:
        if self.stated_attainment is not None and self.stated_attainment < 0:
            raise InvalidValueError(
                f"stated_attainment is a ratio of plan and cannot be negative,"
                f" not {self.stated_attainment!r}"
            )
        if self.baseline_period == self.period:
            raise InvalidValueError(
                f"baseline_period {self.period} is the observation's own period"
            )

    @property
    def key(self) -> tuple[str, str, Period]:
        """``(indicator, unit_id, period)``: what the observation is about."""
        return (self.indicator, self.unit_id, self.period)

    @property
    def comparison_period(self) -> Period | None:
        """The period the baseline or the stated change refers to, when it is a period:
        ``baseline_period`` itself, or the period a :class:`RelativePeriod` names."""
        if isinstance(self.baseline_period, RelativePeriod):
            try:
                return self.baseline_period.resolve(self.period)
            except InvalidValueError:  # no period before year 1000
                return None
        return self.baseline_period

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
