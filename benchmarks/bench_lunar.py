"""Time danvan's lunar calendar against vnlunar and lunardate.

Run from the repository root, after ``python -m pip install -r benchmarks/requirements.txt``:

    python benchmarks/bench_lunar.py            # the full run (about 40 s)
    python benchmarks/bench_lunar.py --quick    # a smoke run (a couple of seconds)

Peers, as published on PyPI:

* vnlunar: ``get_lunar_date(d, m, y)`` / ``get_solar_date(d, m, y, leap)`` read its
  table (Hồ Ngọc Đức's, 1800-2199); ``convert_solar_to_lunar(d, m, y, 7.0)`` /
  ``convert_lunar_to_solar(d, m, y, leap, 7.0)`` compute from the astronomy in UTC+7.
* lunardate: ``LunarDate.from_solar_date(y, m, d)`` / ``LunarDate(...).to_solar_date()``
  (the Chinese calendar, 1900-2099, from a table).

Every implementation gets the same days (spread over 1900-2099, where all of them work),
in the form it takes, built before timing: a ``date`` or a ``LunarDate`` for danvan and
lunardate, integers for vnlunar. The timed statement is one call. A figure is the best of
several repeats (each long enough for the timer), in µs per call, averaged over the
inputs; the ratio is peer time / danvan time, so 5.00x means danvan is five times
faster. danvan's month table is built before timing (it is built once per process, on
first use; the time is shown). A peer that is not installed is reported and skipped.

The script ends with correctness notes: Tết in the years where Vietnam and China differ,
and (not with --quick) how many days of 1968-2099 each peer names differently from
danvan's default.
"""

from __future__ import annotations

import argparse
import statistics
import time
import timeit
import warnings
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from importlib import metadata
from typing import Any

from danvan.lunar import LunarDate, format_lunar, from_lunar, parse_lunar, to_lunar

try:
    import vnlunar
except ImportError:
    vnlunar = None

try:
    import lunardate
except ImportError:
    lunardate = None

DAYS = (
    date(1910, 3, 15),
    date(1945, 9, 2),
    date(1968, 1, 29),
    date(1985, 1, 21),
    date(2000, 1, 1),
    date(2024, 2, 10),
    date(2025, 8, 30),
    date(2050, 6, 15),
    date(2099, 12, 1),
)

Impl = tuple[str, "Callable[..., Any] | None", "Callable[[Any], tuple[Any, ...]]", str]


def _missing(package: str) -> str:
    return f"{package} not installed (python -m pip install -r benchmarks/requirements.txt)"


def measure(func: Callable[..., Any], args: tuple[Any, ...], repeat: int, target: float) -> float:
    """Best µs per call of ``func(*args)``, each repeat lasting about ``target`` seconds."""
    timer = timeit.Timer("f(*a)", globals={"f": func, "a": args})
    number = 1
    while (elapsed := timer.timeit(number)) < target / 4:
        number *= 4
    number = max(1, int(number * target / elapsed))
    return min(timer.repeat(repeat=repeat, number=number)) / number * 1e6


def run(
    title: str,
    inputs: Sequence[Any],
    impls: Sequence[Impl],
    timing: tuple[int, float],
    *,
    ratios: bool = True,
) -> dict[str, float]:
    results: dict[str, float] = {}
    print(f"{title}")
    for name, func, adapt, missing in impls:
        if func is None:
            print(f"  {name:<46} {'—':>8} {'—':>8}  {missing}")
            continue
        times = [measure(func, adapt(value), *timing) for value in inputs]
        results[name] = statistics.fmean(times)
        base = next(iter(results.values()))
        shown = f"{results[name] / base:7.2f}x" if ratios else ""
        print(f"  {name:<46} {results[name]:8.2f} {shown}".rstrip())
    print()
    return results


