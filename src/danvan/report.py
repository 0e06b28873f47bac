"""Reports on mass-mobilisation work (báo cáo công tác dân vận) from a dataset.

:func:`build_report` reads a :class:`~danvan.Dataset` and writes what a periodic report
says about it, in the sentences of :mod:`danvan.sentences`: the units, the directives
issued (canonical codes, administrative dates), the campaigns, the "Dân vận khéo"
models by field, holder and status compared with the year before, and the figures of
the indicators with their attainment of plan. The result is a :class:`Report`, a
frozen value of sections, items and tables that renders as plain text, Markdown or
one self-contained HTML page with inline SVG charts (no script, no network).

>>> report = build_report(default_dataset())
>>> report.title
'Kết quả thực hiện Chương trình phối hợp giữa Ban Dân vận Thị ủy và Ủy ban nhân dân thị xã Hòa Thành (Tây Ninh) năm 2020'
>>> print(report.period)
năm 2020
>>> [section.heading for section in report.sections]
['Các đơn vị', 'Văn bản chỉ đạo', 'Phong trào, cuộc vận động', 'Kết quả thực hiện các chỉ tiêu năm 2020', 'Nguồn số liệu']
>>> print(report.sections[1].items[1].text)
Kế hoạch số 123-KH/BDV-UBND ngày 17/3/2020 của Ban Dân vận Thị ủy Hòa Thành và Ủy ban nhân dân thị xã Hòa Thành về phối hợp thực hiện công tác dân vận chính quyền năm 2020, thực hiện Kế hoạch số 70-KH/BDVTU-BCSĐUBND
>>> print(next(i.text for i in report.sections[3].items if "Vì người nghèo" in i.text))
Quỹ “Vì người nghèo” vận động được: 1.798.702.098đ, đạt 108,39% kế hoạch

Figures are exact to the last đồng; rounding happens only where a sentence writes a
percent (half away from zero, two places). Every sentence comes from a field of the
dataset, never from a description or a code:

- an observation with a plan (its ``target``, a :class:`~danvan.Target` or a campaign
  target with the same indicator, unit and period) gets "đạt …% kế hoạch", or where
  lower is better "đạt và vượt kế hoạch (không quá 60 hộ)"; one without a plan but
  with a ``stated_attainment`` gets the stated percent; when two or more figures have
  a plan, the period's results say how many were met, in each indicator's direction:
  "Có 19/21 chỉ tiêu đạt và vượt kế hoạch.";
- an observation with a ``baseline`` gets the change from it, one without but with a
  ``stated_change`` the stated change, compared with its ``baseline_period`` ("so với
  năm 2020", "so với cùng kỳ năm trước", "so với đầu năm"); a fall where lower is better
  is "giảm được";
- a ``bound`` is written before its figure ("trên 90%");
- a ratio indicator (``numerator`` and ``denominator``) is written "19/21 chỉ tiêu
  (90,48%)" in one line, in place of its two parts.

Money (an indicator counted in "đồng") is written as the reports of the corpus write
it: with a scale word when that is exact and short ("915 triệu đồng", "3,8 tỷ
đồng"), otherwise to the đồng ("1.798.702.098đ").

Text from the dataset is written in NFC, with runs of white space made one space and
control characters and lone surrogates shown as U+FFFD, so that no name can break the
layout of a format or the encoding of a file.
"""  # noqa: E501

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from fractions import Fraction
from importlib import resources
from typing import Any, Final, Literal

import attrs

from danvan import _html, _totals
from danvan._validators import instance_of, optional, text, tuple_of
from danvan.campaigns import Campaign, CampaignKind, MobilizationModel, ModelField
from danvan.dataset import Dataset
from danvan.documents import Directive
from danvan.errors import DanvanError, InvalidTypeError, InvalidValueError
from danvan.indicators import UndefinedIndicatorError, attainment, count_met
from danvan.numbers import format_money, format_number, format_percent
from danvan.observations import ExactNumber, Indicator, Observation, RelativePeriod
from danvan.periods import Period, PeriodKind, format_period
from danvan.roman import to_roman
from danvan.sentences import (
    _capital,
    describe_attainment,
    describe_change,
    describe_difference,
    describe_model_statistics,
    describe_point_change,
    describe_ratio,
)
from danvan.statistics import ModelStatistics, model_statistics
from danvan.statistics import _count as _non_negative
from danvan.units import Unit, UnitTree

