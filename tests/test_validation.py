"""Validation and loading of a dataset (issue 12).

- ``Dataset.validate()`` finds every problem of meaning at once: a table of broken
  datasets, each row built from one valid base dataset and naming the rule of
  :mod:`danvan.validation` it plants, is reported path for path, row by row and all
  rows together in one call;
- ``from_json`` and ``from_dict`` report every structural problem of a file in one
  :class:`~danvan.DataError`, one line each, and nothing but danvan's own errors escape;
- files of the 0.1 schema "danvan/1" load, through :func:`~danvan.serialize.upgrade`.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
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
from danvan.errors import DanvanError, DataError, InvalidTypeError, InvalidValueError
from danvan.observations import (
    Bound,
    Counting,
    Indicator,
    Observation,
    RelativePeriod,
    RollUp,
    Target,
)
from danvan.periods import Period
from danvan.serialize import SCHEMA, from_dict, from_json, to_dict, to_json, upgrade
from danvan.units import Level, Unit, UnitKind
from danvan.validation import Problem

from .strategies import datasets

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
V1_FILES = sorted((Path(__file__).parent / "data" / "v1").glob("*.json"))
DISSOLVED = date(2025, 7, 1)  # every district-level unit ended on 01/07/2025
Y2024 = Period.year(2024)

# ------------------------------------------------------------------ the base dataset

PROVINCE = Unit(
    id="ha-tinh", name="Tỉnh ủy Hà Tĩnh", kind=UnitKind.PARTY_COMMITTEE, level=Level.PROVINCE
)
DISTRICT = Unit(
    id="hong-linh",
    name="Thị ủy Hồng Lĩnh",
    kind=UnitKind.PARTY_COMMITTEE,
    level=Level.DISTRICT,
    parent="ha-tinh",
    dissolved=DISSOLVED,
)
WARD = Unit(
    id="bac-hong",
    name="Đảng ủy phường Bắc Hồng",
    kind=UnitKind.PARTY_COMMITTEE,
    level=Level.COMMUNE,
    parent="ha-tinh",
)
OLD_WARD = Unit(
    id="nam-hong",
    name="Đảng ủy phường Nam Hồng",
    kind=UnitKind.PARTY_COMMITTEE,
    level=Level.COMMUNE,
    parent="hong-linh",
    dissolved=DISSOLVED,
)
NEW_WARD = Unit(
    id="thanh-sen",
    name="Đảng ủy phường Thành Sen",
    kind=UnitKind.PARTY_COMMITTEE,
    level=Level.COMMUNE,
    parent="ha-tinh",
    founded=DISSOLVED,
)

COVER = Indicator(code="bhyt.cover", name="Tỷ lệ bao phủ BHYT", unit="%", roll_up=RollUp.LAST)
HOUSES = Indicator(
    code="houses",
    name="Nhà đại đoàn kết bàn giao",
    unit="căn",
    roll_up=RollUp.SUM,
    counting=Counting.OCCURRENCES,
)
FUND = Indicator(code="fund", name="Quỹ Vì người nghèo", unit="đồng", roll_up=RollUp.SUM)
MET = Indicator(code="plan.met", name="Chỉ tiêu đạt", unit="chỉ tiêu", roll_up=RollUp.SUM)
TOTAL = Indicator(code="plan.total", name="Chỉ tiêu", unit="chỉ tiêu", roll_up=RollUp.SUM)
MET_SHARE = Indicator(
    code="plan.met_share",
    name="Chỉ tiêu đạt và vượt kế hoạch",
    unit="%",
    numerator="plan.met",
    denominator="plan.total",
)

PLAN = 1659500000  # "đạt 108,39% KH": 1 798 702 098 of 1 659 500 000 is 108.3882...%
RAISED = 1798702098


def registered(day: date, by: str | None = None, *later: ModelEvent) -> tuple[ModelEvent, ...]:
    """A history: registered on *day* by the unit *by*, then the *later* events."""
    return (ModelEvent(kind=ModelEventKind.REGISTERED, date=day, unit_id=by), *later)


def model(
    model_id: str, unit_id: str, level: ModelLevel, history: tuple[ModelEvent, ...]
) -> MobilizationModel:
    """A collective model of *unit_id* at *level*."""
    return MobilizationModel(
        id=model_id,
        name="Dân vận khéo trong xây dựng nông thôn mới",
        field=ModelField.NEW_RURAL_AREAS,
        holder=ModelHolder.COLLECTIVE,
        unit_id=unit_id,
        level=level,
        history=history,
    )


def seen(indicator: str, unit_id: str, period: Period, actual: Any, **fields: Any) -> Observation:
    """An observation (kết quả thực hiện)."""
    return Observation(
        indicator=indicator, unit_id=unit_id, period=period, actual=actual, **fields
    )


def plan(indicator: str, unit_id: str, period: Period, value: Any) -> Target:
    """A target (kế hoạch)."""
    return Target(indicator=indicator, unit_id=unit_id, period=period, value=value)


BASE = Dataset(
    title="Công tác dân vận năm 2024, thị xã Hồng Lĩnh",
    source="Báo cáo tổng kết năm 2024",
    units=(PROVINCE, DISTRICT, WARD, OLD_WARD, NEW_WARD),
    directives=(
        Directive(
            DocumentCode.parse("08-CT/ThU"),
            "Về công tác dân vận",
            date(2021, 5, 19),
            ("hong-linh",),
        ),
    ),
    campaigns=(
        Campaign(
            id="kheo-2024",
            name="Dân vận khéo năm 2024",
            kind=CampaignKind.EMULATION_MOVEMENT,
            launching_unit_id="hong-linh",
            period=Y2024,
            targets=(plan("fund", "hong-linh", Y2024, PLAN),),
        ),
    ),
    models=(
        model(
            "m-bac-hong",
            "bac-hong",
            ModelLevel.COMMUNE,
            registered(
                date(2024, 3, 1),
                "hong-linh",
                ModelEvent(kind=ModelEventKind.RECOGNISED, date=date(2024, 11, 20)),
            ),
        ),
    ),
    indicators=(COVER, HOUSES, FUND, MET, TOTAL, MET_SHARE),
    targets=(plan("houses", "bac-hong", Y2024, 12),),
    observations=(
        # "đạt 108,39% KH", the plan from the campaign: agrees at the places stated.
        seen("fund", "hong-linh", Y2024, RAISED, stated_attainment=Decimal("1.0839")),
        seen(
            "houses",
            "bac-hong",
            Y2024,
            12,
            target=12,
            baseline=10,
            stated_change=Decimal("0.2"),
            baseline_period=Period.year(2023),
        ),
        seen("bhyt.cover", "bac-hong", Y2024, Decimal("0.96")),
        seen("plan.met", "hong-linh", Y2024, 19),
        seen("plan.total", "hong-linh", Y2024, 21),
    ),
)

LISTS = ("units", "directives", "campaigns", "models", "indicators", "targets", "observations")

# ------------------------------------------------------------------ planted problems


@attrs.frozen
class Plant:
    """One row of the table: records added to the base dataset, and the paths of the
    problems they must raise. A path names an added record relative to the first one
    this row adds to that list: ``observations[+1].period`` is the second observation
    of the row, wherever the row's records end up."""

    rule: str
    add: dict[str, tuple[Any, ...]]
    expect: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.rule


