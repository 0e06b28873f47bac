"""Campaigns, movements and "Dân vận khéo" models (phong trào, cuộc vận động, mô hình).

A :class:`Campaign` is anything a unit launches and then reports on: an emulation
movement (*phong trào thi đua*: "Dân vận khéo"), a campaign (*cuộc vận động*: "Toàn dân
đoàn kết xây dựng nông thôn mới, đô thị văn minh"), a programme (*chương trình*), a fund
(*quỹ* "Vì người nghèo"), … It names the unit that launched it (by unit id), the code of
the document that launched it (``directive``, e.g. "123-KH/BDV-UBND"), its period, and
its :class:`~danvan.observations.Target` figures, which are exact: a fund's plan in đồng
is an ``int``.

A :class:`MobilizationModel` is a "Dân vận khéo" model (*mô hình*) or exemplar
(*điển hình*): a way of mobilising people that works, held by a collective (*tập thể*)
or an individual (*cá nhân*), in a field (*lĩnh vực*), at a level. Its ``history`` of
dated :class:`ModelEvent` records is checked when the model is built, and its
:attr:`~MobilizationModel.status` follows from it.

>>> from datetime import date
>>> model = MobilizationModel.register(
...     id="hl-bac-hong-2021-01", name="Khéo vận động làm nhà cho hộ nghèo",
...     field=ModelField.POVERTY_REDUCTION, holder=ModelHolder.COLLECTIVE,
...     unit_id="bh-du", level=ModelLevel.COMMUNE, date=date(2021, 3, 1))
>>> model = model.record(ModelEventKind.RECOGNISED, date(2021, 11, 20), unit_id="hl-thu")
>>> model.status, model.status_on(date(2021, 6, 1))
(<ModelStatus.RECOGNISED: 'recognised'>, <ModelStatus.REGISTERED: 'registered'>)
>>> model.field.main.vietnamese
'văn hóa – xã hội'

Fields: a single :class:`ModelField` enum holds the four main fields and the three
sub-fields reports often name on their own (nông thôn mới, đô thị văn minh, giảm
nghèo); each sub-field has a :attr:`~ModelField.parent`, and :attr:`~ModelField.main`
gives the main field for grouping. A model has exactly one field, whichever the report
names, so one enum keeps records flat.

Lifecycle of a model (in date order; events on one day count in the order given)::

    registered ─▶ implemented ─▶ evaluated ─▶ recognised ─┬─▶ praised (biểu dương)
    (đăng ký)     (triển khai)   (đánh giá)   (công nhận)  ├─▶ awarded (khen thưởng)
                                     │                     └─▶ replicated (nhân rộng)
                                     └─▶ marked for consolidation (củng cố)

Only registration must be recorded before other events; implementation and evaluation
may be missing from a record. A history that breaks a rule raises
:class:`~danvan.InvalidValueError` naming the event and the rule:

=========================  ====================================================  =====
event                      allowed only when                                     again
=========================  ====================================================  =====
registered                 it is the first event of the history                  no
implemented                nothing past implementation has happened yet          no
evaluated                  the model is registered                               yes
recognised                 the model is registered                               yes
praised                    the model has been recognised                         yes
awarded                    the model has been recognised                         yes
commended (deprecated)     the model has been recognised                         yes
replicated                 the model has been recognised                         yes
marked for consolidation   the model has been evaluated                          yes
=========================  ====================================================  =====

Biểu dương is a Party act and khen thưởng a State act: a ``praised`` event whose
acting unit (``unit_id``) is not a Party body, or an ``awarded`` one whose acting unit
is not a State body, is a problem :meth:`Dataset.validate <danvan.Dataset.validate>`
reports (the units live in the dataset, not in the model).

The history must be non-empty and in date order, and a district-level model cannot be
registered on or after 01/07/2025, when the district level ended. The
:attr:`~MobilizationModel.status` is the furthest stage reached along
registered < implemented < evaluated < recognised < commended < replicated (biểu dương
and khen thưởng both reach "commended"), so it never goes back as time passes; a mark
for consolidation does not change it but sets
:attr:`~MobilizationModel.needs_consolidation` until the next evaluation, recognition,
commendation or replication.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterable
from typing import Any, Final

import attrs

from danvan._calendar import REORGANIZED
from danvan._enums import Bilingual, labels
from danvan._validators import (
    check_day,
    day,
    identifier,
    instance_of,
    iterable,
    optional,
    text,
    tuple_of,
)
from danvan.documents import DocumentCode, document_code_field
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.observations import Target
from danvan.periods import Period
from danvan.units import Branch

__all__ = [
    "Award",
    "AwardForm",
    "Campaign",
    "CampaignKind",
    "MobilizationModel",
    "ModelEvent",
    "ModelEventKind",
    "ModelField",
    "ModelHolder",
    "ModelLevel",
    "ModelRegistration",
    "ModelStatus",
    "check_history",
    "is_valid_history",
    "models_due_for_review",
]

# The first day without district-level units (NQ 202/2025/QH15; two-tier local government).
_DISTRICT_LEVEL_ENDS: Final = REORGANIZED


class CampaignKind(Bilingual):
    """What kind of campaign (loại phong trào, cuộc vận động) a :class:`Campaign` is.

    >>> CampaignKind.FUND.vietnamese, CampaignKind.EMULATION_MOVEMENT.english
    ('quỹ', 'emulation movement')
    """

    EMULATION_MOVEMENT = "emulation_movement"
    CAMPAIGN = "campaign"
    PROGRAMME = "programme"
    FUND = "fund"
    PROJECT = "project"
    THEMATIC_YEAR = "thematic_year"


class ModelField(Bilingual):
    """The field (lĩnh vực) of a model: four main fields and three common sub-fields.

    >>> ModelField.NEW_RURAL_AREAS.parent
    <ModelField.CULTURE_SOCIETY: 'culture_society'>
    >>> [field.value for field in ModelField if field.parent is None]
    ['economy', 'culture_society', 'defence_security', 'political_system']
    """

    ECONOMY = "economy"
    CULTURE_SOCIETY = "culture_society"
    DEFENCE_SECURITY = "defence_security"
    POLITICAL_SYSTEM = "political_system"
    NEW_RURAL_AREAS = "new_rural_areas"
    CIVILISED_URBAN_AREAS = "civilised_urban_areas"
    POVERTY_REDUCTION = "poverty_reduction"

    @property
    def parent(self) -> ModelField | None:
        """The main field a sub-field belongs to; None for a main field."""
        return _FIELD_PARENTS.get(self)

    @property
    def main(self) -> ModelField:
        """The main field: the parent of a sub-field, a main field itself."""
        return _FIELD_PARENTS.get(self, self)


class ModelHolder(Bilingual):
    """Who holds a model: a collective (tập thể) or an individual (cá nhân)."""

    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"


class ModelLevel(Bilingual):
    """The level (cấp) a model is registered and recognised at.

    The district level ended on 01/07/2025; from then on models are commune- or
    province-level.

    >>> ModelLevel.DISTRICT.abolished_on
    datetime.date(2025, 7, 1)
    >>> ModelLevel.DISTRICT.exists_on(datetime.date(2025, 6, 30))
    True
    """

    COMMUNE = "commune"
    DISTRICT = "district"
    PROVINCE = "province"

    @property
    def abolished_on(self) -> datetime.date | None:
        """The first day the level no longer exists, or None."""
        return _DISTRICT_LEVEL_ENDS if self is ModelLevel.DISTRICT else None

    def exists_on(self, day: datetime.date, /) -> bool:
        """Whether the level exists on *day*."""
        check_day(day, "day")
        return self.abolished_on is None or day < self.abolished_on


class ModelStatus(Bilingual):
    """The furthest stage of its lifecycle a model has reached (tình trạng).

    Members are listed in lifecycle order and :attr:`rank` gives that order; compare
    ranks, not members (members are strings and compare as strings).

    >>> ModelStatus.RECOGNISED.rank < ModelStatus.COMMENDED.rank
    True
    """

    REGISTERED = "registered"
    IMPLEMENTED = "implemented"
    EVALUATED = "evaluated"
    RECOGNISED = "recognised"
    COMMENDED = "commended"
    REPLICATED = "replicated"

    @property
    def rank(self) -> int:
        """0 for registered up to 5 for replicated."""
        return _STATUS_RANKS[self]


class ModelEventKind(Bilingual):
    """What happened to a model (sự kiện): one step of its lifecycle.

    ``PRAISED`` is biểu dương (a Party act: a Party committee or its board praises the
    model), ``AWARDED`` is khen thưởng (a State act under Luật Thi đua, khen thưởng
    06/2022/QH15, with a form such as Giấy khen or Bằng khen and an authority).
    ``COMMENDED`` is **deprecated**: it merged the two ("biểu dương, khen thưởng") and
    is kept so that data written before the split still reads; JSON holding
    ``"commended"`` loads as ``COMMENDED``, which means "biểu dương or khen thưởng, the
    record does not say which". Record new events as ``PRAISED`` or ``AWARDED``;
    :meth:`MobilizationModel.record` warns (``DeprecationWarning``) when given
    ``COMMENDED``. All three reach :attr:`ModelStatus.COMMENDED`.

    >>> ModelEventKind.PRAISED.vietnamese, ModelEventKind.AWARDED.vietnamese
    ('biểu dương', 'khen thưởng')
    >>> ModelEventKind.COMMENDED.vietnamese
    'biểu dương, khen thưởng'
    >>> ModelEventKind.MARKED_FOR_CONSOLIDATION.status is None
    True
    """

    REGISTERED = "registered"
    IMPLEMENTED = "implemented"
    EVALUATED = "evaluated"
    RECOGNISED = "recognised"
    PRAISED = "praised"
    AWARDED = "awarded"
    COMMENDED = "commended"
    REPLICATED = "replicated"
    MARKED_FOR_CONSOLIDATION = "marked_for_consolidation"

    @property
    def status(self) -> ModelStatus | None:
        """The stage this event reaches; None for a mark for consolidation."""
        return _EVENT_STATUS[self]

    @property
    def acting_branch(self) -> Branch | None:
        """The branch of the political system whose bodies alone may act, or None.

        Biểu dương is a Party act, khen thưởng a State act (Luật Thi đua, khen thưởng
        06/2022/QH15): :meth:`Dataset.validate <danvan.Dataset.validate>` reports an
        event whose acting unit belongs to another branch.

        >>> ModelEventKind.PRAISED.acting_branch, ModelEventKind.AWARDED.acting_branch
        (<Branch.PARTY: 'party'>, <Branch.STATE: 'state'>)
        """
        return _ACTING_BRANCH.get(self)

    @property
    def is_commendation(self) -> bool:
        """Whether the event is biểu dương, khen thưởng or the deprecated merged kind."""
        return self in _COMMENDATIONS


_NAMES: Final[dict[type[Bilingual], dict[Any, tuple[str, str]]]] = {
    CampaignKind: {
        CampaignKind.EMULATION_MOVEMENT: ("phong trào thi đua", "emulation movement"),
        CampaignKind.CAMPAIGN: ("cuộc vận động", "campaign"),
        CampaignKind.PROGRAMME: ("chương trình", "programme"),
        CampaignKind.FUND: ("quỹ", "fund"),
        CampaignKind.PROJECT: ("đề án", "project"),
        CampaignKind.THEMATIC_YEAR: ("năm chủ đề", "thematic year"),
    },
    ModelField: {
        ModelField.ECONOMY: ("kinh tế", "economy"),
        ModelField.CULTURE_SOCIETY: ("văn hóa – xã hội", "culture and society"),
        ModelField.DEFENCE_SECURITY: ("quốc phòng – an ninh", "defence and security"),
        ModelField.POLITICAL_SYSTEM: (
            "xây dựng hệ thống chính trị",
            "building the political system",
        ),
        ModelField.NEW_RURAL_AREAS: ("nông thôn mới", "new rural areas"),
        ModelField.CIVILISED_URBAN_AREAS: ("đô thị văn minh", "civilised urban areas"),
        ModelField.POVERTY_REDUCTION: ("giảm nghèo", "poverty reduction"),
    },
    ModelHolder: {
        ModelHolder.COLLECTIVE: ("tập thể", "collective"),
        ModelHolder.INDIVIDUAL: ("cá nhân", "individual"),
    },
    ModelLevel: {
        ModelLevel.COMMUNE: ("cơ sở", "commune (grassroots: xã, phường, thị trấn, đặc khu)"),
        ModelLevel.DISTRICT: ("huyện", "district (until 30/06/2025)"),
        ModelLevel.PROVINCE: ("tỉnh", "province"),
    },
    ModelStatus: {
        ModelStatus.REGISTERED: ("đã đăng ký", "registered"),
        ModelStatus.IMPLEMENTED: ("đang triển khai", "being implemented"),
        ModelStatus.EVALUATED: ("đã đánh giá", "evaluated"),
        ModelStatus.RECOGNISED: ("đã được công nhận", "recognised"),
        ModelStatus.COMMENDED: ("đã được biểu dương, khen thưởng", "praised or awarded"),
        ModelStatus.REPLICATED: ("đã được nhân rộng", "replicated"),
    },
    ModelEventKind: {
        ModelEventKind.REGISTERED: ("đăng ký", "registered"),
        ModelEventKind.IMPLEMENTED: ("triển khai", "implemented"),
        ModelEventKind.EVALUATED: ("đánh giá", "evaluated"),
        ModelEventKind.RECOGNISED: ("công nhận", "recognised"),
        ModelEventKind.PRAISED: ("biểu dương", "praised (a Party act)"),
        ModelEventKind.AWARDED: ("khen thưởng", "awarded (a State act)"),
        ModelEventKind.COMMENDED: (
            "biểu dương, khen thưởng",
            "praised or awarded (deprecated: not said which)",
        ),
        ModelEventKind.REPLICATED: ("nhân rộng", "replicated"),
        ModelEventKind.MARKED_FOR_CONSOLIDATION: ("củng cố", "marked for consolidation"),
    },
}
_FIELD_PARENTS: Final = {
    ModelField.NEW_RURAL_AREAS: ModelField.CULTURE_SOCIETY,
    ModelField.CIVILISED_URBAN_AREAS: ModelField.CULTURE_SOCIETY,
    ModelField.POVERTY_REDUCTION: ModelField.CULTURE_SOCIETY,
}
_STATUS_RANKS: Final = {status: rank for rank, status in enumerate(ModelStatus)}
_EVENT_STATUS: Final[dict[ModelEventKind, ModelStatus | None]] = {
    ModelEventKind.REGISTERED: ModelStatus.REGISTERED,
    ModelEventKind.IMPLEMENTED: ModelStatus.IMPLEMENTED,
    ModelEventKind.EVALUATED: ModelStatus.EVALUATED,
    ModelEventKind.RECOGNISED: ModelStatus.RECOGNISED,
    ModelEventKind.PRAISED: ModelStatus.COMMENDED,
    ModelEventKind.AWARDED: ModelStatus.COMMENDED,
    ModelEventKind.COMMENDED: ModelStatus.COMMENDED,
    ModelEventKind.REPLICATED: ModelStatus.REPLICATED,
    ModelEventKind.MARKED_FOR_CONSOLIDATION: None,
}
_ACTING_BRANCH: Final = {
    ModelEventKind.PRAISED: Branch.PARTY,
    ModelEventKind.AWARDED: Branch.STATE,
}
_COMMENDATIONS: Final = frozenset(
    {ModelEventKind.PRAISED, ModelEventKind.AWARDED, ModelEventKind.COMMENDED}
)
# Events that need the model to have been recognised first.
_AFTER_RECOGNITION: Final = _COMMENDATIONS | {ModelEventKind.REPLICATED}
# Events after which a model can no longer be "implemented" for the first time.
_PAST_IMPLEMENTATION: Final = (
    ModelEventKind.EVALUATED,
    ModelEventKind.RECOGNISED,
    ModelEventKind.PRAISED,
    ModelEventKind.AWARDED,
    ModelEventKind.COMMENDED,
    ModelEventKind.REPLICATED,
    ModelEventKind.MARKED_FOR_CONSOLIDATION,
)
# Events that end a mark for consolidation.
_CLEARS_MARK: Final = frozenset(
    {
        ModelEventKind.EVALUATED,
        ModelEventKind.RECOGNISED,
        ModelEventKind.PRAISED,
        ModelEventKind.AWARDED,
        ModelEventKind.COMMENDED,
        ModelEventKind.REPLICATED,
    }
)


def _check_targets(
    instance: Campaign, attribute: attrs.Attribute[Any], value: tuple[Target, ...]
) -> None:
    tuple_of(Target)(instance, attribute, value)
    seen: set[tuple[str, str, Period]] = set()
    for target in value:
        if target.key in seen:
            raise InvalidValueError(
                f"campaign {instance.id!r} has two targets for {target.indicator!r},"
                f" unit {target.unit_id!r}, {target.period}"
            )
        seen.add(target.key)
        period = instance.period
        if period is not None and not (
            period.start <= target.period.start and target.period.end <= period.end
        ):
            raise InvalidValueError(
                f"campaign {instance.id!r} runs over {period}, but its target for"
                f" {target.indicator!r} is for {target.period}"
            )


def _check_partners(
    instance: Campaign, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    tuple_of(str)(instance, attribute, value)
    for partner in value:
        identifier(instance, attribute, partner)
    if instance.launching_unit_id in value or len(set(value)) != len(value):
        raise InvalidValueError(
            f"partner_unit_ids must be other units than the launching unit, each once,"
            f" not {value!r}"
        )


@attrs.frozen(kw_only=True)
class Campaign:
    """A movement, campaign, programme or fund (phong trào, cuộc vận động, quỹ).

    ``launching_unit_id`` is the id of the unit that launched it; a joint launch names
    the other units in ``partner_unit_ids``. ``directive`` is the code of the launching
    document as written ("123-KH/BDV-UBND"), or None. ``period`` is None for a campaign
    without an end ("Dân vận khéo" has run since 2009). ``targets`` are the exact plans
    set for it; each lies within ``period`` when there is one, and no two are for the
    same indicator, unit and period.

    >>> kheo = Campaign(id="dan-van-kheo", name="Dân vận khéo",
    ...                 kind=CampaignKind.EMULATION_MOVEMENT, launching_unit_id="bdv-tw")
    >>> kheo.kind.vietnamese, kheo.period is None
    ('phong trào thi đua', True)
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=text)
    kind: CampaignKind = attrs.field(validator=instance_of(CampaignKind))
    launching_unit_id: str | None = attrs.field(default=None, validator=optional(identifier))
    partner_unit_ids: tuple[str, ...] = attrs.field(default=(), validator=_check_partners)
    directive: DocumentCode | None = attrs.field(default=None, converter=document_code_field)
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    targets: tuple[Target, ...] = attrs.field(default=(), validator=_check_targets)

    def target_for(self, indicator: str, /, *, unit_id: str, period: Period) -> Target | None:
        """The target for *indicator*, *unit_id* and *period*, or None."""
        key = (indicator, unit_id, period)
        return next((target for target in self.targets if target.key == key), None)


