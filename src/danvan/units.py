"""Units of the political system and their tree over time (đơn vị, hệ thống chính trị).

A :class:`Unit` is one body of the political system: a Party committee (Tỉnh ủy, Thị
ủy, Đảng ủy xã), one of its boards (Ban Dân vận), a People's Committee (UBND), the
Fatherland Front (MTTQ) and the mass organisations, the armed forces, the grassroots
democracy boards. Each unit has a kind, a level, a parent, and a life: the date it was
founded and the date from which it no longer exists, and the units that succeeded it.
This is the Popolo model of organisations, with Vietnamese kinds.

A :class:`UnitTree` holds the units and answers for any day: on 01/07/2025 the district
level ended and on 03/02/2025 Ban Dân vận and Ban Tuyên giáo merged, so the tree of
2021 and the tree of 2026 differ, and :meth:`UnitTree.as_of` gives either.

>>> from datetime import date
>>> tree = UnitTree([
...     Unit(id="hl", name="Thị ủy Hồng Lĩnh", kind=UnitKind.PARTY_COMMITTEE,
...          level=Level.DISTRICT, dissolved=date(2025, 7, 1)),
...     Unit(id="hl-bdv", name="Ban Dân vận Thị ủy", kind=UnitKind.MASS_MOBILIZATION_BOARD,
...          level=Level.DISTRICT, parent="hl", dissolved=date(2025, 7, 1)),
... ])
>>> [unit.name for unit in tree.ancestors("hl-bdv")]
['Thị ủy Hồng Lĩnh']
>>> len(tree.as_of(date(2021, 5, 19))), len(tree.as_of(date(2026, 1, 1)))
(2, 0)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Final

import attrs

from danvan._display import html_of
from danvan._enums import Bilingual, labels
from danvan._validators import check_day, identifier, instance_of, optional, text, tuple_of
from danvan.errors import InvalidTreeError, InvalidTypeError, InvalidValueError, UnknownUnitError

__all__ = ["Branch", "Identifier", "Level", "Unit", "UnitKind", "UnitTree"]


class Level(Bilingual):
    """The level (cấp) a unit works at, from the centre down to the residential community."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    HAMLET = "hamlet"

    @property
    def depth(self) -> int:
        """0 for the centre, 4 for the residential community."""
        return list(Level).index(self)


_LEVEL_NAMES: Final = {
    Level.CENTRAL: ("trung ương", "central"),
    Level.PROVINCE: ("tỉnh", "province (incl. centrally-run city)"),
    Level.DISTRICT: ("huyện", "district (until 30/06/2025)"),
    Level.COMMUNE: ("xã", "commune, ward, special zone"),
    Level.HAMLET: ("thôn", "hamlet, village, residential group"),
}
labels(Level, _LEVEL_NAMES)


class Branch(str, enum.Enum):
    """The part of the political system a kind of unit belongs to."""

    PARTY = "party"
    STATE = "state"
    FRONT = "front"
    ARMED_FORCES = "armed_forces"
    GRASSROOTS = "grassroots"  # grassroots-democracy boards, steering committees, blocs


class UnitKind(Bilingual):
    """What a unit is (loại đơn vị). The value is a stable English identifier."""

    PARTY_COMMITTEE = "party_committee"
    STANDING_COMMITTEE = "standing_committee"
    STANDING_BOARD = "standing_board"
    MASS_MOBILIZATION_BOARD = "mass_mobilization_board"
    PROPAGANDA_BOARD = "propaganda_board"
    PROPAGANDA_AND_MOBILIZATION_BOARD = "propaganda_and_mobilization_board"
    ORGANIZATION_BOARD = "organization_board"
    INSPECTION_COMMISSION = "inspection_commission"
    PARTY_OFFICE = "party_office"
    PARTY_DELEGATION = "party_delegation"
    PARTY_CAUCUS = "party_caucus"
    PARTY_CELL = "party_cell"
    PEOPLES_COUNCIL = "peoples_council"
    PEOPLES_COMMITTEE = "peoples_committee"
    GOVERNMENT_AGENCY = "government_agency"
    PEOPLES_COURT = "peoples_court"
    PEOPLES_PROCURACY = "peoples_procuracy"
    FATHERLAND_FRONT = "fatherland_front"
    WOMENS_UNION = "womens_union"
    FARMERS_UNION = "farmers_union"
    YOUTH_UNION = "youth_union"
    VETERANS_ASSOCIATION = "veterans_association"
    TRADE_UNION = "trade_union"
    MILITARY_COMMAND = "military_command"
    POLICE = "police"
    BORDER_GUARD = "border_guard"
    PEOPLES_INSPECTION_BOARD = "peoples_inspection_board"
    COMMUNITY_INVESTMENT_SUPERVISION_BOARD = "community_investment_supervision_board"
    STEERING_COMMITTEE = "steering_committee"
    MASS_MOBILIZATION_BLOC = "mass_mobilization_bloc"
    RESIDENTIAL_COMMUNITY = "residential_community"
    OTHER = "other"

    @property
    def branch(self) -> Branch:
        """The part of the political system this kind belongs to."""
        return _KIND_NAMES[self][2]

    @property
    def is_socio_political(self) -> bool:
        """One of the five socio-political organisations (under the Front since 2025)."""
        return self in _SOCIO_POLITICAL


