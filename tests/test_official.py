"""Official documents (issue 15): the Word file and the HTML page of a Party and a State
report built from the example datasets, read back element by element with python-docx
and compared with golden structural dumps kept in tests/golden/.

The figures checked come from the rules: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I
(State) and Hướng dẫn 36-HD/VPTW (03/4/2018), Phụ lục 3 (Party); see
src/danvan/official/_layout.py for the row of each. After a deliberate change of the
layout, write the golden files anew with ``DANVAN_UPDATE_GOLDEN=1 python -m pytest
tests/test_official.py`` and read the diff.
"""

from __future__ import annotations

import io
import os
import re
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from danvan import (
    Authority,
    Dataset,
    InvalidValueError,
    MissingDependencyError,
    OfficialDocument,
    SignatureBlock,
    build_report,
    check_document,
    from_json,
    official_document,
    to_docx,
)
from danvan.cli import main
from danvan.official import SECTIONS, docx_bytes

docx = pytest.importorskip("docx")

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
GOLDEN = Path(__file__).parent / "golden"
EMU_PER_MM = 36000


def _dataset(name: str) -> Dataset:
    return from_json((EXAMPLES / f"{name}.json").read_bytes(), Dataset)


def party() -> OfficialDocument:
    """A report of Thị ủy Hồng Lĩnh (Hà Tĩnh) for 2021, signed for its standing committee."""
    data = _dataset("hong_linh_2021")
    return official_document(
        build_report(data, sections=SECTIONS),
        issuer=data.tree["hong-linh-thu"],
        tree=data.tree,
        number=45,
        issued=date(2021, 12, 20),
        place="Hồng Lĩnh",
        superior="Đảng bộ tỉnh Hà Tĩnh",
        signer=SignatureBlock(
            title="Phó Bí thư", name="Nguyễn Văn A", on_behalf_of="Ban Thường vụ"
        ),
        recipients=["Ban Thường vụ Tỉnh ủy Hà Tĩnh", "Ban Dân vận Tỉnh ủy", "Thường trực Thị ủy"],
        archive="Văn phòng Thị ủy",
    )


def state() -> OfficialDocument:
    """A report of the People's Committee of thị xã Hòa Thành (Tây Ninh) for 2020,
    signed by a vice-chairman for the chairman, for the committee."""
    data = _dataset("hoa_thanh_2020")
    return official_document(
        build_report(data, sections=SECTIONS),
        issuer=data.tree["hoa-thanh-ubnd"],
        tree=data.tree,
        number=5,
        issued=date(2020, 11, 9),
        place="Hòa Thành",
        signer=SignatureBlock(
            title="Phó Chủ tịch",
            name="Trần Văn B",
            on_behalf_of="Ủy ban nhân dân",
            authority=Authority.DEPUTY,
            principal="Chủ tịch",
        ),
        recipients=["Ban Dân vận Thị ủy", "Thường trực Thị ủy", "Các phòng, ban thị xã"],
        archive="VT, VP",
    )


DOCUMENTS = {"official_party_hong_linh_2021": party, "official_state_hoa_thanh_2020": state}


# ------------------------------------------------------------------ reading back


def _mm(length: int) -> int:
    return round(length / EMU_PER_MM)


def _run(run: Any) -> str:
    font = run.font
    marks = "".join(
        mark for mark, on in (("B", font.bold), ("I", font.italic), ("U", font.underline)) if on
    )
    size = "-" if font.size is None else f"{font.size.pt:g}"
    return f"[{font.name} {size}{' ' + marks if marks else ''}] {run.text}"


def _paragraph(paragraph: Any) -> str:
    fmt = paragraph.paragraph_format
    align = str(fmt.alignment).split(".")[-1].split(" ")[0] if fmt.alignment is not None else "-"
    extra = ""
    if fmt.first_line_indent:
        extra += f" indent {_mm(fmt.first_line_indent)}mm"
    if fmt.left_indent:
        extra += f" left {_mm(fmt.left_indent)}mm"
    if (
        paragraph._element.pPr is not None
        and paragraph._element.pPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"
        )
        is not None
    ):
        extra += " rule"
    runs = " ".join(_run(run) for run in paragraph.runs if run.text)
    return f"P {align}{extra}: {runs}".rstrip()


