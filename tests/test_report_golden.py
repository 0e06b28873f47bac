"""Golden reports (issue 14): the text, Markdown and HTML of the example datasets and of
a synthetic district (17 communes, quarterly figures of indicators of every rule and
direction, a plan, the year before) are compared with files kept in tests/golden/.

A change to what a report says shows here as a diff to review. After a deliberate
change, write the files anew with ``DANVAN_UPDATE_GOLDEN=1 python -m pytest
tests/test_report_golden.py`` and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from danvan import Dataset, Period, from_json
from danvan.report import Report, build_report, render_report
from tests.test_report_totals import district, reform

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
FORMATS = {"text": "txt", "md": "md", "html": "html"}


def _example(name: str) -> Report:
    return build_report(from_json((EXAMPLES / f"{name}.json").read_bytes(), Dataset))


REPORTS = {
    "hoa_thanh_2020": lambda: _example("hoa_thanh_2020"),
    "hong_linh_2021": lambda: _example("hong_linh_2021"),
    "nam_dinh_2022": lambda: _example("nam_dinh_2022"),
    "district_2024": lambda: build_report(
        district(frozenset({3, 11})), unit="huyen", period=Period.year(2024)
    ),
    "reform_2025": lambda: build_report(reform(), period=Period.year(2025)),
    "new_commune_2025": lambda: build_report(reform(), unit="xa-moi", period=Period.year(2025)),
}


@pytest.mark.parametrize("format", list(FORMATS))
@pytest.mark.parametrize("name", list(REPORTS))
def test_the_report_is_the_golden_one(name: str, format: str) -> None:
    """The report as written now equals the file kept for it, byte for byte."""
    written = render_report(REPORTS[name](), format=format) + "\n"  # type: ignore[arg-type]
    path = GOLDEN / f"{name}.{FORMATS[format]}"
    if os.environ.get("DANVAN_UPDATE_GOLDEN"):
        path.write_text(written, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with DANVAN_UPDATE_GOLDEN=1"
    assert written == path.read_text(encoding="utf-8")
