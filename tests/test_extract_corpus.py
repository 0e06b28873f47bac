"""Scoring extract_figures against hand-labelled reports (the corpus beside the checkout).

Every ``*.json`` label file in the corpus folder is scored: each non-ambiguous label must
be found at its offset with its kind, text and value (recall), and every figure reported
must be a label, or fall inside an ambiguous one (precision). Furniture (the ``chrome``
lists) must be left out by default and found with ``furniture=True``.

The folder is ``../shared/corpus`` beside the checkout, or the folders named in the
environment variable ``DANVAN_CORPUS`` (separated by ``os.pathsep``), so that reports
the extractor has never seen can be scored the same way. As a script it prints the
score of each file: ``python tests/test_extract_corpus.py [FOLDER ...]``.
"""

from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from danvan import Figure, extract_figures

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_folders() -> list[Path]:
    named = os.environ.get("DANVAN_CORPUS")
    if named:
        return [Path(folder) for folder in named.split(os.pathsep) if folder]
    return [DEFAULT_CORPUS]


def label_files() -> list[Path]:
    return sorted(
        path
        for folder in corpus_folders()
        if folder.is_dir()
        for path in folder.glob("*.json")
        if path.with_suffix(".txt").exists()
    )


def _same_value(figure: Figure, label: dict[str, Any]) -> bool:
    value = figure.as_record()["value"]
    if label["kind"] == "document":  # the label names number, type and issuers
        assert isinstance(value, dict)
        return {key: value.get(key) for key in ("number", "type", "issuers")} == label["value"]
    if label["kind"] in ("ratio", "period"):  # parts as numbers: 53.5 and "53.5" agree
        assert isinstance(value, list)
        return [Decimal(str(part)) for part in value] == [
            Decimal(str(part)) for part in label["value"]
        ]
    return bool(value == label["value"])


def score(labels: dict[str, Any], text: str) -> dict[str, list[str]]:
    """Misses, wrong kinds or values, and figures that are no label, with reasons."""
    problems: dict[str, list[str]] = {"missed": [], "wrong": [], "extra": [], "furniture": []}
    figures = extract_figures(text)
    found = {figure.start: figure for figure in figures}
    ambiguous = [
        (label["start"], label["start"] + len(label["text"]))
        for label in labels["figures"]
        if label["ambiguous"]
    ]
    starts = {label["start"] for label in labels["figures"]}
    for label in labels["figures"]:
        if label["ambiguous"]:
            continue
        figure = found.get(label["start"])
        if figure is None:
            problems["missed"].append(f"{label['text']!r} at {label['start']}")
        elif (
            figure.kind.value != label["kind"]
            or figure.text != label["text"]
            or not _same_value(figure, label)
        ):
            problems["wrong"].append(f"{label} read as {figure.as_record()}")
    for figure in figures:
        if figure.start not in starts and not any(a <= figure.start < b for a, b in ambiguous):
            problems["extra"].append(f"{figure.as_record()}")
    chrome = {item["start"] for item in labels.get("chrome", [])}
    problems["furniture"] = [f"{f.text!r} at {f.start}" for f in figures if f.start in chrome]
    return problems


FILES = label_files()


@pytest.mark.skipif(not FILES, reason=f"no labelled corpus at {corpus_folders()}")
@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_label_is_found_and_nothing_else(path: Path) -> None:
    labels = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert score(labels, text) == {"missed": [], "wrong": [], "extra": [], "furniture": []}


@pytest.mark.skipif(not FILES, reason=f"no labelled corpus at {corpus_folders()}")
@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_qualifiers_and_units_are_those_labelled(path: Path) -> None:
    labels = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    found = {figure.start: figure for figure in extract_figures(text)}
    for label in labels["figures"]:
        if label["ambiguous"] or label["start"] not in found:
            continue  # missing figures fail the test above
        figure = found[label["start"]]
        assert figure.qualifier == label["qualifier"], label
        if label["kind"] == "quantity":
            assert figure.unit == label["unit"], label


@pytest.mark.skipif(not FILES, reason=f"no labelled corpus at {corpus_folders()}")
@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_furniture_is_there_when_asked_for(path: Path) -> None:
    labels = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    every = {figure.start: figure for figure in extract_figures(text, furniture=True)}
    report = {(f.start, f.kind, f.value) for f in extract_figures(text)}
    chrome = labels.get("chrome", [])
    # Clock times are never figures; every counter is there, read as the page wrote it.
    counters = [item for item in chrome if ":" not in item["text"]]
    assert [every[item["start"]].text for item in counters if item["start"] in every] == [
        item["text"] for item in counters
    ]
    assert report <= {(f.start, f.kind, f.value) for f in every.values()}


@pytest.mark.skipif(not FILES, reason=f"no labelled corpus at {corpus_folders()}")
@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_offsets_hold_in_nfd_text(path: Path) -> None:
    import unicodedata

    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    nfc_figures = extract_figures(text)
    nfd_figures = extract_figures(nfd)
    assert [(f.kind, f.value, f.unit, f.qualifier) for f in nfd_figures] == [
        (f.kind, f.value, f.unit, f.qualifier) for f in nfc_figures
    ]
    for in_nfd, in_nfc in zip(nfd_figures, nfc_figures, strict=True):
        assert nfd[in_nfd.start : in_nfd.end] == in_nfd.text
        assert unicodedata.normalize("NFC", in_nfd.text) == in_nfc.text


def main(argv: list[str]) -> int:
    """Print the score of each labelled report in the folders given (or the corpus)."""
    folders = [Path(arg) for arg in argv] or corpus_folders()
    total = {"labels": 0, "missed": 0, "wrong": 0, "extra": 0, "furniture": 0}
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            labels = json.loads(path.read_text(encoding="utf-8"))
            problems = score(labels, path.with_suffix(".txt").read_text(encoding="utf-8"))
            scored = sum(not label["ambiguous"] for label in labels["figures"])
            total["labels"] += scored
            for key, items in problems.items():
                total[key] += len(items)
            print(
                f"{path.name}: {scored} labels, "
                + ", ".join(f"{len(items)} {key}" for key, items in problems.items())
            )
            for key, items in problems.items():
                for item in items:
                    print(f"  {key}: {item}")
    found = total["labels"] - total["missed"] - total["wrong"]
    reported = found + total["extra"]
    print(
        f"recall {found}/{total['labels']}, precision {found}/{reported},"
        f" furniture reported {total['furniture']}"
    )
    return 0 if found == total["labels"] == reported and not total["furniture"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
