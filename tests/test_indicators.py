"""Indicator arithmetic, roll-ups over the unit tree, and "Dân vận khéo" statistics."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    Bound,
    Counting,
    DanvanError,
    Indicator,
    InvalidTypeError,
    InvalidValueError,
    Level,
    MobilizationModel,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
    ModelStatus,
    Observation,
    Period,
    RollUp,
    Unit,
    UnitKind,
    UnitTree,
    UnknownUnitError,
)
from danvan.indicators import (
    MetCount,
    RateIndicator,
    UndefinedIndicatorError,
    attainment,
    change,
    count_met,
    difference,
    mean,
    meets,
    point_change,
    rate,
    roll_up,
    roll_up_many,
)
from danvan.statistics import ModelStatistics, model_statistics, year_over_year

from .strategies import mobilization_models, unit_trees

YEAR = Period.year(2021)

# ------------------------------------------------------------------------- strategies

#: Exact values of every accepted type, report-sized.
exact = st.one_of(
    st.integers(-(10**12), 10**12),
    st.decimals(
        min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=3
    ),
    st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=1000),
)
nonzero = exact.filter(bool)
zeros = st.sampled_from([0, Decimal("0"), Decimal("-0.00"), Decimal("0E+3"), Fraction(0)])
counts = st.integers(0, 10**6)


def _unit(unit_id: str, parent: str | None = None, level: Level = Level.COMMUNE) -> Unit:
    return Unit(
        id=unit_id, name=unit_id, kind=UnitKind.PARTY_COMMITTEE, level=level, parent=parent
    )


def _seen(code: str, unit_id: str, actual: object, period: Period = YEAR) -> Observation:
    return Observation(indicator=code, unit_id=unit_id, period=period, actual=actual)


def _indicator(code: str, rule: RollUp) -> Indicator:
    return Indicator(code=code, name=code, unit="x", roll_up=rule)


# -------------------------------------------------------------- arithmetic: tables


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        # "vận động quỹ được 1.798.702.098đ đạt 108,39% KH" with a plan of 1.659.500.000đ
        (attainment, (1798702098, 1659500000), Fraction(1798702098, 1659500000)),
        (attainment, (70, 96), Fraction(35, 48)),  # "70 mô hình, đạt 73%"
        (attainment, (Decimal("3.8"), 4), Fraction(19, 20)),
        (rate, (19, 21), Fraction(19, 21)),  # "19/21 chỉ tiêu"
        (rate, (33, 33), Fraction(1)),  # "33/33 cơ sở"
        (rate, (226, 226), Fraction(1)),
        (change, (70, 60), Fraction(1, 6)),  # "tăng 17% so với năm 2020"
        (change, (Decimal("94.5"), 100), Fraction(-11, 200)),  # "giảm 5,5%"
        (change, (-5, -10), Fraction(1, 2)),  # up from -10 to -5 is a rise
        (change, (-15, -10), Fraction(-1, 2)),
        (difference, (91, 73), Fraction(18)),  # "tăng 18 tiêu chí so với đầu năm"
        (difference, (Decimal("0.5"), Fraction(1, 3)), Fraction(1, 6)),
        (point_change, (Decimal("0.73"), Decimal("0.70")), Fraction(3, 100)),
        (point_change, (Fraction(1, 2), 1), Fraction(-1, 2)),
        (mean, ([19, 19, 18, 18, 17],), Fraction(91, 5)),  # "bình quân 18,2 tiêu chí/xã"
        (mean, ([Decimal("0.5"), 1, Fraction(1, 2)],), Fraction(2, 3)),
    ],
)
def test_report_figures(function, args, expected):
    result = function(*args)
    assert type(result) is Fraction
    assert result == expected


def test_criteria_and_models_add_up():
    # "tổng số tiêu chí đạt chuẩn là 91, bình quân 18,2 tiêu chí/xã": 91 over 5 communes
    assert mean([19, 19, 19, 19, 15]) == Fraction(182, 10)
    # "3.545 mô hình, điển hình; trong đó có 2.066 tập thể, 1.479 cá nhân"
    assert 2066 + 1479 == 3545
    assert rate(2066, 3545) + rate(1479, 3545) == 1


@pytest.mark.parametrize(
    ("function", "args", "named"),
    [
        (rate, (3, 0), "the whole is zero"),
        (attainment, (5, Decimal("0.00")), "the plan is zero"),
        (change, (5, Fraction(0)), "the previous value is zero"),
        (mean, ([],), "there are no values"),
    ],
)
def test_zero_denominators_name_what_was_zero(function, args, named):
    with pytest.raises(UndefinedIndicatorError, match=named) as caught:
        function(*args)
    assert isinstance(caught.value, ZeroDivisionError)
    assert isinstance(caught.value, DanvanError)


@given(exact, zeros)
def test_zero_denominators_always_raise(value, zero):
    for function in (rate, attainment, change):
        with pytest.raises(UndefinedIndicatorError):
            function(value, zero)
    with pytest.raises(ZeroDivisionError):
        _ = MetCount(0, 0).share


@given(nonzero)
def test_attainment_of_itself_is_one_and_change_is_zero(value):
    assert attainment(value, value) == 1
    assert rate(value, value) == 1
    assert change(value, value) == 0
    assert difference(value, value) == 0
    assert point_change(value, value) == 0


@given(exact, nonzero)
def test_change_is_attainment_less_one_for_positive_previous(current, previous):
    if previous > 0:
        assert change(current, previous) == attainment(current, previous) - 1
    assert (change(current, previous) > 0) == (current > previous)


@given(st.lists(exact, min_size=1, max_size=20))
def test_mean_lies_between_min_and_max(values):
    assert min(values) <= mean(values) <= max(values)
    assert mean(values) * len(values) == sum(Fraction(v) for v in values)


@pytest.mark.parametrize("bad", [1.5, float("nan"), True, "1", None, complex(1, 0), [1]], ids=repr)
def test_inexact_and_foreign_values_are_refused(bad):
    for call in (
        lambda: rate(bad, 1),
        lambda: attainment(1, bad),
        lambda: change(bad, 1),
        lambda: difference(1, bad),
        lambda: point_change(bad, 1),
        lambda: mean([1, bad]),
        lambda: meets(bad, 1),
    ):
        with pytest.raises(InvalidTypeError):
            call()


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_refused(bad):
    with pytest.raises(InvalidValueError):
        rate(bad, 1)
    with pytest.raises(InvalidValueError):
        attainment(1, bad)


def test_mean_takes_any_iterable_but_not_text():
    assert mean(iter([1, 2])) == Fraction(3, 2)
    with pytest.raises(InvalidTypeError):
        mean("12")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        mean(5)  # type: ignore[arg-type]


# ------------------------------------------------------------------- targets met


def test_meets_is_direction_aware():
    assert meets(100, 100)
    assert meets(100, 100, higher_is_better=False)
    assert meets(1798702098, 1659500000)
    assert not meets(70, 96)
    assert meets(3, 5, higher_is_better=False)
    assert not meets(Decimal("5.1"), Fraction(5), higher_is_better=False)
    with pytest.raises(InvalidTypeError):
        meets(1, 2, higher_is_better=1)  # type: ignore[arg-type]


def test_met_count():
    score = MetCount(19, 21)
    assert str(score) == "19/21"
    assert (score.unmet, score.all_met, score.share) == (2, False, Fraction(19, 21))
    assert str(MetCount(33, 33)) == "33/33"
    assert MetCount(33, 33).all_met
    assert MetCount(0, 0).all_met
    for met, total in [(3, 2), (-1, 2)]:
        with pytest.raises(InvalidValueError):
            MetCount(met, total)
    for met, total in [(True, 2), (1.0, 2), (1, "2")]:
        with pytest.raises(InvalidTypeError):
            MetCount(met, total)  # type: ignore[arg-type]


def test_count_met_of_a_report():
    # "19/21 chỉ tiêu đạt và vượt kế hoạch": 21 pairs, two missed.
    pairs = [(100 + n, 100) for n in range(19)] + [(99, 100), (0, 1)]
    assert str(count_met(pairs)) == "19/21"
    poor = Indicator(
        code="poor", name="Hộ nghèo", unit="hộ", roll_up=RollUp.LAST, higher_is_better=False
    )
    raised = _indicator("fund", RollUp.SUM)
    records = [
        Observation(indicator="poor", unit_id="hl", period=YEAR, actual=95, target=100),
        Observation(
            indicator="fund", unit_id="hl", period=YEAR, actual=1798702098, target=1659500000
        ),
        Observation(indicator="other", unit_id="hl", period=YEAR, actual=1, target=2),
    ]
    assert count_met(records, indicators=[poor, raised]) == MetCount(2, 3)
    # Without the indicators every observation is "higher is better".
    assert count_met(records) == MetCount(1, 3)
    assert count_met(records, higher_is_better=False) == MetCount(2, 3)
    assert count_met([]) == MetCount(0, 0)


def test_count_met_refuses_what_it_cannot_count():
    no_target = _seen("fund", "hl", 5)
    with pytest.raises(InvalidValueError, match="has no target"):
        count_met([no_target])
    with pytest.raises(InvalidTypeError):
        count_met([(1, 2, 3)])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        count_met([(1, 2)], indicators=["fund"])  # type: ignore[list-item]


@given(st.lists(st.tuples(exact, exact), max_size=30), st.booleans())
def test_count_met_counts_meets(pairs, higher):
    score = count_met(pairs, higher_is_better=higher)
    assert score.total == len(pairs)
    assert score.met == sum(meets(a, t, higher_is_better=higher) for a, t in pairs)


# --------------------------------------------------------------------- roll-ups


def _hong_linh() -> UnitTree:
    """A town, two wards (one with two hamlets) and a commune."""
    return UnitTree(
        [
            _unit("hl", level=Level.DISTRICT),
            _unit("bac-hong", "hl"),
            _unit("bh-1", "bac-hong", Level.HAMLET),
            _unit("bh-2", "bac-hong", Level.HAMLET),
            _unit("nam-hong", "hl"),
            _unit("dau-lieu", "hl"),
        ]
    )


@pytest.mark.parametrize(
    ("rule", "town", "ward"),
    [
        (RollUp.SUM, Fraction(60), Fraction(30)),
        (RollUp.MEAN, Fraction(20), Fraction(15)),
        (RollUp.MIN, Fraction(10), Fraction(10)),
        (RollUp.MAX, Fraction(30), Fraction(20)),
        (RollUp.COUNT, Fraction(3), Fraction(2)),
        (RollUp.LAST, Fraction(60), Fraction(30)),
    ],
)
def test_each_rule(rule, town, ward):
    tree = _hong_linh()
    seen = [_seen("x", "bh-1", 10), _seen("x", "bh-2", 20), _seen("x", "nam-hong", 30)]
    result = roll_up(tree, seen, _indicator("x", rule), expected="leaves")
    assert result.values["hl"] == town
    assert result.values["bac-hong"] == ward
    assert result.values["dau-lieu"] is None  # no data is not zero
    assert result["nam-hong"] == (1 if rule is RollUp.COUNT else 30)
    assert list(result.values) == ["hl", "bac-hong", "bh-1", "bh-2", "nam-hong", "dau-lieu"]
    assert all(type(v) is Fraction for v in result.values.values() if v is not None)
    assert result.missing == ("dau-lieu",)
    assert str(result.coverage("hl")) == "3/4"
    assert str(result.coverage("bac-hong")) == "2/2"
    assert result.missing_under("hl") == ("dau-lieu",)
    assert result.missing_under("bac-hong") == ()


def test_rules_over_time_within_one_unit():
    tree = UnitTree([_unit("t", level=Level.PROVINCE), _unit("a", "t"), _unit("b", "t")])
    quarters = [Period.quarter(2021, q) for q in (1, 2, 3, 4)]
    seen = [_seen("x", "a", v, p) for v, p in zip([5, 8, 2, 7], quarters, strict=True)]
    seen.append(_seen("x", "b", 10, quarters[0]))
    expected = {
        RollUp.SUM: (22, 32),
        RollUp.MEAN: (Fraction(11, 2), Fraction(31, 4)),  # b's mean 10, a's mean 5.5
        RollUp.LAST: (7, 17),  # latest of a, plus latest of b
        RollUp.MIN: (2, 2),
        RollUp.MAX: (8, 10),
        RollUp.COUNT: (4, 5),
    }
    for rule, (unit_a, province) in expected.items():
        result = roll_up(tree, reversed(seen), _indicator("x", rule), period=YEAR)
        assert (result["a"], result["t"]) == (unit_a, province), rule


def test_period_filter_and_other_indicators_are_skipped():
    tree = _hong_linh()
    seen = [
        _seen("x", "bh-1", 10),
        _seen("x", "bh-1", 99, Period.year(2020)),  # another year
        _seen("x", "bh-2", 5, Period.quarter(2021, 2)),  # within 2021
        _seen("x", "nam-hong", 7, Period.years(2021, 2025)),  # not within 2021
        _seen("y", "nam-hong", 1000),  # another indicator
    ]
    result = roll_up(tree, seen, _indicator("x", RollUp.SUM), period=YEAR, expected="leaves")
    assert result["hl"] == 15
    assert result.missing == ("nam-hong", "dau-lieu")
    assert result.period == YEAR
    everything = roll_up(tree, seen[:2], _indicator("x", RollUp.SUM))  # no period: all
    assert everything["hl"] == 109


def test_overlapping_observations_of_one_unit_are_refused():
    tree = _hong_linh()
    seen = [_seen("x", "bh-1", 10), _seen("x", "bh-1", 3, Period.quarter(2021, 1))]
    with pytest.raises(InvalidValueError, match="overlapping observations"):
        roll_up(tree, seen, _indicator("x", RollUp.SUM))
    twice = [_seen("x", "bh-1", 10), _seen("x", "bh-1", 10)]
    with pytest.raises(InvalidValueError, match="overlapping"):
        roll_up(tree, twice, _indicator("x", RollUp.LAST))


def test_parent_data_is_its_own_contribution():
    tree = _hong_linh()
    seen = [_seen("x", "hl", 100), _seen("x", "bh-1", 1)]
    result = roll_up(tree, seen, _indicator("x", RollUp.SUM))
    assert result["hl"] == 101
    assert result["bac-hong"] == 1


def test_expected_units():
    tree = _hong_linh()
    seen = [_seen("x", "bh-1", 1), _seen("x", "nam-hong", 2)]
    x = _indicator("x", RollUp.SUM)
    by_level = roll_up(tree, seen, x, expected=Level.COMMUNE)
    assert by_level.missing == ("bac-hong", "dau-lieu")
    assert str(by_level.coverage("hl")) == "1/3"
    by_ids = roll_up(tree, seen, x, expected=["nam-hong", "bh-1"])
    assert by_ids.missing == ()
    assert by_ids.coverage("hl").all_met
    assert roll_up(tree, seen, x, expected=[]).coverage("hl") == MetCount(0, 0)
    with pytest.raises(UnknownUnitError):
        roll_up(tree, seen, x, expected=["nowhere"])
    with pytest.raises(InvalidTypeError):
        roll_up(tree, seen, x, expected="bh-1")


def test_bad_arguments():
    tree = _hong_linh()
    x = _indicator("x", RollUp.SUM)
    with pytest.raises(UnknownUnitError):
        roll_up(tree, [_seen("x", "elsewhere", 1)], x)
    roll_up(tree, [_seen("y", "elsewhere", 1)], x)  # other indicators are not looked at
    with pytest.raises(InvalidTypeError):
        roll_up(tree, [(1, 2)], x)  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        roll_up(tree, 5, x)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        roll_up([], [], x)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        roll_up(tree, [], "x")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        roll_up(tree, [], x, period=2021)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="two indicators"):
        roll_up_many(tree, [], [x, x])
    result = roll_up(tree, [], x)
    with pytest.raises(UnknownUnitError):
        result.values["nowhere"]
    with pytest.raises(UnknownUnitError):
        result.coverage("nowhere")
    assert "nowhere" not in result.values
    assert 5 not in result.values
    assert len(result.values) == len(tree)


def test_roll_up_many_matches_roll_up():
    tree = _hong_linh()
    seen = [_seen(code, "bh-1", n) for n, code in enumerate("abc", start=1)]
    seen += [_seen(code, "dau-lieu", 10 * n) for n, code in enumerate("abc", start=1)]
    indicators = [_indicator(code, rule) for code, rule in zip("abc", RollUp, strict=False)]
    many = roll_up_many(tree, iter(seen), indicators)
    assert list(many) == ["a", "b", "c"]
    for indicator in indicators:
        alone = roll_up(tree, seen, indicator)
        assert dict(alone.values) == dict(many[indicator.code].values)
        assert alone.missing == many[indicator.code].missing


# ------------------------------------------------------------------------ rates

RECOGNISED = Indicator(
    code="recognised", name="Được công nhận", unit="mô hình", roll_up=RollUp.SUM
)
REGISTERED = Indicator(code="registered", name="Đăng ký", unit="mô hình", roll_up=RollUp.SUM)
SHARE = Indicator(
    code="share",
    name="Tỷ lệ công nhận",
    unit="%",
    numerator="recognised",
    denominator="registered",
)
PARTS = [RECOGNISED, REGISTERED]


def test_a_rate_is_the_sum_of_parts_over_the_sum_of_wholes():
    tree = _hong_linh()
    seen = [
        _seen("recognised", "bh-1", 1),
        _seen("registered", "bh-1", 10),
        _seen("recognised", "bh-2", 9),
        _seen("registered", "bh-2", 10),
        _seen("recognised", "nam-hong", 60),
        _seen("registered", "nam-hong", 76),
    ]
    result = roll_up(tree, seen, SHARE, definitions=PARTS)
    # 70 of 96, not the mean of 10%, 90% and 78.9%
    assert result["hl"] == Fraction(70, 96)
    assert result["bac-hong"] == Fraction(10, 20)
    assert result["bh-1"] == Fraction(1, 10)
    assert result["dau-lieu"] is None
    assert result.missing == ("dau-lieu",)
    assert result.unpaired == ()
    assert result.undefined == ()
    assert SHARE.unit == "%"


def test_a_rate_needs_both_parts_from_a_unit():
    tree = _hong_linh()
    seen = [
        _seen("recognised", "bh-1", 5),
        _seen("registered", "bh-1", 10),
        _seen("recognised", "bh-2", 7),  # no whole: left out, reported
        _seen("registered", "dau-lieu", 3),  # no part: left out, reported
        _seen("recognised", "nam-hong", 0),
        _seen("registered", "nam-hong", 0),  # both zero: undefined
    ]
    result = roll_up(tree, seen, SHARE, definitions=PARTS)
    assert result["hl"] == Fraction(1, 2)
    assert result.unpaired == ("bh-2", "dau-lieu")
    assert result.missing == ("bh-2", "dau-lieu")
    assert result["nam-hong"] is None
    assert result.undefined == ("nam-hong",)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_rate_indicator_validation():
    with pytest.raises(InvalidValueError, match="add up over units"):
        RateIndicator(
            code="r", name="r", numerator=_indicator("a", RollUp.MEAN), denominator=REGISTERED
        )
    with pytest.raises(InvalidValueError, match="three different codes"):
        RateIndicator(code="r", name="r", numerator=REGISTERED, denominator=REGISTERED)
    with pytest.raises(InvalidValueError, match="three different codes"):
        RateIndicator(code="registered", name="r", numerator=REGISTERED, denominator=RECOGNISED)
    with pytest.raises(InvalidTypeError):
        RateIndicator(code="r", name="r", numerator="a", denominator=REGISTERED)  # type: ignore[arg-type]


# ---------------------------------------------------------- roll-ups: properties


def _combine(rule: RollUp, values: list[Fraction]) -> Fraction:
    """One unit's own value over its periods, the obvious way."""
    if rule is RollUp.SUM:
        return sum(values, Fraction(0))
    if rule is RollUp.MEAN:
        return sum(values, Fraction(0)) / len(values)
    if rule is RollUp.LAST:
        return values[-1]  # the observations are given in date order
    if rule is RollUp.MIN:
        return min(values)
    if rule is RollUp.MAX:
        return max(values)
    return Fraction(len(values))


