"""Serialisation: every class round-trips exactly through plain data and JSON, bad data
gives one DataError listing every problem by path, and nothing else ever escapes."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.campaigns import (
    Campaign,
    CampaignKind,
    MobilizationModel,
    ModelEvent,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
)
from danvan.dataset import Dataset
from danvan.documents import Directive, DocumentCode
from danvan.errors import DataError
from danvan.observations import Indicator, Observation, RollUp, Target
from danvan.periods import Period, PeriodKind
from danvan.serialize import SCHEMA, from_dict, from_json, to_dict, to_json
from danvan.units import Identifier, Level, Unit, UnitKind, UnitTree

from .strategies import (
    campaigns,
    datasets,
    directives,
    document_codes,
    identifiers,
    indicators,
    model_events,
    models,
    observations,
    periods,
    political_units,
    targets,
    unit_trees,
)

#: Few examples each: there are many classes, and the whole file keeps under ~10 s.
FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Unit: political_units | unit_trees(max_units=4).filter(bool).flatmap(st.sampled_from),
    Identifier: identifiers,
    Period: periods,
    Directive: directives,
    Campaign: campaigns(),
    ModelEvent: model_events(),
    MobilizationModel: models(max_events=5),
    Indicator: indicators,
    Target: targets,
    Observation: observations,
    Dataset: datasets(),
}
CLASSES = list(STRATEGIES)
#: Every class danvan reads and writes, for the fuzzers (small datasets: they are slow).
ANY_OBJECT = st.one_of(
    *(strategy for cls, strategy in STRATEGIES.items() if cls is not Dataset),
    datasets(max_units=3, max_items=2),
)

# --------------------------------------------------------------------------- helpers


def assert_same(before: object, after: object, path: str = "$") -> None:
    """*after* equals *before* down to the types: an int stays an int, a Decimal keeps
    its exponent, a Fraction stays a Fraction, a tuple stays a tuple."""
    assert type(after) is type(before), f"{path}: {before!r} came back as {after!r}"
    if attrs.has(type(before)):
        for field in attrs.fields(type(before)):
            if field.eq:
                name = field.name
                assert_same(getattr(before, name), getattr(after, name), f"{path}.{name}")
    elif isinstance(before, tuple):
        assert isinstance(after, tuple)
        assert len(after) == len(before), path
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            assert_same(old, new, f"{path}[{index}]")
    elif isinstance(before, Decimal):
        assert isinstance(after, Decimal)
        assert after.as_tuple() == before.as_tuple(), f"{path}: {before!r} became {after!r}"
    else:
        assert after == before, f"{path}: {before!r} became {after!r}"


def walk(value: object) -> Iterator[object]:
    """Every value, key and item in plain data, depth first."""
    yield value
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def paths(value: object, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every value inside plain data (not the root)."""
    items: list[tuple[str | int, object]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    for key, item in items:
        yield (*prefix, key)
        yield from paths(item, (*prefix, key))


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


JSON_TYPES = (dict, list, str, int, bool, type(None))

# ------------------------------------------------------------------ a dataset by hand

UNITS = (
    Unit(id="ht", name="Tỉnh ủy Hà Tĩnh", kind=UnitKind.PARTY_COMMITTEE, level=Level.PROVINCE),
    Unit(
        id="hl",
        name="Thị ủy Hồng Lĩnh",
        kind=UnitKind.PARTY_COMMITTEE,
        level=Level.DISTRICT,
        parent="ht",
        dissolved=date(2025, 7, 1),
        identifiers=(Identifier("document_issuer", "ThU"),),
    ),
    Unit(
        id="hl-bdv",
        name="Ban Dân vận Thị ủy Hồng Lĩnh",
        kind=UnitKind.MASS_MOBILIZATION_BOARD,
        level=Level.DISTRICT,
        parent="hl",
        dissolved=date(2025, 7, 1),
    ),
    Unit(
        id="bac-hong",
        name="Đảng ủy phường Bắc Hồng",
        kind=UnitKind.PARTY_COMMITTEE,
        level=Level.COMMUNE,
        parent="ht",
        founded=date(2025, 7, 1),
    ),
)
MODELS = tuple(
    MobilizationModel.register(
        id=f"m{index}",
        name=name,
        field=field,
        holder=ModelHolder.COLLECTIVE,
        unit_id="hl-bdv",
        level=ModelLevel.DISTRICT,
        date=date(2021, 3, index + 1),
        campaign_id="dvk-hl",
    )
    for index, (name, field) in enumerate(
        [
            ("Khéo vận động làm nhà cho hộ nghèo", ModelField.POVERTY_REDUCTION),
            ("Hiến đất làm đường", ModelField.NEW_RURAL_AREAS),
            ("Tổ tự quản an ninh trật tự", ModelField.DEFENCE_SECURITY),
            ("Cánh đồng mẫu lớn", ModelField.ECONOMY),
        ]
    )
)
HONG_LINH = Dataset(
    title="Công tác dân vận năm 2021, thị xã Hồng Lĩnh",
    source="Báo cáo tổng kết năm 2021",
    notes=("Số liệu quỹ theo Kết luận 25-KL/ThU",),
    units=UNITS,
    directives=(
        Directive(
            DocumentCode.parse("08-CT/ThU"),
            "Về tăng cường công tác dân vận",
            date(2021, 5, 19),
            ("hl",),
        ),
    ),
    campaigns=(
        Campaign(
            id="dvk-hl",
            name="Dân vận khéo",
            kind=CampaignKind.EMULATION_MOVEMENT,
            launching_unit_id="hl-bdv",
            partner_unit_ids=("bac-hong",),
            directive="08-CT/ThU",
            period=Period.years(2021, 2025),
            targets=(
                Target(indicator="models", unit_id="hl", period=Period.year(2021), value=96),
            ),
        ),
    ),
    models=(
        MODELS[0].record(ModelEventKind.RECOGNISED, date(2021, 11, 20), unit_id="hl"),
        *MODELS[1:],
    ),
    indicators=(
        Indicator(
            code="models", name="Mô hình được công nhận", unit="mô hình", roll_up=RollUp.SUM
        ),
        Indicator(code="fund", name="Quỹ Vì người nghèo", unit="đồng", roll_up=RollUp.SUM),
        Indicator(code="bhyt", name="Tỷ lệ bao phủ BHYT", unit="%", roll_up=RollUp.MEAN),
    ),
    targets=(
        Target(
            indicator="fund",
            unit_id="hl",
            period=Period.year(2021),
            value=1_659_500_000,
            source="25-KL/ThU",
        ),
    ),
    observations=(
        Observation(
            indicator="fund",
            unit_id="hl",
            period=Period.year(2021),
            actual=1_798_702_098,
            target=Decimal("1659500000.00"),
            baseline=Fraction(19, 21),
            source="25-KL/ThU",
        ),
        Observation(
            indicator="bhyt",
            unit_id="bac-hong",
            period=Period.half(2025, 2),
            actual=Decimal("0.9600"),
        ),
    ),
)

# ------------------------------------------------------------------------ round trips


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@FAST
@given(data=st.data())
def test_round_trip_keeps_the_value_and_its_exact_types(cls: type, data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cls])
    plain = to_dict(value)
    kept = copy.deepcopy(plain)
    assert_same(value, from_dict(plain))
    assert plain == kept  # from_dict reads its input and leaves it alone
    assert_same(value, from_dict(plain, cls))
    assert_same(value, from_json(to_json(value)))
    assert_same(value, from_json(to_json(value, indent=None).encode(), cls))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@FAST
