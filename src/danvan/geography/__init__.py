"""Vietnam's administrative geography before and after 01/07/2025 (địa giới hành chính).

On 01/07/2025 the map changed: 63 provinces became 34 (28 tỉnh and 6 thành phố), the
district level ended, and the 10,035 communes became 3,321 (2,621 xã, 687 phường, 13
đặc khu). danvan ships both maps and the old-to-new mapping (from the MIT-licensed
vietnamadminunits data, see ``danvan/data/SOURCE.md``) and reads them on first use.

A :class:`Place` is one unit of either map, with its statistical code, its full name
("Thị xã Hồng Lĩnh") and short name ("Hồng Lĩnh"), its :class:`PlaceType`, level and
parent, and the dates it is valid: the old map until 01/07/2025 (exclusive), the new
one from that day. Every function that needs a map takes the day (``as_of=``), never
the clock.

>>> from datetime import date
>>> before, after = date(2021, 5, 19), date(2026, 1, 1)
>>> len(places(as_of=before)), len(places(as_of=after))
(63, 34)
>>> town = find_place("tx Hồng Lĩnh", as_of=before)
>>> town.name, town.code, town.type.vietnamese, find_place(town.parent, as_of=before).name
('Thị xã Hồng Lĩnh', '437', 'thị xã', 'Tỉnh Hà Tĩnh')
>>> [(s.new.name, s.is_default) for s in successors(find_place("Nam Định", as_of=before))]
[('Tỉnh Ninh Bình', True)]
>>> [unit.name for unit in political_units(town, as_of=before)][:3]
['Thị ủy Hồng Lĩnh', 'Ban Thường vụ Thị ủy Hồng Lĩnh', 'Ban Tổ chức Thị ủy Hồng Lĩnh']

Names are matched without regard to case, accents, NFC/NFD and the old or new tone
placement (Hoà/Hòa), with or without the type word or its abbreviation ("p. Sài Gòn",
"TP Hồ Chí Minh"); a name that fits several places of the same level raises
:class:`AmbiguousPlaceError` with the candidates, never a silent first match.
"""

from __future__ import annotations

from danvan.errors import AmbiguousPlaceError, UnknownPlaceError
from danvan.geography._names import normalize_place_name
from danvan.geography._places import (
    MAX_NAME_LENGTH,
    REORGANIZED,
    Place,
    PlaceType,
    Succession,
    children,
    find_place,
    places,
    predecessors,
    successors,
)
from danvan.geography._political import BOARDS_MERGED, political_units

__all__ = [
    "BOARDS_MERGED",
    "MAX_NAME_LENGTH",
    "REORGANIZED",
    "AmbiguousPlaceError",
    "Place",
    "PlaceType",
    "Succession",
    "UnknownPlaceError",
    "children",
    "find_place",
    "normalize_place_name",
    "places",
    "political_units",
    "predecessors",
    "successors",
]
