"""Statistics of "Dân vận khéo" models for a period (thống kê mô hình, điển hình).

Reports count the models and exemplars a unit has built, by field (*lĩnh vực*), by
holder (*tập thể*, *cá nhân*), by level and by stage, and compare the year with the
one before: "Đến nay, toàn tỉnh đã xây dựng được 3.545 mô hình, điển hình; trong đó có
2.066 tập thể, 1.479 cá nhân"; "công nhận và biểu dương 70 mô hình, đạt 73%, tăng 17%
so với năm 2020".

:func:`model_statistics` takes the models (filter them first to the units or the
campaign you report on) and a :class:`~danvan.Period`. Two kinds of figure come out:

- the stock at the end of the period: every model registered by then, counted by
  field, holder, level and by its status as of the period's last day;
- the flow during the period: models registered, recognised, commended and replicated
  between its first and last day (a model counts once however many events it had).

>>> from datetime import date
>>> from danvan import MobilizationModel, ModelEventKind, ModelField, ModelHolder
>>> from danvan import ModelLevel, Period
>>> def model(n, holder, recognised):
...     m = MobilizationModel.register(
...         id=f"m{n}", name=f"Mô hình {n}", field=ModelField.ECONOMY, holder=holder,
...         unit_id="hl", level=ModelLevel.COMMUNE, date=date(2020, 3, 1))
...     return m.record(ModelEventKind.RECOGNISED, recognised) if recognised else m
>>> models = [model(1, ModelHolder.COLLECTIVE, date(2020, 11, 1)),
...           model(2, ModelHolder.INDIVIDUAL, date(2021, 11, 1)),
...           model(3, ModelHolder.COLLECTIVE, None)]
>>> stats = model_statistics(models, Period.year(2021))
>>> stats.total, stats.by_holder[ModelHolder.COLLECTIVE], stats.recognised
(3, 2, 1)
>>> year_over_year(models, Period.year(2021))
Fraction(0, 1)
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, Final, Literal, TypeVar

import attrs

from danvan._display import html_of
from danvan._validators import check_integer, count, instance_of, iterable
from danvan.campaigns import (
    MobilizationModel,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
    ModelStatus,
)
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.indicators import change
from danvan.periods import Period

__all__ = ["Measure", "ModelStatistics", "model_statistics", "year_over_year"]

Measure = Literal["total", "registered", "recognised", "commended", "replicated"]
"""A count of :class:`ModelStatistics` that can be compared between periods."""

_MEASURES: Final = ("total", "registered", "recognised", "commended", "replicated")
_MAIN_FIELDS: Final = tuple(field for field in ModelField if field.parent is None)

E = TypeVar("E", bound=enum.Enum)


def _freeze(value: Mapping[E, int], order: tuple[E, ...]) -> Mapping[E, int]:
    """A read-only mapping of the members of *order* to counts, zeros included."""
    if not isinstance(value, Mapping):
        raise InvalidTypeError(f"expected a mapping of counts, not {value!r}")
    unknown = set(value) - set(order)
    if unknown:
        raise InvalidValueError(f"unexpected keys {sorted(map(str, unknown))}")
    for key, number in value.items():
        check_integer(number, f"the count of {key}", minimum=0)
    return types.MappingProxyType({member: value.get(member, 0) for member in order})


def _field_counts(value: Mapping[ModelField, int]) -> Mapping[ModelField, int]:
    return _freeze(value, tuple(ModelField))


def _main_field_counts(value: Mapping[ModelField, int]) -> Mapping[ModelField, int]:
    return _freeze(value, _MAIN_FIELDS)


def _holder_counts(value: Mapping[ModelHolder, int]) -> Mapping[ModelHolder, int]:
    return _freeze(value, tuple(ModelHolder))


def _level_counts(value: Mapping[ModelLevel, int]) -> Mapping[ModelLevel, int]:
    return _freeze(value, tuple(ModelLevel))


def _status_counts(value: Mapping[ModelStatus, int]) -> Mapping[ModelStatus, int]:
    return _freeze(value, tuple(ModelStatus))


@attrs.frozen(kw_only=True, unsafe_hash=False)
class ModelStatistics:
    """Counts of models for one period (unhashable: it holds mappings).

    Stock at ``period.end``: ``total`` models registered by then; ``by_field`` as
    recorded (the three sub-fields apart), ``by_main_field`` with sub-fields counted in
    their main field, ``by_holder``, ``by_level`` and ``by_status`` (the status as of
    ``period.end``), each a read-only mapping with every member, in enum order;
    ``needing_consolidation``: models whose mark for consolidation is open then.

    Flow within the period: ``registered``, ``recognised``, ``commended``,
    ``replicated``: models with such an event dated in the period.
    """

    period: Period = attrs.field(validator=instance_of(Period))
    total: int = attrs.field(validator=count)
    by_field: Mapping[ModelField, int] = attrs.field(converter=_field_counts)
    by_main_field: Mapping[ModelField, int] = attrs.field(converter=_main_field_counts)
    by_holder: Mapping[ModelHolder, int] = attrs.field(converter=_holder_counts)
    by_level: Mapping[ModelLevel, int] = attrs.field(converter=_level_counts)
    by_status: Mapping[ModelStatus, int] = attrs.field(converter=_status_counts)
    needing_consolidation: int = attrs.field(validator=count)
    registered: int = attrs.field(validator=count)
    recognised: int = attrs.field(validator=count)
    commended: int = attrs.field(validator=count)
    replicated: int = attrs.field(validator=count)

    def count(self, measure: Measure, /) -> int:
        """The count named by *measure*: ``"total"``, ``"registered"``, ``"recognised"``,
        ``"commended"`` or ``"replicated"``."""
        if measure not in _MEASURES:
            raise InvalidValueError(
                f"measure must be one of {', '.join(_MEASURES)}; not {measure!r}"
            )
        result: int = getattr(self, measure)
        return result

    def to_dict(self) -> dict[str, Any]:
        """The counts as plain data for an API: the period, the flows and every mapping
        keyed by its enum's value.

        >>> model_statistics([], Period.year(2021)).to_dict()["by_holder"]
        {'collective': 0, 'individual': 0}
        """
        from danvan._plain import plain

        return {field.name: plain(getattr(self, field.name)) for field in attrs.fields(type(self))}

    def _repr_html_(self) -> str | None:
        """The counts as an HTML table for notebooks, by field, holder, level and status;
        :func:`danvan.records.statistics_table` adds an earlier period and the change."""
        return html_of(self)  # the presentation registers it: see danvan._display


_FLOW_EVENTS: Final = {
    ModelEventKind.REGISTERED: "registered",
    ModelEventKind.RECOGNISED: "recognised",
    ModelEventKind.PRAISED: "commended",  # biểu dương
    ModelEventKind.AWARDED: "commended",  # khen thưởng
    ModelEventKind.COMMENDED: "commended",  # deprecated: either
    ModelEventKind.REPLICATED: "replicated",
}


def model_statistics(models: Iterable[MobilizationModel], period: Period, /) -> ModelStatistics:
    """Count *models* for *period*: the stock at its end and the flow during it.

    A model registered after ``period.end`` is left out of everything. Two models with
    one id raise :class:`~danvan.InvalidValueError`.

    >>> model_statistics([], Period.year(2021)).total
    0
    """
    iterable(models, "models")
    if not isinstance(period, Period):
        raise InvalidTypeError(f"expected a Period, not {type(period).__name__}: {period!r}")
    end = period.end
    start = period.start
    by_field: dict[ModelField, int] = {}
    by_main: dict[ModelField, int] = {}
    by_holder: dict[ModelHolder, int] = {}
    by_level: dict[ModelLevel, int] = {}
    by_status: dict[ModelStatus, int] = {}
    flow = dict.fromkeys(_FLOW_EVENTS.values(), 0)
    total = consolidating = 0
    seen: set[str] = set()
    for model in models:
        if not isinstance(model, MobilizationModel):
            raise InvalidTypeError(f"expected MobilizationModels, not {model!r}")
        if model.id in seen:
            raise InvalidValueError(f"model {model.id!r} is given twice")
        seen.add(model.id)
        status = model.status_on(end)
        if status is None:  # registered after the period
            continue
        total += 1
        by_field[model.field] = by_field.get(model.field, 0) + 1
        by_main[model.field.main] = by_main.get(model.field.main, 0) + 1
        by_holder[model.holder] = by_holder.get(model.holder, 0) + 1
        by_level[model.level] = by_level.get(model.level, 0) + 1
        by_status[status] = by_status.get(status, 0) + 1
        consolidating += model.needs_consolidation_on(end)
        happened = {
            _FLOW_EVENTS[event.kind]
            for event in model.history
            if event.kind in _FLOW_EVENTS and start <= event.date <= end
        }
        for name in happened:
            flow[name] += 1
    return ModelStatistics(
        period=period,
        total=total,
        by_field=by_field,
        by_main_field=by_main,
        by_holder=by_holder,
        by_level=by_level,
        by_status=by_status,
        needing_consolidation=consolidating,
        **flow,
    )


def year_over_year(
    models: Iterable[MobilizationModel],
    period: Period,
    /,
    *,
    measure: Measure = "recognised",
) -> Fraction:
    """The relative change of *measure* from ``period.previous()`` to *period*.

    "tăng 17% so với năm 2020": the models recognised in 2021 against those recognised
    in 2020 (``measure="recognised"``, the default). A zero count in the earlier period
    raises :class:`~danvan.UndefinedIndicatorError`.

    >>> year_over_year([], Period.year(2021))
    Traceback (most recent call last):
    ...
    danvan.errors.UndefinedIndicatorError: relative change is undefined: the previous value is zero (current 0)
    """  # noqa: E501
    iterable(models, "models")
    models = list(models)
    now = model_statistics(models, period)
    before = model_statistics(models, period.previous())
    return change(now.count(measure), before.count(measure))
