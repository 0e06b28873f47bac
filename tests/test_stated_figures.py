"""Stated figures (issue 12): direction-aware sentences, bounds, ratio indicators and the
report's sentences, as tables of expected sentences, and properties of the arithmetic
behind them (meets, count_met, ratio roll-ups, the plain data of results).

Each row names its source: a report of the corpus (the example datasets), a quotation
collected in research12.md ("R12 §n"), or the rule in the docstring of the function.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    REORGANIZED,
    Bound,
    Counting,
    Dataset,
    Indicator,
    InvalidValueError,
    Level,
    Observation,
    Period,
    RelativePeriod,
    RollUp,
    Target,
    Unit,
    UnitKind,
    UnitTree,
    model_statistics,
)
from danvan.geography import children, places
from danvan.indicators import RateIndicator, count_met, meets, roll_up, roll_up_many
from danvan.report import Report, build_report
from danvan.sentences import describe_attainment, describe_change, describe_difference

from .strategies import mobilization_models, unit_trees
from .test_report import lines

YEAR = Period.year(2021)

# ------------------------------------------------------------- describe_attainment

#: (actual, plan, options, expected sentence, source)
ATTAINMENT = [
    # higher is better: a percent of plan
    (
        1798702098,
        1659500000,
        {},
        "đạt 108,39% kế hoạch",
        "corpus: Hòa Thành 2020 'đạt 108,39% KH'",
    ),
    (70, 96, {"decimals": 0}, "đạt 73% kế hoạch", "corpus: Hồng Lĩnh 2021 '70 mô hình, đạt 73%'"),
    (60, 60, {}, "đạt 100% kế hoạch", "R12 §2 ex.1 Bình Thuận 'đạt 100% kế hoạch năm'"),
    (
        Decimal("5.02"),
        4,
        {"decimals": 1},
        "đạt 125,5% kế hoạch",
        "R12 §2 ex.2 Lào Cai '125,5% kế hoạch'",
    ),
    (1798702098, 1659500000, {"style": "exceeded"}, "vượt 8,39% kế hoạch", "docstring: style"),
    (45, 60, {}, "đạt 75% kế hoạch", "docstring: under plan is still 'đạt …%'"),
    # higher is better with a bound: the word carries over to the percent (R12 §4 words)
    (
        Decimal("0.9"),
        Decimal("0.8"),
        {"bound": Bound.MORE_THAN},
        "đạt trên 112,5% kế hoạch",
        "docstring",
    ),
    (
        Decimal("0.9"),
        Decimal("0.8"),
        {"bound": Bound.AT_LEAST},
        "đạt ít nhất 112,5% kế hoạch",
        "docstring",
    ),
    (
        Decimal("0.9"),
        Decimal("0.8"),
        {"bound": Bound.ABOUT},
        "đạt khoảng 112,5% kế hoạch",
        "docstring",
    ),
    (
        Decimal("0.9"),
        Decimal("0.8"),
        {"bound": Bound.ALMOST},
        "đạt gần 112,5% kế hoạch",
        "docstring",
    ),
    (
        Decimal("0.9"),
        Decimal("0.8"),
        {"bound": Bound.LESS_THAN},
        "đạt dưới 112,5% kế hoạch",
        "docstring",
    ),
    (
        Decimal("0.9"),
        Decimal("0.8"),
        {"bound": Bound.AT_MOST},
        "đạt tối đa 112,5% kế hoạch",
        "docstring",
    ),
    # lower is better: a ceiling, a verdict and no percent (R12 §2 summary, issue 12)
    (
        23,
        60,
        {"higher_is_better": False, "unit": "hộ"},
        "đạt và vượt kế hoạch (không quá 60 hộ)",
        "issue 12; docstring",
    ),
    (
        60,
        60,
        {"higher_is_better": False, "unit": "hộ"},
        "đạt kế hoạch (không quá 60 hộ)",
        "R12 Q2: 'đạt và vượt' only if strictly better",
    ),
    (
        87,
        60,
        {"higher_is_better": False, "unit": "hộ"},
        "chưa đạt kế hoạch (không quá 60 hộ)",
        "issue 12; R12 §2 ex.5 'chưa hoàn thành'",
    ),
    (
        87,
        60,
        {"higher_is_better": False, "unit": "hộ", "plan_word": "chỉ tiêu"},
        "chưa đạt chỉ tiêu (không quá 60 hộ)",
        "R12 Q2 'chưa đạt chỉ tiêu'",
    ),
    (
        23,
        60,
        {"higher_is_better": False, "unit": "hộ", "plan_word": None},
        "đạt và vượt (không quá 60 hộ)",
        "docstring: plan_word",
    ),
    (
        23,
        60,
        {"higher_is_better": False, "unit": "hộ", "style": "exceeded"},
        "đạt và vượt kế hoạch (không quá 60 hộ)",
        "docstring: no percent to exceed",
    ),
    (
        23,
        60,
        {"higher_is_better": False},
        "đạt và vượt kế hoạch (không quá 60)",
        "docstring: no unit, the bare figure",
    ),
    (
        Decimal("0.021"),
        Decimal("0.03"),
        {"higher_is_better": False, "unit": "%"},
        "đạt và vượt kế hoạch (không quá 3%)",
        "docstring",
    ),
    (
        Decimal("0.05"),
        Decimal("0.05"),
        {"higher_is_better": False, "unit": "%"},
        "đạt kế hoạch (không quá 5%)",
        "R12 §2 'xuống dưới 5%'",
    ),
    (
        Decimal("0.0716"),
        Decimal("0.05"),
        {"higher_is_better": False, "unit": "%"},
        "chưa đạt kế hoạch (không quá 5%)",
        "R12 §2 ex.6 Chư Păh 7,16%",
    ),
    # lower is better with a bound: a verdict only when every value the bound admits
    # agrees with it; otherwise the ceiling alone (docstring)
    (
        60,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.MORE_THAN},
        "chưa đạt kế hoạch (không quá 60 hộ)",
        "docstring",
    ),
    (
        60,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.AT_LEAST},
        "kế hoạch không quá 60 hộ",
        "docstring: 60 itself meets",
    ),
    (
        61,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.AT_LEAST},
        "chưa đạt kế hoạch (không quá 60 hộ)",
        "docstring",
    ),
    (
        23,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.MORE_THAN},
        "kế hoạch không quá 60 hộ",
        "docstring: open",
    ),
    (
        23,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.ABOUT},
        "kế hoạch không quá 60 hộ",
        "docstring: open",
    ),
    (
        60,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.ALMOST},
        "đạt và vượt kế hoạch (không quá 60 hộ)",
        "docstring",
    ),
    (
        60,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.LESS_THAN},
        "đạt và vượt kế hoạch (không quá 60 hộ)",
        "docstring",
    ),
    (
        70,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.LESS_THAN},
        "kế hoạch không quá 60 hộ",
        "docstring: open",
    ),
    (
        60,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.AT_MOST},
        "đạt kế hoạch (không quá 60 hộ)",
        "docstring: may equal",
    ),
    (
        23,
        60,
        {"higher_is_better": False, "unit": "hộ", "bound": Bound.AT_MOST},
        "đạt và vượt kế hoạch (không quá 60 hộ)",
        "docstring",
    ),
]


@pytest.mark.parametrize(("actual", "plan", "options", "expected", "source"), ATTAINMENT)
def test_attainment_sentences(
    actual: Any, plan: Any, options: dict[str, Any], expected: str, source: str
) -> None:
    """Table of attainment sentences; each row names its source."""
    assert describe_attainment(actual, plan, **options) == expected


exact = st.one_of(
    st.integers(-1000, 1000),
    st.decimals(min_value=-100, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    st.fractions(min_value=-100, max_value=100, max_denominator=50),
)


def _samples(stated: Fraction, other: Fraction) -> list[Fraction]:
    """Values around *stated* and *other*: both, between them, and far either side."""
    middle = (stated + other) / 2
    around = [stated, other, middle, (stated + middle) / 2, (middle + other) / 2]
    far = [stated + delta for delta in (-(10**9), -1, Fraction(-1, 10**6), Fraction(1, 10**6), 1)]
    return around + far + [other - Fraction(1, 10**6), other + Fraction(1, 10**6), stated + 10**9]


@settings(max_examples=300, deadline=None)
@given(exact, exact.filter(bool), st.none() | st.sampled_from(Bound))
def test_lower_is_better_verdict_follows_every_admitted_value(actual, plan, bound):
    """Property (docstring of describe_attainment): where lower is better, "đạt và vượt"
    when every value the bound admits is under the ceiling, "đạt" when every one is at or
    under it, "chưa đạt" when every one is over it, else the ceiling alone. Oracle:
    values sampled around the stated figure and the plan, filtered by Bound.admits."""
    stated, ceiling = Fraction(actual), Fraction(plan)
    if bound is None:
        admitted = [stated]
    else:
        admitted = [v for v in _samples(stated, ceiling) if bound.admits(v, stated)]
    sentence = describe_attainment(actual, plan, higher_is_better=False, unit="hộ", bound=bound)
    if all(v < ceiling for v in admitted):
        assert sentence.startswith("đạt và vượt kế hoạch (")
    elif all(v <= ceiling for v in admitted):
        assert sentence.startswith("đạt kế hoạch (")
    elif all(v > ceiling for v in admitted):
        assert sentence.startswith("chưa đạt kế hoạch (")
    else:
        assert sentence.startswith("kế hoạch không quá ")


# ----------------------------------------------- describe_change / describe_difference

#: (function, args, options, expected sentence, source)
CHANGES = [
    (
        describe_change,
        (23, 60),
        {"since": "năm 2020"},
        "giảm được 61,67% so với năm 2020",
        "docstring",
    ),
    (
        describe_change,
        (23, 60),
        {"since": Period.year(2020)},
        "giảm được 61,67% so với năm 2020",
        "docstring: a Period is written",
    ),
    (
        describe_change,
        (813, 1000),
        {"since": "năm 2020", "decimals": 1},
        "giảm được 18,7% so với năm 2020",
        "R12 §3 VnExpress 'số vụ việc giảm 18,7%' + cand 'giảm được'",
    ),
    (
        describe_change,
        (70, 60),
        {"since": "năm 2020", "decimals": 0},
        "tăng 17% so với năm 2020",
        "docstring: a rise stays 'tăng'",
    ),
    (describe_change, (60, 60), {"since": "năm 2020"}, "bằng năm 2020", "docstring: 'bằng'"),
    (
        describe_change,
        (999, 1000),
        {"since": Period.year(2020), "decimals": 0},
        "tương đương năm 2020",
        "docstring: rounds to zero",
    ),
    (describe_change, (94, 100), {}, "giảm được 6%", "docstring: no 'so với' without since"),
    (
        describe_difference,
        (23, 60),
        {"unit": "hộ", "since": "năm 2020"},
        "giảm được 37 hộ so với năm 2020",
        "R12 §3 recommendation 'giảm 37 hộ so với năm 2020'",
    ),
    (
        describe_difference,
        (10689, 10552),
        {"unit": "hộ", "since": "đầu năm"},
        "tăng 137 hộ so với đầu năm",
        "R12 §3 Bình Thuận 'tăng 137 hộ so với đầu năm'",
    ),
    (
        describe_difference,
        (1734, 2134),
        {"unit": "vụ", "since": "cùng kỳ năm 2014"},
        "giảm được 400 vụ so với cùng kỳ năm 2014",
        "R12 §3 UBATGTQG 'giảm 400 vụ'",
    ),
    (
        describe_difference,
        (1, 3),
        {"unit": "hộ nghèo"},
        "giảm được 2 hộ nghèo",
        "docstring",
    ),
    (
        describe_difference,
        (Decimal("4.50"), Decimal("5.59")),
        {"since": "đầu năm"},
        "giảm được 1,09 so với đầu năm",
        "R12 §2 ex.3 Bình Phước 2013 'giảm được 1,09%'",
    ),
    (
        describe_difference,
        (8, 8),
        {"unit": "vụ", "since": "đầu năm"},
        "bằng đầu năm",
        "docstring",
    ),
]


@pytest.mark.parametrize(("function", "args", "options", "expected", "source"), CHANGES)
def test_change_sentences_where_lower_is_better(
    function: Any, args: tuple[Any, Any], options: dict[str, Any], expected: str, source: str
) -> None:
    """Table: a fall where lower is better is "giảm được", a rise stays "tăng"."""
    assert function(*args, higher_is_better=False, **options) == expected


@settings(max_examples=200, deadline=None)
@given(exact, exact.filter(bool), st.sampled_from([describe_change, describe_difference]))
def test_lower_is_better_only_adds_duoc_to_a_fall(current, previous, function):
    """Property (docstring): higher_is_better=False changes a fall "giảm …" into "giảm được
    …" and nothing else; True and None write the neutral sentence."""
    options: dict[str, Any] = {"since": "năm 2020"}
    if function is describe_difference:
        options["decimals"] = 2
    neutral = function(current, previous, **options)
    assert function(current, previous, higher_is_better=True, **options) == neutral
    lower = function(current, previous, higher_is_better=False, **options)
    if neutral.startswith("giảm "):
        assert lower == "giảm được " + neutral.removeprefix("giảm ")
    else:
        assert lower == neutral


