"""Figures read from CSV, XLSX and DataFrames; the collection template and its round trip."""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan import (
    Bound,
    CellProblem,
    DanvanError,
    DataError,
    Identifier,
    Indicator,
    InvalidValueError,
    Level,
    MissingDependencyError,
    Observation,
    Period,
    RelativePeriod,
    RollUp,
    SpreadsheetError,
    Target,
    Unit,
    UnitKind,
    UnitTree,
    read_observations,
    write_template,
)
from tests.strategies import cell_problems

openpyxl = pytest.importorskip("openpyxl")

YEAR = Period.year(2024)
FUND = Indicator(code="quy", name="Quỹ Vì người nghèo", unit="đồng", roll_up=RollUp.SUM)
INSURED = Indicator(code="bhyt", name="Tỷ lệ bao phủ BHYT", unit="%", roll_up=RollUp.MEAN)
POOR = Indicator(code="ho_ngheo", name="Hộ nghèo", unit="hộ", roll_up=RollUp.LAST)
INDICATORS = [FUND, INSURED, POOR]


def commune(unit_id: str, name: str, code: str | None = None) -> Unit:
    identifiers = () if code is None else (Identifier("area_code", code),)
    return Unit(
        id=unit_id,
        name=name,
        kind=UnitKind.PARTY_COMMITTEE,
        level=Level.COMMUNE,
        identifiers=identifiers,
    )


UNITS = [
    commune("dau-lieu", "Xã Đậu Liêu", "18118"),
    commune("bac-hong", "Phường Bắc Hồng", "18115"),
    commune("thuan-loc", "Xã Thuận Lộc"),
]
TREE = UnitTree(UNITS)


def csv_text(text: str) -> io.StringIO:
    return io.StringIO(text)


# ------------------------------------------------------------------------ reading


@pytest.mark.parametrize(
    ("cell", "value", "bound"),
    [
        ("1.798.702.098", 1798702098, None),
        ("108,39%", Decimal("1.0839"), None),
        ("3,8 tỷ", 3800000000, None),
        ("3,8 tỷ đồng", 3800000000, None),
        ("trên 90%", Decimal("0.90"), Bound.MORE_THAN),
        ("Gần 2.000", 2000, Bound.ALMOST),
        ("ít nhất 5", 5, Bound.AT_LEAST),
        ("không quá 60", 60, Bound.AT_MOST),
        ("18,2", Decimal("18.2"), None),
        ("-5", -5, None),
        ("915 triệu đồng", 915000000, None),
    ],
)
def test_values_as_reports_write_them(cell: str, value: object, bound: Bound | None) -> None:
    [seen] = read_observations(
        csv_text(f'unit,indicator,period,value\nxa,quy,năm 2024,"{cell}"\n')
    )
    assert seen.actual == value
    assert type(seen.actual) is type(value)
    assert seen.bound is bound


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("quý I/2024", Period.quarter(2024, 1)),
        ("Q2/2024", Period.quarter(2024, 2)),
        ("6 tháng đầu năm 2024", Period.half(2024, 1)),
        ("tháng 1-9/2024", Period.year_to_date(2024, 9)),
        ("2024", YEAR),
        ("cả năm 2024", YEAR),
    ],
)
def test_periods_as_reports_write_them(cell: str, period: Period) -> None:
    [seen] = read_observations(csv_text(f"unit,indicator,period,value\nxa,quy,{cell},1\n"))
    assert seen.period == period


def test_long_form_with_every_column_in_vietnamese() -> None:
    text = (
        "Mã đơn vị;Tên đơn vị;Mã chỉ tiêu;Kỳ báo cáo;Kế hoạch;Kết quả thực hiện;"
        "Số so sánh;Kỳ so sánh;Văn bản\n"
        "bac-hong;Phường Bắc Hồng;quy;năm 2024;1.659.500.000;1.798.702.098;"
        "1.500.000.000;năm 2023;125-BC/ThU\n"
        "bac-hong;;ho_ngheo;năm 2024;;12;20;đầu năm;\n"
    )
    fund, poor = read_observations(csv_text(text))
    assert fund == Observation(
        indicator="quy",
        unit_id="bac-hong",
        period=YEAR,
        actual=1798702098,
        target=1659500000,
        baseline=1500000000,
        baseline_period=Period.year(2023),
        source="125-BC/ThU",
    )
    assert poor.baseline_period is RelativePeriod.START_OF_YEAR
    assert poor.target is None


