"""roll_up_frame against roll_up: the same figures, rules, coverage and missing units."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    Counting,
    Indicator,
    InvalidTypeError,
    InvalidValueError,
    Level,
    MetCount,
    MissingDependencyError,
    Observation,
    Period,
    RollUp,
    RollUpResult,
    Unit,
    UnitKind,
    UnitTree,
    UnknownUnitError,
    roll_up_frame,
    roll_up_many,
    to_arrow,
)
from danvan.frames import ROLL_UP_SQL, closure_table

pa = pytest.importorskip("pyarrow")
ENGINES = [
    pytest.param(
        "duckdb",
        marks=pytest.mark.skipif(
            "duckdb" not in sys.modules
            and __import__("importlib").util.find_spec("duckdb") is None,
            reason="duckdb is not installed",
        ),
    ),
    pytest.param(
        "polars",
        marks=pytest.mark.skipif(
            __import__("importlib").util.find_spec("polars") is None,
            reason="polars is not installed",
        ),
    ),
]
LEVELS = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.HAMLET, Level.HAMLET)
YEAR = Period.year(2024)


KINDS = (UnitKind.OTHER, UnitKind.PARTY_COMMITTEE)
# Founding and dissolution dates (first of a month) in and around 2024, or none
WHEN = st.one_of(
    st.none(), st.builds(date, st.sampled_from([2023, 2024]), st.integers(1, 12), st.just(1))
)


@st.composite
def trees(draw: st.DrawFn) -> UnitTree:
    """Random trees of units of two kinds, some founded or dissolved in the year: the
    units roll_up expects by default are those like the reporters, alive in the period."""
    size = draw(st.integers(1, 9))
    depth = [0]
    units = [Unit(id="u0", name="Tỉnh", kind=UnitKind.OTHER, level=LEVELS[0])]
    for index in range(1, size):
        parent = draw(st.integers(0, index - 1))
        depth.append(depth[parent] + 1)
        founded, dissolved = draw(WHEN), draw(WHEN)
        above = units[parent]  # a unit lives within its parent's lifetime
        if above.founded is not None:
            founded = above.founded if founded is None else max(founded, above.founded)
        if above.dissolved is not None:
            dissolved = above.dissolved if dissolved is None else min(dissolved, above.dissolved)
        if founded is not None and dissolved is not None and dissolved <= founded:
            founded, dissolved = above.founded, above.dissolved
        units.append(
            Unit(
                id=f"u{index}",
                name=f"Đơn vị {index}",
                kind=draw(st.sampled_from(KINDS)),
                level=LEVELS[min(depth[-1], 4)],
                parent=f"u{parent}",
                founded=founded,
                dissolved=dissolved,
            )
        )
    return UnitTree(units)


values = st.one_of(
    st.integers(-(10**12), 10**12),
    st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False),
)


@st.composite
def cases(draw: st.DrawFn) -> tuple[UnitTree, list[Observation], list[Indicator], Any]:
    tree = draw(trees())
    ids = [unit.id for unit in tree]
    plain = []
    for number, rule in enumerate(draw(st.lists(st.sampled_from(RollUp), min_size=1, max_size=4))):
        counting = draw(st.sampled_from([None, Counting.DISTINCT])) if rule is RollUp.SUM else None
        plain.append(
            Indicator(
                code=f"i{number}", name="Chỉ tiêu", unit="x", roll_up=rule, counting=counting
            )
        )
    part = Indicator(code="part", name="Tử số", unit="x", roll_up=RollUp.SUM)
    whole = Indicator(code="whole", name="Mẫu số", unit="x", roll_up=RollUp.LAST)
    share = Indicator(
        code="share",
        name="Tỷ lệ",
        unit="%",
        numerator="part",
        denominator="whole",
        factor=draw(st.sampled_from([1, 100])),
    )
    seen = []
    for indicator in [*plain, part, whole]:
        for unit_id in draw(st.lists(st.sampled_from(ids), unique=True)):
            months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True))
            for month in months:
                value = draw(values)
                if indicator.code == "whole" and draw(st.booleans()):
                    value = 0
                seen.append(
                    Observation(
                        indicator=indicator.code,
                        unit_id=unit_id,
                        period=Period.month(2024, month),
                        actual=value,
                    )
                )
            if draw(st.integers(0, 20)) == 0:  # now and then an overlap: the year itself
                seen.append(
                    Observation(indicator=indicator.code, unit_id=unit_id, period=YEAR, actual=1)
                )
    expected = draw(
        st.one_of(
            st.none(),
            st.just("leaves"),
            st.sampled_from([Level.COMMUNE, Level.HAMLET]),
            st.lists(st.sampled_from(ids), unique=True),
        )
    )
    wanted = [*plain, share] if draw(st.booleans()) else plain
    return tree, draw(st.permutations(seen)), wanted, expected


def results_of(table: Any) -> dict[str, dict[str, Any]]:
    """The result table as {code: {values, missing, unpaired, undefined, coverage}}."""
    found: dict[str, dict[str, Any]] = {}
    for row in table.to_pylist():
        entry = found.setdefault(
            row["indicator"],
            {"values": {}, "missing": [], "unpaired": [], "undefined": [], "coverage": {}},
        )
        unit_id = row["unit_id"]
        numerator, denominator = row["numerator"], row["denominator"]
        entry["values"][unit_id] = (
            None if numerator is None else Fraction(numerator) / Fraction(denominator)
        )
        for flag in ("missing", "unpaired", "undefined"):
            if row[flag]:
                entry[flag].append(unit_id)
        entry["coverage"][unit_id] = (row["reported_units"], row["expected_units"])
    return found


def expected_of(result: RollUpResult) -> dict[str, Any]:
    return {
        "values": dict(result.values),
        "missing": list(result.missing),
        "unpaired": list(result.unpaired),
        "undefined": list(result.undefined),
        "coverage": {
            unit_id: (result.coverage(unit_id).met, result.coverage(unit_id).total)
            for unit_id in result.values
        },
    }


def check(engine: str, case: Any, period: Period | None = None) -> None:
    tree, seen, wanted, expected = case
    definitions = [
        Indicator(code="part", name="Tử số", unit="x", roll_up=RollUp.SUM),
        Indicator(code="whole", name="Mẫu số", unit="x", roll_up=RollUp.LAST),
    ]
    try:
        reference = roll_up_many(
            tree, seen, wanted, period=period, expected=expected, definitions=definitions
        )
    except InvalidValueError:
        with pytest.raises(InvalidValueError):
            roll_up_frame(
                tree,
                to_arrow(seen),
                wanted,
                period=period,
                expected=expected,
                definitions=definitions,
                engine=engine,
            )
        return
    table = roll_up_frame(
        tree,
        to_arrow(seen),
        wanted,
        period=period,
        expected=expected,
        definitions=definitions,
        engine=engine,
    )
    found = results_of(table)
    assert list(found) == [i.code for i in wanted if i.code in found]  # in the order asked
    for code, result in reference.items():
        entry = found.get(code, {"values": {}, "missing": [], "unpaired": [], "undefined": []})
        # The units left out of the table have no value and no unit expected under them.
        left_out = [unit.id for unit in tree if unit.id not in entry["values"]]
        for unit_id in left_out:
            assert result.values[unit_id] is None
            assert result.coverage(unit_id).total == 0
        entry["values"] = {unit.id: entry["values"].get(unit.id) for unit in tree}
        entry["coverage"] = {
            unit.id: entry.get("coverage", {}).get(unit.id, (0, 0)) for unit in tree
        }
        assert entry == expected_of(result), code


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=40, deadline=None)
@given(case=cases())
def test_roll_up_frame_equals_roll_up(engine: str, case: Any) -> None:
    check(engine, case)


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=15, deadline=None)
@given(case=cases(), quarter=st.integers(1, 4))
def test_roll_up_frame_equals_roll_up_within_a_period(
    engine: str, case: Any, quarter: int
) -> None:
    check(engine, case, Period.quarter(2024, quarter))


def small() -> tuple[UnitTree, list[Observation], Indicator]:
    tree = UnitTree(
        [
            Unit(id="t", name="Tỉnh", kind=UnitKind.OTHER, level=Level.PROVINCE),
            Unit(id="a", name="Xã A", kind=UnitKind.OTHER, level=Level.COMMUNE, parent="t"),
            Unit(id="b", name="Xã B", kind=UnitKind.OTHER, level=Level.COMMUNE, parent="t"),
        ]
    )
    fund = Indicator(code="quy", name="Quỹ", unit="đồng", roll_up=RollUp.SUM)
    seen = [
        Observation(indicator="quy", unit_id="a", period=YEAR, actual=Decimal("1.5")),
        Observation(indicator="quy", unit_id="b", period=YEAR, actual=2),
    ]
    return tree, seen, fund


@pytest.mark.parametrize("engine", ENGINES)
def test_from_parquet_pandas_and_polars(engine: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    tree, seen, fund = small()
    table = to_arrow(seen)
    path = tmp_path / "figures.parquet"
    pq.write_table(table, path)
    direct = roll_up_frame(tree, table, [fund], engine=engine)
    assert roll_up_frame(tree, path, [fund], engine=engine).equals(direct)
    pl = pytest.importorskip("polars")
    assert roll_up_frame(tree, pl.from_arrow(table), [fund], engine=engine).equals(direct)
    top = direct.to_pylist()[0]
    assert (top["unit_id"], top["numerator"], top["denominator"]) == ("t", Decimal("3.5"), 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_what_is_refused(engine: str) -> None:
    tree, seen, fund = small()
    table = to_arrow(seen)
    with pytest.raises(InvalidTypeError, match="exact"):
        roll_up_frame(
            tree, table.set_column(6, "actual", pa.array([1.5, 2.0])), [fund], engine=engine
        )
    with pytest.raises(InvalidValueError, match="missing: actual"):
        roll_up_frame(tree, table.drop_columns(["actual"]), [fund], engine=engine)
    stranger = Observation(indicator="quy", unit_id="z", period=YEAR, actual=1)
    with pytest.raises(UnknownUnitError):
        roll_up_frame(tree, to_arrow([*seen, stranger]), [fund], engine=engine)
    with pytest.raises(InvalidValueError, match="engine"):
        roll_up_frame(tree, table, [fund], engine="spark")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="two indicators"):
        roll_up_frame(tree, table, [fund, fund], engine=engine)
    with pytest.raises(InvalidTypeError):
        roll_up_frame(tree, [1, 2], [fund], engine=engine)


def test_missing_engine_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    tree, seen, fund = small()
    table = to_arrow(seen)
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(MissingDependencyError, match=r"danvan\[duckdb\]"):
        roll_up_frame(tree, table, [fund])


def test_closure_table_is_linear_in_the_tree() -> None:
    tree, _, _ = small()
    rows = closure_table(tree).to_pylist()
    assert rows == [
        {"ancestor": "t", "descendant": "t"},
        {"ancestor": "t", "descendant": "a"},
        {"ancestor": "t", "descendant": "b"},
        {"ancestor": "a", "descendant": "a"},
        {"ancestor": "b", "descendant": "b"},
    ]
    assert "arg_max" in ROLL_UP_SQL


@pytest.mark.parametrize("engine", ENGINES)
def test_long_spans_are_checked_period_by_period(engine: str) -> None:
    tree, _, fund = small()
    decade = Period.years(2010, 2019)
    later = Period.years(2020, 2025)
    apart = [
        Observation(indicator="quy", unit_id="a", period=decade, actual=1),
        Observation(indicator="quy", unit_id="a", period=later, actual=2),
    ]
    [top, *_] = roll_up_frame(tree, to_arrow(apart), [fund], engine=engine).to_pylist()
    assert top["numerator"] == 3
    overlapping = [*apart, Observation(indicator="quy", unit_id="a", period=YEAR, actual=5)]
    with pytest.raises(InvalidValueError, match="overlapping"):
        roll_up_frame(tree, to_arrow(overlapping), [fund], engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_indicators_and_the_grid_without_scatter(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree, seen, fund = small()
    assert roll_up_frame(tree, to_arrow(seen), [], engine=engine).num_rows == 0
    with_scatter = roll_up_frame(tree, to_arrow(seen), [fund], engine=engine)
    import pyarrow.compute as pc

    monkeypatch.delattr(pc, "scatter", raising=False)
    assert roll_up_frame(tree, to_arrow(seen), [fund], engine=engine).equals(with_scatter)


def nested() -> UnitTree:
    """A province with two communes; commune a has a hamlet h; commune c was dissolved
    on 01/07/2023 (the hamlet and commune levels both report, as in a ward whose
    hamlets report for it)."""
    return UnitTree(
        [
            Unit(id="t", name="Tỉnh", kind=UnitKind.OTHER, level=Level.PROVINCE),
            Unit(id="a", name="Xã A", kind=UnitKind.OTHER, level=Level.COMMUNE, parent="t"),
            Unit(id="h", name="Thôn H", kind=UnitKind.OTHER, level=Level.HAMLET, parent="a"),
            Unit(id="b", name="Xã B", kind=UnitKind.OTHER, level=Level.COMMUNE, parent="t"),
            Unit(
                id="c",
                name="Xã C",
                kind=UnitKind.OTHER,
                level=Level.COMMUNE,
                parent="t",
                dissolved=date(2023, 7, 1),
            ),
            Unit(id="d", name="Xã D", kind=UnitKind.OTHER, level=Level.COMMUNE, parent="t"),
        ]
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_by_default_the_units_like_the_reporters_are_expected(engine: str) -> None:
    tree = nested()
    fund = Indicator(code="quy", name="Quỹ", unit="đồng", roll_up=RollUp.SUM)
    seen = [
        Observation(indicator="quy", unit_id="h", period=YEAR, actual=1),
        Observation(indicator="quy", unit_id="b", period=YEAR, actual=2),
    ]
    rows = {
        row["unit_id"]: row
        for row in roll_up_frame(
            tree, to_arrow(seen), [fund], period=YEAR, engine=engine
        ).to_pylist()
    }
    # Communes and hamlets alive in 2024 are expected: a (through its hamlet h), b, d
    # and h; c was dissolved in 2023 and is not; d did not report.
    assert [unit for unit, row in rows.items() if row["expected"]] == ["a", "h", "b", "d"]
    assert [unit for unit, row in rows.items() if row["missing"]] == ["d"]
    assert (rows["t"]["reported_units"], rows["t"]["expected_units"]) == (3, 4)
    assert (rows["a"]["reported_units"], rows["a"]["expected_units"]) == (2, 2)
    assert rows["a"]["reported"] is False  # a's own figures: none; h's count for it
    assert "c" not in rows  # no value and nothing expected under it
    reference = roll_up_many(tree, seen, [fund], period=YEAR)["quy"]
    assert reference.missing == ("d",)
    assert reference.coverage("t") == MetCount(3, 4)
    leaves = {
        row["unit_id"]: row
        for row in roll_up_frame(
            tree, to_arrow(seen), [fund], period=YEAR, expected="leaves", engine=engine
        ).to_pylist()
    }
    assert [unit for unit, row in leaves.items() if row["missing"]] == ["c", "d"]
    assert (leaves["t"]["reported_units"], leaves["t"]["expected_units"]) == (2, 4)


@pytest.mark.parametrize("engine", ENGINES)
def test_periods_of_every_shape_are_checked(engine: str) -> None:
    """Months over more than five years (too many for one bit each), months beside
    quarters (the periods overlap one another, so each is marked by the months it
    covers), and the overlaps among them."""
    tree, _, fund = small()
    months = [
        Observation(indicator="quy", unit_id="a", period=Period.month(year, month), actual=1)
        for year in range(2018, 2025)
        for month in range(1, 13)
    ]
    [top, *_] = roll_up_frame(tree, to_arrow(months), [fund], engine=engine).to_pylist()
    assert top["numerator"] == 84
    twice = [*months, Observation(indicator="quy", unit_id="a", period=YEAR, actual=1)]
    with pytest.raises(InvalidValueError, match="overlapping"):
        roll_up_frame(tree, to_arrow(twice), [fund], engine=engine)
    mixed = [
        Observation(indicator="quy", unit_id="a", period=Period.quarter(2024, 1), actual=5),
        Observation(indicator="quy", unit_id="a", period=Period.month(2024, 4), actual=1),
        Observation(indicator="quy", unit_id="b", period=Period.month(2024, 1), actual=2),
        Observation(indicator="quy", unit_id="b", period=Period.quarter(2024, 2), actual=3),
    ]
    [top, *_] = roll_up_frame(tree, to_arrow(mixed), [fund], engine=engine).to_pylist()
    assert top["numerator"] == 11
    clash = [
        *mixed,
        Observation(indicator="quy", unit_id="a", period=Period.month(2024, 2), actual=1),
    ]
    with pytest.raises(InvalidValueError, match="overlapping figures of 'quy'"):
        roll_up_frame(tree, to_arrow(clash), [fund], engine=engine)
    again = [*mixed, mixed[1]]  # the same month twice
    with pytest.raises(InvalidValueError, match="overlapping"):
        roll_up_frame(tree, to_arrow(again), [fund], period=Period.year(2024), engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_units_unknown_only_where_roll_up_looks(engine: str) -> None:
    """roll_up looks up the units of the figures it uses: a stranger's figure of an
    indicator not asked for, or outside the period, is no error."""
    tree, seen, fund = small()
    other = Observation(indicator="khac", unit_id="z", period=YEAR, actual=1)
    before = Observation(indicator="quy", unit_id="z", period=Period.year(2020), actual=1)
    table = to_arrow([*seen, other, before])
    [top, *_] = roll_up_frame(tree, table, [fund], period=YEAR, engine=engine).to_pylist()
    assert top["numerator"] == Decimal("3.5")
    assert roll_up_many(tree, [*seen, other, before], [fund], period=YEAR)["quy"]["t"] == Fraction(
        7, 2
    )
    with pytest.raises(UnknownUnitError, match="'z'"):
        roll_up_frame(tree, table, [fund], engine=engine)
    plain = table.cast(
        table.schema.set(table.schema.get_field_index("unit_id"), pa.field("unit_id", pa.string()))
    )
    with pytest.raises(UnknownUnitError, match="'z'"):
        roll_up_frame(tree, plain, [fund], engine=engine)
