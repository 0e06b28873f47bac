"""Figures and names as the report writes them (private)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from danvan.errors import InvalidValueError
from danvan.indicators import UndefinedIndicatorError
from danvan.numbers import format_money, format_number, format_percent
from danvan.observations import ExactNumber
from danvan.periods import Period
from danvan.report._model import _clean
from danvan.sentences import (
    describe_change,
    describe_difference,
    describe_point_change,
)
from danvan.units import UnitTree

_MONEY_UNITS: Final = frozenset({"đồng", "đ", "VNĐ", "₫"})

# ------------------------------------------------------------------- writing figures


def _figure(value: ExactNumber) -> str:
    """A number exactly, or to two places when its decimals do not end (1/3)."""
    try:
        return format_number(value)
    except InvalidValueError:
        return format_number(value, decimals=2)


def _money(value: ExactNumber) -> str:
    """ "915 triệu đồng", "3,8 tỷ đồng" when exact and short; else "1.798.702.098đ"."""
    try:
        scaled = format_money(value, scale="auto")
    except InvalidValueError:  # decimals that do not end
        return format_money(value, unit="đ", decimals=0)
    number, _, rest = scaled.partition(" ")
    if rest != "đồng" and "." not in number:
        return scaled
    try:
        return format_money(value, unit="đ")
    except InvalidValueError:
        return format_money(value, unit="đ", decimals=0)


def _amount(value: ExactNumber, unit: str) -> str:
    """A value of an indicator with its unit, as a report writes it."""
    if unit in _MONEY_UNITS:
        return _money(value)
    if unit == "%":
        return format_percent(value)
    return f"{_figure(value)} {unit}"


def _compare(
    now: ExactNumber,
    before: ExactNumber,
    unit: str,
    since: str | Period | None,
    higher_is_better: bool = True,
) -> str:
    """ "tăng 17% so với …", in points for rates, in units when *before* is zero; a fall
    where lower is better is "giảm được"."""
    direction = None if higher_is_better else False
    if unit == "%":
        return describe_point_change(now, before, since=since, higher_is_better=direction)
    try:
        return describe_change(now, before, since=since, higher_is_better=direction)
    except UndefinedIndicatorError:
        word = "đồng" if unit in _MONEY_UNITS else unit
        try:
            return describe_difference(
                now, before, unit=word, since=since, higher_is_better=direction
            )
        except InvalidValueError:  # decimals that do not end
            return describe_difference(
                now, before, unit=word, since=since, decimals=2, higher_is_better=direction
            )


def _names(ids: Iterable[str], tree: UnitTree) -> str:
    """ "A", "A và B", "A, B và C"."""
    names = [_clean(tree[unit_id].name) for unit_id in ids]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"
