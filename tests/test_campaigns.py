"""Campaigns and "Dân vận khéo" models: the lifecycle against an oracle, then the reports."""

from __future__ import annotations

import warnings
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

import attrs
import pytest
from hypothesis import given
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
    ModelStatus,
    check_history,
    is_valid_history,
)
from danvan.errors import InvalidTypeError, InvalidValueError, ParseError
from danvan.observations import Target
from danvan.periods import Period
from danvan.serialize import _get_converter as make_converter  # danvan's own converter

from .strategies import (
    any_histories,
    campaigns,
    exact_values,
    mobilization_models,
    model_dates,
    model_event_kinds,
    model_events,
    valid_histories,
)

K = ModelEventKind
REFORM = date(2025, 7, 1)  # the district level ends

# ---------------------------------------------------------------------------- oracles

PAST_IMPLEMENTATION = {K.EVALUATED, K.RECOGNISED, K.PRAISED, K.AWARDED, K.COMMENDED}
PAST_IMPLEMENTATION.add(K.REPLICATED)
PAST_IMPLEMENTATION.add(K.MARKED_FOR_CONSOLIDATION)
AFTER_RECOGNITION = (K.PRAISED, K.AWARDED, K.COMMENDED, K.REPLICATED)
COMMENDATIONS = {K.PRAISED, K.AWARDED, K.COMMENDED}
STAGES = [
    ModelStatus.REGISTERED,
    ModelStatus.IMPLEMENTED,
    ModelStatus.EVALUATED,
    ModelStatus.RECOGNISED,
    ModelStatus.COMMENDED,
    ModelStatus.REPLICATED,
]


def oracle_valid(history: tuple[ModelEvent, ...]) -> bool:
    """The rules of the module docstring, one at a time, over slices."""
    kinds = [event.kind for event in history]
    if not kinds or kinds[0] is not K.REGISTERED or kinds.count(K.REGISTERED) > 1:
        return False
    if any(a.date > b.date for a, b in pairwise(history)):
        return False
    if kinds.count(K.IMPLEMENTED) > 1:
        return False
    for index, kind in enumerate(kinds):
        before = set(kinds[:index])
        if kind is K.IMPLEMENTED and before & PAST_IMPLEMENTATION:
            return False
        if kind in AFTER_RECOGNITION and K.RECOGNISED not in before:
            return False
        if kind is K.MARKED_FOR_CONSOLIDATION and K.EVALUATED not in before:
            return False
    return True


def oracle_status(history: tuple[ModelEvent, ...], day: date) -> ModelStatus | None:
    """The furthest stage among the events up to *day*, by the order of STAGES."""
    reached = [
        STAGES.index(
            ModelStatus.COMMENDED if e.kind in COMMENDATIONS else ModelStatus(e.kind.value)
        )
        for e in history
        if e.date <= day and e.kind is not K.MARKED_FOR_CONSOLIDATION
    ]
    return STAGES[max(reached)] if reached else None


def oracle_needs_consolidation(history: tuple[ModelEvent, ...], day: date) -> bool:
    """Whether the last mark or clearing event up to *day* is a mark."""
    relevant = [
        e.kind for e in history if e.date <= day and e.kind not in (K.REGISTERED, K.IMPLEMENTED)
    ]
    return bool(relevant) and relevant[-1] is K.MARKED_FOR_CONSOLIDATION


def _model(history: tuple[ModelEvent, ...], /, **changes: object) -> MobilizationModel:
    fields: dict[str, object] = {
        "id": "m1",
        "name": "Khéo vận động",
        "field": ModelField.ECONOMY,
        "holder": ModelHolder.COLLECTIVE,
        "unit_id": "u1",
        "level": ModelLevel.PROVINCE,
        "history": history,
    }
    return MobilizationModel(**(fields | changes))  # type: ignore[arg-type]


def _events(*steps: tuple[ModelEventKind, date]) -> tuple[ModelEvent, ...]:
    return tuple(ModelEvent(kind=kind, date=day) for kind, day in steps)


