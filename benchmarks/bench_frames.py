"""Time roll_up_frame against hand-written DuckDB and polars queries and roll_up_many.

Run from the repository root, with danvan and its frame extras installed
(``python -m pip install -e ".[duckdb,polars]"``):

    python benchmarks/bench_frames.py --rounds 3 # 1 M and 5 M figures (about 2 minutes)
    python benchmarks/bench_frames.py --quick    # 100 k and 500 k figures
    python benchmarks/bench_frames.py --objects-at-every-size   # roll_up_many at 5 M too

The tree is the synthetic national tree of ``bench_rollup.py`` (34 provinces, 3,321
communes, 63,600 villages: 66,956 units). Every commune reports every indicator for
each of the 12 months of 2025; indicators cycle through the rules sum, mean, last,
min, max and count, and every third one has decimal values (two places). 25
indicators make 996,300 figures ("1 M"), 125 make 4,981,500 ("5 M"). The figures are
written once to a Parquet file (with :func:`danvan.to_arrow`'s types: dictionary codes,
``date32`` periods, ``int64`` or ``decimal128(38, 2)`` values).

Each measurement runs in a fresh process, which reads the Parquet file (the load time)
and then rolls up every indicator over the whole tree (the roll-up time; best of 3),
and reports its own peak memory (ru_maxrss); each method is measured in ``--rounds``
processes (2 by default), forwards and backwards through the methods, and the best
kept:

- ``roll_up_frame duckdb`` and ``roll_up_frame polars``: danvan, with its checks
  (unknown units, overlapping periods, distinct counts), exact means, the units
  expected and missing and the coverage, and a result row for every indicator and
  unit with a value or units expected under it;
- ``hand-written duckdb`` and ``hand-written polars``: the query an analyst would write
  for the same roll-up (own values per unit, a join to the closure table, group by
  ancestor; means as floats), without checks, returning only the units with data (the
  DuckDB one keeps its database open between roll-ups, as roll_up_frame does);
- ``roll_up_many``: the object path: building the ``Observation`` objects from the
  Parquet columns (shown as the load), then :func:`danvan.roll_up_many`.

Then one more process runs roll_up_frame and the hand-written query of each engine one
after the other, 7 times, and prints the best time of each: their ratio, taken under
the same load, is the steadiest figure on a shared machine.

The ratios printed are times over the hand-written DuckDB and polars queries', and the
object path's over ``roll_up_frame duckdb``'s; "scaling" is (time at 5 M / time at 1 M) / 5,
where 1.00 is linear.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_rollup import national_units

from danvan import (
    Indicator,
    Level,
    Observation,
    Period,
    RollUp,
    UnitTree,
    roll_up_frame,
    roll_up_many,
)
from danvan.frames import closure_table

YEAR = Period.year(2025)
RULES = (RollUp.SUM, RollUp.MEAN, RollUp.LAST, RollUp.MIN, RollUp.MAX, RollUp.COUNT)
METHODS = (
    "roll_up_frame duckdb",
    "roll_up_frame polars",
    "hand-written duckdb",
    "hand-written polars",
    "roll_up_many",
)


def indicators(count: int) -> list[Indicator]:
    return [
        Indicator(code=f"i{n:03d}", name=f"Chỉ tiêu {n}", unit="x", roll_up=RULES[n % 6])
        for n in range(count)
    ]


def write_figures(path: Path, tree: UnitTree, count: int) -> int:
    """The figures of *count* indicators, every commune, 12 months, as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    communes = [unit.id for unit in tree if unit.level is Level.COMMUNE]
    months = [Period.month(2025, m) for m in range(1, 13)]
    writer = None
    rows = 0
    for number, indicator in enumerate(indicators(count)):
        size = len(communes) * 12
        units = [unit for unit in communes for _ in range(12)]
        starts = [period.start for _ in communes for period in months]
        ends = [period.end for _ in communes for period in months]
        whole = [(index * 7919 + number * 104729) % 100_000 for index in range(size)]
        if number % 3 == 2:
            values = pa.array(
                [Decimal(value).scaleb(-2) for value in whole], type=pa.decimal128(38, 2)
            )
        else:
            values = pa.array([Decimal(value) for value in whole], type=pa.decimal128(38, 2))
        table = pa.table(
            {
                "indicator": pa.array([indicator.code] * size).dictionary_encode(),
                "unit_id": pa.array(units).dictionary_encode(),
                "period_start": pa.array(starts, type=pa.date32()),
                "period_end": pa.array(ends, type=pa.date32()),
                "actual": values,
            }
        )
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
        rows += size
    assert writer is not None
    writer.close()
    return rows