_RELATIVE = re.compile(r"(\w+)\[\+(\d+)\](.*)")


def planted(*plants: Plant) -> tuple[Dataset, list[str]]:
    """The base dataset with the records of every row added, in order, and the
    absolute paths of every problem the rows expect."""
    lists = {name: list(getattr(BASE, name)) for name in LISTS}
    expected: list[str] = []
    for row in plants:
        starts = {name: len(items) for name, items in lists.items()}
        for name, records in row.add.items():
            lists[name] += records
        for path in row.expect:
            match = _RELATIVE.fullmatch(path)
            assert match is not None, path
            name, offset, rest = match.groups()
            expected.append(f"$.{name}[{starts[name] + int(offset)}]{rest}")
    changes: dict[str, Any] = {name: tuple(items) for name, items in lists.items()}
    data = attrs.evolve(BASE, **changes)
    return data, expected


with attrs.validators.disabled():
    # Campaign() refuses a target outside its period; validate() checks it again for
    # records made without validators, so this one is built without them.
    _STRAY_TARGET = Campaign(
        id="kheo-2023",
        name="Dân vận khéo năm 2023",
        kind=CampaignKind.EMULATION_MOVEMENT,
        launching_unit_id="ha-tinh",
        period=Period.year(2023),
        targets=(plan("fund", "ha-tinh", Y2024, 100),),
    )

QUARTERS_2026 = tuple(
    seen("houses", "thanh-sen", Period.quarter(2026, q), 10) for q in (1, 2, 3, 4)
)

