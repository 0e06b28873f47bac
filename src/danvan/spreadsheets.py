"""Figures from spreadsheets and tables (đọc số liệu từ bảng tính), and the template.

Figures reach a district office as spreadsheets from each commune.
:func:`read_observations` reads them from a CSV file, an XLSX workbook (the optional
extra ``danvan[xlsx]``, openpyxl) or a pandas or polars DataFrame, as
:class:`~danvan.Observation` objects. :func:`write_template` writes the XLSX collection
template (biểu mẫu thu thập số liệu) a district sends to its communes; a filled
template reads back with :func:`read_observations`, exactly.

**Long form** has one figure per row, in columns named in English or Vietnamese (any
case): the unit (``unit``, ``unit_id``, "Mã đơn vị", "Đơn vị"), the indicator
(``indicator``, "Mã chỉ tiêu"), the period (``period``, "Kỳ báo cáo", "Kỳ"), the value
(``value``, ``actual``, "Kết quả thực hiện", "Thực hiện", "Kết quả", "Giá trị", "Số
liệu") and optionally the
plan (``target``, ``plan``, "Kế hoạch"), ``baseline``, ``baseline_period`` ("Kỳ so
sánh"), ``bound``, ``stated_attainment``, ``stated_change`` and ``source`` ("Văn bản").
Columns that only describe ("Tên đơn vị", "Tên chỉ tiêu", "Đơn vị tính") are read past.
**Wide form** has no indicator and no value column: every other column is an indicator
(its code, or its name when ``indicators=`` is given) and every filled cell a figure.

Cells are read as reports write them: "1.798.702.098", "108,39%" (a ratio, 1.0839),
"3,8 tỷ" (money), "trên 90%" (the figure with :attr:`~danvan.Bound.MORE_THAN`);
periods as "quý I/2024", "6 tháng đầu năm 2024" or "2024" (see
:func:`~danvan.parse_period`). Numbers stay exact. A number cell holds a binary
``float`` (Excel keeps every number so, to 15 significant digits): it is read through
its shortest ``repr`` (``0.9`` is nine tenths) when that has at most 15 significant
digits, and refused otherwise (``0.30000000000000004``, the result of a sum in a
formula); write such a value as text. Empty cells, and NaN in a DataFrame, are no
figure.

Every bad cell is found before anything is returned, and all of them are raised
together in one :class:`~danvan.SpreadsheetError` (a :class:`~danvan.DataError`), one
:class:`CellProblem` per cell with its sheet, row, column and text.

>>> import io
>>> text = "Đơn vị,Chỉ tiêu,Kỳ,Kết quả\\nxa-a,quy,năm 2024,\\"3,8 tỷ\\"\\nxa-b,quy,2024,trên 90\\n"
>>> [(seen.unit_id, seen.actual, seen.bound) for seen in read_observations(io.StringIO(text))]
[('xa-a', 3800000000, None), ('xa-b', 90, <Bound.MORE_THAN: 'more_than'>)]
"""

from __future__ import annotations

import csv
import importlib
import io
import math
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import IO, Any, Final, Literal

import attrs

from danvan._files import write_whole
from danvan._validators import instance_of, optional
from danvan.errors import (
    DanvanError,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    ParseError,
    SpreadsheetError,
    shorten,
)
from danvan.numbers import format_number, format_percent, parse_money, parse_number, parse_percent
from danvan.observations import (
    Bound,
    ExactNumber,
    Indicator,
    Observation,
    RelativePeriod,
    Target,
)
from danvan.periods import Period, format_period, parse_period
from danvan.units import Unit, UnitTree

__all__ = ["CellProblem", "TableForm", "read_observations", "write_template"]

TableForm = Literal["auto", "long", "wide"]
"""How a table holds its figures: one per row (``"long"``), one column per indicator
(``"wide"``), or ``"auto"``: wide when there is neither an indicator nor a value column."""

_XLSX_INSTALL: Final = "python -m pip install 'danvan[xlsx]'"
_MAX_DIGITS: Final = 15  # what Excel keeps of a number


