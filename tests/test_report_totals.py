"""Reports that add up (issue 14): a unit's report for a period, across the tree, over
the periods inside it and across 01/07/2025."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    DataError,
    Dataset,
    Indicator,
    InvalidTypeError,
    InvalidValueError,
    Level,
    Observation,
    Period,
    RollUp,
    SuccessorShare,
    Target,
    Unit,
    UnitKind,
    UnitTree,
    UnknownUnitError,
    roll_up,
)
from danvan._rounding import round_half_up
from danvan.numbers import format_percent, parse_money, parse_number, parse_percent
from danvan.report import build_report
from tests.strategies import unit_trees

REFORM = date(2025, 7, 1)
COMMUNES = 17


def _commune(n: int, **fields: object) -> Unit:
    return Unit(
        id=f"xa-{n}",
        name=f"Xã {n}",
        kind=UnitKind.PEOPLES_COMMITTEE,
        level=Level.COMMUNE,
        parent="huyen",
        **fields,  # type: ignore[arg-type]
    )


DISTRICT = Unit(
    id="huyen", name="Huyện Mẫu", kind=UnitKind.PEOPLES_COMMITTEE, level=Level.DISTRICT
)
FUND = Indicator(code="quy", name="Quỹ Vì người nghèo", unit="đồng", roll_up=RollUp.SUM)
POOR = Indicator(
    code="ho-ngheo", name="Hộ nghèo", unit="hộ", roll_up=RollUp.LAST, higher_is_better=False
)
MEETINGS = Indicator(code="cuoc", name="Cuộc đối thoại", unit="cuộc", roll_up=RollUp.SUM)
SCORE = Indicator(
    code="diem", name="Điểm hài lòng của người dân", unit="điểm", roll_up=RollUp.MEAN
)
INSURED = Indicator(
    code="bhyt", name="Người tham gia bảo hiểm y tế", unit="người", roll_up=RollUp.LAST
)
PEOPLE = Indicator(code="dan-so", name="Dân số", unit="người", roll_up=RollUp.LAST)
COVERAGE = Indicator(
    code="ty-le-bhyt",
    name="Tỷ lệ bao phủ bảo hiểm y tế",
    unit="%",
    numerator="bhyt",
    denominator="dan-so",
)
INDICATORS = (FUND, POOR, MEETINGS, SCORE, INSURED, PEOPLE, COVERAGE)


def _quarters(year: int) -> list[Period]:
    return [Period.quarter(year, q) for q in (1, 2, 3, 4)]


def district(missing: frozenset[int] = frozenset()) -> Dataset:
    """17 communes with quarterly figures for 2023 and 2024 of indicators of every kind:
    sums (money, meetings), a stock where lower is better (poor households), a mean (a
    satisfaction score) and a ratio of two stocks (health-insurance coverage); the
    communes in *missing* report nothing in 2024."""
    units = [DISTRICT, *(_commune(n) for n in range(COMMUNES))]
    seen = []
    for year in (2023, 2024):
        for q, quarter in enumerate(_quarters(year), 1):
            for n in range(COMMUNES):
                if year == 2024 and n in missing:
                    continue
                seen.append(
                    Observation(
                        indicator="quy",
                        unit_id=f"xa-{n}",
                        period=quarter,
                        actual=1_000_000 * (n + q + year - 2023),
                    )
                )
                seen.append(
                    Observation(
                        indicator="ho-ngheo",
                        unit_id=f"xa-{n}",
                        period=quarter,
                        actual=50 - q - 4 * (year - 2023),
                    )
                )
                seen.append(
                    Observation(indicator="cuoc", unit_id=f"xa-{n}", period=quarter, actual=1)
                )
                seen.append(
                    Observation(
                        indicator="diem",
                        unit_id=f"xa-{n}",
                        period=quarter,
                        actual=70 + (n + q) % 7 + 3 * (year - 2023),
                    )
                )
                seen.append(
                    Observation(
                        indicator="bhyt",
                        unit_id=f"xa-{n}",
                        period=quarter,
                        actual=4_000 + 100 * n + 20 * q + 200 * (year - 2023),
                    )
                )
                seen.append(
                    Observation(
                        indicator="dan-so",
                        unit_id=f"xa-{n}",
                        period=quarter,
                        actual=5_000 + 100 * n,
                    )
                )
    targets = (
        Target(indicator="cuoc", unit_id="huyen", period=Period.year(2024), value=60),
        Target(indicator="ho-ngheo", unit_id="huyen", period=Period.year(2024), value=800),
    )
    return Dataset(
        title="Huyện Mẫu",
        source="Số liệu mẫu",
        units=tuple(units),
        indicators=INDICATORS,
        targets=targets,
        observations=tuple(seen),
    )


def result_lines(report_text: str) -> list[str]:
    return [line[2:] for line in report_text.splitlines() if line.startswith("- ")]


def test_a_year_of_quarterly_figures_is_one_total_per_indicator() -> None:
    """The district's 2024: one line per indicator, the quarters added by the rule (a
    sum for money and meetings, the last quarter for poor households), compared with
    the plan and with 2023, not four sections of 17 lines each."""
    data = district()
    text = build_report(data, unit="huyen", period=Period.year(2024)).to_text()
    fund_2024 = sum(1_000_000 * (n + q + 1) for n in range(COMMUNES) for q in (1, 2, 3, 4))
    fund_2023 = sum(1_000_000 * (n + q) for n in range(COMMUNES) for q in (1, 2, 3, 4))
    lines = [line for line in result_lines(text) if line.startswith(("Quỹ", "Hộ", "Cuộc"))]
    assert len(lines) == 3
    assert parse_money(lines[0].split(": ", 1)[1].split(", ")[0]) == fund_2024
    assert "tăng" in lines[0]
    assert "so với năm 2023" in lines[0]
    assert fund_2024 > fund_2023
    # poor households: the last quarter, 42 per commune in 2024, 46 in 2023; plan 800
    assert lines[1].startswith(
        f"Hộ nghèo: {42 * COMMUNES} hộ, đạt và vượt kế hoạch (không quá 800 hộ), giảm được"
    )
    assert lines[2].startswith(f"Cuộc đối thoại: {4 * COMMUNES} cuộc, đạt 113,33% kế hoạch")
    assert text.count("Có 2/2 chỉ tiêu đạt và vượt kế hoạch.") == 1


def test_the_units_below_have_a_table_each_and_coverage_in_words() -> None:
    """A table per indicator names the 17 communes with their figures; coverage says
    who reported and who did not."""
    report = build_report(district(frozenset({3, 11})), unit="huyen", period=Period.year(2024))
    (section,) = [s for s in report.sections if s.heading.startswith("Kết quả")]
    assert [t.caption for t in section.tables] == [
        "Quỹ Vì người nghèo theo đơn vị",
        "Hộ nghèo theo đơn vị",
        "Cuộc đối thoại theo đơn vị",
        "Điểm hài lòng của người dân theo đơn vị",
        "Người tham gia bảo hiểm y tế theo đơn vị",
        "Dân số theo đơn vị",
        "Tỷ lệ bao phủ bảo hiểm y tế theo đơn vị",
    ]
    assert len(section.tables[0].rows) == COMMUNES - 2
    assert section.tables[0].header == ("Đơn vị", "năm 2024", "năm 2023", "So với cùng kỳ")
    texts = [item.text for item in section.items]
    fund = texts.index(next(t for t in texts if t.startswith("Quỹ Vì người nghèo: ")))
    assert texts[fund + 1] == (
        "15/17 xã báo cáo; thiếu: Xã 3, Xã 11; so sánh với năm 2023 trên 15 xã có số liệu"
        " cả hai kỳ."
    )
    assert section.items[fund + 1].depth == 1


@settings(max_examples=25, deadline=None)
@given(
    st.frozensets(st.integers(0, COMMUNES - 1), max_size=5),
    st.sampled_from([i for i in INDICATORS if not i.is_ratio]),
)
def test_the_total_is_the_roll_up_of_the_subtree(
    missing: frozenset[int], indicator: Indicator
) -> None:
    """Property: the total the report writes for the district equals roll_up over the
    tree for the year, and the table of a summed indicator adds up to it."""
    data = district(missing)
    year = Period.year(2024)
    expected = roll_up(data.tree, data.observations, indicator, period=year).values["huyen"]
    report = build_report(data, unit="huyen", period=year)
    (section,) = [s for s in report.sections if s.heading.startswith("Kết quả")]
    line = next(item.text for item in section.items if item.text.startswith(indicator.name))
    assert expected is not None
    # a mean that does not end is written at two places, rounded half up
    written = Fraction(read(line.split(": ", 1)[1].split(", ")[0], indicator))
    assert written == (expected if written == expected else round_half_up(expected, 2))
    if indicator.roll_up is RollUp.SUM:
        table = next(t for t in section.tables if t.caption.startswith(indicator.name))
        assert sum(read(row[1], indicator) for row in table.rows) == expected


def read(written: str, indicator: Indicator) -> int | Decimal:
    """A figure as the report writes it, read back with danvan's own parsers."""
    if indicator.unit == "đồng":
        return parse_money(written)
    return parse_number(written.removesuffix(f" {indicator.unit}"))


