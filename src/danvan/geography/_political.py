"""The political system of a place (private to danvan.geography): the Party committee,
its boards and the organisations of each place, by the rules of each period."""

from __future__ import annotations

from datetime import date
from typing import Final

from danvan import _calendar
from danvan._validators import check_day
from danvan.errors import (
    InvalidValueError,
)
from danvan.geography._places import REORGANIZED, Place, PlaceType, _data, _map_of
from danvan.units import Identifier, Level, Unit, UnitKind, UnitTree

__all__ = ["BOARDS_MERGED", "political_units"]

#: The day :func:`political_units` takes as the merger of Ban Tuyên giáo and Ban Dân vận
#: into Ban Tuyên giáo và Dân vận at provincial and district level. The central boards
#: merged on 03/02/2025; provinces and districts followed by decisions of their own, most
#: of them at the end of February or the start of March 2025, so danvan takes 01/03/2025
#: and lets you pass the day your province used (``boards_merged=``).
BOARDS_MERGED: Final = date(2025, 3, 1)

_CENTRAL_BOARDS_MERGED: Final = _calendar.CENTRAL_BOARDS_MERGED
#: From 01/07/2021 the wards of Hà Nội, and the urban districts and wards of Hồ Chí Minh
#: City and Đà Nẵng, had no People's Council (NQ 97/2019/QH14, 131/2020/QH14,
#: 119/2020/QH14: urban government).
_URBAN_GOVERNMENT: Final = date(2021, 7, 1)
#: Party committees that sign with another abbreviation than the common one for their
#: type of place (``_COMMITTEE``), by code of the old map. 193 Thành ủy Hạ Long (a
#: thành phố thuộc tỉnh, commonly "ThU") writes "20-CT/TU" (danvan's corpus, report
#: 003).
_COMMITTEE_ISSUER: Final[dict[str, str]] = {"193": "TU"}


# --------------------------------------------------------------------- political units


def political_units(
    place: Place,
    /,
    *,
    as_of: date | None = None,
    boards_merged: date = BOARDS_MERGED,
) -> UnitTree:
    """The standard units of the political system of *place* (hệ thống chính trị).

    With *as_of*, the units that exist that day (the place must exist then too);
    without, every unit of the place's life, each with its ``founded`` and
    ``dissolved`` dates. The roots are the Party committee (with its standing
    committee, boards and inspection commission under it), the People's Council, the
    People's Committee and the Fatherland Front committee; the socio-political
    organisations are roots of their own before 01/07/2025 and children of the Front
    from that day (NQ 203/2025/QH15). Ids are the place's :attr:`Place.id` and a suffix
    ("vn63-437-party", "vn63-437-bdv"); every unit has the identifier
    ``area_code`` = the place's code.

    At provincial and district level Ban Tuyên giáo and Ban Dân vận end, and Ban Tuyên
    giáo và Dân vận starts, on *boards_merged* (see :data:`BOARDS_MERGED`). Communes
    had no boards before 2025 (a Khối dân vận instead); from 01/07/2025 a commune or
    ward Party committee has an office, a Ban Xây dựng Đảng and an inspection
    commission, a special zone an office, Ban Tổ chức, Ban Tuyên giáo và Dân vận and an
    inspection commission (QĐ 298-QĐ/TW). There is no trade union unit at commune level.

    From 01/07/2025 a province also has the Đảng ủy of its People's Committee (Đảng ủy
    UBND tỉnh) under the provincial committee. It took the place of the Ban cán sự đảng
    UBND tỉnh during 2025, on dates of each province's own that danvan does not hold, so
    neither body is in the tree before 01/07/2025. Its document abbreviation is not
    known here. The Ban Tuyên giáo và Dân vận of a province signs "BTGDVTU" (secondary).

    The Party committee carries the abbreviation it signs its documents with as its
    ``document_issuer`` identifier: the common one for its type of place ("TU", "HU",
    "QU", "ThU", "ĐU"), or the one a source shows where it differs (Thành ủy Hạ Long
    writes "TU", not "ThU").

    >>> from danvan.geography import find_place
    >>> tree = political_units(find_place("Hồng Lĩnh", as_of=date(2021, 1, 1)),
    ...                        as_of=date(2021, 1, 1))
    >>> [unit.id for unit in tree.roots]  # doctest: +NORMALIZE_WHITESPACE
    ['vn63-437-party', 'vn63-437-hdnd', 'vn63-437-ubnd', 'vn63-437-mttq', 'vn63-437-lhpn',
     'vn63-437-hnd', 'vn63-437-doan', 'vn63-437-hccb', 'vn63-437-ldld']
    >>> tree["vn63-437-ubnd"].name, tree["vn63-437-mttq"].name
    ('Ủy ban nhân dân thị xã Hồng Lĩnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Hồng Lĩnh')
    """
    _map_of(place)
    if as_of is not None:
        check_day(as_of, "as_of")
        if not place.exists_on(as_of):
            raise InvalidValueError(
                f"{place.name!r} ({place.code}) does not exist on {as_of}; see successors()"
                if as_of >= REORGANIZED
                else f"{place.name!r} ({place.code}) exists only from {REORGANIZED}"
            )
    check_day(boards_merged, "boards_merged")
    if not _CENTRAL_BOARDS_MERGED <= boards_merged < REORGANIZED:
        raise InvalidValueError(
            f"boards_merged must lie between {_CENTRAL_BOARDS_MERGED} and {REORGANIZED}"
            f" (exclusive), not {boards_merged}"
        )
    tree = UnitTree(_units(place, boards_merged))
    return tree if as_of is None else tree.as_of(as_of)


