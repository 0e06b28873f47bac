"""Roll-ups (private to danvan.indicators): one indicator's observations combined over
a unit tree by its rule, in one pass from the leaves up; and the deprecated
RateIndicator."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Union

import attrs

from danvan._rollups import (
    ADDITIVE,
    Layout,
    additive,
    expected_positions,
    layout_of,
    ratio_parts,
    wanted_and_known,
)
from danvan._validators import (
    identifier,
    instance_of,
    iterable,
    optional,
    text,
)
from danvan.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownUnitError,
)
from danvan.indicators._arithmetic import MetCount
from danvan.observations import Counting, ExactNumber, Indicator, Observation, RollUp
from danvan.periods import Period
from danvan.units import Level, Unit, UnitKind, UnitTree

__all__ = ["AnyIndicator", "RateIndicator", "RollUpResult", "roll_up", "roll_up_many"]


def _check_part(instance: RateIndicator, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(Indicator)(instance, attribute, value)
    assert isinstance(value, Indicator)
    if value.roll_up not in ADDITIVE:
        raise InvalidValueError(
            f"the {attribute.name} of a rate must add up over units (roll_up sum or last),"
            f" not {'a ratio' if value.roll_up is None else value.roll_up.value}: {value.code!r}"
        )
    if attribute.name == "denominator":
        codes = {instance.code, instance.numerator.code}
        if value.code in codes or len(codes) < 2:
            raise InvalidValueError(
                f"a rate, its numerator and its denominator need three different codes,"
                f" not {instance.code!r}, {instance.numerator.code!r} and {value.code!r}"
            )


@attrs.frozen(kw_only=True)
class RateIndicator:
    """A rate (tỷ lệ): one counted indicator over another, as DHIS2 defines indicators.

    .. deprecated:: 0.2
       An :class:`~danvan.Indicator` with ``numerator`` and ``denominator`` codes is a
       rate that serialises like any indicator; :meth:`as_indicator` gives it. This
       class still rolls up as before and will be removed in 1.0.

    ``numerator`` and ``denominator`` are :class:`~danvan.Indicator` records whose
    values add up over units (their ``roll_up`` is ``SUM`` for flows or ``LAST`` for
    stocks); units report the two counts, never the rate itself. The rate of a unit is
    the sum of the numerators below it over the sum of the denominators, counting only
    units that reported both. Values are ratios (1 is 100%).

    >>> from danvan import Indicator, RollUp
    >>> insured = Indicator(code="bhyt.people", name="Người có bảo hiểm y tế",
    ...                     unit="người", roll_up=RollUp.LAST)
    >>> people = Indicator(code="population", name="Dân số", unit="người",
    ...                    roll_up=RollUp.LAST)
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     coverage = RateIndicator(code="bhyt.rate", name="Tỷ lệ bao phủ bảo hiểm y tế",
    ...                              numerator=insured, denominator=people)
    >>> coverage.unit, coverage.as_indicator().numerator
    ('%', 'bhyt.people')
    """

    code: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=text)
    numerator: Indicator = attrs.field(validator=_check_part)
    denominator: Indicator = attrs.field(validator=_check_part)
    higher_is_better: bool = attrs.field(default=True, validator=instance_of(bool))
    description: str | None = attrs.field(default=None, validator=optional(text))

    def __attrs_post_init__(self) -> None:
        warnings.warn(
            "RateIndicator is deprecated: use Indicator(numerator=..., denominator=...),"
            " which RateIndicator.as_indicator() gives",
            DeprecationWarning,
            stacklevel=3,
        )

    @property
    def unit(self) -> str:
        """Always ``"%"``: a rate is written as a percent."""
        return "%"

    def as_indicator(self) -> Indicator:
        """The same rate as an :class:`~danvan.Indicator` with numerator and denominator."""
        return Indicator(
            code=self.code,
            name=self.name,
            unit="%",
            higher_is_better=self.higher_is_better,
            description=self.description,
            numerator=self.numerator.code,
            denominator=self.denominator.code,
        )


AnyIndicator = Union[Indicator, RateIndicator]  # noqa: UP007 (an alias at runtime)


Raw = Union[int, Fraction]  # noqa: UP007


def _raw(value: ExactNumber) -> Raw:
    """An exact value as an int when whole (fast to add), else a Fraction."""
    if type(value) is int:
        return value
    if isinstance(value, Decimal):
        numerator, denominator = value.as_integer_ratio()
        return numerator if denominator == 1 else Fraction(numerator, denominator)
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else value
    return int(value)


def _no_overlap(observations: list[Observation]) -> list[Observation]:
    """The observations of one unit and indicator in date order; overlaps are refused."""
    ordered = sorted(observations, key=lambda seen: (seen.period.start, seen.period.end))
    for before, after in itertools.pairwise(ordered):
        if after.period.start <= before.period.end:
            raise InvalidValueError(
                f"unit {after.unit_id!r} has overlapping observations of {after.indicator!r}"
                f" ({before.period} and {after.period}); pass only one of them"
            )
    return ordered


def _own(rule: RollUp, seen: list[Observation], distinct: bool = False) -> Raw:
    """A unit's own value over the periods of its several observations (for COUNT, how
    many there are; for MEAN, their mean)."""
    values = [_raw(observation.actual) for observation in _no_overlap(seen)]
    if rule is RollUp.SUM:
        if distinct:
            first = seen[0]
            raise InvalidValueError(
                f"{first.indicator!r} counts distinct people or things, which do not add up"
                f" over periods: unit {first.unit_id!r} has {len(seen)} figures in the period"
            )
        return sum(values)
    if rule is RollUp.LAST:
        return values[-1]
    if rule is RollUp.MIN:
        return min(values)
    if rule is RollUp.MAX:
        return max(values)
    if rule is RollUp.COUNT:
        return len(values)
    return Fraction(sum(values)) / len(values)


def _add_up(acc: list[Any], parent: list[int]) -> None:
    """Post-order pass: add every unit's figure into its parent's."""
    for position in range(len(acc) - 1, 0, -1):
        value = acc[position]
        if value is not None:
            up = parent[position]
            if up >= 0:
                above = acc[up]
                acc[up] = value if above is None else above + value


def _extreme(acc: list[Any], parent: list[int], smallest: bool) -> None:
    for position in range(len(acc) - 1, 0, -1):
        value = acc[position]
        if value is not None:
            up = parent[position]
            if up >= 0:
                above = acc[up]
                if above is None or (value < above if smallest else value > above):
                    acc[up] = value


class _Values(Mapping[str, "Fraction | None"]):
    """Rolled-up values by unit id, made Fractions when read (a read-only mapping)."""

    __slots__ = ("_den", "_factor", "_index", "_num")

    def __init__(
        self, index: dict[str, int], num: list[Any], den: list[Any] | None, factor: int = 1
    ) -> None:
        self._index = index
        self._num = num
        self._den = den
        self._factor = factor

    def __getitem__(self, unit_id: str) -> Fraction | None:
        try:
            position = self._index[unit_id]
        except (KeyError, TypeError):
            raise UnknownUnitError(unit_id) from None
        value = self._num[position]
        if value is None:
            return None
        if self._den is None:
            return Fraction(value)
        den = self._den[position]
        if not den:
            return None
        return self._factor * Fraction(value) / Fraction(den)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, unit_id: object) -> bool:
        return isinstance(unit_id, str) and unit_id in self._index

    def __repr__(self) -> str:
        return f"<rolled-up values of {len(self)} units>"


@attrs.frozen(eq=False)
class RollUpResult:
    """The roll-up of one indicator over a unit tree (kết quả tổng hợp).

    ``values`` maps the id of every unit of the tree (in walk order) to its figure, a
    :class:`~fractions.Fraction`, or ``None`` when no unit in its subtree has usable
    data (or, for a rate, when the sum of the wholes is zero: see ``undefined``).
    ``missing`` lists, in walk order, the expected units (by default the leaves of the
    tree) that have no usable data of their own; ``unpaired`` the units that reported
    only one of the two parts of a rate (their data is left out); ``undefined`` the
    units whose rate has data but a zero whole.
    """

    indicator: Indicator | RateIndicator
    period: Period | None
    values: Mapping[str, Fraction | None] = attrs.field(repr=False)
    missing: tuple[str, ...] = attrs.field(repr=False)
    unpaired: tuple[str, ...] = attrs.field(repr=False)
    undefined: tuple[str, ...] = attrs.field(repr=False)
    layout: Layout = attrs.field(repr=False, alias="layout")
    _expected: bytearray = attrs.field(repr=False, alias="expected")
    _reported: bytearray = attrs.field(repr=False, alias="reported")

    def __getitem__(self, unit_id: str) -> Fraction | None:
        return self.values[unit_id]

    def _span(self, unit_id: str) -> range:
        position = self.layout.index.get(unit_id)
        if position is None:
            raise UnknownUnitError(unit_id)
        return range(position, position + self.layout.size[position])

    def coverage(self, unit_id: str, /) -> MetCount:
        """Expected units in *unit_id*'s subtree (itself included) that reported, of all
        expected there: "33/33 cơ sở"."""
        span = self._span(unit_id)
        expected, reported = self._expected, self._reported
        total = sum(expected[span.start : span.stop])
        met = sum(1 for position in span if expected[position] and reported[position])
        return MetCount(met, total)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data for an API (JSON types only; exact values as an int
        or a "n/d" string): the indicator's code, the period, the value of every unit
        and the lists of units without data.

        >>> from danvan import Level, Unit, UnitKind, UnitTree, Observation, Period, RollUp
        >>> tree = UnitTree([Unit(id="xa", name="Xã A", kind=UnitKind.OTHER,
        ...                       level=Level.COMMUNE)])
        >>> mean = Indicator(code="tc", name="Tiêu chí", unit="tiêu chí", roll_up=RollUp.MEAN)
        >>> seen = [Observation(indicator="tc", unit_id="xa", period=Period.month(2021, m),
        ...                     actual=m) for m in (1, 2)]
        >>> roll_up(tree, seen, mean).to_dict()["values"]
        {'xa': '3/2'}
        """
        from danvan._plain import plain

        return {
            "indicator": self.indicator.code,
            "period": plain(self.period),
            "values": {unit_id: plain(value) for unit_id, value in self.values.items()},
            "missing": list(self.missing),
            "unpaired": list(self.unpaired),
            "undefined": list(self.undefined),
        }

    def missing_under(self, unit_id: str, /) -> tuple[str, ...]:
        """The expected units in *unit_id*'s subtree, itself included, without data:
        what its figure leaves out."""
        expected, reported, ids = self._expected, self._reported, self.layout.ids
        return tuple(
            ids[position]
            for position in self._span(unit_id)
            if expected[position] and not reported[position]
        )