def _oracle(tree: UnitTree, seen: list[Observation], rule: RollUp) -> dict[str, Fraction | None]:
    """The slow, obvious roll-up: every unit looks at its whole subtree again."""
    own: dict[str, list[Fraction]] = {}
    for observation in seen:
        own.setdefault(observation.unit_id, []).append(Fraction(observation.actual))

    def figure(unit_id: str) -> Fraction | None:
        below = [unit_id] + [unit.id for unit in tree.descendants(unit_id)]
        mine = [_combine(rule, own[u]) for u in below if u in own]
        if not mine:
            return None
        if rule is RollUp.MEAN:
            return sum(mine, Fraction(0)) / len(mine)
        if rule is RollUp.MIN:
            return min(mine)
        if rule is RollUp.MAX:
            return max(mine)
        return sum(mine, Fraction(0))

    return {unit.id: figure(unit.id) for unit in tree.walk()}


@st.composite
def trees_with_data(draw: st.DrawFn, rate: bool = False):
    """A random tree and observations on some of its units, one to three quarters each."""
    tree = UnitTree(draw(unit_trees(max_units=10)))
    seen: list[Observation] = []
    for unit in tree:
        quarters = draw(st.integers(0, 3))
        for quarter in range(1, quarters + 1):
            period = Period.quarter(2021, quarter)
            if rate:
                whole = draw(st.integers(1, 1000))
                part = draw(st.integers(0, whole))
                seen.append(_seen("part", unit.id, part, period))
                seen.append(_seen("whole", unit.id, whole, period))
            else:
                seen.append(_seen("x", unit.id, draw(exact), period))
    return tree, seen


