"""danvan.report: the report of a dataset, as the real reports state their figures, and
properties over random datasets (never fails, names everything, the three formats say
the same, the HTML is well formed and fetches nothing)."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan import (
    Dataset,
    Indicator,
    InvalidTypeError,
    InvalidValueError,
    Level,
    MobilizationModel,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
    Observation,
    Period,
    RollUp,
    Target,
    Unit,
    UnitKind,
    from_json,
)
from danvan.report import (
    Chart,
    Item,
    Report,
    Section,
    Table,
    build_report,
    default_dataset,
    render_report,
)
from danvan.report._page import _coord
from tests.strategies import datasets

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "data"
FORMATS = ("text", "md", "html")


def load(name: str) -> Dataset:
    dataset: Dataset = from_json((EXAMPLES / f"{name}.json").read_bytes(), Dataset)
    return dataset


def plain(output: str, format: str) -> str:
    """The text a reader sees: Markdown without its escapes, HTML without its markup."""
    if format == "md":
        return re.sub(r"\\(.)", r"\1", output)
    if format == "html":
        return html.unescape(re.sub(r"<[^>]*>", "\n", output))
    return output


def norm(value: str) -> str:
    """Text as a report writes it: NFC, one space for white space, control characters
    shown as U+FFFD (an oracle for the report's own clean-up)."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(
        "\ufffd" if unicodedata.category(c) == "Cc" and not c.isspace() else c for c in value
    )
    return " ".join(value.split())


# ---------------------------------------------------------------- the real reports

REAL_FIGURES = [
    ("hoa_thanh_2020", "Quỹ “Vì người nghèo” vận động được: 1.798.702.098đ, đạt 108,39% kế hoạch"),
    ("hoa_thanh_2020", "Trị giá các suất quà vận động đóng góp hỗ trợ: 5.052.100.000đ"),
    ("hoa_thanh_2020", "Số tiền xây dựng nhà đại đoàn kết cho hộ nghèo: 915 triệu đồng"),
    ("hoa_thanh_2020", "Lượt người tham dự các cuộc tuyên truyền, vận động: 9.278 lượt người"),
    ("hoa_thanh_2020", "10.499 suất quà"),
    ("hoa_thanh_2020", "“Cơ sở tín ngưỡng tôn giáo văn minh”: 33/33 cơ sở"),
    ("hoa_thanh_2020", "15/15 cơ sở"),
    ("hoa_thanh_2020", "Tỷ lệ ý kiến được giải quyết tại các buổi đối thoại: trên 90%"),
    (
        "hoa_thanh_2020",
        "Kế hoạch số 123-KH/BDV-UBND ngày 17/3/2020 của Ban Dân vận Thị ủy Hòa Thành và Ủy"
        " ban nhân dân thị xã Hòa Thành về phối hợp thực hiện công tác dân vận chính quyền"
        " năm 2020, thực hiện Kế hoạch số 70-KH/BDVTU-BCSĐUBND",
    ),
    ("hoa_thanh_2020", "Kế hoạch số 70-KH/BDVTU-BCSĐUBND ngày 27/02/2020"),
    ("hoa_thanh_2020", "Kỳ báo cáo: năm 2020"),
    ("hong_linh_2021", "Chỉ tiêu đạt và vượt kế hoạch: 19/21 chỉ tiêu"),
    ("hong_linh_2021", "6/8 sản phẩm"),
    (
        "hong_linh_2021",
        "Mô hình “Dân vận khéo” được công nhận và biểu dương: 70 mô hình, đạt 73% kế hoạch,"
        " tăng 17% so với năm 2020",
    ),
    ("hong_linh_2021", ": trên 3,8 tỷ đồng"),
    ("hong_linh_2021", "Tỷ lệ bao phủ bảo hiểm y tế (trên dân số): 96%"),
    (
        "hong_linh_2021",
        "Chỉ thị số 08-CT/ThU ngày 19/5/2021 của Ban Thường vụ Thị ủy Hồng Lĩnh về",
    ),
    ("hong_linh_2021", "Kết luận số 25-KL/ThU ngày 03/12/2021"),
    ("hong_linh_2021", "thực hiện Nghị quyết số 02-NQ/ThU"),
    ("hong_linh_2021", "Quyết định số 202-QĐ/ThU ngày 25/11/2021"),
    ("nam_dinh_2022", "10/10 huyện ủy, thành ủy"),
    ("nam_dinh_2022", "226/226 đảng ủy"),
    ("nam_dinh_2022", "(lũy kế): 3.545 mô hình, điển hình"),
    ("nam_dinh_2022", "2.066 mô hình, điển hình"),
    ("nam_dinh_2022", "1.479 mô hình, điển hình"),
    ("nam_dinh_2022", "Kỳ báo cáo: tháng 2/2022"),
]


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize(("name", "figure"), REAL_FIGURES)
def test_real_reports_state_their_figures(name: str, figure: str, format: str) -> None:
    output = render_report(build_report(load(name)), format=format)  # type: ignore[arg-type]
    assert figure in plain(output, format)


