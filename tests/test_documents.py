"""Document codes and directives: codes as reports cite them, then round trips and fuzzing."""

from __future__ import annotations

import contextlib
import json
import pickle
import re
import time
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.documents import (
    MAX_ISSUERS,
    MAX_TEXT_LENGTH,
    Directive,
    DocumentCode,
    DocumentSystem,
    DocumentType,
    document_code_field,
    format_document_code,
    parse_document_code,
)
from danvan.errors import InvalidTypeError, InvalidValueError, ParseError

from .strategies import PREFIXES, directives, document_codes, document_types, written

PARTY = DocumentSystem.PARTY
STATE = DocumentSystem.STATE
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"  # beside the checkout
DOCS = Path(__file__).resolve().parent.parent / "docs" / "documents.md"

# --------------------------------------------------------------------------- examples

# Every document figure labelled in shared/corpus: (text, number, type, issuers). The
# two entries labelled ambiguous there are documents cited by a bare number
# ("Quyết định 22 của Tỉnh ủy", "Đề án 202"), which are no codes.
CORPUS_CODES = [
    ("08-CT/ThU", 8, "CT", ("ThU",)),
    ("25-KL/ThU", 25, "KL", ("ThU",)),
    ("02-NQ/ThU", 2, "NQ", ("ThU",)),
    ("202-QĐ/ThU", 202, "QĐ", ("ThU",)),
    ("70-KH/BDVTU-BCSĐUBND", 70, "KH", ("BDVTU", "BCSĐUBND")),
    ("123-KH/BDV-UBND", 123, "KH", ("BDV", "UBND")),
    ("123-KH/BDV-UBND", 123, "KH", ("BDV", "UBND")),
    ("16-CTr/BDV-UBND", 16, "CTr", ("BDV", "UBND")),
]
CORPUS_BARE_NUMBERS = ["22", "202"]

# (text, canonical, system, number, type, issuers, year) from the brief, DOMAIN.md and
# documents in force.
REAL_CODES = [
    ("08-CT/ThU", "08-CT/ThU", PARTY, 8, "CT", ("ThU",), None),
    ("70-KH/BDVTU-BCSĐUBND", "70-KH/BDVTU-BCSĐUBND", PARTY, 70, "KH", ("BDVTU", "BCSĐUBND"), None),
    ("36-HD/VPTW", "36-HD/VPTW", PARTY, 36, "HD", ("VPTW",), None),
    ("25-KL/ThU", "25-KL/ThU", PARTY, 25, "KL", ("ThU",), None),
    ("202-QĐ/ThU", "202-QĐ/ThU", PARTY, 202, "QĐ", ("ThU",), None),
    ("02-NQ/ThU", "02-NQ/ThU", PARTY, 2, "NQ", ("ThU",), None),
    ("31-QĐ/TW", "31-QĐ/TW", PARTY, 31, "QĐ", ("TW",), None),
    ("05-CT/TW", "05-CT/TW", PARTY, 5, "CT", ("TW",), None),
    ("125/QĐ-UBND", "125/QĐ-UBND", STATE, 125, "QĐ", ("UBND",), None),
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", STATE, 30, "NĐ", ("CP",), 2020),
    ("10/2022/QH15", "10/2022/QH15", STATE, 10, None, ("QH15",), 2022),
    ("202/2025/QH15", "202/2025/QH15", STATE, 202, None, ("QH15",), 2025),
    ("1980/QĐ-TTg", "1980/QĐ-TTg", STATE, 1980, "QĐ", ("TTg",), None),
    ("318/QĐ-TTg", "318/QĐ-TTg", STATE, 318, "QĐ", ("TTg",), None),
    ("238/UBND-KGVX", "238/UBND-KGVX", STATE, 238, None, ("UBND", "KGVX"), None),
    ("01/2011/TT-BNV", "01/2011/TT-BNV", STATE, 1, "TT", ("BNV",), 2011),
    ("55/2005/TTLT-BNV-VPCP", "55/2005/TTLT-BNV-VPCP", STATE, 55, "TTLT", ("BNV", "VPCP"), 2005),
    ("01/2023/L-CTN", "01/2023/L-CTN", STATE, 1, "L", ("CTN",), 2023),
    ("1211/2016/UBTVQH13", "1211/2016/UBTVQH13", STATE, 1211, None, ("UBTVQH13",), 2016),
    # Messy forms from real text.
    ("Số: 08-CT/ThU", "08-CT/ThU", PARTY, 8, "CT", ("ThU",), None),
    ("số 202-QĐ/ThU", "202-QĐ/ThU", PARTY, 202, "QĐ", ("ThU",), None),
    ("21- NQ/TU", "21-NQ/TU", PARTY, 21, "NQ", ("TU",), None),
    ("20 - CT/TU", "20-CT/TU", PARTY, 20, "CT", ("TU",), None),
    ("Kế hoạch 123-KH/BDV-UBND", "123-KH/BDV-UBND", PARTY, 123, "KH", ("BDV", "UBND"), None),
    (
        "Kế hoạch số 70-KH/BDVTU-BCSĐUBND",
        "70-KH/BDVTU-BCSĐUBND",
        PARTY,
        70,
        "KH",
        ("BDVTU", "BCSĐUBND"),
        None,
    ),
    (
        "Chương trình phối hợp số 16-CTr/BDV-UBND",
        "16-CTr/BDV-UBND",
        PARTY,
        16,
        "CTr",
        ("BDV", "UBND"),
        None,
    ),
    ("Chỉ thị số 08-CT/ThU", "08-CT/ThU", PARTY, 8, "CT", ("ThU",), None),
    ("Nghị quyết số 02-NQ/ThU", "02-NQ/ThU", PARTY, 2, "NQ", ("ThU",), None),
    ("Quyết định số 202-QĐ/ThU", "202-QĐ/ThU", PARTY, 202, "QĐ", ("ThU",), None),
    ("Hướng dẫn 36-HD/VPTW", "36-HD/VPTW", PARTY, 36, "HD", ("VPTW",), None),
    ("số31-QĐ/TW", "31-QĐ/TW", PARTY, 31, "QĐ", ("TW",), None),
    ("  8-CT/ThU  ", "08-CT/ThU", PARTY, 8, "CT", ("ThU",), None),
    ("8 – CT / ThU", "08-CT/ThU", PARTY, 8, "CT", ("ThU",), None),
    ("Chỉ  thị\u00a0số 08-CT/ThU", "08-CT/ThU", PARTY, 8, "CT", ("ThU",), None),
    (
        "CHƯƠNG TRÌNH PHỐI HỢP SỐ 16-CTr/BDV-UBND",
        "16-CTr/BDV-UBND",
        PARTY,
        16,
        "CTr",
        ("BDV", "UBND"),
        None,
    ),
    (
        "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP",
        "55/2005/TTLT-BNV-VPCP",
        STATE,
        55,
        "TTLT",
        ("BNV", "VPCP"),
        2005,
    ),
    ("Nghị định số 30/2020/NĐ-CP", "30/2020/NĐ-CP", STATE, 30, "NĐ", ("CP",), 2020),
    ("Luật số 10/2022/QH15", "10/2022/QH15", STATE, 10, None, ("QH15",), 2022),
    ("Quyết định số 1980/QĐ-TTg", "1980/QĐ-TTg", STATE, 1980, "QĐ", ("TTg",), None),
    ("Công văn số 238/UBND-KGVX", "238/UBND-KGVX", STATE, 238, None, ("UBND", "KGVX"), None),
    ("Số: 125 / QĐ - UBND", "125/QĐ-UBND", STATE, 125, "QĐ", ("UBND",), None),
    ("Số:\u00a030/2020/NĐ-CP", "30/2020/NĐ-CP", STATE, 30, "NĐ", ("CP",), 2020),
    ("5/SY-UBND", "05/SY-UBND", STATE, 5, "SY", ("UBND",), None),
    ("12/TrS-VPCP", "12/TrS-VPCP", STATE, 12, "TrS", ("VPCP",), None),
    ("07/QyĐ-UBND", "07/QyĐ-UBND", STATE, 7, "QyĐ", ("UBND",), None),
    ("12-QĐi/TU", "12-QĐi/TU", PARTY, 12, "QĐi", ("TU",), None),
]