@given(data=st.data())
def test_documents_name_schema_and_type_and_hold_only_json(cls: type, data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cls])
    plain = to_dict(value)
    assert plain["$schema"] == SCHEMA == "danvan/2"
    assert plain["$type"] == cls.__name__
    # Without "$type", the class given says what to read; "$type" is only at the top.
    untyped = {key: item for key, item in plain.items() if key != "$type"}
    assert from_dict(untyped, cls) == value
    for item in walk(list(untyped.values())):
        assert not (isinstance(item, dict) and {"$schema", "$type"} & item.keys())
    # Plain data only: no float, tuple, date, Decimal, Fraction or enum anywhere.
    text = to_json(value)
    for item in walk(plain):
        assert type(item) in JSON_TYPES, item
    loaded = json.loads(text)
    assert loaded == plain
    assert not any(isinstance(item, float) for item in walk(loaded))
    # Vietnamese (any non-ASCII letter) is written as it is, never as a \u escape.
    for item in walk(plain):
        if isinstance(item, str):
            for char in item:
                if ord(char) > 127:
                    assert char in text


def test_the_shape_of_a_document() -> None:
    assert to_dict(HONG_LINH.observations[0]) == {
        "$schema": "danvan/2",
        "$type": "Observation",
        "indicator": "fund",
        "unit_id": "hl",
        "period": {"start": "2021-01-01", "end": "2021-12-31", "kind": "year"},
        "actual": 1798702098,
        "target": "1659500000.00",
        "baseline": "19/21",
        "source": "25-KL/ThU",
        "bound": None,
        "stated_attainment": None,
        "stated_change": None,
        "baseline_period": None,
    }
    assert to_dict(HONG_LINH.models[0])["history"][1] == {
        "kind": "recognised",
        "date": "2021-11-20",
        "unit_id": "hl",
        "note": None,
    }