@pytest.mark.parametrize("name", ["hoa_thanh_2020", "hong_linh_2021", "nam_dinh_2022"])
def test_real_reports_are_nfc_and_have_no_unpaired_ratio_parts(name: str) -> None:
    text = build_report(load(name)).to_text()
    assert unicodedata.is_normalized("NFC", text)
    # the denominators of "a/b" figures are not listed on their own
    assert "Chỉ tiêu của kế hoạch:" not in text
    assert "Cơ sở tín ngưỡng tôn giáo: 33" not in text
    # nor the attainment and change percents, which belong to their indicator's line
    assert "Tỷ lệ đạt kế hoạch" not in text


def test_bundled_dataset_is_the_example_file() -> None:
    bundled = ROOT / "src" / "danvan" / "data" / "hong_linh_2021.json"
    assert bundled.read_bytes() == (EXAMPLES / "hong_linh_2021.json").read_bytes()
    assert default_dataset() == load("hong_linh_2021")


def test_default_report_sections_and_period() -> None:
    report = build_report(load("hoa_thanh_2020"))
    assert report.period == Period.year(2020)
    assert [s.heading for s in report.sections] == [
        "Các đơn vị",
        "Văn bản chỉ đạo",
        "Phong trào, cuộc vận động",
        "Kết quả thực hiện các chỉ tiêu năm 2020",
        "Nguồn số liệu",
    ]
    units = report.sections[0].items
    assert [(i.text.split(" – ")[0], i.depth) for i in units[:3]] == [
        ("Ban Dân vận Trung ương", 0),
        ("Tỉnh ủy Tây Ninh", 0),
        ("Ban Dân vận Tỉnh ủy Tây Ninh", 1),
    ]
    (chart,) = report.sections[3].charts
    assert chart.values == ((Fraction(10839, 10000),),)
    assert chart.labels == (("108,39%",),)


def test_period_filters_figures_units_and_directives() -> None:
    data = load("hong_linh_2021")
    report = build_report(data, period=Period.year(2020), allow_empty=True)
    headings = [s.heading for s in report.sections]
    assert not any(h.startswith("Kết quả") for h in headings)
    assert "Văn bản chỉ đạo" not in headings  # every directive is from 2021
    assert report.period == Period.year(2020)
    half = build_report(data, period=Period.half(2021, 1), allow_empty=True)
    codes = [i.text.split(" ngày ")[0] for i in half.sections[1].items]
    assert codes == ["Chỉ thị số 08-CT/ThU"]


def test_units_dissolved_by_the_period_are_left_out() -> None:
    data = load("hoa_thanh_2020")
    gone = attrs.evolve(data.units[-1], dissolved=date(2025, 7, 1))
    data = attrs.evolve(data, units=(*data.units[:-1], gone))
    assert "MTTQVN thị xã Hòa Thành" in build_report(data).to_text()
    later = build_report(data, period=Period.year(2026), allow_empty=True).to_text()
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Hòa Thành –" not in later
    assert "hoạt động đến hết ngày 30/6/2025" in build_report(data).to_text()