def describe(path: Path) -> str:
    """A structural dump of a Word file: page, header, then every paragraph and table of
    the body with the font, size, bold/italic/underline of each run."""
    document = docx.Document(str(path))
    section = document.sections[0]
    out = [
        f"page {_mm(section.page_width)} x {_mm(section.page_height)} mm; margins top"
        f" {_mm(section.top_margin)}, bottom {_mm(section.bottom_margin)}, left"
        f" {_mm(section.left_margin)}, right {_mm(section.right_margin)};"
        f" header {_mm(section.header_distance)} mm;"
        f" first page apart: {section.different_first_page_header_footer}",
        f"page number: {_paragraph(section.header.paragraphs[0])}"
        f" {''.join(section.header.paragraphs[0]._element.itertext()).strip()}",
    ]
    body = document.element.body
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(_paragraph(next(paragraphs)))
        elif tag == "tbl":
            table = next(tables)
            widths = ", ".join(f"{_mm(column.width)}" for column in table.columns)
            out.append(f"TABLE {len(table.rows)} x {len(table.columns)} ({widths} mm)")
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    for paragraph in cell.paragraphs:
                        out.append(f"  [{r},{c}] {_paragraph(paragraph)}")
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module", params=list(DOCUMENTS))
def written(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, OfficialDocument, Path]:
    name = request.param
    document = DOCUMENTS[name]()
    path = to_docx(document, tmp_path_factory.mktemp("docx") / f"{name}.docx")
    return name, document, path


def test_the_document_is_the_golden_one(written: tuple[str, OfficialDocument, Path]) -> None:
    """The structure of the Word file equals the dump kept for it."""
    name, _, path = written
    dump = describe(path)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("DANVAN_UPDATE_GOLDEN"):
        golden.write_text(dump, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with DANVAN_UPDATE_GOLDEN=1"
    assert dump == golden.read_text(encoding="utf-8")


# (system, top, bottom, left, right): NĐ 30/2020, Phụ lục I, Phần I, mục I, khoản 3 gives
# 20-25, 20-25, 30-35, 15-20 mm; the Party figures are the Bình Thuận handbook's.
MARGINS = {"party": (25, 25, 35, 15), "state": (20, 20, 30, 15)}


def test_page_size_and_margins(written: tuple[str, OfficialDocument, Path]) -> None:
    _, document, path = written
    section = docx.Document(str(path)).sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210, 297)  # A4
    margins = tuple(
        _mm(length)
        for length in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    )
    assert margins == MARGINS[document.system.value]
    # The page number is a PAGE field in the header, none on the first page.
    assert section.different_first_page_header_footer
    assert "PAGE" in "".join(section.header.paragraphs[0]._element.itertext())


def _texts(cell: Any) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs if paragraph.text]


def _first_run(cell_or_paragraph: Any, text: str) -> Any:
    paragraphs = getattr(cell_or_paragraph, "paragraphs", [cell_or_paragraph])
    for paragraph in paragraphs:
        for run in paragraph.runs:
            if run.text == text:
                return run
    raise AssertionError(f"no run {text!r}")


