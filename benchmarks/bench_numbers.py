"""Time danvan against babel, num2words and vietnam-number on report figures.

Run from the repository root, after ``python -m pip install -r benchmarks/requirements.txt``:

    python benchmarks/bench_numbers.py            # the full run (about 25 s on 2 cores)
    python benchmarks/bench_numbers.py --quick    # a smoke run (about a second)
    python benchmarks/bench_numbers.py --detail   # also one row per input

Each implementation is timed with :mod:`timeit` on every input of a fixed set, the
statement being just ``f(x)`` (arguments are built, and babel's ``Locale`` parsed, once
outside the timed loop). A timing is the best of several repeats, each long enough to
be above the timer's resolution; the median of the repeats is shown beside it to show
the noise. An operation's figure is the mean µs per call over its inputs, and the ratio
is peer time / danvan time over the inputs both handled: 3.0x means danvan is three
times faster. A peer that is not installed is reported and skipped.

The script ends with correctness notes: what each implementation writes for inputs where
the peers are known to go wrong or to differ from the way reports write numbers.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import metadata
from typing import Any

import danvan

try:
    from babel import Locale
    from babel import numbers as babel_numbers
except ImportError:
    babel_numbers = None

try:
    from num2words import num2words
except ImportError:
    num2words = None

try:
    from vietnam_number import n2w as vn_n2w
    from vietnam_number import w2n as vn_w2n
except ImportError:
    vn_n2w = vn_w2n = None


# ------------------------------------------------------------------------------- inputs

FORMAT_INTS = (9278, 1798702098, 5052100000)
FORMAT_DECIMALS = (Decimal("108.39"), Decimal("18.2"), Decimal("50.596"))
PERCENT_RATIOS = (Decimal("1.0839"), Decimal("0.73"), Decimal("1.138"), Decimal("0.9048"))
MONEY_AMOUNTS = (3800000000, 5052100000, 1798702098, 915000000)
PARSE_TEXTS = ("9.278", "1.798.702.098", "5.052.100.000", "108,39")
WORD_NUMBERS = (21, 1005, 1798702098, 10**12)
WORD_TEXTS = (
    "hai mươi mốt",
    "một nghìn không trăm linh năm",
    "một tỷ bảy trăm chín mươi tám triệu bảy trăm linh hai nghìn không trăm chín mươi tám",
    "năm tỷ không trăm năm mươi hai triệu một trăm nghìn",
)

#: Spoken forms, read only with colloquial=True (timed on their own).
SPOKEN_TEXTS = ("hai mốt", "hai nghìn rưỡi", "ba chục nghìn", "một triệu hai")

#: Swap "," and "." in Python's English grouping: 1,234.5 → 1.234,5.
_SWAP = str.maketrans(",.", ".,")


# ------------------------------------------------------------------------------- timing


@dataclass
class Impl:
    """One implementation of an operation; ``func`` is None when its package is missing."""

    name: str
    func: Callable[[Any], Any] | None
    #: Turns an input of the set into what this implementation takes (done before timing).
    adapt: Callable[[Any], Any] = lambda x: x
    missing: str = ""


@dataclass
class Operation:
    name: str
    inputs: Sequence[Any]
    impls: list[Impl]
    #: Filled in by :func:`run`: implementation name → input index → (best, median) µs.
    times: dict[str, dict[int, tuple[float, float]]] = field(default_factory=dict)
    errors: dict[str, dict[int, str]] = field(default_factory=dict)


def calibrate(timer: timeit.Timer, target: float) -> int:
    """How many calls make one timing last about ``target`` seconds."""
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= target / 4:
            return max(1, int(number * target / elapsed))
        number *= 4 if elapsed < target / 40 else 2


def run(operations: list[Operation], repeat: int, target: float) -> None:
    """Time every implementation on every input of each operation.

    The repeats are interleaved (round 1 of every implementation and input, then round
    2, ...), so that a burst of load from another process slows all of an operation's
    implementations alike instead of one of them, and the ratios stay fair.
    """
    for op in operations:
        cells: list[tuple[str, int, timeit.Timer, int]] = []
        for impl in op.impls:
            if impl.func is None:
                continue
            op.times[impl.name] = {}
            errors = op.errors.setdefault(impl.name, {})
            for index, value in enumerate(op.inputs):
                arg = impl.adapt(value)
                try:
                    impl.func(arg)
                except Exception as exc:  # a peer that refuses an input is not timed on it
                    errors[index] = f"{type(exc).__name__}: {exc}"
                    continue
                timer = timeit.Timer("f(x)", globals={"f": impl.func, "x": arg})
                cells.append((impl.name, index, timer, calibrate(timer, target)))
        samples: list[list[float]] = [[] for _ in cells]
        for _ in range(repeat):
            for (_name, _index, timer, number), found in zip(cells, samples, strict=True):
                found.append(timer.timeit(number) / number * 1e6)
        for (name, index, _timer, _number), found in zip(cells, samples, strict=True):
            op.times[name][index] = (min(found), statistics.median(found))


def mean_times(op: Operation, name: str, indices: Sequence[int]) -> tuple[float, float]:
    times = op.times[name]
    return (
        statistics.fmean(times[i][0] for i in indices),
        statistics.fmean(times[i][1] for i in indices),
    )


def ratio(op: Operation, peer: str, base: str = "danvan") -> float | None:
    """Peer time / danvan time (best of repeats) over the inputs both handled."""
    if peer not in op.times or base not in op.times:
        return None
    common = sorted(set(op.times[peer]) & set(op.times[base]))
    if not common:
        return None
    return sum(op.times[peer][i][0] for i in common) / sum(op.times[base][i][0] for i in common)


def print_table(operations: list[Operation], detail: bool) -> None:
    header = (
        f"{'operation':<26} {'implementation':<38} {'µs/call':>8} {'median':>8} {'peer/dv':>8}"
    )
    print(header)
    print("-" * len(header))
    for op in operations:
        label = op.name
        for impl in op.impls:
            name = impl.name
            if impl.func is None:
                print(f"{label:<26} {name:<38} {'—':>8} {'—':>8} {'—':>8}  {impl.missing}")
                label = ""
                continue
            done = sorted(op.times[name])
            if not done:
                print(
                    f"{label:<26} {name:<38} {'—':>8} {'—':>8} {'—':>8}  (failed on every input)"
                )
                label = ""
                continue
            best, median = mean_times(op, name, done)
            r = ratio(op, name) if impl is not op.impls[0] else 1.0
            shown = "—" if r is None else f"{r:.2f}x"
            note = (
                "" if len(done) == len(op.inputs) else f"  ({len(done)}/{len(op.inputs)} inputs)"
            )
            print(f"{label:<26} {name:<38} {best:8.2f} {median:8.2f} {shown:>8}{note}")
            label = ""
            if detail:
                for index in range(len(op.inputs)):
                    text = _short(repr(op.inputs[index]), 34)
                    if index in op.times[name]:
                        b, m = op.times[name][index]
                        print(f"{'':<26}   {text:<36} {b:8.2f} {m:8.2f}")
                    else:
                        print(f"{'':<26}   {text:<36} {'error':>8}  {op.errors[name][index]}")
        print()


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ------------------------------------------------------------------------------ targets


def print_targets(ops: dict[str, Operation]) -> None:
    print("Targets (ratio = peer time / danvan time; higher is better for danvan)")
    rows: list[tuple[str, float, float | None, str]] = []
    babel_name = "babel"
    for key in ("format_number int", "format_number Decimal", "format_percent", "format_money"):
        op = ops[key]
        peer = next((i.name for i in op.impls if i.name.startswith(babel_name)), "")
        rows.append((f"{op.name} >= 5x babel", 5.0, ratio(op, peer), peer))
    op = ops["number_to_words"]
    peers = [(ratio(op, i.name), i.name) for i in op.impls[1:] if i.func is not None]
    peers = [(r, n) for r, n in peers if r is not None]
    if peers:
        r, name = min(peers)
        rows.append(("number_to_words >= 2x the faster peer", 2.0, r, name))
    else:
        rows.append(("number_to_words >= 2x the faster peer", 2.0, None, ""))
    op = ops["words_to_number"]
    rows.append(("words_to_number >= 5x vietnam-number", 5.0, ratio(op, op.impls[1].name), ""))
    for label, goal, r, peer in rows:
        if r is None:
            print(f"  {label:<44} n/a (peer not installed)")
            continue
        verdict = "met" if r >= goal else "MISSED"
        against = f"  (vs {peer})" if peer else ""
        print(f"  {label:<44} {r:6.2f}x  {verdict}{against}")
    print()


# ----------------------------------------------------------------------------- building


def build(loc: Any) -> dict[str, Operation]:
    def babel_impl(name: str, func: Callable[[Any], Any] | None) -> Impl:
        return Impl(name, func if babel_numbers is not None else None, missing=_missing("babel"))

    bn = babel_numbers
    ops = [
        Operation(
            "format_number int",
            FORMAT_INTS,
            [
                Impl("danvan", danvan.format_number),
                babel_impl(
                    "babel format_decimal",
                    bn and (lambda x: bn.format_decimal(x, locale=loc)),
                ),
                Impl('f"{x:,}".replace(",", ".")', lambda x: f"{x:,}".replace(",", ".")),
            ],
        ),
        Operation(
            "format_number Decimal",
            FORMAT_DECIMALS,
            [
                Impl("danvan", danvan.format_number),
                babel_impl(
                    "babel format_decimal",
                    bn and (lambda x: bn.format_decimal(x, locale=loc)),
                ),
                Impl('f"{x:,}".translate(swap ,.)', lambda x: f"{x:,}".translate(_SWAP)),
            ],
        ),
        Operation(
            "format_percent",
            PERCENT_RATIOS,
            [
                Impl("danvan", danvan.format_percent),
                babel_impl(
                    'babel format_percent "#,##0.##%"',
                    bn and (lambda x: bn.format_percent(x, locale=loc, format="#,##0.##%")),
                ),
            ],
        ),
        Operation(
            "format_money",
            MONEY_AMOUNTS,
            [
                Impl("danvan", danvan.format_money),
                babel_impl(
                    'babel format_currency "VND"',
                    bn and (lambda x: bn.format_currency(x, "VND", locale=loc)),
                ),
            ],
        ),
        Operation(
            "parse_number",
            PARSE_TEXTS,
            [
                Impl("danvan", danvan.parse_number),
                babel_impl(
                    "babel parse_decimal",
                    bn and (lambda s: bn.parse_decimal(s, locale=loc)),
                ),
                babel_impl(
                    "babel parse_decimal strict=True",
                    bn and (lambda s: bn.parse_decimal(s, locale=loc, strict=True)),
                ),
            ],
        ),
        Operation(
            "number_to_words",
            WORD_NUMBERS,
            [
                Impl("danvan", danvan.number_to_words),
                Impl(
                    'num2words(n, lang="vi")',
                    num2words and (lambda n: num2words(n, lang="vi")),
                    missing=_missing("num2words"),
                ),
                Impl(
                    "vietnam_number.n2w(str(n))",
                    vn_n2w,
                    adapt=str,
                    missing=_missing("vietnam-number"),
                ),
            ],
        ),
        Operation(
            "words_to_number",
            WORD_TEXTS,
            [
                Impl("danvan", danvan.words_to_number),
                Impl("vietnam_number.w2n", vn_w2n, missing=_missing("vietnam-number")),
                Impl("danvan colloquial=True", _colloquial),
            ],
        ),
        Operation(
            "words_to_number spoken",
            SPOKEN_TEXTS,
            [Impl("danvan colloquial=True", _colloquial)],
        ),
    ]
    return {op.name: op for op in ops}


def _colloquial(text: str) -> int | Decimal:
    return danvan.words_to_number(text, colloquial=True)


def _missing(package: str) -> str:
    return f"{package} not installed"


# ---------------------------------------------------------------------- correctness notes

# (operation, input, the form reports write, other forms that are acceptable variants)
WORD_CASES: list[tuple[Any, str, tuple[str, ...]]] = [
    (
        1005,
        "một nghìn không trăm linh năm",
        ("một nghìn không trăm lẻ năm", "một nghìn lẻ năm", "một nghìn linh năm"),
    ),
    (24, "hai mươi tư", ("hai mươi bốn",)),
    (105, "một trăm linh năm", ("một trăm lẻ năm",)),
    (-7, "âm bảy", ()),
    (Decimal("3.8"), "ba phẩy tám", ()),
    (
        1798702098,
        "một tỷ bảy trăm chín mươi tám triệu bảy trăm linh hai nghìn không trăm chín mươi tám",
        ("một tỷ bảy trăm chín mươi tám triệu bảy trăm lẻ hai nghìn không trăm chín mươi tám",),
    ),
    (
        5052100000,
        "năm tỷ không trăm năm mươi hai triệu một trăm nghìn",
        ("năm tỷ năm mươi hai triệu một trăm nghìn",),
    ),
    (10**12, "một nghìn tỷ", ()),
    (10**15, "một triệu tỷ", ()),
]
TEXT_CASES: list[tuple[str, int | Decimal]] = [
    ("một nghìn tỷ năm mươi tỷ", 1050 * 10**9),
    ("ba phẩy tám tỷ", 3_800_000_000),
    ("một nghìn lẻ năm", 1005),
    ("hai mươi tư", 24),
    ("âm bảy", -7),
    ("ba phẩy tám", Decimal("3.8")),
    ("một nghìn tỷ", 10**12),
    ("một triệu tỷ", 10**15),
    ("một tỷ tỷ", 10**18),
]


def _call(func: Callable[[Any], Any], arg: Any) -> Any:
    try:
        return func(arg)
    except Exception as exc:
        return f"<{type(exc).__name__}: {_short(str(exc), 60)}>"


def _verdict(result: Any, expected: Any, variants: tuple[Any, ...] = ()) -> str:
    if result == expected and type(result) is type(expected):
        return "ok"
    if result in variants:
        return "variant"
    return "WRONG"


def _why(result: Any) -> str:
    if isinstance(result, str) and "lẽ" in result.split():
        return "  (lẽ: a misspelling of lẻ)"
    return ""


def print_correctness(loc: Any) -> None:
    print("Correctness notes (what each implementation returns; 'variant' = accepted but")
    print("not the form reports write; WRONG = a different number or a misspelling)")
    speakers: list[tuple[str, Callable[[Any], Any] | None]] = [
        ("danvan", danvan.number_to_words),
        ("num2words", num2words and (lambda n: num2words(n, lang="vi"))),
        ("vietnam-number", vn_n2w and (lambda n: vn_n2w(str(n)))),
    ]
    print("\n  number -> words (expected form first)")
    for value, expected, variants in WORD_CASES:
        print(f"  {value!r}: {expected!r}")
        for name, func in speakers:
            if func is None:
                print(f"    {name:<15} not installed")
                continue
            result = _call(func, value)
            verdict = _verdict(result, expected, variants)
            print(f"    {name:<15} {verdict:<8} {result!r}{_why(result)}")
    readers: list[tuple[str, Callable[[Any], Any] | None]] = [
        ("danvan", danvan.words_to_number),
        ("vietnam-number", vn_w2n),
    ]
    print("\n  words -> number")
    for text, expected_value in TEXT_CASES:
        print(f"  {text!r}: {expected_value!r}")
        for name, func in readers:
            if func is None:
                print(f"    {name:<15} not installed")
                continue
            result = _call(func, text)
            print(f"    {name:<15} {_verdict(result, expected_value):<8} {result!r}")
    if babel_numbers is None:
        print("\n  babel not installed")
        print()
        return
    bn = babel_numbers
    print("\n  babel (locale vi): differences in style and rounding")
    rows: list[tuple[str, Any, Any]] = [
        (
            "percent 1.0839, default format",
            bn.format_percent(Decimal("1.0839"), locale=loc),
            danvan.format_percent(Decimal("1.0839")),
        ),
        (
            "money 5052100000",
            bn.format_currency(5052100000, "VND", locale=loc),
            danvan.format_money(5052100000),
        ),
        (
            "2.665 to 2 places (half-even vs half-up)",
            bn.format_decimal(Decimal("2.665"), locale=loc, format="#,##0.##"),
            danvan.format_number(Decimal("2.665"), decimals=2),
        ),
        (
            "2.675 to 2 places",
            bn.format_decimal(Decimal("2.675"), locale=loc, format="#,##0.##"),
            danvan.format_number(Decimal("2.675"), decimals=2),
        ),
        (
            'parse "1.5" (English decimal)',
            _call(lambda s: bn.parse_decimal(s, locale=loc), "1.5"),
            _call(danvan.parse_number, "1.5"),
        ),
    ]
    for label, theirs, ours in rows:
        print(f"    {label:<42} babel {theirs!r:<22} danvan {ours!r}")
    print()


# --------------------------------------------------------------------------------- main


def versions() -> str:
    def version(distribution: str, present: bool) -> str:
        if not present:
            return f"{distribution} not installed"
        try:
            return f"{distribution} {metadata.version(distribution)}"
        except metadata.PackageNotFoundError:
            return f"{distribution} (version unknown)"

    return ", ".join(
        [
            f"Python {platform.python_version()} ({platform.python_implementation()})",
            version("danvan", True),
            version("babel", babel_numbers is not None),
            version("num2words", num2words is not None),
            version("vietnam-number", vn_n2w is not None),
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run (about a second)")
    parser.add_argument("--detail", action="store_true", help="also show one row per input")
    parser.add_argument("--no-notes", action="store_true", help="leave out the correctness notes")
    args = parser.parse_args(argv)
    repeat, target = (3, 0.003) if args.quick else (15, 0.02)

    loc = Locale.parse("vi") if babel_numbers is not None else None
    print(versions())
    if babel_numbers is None or num2words is None or vn_n2w is None:
        print("Some peers are missing: python -m pip install -r benchmarks/requirements.txt")
    print(f"{platform.machine()}, {platform.system()}; timeit best of {repeat} repeats of")
    print(f"~{target * 1000:g} ms each per input; µs/call = mean over the inputs of an operation")
    print()
    ops = build(loc)
    run(list(ops.values()), repeat, target)
    print_table(list(ops.values()), args.detail)
    print_targets(ops)
    if not args.no_notes:
        print_correctness(loc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
