"""Places (private to danvan.geography): the types, the data of both maps, its loading
and lookup, and the successions across 01/07/2025."""

from __future__ import annotations

import enum
import functools
import gzip
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from importlib import resources
from typing import Any, Final

import attrs

from danvan import _calendar
from danvan._text import long_run
from danvan._validators import check_day, instance_of, optional, text
from danvan.errors import (
    AmbiguousPlaceError,
    DataError,
    InvalidTypeError,
    InvalidValueError,
    UnknownPlaceError,
    shorten,
)
from danvan.geography._names import _expand, _keys, _split
from danvan.units import Level

__all__ = [
    "MAX_NAME_LENGTH",
    "REORGANIZED",
    "Place",
    "PlaceType",
    "Succession",
    "children",
    "find_place",
    "places",
    "predecessors",
    "successors",
]

REORGANIZED: Final = _calendar.REORGANIZED

#: The longest text :func:`find_place` reads: the longest name of the record, with its
#: type word and a province after it, is under 100 characters.
MAX_NAME_LENGTH: Final = 300

_DATA_FILE: Final = "geography.json.gz"
#: How many candidates an AmbiguousPlaceError's message names (``candidates`` has all).
_LISTED: Final = 10
_DATA_FORMAT: Final = 1
#: Places of the old map whose name and type are known only from a given day, by code.
#: 709 Thị xã Hòa Thành (Tây Ninh): a huyện until the thị xã was founded on 01/02/2020
#: (secondary source: the Vietnamese Wikipedia article "Hòa Thành" as mirrored at
#: https://defzone.net/wiki/H%C3%B2a_Th%C3%A0nh, "Thành lập 1/2/2020"; the resolution of
#: the Ủy ban Thường vụ Quốc hội it cites was not read here).
_KNOWN_FROM: Final[dict[str, date]] = {"709": date(2020, 2, 1)}

# ------------------------------------------------------------------------------ errors


# ------------------------------------------------------------------------------- types


class PlaceType(str, enum.Enum):
    """The type of an administrative unit (loại đơn vị hành chính).

    The value is a stable English identifier; :attr:`vietnamese` is the type as the law
    names it and :attr:`prefix` the word the unit's name starts with.

    >>> PlaceType.TOWN.vietnamese, PlaceType.TOWN.prefix, PlaceType.TOWN.level.value
    ('thị xã', 'Thị xã', 'district')
    """

    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    URBAN_DISTRICT = "urban_district"
    TOWN = "town"
    PROVINCIAL_CITY = "provincial_city"
    COMMUNE = "commune"
    WARD = "ward"
    TOWNSHIP = "township"
    SPECIAL_ZONE = "special_zone"

    @property
    def vietnamese(self) -> str:
        """The type in Vietnamese: "tỉnh", "thành phố trực thuộc trung ương", "xã"…"""
        return _TYPE_INFO[self][1]

    @property
    def prefix(self) -> str:
        """The word a name of this type starts with: "Tỉnh", "Thành phố", "Thị xã"…"""
        return _TYPE_INFO[self][0]

    @property
    def english(self) -> str:
        """An English label for documentation and tables."""
        return _TYPE_INFO[self][2]

    @property
    def level(self) -> Level:
        """The level of this type: province, district or commune."""
        return _TYPE_INFO[self][3]


_TYPE_INFO: Final = {
    PlaceType.PROVINCE: ("Tỉnh", "tỉnh", "province", Level.PROVINCE),
    PlaceType.CITY: (
        "Thành phố",
        "thành phố trực thuộc trung ương",
        "centrally-run city",
        Level.PROVINCE,
    ),
    PlaceType.DISTRICT: ("Huyện", "huyện", "rural district", Level.DISTRICT),
    PlaceType.URBAN_DISTRICT: ("Quận", "quận", "urban district", Level.DISTRICT),
    PlaceType.TOWN: ("Thị xã", "thị xã", "town", Level.DISTRICT),
    PlaceType.PROVINCIAL_CITY: (
        "Thành phố",
        "thành phố thuộc tỉnh",
        "city under a province (or under Hồ Chí Minh City: Thủ Đức)",
        Level.DISTRICT,
    ),
    PlaceType.COMMUNE: ("Xã", "xã", "commune", Level.COMMUNE),
    PlaceType.WARD: ("Phường", "phường", "ward", Level.COMMUNE),
    PlaceType.TOWNSHIP: ("Thị trấn", "thị trấn", "township", Level.COMMUNE),
    PlaceType.SPECIAL_ZONE: ("Đặc khu", "đặc khu", "special zone", Level.COMMUNE),
}


