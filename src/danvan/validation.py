"""Checks of a dataset as a whole (kiểm tra bộ dữ liệu): every problem at once, by path.

A :class:`Problem` is one thing wrong with a dataset, named by the JSON path of the
record that has it (``$.observations[12].unit_id``) and described in one line. Two
kinds of check live here:

- :func:`reference_problems`: what makes a dataset impossible to build: a unit tree
  that is not a tree, ids given twice, a reference to a unit, indicator or campaign
  that is not in the dataset, a ratio whose parts do not add up over units;
- :func:`dataset_problems`: what a careful reviewer would question in a dataset that
  can be built: a figure of a unit outside its lifetime, a percent stored as a number
  of points, two figures of one unit for overlapping periods, a stated attainment or
  change that disagrees with the plan or baseline beside it, a province-level model
  held by a commune, a district-level event after 01/07/2025, a biểu dương by a unit
  that is not of the Party or a khen thưởng by one that is not of the State.

Both run in time linear in the size of the dataset (bar one sort per indicator and
unit) and never stop at the first problem.

>>> from datetime import date
>>> from danvan import Dataset, Indicator, Level, Observation, Period, RollUp, Unit, UnitKind
>>> data = Dataset(
...     title="Báo cáo", source="Báo cáo năm 2026",
...     units=(Unit(id="hl", name="Thị ủy Hồng Lĩnh", kind=UnitKind.PARTY_COMMITTEE,
...                 level=Level.DISTRICT, dissolved=date(2025, 7, 1)),),
...     indicators=(Indicator(code="cover", name="Bao phủ", unit="%", roll_up=RollUp.LAST),),
...     observations=(Observation(indicator="cover", unit_id="hl", period=Period.year(2026),
...                               actual=96),),
... )
>>> for problem in data.validate():
...     print(problem)
$.observations[0].period: unit 'hl' does not exist in năm 2026 (dissolved 2025-07-01)
$.observations[0].actual: 96 for an indicator counted in '%' is 9600%: a rate is stored as a ratio (96% is 0.96)
"""  # noqa: E501

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from danvan._calendar import REORGANIZED
from danvan._rounding import round_half_up
from danvan._validators import text
from danvan.campaigns import ModelLevel
from danvan.errors import InvalidTreeError, InvalidValueError
from danvan.grassroots import Supervision, SupervisorKind
from danvan.observations import ExactNumber, Indicator, Observation, RollUp, Target
from danvan.periods import Period
from danvan.units import Level, Unit, UnitKind, UnitTree

if TYPE_CHECKING:
    from danvan.campaigns import Campaign, MobilizationModel
    from danvan.dataset import Dataset
    from danvan.documents import Directive
    from danvan.grassroots import Dialogue, SupervisionBoard
    from danvan.shares import SuccessorShare

__all__ = ["Problem", "dataset_problems", "reference_problems"]

_DISTRICT_LEVEL_ENDS: Final = REORGANIZED  # the first day without districts
_PERCENT_LIMIT: Final = 10  # a stored ratio beyond ±10 (±1.000%) is a percent written as points
_MODEL_LEVELS: Final = {
    ModelLevel.COMMUNE: Level.COMMUNE,
    ModelLevel.DISTRICT: Level.DISTRICT,
    ModelLevel.PROVINCE: Level.PROVINCE,
}
_ADDITIVE: Final = frozenset({RollUp.SUM, RollUp.LAST})