# ------------------------------------------------------------------ report tables

UNITS = (
    Unit(id="hl", name="Thị xã Hồng Lĩnh", kind=UnitKind.PARTY_COMMITTEE, level=Level.DISTRICT),
    Unit(
        id="bac-hong",
        name="Phường Bắc Hồng",
        kind=UnitKind.PARTY_COMMITTEE,
        level=Level.COMMUNE,
        parent="hl",
    ),
    Unit(
        id="dau-lieu",
        name="Xã Đậu Liêu",
        kind=UnitKind.PARTY_COMMITTEE,
        level=Level.COMMUNE,
        parent="hl",
    ),
)
INDICATORS = (
    Indicator(
        code="poor", name="Hộ nghèo", unit="hộ", roll_up=RollUp.LAST, higher_is_better=False
    ),
    Indicator(code="households", name="Số hộ", unit="hộ", roll_up=RollUp.LAST),
    Indicator(
        code="poor.rate",
        name="Tỷ lệ hộ nghèo",
        unit="%",
        numerator="poor",
        denominator="households",
        higher_is_better=False,
    ),
    Indicator(code="fund", name="Quỹ", unit="đồng", roll_up=RollUp.SUM),
    Indicator(
        code="answered",
        name="Tỷ lệ ý kiến được giải quyết tại các buổi đối thoại",
        unit="%",
        roll_up=RollUp.LAST,
    ),
    Indicator(code="targets.met", name="Chỉ tiêu đạt", unit="chỉ tiêu", roll_up=RollUp.SUM),
    Indicator(
        code="targets.total", name="Chỉ tiêu của kế hoạch", unit="chỉ tiêu", roll_up=RollUp.SUM
    ),
    Indicator(
        code="targets.share",
        name="Chỉ tiêu đạt và vượt kế hoạch",
        unit="%",
        numerator="targets.met",
        denominator="targets.total",
    ),
    Indicator(code="models", name="Mô hình được công nhận", unit="mô hình", roll_up=RollUp.SUM),
)


