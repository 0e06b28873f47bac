"""The section on the figures of the indicators (private)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

from danvan._text import capital
from danvan.dataset import Dataset
from danvan.errors import DanvanError, InvalidValueError
from danvan.indicators import UndefinedIndicatorError, attainment, count_met
from danvan.numbers import format_percent
from danvan.observations import ExactNumber, Indicator, Observation, RelativePeriod
from danvan.periods import Period, PeriodKind, format_period
from danvan.report import _totals
from danvan.report._figures import _MONEY_UNITS, _amount, _compare, _figure, _names
from danvan.report._model import Chart, Item, Section, Table, _clean
from danvan.sentences import (
    describe_attainment,
    describe_change,
    describe_ratio,
)

_SINCE_BASELINE: Final = "kỳ gốc"  # the base period an Observation.baseline belongs to

# -------------------------------------------------------------------- indicators


@attrs.define
class _Line:
    """One figure of the results (private, built up while reading a period's figures)."""

    observation: Observation
    indicator: Indicator
    figure: str
    clauses: list[str] = attrs.field(factory=list)
    plan: Fraction | None = None  # the attainment of plan, for the chart


def _since(period: Period, baseline: Period | RelativePeriod | None) -> str | Period | None:
    """What a figure is compared with, as the report names it: "năm 2020", "cùng kỳ năm
    trước", "đầu năm"."""
    if isinstance(baseline, RelativePeriod):
        if baseline is RelativePeriod.SAME_PERIOD_LAST_YEAR and period.kind is PeriodKind.YEAR:
            try:
                return period.previous()  # "so với năm 2020" is how a yearly report says it
            except InvalidValueError:  # no year before year 1000
                pass
        return baseline.vietnamese
    return baseline


def _plans(data: Dataset) -> dict[tuple[str, str, Period], ExactNumber]:
    plans: dict[tuple[str, str, Period], ExactNumber] = {}
    for target in (*data.targets, *(t for c in data.campaigns for t in c.targets)):
        plans.setdefault(target.key, target.value)
    return plans


def _clauses(
    line: _Line,
    seen: Observation,
    plan: ExactNumber | None,
    value: ExactNumber,
    planned: list[Observation],
) -> None:
    """Attainment of plan and change, from the figures the dataset holds or the ones the
    report stated; each in the indicator's direction."""
    indicator = line.indicator
    unit = _clean(indicator.unit)
    better = indicator.higher_is_better
    if plan is not None:
        # counted as the line is written: a ratio's value and direction, not its part's
        planned.append(attrs.evolve(seen, indicator=indicator.code, actual=value, target=plan))
        try:
            line.clauses.append(
                describe_attainment(
                    value,
                    plan,
                    higher_is_better=better,
                    bound=seen.bound,
                    unit=None if unit in _MONEY_UNITS else unit,
                )
            )
            if better:
                line.plan = attainment(value, plan)
        except UndefinedIndicatorError:
            line.clauses.append(f"kế hoạch {_amount(plan, unit)}")
    elif seen.stated_attainment is not None:
        line.clauses.append(describe_attainment(seen.stated_attainment, 1))
        if better:
            line.plan = attainment(seen.stated_attainment, 1)
            # "đạt 108,39% KH" says whether the plan was met, though not what it was.
            planned.append(attrs.evolve(seen, actual=seen.stated_attainment, target=1, bound=None))
    since = _since(seen.period, seen.baseline_period)
    if seen.baseline is not None:
        line.clauses.append(_compare(value, seen.baseline, unit, since or _SINCE_BASELINE, better))
    elif seen.stated_change is not None:
        ratio = attainment(seen.stated_change, 1)  # checked and exact, even for a Decimal
        line.clauses.append(
            describe_change(1 + ratio, 1, since=since, higher_is_better=None if better else False)
        )


def _results(data: Dataset, group: Sequence[Observation]) -> tuple[list[_Line], list[Observation]]:
    """The lines of one period's figures, in the order of the dataset, and the
    observations that have a plan (for "19/21 chỉ tiêu đạt và vượt kế hoạch")."""
    plans = _plans(data)
    by_key = {seen.key: seen for seen in group}
    ratios: dict[str, list[Indicator]] = {}
    for indicator in data.indicators:
        if indicator.numerator is not None:
            ratios.setdefault(indicator.numerator, []).append(indicator)

    def fail(seen: Observation, exc: DanvanError) -> InvalidValueError:
        return InvalidValueError(
            f"cannot write the figure of {seen.indicator!r} for {seen.unit_id!r},"
            f" {seen.period}: {exc}"
        )

    def own(seen: Observation) -> bool:
        """Whether a part of a ratio says something of its own beside the ratio."""
        return (
            seen.target is not None
            or seen.baseline is not None
            or seen.stated_attainment is not None
            or seen.stated_change is not None
            or seen.bound is not None
            or seen.key in plans
        )

    lines: list[_Line] = []
    planned: list[Observation] = []
    written: set[tuple[str, str, Period]] = set()
    for seen in group:
        indicator = data.indicator(seen.indicator)
        if indicator.is_ratio:
            continue  # validate() reports it: a ratio is computed from its parts
        try:
            for ratio in ratios.get(seen.indicator, ()):
                assert ratio.denominator is not None
                whole = by_key.get((ratio.denominator, seen.unit_id, seen.period))
                if whole is None or not whole.actual:
                    continue
                value = ratio.factor * attainment(seen.actual, whole.actual)
                line = _Line(seen, ratio, _ratio_figure(ratio, seen, whole, data, value))
                _clauses(
                    line,
                    _as_ratio(seen, whole, ratio),
                    plans.get((ratio.code, seen.unit_id, seen.period)),
                    value,
                    planned,
                )
                lines.append(line)
                for part in (seen, whole):
                    if not own(part):
                        written.add(part.key)
        except DanvanError as exc:
            raise fail(seen, exc) from exc
    for seen in group:
        indicator = data.indicator(seen.indicator)
        if indicator.is_ratio or seen.key in written:
            continue
        try:
            unit = _clean(indicator.unit)
            figure = _amount(seen.actual, unit)
            if seen.bound is not None:
                figure = f"{seen.bound.vietnamese} {figure}"
            line = _Line(seen, indicator, figure)
            plan = seen.target if seen.target is not None else plans.get(seen.key)
            _clauses(line, seen, plan, seen.actual, planned)
            lines.append(line)
        except DanvanError as exc:
            raise fail(seen, exc) from exc
    order = {seen.key: index for index, seen in enumerate(group)}
    lines.sort(key=lambda line: order[line.observation.key])
    return lines, planned


def _as_ratio(part: Observation, whole: Observation, ratio: Indicator) -> Observation:
    """The figure of a ratio's line: the part's, with the ratio's own comparison (from
    the baselines of both parts, in the ratio's unit, so points for a rate) and none of
    what was stated of the part alone (its stated attainment or change)."""
    baseline: ExactNumber | None = None
    if (
        part.baseline is not None
        and whole.baseline
        and part.baseline_period == whole.baseline_period
    ):
        baseline = _totals.exact(ratio.factor * attainment(part.baseline, whole.baseline))
    return attrs.evolve(
        part,
        baseline=baseline,
        baseline_period=part.baseline_period if baseline is not None else None,
        stated_change=None,
        stated_attainment=None,
    )


def _ratio_figure(
    ratio: Indicator, part: Observation, whole: Observation, data: Dataset, value: Fraction
) -> str:
    """ "19/21 chỉ tiêu (90,48%)": the counts as the report gives them, then the ratio."""
    noun = _clean(data.indicator(part.indicator).unit)
    counts = (
        describe_ratio(part.actual, whole.actual, noun)
        if type(part.actual) is int
        and type(whole.actual) is int
        and part.actual >= 0
        and whole.actual >= 0
        else f"{_figure(part.actual)}/{_figure(whole.actual)} {noun}"
    )
    if part.bound is not None:
        counts = f"{part.bound.vietnamese} {counts}"
    unit = _clean(ratio.unit)
    shown = format_percent(value) if unit == "%" else _amount(value, unit)
    return f"{counts} ({shown})"


def _results_section(
    data: Dataset,
    period: Period,
    group: Sequence[Observation],
    found: Sequence[_totals.Totals] = (),
) -> Section:
    lines, planned = _results(data, group)
    several_units = len({seen.unit_id for seen in group}) > 1
    tables: list[Table] = []
    below: dict[str, list[Item]] = {}  # what is said under an indicator's line
    items = []
    for total in found:
        notes = below.setdefault(total.indicator.code, [])
        if total.failure is not None:
            # Overlapping periods of one unit, or distinct people counted in several
            # periods: the figures cannot be added up, and no total is made up.
            name = _clean(total.indicator.name)
            items.append(Item(f"{name}: số liệu các kỳ không tổng hợp được theo quy tắc"))
            continue
        table, coverage = _units_table(total, period)
        if table is not None:
            tables.append(table)
        if coverage is not None:
            if total.compared is not None:
                try:
                    before = format_period(period.previous())
                except InvalidValueError:
                    before = "cùng kỳ năm trước"
                levels = {u.level for u in total.expected}
                word = next(iter(levels)).vietnamese if len(levels) == 1 else "đơn vị"
                coverage += (
                    f"; so sánh với {before} trên {total.compared[2]} {word} có số liệu cả hai kỳ"
                )
            notes.append(Item(f"{capital(coverage)}.", depth=1))
        for unit in total.unassigned:
            after = _names(unit.successors, data.tree)
            notes.append(
                Item(
                    f"Số liệu của {_clean(unit.name)} (nay là {after}) chưa phân bổ cho đơn vị"
                    " kế tiếp.",
                    depth=1,
                )
            )
    tables += _ratio_tables(data, period, found)
    for line in lines:
        seen = line.observation
        text = f"{_clean(line.indicator.name)}: {', '.join([line.figure, *line.clauses])}"
        if several_units and seen.unit_id in data.tree:
            text += f" ({_names([seen.unit_id], data.tree)})"
        if seen.source is not None:
            text += f" (theo {seen.source.describe()})"
        items.append(Item(text))
        items += below.get(line.indicator.code, [])
    paragraphs: tuple[str, ...] = ()
    if len(planned) > 1:  # a count of one says no more than its own line
        try:
            met = count_met(planned, indicators=data.indicators)
        except DanvanError as exc:
            raise InvalidValueError(f"cannot count the targets met in {period}: {exc}") from exc
        ratio = describe_ratio(met.met, met.total, "chỉ tiêu")
        paragraphs = (f"Có {ratio} đạt và vượt kế hoạch.",)
    charted = [(line, line.plan) for line in lines if line.plan is not None]
    charts: tuple[Chart, ...] = ()
    if charted:
        values = tuple((plan,) for _, plan in charted)
        charts = (
            Chart(
                f"Mức đạt kế hoạch theo chỉ tiêu, {format_period(period)}",
                tuple(_clean(line.indicator.name) for line, _ in charted),
                ("Đạt so với kế hoạch",),
                values,
                tuple((format_percent(value),) for (value,) in values),
                reference=Fraction(1),
                reference_label="100% kế hoạch",
            ),
        )
    return Section(
        f"Kết quả thực hiện các chỉ tiêu {format_period(period)}",
        paragraphs=paragraphs,
        items=tuple(items),
        tables=tuple(tables),
        charts=charts,
    )


def _ratio_tables(data: Dataset, period: Period, found: Sequence[_totals.Totals]) -> list[Table]:
    """A table per ratio of the units below, each unit's ratio from its own two parts
    (never an average of rates)."""
    by_code = {total.indicator.code: total for total in found if total.failure is None}
    tables = []
    for ratio in data.indicators:
        part = by_code.get(ratio.numerator or "")
        whole = by_code.get(ratio.denominator or "")
        if not ratio.is_ratio or part is None or whole is None:
            continue
        wholes = {child.unit.id: child for child in whole.children}

        def of(
            a: Fraction | None, b: Fraction | None, factor: Fraction | int = ratio.factor
        ) -> Fraction | None:
            return None if a is None or not b else factor * a / b

        children = []
        for child in part.children:
            other = wholes.get(child.unit.id)
            if other is None or of(child.value, other.value) is None:
                continue
            children.append(
                _totals.UnitFigure(
                    child.unit,
                    of(child.value, other.value),
                    of(child.previous, other.previous),
                )
            )
        total = attrs.evolve(part, indicator=ratio, children=tuple(children), expected=())
        table, _ = _units_table(total, period)
        if table is not None:
            tables.append(table)
    return tables


def _units_table(total: _totals.Totals, period: Period) -> tuple[Table | None, str | None]:
    """The figures of the units below, and who reported: "15/17 xã báo cáo; thiếu: …"."""
    unit = _clean(total.indicator.unit)
    coverage = None
    if total.expected:
        levels = {u.level for u in total.expected}
        word = next(iter(levels)).vietnamese if len(levels) == 1 else "đơn vị"
        done = len(total.expected) - len(total.missing)
        coverage = f"{done}/{len(total.expected)} {word} báo cáo"
        if total.missing:
            coverage += "; thiếu: " + ", ".join(_clean(u.name) for u in total.missing)
    if len(total.children) < 2:
        return None, coverage
    try:
        before = format_period(period.previous())
    except InvalidValueError:
        before = "cùng kỳ năm trước"
    better = total.indicator.higher_is_better
    planned = any(child.plan is not None for child in total.children)
    rows = []
    bars: list[tuple[str, Fraction, str]] = []
    for child in total.children:
        assert child.value is not None
        now = _amount(_totals.exact(child.value), unit)
        bars.append((_clean(child.unit.name), child.value, now))
        then = "" if child.previous is None else _amount(_totals.exact(child.previous), unit)
        compared = ""
        if child.previous is not None:
            compared = _compare(child.value, child.previous, unit, None, better)
        row = [_clean(child.unit.name), now]
        if planned:
            attained = ""
            if child.plan is not None:
                try:
                    attained = describe_attainment(
                        child.value,
                        child.plan,
                        higher_is_better=better,
                        unit=None if unit in _MONEY_UNITS else unit,
                    )
                except UndefinedIndicatorError:
                    attained = f"kế hoạch {_amount(child.plan, unit)}"
            row.append(attained)
        rows.append((*row, then, compared))
    header = (
        "Đơn vị",
        format_period(period),
        *(("Kế hoạch",) if planned else ()),
        before,
        "So với cùng kỳ",
    )
    name = _clean(total.indicator.name)
    chart = Chart(
        f"{name} theo đơn vị, {format_period(period)}",
        tuple(unit_name for unit_name, _, _ in bars),
        (format_period(period),),
        tuple((value,) for _, value, _ in bars),
        tuple((label,) for _, _, label in bars),
    )
    return Table(f"{name} theo đơn vị", header, tuple(rows), chart=chart), coverage


def _source_section(data: Dataset) -> Section:
    # The notes are for the keepers of the data, not for the readers of the report.
    return Section("Nguồn số liệu", paragraphs=(f"Nguồn: {_clean(data.source)}",))