# (input in another case, canonical form): known abbreviations take their official case.
CASES = [
    ("08-ct/thu", "08-CT/ThU"),
    ("08-CT/THU", "08-CT/ThU"),
    ("1980/qđ-ttg", "1980/QĐ-TTg"),
    ("1980/QĐ-TTG", "1980/QĐ-TTg"),
    ("07/qyđ-ubnd", "07/QyĐ-UBND"),
    ("07/QYĐ-UBND", "07/QyĐ-UBND"),
    ("16-ctr/bdv-ubnd", "16-CTr/BDV-UBND"),
    ("16-CTR/BDV-UBND", "16-CTr/BDV-UBND"),
    ("3/trs-vpcp", "03/TrS-VPCP"),
    ("12-ttr/hu", "12-TTr/HU"),
    ("12/ttr-ubnd", "12/TTr-UBND"),
    ("12-qđi/tu", "12-QĐi/TU"),
    ("12-QĐI/TU", "12-QĐi/TU"),
    ("10/2022/qh15", "10/2022/QH15"),
    ("1211/2016/ubtvqh13", "1211/2016/UBTVQH13"),
    ("30/2020/nđ-cp", "30/2020/NĐ-CP"),
    ("70-kh/bdvtu-bcsđubnd", "70-KH/BDVTU-BCSĐUBND"),
    ("02-nq/đu", "02-NQ/ĐU"),
    # Unknown abbreviations stay as written.
    ("08-Xyz/abc", "08-Xyz/abc"),
    ("238/ubnd-kgvx", "238/UBND-KGVX"),
    ("238/ubnd-Pkt", "238/UBND-Pkt"),
]

# (text, message fragment, position) of text that is no code.
BAD = [
    ("", "expected a document number, found the end", 0),
    ("   ", "expected a document number", 3),
    ("abc", "expected a document number, found 'a'", 0),
    ("Chỉ thị số", "expected a document number, found the end", 10),
    ("22", "expected '-' (Party code) or '/' (State code)", 2),
    ("0-CT/TU", "document numbers start from 01", 0),
    ("00/QĐ-UBND", "document numbers start from 01", 0),
    ("1234567890-CT/TU", "at most 9 digits", 0),
    ("08-", "expected a document type, found the end", 3),
    ("08-/TU", "expected a document type, found '/'", 3),
    ("08-CT", "expected '/' after the type of a Party code, found the end", 5),
    ("08-CT-ThU", "expected '/' after the type of a Party code, found '-'", 5),
    ("08-CT/", "expected an issuer, found the end", 6),
    ("08-CT/TU-", "expected an issuer after '-', found the end", 9),
    ("08-CT/TU/2021", "unexpected '/2021' after the code", 8),
    ("08-CT/ThU, ngày 19/5/2021", "unexpected ', ngày 19/5/' after the code", 9),
    ("08-CT/ThU.", "unexpected '.' after the code", 9),
    ("08-CT/ThU ngày", "unexpected 'ngày' after the code", 10),
    ("125/QĐ", "expected an issuer after the type 'QĐ'", 6),
    ("125/QĐ ", "expected an issuer after the type 'QĐ'", 6),
    ("30/2020/NĐ", "expected an issuer after the type 'NĐ'", 10),
    ("08/", "expected a document type or issuer, found the end", 3),
    ("08/2020", "expected '/' after the year, found the end", 7),
    ("08/20/QĐ-CP", "expected a four-digit year", 3),
    ("08/0202/QĐ-CP", "expected a four-digit year", 3),
    ("08/12345/QĐ-CP", "expected a four-digit year", 3),
    ("08/QĐ/UBND", "unexpected '/UBND' after the code", 5),
    ("08 CT/TU", "expected '-' (Party code) or '/' (State code) after the number, found 'C'", 3),
    ("08–CT/" + "A" * 40, "an issuer is longer than 32 letters", 6),
    ("08-CT/" + "-".join(["TU"] * (MAX_ISSUERS + 1)), "at most 10 issuers", 36),
    ("Thực hiện Kế hoạch 70-KH/BDVTU", "expected a document number, found 'T'", 0),
    ("０８-CT/TU", "expected a document number", 0),
]


