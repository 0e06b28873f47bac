"""Vietnamese terms and English labels of enums, attached one way (private).

An enum of danvan derives from :class:`Labelled` (a Vietnamese term per member) or
:class:`Bilingual` (a Vietnamese term and an English label), and gives its table once,
right after the class, with :func:`labels`, which refuses a table that misses a member.
Tables are kept per class: members of str enums compare equal across classes
(``Level.DISTRICT == ModelLevel.DISTRICT``, both ``"district"``).

>>> class Tier(Bilingual):
...     PROVINCE = "province"
...     COMMUNE = "commune"
>>> labels(Tier, {Tier.PROVINCE: ("tỉnh", "province"), Tier.COMMUNE: ("xã", "commune")})
>>> Tier.COMMUNE.vietnamese, Tier.COMMUNE.english
('xã', 'commune')
>>> class Kind(Labelled):
...     A = "a"
>>> labels(Kind, {})
Traceback (most recent call last):
...
ValueError: Kind.A has no label
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

__all__ = ["Bilingual", "Labelled", "labels"]

_TABLES: dict[type, dict[Any, tuple[str, str | None]]] = {}


class Labelled(str, enum.Enum):
    """A str enum whose members carry a Vietnamese term (given by :func:`labels`)."""

    @property
    def vietnamese(self) -> str:
        """The Vietnamese term, as reports write it."""
        return _TABLES[type(self)][self][0]


class Bilingual(Labelled):
    """A str enum whose members carry a Vietnamese term and an English label."""

    @property
    def english(self) -> str:
        """An English label for documentation and tables."""
        english = _TABLES[type(self)][self][1]
        assert english is not None  # labels() checks it for a Bilingual enum
        return english


def labels(kind: type[Labelled], table: Mapping[Any, str | tuple[str, str]], /) -> None:
    """Give each member of *kind* its term (a ``str``) or its (term, English label).

    Every member must have one, and a :class:`Bilingual` enum needs the English too: a
    missing one is a ``ValueError`` when the module is imported, never a ``KeyError``
    when the label is asked for.
    """
    filled: dict[Any, tuple[str, str | None]] = {}
    for member in kind:
        given = table.get(member)
        if given is None:
            raise ValueError(f"{kind.__name__}.{member.name} has no label")
        pair = (given, None) if isinstance(given, str) else given
        if issubclass(kind, Bilingual) and pair[1] is None:
            raise ValueError(f"{kind.__name__}.{member.name} has no English label")
        filled[member] = pair
    _TABLES[kind] = filled