# ------------------------------------------------------- models, plans and changes


def model(
    n: int, field: ModelField, holder: ModelHolder, year: int, recognised: bool
) -> MobilizationModel:
    m = MobilizationModel.register(
        id=f"m{n}",
        name=f"Mô hình {n}",
        field=field,
        holder=holder,
        unit_id="hoa-thanh-thu",
        level=ModelLevel.COMMUNE,
        date=date(year, 3, 1),
    )
    return m.record(ModelEventKind.RECOGNISED, date(year, 11, 1)) if recognised else m


@pytest.fixture
def with_models() -> Dataset:
    models = [
        model(1, ModelField.ECONOMY, ModelHolder.COLLECTIVE, 2019, True),
        model(2, ModelField.NEW_RURAL_AREAS, ModelHolder.COLLECTIVE, 2019, False),
        model(3, ModelField.ECONOMY, ModelHolder.INDIVIDUAL, 2020, True),
        model(4, ModelField.DEFENCE_SECURITY, ModelHolder.COLLECTIVE, 2020, True),
        model(5, ModelField.ECONOMY, ModelHolder.COLLECTIVE, 2021, True),  # after 2020
    ]
    return attrs.evolve(load("hoa_thanh_2020"), models=tuple(models))


def test_model_statistics_section(with_models: Dataset) -> None:
    report = build_report(with_models)
    (section,) = [s for s in report.sections if s.heading.startswith("Mô hình")]
    assert section.paragraphs == (
        "Đến hết năm 2020 có 4 mô hình, điển hình; trong đó có 3 tập thể, 1 cá nhân."
        " Theo lĩnh vực: kinh tế 2; văn hóa – xã hội 1 (nông thôn mới 1);"
        " quốc phòng – an ninh 1. Theo cấp: cơ sở 4. Trong năm 2020, đăng ký mới 2 mô"
        " hình; công nhận 2 mô hình, tăng 100% so với năm 2019.",
    )
    fields, holders, statuses = section.tables
    assert fields.header == ("Lĩnh vực", "năm 2019", "năm 2020", "So với năm 2019")
    assert ("Kinh tế", "1", "2", "tăng 100%") in fields.rows
    assert ("trong đó: nông thôn mới", "1", "1", "bằng") not in fields.rows
    assert ("trong đó: nông thôn mới", "1", "1", "không đổi") in fields.rows
    assert ("Quốc phòng – an ninh", "0", "1", "tăng 1 mô hình") in fields.rows
    assert ("Tổng số", "2", "4", "tăng 100%") in fields.rows
    assert not any(row[0] == "trong đó: giảm nghèo" for row in fields.rows)
    assert holders.rows == (
        ("Tập thể", "2", "3", "tăng 50%"),
        ("Cá nhân", "0", "1", "tăng 1 mô hình"),
    )
    assert ("Đã được công nhận", "1", "3", "tăng 200%") in statuses.rows
    (chart,) = section.charts
    assert chart.categories == ("năm 2019", "năm 2020")
    assert chart.values[1] == (Fraction(2), Fraction(1), Fraction(1), Fraction(0))


def test_figures_of_several_years_make_one_report_of_the_years_they_span(
    with_models: Dataset,
) -> None:
    """Figures of 2019 and 2020: the report is for "giai đoạn 2019-2020", one results
    section adds each indicator up over both years (15 houses in 2020 and 9 in 2019)."""
    extra = Observation(
        indicator="houses.built", unit_id="hoa-thanh-thu", period=Period.year(2019), actual=9
    )
    data = attrs.evolve(with_models, observations=(*with_models.observations, extra))
    report = build_report(data)
    assert report.period == Period.years(2019, 2020)
    (section,) = [s for s in report.sections if s.heading.startswith("Mô hình")]
    assert section.paragraphs[0].startswith("Đến hết giai đoạn 2019-2020 có")
    (results,) = [s for s in report.sections if s.heading.startswith("Kết quả")]
    assert results.heading == "Kết quả thực hiện các chỉ tiêu giai đoạn 2019-2020"
    assert any(item.text.endswith(": 24 căn") for item in results.items)


