"""JSON Schema of a dataset file (lược đồ JSON).

:func:`dataset_schema` describes in JSON Schema (draft 2020-12) the JSON that
:func:`~danvan.to_json` writes for a :class:`~danvan.Dataset`, so that an editor or a
program in another language can check a file before danvan reads it. The schema is built
by walking the attrs classes of a dataset: a new field is in the schema as soon as it is
in its class, and a field of a type the schema cannot express raises :class:`TypeError`
naming the class and the field. The copy shipped with danvan is
``danvan/data/dataset.schema.json``.

>>> schema = dataset_schema()
>>> schema["properties"]["$type"], schema["$defs"]["Period"]["required"]
({'const': 'Dataset'}, ['start', 'end', 'kind'])
>>> [member.get("type") for member in schema["$defs"]["Target"]["properties"]["value"]["anyOf"]]
['integer', 'string', 'string']

The schema checks the shape of the data: the keys of every object (none unknown, the
required ones present), the JSON types, enum values, ISO dates, and exact numbers as JSON
integers or as decimal (``"108.39"``) or fraction (``"19/21"``) strings. It does not
check what danvan's classes check when they are built: ids without spaces, text that is
not blank, the grammar of a document code (a non-empty string is enough for the schema),
a period that is a real quarter, references between records, the lifecycle of a model.
JSON Schema does not tell ``2.0`` from ``2``, so a float with no fraction part passes
where an integer belongs, though danvan refuses every float.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

__all__ = ["dataset_schema", "document_schema"]

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_DATE: Final = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_DECIMAL: Final = r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"
_FRACTION: Final = "^-?[0-9]+/0*[1-9][0-9]*$"
_DOCUMENT_CODE: Final = (
    'A document code in its canonical form ("08-CT/ThU", "30/2020/NĐ-CP"). The schema'
    " asks only for a non-empty string; danvan checks the grammar when it reads the code."
)


def dataset_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file, as :func:`~danvan.to_json` writes it."""
    from danvan.dataset import Dataset
    from danvan.serialize import SCHEMA

    return {
        "$schema": _DIALECT,
        "$id": f"https://danvan.invalid/schema/{SCHEMA.replace('/', '-')}/dataset.json",
        "title": f"danvan dataset ({SCHEMA})",
        "description": (
            "The units, documents, campaigns, models and figures of one report (bộ dữ"
            " liệu), as danvan writes them. Exact numbers are JSON integers or strings,"
            " never floats; dates are ISO strings; enums are written by their value."
        ),
        **document_schema(Dataset),
    }


def document_schema(cls: type, /) -> dict[str, Any]:
    """The JSON Schema of a top-level document of *cls*: its fields, and the
    ``"$schema"`` and ``"$type"`` keys that name the conventions and the class."""
    from danvan.serialize import SCHEMA

    walker = _Walker()
    walker.names[cls.__name__] = cls
    root = walker.object_schema(cls)
    return {
        "$schema": _DIALECT,
        "type": "object",
        "properties": {
            "$schema": {"const": SCHEMA},
            "$type": {"const": cls.__name__},
            **root["properties"],
        },
        "required": ["$schema", "$type", *root["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(walker.defs.items())),
    }


def _summary(cls: type) -> str | None:
    """The first line of the class's own docstring, without reStructuredText roles."""
    doc = cls.__dict__.get("__doc__")
    if not isinstance(doc, str) or not doc.strip():
        return None
    line = doc.strip().splitlines()[0]
    return re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", line).replace("``", "")


def _leaf(type_: object) -> dict[str, Any] | None:
    """The schema of a type written as one JSON value, or None for any other type."""
    integer = {"type": "integer"}
    if type_ is str:
        return {"type": "string"}
    if type_ is int:
        return integer
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is type(None):
        return {"type": "null"}
    if type_ is date:
        return {"type": "string", "format": "date", "pattern": _DATE}
    if type_ is Decimal:
        return {"anyOf": [integer, {"type": "string", "pattern": _DECIMAL}]}
    if type_ is Fraction:
        return {"anyOf": [integer, {"type": "string", "pattern": _FRACTION}]}
    return None


class _Walker:
    """Builds the schemas of attrs classes, collecting each class reached in ``defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[str, type] = {}

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:  # private state, such as a dataset's tree: not data
                continue
            where = f"{cls.__module__}.{cls.__qualname__}.{field.name}"
            properties[field.name] = self.schema(hints[field.name], where)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {"type": "object"}
        summary = _summary(cls)
        if summary is not None:
            schema["description"] = summary
        schema |= {"properties": properties, "required": required}
        schema["additionalProperties"] = False
        return schema

    def schema(self, type_: Any, where: str) -> dict[str, Any]:
        leaf = _leaf(type_)
        if leaf is not None:
            return leaf
        origin = typing.get_origin(type_)
        args = typing.get_args(type_)
        if origin is typing.Union or origin is types.UnionType:
            members: list[dict[str, Any]] = []
            for arg in args:
                member = self.schema(arg, where)
                for part in member["anyOf"] if list(member) == ["anyOf"] else [member]:
                    if part not in members:
                        members.append(part)
            return members[0] if len(members) == 1 else {"anyOf": members}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.schema(args[0], where)}
        if isinstance(type_, type) and (issubclass(type_, enum.Enum) or attrs.has(type_)):
            return self.reference(type_, where)
        raise TypeError(f"{where}: the JSON Schema of danvan cannot express {type_!r}")

    def reference(self, cls: type, where: str) -> dict[str, Any]:
        """A ``$ref`` to the definition of *cls*, made on the first reference."""
        name = cls.__name__
        known = self.names.setdefault(name, cls)
        if known is not cls:
            raise TypeError(f"{where}: two classes are named {name!r}: {known!r} and {cls!r}")
        if name not in self.defs:
            self.defs[name] = {}  # taken, before a class that refers back to itself
            self.defs[name] = self.definition(cls, where)
        return {"$ref": f"#/$defs/{name}"}

    def definition(self, cls: type, where: str) -> dict[str, Any]:
        from danvan.documents import DocumentCode

        if cls is DocumentCode:
            return {"type": "string", "minLength": 1, "description": _DOCUMENT_CODE}
        if issubclass(cls, enum.Enum):
            values = [member.value for member in cls]
            if not all(isinstance(value, str) for value in values):
                raise TypeError(f"{where}: {cls.__name__} is not an enum of strings")
            summary = _summary(cls)
            return ({} if summary is None else {"description": summary}) | {"enum": values}
        return self.object_schema(cls)
