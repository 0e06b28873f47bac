"""pytest over docs/: the ``>>>`` examples of the pages run (``--doctest-glob=*.md``).

The pages tell readers to run their examples in the top directory of a clone (they
read ``examples/data/``), so every test here runs there. ``conf.py`` is Sphinx's
configuration, not a module with tests, and ``_build`` is the built site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_build/*"]


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
