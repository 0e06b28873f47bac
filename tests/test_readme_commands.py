"""Every ``danvan`` command in the README's shell blocks runs and prints something.

(The Python examples of README.md run as doctests; the shell lines are run here, with
the command's own ``main``, from the root of the checkout as the README assumes.)
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from danvan.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.S)
COMMANDS = [
    line.split("#", 1)[0].strip()
    for block in SHELL_BLOCKS
    for line in block.splitlines()
    if line.startswith("danvan ")
]


def test_the_readme_has_a_tour() -> None:
    assert len(COMMANDS) >= 5
    assert "python -m pip install . && python -m danvan report" in README


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(shlex.split(command)[1:]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip()
    assert captured.err == ""