@settings(max_examples=100, deadline=None)
@given(trees_with_data(), st.sampled_from(RollUp))
def test_the_fast_roll_up_agrees_with_the_oracle(data, rule):
    tree, seen = data
    result = roll_up(tree, reversed(seen), _indicator("x", rule), period=YEAR, expected="leaves")
    assert dict(result.values) == _oracle(tree, seen, rule)
    has_data = {observation.unit_id for observation in seen}
    leaves = [unit.id for unit in tree if not tree.children(unit.id)]
    assert result.missing == tuple(u for u in leaves if u not in has_data)


@settings(max_examples=50, deadline=None)
@given(trees_with_data())
def test_a_sum_rolls_up_to_the_sum_of_the_data_below(data):
    tree, seen = data
    result = roll_up(tree, seen, _indicator("x", RollUp.SUM))
    for root in tree.roots:
        below = {root.id} | {unit.id for unit in tree.descendants(root.id)}
        values = [Fraction(o.actual) for o in seen if o.unit_id in below]
        assert result[root.id] == (sum(values, Fraction(0)) if values else None)


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_leaf_data_sums_to_the_sum_of_the_leaves(data):
    tree = UnitTree(data.draw(unit_trees(max_units=10)))
    leaves = [unit.id for unit in tree if not tree.children(unit.id)]
    values = {leaf: data.draw(exact) for leaf in leaves}
    result = roll_up(
        tree, [_seen("x", u, v) for u, v in values.items()], _indicator("x", RollUp.SUM)
    )
    for root in tree.roots:
        under = [leaf for leaf in leaves if leaf == root.id or root in tree.ancestors(leaf)]
        assert result[root.id] == sum(Fraction(values[leaf]) for leaf in under)
    assert result.missing == ()