PLANTS = [
    Plant(
        "lifetime: an observation of a unit in a period that starts on its dissolution",
        {"observations": (seen("fund", "hong-linh", Period.quarter(2025, 3), 5),)},
        ("observations[+0].period",),
    ),
    Plant(
        "lifetime: an observation of a unit in a period that ends before it was founded",
        {"observations": (seen("houses", "thanh-sen", Y2024, 3),)},
        ("observations[+0].period",),
    ),
    Plant(
        "lifetime: a target of a dissolved unit",
        {"targets": (plan("fund", "hong-linh", Period.year(2026), 100),)},
        ("targets[+0].period",),
    ),
    Plant(
        "lifetime: a directive issued on the day its issuer was dissolved",
        {
            "directives": (
                Directive(DocumentCode.parse("12-CT/ThU"), None, DISSOLVED, ("hong-linh",)),
            )
        },
        ("directives[+0].issued",),
    ),
    Plant(
        "lifetime: a campaign whose period lies after its launcher was dissolved",
        {
            "campaigns": (
                Campaign(
                    id="kheo-2026",
                    name="Dân vận khéo năm 2026",
                    kind=CampaignKind.EMULATION_MOVEMENT,
                    launching_unit_id="hong-linh",
                    period=Period.year(2026),
                ),
            )
        },
        ("campaigns[+0].period",),
    ),
    Plant(
        "campaign: a target outside the campaign's period",
        {"campaigns": (_STRAY_TARGET,)},
        ("campaigns[+0].targets[0].period",),
    ),
    Plant(
        "percent: 935 for '%' is a rate stored as points, in an observation and a target",
        {
            "observations": (seen("bhyt.cover", "ha-tinh", Y2024, 935),),
            "targets": (plan("bhyt.cover", "ha-tinh", Period.year(2023), 96),),
        },
        ("observations[+0].actual", "targets[+0].value"),
    ),
    Plant(
        "count: a non-whole actual and a negative baseline of an indicator with counting",
        {
            "observations": (
                seen("houses", "bac-hong", Period.year(2020), Decimal("2.5"), baseline=-1),
            )
        },
        ("observations[+0].actual", "observations[+0].baseline"),
    ),
    Plant(
        "count: counting on an indicator counted in '%'",
        {
            "indicators": (
                Indicator(
                    code="bhyt.counted",
                    name="Người có BHYT",
                    unit="%",
                    roll_up=RollUp.LAST,
                    counting=Counting.DISTINCT,
                ),
            )
        },
        ("indicators[+0].counting",),
    ),
    Plant(
        "ratio: an observation of a ratio indicator (record its parts instead)",
        {"observations": (seen("plan.met_share", "hong-linh", Y2024, Fraction(19, 21)),)},
        ("observations[+0].indicator",),
    ),
    Plant(
        "stated: an attainment that disagrees with the target at the places stated",
        {
            "observations": (
                seen(
                    "fund",
                    "bac-hong",
                    Y2024,
                    RAISED,
                    target=PLAN,
                    stated_attainment=Decimal("1.0840"),
                ),
            )
        },
        ("observations[+0].stated_attainment",),
    ),
    Plant(
        "stated: an attainment that disagrees with the plan of a Target record",
        {
            "targets": (plan("fund", "nam-hong", Y2024, PLAN),),
            "observations": (
                seen("fund", "nam-hong", Y2024, RAISED, stated_attainment=Decimal("1.09")),
            ),
        },
        ("observations[+0].stated_attainment",),
    ),
    Plant(
        "stated: an attainment of 10**26 % (a plan of 8E-24) is reported, not raised",
        {
            "observations": (
                seen(
                    "fund",
                    "bac-hong",
                    Period.year(2017),
                    8,
                    target=Decimal("8E-24"),
                    stated_attainment=0,
                ),
            )
        },
        ("observations[+0].stated_attainment",),
    ),
    Plant(
        "stated: a change that disagrees with the baseline",
        {
            "observations": (
                seen(
                    "houses",
                    "bac-hong",
                    Period.year(2021),
                    12,
                    baseline=10,
                    stated_change=Decimal("0.25"),
                ),
            )
        },
        ("observations[+0].stated_change",),
    ),
    Plant(
        "baseline_period: with neither a baseline nor a stated_change",
        {
            "observations": (
                seen(
                    "houses",
                    "bac-hong",
                    Period.year(2022),
                    5,
                    baseline_period=RelativePeriod.SAME_PERIOD_LAST_YEAR,
                ),
            )
        },
        ("observations[+0].baseline_period",),
    ),
    Plant(
        "baseline_period: later than the figure's own period",
        {
            "observations": (
                seen(
                    "houses",
                    "bac-hong",
                    Period.year(2019),
                    5,
                    baseline=4,
                    baseline_period=Period.year(2023),
                ),
            )
        },
        ("observations[+0].baseline_period",),
    ),
    Plant(
        "target: an observation's target that disagrees with the Target record",
        {
            "targets": (plan("fund", "ha-tinh", Period.year(2022), 100),),
            "observations": (seen("fund", "ha-tinh", Period.year(2022), 90, target=120),),
        },
        ("observations[+0].target",),
    ),
    Plant(
        "overlap: a yearly and four quarterly figures of one unit and summed indicator",
        {"observations": (seen("houses", "thanh-sen", Period.year(2026), 40), *QUARTERS_2026)},
        tuple(f"observations[+{n}].period" for n in (1, 2, 3, 4)),
    ),
    Plant(
        "level: a province-level model held by a commune unit",
        {
            "models": (
                model("m-tinh", "bac-hong", ModelLevel.PROVINCE, registered(date(2024, 5, 1))),
            )
        },
        ("models[+0].level",),
    ),
    Plant(
        "model: registered on 2025-09-01 by and for units dissolved on 2025-07-01",
        {
            "models": (
                model(
                    "m-cu",
                    "nam-hong",
                    ModelLevel.COMMUNE,
                    registered(date(2025, 9, 1), "hong-linh"),
                ),
            )
        },
        ("models[+0].history[0].date", "models[+0].history[0].unit_id"),
    ),
    Plant(
        "model: an event of a district-level model on or after 2025-07-01",
        {
            "models": (
                model(
                    "m-huyen",
                    "ha-tinh",
                    ModelLevel.DISTRICT,
                    registered(
                        date(2025, 3, 1),
                        None,
                        ModelEvent(kind=ModelEventKind.RECOGNISED, date=DISSOLVED),
                    ),
                ),
            )
        },
        ("models[+0].history[1].date",),
    ),
    Plant(
        "units: an empty other name",
        {
            "units": (
                Unit(
                    id="trung-luong",
                    name="Đảng ủy phường Trung Lương",
                    kind=UnitKind.PARTY_COMMITTEE,
                    level=Level.COMMUNE,
                    parent="ha-tinh",
                    other_names=("Phường Trung Lương", " "),
                ),
            )
        },
        ("units[+0].other_names[1]",),
    ),
]