__all__ = [
    "Chart",
    "Item",
    "Report",
    "ReportFormat",
    "Section",
    "Table",
    "build_report",
    "default_dataset",
    "render_report",
]

ReportFormat = Literal["text", "md", "html"]
"""How :func:`render_report` writes a report: plain text, Markdown or HTML."""

_FORMATS: Final = ("text", "md", "html")
_DEFAULT_DATASET: Final = "hoa_thanh_2020.json"
_MONEY_UNITS: Final = frozenset({"đồng", "đ", "VNĐ", "₫"})
_SINCE_BASELINE: Final = "kỳ gốc"  # the base period an Observation.baseline belongs to
_CHART_YEARS: Final = 6  # at most this many years in the chart of models by field
_WHITE_SPACE: Final = re.compile(r"\s+")
_REPLACED: Final = frozenset({"Cc", "Cs"})  # control characters, lone surrogates


# ------------------------------------------------------------------------ the value


def _clean(value: str) -> str:
    """NFC, control characters and lone surrogates (which no encoding can write) as
    U+FFFD, white space runs as one space, stripped."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(
        "\ufffd" if unicodedata.category(c) in _REPLACED and not c.isspace() else c for c in value
    )
    return _WHITE_SPACE.sub(" ", value).strip()


def _one_line(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    text(instance, attribute, value)
    assert isinstance(value, str)
    if value != _clean(value):
        raise InvalidValueError(
            f"{attribute.name} must be one line of NFC text without control characters"
            f" or runs of spaces, not {value!r}"
        )


def _lines(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)
    for line in value:
        _one_line(instance, attribute, line)


def _row(row: object) -> None:
    if not isinstance(row, tuple):
        raise InvalidTypeError(f"a row must be a tuple of str, not {row!r}")
    for cell in row:
        if not isinstance(cell, str):
            raise InvalidTypeError(f"a cell must be a str, not {cell!r}")
        if cell != _clean(cell):
            raise InvalidValueError(f"a cell must be one line of text, not {cell!r}")


def _header(instance: Table, attribute: attrs.Attribute[Any], value: object) -> None:
    _row(value)
    assert isinstance(value, tuple)
    if not value:
        raise InvalidValueError("a table needs at least one column")


def _cells(instance: Table, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(tuple)(instance, attribute, value)
    assert isinstance(value, tuple)
    for row in value:
        _row(row)
        if len(row) != len(instance.header):
            raise InvalidValueError(
                f"every row must have {len(instance.header)} cells, as the header, not {row!r}"
            )


def _values(instance: Chart, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(tuple)(instance, attribute, value)
    assert isinstance(value, tuple)
    if len(value) != len(instance.categories):
        raise InvalidValueError(
            f"{attribute.name} must have one row per category ({len(instance.categories)})"
        )
    for row in value:
        if len(row) != len(instance.series):
            raise InvalidValueError(
                f"each row of {attribute.name} must have one entry per series"
                f" ({len(instance.series)}), not {row!r}"
            )
        kind = Fraction if attribute.name == "values" else str
        for entry in row:
            if type(entry) is not kind:
                raise InvalidTypeError(
                    f"{attribute.name} must hold {kind.__name__}s, not {entry!r}"
                )


@attrs.frozen
class Item:
    """One line of a list (a unit, a directive, a figure); ``depth`` nests it.

    >>> Item("Thị ủy Hòa Thành", depth=1).depth
    1
    """

    text: str = attrs.field(validator=_one_line)
    depth: int = attrs.field(default=0, validator=_non_negative)


@attrs.frozen
class Table:
    """A table of figures (bảng số liệu): a caption, a header row and rows of text cells.

    >>> Table("Mô hình theo tập thể, cá nhân", ("", "năm 2021"), (("Tập thể", "90"),)).rows
    (('Tập thể', '90'),)
    """

    caption: str = attrs.field(validator=_one_line)
    header: tuple[str, ...] = attrs.field(validator=_header)
    rows: tuple[tuple[str, ...], ...] = attrs.field(validator=_cells)


@attrs.frozen
class Chart:
    """A bar chart (biểu đồ): for each category a group of bars, one per series.

    ``values[i][j]`` is the exact value of series *j* in category *i*, and
    ``labels[i][j]`` the same value as the report writes it. ``reference`` draws a
    line across the bars, e.g. at 1 (100% of plan), labelled ``reference_label``.
    HTML draws the chart in SVG; text and Markdown give :meth:`as_table`.

    >>> chart = Chart("Mức đạt kế hoạch", ("Quỹ",), ("đạt",), ((Fraction(1084, 1000),),),
    ...               (("108,4%",),), reference=Fraction(1), reference_label="100% kế hoạch")
    >>> chart.as_table().rows
    (('Quỹ', '108,4%'),)
    """

    title: str = attrs.field(validator=_one_line)
    categories: tuple[str, ...] = attrs.field(validator=_lines)
    series: tuple[str, ...] = attrs.field(validator=_lines)
    values: tuple[tuple[Fraction, ...], ...] = attrs.field(validator=_values)
    labels: tuple[tuple[str, ...], ...] = attrs.field(validator=_values)
    reference: Fraction | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Fraction))
    )
    reference_label: str | None = attrs.field(
        default=None, kw_only=True, validator=optional(_one_line)
    )

    def __attrs_post_init__(self) -> None:
        if not self.series:
            raise InvalidValueError("a chart needs at least one series")

    def as_table(self) -> Table:
        """The figures of the chart as a table: a row per category, a column per series."""
        return Table(
            self.title,
            ("", *self.series),
            tuple((c, *row) for c, row in zip(self.categories, self.labels, strict=True)),
        )


@attrs.frozen
class Section:
    """A numbered part of a report (mục): a heading, then paragraphs, items, tables and
    charts, rendered in that order.

    >>> Section("Văn bản chỉ đạo", items=(Item("Chỉ thị số 08-CT/ThU"),)).heading
    'Văn bản chỉ đạo'
    """

    heading: str = attrs.field(validator=_one_line)
    paragraphs: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=_lines)
    items: tuple[Item, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(Item))
    tables: tuple[Table, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(Table))
    charts: tuple[Chart, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(Chart))


@attrs.frozen
class Report:
    """A report on mass-mobilisation work: a title, the period it covers (None when its
    figures span several periods), its source and its sections.

    Write it with :meth:`to_text`, :meth:`to_markdown` or :meth:`to_html` (or
    :func:`render_report`); in a notebook it shows as HTML.

    >>> report = Report("Công tác dân vận năm 2021", Period.year(2021), "Báo cáo năm 2021",
    ...                 (Section("Kết quả", paragraphs=("Có 19/21 chỉ tiêu đạt và vượt kế hoạch.",)),))
    >>> print(report.to_text())
    Công tác dân vận năm 2021
    =========================
    Kỳ báo cáo: năm 2021
    <BLANKLINE>
    I. KẾT QUẢ
    <BLANKLINE>
    Có 19/21 chỉ tiêu đạt và vượt kế hoạch.
    """  # noqa: E501

    title: str = attrs.field(validator=_one_line)
    period: Period | None = attrs.field(validator=optional(instance_of(Period)))
    source: str = attrs.field(validator=_one_line)
    sections: tuple[Section, ...] = attrs.field(validator=tuple_of(Section))

    def to_text(self) -> str:
        """The report as plain text: numbered headings in capitals, lists, aligned tables."""
        return _render_text(self)

    def to_markdown(self) -> str:
        """The report as Markdown (CommonMark with pipe tables)."""
        return _render_markdown(self)

    def to_html(self, *, standalone: bool = True) -> str:
        """The report as HTML: a whole page (``standalone=True``) with its style inline,
        or a ``<div>`` to put in another page. Charts are inline SVG; nothing is fetched
        and nothing runs."""
        return _render_html(self, standalone=standalone)

    def _repr_html_(self) -> str:
        return self.to_html(standalone=False)


def render_report(report: Report, /, *, format: ReportFormat = "text") -> str:
    """Write *report* as ``"text"``, ``"md"`` (Markdown) or ``"html"``.

    >>> report = Report("Báo cáo", None, "Nguồn", ())
    >>> render_report(report, format="md")
    '# Báo cáo'
    """
    if not isinstance(report, Report):
        raise InvalidTypeError(f"expected a Report, not {type(report).__name__}: {report!r}")
    if format == "text":
        return report.to_text()
    if format == "md":
        return report.to_markdown()
    if format == "html":
        return report.to_html()
    raise InvalidValueError(f"format must be one of {', '.join(_FORMATS)}; not {format!r}")


@functools.cache
def default_dataset() -> Dataset:
    """The dataset bundled with danvan: the 2020 report of Hòa Thành town, Tây Ninh
    (a copy of ``examples/data/hoa_thanh_2020.json``; see ``danvan/data/SOURCE.md``).

    >>> default_dataset().observations_of("fund.vi_nguoi_ngheo")[0].actual
    1798702098
    """
    from danvan.serialize import from_json

    raw = resources.files("danvan").joinpath("data").joinpath(_DEFAULT_DATASET).read_bytes()
    dataset: Dataset = from_json(raw, Dataset)
    return dataset


# ------------------------------------------------------------------- writing figures


def _figure(value: ExactNumber) -> str:
    """A number exactly, or to two places when its decimals do not end (1/3)."""
    try:
        return format_number(value)
    except InvalidValueError:
        return format_number(value, decimals=2)


def _money(value: ExactNumber) -> str:
    """ "915 triệu đồng", "3,8 tỷ đồng" when exact and short; else "1.798.702.098đ"."""
    try:
        scaled = format_money(value, scale="auto")
    except InvalidValueError:  # decimals that do not end
        return format_money(value, unit="đ", decimals=0)
    number, _, rest = scaled.partition(" ")
    if rest != "đồng" and "." not in number:
        return scaled
    try:
        return format_money(value, unit="đ")
    except InvalidValueError:
        return format_money(value, unit="đ", decimals=0)


def _amount(value: ExactNumber, unit: str) -> str:
    """A value of an indicator with its unit, as a report writes it."""
    if unit in _MONEY_UNITS:
        return _money(value)
    if unit == "%":
        return format_percent(value)
    return f"{_figure(value)} {unit}"


def _compare(
    now: ExactNumber,
    before: ExactNumber,
    unit: str,
    since: str | Period | None,
    higher_is_better: bool = True,
) -> str:
    """ "tăng 17% so với …", in points for rates, in units when *before* is zero; a fall
    where lower is better is "giảm được"."""
    direction = None if higher_is_better else False
    if unit == "%":
        return describe_point_change(now, before, since=since, higher_is_better=direction)
    try:
        return describe_change(now, before, since=since, higher_is_better=direction)
    except UndefinedIndicatorError:
        word = "đồng" if unit in _MONEY_UNITS else unit
        try:
            return describe_difference(
                now, before, unit=word, since=since, higher_is_better=direction
            )
        except InvalidValueError:  # decimals that do not end
            return describe_difference(
                now, before, unit=word, since=since, decimals=2, higher_is_better=direction
            )


def _names(ids: Iterable[str], tree: UnitTree) -> str:
    """ "A", "A và B", "A, B và C"."""
    names = [_clean(tree[unit_id].name) for unit_id in ids]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


# ---------------------------------------------------------------------- the sections


def _unit_line(unit: Unit) -> str:
    text = f"{_clean(unit.name)} – {unit.kind.vietnamese}, cấp {unit.level.vietnamese}"
    extras = []
    if unit.other_names:
        extras.append("tên khác: " + ", ".join(_clean(name) for name in unit.other_names))
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
            fields.append((_capital(main.vietnamese), stats.by_main_field[main]))
            fields += [
                (f"trong đó: {sub.vietnamese}", stats.by_field[sub])
                for sub in ModelField
                if sub.parent is main
            ]
        fields.append(("Tổng số", stats.total))
        return {
            "fields": fields,
            "holders": [(_capital(h.vietnamese), n) for h, n in stats.by_holder.items()],
            "statuses": [(_capital(t.vietnamese), n) for t, n in stats.by_status.items()],
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
        tuple(_capital(field.vietnamese) for field in _MAIN_FIELDS),
        tuple(tuple(Fraction(s.by_main_field[f]) for f in _MAIN_FIELDS) for _, s in columns),
        tuple(tuple(format_number(s.by_main_field[f]) for f in _MAIN_FIELDS) for _, s in columns),
    )


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
                    line, seen, plans.get((ratio.code, seen.unit_id, seen.period)), value, planned
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
            notes.append(Item(f"{_capital(coverage)}.", depth=1))
        for unit in total.unassigned:
            after = _names(unit.successors, data.tree)
            notes.append(
                Item(
                    f"Số liệu của {_clean(unit.name)} (nay là {after}) chưa phân bổ cho đơn vị"
                    " kế tiếp.",
                    depth=1,
                )
            )
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
    for child in total.children:
        assert child.value is not None
        now = _amount(_totals.exact(child.value), unit)
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
    return Table(f"{_clean(total.indicator.name)} theo đơn vị", header, tuple(rows)), coverage


def _source_section(data: Dataset) -> Section:
    # The notes are for the keepers of the data, not for the readers of the report.
    return Section("Nguồn số liệu", paragraphs=(f"Nguồn: {_clean(data.source)}",))


# ---------------------------------------------------------------------- the report


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
) -> Report:
    """The report of *unit* (by default the whole dataset) for *period*.

    The figures of each indicator are added up for the unit's area: figures of the
    shorter periods inside *period* over time, and those of the units below it over the
    tree, by the indicator's rule (:func:`~danvan.roll_up`); a unit dissolved with one
    successor (the 2025 reform) counts toward it. Each total is written with the plan
    of the unit for the period and the change from the same period a year earlier,
    where the data has them; then, for an indicator reported by several units, a table
    of the units just below and who reported ("17/17 xã báo cáo; thiếu: …"). Without a
    *unit*, each indicator is added up at the lowest unit that holds all its figures.
    With a *unit*, the units section names it and the units below it that have figures
    in the period, not the whole tree.

    Without a *period*, the report is for the period of the figures when they share
    one, the year when they lie in one year, else the years they span. The model
    statistics are for the report's period (compared with the same period a year
    earlier); the units, directives and campaigns are those that exist by its last day.

    A *period* with no figure raises :class:`~danvan.InvalidValueError` saying so,
    unless ``allow_empty=True``. A figure too large to write (more than 4300 digits)
    raises :class:`~danvan.InvalidValueError` naming it; nothing else in a valid
    dataset makes this function fail.

    >>> report = build_report(default_dataset(), period=Period.year(2021), allow_empty=True)
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
    sections = [
        _units_section(tree, None if unit is None else _named(dataset, unit, shown)),
        _directives_section(directives, dataset.tree),
        _campaigns_section(campaigns, dataset),
    ]
    model_period = _model_period(dataset.models, shown)
    if dataset.models and model_period is not None:
        sections.append(_models_section(dataset.models, model_period))
    if figures and shown is not None:
        sections.append(_results_section(dataset, shown, figures, found))
    sections.append(_source_section(dataset))
    return Report(
        _clean(dataset.title),
        shown,
        _clean(dataset.source),
        tuple(section for section in sections if section is not None),
    )