def planned(*observations: Observation, targets: tuple[Target, ...] = ()) -> Report:
    year = Period.year(2021)
    indicators = (
        Indicator(code="fund", name="Quỹ", unit="đồng", roll_up=RollUp.SUM),
        Indicator(code="houses", name="Nhà", unit="căn", roll_up=RollUp.SUM),
        Indicator(
            code="poor", name="Hộ nghèo", unit="hộ", roll_up=RollUp.LAST, higher_is_better=False
        ),
        Indicator(code="insured", name="Bảo hiểm y tế", unit="%", roll_up=RollUp.LAST),
    )
    data = attrs.evolve(
        load("hoa_thanh_2020"),
        indicators=indicators,
        observations=tuple(
            attrs.evolve(o, unit_id="hoa-thanh-thu", period=year) for o in observations
        ),
        targets=targets,
    )
    return build_report(data)


def seen(indicator: str, actual: object, **more: object) -> Observation:
    return Observation(
        indicator=indicator,
        unit_id="hoa-thanh-thu",
        period=Period.year(2021),
        actual=actual,
        **more,  # type: ignore[arg-type]
    )


def lines(report: Report) -> list[str]:
    (section,) = [s for s in report.sections if s.heading.startswith("Kết quả")]
    return [*section.paragraphs, *(item.text for item in section.items)]


@pytest.mark.parametrize(
    ("observation", "expected"),
    [
        (seen("fund", 1798702098, target=1659500000), "Quỹ: 1.798.702.098đ, đạt 108,39% kế hoạch"),
        (
            seen("houses", 10, target=12, baseline=8),
            "Nhà: 10 căn, đạt 83,33% kế hoạch, tăng 25% so với kỳ gốc",
        ),
        (seen("houses", 10, baseline=0), "Nhà: 10 căn, tăng 10 căn so với kỳ gốc"),
        (seen("houses", 8, baseline=8), "Nhà: 8 căn, bằng kỳ gốc"),
        (seen("houses", 3, target=0), "Nhà: 3 căn, kế hoạch 0 căn"),
        (seen("houses", Fraction(1, 3)), "Nhà: 0,33 căn"),
        (seen("fund", Fraction(1, 3)), "Quỹ: 0đ"),
        (seen("fund", 3800000000), "Quỹ: 3,8 tỷ đồng"),
        (seen("fund", 50596000000), "Quỹ: 50,596 tỷ đồng"),
        (seen("fund", 5052100000), "Quỹ: 5.052.100.000đ"),
        (
            seen("insured", Decimal("0.96"), baseline=Decimal("0.93")),
            "Bảo hiểm y tế: 96%, tăng 3 điểm phần trăm so với kỳ gốc",
        ),
    ],
)
def test_figure_lines(observation: Observation, expected: str) -> None:
    assert expected in lines(planned(observation))


def test_targets_met_counted_with_direction_and_dataset_targets() -> None:
    report = planned(
        seen("fund", 1798702098, target=1659500000),
        seen("houses", 10),
        seen("poor", 95, target=100),  # fewer poor households than planned: met
        seen("insured", Decimal("0.9"), target=Decimal("0.95")),
        targets=(
            Target(
                indicator="houses", unit_id="hoa-thanh-thu", period=Period.year(2021), value=12
            ),
        ),
    )
    found = lines(report)
    assert found[0] == "Có 2/4 chỉ tiêu đạt và vượt kế hoạch."
    assert "Nhà: 10 căn, đạt 83,33% kế hoạch" in found
    (chart,) = next(s for s in report.sections if s.heading.startswith("Kết quả")).charts
    # Where lower is better the plan is a ceiling, not a mark to reach: not charted.
    assert chart.categories == ("Quỹ", "Nhà", "Bảo hiểm y tế")
    assert chart.labels[1] == ("83,33%",)


def test_a_figure_too_large_to_write_is_named() -> None:
    with pytest.raises(InvalidValueError, match="cannot write the figure of 'houses'"):
        planned(seen("houses", Decimal("1E+5000")))


