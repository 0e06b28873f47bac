"""Report phrases of grassroots democracy and Dân vận khéo (câu báo cáo).

The sentences reports write about the records of :mod:`danvan.grassroots` (giám sát,
đối thoại) and about the biểu dương and khen thưởng of models. Counts
below 10 take a leading zero by default, as the reports quoted do ("kiến nghị 08 nội
dung").

>>> from datetime import date
>>> from danvan.grassroots import (Recommendation, RecommendationStatus, Supervision,
...                                SupervisorKind)
>>> done = Recommendation(status=RecommendationStatus.RESOLVED)
>>> open_ = Recommendation(status=RecommendationStatus.PENDING)
>>> supervisions = [
...     Supervision(id=f"gs-{n}", unit_id="mttq-xa", date=date(2023, 5, 1),
...                 by=SupervisorKind.FATHERLAND_FRONT,
...                 recommendations=(done, open_) if n < 4 else ())
...     for n in range(38)]
>>> describe_supervisions(supervisions)
'38 cuộc giám sát, kiến nghị 08 nội dung, đã giải quyết 04 nội dung'
"""

from __future__ import annotations

from collections.abc import Iterable

from danvan._validators import iterable
from danvan.campaigns import AwardForm, MobilizationModel, ModelEventKind
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.grassroots import Dialogue, RecommendationStatus, Supervision
from danvan.numbers import format_number
from danvan.periods import Period

__all__ = ["describe_commendations", "describe_dialogues", "describe_supervisions"]


def _count_text(value: int, min_digits: int | None) -> str:
    return format_number(value, min_digits=min_digits)


def _check_min_digits(min_digits: object) -> None:
    if min_digits is not None and (type(min_digits) is not int or min_digits < 1):
        raise InvalidValueError(f"min_digits must be None or 1 or more, not {min_digits!r}")


def describe_supervisions(
    supervisions: Iterable[Supervision], /, *, min_digits: int | None = 2
) -> str:
    """The report sentence of supervisions (kết quả giám sát): how many, how many
    recommendations, how many of them resolved.

    "38 cuộc giám sát, kiến nghị 08 nội dung" is how reports write it (issue 17 of
    danvan quotes it); the resolved count follows when there are recommendations.
    ``min_digits=2`` writes counts below 10 with a leading zero, as that sentence does.

    >>> describe_supervisions([])
    '00 cuộc giám sát'
    """
    iterable(supervisions, "supervisions")
    _check_min_digits(min_digits)
    count = recommended = resolved = 0
    for supervision in supervisions:
        if not isinstance(supervision, Supervision):
            raise InvalidTypeError(f"expected Supervisions, not {supervision!r}")
        count += 1
        recommended += len(supervision.recommendations)
        resolved += sum(
            r.status is RecommendationStatus.RESOLVED for r in supervision.recommendations
        )
    parts = [f"{_count_text(count, min_digits)} cuộc giám sát"]
    if recommended:
        parts.append(f"kiến nghị {_count_text(recommended, min_digits)} nội dung")
        parts.append(f"đã giải quyết {_count_text(resolved, min_digits)} nội dung")
    return ", ".join(parts)


def describe_dialogues(dialogues: Iterable[Dialogue], /, *, min_digits: int | None = 2) -> str:
    """The report sentence of dialogue conferences (kết quả đối thoại).

    "tổ chức 03 hội nghị đối thoại với Nhân dân, tiếp nhận 25 ý kiến, đã trả lời 20 ý
    kiến": the wording is danvan's, built from the terms of the law and of reports;
    the opinions and answers are added over the dialogues that give them.

    >>> from datetime import date
    >>> d = Dialogue(id="dt-1", unit_id="ubnd-xa", date=date(2024, 6, 20),
    ...              opinions=12, answered=10)
    >>> describe_dialogues([d])
    'tổ chức 01 hội nghị đối thoại với Nhân dân, tiếp nhận 12 ý kiến, đã trả lời 10 ý kiến'
    """
    iterable(dialogues, "dialogues")
    _check_min_digits(min_digits)
    count = 0
    opinions: int | None = None
    answered: int | None = None
    for dialogue in dialogues:
        if not isinstance(dialogue, Dialogue):
            raise InvalidTypeError(f"expected Dialogues, not {dialogue!r}")
        count += 1
        if dialogue.opinions is not None:
            opinions = (opinions or 0) + dialogue.opinions
        if dialogue.answered is not None:
            answered = (answered or 0) + dialogue.answered
    parts = [f"tổ chức {_count_text(count, min_digits)} hội nghị đối thoại với Nhân dân"]
    if opinions is not None:
        parts.append(f"tiếp nhận {_count_text(opinions, min_digits)} ý kiến")
    if answered is not None:
        parts.append(f"đã trả lời {_count_text(answered, min_digits)} ý kiến")
    return ", ".join(parts)


