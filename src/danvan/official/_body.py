"""The body of an official document as a flat list of blocks (private).

Both renderers (Word and HTML) write the same blocks: a numbered heading per section
of the report ("I. CÁC ĐƠN VỊ", in capitals as Nghị định 30/2020/NĐ-CP, Phụ lục I,
mục V, row 6.b writes "I. NHỮNG KẾT QUẢ..."), its paragraphs, its items as lines
beginning with "- " (deeper items further in), its tables and its charts as tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import attrs

from danvan.report import Report, Table
from danvan.roman import to_roman

__all__ = ["Block", "blocks"]


@attrs.frozen
class Block:
    """A heading, a paragraph, an item (with its depth) or a table."""

    kind: Literal["heading", "paragraph", "item", "table"]
    text: str = ""
    depth: int = 0
    table: Table | None = None


def blocks(report: Report) -> Iterator[Block]:
    """The blocks of *report*'s sections, in order."""
    for number, section in enumerate(report.sections, 1):
        yield Block("heading", f"{to_roman(number)}. {section.heading.upper()}")
        for paragraph in section.paragraphs:
            yield Block("paragraph", paragraph)
        previous = -1
        for item in section.items:
            depth = min(item.depth, previous + 1)  # never more than one deeper
            previous = depth
            yield Block("item", f"- {item.text}", depth)
        for table in (*section.tables, *(chart.as_table() for chart in section.charts)):
            yield Block("table", table.caption, table=table)
