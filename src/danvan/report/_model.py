"""The value of a report: items, tables, charts, sections (private)."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from typing import Any, Final, Literal

import attrs

from danvan._validators import count, instance_of, optional, text, tuple_of
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.periods import Period

ReportFormat = Literal["text", "md", "html"]
"""How :func:`render_report` writes a report: plain text, Markdown or HTML."""

_FORMATS: Final = ("text", "md", "html")
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
    depth: int = attrs.field(default=0, validator=count)


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
class Table:
    """A table of figures (bảng số liệu): a caption, a header row and rows of text cells.

    >>> Table("Mô hình theo tập thể, cá nhân", ("", "năm 2021"), (("Tập thể", "90"),)).rows
    (('Tập thể', '90'),)
    """

    caption: str = attrs.field(validator=_one_line)
    header: tuple[str, ...] = attrs.field(validator=_header)
    rows: tuple[tuple[str, ...], ...] = attrs.field(validator=_cells)
    chart: Chart | None = attrs.field(
        default=None, kw_only=True, validator=optional(instance_of(Chart))
    )
    """The same figures drawn (HTML draws it under the table; text and Markdown, which
    already print the table, leave it out)."""


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
        from danvan.report._text import render_text

        return render_text(self)

    def to_markdown(self) -> str:
        """The report as Markdown (CommonMark with pipe tables)."""
        from danvan.report._text import render_markdown

        return render_markdown(self)

    def to_html(self, *, standalone: bool = True) -> str:
        """The report as HTML: a whole page (``standalone=True``) with its style inline,
        or a ``<div>`` to put in another page. Charts are inline SVG; nothing is fetched
        and nothing runs."""
        from danvan.report._page import render_html

        return render_html(self, standalone=standalone)

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