def at(indicator: str, actual: Any, unit_id: str = "hl", **more: Any) -> Observation:
    """An observation of the small dataset (2021 unless a period is given)."""
    more.setdefault("period", YEAR)
    return Observation(indicator=indicator, unit_id=unit_id, actual=actual, **more)


def dataset(
    *observations: Observation, targets: Iterable[Target] = (), notes: tuple[str, ...] = ()
) -> Dataset:
    """A town ("hl") and two of its communes, with the indicators above."""
    return Dataset(
        title="Báo cáo công tác dân vận",
        source="Báo cáo thử",
        notes=notes,
        units=UNITS,
        indicators=INDICATORS,
        targets=tuple(targets),
        observations=observations,
    )


def report(*observations: Observation, targets: Iterable[Target] = ()) -> Report:
    return build_report(dataset(*observations, targets=targets))


QUARTER = Period.quarter(2021, 3)

#: (observations, expected result line, source)
REPORT_LINES = [
    (
        (at("poor", 23, target=60),),
        "Hộ nghèo: 23 hộ, đạt và vượt kế hoạch (không quá 60 hộ)",
        "issue 12",
    ),
    (
        (at("poor", 87, target=60),),
        "Hộ nghèo: 87 hộ, chưa đạt kế hoạch (không quá 60 hộ)",
        "issue 12",
    ),
    ((at("poor", 60, target=60),), "Hộ nghèo: 60 hộ, đạt kế hoạch (không quá 60 hộ)", "R12 Q2"),
    (
        (at("answered", Decimal("0.9"), bound=Bound.MORE_THAN),),
        "Tỷ lệ ý kiến được giải quyết tại các buổi đối thoại: trên 90%",
        "corpus: Hòa Thành 2020 'trên 90%'",
    ),
    (
        (at("targets.met", 19), at("targets.total", 21)),
        "Chỉ tiêu đạt và vượt kế hoạch: 19/21 chỉ tiêu (90,48%)",
        "corpus: Hồng Lĩnh 2021 '19/21 chỉ tiêu'; issue 12 '90,48%'",
    ),
    (
        (at("models", 70, stated_attainment=Decimal("1.0839")),),
        "Mô hình được công nhận: 70 mô hình, đạt 108,39% kế hoạch",
        "corpus: Hòa Thành 2020 'đạt 108,39% KH'",
    ),
    (
        (at("models", 70, stated_change=Decimal("0.17"), baseline_period=Period.year(2020)),),
        "Mô hình được công nhận: 70 mô hình, tăng 17% so với năm 2020",
        "corpus: Hồng Lĩnh 2021 'tăng 17% so với năm 2020'",
    ),
    (
        (
            at(
                "models",
                70,
                period=QUARTER,
                stated_change=Decimal("0.17"),
                baseline_period=RelativePeriod.SAME_PERIOD_LAST_YEAR,
            ),
        ),
        "Mô hình được công nhận: 70 mô hình, tăng 17% so với cùng kỳ năm trước",
        "R12 §5 'so với cùng kỳ năm trước' (periodic reports)",
    ),
    (
        (
            at(
                "models",
                70,
                stated_change=Decimal("0.17"),
                baseline_period=RelativePeriod.SAME_PERIOD_LAST_YEAR,
            ),
        ),
        "Mô hình được công nhận: 70 mô hình, tăng 17% so với năm 2020",
        "R12 §5 'so với năm <YYYY>' for full-year reports",
    ),
    (
        (at("fund", 120, baseline=100, baseline_period=RelativePeriod.START_OF_YEAR),),
        "Quỹ: 120đ, tăng 20% so với đầu năm",
        "R12 §5 'so với đầu năm'",
    ),
    (
        (at("poor", 23, baseline=60, baseline_period=RelativePeriod.START_OF_YEAR),),
        "Hộ nghèo: 23 hộ, giảm được 61,67% so với đầu năm",
        "R12 §3 cand 'giảm được … so với năm 2013'",
    ),
    (
        (at("poor", 23, stated_change=Decimal("-0.3"), baseline_period=Period.year(2020)),),
        "Hộ nghèo: 23 hộ, giảm được 30% so với năm 2020",
        "R12 §3 'giảm gần 30% so với cùng kỳ' + 'giảm được'",
    ),
    (
        (at("poor", 10689, baseline=10552, baseline_period=RelativePeriod.START_OF_YEAR),),
        "Hộ nghèo: 10.689 hộ, tăng 1,3% so với đầu năm",
        "R12 §3 Bình Thuận: a rise stays neutral 'tăng'",
    ),
    (
        (at("poor", 23, baseline=60),),
        "Hộ nghèo: 23 hộ, giảm được 61,67% so với kỳ gốc",
        "report docstring: a fall where lower is better is 'giảm được'",
    ),
    (
        (
            at("poor", 23, target=60, unit_id="bac-hong"),
            at("poor", 87, target=60, unit_id="dau-lieu"),
        ),
        "Hộ nghèo: 110 hộ",
        "report (issue 14): the figures of several units are added up for their area;"
        " each commune's plan is judged in the table of the units below",
    ),
]