def _alive(unit: Unit, start: date, end: date) -> bool:
    """Whether *unit* exists on some day from *start* to *end*."""
    founded, dissolved = unit.founded, unit.dissolved
    return (founded is None or founded <= end) and (dissolved is None or dissolved > start)


def _like_the_reporters(
    layout: Layout, reported: bytearray, period: Period | None
) -> tuple[bytearray, list[int], bytearray]:
    """The units expected to report by default: those of the level and kind of the
    units that reported (the communes' Party committees when they reported), alive on
    some day of the period; and which of them are covered: they, or units below them,
    reported (a ward whose hamlets reported is not missing)."""
    groups: set[tuple[Level, UnitKind]] = set()
    levels, units = layout.levels, layout.units
    for position in range(len(reported)):
        if reported[position]:
            groups.add((levels[position], units[position].kind))
    positions: list[int] = []
    for group in groups:
        positions += layout.kinds[group]
    if period is not None:
        start, end = period.start, period.end
        positions = [p for p in positions if _alive(units[p], start, end)]
    positions.sort()
    flags = bytearray(len(layout.ids))
    covered = bytearray(len(layout.ids))
    size = layout.size
    for position in positions:
        flags[position] = 1
        covered[position] = 1 if any(reported[position : position + size[position]]) else 0
    return flags, positions, covered