# ------------------------------------------------------------------- the lifecycle


@given(valid_histories())
def test_valid_histories_build_models(history: tuple[ModelEvent, ...]) -> None:
    assert oracle_valid(history)
    assert is_valid_history(history)
    check_history(history)
    check_history(list(history))
    assert _model(history).history == history


@given(any_histories)
def test_the_checker_agrees_with_the_oracle(history: tuple[ModelEvent, ...]) -> None:
    valid = oracle_valid(history)
    assert is_valid_history(history) is valid
    if valid:
        _model(history)
    else:
        with pytest.raises(InvalidValueError, match="model 'm1': "):
            _model(history)


@st.composite
def broken_histories(draw: st.DrawFn) -> tuple[tuple[ModelEvent, ...], str]:
    """A valid history with one rule broken, and the words of the error it must raise."""
    history = list(draw(valid_histories()))
    first, last = history[0].date, history[-1].date
    later = last + timedelta(days=draw(st.integers(0, 30)))
    earlier = first - timedelta(days=draw(st.integers(1, 30)))
    how = draw(
        st.sampled_from(
            [
                "before registration",
                "second registration",
                "date order",
                "commended early",
                "replicated early",
                "implemented late",
                "marked early",
                "empty",
            ]
        )
    )
    if how == "before registration":
        kind = draw(model_event_kinds)
        history.insert(0, ModelEvent(kind=kind, date=earlier))
        expected = "second registration" if kind is K.REGISTERED else "before the registration"
    elif how == "second registration":
        history.append(ModelEvent(kind=K.REGISTERED, date=later))
        expected = "second registration"
    elif how == "date order":
        history.append(ModelEvent(kind=K.EVALUATED, date=earlier))
        expected = "date order"
    elif how in ("commended early", "replicated early"):
        kind = K.COMMENDED if how == "commended early" else K.REPLICATED
        history = [e for e in history if e.kind not in (K.RECOGNISED, K.COMMENDED, K.REPLICATED)]
        history.append(ModelEvent(kind=kind, date=later))
        expected = "before the model was recognised"
    elif how == "implemented late":
        history.append(ModelEvent(kind=K.RECOGNISED, date=later))
        history.append(ModelEvent(kind=K.IMPLEMENTED, date=later))
        twice = K.IMPLEMENTED in {e.kind for e in history[:-1]}
        expected = "second implementation" if twice else "comes after the model was already"
    elif how == "marked early":
        history = [e for e in history if e.kind not in (K.EVALUATED, K.MARKED_FOR_CONSOLIDATION)]
        history.append(ModelEvent(kind=K.MARKED_FOR_CONSOLIDATION, date=later))
        expected = "before the model was evaluated"
    else:
        history = []
        expected = "empty"
    return tuple(history), expected


@given(broken_histories())
def test_histories_that_break_a_rule_are_refused(case: tuple[tuple[ModelEvent, ...], str]) -> None:
    history, expected = case
    assert not oracle_valid(history)
    assert not is_valid_history(history)
    with pytest.raises(InvalidValueError, match=expected):
        check_history(history)
    with pytest.raises(InvalidValueError, match=expected):
        _model(history)


D = date(2021, 3, 1)
LATER = date(2021, 11, 20)