# ------------------------------------------------------------------------------ places

_CODE_RE: Final = re.compile(r"[0-9]{2,5}")


def _code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{attribute.name} must be a str, not {type(value).__name__}: {value!r}"
        )
    if not _CODE_RE.fullmatch(value):
        raise InvalidValueError(f"{attribute.name} must be 2 to 5 digits, not {value!r}")


def _check_place(instance: Place, attribute: attrs.Attribute[Any], value: object) -> None:
    """Checks that need several fields; runs after all fields are set."""
    for name in ("valid_from", "valid_until"):
        when = getattr(instance, name)
        if when is not None:
            check_day(when, name)
    if instance.level is not instance.type.level:
        raise InvalidValueError(
            f"a {instance.type.vietnamese} is at {instance.type.level.value} level,"
            f" not {instance.level.value}"
        )
    if (instance.parent is None) != (instance.level is Level.PROVINCE):
        raise InvalidValueError(f"{instance.name!r}: only a province has no parent")
    if (
        instance.valid_from is not None
        and instance.valid_until is not None
        and instance.valid_until <= instance.valid_from
    ):
        raise InvalidValueError(f"{instance.name!r} ends before it starts")


def _check_known_from(instance: Place, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    value = check_day(value, "known_from")
    if instance.valid_from is not None and value < instance.valid_from:
        raise InvalidValueError(
            f"{instance.name!r} is known from {value}, before it is valid ({instance.valid_from})"
        )
    if instance.valid_until is not None and value >= instance.valid_until:
        raise InvalidValueError(f"{instance.name!r} is known from {value}, after it ends")


@attrs.frozen(kw_only=True)
class Place:
    """An administrative unit of one map (đơn vị hành chính): a province, district or commune.

    ``code`` is the statistical code (2 digits for a province, 3 for a district, 5 for a
    commune), unique within a map but reused across the two: new Tây Ninh is 80, which
    was Long An's code. ``parent`` is the code of the province or district it belongs to
    on the same map. The place exists on *d* when ``valid_from <= d < valid_until``
    (``None``: no bound known); places of danvan's data are valid either until
    01/07/2025 or from it.

    ``known_from`` is the first day the record knows the place under this name and
    type, or ``None`` when the record says nothing about earlier days. danvan's old map
    is the list of 30/06/2025 used for every earlier day, so it cannot say what a place
    was called before: ``None`` there means "not known", not "always". Where a source
    gives the change, it is recorded: Thị xã Hòa Thành is known from 01/02/2020 (a
    huyện before). It defaults to ``valid_from``: places of the new map are known
    from 01/07/2025.

    >>> ward = Place(code="26740", name="Phường Sài Gòn", short_name="Sài Gòn",
    ...              type=PlaceType.WARD, level=Level.COMMUNE, parent="79",
    ...              valid_from=REORGANIZED)
    >>> ward.id, ward.exists_on(date(2025, 6, 30))
    ('vn34-26740', False)
    """

    code: str = attrs.field(validator=_code)
    name: str = attrs.field(validator=text)
    short_name: str = attrs.field(validator=text)
    type: PlaceType = attrs.field(validator=instance_of(PlaceType))
    level: Level = attrs.field(validator=instance_of(Level))
    parent: str | None = attrs.field(default=None, validator=optional(_code))
    valid_from: date | None = None
    valid_until: date | None = attrs.field(default=None, validator=_check_place)
    known_from: date | None = attrs.field(
        default=attrs.Factory(lambda place: place.valid_from, takes_self=True),
        validator=_check_known_from,
    )

    @property
    def id(self) -> str:
        """A stable id: ``vn63-`` + code on the old map, ``vn34-`` + code on the new one.

        The ids of :func:`political_units` start with it ("vn63-437-party").
        """
        old = self.valid_until is not None and self.valid_until <= REORGANIZED
        return f"{'vn63' if old else 'vn34'}-{self.code}"

    def to_dict(self) -> dict[str, Any]:
        """The place as plain data for an API, with its :attr:`id`.

        >>> Place(code="42", name="Tỉnh Hà Tĩnh", short_name="Hà Tĩnh",
        ...       type=PlaceType.PROVINCE, level=Level.PROVINCE).to_dict()["id"]
        'vn34-42'
        """
        from danvan._plain import plain

        data = {"id": self.id}
        data.update(
            {field.name: plain(getattr(self, field.name)) for field in attrs.fields(Place)}
        )
        return data

    def exists_on(self, day: date, /) -> bool:
        """Whether the place exists on *day* (``valid_from <= day < valid_until``)."""
        check_day(day, "day")
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day < self.valid_until
        )