_COMMITTEE: Final = {
    PlaceType.PROVINCE: ("Tỉnh ủy", "TU"),
    PlaceType.CITY: ("Thành ủy", "TU"),
    PlaceType.DISTRICT: ("Huyện ủy", "HU"),
    PlaceType.URBAN_DISTRICT: ("Quận ủy", "QU"),
    PlaceType.TOWN: ("Thị ủy", "ThU"),
    PlaceType.PROVINCIAL_CITY: ("Thành ủy", "ThU"),
}
_YOUTH: Final = {
    PlaceType.PROVINCE: "Tỉnh Đoàn",
    PlaceType.CITY: "Thành Đoàn",
    PlaceType.DISTRICT: "Huyện Đoàn",
    PlaceType.URBAN_DISTRICT: "Quận Đoàn",
    PlaceType.TOWN: "Thị Đoàn",
    PlaceType.PROVINCIAL_CITY: "Thành Đoàn",
}


#: The Party committee's advisory bodies by suffix: the name ("{c}" the committee,
#: "{ref}" the place) and kind.
_BOARDS: Final = {
    "btv": ("Ban Thường vụ {c}", UnitKind.STANDING_COMMITTEE),
    "btc": ("Ban Tổ chức {c}", UnitKind.ORGANIZATION_BOARD),
    "btg": ("Ban Tuyên giáo {c}", UnitKind.PROPAGANDA_BOARD),
    "bdv": ("Ban Dân vận {c}", UnitKind.MASS_MOBILIZATION_BOARD),
    "btgdv": ("Ban Tuyên giáo và Dân vận {c}", UnitKind.PROPAGANDA_AND_MOBILIZATION_BOARD),
    # Ban Xây dựng Đảng (party building: organisation, propaganda and mass mobilisation
    # of a commune from 01/07/2025) has no UnitKind of its own yet.
    "bxdd": ("Ban Xây dựng Đảng {c}", UnitKind.OTHER),
    "ubkt": ("Ủy ban Kiểm tra {c}", UnitKind.INSPECTION_COMMISSION),
    "vp": ("Văn phòng {c}", UnitKind.PARTY_OFFICE),
    "kdv": ("Khối dân vận {ref}", UnitKind.MASS_MOBILIZATION_BLOC),
}
_OLD_BOARDS: Final[tuple[str, ...]] = ("btv", "btc", "btg", "bdv", "btgdv", "ubkt", "vp")
_NEW_BOARDS: Final[tuple[str, ...]] = (
    "btv",
    "btc",
    "btgdv",
    "ubkt",
    "vp",
)  # provinces, special zones
_OLD_COMMUNE_BOARDS: Final[tuple[str, ...]] = ("btv", "ubkt", "kdv")
_NEW_COMMUNE_BOARDS: Final[tuple[str, ...]] = ("btv", "bxdd", "ubkt", "vp")  # communes and wards
#: The Front's member organisations: suffix, name, kind and the abbreviation in use.
_ORGANIZATIONS: Final = (
    ("lhpn", "Hội Liên hiệp Phụ nữ", UnitKind.WOMENS_UNION, "Hội LHPN"),
    ("hnd", "Hội Nông dân", UnitKind.FARMERS_UNION, None),
    ("doan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", UnitKind.YOUTH_UNION, None),
    ("hccb", "Hội Cựu chiến binh", UnitKind.VETERANS_ASSOCIATION, None),
    ("ldld", "Liên đoàn Lao động", UnitKind.TRADE_UNION, None),  # not at commune level
)


