"""New-rural-development criteria sets and per-commune results."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
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
    NEW_RURAL_COMMUNE_ADVANCED_2021_2025,
    NEW_RURAL_REGIONS,
    CommuneGroup,
    CommuneResult,
    CriteriaGroup,
    CriteriaSet,
    CriteriaSummary,
    Criterion,
    CriterionIndicator,
    IndicatorTarget,
    national_criteria,
    summarize_criteria,
)
from danvan.indicators import MetCount, UndefinedIndicatorError, mean

OLD, NEW = NEW_RURAL_COMMUNE_2016_2020, NEW_RURAL_COMMUNE_2021_2025
NEWEST = NEW_RURAL_COMMUNE_2026_2030
ADVANCED = NEW_RURAL_COMMUNE_ADVANCED_2021_2025


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
    assert NEWEST.missing_indicators == 47
    assert NEWEST.note is not None
    assert "47 indicators" in NEWEST.note
    assert NEWEST.regions == ()  # judged by commune group, not by region
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
    # A set may hold fewer indicators than its source has (what is missing is counted),
    # never more.
    partial = CriteriaSet(code="local", name="Bộ", criteria=(criterion,), indicator_count=2)
    assert (len(partial.indicators), partial.missing_indicators) == (1, 1)
    two = Criterion(17, "Môi trường", indicators=(water, CriterionIndicator("17.2", "x")))
    with pytest.raises(InvalidValueError, match="holds 2 indicators, more than the 1"):
        CriteriaSet(code="local", name="Bộ", criteria=(two,), indicator_count=1)
    assert CriteriaSet(code="local", name="Bộ", criteria=(two,)).missing_indicators is None
    group = CommuneGroup(1, "Nhóm 1")
    with pytest.raises(InvalidValueError, match="commune group twice"):
        CriteriaSet(code="local", name="Bộ", criteria=(criterion,), commune_groups=(group, group))


# ------------------------------------------------ counts, regions and the nâng cao set

# Each row: the set, its decision, in force, criteria, indicators the source counts,
# indicators held, and where the figures were read.
SETS = [
    # QĐ 1980/QĐ-TTg (17/10/2016): 19 criteria; no count of indicators found (VietnamPlus).
    (OLD, "1980/QĐ-TTg", None, 19, None, 0),
    # QĐ 318/QĐ-TTg (08/3/2022, in force that day, thuvienphapluat.vn 10/3/2022): 19
    # criteria, 57 indicators (Doanh nghiệp và Kinh tế xanh); criterion 3's two held
    # (Báo Tin tức, dantocmiennui, 08/3/2022).
    (NEW, "318/QĐ-TTg", date(2022, 3, 8), 19, 57, 2),
    # The nâng cao set of the same decision: 19 criteria, 75 indicators (Kinh tế xanh).
    (ADVANCED, "318/QĐ-TTg", date(2022, 3, 8), 19, 75, 0),
    # QĐ 51/2025/QĐ-TTg (29/12/2025, in force 15/02/2026): 10 criteria, 47 indicators
    # (VietnamPlus 30/12/2025; Thời báo Tài chính Việt Nam; Quảng Trị new-rural office).
    (NEWEST, "51/2025/QĐ-TTg", date(2026, 2, 15), 10, 47, 0),
]


@pytest.mark.parametrize(("criteria", "source", "in_force", "count", "indicators", "held"), SETS)
def test_what_each_set_counts(criteria, source, in_force, count, indicators, held) -> None:
    assert criteria.source == DocumentCode.parse(source)
    assert criteria.in_force == in_force
    assert len(criteria) == count
    assert criteria.indicator_count == indicators
    assert len(criteria.indicators) == held
    if indicators is not None:
        assert criteria.missing_indicators == indicators - held
    # Every set says where it was read, and what it lacks.
    assert criteria.references
    assert all(reference.startswith("http") for reference in criteria.references)
    assert criteria.note


def test_the_seven_regions() -> None:
    """QĐ 318/QĐ-TTg sets "chỉ tiêu chung và chỉ tiêu theo từng vùng" for seven regions
    (thuvienphapluat.vn, 10/3/2022); QĐ 1980 the same seven (VietnamPlus)."""
    assert NEW_RURAL_REGIONS == (
        "Trung du miền núi phía Bắc",
        "Đồng bằng sông Hồng",
        "Bắc Trung Bộ",
        "Duyên hải Nam Trung Bộ",
        "Tây Nguyên",
        "Đông Nam Bộ",
        "Đồng bằng sông Cửu Long",
    )
    assert OLD.regions == NEW.regions == ADVANCED.regions == NEW_RURAL_REGIONS


def test_irrigation_indicators_of_318() -> None:
    """QĐ 318/QĐ-TTg, criterion 3 (Báo Tin tức, 08/3/2022): "Tỷ lệ diện tích đất sản
    xuất nông nghiệp được tưới và tiêu nước chủ động đạt từ 80% trở lên; đảm bảo yêu cầu
    chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ"."""
    irrigation = NEW.criterion(3)
    assert irrigation.name == "Thủy lợi và phòng, chống thiên tai"
    share, disasters = irrigation.indicators
    assert (share.code, disasters.code) == ("3.1", "3.2")
    (target,) = share.targets
    assert (target.at_least, target.at_most, target.unit) == (80, None, "%")
    assert (target.region, target.commune_group) == (None, None)  # chỉ tiêu chung
    assert str(target) == "≥80%"
    assert target.met_by(80)
    assert target.met_by(Decimal("92.5"))
    assert not target.met_by(Fraction(799, 10))
    (done,) = disasters.targets
    assert done.is_yes_no
    assert str(done) == "Đạt"
    assert NEW.indicators == (share, disasters)


