"""Grassroots democracy: dialogues, supervisions and recommendations (dân chủ ở cơ sở).

The Law on Grassroots Democracy (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, in force
01/7/2023) and Nghị định 59/2023/NĐ-CP (14/8/2023, in force 15/8/2023) give reports a
set of standard figures. danvan holds them as records:

- a :class:`Dialogue` is a dialogue conference between the commune authorities and the
  people (hội nghị đối thoại giữa chính quyền cấp xã với Nhân dân): held at least once a
  year, or at the request of at least 10% of the voters, with notice in advance (the
  law as issue 17 of danvan summarises it; the article itself was not read here);
- a :class:`Supervision` is one supervision or inspection (cuộc giám sát, kiểm tra) by a
  Ban Thanh tra nhân dân, a Ban Giám sát đầu tư của cộng đồng or the Fatherland Front,
  with the :class:`Recommendation` items it made (kiến nghị) and their follow-up;
- a :class:`SupervisionBoard` is the make-up of one board: a commune's Ban Thanh tra
  nhân dân has as many members as it has thôn and tổ dân phố, but never fewer than 05
  (NĐ 59/2023/NĐ-CP, as dulieuphapluat.vn summarised it on 17/08/2023, secondary); a
  Ban Giám sát đầu tư của cộng đồng has at most 02 deputy heads (NĐ 59/2023/NĐ-CP,
  Điều 17, khoản 3, hethongphapluat.com).

Their report sentences are in :mod:`danvan.phrases` (the domain knows nothing of
formatting).

>>> from datetime import date
>>> done = Recommendation(status=RecommendationStatus.RESOLVED, resolved_on=date(2023, 6, 1))
>>> s = Supervision(id="gs-1", unit_id="mttq-xa", date=date(2023, 5, 1),
...                 by=SupervisorKind.FATHERLAND_FRONT, recommendations=(done,))
>>> s.by.vietnamese, s.recommendations[0].status.vietnamese
('Mặt trận Tổ quốc', 'đã giải quyết')
"""

from __future__ import annotations

import datetime
from typing import Any, Final

import attrs

from danvan._enums import Labelled, labels
from danvan._validators import count, day, identifier, instance_of, optional, text, tuple_of
from danvan.errors import InvalidValueError

__all__ = [
    "Dialogue",
    "DialogueReason",
    "Recommendation",
    "RecommendationStatus",
    "Supervision",
    "SupervisionBoard",
    "SupervisorKind",
]

#: The fewest members of a commune's Ban Thanh tra nhân dân (NĐ 59/2023/NĐ-CP).
INSPECTION_BOARD_MIN_MEMBERS: Final = 5
#: The most deputy heads of a Ban Giám sát đầu tư của cộng đồng (NĐ 59/2023/NĐ-CP, Điều 17).
INVESTMENT_BOARD_MAX_DEPUTIES: Final = 2


class DialogueReason(Labelled):
    """Why a dialogue was held (lý do tổ chức đối thoại): the yearly one or on request.

    >>> DialogueReason.ON_REQUEST.vietnamese
    'theo yêu cầu'
    """

    PERIODIC = "periodic"
    ON_REQUEST = "on_request"


class SupervisorKind(Labelled):
    """Who supervises (chủ thể giám sát).

    >>> SupervisorKind.PEOPLES_INSPECTION_BOARD.vietnamese
    'Ban Thanh tra nhân dân'
    """

    PEOPLES_INSPECTION_BOARD = "peoples_inspection_board"
    COMMUNITY_INVESTMENT_SUPERVISION_BOARD = "community_investment_supervision_board"
    FATHERLAND_FRONT = "fatherland_front"


class RecommendationStatus(Labelled):
    """Where the follow-up of a recommendation stands (kết quả giải quyết kiến nghị).

    >>> RecommendationStatus.RESOLVED.vietnamese
    'đã giải quyết'
    """

    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


_LABELS: Final[dict[Any, str]] = {
    DialogueReason.PERIODIC: "định kỳ",
    DialogueReason.ON_REQUEST: "theo yêu cầu",
    SupervisorKind.PEOPLES_INSPECTION_BOARD: "Ban Thanh tra nhân dân",
    SupervisorKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD: "Ban Giám sát đầu tư của cộng đồng",
    SupervisorKind.FATHERLAND_FRONT: "Mặt trận Tổ quốc",
    RecommendationStatus.PENDING: "chưa giải quyết",
    RecommendationStatus.IN_PROGRESS: "đang giải quyết",
    RecommendationStatus.RESOLVED: "đã giải quyết",
}
for _kind in (DialogueReason, SupervisorKind, RecommendationStatus):
    labels(_kind, {member: _LABELS[member] for member in _kind})


@attrs.frozen(kw_only=True)
class Dialogue:
    """A dialogue conference with the people (hội nghị đối thoại với Nhân dân).

    ``unit_id`` is the id of the unit that held it (the commune People's Committee),
    ``date`` the day, ``reason`` whether it was the yearly one or held on request,
    ``notified_on`` the day the people were told of it (not after ``date``),
    ``participants`` how many took part, ``opinions`` how many opinions and
    recommendations were raised and ``answered`` how many of them were answered there
    (at most ``opinions``). Counts are None when the report does not give them.

    >>> Dialogue(id="dt-1", unit_id="ubnd-xa", date=datetime.date(2024, 6, 20),
    ...          opinions=12, answered=10).reason.vietnamese
    'định kỳ'
    """

    id: str = attrs.field(validator=identifier)
    unit_id: str = attrs.field(validator=identifier)
    date: datetime.date = attrs.field(validator=day)
    reason: DialogueReason = attrs.field(
        default=DialogueReason.PERIODIC, validator=instance_of(DialogueReason)
    )
    notified_on: datetime.date | None = attrs.field(default=None, validator=optional(day))
    participants: int | None = attrs.field(default=None, validator=optional(count))
    opinions: int | None = attrs.field(default=None, validator=optional(count))
    answered: int | None = attrs.field(default=None, validator=optional(count))
    note: str | None = attrs.field(default=None, validator=optional(text))

    def __attrs_post_init__(self) -> None:
        if self.notified_on is not None and self.notified_on > self.date:
            raise InvalidValueError(
                f"dialogue {self.id!r} was notified on {self.notified_on}, after it was held"
                f" on {self.date}"
            )
        if self.answered is not None and (self.opinions is None or self.answered > self.opinions):
            raise InvalidValueError(
                f"dialogue {self.id!r} answered {self.answered} opinions of {self.opinions}"
            )