#: Records at the edge of a rule, which must raise no problem.
CLEAN = [
    Plant(
        "lifetime: the last quarter a dissolved unit lived through",
        {"observations": (seen("fund", "hong-linh", Period.quarter(2025, 2), 7),)},
    ),
    Plant(
        "lifetime: a year a unit was founded in, and a year its parent ended in",
        {
            "observations": (seen("houses", "thanh-sen", Period.year(2025), 2),),
            "targets": (plan("houses", "nam-hong", Period.year(2025), 2),),
        },
    ),
    Plant(
        "stated: an attainment given by the observation's own target, agreeing",
        {
            "observations": (
                seen(
                    "fund",
                    "thanh-sen",
                    Period.year(2026),
                    RAISED,
                    target=PLAN,
                    stated_attainment=Decimal("1.0839"),
                ),
            )
        },
    ),
    Plant(
        "stated: a whole percent agrees at two places; an exact Fraction agrees exactly",
        {
            "observations": (
                seen(
                    "fund",
                    "thanh-sen",
                    Period.year(2027),
                    RAISED,
                    target=PLAN,
                    stated_attainment=Decimal("1.08"),
                ),
                seen(
                    "fund",
                    "thanh-sen",
                    Period.year(2028),
                    3,
                    target=2,
                    stated_attainment=Fraction(3, 2),
                ),
                seen(
                    "fund",
                    "thanh-sen",
                    Period.year(2029),
                    3,
                    baseline=2,
                    stated_change=Fraction(1, 2),
                ),
            )
        },
    ),
    Plant(
        "stated: a bounded figure is not held to the stated attainment",
        {
            "observations": (
                seen(
                    "fund",
                    "thanh-sen",
                    Period.year(2030),
                    RAISED,
                    target=PLAN,
                    bound=Bound.MORE_THAN,
                    stated_attainment=Decimal("1.5"),
                ),
            )
        },
    ),
    Plant(
        "percent: a ratio up to 10 (1000%) is a ratio; a count written 3.0 is whole",
        {
            "observations": (
                seen("bhyt.cover", "thanh-sen", Period.year(2026), 10),
                seen("houses", "bac-hong", Period.year(2018), Decimal("3.0")),
            )
        },
    ),
    Plant(
        "overlap: quarters of one year, and the same quarter of two indicators",
        {
            "observations": (
                seen("houses", "thanh-sen", Period.quarter(2032, 1), 1),
                seen("houses", "thanh-sen", Period.quarter(2032, 2), 1),
                seen("fund", "thanh-sen", Period.quarter(2031, 1), 1),
                seen("houses", "thanh-sen", Period.quarter(2031, 1), 1),
            )
        },
    ),
    Plant(
        "level: a commune-level model held by the province; a district model before 07/2025",
        {
            "models": (
                model(
                    "m-xa",
                    "ha-tinh",
                    ModelLevel.COMMUNE,
                    registered(
                        date(2025, 3, 1),
                        "hong-linh",
                        ModelEvent(kind=ModelEventKind.RECOGNISED, date=date(2025, 6, 30)),
                    ),
                ),
                model("m-hl", "hong-linh", ModelLevel.DISTRICT, registered(date(2025, 6, 30))),
            )
        },
    ),
]


