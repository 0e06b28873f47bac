"""Half-up rounding of exact values (làm tròn), written once (private).

Reports round half away from zero ("108,385%" is "108,39%"), as Python's
``ROUND_HALF_UP`` does for a :class:`~decimal.Decimal`; this does it for a
:class:`~fractions.Fraction` and for a ratio of integers, without ever leaving exact
arithmetic. Every rounding in danvan (numbers, sentences, validation, reports) comes
here.

>>> round_half_up(Fraction(-1, 8), 2)
Fraction(-13, 100)
>>> scaled_half_up(108385, 100000, 100)  # 1,08385 to hundredths: 108
108
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["round_half_up", "scaled_half_up"]


def scaled_half_up(numerator: int, denominator: int, scale: int) -> int:
    """``numerator / denominator * scale`` rounded half away from zero to an integer.

    *denominator* and *scale* are positive (*scale* is usually a power of ten).

    >>> scaled_half_up(5, 2, 1), scaled_half_up(-5, 2, 1), scaled_half_up(7, 3, 10)
    (3, -3, 23)
    """
    scaled, remainder = divmod(abs(numerator) * scale, denominator)
    if 2 * remainder >= denominator:
        scaled += 1
    return -scaled if numerator < 0 else scaled


def round_half_up(value: Fraction, places: int) -> Fraction:
    """*value* rounded half away from zero to *places* decimal places, exactly."""
    scale = 10**places
    return Fraction(scaled_half_up(value.numerator, value.denominator, scale), scale)