def describe_commendations(
    models: Iterable[MobilizationModel], period: Period, /, *, min_digits: int | None = 2
) -> str:
    """The report sentence of the biểu dương and khen thưởng of a period (biểu dương, khen
    thưởng mô hình "Dân vận khéo"), with the forms of the awards and the models that are
    tiêu biểu at its end.

    Each count is of models: a model praised twice in the period counts once. Events of
    the deprecated merged kind are counted apart, as "biểu dương, khen thưởng". The
    wording is danvan's, built from the terms reports use.

    >>> from datetime import date
    >>> from danvan import (Award, AwardForm, MobilizationModel, ModelEvent, ModelEventKind,
    ...                     ModelField, ModelHolder, ModelLevel, Period)
    >>> def model(n, *events):
    ...     return MobilizationModel(
    ...         id=f"m{n}", name="Mô hình", field=ModelField.ECONOMY,
    ...         holder=ModelHolder.COLLECTIVE, unit_id="xa", level=ModelLevel.COMMUNE,
    ...         history=(ModelEvent(kind=ModelEventKind.REGISTERED, date=date(2022, 1, 5)),
    ...                  ModelEvent(kind=ModelEventKind.RECOGNISED, date=date(2022, 6, 1),
    ...                             exemplary=n < 2),
    ...                  *events))
    >>> praised = ModelEvent(kind=ModelEventKind.PRAISED, date=date(2022, 10, 15))
    >>> awarded = ModelEvent(kind=ModelEventKind.AWARDED, date=date(2022, 11, 1),
    ...     award=Award(form=AwardForm.MERIT_CERTIFICATE, authority="Chủ tịch UBND tỉnh"))
    >>> models = [model(0, praised, awarded), model(1, praised), model(2)]
    >>> describe_commendations(models, Period.year(2022))
    'biểu dương 02 mô hình, khen thưởng 01 mô hình (01 Bằng khen); 02 mô hình tiêu biểu'
    """
    iterable(models, "models")
    if not isinstance(period, Period):
        raise InvalidTypeError(f"expected a Period, not {type(period).__name__}: {period!r}")
    _check_min_digits(min_digits)
    kinds = (ModelEventKind.PRAISED, ModelEventKind.AWARDED, ModelEventKind.COMMENDED)
    counts = dict.fromkeys(kinds, 0)
    forms: dict[AwardForm, int] = {}
    exemplary = 0
    for model in models:
        if not isinstance(model, MobilizationModel):
            raise InvalidTypeError(f"expected MobilizationModels, not {model!r}")
        during = [e for e in model.history if period.start <= e.date <= period.end]
        for kind in kinds:
            counts[kind] += any(e.kind is kind for e in during)
        for event in during:
            if event.award is not None:
                forms[event.award.form] = forms.get(event.award.form, 0) + 1
        exemplary += model.registered_on <= period.end and model.is_exemplary_on(period.end)
    parts = []
    for kind in kinds:
        if counts[kind]:
            text = f"{kind.vietnamese} {_count_text(counts[kind], min_digits)} mô hình"
            if kind is ModelEventKind.AWARDED and forms:
                listed = ", ".join(
                    f"{_count_text(forms[form], min_digits)} {form.vietnamese}"
                    for form in AwardForm
                    if form in forms
                )
                text += f" ({listed})"
            parts.append(text)
    sentence = ", ".join(parts) if parts else "chưa biểu dương, khen thưởng mô hình nào"
    if exemplary:
        sentence += f"; {_count_text(exemplary, min_digits)} mô hình tiêu biểu"
    return sentence
