"""Report sentences: the figures of the real reports, rounding, and round trips."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan import (
    InvalidTypeError,
    InvalidValueError,
    ModelField,
    ModelHolder,
    ModelLevel,
    ModelStatus,
    Period,
    parse_number,
    parse_percent,
)
from danvan.criteria import NEW_RURAL_COMMUNE_2021_2025, CommuneResult, summarize_criteria
from danvan.indicators import UndefinedIndicatorError, attainment, change
from danvan.sentences import (
    describe_attainment,
    describe_change,
    describe_criteria,
    describe_difference,
    describe_holders,
    describe_model_statistics,
    describe_point_change,
    describe_ratio,
)
from danvan.statistics import ModelStatistics

FUND = 1798702098  # "vận động quỹ 'Vì người nghèo' được 1.798.702.098đ đạt 108,39% KH"


def _half_up(value: Fraction, places: int) -> Decimal:
    """The reference rounding: Decimal's ROUND_HALF_UP on the exact value."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)  # ample precision below
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _percent_in(text: str) -> Decimal:
    match = re.search(r"-?[\d.]+(?:,\d+)?%", text)
    assert match is not None, text
    return parse_percent(match.group())


# ------------------------------------------------------------------ attainment


def test_the_fund_of_hoa_thanh():
    # The report gives 108,39% but not the plan: every plan in this range gives it.
    lowest = -(-FUND * 10**5 // 108395)  # the smallest plan with FUND/plan < 1.08395
    highest = FUND * 10**5 // 108385  # the largest plan with FUND/plan >= 1.08385
    for plan in (lowest, 1659500000, highest):
        assert describe_attainment(FUND, plan, plan_word="KH") == "đạt 108,39% KH"
    assert describe_attainment(FUND, lowest - 1) == "đạt 108,4% kế hoạch"
    assert describe_attainment(FUND, highest + 1) == "đạt 108,38% kế hoạch"
    assert Fraction(FUND, highest) >= Fraction(108385, 10**5)


@pytest.mark.parametrize(
    ("actual", "plan", "style", "decimals", "expected"),
    [
        (FUND, 1659500000, "reached", 2, "đạt 108,39% kế hoạch"),
        (FUND, 1659500000, "exceeded", 2, "vượt 8,39% kế hoạch"),
        (FUND, 1659500000, "both", 2, "đạt 108,39% kế hoạch, vượt 8,39%"),
        (70, 96, "exceeded", 0, "đạt 73% kế hoạch"),  # below plan: always "đạt"
        (100, 100, "exceeded", 2, "đạt 100% kế hoạch"),
        (100004, 100000, "exceeded", 2, "đạt 100% kế hoạch"),  # 100,004% is written 100%
        (100005, 100000, "exceeded", 2, "vượt 0,01% kế hoạch"),  # 100,005% is 100,01%
        (100005, 100000, "both", 2, "đạt 100,01% kế hoạch, vượt 0,01%"),
        (2665, 1000, "reached", 1, "đạt 266,5% kế hoạch"),
        (Decimal("2.665"), 100, "reached", 2, "đạt 2,67% kế hoạch"),  # half up, not even
        (0, 5, "exceeded", 2, "đạt 0% kế hoạch"),
        (3, 2, "exceeded", 0, "vượt 50% kế hoạch"),
    ],
)
def test_describe_attainment(actual, plan, style, decimals, expected):
    assert describe_attainment(actual, plan, style=style, decimals=decimals) == expected


def test_describe_attainment_options():
    assert describe_attainment(70, 96, decimals=0, plan_word=None) == "đạt 73%"
    assert describe_attainment(70, 96, decimals=0, plan_word=" KH ") == "đạt 73% KH"
    assert describe_attainment(1, 3) == "đạt 33,33% kế hoạch"
    with pytest.raises(UndefinedIndicatorError, match="plan is zero"):
        describe_attainment(5, 0)
    with pytest.raises(InvalidValueError):
        describe_attainment(5, 1, style="vượt")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        describe_attainment(5, 1, decimals=-1)
    with pytest.raises(InvalidValueError):
        describe_attainment(5, 1, plan_word=" ")
    with pytest.raises(InvalidTypeError):
        describe_attainment(5.0, 1)  # type: ignore[arg-type]


ratios = st.integers(0, 10**7)
plans = st.integers(1, 10**7)


@given(ratios, plans, st.integers(0, 3), st.sampled_from(["reached", "exceeded", "both"]))
def test_attainment_round_trips_through_parse_percent(actual, plan, decimals, style):
    text = describe_attainment(actual, plan, decimals=decimals, style=style)
    written = _half_up(attainment(actual, plan), decimals + 2)
    assert ("vượt" in text) == (style != "reached" and written > 1)
    if style == "exceeded" and written > 1:
        assert text.startswith("vượt ")
        assert _percent_in(text) == written - 1
    else:
        assert text.startswith("đạt ")
        assert _percent_in(text) == written
    if style == "both" and written > 1:
        assert parse_percent(text.rsplit(" ", 1)[1]) == written - 1


# ------------------------------------------------------------------------ change


@pytest.mark.parametrize(
    ("current", "previous", "since", "decimals", "expected"),
    [
        (70, 60, "năm 2020", 0, "tăng 17% so với năm 2020"),
        (70, 60, "năm 2020", 2, "tăng 16,67% so với năm 2020"),
        (945, 1000, "năm 2020", 2, "giảm 5,5% so với năm 2020"),
        (60, 60, "năm 2020", 2, "bằng năm 2020"),
        (Decimal("1.0"), 1, "cùng kỳ", 2, "bằng cùng kỳ"),
        (100001, 100000, "năm 2020", 2, "tương đương năm 2020"),  # +0,001%
        (99999, 100000, "năm 2020", 2, "tương đương năm 2020"),
        (100005, 100000, "năm 2020", 2, "tăng 0,01% so với năm 2020"),  # half up
        (99995, 100000, "năm 2020", 2, "giảm 0,01% so với năm 2020"),
        (94, 100, None, 2, "giảm 6%"),
        (5, 5, None, 2, "không đổi"),
        (100001, 100000, None, 2, "gần như không đổi"),
        (3, 1, "đầu năm", 0, "tăng 200% so với đầu năm"),
        (-5, -10, None, 0, "tăng 50%"),
    ],
)
def test_describe_change(current, previous, since, decimals, expected):
    assert describe_change(current, previous, since=since, decimals=decimals) == expected


def test_describe_change_with_a_period_and_bad_input():
    assert describe_change(70, 60, since=Period.year(2020), decimals=0) == (
        "tăng 17% so với năm 2020"
    )
    assert describe_change(70, 60, since=Period.quarter(2020, 1), decimals=0).endswith(
        "so với quý I/2020"
    )
    with pytest.raises(UndefinedIndicatorError, match="previous value is zero"):
        describe_change(5, 0, since="năm 2020")
    with pytest.raises(InvalidTypeError):
        describe_change(5, 1, since=2020)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        describe_change(5, 1, since="  ")
    with pytest.raises(InvalidValueError):
        describe_change(5, 1, decimals=1.5)  # type: ignore[arg-type]


@given(st.integers(-(10**9), 10**9), st.integers(1, 10**9), st.integers(0, 3))
def test_change_round_trips_through_parse_percent(current, previous, decimals):
    text = describe_change(current, previous, since="năm 2020", decimals=decimals)
    value = change(current, previous)
    written = _half_up(abs(value), decimals + 2)
    if value == 0:
        assert text == "bằng năm 2020"
    elif written == 0:
        assert text == "tương đương năm 2020"
    else:
        assert text.startswith("tăng " if value > 0 else "giảm ")
        assert text.endswith(" so với năm 2020")
        assert _percent_in(text) == written


# ------------------------------------------------- differences, points, ratios


@pytest.mark.parametrize(
    ("args", "options", "expected"),
    [
        ((91, 73), {"unit": "tiêu chí", "since": "đầu năm"}, "tăng 18 tiêu chí so với đầu năm"),
        ((1, 3), {"unit": "hộ nghèo"}, "giảm 2 hộ nghèo"),
        ((7, 7), {"since": "đầu năm"}, "bằng đầu năm"),
        ((5052100000, 3800000000), {"unit": "đồng"}, "tăng 1.252.100.000 đồng"),
        ((Decimal("18.2"), 18), {"unit": "tiêu chí/xã"}, "tăng 0,2 tiêu chí/xã"),
        ((Fraction(1, 3), 0), {"decimals": 2}, "tăng 0,33"),
        ((Fraction(1, 1000), 0), {"decimals": 2, "since": "đầu năm"}, "tương đương đầu năm"),
        ((Fraction(5, 1000), 0), {"decimals": 2}, "tăng 0,01"),
    ],
)
def test_describe_difference(args, options, expected):
    assert describe_difference(*args, **options) == expected


def test_describe_difference_needs_decimals_for_endless_expansions():
    with pytest.raises(InvalidValueError):
        describe_difference(Fraction(1, 3), 0)


@given(st.integers(-(10**12), 10**12), st.integers(-(10**12), 10**12))
def test_difference_round_trips_through_parse_number(current, previous):
    text = describe_difference(current, previous, unit="mô hình")
    if current == previous:
        assert text == "không đổi"
    else:
        word, number, unit = text.split(" ", 2)
        assert unit == "mô hình"
        assert word == ("tăng" if current > previous else "giảm")
        assert parse_number(number) == abs(current - previous)


@pytest.mark.parametrize(
    ("now", "before", "options", "expected"),
    [
        (
            Decimal("0.73"),
            Decimal("0.70"),
            {"since": "năm 2020"},
            "tăng 3 điểm phần trăm so với năm 2020",
        ),
        (Decimal("0.96"), Decimal("0.9755"), {}, "giảm 1,55 điểm phần trăm"),
        (Fraction(1, 3), Fraction(1, 4), {"decimals": 1}, "tăng 8,3 điểm phần trăm"),
        (Decimal("0.5"), Decimal("0.5"), {"since": "cùng kỳ"}, "bằng cùng kỳ"),
        (Decimal("0.50001"), Decimal("0.5"), {"since": "cùng kỳ"}, "tương đương cùng kỳ"),
    ],
)
def test_describe_point_change(now, before, options, expected):
    assert describe_point_change(now, before, **options) == expected


@pytest.mark.parametrize(
    ("args", "options", "expected"),
    [
        ((19, 21, "chỉ tiêu"), {}, "19/21 chỉ tiêu"),
        ((33, 33, "cơ sở"), {}, "33/33 cơ sở"),
        ((226, 226, "đảng ủy"), {}, "226/226 đảng ủy"),
        ((9, 59, "thôn"), {"min_digits": 2}, "09/59 thôn"),
        ((1479, 3545), {}, "1.479/3.545"),
    ],
)
def test_describe_ratio(args, options, expected):
    assert describe_ratio(*args, **options) == expected


def test_describe_ratio_refuses_non_counts():
    for bad in [(1.0, 2), (-1, 2), (True, 2), (Decimal(1), 2)]:
        with pytest.raises((InvalidTypeError, InvalidValueError)):
            describe_ratio(*bad)  # type: ignore[arg-type]


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_ratio_round_trips_through_parse_number(part, total):
    text = describe_ratio(part, total, "chỉ tiêu")
    numbers, unit = text.split(" ", 1)
    written_part, written_total = numbers.split("/")
    assert (parse_number(written_part), parse_number(written_total), unit) == (
        part,
        total,
        "chỉ tiêu",
    )


# ------------------------------------------------------------------ summaries


def test_describe_criteria_from_the_report():
    now = summarize_criteria(
        CommuneResult(unit_id=f"x{n}", criteria=NEW_RURAL_COMMUNE_2021_2025, met=count)
        for n, count in enumerate([19, 19, 19, 19, 15])
    )
    before = summarize_criteria(
        CommuneResult(unit_id=f"x{n}", criteria=NEW_RURAL_COMMUNE_2021_2025, met=count)
        for n, count in enumerate([15, 15, 15, 15, 13])
    )
    assert describe_criteria(now, previous=before, since="đầu năm") == (
        "tổng số tiêu chí đạt chuẩn là 91, bình quân 18,2 tiêu chí/xã, tăng 18 tiêu chí so với"
        " đầu năm; không còn xã dưới 15 tiêu chí"
    )
    assert describe_criteria(now) == (
        "tổng số tiêu chí đạt chuẩn là 91, bình quân 18,2 tiêu chí/xã; không còn xã dưới"
        " 15 tiêu chí"
    )
    odd = summarize_criteria(
        CommuneResult(unit_id=f"x{n}", criteria=NEW_RURAL_COMMUNE_2021_2025, met=count)
        for n, count in enumerate([19, 18, 18, 18, 18, 18, 18, 18])  # 18,125
    )
    assert "bình quân 18,1 tiêu chí/xã" in describe_criteria(odd)
    assert "bình quân 18,13 tiêu chí/xã" in describe_criteria(odd, decimals=2)
    with pytest.raises(InvalidTypeError):
        describe_criteria(91)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        describe_criteria(now, previous=73)  # type: ignore[arg-type]


def _stats(year: int, **counts: object) -> ModelStatistics:
    fields: dict[str, object] = {
        "period": Period.year(year),
        "total": 0,
        "by_field": {},
        "by_main_field": {},
        "by_holder": {},
        "by_level": {},
        "by_status": {},
        "needing_consolidation": 0,
        "registered": 0,
        "recognised": 0,
        "commended": 0,
        "replicated": 0,
    }
    fields.update(counts)
    return ModelStatistics(**fields)  # type: ignore[arg-type]


def test_the_models_of_nam_dinh():
    # "3.545 mô hình, điển hình; trong đó có 2.066 tập thể, 1.479 cá nhân"
    stats = _stats(
        2022,
        total=3545,
        by_holder={ModelHolder.COLLECTIVE: 2066, ModelHolder.INDIVIDUAL: 1479},
    )
    assert describe_holders(stats) == (
        "3.545 mô hình, điển hình; trong đó có 2.066 tập thể, 1.479 cá nhân"
    )
    assert describe_model_statistics(stats) == (
        "Đến hết năm 2022 có 3.545 mô hình, điển hình; trong đó có 2.066 tập thể, 1.479 cá nhân."
    )
    only = _stats(2022, total=5, by_holder={ModelHolder.INDIVIDUAL: 5})
    assert describe_holders(only) == "5 mô hình, điển hình; trong đó có 5 cá nhân"
    assert describe_holders(_stats(2022)) == "chưa có mô hình, điển hình nào"


def test_seventy_models_reached_73_percent_up_17_percent():
    # "công nhận và biểu dương 70 mô hình …, đạt 73%, tăng 17% so với năm 2020"
    sentence = (
        f"70 mô hình, {describe_attainment(70, 96, decimals=0, plan_word=None)},"
        f" {describe_change(70, 60, since='năm 2020', decimals=0)}"
    )
    assert sentence == "70 mô hình, đạt 73%, tăng 17% so với năm 2020"
    now = _stats(2021, total=96, recognised=70, by_holder={ModelHolder.COLLECTIVE: 96})
    before = _stats(2020, total=60, recognised=60, by_holder={ModelHolder.COLLECTIVE: 60})
    paragraph = describe_model_statistics(now, previous=before, plan=96, decimals=0)
    assert "công nhận 70 mô hình, đạt 73% kế hoạch, tăng 17% so với năm 2020" in paragraph


def test_a_full_paragraph():
    stats = _stats(
        2021,
        total=356,
        by_field={
            ModelField.ECONOMY: 100,
            ModelField.CULTURE_SOCIETY: 6,
            ModelField.NEW_RURAL_AREAS: 120,
            ModelField.POVERTY_REDUCTION: 30,
            ModelField.POLITICAL_SYSTEM: 100,
        },
        by_main_field={
            ModelField.ECONOMY: 100,
            ModelField.CULTURE_SOCIETY: 156,
            ModelField.POLITICAL_SYSTEM: 100,
        },
        by_holder={ModelHolder.COLLECTIVE: 300, ModelHolder.INDIVIDUAL: 56},
        by_level={ModelLevel.COMMUNE: 300, ModelLevel.DISTRICT: 56},
        by_status={ModelStatus.REGISTERED: 356},
        registered=356,
        recognised=52,
        commended=26,
        replicated=4,
        needing_consolidation=3,
    )
    previous = _stats(2020, total=10)  # recognised nothing: the change is in models
    assert describe_model_statistics(stats, previous=previous) == (
        "Đến hết năm 2021 có 356 mô hình, điển hình; trong đó có 300 tập thể, 56 cá nhân."
        " Theo lĩnh vực: kinh tế 100; văn hóa – xã hội 156 (nông thôn mới 120, giảm nghèo 30);"
        " xây dựng hệ thống chính trị 100. Theo cấp: cơ sở 300, huyện 56."
        " Trong năm 2021, đăng ký mới 356 mô hình; công nhận 52 mô hình, tăng 52 mô hình so"
        " với năm 2020; biểu dương, khen thưởng 26 mô hình; nhân rộng 4 mô hình."
        " Có 3 mô hình cần củng cố."
    )


def test_paragraph_refuses_bad_input():
    stats = _stats(2021)
    assert describe_model_statistics(stats) == "Đến hết năm 2021 chưa có mô hình, điển hình nào."
    with pytest.raises(InvalidTypeError):
        describe_model_statistics("stats")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        describe_model_statistics(stats, previous=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        describe_holders(None)  # type: ignore[arg-type]
