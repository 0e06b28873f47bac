"""Records of observations (private): what danvan.records and danvan.arrow share.

:func:`observation_records` is documented and exported by :mod:`danvan.records`; it
lives here so that :mod:`danvan.arrow` can take observations without importing
:mod:`danvan.records`, which imports it for :func:`~danvan.records.to_dataframe`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from numbers import Rational, Real
from typing import Any, Literal

from danvan._plain import number_text
from danvan.dataset import Dataset
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.observations import ExactNumber, Observation
from danvan.periods import Period, format_period

__all__ = [
    "NumberStyle",
    "Record",
    "check_records",
    "check_style",
    "exact_value",
    "observation_records",
    "period_fields",
]

Record = dict[str, Any]
"""One record: column name to a plain value (str, int, Decimal, Fraction or None)."""

NumberStyle = Literal["exact", "text"]
"""How records hold exact numbers: ``"exact"`` as ``int``/``Decimal``/``Fraction``,
``"text"`` as ``int`` or ``str``."""


def check_style(numbers: object) -> None:
    if numbers not in ("exact", "text"):
        raise InvalidValueError(f"numbers must be 'exact' or 'text', not {numbers!r}")


def exact_value(value: ExactNumber | None, numbers: NumberStyle) -> ExactNumber | str | None:
    if value is None or numbers == "exact":
        return value
    return number_text(value)


def period_fields(period: Period, prefix: str = "period") -> Record:
    return {
        prefix: format_period(period),
        f"{prefix}_kind": period.kind.value,
        f"{prefix}_start": period.start.isoformat(),
        f"{prefix}_end": period.end.isoformat(),
    }


def observation_records(
    dataset_or_observations: Dataset | Iterable[Observation],
    /,
    *,
    numbers: NumberStyle = "exact",
) -> list[Record]:
    """One record per observation, in the order given.

    Keys: ``indicator`` (the code), ``unit_id``, ``period`` (as reports write it,
    "năm 2020"), ``period_kind``, ``period_start`` and ``period_end`` (ISO dates),
    ``actual``, ``target``, ``baseline`` (exact numbers or None, see ``numbers`` in the
    module docstring), ``source`` (the document code as text, or None), ``bound`` (a
    :class:`~danvan.Bound` value or None), ``stated_attainment``, ``stated_change``
    (numbers or None) and ``baseline_period`` (a period as reports write it, a
    :class:`~danvan.RelativePeriod` value such as "same_period_last_year", or None). From a
    :class:`~danvan.Dataset` each record also has ``indicator_name``, ``value_unit``
    (what the value is counted in: "đồng", "%") and ``unit_name``.

    >>> from danvan import Observation, Period
    >>> [r["actual"] for r in observation_records(
    ...     [Observation(indicator="gifts.count", unit_id="ht", period=Period.year(2020),
    ...                  actual=10499)])]
    [10499]
    """
    check_style(numbers)
    dataset = dataset_or_observations if isinstance(dataset_or_observations, Dataset) else None
    if dataset is not None:
        observations: Iterable[Observation] = dataset.observations
    elif isinstance(dataset_or_observations, (str, bytes, Mapping)) or not isinstance(
        dataset_or_observations, Iterable
    ):
        raise InvalidTypeError(
            "expected a Dataset or an iterable of Observations, not"
            f" {type(dataset_or_observations).__name__}: {dataset_or_observations!r}"
        )
    else:
        observations = dataset_or_observations
    records = []
    for observation in observations:
        if not isinstance(observation, Observation):
            raise InvalidTypeError(f"expected Observations, not {observation!r}")
        record: Record = {"indicator": observation.indicator}
        if dataset is not None:
            indicator = dataset.indicator(observation.indicator)
            record["indicator_name"] = indicator.name
            record["value_unit"] = indicator.unit
        record["unit_id"] = observation.unit_id
        if dataset is not None:
            record["unit_name"] = dataset.tree[observation.unit_id].name
        record.update(period_fields(observation.period))
        record["actual"] = exact_value(observation.actual, numbers)
        record["target"] = exact_value(observation.target, numbers)
        record["baseline"] = exact_value(observation.baseline, numbers)
        record["source"] = None if observation.source is None else str(observation.source)
        record["bound"] = None if observation.bound is None else observation.bound.value
        record["stated_attainment"] = exact_value(observation.stated_attainment, numbers)
        record["stated_change"] = exact_value(observation.stated_change, numbers)
        compared = observation.baseline_period
        record["baseline_period"] = (
            None
            if compared is None
            else format_period(compared)
            if isinstance(compared, Period)
            else compared.value
        )
        records.append(record)
    return records


def check_records(records: object) -> list[Mapping[str, Any]]:
    if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
        raise InvalidTypeError(
            f"expected an iterable of records (dicts), not {type(records).__name__}: {records!r}"
        )
    checked = []
    for record in records:
        if not isinstance(record, Mapping):
            raise InvalidTypeError(f"a record is a dict, not {type(record).__name__}: {record!r}")
        for name, value in record.items():
            if not isinstance(name, str):
                raise InvalidTypeError(f"column names are str, not {name!r}")
            if isinstance(value, Real) and not isinstance(value, Rational):
                raise InvalidTypeError(
                    f"column {name!r} holds a {type(value).__name__} ({value!r}), a real"
                    " number that is not exact; records hold exact numbers"
                )
        checked.append(record)
    return checked