@pytest.mark.parametrize(("observations", "expected", "source"), REPORT_LINES)
def test_report_lines(observations: tuple[Observation, ...], expected: str, source: str) -> None:
    """Table of the report's lines; each row names its source."""
    assert expected in lines(report(*observations))


def test_an_a_over_b_figure_is_one_line_in_place_of_its_parts() -> None:
    """Issue 12: "19/21 chỉ tiêu" and "90,48%" in one line; the parts are not repeated."""
    written = lines(report(at("targets.met", 19), at("targets.total", 21)))
    assert written == ["Chỉ tiêu đạt và vượt kế hoạch: 19/21 chỉ tiêu (90,48%)"]


@pytest.mark.parametrize(
    ("observations", "targets", "expected"),
    [
        # issue 12: the poor households met, the fund missed; and the other way round
        ((at("poor", 23, target=60), at("fund", 10, target=20)), (), "Có 1/2"),
        ((at("poor", 87, target=60), at("fund", 30, target=20)), (), "Có 1/2"),
        ((at("poor", 23, target=60), at("fund", 30, target=20)), (), "Có 2/2"),
        # a ratio's plan is counted on the ratio, in its direction (report docstring):
        # 19/21 = 90,48% misses 95%; 5/100 = 5% misses a ceiling of 3%
        (
            (at("targets.met", 19), at("targets.total", 21), at("poor", 5), at("households", 100)),
            (
                Target(
                    indicator="targets.share", unit_id="hl", period=YEAR, value=Decimal("0.95")
                ),
                Target(indicator="poor.rate", unit_id="hl", period=YEAR, value=Decimal("0.03")),
            ),
            "Có 0/2",
        ),
        (
            (at("targets.met", 19), at("targets.total", 21), at("poor", 2), at("households", 100)),
            (
                Target(indicator="targets.share", unit_id="hl", period=YEAR, value=Decimal("0.9")),
                Target(indicator="poor.rate", unit_id="hl", period=YEAR, value=Decimal("0.03")),
            ),
            "Có 2/2",
        ),
    ],
)
def test_targets_met_are_counted_as_the_sentences_say(
    observations: tuple[Observation, ...], targets: tuple[Target, ...], expected: str
) -> None:
    """Issue 12: "Có 1/2 chỉ tiêu đạt và vượt kế hoạch." counts in the direction of each
    line's own sentence (Kbang 2020, R12 §2 ex.5: "22/24 chỉ tiêu đạt và vượt kế hoạch")."""
    written = lines(report(*observations, targets=targets))
    assert written[0] == f"{expected} chỉ tiêu đạt và vượt kế hoạch."


