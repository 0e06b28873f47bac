"""Half-up rounding of exact values (làm tròn), written once (private).

Reports round half away from zero ("108,385%" is "108,39%"), as Python's
``ROUND_HALF_UP`` does for a :class:`~decimal.Decimal`; this does it for a
:class:`~fractions.Fraction`, without ever leaving exact arithmetic.

>>> round_half_up(Fraction(-1, 8), 2)
Fraction(-13, 100)
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["round_half_up"]


def round_half_up(value: Fraction, places: int) -> Fraction:
    """*value* rounded half away from zero to *places* decimal places, exactly."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    return Fraction(-whole if value < 0 else whole, scale)