class AwardForm(Bilingual):
    """The form of a khen thưởng (hình thức khen thưởng) a model receives.

    Bằng khen and Giấy khen are forms of commendation under Luật Thi đua, khen thưởng
    06/2022/QH15; the other forms of that law (orders, medals, titles) are not held.

    >>> AwardForm.MERIT_CERTIFICATE.vietnamese, AwardForm.COMMENDATION_CERTIFICATE.vietnamese
    ('Bằng khen', 'Giấy khen')
    """

    MERIT_CERTIFICATE = "merit_certificate"
    COMMENDATION_CERTIFICATE = "commendation_certificate"


_NAMES[AwardForm] = {
    AwardForm.MERIT_CERTIFICATE: ("Bằng khen", "certificate of merit"),
    AwardForm.COMMENDATION_CERTIFICATE: ("Giấy khen", "certificate of commendation"),
}


@attrs.frozen(kw_only=True)
class Award:
    """A khen thưởng (a State act): its form, its authority and its decision.

    ``authority`` is who awarded it, as the decision names it ("Chủ tịch UBND tỉnh"),
    ``decision`` the code of the decision, if known.

    >>> award = Award(form=AwardForm.MERIT_CERTIFICATE, authority="Chủ tịch UBND tỉnh",
    ...               decision="125/QĐ-UBND")
    >>> award.form.vietnamese, str(award.decision)
    ('Bằng khen', '125/QĐ-UBND')
    """

    form: AwardForm = attrs.field(validator=instance_of(AwardForm))
    authority: str = attrs.field(validator=text)
    decision: DocumentCode | None = attrs.field(default=None, converter=document_code_field)