def _collect(
    layout: Layout,
    observations: Iterable[Observation],
    codes: set[str],
    period: Period | None,
) -> dict[str, dict[int, Any]]:
    """The observations of *codes* in *period*, by code and unit position.

    A unit with one observation maps to it, with several to a list of them.
    """
    groups: dict[str, dict[int, Any]] = {code: {} for code in codes}
    index = layout.index
    start = end = None
    if period is not None:
        start, end = period.start, period.end
    last: Period | None = None  # the last period checked, and whether it was inside
    inside = True
    for observation in observations:
        if type(observation) is not Observation and not isinstance(observation, Observation):
            raise InvalidTypeError(f"observations must be Observations, not {observation!r}")
        group = groups.get(observation.indicator)
        if group is None:
            continue
        if start is not None:
            when = observation.period
            if when is not last:  # observations mostly share their Period objects
                last = when
                inside = start <= when.start and when.end <= end  # type: ignore[operator]
            if not inside:
                continue
        position = index.get(observation.unit_id)
        if position is None:
            raise UnknownUnitError(observation.unit_id)
        seen = group.setdefault(position, observation)
        if seen is not observation:
            if type(seen) is list:
                seen.append(observation)
            else:
                group[position] = [seen, observation]
    return groups


def _own_values(group: dict[int, Any], rule: RollUp, distinct: bool) -> dict[int, Raw]:
    """Each unit's own value over its observations of one indicator, by position."""
    values: dict[int, Raw] = {}
    count = rule is RollUp.COUNT
    for position, seen in group.items():
        if type(seen) is Observation:
            if count:
                values[position] = 1
            else:
                value = seen.actual
                values[position] = value if type(value) is int else _raw(value)
        else:
            values[position] = _own(rule, seen, distinct)
    return values