# ---------------------------------------------------------------------- rendering


def _text_table(table: Table) -> list[str]:
    rows = [table.header, *table.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.header))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return [table.caption, line(table.header), rule, *(line(row) for row in table.rows)]


def _render_text(report: Report) -> str:
    out = [report.title, "=" * len(report.title)]
    if report.period is not None:
        out.append(f"Kỳ báo cáo: {format_period(report.period)}")
    for number, section in enumerate(report.sections, 1):
        out += ["", f"{to_roman(number)}. {section.heading.upper()}"]
        for paragraph in section.paragraphs:
            out += ["", paragraph]
        if section.items:
            out.append("")
            out += [f"{'  ' * depth}- {item.text}" for item, depth in _depths(section.items)]
        for table in (*section.tables, *(chart.as_table() for chart in section.charts)):
            out += ["", *_text_table(table)]
    return "\n".join(out)


def _depths(items: Sequence[Item]) -> list[tuple[Item, int]]:
    """Each item with its depth, never more than one deeper than the item before."""
    result = []
    previous = -1
    for item in items:
        depth = min(item.depth, previous + 1)
        result.append((item, depth))
        previous = depth
    return result


_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#~&])")
_MD_LIST_START: Final = re.compile(r"^([-+=])|^([0-9]+)([.)])")