# ----------------------------------------------------------------- hand-written queries

HAND_SQL = """
WITH own AS (
  SELECT indicator, unit_id, count(*) AS n, sum(actual) AS total, min(actual) AS lo,
         max(actual) AS hi, arg_max(actual, period_start) AS latest
  FROM figures GROUP BY indicator, unit_id
), valued AS (
  SELECT o.indicator, o.unit_id, r.rule,
         CASE r.rule WHEN 'sum' THEN o.total WHEN 'last' THEN o.latest WHEN 'count' THEN o.n
              WHEN 'min' THEN o.lo WHEN 'max' THEN o.hi
              ELSE CAST(o.total AS DOUBLE) / o.n END AS own
  FROM own o JOIN rules r ON r.code = o.indicator
)
SELECT v.indicator, c.ancestor,
       CASE any_value(v.rule) WHEN 'min' THEN min(v.own) WHEN 'max' THEN max(v.own)
            WHEN 'mean' THEN avg(v.own) ELSE sum(v.own) END AS value
FROM valued v JOIN closure c ON c.descendant = v.unit_id
GROUP BY v.indicator, c.ancestor
"""


def hand_duckdb(database: Any, figures: Any, closure: Any, rules: Any) -> Any:
    """The hand-written query in a connection of its own to a database opened once
    (as roll_up_frame does)."""
    connection = database.cursor()
    connection.register("figures", figures)
    connection.register("closure", closure)
    connection.register("rules", rules)
    result = connection.sql(HAND_SQL).to_arrow_table()
    connection.close()
    return result


def hand_polars(figures: Any, closure: Any, rules: Any) -> Any:
    import polars as pl

    actual = pl.col("actual")
    own = (
        figures.group_by("indicator", "unit_id")
        .agg(
            pl.len().alias("n"),
            actual.sum().alias("total"),
            actual.min().alias("lo"),
            actual.max().alias("hi"),
            actual.sort_by("period_start").last().alias("latest"),
        )
        .join(rules, left_on="indicator", right_on="code")
    )
    rule = pl.col("rule")
    valued = own.with_columns(
        pl.when(rule == "sum")
        .then(pl.col("total").cast(pl.Float64))
        .when(rule == "last")
        .then(pl.col("latest").cast(pl.Float64))
        .when(rule == "count")
        .then(pl.col("n").cast(pl.Float64))
        .when(rule == "min")
        .then(pl.col("lo").cast(pl.Float64))
        .when(rule == "max")
        .then(pl.col("hi").cast(pl.Float64))
        .otherwise(pl.col("total").cast(pl.Float64) / pl.col("n"))
        .alias("own")
    )
    first = pl.col("rule").first()
    return (
        valued.join(closure, left_on="unit_id", right_on="descendant")
        .group_by("indicator", "ancestor")
        .agg(
            pl.when(first == "min")
            .then(pl.col("own").min())
            .when(first == "max")
            .then(pl.col("own").max())
            .when(first == "mean")
            .then(pl.col("own").mean())
            .otherwise(pl.col("own").sum())
            .alias("value")
        )
    )


# ------------------------------------------------------------------------- one process


