"""Test-suite settings: no hypothesis deadline, and a small hypothesis profile for
mutation runs, off by default.

``benchmarks/mutation.py`` sets ``DANVAN_MUTATION_EXAMPLES`` (a count) so that each
mutant's run of the property tests stays short and is the same on every run
(derandomised, no example database), and empties the tables a module builds on first use
before each test. Without the variable nothing here changes the suite.
"""

from __future__ import annotations

import importlib
import os

import pytest
from hypothesis import HealthCheck, Phase, settings

# Time is measured by the benchmarks, not by the tests: a property test's first example
# may import a peer library or load the geography (a few hundred milliseconds on a busy
# machine), which hypothesis's default 200 ms deadline would call a failure.
settings.register_profile("danvan", deadline=None)
settings.load_profile("danvan")

_EXAMPLES = os.environ.get("DANVAN_MUTATION_EXAMPLES", "")

if _EXAMPLES:
    settings.register_profile(
        "mutation",
        max_examples=int(_EXAMPLES),
        derandomize=True,
        database=None,
        deadline=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("mutation")

    # Tables built on first use and kept by a module: mutmut forks each mutant's run
    # from a process where they were already built, so a mutant of the code that builds
    # them would never run. Each test of a mutation run starts with them empty.
    _MEMOS = [("danvan.words", "_GROUP_TABLES")]

    @pytest.fixture(autouse=True)
    def _empty_memos() -> None:
        for module, name in _MEMOS:
            getattr(importlib.import_module(module), name).clear()

    def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
        """Cap the examples of tests that set their own ``max_examples``."""
        cap = int(_EXAMPLES)
        for item in items:
            test = getattr(item, "obj", None)
            # hypothesis keeps a test's own settings on this attribute (no public API).
            own = getattr(test, "_hypothesis_internal_use_settings", None)
            if own is not None and own.max_examples > cap:
                test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
                    own, max_examples=cap, deadline=None, derandomize=True, database=None
                )
