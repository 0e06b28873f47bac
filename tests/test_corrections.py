"""Corrections of issue 17: issuer abbreviations per unit, Place.known_from."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from danvan import Level, Place, PlaceType, find_place, political_units
from danvan.errors import InvalidTypeError, InvalidValueError

OLD = date(2018, 6, 30)


@pytest.mark.parametrize(
    ("name", "issuer"),
    [
        # Thành ủy Hạ Long writes "20-CT/TU" (corpus report 003), not the common "ThU".
        ("Hạ Long", "TU"),
        # The common default of a thị xã and of another thành phố thuộc tỉnh.
        ("Hồng Lĩnh", "ThU"),
        ("Hà Tĩnh", "TU"),  # the province
    ],
)
def test_committee_abbreviation_is_data_per_unit(name: str, issuer: str) -> None:
    place = find_place(name, as_of=OLD)
    if name == "Hà Tĩnh":
        place = find_place("Tỉnh Hà Tĩnh", as_of=OLD)
    tree = political_units(place)
    assert tree[f"{place.id}-party"].identifier("document_issuer") == issuer


def test_known_from() -> None:
    # Hòa Thành became a thị xã on 01/02/2020 (secondary source); before, a huyện.
    hoa_thanh = find_place("Hòa Thành", as_of=OLD)
    assert hoa_thanh.type is PlaceType.TOWN
    assert hoa_thanh.known_from == date(2020, 2, 1)
    assert find_place("Hồng Lĩnh", as_of=OLD).known_from is None
    new = find_place("Tỉnh Hà Tĩnh", as_of=date(2026, 1, 1))
    assert new.known_from == date(2025, 7, 1) == new.valid_from
    assert hoa_thanh.to_dict()["known_from"] == "2020-02-01"


def test_known_from_is_checked() -> None:
    base = {
        "code": "42",
        "name": "Tỉnh Hà Tĩnh",
        "short_name": "Hà Tĩnh",
        "type": PlaceType.PROVINCE,
        "level": Level.PROVINCE,
    }
    assert Place(**base, known_from=date(2000, 1, 1)).known_from == date(2000, 1, 1)
    with pytest.raises(InvalidTypeError):
        Place(**base, known_from=datetime(2000, 1, 1))
    with pytest.raises(InvalidValueError, match="before it is valid"):
        Place(**base, valid_from=date(2025, 7, 1), known_from=date(2020, 1, 1))
    with pytest.raises(InvalidValueError, match="after it ends"):
        Place(**base, valid_until=date(2025, 7, 1), known_from=date(2025, 7, 1))


def test_after_2025_a_province_has_the_party_committee_of_its_peoples_committee() -> None:
    after = date(2026, 1, 1)
    province = find_place("Tỉnh Ninh Bình", as_of=after)
    tree = political_units(province, as_of=after)
    du = tree[f"{province.id}-du-ubnd"]
    assert du.name == "Đảng ủy Ủy ban nhân dân tỉnh Ninh Bình"
    assert tree.find("Đảng ủy UBND tỉnh Ninh Bình") == [du]
    assert du.parent == f"{province.id}-party"
    assert du.identifier("document_issuer") is None  # not known here
    assert tree[f"{province.id}-btgdv"].identifier("document_issuer") == "BTGDVTU"
    old = find_place("Tỉnh Nam Định", as_of=OLD)
    assert "vn63-36-du-ubnd" not in political_units(old)
    board = political_units(old)["vn63-36-btgdv"]
    assert board.identifier("document_issuer") == "BTGDVTU"