def test_the_dataset_of_a_report_round_trips_and_stays_readable() -> None:
    text = to_json(HONG_LINH)
    assert_same(HONG_LINH, from_json(text))
    assert_same(HONG_LINH, from_dict(to_dict(HONG_LINH), Dataset))
    assert "Thị ủy Hồng Lĩnh" in text
    assert "Đảng ủy phường Bắc Hồng" in text
    assert "\\u" not in text
    assert '"Về tăng cường công tác dân vận"' in to_json(HONG_LINH, indent=None)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (1_798_702_098, 1_798_702_098),
        (-5, -5),
        (0, 0),
        (10**40, 10**40),
        (Decimal("108.39"), "108.39"),
        (Decimal("0.50"), "0.50"),
        (Decimal("0.9600"), "0.9600"),
        (Decimal("1E+3"), "1E+3"),
        (Decimal("1000"), "1000"),
        (Decimal("-0.00"), "-0.00"),
        (Decimal("5"), "5"),
        (Fraction(19, 21), "19/21"),
        (Fraction(-1, 3), "-1/3"),
        (Fraction(4, 2), "2/1"),
        (Fraction(0), "0/1"),
    ],
    ids=repr,
)
def test_exact_numbers_keep_their_type(value: int | Decimal | Fraction, written: object) -> None:
    observation = attrs.evolve(HONG_LINH.observations[1], actual=value, target=value)
    plain = to_dict(observation)
    assert plain["actual"] == plain["target"] == written
    assert type(plain["actual"]) is type(written)
    for again in (from_dict(plain), from_json(to_json(observation))):
        assert_same(observation, again)
        assert type(again.actual) is type(value)
    target = attrs.evolve(HONG_LINH.targets[0], value=value)
    assert_same(target, from_json(to_json(target)))


@pytest.mark.parametrize(
    "period",
    [
        Period.year(2021),
        Period.half(2023, 1),
        Period.half(2023, 2),
        Period.quarter(2023, 4),
        Period.month(2024, 2),
        Period.year_to_date(2023, 9),
        Period.years(2021, 2025),
        Period.term(2020, 2025),
    ],
    ids=str,
)
def test_periods_of_every_kind(period: Period) -> None:
    plain = to_dict(period)
    assert plain == {
        "$schema": "danvan/2",
        "$type": "Period",
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "kind": period.kind.value,
    }
    assert from_dict(plain) == period
    assert from_json(to_json(period), Period) == period


