"""Danvan's objects as plain data and JSON (tuần tự hóa).

:func:`to_dict` turns any of danvan's value objects (a :class:`~danvan.Unit`, a
:class:`~danvan.Period`, a whole :class:`~danvan.Dataset`, …) into plain dicts, lists,
strings and numbers, and :func:`from_dict` turns them back, checking every field.
:func:`to_json` and :func:`from_json` do the same through JSON text.

The conventions, the same everywhere: enums by their value; dates in ISO form
(``"2021-05-19"``); ``Decimal`` as a string (``"108.39"``, so no binary float ever
touches a figure) and ``Fraction`` as ``"19/21"``; document codes in their canonical
form (``"08-CT/ThU"``); tuples as lists. The top-level dict names its type and the
schema version: ``{"$schema": "danvan/2", "$type": "Unit", ...}``. Files of the
0.1 schema, ``"danvan/1"``, are read too: :func:`upgrade` brings them to the current one.
:func:`json_schema` gives the JSON Schema of a dataset file, for API clients.

>>> from danvan import Level, Unit, UnitKind
>>> unit = Unit(id="hl", name="Thị ủy Hồng Lĩnh", kind=UnitKind.PARTY_COMMITTEE,
...             level=Level.DISTRICT)
>>> data = to_dict(unit)
>>> data["$type"], data["kind"], data["level"]
('Unit', 'party_committee', 'district')
>>> from_dict(data) == unit
True

Bad data raises one :class:`~danvan.DataError` that lists every bad field by its path:

>>> from_dict({"$schema": "danvan/2", "$type": "Unit", "id": "hl", "name": "x",
...            "kind": "thị ủy", "level": "district", "founded": "2021-13-01"})
Traceback (most recent call last):
...
danvan.errors.DataError: 2 problems in the Unit data:
  $.kind: 'thị ủy' is not a known UnitKind
  $.founded: '2021-13-01' is not a date in ISO form (YYYY-MM-DD)

The converter is danvan's own (cattrs advises against hooks on the global one); it is
built on first use, so ``import danvan`` does not import cattrs.
"""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, TypeVar, Union

from danvan._plain import number_text
from danvan.errors import DanvanError, DataError, InvalidTypeError

if TYPE_CHECKING:
    import cattrs

    from danvan.dataset import Dataset
    from danvan.validation import Problem

__all__ = [
    "SCHEMA",
    "default_dataset",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dict",
    "to_json",
    "upgrade",
]

#: The schema written into every document; documents of the older schemas in
#: :data:`READABLE` are read too, through :func:`upgrade`.
SCHEMA: Final = "danvan/2"
READABLE: Final = ("danvan/1", "danvan/2")

T = TypeVar("T")

_FRACTION_RE: Final = re.compile(r"-?[0-9]+/[0-9]+")
# What Decimal() would also read but a JSON document should not hold: "1_000", " 1.5 ",
# "+1.5", ".5", other scripts' digits. The JSON Schema's pattern is the same.
_DECIMAL_RE: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_converter: cattrs.Converter | None = None
_PERIOD_MEMO: Final = 4096  # distinct periods kept by the reader, at most


def _types() -> dict[str, type]:
    """The classes that :func:`to_dict` writes and :func:`from_dict` reads, by name."""
    from danvan import periods, units
    from danvan._hooks import SERIALISABLE

    classes: list[type] = [units.Unit, periods.Period, *SERIALISABLE]
    return {cls.__name__: cls for cls in classes}


# ------------------------------------------------------------------------------ hooks


def _structure_date(value: object, _: type) -> date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date in ISO form (YYYY-MM-DD)")


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str) and _DECIMAL_RE.fullmatch(value):
        try:
            result = Decimal(value)
        except InvalidOperation:
            pass
        else:
            if result.is_finite():
                return result
    if isinstance(value, float):
        raise ValueError(f"{value!r} is a binary float; write exact decimals as strings")
    raise ValueError(f"{value!r} is not a decimal number")