def _units(place: Place, boards_merged: date) -> list[Unit]:
    """Every unit of *place* over its whole life (see :func:`political_units`)."""
    old = place.id.startswith("vn63")
    founded, dissolved = (None, REORGANIZED) if old else (REORGANIZED, None)
    # "thị xã Hồng Lĩnh" in "Ủy ban nhân dân thị xã Hồng Lĩnh"; a numbered place and Hồ
    # Chí Minh City keep their capital: "Quận 1", "Thành phố Hồ Chí Minh".
    proper = place.short_name == place.name or place.short_name == "Hồ Chí Minh"
    own = place.name if proper else place.short_name
    ref = place.name if proper else f"{place.type.prefix.lower()} {place.short_name}"
    commune = place.level is Level.COMMUNE
    if commune:
        committee, issuer = f"Đảng ủy {ref}", "ĐU"
        signs = issuer
        boards = _OLD_COMMUNE_BOARDS if old else _NEW_COMMUNE_BOARDS
        if place.type is PlaceType.SPECIAL_ZONE:
            boards = _NEW_BOARDS
    else:
        word, issuer = _COMMITTEE[place.type]
        committee = f"{word} {own}"
        signs = _COMMITTEE_ISSUER.get(place.code, issuer) if old else issuer
        boards = _OLD_BOARDS if old else _NEW_BOARDS
    area = Identifier("area_code", place.code)
    units: list[Unit] = []

    def add(
        suffix: str,
        name: str,
        kind: UnitKind,
        parent: str | None = None,
        *,
        issuer: str | None = None,
        other_names: tuple[str, ...] = (),
        founded: date | None = founded,
        dissolved: date | None = dissolved,
    ) -> None:
        identifiers = (area,) if issuer is None else (area, Identifier("document_issuer", issuer))
        units.append(
            Unit(
                id=f"{place.id}-{suffix}",
                name=name,
                kind=kind,
                level=place.level,
                parent=None if parent is None else f"{place.id}-{parent}",
                founded=founded,
                dissolved=dissolved,
                other_names=other_names,
                identifiers=identifiers,
            )
        )

    add("party", committee, UnitKind.PARTY_COMMITTEE, issuer=signs)
    for suffix in boards:
        template, kind = _BOARDS[suffix]
        name = template.format(c=committee, ref=ref)
        if old and suffix in ("btg", "bdv"):
            board_issuer = {"TU": "BDVTU", "HU": "BDVHU"}.get(issuer) if suffix == "bdv" else None
            add(suffix, name, kind, "party", issuer=board_issuer, dissolved=boards_merged)
        elif suffix == "btgdv":
            # "BTGDVTU" at province level (secondary: DOMAIN.md, corrections).
            btgdv_issuer = "BTGDVTU" if issuer == "TU" else None
            add(
                suffix,
                name,
                kind,
                "party",
                issuer=btgdv_issuer,
                founded=boards_merged if old else founded,
            )
        else:
            add(suffix, name, kind, "party")
    if not old and place.level is Level.PROVINCE:
        # The Đảng ủy of the provincial People's Committee took the place of its Ban
        # cán sự đảng in 2025; only the new tree holds it (see political_units).
        add(
            "du-ubnd",
            f"Đảng ủy Ủy ban nhân dân {ref}",
            UnitKind.PARTY_COMMITTEE,
            "party",
            other_names=(f"Đảng ủy UBND {ref}",),
        )
    add(
        "hdnd",
        f"Hội đồng nhân dân {ref}",
        UnitKind.PEOPLES_COUNCIL,
        issuer="HĐND",
        other_names=(f"HĐND {ref}",),
        dissolved=_URBAN_GOVERNMENT if old and _urban_government(place) else dissolved,
    )
    add(
        "ubnd",
        f"Ủy ban nhân dân {ref}",
        UnitKind.PEOPLES_COMMITTEE,
        issuer="UBND",
        other_names=(f"UBND {ref}",),
    )
    add(
        "mttq",
        f"Ủy ban Mặt trận Tổ quốc Việt Nam {ref}",
        UnitKind.FATHERLAND_FRONT,
        issuer="MTTQ",
        other_names=(f"Ủy ban MTTQ Việt Nam {ref}",),
    )
    for suffix, name, kind, short in _ORGANIZATIONS:
        if commune and kind is UnitKind.TRADE_UNION:
            continue
        other_names = () if short is None else (f"{short} {ref}",)
        if kind is UnitKind.YOUTH_UNION and place.type in _YOUTH:
            other_names = (f"{_YOUTH[place.type]} {own}",)  # "Thị Đoàn Hồng Lĩnh"
        add(suffix, f"{name} {ref}", kind, None if old else "mttq", other_names=other_names)
    return units


def _urban_government(place: Place) -> bool:
    """No People's Council from 01/07/2021 (urban government in three cities)."""
    province = _data().old.province_of(place).code
    if place.type is PlaceType.WARD:
        return province in ("01", "48", "79")
    return place.type is PlaceType.URBAN_DISTRICT and province in ("48", "79")