@attrs.frozen(kw_only=True)
class Recommendation:
    """One recommendation of a supervision (kiến nghị) and its follow-up.

    ``content`` says what was recommended (None when a report gives only the count),
    ``status`` where its follow-up stands, ``resolved_on`` the day it was resolved
    (only for a resolved one).

    >>> Recommendation(content="Công khai danh sách hộ nghèo").status.vietnamese
    'chưa giải quyết'
    """

    content: str | None = attrs.field(default=None, validator=optional(text))
    status: RecommendationStatus = attrs.field(
        default=RecommendationStatus.PENDING, validator=instance_of(RecommendationStatus)
    )
    resolved_on: datetime.date | None = attrs.field(default=None, validator=optional(day))

    def __attrs_post_init__(self) -> None:
        if self.resolved_on is not None and self.status is not RecommendationStatus.RESOLVED:
            raise InvalidValueError(
                f"a recommendation {self.status.vietnamese} has no day of resolution"
            )


@attrs.frozen(kw_only=True)
class Supervision:
    """One supervision or inspection (cuộc giám sát, kiểm tra) and its recommendations.

    ``unit_id`` is the id of the body that supervised, ``by`` what kind of body it is,
    ``date`` the day it started, ``subject`` what was supervised, ``recommendations``
    the items it recommended, each with its follow-up. No recommendation may be
    resolved before the supervision.

    >>> s = Supervision(id="gs-1", unit_id="bttnd-xa", date=datetime.date(2024, 3, 5),
    ...                 by=SupervisorKind.PEOPLES_INSPECTION_BOARD,
    ...                 subject="Việc xây dựng nhà văn hóa thôn 2")
    >>> s.by.vietnamese, s.recommendations
    ('Ban Thanh tra nhân dân', ())
    """

    id: str = attrs.field(validator=identifier)
    unit_id: str = attrs.field(validator=identifier)
    date: datetime.date = attrs.field(validator=day)
    by: SupervisorKind = attrs.field(validator=instance_of(SupervisorKind))
    subject: str | None = attrs.field(default=None, validator=optional(text))
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), validator=tuple_of(Recommendation)
    )

    def __attrs_post_init__(self) -> None:
        for recommendation in self.recommendations:
            if recommendation.resolved_on is not None and recommendation.resolved_on < self.date:
                raise InvalidValueError(
                    f"supervision {self.id!r} of {self.date} has a recommendation resolved"
                    f" before it, on {recommendation.resolved_on}"
                )


@attrs.frozen(kw_only=True)
class SupervisionBoard:
    """The make-up of a grassroots board (Ban Thanh tra nhân dân, Ban Giám sát đầu tư của
    cộng đồng) in one term.

    ``unit_id`` is the id of the board as a unit, ``kind`` which board it is (not the
    Front), ``members`` how many members it has (a commune's Ban Thanh tra nhân dân has
    at least 05), ``deputies`` how many deputy heads (a Ban Giám sát đầu tư của cộng
    đồng has at most 02), ``elected_on`` the day it was elected.

    >>> SupervisionBoard(unit_id="bttnd-xa", kind=SupervisorKind.PEOPLES_INSPECTION_BOARD,
    ...                  members=4)
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: a Ban Thanh tra nhân dân has at least 5 members (NĐ 59/2023/NĐ-CP), not 4
    """  # noqa: E501

    unit_id: str = attrs.field(validator=identifier)
    kind: SupervisorKind = attrs.field(validator=instance_of(SupervisorKind))
    members: int = attrs.field(validator=count)
    deputies: int | None = attrs.field(default=None, validator=optional(count))
    elected_on: datetime.date | None = attrs.field(default=None, validator=optional(day))

    def __attrs_post_init__(self) -> None:
        if self.kind is SupervisorKind.FATHERLAND_FRONT:
            raise InvalidValueError("the Fatherland Front is not a grassroots board")
        if (
            self.kind is SupervisorKind.PEOPLES_INSPECTION_BOARD
            and self.members < INSPECTION_BOARD_MIN_MEMBERS
        ):
            raise InvalidValueError(
                f"a Ban Thanh tra nhân dân has at least {INSPECTION_BOARD_MIN_MEMBERS} members"
                f" (NĐ 59/2023/NĐ-CP), not {self.members}"
            )
        if (
            self.kind is SupervisorKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD
            and self.deputies is not None
            and self.deputies > INVESTMENT_BOARD_MAX_DEPUTIES
        ):
            raise InvalidValueError(
                f"a Ban Giám sát đầu tư của cộng đồng has at most"
                f" {INVESTMENT_BOARD_MAX_DEPUTIES} deputy heads (NĐ 59/2023/NĐ-CP, Điều 17),"
                f" not {self.deputies}"
            )
        if self.deputies is not None and self.deputies >= self.members:
            raise InvalidValueError(
                f"a board of {self.members} members cannot have {self.deputies} deputy heads"
            )