@attrs.frozen(kw_only=True)
class ModelEvent:
    """One dated step in the life of a model: registered, recognised, commended, …

    ``unit_id`` is the id of the unit that acted (the board that recognised the model,
    the Party board that praised it, the People's Committee that awarded it) when the
    source names it; ``note`` is free text. A khen thưởng (``AWARDED``) may carry its
    :class:`Award`; a recognition may say the model is ``exemplary`` (tiêu biểu). Neither
    belongs on any other event.

    >>> event = ModelEvent(kind=ModelEventKind.RECOGNISED, date=datetime.date(2021, 11, 20),
    ...                    exemplary=True)
    >>> event.kind.vietnamese, event.unit_id is None, event.exemplary
    ('công nhận', True, True)
    """

    kind: ModelEventKind = attrs.field(validator=instance_of(ModelEventKind))
    date: datetime.date = attrs.field(validator=day)
    unit_id: str | None = attrs.field(default=None, validator=optional(identifier))
    note: str | None = attrs.field(default=None, validator=optional(text))
    award: Award | None = attrs.field(default=None, validator=optional(instance_of(Award)))
    exemplary: bool = attrs.field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.award is not None and self.kind is not ModelEventKind.AWARDED:
            raise InvalidValueError(
                f"only a khen thưởng (awarded) carries an award, not {self.kind.value}"
            )
        if self.exemplary and self.kind is not ModelEventKind.RECOGNISED:
            raise InvalidValueError(
                f"only a recognition makes a model exemplary (tiêu biểu), not {self.kind.value}"
            )


