"""Test settings shared by the suite."""

from __future__ import annotations

from hypothesis import settings

# Time is measured by the benchmarks, not by the tests: a property test's first example
# may import a peer library or load the geography (a few hundred milliseconds on a busy
# machine), which hypothesis's default 200 ms deadline would call a failure.
settings.register_profile("danvan", deadline=None)
settings.load_profile("danvan")
