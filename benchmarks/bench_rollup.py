"""Time roll-ups of 50 indicators over a synthetic national unit tree.

Run from the repository root, with danvan installed (``python -m pip install -e .``):

    python benchmarks/bench_rollup.py            # the full run (about half a minute)
    python benchmarks/bench_rollup.py --quick    # a smoke run (fewer repeats)

The tree has the shape of Vietnam after 01/07/2025: a central root, 34 provinces,
3,321 communes (97 or 98 per province) and about 63,600 villages (19 or 20 per
commune), 66,956 units in all. There are 50 indicators: 40 reported by every commune
(sum, mean, last, min, max and count in turn), 5 counts reported by every village, and
5 rates whose numerator and denominator are among the village counts. Every reporting
unit reports every one of its indicators once for the year, so the full tree has
451,000 observations.

The roll-up is timed at three sizes (the first 4, 11 and 34 provinces) with
:func:`danvan.indicators.roll_up_many`, the observations of each reporting level
passed with their expected level. A timing is the best of several repeats, on a tree
whose layout is already cached (the first roll-up of a tree also walks it once; that
"cold" time is shown apart). The scaling ratio is (time ratio) / (size ratio) between
a size and the smallest: 1.00 is linear.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from importlib import metadata

from danvan import Indicator, Level, Observation, Period, RollUp, Unit, UnitKind, UnitTree
from danvan.indicators import roll_up_many

PROVINCES = 34
COMMUNES = 3321
VILLAGES = 63_600
SIZES = (4, 11, 34)
YEAR = Period.year(2025)
RULES = (RollUp.SUM, RollUp.MEAN, RollUp.LAST, RollUp.MIN, RollUp.MAX, RollUp.COUNT)
TARGET_SECONDS = 1.0


def national_units(provinces: int) -> list[Unit]:
    """The first *provinces* provinces of the synthetic national tree, with the root."""
    units = [Unit(id="tw", name="Trung ương", kind=UnitKind.PARTY_COMMITTEE, level=Level.CENTRAL)]
    commune_number = 0
    village_number = 0
    for p in range(provinces):
        province = f"t{p:02d}"
        units.append(
            Unit(
                id=province,
                name=f"Tỉnh {p}",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.PROVINCE,
                parent="tw",
            )
        )
        communes = COMMUNES // PROVINCES + (p < COMMUNES % PROVINCES)
        for _ in range(communes):
            commune = f"x{commune_number:04d}"
            units.append(
                Unit(
                    id=commune,
                    name=f"Xã {commune_number}",
                    kind=UnitKind.PARTY_COMMITTEE,
                    level=Level.COMMUNE,
                    parent=province,
                )
            )
            # Spread the villages evenly: 19 or 20 per commune, 63,600 in all.
            first = commune_number * VILLAGES // COMMUNES
            last = (commune_number + 1) * VILLAGES // COMMUNES
            for _ in range(last - first):
                units.append(
                    Unit(
                        id=f"v{village_number:05d}",
                        name=f"Thôn {village_number}",
                        kind=UnitKind.RESIDENTIAL_COMMUNITY,
                        level=Level.HAMLET,
                        parent=commune,
                    )
                )
                village_number += 1
            commune_number += 1
    return units


def indicators() -> tuple[list[Indicator], list[Indicator]]:
    """40 commune indicators; 5 village counts and 5 rates over them."""
    commune = [
        Indicator(code=f"xa.{n:02d}", name=f"Chỉ tiêu xã {n}", unit="x", roll_up=RULES[n % 6])
        for n in range(40)
    ]
    counts = [
        Indicator(code=f"thon.{n}", name=f"Số đếm thôn {n}", unit="x", roll_up=RollUp.SUM)
        for n in range(5)
    ]
    rates = [
        Indicator(
            code=f"ty-le.{n}",
            name=f"Tỷ lệ {n}",
            unit="%",
            numerator=counts[n].code,
            denominator=counts[(n + 1) % 5].code,
        )
        for n in range(5)
    ]
    return commune, [*counts, *rates]


def observations(
    units: list[Unit], commune: list[Indicator], village: list[Indicator]
) -> tuple[list[Observation], list[Observation]]:
    """One observation per reporting unit and indicator, with made-up whole values."""
    at_communes: list[Observation] = []
    at_villages: list[Observation] = []
    codes = [i.code for i in village if not i.is_ratio]
    for number, unit in enumerate(units):
        if unit.level is Level.COMMUNE:
            for k, indicator in enumerate(commune):
                at_communes.append(
                    Observation(
                        indicator=indicator.code,
                        unit_id=unit.id,
                        period=YEAR,
                        actual=(number * 7 + k * 13) % 1000,
                    )
                )
        elif unit.level is Level.HAMLET:
            for k, code in enumerate(codes):
                at_villages.append(
                    Observation(
                        indicator=code,
                        unit_id=unit.id,
                        period=YEAR,
                        actual=1 + (number * 11 + k * 5) % 400,
                    )
                )
    return at_communes, at_villages


def best_of(repeats: int, function: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    repeats = 2 if args.quick else 7

    commune, village = indicators()
    print(
        f"danvan {metadata.version('danvan')}, CPython {platform.python_version()},"
        f" {platform.machine()} {platform.system()}"
    )
    print(f"50 indicators ({len(commune)} at communes, {len(village)} over villages)\n")
    header = (
        f"{'provinces':>9} {'units':>7} {'observations':>12} {'build s':>8} {'cold ms':>8}"
        f" {'roll-up ms':>10} {'µs/unit':>8} {'scaling':>8}"
    )
    print(header)
    print("-" * len(header))
    rows = []
    for provinces in SIZES:
        start = time.perf_counter()
        units = national_units(provinces)
        tree = UnitTree(units)
        at_communes, at_villages = observations(units, commune, village)
        built = time.perf_counter() - start

        def run(
            tree: UnitTree = tree,
            c: list[Observation] = at_communes,
            v: list[Observation] = at_villages,
        ) -> None:
            roll_up_many(tree, c, commune, period=YEAR, expected=Level.COMMUNE)
            roll_up_many(tree, v, village, period=YEAR, expected=Level.HAMLET)

        cold = best_of(1, run)
        warm = best_of(repeats, run)
        size = len(units) + len(at_communes) + len(at_villages)
        rows.append((provinces, len(units), size, warm))
        scaling = (warm / rows[0][3]) / (size / rows[0][2])
        print(
            f"{provinces:>9} {len(units):>7,} {len(at_communes) + len(at_villages):>12,}"
            f" {built:>8.1f} {cold * 1000:>8.0f} {warm * 1000:>10.0f}"
            f" {warm / len(units) * 1e6:>8.2f} {scaling:>8.2f}"
        )
        if provinces == PROVINCES:
            # A sanity check: a sum at the root is the sum of what the communes reported.
            results = roll_up_many(
                tree, at_communes, commune[:1], period=YEAR, expected=Level.COMMUNE
            )
            expected = sum(o.actual for o in at_communes if o.indicator == commune[0].code)
            assert results[commune[0].code].values["tw"] == expected
            assert results[commune[0].code].missing == ()
    full = rows[-1][3]
    print(
        f"\nscaling ratio {SIZES[0]} → {SIZES[-1]} provinces: time x{full / rows[0][3]:.2f}"
        f" for size x{rows[-1][2] / rows[0][2]:.2f} (1.00 is linear)"
    )
    status = "met" if full < TARGET_SECONDS else "MISSED"
    print(
        f"target: 50 indicators over the full tree in under {TARGET_SECONDS:.0f} s:"
        f" {full:.3f} s, {status}"
    )
    return 0 if full < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