def _optional_text() -> Any:
    return attrs.field(default=None, validator=optional(text))


@attrs.frozen(kw_only=True)
class ModelRegistration:
    """What a model's registration says (nội dung đăng ký mô hình "Dân vận khéo").

    The headings local guidance asks for, each optional: the reason for the model
    (``reason``), its aims and criteria, its content, its area and beneficiaries, the
    forces that carry it out, its resources, its timeline, the outputs expected and how
    it can be replicated.

    >>> ModelRegistration(reason="Đường giao thông thôn xuống cấp",
    ...                   forces="Chi hội Nông dân thôn 3").forces
    'Chi hội Nông dân thôn 3'
    """

    reason: str | None = _optional_text()
    aims_and_criteria: str | None = _optional_text()
    content: str | None = _optional_text()
    area_and_beneficiaries: str | None = _optional_text()
    forces: str | None = _optional_text()
    resources: str | None = _optional_text()
    timeline: str | None = _optional_text()
    expected_outputs: str | None = _optional_text()
    replicability: str | None = _optional_text()


def _history_problem(history: tuple[ModelEvent, ...]) -> str | None:
    """What is wrong with *history*, or None; the rules of the module docstring."""
    if not history:
        return "the history is empty; it starts with the registration"
    seen: set[ModelEventKind] = set()
    previous: ModelEvent | None = None
    for index, event in enumerate(history):
        kind = event.kind
        where = f"event {index} ({kind.value} on {event.date.isoformat()})"
        if previous is not None and event.date < previous.date:
            return (
                f"{where} comes after {previous.kind.value} on {previous.date.isoformat()};"
                " the history must be in date order"
            )
        if index == 0 and kind is not ModelEventKind.REGISTERED:
            return f"{where} comes before the registration; the history starts with it"
        if index > 0 and kind is ModelEventKind.REGISTERED:
            return f"{where} is a second registration"
        if kind is ModelEventKind.IMPLEMENTED:
            if kind in seen:
                return f"{where} is a second implementation"
            later = next((k for k in _PAST_IMPLEMENTATION if k in seen), None)
            if later is not None:
                return f"{where} comes after the model was already {later.value}"
        if kind in _AFTER_RECOGNITION and ModelEventKind.RECOGNISED not in seen:
            return f"{where} comes before the model was recognised"
        if (
            kind is ModelEventKind.MARKED_FOR_CONSOLIDATION
            and ModelEventKind.EVALUATED not in seen
        ):
            return f"{where} comes before the model was evaluated"
        seen.add(kind)
        previous = event
    return None