def _md(value: str) -> str:
    """Text that Markdown shows as it is: special characters behind a backslash."""
    escaped = _MD_SPECIAL.sub(r"\\\1", value)
    return _MD_LIST_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


def _md_table(table: Table) -> list[str]:
    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(_md(cell) for cell in row) + " |"

    return [
        f"**{_md(table.caption)}**",
        "",
        line(table.header),
        "| " + " | ".join("---" for _ in table.header) + " |",
        *(line(row) for row in table.rows),
    ]


def _render_markdown(report: Report) -> str:
    out = [f"# {_md(report.title)}"]
    if report.period is not None:
        out += ["", f"Kỳ báo cáo: {_md(format_period(report.period))}"]
    for number, section in enumerate(report.sections, 1):
        out += ["", f"## {to_roman(number)}. {_md(section.heading)}"]
        for paragraph in section.paragraphs:
            out += ["", _md(paragraph)]
        if section.items:
            out.append("")
            out += [f"{'  ' * depth}- {_md(item.text)}" for item, depth in _depths(section.items)]
        for table in (*section.tables, *(chart.as_table() for chart in section.charts)):
            out += ["", *_md_table(table)]
    return "\n".join(out)


_STYLE: Final = """\
.danvan-report { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  Arial, sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 60rem; margin: 0 auto;
  padding: 1rem; }
.danvan-report h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.danvan-report h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #ccc; }
.danvan-report .danvan-period { color: #555; margin: 0 0 1rem; }
.danvan-report table { border-collapse: collapse; margin: .75rem 0; }
.danvan-report caption { font-weight: 600; text-align: left; padding: .25rem 0; }
.danvan-report th, .danvan-report td { border: 1px solid #ccc; padding: .2rem .5rem;
  text-align: left; vertical-align: top; }
.danvan-report th { background: #f3f3f3; }
.danvan-report td.number { text-align: right; }
.danvan-report figure { margin: 1rem 0; }
.danvan-report figcaption { font-weight: 600; }
.danvan-report svg { max-width: 100%; height: auto; font-size: 12px; }
.danvan-report svg text { fill: #1b1b1b; }
.danvan-report .danvan-reference { stroke: #b00; stroke-dasharray: 4 3; }
.danvan-report .danvan-axis { stroke: #777; }
"""


