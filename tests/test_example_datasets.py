"""The example datasets: the JSON in examples/data is what examples/datasets.py builds,
and it holds the figures and documents of the three corpus reports exactly as stated.

Source of every figure checked here: the three reports of the project's corpus,
``../shared/corpus/000_fbfeb734c26a8be3.txt`` (Hồng Lĩnh, 2021),
``001_e70b725e486fad51.txt`` (Nam Định, 2022) and ``002_30bf4d38b8046724.txt`` (Hòa
Thành, 2020), with the figures labelled by hand in the ``.json`` beside each. The checks
against the labels run only when the corpus is beside the checkout, as it is in CI;
elsewhere they are skipped. The danvan 0.1 files of the same datasets are kept in
``tests/data/v1/`` and must read, through the upgrade of schema "danvan/1", as the same
figures.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from danvan import (
    Dataset,
    DocumentCode,
    Observation,
    Period,
    RollUp,
    UnitKind,
    from_json,
    parse_money,
    parse_number,
    parse_percent,
    to_json,
)
from danvan.observations import Bound, Counting

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "datasets.py"
DATA = ROOT / "examples" / "data"
GOLDEN = Path(__file__).resolve().parent / "data" / "v1"
BUNDLED = ROOT / "src" / "danvan" / "data" / "hong_linh_2021.json"
CORPUS = ROOT.parent / "shared" / "corpus"

# JSON file, builder in the script, corpus file stem.
REPORTS = [
    ("hong_linh_2021.json", "hong_linh_2021", "000_fbfeb734c26a8be3"),
    ("nam_dinh_2022.json", "nam_dinh_2022", "001_e70b725e486fad51"),
    ("hoa_thanh_2020.json", "hoa_thanh_2020", "002_30bf4d38b8046724"),
]
IDS = [name for name, _, _ in REPORTS]
STEMS = {name: stem for name, _, stem in REPORTS}


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("danvan_example_datasets", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT_MODULE = _load_script()


def built(builder: str) -> Dataset:
    dataset = getattr(SCRIPT_MODULE, builder)()
    assert isinstance(dataset, Dataset)
    return dataset


def loaded(name: str) -> Dataset:
    return from_json((DATA / name).read_text(encoding="utf-8"), Dataset)


def golden(name: str) -> Dataset:
    """The danvan 0.1 file of the dataset, read through the upgrade of "danvan/1"."""
    text = (GOLDEN / name).read_text(encoding="utf-8")
    assert json.loads(text)["$schema"] == "danvan/1"
    dataset = from_json(text)
    assert isinstance(dataset, Dataset)
    return dataset


def corpus_labels(stem: str) -> dict[str, Any]:
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not at {CORPUS}")
    labels: dict[str, Any] = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    return labels


def corpus_text(stem: str) -> str:
    corpus_labels(stem)  # skips without the corpus
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def the_observation(name: str, indicator: str, unit_id: str) -> Observation:
    """The one observation of *indicator* for *unit_id* in the example file *name*."""
    found = [o for o in loaded(name).observations_of(indicator) if o.unit_id == unit_id]
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------- JSON and script


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_json_in_the_repo_is_written_by_to_json(name: str, builder: str, stem: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert text == to_json(built(builder)) + "\n", (
        f"examples/data/{name} is stale: run python examples/datasets.py"
    )
    assert text == SCRIPT_MODULE.dataset_json(built(builder))
    assert json.loads(text)["$schema"] == "danvan/2"


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_json_loads_back_to_the_dataset(name: str, builder: str, stem: str) -> None:
    assert loaded(name) == built(builder)


def test_the_bundled_dataset_is_a_copy_of_the_example() -> None:
    assert BUNDLED.read_bytes() == (DATA / "hong_linh_2021.json").read_bytes()


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_every_dataset_validates(name: str, builder: str, stem: str) -> None:
    assert built(builder).validate() == ()
    assert loaded(name).validate() == ()


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_source_cites_the_report_in_vietnamese_and_notes_interpretations(
    name: str, builder: str, stem: str
) -> None:
    data = loaded(name)
    assert f"corpus/{stem}.txt" in data.source
    assert data.source.startswith("Bài “") or data.source.startswith("Bài viết ")
    assert "Bản lưu trong kho báo cáo của danvan" in data.source
    assert data.notes
    assert all(note.strip() for note in data.notes)


def test_main_writes_the_files_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    SCRIPT_MODULE.main(tmp_path)
    assert capsys.readouterr().out.count("(written)") == 3
    for name, _, _ in REPORTS:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()
    SCRIPT_MODULE.main(tmp_path)
    assert capsys.readouterr().out.count("(up to date)") == 3


# ------------------------------------------------------- no meaning in prose or codes


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_no_meaning_in_descriptions_codes_or_notes(name: str, builder: str, stem: str) -> None:
    data = loaded(name)
    for indicator in data.indicators:
        assert indicator.code.rpartition(".")[2] not in ("attainment", "change")
        description = indicator.description or ""
        assert not description.startswith(("Numerator of", "Denominator of"))
        assert "lower bound" not in description
    for note in data.notes:
        assert ".attainment" not in note
        assert ".change" not in note
        assert "Numerator of" not in note
        assert "Denominator of" not in note


# ------------------------------------------------------------------------ figures

Y2021, Y2020, FEB_2022 = Period.year(2021), Period.year(2020), Period.month(2022, 2)
HL, ND, HT = "hong_linh_2021.json", "nam_dinh_2022.json", "hoa_thanh_2020.json"

# (file, indicator, unit id, period, the figure as the report writes it, exact actual)
KEY_FIGURES: list[tuple[str, str, str, Period, str, int | Decimal]] = [
    (HL, "documents.issued", "hong-linh-thu", Y2021, "77", 77),
    (HL, "plan.indicators_met", "hong-linh-thu", Y2021, "19", 19),
    (HL, "plan.indicators", "hong-linh-thu", Y2021, "21", 21),
    (HL, "products.rural_industry_recognised", "hong-linh-thu", Y2021, "6", 6),
    (HL, "products.rural_industry_considered", "hong-linh-thu", Y2021, "8", 8),
    (HL, "models.recognised_and_commended", "hong-linh-thu", Y2021, "70", 70),
    (HL, "models.recognised.commune", "hong-linh-thu", Y2021, "52", 52),
    (HL, "models.commended", "hong-linh-thu", Y2021, "26", 26),
    (HL, "covid.support_raised", "hong-linh-thu", Y2021, "3,8 tỷ đồng", 3800000000),
    (HL, "health_insurance.coverage", "hong-linh-thu", Y2021, "96%", Decimal("0.96")),
    (HL, "social_insurance.coverage", "hong-linh-thu", Y2021, "43%", Decimal("0.43")),
    (
        ND,
        "party_committees.district.mobilization_head_in_standing_committee",
        "nam-dinh-tu",
        FEB_2022,
        "10",
        10,
    ),
    (ND, "party_committees.district", "nam-dinh-tu", FEB_2022, "10", 10),
    (
        ND,
        "party_committees.commune.mobilization_bloc_consolidated",
        "nam-dinh-tu",
        FEB_2022,
        "226",
        226,
    ),
    (ND, "party_committees.commune", "nam-dinh-tu", FEB_2022, "226", 226),
    (
        ND,
        "state_agencies.mobilization_leader_assigned.share",
        "nam-dinh-tu",
        FEB_2022,
        "100%",
        Decimal("1"),
    ),
    (ND, "documents.reviewed_since_2011", "nam-dinh-btv", FEB_2022, "26", 26),
    (ND, "models.built", "nam-dinh-tu", FEB_2022, "3.545", 3545),
    (ND, "models.built.collective", "nam-dinh-tu", FEB_2022, "2.066", 2066),
    (ND, "models.built.individual", "nam-dinh-tu", FEB_2022, "1.479", 1479),
    (HT, "propaganda.sessions", "hoa-thanh-thu", Y2020, "897", 897),
    (HT, "propaganda.attendance", "hoa-thanh-thu", Y2020, "9.278", 9278),
    (HT, "gifts.count", "hoa-thanh-thu", Y2020, "10.499", 10499),
    (HT, "gifts.value", "hoa-thanh-thu", Y2020, "5.052.100.000đ", 5052100000),
    (HT, "religious_sites.registered", "hoa-thanh-thu", Y2020, "33", 33),
    (HT, "religious_sites", "hoa-thanh-thu", Y2020, "33", 33),
    (HT, "religious_establishments.registered", "hoa-thanh-thu", Y2020, "15", 15),
    (HT, "religious_establishments", "hoa-thanh-thu", Y2020, "15", 15),
    (HT, "fund.vi_nguoi_ngheo", "hoa-thanh-thu", Y2020, "1.798.702.098đ", 1798702098),
    (HT, "houses.built", "hoa-thanh-thu", Y2020, "15", 15),
    (HT, "houses.built.cost", "hoa-thanh-thu", Y2020, "915 triệu đồng", 915000000),
    (HT, "houses.handed_over", "hoa-thanh-thu", Y2020, "12", 12),
    (HT, "houses.repaired", "hoa-thanh-thu", Y2020, "08", 8),
    (HT, "houses.repaired.cost", "hoa-thanh-thu", Y2020, "218 triệu đồng", 218000000),
    (HT, "dialogue.levels", "hoa-thanh-thu", Y2020, "02", 2),
    (HT, "dialogue.opinions_resolved.share", "hoa-thanh-thu", Y2020, "90%", Decimal("0.90")),
    (HT, "supervision.sessions", "hoa-thanh-thu", Y2020, "38", 38),
    (HT, "supervision.recommendations", "hoa-thanh-thu", Y2020, "08", 8),
]
KEY_IDS = [f"{row[0][:-5]}:{row[1]}" for row in KEY_FIGURES]

# What a report states beside a figure: (file, indicator, unit id, field, the words as
# the report writes them, the value of the field).
STATED: list[tuple[str, str, str, str, str, object]] = [
    # "công nhận và biểu dương 70 mô hình “Dân vận khéo” trên các lĩnh vực, đạt 73%, tăng
    # 17% so với năm 2020"
    (HL, "models.recognised_and_commended", "hong-linh-thu", "stated_attainment", "đạt 73%",
     Decimal("0.73")),
    (HL, "models.recognised_and_commended", "hong-linh-thu", "stated_change", "tăng 17%",
     Decimal("0.17")),
    (HL, "models.recognised_and_commended", "hong-linh-thu", "baseline_period",
     "so với năm 2020", Period.year(2020)),
    # "đạt trên 3,8 tỷ đồng"
    (HL, "covid.support_raised", "hong-linh-thu", "bound", "trên 3,8 tỷ đồng", Bound.MORE_THAN),
    # "vận động quỹ "Vì người nghèo" được 1.798.702.098đ đạt 108,39% KH"
    (HT, "fund.vi_nguoi_ngheo", "hoa-thanh-thu", "stated_attainment", "đạt 108,39% KH",
     Decimal("1.0839")),
    # "có trên 90% số ý kiến được giải quyết"
    (HT, "dialogue.opinions_resolved.share", "hoa-thanh-thu", "bound", "trên 90%",
     Bound.MORE_THAN),
]  # fmt: skip
STATED_FIELDS = ("bound", "stated_attainment", "stated_change", "baseline_period")


def _read(written: str) -> int | Decimal:
    """The value of a figure as written, read by danvan itself."""
    if written.endswith("%"):
        return parse_percent(written)
    if written.endswith(("đ", "đồng")):
        return parse_money(written)
    value = parse_number(written)
    assert isinstance(value, (int, Decimal))
    return value


@pytest.mark.parametrize(
    ("name", "indicator", "unit_id", "period", "written", "value"), KEY_FIGURES, ids=KEY_IDS
)
def test_key_figures_are_exact(
    name: str, indicator: str, unit_id: str, period: Period, written: str, value: int | Decimal
) -> None:
    loaded(name).indicator(indicator)  # defined
    seen = the_observation(name, indicator, unit_id)
    assert seen.period == period
    assert type(seen.actual) is type(value)  # money and counts are int, rates Decimal
    assert seen.actual == value
    assert _read(written) == value
    assert seen.target is None  # no report states a plan
    assert seen.baseline is None  # nor an earlier figure


@pytest.mark.parametrize(
    ("name", "indicator", "unit_id", "field", "written", "value"),
    STATED,
    ids=[f"{row[0][:-5]}:{row[1]}:{row[3]}" for row in STATED],
)
def test_stated_figures_are_fields_of_the_observation(
    name: str, indicator: str, unit_id: str, field: str, written: str, value: object
) -> None:
    seen = the_observation(name, indicator, unit_id)
    assert getattr(seen, field) == value
    if isinstance(value, Decimal):  # a ratio, as the percent written reads
        assert type(getattr(seen, field)) is Decimal
        (percent,) = [word for word in written.split() if word.endswith("%")]
        assert parse_percent(percent) == value
    if isinstance(value, Bound):
        assert written.split()[0] in value.words


def test_stated_fields_are_only_those_the_reports_state() -> None:
    expected = {(row[0], row[1], row[2], row[3]) for row in STATED}
    found = set()
    for name, _, _ in REPORTS:
        for seen in loaded(name).observations:
            for field in STATED_FIELDS:
                if getattr(seen, field) is not None:
                    found.add((name, seen.indicator, seen.unit_id, field))
    assert found == expected


def test_the_models_of_hong_linh_are_compared_with_2020() -> None:
    # "tăng 17% so với năm 2020": the figure is of 2021, the comparison of the year 2020.
    seen = the_observation(HL, "models.recognised_and_commended", "hong-linh-thu")
    assert seen.period == Period.year(2021)
    assert seen.comparison_period == Period.year(2020)
    assert seen.baseline is None  # the 2020 number is not stated


@pytest.mark.parametrize(
    ("name", "written"),
    [(row[0], row[4]) for row in KEY_FIGURES] + [(row[0], row[4]) for row in STATED],
    ids=KEY_IDS + [f"{row[0][:-5]}:{row[1]}:{row[3]}" for row in STATED],
)
def test_key_figures_are_written_so_in_the_report(name: str, written: str) -> None:
    assert written in corpus_text(STEMS[name])


def test_every_observation_is_a_key_figure() -> None:
    for name, _, _ in REPORTS:
        keys = {(row[1], row[2]) for row in KEY_FIGURES if row[0] == name}
        assert {(o.indicator, o.unit_id) for o in loaded(name).observations} == keys


def test_rates_are_ratios_with_a_percent_unit() -> None:
    for name, _, _ in REPORTS:
        dataset = loaded(name)
        for observation in dataset.observations:
            is_rate = dataset.indicator(observation.indicator).unit == "%"
            assert is_rate == isinstance(observation.actual, Decimal)
            if not is_rate:
                assert isinstance(observation.actual, int)


def test_no_plan_or_model_is_made_up() -> None:
    for name, _, _ in REPORTS:
        dataset = loaded(name)
        assert dataset.targets == ()
        assert dataset.models == ()
        assert all(c.targets == () for c in dataset.campaigns)
        assert all(o.target is None and o.baseline is None for o in dataset.observations)


# ---------------------------------------------------------------------- "a/b" figures

# (file, ratio indicator, numerator, denominator, "a/b" as the report writes it)
RATIOS = [
    (HL, "plan.indicators_met.share", "plan.indicators_met", "plan.indicators", "19/21"),
    (
        HL,
        "products.rural_industry_recognised.share",
        "products.rural_industry_recognised",
        "products.rural_industry_considered",
        "6/8",
    ),
    (
        ND,
        "party_committees.district.mobilization_head_in_standing_committee.share",
        "party_committees.district.mobilization_head_in_standing_committee",
        "party_committees.district",
        "10/10",
    ),
    (
        ND,
        "party_committees.commune.mobilization_bloc_consolidated.share",
        "party_committees.commune.mobilization_bloc_consolidated",
        "party_committees.commune",
        "226/226",
    ),
    (
        HT,
        "religious_sites.registered.share",
        "religious_sites.registered",
        "religious_sites",
        "33/33",
    ),
    (
        HT,
        "religious_establishments.registered.share",
        "religious_establishments.registered",
        "religious_establishments",
        "15/15",
    ),
]


@pytest.mark.parametrize(
    ("name", "code", "numerator", "denominator", "written"),
    RATIOS,
    ids=[f"{row[0][:-5]}:{row[4]}" for row in RATIOS],
)
def test_a_over_b_is_a_ratio_of_two_counts(
    name: str, code: str, numerator: str, denominator: str, written: str
) -> None:
    dataset = loaded(name)
    ratio = dataset.indicator(code)
    assert (ratio.numerator, ratio.denominator) == (numerator, denominator)
    assert ratio.is_ratio
    assert ratio.unit == "%"
    assert ratio.roll_up is None
    assert dataset.observations_of(code) == ()  # computed from its parts, never stored
    parts = []
    for part in (numerator, denominator):
        assert dataset.indicator(part).roll_up in (RollUp.SUM, RollUp.LAST)
        (seen,) = dataset.observations_of(part)
        assert isinstance(seen.actual, int)
        parts.append(seen.actual)
    top, bottom = written.split("/")
    assert parts == [int(top), int(bottom)]  # "6/8" is not reduced to 3/4


def test_every_ratio_indicator_is_an_a_over_b_of_the_report() -> None:
    for name, _, _ in REPORTS:
        ratios = {i.code for i in loaded(name).indicators if i.is_ratio}
        assert ratios == {row[1] for row in RATIOS if row[0] == name}


def test_the_parts_add_up_as_the_report_says() -> None:
    # "3.545 mô hình, điển hình …; trong đó có 2.066 tập thể, 1.479 cá nhân"
    def count(indicator: str) -> int:
        actual = the_observation(ND, indicator, "nam-dinh-tu").actual
        assert isinstance(actual, int)
        return actual

    collective, individual = count("models.built.collective"), count("models.built.individual")
    assert collective + individual == count("models.built") == 3545


# (file, indicator, how it counts): "lượt người" counts occurrences; stocks of distinct
# committees, establishments, indicators, documents and models count each once.
COUNTING = [
    (HT, "propaganda.attendance", Counting.OCCURRENCES),
    (HT, "religious_sites", Counting.DISTINCT),
    (HT, "religious_sites.registered", Counting.DISTINCT),
    (HT, "religious_establishments", Counting.DISTINCT),
    (HT, "religious_establishments.registered", Counting.DISTINCT),
    (HL, "plan.indicators", Counting.DISTINCT),
    (HL, "plan.indicators_met", Counting.DISTINCT),
    (ND, "party_committees.district", Counting.DISTINCT),
    (ND, "party_committees.district.mobilization_head_in_standing_committee", Counting.DISTINCT),
    (ND, "party_committees.commune", Counting.DISTINCT),
    (ND, "party_committees.commune.mobilization_bloc_consolidated", Counting.DISTINCT),
    (ND, "documents.reviewed_since_2011", Counting.DISTINCT),
    (ND, "models.built", Counting.DISTINCT),
    (ND, "models.built.collective", Counting.DISTINCT),
    (ND, "models.built.individual", Counting.DISTINCT),
]


def test_counting_where_the_report_makes_it_clear_and_nowhere_else() -> None:
    expected = {(row[0], row[1]): row[2] for row in COUNTING}
    for name, _, _ in REPORTS:
        for indicator in loaded(name).indicators:
            assert indicator.counting == expected.get((name, indicator.code)), indicator.code
            if indicator.counting is Counting.DISTINCT:
                assert indicator.roll_up is RollUp.LAST  # a stock: never added over time
    assert "lượt lượt người" in corpus_text(STEMS[HT])  # "9.278 lượt lượt người"


def test_no_figure_is_marked_lower_is_better() -> None:
    # None of the three reports states a figure of something it wants fewer of.
    for name, _, _ in REPORTS:
        assert all(i.higher_is_better for i in loaded(name).indicators)


# ------------------------------------------------------------ the danvan 0.1 files


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_the_golden_v1_file_upgrades_to_the_same_figures(
    name: str, builder: str, stem: str
) -> None:
    old, new = golden(name), loaded(name)
    new_codes = {i.code for i in new.indicators}
    shared = {i.code for i in old.indicators} & new_codes
    assert shared
    # Every figure of the 0.1 file is still a figure, of an indicator the new file has.
    assert {o.indicator for o in old.observations} <= new_codes
    actuals = {o.key: o.actual for o in new.observations if o.indicator in shared}
    assert {o.key: o.actual for o in old.observations if o.indicator in shared} == actuals

    # The stated attainment and change that the upgrade derives are those stated now.
    def stated(data: Dataset) -> dict[tuple[str, str, Period], tuple[object, ...]]:
        return {
            o.key: (o.stated_attainment, o.stated_change, o.comparison_period)
            for o in data.observations
            if o.stated_attainment is not None or o.stated_change is not None
        }

    assert stated(old) == stated(new)

    # The "a/b" figures the upgrade links are the ratios of the new file.
    def ratios(data: Dataset) -> set[tuple[str | None, str | None]]:
        return {(i.numerator, i.denominator) for i in data.indicators if i.is_ratio}

    assert ratios(old) == ratios(new)
    assert old.validate() == ()


def test_the_golden_v1_files_held_the_stated_figures_as_suffixed_indicators() -> None:
    # What the 0.1 convention looked like, so that the comparison above is not empty.
    raw = json.loads((GOLDEN / HT).read_text(encoding="utf-8"))
    codes = {i["code"] for i in raw["indicators"]}
    assert "fund.vi_nguoi_ngheo.attainment" in codes
    upgraded = golden(HT)
    assert "fund.vi_nguoi_ngheo.attainment" not in {i.code for i in upgraded.indicators}
    fund = next(o for o in upgraded.observations if o.indicator == "fund.vi_nguoi_ngheo")
    assert (fund.actual, fund.stated_attainment) == (1798702098, Decimal("1.0839"))


# ---------------------------------------------------------------- units, documents

# (code, date of issue, title given, issuers) of every directive
DIRECTIVES: dict[str, set[tuple[str, date | None, bool, tuple[str, ...]]]] = {
    HL: {
        ("08-CT/ThU", date(2021, 5, 19), True, ("hong-linh-btv",)),
        ("02-NQ/ThU", None, False, ("hong-linh-thu",)),
        ("25-KL/ThU", date(2021, 12, 3), True, ("hong-linh-thu",)),
        ("202-QĐ/ThU", date(2021, 11, 25), True, ("hong-linh-btv",)),
    },
    ND: set(),
    HT: {
        ("70-KH/BDVTU-BCSĐUBND", date(2020, 2, 27), False, ("tay-ninh-bdv", "tay-ninh-bcsd-ubnd")),
        ("123-KH/BDV-UBND", date(2020, 3, 17), True, ("hoa-thanh-bdv", "hoa-thanh-ubnd")),
        ("16-CTr/BDV-UBND", None, True, ("hoa-thanh-bdv", "hoa-thanh-ubnd")),
    },
}  # fmt: skip


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_directives_as_the_report_cites_them(name: str, builder: str, stem: str) -> None:
    dataset = loaded(name)
    found = {
        (str(d.code), d.issued, d.title is not None, d.issuer_ids) for d in dataset.directives
    }
    assert found == DIRECTIVES[name]


def test_documents_cited_by_code_only_are_directives_without_a_date() -> None:
    # "tiếp tục thực hiện Nghị quyết số 02-NQ/ThU của Ban Chấp hành Đảng bộ thị xã (khóa V)"
    hong_linh = loaded(HL)
    conclusion = next(d for d in hong_linh.directives if str(d.code) == "25-KL/ThU")
    assert [str(code) for code in conclusion.implements] == ["02-NQ/ThU"]
    resolution = next(d for d in hong_linh.directives if str(d.code) == "02-NQ/ThU")
    assert (resolution.title, resolution.issued) == (None, None)
    # "Chương trình phối hợp số 16-CTr/BDV-UBND … về công tác dân vận, giai đoạn 2016-2021"
    hoa_thanh = loaded(HT)
    programme = next(c for c in hoa_thanh.campaigns if c.id == "hoa-thanh-ctr-16")
    assert str(programme.directive) == "16-CTr/BDV-UBND"
    assert programme.period == Period.years(2016, 2021)
    assert programme.launching_unit_id == "hoa-thanh-bdv"
    assert programme.partner_unit_ids == ("hoa-thanh-ubnd",)
    document = next(d for d in hoa_thanh.directives if d.code == programme.directive)
    assert document.issued is None
    assert document.title == "Về công tác dân vận, giai đoạn 2016-2021"
    # "Thực hiện Kế hoạch số 70-KH/BDVTU-BCSĐUBND, ngày 27/02/2020": no subject, no title
    plan = next(d for d in hoa_thanh.directives if str(d.code) == "70-KH/BDVTU-BCSĐUBND")
    assert plan.title is None


def _codes(dataset: Dataset) -> set[DocumentCode]:
    codes: set[DocumentCode] = set()
    for directive in dataset.directives:
        codes.add(directive.code)
        codes.update(directive.implements)
    for campaign in dataset.campaigns:
        if campaign.directive is not None:
            codes.add(campaign.directive)
    for observation in dataset.observations:
        if observation.source is not None:
            codes.add(observation.source)
    for target in dataset.targets:
        if target.source is not None:
            codes.add(target.source)
    return codes


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_every_document_code_is_one_the_corpus_labels(name: str, builder: str, stem: str) -> None:
    labels = corpus_labels(stem)
    labelled: set[DocumentCode] = set()
    for figure in labels["figures"]:
        if figure["kind"] != "document" or not figure["value"]["issuers"]:
            continue  # a bare "Quyết định 22" has no code to compare with
        code = DocumentCode.parse(figure["text"])
        value = figure["value"]
        assert (code.number, str(code.type), list(code.issuers)) == (
            value["number"],
            value["type"],
            value["issuers"],
        )
        labelled.add(code)
    dataset = loaded(name)
    # Every code in the dataset is labelled, and every labelled code is in the dataset,
    # as a directive of its own.
    assert _codes(dataset) == labelled
    assert {d.code for d in dataset.directives} == labelled
    dates = {f["value"] for f in labels["figures"] if f["kind"] == "date"}
    for directive in dataset.directives:
        if directive.issued is not None:
            assert directive.issued.isoformat() in dates


# Labelled figures that are deliberately not observations, by corpus file and offset.
NOT_RECORDED = {
    ("000_fbfeb734c26a8be3", 5428): "30 năm: an anniversary in 2022, not a figure of the work",
    ("001_e70b725e486fad51", 1902): "6 tháng: a reporting interval",
    ("002_30bf4d38b8046724", 3069): "6 tiêu chuẩn: size of a set of standards, in a name",
    ("002_30bf4d38b8046724", 3168): "5 tiêu chuẩn: size of a set of standards, in a name",
}


def _label_values(figure: dict[str, Any]) -> list[Decimal]:
    kind, value = figure["kind"], figure["value"]
    if kind == "ratio":
        return [Decimal(value[0]), Decimal(value[1])]
    if kind == "percent":
        return [Decimal(value) / 100]
    return [Decimal(value)]


def _recorded(dataset: Dataset, figure: dict[str, Any]) -> bool:
    """Whether the labelled *figure* is in *dataset* where its qualifier says it goes:
    "tăng" is a stated change; a percent after "đạt" is an actual rate or a stated
    attainment; "trên" is an actual with the bound "more than"; else an actual."""
    values = _label_values(figure)
    qualifier = figure["qualifier"]
    if qualifier == "tăng":
        return any(o.stated_change in values for o in dataset.observations)
    stated_attainments = {o.stated_attainment for o in dataset.observations}
    if figure["kind"] == "percent" and qualifier == "đạt" and set(values) <= stated_attainments:
        return True
    if qualifier == "trên":
        bounded = {o.actual for o in dataset.observations if o.bound is Bound.MORE_THAN}
        return set(values) <= bounded
    actuals = {Decimal(o.actual) for o in dataset.observations if o.bound is None}
    return set(values) <= actuals


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_every_labelled_figure_is_recorded(name: str, builder: str, stem: str) -> None:
    labels = corpus_labels(stem)
    text = corpus_text(stem)
    dataset = loaded(name)
    missing, checked = [], 0
    for figure in labels["figures"]:
        if figure["ambiguous"] or figure["kind"] not in ("quantity", "money", "percent", "ratio"):
            continue
        assert text[figure["start"] :].startswith(figure["text"])
        if (stem, figure["start"]) in NOT_RECORDED:
            continue
        checked += 1
        if not _recorded(dataset, figure):
            missing.append(figure["text"])
    assert missing == []
    assert checked == {HL: 11, ND: 7, HT: 17}[name]


def test_unit_trees() -> None:
    hong_linh = loaded(HL).tree
    assert [u.name for u in hong_linh.ancestors("hong-linh-bdv")] == [
        "Thị ủy Hồng Lĩnh",
        "Tỉnh ủy Hà Tĩnh",
    ]
    assert hong_linh["hong-linh-thu"].identifier("document_issuer") == "ThU"
    nam_dinh = loaded(ND).tree
    assert {u.kind for u in nam_dinh.children("nam-dinh-tu")} == {
        UnitKind.STANDING_COMMITTEE,
        UnitKind.STANDING_BOARD,
        UnitKind.MASS_MOBILIZATION_BOARD,
    }
    hoa_thanh = loaded(HT).tree
    assert [u.id for u in hoa_thanh.find("Ban Dân vận Huyện ủy Hòa Thành")] == ["hoa-thanh-bdv"]
    assert [u.id for u in hoa_thanh.find("Ủy ban nhân dân huyện Hòa Thành")] == ["hoa-thanh-ubnd"]
    assert hoa_thanh.parent("long-hoa-ubnd") == hoa_thanh["hoa-thanh-ubnd"]


def test_dan_van_kheo_in_every_report() -> None:
    for name, _, _ in REPORTS:
        dataset = loaded(name)
        kheo = [c for c in dataset.campaigns if c.name == "Dân vận khéo"]
        assert len(kheo) == 1
        assert dataset.tree[kheo[0].launching_unit_id].name == "Ban Dân vận Trung ương"
