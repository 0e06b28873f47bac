"""Mutation score of one danvan module against its own tests (mutmut 3).

Usage, from the repository root with danvan installed editable and ``pip install mutmut``::

    python benchmarks/mutation.py numbers [--max-children 2] [--examples 20]

The module's files are mutated in a scratch copy of ``src/`` and ``tests/`` (with the
docs and examples some tests read; under
``--workdir``, default a folder in the system's temporary directory), with a
``setup.cfg`` that tells mutmut which files to mutate and which test files to run; the
checkout itself is not touched. Each mutant runs only the tests (of those files) that
call the mutated function, stopping at the first failure. Hypothesis property tests run
``--examples`` derandomised examples each (see ``tests/conftest.py``), so the figures are
repeatable but lower than a run with the suite's own counts would give. Doctests and the
rest of the suite do not take part.

The script prints mutmut's counts and a score, killed / (killed + survived), where
timeouts count as killed and mutants no selected test reaches count as survived. It is a
measuring tool, not a check: nothing in CI runs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Module name -> (files mutated, test files run).
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "numbers": (["src/danvan/numbers.py"], ["tests/test_numbers.py"]),
    "words": (
        ["src/danvan/words.py", "src/danvan/_spoken.py"],
        [
            "tests/test_words_forms.py",
            "tests/test_words_oracle.py",
            "tests/test_words_reader_oracle.py",
        ],
    ),
    "dates": (["src/danvan/dates.py"], ["tests/test_dates.py"]),
    "periods": (["src/danvan/periods.py"], ["tests/test_periods.py"]),
    "documents": (["src/danvan/documents.py"], ["tests/test_documents.py"]),
    "indicators": (["src/danvan/indicators/*"], ["tests/test_indicators.py"]),
}

#: What some tests read besides src/ and tests/ (docs/documents.md, the examples).
ALSO_COPY = ["docs", "examples", "README.md"]

KILLED = {"killed", "timeout", "segfault", "caught by type check"}
SURVIVED = {"survived", "no tests"}


def _setup_cfg(mutate: list[str], tests: list[str]) -> str:
    def lines(values: list[str]) -> str:
        return "".join(f"\n    {v}" for v in values)

    return (
        "[mutmut]\n"
        "source_paths = src\n"
        f"only_mutate ={lines(mutate)}\n"
        f"pytest_add_cli_args_test_selection ={lines(tests)}\n"
        "pytest_add_cli_args =\n    -p no:cacheprovider\n    -x\n    -q\n"
        "use_git_change_detection = false\n"
        f"also_copy ={lines(ALSO_COPY)}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", choices=sorted(MODULES))
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--examples", type=int, default=20, help="hypothesis examples a test")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    args = parser.parse_args(argv)

    mutate, tests = MODULES[args.module]
    work = args.workdir or Path(tempfile.gettempdir()) / "danvan-mutation" / args.module
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["pyproject.toml", *ALSO_COPY]:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("_build"))
        else:
            shutil.copy2(ROOT / name, work / name)
    (work / "setup.cfg").write_text(_setup_cfg(mutate, tests), encoding="utf-8")

    env = dict(os.environ, DANVAN_MUTATION_EXAMPLES=str(args.examples))
    mutmut = [sys.executable, "-m", "mutmut"]
    run = subprocess.run(
        [*mutmut, "run", "--max-children", str(args.max_children)], cwd=work, env=env
    )
    results = subprocess.run(
        [*mutmut, "results", "--all", "true"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    status: dict[str, str] = {}
    for line in results.stdout.splitlines():
        name, sep, state = line.strip().rpartition(": ")
        if sep:
            status[name] = state
    counts = Counter(status.values())
    killed = sum(n for s, n in counts.items() if s in KILLED)
    survived = sum(n for s, n in counts.items() if s in SURVIVED)
    print(
        f"\n{args.module}: {len(status)} mutants, "
        + ", ".join(f"{s} {n}" for s, n in sorted(counts.items()))
    )
    if killed + survived:
        print(f"score {killed}/{killed + survived} = {100 * killed / (killed + survived):.1f}%")
    if args.survivors:
        for name, state in sorted(status.items()):
            if state in SURVIVED:
                print(f"{state}: {name}")
    print(f"(mutmut's work is in {work}; `mutmut show NAME` there shows a mutant)")
    return run.returncode


if __name__ == "__main__":
    raise SystemExit(main())
