"""HTML for notebooks (bảng HTML): a small table and list builder that escapes everything.

Private: the ``_repr_html_`` of :class:`~danvan.UnitTree` (through
:mod:`danvan._display`), :func:`danvan.records.statistics_table` and the report module
build their HTML here. Text goes in as ``str`` and is escaped with
:func:`html.escape`; only an :class:`Html` value (markup this module built) goes in
as it is. The output is a fragment with every element closed and no script, style
sheet or network access, so a notebook shows it as it is and a report can embed it.

>>> table = Table(["Đơn vị", "Số lượng"], caption="Ví dụ <1>")
>>> table.row(["Ban Dân vận <script>", 3])
>>> print(table.render())
<table class="danvan">
<caption>Ví dụ &lt;1&gt;</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Số lượng</th></tr></thead>
<tbody>
<tr><td>Ban Dân vận &lt;script&gt;</td><td class="number">3</td></tr>
</tbody>
</table>
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from danvan.dates import format_date
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.numbers import format_number

if TYPE_CHECKING:
    from danvan.units import UnitTree

__all__ = [
    "Cell",
    "Html",
    "Table",
    "date_text",
    "escape",
    "html_list",
    "text_of",
    "unit_tree_table",
]

#: Rows a unit tree shows at most; the rest are counted in a last row.
MAX_ROWS: Final = 1000
_DASH: Final = "—"


class Html(str):
    """Markup that is safe to show: a ``str`` that notebooks display as HTML.

    Only this module makes one from markup it built and escaped; wrapping outside text
    in :class:`Html` would skip the escaping.

    >>> Html("<b>1.005</b>")._repr_html_()
    '<b>1.005</b>'
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


Cell = str | int | Decimal | Fraction | date | Html | None
"""What a cell holds: text (escaped), an exact number or date (written the Vietnamese
way), markup already built here, or None (a dash)."""


