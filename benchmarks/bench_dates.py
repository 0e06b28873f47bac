"""Time danvan's administrative dates against babel and an f-string baseline.

Run from the repository root, after ``python -m pip install -r benchmarks/requirements.txt``:

    python benchmarks/bench_dates.py           # the full run (a few seconds)
    python benchmarks/bench_dates.py --quick   # a smoke run

babel has no administrative form, so it is timed with the nearest pattern it has
(``d/M/y``) and its long Vietnamese date; the f-string baseline writes the NĐ 30/2020
form by hand. Parsing is timed against ``babel.dates.parse_date``. Each figure is the
best of several repeats, in µs per call; a ratio is peer time / danvan time.
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable
from datetime import date

from danvan import format_date, parse_date

try:
    from babel import Locale
    from babel import dates as babel_dates
except ImportError:  # pragma: no cover - babel is a dependency of danvan
    babel_dates = None

DATES = (date(2021, 5, 19), date(2021, 12, 3), date(2020, 2, 27), date(2020, 11, 9))
TEXTS = ("19/5/2021", "03/12/2021", "27/02/2020", "09/11/2020")


def _best(function: Callable[[object], object], inputs: tuple[object, ...], quick: bool) -> float:
    """Best µs per call over *inputs*, each timed ``repeat`` times."""
    total = 0.0
    for value in inputs:
        timer = timeit.Timer(lambda value=value: function(value))
        number, _ = timer.autorange()
        repeats = 2 if quick else 5
        total += min(timer.repeat(repeat=repeats, number=number)) / number
    return total / len(inputs) * 1e6


def _baseline(d: object) -> str:
    assert isinstance(d, date)
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    quick = parser.parse_args().quick

    rows: list[tuple[str, str, float]] = []
    ours = _best(lambda d: format_date(d), DATES, quick)  # type: ignore[arg-type]
    rows.append(("format short", "danvan", ours))
    rows.append(("format short", "f-string", _best(_baseline, DATES, quick)))
    ours_long = _best(lambda d: format_date(d, style="long"), DATES, quick)  # type: ignore[arg-type]
    rows.append(("format long", "danvan", ours_long))
    ours_parse = _best(lambda s: parse_date(s), TEXTS, quick)  # type: ignore[arg-type]
    rows.append(("parse short", "danvan", ours_parse))
    if babel_dates is not None:
        vi = Locale.parse("vi")
        rows.append(
            (
                "format short",
                "babel d/M/y",
                _best(lambda d: babel_dates.format_date(d, "d/M/y", locale=vi), DATES, quick),  # type: ignore[arg-type]
            )
        )
        rows.append(
            (
                "format long",
                "babel long",
                _best(lambda d: babel_dates.format_date(d, "long", locale=vi), DATES, quick),  # type: ignore[arg-type]
            )
        )
        rows.append(
            (
                "parse short",
                "babel",
                _best(lambda s: babel_dates.parse_date(s, locale=vi), TEXTS, quick),  # type: ignore[arg-type]
            )
        )
    else:
        print("babel: not installed")

    danvan_time = {op: t for op, impl, t in rows if impl == "danvan"}
    print(f"{'operation':<14}{'implementation':<16}{'µs/call':>9}{'peer/danvan':>13}")
    for op, impl, t in rows:
        ratio = "" if impl == "danvan" else f"{t / danvan_time[op]:.1f}x"
        print(f"{op:<14}{impl:<16}{t:>9.2f}{ratio:>13}")


if __name__ == "__main__":
    main()
