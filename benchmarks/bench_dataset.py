"""Time building, validating, writing and reading a dataset as it grows.

Run from the repository root, with danvan installed (``python -m pip install -e .``):

    python benchmarks/bench_dataset.py            # the full run (about a minute)
    python benchmarks/bench_dataset.py --quick    # a smoke run (smaller sizes)

A synthetic province reports quarterly: the province, N communes under it (a tenth of
them dissolved on 01/07/2025 and succeeded by one commune founded that day), 10
indicators (sums, stocks, a count of distinct people, a "%" rate and a ratio over two
counts) and one observation per commune, indicator and quarter of 2024-2025 that the
commune existed in, a few with stated attainment or change. For each size it times:

- ``Dataset(...)``: the references and the unit tree;
- ``Dataset.validate()``: every problem of meaning;
- ``to_json`` and ``from_json`` of the whole dataset;
- for comparison, validating the same JSON with the ``jsonschema`` package against
  :func:`danvan.json_schema` (the peer an API client would use), when it is installed.

A timing is the best of a few repeats; µs/rec is per observation. The scaling ratio is
(time ratio) / (size ratio) against the smallest size: 1.00 is linear.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from importlib import metadata
from typing import Any

from danvan import (
    Counting,
    Dataset,
    Indicator,
    Level,
    Observation,
    Period,
    RollUp,
    Unit,
    UnitKind,
    from_json,
    json_schema,
    to_json,
)

REFORM = date(2025, 7, 1)
QUARTERS = [Period.quarter(year, q) for year in (2024, 2025) for q in (1, 2, 3, 4)]


def indicators() -> list[Indicator]:
    """Ten indicators of the kinds reports use."""
    return [
        Indicator(code="quy", name="Quỹ Vì người nghèo", unit="đồng", roll_up=RollUp.SUM),
        Indicator(code="cuoc", name="Cuộc tuyên truyền", unit="cuộc", roll_up=RollUp.SUM),
        Indicator(
            code="luot",
            name="Lượt người tham dự",
            unit="lượt người",
            roll_up=RollUp.SUM,
            counting=Counting.OCCURRENCES,
        ),
        Indicator(
            code="hoi-vien",
            name="Hội viên",
            unit="người",
            roll_up=RollUp.LAST,
            counting=Counting.DISTINCT,
        ),
        Indicator(code="mo-hinh", name="Mô hình", unit="mô hình", roll_up=RollUp.LAST),
        Indicator(code="nha", name="Nhà đại đoàn kết", unit="căn", roll_up=RollUp.SUM),
        Indicator(
            code="ho-ngheo",
            name="Hộ nghèo",
            unit="hộ",
            roll_up=RollUp.LAST,
            higher_is_better=False,
        ),
        Indicator(code="bhyt", name="Bao phủ bảo hiểm y tế", unit="%", roll_up=RollUp.LAST),
        Indicator(code="dat", name="Chỉ tiêu đạt", unit="chỉ tiêu", roll_up=RollUp.LAST),
        Indicator(
            code="dat.ty-le",
            name="Tỷ lệ chỉ tiêu đạt",
            unit="%",
            numerator="dat",
            denominator="hoi-vien",
        ),
    ]


def dataset(communes: int) -> Dataset:
    """The synthetic province with *communes* communes."""
    units = [Unit(id="tinh", name="Tỉnh ủy", kind=UnitKind.PARTY_COMMITTEE, level=Level.PROVINCE)]
    merged = [f"xa-{n}" for n in range(communes) if n % 10 == 0]
    units.append(
        Unit(
            id="xa-moi",
            name="Đảng ủy xã mới",
            kind=UnitKind.PARTY_COMMITTEE,
            level=Level.COMMUNE,
            parent="tinh",
            founded=REFORM,
        )
    )
    for n in range(communes):
        gone = f"xa-{n}" in merged
        units.append(
            Unit(
                id=f"xa-{n}",
                name=f"Đảng ủy xã {n}",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.COMMUNE,
                parent="tinh",
                dissolved=REFORM if gone else None,
                successors=("xa-moi",) if gone else (),
            )
        )
    counted = [i for i in indicators() if not i.is_ratio]
    seen: list[Observation] = []
    for unit in units[1:]:
        for quarter in QUARTERS:
            if not unit.exists_on(quarter.start) and not unit.exists_on(quarter.end):
                continue
            for k, indicator in enumerate(counted):
                value: int | Decimal = 1000 + 7 * k + len(seen) % 13
                extra: dict[str, Any] = {}
                if indicator.unit == "%":
                    value = Decimal("0.95")
                elif k == 0 and quarter.start.month == 1:
                    extra = {"stated_attainment": Decimal("1.05")}
                seen.append(
                    Observation(
                        indicator=indicator.code,
                        unit_id=unit.id,
                        period=quarter,
                        actual=value,
                        **extra,
                    )
                )
    return Dataset(
        title="Tỉnh mẫu",
        source="Số liệu tổng hợp mẫu",
        units=tuple(units),
        indicators=tuple(indicators()),
        observations=tuple(seen),
    )


def best(repeats: int, work: Callable[[], object]) -> float:
    """The best wall time of *repeats* runs of *work*, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one repeat")
    args = parser.parse_args()
    sizes = (50, 150, 450) if args.quick else (100, 300, 900)
    repeats = 1 if args.quick else 3
    try:
        import jsonschema

        checker: Any = jsonschema.Draft202012Validator(json_schema())
        peer = f"jsonschema {metadata.version('jsonschema')}"
    except ImportError:
        checker, peer = None, "jsonschema not installed"
    print(
        f"danvan {metadata.version('danvan')}, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.machine()} {platform.system()}; peer: {peer}"
    )
    header = (
        f"{'communes':>8} {'observ.':>8} {'build s':>8} {'validate s':>10} {'to_json s':>9}"
        f" {'from_json s':>11} {'µs/rec':>7} {'scaling':>8} {'schema s':>9} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    first: tuple[int, float] | None = None
    for communes in sizes:
        data = dataset(communes)
        fields = {f: getattr(data, f) for f in ("title", "source", "units", "indicators")}
        count = len(data.observations)
        seen = data.observations
        build = best(
            repeats, lambda fields=fields, seen=seen: Dataset(**fields, observations=seen)
        )
        problems = data.validate()
        assert problems == (), problems[:3]
        check = best(repeats, data.validate)
        text = to_json(data)
        write = best(repeats, lambda data=data: to_json(data))
        read = best(repeats, lambda text=text: from_json(text, Dataset))
        total = build + check + read
        if first is None:
            first = (count, total)
        scaling = (total / first[1]) / (count / first[0])
        schema = ratio = "-"
        if checker is not None:
            plain = json.loads(text)
            seconds = best(repeats, lambda plain=plain: checker.validate(plain))
            schema, ratio = f"{seconds:.3f}", f"{read / seconds:.2f}"
        print(
            f"{communes:>8} {count:>8,} {build:>8.3f} {check:>10.3f} {write:>9.3f}"
            f" {read:>11.3f} {total / count * 1e6:>7.1f} {scaling:>8.2f} {schema:>9}"
            f" {ratio:>6}"
        )
    print(
        "\nµs/rec and scaling: build + validate + from_json per observation."
        "\nratio: from_json (read, check every field, build every object) / jsonschema"
        " (check the shape only); below 1 danvan is faster."
    )


if __name__ == "__main__":
    main()
