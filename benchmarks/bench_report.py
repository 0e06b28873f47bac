"""Time the report of a province: build it from its communes' monthly figures, render it.

Run from the repository root, with danvan installed (``python -m pip install -e .``):

    python benchmarks/bench_report.py            # the full run
    python benchmarks/bench_report.py --quick    # a smoke run (fewer communes)

A province after 01/07/2025 (97 communes, the average of the 3,321 communes over 34
provinces) reports 50 indicators (sums, stocks, means, minima, maxima and counts in
turn) every month of 2026, with a plan for the province for the year and the figures of
2025 to compare with: 116,400 figures. It times :func:`danvan.report.build_report` for
the province and the year (every indicator rolled up over twelve months and 97
communes, with coverage and a table of the communes) and rendering the report as text
and as HTML. A timing is the best of a few repeats. Target (issue 14): under 1 s.
"""

from __future__ import annotations

import argparse
import platform
import time
from importlib import metadata

from danvan import (
    Dataset,
    Indicator,
    Level,
    Observation,
    Period,
    RollUp,
    Target,
    Unit,
    UnitKind,
)
from danvan.report import build_report

RULES = (RollUp.SUM, RollUp.LAST, RollUp.MEAN, RollUp.MIN, RollUp.MAX, RollUp.COUNT)


def province(communes: int, indicators: int = 50) -> Dataset:
    """The synthetic province with its communes' monthly figures for 2025 and 2026."""
    units = [
        Unit(id="tinh", name="Tỉnh Mẫu", kind=UnitKind.PEOPLES_COMMITTEE, level=Level.PROVINCE)
    ]
    units += [
        Unit(
            id=f"xa-{n}",
            name=f"Xã {n}",
            kind=UnitKind.PEOPLES_COMMITTEE,
            level=Level.COMMUNE,
            parent="tinh",
        )
        for n in range(communes)
    ]
    defined = [
        Indicator(code=f"ct-{k}", name=f"Chỉ tiêu {k}", unit="đơn vị", roll_up=RULES[k % 6])
        for k in range(indicators)
    ]
    months = {year: [Period.month(year, m) for m in range(1, 13)] for year in (2025, 2026)}
    seen = [
        Observation(
            indicator=indicator.code,
            unit_id=f"xa-{n}",
            period=month,
            actual=(n * 7 + k * 3 + month.start.month) % 50 + 1,
        )
        for year in (2025, 2026)
        for month in months[year]
        for n in range(communes)
        for k, indicator in enumerate(defined)
    ]
    plans = tuple(
        Target(indicator=i.code, unit_id="tinh", period=Period.year(2026), value=1000)
        for i in defined
    )
    return Dataset(
        title="Tỉnh Mẫu",
        source="Số liệu mẫu",
        units=tuple(units),
        indicators=tuple(defined),
        targets=plans,
        observations=tuple(seen),
    )


def best(repeats: int, work: object) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="24 communes, one repeat")
    args = parser.parse_args()
    communes = 24 if args.quick else 97
    repeats = 1 if args.quick else 3
    data = province(communes)
    year = Period.year(2026)
    print(
        f"danvan {metadata.version('danvan')}, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.machine()} {platform.system()}"
    )
    print(
        f"{communes} communes, {len(data.indicators)} indicators, 2 years of months:"
        f" {len(data.observations):,} figures"
    )
    build = best(repeats, lambda: build_report(data, unit="tinh", period=year))
    report = build_report(data, unit="tinh", period=year)
    text = best(repeats, report.to_text)
    html = best(repeats, report.to_html)
    total = build + html
    print(f"build_report  {build:.3f} s")
    print(f"to_text       {text:.3f} s")
    print(f"to_html       {html:.3f} s")
    print(f"build + HTML  {total:.3f} s (target: under 1 s: {'met' if total < 1 else 'not met'})")


if __name__ == "__main__":
    main()