def _structure_fraction(value: object, _: type) -> Fraction:
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, str) and _FRACTION_RE.fullmatch(value):
        numerator, denominator = value.split("/")
        if int(denominator):
            return Fraction(int(numerator), int(denominator))
    raise ValueError(f"{value!r} is not a fraction such as '19/21'")


def _structure_exact(value: object, _: type) -> int | Decimal | Fraction:
    """An exact number: a JSON int, a decimal string, or a fraction string."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and "/" in value:
        return _structure_fraction(value, Fraction)
    return _structure_decimal(value, Decimal)


def _unstructure_exact(value: int | Decimal | Fraction) -> int | str:
    return number_text(value)


def _structure_optional_exact(value: object, _: type) -> int | Decimal | Fraction | None:
    return None if value is None else _structure_exact(value, type(value))


def _unstructure_optional_exact(value: int | Decimal | Fraction | None) -> int | str | None:
    return None if value is None else _unstructure_exact(value)


def _structure_str(value: object, cls: type[str]) -> str:
    if cls is not str:  # a str-valued enum: by its value
        return cls(value)
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    return value


def _unstructure_str(value: str) -> str:
    # danvan's enums are str-valued: cattrs would take them for plain strings.
    return value.value if isinstance(value, enum.Enum) else value


def _structure_int(value: object, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{value!r} is not a whole number")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not true or false")
    return value


def _structure_period_or_relative(value: object, _: type) -> object:
    """``Observation.baseline_period``: a Period (an object), a RelativePeriod (its value)
    or None."""
    if value is None:
        return None
    from danvan.observations import RelativePeriod
    from danvan.periods import Period

    if isinstance(value, str):
        return RelativePeriod(value)
    return _get_converter().structure(value, Period)


def _period_hook(converter: cattrs.Converter) -> Any:
    """Periods read once per distinct value: the figures of a file share a few periods,
    and a Period cannot change, so they share the object too (less time and memory)."""
    from danvan.periods import Period

    inner = _object_hook(Period, converter)
    seen: dict[tuple[object, object, object], object] = {}

    def structure(value: object, type_: Any) -> Any:
        if isinstance(value, dict) and len(value) == 3:
            try:
                key = (value["start"], value["end"], value["kind"])
            except KeyError:
                return inner(value, type_)
            if all(type(part) is str for part in key):
                found = seen.get(key)
                if found is None:
                    found = inner(value, type_)
                    if len(seen) >= _PERIOD_MEMO:
                        seen.clear()
                    seen[key] = found
                return found
        return inner(value, type_)

    return structure


def _unstructure_period_or_relative(value: object) -> object:
    if value is None or isinstance(value, enum.Enum):
        return _unstructure_str(value) if value is not None else None  # type: ignore[arg-type]
    return _get_converter().unstructure(value)


def _object_hook(cls: Any, converter: cattrs.Converter) -> Any:
    """cattrs' own hook for an attrs class, but only a dict (a JSON object) makes one."""
    from cattrs.gen import make_dict_structure_fn

    inner = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def structure(value: object, type_: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError(f"{_short(value)} is not an object (a {cls.__name__})")
        return inner(value, type_)

    return structure


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _make_converter() -> cattrs.Converter:
    import attrs
    import cattrs

    from danvan._hooks import register_hooks
    from danvan.dataset import Dataset
    from danvan.observations import RelativePeriod
    from danvan.periods import Period

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(
        Fraction, lambda value: f"{value.numerator}/{value.denominator}"
    )
    converter.register_structure_hook(Fraction, _structure_fraction)
    # cattrs would turn 1.5 into "1.5", or "12" into 12, where a field asks for another
    # type: here a value must already be of the JSON type its field asks for.
    converter.register_structure_hook(str, _structure_str)
    converter.register_unstructure_hook(str, _unstructure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    exact_types: tuple[Any, ...] = (Union[int, Decimal, Fraction], Union[int, Decimal])  # noqa: UP007
    optional_types: tuple[Any, ...] = (
        Union[int, Decimal, Fraction, None],  # noqa: UP007
        Union[int, Decimal, None],  # noqa: UP007
    )
    for exact in exact_types:
        converter.register_structure_hook(exact, _structure_exact)
        converter.register_unstructure_hook(exact, _unstructure_exact)
    for optional in optional_types:
        converter.register_structure_hook(optional, _structure_optional_exact)
        converter.register_unstructure_hook(optional, _unstructure_optional_exact)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    relative: Any = Union[Period, RelativePeriod, None]  # noqa: UP007
    converter.register_structure_hook(relative, _structure_period_or_relative)
    converter.register_unstructure_hook(relative, _unstructure_period_or_relative)
    register_hooks(converter)
    converter.register_structure_hook_factory(
        lambda cls: attrs.has(cls) and cls is not Dataset, _object_hook
    )
    converter.register_structure_hook(Period, _period_hook(converter))  # after the factory
    return converter


def _is_homogeneous_tuple(type_: object) -> bool:
    args: tuple[object, ...] = getattr(type_, "__args__", ())
    return getattr(type_, "__origin__", None) is tuple and len(args) == 2 and args[1] is ...


def _tuple_hook(type_: Any, converter: cattrs.Converter) -> Any:
    """cattrs' own tuple hook, but a string is not a list of its letters."""
    from cattrs.cols import homogenous_tuple_structure_factory

    inner = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: object, cls: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"{value!r} is not a list")
        return inner(value, cls)

    return structure


def _get_converter() -> cattrs.Converter:
    global _converter
    if _converter is None:
        _converter = _make_converter()
    return _converter


# ------------------------------------------------------------------------------ public


def to_dict(value: object, /) -> dict[str, Any]:
    """Turn a danvan object into plain data (inverse: :func:`from_dict`).

    >>> from danvan import Period
    >>> to_dict(Period.quarter(2023, 1))  # doctest: +NORMALIZE_WHITESPACE
    {'$schema': 'danvan/2', '$type': 'Period', 'start': '2023-01-01',
     'end': '2023-03-31', 'kind': 'quarter'}
    """
    name = type(value).__name__
    if _types().get(name) is not type(value):
        raise DataError(f"danvan cannot serialise a {name}: {value!r}"[:300])
    data = _get_converter().unstructure(value)
    return {"$schema": SCHEMA, "$type": name, **data}


def from_dict(data: object, cls: type[T] | None = None, /) -> T:
    """Build a danvan object from plain data (inverse: :func:`to_dict`).

    The type comes from the ``"$type"`` key, or from *cls* when it is given (then the
    two must agree). Every problem is collected into one :class:`~danvan.DataError`.

    Documents of the schema "danvan/1" are upgraded first (see :func:`upgrade`).

    >>> from danvan import Period
    >>> from_dict({"$schema": "danvan/2", "$type": "Period", "start": "2023-01-01",
    ...            "end": "2023-03-31", "kind": "quarter"}) == Period.quarter(2023, 1)
    True
    """
    return _from_dict(data, cls, owned=False)


def _from_dict(data: object, cls: type[T] | None, *, owned: bool) -> T:
    """:func:`from_dict`; with *owned*, *data* is the caller's own to change."""
    if not isinstance(data, dict):
        raise DataError(f"expected a dict (a JSON object), not {type(data).__name__}")
    types = _types()
    schema = data.get("$schema")
    if not isinstance(schema, str) or schema not in READABLE:
        raise DataError(f"$.$schema: expected {SCHEMA!r}, not {schema!r}")
    if schema != SCHEMA:
        if owned:
            from danvan._upgrade import upgrade_v1

            data = upgrade_v1(data, in_place=True)
        else:
            data = upgrade(data)
    name = data.get("$type")
    if cls is not None:
        if name is not None and name != cls.__name__:
            raise DataError(f"$.$type: expected {cls.__name__!r}, not {name!r}")
        name = cls.__name__
    if not isinstance(name, str) or name not in types:
        raise DataError(f"$.$type: {name!r} is not a type danvan reads")
    odd = [key for key in data if not isinstance(key, str)]
    if odd:
        raise DataError(f"$: keys must be strings, not {', '.join(map(repr, odd))}")
    fields = {key: value for key, value in data.items() if key not in ("$schema", "$type")}
    return _structure(fields, types[name])  # type: ignore[return-value]


def _problems_of(exc: BaseException, path: str) -> list[str]:
    """The one-line problems of a cattrs error, each starting with its path."""
    import cattrs

    if isinstance(exc, cattrs.BaseValidationError):
        return [
            _path_first(problem)
            for problem in cattrs.transform_error(exc, path=path, format_exception=_describe)
        ]
    if isinstance(exc, DataError):
        return [f"{path}: {problem}" if path != "$" else problem for problem in exc.problems]
    return [f"{path}: {_describe(exc, None)}"]


def _structure_dataset(fields: dict[str, Any]) -> object:
    """A Dataset, field by field and record by record, so that every unreadable record
    and every broken reference among the readable ones is reported at once."""
    import typing

    import attrs

    from danvan import dataset
    from danvan.validation import reference_problems

    converter = _get_converter()
    hints = typing.get_type_hints(dataset.Dataset)
    problems: list[str] = []
    built: dict[str, Any] = {}
    complete: set[str] = set()
    # Where each readable record of a list stands in the document, for the paths of
    # reference problems when an earlier record of the list could not be read.
    places: dict[str, list[int]] = {}
    names = [field.name for field in attrs.fields(dataset.Dataset) if field.init]
    unknown = sorted(str(key) for key in fields if key not in names)
    for field in attrs.fields(dataset.Dataset):
        if not field.init:
            continue
        name, path = field.name, f"$.{field.name}"
        if name not in fields:
            if field.default is attrs.NOTHING:
                problems.append(f"{path}: required field missing")
            else:
                complete.add(name)
            continue
        value, kind = fields[name], hints[name]
        args = typing.get_args(kind)
        if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is ...:
            if not isinstance(value, list):
                problems.append(f"{path}: {_short(value)} is not a list")
                continue
            items = []
            places[name] = []
            for index, item in enumerate(value):
                try:
                    items.append(converter.structure(item, args[0]))
                    places[name].append(index)
                except Exception as exc:
                    problems += _problems_of(exc, f"{path}[{index}]")
            if len(items) == len(value):
                complete.add(name)
            built[name] = tuple(items)
        else:
            try:
                built[name] = converter.structure(value, kind)
            except Exception as exc:
                problems += _problems_of(exc, path)
    if unknown:
        problems.append(f"$: unknown fields {', '.join(map(_key_name, unknown))}")
    if problems:  # the broken references among the records that could be read, too
        lists = ("units", "directives", "campaigns", "models", "indicators", "targets")
        problems += [
            _in_document(problem, places)
            for problem in reference_problems(
                **{
                    name: built.get(name, ())
                    for name in (
                        *lists,
                        "observations",
                        "dialogues",
                        "supervisions",
                        "boards",
                        "shares",
                    )
                },
                complete=complete,
            )
        ]
        raise DataError.of(problems, "the dataset")
    # Every record was read: building the dataset reports every broken reference.
    try:
        return dataset.Dataset(**built)
    except DataError:
        raise
    except DanvanError as exc:
        raise DataError(f"$: {exc}", problems=[f"$: {exc}"]) from exc


_LIST_INDEX_RE: Final = re.compile(r"\$\.(\w+)\[([0-9]+)\]")


def _in_document(problem: Problem, places: dict[str, list[int]]) -> str:
    """The problem, its path's index among the readable records of a list replaced by
    the record's index in the document."""
    match = _LIST_INDEX_RE.match(problem.path)
    if match is None or match.group(1) not in places:
        return str(problem)
    name, index = match.group(1), places[match.group(1)][int(match.group(2))]
    return f"$.{name}[{index}]{problem.path[match.end() :]}: {problem.message}"


def _structure(fields: dict[str, Any], cls: type) -> object:
    import cattrs

    from danvan.dataset import Dataset

    if cls is Dataset:
        return _structure_dataset(fields)
    try:
        return _get_converter().structure(fields, cls)
    except cattrs.BaseValidationError as exc:
        if len(exc.exceptions) == 1 and isinstance(exc.exceptions[0], DataError):
            raise exc.exceptions[0] from None  # a dataset's own check, with its paths
        problems = cattrs.transform_error(exc, path="$", format_exception=_describe)
        lines = [_path_first(problem) for problem in problems]
        count = "1 problem" if len(lines) == 1 else f"{len(lines)} problems"
        raise DataError(
            f"{count} in the {cls.__name__} data:\n  " + "\n  ".join(lines), problems=lines
        ) from exc
    except DataError:  # a dataset's own check, with its paths
        raise
    except DanvanError as exc:  # a check across fields, after every field was read
        raise DataError(f"$: {exc}", problems=[f"$: {exc}"]) from exc


def _describe(exc: BaseException, type_: object) -> str:
    """One message for one bad field (cattrs calls this for each)."""
    import cattrs

    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown fields {', '.join(map(_key_name, sorted(map(str, exc.extra_fields))))}"
    message = str(exc)
    # The Enum constructor says "'x' is not a valid Kind"; say "known", as the docs do.
    return message.replace(" is not a valid ", " is not a known ")


def _key_name(key: str) -> str:
    """A key as a problem names it: as written when it is plain, quoted when it is empty
    or holds a space, a line break or another character that does not print (a problem
    is one line)."""
    return key if key and key.isprintable() and " " not in key else repr(key)


def _path_first(problem: str) -> str:
    message, _, path = problem.rpartition(" @ ")
    return f"{path}: {message}" if message else problem


def to_json(value: object, /, *, indent: int | None = 2) -> str:
    """The JSON text of :func:`to_dict` (inverse: :func:`from_json`).

    Vietnamese stays readable (no ``\\u`` escapes).

    >>> from danvan import Period
    >>> print(to_json(Period.year(2021)))
    {
      "$schema": "danvan/2",
      "$type": "Period",
      "start": "2021-01-01",
      "end": "2021-12-31",
      "kind": "year"
    }
    """
    return json.dumps(to_dict(value), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T] | None = None, /) -> T:
    """Read JSON text written by :func:`to_json` (inverse of it).

    Numbers with a fraction part in the JSON are refused: write exact decimals as
    strings, as :func:`to_json` does. So is an object that gives one key twice (JSON
    leaves its meaning open). Anything but a str or bytes raises
    :class:`~danvan.InvalidTypeError`.

    >>> from danvan import Period
    >>> from_json(to_json(Period.year(2021))) == Period.year(2021)
    True
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")  # JSON documents are UTF-8 (RFC 8259)
        except UnicodeDecodeError as exc:
            raise DataError(f"not JSON: the bytes are not UTF-8 ({exc.reason})") from exc
    if not isinstance(text, str):
        raise InvalidTypeError(
            f"expected JSON text (a str or bytes), not {type(text).__name__}: {_short(text)}"
        )
    repeats: list[_Object] = []
    try:
        data = json.loads(text, parse_float=_JSONFloat, object_pairs_hook=_object_reader(repeats))
    except json.JSONDecodeError as exc:
        raise DataError(f"not JSON: {exc}") from exc
    except ValueError as exc:  # an integer longer than Python converts
        raise DataError(f"not readable JSON: {exc}") from exc
    except RecursionError as exc:
        raise DataError("not readable JSON: nested too deeply") from exc
    if isinstance(data, _JSONFloat):
        raise DataError(f"the JSON number {data!r} is a binary float; write exact decimals")
    if not repeats:
        return _from_dict(data, cls, owned=True)  # nobody else holds what json.loads made
    # A key given twice and every problem of the fields are reported together.
    duplicates = list(_duplicates(data, "$"))
    try:
        from_dict(data, cls)
    except DataError as exc:
        duplicates += [problem for problem in exc.problems if problem not in duplicates]
    raise DataError.of(duplicates, "the JSON text")


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    __slots__ = ("repeated",)
    repeated: list[str]


def _object_reader(repeats: list[_Object]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` that notes in *repeats* the objects that repeat a key."""

    def read(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        marked = _Object(result)
        marked.repeated = sorted(key for key, count in counts.items() if count > 1)
        repeats.append(marked)
        return marked

    return read


def _duplicates(data: object, path: str) -> Iterator[str]:
    """ "$.units[2]: the key 'id' is given twice", for every object that repeats a key."""
    stack: list[tuple[object, str]] = [(data, path)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            for key in getattr(value, "repeated", ()):
                yield f"{where}: the key {key!r} is given more than once"
            stack += [(item, f"{where}.{_key_name(key)}") for key, item in reversed(value.items())]
        elif isinstance(value, list):
            stack += [(item, f"{where}[{i}]") for i, item in reversed(list(enumerate(value)))]


class _JSONFloat(float):
    """A JSON number with a fraction part or an exponent, as written: every field refuses
    it ("1.5 is a binary float"), and its repr is the text of the document."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> _JSONFloat:
        number = super().__new__(cls, text)
        number.text = text
        return number

    def __repr__(self) -> str:
        return self.text


def upgrade(data: dict[str, Any], /) -> dict[str, Any]:
    """A copy of the plain data of an older schema in the current one ("danvan/2").

    :func:`from_dict` and :func:`from_json` call it for every document of an older
    schema, so files written by danvan 0.1 keep loading. From "danvan/1" it turns the
    0.1 conventions (indicator codes ending ``.attainment`` or ``.change``, descriptions
    beginning ``Numerator of``/``Denominator of``) into the fields that now say the same
    (``stated_attainment``, ``stated_change``, ratio indicators); see
    ``danvan/_upgrade.py``. A document of the current schema is returned as a copy.

    >>> old = {"$schema": "danvan/1", "$type": "Period", "start": "2021-01-01",
    ...        "end": "2021-12-31", "kind": "year"}
    >>> upgrade(old)["$schema"], old["$schema"]
    ('danvan/2', 'danvan/1')
    """
    import copy

    from danvan._upgrade import upgrade_v1

    if not isinstance(data, dict):
        raise InvalidTypeError(f"expected a dict (a JSON object), not {type(data).__name__}")
    schema = data.get("$schema")
    if schema == SCHEMA:
        return copy.deepcopy(data)
    if schema == "danvan/1":
        return upgrade_v1(data)
    raise DataError(f"$.$schema: expected one of {', '.join(READABLE)}, not {schema!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a dataset file of the current schema.

    API clients can check a file before they send it; this is the file shipped as
    ``danvan/data/dataset.schema.json`` (made from danvan's classes by
    ``danvan/_jsonschema.py``; a test keeps the two equal), a new dict at every call.
    It checks the shape of the data (fields, types, exact numbers written as strings,
    enum values), not what only the whole dataset can tell (references, lifetimes:
    :meth:`Dataset.validate <danvan.Dataset.validate>`).

    >>> schema = json_schema()
    >>> schema["properties"]["$schema"]["const"], "Observation" in schema["$defs"]
    ('danvan/2', True)
    """
    from importlib import resources

    text = (
        resources.files("danvan")
        .joinpath("data")
        .joinpath("dataset.schema.json")
        .read_text("utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


_DEFAULT_DATASET: Final = "hong_linh_2021.json"


@functools.cache
def default_dataset() -> Dataset:
    """The dataset bundled with danvan (bộ dữ liệu mẫu): the 2021 mass-mobilisation
    work of Hồng Lĩnh town, Hà Tĩnh, with its "Dân vận khéo" models, the share of its
    plan and the change from 2020 as the report states them (a copy of
    ``examples/data/hong_linh_2021.json``; see ``danvan/data/SOURCE.md``).

    >>> (models,) = default_dataset().observations_of("models.recognised_and_commended")
    >>> models.actual, models.stated_attainment, models.stated_change
    (70, Decimal('0.73'), Decimal('0.17'))
    """
    from importlib import resources

    from danvan.dataset import Dataset

    raw = resources.files("danvan").joinpath("data").joinpath(_DEFAULT_DATASET).read_bytes()
    dataset: Dataset = from_json(raw, Dataset)
    return dataset