def test_the_advanced_set() -> None:
    """The nâng cao set of QĐ 318/QĐ-TTg: 19 criteria, names as Hà Nội's set for
    2021-2025 lists them (Làng nghề Việt Nam), met on top of the standard set."""
    assert ADVANCED.prerequisite is NEW
    assert ADVANCED.period == Period.years(2021, 2025)
    assert ADVANCED.numbers == tuple(range(1, 20))
    for number, name in [
        (5, "Giáo dục"),
        (6, "Văn hóa"),
        (15, "Hành chính công"),
        (16, "Tiếp cận pháp luật"),
        (17, "Môi trường"),
        (18, "Chất lượng môi trường sống"),
        (19, "Quốc phòng và An ninh"),
    ]:
        assert ADVANCED.criterion(number).name == name
    assert all(criterion.group is None for criterion in ADVANCED.criteria)
    assert ADVANCED.note is not None
    assert "unverified" in ADVANCED.note
    assert national_criteria(2021, advanced=True) is ADVANCED
    assert national_criteria(2025, advanced=True) is ADVANCED
    assert national_criteria(2023, advanced=False) is NEW
    # No national nâng cao set before 2021 is held; QĐ 51/2025 issues only one commune set.
    for year in (2019, 2026, 2030):
        with pytest.raises(InvalidValueError, match="nâng cao"):
            national_criteria(year, advanced=True)
    with pytest.raises(InvalidTypeError):
        national_criteria(2023, advanced=1)  # type: ignore[arg-type]
    met = CommuneResult(unit_id="x", criteria=ADVANCED, met=range(1, 20))
    assert met.is_standard
    assert str(met.score) == "19/19"


def test_group_sizes_of_318() -> None:
    """Groups 1-3 hold 1, 8 and 4 criteria (Báo Tin tức on QĐ 318); 14-17 and 18-19 as
    Bình Phước's set after it (QĐ 1360/QĐ-UBND, 28/7/2022) splits them."""
    assert [c.number for c in NEW.in_group(2)] == list(range(2, 10))
    assert [c.number for c in NEW.in_group(4)] == [14, 15, 16, 17]
    assert [c.number for c in NEW.in_group(5)] == [18, 19]