@attrs.frozen(kw_only=True)
class Succession:
    """One link of the old-to-new mapping (kế thừa): part or all of ``old`` went into ``new``.

    ``is_whole`` is True when all of ``old`` went into ``new`` (a merger, or a commune
    kept as it was); False when ``old`` was split between several new places.
    ``is_default`` marks the one new place to use for ``old`` when nothing else tells
    which part is meant: True for every whole succession, and for one part of each
    split commune (chosen upstream as the new commune whose area holds the old one's
    location, else the nearest).

    >>> [s.new.name for s in successors(find_place("00004", as_of=date(2021, 1, 1)))]
    ['Phường Ba Đình']
    """

    old: Place = attrs.field(validator=instance_of(Place))
    new: Place = attrs.field(validator=instance_of(Place))
    is_whole: bool = attrs.field(validator=instance_of(bool))
    is_default: bool = attrs.field(validator=instance_of(bool))


# -------------------------------------------------------------------------------- data


class _Map:
    """One of the two maps, with its indexes (the name index is built on first lookup)."""

    __slots__ = ("_accented", "_plain", "by_code", "by_id", "children", "places", "provinces")

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.by_code = {place.code: place for place in places}
        self.by_id = {place.id: place for place in places}
        self.children: dict[str, list[Place]] = {}
        self.provinces: list[Place] = []
        for place in places:
            if place.parent is None:
                self.provinces.append(place)
            else:
                self.children.setdefault(place.parent, []).append(place)
        self._plain: dict[str, list[Place]] | None = None
        self._accented: dict[str, list[Place]] = {}

    def index(self) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
        """(plain key → places, accented key → places), built on first use.

        A place is filed under the keys of its name, its short name and its aliases. The
        name's keys are its type word's followed by its short name's words, which is what
        :func:`_keys` gives for the whole name (a type word is never an abbreviation).
        """
        if self._plain is None:
            plain: dict[str, list[Place]] = {}
            accented: dict[str, list[Place]] = {}

            prefixes = {}
            for type_ in PlaceType:
                type_plain, type_words = _split(unicodedata.normalize("NFC", type_.prefix), True)
                prefixes[type_] = (" ".join(type_plain), " ".join(type_words))
            # The keys of each distinct short name: (its words plain, accented; its keys).
            cache: dict[str, tuple[str, str, str, str]] = {}
            for place in self.places:
                rest = place.name[len(place.type.prefix) + 1 :]
                entry = cache.get(rest)
                if entry is None:
                    nfc = unicodedata.normalize("NFC", rest)
                    rest_plain, rest_words = _split(nfc, True)
                    entry = cache[rest] = (
                        " ".join(rest_plain),
                        " ".join(rest_words),
                        _expand(rest_plain, rest_plain, False),
                        _expand(rest_words, rest_plain, True),
                    )
                type_plain_key, type_accented_key = prefixes[place.type]
                keys = [
                    (plain, f"{type_plain_key} {entry[0]}".strip()),
                    (accented, f"{type_accented_key} {entry[1]}".strip()),
                ]
                if place.short_name != place.name:
                    keys.append((plain, entry[2]))
                    keys.append((accented, entry[3]))
                for index, key in keys:
                    found = index.get(key)
                    if found is None:
                        index[key] = [place]
                    elif found[-1] is not place:
                        found.append(place)
            for place_id, aliases in _ALIASES.items():
                aliased = self.by_id.get(place_id)
                if aliased is None:
                    continue
                for alias in aliases:
                    for table, alias_key in zip((plain, accented), _keys(alias), strict=True):
                        found = table.setdefault(alias_key, [])
                        if aliased not in found:
                            found.append(aliased)
            self._accented = accented
            self._plain = plain
        return self._plain, self._accented

    def province_of(self, place: Place) -> Place:
        while place.parent is not None:
            place = self.by_code[place.parent]
        return place