def _verdict(line: str) -> bool | None:
    """What a line's own words say of its ceiling: met ("đạt …"), missed ("chưa đạt …"),
    or None where it states a percent of plan instead."""
    clauses = line.split(": ", 1)[1].split(", ")
    for clause in clauses:
        if "(không quá" in clause:
            return clause.startswith("đạt")
    return None


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, 200),
    st.integers(1, 200),
    st.integers(0, 200),
    st.integers(1, 200),
    st.integers(1, 30),
    st.integers(1, 30),
    st.fractions(Fraction(1, 2), 1, max_denominator=100),
)
def test_the_count_of_targets_met_agrees_with_the_lines(
    poor, poor_plan, fund, fund_plan, met, total, share_plan
):
    """Property: the number in "Có m/n chỉ tiêu …" is the number of lines whose sentence
    says the plan was met (issue 12: "count_met in the same report counts the other way")."""
    met = min(met, total)
    written = lines(
        report(
            at("poor", poor, target=poor_plan),
            at("fund", fund * 10**6, target=fund_plan * 10**6),
            at("targets.met", met),
            at("targets.total", total),
            targets=[
                Target(indicator="targets.share", unit_id="hl", period=YEAR, value=share_plan)
            ],
        )
    )
    items = written[1:]
    assert len(items) == 3
    verdicts = [_verdict(item) for item in items]
    assert verdicts[0] is (poor <= poor_plan)  # the line of "Hộ nghèo" says it
    assert verdicts[1:] == [None, None]  # higher is better: "đạt …% kế hoạch"
    # a percent of plan is met at 100% of the exact values, not of the rounded percent
    agreed = verdicts[0] + (fund >= fund_plan) + (Fraction(met, total) >= share_plan)
    assert written[0] == f"Có {agreed}/3 chỉ tiêu đạt và vượt kế hoạch."