def test_a_period_without_figures_is_an_error_unless_allowed() -> None:
    """ "năm 2030" has no figure: an error that says so, or the report when allowed."""
    data = district()
    with pytest.raises(InvalidValueError, match=r"no figure .* năm 2030"):
        build_report(data, period=Period.year(2030))
    report = build_report(data, period=Period.year(2030), allow_empty=True)
    assert not any(s.heading.startswith("Kết quả") for s in report.sections)


def test_an_unknown_unit_is_named() -> None:
    with pytest.raises(UnknownUnitError):
        build_report(district(), unit="xa-99", period=Period.year(2024))


def reform() -> Dataset:
    """Two communes merged on 01/07/2025 into a new one, a third split between it and
    another: quarterly money and a stock of poor households."""
    units = (
        DISTRICT,
        _commune(0, dissolved=REFORM, successors=("xa-moi",)),
        _commune(1, dissolved=REFORM, successors=("xa-moi",)),
        _commune(2, dissolved=REFORM, successors=("xa-moi", "xa-khac")),
        Unit(
            id="xa-moi",
            name="Xã Mới",
            kind=UnitKind.PEOPLES_COMMITTEE,
            level=Level.COMMUNE,
            founded=REFORM,
        ),
        Unit(
            id="xa-khac",
            name="Xã Khác",
            kind=UnitKind.PEOPLES_COMMITTEE,
            level=Level.COMMUNE,
            founded=REFORM,
        ),
    )
    seen = []
    for q, quarter in enumerate(_quarters(2025), 1):
        reporters = ["xa-0", "xa-1", "xa-2"] if q <= 2 else ["xa-moi", "xa-khac"]
        for unit in reporters:
            seen.append(Observation(indicator="quy", unit_id=unit, period=quarter, actual=100))
            seen.append(
                Observation(indicator="ho-ngheo", unit_id=unit, period=quarter, actual=10 * q)
            )
    return Dataset(
        title="Sáp nhập",
        source="Số liệu mẫu",
        units=units,
        indicators=(FUND, POOR),
        observations=tuple(seen),
    )


