"""The layout of official documents (thể thức, kỹ thuật trình bày văn bản): one table (private).

Every figure the renderers use (paper, margins, font, size, bold, italic, upper case,
alignment, the lines under headings, page numbers) is in :data:`LAYOUTS`, each row
with the rule it comes from:

- **State** documents: Nghị định 30/2020/NĐ-CP (05/3/2020), Phụ lục I "Thể thức, kỹ
  thuật trình bày văn bản hành chính và bản sao văn bản", Phần I: mục I (quy định
  chung), mục II (the elements, khoản 1-9) and mục V (mẫu chữ). Read in full.
- **Party** documents: Hướng dẫn 36-HD/VPTW (03/4/2018) of the Văn phòng Trung ương
  Đảng, mục II (the elements) and Phụ lục 3 (mẫu chữ). The rows of Phụ lục 3 from the
  header to the body were read (as reproduced by thuvienphapluat.vn, "Mẫu trình bày thể
  thức văn bản và bản sao văn bản của Đảng"); the signature, recipients, margins and
  page numbers of the Party rows were **not** read in the primary text: they follow the
  handbook of a Party committee's office (Sổ tay điện tử, Đảng ủy Khối tỉnh Bình Thuận,
  "Yêu cầu kỹ thuật trình bày văn bản") or common practice, and say so in their row.

Where a rule gives a range (State body 13-14 pt), the row picks one value and names
the range. Sizes are in points, lengths in millimetres.
"""

from __future__ import annotations

import enum
from typing import Final, Literal

import attrs

from danvan.documents import DocumentSystem

__all__ = ["LAYOUTS", "Element", "Layout", "Page", "TextStyle"]

Align = Literal["left", "center", "right", "justify"]

FONT: Final = "Times New Roman"
"""Both rules: Times New Roman, Unicode (TCVN 6909:2001). NĐ 30/2020, Phụ lục I, Phần I,
mục I, khoản 4; 36-HD/VPTW, mục III (phông chữ)."""


class Element(str, enum.Enum):
    """An element of the layout (thành phần thể thức)."""

    PARTY_HEADING = "party_heading"  # ĐẢNG CỘNG SẢN VIỆT NAM
    NATIONAL_NAME = "national_name"  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (Quốc hiệu)
    MOTTO = "motto"  # Độc lập - Tự do - Hạnh phúc (Tiêu ngữ)
    SUPERIOR = "superior"  # tên cơ quan cấp trên / chủ quản trực tiếp
    ISSUER = "issuer"  # tên cơ quan ban hành
    ASTERISK = "asterisk"  # the "*" under a Party issuer
    NUMBER = "number"  # Số 05-BC/ThU; Số: 05/BC-UBND
    PLACE_DATE = "place_date"  # Hồng Lĩnh, ngày 19 tháng 5 năm 2021
    DOCUMENT_TYPE = "document_type"  # BÁO CÁO
    ABSTRACT = "abstract"  # trích yếu nội dung
    ABSTRACT_RULE = "abstract_rule"  # what stands under the trích yếu
    HEADING = "heading"  # I. KẾT QUẢ ... (số thứ tự và tiêu đề của mục)
    BODY = "body"  # nội dung văn bản
    ITEM = "item"  # a line of a list in the body
    TABLE = "table"  # a table of figures in the body
    AUTHORITY = "authority"  # T/M BAN THƯỜNG VỤ; TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH
    SIGNER_TITLE = "signer_title"  # PHÓ BÍ THƯ; PHÓ CHỦ TỊCH
    SIGNER_NAME = "signer_name"  # Nguyễn Văn A
    RECIPIENTS_LABEL = "recipients_label"  # Nơi nhận:
    RECIPIENT = "recipient"  # - Ban Dân vận Tỉnh ủy;
    PAGE_NUMBER = "page_number"


@attrs.frozen
class TextStyle:
    """How one element is written: size, bold, italic, upper case, underline, alignment,
    and the rule it comes from."""

    size: int
    align: Align
    source: str
    bold: bool = False
    italic: bool = False
    upper: bool = False
    underline: bool = False