def test_the_periods_strategy_gives_every_kind() -> None:
    seen: set[PeriodKind] = set()

    @settings(max_examples=200, database=None)
    @given(periods)
    def collect(period: Period) -> None:
        seen.add(period.kind)

    collect()
    assert seen == set(PeriodKind)


@FAST
@given(
    document_codes(),
    directives,
    st.lists(document_codes(), max_size=3),
    targets,
    observations,
    campaigns(),
)
def test_document_codes_are_written_in_canonical_form(
    code: DocumentCode,
    directive: Directive,
    implemented: list[DocumentCode],
    target: Target,
    observation: Observation,
    campaign: Campaign,
) -> None:
    directive = attrs.evolve(directive, code=code, implements=tuple(implemented))
    plain = to_dict(directive)
    assert plain["code"] == str(code)
    assert plain["implements"] == [str(c) for c in implemented]
    assert_same(directive, from_json(to_json(directive)))
    for value in (
        attrs.evolve(target, source=code),
        attrs.evolve(observation, source=code),
        attrs.evolve(campaign, directive=code),
    ):
        plain = to_dict(value)
        assert str(code) in (plain.get("source"), plain.get("directive"))
        assert_same(value, from_dict(plain))


# ----------------------------------------------------------------------------- errors


def _broken_dataset() -> dict[str, Any]:
    bad = to_dict(HONG_LINH)
    bad["units"][0]["level"] = 3
    bad["units"][3]["founded"] = "2021-02-30"
    bad["directives"][0]["issuer_ids"] = "hl"
    bad["campaigns"][0]["targets"][0]["value"] = "96%"
    bad["campaigns"][0]["colour"] = "đỏ"
    bad["models"][1]["history"][0]["date"] = "2021-5-1"
    bad["models"][3]["field"] = "kinh tế"
    bad["indicators"][0]["higher_is_better"] = "yes"
    del bad["indicators"][1]["unit"]
    bad["targets"][0]["source"] = "25-KL"
    bad["observations"][0]["actual"] = 1.5
    bad["observations"][1]["baseline"] = "19/0"
    return bad


BROKEN_DATASET_PROBLEMS = [
    "$.units[0].level: 3 is not a known Level",
    "$.units[3].founded: '2021-02-30' is not a date in ISO form (YYYY-MM-DD)",
    "$.directives[0].issuer_ids: 'hl' is not a list",
    "$.campaigns[0].targets[0].value: '96%' is not a decimal number",
    "$.campaigns[0]: unknown fields colour",
    "$.models[1].history[0].date: '2021-5-1' is not a date in ISO form (YYYY-MM-DD)",
    "$.models[3].field: 'kinh tế' is not a known ModelField",
    "$.indicators[0].higher_is_better: 'yes' is not true or false",
    "$.indicators[1].unit: required field missing",
    "$.targets[0].source: expected '/' after the type of a Party code, found the end in"
    " '25-KL' at position 5",
    "$.observations[0].actual: 1.5 is a binary float; write exact decimals as strings",
    "$.observations[1].baseline: '19/0' is not a fraction such as '19/21'",
]


def test_one_error_lists_every_bad_field_by_path() -> None:
    with pytest.raises(DataError) as caught:
        from_dict(_broken_dataset())
    assert caught.value.problems == BROKEN_DATASET_PROBLEMS
    assert str(caught.value) == "12 problems in the dataset:\n  " + "\n  ".join(
        BROKEN_DATASET_PROBLEMS
    )


