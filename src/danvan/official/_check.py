"""What an official document breaks of the rules of layout (private)."""

from __future__ import annotations

from typing import Final

from danvan.dates import format_date
from danvan.documents import DocumentSystem
from danvan.errors import InvalidTypeError
from danvan.official._model import Authority, OfficialDocument

__all__ = ["MAX_ABSTRACT_LENGTH", "check_document"]

#: Longest trích yếu danvan accepts, in characters. Neither rule gives a number: Nghị
#: định 30/2020/NĐ-CP (Phụ lục I, Phần I, mục II, khoản 5.a) asks for "một câu ngắn gọn
#: hoặc một cụm từ". 200 characters is about three lines at 14 pt across the page:
#: danvan's own practice, not a rule.
MAX_ABSTRACT_LENGTH: Final = 200

_OWN_PUNCTUATION: Final = tuple("-–+•*;,.:")


def _system(system: DocumentSystem) -> str:
    return "a Party" if system is DocumentSystem.PARTY else "a State"


def check_document(document: OfficialDocument, /) -> tuple[str, ...]:
    """What *document* breaks of the rules of layout (thể thức) of its system, one
    line each; ``()`` when nothing.

    Reports a number line in the other system's form (a Party document numbered
    "Số: 05/BC-UBND", with a colon), a code without a document type, a date line that
    is not "<Địa danh>, ngày … tháng … năm …" (a place that does not begin with a
    capital, or holds a comma or digits), a trích yếu longer than
    :data:`~danvan.official.MAX_ABSTRACT_LENGTH`, a missing "Nơi nhận" or "- Lưu" line, a State "Lưu"
    line that does not begin with "VT", a recipient written with its own punctuation
    (its line would read "- - Ban Dân vận;;"), a signing mark the system does not
    have, and an empty body.

    >>> from danvan import default_dataset, build_report, DocumentCode
    >>> from danvan.official import SignatureBlock
    >>> from datetime import date
    >>> document = OfficialDocument(
    ...     system=DocumentSystem.PARTY, superior=("Đảng bộ tỉnh Tây Ninh",),
    ...     issuer=("Thị ủy Hòa Thành",), code=DocumentCode.parse("05/BC-UBND"),
    ...     place="Hòa Thành", issued=date(2020, 11, 9), abstract="Kết quả năm 2020",
    ...     body=build_report(default_dataset()),
    ...     signature=SignatureBlock(title="Bí thư", name="Nguyễn Văn A"),
    ...     recipients=(), archive="")
    >>> for problem in check_document(document):
    ...     print(problem)
    the number line 'Số: 05/BC-UBND' is a State code; a Party document is numbered as 'Số 05-BC/ThU', without a colon
    'Nơi nhận' lists no recipient
    'Nơi nhận' has no '- Lưu' line (the copy kept by the issuer)
    """  # noqa: E501
    if not isinstance(document, OfficialDocument):
        raise InvalidTypeError(
            f"expected an OfficialDocument, not {type(document).__name__}: {document!r}"
        )
    problems: list[str] = []
    system = document.system
    code = document.code
    if code.system is not system:
        form = (
            "'Số 05-BC/ThU', without a colon"
            if system is DocumentSystem.PARTY
            else "'Số: 05/BC-UBND', with a colon"
        )
        problems.append(
            f"the number line {code.number_line()!r} is {_system(code.system)} code;"
            f" {_system(system)} document is numbered as {form}"
        )
    if code.type is None or not code.type.known:
        problems.append(
            f"the code {str(code)!r} has no known document type, so the document has no"
            " name under its header"
        )
    place = document.place
    first = place[0]
    # as the line would read (format_date itself refuses a place it could not read back)
    line = f"{place}, {format_date(document.issued, style='long')}"
    if (
        not first.isalpha()
        or not first.isupper()
        or "," in place
        or any(c.isdigit() for c in place)
    ):
        problems.append(
            f"the date line {line!r} is not '<Địa danh>, ngày … tháng … năm …':"
            " the place is a name beginning with a capital, without commas or digits"
        )
    elif place.lower().startswith(("ngày", "ngay")):
        problems.append(
            f"the date line {line!r} is not '<Địa danh>, ngày … tháng … năm …':"
            " the place is missing"
        )
    if len(document.abstract) > MAX_ABSTRACT_LENGTH:
        problems.append(
            f"the trích yếu has {len(document.abstract)} characters; danvan allows"
            f" {MAX_ABSTRACT_LENGTH} (a short sentence or phrase): {document.abstract[:40]!r}…"
        )
    if not document.body.sections:
        problems.append("the body has no section")
    for mark in (
        *((Authority.ON_BEHALF,) if document.signature.on_behalf_of is not None else ()),
        *((document.signature.authority,) if document.signature.authority is not None else ()),
    ):
        if mark.mark(system) is None:
            problems.append(
                f"the signing mark {mark.value!r} has no form in {_system(system)} document"
                " that danvan knows"
            )
    if not document.recipients:
        problems.append("'Nơi nhận' lists no recipient")
    for position, name in enumerate(document.recipients, 1):
        if name.startswith(_OWN_PUNCTUATION) or name.endswith(_OWN_PUNCTUATION):
            end = "," if system is DocumentSystem.PARTY else ";"
            problems.append(
                f"recipient {position} {name!r} is written with its own punctuation; its"
                f" line is '- <name>{end}', so give the name alone"
            )
    archive = document.archive
    if not archive:
        problems.append("'Nơi nhận' has no '- Lưu' line (the copy kept by the issuer)")
    else:
        if archive.endswith(_OWN_PUNCTUATION) or archive.lower().startswith("lưu"):
            problems.append(
                f"the archive {archive!r} is written with its own punctuation or word;"
                " the line is '- Lưu …' with a full stop, so give what follows 'Lưu'"
            )
        if system is DocumentSystem.STATE and not archive.startswith("VT"):
            problems.append(
                f"the line '- Lưu: {archive}.' must name the clerical office first:"
                " '- Lưu: VT, …' (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II,"
                " khoản 9.d)"
            )
    return tuple(problems)
