"""HTML for notebooks: well-formed, escaped, every unit once, the counts of the statistics."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    Dataset,
    InvalidTypeError,
    InvalidValueError,
    Level,
    ModelStatistics,
    Period,
    Unit,
    UnitKind,
    UnitTree,
    from_json,
    model_statistics,
)
from danvan._html import (
    MAX_ROWS,
    Html,
    Table,
    date_text,
    escape,
    html_list,
    text_of,
    unit_tree_table,
)
from danvan.records import statistics_table
from tests.strategies import models, names, periods, unit_trees

DATA = Path(__file__).parent.parent / "examples" / "data"
HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "Ban Dân vận & Mặt trận <b>",
    "</td></tr></table>",
    "&amp; &lt; already escaped",
    "' OR 1=1 --",
]
VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "col", "wbr"})


class Parsed(HTMLParser):
    """A strict reader: every element closed in order, text and attributes kept."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: Counter[str] = Counter()
        self.rows: list[dict[str, str | None]] = []  # attributes of each tr
        self.cells: list[list[str]] = []  # text of the cells of each tr
        self.errors: list[str] = []
        self.feed(markup)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        if tag in VOID:
            self.errors.append(f"unexpected void element {tag}")
            return
        self.stack.append(tag)
        if tag == "tr":
            self.rows.append(dict(attrs))
            self.cells.append([])
        elif tag in ("td", "th") and self.cells:
            self.cells[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if {"td", "th"} & set(self.stack) and self.cells:
            self.cells[-1][-1] += data

    def unit_rows(self) -> dict[str, list[str]]:
        ids = [row.get("data-unit-id") for row in self.rows]
        return {i: cells for i, cells in zip(ids, self.cells, strict=True) if i is not None}


def well_formed(markup: str) -> Parsed:
    parsed = Parsed(markup)
    assert parsed.errors == []
    assert parsed.tags["table"] == 1
    assert parsed.tags["script"] == 0
    assert parsed.tags["img"] == 0
    return parsed


def load(name: str) -> Dataset:
    data = from_json((DATA / name).read_text("utf-8"))
    assert isinstance(data, Dataset)
    return data


# ---------------------------------------------------------------------- the unit tree


@settings(max_examples=60, deadline=None)
@given(unit_trees())
def test_every_unit_of_a_tree_is_one_row(units: list[Unit]) -> None:
    tree = UnitTree(units)
    parsed = well_formed(tree._repr_html_())
    ids = [row["data-unit-id"] for row in parsed.rows if "data-unit-id" in row]
    assert Counter(ids) == Counter(unit.id for unit in units)
    assert ids == [unit.id for unit in tree.walk()]  # depth first, parents first
    rows = parsed.unit_rows()
    for unit in units:
        name, kind, level, founded, dissolved, _, unit_id = rows[unit.id]
        assert (name, kind, level, unit_id) == (
            unit.name,
            unit.kind.vietnamese,
            unit.level.vietnamese,
            unit.id,
        )
        assert founded == text_of(unit.founded)
        assert dissolved == text_of(unit.dissolved)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE) | names, min_size=1, max_size=5, unique=True))
def test_names_are_escaped_and_read_back(unit_names: list[str]) -> None:
    units = [
        Unit(
            id=f"u{index}",
            name=name,
            kind=UnitKind.MASS_MOBILIZATION_BOARD,
            level=Level.DISTRICT,
            other_names=(name,),
            parent=None if index == 0 else "u0",
        )
        for index, name in enumerate(unit_names)
    ]
    markup = UnitTree(units)._repr_html_()
    parsed = well_formed(markup)
    assert [cells[0] for cells in parsed.unit_rows().values()] == unit_names
    for name in unit_names:
        if name in HOSTILE:
            assert name not in markup


def test_the_hong_linh_tree_of_the_example_dataset() -> None:
    tree = load("hong_linh_2021.json").tree
    parsed = well_formed(tree._repr_html_())
    rows = parsed.unit_rows()
    assert len(rows) == len(tree) == 7
    assert rows["hong-linh-thu"][:3] == [
        "Thị ủy Hồng Lĩnh",
        "Ban Chấp hành đảng bộ (cấp ủy)",
        "huyện",
    ]
    assert rows["ha-tinh-tu"][2] == "tỉnh"
    assert "Cây tổ chức: 7 đơn vị, 3 gốc" in tree._repr_html_()
    # Children are indented further than their parent.
    styles = {row["data-unit-id"]: row for row in parsed.rows if "data-unit-id" in row}
    assert set(styles) == {unit.id for unit in tree}