@pytest.mark.parametrize(
    ("value", "period", "plan_share"),
    [
        ("Giá trị", "Kỳ", "Tỷ lệ đạt kế hoạch"),
        ("Số liệu", "Thời kỳ", "Tỉ lệ đạt kế hoạch"),  # both spellings of tỷ/tỉ
        ("gia tri", "thoi ky", "ty le dat ke hoach"),
    ],
)
def test_other_headers_communes_write(value: str, period: str, plan_share: str) -> None:
    text = f'Đơn vị,Chỉ tiêu,{period},{value},{plan_share}\nxa-a,quy,năm 2024,"3,8 tỷ","108,39%"\n'
    [seen] = read_observations(csv_text(text))
    assert (seen.unit_id, seen.period, seen.actual) == ("xa-a", YEAR, 3800000000)
    assert seen.stated_attainment == Decimal("1.0839")


def test_wide_form_by_indicator_name_with_a_period_given() -> None:
    text = 'Đơn vị,Quỹ Vì người nghèo,Tỷ lệ bao phủ BHYT,ho_ngheo\nxa-a,"3,8 tỷ",95%,\nxa-b,,,7\n'
    found = read_observations(csv_text(text), indicators=INDICATORS, period=YEAR)
    assert [(o.unit_id, o.indicator, o.actual) for o in found] == [
        ("xa-a", "quy", 3800000000),
        ("xa-a", "bhyt", Decimal("0.95")),
        ("xa-b", "ho_ngheo", 7),
    ]


def test_units_by_id_code_name_and_place() -> None:
    text = (
        "unit,indicator,period,value\n"
        "thuan-loc,quy,2024,1\n"  # id
        "18118,quy,2024,2\n"  # area code
        "phường bắc hồng,quy,2024,3\n"  # name, any case
        "XA THUAN LOC,ho_ngheo,2024,4\n"  # name without accents
        "Xã Đậu Liêu,ho_ngheo,2024,5\n"
    )
    found = read_observations(csv_text(text), tree=TREE)
    assert [o.unit_id for o in found] == [
        "thuan-loc",
        "dau-lieu",
        "bac-hong",
        "thuan-loc",
        "dau-lieu",
    ]


def test_units_by_the_place_they_serve() -> None:
    # "Thị xã Hồng Lĩnh" is no unit's name; the geography finds the place 437, whose
    # code the unit carries.
    town = Unit(
        id="hl",
        name="Thị ủy Hồng Lĩnh",
        kind=UnitKind.PARTY_COMMITTEE,
        level=Level.DISTRICT,
        identifiers=(Identifier("area_code", "437"),),
    )
    text = "unit,indicator,period,value\nThị xã Hồng Lĩnh,quy,2024,1\n"
    [seen] = read_observations(csv_text(text), tree=UnitTree([town]))
    assert seen.unit_id == "hl"


def test_every_bad_cell_is_reported_at_once() -> None:
    text = (
        "unit,indicator,period,value,target\n"
        "xa,quy,2024,1.5,\n"  # English decimal point
        "xa b,quy,2024,1,\n"  # no unit id
        "xa,quy,quý V/2024,1,\n"  # no such quarter
        "xa,quy,2024,7,abc\n"  # bad plan
        "xa,ho_ngheo,2024,1,\n"
        "xa,ho_ngheo,2024,2,\n"  # twice
        ",quy,2024,1,\n"  # no unit
    )
    with pytest.raises(SpreadsheetError) as caught:
        read_observations(csv_text(text))
    cells = [(cell.row, cell.column) for cell in caught.value.cells]
    assert cells == [
        (2, "value"),
        (3, "unit"),
        (4, "period"),
        (5, "target"),
        (7, "value"),
        (8, "unit"),
    ]
    assert str(caught.value).startswith("6 bad cells in the CSV text:\n  row 2, column 'value'")
    assert isinstance(caught.value, DataError)
    assert all("\n" not in problem for problem in caught.value.problems)
    assert "first: row 6" in caught.value.problems[4]


def test_unknown_indicator_and_unknown_unit_with_a_tree() -> None:
    text = "unit,indicator,period,value\nnowhere,quy,2024,1\ndau-lieu,sach,2024,1\n"
    with pytest.raises(SpreadsheetError) as caught:
        read_observations(csv_text(text), tree=TREE, indicators=INDICATORS)
    assert [(cell.row, cell.column, cell.text) for cell in caught.value.cells] == [
        (2, "unit", "nowhere"),
        (3, "indicator", "sach"),
    ]


def test_table_shape_problems() -> None:
    with pytest.raises(InvalidValueError, match="period="):
        read_observations(csv_text("unit,quy\nxa,1\n"))
    with pytest.raises(InvalidValueError, match="unit column"):
        read_observations(csv_text("a,b\n1,2\n"))
    with pytest.raises(InvalidValueError, match="value column"):
        read_observations(csv_text("unit,indicator,period\nxa,quy,2024\n"), form="long")
    with pytest.raises(InvalidValueError, match="form must be"):
        read_observations(csv_text("unit\n"), form="tall")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"\.csv or \.xlsx"):
        read_observations("figures.json")