PART = Indicator(code="part", name="part", unit="x", roll_up=RollUp.SUM)
WHOLE = Indicator(code="whole", name="whole", unit="x", roll_up=RollUp.SUM)
RATE = Indicator(code="rate", name="rate", unit="%", numerator="part", denominator="whole")


@settings(max_examples=80, deadline=None)
@given(trees_with_data(rate=True))
def test_a_rolled_up_rate_lies_between_the_rates_below(data):
    tree, seen = data
    result = roll_up(tree, seen, RATE, definitions=[PART, WHOLE])
    has_data = {observation.unit_id for observation in seen}
    for unit in tree:
        value = result[unit.id]
        # The rates it combines: its own data and each child's rolled-up rate.
        combined = [result[child.id] for child in tree.children(unit.id)]
        if unit.id in has_data:
            own = [o for o in seen if o.unit_id == unit.id]
            parts = sum(o.actual for o in own if o.indicator == "part")
            wholes = sum(o.actual for o in own if o.indicator == "whole")
            combined.append(Fraction(parts, wholes))
        rates = [r for r in combined if r is not None]
        if not rates:
            assert value is None
        else:
            assert min(rates) <= value <= max(rates)
        # and it is the ratio of the sums, not a mean of rates
        below = {unit.id} | {u.id for u in tree.descendants(unit.id)}
        parts = sum(o.actual for o in seen if o.unit_id in below and o.indicator == "part")
        wholes = sum(o.actual for o in seen if o.unit_id in below and o.indicator == "whole")
        assert value == (Fraction(parts, wholes) if wholes else None)