BAD_HISTORIES = [
    ("empty", (), "the history is empty"),
    (
        "recognised before registered",
        _events((K.RECOGNISED, D), (K.REGISTERED, LATER)),
        r"event 0 \(recognised on 2021-03-01\) comes before the registration",
    ),
    (
        "recognised without registration",
        _events((K.RECOGNISED, D)),
        "comes before the registration",
    ),
    (
        "commended before recognised",
        _events((K.REGISTERED, D), (K.COMMENDED, LATER), (K.RECOGNISED, LATER)),
        r"event 1 \(commended on 2021-11-20\) comes before the model was recognised",
    ),
    (
        "replicated before recognised",
        _events((K.REGISTERED, D), (K.REPLICATED, LATER)),
        r"event 1 \(replicated on 2021-11-20\) comes before the model was recognised",
    ),
    (
        "out of date order",
        _events((K.REGISTERED, LATER), (K.RECOGNISED, D)),
        r"comes after registered on 2021-11-20; the history must be in date order",
    ),
    (
        "duplicate registration",
        _events((K.REGISTERED, D), (K.REGISTERED, D)),
        r"event 1 \(registered on 2021-03-01\) is a second registration",
    ),
    (
        "implemented twice",
        _events((K.REGISTERED, D), (K.IMPLEMENTED, D), (K.IMPLEMENTED, LATER)),
        "is a second implementation",
    ),
    (
        "implemented after recognised",
        _events((K.REGISTERED, D), (K.RECOGNISED, D), (K.IMPLEMENTED, LATER)),
        "comes after the model was already recognised",
    ),
    (
        "marked without evaluation",
        _events((K.REGISTERED, D), (K.RECOGNISED, D), (K.MARKED_FOR_CONSOLIDATION, LATER)),
        "comes before the model was evaluated",
    ),
]


@pytest.mark.parametrize(
    ("history", "message"),
    [case[1:] for case in BAD_HISTORIES],
    ids=[case[0] for case in BAD_HISTORIES],
)
def test_impossible_histories_name_the_problem(
    history: tuple[ModelEvent, ...], message: str
) -> None:
    with pytest.raises(InvalidValueError, match=message):
        _model(history)


def test_same_day_events_count_in_the_order_given() -> None:
    recognised_and_commended = _events((K.REGISTERED, D), (K.RECOGNISED, D), (K.COMMENDED, D))
    assert _model(recognised_and_commended).status is ModelStatus.COMMENDED
    with pytest.raises(InvalidValueError, match="before the model was recognised"):
        _model(_events((K.REGISTERED, D), (K.COMMENDED, D), (K.RECOGNISED, D)))


def test_a_district_model_cannot_be_registered_after_the_reform() -> None:
    before = _events((K.REGISTERED, REFORM - timedelta(days=1)), (K.RECOGNISED, REFORM))
    assert _model(before, level=ModelLevel.DISTRICT).status is ModelStatus.RECOGNISED
    with pytest.raises(InvalidValueError, match=r"district level .* ended on 2025-07-01"):
        _model(_events((K.REGISTERED, REFORM)), level=ModelLevel.DISTRICT)
    assert _model(_events((K.REGISTERED, REFORM)), level=ModelLevel.COMMUNE)


# ------------------------------------------------------------------------- the status


@given(valid_histories(), st.lists(model_dates, min_size=1, max_size=6))
def test_status_follows_from_the_history(
    history: tuple[ModelEvent, ...], days: list[date]
) -> None:
    model = _model(history)
    assert model.status is oracle_status(history, history[-1].date)
    assert model.needs_consolidation is oracle_needs_consolidation(history, history[-1].date)
    for day in days:
        assert model.status_on(day) is oracle_status(history, day)
        assert model.needs_consolidation_on(day) is oracle_needs_consolidation(history, day)


@given(valid_histories(), st.lists(model_dates, min_size=2, max_size=8))
def test_status_never_goes_back(history: tuple[ModelEvent, ...], days: list[date]) -> None:
    model = _model(history)
    ranks = [-1 if s is None else s.rank for s in map(model.status_on, sorted(days))]
    assert ranks == sorted(ranks)
    assert model.status_on(history[0].date - timedelta(days=1)) is None
    assert model.status_on(history[0].date) is not None
    assert model.status_on(date.max) is model.status


@given(valid_histories())
def test_each_event_is_the_furthest_stage_or_behind_it(history: tuple[ModelEvent, ...]) -> None:
    model = _model(history)
    stages = [e.kind.status for e in history if e.kind.status is not None]
    assert model.status is max(stages, key=lambda s: s.rank)
    assert model.registered_on == history[0].date
    recognised = [e.date for e in history if e.kind is K.RECOGNISED]
    assert model.recognised_on == (recognised[0] if recognised else None)