def test_party_header() -> None:
    """36-HD/VPTW: ĐẢNG CỘNG SẢN VIỆT NAM (15, bold, underlined) top right; the superior
    body (14) and the issuer (14, bold) top left with "*" under them; "Số 45-BC/ThU"
    without a colon; the date line in italics (14)."""
    data = docx.Document(io.BytesIO(docx_bytes(party())))
    header = data.tables[0]
    assert _texts(header.cell(0, 0)) == ["ĐẢNG BỘ TỈNH HÀ TĨNH", "THỊ ỦY HỒNG LĨNH", "*"]
    assert _texts(header.cell(0, 1)) == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    heading = _first_run(header.cell(0, 1), "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (heading.font.size.pt, heading.font.bold, heading.font.underline) == (15, True, True)
    superior = _first_run(header.cell(0, 0), "ĐẢNG BỘ TỈNH HÀ TĨNH")
    issuer = _first_run(header.cell(0, 0), "THỊ ỦY HỒNG LĨNH")
    assert (superior.font.size.pt, bool(superior.font.bold)) == (14, False)
    assert (issuer.font.size.pt, issuer.font.bold) == (14, True)
    assert header.cell(1, 0).text == "Số 45-BC/ThU"
    assert ":" not in header.cell(1, 0).text
    when = _first_run(header.cell(1, 1), "Hồng Lĩnh, ngày 20 tháng 12 năm 2021")
    assert (when.font.size.pt, when.font.italic) == (14, True)
    assert {run.font.name for p in data.paragraphs for run in p.runs} == {"Times New Roman"}


def test_state_header() -> None:
    """NĐ 30/2020: the national name (12-13, bold) and motto (13-14, bold, a line under
    it) top right; the issuer (12-13, bold) with a line under it; "Số: 05/BC-UBND"; the
    date line in italics."""
    data = docx.Document(io.BytesIO(docx_bytes(state())))
    header = data.tables[0]
    assert _texts(header.cell(0, 0)) == ["ỦY BAN NHÂN DÂN", "THỊ XÃ HÒA THÀNH"]
    assert _texts(header.cell(0, 1)) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    national = _first_run(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = _first_run(header.cell(0, 1), "Độc lập - Tự do - Hạnh phúc")
    assert national.font.bold
    assert 12 <= national.font.size.pt <= 13
    assert motto.font.bold
    assert motto.font.underline
    assert 13 <= motto.font.size.pt <= 14
    rules = [
        p
        for p in header.cell(0, 0).paragraphs
        if p._element.pPr is not None and "pBdr" in p._element.pPr.xml
    ]
    assert len(rules) == 1  # the line under the issuer
    assert header.cell(1, 0).text == "Số: 05/BC-UBND"
    when = _first_run(header.cell(1, 1), "Hòa Thành, ngày 09 tháng 11 năm 2020")
    assert when.font.italic
    assert 13 <= when.font.size.pt <= 14


@pytest.mark.parametrize(
    ("make", "title", "abstract", "figures"),
    [
        (
            party,
            16,
            "Công tác dân vận năm 2021 của thị xã Hồng Lĩnh (Hà Tĩnh)",
            ["19/21", "3,8 tỷ"],
        ),
        (
            state,
            14,
            "Kết quả thực hiện Chương trình phối hợp giữa Ban Dân vận Thị ủy và Ủy ban nhân dân"
            " thị xã Hòa Thành (Tây Ninh) năm 2020",
            ["1.798.702.098đ", "108,39%"],
        ),
    ],
)
def test_title_and_body(make: Any, title: int, abstract: str, figures: list[str]) -> None:
    """The type in capitals and bold, the trích yếu in bold, centred; the body justified
    at 14 pt with the figures of the report."""
    data = docx.Document(io.BytesIO(docx_bytes(make())))
    paragraphs = data.paragraphs
    kind = next(p for p in paragraphs if p.text == "BÁO CÁO")
    assert str(kind.paragraph_format.alignment).startswith("CENTER")
    assert (kind.runs[0].font.size.pt, kind.runs[0].font.bold) == (title, True)
    summary = next(p for p in paragraphs if p.text == abstract)
    assert summary.runs[0].font.bold
    assert str(summary.paragraph_format.alignment).startswith("CENTER")
    body = [p for p in paragraphs if p.text.startswith("- ")]
    assert body
    assert all(str(p.paragraph_format.alignment).startswith("JUSTIFY") for p in body)
    assert all(run.font.size.pt == 14 for p in body for run in p.runs)
    text = "\n".join(p.text for p in paragraphs)
    for figure in figures:
        assert figure in text
    headings = [p.text for p in paragraphs if re.match(r"^[IVX]+\. ", p.text)]
    assert headings
    assert all(h == h.upper() for h in headings)


@pytest.mark.parametrize(
    ("make", "signature", "label_style", "last"),
    [
        (
            party,
            ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn A"],
            (14, False, False, True),
            "- Lưu Văn phòng Thị ủy.",
        ),
        (
            state,
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn B"],
            (12, True, True, False),
            "- Lưu: VT, VP.",
        ),
    ],
)
def test_signature_and_recipients(
    make: Any, signature: list[str], label_style: tuple[Any, ...], last: str
) -> None:
    """The signature block on the right, "Nơi nhận:" on the left level with it; the
    recipients smaller, one a line, the last "- Lưu …" with a full stop."""
    data = docx.Document(io.BytesIO(docx_bytes(make())))
    block = data.tables[-1]
    assert _texts(block.cell(0, 1)) == signature
    assert all(
        run.font.bold and run.font.size.pt == 14
        for p in block.cell(0, 1).paragraphs
        for run in p.runs
    )
    received = _texts(block.cell(0, 0))
    assert received[0] == "Nơi nhận:"
    label = _first_run(block.cell(0, 0), "Nơi nhận:")
    assert (
        label.font.size.pt,
        label.font.bold,
        label.font.italic,
        label.font.underline,
    ) == label_style
    assert received[-1] == last
    end = "," if make is party else ";"
    assert all(line.startswith("- ") and line.endswith(end) for line in received[1:-1])
    sizes = {run.font.size.pt for p in block.cell(0, 0).paragraphs[1:] for run in p.runs}
    assert sizes == ({12} if make is party else {11})


def test_the_file_is_deterministic_and_readable_by_others(tmp_path: Path) -> None:
    """The same document gives the same bytes, with fixed core properties; the file is
    made as open() would make it (not 0600)."""
    first = to_docx(state(), tmp_path / "a.docx")
    second = to_docx(state(), tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()
    properties = docx.Document(str(first)).core_properties
    assert properties.created.date() == date(2020, 11, 9) == properties.modified.date()
    assert properties.last_modified_by == "danvan"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o666 & ~mask


def test_to_docx_refuses_a_directory_and_leaves_it(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="not a regular file"):
        to_docx(state(), tmp_path)
    assert tmp_path.is_dir()


def test_without_python_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def missing(name: str, *args: Any) -> Any:
        if name == "docx":
            raise ImportError("No module named 'docx'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(MissingDependencyError) as caught:
        docx_bytes(state())
    assert caught.value.install == "pip install 'danvan[docx]'"


# ------------------------------------------------------------------------- HTML


@pytest.mark.parametrize("make", [party, state])
def test_html_is_a_print_ready_page(make: Any) -> None:
    document = make()
    page = document.to_html()
    layout = MARGINS[document.system.value]
    assert "size: 210mm 297mm" in page
    top, bottom, left, right = layout
    assert f"margin: {top}mm {right}mm {bottom}mm {left}mm" in page
    assert "counter(page)" in page
    assert "@page :first" in page
    assert "Times New Roman" in page
    for forbidden in ("<script", "http://", "https://", "@import", "url("):
        assert forbidden not in page
    assert document.number_line in page
    assert document.date_line in page
    for line in document.recipient_lines():
        assert line in page
    assert page.count("<table") >= 2


# -------------------------------------------------------------------------- CLI

SETTINGS = """\
issuer = "hong-linh-thu"
number = 45
issued = 2021-12-20
place = "Hồng Lĩnh"
superior = "Đảng bộ tỉnh Hà Tĩnh"
recipients = ["Ban Thường vụ Tỉnh ủy Hà Tĩnh", "Ban Dân vận Tỉnh ủy", "Thường trực Thị ủy"]
archive = "Văn phòng Thị ủy"

[signer]
title = "Phó Bí thư"
name = "Nguyễn Văn A"
on_behalf_of = "Ban Thường vụ"
"""


def test_cli_docx_from_a_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "van-ban.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    out = tmp_path / "bao-cao.docx"
    argv = ["report", str(EXAMPLES / "hong_linh_2021.json"), "--settings", str(settings)]
    assert main([*argv, "--out", str(out)]) == 0
    assert out.read_bytes() == docx_bytes(party())
    assert main([*argv, "--document"]) == 0
    assert capsys.readouterr().out == party().to_html() + "\n"


def test_cli_docx_from_options(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    argv = [
        "report", str(EXAMPLES / "hoa_thanh_2020.json"), "--format", "docx", "--out", str(out),
        "--issuer", "Ủy ban nhân dân thị xã Hòa Thành", "--number", "5",
        "--issued", "09/11/2020", "--place", "Hòa Thành", "--archive", "VT, VP",
        "--signer-title", "Phó Chủ tịch", "--signer-name", "Trần Văn B",
        "--on-behalf-of", "Ủy ban nhân dân", "--authority", "deputy", "--principal", "Chủ tịch",
        "--recipient", "Ban Dân vận Thị ủy", "--recipient", "Thường trực Thị ủy",
        "--recipient", "Các phòng, ban thị xã",
    ]  # fmt: skip
    assert main(argv) == 0
    assert out.read_bytes() == docx_bytes(state())


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "docx"], "give --out FILE.docx"),
        (["--document"], "needs --issuer, --number"),
        (["--document", "--settings", "missing.toml"], "cannot read"),
        (["--document", "--format", "md"], "--document writes HTML or docx"),
    ],
)
def test_cli_errors_are_one_line(
    extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


def test_cli_bad_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "bad.toml"
    for text, message in (
        ("issuer = ", "is not a TOML file"),
        ('colour = "red"', "unknown settings colour"),
        (SETTINGS.replace('place = "Hồng Lĩnh"', 'place = "hồng lĩnh"'), "the date line"),
        (SETTINGS.replace("number = 45", 'number = "bốn lăm"'), "whole number"),
    ):
        settings.write_text(text, encoding="utf-8")
        dataset = str(EXAMPLES / "hong_linh_2021.json")
        assert main(["report", dataset, "--document", "--settings", str(settings)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert message in err, err


def test_a_board_stands_under_its_committee() -> None:
    """36-HD/VPTW writes a board of a committee under the committee's name ("THỊ ỦY HÒA
    THÀNH" / "BAN DÂN VẬN"); with the tree, the builder finds the committee."""
    data = _dataset("hoa_thanh_2020")
    document = official_document(
        build_report(data),
        issuer=data.tree["hoa-thanh-bdv"],
        tree=data.tree,
        number=12,
        issued=date(2020, 11, 9),
        place="Hòa Thành",
        signer=SignatureBlock(title="Trưởng ban", name="Lê Thị C"),
        recipients=["Ban Dân vận Tỉnh ủy Tây Ninh"],
        archive="Ban Dân vận",
    )
    assert (document.superior, document.issuer) == (("Thị ủy Hòa Thành",), ("Ban Dân vận",))
    assert document.number_line == "Số 12-BC/BDV"


def test_units_outside_the_party_and_the_state_are_refused() -> None:
    data = _dataset("hoa_thanh_2020")
    with pytest.raises(InvalidValueError, match="Party and State units only"):
        official_document(
            build_report(data),
            issuer=data.tree["hoa-thanh-mttq"],
            number=1,
            issued=date(2020, 11, 9),
            place="Hòa Thành",
            signer=SignatureBlock(title="Chủ tịch", name="Lê Thị C"),
            recipients=["Ban Dân vận Thị ủy"],
            archive="VP",
        )


def test_built_documents_pass_the_check() -> None:
    assert check_document(party()) == ()
    assert check_document(state()) == ()