def test_the_layout_of_a_tree_is_reused_and_trees_are_told_apart():
    first, second = _hong_linh(), UnitTree([_unit("hl", level=Level.DISTRICT)])
    x = _indicator("x", RollUp.SUM)
    for _ in range(3):
        for tree in (first, second, UnitTree([_unit("other")]), first):
            result = roll_up(tree, [], x)
            assert list(result.values) == [unit.id for unit in tree.walk()]


# -------------------------------------------------------------- model statistics


def _model(
    n: int,
    *,
    field: ModelField = ModelField.ECONOMY,
    holder: ModelHolder = ModelHolder.COLLECTIVE,
    level: ModelLevel = ModelLevel.COMMUNE,
    registered: date = date(2020, 3, 1),
    events: Iterable[tuple[ModelEventKind, date]] = (),
) -> MobilizationModel:
    model = MobilizationModel.register(
        id=f"m{n}",
        name=f"Mô hình {n}",
        field=field,
        holder=holder,
        unit_id="hl",
        level=level,
        date=registered,
    )
    for kind, day in events:
        model = model.record(kind, day)
    return model


K = ModelEventKind


def test_model_statistics_for_a_year():
    models = [
        _model(1, events=[(K.RECOGNISED, date(2020, 11, 1)), (K.COMMENDED, date(2021, 1, 5))]),
        _model(
            2,
            field=ModelField.NEW_RURAL_AREAS,
            holder=ModelHolder.INDIVIDUAL,
            registered=date(2021, 2, 1),
            events=[(K.RECOGNISED, date(2021, 11, 1)), (K.RECOGNISED, date(2021, 12, 1))],
        ),
        _model(
            3,
            field=ModelField.POVERTY_REDUCTION,
            level=ModelLevel.DISTRICT,
            events=[
                (K.EVALUATED, date(2021, 6, 1)),
                (K.MARKED_FOR_CONSOLIDATION, date(2021, 6, 2)),
            ],
        ),
        _model(4, registered=date(2022, 1, 1)),  # after the year: left out
    ]
    stats = model_statistics(models, YEAR)
    assert stats.total == 3
    assert stats.by_holder == {ModelHolder.COLLECTIVE: 2, ModelHolder.INDIVIDUAL: 1}
    assert stats.by_field[ModelField.NEW_RURAL_AREAS] == 1
    assert stats.by_field[ModelField.CULTURE_SOCIETY] == 0
    assert stats.by_main_field == {
        ModelField.ECONOMY: 1,
        ModelField.CULTURE_SOCIETY: 2,
        ModelField.DEFENCE_SECURITY: 0,
        ModelField.POLITICAL_SYSTEM: 0,
    }
    assert stats.by_level[ModelLevel.DISTRICT] == 1
    assert stats.by_status[ModelStatus.COMMENDED] == 1
    assert stats.by_status[ModelStatus.RECOGNISED] == 1
    assert stats.by_status[ModelStatus.EVALUATED] == 1
    assert stats.needing_consolidation == 1
    # Flow in 2021: model 2 registered; model 2 recognised (twice, counted once).
    assert (stats.registered, stats.recognised, stats.commended, stats.replicated) == (1, 1, 1, 0)
    before = model_statistics(models, Period.year(2020))
    assert (before.total, before.recognised, before.registered) == (2, 1, 2)
    assert before.by_status[ModelStatus.RECOGNISED] == 1  # model 1 as of 31/12/2020
    assert year_over_year(models, YEAR) == 0
    assert year_over_year(models, YEAR, measure="total") == Fraction(1, 2)
    with pytest.raises(UndefinedIndicatorError):
        year_over_year(models, YEAR, measure="replicated")


def test_seventy_models_up_seventeen_percent():
    # "công nhận và biểu dương 70 mô hình …, tăng 17% so với năm 2020": 60 in 2020.
    models = [
        _model(n, events=[(K.RECOGNISED, date(2020 if n < 60 else 2021, 11, 20))])
        for n in range(130)
    ]
    assert model_statistics(models, YEAR).recognised == 70
    assert year_over_year(models, YEAR) == Fraction(1, 6)


def test_model_statistics_refuses_bad_input():
    with pytest.raises(InvalidValueError, match="given twice"):
        model_statistics([_model(1), _model(1)], YEAR)
    with pytest.raises(InvalidTypeError):
        model_statistics([_model(1)], 2021)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        model_statistics(["m1"], YEAR)  # type: ignore[list-item]
    stats = model_statistics([], YEAR)
    with pytest.raises(InvalidValueError):
        stats.count("everything")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hash(stats)
    with pytest.raises(TypeError):
        stats.by_holder[ModelHolder.COLLECTIVE] = 5  # type: ignore[index]
    with pytest.raises(InvalidValueError):
        ModelStatistics(
            period=YEAR,
            total=0,
            by_field={},
            by_main_field={ModelField.NEW_RURAL_AREAS: 1},  # not a main field
            by_holder={},
            by_level={},
            by_status={},
            needing_consolidation=0,
            registered=0,
            recognised=0,
            commended=0,
            replicated=0,
        )