def _html_list(items: Sequence[Item]) -> list[str]:
    out: list[str] = []
    open_levels: list[int] = []
    for item, depth in _depths(items):
        while open_levels and open_levels[-1] > depth:
            out[-1] += "</li></ul>"
            open_levels.pop()
        if open_levels and open_levels[-1] == depth:
            out[-1] += "</li>"
        else:
            out.append("<ul>")
            open_levels.append(depth)
        out.append(f"<li>{_html.escape(item.text)}")
    out[-1] += "</li></ul>" * len(open_levels)
    return out


def _html_table(table: Table) -> list[str]:
    built = _html.Table(table.header, caption=table.caption)
    for row in table.rows:
        # Every cell is text to escape, even an _html.Html: no markup from outside.
        built.row([str(cell) for cell in row], header=True)
    return [str(built.render())]


def _render_html(report: Report, *, standalone: bool) -> str:
    body = [f"<h1>{_html.escape(report.title)}</h1>"]
    if report.period is not None:
        body.append(
            '<p class="danvan-period">Kỳ báo cáo:'
            f" {_html.escape(format_period(report.period))}</p>"
        )
    for number, section in enumerate(report.sections, 1):
        body.append("<section>")
        body.append(f"<h2>{to_roman(number)}. {_html.escape(section.heading)}</h2>")
        body += [f"<p>{_html.escape(paragraph)}</p>" for paragraph in section.paragraphs]
        if section.items:
            body += _html_list(section.items)
        for table in section.tables:
            body += _html_table(table)
        for chart in section.charts:
            body += [
                "<figure>",
                f"<figcaption>{_html.escape(chart.title)}</figcaption>",
                _svg(chart),
                "<details><summary>Số liệu của biểu đồ</summary>",
                *_html_table(chart.as_table()),
                "</details>",
                "</figure>",
            ]
        body.append("</section>")
    if not standalone:
        return "\n".join(
            ['<div class="danvan-report">', f"<style>{_STYLE}</style>", *body, "</div>"]
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="vi">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_html.escape(report.title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            '<main class="danvan-report">',
            *body,
            "</main>",
            "</body>",
            "</html>",
        ]
    )