def _check_history_type(history: object) -> tuple[ModelEvent, ...]:
    if isinstance(history, list):
        history = tuple(history)
    if not isinstance(history, tuple):
        raise InvalidTypeError(
            f"history must be a tuple of ModelEvent, not {type(history).__name__}: {history!r}"
        )
    for event in history:
        if not isinstance(event, ModelEvent):
            raise InvalidTypeError(f"history must hold ModelEvent items, not {event!r}")
    return history


def check_history(history: tuple[ModelEvent, ...] | list[ModelEvent], /) -> None:
    """Raise :class:`~danvan.InvalidValueError` naming the first broken lifecycle rule.

    The rules are those of the module documentation; :func:`is_valid_history` is the
    never-raising predicate.

    >>> check_history([ModelEvent(kind=ModelEventKind.COMMENDED,
    ...                           date=datetime.date(2021, 1, 1))])
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: event 0 (commended on 2021-01-01) comes before the registration; the history starts with it
    """  # noqa: E501
    problem = _history_problem(_check_history_type(history))
    if problem is not None:
        raise InvalidValueError(problem)


def is_valid_history(history: tuple[ModelEvent, ...] | list[ModelEvent], /) -> bool:
    """Whether *history* keeps every lifecycle rule (never raises for events).

    >>> registered = ModelEvent(kind=ModelEventKind.REGISTERED, date=datetime.date(2021, 3, 1))
    >>> recognised = ModelEvent(kind=ModelEventKind.RECOGNISED, date=datetime.date(2021, 11, 20))
    >>> is_valid_history([registered, recognised]), is_valid_history([recognised, registered])
    (True, False)
    """
    return _history_problem(_check_history_type(history)) is None