def test_one_error_lists_every_bad_field_of_a_json_document() -> None:
    bad = _broken_dataset()
    bad["observations"][0]["actual"] = "1,5"  # JSON itself refuses 1.5: see below
    expected = list(BROKEN_DATASET_PROBLEMS)
    expected[10] = "$.observations[0].actual: '1,5' is not a decimal number"
    with pytest.raises(DataError) as caught:
        from_json(json.dumps(bad, ensure_ascii=False))
    assert caught.value.problems == expected


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (("title",), 5, "$.title: 5 is not a string"),
        (("units",), None, "$.units: None is not a list"),
        (("notes",), "Ghi chú", "$.notes: 'Ghi chú' is not a list"),
        (("notes", 0), 1, "$.notes[0]: 1 is not a string"),
        (("units", 1, "name"), " ", "$.units[1]: name must not be empty"),
        (("units", 2, "parent"), "hl-bdv", "$.units[2]: unit 'hl-bdv' cannot be its own parent"),
        (("units", 2, "parent"), "zz", "$.units: unit 'hl-bdv' has an unknown parent 'zz'"),
        (("directives", 0, "issuer_ids"), [1], "$.directives[0].issuer_ids[0]: 1 is not a string"),
        (
            ("directives", 0, "implements"),
            "08-CT/ThU",
            "$.directives[0].implements: '08-CT/ThU' is not a list",
        ),
        (("models", 1, "id"), "m0", "$.models: the id 'm0' appears 2 times"),
        (
            ("models", 0, "history", 1, "kind"),
            "commended",
            "$.models[0]: model 'm0': event 1 (commended on 2021-11-20) comes before the model"
            " was recognised",
        ),
        (
            ("targets", 0, "period", "end"),
            "2021-01-31",
            "$.targets[0].period: 2021-01-01..2021-01-31 is not a year period",
        ),
        (
            ("targets", 0, "source"),
            8,
            "$.targets[0].source: 8 is not a document code such as '08-CT/ThU'",
        ),
        (
            ("observations", 0, "actual"),
            True,
            "$.observations[0].actual: True is not a decimal number",
        ),
        (
            ("observations", 0, "actual"),
            "NaN",
            "$.observations[0].actual: 'NaN' is not a decimal number",
        ),
        (
            ("observations", 0, "baseline"),
            "19 / 21",
            "$.observations[0].baseline: '19 / 21' is not a fraction such as '19/21'",
        ),
    ],
    ids=lambda value: repr(value)[:40],
)
def test_one_bad_field(path: tuple[str | int, ...], value: object, problem: str) -> None:
    bad = to_dict(HONG_LINH)
    at(bad, path[:-1])[path[-1]] = value
    with pytest.raises(DataError) as caught:
        from_dict(bad)
    assert caught.value.problems == [problem]


def test_a_missing_field_and_an_unknown_one_at_the_top() -> None:
    bad = to_dict(HONG_LINH)
    del bad["title"]
    bad["tree"] = []
    with pytest.raises(DataError) as caught:
        from_dict(bad)
    assert caught.value.problems == ["$.title: required field missing", "$: unknown fields tree"]


def test_a_check_across_fields_of_the_top_object() -> None:
    plain = to_dict(Period.year(2021))
    plain["end"] = "2020-12-31"
    with pytest.raises(DataError) as caught:
        from_dict(plain)
    assert caught.value.problems == [
        "$: a period cannot end (2020-12-31) before it starts (2021-01-01)"
    ]


