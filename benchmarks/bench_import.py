"""Time the cost of importing danvan: `import danvan`, `import danvan.numbers`, `danvan --help`.

Run from the repository root, with danvan installed (``python -m pip install -e .``):

    python benchmarks/bench_import.py            # 20 runs of each command (about 30 s)
    python benchmarks/bench_import.py --runs 5   # a smoke run

Each command runs in a fresh interpreter under ``python -X importtime``, and so does bare
Python (``pass``) in the same round, the commands taking turns so that a burst of load
from another process slows them alike. Two figures per command, each the median over
the runs of the command's figure minus bare Python's figure in the same round:

- *imports*: the sum of the cumulative microseconds of the top-level imports that
  ``-X importtime`` prints (the interpreter's own start-up imports cancel out);
- *wall*: the whole process, start to exit, by a monotonic clock (this includes the
  work the command does after importing, such as printing the help).

babel.numbers and attrs are imported in the same rounds as yardsticks: babel.numbers is
what many projects use to format Vietnamese numbers, attrs is what danvan's types are
built on. A yardstick that is not installed is shown as such and skipped.

danvan's own modules are compiled to bytecode first (``compileall``, as ``pip install``
does for a wheel), so that the figures are what a user of an installed danvan sees; an
editable install run with ``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile every
module from source on every import. ``--source`` leaves them uncompiled (whatever bytecode
is already there stays) to see that cost.

Targets (issue 18): ``import danvan`` at most 15 ms above bare Python, ``danvan --help``
at most 60 ms above bare Python, and ``import danvan.numbers`` loading no domain module.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

COMMANDS: dict[str, str] = {
    "import danvan": "import danvan",
    "import danvan.numbers": "import danvan.numbers",
    "danvan --help": (
        "import sys\n"
        "from danvan.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
    ),
    "import babel.numbers": "import babel.numbers",
    "import attrs": "import attrs",
}
"""The commands timed, by the name printed; each is the source given to ``python -c``."""

_NEEDS = {"import babel.numbers": "babel", "import attrs": "attrs"}


def _run(source: str) -> tuple[int, float]:
    """Run ``source`` in a fresh interpreter: (microseconds of imports, wall seconds)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", source],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    total = 0
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|", 2)
        # A top-level import is printed with a single space before its name.
        if cumulative.strip().isdigit() and not name[1:].startswith(" "):
            total += int(cumulative)
    return total, wall


def measure(runs: int, names: Sequence[str]) -> dict[str, tuple[float, float]]:
    """The median (import ms, wall ms) of each command above bare Python over ``runs``."""
    imports: dict[str, list[float]] = {name: [] for name in names}
    walls: dict[str, list[float]] = {name: [] for name in names}
    _run("pass")  # warm the file system caches once, uncounted
    for name in names:
        _run(COMMANDS[name])
    for _ in range(runs):
        for name in names:
            bare_us, bare_wall = _run("pass")
            us, wall = _run(COMMANDS[name])
            imports[name].append((us - bare_us) / 1000)
            walls[name].append((wall - bare_wall) * 1000)
    return {
        name: (statistics.median(imports[name]), statistics.median(walls[name])) for name in names
    }


def loaded_modules(module: str) -> list[str]:
    """The danvan modules that ``import module`` loads, in a fresh interpreter."""
    code = (
        f"import sys, {module}\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('danvan'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command")
    parser.add_argument(
        "--source", action="store_true", help="do not compile danvan to bytecode first"
    )
    args = parser.parse_args(argv)
    spec = importlib.util.find_spec("danvan")
    if spec is None or not spec.submodule_search_locations:
        print("danvan is not installed")
        return 1
    package = next(iter(spec.submodule_search_locations))
    if not args.source:
        import compileall

        compileall.compile_dir(package, quiet=1)
    names = []
    for name in COMMANDS:
        need = _NEEDS.get(name)
        if need is not None and importlib.util.find_spec(need) is None:
            print(f"{name}: not installed, skipped")
            continue
        names.append(name)
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{args.runs} runs, median above bare Python, danvan from {package}"
        f" ({'as it is' if args.source else 'compiled to bytecode'})"
    )
    results = measure(args.runs, names)
    print(f"{'command':<24}{'imports ms':>12}{'wall ms':>10}")
    for name in names:
        us, wall = results[name]
        print(f"{name:<24}{us:>12.1f}{wall:>10.1f}")
    for module in ("danvan", "danvan.numbers"):
        loaded = loaded_modules(module)
        print(f"import {module} loads {len(loaded)} danvan modules: {' '.join(loaded)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
