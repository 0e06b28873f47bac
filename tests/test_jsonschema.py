"""The JSON Schema of a dataset file agrees with what danvan writes and reads.

Every dataset :func:`~danvan.to_dict` writes is valid under the schema, and every
structural mutation of a valid dataset (a required field dropped, an unknown key, a float
where a number belongs, a wrong enum value, a string where an object belongs, a bad date,
a list where a string belongs) is refused by both the schema and
:func:`~danvan.from_dict`. The schema is checked with format assertion on, so that
"2021-02-30" is refused as a date.
"""

from __future__ import annotations

import copy
import enum
import functools
import json
import operator
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan import DataError, Indicator, from_dict, to_dict
from danvan import campaigns as campaigns_module
from danvan import dataset as dataset_module
from danvan import documents as documents_module
from danvan import grassroots as grassroots_module
from danvan import observations as observations_module
from danvan import periods as periods_module
from danvan import shares as shares_module
from danvan import units as units_module
from danvan._jsonschema import dataset_schema, document_schema
from danvan.dataset import Dataset
from danvan.documents import DocumentCode
from danvan.observations import Bound, Counting, RelativePeriod, RollUp
from danvan.serialize import SCHEMA
from tests.strategies import datasets, exact_values, periods

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "danvan" / "data" / "dataset.schema.json"
EXAMPLES = sorted((ROOT / "examples" / "data").glob("*.json"))
REGENERATE = (
    "python -c 'import json, pathlib; from danvan._jsonschema import dataset_schema;"
    ' pathlib.Path("src/danvan/data/dataset.schema.json").write_text(json.dumps('
    'dataset_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\\n",'
    ' encoding="utf-8")\''
)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _validator() -> Any:
    validator_class = jsonschema.Draft202012Validator
    return validator_class(dataset_schema(), format_checker=validator_class.FORMAT_CHECKER)


def _schema_problems(data: object) -> list[str]:
    return [
        f"{error.json_path}: {error.message}"[:300] for error in _validator().iter_errors(data)
    ]


