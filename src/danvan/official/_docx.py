"""An official document as a Word file (.docx), with python-docx (private).

python-docx is imported inside :func:`to_docx`, never at import time: it is the
optional extra ``danvan[docx]``. The file is the same bytes for the same document:
its core properties are fixed (created and modified on the day of issue, at midnight
UTC) and every part of the package carries the date 1980-01-01.
"""

from __future__ import annotations

import importlib
import io
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Final

from danvan._files import write_whole
from danvan.documents import DocumentSystem
from danvan.errors import InvalidTypeError, MissingDependencyError
from danvan.official._body import blocks
from danvan.official._layout import FONT, LAYOUTS, Element, Layout, TextStyle
from danvan.official._model import OfficialDocument

__all__ = ["docx_bytes", "to_docx"]

_INSTALL: Final = "pip install 'danvan[docx]'"
# Share of the text width taken by the left column of the header (the bodies' names)
# and of the signature row (Nơi nhận): not in the rules; as the rules' sample layouts
# draw them, the national motto and the signature on the right.
_LEFT: Final = {DocumentSystem.PARTY: 0.45, DocumentSystem.STATE: 0.38}
# A rule under a name is this share of the column (NĐ 30/2020: 1/3 to 1/2 of the line).
_RULE: Final = 0.4
_SIGNATURE_SPACE_PT: Final = 72  # room for the signature and the seal: common practice


def _docx() -> Any:
    try:
        return importlib.import_module("docx")
    except ImportError as exc:
        raise MissingDependencyError(
            f"writing Word files needs python-docx, which is not installed; install it with:"
            f" {_INSTALL}",
            package="python-docx",
            install=_INSTALL,
        ) from exc


class _Writer:
    def __init__(self, docx: Any, layout: Layout) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        self.docx = docx
        self.layout = layout
        self.Mm, self.Pt, self.qn = Mm, Pt, qn
        self.align = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        }

    def style(self, element: Element) -> TextStyle:
        return self.layout.styles[element]

    def run(self, paragraph: Any, text: str, style: TextStyle, **override: bool) -> Any:
        run = paragraph.add_run(text.upper() if style.upper else text)
        font = run.font
        font.name = FONT
        font.size = self.Pt(style.size)
        font.bold = override.get("bold", style.bold)
        font.italic = override.get("italic", style.italic)
        font.underline = override.get("underline", style.underline)
        fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(self.qn("w:eastAsia"), FONT)
        fonts.set(self.qn("w:cs"), FONT)
        return run

    def paragraph(
        self,
        container: Any,
        text: str,
        element: Element,
        *,
        first: bool = False,
        after: int = 0,
        before: int = 0,
    ) -> Any:
        style = self.style(element)
        paragraph = container.paragraphs[0] if first else container.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = self.align[style.align]
        fmt.space_before = self.Pt(before)
        fmt.space_after = self.Pt(after)
        fmt.line_spacing = 1.0
        if text:
            self.run(paragraph, text, style)
        return paragraph

    def rule(self, cell_width_mm: float, paragraph: Any, share: float) -> None:
        """A solid line under *paragraph*'s column, *share* of its width, centred."""
        from docx.oxml import OxmlElement

        margin = cell_width_mm * (1 - share) / 2
        fmt = paragraph.paragraph_format
        fmt.left_indent = self.Mm(margin)
        fmt.right_indent = self.Mm(margin)
        ppr = paragraph._element.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
            bottom.set(self.qn(f"w:{key}"), value)
        borders.append(bottom)
        ppr.append(borders)
        for run in paragraph.runs:
            run.font.size = self.Pt(4)

    def table(self, document: Any, widths_mm: tuple[float, ...], rows: int, grid: bool) -> Any:
        table = document.add_table(rows=rows, cols=len(widths_mm))
        if grid:
            table.style = document.styles["Table Grid"]
        table.autofit = False
        for index, width in enumerate(widths_mm):
            table.columns[index].width = self.Mm(width)
            for cell in table.columns[index].cells:
                cell.width = self.Mm(width)
        return table


