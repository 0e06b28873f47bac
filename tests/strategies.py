"""Hypothesis strategies shared by the tests: one place for every kind of value."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from danvan.units import Identifier, Level, Unit, UnitKind

__all__ = ["decimals", "exact_numbers", "scales", "unit_trees", "units"]

#: Finite decimals of report size, with their own exponent (0.50 stays 0.50).
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=None
).filter(lambda d: d.as_tuple().exponent >= -12)  # type: ignore[operator]

#: What the number functions accept and read back exactly.
exact_numbers: st.SearchStrategy[int | Decimal] = st.one_of(st.integers(), decimals)

units = st.sampled_from(["đồng", "đ", "VNĐ", "₫"])
scales = st.sampled_from([None, "auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"])


# ------------------------------------------------------------------------ units


@st.composite
def unit_trees(draw: st.DrawFn, max_units: int = 12) -> list[Unit]:
    """Units that make a valid tree: each parent comes first and outlives its children."""
    count = draw(st.integers(0, max_units))
    units: list[Unit] = []
    low, high = date(1945, 1, 1), date(2040, 12, 31)
    for index in range(count):
        parent = draw(st.none() | st.sampled_from(units)) if units else None
        start = low if parent is None or parent.founded is None else parent.founded
        end = high if parent is None or parent.dissolved is None else parent.dissolved
        founded = draw(st.none() | st.dates(start, end - timedelta(days=1)))
        first_end = (founded or start) + timedelta(days=1)
        if parent is not None and parent.dissolved is not None:
            dissolved: date | None = draw(st.dates(first_end, parent.dissolved))
        else:
            dissolved = draw(st.none() | st.dates(first_end, high))
        units.append(
            Unit(
                id=f"u{index}",
                name=draw(st.sampled_from(UNIT_NAMES)) + f" {index}",
                kind=draw(st.sampled_from(UnitKind)),
                level=draw(st.sampled_from(Level)),
                parent=None if parent is None else parent.id,
                founded=founded,
                dissolved=dissolved,
                identifiers=draw(
                    st.lists(
                        st.builds(
                            Identifier,
                            st.sampled_from(["document_issuer", "area_code"]),
                            st.sampled_from(["ThU", "TU", "BDVTU", "42", "18"]),
                        ),
                        max_size=2,
                    ).map(tuple)
                ),
            )
        )
    # Successors: a dissolved unit may name units founded on or after its dissolution.
    for index, unit in enumerate(units):
        if unit.dissolved is None:
            continue
        later = [
            u.id for u in units if u.id != unit.id and u.founded and u.founded >= unit.dissolved
        ]
        if later:
            chosen = draw(st.lists(st.sampled_from(later), max_size=2, unique=True))
            units[index] = attrs.evolve(unit, successors=tuple(chosen))
    return units


UNIT_NAMES = [
    "Tỉnh ủy Hà Tĩnh",
    "Thị ủy Hồng Lĩnh",
    "Ban Dân vận",
    "Ủy ban nhân dân",
    "Ủy ban MTTQ",
    "Hội Nông dân",
    "Đảng ủy phường Bắc Hồng",
]