# ---------------------------------------------------------------------------- SVG

_PALETTE: Final = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#9b2c2c", "#2c7a7b")
_WIDTH: Final = 720
_LABELS: Final = 240  # room for the category names on the left
_VALUES: Final = 90  # room for the written values on the right
_BAR: Final = 16
_GAP: Final = 3
_GROUP_GAP: Final = 10
_LEGEND_ROW: Final = 18
_SHORT: Final = 36  # longer category names are cut, the whole name is in the tooltip


def _coord(value: Fraction) -> str:
    """An SVG coordinate from an exact value, with two decimals (half away from zero)."""
    hundredths = abs(value) * 100
    whole = (2 * hundredths.numerator + hundredths.denominator) // (2 * hundredths.denominator)
    sign = "-" if value < 0 and whole else ""
    return f"{sign}{whole // 100}.{whole % 100:02d}"


def _svg(chart: Chart) -> str:
    every = [value for row in chart.values for value in row]
    low = min([Fraction(0), *every, *([chart.reference] if chart.reference is not None else [])])
    high = max([Fraction(0), *every, *([chart.reference] if chart.reference is not None else [])])
    span = high - low or Fraction(1)
    plot = Fraction(_WIDTH - _LABELS - _VALUES)

    def x(value: Fraction) -> Fraction:
        return _LABELS + (value - low) * plot / span

    legend = len(chart.series) > 1
    top = Fraction(8 + (_LEGEND_ROW * len(chart.series) if legend else 0) + 14)
    group_height = len(chart.series) * (_BAR + _GAP) - _GAP
    height = top + len(chart.categories) * (group_height + _GROUP_GAP) + 8
    out = [
        f'<svg viewBox="0 0 {_WIDTH} {_coord(height)}" width="{_WIDTH}"'
        f' height="{_coord(height)}" role="img" aria-label="{_html.escape(chart.title)}">',
        f"<title>{_html.escape(chart.title)}</title>",
    ]
    if legend:
        for j, name in enumerate(chart.series):
            row = 8 + j * _LEGEND_ROW
            out.append(
                f'<rect x="{_LABELS}" y="{row}" width="12" height="12"'
                f' fill="{_PALETTE[j % len(_PALETTE)]}"/>'
                f'<text x="{_LABELS + 18}" y="{row + 10}">{_html.escape(name)}</text>'
            )
    zero = x(Fraction(0))
    bottom = height - 8
    y = Fraction(top)
    for category, values, labels in zip(chart.categories, chart.values, chart.labels, strict=True):
        short = category if len(category) <= _SHORT else category[: _SHORT - 1].rstrip() + "…"
        middle = y + Fraction(group_height, 2) + 4
        out.append(
            f'<text x="{_LABELS - 6}" y="{_coord(middle)}" text-anchor="end">'
            f"<title>{_html.escape(category)}</title>{_html.escape(short)}</text>"
        )
        for j, (value, label) in enumerate(zip(values, labels, strict=True)):
            end = x(value)
            left, right = min(zero, end), max(zero, end)
            out.append(
                f'<rect x="{_coord(left)}" y="{_coord(y)}" width="{_coord(right - left)}"'
                f' height="{_BAR}" fill="{_PALETTE[j % len(_PALETTE)]}">'
                f"<title>{_html.escape(f'{category} – {chart.series[j]}: {label}')}"
                f'</title></rect><text x="{_coord(right + 4)}" y="{_coord(y + _BAR - 4)}">'
                f"{_html.escape(label)}</text>"
            )
            y += _BAR + _GAP
        y += _GROUP_GAP - _GAP
    out.append(
        f'<line class="danvan-axis" x1="{_coord(zero)}" y1="{_coord(top - 4)}"'
        f' x2="{_coord(zero)}" y2="{_coord(bottom)}"/>'
    )
    if chart.reference is not None:
        at = x(chart.reference)
        out.append(
            f'<line class="danvan-reference" x1="{_coord(at)}" y1="{_coord(top - 4)}"'
            f' x2="{_coord(at)}" y2="{_coord(bottom)}"/>'
        )
        if chart.reference_label is not None:
            out.append(
                f'<text x="{_coord(at)}" y="{_coord(top - 6)}" text-anchor="middle">'
                f"{_html.escape(chart.reference_label)}</text>"
            )
    out.append("</svg>")
    return "\n".join(out)