def test_the_notes_of_a_dataset_are_never_printed() -> None:
    """Dataset docstring: notes are for the keepers of the data, never printed."""
    note = "GHI CHÚ NỘI BỘ: số liệu quý III ước tính"
    data = dataset(at("poor", 23, target=60), notes=(note,))
    built = build_report(data)
    for text in (built.to_text(), built.to_markdown(), built.to_html()):
        assert "GHI CHÚ NỘI BỘ" not in text
    assert "Nguồn: Báo cáo thử" in built.to_text()


def test_the_chart_of_attainment_leaves_out_lower_is_better_lines() -> None:
    """Report rule: a ceiling has no percent of plan (R12 §2: "No % ratio for level
    targets"), so only higher-is-better lines are charted."""
    built = report(
        at("poor", 23, target=60),
        at("fund", 10, target=20),
        at("models", 70, stated_attainment=Decimal("1.0839")),
    )
    (section,) = [s for s in built.sections if s.heading.startswith("Kết quả")]
    (chart,) = section.charts
    assert chart.categories == ("Quỹ", "Mô hình được công nhận")
    assert chart.values == ((Fraction(1, 2),), (Fraction(10839, 10000),))
    only_lower = report(at("poor", 23, target=60))
    (section,) = [s for s in only_lower.sections if s.heading.startswith("Kết quả")]
    assert section.charts == ()


# -------------------------------------------------------------- meets, count_met


@settings(max_examples=400, deadline=None)
@given(exact, exact, st.booleans(), st.sampled_from(Bound))
def test_meets_with_a_bound_only_when_every_admitted_value_meets(actual, target, higher, bound):
    """Property (docstring of meets): with a bound, True only if every value the bound
    admits meets the target. Oracle: values sampled around the stated figure and the
    target, filtered by Bound.admits."""
    stated, goal = Fraction(actual), Fraction(target)
    admitted = [v for v in _samples(stated, goal) if bound.admits(v, stated)]
    assert admitted  # every bound admits values near the figure

    def plain(value: Fraction) -> bool:
        return value >= goal if higher else value <= goal

    result = meets(actual, target, higher_is_better=higher, bound=bound)
    assert result == all(plain(v) for v in admitted)


@given(exact, exact, st.booleans())
def test_meets_without_a_bound_is_the_plain_comparison(actual, target, higher):
    """Property (docstring of meets): without a bound, >= or <= in the direction."""
    expected = Fraction(actual) >= Fraction(target) if higher else Fraction(actual) <= target
    assert meets(actual, target, higher_is_better=higher) is expected
    assert meets(actual, target, higher_is_better=higher, bound=None) is expected


DIRECTED = [
    Indicator(code="up", name="up", unit="x", roll_up=RollUp.SUM),
    Indicator(code="down", name="down", unit="x", roll_up=RollUp.SUM, higher_is_better=False),
]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["up", "down", "other"]),
            exact,
            exact,
            st.none() | st.sampled_from(Bound),
        ),
        max_size=12,
    ),
    st.booleans(),
)
def test_count_met_is_the_count_of_meets(rows, default):
    """Property (docstring of count_met): each observation meets in its indicator's
    direction (the default for unknown indicators) and with its bound."""
    seen = [
        Observation(
            indicator=code, unit_id="hl", period=YEAR, actual=actual, target=target, bound=bound
        )
        for code, actual, target, bound in rows
    ]
    directions = {"up": True, "down": False}
    expected = sum(
        meets(
            o.actual,
            o.target,
            higher_is_better=directions.get(o.indicator, default),
            bound=o.bound,
        )
        for o in seen
    )
    score = count_met(seen, indicators=DIRECTED, higher_is_better=default)
    assert (score.met, score.total) == (expected, len(seen))


# ---------------------------------------------------------------- ratio roll-ups

PART = Indicator(code="part", name="part", unit="x", roll_up=RollUp.SUM)
WHOLE = Indicator(code="whole", name="whole", unit="x", roll_up=RollUp.SUM)


def ratio(factor: int = 1) -> Indicator:
    return Indicator(
        code="ratio", name="ratio", unit="%", numerator="part", denominator="whole", factor=factor
    )


def rate_indicator() -> RateIndicator:
    with pytest.deprecated_call():
        return RateIndicator(code="ratio", name="ratio", numerator=PART, denominator=WHOLE)


@st.composite
def trees_with_parts(draw: st.DrawFn) -> tuple[UnitTree, list[Observation]]:
    """A random tree whose units report nothing, one part, the other, or both, over one
    to three quarters of 2021."""
    tree = UnitTree(draw(unit_trees(max_units=10)))
    seen: list[Observation] = []
    for unit in tree:
        reports = draw(st.sampled_from(["none", "part", "whole", "both", "both"]))
        for quarter in range(1, draw(st.integers(1, 3)) + 1):
            period = Period.quarter(2021, quarter)
            whole = draw(st.integers(1, 1000))
            if reports in ("part", "both"):
                value = draw(st.integers(0, whole))
                seen.append(
                    Observation(indicator="part", unit_id=unit.id, period=period, actual=value)
                )
            if reports in ("whole", "both"):
                seen.append(
                    Observation(indicator="whole", unit_id=unit.id, period=period, actual=whole)
                )
    return tree, seen


