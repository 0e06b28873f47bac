"""Time danvan's geography: the first load of the data and lookups per second.

Run from the repository root, with danvan installed (``python -m pip install -e .``):

    python benchmarks/bench_geography.py            # the full run (about 10 s)
    python benchmarks/bench_geography.py --quick    # a smoke run (about 2 s)

The first-use costs are measured in fresh interpreters (one per repeat, so nothing is
cached): importing :mod:`danvan.geography`, the first :func:`places` (reads and unpacks
the data file, builds the 14,149 places), the first :func:`find_place` (builds the name
index of both maps) and the first :func:`successors` (builds the mapping). A figure is
the best of the repeats, with the median beside it.

Lookups are timed with :mod:`timeit` on a warm interpreter: the statement is just the
call, the best of several repeats each long enough to be above the timer's resolution.

Targets (issue 5): the first load well under 0.2 s; a lookup in a few microseconds.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable, Sequence
from datetime import date
from importlib import metadata
from typing import Any

from danvan.geography import find_place, normalize_place_name, political_units, successors

BEFORE, AFTER = date(2021, 5, 19), date(2026, 1, 1)

FIRST_USE = r"""
import json, time
t0 = time.perf_counter()
import danvan.geography as g
from datetime import date
t1 = time.perf_counter()
g.places(as_of=date(2026, 1, 1))
t2 = time.perf_counter()
place = g.find_place("Thị xã Hồng Lĩnh", as_of=date(2021, 5, 19))
t3 = time.perf_counter()
g.successors(place)
t4 = time.perf_counter()
print(json.dumps({"import danvan.geography": t1 - t0, "first places() (load)": t2 - t1,
                  "first find_place() (index)": t3 - t2, "first successors() (mapping)": t4 - t3,
                  "total": t4 - t1}))
"""

LOOKUPS: list[tuple[str, Callable[[], Any]]] = [
    ("find_place full name", lambda: find_place("Phường Sài Gòn", as_of=AFTER)),
    ("find_place short name", lambda: find_place("Sài Gòn", as_of=AFTER)),
    ("find_place abbreviated", lambda: find_place("tx Hồng Lĩnh", as_of=BEFORE)),
    ("find_place no accents", lambda: find_place("thi xa hong linh", as_of=BEFORE)),
    ("find_place old tones, NFD", lambda: find_place("Thanh Hoa\u0300", as_of=AFTER)),
    ("find_place by code", lambda: find_place("26740", as_of=AFTER)),
    ("normalize_place_name", lambda: normalize_place_name("Phường Nguyễn Trung Trực")),
]


def first_use(repeat: int) -> dict[str, list[float]]:
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_USE], capture_output=True, text=True, check=True
        ).stdout
        for key, seconds in json.loads(out).items():
            runs.setdefault(key, []).append(seconds)
    return runs


def calibrate(timer: timeit.Timer, target: float) -> int:
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= target / 4:
            return max(1, int(number * target / elapsed))
        number *= 4 if elapsed < target / 40 else 2


def lookups(repeat: int, target: float) -> list[tuple[str, float, float]]:
    hong_linh = find_place("Hồng Lĩnh", as_of=BEFORE)
    cases = [
        *LOOKUPS,
        ("successors (a commune)", lambda: successors(find_place("00004", as_of=BEFORE))),
        ("political_units (a town)", lambda: political_units(hong_linh, as_of=BEFORE)),
    ]
    rows = []
    for name, call in cases:
        call()  # warm: data loaded, index and mapping built
        timer = timeit.Timer(call)
        number = calibrate(timer, target)
        found = [timer.timeit(number) / number * 1e6 for _ in range(repeat)]
        rows.append((name, min(found), statistics.median(found)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    args = parser.parse_args(argv)
    repeat, target = (3, 0.01) if args.quick else (9, 0.05)
    version = metadata.version("danvan")
    print(f"danvan {version}, CPython {platform.python_version()}, {platform.machine()}")
    print()
    print(f"{'first use (fresh interpreter)':<36} {'best ms':>9} {'median':>9}")
    for key, seconds in first_use(repeat).items():
        print(f"{key:<36} {min(seconds) * 1e3:9.1f} {statistics.median(seconds) * 1e3:9.1f}")
    print()
    print(f"{'lookup (warm)':<36} {'µs/call':>9} {'median':>9} {'calls/s':>10}")
    for name, best, median in lookups(repeat, target):
        print(f"{name:<36} {best:9.2f} {median:9.2f} {1e6 / best:10,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
