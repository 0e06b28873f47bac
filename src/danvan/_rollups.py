"""The parts of a roll-up that danvan.indicators and danvan.frames share (private).

A unit tree flattened once into positions (:class:`Layout`, cached by tree), the units
expected to report, and the plan of each indicator: which indicators were asked for,
which definitions a ratio names, and the counted parts of a ratio.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal

from danvan.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownUnitError,
)
from danvan.observations import Indicator, RollUp
from danvan.units import Level, Unit, UnitKind, UnitTree

__all__ = [
    "ADDITIVE",
    "Layout",
    "additive",
    "expected_positions",
    "layout_of",
    "ratio_parts",
    "wanted_and_known",
]


ADDITIVE: Final = frozenset({RollUp.SUM, RollUp.LAST})


class Layout:
    """The tree flattened once: ids in walk (pre-)order, parent positions, sizes."""

    __slots__ = ("ids", "index", "kinds", "leaves", "levels", "parent", "size", "units")

    def __init__(self, tree: UnitTree) -> None:
        ids: list[str] = []
        index: dict[str, int] = {}
        parent: list[int] = []
        levels: list[Level] = []
        units: list[Unit] = []
        kinds: dict[tuple[Level, UnitKind], list[int]] = {}
        for unit in tree.walk():
            index[unit.id] = len(ids)
            kinds.setdefault((unit.level, unit.kind), []).append(len(ids))
            ids.append(unit.id)
            units.append(unit)
            parent.append(-1 if unit.parent is None else index[unit.parent])
            levels.append(unit.level)
        size = [1] * len(ids)
        for position in range(len(ids) - 1, 0, -1):
            up = parent[position]
            if up >= 0:
                size[up] += size[position]
        self.ids = ids
        self.index = index
        self.parent = parent
        self.levels = levels
        self.units = units
        self.kinds = kinds  # (level, kind) -> positions in walk order
        self.size = size
        self.leaves = [position for position, count in enumerate(size) if count == 1]


# A UnitTree cannot be changed once built, so its layout is kept for the last few trees
# (by identity: trees are not hashable). Holding the tree keeps its id from being reused.
_LAYOUTS: list[tuple[UnitTree, Layout]] = []


_LAYOUT_CACHE_SIZE: Final = 4


def layout_of(tree: UnitTree) -> Layout:
    for cached, layout in _LAYOUTS:
        if cached is tree:
            return layout
    layout = Layout(tree)
    _LAYOUTS.insert(0, (tree, layout))
    del _LAYOUTS[_LAYOUT_CACHE_SIZE:]
    return layout


def expected_positions(
    layout: Layout, expected: Iterable[str] | Level | Literal["leaves"] | None
) -> tuple[bytearray, list[int]] | None:
    """Flags by position for the units expected to report, and their positions in order;
    None for the default, which depends on who reported each indicator."""
    if expected is None:
        return None
    if isinstance(expected, str) and expected == "leaves":
        positions = layout.leaves
    elif isinstance(expected, Level):
        levels = layout.levels
        positions = [position for position in range(len(levels)) if levels[position] is expected]
    elif isinstance(expected, str) or not isinstance(expected, Iterable):
        raise InvalidTypeError(
            f"expected must be unit ids, a Level, 'leaves' or None, not"
            f" {type(expected).__name__}: {expected!r}"
        )
    else:
        chosen: set[int] = set()
        for unit_id in expected:
            found = layout.index.get(unit_id)
            if found is None:
                raise UnknownUnitError(unit_id)
            chosen.add(found)
        positions = sorted(chosen)
    flags = bytearray(len(layout.ids))
    for position in positions:
        flags[position] = 1
    return flags, positions


def wanted_and_known(
    indicators: Iterable[Any], definitions: Iterable[Any], *, rates: tuple[type, ...] = ()
) -> tuple[list[Any], dict[str, Indicator]]:
    """The indicators asked for (checked: each an Indicator, or one of the deprecated
    types *rates*; one code each) and every definition a ratio may name, by code (the
    indicators asked for among them)."""
    wanted: list[Any] = []
    seen_codes: set[str] = set()
    for indicator in indicators:
        if not isinstance(indicator, (Indicator, *rates)):
            raise InvalidTypeError(
                f"expected an Indicator, not {type(indicator).__name__}: {indicator!r}"
            )
        code: str = indicator.code  # type: ignore[attr-defined]  # Indicator or a rate
        if code in seen_codes:
            raise InvalidValueError(f"two indicators have the code {code!r}")
        seen_codes.add(code)
        wanted.append(indicator)
    known: dict[str, Indicator] = {}
    for definition in definitions:
        if not isinstance(definition, Indicator):
            raise InvalidTypeError(f"definitions must be Indicators, not {definition!r}")
        known.setdefault(definition.code, definition)
    for indicator in wanted:
        if isinstance(indicator, Indicator):
            known[indicator.code] = indicator
    return wanted, known


def additive(part: Indicator) -> RollUp:
    """The rule of a counted part of a ratio: it must add up over units."""
    if part.roll_up not in ADDITIVE:
        rule = "a ratio" if part.roll_up is None else part.roll_up.value
        raise InvalidValueError(
            f"the numerator and denominator of a ratio must add up over units"
            f" (roll_up sum or last), not {rule}: {part.code!r}"
        )
    assert part.roll_up is not None
    return part.roll_up


def ratio_parts(
    indicator: object, known: Mapping[str, Indicator]
) -> tuple[Indicator, Indicator, int] | None:
    """The numerator and denominator (and factor) of a ratio; None for a plain indicator."""
    if not isinstance(indicator, Indicator):
        raise InvalidTypeError(
            f"expected an Indicator, not {type(indicator).__name__}: {indicator!r}"
        )
    if indicator.numerator is None or indicator.denominator is None:
        return None
    found = []
    for side, code in (("numerator", indicator.numerator), ("denominator", indicator.denominator)):
        part = known.get(code)
        if part is None:
            raise InvalidValueError(
                f"the {side} {code!r} of the ratio {indicator.code!r} is not among the"
                " indicators given (pass it in definitions)"
            )
        additive(part)
        found.append(part)
    return (found[0], found[1], indicator.factor)
