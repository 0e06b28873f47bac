"""Observations and records as Arrow tables (bảng Arrow), for Parquet and DataFrames.

:func:`to_arrow` turns observations, a :class:`~danvan.Dataset` or plain records
(:func:`~danvan.observation_records`, :func:`~danvan.statistics_records`) into a
``pyarrow.Table`` (the optional extra ``danvan[arrow]``) with types that keep every
figure exact and every analysis tool happy:

- **whole numbers** are ``int64`` (``decimal128(38, 0)`` when one is beyond 64 bits);
- **exact numbers** (a ``Decimal``, or a ``Fraction`` that is a finite decimal, such as
  1/4) are ``decimal128(38, s)``, *s* the largest number of decimal places in the
  column, so every value is exact (1.5 in a column of scale 4 is 1.5000, the same
  number);
- **fractions** that are no finite decimal (1/3, the mean of three figures) are written
  as pairs: a column holding one is a ``struct<numerator, denominator>`` of
  ``decimal128(38, 0)`` on every row (a whole number has denominator 1). This choice
  keeps the value exact, which no number of places does; divide the two for a decimal
  at the places you need;
- **periods** have ``date32`` ``period_start`` and ``period_end`` (any column named
  ``…_start`` or ``…_end`` holding ISO dates), beside the period's Vietnamese label
  ("quý I/2024") and kind;
- **text** (codes, ids, labels, enum values) is dictionary-encoded: a column of a
  million figures of 50 indicators stores 50 strings;
- a column with no value at all is ``decimal128(38, 0)`` for the figures of an
  observation (``actual``, ``target``, ``baseline``, ``stated_attainment``,
  ``stated_change``) and dictionary-encoded text otherwise.

A number beyond 38 digits raises :class:`~danvan.InvalidValueError`. Parquet keeps
these types, so ``pyarrow.parquet.write_table`` and ``read_table`` give back the same
table, and :func:`~danvan.read_observations` reads such a table (or a pandas or polars
frame made of it) back into the same observations: the inverse of :func:`to_arrow`.

>>> from danvan import Observation, Period
>>> seen = [Observation(indicator="quy", unit_id="xa", period=Period.quarter(2024, 1),
...                     actual=1798702098)]
>>> table = to_arrow(seen)  # doctest: +SKIP
>>> str(table.schema.field("period_start").type)  # doctest: +SKIP
'date32[day]'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any, Final

from danvan._optional import import_optional
from danvan._records import check_records, observation_records
from danvan.dataset import Dataset
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.observations import Observation

__all__ = ["to_arrow"]

_PRECISION: Final = 38
_INT64: Final = (-(2**63), 2**63 - 1)
_WIDE: Final = Context(prec=2 * _PRECISION + 2)


def _scale(value: Decimal | Fraction) -> int | None:
    """Decimal places *value* needs; None for a fraction that is no finite decimal."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(0, -exponent)
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return None if denominator != 1 else max(twos, fives)


def _decimal(value: int | Decimal | Fraction, scale: int) -> Decimal:
    """*value* as a Decimal with exactly *scale* places (it has no more)."""
    if isinstance(value, Decimal):
        if value.adjusted() + 1 + scale > _PRECISION:
            return value  # too long: the caller counts its digits and refuses it
        return value.quantize(Decimal(1).scaleb(-scale), context=_WIDE)
    numerator = Fraction(value) * 10**scale
    assert numerator.denominator == 1
    return Decimal(numerator.numerator).scaleb(-scale)


def _fits(value: int) -> bool:
    return len(str(abs(value))) <= _PRECISION


def _number_column(pa: Any, name: str, values: list[Any]) -> Any:
    present = [value for value in values if value is not None]
    if all(type(value) is int and _INT64[0] <= value <= _INT64[1] for value in present):
        return pa.array(values, type=pa.int64())
    scales = [0 if isinstance(value, int) else _scale(value) for value in present]
    if any(scale is None for scale in scales):
        pairs: list[dict[str, Decimal] | None] = []
        for value in values:
            if value is None:
                pairs.append(None)
                continue
            exact = Fraction(value)
            if not (_fits(exact.numerator) and _fits(exact.denominator)):
                raise InvalidValueError(f"column {name!r}: {value!r} has more than 38 digits")
            pairs.append(
                {"numerator": Decimal(exact.numerator), "denominator": Decimal(exact.denominator)}
            )
        whole = pa.decimal128(_PRECISION, 0)
        kind = pa.struct([("numerator", whole), ("denominator", whole)])
        return pa.array(pairs, type=kind)
    scale = max((scale for scale in scales if scale is not None), default=0)
    if scale > _PRECISION:
        raise InvalidValueError(
            f"column {name!r} has a value with {scale} decimal places, more than {_PRECISION}"
        )
    converted: list[Decimal | None] = []
    for value in values:
        if value is None:
            converted.append(None)
            continue
        written = _decimal(value, scale)
        if written.adjusted() + 1 + scale > _PRECISION:
            raise InvalidValueError(
                f"column {name!r}: {value!r} has more than {_PRECISION} digits at {scale} places"
            )
        converted.append(written)
    return pa.array(converted, type=pa.decimal128(_PRECISION, scale))