# Each reference of a dataset, broken: (path, value, problem).
BROKEN_REFERENCES = [
    (
        ("models", 2, "unit_id"),
        "nowhere",
        "$.models[2].unit_id: 'nowhere' is not a unit of the dataset",
    ),
    (
        ("models", 1, "campaign_id"),
        "nowhere",
        "$.models[1].campaign_id: 'nowhere' is not a campaign of the dataset",
    ),
    (
        ("models", 0, "history", 1, "unit_id"),
        "nowhere",
        "$.models[0].history[1].unit_id: 'nowhere' is not a unit of the dataset",
    ),
    (
        ("directives", 0, "issuer_ids"),
        ["hl", "nowhere"],
        "$.directives[0].issuer_ids: 'nowhere' is not a unit of the dataset",
    ),
    (
        ("campaigns", 0, "launching_unit_id"),
        "nowhere",
        "$.campaigns[0].launching_unit_id: 'nowhere' is not a unit of the dataset",
    ),
    (
        ("campaigns", 0, "partner_unit_ids"),
        ["nowhere"],
        "$.campaigns[0].partner_unit_ids: 'nowhere' is not a unit of the dataset",
    ),
    (
        ("campaigns", 0, "targets", 0, "unit_id"),
        "nowhere",
        "$.campaigns[0].targets[0].unit_id: 'nowhere' is not a unit of the dataset",
    ),
    pytest.param(
        ("campaigns", 0, "targets", 0, "indicator"),
        "nothing",
        "$.campaigns[0].targets[0].indicator: 'nothing' is not an indicator of the dataset",
    ),
    (
        ("targets", 0, "unit_id"),
        "nowhere",
        "$.targets[0].unit_id: 'nowhere' is not a unit of the dataset",
    ),
    (
        ("targets", 0, "indicator"),
        "nothing",
        "$.targets[0].indicator: 'nothing' is not an indicator of the dataset",
    ),
    (
        ("observations", 1, "unit_id"),
        "nowhere",
        "$.observations[1].unit_id: 'nowhere' is not a unit of the dataset",
    ),
    (
        ("observations", 1, "indicator"),
        "nothing",
        "$.observations[1].indicator: 'nothing' is not an indicator of the dataset",
    ),
]


@pytest.mark.parametrize(("path", "value", "problem"), BROKEN_REFERENCES, ids=str)
def test_a_broken_reference_is_named_by_its_path(
    path: tuple[str | int, ...], value: object, problem: str
) -> None:
    bad = to_dict(HONG_LINH)
    at(bad, path[:-1])[path[-1]] = value
    with pytest.raises(DataError) as caught:
        from_dict(bad)
    assert caught.value.problems == [problem]
    with pytest.raises(DataError) as caught:
        from_json(json.dumps(bad))
    assert caught.value.problems == [problem]


def test_every_broken_reference_is_listed() -> None:
    bad = to_dict(HONG_LINH)
    bad["models"][2]["unit_id"] = "nowhere"
    bad["models"][3]["unit_id"] = "elsewhere"
    bad["observations"][1]["indicator"] = "nothing"
    with pytest.raises(DataError) as caught:
        from_dict(bad)
    assert caught.value.problems == [
        "$.models[2].unit_id: 'nowhere' is not a unit of the dataset",
        "$.models[3].unit_id: 'elsewhere' is not a unit of the dataset",
        "$.observations[1].indicator: 'nothing' is not an indicator of the dataset",
    ]
    assert str(caught.value).startswith("3 problems in the dataset:\n  $.models[2].unit_id")


