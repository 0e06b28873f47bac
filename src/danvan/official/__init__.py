"""Official documents (văn bản): a report as a Party or State document, in Word and HTML.

What a district office hands in is a báo cáo in the official layout, signed and filed.
:func:`official_document` turns a :class:`~danvan.Report` into an
:class:`OfficialDocument` of a unit: the header (ĐẢNG CỘNG SẢN VIỆT NAM, the bodies
with the asterisk, "Số 05-BC/ThU"; or the national name and motto, "Số: 05/BC-UBND"),
the place and date, the type and trích yếu, the body, the :class:`SignatureBlock`
("T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH") and "Nơi nhận".
:func:`to_docx` writes it as a Word file (python-docx, the extra ``danvan[docx]``),
:meth:`OfficialDocument.to_html` as a print-ready page; :func:`check_document` lists
what a document breaks of the rules, one problem per line.

Party documents follow Hướng dẫn 36-HD/VPTW (03/4/2018) of the Văn phòng Trung ương
Đảng, State documents Nghị định 30/2020/NĐ-CP (05/3/2020), Phụ lục I. The figures of
the layout are one table, each row citing its rule or the practice it follows
(``danvan/official/_layout.py``).

>>> from datetime import date
>>> from danvan import build_report, default_dataset
>>> data = default_dataset()
>>> document = official_document(
...     build_report(data), issuer=data.tree["hong-linh-thu"], number=45,
...     issued=date(2021, 12, 15), place="Hồng Lĩnh", superior="Đảng bộ tỉnh Hà Tĩnh",
...     signer=SignatureBlock(title="Phó Bí thư", name="Nguyễn Văn A",
...                           on_behalf_of="Ban Thường vụ"),
...     recipients=["Ban Thường vụ Tỉnh ủy Hà Tĩnh", "Ban Dân vận Tỉnh ủy"],
...     archive="Văn phòng Thị ủy")
>>> document.number_line, document.date_line
('Số 45-BC/ThU', 'Hồng Lĩnh, ngày 15 tháng 12 năm 2021')
>>> document.signature.lines(document.system)
('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn A')
>>> document.recipient_lines()[-1]
'- Lưu Văn phòng Thị ủy.'
>>> check_document(document)
()
"""

from __future__ import annotations

from danvan.official._build import SECTIONS, official_document
from danvan.official._check import MAX_ABSTRACT_LENGTH, check_document
from danvan.official._docx import docx_bytes, to_docx
from danvan.official._model import Authority, OfficialDocument, SignatureBlock

__all__ = [
    "MAX_ABSTRACT_LENGTH",
    "SECTIONS",
    "Authority",
    "OfficialDocument",
    "SignatureBlock",
    "check_document",
    "docx_bytes",
    "official_document",
    "to_docx",
]