def assert_one_line_each(problems: tuple[Problem, ...]) -> None:
    for problem in problems:
        line = str(problem)
        assert line.startswith(f"{problem.path}: ")
        assert "\n" not in line
        assert "\r" not in line
        assert problem.path.startswith("$.")


# --------------------------------------------------------------------------- validate


def test_the_base_dataset_has_no_problem() -> None:
    """The valid base of the table validates to an empty tuple."""
    assert BASE.validate() == ()


@pytest.mark.parametrize("row", PLANTS, ids=str)
def test_each_planted_problem_is_reported_at_its_path(row: Plant) -> None:
    """Each row's planted problems, and nothing else, are reported, one line each."""
    data, expected = planted(row)
    problems = data.validate()
    assert sorted(problem.path for problem in problems) == sorted(expected)
    assert_one_line_each(problems)


@pytest.mark.parametrize("row", CLEAN, ids=str)
def test_records_at_the_edge_of_a_rule_raise_no_problem(row: Plant) -> None:
    """Records just inside a rule (a unit's last quarter, an attainment that agrees at
    the places stated, a bound, 1000%) add no problem."""
    data, _ = planted(row)
    assert data.validate() == ()


def test_every_planted_problem_is_reported_in_one_call() -> None:
    """All rows planted in one dataset: one call of validate() reports every planted
    path (as many times as planted) and no other."""
    data, expected = planted(*PLANTS, *CLEAN)
    problems = data.validate()
    assert Counter(problem.path for problem in problems) == Counter(expected)
    assert len(expected) == 28
    assert_one_line_each(problems)


def test_the_parts_of_a_wider_period_are_reported_whatever_the_order() -> None:
    """Overlap: the figure of the wider period is the reference; its parts are
    reported, whether they come before or after it in the dataset."""
    year = seen("houses", "thanh-sen", Period.year(2026), 40)
    for order in ((year, *QUARTERS_2026), (*reversed(QUARTERS_2026), year)):
        data = attrs.evolve(BASE, observations=BASE.observations + order)
        problems = data.validate()
        start = len(BASE.observations)
        wanted = [
            f"$.observations[{start + i}].period" for i, o in enumerate(order) if o is not year
        ]
        assert sorted(problem.path for problem in problems) == sorted(wanted)
        assert all("năm 2026" in problem.message for problem in problems)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "percent: 935",
            "935 for an indicator counted in '%' is 93500%: a rate is stored as a ratio"
            " (96% is 0.96)",
        ),
        (
            "stated: an attainment that disagrees with the target",
            f"states 108.4% of plan, but {RAISED} of {PLAN} is 108.39%",
        ),
        (
            "model: registered on 2025-09-01",
            "registered on 2025-09-01, when the holding unit 'nam-hong' did not exist"
            " (dissolved 2025-07-01)",
        ),
        (
            "stated: an attainment of 10**26",
            "states 0% of plan, but 8 of 8E-24 is 100000000000000000000000000%",
        ),
        (
            "lifetime: a directive",
            "issued on 2025-07-01 by 'hong-linh', which did not exist then (dissolved 2025-07-01)",
        ),
    ],
)
def test_messages_say_what_is_wrong(row: str, message: str) -> None:
    """A few messages in full: they quote the figures and dates they are about."""
    (plant,) = [plant for plant in PLANTS if plant.rule.startswith(row)]
    data, _ = planted(plant)
    assert message in [problem.message for problem in data.validate()]


def test_a_problem_is_one_line() -> None:
    """Problem refuses a path or a message of more than one line."""
    assert str(Problem("$.units[0]", "is empty")) == "$.units[0]: is empty"
    for path, message in (("$.a\n$.b", "bad"), ("$.a", "bad\nworse"), ("$.a", "bad\r")):
        with pytest.raises(InvalidValueError):
            Problem(path, message)


@FAST
@given(datasets())
def test_validate_never_raises_and_gives_one_line_problems(data: Dataset) -> None:
    """For any consistent dataset, validate() returns a tuple of Problem, each one line
    with a path starting "$.", and gives the same answer every time it is asked."""
    problems = data.validate()
    assert isinstance(problems, tuple)
    assert all(type(problem) is Problem for problem in problems)
    assert_one_line_each(problems)
    assert data.validate() == problems


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_validate_is_the_same_after_a_json_round_trip(data: Dataset) -> None:
    """The problems of a dataset do not depend on whether it was read from JSON."""
    assert from_json(to_json(data)).validate() == data.validate()