def test_targets_name_only_what_the_set_has() -> None:
    by_group = CriterionIndicator(
        "6.1",
        "Tỷ lệ hộ nghèo đa chiều (ví dụ)",
        targets=(
            IndicatorTarget(at_most=1, unit="%", commune_group=1),
            IndicatorTarget(at_most=3, unit="%", commune_group=3),
        ),
    )
    criterion = Criterion(6, "Giảm nghèo và an sinh xã hội", indicators=(by_group,))
    groups = (CommuneGroup(1, "Nhóm 1"), CommuneGroup(3, "Nhóm 3"))
    local = CriteriaSet(code="x", name="x", criteria=(criterion,), commune_groups=groups)
    assert [t.commune_group for t in local.criterion(6).indicators[0].targets] == [1, 3]
    with pytest.raises(InvalidValueError, match="commune group 3"):
        CriteriaSet(code="x", name="x", criteria=(criterion,), commune_groups=groups[:1])
    by_region = Criterion(
        10,
        "Thu nhập",
        indicators=(
            CriterionIndicator(
                "10.1",
                "Thu nhập bình quân đầu người (ví dụ)",
                targets=(IndicatorTarget(at_least=50, unit="triệu đồng", region="Tây Bắc"),),
            ),
        ),
    )
    with pytest.raises(InvalidValueError, match="region 'Tây Bắc'"):
        CriteriaSet(code="x", name="x", criteria=(by_region,), regions=NEW_RURAL_REGIONS)
    with pytest.raises(InvalidValueError, match="region twice"):
        CriteriaSet(code="x", name="x", criteria=(criterion,), regions=("a", "a"))
    with pytest.raises(InvalidTypeError, match="prerequisite"):
        CriteriaSet(code="x", name="x", criteria=(criterion,), prerequisite="318/QĐ-TTg")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"at_least": 80.0, "unit": "%"}, InvalidTypeError),
        ({"at_least": True, "unit": "%"}, InvalidTypeError),
        ({"at_least": "80", "unit": "%"}, InvalidTypeError),
        ({"at_least": Decimal("NaN"), "unit": "%"}, InvalidValueError),
        ({"at_least": 80}, InvalidValueError),  # a bound needs its unit
        ({"unit": "%"}, InvalidValueError),  # a yes/no target has none
        ({"at_least": 5, "at_most": 3, "unit": "%"}, InvalidValueError),
        ({"commune_group": 0}, InvalidValueError),
        ({"region": ""}, InvalidValueError),
    ],
)
def test_bad_targets(fields, error) -> None:
    with pytest.raises(error):
        IndicatorTarget(**fields)


def test_met_by_refuses_the_wrong_kind() -> None:
    with pytest.raises(InvalidTypeError):
        IndicatorTarget().met_by(1)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        IndicatorTarget(at_least=80, unit="%").met_by(True)
    with pytest.raises(InvalidTypeError):
        IndicatorTarget(at_least=80, unit="%").met_by(80.0)  # type: ignore[arg-type]
    both = IndicatorTarget(at_least=Decimal("0.5"), at_most=2, unit="%")
    assert str(both) == "≥0,5% và ≤2%"
    assert str(IndicatorTarget(at_most=Fraction(1, 3), unit="%")) == "≤1/3%"


exact = st.one_of(
    st.integers(-1000, 1000),
    st.fractions(min_value=-1000, max_value=1000, max_denominator=100),
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False),
)


@given(st.one_of(st.none(), exact), st.one_of(st.none(), exact), exact)
def test_met_by_is_the_bounds(low, high, value) -> None:
    """Oracle: a level meets a target exactly when it lies within its inclusive bounds."""
    if low is not None and high is not None and Fraction(low) > Fraction(high):
        with pytest.raises(InvalidValueError):
            IndicatorTarget(at_least=low, at_most=high, unit="%")
        return
    if low is None and high is None:
        assert IndicatorTarget().met_by(True)
        return
    target = IndicatorTarget(at_least=low, at_most=high, unit="%")
    expected = (low is None or Fraction(value) >= Fraction(low)) and (
        high is None or Fraction(value) <= Fraction(high)
    )
    assert target.met_by(value) is expected
    assert isinstance(target.at_least, (Fraction, type(None)))