@attrs.frozen(kw_only=True)
class CellProblem:
    """A bad cell (ô dữ liệu sai): where it is, what it holds and what is wrong.

    ``sheet`` is the sheet's name (None for a CSV file or a DataFrame), ``row`` the row
    number as the spreadsheet shows it (1 is the first line; for a DataFrame the
    position of the row, from 0), ``column`` the column's header and ``text`` the cell
    as read (``repr`` of a non-text value).

    >>> print(CellProblem(sheet="Số liệu", row=5, column="Kết quả", text="1.5",
    ...                   message="unexpected '5' at position 2"))
    sheet 'Số liệu', row 5, column 'Kết quả': '1.5': unexpected '5' at position 2
    """

    sheet: str | None = attrs.field(validator=optional(instance_of(str)))
    row: int = attrs.field(validator=instance_of(int))
    column: str = attrs.field(validator=instance_of(str))
    text: str = attrs.field(validator=instance_of(str))
    message: str = attrs.field(validator=instance_of(str))

    def __str__(self) -> str:
        where = "" if self.sheet is None else f"sheet {self.sheet!r}, "
        message = " ".join(self.message.split())
        return f"{where}row {self.row}, column {self.column!r}: {shorten(self.text)}: {message}"


# --------------------------------------------------------------------------- columns

_COLUMNS: Final = {
    "unit": ("unit", "unit_id", "mã đơn vị", "đơn vị", "ma don vi", "don vi"),
    "unit_name": ("unit_name", "tên đơn vị", "ten don vi"),
    "indicator": ("indicator", "mã chỉ tiêu", "ma chi tieu", "chỉ tiêu", "chi tieu"),
    "indicator_name": ("indicator_name", "tên chỉ tiêu", "ten chi tieu"),
    "value_unit": ("value_unit", "đơn vị tính", "don vi tinh", "đvt", "dvt"),
    "period": ("period", "kỳ báo cáo", "kỳ", "thời kỳ", "ky bao cao", "ky", "thoi ky"),
    "actual": (
        "value",
        "actual",
        "kết quả thực hiện",
        "thực hiện",
        "kết quả",
        "ket qua thuc hien",
        "thuc hien",
        "ket qua",
        "giá trị",
        "số liệu",
        "gia tri",
        "so lieu",
    ),
    "target": ("target", "plan", "kế hoạch", "ke hoach", "kh"),
    "baseline": ("baseline", "số so sánh", "so so sanh"),
    "baseline_period": ("baseline_period", "kỳ so sánh", "ky so sanh"),
    "bound": ("bound",),
    "stated_attainment": (
        "stated_attainment",
        "tỷ lệ đạt kế hoạch",
        "tỉ lệ đạt kế hoạch",
        "ty le dat ke hoach",
    ),
    "stated_change": ("stated_change", "tăng giảm"),
    "source": ("source", "văn bản", "van ban"),
    "ignored": ("period_kind", "period_start", "period_end"),
}
_ALIASES: Final = {alias: name for name, aliases in _COLUMNS.items() for alias in aliases}
_NUMBERS: Final = ("actual", "target", "baseline", "stated_attainment", "stated_change")