def _check_model(
    instance: MobilizationModel, attribute: attrs.Attribute[Any], value: tuple[ModelEvent, ...]
) -> None:
    tuple_of(ModelEvent)(instance, attribute, value)
    history = value
    problem = _history_problem(history)
    if problem is not None:
        raise InvalidValueError(f"model {instance.id!r}: {problem}")
    registered = history[0].date
    if not instance.level.exists_on(registered):
        raise InvalidValueError(
            f"model {instance.id!r} is registered at {instance.level.value} level on"
            f" {registered.isoformat()}, but that level ended on {instance.level.abolished_on}"
        )


@attrs.frozen(kw_only=True)
class MobilizationModel:
    """A "Dân vận khéo" model or exemplar (mô hình, điển hình) and its history.

    ``unit_id`` is the id of the unit that owns the model (for an individual, the unit
    they belong to), ``level`` the level it is registered at, ``campaign_id`` the id of
    the movement it belongs to, if any. ``holder_name`` names the collective or person
    who holds it ("Chi hội Phụ nữ thôn 3", "ông Nguyễn Văn A"), ``description`` says
    what it does, ``registration`` what its registration says; all three are optional.
    ``history`` is a tuple of :class:`ModelEvent`
    in date order that keeps the lifecycle rules of the module documentation;
    :meth:`register` starts one, :meth:`record` and :meth:`with_event` extend it.
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=text)
    field: ModelField = attrs.field(validator=instance_of(ModelField))
    holder: ModelHolder = attrs.field(validator=instance_of(ModelHolder))
    unit_id: str = attrs.field(validator=identifier)
    level: ModelLevel = attrs.field(validator=instance_of(ModelLevel))
    history: tuple[ModelEvent, ...] = attrs.field(validator=_check_model)
    campaign_id: str | None = attrs.field(default=None, validator=optional(identifier))
    holder_name: str | None = attrs.field(default=None, validator=optional(text))
    description: str | None = attrs.field(default=None, validator=optional(text))
    registration: ModelRegistration | None = attrs.field(
        default=None, validator=optional(instance_of(ModelRegistration))
    )

    @classmethod
    def register(
        cls,
        *,
        id: str,
        name: str,
        field: ModelField,
        holder: ModelHolder,
        unit_id: str,
        level: ModelLevel,
        date: datetime.date,
        campaign_id: str | None = None,
        note: str | None = None,
    ) -> MobilizationModel:
        """A new model whose history is its registration (đăng ký) on *date*."""
        event = ModelEvent(kind=ModelEventKind.REGISTERED, date=date, note=note)
        return cls(
            id=id,
            name=name,
            field=field,
            holder=holder,
            unit_id=unit_id,
            level=level,
            history=(event,),
            campaign_id=campaign_id,
        )

    def with_event(self, event: ModelEvent, /) -> MobilizationModel:
        """This model with *event* added at the end of its history (checked again)."""
        if not isinstance(event, ModelEvent):
            raise InvalidTypeError(f"expected a ModelEvent, not {type(event).__name__}: {event!r}")
        return attrs.evolve(self, history=(*self.history, event))

    def record(
        self,
        kind: ModelEventKind,
        date: datetime.date,
        /,
        *,
        unit_id: str | None = None,
        note: str | None = None,
        award: Award | None = None,
        exemplary: bool = False,
    ) -> MobilizationModel:
        """This model with a new event of *kind* on *date* (see :meth:`with_event`).

        *award* goes with a khen thưởng (``AWARDED``), *exemplary* with a recognition
        (see :class:`ModelEvent`). ``ModelEventKind.COMMENDED`` is deprecated here:
        record ``PRAISED`` (biểu dương) or ``AWARDED`` (khen thưởng) instead.
        """
        if kind is ModelEventKind.COMMENDED:
            warnings.warn(
                "ModelEventKind.COMMENDED is deprecated: record PRAISED (biểu dương) or"
                " AWARDED (khen thưởng)",
                DeprecationWarning,
                stacklevel=2,
            )
        event = ModelEvent(
            kind=kind, date=date, unit_id=unit_id, note=note, award=award, exemplary=exemplary
        )
        return self.with_event(event)

    @property
    def registered_on(self) -> datetime.date:
        """The day the model was registered (the first event)."""
        return self.history[0].date

    @property
    def recognised_on(self) -> datetime.date | None:
        """The day the model was first recognised, or None."""
        return next((e.date for e in self.history if e.kind is ModelEventKind.RECOGNISED), None)

    @property
    def status(self) -> ModelStatus:
        """The furthest stage reached over the whole history."""
        status = self.status_on(self.history[-1].date)
        assert status is not None  # the history starts with the registration
        return status

    def status_on(self, day: datetime.date, /) -> ModelStatus | None:
        """The furthest stage reached by the end of *day*; None before registration."""
        check_day(day, "day")
        status: ModelStatus | None = None
        for event in self.history:
            if event.date > day:
                break
            reached = event.kind.status
            if reached is not None and (status is None or reached.rank > status.rank):
                status = reached
        return status

    def is_exemplary_on(self, day: datetime.date, /) -> bool:
        """Whether a recognition up to the end of *day* made the model tiêu biểu."""
        check_day(day, "day")
        return any(e.exemplary and e.date <= day for e in self.history)

    def awards(self) -> tuple[Award, ...]:
        """The awards of its khen thưởng events, in date order."""
        return tuple(e.award for e in self.history if e.award is not None)

    @property
    def needs_consolidation(self) -> bool:
        """Whether the last mark for consolidation (củng cố) is still open."""
        return self.needs_consolidation_on(self.history[-1].date)

    def needs_consolidation_on(self, day: datetime.date, /) -> bool:
        """Whether a mark for consolidation is open at the end of *day*."""
        check_day(day, "day")
        marked = False
        for event in self.history:
            if event.date > day:
                break
            if event.kind is ModelEventKind.MARKED_FOR_CONSOLIDATION:
                marked = True
            elif event.kind in _CLEARS_MARK:
                marked = False
        return marked


# Events that count as a review (đánh giá) of a model: its assessment and what follows it.
_REVIEWS: Final = frozenset(
    {
        ModelEventKind.REGISTERED,
        ModelEventKind.EVALUATED,
        ModelEventKind.RECOGNISED,
        ModelEventKind.PRAISED,
        ModelEventKind.AWARDED,
        ModelEventKind.COMMENDED,
        ModelEventKind.REPLICATED,
    }
)


def _due(model: MobilizationModel, on: datetime.date) -> bool:
    if model.registered_on > on:
        return False
    if model.needs_consolidation_on(on):
        return True
    last = max(e.date for e in model.history if e.kind in _REVIEWS and e.date <= on)
    return last.year < on.year


def models_due_for_review(
    models: Iterable[MobilizationModel], /, *, on: datetime.date
) -> tuple[MobilizationModel, ...]:
    """The models due for review (mô hình cần đánh giá lại) on *on*, in the order given.

    Dân vận khéo models are assessed in the yearly reports (báo cáo năm). A model
    registered by *on* is due when a mark for consolidation (củng cố) is still open on
    *on*, or when nothing has reviewed it yet in the calendar year of *on*: its last
    registration, evaluation, recognition, biểu dương, khen thưởng or replication up
    to *on* is in an earlier year. This yearly rule is danvan's reading of the yearly
    reporting cycle, not a rule written in a cited document. Models registered after
    *on* are left out.

    >>> m = MobilizationModel.register(
    ...     id="m1", name="Khéo vận động hiến đất", field=ModelField.NEW_RURAL_AREAS,
    ...     holder=ModelHolder.COLLECTIVE, unit_id="xa", level=ModelLevel.COMMUNE,
    ...     date=datetime.date(2023, 3, 1))
    >>> [x.id for x in models_due_for_review([m], on=datetime.date(2023, 12, 1))]
    []
    >>> [x.id for x in models_due_for_review([m], on=datetime.date(2024, 1, 2))]
    ['m1']
    """
    iterable(models, "models")
    check_day(on, "on")
    result = []
    for model in models:
        if not isinstance(model, MobilizationModel):
            raise InvalidTypeError(f"expected MobilizationModels, not {model!r}")
        if _due(model, on):
            result.append(model)
    return tuple(result)


for _kind, _table in _NAMES.items():
    labels(_kind, _table)