_KIND_NAMES: Final = {
    UnitKind.PARTY_COMMITTEE: (
        "Ban Chấp hành đảng bộ (cấp ủy)",
        "Party executive committee",
        Branch.PARTY,
    ),
    UnitKind.STANDING_COMMITTEE: ("Ban Thường vụ", "Party standing committee", Branch.PARTY),
    UnitKind.STANDING_BOARD: ("Thường trực cấp ủy", "Party standing board", Branch.PARTY),
    UnitKind.MASS_MOBILIZATION_BOARD: (
        "Ban Dân vận",
        "Mass Mobilization Board",
        Branch.PARTY,
    ),
    UnitKind.PROPAGANDA_BOARD: ("Ban Tuyên giáo", "Propaganda and Education Board", Branch.PARTY),
    UnitKind.PROPAGANDA_AND_MOBILIZATION_BOARD: (
        "Ban Tuyên giáo và Dân vận",
        "Propaganda, Education and Mass Mobilization Board (from 2025)",
        Branch.PARTY,
    ),
    UnitKind.ORGANIZATION_BOARD: ("Ban Tổ chức", "Organization Board", Branch.PARTY),
    UnitKind.INSPECTION_COMMISSION: ("Ủy ban Kiểm tra", "Inspection Commission", Branch.PARTY),
    UnitKind.PARTY_OFFICE: ("Văn phòng cấp ủy", "Party committee office", Branch.PARTY),
    UnitKind.PARTY_DELEGATION: ("Ban cán sự đảng", "Party delegation", Branch.PARTY),
    UnitKind.PARTY_CAUCUS: ("Đảng đoàn", "Party caucus", Branch.PARTY),
    UnitKind.PARTY_CELL: ("Chi bộ", "Party cell", Branch.PARTY),
    UnitKind.PEOPLES_COUNCIL: ("Hội đồng nhân dân", "People's Council", Branch.STATE),
    UnitKind.PEOPLES_COMMITTEE: ("Ủy ban nhân dân", "People's Committee", Branch.STATE),
    UnitKind.GOVERNMENT_AGENCY: (
        "Cơ quan chuyên môn (sở, phòng, ban)",
        "Government department",
        Branch.STATE,
    ),
    UnitKind.PEOPLES_COURT: ("Tòa án nhân dân", "People's Court", Branch.STATE),
    UnitKind.PEOPLES_PROCURACY: (
        "Viện kiểm sát nhân dân",
        "People's Procuracy",
        Branch.STATE,
    ),
    UnitKind.FATHERLAND_FRONT: (
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
        "Vietnam Fatherland Front committee",
        Branch.FRONT,
    ),
    UnitKind.WOMENS_UNION: ("Hội Liên hiệp Phụ nữ", "Women's Union", Branch.FRONT),
    UnitKind.FARMERS_UNION: ("Hội Nông dân", "Farmers' Union", Branch.FRONT),
    UnitKind.YOUTH_UNION: (
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Ho Chi Minh Communist Youth Union",
        Branch.FRONT,
    ),
    UnitKind.VETERANS_ASSOCIATION: ("Hội Cựu chiến binh", "Veterans' Association", Branch.FRONT),
    UnitKind.TRADE_UNION: ("Công đoàn", "Trade Union", Branch.FRONT),
    UnitKind.MILITARY_COMMAND: (
        "Ban Chỉ huy Quân sự",
        "Military Command",
        Branch.ARMED_FORCES,
    ),
    UnitKind.POLICE: ("Công an", "Public Security (police)", Branch.ARMED_FORCES),
    UnitKind.BORDER_GUARD: ("Đồn Biên phòng", "Border Guard station", Branch.ARMED_FORCES),
    UnitKind.PEOPLES_INSPECTION_BOARD: (
        "Ban Thanh tra nhân dân",
        "People's Inspection Board",
        Branch.GRASSROOTS,
    ),
    UnitKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD: (
        "Ban Giám sát đầu tư của cộng đồng",
        "Community Investment Supervision Board",
        Branch.GRASSROOTS,
    ),
    UnitKind.STEERING_COMMITTEE: ("Ban Chỉ đạo", "Steering committee", Branch.GRASSROOTS),
    UnitKind.MASS_MOBILIZATION_BLOC: ("Khối dân vận", "Mass mobilization bloc", Branch.GRASSROOTS),
    UnitKind.RESIDENTIAL_COMMUNITY: (
        "Thôn, tổ dân phố",
        "Residential community (hamlet, village, residential group)",
        Branch.GRASSROOTS,
    ),
    UnitKind.OTHER: ("Đơn vị khác", "Other unit", Branch.GRASSROOTS),
}
labels(UnitKind, {kind: names[:2] for kind, names in _KIND_NAMES.items()})
_SOCIO_POLITICAL: Final = frozenset(
    {
        UnitKind.WOMENS_UNION,
        UnitKind.FARMERS_UNION,
        UnitKind.YOUTH_UNION,
        UnitKind.VETERANS_ASSOCIATION,
        UnitKind.TRADE_UNION,
    }
)


