"""Properties of official documents (issue 15): every document official_document builds
passes check_document and renders; every rule break planted in a good document is
reported, one problem each; the builder, the checker and the command line's settings
file accept any input and fail only with danvan's own errors."""

from __future__ import annotations

import functools
import io
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan import (
    Authority,
    DanvanError,
    Dataset,
    DocumentCode,
    OfficialDocument,
    SignatureBlock,
    build_report,
    check_document,
    from_json,
    official_document,
)
from danvan.cli import main
from danvan.documents import DocumentSystem
from danvan.official import MAX_ABSTRACT_LENGTH, docx_bytes

docx = pytest.importorskip("docx")

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _dataset(name: str) -> Dataset:
    return from_json((EXAMPLES / f"{name}.json").read_bytes(), Dataset)


@functools.cache
def _report(name: str) -> Any:
    return build_report(_dataset(name))


# Issuers of the examples: (dataset, unit id, archive), one Party, one State.
ISSUERS = [
    ("hong_linh_2021", "hong-linh-thu", "Văn phòng Thị ủy"),
    ("hoa_thanh_2020", "hoa-thanh-ubnd", "VT, VP"),
]

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữự"
words = st.text(LETTERS, min_size=1, max_size=8)
phrases = st.lists(words, min_size=1, max_size=5).map(" ".join)
names = phrases.map(lambda text: text[0].upper() + text[1:])


@st.composite
def good_inputs(draw: st.DrawFn) -> dict[str, Any]:
    dataset, unit, archive = draw(st.sampled_from(ISSUERS))
    data = _dataset(dataset)
    authority = draw(st.sampled_from([None, Authority.DEPUTY]))
    return {
        "report": _report(dataset),
        "issuer": data.tree[unit],
        "tree": data.tree,
        "number": draw(st.integers(1, 99999)),
        "issued": draw(st.dates(date(1976, 7, 2), date(2025, 6, 30))),
        "place": draw(names),
        "superior": draw(st.none() | names),
        "signer": SignatureBlock(
            title=draw(names),
            name=draw(names),
            on_behalf_of=draw(st.none() | names),
            authority=authority,
            principal=None if authority is None else draw(names),
        ),
        "recipients": draw(st.lists(names, min_size=1, max_size=6)),
        "archive": archive if draw(st.booleans()) else f"{archive.split(',')[0]}, {draw(names)}",
        "abstract": draw(st.none() | names.filter(lambda a: len(a) <= MAX_ABSTRACT_LENGTH)),
    }


@SLOW
@given(good_inputs())
def test_every_built_document_passes_the_check_and_renders(inputs: dict[str, Any]) -> None:
    report = inputs.pop("report")
    document = official_document(report, **inputs)
    assert check_document(document) == ()
    header = docx.Document(io.BytesIO(docx_bytes(document))).tables[0]
    assert header.cell(1, 0).text == document.number_line
    assert header.cell(1, 1).text == document.date_line
    assert (":" in document.number_line) == (document.system is DocumentSystem.STATE)
    page = document.to_html()
    assert document.recipient_lines()[-1] in page


def _good(system: DocumentSystem) -> OfficialDocument:
    dataset, unit, archive = ISSUERS[0] if system is DocumentSystem.PARTY else ISSUERS[1]
    data = _dataset(dataset)
    return official_document(
        _report(dataset),
        issuer=data.tree[unit],
        number=5,
        issued=date(2021, 12, 20),
        place="Hà Tĩnh",
        signer=SignatureBlock(title="Bí thư", name="Nguyễn Văn A", on_behalf_of="Ban Thường vụ"),
        recipients=["Ban Dân vận Tỉnh ủy"],
        archive=archive,
    )


def _other_system_code(document: OfficialDocument) -> OfficialDocument:
    code = document.code
    if document.system is DocumentSystem.PARTY:
        other = DocumentCode.state(code.number, "BC", *code.issuers)
    else:
        other = DocumentCode.party(code.number, "BC", *code.issuers)
    return attrs.evolve(document, code=other)