#: Names in common use that the official lists do not give.
_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "vn63-79": ("TP HCM", "TPHCM", "HCM"),
    "vn34-79": ("TP HCM", "TPHCM", "HCM"),
    "vn63-46": ("Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế"),  # until 31/12/2024
}


class _Data:
    __slots__ = ("_links", "_raw_links", "new", "old", "source")

    def __init__(self, document: dict[str, Any]) -> None:
        if document.get("format") != _DATA_FORMAT:
            raise DataError(f"{_DATA_FILE} has format {document.get('format')!r}, not 1")
        self.source: dict[str, str] = document["source"]
        self.old = _Map(_places(document["old"], valid_from=None, valid_until=REORGANIZED))
        self.new = _Map(_places(document["new"], valid_from=REORGANIZED, valid_until=None))
        self._links: tuple[dict[str, list[Succession]], dict[str, list[Succession]]] | None
        self._links = None
        self._raw_links: tuple[list[list[str]], list[list[Any]]] = (
            document["provinces"],
            document["communes"],
        )

    def links(self) -> tuple[dict[str, list[Succession]], dict[str, list[Succession]]]:
        """(old code → successions, new code → successions), built on first use."""
        if self._links is None:
            forward: dict[str, list[Succession]] = {}
            backward: dict[str, list[Succession]] = {}
            provinces, communes = self._raw_links
            old, new = self.old.by_code, self.new.by_code
            rows = [(a, b, 0) for a, b in provinces] + communes
            for old_code, new_code, how in rows:
                # From danvan's own data: built without the validators, as in _places.
                link = object.__new__(Succession)
                object.__setattr__(link, "old", old[old_code])
                object.__setattr__(link, "new", new[new_code])
                object.__setattr__(link, "is_whole", how == 0)
                object.__setattr__(link, "is_default", how < 2)
                forward.setdefault(old_code, []).append(link)
                backward.setdefault(new_code, []).append(link)
            self._links = forward, backward
        return self._links


def _places(
    rows: list[list[Any]], *, valid_from: date | None, valid_until: date | None
) -> list[Place]:
    """The places of one map from the data file's rows.

    The rows come from danvan's own data file, whose every place the tests check with
    ``attrs.validate``; building them without running the validators halves the time
    the first lookup takes.
    """
    new = object.__new__
    set_ = object.__setattr__
    types = {type_.value: (type_, type_.prefix, type_.level) for type_ in PlaceType}
    result = []
    for code, type_value, rest, parent in rows:
        type_, prefix, level = types[type_value]
        name = f"{prefix} {rest}"
        place = new(Place)
        set_(place, "code", code)
        set_(place, "name", name)
        set_(place, "short_name", name if rest.isdigit() else rest)
        set_(place, "type", type_)
        set_(place, "level", level)
        set_(place, "parent", parent)
        set_(place, "valid_from", valid_from)
        set_(place, "valid_until", valid_until)
        known = valid_from if valid_until is None else _KNOWN_FROM.get(code)
        set_(place, "known_from", known)
        result.append(place)
    return result


