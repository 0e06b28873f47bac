"""Building a report from a dataset (private): no renderer is imported here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, Literal

from danvan.campaigns import Campaign, MobilizationModel
from danvan.dataset import Dataset
from danvan.documents import Directive
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.observations import Observation
from danvan.periods import Period, format_period
from danvan.report import _totals
from danvan.report._model import Report, Section, _clean
from danvan.report._results import _results_section, _source_section
from danvan.report._sections import (
    _campaigns_section,
    _democracy_section,
    _directives_section,
    _model_period,
    _models_section,
    _units_section,
)

# ---------------------------------------------------------------------- the report

SectionName = Literal[
    "units", "directives", "campaigns", "models", "democracy", "results", "source"
]
"""A section of a report, for :func:`build_report`'s *sections*."""
_SECTIONS: Final = (
    "units",
    "directives",
    "campaigns",
    "models",
    "democracy",
    "results",
    "source",
)


def _figures_period(observations: Sequence[Observation]) -> Period | None:
    """The period a report of these figures is for: theirs when they share one, the
    year when they lie in one year, else the years they span."""
    periods = {o.period for o in observations}
    if not periods:
        return None
    if len(periods) == 1:
        return next(iter(periods))
    first = min(p.start.year for p in periods)
    last = max(p.end.year for p in periods)
    try:
        return Period.year(first) if first == last else Period.years(first, last)
    except InvalidValueError:  # before year 1000
        return None


def _named(data: Dataset, unit: str, period: Period | None) -> set[str]:
    """The reporting unit and the units below it with figures in the period: a
    district's report names its communes that reported, not the whole tree."""
    below = {u.id for u in data.tree.descendants(unit)}
    return {unit} | {
        seen.unit_id
        for seen in data.observations
        if seen.unit_id in below
        and (
            period is None or (period.start <= seen.period.start <= seen.period.end <= period.end)
        )
    }


def build_report(
    dataset: Dataset,
    /,
    *,
    unit: str | None = None,
    period: Period | None = None,
    allow_empty: bool = False,
    sections: Iterable[SectionName] | None = None,
) -> Report:
    """The report of *unit* (by default the whole dataset) for *period*.

    The figures of each indicator are added up for the unit's area: figures of the
    shorter periods inside *period* over time, and those of the units below it over the
    tree, by the indicator's rule (:func:`~danvan.roll_up`); a unit dissolved with one
    successor (the 2025 reform) counts toward it, and so do its "Dân vận khéo" models.
    Each total is written with the plan of the unit for the period and the change from
    the same period a year earlier,
    where the data has them; then, for an indicator reported by several units, a table
    of the units just below and who reported ("17/17 xã báo cáo; thiếu: …"). Without a
    *unit*, each indicator is added up at the lowest unit that holds all its figures.
    With a *unit*, the units section names it and the units below it that have figures
    in the period, not the whole tree.

    Without a *period*, the report is for the period of the figures when they share
    one, the year when they lie in one year, else the years they span. The model
    statistics are for the report's period (compared with the same period a year
    earlier); the units, directives and campaigns are those that exist by its last day.

    *sections* chooses the sections, in their fixed order: ``"units"``, ``"directives"``,
    ``"campaigns"``, ``"models"`` ("Dân vận khéo", with the biểu dương and khen thưởng of
    the period), ``"democracy"`` (the dialogues and supervisions of grassroots
    democracy), ``"results"``, ``"source"`` (by default all).

    A *period* with no figure raises :class:`~danvan.InvalidValueError` saying so,
    unless ``allow_empty=True``. A figure too large to write (more than 4300 digits)
    raises :class:`~danvan.InvalidValueError` naming it; nothing else in a valid
    dataset makes this function fail.

    >>> from danvan import default_dataset
    >>> report = build_report(default_dataset(), period=Period.year(2022), allow_empty=True)
    >>> [section.heading for section in report.sections]
    ['Các đơn vị', 'Văn bản chỉ đạo', 'Phong trào, cuộc vận động', 'Nguồn số liệu']
    """
    if not isinstance(dataset, Dataset):
        raise InvalidTypeError(f"expected a Dataset, not {type(dataset).__name__}: {dataset!r}")
    if period is not None and not isinstance(period, Period):
        raise InvalidTypeError(f"period must be a Period or None, not {period!r}")
    if unit is not None and not isinstance(unit, str):
        raise InvalidTypeError(f"unit must be a unit id or None, not {unit!r}")
    if not isinstance(allow_empty, bool):
        raise InvalidTypeError(f"allow_empty must be a bool, not {allow_empty!r}")
    if sections is not None:
        if isinstance(sections, str) or not isinstance(sections, Iterable):
            raise InvalidTypeError(f"sections must be section names, not {sections!r}")
        sections = tuple(sections)
        unknown = [name for name in sections if name not in _SECTIONS]
        if unknown:
            raise InvalidValueError(
                f"unknown sections {', '.join(map(repr, unknown))}; the sections are"
                f" {', '.join(_SECTIONS)}"
            )
    if unit is not None:
        dataset.tree[unit]  # an unknown unit raises UnknownUnitError here
    shown = period if period is not None else _figures_period(dataset.observations)
    tree = dataset.tree
    directives: Sequence[Directive] = dataset.directives
    campaigns: Sequence[Campaign] = dataset.campaigns
    figures: list[Observation] = []
    found: list[_totals.Totals] = []
    if shown is not None:
        found, _ = _totals.totals(dataset, shown, unit)
        figures = _totals.totals_as_observations(dataset, shown, found)
    if period is not None:
        if not found and not allow_empty:
            where = "" if unit is None else f" of {dataset.tree[unit].name!r}"
            raise InvalidValueError(
                f"the dataset has no figure{where} in {format_period(period)}"
                " (allow_empty=True writes the report all the same)"
            )
        tree = tree.as_of(period.end)
        # A document cited without a date cannot be placed in a period: left out.
        directives = [d for d in directives if d.issued is not None and d.issued <= period.end]
        campaigns = [c for c in campaigns if c.period is None or c.period.start <= period.end]
    wanted = set(_SECTIONS if sections is None else sections)
    built: list[Section | None] = []
    if "units" in wanted:
        built.append(_units_section(tree, None if unit is None else _named(dataset, unit, shown)))
    if "directives" in wanted:
        built.append(_directives_section(directives, dataset.tree))
    if "campaigns" in wanted:
        built.append(_campaigns_section(campaigns, dataset))
    models: Sequence[MobilizationModel] = dataset.models
    if unit is not None and models and shown is not None:
        # the unit's area, across 01/07/2025 as its figures are
        mine = _totals.area(dataset, shown, unit)
        models = [model for model in models if model.unit_id in mine]
    model_period = _model_period(models, shown)
    if "models" in wanted and models and model_period is not None:
        built.append(_models_section(models, model_period))
    if "democracy" in wanted and shown is not None:
        scope = None if unit is None else {unit} | {u.id for u in dataset.tree.descendants(unit)}
        built.append(_democracy_section(dataset, shown, scope))
    if "results" in wanted and figures and shown is not None:
        built.append(_results_section(dataset, shown, figures, found))
    if "source" in wanted:
        built.append(_source_section(dataset))
    return Report(
        _clean(dataset.title),
        shown,
        _clean(dataset.source),
        tuple(section for section in built if section is not None),
    )
