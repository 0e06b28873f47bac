"""The sections on units, directives, campaigns and models (private)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

from danvan import _html
from danvan._text import capital
from danvan.campaigns import (
    Campaign,
    CampaignKind,
    MobilizationModel,
    ModelEventKind,
    ModelField,
)
from danvan.dataset import Dataset
from danvan.documents import Directive
from danvan.errors import InvalidValueError
from danvan.numbers import format_number
from danvan.periods import Period, format_period
from danvan.phrases import describe_commendations, describe_dialogues, describe_supervisions
from danvan.report._figures import _amount, _compare, _names
from danvan.report._model import Chart, Item, Section, Table, _clean
from danvan.sentences import (
    describe_model_statistics,
)
from danvan.statistics import ModelStatistics, model_statistics
from danvan.units import Unit, UnitTree

_CHART_YEARS: Final = 6  # at most this many years in the chart of models by field

# ---------------------------------------------------------------------- the sections


def _unit_line(unit: Unit) -> str:
    text = f"{_clean(unit.name)} – {unit.kind.vietnamese}, cấp {unit.level.vietnamese}"
    extras = []
    others = [name for name in map(_clean, unit.other_names) if name]  # validate() warns
    if others:
        extras.append("tên khác: " + ", ".join(others))
    if unit.founded is not None:
        extras.append(f"thành lập ngày {_html.date_text(unit.founded)}")
    if unit.dissolved == datetime.date.min:  # no day before it to have worked until
        extras.append(f"giải thể ngày {_html.date_text(unit.dissolved)}")
    elif unit.dissolved is not None:
        last = unit.dissolved - datetime.timedelta(days=1)
        extras.append(f"hoạt động đến hết ngày {_html.date_text(last)}")
    return "; ".join([text, *extras])


def _units_section(tree: UnitTree, only: set[str] | None = None) -> Section | None:
    """The units, as a tree; with *only*, just those units (and none of the others)."""
    items = tuple(
        Item(_unit_line(unit), depth=tree.depth(unit.id))
        for unit in tree
        if only is None or unit.id in only
    )
    return Section("Các đơn vị", items=items) if items else None


def _directive_line(directive: Directive, tree: UnitTree) -> str:
    line = directive.code.describe()
    if directive.issued is not None:
        line += f" ngày {_html.date_text(directive.issued)}"
    if directive.issuer_ids:
        line += f" của {_names(directive.issuer_ids, tree)}"
    title = _clean(directive.title) if directive.title is not None else ""
    if title[:3].casefold() == "về ":
        line += f" về {title[3:]}"
    elif title:
        line += f": {title}"
    if directive.implements:
        line += ", thực hiện " + ", ".join(code.describe() for code in directive.implements)
    if directive.summary is not None and _clean(directive.summary):
        line += f". {_clean(directive.summary)}"
    return line


def _directives_section(directives: Sequence[Directive], tree: UnitTree) -> Section | None:
    # Dated documents by date, then those cited without one; ties keep their order.
    ordered = sorted(directives, key=lambda d: (d.issued is None, d.issued or datetime.date.min))
    items = tuple(Item(_directive_line(directive, tree)) for directive in ordered)
    return Section("Văn bản chỉ đạo", items=items) if items else None


_LAUNCHED: Final = frozenset(
    {CampaignKind.EMULATION_MOVEMENT, CampaignKind.CAMPAIGN, CampaignKind.FUND}
)


def _campaign_items(campaign: Campaign, data: Dataset) -> list[Item]:
    line = f"{_clean(campaign.name)} ({campaign.kind.vietnamese})"
    if campaign.launching_unit_id is not None:
        verb = "phát động" if campaign.kind in _LAUNCHED else "chủ trì"
        line += f", do {_names([campaign.launching_unit_id], data.tree)} {verb}"
    if campaign.partner_unit_ids:
        line += f", phối hợp với {_names(campaign.partner_unit_ids, data.tree)}"
    if campaign.directive is not None:
        line += f", theo {campaign.directive.describe()}"
    if campaign.period is not None and format_period(campaign.period) not in line:
        line += f", {format_period(campaign.period)}"
    items = [Item(line)]
    for target in campaign.targets:
        indicator = data.indicator(target.indicator)
        items.append(
            Item(
                f"Kế hoạch {format_period(target.period)}: {_clean(indicator.name)}"
                f" {_amount(target.value, _clean(indicator.unit))}"
                f" ({_names([target.unit_id], data.tree)})",
                depth=1,
            )
        )
    return items


def _campaigns_section(campaigns: Sequence[Campaign], data: Dataset) -> Section | None:
    items = tuple(item for campaign in campaigns for item in _campaign_items(campaign, data))
    return Section("Phong trào, cuộc vận động", items=items) if items else None


# ------------------------------------------------------------------------- models


_MAIN_FIELDS: Final = tuple(field for field in ModelField if field.parent is None)


def _model_period(models: Sequence[MobilizationModel], period: Period | None) -> Period | None:
    if period is not None:
        return period
    latest = max((event.date for model in models for event in model.history), default=None)
    if latest is None or latest.year < 1000:
        return None
    return Period.year(latest.year)


def _democracy_section(data: Dataset, period: Period, scope: set[str] | None) -> Section | None:
    """Grassroots democracy in the period (thực hiện dân chủ ở cơ sở): the dialogues of
    the authorities with the people and the supervisions, with their recommendations."""
    dialogues = [
        d for d in data.dialogues if d.date in period and (scope is None or d.unit_id in scope)
    ]
    supervisions = [
        s for s in data.supervisions if s.date in period and (scope is None or s.unit_id in scope)
    ]
    paragraphs = []
    if dialogues:
        paragraphs.append(capital(_clean(describe_dialogues(dialogues))) + ".")
    if supervisions:
        paragraphs.append(capital(_clean(describe_supervisions(supervisions))) + ".")
    if not paragraphs:
        return None
    return Section("Thực hiện dân chủ ở cơ sở", paragraphs=tuple(paragraphs))


def _models_section(models: Sequence[MobilizationModel], period: Period) -> Section | None:
    stats = model_statistics(models, period)
    if not stats.total:  # no model registered by the end of the period
        return None
    try:
        before: Period | None = period.previous()
    except InvalidValueError:  # no year before year 1000
        before = None
    previous = None if before is None else model_statistics(models, before)
    paragraph = describe_model_statistics(stats, previous=previous)
    awarded = [
        event
        for model in models
        for event in model.history
        if event.date in period and event.kind in (ModelEventKind.PRAISED, ModelEventKind.AWARDED)
    ]
    if awarded:  # biểu dương and khen thưởng apart, with the forms of the awards
        paragraph += " " + capital(describe_commendations(models, period)) + "."
    columns = [format_period(period)]
    if previous is not None:
        earlier = format_period(previous.period)
        columns = [earlier, format_period(period), f"So với {earlier}"]

    def row(label: str, now: int, then: int | None) -> tuple[str, ...]:
        if then is None:
            return (label, format_number(now))
        return (
            label,
            format_number(then),
            format_number(now),
            _compare(now, then, "mô hình", None),
        )

    def counts(stats: ModelStatistics) -> dict[str, list[tuple[str, int]]]:
        fields = []
        for main in _MAIN_FIELDS:
            fields.append((capital(main.vietnamese), stats.by_main_field[main]))
            fields += [
                (f"trong đó: {sub.vietnamese}", stats.by_field[sub])
                for sub in ModelField
                if sub.parent is main
            ]
        fields.append(("Tổng số", stats.total))
        return {
            "fields": fields,
            "holders": [(capital(h.vietnamese), n) for h, n in stats.by_holder.items()],
            "statuses": [(capital(t.vietnamese), n) for t, n in stats.by_status.items()],
        }

    now = counts(stats)
    then = None if previous is None else counts(previous)

    def rows(name: str) -> tuple[tuple[str, ...], ...]:
        result = []
        for index, (label, count) in enumerate(now[name]):
            before = None if then is None else then[name][index][1]
            if label.startswith("trong đó") and not count and not before:
                continue  # a sub-field nobody named
            result.append(row(label, count, before))
        return tuple(result)

    tables = (
        Table("Mô hình, điển hình theo lĩnh vực", ("Lĩnh vực", *columns), rows("fields")),
        Table("Mô hình, điển hình theo tập thể, cá nhân", ("", *columns), rows("holders")),
        Table("Mô hình, điển hình theo tình trạng", ("Tình trạng", *columns), rows("statuses")),
    )
    return Section(
        "Mô hình, điển hình “Dân vận khéo”",
        paragraphs=(_clean(paragraph),),
        tables=tables,
        charts=(_models_chart(models, period, stats),),
    )


def _models_chart(
    models: Sequence[MobilizationModel], period: Period, stats: ModelStatistics
) -> Chart:
    """The stock of models by main field at the end of each year, up to *period*."""
    first = min(
        (model.history[0].date.year for model in models if model.history[0].date <= period.end),
        default=period.end.year,
    )
    last = period.end.year
    years = range(max(first, last - _CHART_YEARS + 1, 1000), last + 1)
    columns = [
        (format_period(Period.year(year)), model_statistics(models, Period.year(year)))
        for year in years
        if year < last
    ]
    columns.append((format_period(period), stats))
    return Chart(
        "Mô hình, điển hình theo lĩnh vực qua các năm (số có đến cuối kỳ)",
        tuple(label for label, _ in columns),
        tuple(capital(field.vietnamese) for field in _MAIN_FIELDS),
        tuple(tuple(Fraction(s.by_main_field[f]) for f in _MAIN_FIELDS) for _, s in columns),
        tuple(tuple(format_number(s.by_main_field[f]) for f in _MAIN_FIELDS) for _, s in columns),
    )