@functools.lru_cache(maxsize=1)
def _data() -> _Data:
    """Read the data file (once, on first use)."""
    raw = resources.files("danvan").joinpath("data").joinpath(_DATA_FILE).read_bytes()
    return _Data(json.loads(gzip.decompress(raw)))


# ---------------------------------------------------------------------------- checking


def _map_on(day: date) -> _Map:
    check_day(day, "as_of")
    data = _data()
    return data.new if day >= REORGANIZED else data.old


def _map_of(place: object) -> _Map:
    """The map *place* belongs to; it must be one of danvan's places."""
    if not isinstance(place, Place):
        raise InvalidTypeError(f"expected a Place, not {type(place).__name__}: {place!r}")
    data = _data()
    map_ = data.old if place.id.startswith("vn63") else data.new
    if map_.by_code.get(place.code) != place:
        raise UnknownPlaceError(
            f"{place.name!r} ({place.code}) is not a place of danvan's data", text=place.code
        )
    return map_


def _describe(place: Place, map_: _Map) -> str:
    """ "Xã Hồng Lĩnh (12667, Huyện Hưng Hà, Tỉnh Thái Bình)"."""
    parents = []
    parent = place.parent
    while parent is not None:
        above = map_.by_code[parent]
        parents.append(above.name)
        parent = above.parent
    return f"{place.name} ({', '.join([place.code, *parents])})"


# ------------------------------------------------------------------------------ public


def places(*, as_of: date) -> tuple[Place, ...]:
    """The provinces and centrally-run cities valid on *as_of*, by code.

    >>> [p.name for p in places(as_of=date(2026, 1, 1))][:3]
    ['Thành phố Hà Nội', 'Tỉnh Cao Bằng', 'Tỉnh Tuyên Quang']
    """
    return tuple(_map_on(as_of).provinces)


def children(place: Place, /) -> tuple[Place, ...]:
    """The places directly under *place*, on its own map, by code.

    A province of the old map has districts, a district communes; a province of the new
    map has communes; a commune has none.

    >>> len(children(find_place("Hồng Lĩnh", as_of=date(2021, 1, 1))))
    6
    """
    return tuple(_map_of(place).children.get(place.code, ()))


