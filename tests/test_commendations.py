"""Biểu dương and khen thưởng, models due for review, number lines and issuer names."""

from __future__ import annotations

import warnings
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    Award,
    AwardForm,
    Dataset,
    DocumentCode,
    Level,
    MobilizationModel,
    ModelEvent,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
    ModelRegistration,
    ModelStatus,
    Period,
    Unit,
    UnitKind,
    describe_commendations,
    from_json,
    models_due_for_review,
    to_json,
)
from danvan.errors import InvalidTypeError, InvalidValueError
from tests.strategies import mobilization_models, model_dates

K = ModelEventKind


def _model(*events: tuple[ModelEventKind, date, str | None]) -> MobilizationModel:
    return MobilizationModel(
        id="m",
        name="Khéo vận động hiến đất làm đường",
        field=ModelField.NEW_RURAL_AREAS,
        holder=ModelHolder.COLLECTIVE,
        unit_id="xa-mttq",
        level=ModelLevel.COMMUNE,
        history=tuple(ModelEvent(kind=k, date=d, unit_id=u) for k, d, u in events),
    )


# ------------------------------------------------------------------ the two acts


def test_labels_are_exact() -> None:
    assert K.PRAISED.vietnamese == "biểu dương"
    assert K.AWARDED.vietnamese == "khen thưởng"
    assert K.COMMENDED.vietnamese == "biểu dương, khen thưởng"
    for kind in (K.PRAISED, K.AWARDED, K.COMMENDED):
        assert kind.status is ModelStatus.COMMENDED
        assert kind.is_commendation


@pytest.mark.parametrize("kind", [K.PRAISED, K.AWARDED, K.COMMENDED])
def test_no_commendation_before_recognition(kind: ModelEventKind) -> None:
    with pytest.raises(InvalidValueError, match="comes before the model was recognised"):
        _model((K.REGISTERED, date(2021, 3, 1), None), (kind, date(2021, 6, 1), None))
    model = _model(
        (K.REGISTERED, date(2021, 3, 1), None),
        (K.RECOGNISED, date(2021, 6, 1), None),
        (kind, date(2021, 6, 1), None),
    )
    assert model.status is ModelStatus.COMMENDED


@given(mobilization_models())
def test_every_valid_model_is_recognised_before_any_commendation(
    model: MobilizationModel,
) -> None:
    kinds = [event.kind for event in model.history]
    for index, kind in enumerate(kinds):
        if kind.is_commendation:
            assert K.RECOGNISED in kinds[:index]


_UNITS = (
    Unit(id="tu", name="Tỉnh ủy", kind=UnitKind.PARTY_COMMITTEE, level=Level.PROVINCE),
    Unit(
        id="bdv",
        name="Ban Dân vận Tỉnh ủy",
        kind=UnitKind.MASS_MOBILIZATION_BOARD,
        level=Level.PROVINCE,
        parent="tu",
    ),
    Unit(id="ubnd", name="UBND tỉnh", kind=UnitKind.PEOPLES_COMMITTEE, level=Level.PROVINCE),
    Unit(id="xa-mttq", name="MTTQ xã", kind=UnitKind.FATHERLAND_FRONT, level=Level.COMMUNE),
)


def _problems(*events: tuple[ModelEventKind, date, str | None]) -> list[str]:
    data = Dataset(title="t", source="s", units=_UNITS, models=(_model(*events),))
    return [str(problem) for problem in data.validate()]


@pytest.mark.parametrize(
    ("kind", "unit", "ok"),
    [
        (K.PRAISED, "bdv", True),
        (K.PRAISED, "tu", True),
        (K.PRAISED, "ubnd", False),
        (K.PRAISED, "xa-mttq", False),
        (K.AWARDED, "ubnd", True),
        (K.AWARDED, "bdv", False),
        (K.AWARDED, "xa-mttq", False),
        (K.COMMENDED, "ubnd", True),  # deprecated: the branch is not known
        (K.COMMENDED, "bdv", True),
    ],
)
def test_praise_by_the_party_award_by_the_state(kind: ModelEventKind, unit: str, ok: bool) -> None:
    problems = _problems(
        (K.REGISTERED, date(2021, 3, 1), None),
        (K.RECOGNISED, date(2021, 6, 1), "bdv"),
        (kind, date(2021, 12, 1), unit),
    )
    assert (problems == []) is ok, problems
    if not ok:
        assert problems[0].startswith("$.models[0].history[2].unit_id: ")
        assert f"{kind.vietnamese} is an act of a" in problems[0]