# ---------------------------------------------------------------- the value classes


@pytest.mark.parametrize(
    "build",
    [
        lambda: Item("hai\ndòng"),
        lambda: Item("  "),
        lambda: Item("x", depth=-1),
        lambda: Table("Bảng", ("a", "b"), (("1",),)),
        lambda: Table("Bảng", (), ()),
        lambda: Chart("Biểu đồ", ("a",), ("s",), ((1,),), (("1",),)),  # type: ignore[arg-type]
        lambda: Chart("Biểu đồ", ("a", "b"), ("s",), ((Fraction(1),),), (("1",),)),
        lambda: Report("Báo cáo", None, "Nguồn", (Item("x"),)),  # type: ignore[arg-type]
    ],
)
def test_value_classes_check_their_fields(build: object) -> None:
    with pytest.raises((InvalidValueError, InvalidTypeError)):
        build()  # type: ignore[operator]


def test_render_report_checks_its_arguments() -> None:
    report = Report("Báo cáo", None, "Nguồn", ())
    with pytest.raises(InvalidValueError, match="format must be one of"):
        render_report(report, format="pdf")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        render_report("report", format="text")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        build_report(report)  # type: ignore[arg-type]


def test_notebooks_get_a_fragment() -> None:
    fragment = build_report(load("hoa_thanh_2020"))._repr_html_()
    assert fragment.startswith('<div class="danvan-report">')
    assert fragment.endswith("</div>")
    assert "<html" not in fragment
    assert "<body" not in fragment
    assert "1.798.702.098đ" in fragment


def test_nested_items_in_every_format() -> None:
    items = (Item("a"), Item("b", depth=1), Item("c", depth=3), Item("d"))
    report = Report("T", None, "N", (Section("S", items=items),))
    assert "- a\n  - b\n    - c\n- d" in report.to_text()
    assert "- a\n  - b\n    - c\n- d" in report.to_markdown()
    assert "<ul>\n<li>a\n<ul>\n<li>b\n<ul>\n<li>c</li></ul></li></ul></li>\n<li>d</li></ul>" in (
        report.to_html()
    )


def test_markdown_escapes_what_would_be_markup() -> None:
    report = Report("T", None, "N", (Section("S", paragraphs=("1. <b>*x*</b> | y",)),))
    assert "1\\. \\<b\\>\\*x\\*\\</b\\> \\| y" in report.to_markdown()


# ------------------------------------------------------------------------ properties