class _Pass:
    """The roll-ups of one call: each unit's own values and the sums up the tree are
    worked out once per indicator code and shared (a rate reuses its parts' sums)."""

    __slots__ = ("_groups", "_own", "_summed", "layout", "period")

    def __init__(
        self, layout: Layout, groups: dict[str, dict[int, Any]], period: Period | None
    ) -> None:
        self.layout = layout
        self.period = period
        self._groups = groups
        self._own: dict[tuple[str, RollUp, bool], dict[int, Raw]] = {}
        self._summed: dict[tuple[str, RollUp, bool], list[Any]] = {}

    def own(self, code: str, rule: RollUp, distinct: bool = False) -> dict[int, Raw]:
        key = (code, rule, distinct)
        if key not in self._own:
            self._own[key] = _own_values(self._groups[code], rule, distinct)
        return self._own[key]

    def summed(self, code: str, rule: RollUp, distinct: bool = False) -> list[Any]:
        """Own values added up the tree (for the additive rules); never changed after."""
        key = (code, rule, distinct)
        if key not in self._summed:
            acc: list[Any] = [None] * len(self.layout.ids)
            for position, value in self.own(code, rule, distinct).items():
                acc[position] = value
            _add_up(acc, self.layout.parent)
            self._summed[key] = acc
        return self._summed[key]

    def roll(
        self,
        indicator: AnyIndicator,
        parts: tuple[Indicator, Indicator, int] | None,
        expected: tuple[bytearray, list[int]] | None,
    ) -> RollUpResult:
        layout = self.layout
        size = len(layout.ids)
        reported = bytearray(size)
        unpaired: tuple[str, ...] = ()
        undefined: tuple[str, ...] = ()
        den: list[Any] | None = None
        factor = 1
        if parts is not None:
            top, bottom, factor = parts
            top_rule, bottom_rule = additive(top), additive(bottom)
            top_distinct = top.counting is Counting.DISTINCT
            bottom_distinct = bottom.counting is Counting.DISTINCT
            numerators = self.own(top.code, top_rule, top_distinct)
            wholes = self.own(bottom.code, bottom_rule, bottom_distinct)
            paired = [position for position in numerators if position in wholes]
            for position in paired:
                reported[position] = 1
            if len(paired) == len(numerators) == len(wholes):
                acc = self.summed(top.code, top_rule, top_distinct)
                den = self.summed(bottom.code, bottom_rule, bottom_distinct)
            else:  # leave out the units that reported only one part
                lonely = set(numerators).symmetric_difference(wholes)
                unpaired = tuple(layout.ids[position] for position in sorted(lonely))
                acc = [None] * size
                den = [None] * size
                for position in paired:
                    acc[position] = numerators[position]
                    den[position] = wholes[position]
                _add_up(acc, layout.parent)
                _add_up(den, layout.parent)
            undefined = tuple(
                layout.ids[position]
                for position in range(size)
                if den[position] is not None and not den[position]
            )
        else:
            assert isinstance(indicator, Indicator)
            rule = additive(indicator) if indicator.roll_up is None else indicator.roll_up
            distinct = indicator.counting is Counting.DISTINCT
            values = self.own(indicator.code, rule, distinct)
            for position in values:
                reported[position] = 1
            if rule is RollUp.MEAN:
                acc = self.summed(indicator.code, rule, distinct)  # the units' means added
                den = [None] * size
                for position in values:
                    den[position] = 1
                _add_up(den, layout.parent)
            elif rule is RollUp.MIN or rule is RollUp.MAX:
                acc = [None] * size
                for position, value in values.items():
                    acc[position] = value
                _extreme(acc, layout.parent, rule is RollUp.MIN)
            else:
                acc = self.summed(indicator.code, rule, distinct)
        ids = layout.ids
        if expected is None:
            flags, expected_at, reported = _like_the_reporters(layout, reported, self.period)
        else:
            flags, expected_at = expected
        missing = tuple(ids[position] for position in expected_at if not reported[position])
        return RollUpResult(
            indicator,
            self.period,
            _Values(layout.index, acc, den, factor),
            missing,
            unpaired,
            undefined,
            layout=layout,
            expected=flags,
            reported=reported,
        )


