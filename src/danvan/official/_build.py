"""Building an official document from a report and a unit (private)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from danvan.documents import DocumentCode, DocumentSystem
from danvan.errors import DanvanError, InvalidTypeError, InvalidValueError
from danvan.official._check import check_document
from danvan.official._model import OfficialDocument, SignatureBlock
from danvan.report import Report, SectionName
from danvan.units import Branch, Unit, UnitKind, UnitTree

__all__ = ["SECTIONS", "official_document"]

#: The sections of a report that make the body of an official báo cáo: its content,
#: without the list of units (the header names the issuer) or the note of the data's
#: source. ``build_report(data, sections=SECTIONS)``; ``danvan report`` uses them for
#: ``--format docx`` and ``--document`` unless ``--sections`` says otherwise.
SECTIONS: tuple[SectionName, ...] = (
    "directives",
    "campaigns",
    "models",
    "democracy",
    "results",
)

_SYSTEMS = {Branch.PARTY: DocumentSystem.PARTY, Branch.STATE: DocumentSystem.STATE}
# Kinds whose header above them is not their parent's name: a Party committee writes
# the Đảng bộ above it ("ĐẢNG BỘ TỈNH HÀ TĨNH"), a People's Committee none.
_OWN_HEADER = frozenset({UnitKind.PARTY_COMMITTEE, UnitKind.PEOPLES_COMMITTEE})


def _names(value: str | Sequence[str] | None, what: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise InvalidTypeError(f"{what} must be a str or a sequence of str, not {value!r}")
    return tuple(value)


def _issuer_lines(unit: Unit, board: bool) -> tuple[str, ...]:
    """The issuer's name in the header: a board of a committee writes its kind alone
    ("Ban Dân vận", its committee standing above it); a People's Committee its kind on
    one line and its place on the next ("ỦY BAN NHÂN DÂN" / "THỊ XÃ HÒA THÀNH")."""
    kind = unit.kind.vietnamese
    if unit.name.lower().startswith(kind.lower()) and len(unit.name) > len(kind):
        rest = unit.name[len(kind) :].strip()
        head = unit.name[: len(kind)]
        return (head,) if board else (head, rest)
    return (unit.name,)


def official_document(
    report: Report,
    /,
    *,
    issuer: Unit,
    number: int,
    issued: date,
    place: str,
    signer: SignatureBlock,
    recipients: Iterable[str],
    archive: str,
    tree: UnitTree | None = None,
    superior: str | Sequence[str] | None = None,
    issuer_lines: str | Sequence[str] | None = None,
    abbreviation: str | None = None,
    document_type: str = "BC",
    abstract: str | None = None,
) -> OfficialDocument:
    """The report as an official document of *issuer* (văn bản báo cáo).

    The unit decides the system (a Party unit: Hướng dẫn 36-HD/VPTW; a State unit:
    Nghị định 30/2020/NĐ-CP), its name the header (a board of a committee under its
    committee, a People's Committee on two lines), its identifier in the scheme
    ``"document_issuer"`` (or *abbreviation*) the code, written in the system's form:
    "Số 05-BC/ThU" or "Số: 05/BC-UBND". With *tree*, the unit's parent gives the
    superior body of a board; a Party committee's superior ("Đảng bộ tỉnh Hà Tĩnh")
    is given as *superior*. The trích yếu is the report's title unless *abstract* is
    given.

    Every problem :func:`check_document` would report, and a unit that does not exist
    on *issued*, raise one :class:`~danvan.InvalidValueError` listing them all.

    >>> from danvan import default_dataset, build_report
    >>> from danvan import Level, Unit, UnitKind
    >>> ubnd = Unit(id="hoa-thanh-ubnd", name="Ủy ban nhân dân thị xã Hòa Thành",
    ...             kind=UnitKind.PEOPLES_COMMITTEE, level=Level.DISTRICT)
    >>> document = official_document(
    ...     build_report(default_dataset()), issuer=ubnd, number=5, abbreviation="UBND",
    ...     issued=date(2020, 11, 9), place="Hòa Thành",
    ...     signer=SignatureBlock(title="Phó Chủ tịch", name="Nguyễn Văn A",
    ...                           on_behalf_of="Ủy ban nhân dân"),
    ...     recipients=["Ban Dân vận Tỉnh ủy Tây Ninh", "Thường trực Thị ủy"],
    ...     archive="VT, VP")
    >>> document.issuer, document.number_line, document.date_line
    (('Ủy ban nhân dân', 'thị xã Hòa Thành'), 'Số: 05/BC-UBND', 'Hòa Thành, ngày 09 tháng 11 năm 2020')
    >>> document.recipient_lines()
    ('- Ban Dân vận Tỉnh ủy Tây Ninh;', '- Thường trực Thị ủy;', '- Lưu: VT, VP.')
    """  # noqa: E501
    if not isinstance(report, Report):
        raise InvalidTypeError(f"expected a Report, not {type(report).__name__}: {report!r}")
    if not isinstance(issuer, Unit):
        raise InvalidTypeError(f"issuer must be a Unit, not {type(issuer).__name__}: {issuer!r}")
    if tree is not None and not isinstance(tree, UnitTree):
        raise InvalidTypeError(f"tree must be a UnitTree or None, not {tree!r}")
    if not isinstance(issued, date) or isinstance(issued, datetime):
        raise InvalidTypeError(f"issued must be a date, not {type(issued).__name__}: {issued!r}")
    if isinstance(recipients, str) or not isinstance(recipients, Iterable):
        raise InvalidTypeError(
            f"recipients must be names (an iterable of str), not {recipients!r}"
        )
    names = tuple(recipients)
    system = _SYSTEMS.get(issuer.kind.branch)
    if system is None:
        raise InvalidValueError(
            f"{issuer.name!r} is a {issuer.kind.vietnamese}: danvan writes the documents of"
            " Party and State units only (the Front and mass organisations have rules of"
            " their own)"
        )
    problems: list[str] = []
    if not issuer.exists_on(issued):
        problems.append(f"{issuer.name!r} does not exist on {issued.isoformat()}")
    code_issuer = (
        abbreviation if abbreviation is not None else issuer.identifier("document_issuer")
    )
    if code_issuer is None:
        raise InvalidValueError(
            f"{issuer.name!r} has no identifier in the scheme 'document_issuer' (the"
            " abbreviation its codes carry, e.g. 'ThU'); give abbreviation="
        )
    try:
        if system is DocumentSystem.PARTY:
            code = DocumentCode.party(number, document_type, code_issuer)
        else:
            code = DocumentCode.state(number, document_type, code_issuer)
    except DanvanError as exc:
        raise InvalidValueError(f"cannot write the document's code: {exc}") from exc
    parent = None
    if tree is not None and issuer.parent is not None:
        parent = tree.get(issuer.parent)
    board = issuer.kind not in _OWN_HEADER and parent is not None
    above = _names(superior, "superior")
    if above is None:
        above = (parent.name,) if board and parent is not None else ()
    lines = _names(issuer_lines, "issuer_lines")
    if lines is None:
        lines = _issuer_lines(issuer, board)
    document = OfficialDocument(
        system=system,
        superior=above,
        issuer=lines,
        code=code,
        place=place,
        issued=issued,
        abstract=report.title if abstract is None else abstract,
        body=report,
        signature=signer,
        recipients=names,
        archive=archive,
    )
    problems += check_document(document)
    if problems:
        raise InvalidValueError("; ".join(problems))
    return document
