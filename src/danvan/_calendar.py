"""The days the political system turned on in 2025, defined once (private).

Each is cited where it is defined; the modules that need one import it from here
(:data:`danvan.geography.REORGANIZED` is the public name of the first).

>>> REORGANIZED.isoformat(), CENTRAL_BOARDS_MERGED.isoformat()
('2025-07-01', '2025-02-03')
"""

from __future__ import annotations

from datetime import date
from typing import Final

__all__ = ["CENTRAL_BOARDS_MERGED", "REORGANIZED"]

REORGANIZED: Final = date(2025, 7, 1)
"""01/07/2025: the 34-province map (NQ 202/2025/QH15 of 12/06/2025) and two-tier local
government come into force; the district level, and its Party committees and boards,
end the day before."""

CENTRAL_BOARDS_MERGED: Final = date(2025, 2, 3)
"""03/02/2025: the Party's central Ban Tuyên giáo and Ban Dân vận merge into the Ban
Tuyên giáo và Dân vận Trung ương (the other levels followed during 2025)."""