@given(mobilization_models(), model_events())
def test_with_event_is_building_with_the_longer_history(
    model: MobilizationModel, event: ModelEvent
) -> None:
    history = (*model.history, event)
    if oracle_valid(history):
        grown = model.with_event(event)
        assert grown == attrs.evolve(model, history=history)
        assert grown.status.rank >= model.status.rank
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # COMMENDED
            recorded = model.record(
                event.kind,
                event.date,
                unit_id=event.unit_id,
                note=event.note,
                award=event.award,
                exemplary=event.exemplary,
            )
        assert recorded == grown
    else:
        with pytest.raises(InvalidValueError):
            model.with_event(event)


def test_a_model_from_registration_to_replication() -> None:
    model = MobilizationModel.register(
        id="bh-2021-01",
        name="Khéo vận động làm nhà cho hộ nghèo",
        field=ModelField.POVERTY_REDUCTION,
        holder=ModelHolder.COLLECTIVE,
        unit_id="bh-du",
        level=ModelLevel.COMMUNE,
        date=date(2021, 3, 1),
        campaign_id="dan-van-kheo",
    )
    assert model.history == (ModelEvent(kind=K.REGISTERED, date=date(2021, 3, 1)),)
    steps = [
        (K.IMPLEMENTED, date(2021, 4, 1), ModelStatus.IMPLEMENTED, False),
        (K.EVALUATED, date(2021, 10, 1), ModelStatus.EVALUATED, False),
        (K.RECOGNISED, date(2021, 11, 20), ModelStatus.RECOGNISED, False),
        (K.COMMENDED, date(2021, 11, 20), ModelStatus.COMMENDED, False),
        (K.EVALUATED, date(2022, 10, 1), ModelStatus.COMMENDED, False),
        (K.MARKED_FOR_CONSOLIDATION, date(2022, 10, 1), ModelStatus.COMMENDED, True),
        (K.EVALUATED, date(2023, 10, 1), ModelStatus.COMMENDED, False),
        (K.REPLICATED, date(2023, 12, 1), ModelStatus.REPLICATED, False),
    ]
    for kind, day, status, flagged in steps:
        model = model.record(kind, day, unit_id="hl-bdv")
        assert (model.status, model.needs_consolidation) == (status, flagged)
    assert model.status_on(date(2022, 12, 31)) is ModelStatus.COMMENDED
    assert model.needs_consolidation_on(date(2022, 12, 31))
    assert model.recognised_on == date(2021, 11, 20)
    converter = make_converter()
    assert converter.structure(converter.unstructure(model), MobilizationModel) == model


@pytest.mark.parametrize("clear", [K.EVALUATED, K.RECOGNISED, K.COMMENDED, K.REPLICATED])
def test_what_ends_a_mark_for_consolidation(clear: ModelEventKind) -> None:
    marked = _model(
        _events((K.REGISTERED, D), (K.RECOGNISED, D), (K.EVALUATED, D))
        + _events((K.MARKED_FOR_CONSOLIDATION, D))
    )
    assert marked.needs_consolidation
    assert not marked.record(clear, LATER).needs_consolidation


# ----------------------------------------------------------------- types and values


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"history": list(_events((K.REGISTERED, D)))}, InvalidTypeError),
        ({"history": ("registered",)}, InvalidTypeError),
        ({"history": None}, InvalidTypeError),
        ({"field": "economy"}, InvalidTypeError),
        ({"holder": "tập thể"}, InvalidTypeError),
        ({"level": "commune"}, InvalidTypeError),
        ({"id": "m 1"}, InvalidValueError),
        ({"unit_id": "hl/bdv"}, InvalidValueError),
        ({"name": " "}, InvalidValueError),
        ({"campaign_id": 3}, InvalidTypeError),
    ],
)
def test_model_validators(changes: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        _model(_events((K.REGISTERED, D)), **changes)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"kind": "registered"}, InvalidTypeError),
        ({"date": datetime(2021, 3, 1, 10, 0)}, InvalidTypeError),
        ({"date": "19/5/2021"}, InvalidTypeError),
        ({"unit_id": ""}, InvalidValueError),
        ({"note": ""}, InvalidValueError),
    ],
)
def test_event_validators(changes: dict[str, object], error: type[Exception]) -> None:
    fields: dict[str, object] = {"kind": K.REGISTERED, "date": D}
    with pytest.raises(error):
        ModelEvent(**(fields | changes))  # type: ignore[arg-type]