def test_a_new_commune_holds_the_first_half_of_the_communes_merged_into_it() -> None:
    """Xã Mới's 2025: its own two quarters and both quarters of the two communes merged
    into it (a flow adds up: 2×100 + 2×2×100); the poor households are its own last
    quarter (a stock holds what it took over); the split commune is not divided."""
    report = build_report(reform(), unit="xa-moi", period=Period.year(2025))
    text = report.to_text()
    assert "Quỹ Vì người nghèo: 600đ" in text
    assert "Hộ nghèo: 40 hộ" in text
    assert "Xã 2 (nay là Xã Mới và Xã Khác) chưa phân bổ" in text


def test_the_whole_area_counts_every_figure_once_across_the_reform() -> None:
    """The dataset's 2025 total is every money figure once (3 communes × 2 quarters +
    2 communes × 2 quarters), whoever reported it."""
    text = build_report(reform(), period=Period.year(2025)).to_text()
    assert "Quỹ Vì người nghèo: 1.000đ" in text


def test_counts_of_targets_met_count_indicators_never_units() -> None:
    """17 communes' figures of one indicator are one indicator in "Có a/b chỉ tiêu"."""
    text = build_report(district(), unit="huyen", period=Period.year(2024)).to_text()
    assert "Có 2/2 chỉ tiêu" in text
    assert f"/{COMMUNES} chỉ tiêu" not in text