_OBSERVATION_COLUMNS: Final = (
    "indicator",
    "unit_id",
    "period",
    "period_kind",
    "period_start",
    "period_end",
    "actual",
    "target",
    "baseline",
    "source",
    "bound",
    "stated_attainment",
    "stated_change",
    "baseline_period",
)
_NUMBER_COLUMNS: Final = frozenset(
    {"actual", "target", "baseline", "stated_attainment", "stated_change", "count"}
)


def _column(pa: Any, name: str, values: list[Any]) -> Any:
    present = [value for value in values if value is not None]
    if not present:
        if name in _NUMBER_COLUMNS:  # a figure nobody gave: still a number column
            return pa.nulls(len(values), type=pa.decimal128(_PRECISION, 0))
        if name.endswith(("_start", "_end")):
            return pa.nulls(len(values), type=pa.date32())
        return pa.nulls(len(values), type=pa.dictionary(pa.int32(), pa.string()))
    if all(isinstance(value, str) for value in present):
        if name.endswith(("_start", "_end")) and all(_iso_date(value) for value in present):
            return pa.array(
                [None if value is None else date.fromisoformat(value) for value in values],
                type=pa.date32(),
            )
        return pa.array(values, type=pa.string()).dictionary_encode()
    if all(isinstance(value, date) for value in present):
        return pa.array(values, type=pa.date32())
    if all(
        isinstance(value, (int, Decimal, Fraction)) and not isinstance(value, bool)
        for value in present
    ):
        for value in present:
            if isinstance(value, Decimal) and not value.is_finite():
                raise InvalidValueError(f"column {name!r}: {value!r} is not a number")
        return _number_column(pa, name, values)
    if all(isinstance(value, bool) for value in present):
        return pa.array(values, type=pa.bool_())
    kinds = sorted({type(value).__name__ for value in present})
    raise InvalidTypeError(
        f"column {name!r} holds {', '.join(kinds)} values; an Arrow column holds one kind"
        " (text, dates, exact numbers or booleans)"
    )


def _iso_date(text: str) -> bool:
    if len(text) != 10:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _records(source: object) -> Sequence[Mapping[str, Any]]:
    if isinstance(source, Dataset):
        return observation_records(source)
    if isinstance(source, (str, bytes, Mapping)) or not isinstance(source, Iterable):
        raise InvalidTypeError(
            "expected a Dataset, Observations or records (dicts), not"
            f" {type(source).__name__}: {source!r}"[:200]
        )
    items = list(source)
    if items and all(isinstance(item, Observation) for item in items):
        return observation_records(items)
    if any(isinstance(item, Observation) for item in items):
        raise InvalidTypeError("expected Observations or records, not a mix of them")
    return check_records(items)


def to_arrow(records: Dataset | Iterable[Observation] | Iterable[Mapping[str, Any]], /) -> Any:
    """An Arrow table (bảng Arrow) of observations, a dataset or records, exactly.

    Observations and datasets become the columns of :func:`~danvan.observation_records`;
    records are taken as they are (columns in the order they first appear, None where a
    record lacks one); nothing at all gives an empty table with the columns of
    observations. Types are chosen as the module docs say. Inverse:
    :func:`~danvan.read_observations` (for observations). Needs ``danvan[arrow]``.

    >>> to_arrow("quy")
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidTypeError: expected a Dataset, Observations or records (dicts), not str: 'quy'
    """  # noqa: E501
    checked = _records(records)
    pa = import_optional("pyarrow", "arrow")
    names: dict[str, None] = {}
    for record in checked:
        names.update(dict.fromkeys(record))
    if not checked:  # no figures: still the columns of figures
        names = dict.fromkeys(_OBSERVATION_COLUMNS)
    columns = {name: [record.get(name) for record in checked] for name in names}
    arrays = [_column(pa, name, values) for name, values in columns.items()]
    return pa.table(arrays, names=list(columns))