@attrs.frozen
class Page:
    """Paper and margins (khổ giấy, định lề trang), in millimetres."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int  # distance of the page number from the top edge
    source: str


@attrs.frozen
class Layout:
    """The page and the style of every element in one system."""

    page: Page
    styles: dict[Element, TextStyle]
    rule_under_abstract: Literal["line", "dashes"]  # State: a line; Party: "-----"
    first_line_indent_mm: int
    paragraph_after_pt: int
    line_spacing: Literal["single", "1.5"]


_NĐ30 = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I"
_HD36 = "HD 36-HD/VPTW (03/4/2018)"

LAYOUTS: Final[dict[DocumentSystem, Layout]] = {
    DocumentSystem.STATE: Layout(
        page=Page(
            210,
            297,
            20,
            20,
            30,
            15,
            10,
            f"{_NĐ30}, mục I, khoản 1 (A4, 210 x 297 mm) and khoản 3 (top and bottom"
            " 20-25 mm, left 30-35 mm, right 15-20 mm: the lower bound of each range);"
            " page number 10 mm from the top edge: common practice",
        ),
        styles={
            Element.NATIONAL_NAME: TextStyle(
                12,
                "center",
                f"{_NĐ30}, mục II, khoản 1.a (in hoa, 12-13, đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.MOTTO: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 1.b (in thường, 13-14, đứng, đậm; a solid line"
                " under it as long as the line of text: drawn as its underline)",
                bold=True,
                underline=True,
            ),
            Element.SUPERIOR: TextStyle(
                13, "center", f"{_NĐ30}, mục II, khoản 2.b (in hoa, 12-13, đứng)", upper=True
            ),
            Element.ISSUER: TextStyle(
                13,
                "center",
                f"{_NĐ30}, mục II, khoản 2.b (in hoa, 12-13, đứng, đậm; a solid line under"
                " it 1/3 to 1/2 of its length, centred)",
                bold=True,
                upper=True,
            ),
            Element.NUMBER: TextStyle(
                13, "center", f'{_NĐ30}, mục II, khoản 3.c ("Số:" in thường, 13, đứng)'
            ),
            Element.PLACE_DATE: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 4.c (in thường, 13-14, nghiêng; on the line of the"
                " number, centred under the national motto)",
                italic=True,
            ),
            Element.DOCUMENT_TYPE: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 5.b (in hoa, 13-14, đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.ABSTRACT: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 5.b (in thường, 13-14, đứng, đậm)",
                bold=True,
            ),
            Element.ABSTRACT_RULE: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 5.b (a solid line 1/3 to 1/2 of the line of text)",
            ),
            Element.HEADING: TextStyle(
                14,
                "justify",
                f"{_NĐ30}, mục V, row 6.b (số thứ tự và tiêu đề của mục: in hoa, 13-14,"
                " đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.BODY: TextStyle(
                14,
                "justify",
                f"{_NĐ30}, mục II, khoản 6.e (in thường, canh đều, 13-14; first line"
                " indented 1 or 1,27 cm; at least 6 pt between paragraphs; single to 1,5"
                " line spacing)",
            ),
            Element.ITEM: TextStyle(
                14, "justify", f"{_NĐ30}, mục II, khoản 6.e (a line of the body)"
            ),
            Element.TABLE: TextStyle(
                12,
                "left",
                "not in the rule (tables in the body): 12 pt, the common practice of"
                " reports' tables of figures",
            ),
            Element.AUTHORITY: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 7.đ (TM., KT., TL., TUQ., Q. and the authority:"
                " in hoa, 13-14, đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.SIGNER_TITLE: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 7.đ (chức vụ: in hoa, 13-14, đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.SIGNER_NAME: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục II, khoản 7.đ (họ tên: in thường, 13-14, đứng, đậm, centred"
                " under the title)",
                bold=True,
            ),
            Element.RECIPIENTS_LABEL: TextStyle(
                12,
                "left",
                f'{_NĐ30}, mục II, khoản 9.d ("Nơi nhận:" on its own line, level with the'
                " authority, at the left margin: in thường, 12, nghiêng, đậm)",
                bold=True,
                italic=True,
            ),
            Element.RECIPIENT: TextStyle(
                11,
                "left",
                f'{_NĐ30}, mục II, khoản 9.d (in thường, 11, đứng; "-" at the left margin,'
                ' ";" at the end; the last line "- Lưu: VT, …" ends with ".")',
            ),
            Element.PAGE_NUMBER: TextStyle(
                14,
                "center",
                f"{_NĐ30}, mục I, khoản 7 (Arabic numerals, 13-14, đứng, centred in the top"
                " margin, none on the first page)",
            ),
        },
        rule_under_abstract="line",
        first_line_indent_mm=10,
        paragraph_after_pt=6,
        line_spacing="single",
    ),
    DocumentSystem.PARTY: Layout(
        page=Page(
            210,
            297,
            25,
            25,
            35,
            15,
            10,
            f"{_HD36}, mục III (A4, 210 x 297 mm: read in a summary of the guide);"
            " margins 25, 25, 35, 15 mm and the page number 10 mm from the top edge: the"
            " handbook of Đảng ủy Khối tỉnh Bình Thuận (not read in the guide itself)",
        ),
        styles={
            Element.PARTY_HEADING: TextStyle(
                15,
                "center",
                f"{_HD36}, mục II, điểm 1.1.2 (top right of the first page, a solid line"
                " under it as long as the heading: drawn as its underline) and Phụ lục 3,"
                " row 1 (in hoa, 15, đứng, đậm)",
                bold=True,
                upper=True,
                underline=True,
            ),
            Element.SUPERIOR: TextStyle(
                14,
                "center",
                f"{_HD36}, Phụ lục 3, row 2 (cơ quan cấp trên: in hoa, 14, đứng)",
                upper=True,
            ),
            Element.ISSUER: TextStyle(
                14,
                "center",
                f"{_HD36}, Phụ lục 3, row 2 (cơ quan ban hành: in hoa, 14, đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.ASTERISK: TextStyle(
                14,
                "center",
                f'{_HD36}, mục II, điểm 1.2 (the examples set "*" under the issuing body)',
            ),
            Element.NUMBER: TextStyle(
                14,
                "center",
                f'{_HD36}, Phụ lục 3, row 3 (in thường, 14, đứng; "Số 127-QĐ/TW", no colon)',
            ),
            Element.PLACE_DATE: TextStyle(
                14,
                "center",
                f"{_HD36}, Phụ lục 3, row 4 (in thường, 14, nghiêng)",
                italic=True,
            ),
            Element.DOCUMENT_TYPE: TextStyle(
                16,
                "center",
                f"{_HD36}, Phụ lục 3, row 5 (tên loại: in hoa, 15-16, đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.ABSTRACT: TextStyle(
                14,
                "center",
                f"{_HD36}, Phụ lục 3, row 5 (trích yếu: in thường, 14-15, đứng, đậm)",
                bold=True,
            ),
            Element.ABSTRACT_RULE: TextStyle(
                14,
                "center",
                'five hyphens "-----" under the trích yếu: the common practice of Party'
                f" documents (the passage of {_HD36} was not read)",
            ),
            Element.HEADING: TextStyle(
                14,
                "justify",
                f"{_HD36}, Phụ lục 3, row 6 (tên mục: in hoa, 14-15, đứng, đậm)",
                bold=True,
                upper=True,
            ),
            Element.BODY: TextStyle(
                14,
                "justify",
                f"{_HD36}, Phụ lục 3, row 6 (nội dung: in thường, 14-15, đứng); first line"
                " indent, 6 pt between paragraphs and single spacing: as the State rule",
            ),
            Element.ITEM: TextStyle(
                14, "justify", f"{_HD36}, Phụ lục 3, row 6 (a line of the body)"
            ),
            Element.TABLE: TextStyle(
                12,
                "left",
                "not in the rule (tables in the body): 12 pt, the common practice of"
                " reports' tables of figures",
            ),
            Element.AUTHORITY: TextStyle(
                14,
                "center",
                "T/M, K/T and the body: in hoa, 14, đứng, đậm; common practice of Party"
                f" documents (the row of {_HD36}, Phụ lục 3 was not read)",
                bold=True,
                upper=True,
            ),
            Element.SIGNER_TITLE: TextStyle(
                14,
                "center",
                f"chức vụ: in hoa, 14, đứng, đậm; common practice (the row of {_HD36},"
                " Phụ lục 3 was not read)",
                bold=True,
                upper=True,
            ),
            Element.SIGNER_NAME: TextStyle(
                14,
                "center",
                f"họ tên: in thường, 14, đứng, đậm; common practice (the row of {_HD36},"
                " Phụ lục 3 was not read)",
                bold=True,
            ),
            Element.RECIPIENTS_LABEL: TextStyle(
                14,
                "left",
                '"Nơi nhận:" underlined, in thường, 14, đứng, level with the authority at'
                f" the left margin; common practice of Party documents (the row of {_HD36},"
                " Phụ lục 3 was not read)",
                underline=True,
            ),
            Element.RECIPIENT: TextStyle(
                12,
                "left",
                'in thường, 12, đứng; "-" at the left, "," at the end, the last line'
                ' "- Lưu Văn phòng …" ending with "."; common practice of Party documents'
                f" (the row of {_HD36}, Phụ lục 3 was not read)",
            ),
            Element.PAGE_NUMBER: TextStyle(
                14,
                "center",
                "from the second page, Arabic numerals centred in the top margin: the"
                " handbook of Đảng ủy Khối tỉnh Bình Thuận; 14 pt: common practice",
            ),
        },
        rule_under_abstract="dashes",
        first_line_indent_mm=10,
        paragraph_after_pt=6,
        line_spacing="single",
    ),
}
