"""Observations as Arrow tables: exact types, Parquet and DataFrames round trips."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan import (
    Bound,
    Dataset,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    Observation,
    Period,
    from_json,
    read_observations,
    to_arrow,
    to_dataframe,
)
from tests.strategies import arrow_observations

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

DATA = Path(__file__).resolve().parent.parent / "examples" / "data"
unique_observations = st.lists(arrow_observations, max_size=6, unique_by=lambda seen: seen.key)


def test_types_of_the_columns() -> None:
    seen = [
        Observation(
            indicator="quy",
            unit_id="xa",
            period=Period.quarter(2024, 1),
            actual=1798702098,
            target=Decimal("1.5"),
        ),
        Observation(
            indicator="tc",
            unit_id="xb",
            period=Period.year_to_date(2024, 9),
            actual=Fraction(1, 3),
            target=Fraction(1, 4),
            bound=Bound.MORE_THAN,
        ),
    ]
    table = to_arrow(seen)
    schema = table.schema
    assert schema.field("indicator").type == pa.dictionary(pa.int32(), pa.string())
    assert schema.field("period_start").type == pa.date32()
    assert schema.field("period_end").type == pa.date32()
    assert table.column("period").to_pylist() == ["quý I/2024", "9 tháng đầu năm 2024"]
    assert schema.field("target").type == pa.decimal128(38, 2)
    assert table.column("target").to_pylist() == [Decimal("1.50"), Decimal("0.25")]
    whole = pa.decimal128(38, 0)
    assert schema.field("actual").type == pa.struct([("numerator", whole), ("denominator", whole)])
    assert table.column("actual").to_pylist()[1] == {
        "numerator": Decimal(1),
        "denominator": Decimal(3),
    }
    assert schema.field("baseline").type == whole  # no value, still a number column
    assert table.column("period_end").to_pylist()[0] == date(2024, 3, 31)


def test_whole_numbers_are_int64_until_they_do_not_fit() -> None:
    assert to_arrow([{"n": 1}, {"n": None}]).schema.field("n").type == pa.int64()
    assert to_arrow([{"n": 2**63}]).schema.field("n").type == pa.decimal128(38, 0)
    with pytest.raises(InvalidValueError, match="38"):
        to_arrow([{"n": 10**38}])
    with pytest.raises(InvalidValueError, match="38"):
        to_arrow([{"n": Decimal("1E-39")}])
    with pytest.raises(InvalidValueError, match="38"):
        to_arrow([{"n": Fraction(10**40, 3)}])


def test_what_is_refused() -> None:
    with pytest.raises(InvalidTypeError):
        to_arrow("quy")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="float"):
        to_arrow([{"x": 0.5}])
    with pytest.raises(InvalidTypeError, match="one kind"):
        to_arrow([{"x": 1}, {"x": "a"}])
    with pytest.raises(InvalidValueError, match="not a number"):
        to_arrow([{"x": Decimal("NaN")}])
    empty = to_arrow([])
    assert empty.num_rows == 0
    assert empty.schema.field("period_start").type == pa.date32()


def test_missing_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError, match=r"danvan\[arrow\]"):
        to_arrow([{"n": 1}])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(unique_observations)
def test_parquet_round_trip_is_exact(tmp_path: Path, seen: list[Observation]) -> None:
    table = to_arrow(seen)
    path = tmp_path / "figures.parquet"
    pq.write_table(table, path)
    back = pq.read_table(path)
    assert back.equals(table)
    assert read_observations(back) == seen


@settings(max_examples=20, deadline=None)
@given(unique_observations)
def test_dataframes_round_trip(seen: list[Observation]) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    for library in ("pandas", "polars"):
        frame = to_dataframe(seen, library=library)  # type: ignore[arg-type]
        assert read_observations(frame) == seen


def test_a_dataset_keeps_its_names() -> None:
    data = from_json((DATA / "hong_linh_2021.json").read_text(encoding="utf-8"))
    assert isinstance(data, Dataset)
    table = to_arrow(data)
    assert {"indicator_name", "unit_name", "value_unit"} <= set(table.column_names)
    assert read_observations(table) == list(data.observations)