@settings(max_examples=30, deadline=None)
@given(
    st.lists(mobilization_models(max_events=5), max_size=6, unique_by=lambda m: m.id),
    st.integers(2009, 2035),
)
def test_model_statistics_invariants(models, year):
    period = Period.year(year)
    stats = model_statistics(models, period)
    alive = [m for m in models if m.registered_on <= period.end]
    assert stats.total == len(alive)
    for mapping in (
        stats.by_field,
        stats.by_main_field,
        stats.by_holder,
        stats.by_level,
        stats.by_status,
    ):
        assert sum(mapping.values()) == stats.total
    assert stats.by_status == {
        status: sum(1 for m in alive if m.status_on(period.end) is status)
        for status in ModelStatus
    }
    for measure in ("registered", "recognised", "commended", "replicated"):
        assert stats.count(measure) <= stats.total
    assert stats.registered == sum(1 for m in alive if m.registered_on >= period.start)
    assert model_statistics(reversed(models), period) == stats


# --------------------------------------------------------- regressions found in review


def test_a_decimal_with_a_huge_exponent_is_refused_not_expanded() -> None:
    from danvan import InvalidValueError
    from danvan.indicators import rate

    with pytest.raises(InvalidValueError):
        rate(Decimal("1e999999999"), 1)


def test_collections_of_the_wrong_type_are_our_type_errors() -> None:
    from danvan import (
        InvalidTypeError,
        Period,
        UnitTree,
        model_statistics,
        roll_up_many,
        summarize_criteria,
        year_over_year,
    )
    from danvan.indicators import count_met

    calls = [
        lambda: roll_up_many(UnitTree([]), [], None),
        lambda: count_met(None),
        lambda: count_met(5),
        lambda: model_statistics(None, Period.year(2021)),
        lambda: year_over_year(None, Period.year(2021)),
        lambda: summarize_criteria(None),
    ]
    for call in calls:
        with pytest.raises(InvalidTypeError):
            call()


# ------------------------------------------------- who is expected to report (issue 14)


def test_by_default_the_units_like_those_that_reported_are_expected() -> None:
    """On a tree of every organisation of a district and its communes (as
    political_units builds them), where the communes' Party committees reported, the
    expected units are the communes' Party committees: 3/3, not the 13 leaves of the
    tree (issue 14: "0/58 although all 17 communes reported")."""
    kinds = (
        UnitKind.PARTY_COMMITTEE,
        UnitKind.PEOPLES_COMMITTEE,
        UnitKind.PEOPLES_COUNCIL,
        UnitKind.FATHERLAND_FRONT,
    )
    units = [_unit("huyen", level=Level.DISTRICT)]
    units.append(
        Unit(
            id="huyen-ubnd",
            name="UBND",
            kind=UnitKind.PEOPLES_COMMITTEE,
            level=Level.DISTRICT,
            parent="huyen",
        )
    )
    for n in (1, 2, 3):
        units.append(_unit(f"xa-{n}", "huyen"))  # the commune's Party committee
        units += [
            Unit(
                id=f"xa-{n}-{kind.value}",
                name=kind.value,
                kind=kind,
                level=Level.COMMUNE,
                parent=f"xa-{n}",
            )
            for kind in kinds[1:]
        ]
    tree = UnitTree(units)
    seen = [_seen("x", f"xa-{n}", 1) for n in (1, 2, 3)]
    result = roll_up(tree, seen, _indicator("x", RollUp.SUM), period=YEAR)
    assert str(result.coverage("huyen")) == "3/3"
    assert result.missing == ()
    leaves = roll_up(tree, seen, _indicator("x", RollUp.SUM), period=YEAR, expected="leaves")
    assert str(leaves.coverage("huyen")) == "0/10"
    some = roll_up(tree, seen[1:], _indicator("x", RollUp.SUM), period=YEAR)
    assert some.missing == ("xa-1",)


def test_a_unit_whose_units_below_reported_is_not_missing() -> None:
    """Default: hamlets and wards reported, so hamlets and wards are expected; a ward
    whose hamlets reported is covered, a ward with nothing is missing."""
    tree = _hong_linh()
    seen = [_seen("x", "bh-1", 10), _seen("x", "bh-2", 20), _seen("x", "nam-hong", 30)]
    result = roll_up(tree, seen, _indicator("x", RollUp.SUM))
    assert result.missing == ("dau-lieu",)
    assert str(result.coverage("hl")) == "4/5"


def test_units_not_alive_in_the_period_are_not_expected() -> None:
    """A ward dissolved before the period is not expected to report in it."""
    from datetime import date

    tree = UnitTree(
        [
            _unit("hl", level=Level.DISTRICT),
            _unit("a", "hl"),
            Unit(
                id="b",
                name="b",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.COMMUNE,
                parent="hl",
                dissolved=date(2020, 7, 1),
            ),
        ]
    )
    result = roll_up(tree, [_seen("x", "a", 1)], _indicator("x", RollUp.SUM), period=YEAR)
    assert result.missing == ()