def test_half_year_and_the_whole_year_agree() -> None:
    """Property of sums: the two halves' totals add up to the year's."""
    data = district()

    def total(period: Period) -> Fraction | None:
        return roll_up(data.tree, data.observations, FUND, period=period).values["huyen"]

    first, second = total(Period.half(2024, 1)), total(Period.half(2024, 2))
    assert first is not None
    assert second is not None
    assert first + second == total(Period.year(2024))


def test_a_units_report_names_the_units_with_figures_not_the_whole_tree() -> None:
    """The district's report lists the district and the 16 communes that reported
    (Xã 3 did not): not every unit of the tree before any figure."""
    report = build_report(district(frozenset({3})), unit="huyen", period=Period.year(2024))
    (units,) = [s for s in report.sections if s.heading == "Các đơn vị"]
    names = [item.text.split(" – ")[0] for item in units.items]
    assert names[0] == "Huyện Mẫu"
    assert len(names) == 1 + COMMUNES - 1
    assert "Xã 3" not in names


def test_the_change_is_like_for_like_when_units_are_missing() -> None:
    """Two communes did not report in 2024: the change from 2023 is worked out over the
    15 communes with figures in both years, not the 15 of 2024 against the 17 of 2023."""
    data = district(frozenset({3, 11}))
    text = build_report(data, unit="huyen", period=Period.year(2024)).to_text()
    both = [n for n in range(COMMUNES) if n not in (3, 11)]
    now = sum(1_000_000 * (n + q + 1) for n in both for q in (1, 2, 3, 4))
    then = sum(1_000_000 * (n + q) for n in both for q in (1, 2, 3, 4))
    assert f"tăng {format_percent(Fraction(now - then, then))} so với năm 2023" in text


@settings(max_examples=10, deadline=None)
@given(st.frozensets(st.integers(0, COMMUNES - 1), max_size=4))
def test_the_reports_of_the_quarters_add_up_to_the_report_of_the_year(
    missing: frozenset[int],
) -> None:
    """Property: for a summed indicator, the four quarterly reports' totals add up to
    the year's report total."""
    data = district(missing)

    def fund(period: Period) -> int | Decimal:
        text = build_report(data, unit="huyen", period=period).to_text()
        line = next(line for line in result_lines(text) if line.startswith(FUND.name))
        return read(line.split(": ", 1)[1].split(", ")[0], FUND)

    quarters = sum(fund(quarter) for quarter in _quarters(2024))
    assert quarters == fund(Period.year(2024))