@attrs.frozen
class Identifier:
    """An identifier of a unit in some scheme (mã định danh), as in Popolo.

    Common schemes: ``"document_issuer"`` for the abbreviation a unit signs its
    documents with ("ThU", "BDVTU", "UBND"), ``"area_code"`` for the statistical code of
    the place it serves.

    >>> Identifier("document_issuer", "ThU")
    Identifier(scheme='document_issuer', value='ThU')
    """

    scheme: str = attrs.field(validator=text)
    value: str = attrs.field(validator=text)


def _check_unit(instance: Unit, attribute: attrs.Attribute[Any], value: object) -> None:
    """Checks that need several fields; runs after all fields are set."""
    for name in ("founded", "dissolved"):
        when = getattr(instance, name)
        if when is not None and not isinstance(when, date):
            raise InvalidTypeError(f"{name} must be a date, not {when!r}")
    if (
        instance.founded is not None
        and instance.dissolved is not None
        and instance.dissolved <= instance.founded
    ):
        raise InvalidValueError(
            f"unit {instance.id!r} is dissolved ({instance.dissolved}) before it is founded"
            f" ({instance.founded})"
        )
    if instance.parent == instance.id:
        raise InvalidValueError(f"unit {instance.id!r} cannot be its own parent")
    if instance.id in instance.successors:
        raise InvalidValueError(f"unit {instance.id!r} cannot succeed itself")
    if instance.successors and instance.dissolved is None:
        raise InvalidValueError(f"unit {instance.id!r} has successors but no dissolution date")


@attrs.frozen(kw_only=True)
class Unit:
    """A unit of the political system (đơn vị), valid from ``founded`` until ``dissolved``.

    ``parent`` and ``successors`` are unit ids. ``dissolved`` is the first day on which
    the unit no longer exists (01/07/2025 for every district-level unit), so a unit
    exists on *d* when ``founded <= d < dissolved``; ``None`` means not known or not
    (yet) happened.

    >>> unit = Unit(id="hl-bdv", name="Ban Dân vận Thị ủy Hồng Lĩnh",
    ...             kind=UnitKind.MASS_MOBILIZATION_BOARD, level=Level.DISTRICT,
    ...             identifiers=(Identifier("document_issuer", "BDVThU"),))
    >>> unit.kind.vietnamese, unit.exists_on(date(2021, 5, 19))
    ('Ban Dân vận', True)
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=text)
    kind: UnitKind = attrs.field(validator=instance_of(UnitKind))
    level: Level = attrs.field(validator=instance_of(Level))
    parent: str | None = attrs.field(default=None, validator=optional(identifier))
    founded: date | None = None
    dissolved: date | None = None
    successors: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    other_names: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), validator=[tuple_of(Identifier), _check_unit]
    )

    def exists_on(self, day: date, /) -> bool:
        """Whether the unit exists on *day* (``founded <= day < dissolved``); a
        ``datetime`` is refused (:class:`~danvan.InvalidTypeError`), as everywhere."""
        check_day(day, "day")
        return (self.founded is None or self.founded <= day) and (
            self.dissolved is None or day < self.dissolved
        )

    def identifier(self, scheme: str, /) -> str | None:
        """The unit's identifier in *scheme*, or None."""
        return next((i.value for i in self.identifiers if i.scheme == scheme), None)