# ------------------------------------------- what each error says (found by mutation)
ARITHMETIC_ERRORS: list[tuple[Callable[[], object], type, str]] = [
    (
        lambda: rate("1", 2),
        InvalidTypeError,  # type: ignore[arg-type]
        "part must be an int, Decimal or Fraction, not str: '1'",
    ),
    (
        lambda: rate(1, "2"),
        InvalidTypeError,  # type: ignore[arg-type]
        "whole must be an int, Decimal or Fraction, not str: '2'",
    ),
    (
        lambda: attainment("1", 2),
        InvalidTypeError,  # type: ignore[arg-type]
        "actual must be an int, Decimal or Fraction, not str: '1'",
    ),
    (
        lambda: attainment(1, "2"),
        InvalidTypeError,  # type: ignore[arg-type]
        "plan must be an int, Decimal or Fraction, not str: '2'",
    ),
    (
        lambda: change("1", 2),
        InvalidTypeError,  # type: ignore[arg-type]
        "current must be an int, Decimal or Fraction, not str: '1'",
    ),
    (
        lambda: change(1, "2"),
        InvalidTypeError,  # type: ignore[arg-type]
        "previous must be an int, Decimal or Fraction, not str: '2'",
    ),
    (
        lambda: difference("1", 2),
        InvalidTypeError,  # type: ignore[arg-type]
        "current must be an int, Decimal or Fraction, not str: '1'",
    ),
    (
        lambda: difference(1, "2"),
        InvalidTypeError,  # type: ignore[arg-type]
        "previous must be an int, Decimal or Fraction, not str: '2'",
    ),
    (
        lambda: point_change("1", 2),
        InvalidTypeError,  # type: ignore[arg-type]
        "rate_now must be an int, Decimal or Fraction, not str: '1'",
    ),
    (
        lambda: point_change(1, "2"),
        InvalidTypeError,  # type: ignore[arg-type]
        "rate_before must be an int, Decimal or Fraction, not str: '2'",
    ),
    (lambda: mean("12"), InvalidTypeError, "values must be an iterable of numbers, not '12'"),  # type: ignore[arg-type]
    (
        lambda: mean([1, "2"]),
        InvalidTypeError,  # type: ignore[list-item]
        "value must be an int, Decimal or Fraction, not str: '2'",
    ),
    (lambda: mean([]), UndefinedIndicatorError, "mean is undefined: there are no values"),
    (
        lambda: meets(1, 2, higher_is_better=1),
        InvalidTypeError,  # type: ignore[arg-type]
        "higher_is_better must be a bool, not 1",
    ),
    (
        lambda: meets(1, 2, bound="x"),
        InvalidTypeError,  # type: ignore[arg-type]
        "bound must be a Bound or None, not 'x'",
    ),
    (
        lambda: meets("1", 2),
        InvalidTypeError,  # type: ignore[arg-type]
        "actual must be an int, Decimal or Fraction, not str: '1'",
    ),
    (
        lambda: meets(1, "2"),
        InvalidTypeError,  # type: ignore[arg-type]
        "target must be an int, Decimal or Fraction, not str: '2'",
    ),
    (
        lambda: rate(Decimal("NaN"), 2),
        InvalidValueError,
        "part must be a finite number, not Decimal('NaN')",
    ),
    (
        lambda: rate(Decimal("1E+4300"), 2),
        InvalidValueError,
        "part has more than 4300 digits: Decimal('1E+4300')",
    ),
    (
        lambda: rate(Decimal("1E-4301"), 2),
        InvalidValueError,
        "part has more than 4300 digits: Decimal('1E-4301')",
    ),
    (lambda: count_met(5), InvalidTypeError, "results must be an iterable of items, not int: 5"),  # type: ignore[arg-type]
    (
        lambda: count_met([], indicators=5),
        InvalidTypeError,  # type: ignore[arg-type]
        "indicators must be an iterable of items, not int: 5",
    ),
    (
        lambda: count_met([], indicators=[5]),
        InvalidTypeError,  # type: ignore[list-item]
        "indicators must be Indicators, not 5",
    ),
    (
        lambda: count_met([], higher_is_better=1),
        InvalidTypeError,  # type: ignore[arg-type]
        "higher_is_better must be a bool, not 1",
    ),
    (
        lambda: count_met([(1, 2, 3)]),
        InvalidTypeError,  # type: ignore[list-item]
        "a result is an (actual, target) pair or an Observation, not (1, 2, 3)",
    ),
    (
        lambda: count_met(
            [Observation(indicator="poor", unit_id="hl", period=Period.year(2021), actual=95)]
        ),
        InvalidValueError,
        "the observation of 'poor' for 'hl', năm 2021, has no target",
    ),
    (lambda: MetCount(3, 2), InvalidValueError, "met (3) cannot exceed total (2)"),
]


@pytest.mark.parametrize(("call", "error", "message"), ARITHMETIC_ERRORS)
def test_errors_name_the_argument(call: Callable[[], object], error: type, message: str) -> None:
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    assert str(info.value) == message


def test_the_extreme_decimals_still_allowed() -> None:
    assert rate(Decimal("1E+4299"), 2) == Fraction(10**4299, 2)
    assert rate(Decimal("1E-4300"), 1) == Fraction(1, 10**4300)


_SHIFTS = [Fraction(n, 2) for n in range(-4, 5)]


@given(
    actual=st.integers(-5, 5),
    target=st.integers(-5, 5),
    bound=st.sampled_from(list(Bound)),
    higher=st.booleans(),
)
def test_a_bound_meets_only_when_every_value_it_admits_does(
    actual: int, target: int, bound: Bound, higher: bool
) -> None:
    # The rule of meets(): with a bound ("trên 90%") the target is met only when every
    # value the bound admits meets it. Checked against Bound.admits on values around the
    # figure and the target, in steps of a half (enough to find a value that fails).
    candidates = {actual + d for d in _SHIFTS} | {target + d for d in _SHIFTS}
    admitted = [v for v in candidates if bound.admits(v, actual)]
    expected = all(meets(v, target, higher_is_better=higher) for v in admitted)
    assert meets(actual, target, higher_is_better=higher, bound=bound) == expected


def test_count_met_takes_each_observations_direction_and_bound() -> None:
    poor = Indicator(
        code="poor", name="Hộ nghèo", unit="hộ", roll_up=RollUp.LAST, higher_is_better=False
    )
    year = Period.year(2021)
    left = Observation(indicator="poor", unit_id="hl", period=year, actual=95, target=100)
    under = Observation(
        indicator="poor",
        unit_id="hl",
        period=year,
        actual=100,
        target=100,
        bound=Bound.LESS_THAN,
    )
    about = Observation(
        indicator="poor", unit_id="hl", period=year, actual=100, target=100, bound=Bound.ABOUT
    )
    assert str(count_met([left, (70, 96), (96, 96)], indicators=[poor])) == "2/3"
    assert str(count_met([under, about], indicators=[poor])) == "1/2"
    # Without the indicator, an observation takes higher_is_better.
    assert str(count_met([left])) == "0/1"
    assert str(count_met([left], higher_is_better=False)) == "1/1"


