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
DataFrame through :func:`~danvan.to_arrow`, importing the libraries only when called;
they are the optional extras ``danvan[dataframes]`` and ``danvan[polars]``, never
dependencies. :func:`statistics_table` shows model
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
from typing import Any, Final, Literal

from danvan._html import Cell, Html, Table
from danvan._records import (
    NumberStyle,
    Record,
    observation_records,
    period_fields,
)
from danvan.campaigns import ModelField
from danvan.dataset import Dataset
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.observations import Observation
from danvan.periods import format_period
from danvan.sentences import describe_change
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

_LIBRARIES: Final = ("pandas", "polars")
_EXTRAS: Final = {"pandas": "dataframes", "polars": "polars"}


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
    (``count - previous``); the relative change is :func:`danvan.indicators.change` of the two.

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
    period = period_fields(stats.period)
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
            record.update(period_fields(previous.period, "previous_period"))
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


def _columns(records: list[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Column name to values, columns in the order they first appear, None where missing."""
    names: dict[str, None] = {}
    for record in records:
        names.update(dict.fromkeys(record))
    return {name: [record.get(name) for record in records] for name in names}


def to_dataframe(
    records: Iterable[Mapping[str, Any]] | Iterable[Observation] | Dataset,
    /,
    *,
    library: Literal["pandas", "polars"] = "pandas",
) -> Any:
    """Records as a DataFrame of *library* (``"pandas"``, the default, or ``"polars"``).

    Built on :func:`~danvan.to_arrow`, so the columns have its types, exact and typed
    alike in both libraries: ``int64`` for whole numbers, ``decimal128(38, s)`` for
    exact ones, a numerator/denominator struct for fractions that are no finite decimal,
    ``date32`` for the ``…_start`` and ``…_end`` dates of periods, dictionary-encoded
    text. pandas gets them as ``pandas.ArrowDtype`` columns (no ``object``
    columns, and ``to_parquet`` works), polars natively (``Decimal``, ``Date``,
    ``Categorical``, ``Struct``). Observations and a :class:`~danvan.Dataset` are
    taken through :func:`observation_records`.

    The library and pyarrow are imported only here; if one is missing,
    :class:`MissingDependencyError` says what to install (``danvan[dataframes]`` for
    pandas, ``danvan[polars]``). A ``float`` in a record, or any other real number that
    is not rational (a ``numpy.float32``), raises :class:`~danvan.InvalidTypeError`.

    >>> to_dataframe([{"indicator": "gifts.count", "actual": 10499}], library="excel")
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: library must be 'pandas' or 'polars', not 'excel'
    """
    from danvan._optional import import_optional
    from danvan.arrow import to_arrow

    if library not in _LIBRARIES:
        raise InvalidValueError(f"library must be 'pandas' or 'polars', not {library!r}")
    if not isinstance(records, Dataset) and (
        isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable)
    ):
        raise InvalidTypeError(
            f"expected an iterable of records (dicts), not {type(records).__name__}: {records!r}"
        )
    module = import_optional(library, _EXTRAS[library])
    table = to_arrow(records if isinstance(records, Dataset) else list(records))  # type: ignore[arg-type]
    if library == "pandas":
        return table.to_pandas(types_mapper=module.ArrowDtype)
    return module.from_arrow(table)


_GROUP_TITLES: Final = {
    "stock": "Tổng số (cuối kỳ)",
    "main_field": "Theo lĩnh vực",
    "holder": "Theo tập thể, cá nhân",
    "level": "Theo cấp",
    "status": "Theo tình trạng (cuối kỳ)",
    "flow": "Trong kỳ",
}


def _statistics_table(stats: ModelStatistics, previous: ModelStatistics | None) -> Html:
    records = statistics_records(stats, previous=previous)
    columns = ["Chỉ tiêu", format_period(stats.period)]
    if previous is not None:
        columns += [format_period(previous.period), "Chênh lệch", "So sánh"]
    table = Table(columns, caption=f"Mô hình, điển hình “Dân vận khéo”, {columns[1]}")
    sub_fields: dict[str, list[dict[str, object]]] = {}
    for record in records:
        if record["group"] == "field" and record["parent"] is not None:
            sub_fields.setdefault(str(record["parent"]), []).append(record)
    group = None
    for record in records:
        if record["group"] not in _GROUP_TITLES:
            continue
        if record["group"] != group:
            group = record["group"]
            table.group(_GROUP_TITLES[str(group)])
        rows = [(record, False)]
        if record["group"] == "main_field":
            rows += [(sub, True) for sub in sub_fields.get(str(record["key"]), [])]
        for row, nested in rows:
            label = f"trong đó: {row['label']}" if nested else str(row["label"])
            indent = "2em" if nested else "0.5em"
            count = row["count"]
            assert isinstance(count, int)
            cells: list[Cell] = [label, count]
            if previous is not None:
                before = row["previous"]
                assert isinstance(before, int)
                cells += [
                    before,
                    count - before,
                    describe_change(count, before) if before else None,
                ]
            table.row(
                cells,
                header=True,
                attributes={"data-group": str(row["group"]), "data-key": str(row["key"])},
                first_cell={"style": f"padding-left: {indent}; text-align: left"},
            )
    return table.render()