PERIOD = to_dict(Period.year(2021))
ENVELOPES: list[tuple[object, type | None, str]] = [
    ({**PERIOD, "$schema": "danvan/3"}, None, "$.$schema: expected 'danvan/2', not 'danvan/3'"),
    (
        {**PERIOD, "$schema": ["danvan/2"]},
        None,
        "$.$schema: expected 'danvan/2', not ['danvan/2']",
    ),
    (
        {k: v for k, v in PERIOD.items() if k != "$schema"},
        None,
        "$.$schema: expected 'danvan/2', not None",
    ),
    (
        {k: v for k, v in PERIOD.items() if k != "$schema"},
        Period,
        "$.$schema: expected 'danvan/2', not None",
    ),
    ({**PERIOD, "$type": "UnitTree"}, None, "$.$type: 'UnitTree' is not a type danvan reads"),
    ({**PERIOD, "$type": "Kỳ"}, None, "$.$type: 'Kỳ' is not a type danvan reads"),
    ({**PERIOD, "$type": []}, None, "$.$type: [] is not a type danvan reads"),
    (
        {k: v for k, v in PERIOD.items() if k != "$type"},
        None,
        "$.$type: None is not a type danvan reads",
    ),
    (PERIOD, Unit, "$.$type: expected 'Unit', not 'Period'"),
    ({**PERIOD, "$type": "Unit"}, Period, "$.$type: expected 'Period', not 'Unit'"),
    (PERIOD, dict, "$.$type: expected 'dict', not 'Period'"),
    ({"$schema": "danvan/2"}, UnitTree, "$.$type: 'UnitTree' is not a type danvan reads"),
    ({"$schema": "danvan/2"}, DocumentCode, "$.$type: 'DocumentCode' is not a type danvan reads"),
    ([PERIOD], None, "expected a dict (a JSON object), not list"),
    (None, Period, "expected a dict (a JSON object), not NoneType"),
    ("năm 2021", Period, "expected a dict (a JSON object), not str"),
]


@pytest.mark.parametrize(("data", "cls", "problem"), ENVELOPES, ids=lambda v: repr(v)[:40])
def test_schema_and_type_are_checked(data: object, cls: type | None, problem: str) -> None:
    with pytest.raises(DataError) as caught:
        from_dict(data, cls)
    assert caught.value.problems == [problem]
    assert str(caught.value) == problem


@pytest.mark.parametrize(
    "text",
    ["", "{", "[1,]", "{'a': 1}", '{"$schema": "danvan/2",}', "năm 2021", b"{", "tr\u00fce"],
    ids=repr,
)
def test_text_that_is_not_json_is_a_data_error(text: str | bytes) -> None:
    with pytest.raises(DataError, match=r"^not JSON: "):
        from_json(text)


@pytest.mark.parametrize("number", ["1.5", "1e5", "1E-3", "-0.0", "108.39", "1798702098.0"])
@pytest.mark.parametrize("where", ["actual", "target", "period", "top"])
def test_a_json_number_with_a_fraction_part_is_refused(number: str, where: str) -> None:
    plain = to_dict(HONG_LINH.observations[0])
    if where == "period":
        plain["period"]["start"] = "@"
    elif where != "top":
        plain[where] = "@"
    text = json.dumps(plain).replace('"@"', number) if where != "top" else number
    with pytest.raises(DataError) as caught:
        from_json(text)
    messages = {
        "top": f"the JSON number {number} is a binary float; write exact decimals",
        "period": f"$.period.start: {number} is not a date in ISO form (YYYY-MM-DD)",
    }
    floats = f"$.{where}: {number} is a binary float; write exact decimals as strings"
    assert caught.value.problems == [messages.get(where, floats)]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_constants_that_are_floats_are_refused(constant: str) -> None:
    plain = to_dict(HONG_LINH.observations[0])
    text = json.dumps(plain).replace('"19/21"', constant)
    with pytest.raises(DataError) as caught:
        from_json(text)
    assert caught.value.problems[0].startswith("$.baseline: ")
    assert "binary float" in caught.value.problems[0]


@pytest.mark.parametrize(
    "value",
    [{}, [], None, "08-CT/ThU", 1, Decimal("1"), date(2021, 1, 1), UnitTree(UNITS), Unit, UNITS],
    ids=lambda value: type(value).__name__,
)
def test_to_dict_refuses_what_danvan_does_not_serialise(value: object) -> None:
    with pytest.raises(DataError, match=r"^danvan cannot serialise a "):
        to_dict(value)
    with pytest.raises(DataError, match=r"^danvan cannot serialise a "):
        to_json(value)