def test_every_figure_counts_once_across_the_reform() -> None:
    """The reports of the two new communes hold every 2025 figure once, but the split
    commune's, which stay unassigned (200đ); with shares from the dataset, they add up
    to the whole area's figure. The old district's 2025 report is of its own three
    communes until they were dissolved (first half: 3 × 2 × 100đ)."""
    year = Period.year(2025)

    def fund(data: Dataset, unit: str | None) -> int | Decimal:
        text = build_report(data, unit=unit, period=year).to_text()
        line = next(line for line in result_lines(text) if line.startswith(FUND.name))
        return read(line.split(": ", 1)[1].split(", ")[0], FUND)

    data = reform()
    assert fund(data, "xa-moi") + fund(data, "xa-khac") + 200 == fund(data, None) == 1_000
    assert fund(data, "huyen") == 600
    shared = attrs.evolve(data, shares=SHARES)
    assert fund(shared, "xa-moi") + fund(shared, "xa-khac") == fund(shared, None) == 1_000
    assert (fund(shared, "xa-moi"), fund(shared, "xa-khac")) == (600 + 120, 200 + 80)


SHARES = (
    SuccessorShare(unit_id="xa-2", successor="xa-moi", share=Fraction(3, 5)),
    SuccessorShare(unit_id="xa-2", successor="xa-khac", share=Fraction(2, 5)),
)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 99), st.sampled_from([FUND, POOR]))
def test_shares_divide_a_split_units_figures_and_lose_none(
    percent: int, indicator: Indicator
) -> None:
    """Property: whatever share the dataset gives, the new communes' reports add up to
    the whole area's for a sum and for a stock, no note of unassigned figures remains,
    and the report's figure for each successor is its own plus its share."""
    share = Fraction(percent, 100)
    data = attrs.evolve(
        reform(),
        shares=(
            SuccessorShare(
                unit_id="xa-2", successor="xa-moi", share=share, indicator=indicator.code
            ),
            SuccessorShare(
                unit_id="xa-2", successor="xa-khac", share=1 - share, indicator=indicator.code
            ),
        ),
    )
    assert data.validate() == ()
    year = Period.year(2025)
    values = {}
    for unit in ("xa-moi", "xa-khac", None):
        text = build_report(data, unit=unit, period=year).to_text()
        line = next(line for line in result_lines(text) if line.startswith(indicator.name))
        values[unit] = Fraction(read(line.split(": ", 1)[1].split(", ")[0], indicator))
        assert "chưa phân bổ" not in text.split(indicator.name + ":", 1)[1].split("\n- ")[0]
    if indicator is FUND:  # a flow: the first half of 2025 is divided
        assert values["xa-moi"] == 600 + share * 200
        assert values["xa-moi"] + values["xa-khac"] == values[None]
    else:  # a stock: each new commune's own latest figure holds it
        assert values["xa-moi"] == values["xa-khac"] == 40


def test_shares_are_validated() -> None:
    """Shares that do not add up to 1, a share to a unit that is not a successor and a
    share of a unit with one successor are each a problem, with its path."""
    data = attrs.evolve(
        reform(),
        shares=(
            SuccessorShare(unit_id="xa-2", successor="xa-moi", share=Fraction(1, 2)),
            SuccessorShare(unit_id="xa-2", successor="huyen", share=Fraction(1, 4)),
            SuccessorShare(unit_id="xa-0", successor="xa-khac", share=Fraction(1)),
        ),
    )
    assert [(p.path, p.message) for p in data.validate()] == [
        ("$.shares[1].successor", "'huyen' is not a successor of 'xa-2'"),
        ("$.shares[2].successor", "'xa-khac' is not a successor of 'xa-0'"),
        ("$.shares[0].share", "the shares of 'xa-2' for every indicator add up to 3/4, not 1"),
    ]
    with pytest.raises(DataError, match=r"\$\.shares\[0\]\.successor: 'nowhere' is not a unit"):
        attrs.evolve(
            data, shares=(SuccessorShare(unit_id="xa-2", successor="nowhere", share=Fraction(1)),)
        )
    for bad in (Fraction(0), Fraction(3, 2)):
        with pytest.raises(InvalidValueError, match="share must be more than 0 and at most 1"):
            SuccessorShare(unit_id="xa-2", successor="xa-moi", share=bad)
    with pytest.raises(InvalidTypeError, match="share must be a Fraction"):
        SuccessorShare(unit_id="xa-2", successor="xa-moi", share=0.5)  # type: ignore[arg-type]