# ---------------------------------------------------------------------------- loading

BASE_PLAIN = to_dict(BASE)


def problems_of(call: Any) -> list[str]:
    """The problems of the DataError *call* raises, checked to be one line each, each
    naming its path, with no Python attribute error among them."""
    with pytest.raises(DataError) as caught:
        call()
    problems = caught.value.problems
    assert problems
    for problem in problems:
        assert isinstance(problem, str)
        assert "\n" not in problem
        assert "has no attribute" not in problem
    assert "has no attribute" not in str(caught.value)
    return problems


@pytest.mark.parametrize(
    "value", [123, None, [], 1.5, {"$schema": SCHEMA}, Path("x.json")], ids=repr
)
def test_from_json_of_anything_but_text_is_an_invalid_type_error(value: object) -> None:
    """from_json of a value that is not str or bytes raises InvalidTypeError, which is
    a TypeError and a DanvanError, never a bare TypeError."""
    with pytest.raises(InvalidTypeError) as caught:
        from_json(value)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, DanvanError)
    assert type(value).__name__ in str(caught.value)


def _with_duplicate(text_of: dict[str, Any], where: list[Any], key: str) -> str:
    """JSON text of *text_of* in which the object at *where* gives *key* twice."""
    at: Any = text_of
    for step in where:
        at = at[step]
    at[key] = "@DUPLICATE@"
    text = json.dumps(text_of, ensure_ascii=False)
    return text.replace(f'"{key}": "@DUPLICATE@"', f'"{key}": "a", "{key}": "b"')


@pytest.mark.parametrize(
    ("where", "key", "problem"),
    [
        ([], "title", "$: the key 'title' is given more than once"),
        (
            ["observations", 1],
            "source",
            "$.observations[1]: the key 'source' is given more than once",
        ),
        (
            ["observations", 1, "period"],
            "kind",
            "$.observations[1].period: the key 'kind' is given more than once",
        ),
    ],
)
def test_a_key_given_twice_is_refused(where: list[Any], key: str, problem: str) -> None:
    """An object that gives one key twice is refused; the first problem names its path
    and the key (what the value read says of its field comes after it, in the same
    error)."""
    text = _with_duplicate(copy.deepcopy(BASE_PLAIN), where, key)
    assert text.count(f'"{key}": "a", "{key}": "b"') == 1
    assert problems_of(lambda: from_json(text))[0] == problem


@pytest.mark.parametrize("value", ["2024", "năm 2024", 2024, [2024], True])
def test_a_scalar_where_a_period_belongs_is_one_problem(value: object) -> None:
    """A string (or another scalar) where a period belongs is one problem at its path,
    never "'str' object has no attribute 'keys'"."""
    plain = copy.deepcopy(BASE_PLAIN)
    plain["observations"][0]["period"] = value
    text = json.dumps(plain, ensure_ascii=False)
    calls: list[Callable[[], object]] = [
        lambda: from_json(text),
        lambda: from_dict(copy.deepcopy(plain)),
    ]
    for call in calls:
        (problem,) = problems_of(call)
        assert problem.startswith("$.observations[0].period: ")


@pytest.mark.parametrize(
    ("where", "problem"),
    [
        ([], "$: unknown fields '', 'ghi\\nchú'"),
        (["units", 0], "$.units[0]: unknown fields '', 'ghi\\nchú'"),
    ],
)
def test_an_unknown_key_with_a_line_break_is_named_on_one_line(
    where: list[Any], problem: str
) -> None:
    """An unknown key that is empty or holds a line break is quoted, so that its
    problem stays one line."""
    plain = copy.deepcopy(BASE_PLAIN)
    at: Any = plain
    for step in where:
        at = at[step]
    at["ghi\nchú"] = 1
    at[""] = 2
    assert problems_of(lambda: from_dict(plain)) == [problem]


def test_a_key_given_twice_under_a_key_with_a_line_break_is_one_line() -> None:
    """The path of a repeated key quotes a parent key that holds a line break."""
    text = json.dumps(BASE_PLAIN).replace('"notes": []', '"notes": [], "a\\nb": {"x": 1, "x": 2}')
    problems = problems_of(lambda: from_json(text))
    assert problems[0] == "$.'a\\nb': the key 'x' is given more than once"
    assert all("\n" not in problem for problem in problems)


