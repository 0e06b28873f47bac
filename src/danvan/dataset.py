"""A dataset: the units, documents, campaigns, models and figures of one report (bộ dữ liệu).

A :class:`Dataset` gathers what a report speaks of, checked as a whole: the units make a
tree, and every reference (a model's unit, an observation's indicator) points at
something in the dataset. It is what ``danvan report`` reads, as JSON written by
:func:`~danvan.to_json`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from danvan._validators import text, tuple_of
from danvan.errors import InvalidValueError
from danvan.units import Unit, UnitTree

if TYPE_CHECKING:
    import cattrs

__all__ = ["SERIALISABLE", "Dataset", "register_hooks"]


def _check_dataset(instance: Dataset, attribute: attrs.Attribute[Any], value: object) -> None:
    tree = UnitTree(instance.units)  # raises InvalidTreeError for a bad tree
    object.__setattr__(instance, "_tree", tree)
    problems: list[str] = []
    if problems:
        raise InvalidValueError("; ".join(problems))


@attrs.frozen(kw_only=True)
class Dataset:
    """The units, documents, campaigns, models and figures of one report.

    ``source`` says where the data comes from (the report, its date and address).
    """

    title: str = attrs.field(validator=text)
    source: str = attrs.field(validator=text)
    units: tuple[Unit, ...] = attrs.field(default=(), validator=[tuple_of(Unit), _check_dataset])
    _tree: UnitTree = attrs.field(init=False, repr=False, eq=False)

    @property
    def tree(self) -> UnitTree:
        """The units as a :class:`~danvan.UnitTree`."""
        return self._tree


SERIALISABLE: tuple[type, ...] = (Dataset,)


def register_hooks(converter: cattrs.Converter) -> None:
    """Teach danvan's converter the types of this dataset that need a hook."""