def find_place(
    text: str,
    /,
    *,
    as_of: date,
    level: Level | None = None,
    within: Place | None = None,
) -> Place:
    """The place of the map in force on *as_of* that *text* names, or its code.

    Case, NFC/NFD, tone placement (Hoà/Hòa) and spacing never matter, and the type word
    may be given in full, abbreviated or left out. *text* is first matched with its
    accents as written ("Cẩm Giàng" is not "Cẩm Giang", and "Quan Hoa" is Phường Quan
    Hoa, not Huyện Quan Hóa); only when no place is written so are the accents ignored
    (the :func:`normalize_place_name` form). *level* keeps places of that level,
    *within* places under that province or district (of the same map).

    A name without its type that fits places of several levels means the largest:
    "Nam Định" before 2025 is the province, not its city (write "thành phố Nam Định"),
    and "Hồng Lĩnh" the town, not Xã Hồng Lĩnh in Thái Bình (``level=Level.COMMUNE``).
    Several places of the same level raise :class:`AmbiguousPlaceError`, no place
    :class:`UnknownPlaceError`.

    >>> find_place("p. sai gon", as_of=date(2026, 1, 1)).name
    'Phường Sài Gòn'
    >>> find_place("Hòa Thành", as_of=date(2026, 1, 1))
    Traceback (most recent call last):
    ...
    danvan.errors.AmbiguousPlaceError: 'Hòa Thành' fits 2 places on 2026-01-01: \
Phường Hòa Thành (25645, Tỉnh Tây Ninh); Phường Hòa Thành (32041, Tỉnh Cà Mau)
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {text!r}")
    map_ = _map_on(as_of)
    if level is not None and not isinstance(level, Level):
        raise InvalidTypeError(f"level must be a Level, not {level!r}")
    if within is not None and _map_of(within) is not map_:
        raise InvalidValueError(f"{within.name!r} is not on the map in force on {as_of}")
    if len(text) > MAX_NAME_LENGTH or long_run(text) is not None:
        # no place is named so, and reading it would cost time and memory for nothing
        raise UnknownPlaceError(f"no place named {shorten(text)} on {as_of}", text=text)
    stripped = text.strip()
    if stripped.isascii() and stripped.isdigit():
        place = map_.by_code.get(stripped)
        found = [] if place is None else _keep([place], level, within, map_)
        if not found:
            raise UnknownPlaceError(f"no place with code {shorten(text)} on {as_of}", text=text)
        return found[0]
    plain_key, accented_key = _keys(text)
    plain, accented = map_.index()
    found = _keep(accented.get(accented_key, ()), level, within, map_)
    if not found:
        found = _keep(plain.get(plain_key, ()), level, within, map_)
    if not found:
        raise UnknownPlaceError(f"no place named {shorten(text)} on {as_of}", text=text)
    if len(found) > 1:
        top = min(place.level.depth for place in found)
        found = [place for place in found if place.level.depth == top]
        if len(found) > 1:
            listed = "; ".join(_describe(place, map_) for place in found[:_LISTED])
            more = f"; and {len(found) - _LISTED} more" if len(found) > _LISTED else ""
            raise AmbiguousPlaceError(
                f"{shorten(text)} fits {len(found)} places on {as_of}: {listed}{more}",
                text=text,
                candidates=tuple(found),
            )
    return found[0]


def _keep(
    found: Iterable[Place], level: Level | None, within: Place | None, map_: _Map
) -> list[Place]:
    result = []
    for place in found:
        if level is not None and place.level is not level:
            continue
        if within is not None:
            parent = place.parent
            while parent is not None and parent != within.code:
                parent = map_.by_code[parent].parent
            if parent is None:
                continue
        result.append(place)
    return result


def successors(place: Place, /) -> tuple[Succession, ...]:
    """Where an old place went on 01/07/2025: one :class:`Succession` per new place.

    An old province went whole into one new province; an old commune went whole into
    one new commune or was split between several, one of them the default. A district
    (the level that ended) lists the new communes that took its communes, with no
    default unless there is only one (the five island districts became special zones).
    A place of the new map has no successors yet.

    >>> [(s.new.name, s.is_whole) for s in successors(find_place("Phường Long Hoa",
    ...     as_of=date(2021, 1, 1)))]
    [('Phường Long Hoa', True)]
    """
    map_ = _map_of(place)
    if map_ is not _data().old:
        return ()
    forward = _data().links()[0]
    if place.code in forward:
        return tuple(forward[place.code])
    new: dict[Place, None] = {}
    for commune in map_.children.get(place.code, ()):
        for succession in forward.get(commune.code, ()):
            new.setdefault(succession.new)
    only = len(new) == 1
    return tuple(
        Succession(old=place, new=target, is_whole=only, is_default=only)
        for target in sorted(new, key=lambda p: p.code)
    )


def predecessors(place: Place, /) -> tuple[Succession, ...]:
    """What a new place was made of: one :class:`Succession` per old place.

    A new province lists the old provinces merged into it; a new commune the old
    communes (whole or in part) and, for five special zones, the island district they
    were. A place of the old map has none in danvan's data.

    >>> [s.old.name for s in predecessors(find_place("Phường Bắc Hồng Lĩnh",
    ...     as_of=date(2026, 1, 1)))]
    ['Phường Bắc Hồng', 'Phường Trung Lương', 'Phường Đức Thuận', 'Xã Xuân Lam']
    """
    if _map_of(place) is not _data().new:
        return ()
    return tuple(_data().links()[1].get(place.code, ()))