# ----------------------------------------------------------------------- the schema


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The generated schema is valid under the draft 2020-12 meta-schema, declares that
    dialect, and names no real network address in its $id."""
    schema = dataset_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://danvan.invalid/")


def test_the_shipped_file_is_the_generated_schema() -> None:
    """src/danvan/data/dataset.schema.json is exactly the schema danvan generates now."""
    expected = json.dumps(dataset_schema(), ensure_ascii=False, indent=2, sort_keys=False)
    assert SHIPPED.read_text(encoding="utf-8") == expected + "\n", (
        f"the shipped schema is out of date; regenerate it with: {REGENERATE}"
    )


def test_the_generated_schema_is_deterministic() -> None:
    """Two generations give the same JSON text, with the definitions in sorted order."""
    first, second = dataset_schema(), dataset_schema()
    assert json.dumps(first) == json.dumps(second)
    assert list(first["$defs"]) == sorted(first["$defs"])


def test_the_top_level_names_the_conventions_and_the_type() -> None:
    """A dataset file must carry "$schema" (danvan's conventions) and "$type": "Dataset",
    and may carry no key that is not a field."""
    schema = dataset_schema()
    assert schema["properties"]["$schema"] == {"const": SCHEMA}
    assert schema["properties"]["$type"] == {"const": "Dataset"}
    assert schema["required"][:2] == ["$schema", "$type"]
    assert schema["additionalProperties"] is False


def _subschemas(node: object) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _subschemas(value)


def test_no_json_float_is_ever_a_number() -> None:
    """No part of the schema admits "number" (a binary float): exact numbers are integers
    or strings."""
    types = {str(node.get("type")) for node in _subschemas(dataset_schema())}
    assert "number" not in types
    assert {"integer", "string", "object", "array", "null", "boolean"} <= types


def test_every_reference_has_a_definition_and_every_definition_is_used() -> None:
    """Each "$ref" points at a definition, and no definition is left unreferenced."""
    schema = dataset_schema()
    refs = {node["$ref"] for node in _subschemas(schema) if "$ref" in node}
    assert refs == {f"#/$defs/{name}" for name in schema["$defs"]}


def _classes() -> dict[str, Any]:
    modules = (
        campaigns_module,
        dataset_module,
        documents_module,
        grassroots_module,
        observations_module,
        periods_module,
        shares_module,
        units_module,
    )
    return {
        name: value
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, type) and value.__module__ == module.__name__
    }


def test_each_definition_mirrors_its_class() -> None:
    """Oracle from attrs itself: the definition of a class lists its init fields as
    properties, in order, and as required exactly those without a default; the
    definition of an enum lists its values."""
    classes = _classes()
    for name, definition in dataset_schema()["$defs"].items():
        cls = classes[name]
        if cls is DocumentCode:
            assert definition["type"] == "string"
        elif issubclass(cls, enum.Enum):
            assert definition["enum"] == [member.value for member in cls]
        else:
            fields = [field for field in attrs.fields(cls) if field.init]
            assert list(definition["properties"]) == [field.name for field in fields]
            assert definition["required"] == [
                field.name for field in fields if field.default is attrs.NOTHING
            ]
            assert definition["additionalProperties"] is False


class _Colour(enum.Enum):
    RED = 1


@attrs.frozen
class _WithFloat:
    share: float


@attrs.frozen
class _WithMapping:
    counts: tuple[dict[str, int], ...]


@attrs.frozen
class _WithPair:
    pair: tuple[int, int]


@attrs.frozen
class _WithNumberEnum:
    colour: _Colour | None


@pytest.mark.parametrize(
    ("cls", "where"),
    [
        (_WithFloat, "_WithFloat.share"),
        (_WithMapping, "_WithMapping.counts"),
        (_WithPair, "_WithPair.pair"),
        (_WithNumberEnum, "_WithNumberEnum.colour"),
    ],
)
def test_a_type_the_schema_cannot_express_is_a_type_error(cls: type, where: str) -> None:
    """A field of an unsupported type never slips through: TypeError names the class
    and the field."""
    with pytest.raises(TypeError, match=where):
        document_schema(cls)


# ------------------------------------------------------------- what danvan writes


@st.composite
def _datasets_with_every_field(draw: st.DrawFn) -> Dataset:
    """datasets(), with the fields its strategy leaves at their defaults filled in:
    stated figures and comparison periods of observations, counting of indicators, and a
    ratio of two of its indicators."""
    dataset = draw(datasets())
    observations = []
    for seen in dataset.observations:
        others = periods.filter(functools.partial(operator.ne, seen.period))
        observations.append(
            attrs.evolve(
                seen,
                bound=draw(st.none() | st.sampled_from(Bound)),
                stated_attainment=draw(st.none() | exact_values.filter(lambda v: v >= 0)),
                stated_change=draw(st.none() | exact_values),
                baseline_period=draw(st.none() | st.sampled_from(RelativePeriod) | others),
            )
        )
    indicators = [
        indicator
        if indicator.is_ratio
        else attrs.evolve(indicator, counting=draw(st.none() | st.sampled_from(Counting)))
        for indicator in dataset.indicators
    ]
    if len(indicators) >= 2 and not any(part.is_ratio for part in indicators[:2]):
        # The parts of a ratio must add up over units.
        indicators[:2] = [attrs.evolve(part, roll_up=RollUp.SUM) for part in indicators[:2]]
        numerator, denominator = indicators[:2]
        code = f"{numerator.code}.per.{denominator.code}"
        if code not in {indicator.code for indicator in indicators}:
            indicators.append(
                Indicator(
                    code=code,
                    name="Tỷ lệ",
                    unit="%",
                    numerator=numerator.code,
                    denominator=denominator.code,
                    factor=draw(st.integers(1, 1000)),
                )
            )
    return attrs.evolve(dataset, indicators=tuple(indicators), observations=tuple(observations))


@FAST
@given(datasets())
def test_every_dataset_danvan_writes_is_valid(dataset: Dataset) -> None:
    """to_dict of any consistent dataset validates against the schema."""
    assert _schema_problems(to_dict(dataset)) == []


@FAST
@given(_datasets_with_every_field())
def test_every_field_danvan_writes_is_valid(dataset: Dataset) -> None:
    """to_dict of datasets using every optional field (stated figures, relative and
    absolute comparison periods, ratios, counting) validates against the schema."""
    assert _schema_problems(to_dict(dataset)) == []


# -------------------------------------------------------------------------- mutations

BAD_DATES = ("2021-13-01", "2021-02-30", "19/05/2021", "2021-5-19", "")
FLOATS = (0.5, 108.39, -1.25)


@attrs.frozen
class _Site:
    """Where and how a valid document can be broken: *kind* applied at *path*."""

    path: tuple[str | int, ...]
    kind: str
    where: str  # the class and field, to cover each once


def _sites(value: object, path: tuple[str | int, ...] = ()) -> Iterator[_Site]:
    """The sites of the attrs instance *value*, found from the instance (its fields and
    the runtime types of their values), not from the schema under test."""
    cls: Any = type(value)
    yield _Site(path, "unknown key", cls.__name__)
    for field in attrs.fields(cls):
        if not field.init:
            continue
        where = f"{cls.__name__}.{field.name}"
        if field.default is attrs.NOTHING:
            yield _Site((*path, field.name), "drop", where)
        yield from _value_sites(getattr(value, field.name), (*path, field.name), where)


def _value_sites(value: object, path: tuple[str | int, ...], where: str) -> Iterator[_Site]:
    if value is None:
        return
    if isinstance(value, bool):
        yield _Site(path, "text for a boolean", where)
    elif isinstance(value, enum.Enum):
        yield _Site(path, "wrong enum value", where)
    elif isinstance(value, (int, Decimal, Fraction)):
        yield _Site(path, "float", where)
    elif isinstance(value, date):
        yield _Site(path, "bad date", where)
    elif isinstance(value, (str, DocumentCode)):
        yield _Site(path, "list for a string", where)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _value_sites(item, (*path, index), f"{where}[]")
    elif attrs.has(type(value)):
        yield _Site(path, "string for an object", where)
        yield from _sites(value, path)
    else:
        raise AssertionError(f"{where}: no mutation for {value!r}")


def _top_sites(dataset: Dataset) -> list[_Site]:
    return [
        _Site(("$schema",), "drop", "$schema"),
        _Site(("$type",), "drop", "$type"),
        *_sites(dataset),
    ]


def _mutated(data: dict[str, Any], site: _Site, variant: int) -> dict[str, Any]:
    """A copy of *data* broken at *site*; *variant* picks among bad values."""
    broken = copy.deepcopy(data)
    parent: Any = broken
    if site.kind == "unknown key":
        for step in site.path:
            parent = parent[step]
        parent["colour"] = "đỏ"
        return broken
    for step in site.path[:-1]:
        parent = parent[step]
    last = site.path[-1]
    replacement: object = {
        "text for a boolean": "true",
        "wrong enum value": "not_a_known_value",
        "float": FLOATS[variant % len(FLOATS)],
        "bad date": BAD_DATES[variant % len(BAD_DATES)],
        "list for a string": ["08-CT/ThU"],
        "string for an object": "quý I/2023",
    }.get(site.kind)
    if site.kind == "drop":
        del parent[last]
    else:
        assert replacement is not None, site
        parent[last] = replacement
    return broken


def _assert_both_refuse(data: dict[str, Any], site: _Site, variant: int) -> None:
    broken = _mutated(data, site, variant)
    assert _validator().is_valid(broken) is False, f"the schema accepts {site}"
    with pytest.raises(DataError):
        from_dict(broken)


def _assert_both_accept(data: dict[str, Any]) -> Dataset:
    assert _schema_problems(data) == []
    return from_dict(data, Dataset)


@FAST
@given(datasets() | _datasets_with_every_field(), st.data())
def test_a_mutated_dataset_is_refused_by_schema_and_reader(
    dataset: Dataset, data: st.DataObject
) -> None:
    """Break a valid dataset at one place found from its objects: the schema and
    from_dict both refuse it (and from_dict only with a DataError)."""
    document = to_dict(dataset)
    _assert_both_accept(document)
    site = data.draw(st.sampled_from(_top_sites(dataset)), label="site")
    _assert_both_refuse(document, site, data.draw(st.integers(0, 15), label="variant"))


def _example(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if document.get("$schema") != SCHEMA:
        pytest.skip(
            f"{path.name} is of schema {document.get('$schema')!r} and danvan reads"
            f" {SCHEMA!r}: not migrated yet"
        )
    return document


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_an_example_dataset_is_valid(path: Path) -> None:
    """Each example file of the current schema is accepted by the schema and by
    from_dict."""
    _assert_both_accept(_example(path))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_every_kind_of_break_in_an_example_is_refused(path: Path) -> None:
    """Each kind of break at each field of each class found in an example file (the
    first place it occurs) is refused by both the schema and from_dict."""
    document = _example(path)
    seen: set[tuple[str, str]] = set()
    for site in _top_sites(_assert_both_accept(document)):
        if (site.where, site.kind) not in seen:
            seen.add((site.where, site.kind))
            _assert_both_refuse(document, site, len(seen))
    kinds = {kind for _, kind in seen}
    assert {"drop", "unknown key", "float", "wrong enum value", "bad date"} <= kinds
    assert {"list for a string", "string for an object"} <= kinds