def _ratio_oracle(
    tree: UnitTree, seen: list[Observation], factor: int
) -> dict[str, Fraction | None]:
    """Sum of numerators over sum of denominators, times factor, over the units of each
    subtree that reported both parts."""
    parts: dict[str, dict[str, int]] = {}
    for o in seen:
        parts.setdefault(o.unit_id, {}).setdefault(o.indicator, 0)
        parts[o.unit_id][o.indicator] += o.actual
    paired = {u: p for u, p in parts.items() if len(p) == 2}
    result: dict[str, Fraction | None] = {}
    for unit in tree:
        below = [unit.id, *(u.id for u in tree.descendants(unit.id))]
        top = sum(paired[u]["part"] for u in below if u in paired)
        bottom = sum(paired[u]["whole"] for u in below if u in paired)
        result[unit.id] = factor * Fraction(top, bottom) if bottom else None
    return result


@settings(max_examples=80, deadline=None)
@given(trees_with_parts(), st.sampled_from([1, 100, 1000]))
def test_a_ratio_rolls_up_as_its_oracle_and_as_the_deprecated_rate(data, factor):
    """Property (indicators docstring): a ratio is factor × (sum of numerators) / (sum of
    denominators) over the units with both parts; the deprecated RateIndicator, its
    as_indicator() and the Indicator give the same values."""
    tree, seen = data
    new = roll_up(tree, seen, ratio(factor), definitions=[PART, WHOLE])
    assert dict(new.values) == _ratio_oracle(tree, seen, factor)
    old = roll_up(tree, seen, rate_indicator())
    assert {u: v if v is None else v * factor for u, v in old.values.items()} == dict(new.values)
    converted = roll_up(tree, seen, rate_indicator().as_indicator(), definitions=[PART, WHOLE])
    assert dict(converted.values) == dict(old.values)
    assert (new.missing, new.unpaired, new.undefined) == (old.missing, old.unpaired, old.undefined)


@settings(max_examples=80, deadline=None)
@given(trees_with_parts())
def test_a_rolled_up_ratio_lies_between_the_unit_ratios(data):
    """Property (STYLE §9): a rolled-up ratio lies between the smallest and the largest
    ratio of the units below that reported both parts."""
    tree, seen = data
    result = roll_up(tree, seen, ratio(), definitions=[PART, WHOLE])
    totals: dict[str, dict[str, int]] = {}
    for o in seen:
        totals.setdefault(o.unit_id, {}).setdefault(o.indicator, 0)
        totals[o.unit_id][o.indicator] += o.actual
    own = {u: Fraction(p["part"], p["whole"]) for u, p in totals.items() if len(p) == 2}
    for unit in tree:
        below = [u for u in (unit.id, *(d.id for d in tree.descendants(unit.id))) if u in own]
        value = result[unit.id]
        if not below:
            assert value is None
        else:
            assert min(own[u] for u in below) <= value <= max(own[u] for u in below)


def test_a_ratio_whose_part_is_not_defined_is_refused() -> None:
    """Docstring of roll_up: a ratio's parts are looked up in definitions; one missing
    raises InvalidValueError naming it."""
    tree = UnitTree(list(UNITS))
    seen = [at("targets.met", 19), at("targets.total", 21)]
    share = INDICATORS[7]
    with pytest.raises(InvalidValueError, match=r"'targets\.total'"):
        roll_up(tree, seen, share, definitions=[INDICATORS[5]])
    with pytest.raises(InvalidValueError, match=r"'targets\.met'"):
        roll_up_many(tree, seen, [share])
    result = roll_up(tree, seen, share, definitions=INDICATORS)
    assert result["hl"] == Fraction(19, 21)  # "19/21 chỉ tiêu", corpus: Hồng Lĩnh 2021


PEOPLE = Indicator(
    code="people.reached",
    name="Người được tuyên truyền",
    unit="người",
    roll_up=RollUp.SUM,
    counting=Counting.DISTINCT,
)


def test_distinct_people_add_up_over_units_but_never_over_periods() -> None:
    """Counting docstring: "1.250 người" adds up over units (a person lives in one commune)
    but never over periods (the same person is counted in every quarter)."""
    tree = UnitTree(list(UNITS))
    q1, q2 = Period.quarter(2021, 1), Period.quarter(2021, 2)
    over_units = [
        at("people.reached", 1000, "bac-hong", period=q1),
        at("people.reached", 250, "dau-lieu", period=q1),
    ]
    assert roll_up(tree, over_units, PEOPLE)["hl"] == 1250
    over_periods = [*over_units, at("people.reached", 900, "bac-hong", period=q2)]
    with pytest.raises(InvalidValueError, match=r"'people\.reached'.*'bac-hong'"):
        roll_up(tree, over_periods, PEOPLE, period=YEAR)
    # one period at a time is fine; occurrences ("lượt người") add up over both
    assert roll_up(tree, over_periods, PEOPLE, period=q2)["hl"] == 900
    visits = attrs.evolve(PEOPLE, counting=Counting.OCCURRENCES)
    assert roll_up(tree, over_periods, visits, period=YEAR)["hl"] == 2150