def test_record_commended_warns_and_json_commended_still_loads() -> None:
    model = _model((K.REGISTERED, date(2021, 3, 1), None), (K.RECOGNISED, date(2021, 6, 1), None))
    with pytest.warns(DeprecationWarning, match="PRAISED"):
        old = model.record(K.COMMENDED, date(2021, 7, 1))
    text = to_json(old)
    assert '"commended"' in text
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = from_json(text, MobilizationModel)
    assert back == old
    assert back.history[-1].kind is K.COMMENDED


@given(mobilization_models())
def test_models_round_trip_with_the_new_kinds_and_fields(model: MobilizationModel) -> None:
    assert from_json(to_json(model), MobilizationModel) == model


# --------------------------------------------------------------- due for review


def test_due_for_review_yearly_and_when_marked() -> None:
    fresh = _model((K.REGISTERED, date(2023, 3, 1), None))
    assert models_due_for_review([fresh], on=date(2023, 2, 1)) == ()  # not yet registered
    assert models_due_for_review([fresh], on=date(2023, 12, 31)) == ()
    assert models_due_for_review([fresh], on=date(2024, 1, 1)) == (fresh,)
    marked = _model(
        (K.REGISTERED, date(2023, 3, 1), None),
        (K.EVALUATED, date(2023, 10, 1), None),
        (K.MARKED_FOR_CONSOLIDATION, date(2023, 10, 1), None),
    )
    assert models_due_for_review([marked, fresh], on=date(2023, 11, 1)) == (marked,)
    reviewed = _model(
        (K.REGISTERED, date(2022, 3, 1), None),
        (K.RECOGNISED, date(2023, 10, 1), None),
        (K.PRAISED, date(2024, 1, 5), None),
    )
    assert models_due_for_review([reviewed], on=date(2024, 6, 1)) == ()
    assert models_due_for_review([reviewed], on=date(2023, 12, 1)) == ()
    assert models_due_for_review([reviewed], on=date(2025, 1, 1)) == (reviewed,)


@settings(max_examples=40)
@given(st.lists(mobilization_models(max_events=5), max_size=3), model_dates)
def test_due_models_are_registered_and_kept_in_order(
    models: list[MobilizationModel], on: date
) -> None:
    due = models_due_for_review(models, on=on)
    assert list(due) == [m for m in models if m in due]
    for model in due:
        assert model.registered_on <= on
        assert model.needs_consolidation_on(on) or all(
            e.date.year < on.year
            for e in model.history
            if e.date <= on and e.kind not in (K.IMPLEMENTED, K.MARKED_FOR_CONSOLIDATION)
        )