def test_rate_indicator_parts() -> None:
    people = Indicator(code="population", name="Dân số", unit="người", roll_up=RollUp.LAST)
    insured = Indicator(code="bhyt.people", name="Người có BHYT", unit="người", roll_up=RollUp.SUM)
    ratio = Indicator(
        code="r", name="R", unit="%", numerator="bhyt.people", denominator="population"
    )
    with pytest.warns(DeprecationWarning, match="RateIndicator is deprecated"):
        coverage = RateIndicator(
            code="x",
            name="X",
            numerator=insured,
            denominator=people,
            higher_is_better=False,
            description="d",
        )
    assert coverage.as_indicator() == Indicator(
        code="x",
        name="X",
        unit="%",
        higher_is_better=False,
        description="d",
        numerator="bhyt.people",
        denominator="population",
    )
    for numerator, denominator, error, message in [
        (
            ratio,
            people,
            InvalidValueError,
            "the numerator of a rate must add up over units (roll_up sum or last),"
            " not a ratio: 'r'",
        ),
        (
            people,
            people,
            InvalidValueError,
            "a rate, its numerator and its denominator need three different codes,"
            " not 'x', 'population' and 'population'",
        ),
        (5, people, InvalidTypeError, "numerator must be a Indicator, not int: 5"),
    ]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            with pytest.raises(error) as info:  # type: ignore[var-annotated]
                RateIndicator(code="x", name="X", numerator=numerator, denominator=denominator)
        assert str(info.value) == message


def test_to_dict_of_a_ratio_with_every_kind_of_gap() -> None:
    # bh-1 reports 1 of 3; bh-2 reports 0 of 0 (undefined); nam-hong only the numerator
    # (unpaired, so missing too); dau-lieu nothing. Exact values travel as "n/d".
    share = Indicator(code="share", name="Tỷ lệ", unit="%", numerator="n", denominator="d")
    seen = [
        _seen("n", "bh-1", 1),
        _seen("d", "bh-1", 3),
        _seen("n", "bh-2", 0),
        _seen("d", "bh-2", 0),
        _seen("n", "nam-hong", 2),
    ]
    result = roll_up(
        _hong_linh(),
        seen,
        share,
        expected="leaves",
        period=YEAR,
        definitions=[_indicator("n", RollUp.SUM), _indicator("d", RollUp.SUM)],
    )
    data = result.to_dict()
    assert data == {
        "indicator": "share",
        "period": {"start": "2021-01-01", "end": "2021-12-31", "kind": "year"},
        "values": {
            "hl": "1/3",
            "bac-hong": "1/3",
            "bh-1": "1/3",
            "bh-2": None,
            "nam-hong": None,
            "dau-lieu": None,
        },
        "missing": ["nam-hong", "dau-lieu"],
        "unpaired": ["nam-hong"],
        "undefined": ["bh-2"],
    }
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("unpaired", [False, True])
@pytest.mark.parametrize("part", ["n", "d"])
def test_a_ratio_of_distinct_counts_does_not_add_up_over_periods(
    part: str, unpaired: bool
) -> None:
    # People counted once each (Counting.DISTINCT) cannot be summed over two quarters:
    # the same person may be in both. That holds for either part of a ratio.
    share = Indicator(code="share", name="Tỷ lệ", unit="%", numerator="n", denominator="d")
    parts = [
        Indicator(
            code=code, name=code, unit="người", roll_up=RollUp.SUM, counting=Counting.DISTINCT
        )
        for code in ("n", "d")
    ]
    other = "d" if part == "n" else "n"
    seen = [
        _seen(part, "bh-1", 1, Period.quarter(2021, 1)),
        _seen(part, "bh-1", 2, Period.quarter(2021, 2)),
        _seen(other, "bh-1", 3),
    ]
    if unpaired:  # a unit with one part only: the roll-up leaves it out (unpaired)
        seen.append(_seen(part, "nam-hong", 4))
    with pytest.raises(InvalidValueError) as info:
        roll_up(_hong_linh(), seen, share, period=YEAR, definitions=parts)
    assert str(info.value) == (
        f"{part!r} counts distinct people or things, which do not add up over periods:"
        " unit 'bh-1' has 2 figures in the period"
    )


@pytest.mark.parametrize("bound", list(Bound))
@pytest.mark.parametrize("higher", [True, False])
def test_a_bound_at_the_target_itself(bound: Bound, higher: bool) -> None:
    # The edge of meets(): the figure equals the target. "trên 100%" meets 100%, "gần
    # 100%" does not, "khoảng 100%" never does; the same oracle as the property above.
    candidates = {Fraction(100) + d for d in _SHIFTS}
    admitted = [v for v in candidates if bound.admits(v, 100)]
    expected = all(meets(v, 100, higher_is_better=higher) for v in admitted)
    assert meets(100, 100, higher_is_better=higher, bound=bound) == expected


def test_distinct_counts_do_not_add_up_over_periods_but_the_last_one_stands() -> None:
    def counted(rule: RollUp) -> Indicator:
        return Indicator(
            code="p", name="Người", unit="người", roll_up=rule, counting=Counting.DISTINCT
        )

    seen = [
        _seen("p", "bh-1", 1, Period.quarter(2021, 1)),
        _seen("p", "bh-1", 2, Period.quarter(2021, 2)),
    ]
    with pytest.raises(InvalidValueError, match="counts distinct people or things"):
        roll_up(_hong_linh(), seen, counted(RollUp.SUM), period=YEAR)
    assert roll_up(_hong_linh(), seen, counted(RollUp.LAST), period=YEAR)["hl"] == 2


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: roll_up(5, [], _indicator("x", RollUp.SUM)),
            InvalidTypeError,  # type: ignore[arg-type]
            "expected a UnitTree, not int: 5",
        ),
        (
            lambda: roll_up(_hong_linh(), "abc", _indicator("x", RollUp.SUM)),
            InvalidTypeError,  # type: ignore[arg-type]
            "observations must be an iterable of items, not str: 'abc'",
        ),
        (
            lambda: roll_up(_hong_linh(), [5], _indicator("x", RollUp.SUM)),
            InvalidTypeError,  # type: ignore[list-item]
            "observations must be Observations, not 5",
        ),
        (
            lambda: roll_up(_hong_linh(), [_seen("x", "zz", 1)], _indicator("x", RollUp.SUM)),
            UnknownUnitError,
            "no unit with id 'zz'",
        ),
        (
            lambda: roll_up_many(_hong_linh(), [], 5),
            InvalidTypeError,  # type: ignore[arg-type]
            "indicators must be an iterable of items, not int: 5",
        ),
        (
            lambda: roll_up(_hong_linh(), [], _indicator("x", RollUp.SUM), definitions=5),  # type: ignore[arg-type]
            InvalidTypeError,
            "definitions must be an iterable of items, not int: 5",
        ),
    ],
)
def test_roll_up_errors_name_the_argument(
    call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message