def test_lifetime_and_successors_are_shown_the_vietnamese_way() -> None:
    tree = UnitTree(
        [
            Unit(
                id="hl",
                name="Thị ủy Hồng Lĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.DISTRICT,
                founded=date(1992, 8, 1),
                dissolved=date(2025, 7, 1),
                successors=("bac-hong",),
            ),
            Unit(
                id="bac-hong",
                name="Đảng ủy phường Bắc Hồng Lĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.COMMUNE,
                founded=date(2025, 7, 1),
            ),
        ]
    )
    rows = well_formed(tree._repr_html_()).unit_rows()
    assert rows["hl"][3:6] == ["01/8/1992", "01/7/2025", "Đảng ủy phường Bắc Hồng Lĩnh"]
    assert rows["bac-hong"][3:6] == ["01/7/2025", "—", "—"]


def test_a_huge_tree_shows_the_first_units_and_counts_the_rest() -> None:
    units = [
        Unit(id=f"u{i}", name=f"Chi bộ {i}", kind=UnitKind.PARTY_CELL, level=Level.HAMLET)
        for i in range(MAX_ROWS + 5)
    ]
    parsed = well_formed(UnitTree(units)._repr_html_())
    assert len(parsed.unit_rows()) == MAX_ROWS
    assert parsed.cells[-1] == ["… và 5 đơn vị khác"]


def test_an_empty_tree_is_an_empty_table() -> None:
    parsed = well_formed(UnitTree([])._repr_html_())
    assert parsed.unit_rows() == {}


# ------------------------------------------------------------------ model statistics


def stat_rows(parsed: Parsed) -> dict[tuple[str, str], list[str]]:
    return {
        (str(row["data-group"]), str(row["data-key"])): cells
        for row, cells in zip(parsed.rows, parsed.cells, strict=True)
        if "data-group" in row
    }


@settings(max_examples=60, deadline=None)
@given(st.lists(models(), max_size=6, unique_by=lambda m: m.id), periods)
def test_statistics_table_shows_every_count(model_list: list, period: Period) -> None:
    stats = model_statistics(model_list, period)
    rows = stat_rows(well_formed(stats._repr_html_()))
    assert rows[("stock", "total")][1] == text_of(stats.total)
    assert rows[("stock", "needing_consolidation")][1] == text_of(stats.needing_consolidation)
    for group, counts in (
        ("main_field", stats.by_main_field),
        ("holder", stats.by_holder),
        ("level", stats.by_level),
        ("status", stats.by_status),
    ):
        for member, count in counts.items():
            assert rows[(group, member.value)] == [member.vietnamese, text_of(count)]
    for field, count in stats.by_field.items():
        if field.parent is not None:
            assert rows[("field", field.value)] == [
                f"trong đó: {field.vietnamese}",
                text_of(count),
            ]
    for measure in ("registered", "recognised", "commended", "replicated"):
        assert rows[("flow", measure)][1] == text_of(stats.count(measure))  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.lists(models(), max_size=6, unique_by=lambda m: m.id), periods)
def test_year_over_year_table(model_list: list, period: Period) -> None:
    stats = model_statistics(model_list, period)
    before = model_statistics(model_list, period.previous())
    markup = statistics_table(stats, previous=before)
    parsed = well_formed(markup)
    for (group, key), cells in stat_rows(parsed).items():
        assert len(cells) == 5
        if group == "flow":
            now, then = stats.count(key), before.count(key)  # type: ignore[arg-type]
            assert cells[1:4] == [text_of(now), text_of(then), text_of(now - then)]
            assert (cells[4] == "—") == (then == 0)


def test_year_over_year_change_in_words() -> None:
    def stats(year: int, recognised: int) -> ModelStatistics:
        return ModelStatistics(
            period=Period.year(year),
            total=96,
            by_field={},
            by_main_field={},
            by_holder={},
            by_level={},
            by_status={},
            needing_consolidation=0,
            registered=0,
            recognised=recognised,
            commended=0,
            replicated=1200,
        )

    markup = statistics_table(stats(2021, 70), previous=stats(2020, 60))
    rows = stat_rows(well_formed(markup))
    assert rows[("flow", "recognised")] == ["công nhận", "70", "60", "10", "tăng 16,67%"]
    assert rows[("flow", "replicated")] == ["nhân rộng", "1.200", "1.200", "0", "không đổi"]
    assert rows[("stock", "needing_consolidation")][4] == "—"
    assert "<caption>Mô hình, điển hình “Dân vận khéo”, năm 2021</caption>" in markup
    assert '<th scope="col">năm 2020</th>' in markup


def test_statistics_of_an_example_dataset() -> None:
    data = load("hoa_thanh_2020.json")
    stats = model_statistics(data.models, Period.year(2020))
    rows = stat_rows(well_formed(stats._repr_html_()))
    assert rows[("stock", "total")] == ["mô hình, điển hình", "0"]


