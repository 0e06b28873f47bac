"""The example datasets: the JSON in examples/data is what examples/datasets.py builds,
and it holds the figures and documents of the three corpus reports exactly as stated.

The checks against the hand-labelled corpus run only when the corpus is beside the
checkout (``../shared/corpus``), as it is in CI; elsewhere they are skipped.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from danvan import (
    Dataset,
    DocumentCode,
    Period,
    UnitKind,
    from_json,
    parse_money,
    parse_number,
    parse_percent,
)

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "datasets.py"
DATA = ROOT / "examples" / "data"
CORPUS = ROOT.parent / "shared" / "corpus"

# JSON file, builder in the script, corpus file stem.
REPORTS = [
    ("hong_linh_2021.json", "hong_linh_2021", "000_fbfeb734c26a8be3"),
    ("nam_dinh_2022.json", "nam_dinh_2022", "001_e70b725e486fad51"),
    ("hoa_thanh_2020.json", "hoa_thanh_2020", "002_30bf4d38b8046724"),
]
IDS = [name for name, _, _ in REPORTS]


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


def corpus_labels(stem: str) -> dict[str, Any]:
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not at {CORPUS}")
    labels: dict[str, Any] = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    return labels


# ----------------------------------------------------------------- JSON and script


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_json_in_the_repo_is_up_to_date(name: str, builder: str, stem: str) -> None:
    expected = SCRIPT_MODULE.dataset_json(built(builder))
    assert (DATA / name).read_text(encoding="utf-8") == expected, (
        f"examples/data/{name} is stale: run python examples/datasets.py"
    )


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_json_loads_back_to_the_dataset(name: str, builder: str, stem: str) -> None:
    assert loaded(name) == built(builder)


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_source_cites_the_report_and_notes_interpretations(
    name: str, builder: str, stem: str
) -> None:
    data = loaded(name)
    assert f"corpus/{stem}.txt" in data.source
    assert data.notes
    assert all(note.strip() for note in data.notes)


def test_main_writes_the_files_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    SCRIPT_MODULE.main(tmp_path)
    assert capsys.readouterr().out.count("(written)") == 3
    for name, _, _ in REPORTS:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()
    SCRIPT_MODULE.main(tmp_path)
    assert capsys.readouterr().out.count("(up to date)") == 3


# ------------------------------------------------------------------------ figures

Y2021, Y2020, FEB_2022 = Period.year(2021), Period.year(2020), Period.month(2022, 2)

# (file, indicator, unit id, period, the figure as the report writes it, exact value)
KEY_FIGURES: list[tuple[str, str, str, Period, str, int | Decimal]] = [
    ("hong_linh_2021.json", "documents.issued", "hong-linh-thu", Y2021, "77", 77),
    ("hong_linh_2021.json", "plan.indicators_met", "hong-linh-thu", Y2021, "19", 19),
    ("hong_linh_2021.json", "plan.indicators", "hong-linh-thu", Y2021, "21", 21),
    (
        "hong_linh_2021.json",
        "products.rural_industry_recognised",
        "hong-linh-thu",
        Y2021,
        "6",
        6,
    ),
    (
        "hong_linh_2021.json",
        "products.rural_industry_considered",
        "hong-linh-thu",
        Y2021,
        "8",
        8,
    ),
    ("hong_linh_2021.json", "models.recognised_and_commended", "hong-linh-thu", Y2021, "70", 70),
    (
        "hong_linh_2021.json",
        "models.recognised_and_commended.attainment",
        "hong-linh-thu",
        Y2021,
        "73%",
        Decimal("0.73"),
    ),
    (
        "hong_linh_2021.json",
        "models.recognised_and_commended.change",
        "hong-linh-thu",
        Y2021,
        "17%",
        Decimal("0.17"),
    ),
    ("hong_linh_2021.json", "models.recognised.commune", "hong-linh-thu", Y2021, "52", 52),
    ("hong_linh_2021.json", "models.commended", "hong-linh-thu", Y2021, "26", 26),
    (
        "hong_linh_2021.json",
        "covid.support_raised",
        "hong-linh-thu",
        Y2021,
        "3,8 tỷ đồng",
        3800000000,
    ),
    (
        "hong_linh_2021.json",
        "health_insurance.coverage",
        "hong-linh-thu",
        Y2021,
        "96%",
        Decimal("0.96"),
    ),
    (
        "hong_linh_2021.json",
        "social_insurance.coverage",
        "hong-linh-thu",
        Y2021,
        "43%",
        Decimal("0.43"),
    ),
    (
        "nam_dinh_2022.json",
        "party_committees.district.mobilization_head_in_standing_committee",
        "nam-dinh-tu",
        FEB_2022,
        "10",
        10,
    ),
    ("nam_dinh_2022.json", "party_committees.district", "nam-dinh-tu", FEB_2022, "10", 10),
    (
        "nam_dinh_2022.json",
        "party_committees.commune.mobilization_bloc_consolidated",
        "nam-dinh-tu",
        FEB_2022,
        "226",
        226,
    ),
    ("nam_dinh_2022.json", "party_committees.commune", "nam-dinh-tu", FEB_2022, "226", 226),
    (
        "nam_dinh_2022.json",
        "state_agencies.mobilization_leader_assigned.share",
        "nam-dinh-tu",
        FEB_2022,
        "100%",
        Decimal("1"),
    ),
    ("nam_dinh_2022.json", "documents.reviewed_since_2011", "nam-dinh-btv", FEB_2022, "26", 26),
    ("nam_dinh_2022.json", "models.built", "nam-dinh-tu", FEB_2022, "3.545", 3545),
    ("nam_dinh_2022.json", "models.built.collective", "nam-dinh-tu", FEB_2022, "2.066", 2066),
    ("nam_dinh_2022.json", "models.built.individual", "nam-dinh-tu", FEB_2022, "1.479", 1479),
    ("hoa_thanh_2020.json", "propaganda.sessions", "hoa-thanh-thu", Y2020, "897", 897),
    ("hoa_thanh_2020.json", "propaganda.attendance", "hoa-thanh-thu", Y2020, "9.278", 9278),
    ("hoa_thanh_2020.json", "gifts.count", "hoa-thanh-thu", Y2020, "10.499", 10499),
    (
        "hoa_thanh_2020.json",
        "gifts.value",
        "hoa-thanh-thu",
        Y2020,
        "5.052.100.000đ",
        5052100000,
    ),
    ("hoa_thanh_2020.json", "religious_sites.registered", "hoa-thanh-thu", Y2020, "33", 33),
    ("hoa_thanh_2020.json", "religious_sites", "hoa-thanh-thu", Y2020, "33", 33),
    (
        "hoa_thanh_2020.json",
        "religious_establishments.registered",
        "hoa-thanh-thu",
        Y2020,
        "15",
        15,
    ),
    ("hoa_thanh_2020.json", "religious_establishments", "hoa-thanh-thu", Y2020, "15", 15),
    (
        "hoa_thanh_2020.json",
        "fund.vi_nguoi_ngheo",
        "hoa-thanh-thu",
        Y2020,
        "1.798.702.098đ",
        1798702098,
    ),
    (
        "hoa_thanh_2020.json",
        "fund.vi_nguoi_ngheo.attainment",
        "hoa-thanh-thu",
        Y2020,
        "108,39%",
        Decimal("1.0839"),
    ),
    ("hoa_thanh_2020.json", "houses.built", "hoa-thanh-thu", Y2020, "15", 15),
    (
        "hoa_thanh_2020.json",
        "houses.built.cost",
        "hoa-thanh-thu",
        Y2020,
        "915 triệu đồng",
        915000000,
    ),
    ("hoa_thanh_2020.json", "houses.handed_over", "hoa-thanh-thu", Y2020, "12", 12),
    ("hoa_thanh_2020.json", "houses.repaired", "hoa-thanh-thu", Y2020, "08", 8),
    (
        "hoa_thanh_2020.json",
        "houses.repaired.cost",
        "hoa-thanh-thu",
        Y2020,
        "218 triệu đồng",
        218000000,
    ),
    ("hoa_thanh_2020.json", "dialogue.levels", "hoa-thanh-thu", Y2020, "02", 2),
    (
        "hoa_thanh_2020.json",
        "dialogue.opinions_resolved.share",
        "hoa-thanh-thu",
        Y2020,
        "90%",
        Decimal("0.90"),
    ),
    ("hoa_thanh_2020.json", "supervision.sessions", "hoa-thanh-thu", Y2020, "38", 38),
    ("hoa_thanh_2020.json", "supervision.recommendations", "hoa-thanh-thu", Y2020, "08", 8),
]


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
    ("name", "indicator", "unit_id", "period", "written", "value"),
    KEY_FIGURES,
    ids=[f"{row[0][:-5]}:{row[1]}" for row in KEY_FIGURES],
)
def test_key_figures_are_exact(
    name: str, indicator: str, unit_id: str, period: Period, written: str, value: int | Decimal
) -> None:
    dataset = loaded(name)
    dataset.indicator(indicator)  # defined
    found = [o for o in dataset.observations_of(indicator) if o.unit_id == unit_id]
    assert [o.period for o in found] == [period]
    actual = found[0].actual
    assert type(actual) is type(value)  # money and counts are int, rates Decimal
    assert actual == value
    assert _read(written) == value
    assert found[0].target is None  # no report states a plan


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


def _count(name: str, indicator: str) -> int:
    (observation,) = loaded(name).observations_of(indicator)
    assert isinstance(observation.actual, int)
    return observation.actual


def test_the_parts_add_up_as_the_report_says() -> None:
    # "3.545 mô hình, điển hình …; trong đó có 2.066 tập thể, 1.479 cá nhân"
    collective = _count("nam_dinh_2022.json", "models.built.collective")
    individual = _count("nam_dinh_2022.json", "models.built.individual")
    assert collective + individual == _count("nam_dinh_2022.json", "models.built") == 3545
    # "19/21 chỉ tiêu": the share is the ratio of the two observations.
    met = _count("hong_linh_2021.json", "plan.indicators_met")
    assert Fraction(met, _count("hong_linh_2021.json", "plan.indicators")) == Fraction(19, 21)


# ---------------------------------------------------------------- units, documents

DIRECTIVES = {
    "hong_linh_2021.json": {
        ("08-CT/ThU", date(2021, 5, 19), ("hong-linh-btv",)),
        ("25-KL/ThU", date(2021, 12, 3), ("hong-linh-thu",)),
        ("202-QĐ/ThU", date(2021, 11, 25), ("hong-linh-btv",)),
    },
    "nam_dinh_2022.json": set(),
    "hoa_thanh_2020.json": {
        ("70-KH/BDVTU-BCSĐUBND", date(2020, 2, 27), ("tay-ninh-bdv", "tay-ninh-bcsd-ubnd")),
        ("123-KH/BDV-UBND", date(2020, 3, 17), ("hoa-thanh-bdv", "hoa-thanh-ubnd")),
    },
}


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_directives_as_the_report_cites_them(name: str, builder: str, stem: str) -> None:
    dataset = loaded(name)
    found = {(str(d.code), d.issued, d.issuer_ids) for d in dataset.directives}
    assert found == DIRECTIVES[name]


def test_documents_without_a_date_are_kept_by_code() -> None:
    hong_linh = loaded("hong_linh_2021.json")
    conclusion = next(d for d in hong_linh.directives if str(d.code) == "25-KL/ThU")
    assert [str(code) for code in conclusion.implements] == ["02-NQ/ThU"]
    hoa_thanh = loaded("hoa_thanh_2020.json")
    programme = next(c for c in hoa_thanh.campaigns if c.id == "hoa-thanh-ctr-16")
    assert str(programme.directive) == "16-CTr/BDV-UBND"
    assert programme.period == Period.years(2016, 2021)
    assert programme.launching_unit_id == "hoa-thanh-bdv"
    assert programme.partner_unit_ids == ("hoa-thanh-ubnd",)


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
    # Every code in the dataset is labelled, and every labelled code is in the dataset.
    assert _codes(loaded(name)) == labelled
    dates = {f["value"] for f in labels["figures"] if f["kind"] == "date"}
    for directive in loaded(name).directives:
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


@pytest.mark.parametrize(("name", "builder", "stem"), REPORTS, ids=IDS)
def test_every_labelled_figure_is_recorded(name: str, builder: str, stem: str) -> None:
    labels = corpus_labels(stem)
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    values = {
        Decimal(o.actual) for o in loaded(name).observations if not isinstance(o.actual, Fraction)
    }
    missing = []
    for figure in labels["figures"]:
        if figure["ambiguous"] or figure["kind"] not in ("quantity", "money", "percent", "ratio"):
            continue
        assert text[figure["start"] :].startswith(figure["text"])
        if (stem, figure["start"]) in NOT_RECORDED:
            continue
        if not set(_label_values(figure)) <= values:
            missing.append(figure["text"])
    assert missing == []


@pytest.mark.parametrize(
    ("name", "written"),
    [(row[0], row[4]) for row in KEY_FIGURES],
    ids=[f"{row[0][:-5]}:{row[1]}" for row in KEY_FIGURES],
)
def test_key_figures_are_written_so_in_the_report(name: str, written: str) -> None:
    stem = next(s for n, _, s in REPORTS if n == name)
    corpus_labels(stem)  # skips without the corpus
    assert written in (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def test_unit_trees() -> None:
    hong_linh = loaded("hong_linh_2021.json").tree
    assert [u.name for u in hong_linh.ancestors("hong-linh-bdv")] == [
        "Thị ủy Hồng Lĩnh",
        "Tỉnh ủy Hà Tĩnh",
    ]
    assert hong_linh["hong-linh-thu"].identifier("document_issuer") == "ThU"
    nam_dinh = loaded("nam_dinh_2022.json").tree
    assert {u.kind for u in nam_dinh.children("nam-dinh-tu")} == {
        UnitKind.STANDING_COMMITTEE,
        UnitKind.STANDING_BOARD,
        UnitKind.MASS_MOBILIZATION_BOARD,
    }
    hoa_thanh = loaded("hoa_thanh_2020.json").tree
    assert [u.id for u in hoa_thanh.find("Ban Dân vận Huyện ủy Hòa Thành")] == ["hoa-thanh-bdv"]
    assert [u.id for u in hoa_thanh.find("Ủy ban nhân dân huyện Hòa Thành")] == ["hoa-thanh-ubnd"]
    assert hoa_thanh.parent("long-hoa-ubnd") == hoa_thanh["hoa-thanh-ubnd"]


def test_dan_van_kheo_in_every_report() -> None:
    for name, _, _ in REPORTS:
        dataset = loaded(name)
        kheo = [c for c in dataset.campaigns if c.name == "Dân vận khéo"]
        assert len(kheo) == 1
        assert dataset.tree[kheo[0].launching_unit_id].name == "Ban Dân vận Trung ương"
