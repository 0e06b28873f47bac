"""The examples run, and the command line behaves: output on stdout, one error line."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from danvan.cli import main

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out.strip()


def test_figures_example_states_the_report_figures(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES[0].parent / "figures.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "1.798.702.098đ" in out
    assert "108,39%" in out
    assert "10.499 suất" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["words", "1.005"], "một nghìn không trăm linh năm"),
        (["words", "24", "--thousand", "ngàn"], "hai mươi tư"),
        (["words", "5000000", "--money", "--even"], "Năm triệu đồng chẵn"),
        (["money", "3800000000", "--scale", "auto"], "3,8 tỷ đồng"),
        (["money", "3,8 tỷ đồng", "--unit", "đ"], "3.800.000.000đ"),
        (["number", "một nghìn tỷ"], "1000000000000"),
    ],
)
def test_cli_tools(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == expected


def test_cli_demo_shows_real_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "1.798.702.098đ" in out
    assert "3,8 tỷ đồng" in out


def test_cli_bad_input_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words", "1.5"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "'1.5'" in captured.err
    assert "Traceback" not in captured.err


def test_python_dash_m_runs_the_demo() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "danvan", "demo"], capture_output=True, text=True, check=True
    )
    assert "108,39%" in result.stdout


def test_cli_money_words_keep_the_variants(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words", "1.005", "--money", "--zero-tens", "lẻ", "--thousand", "ngàn"]) == 0
    assert capsys.readouterr().out.strip() == "Một ngàn không trăm lẻ năm đồng"


def test_cli_on_a_terminal_without_unicode_says_so_in_one_line() -> None:
    import os

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "danvan", "demo"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "PYTHONIOENCODING=utf-8" in result.stderr