def test_semicolons_tabs_and_a_title_above_the_header(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        "\ufeffBIỂU SỐ LIỆU NĂM 2024\n\nunit\tindicator\tperiod\tvalue\nxa\tquy\t2024\t1.000\n",
        encoding="utf-8",
    )
    [seen] = read_observations(path)
    assert seen.actual == 1000


def test_empty_rows_and_cells_are_no_figures() -> None:
    text = "unit,quy,ho_ngheo\n,,\nxa,,  \n"
    assert read_observations(csv_text(text), period=YEAR) == []


# -------------------------------------------------------------------- DataFrames


def test_pandas_frame_with_numpy_numbers_and_nan() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {"unit": ["xa", "xb", "xc"], "quy": [1798702098, 5, 7], "bhyt": [0.95, float("nan"), 1.5]}
    )
    found = read_observations(frame, period=YEAR)
    assert [(o.unit_id, o.indicator, o.actual) for o in found] == [
        ("xa", "quy", 1798702098),
        ("xa", "bhyt", Decimal("0.95")),
        ("xb", "quy", 5),
        ("xc", "quy", 7),
        ("xc", "bhyt", Decimal("1.5")),
    ]
    assert all(type(o.actual) in (int, Decimal) for o in found)


def test_a_float_that_is_not_what_was_typed_is_refused() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"unit": ["xa"], "quy": [0.1 + 0.2]})
    with pytest.raises(SpreadsheetError, match="more than 15 significant digits") as caught:
        read_observations(frame, period=YEAR)
    assert caught.value.cells[0] == CellProblem(
        sheet=None,
        row=0,
        column="quy",
        text="0.30000000000000004",
        message=caught.value.cells[0].message,
    )


def test_polars_frame_with_decimals() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(
        {
            "unit": ["xa", "xb"],
            "indicator": ["quy", "quy"],
            "period": ["quý I/2024", "quý I/2024"],
            "value": [Decimal("1.25"), None],
        }
    )
    [seen] = read_observations(frame)
    assert seen.actual == Decimal("1.25")


def test_a_source_of_another_kind_is_refused() -> None:
    with pytest.raises(DanvanError, match="expected a path"):
        read_observations(42)


# ----------------------------------------------------------------------- template


def read_back(path: Path) -> set[Observation]:
    return set(read_observations(path))


def test_template_layout(tmp_path: Path) -> None:
    path = write_template(
        tmp_path / "bieu.xlsx",
        units=UNITS,
        indicators=INDICATORS,
        period=YEAR,
        targets=[Target(indicator="quy", unit_id="dau-lieu", period=YEAR, value=1659500000)],
    )
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Số liệu", "Hướng dẫn"]
    sheet = book["Số liệu"]
    assert [cell.value for cell in sheet[1]][:3] == ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu"]
    assert sheet.max_row == 1 + len(UNITS) * len(INDICATORS)
    assert sheet["G2"].value == 1659500000
    assert sheet.protection.sheet
    assert sheet["A2"].protection.locked
    assert not sheet["H2"].protection.locked
    validated = {str(ref) for dv in sheet.data_validations.dataValidation for ref in dv.sqref}
    assert "H2" in " ".join(validated)
    # An empty template has no figures; plans alone are no figures.
    assert read_observations(path) == []


terminating = st.builds(
    lambda n, a, b: Fraction(n, 2**a * 5**b),
    st.integers(-(10**12), 10**12),
    st.integers(0, 6),
    st.integers(0, 6),
)
template_values = st.one_of(
    st.integers(-(10**18), 10**18),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9
    ),
    terminating,
)


@st.composite
def filled_templates(draw: st.DrawFn) -> tuple[list[Observation], list[Target]]:
    cells = [(unit.id, indicator.code) for unit in UNITS for indicator in INDICATORS]
    chosen = draw(st.lists(st.sampled_from(cells), unique=True, max_size=len(cells)))
    found = []
    for unit_id, code in chosen:
        target = draw(st.none() | template_values)
        found.append(
            Observation(
                indicator=code,
                unit_id=unit_id,
                period=YEAR,
                actual=draw(template_values),
                target=target,
                bound=draw(st.none() | st.sampled_from(Bound)),
            )
        )
    return found, []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(filled_templates())