def _five_problems() -> tuple[dict[str, Any], list[str]]:
    """The base dataset as plain data with five structural problems and a broken
    reference among the readable records; "@FLOAT@" marks where the float goes."""
    plain = copy.deepcopy(BASE_PLAIN)
    plain["campaigns"][0]["kind"] = "phong trào"  # a bad enum
    plain["observations"][1]["actual"] = "@FLOAT@"  # a float
    plain["models"][0]["history"][1]["date"] = "2024-11-31"  # a bad date
    plain["targets"][0]["period"] = "năm 2024"  # a string where an object belongs
    plain["directives"][0]["signer"] = "Bí thư"  # an unknown field
    plain["observations"][3]["indicator"] = "plan.done"  # a broken reference
    paths = [
        "$.directives[0]: ",
        "$.campaigns[0].kind: ",
        "$.models[0].history[1].date: ",
        "$.targets[0].period: ",
        "$.observations[1].actual: ",
        "$.observations[3].indicator: ",
    ]
    return plain, paths


def _check_five(problems: list[str], paths: list[str]) -> None:
    assert len(problems) == len(paths)
    for path in paths:
        assert sum(problem.startswith(path) for problem in problems) == 1, path
    assert "$.directives[0]: unknown fields signer" in problems
    assert (
        "$.observations[3].indicator: 'plan.done' is not an indicator of the dataset" in problems
    )


def test_every_structural_problem_of_plain_data_is_reported_at_once() -> None:
    """from_dict: a bad enum, a float, a bad date, a string where an object belongs, an
    unknown field and a broken reference among the readable records, all in one
    DataError, one line each."""
    plain, paths = _five_problems()
    plain["observations"][1]["actual"] = 1.5
    _check_five(problems_of(lambda: from_dict(plain)), paths)


def test_every_structural_problem_of_a_json_file_without_a_float_is_reported_at_once() -> None:
    """from_json: the same problems, the float written as a string with a comma, all in
    one DataError."""
    plain, paths = _five_problems()
    text = json.dumps(plain, ensure_ascii=False).replace('"@FLOAT@"', '"1,5"')
    _check_five(problems_of(lambda: from_json(text)), paths)


def test_a_broken_reference_after_an_unreadable_record_is_named_by_its_place() -> None:
    """A broken reference is reported at the record's index in the file, not its index
    among the records that could be read."""
    plain = copy.deepcopy(BASE_PLAIN)
    plain["observations"][0]["actual"] = "many"
    plain["observations"][4]["unit_id"] = "nowhere"
    plain["models"][0]["unit_id"] = "nowhere"
    assert problems_of(lambda: from_dict(plain)) == [
        "$.observations[0].actual: 'many' is not a decimal number",
        "$.models[0].unit_id: 'nowhere' is not a unit of the dataset",
        "$.observations[4].unit_id: 'nowhere' is not a unit of the dataset",
    ]


