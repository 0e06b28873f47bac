"""Hypothesis strategies shared by the tests: one place for every kind of value."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

__all__ = ["decimals", "exact_numbers", "scales", "units"]

#: Finite decimals of report size, with their own exponent (0.50 stays 0.50).
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=None
).filter(lambda d: d.as_tuple().exponent >= -12)  # type: ignore[operator]

#: What the number functions accept and read back exactly.
exact_numbers: st.SearchStrategy[int | Decimal] = st.one_of(st.integers(), decimals)

units = st.sampled_from(["đồng", "đ", "VNĐ", "₫"])
scales = st.sampled_from([None, "auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"])