def test_due_for_review_checks_its_arguments() -> None:
    with pytest.raises(InvalidTypeError):
        models_due_for_review("m", on=date(2024, 1, 1))
    with pytest.raises(InvalidTypeError):
        models_due_for_review([], on="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        models_due_for_review([1], on=date(2024, 1, 1))  # type: ignore[list-item]


# ------------------------------------------------------------- document codes

NUMBER_LINES = [
    # Party: no colon (HD 36-HD/VPTW, 03/4/2018, whose header reads "Số 36-HD/VPTW").
    ("08-CT/ThU", "Số 08-CT/ThU"),
    ("36-HD/VPTW", "Số 36-HD/VPTW"),
    ("1147-QĐ/BTGDVTW", "Số 1147-QĐ/BTGDVTW"),
    # State: with a colon (NĐ 30/2020/NĐ-CP, Phụ lục I).
    ("5/BC-UBND", "Số: 05/BC-UBND"),
    ("30/2020/NĐ-CP", "Số: 30/2020/NĐ-CP"),
    ("238/UBND-KGVX", "Số: 238/UBND-KGVX"),
]


@pytest.mark.parametrize(("code", "line"), NUMBER_LINES)
def test_number_line(code: str, line: str) -> None:
    parsed = DocumentCode.parse(code)
    assert parsed.number_line() == line
    assert DocumentCode.parse(line) == parsed


ISSUER_NAMES = [
    ("1147-QĐ/BTGDVTW", None, ("Ban Tuyên giáo và Dân vận Trung ương",)),
    ("1147-QĐ/BTGDVTW", date(2025, 2, 2), (None,)),
    ("1147-QĐ/BTGDVTW", date(2025, 2, 3), ("Ban Tuyên giáo và Dân vận Trung ương",)),
    ("12-HD/BDVTW", date(2025, 2, 2), ("Ban Dân vận Trung ương",)),
    ("12-HD/BDVTW", date(2025, 2, 3), (None,)),
    ("20-CT/TU", None, ("Tỉnh ủy (Thành ủy)",)),
    ("08-CT/ThU", date(2025, 7, 1), (None,)),
    (
        "70-KH/BDVTU-BCSĐUBND",
        None,
        ("Ban Dân vận Tỉnh ủy (Thành ủy)", "Ban cán sự đảng Ủy ban nhân dân"),
    ),
    ("10/2022/QH15", None, ("Quốc hội khóa XV",)),
    ("28/2005/PL-UBTVQH11", None, ("Ủy ban Thường vụ Quốc hội khóa XI",)),
    ("03/VBHN-VPQH", None, ("Văn phòng Quốc hội",)),
    ("125/QĐ-XYZ", None, (None,)),
]


@pytest.mark.parametrize(("code", "on", "names"), ISSUER_NAMES)
def test_issuer_names(code: str, on: date | None, names: tuple[str | None, ...]) -> None:
    assert DocumentCode.parse(code).issuer_names(on=on) == names


def test_issuer_names_needs_a_date() -> None:
    with pytest.raises(InvalidTypeError):
        DocumentCode.parse("08-CT/ThU").issuer_names(on="2021-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "type_name", "issuers"),
    [
        # Văn bản hợp nhất 03/VBHN-VPQH (2021, Luật Khiếu nại): VBHN is the type.
        ("03/VBHN-VPQH", "Văn bản hợp nhất", ("VPQH",)),
        ("Văn bản hợp nhất số 1069/VBHN-BTP", "Văn bản hợp nhất", ("BTP",)),
        # Pháp lệnh Ngoại hối 28/2005/PL-UBTVQH11.
        ("28/2005/PL-UBTVQH11", "Pháp lệnh", ("UBTVQH11",)),
        ("05-BS/VPTW", "Bản sao", ("VPTW",)),
    ],
)
def test_new_types(text: str, type_name: str, issuers: tuple[str, ...]) -> None:
    code = DocumentCode.parse(text, strict=True)
    assert code.type is not None
    assert code.type.name == type_name
    assert code.issuers == issuers
    assert "VBHN" not in code.issuers


# ------------------------------------------------ awards, tiêu biểu, registration


def test_an_award_belongs_to_a_khen_thuong_only() -> None:
    award = Award(form=AwardForm.COMMENDATION_CERTIFICATE, authority="Chủ tịch UBND xã")
    assert award.form.vietnamese == "Giấy khen"
    assert AwardForm.MERIT_CERTIFICATE.vietnamese == "Bằng khen"
    event = ModelEvent(kind=K.AWARDED, date=date(2022, 1, 5), award=award)
    assert event.award is award
    with pytest.raises(InvalidValueError, match="only a khen thưởng"):
        ModelEvent(kind=K.PRAISED, date=date(2022, 1, 5), award=award)
    with pytest.raises(InvalidValueError, match="only a recognition"):
        ModelEvent(kind=K.PRAISED, date=date(2022, 1, 5), exemplary=True)
    with pytest.raises(InvalidTypeError):
        Award(form="Bằng khen", authority="x")  # type: ignore[arg-type]
    assert str(Award(form=award.form, authority="x", decision="125/QĐ-UBND").decision) == (
        "125/QĐ-UBND"
    )


def test_exemplary_and_awards_of_a_model() -> None:
    award = Award(form=AwardForm.MERIT_CERTIFICATE, authority="Chủ tịch UBND tỉnh")
    model = MobilizationModel(
        id="m",
        name="Khéo vận động",
        field=ModelField.ECONOMY,
        holder=ModelHolder.INDIVIDUAL,
        unit_id="xa",
        level=ModelLevel.COMMUNE,
        holder_name="Ông Nguyễn Văn A",
        registration=ModelRegistration(reason="Đường thôn xuống cấp", timeline="2022"),
        history=(
            ModelEvent(kind=K.REGISTERED, date=date(2022, 1, 5)),
            ModelEvent(kind=K.RECOGNISED, date=date(2022, 6, 1), exemplary=True),
            ModelEvent(kind=K.AWARDED, date=date(2022, 11, 1), award=award),
        ),
    )
    assert not model.is_exemplary_on(date(2022, 5, 31))
    assert model.is_exemplary_on(date(2022, 6, 1))
    assert model.awards() == (award,)
    assert from_json(to_json(model), MobilizationModel) == model


def test_the_report_sentence_of_commendations() -> None:
    award = Award(form=AwardForm.COMMENDATION_CERTIFICATE, authority="Chủ tịch UBND xã")

    def model(n: int, *events: ModelEvent) -> MobilizationModel:
        return MobilizationModel(
            id=f"m{n}",
            name="Mô hình",
            field=ModelField.ECONOMY,
            holder=ModelHolder.COLLECTIVE,
            unit_id="xa",
            level=ModelLevel.COMMUNE,
            history=(
                ModelEvent(kind=K.REGISTERED, date=date(2021, 1, 5)),
                ModelEvent(kind=K.RECOGNISED, date=date(2021, 6, 1), exemplary=n % 2 == 0),
                *events,
            ),
        )

    def on(kind: ModelEventKind, day: date) -> ModelEvent:
        return ModelEvent(kind=kind, date=day, award=award if kind is K.AWARDED else None)

    models = [
        model(0, on(K.PRAISED, date(2022, 3, 1)), on(K.PRAISED, date(2022, 9, 1))),
        model(1, on(K.AWARDED, date(2022, 3, 1)), on(K.AWARDED, date(2022, 4, 1))),
        model(2, on(K.COMMENDED, date(2022, 5, 1))),
        model(3, on(K.PRAISED, date(2021, 12, 31))),
    ]
    year = Period.year(2022)
    assert describe_commendations(models, year) == (
        "biểu dương 01 mô hình, khen thưởng 01 mô hình (02 Giấy khen),"
        " biểu dương, khen thưởng 01 mô hình; 02 mô hình tiêu biểu"
    )
    assert describe_commendations(models[3:], year, min_digits=None) == (
        "chưa biểu dương, khen thưởng mô hình nào"
    )
    with pytest.raises(InvalidTypeError):
        describe_commendations(models, "2022")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        describe_commendations([1], year)  # type: ignore[list-item]


def test_the_status_both_acts_reach_names_both() -> None:
    assert ModelStatus.COMMENDED.vietnamese == "đã được biểu dương, khen thưởng"


# ------------------------------------------------------- the figures reports give


def _registered(n: int, holder: ModelHolder, day: date, *, exemplary: bool) -> MobilizationModel:
    history = [ModelEvent(kind=K.REGISTERED, date=day)]
    if exemplary:
        history.append(ModelEvent(kind=K.RECOGNISED, date=date(2022, 11, 1), exemplary=True))
    return MobilizationModel(
        id=f"m{n}",
        name=f"Mô hình {n}",
        field=ModelField.NEW_RURAL_AREAS,
        holder=holder,
        unit_id="huyen",
        level=ModelLevel.DISTRICT,
        history=tuple(history),
    )


def test_the_counts_reports_give() -> None:
    """ "123 mô hình = 54 cá nhân + 69 tập thể; 55 tiêu biểu" (Chợ Đồn, 2022) and "2.071
    mô hình đăng ký, tăng 276" (Bà Rịa–Vũng Tàu, 2021), as issue 17 quotes them: the
    figures come out of the models, by holder, by tiêu biểu status and year on year."""
    from danvan import describe_difference, format_number
    from danvan.statistics import model_statistics

    models = [
        _registered(
            n,
            ModelHolder.INDIVIDUAL if n < 54 else ModelHolder.COLLECTIVE,
            date(2022, 3, 1),
            exemplary=n % 123 < 55,
        )
        for n in range(123)
    ]
    stats = model_statistics(models, Period.year(2022))
    assert stats.total == 123
    assert stats.by_holder[ModelHolder.INDIVIDUAL] == 54
    assert stats.by_holder[ModelHolder.COLLECTIVE] == 69
    assert sum(model.is_exemplary_on(date(2022, 12, 31)) for model in models) == 55
    assert stats.recognised == 55

    earlier = model_statistics(
        [
            _registered(n, ModelHolder.COLLECTIVE, date(2020, 5, 1), exemplary=False)
            for n in range(1795)
        ],
        Period.year(2020),
    )
    now = model_statistics(
        [
            _registered(n, ModelHolder.COLLECTIVE, date(2021, 5, 1), exemplary=False)
            for n in range(2071)
        ],
        Period.year(2021),
    )
    assert format_number(now.registered) == "2.071"
    assert describe_difference(now.registered, earlier.registered, unit="mô hình") == (
        "tăng 276 mô hình"
    )