class _Checker(HTMLParser):
    """Checks that every element is closed in order; collects text and attributes."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.texts: list[str] = []
        self.attributes: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [f"{name}={value}" for name, value in attrs]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [f"{name}={value}" for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"</{tag}> closes another element"

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data.strip())


def strings(report: Report) -> list[str]:
    """Every text of the report that carries figures: paragraphs, items, cells."""
    found = []
    for section in report.sections:
        found += section.paragraphs
        found += [item.text for item in section.items]
        for table in (*section.tables, *(chart.as_table() for chart in section.charts)):
            found += [cell for row in table.rows for cell in row if cell]
    return found


def attempt(dataset: Dataset) -> Report | None:
    try:
        return build_report(dataset)
    except InvalidValueError as exc:  # a figure of more than 4300 digits
        assert "more than" in str(exc)
        return None


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(datasets(max_units=5, max_items=4))
def test_report_names_every_unit_and_directive(dataset: Dataset) -> None:
    report = attempt(dataset)
    if report is None:
        return
    text = report.to_text()
    for unit in dataset.units:
        assert norm(unit.name) in text
    for directive in dataset.directives:
        dated = " ngày " if directive.issued is not None else ""
        assert f"{directive.code.describe()}{dated}" in text
    for campaign in dataset.campaigns:
        assert norm(campaign.name) in text
    assert build_report(dataset) == report  # a pure function of the dataset


@SETTINGS
@given(datasets(max_units=4, max_items=4))
def test_the_three_formats_say_the_same(dataset: Dataset) -> None:
    report = attempt(dataset)
    if report is None:
        return
    text, markdown = report.to_text(), plain(report.to_markdown(), "md")
    checker = _Checker()
    checker.feed(report.to_html())
    checker.close()
    for value in strings(report):
        assert value in text
        assert value in markdown
        assert value in checker.texts


@SETTINGS
@given(datasets(max_units=4, max_items=4))
def test_html_is_well_formed_and_self_contained(dataset: Dataset) -> None:
    report = attempt(dataset)
    if report is None:
        return
    page = report.to_html()
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    assert not {"script", "iframe", "img", "link", "object"} & checker.tags
    assert not [a for a in checker.attributes if re.search(r"https?:|//|src=|href=", a)]
    assert not re.search(r"https?://|@import|url\(", re.sub(r">[^<]*<", "><", page))


@settings(max_examples=200, deadline=None)
@given(st.fractions(min_value=-(10**9), max_value=10**9))
def test_svg_coordinates_are_the_exact_value_to_two_places(value: Fraction) -> None:
    written = _coord(value)
    assert re.fullmatch(r"-?[0-9]+\.[0-9]{2}", written)
    assert abs(Fraction(Decimal(written)) - value) <= Fraction(1, 200)


def test_percent_of_plan_joins_its_figure_whatever_the_order() -> None:
    data = load("hoa_thanh_2020")
    reordered = tuple(reversed(data.observations))
    report = build_report(attrs.evolve(data, observations=reordered))
    text = report.to_text()
    assert "Quỹ “Vì người nghèo” vận động được: 1.798.702.098đ, đạt 108,39% kế hoạch" in text
    assert "Tỷ lệ đạt kế hoạch" not in text


def test_stated_attainment_and_change_are_written_in_the_line_of_their_figure() -> None:
    """Hồng Lĩnh 2021 (corpus 000): "công nhận và biểu dương 70 mô hình, đạt 73%, tăng
    17% so với năm 2020": the plan and the 2020 figure are not given, only the percents."""
    text = build_report(load("hong_linh_2021")).to_text()
    assert "70 mô hình, đạt 73% kế hoạch, tăng 17% so với năm 2020" in text


def test_a_denominator_with_a_plan_keeps_its_own_line() -> None:
    data = load("hong_linh_2021")
    observations = tuple(
        attrs.evolve(o, target=20) if o.indicator == "plan.indicators" else o
        for o in data.observations
    )
    text = build_report(attrs.evolve(data, observations=observations)).to_text()
    assert "Chỉ tiêu đạt và vượt kế hoạch: 19/21 chỉ tiêu" in text
    assert "Chỉ tiêu của kế hoạch: 21 chỉ tiêu, đạt 105% kế hoạch" in text
    assert "Có 1/2 chỉ tiêu đạt và vượt kế hoạch." in text  # 21 of 20, and the stated 73%


def test_no_model_section_before_the_first_model(with_models: Dataset) -> None:
    report = build_report(with_models, period=Period.year(2018), allow_empty=True)
    assert not any(s.heading.startswith("Mô hình") for s in report.sections)
    report = build_report(with_models, period=Period.quarter(2021, 1), allow_empty=True)
    (section,) = [s for s in report.sections if s.heading.startswith("Mô hình")]
    assert section.tables[0].header[1:3] == ("quý I/2020", "quý I/2021")
    assert section.charts[0].categories[-2:] == ("năm 2020", "quý I/2021")


# --------------------------------------------------------------- review fixes