def _quiet(func: Callable[..., Any]) -> Callable[..., Any]:
    """lunardate warns on its deprecated camelCase names; we call the new ones, but be safe."""

    def call(*args: Any) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return func(*args)

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no day counts")
    quick = parser.parse_args().quick
    timing = (3, 0.005) if quick else (7, 0.05)  # (repeats, seconds per repeat)

    versions = []
    for package in ("danvan", "vnlunar", "lunardate"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    print(", ".join(versions))
    start = time.perf_counter()
    to_lunar(DAYS[0])
    print(f"danvan's month table (first use): {(time.perf_counter() - start) * 1e3:.1f} ms\n")
    print(f"  {'implementation':<46} {'µs/call':>8} {'peer/dv':>8}")

    lunars = [to_lunar(day) for day in DAYS]
    ratios: dict[str, float] = {}

    to_impls: list[Impl] = [
        ("danvan to_lunar(d)", to_lunar, lambda d: (d,), ""),
        (
            "vnlunar get_lunar_date(d, m, y) (table)",
            vnlunar and vnlunar.get_lunar_date,
            lambda d: (d.day, d.month, d.year),
            _missing("vnlunar"),
        ),
        (
            "vnlunar convert_solar_to_lunar(d, m, y, 7.0)",
            vnlunar and vnlunar.convert_solar_to_lunar,
            lambda d: (d.day, d.month, d.year, 7.0),
            _missing("vnlunar"),
        ),
        (
            "lunardate LunarDate.from_solar_date(y, m, d)",
            lunardate and _quiet(lunardate.LunarDate.from_solar_date),
            lambda d: (d.year, d.month, d.day),
            _missing("lunardate"),
        ),
    ]
    results = run("solar -> lunar", DAYS, to_impls, timing)
    for name, value in list(results.items())[1:]:
        ratios[f"to_lunar vs {name}"] = value / results["danvan to_lunar(d)"]

    def lunardate_of(x: LunarDate) -> Any:
        return lunardate.LunarDate(x.year, x.month, x.day, x.leap)

    from_impls: list[Impl] = [
        ("danvan from_lunar(x)", from_lunar, lambda x: (x,), ""),
        (
            "vnlunar get_solar_date(d, m, y, leap) (table)",
            vnlunar and vnlunar.get_solar_date,
            lambda x: (x.day, x.month, x.year, int(x.leap)),
            _missing("vnlunar"),
        ),
        (
            "vnlunar convert_lunar_to_solar(…, leap, 7.0)",
            vnlunar and vnlunar.convert_lunar_to_solar,
            lambda x: (x.day, x.month, x.year, int(x.leap), 7.0),
            _missing("vnlunar"),
        ),
        (
            "lunardate x.to_solar_date()",
            lunardate and _quiet(lambda x: x.to_solar_date()),
            lambda x: (lunardate_of(x),),
            _missing("lunardate"),
        ),
    ]
    results = run("lunar -> solar", lunars, from_impls, timing)
    for name, value in list(results.items())[1:]:
        ratios[f"from_lunar vs {name}"] = value / results["danvan from_lunar(x)"]

    texts = [format_lunar(x) for x in lunars]
    run(
        "text (danvan only)",
        list(zip(lunars, texts, strict=True)),
        [
            ("danvan format_lunar(x)", format_lunar, lambda p: (p[0],), ""),
            (
                "danvan parse_lunar(s, year=y)",
                lambda s, y: parse_lunar(s, year=y),
                lambda p: (p[1], p[0].year),
                "",
            ),
        ],
        timing,
        ratios=False,
    )

    print("Target: to_lunar and from_lunar at least as fast as the fastest peer")
    for label in ("to_lunar", "from_lunar"):
        mine = {k: v for k, v in ratios.items() if k.startswith(label)}
        if not mine:
            print(f"  {label:<12} n/a (no peer installed)")
            continue
        worst = min(mine, key=mine.__getitem__)
        verdict = "met" if mine[worst] >= 1 else "MISSED"
        peer = worst[len(label) + 4 :]
        print(f"  {label:<12} {mine[worst]:6.2f}x the fastest peer ({peer}): {verdict}")
    print()
    notes(quick)


def notes(quick: bool) -> None:
    print("Correctness notes: Tết (mồng 1 tháng Giêng)")
    for year in (1968, 1985, 2007, 2030):
        row = [f"danvan {from_lunar(LunarDate(year, 1, 1))}"]
        if vnlunar is not None:
            solar = vnlunar.get_solar_date(1, 1, year, 0)
            row.append(f"vnlunar {date(solar['year'], solar['month'], solar['day'])}")
        if lunardate is not None:
            row.append(f"lunardate {lunardate.LunarDate(year, 1, 1).to_solar_date()}")
        print(f"  {year}: " + ", ".join(row))
    if quick:
        return
    print("\nDays of 1968-2099 named differently from danvan's default (UTC+7):")
    peers: list[tuple[str, Callable[[date], tuple[int, int, int, bool]] | None]] = [
        (
            "vnlunar table",
            vnlunar and (lambda d: _vn(vnlunar.get_lunar_date(d.day, d.month, d.year))),
        ),
        (
            "vnlunar astronomy (7.0)",
            vnlunar
            and (lambda d: _vn(vnlunar.convert_solar_to_lunar(d.day, d.month, d.year, 7.0))),
        ),
        ("lunardate (Chinese)", lunardate and _ld),
    ]
    days = [
        date(1968, 1, 1) + timedelta(n) for n in range((date(2100, 1, 1) - date(1968, 1, 1)).days)
    ]
    ours = [to_lunar(day) for day in days]
    for name, peer in peers:
        if peer is None:
            print(f"  {name:<26} not installed")
            continue
        differ = [
            day
            for day, x in zip(days, ours, strict=True)
            if peer(day) != (x.year, x.month, x.day, x.leap)
        ]
        print(f"  {name:<26} {len(differ):6d} of {len(days)} days")


def _vn(result: dict[str, int]) -> tuple[int, int, int, bool]:
    return result["year"], result["month"], result["day"], bool(result["leap"])


def _ld(day: date) -> tuple[int, int, int, bool]:
    x = lunardate.LunarDate.from_solar_date(day.year, day.month, day.day)
    return x.year, x.month, x.day, bool(x.is_leap_month)


if __name__ == "__main__":
    main()
