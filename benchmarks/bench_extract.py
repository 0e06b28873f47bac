"""Time danvan.extract_figures on report text and on adversarial text.

Run from the repository root, with danvan installed and the corpus beside the checkout:

    python benchmarks/bench_extract.py           # 1 MB and 10 MB of report text
    python benchmarks/bench_extract.py --quick   # 1 MB only

No library reads figures out of Vietnamese prose, so there is no peer to race; the
baseline is a plain regular-expression scan for digit runs (``re.finditer``), which
finds where numbers are and nothing else. Report text is the three reports of
``../shared/corpus`` repeated to size (as UTF-8 bytes). It prints MB/s, the ratio of
the 10 MB time to the 1 MB time (10.0 is linear), and the same for inputs built to be
hard: a megabyte of digits and dots, of "1 1 1 …", of "1/1/1/…" and of NFD text.
"""

from __future__ import annotations

import argparse
import re
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from danvan import extract_figures

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000
_DIGITS = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def report_text(size: int) -> str:
    """The corpus reports, repeated to *size* bytes of UTF-8 (cut at a character)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no corpus at {CORPUS}")
    unit = "\n\n".join(texts)
    data = (unit * (size // len(unit.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", errors="ignore")


def seconds(function: Callable[[str], object], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def baseline(text: str) -> int:
    return sum(1 for _ in _DIGITS.finditer(text))


def row(name: str, text: str, repeats: int) -> float:
    size = len(text.encode()) / MB
    ours = seconds(extract_figures, text, repeats)
    scan = seconds(baseline, text, repeats)
    figures = len(extract_figures(text))
    print(
        f"{name:<28} {size:6.2f} MB {ours:8.3f} s {size / ours:8.2f} MB/s"
        f"   regex scan {size / scan:8.1f} MB/s  ({ours / scan:5.1f}x)   {figures} figures"
    )
    return ours


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 MB inputs only, one repeat")
    args = parser.parse_args()
    repeats = 1 if args.quick else 3
    print(f"{'input':<28} {'size':>9} {'time':>10} {'speed':>13}")
    one = report_text(MB)
    small = row("report text", one, repeats)
    if not args.quick:
        large = row("report text x10", report_text(10 * MB), 1)
        print(f"  10 MB / 1 MB time: {large / small:.2f} (10.00 is linear)")
    nfd = unicodedata.normalize("NFD", one)
    row("report text, NFD", nfd, repeats)
    hard = {
        "digits and dots": ("1234567890." * (MB // 11 + 1))[:MB],
        "'1 1 1 …'": "1 " * (MB // 2),
        "'1/1/1/…'": "1/" * (MB // 2),
        "'1.1.1.…'": "1." * (MB // 2),
        "'0912 345 678 …'": "0912 345 678 " * (MB // 13),
    }
    for name, text in hard.items():
        small = row(name, text[: MB // 4], 1)
        whole = row(name, text, 1)
        print(f"  1 MB / 0.25 MB time: {whole / small:.2f} (4.00 is linear)")


if __name__ == "__main__":
    main()