# Each break of a rule, and a word its problem line carries.
BREAKS = {
    "number line": (_other_system_code, "number line"),
    "no type": (
        lambda d: attrs.evolve(d, code=DocumentCode.state(d.code.number, None, "UBND", "VP")),
        "no known document type",
    ),
    "place in lower case": (lambda d: attrs.evolve(d, place="hà Tĩnh"), "date line"),
    "place with a date": (lambda d: attrs.evolve(d, place="Hà Tĩnh, ngày"), "date line"),
    "long abstract": (
        lambda d: attrs.evolve(d, abstract=" ".join(["Báo cáo"] * (MAX_ABSTRACT_LENGTH // 7))),
        "trích yếu",
    ),
    "no recipient": (lambda d: attrs.evolve(d, recipients=()), "lists no recipient"),
    "punctuated recipient": (
        lambda d: attrs.evolve(d, recipients=("- Ban Dân vận Tỉnh ủy;",)),
        "its own punctuation",
    ),
    "no archive": (lambda d: attrs.evolve(d, archive=""), "'- Lưu'"),
    "archive with its word": (lambda d: attrs.evolve(d, archive="Lưu VP."), "archive"),
    "empty body": (
        lambda d: attrs.evolve(d, body=attrs.evolve(d.body, sections=())),
        "no section",
    ),
}


# Breaks that change the same field: one of each group is planted at a time.
FIELDS = [
    ("number line", "no type"),
    ("place in lower case", "place with a date"),
    ("long abstract",),
    ("no recipient", "punctuated recipient"),
    ("no archive", "archive with its word"),
    ("empty body",),
]
plantings = st.lists(
    st.sampled_from(range(len(FIELDS))), min_size=1, max_size=len(FIELDS), unique=True
).flatmap(lambda fields: st.tuples(*(st.sampled_from(FIELDS[f]) for f in fields)))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(list(DocumentSystem)), plantings)
def test_every_planted_break_is_reported(system: DocumentSystem, planted: tuple[str, ...]) -> None:
    document = _good(system)
    for name in sorted(planted):
        document = BREAKS[name][0](document)
    problems = check_document(document)
    assert len(problems) >= len(planted)
    for name in planted:
        assert any(BREAKS[name][1] in problem for problem in problems), (name, problems)
    assert all("\n" not in problem for problem in problems)


def test_state_only_marks_in_a_party_document() -> None:
    """A Party document signed "thừa lệnh" (TL.) has no Party mark danvan knows."""
    document = _good(DocumentSystem.PARTY)
    signed = SignatureBlock(
        title="Chánh Văn phòng",
        name="Lê Văn C",
        authority=Authority.BY_ORDER,
        principal="Ban Thường vụ",
    )
    problems = check_document(attrs.evolve(document, signature=signed))
    assert any("by_order" in problem for problem in problems)
    assert check_document(attrs.evolve(_good(DocumentSystem.STATE), signature=signed)) == ()


def test_state_archive_begins_with_the_clerical_office() -> None:
    """NĐ 30/2020, Phụ lục I, Phần I, mục II, khoản 9.d: "- Lưu: VT, …"."""
    problems = check_document(attrs.evolve(_good(DocumentSystem.STATE), archive="VP"))
    assert problems == (
        "the line '- Lưu: VP.' must name the clerical office first: '- Lưu: VT, …' (Nghị"
        " định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 9.d)",
    )


# --------------------------------------------------------------------------- fuzz

anything = st.one_of(
    st.none(), st.text(max_size=30), st.integers(), st.lists(st.text(max_size=10), max_size=3)
)


@SLOW
@given(
    st.integers(-10, 10**12) | st.text(max_size=5),
    st.text(max_size=40),
    st.lists(st.text(max_size=30), max_size=4),
    st.text(max_size=20),
    st.text(max_size=20),
    anything,
    st.sampled_from(ISSUERS),
)
def test_the_builder_fails_only_with_danvan_errors(
    number: Any,
    place: str,
    recipients: list[str],
    archive: str,
    title: str,
    superior: Any,
    issuer: tuple[str, str, str],
) -> None:
    dataset, unit, _ = issuer
    try:
        signer = SignatureBlock(title=title, name="Nguyễn Văn A")
        document = official_document(
            _report(dataset),
            issuer=_dataset(dataset).tree[unit],
            number=number,
            issued=date(2021, 1, 4),
            place=place,
            signer=signer,
            recipients=recipients,
            archive=archive,
            superior=superior,
        )
    except DanvanError:
        return
    assert check_document(document) == ()


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=200))
def test_any_settings_file_fails_on_one_line(text: str) -> None:
    """Whatever the TOML file holds, the command exits 0 or 2 with one line on stderr."""
    import contextlib
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "van-ban.toml")
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as file:
            file.write(text)
        err = io.StringIO()
        out = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status = main(
                [
                    "report",
                    str(EXAMPLES / "hong_linh_2021.json"),
                    "--document",
                    "--settings",
                    path,
                ]
            )
    assert status in (0, 2)
    if status == 2:
        assert err.getvalue().count("\n") == 1
        assert "Traceback" not in err.getvalue()