def test_every_structural_problem_of_a_json_file_is_reported_at_once() -> None:
    """from_json: a bad enum, a JSON float, a bad date, a string where an object
    belongs, an unknown field and a broken reference, all in one DataError (one pass)."""
    plain, paths = _five_problems()
    text = json.dumps(plain, ensure_ascii=False).replace('"@FLOAT@"', "1.5")
    _check_five(problems_of(lambda: from_json(text)), paths)


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside plain data (not the root)."""
    items: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    found: list[tuple[Any, ...]] = []
    for key, item in items:
        found.append((*prefix, key))
        found += _paths(item, (*prefix, key))
    return found


BASE_PATHS = _paths(BASE_PLAIN)
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["2024-02-30", "1.5", "19/21", "%"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(BASE_PATHS), json_values), min_size=1, max_size=4))
def test_fuzz_from_dict_raises_only_danvans_errors(changes: list[tuple[Any, Any]]) -> None:
    """JSON values placed at random fields of a valid dataset: from_dict returns a
    Dataset or raises a DataError (one-line problems, no attribute errors) or an
    InvalidTypeError; nothing else."""
    plain = copy.deepcopy(BASE_PLAIN)
    for path, value in changes:
        parent: Any = plain
        try:
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced what this path goes through
    try:
        data = from_dict(plain, Dataset)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert "\n" not in problem
            assert "has no attribute" not in problem
    except InvalidTypeError:
        pass
    else:
        assert isinstance(data, Dataset)
        assert isinstance(data.validate(), tuple)


# ---------------------------------------------------------------------------- schemas


@pytest.mark.parametrize("path", V1_FILES, ids=lambda path: path.name)
def test_a_file_of_schema_1_loads(path: Path) -> None:
    """Every golden 0.1 file loads through from_json, and the same as upgrade() then
    from_dict; its derived "X.attainment"/"X.change" indicators are gone."""
    text = path.read_text(encoding="utf-8")
    plain = json.loads(text)
    assert plain["$schema"] == "danvan/1"
    loaded = from_json(text, Dataset)
    assert isinstance(loaded, Dataset)
    assert from_dict(upgrade(plain)) == loaded
    assert not [i.code for i in loaded.indicators if i.code.endswith((".attainment", ".change"))]


@pytest.mark.parametrize("path", V1_FILES, ids=lambda path: path.name)
def test_upgrade_returns_a_new_document_and_leaves_its_input(path: Path) -> None:
    """upgrade() returns a "danvan/2" copy; the "danvan/1" input is not changed."""
    plain = json.loads(path.read_text(encoding="utf-8"))
    before = copy.deepcopy(plain)
    upgraded = upgrade(plain)
    assert plain == before
    assert upgraded["$schema"] == "danvan/2"
    assert upgraded is not plain
    upgraded["observations"][0]["actual"] = "0"
    assert plain == before


def test_upgrade_of_the_current_schema_is_an_equal_copy() -> None:
    """upgrade() of a "danvan/2" document is equal to it and shares nothing with it."""
    plain = copy.deepcopy(BASE_PLAIN)
    upgraded = upgrade(plain)
    assert upgraded == plain
    assert upgraded is not plain
    upgraded["units"][0]["name"] = "khác"
    assert plain == BASE_PLAIN


def test_an_unknown_schema_is_a_data_error() -> None:
    """A document of schema "danvan/9" is refused by upgrade(), from_dict and from_json;
    so is a document that is not a dict."""
    plain = {**copy.deepcopy(BASE_PLAIN), "$schema": "danvan/9"}
    with pytest.raises(DataError, match="danvan/9"):
        upgrade(plain)
    assert problems_of(lambda: from_dict(plain))
    assert problems_of(lambda: from_json(json.dumps(plain)))
    with pytest.raises(InvalidTypeError):
        upgrade([])  # type: ignore[arg-type]


def _v1_with_a_lone_attainment() -> dict[str, Any]:
    """A danvan/1 dataset whose "fund.attainment" figure has no figure of "fund"
    beside it, so the 0.1 convention does not apply."""
    unit = {"id": "ht", "name": "Thị ủy Hòa Thành", "kind": "party_committee", "level": "district"}
    year = {"start": "2020-01-01", "end": "2020-12-31", "kind": "year"}
    return {
        "$schema": "danvan/1",
        "$type": "Dataset",
        "title": "Báo cáo năm 2020",
        "source": "Báo cáo",
        "units": [unit],
        "indicators": [
            {"code": "fund", "name": "Quỹ Vì người nghèo", "unit": "đồng", "roll_up": "sum"},
            {"code": "fund.attainment", "name": "Tỷ lệ đạt", "unit": "%", "roll_up": "last"},
        ],
        "observations": [
            {"indicator": "fund.attainment", "unit_id": "ht", "period": year, "actual": "1.0839"},
        ],
    }


def test_a_lone_attainment_of_schema_1_stays_a_percent_indicator() -> None:
    """A danvan/1 "X.attainment" indicator whose base observation is missing is kept
    as a "%" indicator with its figure, not dropped."""
    plain = _v1_with_a_lone_attainment()
    upgraded = upgrade(plain)
    assert [i["code"] for i in upgraded["indicators"]] == ["fund", "fund.attainment"]
    assert upgraded["observations"] == plain["observations"]
    loaded = from_dict(plain, Dataset)
    assert loaded.indicator("fund.attainment").unit == "%"
    (figure,) = loaded.observations
    assert (figure.indicator, figure.actual) == ("fund.attainment", Decimal("1.0839"))


def test_a_v1_attainment_with_its_base_figure_becomes_a_stated_attainment() -> None:
    """With the figure of "fund" beside it, the "fund.attainment" figure becomes that
    figure's stated_attainment and the indicator is gone."""
    plain = _v1_with_a_lone_attainment()
    year = plain["observations"][0]["period"]
    plain["observations"].append(
        {"indicator": "fund", "unit_id": "ht", "period": year, "actual": RAISED}
    )
    loaded = from_dict(plain, Dataset)
    assert [i.code for i in loaded.indicators] == ["fund"]
    (figure,) = loaded.observations
    assert (figure.actual, figure.stated_attainment) == (RAISED, Decimal("1.0839"))
    assert loaded.validate() == ()


@pytest.mark.parametrize("path", V1_FILES, ids=lambda path: path.name)
def test_a_file_of_schema_1_is_written_back_in_schema_2(path: Path) -> None:
    """to_json(from_json(v1 text)) is a "danvan/2" document that loads again to an
    equal dataset, and is a fixed point from then on."""
    loaded = from_json(path.read_text(encoding="utf-8"), Dataset)
    text = to_json(loaded)
    assert json.loads(text)["$schema"] == SCHEMA == "danvan/2"
    again = from_json(text, Dataset)
    assert again == loaded
    assert to_json(again) == text
