"""The report as plain text and Markdown (private)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from danvan.periods import format_period
from danvan.roman import to_roman

if TYPE_CHECKING:
    from danvan.report._model import Item, Report, Table

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


def render_text(report: Report) -> str:
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


#: The deepest indentation written: a real tree (Trung ương, tỉnh, xã, thôn, chi bộ …)
#: is far shallower, and deeper items are written at this depth, so that the text
#: grows with the items, never with the square of the nesting.
_DEEPEST: Final = 8


def _depths(items: Sequence[Item]) -> list[tuple[Item, int]]:
    """Each item with its depth, never more than one deeper than the item before nor
    deeper than :data:`_DEEPEST`."""
    result = []
    previous = -1
    for item in items:
        depth = min(item.depth, previous + 1, _DEEPEST)
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


def render_markdown(report: Report) -> str:
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