def test_days_asked_about_must_be_dates() -> None:
    model = _model(_events((K.REGISTERED, D)))
    for bad in ("2021-03-01", datetime(2021, 3, 1), None):
        with pytest.raises(InvalidTypeError):
            model.status_on(bad)  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError):
            model.needs_consolidation_on(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        model.with_event((K.RECOGNISED, D))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        check_history((K.REGISTERED,))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        is_valid_history("registered")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ enums

ENUMS = [CampaignKind, ModelField, ModelHolder, ModelLevel, ModelStatus, ModelEventKind]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_enums_are_stable_identifiers_with_names(enum: type[CampaignKind]) -> None:
    for member in enum:
        assert member.value == member.name.lower()
        assert member.value.isidentifier()
        assert member.vietnamese.strip()
        assert member.english.strip()
        assert enum(member.value) is member
    assert len({m.vietnamese for m in enum}) == len(enum)


VIETNAMESE = [
    (CampaignKind.EMULATION_MOVEMENT, "phong trào thi đua"),
    (CampaignKind.CAMPAIGN, "cuộc vận động"),
    (CampaignKind.PROGRAMME, "chương trình"),
    (CampaignKind.FUND, "quỹ"),
    (ModelField.ECONOMY, "kinh tế"),
    (ModelField.CULTURE_SOCIETY, "văn hóa – xã hội"),
    (ModelField.DEFENCE_SECURITY, "quốc phòng – an ninh"),
    (ModelField.POLITICAL_SYSTEM, "xây dựng hệ thống chính trị"),
    (ModelField.NEW_RURAL_AREAS, "nông thôn mới"),
    (ModelField.CIVILISED_URBAN_AREAS, "đô thị văn minh"),
    (ModelField.POVERTY_REDUCTION, "giảm nghèo"),
    (ModelHolder.COLLECTIVE, "tập thể"),
    (ModelHolder.INDIVIDUAL, "cá nhân"),
    (ModelLevel.COMMUNE, "cơ sở"),
    (ModelLevel.DISTRICT, "huyện"),
    (ModelLevel.PROVINCE, "tỉnh"),
    (K.REGISTERED, "đăng ký"),
    (K.IMPLEMENTED, "triển khai"),
    (K.EVALUATED, "đánh giá"),
    (K.RECOGNISED, "công nhận"),
    (K.COMMENDED, "biểu dương, khen thưởng"),
    (K.REPLICATED, "nhân rộng"),
    (K.MARKED_FOR_CONSOLIDATION, "củng cố"),
]


@pytest.mark.parametrize(("member", "vietnamese"), VIETNAMESE)
def test_vietnamese_names(member: CampaignKind, vietnamese: str) -> None:
    assert member.vietnamese == vietnamese


def test_fields_and_sub_fields() -> None:
    main = [f for f in ModelField if f.parent is None]
    assert main == [
        ModelField.ECONOMY,
        ModelField.CULTURE_SOCIETY,
        ModelField.DEFENCE_SECURITY,
        ModelField.POLITICAL_SYSTEM,
    ]
    for field in ModelField:
        assert field.main in main
        assert field.main is (field.parent or field)


def test_status_ranks_follow_the_lifecycle_not_the_alphabet() -> None:
    assert [s.rank for s in STAGES] == list(range(6))
    assert list(ModelStatus) == STAGES
    # The members are strings: compared directly they follow the alphabet.
    assert ModelStatus.COMMENDED < ModelStatus.RECOGNISED
    assert ModelStatus.COMMENDED.rank > ModelStatus.RECOGNISED.rank
    for kind in ModelEventKind:
        reached = ModelStatus.COMMENDED if kind in COMMENDATIONS else None
        if kind is not K.MARKED_FOR_CONSOLIDATION and reached is None:
            reached = ModelStatus(kind)
        assert kind.status is reached


def test_levels_over_time() -> None:
    assert ModelLevel.DISTRICT.exists_on(date(2025, 6, 30))
    assert not ModelLevel.DISTRICT.exists_on(REFORM)
    assert ModelLevel.COMMUNE.exists_on(REFORM)
    assert ModelLevel.PROVINCE.exists_on(date.max)
    assert [level.abolished_on for level in ModelLevel] == [None, REFORM, None]


# -------------------------------------------------------------------------- campaigns


@given(campaigns())
def test_campaigns_are_values_that_round_trip(campaign: Campaign) -> None:
    assert attrs.evolve(campaign) == campaign
    assert hash(attrs.evolve(campaign)) == hash(campaign)
    converter = make_converter()
    assert converter.structure(converter.unstructure(campaign), Campaign) == campaign
    for target in campaign.targets:
        assert campaign.target_for(target.indicator, unit_id=target.unit_id, period=target.period)
        assert campaign.target_for(target.indicator, unit_id=target.unit_id + "x", period=(
            target.period
        )) is None  # fmt: skip


@given(mobilization_models())
def test_models_round_trip(model: MobilizationModel) -> None:
    converter = make_converter()
    assert converter.structure(converter.unstructure(model), MobilizationModel) == model


@given(campaigns(), st.integers(1, 20))
def test_targets_outside_the_period_are_refused(campaign: Campaign, years: int) -> None:
    if campaign.period is None:
        return
    outside = Target(
        indicator="x",
        unit_id="u",
        period=Period.year(campaign.period.end.year + years),
        value=1,
    )
    with pytest.raises(InvalidValueError, match="runs over"):
        attrs.evolve(campaign, targets=(*campaign.targets, outside))


@given(campaigns(), exact_values)
def test_two_targets_for_one_key_are_refused(campaign: Campaign, value: int) -> None:
    if not campaign.targets:
        return
    again = attrs.evolve(campaign.targets[0], value=value)
    with pytest.raises(InvalidValueError, match="two targets"):
        attrs.evolve(campaign, targets=(*campaign.targets, again))


FUND = Campaign(
    id="vi-nguoi-ngheo",
    name="Vì người nghèo",
    kind=CampaignKind.FUND,
    launching_unit_id="mttq-tw",
    targets=(
        # The report states 108,39% of plan; this plan is one that gives it (see
        # test_observations), kept exactly to the đồng.
        Target(
            indicator="fund.vi_nguoi_ngheo",
            unit_id="hoa-thanh",
            period=Period.year(2020),
            value=1_659_500_000,
        ),
    ),
)
CAMPAIGNS = [
    Campaign(
        id="dan-van-kheo",
        name="Dân vận khéo",
        kind=CampaignKind.EMULATION_MOVEMENT,
        launching_unit_id="bdv-tw",
    ),
    Campaign(
        id="toan-dan-doan-ket-ntm-dtvm",
        name="Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
        kind=CampaignKind.CAMPAIGN,
        launching_unit_id="mttq-tw",
    ),
    FUND,
    Campaign(
        id="hoa-thanh-dvcq-2020",
        name="Phối hợp thực hiện công tác dân vận chính quyền năm 2020",
        kind=CampaignKind.PROGRAMME,
        launching_unit_id="hoa-thanh-bdv",
        partner_unit_ids=("hoa-thanh-ubnd",),
        directive="123-KH/BDV-UBND",
        period=Period.year(2020),
    ),
    Campaign(
        id="hoa-thanh-16-ctr",
        name="Chương trình phối hợp về công tác dân vận",
        kind=CampaignKind.PROGRAMME,
        launching_unit_id="hoa-thanh-bdv",
        partner_unit_ids=("hoa-thanh-ubnd",),
        directive="16-CTr/BDV-UBND",
        period=Period.years(2016, 2021),
    ),
]


@pytest.mark.parametrize("campaign", CAMPAIGNS, ids=lambda c: c.id)
def test_the_campaigns_of_the_reports(campaign: Campaign) -> None:
    converter = make_converter()
    assert converter.structure(converter.unstructure(campaign), Campaign) == campaign


def test_a_fund_plan_is_exact_to_the_dong() -> None:
    plan = FUND.target_for("fund.vi_nguoi_ngheo", unit_id="hoa-thanh", period=Period.year(2020))
    assert plan is not None
    assert plan.value == 1659500000
    assert type(plan.value) is int
    assert make_converter().unstructure(FUND)["targets"][0]["value"] == 1659500000


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"kind": "fund"}, InvalidTypeError, "kind"),
        ({"launching_unit_id": "mttq tw"}, InvalidValueError, "launching_unit_id"),
        ({"partner_unit_ids": ["ubnd"]}, InvalidTypeError, "tuple"),
        ({"partner_unit_ids": ("mttq-tw",)}, InvalidValueError, "other units"),
        ({"partner_unit_ids": ("a", "a")}, InvalidValueError, "each once"),
        ({"partner_unit_ids": ("a b",)}, InvalidValueError, "partner_unit_ids"),
        ({"directive": "08-CT"}, ParseError, "08-CT"),
        ({"directive": 8}, InvalidTypeError, "document code"),
        ({"period": 2020}, InvalidTypeError, "period"),
        ({"targets": [FUND.targets[0]]}, InvalidTypeError, "tuple"),
        ({"targets": (1659500000,)}, InvalidTypeError, "Target"),
        ({"name": ""}, InvalidValueError, "name"),
    ],
)
def test_campaign_validators(
    changes: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        attrs.evolve(FUND, **changes)


# ---------------------------------------------------------- the figures of the reports


def _models(
    count: int, holder: ModelHolder, steps: tuple[tuple[ModelEventKind, date], ...], prefix: str
) -> list[MobilizationModel]:
    return [
        _model(_events(*steps), id=f"{prefix}-{index}", holder=holder) for index in range(count)
    ]


def test_nam_dinh_3545_models_2066_collective_1479_individual() -> None:
    steps = ((K.REGISTERED, date(2019, 3, 1)), (K.RECOGNISED, date(2021, 12, 1)))
    models = _models(2066, ModelHolder.COLLECTIVE, steps, "tt") + _models(
        1479, ModelHolder.INDIVIDUAL, steps, "cn"
    )
    by_holder = Counter(m.holder for m in models)
    assert (len(models), by_holder[ModelHolder.COLLECTIVE], by_holder[ModelHolder.INDIVIDUAL]) == (
        3545,
        2066,
        1479,
    )
    assert Counter(m.status_on(date(2022, 6, 30)) for m in models) == {
        ModelStatus.RECOGNISED: 3545
    }


def test_hong_linh_70_models_recognised_and_commended_in_2021() -> None:
    steps = (
        (K.REGISTERED, date(2021, 3, 1)),
        (K.RECOGNISED, date(2021, 12, 10)),
        (K.COMMENDED, date(2021, 12, 10)),
    )
    models = _models(70, ModelHolder.COLLECTIVE, steps, "hl")
    year = Period.year(2021)
    commended_in_2021 = [
        m for m in models if any(e.kind is K.COMMENDED and e.date in year for e in m.history)
    ]
    assert len(commended_in_2021) == 70
    assert Counter(m.status_on(year.end) for m in models) == {ModelStatus.COMMENDED: 70}
    assert Counter(m.status_on(year.previous().end) for m in models) == {None: 70}


def test_356_models_registered() -> None:
    models = _models(356, ModelHolder.COLLECTIVE, ((K.REGISTERED, date(2021, 4, 15)),), "dk")
    assert sum(m.status is ModelStatus.REGISTERED for m in models) == 356
