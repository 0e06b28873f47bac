"""Plain records and DataFrames (bản ghi, bảng dữ liệu) of observations and model statistics.

A record is a ``dict`` of plain values, one per figure, ready for ``csv.DictWriter``,
``json.dumps`` or a DataFrame: names and codes as ``str``, dates as ISO text
("2021-12-31"), enums by value, counts as ``int``. Exact numbers stay exact; how they
are written is the keyword-only ``numbers`` option:

- ``numbers="exact"`` (the default): an ``int`` stays an ``int``, a
  :class:`~decimal.Decimal` stays a ``Decimal`` with its own digits, a
  :class:`~fractions.Fraction` stays a ``Fraction``, for exact arithmetic in Python
  or in a DataFrame. ``json.dumps(records, default=str)`` writes them as text
  ("1.0839", "19/21"), but a whole ``Fraction`` as "5", which reads back as a number
  of another type: use ``numbers="text"`` for JSON.
- ``numbers="text"``: every value is JSON-native, as danvan's own JSON writes it.
  An ``int`` stays an ``int``, a ``Decimal`` becomes its ``str`` ("1.0839", "1E+3":
  its own digits and exponent) and a ``Fraction`` always "numerator/denominator"
  ("19/21", "5/1"), so ``Fraction(text)`` for a text with "/" and ``Decimal(text)``
  otherwise gives back the value and its type.

Floats never appear. :func:`to_dataframe` turns records into a pandas (or polars)
DataFrame, importing the library only when called; it is the optional extra
``danvan[dataframes]``, never a dependency. :func:`statistics_table` shows model
statistics of two periods side by side, as an HTML table notebooks display.

>>> from decimal import Decimal
>>> from danvan import Observation, Period
>>> seen = Observation(indicator="fund.vi_nguoi_ngheo.attainment", unit_id="hoa-thanh",
...                    period=Period.year(2020), actual=Decimal("1.0839"))
>>> record = observation_records([seen])[0]
>>> record["period"], record["period_end"], record["actual"]
('năm 2020', '2020-12-31', Decimal('1.0839'))
>>> observation_records([seen], numbers="text")[0]["actual"]
'1.0839'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from numbers import Rational, Real
from typing import Any, Final, Literal

from danvan._html import Html
from danvan._html import statistics_table as _statistics_table
from danvan.campaigns import ModelField
from danvan.dataset import Dataset
from danvan.errors import InvalidTypeError, InvalidValueError, MissingDependencyError
from danvan.observations import ExactNumber, Observation
from danvan.periods import Period, format_period
from danvan.statistics import ModelStatistics

__all__ = [
    "Html",
    "NumberStyle",
    "Record",
    "observation_records",
    "statistics_records",
    "statistics_table",
    "to_dataframe",
]

Record = dict[str, Any]
"""One record: column name to a plain value (str, int, Decimal, Fraction or None)."""

NumberStyle = Literal["exact", "text"]
"""How records hold exact numbers: ``"exact"`` as ``int``/``Decimal``/``Fraction``,
``"text"`` as ``int`` or ``str``."""

_LIBRARIES: Final = ("pandas", "polars")
_INSTALL: Final = {
    "pandas": "python -m pip install 'danvan[dataframes]'",
    "polars": "python -m pip install polars",
}


def _check_style(numbers: object) -> None:
    if numbers not in ("exact", "text"):
        raise InvalidValueError(f"numbers must be 'exact' or 'text', not {numbers!r}")


def _number(value: ExactNumber | None, numbers: NumberStyle) -> ExactNumber | str | None:
    if value is None or numbers == "exact" or isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    return str(value)


def _period_fields(period: Period, prefix: str = "period") -> Record:
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
    _check_style(numbers)
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
        record.update(_period_fields(observation.period))
        record["actual"] = _number(observation.actual, numbers)
        record["target"] = _number(observation.target, numbers)
        record["baseline"] = _number(observation.baseline, numbers)
        record["source"] = None if observation.source is None else str(observation.source)
        record["bound"] = None if observation.bound is None else observation.bound.value
        record["stated_attainment"] = _number(observation.stated_attainment, numbers)
        record["stated_change"] = _number(observation.stated_change, numbers)
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


_STOCK: Final = (
    ("total", "mô hình, điển hình"),
    ("needing_consolidation", "cần củng cố"),
)
_FLOW: Final = (
    ("registered", "đăng ký mới"),
    ("recognised", "công nhận"),
    ("commended", "biểu dương, khen thưởng"),
    ("replicated", "nhân rộng"),
)


def _rows(stats: ModelStatistics) -> list[tuple[str, str, str, str | None, int]]:
    """(group, key, label, parent, count) in the order of a report."""
    rows: list[tuple[str, str, str, str | None, int]] = [
        ("stock", key, label, None, getattr(stats, key)) for key, label in _STOCK
    ]
    for group, counts in (
        ("main_field", stats.by_main_field),
        ("field", stats.by_field),
        ("holder", stats.by_holder),
        ("level", stats.by_level),
        ("status", stats.by_status),
    ):
        for member, count in counts.items():
            parent = member.parent if isinstance(member, ModelField) else None
            rows.append((group, member.value, member.vietnamese, parent and parent.value, count))
    rows += [("flow", key, label, None, getattr(stats, key)) for key, label in _FLOW]
    return rows


def statistics_records(
    stats: ModelStatistics, /, *, previous: ModelStatistics | None = None
) -> list[Record]:
    """The counts of *stats*, one record per count, in the order a report gives them.

    Keys: ``period``, ``period_kind``, ``period_start``, ``period_end``; ``group``
    (``"stock"``: ``total`` and ``needing_consolidation`` at the period's end;
    ``"main_field"``, sub-fields counted in their main field; ``"field"``, as recorded,
    with ``parent`` the main field of a sub-field; ``"holder"``, ``"level"``,
    ``"status"``; ``"flow"``: models ``registered``, ``recognised``, ``commended``,
    ``replicated`` in the period), ``key`` (the enum value or count name), ``label``
    (Vietnamese), ``parent`` and ``count``. With *previous* (the statistics of an
    earlier period, say the year before) each record also has ``previous_period``
    and the ``previous_period_*`` dates, ``previous`` (its count) and ``difference``
    (``count - previous``); the relative change is :func:`danvan.change` of the two.

    >>> from danvan import Period, model_statistics
    >>> records = statistics_records(model_statistics([], Period.year(2021)))
    >>> records[0]
    {'period': 'năm 2021', 'period_kind': 'year', 'period_start': '2021-01-01', 'period_end': '2021-12-31', 'group': 'stock', 'key': 'total', 'label': 'mô hình, điển hình', 'parent': None, 'count': 0}
    """  # noqa: E501
    if not isinstance(stats, ModelStatistics):
        raise InvalidTypeError(
            f"expected a ModelStatistics, not {type(stats).__name__}: {stats!r}"
        )
    if previous is not None and not isinstance(previous, ModelStatistics):
        raise InvalidTypeError(
            f"previous must be a ModelStatistics or None, not {type(previous).__name__}:"
            f" {previous!r}"
        )
    period = _period_fields(stats.period)
    before = None if previous is None else _rows(previous)
    records = []
    for index, (group, key, label, parent, count) in enumerate(_rows(stats)):
        record: Record = {
            **period,
            "group": group,
            "key": key,
            "label": label,
            "parent": parent,
            "count": count,
        }
        if previous is not None and before is not None:
            earlier = before[index][4]
            record.update(_period_fields(previous.period, "previous_period"))
            record["previous"] = earlier
            record["difference"] = count - earlier
        records.append(record)
    return records


def statistics_table(
    stats: ModelStatistics, /, *, previous: ModelStatistics | None = None
) -> Html:
    """*stats* as an HTML table, with *previous* beside it and the year-over-year change.

    Rows: the models at the end of the period and those to consolidate; by main field
    with sub-fields under it; by holder (tập thể, cá nhân); by level; by status; and
    the models registered, recognised, commended and replicated in the period. With
    *previous* come its counts, the difference and the relative change ("tăng
    16,67%", a dash where the earlier count is zero). The result is a ``str`` that a
    notebook shows as a table; every text in it is escaped. Without *previous* it is
    what ``stats._repr_html_()`` gives.

    >>> from danvan import Period, model_statistics
    >>> html = statistics_table(model_statistics([], Period.year(2021)),
    ...                         previous=model_statistics([], Period.year(2020)))
    >>> html.startswith('<table class="danvan">'), "năm 2020" in html
    (True, True)
    """
    return _statistics_table(stats, previous)


def _check_records(records: object) -> list[Mapping[str, Any]]:
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


def _columns(records: list[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Column name to values, columns in the order they first appear, None where missing."""
    names: dict[str, None] = {}
    for record in records:
        names.update(dict.fromkeys(record))
    return {name: [record.get(name) for record in records] for name in names}


_INT64: Final = (-(2**63), 2**63 - 1)


def _is_int(value: object) -> bool:
    return type(value) is int and _INT64[0] <= value <= _INT64[1]


def to_dataframe(
    records: Iterable[Mapping[str, Any]],
    /,
    *,
    library: Literal["pandas", "polars"] = "pandas",
) -> Any:
    """Records as a DataFrame of *library* (``"pandas"``, the default, or ``"polars"``).

    The library is imported only here; if it is missing,
    :class:`MissingDependencyError` says what to install (``danvan[dataframes]`` for
    pandas). Columns come in the order they first appear; a record without a column
    has None there. Numbers stay exact:

    - pandas: a column of whole numbers is ``int64`` (``Int64``, nullable, when some
      are None); a column with a ``Decimal`` or ``Fraction`` in it, or an integer
      beyond 64 bits, is of ``object`` dtype holding the values themselves, so sums
      stay exact; text is left to pandas.
    - polars: whole numbers are ``Int64``; decimals (with whole numbers) are
      ``Decimal`` with the largest scale of the column when they fit its 38 digits,
      otherwise, and with fractions, ``Object``; text is ``String``.

    A ``float`` in a record, or any other real number that is not rational (a
    ``numpy.float32``), raises :class:`~danvan.InvalidTypeError`.

    >>> to_dataframe([{"indicator": "gifts.count", "actual": 10499}], library="excel")
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: library must be 'pandas' or 'polars', not 'excel'
    """
    if library not in _LIBRARIES:
        raise InvalidValueError(f"library must be 'pandas' or 'polars', not {library!r}")
    checked = _check_records(records)
    try:
        module = __import__(library)
    except ImportError as exc:
        raise MissingDependencyError(
            f"to_dataframe(library={library!r}) needs {library}, which is not installed;"
            f" install it with: {_INSTALL[library]}",
            package=library,
            install=_INSTALL[library],
        ) from exc
    columns = _columns(checked)
    if library == "pandas":
        return _pandas_frame(module, columns, len(checked))
    return _polars_frame(module, columns)


def _pandas_frame(pd: Any, columns: dict[str, list[Any]], length: int) -> Any:
    data = {}
    for name, values in columns.items():
        present = [value for value in values if value is not None]
        if present and all(_is_int(value) for value in present):
            dtype: str | None = "int64" if len(present) == len(values) else "Int64"
        elif any(isinstance(value, (int, Decimal, Fraction)) for value in present):
            dtype = "object"
        else:
            dtype = None
        data[name] = pd.Series(values, dtype=dtype) if dtype else pd.Series(values)
    return pd.DataFrame(data, index=pd.RangeIndex(length))


def _polars_frame(pl: Any, columns: dict[str, list[Any]]) -> Any:
    series = []
    for name, values in columns.items():
        present = [value for value in values if value is not None]
        if present and all(_is_int(value) for value in present):
            series.append(pl.Series(name, values, dtype=pl.Int64))
        elif present and all(_is_int(value) or isinstance(value, Decimal) for value in present):
            series.append(_polars_decimal(pl, name, values, present))
        elif any(isinstance(value, (int, Decimal, Fraction)) for value in present):
            series.append(pl.Series(name, values, dtype=pl.Object))
        else:
            series.append(pl.Series(name, values))
    return pl.DataFrame(series)


def _polars_decimal(pl: Any, name: str, values: list[Any], present: list[Any]) -> Any:
    scale = whole = 0
    for value in present:
        _, digits, exponent = Decimal(value).as_tuple()
        if not isinstance(exponent, int):  # NaN and infinity are not exact numbers
            return pl.Series(name, values, dtype=pl.Object)
        scale = max(scale, -exponent)
        whole = max(whole, len(digits) + exponent)
    if whole + scale > 38:
        return pl.Series(name, values, dtype=pl.Object)
    exact = [None if value is None else Decimal(value) for value in values]
    return pl.Series(name, exact, dtype=pl.Decimal(38, scale))
