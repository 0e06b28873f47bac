"""The figures of one unit for one period, added up (tổng hợp số liệu; private).

What a report of a unit states: for each indicator, the figure of the unit's whole area
for the period, rolled up over the periods inside it and over the units below it by the
indicator's rule; the plan of the unit for the period and the same figure a year
earlier, where the data has them; the figures of the units just below it; and which of
the units that should have reported did.

Across 01/07/2025 a dissolved unit that has exactly one successor (its ``successors``,
or for a unit of a place that :func:`~danvan.political_units` built, the same unit of
the place the geography says took it over) counts toward it: its
figures are added as if it were a unit below its successor, so the new commune's 2025
total holds the first half its predecessors reported. A stock (:attr:`RollUp.LAST`) is
the exception: the successor's own latest figure already holds what it took over, so the
predecessors' figures are used only when the successor reported none. A unit split
between several successors is never divided by guess: its flows stay where it was (in
its old parent's area) and :attr:`Totals.unassigned` names it; its stocks give way to
its successors' later figures, as a merged unit's do.

The result is plain data (no words): :mod:`danvan.report` writes it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Final

import attrs

from danvan._rollups import layout_of
from danvan.dataset import Dataset
from danvan.errors import DanvanError, InvalidValueError, UnknownUnitError
from danvan.geography import REORGANIZED
from danvan.indicators import RollUpResult, roll_up_many
from danvan.observations import ExactNumber, Indicator, Observation, RollUp
from danvan.periods import Period
from danvan.units import Level, Unit, UnitKind, UnitTree

__all__ = [
    "ALL",
    "Totals",
    "UnitFigure",
    "area",
    "exact",
    "lowest_common",
    "totals",
    "totals_as_observations",
]

#: The id of the whole dataset, above its roots, when no unit is asked for.
ALL = "danvan:all"


@attrs.frozen
class UnitFigure:
    """The figure of one unit below the reporting unit."""

    unit: Unit
    value: Fraction | None
    previous: Fraction | None
    plan: ExactNumber | None = None


@attrs.frozen
class Totals:
    """The figures of one indicator for the reporting unit and period."""

    indicator: Indicator
    #: The unit the total is of: the unit asked for, or the lowest unit holding every
    #: figure of the indicator (:data:`ALL` when they lie under several roots).
    scope: str
    value: Fraction
    #: The one observation the value is, when it comes from a single figure (then its
    #: stated attainment, change, bound and source still apply).
    source: Observation | None
    previous: Fraction | None
    children: tuple[UnitFigure, ...]
    expected: tuple[Unit, ...]
    missing: tuple[Unit, ...]
    unassigned: tuple[Unit, ...]
    failure: str | None = None
    #: When the units with figures differ between the period and the one a year
    #: earlier: the two values over the units with figures in both, and how many.
    compared: tuple[Fraction, Fraction, int] | None = None


def _alive_in(unit: Unit, period: Period) -> bool:
    return (unit.founded is None or unit.founded <= period.end) and (
        unit.dissolved is None or unit.dissolved > period.start
    )


def _inside(observation: Observation, period: Period) -> bool:
    return period.start <= observation.period.start and observation.period.end <= period.end


def _widest(observations: Iterable[Observation]) -> list[Observation]:
    """Of one unit's figures of one indicator, those not inside a wider one it gave
    (a unit's own year total is its figure; its quarters are parts of it)."""
    ordered = sorted(observations, key=lambda o: (o.period.start, -o.period.end.toordinal()))
    kept: list[Observation] = []
    for observation in ordered:
        if kept and observation.period.end <= kept[-1].period.end:
            continue
        kept.append(observation)
    return kept


def _report_tree(
    data: Dataset, period: Period, asked: str | None = None
) -> tuple[UnitTree, dict[str, str], list[Unit]]:
    """The units of the dataset as a tree for *period*: a root above the roots, and each
    unit dissolved in or before the period with one successor placed below it, except
    the units below *asked* (the report of a dissolved district is of its own communes,
    not of their successors).

    Returns the tree, the moved units (id → successor id) and the units split between
    several successors.
    """
    units = {unit.id: unit for unit in data.units}
    kept = {u.id for u in data.tree.descendants(asked)} if asked in units else set()
    moved: dict[str, str] = {}
    split: list[Unit] = []
    for unit in data.units:
        if unit.dissolved is None or unit.dissolved > period.end or unit.id in kept:
            continue
        after = unit.successors or _successors_of_place(unit, units)
        if not after:
            continue
        if len(after) > 1:
            split.append(attrs.evolve(unit, successors=after))
            continue
        target = after[0]
        seen = {unit.id}
        while (gone := units[target].dissolved) is not None and gone <= period.end:
            if len(units[target].successors) != 1 or target in seen:
                break
            seen.add(target)
            target = units[target].successors[0]
        moved[unit.id] = target
    top = Unit(id=ALL, name="Toàn bộ", kind=UnitKind.OTHER, level=Level.CENTRAL)
    placed = [top]
    for unit in data.units:
        parent = moved.get(unit.id, unit.parent) or ALL
        if parent in moved and unit.id not in moved:
            parent = moved[parent]
        placed.append(
            attrs.evolve(unit, parent=parent, founded=None, dissolved=None, successors=())
        )
    return UnitTree(placed), moved, split


def area(data: Dataset, period: Period, unit_id: str) -> set[str]:
    """The ids of the units whose records belong to the report of *unit_id* for
    *period*: the unit, the units below it, and the units merged whole into one of
    those (a unit split between several successors belongs to none of them)."""
    tree, _, _ = _report_tree(data, period, unit_id)
    return {unit_id} | {u.id for u in tree.descendants(unit_id)}


_PLACE_UNIT: Final = re.compile(r"vn63-([0-9]+)-(.+)")


def _successors_of_place(unit: Unit, units: dict[str, Unit]) -> tuple[str, ...]:
    """For a unit of a place of the map before 01/07/2025, as
    :func:`~danvan.political_units` names them ("vn63-18121-party"), the same unit of the
    new places that took the place over ("vn34-18115-party"), when the dataset has
    them: the successors the geography knows, where the unit gives none."""
    match = _PLACE_UNIT.fullmatch(unit.id)
    if match is None or unit.dissolved != REORGANIZED:
        return ()
    from danvan.geography import find_place, successors  # the map is loaded on first use

    code, role = match.groups()
    try:
        place = find_place(code, as_of=REORGANIZED - datetime.timedelta(days=1))
    except DanvanError:
        return ()
    return tuple(
        f"vn34-{succession.new.code}-{role}"
        for succession in successors(place)
        if f"vn34-{succession.new.code}-{role}" in units
    )


def exact(value: Fraction) -> ExactNumber:
    """A rolled-up value as the exact number a figure holds: an int when whole."""
    return value.numerator if value.denominator == 1 else value


def totals(
    data: Dataset, period: Period, unit_id: str | None, /
) -> tuple[list[Totals], list[Observation]]:
    """The totals of every indicator with figures in *period* under *unit_id* (the whole
    dataset when None), in the order of the dataset's indicators, and the figures used."""
    if unit_id is not None and unit_id not in data.tree:
        raise UnknownUnitError(unit_id)
    tree, moved, split = _report_tree(data, period, unit_id)
    asked = ALL if unit_id is None else unit_id
    in_scope = {u.id for u in tree.descendants(asked)} | {asked}
    previous_period: Period | None
    try:
        previous_period = period.previous()
    except InvalidValueError:
        previous_period = None
    rules = {indicator.code: indicator for indicator in data.indicators}
    split_after = {unit.id: unit.successors for unit in split}  # the geography's too
    plans: dict[tuple[str, str, Period], ExactNumber] = {}
    for target in (*data.targets, *(t for c in data.campaigns for t in c.targets)):
        plans.setdefault(target.key, target.value)
    for seen in data.observations:
        if seen.target is not None:
            plans.setdefault(seen.key, seen.target)

    superseded: set[tuple[str, str]] = set()  # (code, unit) whose stock a successor holds
    divided = _divisions(data, split_after)

    def parts_of(unit_id: str, code: str) -> tuple[tuple[str, Fraction], ...]:
        """The successors' shares of a split unit's figures of *code*, when the dataset
        gives them and the rule adds up over units."""
        if rules[code].roll_up not in _DIVISIBLE:
            return ()
        return divided.get((unit_id, code)) or divided.get((unit_id, None)) or ()

    def figures(window: Period) -> list[Observation]:
        grouped: dict[tuple[str, str], list[Observation]] = {}
        shared: dict[tuple[str, str, Period], Fraction] = {}
        for seen in data.observations:
            if not _inside(seen, window):
                continue
            if seen.unit_id in in_scope:
                grouped.setdefault((seen.indicator, seen.unit_id), []).append(seen)
                continue
            # A split unit outside the area: the shares of it that went into the area.
            for successor, share in parts_of(seen.unit_id, seen.indicator):
                if successor in in_scope:
                    key = (seen.indicator, successor, seen.period)
                    shared[key] = shared.get(key, Fraction(0)) + share * Fraction(seen.actual)
        for (code, successor, when), amount in shared.items():
            group = grouped.setdefault((code, successor), [])
            own = next((o for o in group if o.period == when), None)
            if own is not None:  # the successor's own figure and the shares add up
                group.remove(own)
                amount += Fraction(own.actual)
            group.append(
                Observation(indicator=code, unit_id=successor, period=when, actual=exact(amount))
            )
        kept: list[Observation] = []
        for (code, unit), group in grouped.items():
            indicator = rules[code]
            if indicator.roll_up is RollUp.LAST and (unit in moved or unit in split_after):
                after = [moved[unit]] if unit in moved else list(split_after[unit])
                if any(
                    (code, other) in grouped
                    for successor in after
                    for other in (successor, *(u.id for u in tree.descendants(successor)))
                    if other not in moved
                ):
                    if window is period:
                        superseded.add((code, unit))
                    continue  # the successors' own latest figures hold it
            kept += _widest(group)
        return kept

    now = figures(period)
    before = figures(previous_period) if previous_period is not None else []
    codes = {seen.indicator for seen in now}
    wanted = [
        indicator
        for indicator in data.indicators
        if indicator.code in codes
        or (indicator.is_ratio and indicator.numerator in codes and indicator.denominator in codes)
    ]
    by_code: dict[str, list[Observation]] = {}
    for seen in now:
        by_code.setdefault(seen.indicator, []).append(seen)
    before_by_code: dict[str, list[Observation]] = {}
    for seen in before:
        before_by_code.setdefault(seen.indicator, []).append(seen)
    results: list[Totals] = []
    for indicator in wanted:
        if indicator.is_ratio:
            continue  # written from its two parts
        mine = by_code.get(indicator.code, [])
        scope = asked if asked != ALL else lowest_common(tree, (s.unit_id for s in mine))
        # Expected: the units of the level and kind of those that reported (as roll_up
        # does by default), alive on some day of the period, below the unit.
        groups = {
            (tree[seen.unit_id].level, tree[seen.unit_id].kind)
            for seen in mine
            if seen.unit_id != scope
        }
        under = {u.id for u in tree.descendants(scope)}
        expected = [
            tree[u.id]
            for u in data.units
            if u.id in under
            and (u.level, u.kind) in groups
            and (indicator.code, u.id) not in superseded
            and _alive_in(u, period)
        ]
        try:
            rolled = _roll(tree, mine, indicator, period, [u.id for u in expected])
            earlier = _roll(
                tree,
                before_by_code.get(indicator.code, []),
                indicator,
                previous_period,
                [],
            )
        except DanvanError as exc:
            results.append(
                Totals(indicator, scope, Fraction(0), None, None, (), (), (), (), str(exc))
            )
            continue
        value = rolled.values[scope]
        if value is None:
            continue
        previous = earlier.values[scope]
        # Like for like: when the units with figures differ between the two periods,
        # the change is worked out over the units with figures in both.
        now_units = {seen.unit_id for seen in mine}
        then = before_by_code.get(indicator.code, [])
        then_units = {seen.unit_id for seen in then}
        compared: tuple[Fraction, Fraction, int] | None = None
        if previous is not None and now_units != then_units:
            both = now_units & then_units
            if both:
                now_common = _roll(
                    tree, [o for o in mine if o.unit_id in both], indicator, period, []
                ).values[scope]
                then_common = _roll(
                    tree, [o for o in then if o.unit_id in both], indicator, previous_period, []
                ).values[scope]
                if now_common is not None and then_common is not None:
                    compared = (now_common, then_common, len(both))
            if compared is None:
                previous = None  # nothing to compare like for like
        single = mine[0] if len(mine) == 1 and mine[0].period == period else None
        children = tuple(
            UnitFigure(
                data.tree.get(child.id) or child,
                rolled.values[child.id],
                earlier.values[child.id] if earlier is not None else None,
                plans.get((indicator.code, child.id, period)),
            )
            for child in tree.children(scope)
            if rolled.values[child.id] is not None
        )
        missing_ids = set(rolled.missing)
        results.append(
            Totals(
                indicator,
                scope,
                value,
                single,
                previous,
                children,
                tuple(data.tree[u.id] for u in expected),
                tuple(data.tree[u.id] for u in expected if u.id in missing_ids),
                tuple(
                    u
                    for u in split
                    if any(after in in_scope for after in u.successors)
                    and (indicator.code, u.id) not in superseded
                    and not parts_of(u.id, indicator.code)
                ),
                None,
                compared,
            )
        )
    return results, now


#: The rules whose values add up over units, so that a share of them is a share of the
#: figure: a flow's sum and a stock at the end of the period.
_DIVISIBLE: Final = frozenset({RollUp.SUM, RollUp.LAST})


def _divisions(
    data: Dataset, split: Mapping[str, tuple[str, ...]]
) -> dict[tuple[str, str | None], tuple[tuple[str, Fraction], ...]]:
    """The shares the dataset gives of each split unit (by indicator code, or None for
    every indicator), among the unit's successors."""
    found: dict[tuple[str, str | None], list[tuple[str, Fraction]]] = {}
    for share in data.shares:
        if share.successor in split.get(share.unit_id, ()):
            found.setdefault((share.unit_id, share.indicator), []).append(
                (share.successor, share.share)
            )
    return {key: tuple(parts) for key, parts in found.items()}


def lowest_common(tree: UnitTree, unit_ids: Iterable[str]) -> str:
    """The lowest unit of *tree* that is or holds every unit of *unit_ids* (:data:`ALL`
    when none does). Over the tree's depth-first layout (:func:`danvan._rollups.layout_of`,
    where a unit's subtree is the span of its place and size), the common unit only ever
    climbs, so the time grows with the units and the tree's depth, never their product."""
    layout = layout_of(tree)
    place, size = layout.index, layout.size
    common: str | None = None
    for unit_id in unit_ids:
        if common is None:
            common = unit_id
            continue
        while not place[common] <= place[unit_id] < place[common] + size[place[common]]:
            parent = tree[common].parent
            if parent is None:
                return ALL
            common = parent
    return ALL if common is None else common


def _roll(
    tree: UnitTree,
    observations: Sequence[Observation],
    indicator: Indicator,
    period: Period | None,
    expected: list[str],
) -> RollUpResult:
    return roll_up_many(tree, observations, [indicator], period=period, expected=expected)[
        indicator.code
    ]


def totals_as_observations(
    data: Dataset, period: Period, found: Sequence[Totals]
) -> list[Observation]:
    """Each total as an observation of the reporting unit for the period, as the report
    writes figures: the one figure itself where there is one, else the total with the
    plan of the unit for the period and the same period a year earlier as baseline."""
    plans: dict[tuple[str, str, Period], ExactNumber] = {}
    for target in (*data.targets, *(t for c in data.campaigns for t in c.targets)):
        plans.setdefault(target.key, target.value)
    result = []
    for total in found:
        if total.failure is not None:
            continue
        if total.source is not None and (total.previous is None or total.source.baseline):
            result.append(total.source)
            continue
        scope = total.scope
        plan = plans.get((total.indicator.code, scope, period))
        if total.source is not None:
            result.append(
                attrs.evolve(
                    total.source,
                    baseline=exact(total.previous) if total.previous is not None else None,
                    baseline_period=period.previous(),
                    stated_change=None,
                )
            )
            continue
        # The change from a year earlier: from the two totals, or like for like (over
        # the units with figures in both periods) as a stated change.
        baseline: ExactNumber | None = None
        change: Fraction | None = None
        if total.compared is not None:
            now, then, _ = total.compared
            change = (now - then) / abs(then) if then else None
        elif total.previous is not None:
            baseline = exact(total.previous)
        compared = baseline is not None or change is not None
        result.append(
            Observation(
                indicator=total.indicator.code,
                unit_id=scope,
                period=period,
                actual=exact(total.value),
                target=plan,
                baseline=baseline,
                stated_change=change,
                baseline_period=period.previous() if compared else None,
            )
        )
    return result


def last_day(unit: Unit, period: Period) -> datetime.date:
    """The last day of *period* on which *unit* exists."""
    if unit.dissolved is not None and unit.dissolved <= period.end:
        return unit.dissolved - datetime.timedelta(days=1)
    return period.end