def _one_line(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    text(instance, attribute, value)
    assert isinstance(value, str)
    if "\n" in value or "\r" in value:
        raise InvalidValueError(f"{attribute.name} must be one line, not {value!r}")


@attrs.frozen
class Problem:
    """One problem of a dataset (vấn đề): where it is, as a JSON path, and what it is.

    >>> str(Problem("$.observations[3].unit_id", "'x' is not a unit of the dataset"))
    "$.observations[3].unit_id: 'x' is not a unit of the dataset"
    """

    path: str = attrs.field(validator=_one_line)
    message: str = attrs.field(validator=_one_line)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# ------------------------------------------------------------------- references


def reference_problems(
    *,
    units: Sequence[Unit],
    directives: Sequence[Directive] = (),
    campaigns: Sequence[Campaign] = (),
    models: Sequence[MobilizationModel] = (),
    indicators: Sequence[Indicator] = (),
    targets: Sequence[Target] = (),
    observations: Sequence[Observation] = (),
    dialogues: Sequence[Dialogue] = (),
    supervisions: Sequence[Supervision] = (),
    boards: Sequence[SupervisionBoard] = (),
    shares: Sequence[SuccessorShare] = (),
    complete: Iterable[str] = ("units", "campaigns", "indicators"),
    check_tree: bool = True,
) -> list[Problem]:
    """Every broken reference and duplicate id, in the order of the dataset's fields.

    *complete* names the lists that hold every record of the dataset; a reference into
    a list that is not complete (some of its records could not be read) is not checked,
    so that one unreadable unit does not make every reference to it a problem too.
    With ``check_tree=False`` the units are taken to make a tree already (the caller
    built one).
    """
    whole = set(complete)
    problems: list[Problem] = []

    def unique(keys: Iterable[object], path: str, what: str) -> None:
        for key, count in Counter(keys).items():
            if count > 1:
                problems.append(Problem(path, f"{what} {key!r} appears {count} times"))

    if "units" in whole and check_tree:
        try:
            UnitTree(units)
        except InvalidTreeError as exc:
            problems.append(Problem("$.units", str(exc)))
    unit_ids = {unit.id for unit in units} if "units" in whole else None
    indicator_codes = (
        {indicator.code: indicator for indicator in indicators} if "indicators" in whole else None
    )
    campaign_ids = {campaign.id for campaign in campaigns} if "campaigns" in whole else None

    def need(key: str, known: Any, path: str, what: str) -> None:
        if known is not None and key not in known:
            problems.append(Problem(path, f"{key!r} is not {what} of the dataset"))

    unique((d.key for d in directives), "$.directives", "the directive")
    unique((c.id for c in campaigns), "$.campaigns", "the id")
    unique((m.id for m in models), "$.models", "the id")
    unique((i.code for i in indicators), "$.indicators", "the code")
    unique((o.key for o in observations), "$.observations", "the figure for")
    unique((t.key for t in targets), "$.targets", "the target for")
    for index, indicator in enumerate(indicators):
        for side in ("numerator", "denominator"):
            code = getattr(indicator, side)
            if code is None or indicator_codes is None:
                continue
            path = f"$.indicators[{index}].{side}"
            part = indicator_codes.get(code)
            if part is None:
                need(code, indicator_codes, path, "an indicator")
            elif part.roll_up not in _ADDITIVE:
                rule = "a ratio" if part.roll_up is None else f"roll_up {part.roll_up.value}"
                problems.append(
                    Problem(
                        path,
                        f"{code!r} is {rule}; the parts of a ratio must add up over units"
                        " (roll_up sum or last)",
                    )
                )
    for index, directive in enumerate(directives):
        for unit_id in directive.issuer_ids:
            need(unit_id, unit_ids, f"$.directives[{index}].issuer_ids", "a unit")
    for index, campaign in enumerate(campaigns):
        path = f"$.campaigns[{index}]"
        if campaign.launching_unit_id is not None:
            need(campaign.launching_unit_id, unit_ids, f"{path}.launching_unit_id", "a unit")
        for unit_id in campaign.partner_unit_ids:
            need(unit_id, unit_ids, f"{path}.partner_unit_ids", "a unit")
        for number, target in enumerate(campaign.targets):
            need(target.unit_id, unit_ids, f"{path}.targets[{number}].unit_id", "a unit")
            need(
                target.indicator,
                indicator_codes,
                f"{path}.targets[{number}].indicator",
                "an indicator",
            )
    for index, model in enumerate(models):
        path = f"$.models[{index}]"
        need(model.unit_id, unit_ids, f"{path}.unit_id", "a unit")
        if model.campaign_id is not None:
            need(model.campaign_id, campaign_ids, f"{path}.campaign_id", "a campaign")
        for number, event in enumerate(model.history):
            if event.unit_id is not None:
                need(event.unit_id, unit_ids, f"{path}.history[{number}].unit_id", "a unit")
    records: tuple[tuple[str, Sequence[Target | Observation]], ...] = (
        ("targets", targets),
        ("observations", observations),
    )
    for name, group in records:
        for index, record in enumerate(group):
            need(record.unit_id, unit_ids, f"$.{name}[{index}].unit_id", "a unit")
            need(record.indicator, indicator_codes, f"$.{name}[{index}].indicator", "an indicator")
    unique((d.id for d in dialogues), "$.dialogues", "the id")
    unique((s.id for s in supervisions), "$.supervisions", "the id")
    unique((b.unit_id for b in boards), "$.boards", "the board")
    located: tuple[tuple[str, Sequence[Dialogue | Supervision]], ...] = (
        ("dialogues", dialogues),
        ("supervisions", supervisions),
    )
    for field, items in located:
        for index, item in enumerate(items):
            need(item.unit_id, unit_ids, f"$.{field}[{index}].unit_id", "a unit")
    for index, board in enumerate(boards):
        need(board.unit_id, unit_ids, f"$.boards[{index}].unit_id", "a unit")
    unique(
        ((s.unit_id, s.successor, s.indicator) for s in shares),
        "$.shares",
        "the share (unit, successor, indicator)",
    )
    for index, share in enumerate(shares):
        need(share.unit_id, unit_ids, f"$.shares[{index}].unit_id", "a unit")
        need(share.successor, unit_ids, f"$.shares[{index}].successor", "a unit")
        if share.indicator is not None:
            need(share.indicator, indicator_codes, f"$.shares[{index}].indicator", "an indicator")
    return problems


# --------------------------------------------------------------------- meaning


def _lifetime(unit: Unit) -> str:
    if unit.dissolved is not None and unit.founded is not None:
        return f"founded {unit.founded}, dissolved {unit.dissolved}"
    if unit.dissolved is not None:
        return f"dissolved {unit.dissolved}"
    return f"founded {unit.founded}"


def _outside(unit: Unit, period: Period) -> bool:
    """Whether *unit* does not exist on any day of *period*."""
    return (unit.founded is not None and unit.founded > period.end) or (
        unit.dissolved is not None and unit.dissolved <= period.start
    )


def _dead_on(unit: Unit, day: datetime.date) -> bool:
    return (unit.founded is not None and day < unit.founded) or (
        unit.dissolved is not None and day >= unit.dissolved
    )


def _places(stated: ExactNumber) -> int | None:
    """The decimal places a stated ratio was written with (at least 2: a whole percent);
    None for a Fraction, which is exact."""
    if isinstance(stated, Fraction):
        return None
    if isinstance(stated, Decimal):
        exponent = stated.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(2, -exponent)
    return 2


def _agrees(stated: ExactNumber, computed: Fraction) -> bool:
    """Whether *computed*, rounded half up to the places of *stated*, is *stated*."""
    places = _places(stated)
    exact = Fraction(stated)
    if places is None:
        return computed == exact
    return round_half_up(computed, places) == exact


def _percent(value: Fraction) -> str:
    """A ratio as a percent with at most two places, for messages (108.39%)."""
    hundredths = int(round_half_up(value * 100, 2) * 100)  # exact at any size
    whole, cents = divmod(abs(hundredths), 100)
    text = f"{'-' if hundredths < 0 else ''}{whole}.{cents:02d}".rstrip("0").rstrip(".")
    return f"{text}%"


def _whole_count(value: ExactNumber) -> bool:
    return Fraction(value).denominator == 1 and Fraction(value) >= 0


def _value_problems(
    problems: list[Problem], path: str, indicator: Indicator, record: Target | Observation
) -> None:
    values: list[tuple[str, ExactNumber | None]] = []
    if isinstance(record, Observation):
        values = [("actual", record.actual), ("target", record.target)]
        values.append(("baseline", record.baseline))
    else:
        values = [("value", record.value)]
    for name, value in values:
        if value is None:
            continue
        if indicator.unit.strip() == "%" and abs(Fraction(value)) > _PERCENT_LIMIT:
            problems.append(
                Problem(
                    f"{path}.{name}",
                    f"{value} for an indicator counted in '%' is {_percent(Fraction(value))}:"
                    f" a rate is stored as a ratio (96% is 0.96)",
                )
            )
        if indicator.counting is not None and not _whole_count(value):
            problems.append(
                Problem(
                    f"{path}.{name}",
                    f"{value} is not a whole number >= 0, but {indicator.code!r} counts"
                    f" {indicator.unit}",
                )
            )


def _observation_problems(
    problems: list[Problem],
    path: str,
    seen: Observation,
    indicator: Indicator,
    plan: ExactNumber | None,
) -> None:
    if indicator.is_ratio:
        problems.append(
            Problem(
                f"{path}.indicator",
                f"{indicator.code!r} is a ratio, computed from {indicator.numerator!r} and"
                f" {indicator.denominator!r}: record those two figures, not the ratio",
            )
        )
    if seen.stated_attainment is not None and plan is not None and plan:
        computed = Fraction(seen.actual) / Fraction(plan)
        if seen.bound is None and not _agrees(seen.stated_attainment, computed):
            problems.append(
                Problem(
                    f"{path}.stated_attainment",
                    f"states {_percent(Fraction(seen.stated_attainment))} of plan, but"
                    f" {seen.actual} of {plan} is {_percent(computed)}",
                )
            )
    if seen.stated_change is not None and seen.baseline is not None and seen.baseline:
        computed = (Fraction(seen.actual) - Fraction(seen.baseline)) / abs(Fraction(seen.baseline))
        if seen.bound is None and not _agrees(seen.stated_change, computed):
            problems.append(
                Problem(
                    f"{path}.stated_change",
                    f"states a change of {_percent(Fraction(seen.stated_change))}, but"
                    f" {seen.actual} against {seen.baseline} is {_percent(computed)}",
                )
            )
    if seen.baseline_period is not None and seen.baseline is None and seen.stated_change is None:
        problems.append(
            Problem(
                f"{path}.baseline_period",
                "names what the figure is compared with, but there is neither a baseline"
                " nor a stated_change",
            )
        )
    if isinstance(seen.baseline_period, Period) and seen.baseline_period.start > seen.period.start:
        problems.append(
            Problem(
                f"{path}.baseline_period",
                f"{seen.baseline_period} starts after the figure's own period {seen.period}",
            )
        )


def _overlap_problems(
    problems: list[Problem], name: str, records: Sequence[Observation | Target]
) -> None:
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        groups[(record.indicator, record.unit_id)].append(index)
    for (code, unit_id), indexes in groups.items():
        if len(indexes) < 2:
            continue
        # The widest of the periods that start on one day comes first: it is the figure
        # the others are parts of, and the parts are what is reported.
        indexes.sort(key=lambda i: (records[i].period.start, -records[i].period.end.toordinal()))
        reach = indexes[0]
        for index in indexes[1:]:
            period, widest = records[index].period, records[reach].period
            if period.start <= widest.end and period != widest:
                problems.append(
                    Problem(
                        f"$.{name}[{index}].period",
                        f"{period} overlaps {widest} ($.{name}[{reach}]) for {code!r} of"
                        f" unit {unit_id!r}: a total over time would count a part twice",
                    )
                )
            if period.end > widest.end:
                reach = index


def _model_problems(
    problems: list[Problem], models: Sequence[MobilizationModel], units: dict[str, Unit]
) -> None:
    for index, model in enumerate(models):
        path = f"$.models[{index}]"
        holder = units.get(model.unit_id)
        level = _MODEL_LEVELS[model.level]
        if holder is not None and holder.level.depth > level.depth:
            problems.append(
                Problem(
                    f"{path}.level",
                    f"a {model.level.value}-level model cannot be held by {holder.id!r}, a"
                    f" {holder.level.value}-level unit",
                )
            )
        for number, event in enumerate(model.history):
            where = f"{path}.history[{number}]"
            if holder is not None and _dead_on(holder, event.date):
                problems.append(
                    Problem(
                        f"{where}.date",
                        f"{event.kind.value} on {event.date}, when the holding unit"
                        f" {holder.id!r} did not exist ({_lifetime(holder)})",
                    )
                )
            acting = units.get(event.unit_id) if event.unit_id is not None else None
            branch = event.kind.acting_branch
            if acting is not None and branch is not None and acting.kind.branch is not branch:
                problems.append(
                    Problem(
                        f"{where}.unit_id",
                        f"{event.kind.vietnamese} is an act of a {branch.value} body, but"
                        f" {acting.id!r} is a {acting.kind.branch.value} unit"
                        f" ({acting.kind.vietnamese})",
                    )
                )
            if acting is not None and _dead_on(acting, event.date):
                problems.append(
                    Problem(
                        f"{where}.unit_id",
                        f"{acting.id!r} did not exist on {event.date} ({_lifetime(acting)})",
                    )
                )
            if model.level is ModelLevel.DISTRICT and event.date >= _DISTRICT_LEVEL_ENDS:
                problems.append(
                    Problem(
                        f"{where}.date",
                        f"{event.kind.value} of a district-level model on {event.date}; the"
                        " district level ended on 2025-07-01",
                    )
                )


# The kind of unit each kind of supervisor is.
_SUPERVISOR_UNITS: Final = {
    SupervisorKind.PEOPLES_INSPECTION_BOARD: UnitKind.PEOPLES_INSPECTION_BOARD,
    SupervisorKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD: (
        UnitKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD
    ),
    SupervisorKind.FATHERLAND_FRONT: UnitKind.FATHERLAND_FRONT,
}


def _grassroots_problems(
    problems: list[Problem], dataset: Dataset, units: dict[str, Unit]
) -> None:
    dated: tuple[tuple[str, Sequence[Dialogue | Supervision]], ...] = (
        ("dialogues", dataset.dialogues),
        ("supervisions", dataset.supervisions),
    )
    for field, records in dated:
        for index, record in enumerate(records):
            unit = units.get(record.unit_id)
            if unit is not None and _dead_on(unit, record.date):
                problems.append(
                    Problem(
                        f"$.{field}[{index}].date",
                        f"{record.date}, when {unit.id!r} did not exist ({_lifetime(unit)})",
                    )
                )
    bodies: tuple[tuple[str, Sequence[Supervision | SupervisionBoard]], ...] = (
        ("supervisions", dataset.supervisions),
        ("boards", dataset.boards),
    )
    for field, items in bodies:
        for index, item in enumerate(items):
            kind = item.by if isinstance(item, Supervision) else item.kind
            unit = units.get(item.unit_id)
            if unit is not None and unit.kind is not _SUPERVISOR_UNITS[kind]:
                problems.append(
                    Problem(
                        f"$.{field}[{index}].unit_id",
                        f"{unit.id!r} is a {unit.kind.vietnamese}, not a {kind.vietnamese}",
                    )
                )


def dataset_problems(dataset: Dataset, /) -> tuple[Problem, ...]:
    """Every problem of meaning in *dataset* (see the module documentation), in the order
    of its fields; what :meth:`Dataset.validate <danvan.Dataset.validate>` returns."""
    problems: list[Problem] = []
    units = {unit.id: unit for unit in dataset.units}
    indicators = {indicator.code: indicator for indicator in dataset.indicators}
    for index, unit in enumerate(dataset.units):
        for number, name in enumerate(unit.other_names):
            if not name.strip():
                problems.append(Problem(f"$.units[{index}].other_names[{number}]", "is empty"))
    for index, indicator in enumerate(dataset.indicators):
        if indicator.counting is not None and indicator.unit.strip() == "%":
            problems.append(
                Problem(
                    f"$.indicators[{index}].counting",
                    "an indicator counted in '%' is a rate, not a count of people or things",
                )
            )
    for index, directive in enumerate(dataset.directives):
        if directive.issued is None:
            continue
        for unit_id in directive.issuer_ids:
            issuer = units[unit_id]
            if _dead_on(issuer, directive.issued):
                problems.append(
                    Problem(
                        f"$.directives[{index}].issued",
                        f"issued on {directive.issued} by {issuer.id!r}, which did not exist"
                        f" then ({_lifetime(issuer)})",
                    )
                )
    plans: dict[tuple[str, str, Period], tuple[str, ExactNumber]] = {}
    for index, campaign in enumerate(dataset.campaigns):
        path = f"$.campaigns[{index}]"
        launcher = (
            units[campaign.launching_unit_id] if campaign.launching_unit_id is not None else None
        )
        if (
            launcher is not None
            and campaign.period is not None
            and _outside(launcher, campaign.period)
        ):
            problems.append(
                Problem(
                    f"{path}.period",
                    f"{launcher.id!r} does not exist in {campaign.period} ({_lifetime(launcher)})",
                )
            )
        for number, target in enumerate(campaign.targets):
            where = f"{path}.targets[{number}]"
            plans.setdefault(target.key, (where, target.value))
            planned_for = units[target.unit_id]
            if _outside(planned_for, target.period):
                problems.append(
                    Problem(
                        f"{where}.period",
                        f"unit {planned_for.id!r} does not exist in {target.period}"
                        f" ({_lifetime(planned_for)})",
                    )
                )
            _value_problems(problems, where, indicators[target.indicator], target)
            if campaign.period is not None and not (
                campaign.period.start <= target.period.start
                and target.period.end <= campaign.period.end
            ):
                problems.append(
                    Problem(
                        f"{where}.period",
                        f"{target.period} is not within the campaign's {campaign.period}",
                    )
                )
    groups: tuple[tuple[str, Sequence[Target | Observation]], ...] = (
        ("targets", dataset.targets),
        ("observations", dataset.observations),
    )
    for name, records in groups:
        for index, record in enumerate(records):
            path = f"$.{name}[{index}]"
            unit = units[record.unit_id]
            if _outside(unit, record.period):
                problems.append(
                    Problem(
                        f"{path}.period",
                        f"unit {unit.id!r} does not exist in {record.period} ({_lifetime(unit)})",
                    )
                )
            indicator = indicators[record.indicator]
            _value_problems(problems, path, indicator, record)
            if isinstance(record, Target):
                plans.setdefault(record.key, (path, record.value))
                continue
            known = plans.get(record.key)
            if record.target is not None and known is not None and known[1] != record.target:
                problems.append(
                    Problem(
                        f"{path}.target",
                        f"{record.target} disagrees with the plan {known[1]} at {known[0]}",
                    )
                )
            plan = record.target if record.target is not None else (known and known[1])
            _observation_problems(problems, path, record, indicator, plan or None)
        _overlap_problems(problems, name, records)
    _model_problems(problems, dataset.models, units)
    _grassroots_problems(problems, dataset, units)
    _share_problems(problems, dataset, units)
    return tuple(problems)


def _share_problems(problems: list[Problem], dataset: Dataset, units: dict[str, Unit]) -> None:
    """Shares go from a unit split between several successors to one of them, and the
    shares of a unit for one indicator (or for all) add up to 1."""
    totals: dict[tuple[str, str | None], tuple[int, Fraction]] = {}
    for index, share in enumerate(dataset.shares):
        unit = units.get(share.unit_id)
        if unit is None:
            continue
        path = f"$.shares[{index}]"
        if unit.successors and share.successor not in unit.successors:
            problems.append(
                Problem(
                    f"{path}.successor",
                    f"{share.successor!r} is not a successor of {unit.id!r}",
                )
            )
        elif len(unit.successors) == 1:
            problems.append(
                Problem(
                    f"{path}.unit_id",
                    f"{unit.id!r} has one successor, which takes its figures whole",
                )
            )
        first, total = totals.get((share.unit_id, share.indicator), (index, Fraction(0)))
        totals[(share.unit_id, share.indicator)] = (first, total + share.share)
    for (unit_id, code), (first, total) in totals.items():
        if total != 1:
            what = "every indicator" if code is None else f"{code!r}"
            problems.append(
                Problem(
                    f"$.shares[{first}].share",
                    f"the shares of {unit_id!r} for {what} add up to {total}, not 1",
                )
            )