class UnitTree:
    """The units of the political system as a tree (cây tổ chức), checked when built.

    Unknown parents or successors, duplicate ids, cycles and children that outlive
    their parent raise :class:`~danvan.InvalidTreeError`; looking up an id that is not in
    the tree raises :class:`~danvan.UnknownUnitError` (also a ``KeyError``). Units keep
    the order they were given in; :meth:`walk` goes depth first.

    >>> tree = UnitTree([
    ...     Unit(id="tu", name="Tỉnh ủy Hà Tĩnh", kind=UnitKind.PARTY_COMMITTEE,
    ...          level=Level.PROVINCE),
    ...     Unit(id="hl", name="Thị ủy Hồng Lĩnh", kind=UnitKind.PARTY_COMMITTEE,
    ...          level=Level.DISTRICT, parent="tu"),
    ... ])
    >>> [unit.id for unit in tree.children("tu")], tree["hl"].name
    (['hl'], 'Thị ủy Hồng Lĩnh')
    """

    __slots__ = ("_children", "_depths", "_predecessors", "_roots", "_units")

    def __init__(self, units: Iterable[Unit], /) -> None:
        self._units: dict[str, Unit] = {}
        for unit in units:
            if not isinstance(unit, Unit):
                raise InvalidTypeError(f"a UnitTree holds Units, not {unit!r}")
            if unit.id in self._units:
                raise InvalidTreeError(f"duplicate unit id {unit.id!r}")
            self._units[unit.id] = unit
        self._children: dict[str, list[str]] = {unit_id: [] for unit_id in self._units}
        self._predecessors: dict[str, list[str]] = {unit_id: [] for unit_id in self._units}
        self._roots: list[str] = []
        self._depths: dict[str, int] | None = None  # filled by the first depth()
        for unit in self._units.values():
            if unit.parent is None:
                self._roots.append(unit.id)
            elif unit.parent not in self._units:
                raise InvalidTreeError(f"unit {unit.id!r} has an unknown parent {unit.parent!r}")
            else:
                self._children[unit.parent].append(unit.id)
                _check_lifetime(unit, self._units[unit.parent])
            for successor in unit.successors:
                if successor not in self._units:
                    raise InvalidTreeError(
                        f"unit {unit.id!r} has an unknown successor {successor!r}"
                    )
                self._predecessors[successor].append(unit.id)
        reached = sum(1 for _ in self._walk_ids(self._roots))
        if reached != len(self._units):
            cycle = self._find_cycle()
            shown = " → ".join(cycle)
            if len(cycle) > 7:  # a message is one short line, whatever the data
                shown = (
                    f"{' → '.join(cycle[:3])} → … → {' → '.join(cycle[-3:])}"
                    f" ({len(cycle) - 1} units)"
                )
            raise InvalidTreeError(f"the parents form a cycle: {shown}")

    def _find_cycle(self) -> list[str]:
        """The first cycle of parents, in linear time: each unit is followed up its
        parents once, stopping at a unit already done."""
        done: set[str] = set()
        for start in self._units:
            path: dict[str, int] = {}  # the units of this walk, in order
            current: str | None = start
            while current is not None and current not in done and current not in path:
                path[current] = len(path)
                current = self._units[current].parent
            if current is not None and current in path:
                cycle = list(path)[path[current] :]
                return [*cycle, current]
            done.update(path)
        return []  # pragma: no cover - only called when a cycle exists

    def _walk_ids(self, start: Iterable[str]) -> Iterator[str]:
        stack = list(reversed(list(start)))
        while stack:
            unit_id = stack.pop()
            yield unit_id
            stack.extend(reversed(self._children[unit_id]))

    def __len__(self) -> int:
        return len(self._units)

    def __iter__(self) -> Iterator[Unit]:
        """The units depth first, each parent before its children."""
        return self.walk()

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._units

    def __getitem__(self, unit_id: str) -> Unit:
        try:
            return self._units[unit_id]
        except KeyError:
            raise UnknownUnitError(unit_id) from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnitTree):
            return NotImplemented
        return self._units == other._units

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"UnitTree(<{len(self)} units, {len(self._roots)} roots>)"

    def _repr_html_(self) -> str | None:
        """The tree as an HTML table for notebooks: one row per unit, depth first, the
        name indented under its parent, with kind, level, founding and dissolution."""
        return html_of(self)  # the presentation registers it: see danvan._display

    @property
    def units(self) -> tuple[Unit, ...]:
        """The units in the order they were given."""
        return tuple(self._units.values())

    @property
    def roots(self) -> tuple[Unit, ...]:
        """The units without a parent."""
        return tuple(self._units[unit_id] for unit_id in self._roots)

    def get(self, unit_id: str, /) -> Unit | None:
        """The unit with this id, or None."""
        return self._units.get(unit_id)

    def parent(self, unit_id: str, /) -> Unit | None:
        """The parent of a unit, or None for a root."""
        parent = self[unit_id].parent
        return None if parent is None else self._units[parent]

    def children(self, unit_id: str, /) -> list[Unit]:
        """The direct children of a unit."""
        self[unit_id]
        return [self._units[child] for child in self._children[unit_id]]

    def ancestors(self, unit_id: str, /) -> list[Unit]:
        """The parent, the grandparent, … up to the root (nearest first)."""
        result = []
        parent = self[unit_id].parent
        while parent is not None:
            unit = self._units[parent]
            result.append(unit)
            parent = unit.parent
        return result

    def descendants(self, unit_id: str, /) -> list[Unit]:
        """Every unit below this one, depth first."""
        self[unit_id]
        ids = self._walk_ids(self._children[unit_id])
        return [self._units[child] for child in ids]

    def walk(self, unit_id: str | None = None, /) -> Iterator[Unit]:
        """The unit (or, with no id, every root) and all below it, depth first."""
        start = self._roots if unit_id is None else [self[unit_id].id]
        return (self._units[child] for child in self._walk_ids(start))

    def depth(self, unit_id: str, /) -> int:
        """0 for a root, 1 for its children, and so on."""
        self[unit_id]
        if self._depths is None:  # every depth in one walk, parents before children
            depths: dict[str, int] = {}
            for child in self._walk_ids(self._roots):
                parent = self._units[child].parent
                depths[child] = 0 if parent is None else depths[parent] + 1
            self._depths = depths
        return self._depths[unit_id]

    def successors(self, unit_id: str, /) -> list[Unit]:
        """The units that took over from this one when it was dissolved."""
        return [self._units[successor] for successor in self[unit_id].successors]

    def predecessors(self, unit_id: str, /) -> list[Unit]:
        """The units this one took over from."""
        self[unit_id]
        return [self._units[before] for before in self._predecessors[unit_id]]

    def find(self, name: str, /) -> list[Unit]:
        """The units whose name or other name is *name* (case and spacing ignored)."""
        wanted = " ".join(name.split()).casefold()
        return [
            unit
            for unit in self._units.values()
            if any(
                " ".join(n.split()).casefold() == wanted for n in (unit.name, *unit.other_names)
            )
        ]

    def as_of(self, day: date, /) -> UnitTree:
        """The tree of the units that exist on *day*.

        A unit is left out when it, or any unit above it, does not exist on that day;
        successor links to units outside the new tree are kept only where both ends are
        in it.
        """
        if not isinstance(day, date):
            raise InvalidTypeError(f"expected a date, not {type(day).__name__}: {day!r}")
        kept: dict[str, Unit] = {}
        for unit in self.walk():
            if unit.exists_on(day) and (unit.parent is None or unit.parent in kept):
                kept[unit.id] = unit
        return UnitTree(
            attrs.evolve(unit, successors=tuple(s for s in unit.successors if s in kept))
            if any(s not in kept for s in unit.successors)
            else unit
            for unit in kept.values()
        )


def _check_lifetime(child: Unit, parent: Unit) -> None:
    """A child exists only while its parent does (where the dates are known)."""
    if child.founded is not None and parent.founded is not None and child.founded < parent.founded:
        raise InvalidTreeError(
            f"unit {child.id!r} is founded ({child.founded}) before its parent {parent.id!r}"
            f" ({parent.founded})"
        )
    if parent.dissolved is not None and (
        child.dissolved is None or child.dissolved > parent.dissolved
    ):
        raise InvalidTreeError(
            f"unit {child.id!r} outlives its parent {parent.id!r}, dissolved {parent.dissolved}"
        )