def _with_lone_surrogates(node: object, key: str | None = None) -> object:
    """The JSON of a dataset with a lone surrogate after every text a report writes."""
    if isinstance(node, dict):
        return {k: _with_lone_surrogates(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_with_lone_surrogates(v, key) for v in node]
    texts = {"title", "source", "notes", "name", "other_names", "unit", "summary"}
    if isinstance(node, str) and key in texts:
        return node + "\ud800"
    return node


@pytest.mark.parametrize("name", ["hoa_thanh_2020", "hong_linh_2021", "nam_dinh_2022"])
def test_lone_surrogates_are_written_as_replacement_characters(name: str) -> None:
    import json

    raw = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    dataset = from_json(json.dumps(_with_lone_surrogates(raw)), Dataset)
    report = build_report(dataset)
    assert report.title.endswith("\ufffd")
    for format in FORMATS:
        output = render_report(report, format=format)  # type: ignore[arg-type]
        assert "\ufffd" in output
        output.encode("utf-8")  # no lone surrogate left to refuse


def test_a_unit_dissolved_on_the_first_day_of_year_one() -> None:
    data = load("hoa_thanh_2020")
    gone = attrs.evolve(data.units[-1], founded=None, dissolved=date(1, 1, 1))
    data = attrs.evolve(data, units=(*data.units[:-1], gone))
    text = build_report(data).to_text()
    assert "giải thể ngày 0001-01-01" in text


def test_html_cells_are_always_escaped() -> None:
    from danvan._html import Html

    table = Table(
        "Bảng", ("Chỉ tiêu", "Giá trị"), ((Html("<b>Quỹ</b>"), Html("<script>x</script>")),)
    )
    page = Report("T", None, "N", (Section("S", tables=(table,)),)).to_html()
    assert "<b>Quỹ</b>" not in page
    assert "<script>x" not in page
    assert "&lt;b&gt;Quỹ&lt;/b&gt;" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


def test_dates_before_year_1000_are_iso_in_the_report() -> None:
    data = load("hoa_thanh_2020")
    old = attrs.evolve(data.units[-1], founded=date(999, 12, 31), dissolved=None)
    data = attrs.evolve(data, units=(*data.units[:-1], old))
    assert "thành lập ngày 0999-12-31" in build_report(data).to_text()


def test_the_report_shares_the_helpers_of_other_modules() -> None:
    from danvan import _html, _text, _validators, sentences
    from danvan.report import _model, _sections

    assert _sections.capital is sentences.capital is _text.capital
    assert _model.count is _validators.count
    assert not hasattr(_sections, "_date")  # dates go through _html.date_text
    assert _html.date_text(date(999, 1, 2)) == "0999-01-02"


def test_model_tables_compare_with_the_year_before(with_models: Dataset) -> None:
    section = build_report(with_models, period=Period.year(2020)).sections[3]
    for table in section.tables:
        assert table.header[1:] == ("năm 2019", "năm 2020", "So với năm 2019")
    chart = Chart("C", ("a",), ("s",), ((Fraction(1),),), (("1",),))
    assert chart.as_table().header == ("", "s")


@given(
    st.lists(
        st.sampled_from(
            [
                "Mô",
                "hình",
                "“Dân",
                "vận",
                "khéo”",
                "được",
                "công",
                "nhận",
                "và",
                "biểu",
                "dương",
                "xã",
                "Đậu",
                "Liêu",
            ]
        ),
        min_size=1,
        max_size=20,
    )
)
def test_chart_labels_are_never_cut_inside_a_word(words: list[str]) -> None:
    """A long category name is cut between words (issue 14), within the limit unless its
    first word alone is longer, and "…" says it was cut."""
    from danvan.report._page import _SHORT, _label

    name = " ".join(words)
    label = _label(name)
    if len(name) <= _SHORT:
        assert label == name
        return
    assert label.endswith("…")
    kept = label[:-1].split(" ")
    assert kept == words[: len(kept)]
    assert len(label) <= _SHORT or len(kept) == 1


def test_empty_other_names_are_left_out_of_the_report() -> None:
    """A unit whose other names are empty or blank (which Dataset.validate() reports)
    is written without them, not refused."""
    unit = Unit(
        id="a", name="Xã A", kind=UnitKind.OTHER, level=Level.COMMUNE, other_names=("", " ", "B")
    )
    data = Dataset(title="Báo cáo", source="Nguồn", units=(unit,))
    assert [p.path for p in data.validate()] == [
        "$.units[0].other_names[0]",
        "$.units[0].other_names[1]",
    ]
    (section,) = build_report(data).sections[:1]
    assert section.items[0].text == "Xã A – Đơn vị khác, cấp xã; tên khác: B"