def test_a_subclass_is_not_serialised_as_its_base() -> None:
    @attrs.frozen(kw_only=True)
    class Board(Unit):
        pass

    board = Board(id="b", name="Ban", kind=UnitKind.OTHER, level=Level.COMMUNE)
    with pytest.raises(DataError, match="cannot serialise a Board"):
        to_dict(board)


# ---------------------------------------------------------------------------- fuzzing

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
TYPE_NAMES = [cls.__name__ for cls in CLASSES]
FIELD_NAMES = sorted({field.name for cls in CLASSES for field in attrs.fields(cls)})


def _check_data_error(error: DataError) -> None:
    assert isinstance(error.problems, list)
    assert error.problems
    assert all(isinstance(problem, str) and problem for problem in error.problems)


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        json_values,
        st.builds(
            lambda name, fields: {"$schema": SCHEMA, "$type": name, **fields},
            st.sampled_from(TYPE_NAMES) | st.text(max_size=8),
            st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), json_values),
        ),
    ),
    st.none() | st.sampled_from(CLASSES),
)
def test_fuzz_any_json_data_gives_only_data_errors(data: Any, cls: type | None) -> None:
    try:
        value = from_dict(data, cls)
    except DataError as error:
        _check_data_error(error)
    else:
        assert type(value) in CLASSES
        assert from_dict(to_dict(value)) == value


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_OBJECT, st.data())
def test_fuzz_a_valid_document_with_one_field_broken(value: object, data: st.DataObject) -> None:
    plain = to_dict(value)
    path = data.draw(st.sampled_from(list(paths(plain))))
    parent = at(plain, path[:-1])
    how = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
    if how == "replace" or (how == "delete" and isinstance(parent, list)):
        parent[path[-1]] = data.draw(json_values)
    elif how == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(json_values)
    else:
        parent.append(data.draw(json_values))
    for cls in (None, type(value)):
        try:
            again = from_dict(copy.deepcopy(plain), cls)
        except DataError as error:
            _check_data_error(error)
            # A document whose envelope is right gives a path for every problem.
            assert all(problem.startswith("$") for problem in error.problems)
        else:
            assert type(again) is type(value)
            assert from_dict(to_dict(again)) == again


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet='{}[]",:0123456789.-eE truefalsnu$\\'),
        json_values.map(json.dumps),
    )
)
def test_fuzz_any_text_gives_only_data_errors(text: str) -> None:
    # As bytes too, when there is no NUL: with one, json guesses UTF-16 (see ESCAPES).
    for given_text in (text, text.encode()) if "\x00" not in text else (text,):
        try:
            from_json(given_text)
        except DataError as error:
            _check_data_error(error)


# Inputs that escape from_json and from_dict with another exception than DataError.
ESCAPES: list[Callable[[], object]] = [
    lambda: from_json("1" * 5000),
    lambda: from_json('{"$schema": "danvan/2", "$type": "Period", "start": ' + "9" * 4301 + "}"),
    lambda: from_json(b'{"$schema": "danvan/2", "$type": "Period", "start": "\xc3"}'),
    lambda: from_json(b"\xff\xfe\x00"),
    lambda: from_json("0\x000\x80".encode()),
    lambda: from_json("[" * 100_000 + "]" * 100_000),
    lambda: from_dict({**PERIOD, 1: 2}),
    lambda: from_dict({**PERIOD, None: 2, "x": 3}),
]


@pytest.mark.parametrize(
    "call",
    ESCAPES,
    ids=[
        "json-int-over-4300-digits",
        "json-int-over-4300-digits-in-a-document",
        "json-bytes-not-utf8",
        "json-bytes-not-any-utf",
        "json-utf8-bytes-with-a-nul-read-as-utf16",
        "json-nested-100000-deep",
        "dict-with-an-int-key",
        "dict-with-a-None-key",
    ],
)
def test_known_escapes_are_data_errors(call: Callable[[], object]) -> None:
    """Once library bugs (found by these tests): each must raise a DataError."""
    with pytest.raises(DataError):
        call()
