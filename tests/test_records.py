"""Plain records of observations and model statistics, and DataFrames of them."""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    Bound,
    DanvanError,
    Dataset,
    InvalidTypeError,
    InvalidValueError,
    ModelField,
    ModelHolder,
    ModelLevel,
    ModelStatistics,
    ModelStatus,
    Observation,
    Period,
    PeriodKind,
    RelativePeriod,
    from_json,
    model_statistics,
    parse_period,
)
from danvan.errors import MissingDependencyError
from danvan.records import (
    observation_records,
    statistics_records,
    to_dataframe,
)
from tests.strategies import arrow_observations, datasets, models, observations, periods

DATA = Path(__file__).parent.parent / "examples" / "data"


def load(name: str) -> Dataset:
    data = from_json((DATA / name).read_text("utf-8"))
    assert isinstance(data, Dataset)
    return data


def same_number(a: object, b: object) -> bool:
    """Equal, of the same type, and a Decimal with the same digits and exponent."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Decimal):
        assert isinstance(b, Decimal)
        return a.as_tuple() == b.as_tuple()
    return a == b


def read_number(value: object) -> object:
    """A number of a text record back: int as it is, "19/21" a Fraction, else a Decimal."""
    if value is None or isinstance(value, int):
        return value
    assert isinstance(value, str)
    return Fraction(value) if "/" in value else Decimal(value)


def period_of(record: Mapping[str, Any], prefix: str = "period") -> Period:
    return Period(
        date.fromisoformat(record[f"{prefix}_start"]),
        date.fromisoformat(record[f"{prefix}_end"]),
        PeriodKind(record[f"{prefix}_kind"]),
    )


def observation_of(record: Mapping[str, Any], read: Any = lambda v: v) -> Observation:
    return Observation(
        indicator=record["indicator"],
        unit_id=record["unit_id"],
        period=period_of(record),
        actual=read(record["actual"]),
        target=read(record["target"]),
        baseline=read(record["baseline"]),
        source=record["source"],
        bound=None if record["bound"] is None else Bound(record["bound"]),
        stated_attainment=read(record["stated_attainment"]),
        stated_change=read(record["stated_change"]),
        baseline_period=_compared(record["baseline_period"]),
    )


def _compared(text: str | None) -> Period | RelativePeriod | None:
    if text is None:
        return None
    if text in {member.value for member in RelativePeriod}:
        return RelativePeriod(text)
    return parse_period(text)


# ------------------------------------------------------------------- observations


@given(st.lists(observations, max_size=5))
def test_exact_records_round_trip(seen: list[Observation]) -> None:
    records = observation_records(seen)
    assert [observation_of(record) for record in records] == seen
    for record, observation in zip(records, seen, strict=True):
        for name in ("actual", "target", "baseline"):
            assert same_number(record[name], getattr(observation, name))
        assert record["period_start"] == observation.period.start.isoformat()
        assert record["period_end"] == observation.period.end.isoformat()


@given(st.lists(observations, max_size=5))
def test_text_records_are_json_and_round_trip(seen: list[Observation]) -> None:
    records = observation_records(seen, numbers="text")
    read_back = json.loads(json.dumps(records))
    assert read_back == records
    assert [observation_of(record, read_number) for record in read_back] == seen
    for record, observation in zip(read_back, seen, strict=True):
        for name in ("actual", "target", "baseline"):
            assert same_number(read_number(record[name]), getattr(observation, name))
            assert not isinstance(record[name], float)


@given(st.lists(observations, max_size=5))
def test_exact_records_write_as_json_with_str(seen: list[Observation]) -> None:
    exact = observation_records(seen)
    text = observation_records(seen, numbers="text")
    written = json.loads(json.dumps(exact, default=str))
    for plain, record in zip(written, json.loads(json.dumps(text)), strict=True):
        for name in ("actual", "target", "baseline"):
            assert read_number(plain[name]) == read_number(record[name])
            if not isinstance(record[name], str) or "/" not in record[name]:
                assert plain[name] == record[name]  # Decimal and int: the very same text


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_dataset_records_name_the_indicator_and_unit(data: Dataset) -> None:
    records = observation_records(data)
    assert [observation_of(record) for record in records] == list(data.observations)
    for record in records:
        indicator = data.indicator(record["indicator"])
        assert record["indicator_name"] == indicator.name
        assert record["value_unit"] == indicator.unit
        assert record["unit_name"] == data.tree[record["unit_id"]].name


def test_records_of_the_hoa_thanh_report() -> None:
    data = load("hoa_thanh_2020.json")
    records = {r["indicator"]: r for r in observation_records(data)}
    assert len(records) == len(data.observations) == 18
    fund = records["fund.vi_nguoi_ngheo"]
    assert fund["actual"] == 1798702098
    assert fund["value_unit"] == "đồng"
    assert fund["period"] == "năm 2020"
    assert (fund["period_start"], fund["period_end"]) == ("2020-01-01", "2020-12-31")
    assert same_number(fund["stated_attainment"], Decimal("1.0839"))  # "đạt 108,39% KH"
    text = {r["indicator"]: r for r in observation_records(data, numbers="text")}
    assert text["fund.vi_nguoi_ngheo"]["stated_attainment"] == "1.0839"
    assert text["fund.vi_nguoi_ngheo"]["actual"] == 1798702098


def test_records_of_every_example_dataset_have_the_same_columns() -> None:
    for path in sorted(DATA.glob("*.json")):
        records = observation_records(load(path.name))
        assert records
        assert {tuple(record) for record in records} == {
            (
                "indicator",
                "indicator_name",
                "value_unit",
                "unit_id",
                "unit_name",
                "period",
                "period_kind",
                "period_start",
                "period_end",
                "actual",
                "target",
                "baseline",
                "source",
                "bound",
                "stated_attainment",
                "stated_change",
                "baseline_period",
            )
        }


def test_observation_records_refuse_other_things() -> None:
    with pytest.raises(InvalidTypeError):
        observation_records("observations")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        observation_records(5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="expected Observations"):
        observation_records([{"indicator": "x"}])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="'exact' or 'text'"):
        observation_records([], numbers="float")  # type: ignore[arg-type]


# --------------------------------------------------------------------- statistics

_ENUMS: dict[str, Any] = {
    "field": ModelField,
    "main_field": ModelField,
    "holder": ModelHolder,
    "level": ModelLevel,
    "status": ModelStatus,
}


def statistics_of(records: list[dict[str, Any]]) -> ModelStatistics:
    """Rebuild the statistics from their records."""
    counts: dict[str, Any] = {f"by_{group}": {} for group in _ENUMS}
    plain: dict[str, int] = {}
    for record in records:
        if record["group"] in _ENUMS:
            counts[f"by_{record['group']}"][_ENUMS[record["group"]](record["key"])] = record[
                "count"
            ]
        else:
            plain[record["key"]] = record["count"]
    return ModelStatistics(period=period_of(records[0]), **counts, **plain)


model_lists = st.lists(models(), max_size=6, unique_by=lambda m: m.id)


@settings(max_examples=60, deadline=None)
@given(model_lists, periods)
def test_statistics_records_round_trip(model_list: list[Any], period: Period) -> None:
    stats = model_statistics(model_list, period)
    records = statistics_records(stats)
    assert statistics_of(records) == stats
    assert json.loads(json.dumps(records)) == records
    for record in records:
        assert type(record["count"]) is int
        if record["group"] == "field":
            assert record["parent"] == (
                None
                if ModelField(record["key"]).parent is None
                else ModelField(record["key"]).main.value
            )


@settings(max_examples=60, deadline=None)
@given(model_lists, periods)
def test_statistics_records_with_the_previous_period(
    model_list: list[Any], period: Period
) -> None:
    stats = model_statistics(model_list, period)
    before = model_statistics(model_list, period.previous())
    records = statistics_records(stats, previous=before)
    assert statistics_of(records) == stats
    earlier = [{**r, "count": r["previous"]} for r in records]
    for record in earlier:
        for name in ("period", "period_kind", "period_start", "period_end"):
            record[name] = record[f"previous_{name}"]
    assert statistics_of(earlier) == before
    for record in records:
        assert record["difference"] == record["count"] - record["previous"]
        assert record["previous_period_end"] == period.previous().end.isoformat()


def test_statistics_records_as_a_report_counts() -> None:
    stats = ModelStatistics(
        period=Period.year(2022),
        total=3545,
        by_field={},
        by_main_field={},
        by_holder={ModelHolder.COLLECTIVE: 2066, ModelHolder.INDIVIDUAL: 1479},
        by_level={},
        by_status={},
        needing_consolidation=0,
        registered=356,
        recognised=70,
        commended=0,
        replicated=0,
    )
    records = {(r["group"], r["key"]): r for r in statistics_records(stats)}
    assert records[("stock", "total")]["count"] == 3545
    assert records[("holder", "collective")]["label"] == "tập thể"
    assert records[("holder", "individual")]["count"] == 1479
    assert records[("flow", "registered")]["count"] == 356
    assert records[("main_field", "economy")]["count"] == 0
    assert len(records) == 2 + 4 + 7 + 2 + 3 + 6 + 4


def test_statistics_records_refuse_other_things() -> None:
    with pytest.raises(InvalidTypeError):
        statistics_records([])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        statistics_records(model_statistics([], Period.year(2021)), previous={})  # type: ignore[arg-type]


# ---------------------------------------------------------------------- DataFrames


def test_missing_library_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(MissingDependencyError) as caught:
        to_dataframe([{"a": 1}])
    error = caught.value
    assert isinstance(error, DanvanError)
    assert isinstance(error, ImportError)
    assert "danvan[dataframes]" in str(error)
    assert error.package == "pandas"
    assert isinstance(error.__cause__, ImportError)
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.package, copy.install) == (str(error), "pandas", error.install)
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(MissingDependencyError, match=r"danvan\[polars\]"):
        to_dataframe([{"a": 1}], library="polars")


def test_to_dataframe_refuses_floats_and_non_records() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(InvalidTypeError, match="float"):
        to_dataframe([{"actual": 0.96}])
    with pytest.raises(InvalidTypeError):
        to_dataframe({"actual": 1})
    with pytest.raises(InvalidTypeError):
        to_dataframe([("actual", 1)])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        to_dataframe([{1: "a"}])
    with pytest.raises(InvalidValueError):
        to_dataframe([], library="excel")  # type: ignore[arg-type]


def _exact(value: Any) -> Any:
    """A value of a pandas or polars frame as an exact Python value (pairs as Fractions)."""
    if isinstance(value, dict):
        return Fraction(int(value["numerator"]), int(value["denominator"]))
    if value is None or str(value) == "<NA>":
        return None
    return value


@settings(max_examples=30, deadline=None)
@given(st.lists(arrow_observations, max_size=5))
def test_pandas_keeps_the_numbers_exact(seen: list[Observation]) -> None:
    pytest.importorskip("pandas")
    records = observation_records(seen)
    frame = to_dataframe(records)
    assert len(frame) == len(records)
    if records:
        assert list(frame.columns) == list(records[0])
    assert all(str(dtype).endswith("[pyarrow]") for dtype in frame.dtypes)
    back = frame.to_dict("records")
    for row, record in zip(back, records, strict=True):
        for name in ("actual", "target", "baseline", "stated_attainment", "stated_change"):
            assert _exact(row[name]) == record[name]
        assert row["indicator"] == record["indicator"]
        assert row["period_start"] == date.fromisoformat(record["period_start"])


def test_pandas_dtypes_of_an_example_dataset() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    records = observation_records(load("hong_linh_2021.json"))
    frame = to_dataframe(records)
    assert frame["actual"].dtype == pd.ArrowDtype(pa.decimal128(38, 2))
    assert all(isinstance(v, Decimal) for v in frame["actual"])
    assert frame["actual"].sum() == sum(r["actual"] for r in records)
    assert frame["period_end"].dtype == pd.ArrowDtype(pa.date32())
    counts = to_dataframe([{"n": 1}, {"n": 2**40}])
    assert counts["n"].dtype == pd.ArrowDtype(pa.int64())
    nullable = to_dataframe([{"n": 1}, {"n": None}, {}])
    assert nullable["n"].isna().tolist() == [False, True, True]
    huge = to_dataframe([{"n": 10**30}])
    assert huge["n"].dtype == pd.ArrowDtype(pa.decimal128(38, 0))
    assert huge["n"][0] == 10**30
    fractions = to_dataframe([{"share": Fraction(19, 21)}])
    assert _exact(fractions["share"][0]) == Fraction(19, 21)
    assert isinstance(to_dataframe([]), pd.DataFrame)


def test_pandas_frames_go_to_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    records = observation_records(load("hong_linh_2021.json"))
    frame = to_dataframe(records)
    frame.to_parquet(tmp_path / "figures.parquet")
    back = pd.read_parquet(tmp_path / "figures.parquet", dtype_backend="pyarrow")
    assert back["actual"].tolist() == frame["actual"].tolist()


def test_pandas_year_over_year() -> None:
    pytest.importorskip("pandas")
    now = model_statistics([], Period.year(2021))
    frame = to_dataframe(statistics_records(now, previous=model_statistics([], Period.year(2020))))
    assert str(frame["count"].dtype) == "int64[pyarrow]"
    assert str(frame["difference"].dtype) == "int64[pyarrow]"
    assert set(frame["previous_period"]) == {"năm 2020"}


def test_polars_keeps_the_numbers_exact() -> None:
    pl = pytest.importorskip("polars")
    records = observation_records(load("hong_linh_2021.json"))
    frame = to_dataframe(records, library="polars")
    assert isinstance(frame, pl.DataFrame)
    assert frame.schema["actual"] == pl.Decimal(38, 2)
    assert frame["actual"].to_list() == [r["actual"] for r in records]
    assert frame.schema["indicator"] == pl.Categorical
    assert frame.schema["period_start"] == pl.Date
    ints = to_dataframe([{"n": 1}, {"n": None}], library="polars")
    assert ints.schema["n"] == pl.Int64
    assert ints["n"].to_list() == [1, None]
    with pytest.raises(InvalidValueError, match="38"):
        to_dataframe([{"x": Decimal("1E+40")}, {"x": Decimal("0.5")}], library="polars")
    fractions = to_dataframe([{"share": Fraction(19, 21)}], library="polars")
    assert [_exact(v) for v in fractions["share"].to_list()] == [Fraction(19, 21)]


def test_to_dataframe_refuses_every_real_number_that_is_not_rational() -> None:
    import numbers

    class Approximate:
        """A real number that is no float (a stand-in for numpy.float32)."""

        def __repr__(self) -> str:
            return "Approximate(0.96)"

    numbers.Real.register(Approximate)
    with pytest.raises(InvalidTypeError, match="Approximate"):
        to_dataframe([{"actual": Approximate()}])
    np = pytest.importorskip("numpy")
    for value in (np.float32(0.96), np.float16(0.5), np.longdouble(0.5)):
        with pytest.raises(InvalidTypeError, match="not exact"):
            to_dataframe([{"actual": value}])