# ---------------------------------------------------------------------------- corpus


@pytest.mark.parametrize(("text", "number", "type_", "issuers"), CORPUS_CODES)
def test_corpus_codes(text: str, number: int, type_: str, issuers: tuple[str, ...]) -> None:
    code = DocumentCode.parse(text, strict=True)
    assert (code.number, str(code.type), code.issuers, code.year) == (number, type_, issuers, None)
    assert code.system is PARTY
    assert str(code) == text


@pytest.mark.parametrize("text", CORPUS_BARE_NUMBERS)
def test_corpus_bare_numbers_are_no_codes(text: str) -> None:
    assert not DocumentCode.is_valid(text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus is not here")
def test_corpus_table_has_every_labelled_document() -> None:
    labelled = []
    for path in sorted(CORPUS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        report = path.with_suffix(".txt").read_text(encoding="utf-8")
        for figure in data["figures"] + data.get("chrome", []):
            if figure.get("kind") != "document":
                continue
            start = figure["start"]
            assert report[start : start + len(figure["text"])] == figure["text"]
            value = figure["value"]
            entry = (figure["text"], value["number"], value["type"], tuple(value["issuers"]))
            if figure["ambiguous"]:
                assert figure["text"] in CORPUS_BARE_NUMBERS
            else:
                labelled.append(entry)
    assert sorted(labelled) == sorted(CORPUS_CODES)


# ---------------------------------------------------------------------------- examples


@pytest.mark.parametrize(
    ("text", "canonical", "system", "number", "type_", "issuers", "year"), REAL_CODES
)
def test_real_codes(
    text: str,
    canonical: str,
    system: DocumentSystem,
    number: int,
    type_: str | None,
    issuers: tuple[str, ...],
    year: int | None,
) -> None:
    code = DocumentCode.parse(text, strict=True)
    assert str(code) == canonical
    assert code.system is system
    assert code.number == number
    assert (None if code.type is None else str(code.type)) == type_
    assert code.issuers == issuers
    assert code.year == year
    assert code == parse_document_code(text) == DocumentCode.parse(canonical)
    assert format_document_code(code) == canonical
    assert DocumentCode.parse(unicodedata.normalize("NFD", text)) == code


@pytest.mark.parametrize(("text", "canonical"), CASES)
def test_canonical_case(text: str, canonical: str) -> None:
    assert str(DocumentCode.parse(text)) == canonical
    assert DocumentCode.parse(text) == DocumentCode.parse(canonical)


@pytest.mark.parametrize(("text", "message", "position"), BAD)
def test_bad_codes(text: str, message: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        DocumentCode.parse(text)
    assert message in str(info.value)
    assert info.value.position == position
    assert info.value.text == text
    assert f"at position {position}" in str(info.value)
    assert not DocumentCode.is_valid(text)


def test_state_parts_decide_type_and_issuer() -> None:
    # Without a year, a first part that is no State type is the issuer of a công văn.
    letter = DocumentCode.parse("238/UBND-KGVX")
    assert letter.type is None
    assert letter.describe() == "Công văn số 238/UBND-KGVX"
    assert DocumentCode.parse("12/XYZ-UBND").issuers == ("XYZ", "UBND")
    # With a year, the first of several parts is the type, known or not.
    unknown = DocumentCode.parse("05/2019/XYZ-BYT")
    assert unknown.type == DocumentType("XYZ", system=STATE)
    assert not unknown.type.known
    assert unknown.issuers == ("BYT",)
    # A law or resolution of the National Assembly: a year and one part, no type.
    law = DocumentCode.parse("10/2022/QH15")
    assert (law.type, law.issuers, law.describe()) == (None, ("QH15",), "Văn bản số 10/2022/QH15")
    # Cục Thuế's công văn 123/CT-TTHT reads as a Chỉ thị: the code cannot tell.
    assert str(DocumentCode.parse("123/CT-TTHT").type) == "CT"


def test_the_separator_decides_the_system() -> None:
    assert DocumentCode.parse("125-QĐ/UBND").system is PARTY
    assert DocumentCode.parse("125/QĐ-UBND").system is STATE
    assert DocumentCode.parse("125-QĐ/UBND") != DocumentCode.parse("125/QĐ-UBND")


def test_strict_and_lenient() -> None:
    lenient = DocumentCode.parse("08-XY/ThU")
    assert lenient.type == DocumentType("XY", system=PARTY)
    assert lenient.type is not None
    assert not lenient.type.known
    assert lenient.type.name is None
    assert lenient.describe() == "Văn bản số 08-XY/ThU"
    with pytest.raises(ParseError, match=r"unknown Party document type 'XY'") as info:
        DocumentCode.parse("Chỉ thị số 08-XY/ThU", strict=True)
    assert info.value.position == 14
    with pytest.raises(ParseError, match=r"unknown State document type 'XYZ'") as info:
        DocumentCode.parse("05/2019/XYZ-BYT", strict=True)
    assert info.value.position == 8
    # QyĐ is a State type only; QĐi a Party type only.
    assert not DocumentCode.is_valid("08-QyĐ/TU", strict=True)
    assert DocumentCode.is_valid("08/2020/QyĐ-UBND", strict=True)
    assert not DocumentCode.is_valid("08/2020/QĐi-UBND", strict=True)
    # Strict is about the vocabulary only: công văn and unknown issuers are fine.
    assert DocumentCode.is_valid("238/UBND-KGVX", strict=True)
    assert DocumentCode.is_valid("08-CT/Abc", strict=True)


def test_nfd_error_positions_are_in_the_original_text() -> None:
    text = unicodedata.normalize("NFD", "Chỉ thị số 08-XY/ThU")
    assert len(text) > len("Chỉ thị số 08-XY/ThU")
    with pytest.raises(ParseError) as info:
        DocumentCode.parse(text, strict=True)
    assert text[info.value.position :] == "XY/ThU"
    text = unicodedata.normalize("NFD", "Kế hoạch số 70-KH/BDVTU-BCSĐUBND, ngày 27/02/2020")
    with pytest.raises(ParseError) as info:
        DocumentCode.parse(text)
    assert text[info.value.position :] == unicodedata.normalize("NFD", ", ngày 27/02/2020")


def test_not_a_str() -> None:
    for value in (None, 8, b"08-CT/ThU", ["08-CT/ThU"]):
        with pytest.raises(InvalidTypeError):
            DocumentCode.parse(value)  # type: ignore[arg-type]
        assert DocumentCode.is_valid(value) is False


def test_long_text_is_refused_at_once() -> None:
    text = "08-CT/ThU" + " " * MAX_TEXT_LENGTH
    with pytest.raises(ParseError, match="too long") as info:
        DocumentCode.parse(text)
    assert info.value.position == MAX_TEXT_LENGTH
    assert DocumentCode.parse(text[:MAX_TEXT_LENGTH]) == DocumentCode.party(8, "CT", "ThU")


@pytest.mark.parametrize(
    "text",
    [
        "1-" * 100_000,
        "1/" * 100_000,
        "1/2020/" * 100_000,
        "Số " * 100_000,
        "Chỉ thị " * 100_000,
        "08-CT/" + "A-" * 100_000,
        "08-CT/" + "A" * 1_000_000,
        "9" * 1_000_000,
        " " * 1_000_000,
        unicodedata.normalize("NFD", "ố") * 300_000,
        # Adversarial input within the length limit.
        "1-" * (MAX_TEXT_LENGTH // 2),
        "08-CT/" + "A - " * (MAX_TEXT_LENGTH // 4 - 2),
        "Số " * (MAX_TEXT_LENGTH // 3),
        " " * (MAX_TEXT_LENGTH - 1) + "x",
    ],
)
def test_linear_time_on_adversarial_input(text: str) -> None:
    start = time.perf_counter()
    assert not DocumentCode.is_valid(text)
    with pytest.raises(ParseError):
        DocumentCode.parse(text)
    assert time.perf_counter() - start < 0.5


# -------------------------------------------------------------------------- vocabulary


def test_vocabulary_per_system() -> None:
    party = {t.abbreviation: t.name for t in DocumentType.vocabulary(system=PARTY)}
    state = {t.abbreviation: t.name for t in DocumentType.vocabulary(system=STATE)}
    assert len(party) == 16
    assert len(state) == 37
    assert party["BS"] == "Bản sao"
    assert state["PL"] == "Pháp lệnh"
    assert state["VBHN"] == "Văn bản hợp nhất"
    assert party["TT"] == "Thông tri"
    assert state["TT"] == "Thông tư"
    assert party["QĐi"] == state["QyĐ"] == "Quy định"
    assert "QyĐ" not in party
    assert "QĐi" not in state
    assert "CV" not in state
    assert state["L"] == "Lệnh"
    assert state["NĐ"] == "Nghị định"
    # Nghị định 30/2020, Phụ lục III: 27 types, then three copies, in this order.
    assert list(state)[:30] == [
        "NQ",
        "QĐ",
        "CT",
        "QC",
        "QyĐ",
        "TC",
        "TB",
        "HD",
        "CTr",
        "KH",
        "PA",
        "ĐA",
        "DA",
        "BC",
        "BB",
        "TTr",
        "HĐ",
        "CĐ",
        "BGN",
        "BTT",
        "GUQ",
        "GM",
        "GGT",
        "GNP",
        "PG",
        "PC",
        "PB",
        "SY",
        "TrS",
        "SL",
    ]
    assert DocumentType.vocabulary() == (
        DocumentType.vocabulary(system=PARTY) + DocumentType.vocabulary(system=STATE)
    )


@pytest.mark.parametrize("system", list(DocumentSystem))
def test_vocabulary_is_well_formed(system: DocumentSystem) -> None:
    types = DocumentType.vocabulary(system=system)
    assert len({t.abbreviation.lower() for t in types}) == len(types)
    for t in types:
        assert t.known
        assert t.system is system
        assert str(t) == t.abbreviation
        assert t.name
        assert t.english
        assert unicodedata.is_normalized("NFC", t.name)
        assert DocumentType.of(t.abbreviation.lower(), system=system) == t
        assert DocumentType.of(t.abbreviation.upper(), system=system) == t


def test_type_equality_and_hash() -> None:
    ct = DocumentType.of("ct", system=PARTY)
    assert ct == DocumentType("CT", system=PARTY)
    assert hash(ct) == hash(DocumentType("CT", system=PARTY))
    assert ct != DocumentType("CT", system=STATE)
    assert len({ct, DocumentType("CT", system=PARTY), DocumentType("CT", system=STATE)}) == 2
    assert repr(ct) == "DocumentType('CT', system=DocumentSystem.PARTY)"
    assert DocumentType.of("Xyz", system=STATE) == DocumentType("Xyz", system=STATE)
    assert DocumentType.of(unicodedata.normalize("NFD", "Ốp"), system=STATE).abbreviation == "Ốp"


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: DocumentType("ct", system=PARTY), InvalidValueError),
        (lambda: DocumentType("QYĐ", system=STATE), InvalidValueError),
        (lambda: DocumentType("", system=PARTY), InvalidValueError),
        (lambda: DocumentType("C-T", system=PARTY), InvalidValueError),
        (lambda: DocumentType("8CT", system=PARTY), InvalidValueError),
        (lambda: DocumentType("A" * 33, system=PARTY), InvalidValueError),
        (
            lambda: DocumentType(unicodedata.normalize("NFD", "Ốp"), system=PARTY),
            InvalidValueError,
        ),
        (lambda: DocumentType(8, system=PARTY), InvalidTypeError),
        (lambda: DocumentType("CT", system="party"), InvalidTypeError),
        (lambda: DocumentType.of(None, system=PARTY), InvalidTypeError),
        (lambda: DocumentType.of("CT", system=None), InvalidTypeError),
        (lambda: DocumentType.vocabulary(system="state"), InvalidTypeError),
    ],
)
def test_type_validation(build: Callable[[], object], error: type[Exception]) -> None:
    with pytest.raises(error):
        build()


def test_docs_vocabulary_table_matches() -> None:
    row = re.compile(r"^\| (Party|State) +\| `(\S+)` +\| ([^|]+?) +\| ([^|]+?) +\|$", re.M)
    rows = row.findall(DOCS.read_text(encoding="utf-8"))
    table = [(DocumentSystem(s.lower()), a, n, e) for s, a, n, e in rows]
    assert table == [
        (t.system, t.abbreviation, t.name, t.english) for t in DocumentType.vocabulary()
    ]


# ----------------------------------------------------------------------- construction


def test_builders_and_constructor() -> None:
    code = DocumentCode.party(8, "ct", "thu")
    assert code == DocumentCode(8, DocumentType("CT", system=PARTY), ("ThU",))
    assert code.system is PARTY
    assert code.year is None
    assert DocumentCode(8, DocumentType("CT", system=PARTY), ["ThU"]) == code
    letter = DocumentCode(238, None, ("UBND", "KGVX"))
    assert letter.system is STATE
    assert str(letter) == "238/UBND-KGVX"
    assert DocumentCode.state(10, None, "qh15", year=2022) == DocumentCode.parse("10/2022/QH15")
    assert DocumentCode.state(30, DocumentType("NĐ", system=STATE), "CP", year=2020).year == 2020
    assert attrs.evolve(code, number=9) == DocumentCode.parse("09-CT/ThU")
    assert pickle.loads(pickle.dumps(code)) == code
    assert repr(code) == "DocumentCode.parse('08-CT/ThU')"
    assert code.describe() == "Chỉ thị số 08-CT/ThU"
    assert hash(code) == hash(DocumentCode.parse("Số: 8-ct/thu"))


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (lambda: DocumentCode(0, None, ("UBND",)), InvalidValueError, "number"),
        (lambda: DocumentCode(10**9, None, ("UBND",)), InvalidValueError, "number"),
        (lambda: DocumentCode(True, None, ("UBND",)), InvalidTypeError, "number"),
        (lambda: DocumentCode("8", None, ("UBND",)), InvalidTypeError, "number"),
        (lambda: DocumentCode(8, "CT", ("TU",)), InvalidTypeError, "type"),
        (lambda: DocumentCode(8, None, "UBND"), InvalidTypeError, "tuple of str"),
        (lambda: DocumentCode(8, None, 5), InvalidTypeError, "tuple of str"),
        (lambda: DocumentCode(8, None, ()), InvalidValueError, "at least one issuer"),
        (lambda: DocumentCode(8, None, ("U",) * 11), InvalidValueError, "at most 10"),
        (lambda: DocumentCode(8, None, ("ubnd",)), InvalidValueError, "written 'UBND'"),
        (lambda: DocumentCode(8, None, ("UB-ND",)), InvalidValueError, "issuer"),
        (lambda: DocumentCode(8, None, (5,)), InvalidTypeError, "issuer"),
        (lambda: DocumentCode(8, None, ("CP",), year=20), InvalidValueError, "year"),
        (lambda: DocumentCode(8, None, ("CP",), year=True), InvalidValueError, "year"),
        (
            lambda: DocumentCode(8, DocumentType("CT", system=PARTY), ("TU",), year=2020),
            InvalidValueError,
            "no year",
        ),
        (lambda: DocumentCode(8, None, ("TU",), system=PARTY), InvalidValueError, "has a type"),
        (
            lambda: DocumentCode(8, DocumentType("CT", system=PARTY), ("TU",), system=STATE),
            InvalidValueError,
            "party type CT in a state code",
        ),
        (lambda: DocumentCode(8, None, ("TU",), system="party"), InvalidTypeError, "system"),
        (
            lambda: DocumentCode.state(8, None, "QĐ", "UBND"),
            InvalidValueError,
            "is a State document type",
        ),
        (
            lambda: DocumentCode.state(8, None, "qđ", "UBND"),
            InvalidValueError,
            "is a State document type",
        ),
        (lambda: DocumentCode.state(8, None, "QĐ"), InvalidValueError, "is a State document type"),
        (
            lambda: DocumentCode.state(8, None, "BNV", "BTC", year=2020),
            InvalidValueError,
            "first of several parts is the type",
        ),
        (lambda: DocumentCode.state(8, "XYZ", "UBND"), InvalidValueError, "with a year"),
        (lambda: DocumentCode.party(8, 5, "TU"), InvalidTypeError, "DocumentType or str"),
        (lambda: DocumentCode.party(8, "CT", None), InvalidTypeError, "issuer"),
    ],
)
def test_code_validation(
    build: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        build()


def test_format_document_code_checks_its_argument() -> None:
    with pytest.raises(InvalidTypeError):
        format_document_code("08-CT/ThU")  # type: ignore[arg-type]


# -------------------------------------------------------------------------- directives


def test_directive() -> None:
    nq = DocumentCode.parse("02-NQ/ThU")
    kl = Directive(
        DocumentCode.parse("Kết luận số 25-KL/ThU"),
        "Về tiếp tục thực hiện Nghị quyết số 02-NQ/ThU về công tác dân vận",
        date(2021, 12, 3),
        ["thi-uy-hong-linh"],
        implements=[nq],
    )
    assert kl.issuer_ids == ("thi-uy-hong-linh",)
    assert kl.implements == (nq,)
    assert kl.summary is None
    assert kl.key == (DocumentCode.parse("25-KL/ThU"), ("thi-uy-hong-linh",), date(2021, 12, 3))
    # The same code in the next term is another document.
    later = attrs.evolve(kl, issued=date(2026, 3, 1))
    assert later.key != kl.key
    assert later.code == kl.code
    assert len({kl.key, later.key, attrs.evolve(kl, title="Khác").key}) == 2
    assert pickle.loads(pickle.dumps(kl)) == kl


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"code": "25-KL/ThU"}, InvalidTypeError),
        ({"title": ""}, InvalidValueError),
        ({"title": "  "}, InvalidValueError),
        ({"title": 5}, InvalidTypeError),
        ({"issued": datetime(2021, 12, 3, 8, 0)}, InvalidTypeError),
        ({"issued": "2021-12-03"}, InvalidTypeError),
        ({"issuer_ids": "thi-uy"}, InvalidTypeError),
        ({"issuer_ids": ("",)}, InvalidValueError),
        ({"issuer_ids": (5,)}, InvalidTypeError),
        ({"summary": 5}, InvalidTypeError),
        ({"implements": "02-NQ/ThU"}, InvalidTypeError),
        ({"implements": DocumentCode.parse("02-NQ/ThU")}, InvalidTypeError),
        ({"implements": ("02-NQ/ThU",)}, InvalidTypeError),
        ({"implements": 5}, InvalidTypeError),
    ],
)
def test_directive_validation(changes: dict[str, object], error: type[Exception]) -> None:
    fields: dict[str, object] = {
        "code": DocumentCode.parse("25-KL/ThU"),
        "title": "Kết luận",
        "issued": date(2021, 12, 3),
        "issuer_ids": (),
    }
    fields.update(changes)
    with pytest.raises(error):
        Directive(**fields)  # type: ignore[arg-type]