def test_sections_can_be_chosen() -> None:
    """sections= keeps only the sections asked for, in the report's order; an unknown
    name is an error naming it."""
    data = district()
    report = build_report(
        data, unit="huyen", period=Period.year(2024), sections=["results", "units"]
    )
    assert [s.heading for s in report.sections] == [
        "Các đơn vị",
        "Kết quả thực hiện các chỉ tiêu năm 2024",
    ]
    with pytest.raises(InvalidValueError, match="'charts'"):
        build_report(data, sections=["charts"])  # type: ignore[list-item]


def test_the_report_has_a_section_on_grassroots_democracy() -> None:
    """Dialogues and supervisions of the period (Luật 10/2022/QH15; NĐ 59/2023/NĐ-CP) are
    written in a section of their own, before the figures, in the sentences of
    danvan.phrases ("38 cuộc giám sát, kiến nghị 08 nội dung" is how reports put it)."""
    from danvan import Dialogue, Recommendation, RecommendationStatus, Supervision, SupervisorKind

    data = district()
    dialogue = Dialogue(
        id="dt-1", unit_id="xa-1", date=date(2024, 6, 20), opinions=12, answered=10
    )
    done = Recommendation(status=RecommendationStatus.RESOLVED, resolved_on=date(2024, 9, 1))
    open_one = Recommendation()
    supervision = Supervision(
        id="gs-1",
        unit_id="xa-2",
        date=date(2024, 5, 3),
        by=next(iter(SupervisorKind)),
        recommendations=(done, open_one),
    )
    data = Dataset(
        title=data.title,
        source=data.source,
        units=data.units,
        indicators=data.indicators,
        targets=data.targets,
        observations=data.observations,
        dialogues=(dialogue,),
        supervisions=(supervision,),
    )
    report = build_report(data, unit="huyen", period=Period.year(2024))
    headings = [s.heading for s in report.sections]
    assert headings.index("Thực hiện dân chủ ở cơ sở") < headings.index(
        "Kết quả thực hiện các chỉ tiêu năm 2024"
    )
    (section,) = [s for s in report.sections if s.heading == "Thực hiện dân chủ ở cơ sở"]
    assert section.paragraphs == (
        "Tổ chức 01 hội nghị đối thoại với Nhân dân, tiếp nhận 12 ý kiến, đã trả lời 10 ý kiến.",
        "01 cuộc giám sát, kiến nghị 02 nội dung, đã giải quyết 01 nội dung.",
    )
    other = build_report(data, unit="huyen", period=Period.year(2023))
    assert "Thực hiện dân chủ ở cơ sở" not in [s.heading for s in other.sections]