def _check_common(tree: object, period: object) -> None:
    if not isinstance(tree, UnitTree):
        raise InvalidTypeError(f"expected a UnitTree, not {type(tree).__name__}: {tree!r}")
    if period is not None and not isinstance(period, Period):
        raise InvalidTypeError(f"period must be a Period or None, not {period!r}")


def roll_up(
    tree: UnitTree,
    observations: Iterable[Observation],
    indicator: Indicator | RateIndicator,
    /,
    *,
    period: Period | None = None,
    expected: Iterable[str] | Level | Literal["leaves"] | None = None,
    definitions: Iterable[Indicator] = (),
) -> RollUpResult:
    """Roll the observations of *indicator* up *tree* (tổng hợp theo đơn vị).

    Only observations of the indicator (for a ratio, of its numerator and denominator,
    whose definitions are looked up in *definitions*) are used, and with *period* only
    those whose period lies within it; the rest are skipped. One unit's observations of
    one indicator must not overlap in time (a quarter and its year) or
    :class:`~danvan.InvalidValueError` is raised; an observation of a unit that is not
    in the tree raises :class:`~danvan.UnknownUnitError` (roll up ``tree.as_of(day)`` with the
    observations of the units alive that day). *expected* names the units that should
    report: unit ids, every unit at a :class:`~danvan.Level`, ``"leaves"`` (the units
    with none below them), or by default the units of the level and kind of those that
    reported, alive on some day of *period*: on a tree of every organisation of a
    district (:func:`~danvan.political_units`) whose communes' Party committees
    reported, the communes' Party committees, not the 58 leaves of the tree.

    The work is one pass over the tree from the leaves up: linear in the number of
    units and observations. To roll up many indicators, :func:`roll_up_many` reads the
    observations once.

    >>> from danvan import Indicator, Observation, Period, RollUp, Unit, UnitKind, Level
    >>> tree = UnitTree([
    ...     Unit(id="t", name="Tỉnh", kind=UnitKind.PARTY_COMMITTEE, level=Level.PROVINCE),
    ...     Unit(id="a", name="Xã A", kind=UnitKind.PARTY_COMMITTEE, level=Level.COMMUNE,
    ...          parent="t"),
    ...     Unit(id="b", name="Xã B", kind=UnitKind.PARTY_COMMITTEE, level=Level.COMMUNE,
    ...          parent="t"),
    ... ])
    >>> criteria = Indicator(code="criteria", name="Tiêu chí đạt", unit="tiêu chí",
    ...                      roll_up=RollUp.MEAN)
    >>> year = Period.year(2021)
    >>> seen = [Observation(indicator="criteria", unit_id="a", period=year, actual=19),
    ...         Observation(indicator="criteria", unit_id="b", period=year, actual=16)]
    >>> roll_up(tree, seen, criteria, period=year).values["t"]
    Fraction(35, 2)
    """
    return roll_up_many(
        tree,
        observations,
        [indicator],
        period=period,
        expected=expected,
        definitions=definitions,
    )[indicator.code]