def test_rate_indicator_is_deprecated_and_converts() -> None:
    """RateIndicator docstring: deprecated since 0.2; as_indicator() is the same rate."""
    with pytest.deprecated_call():
        RateIndicator(code="ratio", name="ratio", numerator=PART, denominator=WHOLE)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        converted = ratio()  # the new form warns about nothing
    assert rate_indicator().as_indicator() == converted


# ------------------------------------------------------------------- plain data


def _no_float(value: object) -> None:
    """JSON types only, never a float."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str
            _no_float(item)
    elif isinstance(value, list):
        for item in value:
            _no_float(item)
    else:
        assert value is None or type(value) in (str, int, bool), value


def _exact(value: int | str | None) -> Fraction | None:
    """An exact value read back from its plain form (an int or "n/d")."""
    if value is None:
        return None
    if type(value) is int:
        return Fraction(value)
    assert isinstance(value, str)
    assert "." not in value
    assert "e" not in value.lower()
    return Fraction(value)


def _period(plain: dict[str, str]) -> tuple[date, date, str]:
    return (date.fromisoformat(plain["start"]), date.fromisoformat(plain["end"]), plain["kind"])


@settings(max_examples=60, deadline=None)
@given(trees_with_parts(), st.sampled_from([1, 100]), st.none() | st.just(YEAR))
def test_roll_up_results_as_plain_data(data, factor, period):
    """RollUpResult.to_dict docstring: JSON types only, exact values as an int or "n/d"
    that read back to the same Fraction, and the lists of units without data."""
    tree, seen = data
    results = list(
        roll_up_many(
            tree, seen, [ratio(factor), PART, WHOLE], definitions=[PART, WHOLE], period=period
        ).values()
    )
    results.append(roll_up(tree, seen, attrs.evolve(PART, roll_up=RollUp.MEAN), period=period))
    for result in results:
        plain = result.to_dict()
        _no_float(plain)
        assert json.loads(json.dumps(plain)) == plain
        assert plain["indicator"] == result.indicator.code
        if period is None:
            assert plain["period"] is None
        else:
            assert _period(plain["period"]) == (period.start, period.end, period.kind.value)
        assert list(plain["values"]) == list(result.values)
        assert {u: _exact(v) for u, v in plain["values"].items()} == dict(result.values)
        assert (plain["missing"], plain["unpaired"], plain["undefined"]) == (
            list(result.missing),
            list(result.unpaired),
            list(result.undefined),
        )


@settings(max_examples=40, deadline=None)
@given(st.lists(mobilization_models(max_events=5), max_size=5), st.integers(2009, 2035))
def test_model_statistics_as_plain_data(models, year):
    """ModelStatistics.to_dict docstring: every mapping keyed by its enum's value, counts
    as ints, the period as start, end and kind; json.dumps takes it."""
    ids = [model.id for model in models]
    if len(set(ids)) < len(ids):
        models = models[:1]
    stats = model_statistics(models, Period.year(year))
    plain = stats.to_dict()
    _no_float(plain)
    assert json.loads(json.dumps(plain)) == plain
    assert _period(plain["period"]) == (date(year, 1, 1), date(year, 12, 31), "year")
    for name in ("by_field", "by_main_field", "by_holder", "by_level", "by_status"):
        mapping = getattr(stats, name)
        assert plain[name] == {key.value: count for key, count in mapping.items()}
    for name in ("total", "needing_consolidation", "registered", "recognised", "commended"):
        assert plain[name] == getattr(stats, name)
    assert plain["replicated"] == stats.replicated


def _some_places() -> list[Any]:
    found = []
    for day in (date(2025, 6, 30), REORGANIZED):
        provinces = places(as_of=day)
        found += provinces[:3]
        for province in provinces[:2]:
            districts = children(province)
            found += districts[:2]
            for district in districts[:1]:
                found += children(district)[:2]
    return found


@pytest.mark.parametrize("place", _some_places(), ids=lambda place: place.id)
def test_places_as_plain_data(place: Any) -> None:
    """Place.to_dict docstring: the place with its id; enums by value, dates in ISO."""
    plain = place.to_dict()
    _no_float(plain)
    assert json.loads(json.dumps(plain)) == plain
    assert plain["id"] == place.id
    assert (plain["code"], plain["name"], plain["short_name"], plain["parent"]) == (
        place.code,
        place.name,
        place.short_name,
        place.parent,
    )
    assert (plain["type"], plain["level"]) == (place.type.value, place.level.value)
    for name in ("valid_from", "valid_until"):
        when = getattr(place, name)
        assert plain[name] == (None if when is None else when.isoformat())