def test_the_models_section_says_biểu_dương_and_khen_thưởng_apart() -> None:
    """Biểu dương (a Party act) and khen thưởng (a State act, with its form) of the
    period are counted apart in the models section (Luật Thi đua, khen thưởng
    06/2022/QH15; the sentence of danvan.phrases.describe_commendations)."""
    from danvan import (
        Award,
        AwardForm,
        MobilizationModel,
        ModelEvent,
        ModelEventKind,
        ModelField,
        ModelHolder,
        ModelLevel,
    )

    def model(n: int, *events: ModelEvent) -> MobilizationModel:
        return MobilizationModel(
            id=f"m{n}",
            name=f"Mô hình {n}",
            field=ModelField.ECONOMY,
            holder=ModelHolder.COLLECTIVE,
            unit_id="xa-1",
            level=ModelLevel.COMMUNE,
            history=(
                ModelEvent(kind=ModelEventKind.REGISTERED, date=date(2024, 1, 5)),
                ModelEvent(kind=ModelEventKind.RECOGNISED, date=date(2024, 6, 1)),
                *events,
            ),
        )

    praised = ModelEvent(kind=ModelEventKind.PRAISED, date=date(2024, 10, 15))
    awarded = ModelEvent(
        kind=ModelEventKind.AWARDED,
        date=date(2024, 11, 1),
        award=Award(form=AwardForm.MERIT_CERTIFICATE, authority="Chủ tịch UBND tỉnh"),
    )
    base = district()
    data = Dataset(
        title=base.title,
        source=base.source,
        units=base.units,
        indicators=base.indicators,
        observations=base.observations,
        models=(model(0, praised, awarded), model(1, praised)),
    )
    report = build_report(data, unit="huyen", period=Period.year(2024))
    (section,) = [s for s in report.sections if s.heading.startswith("Mô hình")]
    assert section.paragraphs[0].endswith(
        "Biểu dương 02 mô hình, khen thưởng 01 mô hình (01 Bằng khen)."
    )


def test_units_built_from_places_follow_the_geography_across_the_reform() -> None:
    """Units that political_units built for places carry no successors; the report takes
    them from the geography: Phường Bắc Hồng Lĩnh (from 01/07/2025) took over Phường Bắc
    Hồng, Trung Lương, Đức Thuận and Xã Xuân Lam whole, so its Party committee's 2025
    figure holds what their Party committees reported in the first half."""
    from danvan import find_place, political_units
    from danvan.geography import predecessors

    new = find_place("Phường Bắc Hồng Lĩnh", as_of=date(2026, 1, 1))
    olds = [s.old for s in predecessors(new)]
    units = [*political_units(new).units]
    for old in olds:
        units += political_units(old).units
    fund = Indicator(code="quy", name="Quỹ Vì người nghèo", unit="đồng", roll_up=RollUp.SUM)
    seen = [
        Observation(
            indicator="quy", unit_id=f"{old.id}-party", period=Period.half(2025, 1), actual=100
        )
        for old in olds
    ]
    seen.append(
        Observation(
            indicator="quy", unit_id=f"{new.id}-party", period=Period.half(2025, 2), actual=1000
        )
    )
    data = Dataset(
        title="Bắc Hồng Lĩnh",
        source="Số liệu mẫu",
        units=tuple(units),
        indicators=(fund,),
        observations=tuple(seen),
    )
    text = build_report(data, unit=f"{new.id}-party", period=Period.year(2025)).to_text()
    total = 1000 + 100 * len(olds)
    assert f"Quỹ Vì người nghèo: {total:,}đ".replace(",", ".") in text


def test_a_ratio_per_unit_is_each_units_own_parts_and_every_table_has_a_bar_per_unit() -> None:
    """The table of a ratio gives each commune the ratio of its own two parts (never a
    mean of rates), compared in percentage points; every per-unit table carries a chart
    with one bar per row, labelled with the unit's name and the value as the table
    writes it."""
    data = district(frozenset({3, 11}))
    report = build_report(data, unit="huyen", period=Period.year(2024))
    (section,) = [s for s in report.sections if s.heading.startswith("Kết quả")]
    (table,) = [t for t in section.tables if t.caption.startswith("Tỷ lệ")]
    for row in table.rows:
        n = int(row[0].removeprefix("Xã "))
        insured, people = 4_280 + 100 * n, 5_000 + 100 * n  # the last quarter of 2024
        assert parse_percent(row[1]) == round(Decimal(insured) / people, 4)
        assert row[3].endswith("điểm phần trăm")
    (line,) = [i.text for i in section.items if i.text.startswith("Tỷ lệ bao phủ")]
    assert "%" not in line.split(")", 1)[1]  # no change in % copied from a part
    for t in section.tables:
        assert t.chart is not None
        assert t.chart.categories == tuple(row[0] for row in t.rows)
        assert tuple(label for (label,) in t.chart.labels) == tuple(row[1] for row in t.rows)
    html = report.to_html()
    assert html.count("<svg") == len(section.tables) + len(section.charts)
    assert "Xã 16</text>" in html