def roll_up_many(
    tree: UnitTree,
    observations: Iterable[Observation],
    indicators: Iterable[Indicator | RateIndicator],
    /,
    *,
    period: Period | None = None,
    expected: Iterable[str] | Level | Literal["leaves"] | None = None,
    definitions: Iterable[Indicator] = (),
) -> dict[str, RollUpResult]:
    """Roll up several indicators, reading the observations once: ``{code: result}``.

    Each result is what :func:`roll_up` gives for that indicator with the same
    *period* and *expected*. Two indicators with one code raise
    :class:`~danvan.InvalidValueError`.

    >>> from danvan import Level, Unit, UnitKind, UnitTree, Observation, Period, RollUp
    >>> tree = UnitTree([Unit(id="xa", name="Xã A", kind=UnitKind.OTHER, level=Level.COMMUNE)])
    >>> fund = Indicator(code="quy", name="Quỹ", unit="đồng", roll_up=RollUp.SUM)
    >>> seen = Observation(indicator="quy", unit_id="xa", period=Period.year(2020), actual=5)
    >>> roll_up_many(tree, [seen], [fund])["quy"].values["xa"]
    Fraction(5, 1)
    """
    iterable(observations, "observations")
    iterable(indicators, "indicators")
    iterable(definitions, "definitions")
    _check_common(tree, period)
    wanted, known = wanted_and_known(indicators, definitions, rates=(RateIndicator,))
    plans = [(indicator, _parts(indicator, known)) for indicator in wanted]
    codes: set[str] = set()
    for indicator, parts in plans:
        if parts is None:
            codes.add(indicator.code)
        else:
            codes.update((parts[0].code, parts[1].code))
    layout = layout_of(tree)
    flags = expected_positions(layout, expected)
    if isinstance(observations, (str, bytes)) or not isinstance(observations, Iterable):
        raise InvalidTypeError(
            f"observations must be an iterable of Observations, not {observations!r}"
        )
    work = _Pass(layout, _collect(layout, observations, codes, period), period)
    return {indicator.code: work.roll(indicator, parts, flags) for indicator, parts in plans}


def _parts(
    indicator: object, known: Mapping[str, Indicator]
) -> tuple[Indicator, Indicator, int] | None:
    """The numerator and denominator (and factor) of a ratio, a deprecated
    :class:`RateIndicator` included; None for a plain indicator."""
    if isinstance(indicator, RateIndicator):
        return (indicator.numerator, indicator.denominator, 1)
    return ratio_parts(indicator, known)
