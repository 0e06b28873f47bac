"""Reports that add up (issue 14): a unit's report for a period, across the tree, over
the periods inside it and across 01/07/2025."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    Dataset,
    Indicator,
    InvalidValueError,
    Level,
    Observation,
    Period,
    RollUp,
    Target,
    Unit,
    UnitKind,
    UnknownUnitError,
    roll_up,
)
from danvan.numbers import format_percent, parse_money, parse_number
from danvan.report import build_report

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
INDICATORS = (FUND, POOR, MEETINGS)


def _quarters(year: int) -> list[Period]:
    return [Period.quarter(year, q) for q in (1, 2, 3, 4)]


def district(missing: frozenset[int] = frozenset()) -> Dataset:
    """17 communes with quarterly figures for 2023 and 2024; the communes in *missing*
    report nothing in 2024."""
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
@given(st.frozensets(st.integers(0, COMMUNES - 1), max_size=5), st.sampled_from(INDICATORS))
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
    assert read(line.split(": ", 1)[1].split(", ")[0], indicator) == expected
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
    """The reports of the two new communes and of what stays with the old district's
    area (the split commune's figures) add up to the whole area's 2025 figure."""
    data = reform()
    year = Period.year(2025)

    def fund(unit: str | None) -> int | Decimal:
        text = build_report(data, unit=unit, period=year).to_text()
        line = next(line for line in result_lines(text) if line.startswith(FUND.name))
        return read(line.split(": ", 1)[1].split(", ")[0], FUND)

    assert fund("xa-moi") + fund("xa-khac") + fund("huyen") == fund(None)


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