def _key(text: str) -> str:
    """A header or a name as compared: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_BOUND_WORDS: Final = sorted(
    ((_key(word), bound) for bound in Bound for word in bound.words),
    key=lambda pair: -len(pair[0]),
)


class _Bad(Exception):
    """A cell that cannot be read; the message says why (internal)."""


# ----------------------------------------------------------------------------- cells


def _plain(value: object) -> object:
    """A cell value as a plain Python value; None for an empty cell or NaN."""
    if value is None:
        return None
    item = getattr(value, "item", None)  # numpy scalars
    if item is not None and type(value).__module__ == "numpy":
        value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return None
    return value


def _from_float(value: float) -> int | Decimal:
    if not math.isfinite(value):
        raise _Bad(f"{value!r} is not a number")
    exact = Decimal(repr(value))
    digits = exact.as_tuple().digits
    if len(digits) > _MAX_DIGITS:
        raise _Bad(
            f"the number cell {value!r} has more than {_MAX_DIGITS} significant digits,"
            " so it is not the value typed (a float); write the value as text"
        )
    if exact == exact.to_integral_value():
        return int(exact)
    return exact.normalize() if exact.as_tuple().exponent > 0 else exact  # type: ignore[operator]


def _pair(numerator: object, denominator: object) -> Fraction:
    """A fraction written as a numerator/denominator pair (see :func:`~danvan.to_arrow`)."""
    parts = []
    for part in (numerator, denominator):
        if isinstance(part, Decimal) and part == part.to_integral_value():
            part = int(part)
        if type(part) is not int:
            raise _Bad(f"a numerator and a denominator are whole numbers, not {part!r}")
        parts.append(part)
    if parts[1] <= 0:
        raise _Bad("the denominator must be positive")
    return Fraction(parts[0], parts[1])


def _number_text(text: str) -> ExactNumber:
    stripped = text.strip()
    if stripped.endswith("%"):
        return parse_percent(stripped)
    try:
        return parse_number(stripped)
    except ParseError as first:
        try:
            return parse_money(stripped)
        except ParseError:
            raise first from None


def _read_number(value: object, *, bounded: bool) -> tuple[ExactNumber, Bound | None]:
    """A cell as an exact number, and the bound written before it ("trên 90%")."""
    if isinstance(value, bool):
        raise _Bad("a true/false cell is not a number")
    if isinstance(value, int):
        return value, None
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _Bad(f"{value!r} is not a number")
        return value, None
    if isinstance(value, Fraction):
        return value, None
    if isinstance(value, float):
        return _from_float(value), None
    if isinstance(value, dict) and set(value) == {"numerator", "denominator"}:
        return _pair(value["numerator"], value["denominator"]), None
    if not isinstance(value, str):
        raise _Bad(f"a {type(value).__name__} is not a number")
    text = unicodedata.normalize("NFC", value).strip()
    bound = None
    if bounded:
        folded = text.casefold()
        for word, found in _BOUND_WORDS:
            if folded.startswith(word) and folded[len(word) : len(word) + 1].isspace():
                bound = found
                text = text[len(word) :].strip()
                break
    try:
        return _number_text(text), bound
    except ParseError as exc:
        raise _Bad(str(exc)) from None


def _read_period(value: object) -> Period:
    if isinstance(value, bool):
        raise _Bad("a true/false cell is not a period")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, (date, datetime)):
        raise _Bad("a date is not a period: write the period as text ('tháng 1/2024')")
    if not isinstance(value, str):
        raise _Bad(f"a {type(value).__name__} is not a period")
    try:
        return parse_period(value)
    except ParseError as exc:
        raise _Bad(str(exc)) from None


def _read_compared(value: object) -> Period | RelativePeriod:
    if isinstance(value, str):
        folded = _key(value)
        for relative in RelativePeriod:
            if folded in (relative.value, _key(relative.vietnamese)):
                return relative
    return _read_period(value)


def _read_bound(value: object) -> Bound:
    if isinstance(value, str):
        folded = _key(value)
        for bound in Bound:
            if folded == bound.value or folded in (_key(word) for word in bound.words):
                return bound
    raise _Bad("not a bound: write one of " + ", ".join(repr(b.value) for b in Bound))


def _text_of(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _Bad(f"a {type(value).__name__} is not text")


def _shown(value: object) -> str:
    return value if isinstance(value, str) else repr(value)


# ----------------------------------------------------------------------------- units


class _Units:
    """Units found by id, by the value of an identifier (a code), by name, or by the
    place a name or code means on the map of the day (through the geography)."""

    def __init__(self, tree: UnitTree | None) -> None:
        self.tree = tree
        self.codes: dict[str, list[str]] = {}
        self.names: dict[str, list[str]] = {}
        self.loose: dict[str, list[str]] = {}
        self.found: dict[tuple[str, Period | None], str] = {}
        if tree is None:
            return
        from danvan.geography import normalize_place_name

        for unit in tree:
            for code in unit.identifiers:
                self.codes.setdefault(code.value.strip(), []).append(unit.id)
            for name in (unit.name, *unit.other_names):
                self.names.setdefault(_key(name), []).append(unit.id)
                self.loose.setdefault(normalize_place_name(name), []).append(unit.id)

    def resolve(self, value: object, period: Period | None) -> str:
        text = _text_of(value).strip()
        key = (text, period)
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = self._resolve(text, period)
        return found

    @staticmethod
    def _one(ids: list[str], text: str, how: str) -> str:
        unique = list(dict.fromkeys(ids))
        if len(unique) > 1:
            listed = ", ".join(repr(one) for one in unique[:5])
            raise _Bad(f"{how} fits {len(unique)} units ({listed}); write the unit's id")
        return unique[0]

    def _resolve(self, text: str, period: Period | None) -> str:
        tree = self.tree
        if tree is None:
            if not text or any(char.isspace() or char == "/" for char in text):
                raise _Bad("not a unit id (pass tree= to find units by code or name)")
            return text
        if text in tree:
            return text
        if text in self.codes:
            return self._one(self.codes[text], text, "the code")
        ids = self.names.get(_key(text))
        if ids:
            return self._one(ids, text, "the name")
        from danvan.geography import find_place, normalize_place_name

        ids = self.loose.get(normalize_place_name(text))
        if ids:
            return self._one(ids, text, "the name")
        if period is not None:
            try:
                place = find_place(text, as_of=period.start)
            except DanvanError as exc:
                raise _Bad(f"no unit with this id, code or name ({exc})") from None
            ids = self.codes.get(place.code)
            if ids:
                return self._one(ids, text, f"the place {place.name} ({place.code})")
        raise _Bad("no unit with this id, code or name")


class _Indicators:
    def __init__(self, indicators: list[Indicator] | None) -> None:
        self.known: dict[str, str] | None = None
        if indicators is None:
            return
        known: dict[str, str] = {}
        for indicator in indicators:
            if not isinstance(indicator, Indicator):
                raise InvalidTypeError(f"indicators must be Indicators, not {indicator!r}")
            known[indicator.code] = indicator.code
        for indicator in indicators:
            known.setdefault(_key(indicator.name), indicator.code)
        self.known = known

    def resolve(self, value: object) -> str:
        text = _text_of(value).strip()
        if self.known is None:
            if not text or any(char.isspace() or char == "/" for char in text):
                raise _Bad("not an indicator code (pass indicators= to read names)")
            return text
        code = self.known.get(text) or self.known.get(_key(text))
        if code is None:
            raise _Bad("no such indicator among those given")
        return code


# ---------------------------------------------------------------------------- tables


@attrs.frozen
class _Table:
    """A sheet: its name, header, and rows as (row number, cells)."""

    sheet: str | None
    header: Sequence[object]
    rows: Iterable[tuple[int, Sequence[object]]]
    header_row: int


def _header_at(rows: list[Sequence[object]]) -> int | None:
    """The index of the first row that names a unit column, among the first ones."""
    for index, row in enumerate(rows):
        names = {_ALIASES.get(_key(cell)) for cell in row if isinstance(cell, str)}
        if "unit" in names or "unit_name" in names:
            return index
    return None


def _from_rows(sheet: str | None, rows: Iterator[Sequence[object]], first: int) -> _Table | None:
    head: list[Sequence[object]] = []
    for row in rows:
        head.append(row)
        if len(head) >= 20:
            break
    at = _header_at(head)
    if at is None:
        return None
    header = list(head[at])

    def numbered() -> Iterator[tuple[int, Sequence[object]]]:
        number = first + at
        for row in head[at + 1 :]:
            number += 1
            yield number, row
        for row in rows:
            number += 1
            yield number, row

    return _Table(sheet, header, numbered(), first + at)


def _csv_rows(reader: Any) -> Iterator[list[str]]:
    """The rows of a csv.reader, its errors (a quote left open at the end, a field over
    csv's size limit) as one-line InvalidValueErrors naming the row."""
    try:
        yield from reader
    except csv.Error as exc:
        raise InvalidValueError(
            f"the CSV text cannot be read at row {reader.line_num}: {exc}"
        ) from None


def _csv_tables(file: IO[str]) -> list[_Table]:
    sample = file.read(8192)
    lines = sample.splitlines()[:20]
    delimiter = max(",;\t", key=lambda mark: max((line.count(mark) for line in lines), default=0))
    # Universal newlines: a lone "\r" ends a row as "\n" and "\r\n" do (old Mac files).
    rest = io.StringIO(sample + file.read(), newline=None)
    table = _from_rows(None, _csv_rows(csv.reader(rest, delimiter=delimiter)), 1)
    if table is None:
        raise InvalidValueError("no header row naming a unit column in the first 20 rows")
    return [table]


def _openpyxl() -> Any:
    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError as exc:
        raise MissingDependencyError(
            f"reading and writing XLSX needs openpyxl, which is not installed; install it"
            f" with: {_XLSX_INSTALL}",
            package="openpyxl",
            install=_XLSX_INSTALL,
        ) from exc
    return openpyxl


def _xlsx_tables(path: Path, sheet: str | None) -> list[_Table]:
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors alike
        raise InvalidValueError(f"{str(path)!r} is not an XLSX workbook: {exc}") from exc
    names = book.sheetnames if sheet is None else [sheet]
    if sheet is not None and sheet not in book.sheetnames:
        raise InvalidValueError(f"no sheet {sheet!r} in {str(path)!r}: {book.sheetnames}")
    tables = []
    for name in names:
        rows = (list(row) for row in book[name].iter_rows(values_only=True))
        table = _from_rows(name, rows, 1)
        if table is not None:
            tables.append(table)
    if not tables:
        raise InvalidValueError(f"no sheet of {str(path)!r} has a header row naming a unit column")
    return tables


def _frame_tables(frame: Any) -> list[_Table]:
    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        header = [str(name) for name in frame.columns]
        rows = enumerate(frame.itertuples(index=False, name=None))
    elif module == "polars":
        header = list(frame.columns)
        rows = enumerate(frame.iter_rows())
    elif module == "pyarrow":
        header = list(frame.column_names)
        rows = enumerate(tuple(row.values()) for row in frame.to_pylist())
    else:
        raise InvalidTypeError(
            "expected a path to a CSV or XLSX file, a text file, or a pandas or polars"
            f" DataFrame, not {type(frame).__name__}: {shorten(frame)}"
        )
    if _header_at([header]) is None:
        raise InvalidValueError(f"no column names a unit: {header}")
    return [_Table(None, header, rows, -1)]


def _tables(source: object, sheet: str | None) -> tuple[list[_Table], str]:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx_tables(path, sheet), repr(str(path))
        if suffix in (".csv", ".txt", ".tsv"):
            with open(path, encoding="utf-8-sig", newline="") as file:
                return _csv_tables(file), repr(str(path))
        raise InvalidValueError(f"expected a .csv or .xlsx file, not {str(path)!r}")
    if isinstance(source, io.TextIOBase) or hasattr(source, "readline"):
        return _csv_tables(source), "the CSV text"  # type: ignore[arg-type]
    return _frame_tables(source), "the table"


# --------------------------------------------------------------------------- reading


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_observations(
    source: str | os.PathLike[str] | IO[str] | Any,
    /,
    *,
    tree: UnitTree | None = None,
    indicators: Iterable[Indicator] | None = None,
    period: Period | None = None,
    form: TableForm = "auto",
    sheet: str | None = None,
) -> list[Observation]:
    """Read figures (đọc số liệu) from a spreadsheet or a table, in row order.

    *source* is the path of a ``.csv`` or ``.xlsx`` file, an open text file of CSV, or a
    pandas, polars or pyarrow table. CSV is UTF-8 (a byte-order mark is allowed),
    separated by commas, semicolons or tabs (whichever a line of the first 20 has most
    of).
    The header row is the first of the first 20 rows that names a unit column; an XLSX
    workbook is read sheet by sheet (or only *sheet*), passing over sheets without
    such a row (an instructions sheet). See the module docs for the columns.

    Units are written as ids; with *tree*, also by the value of an identifier (the
    area code), by name or other name (any case, with or without accents), or by the
    name or code of the place they serve on the map of the period
    (:func:`~danvan.find_place`). With *indicators*, every indicator must be one of
    them, written by code or name. *period* is the period of every figure of a table
    without a period column.

    Every bad cell, an unknown unit, a figure given twice, raises one
    :class:`~danvan.SpreadsheetError` naming them all; nothing is returned then.

    >>> from danvan import Period
    >>> import io
    >>> wide = io.StringIO("unit;quy;ho_ngheo\\nxa-a;1.798.702.098;12\\nxa-b;;gần 20\\n")
    >>> [(o.unit_id, o.indicator, o.actual)
    ...  for o in read_observations(wide, period=Period.year(2024))]
    [('xa-a', 'quy', 1798702098), ('xa-a', 'ho_ngheo', 12), ('xa-b', 'ho_ngheo', 20)]
    >>> read_observations(io.StringIO("unit,indicator,period,value\\nxa,quy,2024,1.5\\n"))
    Traceback (most recent call last):
    ...
    danvan.errors.SpreadsheetError: 1 bad cell in the CSV text:
      row 2, column 'value': '1.5': a '.' groups thousands and must be followed by exactly
      three digits in '1.5' at position 1
    """
    if form not in ("auto", "long", "wide"):
        raise InvalidValueError(f"form must be 'auto', 'long' or 'wide', not {form!r}")
    if tree is not None and not isinstance(tree, UnitTree):
        raise InvalidTypeError(f"tree must be a UnitTree or None, not {tree!r}")
    if period is not None and not isinstance(period, Period):
        raise InvalidTypeError(f"period must be a Period or None, not {period!r}")
    if sheet is not None and not isinstance(sheet, str):
        raise InvalidTypeError(f"sheet must be a str or None, not {sheet!r}")
    units = _Units(tree)
    known = _Indicators(None if indicators is None else list(indicators))
    tables, what = _tables(source, sheet)
    problems: list[CellProblem] = []
    found: list[Observation] = []
    seen: dict[tuple[str, str, Period], int] = {}
    for table in tables:
        _read_table(table, form, period, units, known, problems, found, seen)
    if problems:
        raise SpreadsheetError.of_cells(problems, what)
    return found


def _read_table(
    table: _Table,
    form: TableForm,
    period: Period | None,
    units: _Units,
    known: _Indicators,
    problems: list[CellProblem],
    found: list[Observation],
    seen: dict[tuple[str, str, Period], int],
) -> None:
    columns: dict[str, int] = {}
    others: list[int] = []
    names = [_shown(cell).strip() if cell is not None else "" for cell in table.header]
    for index, name in enumerate(names):
        role = _ALIASES.get(_key(name)) if name else None
        if role is None or role in columns:
            if name:
                others.append(index)
            continue
        columns[role] = index
    wide = form == "wide" or (
        form == "auto" and "indicator" not in columns and "actual" not in columns
    )
    unit_column = columns.get("unit", columns.get("unit_name"))
    assert unit_column is not None

    def bad(row: int, column: int, cell: object, message: str) -> None:
        problems.append(
            CellProblem(
                sheet=table.sheet,
                row=row,
                column=names[column] if column < len(names) else _letter(column),
                text=_shown(cell),
                message=message,
            )
        )

    header_row = table.header_row
    if wide:
        targets: list[tuple[int, str]] = []
        for index in others:
            try:
                targets.append((index, known.resolve(names[index])))
            except _Bad as exc:
                bad(header_row, index, names[index], str(exc))
    else:
        for role in ("indicator", "actual"):
            if role not in columns:
                raise InvalidValueError(
                    f"a long table needs a {role if role == 'indicator' else 'value'} column"
                    f"{'' if table.sheet is None else f' (sheet {table.sheet!r})'}: {names}"
                )
    if "period" not in columns and period is None:
        raise InvalidValueError(
            "the table has no period column: pass period= (the period of every figure)"
        )

    def cell(row: Sequence[object], index: int) -> object:
        return _plain(row[index]) if index < len(row) else None

    for number, row in table.rows:
        if all(_plain(value) is None for value in row):
            continue
        before = len(problems)
        when = period
        if "period" in columns:
            raw = cell(row, columns["period"])
            if raw is None and period is None:
                bad(number, columns["period"], "", "no period")
            elif raw is not None:
                try:
                    when = _read_period(raw)
                except _Bad as exc:
                    bad(number, columns["period"], raw, str(exc))
        raw_unit = cell(row, unit_column)
        unit_id = None
        if raw_unit is None:
            bad(number, unit_column, "", "no unit")
        else:
            try:
                unit_id = units.resolve(raw_unit, when)
            except _Bad as exc:
                bad(number, unit_column, raw_unit, str(exc))
        figures: list[tuple[int, str | None, ExactNumber, Bound | None, dict[str, Any]]] = []
        if wide:
            for index, code in targets:
                raw = cell(row, index)
                if raw is None:
                    continue
                try:
                    figures.append((index, code, *_read_number(raw, bounded=True), {}))
                except _Bad as exc:
                    bad(number, index, raw, str(exc))
        else:
            fields: dict[str, Any] = {}
            code = None
            raw_code = cell(row, columns["indicator"])
            if raw_code is None:
                bad(number, columns["indicator"], "", "no indicator")
            else:
                try:
                    code = known.resolve(raw_code)
                except _Bad as exc:
                    bad(number, columns["indicator"], raw_code, str(exc))
            for role in ("target", "baseline", "stated_attainment", "stated_change"):
                if role in columns and (raw := cell(row, columns[role])) is not None:
                    try:
                        fields[role] = _read_number(raw, bounded=False)[0]
                    except _Bad as exc:
                        bad(number, columns[role], raw, str(exc))
            for role, reader in (
                ("baseline_period", _read_compared),
                ("bound", _read_bound),
                ("source", _text_of),
            ):
                if role in columns and (raw := cell(row, columns[role])) is not None:
                    try:
                        fields[role] = reader(raw)
                    except _Bad as exc:
                        bad(number, columns[role], raw, str(exc))
            raw = cell(row, columns["actual"])
            if raw is not None:
                try:
                    value, bound = _read_number(raw, bounded=True)
                    if bound is not None and fields.get("bound", bound) != bound:
                        raise _Bad(f"the bound {bound.value!r} disagrees with the bound column")
                    figures.append((columns["actual"], code, value, bound, fields))
                except _Bad as exc:
                    bad(number, columns["actual"], raw, str(exc))
        if len(problems) > before or unit_id is None or when is None:
            continue
        for index, code, value, bound, extra in figures:
            if code is None:
                continue
            fields = {"bound": bound, **extra} if bound is not None else dict(extra)
            try:
                observation = Observation(
                    indicator=code, unit_id=unit_id, period=when, actual=value, **fields
                )
            except DanvanError as exc:
                bad(number, index, row[index], str(exc))
                continue
            key = observation.key
            if key in seen:
                bad(
                    number, index, row[index], f"a second figure for this (first: row {seen[key]})"
                )
                continue
            seen[key] = number
            found.append(observation)


# --------------------------------------------------------------------------- writing

_HEADER: Final = (
    "Mã đơn vị",
    "Tên đơn vị",
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Đơn vị tính",
    "Kỳ báo cáo",
    "Kế hoạch",
    "Kết quả thực hiện",
)
_WIDTHS: Final = (16, 36, 24, 48, 14, 18, 18, 22)
_INSTRUCTIONS: Final = (
    "Hướng dẫn điền biểu",
    "Chỉ điền cột 'Kết quả thực hiện' (cột H); các cột khác đã khóa.",
    "Viết số như trong báo cáo: 1.798.702.098; 18,2; 108,39%; 3,8 tỷ.",
    "Có thể ghi kèm 'trên', 'gần', 'khoảng', 'ít nhất'…: trên 90%.",
    "Để trống ô của chỉ tiêu không có số liệu.",
)


def _whole(value: ExactNumber) -> int | None:
    """*value* as an int when it is whole and written without decimals, else None."""
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else None
    exponent = value.as_tuple().exponent
    return int(value) if isinstance(exponent, int) and exponent >= 0 else None


def _written(value: ExactNumber, percent: bool, bound: Bound | None = None) -> object:
    """A value as the template writes it: a whole number of up to 15 digits (what Excel
    keeps) as a number, everything else as text."""
    if not percent and bound is None:
        whole = _whole(value)
        if whole is not None and len(str(abs(whole))) <= _MAX_DIGITS:
            return whole
    try:
        text = format_percent(value, decimals=None) if percent else format_number(value)
    except DanvanError as exc:
        raise InvalidValueError(
            f"{value!r} cannot be written exactly in a spreadsheet ({exc})"
        ) from exc
    return text if bound is None else f"{bound.vietnamese} {text}"


def write_template(
    path: str | os.PathLike[str],
    /,
    *,
    units: Iterable[Unit],
    indicators: Iterable[Indicator],
    period: Period,
    targets: Iterable[Target] = (),
    observations: Iterable[Observation] = (),
) -> Path:
    """Write the XLSX collection template (biểu mẫu thu thập số liệu) to *path*.

    One sheet, "Số liệu", holds a block of rows per unit (in the order given), one row
    per indicator: the unit's id and name, the indicator's code, name and unit of
    measure, the period, the plan (from *targets*) and an empty value cell. Every cell
    but the values is locked (the sheet is protected, without a password), and the
    value cells carry a data validation: a number (at least 0 for counts) or, with a
    warning Excel lets the commune pass, a text such as "trên 90%". A second sheet,
    "Hướng dẫn", tells how to write figures. *observations* fill value cells already
    (a filled template written again): a whole number of up to 15 digits as a number,
    other values as text ("108,39", "108,39%" for an indicator counted in "%", "trên
    90%" with a bound), so that nothing is lost to Excel's 15 digits.

    Reading the file back with :func:`read_observations` gives the observations of the
    filled cells, with their plans, exactly. The file is written whole or not at all
    (a temporary file beside it, then moved over), and only a regular file is
    replaced. Ratio indicators are refused: communes report their parts.
    Needs the optional extra ``danvan[xlsx]``.

    >>> from danvan import Indicator, Level, Period, RollUp, Unit, UnitKind
    >>> write_template("x.xlsx", units=[], indicators=[], period=Period.year(2024))
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidValueError: a template needs at least one unit and one indicator
    """
    if not isinstance(period, Period):
        raise InvalidTypeError(f"period must be a Period, not {period!r}")
    unit_list = list(units)
    indicator_list = list(indicators)
    for unit in unit_list:
        if not isinstance(unit, Unit):
            raise InvalidTypeError(f"units must be Units, not {unit!r}")
    for indicator in indicator_list:
        if not isinstance(indicator, Indicator):
            raise InvalidTypeError(f"indicators must be Indicators, not {indicator!r}")
        if indicator.is_ratio:
            raise InvalidValueError(
                f"{indicator.code!r} is a ratio: put its numerator and denominator in the template"
            )
    if not unit_list or not indicator_list:
        raise InvalidValueError("a template needs at least one unit and one indicator")
    unit_ids = {unit.id for unit in unit_list}
    codes = {indicator.code for indicator in indicator_list}
    if len(unit_ids) < len(unit_list) or len(codes) < len(indicator_list):
        raise InvalidValueError("a unit or an indicator is given twice")
    plans: dict[tuple[str, str], ExactNumber] = {}
    for target in targets:
        if not isinstance(target, Target):
            raise InvalidTypeError(f"targets must be Targets, not {target!r}")
        _check_in(target.indicator, target.unit_id, target.period, codes, unit_ids, period)
        plans[(target.unit_id, target.indicator)] = target.value
    filled: dict[tuple[str, str], Observation] = {}
    for observation in observations:
        if not isinstance(observation, Observation):
            raise InvalidTypeError(f"observations must be Observations, not {observation!r}")
        _check_in(
            observation.indicator, observation.unit_id, observation.period, codes, unit_ids, period
        )
        filled[(observation.unit_id, observation.indicator)] = observation
        if observation.target is not None:
            plans.setdefault((observation.unit_id, observation.indicator), observation.target)
    openpyxl = _openpyxl()
    book = _template(openpyxl, unit_list, indicator_list, period, plans, filled)
    return write_whole(path, book.save)


def _check_in(
    code: str, unit_id: str, when: Period, codes: set[str], unit_ids: set[str], period: Period
) -> None:
    if code not in codes or unit_id not in unit_ids or when != period:
        raise InvalidValueError(
            f"the figure of {code!r} for {unit_id!r}, {when}, is not in the template"
            f" (its units, indicators and {period})"
        )


def _template(
    openpyxl: Any,
    units: list[Unit],
    indicators: list[Indicator],
    period: Period,
    plans: dict[tuple[str, str], ExactNumber],
    filled: dict[tuple[str, str], Observation],
) -> Any:
    styles = importlib.import_module("openpyxl.styles")
    Alignment, Font, PatternFill = styles.Alignment, styles.Font, styles.PatternFill
    Protection = styles.Protection
    DataValidation = importlib.import_module("openpyxl.worksheet.datavalidation").DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(list(_HEADER))
    bold = Font(bold=True)
    for column, width in enumerate(_WIDTHS):
        letter = _letter(column)
        sheet.column_dimensions[letter].width = width
        sheet[f"{letter}1"].font = bold
        sheet[f"{letter}1"].alignment = Alignment(wrap_text=True)
    sheet.freeze_panes = "A2"
    label = format_period(period)
    unlocked = Protection(locked=False)
    shade = PatternFill("solid", fgColor="FFF2CC")
    counts = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        errorStyle="warning",
        errorTitle="Kiểm tra số liệu",
        error="Số không âm; có thể ghi chữ như 'trên 1.000'. Giữ giá trị này?",
        promptTitle="Kết quả thực hiện",
        prompt="Số như 1.798.702.098 hoặc 18,2; có thể ghi 'trên', 'gần', 'khoảng'.",
    )
    percents = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="10",
        allow_blank=True,
        errorStyle="warning",
        errorTitle="Kiểm tra tỷ lệ",
        error="Tỷ lệ viết như 95% hoặc 108,39%. Giữ giá trị này?",
        promptTitle="Kết quả thực hiện (%)",
        prompt="Tỷ lệ như 95% hoặc 108,39%; có thể ghi 'trên 90%'.",
    )
    sheet.add_data_validation(counts)
    sheet.add_data_validation(percents)
    row = 1
    for unit in units:
        for indicator in indicators:
            row += 1
            percent = indicator.unit.strip() == "%"
            plan = plans.get((unit.id, indicator.code))
            seen = filled.get((unit.id, indicator.code))
            sheet.append(
                [
                    unit.id,
                    unit.name,
                    indicator.code,
                    indicator.name,
                    indicator.unit,
                    label,
                    None if plan is None else _written(plan, percent),
                    None if seen is None else _written(seen.actual, percent, seen.bound),
                ]
            )
            value = sheet.cell(row=row, column=8)
            value.protection = unlocked
            value.fill = shade
            if percent:
                value.number_format = "0.##%"
            (percents if percent else counts).add(value.coordinate)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    notes = book.create_sheet("Hướng dẫn")
    for line in _INSTRUCTIONS:
        notes.append([line])
    notes["A1"].font = bold
    notes.column_dimensions["A"].width = 90
    return book
