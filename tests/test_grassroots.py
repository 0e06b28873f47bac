"""Grassroots democracy records (NĐ 59/2023/NĐ-CP, Luật 10/2022/QH15) and their sentences."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan import (
    Dataset,
    Dialogue,
    DialogueReason,
    Level,
    Recommendation,
    RecommendationStatus,
    Supervision,
    SupervisionBoard,
    SupervisorKind,
    Unit,
    UnitKind,
    describe_dialogues,
    describe_supervisions,
    from_json,
    to_json,
)
from danvan.errors import DataError, InvalidTypeError, InvalidValueError
from tests.strategies import datasets, dialogues, supervision_boards, supervisions

D = date(2024, 3, 5)
DONE = Recommendation(status=RecommendationStatus.RESOLVED)
OPEN = Recommendation(content="Công khai danh sách hộ nghèo")


def _supervision(n: int, recommendations: tuple[Recommendation, ...] = ()) -> Supervision:
    return Supervision(
        id=f"gs-{n}",
        unit_id="mttq",
        date=D,
        by=SupervisorKind.FATHERLAND_FRONT,
        recommendations=recommendations,
    )


# ------------------------------------------------------------------- sentences


def test_the_report_sentence_of_supervisions() -> None:
    # "38 cuộc giám sát, kiến nghị 08 nội dung" (issue 17 of danvan quotes it).
    records = [_supervision(n, (OPEN, OPEN) if n < 4 else ()) for n in range(38)]
    assert (
        describe_supervisions(records)
        == "38 cuộc giám sát, kiến nghị 08 nội dung, đã giải quyết 00 nội dung"
    )
    records[0] = _supervision(0, (DONE, DONE))
    assert describe_supervisions(records).endswith("đã giải quyết 02 nội dung")
    assert describe_supervisions(records, min_digits=None) == (
        "38 cuộc giám sát, kiến nghị 8 nội dung, đã giải quyết 2 nội dung"
    )
    assert describe_supervisions([_supervision(1)]) == "01 cuộc giám sát"


def test_the_report_sentence_of_dialogues() -> None:
    held = [
        Dialogue(id="d1", unit_id="ubnd", date=D, opinions=20, answered=15),
        Dialogue(id="d2", unit_id="ubnd", date=D, reason=DialogueReason.ON_REQUEST, opinions=5),
        Dialogue(id="d3", unit_id="ubnd", date=D),
    ]
    assert describe_dialogues(held) == (
        "tổ chức 03 hội nghị đối thoại với Nhân dân, tiếp nhận 25 ý kiến, đã trả lời 15 ý kiến"
    )
    assert describe_dialogues(held[2:]) == "tổ chức 01 hội nghị đối thoại với Nhân dân"


def test_sentences_check_their_arguments() -> None:
    for describe in (describe_supervisions, describe_dialogues):
        with pytest.raises(InvalidTypeError):
            describe("x")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError):
            describe([1])  # type: ignore[list-item]
        with pytest.raises(InvalidValueError):
            describe([], min_digits=0)


@given(st.lists(supervisions(), max_size=6))
def test_supervision_counts_add_up(records: list[Supervision]) -> None:
    text = describe_supervisions(records, min_digits=None)
    assert text.startswith(f"{len(records)} cuộc giám sát")
    total = sum(len(s.recommendations) for s in records)
    assert (f"kiến nghị {total} nội dung" in text) is (total > 0)


# --------------------------------------------------------------------- records


def test_boards_follow_decree_59_2023() -> None:
    # A commune's Ban Thanh tra nhân dân has at least 05 members (NĐ 59/2023/NĐ-CP).
    board = SupervisionBoard(unit_id="b", kind=SupervisorKind.PEOPLES_INSPECTION_BOARD, members=5)
    assert board.members == 5
    with pytest.raises(InvalidValueError, match="at least 5 members"):
        SupervisionBoard(unit_id="b", kind=SupervisorKind.PEOPLES_INSPECTION_BOARD, members=4)
    # A Ban Giám sát đầu tư của cộng đồng has at most 02 deputy heads (Điều 17, khoản 3).
    investment = SupervisorKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD
    assert SupervisionBoard(unit_id="b", kind=investment, members=3, deputies=2).deputies == 2
    with pytest.raises(InvalidValueError, match="at most 2 deputy heads"):
        SupervisionBoard(unit_id="b", kind=investment, members=9, deputies=3)
    with pytest.raises(InvalidValueError, match="not a grassroots board"):
        SupervisionBoard(unit_id="b", kind=SupervisorKind.FATHERLAND_FRONT, members=9)
    with pytest.raises(InvalidValueError, match="cannot have"):
        SupervisionBoard(unit_id="b", kind=investment, members=2, deputies=2)


def test_record_rules() -> None:
    with pytest.raises(InvalidValueError, match="after it was held"):
        Dialogue(id="d", unit_id="u", date=D, notified_on=date(2024, 3, 6))
    with pytest.raises(InvalidValueError, match="answered 3 opinions of 2"):
        Dialogue(id="d", unit_id="u", date=D, opinions=2, answered=3)
    with pytest.raises(InvalidValueError, match="answered"):
        Dialogue(id="d", unit_id="u", date=D, answered=3)
    with pytest.raises(InvalidValueError, match="no day of resolution"):
        Recommendation(resolved_on=D)
    early = Recommendation(status=RecommendationStatus.RESOLVED, resolved_on=date(2024, 1, 1))
    with pytest.raises(InvalidValueError, match="resolved before it"):
        _supervision(1, (early,))
    with pytest.raises(InvalidTypeError):
        Dialogue(id="d", unit_id="u", date="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        Dialogue(id="d", unit_id="u", date=D, opinions=-1)


@given(dialogues())
def test_dialogues_round_trip(record: Dialogue) -> None:
    assert from_json(to_json(record), Dialogue) == record


@given(supervisions())
def test_supervisions_round_trip(record: Supervision) -> None:
    assert from_json(to_json(record), Supervision) == record


@given(supervision_boards())
def test_boards_round_trip(record: SupervisionBoard) -> None:
    assert from_json(to_json(record), SupervisionBoard) == record


@settings(max_examples=30)
@given(datasets())
def test_datasets_with_grassroots_records_round_trip(data: Dataset) -> None:
    assert from_json(to_json(data), Dataset) == data


# --------------------------------------------------------------- in a dataset

_UNITS = (
    Unit(id="ubnd", name="UBND xã", kind=UnitKind.PEOPLES_COMMITTEE, level=Level.COMMUNE),
    Unit(id="mttq", name="MTTQ xã", kind=UnitKind.FATHERLAND_FRONT, level=Level.COMMUNE),
    Unit(
        id="bttnd",
        name="Ban Thanh tra nhân dân xã",
        kind=UnitKind.PEOPLES_INSPECTION_BOARD,
        level=Level.COMMUNE,
        dissolved=date(2024, 1, 1),
    ),
)


def test_datasets_check_grassroots_references_and_meaning() -> None:
    with pytest.raises(DataError, match=r"\$\.supervisions\[0\]\.unit_id: 'x' is not a unit"):
        Dataset(
            title="t",
            source="s",
            units=_UNITS,
            supervisions=(
                Supervision(id="g", unit_id="x", date=D, by=SupervisorKind.FATHERLAND_FRONT),
            ),
        )
    dialogue = Dialogue(id="d", unit_id="ubnd", date=D)
    with pytest.raises(DataError, match=r"\$\.dialogues: the id 'd' appears 2 times"):
        Dataset(title="t", source="s", units=_UNITS, dialogues=(dialogue, dialogue))
    data = Dataset(
        title="t",
        source="s",
        units=_UNITS,
        supervisions=(
            Supervision(id="g1", unit_id="mttq", date=D, by=SupervisorKind.FATHERLAND_FRONT),
            Supervision(id="g2", unit_id="ubnd", date=D, by=SupervisorKind.FATHERLAND_FRONT),
            Supervision(
                id="g3", unit_id="bttnd", date=D, by=SupervisorKind.PEOPLES_INSPECTION_BOARD
            ),
        ),
        boards=(
            SupervisionBoard(
                unit_id="bttnd", kind=SupervisorKind.PEOPLES_INSPECTION_BOARD, members=7
            ),
        ),
    )
    assert [str(p) for p in data.validate()] == [
        "$.supervisions[2].date: 2024-03-05, when 'bttnd' did not exist (dissolved 2024-01-01)",
        "$.supervisions[1].unit_id: 'ubnd' is a Ủy ban nhân dân, not a Mặt trận Tổ quốc",
    ]
    assert from_json(to_json(data), Dataset) == data
    assert '"dialogues"' not in to_json(Dataset(title="t", source="s"))  # left out when empty