def escape(value: str, /) -> str:
    """*value* escaped for text and attribute values (``&``, ``<``, ``>``, quotes).

    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    if not isinstance(value, str):
        raise InvalidTypeError(f"expected a str, not {type(value).__name__}: {value!r}")
    return html.escape(value, quote=True)


def date_text(day: date, /) -> str:
    """*day* as documents write it (19/5/2021), or as ISO text when they cannot: a year
    before 1000, which documents never write.

    >>> date_text(date(2021, 5, 19)), date_text(date(999, 12, 31))
    ('19/5/2021', '0999-12-31')
    """
    try:
        return format_date(day)
    except InvalidValueError:
        return day.isoformat()


def text_of(value: Cell, /) -> str:
    """The text of a cell, not yet escaped: numbers with a dot for thousands and a
    comma for decimals, dates as 19/5/2021 (ISO before year 1000, see
    :func:`date_text`), None as a dash. A fraction that does not end (19/21) is
    written as a fraction.

    >>> text_of(1798702098), text_of(Decimal("1.0839")), text_of(Fraction(19, 21))
    ('1.798.702.098', '1,0839', '19/21')
    >>> text_of(date(2025, 7, 1)), text_of(None)
    ('01/7/2025', '—')
    """
    if value is None:
        return _DASH
    if isinstance(value, bool):
        raise InvalidTypeError(f"a cell holds no bool: {value!r}")
    if isinstance(value, str):
        return str(value)
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, Fraction):
        if _terminates(value):
            return format_number(value)
        return f"{format_number(value.numerator)}/{format_number(value.denominator)}"
    if isinstance(value, (int, Decimal)):
        return format_number(value)
    raise InvalidTypeError(f"a cell holds text, an exact number or a date, not {value!r}")


def _terminates(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _cell(tag: str, value: Cell, *, attributes: Mapping[str, str] | None = None) -> str:
    attributes = dict(attributes or {})
    if isinstance(value, (int, Decimal, Fraction)) and not isinstance(value, bool):
        attributes.setdefault("class", "number")
    content = value if isinstance(value, Html) else escape(text_of(value))
    return f"<{tag}{_attributes(attributes)}>{content}</{tag}>"


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())


class Table:
    """An HTML table built row by row; every text is escaped.

    *columns* are the header texts. :meth:`row` adds a row of cells,
    :meth:`group` a row that heads a group of rows, :meth:`note` a row of one cell
    across the table; :meth:`render` gives the :class:`Html`.
    """

    __slots__ = ("_caption", "_columns", "_rows")

    def __init__(self, columns: Sequence[str], /, *, caption: str | None = None) -> None:
        if isinstance(columns, str) or not all(isinstance(c, str) for c in columns):
            raise InvalidTypeError(f"columns must be a sequence of str, not {columns!r}")
        if not columns:
            raise InvalidValueError("a table needs at least one column")
        self._columns = tuple(columns)
        self._caption = caption
        self._rows: list[str] = []

    def row(
        self,
        cells: Sequence[Cell],
        /,
        *,
        header: bool = False,
        attributes: Mapping[str, str] | None = None,
        first_cell: Mapping[str, str] | None = None,
    ) -> None:
        """Add a row; with ``header=True`` its first cell is a row header (``th``).

        *attributes* go on the ``tr`` (``data-*``), *first_cell* on its first cell.
        """
        if len(cells) != len(self._columns):
            raise InvalidValueError(
                f"a row of this table has {len(self._columns)} cells, not {len(cells)}"
            )
        parts = []
        for index, value in enumerate(cells):
            tag = "td"
            cell_attributes: dict[str, str] = {}
            if index == 0:
                if header:
                    tag, cell_attributes["scope"] = "th", "row"
                cell_attributes.update(first_cell or {})
            parts.append(_cell(tag, value, attributes=cell_attributes))
        self._rows.append(f"<tr{_attributes(attributes or {})}>{''.join(parts)}</tr>")

    def group(self, title: str, /) -> None:
        """Add a row that heads the rows after it ("Theo lĩnh vực")."""
        self._rows.append(
            f'<tr class="group"><th scope="rowgroup" colspan="{len(self._columns)}">'
            f"{escape(title)}</th></tr>"
        )

    def note(self, text: str, /) -> None:
        """Add a row of one cell across the table."""
        self._rows.append(
            f'<tr class="note"><td colspan="{len(self._columns)}">{escape(text)}</td></tr>'
        )

    def render(self) -> Html:
        """The table as HTML, one row a line."""
        head = "".join(f'<th scope="col">{escape(column)}</th>' for column in self._columns)
        lines = ['<table class="danvan">']
        if self._caption is not None:
            lines.append(f"<caption>{escape(self._caption)}</caption>")
        lines += [f"<thead><tr>{head}</tr></thead>", "<tbody>", *self._rows, "</tbody>"]
        lines.append("</table>")
        return Html("\n".join(lines))


def html_list(items: Iterable[Cell | tuple[Cell, int]], /, *, ordered: bool = False) -> Html:
    """A list (``ul``, or ``ol`` with ``ordered=True``) of escaped items, one line of
    markup per item; an item given as ``(item, depth)`` is nested *depth* levels deep
    (never more than one deeper than the item before it).

    >>> print(html_list(["Tỉnh ủy", "<b>"]))
    <ul>
    <li>Tỉnh ủy</li>
    <li>&lt;b&gt;</li></ul>
    >>> print(html_list([("Tỉnh ủy", 0), ("Thị ủy", 1), ("Ban Dân vận", 0)]))
    <ul>
    <li>Tỉnh ủy
    <ul>
    <li>Thị ủy</li></ul></li>
    <li>Ban Dân vận</li></ul>
    """
    tag = "ol" if ordered else "ul"
    out: list[str] = []
    open_levels: list[int] = []
    previous = -1
    for entry in items:
        item, wanted = entry if isinstance(entry, tuple) else (entry, 0)
        depth = min(wanted, previous + 1)
        previous = depth
        while open_levels and open_levels[-1] > depth:
            out[-1] += f"</li></{tag}>"
            open_levels.pop()
        if open_levels and open_levels[-1] == depth:
            out[-1] += "</li>"
        else:
            out.append(f"<{tag}>")
            open_levels.append(depth)
        out.append(_cell("li", item)[: -len("</li>")])
    if not out:
        return Html(f"<{tag}></{tag}>")
    out[-1] += f"</li></{tag}>" * len(open_levels)
    return Html("\n".join(out))


def unit_tree_table(tree: UnitTree, /) -> Html:
    """The units of *tree* as a table, depth first, each name indented under its
    parent: kind, level, founding and dissolution dates, successors and id.

    Each unit is one row (``data-unit-id`` holds its id); a tree of more than
    :data:`MAX_ROWS` units shows the first ones and counts the rest.
    """
    from danvan.units import UnitTree

    if not isinstance(tree, UnitTree):
        raise InvalidTypeError(f"expected a UnitTree, not {type(tree).__name__}: {tree!r}")
    roots = len(tree.roots)
    table = Table(
        ["Đơn vị", "Loại", "Cấp", "Thành lập", "Giải thể", "Kế thừa bởi", "Mã"],
        caption=f"Cây tổ chức: {format_number(len(tree))} đơn vị, {format_number(roots)} gốc",
    )
    depths: dict[str, int] = {}
    for shown, unit in enumerate(tree):
        if shown == MAX_ROWS:
            table.note(f"… và {format_number(len(tree) - MAX_ROWS)} đơn vị khác")
            break
        depth = 0 if unit.parent is None else depths[unit.parent] + 1
        depths[unit.id] = depth
        successors = [successor.name for successor in tree.successors(unit.id)]
        table.row(
            [
                unit.name,
                unit.kind.vietnamese,
                unit.level.vietnamese,
                unit.founded,
                unit.dissolved,
                "; ".join(successors) if successors else None,
                unit.id,
            ],
            header=True,
            attributes={"data-unit-id": unit.id},
            first_cell={"style": f"padding-left: {_indent(depth)}; text-align: left"},
        )
    return table.render()


def _indent(depth: int) -> str:
    """The CSS padding of a name *depth* levels down: 0.5em, then 1.5em a level.

    >>> _indent(0), _indent(2)
    ('calc(0.5em + 0 * 1.5em)', 'calc(0.5em + 2 * 1.5em)')
    """
    return f"calc(0.5em + {depth} * 1.5em)"