def _field(writer: _Writer, paragraph: Any, instruction: str, style: TextStyle) -> None:
    """A field (the page number) in *paragraph*."""
    from docx.oxml import OxmlElement

    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        run = writer.run(paragraph, "", style)
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(writer.qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(writer.qn("w:fldCharType"), kind)
        run._element.append(element)


def _build(document: OfficialDocument) -> Any:
    docx = _docx()
    layout = LAYOUTS[document.system]
    writer = _Writer(docx, layout)
    Mm, Pt = writer.Mm, writer.Pt
    out = docx.Document()
    page = layout.page
    section = out.sections[0]
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.header_distance = Mm(page.header)
    section.different_first_page_header_footer = True  # no number on the first page
    normal = out.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(layout.styles[Element.BODY].size)
    number = writer.paragraph(section.header, "", Element.PAGE_NUMBER, first=True)
    _field(writer, number, "PAGE", writer.style(Element.PAGE_NUMBER))

    width = page.width - page.left - page.right
    left = width * _LEFT[document.system]
    columns = (left, width - left)
    party = document.system is DocumentSystem.PARTY

    header = writer.table(out, columns, 2, grid=False)
    names, heading = header.cell(0, 0), header.cell(0, 1)
    first = True
    for line in document.superior:
        writer.paragraph(names, line, Element.SUPERIOR, first=first)
        first = False
    for line in document.issuer:
        writer.paragraph(names, line, Element.ISSUER, first=first)
        first = False
    if party:
        writer.paragraph(names, "*", Element.ASTERISK)
        writer.paragraph(heading, "Đảng Cộng sản Việt Nam", Element.PARTY_HEADING, first=True)
    else:
        writer.rule(left, writer.paragraph(names, "", Element.ISSUER), _RULE)
        writer.paragraph(
            heading, "Cộng hòa xã hội chủ nghĩa Việt Nam", Element.NATIONAL_NAME, first=True
        )
        writer.paragraph(heading, "Độc lập - Tự do - Hạnh phúc", Element.MOTTO)
    writer.paragraph(header.cell(1, 0), document.number_line, Element.NUMBER, first=True, before=6)
    writer.paragraph(
        header.cell(1, 1), document.date_line, Element.PLACE_DATE, first=True, before=6
    )

    writer.paragraph(out, document.document_type, Element.DOCUMENT_TYPE, before=18)
    writer.paragraph(out, document.abstract, Element.ABSTRACT)
    if layout.rule_under_abstract == "dashes":
        writer.paragraph(out, "-----", Element.ABSTRACT_RULE, after=12)
    else:
        writer.rule(width, writer.paragraph(out, "", Element.ABSTRACT_RULE, after=12), 0.3)

    indent = Mm(layout.first_line_indent_mm)
    table_style = writer.style(Element.TABLE)
    for block in blocks(document.body):
        if block.kind == "table":
            assert block.table is not None
            caption = writer.paragraph(out, "", Element.TABLE, before=6, after=3)
            writer.run(caption, block.text, table_style, bold=True)
            data = block.table
            grid = writer.table(
                out,
                tuple(width / len(data.header) for _ in data.header),
                1 + len(data.rows),
                grid=True,
            )
            for r, row in enumerate((data.header, *data.rows)):
                for c, cell_text in enumerate(row):
                    cell = grid.cell(r, c)
                    paragraph = writer.paragraph(cell, "", Element.TABLE, first=True)
                    writer.run(paragraph, cell_text, table_style, bold=r == 0)
            continue
        element = {"heading": Element.HEADING, "item": Element.ITEM}.get(block.kind, Element.BODY)
        before = layout.paragraph_after_pt if block.kind == "heading" else 0
        paragraph = writer.paragraph(
            out, block.text, element, before=before, after=layout.paragraph_after_pt
        )
        paragraph.paragraph_format.first_line_indent = indent
        if block.depth:
            paragraph.paragraph_format.left_indent = Mm(5 * block.depth)

    signature = writer.table(out, columns, 1, grid=False)
    received, signed = signature.cell(0, 0), signature.cell(0, 1)
    writer.paragraph(received, "Nơi nhận:", Element.RECIPIENTS_LABEL, first=True, before=12)
    for line in document.recipient_lines():
        writer.paragraph(received, line, Element.RECIPIENT)
    *marks, title, name = document.signature.lines(document.system)
    first = True
    for line in marks:
        writer.paragraph(signed, line, Element.AUTHORITY, first=first, before=12 if first else 0)
        first = False
    writer.paragraph(signed, title, Element.SIGNER_TITLE, first=first, before=12 if first else 0)
    writer.paragraph(signed, name, Element.SIGNER_NAME, before=_SIGNATURE_SPACE_PT)

    properties = out.core_properties
    midnight = datetime(
        document.issued.year, document.issued.month, document.issued.day, tzinfo=timezone.utc
    )
    properties.title = f"{document.document_type} {document.abstract}"
    properties.subject = document.number_line
    properties.author = " ".join(document.issuer)
    properties.last_modified_by = "danvan"
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.revision = 1
    properties.created = midnight
    properties.modified = midnight
    properties.last_printed = midnight
    return out


def docx_bytes(document: OfficialDocument, /) -> bytes:
    """The bytes of the Word file (tệp Word) of *document*, the same for the same document.

    >>> docx_bytes("not a document")
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidTypeError: expected an OfficialDocument, not str: 'not a document'
    """
    if not isinstance(document, OfficialDocument):
        raise InvalidTypeError(
            f"expected an OfficialDocument, not {type(document).__name__}: {document!r}"
        )
    built = io.BytesIO()
    _build(document).save(built)
    fixed = io.BytesIO()
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(fixed, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


def to_docx(document: OfficialDocument, path: str | os.PathLike[str], /) -> Path:
    """Write an official document (văn bản) as a Word file (.docx) at *path*, whole or
    not at all.

    The layout is the one of its system: paper, margins, Times New Roman and the size,
    weight and slant of every element from the rule (see the table in
    ``danvan/official/_layout.py``); the header and the signature block are tables
    without borders, the page number is in the top margin from the second page. The
    same document gives the same bytes. Needs python-docx (``danvan[docx]``);
    without it, :class:`~danvan.MissingDependencyError`. Returns the path written.

    >>> import tempfile, pathlib, docx
    >>> from datetime import date
    >>> from danvan import build_report, default_dataset, official_document
    >>> from danvan import SignatureBlock
    >>> from danvan import Level, Unit, UnitKind
    >>> ubnd = Unit(id="hoa-thanh-ubnd", name="Ủy ban nhân dân thị xã Hòa Thành",
    ...             kind=UnitKind.PEOPLES_COMMITTEE, level=Level.DISTRICT)
    >>> document = official_document(
    ...     build_report(default_dataset()), issuer=ubnd, number=5, abbreviation="UBND",
    ...     issued=date(2020, 11, 9), place="Hòa Thành", archive="VT, VP",
    ...     signer=SignatureBlock(title="Chủ tịch", name="Nguyễn Văn A",
    ...                           on_behalf_of="Ủy ban nhân dân"),
    ...     recipients=["Ban Dân vận Thị ủy"])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = to_docx(document, pathlib.Path(folder) / "bao-cao.docx")
    ...     header = docx.Document(path).tables[0]
    ...     print(header.cell(1, 0).text, "|", header.cell(1, 1).text)
    Số: 05/BC-UBND | Hòa Thành, ngày 09 tháng 11 năm 2020
    """
    data = docx_bytes(document)

    def write(file: IO[bytes]) -> None:
        file.write(data)

    return write_whole(path, write)