# -------------------------------------------------------------------------- properties


@given(document_codes())
def test_round_trip(code: DocumentCode) -> None:
    text = str(code)
    assert DocumentCode.parse(text) == code
    assert parse_document_code(format_document_code(code)) == code
    assert DocumentCode.is_valid(text)
    assert unicodedata.is_normalized("NFC", text)
    assert text.startswith(f"{code.number:02d}")


@given(document_codes())
def test_strict_round_trip(code: DocumentCode) -> None:
    text = str(code)
    if code.type is None or code.type.known:
        assert DocumentCode.parse(text, strict=True) == code
        return
    with pytest.raises(ParseError, match="unknown") as info:
        DocumentCode.parse(text, strict=True)
    assert text[info.value.position :].startswith(code.type.abbreviation)


@given(st.data())
def test_messy_writing_reads_the_same(data: st.DataObject) -> None:
    code = data.draw(document_codes())
    text = data.draw(written(code))
    assert DocumentCode.parse(text) == code


@given(
    document_codes(system=PARTY).filter(lambda c: c.type is not None and not c.type.known),
    st.sampled_from(PREFIXES),
)
def test_strict_error_points_at_the_type_in_nfd_text(code: DocumentCode, prefix: str) -> None:
    assert code.type is not None
    text = unicodedata.normalize("NFD", prefix + str(code))
    with pytest.raises(ParseError) as info:
        DocumentCode.parse(text, strict=True)
    assert text[info.value.position :].startswith(
        unicodedata.normalize("NFD", code.type.abbreviation)
    )