def test_model_statistics_follow_the_area_across_the_reform() -> None:
    """A unit's report counts the "Dân vận khéo" models of its area as its figures do: Xã
    Mới holds the model of a commune merged whole into it, never one of the commune split
    between two successors; the old district holds the models of its old communes; the
    whole dataset holds every model once."""
    from danvan import MobilizationModel, ModelEventKind, ModelField, ModelHolder, ModelLevel

    def model(n: int, unit: str) -> MobilizationModel:
        return MobilizationModel.register(
            id=f"m-{n}",
            name=f"Mô hình {n}",
            field=ModelField.ECONOMY,
            holder=ModelHolder.COLLECTIVE,
            unit_id=unit,
            level=ModelLevel.COMMUNE,
            date=date(2025, 2, 1),
        ).record(ModelEventKind.RECOGNISED, date(2025, 3, 1), unit_id=unit)

    data = attrs.evolve(reform(), models=(model(0, "xa-0"), model(2, "xa-2"), model(3, "xa-khac")))
    expected = {"xa-moi": 1, "xa-khac": 1, "huyen": 2, None: 3}
    for unit, count in expected.items():
        report = build_report(data, unit=unit, period=Period.year(2025))
        (section,) = [s for s in report.sections if "Dân vận khéo" in s.heading]
        assert section.paragraphs[0].startswith(
            f"Đến hết năm 2025 có {count} mô hình, điển hình;"
        ), unit


def test_a_deep_tree_is_written_without_quadratic_indentation() -> None:
    """3.000 units each below the one before: the units section indents no deeper than
    eight levels, so the text grows with the units (it grew with the square of the
    nesting: 4.700 units gave 22 MB)."""
    units = tuple(
        Unit(
            id=f"u{i}",
            name=f"Đơn vị {i}",
            kind=UnitKind.OTHER,
            level=Level.COMMUNE,
            parent=f"u{i - 1}" if i else None,
        )
        for i in range(3_000)
    )
    data = Dataset(
        title="Cây sâu",
        source="Số liệu mẫu",
        units=units,
        indicators=(MEETINGS,),
        observations=(
            Observation(indicator="cuoc", unit_id="u2999", period=Period.year(2024), actual=1),
        ),
    )
    report = build_report(data)
    text = report.to_text()
    lines = text.splitlines()
    assert max(len(line) - len(line.lstrip(" ")) for line in lines) == 2 * 8
    assert len(text) < 60 * len(units)
    assert "- Đơn vị 2999 – Đơn vị khác, cấp xã" in text
    markdown, html = report.to_markdown(), report.to_html()
    assert len(markdown) < 60 * len(units)
    assert html.count("<ul>") == 9 + 1  # nine levels of units, one list of results


@given(unit_trees(max_units=15), st.data())
def test_the_lowest_common_unit_is_the_deepest_shared_ancestor(
    units: list[Unit], data: st.DataObject
) -> None:
    """Oracle: the lowest unit holding some units, found by climbing once through the
    depth-first layout, is the deepest unit on every one of their paths to the root."""
    from danvan.report._totals import ALL, lowest_common

    if not units:
        return
    tree = UnitTree(units)
    chosen = data.draw(st.lists(st.sampled_from([u.id for u in units]), min_size=1))
    paths = [[u, *(a.id for a in tree.ancestors(u))][::-1] for u in chosen]
    shared = [ids[0] for ids in zip(*paths, strict=False) if len(set(ids)) == 1]
    assert lowest_common(tree, chosen) == (shared[-1] if shared else ALL)