def test_statistics_table_refuses_what_is_not_statistics() -> None:
    with pytest.raises(InvalidTypeError):
        statistics_table("stats")  # type: ignore[arg-type]
    stats = model_statistics([], Period.year(2021))
    with pytest.raises(InvalidTypeError):
        statistics_table(stats, previous=3)  # type: ignore[arg-type]


# ------------------------------------------------------------------ the builder


@given(st.text())
def test_escape_leaves_no_markup(text: str) -> None:
    escaped = escape(text)
    assert not set("<>\"'") & set(escaped)
    parsed = Parsed(f"<p>{escaped}</p>")
    assert parsed.errors == []
    assert parsed.tags == Counter({"p": 1})


@given(st.lists(st.sampled_from(HOSTILE) | st.text(), max_size=5))
def test_list_items_read_back(items: list[str]) -> None:
    markup = html_list(items)
    parsed = Parsed(markup)
    assert parsed.errors == []
    assert parsed.tags["li"] == len(items)
    assert parsed.tags["script"] == 0


def test_table_cells() -> None:
    table = Table(["Chỉ tiêu", "Giá trị"], caption="<Bảng>")
    table.row(["Quỹ Vì người nghèo", 1798702098])
    table.row(["Tỷ lệ", Decimal("1.0839")])
    table.row(["Chỉ tiêu đạt", Fraction(19, 21)])
    table.row(["Bình quân", Fraction(91, 5)])
    table.row(["Ngày", date(2021, 5, 19)])
    table.row(["Kế hoạch", None])
    table.row(["Đậm", Html("<b>đậm</b>")])
    table.group("Nhóm <1>")
    table.note("Ghi chú & nguồn")
    markup = table.render()
    parsed = well_formed(markup)
    assert parsed.cells[1:] == [
        ["Quỹ Vì người nghèo", "1.798.702.098"],
        ["Tỷ lệ", "1,0839"],
        ["Chỉ tiêu đạt", "19/21"],
        ["Bình quân", "18,2"],
        ["Ngày", "19/5/2021"],
        ["Kế hoạch", "—"],
        ["Đậm", "đậm"],
        ["Nhóm <1>"],
        ["Ghi chú & nguồn"],
    ]
    assert "<caption>&lt;Bảng&gt;</caption>" in markup
    assert '<td class="number">1.798.702.098</td>' in markup
    assert isinstance(markup, str)
    assert markup._repr_html_() == markup


def test_table_refuses_bad_rows() -> None:
    table = Table(["a", "b"])
    with pytest.raises(InvalidValueError, match="2 cells, not 1"):
        table.row(["a"])
    with pytest.raises(InvalidTypeError):
        table.row(["a", True])
    with pytest.raises(InvalidTypeError):
        table.row(["a", 1.5])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        Table("ab")
    with pytest.raises(InvalidValueError):
        Table([])
    with pytest.raises(InvalidTypeError):
        escape(5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        unit_tree_table("tree")  # type: ignore[arg-type]


# ------------------------------------------------------------------ review fixes


def test_dates_before_year_1000_are_iso_in_a_unit_tree() -> None:
    tree = UnitTree(
        [
            Unit(
                id="old",
                name="Đơn vị xưa",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.DISTRICT,
                founded=date(1, 1, 1),
                dissolved=date(999, 12, 31),
            )
        ]
    )
    rows = well_formed(tree._repr_html_()).unit_rows()
    assert rows["old"][3:5] == ["0001-01-01", "0999-12-31"]
    assert text_of(date(999, 12, 31)) == date_text(date(999, 12, 31)) == "0999-12-31"
    assert date_text(date(2021, 5, 19)) == "19/5/2021"


PADDING = re.compile(r"padding-left: ([^;]+);")


def test_indentation_is_written_without_floats() -> None:
    units = [
        Unit(id="a", name="A", kind=UnitKind.PARTY_COMMITTEE, level=Level.DISTRICT),
        Unit(id="b", name="B", kind=UnitKind.PARTY_COMMITTEE, level=Level.COMMUNE, parent="a"),
        Unit(id="c", name="C", kind=UnitKind.PARTY_CELL, level=Level.HAMLET, parent="b"),
    ]
    paddings = PADDING.findall(UnitTree(units)._repr_html_())
    assert paddings == [f"calc(0.5em + {depth} * 1.5em)" for depth in range(3)]
    stats = model_statistics([], Period.year(2021))
    paddings = PADDING.findall(stats._repr_html_())
    assert set(paddings) == {"0.5em", "2em"}
    for padding in PADDING.findall(statistics_table(stats, previous=stats)):
        assert not re.search(r"[0-9]\.0", padding)