def test_template_round_trip(
    tmp_path: Path, filled: tuple[list[Observation], list[Target]]
) -> None:
    observations, _ = filled
    path = tmp_path / "bieu.xlsx"
    write_template(
        path, units=UNITS, indicators=INDICATORS, period=YEAR, observations=observations
    )
    back = read_observations(path)
    assert set(back) == set(observations)
    # spreadsheet -> observations -> spreadsheet: the same cells
    again = tmp_path / "again.xlsx"
    write_template(again, units=UNITS, indicators=INDICATORS, period=YEAR, observations=back)
    first = list(openpyxl.load_workbook(path)["Số liệu"].iter_rows(values_only=True))
    second = list(openpyxl.load_workbook(again)["Số liệu"].iter_rows(values_only=True))
    assert first == second


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.tuples(st.integers(2, 10), st.sampled_from(["G", "H"])),
        st.sampled_from(["1.5", "abc", "12,3,4", "tr", "1..000", "trên", "%"]),
        min_size=1,
    )
)
def test_every_planted_bad_cell_is_reported(tmp_path: Path, planted: dict[Any, str]) -> None:
    path = tmp_path / "bieu.xlsx"
    write_template(path, units=UNITS, indicators=INDICATORS, period=YEAR)
    book = openpyxl.load_workbook(path)
    sheet = book["Số liệu"]
    for (row, column), text in planted.items():
        sheet[f"{column}{row}"] = text
    # a plan without a value is read too: give every row a value
    for row in range(2, 11):
        if (row, "H") not in planted:
            sheet[f"H{row}"] = 1
    book.save(path)
    with pytest.raises(SpreadsheetError) as caught:
        read_observations(path)
    names = {"G": "Kế hoạch", "H": "Kết quả thực hiện"}
    reported = {(cell.row, cell.column) for cell in caught.value.cells}
    assert reported == {(row, names[column]) for row, column in planted}
    assert all(cell.sheet == "Số liệu" for cell in caught.value.cells)


def test_template_refuses_what_it_cannot_hold(tmp_path: Path) -> None:
    share = Indicator(
        code="ty_le", name="Tỷ lệ", unit="%", numerator="quy", denominator="ho_ngheo"
    )
    with pytest.raises(InvalidValueError, match="ratio"):
        write_template(tmp_path / "a.xlsx", units=UNITS, indicators=[share], period=YEAR)
    third = Observation(indicator="quy", unit_id="dau-lieu", period=YEAR, actual=Fraction(1, 3))
    with pytest.raises(InvalidValueError, match="exactly"):
        write_template(
            tmp_path / "a.xlsx",
            units=UNITS,
            indicators=INDICATORS,
            period=YEAR,
            observations=[third],
        )
    elsewhere = Observation(indicator="quy", unit_id="nowhere", period=YEAR, actual=1)
    with pytest.raises(InvalidValueError, match="not in the template"):
        write_template(
            tmp_path / "a.xlsx",
            units=UNITS,
            indicators=INDICATORS,
            period=YEAR,
            observations=[elsewhere],
        )
    assert not list(tmp_path.iterdir())


def test_only_a_regular_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "dir.xlsx").mkdir()
    with pytest.raises(InvalidValueError, match="not a regular file"):
        write_template(tmp_path / "dir.xlsx", units=UNITS, indicators=INDICATORS, period=YEAR)
    target = tmp_path / "real.xlsx"
    target.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    os.symlink(target, link)
    with pytest.raises(InvalidValueError, match="is a symbolic link; not replaced"):
        write_template(link, units=UNITS, indicators=INDICATORS, period=YEAR)
    write_template(target, units=UNITS, indicators=INDICATORS, period=YEAR)
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.xlsx", "link.xlsx", "real.xlsx"]


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bieu.xlsx"
    target.write_bytes(b"old")

    def broken(self: Any, file: Any) -> None:
        file.write(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken)
    with pytest.raises(OSError, match="disk full"):
        write_template(target, units=UNITS, indicators=INDICATORS, period=YEAR)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bieu.xlsx"]


def test_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError, match=r"danvan\[xlsx\]") as caught:
        write_template(tmp_path / "a.xlsx", units=UNITS, indicators=INDICATORS, period=YEAR)
    assert caught.value.package == "openpyxl"
    with pytest.raises(MissingDependencyError):
        read_observations(tmp_path / "a.xlsx")


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_text("not a zip")
    with pytest.raises(InvalidValueError, match="not an XLSX workbook"):
        read_observations(path)


# -------------------------------------------------------------------------- errors


@given(cell_problems)
def test_cell_problems_are_one_line_and_errors_pickle(cell: CellProblem) -> None:
    assert "\n" not in str(cell)
    error = SpreadsheetError.of_cells([cell], "the table")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)
    assert again.cells == (cell,)
    assert again.problems == [str(cell)]


@settings(max_examples=200)
@given(st.text(max_size=20), st.text(max_size=20), st.text(max_size=20))
def test_fuzzed_cells_raise_only_danvan_errors(unit: str, period: str, value: str) -> None:
    frame = {"unit": unit, "indicator": "quy", "period": period, "value": value}
    buffer = io.StringIO()
    import csv

    writer = csv.DictWriter(buffer, fieldnames=list(frame))
    writer.writeheader()
    writer.writerow(frame)
    buffer.seek(0)
    with contextlib.suppress(DanvanError):
        read_observations(buffer, tree=TREE)