@given(document_codes(), st.text(min_size=1).filter(lambda s: not s.isspace()))
def test_trailing_text_is_an_error_at_its_position(code: DocumentCode, tail: str) -> None:
    text = str(code) + " " + tail
    try:
        parsed = DocumentCode.parse(text)
    except ParseError as exc:
        assert len(str(code)) <= exc.position <= len(text)
    else:  # the tail continued the code: "-X" or digits and letters of the last part
        assert parsed != code


CODE_ALPHABET = "0123456789-/–: sSốỐCTQĐThUNHKLrybiđáấ\u0301\u0323\u00a0"


@given(st.one_of(st.text(), st.text(alphabet=CODE_ALPHABET)))
def test_fuzz_only_parse_errors(text: str) -> None:
    try:
        code = DocumentCode.parse(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
        assert exc.text == text
        assert not DocumentCode.is_valid(text)
    else:
        assert isinstance(code, DocumentCode)
        assert DocumentCode.parse(str(code)) == code  # canonical form is a fixed point
        assert DocumentCode.is_valid(text)
    with contextlib.suppress(ParseError):
        DocumentCode.parse(text, strict=True)


@given(
    st.from_regex(
        r"\A\s*(Số:?\s*)?[0-9]{1,4}\s*[-/]\s*([A-Za-zĐđ]{1,5}\s*[-/]\s*){0,3}"
        r"[A-Za-zĐđ0-9]{0,6}\s*\Z"
    )
)
def test_fuzz_code_shaped_text(text: str) -> None:
    try:
        code = DocumentCode.parse(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
    else:
        assert DocumentCode.parse(str(code)) == code
        assert DocumentCode.parse(unicodedata.normalize("NFD", text)) == code


@given(st.text(alphabet="\u1100\u1161\u11a8가가\u0301Aa-/0123456789", max_size=20))
def test_fuzz_letters_that_compose(text: str) -> None:
    for candidate in (text, "08-" + text, "08/2020/" + text, "08-CT/" + text):
        with contextlib.suppress(ParseError):
            DocumentCode.parse(candidate, strict=False)


@given(document_types)
def test_document_types(t: DocumentType) -> None:
    assert str(t) == t.abbreviation
    assert DocumentType.of(str(t), system=t.system) == t
    assert (t.name is None) is (not t.known) is (t.english is None)


@given(directives)
def test_directive_key(directive: Directive) -> None:
    assert directive.key == (directive.code, directive.issuer_ids, directive.issued)
    assert attrs.evolve(directive) == directive
    assert hash(directive.key) == hash(attrs.evolve(directive).key)


# ------------------------------------------- what each error says (found by mutation)
VALUE_ERRORS: list[tuple[Callable[[], object], type, str]] = [
    (
        lambda: DocumentCode.party(8, 5, "TU"),
        InvalidTypeError,  # type: ignore[arg-type]
        "a document type must be a DocumentType or str, not int: 5",
    ),
    (
        lambda: DocumentCode(8, None, ()),
        InvalidValueError,
        "a document code names at least one issuer",
    ),
    (
        lambda: DocumentCode(8, None, ("U",) * 11),
        InvalidValueError,
        "a document code names at most 10 issuers",
    ),
    (
        lambda: DocumentCode(8, None, ("ubnd",)),
        InvalidValueError,
        "the issuer 'ubnd' is written 'UBND'"
        " (DocumentCode.party and DocumentCode.state correct the case)",
    ),
    (
        lambda: DocumentCode(8, None, ("UB-ND",)),
        InvalidValueError,
        "an issuer must be a letter followed by letters and digits (at most 32, in NFC),"
        " not 'UB-ND'",
    ),
    (
        lambda: DocumentCode(8, None, (5,)),
        InvalidTypeError,  # type: ignore[arg-type]
        "an issuer must be a str, not int: 5",
    ),
    (
        lambda: DocumentCode(8, None, ("CP",), year=10000),
        InvalidValueError,
        "year must be None or a four-digit int, not 10000",
    ),
    (
        lambda: DocumentCode(8, None, ("CP",), year="2020"),
        InvalidValueError,  # type: ignore[arg-type]
        "year must be None or a four-digit int, not '2020'",
    ),
    (
        lambda: DocumentCode(8, None, ("TU",), system=PARTY),
        InvalidValueError,
        "a Party code has a type: number-type/issuer",
    ),
    (
        lambda: DocumentCode(8, DocumentType("CT", system=PARTY), ("TU",), year=2020),
        InvalidValueError,
        "a Party code carries no year",
    ),
    (
        lambda: DocumentCode.state(8, None, "BNV", "BTC", year=2020),
        InvalidValueError,
        "in a State code with a year, the first of several parts is the type",
    ),
    (
        lambda: DocumentCode(0, None, ("UBND",)),
        InvalidValueError,
        "number must be a whole number from 1 to 999999999, not 0",
    ),
    (
        lambda: DocumentCode(10**9, None, ("UBND",)),
        InvalidValueError,
        "number must be a whole number from 1 to 999999999, not 1000000000",
    ),
    (
        lambda: DocumentType("ct", system=PARTY),
        InvalidValueError,
        "the party document type 'ct' is written 'CT' (DocumentType.of corrects the case)",
    ),
    (
        lambda: DocumentType(8, system=PARTY),
        InvalidTypeError,  # type: ignore[arg-type]
        "a document type must be a str, not int: 8",
    ),
    (
        lambda: DocumentType.of(None, system=PARTY),
        InvalidTypeError,  # type: ignore[arg-type]
        "a document type must be a str, not NoneType: None",
    ),
    (
        lambda: DocumentType.of("C-T", system=PARTY),
        InvalidValueError,
        "a document type must be a letter followed by letters and digits (at most 32, in NFC),"
        " not 'C-T'",
    ),
    (
        lambda: format_document_code("x"),
        InvalidTypeError,  # type: ignore[arg-type]
        "expected a DocumentCode, not str: 'x'",
    ),
    (
        lambda: document_code_field(5),
        InvalidTypeError,  # type: ignore[arg-type]
        "a document code must be a DocumentCode or a str, not int: 5",
    ),
    (
        lambda: DocumentCode(8, None, 5),
        InvalidTypeError,  # type: ignore[arg-type]
        "expected a tuple of str, not int: 5",
    ),
    (lambda: DocumentCode.parse(5), InvalidTypeError, "expected a str, not int: 5"),  # type: ignore[arg-type]
    (
        lambda: DocumentCode.parse("12-HD/BDVTW").issuer_names(on="2025"),  # type: ignore[arg-type]
        InvalidTypeError,
        "on must be a date, not str: '2025'",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), VALUE_ERRORS)
def test_value_errors_name_the_value(
    call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "position", "problem"),
    [
        ("08", 2, "expected '-' (Party code) or '/' (State code) after the number, found the end"),
        (
            "08 CT/TU",
            3,
            "expected '-' (Party code) or '/' (State code) after the number, found 'C'",
        ),
        ("08-", 3, "expected a document type, found the end"),
        ("08/", 3, "expected a document type or issuer, found the end"),
        ("05/20199/QĐ-UBND", 3, "expected a four-digit year, a type or an issuer"),
        ("05/2019/QĐ-", 11, "expected an issuer after '-', found the end"),
        ("0/UBND", 0, "document numbers start from 01"),
        ("08-CT/", 6, "expected an issuer, found the end"),
        ("08-CT/" + "A" * 33, 6, "an issuer is longer than 32 letters"),
        ("08-CT/TU-" + "-".join(["A"] * 10), 27, "a document code names at most 10 issuers"),
        ("số 08-CT/TU.", 11, "unexpected '.' after the code"),
        ("08-CT/T U", 8, "unexpected 'U' after the code"),
    ],
)
def test_parse_errors_say_what_and_where(text: str, position: int, problem: str) -> None:
    with pytest.raises(ParseError) as info:
        DocumentCode.parse(text)
    assert (info.value.text, info.value.position) == (text, position)
    assert str(info.value) == f"{problem} in {text!r} at position {position}"


def test_limits_that_are_still_allowed() -> None:
    assert DocumentCode(8, None, ("U",) * 10).issuers == ("U",) * 10
    assert DocumentCode(10**9 - 1, None, ("UBND",)).number == 999_999_999
    assert DocumentCode(8, None, ("CP",), year=9999).year == 9999
    assert str(DocumentType("A" * 32, system=PARTY)) == "A" * 32
    assert DocumentCode.parse("Số. 08-CT/TU") == DocumentCode.parse("08-CT/TU")
    assert DocumentCode.parse("Chỉ thị  số 08-CT/TU") == DocumentCode.parse("08-CT/TU")


def test_document_code_field_reads_a_str_and_keeps_a_code() -> None:
    code = DocumentCode.parse("08-CT/ThU")
    assert document_code_field("08-CT/ThU") == code
    assert document_code_field(code) is code
    assert document_code_field(None) is None


@pytest.mark.parametrize(
    ("text", "line", "names"),
    [
        # Party codes take "Số" without a colon, State codes "Số:" (NĐ 30/2020, Phụ lục I;
        # HD 36-HD/VPTW 2018).
        ("12-HD/BDVTW", "Số 12-HD/BDVTW", ("Ban Dân vận Trung ương",)),
        ("05/BC-UBND", "Số: 05/BC-UBND", ("Ủy ban nhân dân",)),
        # The National Assembly and its Standing Committee carry their term (khóa).
        ("10/2022/QH15", "Số: 10/2022/QH15", ("Quốc hội khóa XV",)),
        (
            "05/2019/NQ-UBTVQH14",
            "Số: 05/2019/NQ-UBTVQH14",
            ("Ủy ban Thường vụ Quốc hội khóa XIV",),
        ),
        ("12/QH", "Số: 12/QH", ("Quốc hội",)),
        ("238/UBND-KGVX", "Số: 238/UBND-KGVX", ("Ủy ban nhân dân", None)),
        ("12/XYZ", "Số: 12/XYZ", (None,)),
    ],
)
def test_number_line_and_issuer_names(text: str, line: str, names: tuple[str | None, ...]) -> None:
    code = DocumentCode.parse(text)
    assert code.number_line() == line
    assert code.issuer_names() == names


def test_issuer_names_on_a_day() -> None:
    # The central Ban Dân vận and Ban Tuyên giáo merged on 03/02/2025 (the abbreviation
    # changed with them); district committees ended on 01/07/2025.
    old, new = DocumentCode.parse("12-HD/BDVTW"), DocumentCode.parse("1147-QĐ/BTGDVTW")
    assert old.issuer_names(on=date(2025, 2, 2)) == ("Ban Dân vận Trung ương",)
    assert old.issuer_names(on=date(2025, 2, 3)) == (None,)
    assert new.issuer_names(on=date(2025, 2, 2)) == (None,)
    assert new.issuer_names(on=date(2025, 2, 3)) == ("Ban Tuyên giáo và Dân vận Trung ương",)
    district = DocumentCode.parse("15-CT/HU")
    assert district.issuer_names(on=date(2025, 6, 30)) == ("Huyện ủy",)
    assert district.issuer_names(on=date(2025, 7, 1)) == (None,)
    assert district.issuer_names() == ("Huyện ủy",)


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"code": "25-KL/ThU"}, InvalidTypeError, "code must be a DocumentCode, not '25-KL/ThU'"),
        ({"title": ""}, InvalidValueError, "title must not be empty, not ''"),
        ({"title": 5}, InvalidTypeError, "title must be a str, not 5"),
        (
            {"issued": "2021-12-03"},
            InvalidTypeError,
            "issued must be a date, not str: '2021-12-03'",
        ),
        ({"issuer_ids": (5,)}, InvalidTypeError, "issuer_ids must be a str, not int: 5"),
        ({"summary": 5}, InvalidTypeError, "summary must be a str or None, not 5"),
        (
            {"implements": "x"},
            InvalidTypeError,
            "implements must be a tuple of DocumentCode, not str: 'x'",
        ),
        (
            {"implements": ("02-NQ/ThU",)},
            InvalidTypeError,
            "implements holds DocumentCode values, not '02-NQ/ThU'",
        ),
    ],
)
def test_directive_errors_name_the_field(
    changes: dict[str, object], error: type, message: str
) -> None:
    fields: dict[str, object] = {
        "code": DocumentCode.parse("25-KL/ThU"),
        "title": "Kết luận",
        "issued": date(2021, 12, 3),
        "issuer_ids": (),
    }
    fields.update(changes)
    with pytest.raises(error) as info:
        Directive(**fields)  # type: ignore[arg-type]
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "position", "problem"),
    [
        ("08-" + "A" * 33 + "/TU", 3, "a document type is longer than 32 letters"),
        # Eleven parts of a State code without a year: all issuers, one too many.
        ("12/" + "-".join(["A"] * 11), 0, "a document code names at most 10 issuers"),
        ("05/2019/" + "-".join(["A"] * 12), 30, "a document code names at most 10 issuers"),
    ],
)
def test_more_parse_errors(text: str, position: int, problem: str) -> None:
    with pytest.raises(ParseError) as info:
        DocumentCode.parse(text)
    assert str(info.value) == f"{problem} in {text!r} at position {position}"


def test_parts_of_the_longest_length_are_read() -> None:
    code = DocumentCode.parse("08-CT/" + "A" * 32)
    assert code.issuers == ("A" * 32,)
    assert str(DocumentCode.parse("08-" + "A" * 32 + "/TU").type) == "A" * 32