def measure(method: str, path: Path, count: int, repeats: int) -> dict[str, float]:
    """Load the figures, roll them up *repeats* times; times in seconds, memory in MB."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tree = UnitTree(national_units(34))
    wanted = indicators(count)
    rules = pa.table(
        {
            "code": [indicator.code for indicator in wanted],
            "rule": [indicator.roll_up.value for indicator in wanted if indicator.roll_up],
        }
    )
    closure = closure_table(tree).cast(
        pa.schema([("ancestor", pa.string()), ("descendant", pa.string())])
    )
    started = time.perf_counter()
    if method == "hand-written polars":
        import polars as pl

        figures: Any = pl.read_parquet(path)
        closure_frame = pl.from_arrow(closure)
        rules_frame = pl.from_arrow(rules)
        figures = figures.with_columns(
            pl.col("indicator").cast(pl.String), pl.col("unit_id").cast(pl.String)
        )
    else:
        figures = pq.read_table(path)
    if method == "hand-written duckdb":
        import duckdb

        database = duckdb.connect()
    if method == "roll_up_many":
        columns = [
            figures.column(name).to_pylist()
            for name in ("indicator", "unit_id", "period_start", "actual")
        ]
        periods: dict[date, Period] = {}
        figures = []
        for code, unit_id, start, value in zip(*columns, strict=True):
            when = periods.get(start)
            if when is None:
                when = periods[start] = Period.month(start.year, start.month)
            figures.append(Observation(indicator=code, unit_id=unit_id, period=when, actual=value))
    load = time.perf_counter() - started

    def run() -> object:
        if method == "roll_up_frame duckdb":
            return roll_up_frame(tree, figures, wanted, period=YEAR, engine="duckdb")
        if method == "roll_up_frame polars":
            return roll_up_frame(tree, figures, wanted, period=YEAR, engine="polars")
        if method == "hand-written duckdb":
            return hand_duckdb(database, figures, closure, rules)
        if method == "hand-written polars":
            return hand_polars(figures, closure_frame, rules_frame)
        return roll_up_many(tree, figures, wanted, period=YEAR)

    best = float("inf")
    rows = 0
    for _ in range(repeats):
        started = time.perf_counter()
        result: Any = run()
        best = min(best, time.perf_counter() - started)
        if isinstance(result, dict):  # roll_up_many: a value for every unit
            rows = sum(len(found.values) for found in result.values())
        else:
            rows = result.shape[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"load": load, "roll_up": best, "peak_mb": peak, "rows": rows}


def paired(path: Path, count: int, repeats: int) -> dict[str, float]:
    """roll_up_frame and the hand-written query of each engine in one process, one
    after the other *repeats* times: the best time of each, under the same load."""
    import duckdb
    import polars as pl
    import pyarrow as pa
    import pyarrow.parquet as pq

    tree = UnitTree(national_units(34))
    wanted = indicators(count)
    rules = pa.table(
        {
            "code": [indicator.code for indicator in wanted],
            "rule": [indicator.roll_up.value for indicator in wanted if indicator.roll_up],
        }
    )
    closure = closure_table(tree).cast(
        pa.schema([("ancestor", pa.string()), ("descendant", pa.string())])
    )
    figures = pq.read_table(path)
    frame = pl.read_parquet(path).with_columns(
        pl.col("indicator").cast(pl.String), pl.col("unit_id").cast(pl.String)
    )
    closure_frame, rules_frame = pl.from_arrow(closure), pl.from_arrow(rules)
    database = duckdb.connect()
    runs = {
        "roll_up_frame duckdb": lambda: roll_up_frame(
            tree, figures, wanted, period=YEAR, engine="duckdb"
        ),
        "hand-written duckdb": lambda: hand_duckdb(database, figures, closure, rules),
        "roll_up_frame polars": lambda: roll_up_frame(
            tree, figures, wanted, period=YEAR, engine="polars"
        ),
        "hand-written polars": lambda: hand_polars(frame, closure_frame, rules_frame),
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeats):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def child(method: str, path: Path, count: int, repeats: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", method, str(path), str(count), str(repeats)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 k and 500 k figures")
    parser.add_argument("--objects-at-every-size", action="store_true")
    parser.add_argument(
        "--rounds", type=int, default=2, help="processes per method (the best is kept)"
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        method, path, count, repeats = arguments.child
        if method == "paired":
            print(json.dumps(paired(Path(path), int(count), int(repeats))))
        else:
            print(json.dumps(measure(method, Path(path), int(count), int(repeats))))
        return 0
    counts = (3, 13) if arguments.quick else (25, 125)
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("danvan", "duckdb", "polars", "pyarrow")
    )
    print(f"Python {platform.python_version()}, {versions}, {platform.machine()}")
    tree = UnitTree(national_units(34))
    results: dict[tuple[str, int], dict[str, float]] = {}
    pairs: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as directory:
        for count in counts:
            path = Path(directory) / f"figures-{count}.parquet"
            rows = write_figures(path, tree, count)
            size = path.stat().st_size / 2**20
            print(f"\n{rows:,} figures ({count} indicators), Parquet {size:.1f} MB")
            for round_ in range(arguments.rounds):
                # the rounds go through the methods forwards, then backwards, so that
                # a burst of load from another process slows them alike
                order = METHODS if round_ % 2 == 0 else METHODS[::-1]
                for method in order:
                    if (
                        method == "roll_up_many"
                        and count != counts[0]
                        and not (arguments.objects_at_every_size)
                    ):
                        continue
                    if method == "roll_up_many" and round_ > 0:
                        continue
                    repeats = 1 if method == "roll_up_many" else 3
                    found = child(method, path, count, repeats)
                    seen = results.get((method, count))
                    if seen is not None:
                        found = {
                            "load": min(seen["load"], found["load"]),
                            "roll_up": min(seen["roll_up"], found["roll_up"]),
                            "peak_mb": max(seen["peak_mb"], found["peak_mb"]),
                            "rows": found["rows"],
                        }
                    results[(method, count)] = found
            header = f"{'method':<22} {'load s':>8} {'roll-up s':>10} {'vs hand duckdb':>15}"
            print(f"{header} {'vs hand polars':>15} {'peak MB':>9} {'result rows':>12}")
            for method in METHODS:
                if (method, count) not in results:
                    continue
                found = results[(method, count)]
                duck = results[("hand-written duckdb", count)]["roll_up"]
                polars = results[("hand-written polars", count)]["roll_up"]
                print(
                    f"{method:<22} {found['load']:>8.2f} {found['roll_up']:>10.3f}"
                    f" {found['roll_up'] / duck:>14.2f}x {found['roll_up'] / polars:>14.2f}x"
                    f" {found['peak_mb']:>9.0f} {found['rows']:>12,.0f}"
                )
            twins = pairs[count] = child("paired", path, count, 7)
            print(
                "in one process, one after the other (best of 7): roll_up_frame duckdb"
                f" {twins['roll_up_frame duckdb']:.3f} s, hand-written"
                f" {twins['hand-written duckdb']:.3f} s"
                f" ({twins['roll_up_frame duckdb'] / twins['hand-written duckdb']:.2f}x);"
                f" roll_up_frame polars {twins['roll_up_frame polars']:.3f} s, hand-written"
                f" {twins['hand-written polars']:.3f} s"
                f" ({twins['roll_up_frame polars'] / twins['hand-written polars']:.2f}x)"
            )
    small, large = counts
    print("\nscaling from the small size to the large one ((time ratio) / 5; 1.00 is linear):")
    for method in METHODS:
        if (method, large) in results:
            ratio = results[(method, large)]["roll_up"] / results[(method, small)]["roll_up"]
            print(f"  {method:<22} {ratio / 5:.2f}")
    frame = results[("roll_up_frame duckdb", small)]
    objects = results[("roll_up_many", small)]
    print(
        f"\nobject path over roll_up_frame duckdb at the small size: roll-up"
        f" {objects['roll_up'] / frame['roll_up']:.1f}x, load + roll-up"
        f" {(objects['load'] + objects['roll_up']) / (frame['load'] + frame['roll_up']):.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
