"""New-rural-development criteria sets and per-commune results."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan import DocumentCode, InvalidTypeError, InvalidValueError, Period, UnknownIdError
from danvan.criteria import (
    NEW_RURAL_COMMUNE_2016_2020,
    NEW_RURAL_COMMUNE_2021_2025,
    NEW_RURAL_COMMUNE_2026_2030,
    CommuneGroup,
    CommuneResult,
    CriteriaGroup,
    CriteriaSet,
    CriteriaSummary,
    Criterion,
    CriterionIndicator,
    national_criteria,
    summarize_criteria,
)
from danvan.indicators import MetCount, UndefinedIndicatorError, mean

OLD, NEW = NEW_RURAL_COMMUNE_2016_2020, NEW_RURAL_COMMUNE_2021_2025
NEWEST = NEW_RURAL_COMMUNE_2026_2030


@pytest.mark.parametrize(
    ("criteria", "source", "issued", "years"),
    [
        (OLD, "1980/QĐ-TTg", date(2016, 10, 17), (2016, 2020)),
        (NEW, "318/QĐ-TTg", date(2022, 3, 8), (2021, 2025)),
    ],
)
def test_national_sets(criteria, source, issued, years):
    assert len(criteria) == 19
    assert criteria.numbers == tuple(range(1, 20))
    assert criteria.source == DocumentCode.parse(source)
    assert criteria.issued == issued
    assert criteria.period == Period.years(*years)
    assert [group.number for group in criteria.groups] == [1, 2, 3, 4, 5]
    assert [len(criteria.in_group(n)) for n in range(1, 6)] == [1, 8, 4, 4, 2]
    assert criteria.groups[1].name == "Hạ tầng kinh tế - xã hội"
    assert criteria.criterion(1).name == "Quy hoạch"
    assert criteria.criterion(19).name == "Quốc phòng và An ninh"
    assert criteria.criterion(18).name == "Hệ thống chính trị và tiếp cận pháp luật"


@pytest.mark.parametrize(
    ("number", "before", "after"),
    [
        (3, "Thủy lợi", "Thủy lợi và phòng, chống thiên tai"),
        (11, "Hộ nghèo", "Nghèo đa chiều"),
        (12, "Lao động có việc làm", "Lao động"),
        (13, "Tổ chức sản xuất", "Tổ chức sản xuất và phát triển kinh tế nông thôn"),
        (17, "Môi trường và an toàn thực phẩm", "Môi trường và an toàn thực phẩm"),
    ],
)
def test_what_changed_between_the_sets(number, before, after):
    assert OLD.criterion(number).name == before
    assert NEW.criterion(number).name == after


def test_national_criteria_by_year():
    assert national_criteria(2016) is OLD
    assert national_criteria(2020) is OLD
    assert national_criteria(2021) is NEW
    assert national_criteria(2025) is NEW
    assert national_criteria(2026) is NEWEST
    assert national_criteria(2030) is NEWEST
    for year in (2015, 2031):
        with pytest.raises(InvalidValueError):
            national_criteria(year)
    with pytest.raises(InvalidTypeError):
        national_criteria("2021")  # type: ignore[arg-type]


def test_criteria_set_validation():
    one = Criterion(1, "Giao thông")
    with pytest.raises(InvalidValueError, match="no criteria"):
        CriteriaSet(code="x", name="x", criteria=())
    with pytest.raises(InvalidValueError, match="twice"):
        CriteriaSet(code="x", name="x", criteria=(one, Criterion(1, "Điện")))
    with pytest.raises(InvalidValueError, match="group"):
        CriteriaSet(code="x", name="x", criteria=(Criterion(1, "Điện", group=2),))
    with pytest.raises(InvalidValueError, match="group twice"):
        CriteriaSet(
            code="x",
            name="x",
            groups=(CriteriaGroup(1, "a"), CriteriaGroup(1, "b")),
            criteria=(one,),
        )
    with pytest.raises(InvalidTypeError):
        CriteriaSet(code="x", name="x", criteria=[one])  # type: ignore[arg-type]
    for bad in (0, -1):
        with pytest.raises(InvalidValueError):
            Criterion(bad, "x")
    with pytest.raises(InvalidTypeError):
        Criterion("1", "x")  # type: ignore[arg-type]
    with pytest.raises(UnknownIdError):
        OLD.criterion(20)


def test_a_local_set_of_twenty():
    # "Kỳ Hà đạt 19/20 tiêu chí": a provincial set with one criterion more.
    local = OLD.extended(
        Criterion(20, "Tiêu chí riêng của tỉnh"),
        code="tinh-2016-2020",
        name="Bộ tiêu chí xã nông thôn mới của tỉnh",
        source="16/2017/QĐ-UBND",
    )
    assert len(local) == 20
    assert local.period == OLD.period
    assert local.groups == OLD.groups
    ky_ha = CommuneResult(unit_id="ky-ha", criteria=local, met=set(range(1, 20)))
    assert str(ky_ha.score) == "19/20"
    assert not ky_ha.is_standard
    assert [c.number for c in ky_ha.unmet or ()] == [20]
    with pytest.raises(InvalidValueError):
        OLD.extended(Criterion(19, "again"), code="bad", name="bad")


def test_commune_results():
    full = CommuneResult(unit_id="a", criteria=NEW, met=range(1, 20))
    assert full.is_standard
    assert full.score == MetCount(19, 19)
    assert full.unmet == ()
    assert isinstance(full.met, frozenset)
    counted = CommuneResult(unit_id="b", criteria=NEW, met=17, period=Period.year(2023))
    assert (counted.met_count, counted.unmet, str(counted.score)) == (17, None, "17/19")
    assert attrs.evolve(counted, met=19).is_standard


@pytest.mark.parametrize(
    ("met", "error"),
    [
        (20, InvalidValueError),
        (-1, InvalidValueError),
        ({0}, InvalidValueError),
        ({20, 1}, InvalidValueError),
        ({"1"}, InvalidTypeError),
        ("1", InvalidTypeError),
        (True, InvalidTypeError),
        (1.0, InvalidTypeError),
    ],
)
def test_bad_commune_results(met, error):
    with pytest.raises(error):
        CommuneResult(unit_id="a", criteria=NEW, met=met)


def test_the_report_figures():
    # "tổng số tiêu chí đạt chuẩn là 91, bình quân 18,2 tiêu chí/xã; không còn xã dưới 11"
    counts = [19, 19, 19, 19, 15]
    results = [
        CommuneResult(unit_id=f"x{n}", criteria=NEW, met=count) for n, count in enumerate(counts)
    ]
    summary = summarize_criteria(results)
    assert summary.total == 91
    assert summary.mean == Fraction(91, 5) == Fraction("18.2")
    assert (summary.minimum, summary.maximum, summary.communes) == (15, 19, 5)
    assert str(summary.standard) == "4/5"
    with_eleven = [*results[:-1], CommuneResult(unit_id="x4", criteria=NEW, met=11)]
    assert summarize_criteria(with_eleven).minimum == 11


def test_summaries_refuse_bad_input():
    with pytest.raises(UndefinedIndicatorError):
        summarize_criteria([])
    twice = [CommuneResult(unit_id="a", criteria=NEW, met=1)] * 2
    with pytest.raises(InvalidValueError, match="twice"):
        summarize_criteria(twice)
    with pytest.raises(InvalidTypeError):
        summarize_criteria([19])  # type: ignore[list-item]


def test_summary_and_result_fields_are_checked():
    good = {
        "communes": 5,
        "total": 91,
        "mean": Fraction(91, 5),
        "minimum": 15,
        "maximum": 19,
        "standard": MetCount(4, 5),
    }
    assert CriteriaSummary(**good) == summarize_criteria(
        CommuneResult(unit_id=f"x{n}", criteria=NEW, met=count)
        for n, count in enumerate([19, 19, 19, 19, 15])
    )
    for field, bad, error in [
        ("communes", 0, InvalidValueError),
        ("total", -1, InvalidValueError),
        ("mean", 18.2, InvalidTypeError),
        ("minimum", "15", InvalidTypeError),
        ("standard", "4/5", InvalidTypeError),
    ]:
        with pytest.raises(error):
            CriteriaSummary(**{**good, field: bad})
    with pytest.raises(InvalidTypeError):
        CommuneResult(unit_id="a", criteria="318/QĐ-TTg", met=1)  # type: ignore[arg-type]


@given(
    st.lists(
        st.tuples(st.sampled_from([OLD, NEW]), st.frozensets(st.integers(1, 19))),
        min_size=1,
        max_size=12,
    )
)
def test_summary_invariants(drawn):
    results = [
        CommuneResult(unit_id=f"x{n}", criteria=criteria, met=met)
        for n, (criteria, met) in enumerate(drawn)
    ]
    summary = summarize_criteria(results)
    counts = [len(met) for _, met in drawn]
    assert summary.total == sum(counts)
    assert summary.mean == mean(counts)
    assert summary.minimum <= summary.mean <= summary.maximum
    assert summary.standard.met == sum(1 for count in counts if count == 19)
    for result in results:
        assert result.met_count + len(result.unmet or ()) == 19


# ----------------------------------------------------------- 2026-2030 and indicators


def test_the_2026_2030_set() -> None:
    """QĐ 51/2025/QĐ-TTg (29/12/2025, in force 15/02/2026): 10 criteria, 47 indicators,
    three commune groups (VietnamPlus, 30/12/2025; Thời báo Tài chính Việt Nam)."""
    assert len(NEWEST) == 10
    assert NEWEST.indicator_count == 47
    assert NEWEST.in_force == date(2026, 2, 15)
    assert NEWEST.source == DocumentCode.parse("51/2025/QĐ-TTg")
    assert NEWEST.issued == date(2025, 12, 29)
    assert NEWEST.period == Period.years(2026, 2030)
    assert [g.number for g in NEWEST.commune_groups] == [1, 2, 3]
    assert NEWEST.criterion(1).name == "Quy hoạch"
    assert NEWEST.criterion(7).name == "Khoa học công nghệ và chuyển đổi số"
    assert NEWEST.criterion(10).name == "Tiếp cận pháp luật và an ninh, quốc phòng"
    assert "dưới 10%" in NEWEST.commune_groups[0].definition
    # What is missing is said, not invented.
    assert all(criterion.indicators == () for criterion in NEWEST.criteria)
    assert NEWEST.note is not None
    assert "47 indicators" in NEWEST.note
    for criteria in (OLD, NEW, NEWEST):
        assert all(isinstance(c.indicators, tuple) for c in criteria.criteria)


def test_criterion_indicators() -> None:
    water = CriterionIndicator("17.1", "Tỷ lệ hộ được sử dụng nước sạch")
    criterion = Criterion(17, "Môi trường", indicators=(water,))
    assert criterion.indicators == (water,)
    with pytest.raises(InvalidValueError, match="does not belong"):
        Criterion(16, "Văn hóa", indicators=(water,))
    with pytest.raises(InvalidValueError, match="twice"):
        Criterion(17, "Môi trường", indicators=(water, water))
    for bad in ("17", "17.0", "a.1", "17.1.2"):
        with pytest.raises(InvalidValueError):
            CriterionIndicator(bad, "x")
    with pytest.raises(InvalidTypeError):
        CriterionIndicator(17.1, "x")  # type: ignore[arg-type]
    both = CriteriaSet(code="local", name="Bộ tiêu chí", criteria=(criterion,), indicator_count=1)
    assert both.indicator_count == 1
    with pytest.raises(InvalidValueError, match="holds 1 indicators, not the 2"):
        CriteriaSet(code="local", name="Bộ", criteria=(criterion,), indicator_count=2)
    group = CommuneGroup(1, "Nhóm 1")
    with pytest.raises(InvalidValueError, match="commune group twice"):
        CriteriaSet(code="local", name="Bộ", criteria=(criterion,), commune_groups=(group, group))
